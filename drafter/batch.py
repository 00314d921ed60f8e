"""Many reports at once: ``drafter render a.yaml b.yaml … -o DIR/ -j N`` and ``drafter check`` over
many files.

Every report is checked and rendered on its own, by a pool of worker processes (``jobs``); one
report's failure never stops the others, and nothing is written for a report that fails (each .docx
is written atomically by ``drafter.render``).  Results come back in the order of the inputs,
whatever order the workers finish in, so the output of a batch is the same from run to run.

Output names: each input ``x.yaml`` becomes ``x.docx`` in the output folder (or next to the input).
When two inputs would give the same name (``a/x.yaml`` and ``b/x.yaml`` into one folder; names are
compared ignoring case, as Windows does), each of them gets the folders that tell them apart in
front of its name (``a-x.docx``, ``b-x.docx``), and the clerk is told.  The same file given twice is
rendered once.

A worker that dies (killed, out of memory) breaks the pool; the reports that were in flight are
then retried one at a time in a process of their own, so only the report that kills its process
fails (FZ099), and the others still run.
"""
from __future__ import annotations

import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from .diagnostics import ERROR, INFO, NAMED_AT_MOST, WARNING, Diagnostic, DrafterError, name_some

POOL_MIN = 4          # fewer inputs than this are done in this process: a pool costs more than it saves
WARNINGS_SHOWN = 3    # a rendered file's warnings the batch summary prints; with more, the command that shows them
INTERNAL = "FZ099"    # a report that made drafter fail internally (or killed its worker process)


def cpu_count() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # Windows, macOS
        return max(1, os.cpu_count() or 1)


def effective_jobs(jobs: int | None, n: int) -> int:
    """Worker processes for ``n`` inputs: ``jobs`` (default: one per CPU), never more than inputs."""
    j = cpu_count() if not jobs or jobs < 1 else jobs
    return max(1, min(j, n))


# ---------------------------------------------------------------------------------------------
# Output names
@dataclass
class Planned:
    src: Path                  # the input as given
    out: Path | None           # the .docx to write (None: refused before rendering, see error)
    error: Diagnostic | None = None


def _key(p: Path) -> str:
    return os.path.normcase(os.path.abspath(p)).casefold()


def _distinct_names(srcs: list[Path]) -> list[str]:
    """Stems for inputs whose outputs collide: the folders that tell them apart, then the stem."""
    real = [Path(os.path.realpath(s)) for s in srcs]
    try:
        common = Path(os.path.commonpath([str(r.parent) for r in real]))
        rels = [r.parent.relative_to(common).parts for r in real]
    except ValueError:  # different drives on Windows
        rels = [tuple(x for x in r.parent.parts if x != r.anchor) for r in real]
    names = ["-".join(rel + (s.stem,)) for rel, s in zip(rels, srcs)]
    if len({n.casefold() for n in names}) < len(names) and len({s.suffix for s in srcs}) > 1:
        # same folder and stem, told apart by the extension (x.yaml, x.yml); names that differ only in
        # letter case (report.yaml, Report.yaml) keep them and are numbered by the caller
        names = [f"{n}-{s.suffix.lstrip('.')}" if s.suffix else n for n, s in zip(names, srcs)]
    return names


def _why_renamed(srcs: list[Path]) -> str:
    """What tells inputs with the same output name apart, for the clerk's notice."""
    if len({os.path.realpath(s.parent) for s in srcs}) > 1:
        return "所在文件夹"
    if len({s.suffix for s in srcs}) > 1:
        return "扩展名"
    return "编号（这些文件名只差字母大小写，在 Windows 上是同一个文件）"


def plan_outputs(inputs: Sequence[str | Path], outdir: str | Path | None = None, *, suffix: str = ".docx",
                 beside: Callable[[Path], Path] | None = None) -> tuple[list[Planned], list[str]]:
    """The .docx (or ``suffix``) for each input (in ``outdir``, or next to the input: ``beside(input)``,
    default the input's name with ``suffix``) and the notices for the clerk.

    The same file given twice is planned once; outputs that would collide are renamed (see module doc);
    an output that would overwrite one of the inputs is refused (FZ050)."""
    notices: list[str] = []
    seen: dict[str, Path] = {}
    srcs: list[Path] = []
    typed: dict[str, str] = {}          # each file as the clerk typed it (Path drops a leading ./)
    for raw in inputs:
        p = Path(raw)
        k = os.path.normcase(os.path.realpath(p))
        if k in seen:
            first = typed[k]
            notices.append(f"注意：“{raw}”与“{first}”是同一个文件，只处理一次" if str(raw) != first
                           else f"注意：“{raw}”写了不止一次，只处理一次")
            continue
        seen[k], typed[k] = p, str(raw)
        srcs.append(p)
    od = Path(outdir) if outdir is not None else None
    outs = [od / f"{s.stem}{suffix}" if od is not None else (beside(s) if beside else s.with_suffix(suffix))
            for s in srcs]

    natural = list(outs)
    groups: dict[str, list[int]] = {}
    for i, o in enumerate(outs):
        groups.setdefault(_key(o), []).append(i)
    why: dict[int, str] = {}
    for idx in groups.values():
        if len(idx) < 2:
            continue
        reason = _why_renamed([srcs[i] for i in idx])
        for i, n in zip(idx, _distinct_names([srcs[i] for i in idx])):
            outs[i] = outs[i].with_name(f"{n}{suffix}")
            why[i] = reason
    # names still alike (x.yaml and x.YAML: the extension does not tell them apart once case is
    # ignored), or a renamed output that meets another input's own name (a/x.yaml + a-x.yaml): the
    # input with its own name keeps it, the later ones are numbered
    used: set[str] = set()
    for i in sorted(range(len(outs)), key=lambda i: (outs[i] != natural[i], i)):
        o = outs[i]
        n = 2
        while _key(o) in used:
            o = outs[i].with_name(f"{outs[i].stem}-{n}{suffix}")
            n += 1
        outs[i] = o
        used.add(_key(o))
    renamed = [i for i in range(len(outs)) if outs[i] != natural[i]]
    for how in dict.fromkeys(why[i] for i in renamed if i in why):
        these = [i for i in renamed if why.get(i) == how]
        if these:
            pairs = "；".join(f"“{srcs[i]}”→“{outs[i]}”" for i in these)
            notices.append(f"注意：有输入文件的输出会与别的文件同名，已按{how}改名（{len(these)} 个）：{pairs}")

    planned = []
    for s, o in zip(srcs, outs):
        if os.path.normcase(os.path.realpath(o)) in seen:
            name = str(o)
            planned.append(Planned(s, None, Diagnostic(
                "FZ050", ERROR, f"输出文件“{name}”就是输入文件之一，不能覆盖；请用 -o 指定另一个文件夹", name)))
        else:
            planned.append(Planned(s, o))
    return planned, notices


# ---------------------------------------------------------------------------------------------
# Progress on a terminal; nothing at all when stderr is not one
class Progress:
    WIDTH = 30

    def __init__(self, total: int, label: str, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        if enabled is None:
            try:
                enabled = self.stream.isatty()
            except (AttributeError, ValueError):
                enabled = False
        self.enabled = bool(enabled) and total > 1
        self.total, self.label = total, label
        self.done = self.failed = 0
        self.start = time.monotonic()
        self._last = 0.0

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last >= 0.1 or self.done == self.total:
            self._last = now
            fill = self.WIDTH * self.done // self.total
            bar = "#" * fill + "." * (self.WIDTH - fill)
            fail = f"  失败 {self.failed}" if self.failed else ""
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}{fail}  {now - self.start:.1f} 秒")
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


# ---------------------------------------------------------------------------------------------
# Running jobs: in this process, or in a pool that survives a worker's death
def _internal(src, e: BaseException | str) -> Diagnostic:
    what = e if isinstance(e, str) else f"drafter 内部错误（{type(e).__name__}: {e}）"
    return Diagnostic(INTERNAL, ERROR, f"{what}。输入文件未改动，也没有生成输出；请把这条信息和所用的文件发给维护人员",
                      str(src))


def _worker_init() -> None:
    # (a worker collects garbage: run_jobs turns the collector back on before the pool starts, and a
    # spawned worker is a fresh interpreter)
    # Ctrl-C goes to the whole process group: the parent stops the batch; the workers finish the
    # report in hand (its output is written atomically or not at all) instead of printing tracebacks.
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # stopped by the parent (a second Ctrl-C): unwind, so that a report being written removes its
        # temporary file instead of leaving it next to the outputs
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    except (ValueError, OSError):
        pass


class _Stopped(BaseException):
    """SIGTERM in a worker: unwinds the report in hand (its temporary file is removed on the way)."""


_in_task = False      # in a worker: a report is being made (a SIGTERM then unwinds it first)


def _exit_on_sigterm(signum, frame):
    if _in_task:
        raise _Stopped
    os._exit(128 + signum)          # idle, waiting for a task: nothing to clean up


def _warm(render: bool) -> None:
    """Import (and build the caches of) what every job needs, once, before forking the workers."""
    from . import check  # noqa: F401
    from .rules import load_all

    load_all()
    if render:
        from . import render as _render  # noqa: F401
        from .kinds import get_kind, text_macros
        from .writer import docx_writer

        docx_writer._base_bytes()
        text_macros(str(get_kind().directory), None)


def _pool(jobs: int):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, mp_context=multiprocessing.get_context())


class _ctrl_c_as_flag:
    """While a pool runs, Ctrl-C sets a flag that the parent's loop reads, instead of raising
    KeyboardInterrupt at any point of the pool's own code (there it can leave the pool's queues
    locked, and the batch waiting forever).  The tasks already handed to the workers (a few reports
    each) then finish.  Another Ctrl-C a second or more later stops the workers at once (they remove
    their temporary files and exit); one sooner is the same key press delivered twice (``timeout``
    signals the process and then its group).  Outside the main thread (drafter used as a library) signals cannot be caught:
    the flag is never set."""

    AGAIN_AFTER_S = 1.0

    def __enter__(self):
        import threading

        self.flag = threading.Event()
        self.first = None
        self.old = None
        try:
            self.old = signal.signal(signal.SIGINT, self._on_ctrl_c)
        except ValueError:
            pass
        return self.flag

    def _on_ctrl_c(self, signum, frame):
        now = time.monotonic()
        if self.first is None:
            self.first = now
            self.flag.set()
            return
        if now - self.first < self.AGAIN_AFTER_S:
            return
        import multiprocessing

        for p in multiprocessing.active_children():
            p.terminate()
        raise KeyboardInterrupt

    def __exit__(self, *exc):
        if self.old is not None:
            signal.signal(signal.SIGINT, self.old)
        return False


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch; ``finished`` holds the outcomes of the reports done before it."""

    def __init__(self, finished: list):
        super().__init__()
        self.finished = finished


def run_with_progress(fn: Callable, args: list, jobs: int, label: str, *, ok: Callable[[object], bool],
                      failed: Callable[[object, str], object], warm: Callable[[], None] | None = None,
                      progress: bool | None = None, total: int | None = None, counted: int = 0) -> list:
    """``run_jobs`` with a progress bar on stderr (``progress`` None: only on a terminal) labelled
    ``label``; ``ok(result)``: whether a result counts as done well.  ``total``: inputs the bar counts
    when more than ``args``, of which ``counted`` failed already.  Ctrl-C raises ``Interrupted`` with the
    results finished before it."""
    bar = Progress(len(args) if total is None else total, label, enabled=progress)
    for _ in range(counted):
        bar.advance(False)
    finished: list = []

    def on_result(r) -> None:
        finished.append(r)
        bar.advance(ok(r))

    try:
        return run_jobs(fn, args, jobs, on_result=on_result, failed=failed, warm=warm)
    except KeyboardInterrupt:
        raise Interrupted(finished) from None
    finally:
        bar.close()


def _run_chunk(fn: Callable, chunk: list) -> list:
    global _in_task
    _in_task = True
    try:
        return [fn(a) for a in chunk]
    except _Stopped:
        # the pool's worker loop would catch any exception, send it back as the task's result and take
        # the next task: a stopped worker must leave the process instead
        os._exit(128 + signal.SIGTERM)
    finally:
        _in_task = False


CHUNK_MAX = 8         # reports per pool task, at most


def _chunks(idx: list[int], jobs: int) -> list[list[int]]:
    """The pool's tasks, in order: a few reports per round trip keep the parent's pickling and the
    pool's bookkeeping small next to the work; the tasks shrink toward the end (a quarter of each
    worker's share of what is left, guided self-scheduling) so the last ones are single reports and
    the workers finish together instead of one waiting for the other's last 8 reports."""
    out, k, n = [], 0, len(idx)
    while k < n:
        c = max(1, min(CHUNK_MAX, (n - k) // (jobs * 4)))
        out.append(idx[k:k + c])
        k += c
    return out


def run_jobs(fn: Callable, args: list, jobs: int, *, on_result: Callable | None = None,
             failed: Callable[[object, str], object], warm: Callable[[], None] | None = None) -> list:
    """``[fn(a) for a in args]``, in order, with ``jobs`` worker processes.

    ``on_result(result)`` is called as each finishes; ``failed(arg, why)`` makes the result for an
    argument whose worker died.  Ctrl-C stops submitting; reports already in hand are finished."""
    import gc

    gc.enable()      # off in a drafter command (drafter.cli.main); a batch is long enough to need it
    results: list = [None] * len(args)
    done = [False] * len(args)

    def finish(i, r):
        results[i], done[i] = r, True
        if on_result:
            on_result(r)

    if jobs <= 1 or len(args) < POOL_MIN:
        for i, a in enumerate(args):
            finish(i, fn(a))
        return results

    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    if warm is not None and multiprocessing.get_start_method() == "fork":
        warm()
        gc.freeze()      # the forked workers share these pages instead of copying them on the next GC

    chunks: list[list[int]] = []

    def collect(f, c) -> bool:
        """Take a finished task's results; True when its worker died."""
        try:
            for i, r in zip(c, f.result()):
                finish(i, r)
        except BrokenProcessPool:
            return True
        except Exception as e:  # noqa: BLE001 - a result that failed to come back
            for i in c:
                finish(i, failed(args[i], f"drafter 内部错误（{type(e).__name__}: {e}）"))
        return False

    def run_pool(idx: list[int], n: int) -> bool:
        """Run args[idx] on n workers; True when the pool broke (a worker died)."""
        ex = _pool(n)
        broken = False
        chunks[:] = _chunks(idx, n)
        with _ctrl_c_as_flag() as stop:
            try:
                futs = {}
                for c in chunks:
                    try:
                        futs[ex.submit(_run_chunk, fn, [args[i] for i in c])] = c
                    except BrokenProcessPool:    # a worker died before all tasks were handed out
                        broken = True
                        break
                pending = set(futs)
                while pending and not stop.is_set():
                    # a handful of tasks (chunks of up to CHUNK_MAX reports): waiting on all is cheap
                    finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                    for f in finished:
                        broken |= collect(f, futs[f])
            except BaseException:
                ex.shutdown(wait=True, cancel_futures=True)
                raise
            if stop.is_set():
                # Ctrl-C: no new reports; the ones in hand finish (written whole or not at all) and count
                ex.shutdown(wait=True, cancel_futures=True)
                for f in pending:
                    if f.done() and not f.cancelled():
                        collect(f, futs[f])
                raise KeyboardInterrupt
        ex.shutdown(wait=True)
        return broken

    todo = list(range(len(args)))
    while todo:
        broken = run_pool(todo, jobs)
        todo = [i for i in todo if not done[i]]
        if not broken:
            break
        # The reports in flight when the pool broke are in the first unfinished tasks (the pool feeds
        # its workers in submission order, at most jobs + 1 tasks ahead): run each alone to find the
        # one that kills its process; the rest go back to a pool.
        unfinished = [c for c in chunks if not all(done[i] for i in c)][:jobs + 1]
        flight = {i for c in unfinished for i in c}
        suspects = [i for i in todo if i in flight]
        todo = [i for i in todo if i not in flight]
        for i in suspects:
            if run_pool([i], 1) and not done[i]:
                finish(i, failed(args[i], "处理这个文件时工作进程意外退出（可能是内存不足，或被系统终止）"))
    return results


# ---------------------------------------------------------------------------------------------
# check
def _check_one(a: tuple):
    path, select, ignore, keep_loaded, previous = a
    from .check import CheckResult, check_file
    from .loader import Loaded

    try:
        res = check_file(path, select, ignore, previous=previous)
        if not keep_loaded:         # only the findings travel back (~25 KB instead of ~90 KB a report)
            res = CheckResult(Loaded(None, None, []), res.diagnostics, res.carryover, res.previous)
        return res
    except DrafterError as e:
        return CheckResult(Loaded(None, None, list(e.diagnostics)), list(e.diagnostics))
    except Exception as e:  # noqa: BLE001 - one report never stops the others
        _debug()
        d = _internal(path, e)
        return CheckResult(Loaded(None, None, [d]), [d])


def _check_failed(a: tuple, why: str):
    from .check import CheckResult
    from .loader import Loaded

    d = _internal(a[0], why)
    return CheckResult(Loaded(None, None, [d]), [d])


def check_many(paths: Sequence[str | Path], jobs: int | None = None, select: Sequence[str] = (),
               ignore: Sequence[str] = (), *, progress: bool | None = None, keep_loaded: bool = True,
               previous: str | Path | None = None) -> list:
    """``check_file`` for every path, ``jobs`` at a time; a list of CheckResult in the order of ``paths``.

    ``jobs``: worker processes (None or 0: one per CPU; 1: in this process).  ``progress``: a bar on
    stderr (None: only when stderr is a terminal).  ``keep_loaded=False``: the results carry only
    their diagnostics (``loaded`` is empty), for callers that print findings and nothing else.
    A file that cannot be read or makes drafter fail gives a CheckResult with that error (FZ0xx /
    FZ099); the other files are checked all the same.  ``previous``: last year's report to compare
    each with (check_file; by default each file's own 上一年度)."""
    paths = [str(p) for p in paths]
    args = [(p, tuple(select), tuple(ignore), keep_loaded, None if previous is None else str(previous)) for p in paths]
    return run_with_progress(_check_one, args, effective_jobs(jobs, len(args)), "检查", ok=lambda r: not r.errors,
                             failed=_check_failed, warm=lambda: _warm(False), progress=progress)


# ---------------------------------------------------------------------------------------------
# render
@dataclass
class Outcome:
    """One input of a batch render."""

    src: str
    docx: str | None = None                       # written (None: failed, nothing written)
    diagnostics: list[Diagnostic] = field(default_factory=list)   # a success's only with keep_warnings
    fonts: dict | None = None                     # the report's fonts, for --pdf notes
    pdf: str | None = None
    n_warnings: int = 0                           # warnings, kept or not
    n_notes: int = 0                              # notices (file encoding …), kept or not
    stale: str | None = None                      # failed, and its output is an earlier run's file

    @property
    def ok(self) -> bool:
        return self.docx is not None and not any(d.severity == ERROR for d in self.diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity in (WARNING, INFO)]  # INFO: encoding notices


@dataclass
class BatchResult:
    outcomes: list[Outcome]
    notices: list[str] = field(default_factory=list)
    jobs: int = 1
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)   # font notes for --pdf

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def ok(self) -> bool:
        return not self.failed


def _debug() -> None:
    if os.environ.get("DRAFTER_DEBUG"):
        import traceback

        traceback.print_exc()


def _render_one(a: tuple) -> Outcome:
    src, out, force, pdf, templates, select, ignore, keep_warnings, fresh = a
    o = _render(src, out, force, pdf, templates, select, ignore, fresh)
    o.n_warnings = sum(d.severity == WARNING for d in o.diagnostics)
    o.n_notes = sum(d.severity == INFO for d in o.diagnostics)
    if o.ok and not keep_warnings:      # what a success sends back is tiny: the parent stays idle
        few = [d for d in o.diagnostics if d.severity == WARNING]
        o.diagnostics = few if len(few) <= WARNINGS_SHOWN else []      # the summary shows a few, else the command
        for d in o.diagnostics:
            d.fix = None
    return o


def _render(src, out, force, pdf, templates, select, ignore, fresh=False) -> Outcome:
    """One report through the Python API (``drafter.load``, ``drafter.render``)."""
    o = Outcome(src)
    try:
        from .api import ReportError, load, render
        from .atomic import check_target

        try:
            report = load(src)
        except ReportError as e:
            o.diagnostics = list(e.diagnostics)
            return o
        if pdf:
            check_target(Path(out).with_suffix(".pdf"), [Path(src)], force, "PDF 文件")
        try:
            done = render(report, Path(out), force=force or fresh, templates=templates, select=select,
                          ignore=ignore)
        except ReportError as e:
            o.diagnostics = list(e.diagnostics)
            return o
        o.diagnostics = list(done.diagnostics)
        o.docx = str(done.docx)
        if pdf:
            o.fonts = report.layout.fonts.model_dump()
    except DrafterError as e:
        o.diagnostics = [d for d in o.diagnostics if d.severity != ERROR] + list(e.diagnostics)
    except Exception as e:  # noqa: BLE001 - one report never stops the others
        _debug()
        o.docx = None
        o.diagnostics.append(_internal(src, e))
    return o


def _render_failed(a: tuple, why: str) -> Outcome:
    return Outcome(a[0], None, [_internal(a[0], why)])


def render_many(inputs: Sequence[str | Path], outdir: str | Path | None = None, *, jobs: int | None = None,
                force: bool = False, pdf: bool = False, templates: str | None = None, select: Sequence[str] = (),
                ignore: Sequence[str] = (), progress: bool | None = None,
                keep_warnings: bool = False) -> BatchResult:
    """Check and render every input to .docx, ``jobs`` at a time (see the module doc).

    A failed input's Outcome has all its diagnostics; a rendered one only counts its warnings
    (``n_warnings``) unless ``keep_warnings``: hundreds of reports' warnings are megabytes to pickle."""
    t0 = time.monotonic()
    planned, notices = plan_outputs(inputs, outdir)
    n = effective_jobs(jobs, len(planned))
    todo = [i for i, p in enumerate(planned) if p.error is None]
    # an output that did not exist before the batch is this batch's own: a report retried after a
    # worker died (its task's results lost) may replace what it wrote before, even without --force
    args = [(str(planned[i].src), str(planned[i].out), force, pdf, templates, tuple(select), tuple(ignore),
             keep_warnings, not planned[i].out.exists()) for i in todo]
    outcomes = [Outcome(str(p.src), None, [p.error]) if p.error else None for p in planned]
    done = run_with_progress(_render_one, args, n, "生成", ok=lambda o: o.ok, failed=_render_failed,
                             warm=lambda: _warm(True), progress=progress, total=len(planned),
                             counted=len(planned) - len(todo))
    for i, o in zip(todo, done):
        outcomes[i] = o
        if not o.ok:
            o.stale = stale_output(planned[i].src, planned[i].out, o.errors)
    result = BatchResult(outcomes, notices, n if len(args) >= POOL_MIN else 1)
    if pdf:
        _pdfs(result, force)
    result.seconds = time.monotonic() - t0
    return result


def _pdfs(result: BatchResult, force: bool) -> None:
    """PDF for every rendered .docx: one LibreOffice run per output folder, each PDF written atomically."""
    import shutil
    import tempfile

    from .atomic import write_atomic
    from .pdf import convert

    ok = [o for o in result.outcomes if o.ok]
    folders: dict[Path, list[Outcome]] = {}
    for o in ok:
        folders.setdefault(Path(o.docx).parent, []).append(o)
    for folder, items in folders.items():
        with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as td:
            srcs = []
            for k, o in enumerate(items):
                # numbered copies: two outputs of one folder never share a stem, but be safe anyway
                s = Path(td) / f"{k}.docx"
                shutil.copyfile(o.docx, s)
                srcs.append(s)
            try:
                produced = convert(srcs, Path(td) / "out")
            except DrafterError as e:
                for o in items:
                    o.diagnostics += e.diagnostics
                continue
            for o, p in zip(items, produced):
                target = Path(o.docx).with_suffix(".pdf")
                try:
                    write_atomic(target, lambda f, p=p: f.write(p.read_bytes()))
                    o.pdf = str(target)
                except DrafterError as e:
                    o.diagnostics += e.diagnostics
    fonts = {tuple(sorted(o.fonts.items())) for o in ok if o.fonts}
    if fonts:
        from .fonts import report_lines
        from .model import Fonts

        seen = set()
        for f in sorted(fonts):
            for ln in report_lines(Fonts.model_validate(dict(f))):
                if ("未安装" in ln or "无法检查" in ln) and ln not in seen:
                    seen.add(ln)
                    result.notes.append(ln)


OUTPUT_EXISTS = {"FZ051"}        # a failure the input is not to blame for: its output already exists


def stale_output(src, out, diagnostics) -> str | None:
    """The output of a report that failed, when an earlier run left it there (a clerk collecting the
    folder would send the old one): not the input itself, not a file some other program wrote for a
    .txt/.docx given by mistake, not one the failure is about (FZ051)."""
    src, out = Path(src), Path(out)
    try:
        if src.suffix.lower() not in (".yaml", ".yml") or not out.is_file() or out.resolve() == src.resolve():
            return None
    except (OSError, RuntimeError):     # a symlink loop (RuntimeError before Python 3.13), no permission …
        return None
    codes = {d.code for d in diagnostics if d.severity == ERROR}
    return None if codes and codes <= OUTPUT_EXISTS else str(out)


def summary_lines(result: BatchResult) -> list[str]:
    """The closing lines of a batch render, in Chinese."""
    total = len(result.outcomes)
    bad = result.failed
    good = total - len(bad)
    procs = f"，{result.jobs} 个进程" if result.jobs > 1 else ""
    lines = [f"共 {total} 个文件：已生成 {good} 个" + (f"，失败 {len(bad)} 个" if bad else "") +
             f"（用时 {result.seconds:.1f} 秒{procs}）。"]
    if bad:
        lines.append("失败的文件：")
        for o in bad:
            errs = o.errors
            first = errs[0] if errs else None
            more = f"（共 {len(errs)} 个错误）" if len(errs) > 1 else ""
            at = o.src                           # the input; its line when the error is in it
            if first is not None and first.file in (None, o.src):
                at += "".join(f":{x}" for x in (first.line, first.col) if x is not None)
            lines.append(f"  {at}：{first.code + ' ' + first.message if first else '未生成'}{more}")
            if o.stale:
                lines.append(f"    （“{o.stale}”仍是以前生成的文件，这次没有更新）")
        codes = {e.code for o in bad for e in o.errors}
        if codes and codes <= OUTPUT_EXISTS:
            lines.append("这些文件的输出已存在；要重新生成，请加 --force。")
        else:
            lines.append("请按上面的提示修改这些文件后重新生成（drafter check 可单独检查）。")
    warned = [o for o in result.outcomes if o.ok and o.n_warnings]
    notes = [o for o in result.outcomes if o.ok and o.n_notes]
    n_notes = sum(o.n_notes for o in notes)
    if warned:
        from .textutil import quote_arg

        n = sum(o.n_warnings for o in warned)
        lines.append(f"已生成的文件中有 {len(warned)} 个有警告（共 {n} 条）" +
                     (f"，另有 {n_notes} 条提示" if n_notes else "") + "：")
        for o in warned[:NAMED_AT_MOST]:
            shown = [d for d in o.diagnostics if d.severity == WARNING]
            if shown and len(shown) == o.n_warnings:
                lines.append(f"  {o.src}：{o.n_warnings} 条警告")
                lines += [f"    {d.format()}" for d in shown]
            else:
                lines.append(f"  {o.src}：{o.n_warnings} 条警告，查看：drafter check {quote_arg(o.src)}")
        if len(warned) > NAMED_AT_MOST:
            lines.append(f"  另有 {len(warned) - NAMED_AT_MOST} 个文件有警告，用 drafter check 加文件名查看。")
    elif n_notes:
        from .textutil import quote_arg

        which = " ".join(quote_arg(o.src) for o in notes[:NAMED_AT_MOST])
        lines.append(f"已生成的文件有 {n_notes} 条提示（如文件编码），查看：drafter check {which}" +
                     (" 等" if len(notes) > NAMED_AT_MOST else ""))
    return lines
