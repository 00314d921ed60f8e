"""FZ3xx: years and dates — the classic slip of a report copied from last year.

The title, the part headings (as drafter prints them: Composer.section_heading) and the 导语's
"现将……报告如下" sentence must name 年度 (part 四 年度+1).  In body text only a year used the way
年度 is ("2022年，我镇……", "2022年共调解……") is flagged; ranges, periods, dates and names inside
《》 or “” never are.
"""
from __future__ import annotations

import datetime as _dt
import re

from . import ERROR, WARNING, Finding, rule
from ._text import FORWARD_RE, clause_at, clause_start, snippet, texts, years
from ..conventions import MONTH_DAY
from ..textutil import clip

# what follows "2023年" when the year is the subject of a clause: "2023年，" "2023年度，" "2023年以来"
# "2023年我镇" "2023年全市" "2023年共" "2023年累计" "2023年在……"
# (as text: re compiles them on first use, only for a year that is not the report's)
_OPENING_AFTER = r"^度?(?:[，,]|以来|全年|共|累计|[我本全]|在)"
_ANYWHERE_AFTER = r"^度?(?:全年|共计?|累计)"


def _expected(ctx, sec: int | None) -> set[int]:
    """Years a section may use as its own: 年度, and 年度+1 for part 四 (next year's plans)."""
    y = ctx.report.year
    if sec is None:
        return {y}
    keys = ctx.part_keys(ctx.report.sections[sec])
    if "四" in keys:
        return {y + 1} | ({y} if len(keys) > 1 else set())
    return {y}


def _want(exp: set[int]) -> str:
    return "或".join(f"{y}年" for y in sorted(exp))


# after "2025年" in a title that also names 年度: the next year's plans, which the report includes (part 四)
_NEXT_YEAR_PLAN = re.compile(r"度?[^，。、]{0,10}?(?:安排|计划|打算|思路|要点|重点|设想|谋划)")


@rule("FZ301", "title-year", "标题中的年份与年度不符", kinds=("fzzf",))
def title_year(ctx):
    """The title names the year reported on ("……2023年法治政府建设年度情况报告"); a title without
    the year, or with last year's, is sent back.  The title checked is the one printed (the written
    标题, else the template's); a default title is reported at 发文机关."""
    r = ctx.report
    text = r.title or ctx.composer.title_text()
    path = ("title",) if r.title else ("org",)
    found = [y for y in years(text) if y.kind in ("year", "range")]
    reported = any(y.kind == "year" and y.year == r.year for y in found)
    for y in found:
        if y.kind == "year" and y.year != r.year:
            if reported and y.year == r.year + 1 and _NEXT_YEAR_PLAN.match(text, y.end):
                continue        # "……2024年度法治政府建设情况和2025年度工作安排的报告"
            yield Finding(path, f"标题中写的是{y.year}年，而年度是{r.year}年；请把标题中的“{y.year}年”改为"
                                f"“{r.year}年”，或核对“年度”", y.start if r.title else None)
    if not found:
        yield Finding(path, f"标题中没有年份；请写明年度，如“……关于{r.year}年度法治政府建设情况的报告”",
                      severity=WARNING)


@rule("FZ302", "heading-year", "部分标题中的年份与年度不符", kinds=("fzzf",))
def heading_year(ctx):
    """A part heading names 年度 (part 四: 年度+1).  The heading checked is the one printed:
    the written 标题 or drafter's default; the finding points at the written heading when there is one."""
    for i, sec in enumerate(ctx.report.sections):
        if not ctx.part_keys(sec) or sec.no_heading:
            continue
        exp = _expected(ctx, i)
        written = bool(sec.heading)
        text = sec.heading if written else ctx.composer.section_heading(sec)   # the template's wording
        if not text:
            continue
        for y in years(text):
            if y.kind == "year" and y.year not in exp:
                keys = ctx.part_keys(sec)
                label = "、".join(f"第{k}部分" for k in keys) + ("（下一年度的安排）" if "四" in keys else "")
                if written:
                    yield Finding(("sections", i, "heading"), f"{label}标题中写的是{y.year}年，应为{_want(exp)}"
                                                              f"（年度是{ctx.report.year}年）；请改正标题", y.start)
                else:
                    yield Finding(("sections", i), f"{label}的默认标题中写的是{y.year}年，应为{_want(exp)}"
                                                   f"（年度是{ctx.report.year}年）；请检查模板，或写出“标题”")


LEADIN_RE = re.compile(r"现将([^。；]{0,60}?)(?:报告|汇报)如下")


@rule("FZ303", "intro-year", "导语“现将……报告如下”中的年份与年度不符", kinds=("fzzf",))
def intro_year(ctx):
    """The sentence that leads into the body ("现将2023年法治政府建设情况报告如下：") names 年度 when
    it names a year at all."""
    r = ctx.report
    if not r.intro:
        return
    for m in LEADIN_RE.finditer(r.intro):
        for y in years(m.group(1)):
            if y.kind == "year" and y.year != r.year:
                yield Finding(("intro",), f"导语“{snippet(r.intro, m.start(), m.end(), 0)}”中写的是{y.year}年，"
                                          f"而年度是{r.year}年；请改为“{r.year}年”", m.start(1) + y.start)


@rule("FZ304", "body-year", "正文、表格或附件中把别的年份当作本年度来写", severity=WARNING, kinds=("fzzf",))
def body_year(ctx):
    """A year that opens a clause as its subject ("2022年，我镇……", "2022年全镇……", and in the 导语
    "2022年以来") or carries a year's total ("2022年共调解……") must be 年度 — in part 四 年度+1 when
    the clause speaks of plans.  Ranges ("2021-2025年"), periods ("2021年1月1日至2023年6月1日"), dates ("2022年12月"),
    comparisons ("较2022年") and names in 《》 or “” are never flagged.
    An 附件 (§7.3.7) may speak of 年度 or of the next year's plans (年度+1): its paragraphs and headings
    are held to either.  A table's 标题 and an 附件's name (in the 附件说明 and on its page) that name
    only other years (“2023年行政执法案件统计表” in a 2024 report) are last year's, copied; a cell is data
    (a column per year) and never flagged."""
    y0 = ctx.report.year
    subjects = [s for s in (ctx.report.short_name, ctx.report.org) if s]
    for t in texts(ctx):
        if t.role == "attachment" or t.role == "table" and t.path[-1] == "title":
            yield from _stale_title(t, y0)
            continue
        if t.role not in ("intro", "paragraph", "subheading"):
            continue
        annex = t.attachment is not None
        exp = {y0, y0 + 1} if annex else _expected(ctx, t.section)
        plans = y0 + 1 in exp and not annex
        for y in years(t.text, "《》“”"):
            if y.kind != "year" or y.year in exp:
                continue
            after = t.text[y.end:y.end + 6]
            opening = clause_start(t.text, y.start) and (
                re.match(_OPENING_AFTER, after) or any(t.text.startswith(s, y.end) for s in subjects))
            if not (opening or re.match(_ANYWHERE_AFTER, after) or t.role == "subheading"):
                continue
            if t.role == "paragraph" and re.match("度?以来", after) and y.year < y0:
                continue            # "2021年以来，全县累计……": a multi-year span in the body is fine
            clause = clause_at(t.text, y.start)
            forward = bool(re.search(FORWARD_RE, clause))
            if plans and y.year == y0 and not forward:
                continue            # part 四 looking back at 年度 ("2023年，我镇共……") is fine
            if not plans and y.year == y0 + 1 and forward:
                continue            # a look ahead at the end of a part
            quote = snippet(t.text, y.start, y.end + 3, 0)
            if plans:
                msg = (f"第四部分写的是下一年度（{y0 + 1}年）的安排，这里“{quote}”写的是{y.year}年；"
                       f"请改为“{y0 + 1}年”")
            elif annex:
                msg = (f"附件中“{quote}”写的是{y.year}年，而年度是{y0}年（附件写本年度或{y0 + 1}年的安排）；"
                       f"像是沿用了往年的附件，请改为“{y0}年”，如确指{y.year}年请写明（如“{y.year}年同期”）")
            else:
                msg = (f"“{quote}”像是在写本年度，但年度是{y0}年、这里写的是{y.year}年；请改为“{y0}年”，"
                       f"如确指{y.year}年请写明（如“{y.year}年同期”）")
            yield Finding(t.path, msg, y.start)


def _stale_title(t, y0: int):
    """A table's 标题 or an 附件's name that names years, none of them 年度 or 年度+1."""
    found = [y for y in years(t.text) if y.kind == "year"]
    if not found or any(y.year in (y0, y0 + 1) for y in found):
        return
    y = found[0]
    what = "附件名称" if t.role == "attachment" else "表格标题"
    yield Finding(t.path, f"{what}“{clip(snippet(t.text, 0, len(t.text), 0), 30)}”写的是{y.year}年，而年度是{y0}年；"
                          f"像是沿用了往年的{what[:2]}，请改为“{y0}年”并核对其中的数据，如确是{y.year}年的可忽略本提示",
                  y.start)


def _month_day(value: str) -> tuple[int, int] | None:
    m = re.fullmatch(rf"\s*(?:\d{{4}}\s*[-./年]\s*)?{MONTH_DAY}\s*", str(value))
    if not m:
        return None
    return int(m.group(1)), int(m.group(2))


def deadline_date(year: int, setting: str | None, default: str) -> _dt.date | None:
    """A deadline of the report of ``year``: the month and day of ``setting`` (or the kind's ``default``)
    in ``year`` + 1; None when the setting is malformed (FZ305 then reports it)."""
    md = _month_day(setting or default)
    try:
        return _dt.date(year + 1, *md)
    except (TypeError, ValueError):
        return None


def _limit(ctx, setting: str | None, default: str, path: tuple, label: str):
    """(date, month, day) of a deadline in 年度+1, or a Finding when the setting is malformed."""
    raw = setting or default
    day = deadline_date(ctx.report.year, setting, default)
    if day is None:
        return Finding(path, f"{label}“{raw}”不是有效的日期；请写成“{default}”这样的“月-日”（年度次年）",
                       severity=ERROR), None
    return day, (day.month, day.day)


@rule("FZ305", "deadline", "成文日期晚于报送期限", severity=WARNING, kinds=("fzzf",))
def deadline(ctx):
    """Provincial rules implementing 《法治政府建设与责任落实督察工作规定》 set 3月1日 of 年度+1 for
    reporting to the level above; the 规定 (第二十四条) sets publication by 4月1日.  Both are settings:
    ``检查: {报送期限: "03-01", 公开期限: "04-01"}`` in the YAML or ``deadline`` /
    ``publish-deadline`` under [check] in drafter.toml; the defaults come from the report kind
    (templates/fzzf/kind.yaml).  A malformed setting is an error."""
    r = ctx.report
    limit, md = _limit(ctx, ctx.settings.deadline, ctx.kind.deadline, ("checks", "deadline"), "报送期限")
    publish, _ = _limit(ctx, ctx.settings.publish_deadline, ctx.kind.publish_deadline,
                        ("checks", "publish_deadline"), "公开期限")
    for bad in (limit, publish):
        if isinstance(bad, Finding):
            yield bad
    if r.date is None or isinstance(limit, Finding) or r.date <= limit:
        return
    src = "已设置" if ctx.settings.deadline else "默认"
    also = (f"，也晚于公开期限{publish.month}月{publish.day}日"
            if isinstance(publish, _dt.date) and r.date > publish else "")
    yield Finding(("date",), f"成文日期{r.date.year}年{r.date.month}月{r.date.day}日晚于报送期限"
                             f"{limit.year}年{limit.month}月{limit.day}日（{src}：年度次年的{md[0]}月{md[1]}日）{also}；"
                             "请核对成文日期，本地期限不同时在“检查: 报送期限”中设置")


@rule("FZ306", "doc-number-year", "发文字号中的年份与成文日期不符", severity=WARNING)
def doc_number_year(ctx):
    """The year in 发文字号's 〔〕 is the year the report is issued: that of 成文日期 (without a
    date: 年度 or 年度+1).  Last year's number left in a copied report is a classic slip.
    A 成文日期 that does not fit 年度 itself (FZ108: before 11月 of 年度, or after 年度+1) is the
    likelier slip: the number is then judged against 年度 alone, as without a date, and a number
    of 年度 or 年度+1 is not questioned."""
    from ..conventions import parse_doc_number
    from .structure import date_fits_year

    r = ctx.report
    m = parse_doc_number(r.doc_number)
    if m is None or len(m.year) != 4:
        return
    y = m.year_int
    # (a 公文 that reports on no year, kind.yaml ``annual: false``, has only its date to go by)
    if r.date is not None and (not ctx.kind.annual or date_fits_year(r.date, r.year)):
        if y != r.date.year:
            yield Finding(("doc_number",), f"发文字号“{r.doc_number}”中的年份是{y}年，成文日期却是{r.date.year}年；"
                                           f"请改为“〔{r.date.year}〕”，或核对成文日期", m.offset("year"))
    elif y not in (r.year, r.year + 1):
        yield Finding(("doc_number",), f"发文字号“{r.doc_number}”中的年份是{y}年，年度却是{r.year}年；"
                                       f"请改为印发报告的年份（通常是“〔{r.year + 1}〕”）", m.offset("year"))
