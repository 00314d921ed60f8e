"""Benchmark: ``drafter format`` of a 6-page draft as a whole process (issue 22: target ≤ 1 s).

    .venv/bin/python benchmarks/bench_format.py [--runs N]

The draft is a report of six pages (the text of examples/xinle-2024-han.yaml, the longest example)
typed the way clerks type a first draft in WPS: the package written by tests/corpus's WPS writer, a
new document's default page, blank paragraphs between paragraphs, indents typed as spaces, heading
numbers typed by hand, the 署名 and date pushed right with spaces.  It is made in a temporary folder;
``drafter format`` lays it out to GB/T 9704 (with --yaml, the most it does).  Printed: the median and
best wall time of --runs runs after one warm-up (compiled bytecode allowed, as in any installed
package), the floor under any drafter command (Python importing click, PyYAML, pydantic, Jinja2,
lxml and python-docx), the pages LibreOffice prints of the result (when it is installed), and
PASS/FAIL of the median against the target; exit 1 on FAIL.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))
TARGET_S = 1.0
EXAMPLE = ROOT / "examples" / "xinle-2024-han.yaml"
FLOOR = "import click, yaml, pydantic, jinja2, lxml.etree, docx; import os; os._exit(0)"


def draft_bytes() -> bytes:
    """The example's text as a clerk's WPS draft (see the module doc)."""
    import docx

    from build_corpus import WPS_DEFAULT_PAGE, typed
    from drafter.loader import load_file
    from drafter.render import docx_bytes
    from ooxml_dialects import Doc, Meta, Section, ST, build
    import io

    report = load_file(EXAMPLE).report
    rendered = docx.Document(io.BytesIO(docx_bytes(report)))
    texts = [p.text for p in rendered.paragraphs if p.text.strip()]
    at = next(k for k, t in enumerate(texts) if "\n" in t)             # the title (after the 版头's number)
    title, rest = texts[at], texts[at + 1:]
    paras = [typed(t, size=44, font=ST, bold=True, jc="center") for t in title.split("\n")] + [typed("")]
    for k, t in enumerate(rest):
        if t[:1] in "一二三四五六七八九十" and t[1:2] == "、":
            t = t.replace("、", ".", 1) if k % 2 else t              # numbers typed in mixed forms
        elif t.startswith("（") and k % 3 == 0:
            t = "(" + t[1:].replace("）", ")", 1)
        if rest[k:k + 2] and t == rest[-1]:
            t = " " * 40 + t                                         # the date pushed right
        elif k >= len(rest) - 2:
            t = " " * 36 + t                                         # the 署名 pushed right
        elif not t.endswith("：") or len(t) > 30:
            t = ("    " if k % 2 else "\u3000\u3000") + t            # indents typed
        paras += [typed(t), typed("")]
    doc = Doc("bench-draft", paras, Section(**WPS_DEFAULT_PAGE), even_odd=False,
              meta=Meta(creator="办公室", last="办公室", pages=6))
    return build(doc, "WPS", "11")


def env() -> dict:
    e = dict(os.environ)
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    e.pop("DRAFTER_DEBUG", None)
    e["PYTHONIOENCODING"] = "utf-8"
    return e


def drafter_cmd() -> list[str]:
    exe = Path(sys.executable).parent / ("drafter.exe" if os.name == "nt" else "drafter")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "drafter"]


def timed(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process: user + system)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    took = time.perf_counter() - t
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{err.decode('utf-8', 'replace')[-2000:]}")
    return took, ru.ru_utime + ru.ru_stime


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="drafter-bench-format-") as td:
        tmp = Path(td)
        (tmp / "草稿.docx").write_bytes(draft_bytes())
        cmd = drafter_cmd() + ["format", "草稿.docx", "-o", "成稿.docx", "--yaml", "成稿.yaml", "--force"]
        floor_cmd = [sys.executable, "-c", FLOOR]
        timed(cmd, tmp), timed(floor_cmd, tmp)                        # warm-up: bytecode, caches, disk
        ts, cs, fs = [], [], []
        for _ in range(args.runs):                                    # interleaved: the same load on both
            wall, cpu = timed(cmd, tmp)
            ts.append(wall)
            cs.append(cpu)
            fs.append(timed(floor_cmd, tmp)[0])
        median, best, floor = statistics.median(ts), min(ts), statistics.median(fs)
        pages = "（本机没有 LibreOffice，未数页数）"
        if shutil.which("soffice") or shutil.which("libreoffice"):
            from drafter.pdf import convert

            (pdf,) = convert([tmp / "成稿.docx"], tmp / "pdf")
            import pdfplumber

            with pdfplumber.open(str(pdf)) as d:
                pages = f"{len(d.pages)} 页"
            if len(d.pages) < 6:
                print(f"FAIL: the draft makes {len(d.pages)} pages, not 6: the benchmark does not measure its target")
                return 1
        print(f"draft: {EXAMPLE.name}'s text typed as a WPS first draft, {(tmp / '草稿.docx').stat().st_size} bytes; "
              f"formatted: {pages}")
        from drafter.batch import cpu_count

        load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
        print(f"machine: {cpu_count()} CPUs, load average {load} (wall times grow with the load; CPU times do not)")
        print(f"drafter format (process): median {median:.3f} s, best {best:.3f} s over {args.runs} runs; "
              f"CPU time median {statistics.median(cs):.3f} s")
        print(f"floor (Python + click, PyYAML, pydantic, Jinja2, lxml, python-docx imported): median {floor:.3f} s "
              f"→ format = floor + {median - floor:.3f} s ({median / floor:.2f} × floor)")
    ok = median <= TARGET_S
    print(f"{'PASS' if ok else 'FAIL'}: drafter format of a 6-page draft, median {median:.3f} s "
          f"{'<=' if ok else '>'} target {TARGET_S:.1f} s")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
