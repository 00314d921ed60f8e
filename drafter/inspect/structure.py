"""The inspector's view of the anatomy: each paragraph of the .docx in its role, for the checks.

Which paragraph is what (版头, title, 主送机关, headings, body, 署名, 成文日期, 附注, 版记) is decided
once, by the anatomy pass (:mod:`drafter.anatomy`), for ``import`` and ``inspect`` alike.  Here its
roles are laid onto the reader's paragraphs (a line of a paragraph split at a manual line break
gives its role to the paragraph; a table row to every cell), and what only a page shows is added:
empty paragraphs holding the 版头's red lines and text boxes, red borders drawn as rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import anatomy as A
from .. import conventions as C
from ..reader.document import Document, Para, is_red

CN = "[一二三四五六七八九十]+"

# role names
EMPTY, HEAD, TITLE, ADDRESSEE, BODY, HEADING, TABLE = "empty", "head", "title", "addressee", "body", "heading", "table"
CLOSING, ATTACH_NOTE, SIGNATURE, DATE, NOTE, COLOPHON, ATTACHMENT = (
    "closing", "attach_note", "signature", "date", "note", "colophon", "attachment")
ATTENDANCE = "attendance"                              # a 纪要's 出席/列席 lines (§10.3: "出席：" in 黑体)
CAPTION = "caption"                                    # a table's title above it, its note under it
# roles set in 3号仿宋 (§5.2.2 default), checked for font and size
FANGSONG_ROLES = (BODY, ADDRESSEE, CLOSING, ATTACH_NOTE, SIGNATURE, DATE, NOTE)


def marker_of(text: str) -> C.Marker | None:
    """A heading number of the four levels of §7.3.3 (一、 （一） 1. （1） or a mistyped form of them)."""
    m = C.heading_marker(text)
    return m if m is not None and 1 <= m.level <= 4 else None


def lead_end(text: str, start: int) -> int:
    """End of a heading's lead sentence: through the first 。！？ (run-in heading) or the whole text."""
    m = re.search(r"[。！？!?]", text[start:])
    if m and start + m.end() < len(text.rstrip()):
        return start + m.end()
    return len(text)


@dataclass
class Layout:
    roles: dict = field(default_factory=dict)          # id(Para) -> role
    zone: list = field(default_factory=list)           # 版头 paragraphs
    flag: list = field(default_factory=list)           # paragraphs (body or text box) of the 发文机关标志
    doc_number: tuple | None = None                    # (Para, match)
    signer: Para | None = None
    letter: str | None = None                          # "函" (信函格式) | "文件" (通用格式) | None
    red_lines: list = field(default_factory=list)      # Shape
    red_borders: int = 0                               # red paragraph/table borders (版头 lines drawn as borders)
    title: list = field(default_factory=list)
    addressee: Para | None = None
    headings: list = field(default_factory=list)       # (Para, Marker)
    body: list = field(default_factory=list)
    closing: Para | None = None
    attach_note: list = field(default_factory=list)
    signature: list = field(default_factory=list)
    date: Para | None = None
    date_text: str | None = None                       # the date as written (its line, when it shares a paragraph)
    notes: list = field(default_factory=list)
    colophon: list = field(default_factory=list)
    attachments: list = field(default_factory=list)
    stray_notes: list = field(default_factory=list)    # 附注-like paragraphs before the date
    unnumbered: list = field(default_factory=list)     # headings without a number (a part's name alone)
    other: list = field(default_factory=list)          # web furniture, seal lines, lines that fit nowhere

    def role(self, p: Para) -> str | None:
        return self.roles.get(id(p))


def tab_row_stops(p: Para) -> list[tuple[int, str]] | None:
    """The stops of a row of names on tab stops of their own (a sealed joint 署名, §7.3.5.1:
    "\t中共××委员会\t××人民政府"): each tab goes to a centre or right stop of the paragraph's own, in
    order, and each is followed by a name.  None for any other paragraph (tabs pushing text along,
    default stops, spaces between names)."""
    parts = p.text.strip("\n").split("\t")
    if len(parts) < 2 or parts[0].strip(" \u3000") or re.search(r"[ \u3000]{2,}", p.text):
        return None
    if not all(x.strip(" \u3000") for x in parts[1:]):
        return None
    stops = sorted(p.props.tabs.items())[:len(parts) - 1]
    if len(stops) < len(parts) - 1 or any(kind not in ("center", "right") for _, kind in stops):
        return None
    return stops


def _clean(text: str) -> str:
    return text.strip(" \u3000\t\n")


def _origins(sp) -> list[Para]:
    o = sp.origin
    if o is None:
        return []
    return list(o) if isinstance(o, list) else [o]


_ROLE = {A.TITLE: TITLE, A.ADDRESSEE: ADDRESSEE, A.INTRO: BODY, A.BODY: BODY, A.HEADING: HEADING, A.TABLE: TABLE,
         A.CLOSING: CLOSING, A.ATTACH_NOTE: ATTACH_NOTE, A.SIGNATURE: SIGNATURE, A.DATE: DATE, A.NOTE: NOTE,
         A.COLOPHON: COLOPHON, A.ATTACHMENT: ATTACHMENT, A.ATTENDANCE: ATTENDANCE, A.TABLE_TITLE: CAPTION,
         A.TABLE_NOTE: CAPTION}


def layout(doc: Document, ana: A.Anatomy) -> Layout:
    """The roles of the anatomy on the reader's paragraphs."""
    lay = Layout()
    paras = doc.paragraphs
    for p in paras:
        lay.roles[id(p)] = EMPTY if not _clean(p.text) else BODY
    seen: set[int] = set()

    def add(lst: list, p: Para) -> None:
        if not any(q is p for q in lst):
            lst.append(p)

    h, tl = ana.head, ana.tail
    all_paras = h.chrome + h.unknown + ana.paras + tl.web + tl.unknown
    for sp in all_paras:
        role = ana.role(sp)
        for p in _origins(sp):
            key = id(p)
            if role in A.HEAD_ROLES:
                lay.roles[key] = HEAD
                if role == A.FLAG:
                    add(lay.flag, p)
                elif role == A.DOC_NUMBER and lay.doc_number is None:
                    dn = C.find_doc_number(_clean(p.text))
                    if dn is not None:
                        lay.doc_number = (p, dn)
                        if "签发人" in p.text:
                            lay.signer = p
                elif role == A.SIGNERS:
                    lay.signer = p
                continue
            if role in (A.CHROME, A.UNKNOWN, A.SEAL):
                if key not in seen:
                    lay.roles[key] = role
                    add(lay.other, p)
                continue
            mapped = _ROLE.get(role)
            if mapped is None:
                continue
            if p.in_table is not None and mapped in (BODY, HEADING):
                mapped = TABLE
            prev = lay.roles.get(key)
            if key in seen and prev in (SIGNATURE, DATE) and mapped in (SIGNATURE, DATE):
                mapped = prev if prev == DATE else mapped    # 署名 and 成文日期 in one paragraph: checked as the date's
            seen.add(key)
            lay.roles[key] = mapped
            if mapped == TITLE:
                add(lay.title, p)
            elif mapped == ADDRESSEE and lay.addressee is None:
                lay.addressee = p
            elif mapped == CLOSING:
                lay.closing = p
            elif mapped == ATTACH_NOTE:
                add(lay.attach_note, p)
            elif mapped == SIGNATURE:
                add(lay.signature, p)
            elif mapped == DATE:
                lay.date = p
                lay.date_text = sp.text
            elif mapped == NOTE:
                add(lay.notes, p)
            elif mapped == COLOPHON:
                add(lay.colophon, p)
            elif mapped == ATTACHMENT:
                add(lay.attachments, p)
    if lay.date is not None:
        lay.signature = [p for p in lay.signature if p is not lay.date]
    # text boxes of the 标志 are paragraphs of their own (story "textbox"); their anchors are in the 版头
    for p in lay.flag:
        if p.story == "textbox":
            anchor = next((q for q in paras if any(tp is p for tp in q.textboxes)), None)
            if anchor is not None and lay.roles.get(id(anchor)) in (EMPTY, HEAD):
                lay.roles[id(anchor)] = HEAD
    # the 版头 zone: everything before the title (or the body) that is head or empty with a shape in it
    first = next((p for p in paras if lay.roles.get(id(p)) in (TITLE, ADDRESSEE, BODY, HEADING, TABLE)), None)
    stop = first.number if first is not None else len(paras) + 1
    head_seen = any(lay.roles.get(id(p)) == HEAD for p in paras)
    for p in paras:
        if p.number >= stop:
            break
        r = lay.roles.get(id(p))
        if r == HEAD or (r == EMPTY and (any(s.kind == "line" and s.red for s in p.shapes)
                                         or any(_clean(tp.text) for tp in p.textboxes))):
            lay.zone.append(p)
            lay.roles[id(p)] = HEAD
            for tp in p.textboxes:
                if _clean(tp.text) and not any(q is tp for q in lay.flag) and head_seen and \
                        C.find_doc_number(_clean(tp.text)) is None and not C.head_other(_clean(tp.text)):
                    add(lay.flag, tp)
    lay.letter = {A.LETTER_FORMAT: "函", A.FILE_FORMAT: "文件"}.get(ana.format)
    if lay.letter is None and (lay.zone or lay.flag) and ana.format == A.PLAIN_FORMAT:
        lay.letter = "文件"
    for p in paras:
        for s in p.shapes:
            if s.kind == "line" and s.red:
                lay.red_lines.append(s)
    title_first = lay.title[0] if lay.title else None
    for p in lay.zone + ([title_first] if title_first is not None else []):
        lay.red_borders += sum(1 for side, (val, color, _) in p.props.borders.items()
                               if val not in (None, "nil", "none") and is_red(color))
    for t in doc.tables:
        lay.red_borders += sum(1 for (_, val, color, _) in t.borders if val not in (None, "nil", "none") and is_red(color))
    # the body: numbered headings, unnumbered ones, paragraphs
    for p in paras:
        r = lay.roles.get(id(p))
        if r == HEADING:
            m = marker_of(p.text)
            if m is not None:
                lay.headings.append((p, m))
            else:
                lay.unnumbered.append(p)
        elif r == BODY and p.in_table is None:
            lay.body.append(p)
            t = _clean(p.text)
            if C.is_bracketed_note(t) and C.has_note_words(t):
                lay.stray_notes.append(p)
        elif r == BODY:
            lay.roles[id(p)] = TABLE
    return lay
