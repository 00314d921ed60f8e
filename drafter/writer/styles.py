"""styles.xml for a GB/T 9704 document: every paragraph on the 28.95 pt grid, explicit fonts, no themes."""
from __future__ import annotations

import functools

from .. import gbt9704 as G
from .oxml import MC_NS, W15_NS, W_NS, xml_text

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


def _rfonts(name: str, ascii_name: str | None = None) -> str:
    a = xml_text(ascii_name or name)
    n = xml_text(name)
    return f'<w:rFonts w:ascii="{a}" w:hAnsi="{a}" w:eastAsia="{n}" w:cs="{a}" w:hint="eastAsia"/>'


def _sz(pt: float) -> str:
    return f'<w:sz w:val="{round(pt * 2)}"/><w:szCs w:val="{round(pt * 2)}"/>'


def _style(sid: str, name: str, ppr: str = "", rpr: str = "", based: str | None = NORMAL, extra: str = "") -> str:
    b = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>{b}'
            f'<w:qFormat/>{extra}<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')


# Punctuation must not hang past the 版心's right edge (x1 ≤ 184 mm).  Word and WPS read
# overflowPunct=0 as "no hanging"; LibreOffice (7.4 and later, writerfilter DomainMapper) reads it
# inverted.  Markup Compatibility gives each its value: Word understands w15 and takes the Choice,
# LibreOffice's writerfilter understands only wps/wpg/w14/wpc and takes the Fallback.
NO_HANGING_PUNCTUATION = ('<mc:AlternateContent><mc:Choice Requires="w15"><w:overflowPunct w:val="0"/></mc:Choice>'
                          '<mc:Fallback><w:overflowPunct w:val="1"/></mc:Fallback></mc:AlternateContent>')


@functools.lru_cache(maxsize=32)
def styles_xml(body: str, latin: str, hei: str, kai: str, title: str, song: str, level3_bold: bool) -> str:
    grid = f'<w:spacing w:before="0" w:after="0" w:line="{G.LINE_PITCH}" w:lineRule="exact"/>'
    # pPr children in schema order: keepNext, widowControl, kinsoku, overflowPunct, autoSpaceDE/DN, spacing, ind, jc
    normal_ppr = (f'<w:widowControl w:val="0"/><w:kinsoku/>{NO_HANGING_PUNCTUATION}'
                  '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
                  f'{grid}<w:ind w:firstLine="{G.FIRST_LINE_INDENT}"/><w:jc w:val="both"/>')
    normal_rpr = (f'{_rfonts(body, latin)}<w:spacing w:val="{G.CHAR_SPACING}"/>{_sz(G.SIZE_3HAO)}'
                  '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>')
    no_indent = '<w:ind w:firstLine="0"/>'
    bold = "<w:b/><w:bCs/>" if level3_bold else ""
    styles = [
        (f'<w:style w:type="paragraph" w:default="1" w:styleId="{NORMAL}"><w:name w:val="Normal"/><w:qFormat/>'
         f'<w:pPr>{normal_ppr}</w:pPr><w:rPr>{normal_rpr}</w:rPr></w:style>'),
        _style(TITLE, "公文标题", f'<w:keepNext/><w:snapToGrid w:val="0"/>{no_indent}<w:jc w:val="center"/>',
               f'{_rfonts(title)}<w:spacing w:val="0"/>{_sz(G.SIZE_2HAO)}'),
        _style(ADDRESSEE, "主送机关", no_indent),
        _style(HEADINGS[1], "一级标题", "<w:keepNext/>", _rfonts(hei)),
        _style(HEADINGS[2], "二级标题", "<w:keepNext/>", _rfonts(kai)),
        _style(HEADINGS[3], "三级标题", "<w:keepNext/>", f"{_rfonts(body, latin)}{bold}"),
        _style(HEADINGS[4], "四级标题", "<w:keepNext/>", _rfonts(body, latin)),
        _style(PLAIN, "无缩进", no_indent),
        _style(SIGNATURE, "署名和日期", f'{no_indent}<w:jc w:val="right"/>'),
        _style(NOTE, "附注", ""),
        _style(COLOPHON, "版记", f'{no_indent}<w:jc w:val="left"/>',
               f'<w:spacing w:val="0"/>{_sz(G.SIZE_4HAO)}'),
        _style(FOOTER, "页码", f'<w:spacing w:before="0" w:after="0" w:line="{round(G.PAGE_NUMBER_SIZE_PT * 20)}" '
                               f'w:lineRule="exact"/>{no_indent}',
               f'{_rfonts(song)}<w:spacing w:val="0"/>{_sz(G.PAGE_NUMBER_SIZE_PT)}'),
    ]
    table = ('<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
             '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
             '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
             '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W_NS}" xmlns:mc="{MC_NS}" xmlns:w15="{W15_NS}">'
            f'<w:docDefaults><w:rPrDefault><w:rPr>{_rfonts(body, latin)}{_sz(G.SIZE_3HAO)}'
            f'<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
            f'<w:pPrDefault><w:pPr>{grid}</w:pPr></w:pPrDefault></w:docDefaults>'
            + "".join(styles) + table + "</w:styles>")
