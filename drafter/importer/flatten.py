"""Text that lost its line breaks: a whole report (or a part of it) in one paragraph, headings inline —
"…现将有关情况报告如下： 一、推进依法行政 （一）建章立制，完善制度。坚持……".

A paragraph is split only when it carries a numbering *sequence* at sentence or space boundaries
(一、 then 二、, or 一、 with （一）（二）); a single "（一）" inside a sentence stays text.  It is split
before each such number, after the title and web chrome at its start, and at spaces that follow the
end of a sentence (where a line break used to be).  Spaces inside a sentence are kept.
"""
from __future__ import annotations

import re

from .. import conventions as C
from . import patterns as P
from ..source import Para

_BOUNDARY_BEFORE = set(C.WS) | set("。：:；;！？!?")
_SPLIT_WS = re.compile(rf"[{C.WS}]+")


def _boundary_markers(text: str, allow_no_space: bool = True) -> list[tuple[int, str, int]]:
    """(position, kind, number) of numbers that start at a boundary (text start, a space, or the end
    of a sentence or clause)."""
    out = []
    for m in P.INLINE_MARKER.finditer(text):
        pos = m.start()
        prev = text[pos - 1] if pos else ""
        bracketed = text[pos] in "（("
        if pos and prev not in _BOUNDARY_BEFORE and not (bracketed and prev not in "第款项条目"):
            continue
        if pos and prev not in C.WS and not allow_no_space:
            continue
        kind, n = P.inline_kind(m)
        if n:
            out.append((pos, kind, n))
    return out


def _sequence(found: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """Keep the numbers that continue a sequence: each kind counts 1, 2, 3 …; a deeper kind restarts
    at 1 under a new number of a higher kind."""
    kept: list[tuple[int, str, int]] = []
    last: dict[str, int] = {}
    order: list[str] = []
    for pos, kind, n in found:
        expected = last.get(kind, 0) + 1
        if n == expected or (n == 1 and kind in last):
            if kind in order:
                for deeper in order[order.index(kind) + 1:]:
                    last.pop(deeper, None)
                del order[order.index(kind) + 1:]
            else:
                order.append(kind)
            last[kind] = n
            kept.append((pos, kind, n))
    return kept


def is_flattened(text: str) -> list[int]:
    """Split positions if ``text`` is a flattened report (or part), else []."""
    if len(text) < 40:
        return []
    kept = _sequence(_boundary_markers(text))
    kept = [k for k in kept if k[0] > 0]
    cn = [k for k in kept if k[1] == "cn"]
    pcn = [k for k in kept if k[1] == "pcn"]
    spaced = [k for k in kept if text[k[0] - 1] in C.WS]
    if len(cn) >= 2 or (cn and len(pcn) >= 2) or len(spaced) >= 2:
        return [k[0] for k in kept]
    return []


def _head_token(tok: str) -> bool:
    """A token that can stand before the text of a flattened report: title, chrome, 发文字号, organ."""
    if not tok or len(tok) > 60 or any(c in tok for c in "，,。；;"):
        return False
    return bool(P.is_chrome(tok) or C.title_like(tok) or C.doc_number_line(tok) or C.is_orgish(tok)
                or re.fullmatch(r"[\d:：\-/.]+", tok))


def _head_tokens(chunk: str) -> tuple[list[str], str]:
    """The title and chrome at the start of the first chunk, as separate lines.  Returns (tokens, rest)."""
    tokens, rest = [], chunk
    while True:
        m = _SPLIT_WS.search(rest)
        if not m or not _head_token(rest[:m.start()]):
            break
        tokens.append(rest[:m.start()])
        rest = rest[m.end():]
    if not tokens:       # "……年度情况报告青原市人民政府：2024年，……": title and addressee glued to the text
        m = re.match(r"^([^，,。；;：:]{4,60}?报告)(?!如下)", chunk)
        if m and C.year_in(m.group(1)):
            tokens, rest = [m.group(1)], chunk[m.end():]
            a = re.match(r"^([^，,。；;：:]{2,40}[：:])(?=\S)", rest)
            if a and C.is_orgish(a.group(1)[:-1]):
                tokens.append(a.group(1))
                rest = rest[a.end():]
    return tokens, rest


_OPENER = re.compile(r"一是|首先|全年|今年|(?:19|20)\d{2}年[，,]|我(?:县|市|区|镇|乡|街道|局|委|办|们)")
_HEADING_END = re.compile(r"(?:情况|成效|不足|问题|原因|安排|打算|思路|计划|举措)(?![的和及与、，,])")


def _glued_heading_end(chunk: str, start: int) -> int | None:
    """Where a heading run into its text without space or full stop ends ("二、存在的问题一是……",
    "四、下一步工作打算2025年，我县……"): before a typical opening word, or after a typical last word of
    a part heading.  Only when the first sentence is too long or has clauses to be a heading."""
    from ..conventions import first_sentence_end

    body = chunk[start:]
    end = first_sentence_end(body)
    first = body[:end] if end is not None else body
    if len(first) <= 30 and not any(c in first for c in "，,；;："):
        return None
    o = _OPENER.search(body, 2, 45)
    e = _HEADING_END.search(body, 2, 45)
    cuts = [x for x in ((o.start() if o else None), (e.end() if e else None)) if x]
    if not cuts:
        return None
    cut = min(cuts)
    if any(c in body[:cut] for c in "，,；;。：:"):
        return None
    return start + cut


def _sentences(chunk: str) -> list[str]:
    """Split at spaces that follow the end of a sentence or a colon (former line breaks)."""
    out, start = [], 0
    for m in _SPLIT_WS.finditer(chunk):
        prev = chunk[m.start() - 1] if m.start() else ""
        if prev in "。！？!?：:；;":
            out.append(chunk[start:m.start()])
            start = m.end()
    out.append(chunk[start:])
    return [C.strip(x) for x in out if C.strip(x)]


def _tail_split(piece: str) -> list[str]:
    """"……。特此报告。新乐市人民政府2024年12月20日" -> body, closing, signature, date."""
    out = []
    m = C.closing_in(piece)
    if m and m.start() > 0 and piece[m.start() - 1] in "。！？" and len(piece) - m.end() <= 60:
        out.append(piece[:m.start()])
        piece = piece[m.start():]
        out.append(m.group(1))
        piece = C.strip(piece[len(m.group(1)):])
        note = C.note_at_end(piece)
        tail_note = None
        if note:
            tail_note = note.group(0)
            piece = C.strip(piece[:note.start()])
        d = C.date_at_end(piece)
        if d:
            if C.strip(piece[:d.start()]):
                out.append(C.strip(piece[:d.start()]))
            out.append(d.group(1))
        elif piece:
            out.append(piece)
        if tail_note:
            out.append(tail_note)
        return [x for x in out if x]
    # spaces at the very end: "…。 新乐市人民政府 2024年12月20日"
    return [piece]


def _split_trailing_tokens(piece: str) -> list[str]:
    """"新乐市人民政府 2024年12月20日" (after the closing) -> two lines."""
    toks = [t for t in _SPLIT_WS.split(piece) if t]
    if len(toks) > 1 and all(len(t) <= 40 and not any(c in t for c in "，,。；;") for t in toks):
        return toks
    return [piece]


def unflatten(para: Para) -> list[Para]:
    """One paragraph -> the paragraphs it was before flattening (or itself)."""
    text = para.text
    cuts = is_flattened(text)
    if not cuts:
        return [para]
    chunks = []
    prev = 0
    for c in cuts:
        chunks.append(text[prev:c])
        prev = c
    chunks.append(text[prev:])
    pieces: list[str] = []
    first = C.strip(chunks[0])
    if first:
        tokens, rest = _head_tokens(first)
        pieces.extend(tokens)
        pieces.extend(_sentences(rest))
    for chunk in chunks[1:]:
        chunk = C.strip(chunk)
        m = C.heading_marker(chunk)
        if m is None:
            pieces.extend(_sentences(chunk))
            continue
        ws = _SPLIT_WS.search(chunk, m.end)
        head = chunk[:ws.start()] if ws else chunk
        if ws and "。" not in head[m.end:] and len(head) - m.end <= 60:
            pieces.append(head)                     # "（一）深入推进… 完成……": heading ends at the space
            pieces.extend(_sentences(chunk[ws.end():]))
        elif not ws and (cut := _glued_heading_end(chunk, m.end)):
            pieces.append(chunk[:cut])              # "二、存在的问题一是……": no space, no full stop
            pieces.append(chunk[cut:])
        else:
            pieces.extend(_sentences(chunk))
    # the closing, signature and date glued to the last paragraph
    last = pieces.pop()
    tail = _tail_split(last)
    pieces.extend(tail)
    if len(tail) == 1 and len(pieces) >= 2 and C.is_closing(pieces[-2]):
        pieces[-1:] = _split_trailing_tokens(pieces[-1])
    out = []
    for k, piece in enumerate(p for p in pieces if p):
        out.append(Para(piece, f"{para.where}（拆分后第{k + 1}段）", para.role, para.level))
    return out
