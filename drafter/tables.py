"""Tables (表格) in a report: rows from the YAML or a CSV file, checked, and fitted to the 版心.

Loading (``resolve``) reads each ``来自: 文件.csv`` (UTF-8 or GBK, relative to the YAML; a clerk's Excel
saved as CSV) into the model and says, in Chinese and at file:line, what cannot be set: a CSV that
cannot be read or decoded, an empty table, rows of different lengths, more columns than fit the 版心
at the smallest size drafter sets.  ``fit`` chooses the size and the column widths the writer uses.
Pure Python: ``drafter check`` imports neither lxml nor python-docx for this.
"""
from __future__ import annotations

import re
from pathlib import Path

from . import gbt9704 as G
from .diagnostics import ERROR, Diagnostic
from .textutil import width_zi

SIZES = {"4号": G.SIZE_4HAO, "小4": 12.0, "5号": 10.5}
# a stretch a line may not be broken inside: a number with its sign, separators, unit and percent,
# or a Latin word
_UNBREAKABLE = re.compile(r"[-+−]?[0-9０-９][0-9０-９.,，．%％‰]*|[A-Za-z][A-Za-z0-9./_-]*")
_NUMBER = re.compile(r"\s*[-+−]?[0-9０-９][0-9０-９.,，．]*\s*[%％‰]?\s*|\s*[-—–]\s*")


def is_number(text: str) -> bool:
    """A cell that holds a number (1234, 51.335, 97.2%, −3, "—" for none): set flush right."""
    return bool(text.strip()) and _NUMBER.fullmatch(text) is not None


def _min_zi(text: str) -> float:
    """The narrowest a cell's column may be (in 字): its longest unbreakable stretch."""
    words = [width_zi(m.group()) for m in _UNBREAKABLE.finditer(text)]
    return max(words, default=0.0)


def fit(rows: list[list[str]], preferred_pt: float, width_twips: int = G.TABLE_WIDTH, header_rows: int = 0):
    """(size in pt, column widths in twips summing to ``width_twips``): the preferred size, or the
    next smaller one (down to 5号) at which every column is wide enough for its longest number or word
    and two characters; None when none fits."""
    sizes = [s for s in G.TABLE_SIZES_PT if s <= preferred_pt] or [G.TABLE_MIN_SIZE_PT]
    for size in sizes:
        w = widths(rows, size, width_twips, header_rows)
        if w is not None:
            return size, w
    return None


def widths(rows: list[list[str]], size_pt: float, width_twips: int, header_rows: int = 0) -> list[int] | None:
    """Column widths: every column at least its longest number or word (and two characters); then,
    as room allows, each body cell on one line; then each header cell on one line; what is left,
    shared in proportion.  None when even the least widths do not fit."""
    n = max((len(r) for r in rows), default=0)
    if not n:
        return None
    zi = size_pt * G.TWIPS_PER_PT
    pad = 2 * G.TABLE_CELL_PAD
    cols = [[r[k] if k < len(r) else "" for r in rows] for k in range(n)]
    least = [max(G.TABLE_MIN_COLUMN_ZI, max(_min_zi(c) for c in col)) * zi + pad for col in cols]
    body = [max(b, max((width_zi(c) for c in col[header_rows:]), default=0) * zi + pad)
            for b, col in zip(least, cols)]
    whole = [max(b, max(width_zi(c) for c in col) * zi + pad) for b, col in zip(body, cols)]
    if sum(least) > width_twips:
        return None
    for lo, hi in ((whole, whole), (body, whole), (least, body)):
        if sum(lo) <= width_twips:
            extra = width_twips - sum(lo)
            want = [h - x for h, x in zip(hi, lo)]
            if sum(want) > 0 and sum(hi) > width_twips:
                out = [x + extra * w / sum(want) for x, w in zip(lo, want)]
            else:                     # everything on one line: widen every column in proportion
                out = [x * width_twips / sum(lo) for x in lo]
            break
    ints = [int(x) for x in out]
    ints[-1] += width_twips - sum(ints)
    return ints


# ---------------------------------------------------------------------------------------------
def walk(report):
    """(path in the model, Table, width in twips it must fit) of every table of the report."""
    for i, sec in enumerate(report.sections):
        yield from _items(sec.content, ("sections", i, "content"), G.TABLE_WIDTH)
    for path, a in report.paged():
        width = G.LANDSCAPE_TYPE_AREA_WIDTH if a.landscape else G.TABLE_WIDTH
        yield from _items(a.content, path + ("content",), width)


def _items(items, base, width):
    for j, it in enumerate(items):
        if hasattr(it, "table"):
            yield base + (j, "table"), it.table, width
        elif hasattr(it, "content"):
            yield from _items(it.content, base + (j, "content"), width)


def _read_csv(path: Path) -> tuple[list[list[str]], str]:
    """Rows of a CSV file and the encoding it was in (UTF-8 with or without BOM, else GBK/GB18030, as
    Excel saves it on a Chinese Windows).  OSError, UnicodeDecodeError, csv.Error pass through."""
    import csv
    import io

    data = path.read_bytes()
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnicodeDecodeError("gb18030", data, 0, 1, "neither UTF-8 nor GBK")
    rows = [[c.strip() for c in r] for r in csv.reader(io.StringIO(text, newline=""))]
    while rows and not any(rows[-1]):               # Excel's trailing empty lines
        rows.pop()
    return rows, ("UTF-8" if enc == "utf-8-sig" else "GBK")


def resolve(report, smap, base: Path | None) -> list[Diagnostic]:
    """Read every table's CSV into its rows and check every table; the diagnostics (FZ040–FZ044)."""
    out: list[Diagnostic] = []
    file = smap.file if smap is not None else None

    def pos(path):
        return smap.pos(path) if smap is not None else (None, None)

    def err(code, msg, path, at_file=None, line=None):
        ln, col = (line, 1) if at_file else pos(path)
        out.append(Diagnostic(code, ERROR, msg, at_file or file, ln, col))

    for path, t, width in walk(report):
        csv_lines = None
        if t.source:
            src = Path(t.source).expanduser()
            full = src if src.is_absolute() or base is None else base / src
            try:
                rows, _ = _read_csv(full)
            except OSError as e:
                from .atomic import why

                err("FZ040", f"表格的 CSV 文件“{t.source}”无法读取（{why(e)}）；路径相对于本 YAML 文件所在的文件夹，"
                             f"请检查文件名", path + ("source",))
                continue
            except UnicodeDecodeError:
                err("FZ041", f"表格的 CSV 文件“{t.source}”既不是 UTF-8 也不是 GBK 编码，无法读取；请在 Excel 中"
                             "“另存为”“CSV UTF-8（逗号分隔）”", path + ("source",))
                continue
            except Exception:  # noqa: BLE001 - csv.Error: a quote never closed …
                err("FZ041", f"表格的 CSV 文件“{t.source}”格式错误（引号不成对等），无法读取；请在 Excel 中重新"
                             "“另存为”CSV", path + ("source",))
                continue
            n_head = t.header_rows if t.header_rows is not None else (0 if t.header else 1)
            n_head = max(0, min(n_head, len(rows)))
            t.header = list(t.header) + rows[:n_head]
            t.rows = list(t.rows) + rows[n_head:]
            csv_lines = (str(full), len(t.header) - n_head)     # CSV line of a row = its index + 1 − offset
        every = list(t.header) + list(t.rows)
        if not every or not any(any(c.strip() for c in r) for r in every):
            where = f"CSV 文件“{t.source}”是空的" if t.source else "没有写“行”"
            err("FZ042", f"表格是空的：{where}；请填写表格的各行，不需要表格时删去这一项", path)
            continue
        n = len(every[0])
        for k, r in enumerate(every):
            if len(r) == n:
                continue
            first = f"第一行有 {n} 格" if k else ""
            if csv_lines is not None and k >= csv_lines[1]:
                err("FZ043", f"表格各行的格数不一样：这一行有 {len(r)} 格，{first or '下一行'}有 {n} 格；"
                             "请补齐空格（空着的写成两个逗号之间什么也不写）", path, csv_lines[0], k - csv_lines[1] + 1)
            else:
                in_header = k < len(t.header)
                sub = path + (("header", k) if in_header else ("rows", k - len(t.header)))
                err("FZ043", f"表格各行的格数不一样：{'表头' if in_header else ''}这一行有 {len(r)} 格，而表格第一行有 "
                             f"{n} 格；请补齐（空格写成 \"\"）", sub)
            break
        else:
            if fit(every, SIZES[report.layout.table_size], width, len(t.header)) is None:
                wide = "横排的附件中" if width > G.TABLE_WIDTH else "版心（156 毫米）中"
                hint = "；可以把它作为附件横排（附件写“横排: 是”）" if width == G.TABLE_WIDTH else ""
                err("FZ044", f"表格有 {n} 列，按最小的 5号字也排不下{wide}；请减少列数或缩短数字、词语{hint}", path)
    return out
