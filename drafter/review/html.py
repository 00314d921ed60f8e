"""The review as one self-contained HTML page a reviewer opens offline on an office PC.

No script, no external stylesheet, image or font: one file that any browser shows as it is, and the
Content-Security-Policy forbids it from loading anything.  Order: the totals, the table (the reports
to send back first, marked), a small inline SVG chart (which parts are missing, which problems are
most common), then one section per report with its findings as ``drafter check`` / ``drafter inspect``
print them, each linked from its row.  Prints on A4 landscape (the table's head repeats on every page).
"""
from __future__ import annotations

import os
from html import escape
from pathlib import Path

from .model import ACCEPT, DATE_CODES, ERROR, MISSING, OMITTED, PART_CODES, PRESENT, SEND_BACK, VERIFY, Review, Row

VERDICT_CLASS = {SEND_BACK: "back", VERIFY: "verify", ACCEPT: "ok"}
STATE_CELL = {PRESENT: ("✓", "有"), OMITTED: ("省", "已说明理由，不单列"), MISSING: ("✗", "缺")}

CSS = """
*{box-sizing:border-box}
body{margin:0;padding:16px 20px 40px;font-family:"Microsoft YaHei","微软雅黑","PingFang SC","Hiragino Sans GB",
"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","SimHei",sans-serif;font-size:14px;color:#1a1a1a;
background:#fff;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:0 0 6px}
h3{font-size:15px;margin:12px 0 4px}
a{color:#0b4f9c}
.meta{color:#555;margin:0 0 10px;font-size:13px}
.totals{font-size:16px;margin:8px 0 6px;padding:8px 12px;background:#f4f6f8;border-left:5px solid #888}
.totals.has-back{border-left-color:#c62828}
.totals b.back{color:#c62828}
.notice{color:#7a5300;margin:2px 0;font-size:13px}
table.rows{border-collapse:collapse;width:100%;margin-top:8px;font-size:13px}
table.rows th,table.rows td{border:1px solid #c8ccd0;padding:4px 6px;vertical-align:top}
table.rows thead th{background:#e9edf1;position:sticky;top:0;font-weight:600;white-space:nowrap}
table.rows td.n,table.rows td.num{text-align:right;white-space:nowrap}
table.rows td.c{text-align:center;white-space:nowrap}
table.rows td.verdict{width:9em}
table.rows td.organ{min-width:8em;max-width:14em}
table.rows td.file{max-width:16em}
tr.back td{background:#fdecec}
tr.back td.verdict{border-left:5px solid #c62828}
tr.verify td{background:#fff7e0}
tr.verify td.verdict{border-left:5px solid #d18b00}
tr.ok td.verdict{border-left:5px solid #2e7d32}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-weight:700;color:#fff;white-space:nowrap}
.badge.back{background:#c62828}.badge.verify{background:#b57600}.badge.ok{background:#2e7d32}
.why{display:block;font-size:12px;color:#6b1010}
tr.verify .why{color:#6b4a00}
td.p-present{color:#2e7d32;text-align:center}
td.p-missing{color:#fff;background:#c62828 !important;text-align:center;font-weight:700}
td.p-omitted{color:#7a5300;background:#ffe8a8 !important;text-align:center}
td.p-none{color:#999;text-align:center}
.late{color:#c62828;font-weight:700;white-space:nowrap}
td.much{color:#8a5a00;font-weight:700}
.undated{color:#c62828;font-weight:700}
td.errs b{color:#c62828}
ul.top{margin:0;padding-left:16px}
ul.top li{margin:0}
.file{color:#555;font-size:12px;overflow-wrap:anywhere}
.legend{font-size:12px;color:#444;margin:6px 0}
.legend span{display:inline-block;min-width:18px;text-align:center;margin-right:2px}
ol.notes{font-size:12px;margin:4px 0 0;padding-left:22px;color:#444}
.charts{display:flex;flex-wrap:wrap;gap:24px;margin:18px 0 8px}
.chart h3{margin:0 0 4px}
svg text{font-family:inherit}
section.report{border-top:2px solid #c8ccd0;margin-top:22px;padding-top:10px}
section.report.back{border-top-color:#c62828}
section.report.verify{border-top-color:#d18b00}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0 8px}
dl.facts dt{color:#555}
dl.facts dd{margin:0}
table.parts{border-collapse:collapse;font-size:13px}
table.parts td,table.parts th{border:1px solid #c8ccd0;padding:3px 8px;text-align:left;vertical-align:top}
ol.findings{margin:4px 0;padding-left:28px;font-size:13px}
ol.findings li{margin:2px 0;word-break:break-all}
ol.findings li.error{color:#8b0000}
ol.findings li.info{color:#555}
.back-link{font-size:12px}
@media print{
 @page{size:A4 landscape;margin:10mm 10mm 12mm}
 body{padding:0;font-size:10pt}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 table.rows{font-size:9pt}
 table.rows thead{display:table-header-group}
 table.rows thead th{position:static}
 tr,li,.chart{break-inside:avoid}
 a{color:inherit;text-decoration:none}
 .back-link{display:none}
 section.report{break-inside:auto}
 .charts{break-before:auto}
 #reports{break-before:page}
}
"""


# the page's title; drafter.review.collect knows a summary left in a folder under review by it
SUMMARY_TITLE = "法治政府建设年度情况报告审查汇总"

def render_html(review: Review, out: Path | None = None) -> str:
    """The page; ``out`` (where it will be written) makes the links to the reports' files relative."""
    base = Path(os.path.abspath(out)).parent if out is not None else None
    keys = review.parts_keys
    carried = bool(review.previous)
    n_back = len(review.send_back)
    h: list[str] = []
    w = h.append
    w("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
    w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n")
    w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    # 360, QQ and other dual-engine browsers on office PCs open local files with their IE engine (and IE in
    # an old compatibility mode, which draws no SVG) unless told otherwise
    w("<meta name=\"renderer\" content=\"webkit\">\n<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\">\n")
    w(f"<title>{SUMMARY_TITLE}</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n")
    w(f"<header id=\"top\">\n<h1>{SUMMARY_TITLE}</h1>\n")
    m = review.made
    made = f"{m.year}年{m.month}月{m.day}日 {m:%H:%M}" if m else ""
    scope = "、".join(review.inputs)
    prev = f" · 对照上一年度：{'、'.join(review.previous)}" if review.previous else ""
    w(f"<p class=\"meta\">审查范围：{escape(scope)}{escape(prev)} · 生成时间：{made} · 由 drafter review 生成</p>\n")
    w(f"<p class=\"totals{' has-back' if n_back else ''}\" id=\"totals\">{_totals_html(review)}</p>\n")
    for n in review.notices:
        w(f"<p class=\"notice\">{escape(n)}</p>\n")
    w("</header>\n")

    # -- the table -------------------------------------------------------------------------------
    w("<main>\n<table class=\"rows\" id=\"table\">\n<thead><tr><th>序号</th><th>结论</th><th>发文机关</th><th>年度</th>"
      "<th>成文日期</th>")
    for key, name in keys:
        w(f"<th title=\"第{key}部分：{escape(name)}\">{key}</th>")
    w("<th>错误</th><th>警告</th><th>主要问题</th>")
    if carried:
        w("<th title=\"与同一机关上一年度报告相同的段落\">沿用上年</th>")
    w("<th>文件</th></tr></thead>\n<tbody>\n")
    footnotes: list[str] = []
    short = _shortener(review.rows) if review.rows else (lambda f: f)
    for i, r in enumerate(review.rows, 1):
        w(_row_html(i, r, keys, carried, base, footnotes, short))
    w("</tbody>\n</table>\n")
    w("<p class=\"legend\">各部分：<span>✓</span>有　<span>省</span>已说明理由、不单列（理由见鼠标悬停或下方注）　"
      "<span>✗</span>缺少　<span>—</span>未审查（文件读不了、是重复的文件，或不像年度报告）。"
      "结论：<b>退回</b> 无法读取、缺少必备部分、未标成文日期、成文日期晚于报送期限，或有错误；"
      "<b>核实</b> 与另一文件完全相同，同一机关同一年度有几份，或不像是年度报告（如通知、函）；"
      "<b>通过</b> 以上都没有（警告不影响）。</p>\n")
    if footnotes:
        w("<ol class=\"notes\">" + "".join(f"<li id=\"n{k}\">{x}</li>" for k, x in enumerate(footnotes, 1)) + "</ol>\n")

    # -- the chart -------------------------------------------------------------------------------
    w("<div class=\"charts\">\n" + _parts_chart(review) + _problems_chart(review) + "</div>\n")

    # -- one section per report ------------------------------------------------------------------
    w("<div id=\"reports\">\n<h2>各份报告的审查意见</h2>\n")
    for i, r in enumerate(review.rows, 1):
        w(_section_html(i, r, carried, base))
    w("</div>\n</main>\n</body>\n</html>\n")
    return "".join(h)


def _totals_html(review: Review) -> str:
    t = review.totals()
    parts = []
    for k, n in t[1:]:
        txt = f"{escape(k)} {n} 份"
        parts.append(f"<b class=\"back\">{txt}</b>" if k == "需退回" and n else txt)
    head = f"<b>共 {t[0][1]} 份</b>"
    return head + ("：" + "，".join(parts) if parts else "")


def _date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


def _link(r: Row, base: Path | None, shown: str | None = None) -> str:
    """A link to the report's file (relative to the page, so the folder can be moved with it)."""
    shown = shown or r.file
    try:
        target = Path(os.path.abspath(r.file))       # (not resolve(): a symlink loop raises RuntimeError there)
        href = os.path.relpath(target, base) if base is not None else target.as_uri()
    except (OSError, ValueError):
        return escape(shown)
    from urllib.parse import quote

    href = href if href.startswith("file:") else quote(Path(href).as_posix())
    return f"<a href=\"{escape(href)}\" title=\"{escape(r.file)}\">{escape(shown)}</a>"


def _shortener(rows: list[Row]):
    """The files as the table shows them: without the folder all of them are in."""
    try:
        common = os.path.commonpath([os.path.dirname(os.path.abspath(r.file)) for r in rows])
    except ValueError:
        return lambda f: f
    return lambda f: os.path.relpath(os.path.abspath(f), common)


def _row_html(i: int, r: Row, keys, carried: bool, base, footnotes: list[str], short) -> str:
    v = r.verdict
    cls = VERDICT_CLASS[v]
    if v == SEND_BACK:
        why = "、".join(r.send_back_reasons)
    elif r.duplicate_of is not None:
        why = f"与 {short(r.duplicate_of)} 相同"
    elif r.not_report is not None:
        why = "不像年度报告"
    elif r.same_organ:
        why = f"同一机关另有 {len(r.same_organ)} 份"
    else:
        why = ""
    c = [f"<tr class=\"{cls}\" id=\"row{i}\">", f"<td class=\"n\">{i}</td>",
         f"<td class=\"verdict\"><span class=\"badge {cls}\">{v}</span>"
         + (f"<span class=\"why\">{escape(why)}</span>" if why else "") + "</td>",
         f"<td class=\"organ\"><a href=\"#r{i}\">{escape(r.organ_shown)}</a></td>",
         f"<td class=\"c\">{r.year or ''}</td>"]
    if not r.reviewed:
        c.append("<td></td>" if r.date is None else f"<td class=\"c\">{_date(r.date)}</td>")
    elif r.date is None:
        c.append("<td class=\"c\"><span class=\"undated\">未标注</span></td>")
    else:
        late = f"<br><span class=\"late\" title=\"报送期限 {_date(r.deadline)}\">逾期</span>" if r.overdue else ""
        c.append(f"<td class=\"c\">{_date(r.date)}{late}</td>")
    states = {p.key: p for p in r.parts}
    for key, _ in keys:
        p = states.get(key)
        if p is None:
            c.append("<td class=\"p-none\">—</td>")
            continue
        mark, word = STATE_CELL[p.state]
        title = f"第{key}部分“{p.name}”：{word}" + (f"（{p.note}）" if p.note else "")
        ref = ""
        if p.state == OMITTED:
            footnotes.append(f"{escape(r.organ_shown)} 第{key}部分“{escape(p.name)}”未单列，理由：{escape(p.note or '')}")
            ref = f"<sup><a href=\"#n{len(footnotes)}\">{len(footnotes)}</a></sup>"
        c.append(f"<td class=\"p-{p.state}\" title=\"{escape(title)}\">{mark}{ref}</td>")
    e = r.errors
    c.append(f"<td class=\"num errs\">{f'<b>{e}</b>' if e else ('0' if r.reviewed else '')}</td>")
    c.append(f"<td class=\"num\">{r.warnings if r.reviewed else ''}</td>")
    top = r.top_problems()
    c.append("<td>" + ("<ul class=\"top\">" + "".join(f"<li>{escape(t)}</li>" for t in top) + "</ul>" if top else "")
             + "</td>")
    if carried:
        if r.carried is not None:
            much = " much" if r.carried_total and 2 * r.carried >= r.carried_total else ""   # half or more: marked
            c.append(f"<td class=\"num{much}\" title=\"{escape(_carried_words(r))}\">{r.carried}/{r.carried_total} 段</td>")
        else:
            c.append(f"<td class=\"c\" title=\"{escape(r.carried_note or '')}\">—</td>")
    c.append(f"<td class=\"file\">{_link(r, base, short(r.file))}</td></tr>\n")
    return "".join(c)


def _carried_words(r: Row) -> str:
    more = r.carried_similar - r.carried if r.carried_similar is not None else 0
    also = f"，另有 {more} 段基本相同或把上年的安排写成了今年的举措" if more > 0 else ""
    return f"与“{r.carried_from}”相比，{r.carried_total} 段中有 {r.carried} 段原样未改{also}"


def _section_html(i: int, r: Row, carried: bool, base) -> str:
    v = r.verdict
    cls = VERDICT_CLASS[v]
    s = [f"<section class=\"report {cls}\" id=\"r{i}\">\n",
         f"<h2>{i}. {escape(r.organ_shown)} <span class=\"badge {cls}\">{v}</span></h2>\n",
         "<dl class=\"facts\">"]

    def fact(k, val):
        s.append(f"<dt>{k}</dt><dd>{val}</dd>")

    fact("文件", _link(r, base))
    if v == SEND_BACK:
        fact("退回原因", escape("、".join(r.send_back_reasons)))
    if r.verify_reasons:
        fact("需核实", escape("；".join(r.verify_reasons)))
    if r.unreadable:
        fact("无法读取", escape(r.unreadable))
    if r.reviewed:
        fact("年度", str(r.year) if r.year else "（文中没有写明）")
        if r.date is None:
            fact("成文日期", "<span class=\"undated\">未标注</span>")
        else:
            late = (f" <span class=\"late\">逾期</span>（报送期限 {_date(r.deadline)}）" if r.overdue
                    else f"（报送期限 {_date(r.deadline)}，未逾期）" if r.deadline else "")
            fact("成文日期", _date(r.date) + late)
        fact("错误 / 警告", f"{r.errors} / {r.warnings}")
        if carried:
            if r.carried is not None:
                fact("沿用上年", escape(_carried_words(r)))
            else:
                fact("沿用上年", escape(r.carried_note or "—"))
    s.append("</dl>\n")
    if r.parts:
        s.append("<table class=\"parts\"><thead><tr><th>必备部分</th><th>情况</th><th>说明</th></tr></thead><tbody>")
        for p in r.parts:
            mark, word = STATE_CELL[p.state]
            s.append(f"<tr><td>第{p.key}部分 {escape(p.name)}</td><td class=\"p-{p.state}\">{mark} {word}</td>"
                     f"<td>{escape(p.note or '')}</td></tr>")
        s.append("</tbody></table>\n")
    if r.findings:
        s.append(f"<h3>审查意见（{r.errors} 个错误，{r.warnings} 个警告）</h3>\n<ol class=\"findings\">")
        order = {ERROR: 0, "warning": 1}
        for f in sorted(r.findings, key=lambda f: order.get(f.severity, 2)):
            s.append(f"<li class=\"{escape(f.severity)}\">{escape(f.text)}</li>")
        s.append("</ol>\n")
    elif r.reviewed:
        s.append("<p>没有发现问题。</p>\n")
    for n in r.notes:
        s.append(f"<p class=\"file\">说明：{escape(n)}</p>\n")
    s.append(f"<p class=\"back-link\"><a href=\"#row{i}\">↑ 回到汇总表第 {i} 行</a></p>\n</section>\n")
    return "".join(s)


# ---------------------------------------------------------------------------------------------
# Charts (inline SVG; text in the page's font)
BAR_RED, BAR_AMBER, BAR_BLUE = "#c62828", "#e0a800", "#4a6fa5"


def _parts_chart(review: Review) -> str:
    keys = review.parts_keys
    miss = {k: sum(any(p.key == k and p.state == MISSING for p in r.parts) for r in review.rows) for k, _ in keys}
    omit = {k: sum(any(p.key == k and p.state == OMITTED for p in r.parts) for r in review.rows) for k, _ in keys}
    n = max([1] + [miss[k] + omit[k] for k, _ in keys])
    width, left, top, bar_h, gap = 500, 196, 8, 20, 10
    span = width - left - 100                   # (room for "缺 12，省略 3" after the longest bar)
    height = top + len(keys) * (bar_h + gap) + 24
    s = [f"<div class=\"chart\"><h3>缺少或省略各部分的报告（份）</h3>"
         f"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" "
         f"aria-label=\"缺少或省略各部分的报告数\">"]
    for j, (k, name) in enumerate(keys):
        y = top + j * (bar_h + gap)
        label = f"{k}、{name}"
        if len(label) > 13:
            label = label[:12] + "…"
        s.append(f"<text x=\"{left - 6}\" y=\"{y + bar_h - 5}\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">"
                 f"<title>第{k}部分：{escape(name)}</title>{escape(label)}</text>")
        wm = span * miss[k] / n
        wo = span * omit[k] / n
        if miss[k]:
            s.append(f"<rect x=\"{left}\" y=\"{y}\" width=\"{wm:.1f}\" height=\"{bar_h}\" fill=\"{BAR_RED}\"/>")
        if omit[k]:
            s.append(f"<rect x=\"{left + wm:.1f}\" y=\"{y}\" width=\"{wo:.1f}\" height=\"{bar_h}\" fill=\"{BAR_AMBER}\"/>")
        txt = "，".join(x for x in (f"缺 {miss[k]}" if miss[k] else "", f"省略 {omit[k]}" if omit[k] else "") if x) or "0"
        s.append(f"<text x=\"{left + wm + wo + 6:.1f}\" y=\"{y + bar_h - 5}\" font-size=\"12\" fill=\"#222\">{txt}</text>")
    y = top + len(keys) * (bar_h + gap) + 8
    s.append(f"<rect x=\"{left}\" y=\"{y}\" width=\"12\" height=\"10\" fill=\"{BAR_RED}\"/>"
             f"<text x=\"{left + 16}\" y=\"{y + 10}\" font-size=\"12\" fill=\"#222\">缺少</text>"
             f"<rect x=\"{left + 60}\" y=\"{y}\" width=\"12\" height=\"10\" fill=\"{BAR_AMBER}\"/>"
             f"<text x=\"{left + 76}\" y=\"{y + 10}\" font-size=\"12\" fill=\"#222\">已说明理由、不单列</text>")
    s.append("</svg></div>\n")
    return "".join(s)


def common_problems(review: Review, n: int = 8) -> list[tuple[str, int, bool]]:
    """(words, number of reports, is an error) of the most common problems across the county."""
    count: dict[str, list] = {}

    def add(key: str, words: str, error: bool) -> None:
        c = count.setdefault(key, [words, 0, error])
        c[1] += 1

    for r in review.rows:
        if r.unreadable is not None:
            add("unreadable", "无法读取的文件", True)
            continue
        if not r.reviewed:
            continue
        if r.undated:
            add("undated", "未标成文日期", True)
        if r.overdue:
            add("overdue", "成文日期晚于报送期限", True)
        seen = {}
        for p in r.findings:
            if p.severity in (ERROR, "warning") and p.code not in PART_CODES + DATE_CODES:
                seen[p.code] = seen.get(p.code, False) or p.severity == ERROR
                seen.setdefault("_words_" + p.code, p.summary)
        for code, err in seen.items():
            if not code.startswith("_words_"):
                add(code, f"{seen['_words_' + code]}（{code}）", err)
    ranked = sorted(count.values(), key=lambda c: (-c[1], not c[2], c[0]))
    return [(w, k, e) for w, k, e in ranked[:n]]


def _problems_chart(review: Review) -> str:
    rows = common_problems(review)
    width, left, top, bar_h, gap = 620, 330, 8, 18, 8
    span = width - left - 50
    n = max([1] + [k for _, k, _ in rows])
    height = top + max(1, len(rows)) * (bar_h + gap) + 24
    s = [f"<div class=\"chart\"><h3>最常见的问题（涉及的报告份数）</h3>"
         f"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" "
         f"aria-label=\"最常见的问题\">"]
    if not rows:
        s.append(f"<text x=\"10\" y=\"{top + 14}\" font-size=\"13\" fill=\"#222\">没有发现问题</text>")
    for j, (words, k, err) in enumerate(rows):
        y = top + j * (bar_h + gap)
        label = words if len(words) <= 24 else words[:23] + "…"
        s.append(f"<text x=\"{left - 6}\" y=\"{y + bar_h - 4}\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">"
                 f"<title>{escape(words)}</title>{escape(label)}</text>")
        wb = span * k / n
        s.append(f"<rect x=\"{left}\" y=\"{y}\" width=\"{wb:.1f}\" height=\"{bar_h}\" "
                 f"fill=\"{BAR_RED if err else BAR_BLUE}\"/>")
        s.append(f"<text x=\"{left + wb + 6:.1f}\" y=\"{y + bar_h - 4}\" font-size=\"12\" fill=\"#222\">{k}</text>")
    y = top + max(1, len(rows)) * (bar_h + gap) + 8
    s.append(f"<rect x=\"{left}\" y=\"{y}\" width=\"12\" height=\"10\" fill=\"{BAR_RED}\"/>"
             f"<text x=\"{left + 16}\" y=\"{y + 10}\" font-size=\"12\" fill=\"#222\">错误（需退回）</text>"
             f"<rect x=\"{left + 120}\" y=\"{y}\" width=\"12\" height=\"10\" fill=\"{BAR_BLUE}\"/>"
             f"<text x=\"{left + 136}\" y=\"{y + 10}\" font-size=\"12\" fill=\"#222\">警告</text>")
    s.append("</svg></div>\n")
    return "".join(s)
