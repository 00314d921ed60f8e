"""The one .docx reader of drafter: a file as it would print, for ``import`` and ``inspect`` alike.

The file is opened by python-docx (after :mod:`drafter.safezip` has checked it) and read once into
paragraphs with their text and resolved properties.  Text is what Word prints: tracked insertions
accepted and deletions dropped, field results (not field codes), hidden text left out, content
controls, hyperlinks and smart tags looked through, automatic numbering turned into its printed
label, ``mc:AlternateContent`` read in the branch Word takes.  Text boxes (DrawingML ``wps:txbx``
and VML ``v:textbox``) are kept apart from the body with the paragraph that anchors them — in the
body and in headers and footers (WPS puts the page number in a text box in the footer); lines and
shapes are recorded with their colour, stroke width, compound type (Word's double line is one
line with ``cmpd="thickThin"``) and page position, so the 版头's red rules can be checked.
Paragraphs are numbered 1, 2, … in body order, table cells included; each knows its table, row
and cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import gbt9704 as G
from ..ooxml import (NS, R_NS, RT_COMMENTS, RT_ENDNOTES, RT_FOOTER, RT_FOOTNOTES, RT_HEADER, RT_NUMBERING,
                     RT_SETTINGS, RT_STYLES, RT_THEME, local, on, resolve_mc, w, wattr, wint)
from .numbering import Numbering
from .styles import ParaProps, RunProps, StyleSheet, Theme

EMU_PER_MM = G.EMU_PER_MM
_TRACK_TAGS = {w(t) for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
                              "tblPrChange", "trPrChange", "tcPrChange", "numberingChange")}
_NAMED_COLOURS = {"red": "FF0000", "black": "000000", "white": "FFFFFF", "blue": "0000FF", "green": "008000",
                  "maroon": "800000", "yellow": "FFFF00", "fuchsia": "FF00FF", "lime": "00FF00", "navy": "000080",
                  "gray": "808080", "silver": "C0C0C0", "purple": "800080", "olive": "808000", "teal": "008080",
                  "aqua": "00FFFF"}


def is_red(color: str | None) -> bool:
    """True for a colour a reader calls red (发文机关标志, red rules)."""
    if not color or color == "auto" or not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
        return False
    r, g, b = (int(color[i:i + 2], 16) for i in (0, 2, 4))
    return r >= 0xB0 and g <= 0x60 and b <= 0x60


def is_black(color: str | None) -> bool:
    if not color or color == "auto":
        return True
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", color):
        return True
    return max(int(color[i:i + 2], 16) for i in (0, 2, 4)) <= 0x40


def vml_colour(value: str | None) -> str | None:
    if not value:
        return None
    v = value.strip().split()[0].lower()
    if v in _NAMED_COLOURS:
        return _NAMED_COLOURS[v]
    v = v.lstrip("#")
    if re.fullmatch(r"[0-9a-f]{3}", v):
        v = "".join(c * 2 for c in v)
    return v.upper() if re.fullmatch(r"[0-9a-f]{6}", v) else None


def _length_pt(value: str | None) -> float | None:
    """A CSS/VML length ("1.5pt", "2mm", "0.5in", "12700emu") in points."""
    if not value:
        return None
    m = re.fullmatch(r"\s*(-?[\d.]+)\s*(pt|mm|cm|in|px|emu)?\s*", value)
    if not m:
        return None
    n = float(m.group(1))
    unit = m.group(2) or "emu"
    return {"pt": n, "mm": n / G.MM_PER_PT, "cm": n * 10 / G.MM_PER_PT, "in": n * 72, "px": n * 0.75,
            "emu": n / 12700}[unit]


@dataclass
class Run:
    text: str
    props: RunProps
    field: str | None = None        # the field whose result this run shows ("PAGE", "NUMPAGES", …)
    start: int = 0                  # offset in Para.raw
    direct: tuple = ()              # direct formatting (character style, east-Asian font, bold) as written


@dataclass
class Shape:
    kind: str                       # line | textbox | picture | shape
    color: str | None = None        # stroke colour RRGGBB
    width_pt: float | None = None   # stroke width
    x_mm: float | None = None       # page-relative position (None when not anchored to the page)
    y_mm: float | None = None
    cx_mm: float | None = None
    cy_mm: float | None = None
    vml: bool = False
    compound: str | None = None     # a double or triple line: "dbl", "thickThin", "thinThick", "tri"
    h_align: str | None = None      # anchored left | center | right | inside | outside (of ``h_relative``)
    h_relative: str | None = None   # page | margin | column | …
    paragraphs: list = field(default_factory=list)   # text box content (Para, story "textbox")

    @property
    def red(self) -> bool:
        return is_red(self.color)


@dataclass
class Para:
    number: int                     # body paragraph number (text box paragraphs: the anchor's)
    story: str                      # body | textbox | footer | header
    props: ParaProps
    runs: list[Run] = field(default_factory=list)
    label: str | None = None        # automatic numbering as printed
    in_table: int | None = None     # index of the table holding it
    row: int | None = None          # its row and cell in that table (0-based)
    col: int | None = None
    page_break: bool = False        # a page or column break in it (not part of the text)
    break_first: bool = False       # ... before any of its text (the text after it is on the next page)
    starts_page: bool = False       # its text begins a page: a break before it (a page break, 段前分页,
                                    # a section that starts on a new page), body paragraphs only
    style: str | None = None        # the paragraph style as written (w:pStyle), None for the default
    box: "Shape | None" = None      # a text box's paragraph: the box (its anchoring and alignment)
    section: int = 0
    shapes: list[Shape] = field(default_factory=list)
    fields: list[tuple[str, str | None]] = field(default_factory=list)   # (instruction, result text)
    part: str = ""

    @property
    def raw(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def text(self) -> str:
        return (self.label or "") + self.raw

    @property
    def label_len(self) -> int:
        return len(self.label or "")

    def runs_between(self, start: int, end: int) -> list[Run]:
        """Runs overlapping text[start:end] (text = label + raw)."""
        s, e = start - self.label_len, end - self.label_len
        out = [r for r in self.runs if r.text and r.start < e and r.start + len(r.text) > s]
        if not out and self.runs and start < self.label_len:
            out = [r for r in self.runs if r.text.strip()][:1]
        return out

    def text_runs(self) -> list[Run]:
        return [r for r in self.runs if r.text.strip()]

    @property
    def textboxes(self) -> list["Para"]:
        return [p for s in self.shapes for p in s.paragraphs]


@dataclass
class Table:
    index: int
    borders: list = field(default_factory=list)      # (side, val, colour, sz) from table and cells
    floating: bool = False
    rows: int = 0


@dataclass
class Section:
    index: int
    page_w: int | None = None
    page_h: int | None = None
    orient: str | None = None
    margins: dict = field(default_factory=dict)      # top right bottom left header footer gutter -> twips
    grid_type: str | None = None
    line_pitch: int | None = None
    char_space: int | None = None
    title_pg: bool = False
    footers: dict = field(default_factory=dict)      # default | even | first -> part name
    headers: dict = field(default_factory=dict)
    first: int = 0                                    # first and last body paragraph numbers
    last: int = 0
    cols: int = 1
    start: str = "nextPage"                         # how the section begins (w:type): nextPage | continuous | …

    def m(self, key: str) -> int | None:
        return self.margins.get(key)

    @property
    def text_width(self) -> int | None:
        if self.page_w is None or self.m("left") is None or self.m("right") is None:
            return None
        return self.page_w - self.m("left") - self.m("right") - (self.m("gutter") or 0)

    @property
    def text_height(self) -> int | None:
        if self.page_h is None or self.m("top") is None or self.m("bottom") is None:
            return None
        return self.page_h - abs(self.m("top")) - abs(self.m("bottom"))


class _FieldState:
    def __init__(self):
        self.stack: list[dict] = []

    @property
    def in_instr(self) -> bool:
        return bool(self.stack) and self.stack[-1]["phase"] == "instr"

    @property
    def current(self) -> str | None:
        for f in reversed(self.stack):
            if f["phase"] == "result":
                return f["name"]
        return None


def field_name(instr: str) -> str:
    parts = instr.strip().split()
    return parts[0].upper() if parts else ""


class Document:
    """Everything ``import`` and ``inspect`` read of a .docx: paragraphs (body, table cells, text
    boxes, headers and footers) with resolved properties, tables, sections with their page setup,
    drawn shapes, and the python-docx document itself (``docx``) for whatever else a caller needs."""

    def __init__(self, docx_document, name: str):
        d = docx_document
        self.docx = d
        self.name = name
        self.path: Path | None = None                 # the file read (set by load)
        self._roots: dict[int, object] = {}
        self._parts: dict[str, object] = {}
        self.main = _partname(d.part)
        root = self._root(d.part)
        settings = self._root(self._related(d.part, RT_SETTINGS))
        self.even_odd = settings is not None and on(settings.find("w:evenAndOddHeaders", NS)) is True
        self.mirror_margins = settings is not None and on(settings.find("w:mirrorMargins", NS)) is True
        self.gutter_at_top = settings is not None and on(settings.find("w:gutterAtTop", NS)) is True
        lang = None
        if settings is not None:
            tfl = settings.find("w:themeFontLang", NS)
            lang = wattr(tfl, "eastAsia")
        theme_part = self._related(d.part, RT_THEME)
        self.has_theme = theme_part is not None
        self.theme = Theme(self._root(theme_part), lang)
        self.numbering = Numbering(self._root(self._related(d.part, RT_NUMBERING)))
        self.styles_root = self._root(self._related(d.part, RT_STYLES))
        self.sheet = StyleSheet(self.styles_root, self.theme, self.numbering)

        self.tracked = 0
        self.comments = 0
        self.hidden = 0
        self.tables: list[Table] = []
        self.paragraphs: list[Para] = []
        self.sections: list[Section] = []
        self.stories: dict[str, list[Para]] = {}
        self.notes: list[str] = []                    # footnotes and endnotes, as text

        croot = self._root(self._related(d.part, RT_COMMENTS))
        if croot is not None:
            self.comments = len(croot.findall("w:comment", NS))
        for reltype in (RT_FOOTNOTES, RT_ENDNOTES):
            nroot = self._root(self._related(d.part, reltype))
            for note in (nroot if nroot is not None else ()):
                if wattr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = "".join(t.text or "" for t in note.iter(w("t"))).strip()
                if text:
                    self.notes.append(text)

        body = root.find("w:body", NS)
        if body is not None:
            for el in body.iter():
                if el.tag in _TRACK_TAGS:
                    self.tracked += 1
            self._blocks(body, "body", self.main, self.paragraphs, None, _FieldState())
            final = body.find("w:sectPr", NS)
            self._end_section(final)
        if not self.sections:
            self._end_section(None)
        self._finish_sections()
        self._mark_page_starts()
        for part in {p for s in self.sections for p in list(s.footers.values()) + list(s.headers.values())}:
            proot = self._root(self._parts[part])
            paras: list[Para] = []
            if proot is not None:
                self._blocks(proot, "footer" if local(proot) == "ftr" else "header", part, paras, None,
                             _FieldState())
            self.stories[part] = paras

    # -- parts ----------------------------------------------------------------------------------
    @staticmethod
    def _related(part, reltype: str):
        """The first internal part ``part`` relates to by ``reltype`` (None when there is none:
        python-docx's own accessors would add a default part instead)."""
        for rel in part.rels.values():
            if not rel.is_external and rel.reltype == reltype:
                return rel.target_part
        return None

    def _root(self, part):
        """A part's XML root with ``mc:AlternateContent`` resolved as Word does (once per part);
        python-docx's parsed element for the parts it knows, the blob parsed safely for others."""
        if part is None:
            return None
        key = id(part)
        if key not in self._roots:
            root = getattr(part, "element", None)
            if root is None:
                root = _parse(part.blob, self.name, _partname(part))
            if root is not None:
                resolve_mc(root)
            self._roots[key] = root
        return self._roots[key]

    # -- sections -------------------------------------------------------------------------------
    def _end_section(self, sect) -> None:
        s = Section(len(self.sections))
        s.first = self.sections[-1].last + 1 if self.sections else 1
        s.last = len(self.paragraphs)
        if sect is not None:
            pg = sect.find("w:pgSz", NS)
            if pg is not None:
                s.page_w, s.page_h = wint(pg, "w"), wint(pg, "h")
                s.orient = wattr(pg, "orient")
            mar = sect.find("w:pgMar", NS)
            if mar is not None:
                for k in ("top", "right", "bottom", "left", "header", "footer", "gutter"):
                    v = wint(mar, k)
                    if v is not None:
                        s.margins[k] = v
            grid = sect.find("w:docGrid", NS)
            if grid is not None:
                s.grid_type = wattr(grid, "type") or "default"
                s.line_pitch = wint(grid, "linePitch")
                s.char_space = wint(grid, "charSpace")
            s.title_pg = on(sect.find("w:titlePg", NS)) is True
            st = sect.find("w:type", NS)
            s.start = (wattr(st, "val") or "nextPage") if st is not None else "nextPage"
            cols = sect.find("w:cols", NS)
            s.cols = wint(cols, "num", 1) if cols is not None else 1
            rels = self.docx.part.rels
            for tag, target in (("footerReference", s.footers), ("headerReference", s.headers)):
                for ref in sect.findall(f"w:{tag}", NS):
                    rel = rels.get(ref.get("{%s}id" % R_NS) or "")
                    if rel is None or rel.is_external or rel.reltype not in (RT_FOOTER, RT_HEADER):
                        continue
                    name = _partname(rel.target_part)
                    self._parts[name] = rel.target_part
                    target[wattr(ref, "type") or "default"] = name
        self.sections.append(s)

    def _finish_sections(self) -> None:
        """Headers and footers not given by a section are inherited from the previous one."""
        for prev, s in zip(self.sections, self.sections[1:]):
            for kind in ("default", "even", "first"):
                if kind not in s.footers and kind in prev.footers:
                    s.footers[kind] = prev.footers[kind]
                if kind not in s.headers and kind in prev.headers:
                    s.headers[kind] = prev.headers[kind]
        for s in self.sections:
            for p in self.paragraphs[s.first - 1:s.last]:
                p.section = s.index

    def _mark_page_starts(self) -> None:
        """``starts_page`` on the body paragraphs whose text begins a page by a break the file makes: a
        page break (Ctrl+Enter: in the paragraph before its text, or in a paragraph of its own or at the
        end of the one before), 段前分页 (w:pageBreakBefore, direct or by style), or a section that
        starts on a new page.  Pages that fill up and flow on are not known without laying them out."""
        pending, section = False, 0
        for p in self.paragraphs:
            if p.story != "body":
                continue
            text = bool(p.raw.strip())
            new_section = p.section != section and self.sections[p.section].start != "continuous" \
                if p.section < len(self.sections) else False
            section = p.section
            if (pending or new_section or p.props.page_break_before or p.break_first) and text:
                p.starts_page, pending = True, False
            elif new_section or p.props.page_break_before:
                pending = True
            if p.page_break and text and not p.break_first:
                pending = True                          # a break after its text: the next one starts the page
            elif p.page_break and not text:
                pending = True

    def section_of(self, para: Para) -> Section:
        return self.sections[min(para.section, len(self.sections) - 1)]

    # -- block content ------------------------------------------------------------------------
    def _blocks(self, container, story: str, part: str, out: list, table: int | None, fs: _FieldState,
                anchor: int | None = None, cell: tuple[int, int] | None = None) -> None:
        pending: list[Run] = []
        pending_shapes: list[Shape] = []
        for el in container:
            name = local(el)
            if name == "p":
                number = len(out) + 1 if out is self.paragraphs else (anchor or 0)
                para = self._paragraph(el, story, part, table, fs, number)
                if cell is not None:
                    para.row, para.col = cell
                if pending or pending_shapes:
                    para.runs[:0] = pending
                    para.shapes[:0] = pending_shapes
                    pending, pending_shapes = [], []
                ppr = el.find("w:pPr", NS)
                mark = ppr.find("w:rPr", NS) if ppr is not None else None
                if mark is not None and (mark.find("w:del", NS) is not None or mark.find("w:moveFrom", NS) is not None):
                    # the paragraph mark is deleted: accepted, the text joins the next paragraph
                    pending, pending_shapes = para.runs, para.shapes
                    continue
                _renumber(para)
                out.append(para)
                if out is self.paragraphs:
                    para.number = len(out)
                sect = ppr.find("w:sectPr", NS) if ppr is not None else None
                if sect is not None and story == "body" and out is self.paragraphs:
                    self._end_section(sect)
            elif name == "tbl":
                self._table(el, story, part, out, fs, anchor)
            elif name in ("sdt",):
                content = el.find("w:sdtContent", NS)
                if content is not None:
                    self._blocks(content, story, part, out, table, fs, anchor, cell)
            elif name in ("customXml", "ins", "moveTo", "txbxContent", "sdtContent"):
                self._blocks(el, story, part, out, table, fs, anchor, cell)
        if (pending or pending_shapes) and out:
            out[-1].runs.extend(pending)
            out[-1].shapes.extend(pending_shapes)
            _renumber(out[-1])

    def _table(self, tbl, story, part, out, fs, anchor) -> None:
        t = Table(len(self.tables))
        self.tables.append(t)
        tblpr = tbl.find("w:tblPr", NS)
        if tblpr is not None:
            t.floating = tblpr.find("w:tblpPr", NS) is not None
            b = tblpr.find("w:tblBorders", NS)
            if b is not None:
                for side in b:
                    t.borders.append((local(side), wattr(side, "val"), (wattr(side, "color") or "auto").upper(),
                                      wint(side, "sz", 0)))
        for row in _children(tbl, "tr"):
            trpr = row.find("w:trPr", NS)
            if trpr is not None and trpr.find("w:del", NS) is not None:
                continue
            t.rows += 1
            for k, cell in enumerate(_children(row, "tc")):
                tcpr = cell.find("w:tcPr", NS)
                if tcpr is not None:
                    b = tcpr.find("w:tcBorders", NS)
                    if b is not None:
                        for side in b:
                            t.borders.append((local(side), wattr(side, "val"),
                                              (wattr(side, "color") or "auto").upper(), wint(side, "sz", 0)))
                self._blocks(cell, story, part, out, t.index, fs, anchor, (t.rows - 1, k))

    def _paragraph(self, p, story, part, table, fs: _FieldState, number: int) -> Para:
        ppr = p.find("w:pPr", NS)
        props = self.sheet.para_props(ppr)
        para = Para(number, story, props, in_table=table, part=part)
        ps = ppr.find("w:pStyle", NS) if ppr is not None else None
        para.style = wattr(ps, "val")
        if props.num_id and props.num_id != "0":
            para.label = self.numbering.label(props.num_id, props.ilvl)
        self._inline(p, para, fs)
        return para

    def _inline(self, el, para: Para, fs: _FieldState) -> None:
        for child in el:
            name = local(child)
            if name == "r":
                self._run(child, para, fs)
            elif name in ("hyperlink", "smartTag", "customXml", "ins", "moveTo", "dir", "bdo", "fldSimple"):
                if name == "fldSimple":
                    instr = wattr(child, "instr") or ""
                    fs.stack.append({"name": field_name(instr), "phase": "result", "result": ""})
                    before = len(para.raw)
                    self._inline(child, para, fs)
                    f = fs.stack.pop()
                    para.fields.append((f["name"], para.raw[before:] or None))
                else:
                    self._inline(child, para, fs)
            elif name == "sdt":
                content = child.find("w:sdtContent", NS)
                if content is not None:
                    self._inline(content, para, fs)
            elif name == "commentRangeStart":
                pass

    def _run(self, r, para: Para, fs: _FieldState) -> None:
        rpr = r.find("w:rPr", NS)
        props = self.sheet.run_props(rpr, para.props)
        direct = _direct(rpr)
        buf: list[str] = []

        def flush():
            if buf:
                text = "".join(buf)
                buf.clear()
                if props.vanish:
                    self.hidden += len(text.strip())
                    return
                para.runs.append(Run(text, props, fs.current, direct=direct))

        for child in r:
            name = local(child)
            if name == "t":
                if not fs.in_instr:
                    buf.append(child.text or "")
                    if fs.stack and fs.stack[-1]["phase"] == "result":
                        fs.stack[-1]["result"] += child.text or ""
            elif name == "instrText":
                if fs.in_instr:
                    fs.stack[-1]["instr"] += child.text or ""
            elif name == "fldChar":
                kind = wattr(child, "fldCharType")
                flush()
                if kind == "begin":
                    fs.stack.append({"name": "", "phase": "instr", "instr": "", "result": ""})
                elif kind == "separate" and fs.stack:
                    fs.stack[-1]["phase"] = "result"
                    fs.stack[-1]["name"] = field_name(fs.stack[-1]["instr"])
                elif kind == "end" and fs.stack:
                    f = fs.stack.pop()
                    fname = f["name"] or field_name(f.get("instr", ""))
                    para.fields.append((fname, f["result"] or None))
                    if fs.stack and fs.stack[-1]["phase"] == "result":
                        fs.stack[-1]["result"] += f["result"]
            elif fs.in_instr:
                continue
            elif name in ("tab", "ptab"):
                buf.append("\t")
            elif name == "br" and wattr(child, "type") in ("page", "column"):
                if not para.page_break and not (para.raw + "".join(buf)).strip():
                    para.break_first = True
                para.page_break = True
            elif name in ("br", "cr"):
                buf.append("\n")
            elif name == "noBreakHyphen":
                buf.append("-")
            elif name == "sym":
                ch = wattr(child, "char") or ""
                try:
                    code = int(ch, 16)
                except ValueError:
                    code = 0
                if code and not 0xF000 <= code <= 0xF0FF:
                    buf.append(chr(code))
            elif name == "commentReference":
                pass
            elif name == "drawing":
                flush()
                self._drawing(child, para, fs)
            elif name == "pict":
                flush()
                self._vml(child, para, fs)
        flush()

    # -- shapes -------------------------------------------------------------------------------
    def _fill_textbox(self, shape: Shape, content, para: Para) -> None:
        """A shape holding a text box (``content``: its w:txbxContent, or None): its paragraphs, anchored
        at ``para``, each knowing its box."""
        if content is None:
            return
        shape.kind = "textbox"
        shape.paragraphs = []
        self._blocks(content, "textbox", para.part, shape.paragraphs, para.in_table, _FieldState(),
                     anchor=para.number or -1)
        for tp in shape.paragraphs:
            tp.box = shape

    def _drawing(self, drawing, para: Para, fs) -> None:
        for holder in drawing:
            kind = local(holder)                       # anchor | inline
            ext = holder.find("wp:extent", NS)
            cx = int(ext.get("cx")) if ext is not None and ext.get("cx", "").lstrip("-").isdigit() else None
            cy = int(ext.get("cy")) if ext is not None and ext.get("cy", "").lstrip("-").isdigit() else None
            x = y = None
            h_align = h_rel = None
            if kind == "anchor":
                x = _pos(holder.find("wp:positionH", NS))
                y = _pos(holder.find("wp:positionV", NS))
                ph = holder.find("wp:positionH", NS)
                if ph is not None:
                    h_rel = ph.get("relativeFrom")
                    al = ph.find("wp:align", NS)
                    h_align = (al.text or "").strip() or None if al is not None else None
            gd = holder.find("a:graphic/a:graphicData", NS)
            if gd is None:
                continue
            for sp in gd.iter("{%s}wsp" % NS["wps"]):
                shape = Shape("shape", x_mm=x, y_mm=y, cx_mm=cx / EMU_PER_MM if cx is not None else None,
                              cy_mm=cy / EMU_PER_MM if cy is not None else None)
                _place_in_group(sp, shape)
                geom = sp.find("wps:spPr/a:prstGeom", NS)
                prst = geom.get("prst") if geom is not None else None
                if sp.find("wps:cNvCnPr", NS) is not None or prst in ("line", "straightConnector1"):
                    shape.kind = "line"
                ln = sp.find("wps:spPr/a:ln", NS)
                if ln is not None:
                    if ln.get("w", "").isdigit():
                        shape.width_pt = int(ln.get("w")) / 12700
                    if ln.get("cmpd") not in (None, "sng"):
                        shape.compound = ln.get("cmpd")
                    clr = ln.find("a:solidFill/a:srgbClr", NS)
                    if clr is not None:
                        shape.color = (clr.get("val") or "").upper()
                    elif ln.find("a:noFill", NS) is not None:
                        shape.color = None
                shape.h_align, shape.h_relative = h_align, h_rel
                self._fill_textbox(shape, sp.find("wps:txbx/w:txbxContent", NS), para)
                para.shapes.append(shape)
            if gd.find(".//pic:pic", NS) is not None:
                para.shapes.append(Shape("picture", x_mm=x, y_mm=y))

    def _vml(self, pict, para: Para, fs) -> None:
        for el in pict.iter():
            name = local(el)
            if el.tag is None or not isinstance(el.tag, str) or not el.tag.startswith("{%s}" % NS["v"]):
                continue
            if name not in ("line", "shape", "rect", "roundrect", "oval", "polyline"):
                continue
            style = _css(el.get("style") or "")
            shape = Shape("shape", vml=True)
            stroke = el.find("v:stroke", NS)
            color = el.get("strokecolor") or (stroke.get("color") if stroke is not None else None)
            shape.color = vml_colour(color) if (el.get("stroked") or "t") not in ("f", "false") else None
            wt = el.get("strokeweight")
            shape.width_pt = _length_pt(wt) if wt else 0.75
            style_of_line = stroke.get("linestyle") if stroke is not None else None
            if style_of_line and style_of_line != "single":
                shape.compound = {"thinThin": "dbl", "thickBetweenThin": "tri"}.get(style_of_line, style_of_line)
            in_group = local(el.getparent()) == "group"
            if name == "line" and in_group:
                shape.kind = "line"
            elif name == "line":
                shape.kind = "line"
                f, t = el.get("from", "0,0").split(","), el.get("to", "0,0").split(",")
                try:
                    x0, x1 = _length_pt(f[0] if f[0][-1:].isalpha() else f[0] + "pt"), \
                        _length_pt(t[0] if t[0][-1:].isalpha() else t[0] + "pt")
                    shape.cx_mm = abs((x1 or 0) - (x0 or 0)) * G.MM_PER_PT
                except (IndexError, TypeError):
                    pass
            elif not in_group:
                width = _length_pt(style.get("width"))
                height = _length_pt(style.get("height"))
                if width is not None:
                    shape.cx_mm = width * G.MM_PER_PT
                if height is not None:
                    shape.cy_mm = height * G.MM_PER_PT
                if height is not None and height < 3 and width and width > 50:
                    shape.kind = "line"
            if style.get("mso-position-vertical-relative") == "page" and _length_pt(style.get("margin-top")) is not None:
                shape.y_mm = _length_pt(style.get("margin-top")) * G.MM_PER_PT
            if style.get("mso-position-horizontal-relative") == "page" and \
                    _length_pt(style.get("margin-left")) is not None:
                shape.x_mm = _length_pt(style.get("margin-left")) * G.MM_PER_PT
            shape.h_align = style.get("mso-position-horizontal")
            shape.h_relative = style.get("mso-position-horizontal-relative")
            self._fill_textbox(shape, el.find("v:textbox/w:txbxContent", NS), para)
            para.shapes.append(shape)

    # -- views --------------------------------------------------------------------------------
    def footer(self, part: str | None) -> list[Para]:
        return self.stories.get(part, []) if part else []

    def all_textbox_paras(self) -> list[Para]:
        return [tp for p in self.paragraphs for tp in p.textboxes]

    def shapes(self) -> list[Shape]:
        return [s for p in self.paragraphs for s in p.shapes]


def _xfrm(el, child: bool = False):
    """(off x, off y, ext cx, ext cy) of an a:xfrm (or the child-coordinate box of a group's xfrm)."""
    if el is None:
        return None
    a = NS["a"]
    off = el.find("{%s}%s" % (a, "chOff" if child else "off"))
    ext = el.find("{%s}%s" % (a, "chExt" if child else "ext"))
    try:
        return (int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy")))
    except (AttributeError, TypeError, ValueError):
        return None


def _place_in_group(sp, shape: Shape) -> None:
    """A shape inside a wpg group (a 版头 double line is often two grouped lines): its own size and
    position, from the group's child coordinates, instead of the group's box."""
    grp = sp.getparent()
    if grp is None or local(grp) != "grpSp" and local(grp) != "wgp":
        return
    gx = grp.find("{%s}grpSpPr/{%s}xfrm" % (NS["wpg"], NS["a"]))
    box, child = _xfrm(gx), _xfrm(gx, child=True)
    own = _xfrm(sp.find("{%s}spPr/{%s}xfrm" % (NS["wps"], NS["a"])))
    if own is None:
        shape.x_mm = shape.y_mm = shape.cx_mm = shape.cy_mm = None
        return
    sx = box[2] / child[2] if box and child and child[2] else 1.0
    sy = box[3] / child[3] if box and child and child[3] else 1.0
    shape.cx_mm = own[2] * sx / EMU_PER_MM
    shape.cy_mm = own[3] * sy / EMU_PER_MM
    if shape.y_mm is not None and child:
        shape.y_mm += (own[1] - child[1]) * sy / EMU_PER_MM
    if shape.x_mm is not None and child:
        shape.x_mm += (own[0] - child[0]) * sx / EMU_PER_MM


def _direct(rpr) -> tuple:
    """(character style, east-Asian font, bold) as written on the run itself: how a run-in heading set
    apart by its own formatting ("（一）加强领导。" in 楷体 before 仿宋 text) is told from its text."""
    if rpr is None:
        return (None, None, False)
    style = rpr.find("w:rStyle", NS)
    fonts = rpr.find("w:rFonts", NS)
    b = rpr.find("w:b", NS)
    return (wattr(style, "val"), wattr(fonts, "eastAsia"), b is not None and wattr(b, "val") not in ("0", "false"))


def _renumber(para: Para) -> None:
    pos = 0
    for r in para.runs:
        r.start = pos
        pos += len(r.text)


def _children(el, tag: str):
    """The ``tag`` children of a table or row, also those wrapped in content controls / customXml."""
    for child in el:
        name = local(child)
        if name == tag:
            yield child
        elif name in ("sdt", "customXml"):
            content = child.find("w:sdtContent", NS) if name == "sdt" else child
            if content is not None:
                yield from _children(content, tag)


def _pos(el) -> float | None:
    """Page-relative offset (mm) of a DrawingML anchor position, None when relative to something else."""
    if el is None or el.get("relativeFrom") != "page":
        return None
    off = el.find("wp:posOffset", NS)
    if off is None or not (off.text or "").strip().lstrip("-").isdigit():
        return None
    return int(off.text.strip()) / EMU_PER_MM


def _css(style: str) -> dict:
    out = {}
    for item in style.split(";"):
        if ":" in item:
            k, v = item.split(":", 1)
            out[k.strip().lower()] = v.strip()
    return out


def _partname(part) -> str:
    """"word/footer1.xml": a part's name inside the package."""
    return str(part.partname).lstrip("/")


def _parse(blob: bytes, name: str, part: str):
    """A part python-docx keeps as bytes (theme, footnotes): parsed with no entities, no DTD, no
    network (:mod:`drafter.safezip` has already refused DTDs)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(blob, parser)
    except etree.XMLSyntaxError:
        from ..diagnostics import DrafterError

        raise DrafterError("FZ081", f"“{name}”中的 {part} 已损坏，无法读取；请在 Word/WPS 中打开后另存为 .docx 再检查",
                           file=name)


def load(path, display: str | None = None) -> Document:
    """Read ``path`` (any .docx, safely): the one way drafter reads a Word file."""
    from ..safezip import open_docx, reading_docx

    name = display or str(path)
    d = open_docx(path, name)
    with reading_docx(name):
        doc = Document(d, name)
    doc.path = Path(path)
    return doc
