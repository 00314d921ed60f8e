"""GB5xx: 主送机关 (§7.3.2), 署名 and 成文日期 (§7.3.5), 附注 (§7.3.6), 版记 (§7.4)."""
from __future__ import annotations

import re

from .. import gbt9704 as G
from .. import conventions as C
from ..conventions import normal_date
from ..textutil import is_wide
from . import fontnames as F
from .context import Ctx, cjk_runs, pt
from .check_text import _indent_zi
from .findings import INFO, WARNING
from .fixes import where
from .structure import tab_row_stops

ZI = G.ZI_3HAO
POS_TOL = ZI // 2                       # ½ 字


def run(c: Ctx) -> None:
    _attachments(c)
    _addressee(c)
    _date(c)
    _signature(c)
    _notes(c)
    _colophon(c)


def _attachments(c: Ctx) -> None:
    """GB513: the 附件说明 and the 附件 pages name the same 附件 in the same order (§7.3.4, §7.3.7:
    "附件应与附件说明的顺序、名称一致")."""
    from .. import anatomy as A

    if c.ana is None:
        return
    names = c.ana.tail.attachments
    pages = [a for a in A.attachments_of(c.ana.tail) if not a.issued]      # 印发文件: no 附件
    if not names or not pages:
        return

    def norm(t: str) -> str:
        return "".join(t.split()).rstrip("。.")

    for k, page in enumerate(pages):
        p = (page.label.origin if hasattr(page.label.origin, "number") else None)
        if k >= len(names):
            c.add("GB513", f"附件页有附件{k + 1}“{page.title}”，附件说明中没有列出，应补上", p,
                  expected=f"附件说明列出附件{k + 1}", found=f"附件说明只列了 {len(names)} 件")
        elif page.title and norm(page.title) != norm(names[k]):
            c.add("GB513", "附件页的标题与附件说明中的名称不一致；两处应写得一样", p,
                  expected=f"附件{k + 1}“{names[k]}”", found=f"附件页“{page.title}”")
    if len(names) > len(pages):
        c.add("GB513", f"附件说明列了 {len(names)} 件附件，成文日期之后只有 {len(pages)} 个附件页；请补上缺的附件页，"
                       "或核对附件说明", None, place="附件", expected=f"{len(names)} 个附件页", found=f"{len(pages)} 个")


def _addressee(c: Ctx) -> None:
    p = c.lay.addressee
    if p is None:
        return
    t = p.text.strip(" \u3000\t\n")
    if not t.endswith("："):
        found = "半角冒号“:”" if t.endswith(":") else f"末尾是“{t[-1]}”，没有冒号"
        c.add("GB501", "主送机关最后一个机关名称后应标全角冒号“：”", p, expected=t.rstrip(":") + "：", found=found)
    zi, desc = _indent_zi(p)
    left = p.props.left
    if abs(zi) > 0.25 or abs(left) > G.mm(1):
        c.add("GB502", "主送机关应居左顶格（首行和回行都不缩进）；请把首行缩进、左缩进设为 0" + where("indent") +
              "，删去段首空格", p,
              expected="顶格", found=f"{desc}，左缩进 {left / 20:g} 磅")


def _date(c: Ctx) -> None:
    p = c.lay.date
    if p is not None:
        t = (c.lay.date_text or p.text).strip(" \u3000\t\n")
        if not C.is_gb_date(t):
            good = normal_date(t)
            c.add("GB503", "成文日期应用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位（1 不编为 01）", p,
                  expected=good or "如 2024年12月20日", found=t)
    else:
        sev = WARNING if (c.lay.zone or c.lay.signature) else INFO
        c.add("GB512", "没有找到成文日期：公文应在署名下一行标成文日期（如 2024年12月20日）；网上公开稿可不标",
              place="文末", expected="署名下一行的成文日期", found="没有", severity=sev)
    for q in c.lay.colophon:
        d = C.printed_date_text(q.text)
        if d is None:
            continue
        if not C.is_gb_date(d):
            c.add("GB503", "印发日期应用阿拉伯数字将年、月、日标全，月、日不编虚位，后加“印发”二字", q, place="版记",
                  expected=(normal_date(d) or "如 2024年12月20日") + "印发", found=d + "印发")


def _advance(text: str, size_pt: float, spacing: int) -> float:
    return sum((size_pt if is_wide(ch) else size_pt / 2) * G.TWIPS_PER_PT + spacing for ch in text)


def _extent(c: Ctx, p) -> tuple[float, float] | None:
    """(left edge, right gap) of a one-line paragraph in twips from the 版心's left and right edges."""
    runs = p.text_runs()
    if not runs:
        return None
    r0 = runs[0].props
    t = p.text.strip("\n")
    width = c.doc.section_of(p).text_width or G.TYPE_AREA_WIDTH
    stripped = t.strip(" \u3000\t")
    w = _advance(stripped, r0.size_pt, r0.spacing)
    pp = p.props
    if pp.jc == "right":
        trail = _advance(t[len(t.rstrip(" \u3000")):], r0.size_pt, r0.spacing)
        gap = pp.right + trail
        return width - gap - w, gap
    if pp.jc == "center":
        inner = width - pp.left - pp.right
        left = pp.left + (inner - w) / 2
        return left, width - left - w
    if "\t" in t:
        return None                     # tab stops: position not computed
    lead = _advance(t[:len(t) - len(t.lstrip(" \u3000"))], r0.size_pt, r0.spacing)
    left = pp.left + pp.first_line + lead
    return left, width - left - w


def _last_on_tab_stop(c: Ctx, p, stops: list[tuple[int, str]]) -> tuple[float, float]:
    """(left edge, right gap) of the last name of a row of names on tab stops (structure.tab_row_stops)."""
    pos, kind = stops[-1]
    r0 = p.text_runs()[-1].props
    w = _advance(p.text.strip("\n").rsplit("\t", 1)[1].strip(" \u3000"), r0.size_pt, r0.spacing)
    width = c.doc.section_of(p).text_width or G.TYPE_AREA_WIDTH
    left = pos - w / 2 if kind == "center" else pos - w
    return left, width - left - w


def _signature(c: Ctx) -> None:
    lay = c.lay
    for p in lay.signature + ([lay.date] if lay.date else []):
        raw = p.text
        if tab_row_stops(p):
            continue       # names on centre stops of their own (a sealed joint 署名): they stay where they are
        parts = [x for x in re.split(r"[ \u3000]{2,}|\t", raw.strip(" \u3000\t\n")) if x.strip(" \u3000")]
        if p is not lay.date and len(parts) > 1 and all(len(x) >= 4 and not re.search(r"[\d（）()]", x) for x in parts):
            # 联合署名 side by side (§7.3.5.1, sealed), pushed apart with spaces (not "（章）", not a date)
            c.add("GB504", "并排的联合署名用空格、制表符隔开：换电脑或改字体后位置会变；请删去空格，为每个机关名称"
                           "设一个居中制表位（最后一个对准成文日期的中间），名称前各按一次 Tab（不加盖印章的，"
                           "联合署名应依次向下编排，每行一个）" + where("tab_stops"), p,
                  expected="居中制表位", found="名称之间的空格或制表符")
        elif re.match(r"^[ \u3000\t]{2,}", raw) or "\t" in raw.strip(" \u3000"):
            c.add("GB504", "署名或成文日期用空格、制表符推到右侧：换电脑或改字体后位置会变；请删去空格，"
                           "用“右对齐”加“右缩进”定位" + where("alignment", "indent"), p, expected="右对齐 + 右缩进",
                  found="段首空格或制表符")
    if not lay.signature or lay.date is None:
        return
    name = max(lay.signature, key=lambda q: len(q.text.strip()))
    ne, de = _extent(c, name), _extent(c, lay.date)
    stops = tab_row_stops(lay.signature[-1])
    if stops:                              # sealed joint names on tab stops: the last one is over the date
        name = lay.signature[-1]
        ne = _last_on_tab_stop(c, name, stops)
    if ne is None or de is None:
        return
    (n_left, n_gap), (d_left, d_gap) = ne, de
    width = c.doc.section_of(name).text_width or G.TYPE_AREA_WIDTH
    n_w, d_w = width - n_left - n_gap, width - d_left - d_gap
    sealed = abs(d_gap - G.SIG_SEALED_DATE_RIGHT_ZI * ZI) <= POS_TOL and \
        abs((n_left + n_w / 2) - (d_left + d_w / 2)) <= POS_TOL
    offset_ok = abs((d_left - n_left) - G.SIG_DATE_OFFSET_ZI * ZI) <= POS_TOL
    edge_ok = abs(n_gap - G.SIG_RIGHT_INDENT_ZI * ZI) <= POS_TOL or abs(d_gap - G.SIG_RIGHT_INDENT_ZI * ZI) <= POS_TOL
    unsealed = offset_ok and edge_ok and d_gap >= -POS_TOL
    if not (sealed or unsealed):
        c.add("GB505", "署名和成文日期的位置不对：加盖印章的，成文日期右空四字，署名以成文日期为准居中；"
                       "不加盖印章的，署名右空二字，成文日期首字比署名首字右移二字；请用右对齐和右缩进定位"
                       + where("alignment", "indent"), lay.date,
              expected="日期右空 4 字且署名与日期居中对齐；或署名右空 2 字、日期首字右移 2 字",
              found=f"署名右空 {n_gap / ZI:.1f} 字，日期右空 {d_gap / ZI:.1f} 字，日期首字比署名首字右移 "
                    f"{(d_left - n_left) / ZI:.1f} 字")


def _notes(c: Ctx) -> None:
    for p in c.lay.notes:
        t = p.text.strip(" \u3000\t\n")
        if not (t.startswith("（") and t.endswith("）")):
            good = "（" + t.strip("()（）") + "）"
            c.add("GB506", "附注应加全角圆括号“（）”", p, expected=good, found=t)
        zi, desc = _indent_zi(p)
        if abs(zi * ZI - G.FIRST_LINE_INDENT) > 40:
            c.add("GB507", "附注应居左空二字（首行缩进 2 字）" + where("first_line"), p, expected="首行缩进 2 字",
                  found=f"{zi:.2g} 字（{desc}）")
    for p in c.lay.stray_notes:
        c.add("GB507", "附注应在成文日期下一行，不要放在正文或署名之前", p, expected="成文日期下一行", found="在正文中")


def _colophon(c: Ctx) -> None:
    lay = c.lay
    for p in lay.colophon:
        for r in p.text_runs():
            if abs(r.props.size_pt - G.SIZE_4HAO) > 0.25:
                c.add("GB508", "版记（抄送、印发机关和印发日期）应为4号字（14 磅）" + where("size"), p, expected=pt(G.SIZE_4HAO),
                      found=pt(r.props.size_pt))
        for r in cjk_runs(p.runs):
            if not F.is_family(r.props.font("eastAsia").name, F.FANGSONG):
                c.add("GB202", "版记应用仿宋体（4号仿宋）" + where("font"), p, expected=F.LABEL[F.FANGSONG],
                      found=r.props.font("eastAsia").name or "未指定")
        t = p.text.strip()
        m = C.colophon_label(t)
        if m:
            if m.group(2) != "：":
                c.add("GB509", f"“{m.group(1)}”后应用全角冒号“：”", p, expected=f"{m.group(1)}：", found=m.group(0),
                      severity="error")
            if not t.endswith("。"):
                c.add("GB509", f"{m.group(1)}机关最后一个名称后标句号“。”", p, expected="以“。”结尾", found=f"以“{t[-1]}”结尾")
    for p in lay.body:
        if C.colophon_label(p.text):
            c.add("GB510", "版记应置于公文最后一面（在附注、附件之后），不要放在正文中", p, expected="文末", found="正文中")
    if not lay.colophon:
        return
    ruled = False
    for p in lay.colophon:
        if any(v not in (None, "nil", "none") for (v, _, _) in p.props.borders.values()):
            ruled = True
        if p.in_table is not None and any(val not in (None, "nil", "none")
                                          for (_, val, _, _) in c.doc.tables[p.in_table].borders):
            ruled = True
    if lay.letter == "函" and ruled:
        c.add("GB511", "信函格式的版记不加分隔线（GB/T 9704 §10.1）；请把版记的边框设为“无框线”" + where("borders"),
              lay.colophon[0], expected="无分隔线",
              found="有分隔线")
    elif lay.letter != "函" and not ruled:
        c.add("GB511", "版记应有分隔线：首条和末条为粗线，中间为细线，末条与版心下边缘重合", lay.colophon[0],
              expected="版记分隔线", found="没有分隔线")
