"""GB2xx fonts and sizes (§5.2.2, §7.3.1, §7.3.3) and GB3xx heading levels, numbering, indents."""
from __future__ import annotations

import re
from dataclasses import replace

from .. import gbt9704 as G
from ..textutil import level_marker
from . import fontnames as F
from .context import Ctx, cjk_runs, has_cjk, pt
from .fixes import where
from ..reader.document import is_black
from .structure import (ADDRESSEE, ATTACH_NOTE, BODY, CLOSING, CN, DATE, FANGSONG_ROLES, HEADING, NOTE, SIGNATURE,
                        lead_end)

LEVEL_FAMILY = {1: F.HEITI, 2: F.KAITI, 3: F.FANGSONG, 4: F.FANGSONG}
LEVEL_CODE = {1: "GB301", 2: "GB302", 3: "GB303", 4: "GB304"}
LEVEL_NAME = {1: "一级标题", 2: "二级标题", 3: "三级标题", 4: "四级标题"}
INDENT_TOL = 40            # twips: 600–680 is "2 字" (640; the grid-aligned 628 of spec G5 included)
SIZE_TOL = 0.25            # pt
_INLINE_HEADING = re.compile(rf"(?:(?<=[。！？；])|(?<=\s))\s*({CN}、|（{CN}）|\({CN}\))(?=\S)")


def _font_found(r) -> str:
    f = r.props.font("eastAsia")
    if f.name is None:
        return "未指定（由软件默认）"
    return f.name + (f"（主题字体 {f.theme}）" if f.theme else "")


def run(c: Ctx) -> None:
    _theme_fonts(c)
    if not c.limited:
        _title(c)
    _fangsong(c)
    if not c.limited:
        _colours(c)
    _headings(c)
    if not c.limited:
        _indents(c)


# -- GB201 theme fonts --------------------------------------------------------------------------
def _theme_fonts(c: Ctx) -> None:
    paras = [p for p in c.doc.paragraphs] + c.doc.all_textbox_paras()
    for part, fparas in c.doc.stories.items():
        paras += fparas
    for p in paras:
        for r in p.text_runs():
            slots = []
            if has_cjk(r.text) or r.props.hint == "eastAsia":
                slots.append("eastAsia")
            if any(ord(ch) < 0x2E80 and not ch.isspace() for ch in r.text):
                slots.append("ascii")
            for slot in slots:
                f = r.props.font(slot)
                if f.is_theme:
                    what = "中文" if slot == "eastAsia" else "西文和数字"
                    place = {"footer": "页脚", "header": "页眉"}.get(p.story)
                    c.add("GB201", f"{f.source}的{what}字体用的是主题字体“{f.theme}”（本文件主题中为“{f.name or '空'}”）："
                                   "WPS 常把主题字体显示为缺失或换成别的字体；请在样式或字体对话框中直接选定字体名称"
                                   + where("font_names") + "，不要选“+中文正文”“+正文”等主题字体", p, place=place,
                          expected="直接指定的字体名（如 仿宋_GB2312）", found=f"{f.theme} → {f.name or '（空）'}")


# -- GB204–GB207 title ----------------------------------------------------------------------------
def _title(c: Ctx) -> None:
    lay = c.lay
    if not lay.title:
        first = next((p for p in c.doc.paragraphs if p.text.strip() and c.lay.role(p) not in ("head", "empty")), None)
        c.add("GB207", "没有找到公文标题：标题应在正文之前单独成段，2号小标宋体，居中", first,
              expected="2号小标宋体、居中的标题", found="第一段是正文" if first is not None else "文件没有文字")
        return
    for p in lay.title:
        for r in cjk_runs(p.runs):
            if not F.is_family(r.props.font("eastAsia").name, F.XIAOBIAOSONG):
                c.add("GB204", "标题应用小标宋体（如 方正小标宋简体）" + where("font"), p, expected=F.LABEL[F.XIAOBIAOSONG],
                      found=_font_found(r))
        for r in p.text_runs():
            if abs(r.props.size_pt - G.SIZE_2HAO) > SIZE_TOL:
                c.add("GB205", "标题应为2号字（22 磅）" + where("size"), p, expected=pt(G.SIZE_2HAO), found=pt(r.props.size_pt))
        if p.props.jc != "center":
            c.add("GB206", "标题应居中排布；请把对齐方式选为“居中”" + where("alignment"), p, expected="居中",
                  found={"left": "左对齐", "both": "两端对齐", "right": "右对齐"}.get(p.props.jc, p.props.jc))
        elif p.props.first_line > INDENT_TOL or p.props.left > INDENT_TOL:
            c.add("GB206", "标题有缩进，居中后会偏向右侧；请把首行缩进和左缩进设为 0" + where("indent"), p,
                  expected="无缩进",
                  found=f"首行缩进 {p.props.first_line / 20:g} 磅、左缩进 {p.props.left / 20:g} 磅")


# -- GB202/GB203 仿宋 3号 --------------------------------------------------------------------------
def _check_fangsong_runs(c: Ctx, p, runs, role_name: str) -> None:
    for r in runs:
        if has_cjk(r.text) and not F.is_family(r.props.font("eastAsia").name, F.FANGSONG):
            c.add("GB202", f"{role_name}应用仿宋体（3号仿宋）" + where("font"), p, expected=F.LABEL[F.FANGSONG],
                  found=_font_found(r))
    for r in runs:
        if r.text.strip() and abs(r.props.size_pt - G.SIZE_3HAO) > SIZE_TOL:
            c.add("GB203", f"{role_name}应为3号字（16 磅）" + where("size"), p, expected=pt(G.SIZE_3HAO),
                  found=pt(r.props.size_pt))


_ROLE_NAME = {BODY: "正文", ADDRESSEE: "主送机关", CLOSING: "正文", ATTACH_NOTE: "附件说明", SIGNATURE: "署名",
              DATE: "成文日期", NOTE: "附注"}


def _fangsong(c: Ctx) -> None:
    for p in c.doc.paragraphs:
        role = c.lay.role(p)
        if role in FANGSONG_ROLES and p.in_table is None:
            _check_fangsong_runs(c, p, p.text_runs(), _ROLE_NAME[role])


# -- GB208 colour ---------------------------------------------------------------------------------
def _colours(c: Ctx) -> None:
    for p in c.doc.paragraphs:
        role = c.lay.role(p)
        if role in (None, "head", "empty", "table", "attachment"):
            continue
        for r in p.text_runs():
            if not is_black(r.props.color):
                c.add("GB208", "文字应为黑色（标准：除发文机关标志、红线和印章外，文字一律黑色）；请把字体颜色改为“自动”或黑色"
                      + where("font_color"),
                      p, expected="黑色", found=f"#{r.props.color}")


# -- GB301–GB312 headings -------------------------------------------------------------------------
def _headings(c: Ctx) -> None:
    for p in c.lay.unnumbered:
        c.add("GB313", "这一行是报告一个部分的标题，却没有层次序号：各部分标题应写“一、”“二、”……（§7.3.3），"
                       "与其他部分标题一样编号、左空二字、用黑体", p, expected="“一、”式序号", found="没有序号")
    _numbered_headings(c)


def _numbered_headings(c: Ctx) -> None:
    last: dict[int, int | None] = {1: None, 2: None, 3: None, 4: None}
    top_dun = False           # "1、" is serving as the top level
    for p, m in c.lay.headings:
        if m.level == 1:
            top_dun = False
        elif m.level == 3 and not m.ok and "、" in m.found and (top_dun or (last[1] is None and last[2] is None)):
            # "1、健全……" with no "一、" or "（一）" before it: a top-level heading numbered the wrong way,
            # not a third-level one (the advice is "一、", and its font is 黑体's to judge)
            m = replace(m, level=1)
            top_dun = True
        text = p.text
        end = lead_end(text, m.end)
        lead_runs = p.runs_between(0, end)
        fam = LEVEL_FAMILY[m.level]
        for r in cjk_runs(lead_runs):
            if not F.is_family(r.props.font("eastAsia").name, fam):
                c.add(LEVEL_CODE[m.level], f"{LEVEL_NAME[m.level]}（“{level_marker(m.level, 1)}”这一层）应用"
                                           f"{F.LABEL[fam]}" + where("font"), p,
                      expected=F.LABEL[fam], found=_font_found(r))
        # run-in heading: the text after the lead sentence is body text
        rest = [r for r in p.runs if r.start + p.label_len >= end]
        for r in p.text_runs():
            if abs(r.props.size_pt - G.SIZE_3HAO) > SIZE_TOL:
                c.add("GB203", f"{LEVEL_NAME[m.level]}应为3号字（16 磅）" + where("size"), p, expected=pt(G.SIZE_3HAO),
                      found=pt(r.props.size_pt))
        for r in rest:
            if has_cjk(r.text) and not F.is_family(r.props.font("eastAsia").name, F.FANGSONG):
                c.add("GB202", "接排在小标题后的正文应用仿宋体" + where("font"), p, expected=F.LABEL[F.FANGSONG],
                      found=_font_found(r))
        if not m.ok:
            c.add("GB305", f"{LEVEL_NAME[m.level]}序号写法不对：结构层次序数依次为“一、”“（一）”“1.”“（1）”"
                           "（括号用全角，“（一）”后不加顿号，“1”后用半角下圆点）", p, expected=m.expected, found=m.found.strip())
        if p.label and len(p.label) >= m.end - 1:
            c.add("GB309", "层次序号是 Word 的自动编号：WPS、LibreOffice 可能编出不同的序号，复制粘贴也会丢失；"
                           "请取消自动编号" + where("numbering") + "，把序号改为直接输入的文字", p, expected="手工输入的序号",
                  found=f"自动编号“{p.label}”")
        # sequence
        prev = last[m.level]
        want = 1 if prev is None else prev + 1
        if m.number > want:
            missing = "、".join(level_marker(m.level, k) for k in range(want, min(m.number, want + 3)))
            after = f"“{level_marker(m.level, prev)}”之后" if prev is not None else "本层第一个"
            c.add("GB306", f"层次序号跳号：{after}应为“{level_marker(m.level, want)}”，缺少 {missing}", p,
                  expected=level_marker(m.level, want), found=m.found.strip())
        elif prev is not None and m.number <= prev:
            kind = "重复" if m.number == prev else "倒退"
            c.add("GB307", f"层次序号{kind}：“{level_marker(m.level, prev)}”之后又是“{level_marker(m.level, m.number)}”",
                  p, expected=level_marker(m.level, want), found=m.found.strip())
        open_levels = [k for k in range(1, m.level) if last[k] is not None]
        if open_levels and max(open_levels) < m.level - 1:
            skipped = level_marker(m.level - 1, 1)
            c.add("GB308", f"层次跳级：“{level_marker(max(open_levels), last[max(open_levels)])}”之下直接用"
                           f"“{m.expected}”，中间缺少“{skipped}”这一层", p,
                  expected=f"“{skipped}”层", found=m.found.strip())
        last[m.level] = m.number
        for k in range(m.level + 1, 5):
            last[k] = None
    for p in c.lay.body:
        found = _INLINE_HEADING.findall(p.text)
        if found:
            shown = "、".join(f"“{x}”" for x in found[:4]) + ("等" if len(found) > 4 else "")
            c.add("GB312", "段落中间出现层次序号：层次标题应另起一段（可能是标题与正文连成了一段）", p,
                  expected="每个层次标题单独起段", found=f"段中有 {shown}")


# -- GB310/GB311 indents --------------------------------------------------------------------------
def _lead_spaces(text: str) -> float:
    n = 0.0
    for ch in text:
        if ch == "\u3000":
            n += 1
        elif ch == " ":
            n += 0.5
        else:
            break
    return n


def _indent_zi(p) -> tuple[float, str]:
    pp = p.props
    spaces = _lead_spaces(p.text)
    if pp.first_line_chars is not None:
        zi = pp.first_line_chars / 100 + spaces
        desc = f"首行缩进 {pp.first_line_chars / 100:g} 字符"
    else:
        zi = pp.first_line / G.ZI_3HAO + spaces
        desc = (f"首行缩进 {pp.first_line / 20:g} 磅" if pp.first_line >= 0
                else f"悬挂缩进 {-pp.first_line / 20:g} 磅")
    if spaces:
        desc += f"，段首 {spaces:g} 字空格"
    return zi, desc


def _indents(c: Ctx) -> None:
    for p in c.doc.paragraphs:
        role = c.lay.role(p)
        if role not in (BODY, HEADING, CLOSING) or p.in_table is not None:
            continue
        zi, desc = _indent_zi(p)
        if role == HEADING and p.props.jc == "center":
            continue                        # a heading set centred: no first line to indent
        if abs(zi * G.ZI_3HAO - G.FIRST_LINE_INDENT) > INDENT_TOL:
            sev = "warning" if role == HEADING else ""
            c.add("GB310", "每个自然段首行应左空二字（首行缩进 2 字符，即 3号字 32 磅）；请把特殊格式设为“首行缩进”2 字符"
                  + where("first_line"), p, expected="首行缩进 2 字（32 磅）", found=f"{zi:.2g} 字（{desc}）",
                  severity=sev)
        pp = p.props
        left = pp.left if pp.left_chars is None else pp.left_chars * G.ZI_3HAO // 100
        right = pp.right if pp.right_chars is None else pp.right_chars * G.ZI_3HAO // 100
        if role in (BODY, CLOSING) and (abs(left) > G.mm(1) or abs(right) > G.mm(1)):
            c.add("GB311", "正文段落有左缩进或右缩进：回行应顶格，右边撑满版心；请把左、右缩进设为 0" + where("indent"), p,
                  expected="左缩进 0、右缩进 0", found=f"左缩进 {left / 20:g} 磅、右缩进 {right / 20:g} 磅")

