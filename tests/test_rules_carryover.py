"""FZ9xx: what was carried over from last year's report (drafter.carryover, issue 19).

Last year's report is test_rules_base.BASE (青山县, 2023).  THIS is the same county's 2024 report
with every paragraph rewritten: no FZ9xx finding.  Each FIRES row puts back one kind of carry-over.
The rows are run with last year's report given (as ``check --previous`` does), so they cannot use
table_tests; test_every_rule_has_both_tests reads their codes all the same.
"""
from __future__ import annotations

import textwrap

import pytest

from test_rules_base import BASE, INTRO, P1, P2, P3, P4

from drafter.carryover import Previous, compare
from drafter.check import check_loaded
from drafter.loader import load_text

LAST = textwrap.dedent(BASE).lstrip("\n")

# 2024, every paragraph this year's own (line numbers below refer to it)
T_INTRO = "2024年，青山县围绕建设法治政府目标，推进严格规范公正文明执法。现将2024年度法治政府建设情况报告如下："
T1 = "县政府全年出台重大行政决策5项，公开征求意见的比例达到百分之百，无一被复议纠错。"     # line 15
T2 = "基层执法队伍年龄结构偏大；乡镇司法所人员配备仍未达标。原因在于编制调整滞后。"      # line 18
T3 = "县长主持召开县政府常务会议专题学法4次，两次带队督办信访积案，出庭应诉2次。"        # line 21
T4 = "2025年，我县将推进乡镇综合行政执法规范化建设，开展行政执法案卷评查。"             # line 24
THIS = (LAST.replace("年度: 2023", "年度: 2024").replace("青政函〔2024〕3号", "青政函〔2025〕2号")
        .replace(INTRO, T_INTRO).replace(P1, T1).replace(P2, T2).replace(P3, T3).replace(P4, T4)
        .replace("成文日期: 2024年1月20日", "成文日期: 2025年1月20日"))
assert THIS.count("\n") == LAST.count("\n")


def this(old: str, new: str) -> str:
    assert old in THIS, old
    return THIS.replace(old, new)


def run(text: str, last: str = LAST, select=("FZ9",)):
    prev = load_text(last, "2023.yaml")
    loaded = load_text(text, "t.yaml")
    assert loaded.report is not None and prev.report is not None
    res = check_loaded(loaded, select=list(select), previous=Previous("2023.yaml", prev.report, prev.source))
    return res


FIRES = [
    # a paragraph of last year's, as it was
    ("FZ901", this(T1, P1), [(15, 13)], "本段与上一年度报告的一段相同（2023.yaml:15）；请按2024年的实际情况改写"),
    # the 导语 with only its years moved on
    ("FZ901", this(T_INTRO, INTRO.replace("2023年", "2024年")), [(8, 3)], "本段只改了年份，其余与上一年度报告的一段相同"),
    # part 四 copied: next year's plans again
    ("FZ901", this(T4, P4.replace("2024年", "2025年")), [(24, 9)], "第四部分写的是2025年的安排，请按新一年的打算改写"),
    # last year's paragraph with one figure changed
    ("FZ902", this(T3, P3.replace("带头学法2次", "带头学法3次")), [(21, 9)],
     "本段有 97% 的文字与上一年度报告相同（2023.yaml:21），不同的只有“学法3次”；请按2024年的实际情况改写"),
    # a figure with last year's words, in a paragraph otherwise new
    ("FZ903", this(T1, "县政府出台行政规范性文件3件，全年审议重大行政决策事项8件，无一被复议纠错。"), [(15, 40)],
     "“全年审议重大行政决策事项8件”的数字和前面的说法都与上一年度报告相同（2023.yaml:15）；请核对是否已换成2024年的数字"),
    # last year's plan, word for word, in this year's 举措
    ("FZ904", this(T1, "县政府出台行政规范性文件3件。我县将重点抓好行政复议体制改革和法治宣传教育两项工作，"
                       "全年组织法治讲座12场，覆盖干部群众3000余人次，复议案件办结率达到百分之百。"), [(15, 13)],
     "本段中“我县将重点抓好行政复议体制改革和法治宣传教育两项工作。”是上一年度报告“下一年度主要安排”中的原话"
     "（2023.yaml:24〔第四部分 › 第1段〕）"),
    # 上一年度 that cannot be read
    ("FZ905", this("年度: 2024\n", "年度: 2024\n上一年度: 没有这个文件.yaml\n"), [(4, 1)], "没有与上一年度比较"),
]

SILENT = [
    ("FZ901", THIS), ("FZ902", THIS), ("FZ903", THIS), ("FZ904", THIS), ("FZ905", THIS),
    # stock phrases of official writing are no carry-over
    ("FZ902", this(T1, "县政府坚持以习近平新时代中国特色社会主义思想为指导，全年出台重大行政决策5项，无一被纠错。")),
    # the same figure with other words, or another figure with the same words
    ("FZ903", this(T1, "县政府出台行政规范性文件8件，公开征求意见的比例达到百分之百，无一被复议纠错。")),
    ("FZ903", this(T1, "县政府出台行政规范性文件3件，全年审议重大行政决策事项9件，无一被复议纠错。")),
    # last year's plan written up as what was done
    ("FZ904", this(T1, "行政复议体制改革全面完成，县政府统一受理行政复议申请46件，办结率100%。")),
    # "无" and other short paragraphs are not compared
    ("FZ901", this("  - 部分: 五\n    内容:\n      - 无", "  - 部分: 五\n    内容:\n      - 无")),
]


@pytest.mark.parametrize("code,text,expected,fragment", FIRES, ids=[f"{r[0]}-{i}" for i, r in enumerate(FIRES)])
def test_fires(code, text, expected, fragment, tmp_path, monkeypatch):
    if code == "FZ905":                     # the file 上一年度 names is looked for next to the YAML
        p = tmp_path / "t.yaml"
        p.write_text(text, encoding="utf-8")
        from drafter.check import check_file

        ds = [d for d in check_file(p, select=["FZ9"]).diagnostics if d.code == code]
        assert [(d.line, d.col) for d in ds] == expected, [d.format() for d in ds]
        assert fragment in ds[0].message and "没有这个文件.yaml" in ds[0].message, ds[0].message
        return
    ds = [d for d in run(text).diagnostics if d.code == code]
    assert [(d.line, d.col) for d in ds] == expected, [d.format() for d in ds]
    assert fragment in ds[0].message, ds[0].message
    assert ds[0].where and ds[0].file == "t.yaml" and ds[0].severity == "warning"
    assert "请" in ds[0].message and "\n" not in ds[0].message


@pytest.mark.parametrize("code,text", SILENT, ids=[f"{r[0]}-{i}" for i, r in enumerate(SILENT)])
def test_silent(code, text):
    ds = [d for d in run(text).diagnostics if d.code == code]
    assert ds == [], [d.format() for d in ds]


def test_without_last_years_report_nothing_is_compared():
    loaded = load_text(this(T1, P1), "t.yaml")
    res = check_loaded(loaded)
    assert not [d for d in res.diagnostics if d.code.startswith("FZ9")] and res.carryover is None


def test_the_comparison_counts_the_paragraphs_carried_over():
    """compare() is the public function (also for the county review, issue 20): typed results and
    one number, "how many of this year's paragraphs are last year's"."""
    last = load_text(LAST, "2023.yaml").report
    assert compare(load_text(THIS, "t.yaml").report, last).carried == 0
    text = this(T1, P1).replace(T2, P2).replace(T3, P3.replace("带头学法2次", "带头学法3次"))
    res = compare(load_text(text, "t.yaml").report, last)
    assert res.paragraphs == 5 and res.carried == 3
    assert [(c.kind, c.here.path) for c in res.items] == [
        ("same", ("sections", 0, "content", 0, "content", 0)), ("same", ("sections", 1, "content", 0)),
        ("near", ("sections", 2, "content", 0))]
    same = res.items[0]
    assert same.there[0].path == same.here.path and same.similarity == 1.0 and not same.only_years
    assert res.items[2].changed == ("学法3次",) and 0.9 < res.items[2].similarity < 1
    assert res.summary("2023.yaml") == "与上一年度报告 2023.yaml 相比：本年度 5 段中有 3 段沿用了上年的文字（相同 2 段，基本相同 1 段）。"
    # the same report against itself: every paragraph
    assert compare(last, last).carried == compare(last, last).paragraphs == 5
