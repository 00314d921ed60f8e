"""The OPC package of a GB/T 9704 document: parts, relationships, content types.

The writer needs a handful of fixed parts; they are written here directly rather than by opening
python-docx's template in every process (importing python-docx alone costs ~40 ms of the 0.25 s a
``drafter render`` may take).  The result is an ordinary .docx: python-docx, Word, WPS and
LibreOffice read it, and the tests read every rendered file back with python-docx.
"""
from __future__ import annotations

import datetime as _dt
import zipfile

from lxml import etree

from .oxml import MC_NS, R_NS, W14_NS, W15_NS, W_NS, WP_NS, A_NS, WPS_NS, xml_text

PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# namespaces declared on document.xml and the footers (mc:Ignorable lets old Word skip w14)
ROOT_NS = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:wp="{WP_NS}" xmlns:a="{A_NS}" xmlns:wps="{WPS_NS}" '
           f'xmlns:mc="{MC_NS}" xmlns:w14="{W14_NS}" xmlns:w15="{W15_NS}" mc:Ignorable="w14 w15"')

FOOTERS = {"default": "footer1.xml", "even": "footer2.xml", "first": "footer3.xml"}


def footers(letter: bool) -> list[tuple[str, str, str]]:
    """(footer type, r:id, part name) of the footers a document has: odd and even pages (§7.5), and
    page 1 of a 信函 (§10.1, left empty)."""
    kinds = ["default", "even"] + (["first"] if letter else [])
    return [(k, f"rIdFooter{n}", FOOTERS[k]) for n, k in enumerate(kinds, 1)]


def part_xml(root) -> bytes:
    """An lxml part root as the part's bytes, with the XML declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _rels(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{x}"/>' for i, t, x in rels)
    return f'{DECL}<Relationships xmlns="{PKG_REL}">{body}</Relationships>'


def content_types(letter: bool) -> str:
    over = [("/word/document.xml", CT + "document.main+xml"), ("/word/styles.xml", CT + "styles+xml"),
            ("/word/settings.xml", CT + "settings+xml"), ("/word/fontTable.xml", CT + "fontTable+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    over += [(f"/word/{part}", CT + "footer+xml") for _, _, part in footers(letter)]
    body = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in over)
    return (f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{body}</Types>')


def footer_refs(letter: bool) -> str:
    """The sectPr's footer references (r:ids fixed by ``document_rels``)."""
    return "".join(f'<w:footerReference w:type="{t}" r:id="{i}"/>' for t, i, _ in footers(letter))


def document_rels(letter: bool) -> str:
    rels = [("rIdStyles", RT + "styles", "styles.xml"), ("rIdSettings", RT + "settings", "settings.xml"),
            ("rIdFontTable", RT + "fontTable", "fontTable.xml")]
    return _rels(rels + [(i, RT + "footer", part) for _, i, part in footers(letter)])


PACKAGE_RELS = _rels([
    ("rId1", RT + "officeDocument", "word/document.xml"),
    ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
     "docProps/core.xml"),
    ("rId3", RT + "extended-properties", "docProps/app.xml"),
])

# §7.5: odd pages right, even pages left — Word needs evenAndOddHeaders to use the even footer.
SETTINGS = (f'{DECL}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/><w:evenAndOddHeaders/>'
            '<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:useFELayout/><w:compatSetting w:name="compatibilityMode" '
            'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
            '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/>'
            '<w:listSeparator w:val=","/></w:settings>')

APP = (f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
       'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
       '<Template>Normal.dotm</Template><DocSecurity>0</DocSecurity></Properties>')


def font_table(names: list[str]) -> str:
    """Declares the CJK fonts as GB2312 (charset 86) so Word/WPS substitute within Chinese fonts."""
    body = "".join(f'<w:font w:name="{xml_text(n)}"><w:charset w:val="86"/><w:family w:val="auto"/>'
                   f'<w:pitch w:val="variable"/></w:font>' for n in dict.fromkeys(names))
    return f'{DECL}<w:fonts xmlns:w="{W_NS}">{body}</w:fonts>'


def core(title: str, author: str, when: _dt.datetime) -> str:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{xml_text(title)}</dc:title><dc:creator>{xml_text(author)}</dc:creator>'
            f'<cp:revision>1</cp:revision>'
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>')


def write_package(stream, parts: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, data in parts.items():
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
