"""drafter's speed and batch targets (issue 7), measured side by side in one run.

    .venv/bin/python benchmarks/bench.py              # 400 synthetic reports for the batch figures
    .venv/bin/python benchmarks/bench.py --reports 100 --runs 5

Prints every figure, then each target with its measured value and PASS/FAIL; exits 1 when a target
is missed.  What is measured:

- the largest example (most characters of text): in-process ``check`` (load, validate, rules) and
  in-process render (compose + .docx to bytes), and the floor: the same paragraphs' text added to a
  bare ``docx.Document()`` and saved to bytes, measured interleaved with the render (medians);
- ``drafter render`` and ``drafter check`` as whole processes, as a clerk runs them (median wall time
  of --runs runs after one warm-up; compiled bytecode allowed, as in any installed package, even
  when PYTHONDONTWRITEBYTECODE is set in this shell), and their peak memory (max RSS);
- a synthetic district of --reports reports, varied from the examples (place names, paragraphs
  repeated or dropped, 发文字号 numbers; every one passes ``drafter check``): ``drafter render … -o DIR/``
  with -j 1 and with -j 2, throughput and the ratio (unobserved runs: nothing samples them), and,
  in one more run of each, the peak memory of the whole process tree (parent + workers: RSS summed,
  and PSS, which counts pages the forked workers share once).

Nothing is written outside a temporary folder.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(ROOT))

# Each example's place name, replaced in the synthetic copies (the same everywhere in a file, so the
# report stays consistent: title, 简称, signature).
PLACE = {"daxing-2023": "大兴", "xinle-2024-han": "新乐", "yufa-2023": "榆垡", "short-complete": "青山",
         "qingshi-2024-joint": "青石"}
NAMES = [a + b for a in "东西南北中上下前后新" for b in "湖山岭川河林桥源坪岗"]


# ---------------------------------------------------------------------------------------------
def env_for_processes() -> dict:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)     # an installed drafter has its .pyc files
    env.pop("DRAFTER_DEBUG", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def drafter_cmd() -> list[str]:
    exe = Path(sys.executable).parent / ("drafter.exe" if os.name == "nt" else "drafter")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "drafter"]


# Whole processes are started and measured by this small helper process: the peak memory (ru_maxrss)
# of a child of a large process counts the parent's pages until exec, on Linux.
HELPER = r"""
import json, os, sys, time
cmds, runs, env = json.loads(sys.argv[1])
def one(args):
    t = time.perf_counter()
    pid = os.posix_spawn(args[0], args, env, file_actions=[
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0), (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
    _, status, ru = os.wait4(pid, 0)
    return [time.perf_counter() - t, ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status), ru.ru_maxrss]
for args in cmds.values():
    one(args)                                    # warm-up (writes the .pyc files)
out = {k: [] for k in cmds}
for _ in range(runs):                            # interleaved
    for k, args in cmds.items():
        out[k].append(one(args))
print(json.dumps(out))
"""


def measure_processes(cmds: dict[str, list[str]], runs: int, env: dict) -> dict[str, list[list]]:
    """{name: [[wall s, CPU s, exit code, max RSS KB] per run]}, measured by HELPER."""
    import json
    import subprocess

    cmds = {k: [c[0] if os.path.isabs(c[0]) else shutil.which(c[0]), *c[1:]] for k, c in cmds.items()}
    p = subprocess.run([sys.executable, "-c", HELPER, json.dumps([cmds, runs, env])], capture_output=True,
                       check=True, env=env)
    return json.loads(p.stdout)


def spawn(args: list[str], env: dict, stderr: str = os.devnull) -> int:
    """Start a process without forking this (large) one: a forked child's RSS before exec would be
    counted in its peak memory."""
    exe = args[0] if os.path.isabs(args[0]) else shutil.which(args[0])
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
               (os.POSIX_SPAWN_OPEN, 2, stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)]
    return os.posix_spawn(exe, args, env, file_actions=actions)


def median_ms(f, n: int) -> float:
    ts = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return statistics.median(ts) * 1000


# ---------------------------------------------------------------------------------------------
def block_texts(report) -> list[str]:
    """The text of every paragraph drafter puts in the document body, in order."""
    from drafter import blocks as B
    from drafter.compose import Composer

    out = []
    for b in Composer(report).compose().blocks:
        if isinstance(b, B.Letterhead):
            out += [x for x in (*b.flag, b.flag_suffix, b.doc_number, b.copy_number, b.secrecy, b.urgency) if x]
        elif isinstance(b, B.Title):
            out.append("".join(b.lines))
        elif isinstance(b, (B.Addressee, B.Closing, B.Note)):
            out.append(b.text)
        elif isinstance(b, B.Heading):
            out.append(b.number + b.text)
        elif isinstance(b, B.Paragraph):
            out.append("".join(r.text for r in b.runs))
        elif isinstance(b, B.AttachmentNote):
            out += [b.label, *b.names]
        elif isinstance(b, B.Signature):
            out += list(b.names) + ([b.date] if b.date else [])
        elif isinstance(b, B.Colophon):
            out += [x for x in (b.cc, b.printer, b.printed) if x]
    return out


def floor_bytes(texts: list[str]) -> bytes:
    import docx

    d = docx.Document()
    for t in texts:
        d.add_paragraph(t)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def largest_example():
    from drafter.loader import load_file

    best = None
    for p in sorted(EXAMPLES.glob("*.yaml")):
        rep = load_file(p).report
        texts = block_texts(rep)
        size = sum(len(t) for t in texts)
        if best is None or size > best[3]:
            best = (p, rep, texts, size)
    return best


# ---------------------------------------------------------------------------------------------
def make_district(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """``n`` reports varied from the examples; each one passes ``drafter check`` (else it is the
    unvaried example)."""
    import yaml

    from drafter.batch import check_many

    rng = random.Random(seed)
    sources = {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.yaml"))}
    stems = sorted(sources)
    paths, originals = [], []
    for i in range(n):
        stem = stems[i % len(stems)]
        text = sources[stem]
        name = NAMES[(i // len(stems)) % len(NAMES)]
        if stem in PLACE and name != PLACE[stem]:
            text = text.replace(PLACE[stem], name)
        for number in ("〔2024〕5号", "〔2025〕3号", "〔2025〕2号"):
            text = text.replace(number, f"{number[:6]}{i + 1}号")
        if rng.random() < 0.6:          # vary the length: repeat or drop paragraphs
            data = yaml.safe_load(text)
            body = data.get("正文") or []
            for sec in body:
                items = sec.get("内容") if isinstance(sec, dict) else None
                if not isinstance(items, list):
                    continue
                paras = [k for k, x in enumerate(items) if isinstance(x, str)]
                if len(paras) >= 2 and rng.random() < 0.4:
                    del items[rng.choice(paras)]
                elif paras and rng.random() < 0.5:
                    items.insert(paras[-1], items[rng.choice(paras)])
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
        sub = folder / f"{i // 50:02d}"
        sub.mkdir(exist_ok=True)
        p = sub / f"{stem}-{i:04d}.yaml"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
        originals.append(sources[stem])
    bad = 0
    for p, res, orig in zip(paths, check_many(paths, jobs=2), originals):
        if res.errors:
            p.write_text(orig, encoding="utf-8")
            bad += 1
    return paths, bad


class TreeMemory:
    """Peak memory of a process and its children, sampled from /proc (Linux)."""

    def __init__(self, pid: int, interval: float = 0.02):
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = self.peak_one = 0
        self.samples = 0
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _children(pid: int) -> list[int]:
        out, todo = [], [pid]
        while todo:
            p = todo.pop()
            out.append(p)
            try:
                for tid in os.listdir(f"/proc/{p}/task"):
                    with open(f"/proc/{p}/task/{tid}/children") as f:
                        todo += [int(x) for x in f.read().split()]
            except OSError:
                pass
        return out

    @staticmethod
    def _kb(pid: int, file: str, key: str) -> int:
        try:
            with open(f"/proc/{pid}/{file}") as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _run(self):
        while not self._stop.is_set():
            pids = self._children(self.pid)
            rss = [self._kb(p, "status", "VmRSS:") for p in pids]
            pss = sum(self._kb(p, "smaps_rollup", "Pss:") for p in pids)
            self.peak_rss = max(self.peak_rss, sum(rss))
            self.peak_one = max([self.peak_one] + rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.samples += 1
            self._stop.wait(self.interval)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._t.join()


# The floor process imports the libraries and leaves the way the drafter command does (os._exit after
# flushing, drafter.cli.run), so that the difference between the two is drafter's own code.
FLOOR_IMPORTS = ("import click, yaml, jinja2.sandbox, docx; "
                 "from pydantic import BaseModel, Discriminator, Tag, BeforeValidator; "
                 "import os; os._exit(0)")
SPIN = "s = 0\nfor i in range(6_000_000):\n    s += i\n"


def parallel_capacity(env: dict) -> float:
    """How many CPUs this benchmark actually gets now: the same CPU-bound loop in one process, then in
    two at once (2.0: two free cores; 1.0: the other core is busy with someone else's work)."""
    def run(k: int) -> float:
        t = time.perf_counter()
        pids = [spawn([sys.executable, "-c", SPIN], env) for _ in range(k)]
        for pid in pids:
            os.waitpid(pid, 0)
        return time.perf_counter() - t

    one = statistics.median(run(1) for _ in range(3))
    two = statistics.median(run(2) for _ in range(3))
    return 2 * one / two


def cpu_stat() -> tuple[int, int] | None:
    """(total, steal) jiffies of all CPUs: time the hypervisor gave to other machines shows as steal."""
    try:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return sum(v), v[7] if len(v) > 7 else 0
    except (OSError, ValueError):
        return None


def run_batch(paths: list[Path], outdir: Path, jobs: int, env: dict, watch: bool = False) -> dict:
    """One ``drafter render … -o DIR/ -j N``.  With ``watch``, the peak memory of its process tree is
    sampled from /proc; that sampling costs CPU (about 2.6 ms per sample here, a tenth of a CPU) and
    takes the workers' memory locks, so the timed runs go unwatched and memory has runs of its own."""
    args = drafter_cmd() + ["render", *map(str, paths), "-o", f"{outdir}{os.sep}", "-j", str(jobs), "--force"]
    errfile = outdir.parent / f"{outdir.name}.stderr"
    t = time.perf_counter()
    pid = spawn(args, env, str(errfile))
    mem = None
    if watch:
        with TreeMemory(pid) as mem:
            _, status, ru = os.wait4(pid, 0)
    else:
        _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    written = len(list(outdir.glob("*.docx")))
    out = {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "code": os.waitstatus_to_exitcode(status),
           "written": written, "err": errfile.read_text(encoding="utf-8", errors="replace")}
    if mem is not None:
        out.update(rss=mem.peak_rss, pss=mem.peak_pss, one=mem.peak_one)
    return out


# ---------------------------------------------------------------------------------------------
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=400, help="reports in the synthetic district (default 400)")
    ap.add_argument("--runs", type=int, default=11, help="runs of each whole process (default 11, at least 5)")
    ap.add_argument("--inproc", type=int, default=41, help="in-process repetitions (default 41)")
    ap.add_argument("--batch-rounds", type=int, default=7, help="interleaved -j 1 / -j 2 batch runs (default 7)")
    opts = ap.parse_args()
    opts.runs = max(5, opts.runs)

    import docx
    import pydantic

    from drafter.check import check_file
    from drafter.render import docx_bytes

    results: list[tuple[str, str, bool]] = []
    stat0 = cpu_stat()
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    from drafter.batch import cpu_count

    print(f"drafter benchmark: {cpu_count()} CPUs, load average {' '.join(f'{x:.2f}' for x in load)} "
          f"(other processes share these CPUs), Python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, "
          f"python-docx {getattr(docx, '__version__', '?')}")
    path, report, texts, size = largest_example()
    rel = path.relative_to(ROOT)
    print(f"largest example: {rel} ({len(texts)} paragraphs, {size} characters)")

    # -- in process -------------------------------------------------------------------------
    check_file(path), docx_bytes(report), floor_bytes(texts)          # warm: imports, caches
    t_check = median_ms(lambda: check_file(path), opts.inproc)
    r_ts, f_ts = [], []
    for _ in range(opts.inproc):                                       # interleaved, side by side
        t = time.perf_counter()
        docx_bytes(report)
        r_ts.append(time.perf_counter() - t)
        t = time.perf_counter()
        floor_bytes(texts)
        f_ts.append(time.perf_counter() - t)
    t_render, t_floor = statistics.median(r_ts) * 1000, statistics.median(f_ts) * 1000
    ratio = t_render / t_floor
    print(f"\nin process, median of {opts.inproc}:")
    print(f"  check (load + validate + {_rule_count()} rules)          {t_check:7.1f} ms")
    print(f"  render (compose + .docx to bytes)               {t_render:7.1f} ms")
    print(f"  bare python-docx floor, same {len(texts)} paragraphs     {t_floor:7.1f} ms")
    print(f"  render / floor                                  {ratio:7.2f} ×")
    results.append(("in-process render ≤ 1.3 × bare python-docx floor", f"{ratio:.2f} × "
                    f"({t_render:.1f} ms / {t_floor:.1f} ms)", ratio <= 1.3))

    # -- whole processes --------------------------------------------------------------------
    env = env_for_processes()
    tmp = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    try:
        out = tmp / "one.docx"
        cmds = {
            "render": drafter_cmd() + ["render", str(path), "-o", str(out), "--force"],
            "check": drafter_cmd() + ["check", str(path)],
            "--help": drafter_cmd() + ["--help"],
            # the floor under `drafter render`: Python importing the libraries it runs on (the design
            # card's click, PyYAML, pydantic, Jinja2; python-docx for the writer), no drafter code
            "imports": [sys.executable, "-c", FLOOR_IMPORTS],
        }
        measured = measure_processes(cmds, opts.runs, env)
        times = {k: [r[0] for r in v] for k, v in measured.items()}
        cpu = {k: [r[1] for r in v] for k, v in measured.items()}
        codes = {k: {r[2] for r in v} for k, v in measured.items()}
        rss = {k: max(r[3] for r in v) for k, v in measured.items()}
        print(f"\nwhole processes ({' '.join(cmds['render'][:1])} …), median of {opts.runs} runs:")
        for k in cmds:
            ts = sorted(times[k])
            label = f"drafter {k:8s}" if k != "imports" else "floor: python importing click+PyYAML+pydantic+Jinja2+docx:"
            print(f"  {label} {statistics.median(ts):6.3f} s wall (min {ts[0]:.3f}, max {ts[-1]:.3f}), "
                  f"{statistics.median(cpu[k]):.3f} s CPU; peak memory {rss[k] / 1024:.0f} MB; "
                  f"exit {','.join(map(str, sorted(codes[k])))}")
        # each run of a command against the floor run of the same round: what drafter's own code costs
        for k in ("render", "check"):
            own = statistics.median(a - b for a, b in zip(times[k], times["imports"]))
            print(f"  drafter {k} minus the floor, run by run: median {own * 1000:+.0f} ms")
        # paired: each run of `drafter render` against the floor run of the same round
        paired = statistics.median(a / b for a, b in zip(times["render"], times["imports"]))
        results.append(("drafter render as a process ≤ 1.4 × the import floor (paired)",
                        f"{paired:.2f} × (median of {opts.runs} pairs)", paired <= 1.4))
        m = statistics.median(times["check"])
        results.append(("drafter check as a process ≤ 0.25 s", f"{m:.3f} s (median of {opts.runs})", m <= 0.25))
        results.append(("drafter render peak memory ≤ 200 MB", f"{rss['render'] / 1024:.0f} MB (max RSS)",
                        rss["render"] / 1024 <= 200))

        # -- the district -------------------------------------------------------------------
        src = tmp / "district"
        src.mkdir()
        t = time.perf_counter()
        paths, bad = make_district(src, opts.reports)
        print(f"\nsynthetic district: {len(paths)} reports from {len(PLACE)} examples in {len(list(src.iterdir()))} "
              f"folders ({bad} variants failed the check and were replaced by their example), "
              f"made in {time.perf_counter() - t:.1f} s")
        def batch(jobs: int, name: str, watch: bool = False) -> dict:
            o = tmp / name
            o.mkdir()
            r = run_batch(paths, o, jobs, env, watch)
            mem = (f"; peak memory {r['pss'] / 1024:.0f} MB PSS, {r['rss'] / 1024:.0f} MB RSS summed (largest "
                   f"process {r['one'] / 1024:.0f} MB)") if watch else ""
            print(f"  drafter render {len(paths)} files -o DIR/ -j {jobs}: {r['wall']:6.2f} s ({r['cpu']:.2f} s CPU), "
                  f"{len(paths) / r['wall']:6.1f} reports/s, {r['written']} written, exit {r['code']}{mem}")
            if r["code"] != 0:
                print("    " + r["err"].strip().replace("\n", "\n    ")[:2000])
            shutil.rmtree(o, ignore_errors=True)
            return r

        every = {1: [], 2: []}
        capacity = []
        for k in range(opts.batch_rounds):                              # interleaved: -j 1, -j 2, -j 1, …
            capacity.append(parallel_capacity(env))
            print(f"  CPUs available to this benchmark now (two CPU-bound processes vs one): {capacity[-1]:.2f}")
            for jobs in (1, 2):
                every[jobs].append(batch(jobs, f"out-j{jobs}-{k}"))
        # side by side: the ratio of each round's -j 1 and -j 2 runs (run back to back), then the median
        ratios = [a["wall"] / b["wall"] for a, b in zip(every[1], every[2])]
        speedup = statistics.median(ratios)
        medians = {j: statistics.median(r["wall"] for r in rs) for j, rs in every.items()}
        print(f"  -j 1 / -j 2 wall time, round by round: {', '.join(f'{r:.2f}' for r in ratios)}; median "
              f"{speedup:.2f}; medians -j 1 {medians[1]:.2f} s, -j 2 {medians[2]:.2f} s; CPUs available "
              f"(median) {statistics.median(capacity):.2f}")
        print(f"  speed-up per CPU the machine gave (ratio / CPUs available), round by round: "
              f"{', '.join(f'{r / c:.2f}' for r, c in zip(ratios, capacity))} (1.00: nothing lost to the batch itself)")
        print("  peak memory, in runs of their own (sampling /proc slows the run it watches; not timed above):")
        watched = {jobs: batch(jobs, f"out-mem-j{jobs}", watch=True) for jobs in (1, 2)}
        ok_all = all(r["code"] == 0 and r["written"] == len(paths)
                     for r in [*every[1], *every[2], *watched.values()])
        results.append((f"{len(paths)} reports on 2 cores ≥ 1.8 × single-core throughput",
                        f"{speedup:.2f} × (median of {len(ratios)} rounds)", speedup >= 1.8 and ok_all))
        peak = watched[2]["pss"] / 1024
        results.append(("batch peak memory ≤ 200 MB (parent + workers, PSS)",
                        f"{peak:.0f} MB (RSS summed {watched[2]['rss'] / 1024:.0f} MB)", peak <= 200))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    stat1 = cpu_stat()
    if stat0 and stat1 and stat1[0] > stat0[0]:
        print(f"\nCPU time stolen by the hypervisor during this run: {100 * (stat1[1] - stat0[1]) / (stat1[0] - stat0[0]):.1f} %"
              f" (times above are slower by about as much)")

    # -- targets ----------------------------------------------------------------------------
    w = max(len(r[0]) for r in results)
    print(f"\n{'target'.ljust(w)}  {'measured'.ljust(36)}  result")
    for name, measured, ok in results:
        print(f"{name.ljust(w)}  {measured.ljust(36)}  {'PASS' if ok else 'FAIL'}")
    failed = sum(not r[2] for r in results)
    print(f"\n{len(results) - failed} of {len(results)} targets met.")
    return 1 if failed else 0


def _rule_count() -> int:
    from drafter.rules import load_all

    return len(load_all())


if __name__ == "__main__":
    sys.exit(main())
