"""drafter inspect's speed target (issue 17): a 6-page report inspected in ≤ 0.5 s as a process.

    .venv/bin/python benchmarks/bench_inspect.py            # median of 11 runs after one warm-up
    .venv/bin/python benchmarks/bench_inspect.py --runs 21

The report is examples/xinle-2024-han.yaml rendered by ``drafter render`` (6 pages in LibreOffice);
``drafter inspect`` reads it with the one reader, dissects it, checks it against GB/T 9704 and runs
the five-part and content checks, as a reviewer runs it.  A WPS-shaped 通知 from the test corpus
(tests/data/corpus/wps-notice-footer-textbox.docx) is timed beside it for reference.  Prints each
figure and the target with PASS/FAIL; exits 1 when it is missed.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import drafter_cmd, env_for_processes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 0.5


def timed(args: list[str], env: dict) -> tuple[float, int]:
    t = time.perf_counter()
    p = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t, p.returncode


def median_of(args: list[str], env: dict, runs: int) -> tuple[float, float, float]:
    _, code = timed(args, env)                         # warm-up; exit 0 or 1 are results
    if code not in (0, 1):
        raise SystemExit(f"FAIL  {' '.join(args[-2:])} exited {code}")
    times = [timed(args, env)[0] for _ in range(runs)]
    return statistics.median(times), min(times), max(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=11)
    a = ap.parse_args(argv)
    env = env_for_processes()
    with tempfile.TemporaryDirectory(prefix="drafter-bench-inspect-") as td:
        report = Path(td) / "xinle-2024-han.docx"
        r = subprocess.run([*drafter_cmd(), "render", str(ROOT / "examples" / "xinle-2024-han.yaml"), "-o", str(report)],
                           env=env, capture_output=True)
        if r.returncode != 0:
            print(r.stderr.decode("utf-8", "replace")[-2000:])
            print("FAIL  could not render the report")
            return 1
        med, lo, hi = median_of([*drafter_cmd(), "inspect", str(report)], env, a.runs)
        wps = ROOT / "tests" / "data" / "corpus" / "wps-notice-footer-textbox.docx"
        wmed, wlo, whi = median_of([*drafter_cmd(), "inspect", str(wps)], env, a.runs)
    print(f"drafter inspect, as a process (median of {a.runs} runs after one warm-up):")
    print(f"  新乐市 report, 6 pages (rendered):   {med:.3f} s (min {lo:.3f}, max {hi:.3f})")
    print(f"  WPS 通知 from the corpus (reference): {wmed:.3f} s (min {wlo:.3f}, max {whi:.3f})")
    ok = med <= TARGET_S
    print(f"{'PASS' if ok else 'FAIL'}  a 6-page report inspected in {med:.3f} s (target ≤ {TARGET_S} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
