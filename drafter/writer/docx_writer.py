"""Block list -> .docx laid out to GB/T 9704-2012.

Everything is on one grid: 22 lines of 28.95 pt (exact spacing, so LibreOffice and Word agree) and
28 characters of 15.7 pt (16 pt 仿宋 with −0.3 pt character spacing).  The letterhead's flag and red
lines are anchored to the page, so they sit where the standard puts them whatever the text does.
"""
from __future__ import annotations

import datetime as _dt

from .. import blocks as B
from .. import gbt9704 as G
from ..textutil import is_wide, width_zi
from . import package as P
from . import styles as S
from .oxml import (el, page_field_runs, para_props, paragraph, parse_xml, red_line, run_props, tab_run, text_box,
                   text_run, xml_text, NSDECL)

# The paragraph a floating 版记 table is anchored to: off the line grid (on it, it took a whole line,
# which LibreOffice found under a 版记 that filled the page's last lines and moved, with the table, to a
# page of its own) and one twip high.  The 版心 (12756 twips) holds 22 lines of 579 twips and 18 twips
# more, less the 版记 rules' own thickness: at 14 twips (0.7 pt, the least Word's dialog offers) a
# ruled 版记 filling the last lines still moved (tests/test_layout_pdf.py).  One twip is valid OOXML;
# it has been checked in LibreOffice only, not in Word or WPS.
ANCHOR_LINE = 1


def section_properties(letter: bool):
    """§5.1, §5.2: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; odd/even (and, for 信函, first-page)
    footers; Word's line grid of 579 twips and no character grid (LibreOffice doubles CJK cells
    with one, spec G1)."""
    title_pg = "<w:titlePg/>" if letter else ""     # §10.1: no page number on page 1
    return parse_xml(
        f'<w:sectPr {P.ROOT_NS}>{P.footer_refs(letter)}'
        f'<w:pgSz w:w="{G.PAGE_WIDTH}" w:h="{G.PAGE_HEIGHT}"/>'
        f'<w:pgMar w:top="{G.MARGIN_TOP}" w:right="{G.MARGIN_RIGHT}" w:bottom="{G.MARGIN_BOTTOM}" '
        f'w:left="{G.MARGIN_LEFT}" w:header="{G.HEADER_DISTANCE}" w:footer="{G.FOOTER_DISTANCE}" w:gutter="0"/>'
        f'<w:cols w:space="425"/>{title_pg}<w:docGrid w:type="lines" w:linePitch="{G.LINE_PITCH}"/></w:sectPr>')


# ---------------------------------------------------------------------------------------------
def _lines_needed(text: str, width: int) -> int:
    """Grid lines a 版记 item in 4号 takes in ``width`` twips (the wider of Word's and LibreOffice's
    advance, plus one 字 for a character that line-breaking rules push to the next line)."""
    adv = max(zi_twips(text, G.SIZE_4HAO, 0), zi_twips(text, G.SIZE_4HAO, 0, renderer="lo"))
    lines = max(1, -(-adv // width))
    if lines > 1:
        lines = max(1, -(-(adv + round(G.SIZE_4HAO * G.TWIPS_PER_PT) * (lines - 1)) // width))
    return lines


def zi_twips(text: str, size_pt: float = G.SIZE_3HAO, spacing: int = G.CHAR_SPACING, *,
             renderer: str = "word") -> int:
    """Rendered advance of ``text`` in twips: a full-width character is one 字, a half-width one half,
    each narrowed by the run's character spacing.  LibreOffice also widens every change between
    CJK and Latin script (it ignores w:autoSpaceDE), measured in gbt9704.LO_SCRIPT_SPACE_EM."""
    adv = 0.0
    prev = None
    for ch in text:
        wide = is_wide(ch)
        adv += (size_pt if wide else size_pt / 2) * G.TWIPS_PER_PT + spacing
        if renderer == "lo" and prev is not None and wide != prev and not ch.isspace():
            adv += G.LO_SCRIPT_SPACE_EM * size_pt * G.TWIPS_PER_PT
        prev = wide
    return round(adv)


def both(fn):
    """(Word value, LibreOffice value) of a width-dependent layout number."""
    return fn("word"), fn("lo")


class Writer:
    def __init__(self, document: B.Document):
        self.d = document
        self.f = document.fonts
        self.shape_id = 0

    # -- run properties per role --
    def rpr(self, role: str):
        f = self.f
        if role == B.BODY:
            return run_props(f[B.BODY], f["latin"])
        if role == B.H1:
            return run_props(f[B.H1])
        if role == B.H2:
            return run_props(f[B.H2])
        if role == B.H3:
            return run_props(f[B.H3], f["latin"], bold=self.d.level3_bold)
        if role == B.H4:
            return run_props(f[B.H4], f["latin"])
        if role == B.TITLE:
            return run_props(f[B.TITLE])
        raise ValueError(role)

    def body_rpr(self):
        return self.rpr(B.BODY)

    def para(self, style: str, runs, **ppr):
        return paragraph(para_props(style, **ppr), *runs)

    def blank(self, keep_next: bool = False):
        return self.para(S.PLAIN, [], keep_next=keep_next)

    # -- build --
    def build(self) -> dict[str, str | bytes]:
        """The package's parts, by name."""
        letter = any(isinstance(b, B.Letterhead) and b.kind == "函" for b in self.d.blocks)
        f = self.f
        root = parse_xml(f"<w:document {P.ROOT_NS}><w:body/></w:document>")
        body = root[0]
        blocks = self.d.blocks
        for i, blk in enumerate(blocks):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            for p in self.block(blk, nxt):
                body.append(p)
        body.append(section_properties(letter))
        parts = {
            "[Content_Types].xml": P.content_types(letter),
            "_rels/.rels": P.PACKAGE_RELS,
            "docProps/app.xml": P.APP,
            "word/document.xml": P.part_xml(root),
            "word/_rels/document.xml.rels": P.document_rels(letter),
            "word/styles.xml": S.styles_xml(f[B.BODY], f["latin"], f[B.H1], f[B.H2], f[B.TITLE], f["song"],
                                            self.d.level3_bold),
            "word/settings.xml": P.SETTINGS,
            "word/fontTable.xml": P.font_table([f[k] for k in (B.BODY, B.H1, B.H2, B.TITLE, "song")]),
        }
        parts.update(self._footers(letter))
        return parts

    def block(self, blk, nxt):
        if isinstance(blk, B.Letterhead):
            return self.letterhead(blk)
        if isinstance(blk, B.Title):
            runs = []
            for k, line in enumerate(blk.lines):
                if k:
                    r = el("w:r", None, self.rpr(B.TITLE), el("w:br"))
                    runs.append(r)
                runs.append(text_run(line, self.rpr(B.TITLE)))
            out = [self.para(S.TITLE, runs)]
            # §7.3.2: 主送机关 one line below the title; the body follows the title the same way
            out.append(self.blank())
            return out
        if isinstance(blk, B.Addressee):
            return [self.para(S.ADDRESSEE, [text_run(blk.text, self.body_rpr())])]
        if isinstance(blk, B.Heading):
            role = {1: B.H1, 2: B.H2, 3: B.H3, 4: B.H4}[blk.level]
            return [self.para(S.HEADINGS[blk.level], [text_run(blk.number + blk.text, self.rpr(role))])]
        if isinstance(blk, B.Paragraph):
            # the signature (with its 附件说明, and 特此报告。 before them) never starts a page without
            # a line of the body above it: the page that carries the 署名 carries text (§7.3.5.5)
            keep = blk.keep_next or isinstance(nxt, (B.Signature, B.AttachmentNote, B.Closing))
            return [self.para(S.NORMAL, [text_run(r.text, self.rpr(r.role)) for r in blk.runs if r.text],
                              keep_next=keep)]
        if isinstance(blk, B.Closing):
            return [self.para(S.NORMAL, [text_run(blk.text, self.body_rpr())],
                              keep_next=isinstance(nxt, (B.Signature, B.AttachmentNote)))]
        if isinstance(blk, B.AttachmentNote):
            return self.attachments(blk, isinstance(nxt, B.Signature))
        if isinstance(blk, B.Signature):
            return self.signature(blk, note_follows=isinstance(nxt, B.Note))
        if isinstance(blk, B.Note):
            return [self.para(S.NOTE, [text_run(blk.text, self.body_rpr())])]
        if isinstance(blk, B.Colophon):
            return self.colophon(blk)
        raise TypeError(blk)

    # -- 版头 -------------------------------------------------------------------------------
    def _next_id(self) -> int:
        self.shape_id += 1
        return self.shape_id

    def flag_box(self, lines: list[str], top_mm: float, size_pt: float, *, x_mm: float | None = None,
                 width_mm: float = G.TYPE_AREA_WIDTH_MM, pitch_mm: float | None = None, jc: str = "center"):
        """A text box of red 小标宋 lines, the first glyph top ``top_mm`` from the page top; further lines
        ``pitch_mm`` below each other."""
        rpr = (f'<w:rPr><w:rFonts w:ascii="{xml_text(self.f[B.FLAG])}" w:hAnsi="{xml_text(self.f[B.FLAG])}" '
               f'w:eastAsia="{xml_text(self.f[B.FLAG])}" w:cs="{xml_text(self.f[B.FLAG])}" w:hint="eastAsia"/>'
               f'<w:color w:val="{G.RED}"/><w:spacing w:val="0"/><w:sz w:val="{round(size_pt * 2)}"/>'
               f'<w:szCs w:val="{round(size_pt * 2)}"/></w:rPr>')
        em = size_pt * G.MM_PER_PT
        before = round(((pitch_mm or em) - em) / G.MM_PER_PT * G.TWIPS_PER_PT)
        pxml = "".join(
            f'<w:p {NSDECL}><w:pPr><w:spacing w:before="{before if k else 0}" w:after="0" '
            f'w:line="{round(size_pt * G.TWIPS_PER_PT)}" w:lineRule="exact"/><w:ind w:firstLine="0"/>'
            f'<w:jc w:val="{jc}"/></w:pPr><w:r>{rpr}<w:t>{xml_text(text)}</w:t></w:r></w:p>'
            for k, text in enumerate(lines))
        height = (len(lines) - 1) * (pitch_mm or em) + em * 1.5
        # the box top sits above the wanted glyph top by the renderer's offset inside an exact line
        return text_box(self._next_id(), top_mm - G.FLAG_GLYPH_OFFSET_EM * em, width_mm, height, pxml, x_mm)

    def flag(self, lh: B.Letterhead, top_mm: float, preferred: float, minimum: float):
        """The 发文机关标志's text boxes, and the bottom of its glyphs in mm from the page top.  One line,
        centred; or (§7.2.4 联合行文) the organs stacked, each spread to the widest, with "文件" right of
        them, centred on them top to bottom, the whole centred on the 版心."""
        if len(lh.flag) == 1 and not lh.flag_suffix:
            size = self.flag_size(lh.flag[0], preferred, minimum)
            return [self.flag_box(lh.flag, top_mm, size)], top_mm + size * G.MM_PER_PT
        gap = "\u3000" * G.FLAG_JOINT_GAP_ZI if lh.flag_suffix else ""
        slack = G.FLAG_BOX_SLACK_MM

        def width_mm(text: str, size: float) -> float:      # the wider of Word's and LibreOffice's
            return G.twips_to_mm(max(both(lambda r: zi_twips(text, size, 0, renderer=r))))

        def widths(size: float) -> tuple[float, float, float]:
            return (max(width_mm(t, size) for t in lh.flag), width_mm(gap, size), width_mm(lh.flag_suffix, size))

        size = self.flag_size(max(lh.flag, key=width_zi) + gap + lh.flag_suffix, preferred, minimum)
        while size > 1 and sum(widths(size)) + slack > G.TYPE_AREA_WIDTH_MM:
            size -= 1
        em = size * G.MM_PER_PT
        pitch = em * G.FLAG_JOINT_LINE_EM
        # the boxes are a little wider than their text, so that no renderer's rounding wraps a line:
        # the names fill theirs (分散对齐), "文件" stands in the middle of its own
        names_w, gap_w, suffix_w = widths(size)
        x0 = G.MARGIN_LEFT_MM + (G.TYPE_AREA_WIDTH_MM - (names_w + slack + gap_w + suffix_w)) / 2
        height = (len(lh.flag) - 1) * pitch + em
        boxes = [self.flag_box(lh.flag, top_mm, size, x_mm=x0, width_mm=names_w + slack, pitch_mm=pitch,
                               jc="distribute")]
        if lh.flag_suffix:
            boxes.append(self.flag_box([lh.flag_suffix], top_mm + (height - em) / 2, size,
                                       x_mm=x0 + names_w + slack + gap_w - slack / 2, width_mm=suffix_w + slack))
        return boxes, top_mm + height

    @staticmethod
    def flag_size(text: str, preferred: float, minimum: float) -> float:
        """The 标志's size: the preferred one, smaller to fit the 版心's width, not below the minimum
        unless even that would run past the 版心 (a name too long: FZ122 asks for the 规范化简称)."""
        fit = float(int(G.TYPE_AREA_WIDTH / G.TWIPS_PER_PT / max(1.0, sum(1 if is_wide(c) else 0.5 for c in text))))
        return fit if fit < minimum else min(preferred, fit)

    def letterhead(self, lh: B.Letterhead):
        if lh.kind == "函":
            return self.letter_head(lh)
        return self.file_head(lh)

    def letter_head(self, lh: B.Letterhead):
        """信函格式 (§10.1)."""
        flag, flag_bottom = self.flag(lh, G.LETTER_FLAG_TOP_MM, G.LETTER_FLAG_SIZE_PT, G.LETTER_FLAG_MIN_SIZE_PT)
        thick_y = flag_bottom + G.LETTER_LINE_GAP_BELOW_FLAG_MM
        thin_y = thick_y + G.LETTER_DOUBLE_LINE_DISTANCE_MM
        low_thick_y = G.PAGE_HEIGHT_MM - G.LETTER_BOTTOM_LINE_FROM_EDGE_MM
        low_thin_y = low_thick_y - G.LETTER_DOUBLE_LINE_DISTANCE_MM
        x0 = G.MARGIN_LEFT_MM + (G.TYPE_AREA_WIDTH_MM - G.LETTER_LINE_LENGTH_MM) / 2
        L = G.LETTER_LINE_LENGTH_MM
        anchors = [
            *flag,
            red_line(self._next_id(), x0, thick_y, L, G.LETTER_THICK_LINE_PT),     # 上粗
            red_line(self._next_id(), x0, thin_y, L, G.LETTER_THIN_LINE_PT),       # 下细
            red_line(self._next_id(), x0, low_thin_y, L, G.LETTER_THIN_LINE_PT),   # 上细
            red_line(self._next_id(), x0, low_thick_y, L, G.LETTER_THICK_LINE_PT),  # 下粗
        ]
        out = [self.para(S.PLAIN, anchors)]                       # grid line 1 carries the anchors
        left = [x for x in (lh.copy_number, lh.secrecy, lh.urgency) if x]
        first_left = left[0] if left else None
        rpr = self.body_rpr
        if lh.doc_number and first_left:
            runs = [text_run(first_left, rpr()), tab_run(rpr()), text_run(lh.doc_number, rpr())]
            out.append(self.para(S.PLAIN, runs, tabs=[("right", G.TYPE_AREA_WIDTH)]))
        elif lh.doc_number:
            out.append(self.para(S.PLAIN, [text_run(lh.doc_number, rpr())], jc="right"))
        elif first_left:
            out.append(self.para(S.PLAIN, [text_run(first_left, rpr())]))
        else:
            out.append(self.blank())
        for x in left[1:]:
            out.append(self.para(S.PLAIN, [text_run(x, rpr())]))
        out.extend(self.blank() for _ in range(G.TITLE_GAP_LINES))
        return out

    def file_head(self, lh: B.Letterhead):
        """通用格式 (§7.2): 份号/密级/紧急程度 top left, red 标志 35 mm below the 版心 top, 发文字号 and
        签发人 2 lines below it, red separator 4 mm below the 发文字号, title 2 lines below that."""
        flag, flag_bottom = self.flag(lh, G.FILE_FLAG_TOP_MM, G.FILE_FLAG_SIZE_PT, G.FILE_FLAG_MIN_SIZE_PT)
        pitch = G.twips_to_mm(G.LINE_PITCH)
        flag_line = int((flag_bottom - G.MARGIN_TOP_MM) // pitch) + 1      # grid line holding its bottom
        number_line = flag_line + G.TITLE_GAP_LINES + 1
        # §7.2.6: two 签发人 a line; the 发文字号 shares its line with the last of them
        rows = [lh.signers[i:i + G.SIGNERS_PER_LINE] for i in range(0, len(lh.signers), G.SIGNERS_PER_LINE)]
        last_line = number_line + max(len(rows), 1) - 1
        glyph_bottom = (G.MARGIN_TOP_MM + (last_line - 1) * pitch + G.GLYPH_TOP_IN_LINE_MM
                        + G.SIZE_3HAO * G.MM_PER_PT)
        sep_y = glyph_bottom + G.FILE_SEPARATOR_GAP_MM
        anchors = [*flag,
                   red_line(self._next_id(), G.MARGIN_LEFT_MM, sep_y, G.TYPE_AREA_WIDTH_MM, G.FILE_SEPARATOR_PT)]
        left = [x for x in (lh.copy_number, lh.secrecy, lh.urgency) if x]
        rpr = self.body_rpr
        out = []
        for k in range(1, number_line):
            runs = anchors if k == 1 else []
            if k <= len(left):
                runs = list(runs) + [text_run(left[k - 1], rpr())]
            out.append(self.para(S.PLAIN, runs))
        if len(rows) == 1:     # 上行文: 发文字号 left-indented 1 字, 签发人 right-indented 1 字, same line
            kai = run_props(self.f[B.H2])
            runs = [text_run(lh.doc_number or "", rpr()), tab_run(rpr()), text_run("签发人：", rpr()),
                    text_run("　".join(lh.signers), kai)]
            out.append(self.para(S.PLAIN, runs, ind={"left": G.DOC_NUMBER_LEFT_INDENT_UP,
                                                     "right": G.SIGNER_RIGHT_INDENT},
                                 tabs=[("right", G.TYPE_AREA_WIDTH - G.SIGNER_RIGHT_INDENT)]))
        elif rows:
            out.extend(self.signer_rows(lh.doc_number or "", rows))
        else:
            out.append(self.para(S.PLAIN, [text_run(lh.doc_number or "", rpr())], jc="center"))
        out.extend(self.blank() for _ in range(G.TITLE_GAP_LINES))
        return out

    def signer_rows(self, doc_number: str, rows: list[list[str]]):
        """§7.2.6, three or more 签发人: two names a line, the widest line right-indented 1 字, every
        line's first name under the first one; the 发文字号 (left-indented 1 字) on the last line."""
        rpr, kai = self.body_rpr, lambda: run_props(self.f[B.H2])
        label = "签发人："
        label_w = zi_twips(label)
        names = ["　".join(r) for r in rows]
        name_x = G.TYPE_AREA_WIDTH - G.SIGNER_RIGHT_INDENT - max(zi_twips(n) for n in names)
        out = [self.para(S.PLAIN, [text_run(label, rpr()), text_run(names[0], kai())],
                         ind={"left": name_x, "hanging": label_w})]
        out += [self.para(S.PLAIN, [text_run(n, kai())], ind={"left": name_x}) for n in names[1:-1]]
        out.append(self.para(S.PLAIN, [text_run(doc_number, rpr()), tab_run(rpr()), text_run(names[-1], kai())],
                             ind={"left": G.DOC_NUMBER_LEFT_INDENT_UP}, tabs=[("left", name_x)]))
        return out

    # -- closing parts ----------------------------------------------------------------------
    def attachments(self, a: B.AttachmentNote, keep_last: bool):
        rpr = self.body_rpr
        out = [self.blank(keep_next=True)]       # §7.3.4: one line below the body, kept with the note
        label_w = zi_twips(a.label)
        if len(a.names) == 1:
            out.append(self.para(S.NORMAL, [text_run(a.label + a.names[0], rpr())], keep_next=keep_last,
                                 ind={"left": G.FIRST_LINE_INDENT + label_w, "hanging": label_w}))
            return out
        for k, name in enumerate(a.names, 1):
            num = f"{k}."
            text = (a.label if k == 1 else "") + num + name
            ind = {"left": G.FIRST_LINE_INDENT + label_w + zi_twips(num), "hanging": zi_twips(num)
                   + (label_w if k == 1 else 0)}
            out.append(self.para(S.NORMAL, [text_run(text, rpr())], keep_next=k < len(a.names) or keep_last,
                                 ind=ind))
        return out

    def signature(self, sig: B.Signature, note_follows: bool = False):
        """§7.3.5: 署名 and 成文日期 (a 印章 leaves room; drafter draws no seal).

        Whatever can be placed without knowing a rendered width is placed exactly (right-aligned with a
        right indent, or left-aligned with a left indent); a position that depends on the width of the
        date is given per renderer (Word/WPS vs LibreOffice, see ``per_renderer``)."""
        rpr = self.body_rpr
        zi = G.ZI_3HAO
        out = [self.blank(keep_next=True) for _ in range(G.SIG_SEALED_BLANK_LINES if sig.sealed
                                                         else G.SIG_BLANK_LINES)]

        def name_w(r):
            return max((zi_twips(n, renderer=r) for n in sig.names), default=0)

        def date_w(r):
            return zi_twips(sig.date, renderer=r) if sig.date else 0

        def name_para(n, right_of):       # right_of(renderer) -> right indent of the longest name
            ind = tuple({"right": max(0, right_of(r) + name_w(r) - zi_twips(n, renderer=r))} for r in ("word", "lo"))
            return self.para(S.SIGNATURE, [text_run(n, rpr())], ind=ind, keep_next=bool(sig.date) or note_follows)

        two = G.SIG_DATE_OFFSET_ZI * zi
        if sig.sealed and len(sig.names) > 1:
            out += self.sealed_rows(sig, keep_last=bool(sig.date) or note_follows)
            date_para = self.para(S.SIGNATURE, [text_run(sig.date or "", rpr())],
                                  ind={"right": G.SIG_SEALED_DATE_RIGHT_ZI * zi}, keep_next=note_follows)
        elif sig.sealed:   # §7.3.5.1: date right-indented 4 字, names centred on the date
            date_right = G.SIG_SEALED_DATE_RIGHT_ZI * zi
            out += [name_para(n, lambda r: date_right + (date_w(r) - name_w(r)) // 2) for n in sig.names]
            date_para = self.para(S.SIGNATURE, [text_run(sig.date or "", rpr())], ind={"right": date_right},
                                  keep_next=note_follows)
        elif sig.date and width_zi(sig.date) > width_zi(max(sig.names, key=width_zi)) - G.SIG_DATE_OFFSET_ZI:
            # §7.3.5.2, the date is "longer" (spec S2: within 2 字 of the name counts as longer): the date
            # keeps 2 字 from the right edge, the names move left so the date still starts 2 字 right of them
            date_right = G.SIG_RIGHT_INDENT_ZI * zi
            out += [name_para(n, lambda r: date_right + date_w(r) + two - name_w(r)) for n in sig.names]
            date_para = self.para(S.SIGNATURE, [text_run(sig.date, rpr())], ind={"right": date_right},
                                  keep_next=note_follows)
        else:              # §7.3.5.2: 署名 right-indented 2 字, date's first character 2 字 right of the name's
            name_right = G.SIG_RIGHT_INDENT_ZI * zi
            out += [name_para(n, lambda r: name_right) for n in sig.names]
            left = tuple({"left": G.TYPE_AREA_WIDTH - name_right - name_w(r) + two, "firstLine": 0}
                         for r in ("word", "lo"))
            date_para = self.para(S.SIGNATURE, [text_run(sig.date or "", rpr())], jc="left", ind=left,
                                  keep_next=note_follows)      # the 附注 never starts a page alone
        if sig.date:
            out.append(date_para)
        return out

    def sealed_rows(self, sig: B.Signature, keep_last: bool):
        """§7.3.5.1, 联合行文 with seals: the names in order, side by side in rows, on a grid of columns
        whose last column is centred on the 成文日期 (right-indented 4 字), so that the last seal presses
        the last name and the date.  Columns are one seal and a gap apart, or wider when long names need
        it; a row holds as many as keep every seal and name inside the 版心; the last row is aligned
        right (its last name above the date), rows are a seal's height apart.  Each row is one paragraph
        with a centre tab stop per name (positions per renderer: LibreOffice's date is wider)."""
        rpr = self.body_rpr
        date_right = G.SIG_SEALED_DATE_RIGHT_ZI * G.ZI_3HAO
        names = sig.names

        def grid(per_row: int, r: str):
            """(centre of the last column, pitch) with per_row names a row for renderer r, or None when
            a seal or a name would stand outside the 版心 (a name too long for the last column takes
            one name a row, where it keeps to the right edge)."""
            w = [zi_twips(n, renderer=r) for n in names]
            last = G.TYPE_AREA_WIDTH - date_right - (zi_twips(sig.date, renderer=r) if sig.date else w[-1]) / 2
            if per_row == 1:
                return last, 0
            rows = [w[i:i + per_row] for i in range(0, len(w), per_row)]
            if any(last + row[-1] / 2 > G.TYPE_AREA_WIDTH for row in rows):
                return None
            pairs = [(a, b) for row in rows for a, b in zip(row, row[1:])]      # side by side on a row
            pitch = max(G.SEAL_DIAMETER + G.SEAL_GAP, *((a + b) / 2 + G.SIG_JOINT_NAME_GAP for a, b in pairs))
            first = last - (per_row - 1) * pitch
            return (last, pitch) if first - max(G.SEAL_DIAMETER, *(row[0] for row in rows)) / 2 >= 0 else None

        # the most names a row that fit (rows of two, as a rule: a 42 mm seal above a date 右空四字
        # leaves room for one more to its left); one name a row when even two do not
        per_row = next(k for k in range(len(names), 0, -1) if all(both(lambda r: grid(k, r))))
        grids = both(lambda r: grid(per_row, r))
        rows = [names[i:i + per_row] for i in range(0, len(names), per_row)]
        out = []
        for k, row in enumerate(rows):
            if k:
                out += [self.blank(keep_next=True) for _ in range(G.SIG_JOINT_ROW_LINES - 1)]
            first = per_row - len(row)          # the last row is aligned right; full rows fill the grid

            def stops(r, last_pitch):
                last, pitch = last_pitch
                # (one name a row) a name too long to stand centred on the date keeps to the right edge
                return [("center", round(min(last - (per_row - 1 - j) * pitch,
                                             G.TYPE_AREA_WIDTH - zi_twips(n, renderer=r) / 2)))
                        for j, n in zip(range(first, per_row), row)]

            runs = [x for n in row for x in (tab_run(rpr()), text_run(n, rpr()))]
            out.append(self.para(S.SIGNATURE, runs, jc="left", ind={"left": 0, "right": 0, "firstLine": 0},
                                 tabs=(stops("word", grids[0]), stops("lo", grids[1])),
                                 keep_next=k < len(rows) - 1 or keep_last))
        return out

    def colophon(self, c: B.Colophon):
        """版记 (§7.4) as a one-column table floating at the bottom of the last page's 版心."""
        rows = []        # (paragraph, grid lines it takes)
        cc_rpr = lambda: run_props(self.f[B.BODY], self.f["latin"], size_pt=G.SIZE_4HAO, spacing=0)  # noqa: E731
        line_w = G.TYPE_AREA_WIDTH - 2 * G.COLOPHON_INDENT
        if c.cc:   # §7.4.2: wrapped lines align after "抄送："
            label_w = zi_twips(c.cc[:3], G.SIZE_4HAO, 0)
            rows.append((self.para(S.COLOPHON, [text_run(c.cc, cc_rpr())],
                                   ind={"left": G.COLOPHON_INDENT + label_w, "right": G.COLOPHON_INDENT,
                                        "hanging": label_w}),
                         _lines_needed(c.cc[3:], line_w - label_w)))
        if c.printer or c.printed:
            runs = [text_run(c.printer or "", cc_rpr()), tab_run(cc_rpr()), text_run(c.printed or "", cc_rpr())]
            rows.append((self.para(S.COLOPHON, runs, ind={"left": G.COLOPHON_INDENT, "right": G.COLOPHON_INDENT},
                                   tabs=[("right", G.TYPE_AREA_WIDTH - G.COLOPHON_INDENT)]),
                         _lines_needed(f"{c.printer or ''}　{c.printed or ''}", line_w)))
        # §7.4.1: the last rule lies on the 版心's bottom edge.  Rows take whole grid lines (a long 抄送
        # wraps), so the table's top is known and it is placed absolutely: x from the page edge, y from
        # the top margin.  (LibreOffice ignores tblpYSpec="bottom", and keeps a page-anchored table in
        # the lower left quarter of the page inline; this anchoring is floated by both it and Word.)
        top = G.TYPE_AREA_HEIGHT - sum(n for _, n in rows) * G.LINE_PITCH
        tbl = el("w:tbl")
        tblpr = el("w:tblPr", None,
                   el("w:tblpPr", {"w:leftFromText": 0, "w:rightFromText": 0, "w:topFromText": 0,
                                   "w:bottomFromText": 0, "w:vertAnchor": "margin", "w:horzAnchor": "page",
                                   "w:tblpX": G.MARGIN_LEFT, "w:tblpY": top}),
                   el("w:tblOverlap", {"w:val": "never"}),
                   el("w:tblW", {"w:w": G.TYPE_AREA_WIDTH, "w:type": "dxa"}),
                   el("w:tblInd", {"w:w": 0, "w:type": "dxa"}),
                   el("w:tblLayout", {"w:type": "fixed"}),
                   el("w:tblCellMar", None, *(el(f"w:{s}", {"w:w": 0, "w:type": "dxa"})
                                              for s in ("top", "left", "bottom", "right"))),
                   el("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0, "w:firstColumn": 0,
                                    "w:lastColumn": 0, "w:noHBand": 1, "w:noVBand": 1}))
        tbl.append(tblpr)
        tbl.append(el("w:tblGrid", None, el("w:gridCol", {"w:w": G.TYPE_AREA_WIDTH})))
        for k, (p, n) in enumerate(rows):
            borders = None
            if not c.letter:   # §7.4.1: first and last rules thick, middle ones thin; none in a letter (§10.1)
                top = G.COLOPHON_THICK_RULE if k == 0 else G.COLOPHON_THIN_RULE
                bottom = G.COLOPHON_THICK_RULE if k == len(rows) - 1 else G.COLOPHON_THIN_RULE
                borders = el("w:tcBorders", None,
                             el("w:top", {"w:val": "single", "w:sz": top, "w:space": 0, "w:color": G.BLACK}),
                             el("w:left", {"w:val": "nil"}),
                             el("w:bottom", {"w:val": "single", "w:sz": bottom, "w:space": 0, "w:color": G.BLACK}),
                             el("w:right", {"w:val": "nil"}))
            tcpr = el("w:tcPr", None, el("w:tcW", {"w:w": G.TYPE_AREA_WIDTH, "w:type": "dxa"}), borders)
            # at least its lines: should the estimate fall short, the row grows rather than hide a name
            trpr = el("w:trPr", None, el("w:cantSplit"),
                      el("w:trHeight", {"w:val": n * G.LINE_PITCH, "w:hRule": "atLeast"}))
            tbl.append(el("w:tr", None, trpr, el("w:tc", None, tcpr, p)))
        # A floating table is anchored to the paragraph after it (LibreOffice drops it without one);
        # that paragraph is ANCHOR_LINE high so it can never push a page.
        anchor = paragraph(para_props(S.PLAIN, spacing={"before": 0, "after": 0, "line": ANCHOR_LINE, "lineRule": "exact"},
                                      snap_to_grid=False),
                           )
        return [tbl, anchor]

    # -- footers ------------------------------------------------------------------------------
    def _footers(self, letter: bool) -> dict[str, bytes]:
        """§7.5: "— N —" in 4号 宋体, odd pages right and even pages left, 1 字 in; none on page 1 of a 信函."""
        song = self.f["song"]

        def rpr():
            return run_props(song, song, size_pt=G.PAGE_NUMBER_SIZE_PT, spacing=0)

        def number_para(side: str):
            ind = {"right": G.PAGE_NUMBER_SIDE_INDENT} if side == "right" else {"left": G.PAGE_NUMBER_SIDE_INDENT}
            runs = [text_run(G.PAGE_NUMBER_DASH + " ", rpr())] + page_field_runs(rpr) + \
                   [text_run(" " + G.PAGE_NUMBER_DASH, rpr())]
            return paragraph(para_props(S.FOOTER, jc=side, ind=ind), *runs)

        sides = {"default": "right", "even": "left", "first": None}
        out = {}
        for kind, _, part in P.footers(letter):
            ftr = parse_xml(f"<w:ftr {P.ROOT_NS}/>")
            ftr.append(number_para(sides[kind]) if sides[kind] else paragraph(para_props(S.FOOTER)))
            out[f"word/{part}"] = P.part_xml(ftr)
        return out


def write(document: B.Document, stream, *, title: str = "", author: str = "") -> None:
    parts = Writer(document).build()
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)
    parts["docProps/core.xml"] = P.core(title[:255], author[:255], now)
    P.write_package(stream, parts)
