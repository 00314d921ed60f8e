"""FZ3xx: years and dates — the report copied from last year."""
from __future__ import annotations

import shutil
import textwrap

from conftest import ROOT, run_cli
from drafter.check import check_file
from test_rules_base import BASE, INTRO, P4, para, run, table_tests

TITLE = "主送机关: [青原市人民政府]\n"


def title(t: str) -> str:
    return BASE.replace(TITLE, f"标题: {t}\n" + TITLE)


def heading(part: str, h: str) -> str:
    return BASE.replace(f"  - 部分: {part}\n", f"  - 部分: {part}\n    标题: {h}\n")


# yufa-2023's own sentences (a 2023 report) with every year the rule must leave alone
YUFA_YEARS = ("根据区司法局《关于开展2023年度第一次行政处罚案件自行评查工作的通知》相关工作要求，对我镇2021年1月1日"
              "至2023年6月1日期间的案卷进行自行评查，学习《北京市法治政府建设实施意见》（2021-2025年）等内容。")
OTHER_YEARS = ("案件量较2022年增长10%，与2022年同期相比下降。2022年12月，我县启动试点。2021—2023年连续三年获评"
               "“2022年度法治政府建设示范县”，完成《2022年工作要点》。2021年至2022年间共调解纠纷30件。")

FIRES = [
    ("FZ301", title("青山县人民政府关于2022年度法治政府建设情况的报告"), [(6, 14)], "标题中写的是2022年，而年度是2023年"),
    ("FZ301", title("青山县人民政府关于法治政府建设情况的报告"), [(6, 1)], "标题中没有年份"),
    # next year without the year reported on, or not about plans: still the wrong year
    ("FZ301", title("青山县人民政府关于2024年度工作安排的报告"), [(6, 14)], "标题中写的是2024年"),
    ("FZ301", title("青山县人民政府关于2023年度和2024年度法治政府建设情况的报告"), [(6, 21)], "标题中写的是2024年"),
    ("FZ302", heading("二", "2022年度推进法治政府建设存在的不足和原因"), [(17, 9)], "写的是2022年，应为2023年"),
    ("FZ302", heading("四", "2023年度推进法治政府建设的主要安排"), [(23, 9)], "第四部分（下一年度的安排）标题中写的是2023年，应为2024年"),
    ("FZ303", BASE.replace("现将2023年度", "现将2022年度"), [(8, 46)], "中写的是2022年，而年度是2023年"),
    # "2022年，我县……" opening a paragraph of a 2023 report; "2022年共调解" carrying a year's total
    ("FZ304", para("2022年，我县共办理行政复议案件12件。"), [(15, 13)], "年度是2023年、这里写的是2022年"),
    ("FZ304", para("调解工作扎实推进，2022年共调解纠纷56件。"), [(15, 22)], "请改为“2023年”"),
    ("FZ304", BASE.replace(INTRO, "2022年以来，青山县全面推进依法行政。现将有关情况报告如下："), [(8, 3)], "这里写的是2022年"),
    ("FZ304", para("2023年，我县将继续深化行政执法体制改革。", P4), [(24, 9)], "第四部分写的是下一年度（2024年）的安排"),
    ("FZ305", BASE.replace("2024年1月20日", "2024年3月5日"), [(28, 1)], "晚于报送期限2024年3月1日"),
    ("FZ305", BASE + "检查:\n  报送期限: 三月\n", [(30, 3)], "报送期限“三月”不是有效的日期；请写成“03-01”"),
    ("FZ305", BASE + "检查:\n  公开期限: 02-30\n", [(30, 3)], "公开期限“02-30”不是有效的日期"),
    ("FZ305", BASE.replace("2024年1月20日", "2024年4月8日"), [(28, 1)], "也晚于公开期限4月1日"),
    ("FZ306", BASE.replace("青政函〔2024〕3号", "青政函〔2023〕3号"), [(5, 11)], "年份是2023年，成文日期却是2024年"),
]

SILENT = [
    ("FZ301", BASE),                                                     # the default title has the year
    ("FZ301", title("青山县人民政府关于2023年度法治政府建设情况的报告")),
    # the next year's plans named beside the year reported on (part 四 is in every report)
    ("FZ301", title("青山县人民政府关于2023年度法治政府建设工作开展情况和2024年度工作安排的报告")),
    ("FZ302", BASE),
    ("FZ302", heading("一", "2023年法治政府建设主要举措和成效")),           # daxing-2023's headings
    ("FZ302", heading("四", "2024年度推进法治政府建设的工作思路")),
    ("FZ303", BASE.replace("现将2023年度法治政府建设情况", "现将有关情况")),
    ("FZ304", para(YUFA_YEARS)),
    ("FZ304", para(OTHER_YEARS)),
    ("FZ304", para("2023年，我县共办理案件5件。2024年，我县将重点抓好两项工作。", P4)),   # part 四 looking back
    ("FZ304", para("2023年，榆垡镇组织开展5次专题法治党委理论中心组学法。")),
    ("FZ304", para("2021年以来，全县累计办理行政复议案件120件。")),
    ("FZ305", BASE.replace("2024年1月20日", "2024年2月29日")),
    ("FZ305", BASE.replace("2024年1月20日", "2024年3月5日") + "检查:\n  报送期限: \"04-01\"\n"),
    ("FZ306", BASE),
    ("FZ306", BASE.replace("成文日期: 2024年1月20日\n", "")),               # no date: 年度+1 is fine
]


test_fires, test_silent = table_tests(FIRES, SILENT)


def test_year_findings_name_both_years():
    for code, text, _, _ in FIRES:
        if code in ("FZ301", "FZ302", "FZ303", "FZ304", "FZ306"):
            for d in (d for d in run(text) if d.code == code and "没有年份" not in d.message):
                years = {y for y in ("2022年", "2023年", "2024年") if y in d.message}
                assert len(years) >= 2, d.message


def test_wrong_title_year_is_an_error_missing_year_a_warning():
    sev = {d.message[:8]: d.severity for d in run(title("青山县人民政府关于2022年度法治政府建设情况的报告"))}
    assert list(sev.values()) == ["error"]
    assert [d.severity for d in run(title("青山县人民政府关于法治政府建设情况的报告"))] == ["warning"]


def test_heading_checked_as_printed_and_reported_at_the_section(tmp_path):
    """A default heading comes from the template: with a template that prints last year, the finding
    points at the section (there is no written heading)."""
    tdir = tmp_path / "tpl"
    shutil.copytree(ROOT / "templates" / "fzzf", tdir)
    j2 = tdir / "text.j2"
    j2.write_text(j2.read_text(encoding="utf-8").replace(
        "{{ year }}年度推进法治政府建设存在的不足和原因", "{{ year - 1 }}年度推进法治政府建设存在的不足和原因").replace(
        "{{ org }}{{ year }}年法治政府建设年度情况报告", "{{ org }}法治政府建设年度情况报告"), encoding="utf-8")
    text = BASE + f"格式:\n  模板目录: {tdir.as_posix()}\n"
    ds = [d for d in run(text) if d.code == "FZ302"]
    assert [(d.line, d.col) for d in ds] == [(16, 5)] and "默认标题中写的是2022年" in ds[0].message
    ds = [d for d in run(text) if d.code == "FZ301"]          # the printed title lacks the year
    assert [(d.line, d.severity) for d in ds] == [(1, "warning")] and "标题中没有年份" in ds[0].message


def test_deadline_from_config_file(tmp_path):
    src = tmp_path / "r.yaml"
    src.write_text(textwrap.dedent(BASE.replace("2024年1月20日", "2024年2月10日")).lstrip("\n"), encoding="utf-8")
    assert [d.code for d in check_file(src).diagnostics] == []
    (tmp_path / "drafter.toml").write_text('[check]\ndeadline = "02-01"\n', encoding="utf-8")
    ds = check_file(src).diagnostics
    assert [(d.code, d.line) for d in ds] == [("FZ305", 28)] and "2024年2月1日" in ds[0].message
    r = run_cli("check", src)
    assert r.code == 0 and "FZ305" in r.out
