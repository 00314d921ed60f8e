"""The bad-input corpus (tests/badinput/cases.yaml) through the real command line.

Every case asserts: the exact set of error codes, the exit code, what happened to the output file (none
made, or the old one byte-identical, or a new .docx that opens), that the input file did not change,
that no temporary file is left behind, and (run_cli) that no traceback reached the clerk.  Cases whose
problem lies in the input are also run a second time with an existing output and --force (the old
output must survive byte for byte), and once through ``drafter check`` (same codes).
"""
from __future__ import annotations

import os
import re
import resource
import shutil
import stat
import time
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import IS_ROOT, ROOT, odd_input, run_cli

# inputs that are no readable regular file, by the name the command is given
ODD_NAMES = {"directory": "报告文件夹", "missing": "不存在的报告.yaml", "fifo": "管道.yaml"}

CORPUS = Path(__file__).resolve().parent / "badinput"
CASES = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
BUILTIN_TEXT_J2 = ROOT / "templates" / "fzzf" / "text.j2"
BASE = (CORPUS / "files" / "out-exists.yaml").read_bytes()          # a valid report (see cases.yaml)
OLD = b"PK\x03\x04 previous output - must survive byte for byte\n"   # what an earlier render left
ERR_RE = re.compile(r"^(?P<loc>.*?)(?::(?P<line>\d+)(?::(?P<col>\d+))?)?: 错误 (?P<code>FZ\d{3}) ", re.M)
ERROR_CODES_RE = re.compile(r"错误 (FZ\d{3})")
NOTICE_RE = re.compile(r"提示 (FZ\d{3})")
# technical words a Chinese message may contain; any other ASCII word means English leaked through
ASCII_OK = {"Tab", "fix", "UTF-8", "UTF-16", "GBK/GB18030", "Word", "WPS", "YAML", "Jinja2", "drafter", "check", "new",
            "force", "docx", "yaml", "PDF", "templates/", "templates/fzzf", "text.j2", "str", "list", "type", "function", "range", "TemplateReference",
            "doc", "wps", "html", "htm", "txt", "pdf"}
ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_./\-]*[A-Za-z0-9/]")


# ---------------------------------------------------------------------------------------------
# generated inputs: too big to keep in git, made the same way every time
def _ten_megabytes() -> bytes:
    pad = ("# " + "这是一行用来把文件撑大的注释。" * 8 + "\n").encode()
    return BASE + pad * (10 * 1024 * 1024 // len(pad) + 1)


def _string_alias_bomb() -> bytes:
    """1.5 MB of text referenced 20 000 times: 30 000 MB once expanded; under the 2 MB file limit."""
    head = "发文机关: &big \"" + "青" * 500_000 + "\"\n年度: 2024\n正文:\n  - 部分: 一\n    内容:\n"
    data = (head + "      - *big\n" * 20_000).encode()
    assert len(data) < 2 * 1024 * 1024
    return data


def _deep_flow() -> bytes:
    return ("发文机关: " + "[" * 100_000 + "]" * 100_000 + "\n").encode()


def _long_line() -> bytes:
    line = "严格规范公正文明执法" * 10_000                       # 100 000 characters on one line
    assert len(line) == 100_000
    return BASE.replace("全年审议".encode(), (line + "全年审议").encode(), 1)


def _huge_pdf() -> bytes:
    """51 MB: a scan of many pages, or the wrong file (refused before it is parsed)."""
    head = (CORPUS / "files" / "import-pdf-truncated.pdf").read_bytes()[:200]
    return head + b"%" + b"\x00" * (51 * 1024 * 1024)


def _huge_page() -> bytes:
    """21 MB: a saved page with images inlined as data: URIs."""
    page = (CORPUS / "files" / "import-html-attachment-only.html").read_bytes()
    return page.replace(b"<body>", b'<body><img src="data:image/png;base64,' + b"A" * (21 * 1024 * 1024) + b'">', 1)


GENERATORS = {"ten-megabytes": _ten_megabytes, "string-alias-bomb": _string_alias_bomb,
              "deep-flow": _deep_flow, "long-line": _long_line, "huge-pdf": _huge_pdf, "huge-page": _huge_page}


# ---------------------------------------------------------------------------------------------
def _input_error(case: dict) -> bool:
    """The problem is in the input itself (not in -o, a template or a setting)."""
    return case.get("exit", 1) == 1 and not any(k in case for k in ("out", "templates", "args", "cmd"))


def _params():
    out = []
    for c in CASES:
        if c.get("cmd") == "import":               # last year's report to import: drafter import only
            out.append(pytest.param(c, "import", id=c["id"]))
            continue
        out.append(pytest.param(c, "render", id=c["id"]))
        if _input_error(c):
            out.append(pytest.param(c, "render-over-existing", id=c["id"] + "[existing+force]"))
            out.append(pytest.param(c, "check", id=c["id"] + "[check]"))
    return out


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under folder: bytes for regular files, a tag for the rest."""
    snap: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            snap[rel] = "symlink->" + os.readlink(p)
        elif stat.S_ISFIFO(p.lstat().st_mode):
            snap[rel] = "fifo"
        elif p.is_dir():
            snap[rel] = "dir"
        else:
            try:
                snap[rel] = p.read_bytes()
            except PermissionError:
                snap[rel] = "unreadable"
    return snap


def _child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def _docx_text(path: Path) -> str:
    from drafter.safezip import open_docx

    doc = open_docx(path)
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


class Setup:
    """The temporary folder of one case: its input, output, template directory, extra args."""

    def __init__(self, case: dict, tmp: Path, mode: str):
        self.case, self.tmp, self.mode = case, tmp, mode
        self.cleanup: list = []
        self.input = self._make_input()
        self.args: list[str] = [a.format(input=self.input) for a in case.get("args", [])]
        self.out = self._make_output()
        if "templates" in case:
            tpl = tmp / "tpl"
            tpl.mkdir()
            snippet = (CORPUS / case["templates"]).read_text(encoding="utf-8")
            (tpl / "text.j2").write_text(BUILTIN_TEXT_J2.read_text(encoding="utf-8") + "\n" + snippet,
                                         encoding="utf-8")
            if case.get("templates_via", "option") == "option":
                self.args += ["--templates", "tpl"]

    def _make_input(self) -> str:
        c, tmp = self.case, self.tmp
        special = c.get("input")
        if special in ODD_NAMES:
            return odd_input(special, tmp, ODD_NAMES[special])
        if special == "symlink-loop":
            os.symlink("b.yaml", tmp / "a.yaml")
            os.symlink("a.yaml", tmp / "b.yaml")
            return "a.yaml"
        if special and special.startswith("/"):
            return special
        name = c.get("name") or (Path(c["file"]).name if "file" in c else f"{c['id']}.yaml")
        data = GENERATORS[c["generate"]]() if "generate" in c else (CORPUS / c["file"]).read_bytes()
        if special == "unreadable":
            path = odd_input(special, tmp, name, data)
            self.cleanup.append(lambda: os.chmod(tmp / name, 0o644))
            return path
        (tmp / name).write_bytes(data)
        return name

    def _make_output(self) -> str | None:
        c, tmp = self.case, self.tmp
        spec = c.get("out", "out.yaml" if self.mode == "import" else "out.docx")
        if self.mode == "render-over-existing":
            (tmp / "out.docx").write_bytes(OLD)
            self.args.append("--force")
            return "out.docx"
        if spec is None:
            return None
        if spec == "directory":
            (tmp / "输出.docx").mkdir()
            return "输出.docx"
        if spec == "existing":
            (tmp / "out.docx").write_bytes(OLD)
            os.chmod(tmp / "out.docx", 0o640)
            return "out.docx"
        if spec == "symlink-to-input":
            os.symlink(self.input, tmp / "out.docx")
            return "out.docx"
        if spec == "hardlink-to-input":
            os.link(tmp / self.input, tmp / "out.docx")
            return "out.docx"
        if spec == "fifo":
            os.mkfifo(tmp / "out.docx")
            return "out.docx"
        if spec == "symlink-loop":
            os.symlink("l2.docx", tmp / "l1.docx")
            os.symlink("l1.docx", tmp / "l2.docx")
            return "l1.docx"
        if spec == "unwritable":
            if IS_ROOT:  # root may write into a chmod 555 folder; /proc takes no new files even from root
                return "/proc/drafter-badinput-test.docx"
            (tmp / "只读").mkdir()
            os.chmod(tmp / "只读", 0o555)
            self.cleanup.append(lambda: os.chmod(tmp / "只读", 0o755))
            return "只读/out.docx"
        return spec.format(input=self.input)

    def command(self) -> list[str]:
        if self.mode == "check":
            return ["check", self.input]
        if self.mode == "import":
            return ["import", self.input, "-o", self.out] + self.args
        cmd = ["render", self.input]
        if self.out is not None:
            cmd += ["-o", self.out]
        return cmd + self.args


@pytest.mark.parametrize("case,mode", _params())
def test_case(case, mode, tmp_path):
    tmp = tmp_path / "case"
    tmp.mkdir()
    corpus_file = CORPUS / case["file"] if "file" in case else None
    corpus_before = corpus_file.read_bytes() if corpus_file else None
    s = Setup(case, tmp, mode)
    try:
        before = _snapshot(tmp)
        umask = os.umask(0o022)
        os.umask(umask)
        t0, c0 = time.monotonic(), _child_cpu()
        r = run_cli(*s.command(), cwd=tmp, timeout=120)
        elapsed, cpu = time.monotonic() - t0, _child_cpu() - c0
    finally:
        for f in s.cleanup:
            f()
    after = _snapshot(tmp)

    # exit code and the exact set of error codes
    want_exit = 1 if mode == "check" and case.get("exit", 1) == 1 else case.get("exit", 1)
    assert r.code == want_exit, r
    assert set(ERROR_CODES_RE.findall(r.text)) == set(case.get("codes", [])), r
    if mode != "check":
        assert set(case.get("notices", [])) <= set(NOTICE_RE.findall(r.text)), r
    first = ERR_RE.search(r.text)
    if case.get("codes"):
        assert first, r
        if "line" in case:
            assert first["line"] and int(first["line"]) == case["line"], r
        if "col" in case:
            assert first["col"] and int(first["col"]) == case["col"], r
    for text in case.get("message", []):
        assert text in r.text, r
    if not case.get("english_ok"):  # the message is Chinese: no English words besides technical terms
        for line in r.text.splitlines():
            if " 错误 FZ" in line or line.startswith("错误 FZ"):
                msg = re.sub(r"“[^”]*”", "", line.split("错误 FZ", 1)[1][4:])
                words = {w for w in ASCII_WORD.findall(msg) if len(w) > 2} - ASCII_OK
                assert not {w for w in words if not re.fullmatch(r"FZ\d{3}|[0-9A-F]{4}|ud[0-9a-f]{3}", w)}, line
    for text in case.get("message_lacks", []):
        assert text not in r.text, r
    # bounded time: CPU seconds of the drafter process (start-up included), so that a busy machine
    # does not make the test flaky; wall time only against hanging
    assert cpu < case.get("max_seconds", 30), f"{cpu:.2f} s CPU: {r}"
    assert elapsed < 100, f"{elapsed:.1f} s: {r}"

    # nothing was executed
    for name in case.get("absent", []):
        assert not (tmp / name).exists() and not (ROOT / name).exists(), f"{name} was created"

    # the input is untouched, in the corpus and in the case folder
    if corpus_file:
        assert corpus_file.read_bytes() == corpus_before
    if s.input in before:
        assert after.get(s.input) == before[s.input], "the input file changed"

    # the output
    output = "none" if mode == "check" else ("kept" if mode == "render-over-existing" else case.get("output", "none"))
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    if output in ("none", "input-kept", "dir-kept", "special-kept", "kept"):
        assert not changed, f"files changed or left behind: {sorted(changed)}\n{r}"
        if output == "kept":
            assert (tmp / s.out).read_bytes() == OLD
            if mode != "render-over-existing":
                assert stat.S_IMODE((tmp / s.out).stat().st_mode) == 0o640
        if output == "none" and s.out and not s.out.startswith("/") and len(s.out.encode()) < 255:
            assert not (tmp / s.out).exists() or (tmp / s.out).is_symlink()
    elif output in ("new", "replaced"):
        out = tmp / (s.out or Path(s.input).with_suffix(".docx"))
        assert changed == {str(out.relative_to(tmp))}, f"unexpected files: {sorted(changed)}"
        assert out.read_bytes() != OLD
        mode_bits = stat.S_IMODE(out.stat().st_mode)
        assert mode_bits == (0o640 if output == "replaced" else 0o666 & ~umask), oct(mode_bits)
        text = _docx_text(out)                           # opens through drafter.safezip
        for want in case.get("docx_contains", []):
            assert want in text, want
        for bad in case.get("docx_lacks", []):
            assert bad not in text, bad
    else:  # pragma: no cover - a typo in cases.yaml
        pytest.fail(f"unknown output mode {output}")
    shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
def test_corpus_shape():
    """At least 40 cases; ids unique; every case names its codes; every file is used."""
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 40 and len(set(ids)) == len(ids)
    for c in CASES:
        assert "codes" in c and all(re.fullmatch(r"FZ\d{3}", x) for x in c["codes"]), c["id"]
        assert c.get("exit", 1) == 0 or c["codes"], c["id"]
        assert ("file" in c) + ("generate" in c) + (c.get("input") in ("directory", "missing", "fifo", "symlink-loop")
                                                    or str(c.get("input", "")).startswith("/")) >= 1, c["id"]
    used = {c["file"] for c in CASES if "file" in c} | {c["templates"] for c in CASES if "templates" in c}
    on_disk = {str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file()} - {"cases.yaml", ".gitattributes"}
    assert on_disk == used, on_disk ^ used
    for c in CASES:
        if c.get("generate"):
            assert c["generate"] in GENERATORS


def test_corpus_counts_by_category(capsys):
    counts = Counter(c["category"] for c in CASES)
    with capsys.disabled():
        print("\nbad-input corpus:", ", ".join(f"{k} {v}" for k, v in counts.items()), f"— {len(CASES)} cases")
    assert len(counts) >= 7
