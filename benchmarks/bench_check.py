"""Benchmark: `drafter check` of the largest example, in-process (issue 4: target <= 30 ms).

Run:  .venv/bin/python benchmarks/bench_check.py [FILE] [--runs N]

Measures check_file() — read, decode, YAML with positions, validation, every rule — after one
warm-up call (imports, template compilation), and prints the median and the best of N runs, the
first (cold) call, the median CPU time (less sensitive to a busy machine), the per-rule cost, and
PASS/FAIL of the wall-clock median against the target.  Not a test: timings depend
on the machine; the exit code is 1 on FAIL so that it can gate a release by hand.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_MS = 30.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", help="report YAML (default: the largest example)")
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args(argv)
    path = Path(args.file) if args.file else max((ROOT / "examples").glob("*.yaml"), key=lambda p: p.stat().st_size)

    t0 = time.perf_counter()
    from drafter.check import check_file

    res = check_file(path)
    cold = (time.perf_counter() - t0) * 1000
    times, cpu = [], []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        res = check_file(path)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    median, best = statistics.median(times), min(times)

    # where the time goes: each rule on the already loaded report
    from drafter.rules import Context, active_rules, settings_for

    rep = res.loaded.report
    ctx = Context(rep, res.loaded.source, settings=settings_for(rep))
    per_rule = []
    for r in active_rules(ctx.settings, ctx.kind):
        t = time.perf_counter()
        for _ in range(20):
            list(r.func(ctx) or ())
        per_rule.append(((time.perf_counter() - t) * 1000 / 20, r.code))
    per_rule.sort(reverse=True)

    print(f"file: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path} "
          f"({path.stat().st_size} bytes, {len(res.diagnostics)} findings)")
    print(f"check_file: median {median:.2f} ms, best {best:.2f} ms over {args.runs} runs "
          f"(first call incl. imports {cold:.0f} ms); CPU time median {statistics.median(cpu):.2f} ms")
    print("slowest rules: " + ", ".join(f"{code} {ms:.2f} ms" for ms, code in per_rule[:5]))
    ok = median <= TARGET_MS
    print(f"{'PASS' if ok else 'FAIL'}: median {median:.2f} ms {'<=' if ok else '>'} target {TARGET_MS:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
