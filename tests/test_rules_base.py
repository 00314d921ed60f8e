"""Content rules (issue 4): the shared report the rule tests edit, the registry, rule selection.

Every rule module has a test file with two tables: FIRES (a real slip -> the exact findings) and
SILENT (correct text -> no finding of that code).  test_every_rule_has_both_tests() keeps it so:
adding a rule means adding one function and its two table rows.
"""
from __future__ import annotations

import importlib
import json
import textwrap

import pytest

from conftest import example, run_cli
from drafter.check import check_file, check_loaded
from drafter.loader import load_text

# A correct 2023 report: every content rule is silent on it.  Line numbers below refer to it.
BASE = """
发文机关: 青山县人民政府
简称: 青山县
年度: 2023
版头: 函
发文字号: 青政函〔2024〕3号
主送机关: [青原市人民政府]
导语: |
  2023年，青山县坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政。现将2023年度法治政府建设情况报告如下：
正文:
  - 部分: 一
    内容:
      - 标题: 健全依法决策机制。
        内容:
          - |
            全年审议重大行政决策事项8件，均经合法性审查和集体讨论。
  - 部分: 二
    内容:
      - 一是基层执法力量仍显不足；二是部分干部运用法治思维的能力有待提高。主要原因是培训的针对性还不够强。
  - 部分: 三
    内容:
      - 县政府主要负责人认真履行推进法治建设第一责任人职责，带头学法2次，出庭应诉1次。
  - 部分: 四
    内容:
      - 2024年，我县将重点抓好行政复议体制改革和法治宣传教育两项工作。
  - 部分: 五
    内容:
      - 无
成文日期: 2024年1月20日
"""
P1 = "全年审议重大行政决策事项8件，均经合法性审查和集体讨论。"       # line 15, a | block
P2 = "一是基层执法力量仍显不足；二是部分干部运用法治思维的能力有待提高。主要原因是培训的针对性还不够强。"  # 18
P3 = "县政府主要负责人认真履行推进法治建设第一责任人职责，带头学法2次，出庭应诉1次。"  # 21
P4 = "2024年，我县将重点抓好行政复议体制改革和法治宣传教育两项工作。"   # 24
INTRO = "2023年，青山县坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政。现将2023年度法治政府建设情况报告如下："


def run(text: str = BASE, select=()):
    loaded = load_text(textwrap.dedent(text).lstrip("\n"), "t.yaml")
    assert loaded.report is not None, [d.format() for d in loaded.diagnostics]
    return check_loaded(loaded, select=list(select)).diagnostics


def para(text: str, where: str = P1) -> str:
    """BASE with one paragraph replaced."""
    assert where in BASE
    return BASE.replace(where, text)


def check_fires(code, text, expected, fragment):
    """``expected``: [(line, col)] of the findings of ``code``; ``fragment``: in the first message."""
    ds = [d for d in run(text) if d.code == code]
    assert [(d.line, d.col) for d in ds] == expected, [d.format() for d in ds]
    assert fragment in ds[0].message, ds[0].message
    assert ds[0].where and ds[0].file == "t.yaml"
    for d in ds:                              # one line, Chinese, saying what to do
        assert "\n" not in d.message and any("\u4e00" <= c <= "\u9fff" for c in d.message)
        assert any(w in d.message for w in ("请", "应为", "应写", "可运行")), d.message
    return ds


def check_silent(code, text):
    ds = [d for d in run(text) if d.code == code]
    assert ds == [], [d.format() for d in ds]


def table_tests(fires: list, silent: list):
    """The two tests every rule test module runs over its tables:
    ``test_fires, test_silent = table_tests(FIRES, SILENT)``."""
    @pytest.mark.parametrize("code,text,expected,fragment", fires, ids=[f"{r[0]}-{i}" for i, r in enumerate(fires)])
    def test_fires(code, text, expected, fragment):
        check_fires(code, text, expected, fragment)

    @pytest.mark.parametrize("code,text", silent, ids=[f"{r[0]}-{i}" for i, r in enumerate(silent)])
    def test_silent(code, text):
        check_silent(code, text)

    return test_fires, test_silent


# ---------------------------------------------------------------------------------------------
def test_base_report_is_clean():
    assert [d.format() for d in run()] == []


RULE_TEST_MODULES = ["test_rules_required", "test_rules_years", "test_rules_punctuation", "test_rules_carryover",
                     "test_rules_attachments",
                     "test_rules_docnumber", "test_rules_enumeration", "test_rules_figures", "test_rules_typos"]


def test_every_rule_has_both_tests():
    from drafter.rules import load_all

    fires, silent = set(), set()
    for name in RULE_TEST_MODULES:
        mod = importlib.import_module(name)
        fires |= {row[0] for row in mod.FIRES}
        silent |= {row[0] for row in mod.SILENT}
    content = {c for c in load_all() if c[2] in "23456789"}
    where = f"add rows to FIRES and SILENT of a module in RULE_TEST_MODULES ({', '.join(RULE_TEST_MODULES)})"
    assert content - fires == set(), f"rules without a test that they fire: {where}"
    assert content - silent == set(), f"rules without a test that they stay silent: {where}"
    # FZ1xx (structure) are tested one by one in test_check_structure and others: each is named there
    from conftest import ROOT

    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py")
                    if p.name != "test_rules_base.py")
    untested = sorted(c for c in load_all() if c.startswith("FZ1") and f'"{c}"' not in tests)
    assert not untested, f"structure rules no test names: {untested} (see tests/test_check_structure.py)"


def test_registry_codes_severities_and_docs():
    from drafter.rules import ERROR, WARNING, load_all

    rules = load_all()
    for code, r in rules.items():
        assert code.startswith("FZ") and len(code) == 5 and r.severity in (ERROR, WARNING)
        assert r.doc and r.summary and any("\u4e00" <= c <= "\u9fff" for c in r.summary)
    fixable = {c for c, r in rules.items() if r.fixable}
    assert fixable == {"FZ401", "FZ402", "FZ405", "FZ407", "FZ408", "FZ501"}
    r = run_cli("rules")
    assert r.code == 0
    for code in ("FZ201", "FZ304", "FZ401", "FZ603", "FZ701", "FZ801"):
        assert code in r.out
    assert "FZ401  警告  中文中使用了半角标点" in r.out and r.out.count("[可修正]") == 6
    data = json.loads(run_cli("rules", "--format", "json").out)
    from drafter.codes import registry

    assert {d["code"] for d in data} == set(registry()) and set(rules) < set(registry())


# --- selection: command line, the YAML's 检查 block, drafter.toml ---------------------------
SLIPS = para("调解纠纷1501件，化解1456件，调解成功率97.1%,群众满意。完成9各示范点建设。")


def test_select_and_ignore_take_prefixes():
    assert {d.code for d in run(SLIPS)} == {"FZ401", "FZ701", "FZ801"}
    assert {d.code for d in run(SLIPS, select=["FZ4"])} == {"FZ401"}
    assert {d.code for d in run(SLIPS, select=["FZ7", "FZ801"])} == {"FZ701", "FZ801"}
    loaded = load_text(textwrap.dedent(SLIPS).lstrip("\n"), "t.yaml")
    assert {d.code for d in check_loaded(loaded, ignore=["FZ4", "FZ80"]).diagnostics} == {"FZ701"}


def test_yaml_check_block_turns_rules_off_and_on():
    ignored = SLIPS + "检查:\n  忽略: [FZ401, FZ8]\n"
    assert {d.code for d in run(ignored)} == {"FZ701"}
    selected = SLIPS + "检查:\n  启用: FZ7\n"
    assert {d.code for d in run(selected)} == {"FZ701"}
    # the command line adds to the YAML's ignore list
    loaded = load_text(textwrap.dedent(ignored).lstrip("\n"), "t.yaml")
    assert check_loaded(loaded, ignore=["FZ7"]).diagnostics == []


def test_config_file_and_cli(tmp_path):
    src = tmp_path / "r.yaml"
    src.write_text(textwrap.dedent(SLIPS).lstrip("\n"), encoding="utf-8")
    (tmp_path / "drafter.toml").write_text('[check]\nignore = ["FZ4"]\n', encoding="utf-8")
    assert {d.code for d in check_file(src).diagnostics} == {"FZ701", "FZ801"}
    r = run_cli("check", src, "--ignore", "FZ801")
    assert r.code == 0 and "FZ701" in r.out and "FZ801" not in r.out and "FZ401" not in r.out
    r = run_cli("check", src, "--select", "FZ8，FZ4")         # a full-width comma separates too
    assert "FZ801" in r.out and "FZ701" not in r.out
    r = run_cli("check", src, "--format", "json")
    assert {d["code"] for d in json.loads(r.out)} == {"FZ701", "FZ801"}


def test_errors_are_hidden_only_by_their_whole_code_and_never_silently(tmp_path):
    """A prefix written to quiet warnings ("忽略: [FZ1]") must not pass a report that lacks part 三 and
    its 发文字号; the whole code hides an error, and a FZ036 notice at 检查 says how many are hidden."""
    no_part3 = BASE.replace("  - 部分: 三\n    内容:\n      - " + P3 + "\n", "").replace("发文字号: 青政函〔2024〕3号\n", "")
    assert {d.code for d in run(no_part3) if d.severity == "error"} == {"FZ101", "FZ115"}
    prefixed = run(no_part3 + "检查:\n  忽略: [FZ1]\n")
    assert {d.code for d in prefixed if d.severity == "error"} == {"FZ101", "FZ115"}
    exact = run(no_part3 + "检查:\n  忽略: [FZ115, fz101]\n")
    assert [d.severity for d in exact] == ["info"] and exact[0].code == "FZ036"
    assert "有 2 条错误没有列出：" in exact[0].message and "FZ101" in exact[0].message and "FZ115" in exact[0].message
    assert exact[0].line == no_part3.lstrip("\n").count("\n") + 1           # at 检查:
    # a check focused on other rules (启用) narrows the warnings; the errors stay (review: "启用: [FZ4]"
    # in the YAML had passed the same report)
    focused = run(no_part3, select=["FZ4"])
    assert {d.code for d in focused} == {"FZ101", "FZ115"}
    assert {d.code for d in run(no_part3 + "检查:\n  启用: [FZ4]\n") if d.severity == "error"} == {"FZ101", "FZ115"}
    # from the command line: the notice is printed, render goes ahead on the clerk's word
    src = tmp_path / "r.yaml"
    src.write_text(textwrap.dedent(no_part3 + "检查:\n  忽略: [FZ115, FZ101]\n").lstrip("\n"), encoding="utf-8")
    r = run_cli("check", src)
    assert r.code == 0 and "提示 FZ036" in r.out + r.err, r
    r = run_cli("render", src, "-o", tmp_path / "r.docx")
    assert r.code == 0 and "FZ036" in r.out + r.err and (tmp_path / "r.docx").exists(), r
    src.write_text(textwrap.dedent(no_part3 + "检查:\n  忽略: [FZ1]\n").lstrip("\n"), encoding="utf-8")
    r = run_cli("render", src, "-o", tmp_path / "s.docx")
    assert r.code == 1 and "FZ101" in r.out + r.err and not (tmp_path / "s.docx").exists(), r


def test_one_code_one_severity_for_header_elements():
    """Quieting the warning that a web copy's 抄送 is not printed (FZ121) leaves the error for a 函
    without 发文字号 (FZ115) in place: they are two rules."""
    web = BASE.replace("版头: 函", "版头: 无") + "抄送: [青山县人大常委会]\n"
    assert [(d.code, d.severity) for d in run(web)] == [("FZ121", "warning"), ("FZ121", "warning")]
    no_number = BASE.replace("发文字号: 青政函〔2024〕3号\n", "") + "检查:\n  忽略: [FZ121]\n"
    assert [(d.code, d.severity) for d in run(no_number)] == [("FZ115", "error")]


def test_codes_that_name_no_rule_are_reported(tmp_path):
    """A typo in a rule code (FZ40l, FZ999) would silently run the wrong rules and make a report
    look clean: the command line refuses it, the 检查 block and drafter.toml get a warning."""
    src = tmp_path / "r.yaml"
    src.write_text(textwrap.dedent(SLIPS).lstrip("\n") + "检查:\n  忽略: [FZ999, FZ4, 半角标点]\n", encoding="utf-8")
    (tmp_path / "drafter.toml").write_text('[check]\nignore = ["FZ80", "FZ8O1"]\n', encoding="utf-8")
    all_ = [d for d in check_file(src).diagnostics if d.code == "FZ035"]
    ds, toml = [d for d in all_ if d.file == str(src)], [d for d in all_ if d.file != str(src)]
    lines = src.read_text(encoding="utf-8").splitlines()
    assert [(d.severity, d.line) for d in ds] == [("warning", len(lines))] * 2
    assert "“FZ999”不是规则代码" in ds[0].message and "“半角标点”不是规则代码" in ds[1].message
    assert len(toml) == 1 and "[check] ignore 中的“FZ8O1”" in toml[0].message and toml[0].file.endswith("drafter.toml")
    assert {d.code for d in check_file(src).diagnostics} == {"FZ701", "FZ035"}    # the good codes still apply
    for args in (["--select", "FZ40l"], ["--ignore", "FZ4,FZ3O1"]):
        r = run_cli("check", src, *args)
        bad = args[1].split(",")[-1]
        assert r.code == 2 and f"没有这样的规则代码：{bad}；全部代码见 drafter rules" in r.err, r
    assert run_cli("check", src, "--select", "fz7").code == 0     # prefixes, any case: fine
    # FZ035 is selected and ignored like a rule
    r = run_cli("check", src, "--ignore", "FZ035")
    assert r.code == 0 and "FZ035" not in r.out, r
    assert "FZ035" not in run_cli("check", src, "--select", "FZ7").out


def test_config_codes_written_as_one_string_or_wrongly(tmp_path):
    src = tmp_path / "r.yaml"
    src.write_text(textwrap.dedent(SLIPS).lstrip("\n"), encoding="utf-8")
    (tmp_path / "drafter.toml").write_text('[check]\nignore = "FZ401"\n', encoding="utf-8")
    assert {d.code for d in check_file(src).diagnostics} == {"FZ701", "FZ801"}     # one code, not F, Z, 4 …
    (tmp_path / "drafter.toml").write_text('[check]\nignore = [401]\n', encoding="utf-8")
    ds = check_file(src).diagnostics
    assert [d.code for d in ds] == ["FZ033"] and "应是规则代码的列表" in ds[0].message


@pytest.mark.parametrize("name", ["yufa-2023", "xinle-2024-han", "daxing-2023", "short-complete"])
def test_content_rules_never_block_render_of_the_examples(name):
    """The seeds are real published reports: their slips are warnings, so `drafter render` works."""
    res = check_file(example(name))
    assert res.errors == [], [d.format() for d in res.errors]


def test_fresh_scaffold_gets_no_content_noise(tmp_path):
    """Placeholders of `drafter new` are FZ110's business; the content rules leave them alone."""
    r = run_cli("new", "a.yaml", "--org", "青山县人民政府", "--year", "2024", "--header", "函", cwd=tmp_path)
    assert r.code == 0, r
    codes = {d.code for d in check_file(tmp_path / "a.yaml").diagnostics}
    assert codes == {"FZ110", "FZ112"}


@pytest.mark.parametrize("first, rest", [
    ("排查矛盾纠纷1501件，化解1456件，", "调解成功率97.1%。"),                 # FZ701 reads across the break
    ("今年办理的案件数已超过", "2022年全县办理的总数，工作量明显增加。"),       # FZ304: not a sentence start
    ("强化组织领导,引领", "政治建设,推进依法行政。"),                           # FZ401 on both lines
    ("开展“法治体检", "”活动，服务企业15家。"),                                 # a pair open over the break
])
def test_a_paragraph_wrapped_over_lines_is_checked_as_one(first, rest):
    """A line break inside plain text is editor wrapping: the findings are those of the same text on
    one line (the line break is neither a sentence end nor a clause end)."""
    where = "      - " + P2
    one = BASE.replace(where, "      - " + first + rest)
    wrapped = BASE.replace(where, "      - " + first + "\n        " + rest)
    folded = BASE.replace(where, "      - >\n        " + first + "\n        " + rest)
    seen = [sorted((d.code, d.message) for d in run(t)) for t in (one, wrapped, folded)]
    assert seen[0] == seen[1] == seen[2], seen


def test_config_file_mistakes_are_named_at_the_config_file(tmp_path):
    """README walk-through (QA): a bad deadline in drafter.toml was blamed on the report's first line,
    a misspelt key or table did nothing without a word, and a GBK file gave "UnicodeDecodeError"."""
    src = tmp_path / "r.yaml"
    src.write_text(textwrap.dedent(SLIPS).lstrip("\n"), encoding="utf-8")
    cfg = tmp_path / "drafter.toml"
    cfg.write_text('[check]\ndeadline = "13-01"\n', encoding="utf-8")
    r = run_cli("check", src)
    assert r.code == 1 and f"{cfg}: 错误 FZ033 配置文件“{cfg}”的 [check] deadline = “13-01”不是有效的日期" in r.text, r
    cfg.write_text('[chek]\nx = 1\n[check]\ningore = ["FZ4"]\n', encoding="utf-8")
    r = run_cli("check", src)
    assert f"{cfg}: 警告 FZ035 配置文件中的“[chek]、ingore”不是 drafter 的设置" in r.text, r
    cfg.write_bytes('# 本局的设置\n[check]\nignore = ["FZ4"]\n'.encode("gbk"))
    r = run_cli("check", src)
    assert "FZ401" not in r.text and "FZ033" not in r.text and "Error" not in r.text, r
    cfg.write_bytes(b"")                                   # an empty drafter.toml: no settings, no error
    assert run_cli("check", src).code == 0
