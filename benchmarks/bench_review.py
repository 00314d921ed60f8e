"""drafter review's speed target (issue 20): 30 rendered reports reviewed in ≤ 10 s on 2 cores.

    .venv/bin/python benchmarks/bench_review.py               # 30 reports, -j 2, median of 3 runs
    .venv/bin/python benchmarks/bench_review.py --reports 60 --runs 5

The reports are the synthetic district of benchmarks/bench.py (varied from the examples; every one
passes ``drafter check``), rendered to .docx by ``drafter render`` — the Word files a county receives.
``drafter review DIR/ -o 汇总.html -j 2`` is then timed as a whole process, as a reviewer runs it
(median wall time of --runs runs after one warm-up), with ``-j 1`` beside it for reference.
Prints each figure and the target with PASS/FAIL; exits 1 when it is missed.  Nothing is written
outside a temporary folder.
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

from bench import drafter_cmd, env_for_processes, make_district  # noqa: E402

TARGET_S = 10.0


def timed(args: list[str], env: dict) -> tuple[float, int]:
    t = time.perf_counter()
    p = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t, p.returncode


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=30)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args(argv)
    env = env_for_processes()
    from drafter.batch import cpu_count

    with tempfile.TemporaryDirectory(prefix="drafter-bench-review-") as td:
        src, county = Path(td) / "yaml", Path(td) / "各镇街"
        src.mkdir()
        paths, _ = make_district(src, a.reports)
        r = subprocess.run([*drafter_cmd(), "render", *map(str, paths), "-o", f"{county}/", "-j", "2"], env=env,
                           capture_output=True)
        docx = sorted(county.glob("*.docx"))
        if r.returncode != 0 or len(docx) != a.reports:
            print(r.stderr.decode("utf-8", "replace")[-2000:])
            print(f"FAIL  could not render the {a.reports} reports")
            return 1
        out = Path(td) / "汇总.html"
        results = {}
        for jobs in (2, 1):
            cmd = [*drafter_cmd(), "review", str(county), "-o", str(out), "--force", "-j", str(jobs)]
            _, code = timed(cmd, env)                       # warm-up (and the exit code: 0 or 1 are results)
            if code not in (0, 1):
                print(f"FAIL  drafter review exited {code}")
                return 1
            results[jobs] = statistics.median(timed(cmd, env)[0] for _ in range(a.runs))
        n_rows = out.read_text(encoding="utf-8").count("<tr class=")
    print(f"本机此刻可用的 CPU 数：{cpu_count()}")
    print(f"{a.reports} rendered reports (.docx), drafter review -o 汇总.html (median of {a.runs} runs):")
    print(f"  -j 2: {results[2]:.2f} s ({results[2] / a.reports * 1000:.0f} ms a report)")
    print(f"  -j 1: {results[1]:.2f} s ({results[1] / a.reports * 1000:.0f} ms a report)")
    print(f"  rows in the page: {n_rows}")
    ok = results[2] <= TARGET_S * a.reports / 30 and n_rows == a.reports
    print(f"{'PASS' if ok else 'FAIL'}  {a.reports} reports reviewed with -j 2 in {results[2]:.2f} s "
          f"(target ≤ {TARGET_S * a.reports / 30:.1f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
