"""GB1xx: paper, margins and 版心 (§5.1, §5.2.1), 22 lines × 28 characters (§5.2.3)."""
from __future__ import annotations

import math
from collections import Counter

from .. import gbt9704 as G
from ..textutil import width_zi
from .context import Ctx, cjk_runs, mm, pt
from .fixes import where
from .structure import BODY, CLOSING, HEADING

TOL = G.mm(G.MARGIN_TOLERANCE_MM)              # ±1 mm in twips
PAPER_TOL = G.mm(0.5)                          # GB/T 148 paper tolerance, ±0.5 mm
# a CJK line set "single" is about 1.3 em high in Word (font ascent + descent of 宋/仿宋); only used to
# estimate how many lines a page holds when a file uses multiple-of-single spacing
SINGLE_LINE_EM = 1.3
# the ideal pitch is 225/22 mm; anything from 10.11 mm (spec §12: 10.227 ± 0.12) up to 579 twips fills it
FULL_PITCH_MIN = G.mm(G.LINE_PITCH_MM - 0.12)
_PAPERS = {(12240, 15840): "Letter（215.9 × 279.4 mm）", (11906, 16838): "A4", (16838, 23811): "A3",
           (10318, 14570): "B5（182 × 257 mm）", (9978, 14173): "B5（176 × 250 mm）",
           (10433, 14742): "16开（184 × 260 mm）", (12240, 20160): "Legal"}
# rounding slack when counting characters per line.  Run spacing: 305 twips a character (−15) must still
# count 28 in 8844 twips (spec §1: 304.97 < pitch ≤ 315.86).  Word's char grid: the template value −842
# (made for a 8845-twip line) with the 8844-twip 版心 is 27.997 characters and Word shows 28 (spec §1).
CHARS_EPSILON_PT = 0.005
GRID_EPSILON_PT = 0.1
MARGIN_HOWTO = ("请把页边距设为：上 3.7 厘米、下 3.5 厘米、左 2.8 厘米、右 2.6 厘米，即版心 156 mm × 225 mm"
                + where("margins"))


def run(c: Ctx) -> None:
    doc = c.doc
    seen = set()
    for s in doc.sections:
        key = (s.page_w, s.page_h, s.orient, tuple(sorted(s.margins.items())), s.grid_type, s.line_pitch,
               s.char_space)
        if key in seen:
            continue
        seen.add(key)
        place = c.section_place(s.index)
        turned = _turned_table_page(c, s)
        _paper(c, s, place, turned)
        _margins(c, s, place, turned)
    if doc.mirror_margins:
        c.add("GB107", "设置了“对称页边距”：双面页的订口会换到右侧，公文应每面左白边 28 mm；请把“多页”改为“普通”"
              + where("multiple_pages"),
              place="页面设置", expected="普通页边距", found="对称页边距")
    _lines(c)
    _chars(c)
    _alignment(c)


def _turned_table_page(c: Ctx, s) -> bool:
    """A landscape section holding a table (公文中的横排表格, GB/T 9704 §8): the page is turned, its
    版心 where a portrait page's is (the margins turned with it)."""
    if not (s.page_w and s.page_h and s.page_w > s.page_h):
        return False
    return any(p.in_table is not None for p in c.doc.paragraphs[s.first - 1:s.last])


def _paper(c: Ctx, s, place: str, turned: bool = False) -> None:
    if s.page_w is None or s.page_h is None:
        c.add("GB101", "没有设置纸张大小（Word、WPS 会按各自的默认值排版，常为 Letter）；请把纸张大小选为 A4"
              + where("paper"),
              place=place, expected="A4（210 mm × 297 mm）", found="未设置")
        return
    w, h = sorted((s.page_w, s.page_h))
    if abs(w - G.PAGE_WIDTH) > PAPER_TOL or abs(h - G.PAGE_HEIGHT) > PAPER_TOL:
        name = _PAPERS.get((w, h))
        found = f"{G.twips_to_mm(s.page_w):.1f} mm × {G.twips_to_mm(s.page_h):.1f} mm" + (f"（{name}）" if name else "")
        c.add("GB101", "纸张不是 A4；请把纸张大小选为 A4" + where("paper"), place=place,
              expected="A4（210 mm × 297 mm）", found=found)
    if (s.orient == "landscape" or s.page_w > s.page_h) and not turned:
        c.add("GB102", "纸张是横向；公文用纸应纵向，请把纸张方向选为“纵向”" + where("orientation"), place=place,
              expected="纵向", found="横向")


def _margins(c: Ctx, s, place: str, turned: bool = False) -> None:
    m = s.margins
    if turned and {"top", "bottom", "left", "right"} <= set(m):
        # the portrait page's margins turned a quarter either way: 订口 28 mm becomes the top (or bottom)
        portrait = (G.MARGIN_TOP, G.PAGE_WIDTH - G.MARGIN_LEFT - G.TYPE_AREA_WIDTH,
                    G.PAGE_HEIGHT - G.MARGIN_TOP - G.TYPE_AREA_HEIGHT, G.MARGIN_LEFT)       # top right bottom left
        have = (abs(m["top"]), m["right"], abs(m["bottom"]), m["left"])
        turns = [portrait[3:] + portrait[:3], portrait[1:] + portrait[:1]]                  # clockwise, counter
        if not any(all(abs(a - b) <= TOL for a, b in zip(have, t)) for t in turns):
            c.add("GB105", "横排表格页（§8）的版心应与竖排页的版心重合：页边距随页面转过来（上 2.8、右 3.7、下 2.6、"
                           "左 3.5 厘米，或反方向）" + where("margins"), place=place, expected="上 28、右 37、下 26、左 35 mm（或反方向）",
                  found="上 {}、右 {}、下 {}、左 {}".format(*(mm(x) for x in have)))
        return
    if not {"top", "bottom", "left", "right"} <= set(m):
        for code, what in (("GB103", "上白边"), ("GB104", "左白边"), ("GB105", "版心宽度"), ("GB106", "版心高度")):
            c.add(code, f"没有设置页边距，{what}由软件默认值决定；{MARGIN_HOWTO}", place=place,
                  expected={"GB103": "37 mm", "GB104": "28 mm", "GB105": "156 mm", "GB106": "225 mm"}[code],
                  found="未设置")
        return
    gutter = m.get("gutter") or 0
    top = abs(m["top"]) + (gutter if c.doc.gutter_at_top else 0)
    left = m["left"] + (0 if c.doc.gutter_at_top else gutter)
    if gutter:
        c.add("GB107", "设置了装订线：它会加宽左白边或上白边；请把装订线设为 0" + where("gutter") +
              "，直接用左白边 28 mm", place=place,
              expected="装订线 0", found=f"装订线 {mm(gutter)}")
    if abs(top - G.MARGIN_TOP) > TOL:
        c.add("GB103", f"上白边（天头）不对；{MARGIN_HOWTO}", place=place, expected="37 mm ± 1 mm", found=mm(top))
    if abs(left - G.MARGIN_LEFT) > TOL:
        c.add("GB104", f"左白边（订口）不对；{MARGIN_HOWTO}", place=place, expected="28 mm ± 1 mm", found=mm(left))
    width = s.page_w - left - m["right"] if s.page_w else None
    if width is not None and abs(width - G.TYPE_AREA_WIDTH) > TOL:
        c.add("GB105", f"版心宽度不对（页面宽度减左右白边）；{MARGIN_HOWTO}", place=place,
              expected="156 mm ± 1 mm（右白边 26 mm）", found=f"{mm(width)}（右白边 {mm(m['right'])}）")
    height = s.page_h - top - abs(m["bottom"]) if s.page_h else None
    if height is not None and abs(height - G.TYPE_AREA_HEIGHT) > TOL:
        c.add("GB106", f"版心高度不对（页面高度减上下白边）；{MARGIN_HOWTO}", place=place,
              expected="225 mm ± 1 mm（下白边 35 mm）", found=f"{mm(height)}（下白边 {mm(abs(m['bottom']))}）")


def _size_of(p) -> float:
    runs = p.text_runs()
    return max((r.props.size_pt for r in runs), default=G.SIZE_3HAO)


def _describe_spacing(p) -> str:
    pp = p.props
    if pp.line_rule == "exact":
        return f"固定值 {pp.line / 20:g} 磅"
    if pp.line_rule == "atLeast":
        return f"最小值 {pp.line / 20:g} 磅"
    mult = pp.line / 240
    return {1.0: "单倍行距", 1.5: "1.5 倍行距", 2.0: "2 倍行距"}.get(mult, f"{mult:g} 倍行距")


def _lines(c: Ctx) -> None:
    """GB110–GB112, GB116: the line spacing of body paragraphs must put 22 lines on a page."""
    for p in [p for p in c.doc.paragraphs if c.lay.role(p) in (BODY, HEADING, CLOSING) and p.in_table is None]:
        s = c.doc.section_of(p)
        # judged in the standard 版心: wrong margins are GB103-GB106's to report, and would make a
        # correct 28.95 pt spacing look wrong here
        height = G.TYPE_AREA_HEIGHT
        pp = p.props
        size = _size_of(p)
        natural = size * SINGLE_LINE_EM * G.TWIPS_PER_PT
        grid = s.grid_type in ("lines", "linesAndChars", "snapToChars") and s.line_pitch and pp.snap_to_grid
        if pp.line_rule == "exact":
            h = pp.line
        elif pp.line_rule == "atLeast":
            h = max(pp.line, natural)
        else:
            h = natural * pp.line / 240
            if grid:
                h = math.ceil(h / s.line_pitch - 1e-6) * s.line_pitch
        if h <= 0:
            continue
        lines = int(height // h)
        desc = _describe_spacing(p)
        expected = f"固定值 {G.LINE_PITCH / 20:g} 磅，每面 {G.LINES_PER_PAGE} 行"
        if lines != G.LINES_PER_PAGE:
            approx = "" if pp.line_rule == "exact" else "约"
            c.add("GB110", "行距使每面排不成 22 行；请把行距设为“固定值”28.95 磅（“29 磅”只能排 21 行）"
                  + where("line_spacing"), p, expected=expected, found=f"{desc}，在标准版心中每面{approx} {lines} 行")
        elif pp.line_rule != "exact" and grid:
            c.add("GB111", "行距靠“对齐文档网格”排成 22 行：LibreOffice 每面约 18–19 行，WPS 也可能不同；"
                           "请把行距改为“固定值”28.95 磅" + where("line_spacing"), p, expected=expected,
                  found=f"{desc}，文档网格行距 {s.line_pitch / 20:g} 磅")
        elif pp.line_rule == "exact" and h < FULL_PITCH_MIN:
            c.add("GB112", "每面 22 行但没有撑满版心（标准：每面排 22 行，并撑满版心）；行距宜设为固定值 28.95 磅"
                  + where("line_spacing"), p,
                  expected=f"22 行 × 28.95 磅 = {G.LINES_PER_PAGE * G.LINE_PITCH / 20 * G.MM_PER_PT:.0f} mm",
                  found=f"22 行 × {h / 20:g} 磅 = {G.LINES_PER_PAGE * h / 20 * G.MM_PER_PT:.0f} mm")
        extra = []
        if pp.before or pp.before_lines:
            extra.append(f"段前 {pp.before / 20:g} 磅" if not pp.before_lines else f"段前 {pp.before_lines / 100:g} 行")
        if pp.after or pp.after_lines:
            extra.append(f"段后 {pp.after / 20:g} 磅" if not pp.after_lines else f"段后 {pp.after_lines / 100:g} 行")
        if extra:
            c.add("GB116", "段前、段后有间距：正文行离开行网格，满页排不成 22 行；请把段前、段后设为 0"
                  + where("para_spacing"), p,
                  expected="段前 0、段后 0", found="、".join(extra))


def _chars(c: Ctx) -> None:
    """GB113/GB114: character size and spacing (or a character grid) must give 28 characters a line."""
    doc = c.doc
    for s in doc.sections:
        weights: Counter = Counter()
        first = {}
        for p in doc.paragraphs[s.first - 1:s.last]:
            if c.lay.role(p) not in (BODY, CLOSING) or p.in_table is not None:
                continue
            for r in cjk_runs(p.runs):
                key = (r.props.size_pt, r.props.spacing)
                weights[key] += len(r.text)
                first.setdefault(key, p)
        if not weights:
            continue
        (size, spacing), _ = weights.most_common(1)[0]
        para = first[(size, spacing)]
        width = G.TYPE_AREA_WIDTH          # the standard 版心 (wrong margins: GB103-GB106)
        width_pt = width / G.TWIPS_PER_PT + CHARS_EPSILON_PT
        if s.grid_type in ("linesAndChars", "snapToChars") and s.char_space is not None:
            pitch = size + s.char_space / 4096      # ECMA-376 docGrid/@charSpace, in 4096ths of a point
            chars = int((width_pt + GRID_EPSILON_PT) // pitch) if pitch > 0 else 0
            c.add("GB114", "文档网格设为“指定行和字符网格”：Word 按网格每行排字，LibreOffice（7.4 起）把每个汉字算作"
                           "两格，每行只排约 14 个字；建议把文档网格改为“只指定行网格”" + where("doc_grid") +
                           "，用字符间距紧缩 0.3 磅排满 28 字" + where("char_spacing"),
                  para, place=c.section_place(s.index), expected="只指定行网格 + 字符间距 −0.3 磅",
                  found=f"字符网格 charSpace={s.char_space}（每字 {pitch:.2f} 磅，Word 每行 {chars} 字）")
        else:
            pitch = size + spacing / G.TWIPS_PER_PT
            chars = int(width_pt // pitch) if pitch > 0 else 0
        if chars != G.CHARS_PER_LINE:
            how = ("请把字符间距设为“紧缩”0.3 磅（3号字每字 15.7 磅）" + where("char_spacing") if size == G.SIZE_3HAO
                   else "正文应为3号字" + where("size") + "，并紧缩字符间距 0.3 磅" + where("char_spacing"))
            c.add("GB113", f"每行排不成 28 个字；{how}", para, place=c.section_place(s.index),
                  expected=f"3号字（16 磅）、字符间距紧缩 0.3 磅，每行 {G.CHARS_PER_LINE} 字",
                  found=f"{pt(size)}、字符间距 {spacing / 20:+g} 磅，在标准版心中每行 {chars} 字")


def _alignment(c: Ctx) -> None:
    for p in c.lay.body:
        if p.in_table is None and p.props.jc not in ("both", "distribute") and width_zi(p.text.strip()) > G.CHARS_PER_LINE:
            jc = {"left": "左对齐", "center": "居中", "right": "右对齐"}.get(p.props.jc, p.props.jc)
            c.add("GB115", "正文段落不是两端对齐，右边缘参差不齐（标准：撑满版心）；请把对齐方式选为“两端对齐”"
                  + where("alignment"), p,
                  expected="两端对齐", found=jc)
