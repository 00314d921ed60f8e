"""GB6xx: page numbers (§7.5, §10.1): "— 1 —", 4号 半角宋体, odd pages right, even pages left."""
from __future__ import annotations

import re

from .. import gbt9704 as G
from . import fontnames as F
from .context import Ctx, pt
from .fixes import where
from ..textutil import clip

DASH = G.PAGE_NUMBER_DASH
GOOD = re.compile(rf"^{DASH}[ \u00a0]?N[ \u00a0]?{DASH}$")
INDENT_TOL = 60                     # twips; 1 字 of 4号 (280) or of 3号 (320) both accepted (spec §13)
# the 一字线 7 mm below the 版心 (spec §6 N3): footer distance 1390 twips, measured range 1330–1450
FOOTER_RANGE = (G.FOOTER_DISTANCE - 60, G.FOOTER_DISTANCE + 60)


def _display(p) -> str | None:
    """Footer text with the PAGE field's result shown as N (None when the paragraph has no PAGE field)."""
    if not any(name == "PAGE" for name, _ in p.fields):
        return None
    out, in_page = [], False
    for r in p.runs:
        if r.field == "PAGE":
            if not in_page:
                out.append("N")
            in_page = True
            continue
        in_page = False
        out.append(r.text)
    text = "".join(out)
    if "N" not in text:
        text += "N"
    return text.strip(" \t\u3000\n")


def _footer_paras(c: Ctx, part) -> list:
    """A footer's paragraphs and the paragraphs of the text boxes anchored in it (WPS puts the page
    number in a text box in the footer; Word in a frame or a plain paragraph)."""
    out = []
    for p in c.doc.footer(part):
        out.append(p)
        out.extend(p.textboxes)
    return out


def _page_paras(c: Ctx, part):
    return [p for p in _footer_paras(c, part) if _display(p) is not None]


def _side(p) -> str:
    """Where a page number stands: its text box's or frame's alignment on the page when it has one
    ("outside": right on odd pages, left on even), else the paragraph's own."""
    if p.box is not None and p.box.h_align in ("left", "right", "outside", "inside"):
        return p.box.h_align
    frame = p.props.frame or {}
    if frame.get("xAlign") in ("left", "right", "outside", "inside"):
        return frame["xAlign"]
    return p.props.jc


def _spaces_width(s: str) -> int:
    return sum(G.ZI_4HAO if ch == "\u3000" else G.ZI_4HAO // 2 for ch in s if ch in " \u3000\u00a0")


def _check(c: Ctx, p, side: str | None, place: str) -> None:
    disp = _display(p)
    if disp is None:                 # a number typed by hand (GB603): its form, size and place still count
        disp = re.sub(r"\d+", "N", p.text.strip(" \t\u3000\n"), count=1)
    shown = disp.replace("N", "1")
    if not GOOD.match(disp):
        c.add("GB602", "页码两边应各加一条一字线“—”（全角破折号的一半，U+2014），形如“— 1 —”；不要用“-”“－”或“第1页”",
              p, place=place, expected=f"{DASH} 1 {DASH}", found=shown)
    for r in p.runs:
        if not r.text.strip():
            continue
        if abs(r.props.size_pt - G.PAGE_NUMBER_SIZE_PT) > 0.25:
            c.add("GB604", "页码应为4号字（14 磅）" + where("size"), p, place=place, expected=pt(G.PAGE_NUMBER_SIZE_PT),
                  found=pt(r.props.size_pt))
            break
    for r in p.runs:
        if r.field == "PAGE" and r.text.strip():
            name = r.props.font("ascii").name
            if not F.is_family(name, F.SONGTI):
                c.add("GB605", "页码数字应为半角宋体" + where("font_latin"), p, place=place, expected="宋体",
                      found=(name or "未指定") + (f"（主题字体 {r.props.font('ascii').theme}）"
                                                 if r.props.font("ascii").theme else ""))
            break
    if side is None:
        return
    pp = p.props
    text = "".join(r.text for r in p.runs)
    at = _side(p)
    placed = p.box is not None or bool(p.props.frame)
    if side == "right":
        if at not in ("right", "outside"):
            c.add("GB607", "单页码应居右" + where("alignment"), p, place=place, expected="右对齐", found=_jc(at))
            return
        gap = pp.right + _spaces_width(text[len(text.rstrip(" \u3000\u00a0")):])
    else:
        if at not in ("left", "both", "outside"):
            c.add("GB607", "双页码应居左" + where("alignment"), p, place=place, expected="左对齐", found=_jc(at))
            return
        gap = pp.left + max(0, pp.first_line) + _spaces_width(text[:len(text) - len(text.lstrip(" \u3000\u00a0"))])
    if placed:
        return        # a text box or frame: its inner margins are not known here (--pdf measures the place, GB807)
    if min(abs(gap - G.ZI_4HAO), abs(gap - G.ZI_3HAO)) > INDENT_TOL:
        what = "右" if side == "right" else "左"
        c.add("GB608", f"{'单' if side == 'right' else '双'}页码应居{what}空一字（{what}缩进 1 字）" + where("indent"), p,
              place=place,
              expected=f"{what}空 1 字（14 磅）", found=f"{what}空 {gap / G.ZI_4HAO:.1f} 字（{gap / 20:g} 磅）")


def _jc(jc: str) -> str:
    return {"left": "左对齐", "both": "两端对齐", "center": "居中", "right": "右对齐", "inside": "靠内侧"}.get(jc, jc)


def run(c: Ctx) -> None:
    seen = set()
    for s in c.doc.sections:
        key = (tuple(sorted(s.footers.items())), tuple(sorted(s.headers.items())), s.title_pg, s.margins.get("footer"))
        if key in seen:
            continue
        seen.add(key)
        _section(c, s, "" if len(c.doc.sections) == 1 else f"第{s.index + 1}节")


def _headers(c: Ctx, s, prefix: str) -> None:
    """GB/T 9704 has no 页眉: no text in a header, and no line under it (Word's 页眉 style draws a
    bottom border as soon as a header exists).  A page number in the header is GB601's."""
    shown = [s.headers.get("default")] + ([s.headers.get("even")] if c.doc.even_odd else []) \
        + ([s.headers.get("first")] if s.title_pg else [])
    text = line = None
    for part in dict.fromkeys(x for x in shown if x):
        for p in c.doc.footer(part):
            if text is None and p.text.strip() and _display(p) is None:
                text = p
            bottom = p.props.borders.get("bottom")
            if line is None and bottom and bottom[0] not in (None, "nil", "none"):
                line = p
    if text is not None:
        t = text.text.strip()
        c.add("GB612", f"页眉中有文字“{clip(t)}”：公文不设页眉；请双击页眉，删除其中的文字", text,
              place=prefix + "页眉", expected="无页眉", found=t[:40])
    if line is not None:
        c.add("GB613", "页眉有横线：公文不设页眉；请双击页眉，把边框设为“无框线”" + where("borders") +
              "，或把“页眉”样式的边框设为无",
              line, place=prefix + "页眉", expected="无横线", found=f"下框线（{line.props.borders['bottom'][0]}）")


def _section(c: Ctx, s, prefix: str) -> None:
    _headers(c, s, prefix)
    doc = c.doc
    letter = c.lay.letter == "函" and s.index == 0
    odd = _page_paras(c, s.footers.get("default"))
    if not odd:
        in_header = any(_display(p) for part in s.headers.values() for p in doc.footer(part))
        static = [p for p in _footer_paras(c, s.footers.get("default")) if re.search(r"\d", p.text)]
        if not static:
            c.add("GB601", "没有页码" + ("（页码在页眉里；应在版心下边缘之下的页脚）" if in_header else "") +
                  "：公文页码用4号半角宋体阿拉伯数字，置于版心下边缘之下，形如“— 1 —”；请在页脚插入自动页码"
                  + where("page_number"),
                  place=prefix + "页脚", expected="— 1 —", found="页眉中" if in_header else "无")
            return
        c.add("GB603", "页码是手工输入的数字，不会随页变化；请改为插入自动页码" + where("page_number"), static[0],
              place=prefix + "页脚",
              expected="PAGE 域", found=static[0].text.strip())
        odd = static                 # and the rest is checked too, not after the clerk fixed this (QA)
    odd_place = prefix + ("页脚（单页）" if doc.even_odd else "页脚")
    outside = _side(odd[0]) == "outside"         # a frame or box on the outer edge: odd right, even left
    _check(c, odd[0], "right" if doc.even_odd or outside else None, odd_place)
    if doc.even_odd:
        even = _page_paras(c, s.footers.get("even"))
        if not even:
            c.add("GB601", "双页没有页码：设置了“奇偶页不同”，但偶数页页脚里没有页码；请在偶数页页脚插入页码"
              + where("page_number") + "并居左空一字",
                  place=prefix + "页脚（双页）", expected="— 2 —（居左空一字）", found="无")
        else:
            _check(c, even[0], "left", prefix + "页脚（双页）")
    elif not outside:
        c.add("GB606", "没有设置“奇偶页不同”：单页码应居右空一字、双页码居左空一字；请勾选“奇偶页不同”" + where("odd_even")
              + "，分别设置两种页脚", odd[0], place=prefix + "页脚", expected="奇偶页不同",
              found=f"所有页同一页脚（{_jc(odd[0].props.jc)}）")
    first = _page_paras(c, s.footers.get("first")) if s.title_pg else odd
    if letter and first:
        c.add("GB609", "信函格式首页不显示页码；请勾选“首页不同”" + where("first_page") + "，并清空首页页脚",
              place=prefix + "页脚（首页）",
              expected="首页无页码", found="首页有页码")
    elif c.lay.letter != "函" and s.title_pg and not first:
        c.add("GB611", "首页不显示页码：设置了“首页不同”而首页页脚没有页码；除信函格式外，每页都应有页码；请取消勾选“首页不同”"
              + where("first_page") + "，或在首页页脚插入页码", place=prefix + "页脚（首页）",
              expected="首页有页码", found="首页无页码")
    fd = s.margins.get("footer")
    boxed = odd[0].box is not None or bool(odd[0].props.frame)   # placed by its box or frame, not the distance
    if fd is not None and not boxed and not FOOTER_RANGE[0] <= fd <= FOOTER_RANGE[1]:
        c.add("GB610", "页脚距边界不合适：一字线应在版心下边缘之下 7 mm（约距纸张下边 28 mm）；"
                       "请把页脚距边界设为约 2.45 厘米" + where("footer_distance"), place=c.section_place(s.index),
              expected=f"{G.twips_to_mm(G.FOOTER_DISTANCE):.1f} mm", found=f"{G.twips_to_mm(fd):.1f} mm")
