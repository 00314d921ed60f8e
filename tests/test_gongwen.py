"""Issue 22: the second kind, 通用公文 (templates/gongwen) — any 公文 a clerk drafts (通知, 请示, 函 …).

It is data: kind.yaml (no required parts, 年度 the year of issue), text.j2 (no default title or 结束语),
scaffold.yaml.j2 (what ``drafter new --kind 通用公文`` writes).  The rules that only make sense for the
annual report say so with ``kinds=`` and do not run on it; the levels may be numbered as the document
has them (格式.层次序号).
"""
from __future__ import annotations

import textwrap

import docx
import pytest

from conftest import run_cli
from drafter.check import check_loaded
from drafter.loader import load_text

NOTICE = """
报告类型: 通用公文
发文机关: 云溪县人民政府办公室
年度: 2025
版头: 文件
发文字号: 云政办发〔2025〕7号
主送机关: [各乡镇人民政府, 县政府各部门]
标题: 云溪县人民政府办公室关于做好行政规范性文件清理工作的通知
正文:
  - 标题: 清理范围
    内容:
      - 县政府及各部门制定的现行有效的行政规范性文件。
  - 标题: 清理要求
    内容:
      - 标题: 逐件审查。
        内容:
          - 各单位要对本单位制定的文件逐件审查。
      - 标题: 按时报送。
        内容:
          - 请于2025年6月30日前将清理结果报县司法局。
结束语: 特此通知。
署名: [云溪县人民政府办公室]
成文日期: 2025年6月2日
"""


def load(text: str):
    loaded = load_text(textwrap.dedent(text).lstrip("\n"), "t.yaml")
    assert loaded.report is not None, [d.format() for d in loaded.diagnostics]
    return loaded


def diags(text: str):
    return check_loaded(load(text)).diagnostics


def texts(report) -> list[str]:
    from drafter.api import to_document

    return [p.text for p in to_document(report).paragraphs if p.text.strip()]


def test_the_kind_is_data_beside_the_report():
    from drafter.kinds import all_kinds, get_kind

    k = get_kind("通用公文")
    assert set(all_kinds()) == {"fzzf", "gongwen"}
    assert (k.id, k.parts, k.annual, k.noun) == ("gongwen", (), False, "公文")
    for d in ("kind.yaml", "text.j2", "scaffold.yaml.j2"):
        assert (k.directory / d).is_file()
    # a clerk may name it by the 文种 at hand
    assert get_kind("通知") is k and get_kind("请示") is k and get_kind("函") is k
    assert get_kind().id == "fzzf" and get_kind().annual


def test_a_notice_checks_clean_and_prints_its_own_words():
    ds = diags(NOTICE)
    assert [d.format() for d in ds] == []
    out = texts(load(NOTICE).report)
    assert out[:3] == ["云政办发〔2025〕7号", "云溪县人民政府办公室\n关于做好行政规范性文件清理工作的通知",
                       "各乡镇人民政府，县政府各部门："]
    assert out[3:9] == ["一、清理范围", "县政府及各部门制定的现行有效的行政规范性文件。", "二、清理要求",
                        "（一）逐件审查。", "各单位要对本单位制定的文件逐件审查。", "（二）按时报送。"]
    assert "特此通知。" in out and "特此报告。" not in out


def test_report_only_rules_do_not_run_on_a_gongwen():
    """The same text as an annual report trips the report's rules: year in the title (FZ301), the
    导语 (FZ114), the required parts (FZ101), the date window (FZ108), the 签发人 of a 上行文 (FZ205);
    as a 通用公文 none of them runs — through ``kinds=``, not special cases."""
    from drafter.kinds import get_kind
    from drafter.rules import Settings, active_rules, load_all

    as_report = NOTICE.replace("报告类型: 通用公文\n", "")
    fired = {d.code for d in diags(as_report)}
    assert {"FZ101", "FZ108", "FZ114", "FZ205", "FZ301"} <= fired, fired
    assert not {d.code for d in diags(NOTICE)}
    report_only = {c for c, r in load_all().items() if r.kinds == ("fzzf",)}
    assert {"FZ101", "FZ102", "FZ103", "FZ104", "FZ106", "FZ108", "FZ109", "FZ111", "FZ114", "FZ201", "FZ202",
            "FZ203", "FZ206", "FZ301", "FZ302", "FZ303", "FZ304", "FZ305"} == report_only
    running = {r.code for r in active_rules(Settings(), get_kind("通用公文"))}
    assert not running & report_only and {"FZ110", "FZ112", "FZ124", "FZ401", "FZ501", "FZ603"} <= running


def test_a_gongwen_without_a_title_is_told_FZ124():
    ds = [d for d in diags(NOTICE.replace("标题: 云溪县人民政府办公室关于做好行政规范性文件清理工作的通知\n", ""))
          if d.code == "FZ124"]
    assert len(ds) == 1 and ds[0].severity == "error" and "没有标题" in ds[0].message and ds[0].line == 2
    # nothing printed in its place
    report = load(NOTICE.replace("标题: 云溪县人民政府办公室关于做好行政规范性文件清理工作的通知\n", "")).report
    assert texts(report)[1] == "各乡镇人民政府，县政府各部门："
    # the annual report makes its title from 发文机关 and 年度: no FZ124
    report_text = NOTICE.replace("报告类型: 通用公文\n", "").replace(
        "标题: 云溪县人民政府办公室关于做好行政规范性文件清理工作的通知\n", "")
    assert "FZ124" not in {d.code for d in diags(report_text)}


def test_closing_left_out_is_the_kinds_own():
    no_closing = NOTICE.replace("结束语: 特此通知。\n", "")
    assert not [t for t in texts(load(no_closing).report) if t.startswith("特此")]
    as_report = no_closing.replace("报告类型: 通用公文\n", "")
    assert "特此报告。" in texts(load(as_report).report)
    assert "特此报告。" not in texts(load(as_report + "结束语: 无\n").report)


@pytest.mark.parametrize("written,shown", [("[一、, 1.]", ["一、", "1."]), ("[一、, （一）, 1., （1）]", None),
                                           ("[1.]", ["1."]), ("[（一）, (1)]", ["（一）", "（1）"])])
def test_levels_numbered_as_the_document_has_them(written, shown):
    text = NOTICE + f"格式:\n  层次序号: {written}\n"
    report = load(text).report
    out = texts(report)
    first, sub = (shown or ["一、", "（一）"])[0], (shown or ["一、", "（一）"])[1] if len(shown or "ab") > 1 else None
    numbers = {"一、": ("一、", "二、"), "（一）": ("（一）", "（二）"), "1.": ("1.", "2."), "（1）": ("（1）", "（2）")}
    assert out[3] == numbers[first][0] + "清理范围" and out[5] == numbers[first][1] + "清理要求"
    if sub:
        assert out[6] == numbers[sub][0] + "逐件审查。"
    else:
        assert out[6] == numbers["（一）" if first == "一、" else "（1）"][0] + "逐件审查。"
    assert not [d for d in diags(text) if d.severity == "error"]


def test_levels_take_the_font_of_their_numbering():
    """A "1." heading under "一、" (the （一） level skipped) is set as the standard's 1. level (仿宋,
    drafter's third heading style), not as a second level (楷体)."""
    from drafter.api import to_document

    doc = to_document(load(NOTICE + "格式:\n  层次序号: [一、, 1.]\n").report)
    styles = {p.text: p.style.name for p in doc.paragraphs if p.text.strip()}
    assert "三级" in styles["1.逐件审查。"], styles
    assert "一级" in styles["一、清理范围"]


@pytest.mark.parametrize("written", ["[1., 一、]", "[一、, 一、]", "[甲、]", "[]"])
def test_levels_written_wrong_are_explained(written):
    loaded = load_text(textwrap.dedent(NOTICE).lstrip("\n") + f"格式:\n  层次序号: {written}\n", "t.yaml")
    assert loaded.report is None
    (d,) = loaded.diagnostics
    assert d.code == "FZ029" and "层次序号" in d.message and ("顺序" in d.message or "之一" in d.message), d.format()


def test_levels_deeper_than_the_numbering_allows_are_FZ113():
    deep = NOTICE.replace("          - 各单位要对本单位制定的文件逐件审查。\n",
                          "          - 标题: 第三层\n            内容:\n              - 标题: 第四层\n"
                          "                内容: [正文]\n")
    assert "FZ113" not in {d.code for d in diags(deep)}                  # 一、（一）1.: three of four
    ds = [d for d in diags(deep + "格式:\n  层次序号: [一、, 1.]\n") if d.code == "FZ113"]
    assert len(ds) == 1 and "一、1." in ds[0].message                    # 一、1.（1）and no fourth


def test_a_part_named_in_a_gongwen_is_told_FZ105():
    ds = [d for d in diags(NOTICE.replace("  - 标题: 清理范围\n", "  - 部分: 一\n    标题: 清理范围\n"))
          if d.code == "FZ105"]
    assert len(ds) == 1 and "通用公文没有必备部分" in ds[0].message


def test_empty_section_of_a_gongwen_is_FZ119_and_a_list_of_points_is_not():
    empty = NOTICE.replace("    内容:\n      - 县政府及各部门制定的现行有效的行政规范性文件。\n", "")
    ds = [d for d in diags(empty) if d.code in ("FZ104", "FZ119")]
    assert [(d.code, d.severity) for d in ds] == [("FZ119", "warning")] and "清理范围" in ds[0].message
    points = """
    报告类型: 通用公文
    发文机关: 云溪县人民政府
    年度: 2025
    标题: 云溪县人民政府关于调整防汛工作领导小组成员的通知
    正文:
      - 标题: 领导小组组长由县长担任。
      - 标题: 领导小组办公室设在县应急管理局。
    成文日期: 2025年5月6日
    """
    assert not [d for d in diags(points) if d.code in ("FZ104", "FZ119")]


def test_upward_gongwen_in_the_file_format_wants_its_signer_FZ205():
    qingshi = NOTICE.replace("关于做好行政规范性文件清理工作的通知", "关于申请专项资金的请示")
    assert "FZ205" in {d.code for d in diags(qingshi)}
    assert "FZ205" not in {d.code for d in diags(NOTICE)}                      # a 通知 goes down
    assert "FZ205" not in {d.code for d in diags(qingshi.replace("版头: 文件", "版头: 文件\n签发人: 王建国"))}


def test_doc_number_year_follows_the_date_of_a_gongwen_FZ306():
    """A 公文 reports on no year: its 发文字号's year is its date's (an annual report is judged against
    年度 when its date does not fit the year)."""
    assert "FZ306" not in {d.code for d in diags(NOTICE)}
    ds = [d for d in diags(NOTICE.replace("〔2025〕", "〔2024〕")) if d.code == "FZ306"]
    assert len(ds) == 1 and "2025" in ds[0].message


def test_new_scaffold_of_a_gongwen(tmp_path):
    r = run_cli("new", tmp_path / "通知.yaml", "--org", "云溪县司法局", "--year", "2025", "--kind", "通用公文",
                "--header", "文件")
    assert r.code == 0, r
    text = (tmp_path / "通知.yaml").read_text(encoding="utf-8")
    assert "报告类型: 通用公文" in text and "drafter format" in text
    chk = run_cli("check", tmp_path / "通知.yaml")
    assert chk.code == 1 and "FZ110" in chk.text and "FZ101" not in chk.text
    filled = (text.replace("【请填写：如 某政发〔2025〕1号】", "云司发〔2025〕2号")
              .replace("- 【请填写：如 各乡镇人民政府，或删除此项】", "- 各乡镇司法所")
              .replace("标题: 【请填写：如 云溪县司法局关于……的通知】", "标题: 云溪县司法局关于开展普法宣传的通知")
              .replace("  【请填写：开头一段，说明发文的缘由，如“为……，现将有关事项通知如下：”】", "  为加强普法，现通知如下：")
              .replace("- 标题: 【请填写：第一项的标题】", "- 标题: 宣传内容")
              .replace("- 标题: 【请填写：第二项的标题】", "- 标题: 工作要求")
              .replace("        【请填写】", "        按要求开展。")
              .replace("结束语: 【请填写：如 特此通知。；没有结束语时写 无】", "结束语: 特此通知。")
              .replace("成文日期:           # 【请填写：如 2025年1月20日】", "成文日期: 2025年3月2日"))
    (tmp_path / "通知.yaml").write_text(filled, encoding="utf-8")
    chk = run_cli("check", tmp_path / "通知.yaml")
    assert chk.code == 0 and ("0 个错误" in chk.text or "没有发现问题" in chk.text), chk
    r = run_cli("render", tmp_path / "通知.yaml")
    assert r.code == 0, r
    out = [p.text for p in docx.Document(str(tmp_path / "通知.docx")).paragraphs if p.text.strip()]
    assert "一、宣传内容" in out and "二、工作要求" in out and out[-2:] == ["云溪县司法局", "2025年3月2日"]


def test_an_empty_org_is_FZ125_not_a_crash():
    """发文机关: "" (a fuzzing find on the way: FZ122 divided by the 标志's width, 0)."""
    for header in ("函", "文件", "无"):
        text = NOTICE.replace("发文机关: 云溪县人民政府办公室", '发文机关: ""').replace("版头: 文件", f"版头: {header}")
        ds = diags(text)
        assert [(d.code, d.severity, d.line) for d in ds if d.code == "FZ125"] == [("FZ125", "error", 2)], ds
        assert "FZ099" not in {d.code for d in ds}
    assert "FZ125" not in {d.code for d in diags(NOTICE)}
