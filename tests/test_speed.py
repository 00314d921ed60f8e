"""What a command imports decides how fast it starts (issue 7): guard against heavy imports creeping
back.  The timings themselves are in benchmarks/bench.py (they depend on the machine)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import example

PROBE = """
import json, sys
from drafter.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
mods = %r
print(json.dumps({m: m in sys.modules for m in mods}), file=sys.__stderr__)
"""
HEAVY = ["jinja2", "docx", "lxml", "importlib.metadata", "pydantic", "tomllib"]


def _imports(*args, env=None) -> dict:
    e = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    p = subprocess.run([sys.executable, "-c", PROBE % HEAVY, *map(str, args)], capture_output=True, env=e,
                       timeout=120)
    last = p.stderr.decode("utf-8").strip().splitlines()[-1]
    return json.loads(last)


def test_help_imports_nothing_heavy():
    got = _imports("--help")
    assert not any(got.values()), got


def test_check_imports_neither_docx_nor_jinja_nor_metadata(tmp_path):
    # xinle-2024-han writes every part heading, so no default wording (Jinja2) is needed to check it
    got = _imports("check", example("xinle-2024-han"))
    assert got["pydantic"]
    assert not got["docx"] and not got["lxml"] and not got["jinja2"], got
    assert not got["importlib.metadata"] and not got["tomllib"], got


def test_render_skips_pydantic_plugin_discovery(tmp_path):
    got = _imports("render", example("xinle-2024-han"), "-o", tmp_path / "x.docx")
    assert got["lxml"] and got["jinja2"] and not got["docx"]     # the writer uses lxml, not python-docx
    assert not got["importlib.metadata"], got
    assert (tmp_path / "x.docx").is_file()


def test_plugin_discovery_kept_when_the_user_names_plugins_to_disable(tmp_path):
    got = _imports("check", example("xinle-2024-han"), env={"PYDANTIC_DISABLE_PLUGINS": "some-plugin"})
    assert got["importlib.metadata"], got


def test_plugin_stub_falls_back_to_pydantic_for_anything_else():
    code = ("import sys\nfrom drafter import cli\ncli._no_pydantic_plugin_discovery()\n"
            "from drafter.loader import load_file\n"
            f"assert load_file({str(example('short-complete'))!r}).report is not None\n"
            "assert 'importlib.metadata' not in sys.modules\n"
            "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
            "assert PYDANTIC_ENTRY_POINT_GROUP == 'pydantic'\n"
            "print('ok')\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert p.stdout.decode().strip() == "ok", p.stderr.decode()
