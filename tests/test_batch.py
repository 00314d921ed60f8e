"""Batch render and check: many inputs, a process pool, failures that stop nothing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import example, run_cli, run_on_a_terminal

BAD_YAML = "发文机关: 某某县人民政府\n年度: 2024\n"          # no 正文: FZ020


def _docx_text(p: Path) -> str:
    import docx

    return "\n".join(par.text for par in docx.Document(str(p)).paragraphs)


def _document_xml(p: Path) -> bytes:
    with zipfile.ZipFile(p) as z:
        return z.read("word/document.xml")


@pytest.fixture
def district(tmp_path):
    """Five inputs: three good reports, one with errors, one missing file."""
    src = tmp_path / "in"
    src.mkdir()
    good = []
    for name in ("yufa-2023", "xinle-2024-han", "short-complete"):
        p = src / f"{name}.yaml"
        shutil.copy(example(name), p)
        good.append(p)
    bad = src / "bad.yaml"
    bad.write_text(BAD_YAML, encoding="utf-8")
    missing = src / "missing.yaml"
    return {"good": good, "bad": bad, "missing": missing, "dir": src}


def test_mixed_good_and_bad_inputs(district, tmp_path):
    out = tmp_path / "out"
    g = district["good"]
    args = [district["bad"], g[0], district["missing"], g[1], g[2]]
    r = run_cli("render", *args, "-o", f"{out}{os.sep}", "-j", "2")
    assert r.code == 1, r
    # the good ones are written, whatever came before them, and read back as real documents
    for p in g:
        d = out / f"{p.stem}.docx"
        assert d.is_file(), r
        assert f"已生成：{d}" in r.out
        assert "法治政府建设" in _docx_text(d)
    # the failed ones are not written, and the clerk is told which and why, with file:line
    assert sorted(x.name for x in out.iterdir()) == sorted(f"{p.stem}.docx" for p in g)
    assert f"{district['bad']}:1:1: 错误 FZ020" in r.err
    assert "失败 2 个" in r.err and "已生成 3 个" in r.err
    summary = r.err[r.err.index("失败的文件："):]
    assert f"{district['bad']}:1:1：FZ020" in summary and str(district["missing"]) in summary   # with its line
    assert "FZ001" in summary      # the missing file's reason
    assert "请按上面的提示修改这些文件后重新生成" in summary


def test_batch_output_is_the_single_render_output(district, tmp_path):
    """A report rendered in a batch worker is the same document as rendered on its own."""
    g = district["good"]
    out = tmp_path / "out"
    out.mkdir()
    r = run_cli("render", *g, district["bad"], "-o", out, "-j", "2")
    assert r.code == 1, r
    for p in g:
        single = tmp_path / f"single-{p.stem}.docx"
        r1 = run_cli("render", p, "-o", single)
        assert r1.code == 0, r1
        assert _document_xml(single) == _document_xml(out / f"{p.stem}.docx")


def test_output_name_collisions(tmp_path):
    a, b, out = tmp_path / "甲区", tmp_path / "乙区", tmp_path / "out"
    a.mkdir(), b.mkdir()
    shutil.copy(example("yufa-2023"), a / "2023.yaml")
    shutil.copy(example("xinle-2024-han"), b / "2023.yaml")
    shutil.copy(example("short-complete"), tmp_path / "short.yaml")
    # the same file twice is rendered once
    r = run_cli("render", a / "2023.yaml", b / "2023.yaml", tmp_path / "short.yaml", a / "2023.yaml",
                "-o", f"{out}/", "-j", "2")
    assert r.code == 0, r
    assert sorted(x.name for x in out.iterdir()) == ["short.docx", "乙区-2023.docx", "甲区-2023.docx"]
    assert "同名" in r.err and "甲区-2023.docx" in r.err and "只处理一次" in r.err
    # each name holds its own report
    assert "榆垡镇" in _docx_text(out / "甲区-2023.docx")
    assert "新乐" in _docx_text(out / "乙区-2023.docx")
    assert "新乐" not in _docx_text(out / "甲区-2023.docx")


def test_collisions_ignore_case_and_extension(tmp_path):
    from drafter.batch import plan_outputs

    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    for p in ("a/R.yaml", "b/r.yaml", "a/x.yaml", "a/x.yml", "a-R.yaml"):
        (tmp_path / p).write_text("x", encoding="utf-8")
    planned, notices = plan_outputs([tmp_path / p for p in ("a/R.yaml", "b/r.yaml", "a/x.yaml", "a/x.yml",
                                                            "a-R.yaml")], tmp_path / "out")
    names = [p.out.name for p in planned]
    # the file really named a-R.yaml keeps a-R.docx; a/R.yaml, renamed after its folder, gets a number
    assert names == ["a-R-2.docx", "b-r.docx", "x-yaml.docx", "x-yml.docx", "a-R.docx"]
    assert len({n.casefold() for n in names}) == len(names)
    assert len(notices) == 2          # one line per reason, each file once
    assert "已按所在文件夹改名" in notices[0] and "a-R-2.docx" in notices[0] and "x-yaml" not in notices[0]
    assert "已按扩展名改名" in notices[1] and "x-yaml.docx" in notices[1] and "x-yml.docx" in notices[1]
    # x.yml, x.yaml and x.YAML in one folder: three names, one notice each
    for p in ("c/x.yml", "c/x.yaml", "c/x.YAML"):
        (tmp_path / p).parent.mkdir(exist_ok=True)
        (tmp_path / p).write_text("x", encoding="utf-8")
    planned, notices = plan_outputs([tmp_path / p for p in ("c/x.yml", "c/x.yaml", "c/x.YAML")], tmp_path / "out")
    assert [p.out.name for p in planned] == ["x-yml.docx", "x-yaml.docx", "x-YAML-2.docx"]
    assert len(notices) == 1 and notices[0].count("→") == 3
    # without -o: next to each input, collisions only within a folder
    planned, _ = plan_outputs([tmp_path / "a/x.yaml", tmp_path / "a/x.yml", tmp_path / "b/r.yaml"])
    assert [p.out for p in planned] == [tmp_path / "a/x-yaml.docx", tmp_path / "a/x-yml.docx",
                                        tmp_path / "b/r.docx"]


def test_names_differing_only_in_case_are_numbered(tmp_path, monkeypatch):
    from drafter.batch import plan_outputs

    monkeypatch.chdir(tmp_path)
    for p in ("report.yaml", "Report.yaml"):
        (tmp_path / p).write_text("x", encoding="utf-8")
    planned, notices = plan_outputs(["report.yaml", "Report.yaml"], "out")
    # the extension does not tell them apart (both .yaml): the first keeps its name, the second is numbered
    assert [p.out.name for p in planned] == ["report.docx", "Report-2.docx"]
    assert len(notices) == 1 and "扩展名" not in notices[0] and "大小写" in notices[0], notices


def test_same_file_twice_is_named_as_typed(tmp_path, monkeypatch):
    from drafter.batch import plan_outputs

    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text("x", encoding="utf-8")
    planned, notices = plan_outputs(["a.yaml", "./a.yaml", "a.yaml"], "out")
    assert len(planned) == 1
    assert notices == ["注意：“./a.yaml”与“a.yaml”是同一个文件，只处理一次", "注意：“a.yaml”写了不止一次，只处理一次"]


def test_no_output_folder_writes_next_to_each_input(district):
    g = district["good"]
    r = run_cli("render", *g, "-j", "2")
    assert r.code == 0, r
    for p in g:
        assert p.with_suffix(".docx").is_file()


def test_existing_output_fails_alone_and_is_untouched(district, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    g = district["good"]
    old = out / f"{g[1].stem}.docx"
    old.write_bytes(b"old")
    r = run_cli("render", *g, district["bad"], "-o", out)
    assert r.code == 1, r
    assert old.read_bytes() == b"old"
    assert "FZ051" in r.err and "--force" in r.err
    assert (out / f"{g[0].stem}.docx").is_file() and (out / f"{g[2].stem}.docx").is_file()
    r = run_cli("render", *g, "-o", out)              # all outputs exist: nothing in the inputs to mend
    assert r.code == 1 and "这些文件的输出已存在；要重新生成，请加 --force。" in r.err
    assert "请按上面的提示修改这些文件" not in r.err
    r = run_cli("render", *g, "-o", out, "--force")
    assert r.code == 0, r
    assert old.read_bytes()[:2] == b"PK"


def test_a_failed_report_names_its_stale_output(district, tmp_path):
    """A report that rendered last time and fails now leaves last time's .docx in the folder (drafter
    never deletes a clerk's file): the summary says it is old, so nobody sends it as the new one."""
    out = tmp_path / "out"
    g = district["good"]
    assert run_cli("render", *g, "-o", f"{out}{os.sep}").code == 0
    old = out / f"{g[1].stem}.docx"
    before = old.read_bytes()
    g[1].write_text(g[1].read_text(encoding="utf-8").replace("成文日期: 2024年12月20日", "成文日期: 2024年2月30日"),
                    encoding="utf-8")
    r = run_cli("render", *g, "-o", f"{out}{os.sep}", "--force", "-j", "2")
    assert r.code == 1 and "FZ027" in r.err, r
    assert old.read_bytes() == before
    summary = r.err[r.err.index("失败的文件："):]
    assert f"（“{old}”仍是以前生成的文件，这次没有更新）" in summary, r.err
    assert summary.count("仍是以前生成的文件") == 1               # the others were written anew
    # one report alone says the same
    r = run_cli("render", g[1], "-o", old, "--force")
    assert r.code == 1 and f"有错误，未生成文件。“{old}”仍是以前生成的文件，这次没有更新。" in r.err, r
    # a Word file given by mistake: its own .docx is the input, not an old output (review)
    shutil.copy(old, tmp_path / "word.docx")
    r = run_cli("render", tmp_path / "word.docx")
    assert r.code == 1 and "FZ008" in r.err and "以前生成的" not in r.err, r
    # a report that never rendered has no old file to speak of
    r = run_cli("render", *g, district["bad"], "-o", f"{out}{os.sep}", "--force")
    assert r.err.count("仍是以前生成的文件") == 1, r.err


def test_exit_code_zero_only_when_all_succeed(district, tmp_path):
    g = district["good"]
    assert run_cli("render", *g, "-o", f"{tmp_path / 'o1'}/", "-j", "1").code == 0
    assert run_cli("render", *g, district["bad"], "-o", f"{tmp_path / 'o2'}/", "-j", "1").code == 1
    assert not (tmp_path / "o2" / "bad.docx").exists()


def test_output_option_rules(district, tmp_path):
    g = district["good"]
    # one input, an existing folder without a trailing separator: still FZ053
    r = run_cli("render", g[0], "-o", tmp_path)
    assert r.code == 1 and "FZ053" in r.err and f"-o {tmp_path}{os.sep}”" in r.err    # says what to type
    # a .pdf name: the message says how to get a PDF
    r = run_cli("render", g[0], "-o", tmp_path / "x.pdf")
    assert r.code == 1 and "FZ055" in r.err and f"-o {tmp_path / 'x.docx'} --pdf”" in r.err, r
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.docx").exists()
    # one input, a folder written with the separator: made if missing, <name>.docx inside
    r = run_cli("render", g[0], "-o", f"{tmp_path / 'single'}/")
    assert r.code == 0, r
    assert (tmp_path / "single" / f"{g[0].stem}.docx").is_file()
    # several inputs need a folder
    r = run_cli("render", *g, "-o", tmp_path / "all.docx")
    assert r.code == 1 and "FZ057" in r.err and "文件夹" in r.err
    assert not (tmp_path / "all.docx").exists()
    assert not any(tmp_path.glob("*.docx"))
    # a folder whose parent is missing is a clear error, nothing is made
    r = run_cli("render", *g, "-o", f"{tmp_path / 'no' / 'such'}/")
    assert r.code == 1 and "FZ052" in r.err and not (tmp_path / "no").exists()


def test_non_tty_output_has_no_progress_bar(district, tmp_path):
    r = run_cli("render", *district["good"], district["bad"], "-o", f"{tmp_path / 'o'}/", "-j", "2")
    assert r.code == 1
    assert "\r" not in r.err and "\x1b" not in r.err and "[#" not in r.err and "[." not in r.err
    r = run_cli("check", *district["good"])
    assert "\r" not in r.err


def test_progress_bar_on_a_terminal(district, tmp_path):
    proc, err = run_on_a_terminal("render", *district["good"], district["bad"], "-o", f"{tmp_path / 'o'}/", "-j", "2")
    assert proc.returncode == 1
    assert "\r生成 [" in err and "4/4" in err and "失败 1" in err
    assert "Traceback" not in err


def test_check_many_matches_check_file_in_order(district):
    from drafter.batch import check_many
    from drafter.check import check_file

    paths = [district["bad"], *district["good"], district["missing"]]
    results = check_many(paths, jobs=2)
    assert len(results) == len(paths)
    for p, res in zip(paths, results):
        one = check_file(p)
        assert [d.format() for d in res.diagnostics] == [d.format() for d in one.diagnostics]
    assert results[0].errors and not results[1].errors and results[-1].errors
    assert results[1].loaded.report.org == "北京市大兴区榆垡镇人民政府"     # the loaded report comes back too
    light = check_many(paths, jobs=2, keep_loaded=False)
    assert [[d.format() for d in r.diagnostics] for r in light] == [[d.format() for d in r.diagnostics]
                                                                     for r in results]
    assert all(r.loaded.report is None and r.loaded.source is None for r in light)


def _exit_on_three(x):
    if x == 3:
        os._exit(9)         # a worker killed mid-report (as by the OOM killer)
    return x * 10


def _failed(x, why):
    return ("failed", x, why)


def _times_ten(x):
    return x * 10


def test_a_dying_worker_fails_only_its_own_report():
    from drafter.batch import run_jobs

    res = run_jobs(_exit_on_three, list(range(10)), 2, failed=_failed)
    assert res[:3] == [0, 10, 20] and res[4:] == [40, 50, 60, 70, 80, 90]
    assert res[3][:2] == ("failed", 3) and "意外退出" in res[3][2]


def _exit_on_37_or_117(x):
    if x in (37, 117):
        os._exit(9)
    return x * 10


def test_pool_tasks_cover_every_input_once_and_shrink_to_single_reports():
    from drafter.batch import CHUNK_MAX, _chunks

    for n, jobs in ((500, 2), (120, 2), (37, 3), (5, 4), (1000, 8)):
        tasks = _chunks(list(range(n)), jobs)
        sizes = [len(t) for t in tasks]
        assert [i for t in tasks for i in t] == list(range(n))      # all, once, in order
        assert max(sizes) <= CHUNK_MAX and sizes == sorted(sizes, reverse=True)
        assert sizes[-jobs:] == [1] * jobs       # the workers finish together
    assert len(_chunks(list(range(500)), 2)) < 100                  # not one round trip per report


def test_a_dying_worker_in_a_chunked_pool_fails_only_its_own_report():
    from drafter.batch import _chunks, run_jobs

    tasks = _chunks(list(range(120)), 2)
    assert len(tasks[4]) > 1 and tasks[-3:] == [[117], [118], [119]]   # 37 in a task of several; 117 alone
    res = run_jobs(_exit_on_37_or_117, list(range(120)), 2, failed=_failed)
    dead = (37, 117)
    assert [r for k, r in enumerate(res) if k not in dead] == [k * 10 for k in range(120) if k not in dead]
    assert res[37][:2] == ("failed", 37) and res[117][:2] == ("failed", 117)


def test_check_command_batches_in_parallel_with_the_same_findings(tmp_path):
    from conftest import EXAMPLES, run_cli

    bad = tmp_path / "bad.yaml"
    bad.write_text("发文机关: 青山县人民政府\n年度: 2024\n正文: []\n", encoding="utf-8")
    files = [*EXAMPLES, bad]
    one = run_cli("check", "-j", "1", *files)
    two = run_cli("check", "-j", "2", *files)
    assert one.code == two.code == 1
    assert one.out == two.out
    assert f"检查了 {len(files)} 个文件" in two.out and "bad.yaml:" in two.out


def test_an_unreadable_input_fails_alone():
    """A file the clerk may not read is one failed input (FZ001), not a usage error that stops the
    batch: click's own readable check ran before drafter's.  Root reads anything: as root the command
    runs without the capabilities that let root past file permissions (conftest.AS_A_CLERK), still as
    root, so it reaches the checkout wherever it is (a clone in a folder no other user may enter)."""
    import stat
    import tempfile

    from conftest import AS_A_CLERK

    folder = Path(tempfile.mkdtemp(prefix="drafter-unreadable-"))
    try:
        shutil.copy(example("short-complete"), folder / "好.yaml")
        shutil.copy(example("short-complete"), folder / "不可读.yaml")
        os.chmod(folder / "不可读.yaml", 0)
        (folder / "锁住").mkdir()                     # a folder the clerk may not enter
        shutil.copy(example("short-complete"), folder / "锁住" / "报告.yaml")
        os.chmod(folder / "锁住", 0)
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
        for cmd in (["render", "不可读.yaml", "好.yaml", "锁住/报告.yaml", "-o", "out/", "-j", "1"],
                    ["check", "不可读.yaml", "好.yaml", "锁住/报告.yaml"]):
            p = subprocess.run([*AS_A_CLERK, sys.executable, "-m", "drafter", *cmd], cwd=folder, env=env,
                               capture_output=True, text=True, timeout=120)
            out = p.stdout + p.stderr
            assert p.returncode == 1, out
            assert "不可读.yaml: 错误 FZ001 没有权限读取“不可读.yaml”" in out and "用法错误" not in out, out
            assert "锁住/报告.yaml: 错误 FZ001 没有权限读取" in out and "内部错误" not in out, out
        assert sorted(x.name for x in (folder / "out").iterdir()) == ["好.docx"]
        assert stat.S_IMODE((folder / "不可读.yaml").stat().st_mode) == 0
    finally:
        os.chmod(folder / "不可读.yaml", 0o644)
        os.chmod(folder / "锁住", 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def test_ctrl_c_during_a_parallel_batch(tmp_path):
    """Ctrl-C while two workers render: exit 130 with the files written so far listed (every one, and
    only those), no temporary file, no worker left behind.  The signal goes to the parent and then to
    its process group, as ``timeout`` delivers it (twice) and as a terminal does (once, to all)."""
    import signal
    import time

    src = tmp_path / "in"
    src.mkdir()
    text = example("xinle-2024-han").read_bytes()
    for k in range(400):
        (src / f"r{k:03d}.yaml").write_bytes(text)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "drafter", "render", *sorted(map(str, src.iterdir())),
                          "-o", f"{out}/", "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.is_dir() or len(list(out.glob("*.docx"))) < 16):
        time.sleep(0.02)
    os.kill(p.pid, signal.SIGINT)
    os.killpg(p.pid, signal.SIGINT)
    stdout, stderr = p.communicate(timeout=60)
    stdout, stderr = stdout.decode("utf-8"), stderr.decode("utf-8")
    assert p.returncode == 130, stderr
    listed = sorted(line.removeprefix("已生成：") for line in stdout.splitlines() if line.startswith("已生成："))
    written = sorted(str(f) for f in out.glob("*.docx"))
    assert 16 <= len(written) < 400 and listed == written
    assert f"已中断：已生成 {len(written)} 个文件（见上），其余未生成" in stderr and "Traceback" not in stderr
    assert not [f for f in os.listdir(out) if not f.endswith(".docx")]       # no temporary files
    for f in written:
        with zipfile.ZipFile(f) as z:
            assert z.testzip() is None
    with pytest.raises(ProcessLookupError):     # the session's processes are all gone: no worker left
        os.killpg(p.pid, 0)


def test_summary_counts_warnings_and_notes_apart(tmp_path):
    """A GBK file's encoding notice is a 提示, not a 警告 (drafter check says the same)."""
    (tmp_path / "gbk.yaml").write_bytes(example("short-complete").read_text(encoding="utf-8").encode("gbk"))
    shutil.copy(example("short-complete"), tmp_path / "u.yaml")
    r = run_cli("render", "gbk.yaml", "u.yaml", "-o", "out/", cwd=tmp_path)
    assert r.code == 0 and "已生成的文件有 1 条提示（如文件编码），查看：drafter check gbk.yaml\n" in r.err, r
    assert "有警告" not in r.err
    shutil.copy(example("xinle-2024-han"), tmp_path / "x.yaml")          # 21 warnings of its own
    r = run_cli("render", "gbk.yaml", "x.yaml", "-o", "out2/", cwd=tmp_path)
    assert "已生成的文件中有 1 个有警告（共 21 条），另有 1 条提示：\n  x.yaml：21 条警告，查看：drafter check x.yaml\n" \
        in r.err, r
    # check names the files with errors, in the order given
    (tmp_path / "bad.yaml").write_text(BAD_YAML, encoding="utf-8")
    r = run_cli("check", "x.yaml", "bad.yaml", "u.yaml", "gbk.yaml", cwd=tmp_path)
    assert r.code == 1 and "有错误的文件（1 个）：bad.yaml（1 个）" in r.out, r


_SLOW_JOBS = """
import os, sys, time
from pathlib import Path
from drafter import batch
from drafter.atomic import write_atomic

OUT = Path(sys.argv[1])

def job(i):
    def produce(f):
        f.write(b"x")
        time.sleep(0.3)
    write_atomic(OUT / f"{i:03d}.out", produce)
    return i

if __name__ == "__main__":
    try:
        batch.run_jobs(job, list(range(200)), 2, failed=lambda a, why: None,
                       on_result=lambda r: print("done", r, flush=True))
    except KeyboardInterrupt:
        raise SystemExit(130)
"""


def test_a_second_ctrl_c_stops_the_workers_at_once(tmp_path):
    """The first Ctrl-C lets the tasks in hand finish; a second one a moment later stops the workers:
    the batch ends within a second or two, no worker is left and no temporary file either (a SIGTERM
    used to be caught by the pool's worker loop, which went on with the next task while the parent
    waited for it for ever)."""
    import signal
    import time

    out = tmp_path / "out"
    out.mkdir()
    script = tmp_path / "slow.py"
    script.write_text(_SLOW_JOBS, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    p = subprocess.Popen([sys.executable, str(script), str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env=env, start_new_session=True)
    time.sleep(2.0)
    os.killpg(p.pid, signal.SIGINT)
    time.sleep(1.5)                                 # past the "same key press delivered twice" window
    second = time.monotonic()
    os.killpg(p.pid, signal.SIGINT)
    try:
        p.communicate(timeout=15)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    assert p.returncode == 130
    assert time.monotonic() - second < 5
    with pytest.raises(ProcessLookupError):
        os.killpg(p.pid, 0)
    names = os.listdir(out)
    assert names and all(n.endswith(".out") and not n.startswith(".") for n in names), names


_DIES_AFTER_WRITING = """
import os, sys
from pathlib import Path
from drafter import batch

real = batch._render

def render_then_die(src, out, *rest):
    o = real(src, out, *rest)
    if src.endswith("r05.yaml"):          # its .docx is written, then its worker dies with the task
        os._exit(9)
    return o

batch._render = render_then_die
if __name__ == "__main__":
    res = batch.render_many(sorted(str(p) for p in Path(sys.argv[1]).glob("*.yaml")), sys.argv[2], jobs=2)
    for o in res.outcomes:
        print(Path(o.src).name, "ok" if o.ok else ",".join(d.code for d in o.errors))
"""


def test_reports_retried_after_a_worker_died_replace_their_own_output(tmp_path):
    """The reports of a task whose worker died are retried one by one; one of them already wrote its
    .docx before the crash, and replacing it is no FZ051 ("already exists"): the file did not exist
    before the batch.  Only the report that kills its worker fails."""
    src = tmp_path / "in"
    src.mkdir()
    for k in range(24):
        shutil.copy(example("short-complete"), src / f"r{k:02d}.yaml")
    out = tmp_path / "out"
    out.mkdir()
    (out / "r10.docx").write_bytes(b"kept")               # existed before: still needs --force
    script = tmp_path / "dies.py"
    script.write_text(_DIES_AFTER_WRITING, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    p = subprocess.run([sys.executable, str(script), str(src), str(out)], capture_output=True, text=True,
                       env=env, timeout=300)
    status = dict(line.split() for line in p.stdout.splitlines())
    assert status.pop("r05.yaml") == "FZ099" and status.pop("r10.yaml") == "FZ051", p.stdout + p.stderr
    assert set(status.values()) == {"ok"}, p.stdout
    assert (out / "r10.docx").read_bytes() == b"kept"


def test_a_pool_that_breaks_while_tasks_are_handed_out(monkeypatch):
    """A worker can die before the parent has handed out every task: submit() itself then raises
    BrokenProcessPool.  The tasks not handed out are run later like the others (it escaped as an
    exception and failed the whole batch, seen once in CI)."""
    from concurrent.futures.process import BrokenProcessPool

    from drafter import batch

    real_pool = batch._pool

    class BreaksOnThirdSubmit:
        def __init__(self, jobs):
            self.ex, self.n = real_pool(jobs), 0

        def submit(self, *a):
            self.n += 1
            if self.n == 3:
                raise BrokenProcessPool("a child process terminated abruptly")
            return self.ex.submit(*a)

        def shutdown(self, **kw):
            self.ex.shutdown(**kw)

    monkeypatch.setattr(batch, "_pool", BreaksOnThirdSubmit)
    res = batch.run_jobs(_times_ten, list(range(60)), 2, failed=_failed)
    assert res == [k * 10 for k in range(60)]


def test_a_batch_shows_a_files_few_warnings_or_the_command_that_shows_them(tmp_path):
    """A batch render said one file had warnings but showed neither them nor how to see them (issue
    19): a file's warnings are printed under its name when there are a few (WARNINGS_SHOWN), else
    the exact command that lists them; run as printed, that command shows exactly those warnings."""
    from drafter.batch import WARNINGS_SHOWN

    src = example("short-complete").read_text(encoding="utf-8")
    para = "全年审议重大行政决策事项8件，均经合法性审查和集体讨论。"
    assert para in src
    (tmp_path / "各镇").mkdir()
    (tmp_path / "各镇" / "东山 镇.yaml").write_text(src.replace(para, para.replace("，", ",")), encoding="utf-8")
    shutil.copy(example("xinle-2024-han"), tmp_path / "各镇" / "新乐.yaml")
    shutil.copy(example("short-complete"), tmp_path / "各镇" / "青山.yaml")
    r = run_cli("render", "各镇/东山 镇.yaml", "各镇/新乐.yaml", "各镇/青山.yaml", "-o", "out/", cwd=tmp_path)
    assert r.code == 0, r
    tail = r.err[r.err.index("已生成的文件中有 2 个有警告"):]
    lines = tail.splitlines()
    assert lines[0] == "已生成的文件中有 2 个有警告（共 22 条）：", tail
    assert lines[1] == "  各镇/东山 镇.yaml：1 条警告"
    assert lines[2].startswith("    各镇/东山 镇.yaml:") and " 警告 FZ401 " in lines[2]
    assert lines[3] == "  各镇/新乐.yaml：21 条警告，查看：drafter check 各镇/新乐.yaml" and len(lines) == 4
    assert WARNINGS_SHOWN < 21
    shown = run_cli("check", "各镇/新乐.yaml", cwd=tmp_path)
    assert shown.out.count(" 警告 ") == 21, shown
    one = run_cli("check", "各镇/东山 镇.yaml", cwd=tmp_path)
    assert lines[2].strip() in one.out, one
