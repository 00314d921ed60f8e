"""FZ9xx: what was carried over from last year's report (drafter.carryover).

They run when check has last year's report: ``drafter check 2025.yaml --previous 2024.yaml``, or the
YAML's own ``上一年度: 2024.yaml``.  Without it they say nothing.  The comparison is made once per
check (``comparison``) and each rule reports its kind.
"""
from __future__ import annotations

from . import WARNING, Finding, rule


def comparison(ctx):
    """drafter.carryover.compare of this report and ctx.previous (None without a previous report)."""
    if not hasattr(ctx, "_carryover"):
        prev = getattr(ctx, "previous", None)
        if prev is None:
            ctx._carryover = None
        else:
            from ..carryover import compare

            ctx._carryover = compare(ctx.report, prev.report)
    return ctx._carryover


def _sources(ctx, c) -> str:
    from ..paths import describe

    here = describe(c.here.path, ctx.report, c.here.offset)
    return "和".join(ctx.previous.where(t, here) for t in c.there)


def _rewrite(ctx, c) -> str:
    """What to do with a paragraph carried over: part 四 holds next year's plans, the rest this year's work."""
    path = c.here.path
    if len(path) > 1 and path[0] == "sections" and isinstance(path[1], int) and path[1] < len(ctx.report.sections):
        if ctx.part_keys(ctx.report.sections[path[1]]) == ["四"]:
            return f"第四部分写的是{ctx.report.year + 1}年的安排，请按新一年的打算改写"
    return f"请按{ctx.report.year}年的实际情况改写"


@rule("FZ901", "same-as-last-year", "段落与上一年度报告的段落相同（照抄上年）", severity=WARNING)
def same_as_last_year(ctx):
    """A paragraph of this year's report that is one of last year's paragraphs, character for
    character once whitespace, the width of marks and the years (each moved on by one) are set aside."""
    res = comparison(ctx)
    for c in res.of("same") if res else ():
        what = "只改了年份，其余" if c.only_years else ""
        todo = _rewrite(ctx, c)
        more = "，写明今年做了什么、数字是多少" if todo.endswith("实际情况改写") else ""
        yield Finding(c.here.path, f"本段{what}与上一年度报告的一段相同（{_sources(ctx, c)}）；{todo}{more}", c.here.offset)


@rule("FZ902", "nearly-same-as-last-year", "段落与上一年度报告的段落基本相同", severity=WARNING)
def nearly_same_as_last_year(ctx):
    """A paragraph of which drafter.carryover.NEAR (85 %) or more is last year's wording: last year's
    text with a few words or figures changed.  The message says how much, which of last year's
    paragraphs it comes from, and quotes the words that are this year's own."""
    res = comparison(ctx)
    for c in res.of("near") if res else ():
        own = "、".join(f"“{w}”" if w != "…" else "……" for w in c.changed)
        changed = f"，不同的只有{own}" if own else ""
        yield Finding(c.here.path, f"本段有 {round(c.similarity * 100)}% 的文字与上一年度报告相同（{_sources(ctx, c)}）"
                                   f"{changed}；{_rewrite(ctx, c)}", c.here.offset)


@rule("FZ903", "figures-as-last-year", "数字和前面的说法都与上一年度报告相同（可能没有更新）", severity=WARNING)
def figures_as_last_year(ctx):
    """A figure with the words just before it exactly as in last year's report ("办理行政复议案件12件"
    both years), in a paragraph that is otherwise this year's: a number that was not updated, or a
    coincidence the clerk confirms.  One finding per paragraph, at its first such figure."""
    res = comparison(ctx)
    if not res:
        return
    by_para: dict[tuple, list] = {}
    for c in res.of("figures"):
        by_para.setdefault((c.here.path, c.here.text), []).append(c)
    for cs in by_para.values():
        quoted = "".join(f"“{c.quoted}”" for c in cs[:3]) + (f"等 {len(cs)} 处" if len(cs) > 3 else "")
        where = _sources(ctx, cs[0])
        yield Finding(cs[0].here.path, f"{quoted}的数字和前面的说法都与上一年度报告相同（{where}）；"
                                       f"请核对是否已换成{ctx.report.year}年的数字", cs[0].here.offset)


@rule("FZ904", "last-years-plan-as-this-years-work", "把上一年度报告的“下一年度主要安排”原样写成了今年的举措",
      severity=WARNING)
def plan_as_work(ctx):
    """A paragraph of part 一 (主要举措和成效) that repeats, word for word, a sentence of last year's
    part 四 (下一年度主要安排) — or is that paragraph: what was planned, written up as done without
    saying what was done."""
    res = comparison(ctx)
    for c in res.of("plan") if res else ():
        quoted = c.quoted or c.there[0].text
        quoted = quoted if len(quoted) <= 40 else quoted[:38] + "……"
        yield Finding(c.here.path, f"本段中“{quoted}”是上一年度报告“下一年度主要安排”中的原话（{_sources(ctx, c)}）；"
                                   "这一部分写的是今年做了什么、成效如何，请改写成今年的落实情况和数字", c.here.offset)


@rule("FZ905", "previous-report", "上一年度的报告读不出，或不是上一年度的", severity=WARNING)
def previous_report(ctx):
    """``上一年度`` names a file that cannot be read (then nothing is compared), this file itself, or a
    report of another year than 年度 − 1 (compared all the same: years are compared relative to each
    report's own 年度)."""
    problem = getattr(ctx, "previous_problem", None)
    path = ("previous",) if ctx.report.previous else ("year",)
    if problem:
        yield Finding(path, problem)
        return
    prev = getattr(ctx, "previous", None)
    if prev is not None and prev.report.year != ctx.report.year - 1:
        yield Finding(path, f"上一年度的报告“{prev.name}”是{prev.report.year}年度的，本报告是{ctx.report.year}年度；"
                            f"请核对“上一年度”写的文件（应是{ctx.report.year - 1}年度的报告）")
