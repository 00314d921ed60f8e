"""How Word and WPS Office write a .docx: the package, parts and XML of each, for the test corpus.

Used by ``build_corpus.py`` (issue #17).  Standard library only.  This module reproduces what the
two programs write, byte for byte where it matters to a reader (namespace declarations, attribute
order, run splitting, style ids, fallbacks), so it spells the namespace URIs exactly as they do; it
does not import drafter (the corpus must not change when drafter's own namespace table changes).

What each dialect is modelled on (read with the repository tools; nothing is copied verbatim):

* WPS Office 2019 (11.1.0.11636): the unzipped WPS document in
  xunmaw001/Epidemic-Information-Management-System@94a05c45037f2308b00a27f893445b8337eab764 (Apache-2.0):
  ``[Content_Types].xml`` (Default before Override, customXml itemProps first), ``_rels/.rels``
  (rId4 officeDocument, rId2 core, rId1 app, rId3 custom), ``docProps/app.xml``
  (``<Application>WPS Office_11.1.0.11636_F1E327BC-…</Application>``), ``docProps/custom.xml``
  (``KSOProductBuildVer`` 2052-11.1.0.11636, ``ICV``), ``customXml/item1.xml`` (``s:customData`` in
  the ``wpsCustomData`` namespace), ``word/settings.xml`` (no rsids in paragraphs, ``w:compat`` with
  ``compatibilityMode`` 14, ``w:docVars`` ``commondata``), ``word/styles.xml`` (numeric style ids:
  Normal ``1``, footer ``7`` …; ``w:hint`` written first in ``w:rFonts``; ``w:lang w:val="en-US"
  w:eastAsia="zh-CN"`` on every run), ``word/footer1.xml`` (the page number in a text box:
  ``mc:AlternateContent`` with a ``wps:wsp`` text box in ``mc:Choice Requires="wps"`` and a
  ``v:shape o:spt="202"`` with ``v:textbox inset="0mm,0mm,0mm,0mm"`` in ``mc:Fallback``, ``PAGE  \\*
  MERGEFORMAT``).  WPS 2016 (10.1) writes the Fallback branch alone (VML only).
* Microsoft Word 2013–365, zh-CN: SwanWoo/graduation_project_SSPU@7c49c31fbed00851737d87b5329eca1b633eb0c0
  (MIT; ``word/settings.xml`` with ``compatibilityMode`` 15, ``w:rsids``, ``w15:docId``;
  ``word/styles.xml`` with zh-CN style ids ``a``, ``a0`` …, ``w:rFonts`` attributes in Word's order
  ascii, eastAsia, hAnsi, cs; ``docProps/app.xml`` ``<Application>Microsoft Office Word</Application>``)
  and esoterictemplates/template-word-document-repository@0343db05cb67a99f872b97694dca5f2db5a1c4ee
  (``word/document.xml`` of Word 365: the w16* namespace declarations and
  ``mc:Ignorable="w14 w15 w16se w16cid w16 w16cex w16sdtdh w16du wp14"``; paragraph attributes in the
  order ``w14:paraId w14:textId w:rsidR w:rsidRDefault w:rsidP``).
* Lines and compound lines: ECMA-376 Part 1 §20.1.2.2.24 (``a:ln`` ``cmpd`` = ``sng dbl thickThin
  thinThick tri``), Part 4 §19.1.2.21 (VML ``v:stroke linestyle`` = ``single thinThin thinThick
  thickThin thickBetweenThin``); a line drawn in Word is ``wps:wsp`` with ``wps:cNvCnPr`` and
  ``a:prstGeom prst="line"``, its Fallback a ``v:line`` with ``from``/``to``.
"""
from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

# --- namespaces, exactly as the programs declare them -------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."
A = "http://schemas.openxmlformats.org/drawingml/2006/main"

WORD365_DOC_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" '
    'xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" '
    'xmlns:cx2="http://schemas.microsoft.com/office/drawing/2015/10/21/chartex" '
    'xmlns:cx3="http://schemas.microsoft.com/office/drawing/2016/5/9/chartex" '
    'xmlns:cx4="http://schemas.microsoft.com/office/drawing/2016/5/10/chartex" '
    'xmlns:cx5="http://schemas.microsoft.com/office/drawing/2016/5/11/chartex" '
    'xmlns:cx6="http://schemas.microsoft.com/office/drawing/2016/5/12/chartex" '
    'xmlns:cx7="http://schemas.microsoft.com/office/drawing/2016/5/13/chartex" '
    'xmlns:cx8="http://schemas.microsoft.com/office/drawing/2016/5/14/chartex" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:aink="http://schemas.microsoft.com/office/drawing/2016/ink" '
    'xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:oel="http://schemas.microsoft.com/office/2019/extlst" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex" '
    'xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" '
    'xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml" '
    'xmlns:w16du="http://schemas.microsoft.com/office/word/2023/wordml/word16du" '
    'xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash" '
    'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 w15 w16se w16cid w16 w16cex w16sdtdh w16du wp14"')
# Word 2016 (16.0, before the 2018+ w16* additions)
WORD2016_DOC_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'mc:Ignorable="w14 w15 w16se wp14"')
WPS_DOC_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
    'mc:Ignorable="w14 w15 wp14"')
WPS_SETTINGS_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" '
    'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" mc:Ignorable="w14"')
WORD_SETTINGS_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
    'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" '
    'xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" mc:Ignorable="w14 w15 w16se"')
STYLES_NS_WORD = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
                  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" '
                  'xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex" '
                  'mc:Ignorable="w14 w15 w16se"')
STYLES_NS_WPS = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                 'xmlns:o="urn:schemas-microsoft-com:office:office" '
                 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
                 'xmlns:v="urn:schemas-microsoft-com:vml" '
                 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
                 'xmlns:w10="urn:schemas-microsoft-com:office:word" '
                 'xmlns:sl="http://schemas.openxmlformats.org/schemaLibrary/2006/main" '
                 'xmlns:wpsCustomData="http://www.wps.cn/officeDocument/2013/wpsCustomData" mc:Ignorable="w14"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

MM_EMU = 36000
TWIP_EMU = 635

FS, XBS, HT, KT, ST = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"
TNR = "Times New Roman"
RED = "FF0000"


def esc(s: str) -> str:
    return escape(s, {'"': "&quot;"})


def pt_str(v: float) -> str:
    """A VML length in points as Word prints it (≤ 2 decimals, no trailing zeros)."""
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return s + "pt"


# --- the document model the content functions fill in --------------------------------------------------
@dataclass
class Run:
    text: str
    font: str = FS                  # the eastAsia font
    latin: str | None = TNR         # ascii/hAnsi font; None: the eastAsia font for all four
    size: int = 32                  # half-points
    bold: bool = False
    color: str | None = None
    scale: int | None = None        # w:w, character scale in %
    spacing: int | None = None      # w:spacing, twentieths of a point
    field: str | None = None        # "PAGE": a field whose result is ``text``
    no_proof: bool = False
    rstyle: str | None = None       # a character style; with size 0 the run carries nothing else


@dataclass
class Line:
    """A drawn line (DrawingML connector with a VML fallback, or VML only).  x, y in mm from the page's
    top-left corner (rel "page") or offsets from the anchor's column/paragraph."""
    x: float
    y: float
    length: float
    width_pt: float
    color: str = RED
    cmpd: str | None = None         # thickThin | thinThick (one shape drawing Word's double line)
    rel_h: str = "page"
    rel_v: str = "page"
    name: str = "直接连接符"


@dataclass
class Group:
    """Lines grouped into one shape (wpg:wgp; VML v:group)."""
    x: float
    y: float
    lines: list                     # Line with x, y relative to the group's top-left corner
    rel_h: str = "page"
    rel_v: str = "page"


@dataclass
class TextBox:
    x: float | None                 # mm; None: aligned (align_h)
    y: float
    w: float
    h: float
    paras: list
    rel_h: str = "page"
    rel_v: str = "page"
    align_h: str | None = None      # left | right | center | outside (instead of x)
    autofit: bool = False           # WPS's page-number box: wrap none, spAutoFit, 144 pt placeholder size
    name: str = "文本框"


@dataclass
class Para:
    runs: list = field(default_factory=list)
    jc: str | None = None
    first: int | None = None        # first-line indent, twips (negative: hanging)
    first_chars: int | None = None  # in 1/100 字 (200 = 2 字)
    left: int | None = None
    left_chars: int | None = None
    right: int | None = None
    right_chars: int | None = None
    line: int | None = None
    rule: str = "exact"
    before: int | None = None
    after: int | None = None
    style: str = "body"             # body | footer | header
    shapes: list = field(default_factory=list)
    sect: "Section | None" = None   # the section that ends with this paragraph
    page_break_before: bool = False
    num: tuple | None = None        # (numId, ilvl)
    border_bottom: tuple | None = None   # (val, sz, color, space)
    frame: dict | None = None       # w:framePr attributes
    tabs: list = field(default_factory=list)   # (val, pos)
    keep_next: bool = False
    snap: bool | None = None
    mark: Run | None = None         # paragraph mark run properties (default: the first run's)
    sdt_page_numbers: bool = False  # Word: wrapped in a "Page Numbers (Bottom of Page)" building block

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Section:
    footers: dict = field(default_factory=dict)      # default | even | first -> list[Para]
    headers: dict = field(default_factory=dict)
    title_pg: bool = False
    grid: str | None = "lines"
    line_pitch: int = 579
    char_space: int | None = None
    top: int = 2098
    right: int = 1474
    bottom: int = 1984
    left: int = 1588
    header: int = 851
    footer: int = 1417
    page_w: int = 11906
    page_h: int = 16838
    pg_num_fmt: str | None = None   # w:pgNumType w:fmt, e.g. numberInDash (Word's "- 1 -")


@dataclass
class Meta:
    creator: str = "Administrator"
    last: str = "Administrator"
    created: str = "2025-01-06T08:21:00Z"
    modified: str = "2025-01-08T02:47:00Z"
    revision: int = 3
    title: str | None = None
    company: str | None = None
    total_time: int = 45
    pages: int = 2


@dataclass
class Doc:
    name: str
    body: list
    final: Section
    even_odd: bool = True
    meta: Meta = field(default_factory=Meta)
    normal_font: str | None = None  # Normal style's eastAsia font (a 公文 template) or None (program default)
    normal_size: int | None = None
    numbering: list | None = None   # abstract numbering definitions (see numbering_xml)
    custom_styles: list = field(default_factory=list)   # raw w:style XML (dialect-specific ids)
    header_no_border: bool = False  # the 页眉 style's bottom border removed (公文 templates do)
    mirror_margins: bool = False    # settings: w:mirrorMargins


# --- text helpers ----------------------------------------------------------------------------------------
_AMBIGUOUS_CJK = set("—…“”‘’·※№")


def is_cjk_char(ch: str) -> bool:
    o = ord(ch)
    return ch in _AMBIGUOUS_CJK or o >= 0x2E80 or 0x2000 <= o <= 0x206F and ch not in " "


def script_chunks(text: str) -> list[tuple[bool, str]]:
    """Split at CJK/Latin boundaries, the way an IME-switching typist produces runs."""
    out: list[list] = []
    for ch in text:
        if ch in "\n\t":
            cjk = out[-1][0] if out else True
        elif ch == " ":
            cjk = out[-1][0] if out else False
        else:
            cjk = is_cjk_char(ch)
        if out and out[-1][0] == cjk:
            out[-1][1] += ch
        else:
            out.append([cjk, ch])
    return [(c, t) for c, t in out]


class Ids:
    """Deterministic 8-hex ids (paraId, rsid) for one document."""

    def __init__(self, seed: str):
        self.seed = seed
        self.n = 0

    def next(self, limit: int = 0x7FFFFFFF) -> str:
        self.n += 1
        h = int(hashlib.sha256(f"{self.seed}:{self.n}".encode()).hexdigest()[:8], 16)
        return f"{h % limit:08X}"


def t_xml(text: str) -> str:
    """Text of one run: w:t pieces with w:br and w:tab between them ("\f": a page break, Ctrl+Enter)."""
    out = []
    buf = ""
    for ch in text:
        if ch in "\n\t\f":
            if buf:
                out.append(_t(buf))
                buf = ""
            out.append({"\n": "<w:br/>", "\t": "<w:tab/>", "\f": '<w:br w:type="page"/>'}[ch])
        else:
            buf += ch
    if buf:
        out.append(_t(buf))
    return "".join(out)


def _t(s: str) -> str:
    sp = ' xml:space="preserve"' if s != s.strip(" ") or "  " in s else ""
    return f"<w:t{sp}>{esc(s)}</w:t>"


# --- the package -----------------------------------------------------------------------------------------
ZIP_DATE = (1980, 1, 1, 0, 0, 0)     # Word and WPS both write 1980-01-01 00:00 into every entry


def zip_parts(parts: dict[str, bytes], order: list[str]) -> bytes:
    """The .docx bytes: entries in the given order (the program's own), fixed dates, deflated."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in order:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            z.writestr(info, parts[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return buf.getvalue()


def rels_xml(rels: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{esc(tg)}"/>' for i, t, tg in rels)
    return f'{DECL}<Relationships xmlns="{PKG_REL}">{body}</Relationships>'


def theme_xml(name: str, major_latin: str, minor_latin: str, hans_major: str, hans_minor: str) -> str:
    """An Office theme (colour scheme, font scheme, the three-of-each format scheme the schema wants)."""
    clr = ('<a:clrScheme name="Office"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
           '<a:lt1><a:sysClr val="window" lastClr="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="44546A"/></a:dk2>'
           '<a:lt2><a:srgbClr val="E7E6E6"/></a:lt2><a:accent1><a:srgbClr val="4472C4"/></a:accent1>'
           '<a:accent2><a:srgbClr val="ED7D31"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3>'
           '<a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5>'
           '<a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink>'
           '<a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme>')

    def font(latin, hans):
        return (f'<a:latin typeface="{esc(latin)}" panose="020F0302020204030204"/><a:ea typeface=""/>'
                f'<a:cs typeface=""/><a:font script="Jpan" typeface="游ゴシック Light"/>'
                f'<a:font script="Hang" typeface="맑은 고딕"/><a:font script="Hans" typeface="{esc(hans)}"/>'
                f'<a:font script="Hant" typeface="新細明體"/><a:font script="Arab" typeface="Times New Roman"/>'
                f'<a:font script="Hebr" typeface="Times New Roman"/><a:font script="Thai" typeface="Angsana New"/>')
    fonts = (f'<a:fontScheme name="Office"><a:majorFont>{font(major_latin, hans_major)}</a:majorFont>'
             f'<a:minorFont>{font(minor_latin, hans_minor)}</a:minorFont></a:fontScheme>')
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    fmt = ('<a:fmtScheme name="Office"><a:fillStyleLst>' + fill * 3 + '</a:fillStyleLst><a:lnStyleLst>'
           + "".join(f'<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">{fill}<a:prstDash val="solid"/>'
                     f'<a:miter lim="800000"/></a:ln>' for w in (6350, 12700, 19050))
           + '</a:lnStyleLst><a:effectStyleLst>' + '<a:effectStyle><a:effectLst/></a:effectStyle>' * 3
           + '</a:effectStyleLst><a:bgFillStyleLst>' + fill * 3 + '</a:bgFillStyleLst></a:fmtScheme>')
    return (f'{DECL}<a:theme xmlns:a="{A}" name="{esc(name)}"><a:themeElements>{clr}{fonts}{fmt}</a:themeElements>'
            '<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>')


# font table entries: name -> (altName, panose, charset, family, pitch, sig)
FONTS = {
    TNR: (None, "02020603050405020304", "00", "roman", "variable",
          ("E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000")),
    ST: ("SimSun", "02010600030101010101", "86", "auto", "variable",
         ("00000003", "288F0000", "00000016", "00000000", "00040001", "00000000")),
    HT: ("SimHei", "02010609060101010101", "86", "modern", "fixed",
         ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000")),
    FS: ("仿宋", "02010609030101010101", "86", "modern", "fixed",
         ("00000001", "080E0000", "00000000", "00000000", "00040000", "00000000")),
    KT: ("楷体", "02010609030101010101", "86", "modern", "fixed",
         ("00000001", "080E0000", "00000000", "00000000", "00040000", "00000000")),
    XBS: (None, "02000000000000000000", "86", "auto", "variable",
          ("00000001", "08000000", "00000000", "00000000", "00040000", "00000000")),
    "等线": ("DengXian", "02010600030101010101", "86", "auto", "variable",
           ("A00002BF", "38CF7CFA", "00000016", "00000000", "0004000F", "00000000")),
    "等线 Light": (None, "02010600030101010101", "86", "auto", "variable",
                 ("A00002BF", "38CF7CFA", "00000016", "00000000", "0004000F", "00000000")),
    "Calibri": (None, "020F0502020204030204", "00", "swiss", "variable",
                ("E4002EFF", "C000247B", "00000009", "00000000", "200001FF", "00000000")),
    "仿宋": ("FangSong", "02010609060101010101", "86", "modern", "fixed",
           ("800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000")),
    "Cambria": (None, "02040503050406030204", "00", "roman", "variable",
                ("E00006FF", "420024FF", "02000000", "00000000", "0000019F", "00000000")),
}


def fonts_xml(names, wps: bool) -> str:
    out = []
    for n in names:
        alt, panose, cs, fam, pitch, sig = FONTS[n]
        s = (f'<w:font w:name="{esc(n)}">' + (f'<w:altName w:val="{esc(alt)}"/>' if alt else "")
             + f'<w:panose1 w:val="{panose}"/><w:charset w:val="{cs}"/><w:family w:val="{fam}"/>'
             f'<w:pitch w:val="{"default" if wps else pitch}"/><w:sig w:usb0="{sig[0]}" w:usb1="{sig[1]}" '
             f'w:usb2="{sig[2]}" w:usb3="{sig[3]}" w:csb0="{sig[4]}" w:csb1="{sig[5]}"/></w:font>')
        out.append(s)
    ns = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"')
    return f'{DECL}<w:fonts {ns}>{"".join(out)}</w:fonts>'


def numbering_xml(defs: list, ns: str, wps: bool, ids: Ids) -> str:
    """defs: list of levels lists [(numFmt, lvlText, ind_left, hanging)], one abstractNum and num each."""
    out = []
    for k, levels in enumerate(defs):
        lv = []
        for i, (fmt, text, left, hanging) in enumerate(levels):
            tplc = "" if wps else f' w:tplc="{ids.next()}"'
            lv.append(f'<w:lvl w:ilvl="{i}"{tplc}><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                      f'<w:suff w:val="nothing"/><w:lvlText w:val="{esc(text)}"/><w:lvlJc w:val="left"/>'
                      f'<w:pPr><w:ind w:left="{left}" w:firstLine="{hanging}"/></w:pPr>'
                      f'<w:rPr><w:rFonts w:hint="default"/></w:rPr></w:lvl>')
        nsid = ids.next()
        head = (f'<w:abstractNum w:abstractNumId="{k}"' + ("" if wps else ' w15:restartNumberingAfterBreak="0"')
                + f'><w:nsid w:val="{nsid}"/><w:multiLevelType w:val="hybridMultilevel"/>'
                f'<w:tmpl w:val="{ids.next()}"/>')
        out.append(head + "".join(lv) + "</w:abstractNum>")
    out += [f'<w:num w:numId="{k + 1}"><w:abstractNumId w:val="{k}"/></w:num>' for k in range(len(defs))]
    return f'{DECL}<w:numbering {ns}>{"".join(out)}</w:numbering>'


@dataclass
class Table:
    """A one-column table (a 版记 drawn with table borders, as 公文 templates do)."""
    rows: list                      # list[list[Para]]: one cell per row
    width: int = 8844
    borders: dict = field(default_factory=dict)   # side -> (val, sz, color)
    row_borders: list | None = None  # per row: {side: (val, sz, color)} on the cell
    float_bottom: bool = False       # a floating table at the bottom of the 版心 (tblpPr tblpYSpec="bottom")


# =========================================================================================================
class Writer:
    """Common machinery; WordWriter and WpsWriter say how each program spells it."""

    doc_ns = ""
    app_name = ""
    rpr_lang = False
    instr_page = " PAGE \\* MERGEFORMAT "

    def __init__(self, doc: Doc):
        self.doc = doc
        self.ids = Ids(doc.name)
        self.shape_n = 0
        self.z = 251659264
        self.parts: dict[str, str | bytes] = {}
        self.doc_rels: list[tuple[str, str, str]] = []
        self.hf_parts: list[tuple[str, str]] = []      # (part name, kind)
        self.fonts_used: set = set()
        self.rsids: list = []

    # -- ids ------------------------------------------------------------------------------------------
    def next_shape(self) -> int:
        self.shape_n += 1
        return self.shape_n

    def next_z(self) -> int:
        self.z += 1024
        return self.z

    # -- runs -----------------------------------------------------------------------------------------
    def rfonts(self, run: Run, cjk: bool) -> str:
        raise NotImplementedError

    def rpr(self, run: Run, cjk: bool, *, mark: bool = False) -> str:
        """Run properties in schema order: rFonts, b, noProof, color, spacing, w, sz, szCs, lang."""
        if run.rstyle and not run.size:
            return f'<w:rPr><w:rStyle w:val="{run.rstyle}"/></w:rPr>'
        self.fonts_used.add(run.font)
        if run.latin:
            self.fonts_used.add(run.latin)
        out = ([f'<w:rStyle w:val="{run.rstyle}"/>'] if run.rstyle else []) + [self.rfonts(run, cjk)]
        if run.bold:
            out.append("<w:b/>")
        if run.no_proof and not mark:
            out.append("<w:noProof/>")
        if run.color:
            out.append(f'<w:color w:val="{run.color}"/>')
        if run.spacing is not None:
            out.append(f'<w:spacing w:val="{run.spacing}"/>')
        if run.scale is not None:
            out.append(f'<w:w w:val="{run.scale}"/>')
        out.append(f'<w:sz w:val="{run.size}"/><w:szCs w:val="{run.size}"/>')
        if self.rpr_lang:
            out.append('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>')
        return "<w:rPr>" + "".join(out) + "</w:rPr>"

    def run_attrs(self) -> str:
        return ""

    def runs(self, para: Para) -> str:
        out = []
        for run in para.runs:
            if run.field:
                out.append(self.field_runs(run))
                continue
            for cjk, chunk in self.split(run):
                out.append(f"<w:r{self.run_attrs()}>{self.rpr(run, cjk)}{t_xml(chunk)}</w:r>")
        return "".join(out)

    def split(self, run: Run) -> list[tuple[bool, str]]:
        return script_chunks(run.text)

    def field_runs(self, run: Run) -> str:
        """begin / instrText / separate / result / end, each its own run (Word marks the result noProof)."""
        import dataclasses
        rp = self.rpr(run, False)
        rp_res = self.rpr(dataclasses.replace(run, no_proof=True), False) if self.word else rp
        instr = self.instr_page if run.field == "PAGE" else f" {run.field} "
        a = self.run_attrs()
        return (f'<w:r{a}>{rp}<w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r{a}>{rp}<w:instrText xml:space="preserve">{esc(instr)}</w:instrText></w:r>'
                f'<w:r{a}>{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r{a}>{rp_res}{t_xml(run.text)}</w:r>'
                f'<w:r{a}>{rp}<w:fldChar w:fldCharType="end"/></w:r>')

    # -- paragraphs -----------------------------------------------------------------------------------
    word = False

    def style_id(self, logical: str) -> str | None:
        raise NotImplementedError

    def ind_xml(self, p: Para) -> str:
        raise NotImplementedError

    def spacing_xml(self, p: Para) -> str:
        attrs = []
        if p.before is not None:
            attrs.append(f'w:before="{p.before}"')
        if p.after is not None:
            attrs.append(f'w:after="{p.after}"')
        if p.line is not None:
            attrs.append(f'w:line="{p.line}" w:lineRule="{p.rule}"')
        return f'<w:spacing {" ".join(attrs)}/>' if attrs else ""

    def ppr_extra_flags(self, p: Para) -> tuple[str, str]:
        """(before spacing, after spacing) flag elements a program writes into pPr."""
        return "", ""

    def ppr(self, p: Para, story: str) -> str:
        out = []
        sid = self.style_id(p.style)
        if sid:
            out.append(f'<w:pStyle w:val="{sid}"/>')
        if p.keep_next:
            out.append("<w:keepNext/>")
        if p.page_break_before:
            out.append("<w:pageBreakBefore/>")
        if p.frame:
            out.append("<w:framePr " + " ".join(f'w:{k}="{v}"' for k, v in p.frame.items()) + "/>")
        flags_a, flags_b = self.ppr_extra_flags(p)
        out.append(flags_a)
        if p.num:
            out.append(f'<w:numPr><w:ilvl w:val="{p.num[1]}"/><w:numId w:val="{p.num[0]}"/></w:numPr>')
        if p.border_bottom:
            val, sz, color, space = p.border_bottom
            out.append(f'<w:pBdr><w:bottom w:val="{val}" w:sz="{sz}" w:space="{space}" w:color="{color}"/></w:pBdr>')
        if p.tabs:
            out.append("<w:tabs>" + "".join(f'<w:tab w:val="{v}" w:pos="{pos}"/>' for v, pos in p.tabs) + "</w:tabs>")
        out.append(flags_b)
        if p.snap is False:
            out.append('<w:snapToGrid w:val="0"/>')
        out.append(self.spacing_xml(p))
        out.append(self.ind_xml(p))
        if p.jc:
            out.append(f'<w:jc w:val="{p.jc}"/>')
        out.append(self.ppr_tail(p))
        mark = p.mark or (p.runs[0] if p.runs else None)
        if mark is not None:
            cjk = any(is_cjk_char(c) for c in mark.text) or not mark.text
            out.append(self.rpr(mark, cjk, mark=True))
        if p.sect is not None:
            out.append(self.sect_xml(p.sect))
        body = "".join(out)
        return f"<w:pPr>{body}</w:pPr>" if body else ""

    def ppr_tail(self, p: Para) -> str:
        return ""

    def para_attrs(self, p: Para, story: str) -> str:
        return ""

    def para(self, p: Para, story: str = "body") -> str:
        shapes = "".join(self.shape_run(s) for s in p.shapes)
        inner = f"{self.ppr(p, story)}{shapes}{self.runs(p)}"
        xml = f"<w:p{self.para_attrs(p, story)}>{inner}</w:p>"
        if p.sdt_page_numbers and self.word:
            sid = int(self.ids.next(), 16) % 2000000000 - 1000000000
            xml = (f'<w:sdt><w:sdtPr><w:id w:val="{sid}"/><w:docPartObj><w:docPartGallery w:val="Page Numbers '
                   f'(Bottom of Page)"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>{xml}'
                   f'</w:sdtContent></w:sdt>')
        return xml

    def table(self, t: Table) -> str:
        b = "".join(f'<w:{side} w:val="{v}" w:sz="{sz}" w:space="0" w:color="{c}"/>'
                    for side, (v, sz, c) in t.borders.items())
        rows = []
        for k, cell in enumerate(t.rows):
            cb = ""
            if t.row_borders and t.row_borders[k]:
                cb = "<w:tcBorders>" + "".join(f'<w:{side} w:val="{v}" w:sz="{sz}" w:space="0" w:color="{c}"/>'
                                               for side, (v, sz, c) in t.row_borders[k].items()) + "</w:tcBorders>"
            paras = "".join(self.para(p) for p in cell)
            rows.append(f'<w:tr{self.row_attrs()}><w:tc><w:tcPr><w:tcW w:w="{t.width}" w:type="dxa"/>{cb}</w:tcPr>'
                        f'{paras}</w:tc></w:tr>')
        fl = ('<w:tblpPr w:leftFromText="180" w:rightFromText="180" w:vertAnchor="margin" w:horzAnchor="margin" '
              'w:tblpYSpec="bottom"/>' if t.float_bottom else "")
        return (f'<w:tbl><w:tblPr>{fl}<w:tblW w:w="{t.width}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/>'
                f'<w:tblBorders>{b}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>'
                '<w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
                f'{self.tbl_look()}</w:tblPr><w:tblGrid><w:gridCol w:w="{t.width}"/></w:tblGrid>{"".join(rows)}</w:tbl>')

    def row_attrs(self) -> str:
        return ""

    def tbl_look(self) -> str:
        return ""

    def block(self, b, story="body") -> str:
        return self.table(b) if isinstance(b, Table) else self.para(b, story)

    # -- shapes ---------------------------------------------------------------------------------------
    vml_only = False

    def shape_run(self, s) -> str:
        if self.vml_only:
            inner = "<w:pict>" + self.vml(s) + "</w:pict>"
        else:
            req = "wpg" if isinstance(s, Group) else "wps"
            inner = (f'<mc:AlternateContent><mc:Choice Requires="{req}"><w:drawing>{self.anchor(s)}</w:drawing>'
                     f'</mc:Choice><mc:Fallback><w:pict>{self.vml(s)}</w:pict></mc:Fallback></mc:AlternateContent>')
        return f'<w:r{self.run_attrs()}>{self.shape_rpr()}{inner}</w:r>'

    def shape_rpr(self) -> str:
        return "<w:rPr><w:noProof/></w:rPr>" if self.word else ""

    @staticmethod
    def emu(mm: float) -> int:
        return int(round(mm * MM_EMU))

    def pos(self, kind: str, rel: str, mm: float | None, align: str | None = None) -> str:
        if align:
            return f'<wp:position{kind} relativeFrom="{rel}"><wp:align>{align}</wp:align></wp:position{kind}>'
        return (f'<wp:position{kind} relativeFrom="{rel}"><wp:posOffset>{self.emu(mm)}</wp:posOffset>'
                f'</wp:position{kind}>')

    def anchor_open(self, z: int) -> str:
        extra = f' wp14:anchorId="{self.ids.next()}" wp14:editId="{self.ids.next()}"' if self.word else ""
        return (f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{z}" '
                f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"{extra}><wp:simplePos x="0" y="0"/>')

    def anchor_close(self) -> str:
        if self.word:
            return ('<wp14:sizeRelH relativeFrom="margin"><wp14:pctWidth>0</wp14:pctWidth></wp14:sizeRelH>'
                    '<wp14:sizeRelV relativeFrom="margin"><wp14:pctHeight>0</wp14:pctHeight></wp14:sizeRelV>'
                    '</wp:anchor>')
        return "</wp:anchor>"

    def ln(self, line: Line) -> str:
        cm = f' cmpd="{line.cmpd}"' if line.cmpd else (' cmpd="sng"' if not self.word else "")
        dash = '<a:prstDash val="solid"/>' if not self.word else ""
        return (f'<a:ln w="{int(round(line.width_pt * 12700))}"{cm}><a:solidFill><a:srgbClr val="{line.color}"/>'
                f'</a:solidFill>{dash}</a:ln>')

    STYLE_REF = ('<wps:style><a:lnRef idx="1"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="0">'
                 '<a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/>'
                 '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="tx1"/></a:fontRef></wps:style>')

    def wsp_line(self, line: Line, dx: int = 0, dy: int = 0, in_group: bool = False) -> str:
        cnv = ""
        if in_group:
            n = self.next_shape()
            cnv = f'<wps:cNvPr id="{n}" name="{line.name} {n}"/>'
        return (f'<wps:wsp>{cnv}<wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="{dx}" y="{dy}"/>'
                f'<a:ext cx="{self.emu(line.length)}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/>'
                f'</a:prstGeom>{self.ln(line)}</wps:spPr>{self.STYLE_REF}<wps:bodyPr/></wps:wsp>')

    def anchor(self, s) -> str:
        z = self.next_z()
        if isinstance(s, Line):
            n = self.next_shape()
            half = int(round(s.width_pt * 12700 / 2))
            return (self.anchor_open(z) + self.pos("H", s.rel_h, s.x) + self.pos("V", s.rel_v, s.y)
                    + f'<wp:extent cx="{self.emu(s.length)}" cy="0"/><wp:effectExtent l="0" t="{half}" r="0" '
                    f'b="{half}"/><wp:wrapNone/><wp:docPr id="{n}" name="{s.name} {n}"/><wp:cNvGraphicFramePr/>'
                    f'<a:graphic xmlns:a="{A}"><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
                    f'wordprocessingShape">{self.wsp_line(s)}</a:graphicData></a:graphic>' + self.anchor_close())
        if isinstance(s, Group):
            n = self.next_shape()
            cx = max(self.emu(l.x + l.length) for l in s.lines)
            cy = max(self.emu(l.y) for l in s.lines)
            kids = "".join(self.wsp_line(l, self.emu(l.x), self.emu(l.y), in_group=True) for l in s.lines)
            return (self.anchor_open(z) + self.pos("H", s.rel_h, s.x) + self.pos("V", s.rel_v, s.y)
                    + f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="9525" r="0" b="9525"/><wp:wrapNone/>'
                    f'<wp:docPr id="{n}" name="组合 {n}"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="{A}">'
                    f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
                    f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
                    f'<a:chOff x="0" y="0"/><a:chExt cx="{cx}" cy="{cy}"/></a:xfrm></wpg:grpSpPr>{kids}</wpg:wgp>'
                    f'</a:graphicData></a:graphic>' + self.anchor_close())
        if isinstance(s, TextBox):
            n = self.next_shape()
            if s.autofit:
                cx = cy = 1828800
                body_pr = ('<wps:bodyPr rot="0" spcFirstLastPara="0" vertOverflow="overflow" horzOverflow="overflow" '
                           'vert="horz" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" numCol="1" spcCol="0" '
                           'rtlCol="0" fromWordArt="0" anchor="t" anchorCtr="0" forceAA="0" upright="0" '
                           'compatLnSpc="1"><a:spAutoFit/></wps:bodyPr>')
            else:
                cx, cy = self.emu(s.w), self.emu(s.h)
                body_pr = ('<wps:bodyPr rot="0" spcFirstLastPara="0" vertOverflow="overflow" horzOverflow="overflow" '
                           'vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" numCol="1" spcCol="0" '
                           'rtlCol="0" fromWordArt="0" anchor="t" anchorCtr="0" forceAA="0" compatLnSpc="1">'
                           '<a:prstTxWarp prst="textNoShape"><a:avLst/></a:prstTxWarp><a:noAutofit/></wps:bodyPr>')
            paras = "".join(self.para(p, "textbox") for p in s.paras)
            style = ("" if self.word else
                     '<wps:style><a:lnRef idx="0"><a:schemeClr val="accent1"/></a:lnRef><a:fillRef idx="0">'
                     '<a:schemeClr val="accent1"/></a:fillRef><a:effectRef idx="0"><a:schemeClr val="accent1"/>'
                     '</a:effectRef><a:fontRef idx="minor"><a:schemeClr val="dk1"/></a:fontRef></wps:style>')
            return (self.anchor_open(z) + self.pos("H", s.rel_h, s.x, s.align_h) + self.pos("V", s.rel_v, s.y)
                    + f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                    f'<wp:docPr id="{n}" name="{s.name} {n}"/><wp:cNvGraphicFramePr/><a:graphic xmlns:a="{A}">'
                    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
                    f'<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
                    '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="6350"><a:noFill/>'
                    f'</a:ln></wps:spPr>{style}<wps:txbx><w:txbxContent>{paras}</w:txbxContent></wps:txbx>{body_pr}'
                    '</wps:wsp></a:graphicData></a:graphic>' + self.anchor_close())
        raise TypeError(s)

    # VML (the Fallback branch, or all there is in older files)
    def vml(self, s) -> str:
        raise NotImplementedError

    def sect_refs(self, s: Section) -> str:
        raise NotImplementedError

    def sect_xml(self, s: Section) -> str:
        grid = ""
        if s.grid:
            cs = f' w:charSpace="{s.char_space}"' if s.char_space is not None else ""
            grid = f'<w:docGrid w:type="{s.grid}" w:linePitch="{s.line_pitch}"{cs}/>'
        title = "<w:titlePg/>" if s.title_pg else ""
        return (f"<w:sectPr{self.sect_attrs()}>{self.sect_refs(s)}<w:pgSz w:w=\"{s.page_w}\" w:h=\"{s.page_h}\""
                f"{self.pgsz_code()}/><w:pgMar w:top=\"{s.top}\" w:right=\"{s.right}\" w:bottom=\"{s.bottom}\" "
                f"w:left=\"{s.left}\" w:header=\"{s.header}\" w:footer=\"{s.footer}\" w:gutter=\"0\"/>"
                + (f'<w:pgNumType w:fmt="{s.pg_num_fmt}"/>' if s.pg_num_fmt else "")
                + f"{self.cols()}{title}{grid}</w:sectPr>")

    def sect_attrs(self) -> str:
        return ""

    def pgsz_code(self) -> str:
        return ""

    def cols(self) -> str:
        return '<w:cols w:space="425"/>'

    # -- headers and footers --------------------------------------------------------------------------
    def hf_part(self, kind: str, paras: list) -> str:
        """Add footerN.xml/headerN.xml; return its relationship id."""
        n = sum(1 for _, k in self.hf_parts if k == kind) + 1
        name = f"{kind}{n}.xml"
        tag = "ftr" if kind == "footer" else "hdr"
        self.hf_parts.append((name, kind))
        body = "".join(self.block(p, kind) for p in paras) or self.para(Para(style=kind), kind)
        self.parts[f"word/{name}"] = f"{DECL}<w:{tag} {self.doc_ns}>{body}</w:{tag}>"
        rid = f"rIdHF{len(self.hf_parts)}"
        self.doc_rels.append((rid, RT + kind, name))
        return rid

    # -- the whole package ----------------------------------------------------------------------------
    def document_xml(self) -> str:
        body = "".join(self.block(b) for b in self.doc.body)
        return f"{DECL}<w:document {self.doc_ns}><w:body>{body}{self.sect_xml(self.doc.final)}</w:body></w:document>"


def _b64(s: str) -> str:
    import base64
    return base64.b64encode(s.encode()).decode()


# =========================================================================================================
class WordWriter(Writer):
    """Microsoft Word 2016 / 365 (zh-CN).  ``version`` "2016" or "365"."""

    word = True
    instr_page = " PAGE   \\* MERGEFORMAT "

    def __init__(self, doc: Doc, version: str = "365"):
        super().__init__(doc)
        self.version = version
        self.doc_ns = WORD365_DOC_NS if version == "365" else WORD2016_DOC_NS
        self.app_version = "16.0000"
        self.application = "Microsoft Office Word"
        # editing sessions: the paragraph's rsidR and a second session for runs edited later
        self.sessions = [self.ids.next() for _ in range(6)]
        self.rsids = sorted(set(self.sessions))
        self.cur_rsid = self.sessions[0]
        self.pcount = 0

    def style_id(self, logical):
        return {"body": None, "footer": "a5", "header": "a3"}.get(logical, logical)

    def rfonts(self, run, cjk):
        latin = run.latin or run.font
        cs = f' w:cs="{esc(latin)}"' if run.latin is None else ""
        hint = ' w:hint="eastAsia"' if cjk else ""
        return f'<w:rFonts w:ascii="{esc(latin)}" w:eastAsia="{esc(run.font)}" w:hAnsi="{esc(latin)}"{cs}{hint}/>'

    def run_attrs(self):
        return f' w:rsidR="{self.cur_rsid}"' if self.cur_rsid != self.sessions[0] else ""

    def split(self, run):
        """Script boundaries, and the boundary of a later editing session inside long CJK text."""
        out = []
        for cjk, chunk in script_chunks(run.text):
            k = chunk.find("，", 18)
            if cjk and len(chunk) > 40 and k > 0 and (self.pcount % 3 == 1):
                out += [(cjk, chunk[:k + 1]), (cjk, chunk[k + 1:])]
            else:
                out.append((cjk, chunk))
        return out

    def runs(self, para):
        out = []
        for run in para.runs:
            if run.field:
                out.append(self.field_runs(run))
                continue
            for i, (cjk, chunk) in enumerate(self.split(run)):
                self.cur_rsid = self.sessions[0] if i < 2 else self.sessions[1 + self.pcount % 4]
                out.append(f"<w:r{self.run_attrs()}>{self.rpr(run, cjk)}{t_xml(chunk)}</w:r>")
            self.cur_rsid = self.sessions[0]
        return "".join(out)

    def para_attrs(self, p, story):
        self.pcount += 1
        r = self.sessions[self.pcount % 3]
        return (f' w14:paraId="{self.ids.next()}" w14:textId="{self.ids.next()}" w:rsidR="{r}" '
                f'w:rsidRDefault="{self.sessions[0]}" w:rsidP="{r}"')

    def row_attrs(self):
        return f' w:rsidR="{self.sessions[0]}" w14:paraId="{self.ids.next()}" w14:textId="{self.ids.next()}"'

    def tbl_look(self):
        return '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'

    def ind_xml(self, p):
        a = []
        if p.left_chars is not None:
            a.append(f'w:leftChars="{p.left_chars}"')
        if p.left is not None:
            a.append(f'w:left="{p.left}"')
        if p.right_chars is not None:
            a.append(f'w:rightChars="{p.right_chars}"')
        if p.right is not None:
            a.append(f'w:right="{p.right}"')
        if p.first is not None and p.first < 0:
            if p.first_chars is not None:
                a.append(f'w:hangingChars="{-p.first_chars}"')
            a.append(f'w:hanging="{-p.first}"')
        elif p.first is not None:
            if p.first_chars is not None:
                a.append(f'w:firstLineChars="{p.first_chars}"')
            a.append(f'w:firstLine="{p.first}"')
        return f'<w:ind {" ".join(a)}/>' if a else ""

    def sect_attrs(self):
        return f' w:rsidR="{self.sessions[0]}" w:rsidSect="{self.sessions[0]}"'

    def pgsz_code(self):
        return ' w:code="9"'

    def sect_refs(self, s):
        out = []
        rid = {}
        for kind in ("even", "default", "first"):
            if kind in s.headers:
                rid[("header", kind)] = self.hf_part("header", s.headers[kind])
        for kind in ("even", "default", "first"):
            if kind in s.footers:
                rid[("footer", kind)] = self.hf_part("footer", s.footers[kind])
        for kind in ("even", "default"):
            if ("header", kind) in rid:
                out.append(f'<w:headerReference w:type="{kind}" r:id="{rid["header", kind]}"/>')
        for kind in ("even", "default"):
            if ("footer", kind) in rid:
                out.append(f'<w:footerReference w:type="{kind}" r:id="{rid["footer", kind]}"/>')
        if ("header", "first") in rid:
            out.append(f'<w:headerReference w:type="first" r:id="{rid["header", "first"]}"/>')
        if ("footer", "first") in rid:
            out.append(f'<w:footerReference w:type="first" r:id="{rid["footer", "first"]}"/>')
        return "".join(out)

    # VML fallback as Word writes it
    def vml(self, s):
        z = self.z
        n = self.shape_n
        if isinstance(s, Line):
            x0, y0 = s.x / 25.4 * 72, s.y / 25.4 * 72
            x1 = x0 + s.length / 25.4 * 72
            rel = (f"mso-position-horizontal-relative:{s.rel_h if s.rel_h != 'column' else 'text'};"
                   f"mso-position-vertical-relative:{s.rel_v if s.rel_v != 'paragraph' else 'text'}")
            stroke = (f'<v:stroke linestyle="{s.cmpd}" joinstyle="miter"/>' if s.cmpd
                      else '<v:stroke joinstyle="miter"/>')
            return (f'<v:line id="{s.name} {n}" o:spid="_x0000_s{1025 + n}" style="position:absolute;z-index:{z};'
                    'visibility:visible;mso-wrap-style:square;mso-wrap-distance-left:9pt;mso-wrap-distance-top:0;'
                    'mso-wrap-distance-right:9pt;mso-wrap-distance-bottom:0;mso-position-horizontal:absolute;'
                    f'mso-position-vertical:absolute;{rel}" from="{pt_str(x0)},{pt_str(y0)}" '
                    f'to="{pt_str(x1)},{pt_str(y0)}" o:connectortype="straight" strokecolor="{_vml_colour(s.color)}" '
                    f'strokeweight="{pt_str(s.width_pt)}">{stroke}</v:line>')
        if isinstance(s, Group):
            cx = max(l.x + l.length for l in s.lines)
            cy = max(l.y for l in s.lines)
            kids = "".join(
                f'<v:line id="直接连接符 {n + 1 + i}" o:spid="_x0000_s{1026 + n + i}" style="position:absolute;'
                f'visibility:visible;mso-wrap-style:square" from="{int(l.x * 360)},{int(l.y * 360)}" '
                f'to="{int((l.x + l.length) * 360)},{int(l.y * 360)}" o:connectortype="straight" '
                f'strokecolor="{_vml_colour(l.color)}" strokeweight="{pt_str(l.width_pt)}">'
                '<v:stroke joinstyle="miter"/></v:line>' for i, l in enumerate(s.lines))
            return (f'<v:group id="组合 {n}" o:spid="_x0000_s{1025 + n}" style="position:absolute;'
                    f'margin-left:{pt_str(s.x / 25.4 * 72)};margin-top:{pt_str(s.y / 25.4 * 72)};'
                    f'width:{pt_str(cx / 25.4 * 72)};height:{pt_str(max(cy, 0.01) / 25.4 * 72)};z-index:{z};'
                    f'mso-position-horizontal-relative:{s.rel_h};mso-position-vertical-relative:{s.rel_v}" '
                    f'coordsize="{int(cx * 360)},{max(int(cy * 360), 1)}">{kids}</v:group>')
        if isinstance(s, TextBox):
            paras = "".join(self.para(p, "textbox") for p in s.paras)
            left = (f"margin-left:{pt_str(s.x / 25.4 * 72)};" if s.x is not None
                    else f"mso-position-horizontal:{s.align_h};")
            return ('<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">'
                    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
                    f'<v:shape id="{s.name} {n}" o:spid="_x0000_s{1025 + n}" type="#_x0000_t202" style="position:absolute;'
                    f'left:0;text-align:left;{left}margin-top:{pt_str(s.y / 25.4 * 72)};width:{pt_str(s.w / 25.4 * 72)};'
                    f'height:{pt_str(s.h / 25.4 * 72)};z-index:{z};visibility:visible;mso-wrap-style:square;'
                    f'mso-position-horizontal-relative:{s.rel_h};mso-position-vertical-relative:{s.rel_v};'
                    'v-text-anchor:top" filled="f" stroked="f" strokeweight=".5pt"><v:textbox inset="0,0,0,0">'
                    f'<w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape>')
        raise TypeError(s)

    # parts
    def styles_xml(self) -> str:
        d = self.doc
        lig = '<w14:ligatures w14:val="standardContextual"/>' if self.version == "365" else ""
        szcs = "24" if self.version == "365" else "22"
        normal_rpr = ""
        if d.normal_font:
            normal_rpr = (f'<w:rPr><w:rFonts w:ascii="{TNR}" w:eastAsia="{esc(d.normal_font)}" w:hAnsi="{TNR}"/>'
                          f'<w:sz w:val="{d.normal_size or 32}"/><w:szCs w:val="{d.normal_size or 32}"/></w:rPr>')
            self.fonts_used.add(d.normal_font)
        latent = "".join(f'<w:lsdException w:name="{n}"{a}/>' for n, a in (
            ("Normal", ' w:uiPriority="0" w:qFormat="1"'), ("heading 1", ' w:uiPriority="9" w:qFormat="1"'),
            ("heading 2", ' w:semiHidden="1" w:uiPriority="9" w:unhideWhenUsed="1" w:qFormat="1"'),
            ("heading 3", ' w:semiHidden="1" w:uiPriority="9" w:unhideWhenUsed="1" w:qFormat="1"'),
            ("header", ' w:uiPriority="99" w:unhideWhenUsed="1"'), ("footer", ' w:uiPriority="99" w:unhideWhenUsed="1"'),
            ("caption", ' w:semiHidden="1" w:uiPriority="35" w:unhideWhenUsed="1" w:qFormat="1"'),
            ("Title", ' w:uiPriority="10" w:qFormat="1"'), ("Default Paragraph Font", ' w:uiPriority="1"'),
            ("Subtitle", ' w:uiPriority="11" w:qFormat="1"'), ("Strong", ' w:uiPriority="22" w:qFormat="1"'),
            ("Table Grid", ' w:uiPriority="39"'), ("List Paragraph", ' w:uiPriority="34" w:qFormat="1"')))
        hdr_border = ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr>'
                      if not d.header_no_border else
                      '<w:pBdr><w:bottom w:val="none" w:sz="0" w:space="0" w:color="auto"/></w:pBdr>')
        styles = (
            '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>{normal_rpr}</w:style>'
            '<w:style w:type="character" w:default="1" w:styleId="a0"><w:name w:val="Default Paragraph Font"/>'
            '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>'
            '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
            '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
            '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="numbering" w:default="1" w:styleId="a2"><w:name w:val="No List"/><w:uiPriority w:val="99"/>'
            '<w:semiHidden/><w:unhideWhenUsed/></w:style>'
            '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="header"/><w:basedOn w:val="a"/><w:link w:val="a4"/>'
            f'<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rsid w:val="{self.sessions[0]}"/><w:pPr>{hdr_border}'
            '<w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs>'
            '<w:snapToGrid w:val="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/>'
            '</w:rPr></w:style>'
            '<w:style w:type="character" w:customStyle="1" w:styleId="a4"><w:name w:val="页眉 字符"/>'
            '<w:basedOn w:val="a0"/><w:link w:val="a3"/><w:uiPriority w:val="99"/><w:rPr><w:sz w:val="18"/>'
            '<w:szCs w:val="18"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="footer"/><w:basedOn w:val="a"/><w:link w:val="a6"/>'
            f'<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rsid w:val="{self.sessions[0]}"/><w:pPr>'
            '<w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs>'
            '<w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/>'
            '</w:rPr></w:style>'
            '<w:style w:type="character" w:customStyle="1" w:styleId="a6"><w:name w:val="页脚 字符"/>'
            '<w:basedOn w:val="a0"/><w:link w:val="a5"/><w:uiPriority w:val="99"/><w:rPr><w:sz w:val="18"/>'
            '<w:szCs w:val="18"/></w:rPr></w:style>' + "".join(d.custom_styles))
        return (f'{DECL}<w:styles {STYLES_NS_WORD}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts '
                'w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" '
                f'w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="{szcs}"/>'
                f'<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>{lig}</w:rPr></w:rPrDefault><w:pPrDefault/>'
                '</w:docDefaults><w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" '
                f'w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">{latent}</w:latentStyles>{styles}</w:styles>')

    def settings_xml(self) -> str:
        d = self.doc
        eo = "<w:evenAndOddHeaders/>" if d.even_odd else ""
        c365 = ('<w:compatSetting w:name="useWord2013TrackBottomHyphenation" w:uri="http://schemas.microsoft.com/'
                'office/word" w:val="0"/>' if self.version == "365" else "")
        compat = ('<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
                  '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
                  + "".join(f'<w:compatSetting w:name="{n}" w:uri="http://schemas.microsoft.com/office/word" w:val="{v}"/>'
                            for n, v in (("compatibilityMode", "15"), ("overrideTableStyleFontSizeAndJustification", "1"),
                                         ("enableOpenTypeFeatures", "1"), ("doNotFlipMirrorIndents", "1"),
                                         ("differentiateMultirowTableHeaders", "1")))
                  + c365 + "</w:compat>")
        rsids = (f'<w:rsids><w:rsidRoot w:val="{self.sessions[0]}"/>'
                 + "".join(f'<w:rsid w:val="{r}"/>' for r in self.rsids) + "</w:rsids>")
        g = self.ids.next()
        guid = f"{{{g}-{self.ids.next()[:4]}-{self.ids.next()[:4]}-{self.ids.next()[:4]}-{self.ids.next()}{g[:4]}}}"
        mirror = "<w:mirrorMargins/>" if d.mirror_margins else ""
        return (f'{DECL}<w:settings {WORD_SETTINGS_NS}><w:zoom w:percent="100"/>{mirror}<w:bordersDoNotSurroundHeader/>'
                '<w:bordersDoNotSurroundFooter/><w:proofState w:spelling="clean" w:grammar="clean"/>'
                f'<w:defaultTabStop w:val="420"/>{eo}<w:drawingGridHorizontalSpacing w:val="160"/>'
                '<w:drawingGridVerticalSpacing w:val="290"/><w:displayHorizontalDrawingGridEvery w:val="0"/>'
                '<w:displayVerticalDrawingGridEvery w:val="2"/><w:characterSpacingControl w:val="compressPunctuation"/>'
                f'<w:hdrShapeDefaults><o:shapedefaults v:ext="edit" spidmax="{2049 + self.shape_n}"/></w:hdrShapeDefaults>'
                f'{compat}{rsids}<m:mathPr><m:mathFont m:val="Cambria Math"/><m:brkBin m:val="before"/>'
                '<m:brkBinSub m:val="--"/><m:smallFrac m:val="0"/><m:dispDef/><m:lMargin m:val="0"/><m:rMargin m:val="0"/>'
                '<m:defJc m:val="centerGroup"/><m:wrapIndent m:val="1440"/><m:intLim m:val="subSup"/>'
                '<m:naryLim m:val="undOvr"/></m:mathPr><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
                '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" '
                'w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" '
                'w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/>'
                f'<w:shapeDefaults><o:shapedefaults v:ext="edit" spidmax="{2049 + self.shape_n}"/><o:shapelayout v:ext="edit">'
                '<o:idmap v:ext="edit" data="1"/></o:shapelayout></w:shapeDefaults><w:decimalSymbol w:val="."/>'
                f'<w:listSeparator w:val=","/><w14:docId w14:val="{self.ids.next()}"/><w15:chartTrackingRefBased/>'
                f'<w15:docId w15:val="{guid}"/></w:settings>')

    def package(self) -> bytes:
        d = self.doc
        document = self.document_xml()        # fills hf parts, fonts_used, shape ids
        ordered = ["numbering"] if d.numbering else []
        ordered += ["styles", "settings", "webSettings"]
        rels = []
        rid_of = {}
        for k, name in enumerate(ordered, 1):
            rid_of[name] = f"rId{k}"
        k = len(ordered)
        hf_map = {}
        for (rid, typ, target) in self.doc_rels:
            k += 1
            hf_map[rid] = f"rId{k}"
        rid_of["fontTable"] = f"rId{k + 1}"
        rid_of["theme"] = f"rId{k + 2}"
        for old, new in sorted(hf_map.items(), key=lambda kv: -len(kv[0])):
            document = document.replace(f'r:id="{old}"', f'r:id="{new}"')
        # Word writes its relationships in an order of its own: theme, settings, fontTable, styles, …
        for name in ("theme", "settings", "fontTable", "styles", "numbering", "webSettings"):
            if name in rid_of:
                target = {"theme": "theme/theme1.xml"}.get(name, f"{name}.xml")
                rels.append((rid_of[name], RT + name, target))
        for (rid, typ, target) in self.doc_rels:
            rels.append((hf_map[rid], typ, target))
        fonts = sorted(self.fonts_used | {"Calibri", "等线", "等线 Light", TNR, "Cambria"} & set(FONTS),
                       key=lambda f: (f not in (TNR, ST, "等线"), f))
        parts = {
            "word/document.xml": document,
            "word/styles.xml": self.styles_xml(),
            "word/settings.xml": self.settings_xml(),
            "word/webSettings.xml": (f'{DECL}<w:webSettings {WORD_SETTINGS_NS}><w:optimizeForBrowser/><w:allowPNG/>'
                                     '</w:webSettings>'),
            "word/fontTable.xml": fonts_xml([f for f in fonts if f in FONTS], wps=False),
            "word/theme/theme1.xml": theme_xml("Office 主题\u200b", "等线 Light", "等线", "等线 Light", "等线"),
            "word/_rels/document.xml.rels": rels_xml(rels),
        }
        if d.numbering:
            parts["word/numbering.xml"] = numbering_xml(d.numbering, STYLES_NS_WORD.replace(
                'mc:Ignorable="w14 w15 w16se"', 'mc:Ignorable="w14 w15 w16se"'), False, self.ids)
        for k2, v in self.parts.items():
            parts[k2] = v
        m = d.meta
        chars = sum(len(p.text) for p in d.body if isinstance(p, Para))
        parts["docProps/app.xml"] = (
            f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm'
            f'</Template><TotalTime>{m.total_time}</TotalTime><Pages>{m.pages}</Pages><Words>{chars // 2}</Words>'
            f'<Characters>{chars}</Characters><Application>{self.application}</Application><DocSecurity>0</DocSecurity>'
            f'<Lines>{chars // 26 + 1}</Lines><Paragraphs>{len(d.body)}</Paragraphs><ScaleCrop>false</ScaleCrop>'
            + (f"<Company>{esc(m.company)}</Company>" if m.company else "")
            + f'<LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>{chars}</CharactersWithSpaces>'
            f'<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>{self.app_version}'
            '</AppVersion></Properties>')
        parts["docProps/core.xml"] = core_xml(m)
        parts["_rels/.rels"] = rels_xml([
            ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
             "docProps/app.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
             "docProps/core.xml"),
            ("rId1", RT + "officeDocument", "word/document.xml")])
        over = [("/word/document.xml", CT + "document.main+xml")]
        if d.numbering:
            over.append(("/word/numbering.xml", CT + "numbering+xml"))
        over += [("/word/styles.xml", CT + "styles+xml"), ("/word/settings.xml", CT + "settings+xml"),
                 ("/word/webSettings.xml", CT + "webSettings+xml")]
        over += [(f"/word/{n}", CT + f"{k3}+xml") for n, k3 in self.hf_parts]
        over += [("/word/fontTable.xml", CT + "fontTable+xml"),
                 ("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
        parts["[Content_Types].xml"] = (
            f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in over) + "</Types>")
        # Word's own entry order: [Content_Types].xml, _rels, word/document.xml, word/_rels, the rest
        order = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels"]
        order += [f"word/{n}" for n, _ in self.hf_parts]
        order += [n for n in ("word/numbering.xml", "word/theme/theme1.xml", "word/settings.xml",
                              "word/styles.xml", "word/webSettings.xml", "word/fontTable.xml",
                              "docProps/core.xml", "docProps/app.xml") if n in parts]
        assert sorted(order) == sorted(parts), (set(parts) ^ set(order))
        return zip_parts({k4: v.encode("utf-8") if isinstance(v, str) else v for k4, v in parts.items()}, order)


def _vml_colour(c: str) -> str:
    return {"FF0000": "red", "000000": "black"}.get(c.upper(), "#" + c)


def core_xml(m: Meta) -> str:
    title = f"<dc:title>{esc(m.title)}</dc:title>" if m.title else ""
    return (f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'{title}<dc:creator>{esc(m.creator)}</dc:creator><cp:lastModifiedBy>{esc(m.last)}</cp:lastModifiedBy>'
            f'<cp:revision>{m.revision}</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{m.created}'
            f'</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{m.modified}</dcterms:modified>'
            '</cp:coreProperties>')


# =========================================================================================================
class WpsWriter(Writer):
    """WPS Office.  ``version``: "12" (WPS 2023, 12.1.0), "11" (WPS 2019, 11.1.0) or "10" (WPS 2016,
    10.1.0: shapes as VML only, no mc:AlternateContent)."""

    rpr_lang = True
    instr_page = " PAGE  \\* MERGEFORMAT "
    BUILD = {"12": "12.1.0.16120", "11": "11.1.0.11636", "10": "10.1.0.7698"}

    def __init__(self, doc: Doc, version: str = "11", verbose_ppr: bool = True, pasted_hints: bool = False):
        super().__init__(doc)
        self.version = version
        self.vml_only = version == "10"
        self.doc_ns = WPS_DOC_NS
        self.verbose = verbose_ppr          # the 段落 dialog's flags written into every pPr
        self.pasted = pasted_hints          # text pasted from elsewhere: CJK runs carry hint="default"

    def style_id(self, logical):
        return {"body": None, "footer": "3", "header": "4"}.get(logical, logical)

    def rfonts(self, run, cjk):
        latin = run.latin or run.font
        hint = "eastAsia" if cjk else "default"
        return (f'<w:rFonts w:hint="{hint}" w:ascii="{esc(latin)}" w:hAnsi="{esc(latin)}" '
                f'w:eastAsia="{esc(run.font)}" w:cs="{esc(latin)}"/>')

    def split(self, run):
        """Script boundaries (CJK runs hint="eastAsia", Latin and digits hint="default").  Text pasted
        from a web page keeps hint="default" on its CJK text and gets hint="eastAsia" on the full-width
        punctuation WPS re-typed, so its runs break at every punctuation mark."""
        out = []
        for cjk, chunk in script_chunks(run.text):
            if self.pasted and cjk:
                out += [(_is_punct(piece), piece) for piece in _split_punct(chunk)]
            else:
                out.append((cjk, chunk))
        return out

    def ind_xml(self, p):
        a = []
        if p.left is not None:
            a.append(f'w:left="{p.left}"')
        if p.left_chars is not None:
            a.append(f'w:leftChars="{p.left_chars}"')
        if p.right is not None:
            a.append(f'w:right="{p.right}"')
        if p.right_chars is not None:
            a.append(f'w:rightChars="{p.right_chars}"')
        if p.first is not None and p.first < 0:
            a.append(f'w:hanging="{-p.first}"')
            if p.first_chars is not None:
                a.append(f'w:hangingChars="{-p.first_chars}"')
        elif p.first is not None:
            a.append(f'w:firstLine="{p.first}"')
            if p.first_chars is not None:
                a.append(f'w:firstLineChars="{p.first_chars}"')
        return f'<w:ind {" ".join(a)}/>' if a else ""

    def ppr_extra_flags(self, p):
        if not self.verbose or p.style != "body":
            return "", ""
        a = ('' if p.keep_next else '<w:keepNext w:val="0"/>') + '<w:keepLines w:val="0"/>' + \
            ('' if p.page_break_before else '<w:pageBreakBefore w:val="0"/>') + '<w:widowControl w:val="0"/>'
        b = ('<w:kinsoku/><w:wordWrap/><w:overflowPunct/><w:topLinePunct w:val="0"/><w:autoSpaceDE/>'
             '<w:autoSpaceDN/><w:bidi w:val="0"/><w:adjustRightInd/>' + ('' if p.snap is False else '<w:snapToGrid/>'))
        return a, b

    def ppr_tail(self, p):
        return '<w:textAlignment w:val="auto"/>' if self.verbose and p.style == "body" else ""

    def sect_refs(self, s):
        out = []
        for kind in ("default", "even", "first"):
            if kind in s.headers:
                out.append(f'<w:headerReference r:id="{self.hf_part("header", s.headers[kind])}" w:type="{kind}"/>')
            if kind in s.footers:
                out.append(f'<w:footerReference r:id="{self.hf_part("footer", s.footers[kind])}" w:type="{kind}"/>')
        return "".join(out)

    def cols(self):
        return '<w:cols w:space="425" w:num="1"/>'

    def vml(self, s):
        z = self.z
        n = 1025 + self.shape_n
        if isinstance(s, Line):
            x0, y0 = s.x / 25.4 * 72, s.y / 25.4 * 72
            length = s.length / 25.4 * 72
            rel_h = {"column": "text"}.get(s.rel_h, s.rel_h)
            rel_v = {"paragraph": "text"}.get(s.rel_v, s.rel_v)
            ls = f' linestyle="{s.cmpd}"' if s.cmpd else ""
            return (f'<v:line id="_x0000_s{n}" o:spid="_x0000_s{n}" o:spt="20" style="position:absolute;left:0pt;'
                    f'margin-left:{pt_str(x0)};margin-top:{pt_str(y0)};height:0pt;width:{pt_str(length)};'
                    f'mso-position-horizontal-relative:{rel_h};mso-position-vertical-relative:{rel_v};z-index:{z};'
                    f'mso-width-relative:page;mso-height-relative:page;" from="{pt_str(x0)},{pt_str(y0)}" '
                    f'to="{pt_str(x0 + length)},{pt_str(y0)}" coordsize="21600,21600" filled="f" stroked="t" '
                    f'strokecolor="#{s.color}" strokeweight="{pt_str(s.width_pt)}"><v:fill on="f" focussize="0,0"/>'
                    f'<v:stroke weight="{pt_str(s.width_pt)}" color="#{s.color}"{ls}/><v:imagedata o:title=""/>'
                    '<o:lock v:ext="edit" aspectratio="f"/></v:line>')
        if isinstance(s, Group):
            cx = max(l.x + l.length for l in s.lines)
            cy = max(l.y for l in s.lines)
            kids = "".join(
                f'<v:line id="_x0000_s{n + 1 + i}" o:spid="_x0000_s{n + 1 + i}" o:spt="20" style="position:absolute;'
                f'left:{int(l.x * 360)};top:{int(l.y * 360)};height:0;width:{int(l.length * 360)};" '
                f'from="{int(l.x * 360)},{int(l.y * 360)}" to="{int((l.x + l.length) * 360)},{int(l.y * 360)}" '
                f'coordsize="21600,21600" filled="f" stroked="t" strokecolor="#{l.color}" '
                f'strokeweight="{pt_str(l.width_pt)}"><v:fill on="f" focussize="0,0"/>'
                f'<v:stroke weight="{pt_str(l.width_pt)}" color="#{l.color}"/><v:imagedata o:title=""/>'
                '<o:lock v:ext="edit" aspectratio="f"/></v:line>' for i, l in enumerate(s.lines))
            return (f'<v:group id="_x0000_s{n}" o:spid="_x0000_s{n}" o:spt="203" style="position:absolute;left:0pt;'
                    f'margin-left:{pt_str(s.x / 25.4 * 72)};margin-top:{pt_str(s.y / 25.4 * 72)};'
                    f'height:{pt_str(max(cy, 0.01) / 25.4 * 72)};width:{pt_str(cx / 25.4 * 72)};'
                    f'mso-position-horizontal-relative:{s.rel_h};mso-position-vertical-relative:{s.rel_v};z-index:{z};'
                    f'mso-width-relative:page;mso-height-relative:page;" coordorigin="0,0" '
                    f'coordsize="{int(cx * 360)},{max(int(cy * 360), 1)}">{kids}</v:group>')
        if isinstance(s, TextBox):
            paras = "".join(self.para(p, "textbox") for p in s.paras)
            if s.autofit:
                geom = "left:0pt;margin-top:0pt;height:144pt;width:144pt;"
                fit = ' style="mso-fit-shape-to-text:t;"'
                wrap = "mso-wrap-style:none;"
            else:
                geom = (f"left:0pt;margin-left:{pt_str(s.x / 25.4 * 72)};margin-top:{pt_str(s.y / 25.4 * 72)};"
                        f"height:{pt_str(s.h / 25.4 * 72)};width:{pt_str(s.w / 25.4 * 72)};")
                fit, wrap = "", ""
            align = f"mso-position-horizontal:{s.align_h};" if s.align_h else ""
            return (f'<v:shape id="_x0000_s{n}" o:spid="_x0000_s{n}" o:spt="202" type="#_x0000_t202" '
                    f'style="position:absolute;{geom}{align}mso-position-horizontal-relative:{s.rel_h};'
                    f'mso-position-vertical-relative:{"text" if s.rel_v == "paragraph" else s.rel_v};{wrap}z-index:{z};'
                    'mso-width-relative:page;mso-height-relative:page;" filled="f" stroked="f" coordsize="21600,21600">'
                    '<v:fill on="f" focussize="0,0"/><v:stroke on="f" weight="0.5pt"/><v:imagedata o:title=""/>'
                    f'<o:lock v:ext="edit" aspectratio="f"/><v:textbox inset="0mm,0mm,0mm,0mm"{fit}>'
                    f'<w:txbxContent>{paras}</w:txbxContent></v:textbox></v:shape>')
        raise TypeError(s)

    def styles_xml(self):
        d = self.doc
        if d.normal_font:
            normal_rpr = (f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:eastAsia="{esc(d.normal_font)}" w:cs="{TNR}"/>'
                          f'<w:kern w:val="2"/><w:sz w:val="{d.normal_size or 32}"/><w:szCs w:val="24"/>')
            self.fonts_used.add(d.normal_font)
        else:
            normal_rpr = ('<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" '
                          'w:cstheme="minorBidi"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="24"/>')
        lang = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        latent = "".join(f'<w:lsdException w:qFormat="1" w:unhideWhenUsed="0" w:uiPriority="0" w:semiHidden="0" '
                         f'w:name="{n}"/>' for n in ("Normal", "heading 1")) + "".join(
            f'<w:lsdException w:qFormat="1" w:uiPriority="0" w:name="heading {k}"/>' for k in range(2, 10)) + \
            "".join(f'<w:lsdException w:unhideWhenUsed="0" w:uiPriority="0" w:semiHidden="0" w:name="{n}"/>'
                    for n in ("header", "footer", "page number", "Table Grid", "Hyperlink"))
        none = lambda side, sp: f'<w:{side} w:val="none" w:color="auto" w:sz="0" w:space="{sp}"/>'
        styles = (
            '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:qFormat/>'
            '<w:uiPriority w:val="0"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>'
            f'<w:rPr>{normal_rpr}{lang}</w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 1"/><w:basedOn w:val="1"/>'
            '<w:next w:val="1"/><w:qFormat/><w:uiPriority w:val="0"/><w:pPr><w:keepNext/><w:keepLines/>'
            '<w:spacing w:before="340" w:beforeLines="0" w:beforeAutospacing="0" w:after="330" w:afterLines="0" '
            'w:afterAutospacing="0" w:line="576" w:lineRule="auto"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/>'
            '<w:kern w:val="44"/><w:sz w:val="44"/></w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="3"><w:name w:val="footer"/><w:basedOn w:val="1"/><w:qFormat/>'
            '<w:uiPriority w:val="0"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" '
            'w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/>'
            '</w:rPr></w:style>'
            '<w:style w:type="paragraph" w:styleId="4"><w:name w:val="header"/><w:basedOn w:val="1"/><w:qFormat/>'
            f'<w:uiPriority w:val="0"/><w:pPr><w:pBdr>{none("top", 1)}{none("left", 4)}{none("bottom", 1)}'
            f'{none("right", 4)}</w:pBdr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" '
            'w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/>'
            '</w:rPr></w:style>'
            '<w:style w:type="table" w:default="1" w:styleId="5"><w:name w:val="Normal Table"/><w:semiHidden/>'
            '<w:qFormat/><w:uiPriority w:val="0"/><w:tblPr><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
            '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
            '</w:tblCellMar></w:tblPr></w:style>'
            '<w:style w:type="character" w:default="1" w:styleId="6"><w:name w:val="Default Paragraph Font"/>'
            '<w:semiHidden/><w:qFormat/><w:uiPriority w:val="0"/></w:style>' + "".join(d.custom_styles))
        return (f'{DECL}<w:styles {STYLES_NS_WPS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" '
                'w:hAnsi="Calibri" w:eastAsia="宋体" w:cs="Times New Roman"/></w:rPr></w:rPrDefault><w:pPrDefault/>'
                '</w:docDefaults><w:latentStyles w:count="260" w:defQFormat="0" w:defUnhideWhenUsed="1" '
                f'w:defSemiHidden="1" w:defUIPriority="99" w:defLockedState="0">{latent}</w:latentStyles>{styles}'
                '</w:styles>')

    def settings_xml(self):
        d = self.doc
        eo = '<w:evenAndOddHeaders w:val="1"/>' if d.even_odd else ""
        mode = "14" if self.version != "10" else "14"
        compat = ('<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>'
                  '<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>'
                  + "".join(f'<w:compatSetting w:name="{n}" w:uri="http://schemas.microsoft.com/office/word" w:val="{v}"/>'
                            for n, v in (("compatibilityMode", mode), ("overrideTableStyleFontSizeAndJustification", "1"),
                                         ("enableOpenTypeFeatures", "1"), ("doNotFlipMirrorIndents", "1")))
                  + "</w:compat>")
        hdid = self.ids.next() + self.ids.next() + self.ids.next() + self.ids.next()
        rs = sorted({self.ids.next() for _ in range(5)})
        return (f'{DECL}<w:settings {WPS_SETTINGS_NS}><w:zoom w:percent="100"/><w:bordersDoNotSurroundHeader w:val="1"/>'
                '<w:bordersDoNotSurroundFooter w:val="1"/><w:documentProtection w:enforcement="0"/>'
                f'<w:defaultTabStop w:val="420"/>{eo}<w:drawingGridHorizontalSpacing w:val="160"/>'
                '<w:drawingGridVerticalSpacing w:val="290"/><w:displayHorizontalDrawingGridEvery w:val="0"/>'
                '<w:displayVerticalDrawingGridEvery w:val="2"/><w:characterSpacingControl w:val="compressPunctuation"/>'
                f'{compat}<w:docVars><w:docVar w:name="commondata" w:val="{_b64(chr(123) + chr(34) + "hdid" + chr(34) + ":" + chr(34) + hdid.lower() + chr(34) + chr(125))}"/></w:docVars>'
                f'<w:rsids><w:rsidRoot w:val="{rs[0]}"/>' + "".join(f'<w:rsid w:val="{r}"/>' for r in rs) + '</w:rsids>'
                '<m:mathPr><m:mathFont m:val="Cambria Math"/><m:brkBin m:val="before"/><m:brkBinSub m:val="--"/>'
                '<m:smallFrac m:val="0"/><m:dispDef/><m:lMargin m:val="0"/><m:rMargin m:val="0"/>'
                '<m:defJc m:val="centerGroup"/><m:wrapIndent m:val="1440"/><m:intLim m:val="subSup"/>'
                '<m:naryLim m:val="undOvr"/></m:mathPr><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
                '<w:clrSchemeMapping w:bg1="light1" w:t1="dark1" w:bg2="light2" w:t2="dark2" w:accent1="accent1" '
                'w:accent2="accent2" w:accent3="accent3" w:accent4="accent4" w:accent5="accent5" w:accent6="accent6" '
                'w:hyperlink="hyperlink" w:followedHyperlink="followedHyperlink"/><w:doNotIncludeSubdocsInStats/>'
                '<w:shapeDefaults><o:shapedefaults fillcolor="#FFFFFF" fill="t" stroke="t"><v:fill on="t" '
                'focussize="0,0"/><v:stroke color="#000000"/></o:shapedefaults><o:shapelayout v:ext="edit">'
                '<o:idmap v:ext="edit" data="1"/></o:shapelayout></w:shapeDefaults></w:settings>')

    def package(self) -> bytes:
        d = self.doc
        document = self.document_xml()
        # WPS: styles rId1, settings rId2, headers/footers, theme, numbering, customXml, fontTable last
        rels, k = [], 0

        def add(typ, target):
            nonlocal k
            k += 1
            rels.append((f"rId{k}", typ, target))
            return f"rId{k}"

        add(RT + "styles", "styles.xml")
        add(RT + "settings", "settings.xml")
        for old, typ, target in self.doc_rels:
            new = add(typ, target)
            document = document.replace(f'r:id="{old}"', f'r:id="{new}"')   # the quote ends the id: rIdHF1 ≠ rIdHF10
        add(RT + "theme", "theme/theme1.xml")
        if d.numbering:
            add(RT + "numbering", "numbering.xml")
        add(RT + "customXml", "../customXml/item1.xml")
        add(RT + "fontTable", "fontTable.xml")
        rels.sort(key=lambda r: r[0], reverse=True)      # WPS writes them in descending string order
        fonts = [f for f in (TNR, ST, "Wingdings", "Arial", HT, "Courier New", "Symbol", "Calibri", FS, KT, XBS, "仿宋")
                 if f in FONTS and (f in self.fonts_used or f in (TNR, ST, HT, "Calibri"))]
        build = self.BUILD[self.version]
        icv = (self.ids.next() + self.ids.next() + self.ids.next() + self.ids.next())
        parts = {
            "word/document.xml": document,
            "word/styles.xml": self.styles_xml(),
            "word/settings.xml": self.settings_xml(),
            "word/fontTable.xml": fonts_xml(fonts, wps=True),
            "word/theme/theme1.xml": theme_xml("Office 主题", "Calibri Light", "Calibri", "宋体", "宋体"),
            "word/_rels/document.xml.rels": rels_xml(rels),
            "customXml/item1.xml": (f'{DECL}<s:customData xmlns="http://www.wps.cn/officeDocument/2013/wpsCustomData" '
                                    'xmlns:s="http://www.wps.cn/officeDocument/2013/wpsCustomData"><customSectProps>'
                                    + "<customSectPr/>" * (1 + sum(1 for p in d.body if isinstance(p, Para) and p.sect))
                                    + '</customSectProps></s:customData>'),
            "customXml/itemProps1.xml": (f'{DECL}<ds:datastoreItem ds:itemID="{{{_guid(self.ids)}}}" '
                                         'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
                                         '<ds:schemaRefs><ds:schemaRef ds:uri="http://www.wps.cn/officeDocument/2013/'
                                         'wpsCustomData"/></ds:schemaRefs></ds:datastoreItem>'),
            "customXml/_rels/item1.xml.rels": rels_xml([("rId1", RT + "customXmlProps", "itemProps1.xml")]),
        }
        if d.numbering:
            parts["word/numbering.xml"] = numbering_xml(d.numbering, STYLES_NS_WPS, True, self.ids)
        parts.update(self.parts)
        m = d.meta
        chars = sum(len(p.text) for p in d.body if isinstance(p, Para))
        parts["docProps/app.xml"] = (
            f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm'
            f'</Template><Pages>{m.pages}</Pages><Words>{chars // 2}</Words><Characters>{chars}</Characters>'
            f'<Lines>0</Lines><Paragraphs>0</Paragraphs><TotalTime>{m.total_time}</TotalTime><ScaleCrop>false</ScaleCrop>'
            f'<LinksUpToDate>false</LinksUpToDate><CharactersWithSpaces>{chars}</CharactersWithSpaces>'
            f'<Application>WPS Office_{build}_F1E327BC-269C-435d-A152-05C5408002CA</Application>'
            '<DocSecurity>0</DocSecurity></Properties>')
        parts["docProps/core.xml"] = core_xml(m)
        parts["docProps/custom.xml"] = (
            f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property '
            f'fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-{build}'
            '</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV">'
            f'<vt:lpwstr>{icv}{"_11" if self.version == "12" else ""}</vt:lpwstr></property></Properties>')
        parts["_rels/.rels"] = rels_xml([
            ("rId4", RT + "officeDocument", "word/document.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
             "docProps/core.xml"),
            ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
             "docProps/app.xml"),
            ("rId3", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties",
             "docProps/custom.xml")])
        over = [("/customXml/itemProps1.xml", "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"),
                ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
                ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                ("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"),
                ("/word/document.xml", CT + "document.main+xml"), ("/word/fontTable.xml", CT + "fontTable+xml")]
        over += [(f"/word/{n}", CT + f"{kind}+xml") for n, kind in sorted(self.hf_parts, key=lambda x: _natural(x[0]))]
        if d.numbering:
            over.append(("/word/numbering.xml", CT + "numbering+xml"))
        over += [("/word/settings.xml", CT + "settings+xml"), ("/word/styles.xml", CT + "styles+xml"),
                 ("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml")]
        parts["[Content_Types].xml"] = (
            f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            + "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in over) + "</Types>")
        # WPS writes the entries in name order
        order = sorted(parts)
        return zip_parts({k4: v.encode("utf-8") if isinstance(v, str) else v for k4, v in parts.items()}, order)


def _natural(s: str):
    import re
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def _guid(ids: Ids) -> str:
    a = ids.next() + ids.next() + ids.next() + ids.next()
    return f"{a[:8]}-{a[8:12]}-{a[12:16]}-{a[16:20]}-{a[20:32]}"


_PUNCT = set("，。、；：？！“”‘’（）《》—…")


def _is_punct(s: str) -> bool:
    return bool(s) and all(c in _PUNCT for c in s)


def _split_punct(chunk: str) -> list[str]:
    out, buf = [], ""
    for ch in chunk:
        if (ch in _PUNCT) != _is_punct(buf[-1:]) and buf:
            out.append(buf)
            buf = ""
        buf += ch
    if buf:
        out.append(buf)
    return out


def build(doc: Doc, program: str, version: str, **kw) -> bytes:
    if program == "Word":
        return WordWriter(doc, version, **kw).package()
    return WpsWriter(doc, version, **kw).package()


class PandocWriter(WordWriter):
    """pandoc's own reference.docx: a Word 2007 (12.0) file without rsids or paraIds, en-US style ids
    (Normal, BodyText, Title, Heading1 …)."""

    def __init__(self, doc: Doc):
        super().__init__(doc, "2016")
        self.doc_ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                       'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
                       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
                       'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" '
                       'xmlns:w10="urn:schemas-microsoft-com:office:word" '
                       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
                       'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
                       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"')
        self.app_version = "12.0000"
        self.application = "Microsoft Word 12.0.0"

    def para_attrs(self, p, story):
        return ""

    def run_attrs(self):
        return ""

    def sect_attrs(self):
        return ""

    def split(self, run):
        return [(any(is_cjk_char(c) for c in run.text), run.text)]

    def rfonts(self, run, cjk):
        return ""

    def rpr(self, run, cjk, *, mark=False):
        return ""

    def styles_xml(self):
        body = "".join(self.doc.custom_styles)
        return (f'{DECL}<w:styles xmlns:w="{W}" xmlns:r="{R_NS}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts '
                'w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" '
                'w:cstheme="minorBidi"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" '
                'w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing '
                'w:after="200"/></w:pPr></w:pPrDefault></w:docDefaults><w:latentStyles w:defLockedState="0" '
                'w:defUIPriority="0" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="276"/>'
                '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
                '</w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name '
                'w:val="Default Paragraph Font"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
                f'{body}</w:styles>')

    def settings_xml(self):
        return (f'{DECL}<w:settings xmlns:w="{W}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">'
                '<w:zoom w:percent="90"/><w:embedSystemFonts/><w:bordersDoNotSurroundHeader/><w:bordersDoNotSurroundFooter/>'
                '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat>'
                '<w:useFELayout/></w:compat><m:mathPr><m:mathFont m:val="Cambria Math"/></m:mathPr>'
                '<w:themeFontLang w:val="en-US"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>')
