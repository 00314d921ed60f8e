"""Which paragraph is what: 版头, title, 主送机关, headings, body, 署名, 成文日期, 附注, 版记.

Any .docx is read, not only drafter's, so roles come from text and position (the way a reviewer
reads a page), never from style names: the 版头 is what precedes the title (red text, a
发文字号, 份号/密级/紧急程度); the title is the first paragraph after it that reads like one; the
tail is read backwards from the end (版记 lines, 附注 in brackets, the date, the 署名 above it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import conventions as C
from .. import gbt9704 as G
from ..textutil import width_zi
from ..reader.document import Document, Para, is_red

CN = "[一二三四五六七八九十]+"

# role names
EMPTY, HEAD, TITLE, ADDRESSEE, BODY, HEADING, TABLE = "empty", "head", "title", "addressee", "body", "heading", "table"
CLOSING, ATTACH_NOTE, SIGNATURE, DATE, NOTE, COLOPHON, ATTACHMENT = (
    "closing", "attach_note", "signature", "date", "note", "colophon", "attachment")
# roles set in 3号仿宋 (§5.2.2 default), checked for font and size
FANGSONG_ROLES = (BODY, ADDRESSEE, CLOSING, ATTACH_NOTE, SIGNATURE, DATE, NOTE)
ATTACH_NAME_MAX_ZI = 200     # an attachment's name may wrap over several lines (its number: "2.")
_SENTENCE = re.compile(r"[。；！？;!?]")


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
    notes: list = field(default_factory=list)
    colophon: list = field(default_factory=list)
    attachments: list = field(default_factory=list)
    stray_notes: list = field(default_factory=list)    # 附注-like paragraphs before the date

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


def _is_empty(p: Para) -> bool:
    return not _clean(p.text)


def _big(p: Para) -> bool:
    runs = p.text_runs()
    return bool(runs) and max(r.props.size_pt for r in runs) >= 18


def _all_red(p: Para) -> bool:
    runs = p.text_runs()
    return bool(runs) and all(is_red(r.props.color) for r in runs)


def title_like(p: Para) -> bool:
    t = _clean(p.text)
    if not t or marker_of(t) or C.date_parts(t) is not None or C.is_colophon(t):
        return False
    if width_zi(t) > 80 or _SENTENCE.search(t) or t.endswith(("：", ":", "，", ",")):
        return False
    if p.props.jc == "center" or _big(p):
        return True
    return width_zi(t) <= 60 and "，" not in t and "," not in t


def addressee_like(p: Para) -> bool | None:
    """True: a 主送机关 line; None: one written without its colon; False: not one."""
    t = _clean(p.text)
    if not t or marker_of(t) or _SENTENCE.search(t) or width_zi(t) > 120:
        return False
    if t.endswith(("：", ":")):
        return True
    if width_zi(t) <= 60:
        items = [x for x in re.split(r"[，、,]", t) if x]
        if items and all(C.ends_like_organ(x) for x in items):
            return None
    return False


def analyse(doc: Document) -> Layout:
    lay = Layout()
    paras = doc.paragraphs
    for p in paras:
        lay.roles[id(p)] = EMPTY if _is_empty(p) else BODY
    i, n = 0, len(paras)

    # -- 版头 --------------------------------------------------------------------------------------
    while i < n:
        p = paras[i]
        t = _clean(p.text)
        boxes = [tp for tp in p.textboxes if _clean(tp.text)]
        if not t:
            if boxes or any(s.kind == "line" and s.red for s in p.shapes):
                lay.zone.append(p)
                lay.roles[id(p)] = HEAD
            i += 1
            continue
        dn = C.find_doc_number(t)
        head_like = (dn is not None and width_zi(t) <= 40) or C.head_other(t) or _all_red(p) or (
            t.endswith("文件") and _big(p) and width_zi(t) <= 30)
        if not head_like and not lay.zone and width_zi(t) <= 30 and (_big(p) or p.props.jc == "center"):
            # a 发文机关标志 in black: a short display line with the 发文字号 right after it
            nxt = next((q for q in paras[i + 1:i + 6] if not _is_empty(q)), None)
            head_like = nxt is not None and C.find_doc_number(_clean(nxt.text)) is not None
        if not head_like:
            break
        lay.zone.append(p)
        lay.roles[id(p)] = HEAD
        if dn is not None and lay.doc_number is None:
            lay.doc_number = (p, dn)
        if "签发人" in t:
            lay.signer = p
        i += 1
    for p in lay.zone:
        for tp in p.textboxes:
            if _clean(tp.text):
                lay.flag.append(tp)
        if _clean(p.text) and not C.find_doc_number(_clean(p.text)) and not C.head_other(_clean(p.text)):
            lay.flag.append(p)
    # a frame or text box holding red text anywhere before the title counts too
    if lay.zone or lay.flag:
        flag_text = "".join(_clean(p.text) for p in lay.flag)
        if flag_text.endswith("文件"):
            lay.letter = "文件"
        elif lay.doc_number and "函" in lay.doc_number[1].org:
            lay.letter = "函"
        elif lay.flag:
            # 信函格式: the 发文字号 at the right edge, alone (jc right) or after 份号/密级 and a tab
            # (a 上行文's "青政〔2025〕3号<tab>签发人：王明" is the general format: the number comes first)
            dn_par = lay.doc_number[0] if lay.doc_number else None
            after_tab = dn_par is not None and "\t" in dn_par.text and "签发人" not in dn_par.text and \
                dn_par.text.index("\t") < dn_par.text.find(lay.doc_number[1].text)
            lay.letter = "函" if not flag_text.endswith("文件") and dn_par is not None and \
                (dn_par.props.jc == "right" or after_tab) else "文件"
    for p in paras:
        for s in p.shapes:
            if s.kind == "line" and s.red:
                lay.red_lines.append(s)
    for p in lay.zone + paras[i:i + 1]:
        lay.red_borders += sum(1 for side, (val, color, _) in p.props.borders.items()
                               if val not in (None, "nil", "none") and is_red(color))
    for t in doc.tables:
        lay.red_borders += sum(1 for (_, val, color, _) in t.borders if val not in (None, "nil", "none") and is_red(color))

    # -- title and 主送机关 --------------------------------------------------------------------------
    while i < n and _is_empty(paras[i]):
        i += 1
    if i < n and title_like(paras[i]) and paras[i].in_table is None:
        first = paras[i]
        lay.title.append(first)
        lay.roles[id(first)] = TITLE
        i += 1
        strong = first.props.jc == "center" or _big(first)
        while strong and i < n and not _is_empty(paras[i]) and paras[i].props.jc == first.props.jc and \
                _big(paras[i]) == _big(first) and title_like(paras[i]):
            lay.title.append(paras[i])
            lay.roles[id(paras[i])] = TITLE
            i += 1
    j = i
    while j < n and _is_empty(paras[j]):
        j += 1
    if j < n and paras[j].in_table is None and addressee_like(paras[j]) is not False:
        lay.addressee = paras[j]
        lay.roles[id(paras[j])] = ADDRESSEE
        i = j + 1

    # -- the tail, read backwards ---------------------------------------------------------------------
    body_start = i
    end = n
    k = n - 1
    while k >= body_start:
        p = paras[k]
        t = _clean(p.text)
        if not t:
            k -= 1
            continue
        in_colophon_table = p.in_table is not None and any(c.in_table == p.in_table for c in lay.colophon)
        if C.is_colophon(t) or in_colophon_table:
            lay.colophon.insert(0, p)
            lay.roles[id(p)] = COLOPHON
            end = k
            k -= 1
            continue
        break
    # a 版记 that LibreOffice or WPS wrote as a frame: a text box anchored in the tail
    for p in paras[body_start:]:
        for shape in p.shapes:
            tps = [tp for tp in shape.paragraphs if _clean(tp.text)]
            if tps and any(C.is_colophon(_clean(tp.text)) for tp in tps):
                for tp in tps:
                    if lay.roles.get(id(tp)) != COLOPHON:
                        lay.colophon.append(tp)
                        lay.roles[id(tp)] = COLOPHON
    # the date: the last date-only paragraph before the 版记
    date_k = None
    for k in range(end - 1, body_start - 1, -1):
        t = _clean(paras[k].text).replace(" ", "").replace("\u3000", "")
        if paras[k].in_table is None and C.date_parts(t) is not None:
            date_k = k
            break
    tail_start = end
    if date_k is not None:
        lay.date = paras[date_k]
        lay.roles[id(paras[date_k])] = DATE
        tail_start = date_k
        for k in range(date_k + 1, end):
            p = paras[k]
            t = _clean(p.text)
            if not t:
                continue
            if C.is_bracketed_note(t) and not lay.attachments:
                lay.notes.append(p)
                lay.roles[id(p)] = NOTE
            else:
                lay.attachments.append(p)
                lay.roles[id(p)] = ATTACHMENT
        # 署名: up to four short lines right above the date (sealed joint names: any number of rows on
        # tab stops, a seal's height apart)
        k = date_k - 1
        while k >= body_start and (len(lay.signature) < 4
                                   or (len(lay.signature) < 12 and tab_row_stops(lay.signature[0]))):
            p = paras[k]
            t = _clean(p.text)
            if not t:
                if lay.signature:
                    up = k
                    while up > body_start and up > k - G.SIG_JOINT_ROW_LINES and not _clean(paras[up].text):
                        up -= 1
                    if not (tab_row_stops(lay.signature[0]) and tab_row_stops(paras[up])):
                        break
                    k = up
                    continue
                k -= 1
                continue
            if p.in_table is None and width_zi(t) <= 30 and not re.search(r"[。，；：,;:！？]", t) and not marker_of(t) \
                    and not C.is_closing(t):
                lay.signature.insert(0, p)
                lay.roles[id(p)] = SIGNATURE
                tail_start = k
                k -= 1
                continue
            break
    else:
        # no date: a 署名 may still follow the closing formula; notes may close the text
        for k in range(end - 1, body_start - 1, -1):
            t = _clean(paras[k].text)
            if not t:
                continue
            if C.is_bracketed_note(t) and C.has_note_words(t):
                lay.notes.insert(0, paras[k])
                lay.roles[id(paras[k])] = NOTE
                tail_start = k
                continue
            break
    # 附件说明 and the closing formula, above the 署名
    k = tail_start - 1
    attach: list = []
    while k >= body_start:
        p = paras[k]
        t = _clean(p.text)
        if not t:
            k -= 1
            continue
        if C.attachment_note(t):
            attach.insert(0, p)
            lay.attach_note = attach
            for a in attach:
                lay.roles[id(a)] = ATTACH_NOTE
            tail_start = k
            k -= 1
            break
        if width_zi(t) <= ATTACH_NAME_MAX_ZI and not _SENTENCE.search(t.rstrip("。")) and (
                re.match(r"^[0-9０-９]{1,2}[.．、]", t) or attach):
            attach.insert(0, p)
            k -= 1
            continue
        break
    if not lay.attach_note:
        k = tail_start - 1
    while k >= body_start and _is_empty(paras[k]):
        k -= 1
    if k >= body_start and C.is_closing(_clean(paras[k].text)):
        lay.closing = paras[k]
        lay.roles[id(paras[k])] = CLOSING
        tail_start = k
    if lay.date is None and lay.closing is not None:
        # 署名 without a date: short right-aligned lines after the closing
        for p in paras[tail_start + 1:end]:
            t = _clean(p.text)
            if t and lay.roles.get(id(p)) == BODY and p.props.jc == "right" and width_zi(t) <= 30:
                lay.signature.append(p)
                lay.roles[id(p)] = SIGNATURE

    # -- the body ----------------------------------------------------------------------------------
    for p in paras[body_start:tail_start]:
        if lay.roles.get(id(p)) != BODY:
            continue
        t = _clean(p.text)
        if p.in_table is not None:
            lay.roles[id(p)] = TABLE
            continue
        m = marker_of(p.text)
        if m is not None:
            lay.roles[id(p)] = HEADING
            lay.headings.append((p, m))
        else:
            lay.body.append(p)
            if C.is_bracketed_note(t) and C.has_note_words(t):
                lay.stray_notes.append(p)
    for p in paras[:body_start]:
        if lay.roles.get(id(p)) == BODY and p.in_table is not None:
            lay.roles[id(p)] = TABLE
    return lay
