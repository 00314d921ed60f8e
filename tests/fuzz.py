"""Fuzzing drafter's input side: any bytes or text -> a Report or Chinese diagnostics with a code.

Not part of the default test run (pytest collects only test_*.py).  Run it with

    .venv/bin/python tests/fuzz.py --n 100000            # YAML loader, 100 000 inputs
    .venv/bin/python tests/fuzz.py --n 0 --docx 5000     # .docx opening only
    .venv/bin/python tests/fuzz.py --n 0 --docx 0 --import 5000   # drafter import on .txt only

It prints the number of inputs and failures and exits 1 when anything failed; every failing input is
saved under --save (default: fuzz-failures/) so it can be replayed with ``--replay FILE``.

The contract checked for every input (``check_loaded``):

* ``load_bytes`` / ``load_text`` never raise;
* either a Report comes back with no error, or at least one error diagnostic;
* every diagnostic has a code FZ + three digits, a known severity, a message containing Chinese, and a
  line/column inside the text when it gives one;
* a Report goes through the rules (``check_loaded``) without raising, and (one in ``--render-every``)
  is rendered to .docx in memory: the result opens again through ``drafter.safezip``.

For .docx files (``--docx``) the contract is: ``safezip.open_docx`` returns a Document or raises
DrafterError with an FZ0xx code — nothing else — and an opened Document can be walked.

Generators are plain functions of a ``random.Random`` so that tests/test_fuzz.py can drive the same
generators from hypothesis.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import re
import sys
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CODE_RE = re.compile(r"^FZ\d{3}$")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")

# ---------------------------------------------------------------------------------------------
# generators
KEYS = ["发文机关", "简称", "年度", "版头", "发文机关标志", "发文字号", "签发人", "主送机关", "标题", "导语",
        "正文", "部分", "无标题", "内容", "接排", "结束语", "署名", "成文日期", "印章", "附注", "附件", "抄送",
        "印发机关", "印发日期", "省略部分", "格式", "字体", "小标题接排", "模板目录", "检查", "启用", "忽略",
        "报告类型", "份号", "密级", "紧急程度", "org", "year", "sections", "content", "heading", "发文机构", "x"]
SCALARS = ["青山县人民政府", "2024", "2024年", "2025-01-20", "2025年1月20日", "2024-02-30", "函", "文件", "无",
           "是", "否", "yes", "null", "~", "", "''", '""', "1e999", "-0", "0x1F", ".inf", ".nan", "一", "五", "六",
           "[一, 二]", "{}", "[]", "特此报告。", "新政函〔2024〕5号", "新政函[2024]5号", "【请填写】", "｛｛ 7*7 ｝｝",
           "{{ 7*7 }}", "{% for x in y %}", "𠮷𬌗", "\u3000", "１２３", "9" * 30, "2024-13-01", "12:30:00",
           "2001-12-14t21:59:43.10-05:00", "!!binary aGk=", "!!python/object:os.system", "!!set {a}", "!foo x",
           "&a x", "*a", "*b", "<<: *a", '"\\ud800"', '"\\x0b"', '"\\0"', '"\\U0001F600"', "'it''s'", "|\n  块",
           ">\n  折叠", "|-", "|+", "- ", ": ", "? x", "%TAG ! tag:x,2000:", "---", "...", "# 注释"]
TOKENS = [":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a ", "*a", "&b ", "*b", "!", "!!str ", "!!int ",
          "!!map ", "!!seq ", "!!python/object/apply:os.system ", "|", ">", "'", '"', "\t", "\n", "\n", "\n",
          "  ", "    ", "<<", "? ", "---\n", "...\n", "%YAML 1.1\n", "#", "\\", "\r", "\r\n", "\x00", "\x0b",
          "\x85", "\u2028", "\ufeff", "\ufffe", "\x7f", "\x1b", "@", "`", "%", "\u00a0"]
ENCODINGS = ["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gb18030", "gbk",
             "latin-1", "utf-32", "big5", "shift_jis"]


def _example_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in EXAMPLES] or ["发文机关: 青山县人民政府\n年度: 2024\n正文: []\n"]


_EXAMPLE_CACHE: list[str] = []


def examples() -> list[str]:
    if not _EXAMPLE_CACHE:
        _EXAMPLE_CACHE.extend(_example_texts())
    return _EXAMPLE_CACHE


def gen_bytes(rnd: random.Random) -> bytes:
    n = rnd.choice([0, 1, 2, 3, 8, 40, 200, 1000])
    return bytes(rnd.randrange(256) for _ in range(rnd.randint(0, n)))


def _rand_char(rnd: random.Random) -> str:
    r = rnd.random()
    if r < 0.35:
        return chr(rnd.randrange(0x20, 0x7f))
    if r < 0.6:
        return chr(rnd.randrange(0x4e00, 0x9fff))
    if r < 0.7:
        return rnd.choice("：，。、；（）“”《》〔〕【】\u3000—…")
    if r < 0.8:
        return chr(rnd.randrange(0, 0x20))
    if r < 0.9:
        return chr(rnd.randrange(0x80, 0x3000))
    cp = rnd.randrange(0x10000, 0x110000) if rnd.random() < 0.7 else rnd.randrange(0xd800, 0xe000)
    return chr(cp)


def gen_text(rnd: random.Random) -> str:
    return "".join(_rand_char(rnd) for _ in range(rnd.randint(0, rnd.choice([5, 40, 300]))))


def gen_soup(rnd: random.Random) -> str:
    """YAML-shaped noise: keys, indicators, scalars and indentation in random order."""
    out = []
    for _ in range(rnd.randint(1, 60)):
        r = rnd.random()
        if r < 0.3:
            out.append(" " * rnd.choice([0, 0, 2, 4, 6, 1, 3]) + rnd.choice(KEYS) + ": ")
        elif r < 0.55:
            out.append(rnd.choice(SCALARS))
        elif r < 0.9:
            out.append(rnd.choice(TOKENS))
        else:
            out.append(_rand_char(rnd))
        if rnd.random() < 0.3:
            out.append("\n")
    return "".join(out)


def mutate(rnd: random.Random, text: str, rounds: int | None = None) -> str:
    """A valid report with a few clerk-like (or hostile) edits."""
    lines = text.split("\n")
    for _ in range(rounds or rnd.choice([1, 1, 1, 2, 3, 5])):
        if not lines:
            lines = [""]
        i = rnd.randrange(len(lines))
        op = rnd.randrange(13)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rnd.randrange(len(lines))])
        elif op == 2:
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:  # replace a value
            m = re.match(r"^(\s*(?:- )?[^:\s][^:]*:\s?)", lines[i])
            if m:
                lines[i] = m.group(1) + rnd.choice(SCALARS)
        elif op == 4:  # re-indent
            lines[i] = " " * rnd.choice([0, 1, 2, 3, 4, 6, 8, 10]) + lines[i].lstrip(" ")
        elif op == 5:  # insert a token inside the line
            k = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + rnd.choice(TOKENS + SCALARS) + lines[i][k:]
        elif op == 6:  # truncate the file
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: rnd.randrange(len(lines[-1]) + 1)]
        elif op == 7:  # rename a key
            lines[i] = re.sub(r"^(\s*(?:- )?)[^:\s][^:]*:", lambda m: m.group(1) + rnd.choice(KEYS) + ":", lines[i])
        elif op == 8:  # a random character
            k = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + _rand_char(rnd) + lines[i][k:]
        elif op == 9:  # a long value
            lines[i] = lines[i] + "法治" * rnd.choice([10, 500, 5000])
        elif op == 10:  # a new key at top level
            lines.insert(i, rnd.choice(KEYS) + ": " + rnd.choice(SCALARS))
        elif op == 11:  # tab indentation
            lines[i] = re.sub(r"^ +", "\t", lines[i])
        else:  # a nested block
            ind = " " * (len(lines[i]) - len(lines[i].lstrip(" ")))
            lines.insert(i + 1, ind + "  - " + rnd.choice(["标题: " + rnd.choice(SCALARS), rnd.choice(SCALARS)]))
    return "\n".join(lines)


def gen_mutant(rnd: random.Random) -> str:
    return mutate(rnd, rnd.choice(examples()))


def encode(rnd: random.Random, text: str) -> bytes:
    enc = rnd.choice(ENCODINGS)
    data = text.encode(enc, errors="replace") if enc not in ("utf-8", "utf-8-sig") else \
        text.encode(enc, errors="surrogatepass")
    if rnd.random() < 0.1:
        data = data.replace(b"\n", b"\r\n")
    if rnd.random() < 0.05 and data:
        k = rnd.randrange(len(data))
        data = data[:k] + bytes([rnd.randrange(256)]) + data[k + 1:]
    return data


def gen_input(rnd: random.Random) -> tuple[str, object]:
    """(kind, input) where kind says which loader entry point gets it."""
    r = rnd.random()
    if r < 0.10:
        return "bytes", gen_bytes(rnd)
    if r < 0.20:
        return "text", gen_text(rnd)
    if r < 0.40:
        s = gen_soup(rnd)
        return ("text", s) if rnd.random() < 0.5 else ("bytes", encode(rnd, s))
    s = gen_mutant(rnd)
    return ("text", s) if rnd.random() < 0.6 else ("bytes", encode(rnd, s))


# ---------------------------------------------------------------------------------------------
# the contract
class Violation(AssertionError):
    pass


def check_diagnostics(diags, text: str | None) -> None:
    from drafter.diagnostics import ERROR, INFO, WARNING

    nlines = text.count("\n") + 1 if text is not None else None
    for d in diags:
        if not CODE_RE.match(d.code or ""):
            raise Violation(f"bad code {d.code!r}: {d.format()}")
        if d.severity not in (ERROR, WARNING, INFO):
            raise Violation(f"bad severity {d.severity!r}: {d.format()}")
        if not CJK_RE.search(d.message or ""):
            raise Violation(f"message without Chinese: {d.format()}")
        if d.line is not None:
            if not isinstance(d.line, int) or d.line < 1 or (nlines is not None and d.line > nlines + 1):
                raise Violation(f"line {d.line} outside the text ({nlines} lines): {d.format()}")
        if d.col is not None and (not isinstance(d.col, int) or d.col < 1):
            raise Violation(f"bad column {d.col}: {d.format()}")
        d.format()


def check_loaded(kind: str, value, render: bool = False):
    """Run one input through the loader (and rules, and maybe the renderer); raise Violation on a
    broken contract.  Returns the Loaded result."""
    from drafter.check import check_loaded as run_checks
    from drafter.diagnostics import ERROR, DrafterError
    from drafter.loader import load_bytes, load_text

    try:
        loaded = load_bytes(value, "fuzz.yaml") if kind == "bytes" else load_text(value, "fuzz.yaml")
    except Exception as e:  # noqa: BLE001 - that is the finding
        raise Violation(f"loader raised {type(e).__name__}: {e}") from e
    text = loaded.source.text if loaded.source is not None else (value if kind == "text" else None)
    errors = [d for d in loaded.diagnostics if d.severity == ERROR]
    if loaded.report is None and not errors:
        raise Violation("no report and no error")
    if loaded.report is not None and errors:
        raise Violation(f"a report and errors: {[d.format() for d in errors]}")
    check_diagnostics(loaded.diagnostics, text)
    if loaded.report is None:
        return loaded
    try:
        result = run_checks(loaded)
    except DrafterError:
        return loaded
    except Exception as e:  # noqa: BLE001
        raise Violation(f"rules raised {type(e).__name__}: {e}") from e
    check_diagnostics(result.diagnostics, text)
    if render and not result.errors:
        from drafter.render import docx_bytes
        from drafter.safezip import read_package_bytes

        try:
            data = docx_bytes(loaded.report)
        except DrafterError:
            return loaded
        except Exception as e:  # noqa: BLE001
            raise Violation(f"render raised {type(e).__name__}: {e}") from e
        try:
            read_package_bytes(data, "fuzz.docx")
        except DrafterError as e:
            raise Violation(f"rendered .docx refused by safezip: {e.diagnostic.format()}") from e
    return loaded


# ---------------------------------------------------------------------------------------------
# .docx packages
def _base_package() -> dict[str, bytes]:
    from drafter.loader import load_file
    from drafter.render import docx_bytes

    src = ROOT / "examples" / "short-complete.yaml"
    loaded = load_file(src)
    data = docx_bytes(loaded.report)
    z = zipfile.ZipFile(io.BytesIO(data))
    return {i.filename: z.read(i) for i in z.infolist()}


_BASE: dict[str, bytes] = {}
W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def gen_docx(rnd: random.Random) -> bytes:
    """A .docx with a few structural edits: deleted/emptied/replaced parts, cut XML, swapped names,
    DTDs, flipped bytes."""
    if not _BASE:
        _BASE.update(_base_package())
    if rnd.random() < 0.05:
        return gen_bytes(rnd)
    m = dict(_BASE)
    for _ in range(rnd.choice([1, 1, 2, 3])):
        k = rnd.choice(list(m))
        v = m[k]
        op = rnd.randrange(9)
        if op == 0:
            del m[k]
        elif op == 1 and v:
            i = rnd.randrange(len(v))
            m[k] = v[:i] + bytes([rnd.randrange(256)]) + v[i + 1:]
        elif op == 2 and v:
            m[k] = v[: rnd.randrange(len(v))]
        elif op == 3:
            m[k] = b""
        elif op == 4:
            m[k] = rnd.choice([b'<?xml version="1.0"?><a/>', b"<w:p " + W + b"/>", b"<w:document " + W + b"/>",
                               b"<w:styles " + W + b"><w:style/></w:styles>"])
        elif op == 5 and v:
            i, j = sorted((rnd.randrange(len(v) + 1), rnd.randrange(len(v) + 1)))
            m[k] = v[:i] + v[j:]
        elif op == 6:
            m[k] = v.replace(rnd.choice([b"w:p>", b"w:r>", b"w:t>", b'Target="', b'Id="', b'w:val="', b"w:styleId=",
                                         b"w:sectPr", b"w:pgSz", b'w:w="', b"ContentType="]),
                             rnd.choice([b"w:x>", b"", b'w:val="', b'Id="rId99" ', b'w:pgSz w:w="abc" ']), 1)
        elif op == 7:
            m[k] = v.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
        else:
            m[rnd.choice(["word/media/x.bin", "word/document2.xml", k + ".bak"])] = v
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in m.items():
            z.writestr(k, v)
    data = buf.getvalue()
    if rnd.random() < 0.1:
        i = rnd.randrange(len(data))
        data = data[:i] + bytes([rnd.randrange(256)]) + data[i + 1:]
    return data


def check_docx(data: bytes, path: Path) -> None:
    from drafter.diagnostics import DrafterError
    from drafter.safezip import open_docx, reading_docx

    path.write_bytes(data)
    try:
        doc = open_docx(path, "fuzz.docx")
    except DrafterError as e:
        check_diagnostics(e.diagnostics, None)
        return
    except Exception as e:  # noqa: BLE001
        raise Violation(f"open_docx raised {type(e).__name__}: {e}") from e
    try:
        with reading_docx("fuzz.docx"):
            for p in doc.paragraphs:
                p.text, p.style
            for s in doc.sections:
                s.page_width, s.top_margin
            for t in doc.tables:
                for row in t.rows:
                    for c in row.cells:
                        c.text
    except DrafterError as e:
        check_diagnostics(e.diagnostics, None)
    except Exception as e:  # noqa: BLE001
        raise Violation(f"walking an opened Document raised {type(e).__name__}: {e}") from e


# ---------------------------------------------------------------------------------------------
# drafter import on text files
SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt")) + \
    sorted((ROOT / "tests" / "data" / "import").glob("*.txt"))
_SEED_CACHE: list[str] = []


def gen_import_text(rnd: random.Random) -> str:
    """Last year's report as plain text, with clerk-like damage; sometimes pure noise."""
    if not _SEED_CACHE:
        _SEED_CACHE.extend(p.read_text(encoding="utf-8") for p in SEEDS)
    if rnd.random() < 0.15 or not _SEED_CACHE:
        return gen_text(rnd) if rnd.random() < 0.5 else gen_soup(rnd)
    lines = rnd.choice(_SEED_CACHE).split("\n")
    for _ in range(rnd.choice([1, 2, 4, 8])):
        lines = lines or [""]
        i = rnd.randrange(len(lines))
        op = rnd.randrange(7)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[rnd.randrange(len(lines))])
        elif op == 2:
            k = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + rnd.choice(TOKENS + SCALARS + ["一、", "（一）", "1.", "（1）", "\n"]) + lines[i][k:]
        elif op == 3:
            lines[i] = lines[i][: rnd.randrange(len(lines[i]) + 1)]
        elif op == 4:
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 5:
            k = rnd.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + _rand_char(rnd) + lines[i][k:]
        else:
            lines = lines[: i + 1]
    return "\n".join(lines)


def check_import(text: str, folder: Path) -> None:
    """``drafter import`` on a .txt: YAML that loads back, or a DrafterError with a code (not FZ091,
    the importer's own internal error)."""
    src = folder / "last-year.txt"
    src.write_text(text, encoding="utf-8", errors="surrogatepass")
    _import_contract(src, folder)


def _import_contract(src: Path, folder: Path) -> None:
    """What ``drafter import`` of ``src`` must give: YAML that loads back, or a DrafterError with a
    code that is not FZ091 (the importer's own internal error)."""
    from drafter.diagnostics import DrafterError
    from drafter.importer import import_file
    from drafter.loader import load_text

    try:
        imp = import_file(src, folder / "out.yaml", display=src.name)
    except DrafterError as e:
        check_diagnostics(e.diagnostics, None)
        if e.diagnostic.code == "FZ091":
            raise Violation(f"importer internal error: {e.diagnostic.format()}") from e
        return
    except Exception as e:  # noqa: BLE001
        raise Violation(f"import raised {type(e).__name__}: {e}") from e
    back = load_text(imp.yaml, "out.yaml")
    if back.report is None:
        raise Violation(f"imported YAML does not load: {[d.format() for d in back.diagnostics[:3]]}")


PAGES = sorted((Path(__file__).resolve().parent / "data" / "web").glob("*.htm*"))
_PAGE_CACHE: list[bytes] = []
_TAGS = [b"<p>", b"</p>", b"<div>", b"</div>", b"<table>", b"<tr>", b"<td>", b"</td>", b"<br>", b"<script>",
         b"<!--", b"-->", b"<![CDATA[", b"&nbsp;", b"&#x0;", b"&#xD800;", b"<meta charset=gb2312>", b"<h1>", b"\x00",
         b"<iframe>", b"<svg><p>", b"</html>", b"<p style='display:none'>", "一)".encode(), "[ 发布机构 ] ".encode()]


def gen_import_page(rnd: random.Random) -> bytes:
    """A saved web page (the web corpus's) cut, re-tagged, re-encoded, or sprinkled with bytes."""
    if not _PAGE_CACHE:
        _PAGE_CACHE.extend(p.read_bytes() for p in PAGES)
    data = bytearray(rnd.choice(_PAGE_CACHE))
    for _ in range(rnd.choice([1, 2, 4, 8, 16])):
        i = rnd.randrange(len(data) + 1)
        op = rnd.randrange(5)
        if op == 0:
            data[i:i] = rnd.choice(_TAGS)
        elif op == 1:
            del data[i:i + rnd.randrange(1, 400)]
        elif op == 2:
            data[i:i] = bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 8)))
        elif op == 3:
            del data[i:]
        else:
            j = rnd.randrange(len(data) + 1)
            data[i:i] = data[j:j + rnd.randrange(1, 300)]
    return bytes(data)


def check_import_page(data: bytes, folder: Path) -> None:
    """``drafter import`` on a saved page: YAML that loads back, or a DrafterError with a code."""
    src = folder / "last-year.html"
    src.write_bytes(data)
    _import_contract(src, folder)


# ---------------------------------------------------------------------------------------------
def _save(save: Path, tag: str, i: int, kind: str, value, err: str) -> Path:
    save.mkdir(parents=True, exist_ok=True)
    ext = {"bytes": "yaml", "text": "txt", "docx": "docx"}[kind]
    p = save / f"{tag}-{i:07d}.{ext}"
    if kind == "text":
        p.write_text(value, encoding="utf-8", errors="surrogatepass")
    else:
        p.write_bytes(value)
    p.with_suffix(p.suffix + ".err").write_text(err, encoding="utf-8")
    return p


def run(n: int, n_docx: int, seed: int, save: Path, render_every: int, quiet: bool = False,
        n_import: int = 0) -> tuple[int, int]:
    inputs = failures = 0
    t0 = time.time()
    kinds: dict[str, int] = {}
    reports = rendered = 0
    for i in range(n):
        rnd = random.Random(f"{seed}-{i}")
        kind, value = gen_input(rnd)
        kinds[kind] = kinds.get(kind, 0) + 1
        inputs += 1
        try:
            # the next input that loads as a report is rendered whenever `reports` hits a multiple
            loaded = check_loaded(kind, value, render=render_every > 0 and reports % render_every == 0)
            reports += loaded.report is not None
            rendered += loaded.report is not None and render_every > 0 and (reports - 1) % render_every == 0
        except Violation as e:
            failures += 1
            p = _save(save, "yaml", i, kind, value, traceback.format_exc())
            print(f"FAIL #{i} ({kind}): {str(e)[:300]}  -> {p}", file=sys.stderr)
        if not quiet and (i + 1) % 10000 == 0:
            print(f"  {i + 1} YAML inputs, {failures} failures, {reports} valid reports, "
                  f"{time.time() - t0:.0f} s", file=sys.stderr)
    docx_fail = 0
    if n_docx:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "fuzz.docx"
            for i in range(n_docx):
                rnd = random.Random(f"{seed}-docx-{i}")
                data = gen_docx(rnd)
                inputs += 1
                try:
                    check_docx(data, path)
                except Violation as e:
                    failures += 1
                    docx_fail += 1
                    p = _save(save, "docx", i, "docx", data, traceback.format_exc())
                    print(f"FAIL docx #{i}: {str(e)[:300]}  -> {p}", file=sys.stderr)
    import_fail = 0
    if n_import:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            for i in range(n_import):
                rnd = random.Random(f"{seed}-import-{i}")
                text = gen_import_text(rnd)
                inputs += 1
                try:
                    check_import(text, Path(tmp))
                except Violation as e:
                    failures += 1
                    import_fail += 1
                    p = _save(save, "import", i, "text", text, traceback.format_exc())
                    print(f"FAIL import #{i}: {str(e)[:300]}  -> {p}", file=sys.stderr)
    dt = time.time() - t0
    print(f"YAML inputs: {n} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}; "
          f"{reports} loaded as a report, {rendered} of them rendered)")
    if n_docx:
        print(f".docx inputs: {n_docx} ({docx_fail} failures)")
    if n_import:
        print(f"drafter import inputs: {n_import} ({import_fail} failures)")
    print(f"inputs: {inputs}  failures: {failures}  time: {dt:.0f} s  seed: {seed}")
    return inputs, failures


def replay(path: Path) -> int:
    if path.suffix == ".docx":
        check_docx(path.read_bytes(), Path(os.devnull + ".docx") if False else path.with_suffix(".replay.docx"))
    elif path.suffix == ".txt":
        check_loaded("text", path.read_text(encoding="utf-8", errors="surrogatepass"), render=True)
    else:
        check_loaded("bytes", path.read_bytes(), render=True)
    print("no failure")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="YAML inputs (default 100000)")
    ap.add_argument("--docx", type=int, default=2000, help=".docx packages through safezip (default 2000)")
    ap.add_argument("--import", dest="n_import", type=int, default=1000,
                    help="texts through drafter import (default 1000)")
    ap.add_argument("--seed", type=int, default=20240101)
    ap.add_argument("--render-every", type=int, default=20,
                    help="render one in N inputs that load as a report (0: never; default 20)")
    ap.add_argument("--save", type=Path, default=Path("fuzz-failures"))
    ap.add_argument("--replay", type=Path, help="re-run one saved failing input")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.replay:
        return replay(args.replay)
    _, failures = run(args.n, args.docx, args.seed, args.save, args.render_every, args.quiet, args.n_import)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
