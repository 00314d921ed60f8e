"""drafter import's speed target for PDFs (issue 21): a 10-page PDF imported in ≤ 1 s as a process.

    .venv/bin/python benchmarks/bench_import_pdf.py            # median of 7 runs after one warm-up
    .venv/bin/python benchmarks/bench_import_pdf.py --runs 15 --pages 20

The PDF is a report as a clerk finds it on a website: examples/daxing-2023.yaml lengthened (its
first part's paragraphs repeated) until LibreOffice prints it on exactly --pages pages, rendered by
drafter and converted by LibreOffice.  ``drafter import 报告.pdf -o 报告.yaml --force`` is timed as a
whole process (start-up, reading the PDF, the anatomy, writing and checking the YAML), median wall
time of --runs runs; the same report imported from its .docx is printed beside it for reference.
Prints each figure and the target with PASS/FAIL; exits 1 when it is missed (or LibreOffice is
missing).  Nothing is written outside a temporary folder.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import drafter_cmd, env_for_processes  # noqa: E402

TARGET_S = 1.0


def longer_report(extra: int) -> str:
    """daxing-2023 with ``extra`` more subsections in its first part (its own, repeated and renamed)."""
    import yaml

    data = yaml.safe_load((ROOT / "examples" / "daxing-2023.yaml").read_text(encoding="utf-8"))
    first = data["正文"][0]
    subs = [s for s in first["内容"] if isinstance(s, dict) and "标题" in s]
    for k in range(extra):
        s = subs[k % len(subs)]
        first["内容"].append({**s, "标题": f"{s['标题'].rstrip('。')}（续{k + 1}）"})
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def pdf_of(pages: int, folder: Path) -> Path | None:
    """The lengthened report on exactly ``pages`` pages (the fewest extra subsections that reach it)."""
    from drafter.loader import load_text
    from drafter.pdf import convert
    from drafter.render import docx_bytes

    import pypdfium2 as pdfium

    def make(extra: int) -> tuple[Path, int]:
        report = load_text(longer_report(extra), "长报告.yaml").report
        docx = folder / "去年的报告.docx"
        docx.write_bytes(docx_bytes(report))
        (pdf,) = convert([docx], folder)
        return pdf, len(pdfium.PdfDocument(str(pdf)))

    lo, hi = 0, 1
    while make(hi)[1] < pages:                       # double until long enough
        lo, hi = hi, hi * 2
        if hi > 512:
            return None
    while lo < hi:                                   # the fewest extra subsections reaching the page count
        mid = (lo + hi) // 2
        if make(mid)[1] < pages:
            lo = mid + 1
        else:
            hi = mid
    pdf, n = make(lo)
    return pdf if n == pages else None


def timed(args: list[str], env: dict) -> tuple[float, int]:
    t = time.perf_counter()
    p = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t, p.returncode


def median_of(args: list[str], env: dict, runs: int) -> float | None:
    _, code = timed(args, env)                        # warm-up (the .pyc files, the page cache)
    if code not in (0, 1):                            # 1: the import's own check found a to-do
        return None
    return statistics.median(timed(args, env)[0] for _ in range(runs))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pages", type=int, default=10)
    a = ap.parse_args(argv)
    from drafter.pdf import soffice_path

    if soffice_path() is None:
        print("FAIL  LibreOffice (soffice) is needed to make the PDF")
        return 1
    env = env_for_processes()
    with tempfile.TemporaryDirectory(prefix="drafter-bench-import-") as td:
        folder = Path(td)
        pdf = pdf_of(a.pages, folder)
        if pdf is None:
            print(f"FAIL  could not make a {a.pages}-page PDF")
            return 1
        pdf_s = median_of([*drafter_cmd(), "import", str(pdf), "-o", str(folder / "a.yaml"), "--force"], env, a.runs)
        docx_s = median_of([*drafter_cmd(), "import", str(folder / "去年的报告.docx"), "-o", str(folder / "b.yaml"),
                            "--force"], env, a.runs)
    if pdf_s is None:
        print("FAIL  drafter import of the PDF failed")
        return 1
    print(f"      drafter import of the same report as .docx: {docx_s:.2f} s (for reference)")
    ok = pdf_s <= TARGET_S
    print(f"{'PASS' if ok else 'FAIL'}  drafter import of a {a.pages}-page PDF: {pdf_s:.2f} s as a process "
          f"(median of {a.runs}; target ≤ {TARGET_S:.1f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
