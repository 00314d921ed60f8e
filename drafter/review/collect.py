"""Files and folders -> the county's rows, reviewed in parallel with drafter.batch's pool and progress bar.

Inputs: files and folders, mixed.  A folder is searched with its subfolders (a county's 各镇街/ often
has one folder per township); in it, every report file (.docx, .yaml, .txt, .md, a saved web page, a PDF; .doc/.wps through
LibreOffice) gets a row, and so do files a township may have sent instead that drafter cannot review
(OFD, archives: the row says so).  Hidden files, Word's lock files (~$….docx), drafter.toml and a
summary an earlier drafter review left there are passed over; a PDF beside the Word file of the same
name (the same report as printed) and any other file are named in a notice.  A file named on the command line always gets a row.

Duplicates (see the module doc of drafter.review.model):
- the same file reached twice (named twice, or through a folder and by name): reviewed once, noticed;
- two files with the same bytes: the first (in the order of the inputs) is reviewed, the other gets a
  row 核实 "与“…”内容完全相同" — one township sent another's file, or one file was sent twice;
- two files that name the same 发文机关 and 年度 (a YAML and the .docx rendered from it, a revised
  version, or a copy whose organ was not changed): both are reviewed, and both rows say 核实 with the
  other's name, unless they go back anyway.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import time
from pathlib import Path
from typing import Sequence

from ..batch import effective_jobs, run_with_progress
from ..diagnostics import DrafterError
from .model import Review, Row
from .rows import COMPANION_SUFFIXES, REFUSED_SUFFIXES, REVIEWED_SUFFIXES, internal_failure, review_file

PASSED_OVER = ("drafter.toml", ".drafter.toml", "thumbs.db", "desktop.ini")


def _summary_page(path: str) -> bool:
    """Whether a web page in a folder under review is a summary drafter review wrote there earlier."""
    from .html import SUMMARY_TITLE

    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return False
    return f"<title>{SUMMARY_TITLE}</title>".encode() in head


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$", "__MACOSX"))


def discover(inputs: Sequence[str | os.PathLike], exclude: Sequence[str | os.PathLike] = ()
             ) -> tuple[list[tuple[str, str]], list[str]]:
    """[(path, display)] of the files to review, in input order (a folder's files sorted by name),
    and notices for the reviewer.  Raises DrafterError (FZ001) for an input that does not exist."""
    files: list[tuple[str, str]] = []
    notices: list[str] = []
    seen: dict[str, str] = {}
    skipped: list[str] = []
    summaries: list[str] = []
    excluded = {os.path.normcase(os.path.realpath(x)) for x in exclude}

    def add(path: str, display: str) -> None:
        key = os.path.normcase(os.path.realpath(path))
        if key in excluded:
            return
        if key in seen:
            notices.append(f"注意：“{display}”与“{seen[key]}”是同一个文件，只审查一次" if display != seen[key]
                           else f"注意：“{display}”写了不止一次，只审查一次")
            return
        seen[key] = display
        files.append((path, display))

    for raw in inputs:
        raw = str(raw)
        if os.path.isdir(raw):
            found = 0
            for folder, dirs, names in os.walk(raw, onerror=lambda e: notices.append(
                    f"注意：文件夹“{e.filename}”无法打开，其中的文件未审查")):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                for name in sorted(names):
                    if _hidden(name) or name.lower() in PASSED_OVER:
                        continue
                    path = os.path.join(folder, name)
                    display = path
                    suffix = os.path.splitext(name)[1].lower()
                    if os.path.normcase(os.path.realpath(path)) in excluded:
                        continue                        # the summary being written now
                    if suffix in (".html", ".htm") and _summary_page(path):
                        summaries.append(display)       # an earlier run's 汇总.html: no township's report
                    elif suffix in REVIEWED_SUFFIXES or suffix in REFUSED_SUFFIXES:
                        add(path, display)
                        found += 1
                    else:
                        skipped.append(display)
            if not found:
                notices.append(f"注意：文件夹“{raw}”中没有报告文件（.docx、.yaml、.txt、.md、网页、PDF）")
        elif os.path.lexists(raw):
            add(raw, raw)
        else:
            raise DrafterError("FZ001", f"找不到“{raw}”，请检查文件名或文件夹名", file=raw)
    from ..diagnostics import name_some

    # a PDF (or OFD) sent beside the Word file of the same name is the same report as printed: it is
    # named, not given a row of its own (a PDF alone is reviewed for its content)
    stems = {_stem_key(p) for p, _ in files
             if os.path.splitext(p)[1].lower() in REVIEWED_SUFFIXES and os.path.splitext(p)[1].lower() not in COMPANION_SUFFIXES}
    companions = [d for p, d in files if os.path.splitext(p)[1].lower() in COMPANION_SUFFIXES and _stem_key(p) in stems]
    if companions:
        files = [(p, d) for p, d in files if d not in companions]
        notices.append(f"另有 {len(companions)} 个文件与同名的报告一起报送，已审查同名的报告，它们未另审查："
                       f"{name_some(companions)}")
    if summaries:
        notices.append(f"另有 {len(summaries)} 个 drafter review 生成的审查汇总，未审查：{name_some(summaries)}")
    if skipped:
        notices.append(f"另有 {len(skipped)} 个文件不是报告文件，未审查：{name_some(skipped)}")
    return files, notices


def _stem_key(path: str) -> tuple[str, str]:
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.normcase(folder), os.path.splitext(name)[0].casefold()


MAX_HASHED = 64 * 1024 * 1024      # larger than any report (the readers refuse it): not compared


def _digest(path: str) -> str | None:
    """The file's SHA-256, to find copies; None for what is no regular file (a pipe would block, a
    device never end), an empty file, or one that cannot be read (its worker says why)."""
    import stat

    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or not 0 < st.st_size <= MAX_HASHED:
            return None
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    except OSError:
        return None


# ---------------------------------------------------------------------------------------------
# The worker
def _review_one(a: tuple):
    path, display, keep_report = a
    try:
        row, report = review_file(path, display)
    except Exception as e:  # noqa: BLE001 - one file never stops the others
        from ..batch import _debug

        _debug()
        return internal_failure(path, display, f"drafter 内部错误（{type(e).__name__}: {e}）"), None
    return row, (report if keep_report else None)


def _failed(a: tuple, why: str):
    return internal_failure(a[0], a[1], why), None


def _warm() -> None:
    """Import what every file needs once, before the workers are forked."""
    from .. import anatomy, check  # noqa: F401
    from ..importer import map_source  # noqa: F401
    from ..inspect import (check_file, check_head, check_page, check_pagenum, check_tail,  # noqa: F401
                           check_text, content, structure)
    from ..reader import document  # noqa: F401
    from ..kinds import get_kind
    from ..rules import load_all

    load_all()
    get_kind()


def _run(files: list[tuple[str, str]], jobs: int | None, label: str, progress: bool | None,
         keep_report: bool) -> list[tuple[Row, object]]:
    args = [(p, d, keep_report) for p, d in files]
    return run_with_progress(_review_one, args, effective_jobs(jobs, len(args)), label,
                             ok=lambda res: res[0].unreadable is None, failed=_failed, warm=_warm, progress=progress)


# ---------------------------------------------------------------------------------------------
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]+")


def organ_key(name: str | None) -> str | None:
    """An organ's name as compared across files: without spaces or invisible characters."""
    from ..conventions import squeeze

    if not name:
        return None
    return _INVISIBLE.sub("", squeeze(name)) or None


def review(inputs: Sequence[str | os.PathLike], *, previous: Sequence[str | os.PathLike] = (),
           jobs: int | None = None, progress: bool | None = None, exclude: Sequence[str | os.PathLike] = ()
           ) -> Review:
    """Review every report in ``inputs`` (files and folders); with ``previous``, count what each
    report carried over unchanged from the same organ's report of last year.  ``exclude``: paths never
    reviewed (the output file).  Raises DrafterError when an input does not exist."""
    t0 = time.monotonic()
    files, notices = discover(inputs, exclude)
    last_files, last_notices = discover(previous, exclude) if previous else ([], [])
    notices += [f"上一年度：{n}" for n in last_notices]

    # byte-for-byte copies: the first is reviewed, the others point at it
    first_of: dict[str, str] = {}
    copy_of: dict[int, str] = {}
    for i, (path, display) in enumerate(files):
        h = _digest(path)
        if h is None:
            continue
        if h in first_of:
            copy_of[i] = first_of[h]
        else:
            first_of[h] = display
    todo = [f for i, f in enumerate(files) if i not in copy_of]
    n_jobs = effective_jobs(jobs, len(todo) + len(last_files))
    done = iter(_run(todo, n_jobs, "审查", progress, bool(previous)))
    results: list[tuple[Row, object]] = []
    for i, (path, display) in enumerate(files):
        if i in copy_of:
            row = Row(display, source=Path(path).suffix.lower().lstrip("."), duplicate_of=copy_of[i])
            results.append((row, None))
        else:
            results.append(next(done))
    rows = [r for r, _ in results]
    by_file = {r.file: r for r in rows}
    for i, r in enumerate(rows):
        r.index = i
        if r.duplicate_of is not None:          # shown as the file it copies (not reviewed again)
            orig = by_file[r.duplicate_of]
            r.organ, r.year, r.date, r.deadline = orig.organ, orig.year, orig.date, orig.deadline

    # the same organ and year named by more than one file
    groups: dict[tuple, list[Row]] = {}
    for r in rows:
        k = organ_key(r.organ)
        if r.reviewed and k and r.year:
            groups.setdefault((k, r.year), []).append(r)
    for same in groups.values():
        if len(same) > 1:
            for r in same:
                r.same_organ = [o.file for o in same if o is not r]

    if previous:
        last = _run(last_files, n_jobs, "上一年度", progress, True)
        _carry_over(results, last)

    rows.sort(key=Row.sort_key)
    return Review(rows, notices, [str(x) for x in inputs], [str(x) for x in previous],
                  time.monotonic() - t0, n_jobs, _dt.datetime.now())


def _carry_over(results: list[tuple[Row, object]], last: list[tuple[Row, object]]) -> None:
    """Each row's paragraphs carried over unchanged from the same organ's report of an earlier year
    (the latest before this one; matched by organ name)."""
    from .carry import CarryOverUnavailable, carried

    from ..conventions import short_name

    by_organ: dict[str, list[tuple[Row, object]]] = {}
    by_place: dict[str, list[tuple[Row, object]]] = {}
    for row, report in last:
        k = organ_key(row.organ)
        if k and report is not None and row.year:
            by_organ.setdefault(k, []).append((row, report))
            if short_name(k):
                by_place.setdefault(short_name(k), []).append((row, report))
    for row, report in results:
        if not row.reviewed or report is None:
            continue
        k = organ_key(row.organ)
        found = by_organ.get(k or "")
        if not found and k and short_name(k):
            # 北京市大兴区榆垡镇人民政府 this year, 榆垡镇人民政府 last year: the same place, if only one is
            found = by_place.get(short_name(k), [])
            if len({organ_key(r.organ) for r, _ in found}) != 1:
                found = []
        candidates = [(r, rep) for r, rep in found or [] if row.year is None or r.year < row.year]
        if not candidates:
            row.carried_note = "上一年度文件夹中没有这个机关的报告" if k else "未识别发文机关，无法对照上一年度"
            continue
        prev_row, prev_report = max(candidates, key=lambda c: c[0].year)
        row.carried_from = prev_row.file
        try:
            row.carried, row.carried_total, row.carried_similar = carried(report, prev_report)
        except CarryOverUnavailable as e:
            row.carried_note = str(e)
