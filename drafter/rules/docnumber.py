"""FZ5xx: 发文字号 (GB/T 9704 §7.2.5): 机关代字 + 〔年份〕 + 序号 + 号.

"年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，
不编虚位（即1不编为01），在阿拉伯数字后加“号”字。"  FZ501 covers the overall format and the
brackets (safe fix); FZ502 and FZ503 name the other slips when the number can be read.  Whether
the year in the number fits 成文日期 is a year rule (FZ306).
"""
from __future__ import annotations

import re

from ..textutil import PLACEHOLDER_RE, ascii_digits
from . import Finding, Fix, rule

# a readable number, whatever its brackets: 代字 [年份] (第)序号 号
# (``\d`` matches full-width digits too: "２０２５" is read, and FZ501 asks for ASCII digits)
PARTS_RE = re.compile(r"^(?P<org>.*?)\s*(?P<open>[〔\[【(（［{｛〖<＜«﹝〘⟮])\s*(?P<year>\d+)\s*"
                      r"(?P<close>[〕\]】)）］}｝〗>＞»﹞〙⟯])\s*(?P<di>第)?\s*(?P<num>\d+)\s*(?P<hao>号)?$")
_SPACE_RE = re.compile(r"\s")


def _is_han(s: str) -> bool:
    """机关代字: Chinese characters only (U+4E00–U+9FFF; a loop, as a regex class over that range
    costs ~1 ms of compiling in every process)."""
    return bool(s) and all("\u4e00" <= c <= "\u9fff" for c in s)


def normalized(m: re.Match) -> str:
    """The 发文字号 of a readable match written the standard way: 〔〕, no spaces, ASCII digits.
    "第" and a leading 0 are kept: FZ503 names them and the clerk decides."""
    return (_SPACE_RE.sub("", m.group("org")) + "〔" + ascii_digits(m.group("year")) + "〕"
            + (m.group("di") or "") + ascii_digits(m.group("num")) + "号")


def parse_doc_number(dn: str | None):
    """The regex match of a readable 发文字号 (groups org/open/year/close/di/num/hao), else None."""
    if not dn or PLACEHOLDER_RE.search(dn):
        return None
    return PARTS_RE.match(dn)


@rule("FZ501", "doc-number-format", "发文字号格式不对", fixable=True)
def doc_number_format(ctx):
    """发文字号 = 机关代字〔年份〕序号号.  The year is bracketed with 六角括号 〔〕 — not [] 【】 ()
    （） ［］ ﹝﹞ —, the number has no spaces and uses ASCII digits (not ２０２５): these slips,
    which would be printed as typed, have a safe fix.  A number that cannot be read at all, or
    whose 代字/号 is wrong, is reported here too; the other readable slips are FZ502 (年份) and
    FZ503 (序号)."""
    dn = ctx.report.doc_number
    if not dn or PLACEHOLDER_RE.search(dn):
        return
    m = PARTS_RE.match(dn)
    if m is None or not _is_han(_SPACE_RE.sub("", m.group("org"))) or not m.group("hao"):
        yield Finding(("doc_number",), f"发文字号“{dn}”格式不对；应为“机关代字〔年份〕序号号”，"
                                       "如 新政函〔2024〕5号（年份用六角括号〔〕，序号不加“第”、不编虚位）")
        return
    problems: list[tuple[int, str]] = []
    if (m.group("open"), m.group("close")) != ("〔", "〕"):
        problems.append((m.start("open"), f"年份用了“{m.group('open')}{m.group('close')}”，应用六角括号〔〕"))
    space = _SPACE_RE.search(dn)
    if space:
        problems.append((space.start(), "中间有空格，应删去"))
    wide = [g for g in ("year", "num") if not m.group(g).isascii()]
    if wide:
        shown = "“" + "”“".join(m.group(g) for g in wide) + "”"
        problems.append((m.start(wide[0]), f"数字{shown}是全角的，应用半角阿拉伯数字"))
    if problems:
        new = normalized(m)
        problems.sort()
        yield Finding(("doc_number",), f"发文字号“{dn}”格式不对：{'，'.join(p for _, p in problems)}，"
                                       f"写成“{new}”（可运行 drafter check --fix 自动修正）",
                      problems[0][0], fix=Fix(("doc_number",), dn, new))


@rule("FZ502", "doc-number-year-digits", "发文字号的年份不是四位数字")
def doc_number_year_digits(ctx):
    """年份应标全称: 〔2024〕, not 〔24〕."""
    m = parse_doc_number(ctx.report.doc_number)
    if m is not None and len(m.group("year")) != 4:
        yield Finding(("doc_number",), f"发文字号“{ctx.report.doc_number}”中的年份“{m.group('year')}”应写全四位，"
                                       f"如“〔{ctx.report.year + 1}〕”", m.start("year"))


@rule("FZ503", "doc-number-serial", "发文字号的序号加了“第”或编了虚位")
def doc_number_serial(ctx):
    """发文顺序号不加“第”字，不编虚位（1 不编为 01）."""
    m = parse_doc_number(ctx.report.doc_number)
    if m is None:
        return
    num = ascii_digits(m.group("num"))
    if m.group("di") or (len(num) > 1 and num.startswith("0")):
        yield Finding(("doc_number",), f"发文字号“{ctx.report.doc_number}”的序号应写成“{int(num)}号”"
                                       "（不加“第”字，不在前面补0）",
                      m.start("di") if m.group("di") else m.start("num"))
