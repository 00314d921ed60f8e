"""Reader: a saved web page (.html/.htm as a browser saves "网页，全部" or "网页，仅 HTML"; .mht/.mhtml,
"网页，单个文件") -> :class:`drafter.source.Source` (``fmt`` "html").  No report knowledge here.

A government site's article page is the report inside the site's furniture: the menus, the
breadcrumb, the 信息公开 metadata block (索引号, 发布机构, 成文日期 … as a table, a list or bracketed
pairs), the title, the "来源：… 发布时间：…" line and the font-size/print/share widgets, the article,
then "相关链接", "上一篇/下一篇" and the footer.  The reader:

1. decodes the page as it declares (``<meta charset>``, the HTTP-equiv content type, a BOM) or, when
   the declaration is missing or wrong, as the bytes decode (UTF-8, else GB18030, the superset of
   GBK and GB2312);
2. drops what a browser does not show as text (scripts, styles, forms, hidden elements) and turns
   the page into blocks: paragraphs (``<p>``, ``<div>``, ``<br>``-separated lines, list items),
   headings (``<h1>``–``<h6>``) and table rows;
3. finds the article: the deepest element holding four fifths of the page's prose (text with
   sentence punctuation outside links; menus, link lists and footers hold little), its title (the
   nearest heading-like block before it, or its first block) and the blocks between them;
4. returns, in page order, the breadcrumb and the metadata blocks (for the anatomy pass to recognise
   as furniture and read as evidence), the title, the blocks under it, and the article.  The menus,
   side columns, related links and footer outside the article are left out (counted in a note).

The page's ``<meta>`` tags of the 政府网站发展指引 (ArticleTitle, PubDate, ContentSource) are kept in
``Source.web``.  Alignment, size, colour and bold are given as the reader's paragraph (the look a
Word file gives the anatomy pass).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import conventions as C
from .. import source as S
from ..diagnostics import DrafterError
from . import patterns as P

MAX_HTML_BYTES = 20 * 1024 * 1024     # an article page is 30–500 KB; pages with inline images more

_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "dl", "ul", "ol", "blockquote",
          "section", "article", "main", "header", "footer", "nav", "aside", "center", "pre", "address",
          "table", "tr", "form", "fieldset", "figure", "figcaption", "caption", "hr", "body", "html", "tbody",
          "thead", "tfoot", "td", "th"}
_DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select",
         "option", "textarea", "button", "input", "head", "title", "video", "audio", "map", "area", "datalist"}
_CONTAINERS = {"html", "body", "div", "section", "article", "main", "table", "tbody", "thead", "tr", "td", "th",
               "center", "form", "font", "span", "blockquote", "ul", "ol", "dl", "dd", "li", "figure"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# class and id words of a title block (TRS, 大汉 and other site systems: "title", "bt", "biaoti", "artti" …)
_TITLE_CLASS = re.compile(r"title|biaoti|\bbt\b|tit\b|headline|artti", re.I)
_SENTENCE = re.compile(r"[。；！？]")


@dataclass
class Block:
    text: str
    tag: str                          # p, h2, li, tr, br …
    el: object                        # the element the block was read from (its nearest block element)
    order: int
    cells: list[str] = field(default_factory=list)
    link_chars: int = 0               # characters inside <a>
    bold: bool = False
    jc: str = "left"
    size: float | None = None         # pt, when the page sets it
    color: str | None = None          # RRGGBB, when the page sets it
    after_br: bool = False            # begun by a <br> inside the same block (a line of one paragraph)

    @property
    def prose(self) -> int:
        """Characters of prose: text with sentence punctuation, outside links."""
        if self.link_chars > len(self.text) * 0.5 or not _SENTENCE.search(self.text):
            return 0
        return len(self.text) - self.link_chars


# ---------------------------------------------------------------------------------------------
def read_html(path: Path, name: str) -> S.Source:
    data = _read(path, name)
    if path.suffix.lower() in (".mht", ".mhtml") or data[:200].lstrip().lower().startswith((b"mime-version", b"from:")):
        data, mime_charset = _mhtml_html(data, name)
    else:
        mime_charset = None
    text, enc, note = decode_html(data, mime_charset)
    notes = [note] if note else []
    root = _parse(text, name)
    page = _Page(root)
    src = page.source(name, notes)
    saved = re.search(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", text[:2000], re.I)
    if saved:
        src.notes.insert(0, f"网页原址：{saved.group(1)}")
    return src


def _read(path: Path, name: str) -> bytes:
    from ..inputs import input_file
    from .readers import what_file

    with input_file(path, name, "要导入的网页") as (st, f):
        if st.st_size > MAX_HTML_BYTES:
            raise DrafterError("FZ003", f"“{name}”过大（{st.st_size // 1024 // 1024} MB），一份报告的网页不会超过 "
                                        f"{MAX_HTML_BYTES // 1024 // 1024} MB；请检查是否选错了文件", file=name)
        data = f.read(MAX_HTML_BYTES + 1)
    head = data[:1024]
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise DrafterError("FZ090", f"“{name}”不是网页（{what_file(head)}）；请把扩展名改成它真正的类型后再导入", file=name)
    if not data.strip():
        raise DrafterError("FZ092", f"“{name}”是空文件，没有可导入的内容；请重新保存网页（浏览器菜单“另存为”，"
                                    "保存类型选“网页，全部”或“网页，仅 HTML”）", file=name)
    return data


def _mhtml_html(data: bytes, name: str) -> tuple[bytes, str | None]:
    """The HTML part of an MHTML file (a browser's "网页，单个文件")."""
    import email
    from email import policy

    msg = email.message_from_bytes(data, policy=policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            body = part.get_payload(decode=True) or b""
            return body, part.get_content_charset()
    raise DrafterError("FZ092", f"“{name}”中没有网页内容（不是完整的 .mht 文件）；请重新保存网页", file=name)


# ---------------------------------------------------------------------------------------------
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-]+)""",
                         re.I)
_GB = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "gb_2312-80", "euc-cn", "x-euc-cn", "csgb2312",
       "gb_2312", "chinese", "iso-ir-58", "windows-936"}
_NAMES = {"GB18030": "GBK（GB2312）", "UTF-8": "UTF-8", "BIG5": "Big5", "UTF-16": "UTF-16"}


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    n = name.strip().lower()
    if n in _GB:
        return "GB18030"
    if n in ("utf8", "utf-8", "unicode-1-1-utf-8"):
        return "UTF-8"
    if n in ("big5", "big5-hkscs", "cp950"):
        return "BIG5"
    if n.startswith("utf-16"):
        return "UTF-16"
    return None            # latin-1 and other declarations a Chinese page never means: detect instead


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str, str | None]:
    """(text, encoding, a note for the clerk or None): the page as it declares itself, else as it
    decodes (UTF-8, then GB18030)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "UTF-8", None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), "UTF-16", None
    m = _CHARSET_RE.search(data[:8192])
    said = _codec(declared) or (_codec((m.group(1) or m.group(2)).decode("ascii")) if m else None)
    tried = [said] if said else []
    tried += [c for c in ("UTF-8", "GB18030") if c not in tried]
    for enc in tried:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        note = None
        if said and enc != said:
            note = f"网页声明的编码是 {_NAMES.get(said, said)}，实际是 {_NAMES.get(enc, enc)}，已按 {_NAMES.get(enc, enc)} 读取"
        return text, enc, note
    enc = said or "UTF-8"
    text = data.decode(enc, "replace")
    bad = text.count("\ufffd")
    return text, enc, (f"网页中有 {bad} 处字节无法按 {_NAMES.get(enc, enc)} 解码（可能保存时已损坏），显示为“\ufffd”；"
                       "请对照原网页核对")


def _parse(text: str, name: str):
    from lxml import etree, html as lxml_html

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)              # lxml refuses a str with an encoding declaration
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                                  recover=True, huge_tree=False)
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        raise DrafterError("FZ092", f"“{name}”中没有网页内容（文件可能不完整或已损坏）；请重新保存网页", file=name)
    return root


# ---------------------------------------------------------------------------------------------
def _style(el) -> dict[str, str]:
    out = {}
    for decl in (el.get("style") or "").split(";"):
        if ":" in decl:
            k, v = decl.split(":", 1)
            out[k.strip().lower()] = v.strip().lower()
    return out


def _hidden(el) -> bool:
    """Not shown as the page's text: hidden by style or attribute; the page header and footer a
    word processor writes into its web page (LibreOffice: <div title="footer">; Word: mso-element)."""
    if (el.get("title") or "").lower() in ("header", "footer") and el.tag == "div":
        return True
    st = _style(el)
    if st.get("mso-element", "").startswith(("header", "footer")):
        return True
    return (st.get("display") == "none" or st.get("visibility") == "hidden" or el.get("hidden") is not None
            or el.get("aria-hidden") == "true" and el.tag not in ("i", "span"))


_NAMED_COLORS = {"red": "FF0000", "black": "000000"}


def _color(v: str | None) -> str | None:
    if not v:
        return None
    v = v.strip().lower()
    if v in _NAMED_COLORS:
        return _NAMED_COLORS[v]
    m = re.fullmatch(r"#([0-9a-f]{6})|#([0-9a-f]{3})", v)
    if m:
        return (m.group(1) or "".join(c * 2 for c in m.group(2))).upper()
    m = re.fullmatch(r"rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)", v)
    if m:
        return "".join(f"{min(255, int(x)):02X}" for x in m.groups())
    return None


_FONT_SIZES = {"1": 7.5, "2": 10, "3": 12, "4": 13.5, "5": 18, "6": 24, "7": 36}
_KEYWORD_SIZES = {"xx-small": 7, "x-small": 7.5, "small": 10, "medium": 12, "large": 13.5, "x-large": 18,
                  "xx-large": 24}


def _size(v: str | None) -> float | None:
    if not v:
        return None
    v = v.strip().lower()
    m = re.fullmatch(r"([\d.]+)\s*(pt|px|em|rem)?", v)
    if m:
        n = float(m.group(1))
        unit = m.group(2) or "px"
        return n if unit == "pt" else n * 0.75 if unit == "px" else n * 12
    return _KEYWORD_SIZES.get(v)


def _look(el, look: dict) -> dict:
    """How an element sets its text, inherited from its parents: alignment, size, colour, bold."""
    look = dict(look)
    st = _style(el)
    align = (el.get("align") or st.get("text-align") or "").lower()
    if el.tag == "center" or align == "center":
        look["jc"] = "center"
    elif align == "right":
        look["jc"] = "right"
    elif align in ("left", "justify"):
        look["jc"] = "left"
    size = _size(st.get("font-size")) or (_FONT_SIZES.get((el.get("size") or "").strip()) if el.tag == "font" else None)
    if size:
        look["size"] = size
    color = _color(st.get("color") or (el.get("color") if el.tag == "font" else None))
    if color:
        look["color"] = color
    if el.tag in ("b", "strong") or st.get("font-weight") in ("bold", "bolder", "600", "700", "800", "900"):
        look["bold"] = True
    elif st.get("font-weight") in ("normal", "400"):
        look["bold"] = False
    if el.tag in _HEADINGS:
        look["bold"] = True
        look.setdefault("size", {1: 24, 2: 18, 3: 14}.get(_HEADINGS[el.tag]))
    return look


class _Page:
    """The page's blocks, the article among them and what goes with it."""

    def __init__(self, root):
        self.root = root
        self.blocks: list[Block] = []
        self.meta: dict[str, str] = {}
        self.page_title = ""
        self.read_meta()
        body = root.find("body")
        self.walk(body if body is not None else root)

    def read_meta(self) -> None:
        t = self.root.find(".//title")
        if t is not None:
            self.page_title = C.strip(t.text_content())
        keys = {"articletitle": "标题", "pubdate": "发布日期", "contentsource": "来源", "author": "作者"}
        for m in self.root.iter("meta"):
            k = (m.get("name") or "").strip().lower()
            v = C.strip(m.get("content") or "")
            if k in keys and v:
                self.meta.setdefault(keys[k], v)

    # -- blocks ------------------------------------------------------------------------------------
    def walk(self, top) -> None:
        """Blocks in document order: the text between block boundaries, a table row as one block."""
        cur: dict = {"parts": [], "links": 0, "bold": [], "el": top, "tag": "div", "look": {}}

        def flush(el=None, br: bool = False) -> None:
            text = _clean("".join(cur["parts"]))
            if text:
                bold = [b for n, b in cur["bold"]]
                look = cur["look"]
                self.blocks.append(Block(text, cur["tag"], cur["el"], len(self.blocks), link_chars=cur["links"],
                                         bold=bool(bold) and all(bold), jc=look.get("jc", "left"),
                                         size=look.get("size"), color=look.get("color"),
                                         after_br=cur.get("br", False)))
            cur.update(parts=[], links=0, bold=[], look={}, br=br and bool(text or cur.get("br")))
            if el is not None:
                cur["el"] = el
                cur["tag"] = el.tag if isinstance(el.tag, str) else "div"

        def text_in(t: str | None, look: dict, in_link: bool) -> None:
            if not t:
                return
            cur["parts"].append(t)
            n = len(_clean(t))
            if n:
                cur["bold"].append((n, bool(look.get("bold"))))
                if in_link:
                    cur["links"] += n
                if not cur["look"]:
                    cur["look"] = {k: v for k, v in look.items() if k != "bold"}

        def visit(el, look: dict, in_link: bool, pre: bool, owner) -> None:
            tag = el.tag if isinstance(el.tag, str) else ""
            if not tag or tag in _DROP or _hidden(el):
                return
            if tag == "tr":
                flush(owner)
                self.row(el)
                return
            look = _look(el, look)
            block = tag in _BLOCK
            if block:
                flush(el)
            elif tag == "br":
                flush(owner, br=True)
            pre = pre or tag == "pre"
            link = in_link or tag == "a"
            text_in(el.text if pre else _ws(el.text), look, link)
            for child in el:
                visit(child, look, link, pre, el if block else owner)
                if child.tail:
                    text_in(child.tail if pre else _ws(child.tail), look, in_link if not block else False)
            if block:
                flush(owner)

        visit(top, {}, False, False, top)
        flush()

    def row(self, tr) -> None:
        """A table row: one block with its cells; a row of a layout table (a cell holding paragraphs
        of text) is read as the blocks inside its cells instead."""
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th") and not _hidden(c)]
        texts = [_clean(_ws(c.text_content())) for c in cells]
        inner_blocks = any(isinstance(x.tag, str) and x.tag in ("p", "div", "table", "br", "li", "h1", "h2", "h3", "ul")
                           for c in cells for x in c.iter())
        long_cell = any(len(t) > 120 and _SENTENCE.search(t) for t in texts)
        if inner_blocks and long_cell or len([t for t in texts if t]) <= 1:
            for c in cells:
                self.walk(c)
            return
        if not any(texts):
            return
        links = sum(len(_clean(_ws(a.text_content()))) for c in cells for a in c.iter("a"))
        bold = all(c.tag == "th" or any(x.tag in ("b", "strong") for x in c.iter()) for c, t in zip(cells, texts) if t)
        self.blocks.append(Block("　".join(t for t in texts if t), "tr", tr, len(self.blocks), cells=texts,
                                 link_chars=links, bold=bold))

    # -- the article -------------------------------------------------------------------------------
    def article(self) -> tuple[int, int]:
        """(first, last + 1) of the article's blocks: the deepest element holding four fifths of
        the page's prose."""
        prose = {id(b): b.prose for b in self.blocks}
        total = sum(prose.values())
        if total == 0:
            return -1, -1
        weight: dict[int, int] = {}
        alive = []        # lxml makes an element's Python object anew unless one is alive: keep them, their id()s too
        for b in self.blocks:
            el = b.el
            while el is not None:
                weight[id(el)] = weight.get(id(el), 0) + prose[id(b)]
                alive.append(el)
                el = el.getparent()
        node = self.root
        while True:                  # into containers only: a page of bare paragraphs is its own article
            kids = [k for k in node if isinstance(k.tag, str) and k.tag in _CONTAINERS
                    and weight.get(id(k), 0) >= 0.8 * total]
            if not kids:
                break
            node = kids[0]
        inside = [k for k, b in enumerate(self.blocks) if _within(b.el, node)]
        return inside[0], inside[-1] + 1

    def title_before(self, first: int) -> int | None:
        """The title: the nearest block before the article that is a heading, classed a title, or
        the page's <title> (less the site name), within a few blocks."""
        page_title = re.split(r"[_\-|｜—–]", self.page_title)[0].strip() if self.page_title else ""
        for k in range(first - 1, max(-1, first - 15), -1):
            b = self.blocks[k]
            t = b.text
            if b.tag == "tr" or len(t) > 80 or _SENTENCE.search(t) or P.is_chrome(t):
                continue
            el_class = " ".join(filter(None, (b.el.get("class"), b.el.get("id"))))
            if (b.tag in _HEADINGS or _TITLE_CLASS.search(el_class) or (page_title and t == page_title)
                    or C.title_like(t) or C.doc_kind_of_title(t)):
                return k
        return None

    def source(self, name: str, notes: list[str]) -> S.Source:
        first, end = self.article()
        if first < 0:
            links = [m.group() for b in self.blocks
                     if (m := re.search(r"[^：:\s/]{1,120}\.(?:pdf|docx?|wps|ofd|txt)\b", b.text, re.I))]
            if links:
                raise DrafterError("FZ092", f"“{name}”中没有报告正文，只有附件“{links[0]}”的链接：请在网页上下载这个附件，"
                                            "再导入下载的文件", file=name)
            raise DrafterError("FZ092", f"“{name}”中没有找到报告正文（网页可能没有保存完整，或正文是图片、在框架中）；"
                                        "请在浏览器中打开原网页，用“另存为”保存为“网页，全部”后再导入，"
                                        "或把正文复制到 .txt 文件", file=name)
        title = self.title_before(first)
        start = title if title is not None else first
        chosen: list[Block] = []
        for b in self.blocks[:start]:
            if P.is_breadcrumb(b.text) or self.metadata(b):
                chosen.append(b)
        # the 署名 and 成文日期 set apart after the article's container
        while end < len(self.blocks) and self.blocks[end].link_chars == 0 and (
                C.parse_date(self.blocks[end].text) or C.is_orgish(self.blocks[end].text)
                or C.split_signed_date(self.blocks[end].text)):
            end += 1
        chosen += self.blocks[start:end]
        left_out = len(self.blocks) - len(chosen)
        # the article's tail: furniture right after it (widgets, related links) is the anatomy's to cut
        after = []
        for b in self.blocks[end:end + 30]:
            if P.is_tail_junk(b.text) or P.RELATED_RE.match(b.text):
                after.append(b)
            else:
                break
        chosen += after
        left_out -= len(after)
        numbers = [b for b in chosen if C.is_page_number(b.text)]      # "— 3 —" pasted from Word or a PDF
        chosen = [b for b in chosen if not C.is_page_number(b.text)]
        paras = [self.para(b, n) for n, b in enumerate(chosen, 1)]
        for k in range(1, len(paras)):       # the lines of one paragraph broken by <br>: one paragraph behind them
            if chosen[k].after_br and chosen[k].el is chosen[k - 1].el and chosen[k].tag != "tr":
                paras[k].origin = paras[k - 1].origin
        self.heading_roles(paras, chosen)
        if left_out > 0:
            notes.append(f"网页中正文以外的 {left_out} 处内容（导航栏、栏目列表、页脚等）不属于报告，未导入")
        web = {P.web_key(k): v for k, v in self.meta.items()}
        return S.Source(name, "html", paras, notes=notes, web=web,
                        page_numbers=[(f"网页第{b.order + 1}块", b.text) for b in numbers])

    @staticmethod
    def metadata(b: Block) -> bool:
        """A block of the 信息公开 metadata: labelled pairs (a table row, a list item, a line)."""
        if b.tag == "tr":
            return any(P.cell_label(c) for c in b.cells) or bool(P.chrome_label(b.text))
        return bool(P.chrome_label(b.text)) and len(P.chrome_pairs(b.text)) >= 1

    @staticmethod
    def heading_roles(paras: list[S.Para], blocks: list[Block]) -> None:
        """<h2>–<h6> inside the article are headings at their level (the smallest one used is level 1)."""
        levels = sorted({_HEADINGS[b.tag] for b in blocks if b.tag in _HEADINGS and b.tag != "h1"})
        for p, b in zip(paras, blocks):
            if b.tag in _HEADINGS and b.tag != "h1" and not C.title_like(b.text) and not P.is_chrome(b.text):
                p.role = S.HEADING
                p.level = levels.index(_HEADINGS[b.tag]) + 1

    @staticmethod
    def para(b: Block, n: int) -> S.Para:
        from ..reader.document import Para as RPara, Run
        from ..reader.styles import ParaProps, RunProps

        # a page's colours are mostly the site's decoration (red titles): red is passed on only for an
        # organ's name, as a 发文机关标志 saved as a web page by Word or LibreOffice is
        size = b.size
        flaglike = (C.is_orgish(C.without_file_word(b.text), strict=False) or b.text.endswith(("文件", "纪要", "令", "简报"))) \
            and not C.title_like(b.text)
        runs = [Run(b.text, RunProps(sz=round(size * 2) if size else None, bold=b.bold,
                                     color=b.color if flaglike else None))]
        origin = RPara(number=n, story="body", props=ParaProps(jc=b.jc), runs=runs)
        # a page break a word processor wrote into its web page (LibreOffice, Word: CSS page-break-before)
        st = _style(b.el) if b.el is not None and hasattr(b.el, "get") else {}
        origin.starts_page = st.get("page-break-before", st.get("break-before")) in ("always", "page", "left", "right")
        where = f"网页第{n}段" if b.tag != "tr" else f"网页第{n}段（表格的一行）"
        if b.tag == "tr":
            return S.Para(b.text, where, S.TABLE, cells=b.cells, origin=origin)
        return S.Para(b.text, where, bold="html" if b.bold else None, origin=origin)


def _within(el, node) -> bool:
    while el is not None:
        if el is node:
            return True
        el = el.getparent()
    return False


_BREAK = "\x00"        # a line break of the page's source: no space between two Chinese characters


def _ws(t: str | None) -> str:
    """HTML white space as a browser shows it: a run of spaces and line breaks is one space — and
    none at all between two Chinese characters where it held a line break of the page's source."""
    if not t:
        return ""
    return re.sub(r"[ \t\r\n\f]+", lambda m: _BREAK if "\n" in m.group() or "\r" in m.group() else " ", t)


_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"


def _clean(t: str) -> str:
    t = re.sub(rf"(?<=[{_WIDE}]){_BREAK}+(?=[{_WIDE}])", "", t)
    t = re.sub(rf"[{_BREAK} ]+", " ", t)
    return C.strip(t.replace("\u00a0", " ").replace("\u200b", ""))
