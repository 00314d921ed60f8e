"""Benchmark: what was carried over from last year (drafter.carryover.compare), in-process (issue 19:
target <= 30 ms for two 6-page reports).

Run:  .venv/bin/python benchmarks/bench_carryover.py [--runs N]

Last year's report is examples/xinle-2024-han.yaml (6 pages when rendered); this year's is made from
it as a clerk makes it (drafter.nextyear, then every other paragraph rewritten, one figure repeated,
one sentence of last year's plan reused), so that every kind of finding is produced.  Prints the
median and best of N runs of ``compare(this, last)`` alone, of the four FZ9xx rules with it, and of
``check_file`` with and without the comparison (what ``check --previous`` adds to a check), then
PASS/FAIL of the median of compare() against the target.  A second line measures reports twice as
long (information only: the cost grows linearly).  Not a test: timings depend on the machine; the
exit code is 1 on FAIL.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_MS = 30.0
REWRITTEN = "今年新建成村级法律服务工作室26个，全年接待群众咨询3100人次，化解邻里纠纷412件，比上年多出一成，群众满意度调查得分96.5分。"


def _this_year(folder: Path) -> tuple[Path, Path, Path]:
    from drafter.loader import load_file
    from drafter.nextyear import next_year, previous_ref

    last = folder / "2024.yaml"
    last.write_bytes((ROOT / "examples" / "xinle-2024-han.yaml").read_bytes())
    loaded = load_file(last)
    nxt = folder / "2025.yaml"
    text = next_year(loaded.source.text, loaded, last.name, nxt, previous_ref(last, nxt)).text
    lines = text.split("\n")
    body = [k for k, ln in enumerate(lines) if ln.startswith("              ") and len(ln.strip()) > 40]
    for n, k in enumerate(body):
        if n % 2 == 0:                                # every other paragraph rewritten, one with a figure of
            lines[k] = "              " + REWRITTEN + {  # last year's, one with a sentence of last year's plan
                4: "共收到行政复议申请115件。",
                2: "进一步推进党政主要负责人履行法治建设第一责任人职责,推动法治建设工作不断上台阶。"}.get(n, "")
        elif n == 1:                                  # and one with a figure changed: nearly the same
            lines[k] = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), lines[k], count=1)
    nxt.write_text("\n".join(lines), encoding="utf-8")
    alone = folder / "2025-alone.yaml"                # the same without 上一年度: check as before
    alone.write_text("\n".join(ln for ln in lines if not ln.startswith("上一年度:")), encoding="utf-8")
    return last, nxt, alone


def _time(fn, runs: int) -> tuple[float, float]:
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def _doubled(report):
    """The same report with its body written twice (12 pages)."""
    return report.model_copy(update={"sections": report.sections + report.sections})


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=50)
    args = ap.parse_args(argv)
    from drafter.carryover import compare, load_previous
    from drafter.check import check_file
    from drafter.loader import load_file

    with tempfile.TemporaryDirectory() as td:
        last_path, this_path, alone = _this_year(Path(td))
        last, this = load_file(last_path).report, load_file(this_path).report
        res = compare(this, last)
        chars = sum(len(p) for p in (this.intro or "",)) + sum(
            len(x) for s in this.sections for x in _texts(s.content))
        med, best = _time(lambda: compare(this, last), args.runs)
        big_med, _ = _time(lambda: compare(_doubled(this), _doubled(last)), max(5, args.runs // 5))
        prev = load_previous(last_path)
        with_prev, _ = _time(lambda: check_file(this_path, previous=last_path), max(5, args.runs // 2))
        without, _ = _time(lambda: check_file(alone), max(5, args.runs // 2))
        assert prev.report.year == 2024
    print(f"reports: examples/xinle-2024-han.yaml (2024) and its 2025 draft ({res.paragraphs} paragraphs, "
          f"~{chars} characters of body text each)")
    print(f"findings: {res.counts()}; carried over: {res.carried} of {res.paragraphs}")
    print(f"compare(): median {med:.2f} ms, best {best:.2f} ms over {args.runs} runs")
    print(f"compare() of reports twice as long: median {big_med:.2f} ms (information)")
    print(f"check_file of the 2025 draft: median {with_prev:.2f} ms compared with 2024.yaml (read each time, "
          f"cached), {without:.2f} ms without 上一年度")
    ok = med <= TARGET_MS
    print(f"{'PASS' if ok else 'FAIL'}: compare() median {med:.2f} ms {'<=' if ok else '>'} target {TARGET_MS:.0f} ms")
    return 0 if ok else 1


def _texts(items):
    for x in items:
        if isinstance(x, str):
            yield x
        else:
            yield from _texts(x.content)


if __name__ == "__main__":
    sys.exit(main())
