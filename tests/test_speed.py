"""What a command imports decides how fast it starts (issue 7): guard against heavy imports creeping
back.  The timings themselves are in benchmarks/bench.py (they depend on the machine)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT, example, run_cli

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
    assert got["docx"] and got["jinja2"]            # the writer renders through python-docx
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


# -- the built-in templates' compiled code is cached beside them (drafter.kinds._builtin_cache) --
def _kind_copy(tmp_path):
    import shutil

    d = tmp_path / "fzzf"
    shutil.copytree(ROOT / "templates" / "fzzf", d, ignore=shutil.ignore_patterns("__pycache__"))
    return d


def _fresh_env(d):
    """A new environment over ``d`` as the built-in kind directory, counting its compilations."""
    from drafter.kinds import environment

    environment.cache_clear()
    env = environment(str(d), None)
    calls = []
    real = env.compile

    def compile_(*a, **kw):
        calls.append(a[1] if len(a) > 1 else kw.get("name"))
        return real(*a, **kw)

    env.compile = compile_
    return env, calls


def _wording(env):
    m = env.get_template("text.j2").module
    return [str(m.title("甲镇人民政府", 2024, "甲镇")), str(m.part_heading("四", 2024)), str(m.closing())]


def test_builtin_template_is_compiled_once_then_loaded_from_its_cache(tmp_path):
    d = _kind_copy(tmp_path)
    env, calls = _fresh_env(d)
    first = _wording(env)
    assert calls == ["text.j2"]
    cached = list((d / "__pycache__").glob("*.cache"))
    assert len(cached) == 1
    env, calls = _fresh_env(d)
    assert _wording(env) == first and calls == []             # loaded, not compiled
    assert first == ["甲镇人民政府2024年法治政府建设年度情况报告", "2025年度推进法治政府建设的主要安排", "特此报告。"]


def test_template_cache_follows_the_source_and_survives_damage(tmp_path):
    d = _kind_copy(tmp_path)
    _wording(_fresh_env(d)[0])
    entry = next((d / "__pycache__").glob("*.cache"))
    entry.write_bytes(b"\x00garbage" * 10)                  # a damaged entry: compiled again and rewritten
    env, calls = _fresh_env(d)
    assert _wording(env)[2] == "特此报告。" and calls == ["text.j2"]
    env, calls = _fresh_env(d)
    _wording(env)
    assert calls == []
    j2 = d / "text.j2"                                      # an edited template is never served from the cache
    j2.write_text(j2.read_text(encoding="utf-8").replace("特此报告。", "特此报告，请审阅。"), encoding="utf-8")
    env, calls = _fresh_env(d)
    assert _wording(env)[2] == "特此报告，请审阅。" and calls == ["text.j2"]


def test_template_cache_that_cannot_be_written_is_skipped(tmp_path):
    d = _kind_copy(tmp_path)
    (d / "__pycache__").write_text("not a folder", encoding="utf-8")     # neither readable nor writable
    for _ in range(2):
        env, calls = _fresh_env(d)
        assert _wording(env)[2] == "特此报告。" and calls == ["text.j2"]
    assert (d / "__pycache__").read_text(encoding="utf-8") == "not a folder"


def test_user_template_folder_gets_no_cache(tmp_path):
    d = _kind_copy(tmp_path)
    y = tmp_path / "r.yaml"
    y.write_bytes(example("yufa-2023").read_bytes())
    r = run_cli("render", y, "--templates", d)
    assert r.code == 0, r
    assert (d / "text.j2").is_file() and not (d / "__pycache__").exists()


def test_benchmark_runs_and_prints_every_target(tmp_path):
    """The benchmark itself (README: one command) runs from a clone and reports each target; tiny sizes
    here, so the figures mean nothing: only that every target is measured and judged."""
    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--reports", "6", "--runs", "5",
                        "--inproc", "3", "--batch-rounds", "1"], capture_output=True, timeout=600,
                       env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    out = p.stdout.decode("utf-8")
    rows = [ln for ln in out.splitlines() if ln.endswith(("PASS", "FAIL"))]
    assert [r.split("  ")[0] for r in rows] == [
        "in-process render ≤ 1.3 × bare python-docx floor",
        "drafter render as a process ≤ 1.4 × the import floor (paired)",
        "drafter check as a process ≤ 0.25 s", "drafter render peak memory ≤ 200 MB",
        "6 reports on 2 cores ≥ 1.8 × single-core throughput", "batch peak memory ≤ 200 MB (parent + workers, PSS)"], out
    failed = sum(r.endswith("FAIL") for r in rows)
    assert f"{6 - failed} of 6 targets met." in out
    assert p.returncode == (1 if failed else 0), p.stderr.decode("utf-8", "replace")[-2000:]
    assert "6 written, exit 0" in out and "floor: python importing" in out
    # the timed batch runs are not watched; memory is sampled in runs of its own, after them
    timed, watched = out.split("peak memory, in runs of their own")
    assert "-j 2:" in timed and "MB PSS" not in timed.split("synthetic district")[1]
    assert watched.count("MB PSS") == 2 and "-j 1:" in watched and "-j 2:" in watched


def test_instruction_counter_counts_real_processes():
    """benchmarks/instructions.py (deterministic figures for comparing versions) runs valgrind for real."""
    import re
    import shutil

    import pytest

    if shutil.which("valgrind") is None:
        if os.environ.get("CI"):
            pytest.fail("valgrind is required when CI is set (.ci/run installs it)")
        pytest.skip("valgrind not installed")
    p = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "instructions.py"), "--quick"],
                       capture_output=True, timeout=600, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    out = p.stdout.decode("utf-8")
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-2000:]
    counts = {m.group(1).strip(): int(m.group(2)) for m in re.finditer(r"^  (.+?)\s+(\d+)M", out, re.M)}
    assert set(counts) == {"python -c pass", "drafter --help"}, out
    # Python starts in tens of millions of instructions; drafter --help adds click and the CLI on top
    assert 10 <= counts["python -c pass"] < counts["drafter --help"], out


def _run_entry(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_the_command_skips_interpreter_teardown_but_not_exit_functions_nor_output():
    """drafter.cli.run (the console script, python -m drafter) leaves with os._exit after main():
    atexit callbacks run and all output arrives, but objects are not torn down (~30 ms a command)."""
    p = _run_entry(
        "import atexit, sys\n"
        "class Probe:\n"
        "    def __del__(self):\n"
        "        print('teardown', file=sys.stderr)\n"
        "probe = Probe()\n"
        "atexit.register(lambda: print('atexit ran', file=sys.stderr))\n"
        "sys.argv = ['drafter', 'rules']\n"
        "from drafter.cli import run\n"
        "run()\n")
    out, err = p.stdout.decode("utf-8"), p.stderr.decode("utf-8")
    assert p.returncode == 0, err
    from drafter.codes import registry

    listed = [ln.split()[0] for ln in out.splitlines() if ln.startswith(("FZ", "GB"))]
    assert listed == list(registry())                  # every code drafter rules lists: nothing lost
    assert "atexit ran" in err and "teardown" not in err


def test_the_command_keeps_exit_codes():
    bad = "import sys\nsys.argv = ['drafter', 'check', {!r}]\nfrom drafter.cli import run\nrun()\n"
    assert _run_entry(bad.format(str(ROOT / "no-such-file.yaml"))).returncode == 1
    usage = _run_entry("import sys\nsys.argv = ['drafter', 'render', '--no-such-option']\n"
                       "from drafter.cli import run\nrun()\n")
    assert usage.returncode == 2 and "没有选项" in usage.stderr.decode("utf-8")
    text = _run_entry("import sys, drafter.cli as c\nc.main = lambda: sys.exit('停止')\nc.run()\n")
    assert text.returncode == 1 and "停止" in text.stderr.decode("utf-8")
    ok = _run_entry("import sys\nsys.argv = ['drafter', 'check', {!r}]\nfrom drafter.cli import run\nrun()\n"
                    .format(str(example("short-complete"))))
    assert ok.returncode == 0, ok.stderr.decode("utf-8")


def test_the_floor_gets_the_same_text_as_the_render():
    """The benchmark's floor writes every text drafter prints, as strings (a joint 标志 is a list of
    organs: each of them, and 文件, is a paragraph's text), for every example."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import bench
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from drafter.loader import load_file

    for ex in sorted((ROOT / "examples").glob("*.yaml")):
        texts = bench.block_texts(load_file(ex).report)
        assert texts and all(isinstance(t, str) and t for t in texts), ex.name
    joint = bench.block_texts(load_file(ROOT / "examples" / "qingshi-2024-joint.yaml").report)
    assert joint[:3] == ["中共安平县青石镇委员会", "安平县青石镇人民政府", "文件"]
