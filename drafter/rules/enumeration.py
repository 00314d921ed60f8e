"""FZ6xx: enumeration inside paragraphs and numbering typed by hand.

drafter numbers headings itself (一、（一）1.（1）, GB/T 9704 §7.3.3), so numbering typed at the start
of a heading or paragraph is printed twice or out of step.  Inside a paragraph the clerk's own
"一是……二是……三是" must run in sequence.
"""
from __future__ import annotations

import re

from . import WARNING, Finding, rule
from ._text import snippet, texts
from ..textutil import cn_numeral, parse_cn_numeral

_CN = "一二三四五六七八九十"
# "一是" opening a sentence or clause (after 。；：，、 or a line start)
MARKER_RE = re.compile(rf"(?:^|(?<=[。；;：:，,！!？?\n]))[ \u3000]*([{_CN}]{{1,3}})是(?![的否非])")
_SP = "[ \u3000]*"
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ"
HAND_NUMBER_RE = re.compile(
    rf"^{_SP}(?:[{_CN}]{{1,3}}{_SP}[、.．]|[（(]{_SP}[{_CN}]{{1,3}}{_SP}[）)]"
    rf"|[0-9０-９]{{1,2}}{_SP}[、.．](?!{_SP}[0-9０-９])|[（(]{_SP}[0-9０-９]{{1,2}}{_SP}[）)]|[0-9０-９]{{1,2}}[)）]"
    rf"|[{_ROMAN}]{_SP}[、.．]|(?:[IVX]{{1,4}}){_SP}[、.．](?![A-Za-z0-9])|[①-⑳⑴-⒇⒈-⒛])")


def markers(text: str) -> list[tuple[int, int]]:
    """(number, offset) of every "一是 二是 …" in ``text``."""
    out = []
    for m in MARKER_RE.finditer(text):
        n = parse_cn_numeral(m.group(1))
        if n:
            out.append((n, m.start(1)))
    return out


def _lists(ctx):
    """Each list of sibling paragraphs (the 导语 alone, each content list of the body and of the 附件),
    as [(path, text)]."""
    r = ctx.report
    if r.intro:
        yield [(("intro",), r.intro)]

    def walk(items, base):
        paras = [(base + (j,), it) for j, it in enumerate(items) if isinstance(it, str)]
        if paras:
            yield paras
        for j, it in enumerate(items):
            if hasattr(it, "content"):                 # a 小标题 (a 表格 has no paragraphs)
                yield from walk(it.content, base + (j, "content"))

    for i, sec in enumerate(r.sections):
        yield from walk(sec.content, ("sections", i, "content"))
    for path, a in r.paged():                         # an 附件's own paragraphs (§7.3.7), 印发文件's
        yield from walk(a.content, path + ("content",))


@rule("FZ601", "enumeration-sequence", "“一是、二是、三是”没有按顺序", severity=WARNING)
def enumeration_sequence(ctx):
    """"一是……二是……三是" runs 1, 2, 3 … with none skipped or repeated; it may continue into the next
    paragraph of the same list, and "一是" starts a new enumeration."""
    for paras in _lists(ctx):
        last = None
        for path, text in paras:
            for n, off in markers(text):
                if n == 1:
                    last = 1
                    continue
                if last is None:
                    yield Finding(path, f"“{cn_numeral(n)}是”前面没有“一是”；请从“一是”开始列举", off)
                elif n == last:
                    yield Finding(path, f"“{cn_numeral(n)}是”重复了；请改为“{cn_numeral(n + 1)}是”或合并", off)
                elif n != last + 1:
                    gap = "、".join(f"{cn_numeral(k)}是" for k in range(last + 1, n)) if n > last else ""
                    what = f"缺少“{gap}”" if gap else f"排在“{cn_numeral(last)}是”之后"
                    yield Finding(path, f"“{cn_numeral(n)}是”{what}；请按“一是、二是、三是”的顺序改正", off)
                last = n


COUNT_RE = re.compile(rf"([{_CN}两])个?方面[^。；;]{{0,12}}?[：:]")


@rule("FZ602", "enumeration-count", "“N个方面”与列出的条数不符", severity=WARNING)
def enumeration_count(ctx):
    """"主要表现在三个方面：一是……二是……三是……" announces as many items as it lists."""
    for paras in _lists(ctx):
        for path, text in paras:
            for m in COUNT_RE.finditer(text):
                want = 2 if m.group(1) == "两" else parse_cn_numeral(m.group(1))
                got = 0
                for n, off in markers(text[m.end():]):
                    if n != got + 1:
                        break
                    got = n
                if got and want and got != want:
                    yield Finding(path, f"“{snippet(text, m.start(), m.end(), 0)}”说有{m.group(1)}个方面，"
                                        f"后面只列了{got}项（一是……{cn_numeral(got)}是）；请核对", m.start())


@rule("FZ603", "hand-numbering", "标题前手写了序号（drafter 自动编号，会印成两个序号）")
def hand_numbering(ctx):
    """A heading that starts with "一、" "（一）" "1." "（1）" (or a variant typed by hand: "一 、",
    "1 .", "1)", "１．", "Ⅰ.", "II.", "⑴", or a number that lost a bracket: "一)", "(一") would be
    numbered twice."""
    for t, start, num in _hand_numbers(ctx, ("heading", "subheading")):
        yield Finding(t.path, f"标题前的“{num}”是手写的序号，drafter 会自动编号（否则会印成两个序号）；"
                              f"请删除“{num}”", start)


@rule("FZ604", "hand-numbered-paragraph", "段首手写了序号（这一段应是小标题）", severity=WARNING)
def hand_numbered_paragraph(ctx):
    """A paragraph that starts with a heading number is a heading typed as text: it falls out of
    drafter's numbering ("（三）" after "（一）").  Write it as a subsection (标题/内容) without the
    number.  (A code of its own: quieting these warnings must not switch off FZ603's errors.)  A
    number written wrong ("一)", "1、") is FZ606's, which says how the number is written."""
    for t, start, num in _hand_numbers(ctx, ("paragraph",)):
        if damaged_number(t.text) is None:
            yield Finding(t.path, f"段首的“{num}”是手写的序号；drafter 自动编号，请把这一段改为小标题"
                                  "（“- 标题: ……”加“内容”），不写序号", start)


_LEVEL_NAME = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}


def damaged_number(text: str):
    """The heading number at the start of ``text`` when it is written other than GB/T 9704 §7.3.3
    writes it (一、 （一） 1. （1））: a bracket lost or half-width, another mark after the numeral."""
    from ..conventions import heading_marker

    m = heading_marker(text)
    if m is None or m.ok or m.kind not in ("cn", "pcn", "num", "pnum"):
        return None
    return m


def _what_is_wrong(found: str, kind: str) -> str:
    f = found.strip(" \u3000")
    opens, closes = sum(c in "(（" for c in f), sum(c in ")）" for c in f)
    if kind in ("pcn", "pnum"):
        if closes and not opens:
            return "少了左括号"
        if opens and not closes:
            return "少了右括号"
        if "(" in f or ")" in f:
            return "括号用了半角" if "（" not in f and "）" not in f else "括号一半是半角"
        return "括号后不加标点"
    if kind == "cn":
        return "数字后应用顿号“、”"
    if any(c in f for c in "０１２３４５６７８９"):
        return "数字用了全角"
    return "数字后应用半角下圆点“.”"


@rule("FZ606", "damaged-numbering", "段首的序号写残了或写法不对（如“一)”“(一”“1、”）", severity=WARNING)
def damaged_numbering(ctx):
    """A paragraph that starts with a heading number written wrong — a bracket lost in a web
    editor ("一)", "(一"), half-width or mixed brackets ("(一)", "（一)", "(1)"), another mark after
    the numeral ("一．", "1、") — is a heading typed as text, and its number is not one of GB/T 9704
    §7.3.3's (一、 （一） 1. （1））.  Say which level it is, how that level's number is written, and
    that drafter writes the number itself: make the paragraph a subsection without it.  (In a
    heading the same number is FZ603's error: it would be printed twice.)"""
    for t in texts(ctx):
        if t.role != "paragraph":
            continue
        m = damaged_number(t.text)
        if m is None:
            continue
        found = m.found.strip(" \u3000")
        level = _LEVEL_NAME[m.level]
        yield Finding(t.path, f"段首的“{found}”是写得不对的序号（{_what_is_wrong(found, m.kind)}）：{level}标题的序号写作"
                              f"“{m.expected}”（GB/T 9704 §7.3.3：一、（一）1.（1））；drafter 自动编号，请把这一段改为"
                              "小标题（“- 标题: ……”加“内容”），不写序号", t.text.index(found))


def _hand_numbers(ctx, roles: tuple[str, ...]):
    """(text, offset, number as written) of every text in ``roles`` that starts with a number."""
    for t in texts(ctx):
        if t.role in roles:
            m = HAND_NUMBER_RE.match(t.text)
            if m:
                num = m.group().strip(" \u3000")
                yield t, m.start() + len(m.group()) - len(num), num
                continue
            d = damaged_number(t.text)
            if d is not None:
                num = d.found.strip(" \u3000")
                yield t, t.text.index(num), num
