"""A mistyped command line gets a Chinese usage message, never click's English one.

Every option and argument of every command is tried with the mistakes its type allows (a word where
a number goes, a number out of range, a value not in the list, a folder where a file goes, a missing
value or file), in a real ``drafter`` process."""
from __future__ import annotations

import importlib
import os
import re

import click

import pytest

from conftest import ROOT, run_cli
from drafter.cli import COMMANDS

EXAMPLE = ROOT / "examples" / "xinle-2024-han.yaml"
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED = {"drafter", "help", "yaml", "docx"}      # the command, --help and file types in the examples


def _mistakes(tmp):
    """(subcommand, arguments, what the message must say) for every parameter of every command."""
    folder = tmp / "一个文件夹"
    folder.mkdir()
    for sub, (module, _) in COMMANDS.items():
        cmd = importlib.import_module(module).cmd
        required = [p for p in cmd.params if isinstance(p, click.Argument) and p.required]
        if required:
            yield sub, [], "缺少要处理的文件"
        for p in cmd.params:
            if not isinstance(p, click.Option) or p.is_flag or p.count:
                continue
            opt, t = p.opts[0], p.type
            rest = [str(EXAMPLE)] if required else []
            yield sub, [*rest, opt], "后面要写一个值"
            if isinstance(t, click.IntRange) and t.min is not None:
                yield sub, [opt, str(t.min - 1), *rest], "超出范围"
            if isinstance(t, (click.types.IntParamType, click.IntRange)):
                yield sub, [opt, "三", *rest], "不是整数"
            if isinstance(t, click.Choice):
                yield sub, [opt, "别的", *rest], "不是可选的值"
            if isinstance(t, click.Path) and not t.dir_okay:
                yield sub, [opt, str(folder), *rest], "是一个文件夹"
        for p in cmd.params:
            if isinstance(p, click.Argument) and isinstance(p.type, click.Path) and not p.type.dir_okay:
                yield sub, [str(folder)], "是一个文件夹"


def test_every_parameter_mistake_is_explained_in_chinese(tmp_path):
    cases = list(_mistakes(tmp_path))
    subs = {c[0] for c in cases}
    # the walk reaches every kind of mistake and most commands (rules/fonts/schema take few values)
    assert {"check", "render", "import", "inspect", "new"} <= subs
    assert {c[2] for c in cases} == {"缺少要处理的文件", "后面要写一个值", "超出范围", "不是整数", "不是可选的值",
                                     "是一个文件夹"}
    for sub, args, want in cases:
        r = run_cli(sub, *args, cwd=tmp_path)
        assert r.code == 2, (sub, args, r)
        assert r.err.startswith("用法错误："), (sub, args, r)
        assert want in r.err, (sub, args, r)
        said = re.sub(r"（可选：[^）]*）", "", r.err)  # the values to choose from are what to type
        for a in sorted([sub, *args], key=len, reverse=True):  # what the clerk typed may be repeated
            said = said.replace(a, "")
        words = set(ENGLISH_WORD.findall(said)) - ALLOWED
        assert not words, (sub, args, r.err)


@pytest.mark.parametrize("args,want", [
    (["check", "-j", "-3", str(EXAMPLE)], "“-3”超出范围（应不小于 0）"),
    (["check", "-j", "1.5", str(EXAMPLE)], "“1.5”不是整数"),
    (["render"], "如 drafter render 报告.yaml"),
    (["import"], "如 drafter import 往年报告.docx"),
    (["inspect"], "如 drafter inspect 报告.docx"),
    (["import", "2023年报告.txt", "--year", "23"], "年度应写四位数字，如 2024（这里是 23）"),
    (["import", "2023年报告.txt", "--year", "99999"], "年度应写四位数字"),
])
def test_usage_messages_say_what_to_type(args, want, tmp_path):
    r = run_cli(*args, cwd=tmp_path)
    assert r.code == 2 and want in r.err, r
    assert f"（用 drafter {args[0]} --help 查看用法）" in r.err, r      # the subcommand's own help (QA)


def test_range_words():
    from drafter.cli import _zh_range

    assert _zh_range("x>=0") == "应不小于 0"
    assert _zh_range("x>0") == "应大于 0"
    assert _zh_range("1<=x<=8") == "应在 1 到 8 之间"
    assert _zh_range("0<x<=1") == "应在 0 到 1 之间，不含端点"
    assert _zh_range("whatever") == "whatever"


@pytest.mark.parametrize("sub", ["", *COMMANDS])
def test_help_is_chinese(sub):
    """click's own words (Usage:, Options:, Show this message and exit., [OPTIONS], TEXT, PATH,
    INTEGER RANGE) are replaced; the columns line up with Chinese placeholders (two columns each)."""
    r = run_cli(*([sub] if sub else []), "--help")
    assert r.code == 0 and r.out.startswith("用法：drafter"), r
    for english in ("Usage", "Options", "Show this", "Show the", "[OPTIONS]", "COMMAND", "TEXT", "PATH",
                    "INTEGER", "FILE"):
        assert english not in r.out, (sub, english, r.out)
    assert "选项：" in r.out and "显示此帮助并退出" in r.out
    assert "[required]" not in r.out and "x>=" not in r.out
    import unicodedata

    def width(s):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    # wrapped by terminal columns (a Chinese character takes two), never starting a line with a closing mark
    section = r.out.split("选项：\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert all(width(ln) <= 80 for ln in section), [ln for ln in section if width(ln) > 80]
    assert not [ln for ln in section if ln.strip()[:1] in "）。，、；：”》"]

    section = r.out.split("选项：\n", 1)[1].split("\n\n", 1)[0].splitlines()
    cols = set()
    for ln in section:
        if not ln.startswith("  -") or "  " not in ln[2:]:
            continue                                  # an option too long for the column wraps
        head = ln[2:].split("  ", 1)[0]
        rest = ln[2 + len(head):]
        cols.add(2 + width(head) + len(rest) - len(rest.lstrip(" ")))
    assert len(cols) == 1, (sub, section)        # the help texts start in one column


@pytest.mark.parametrize("columns", [60, 80])
@pytest.mark.parametrize("sub", ["", *COMMANDS])
def test_whole_help_fits_the_terminal(sub, columns):
    """The descriptions too (QA: click ran them past the edge, and split ".bak" as ".ba / k)")."""
    import unicodedata

    env = {**os.environ, "COLUMNS": str(columns)}
    r = run_cli(*([sub] if sub else []), "--help", env=env)
    assert r.code == 0, r

    def width(s):
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    lines = r.out.splitlines()
    assert all(width(ln) <= columns for ln in lines), [ln for ln in lines if width(ln) > columns]
    assert not [ln for ln in lines if ln.strip() and ln.strip()[0] in "）。，、；：”》〕"], r.out
    assert not [ln for ln in lines if ln.strip() and ln.rstrip()[-1] in "（《“〔"], r.out
    assert not [ln for ln in lines if ln.rstrip().endswith((".ba", ".ya"))], r.out
