"""FZ605 (the 附件说明 and the 附件 pages agree, GB/T 9704 §7.3.4 and §7.3.7), and the text rules over
table cells, table titles and 说明, and the names and content of 附件 (issue 18)."""
from __future__ import annotations

import textwrap

from drafter.check import check_file
from test_rules_base import BASE, P1, run, table_tests

# BASE with a table in part 一 (lines 16–22) and two 附件 with content (lines 36–54)
TABLE = """\
          - 表格:
              标题: 2023年行政执法案件统计表
              表头: [执法部门, 处罚（件）, 同比]
              行:
                - [县市场监管局, 612, "-3.1%"]
                - [县交通运输局, 348, "+2.4%"]
              说明: 注：数据截至2023年12月31日。
"""
ANNEX = """\
附件:
  - 标题: 青山县2023年度重大行政决策事项目录
    内容:
      - 根据《重大行政决策程序暂行条例》，县政府确定2023年度重大行政决策事项如下。
      - 标题: 事项目录
        内容:
          - 表格:
              表头: [序号, 决策事项, 承办单位]
              行:
                - [1, 青山县国土空间总体规划, 县自然资源局]
                - [2, 县城区停车收费标准调整, 县发展改革局]
  - 标题: 青山县2023年度行政执法统计表
    横排: 是
    内容:
      - 表格:
          表头: [执法部门, 立案数（件）, 纠错率]
          行:
            - [县市场监管局, 141, "12.8%"]
          说明: 注：纠错率＝纠错数÷立案数。
"""
LINE_15 = "            " + P1 + "\n"
assert LINE_15 in BASE
ATT = BASE.replace(LINE_15, LINE_15 + TABLE) + ANNEX
A1 = "  - 标题: 青山县2023年度重大行政决策事项目录\n"             # line 37
A2 = "  - 标题: 青山县2023年度行政执法统计表\n"                   # line 47
A1_P1 = "根据《重大行政决策程序暂行条例》，县政府确定2023年度重大行政决策事项如下。"   # line 39


def att(old: str, new: str) -> str:
    assert old in ATT, old
    return ATT.replace(old, new, 1)


REFS = BASE.replace("均经合法性审查和集体讨论。", "均经合法性审查和集体讨论，目录见附件3。")
ONE = BASE + "附件:\n  - 青山县2023年度重大行政决策事项目录\n"           # one 附件, a name only: line 30

FIRES = [
    # a number or label typed into a name: printed twice (and out of step)
    ("FZ605", att(A1, "  - 标题: 1.青山县2023年度重大行政决策事项目录\n"), [(37, 9)], "会印成“1.1.”，请删去“1.”"),
    ("FZ605", att(A2, "  - 标题: 1、青山县2023年度行政执法统计表\n"), [(47, 9)],
     "而它是附件说明的第2项：序号不一致"),
    ("FZ605", att(A1, "  - 标题: 附件2：青山县2023年度重大行政决策事项目录\n"), [(37, 9)],
     "附件名称前写了“附件2：”，而它是附件说明的第1项（附件页印“附件1”）"),
    ("FZ605", ONE.replace("  - 青山县", "  - 1.青山县"), [(30, 5)], "只有一个附件时不编序号（GB/T 9704 §7.3.4）"),
    # an empty name: "1." and a page without a title
    ("FZ605", att(A1, "  - 标题: ''\n"), [(37, 5)], "附件1的名称是空的：附件说明中只印出序号“1.”，附件页上也没有标题"),
    # the page's label or title typed again at the top of its content (pasted from Word)
    ("FZ605", att("      - " + A1_P1, "      - 附件1\n      - " + A1_P1), [(39, 9)],
     "附件页的第一段“附件1”与 drafter 排在这一页第一行的“附件1”重复"),
    ("FZ605", att("      - " + A1_P1, "      - 附件2：青山县2023年度行政执法统计表\n      - " + A1_P1), [(39, 9)],
     "附件页的第一段写的是“附件2：”，而这是附件说明中的第1项，drafter 在这一页印“附件1”：序号不一致"),
    ("FZ605", att("      - " + A1_P1, "      - 青山县2023年度重大行政决策事项目录\n      - " + A1_P1), [(39, 9)],
     "附件页的第一段重复了附件的标题"),
    ("FZ605", att("      - " + A1_P1, "      - 青山县2023年度重大行政决策事项清单\n      - " + A1_P1), [(39, 9)],
     "与附件说明中的名称“青山县2023年度重大行政决策事项目录”不一致"),
    # 附件2 has pages, 附件1 does not: the pages jump from the body to 附件2
    ("FZ605", att(A1, "  - 青山县法治宣传教育责任清单\n" + A1), [(37, 5)],
     "附件说明列出了附件1“青山县法治宣传教育责任清单”，但它没有“内容”，不会排出附件页，而附件2、附件3另面排在正文之后"),
    ("FZ605", att(A2, "  - 标题: 青山县2023年度重大行政决策事项目录\n"), [(47, 5)], "附件2与附件1的名称相同"),
    # the body points beyond the 附件说明
    ("FZ605", REFS, [(15, 44)], "提到了附件3，但报告没有列出附件"),
    ("FZ605", REFS + ANNEX, [(15, 44)], "提到了附件3，但附件说明只列出了 2 个附件"),
    ("FZ605", ONE.replace("均经合法性审查和集体讨论。", "均经合法性审查和集体讨论（附件1）。"), [(15, 41)],
     "只有一个附件时附件说明和附件页都不编序号"),

    # the text rules over tables and 附件 (issue 18): a table cell, a table title, 附件 content and names
    ("FZ401", att("[县交通运输局, 348", "[县交通运输局(执法支队), 348"), [(21, 26)], "有 2 处半角标点（( )）"),
    ("FZ401", att("表头: [执法部门, 处罚（件）", "表头: [执法部门, 处罚(件)"), [(18, 28)], "“处罚(件)”中的“(”应为“（”"),
    ("FZ401", att(A1_P1, A1_P1.replace("，县政府", ",县政府")), [(39, 25)], "“行条例》,县政府确”中的“,”应为“，”"),
    ("FZ401", att("[2, 县城区停车收费标准调整", "[2, 县城区停车收费标准调整(试行)"), [(46, 34)], "有 2 处半角标点"),
    ("FZ403", att("说明: 注：纠错率＝纠错数÷立案数。", "说明: 注：纠错率＝（纠错数÷立案数。"), [(54, 21)], "“（”没有对应"),
    ("FZ407", att(A2, "  - 标题: 青山县2023年度行政执法统计表。\n"), [(47, 25)],
     "附件名称后不加标点（GB/T 9704 §7.3.4）"),
    ("FZ110", att(A1_P1, "【请填写附件的内容】"), [(39, 9)], "“【请填写附件的内容】”是模板留下的占位文字"),
    ("FZ110", att("[县市场监管局, 141", "[【请填写】, 141"), [(53, 16)], "“【请填写】”是模板留下的占位文字"),
    ("FZ110", ONE.replace("  - 青山县2023年度重大行政决策事项目录", "  - 【请填写附件名称】"), [(30, 5)], "占位文字"),
    ("FZ304", att("标题: 2023年行政执法案件统计表", "标题: 2022年行政执法案件统计表"), [(17, 19)],
     "表格标题“2022年行政执法案件统计表”写的是2022年，而年度是2023年"),
    ("FZ304", att(A2, "  - 标题: 青山县2022年度行政执法统计表\n"), [(47, 12)], "附件名称“青山县2022年度行政执法统计表”写的是2022年"),
    ("FZ304", att(A1_P1, "2022年，全县共作出重大行政决策8项。"), [(39, 9)], "附件中“2022年，全县”写的是2022年"),
    ("FZ702", att('"12.8%"]', '"占比112.8%"]'), [(53, 32)], "比率“112.8%”超过了100%"),
    ("FZ703", att("[县市场监管局, 612", "[县市场监管局, 8余次"), [(20, 28)], "“8余次”不妥"),
    ("FZ801", att("说明: 注：数据截至2023年12月31日。", "说明: 注：数据截止目前。"), [(22, 23)], "“截止目前”"),
    ("FZ603", att("      - 标题: 事项目录", "      - 标题: 一、事项目录"), [(40, 13)], "标题前的“一、”是手写的序号"),
    ("FZ119", att("      - 标题: 事项目录\n        内容:\n", "      - 标题: 有关要求\n      - 标题: 事项目录\n        内容:\n"),
     [(40, 9)], "小标题“有关要求”下面没有内容"),
]

SILENT = [
    ("FZ605", BASE),
    ("FZ605", ATT),
    ("FZ605", ONE),                                             # one name, no number, no pages
    ("FZ605", BASE + "附件:\n  - 青山县2023年度重大行政决策事项目录\n  - 2023年度行政执法统计表\n"),   # names only
    ("FZ605", ONE.replace("均经合法性审查和集体讨论。", "均经合法性审查和集体讨论，目录见附件。")),
    ("FZ605", REFS.replace("附件3", "附件2") + ANNEX),
    # a name that opens with a year or a figure; content that opens with a sentence or a table
    ("FZ605", att(A1, "  - 标题: 2023年度重大行政决策事项目录\n")),
    ("FZ605", att("      - " + A1_P1, "      - 附件材料由各承办单位报送，县司法局汇总。\n      - " + A1_P1)),
    ("FZ605", att("      - " + A1_P1, "      - 县政府确定的重大行政决策事项\n      - " + A1_P1)),
    # cells are data: numbers with signs and percentages, other years, dates
    ("FZ401", ATT),
    ("FZ304", att("[1, 青山县国土空间总体规划", "[1, 2021年青山县国土空间总体规划")),
    ("FZ304", att(A1_P1, "2024年，县政府将按目录推进各项决策事项。")),    # an 附件 may speak of next year's plans
    ("FZ304", att("标题: 2023年行政执法案件统计表", "标题: 2022年、2023年行政执法案件对比表")),
    ("FZ407", ATT),
    ("FZ110", ATT),
    ("FZ702", att('"12.8%"]', '"+112.8%"]')),
    ("FZ119", ATT),
]

test_fires, test_silent = table_tests(FIRES, SILENT)


def test_a_cell_of_a_csv_file_is_told_at_its_line_there(tmp_path):
    """A cell read from ``来自: 文件.csv`` is a line of that file: the finding names it, and --fix
    (which edits the YAML) leaves it to the clerk."""
    csv = "年度,行政复议收案(件),败诉（件）\r\n2022年,86,3\r\n2023年,92,2\r\n".encode("gbk")
    (tmp_path / "复议.csv").write_bytes(csv)
    text = textwrap.dedent(BASE).lstrip("\n").replace(
        P1 + "\n", P1 + "\n          - 表格:\n              标题: 行政复议案件数\n              来自: 复议.csv\n")
    src = tmp_path / "r.yaml"
    src.write_text(text, encoding="utf-8")
    ds = [d for d in check_file(src).diagnostics if d.code == "FZ401"]
    assert [(d.file, d.line, d.where) for d in ds] == [
        (str(tmp_path / "复议.csv"), 1, "第一部分 › 第（一）项 › 第1个表格 › 表头第2格")], [d.format() for d in ds]
    assert "这一格读自 CSV 文件" in ds[0].message and "drafter check --fix" not in ds[0].message
    assert ds[0].fix is None


def test_fix_corrects_a_cell_and_an_attachment_paragraph_in_place(tmp_path):
    """--fix edits a cell of a flow list and a paragraph of an 附件 where they are written."""
    from drafter.fix import fix_file

    text = att("[县交通运输局, 348", "[县交通运输局(执法支队), 348")
    text = text.replace(A1_P1, A1_P1.replace("，县政府", ",县政府"))
    src = tmp_path / "r.yaml"
    src.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    res = fix_file(src)
    assert res.changed, res
    fixed = src.read_text(encoding="utf-8")
    assert "[县交通运输局（执法支队）, 348" in fixed and A1_P1 in fixed
    assert [d.code for d in run(fixed) if d.code == "FZ401"] == []


def test_in_a_word_file_fz605_speaks_of_the_document():
    """Under inspect (a Word file, medium "docx") the 附件 the text points at is to be added to the
    document, not to a YAML list; and a missing 附件说明 is not claimed (the reading of the file's tail
    may have missed it)."""
    from drafter.loader import load_text
    from drafter.rules import Context
    from drafter.rules.attachments import attachment_agreement

    def findings(text, medium):
        report = load_text(textwrap.dedent(text).lstrip("\n"), "t.yaml").report
        return [f.message for f in attachment_agreement(Context(report, None, medium=medium))]

    assert findings(REFS, "docx") == [] and len(findings(REFS, "yaml")) == 1
    [msg] = findings(REFS + ANNEX, "docx")
    assert "提到了附件3，但附件说明只列出了 2 个附件" in msg and "补上这一附件（附件说明中的名称和附件页）" in msg
    assert "“附件”中" not in msg
