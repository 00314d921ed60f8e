"""Reader: a PDF with a text layer (as LibreOffice, Word, WPS or a browser's "打印为 PDF" write it)
-> :class:`drafter.source.Source` (``fmt`` "pdf").  No report knowledge here.

The PDF is read through PDFium (pypdfium2, a dependency of drafter; the engine pdfplumber renders
pages with): pdfminer, pdfplumber's pure-Python parser, takes ~0.1 s a page, PDFium a hundredth of
that.  A PDF holds positioned characters, not paragraphs.  The characters are grouped into printed
lines by their height on the page; a gap inside a line much wider than the line's usual spacing (a
tab stop, the space between two joint organs' names) becomes an ideographic space, a space glyph
stays a space.  Then:

- **page furniture goes**: page numbers ("— 3 —", "-3-", "第3页", "3/10") at the top or bottom of a
  page, and running headers and footers (the same line at the top or bottom of several pages; a
  browser's date/title header and URL footer) are dropped and listed;
- **paragraphs are rebuilt from lines**: a line begins a paragraph when it starts indented (公文's
  two-字 first-line indent), when the line before ended short of the right margin, after a gap wider
  than the line pitch, when the size or colour changes, or when the line before was centred or set
  right (a title, a 署名); otherwise it continues the line before — Chinese lines join without a
  space, Latin words with one;
- **the 版头**: the lines above the red rule of the first page are kept one paragraph each; red text
  in a large size there is the 发文机关标志 (role FLAG; "文件" printed beside stacked organs comes
  after them, as in the 标志 itself); the rule is noted (two of 170 mm: 信函格式);
- **the seal**: a 署名 set with three blank lines or more above it (room for the seal, GB/T 9704
  §7.3.5.1), or a red round shape beside it, makes ``Source.sealed``.

Each paragraph's look (alignment, size, colour, font; bold for a bold or heading face) is given as
the reader's paragraph (:class:`drafter.reader.document.Para`), the same evidence a Word file gives
the anatomy pass.  A PDF without a text layer (a scan) is refused with a Chinese message (FZ093),
never read as an empty report; a password (FZ085), a damaged file (FZ081), an oversized one (FZ086)
and a broken installation (FZ062) likewise.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import conventions as C
from .. import source as S
from ..diagnostics import DrafterError
from ..textutil import is_cjk

MAX_PDF_BYTES = 50 * 1024 * 1024      # a report's PDF is well under 5 MB; scans with images more
MAX_PAGES = 300                       # a report is 3–30 pages
MAX_CHARS = 600_000                   # 100 pages of dense text
PDF_MAGIC = b"%PDF-"
MM = 72 / 25.4
LETTER_RULE_MM = (160.0, 180.0)       # 信函格式's red lines are 170 mm (GB/T 9704 §10.1); 文件格式's 156 mm


@dataclass
class Line:
    """One printed line of a page."""

    page: int                         # 1-based
    n: int                            # line number on its page, 1-based
    top: float
    bottom: float
    x0: float
    x1: float
    size: float                       # the size most of its characters have
    text: str
    color: str | None                 # RRGGBB of most of its characters
    fonts: list[tuple[str, str]]      # (text, font name) of its runs
    width: float                      # page width
    hangs: list[float] = field(default_factory=list)   # x where the text after a leading "标签：" or "1." starts
    cells: list[str] | None = None    # a row of a ruled table: its cells' text

    @property
    def mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Rule:
    page: int
    top: float
    x0: float
    x1: float
    color: str | None
    bottom: float | None = None       # a vertical rule's foot (its top is ``top``)

    @property
    def width_mm(self) -> float:
        return (self.x1 - self.x0) / MM


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    vrules: list[Rule] = field(default_factory=list)      # vertical rules (a table's grid)
    seal_marks: list[Rule] = field(default_factory=list)   # round shapes a seal's size (red: a seal)
    images: int = 0
    unmapped: int = 0                 # characters whose font gives no Unicode (text that copies as garbage)


# ---------------------------------------------------------------------------------------------
def read_pdf(path: Path, name: str) -> S.Source:
    pages = _pages(path, name)
    text_chars = sum(len(ln.text) for pg in pages for ln in pg.lines)
    unmapped = sum(pg.unmapped for pg in pages)
    if text_chars == 0 or unmapped > text_chars:
        imaged = sum(1 for pg in pages if pg.images)
        if unmapped > text_chars:
            what = "中的文字无法提取（PDF 的字体没有文字编码，复制出来是乱码）"
        elif imaged:
            what = (f"的 {len(pages)} 页都是图片（扫描件或拍照件），没有文字" if len(pages) > 1
                    else "是图片（扫描件或拍照件），没有文字")
        else:
            what = "中没有可以读取的文字"
        raise DrafterError("FZ093", f"“{name}”{what}：drafter 不识别图片中的文字，无法导入。请找到这份报告的 Word 文件"
                                    "（.docx、.doc 或 .wps）导入；或在网站上找到它的网页版，把网页另存为 .html 后导入；"
                                    "或用 WPS、Word 的“PDF 转 Word”（文字识别）转成 .docx，核对文字后再导入", file=name)
    return _Assembler(pages, name).source()


def _pages(path: Path, name: str) -> list[_Page]:
    from .readers import _head

    _head(path, name)
    size = path.stat().st_size
    if size > MAX_PDF_BYTES:
        raise DrafterError("FZ086", f"“{name}”过大（{size // 1024 // 1024} MB），超过 {MAX_PDF_BYTES // 1024 // 1024} MB，"
                                    "不像是一份报告的 PDF；请检查是否选错了文件", file=name)
    with path.open("rb") as f:
        start = f.read(1024)
    if PDF_MAGIC not in start:
        from .readers import what_file

        raise DrafterError("FZ090", f"“{name}”不是 PDF 文件（{what_file(start)}）；"
                                    "请确认文件类型，或把扩展名改成它真正的类型后再导入", file=name)
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as R
    except ImportError:
        raise DrafterError("FZ062", "导入 PDF 需要 pypdfium2（drafter 的依赖，安装不完整）；请运行 "
                                    "pip install pypdfium2 后重试，或把 PDF 中的文字复制到 .txt 文件后导入", file=name)

    def damaged(what: str = "") -> DrafterError:
        return DrafterError("FZ081", f"“{name}”{what or ''}已损坏或不完整（可能没有下载完），无法读取；请重新下载，或在网站上"
                                     "找到这份报告的网页版，另存为 .html 后导入", file=name)

    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        if e.err_code == R.FPDF_ERR_PASSWORD:
            raise DrafterError("FZ085", f"“{name}”设置了打开密码（已加密），无法读取；请向发布单位索取没有密码的文件，"
                                        "或在 PDF 阅读器中输入密码后“另存为”没有密码的 PDF 再导入", file=name)
        raise damaged()
    out: list[_Page] = []
    total = 0
    try:
        n = len(doc)
        if n > MAX_PAGES:
            raise DrafterError("FZ086", f"“{name}”有 {n} 页，超过 {MAX_PAGES} 页，不像是一份年度报告；"
                                        "请检查是否选错了文件", file=name)
        for k in range(n):
            try:
                pg = _read_page(doc[k], k + 1, R)
            except pdfium.PdfiumError:
                raise damaged(f"第{k + 1}页")
            total += sum(len(ln.text) for ln in pg.lines)
            if total > MAX_CHARS:
                raise DrafterError("FZ086", f"“{name}”的文字过多（前{k + 1}页已超过 {MAX_CHARS // 10000} 万字），不像是一份"
                                            "年度报告；请检查是否选错了文件", file=name)
            out.append(pg)
    finally:
        doc.close()
    if not out:
        raise damaged("中没有任何页面，")
    return out


# ---------------------------------------------------------------------------------------------
def _norm_char(t: str) -> str:
    """Kangxi radicals and compatibility ideographs that some PDF writers map their glyphs to ("⽇" for
    日) are the ordinary characters; full-width punctuation stays as it is."""
    if len(t) == 1 and ("\u2f00" <= t <= "\u2fdf" or "\u2e80" <= t <= "\u2eff" or "\uf900" <= t <= "\ufaff"):
        return unicodedata.normalize("NFKC", t)
    return t


def _rgb(fn, obj) -> str | None:
    import ctypes

    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not fn(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
        return None
    return f"{r.value:02X}{g.value:02X}{b.value:02X}"


def _read_page(page, number: int, R) -> _Page:
    """One page through PDFium: its characters (as pdfplumber names their fields), its horizontal
    rules, round shapes a seal's size and images."""
    import ctypes

    width, height = page.get_size()
    pg = _Page(number, float(width), float(height))
    for obj in page.get_objects(filter=(R.FPDF_PAGEOBJ_PATH, R.FPDF_PAGEOBJ_IMAGE), max_depth=3):
        if obj.type == R.FPDF_PAGEOBJ_IMAGE:
            pg.images += 1
            continue
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        R.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke))
        color = _rgb(R.FPDFPageObj_GetStrokeColor if stroke.value else R.FPDFPageObj_GetFillColor, obj.raw)
        if w >= 60 and h <= 12 and w > 10 * h:           # a horizontal rule (a compound double line is one path)
            pg.rules.append(Rule(number, float(height - top), float(left), float(right), color))
        elif h >= 8 and w <= 4:                          # a vertical rule
            pg.vrules.append(Rule(number, float(height - top), float(left), float(right), color, float(height - bottom)))
        elif 80 <= w <= 160 and 80 <= h <= 160:          # a round shape a seal's size
            pg.seal_marks.append(Rule(number, float(height - top), float(left), float(right), color))
    tp = page.get_textpage()
    try:
        chars = []
        raw = tp.raw
        rect = R.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        buf = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        rgba = [ctypes.c_uint() for _ in range(4)]
        rgba_refs = [ctypes.byref(x) for x in rgba]
        looks: dict[int, tuple] = {}                       # per text object: its font, size and colour
        for i in range(tp.count_chars()):
            u = R.FPDFText_GetUnicode(raw, i)
            if u in (0, 0x0D, 0x0A, 0xFFFE, 0xFFFF, 0x02) or u == 0x20 and R.FPDFText_IsGenerated(raw, i) == 1:
                continue                                   # PDFium's own line ends and word spaces
            if 0xE000 <= u <= 0xF8FF:
                pg.unmapped += 1                           # a private-use code: a glyph number, not a character
                continue
            if not R.FPDFText_GetLooseCharBox(raw, i, rect_ref):
                continue
            # font, size, colour, rotation and the font's Unicode map are the text object's: read once
            obj = ctypes.cast(R.FPDFText_GetTextObject(raw, i), ctypes.c_void_p).value or -i
            look = looks.get(obj)
            if look is None:
                n = R.FPDFText_GetFontInfo(raw, i, buf, len(buf), ctypes.byref(flags))
                font = buf.raw[:max(0, n - 1)].decode("latin-1")
                if R.FPDFText_GetFontWeight(raw, i) >= 600:
                    font += ",Bold"
                color = (f"{rgba[0].value:02X}{rgba[1].value:02X}{rgba[2].value:02X}"
                         if R.FPDFText_GetFillColor(raw, i, *rgba_refs) else None)
                angle = R.FPDFText_GetCharAngle(raw, i)
                turned = angle > 0.01 and abs(angle - 6.2832) > 0.01   # a seal's ring, a vertical label
                look = looks[obj] = (font, round(R.FPDFText_GetFontSize(raw, i), 1), color, turned)
            if look[3]:
                continue
            if R.FPDFText_HasUnicodeMapError(raw, i) == 1:
                pg.unmapped += 1                           # no ToUnicode map: a glyph number, not a character
                continue
            chars.append({"text": chr(u) if u < 0x110000 else "", "x0": rect.left, "x1": rect.right,
                          "top": height - rect.top, "bottom": height - rect.bottom, "size": look[1],
                          "fontname": look[0], "color": look[2]})
    finally:
        tp.close()
    chars, rows = _tables(chars, pg)
    pg.lines = sorted(_group_lines(chars, number, pg.width) + rows, key=lambda ln: ln.top)
    for n, ln in enumerate(pg.lines, 1):
        ln.n = n
    return pg


def _tables(chars: list[dict], pg: _Page) -> tuple[list[dict], list[Line]]:
    """Ruled tables: horizontal rules of one width stacked, with vertical rules down their sides.
    Each row between two rules becomes one line holding its cells (the text between the vertical
    rules that cross the row, its own lines joined); the characters in them are taken out of the page's
    lines.  Returns the other characters and the rows."""
    hr = sorted((r for r in pg.rules if not _red(r.color)), key=lambda r: r.top)
    groups: list[list[Rule]] = []
    for r in hr:
        g = next((g for g in groups if abs(g[0].x0 - r.x0) <= 3 and abs(g[0].x1 - r.x1) <= 3), None)
        if g is None:
            groups.append([r])
        elif r.top - g[-1].top > 4:                     # (a double rule counts once)
            g.append(r)
    rows: list[Line] = []
    taken: set[int] = set()
    for g in groups:
        if len(g) < 2:
            continue
        x0, x1, top, bottom = g[0].x0, g[0].x1, g[0].top, g[-1].top
        sides = [v for v in pg.vrules if v.top <= top + 3 and v.bottom >= bottom - 3]
        if not (any(abs(v.x0 - x0) <= 4 for v in sides) and any(abs(v.x1 - x1) <= 4 for v in sides)):
            continue                                     # no sides: a 版记's rules, not a grid
        for a, b in zip(g, g[1:]):
            xs = sorted({round((v.x0 + v.x1) / 2) for v in pg.vrules
                         if v.top <= a.top + 3 and v.bottom >= b.top - 3 and x0 - 4 <= v.x0 <= x1 + 4})
            if len(xs) < 2:
                continue
            cells, inside = [], []
            for c0, c1 in zip(xs, xs[1:]):
                cs = [c for c in chars if id(c) not in taken and c0 <= (c["x0"] + c["x1"]) / 2 < c1
                      and a.top <= (c["top"] + c["bottom"]) / 2 < b.top]
                taken.update(id(c) for c in cs)
                inside += cs
                lines = _group_lines(cs, pg.number, pg.width)
                text = ""
                for ln in lines:
                    text += (" " if text and _latin(text[-1]) and ln.text[:1].isascii() and ln.text[:1].isalpha() else "") + ln.text
                cells.append(text)
            ink = [c for c in inside if not c["text"].isspace()]
            if not ink or not any(cells):
                continue
            size = Counter(round(float(c.get("size") or 0), 1) for c in ink).most_common(1)[0][0]
            rows.append(Line(pg.number, 0, a.top + 0.01, b.top, x0, x1, size, "\u3000".join(x for x in cells if x),
                             None, [], pg.width, cells=cells))
    return [c for c in chars if id(c) not in taken], rows


def _group_lines(chars: list[dict], page: int, width: float) -> list[Line]:
    chars = sorted(chars, key=lambda c: ((c["top"] + c["bottom"]) / 2, c["x0"]))
    rows: list[list[dict]] = []
    mid_of: list[float] = []
    for c in chars:
        mid = (c["top"] + c["bottom"]) / 2
        size = float(c.get("size") or (c["bottom"] - c["top"]) or 10)
        if rows and abs(mid - mid_of[-1]) <= 0.4 * size:
            rows[-1].append(c)
            continue
        rows.append([c])
        mid_of.append(mid)
    out = []
    for row in rows:
        ln = _line(row, page, width)
        if ln is not None:
            ln.n = len(out) + 1
            out.append(ln)
    return out


def _line(row: list[dict], page: int, width: float) -> Line | None:
    row = sorted(row, key=lambda c: c["x0"])
    kept: list[dict] = []
    for c in row:                       # a glyph printed twice a hair apart (fake bold) counts once
        if kept and c["text"] == kept[-1]["text"] and abs(c["x0"] - kept[-1]["x0"]) < 0.2 * float(c.get("size") or 10):
            continue
        kept.append(c)
    ink = [c for c in kept if not c["text"].isspace()]
    # the usual gap between two Chinese characters: justification and letter-spacing (分散对齐) widen
    # those and not the ones inside a number, so a gap is a separator only when much wider than that
    gaps = sorted(float(b["x0"]) - float(a["x1"]) for a, b in zip(ink, ink[1:]) if _wide(a["text"]) and _wide(b["text"]))
    if not gaps:
        gaps = sorted(float(b["x0"]) - float(a["x1"]) for a, b in zip(ink, ink[1:]))
    usual = max(0.0, gaps[len(gaps) // 2]) if gaps else 0.0
    text = []
    fonts: list[tuple[str, str]] = []
    prev = None
    for c in kept:
        t = _norm_char(c["text"])
        if t.isspace():
            if text and not (t == " " and text[-1] == " "):
                text.append("\u3000" if t == "\u3000" else " ")     # a space glyph as printed
            prev = c
            continue
        if prev is not None and text and not text[-1].isspace():
            gap = float(c["x0"]) - float(prev["x1"])
            em = max(float(c.get("size") or 10), float(prev.get("size") or 10))
            if gap > max(0.6 * em, usual + 0.5 * em):    # a tab stop, the space between two names: a 字 each
                text.append("\u3000" * max(1, min(4, round((gap - usual) / em))))
            elif gap > 0.15 * em and _latin(text[-1][-1]) and _latin(t[0]):
                text.append(" ")
        text.append(t)
        font = str(c.get("fontname") or "")
        if fonts and fonts[-1][1] == font:
            fonts[-1] = (fonts[-1][0] + t, font)
        else:
            fonts.append((t, font))
        prev = c
    s = "".join(text).strip()
    if not s:
        return None
    sizes = Counter(round(float(c.get("size") or 0), 1) for c in ink)
    colors = Counter(c.get("color") for c in ink)
    # where the text after a leading label ("出席：", "抄送：", "附件：") or item number ("1.", "（2）")
    # starts: the positions a hanging indent continues the line at
    hangs = [float(b["x0"]) for a, b in zip(ink[:10], ink[1:11]) if a["text"] in "：:"]
    lead = "".join(c["text"] for c in ink[:12])
    after = lead.split("：", 1)[1] if "：" in lead[:8] else lead
    m = _ITEM_NO.match(after)
    if m:
        k = len(lead) - len(after) + m.end()
        if k < len(ink):
            hangs.append(float(ink[k]["x0"]))
    return Line(page, 0, min(float(c["top"]) for c in ink), max(float(c["bottom"]) for c in ink),
                float(ink[0]["x0"]), float(ink[-1]["x1"]), sizes.most_common(1)[0][0], s,
                colors.most_common(1)[0][0], fonts, width, hangs)


_ITEM_NO = re.compile(r"^(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])(?!\d)")     # "1." "2、" "（3）" leading an item


def _wide(ch: str) -> bool:
    """A Chinese character or full-width punctuation (the characters justification spreads)."""
    return bool(ch) and (is_cjk(ch[0]) or "\u3000" <= ch[0] <= "\u303f" or "\uff00" <= ch[0] <= "\uffef")


def _latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "%)")


def is_bold_font(name: str) -> bool:
    """A font name that prints bold or as a heading face (黑体, 小标宋)."""
    n = name.split("+", 1)[-1].lower()
    return bool(re.search(r"bold|black|heavy|hei|黑体|simhei|sans.*cjk.*(?:bold|medium)|xbs|xiaobiaosong|小标宋", n))


# ---------------------------------------------------------------------------------------------
class _Assembler:
    """Pages of lines -> paragraphs."""

    def __init__(self, pages: list[_Page], name: str):
        self.pages = pages
        self.name = name
        self.notes: list[str] = []
        self.page_numbers: list[tuple[str, str]] = []
        self.dropped: list[tuple[str, str]] = []      # running headers and footers

    def source(self) -> S.Source:
        self.drop_furniture()
        lines = [ln for pg in self.pages for ln in pg.lines]
        head_end = self.head_end()
        body_size = self.em = self.body_size(lines)
        geo = self.geometry(lines, body_size)
        paras: list[S.Para] = []
        cur: list[Line] = []
        joined_at: list[str] = []

        spans: dict[int, tuple[Line, Line]] = {}

        def flush():
            if cur:
                p = self.para(cur, self.geo_of(geo, cur[0]))
                last = spans[id(paras[-1])][1] if paras else None
                p.origin.starts_page = last is not None and last.page != cur[0].page    # the first on its page
                paras.append(p)
                spans[id(p)] = (cur[0], cur[-1])
                if len(cur) > 1:
                    joined_at.append(p.where)
                cur.clear()

        head_row: list[str] | None = None                 # the first row of the table being read
        for k, ln in enumerate(lines):
            if k < head_end:
                flush()
                cur.append(ln)
                flush()
                continue
            prev = lines[k - 1] if k else None
            if ln.cells is not None:
                if prev is None or prev.cells is None:
                    head_row = ln.cells
                elif prev.page != ln.page and ln.cells == head_row:
                    continue                              # the header row Word repeats on the next page
            if ln.cells is not None or (cur and cur[-1].cells is not None):
                flush()                                   # a table's row is a paragraph of its own
            elif cur and self.breaks(cur[-1], ln, geo, body_size, cur[0]):
                flush()
            cur.append(ln)
        flush()
        self.mark_flag(paras, head_end)
        self.one_title(paras[head_end:], spans, geo)
        sealed = self.sealed(paras, spans, geo)
        notes = list(self.notes)
        if sealed:
            notes.append("PDF 的署名按加盖印章的格式排（署名上方留有印章的位置，或以成文日期居中），导入为“印章: 是”；"
                         "不盖章的请改为“否”")
        if joined_at:
            notes.append(f"PDF 的 {sum(len(pg.lines) for pg in self.pages)} 行已按缩进和行末的位置接成 {len(paras)} 段；"
                         "请对照原文核对分段")
        imaged = [pg.number for pg in self.pages if pg.images and not pg.lines]
        if imaged:
            notes.append(f"PDF 的第{_pages_text(imaged)}页是图片（扫描件），drafter 不识别图片中的文字，这几页的内容没有导入；"
                         "请对照原文补上")
        if self.dropped:
            shown = "；".join(f"{w}“{t}”" for w, t in self.dropped[:4]) + ("等" if len(self.dropped) > 4 else "")
            notes.append(f"已删除 PDF 每页重复的页眉、页脚 {len(self.dropped)} 行：{shown}")
        return S.Source(self.name, "pdf", paras, notes=notes, page_numbers=self.page_numbers, sealed=sealed)

    def one_title(self, paras: list[S.Para], spans: dict, geo: dict) -> None:
        """A title printed centred over two or three lines is one paragraph whose lines are kept
        apart (they may be the author's own breaks): its lines share the paragraph behind them, as
        the lines of a Word paragraph broken by hand do."""
        for a, b in zip(paras, paras[1:]):
            la, lb = spans[id(a)][1], spans[id(b)][0]
            oa, ob = a.origin, b.origin
            pitch = self.geo_of(geo, lb)[2].get(round(lb.size * 2) / 2, 1.8 * lb.size)
            if oa.props.jc == ob.props.jc == "center" and la.size == lb.size and la.size - self.em > 1.5 \
                    and la.color == lb.color and la.page == lb.page and 0 < lb.top - la.top <= 1.6 * pitch \
                    and a.role is None and b.role is None:
                oa.runs.extend(ob.runs)
                b.origin = oa

    def sealed(self, paras: list[S.Para], spans: dict, geo: dict) -> bool:
        """The 署名 set with room for a seal above it (GB/T 9704 §7.3.5.1: three blank lines or more
        under the text, where an unsealed one has one, §7.3.5.2), or a red seal drawn beside it."""
        from .. import gbt9704 as G

        # the 成文日期: the first date line under a 署名 (attachment pages may follow it)
        k = next((k for k in range(1, len(paras)) if (C.parse_date(paras[k].text) or C.split_signed_date(paras[k].text))
                  and (C.is_orgish(C.unspread(paras[k - 1].text)) or C.is_seal_line(paras[k - 1].text))), None)
        if k is None:
            return False
        j = k
        while j > 0 and (C.is_orgish(C.unspread(paras[j - 1].text)) or C.is_seal_line(paras[j - 1].text)):
            j -= 1
        if j == 0:
            return False
        first, _ = spans[id(paras[j])]
        _, above = spans[id(paras[j - 1])]
        pg = self.pages[first.page - 1]
        if any(_red(r.color) for r in pg.seal_marks):
            return True
        if k > j:                                         # the 署名's last line and the date under it
            _, sig = spans[id(paras[k - 1])]
            date, _ = spans[id(paras[k])]
            em = date.size
            if sig.page == date.page and "\u3000" not in sig.text:
                if abs(sig.mid - date.mid) <= 0.3 * em:
                    return True                           # §7.3.5.1: the 署名 centred over the date
                if 0.5 * em <= date.x0 - sig.x0 <= (G.SIG_DATE_OFFSET_ZI + 1) * em:
                    return False                          # §7.3.5.2: the date two 字 right of the 署名
        pitch = self.geo_of(geo, first)[2].get(round(first.size * 2) / 2, 1.8 * first.size)
        return above.page == first.page and (first.top - above.top) / pitch - 1 >= G.SIG_SEALED_BLANK_LINES - 0.5

    # -- furniture -----------------------------------------------------------------------------
    def drop_furniture(self) -> None:
        """Page numbers at a page's top or bottom; lines repeated at the top or bottom of pages."""
        def key(t: str) -> str:
            return re.sub(r"\d+", "#", re.sub(rf"[{C.WS}]+", "", t))

        edge: Counter = Counter()
        for pg in self.pages:
            for ln in self.edge_lines(pg):
                edge[key(ln.text)] += 1
        several = len(self.pages) >= 2
        for pg in self.pages:
            edges = {id(x) for x in self.edge_lines(pg)}
            kept = []
            for ln in pg.lines:
                where = f"第{pg.number}页"
                if id(ln) in edges and (C.is_page_number(ln.text) or re.fullmatch(r"\d{1,3}", ln.text)):
                    self.page_numbers.append((where, ln.text))
                    continue
                if id(ln) in edges and (several and edge[key(ln.text)] >= max(2, len(self.pages) // 2)
                                        or _browser_furniture(ln.text)):
                    self.dropped.append((where, ln.text))
                    continue
                kept.append(ln)
            pg.lines = kept

    @staticmethod
    def edge_lines(pg: _Page) -> list[Line]:
        """The first and last two lines of a page, when they lie in its top or bottom margin's band
        (a 公文's page number is 7 mm under the text, 35 mm above the page's foot: the bottom 15 %)."""
        out = [ln for ln in pg.lines[:2] if ln.bottom < pg.height * 0.15]
        out += [ln for ln in pg.lines[-2:] if ln.top > pg.height * 0.85 and ln not in out]
        return out

    # -- 版头 --------------------------------------------------------------------------------------
    def head_end(self) -> int:
        """How many lines of page 1 lie above its red rule (the 版头's), 0 without one."""
        pg = self.pages[0]
        red = sorted((r for r in pg.rules if _red(r.color)), key=lambda r: r.top)
        if not red or not pg.lines:
            return 0
        top = red[0].top
        if top > pg.height / 2:
            return 0
        # 信函格式: the two 170 mm red lines at the top (the lower pair at the page's foot)
        upper = [r for r in red if r.top < pg.height / 2]
        letter = any(LETTER_RULE_MM[0] <= r.width_mm <= LETTER_RULE_MM[1] for r in upper)
        what = f"红色{'双线（信函格式）' if letter else '分隔线'}，长 {upper[0].width_mm:.0f} mm"
        self.notes.append(f"PDF 第1页有版头（{what}）：线上的各行按版头读取")
        return sum(1 for ln in pg.lines if ln.bottom <= top + 1)

    def mark_flag(self, paras: list[S.Para], head_end: int) -> None:
        """Red text in a large size above the rule is the 发文机关标志; "文件" beside stacked organs
        comes after them."""
        head = paras[:head_end]
        flag = [p for p in head if _red(p.origin.runs[0].props.color) and p.origin.runs[0].props.size_pt >= 18]
        for p in flag:
            p.role = S.FLAG
        word = [p for p in flag if C.strip(p.text) == "文件"]
        if word and len(flag) > 2:
            rest = [p for p in head if p not in word]
            at = max(k for k, p in enumerate(rest) if p in flag) + 1
            paras[:head_end] = rest[:at] + word + rest[at:]

    # -- paragraphs ------------------------------------------------------------------------------
    @staticmethod
    def body_size(lines: list[Line]) -> float:
        sizes = Counter()
        for ln in lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
        return sizes.most_common(1)[0][0] if sizes else 12.0

    @staticmethod
    def geometry(lines: list[Line], em: float) -> dict:
        """The left margin (where most lines start), the right margin (where most long lines end:
        justified text) and the line pitch of each text size — per page width, and per page where
        the page has enough lines to tell (Word mirrors the margins of facing pages)."""
        def margins(group: list[Line]) -> tuple[float, float] | None:
            w = group[0].width
            lefts = Counter(round(ln.x0) for ln in group)
            rights = Counter(round(ln.x1) for ln in group if ln.x1 - ln.x0 > w * 0.4)
            if not lefts or not rights or lefts.most_common(1)[0][1] < 3 or rights.most_common(1)[0][1] < 3:
                return None
            top = lefts.most_common(1)[0][1]
            left = min(x for x, n in lefts.items() if n >= max(3, top // 3))
            best = rights.most_common(1)[0][1]
            right = max(x for x, n in rights.items() if n == best)
            return float(left), float(right)

        def pitch_of(group: list[Line]) -> dict:
            pitches: dict[float, Counter] = {}
            for a, b in zip(group, group[1:]):
                if a.page == b.page and abs(a.size - b.size) <= 0.5 and 0 < b.top - a.top < 4 * b.size:
                    pitches.setdefault(round(b.size * 2) / 2, Counter())[round(b.top - a.top)] += 1
            return {k: float(c.most_common(1)[0][0]) for k, c in pitches.items()}

        out = {}
        for w in {ln.width for ln in lines}:
            same = [ln for ln in lines if ln.width == w]
            m = margins(same) or (min(ln.x0 for ln in same), max(ln.x1 for ln in same))
            out[w] = (*m, pitch_of(same))
            for page in {ln.page for ln in same}:
                on = [ln for ln in same if ln.page == page]
                mp = margins(on)
                if mp is not None:
                    out[(page, w)] = (*mp, out[w][2])
        return out

    @staticmethod
    def geo_of(geo: dict, ln: Line) -> tuple[float, float, dict]:
        return geo.get((ln.page, ln.width)) or geo[ln.width]

    def breaks(self, a: Line, b: Line, geo: dict, em: float, first: Line | None = None) -> bool:
        left, right, pitches = self.geo_of(geo, b)
        size = max(a.size, b.size, 1.0)
        if abs(a.size - b.size) > 1.5 or _red(a.color) != _red(b.color):
            return True
        pitch = pitches.get(round(b.size * 2) / 2, 1.8 * b.size)
        if a.page == b.page and b.top - a.top > 1.6 * pitch:
            return True
        full = right - a.x1 < 1.2 * size
        hangs = (first.hangs if first is not None else []) + a.hangs
        if full and any(abs(b.x0 - x) <= 0.3 * b.size for x in hangs) and not _ITEM_NO.match(b.text):
            return False                                     # under a label's or an item's hanging indent
        if b.x0 - left >= 0.9 * b.size:                      # indented (the first line of a paragraph)
            return True
        if right - a.x1 >= 1.2 * size:                       # the line before ended short
            return True
        if a.x0 - left >= 1.2 * size and right - a.x1 >= 0.6 * size:
            return True                                      # the line before was centred or set right
        from .wrap import ends_sentence

        return ends_sentence(a.text) and bool(C.heading_marker(b.text)) and not C.heading_marker(b.text).kind == "circ"

    def para(self, lines: list[Line], geo: tuple[float, float, dict]) -> S.Para:
        from ..reader.document import Para as RPara, Run
        from ..reader.styles import FontRef, ParaProps, RunProps

        text = lines[0].text
        for ln in lines[1:]:
            joint = " " if _latin(text[-1]) and ln.text[:1].isascii() and ln.text[:1].isalpha() else ""
            text += joint + ln.text
        first = lines[0]
        runs = []
        for ln in lines:
            for t, font in ln.fonts:
                runs.append(Run(t, RunProps(fonts={"eastAsia": FontRef(font.split("+", 1)[-1]),
                                                   "ascii": FontRef(font.split("+", 1)[-1])},
                                            sz=round(ln.size * 2), bold=is_bold_font(font), color=ln.color)))
        left, right, _ = geo
        indent, short = first.x0 - left, right - max(ln.x1 for ln in lines)
        jc = "left"
        first_indent = abs(indent - 2 * first.size) <= 0.3 * first.size     # 公文's two-字 indent
        display = first.size - self.em > 1.5                # a title's size: centred even when it fills the line
        if len(lines) <= 3 and abs(indent - short) <= 0.75 * first.size \
                and (indent > 0.8 * first.size or display) \
                and not (first_indent and not display):
            jc = "center"
        elif len(lines) == 1 and short <= 1.0 * first.size and indent > 4 * first.size:
            jc = "right"
        origin = RPara(number=first.page * 1000 + first.n, story="body", props=ParaProps(jc=jc), runs=runs)
        cjk = [r for r in runs if any(is_cjk(ch) for ch in r.text)]
        bold = None
        if cjk and all(r.props.bold for r in cjk) and not _red(first.color) and first.size < 18:
            bold = "pdf:" + cjk[0].props.font("eastAsia").name
        if first.cells is not None:
            return S.Para(text, f"第{first.page}页第{first.n}行（表格的一行）", S.TABLE, cells=list(first.cells),
                          origin=origin)
        return S.Para(text, f"第{first.page}页第{first.n}行", bold=bold, origin=origin)


def _red(color: str | None) -> bool:
    from ..reader.document import is_red

    return is_red(color)


_BROWSER = re.compile(r"^(?:\d{4}/\d{1,2}/\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4})[ \u3000]+(?:上午|下午)?\d{1,2}:\d{2}"
                      r"|^(?:https?|file)://\S+", re.I)


def _browser_furniture(t: str) -> bool:
    """What a browser prints at the top and bottom of each page: the date and time with the page's
    title, the address with "1/3"."""
    return bool(_BROWSER.match(C.strip(t)))


def _pages_text(pages: list[int]) -> str:
    return "、".join(str(p) for p in pages[:8]) + ("等" if len(pages) > 8 else "")
