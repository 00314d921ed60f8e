"""Effective paragraph and run properties, resolved the way Word resolves them.

Order (ECMA-376 §17.7.2): document defaults → paragraph style chain (basedOn, root first) →
numbering level → direct paragraph properties; for runs: document defaults → paragraph style chain
→ character style chain → direct run properties.  Attributes merge one by one (a style that sets
only w:eastAsia keeps the inherited w:ascii).  Font "slots" (ascii, hAnsi, eastAsia, cs) hold either
an explicit name or a theme reference; within one w:rFonts the theme reference wins, as in Word.
Theme references are resolved through word/theme/theme1.xml and remembered, because WPS does not
resolve them reliably (it reports the font as missing or substitutes its own).

Simplifications (none matters for GB/T 9704 documents): toggle properties (bold, italic) take the
last value instead of XOR-ing style levels; table styles are not applied.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..ooxml import NS, local, on, w, wattr, wint

SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
_LANG_SCRIPT = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant",
                "ja-jp": "Jpan", "ko-kr": "Hang"}
DEFAULT_SZ = 20          # half-points: 10 pt when nothing sets a size (ECMA-376 §17.3.2.38)


@dataclass(frozen=True, slots=True)
class FontRef:
    """One font slot: the name used, and the theme reference it came from (if any)."""

    name: str | None
    theme: str | None = None          # e.g. "minorEastAsia"
    source: str = ""                  # where it was set: "文档默认格式", "样式“正文”", "直接格式"

    @property
    def is_theme(self) -> bool:
        return self.theme is not None


@dataclass
class RunProps:
    fonts: dict = field(default_factory=dict)        # slot -> FontRef
    hint: str | None = None
    sz: int | None = None                            # half-points
    bold: bool = False
    italic: bool = False
    color: str | None = None                         # "auto" or RRGGBB (upper case)
    spacing: int = 0                                 # character spacing, twentieths of a point
    vanish: bool = False
    underline: bool = False

    @property
    def size_pt(self) -> float:
        return (self.sz if self.sz is not None else DEFAULT_SZ) / 2

    def font(self, slot: str = "eastAsia") -> FontRef:
        return self.fonts.get(slot) or FontRef(None)


@dataclass
class ParaProps:
    style_id: str | None = None
    style_name: str | None = None
    jc: str = "left"
    before: int = 0
    after: int = 0
    before_lines: int | None = None
    after_lines: int | None = None
    line: int = 240
    line_rule: str = "auto"
    left: int = 0
    right: int = 0
    first_line: int = 0                 # negative = hanging
    first_line_chars: int | None = None  # hundredths of a character (200 = 2 字)
    left_chars: int | None = None
    right_chars: int | None = None
    num_id: str | None = None
    ilvl: int = 0
    snap_to_grid: bool = True
    frame: dict | None = None
    borders: dict = field(default_factory=dict)      # side -> (val, color, sz)
    outline_level: int | None = None
    keep_next: bool = False
    page_break_before: bool = False     # 段前分页: the paragraph starts a page
    tabs: dict = field(default_factory=dict)         # position -> kind (left, center, right, …)

    def copy(self) -> "ParaProps":
        c = ParaProps(**{k: getattr(self, k) for k in self.__dataclass_fields__})
        c.borders = dict(self.borders)
        c.tabs = dict(self.tabs)
        return c


class Theme:
    def __init__(self, root, lang_ea: str | None):
        self.fonts = {"major": {}, "minor": {}}
        self.script = _LANG_SCRIPT.get((lang_ea or "zh-CN").lower(), "Hans")
        if root is None:
            return
        for which in ("major", "minor"):
            el = root.find(f".//a:fontScheme/a:{which}Font", NS)
            if el is None:
                continue
            d = self.fonts[which]
            for kind in ("latin", "ea", "cs"):
                e = el.find(f"a:{kind}", NS)
                d[kind] = (e.get("typeface") or "") if e is not None else ""
            for e in el.findall("a:font", NS):
                d["script:" + (e.get("script") or "")] = e.get("typeface") or ""

    def resolve(self, ref: str) -> str | None:
        which = "major" if ref.startswith("major") else "minor"
        d = self.fonts[which]
        if ref.endswith("EastAsia"):
            return d.get("ea") or d.get("script:" + self.script) or None
        if ref.endswith("Bidi"):
            return d.get("cs") or None
        return d.get("latin") or None


def _border_sides(el) -> dict:
    out = {}
    if el is None:
        return out
    for side in el:
        val = wattr(side, "val")
        out[local(side)] = (val, (wattr(side, "color") or "auto").upper(), wint(side, "sz", 0))
    return out



# Word stores its built-in styles under English names ("heading 1"); a Chinese Word shows them as
_WORD_UI_NAMES = {"normal": "正文", "title": "标题", "subtitle": "副标题", "header": "页眉", "footer": "页脚",
                  "body text": "正文文本", "list paragraph": "列表段落", "default paragraph font": "默认段落字体",
                  "table grid": "网格型", "hyperlink": "超链接", "page number": "页码", "caption": "题注",
                  "footnote text": "脚注文本", "quote": "引用", "no spacing": "无间隔", "strong": "要点",
                  "emphasis": "强调", "plain text": "纯文本", "normal table": "普通表格", "no list": "无列表"}


def word_ui_name(name: str) -> str:
    """The name a Chinese Word shows for a style: "heading 1" -> "标题 1", "Normal" -> "正文"."""
    low = name.strip().lower()
    for prefix, zh in (("heading ", "标题 "), ("toc ", "目录 ")):
        if low.startswith(prefix) and low[len(prefix):].isdigit():
            return zh + low[len(prefix):]
    return _WORD_UI_NAMES.get(low, name)

class StyleSheet:
    """styles.xml + theme + numbering, ready to resolve any paragraph or run."""

    def __init__(self, styles_root, theme: Theme, numbering=None):
        self.theme = theme
        self.numbering = numbering
        self.styles: dict[str, object] = {}
        self.names: dict[str, str] = {}
        self.default_para: str | None = None
        self.default_char: str | None = None
        self.rpr_default = None
        self.ppr_default = None
        if styles_root is not None:
            dd = styles_root.find("w:docDefaults", NS)
            if dd is not None:
                self.rpr_default = dd.find("w:rPrDefault/w:rPr", NS)
                self.ppr_default = dd.find("w:pPrDefault/w:pPr", NS)
            for st in styles_root.findall("w:style", NS):
                sid = wattr(st, "styleId")
                if sid is None:
                    continue
                self.styles.setdefault(sid, st)
                name = st.find("w:name", NS)
                self.names[sid] = word_ui_name(wattr(name, "val") or sid)
                if on(st, "default") and wattr(st, "default") is not None:
                    kind = wattr(st, "type") or "paragraph"
                    if kind == "paragraph" and self.default_para is None:
                        self.default_para = sid
                    elif kind == "character" and self.default_char is None:
                        self.default_char = sid
        self._ppr_cache: dict = {}
        self._rpr_cache: dict = {}

    # -- style chains ------------------------------------------------------------------------
    def chain(self, sid: str | None, kind: str = "paragraph") -> list:
        """[root style, …, sid] following basedOn (cycles and unknown ids stop the chain)."""
        out, seen = [], set()
        while sid and sid in self.styles and sid not in seen and len(out) < 30:
            st = self.styles[sid]
            if (wattr(st, "type") or "paragraph") != kind:
                break
            seen.add(sid)
            out.append(st)
            based = st.find("w:basedOn", NS)
            sid = wattr(based, "val")
        return list(reversed(out))

    def style_label(self, sid: str | None) -> str:
        if not sid:
            return "“正文”"
        return f"“{self.names.get(sid, sid)}”"

    def para_style_id(self, ppr) -> str | None:
        ps = ppr.find("w:pStyle", NS) if ppr is not None else None
        sid = wattr(ps, "val")
        if sid and sid in self.styles:
            return sid
        return self.default_para

    # -- paragraph properties ----------------------------------------------------------------
    def _apply_ppr(self, p: ParaProps, ppr) -> None:
        if ppr is None:
            return
        for el in ppr:
            name = local(el)
            if name == "jc":
                v = wattr(el, "val") or "left"
                p.jc = {"start": "left", "end": "right", "justify": "both", "distribute": "distribute"}.get(v, v)
            elif name == "spacing":
                p.before = wint(el, "before", p.before)
                p.after = wint(el, "after", p.after)
                if wattr(el, "beforeLines") is not None:
                    p.before_lines = wint(el, "beforeLines")
                if wattr(el, "afterLines") is not None:
                    p.after_lines = wint(el, "afterLines")
                if wattr(el, "line") is not None:
                    p.line = wint(el, "line", p.line)
                    p.line_rule = wattr(el, "lineRule") or "auto"
                elif wattr(el, "lineRule") is not None:
                    p.line_rule = wattr(el, "lineRule")
            elif name == "ind":
                left = wattr(el, "left") if wattr(el, "left") is not None else wattr(el, "start")
                right = wattr(el, "right") if wattr(el, "right") is not None else wattr(el, "end")
                if left is not None:
                    p.left = wint(el, "left" if wattr(el, "left") is not None else "start", 0)
                    p.left_chars = None
                if right is not None:
                    p.right = wint(el, "right" if wattr(el, "right") is not None else "end", 0)
                    p.right_chars = None
                if wattr(el, "leftChars") is not None or wattr(el, "startChars") is not None:
                    p.left_chars = wint(el, "leftChars", wint(el, "startChars", 0))
                if wattr(el, "rightChars") is not None or wattr(el, "endChars") is not None:
                    p.right_chars = wint(el, "rightChars", wint(el, "endChars", 0))
                keys = ("firstLine", "hanging", "firstLineChars", "hangingChars")
                if any(wattr(el, k) is not None for k in keys):
                    p.first_line, p.first_line_chars = 0, None
                    if wattr(el, "firstLine") is not None:
                        p.first_line = wint(el, "firstLine", 0)
                    if wattr(el, "hanging") is not None:
                        p.first_line = -wint(el, "hanging", 0)
                    if wattr(el, "firstLineChars") is not None:
                        p.first_line_chars = wint(el, "firstLineChars", 0)
                    if wattr(el, "hangingChars") is not None:
                        p.first_line_chars = -wint(el, "hangingChars", 0)
                    if p.first_line_chars == 0:
                        p.first_line_chars = None
            elif name == "numPr":
                nid = el.find("w:numId", NS)
                lvl = el.find("w:ilvl", NS)
                if nid is not None:
                    p.num_id = wattr(nid, "val")
                if lvl is not None:
                    p.ilvl = wint(lvl, "val", 0)
            elif name == "snapToGrid":
                p.snap_to_grid = bool(on(el))
            elif name == "framePr":
                p.frame = {k.rsplit("}", 1)[-1]: v for k, v in el.attrib.items()}
            elif name == "pBdr":
                p.borders.update(_border_sides(el))
            elif name == "outlineLvl":
                p.outline_level = wint(el, "val")
            elif name == "keepNext":
                p.keep_next = bool(on(el))
            elif name == "pageBreakBefore":
                p.page_break_before = bool(on(el))
            elif name == "tabs":
                for t in el.findall("w:tab", NS):
                    pos, kind = wint(t, "pos", 0), wattr(t, "val") or "left"
                    if kind == "clear":
                        p.tabs.pop(pos, None)
                    else:
                        p.tabs[pos] = kind

    def para_props(self, ppr) -> ParaProps:
        sid = self.para_style_id(ppr)
        base = self._ppr_cache.get(sid)
        if base is None:
            base = ParaProps()
            self._apply_ppr(base, self.ppr_default)
            for st in self.chain(sid):
                self._apply_ppr(base, st.find("w:pPr", NS))
            base.style_id = sid
            base.style_name = self.names.get(sid) if sid else None
            self._ppr_cache[sid] = base
        p = base.copy()
        if ppr is not None:
            # numbering first (its indents sit between the style and direct formatting)
            direct_num = ppr.find("w:numPr", NS)
            if direct_num is not None:
                self._apply_ppr(p, _wrap(direct_num))
            if p.num_id and p.num_id != "0" and self.numbering is not None:
                self._apply_ppr(p, self.numbering.level_ppr(p.num_id, p.ilvl))
            self._apply_ppr(p, ppr)
        elif p.num_id and p.num_id != "0" and self.numbering is not None:
            self._apply_ppr(p, self.numbering.level_ppr(p.num_id, p.ilvl))
        return p

    # -- run properties ----------------------------------------------------------------------
    def _apply_rpr(self, r: RunProps, rpr, source: str) -> None:
        if rpr is None:
            return
        for el in rpr:
            name = local(el)
            if name == "rFonts":
                for slot in SLOTS:
                    theme = wattr(el, _THEME_ATTR[slot])
                    if slot == "cs" and theme is None:
                        theme = wattr(el, "csTheme")
                    if theme:
                        r.fonts[slot] = FontRef(self.theme.resolve(theme), theme, source)
                    elif wattr(el, slot) is not None:
                        r.fonts[slot] = FontRef(wattr(el, slot), None, source)
                if wattr(el, "hint") is not None:
                    r.hint = wattr(el, "hint")
            elif name == "sz":
                r.sz = wint(el, "val", r.sz)
            elif name == "b":
                r.bold = bool(on(el))
            elif name == "i":
                r.italic = bool(on(el))
            elif name == "color":
                r.color = (wattr(el, "val") or "auto").upper()
                if r.color == "AUTO":
                    r.color = "auto"
            elif name == "spacing":
                r.spacing = wint(el, "val", 0)
            elif name == "vanish":
                r.vanish = bool(on(el))
            elif name == "u":
                r.underline = (wattr(el, "val") or "single") != "none"

    def run_props(self, rpr, para: ParaProps) -> RunProps:
        key = para.style_id
        base = self._rpr_cache.get(key)
        if base is None:
            base = RunProps()
            self._apply_rpr(base, self.rpr_default, "文档默认格式")
            for st in self.chain(para.style_id):
                sid = wattr(st, "styleId")
                self._apply_rpr(base, st.find("w:rPr", NS), f"样式{self.style_label(sid)}")
            self._rpr_cache[key] = base
        r = RunProps(dict(base.fonts), base.hint, base.sz, base.bold, base.italic, base.color, base.spacing,
                     base.vanish, base.underline)
        rs = rpr.find("w:rStyle", NS) if rpr is not None else None
        csid = wattr(rs, "val") or self.default_char
        for st in self.chain(csid, "character"):
            sid = wattr(st, "styleId")
            self._apply_rpr(r, st.find("w:rPr", NS), f"字符样式{self.style_label(sid)}")
        self._apply_rpr(r, rpr, "直接格式")
        return r


def _wrap(el):
    """A stand-in pPr holding one element (so _apply_ppr can read it)."""
    from lxml import etree

    p = etree.Element(w("pPr"))
    p.append(_clone(el))
    return p


def _clone(el):
    from copy import deepcopy

    return deepcopy(el)
