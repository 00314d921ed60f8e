"""Issue 2: the model, YAML input, `drafter new`, `drafter check` (structure) and the schema."""
from __future__ import annotations

import json
import re
import textwrap

import pytest

from conftest import EXAMPLES, ROOT, example, run_cli
from drafter.check import check_file
from drafter.loader import load_file, load_text


def diags(text: str, select=("FZ0", "FZ1", "FZ5")):
    """Check a YAML text; structure rules only unless told otherwise."""
    from drafter.check import check_loaded

    loaded = load_text(textwrap.dedent(text).lstrip("\n"), "t.yaml")
    return check_loaded(loaded, select=select).diagnostics


def codes(ds, severity=None):
    return [(d.code, d.line) for d in ds if severity is None or d.severity == severity]


GOOD = """
发文机关: 青山县人民政府
年度: 2024
版头: 函
发文字号: 青政函〔2025〕3号
主送机关: [青原市人民政府]
导语: |
  2024年，青山县……现将有关情况报告如下：
正文:
  - 部分: 一
    内容:
      - 标题: 健全依法决策机制。
        内容:
          - 严格执行重大行政决策程序。
  - 部分: 二
    内容:
      - 基层执法力量仍显不足。
  - 部分: 三
    内容:
      - 县政府主要负责人认真履行推进法治建设第一责任人职责。
  - 部分: 四
    内容:
      - 2025年，我县将重点抓好三项工作。
  - 部分: 五
    内容:
      - 无
成文日期: 2025年1月20日
"""


# --- examples -------------------------------------------------------------------------------
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_load_and_have_no_structural_errors(path):
    res = check_file(path, select=["FZ0", "FZ1", "FZ5"])
    assert res.report is not None
    assert [d for d in res.diagnostics if d.severity == "error"] == []


def test_seed_examples_report_exactly_their_real_gaps():
    found = {}
    for name in ("yufa-2023", "xinle-2024-han", "daxing-2023", "short-complete"):
        res = check_file(example(name), select=["FZ0", "FZ1", "FZ5"])
        found[name] = sorted((d.code, d.severity, m.group(1) if (m := re.search(r"部分“([^”]+)”", d.message)) else "")
                             for d in res.diagnostics)
    # 新乐市 2024: no part of its own for 第一责任人 duties and no part 五 (declared, so warnings)
    assert found["xinle-2024-han"] == [
        ("FZ102", "warning", "党政主要负责人履行推进法治建设第一责任人职责情况"),
        ("FZ102", "warning", "其他需要报告的情况"),
    ]
    # 大兴区 2023: four parts, no part 五; published without 成文日期
    assert found["daxing-2023"] == [("FZ102", "warning", "其他需要报告的情况"), ("FZ112", "warning", "")]
    # 榆垡镇 2023: the canonical five parts; published without 成文日期
    assert found["yufa-2023"] == [("FZ112", "warning", "")]
    assert found["short-complete"] == []


def test_xinle_model_shape():
    r = load_file(example("xinle-2024-han")).report
    assert (r.org, r.year, r.header, r.doc_number) == ("新乐市人民政府", 2024, "函", "新政函〔2024〕5号")
    assert r.recipients == ["新乐市人大常委会"]
    assert [s.parts for s in r.sections] == [["一"], ["一"], ["一"], ["一"], ["二"], ["四"]]
    assert [s.no_heading for s in r.sections] == [False] * 4 + [True, True]
    assert str(r.date) == "2024-12-20"
    first = r.sections[0].content[0]
    assert first.heading == "持续深入学习宣传贯彻习近平法治思想。"
    assert first.content[0].startswith("市委、市政府持续发挥示范引领作用")


def test_missing_part_is_an_error_unless_declared():
    text = GOOD.replace("  - 部分: 五\n    内容:\n      - 无\n", "")
    ds = diags(text)
    assert [(d.code, d.severity) for d in ds] == [("FZ101", "error")]
    assert "第五部分“其他需要报告的情况”" in ds[0].message
    assert ds[0].line == 8          # the 正文 key
    ds = diags(text + "省略部分:\n  五: 无其他需要报告的情况\n")
    assert [(d.code, d.severity) for d in ds] == [("FZ102", "warning")]
    assert "无其他需要报告的情况" in ds[0].message and "第五部分" in ds[0].message


def test_part_order_and_unknown_part():
    text = GOOD.replace("  - 部分: 二\n", "  - 部分: 四x\n", 1)
    ds = diags(text)
    assert ("FZ105", 14) in codes(ds)
    swapped = GOOD.replace("部分: 三", "部分: TMP").replace("部分: 四", "部分: 三").replace("部分: TMP", "部分: 四")
    ds = diags(swapped)
    assert codes(ds) == [("FZ103", 20)]
    assert "第三部分" in ds[0].message and "顺序" in ds[0].message


def test_one_part_may_span_sections_and_headless_sections_are_not_numbered():
    text = GOOD.replace("  - 部分: 二\n", "  - 部分: 一\n    标题: 规范行政执法\n    内容: [全面推行三项制度。]\n  - 部分: 二\n    无标题: 是\n", 1)
    ds = diags(text)
    assert ds == []
    from drafter.compose import compose

    r = load_text(textwrap.dedent(text).lstrip("\n"), "t.yaml").report
    heads = [b.number + b.text for b in compose(r).blocks if type(b).__name__ == "Heading" and b.level == 1]
    assert heads == ["一、2024年度推进法治政府建设的主要举措和成效", "二、规范行政执法",
                     "三、党政主要负责人履行推进法治建设第一责任人职责情况",
                     "四、2025年度推进法治政府建设的主要安排", "五、其他需要报告的情况"]


def test_a_part_pasted_twice_is_an_error():
    four = "  - 部分: 四\n    内容:\n      - 2025年，我县将重点抓好三项工作。\n"
    assert four in GOOD
    ds = diags(GOOD.replace(four, four + four))            # copied block, lines 20-22 and 23-25
    assert codes(ds) == [("FZ107", 23)]
    assert "与正文第4节（第20行）完全相同" in ds[0].message and ds[0].where == "正文第5节"
    # same part, different text, both with the standard heading: "四、" would print twice
    ds = diags(GOOD.replace(four, four + four.replace("三项工作", "两项工作")))
    assert codes(ds) == [("FZ107", 23)]
    assert "第四部分“下一年度主要安排”已在正文第4节（第20行）写过" in ds[0].message
    # several sections of one part, each with its own heading (xinle files four under 一): fine
    ok = GOOD.replace(four, four + four.replace("  - 部分: 四\n", "  - 部分: 四\n    标题: 加强队伍建设\n"))
    assert diags(ok) == []
    # a continuation without a heading: fine
    assert diags(GOOD.replace(four, four + four.replace("  - 部分: 四\n", "  - 部分: 四\n    无标题: 是\n"))) == []


def test_places_are_named_by_part_only_where_that_is_unambiguous():
    from drafter.paths import describe

    r = load_text(textwrap.dedent(GOOD).lstrip("\n"), "t.yaml").report
    assert describe(("sections", 3, "content", 0), r) == "第四部分 › 第1段"
    xinle = load_file(ROOT / "examples" / "xinle-2024-han.yaml").report   # four sections serve part 一
    assert describe(("sections", 1, "heading"), xinle).startswith("正文第2节")
    assert describe(("sections", 4), xinle) == "正文第5节（无标题）"


def test_missing_date_example_fits_the_year_and_doc_number():
    no_date = GOOD.replace("成文日期: 2025年1月20日\n", "")
    ds = [d for d in diags(no_date) if d.code == "FZ112"]       # 年度 2024, 青政函〔2025〕3号
    assert len(ds) == 1 and "请写“成文日期: 2025年1月20日”" in ds[0].message
    ds = [d for d in diags(no_date.replace("〔2025〕", "〔2024〕")) if d.code == "FZ112"]
    assert "请写“成文日期: 2024年12月20日”" in ds[0].message
    ds = [d for d in diags(no_date.replace("年度: 2024", "年度: 2023").replace("〔2025〕", "〔2024〕"))
          if d.code == "FZ112"]
    assert "请写“成文日期: 2024年1月20日”" in ds[0].message
    # following the example raises no other finding
    for text in (no_date, no_date.replace("〔2025〕", "〔2024〕")):
        example_date = re.search(r"成文日期: (\S+?)”", [d for d in diags(text) if d.code == "FZ112"][0].message)[1]
        assert diags(text + f"成文日期: {example_date}\n", select=()) == [], example_date


def test_doc_number_without_a_header_is_not_printed_and_says_so():
    plain = GOOD.replace("版头: 函\n", "版头: 无\n")
    ds = [d for d in diags(plain) if d.code == "FZ121"]
    assert [(d.severity, d.line) for d in ds] == [("warning", 4)]
    assert "发文字号不会印出" in ds[0].message
    ds = [d for d in diags(plain.replace("版头: 无\n", "版头: 无\n发文机关标志: 青山县人民政府\n")) if d.code == "FZ121"]
    assert {m for d in ds for m in ("发文字号", "发文机关标志") if m + "不会印出" in d.message} == {"发文字号", "发文机关标志"}
    # a web copy prints no 版记 either (spec W6): 抄送/印发 are left out, and the clerk is told
    web = plain + "抄送: [青原市司法局]\n印发机关: 青山县人民政府办公室\n印发日期: 2025年1月20日\n"
    ds = [d for d in diags(web) if d.code == "FZ121"]
    assert {m for d in ds for m in ("抄送", "印发机关", "印发日期") if m + "不会印出" in d.message} == \
        {"抄送", "印发机关", "印发日期"}
    from drafter.compose import compose

    r = load_text(textwrap.dedent(web).lstrip("\n"), "t.yaml").report
    assert not [b for b in compose(r).blocks if type(b).__name__ == "Colophon"]
    r = load_text(textwrap.dedent(web.replace("版头: 无", "版头: 文件")).lstrip("\n"), "t.yaml").report
    assert [b.cc for b in compose(r).blocks if type(b).__name__ == "Colophon"] == ["抄送：青原市司法局。"]


def test_text_cut_by_a_comment_is_reported():
    para = "      - 基层执法力量仍显不足。\n"
    assert para in GOOD

    def fz116(line):
        return [(d.line, d.col, d.message) for d in diags(GOOD.replace(para, line), select=("FZ116",))]

    # a hashtag: YAML keeps "在微博发起" and drops the rest
    found = fz116("      - 在微博发起 #青山普法# 话题，阅读量达12万次。\n")
    assert [(ln, col) for ln, col, _ in found] == [(16, 14)]
    assert "“ #青山普法# 话题，阅读量”起被当作注释，没有进入报告" in found[0][2] and "全角“＃”" in found[0][2]
    assert fz116("      - 培训不足 #1，考核偏轻。\n")                          # "#1"
    (_, _, msg), = fz116("      - 2024年工作打算   #推进法治政府建设的主要安排\n")
    assert msg.startswith("“2024年工作打算”后面")                             # the year whole in the quote
    # a note after a heading or the title (they end without a mark) is the clerk's own
    heading = "      - 标题: 健全依法决策机制。\n"
    assert heading in GOOD
    assert diags(GOOD.replace(heading, "      - 标题: 健全依法决策机制  # 原文标题如此\n"), select=("FZ116",)) == []
    assert diags(GOOD.replace(heading, "      - 标题: 开展 #宪法宣传周# 活动\n"), select=("FZ116",)) != []
    assert fz116("      - 基层执法力量仍显不足，主要原因 # 是培训不够\n")          # cut mid-sentence
    # the clerk's own note after a finished sentence, and a quoted or | text: silent
    assert fz116("      - 基层执法力量仍显不足。  # 待核实\n") == []
    assert fz116("      - \"在微博发起 #青山普法# 话题。\"\n") == []
    assert fz116("      - |\n        在微博发起 #青山普法# 话题。\n") == []
    assert fz116("      - 基层执法力量仍显不足。\n") == []
    assert diags(GOOD.replace("  - 部分: 二\n", "  - 部分: 二  # 第二部分\n"), select=("FZ116",)) == []


def test_part_written_as_a_number_or_left_empty():
    five = "  - 部分: 五\n"
    assert diags(GOOD.replace(five, "  - 部分: 5\n")) == []            # 1…5 name the parts
    # as the heading prints, with or without the part's name (QA: "部分: 一、" gave FZ101 and FZ105)
    for written in ("五、", "（五）", "5.", "第五部分", "五、其他需要报告的情况", "其他需要报告的情况"):
        assert diags(GOOD.replace(five, f"  - 部分: {written}\n")) == [], written
    for written in ("五、主要举措和成效", "五二", "五、其他"):             # a number and another part's name
        assert "FZ105" in {d.code for d in diags(GOOD.replace(five, f"  - 部分: \"{written}\"\n"))}, written
    ds = diags(GOOD.replace(five, "  - 部分: 6\n"))
    assert ("FZ105", 23) in codes(ds) and "“部分: 6”不是必备部分；可写 一（主要举措和成效）" in \
        [d for d in ds if d.code == "FZ105"][0].message
    ds = diags(GOOD.replace(five, "  - 部分:\n"))                   # empty: an extra section without a heading
    assert {"FZ101", "FZ106"} <= {d.code for d in ds} and "FZ024" not in {d.code for d in ds}


@pytest.mark.parametrize("value,hint", [
    ("\n  - 青山县人民政府", "不能写成“- ”开头的列表"),
    ("", "请在冒号后写上内容，不需要这一项时删除这一行"),
    (" 2024", "如是文字请加引号，如 '2024'"),
    ("\n  名称: 青山县人民政府", "冒号后直接写文字"),
])
def test_text_expected_hints_fit_what_was_written(value, hint):
    ds = diags(GOOD.replace("发文机关: 青山县人民政府\n", f"发文机关:{value}\n"))
    fz022 = [d.message for d in ds if d.code == "FZ022"]
    assert len(fz022) == 1 and hint in fz022[0], [d.message for d in ds]
    assert "如是数字请加引号" not in fz022[0]


def test_print_date_before_the_date_is_flagged():
    base = GOOD.replace("版头: 函\n", "版头: 文件\n") + "印发机关: 青山县人民政府办公室\n"
    ds = diags(base + "印发日期: 2025年1月18日\n")
    assert [(d.code, d.severity, d.line) for d in ds if d.code == "FZ108"] == [("FZ108", "warning", 28)]
    assert "印发日期2025年1月18日早于成文日期2025年1月20日" in ds[-1].message
    assert [d for d in diags(base + "印发日期: 2025年1月20日\n") if d.code == "FZ108"] == []


@pytest.mark.parametrize("header,many,fires", [("函", 40, True), ("函", 8, False), ("文件", 20, True),
                                                 ("无", 45, True), ("无", 14, False)])
def test_too_many_addressees_for_the_body_to_start_on_page_one(header, many, fires):
    names = "".join(f"  - 青原市第{i}人民政府办公室\n" for i in range(many))      # 13-14 字 each
    text = GOOD.replace("主送机关: [青原市人民政府]\n", "主送机关:\n" + names).replace("版头: 函", f"版头: {header}")
    ds = [d for d in diags(text) if d.code == "FZ117"]
    assert bool(ds) == fires, [d.message for d in ds]
    if fires:
        assert ds[0].line == 5 and "首页只余" in ds[0].message and "排不下正文" in ds[0].message


def test_empty_part_and_part_five_needs_wu():
    ds = diags(GOOD.replace("      - 无\n", "      - \"\"\n"))
    assert ("FZ104", 23) in codes(ds) and ("FZ104", 25) in codes(ds)
    assert any("请在“内容”下写“- 无”" in d.message for d in ds)


def test_doc_number_date_window_and_year():
    ds = diags(GOOD.replace("青政函〔2025〕3号", "青政函[2025]3号"))
    assert codes(ds) == [("FZ501", 4)]
    ds = diags(GOOD.replace("2025年1月20日", "2023年3月1日"))
    assert codes(ds, "warning") == [("FZ108", 26)]
    ds = diags(GOOD.replace("2025年1月20日", "2024年12月20日"))
    assert ds == []                   # 新乐市 dates its 2024 report 2024年12月20日: fine
    ds = diags(GOOD.replace("年度: 2024", "年度: 1998"))
    assert ("FZ109", 2) in codes(ds)


def test_a_year_that_has_not_begun_is_a_warning():
    import datetime as dt

    nxt = dt.date.today().year + 1
    text = GOOD.replace("年度: 2024", f"年度: {nxt}").replace("〔2025〕", f"〔{nxt + 1}〕").replace(
        "2025年1月20日", f"{nxt + 1}年1月20日")
    ds = [d for d in diags(text) if d.code == "FZ109"]
    assert [(d.severity, d.line) for d in ds] == [("warning", 2)] and "这一年还没有开始" in ds[0].message, ds
    this = text.replace(f"年度: {nxt}", f"年度: {nxt - 1}").replace(f"〔{nxt + 1}〕", f"〔{nxt}〕").replace(
        f"{nxt + 1}年1月20日", f"{nxt}年1月20日")
    assert [d for d in diags(this) if d.code == "FZ109"] == []     # this year's report, drafted ahead: fine


def test_utf8_bom_then_bytes_that_are_not_utf8(tmp_path):
    """The byte is counted from the file's start (the BOM included) and its line named; no
    "utf-8-sig" (Python's name for the encoding) reaches the clerk."""
    from drafter.loader import load_file

    p = tmp_path / "r.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + "发文机关: 青山县人民政府\n年度: 2024\n".encode() + "标题: 报告".encode("gbk"))
    (d,) = load_file(p).diagnostics
    bad = p.read_bytes().rindex(b"\n") + 1                 # the first byte of line 3
    assert d.code == "FZ004" and d.line == 3 and f"第 {bad + 1} 个字节（第 3 行）不是 UTF-8" in d.message, d
    assert "sig" not in d.message


def test_letter_needs_recipients_number_and_date():
    text = GOOD.replace("主送机关: [青原市人民政府]\n", "").replace("成文日期: 2025年1月20日\n", "")
    got = codes(diags(text))
    assert ("FZ111", 3) in got and ("FZ112", 1) in got


# --- loader errors: Chinese, with the right line ------------------------------------------------
@pytest.mark.parametrize("text,code,line,needle", [
    ("发文机关: 青山县人民政府\n年度: 2024\n\t版头: 函\n", "FZ011", 3, "Tab"),
    ("发文机关: 青山县人民政府\n年度: 2024\n标题: \"未闭合\n正文: []\n", "FZ010", 3, "引号"),
    ("发文机关: 青山县人民政府\n年度: 2024\n年度: 2023\n", "FZ012", 3, "重复"),
    ("发文机关: 青山县人民政府\n年度: 2024\n版本: 函\n正文: []\n", "FZ021", 3, "是不是“版头”"),
    ("年度: 2024\n正文: []\n", "FZ020", 1, "发文机关"),
    ("发文机关: 123\n年度: 2024\n正文: []\n", "FZ022", 1, "应为文字"),
    ("发文机关: 青山县人民政府\n年度: 今年\n正文: []\n", "FZ023", 2, "只写数字"),
    ("发文机关: 青山县人民政府\n年度: 2024\n版头: 红头\n正文: []\n", "FZ026", 3, "函、文件、无"),
    ("发文机关: 青山县人民政府\n年度: 2024\n正文: []\n成文日期: 2024年2月30日\n", "FZ027", 4, "不存在"),
    ("发文机关: 青山县人民政府\n年度: 2024\n正文: []\n成文日期: 2024-02-30\n", "FZ027", 4, "“成文日期”：日期“2024-02-30”不存在"),
    ("发文机关: 青山县人民政府\n年度: 2024\n正文: 一段文字\n", "FZ024", 3, "列表"),
    ("发文机关: 青山县人民政府\n年度: 2024\n正文:\n  - 部分: 一\n    内容:\n      - 3\n", "FZ030", 6, "一段文字"),
    ("发文机关: 青山县人民政府\n年度: 2024\n印章: 也许\n正文: []\n", "FZ028", 3, "是 或 否"),
    ("- 发文机关\n", "FZ017", 1, "最外层"),
    ("x: !!python/object:os.system ls\n", "FZ013", 1, "标记"),
    # fuzzing (QA): pydantic's "Input should be a finite number", a yes read as the year 1, and
    # control characters YAML refuses named without a line
    ("发文机关: 青山县人民政府\n年度: .inf\n正文: []\n", "FZ023", 2, "这里是“.inf”（不是数字）"),
    ("发文机关: 青山县人民政府\n年度: true\n正文: []\n", "FZ023", 2, "这里是“是”"),
    ("发文机关: 青山县\x7f人民政府\n年度: 2024\n", "FZ016", 1, "U+007F"),
    ("发文机关: 青山县人民政府\n年度: 2024\n标题: 关于\x8d报告\n", "FZ016", 3, "U+008D"),
])
def test_loader_errors_are_chinese_with_lines(text, code, line, needle):
    loaded = load_text(text, "t.yaml")
    assert loaded.report is None
    d = [d for d in loaded.diagnostics if d.code == code]
    assert d, loaded.diagnostics
    assert d[0].line == line, d[0]
    assert needle in d[0].message
    assert re.search(r"[\u4e00-\u9fff]", d[0].message)
    assert "pydantic" not in d[0].message.lower() and "Traceback" not in d[0].message


def test_error_names_place_in_report():
    text = GOOD.replace("      - 标题: 健全依法决策机制。\n", "      - 标题: 健全依法决策机制。\n        接排: 大概\n")
    loaded = load_text(textwrap.dedent(text).lstrip("\n"), "t.yaml")
    d = loaded.diagnostics[0]
    assert (d.code, d.line, d.where) == ("FZ028", 12, "第一部分 › 第（一）项 › 接排")


def test_english_keys_are_accepted():
    loaded = load_text("org: 青山县人民政府\nyear: 2024\nbody:\n  - parts: [一]\n    content: [文字]\n", "t.yaml")
    assert loaded.report is not None and loaded.report.org == "青山县人民政府"


# --- encodings -------------------------------------------------------------------------------
def test_gbk_copy_loads_to_the_same_model(tmp_path):
    src = example("xinle-2024-han")
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes(src.read_text(encoding="utf-8").encode("gb18030"))
    a, b = load_file(src), load_file(gbk)
    assert b.report == a.report
    assert [d.code for d in b.diagnostics] == ["FZ005"]
    r = run_cli("check", gbk, "--select", "FZ1")
    assert r.code == 0 and "GBK" in r.text


def test_utf8_bom_loads(tmp_path):
    p = tmp_path / "bom.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + example("yufa-2023").read_bytes())
    assert load_file(p).report == load_file(example("yufa-2023")).report


def test_unknown_encoding_is_a_clear_message(tmp_path):
    p = tmp_path / "latin.yaml"
    p.write_bytes("发文机关: x\n".encode("utf-8")[:-3] + b"\xff\xfe\xfa\xfb\n" * 50)
    r = run_cli("check", p)
    assert r.code == 1 and "FZ004" in r.text and "UTF-8" in r.text


# --- drafter new / schema / CLI ----------------------------------------------------------------
def test_new_scaffold_loads_and_reports_placeholders(tmp_path):
    r = run_cli("new", "a.yaml", "--org", "青山县人民政府", "--year", "2024", "--header", "函", cwd=tmp_path)
    assert r.code == 0, r
    text = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "部分: 五" in text and "# " in text
    loaded = load_file(tmp_path / "a.yaml")
    assert loaded.report is not None and len(loaded.report.sections) == 5
    chk = run_cli("check", "a.yaml", cwd=tmp_path)
    assert chk.code == 1
    assert chk.text.count("FZ110") >= 8 and "FZ112" in chk.text
    again = run_cli("new", "a.yaml", "--org", "青山县人民政府", "--year", "2024", cwd=tmp_path)
    assert again.code == 1 and "不会覆盖" in again.text
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == text


@pytest.mark.parametrize("header", ["函", "文件", "无"])
def test_filled_scaffold_renders(tmp_path, header):
    run_cli("new", "b.yaml", "--org", "青山县人民政府", "--year", "2024", "--header", header, cwd=tmp_path)
    p = tmp_path / "b.yaml"
    text = p.read_text(encoding="utf-8")
    text = re.sub(r"【请填写：如 (某政函〔2025〕1号)】", "青政函〔2025〕1号", text)
    text = re.sub(r"【请填写[^】]*】", "已填写的内容", text)
    text = text.replace("成文日期:           #", "成文日期: 2025年1月20日   #")
    p.write_text(text, encoding="utf-8")
    r = run_cli("render", "b.yaml", cwd=tmp_path)
    assert r.code == 0, r
    assert (tmp_path / "b.docx").stat().st_size > 5000
    # a 函 or 文件 as sent is sealed: its signature is laid out for the seal unless the clerk says 否
    assert load_file(p).report.seal is (header != "无")


@pytest.mark.parametrize("header", ["文件", "函", "无"])
def test_joint_scaffold_fills_and_renders(tmp_path, header):
    """drafter new --joint: a joint report's scaffold (联合行文): 发文机关标志 and 署名 list both organs, the
    title names both; filled in, it checks without a warning about the organs and renders."""
    organs = ["中共安平县青石镇委员会", "安平县青石镇人民政府"]
    r = run_cli("new", "j.yaml", "--org", organs[0], "--joint", organs[1], "--year", "2024", "--header", header,
                cwd=tmp_path)
    assert r.code == 0, r
    p = tmp_path / "j.yaml"
    report = load_file(p).report
    assert report.signatories == organs and report.flag == (organs if header != "无" else [])
    assert report.title == f"{organs[0]} {organs[1]}关于2024年度法治政府建设情况的报告"
    text = re.sub(r"【请填写：如 (某政函〔2025〕1号)】", "青发〔2025〕1号", p.read_text(encoding="utf-8"))
    text = re.sub(r"【请填写[^】]*】", "已填写的内容", text).replace("成文日期:           #", "成文日期: 2025年1月20日   #")
    p.write_text(text, encoding="utf-8")
    chk = run_cli("check", "j.yaml", cwd=tmp_path)
    assert not {"FZ204", "FZ405", "FZ122"} & set(re.findall(r"FZ\d{3}", chk.text)), chk.text
    assert run_cli("render", "j.yaml", cwd=tmp_path).code == 0 and (tmp_path / "j.docx").is_file()


def test_joint_scaffold_refuses_the_main_organ_again(tmp_path):
    r = run_cli("new", "j.yaml", "--org", "青山县人民政府", "--joint", "青山县人民政府", cwd=tmp_path)
    assert r.code == 1 and "--joint" in r.text and not (tmp_path / "j.yaml").exists()


def test_schema_is_current():
    from drafter.schema import schema_text

    committed = (ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "schemas/report.schema.json is stale: run drafter schema -o schemas/report.schema.json"
    s = json.loads(committed)
    assert {"发文机关", "年度", "正文", "版头", "成文日期"} <= set(s["properties"])


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_carry_schema_line(path):
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../schemas/report.schema.json")


def test_check_cli_exit_codes_strict_and_json(tmp_path):
    r = run_cli("check", example("xinle-2024-han"), "--select", "FZ1")
    assert r.code == 0 and "FZ102" in r.text
    r = run_cli("check", example("xinle-2024-han"), "--select", "FZ1", "--strict")
    assert r.code == 1
    r = run_cli("check", example("xinle-2024-han"), "--select", "FZ1", "--format", "json")
    data = json.loads(r.out)
    assert {d["code"] for d in data} == {"FZ102"} and all(d["line"] for d in data)
    bad = tmp_path / "bad.yaml"
    bad.write_text("发文机关: 青山县人民政府\n年度: 2024\n正文: []\n", encoding="utf-8")
    r = run_cli("check", bad)
    assert r.code == 1 and "bad.yaml:" in r.text and "FZ101" in r.text


def test_help_is_chinese_and_fast_to_import():
    r = run_cli("--help")
    assert r.code == 0 and "法治政府建设年度情况报告" in r.out
    import subprocess
    import sys

    code = ("import sys, drafter.cli; "
            "print(','.join(m for m in ('pydantic','docx','jinja2','yaml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip()
    assert out == ""


def test_schema_speaks_chinese_to_the_editor():
    """Every title and description an editor shows on hover is Chinese (the model's docstrings are
    English, for developers)."""
    from drafter.schema import schema_dict

    shown = []

    def walk(x):
        if isinstance(x, dict):
            shown.extend(v for k, v in x.items() if k in ("title", "description") and isinstance(v, str))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(schema_dict())
    assert len(shown) > 50
    assert [s for s in shown if not re.search(r"[\u4e00-\u9fff]", s)] == []


@pytest.mark.parametrize("text,line,says,not_says", [
    # an unindented line of a | block is text, whatever colons it holds: no "key" advice
    ("发文机关: 甲\n正文: |\n  第一段\n会议于9:30召开\n标题: x\n", 4, "缩进到与上一行文字对齐", "少了一个空格"),
    ("发文机关: 甲\n导语: |\n  现将有关情况报告如下。\n主要做法：一是加强领导\n标题: x\n", 4, "缩进到与上一行文字对齐", "全角冒号"),
    # a quoted paragraph whose second line starts with 　　 is valid: the slip is the later 签发人:王明
    ('正文:\n  - "第一段\n　　续行"\n  - 第二段\n签发人:王明\n', 5, "“签发人:”后面少了一个空格", "全角空格"),
    # a real key with a full-width colon, and full-width indentation, still named as such
    ("发文机关: 甲\n签发人：王明\n标题: x\n", 2, "“签发人”后面用了全角冒号", ""),
    ("发文机关: 甲\n正文:\n　　- 第一段\n", 3, "全角空格", ""),
])
def test_yaml_slips_are_explained_at_the_right_line(text, line, says, not_says):
    from drafter.diagnostics import DrafterError
    from drafter.yamlsrc import load_yaml

    with pytest.raises(DrafterError) as e:
        load_yaml(text, "x.yaml")
    d = e.value.diagnostic
    assert d.line == line and says in d.message, d.format()
    assert not not_says or not_says not in d.message


@pytest.mark.parametrize("written", ["二〇二五年一月二十日", "2025年1月20号", "20250120", "２０２５年１月２０日",
                                     "2025-1-20", "2025.01.20", "2025 年 1 月 20 日"])
def test_dates_as_clerks_write_them_are_read(written):
    loaded = load_text(GOOD.replace("成文日期: 2025年1月20日", f"成文日期: {written}"), "t.yaml")
    assert loaded.report is not None and str(loaded.report.date) == "2025-01-20", loaded.diagnostics


@pytest.mark.parametrize("written, message", [
    ("25年1月20日", "年份要写全，应写成“2025年1月20日”"),
    ("2025年2月30日", "日期“2025年2月30日”不存在"),
    ("一月二十日", "日期应写成“2024年12月20日”"),
])
def test_dates_that_cannot_be_read_say_what_to_write(written, message):
    ds = diags(GOOD.replace("成文日期: 2025年1月20日", f"成文日期: {written}"))
    assert [d.code for d in ds] == ["FZ027"] and message in ds[0].message and ds[0].line, ds


@pytest.mark.parametrize("written", ["2024年度", "２０２４", "2024 年", "二〇二四年", "二Ｏ二四"])
def test_year_written_with_its_unit(written):
    loaded = load_text(GOOD.replace("年度: 2024", f"年度: {written}"), "t.yaml")
    assert loaded.report is not None and loaded.report.year == 2024, loaded.diagnostics


def test_report_text_given_to_check_points_to_import():
    text = "青山县人民政府关于2024年度法治政府建设情况的报告\n\n青原市人民政府：\n    2024年，青山县坚持依法行政，现将有关情况报告如下：\n"
    ds = load_text(text, "旧报告.txt").diagnostics
    assert [d.code for d in ds] == ["FZ017"] and "请运行 drafter import 旧报告.txt" in ds[0].message
    # saved under a .yaml name: import goes by the extension, so the clerk renames it first
    ds = load_text(text, "my report.yaml").diagnostics
    assert "请先把文件名改为“my report.txt”，再运行 drafter import \"my report.txt\"" in ds[0].message, ds


def test_a_seed_text_given_to_render_points_to_import(tmp_path):
    """A published report's text that YAML cannot even read (QA: drafter render yufa-2023.txt) gets the
    same pointer, at the line where reading stopped, instead of a YAML lesson."""
    (tmp_path / "旧报告.txt").write_text("青山县人民政府关于2024年度法治政府建设情况的报告\n青原市人民政府:\n"
                                       "  2024年，我县坚持依法行政。\n一、主要举措和成效\n", encoding="utf-8")
    r = run_cli("render", "旧报告.txt", cwd=tmp_path)
    assert r.code == 1 and "错误 FZ017 “旧报告.txt”不是 drafter 的 YAML 文件" in r.err, r
    assert "请运行 drafter import 旧报告.txt" in r.err and "FZ010" not in r.err
    assert not list(tmp_path.glob("*.docx"))


def test_list_dash_without_space_is_explained():
    text = GOOD.replace("主送机关: [青原市人民政府]", "主送机关:\n  -青原市人民政府\n  - 青原市司法局")
    ds = diags(text)
    assert [d.code for d in ds] == ["FZ024"] and ds[0].line == 6, ds      # the “-青原市人民政府” line
    assert "“-”后面要空一格（写成“- 青原市人民政府”）" in ds[0].message


def test_misindented_line_is_named_where_it_is():
    """A list item indented one space short: YAML reads the next line as the rest of its text and
    stumbles there; the message names the short line (its siblings above show the right indent)."""
    block = ("      - 标题: 健全依法决策机制。\n        内容:\n          - 严格执行重大行政决策程序。\n"
             "      - 标题: 规范行政执法。\n        内容:\n{first}          - 标题: 开展评查。\n"
             "            内容:\n              - 评查案卷。\n")
    base = textwrap.dedent(GOOD).lstrip("\n")
    old = "      - 标题: 健全依法决策机制。\n        内容:\n          - 严格执行重大行政决策程序。\n"
    assert old in base
    text = base.replace(old, block.format(first="         - 推行“三项制度”。\n"))
    ds = load_text(text, "t.yaml").diagnostics
    line = text.split("\n").index("         - 推行“三项制度”。") + 1
    assert [(d.code, d.line, d.col) for d in ds] == [("FZ010", line, 10)], ds
    assert "这一项的“-”前有 9 个空格，与同一层的其他项（10 个空格）不一致" in ds[0].message
    # one space too many, no sibling above to go by: the line YAML stumbled on, naming both lines
    text = ("发文机关: 青山县人民政府\n年度: 2024\n正文:\n  - 部分: 一\n    内容:\n      - 标题: 甲\n        内容:\n"
            "          - 严格执行。\n           - 标题: 开展评查。\n             内容:\n               - 评查。\n")
    ds = load_text(text, "t.yaml").diagnostics
    assert [(d.code, d.line) for d in ds] == [("FZ010", 9)], ds
    assert "这一行与上一行（第 8 行）的缩进不一致" in ds[0].message


@pytest.mark.parametrize("written", ["二Ｏ二五年一月二十日", "2025／1／20", "2025-1-20日"])
def test_more_ways_of_writing_a_date(written):
    loaded = load_text(GOOD.replace("成文日期: 2025年1月20日", f"成文日期: {written}"), "t.yaml")
    assert loaded.report is not None and str(loaded.report.date) == "2025-01-20", loaded.diagnostics


def test_content_of_one_paragraph_may_be_written_without_the_dash(tmp_path):
    """"内容: 无" as clerks write part 五: the same as "内容: [无]"; findings and --fix reach the text."""
    text = GOOD.replace("  - 部分: 五\n    内容:\n      - 无\n", "  - 部分: 五\n    内容: 无\n")
    assert text != GOOD
    loaded = load_text(textwrap.dedent(text).lstrip("\n"), "t.yaml")
    assert loaded.report is not None and loaded.report.sections[-1].content == ["无"], loaded.diagnostics
    one = text.replace("    内容: 无\n", "    内容: 本年度无其他需要报告的情况,特此说明。\n")
    p = tmp_path / "r.yaml"
    p.write_text(textwrap.dedent(one).lstrip("\n"), encoding="utf-8")
    line = textwrap.dedent(one).lstrip("\n").split("\n").index("    内容: 本年度无其他需要报告的情况,特此说明。") + 1
    r = run_cli("check", p)
    assert f"r.yaml:{line}:22: 警告 FZ401" in r.text, r
    r = run_cli("check", "--fix", p)
    assert "    内容: 本年度无其他需要报告的情况，特此说明。\n" in p.read_text(encoding="utf-8"), r


def test_nesting_deeper_than_four_levels_and_a_missing_intro():
    deep = GOOD.replace("          - 严格执行重大行政决策程序。\n",
                        "          - 标题: 第三级。\n            内容:\n              - 标题: 第四级。\n"
                        "                内容:\n                  - 标题: 第五级。\n"
                        "                    内容:\n                      - 严格执行重大行政决策程序。\n")
    ds = [d for d in diags(deep) if d.code == "FZ113"]
    assert len(ds) == 1 and ds[0].line == 17 and "标题层次超过四级" in ds[0].message, ds      # "第五级"
    assert [d for d in diags(GOOD) if d.code in ("FZ113", "FZ114")] == []
    no_intro = GOOD.replace("导语: |\n  2024年，青山县……现将有关情况报告如下：\n", "")
    ds = [d for d in diags(no_intro) if d.code == "FZ114"]
    assert [(d.severity, d.line) for d in ds] == [("warning", 6)] and "缺少导语" in ds[0].message, ds   # at 正文


def test_a_joint_flag_leaves_page_one_less_room_for_addressees():
    """联合行文: the 文件 format's 标志 of two organs stands two lines taller (stacked names, measured
    in LibreOffice: the title on line 13 instead of 11), so fewer 主送机关 fit above the body."""
    names = "".join(f"  - 青原市第{i}人民政府办公室\n" for i in range(14))
    text = GOOD.replace("主送机关: [青原市人民政府]\n", "主送机关:\n" + names).replace("版头: 函", "版头: 文件")
    assert [d for d in diags(text) if d.code == "FZ117"] == []
    joint = text.replace("版头: 文件", "版头: 文件\n发文机关标志: [中共青山县委员会, 青山县人民政府]")
    assert [d.code for d in diags(joint) if d.code == "FZ117"] == ["FZ117"]
    wenjian_item = text.replace("版头: 文件", "版头: 文件\n发文机关标志: [青山县人民政府, 文件]")   # one organ
    assert [d for d in diags(wenjian_item) if d.code == "FZ117"] == []


LONG = ["中共广西壮族自治区某某市某某县某某镇委员会", "广西壮族自治区某某市某某县某某镇人民政府"]


@pytest.mark.parametrize("header, flag, fires", [
    ("函", LONG, True),                                    # side by side: 43 字 on one line
    ("文件", LONG, True),                                  # stacked: 22 字 + 文件
    ("文件", ["中共安平县青石镇委员会", "安平县青石镇人民政府"], False),
    ("函", ["中共青山县委员会", "青山县人民政府"], False),
    ("文件", [], False),                                   # 青山县人民政府文件
])
def test_a_flag_too_long_for_the_usual_sizes(header, flag, fires):
    text = GOOD.replace("版头: 函", f"版头: {header}" + (f"\n发文机关标志: [{', '.join(flag)}]" if flag else ""))
    ds = [d for d in diags(text) if d.code == "FZ122"]
    assert bool(ds) == fires, [d.message for d in ds]
    if fires:
        assert ds[0].line == 4 and "规范化简称" in ds[0].message      # the 发文机关标志 line


def test_a_list_inside_a_list_says_one_name_an_item():
    """"- - 中共××委员会": a list where each item is a name; the message says so (it said the field could
    not be a list at all, though a list is what 发文机关标志 and 署名 take)."""
    text = GOOD.replace("版头: 函", "版头: 函\n发文机关标志:\n  - - 中共青山县委员会\n    - 青山县人民政府")
    (d,) = [d for d in diags(text) if d.code == "FZ022"]
    assert "每一项应为一行文字" in d.message and "不能写成" not in d.message and d.line == 5


# --- issue 19: the rough edges a new clerk hits ----------------------------------------------
def test_sentences_on_lines_of_their_own_are_told_they_will_be_joined():
    """Two paragraphs written on consecutive lines of a | block, each ending in "。", were printed
    as one paragraph without a word (issue 19).  A line break is editor wrapping (README), so the
    lines still join; FZ123 says so at the first of them, with both ways to keep them apart."""
    para = "      - 基层执法力量仍显不足。\n"
    assert para in GOOD

    def fz123(block):
        return [(d.line, d.col, d.where, d.message) for d in diags(GOOD.replace(para, block), select=("FZ123",))]

    (found,) = fz123("      - |\n        基层执法力量仍显不足。\n        部分干部法治意识不强。\n")
    assert found[:3] == (17, 9, "第二部分 › 第1段"), found
    assert found[3] == ("第 17 行和第 18 行各是一句完整的话（以“。”结尾），生成时会接成一段；如果是两段，请在两行之间空一行"
                        "（或在每段开头加全角空格“　　”）；如果本来就是一段，可忽略本提示")
    # plain text over three lines, each a sentence
    (found,) = fz123("      - 基层执法力量仍显不足。\n        部分干部法治意识不强！\n        培训针对性不够。\n")
    assert found[0] == 16 and found[3].startswith("第 16–18 行各是一句完整的话") and "各段之间空一行" in found[3]
    # silent: a sentence wrapped in the middle, paragraphs apart (blank line, "　　"), one line
    assert fz123("      - |\n        基层执法力量仍显不足，部分干部法治\n        意识不强。\n") == []
    assert fz123("      - |\n        基层执法力量仍显不足。\n\n        部分干部法治意识不强。\n") == []
    assert fz123("      - |\n        　　基层执法力量仍显不足。\n        　　部分干部法治意识不强。\n") == []
    assert fz123(para) == []


def test_a_placeholder_is_quoted_whole_and_a_pasted_paragraph_named_as_printed():
    """FZ110 quoted "【请填写：第一项举措的小标题，如 强化组织领导，引领政治建设" without its closing
    bracket; FZ405 named the second of two paragraphs pasted into one item "第1段" (issue 19)."""
    heading = "      - 标题: 健全依法决策机制。\n"
    ph = "【请填写：第一项举措的小标题，如 强化组织领导，引领政治建设。】"
    (d,) = [d for d in diags(GOOD.replace(heading, f"      - 标题: {ph}\n"), select=("FZ110",))]
    assert d.message == f"“{ph}”是模板留下的占位文字，请改为实际内容或删除", d.message
    long = "【请填写" + "很长的说明" * 20 + "】"
    (d,) = [d for d in diags(GOOD.replace(heading, f"      - 标题: {long}\n"), select=("FZ110",))]
    assert d.message.startswith("“【请填写很长的说明") and "……】”是模板留下的占位文字" in d.message, d.message
    para = "      - 基层执法力量仍显不足。\n"
    pasted = "      - |\n        　　一是基层执法力量不足。\n        　　二是部分干部 法治意识不强。\n      - 三是培训 不够。\n"
    found = [(d.line, d.where) for d in diags(GOOD.replace(para, pasted), select=("FZ405",))]
    assert found == [(18, "第二部分 › 第2段"), (19, "第二部分 › 第3段")], found
    intro = "导语: |\n  2024年，青山县……现将有关情况报告如下：\n"
    assert intro in GOOD
    two = "导语: |\n  2024年，青山县坚持依法行政。\n\n  全县 干部……现将有关情况报告如下：\n"
    assert [d.where for d in diags(GOOD.replace(intro, two), select=("FZ405",))] == ["导语 › 第2段"]


def test_readme_lists_every_date_form_the_model_accepts():
    """"2025.12.5" was accepted (and printed right) but README did not list it (issue 19).  Every
    date README shows is read as that day, every form the reader accepts is in README, and the
    two-digit years README warns about are refused."""
    import datetime as dt

    from drafter.conventions import DATE_ANY

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    bullet = readme[readme.index("- 日期可以写成："):]
    bullet = bullet[:bullet.index("\n- ")]
    forms = {"2024年12月20日": (2024, 12, 20), "2024年12月20号": (2024, 12, 20),
             "二〇二四年十二月二十日": (2024, 12, 20), "２０２４年１２月２０日": (2024, 12, 20),
             "2024年元月5日": (2024, 1, 5), "2024-12-20": (2024, 12, 20), "2024.12.20": (2024, 12, 20),
             "2024/12/20": (2024, 12, 20), "20241220": (2024, 12, 20), "2025.12.5": (2025, 12, 5),
             "2025-1-5": (2025, 1, 5), "2025 年 10 月 8 日": (2025, 10, 8)}
    for text, ymd in forms.items():
        assert text in bullet, text
        r = load_text(GOOD.lstrip("\n").replace("成文日期: 2025年1月20日", f"成文日期: {text}"), "t.yaml")
        assert r.report is not None and r.report.date == dt.date(*ymd), (text, r.diagnostics)
    # the other spellings README names in words: 〇 as ○ or 零, full-width separators, a trailing 日
    for text in ("二○二四年十二月二十日", "二零二四年十二月二十日", "2024．12．20", "2024／12／20", "2024－12－20",
                 "2024.12.20日"):
        r = load_text(GOOD.lstrip("\n").replace("成文日期: 2025年1月20日", f"成文日期: {text}"), "t.yaml")
        assert r.report is not None and r.report.date == dt.date(2024, 12, 20), (text, r.diagnostics)
    assert all(w in bullet for w in ("〇 也可写作 ○ 或 零", "全角", "再写一个“日”", "全角数字", "元月"))
    # every separator the reader accepts between year, month and day is one README names
    seps = re.search(r"\[\./／\\-－．\]", DATE_ANY)
    assert seps, "DATE_ANY changed: list its new forms in README and here"
    for bad in ("24年12月20日", "24.12.20"):
        r = load_text(GOOD.lstrip("\n").replace("成文日期: 2025年1月20日", f"成文日期: {bad}"), "t.yaml")
        assert r.report is None and [d.code for d in r.diagnostics] == ["FZ027"] and "年份要写全" in r.diagnostics[0].message
        assert f"“{bad.split('年')[0] + ('年' if '年' in bad else '')}" in bullet or bad in bullet
