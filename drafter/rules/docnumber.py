"""FZ5xx: 发文字号 (GB/T 9704 §7.2.5): 机关代字 + 〔年份〕 + 序号 + 号.

"年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，
不编虚位（即1不编为01），在阿拉伯数字后加“号”字。"  FZ501 covers the overall format and the
brackets (safe fix); FZ502 and FZ503 name the other slips when the number can be read.  Whether
the year in the number fits 成文日期 is a year rule (FZ306).
"""
from __future__ import annotations

from ..conventions import parse_doc_number
from ..textutil import PLACEHOLDER_RE, ascii_digits
from . import Finding, Fix, rule


def _is_han(s: str) -> bool:
    """机关代字: Chinese characters only (U+4E00–U+9FFF)."""
    return bool(s) and all("\u4e00" <= c <= "\u9fff" for c in s)


def normalized(dn) -> str:
    """The 发文字号 written the standard way: 〔〕, no spaces, ASCII digits.  "第" and a leading 0
    are kept: FZ503 names them and the clerk decides."""
    return ("".join(dn.org.split()) + "〔" + ascii_digits(dn.year) + "〕" + ("第" if dn.di else "")
            + ascii_digits(dn.num) + "号")


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
    m = parse_doc_number(dn)
    if m is None or not _is_han("".join(m.org.split())) or not m.hao:
        yield Finding(("doc_number",), f"发文字号“{dn}”格式不对；应为“机关代字〔年份〕序号号”，"
                                       "如 新政函〔2024〕5号（年份用六角括号〔〕，序号不加“第”、不编虚位）")
        return
    problems: list[tuple[int, str]] = []
    if not m.brackets_ok:
        problems.append((m.offset("open"), f"年份用了“{m.open}{m.close}”，应用六角括号〔〕"))
    space = next((k for k, ch in enumerate(dn) if ch.isspace()), None)
    if space is not None:
        problems.append((space, "中间有空格，应删去"))
    wide = [g for g in ("year", "num") if not getattr(m, g).isascii()]
    if wide:
        shown = "“" + "”“".join(getattr(m, g) for g in wide) + "”"
        problems.append((m.offset(wide[0]), f"数字{shown}是全角的，应用半角阿拉伯数字"))
    if problems:
        new = normalized(m)
        problems.sort()
        yield Finding(("doc_number",), f"发文字号“{dn}”格式不对：{'，'.join(p for _, p in problems)}，"
                                       f"写成“{new}”（可运行 drafter check --fix 自动修正）",
                      problems[0][0], fix=Fix(("doc_number",), dn, new))


@rule("FZ502", "doc-number-year-digits", "发文字号的年份不是四位数字")
def doc_number_year_digits(ctx):
    """年份应标全称: 〔2024〕, not 〔24〕."""
    from .structure import issue_year

    m = parse_doc_number(ctx.report.doc_number)
    if m is not None and len(m.year) != 4:
        yield Finding(("doc_number",), f"发文字号“{ctx.report.doc_number}”中的年份“{m.year}”应写全四位，"
                                       f"如“〔{issue_year(ctx)}〕”", m.offset("year"))


@rule("FZ503", "doc-number-serial", "发文字号的序号加了“第”或编了虚位")
def doc_number_serial(ctx):
    """发文顺序号不加“第”字，不编虚位（1 不编为 01）."""
    m = parse_doc_number(ctx.report.doc_number)
    if m is None:
        return
    num = ascii_digits(m.num)
    if m.di or (len(num) > 1 and num.startswith("0")):
        yield Finding(("doc_number",), f"发文字号“{ctx.report.doc_number}”的序号应写成“{int(num)}号”"
                                       "（不加“第”字，不在前面补0）", m.offset("di") if m.di else m.offset("num"))
