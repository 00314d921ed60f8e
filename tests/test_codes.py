"""One registry for every code drafter prints (drafter.codes): FZ0xx (reading files, the commands),
FZ1xx–FZ9xx (the check rules), GB (inspect).  Every code written in drafter is registered; every
registered code has a Chinese summary and a severity; `drafter rules` lists them all by group; and
every one is emitted by some test (tests/test_zz_codes_emitted.py, at the end of the run)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import drafter
from conftest import run_cli
from drafter.codes import GROUPS, registry

PKG = Path(drafter.__file__).parent
CODE_RE = re.compile(r"\b(FZ\d{3}|GB\d{3})\b")


def test_every_code_written_in_drafter_is_registered():
    known = set(registry())
    unknown = {}
    for path in list(PKG.rglob("*.py")) + list((PKG.parent / "templates").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".j2"):
            for code in CODE_RE.findall(path.read_text(encoding="utf-8")):
                if code not in known:
                    unknown.setdefault(code, str(path.relative_to(PKG.parent)))
    assert not unknown, f"codes written in drafter but not in drafter.codes: {unknown}"


def test_every_code_has_a_summary_severity_group_and_place():
    for code, c in registry().items():
        assert re.fullmatch(r"(FZ|GB)\d{3}", code) and c.code == code
        assert c.severity in ("error", "warning", "info"), code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in c.summary) and "\n" not in c.summary, code
        assert c.group and code[:3] in GROUPS, code
        assert c.applies in ("yaml", "docx", "both", "file"), code


def test_drafter_rules_lists_every_code_by_group():
    r = run_cli("rules")
    assert r.code == 0
    codes = registry()
    listed = re.findall(r"^((?:FZ|GB)\d{3})  ", r.out, re.M)
    assert listed == list(codes)                       # every one, once, in order
    for group in {c.group for c in codes.values()}:
        assert f"【{group}】" in r.out
    assert f"共 {len(codes)} 个代码" in r.out
    assert "GB601  错误  没有页码  〔Word 文件〕" in r.out
    assert "FZ401  警告  中文中使用了半角标点 , ; : ? ! ( ) . [可修正]  (half-width-punctuation)  〔YAML 和 Word 文件〕" \
        in r.out
    data = json.loads(run_cli("rules", "--format", "json").out)
    assert [d["code"] for d in data] == list(codes)
    assert {d["applies"] for d in data} == {"yaml", "docx", "both", "file"}


def test_one_diagnostic_type_for_check_and_inspect(rendered):
    """check's findings and inspect's are the same type, printed and written as JSON the same way."""
    from drafter.diagnostics import Diagnostic
    from drafter.inspect import inspect_file
    from drafter.check import check_file
    from conftest import example

    res = inspect_file(rendered["xinle-2024-han"])
    chk = check_file(example("xinle-2024-han"))
    assert res.findings and chk.diagnostics
    assert all(type(d) is Diagnostic for d in res.findings + chk.diagnostics)
    keys = {tuple(d.to_json()) for d in res.findings + chk.diagnostics}
    assert len(keys) == 1
