"""Block list -> .docx laid out to GB/T 9704-2012.

Everything is on one grid: 22 lines of 28.95 pt (exact spacing, so LibreOffice and Word agree) and
28 characters of 15.7 pt (16 pt 仿宋 with −0.3 pt character spacing).  The letterhead's flag and red
lines are anchored to the page, so they sit where the standard puts them whatever the text does.
"""
from __future__ import annotations

import datetime as _dt
import functools
import io

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.shared import Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

from .. import blocks as B
from .. import gbt9704 as G
from ..tables import is_number
from ..textutil import is_wide, width_zi
from . import oxml as X
from . import styles as S

# The paragraph a floating 版记 table is anchored to: off the line grid (on it, it took a whole line,
# which LibreOffice found under a 版记 that filled the page's last lines and moved, with the table, to a
# page of its own) and one twip high.  The 版心 (12756 twips) holds 22 lines of 579 twips and 18 twips
# more, less the 版记 rules' own thickness: at 14 twips (0.7 pt, the least Word's dialog offers) a
# ruled 版记 filling the last lines still moved (tests/test_layout_pdf.py).  One twip is valid OOXML;
# it has been checked in LibreOffice only, not in Word or WPS.
ANCHOR_LINE = 1


def page_setup(section, *, letter: bool = False) -> None:
    """§5.1, §5.2: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm; the footer where the page number
    belongs (§7.5); for a 信函, page 1 has a footer of its own (left empty, §10.1); Word's line grid
    of 579 twips and no character grid (LibreOffice doubles CJK cells with one, spec G1)."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(G.PAGE_WIDTH), Twips(G.PAGE_HEIGHT)
    section.top_margin, section.bottom_margin = Twips(G.MARGIN_TOP), Twips(G.MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(G.MARGIN_LEFT), Twips(G.MARGIN_RIGHT)
    section.header_distance, section.footer_distance = Twips(G.HEADER_DISTANCE), Twips(G.FOOTER_DISTANCE)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = letter
    X.set_line_grid(section._sectPr, G.LINE_PITCH)


def landscape_setup(section) -> None:
    """§8 横排表格: an A4 page turned, whose 版心 lies on the sheet where a portrait page's does (the
    page read with the sheet's left edge at its top: the table's head toward the 订口 on odd pages and
    the 切口 on even ones); the footer holds only the anchor of the page number, which stands on the
    sheet where the other pages' do (GB/T 9704 §8: left of the table, odd at its lower left corner,
    even at its upper left corner)."""
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Twips(G.PAGE_HEIGHT), Twips(G.PAGE_WIDTH)
    section.top_margin, section.bottom_margin = Twips(G.LANDSCAPE_MARGIN_TOP), Twips(G.LANDSCAPE_MARGIN_BOTTOM)
    section.left_margin, section.right_margin = Twips(G.LANDSCAPE_MARGIN_LEFT), Twips(G.LANDSCAPE_MARGIN_RIGHT)
    section.header_distance = Twips(G.LANDSCAPE_FOOTER_DISTANCE)
    section.footer_distance = Twips(G.LANDSCAPE_FOOTER_DISTANCE)
    section.gutter = Twips(0)
    section.different_first_page_header_footer = False
    X.set_line_grid(section._sectPr, G.LINE_PITCH)


@functools.cache
def _base_bytes() -> bytes:
    from .base import BASE

    return BASE.read_bytes()


def new_document() -> "docx.document.Document":
    """An empty document opened from drafter's base package (``drafter/data/base.docx``)."""
    return docx.Document(io.BytesIO(_base_bytes()))


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


_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "both": WD_ALIGN_PARAGRAPH.JUSTIFY, "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE}
_TAB = {"left": WD_TAB_ALIGNMENT.LEFT, "right": WD_TAB_ALIGNMENT.RIGHT, "center": WD_TAB_ALIGNMENT.CENTER}


def _indent(pf, ind: dict) -> None:
    """``{"left": …, "right": …, "firstLine": …, "hanging": …}`` (twips) through python-docx."""
    if "left" in ind:
        pf.left_indent = Twips(ind["left"])
    if "right" in ind:
        pf.right_indent = Twips(ind["right"])
    if "firstLine" in ind:
        pf.first_line_indent = Twips(ind["firstLine"])
    if "hanging" in ind:
        pf.first_line_indent = Twips(-ind["hanging"])


class Writer:
    """Lays a block list out in a ``docx.Document`` opened from drafter's base package."""

    def __init__(self, document: B.Document):
        self.d = document
        self.f = document.fonts
        self.shape_id = 0
        self.landscape = False           # the section being written is a 横排 one (§8)
        self.doc = new_document()
        self.body = self.doc             # where paragraphs go (the document's body)

    # -- runs ---------------------------------------------------------------------------------
    def fonts_of(self, role: str) -> tuple[str, str]:
        """(east-Asian, Latin) font of a role: the body and 三/四级标题 set digits in Times New Roman,
        the 黑体/楷体 headings and the title in their own font."""
        f = self.f
        if role in (B.BODY, B.H3, B.H4):
            return f[role], f["latin"]
        if role == "song":
            return f["song"], f["song"]
        return f[role], f[role]

    def run(self, p, text: str, role: str = B.BODY, *, size_pt: float | None = None, bold: bool = False,
            color: str | None = None, spacing: int | None = None):
        """A run of ``text`` in ``role``'s fonts, every script named (python-docx for size, weight, colour)."""
        r = p.add_run(text)
        rpr = r._r.get_or_add_rPr()
        X.set_fonts(rpr, *self.fonts_of(role))
        if bold or (role == B.H3 and self.d.level3_bold):
            r.font.bold = True
            r.font.cs_bold = True
        if color:
            r.font.color.rgb = RGBColor.from_string(color)
        if spacing is not None:
            X.set_char_spacing(rpr, spacing)
        if size_pt is not None:
            r.font.size = Pt(size_pt)
            X.set_cs_size(rpr, size_pt)
        return r

    def tab(self, p, role: str = B.BODY, **kw):
        return self.run(p, "\t", role, **kw)

    # -- paragraphs -----------------------------------------------------------------------------
    def para(self, style: str | None = S.NORMAL, *, container=None, jc: str | None = None, ind=None,
             keep_next: bool = False, keep_lines: bool = False, tabs=None, exact_line: int | None = None,
             snap_to_grid: bool = True, page_break_before: bool = False) -> Paragraph:
        """A paragraph of ``style`` at the end of ``container`` (the body), formatted with python-docx.
        ``ind`` and ``tabs`` may be a (Word/WPS, LibreOffice) pair: see ``oxml.per_renderer``."""
        p = (container or self.body).add_paragraph()
        # the style id written out, Normal too (python-docx's ``Paragraph.style`` leaves the default
        # style implicit): every paragraph says what it is, as drafter's readers and Word's own files do
        p._p.style = style
        self.format(p, jc=jc, ind=ind, keep_next=keep_next, keep_lines=keep_lines, tabs=tabs,
                    exact_line=exact_line, snap_to_grid=snap_to_grid, page_break_before=page_break_before)
        return p

    def format(self, p, *, jc=None, ind=None, keep_next=False, keep_lines=False, tabs=None, exact_line=None,
               snap_to_grid=True, page_break_before=False) -> None:
        pf = p.paragraph_format
        if keep_next:
            pf.keep_with_next = True
        if keep_lines:
            pf.keep_together = True
        if page_break_before:
            pf.page_break_before = True
        word_tabs = tabs[0] if isinstance(tabs, tuple) else tabs
        for kind, pos in word_tabs or ():
            pf.tab_stops.add_tab_stop(Twips(pos), _TAB[kind])
        if not snap_to_grid:
            X.no_snap_to_grid(p._p.get_or_add_pPr())
        if exact_line is not None:
            pf.space_before = pf.space_after = 0
            pf.line_spacing = Twips(exact_line)
        if ind:
            _indent(pf, ind[0] if isinstance(ind, tuple) else ind)
        if jc:
            pf.alignment = _ALIGN[jc]
        # per-renderer values last: python-docx places every other property in schema order first
        ppr = p._p.pPr
        if isinstance(tabs, tuple):
            X.per_renderer(ppr.tabs, X.tab_stops(tabs[1]))
        if isinstance(ind, tuple):
            X.per_renderer(ppr.ind, X.indent(**ind[1]))

    def text_para(self, text: str, style: str = S.NORMAL, role: str = B.BODY, **fmt) -> Paragraph:
        p = self.para(style, **fmt)
        self.run(p, text, role)
        return p

    def blank(self, keep_next: bool = False) -> Paragraph:
        return self.para(S.PLAIN, keep_next=keep_next)

    # -- build ----------------------------------------------------------------------------------
    def build(self):
        """The laid-out ``docx.Document``."""
        letter = any(isinstance(b, B.Letterhead) and b.kind == "函" for b in self.d.blocks)
        S.apply_fonts(self.doc, self.f, self.d.level3_bold)
        section = self.doc.sections[0]
        page_setup(section, letter=letter)
        self.footers(section, letter)
        self.portrait_footers = X.footer_refs(section._sectPr)
        blocks = self.d.blocks
        for i, blk in enumerate(blocks):
            self.block(blk, blocks[i + 1] if i + 1 < len(blocks) else None)
        return self.doc

    def block(self, blk, nxt) -> None:
        if isinstance(blk, B.Letterhead):
            self.letterhead(blk)
        elif isinstance(blk, B.Title):
            p = self.para(S.TITLE)
            self.run(p, "\n".join(blk.lines), B.TITLE)
            # §7.3.2: 主送机关 one line below the title; the body follows the title the same way
            self.blank()
        elif isinstance(blk, B.Addressee):
            self.text_para(blk.text, S.ADDRESSEE)
        elif isinstance(blk, B.Heading):
            role = {1: B.H1, 2: B.H2, 3: B.H3, 4: B.H4}[blk.level]
            self.text_para(blk.number + blk.text, S.HEADINGS[blk.level], role)
        elif isinstance(blk, B.Paragraph):
            # the signature (with its 附件说明, and 特此报告。 before them) never starts a page without
            # a line of the body above it: the page that carries the 署名 carries text (§7.3.5.5)
            keep = blk.keep_next or isinstance(nxt, (B.Signature, B.AttachmentNote, B.Closing))
            p = self.para(S.NORMAL, keep_next=keep)
            for r in blk.runs:
                if r.text:
                    self.run(p, r.text, r.role)
        elif isinstance(blk, B.Closing):
            self.text_para(blk.text, keep_next=isinstance(nxt, (B.Signature, B.AttachmentNote)))
        elif isinstance(blk, B.AttachmentNote):
            self.attachments(blk, isinstance(nxt, B.Signature))
        elif isinstance(blk, B.Signature):
            self.signature(blk, note_follows=isinstance(nxt, B.Note))
        elif isinstance(blk, B.Note):
            self.text_para(blk.text, S.NOTE)
        elif isinstance(blk, B.Table):
            self.table(blk)
        elif isinstance(blk, B.AttachmentPage):
            self.attachment_page(blk)
        elif isinstance(blk, B.Colophon):
            if self.landscape:            # the 版记 is set on a portrait page (after a 横排 附件: its own)
                self.new_section(landscape=False)
                # the page's first paragraph: LibreOffice set a floating table that opened a section on
                # the page before it
                self.para(S.PLAIN, exact_line=ANCHOR_LINE, snap_to_grid=False)
            self.colophon(blk)
        else:
            raise TypeError(blk)

    # -- sections -------------------------------------------------------------------------------
    def new_section(self, landscape: bool) -> None:
        """End the section being written (its last paragraph carries its properties) and start a new
        page in a portrait or 横排 section.  Page numbers run on (§7.5)."""
        body = self.doc.element.body
        last = body[-2] if len(body) > 1 else None
        if last is None or last.tag != X.qn("w:p") or last.pPr is not None and last.pPr.sectPr is not None:
            last = self.para(S.PLAIN, exact_line=ANCHOR_LINE, snap_to_grid=False)._p   # after a table
        X.end_section_at(Paragraph(last, self.body), body.sectPr)
        section = self.doc.sections[-1]
        self.landscape = landscape
        if landscape:
            landscape_setup(section)
            self.landscape_footers(section)
        else:
            page_setup(section)
            X.set_footer_refs(section._sectPr, self.portrait_footers)

    # -- 附件 (§7.3.7) ---------------------------------------------------------------------------
    def attachment_page(self, a: B.AttachmentPage) -> None:
        """A new page; “附件N” 3号黑体 flush left on the 版心's first line; the title 2号小标宋 centred on
        its third; a line left free under it, as under the document's title.  A document the text
        issues (no label) has its title on the first line."""
        turned = a.landscape != self.landscape
        if turned:
            self.new_section(a.landscape)
        if a.label:
            self.text_para(a.label, S.ATTACHMENT_LABEL, B.H1, page_break_before=not turned)
            for _ in range(G.ATTACHMENT_TITLE_LINE - 2):
                self.blank(keep_next=True)
            p = self.para(S.ATTACHMENT_TITLE)
        else:
            p = self.para(S.ATTACHMENT_TITLE, page_break_before=not turned)
        self.run(p, "\n".join(a.title_lines), B.TITLE)
        self.blank()

    # -- tables -----------------------------------------------------------------------------------
    def table(self, t: B.Table) -> None:
        """A 公文 table: title 黑体 centred above, single black rules, cells 仿宋 in the table's size,
        header rows 黑体 centred and repeated on every page, numbers flush right, no row split across
        pages, the 说明 under it; as wide as the 版心 (or the 横排 page's)."""
        line = round(t.size_pt * G.TABLE_LINE_EM * G.TWIPS_PER_PT)
        if t.title:
            self.text_para(t.title, S.TABLE_TITLE, B.H1)
        every = t.header + t.rows
        table = self.body.add_table(rows=len(every), cols=len(t.widths))
        tbl = table._tbl
        table.autofit = False
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        X.table_width(tbl, sum(t.widths))
        X.table_borders(tbl, G.TABLE_RULE)
        X.cell_margins(tbl, left=G.TABLE_CELL_PAD, right=G.TABLE_CELL_PAD)
        X.table_look_plain(tbl)
        for col, w in zip(table.columns, t.widths):
            col.width = Twips(w)
        for i, (row, values) in enumerate(zip(table.rows, every)):
            header = i < len(t.header)
            X.keep_row_together(row)
            if header:
                X.repeat_as_header_row(row)
            for cell, w, text in zip(row.cells, t.widths, values):
                cell.width = Twips(w)
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                p = cell.paragraphs[0]
                p._p.style = S.TABLE_TEXT
                jc = "center" if header else "right" if is_number(text) else "left"
                self.format(p, jc=jc, exact_line=line)
                if text:
                    self.run(p, text, B.H1 if header else B.BODY, size_pt=t.size_pt, spacing=0)
        if t.note:
            p = self.para(S.TABLE_NOTE, exact_line=line)
            self.run(p, t.note, size_pt=t.size_pt, spacing=0)

    # -- 版头 -------------------------------------------------------------------------------
    def _next_id(self) -> int:
        self.shape_id += 1
        return self.shape_id

    def loose_paragraph(self) -> Paragraph:
        """A paragraph not yet in the document (for a text box), formatted with python-docx's API."""
        return Paragraph(OxmlElement("w:p"), self.doc._body)

    def flag_box(self, lines: list[str], top_mm: float, size_pt: float, *, x_mm: float | None = None,
                 width_mm: float = G.TYPE_AREA_WIDTH_MM, pitch_mm: float | None = None, jc: str = "center"):
        """A text box of red 小标宋 lines, the first glyph top ``top_mm`` from the page top; further lines
        ``pitch_mm`` below each other."""
        em = size_pt * G.MM_PER_PT
        before = round(((pitch_mm or em) - em) / G.MM_PER_PT * G.TWIPS_PER_PT)
        paras = []
        for k, text in enumerate(lines):
            p = self.loose_paragraph()
            pf = p.paragraph_format
            pf.space_before, pf.space_after = Twips(before if k else 0), Twips(0)
            pf.line_spacing = Twips(round(size_pt * G.TWIPS_PER_PT))
            pf.first_line_indent = Twips(0)
            pf.alignment = _ALIGN[jc]
            self.run(p, text, B.FLAG, size_pt=size_pt, color=G.RED, spacing=0)
            paras.append(p._p)
        height = (len(lines) - 1) * (pitch_mm or em) + em * 1.5
        x = G.MARGIN_LEFT_MM + (G.TYPE_AREA_WIDTH_MM - width_mm) / 2 if x_mm is None else x_mm
        # the box top sits above the wanted glyph top by the renderer's offset inside an exact line
        return X.anchored_text_box(self._next_id(), x, top_mm - G.FLAG_GLYPH_OFFSET_EM * em, width_mm, height, paras)

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

    def letterhead(self, lh: B.Letterhead) -> None:
        if lh.kind == "函":
            self.letter_head(lh)
        else:
            self.file_head(lh)

    def anchors_para(self, anchors) -> Paragraph:
        """The paragraph on grid line 1 that carries the 版头's page-anchored shapes."""
        p = self.para(S.PLAIN)
        for a in anchors:
            p._p.append(a)
        return p

    def red_line(self, x_mm: float, y_mm: float, length_mm: float, width_pt: float):
        return X.anchored_line(self._next_id(), x_mm, y_mm, length_mm, width_pt, G.RED)

    def letter_head(self, lh: B.Letterhead) -> None:
        """信函格式 (§10.1)."""
        flag, flag_bottom = self.flag(lh, G.LETTER_FLAG_TOP_MM, G.LETTER_FLAG_SIZE_PT, G.LETTER_FLAG_MIN_SIZE_PT)
        thick_y = flag_bottom + G.LETTER_LINE_GAP_BELOW_FLAG_MM
        thin_y = thick_y + G.LETTER_DOUBLE_LINE_DISTANCE_MM
        low_thick_y = G.PAGE_HEIGHT_MM - G.LETTER_BOTTOM_LINE_FROM_EDGE_MM
        low_thin_y = low_thick_y - G.LETTER_DOUBLE_LINE_DISTANCE_MM
        x0 = G.MARGIN_LEFT_MM + (G.TYPE_AREA_WIDTH_MM - G.LETTER_LINE_LENGTH_MM) / 2
        L = G.LETTER_LINE_LENGTH_MM
        self.anchors_para([
            *flag,
            self.red_line(x0, thick_y, L, G.LETTER_THICK_LINE_PT),      # 上粗
            self.red_line(x0, thin_y, L, G.LETTER_THIN_LINE_PT),        # 下细
            self.red_line(x0, low_thin_y, L, G.LETTER_THIN_LINE_PT),    # 上细
            self.red_line(x0, low_thick_y, L, G.LETTER_THICK_LINE_PT),  # 下粗
        ])
        left = [x for x in (lh.copy_number, lh.secrecy, lh.urgency) if x]
        first_left = left[0] if left else None
        if lh.doc_number and first_left:
            p = self.para(S.PLAIN, tabs=[("right", G.TYPE_AREA_WIDTH)])
            self.run(p, first_left)
            self.tab(p)
            self.run(p, lh.doc_number)
        elif lh.doc_number:
            self.text_para(lh.doc_number, S.PLAIN, jc="right")
        elif first_left:
            self.text_para(first_left, S.PLAIN)
        else:
            self.blank()
        for x in left[1:]:
            self.text_para(x, S.PLAIN)
        for _ in range(G.TITLE_GAP_LINES):
            self.blank()

    def file_head(self, lh: B.Letterhead) -> None:
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
        anchors = [*flag, self.red_line(G.MARGIN_LEFT_MM, sep_y, G.TYPE_AREA_WIDTH_MM, G.FILE_SEPARATOR_PT)]
        left = [x for x in (lh.copy_number, lh.secrecy, lh.urgency) if x]
        for k in range(1, number_line):
            p = self.anchors_para(anchors) if k == 1 else self.para(S.PLAIN)
            if k <= len(left):
                self.run(p, left[k - 1])
        if len(rows) == 1:     # 上行文: 发文字号 left-indented 1 字, 签发人 right-indented 1 字, same line
            p = self.para(S.PLAIN, ind={"left": G.DOC_NUMBER_LEFT_INDENT_UP, "right": G.SIGNER_RIGHT_INDENT},
                          tabs=[("right", G.TYPE_AREA_WIDTH - G.SIGNER_RIGHT_INDENT)])
            self.run(p, lh.doc_number or "")
            self.tab(p)
            self.run(p, "签发人：")
            self.run(p, "　".join(lh.signers), B.H2)
        elif rows:
            self.signer_rows(lh.doc_number or "", rows)
        else:
            self.text_para(lh.doc_number or "", S.PLAIN, jc="center")
        for _ in range(G.TITLE_GAP_LINES):
            self.blank()

    def signer_rows(self, doc_number: str, rows: list[list[str]]) -> None:
        """§7.2.6, three or more 签发人: two names a line, the widest line right-indented 1 字, every
        line's first name under the first one; the 发文字号 (left-indented 1 字) on the last line."""
        label = "签发人："
        label_w = zi_twips(label)
        names = ["　".join(r) for r in rows]
        name_x = G.TYPE_AREA_WIDTH - G.SIGNER_RIGHT_INDENT - max(zi_twips(n) for n in names)
        p = self.para(S.PLAIN, ind={"left": name_x, "hanging": label_w})
        self.run(p, label)
        self.run(p, names[0], B.H2)
        for n in names[1:-1]:
            self.text_para(n, S.PLAIN, B.H2, ind={"left": name_x})
        p = self.para(S.PLAIN, ind={"left": G.DOC_NUMBER_LEFT_INDENT_UP}, tabs=[("left", name_x)])
        self.run(p, doc_number)
        self.tab(p)
        self.run(p, names[-1], B.H2)

    # -- closing parts ----------------------------------------------------------------------
    def attachments(self, a: B.AttachmentNote, keep_last: bool) -> None:
        self.blank(keep_next=True)       # §7.3.4: one line below the body, kept with the note
        label_w = zi_twips(a.label)
        if len(a.names) == 1:
            self.text_para(a.label + a.names[0], keep_next=keep_last,
                           ind={"left": G.FIRST_LINE_INDENT + label_w, "hanging": label_w})
            return
        for k, name in enumerate(a.names, 1):
            num = f"{k}."
            text = (a.label if k == 1 else "") + num + name
            ind = {"left": G.FIRST_LINE_INDENT + label_w + zi_twips(num), "hanging": zi_twips(num)
                   + (label_w if k == 1 else 0)}
            self.text_para(text, keep_next=k < len(a.names) or keep_last, ind=ind)

    def signature(self, sig: B.Signature, note_follows: bool = False) -> None:
        """§7.3.5: 署名 and 成文日期 (a 印章 leaves room; drafter draws no seal).

        Whatever can be placed without knowing a rendered width is placed exactly (right-aligned with a
        right indent, or left-aligned with a left indent); a position that depends on the width of the
        date is given per renderer (Word/WPS vs LibreOffice, see ``oxml.per_renderer``)."""
        zi = G.ZI_3HAO
        for _ in range(G.SIG_SEALED_BLANK_LINES if sig.sealed else G.SIG_BLANK_LINES):
            self.blank(keep_next=True)

        def name_w(r):
            return max((zi_twips(n, renderer=r) for n in sig.names), default=0)

        def date_w(r):
            return zi_twips(sig.date, renderer=r) if sig.date else 0

        def name_para(n, right_of):       # right_of(renderer) -> right indent of the longest name
            ind = tuple({"right": max(0, right_of(r) + name_w(r) - zi_twips(n, renderer=r))} for r in ("word", "lo"))
            self.text_para(n, S.SIGNATURE, ind=ind, keep_next=bool(sig.date) or note_follows)

        two = G.SIG_DATE_OFFSET_ZI * zi
        if sig.sealed and len(sig.names) > 1:
            self.sealed_rows(sig, keep_last=bool(sig.date) or note_follows)
            date_fmt = dict(ind={"right": G.SIG_SEALED_DATE_RIGHT_ZI * zi}, keep_next=note_follows)
        elif sig.sealed:   # §7.3.5.1: date right-indented 4 字, names centred on the date
            date_right = G.SIG_SEALED_DATE_RIGHT_ZI * zi
            for n in sig.names:
                name_para(n, lambda r: date_right + (date_w(r) - name_w(r)) // 2)
            date_fmt = dict(ind={"right": date_right}, keep_next=note_follows)
        elif not sig.names:   # a draft without its 署名 (drafter format): the date where it would stand
            date_fmt = dict(ind={"right": G.SIG_RIGHT_INDENT_ZI * zi}, keep_next=note_follows)
        elif sig.date and width_zi(sig.date) > width_zi(max(sig.names, key=width_zi)) - G.SIG_DATE_OFFSET_ZI:
            # §7.3.5.2, the date is "longer" (spec S2: within 2 字 of the name counts as longer): the date
            # keeps 2 字 from the right edge, the names move left so the date still starts 2 字 right of them
            date_right = G.SIG_RIGHT_INDENT_ZI * zi
            for n in sig.names:
                name_para(n, lambda r: date_right + date_w(r) + two - name_w(r))
            date_fmt = dict(ind={"right": date_right}, keep_next=note_follows)
        else:              # §7.3.5.2: 署名 right-indented 2 字, date's first character 2 字 right of the name's
            name_right = G.SIG_RIGHT_INDENT_ZI * zi
            for n in sig.names:
                name_para(n, lambda r: name_right)
            left = tuple({"left": G.TYPE_AREA_WIDTH - name_right - name_w(r) + two, "firstLine": 0}
                         for r in ("word", "lo"))
            date_fmt = dict(jc="left", ind=left, keep_next=note_follows)   # the 附注 never starts a page alone
        if sig.date:
            self.text_para(sig.date, S.SIGNATURE, **date_fmt)

    def sealed_rows(self, sig: B.Signature, keep_last: bool) -> None:
        """§7.3.5.1, 联合行文 with seals: the names in order, side by side in rows, on a grid of columns
        whose last column is centred on the 成文日期 (right-indented 4 字), so that the last seal presses
        the last name and the date.  Columns are one seal and a gap apart, or wider when long names need
        it; a row holds as many as keep every seal and name inside the 版心; the last row is aligned
        right (its last name above the date), rows are a seal's height apart.  Each row is one paragraph
        with a centre tab stop per name (positions per renderer: LibreOffice's date is wider)."""
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
        for k, row in enumerate(rows):
            if k:
                for _ in range(G.SIG_JOINT_ROW_LINES - 1):
                    self.blank(keep_next=True)
            first = per_row - len(row)          # the last row is aligned right; full rows fill the grid

            def stops(r, last_pitch):
                last, pitch = last_pitch
                # (one name a row) a name too long to stand centred on the date keeps to the right edge
                return [("center", round(min(last - (per_row - 1 - j) * pitch,
                                             G.TYPE_AREA_WIDTH - zi_twips(n, renderer=r) / 2)))
                        for j, n in zip(range(first, per_row), row)]

            p = self.para(S.SIGNATURE, jc="left", ind={"left": 0, "right": 0, "firstLine": 0},
                          tabs=(stops("word", grids[0]), stops("lo", grids[1])),
                          keep_next=k < len(rows) - 1 or keep_last)
            for n in row:
                self.tab(p)
                self.run(p, n)

    def colophon(self, c: B.Colophon) -> None:
        """版记 (§7.4) as a one-column table floating at the bottom of the last page's 版心."""
        rows = []        # (fill(paragraph), paragraph format, grid lines it takes)
        line_w = G.TYPE_AREA_WIDTH - 2 * G.COLOPHON_INDENT

        def cc_run(p, text):
            self.run(p, text, size_pt=G.SIZE_4HAO, spacing=0)

        if c.cc:   # §7.4.2: wrapped lines align after "抄送："
            label_w = zi_twips(c.cc[:3], G.SIZE_4HAO, 0)
            rows.append((lambda p: cc_run(p, c.cc),
                         dict(ind={"left": G.COLOPHON_INDENT + label_w, "right": G.COLOPHON_INDENT,
                                   "hanging": label_w}),
                         _lines_needed(c.cc[3:], line_w - label_w)))
        if c.printer or c.printed:
            def printed(p):
                cc_run(p, c.printer or "")
                self.run(p, "\t", size_pt=G.SIZE_4HAO, spacing=0)
                cc_run(p, c.printed or "")
            rows.append((printed, dict(ind={"left": G.COLOPHON_INDENT, "right": G.COLOPHON_INDENT},
                                       tabs=[("right", G.TYPE_AREA_WIDTH - G.COLOPHON_INDENT)]),
                         _lines_needed(f"{c.printer or ''}　{c.printed or ''}", line_w)))
        # §7.4.1: the last rule lies on the 版心's bottom edge.  Rows take whole grid lines (a long 抄送
        # wraps), so the table's top is known and it is placed absolutely: x from the page edge, y from
        # the top margin.
        top = G.TYPE_AREA_HEIGHT - sum(n for *_, n in rows) * G.LINE_PITCH
        table = self.body.add_table(rows=len(rows), cols=1)
        tbl = table._tbl
        X.float_table(tbl, G.MARGIN_LEFT, top)
        X.table_width(tbl, G.TYPE_AREA_WIDTH)
        table.autofit = False
        X.cell_margins(tbl)
        X.table_look_plain(tbl)
        table.columns[0].width = Twips(G.TYPE_AREA_WIDTH)
        for k, ((fill, fmt, n), row) in enumerate(zip(rows, table.rows)):
            cell = row.cells[0]
            cell.width = Twips(G.TYPE_AREA_WIDTH)
            if not c.letter:   # §7.4.1: first and last rules thick, middle ones thin; none in a letter (§10.1)
                X.cell_borders(cell, top=G.COLOPHON_THICK_RULE if k == 0 else G.COLOPHON_THIN_RULE, left="nil",
                               bottom=G.COLOPHON_THICK_RULE if k == len(rows) - 1 else G.COLOPHON_THIN_RULE,
                               right="nil")
            # at least its lines: should the estimate fall short, the row grows rather than hide a name
            X.keep_row_together(row)
            row.height = Twips(n * G.LINE_PITCH)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            p = cell.paragraphs[0]
            p._p.style = S.COLOPHON
            self.format(p, **fmt)
            fill(p)
        # A floating table is anchored to the paragraph after it (LibreOffice drops it without one);
        # that paragraph is ANCHOR_LINE high so it can never push a page.
        self.para(S.PLAIN, exact_line=ANCHOR_LINE, snap_to_grid=False)

    # -- footers ------------------------------------------------------------------------------
    def landscape_footers(self, section) -> None:
        """§8: on a 横排 page the number stands left of the table — odd pages at its lower left
        corner, even at its upper left — turned with it: where the other pages' numbers stand on the
        sheet.  A text box anchored in the footer holds it, its text turned 90° (reading down the
        page as the page is set); inside, the same “— N —” paragraph as the portrait footers'."""
        foot_bottom = G.PAGE_HEIGHT_MM - G.twips_to_mm(G.FOOTER_DISTANCE)     # on the sheet, portrait
        line_mm = G.PAGE_NUMBER_SIZE_PT * G.MM_PER_PT
        x = G.PAGE_HEIGHT_MM - foot_bottom                # the sheet's foot is the 横排 page's left side
        for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            holder = footer.paragraphs[0]
            self.format(holder, exact_line=ANCHOR_LINE)
            inner = self.loose_paragraph()
            inner._p.style = S.FOOTER
            self._number_runs(inner, side)
            holder._p.append(X.anchored_text_box(self._next_id(), x, G.MARGIN_LEFT_MM, line_mm,
                                                 G.TYPE_AREA_WIDTH_MM, [inner._p], vertical=True, name="PageNumber"))

    def _number_runs(self, p, side: str) -> None:
        def rfmt(r):
            rpr = r._r.get_or_add_rPr()
            X.set_fonts(rpr, self.f["song"], self.f["song"])
            X.set_char_spacing(rpr, 0)
            r.font.size = Pt(G.PAGE_NUMBER_SIZE_PT)
            X.set_cs_size(rpr, G.PAGE_NUMBER_SIZE_PT)

        ind = {"right": G.PAGE_NUMBER_SIDE_INDENT} if side == "right" else {"left": G.PAGE_NUMBER_SIDE_INDENT}
        self.format(p, jc=side, ind=ind)
        rfmt(p.add_run(G.PAGE_NUMBER_DASH + " "))
        X.add_page_field(p, rfmt)
        rfmt(p.add_run(" " + G.PAGE_NUMBER_DASH))

    def footers(self, section, letter: bool) -> None:
        """§7.5: "— N —" in 4号 宋体, odd pages right and even pages left, 1 字 in; none on page 1 of a 信函."""
        for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            self._number_runs(footer.paragraphs[0], side)
        if letter:
            section.first_page_footer.is_linked_to_previous = False     # an empty footer on page 1


def to_document(document: B.Document, *, title: str = "", author: str = ""):
    """The block list laid out as a ``docx.Document``, core properties set (title, author, dates)."""
    d = Writer(document).build()
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    cp = d.core_properties
    # .docx core properties hold at most 255 characters (python-docx raises ValueError beyond)
    cp.title, cp.author = title[:255], author[:255]
    cp.created = cp.modified = now
    cp.revision = 1
    return d


def write(document: B.Document, stream, *, title: str = "", author: str = "") -> None:
    to_document(document, title=title, author=author).save(stream)
