"""Disk full, failed renames, interrupted and killed writes: the previous output always survives.

The faults are injected into drafter.atomic (in-process, and in a real ``python -m drafter`` process
for Ctrl-C and a hard kill); each test then checks the old output byte for byte and that no temporary
file is left behind (except after SIGKILL, where nothing can clean up: the hidden temp file stays, the
old output is still intact).
"""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, example, run_cli

OLD = b"PK\x03\x04 the report rendered yesterday\n"
SRC = example("short-complete")


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "report.yaml"
    src.write_bytes(SRC.read_bytes())
    out = tmp_path / "report.docx"
    out.write_bytes(OLD)
    return src, out


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in ("report.yaml", "report.docx"))


def _enospc(*_a, **_k):
    raise OSError(errno.ENOSPC, "No space left on device")


class _FullDisk:
    """A file object whose writes fail after ``room`` bytes, like a filling disk."""

    def __init__(self, f, room: int):
        self.f, self.room = f, room

    def write(self, b):
        if len(b) > self.room:
            self.f.write(b[: self.room])
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(b)
        return self.f.write(b)

    def __getattr__(self, name):
        return getattr(self.f, name)


# ---------------------------------------------------------------------------------------------
# drafter.atomic.write_atomic directly
def test_disk_full_while_writing(tmp_path):
    from drafter.atomic import write_atomic
    from drafter.diagnostics import DrafterError

    _, out = _folder(tmp_path)
    with pytest.raises(DrafterError) as e:
        write_atomic(out, lambda f: _FullDisk(f, 1000).write(b"x" * 5000))
    assert e.value.diagnostic.code == "FZ054"
    assert "磁盘空间不足" in e.value.diagnostic.message and "原有文件未改动" in e.value.diagnostic.message
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("errno_", [errno.ENOSPC, errno.EDQUOT])
def test_disk_full_at_fsync(tmp_path, monkeypatch, errno_):
    """Delayed allocation: the write succeeds, the disk turns out full when the data is flushed."""
    import drafter.atomic as atomic
    from drafter.diagnostics import DrafterError

    _, out = _folder(tmp_path)

    def fsync(fd):
        raise OSError(errno_, os.strerror(errno_))

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(DrafterError) as e:
        atomic.write_atomic(out, lambda f: f.write(b"new report"))
    assert e.value.diagnostic.code == "FZ054"
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("err,code", [(OSError(errno.EIO, "I/O error"), "FZ052"),
                                      (OSError(errno.EXDEV, "Invalid cross-device link"), "FZ052"),
                                      (PermissionError(errno.EACCES, "Permission denied"), "FZ052"),
                                      (OSError(errno.ENOSPC, "No space left on device"), "FZ054")])
def test_rename_fails(tmp_path, monkeypatch, err, code):
    """The last step (rename over the old file) fails: e.g. the .docx is open in WPS on a share."""
    import drafter.atomic as atomic
    from drafter.diagnostics import DrafterError

    _, out = _folder(tmp_path)

    def replace(a, b):
        raise err

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(DrafterError) as e:
        atomic.write_atomic(out, lambda f: f.write(b"new report"))
    d = e.value.diagnostic
    assert d.code == code and d.file == str(out)
    rest = d.message.replace(str(out), "").replace("Word", "").replace("WPS", "")
    assert not any(ch.isascii() and ch.isalpha() for ch in rest), d.message   # the reason is in Chinese
    assert out.read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_no_room_for_the_temporary_file(tmp_path, monkeypatch):
    import drafter.atomic as atomic
    from drafter.diagnostics import DrafterError

    _, out = _folder(tmp_path)
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _enospc)
    with pytest.raises(DrafterError) as e:
        atomic.write_atomic(out, lambda f: f.write(b"new report"))
    assert e.value.diagnostic.code == "FZ054"
    assert out.read_bytes() == OLD and _leftovers(tmp_path) == []


@pytest.mark.parametrize("exc", [KeyboardInterrupt, RuntimeError, MemoryError])
def test_interrupted_while_writing(tmp_path, exc):
    """Ctrl-C or a bug in the writer half-way: the exception goes on, the temp file is removed."""
    from drafter.atomic import write_atomic

    _, out = _folder(tmp_path)

    def produce(f):
        f.write(b"half a report")
        raise exc("stop")

    with pytest.raises(exc):
        write_atomic(out, produce)
    assert out.read_bytes() == OLD and _leftovers(tmp_path) == []


def test_success_replaces_whole_file_and_keeps_permissions(tmp_path):
    from drafter.atomic import write_atomic

    _, out = _folder(tmp_path)
    os.chmod(out, 0o640)
    write_atomic(out, lambda f: f.write(b"new report"))
    assert out.read_bytes() == b"new report"
    assert oct(out.stat().st_mode & 0o777) == oct(0o640)
    assert _leftovers(tmp_path) == []


# ---------------------------------------------------------------------------------------------
# the real render pipeline, in-process
def test_render_disk_full_keeps_old_docx(tmp_path, monkeypatch):
    """drafter.render writes through write_atomic: a disk that fills after 4 KB of the .docx."""
    import drafter.atomic as atomic
    from drafter.diagnostics import DrafterError
    from drafter.render import render_file

    src, out = _folder(tmp_path)
    real = atomic.write_atomic

    def write_atomic(path, produce):
        return real(path, lambda f: produce(_FullDisk(f, 4096)))

    monkeypatch.setattr(atomic, "write_atomic", write_atomic)
    with pytest.raises(DrafterError) as e:
        render_file(src, out, force=True)
    assert e.value.diagnostic.code == "FZ054"
    assert out.read_bytes() == OLD and _leftovers(tmp_path) == []
    assert src.read_bytes() == SRC.read_bytes()


def test_render_writer_crash_keeps_old_docx(tmp_path, monkeypatch):
    import drafter.render as render

    src, out = _folder(tmp_path)

    def broken(*a, **k):
        raise RuntimeError("writer bug")

    monkeypatch.setattr(render, "docx_bytes", broken)
    with pytest.raises(RuntimeError):
        render.render_file(src, out, force=True)
    assert out.read_bytes() == OLD and _leftovers(tmp_path) == []


# ---------------------------------------------------------------------------------------------
# a real drafter process, interrupted
_HARNESS = """
import os, signal, sys
import drafter.atomic as atomic
how = sys.argv[1]
real_fsync = atomic.os.fsync
def fsync(fd):
    real_fsync(fd)                       # the new file is complete on disk, not yet renamed
    if how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if how == "int":
        os.kill(os.getpid(), signal.SIGINT)
    if how == "enospc":
        raise OSError(28, "No space left on device")
atomic.os.fsync = fsync
from drafter.cli import main
main(sys.argv[2:])
"""


def _run_harness(how: str, folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("DRAFTER_DEBUG", None)
    return subprocess.run([sys.executable, "-c", _HARNESS, how, "render", "report.yaml", "-o", "report.docx",
                           "--force"], cwd=folder, capture_output=True, timeout=120, env=env)


def test_ctrl_c_during_render(tmp_path):
    _folder(tmp_path)
    p = _run_harness("int", tmp_path)
    err = p.stderr.decode()
    assert p.returncode == 130 and "已中断" in err and "Traceback" not in err, err
    assert (tmp_path / "report.docx").read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_disk_full_during_render_cli(tmp_path):
    _folder(tmp_path)
    p = _run_harness("enospc", tmp_path)
    err = p.stderr.decode()
    assert p.returncode == 1 and "FZ054" in err and "Traceback" not in err, err
    assert (tmp_path / "report.docx").read_bytes() == OLD
    assert _leftovers(tmp_path) == []


def test_killed_during_render(tmp_path):
    """SIGKILL (power cut, killed by the task manager) just before the rename: the old file is
    intact; only a hidden temporary file remains; the next render succeeds over it."""
    _folder(tmp_path)
    p = _run_harness("kill", tmp_path)
    assert p.returncode == -9
    assert (tmp_path / "report.docx").read_bytes() == OLD
    left = _leftovers(tmp_path)
    assert len(left) == 1 and left[0].startswith(".report.docx.") and left[0].endswith(".tmp"), left
    r = run_cli("render", "report.yaml", "-o", "report.docx", "--force", cwd=tmp_path)
    assert r.code == 0, r
    assert (tmp_path / "report.docx").read_bytes()[:4] == b"PK\x03\x04"
    assert (tmp_path / "report.docx").read_bytes() != OLD


def test_input_never_written(tmp_path):
    """No command opens the input for writing: render/check leave its bytes and mtime alone."""
    src, _ = _folder(tmp_path)
    st = src.stat()
    for args in (["check", "report.yaml"], ["render", "report.yaml", "-o", "new.docx"]):
        run_cli(*args, cwd=tmp_path)
    assert src.read_bytes() == SRC.read_bytes()
    assert src.stat().st_mtime_ns == st.st_mtime_ns


assert ROOT.exists()
