"""FZ1xx: the report's structure — required parts present, in order, not empty; metadata complete."""
from __future__ import annotations

import datetime as _dt

from . import ERROR, WARNING, Finding, rule
from ..paths import value_at


@rule("FZ101", "missing-part", "缺少必备部分（未在“省略部分”中说明理由）", kinds=("fzzf",))
def missing_part(ctx):
    """Every part the report kind requires (for 法治政府建设年度情况报告: the five parts of 第二十四条)
    must be served by at least one top-level section (``部分: 一``).  A report that deliberately
    departs from the parts says so under ``省略部分`` and gets FZ102 instead.  When a 小标题 of another
    part names the missing one (第三部分 merged into 第一部分 as "（二）切实履行第一责任人职责"), the
    finding points at it and says so."""
    omitted = _omitted(ctx)
    for part in ctx.kind.parts:
        if ctx.sections_of(part.key):
            continue
        if part.key not in omitted:
            merged = _merged_into(ctx, part)
            where = (f"（{merged[1]}写的可能就是这一部分，没有单列）" if merged else "")
            path = merged[0] if merged else ("sections",)
            if ctx.medium == "docx":      # a Word file under review: say it in the document's terms
                yield Finding(path, f"缺少{part.label}{where}；请在报告中单列这一部分（如“{_heading_of(ctx, part)}”），"
                                    "或写明不单列的理由")
            else:
                yield Finding(path, f"缺少{part.label}{where}；请增加一节并写“部分: {part.key}”，"
                                    f"或在“省略部分”中写明不单列的理由")
        elif not is_reason(omitted[part.key]):
            todo = _PLACEHOLDER.search(omitted[part.key])
            what = f"写的是待办的提示{todo.group()}，不是理由" if todo else \
                "写的是导入时留下的提示，不是理由" if omitted[part.key].strip() else "没有写理由"
            yield Finding(("omitted_parts", _raw_key(ctx, part.key)),
                          f"缺少{part.label}，“省略部分”中{what}；请补写这一部分（“部分: {part.key}”），"
                          f"或把这里改为不单列的理由")


def _merged_into(ctx, part) -> tuple[tuple, str] | None:
    """(path, description) of a 小标题 inside another part whose heading names ``part`` (score ≥ 2)."""
    from ..conventions import part_scores
    from ..textutil import cn_numeral

    n = 0
    for i, sec in enumerate(ctx.report.sections):
        if not sec.no_heading:
            n += 1
        for path, sub, marker in _subsections(sec.content, ("sections", i, "content")):
            if part_scores(ctx.kind, sub.heading or "").get(part.key, 0) >= 2:
                return path + ("heading",), f"正文第{cn_numeral(max(n, 1))}部分第{marker}项“{clip(sub.heading.strip(), 24)}”"
    return None


# what drafter import wrote before the to-do was bracketed: in reports imported then, still a to-do
_OLD_IMPORT_TODO = "导入时未找到此部分，请补写或说明理由"


def is_reason(text: str) -> bool:
    """An omitted part's reason: not blank, not a placeholder such as the importer's 【请补写……】."""
    return bool(text.strip()) and not _PLACEHOLDER.search(text) and text.strip() != _OLD_IMPORT_TODO


@rule("FZ102", "omitted-part", "必备部分未单列（已说明理由）", severity=WARNING, kinds=("fzzf",))
def omitted_part(ctx):
    """A required part listed under ``省略部分`` with its reason: reported as a warning that still
    names the part, so the reviewer sees the departure."""
    omitted = _omitted(ctx)
    for part in ctx.kind.parts:
        if part.key in omitted and not ctx.sections_of(part.key) and is_reason(omitted[part.key]):
            reason = omitted[part.key].strip()
            yield Finding(("omitted_parts", _raw_key(ctx, part.key)), f"{part.label}未单列（理由：{reason}）")


@rule("FZ103", "part-order", "必备部分顺序不对", kinds=("fzzf",))
def part_order(ctx):
    """Required parts must appear in the order of the kind (一 → 五); one part may span several
    sections and extra sections may stand anywhere."""
    order = {k: n for n, k in enumerate(ctx.kind.keys)}
    highest, highest_key = -1, None
    for i, sec in enumerate(ctx.report.sections):
        keys = ctx.part_keys(sec)
        if not keys:
            continue
        low = min(order[k] for k in keys)
        if low < highest:
            part = ctx.kind.part(ctx.kind.keys[low])
            yield Finding(("sections", i, "parts"), f"{part.label}排在第{highest_key}部分之后；"
                                                    f"请按 一、二、三、四、五 的顺序排列各部分")
        if max(order[k] for k in keys) > highest:
            highest = max(order[k] for k in keys)
            highest_key = ctx.kind.keys[highest]


def _heading_of(ctx, part) -> str:
    """The part's heading as a report prints it ("三、党政主要负责人履行推进法治建设第一责任人职责情况")."""
    from ..textutil import level_marker

    return level_marker(1, ctx.kind.keys.index(part.key) + 1) + part.name


@rule("FZ104", "empty-part", "部分内容为空", kinds=("fzzf",))
def empty_part(ctx):
    """A section without any text is an error; a part that may be empty (五) must still say "无"."""
    for i, sec in enumerate(ctx.report.sections):
        if not any(t.strip() for t in ctx.section_texts(i) if t is not sec.heading):
            keys = ctx.part_keys(sec)
            part = ctx.kind.part(keys[0]) if keys else None
            if part and part.may_be_none:
                msg = f"{part.label}没有内容；如无其他需要报告的情况，请在“内容”下写“- 无”"
            elif part:
                msg = f"{part.label}没有内容，请填写"
            else:
                msg = "这一节没有内容，请填写或删除这一节"
            yield Finding(("sections", i), msg)
        for j, item in enumerate(sec.content):
            if isinstance(item, str) and not item.strip():
                yield Finding(("sections", i, "content", j), "这一段是空的，请填写或删除")


@rule("FZ105", "unknown-part", "“部分”写的不是必备部分")
def unknown_part(ctx):
    """``部分`` must name a required part: 一…五, 1…5, or the part's name."""
    valid = "、".join(f"{p.key}（{p.name}）" for p in ctx.kind.parts)
    for i, sec in enumerate(ctx.report.sections):
        for k, p in enumerate(sec.parts):
            if not ctx.kind.parts:
                yield Finding(("sections", i, "parts"), f"{ctx.kind.name}没有必备部分，“部分: {p}”不起作用；请删去这一行")
            elif ctx.kind.resolve_part(p) is None:
                yield Finding(("sections", i, "parts"), f"“部分: {p}”不是必备部分；可写 {valid}；"
                                                        "额外的部分不写“部分”")
    for k in ctx.report.omitted_parts:
        if ctx.kind.resolve_part(k) is None:
            yield Finding(("omitted_parts", k), f"“省略部分”中的“{k}”不是必备部分；可写 {valid}")


@rule("FZ106", "extra-section-heading", "额外部分缺少标题", kinds=("fzzf",))
def extra_section_heading(ctx):
    """A section that serves no required part has no default heading: write one, or mark it 无标题."""
    for i, sec in enumerate(ctx.report.sections):
        if not sec.parts and not sec.heading and not sec.no_heading:
            yield Finding(("sections", i), "这一节没有写“部分”，也没有“标题”；请写“标题”，"
                                           "或写“部分”指明它属于哪一部分，或写“无标题: 是”")


@rule("FZ107", "duplicate-section", "同一部分重复写了两次（复制粘贴留下的）")
def duplicate_section(ctx):
    """A section pasted twice, or two sections of the same part that both take the part's standard
    heading: the report would print "四、…主要安排" twice and number everything after it wrongly.
    Several sections of one part, each with its own 标题, are normal (xinle files four under 一)."""
    secs = ctx.report.sections
    for j, sec in enumerate(secs):
        keys = ctx.part_keys(sec)
        for i in range(j):
            other = secs[i]
            where = _line_of(ctx, ("sections", i))
            if sec == other:
                yield Finding(("sections", j), f"这一节与正文第{i + 1}节{where}完全相同，是重复粘贴的吧？请删除其中一节")
                break
            if (keys and keys == ctx.part_keys(other) and not sec.heading and not other.heading
                    and not sec.no_heading and not other.no_heading):
                label = "及".join(ctx.kind.part(k).label for k in keys)
                yield Finding(("sections", j, "parts"),
                              f"{label}已在正文第{i + 1}节{where}写过，两节都用标准标题，标题会印两次、后面的序号会错位；"
                              "请把两节内容合并，或给其中一节写自己的“标题”")
                break


def _line_of(ctx, path: tuple) -> str:
    """"（第 N 行）" for a model path, or "" without a source file."""
    line = ctx.source.pos(path)[0] if ctx.source is not None else None
    return f"（第{line}行）" if line else ""


def date_fits_year(date: _dt.date, year: int) -> bool:
    """成文日期 plausible for 年度: from 11月1日 of 年度 to the end of 年度+1 (FZ108; FZ306 relies on it)."""
    return _dt.date(year, 11, 1) <= date <= _dt.date(year + 1, 12, 31)


@rule("FZ108", "date-window", "成文日期不在报告年度的合理时间内，或印发日期早于成文日期", severity=WARNING,
      kinds=("fzzf",))
def date_window(ctx):
    """成文日期 should fall between 11月1日 of 年度 and the end of 年度+1; the 印发日期 of the 版记
    (§7.4.3) cannot come before it."""
    r = ctx.report
    if r.date is None:
        return
    if not date_fits_year(r.date, r.year):
        yield Finding(("date",), f"成文日期 {r.date.year}年{r.date.month}月{r.date.day}日 与年度 {r.year} 不符"
                                 f"（应在 {r.year}年11月 至 {r.year + 1}年12月 之间），请核对年度和日期")
    if r.print_date is not None and r.print_date < r.date:
        d, p = r.date, r.print_date
        yield Finding(("print_date",), f"印发日期{p.year}年{p.month}月{p.day}日早于成文日期{d.year}年{d.month}月{d.day}日；"
                                       "公文先成文后印发，请核对两个日期")


@rule("FZ109", "year-plausible", "年度不合理", kinds=("fzzf",))
def year_plausible(ctx):
    """年度 is the year reported on: 2004 (国务院《全面推进依法行政实施纲要》) up to next year; next
    year itself has not begun (a warning: a template prepared ahead of time is possible)."""
    y = ctx.report.year
    today = _dt.date.today()
    this = today.year
    if not 2004 <= y <= this + 1:
        yield Finding(("year",), f"年度 {y} 不合理，请写报告所述的年份（如 {this - 1}）")
    elif y == this + 1:
        yield Finding(("year",), f"年度是{y}年，而今天是{this}年{today.month}月{today.day}日，这一年还没有开始；"
                                 f"请写报告所述的年份（如 {this - 1} 或 {this}）", severity=WARNING)


from ..textutil import PLACEHOLDER_RE as _PLACEHOLDER, clip, placeholder_quote  # noqa: E402


@rule("FZ110", "placeholder", "还有未填写的占位文字")
def placeholder(ctx):
    """Text such as 【请填写……】 left from ``drafter new``."""
    r = ctx.report
    fields = [("org",), ("title",), ("doc_number",)]
    for path in fields:
        v = getattr(r, path[0])
        if isinstance(v, str) and _PLACEHOLDER.search(v):
            yield Finding(path, f"“{placeholder_quote(v)}”是占位文字，请改为实际内容")
    for i, v in enumerate(r.recipients):
        if _PLACEHOLDER.search(v):
            yield Finding(("recipients", i), f"“{placeholder_quote(v)}”是占位文字，请改为实际内容")
    for t in ctx.texts():
        if t.path in fields:
            continue
        m = _PLACEHOLDER.search(t.text)
        if m:
            yield Finding(t.path, f"“{placeholder_quote(t.text)}”是模板留下的占位文字，请改为实际内容或删除", m.start())


@rule("FZ111", "recipients", "函、文件格式缺少主送机关", kinds=("fzzf",))
def recipients(ctx):
    """A report sent as 函 or 文件 is addressed (§7.3.2); only the web copy may omit 主送机关."""
    if ctx.report.header != "无" and not ctx.report.recipients:
        yield Finding(("header",), f"版头为“{ctx.report.header}”的报告须写“主送机关”，如 主送机关: [××县人民政府]")


@rule("FZ117", "addressee-too-long", "主送机关太多，首页排不下正文", severity=WARNING)
def addressee_too_long(ctx):
    """§7.3.2: the body must start on page 1.  The lines the 主送机关 take are estimated from their
    width (28 字 a line) and the room page 1 leaves under the 版头 and the title."""
    from math import ceil

    from .. import gbt9704 as G
    from ..textutil import width_zi

    r = ctx.report
    if not r.recipients or not r.layout.show_recipients:
        return
    lines = ceil(width_zi("，".join(r.recipients) + "：") / G.CHARS_PER_LINE)
    title = ctx.composer.title_text()                 # the written 标题, else the template's
    title_lines = max(1, ceil(width_zi(title.replace("\n", "")) / G.TITLE_CHARS_PER_LINE))
    above = G.PAGE1_LINES_ABOVE_TITLE.get(r.header, 0)
    organs = ctx.composer.letterhead(G.FILE_FLAG_WORD).flag if r.header == "文件" else []
    if len(organs) > 1:                                # 联合行文: the organs stacked in the 标志 (§7.2.4)
        above += ceil((len(organs) - 1) * G.FLAG_JOINT_LINE_EM * G.FILE_FLAG_SIZE_PT * G.TWIPS_PER_PT / G.LINE_PITCH)
    room = G.LINES_PER_PAGE - above - title_lines - G.ADDRESSEE_GAP_LINES - 1   # and a line of the body
    if lines > room:
        yield Finding(("recipients",), f"主送机关约占 {lines} 行，首页只余 {max(room, 0)} 行，排不下正文"
                                       "（GB/T 9704 §7.3.2：首页须显示正文）；请精简主送机关的写法，如把同类机关合写为"
                                       "“各乡镇人民政府，各街道办事处”")


@rule("FZ122", "flag-too-long", "发文机关标志太长，要缩到很小的字号才排得下", severity=WARNING)
def flag_too_long(ctx):
    """The 发文机关标志 is printed on one line (联合行文 in the 文件 format: each organ on a line, 文件
    beside them) as wide as the 版心 allows.  Below the smallest usual size (22 pt in the 文件 format,
    18 pt in a 函) drafter still fits it, but it reads poorly: the clerk is pointed to the 规范化简称."""
    from .. import gbt9704 as G
    from ..textutil import width_zi

    r = ctx.report
    if r.header not in ("函", "文件"):
        return
    lh = ctx.composer.letterhead(G.FILE_FLAG_WORD)       # (measured with the standard's word: no template)
    zi = max(map(width_zi, lh.flag)) + (G.FLAG_JOINT_GAP_ZI + width_zi(lh.flag_suffix) if lh.flag_suffix else 0)
    if zi <= 0:
        return                                            # no 标志 at all: FZ125
    minimum = G.FILE_FLAG_MIN_SIZE_PT if r.header == "文件" else G.LETTER_FLAG_MIN_SIZE_PT
    size = G.TYPE_AREA_WIDTH_MM / G.MM_PER_PT / zi
    if size < minimum:
        path = ("flag",) if r.flag else ("org",)
        yield Finding(path, f"发文机关标志每行约 {zi:g} 字，要缩到约 {int(size)} 磅才排得下版心（通常不小于 {minimum:g} 磅）；"
                            "请在“发文机关标志”中改用规范化简称，如“××县委”“××县政府”")


@rule("FZ112", "signature-date", "缺少成文日期（无版头的公开文本为警告）")
def signature_date(ctx):
    """成文日期 is required when the report is sent (函/文件); a web copy without it is a warning:
    reviewers send back undated reports (regulation.md)."""
    r = ctx.report
    if r.date is None:
        sev = ERROR if r.header != "无" else WARNING
        path = ("date",) if ctx.source is not None and ctx.source.has(("date",)) else ("org",)
        example = _example_date(r) if ctx.kind.annual else f"{r.year}年{_dt.date.today().month}月{_dt.date.today().day}日"
        yield Finding(path, f"{ctx.kind.noun}没有成文日期；请写“成文日期: {example}”（署名不写时用发文机关）",
                      severity=sev)


def _example_date(r) -> str:
    """A 成文日期 to show as an example that no other rule would question: in the year of the
    发文字号 when it is 年度 or 年度+1 (FZ306), before the reporting deadline (FZ305)."""
    from ..conventions import parse_doc_number

    m = parse_doc_number(r.doc_number)
    if m is not None and m.year == str(r.year):
        return f"{r.year}年12月20日"
    return f"{r.year + 1}年1月20日"


def issue_year(ctx) -> int:
    """The year a 发文字号 of this document would carry: the year after 年度 for an annual report,
    年度 itself for a 公文 (kind.yaml ``annual: false``: 年度 is the year of issue)."""
    return ctx.report.year + 1 if ctx.kind.annual else ctx.report.year


@rule("FZ124", "no-title", "没有标题")
def no_title(ctx):
    """Every 公文 has a title (GB/T 9704 §7.3.1: 发文机关名称、事由和文种).  The annual report's is made
    from 发文机关 and 年度 when left out; a kind whose template makes none (通用公文: a 通知's title
    names its own matter) needs it written."""
    if not ctx.composer.title_text().strip():
        yield Finding(("title",) if ctx.source is not None and ctx.source.has(("title",)) else ("org",),
                      f"{ctx.kind.noun}没有标题；请写“标题: ……”，如“{ctx.report.org or '××县人民政府'}关于……的通知”"
                      "（GB/T 9704 §7.3.1：标题由发文机关名称、事由和文种组成）")


@rule("FZ125", "empty-org", "发文机关是空的")
def empty_org(ctx):
    """发文机关 names who issues the document: the 署名 defaults to it, the 版头's 标志 is made from it.
    Written empty (发文机关: ""), the document would be signed by no one."""
    if not ctx.report.org.strip():
        yield Finding(("org",), "发文机关是空的；请写发文机关全称，如“发文机关: 云溪县人民政府”")


@rule("FZ113", "nesting-depth", "标题层次超过四级")
def nesting_depth(ctx):
    """GB/T 9704 §7.3.3 has four levels: 一、（一）1.（1）. Deeper subsections cannot be numbered."""
    for t in ctx.texts():
        if t.role == "subheading" and ctx.report.layout.level_of(t.level) > 4:
            used = "".join(ctx.report.layout.levels)
            levels = "四级（一、（一）1.（1））" if used == "一、（一）1.（1）" else f"可用的层次（{used}，其后只有到“（1）”为止）"
            yield Finding(t.path, f"标题层次超过{levels}；请把这一层改为段落，或合并到上一级")


@rule("FZ114", "intro", "缺少导语", severity=WARNING, kinds=("fzzf",))
def intro(ctx):
    """The opening paragraph leads into the parts ("现将……报告如下：")."""
    if not (ctx.report.intro or "").strip():
        yield Finding(("sections",), "缺少导语；请在“导语”中概述全年情况，并以“现将……报告如下：”引出正文")


@rule("FZ115", "header-elements", "版头要素与版头格式不符")
def header_elements(ctx):
    """份号/密级/紧急程度 belong to a 版头 (§7.2); a 函 or 文件 must carry its 发文字号 (§7.2.5, §10.1)."""
    r = ctx.report
    if r.header == "无":
        for f, label in (("copy_number", "份号"), ("secrecy", "密级"), ("urgency", "紧急程度")):
            if getattr(r, f):
                yield Finding((f,), f"无版头的公开文本不能有{label}；请删除，或把版头改为“函”或“文件”")
    if r.header != "无" and not r.doc_number:
        yield Finding(("header",), f"版头为“{r.header}”的{ctx.kind.noun}须写“发文字号”，如 新政函〔{issue_year(ctx)}〕5号")


@rule("FZ121", "header-elements-not-printed", "写了但按版头格式不会印出的要素", severity=WARNING)
def header_elements_not_printed(ctx):
    """签发人 is printed only in the 文件 format (§7.2.6); a 函's 版记 has no 印发机关/印发日期 (§10.1);
    a web copy (版头 无) has neither 版头 nor 版记.  Written but silently dropped, they are named.
    (A code of its own, apart from FZ115's errors: quieting this must not switch those off.)"""
    r = ctx.report
    if r.header == "函" and r.signers:
        yield Finding(("signers",), "信函格式不标签发人；请删除“签发人”，或把版头改为“文件”")
    if r.header == "函" and r.printer:
        yield Finding(("printer",), "信函格式的版记不印发机关和印发日期（GB/T 9704 §10.1），已省略")
    if r.header == "无":
        for f, label in (("doc_number", "发文字号"), ("flag", "发文机关标志"), ("cc", "抄送"),
                         ("printer", "印发机关"), ("print_date", "印发日期")):
            if getattr(r, f):
                yield Finding((f,), f"版头为“无”，{label}不会印出（网上公开的文本没有版头和版记）；报送的正式文本请把"
                                    f"“版头”改为“函”或“文件”，网上公开的文本可删去{label}")


def _omitted(ctx) -> dict:
    out = {}
    for k, v in ctx.report.omitted_parts.items():
        key = ctx.kind.resolve_part(k)
        if key:
            out[key] = str(v)
    return out


def _raw_key(ctx, key):
    for k in ctx.report.omitted_parts:
        if ctx.kind.resolve_part(k) == key:
            return k
    return key


_SENTENCE_END = "。！？；：…”’）》」』"


@rule("FZ116", "text-cut-by-comment", "文字中的“ #”把后面的文字变成了注释（没有进入报告）", severity=WARNING)
def text_cut_by_comment(ctx):
    """In YAML a space followed by "#" starts a comment, so in a plain (unquoted) value
    "在微博发起 #青山普法# 话题，阅读量达12万次。" keeps only "在微博发起": the rest never reaches
    the report, silently.  Flagged when the comment looks like the rest of the text: "#" followed
    directly by a character (a hashtag, "#1"), or the text before it stops mid-sentence.  A clerk's
    own note after a finished sentence ("…完成。  # 待核实") is left alone."""
    src = ctx.source
    if src is None:
        return
    for t in ctx.texts():
        if t.role not in ("title", "intro", "heading", "subheading", "paragraph", "attachment", "table"):
            continue                                   # 结束语: 无  # 原文没有…: a note on a setting
        span = src.text_span(t.path)
        if span is None or span.style not in (None, ""):    # quoted and | blocks hold their "#"
            continue
        eol = src.text.find("\n", span.end)
        rest = src.text[span.end: eol if eol >= 0 else len(src.text)]
        stripped = rest.lstrip(" \t")
        if not stripped.startswith("#") or stripped == rest:
            continue
        comment = stripped[1:]
        # "# 按上级通知" after a finished sentence, or after a title or heading (they end without a
        # mark), is the clerk's own note; "#青山普法#" (no space after #) never is
        if comment[:1].isspace() and (t.text.rstrip().endswith(tuple(_SENTENCE_END))
                                      or t.role in ("title", "heading", "subheading", "attachment")
                                      or t.path[-1] == "title"):
            continue
        k = max(0, len(t.text) - 8)
        while k > 0 and t.text[k - 1].isdigit():        # "2024年", never "024年"
            k -= 1
        yield Finding(t.path, f"“{t.text[k:]}”后面的“ #{comment[:12]}”起被当作注释，没有进入报告；"
                              "请把“#”改为全角“＃”，或给整段文字加引号", len(t.text))


_ENDS_SENTENCE = "。！？!?"


def _source_lines(src, path: tuple, value: str) -> list[tuple[int, int, str]] | None:
    """(line number, offset in ``value``, the line's text) of each line a multi-line text is written
    on; None for a text on one line or one whose lines cannot be told apart (quoted)."""
    from ..yamlsrc import is_unfolded, unfold

    span = src.text_span(path)
    if span is None:
        return None
    raw = src.text[span.start:span.end]
    if span.style == "|":
        out, off = [], 0
        for k, ln in enumerate(value.split("\n")):
            out.append((span.line + 1 + k, off, ln))
            off += len(ln) + 1
        return out if len(out) > 1 else None
    if not is_unfolded(span, raw):
        return None
    _, where = unfold(raw, span.style, span.start)
    out, prev = [], None
    for i, (a, _) in enumerate(where):
        line = src.text.count("\n", 0, a) + 1
        if line != prev:
            out.append([line, i, ""])
            prev = line
        out[-1][2] += value[i] if i < len(value) else ""
    return [tuple(x) for x in out] if len(out) > 1 else None


@rule("FZ123", "sentences-joined", "分行写的几句话会接成一段（段与段之间要空一行）", severity=WARNING)
def sentences_joined(ctx):
    """A line break inside a text is editor wrapping: the lines print as one paragraph (README).  Two
    or more lines in a row that each end a sentence ("。") were most likely meant as paragraphs of
    their own, and would be run together without a word.  Named once, at the first of those lines,
    with the two ways to keep them apart (a blank line, or "　　" at the start, as Word pastes it)."""
    src = ctx.source
    if src is None:
        return
    for t in ctx.texts():
        if t.role not in ("intro", "paragraph"):
            continue
        lines = _source_lines(src, t.path, t.text)
        if not lines:
            continue
        run: list = []

        def flush():
            if len(run) >= 2:
                first, last = run[0], run[-1]
                which = f"第 {first[0]}–{last[0]} 行" if len(run) > 2 else f"第 {first[0]} 行和第 {last[0]} 行"
                two, mark = len(run) == 2, first[2].strip(" \t\n")[-1]
                return Finding(t.path, f"{which}各是一句完整的话（以“{mark}”结尾），生成时会接成一段；"
                                       f"如果是{'两' if two else '几'}段，请在{'两行' if two else '各段'}之间空一行"
                                       "（或在每段开头加全角空格“　　”）；如果本来就是一段，可忽略本提示", first[1])
            return None

        for ln in lines:
            body = ln[2].strip(" \t\n")
            if body and body[-1] in _ENDS_SENTENCE and not body.startswith("\u3000"):
                run.append(ln)
                continue
            f = flush()
            if f:
                yield f
            run = [ln] if body and body[-1] in _ENDS_SENTENCE else []
        f = flush()
        if f:
            yield f


# ---------------------------------------------------------------------------------------------
# Headings and paragraphs left empty or pasted twice
def _subsections(items, base: tuple, level: int = 2, layout=None):
    """(path, Subsection, printed marker) of every subsection below ``items``, at any depth, in
    document order (numbered as 格式.层次序号 says)."""
    from ..textutil import level_marker

    n = 0
    for j, item in enumerate(items):
        if hasattr(item, "heading"):                   # a 小标题 (not a paragraph or a 表格)
            n += 1
            shown = min(layout.level_of(level) if layout is not None else level, 4)
            yield base + (j,), item, level_marker(shown, n)
            yield from _subsections(item.content, base + (j, "content"), level + 1, layout)


def _all_subsections(r):
    """(path, Subsection, printed marker) of every subsection of the body and of each 附件 (whose
    headings are numbered from “一、”, §7.3.7)."""
    for i, sec in enumerate(r.sections):
        yield from _subsections(sec.content, ("sections", i, "content"), layout=r.layout)
    for path, a in r.paged():
        yield from _subsections(a.content, path + ("content",), 1)


@rule("FZ118", "empty-heading", "标题是空的（只印出序号）")
def empty_heading(ctx):
    """A subsection written ``- 标题: ""`` (or only spaces) is printed as a bare "（二）" with
    nothing after it; so is a section whose 标题 is only spaces (an empty 标题 of a section takes
    the part's standard heading)."""
    for i, sec in enumerate(ctx.report.sections):
        if sec.heading is not None and sec.heading and not sec.heading.strip() and not sec.no_heading:
            yield Finding(("sections", i, "heading"), "这一节的标题是空的，只会印出序号“一、”之类；"
                                                      "请填写标题，或删去“标题”一行使用标准标题")
    for path, sub, marker in _all_subsections(ctx.report):
        if not sub.heading.strip():
            yield Finding(path + ("heading",), f"小标题是空的，只会印出一个孤零零的序号“{marker}”；请填写标题，"
                                               "或删去这一项、把其中的段落并入上一项")


@rule("FZ119", "heading-without-content", "小标题下面没有内容", severity=WARNING)
def heading_without_content(ctx):
    """A subsection with a 标题 and no 内容 prints a heading with nothing under it — the reviewers'
    "（一）有题无文".  Usually the text was left out or pasted under the wrong heading.  Not a list of
    points: sibling 小标题 that all stand alone, each a sentence of its own ("（一）持续深化……。"),
    as a 下一年度主要安排 often lists them."""
    secs = ctx.report.sections
    for i, sec in enumerate(secs):
        # a kind without required parts has no FZ104: its empty sections are headings like any other
        if not ctx.kind.parts and sec.heading and sec.heading.strip() and not sec.no_heading and _empty(sec) \
                and not _points(secs):
            yield Finding(("sections", i, "heading"), f"标题“{clip(sec.heading.strip())}”下面没有内容；请在它下面的"
                                                      "“内容:”中填写正文，或删去这一项（如几项本来只列要点、不展开，可忽略本提示）")
    for path, sub, _ in _all_subsections(ctx.report):
        if sub.heading.strip() and _empty(sub) and not _list_of_points(ctx, path):
            yield Finding(path + ("heading",), f"小标题“{clip(sub.heading.strip())}”下面没有内容；请在它下面的"
                                               "“内容:”中填写正文，或删去这一项（如几项本来只列要点、不展开，可忽略本提示）")


def _empty(sub) -> bool:
    return not any(isinstance(x, str) and x.strip() or not isinstance(x, str) for x in sub.content)


def _list_of_points(ctx, path: tuple) -> bool:
    """Whether the subsection at ``path`` is one of two or more siblings that all have no content and
    each end a sentence: a list of points, not headings left without their text."""
    parent = value_at(ctx.report, path[:-1])
    return _points([x for x in parent if hasattr(x, "heading")])


def _points(subs) -> bool:
    """Two or more headings (小标题 or sections) without content, each a sentence of its own."""
    subs = [x for x in subs if x.heading and not getattr(x, "no_heading", False)]
    return len(subs) >= 2 and all(_empty(x) and x.heading.strip().endswith(("。", "；", ";")) for x in subs)


def _norm(text: str) -> str:
    return "".join(text.split()).rstrip("。.；;：:，,")


MIN_DUPLICATE_PARAGRAPH = 10      # characters: "无", "略", a short "同上" are not copy-paste leftovers


def _first_place(ctx, path: tuple) -> str:
    """"第N行" for the first occurrence (the text's own line), else its place in the report."""
    if ctx.source is not None:
        line = ctx.source.locate(path, 0)[0]
        if line:
            return f"第{line}行"
    from ..paths import describe

    return describe(path, ctx.report)


@rule("FZ120", "duplicate-text", "小标题或段落重复（复制粘贴留下的）", severity=WARNING)
def duplicate_text(ctx):
    """Two sibling headings with the same text (two "（一）健全依法决策机制。" under one part), or a
    paragraph that repeats an earlier one word for word, are left from copying and pasting.  The
    second occurrence is reported and names the first.  Headings count as duplicates only among
    siblings ("1. 主要做法" may stand under each （一）); paragraphs anywhere in one section, when
    longer than a few characters (two sections may open with the same sentence).  A whole section
    pasted twice is FZ107's and not repeated here."""
    secs = ctx.report.sections
    pasted = {j for j, s in enumerate(secs) if any(s == secs[i] for i in range(j))}

    def siblings(items, base):
        seen: dict[str, tuple] = {}
        for j, item in enumerate(items):
            if not hasattr(item, "heading"):
                continue
            key = _norm(item.heading)
            path = base + (j, "heading")
            if key and key in seen:
                yield Finding(path, f"小标题“{clip(item.heading.strip())}”与{_first_place(ctx, seen[key])}的小标题重复，"
                                    "像是复制粘贴留下的；请删去多余的一项，或改写标题")
            seen.setdefault(key, path)
            yield from siblings(item.content, base + (j, "content"))

    seen_sec: dict[str, tuple] = {}
    for i, sec in enumerate(secs):
        if i in pasted:
            continue
        if sec.heading and not sec.no_heading:
            key = _norm(sec.heading)
            path = ("sections", i, "heading")
            if key and key in seen_sec:
                yield Finding(path, f"标题“{clip(sec.heading.strip())}”与{_first_place(ctx, seen_sec[key])}的标题重复，"
                                    "像是复制粘贴留下的；请删去多余的一节，或改写标题")
            seen_sec.setdefault(key, path)
        yield from siblings(sec.content, ("sections", i, "content"))
    for path, a in ctx.report.paged():
        yield from siblings(a.content, path + ("content",))
    seen_para: dict[tuple, tuple] = {}
    for t in ctx.texts():
        if t.role != "paragraph" or t.section in pasted:
            continue
        key = (t.section, t.attachment, _norm(t.text))
        if len(key[-1]) < MIN_DUPLICATE_PARAGRAPH:
            continue
        if key in seen_para:
            yield Finding(t.path, f"这一段与{_first_place(ctx, seen_para[key])}的一段完全相同，像是复制粘贴留下的；"
                                  "请删去其中一段，或改写", 0)
        else:
            seen_para[key] = t.path
