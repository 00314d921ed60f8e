"""GB/T 9704 text conventions: how the words of a 公文 are written, in one place.

``gbt9704`` holds the numbers (millimetres, points, lines); this module holds the written forms a
reader recognises and a rule checks: 发文字号 (§7.2.5), 份号/密级/紧急程度/签发人 (§7.2.1–7.2.6),
结构层次序数 (§7.3.3), 结束语, 附件说明 (§7.3.4), 成文日期 (§7.3.5.4), 附注 (§7.3.6), 版记
(§7.4), page numbers (§7.5), organ names, the 文种 a title ends with and — from a report kind's
data — which required part a heading means.  Rules, ``import``, ``inspect`` and ``measure`` all take
their patterns here; none keeps its own.

Patterns are compiled on first use (``_rx``): most commands read a handful of them, and compiling
every one costs a few milliseconds of every process.  Every function takes one line of text.
"""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass

from .textutil import CN_DIGITS, ascii_digits, level_marker, parse_cn_numeral

# whitespace a clerk's text may hold between characters: spaces, tabs, full-width and no-break spaces,
# zero-width spaces and the BOM
WS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
CN = "一二三四五六七八九十百零〇两"          # Chinese numerals of heading numbers



@functools.lru_cache(maxsize=None)
def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


def strip(text: str) -> str:
    return text.strip(WS + "\r\n")


def squeeze(text: str) -> str:
    """The text without any whitespace (a date or number typed with spaces between its pieces)."""
    return _rx(rf"[{WS}\s]+").sub("", text)


# ---------------------------------------------------------------------------------------------
# 成文日期 (§7.3.5.4): "用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位"

# A date as clerks write it: 2024年12月20日 / 2024年12月20号 / ２０２４年… / 二〇二四年十二月二十日 /
# 2024-12-20 / 2024.12.20 / 2024/12/20 / 20241220 (and a two-digit year, read as 20xx); spaces between
# the pieces ("2025 年 10 月 8 日") are ignored.
DATE_ANY = (r"^(?P<y>[0-9０-９]{4}|[0-9０-９]{2}|[〇○Ｏ零一二三四五六七八九]{4})\s*年\s*"
            r"(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|元)\s*月\s*"
            r"(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号][。.]?$"
            r"|^(?P<y2>\d{4}|\d{2})\s*[./／\-－．]\s*(?P<m2>\d{1,2})\s*[./／\-－．]\s*(?P<d2>\d{1,2})日?[。.]?$"
            r"|^(?P<y3>(?:19|20)\d{2})(?P<m3>[01]\d)(?P<d3>[0-3]\d)$")
# the GB/T 9704 form itself
DATE_GB = r"^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$"
# a date line without its day ("2024年12月"): the 成文日期's place, unfinished
MONTH_ONLY = (rf"^(?:\d{{4}}|[{CN_DIGITS}]{{4}})[{WS}]*年[{WS}]*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})"
              rf"[{WS}]*月$")
# a deadline's month and day ("03-01", "3月1日"): 检查.报送期限 and drafter.toml's deadline
MONTH_DAY = r"(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?"
# a date anywhere in a line (a web page's banner "××区人民政府 2019年12月3日星期二", a 纪要's
# organ-and-date line)
DATE_IN_LINE = (rf"(?P<y>(?:19|20)\d{{2}})[{WS}]*年[{WS}]*(?P<m>\d{{1,2}})[{WS}]*月[{WS}]*(?P<d>\d{{1,2}})[{WS}]*[日号]"
                rf"|(?P<y2>(?:19|20)\d{{2}})[-/.](?P<m2>\d{{1,2}})[-/.](?P<d2>\d{{1,2}})(?!\d)")
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written any common way (see DATE_ANY), unchecked; or None."""
    m = _rx(DATE_ANY).match(re.sub(r"\s+", "", text.replace("\u200b", "").replace("\ufeff", "")))
    if not m:
        return None
    y = m.group("y") or m.group("y2") or m.group("y3")
    mo = m.group("m") or m.group("m2") or m.group("m3")
    d = m.group("d") or m.group("d2") or m.group("d3")
    y = ascii_digits(y)
    if len(y) == 2:                   # 25年: the year in full is 2025 (reports are of this century)
        y = "20" + y

    def num(s: str) -> int | None:
        s = s.translate(_FW_DIGITS)
        return 1 if s == "元" else int(s) if s.isdigit() else parse_cn_numeral(s)

    mo_n, d_n = num(mo), num(d)
    if not y.isdigit() or mo_n is None or d_n is None:
        return None
    return int(y), mo_n, d_n


def parse_date(text: str) -> _dt.date | None:
    """The date of a line that is only a date, written any common way; None when it is no date or
    no real day (2024年2月30日)."""
    parts = date_parts(text)
    try:
        return _dt.date(*parts) if parts else None
    except ValueError:
        return None


def normal_date(text: str) -> str | None:
    """The GB/T 9704 form (2024年12月20日) of a date written any common way, or None."""
    parts = date_parts(text)
    return None if parts is None else "{}年{}月{}日".format(*parts)


def fmt_date(d) -> str:
    """GB/T 9704 §7.3.5.4: Arabic numerals, full year, no leading zeros."""
    return f"{d.year}年{d.month}月{d.day}日"


def is_gb_date(text: str) -> bool:
    """Written as §7.3.5.4 asks: 2024年12月20日 (no spaces, no leading zeros)."""
    return bool(_rx(DATE_GB).match(text))


def is_month_only(text: str) -> bool:
    return bool(_rx(MONTH_ONLY).match(strip(text)))


def dates_in(text: str) -> list[_dt.date]:
    """Every real date written in a line (Arabic numerals)."""
    out = []
    for m in _rx(DATE_IN_LINE).finditer(text):
        y, mo, d = (m.group("y"), m.group("m"), m.group("d")) if m.group("y") else \
            (m.group("y2"), m.group("m2"), m.group("d2"))
        try:
            out.append(_dt.date(int(y), int(mo), int(d)))
        except ValueError:
            continue
    return out


# ---------------------------------------------------------------------------------------------
# 发文字号 (§7.2.5): 机关代字 + 〔年份〕 + 发文顺序号 + 号
DOC_OPEN = "〔[【(（［{｛〖<＜«﹝〘⟮"
DOC_CLOSE = "〕]】)）］}｝〗>＞»﹞〙⟯"


def _dn_core(org: str, year: str, num: str, hao: str) -> str:
    return (rf"(?P<org>{org})[{WS}]*(?P<open>[{re.escape(DOC_OPEN)}])[{WS}]*(?P<year>{year})[{WS}]*"
            rf"(?P<close>[{re.escape(DOC_CLOSE)}])[{WS}]*(?P<di>第)?[{WS}]*(?P<num>{num})[{WS}]*(?P<hao>号){hao}")


# in a line of the 版头: 代字 of Chinese (or Latin) letters, a year of 2–4 digits, 号 written
_DN_CORE = _dn_core(r"[\u4e00-\u9fffA-Za-z]{1,16}", "[0-9０-９]{2,4}", "[0-9０-９]{1,5}", "")
# a value that should be one (the YAML's 发文字号): anything before the bracket, any digits, 号 perhaps
# missing — so that each slip can be named (FZ501–FZ503)
_DN_VALUE = _dn_core(".*?", "[0-9０-９]+", "[0-9０-９]+", "?")
# a 发文字号 left as a template's placeholder: "×政函〔20××〕×号", "〔    〕号", "〔2025〕  号"
_DN_PLACEHOLDER = (rf"(?:[\u4e00-\u9fff×XＸ○〇]{{0,16}})[{WS}]*[{re.escape(DOC_OPEN)}][{WS}]*(?:[0-9０-９]{{0,4}}[×XＸ○〇]{{1,4}}|"
                   rf"[0-9０-９]{{2,4}}|[{WS}]*)[{WS}]*[{re.escape(DOC_CLOSE)}][{WS}]*第?[{WS}]*(?:[×XＸ○〇]{{1,3}}|[{WS}]*)[{WS}]*号")


@dataclass(frozen=True)
class DocNumber:
    """A 发文字号 as written, with what is wrong with it (``problems``)."""

    text: str            # as written (spaces included)
    org: str             # 机关代字
    open: str
    year: str            # as written (digits may be full-width)
    close: str
    di: bool             # "第" before the number
    num: str
    hao: bool = True     # "号" written after the number
    start: int = 0       # span in the line it was found in
    end: int = 0
    offsets: tuple = ()  # (group, offset in ``text``) of org, open, year, close, di, num

    def offset(self, group: str) -> int:
        return dict(self.offsets).get(group, 0)

    @property
    def brackets_ok(self) -> bool:
        return (self.open, self.close) == ("〔", "〕")

    @property
    def year_int(self) -> int:
        return int(ascii_digits(self.year))

    @property
    def normalized(self) -> str:
        """〔〕, no spaces, ASCII digits, no 第, no leading zero: the form §7.2.5 asks for."""
        y = ascii_digits(self.year)
        y = "20" + y if len(y) == 2 else y          # 〔24〕: reports are of this century
        return f"{squeeze(self.org)}〔{y}〕{int(ascii_digits(self.num))}号"

    def problems(self) -> list[str]:
        out = []
        if not self.brackets_ok:
            out.append(f"年份用了“{self.open}{self.close}”，应用六角括号〔〕")
        if len(ascii_digits(self.year)) != 4:
            out.append(f"年份“{self.year}”应写全四位")
        if self.di:
            out.append("序号前不加“第”字")
        num = ascii_digits(self.num)
        if len(num) > 1 and num.startswith("0"):
            out.append("序号不编虚位（1 不编为 01）")
        if not (self.year + self.num).isascii():
            out.append("数字应用半角阿拉伯数字")
        if squeeze(self.text) != self.text.strip():
            out.append("中间有空格")
        return out


def _doc_number(m: re.Match) -> DocNumber:
    offsets = tuple((g, m.start(g) - m.start()) for g in ("org", "open", "year", "close", "di", "num") if m.group(g))
    return DocNumber(m.group(0), strip(m.group("org")), m.group("open"), m.group("year"), m.group("close"),
                     bool(m.group("di")), m.group("num"), bool(m.group("hao")), m.start(), m.end(), offsets)


def find_doc_number(line: str) -> DocNumber | None:
    """The first 发文字号 in a line of the 版头 ("青政〔2025〕3号  签发人：王明", "京司函﹝2024﹞12号",
    "第5号" after the bracket): at the line's start or after whitespace."""
    m = _rx(rf"(?:^|(?<=[{WS}]))({_DN_CORE})").search(line)
    if not m:
        return None
    inner = _rx(_DN_CORE).match(line, m.start(1))
    return _doc_number(inner)


def parse_doc_number(text: str | None) -> DocNumber | None:
    """A value meant as a 发文字号 (the YAML's ``发文字号``), read as far as it can be: any brackets
    of ``DOC_OPEN``/``DOC_CLOSE``, any digits, "第", "号" perhaps missing; None when it has no
    bracketed year and number at all, or is still a placeholder."""
    from .textutil import PLACEHOLDER_RE

    if not text or PLACEHOLDER_RE.search(text):
        return None
    m = _rx(rf"^{_DN_VALUE}$").match(text)
    return _doc_number(m) if m else None


def is_placeholder_doc_number(line: str) -> bool:
    """A template's 发文字号 not filled in ("×政函〔20××〕×号", "〔    〕号")."""
    t = strip(line)
    return bool(t) and find_doc_number(t) is None and bool(_rx(rf"^{_DN_PLACEHOLDER}$").match(t))


# a head line holding the 发文字号 and, after it, the 签发人 (上行文, §7.2.6) — or the last row of names
# of three 签发人 or more
DOC_NUMBER_LINE = (rf"^(?P<no>{_DN_CORE.replace('(?P<', '(?P<dn_')})"
                   rf"(?:[{WS}]*签发人[{WS}]*[:：][{WS}]*(?P<signers>.+)|[{WS}]+(?P<more>[\u4e00-\u9fff·]{{2,6}}"
                   rf"(?:[{WS}]+[\u4e00-\u9fff·]{{2,6}})?))?$")


def doc_number_line(line: str) -> re.Match | None:
    """A head line that starts with the 发文字号 (groups no, signers, more)."""
    return _rx(DOC_NUMBER_LINE).match(strip(line))


# ---------------------------------------------------------------------------------------------
# the other elements of the 版头 (§7.2.1–7.2.6) and of the special formats (§10)
COPY_NUMBER = r"^[0-9０-９]{6}$"                                  # 份号: six Arabic digits
SECRECY = r"^(绝密|机密|秘密)(★.*)?$"
URGENCY = r"^(特急|加急)$"
SIGNERS = rf"^签发人[{WS}]*[:：][{WS}]*(?P<signers>.+)$"
# 命令(令)'s 令号 under the 标志 (§10.2): "第12号"
ORDER_NUMBER = rf"^第[{WS}]*(?:[0-9０-９]{{1,5}}|[{CN}]{{1,6}})[{WS}]*号$"
# what a 简报-style document prints above its title (and the inner marks of circulation)
INTERNAL_MARK = rf"^[（(【\[]?[{WS}]*(内部资料|内部刊物|内部材料|注意保存|内部参阅)[{WS}]*[）)】\]]?(?:[{WS}]*[，,、][{WS}]*注意保存)?$"
# 简报's issue line: "第3期", "（总第45期）", "2024年第3期"
ISSUE_LINE = rf"^(?:(?:19|20)\d{{2}}[{WS}]*年[{WS}]*)?(?:[（(][{WS}]*总?)?第[{WS}]*[0-9０-９{CN}]{{1,4}}[{WS}]*期"


# a 纪要's or 简报's number without an organ's code: "〔2020〕3号", "[2020]3号"
BARE_NUMBER = rf"^[{re.escape(DOC_OPEN)}][{WS}]*(?:19|20)\d{{2}}[{WS}]*[{re.escape(DOC_CLOSE)}][{WS}]*第?[{WS}]*\d{{1,4}}[{WS}]*[号期]$"
# the line under a 纪要's or 简报's 标志: the organ that edits it and the date ("县政府办公室　2020年3月12日",
# "云溪县司法局编<tab>2024年6月5日")
IMPRINT = rf"^(?P<org>[^{WS}]{{2,30}}?)(?:编印|编发|编)?[{WS}]+(?P<date>\d{{4}}[{WS}]*年[{WS}]*\d{{1,2}}[{WS}]*月[{WS}]*\d{{1,2}}[{WS}]*日)$"
# the lines of a 纪要 naming who attended (§10.3: "出席：" in 黑体, names after it)
ATTENDANCE = rf"^(?:出席|列席|请假|缺席|参加|参会|记录)(?:人员|单位|会议人员)?[{WS}]*[:：]"


def is_bare_number(t: str) -> bool:
    return bool(_rx(BARE_NUMBER).match(strip(t)))


def imprint_line(t: str) -> re.Match | None:
    m = _rx(IMPRINT).match(strip(t))
    return m if m and is_orgish(m.group("org"), strict=False) and parse_date(m.group("date")) else None


def is_attendance(t: str) -> bool:
    return bool(_rx(ATTENDANCE).match(strip(t)))


def is_copy_number(t: str) -> bool:
    return bool(_rx(COPY_NUMBER).match(t))


def is_secrecy(t: str) -> bool:
    return bool(_rx(SECRECY).match(t))


def is_urgency(t: str) -> bool:
    return bool(_rx(URGENCY).match(t))


def signers_of(t: str) -> list[str] | None:
    """The names of a "签发人：张三　李四" line, or None."""
    m = _rx(SIGNERS).match(strip(t))
    return split_words(m.group("signers")) if m else None


def split_words(t: str) -> list[str]:
    return [x for x in re.split(rf"[{WS}，,、]+", t) if x]


def is_order_number(t: str) -> bool:
    return bool(_rx(ORDER_NUMBER).match(strip(t)))


def is_internal_mark(t: str) -> bool:
    return bool(_rx(INTERNAL_MARK).match(strip(t)))


def is_issue_line(t: str) -> bool:
    return bool(_rx(ISSUE_LINE).match(strip(t)))


def head_other(t: str) -> bool:
    """份号, 密级, 紧急程度 or a 签发人 line."""
    return is_copy_number(t) or is_secrecy(t) or is_urgency(t) or "签发人" in t and bool(_rx(rf".*签发人[{WS}]*[:：]").match(t))


# ---------------------------------------------------------------------------------------------
# 结构层次序数 (§7.3.3): 一、 （一） 1. （1） and the ways clerks mistype them
@dataclass(frozen=True)
class Marker:
    """The number at the start of a heading."""

    kind: str          # "cn" 一、, "pcn" （一）, "num" 1., "pnum" （1）, "part" 第一部分, "circ" ①
    level: int         # 1–4 (§7.3.3); "part" 0, "circ" 5
    number: int
    ok: bool           # written in the standard's form
    found: str         # the marker as written (without the spaces after it)
    end: int           # index just after the marker and the spaces after it

    @property
    def expected(self) -> str:
        """The standard's form of this number at its level."""
        return level_marker(self.level, self.number) if 1 <= self.level <= 4 else self.found


# characters that make a word with the numeral before them ("一般", "二者", "三是"): "(一般" is no "(一"
_YI_WORDS = set("般些是直定律体批系步起项年次把切致同样旦方者位种类边")
_LEVEL_OF = {"part": 0, "cn": 1, "pcn": 2, "num": 3, "pnum": 4, "circ": 5}
_OPEN, _CLOSE = "（(", "）)"
# (kind, pattern, ok): tried in order; the standard forms first.  The number is group 1.
_MARKERS = (
    ("part", rf"第[{WS}]*([{CN}]{{1,3}})[{WS}]*部分[{WS}]*[、：:.．]?", False),
    ("pcn", rf"（([{CN}]{{1,3}})）(?![、.．，,])", True),
    # "(一)", "（一)", "(一）", "（一）、": brackets half-width or mixed, or a 顿号 after them
    ("pcn", rf"[（(][{WS}]*([{CN}]{{1,3}})[{WS}]*[）)][{WS}]*[、.．，,]?", False),
    ("pnum", r"（(\d{1,2})）(?![、.．，,])", True),
    ("pnum", rf"[（(][{WS}]*([0-9０-９]{{1,2}})[{WS}]*[）)][{WS}]*[、.．，,]?", False),
    ("cn", rf"([{CN}]{{1,3}})、", True),
    # "一．", "一.", "一，": another mark after the numeral; "一)" (the opening bracket lost), "(一" (the closing lost)
    ("cn", rf"([{CN}]{{1,3}})[{WS}]*(?:[.．,，:：]|[{WS}]*、)", False),
    ("pcn", rf"([{CN}]{{1,3}})[）)]", False),
    ("pcn", rf"[（(]([{CN}]{{1,3}})(?=[^{CN}）)、.．,，\d])", False),
    ("num", r"(\d{1,2})\.(?![\d.．])", True),
    ("num", rf"([0-9０-９]{{1,2}})[{WS}]*(?:[、．，,]|\.(?![\d.．]))(?![0-9０-９])", False),
    ("pnum", r"([0-9０-９]{1,2})[）)](?![\d])", False),
    ("circ", r"([\u2460-\u2473])", False),
)


def heading_marker(text: str) -> Marker | None:
    """The numbering at the start of ``text`` (after leading spaces), or None.  "一是", "3.15", "2024年"
    and a bare number with nothing after it are not numbering."""
    t = text.lstrip(WS)
    lead = len(text) - len(t)
    for kind, pattern, ok in _MARKERS:
        m = _rx(pattern).match(t)
        if not m:
            continue
        g = m.group(1)
        if kind in ("cn", "pcn", "part"):
            n = parse_cn_numeral(g)
        elif kind == "circ":
            n = ord(g) - 0x2460 + 1
        else:
            n = int(ascii_digits(g))
        if not n:
            continue
        found = t[:m.end()]
        if found[0] in _OPEN and not any(c in found for c in _CLOSE) and (
                any(c in t[m.end():] for c in _CLOSE) or t[m.end():m.end() + 1] in _YI_WORDS):
            continue                       # "（一般情况下）", "（一些问题）": a bracket, not a lost one
        end = m.end()
        while end < len(t) and t[end] in WS:
            end += 1
        if end >= len(t):
            continue                       # a bare number is not a heading
        return Marker(kind, _LEVEL_OF[kind], n, ok, t[:m.end()], lead + end)
    return None


def first_sentence_end(text: str) -> int | None:
    """Index of the first 。 outside quotes and brackets, or None."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘《（(〔【「":
            depth += 1
        elif ch in "”’》）)〕】」":
            depth = max(0, depth - 1)
        elif ch == "。" and depth == 0:
            return i
    return None


# ---------------------------------------------------------------------------------------------
# the numbered units of a 法规 or 规章 (a 令's 规章, the 办法 an 印发 notice issues): "第一章　总则",
# "第三条　……" — the number and the text are set one space apart (立法技术规范), not run together
ARTICLE_NO = rf"^[{WS}]*第[{CN}\d]{{1,6}}[编章节条款](?=[{WS}])"


def article_gap(text: str) -> tuple[int, int] | None:
    """The span of the space after a leading "第N章"/"第N条" (its customary gap), or None."""
    m = re.match(ARTICLE_NO, text)
    if m is None:
        return None
    e = m.end()
    while e < len(text) and text[e] in WS:
        e += 1
    return m.end(), e


# ---------------------------------------------------------------------------------------------
# 结束语, 附件说明 (§7.3.4), 附注 (§7.3.6), 印章 lines
CLOSING = (r"^(?:(?:特此|专此)(?:报告|函告|函复|函达|复函|通知|请示|批复|说明|公告|通告|通报|决定)"
           r"|以上.{0,12}(?:报告|请示)|请.{0,6}(?:审阅|审议|审定|审示|阅示|批示|批复|核示|予以?支持)|妥否)")
ATTACHMENT_NOTE = rf"^附[{WS}]*件[{WS}]*[:：][{WS}]*(?P<rest>.*)$"
ATTACHMENT_ITEM = rf"^(\d{{1,2}})[{WS}]*[.．、][{WS}]*(?P<name>.+)$"
# the first line of an attachment page after the 成文日期: "附件", "附件2", "附件：", "附件1：……统计表"
ATTACHMENT_PAGE = (rf"^附[{WS}]*件[{WS}]*(?:$|(?:\d{{1,2}}|[{CN}]{{1,3}})[{WS}]*[:：]?[{WS}]*(?P<t1>.*)$|"
                   rf"[:：][{WS}]*(?P<t2>.*)$)")
# 附注: "（此件公开发布）", "（联系人：王芳，电话：……）"
NOTE_BRACKETED = r"^[（(].{1,80}[）)]$"
NOTE_WORDS = rf"^[（(]?[{WS}]*(?:此件|本件|联[{WS}]*系[{WS}]*(?:人|电话|方式)|此页无正文)"
NOTE = (rf"^[（(](?:此件|本件).{{1,20}}[）)]$|"
        rf"^[（(]?[{WS}]*联[{WS}]*系[{WS}]*(?:人|电话|方式)[{WS}]*[:：].{{1,80}}?[）)]?$")
SEAL = rf"^[（(〔\[【]?[{WS}]*(?:盖章|加盖印章|印章|公章|签章|单位盖章|章)[{WS}]*[）)〕\]】]?$"


# a closing formula run into the text before it (a paragraph flattened by a web page)
CLOSING_IN_TEXT = r"((?:特此|专此)(?:报告|函告|函复|函达|复函|通知|请示|批复|说明|公告|通告|通报|决定)。?)"


def closing_in(text: str) -> re.Match | None:
    return _rx(CLOSING_IN_TEXT).search(text)


def is_closing(text: str) -> bool:
    """"特此报告。", "专此函告。", "以上报告，请审阅。", "妥否，请批示。"."""
    t = strip(text)
    return len(t) <= 40 and bool(_rx(CLOSING).match(t))


def attachment_note(t: str) -> re.Match | None:
    return _rx(ATTACHMENT_NOTE).match(t)


def attachment_item(t: str) -> re.Match | None:
    return _rx(ATTACHMENT_ITEM).match(t)


def attachment_page(t: str) -> re.Match | None:
    return _rx(ATTACHMENT_PAGE).match(t)


def is_note(t: str) -> bool:
    """A 附注 as the importer takes it: "（此件……）" or a contact line."""
    return bool(_rx(NOTE).match(t))


def is_bracketed_note(t: str) -> bool:
    """A short line in round brackets (a 附注's shape)."""
    return bool(_rx(NOTE_BRACKETED).match(t))


def has_note_words(t: str) -> bool:
    return bool(_rx(NOTE_WORDS).match(t))


def is_seal_line(t: str) -> bool:
    return bool(_rx(SEAL).match(t))


# ---------------------------------------------------------------------------------------------
# 版记 (§7.4): 抄送, 印发机关和印发日期; a 简报's 报：/送：/发：
COLOPHON_LABELS = ("抄送", "主送", "分送", "抄报", "报", "送", "发")
COLOPHON = rf"^(?:{'|'.join(COLOPHON_LABELS)})[{WS}]*[:：]|印发[{WS}]*$"
CC = rf"^抄送[{WS}]*[:：][{WS}]*(?P<names>.+?)[。.]?$"
PRINTED = rf"^(?P<printer>.*?)[{WS}]*(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)[{WS}]*印发$"


# a 版记 line's label and the mark after it ("抄送：", "主送:"), and the date before "印发"
COLOPHON_LABEL = rf"^(抄送|主送)[{WS}]*([：:])"
PRINTED_DATE = rf"(\S+?)[{WS}]*印发[{WS}]*$"
# a date at the end of a flattened paragraph ("……特此报告。新乐市人民政府2024年12月20日"), a 附注 after it
DATE_AT_END = r"(\d{4}年\d{1,2}月\d{1,2}日)$"
NOTE_AT_END = r"[（(](?:此件|本件).{1,20}[）)]$"


def colophon_label(t: str) -> re.Match | None:
    """"抄送：……" / "主送:……": groups 1 (the label) and 2 (the colon as written)."""
    return _rx(COLOPHON_LABEL).match(strip(t))


def printed_date_text(t: str) -> str | None:
    """The date written before "印发" in a 版记 line ("市政府办公室  2024年12月20日印发"), as written."""
    m = _rx(PRINTED_DATE).search(strip(t))
    if not m:
        return None
    return _rx(r"^.*?(?=[0-9０-９〇○零一二三四五六七八九]{4}\s*年)").sub("", m.group(1))


def date_at_end(t: str) -> re.Match | None:
    return _rx(DATE_AT_END).search(t)


def note_at_end(t: str) -> re.Match | None:
    return _rx(NOTE_AT_END).search(t)


def is_colophon(t: str) -> bool:
    return bool(_rx(COLOPHON).search(strip(t)))


def cc_line(t: str) -> re.Match | None:
    return _rx(CC).match(t)


def printed_line(t: str) -> re.Match | None:
    return _rx(PRINTED).match(t)


# ---------------------------------------------------------------------------------------------
# page numbers (§7.5): "— 1 —"; others as typed or as web pages and PDFs print them
PAGE_NUMBER_GB = r"^[\u2014\u2015\u2500\-–—]+\s*\d+\s*[\u2014\u2015\u2500\-–—]+$"
PAGE_NUMBER_ANY = (rf"^(?:[—–\-－﹣―‒─]+[{WS}]*\d{{1,3}}[{WS}]*[—–\-－﹣―‒─]+"
                   rf"|第[{WS}]*\d{{1,3}}[{WS}]*页(?:[{WS}]*[，,/]?[{WS}]*共[{WS}]*\d{{1,3}}[{WS}]*页)?"
                   rf"|共[{WS}]*\d{{1,3}}[{WS}]*页[{WS}]*[，,/]?[{WS}]*第[{WS}]*\d{{1,3}}[{WS}]*页"
                   rf"|\d{{1,3}}[{WS}]*/[{WS}]*\d{{1,3}})$")


def is_gb_page_number(t: str) -> bool:
    return bool(_rx(PAGE_NUMBER_GB).match(t.replace(" ", "")))


def is_page_number(t: str) -> bool:
    return bool(_rx(PAGE_NUMBER_ANY).match(strip(t)))


# ---------------------------------------------------------------------------------------------
# organ names
ORG_SUFFIXES = ("人民政府", "政府", "委员会", "常委会", "办公室", "办公厅", "办事处", "管委会", "管理委员会", "局", "厅",
                "委", "办", "院", "所", "中心", "镇", "乡", "街道", "部", "署", "会", "处", "队", "站", "公司", "集团",
                "党委", "党组", "人大", "政协", "科", "监狱")
# the Party committee and government of the level above, named as the context of the work, never the
# organ writing ("围绕市委市政府的决策部署", "在区委区政府的坚强领导下")
HIGHER_LEADERSHIP = r"[省市州县区镇乡]委[、和与及]?[省市州县区镇乡]?政府|党委[、和与及]?政府|[省市州县区]委|[省市州县区]政府"
_PUNCT = set("。，,；;：:！？!?、“”\"《》")


def is_orgish(text: str, strict: bool = True) -> bool:
    """A line that can be an organ's name: short, no punctuation, (strict) a typical ending."""
    if not (2 <= len(text) <= 40) or any(c in _PUNCT for c in text) or parse_date(text):
        return False
    return not strict or text.endswith(ORG_SUFFIXES)


def split_names(text: str) -> list[str]:
    """主送/抄送 names, one item per group: "各乡镇人民政府、各街道办事处，市政府各部门" is two items,
    so that the clerk's 、 (between organs of one kind) and ， (between kinds) print as written."""
    return [n for n in (strip(x) for x in re.split(r"[，,]", text)) if n]


def split_signed_date(text: str) -> tuple[str, str] | None:
    """"新乐市人民政府  2024年12月20日" (署名 and 成文日期 on one line) -> (name, date text)."""
    m = _rx(rf"^(?P<name>.+?)[{WS}]+(?P<date>\S+?)$").match(strip(text))
    if m and parse_date(m.group("date")) and is_orgish(strip(m.group("name"))):
        return strip(m.group("name")), m.group("date")
    return None


_UNIT = r".+?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|州|盟|地区|新区|区|县|旗|镇|乡|街道)"


def short_name(org: str) -> str | None:
    """北京市大兴区人民政府 -> 大兴区: the last administrative unit of a 人民政府's name."""
    if not org.endswith("人民政府") or len(org) <= 4:
        return None
    base = org[:-4]
    units = _rx(_UNIT).findall(base)
    if units and "".join(units) == base:
        return units[-1]
    return None


def full_name(short: str) -> str | None:
    """The organ a short place name stands for in a report's first sentence: 青石镇 -> 青石镇人民政府,
    东湖街道 -> 东湖街道办事处; an organ's own name (××局, ××委员会) is returned as it is."""
    if short.endswith("街道"):
        return short + "办事处"
    if short.endswith(("镇", "乡", "县", "市", "区", "旗", "州", "盟")):
        return short + "人民政府"
    if short.endswith(ORG_SUFFIXES):
        return short
    return None


def is_government_of(organ: str, place: str) -> bool:
    """Whether ``organ`` is the government of the place a title names ("红石乡" -> "红石乡人民政府",
    "××县红石乡人民政府"; "东湖街道" -> "东湖街道办事处"); a title that names an organ in full names no place."""
    full = full_name(place)
    return bool(full) and full != place and strip(organ).endswith(full) and is_orgish(strip(organ))


# "文件" after the organ(s) of a 发文机关标志, with or without a space before it
FLAG_FILE = rf"[{WS}]*文件$"


def without_file_word(t: str) -> str:
    return _rx(FLAG_FILE).sub("", t)


def joint_flag_line(lines: list[str], t: str) -> bool:
    """Whether ``t``, right below the 发文机关标志 ``lines``, is one more line of a joint 标志 (联合行文,
    §7.2.4: the organs stacked, "文件" beside them: after one of them, spaced, or on a line of its own).
    A 标志 that already ended in "文件" written close ("××人民政府文件") is one organ's."""
    if any(re.search(rf"[^{WS}]文件$", x) and len(x) > 2 for x in lines):
        return False
    t = strip(t)
    return t == "文件" or is_orgish(without_file_word(t), strict=False)


def unspread(t: str) -> str:
    """"安 平 县 人 民 政 府　文件" -> "安平县人民政府　文件": a name copied from a PDF whose characters
    were spread out (分散对齐), runs of three or more characters each one space apart."""
    return _rx(r"(?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff]").sub(lambda m: m.group().replace(" ", ""), t)


# ---------------------------------------------------------------------------------------------
# titles: the year, the organ, the 文种 (《党政机关公文处理工作条例》第八条: the fifteen kinds)
YEAR = r"((?:19|20)\d{2})年"
DOC_KINDS = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案",
             "函", "纪要")
_TITLE_ORG = r"^(?P<org>.{2,40}?)(?:关于)?(?:(?P<year>(?:19|20)\d{2})年)"


def year_in(text: str) -> int | None:
    m = _rx(YEAR).search(text)
    return int(m.group(1)) if m else None


def org_from_title(title: str) -> str | None:
    """The 发文机关 a title starts with: "新乐市人民政府关于2024年度…" or, without a year,
    "北京市大兴区人民政府关于法治政府建设年度情况的报告"."""
    m = _rx(_TITLE_ORG).match(title)
    if m:
        org = strip(m.group("org"))
    elif "关于" in title:
        org = strip(title.split("关于", 1)[0])
    else:
        return None
    return org if 2 <= len(org) <= 40 and org.endswith(ORG_SUFFIXES) and "关于" not in org else None


def doc_kind_of_title(title: str) -> str | None:
    """The 文种 a title ends with ("关于……的通知" -> 通知; "……情况的报告" -> 报告; "××人民政府令" -> 命令;
    "……会议纪要" -> 纪要), or None."""
    t = strip(title).rstrip("。.")
    t = re.sub(rf"[（(][^（()）]*[）)]$", "", t)      # "（征求意见稿）", "（第3期）"
    for k in sorted(DOC_KINDS, key=len, reverse=True):
        if t.endswith(k):
            if k == "令":
                return "命令" if len(t) > 1 and not t.endswith(("指令", "口令")) else None
            return k
    if "纪要" in t:
        return "纪要"
    return None


# ---------------------------------------------------------------------------------------------
# which required part a heading names: from the kind's data (kind.yaml: each part's name and keywords)
def part_scores(kind, heading: str) -> dict[str, float]:
    """{part key: score}: the part's name in the heading (3), each keyword (1, keywords of three
    characters or more 2)."""
    out = {}
    for part in kind.parts:
        s = 0.0
        if part.name in heading:
            s += 3
        for kw in part.keywords:
            if kw in heading:
                s += 2 if len(kw) >= 3 else 1
        if s:
            out[part.key] = s
    return out


TITLE_WORDS = ("报告", "情况", "总结")


def title_like(text: str) -> bool:
    """A line that reads like a report's title: short, no full stop, a title word in it."""
    return len(text) <= 60 and "。" not in text and any(w in text for w in TITLE_WORDS) \
        and not text.endswith(("：", ":", "，", ","))


# the organ a report's first sentence names as its subject: "2021年，绍兴市司法局坚持……",
# "2024年以来，青石镇坚持……", "2023年，在市委市政府的坚强领导下，云溪县司法局……" (not "我市", "全县", …)
_INTRO_LEAD = (rf"^(?:(?:19|20)\d{{2}}年(?:以来|度|上半年|全年)?[{WS}]*[，,]?[{WS}]*)?"
               rf"(?:在[^，,。；]{{1,40}}下[{WS}]*[，,][{WS}]*)?")
_PREDICATE = ("坚持|深入|全面|认真|紧紧|始终|紧扣|紧密|围绕|按照|积极|牢牢|持续|聚焦|扎实|进一步|不断|高度|严格|着力|立足|"
              "以|在|把|将|结合|贯彻|落实|共|累计|大力|切实|着眼|对标|锚定|加快|推进|强化|健全|完善|主动|努力|全力|"
              "充分|有序|稳步|统筹|认真|始终|牢固|自觉|进|又|继续|按|依|对|为|与|和|的")
_NOT_SUBJECT = r"^(?:我|本|全|该|各|市委|区委|县委|镇党委|乡党委|党委)"


def organ_in_intro(text: str) -> str | None:
    """The organ a report's first sentence names as its subject, or None."""
    m = _rx(_INTRO_LEAD + rf"(?P<name>[\u4e00-\u9fff]{{2,20}}?)(?={_PREDICATE})").match(strip(text))
    if not m:
        return None
    name = m.group("name")
    if _rx(_NOT_SUBJECT).match(name) or _rx(rf"^(?:{HIGHER_LEADERSHIP})$").match(name):
        return None
    if not name.endswith(ORG_SUFFIXES + ("县", "市", "区", "旗", "州", "盟")):
        return None
    return name
