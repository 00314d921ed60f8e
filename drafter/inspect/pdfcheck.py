"""GB8xx (``--pdf``): lay the file out with LibreOffice and measure the printed geometry.

The .docx handed to LibreOffice is rebuilt from the parts that passed drafter.safezip, never the
original bytes.  Figures and tolerances are those of spec §12, read through drafter.measure.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from .. import gbt9704 as G
from ..diagnostics import DrafterError
from .context import Ctx
from .fixes import where

PITCH_TOL_MM = 0.12          # spec §12.3
CHAR_TOL_MM = 0.06           # spec §12.2
PAGE_TOL_MM = 0.5            # GB/T 148
EDGE_TOL_MM = G.MARGIN_TOLERANCE_MM
RIGHT_SLACK_MM = 0.6         # justification rounding (spec §1 P4)
FIRST_LINE_TOP_MM = (36.0, 41.5)   # spec §12.4
FULL_PAGE_SLACK_LINES = 1.5        # a page whose last body line ends within 1.5 lines of the 版心 bottom is full
PAGE_NO_Y_MM = G.TYPE_AREA_BOTTOM_MM + G.PAGE_NUMBER_BELOW_TYPE_AREA_MM           # 269
PAGE_NO_ODD_X1 = G.TYPE_AREA_RIGHT_MM - G.twips_to_mm(G.PAGE_NUMBER_SIDE_INDENT)   # 179.06
PAGE_NO_EVEN_X0 = G.MARGIN_LEFT_MM + G.twips_to_mm(G.PAGE_NUMBER_SIDE_INDENT)      # 32.94


def require_soffice() -> None:
    from ..pdf import soffice_path

    if soffice_path() is None:
        raise DrafterError("FZ060", "未找到 LibreOffice（soffice），无法按 --pdf 排版测量；请安装 LibreOffice 后重试，"
                                    "或去掉 --pdf 只检查文件设置")


def measure_docx(c: Ctx):
    from ..measure import measure
    from ..pdf import convert

    require_soffice()
    with tempfile.TemporaryDirectory(prefix="drafter-inspect-") as td:
        src = Path(td) / "inspect.docx"
        shutil.copyfile(c.doc.path, src)          # the file as given (already checked by the reader)
        (pdf,) = convert([src], Path(td) / "out")
        return measure(pdf)


def run(c: Ctx, m=None) -> None:
    m = m if m is not None else measure_docx(c)
    letter = c.lay.letter == "函"
    head = bool(c.lay.zone or c.lay.flag)
    w, h = m.page_mm
    if abs(w - G.PAGE_WIDTH_MM) > PAGE_TOL_MM or abs(h - G.PAGE_HEIGHT_MM) > PAGE_TOL_MM:
        c.add("GB801", "排出的纸张不是 A4；请把纸张大小选为 A4" + where("paper"), place="PDF", expected="210 × 297 mm",
              found=f"{w:g} × {h:g} mm")
    # lines per page
    counts = m.body_lines_per_page()
    over = [(k + 1, n) for k, n in enumerate(counts) if n > G.LINES_PER_PAGE]
    if over:
        pages = "、".join(f"第{p}页 {n} 行" for p, n in over[:5])
        c.add("GB802", "有的页排了超过 22 行正文；请把行距设为固定值 28.95 磅" + where("line_spacing"), place="PDF",
              expected=f"每面 {G.LINES_PER_PAGE} 行", found=pages,
              page=over[0][0])
    # a full page of text: body lines from the top of the 版心 to its bottom with no blank line, title or
    # table between them, set wider than the grid (a page ended a line early by "keep with next" has
    # the right pitch and is not judged, nor is one holding blank lines)
    full = []
    for page in range(1, m.pages + 1):
        bl = m.body_lines(page)
        if len(bl) < 2:
            continue
        gaps = sorted(b.bottom - a.bottom for a, b in zip(bl, bl[1:]))
        if bl[0].top <= FIRST_LINE_TOP_MM[1] and \
                bl[-1].bottom >= G.TYPE_AREA_BOTTOM_MM - FULL_PAGE_SLACK_LINES * G.LINE_PITCH_MM and \
                gaps[-1] < FULL_PAGE_SLACK_LINES * gaps[0] and \
                gaps[len(gaps) // 2] > G.LINE_PITCH_MM + PITCH_TOL_MM:
            full.append((page, len(bl)))
    short = [(p, n) for p, n in full if n < G.LINES_PER_PAGE]
    if short:
        c.add("GB802", "排满的页不到 22 行（行距过大）；请把行距设为固定值 28.95 磅" + where("line_spacing"), place="PDF",
              expected=f"每面 {G.LINES_PER_PAGE} 行",
              found="、".join(f"第{p}页 {n} 行" for p, n in short[:5]) + ("等" if len(short) > 5 else ""),
              page=short[0][0])
    # a Word character grid (GB114): LibreOffice sets each 汉字 two grid cells wide, so what it measures of
    # pitches and the right edge is LibreOffice's reading, not how Word or WPS print the file
    char_grid = any(s.grid_type in ("linesAndChars", "snapToChars") for s in c.doc.sections)
    if char_grid:
        c.notes.append("本文件使用字符网格（GB114）：LibreOffice 每行只排约 14 个字，按 PDF 测得的行距、字距和右边缘"
                       "不代表 Word、WPS 的排版，未据此判断（GB803、GB804、GB805）")
    lp = m.line_pitch()
    if char_grid:
        lp = None
    if lp is not None and abs(lp - G.LINE_PITCH_MM) > PITCH_TOL_MM:
        c.add("GB803", "行距不对：22 行应撑满 225 mm 的版心；请把行距设为固定值 28.95 磅" + where("line_spacing"),
              place="PDF", expected=f"{G.LINE_PITCH_MM:.2f} mm",
              found=f"{lp:.2f} mm")
    cp = None if char_grid else m.char_pitch()
    if cp is not None and abs(cp - G.CHAR_PITCH_MM) > CHAR_TOL_MM:
        c.add("GB804", "字距不对：每行应排 28 个字；请把3号字的字符间距设为紧缩 0.3 磅" + where("char_spacing"),
              place="PDF",
              expected=f"字距 {G.CHAR_PITCH_MM:.3f} mm，每行 {G.CHARS_PER_LINE} 字",
              found=f"字距 {cp:.3f} mm，每行约 {int(G.TYPE_AREA_WIDTH_MM // cp)} 字")
    if m.body_lines() and not char_grid:
        left, right = m.left(), m.right()
        if abs(left - G.MARGIN_LEFT_MM) > EDGE_TOL_MM:
            c.add("GB805", "正文左边缘不在版心左边（距纸张左边 28 mm）；请检查左页边距和段落左缩进" + where("margins", "indent"),
                      place="PDF", expected="28 mm ± 1 mm",
                  found=f"{left:.1f} mm")
        if right > G.TYPE_AREA_RIGHT_MM + RIGHT_SLACK_MM:
            c.add("GB805", "正文超出版心右边缘（距纸张左边 184 mm）；请检查右页边距和段落右缩进" + where("margins", "indent"),
                      place="PDF", expected="≤ 184.6 mm",
                  found=f"{right:.1f} mm")
    high = []                  # one finding for all the pages a single cause moves (QA: 540 lines for 540 pages)
    for page in range(2, m.pages + 1):
        top = m.first_line_top(page)
        if top is not None and not FIRST_LINE_TOP_MM[0] <= top <= FIRST_LINE_TOP_MM[1]:
            high.append((page, f"{top:.1f} mm"))
    if high:
        c.add("GB806", "页面第一行不在版心上边缘（天头 37 mm）；请检查上页边距和段前间距" + where("margins", "para_spacing"),
              place=_pages(high),
              expected=f"{FIRST_LINE_TOP_MM[0]:g}–{FIRST_LINE_TOP_MM[1]:g} mm", found=_found(high), page=high[0][0])
    numbers = {ln.page: ln for ln in m.page_numbers()}
    missing = [page for page in range(1, m.pages + 1) if page not in numbers and not (page == 1 and letter)]
    if missing:
        c.add("GB808", "有的页没有页码（除信函格式首页外，每页都应有页码）；请在页脚插入自动页码" + where("page_number"),
              place="PDF",
              expected="每页“— N —”", found="、".join(f"第{p}页" for p in missing[:8]) + ("等" if len(missing) > 8 else "")
              + "没有页码", page=missing[0])
    misplaced = []
    for page in range(1, m.pages + 1):
        ln = numbers.get(page)
        if page == 1 and letter:
            if ln is not None:
                c.add("GB808", "信函格式首页不应显示页码；请勾选“首页不同”" + where("first_page") + "，并清空首页页脚",
                      place="PDF 第1页", expected="无页码", found=ln.text, page=1)
            continue
        if ln is None:
            continue
        y = (ln.top + ln.bottom) / 2
        problems = []
        if abs(y - PAGE_NO_Y_MM) > EDGE_TOL_MM:
            problems.append(f"中线距上边 {y:.1f} mm（应 {PAGE_NO_Y_MM:g} mm）")
        if page % 2 and abs(ln.x1 - PAGE_NO_ODD_X1) > EDGE_TOL_MM:
            problems.append(f"右端 {ln.x1:.1f} mm（应 {PAGE_NO_ODD_X1:.1f} mm，居右空一字）")
        if not page % 2 and abs(ln.x0 - PAGE_NO_EVEN_X0) > EDGE_TOL_MM:
            problems.append(f"左端 {ln.x0:.1f} mm（应 {PAGE_NO_EVEN_X0:.1f} mm，居左空一字）")
        if problems:
            misplaced.append((page, "，".join(problems)))
    if misplaced:
        c.add("GB807", "页码位置不对：一字线在版心下边缘之下 7 mm，单页居右空一字，双页居左空一字；请检查页脚距边界和页码的缩进"
              + where("footer_distance", "indent"),
              place=_pages(misplaced), expected="单页右空一字 / 双页左空一字，距上边 269 mm",
              found=_found(misplaced), page=misplaced[0][0])
    if head:
        red = m.red_text(1)
        if red:
            top = min(ln.top for ln in red)
            want = G.LETTER_FLAG_TOP_MM if letter else G.FILE_FLAG_TOP_MM
            if abs(top - want) > EDGE_TOL_MM:
                c.add("GB809", "发文机关标志上边缘位置不对" + ("（信函格式：距纸张上边 30 mm）" if letter
                                                   else "（通用格式：距版心上边缘 35 mm）"),
                      place="PDF 第1页", expected=f"{want:g} mm", found=f"{top:.1f} mm", page=1)
        want_len = G.LETTER_LINE_LENGTH_MM if letter else G.TYPE_AREA_WIDTH_MM
        for s in m.red_strokes(1):
            if abs(s.length - want_len) > EDGE_TOL_MM:
                c.add("GB809", "红色分隔线长度不对", place="PDF 第1页", expected=f"{want_len:g} mm",
                      found=f"{s.length:.1f} mm", page=1)
    if c.lay.colophon and not letter:
        rules = [s for s in m.black_strokes(m.pages) if abs(s.length - G.TYPE_AREA_WIDTH_MM) <= EDGE_TOL_MM]
        if rules:
            low = max(rules, key=lambda s: s.y)
            if abs(low.y - G.TYPE_AREA_BOTTOM_MM) > EDGE_TOL_MM:
                c.add("GB810", "版记的末条分隔线应与版心下边缘重合（距纸张上边 262 mm），版记应在最后一面的最下方",
                      place=f"PDF 第{m.pages}页", expected=f"{G.TYPE_AREA_BOTTOM_MM:g} mm", found=f"{low.y:.1f} mm",
                      page=m.pages)


SHOWN_PAGES = 3         # pages described one by one in a finding that covers many


def _pages(items: list[tuple[int, str]]) -> str:
    pages = [p for p, _ in items]
    return f"PDF 第{pages[0]}页" if len(pages) == 1 else f"PDF 第{pages[0]}–{pages[-1]}页中的 {len(pages)} 页"


def _found(items: list[tuple[int, str]]) -> str:
    shown = "；".join(f"第{p}页 {what}" for p, what in items[:SHOWN_PAGES])
    return shown + (f"；等 {len(items)} 页" if len(items) > SHOWN_PAGES else "")
