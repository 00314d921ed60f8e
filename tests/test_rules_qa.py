"""Gaps found in QA: 发文字号 variants, empty and duplicated headings/paragraphs, "汇报" in the title,
spaces that separate items, FZ306 against FZ108, a half-width "." ending a sentence, hand-typed
numbering variants.  Every test checks the real report text (and, for fixes, the file written back)."""
from __future__ import annotations

import pytest

from conftest import run_cli
from drafter.fix import fix_file
from drafter.rules.punctuation import apply_edits, space_runs, width_edits
from test_rules_base import BASE, P1, check_fires, check_silent, para, run

DN = "青政函〔2024〕3号"           # line 5; the value starts at column 7
HEAD = "      - 标题: 健全依法决策机制。\n"      # line 12 of BASE


def dn(value: str) -> str:
    return BASE.replace(DN, value)


def fixed(tmp_path, text: str, name: str = "r.yaml") -> str:
    """``text`` after drafter check --fix."""
    p = tmp_path / name
    p.write_text(text.lstrip("\n"), encoding="utf-8")
    fix_file(p)
    return p.read_text(encoding="utf-8")


def codes(text: str) -> list[tuple[str, int, int | None]]:
    return [(d.code, d.line, d.col) for d in run(text)]


# --- 1, 2: 发文字号 with ﹝﹞, spaces, full-width digits ---------------------------------------
@pytest.mark.parametrize("typed,col,fragment", [
    ("青政函﹝2024﹞3号", 10, "年份用了“﹝﹞”，应用六角括号〔〕，写成“青政函〔2024〕3号”"),
    ("青政函 〔2024〕 3号", 10, "中间有空格，应删去，写成“青政函〔2024〕3号”"),
    ("青政函〔2024〕3 号", 17, "中间有空格，应删去"),
    ("青政函〔２０２４〕３号", 11, "数字“２０２４”“３”是全角的，应用半角阿拉伯数字，写成“青政函〔2024〕3号”"),
    ("青政函　〔2024〕3号", 10, "中间有空格"),                     # an ideographic space
])
def test_doc_number_variants_are_named_and_fixed(tmp_path, typed, col, fragment):
    ds = check_fires("FZ501", dn(typed), [(5, col)], fragment)
    assert ds[0].severity == "error" and "drafter check --fix" in ds[0].message
    assert [d.code for d in run(dn(typed))] == ["FZ501"]      # FZ306/FZ502/FZ503 read it as 2024, 3
    assert f"发文字号: {DN}\n" in fixed(tmp_path, dn(typed))


def test_doc_number_several_slips_one_finding(tmp_path):
    ds = [d for d in run(dn("青政函﹝２０２４﹞ 3号")) if d.code == "FZ501"]
    assert len(ds) == 1 and ds[0].col == 10
    assert "“﹝﹞”" in ds[0].message and "空格" in ds[0].message and "“２０２４”" in ds[0].message
    assert f"发文字号: {DN}\n" in fixed(tmp_path, dn("青政函﹝２０２４﹞ 3号"))
    # 第 and a leading 0 are FZ503's (no fix): the FZ501 fix keeps them
    assert "发文字号: 青政函〔2024〕第03号\n" in fixed(tmp_path, dn("青政函 〔2024〕第０３号"))
    assert ("FZ503", 5, 16) in codes(dn("青政函〔2024〕０３号"))


def test_correct_doc_numbers_stay_silent():
    for good in (DN, "新政函〔2024〕15号"):
        check_silent("FZ501", dn(good))


# --- 3: headings without text, headings without content ---------------------------------------
EMPTY_TITLE = BASE.replace(HEAD, '      - 标题: ""\n        内容:\n          - 一段文字，写在空标题下。\n' + HEAD)
NO_CONTENT = BASE.replace(HEAD, "      - 标题: 空的小标题\n" + HEAD)


def test_empty_heading_is_an_error_at_its_line():
    ds = check_fires("FZ118", EMPTY_TITLE, [(12, 9)], "只会印出一个孤零零的序号“（一）”")
    assert ds[0].severity == "error"
    ds = check_fires("FZ118", BASE.replace("健全依法决策机制。", "'  '"), [(12, 9)], "小标题是空的")
    # a level-3 heading: its own marker
    nested = BASE.replace("          - |\n", '          - 标题: ""\n            内容: [有内容。]\n          - |\n')
    check_fires("FZ118", nested, [(14, 13)], "“1.”")
    # a section 标题 of spaces prints "一、" alone; an empty one takes the standard heading
    sec = BASE.replace("  - 部分: 一\n", "  - 部分: 一\n    标题: '　'\n")
    check_fires("FZ118", sec, [(11, 5)], "这一节的标题是空的")
    check_silent("FZ118", BASE.replace("  - 部分: 一\n", "  - 部分: 一\n    标题: ''\n"))
    check_silent("FZ118", BASE)


def test_heading_without_content_is_a_warning():
    ds = check_fires("FZ119", NO_CONTENT, [(12, 9)], "小标题“空的小标题”下面没有内容")
    assert ds[0].severity == "warning"
    check_fires("FZ119", BASE.replace(HEAD, "      - 标题: 空的小标题\n        内容: []\n" + HEAD), [(12, 9)], "没有内容")
    check_silent("FZ119", BASE)
    check_silent("FZ119", EMPTY_TITLE)                  # FZ118's, not repeated
    assert {d.code for d in run(EMPTY_TITLE)} == {"FZ118"}
    # a list of points (part 四 as plans are often written): sibling 小标题, each a sentence, none with text
    first = HEAD + "        内容:\n          - |\n            " + P1 + "\n"
    points = "      - 标题: 持续深化学习宣传贯彻习近平法治思想。\n      - 标题: 全面提升依法行政能力。\n"
    check_silent("FZ119", BASE.replace(first, points))
    # one of them without its sentence mark: headings left without their text
    check_fires("FZ119", BASE.replace(first, points.replace("能力。", "能力")), [(12, 9), (13, 9)], "没有内容")


# --- 4: duplicate headings and paragraphs -----------------------------------------------------
def test_duplicate_heading_names_the_first():
    # lines: 12 the first heading (its final "。" left off), 14 the pasted one
    dup = BASE.replace(HEAD, "      - 标题: 健全依法决策机制\n        内容: [另一段文字，内容不同。]\n" + HEAD, 1)
    ds = check_fires("FZ120", dup, [(14, 9)], "小标题“健全依法决策机制。”与第12行的小标题重复")
    assert ds[0].severity == "warning"
    # the same heading under two different parents ("1. 主要做法" under each （一）) is fine
    nested = "          - 标题: 主要做法\n            内容: [做法一。]\n"
    two = BASE.replace("          - |\n", nested + "          - |\n")
    two = two.replace("  - 部分: 二\n", "      - 标题: 加强执法监督。\n        内容:\n" + nested + "  - 部分: 二\n")
    check_silent("FZ120", two)
    check_silent("FZ120", BASE)


def test_duplicate_paragraph_names_the_first():
    text = para(P1 + "\n          - " + P1.rstrip("。") + " 。")
    ds = check_fires("FZ120", text, [(16, 13)], "这一段与第15行的一段完全相同")
    assert ds[0].severity == "warning"
    # short paragraphs ("无") repeat legitimately
    check_silent("FZ120", BASE.replace("      - 无\n", "      - 无\n      - 无\n"))
    # a whole section pasted twice is FZ107's alone
    four = "  - 部分: 四\n    内容:\n      - 2024年，我县将重点抓好行政复议体制改革和法治宣传教育两项工作。\n"
    assert four in BASE
    assert {d.code for d in run(BASE.replace(four, four + four))} == {"FZ107"}


# --- 5: "汇报" in the title ---------------------------------------------------------------------
def test_huibao_in_title():
    title = "年度: 2023\n标题: 青山县人民政府关于2023年度法治政府建设情况的汇报\n"
    ds = check_fires("FZ801", BASE.replace("年度: 2023\n", title), [(4, 29)],
                     "标题末尾的“汇报”应为“报告”")
    assert "请改为“青山县人民政府关于2023年度法治政府建设情况的报告”" in ds[0].message
    check_silent("FZ801", BASE.replace("年度: 2023\n", "年度: 2023\n标题: 青山县人民政府关于2023年度法治政府建设情况的报告\n"))


# --- 6: spaces that separate two items ----------------------------------------------------------
NOTE = "成文日期: 2024年1月20日\n附注: （联系人：李明　　联系电话：0571-88881234）\n"


def test_separator_spaces_are_flagged_without_a_fix(tmp_path):
    text = BASE.replace("成文日期: 2024年1月20日\n", NOTE)
    ds = check_fires("FZ405", text, [(29, 12)], "中用空格隔开了两项内容；请改用“，”或“；”分隔")
    assert ds[0].fix is None
    assert "联系人：李明　　联系电话" in fixed(tmp_path, text)          # --fix never joins the items
    # a table row typed as a paragraph: its single spaces separate cells
    row = para("执法部门　案件数")
    ds = check_fires("FZ405", row, [(15, 17)], "“执法部门　案件数”中用空格隔开了两项内容")
    assert ds[0].fix is None and "执法部门　案件数" in fixed(tmp_path, row, "row.yaml")


def test_stray_spaces_are_still_fixed(tmp_path):
    text = para("坚持依法 行政，推进法治。联系人：李明　　联系电话：123。")
    ds = [d for d in run(text) if d.code == "FZ405"]
    assert [(d.col, d.fix is not None) for d in ds] == [(17, True), (32, False)]
    out = fixed(tmp_path, text)
    assert "坚持依法行政，推进法治。联系人：李明　　联系电话：123。" in out
    s = "完成。　　二是"           # next to a mark nothing is joined wrongly: deleted
    assert space_runs(s) == ([(3, 5, "")], [])


# --- 7: FZ306 stays out of a 成文日期 that FZ108 questions ----------------------------------------
def test_doc_number_year_defers_to_an_implausible_date():
    wrong_date = dn("青政函〔2024〕3号").replace("成文日期: 2024年1月20日", "成文日期: 2023年1月20日")
    assert [c for c, *_ in codes(wrong_date)] == ["FZ108"]
    # a date that fits 年度: the number is judged against it, as before
    check_fires("FZ306", dn("青政函〔2023〕3号"), [(5, 11)], "请改为“〔2024〕”")
    # an implausible date and a number that fits neither: judged against 年度
    both = dn("青政函〔2022〕3号").replace("成文日期: 2024年1月20日", "成文日期: 2022年1月20日")
    ds = check_fires("FZ306", both, [(5, 11)], "年度却是2023年")
    assert "成文日期却是" not in ds[0].message


# --- 8: a half-width "." ending a Chinese sentence ------------------------------------------------
def test_half_width_period_fires_and_is_fixed(tmp_path):
    text = para("组织执法人员培训4期，效果良好.下一步继续推进. 另有（共120人次）.")
    ds = check_fires("FZ401", text, [(15, 28)], "有 3 处半角标点（.），如“效果良好.下一步继”中的“.”应为“。”")
    out = fixed(tmp_path, text)
    assert "组织执法人员培训4期，效果良好。下一步继续推进。另有（共120人次）。\n" in out


def test_half_width_period_leaves_numbers_and_addresses_alone():
    for s in ("通过率97.1%，较上年提高2.5个百分点。", "1.全面推行三项制度。", "采用GB/T 9704-2012 v2.1版本。",
              "网址www.gov.cn，邮箱fzb@qingshan.gov.cn。", "详见青山县政府.中国。", "等等...", "增长2.5%.",
              "参照《条例》第3.2条，Mr. Li 参加。", "以“3.15”为契机。"):
        assert width_edits(s) == [], s
        check_silent("FZ401", para(s))
    # a title or heading ending with "." is FZ407's (deleted), not "。"
    assert width_edits("健全依法决策机制.", final_period=False) == []
    assert apply_edits("机制.健全", width_edits("机制.健全", final_period=False)) == "机制。健全"


# --- 9: numbering variants typed by hand --------------------------------------------------------
@pytest.mark.parametrize("typed,num", [("一 、", "一 、"), ("1 .", "1 ."), ("1)", "1)"), ("Ⅰ.", "Ⅰ."),
                                       ("II.", "II."), ("１．", "１．"), ("⑴", "⑴")])
def test_hand_numbering_variants(typed, num):
    ds = check_fires("FZ603", BASE.replace("标题: 健全依法决策机制。", f"标题: {typed}健全依法决策机制。"),
                     [(12, 13)], f"标题前的“{num}”是手写的序号")
    assert ds[0].severity == "error"


def test_hand_numbering_variants_leave_text_alone():
    for s in ("Ⅲ类水质达标率100%。", "1.5万元用于普法。", "2024年全县共办理案件。", "X光机1台。", "IV级响应已解除。"):
        check_silent("FZ604", para(s))


def test_new_rules_are_listed():
    r = run_cli("rules")
    assert r.code == 0
    for line in ("FZ118  错误  标题是空的", "FZ119  警告  小标题下面没有内容", "FZ120  警告  小标题或段落重复"):
        assert line in r.out, r.out
