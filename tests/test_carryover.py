"""A clerk's year (issue 19): ``drafter new NEXT.yaml --from LAST`` and what ``check --previous``
says was carried over, through the real command line.

Acceptance: from each example, next year's draft is made, filled in the way a clerk fills the two
placeholders (序号, 成文日期) and rendered; ``check`` (上一年度 is written in the new file, or
``--previous``) names every paragraph, each at its own line, and ends with the count; a paragraph
rewritten is no longer named.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import DATA, EXAMPLES, example, run_cli
from drafter.carryover import MIN_CHARS, paragraphs
from drafter.loader import load_file

FINDING = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): 警告 (?P<code>FZ90[1-4]) ", re.M)


def fill_in(path: Path) -> str:
    """What the clerk fills in before anything else: the 发文字号's serial number and the dates."""
    text = path.read_text(encoding="utf-8")
    text = text.replace("【请填写：序号】", "6")
    text = re.sub(r"# 【请填写：(?:成文日期|印发日期)，如 (\S+?)】", r"\1", text)
    path.write_text(text, encoding="utf-8")
    return text


def carried_lines(text: str) -> dict[int, str]:
    return {int(m["line"]): m["code"] for m in FINDING.finditer(text)}


def paragraph_lines(path: Path) -> set[int]:
    """The line of every paragraph of the report that the comparison looks at."""
    loaded = load_file(path)
    return {loaded.source.locate(p.place.path, p.place.offset)[0]
            for p in paragraphs(loaded.report) if len(p.norm) >= MIN_CHARS}


@pytest.mark.parametrize("src", EXAMPLES, ids=lambda p: p.stem)
def test_next_years_draft_from_each_example_names_every_paragraph_carried_over(src, tmp_path):
    last = tmp_path / src.name
    shutil.copy(src, last)
    r = run_cli("new", "next.yaml", "--from", src.name, cwd=tmp_path)
    assert r.code == 0 and "已生成：next.yaml" in r.out, r
    nxt = tmp_path / "next.yaml"
    before = load_file(last).report
    text = fill_in(nxt)
    after = load_file(nxt)
    assert after.report is not None, after.diagnostics
    assert after.report.year == before.year + 1 and after.report.previous == src.name
    assert after.report.sections == before.sections or \
        [s.content for s in after.report.sections] == [s.content for s in before.sections]
    assert after.report.omitted_parts == before.omitted_parts
    # it renders
    r = run_cli("render", "next.yaml", "-o", "next.docx", cwd=tmp_path)
    assert r.code == 0 and (tmp_path / "next.docx").stat().st_size > 0, r
    # every paragraph is named as last year's, at its own line; the count says all of them
    want = paragraph_lines(nxt)
    for args in (["check", "next.yaml"], ["check", "next.yaml", "--previous", src.name]):
        r = run_cli(*args, cwd=tmp_path)
        got = carried_lines(r.out)
        assert set(got) == want, (sorted(got), sorted(want), r)
        n = len(want)
        assert r.out.rstrip().splitlines()[-1].startswith(
            f"与上一年度报告 {src.name} 相比：本年度 {n} 段中有 {n} 段沿用了上年的文字"), r
    # one paragraph rewritten: no longer named, one fewer counted
    loaded = load_file(nxt)
    mine = [p for p in paragraphs(loaded.report) if len(p.norm) >= MIN_CHARS and p.place.path[0] == "sections"]
    first = next(p for p in mine if sum(q.place.path == p.place.path for q in paragraphs(loaded.report)) == 1)
    line = loaded.source.locate(first.place.path, first.place.offset)[0]
    span = loaded.source.text_span(first.place.path)
    new_para = "今年新建成村级法律服务工作室26个，全年接待群众咨询3100人次，化解邻里纠纷412件，比上年多出一成。"
    value = new_para + ("\n" if text[span.end - 1] == "\n" else "")
    nxt.write_text(text[:span.start] + value + text[span.end:], encoding="utf-8")
    line = load_file(nxt).source.pos(first.place.path)[0]
    r = run_cli("check", "next.yaml", cwd=tmp_path)
    got = carried_lines(r.out)
    rest = paragraph_lines(nxt) - {line}
    assert line not in got and set(got) == rest and len(rest) == n - 1, (line, sorted(got), r)
    assert f"本年度 {n} 段中有 {n - 1} 段沿用了上年的文字" in r.out, r


def test_what_new_from_changes_and_keeps(tmp_path):
    """年度 + 1; the 发文字号 keeps its 机关代字 with the new year and a placeholder for the serial;
    the dates become placeholders; the title's and the headings' years move on; the body and the
    reasons of 省略部分 are last year's; a ▲ comment above each section; 上一年度 names the source."""
    shutil.copy(example("xinle-2024-han"), tmp_path / "2024.yaml")
    (tmp_path / "2025").mkdir()
    r = run_cli("new", "2025/新乐市2025.yaml", "--from", "2024.yaml", cwd=tmp_path)
    assert r.code == 0, r
    text = (tmp_path / "2025" / "新乐市2025.yaml").read_text(encoding="utf-8")
    assert "\n年度: 2025\n上一年度: ../2024.yaml " in text
    assert "\n发文字号: 新政函〔2025〕【请填写：序号】号\n" in text
    assert "\n成文日期: # 【请填写：成文日期，如 2025年12月20日】\n" in text
    assert "  关于2025年度法治政府建设情况报告\n" in text and "2024年度法治政府" not in text
    assert text.count("  # ▲ 以下是2024年度报告的原文：请按2025年的实际情况逐段改写") == 5     # part 一 ×4, part 二
    assert "  # ▲ 以下是2024年度报告中2025年的工作安排：请改写为2026年的安排" in text
    assert "# ▲ 导语是2024年度报告的原文，请按2025年的情况改写\n导语: |" in text
    assert "  三: 第一责任人职责情况写在第一部分第（二）项" in text
    assert text.startswith("# yaml-language-server: $schema=") and "由 drafter new --from 2024.yaml 生成" in text
    # the clerk's comments and punctuation are left as they were (the body is last year's)
    assert "# 原文用四个主题部分写主要举措和成效" in text and "2024年以来,我市坚持" in text
    r = run_cli("check", "2025/新乐市2025.yaml", cwd=tmp_path)
    assert "错误 FZ110 〔发文字号〕“【请填写：序号】”是占位文字" in r.out and "错误 FZ112" in r.out, r
    assert "与上一年度报告 ../2024.yaml 相比：本年度 14 段中有 14 段沿用了上年的文字（相同 14 段）。" in r.out, r
    # a part heading written with the year moves on with it (part 四: the year after)
    src = example("short-complete").read_text(encoding="utf-8")
    src = src.replace("  - 部分: 四\n", "  - 部分: 四\n    标题: 2025年工作安排\n", 1)
    (tmp_path / "s2024.yaml").write_text(src, encoding="utf-8")
    assert run_cli("new", "s2025.yaml", "--from", "s2024.yaml", cwd=tmp_path).code == 0
    text = (tmp_path / "s2025.yaml").read_text(encoding="utf-8")
    assert "    标题: 2026年工作安排\n" in text and "青政〔2026〕【请填写：序号】号" in text


@pytest.mark.parametrize("kind", ["docx", "txt"])
def test_new_from_last_years_word_file_or_text(kind, tmp_path):
    """From last year's .docx (rendered here from the example) or the published text (tests/data/seeds):
    imported, then moved on a year; check compares with that file and names its paragraphs."""
    if kind == "docx":
        r = run_cli("render", example("xinle-2024-han"), "-o", tmp_path / "2024.docx")
        assert r.code == 0, r
    else:
        shutil.copy(DATA / "seeds" / "xinle-2024-han.txt", tmp_path / "2024.txt")
    r = run_cli("new", "2025.yaml", "--from", f"2024.{kind}", cwd=tmp_path)
    assert r.code == 0 and "已生成：2025.yaml（2024年度 → 2025年度" in r.out, r
    nxt = tmp_path / "2025.yaml"
    assert f"\n上一年度: 2024.{kind} " in nxt.read_text(encoding="utf-8")
    fill_in(nxt)
    r = run_cli("check", "2025.yaml", cwd=tmp_path)
    want = paragraph_lines(nxt)
    assert set(carried_lines(r.out)) == want and len(want) >= 12, r
    where = "第8段“2024年以来,我市坚持…”" if kind == "docx" else "第"
    assert f"（2024.{kind} {where}" in r.out, r


def test_new_from_refuses_what_it_cannot_do(tmp_path):
    shutil.copy(example("short-complete"), tmp_path / "2024.yaml")
    (tmp_path / "坏.yaml").write_text("发文机关: 某县\n年度: 2024\n正文: [\n", encoding="utf-8")
    cases = [
        (["new", "a.yaml", "--from", "没有.yaml"], 1, "错误 FZ001 找不到上一年度的报告“没有.yaml”"),
        (["new", "a.yaml", "--from", "坏.yaml"], 1, "错误 FZ034 上一年度的报告“坏.yaml”有错误（见上），读不出"),
        (["new", "a.yaml", "--from", "2024.yaml", "--org", "某县人民政府"], 2, "--from 沿用上一年度报告的机关、版头和类型，不能同时写 --org"),
        (["new", "2024.yaml", "--from", "2024.yaml"], 1, "“2024.yaml”已存在，drafter new 不会覆盖它（这正是上一年度的报告）"),
        (["new", "a.yaml", "--from", "2024.yaml", "--year", "2031"], 1, "--year 2031 不合理"),
        (["new", "a.txt", "--from", "2024.yaml"], 1, "错误 FZ055 新报告的文件名应以 .yaml 结尾"),
        (["new", "--from", "2024.yaml"], 2, "请写出新报告的文件名，如 drafter new 2025.yaml --from 2024.yaml"),
        (["new", "a.yaml"], 2, "缺少 --org"),
    ]
    before = sorted(p.name for p in tmp_path.iterdir())
    for args, code, msg in cases:
        r = run_cli(*args, cwd=tmp_path)
        assert r.code == code and msg in r.text, (args, r)
    assert sorted(p.name for p in tmp_path.iterdir()) == before            # nothing written
    assert "FZ010" in run_cli("new", "a.yaml", "--from", "坏.yaml", cwd=tmp_path).text


def test_inspect_compares_two_word_files(tmp_path):
    """inspect --previous: the same comparison for two .docx (a reviewer with last year's and this
    year's files, both WPS/Word): each paragraph named by its number in this year's file."""
    r = run_cli("render", example("xinle-2024-han"), "-o", tmp_path / "2024.docx")
    assert r.code == 0, r
    shutil.copy(example("xinle-2024-han"), tmp_path / "x.yaml")
    assert run_cli("new", "2025.yaml", "--from", "x.yaml", cwd=tmp_path).code == 0
    text = fill_in(tmp_path / "2025.yaml")
    text = text.replace("开展行政执法质量三年行动", "全年开展行政执法质量提升行动，评查案卷300卷。开展行政执法质量三年行动")
    (tmp_path / "2025.yaml").write_text(text, encoding="utf-8")
    r = run_cli("render", "2025.yaml", "-o", "2025.docx", cwd=tmp_path)
    assert r.code == 0, r
    r = run_cli("inspect", "2025.docx", "--previous", "2024.docx", cwd=tmp_path)
    lines = [ln for ln in r.out.splitlines() if re.search(r" FZ90[1-4] ", ln)]
    assert len(lines) == 14, r
    assert lines[0].startswith("2025.docx: 警告 FZ901 〔第8段“2024年以来,我市坚持…”〕本段与上一年度报告的一段相同（2024.docx 第8段")
    numbers = [int(re.search(r"〔第(\d+)段", ln).group(1)) for ln in lines]
    assert numbers == sorted(numbers)
    assert any(" FZ902 〔第13段“（一）加大行政执法监督力…”〕本段有 " in ln for ln in lines), lines
    assert "与上一年度报告 2024.docx 相比：本年度 14 段中有 14 段沿用了上年的文字（相同 13 段，基本相同 1 段）。" in r.out
    r = run_cli("inspect", "2025.docx", "2024.docx", "--previous", "2024.docx", cwd=tmp_path)
    assert r.code == 2 and "--previous 只能和一个文件一起用" in r.err, r


def test_the_python_api_compares_too(tmp_path):
    """drafter.check(report, previous=...) as the command does: a file or a loaded Report; by default
    the 上一年度 the report names."""
    import drafter

    shutil.copy(example("xinle-2024-han"), tmp_path / "2024.yaml")
    assert run_cli("new", "2025.yaml", "--from", "2024.yaml", cwd=tmp_path).code == 0
    this, last = drafter.load(tmp_path / "2025.yaml"), drafter.load(tmp_path / "2024.yaml")
    for previous in (None, tmp_path / "2024.yaml", last):
        codes = [d.code for d in drafter.check(this, previous=previous) if d.code.startswith("FZ9")]
        assert codes == ["FZ901"] * 14, (previous, codes)
