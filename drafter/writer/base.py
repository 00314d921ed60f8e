"""drafter's base package: the empty .docx every rendered document is opened from.

    python -m drafter.writer.base            # rebuilds drafter/data/base.docx

It is python-docx's own default document made lean with python-docx: drafter's styles only
(``styles.define_styles``), no theme (WPS reports theme fonts as missing), no thumbnail, no
numbering, web settings, custom XML or styles-with-effects, a fontTable that names the CJK fonts as
Chinese ones, settings for odd and even page footers, and core properties that say nothing of the
software ("python-docx" appears nowhere).  The rendered document's parts are this package's, changed
through python-docx; tests/test_writer_api.py fails when the file here is not what this script builds.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent / "data" / "base.docx"

# the fonts a Chinese document names; charset 86 (GB2312) makes Word and WPS substitute a missing one
# by another Chinese font, not by a Western one
CJK_FONTS = ("仿宋_GB2312", "黑体", "楷体_GB2312", "方正小标宋简体", "宋体")


def _font_table(names) -> bytes:
    from lxml import etree

    from ..ooxml import NS

    root = etree.Element(f"{{{NS['w']}}}fonts", nsmap={"w": NS["w"]})
    for n in dict.fromkeys(names):
        font = etree.SubElement(root, f"{{{NS['w']}}}font", {f"{{{NS['w']}}}name": n})
        for tag, val in (("charset", "86"), ("family", "auto"), ("pitch", "variable")):
            etree.SubElement(font, f"{{{NS['w']}}}{tag}", {f"{{{NS['w']}}}val": val})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app() -> bytes:
    from lxml import etree

    from ..ooxml import NS

    root = etree.Element(f"{{{NS['ep']}}}Properties", nsmap={None: NS["ep"]})
    etree.SubElement(root, f"{{{NS['ep']}}}Template").text = "Normal.dotm"
    etree.SubElement(root, f"{{{NS['ep']}}}DocSecurity").text = "0"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def build():
    """The base document (a ``docx.Document``), built from python-docx's default one."""
    import datetime as dt

    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml.ns import qn

    from .. import ooxml as O
    from . import oxml as X
    from .styles import define_styles

    d = docx.Document()
    pkg, main = d.part.package, d.part
    # parts drafter does not use: theme, numbering, web settings, custom XML, stylesWithEffects, the
    # fontTable (replaced below); the thumbnail and python-docx's extended properties (replaced)
    drop = {O.RT_THEME, O.RT_NUMBERING, O.RT_WEB_SETTINGS, O.RT_FONT_TABLE, O.RT_CUSTOM_XML,
            O.RT_STYLES_WITH_EFFECTS}
    for rid, rel in list(main.rels.items()):
        if rel.reltype in drop:
            del main.rels[rid]
    for rid, rel in list(pkg.rels.items()):
        if rel.reltype in (O.RT_THUMBNAIL, O.RT_EXTENDED):
            del pkg.rels[rid]
    main.relate_to(Part(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, _font_table(CJK_FONTS), pkg),
                   O.RT_FONT_TABLE)
    pkg.relate_to(Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, _app(), pkg), O.RT_EXTENDED)

    define_styles(d)

    # settings: §7.5 odd and even pages numbered on opposite sides (Word needs evenAndOddHeaders to use
    # the even footer); Chinese as the East Asian language; nothing of the Mac template's
    settings = d.settings.element
    for child in list(settings):
        settings.remove(child)
    settings.append(X.w_el("w:zoom", percent=100))
    d.settings.odd_and_even_pages_header_footer = True
    settings.append(X.w_el("w:defaultTabStop", val=420))
    settings.append(X.w_el("w:characterSpacingControl", val="doNotCompress"))
    compat = X.w_el("w:compat")
    compat.append(X.w_el("w:useFELayout"))
    compat.append(X.w_el("w:compatSetting", name="compatibilityMode", uri=O.WORD_COMPAT_URI, val=15))
    settings.append(compat)
    settings.append(X.w_el("w:themeFontLang", val="en-US", eastAsia="zh-CN"))
    settings.append(X.w_el("w:decimalSymbol", val="."))
    settings.append(X.w_el("w:listSeparator", val=","))
    for attr in list(settings.attrib):            # mc:Ignorable named prefixes no longer used
        if attr == qn("mc:Ignorable"):
            del settings.attrib[attr]

    # an empty body on a GB/T 9704 page (each render sets its sections again)
    body = d.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    from .docx_writer import page_setup

    sectPr = d.sections[0]._sectPr
    for attr in list(sectPr.attrib):               # the template's revision ids
        del sectPr.attrib[attr]
    page_setup(d.sections[0])

    cp = d.core_properties
    cp.author = cp.comments = cp.last_modified_by = cp.title = cp.subject = cp.keywords = cp.category = ""
    cp.revision = 1
    cp.created = cp.modified = dt.datetime(2024, 1, 1)
    return d


def build_bytes() -> bytes:
    buf = io.BytesIO()
    build().save(buf)
    return buf.getvalue()


def main(argv=None) -> int:
    out = Path(argv[0]) if argv else BASE
    out.write_bytes(build_bytes())
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
