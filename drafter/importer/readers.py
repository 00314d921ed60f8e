"""Readers: a file -> ``Source`` (paragraphs with layout hints).  No report knowledge here."""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from ..diagnostics import DrafterError
from ..inputs import LEGACY_SUFFIXES as CONVERT_SUFFIXES
from ..inputs import MD_SUFFIXES, OLE_MAGIC, PDF_SUFFIXES, TEXT_SUFFIXES, ZIP_MAGIC
from ..inputs import PAGE_SUFFIXES as HTML_SUFFIXES
from ..inputs import WORD_SUFFIXES as DOCX_SUFFIXES
from .. import source as S
from ..conventions import strip

MAX_TEXT_BYTES = 5 * 1024 * 1024     # a report as text is 10–60 KB
# (the suffixes of each kind are drafter.inputs's, which lists them all as IMPORT_SUFFIXES)


def read(path: Path, display: str | None = None) -> S.Source:
    name = display or str(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return read_text(path, name)
    if suffix in MD_SUFFIXES:
        return read_markdown(path, name)
    if suffix in DOCX_SUFFIXES:
        head = _head(path, name)
        if head.startswith(OLE_MAGIC):      # a .doc saved under a .docx name, or a password-protected .docx
            _refuse_encrypted(path, name)
            return read_converted(path, name)
        return read_docx(path, name)
    if suffix in CONVERT_SUFFIXES:
        return read_converted(path, name)
    if suffix in HTML_SUFFIXES:
        from .html import read_html

        return read_html(path, name)
    if suffix in PDF_SUFFIXES:
        from .pdfread import read_pdf

        return read_pdf(path, name)
    raise DrafterError("FZ090", f"不支持的文件类型“{path.suffix or '（无扩展名）'}”：drafter import 可读取 .docx、.txt、.md、"
                                f"网页（.html/.htm）和 PDF（.doc/.wps 需安装 LibreOffice）；请在 Word/WPS 中另存为 .docx，"
                                f"或把全文复制到 .txt 文件", file=name)


def what_file(head: bytes) -> str:
    """What a file's first bytes say it is, in Chinese (for a file whose name says otherwise)."""
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(ZIP_MAGIC):
        return "像是 Word（.docx）或压缩文件"
    if head.startswith(OLE_MAGIC):
        return "像是旧版 Word（.doc）或 WPS 文件"
    if head.startswith(b"%PDF-"):
        return "是 PDF 文件"
    if h.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<?xml")):
        return "是网页文件（.html）"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "是图片"
    if not head:
        return "是空文件"
    return "文件类型无法识别"


def _head(path: Path, name: str) -> bytes:
    """The first bytes of a regular file (a folder, pipe or device is refused before it is opened)."""
    from ..inputs import input_file

    with input_file(path, name, "要导入的文件") as (_, f):
        return f.read(8)


def _refuse_encrypted(path: Path, name: str) -> None:
    """A password-protected .docx is an OLE file holding an EncryptedPackage stream: say so (FZ085)
    instead of handing it to LibreOffice."""
    from ..safezip import MAX_FILE_BYTES

    with path.open("rb") as f:
        data = f.read(MAX_FILE_BYTES)
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise DrafterError("FZ085", f"“{name}”设置了打开密码（已加密），无法读取；请在 Word/WPS 中取消密码后重试",
                           file=name)


def _read_bytes(path: Path, name: str) -> bytes:
    _head(path, name)
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise DrafterError("FZ003", f"“{name}”过大（{size // 1024} KB），一份报告的文字不会超过 "
                                    f"{MAX_TEXT_BYTES // 1024 // 1024} MB；请检查是否选错了文件", file=name)
    data = path.read_bytes()
    if data.startswith((OLE_MAGIC, ZIP_MAGIC)):
        raise DrafterError("FZ090", f"“{name}”不是纯文本文件（像是 Word 文件）；请把扩展名改为 .docx/.doc 后再导入",
                           file=name)
    return data


def _decode(path: Path, name: str) -> str:
    from ..yamlsrc import decode

    text, _enc, _notices = decode(_read_bytes(path, name), name)
    return text


# ---------------------------------------------------------------------------------------------
def read_text(path: Path, name: str) -> S.Source:
    """Plain text as copied from a web page: every non-empty line is a paragraph; lines broken at the
    page width (text copied from a PDF) are joined back and page numbers dropped (``wrap.unwrap``)."""
    from .wrap import unwrap

    text = _decode(path, name)
    # a vertical tab (Word's line break) or form feed (page break) copied along separates paragraphs
    u = unwrap(text.split("\n"))
    paras = [S.Para(t, f"第{n}行") for n, t, _ in u.lines]
    return S.Source(name, "txt", paras, page_numbers=u.page_numbers, joined=u.joined, joined_at=u.joined_at)


_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_RULE = re.compile(r"^(?:[-*_][ \t]*){3,}$")
_MD_BULLET = re.compile(r"^[-*+][ \t]+")
_MD_QUOTE = re.compile(r"^>[ \t]?")
_MD_EMPH = re.compile(r"(\*\*|__)(.+?)\1")
_MD_BOLD_LINE = re.compile(r"(\*\*|__)([^*_]+?)\1")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
_HARD_END = "。！？!?：:；;"


def _md_inline(t: str) -> str:
    return _MD_ESCAPE.sub(r"\1", _MD_EMPH.sub(r"\2", t))


def read_markdown(path: Path, name: str) -> S.Source:
    """Markdown: '#' lines are headings (level = number of '#'), blank lines separate paragraphs, and
    a line break inside a paragraph is editor wrapping unless the line ends a sentence, ends with a
    hard break (two spaces or a backslash) or the next line starts with a number (Chinese text has
    no spaces between wrapped lines)."""
    from ..conventions import heading_marker as marker

    text = _decode(path, name)
    paras: list[S.Para] = []
    block: list[tuple[int, str, bool]] = []     # (line number, text, hard break after it)

    def flush():
        if not block:
            return
        cur_line, cur, hard = block[0]
        for ln, t, h in block[1:]:
            if hard or cur.endswith(tuple(_HARD_END)) or marker(t):
                paras.append(S.Para(cur, f"第{cur_line}行"))
                cur_line, cur = ln, t
            else:
                cur += t
            hard = h
        paras.append(S.Para(cur, f"第{cur_line}行"))
        block.clear()

    lines = text.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":          # YAML front matter
        for k in range(1, len(lines)):
            if lines[k].strip() in ("---", "..."):
                start = k + 1
                break
    for i in range(start, len(lines)):
        raw, n = lines[i], i + 1
        hard = raw.endswith("  ") or raw.rstrip().endswith("\\")
        t = strip(raw.rstrip().removesuffix("\\"))
        if not t or _MD_RULE.match(t) or t.startswith("<!--"):
            flush()
            continue
        h = _MD_HEADING.match(t)
        if h:
            flush()
            body = strip(_md_inline(h.group(2)))
            if body:
                paras.append(S.Para(body, f"第{n}行", S.HEADING, level=len(h.group(1))))
            continue
        if t.startswith("|") and t.endswith("|"):
            flush()
            cells = [strip(_md_inline(c)) for c in t.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            paras.append(S.Para("　".join(c for c in cells if c), f"第{n}行", S.TABLE, cells=cells))
            continue
        t = _MD_QUOTE.sub("", t)
        b = _MD_BOLD_LINE.fullmatch(t)
        if b and strip(b.group(2)):
            flush()                                  # a line set in bold throughout: a heading, perhaps
            paras.append(S.Para(strip(_MD_ESCAPE.sub(r"\1", b.group(2))), f"第{n}行", bold="md"))
            continue
        if not marker(t) and _MD_BULLET.match(t):
            flush()                                  # each list item is a paragraph of its own
            t = _MD_BULLET.sub("", t)
        t = strip(_md_inline(t))
        if t:
            block.append((n, t, hard))
    flush()
    return S.Source(name, "md", paras)


# ---------------------------------------------------------------------------------------------
_DRAFTER_STYLES = {"GWTitle", "GWHeading1", "GWSignature"}
_ROLE_OF_STYLE = {"GWTitle": S.TITLE, "GWAddressee": S.ADDRESSEE, "GWSignature": S.SIGNATURE, "GWNote": S.NOTE,
                  "GWColophon": S.COLOPHON, "GWPlain": S.PLAIN}


def _drafter_style_names() -> dict[str, str]:
    """{display name: style id} of drafter's styles ("一级标题" -> GWHeading1).  LibreOffice keeps the
    names but renumbers the ids when it converts a drafter .docx (to .doc and back)."""
    from ..writer.styles import STYLE_NAMES

    return {name: sid for sid, name in STYLE_NAMES.items() if sid.startswith("GW")}


def read_docx(path: Path, name: str) -> S.Source:
    """A Word file read by drafter's one reader (:mod:`drafter.reader`), as a list of paragraphs with
    the role its style gives (drafter's GW* styles, Word's Title/Heading N)."""
    from ..reader import load

    return source_of(load(path, name))


def source_of(doc) -> S.Source:
    """The reader's document as the importer's paragraphs: body paragraphs in order (text boxes before
    the paragraph that anchors them, a table row as one paragraph), numbered as ``inspect`` numbers
    them ("第12段")."""
    names = dict(doc.sheet.names)
    native = _DRAFTER_STYLES <= set(names)           # written by drafter itself: run boundaries are exact
    by_name = _drafter_style_names()
    for sid, nm in list(names.items()):
        if not sid.startswith("GW") and nm in by_name:
            names[sid] = by_name[nm]                    # a drafter style under another id
    drafter = native or _DRAFTER_STYLES <= set(names.values())
    paras: list[S.Para] = []
    soft_joined: list[str] = []
    state = {"blank_plain": 0, "sealed": None}

    def role_of(sid: str | None) -> tuple[str | None, int | None]:
        if not sid:
            return None, None
        if not sid.startswith("GW") and names.get(sid, "").startswith("GW"):
            sid = names[sid]
        if sid.startswith("GWHeading") and sid[-1:].isdigit():
            return S.HEADING, int(sid[-1])
        if sid in _ROLE_OF_STYLE:
            return _ROLE_OF_STYLE[sid], None
        nm = names.get(sid, sid).strip().lower()
        m = re.fullmatch(r"(?:heading|标题)\s*([1-9])", nm)
        if m:
            return S.HEADING, int(m.group(1))
        if nm in ("title", "标题"):
            return S.TITLE, None
        return None, None

    def label_of(p) -> str | None:
        """The number Word prints in front of an automatically numbered paragraph ("一、", "（一）"),
        so that such headings read like typed ones; None for bullets."""
        if not p.label or doc.numbering.level_format(p.props.num_id, p.props.ilvl) in ("bullet", "none"):
            return None
        return p.label.strip() or None

    def paragraph(p):
        where = f"第{p.number}段"
        for tp in p.textboxes:
            t = strip(tp.text)
            if t:
                paras.append(S.Para(t, where, S.FLAG if drafter else S.TEXTBOX, origin=tp))
        role, level = role_of(p.style)
        runs = [(r.text, r.direct) for r in p.runs if r.text]
        label = label_of(p)
        if label and runs:                  # the number Word prints, set like the text it heads
            runs.insert(0, (label, runs[0][1]))
        text = "".join(t for t, _ in runs)
        if not strip(text):
            if role == S.PLAIN:
                state["blank_plain"] += 1
            return
        if role == S.SIGNATURE and state["sealed"] is None:
            from .. import gbt9704 as G

            state["sealed"] = state["blank_plain"] >= G.SIG_SEALED_BLANK_LINES
        state["blank_plain"] = 0
        lead = _lead(runs, native) if role is None else None
        if role == S.TITLE:
            paras.append(S.Para(strip("\n".join(strip(x) for x in text.split("\n"))), where, role, level, origin=p))
            return
        # a manual line break inside a body paragraph separates paragraphs, unless the text before it
        # does not end a sentence (a line broken by hand in the middle of a sentence)
        parts = [strip(x) for x in text.split("\n")] if role != S.PLAIN else [strip(text)]
        if role is None and len(parts) > 1:
            parts = _join_soft_breaks(parts, where, soft_joined)
        bold = None
        if role is None and len(parts) == 1 and all(f[2] for t, f in runs if strip(t)):
            bold = "｜".join(x for x in (p.style or "", runs[0][1][1] or "") if x) or "bold"
        first = True
        for part in parts:
            if part:
                paras.append(S.Para(part, where, role, level, lead if first and lead and part.startswith(lead)
                                    else None, bold=bold, origin=p))
                first = False

    def table_row(cells_paras: list, t: int, k: int):
        where = f"第{t}个表格第{k}行"
        cells: dict[int, list[str]] = {}
        colophon = []
        for p in cells_paras:
            txt = strip(p.raw)
            if role_of(p.style)[0] == S.COLOPHON and txt:
                colophon.append((txt, p))
            elif txt:
                cells.setdefault(p.col or 0, []).append(txt)
            else:
                cells.setdefault(p.col or 0, [])
        row = [strip("\n".join(cells[c])) for c in sorted(cells)]
        for txt, p in colophon:
            paras.append(S.Para(txt, where, S.COLOPHON, origin=p))
        if any(row):
            paras.append(S.Para("　".join(c for c in row if c), where, S.TABLE, cells=row, origin=cells_paras))

    tables_seen: dict[int, int] = {}
    k = 0
    body = doc.paragraphs
    while k < len(body):
        p = body[k]
        if p.in_table is None:
            paragraph(p)
            k += 1
            continue
        key = (p.in_table, p.row)
        j = k
        while j < len(body) and (body[j].in_table, body[j].row) == key:
            j += 1
        t = tables_seen.setdefault(p.in_table, len(tables_seen) + 1)
        table_row(body[k:j], t, (p.row or 0) + 1)
        k = j
    return S.Source(doc.name, "docx", paras, drafter=drafter, sealed=bool(state["sealed"]), soft_joined=soft_joined,
                    footnotes=list(doc.notes))


def _join_soft_breaks(parts: list[str], where: str, joined: list[str]) -> list[str]:
    from .wrap import cannot_end_paragraph, glue, starts_own_line

    out: list[str] = []
    for part in parts:
        prev = out[-1] if out else ""
        # a short line without any punctuation before the break is a heading or a label, not half a sentence
        sentence = len(prev) > 30 or any(c in prev for c in "，,、；;：:“”《》（）()")
        if prev and part and sentence and cannot_end_paragraph(prev) and not starts_own_line(part):
            out[-1] = glue(out[-1], part)
            if where not in joined:
                joined.append(where)
        else:
            out.append(part)
    return out


def _lead(runs: list[tuple[str, tuple]], drafter: bool) -> str | None:
    """A run-in heading known from the formatting: drafter writes it as its own run; other Word files
    set it in another font or in bold.  Only when it starts with a heading number."""
    from ..conventions import heading_marker as marker

    if len(runs) < 2:
        return None
    first_text = runs[0][0].lstrip(" \t\u3000")
    if not marker(first_text + "x"):
        return None
    if drafter:
        lead = runs[0][0]
    else:
        # formatting groups; runs without Chinese characters (digits, punctuation — Word and LibreOffice
        # split runs by script) join the group around them
        from ..textutil import is_cjk

        groups: list[list] = []
        for t, fmt in runs:
            cjk = any(is_cjk(c) for c in t)
            if groups and (not cjk or groups[-1][1] is None or groups[-1][1] == fmt):
                groups[-1][0] += t
                if cjk and groups[-1][1] is None:
                    groups[-1][1] = fmt
            else:
                groups.append([t, fmt if cjk else None])
        if len(groups) < 2:
            return None
        lead = groups[0][0]
    lead = lead.lstrip(" \t\u3000")
    m = marker(lead + "x")
    if m is None or m.end >= len(lead) or len(lead) > 120:
        return None       # only the number is formatted: leave the split to the text rules
    return lead


# ---------------------------------------------------------------------------------------------
def read_converted(path: Path, name: str) -> S.Source:
    """.doc (and .wps/.rtf/.odt): convert to .docx with LibreOffice when installed."""
    from ..pdf import convert, soffice_path

    _head(path, name)
    if soffice_path() is None:
        raise DrafterError("FZ080", f"“{name}”是旧版 Word（.doc）等格式，drafter 不能直接读取；请在 Word/WPS 中"
                                    "“另存为”.docx 后再导入，或安装 LibreOffice（drafter 会自动转换）", file=name)
    with tempfile.TemporaryDirectory(prefix="drafter-import-") as td:
        src = Path(td) / ("input" + (path.suffix.lower() if path.suffix.lower() in CONVERT_SUFFIXES else ".doc"))
        shutil.copyfile(path, src)
        try:
            (out,) = convert([src], Path(td) / "out", fmt="docx")
        except DrafterError as e:
            raise DrafterError("FZ080", f"“{name}”无法用 LibreOffice 转换为 .docx（{e.diagnostic.message}）；"
                                        "请在 Word/WPS 中“另存为”.docx 后再导入", file=name)
        result = read_docx(out, name)
    result.notes.append(f"“{name}”已用 LibreOffice 转换为 .docx 后导入")
    return result
