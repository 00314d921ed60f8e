"""Small named helpers for the WordprocessingML python-docx has no API for.

Everything here works on python-docx's oxml layer (``OxmlElement``, ``parse_xml``, ``qn``): the
elements are python-docx's own element classes, so the rest of the writer keeps using python-docx's
API on them.  Each helper does one thing a 公文 needs and says why; the layout code in
``docx_writer`` calls them by name and reads as intent.  Namespaces come from ``drafter.ooxml``.
"""
from __future__ import annotations

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from .. import gbt9704 as G
from ..ooxml import NS, nsdecl, register_with_python_docx

register_with_python_docx()          # python-docx's qn/OxmlElement learn wps, mc, w15 …

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _set(el, **attrs):
    """Set ``w:``-namespace attributes: ``_set(ind, firstLine=640)``."""
    for k, v in attrs.items():
        if v is not None:
            el.set(qn(f"w:{k}"), str(v))
    return el


def w_el(tag: str, **attrs):
    """``w_el("w:snapToGrid", val=0)``: a python-docx element with ``w:`` attributes."""
    return _set(OxmlElement(tag), **attrs)


# --- runs ---------------------------------------------------------------------------------------
def set_fonts(rpr, east_asian: str, latin: str | None = None) -> None:
    """Name a font for every script, and none from the theme: WPS reports theme fonts as missing, and
    a 公文 needs its 仿宋/黑体/楷体 by name.  ``hint=eastAsia`` makes “”‘’—… use the Chinese font
    (spec §8).  ``rpr`` is a ``w:rPr`` (python-docx ``CT_RPr``)."""
    rf = rpr.get_or_add_rFonts()
    a = latin or east_asian
    for k in list(rf.attrib):
        del rf.attrib[k]
    _set(rf, ascii=a, hAnsi=a, eastAsia=east_asian, cs=a, hint="eastAsia")


def set_char_spacing(rpr, twips: int) -> None:
    """Character spacing (``w:spacing``, twentieths of a point) of a run or a style's run properties:
    16 pt − 0.3 pt gives 28 characters a line (GB/T 9704 §5.2.3)."""
    el = rpr.find(qn("w:spacing"))
    if el is None:
        el = OxmlElement("w:spacing")
        rpr.insert_element_before(el, *_RPR_AFTER_SPACING)
    _set(el, val=twips)


_RPR_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                      "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                      "w:eastAsianLayout", "w:specVanish", "w:oMath")


def set_cs_size(rpr, size_pt: float) -> None:
    """The size of complex-script text (``w:szCs``) as the run's own, as Word writes it beside ``w:sz``."""
    el = rpr.find(qn("w:szCs"))
    if el is None:
        el = OxmlElement("w:szCs")
        rpr.insert_element_before(el, *_RPR_AFTER_SPACING[_RPR_AFTER_SPACING.index("w:szCs") + 1:])
    _set(el, val=round(size_pt * 2))


def set_lang(rpr, latin: str = "en-US", east_asian: str = "zh-CN") -> None:
    el = rpr.find(qn("w:lang"))
    if el is None:
        el = OxmlElement("w:lang")
        rpr.insert_element_before(el, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    _set(el, val=latin, eastAsia=east_asian, bidi="ar-SA")


def add_page_field(paragraph, run_format) -> None:
    """A PAGE field with a cached value, as Word writes it (begin, instruction, separate, "1", end);
    ``run_format(run)`` formats each of its runs."""
    for kind in ("begin", "instr", "separate", "value", "end"):
        run = paragraph.add_run()
        run_format(run)
        if kind == "instr":
            it = OxmlElement("w:instrText")
            it.text = " PAGE "
            it.set(_XML_SPACE, "preserve")
            run._r.append(it)
        elif kind == "value":
            run.text = "1"
        else:
            run._r.append(w_el("w:fldChar", fldCharType=kind))


# --- paragraphs ---------------------------------------------------------------------------------
def no_snap_to_grid(ppr) -> None:
    """The paragraph's height is its own, not whole lines of the page's line grid (``w:docGrid``)."""
    el = ppr.find(qn("w:snapToGrid"))
    if el is None:
        el = OxmlElement("w:snapToGrid")
        ppr.insert_element_before(el, "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                                  "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                                  "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
                                  "w:sectPr", "w:pPrChange")
    _set(el, val=0)


# pPr children in schema order (ECMA-376 §17.3.1.26), for the elements python-docx has no property for
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def set_ppr_flag(ppr, tag: str, val: bool | int | None = None) -> None:
    """An on/off paragraph property python-docx has no property for (``w:kinsoku``, ``w:wordWrap``,
    ``w:autoSpaceDE`` …), put in schema order; ``val=None`` writes it without a value (on)."""
    el = ppr.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        after = _PPR_ORDER[_PPR_ORDER.index(tag) + 1:]
        ppr.insert_element_before(el, *after)
    if val is not None:
        _set(el, val=int(val))


def per_renderer(word_el, lo_el):
    """One property for Word and WPS, another for LibreOffice, through Markup Compatibility: Word
    and WPS understand the w15 namespace and take the Choice; LibreOffice's DOCX import understands
    only wps/wpg/w14/wpc and takes the Fallback.  ``word_el`` is already in place (python-docx put it
    in schema order); it is replaced by the ``mc:AlternateContent`` holding both.  Used only where
    LibreOffice measurably differs (it reads w:overflowPunct inverted, and ignores w:autoSpaceDE, so
    CJK–Latin gaps widen its dates and names)."""
    from lxml import etree

    if etree.tostring(word_el) == etree.tostring(lo_el):
        return word_el
    ac = parse_xml(f'<mc:AlternateContent {nsdecl("mc", "w15", "w")}><mc:Choice Requires="w15"/><mc:Fallback/>'
                   '</mc:AlternateContent>')
    word_el.addprevious(ac)
    ac[0].append(word_el)
    ac[1].append(lo_el)
    return ac


def no_hanging_punctuation(ppr) -> None:
    """Punctuation never hangs past the 版心's right edge (x1 ≤ 184 mm).  Word and WPS read
    overflowPunct=0 as "no hanging"; LibreOffice (7.4 and later, writerfilter) reads it inverted, so
    each gets its value (``per_renderer``)."""
    set_ppr_flag(ppr, "w:overflowPunct", 0)
    word = ppr.find(qn("w:overflowPunct"))
    per_renderer(word, w_el("w:overflowPunct", val=1))


def tab_stops(stops) -> "object":
    """A ``w:tabs`` element of (alignment, position in twips) pairs, for ``per_renderer``."""
    tabs = OxmlElement("w:tabs")
    for kind, pos in stops:
        tabs.append(w_el("w:tab", val=kind, pos=pos))
    return tabs


def indent(**values) -> "object":
    """A ``w:ind`` element (``left``, ``right``, ``firstLine``, ``hanging`` in twips), for ``per_renderer``."""
    return w_el("w:ind", **values)


# --- sections -----------------------------------------------------------------------------------
def set_line_grid(sectPr, pitch: int) -> None:
    """Word's line grid (``w:docGrid type=lines``) of ``pitch`` twips, and no character grid:
    LibreOffice doubles CJK cells with one (spec G1)."""
    grid = sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sectPr.insert_element_before(grid, "w:printerSettings", "w:sectPrChange")
    for k in list(grid.attrib):
        del grid.attrib[k]
    _set(grid, type="lines", linePitch=pitch)


def end_section_at(paragraph, sentinel_sectPr) -> None:
    """End a section with ``paragraph`` (the last of the section): a copy of the document's last
    ``w:sectPr`` goes into it, as python-docx's ``add_section`` does, but without adding an empty
    paragraph of its own, which would take a line of the grid (and a page, on a full one).  The
    copy keeps the footers; the last section then inherits them until it is given its own."""
    paragraph._p.set_sectPr(sentinel_sectPr.clone())
    for ref in sentinel_sectPr.xpath("w:headerReference|w:footerReference"):
        sentinel_sectPr.remove(ref)


def footer_refs(sectPr) -> list:
    """Copies of a section's footer references, to give another section the same footers."""
    import copy

    return [copy.deepcopy(ref) for ref in sectPr.findall(qn("w:footerReference"))]


def set_footer_refs(sectPr, refs) -> None:
    """Make ``sectPr``'s footers the parts ``refs`` name (``footer_refs`` of another section), not
    those of the section just before, which may be a 横排 page's."""
    import copy

    for ref in sectPr.findall(qn("w:footerReference")):
        sectPr.remove(ref)
    for ref in reversed(refs):
        sectPr.insert(0, copy.deepcopy(ref))


# --- tables ---------------------------------------------------------------------------------------
def _tbl_pr_child(tblPr, tag: str, after: tuple):
    el = tblPr.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        tblPr.insert_element_before(el, *after)
    return el


_TBLPR_ORDER = ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
                "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                "w:tblPrChange")


def _tblpr(tbl, tag: str):
    tblPr = tbl.tblPr
    return _tbl_pr_child(tblPr, tag, _TBLPR_ORDER[_TBLPR_ORDER.index(tag) + 1:])


def float_table(tbl, x_twips: int, y_twips: int) -> None:
    """A floating table (``w:tblpPr``) x from the page's left edge and y from the top margin; text
    never flows beside it.  (LibreOffice ignores tblpYSpec="bottom" and keeps a page-anchored table
    in the lower left quarter of the page inline; this anchoring both it and Word float.)"""
    _set(_tblpr(tbl, "w:tblpPr"), leftFromText=0, rightFromText=0, topFromText=0, bottomFromText=0,
         vertAnchor="margin", horzAnchor="page", tblpX=x_twips, tblpY=y_twips)
    _set(_tblpr(tbl, "w:tblOverlap"), val="never")


def table_width(tbl, twips: int, indent_twips: int = 0) -> None:
    """An exact table width and left indent (python-docx sets widths per cell and column only)."""
    _set(_tblpr(tbl, "w:tblW"), w=twips, type="dxa")
    _set(_tblpr(tbl, "w:tblInd"), w=indent_twips, type="dxa")


def cell_margins(tbl, top: int = 0, left: int = 0, bottom: int = 0, right: int = 0) -> None:
    """The table's default cell margins, in twips."""
    mar = _tblpr(tbl, "w:tblCellMar")
    for k in list(mar):
        mar.remove(k)
    for side, v in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        mar.append(w_el(f"w:{side}", w=v, type="dxa"))


def table_look_plain(tbl) -> None:
    """No conditional formatting from a table style (first row, banding …)."""
    _set(_tblpr(tbl, "w:tblLook"), val="0000", firstRow=0, lastRow=0, firstColumn=0, lastColumn=0,
         noHBand=1, noVBand=1)


def table_borders(tbl, size_eighths: int, color: str = G.BLACK) -> None:
    """Single lines of ``size_eighths`` eighths of a point round every cell (公文 tables)."""
    b = _tblpr(tbl, "w:tblBorders")
    for k in list(b):
        b.remove(k)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b.append(w_el(f"w:{side}", val="single", sz=size_eighths, space=0, color=color))


def cell_borders(cell, *, top=None, bottom=None, left=None, right=None, color: str = G.BLACK) -> None:
    """Borders of one cell: an int is a single line of that many eighths of a point, ``"nil"`` none."""
    tcPr = cell._tc.get_or_add_tcPr()
    b = tcPr.find(qn("w:tcBorders"))
    if b is None:
        b = OxmlElement("w:tcBorders")
        tcPr.insert_element_before(b, "w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                                   "w:vAlign", "w:hideMark", "w:headers", "w:cellIns", "w:cellDel",
                                   "w:cellMerge", "w:tcPrChange")
    for side, v in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
        if v is None:
            continue
        if v == "nil":
            b.append(w_el(f"w:{side}", val="nil"))
        else:
            b.append(w_el(f"w:{side}", val="single", sz=v, space=0, color=color))


def _trpr_flag(row, tag: str) -> None:
    trPr = row._tr.get_or_add_trPr()
    if trPr.find(qn(tag)) is None:
        order = ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
                 "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                 "w:trPrChange")
        trPr.insert_element_before(OxmlElement(tag), *order[order.index(tag) + 1:])


def keep_row_together(row) -> None:
    """A row is never split across two pages (``w:cantSplit``)."""
    _trpr_flag(row, "w:cantSplit")


def repeat_as_header_row(row) -> None:
    """The row is repeated at the top of every page the table runs onto (``w:tblHeader``)."""
    _trpr_flag(row, "w:tblHeader")


# --- anchored DrawingML: the letterhead's red lines, the 发文机关标志, a 横排 page's number ---------------
def _anchor(doc_pr_id: int, x_emu: int, y_emu: int, cx: int, cy: int, graphic: str, name: str,
            x_from: str = "page", y_from: str = "page"):
    return parse_xml(
        f'<w:r {nsdecl("w", "wp", "a", "wps")}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
        f'simplePos="0" relativeHeight="{251659264 + doc_pr_id}" behindDoc="0" locked="1" layoutInCell="1" '
        f'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{x_from}"><wp:posOffset>{x_emu}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="{y_from}"><wp:posOffset>{y_emu}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{doc_pr_id}" name="{name} {doc_pr_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{NS["wps"]}">{graphic}</a:graphicData></a:graphic>'
        f'</wp:anchor></w:drawing></w:r>')


def anchored_line(doc_pr_id: int, x_mm: float, y_mm: float, length_mm: float, width_pt: float, color: str):
    """A run holding a horizontal rule of ``length_mm`` whose stroke centre is ``y_mm`` from the top
    of the page, its left end ``x_mm`` from the left edge."""
    cx = G.emu(length_mm)
    graphic = (
        f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f'<a:ln w="{round(width_pt * 12700)}" cmpd="sng"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
        f'</a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
    )
    return _anchor(doc_pr_id, G.emu(x_mm), G.emu(y_mm), cx, 0, graphic, "Line")


def anchored_text_box(doc_pr_id: int, x_mm: float, y_mm: float, width_mm: float, height_mm: float,
                      paragraphs, *, vertical: bool = False, name: str = "Flag"):
    """A run holding a borderless text box whose top left corner is (``x_mm``, ``y_mm``) from the
    page's; ``paragraphs`` are python-docx paragraph elements (``w:p``) moved into it.  ``vertical``:
    its text turned 90° clockwise, reading top to bottom (a 横排 page's page number, GB/T 9704 §8)."""
    cx, cy = G.emu(width_mm), G.emu(height_mm)
    vert = "vert" if vertical else "horz"
    graphic = (
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f'</wps:spPr><wps:txbx><w:txbxContent/></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="{vert}" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" '
        f'anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
    )
    run = _anchor(doc_pr_id, G.emu(x_mm), G.emu(y_mm), cx, cy, graphic, name)
    content = run.find(".//" + qn("w:txbxContent"))
    for p in paragraphs:
        content.append(p)
    return run
