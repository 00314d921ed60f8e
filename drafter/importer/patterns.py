"""What the lines of a published report look like: numbering, web-page chrome, 发文字号, dates,
the closing, signatures.  Pure functions on one stripped line each."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..textutil import date_parts, parse_cn_numeral

WS = " \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff"
CN = "一二三四五六七八九十百零〇两"


def strip(text: str) -> str:
    return text.strip(WS + "\r\n")


# --------------------------------------------------------------------------------------------
# 结构层次序数: 一、 （一） 1. （1） and their half-width / variant forms
@dataclass(frozen=True)
class Marker:
    kind: str          # "cn" 一、, "pcn" （一）, "num" 1., "pnum" （1）, "circ" ①
    number: int
    end: int           # index just after the marker (and the spaces after it)


_MARKERS = [
    # "第一部分 主要举措和成效": a level of its own (a report may number its sections so and use 一、 below)
    ("part", re.compile(rf"^第[{WS}]*([{CN}]{{1,3}})[{WS}]*部分[{WS}]*[、：:.．]?[{WS}]*"), None),
    ("cn", re.compile(rf"^([{CN}]{{1,3}})[{WS}]*(?:、|[.．](?!\d))[{WS}]*"), None),
    # "（二）、" (a 顿号 after the bracket, a common slip): the mark goes with the number
    ("pcn", re.compile(rf"^[（(][{WS}]*([{CN}]{{1,3}})[{WS}]*[）)][{WS}]*[、.．，,]?[{WS}]*"), None),
    ("pnum", re.compile(rf"^[（(][{WS}]*(\d{{1,2}})[{WS}]*[）)][{WS}]*[、.．，,]?[{WS}]*"), None),
    ("num", re.compile(rf"^(\d{{1,2}})[{WS}]*[.．、](?![\d.．])[{WS}]*"), None),
    ("circ", re.compile(rf"^([\u2460-\u2473])[{WS}]*"), None),
]


def marker(text: str) -> Marker | None:
    """The numbering at the start of ``text``, or None.  "一是" and "3.15" are not numbering."""
    for kind, rx, _ in _MARKERS:
        m = rx.match(text)
        if not m:
            continue
        g = m.group(1)
        if kind in ("cn", "pcn", "part"):
            n = parse_cn_numeral(g)
        elif kind == "circ":
            n = ord(g) - 0x2460 + 1
        else:
            n = int(g)
        if not n:
            continue
        if m.end() >= len(text):
            continue          # a bare number is not a heading
        return Marker(kind, n, m.end())
    return None


# inline markers inside flattened text (found by search, not match)
INLINE_MARKER = re.compile(
    rf"([{CN}]{{1,3}})[、．]|[（(]([{CN}]{{1,3}})[）)]|[（(](\d{{1,2}})[）)]|(?<![\d.．])(\d{{1,2}})[.．、](?![\d.．])")


def inline_kind(m: re.Match) -> tuple[str, int] | None:
    if m.group(1):
        return "cn", parse_cn_numeral(m.group(1)) or 0
    if m.group(2):
        return "pcn", parse_cn_numeral(m.group(2)) or 0
    if m.group(3):
        return "pnum", int(m.group(3))
    return "num", int(m.group(4))


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


# --------------------------------------------------------------------------------------------
# web-page chrome: the lines a government site prints around the text
CHROME_LABELS = (
    "索引号", "发布机构", "发文机构", "生成日期", "发布日期", "发布时间", "成文日期", "公开日期", "信息来源", "来源",
    "日期", "时间", "浏览次数", "浏览量", "点击数", "点击量", "访问量", "阅读量", "阅读次数", "作者", "编辑", "责任编辑",
    "字号", "字体", "打印", "关闭", "分享", "分享到", "主题分类", "体裁分类", "服务对象", "主题词", "关键词", "文号",
    "发文字号", "标题", "名称", "信息名称", "有效性", "是否有效", "公开方式", "公开范围", "公开形式", "公开时限",
    "所属机构", "发布单位", "内容概述", "信息分类", "组配分类", "实施日期", "废止日期", "统一编号", "登记号",
    "审核", "审校", "校对", "责任校对", "初审", "复审", "终审", "核稿", "供稿", "撰稿", "摄影", "附件下载", "相关附件",
)
_LABEL_RE = re.compile(rf"^[【\[［]?[{WS}]*({'|'.join(sorted(CHROME_LABELS, key=len, reverse=True))})"
                       rf"[{WS}]*([:：】\]］]|$)")
_TOKEN_RE = re.compile(
    rf"^(?:[{WS}【】\[\]［］|｜/·:：>＞]|打印本页|打印此页|关闭窗口|关闭本页|打印|关闭|收藏|分享到|分享|字体|字号|"
    r"默认|大|中|小|返回顶部|返回列表|返回|我要纠错|纠错|打印本文|打印文章|关闭本文|收藏本页|加入收藏|保存本页|复制链接|微信|微博|QQ空间|扫一扫在手机打开当前页|扫一扫|当前位置|首页|正文|"
    r"您当前的位置|政务公开|信息公开|法定主动公开内容|\d{1,2}:\d{2}(?::\d{2})?)+$")


def chrome_label(text: str) -> str | None:
    """The label of a web-page line such as "来源:区政府办  日期:2024-03-28", or None."""
    m = _LABEL_RE.match(text)
    if not m or "。" in text or len(text) > 200:
        return None
    return m.group(1)


# a site's breadcrumb: "首页 > 政务公开 > 法治政府建设", "当前位置：首页 » 信息公开 » 规划计划"
_BREADCRUMB_HEAD_RE = re.compile(rf"^(?:(?:您的|您当前的|当前)?位置[{WS}]*[:：]?[{WS}]*)?(?:网站)?首页[{WS}]*[>＞»›→/|]")
_BREADCRUMB_SEPS = ">＞»›→/|"


def is_breadcrumb(text: str) -> bool:
    """Checked in two steps (the head, then each piece between separators) rather than by one
    pattern with nested repeats, which backtracks for ever on a long pager line ("首页|1|2|…")."""
    t = strip(text)
    m = _BREADCRUMB_HEAD_RE.match(t)
    if m is None or len(t) > 200 or "。" in t:
        return False
    pieces = re.split(f"[{re.escape(_BREADCRUMB_SEPS)}]", t[m.end():])
    return all(len(strip(x)) <= 30 for x in pieces[:-1]) and len(strip(pieces[-1])) <= 40


def is_chrome(text: str) -> bool:
    if not text or "。" in text:
        return False
    if chrome_label(text):
        return True
    return bool(_TOKEN_RE.match(text)) or is_breadcrumb(text)


def is_chrome_tokens(text: str) -> bool:
    """Only page furniture ("【打印】【关闭】", "字体：大 中 小", a breadcrumb), no labelled values."""
    return bool(text) and "。" not in text and (bool(_TOKEN_RE.match(text)) or is_breadcrumb(text))


# the end of a web page after the report: "相关稿件" and the list under it, "上一篇：……", download links
RELATED_RE = re.compile(rf"^[【\[［]?[{WS}]*(?:相关稿件|相关链接|相关阅读|相关新闻|相关文章|相关信息|相关文件|相关解读|"
                        rf"延伸阅读|推荐阅读|热点推荐)[{WS}]*[】\]］]?[{WS}]*[:：]?$")
_PAGER_RE = re.compile(rf"^[【\[［]?[{WS}]*(?:上一篇|下一篇|上一条|下一条)[{WS}]*[】\]］]?[{WS}]*[:：]")
FILE_LINK_RE = re.compile(r"^.{1,120}\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|jpe?g|png)$", re.I)


def is_tail_junk(text: str) -> bool:
    """A line of the web page after the report's end: chrome ("责任编辑：王芳", "【我要纠错】【打印】"),
    "上一篇：……", a download link ("……统计表.xlsx")."""
    t = strip(text)
    if not t or "。" in t:
        return False
    return is_chrome(t) or bool(_PAGER_RE.match(t)) or bool(FILE_LINK_RE.match(t))


def chrome_pairs(text: str) -> dict[str, str]:
    """{label: value} for every "标签：值" in a chrome line or table row."""
    labels = "|".join(sorted(CHROME_LABELS, key=len, reverse=True))
    out = {}
    for m in re.finditer(rf"({labels})[{WS}]*[:：][{WS}]*(.*?)(?=[{WS}]*(?:{labels})[{WS}]*[:：]|$)", text):
        out.setdefault(m.group(1), strip(m.group(2)))
    return out


# --------------------------------------------------------------------------------------------
# 版头 elements
DOC_NUMBER_RE = re.compile(
    rf"^(?P<no>[\u4e00-\u9fffA-Za-z]{{1,16}}[{WS}]*[〔\[［【(（][{WS}]*(?P<year>(?:19|20)\d{{2}})[{WS}]*"
    rf"[〕\]］】)）][{WS}]*第?[{WS}]*(?P<seq>\d{{1,5}})[{WS}]*号)"
    rf"(?:[{WS}]*签发人[{WS}]*[:：][{WS}]*(?P<signers>.+)|[{WS}]+(?P<more>[\u4e00-\u9fff·]{{2,6}}(?:[{WS}]+[\u4e00-\u9fff·]{{2,6}})?))?$")
SIGNERS_RE = re.compile(rf"^签发人[{WS}]*[:：][{WS}]*(?P<signers>.+)$")
COPY_NUMBER_RE = re.compile(r"^\d{6}$")
SECRECY_RE = re.compile(r"^(绝密|机密|秘密)(★.*)?$")
URGENCY_RE = re.compile(r"^(特急|加急)$")


def normalise_doc_number(no: str) -> str:
    """新政函[2024]5号 -> 新政函〔2024〕5号 (the year in 六角括号; GB/T 9704 §7.2.4)."""
    m = DOC_NUMBER_RE.match(no)
    if not m:
        return no
    head = re.split(rf"[{WS}]*[〔\[［【(（]", m.group("no"), maxsplit=1)[0]
    return f"{head}〔{m.group('year')}〕{int(m.group('seq'))}号"


def split_names(text: str) -> list[str]:
    """主送/抄送 names, one item per group: "各乡镇人民政府、各街道办事处，市政府各部门" is two items,
    so that the clerk's 、 (between organs of one kind) and ， (between kinds) print as written."""
    return [n for n in (strip(x) for x in re.split(r"[，,]", text)) if n]


# --------------------------------------------------------------------------------------------
# the end of a report
DATE_RE = re.compile(rf"^(\d{{4}})[{WS}]*年[{WS}]*(\d{{1,2}})[{WS}]*月[{WS}]*(\d{{1,2}})[{WS}]*日$")
MONTH_ONLY_RE = re.compile(rf"^(?:\d{{4}}|[〇零○Ｏ一二三四五六七八九]{{4}})[{WS}]*年[{WS}]*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})"
                           rf"[{WS}]*月$")


def parse_date(text: str) -> _dt.date | None:
    """The date of a line that is only a date, written any common way (textutil.date_parts)."""
    parts = date_parts(text)
    try:
        return _dt.date(*parts) if parts else None
    except ValueError:
        return None


def split_signed_date(text: str) -> tuple[str, str] | None:
    """"新乐市人民政府  2024年12月20日" (署名 and 成文日期 on one line) -> (name, date text)."""
    m = re.match(rf"^(?P<name>.+?)[{WS}]+(?P<date>\S+?)$", strip(text))
    if m and parse_date(m.group("date")) and is_orgish(strip(m.group("name"))):
        return strip(m.group("name")), m.group("date")
    return None


CLOSING_RE = re.compile(r"^(?:(?:特此|专此)(?:报告|函告|函复|说明)|以上.{0,12}报告|请.{0,6}(?:审阅|审议|审定|审示|阅示)|妥否)")
NOTE_RE = re.compile(rf"^[（(](?:此件|本件).{{1,20}}[）)]$|"
                     rf"^[（(]?[{WS}]*联[{WS}]*系[{WS}]*(?:人|电话|方式)[{WS}]*[:：].{{1,80}}?[）)]?$")
CC_RE = re.compile(rf"^抄送[{WS}]*[:：][{WS}]*(?P<names>.+?)[。.]?$")
PRINTED_RE = re.compile(rf"^(?P<printer>.*?)[{WS}]*(?P<date>\d{{4}}年\d{{1,2}}月\d{{1,2}}日)[{WS}]*印发$")
ATTACHMENT_RE = re.compile(rf"^附[{WS}]*件[{WS}]*[:：][{WS}]*(?P<rest>.*)$")
# the first line of an attachment page after the 成文日期: "附件", "附件2", "附件：", "附件1：……统计表"
ATTACHMENT_PAGE_RE = re.compile(rf"^附[{WS}]*件[{WS}]*(?:$|(?:\d{{1,2}}|[{CN}]{{1,3}})[{WS}]*[:：]?[{WS}]*(?P<t1>.*)$|"
                                rf"[:：][{WS}]*(?P<t2>.*)$)")
SEAL_RE = re.compile(rf"^[（(〔\[【]?[{WS}]*(?:盖章|加盖印章|印章|公章|签章|单位盖章|章)[{WS}]*[）)〕\]】]?$")
ATTACHMENT_ITEM_RE = re.compile(rf"^(\d{{1,2}})[{WS}]*[.．、][{WS}]*(?P<name>.+)$")
ORG_SUFFIXES = ("人民政府", "政府", "委员会", "常委会", "办公室", "办公厅", "办事处", "管委会", "管理委员会", "局", "厅",
                "委", "办", "院", "所", "中心", "镇", "乡", "街道", "部", "署", "会", "处", "队", "站", "公司", "集团")
_PUNCT = set("。，,；;：:！？!?、“”\"《》")


def is_closing(text: str) -> bool:
    return len(text) <= 40 and bool(CLOSING_RE.match(text))


def is_orgish(text: str, strict: bool = True) -> bool:
    """A line that can be an organ's name: short, no punctuation, (strict) a typical ending."""
    if not (2 <= len(text) <= 40) or any(c in _PUNCT for c in text) or parse_date(text):
        return False
    return not strict or text.endswith(ORG_SUFFIXES)


# --------------------------------------------------------------------------------------------
# title, org, year
TITLE_WORDS = ("报告", "情况", "总结")
_TITLE_ORG_RE = re.compile(r"^(?P<org>.{2,40}?)(?:关于)?(?:(?P<year>(?:19|20)\d{2})年)")
YEAR_RE = re.compile(r"((?:19|20)\d{2})年")
ORG_IN_INTRO_RE = re.compile(
    r"^(?:(?:19|20)\d{2}年(?:以来|度)?[，,]?)(?![我本全该各])"
    r"(?P<name>[\u4e00-\u9fff]{2,10}?(?:镇|乡|街道|县|市|区|局|委员会|办公室))(?![人政府委员会])")


def org_from_title(title: str) -> str | None:
    """The 发文机关 a title starts with: "新乐市人民政府关于2024年度…" or, without a year,
    "北京市大兴区人民政府关于法治政府建设年度情况的报告"."""
    m = _TITLE_ORG_RE.match(title)
    if m:
        org = strip(m.group("org"))
    elif "关于" in title:
        org = strip(title.split("关于", 1)[0])
    else:
        return None
    return org if 2 <= len(org) <= 40 and org.endswith(ORG_SUFFIXES) and "关于" not in org else None


def title_like(text: str) -> bool:
    return len(text) <= 60 and "。" not in text and any(w in text for w in TITLE_WORDS) \
        and not text.endswith(("：", ":", "，", ","))


_UNIT_RE = re.compile(r".+?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|州|盟|地区|新区|区|县|旗|镇|乡|街道)")


def short_name(org: str) -> str | None:
    """北京市大兴区人民政府 -> 大兴区: the last administrative unit of a 人民政府's name."""
    if not org.endswith("人民政府") or len(org) <= 4:
        return None
    base = org[:-4]
    units = _UNIT_RE.findall(base)
    if units and "".join(units) == base:
        return units[-1]
    return None


# "文件" after the organ(s) of a 发文机关标志, with or without a space before it (联合行文: on a line of its own)
FLAG_FILE_RE = re.compile(rf"[{WS}]*文件$")


def joint_flag_line(lines: list[str], t: str) -> bool:
    """Whether ``t``, right below the 发文机关标志 ``lines``, is one more line of a joint 标志 (联合行文,
    §7.2.4: the organs stacked, "文件" beside them: after one of them, spaced, or on a line of its own).
    A 标志 that already ended in "文件" written close ("××人民政府文件") is one organ's."""
    if any(re.search(rf"[^{WS}]文件$", x) and len(x) > 2 for x in lines):
        return False
    t = strip(t)
    return t == "文件" or is_orgish(FLAG_FILE_RE.sub("", t), strict=False)


# a name copied from a PDF whose characters were spread out (分散对齐, letter-spaced red heads): one
# space between every two characters, "安 平 县 青 石 镇 人 民 政 府"
_SPREAD_RE = re.compile(r"(?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff]")


def unspread(t: str) -> str:
    """"安 平 县 人 民 政 府　文件" -> "安平县人民政府　文件" (runs of three or more characters, each one
    space apart; other spaces stay)."""
    return _SPREAD_RE.sub(lambda m: m.group().replace(" ", ""), t)
