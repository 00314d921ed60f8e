"""The review as CSV (for WPS and Excel), JSON (for programs) and plain text (for the terminal)."""
from __future__ import annotations

import csv
import io
import json

from .model import MISSING, OMITTED, PRESENT, SEND_BACK, VERIFY, Review, Row

CSV_BOM = "\ufeff"        # without it, Excel and WPS read UTF-8 as GBK and show the Chinese garbled


def _date(d) -> str:
    return d.isoformat() if d else ""


def _part_value(r: Row, key: str) -> str:
    p = next((p for p in r.parts if p.key == key), None)
    if p is None:
        return ""
    if p.state == PRESENT:
        return "有" + (f"（{p.note}）" if p.note else "")
    if p.state == OMITTED:
        return f"省略（{p.note}）"
    return f"缺（{p.note}）" if p.note else "缺"


def csv_rows(review: Review) -> list[list[str]]:
    keys = review.parts_keys
    carried = bool(review.previous)
    head = ["序号", "结论", "退回原因", "需核实", "发文机关", "年度", "成文日期", "报送期限", "逾期"]
    head += [f"第{k}部分（{name}）" for k, name in keys]
    head += ["错误", "警告", "主要问题"]
    if carried:
        head += ["原样沿用上年段落", "本报告段落", "沿用上年段落（含基本相同）", "上年报告"]
    head += ["文件", "无法读取的原因"]
    out = [head]
    for i, r in enumerate(review.rows, 1):
        line = [str(i), r.verdict, "、".join(r.send_back_reasons), "；".join(r.verify_reasons), r.organ or "",
                str(r.year or ""), _date(r.date), _date(r.deadline) if r.reviewed else "",
                ("是" if r.overdue else "否") if r.reviewed and r.date else ""]
        line += [_part_value(r, k) for k, _ in keys]
        line += [str(r.errors) if r.reviewed else "", str(r.warnings) if r.reviewed else "",
                 "；".join(r.top_problems())]
        if carried:
            line += ["" if r.carried is None else str(r.carried), "" if r.carried_total is None else str(r.carried_total),
                     "" if r.carried_similar is None else str(r.carried_similar), r.carried_from or r.carried_note or ""]
        line += [r.file, r.unreadable or ""]
        out.append(line)
    return out


def render_csv(review: Review, bom: bool = True) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerows(csv_rows(review))
    return (CSV_BOM if bom else "") + buf.getvalue()


def render_json(review: Review) -> str:
    return json.dumps(review.to_json(), ensure_ascii=False, indent=1) + "\n"


def render_text(review: Review) -> str:
    """For the terminal: the totals, then one line per report (send-back first) with its problems."""
    lines = [review.summary_line()]
    keys = review.parts_keys
    for i, r in enumerate(review.rows, 1):
        if r.verdict == SEND_BACK:
            why = "、".join(r.send_back_reasons)
        elif r.verdict == VERIFY:
            why = "；".join(r.verify_reasons)
        else:
            why = ""
        year = f" {r.year}年度" if r.year else ""
        lines.append(f"{i:>3}. {r.verdict}  {r.organ_shown}{year}  {r.file}" + (f"  ——{why}" if why else ""))
        if r.reviewed:
            marks = " ".join(k + {PRESENT: "✓", OMITTED: "省", MISSING: "✗"}[p.state]
                             for (k, _), p in zip(keys, r.parts))
            date = f"{r.date.year}年{r.date.month}月{r.date.day}日" if r.date else "未标注"
            late = "（逾期）" if r.overdue else ""
            lines.append(f"       成文日期 {date}{late}  部分 {marks}  错误 {r.errors} 警告 {r.warnings}"
                         + (f"  沿用上年 {r.carried}/{r.carried_total} 段" if r.carried is not None else ""))
        for t in r.top_problems():
            lines.append(f"       · {t}")
    return "\n".join(lines) + "\n"
