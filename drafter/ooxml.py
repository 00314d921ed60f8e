"""The one OOXML namespace table of drafter: the writer and the readers both take their names here.

Every namespace URI drafter reads or writes is in ``NS`` under the prefix Word uses for it; nothing
else in drafter spells a URI.  ``qn("w:p")`` gives Clark notation, like ``docx.oxml.ns.qn``; the
prefixes python-docx does not know (wps, wpg, mc, w15, v, o …) are added to python-docx's own table by
:func:`register_with_python_docx`, so python-docx's ``qn``/``parse_xml``/``OxmlElement`` understand
them too.  This module imports only the standard library: ``drafter check`` never pays for lxml or
python-docx.
"""
from __future__ import annotations

NS: dict[str, str] = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "a14": "http://schemas.microsoft.com/office/drawing/2010/main",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    # WPS writes its own extensions (wpsCustomData) under this one
    "wpsCustomData": "http://www.wps.cn/officeDocument/2013/wpsCustomData",
}

# The content type of the main document part: a .docx's, and the ones Word gives the same part in a
# macro-enabled document (.docm) or a template (.dotx, .dotm).  python-docx opens only the first; the
# reader reads the others as it (their macros are never run: drafter reads text and formatting).
CT_DOCUMENT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_OTHER_MAINS = ("application/vnd.ms-word.document.macroEnabled.main+xml",
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
                  "application/vnd.ms-word.template.macroEnabledTemplate.main+xml")

W_NS = NS["w"]
MC_NS = NS["mc"]
R_NS = NS["r"]

# Namespaces Word 2010+ understands in mc:Choice/@Requires; a reader taking Word's branch of an
# mc:AlternateContent takes the first Choice whose every prefix is here, else the Fallback.
WORD_UNDERSTANDS = frozenset({
    NS["wps"], NS["wpg"], NS["wpc"], NS["w14"], NS["w15"], NS["wp14"], NS["a14"],
    "http://schemas.microsoft.com/office/word/2015/wordml/symex",            # w16se
    "http://schemas.microsoft.com/office/word/2016/wordml/cid",
    "http://schemas.microsoft.com/office/word/2018/wordml",
    "http://schemas.microsoft.com/office/word/2018/wordml/cex",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",       # wpi
    "http://schemas.microsoft.com/office/drawing/2014/chartex",
    "http://schemas.microsoft.com/office/drawing/2016/ink",
    "http://schemas.microsoft.com/office/drawing/2017/model3d",
})

# relationship types
RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
RT_OFFICE_DOCUMENT = RT_BASE + "officeDocument"
RT_STYLES = RT_BASE + "styles"
RT_THEME = RT_BASE + "theme"
RT_SETTINGS = RT_BASE + "settings"
RT_NUMBERING = RT_BASE + "numbering"
RT_FOOTER = RT_BASE + "footer"
RT_HEADER = RT_BASE + "header"
RT_COMMENTS = RT_BASE + "comments"
RT_FOOTNOTES = RT_BASE + "footnotes"
RT_ENDNOTES = RT_BASE + "endnotes"
RT_FONT_TABLE = RT_BASE + "fontTable"
RT_WEB_SETTINGS = RT_BASE + "webSettings"
RT_EXTENDED = RT_BASE + "extended-properties"
RT_CUSTOM_XML = RT_BASE + "customXml"
RT_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
RT_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
RT_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

# w:compatSetting/@w:uri of Word's own compatibility settings (compatibilityMode 15 = Word 2013+)
WORD_COMPAT_URI = "http://schemas.microsoft.com/office/word"

_CLARK = {prefix: "{%s}" % uri for prefix, uri in NS.items()}


def qn(tag: str) -> str:
    """``"w:p"`` -> ``"{http://…/main}p"`` (Clark notation)."""
    prefix, _, name = tag.partition(":")
    return _CLARK[prefix] + name


def w(name: str) -> str:
    """A name in the main WordprocessingML namespace: ``w("p") == qn("w:p")``."""
    return _CLARK["w"] + name


def local(el) -> str:
    """The local name of an element ("" for comments and processing instructions)."""
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def nsdecl(*prefixes: str) -> str:
    """``xmlns:w="…" xmlns:wp="…"`` for an XML fragment written as text."""
    return " ".join(f'xmlns:{p}="{NS[p]}"' for p in prefixes)


_registered = False


def register_with_python_docx() -> None:
    """Teach python-docx's namespace table every prefix in ``NS`` (it knows w, wp, a, pic, r, w14 …,
    not wps, wpg, mc, w15, v, o), so ``docx.oxml.ns.qn("wps:wsp")`` and ``docx.oxml.parse_xml`` with
    ``nsdecls("wps")`` work.  Idempotent; python-docx's own entries are never changed."""
    global _registered
    if _registered:
        return
    from docx.oxml import ns as docx_ns

    for prefix, uri in NS.items():
        docx_ns.nsmap.setdefault(prefix, uri)
        docx_ns.pfxmap.setdefault(uri, prefix)
    _registered = True


# -- reading helpers (any part of any .docx; WPS and some converters write w: attributes unqualified) --
def wattr(el, name: str, default=None):
    """A w:-namespaced attribute of ``el`` (or the unqualified one), else ``default``."""
    if el is None:
        return default
    v = el.get(_CLARK["w"] + name)
    if v is None:
        v = el.get(name)
    return default if v is None else v


def wint(el, name: str, default=None):
    """``wattr`` as an int ("nan", "inf" or garbage in a hostile file: ``default``)."""
    v = wattr(el, name)
    if v is None:
        return default
    try:
        return int(round(float(v)))
    except (ValueError, OverflowError):
        return default


def on(el, name: str = "val") -> bool | None:
    """An OOXML on/off property: present without val (or val true/1/on) is on; None when absent."""
    if el is None:
        return None
    v = wattr(el, name)
    return v is None or v.lower() in ("1", "true", "on")


def resolve_mc(root) -> None:
    """Replace every mc:AlternateContent under ``root`` with the children of the branch Word takes:
    the first mc:Choice whose required namespaces Word understands, else mc:Fallback.  A text box
    written both as DrawingML and as a VML fallback is then read once."""
    for ac in list(root.iter(_CLARK["mc"] + "AlternateContent")):
        chosen = None
        for branch in ac:
            if local(branch) == "Choice":
                req = (branch.get("Requires") or "").split()
                if all(branch.nsmap.get(p) in WORD_UNDERSTANDS for p in req):
                    chosen = branch
                    break
            elif local(branch) == "Fallback":
                chosen = branch
                break
        parent = ac.getparent()
        if parent is None:
            continue
        idx = parent.index(ac)
        parent.remove(ac)
        if chosen is not None:
            for k, child in enumerate(list(chosen)):
                parent.insert(idx + k, child)
