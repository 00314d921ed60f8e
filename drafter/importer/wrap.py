"""Text copied from a PDF (or a fixed-width text file): every printed line ends in a line break, so a
paragraph arrives as several lines ("……坚持以习近平新时代中国特色社会主义思想为指" / "导，深入学习……"),
and the page numbers ("— 1 —") come along between them.

``unwrap`` drops page-number lines and joins a line to the one before it when the one before cannot end
a paragraph: it does not end a sentence (。！？；：…), is no heading, title, organ name or date, and either
ends in the middle of a clause (，、“《) or is as long as the text's full lines (the page width).  The
next line must not start anything of its own (a heading number, the closing, a signature, a date, an
attachment).  A blank line between two lines (other than around a page number) keeps them apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import conventions as C
from ..textutil import line_joint, width_zi
from . import patterns as P

TERMINAL = "。！？；：…!?;:"
_CLOSERS = "”’」』\"'"
MID_CLAUSE = "，、,“‘《（(〈「『—"
_BARE_NO_RE = re.compile(r"^\d{1,3}$")


def is_page_number(text: str) -> bool:
    """"— 1 —", "- 2 -", "第 3 页", "第3页 共10页", "3/10" (a bare "3" is decided by its neighbours)."""
    return C.is_page_number(text)


def width(raw: str) -> float:
    """Printed width in 字: full-width characters 1, others ½ (the indent included)."""
    return width_zi(raw.rstrip(C.WS + "\r\n").replace("\t", "    "))


def ends_sentence(text: str) -> bool:
    t = text.rstrip(_CLOSERS + C.WS)
    if t != text.rstrip(C.WS) and t.endswith(tuple(TERMINAL)):
        return True
    return text.endswith(tuple(TERMINAL)) or text.endswith(("）", ")", "】", "]", "〕"))


def heading_like(text: str) -> bool:
    """A numbered heading on a line of its own ("（二）推进依法决策", "一、主要举措和成效")."""
    mk = C.heading_marker(text + "x")           # a bare "一、" or "（一）" too
    return mk is not None and "。" not in text[mk.end:]


def _title(t: str) -> bool:
    return C.title_like(t) and not any(c in t for c in "，,；;、")


def _addressee(t: str) -> bool:
    """"青原市人民政府：", "中共红石县委、红石县人民政府：" (not "况报告如下：", the end of a wrapped sentence)."""
    if not t.endswith(("：", ":")) or "如下" in t:
        return False
    names = [x for x in re.split(r"[、，,]", t[:-1]) if x]
    return bool(names) and all(C.is_orgish(C.strip(x)) for x in names)


def _own_kind(t: str) -> bool:
    """A line of a kind of its own, whether it starts or ends a paragraph: the closing, a date, a
    title, web chrome, a 发文字号, an attachment line, a page number."""
    return bool(C.is_closing(t) or C.parse_date(t) or C.is_month_only(t) or C.split_signed_date(t)
                or P.is_chrome(t) or C.doc_number_line(t) or _title(t) or C.attachment_note(t)
                or C.attachment_page(t) or is_page_number(t))


def starts_own_line(text: str) -> bool:
    """Lines that begin something of their own: they are never the rest of the line before."""
    t = C.strip(text)
    return bool(C.heading_marker(t + "x") or re.match(r"^[\u2460-\u2473]", t) or _own_kind(t) or C.is_orgish(t)
                or C.is_note(t) or C.cc_line(t) or C.printed_line(t) or _addressee(t))


def cannot_end_paragraph(text: str) -> bool:
    """The line before may be continued: not a sentence end, heading, title, organ name, date …"""
    t = C.strip(text)
    return not (ends_sentence(t) or heading_like(t) or _own_kind(t) or (C.is_orgish(t) and len(t) <= 20))


def glue(a: str, b: str) -> str:
    """Two pieces of a paragraph broken at a line end, joined (textutil.line_joint)."""
    return a + line_joint(a, b) + b


@dataclass
class Line:
    n: int                 # 1-based line number
    raw: str               # the line as read (for its width)
    text: str              # stripped
    hard: bool = False     # starts after a Word line/page break character: never joined to the line before
    gap: bool = False      # a blank line (not around a page number) separates it from the line before


@dataclass
class Unwrapped:
    lines: list[tuple[int, str, int]]                 # (first line number, text, how many lines joined)
    page_numbers: list[tuple[str, str]] = field(default_factory=list)
    joined: int = 0                                    # how many line breaks were removed
    joined_at: list[str] = field(default_factory=list)    # where of the paragraphs that were joined


def unwrap(raw_lines: list[str]) -> Unwrapped:
    """Lines of a text file -> paragraphs (see the module doc)."""
    lines: list[Line] = []
    blank_before = False
    for i, raw in enumerate(raw_lines, 1):
        parts = re.split("[\x0b\x0c]", raw)
        first = True
        for part in parts:
            t = C.strip(part)
            if t:
                lines.append(Line(i, part, t, hard=not first, gap=blank_before))
                blank_before = False
            first = False
        if not C.strip(raw.replace("\x0b", "").replace("\x0c", "")):
            blank_before = True
    out = Unwrapped([])
    # page numbers: the dashed/“第N页” forms anywhere; a bare number only between blank lines with text
    # (not table cells or other numbers) on both sides
    kept: list[Line] = []
    for k, ln in enumerate(lines):
        bare = bool(_BARE_NO_RE.match(ln.text)) and ln.gap and k + 1 < len(lines) and lines[k + 1].gap \
            and k > 0 and len(lines[k - 1].text) > 8 and len(lines[k + 1].text) > 8
        if is_page_number(ln.text) or bare:
            out.page_numbers.append((f"第{ln.n}行", ln.text))
            if k + 1 < len(lines) and not ln.hard:
                lines[k + 1].gap = False if not lines[k + 1].hard else lines[k + 1].gap
            continue
        kept.append(ln)
    if not kept:
        return out
    # the page width: the widest line of at most 60 字 (longer lines are web paragraphs, not printed lines)
    widths = [width(ln.raw) for ln in kept]
    page = max((w for w in widths if w <= 60), default=0)
    long_open = [k for k, ln in enumerate(kept[:-1]) if page >= 20 and widths[k] >= page - 3
                 and cannot_end_paragraph(ln.text) and not kept[k + 1].gap and not kept[k + 1].hard
                 and not starts_own_line(kept[k + 1].text)]
    wrapped = len(long_open) >= 2          # the text is wrapped at a page width, not just one long heading
    cur: list = []
    for k, ln in enumerate(kept):
        if cur and not ln.gap and not ln.hard and cannot_end_paragraph(cur[1]) \
                and not starts_own_line(ln.text) \
                and (cur[1].endswith(tuple(MID_CLAUSE)) or (wrapped and cur[3] >= page - 3)):
            cur[1] = glue(cur[1], ln.text)
            cur[2] += 1
            cur[3] = widths[k]
            out.joined += 1
            if cur[2] == 2:
                out.joined_at.append(f"第{cur[0]}行")
            continue
        if cur:
            out.lines.append((cur[0], cur[1], cur[2]))
        cur = [ln.n, ln.text, 1, widths[k]]
    out.lines.append((cur[0], cur[1], cur[2]))
    return out
