"""The paragraph styles of a GB/T 9704 document: every paragraph on the 28.95 pt grid, fonts by name.

``define_styles`` builds them, through python-docx's style API, into the base package
(``python -m drafter.writer.base``); ``apply_fonts`` gives them the fonts a report names (fonts are
settings: 格式.字体 and drafter.toml) when it is rendered.  The importer and the inspector know
drafter's files by these style ids.
"""
from __future__ import annotations

from .. import gbt9704 as G

# style ids used by the writer (and recognised by the importer and the inspector)
NORMAL = "Normal"
TITLE = "GWTitle"
ADDRESSEE = "GWAddressee"
HEADINGS = {1: "GWHeading1", 2: "GWHeading2", 3: "GWHeading3", 4: "GWHeading4"}
PLAIN = "GWPlain"            # no first-line indent: blank lines, letterhead lines, signature
SIGNATURE = "GWSignature"
NOTE = "GWNote"
COLOPHON = "GWColophon"
FOOTER = "Footer"
TABLE_TITLE = "GWTableTitle"        # a table's title, centred above it
TABLE_TEXT = "GWTableText"          # the text in a table's cells
TABLE_NOTE = "GWTableNote"          # a table's 说明, under it
ATTACHMENT_LABEL = "GWAttachmentLabel"   # “附件1” on the first line of an 附件's first page (§7.3.7)
ATTACHMENT_TITLE = "GWAttachmentTitle"   # the 附件's title, centred on its third line

# id -> the name Word and WPS show (LibreOffice keeps the names when it renumbers the ids)
STYLE_NAMES = {
    NORMAL: "Normal", TITLE: "公文标题", ADDRESSEE: "主送机关", HEADINGS[1]: "一级标题", HEADINGS[2]: "二级标题",
    HEADINGS[3]: "三级标题", HEADINGS[4]: "四级标题", PLAIN: "无缩进", SIGNATURE: "署名和日期", NOTE: "附注",
    COLOPHON: "版记", FOOTER: "页码", TABLE_TITLE: "表格标题", TABLE_TEXT: "表格文字", TABLE_NOTE: "表格说明",
    ATTACHMENT_LABEL: "附件标识", ATTACHMENT_TITLE: "附件标题",
}

# font role of each style's runs: (east-Asian role, Latin role or None for the same font)
STYLE_FONTS = {
    NORMAL: ("body", "latin"), TITLE: ("title", None), HEADINGS[1]: ("h1", None), HEADINGS[2]: ("h2", None),
    HEADINGS[3]: ("body", "latin"), HEADINGS[4]: ("body", "latin"), COLOPHON: ("body", "latin"),
    FOOTER: ("song", None), TABLE_TITLE: ("h1", None), TABLE_TEXT: ("body", "latin"), TABLE_NOTE: ("body", "latin"),
    ATTACHMENT_LABEL: ("h1", None), ATTACHMENT_TITLE: ("title", None),
}

# the fonts the base package is built with (model.Fonts' defaults)
DEFAULT_FONTS = {"body": "仿宋_GB2312", "h1": "黑体", "h2": "楷体_GB2312", "title": "方正小标宋简体",
                 "song": "宋体", "latin": "Times New Roman"}


def font_names(fonts: dict, sid: str) -> tuple[str, str]:
    east, latin = STYLE_FONTS[sid]
    return fonts[east], fonts[latin] if latin else fonts[east]


def define_styles(document) -> None:
    """drafter's styles, replacing whatever ``document`` had (the base package's build)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt, Twips

    from ..ooxml import nsdecl
    from . import oxml as X

    styles = document.styles
    root = styles.element
    for child in list(root):
        root.remove(child)
    f = DEFAULT_FONTS
    # docDefaults: every paragraph on the grid, 3号, fonts named (no theme fonts anywhere)
    defaults = parse_xml(
        f'<w:docDefaults {nsdecl("w")}><w:rPrDefault><w:rPr/></w:rPrDefault><w:pPrDefault><w:pPr>'
        f'<w:spacing w:before="0" w:after="0" w:line="{G.LINE_PITCH}" w:lineRule="exact"/></w:pPr></w:pPrDefault>'
        f'</w:docDefaults>')
    root.append(defaults)
    rpr = defaults[0][0]
    X.set_fonts(rpr, f["body"], f["latin"])
    rpr.append(X.w_el("w:sz", val=round(G.SIZE_3HAO * 2)))
    rpr.append(X.w_el("w:szCs", val=round(G.SIZE_3HAO * 2)))
    X.set_lang(rpr)

    def grid(pf) -> None:
        pf.space_before = pf.space_after = 0
        pf.line_spacing = Twips(G.LINE_PITCH)

    normal = styles.add_style(STYLE_NAMES[NORMAL], WD_STYLE_TYPE.PARAGRAPH)
    normal.style_id = NORMAL
    normal.element.set(X.qn("w:default"), "1")
    normal.element.customStyle = None
    normal.quick_style = True
    pf = normal.paragraph_format
    pf.widow_control = False
    ppr = normal.element.get_or_add_pPr()
    X.set_ppr_flag(ppr, "w:kinsoku")
    # 允许西文在单词中间换行 (Word and WPS 公文 templates): a run that may not be broken, “（2021—2025年）”
    # or “97.2%。”, no longer moves whole to the next line and leaves the line above stretched wide
    X.set_ppr_flag(ppr, "w:wordWrap", 0)
    X.no_hanging_punctuation(ppr)
    # Latin and CJK are not spaced apart automatically: the 28 字 a line and the dates' widths rely on it
    X.set_ppr_flag(ppr, "w:autoSpaceDE", 0)
    X.set_ppr_flag(ppr, "w:autoSpaceDN", 0)
    grid(pf)
    pf.first_line_indent = Twips(G.FIRST_LINE_INDENT)
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    nrpr = normal.element.get_or_add_rPr()
    X.set_fonts(nrpr, f["body"], f["latin"])
    X.set_char_spacing(nrpr, G.CHAR_SPACING)
    normal.font.size = Pt(G.SIZE_3HAO)
    X.set_cs_size(nrpr, G.SIZE_3HAO)
    X.set_lang(nrpr)

    def style(sid: str, *, keep_next=False, indent0=True, align=None, size=None, spacing=None, bold=False,
              snap=True, exact_line=None):
        s = styles.add_style(STYLE_NAMES[sid], WD_STYLE_TYPE.PARAGRAPH)
        s.style_id = sid
        s.base_style = normal
        s.quick_style = True
        pf = s.paragraph_format
        if keep_next:
            pf.keep_with_next = True
        if not snap:
            X.no_snap_to_grid(s.element.get_or_add_pPr())
        if exact_line is not None:
            pf.space_before = pf.space_after = 0
            pf.line_spacing = Twips(exact_line)
        if indent0:
            pf.first_line_indent = Twips(0)
        if align is not None:
            pf.alignment = align
        if sid in STYLE_FONTS:
            X.set_fonts(s.element.get_or_add_rPr(), *font_names(f, sid))
        if bold:
            s.font.bold = True
            s.element.rPr.get_or_add_bCs()
        if spacing is not None:
            X.set_char_spacing(s.element.get_or_add_rPr(), spacing)
        if size is not None:
            s.font.size = Pt(size)
            X.set_cs_size(s.element.rPr, size)
        return s

    C, R, L = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT
    style(TITLE, keep_next=True, snap=False, align=C, spacing=0, size=G.SIZE_2HAO)
    style(ADDRESSEE)
    for level in (1, 2, 3, 4):
        style(HEADINGS[level], keep_next=True, indent0=False)
    style(PLAIN)
    style(SIGNATURE, align=R)
    style(NOTE, indent0=False)
    style(COLOPHON, align=L, spacing=0, size=G.SIZE_4HAO)
    style(FOOTER, exact_line=round(G.PAGE_NUMBER_SIZE_PT * G.TWIPS_PER_PT), spacing=0, size=G.PAGE_NUMBER_SIZE_PT)
    # tables (GB/T 9704 is silent; 公文 practice): title 黑体 3号 centred, kept with its table; cells and
    # 说明 仿宋 in the table's size (4号 by default), off the page's line grid (the rows set their height)
    style(TABLE_TITLE, keep_next=True, align=C)
    style(TABLE_TEXT, snap=False, spacing=0, size=G.TABLE_SIZE_PT,
          exact_line=round(G.TABLE_SIZE_PT * G.TABLE_LINE_EM * G.TWIPS_PER_PT))
    style(TABLE_NOTE, snap=False, spacing=0, size=G.TABLE_SIZE_PT,
          exact_line=round(G.TABLE_SIZE_PT * G.TABLE_LINE_EM * G.TWIPS_PER_PT))
    # §7.3.7: “附件” and its number 3号黑体 flush left on the 版心's first line; the title 2号小标宋 centred
    style(ATTACHMENT_LABEL, keep_next=True, align=L, spacing=0)
    style(ATTACHMENT_TITLE, keep_next=True, snap=False, align=C, spacing=0, size=G.SIZE_2HAO)
    # the default table style: no cell margins of its own (drafter's tables set theirs)
    root.append(parse_xml(
        f'<w:style {nsdecl("w")} w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'))


def apply_fonts(document, fonts: dict, level3_bold: bool) -> None:
    """Give the styles the report's fonts (``fonts``: role -> name, as blocks.Document.fonts) and the
    三级标题's weight; a style already right is left alone."""
    from . import oxml as X
    from docx.oxml.ns import qn

    styles = document.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    want = {k: fonts[k] for k in DEFAULT_FONTS}
    for sid in STYLE_FONTS:
        el = by_id.get(sid)
        if el is None:
            continue
        east, latin = font_names(want, sid)
        rf = el.rPr.rFonts if el.rPr is not None else None
        if rf is None or rf.get(qn("w:eastAsia")) != east or rf.get(qn("w:ascii")) != latin:
            X.set_fonts(el.get_or_add_rPr(), east, latin)
    rf = styles.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    if rf.get(qn("w:eastAsia")) != want["body"] or rf.get(qn("w:ascii")) != want["latin"]:
        X.set_fonts(rf.getparent(), want["body"], want["latin"])
    h3 = by_id[HEADINGS[3]].get_or_add_rPr()
    if level3_bold and h3.b is None:
        h3.get_or_add_b()
        h3.get_or_add_bCs()
    elif not level3_bold and h3.b is not None:
        h3._remove_b()
        h3._remove_bCs()
