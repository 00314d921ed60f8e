"""Raw WordprocessingML, kept behind small helpers so the layout code reads as intent.

Elements are plain lxml elements (prefixes from ``NSMAP``); appended into a part's root they take
that root's namespace declarations.
"""
from __future__ import annotations

from lxml import etree

from .. import gbt9704 as G

from ..ooxml import NS, nsdecl

W_NS, WP_NS, A_NS, WPS_NS = NS["w"], NS["wp"], NS["a"], NS["wps"]
MC_NS, W14_NS, W15_NS, R_NS = NS["mc"], NS["w14"], NS["w15"], NS["r"]
NSDECL = nsdecl("w", "wp", "a", "wps")
NSMAP = {p: NS[p] for p in ("w", "wp", "a", "wps", "mc", "w15")}
_W = "{%s}" % W_NS
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


def qn(tag: str) -> str:
    """"w:p" -> "{http://…/main}p"."""
    prefix, local = tag.split(":")
    return "{%s}%s" % (NSMAP[prefix], local)


def parse_xml(xml: str | bytes):
    return etree.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml, _PARSER)


def w(tag: str) -> str:
    return _W + tag


def el(tag: str, attrs: dict | None = None, *children):
    """``el("w:ind", {"w:firstLine": 640})`` -> <w:ind w:firstLine="640"/>"""
    prefix = tag.split(":")[0]
    e = etree.Element(qn(tag), nsmap={prefix: NSMAP[prefix]})
    if attrs:
        for k, v in attrs.items():
            if v is not None:
                e.set(qn(k), str(v))
    for c in children:
        if c is not None:
            e.append(c)
    return e


def fonts(name: str, ascii_name: str | None = None):
    """Explicit fonts for every script, no theme attributes (WPS reports theme fonts as missing);
    hint=eastAsia so “”‘’—… use the Chinese font (spec §8)."""
    a = ascii_name or name
    return el("w:rFonts", {"w:ascii": a, "w:hAnsi": a, "w:eastAsia": name, "w:cs": a, "w:hint": "eastAsia"})


def run_props(font: str, ascii_font: str | None = None, *, size_pt: float | None = None, bold: bool = False,
              color: str | None = None, spacing: int | None = None):
    rpr = el("w:rPr", None, fonts(font, ascii_font))
    if bold:
        rpr.append(el("w:b"))
        rpr.append(el("w:bCs"))
    if color:
        rpr.append(el("w:color", {"w:val": color}))
    if spacing is not None:
        rpr.append(el("w:spacing", {"w:val": spacing}))
    if size_pt is not None:
        rpr.append(el("w:sz", {"w:val": round(size_pt * 2)}))
        rpr.append(el("w:szCs", {"w:val": round(size_pt * 2)}))
    return rpr


def text_run(text: str, rpr=None):
    r = el("w:r")
    if rpr is not None:
        r.append(rpr)
    t = el("w:t")
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def tab_run(rpr=None):
    r = el("w:r")
    if rpr is not None:
        r.append(rpr)
    r.append(el("w:tab"))
    return r


def para_props(style: str | None = None, *, jc: str | None = None, ind: dict | None = None,
               keep_next: bool = False, keep_lines: bool = False, tabs: list | None = None,
               spacing: dict | None = None, snap_to_grid: bool = True):
    """<w:pPr> in schema order: pStyle, keepNext, keepLines, tabs, snapToGrid, spacing, ind, jc.
    ``snap_to_grid=False``: the paragraph's height is its own, not a whole line of the page's grid."""
    ppr = el("w:pPr")
    if style:
        ppr.append(el("w:pStyle", {"w:val": style}))
    if keep_next:
        ppr.append(el("w:keepNext"))
    if keep_lines:
        ppr.append(el("w:keepLines"))
    if isinstance(tabs, tuple):          # (Word/WPS stops, LibreOffice stops)
        ppr.append(per_renderer(*(el("w:tabs", None, *(el("w:tab", {"w:val": kind, "w:pos": pos}) for kind, pos in t))
                                  for t in tabs)))
    elif tabs:
        ppr.append(el("w:tabs", None, *(el("w:tab", {"w:val": kind, "w:pos": pos}) for kind, pos in tabs)))
    if not snap_to_grid:
        ppr.append(el("w:snapToGrid", {"w:val": 0}))
    if spacing:
        ppr.append(el("w:spacing", {f"w:{k}": v for k, v in spacing.items()}))
    if isinstance(ind, tuple):           # (Word/WPS value, LibreOffice value)
        ppr.append(per_renderer(el("w:ind", {f"w:{k}": v for k, v in ind[0].items()}),
                                el("w:ind", {f"w:{k}": v for k, v in ind[1].items()})))
    elif ind:
        ppr.append(el("w:ind", {f"w:{k}": v for k, v in ind.items()}))
    if jc:
        ppr.append(el("w:jc", {"w:val": jc}))
    return ppr


def per_renderer(word_el, lo_el):
    """One property for Word/WPS and another for LibreOffice, through Markup Compatibility: Word
    understands the w15 namespace and takes the Choice; LibreOffice's DOCX import understands only
    wps/wpg/w14/wpc and takes the Fallback.  Used only where LibreOffice measurably differs (it reads
    w:overflowPunct inverted and ignores w:autoSpaceDE, so CJK–Latin gaps widen its dates)."""
    from lxml import etree

    if etree.tostring(word_el) == etree.tostring(lo_el):
        return word_el
    ac = parse_xml(f'<mc:AlternateContent xmlns:mc="{MC_NS}" xmlns:w15="{W15_NS}">'
                   f'<mc:Choice Requires="w15"/><mc:Fallback/></mc:AlternateContent>')
    ac[0].append(word_el)
    ac[1].append(lo_el)
    return ac


def paragraph(ppr, *runs):
    p = el("w:p", None, ppr)
    for r in runs:
        p.append(r)
    return p


def page_field_runs(rpr_factory):
    """PAGE field with a cached value, as Word writes it."""
    out = []
    for kind in ("begin", None, "separate", "1", "end"):
        r = el("w:r", None, rpr_factory())
        if kind is None:
            it = el("w:instrText")
            it.text = " PAGE "
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(it)
        elif kind == "1":
            t = el("w:t")
            t.text = "1"
            r.append(t)
        else:
            r.append(el("w:fldChar", {"w:fldCharType": kind}))
        out.append(r)
    return out


# --- anchored DrawingML: the letterhead's red lines and the 发文机关标志 -----------------------------
def _anchor(doc_pr_id: int, x_emu: int, y_emu: int, cx: int, cy: int, graphic: str, name: str,
            x_from: str = "page") -> str:
    return (
        f'<w:r {NSDECL}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="{251659264 + doc_pr_id}" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{x_from}"><wp:posOffset>{x_emu}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y_emu}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{doc_pr_id}" name="{name} {doc_pr_id}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPS_NS}">{graphic}</a:graphicData></a:graphic>'
        f'</wp:anchor></w:drawing></w:r>'
    )


def red_line(doc_pr_id: int, x_mm: float, y_mm: float, length_mm: float, width_pt: float, color: str = G.RED):
    """A horizontal rule of ``length_mm`` whose stroke centre is ``y_mm`` from the top of the page."""
    cx = G.emu(length_mm)
    graphic = (
        f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm>'
        f'<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f'<a:ln w="{round(width_pt * 12700)}" cmpd="sng"><a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'
        f'</a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
    )
    return parse_xml(_anchor(doc_pr_id, G.emu(x_mm), G.emu(y_mm), cx, 0, graphic, "Line"))


def text_box(doc_pr_id: int, y_mm: float, width_mm: float, height_mm: float, paragraph_xml: str,
             x_mm: float | None = None):
    """A borderless text box, top edge ``y_mm`` from the top of the page, left edge ``x_mm`` from its
    left edge (default: centred on the 版心)."""
    cx, cy = G.emu(width_mm), G.emu(height_mm)
    x = G.emu(G.MARGIN_LEFT_MM + (G.TYPE_AREA_WIDTH_MM - width_mm) / 2 if x_mm is None else x_mm)
    graphic = (
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
        f'</wps:spPr><wps:txbx><w:txbxContent>{paragraph_xml}</w:txbxContent></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t" '
        f'anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp>'
    )
    return parse_xml(_anchor(doc_pr_id, x, G.emu(y_mm), cx, cy, graphic, "Flag"))


def xml_text(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
