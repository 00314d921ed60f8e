"""Shared fixtures: paths, the CLI as a subprocess, LibreOffice conversion of rendered examples."""
from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATA = Path(__file__).resolve().parent / "data"
# root reads and writes past file permissions: tests that rely on them use another obstacle
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
# A command prefix that makes file permissions apply to the process: for root, the capabilities that
# let it past them (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) are dropped from the bounding set before
# the command starts (setpriv, util-linux); the process stays root, so it still reaches a checkout in a
# folder only root may enter (running as nobody would not: "No module named drafter").
AS_A_CLERK = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if IS_ROOT else []


def pytest_configure(config):
    """Every code drafter makes during the run is appended to one file (drafter.diagnostics reads
    DRAFTER_CODE_LOG; the CLI subprocesses inherit it): tests/test_zz_codes_emitted.py checks that
    each registered code was emitted by some test."""
    if "DRAFTER_CODE_LOG" not in os.environ:
        import tempfile

        fd, path = tempfile.mkstemp(prefix="drafter-codes-", suffix=".log")
        os.close(fd)
        os.environ["DRAFTER_CODE_LOG"] = path


def odd_input(kind: str, folder: Path, name: str, data: bytes = b"") -> str:
    """A path (relative to ``folder``) named ``name`` that is no readable regular file: a
    "directory", a "missing" file, a "fifo", or an "unreadable" file holding ``data`` (mode 0; for
    root, who reads anything, a path through that file instead).  The caller restores the mode."""
    if kind == "directory":
        (folder / name).mkdir()
    elif kind == "fifo":
        os.mkfifo(folder / name)
    elif kind == "unreadable":
        (folder / name).write_bytes(data)
        if IS_ROOT:
            return f"{name}/报告{Path(name).suffix}"
        os.chmod(folder / name, 0)
    elif kind != "missing":
        raise AssertionError(kind)
    return name


def example(name: str) -> Path:
    return ROOT / "examples" / f"{name}.yaml"


def signed_by(names: list[str], stem: str = "short-complete") -> str:
    """An example's YAML with its 署名 replaced by ``names`` (a joint report: 联合行文)."""
    import re

    text = example(stem).read_text(encoding="utf-8")
    new = "署名:\n" + "".join(f"  - {n}\n" for n in names)
    out, n = re.subn(r"(?m)^署名:\n(?:  - .*\n)+", lambda m: new, text)
    assert n == 1, stem
    return out


def soffice_or_skip():
    """LibreOffice is required in CI (CI set); on a developer machine without it the test skips."""
    from drafter.pdf import soffice_path

    exe = soffice_path()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required when CI is set")
        pytest.skip("LibreOffice (soffice) not installed")
    face = _latin_face()
    if face is not None and not face.startswith(METRIC_TIMES):
        # measured layouts would be off by digit widths (DejaVu Serif digits are 0.64 em), not by drafter
        pytest.fail(f"LibreOffice would print Times New Roman as {face!r}: install fonts-liberation2")
    return exe


def chromium_or_skip() -> str:
    """Chromium (Debian's ``chromium``, for the HTML of ``drafter review``) is required in CI (CI set);
    on a developer machine without it the test skips."""
    from review_county import chromium_path

    exe = chromium_path()
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium (/usr/bin/chromium, Debian package chromium) is required when CI is set")
        pytest.skip("Chromium not installed")
    return exe


# faces with Times New Roman's widths
METRIC_TIMES = ("Liberation Serif", "Times New Roman", "Tinos", "Nimbus Roman", "TeX Gyre Termes")


@functools.cache
def _latin_face() -> str | None:
    """The face fontconfig gives LibreOffice for Times New Roman (None when fc-match is not there)."""
    from drafter.pdf import font_env

    try:      # as LibreOffice sees it: with drafter's font substitutions
        r = subprocess.run(["fc-match", "-f", "%{family[0]}", "Times New Roman"], capture_output=True,
                           text=True, timeout=30, env=font_env())
    except OSError:
        return None
    return r.stdout.strip() or None


class CLIResult:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.code = proc.returncode
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    @property
    def text(self) -> str:
        return self.out + self.err

    def __repr__(self):
        return f"<exit {self.code}\n{self.text}>"


def run_cli(*args, cwd=None, input: bytes | None = None, env: dict | None = None, timeout: int = 300) -> CLIResult:
    """Run ``python -m drafter ARGS`` as a clerk would, in a real process."""
    e = dict(os.environ)
    e.pop("DRAFTER_DEBUG", None)
    e["PYTHONIOENCODING"] = "utf-8"
    if env:
        e.update(env)
    proc = subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], cwd=cwd, input=input,
                          capture_output=True, timeout=timeout, env=e)
    r = CLIResult(proc)
    assert "Traceback" not in r.text, r.text
    return r


def run_on_a_terminal(*args, cwd=None, timeout: int = 300) -> tuple[subprocess.CompletedProcess, str]:
    """Run ``python -m drafter ARGS`` with its stderr on a pseudo-terminal (where drafter draws its
    progress bar): the finished process (stdout captured) and what the terminal showed."""
    import pty

    master, slave = pty.openpty()
    try:
        proc = subprocess.run([sys.executable, "-m", "drafter", *map(str, args)], cwd=cwd,
                              stdout=subprocess.PIPE, stderr=slave, timeout=timeout,
                              env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        os.close(slave)
        slave = None
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        if slave is not None:
            os.close(slave)
        os.close(master)
    return proc, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """Every example rendered to .docx (in-process) — {stem: Path}."""
    from drafter.loader import load_file
    from drafter.render import docx_bytes

    out = tmp_path_factory.mktemp("rendered")
    paths = {}
    for ex in EXAMPLES:
        loaded = load_file(ex)
        assert loaded.report is not None, loaded.diagnostics
        p = out / f"{ex.stem}.docx"
        p.write_bytes(docx_bytes(loaded.report))
        paths[ex.stem] = p
    return paths


@pytest.fixture(scope="session")
def rendered_pdf(rendered, tmp_path_factory):
    """The rendered examples converted by LibreOffice in one run — {stem: Path}."""
    soffice_or_skip()
    from drafter.pdf import convert

    out = tmp_path_factory.mktemp("pdf")
    pdfs = convert(list(rendered.values()), out)
    return {p.stem: p for p in pdfs}


@pytest.fixture(scope="session")
def measured(rendered_pdf):
    """{stem: drafter.measure.Measures} for every example."""
    from drafter.measure import measure

    return {k: measure(p) for k, p in rendered_pdf.items()}
