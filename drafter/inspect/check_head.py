"""GB4xx: the 版头 when present — red 发文机关标志, 发文字号 with 〔〕, red rules (§7.2, §10.1)."""
from __future__ import annotations

import re

from .. import gbt9704 as G
from . import fontnames as F
from .context import Ctx, cjk_runs
from .fixes import where
from ..reader.document import is_red

LINE_TOL_MM = G.MARGIN_TOLERANCE_MM


def run(c: Ctx) -> None:
    lay = c.lay
    if not lay.zone and not lay.flag:
        return
    _doc_number(c)
    if lay.doc_number is not None and not lay.flag:
        c.add("GB410", "有发文字号，却没有发文机关标志（红头）：报送的正式文本应在版头印红色的发文机关标志（§7.2.4、"
                       "§10.1）；网上公开的文本没有版头，可删去发文字号", lay.doc_number[0], expected="发文机关标志",
              found="没有")
    _signer(c)
    _flag(c)
    _lines(c)


def _doc_number(c: Ctx) -> None:
    lay = c.lay
    if lay.doc_number is None:
        return
    p, dn = lay.doc_number
    good, found = dn.normalized, dn.text
    if not dn.brackets_ok:
        c.add("GB403", "发文字号的年份应用六角括号“〔〕”括入（不用“[]”“【】”“()”“［］”“﹝﹞”）；"
                       "可用插入符号" + where("symbol") + "或输入法的符号表输入〔〕", p, expected=good, found=found)
    problems = [x for x in dn.problems() if not x.startswith("年份用了")]
    if problems:
        c.add("GB404", "发文字号格式不对：" + "；".join(problems), p, expected=good, found=found)
    if lay.signer is p and (p.props.jc == "center" or re.search(r"[ \u3000]{2,}", p.text.strip())):
        c.add("GB409", "发文字号与签发人在同一行时，发文字号居左空一字、签发人居右空一字（§7.2.6）；请把这一行设为左对齐、"
                       "左缩进 1 字，在签发人前按一次 Tab，用右对齐制表位（右缩进 1 字）排到右侧，不要用空格推开或居中"
                       + where("alignment", "indent", "tab_stops"), p, expected="发文字号居左空一字、签发人居右空一字",
              found="居中" if p.props.jc == "center" else "用空格隔开")
    elif c.lay.letter == "函" and p.props.jc != "right" and "\t" not in p.text:
        c.add("GB409", "信函格式的发文字号应居右顶格（在红色双线下方，版心右边缘）" + where("alignment"), p,
              expected="右对齐",
              found={"left": "左对齐", "both": "两端对齐", "center": "居中"}.get(p.props.jc, p.props.jc))
    elif c.lay.letter == "文件" and lay.signer is None and p.props.jc != "center":
        c.add("GB409", "通用格式（下行文）的发文字号应居中排布，在发文机关标志下空二行" + where("alignment"), p,
              expected="居中",
              found={"left": "左对齐", "both": "两端对齐", "right": "右对齐"}.get(p.props.jc, p.props.jc))


def _signer(c: Ctx) -> None:
    """§7.2.6: "签发人" in 3号仿宋, the names in 3号楷体."""
    p = c.lay.signer
    if p is None:
        return
    k = p.text.find("签发人")
    if k < 0:
        return
    colon = next((i for i in range(k + 3, min(len(p.text), k + 6)) if p.text[i] in "：:"), k + 2)
    label = [r for r in cjk_runs(p.runs_between(k, colon + 1))]
    names = [r for r in cjk_runs(p.runs_between(colon + 1, len(p.text)))]
    if any(not F.is_family(r.props.font("eastAsia").name, F.FANGSONG) for r in label):
        f = next(r for r in label if not F.is_family(r.props.font("eastAsia").name, F.FANGSONG)).props.font("eastAsia")
        c.add("GB411", "“签发人”三字应用3号仿宋体（姓名用楷体）" + where("font"), p, expected=F.LABEL[F.FANGSONG],
              found=f.name or "未指定")
    if any(not F.is_family(r.props.font("eastAsia").name, F.KAITI) for r in names):
        f = next(r for r in names if not F.is_family(r.props.font("eastAsia").name, F.KAITI)).props.font("eastAsia")
        c.add("GB411", "签发人姓名应用3号楷体" + where("font"), p, expected=F.LABEL[F.KAITI], found=f.name or "未指定")


def _flag(c: Ctx) -> None:
    for p in c.lay.flag:
        runs = p.text_runs()
        not_red = [r for r in runs if not is_red(r.props.color)]
        if not_red:
            col = not_red[0].props.color
            c.add("GB401", "发文机关标志应为红色（红头）；请把字体颜色设为红色" + where("font_color"), p, expected="红色",
                  found="黑色（自动）" if col in (None, "auto") else f"#{col}")
        for r in cjk_runs(runs):
            if not F.is_family(r.props.font("eastAsia").name, F.XIAOBIAOSONG):
                f = r.props.font("eastAsia")
                c.add("GB402", "发文机关标志推荐用小标宋体（如 方正小标宋简体）" + where("font"), p,
                      expected=F.LABEL[F.XIAOBIAOSONG],
                      found=f.name or "未指定")
                break


def _strokes(shape) -> int:
    """How many lines one drawn line prints: Word's and WPS's double line (a:ln cmpd, v:stroke
    linestyle) is one shape with two strokes."""
    return {"dbl": 2, "thickThin": 2, "thinThick": 2, "tri": 3}.get(shape.compound or "", 1)


def _lines(c: Ctx) -> None:
    lay = c.lay
    if not lay.flag:
        return
    anchor = lay.zone[0] if lay.zone else None
    if not lay.red_lines and not lay.red_borders:
        what = "上下两组红色双线（上粗下细、上细下粗，长 170 mm）" if lay.letter == "函" else "发文字号下 4 mm 处的红色分隔线（与版心等宽）"
        c.add("GB405", f"版头缺少红色分隔线：应有{what}", anchor, place="版头",
              expected=what, found="没有红线")
        return
    if lay.letter == "函":
        strokes = sum(_strokes(s) for s in lay.red_lines)
        if strokes < 4 and not lay.red_borders:
            c.add("GB406", "信函格式应有两组红色双线：标志下 4 mm 处上粗下细一组，距下页边 20 mm 处上细下粗一组；"
                           "可画一条直线，把线条的复合类型设为“由粗到细”“由细到粗”" + where("line_type"), anchor, place="版头",
                  expected="4 条红线（或 2 条双线）", found=f"{strokes} 条红线")
        paged = sorted((s for s in lay.red_lines if s.y_mm is not None), key=lambda s: s.y_mm)
        compound = [s for s in paged if s.compound in ("thickThin", "thinThick")]
        if len(compound) >= 2:
            top, bottom = compound[0], compound[-1]
            if top.compound != "thickThin":
                c.add("GB408", "版头上方的红色双线应上粗下细（复合类型“由粗到细”）" + where("line_type"), anchor,
                      place="版头", expected="上粗下细",
                      found="上细下粗")
            if bottom.compound != "thinThick":
                c.add("GB408", "首页下方的红色双线应上细下粗（复合类型“由细到粗”）" + where("line_type"), anchor,
                      place="首页下方",
                      expected="上细下粗", found="上粗下细")
        elif len(paged) >= 4:
            top, bottom = paged[:2], paged[-2:]
            if all(s.width_pt for s in top) and top[0].width_pt < top[1].width_pt:
                c.add("GB408", "版头上方的红色双线应上粗下细" + where("line_type"), anchor, place="版头", expected="上粗下细",
                      found=f"上 {top[0].width_pt:g} 磅、下 {top[1].width_pt:g} 磅")
            if all(s.width_pt for s in bottom) and bottom[1].width_pt < bottom[0].width_pt:
                c.add("GB408", "首页下方的红色双线应上细下粗" + where("line_type"), anchor, place="首页下方",
                      expected="上细下粗",
                      found=f"上 {bottom[0].width_pt:g} 磅、下 {bottom[1].width_pt:g} 磅")
    want = G.LETTER_LINE_LENGTH_MM if lay.letter == "函" else G.TYPE_AREA_WIDTH_MM
    for s in lay.red_lines:
        if s.cx_mm is not None and s.cx_mm > 20 and abs(s.cx_mm - want) > LINE_TOL_MM:
            c.add("GB407", f"红色分隔线长度应为 {want:g} mm（{'信函格式' if lay.letter == '函' else '与版心等宽'}）",
                  anchor, place="版头", expected=f"{want:g} mm", found=f"{s.cx_mm:.1f} mm")
