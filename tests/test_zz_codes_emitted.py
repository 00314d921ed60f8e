"""Runs last: every code in the registry was emitted by some test of this run.

conftest.py points DRAFTER_CODE_LOG at a file for the whole session (the CLI subprocesses inherit it);
drafter.diagnostics.Diagnostic appends each code made to it.  Only a run of the whole suite can say
that no test emits a code: a run of some of the tests is told so and the check is not made."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.codes import registry

TESTS = Path(__file__).parent


def test_every_registered_code_is_emitted_by_some_test(request):
    modules = {Path(str(item.fspath)).name for item in request.session.items}
    every = {p.name for p in TESTS.glob("test_*.py") if "\ndef test_" in p.read_text(encoding="utf-8")
             or "table_tests(" in p.read_text(encoding="utf-8")}
    if modules != every:
        pytest.skip(f"只运行了部分测试（{len(modules)}/{len(every)} 个测试文件），无法判断每个代码是否都有测试")
    log = Path(os.environ["DRAFTER_CODE_LOG"])
    emitted = set(log.read_text(encoding="utf-8").split()) if log.exists() else set()
    missing = sorted(set(registry()) - emitted)
    assert not missing, f"no test makes drafter emit these codes: {missing}"
