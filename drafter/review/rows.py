"""One file -> one :class:`~drafter.review.model.Row` (runs in a worker process of drafter.review.collect).

- report YAML (.yaml/.yml): ``drafter check`` itself (drafter.check.check_file): the same diagnostics,
  the same settings (检查 block, drafter.toml); the parts come from the Report and its 省略部分.
- Word (.docx; .doc/.wps/.rtf/.odt converted by LibreOffice first): ``drafter inspect`` for the
  format and content findings; the importer's reading of the text for 发文机关, 年度, 成文日期 and the
  parts (:func:`word_parts`; a Word file's are inspect's own five-part check).
- plain text (.txt/.md, e.g. a report copied from the government website), a saved web page
  (.html/.mht) or a PDF: the importer's reading (the same readers as ``drafter import``), and the
  content rules of ``drafter check`` (FZ3xx–FZ8xx, as inspect runs them on a .docx); their format is
  not reviewed (a page has none of its own; a PDF's is the printer's, not the file the township edits).

Nothing here raises for a bad file: every failure becomes the row's ``unreadable`` reason.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from ..diagnostics import ERROR, WARNING, Diagnostic, DrafterError
from ..inputs import LEGACY_SUFFIXES, MD_SUFFIXES, PAGE_SUFFIXES, PDF_SUFFIXES, WORD_SUFFIXES
from ..inputs import TEXT_SUFFIXES as PLAIN_SUFFIXES
from .model import MISSING, OMITTED, PRESENT, Part, Problem, Row

YAML_SUFFIXES = (".yaml", ".yml")
TEXT_SUFFIXES = PLAIN_SUFFIXES + MD_SUFFIXES
READ_SUFFIXES = TEXT_SUFFIXES + PAGE_SUFFIXES + PDF_SUFFIXES     # the importer's reading, content only
REVIEWED_SUFFIXES = YAML_SUFFIXES + WORD_SUFFIXES + LEGACY_SUFFIXES + READ_SUFFIXES
# what a township may send instead of its report, which drafter cannot review: a row saying so, not
# silence (other files in a folder — pictures, spreadsheets — are only named in a notice)
REFUSED_SUFFIXES = {".ofd": "OFD 版式文件", ".zip": "压缩包", ".rar": "压缩包", ".7z": "压缩包"}
# the same report in print beside its Word file or YAML (青石镇.docx and 青石镇.pdf): named, not a row
COMPANION_SUFFIXES = PDF_SUFFIXES + tuple(REFUSED_SUFFIXES)
# the content rules run on plain text (FZ1xx/FZ2xx judge a YAML's structure; FZ5xx is the 发文字号,
# which a web page does not show reliably): as inspect runs them on a .docx
TEXT_RULES = ("FZ3", "FZ4", "FZ6", "FZ7", "FZ8")


def review_file(path: str, display: str):
    """(the row for one file, the Report read from it or None); never raises for a bad file."""
    suffix = Path(path).suffix.lower()
    row = Row(display, source=suffix.lstrip(".") or "?")
    report = None
    try:
        if suffix in YAML_SUFFIXES:
            report = _yaml(row, path)
        elif suffix in WORD_SUFFIXES:
            report = _word(row, path, display)
        elif suffix in LEGACY_SUFFIXES:
            report = _legacy(row, path, display)
        elif suffix in READ_SUFFIXES:
            report = _text(row, path, display)
        else:
            what = REFUSED_SUFFIXES.get(suffix, f"“{suffix or '无扩展名'}”文件")
            row.unreadable = (f"{what}，drafter 不能审查；请要求报送 Word 文件（.docx），"
                              "或网上公开的文字（.txt）、网页或 PDF")
    except DrafterError as e:
        row.unreadable = _reason(e.diagnostic)
        report = None
    return row, report


def _reason(d: Diagnostic) -> str:
    return f"{d.code} {d.message}"


# ---------------------------------------------------------------------------------------------
# report YAML: drafter check
def _yaml(row: Row, path: str):
    from ..check import check_file

    res = check_file(path, display=row.file)
    if res.report is None:
        errors = res.errors or res.diagnostics
        row.unreadable = _reason(errors[0]) if errors else "读不出报告内容"
        row.findings = [_problem(d) for d in res.diagnostics]
        return None
    r = res.report
    row.organ, row.year, row.date = r.org, r.year, r.date
    row.parts = report_parts(r)
    row.deadline, _ = _deadline(r, Path(path))
    row.findings = [_problem(d) for d in res.diagnostics]
    row.notes.append("报告 YAML：按 drafter check 检查；版式由 drafter render 按 GB/T 9704 生成，不另审查")
    return r


# ---------------------------------------------------------------------------------------------
# Word: drafter inspect + the importer's reading
def _word(row: Row, path: str, display: str, converted_from: str | None = None):
    from ..inspect import inspect_file

    try:
        found = inspect_file(path, display=display)
    except DrafterError as e:
        if e.diagnostic.code == "FZ080" and converted_from is None and _is_ole(path):
            return _legacy(row, path, display)   # a .doc saved under a .docx name: converted, as import does
        raise
    mapped, what = _reading(found.anatomy.source, found.anatomy, found.document)
    report = mapped.report
    row.organ = report.org if mapped.org_from else None
    row.year = report.year if mapped.year_from else None
    row.date = report.date
    row.deadline, config = _deadline(report, Path(converted_from or path))
    row.not_report = what
    # the parts as the file has them, judged by inspect's own five-part check (FZ101, FZ103 …: its findings)
    row.parts = report_parts(found.report) if what is None and found.report is not None else []
    part_findings: list[Problem] = []
    # inspect judges the date against the default deadline: when the county's drafter.toml sets another,
    # its FZ305 is replaced by one against that
    own_deadline = bool(config.get("deadline"))
    row.findings = part_findings + [Problem(f.code, f.severity, f.format(), _summary(f.code, f.message))
                                    for f in found.findings if not (own_deadline and f.code == "FZ305")]
    if own_deadline:
        row.findings += _late(row, display, config)
    row.notes += [f"{display}: {n}" for n in found.notes]
    return report


def _legacy(row: Row, path: str, display: str):
    """.doc/.wps/.rtf/.odt (or a .doc named .docx): LibreOffice makes a .docx, which is reviewed."""
    from ..pdf import convert, soffice_path

    kind = "旧版 Word（.doc）等格式"
    if soffice_path() is None:
        raise DrafterError("FZ080", f"“{display}”是{kind}，本机没有安装 LibreOffice，无法转换审查；请要求报送 .docx，"
                                    "或安装 LibreOffice 后重新审查")
    from ..inputs import input_file
    from ..safezip import MAX_FILE_BYTES

    with input_file(path, display, "Word 文件") as (st, f):     # a regular file only (a device never ends)
        if st.st_size > MAX_FILE_BYTES:
            raise DrafterError("FZ086", f"“{display}”过大（{st.st_size // 1024 // 1024} MB），超过 "
                                        f"{MAX_FILE_BYTES // 1024 // 1024} MB 的上限，不像是一份报告")
        data = f.read(MAX_FILE_BYTES + 1)
    with tempfile.TemporaryDirectory(prefix="drafter-review-") as td:
        suffix = Path(path).suffix.lower()
        src = Path(td) / ("input" + (suffix if suffix in LEGACY_SUFFIXES else ".doc"))
        src.write_bytes(data)
        try:
            (docx,) = convert([src], Path(td) / "out", "docx")
        except DrafterError as e:
            raise DrafterError("FZ080", f"“{display}”无法用 LibreOffice 转换为 .docx（{e.diagnostic.message}）；"
                                        "请要求报送 .docx")
        row.notes.append(f"“{display}”是{kind}：由 LibreOffice 转换为 .docx 后审查，格式以转换结果为准；"
                         "正式报送请用 .docx")
        return _word(row, str(docx), display, converted_from=path)


def _is_ole(path: str) -> bool:
    from ..inputs import OLE_MAGIC

    try:
        with open(path, "rb") as f:
            head = f.read(len(OLE_MAGIC))
            if head != OLE_MAGIC:
                return False
            return "EncryptedPackage".encode("utf-16-le") not in f.read()   # encrypted: FZ085 stands
    except OSError:
        return False


def _reading(src, a=None, doc=None):
    """(the importer's mapping of a source, what kind of 公文 it is): ``drafter import`` without writing
    YAML, on what was already read (a Word file: the document and anatomy inspect has read, as its
    content step maps them; the file is read once).  The kind is the anatomy pass's: None for a report
    of this kind, else words such as "一份通知（标题以“通知”结尾）"."""
    from .. import anatomy
    from ..importer import map_source

    if a is None:
        a = anatomy.read(src, doc=doc)
    what = None
    if not a.report:
        kind = a.kind if a.kind != anatomy.OTHER else "不是公文的文字"
        what = (f"一份{kind}" if a.kind != anatomy.OTHER else kind) + (f"（{'；'.join(a.evidence)}）" if a.evidence else "")
    return map_source(src, doc=doc, anatomy=a), what


def word_parts(src, a, display: str) -> tuple[list[Part], list[Problem]]:
    """Which required parts a report read from a text file has, and what is missing or out of order:
    the parts as the file has them (the importer's mapping, nothing moved — as ``drafter inspect`` reads
    a Word file), judged by check's FZ101 and FZ103 in the document's terms."""
    from ..importer import MISSING_REASON, map_source
    from ..kinds import get_kind
    from ..rules import Context, load_all

    report = map_source(src, anatomy=a, as_written=True).report
    report = report.model_copy(update={"omitted_parts": {k: v for k, v in report.omitted_parts.items()
                                                         if v != MISSING_REASON}})
    ctx = Context(report, None, get_kind(report.kind), medium="docx")
    problems = []
    for code in ("FZ101", "FZ103"):
        r = load_all()[code]
        for f in r.func(ctx) or ():
            d = ctx.diagnostic(r, f)
            d.file = display
            problems.append(_problem(d))
    return report_parts(report), problems


# ---------------------------------------------------------------------------------------------
# plain text, a saved web page, a PDF: the importer's reading and the content rules
def _text(row: Row, path: str, display: str):
    from ..kinds import get_kind
    from ..rules import Context, active_rules, settings_for

    from ..importer import read

    from .. import anatomy

    src = read(Path(path), display)
    a = anatomy.read(src)
    mapped, what = _reading(src, a)
    report = mapped.report
    row.organ = report.org if mapped.org_from else None
    row.year = report.year if mapped.year_from else None
    row.date = report.date
    row.deadline, config = _deadline(report, Path(path))
    row.not_report = what
    row.parts, problems = word_parts(src, a, display) if what is None else ([], [])
    kind = get_kind(report.kind)
    settings = settings_for(report, list(TEXT_RULES), (), config)
    ctx = Context(report, None, kind, settings)
    for r in active_rules(settings, kind):
        if not r.code.startswith(TEXT_RULES):
            continue
        for f in r.func(ctx) or ():
            d = ctx.diagnostic(r, f)
            d.file = display
            problems.append(_problem(d))
    row.findings = problems
    suffix = Path(path).suffix.lower()
    what_file = "PDF 文件" if suffix in PDF_SUFFIXES else "网页" if suffix in PAGE_SUFFIXES else "纯文字"
    no_format = ("版式以报送的 Word 文件为准，PDF 不审查版式" if suffix in PDF_SUFFIXES
                 else "没有版式可审查")
    row.notes.append(f"“{display}”是{what_file}：只审查必备部分和文字内容（年份、标点、序号、数字、错别字），"
                     f"{no_format}")
    return report


# ---------------------------------------------------------------------------------------------
def report_parts(report) -> list[Part]:
    """Each required part of the report's kind: present (a section serves it and has text), declared
    omitted (省略部分 with a reason) or missing — as FZ101, FZ102 and FZ104 judge them."""
    from ..kinds import get_kind
    from ..rules import Context
    from ..rules.structure import is_reason

    kind = get_kind(report.kind)
    ctx = Context(report, None, kind)
    omitted = {}
    for k, v in report.omitted_parts.items():
        key = kind.resolve_part(k)
        if key:
            omitted[key] = str(v)
    out = []
    for part in kind.parts:
        secs = ctx.sections_of(part.key)
        filled = [i for i in secs
                  if any(t.strip() for t in ctx.section_texts(i) if t is not report.sections[i].heading)]
        if filled:
            out.append(Part(part.key, part.name, PRESENT))
        elif secs:
            out.append(Part(part.key, part.name, MISSING, "只有标题，没有内容"))
        elif part.key in omitted and is_reason(omitted[part.key]):
            out.append(Part(part.key, part.name, OMITTED, omitted[part.key].strip()))
        elif part.key in omitted:
            out.append(Part(part.key, part.name, MISSING, "“省略部分”中写的是待办提示，不是理由"))
        else:
            out.append(Part(part.key, part.name, MISSING, "没有这一部分"))
    return out


def _late(row: Row, display: str, config: dict) -> list[Problem]:
    """FZ305 for a Word file, against the deadline that applies (drafter.toml's or the default)."""
    if not row.overdue:
        return []
    d, lim = row.date, row.deadline
    source = f"{config.get('file')} 中的 deadline = \"{config.get('deadline')}\""
    text = (f"{display}: 警告 FZ305 成文日期{d.year}年{d.month}月{d.day}日晚于报送期限{lim.year}年{lim.month}月"
            f"{lim.day}日（{source}）；请核对成文日期，逾期报送的请说明原因")
    return [Problem("FZ305", WARNING, text, _summary("FZ305", ""))]


def _deadline(report, path: Path):
    """(the 报送期限 for this report, the drafter.toml settings), as FZ305 applies it: 检查.报送期限 in the
    YAML, else ``deadline`` in the nearest drafter.toml, else the kind's default (03-01 of 年度+1)."""
    from ..check import find_config
    from ..kinds import get_kind
    from ..rules import settings_for
    from ..rules.years import deadline_date

    try:
        _, config = find_config(path)
    except DrafterError:
        config = {}                 # (a broken drafter.toml: the YAML's check reports it)
    settings = settings_for(report, (), (), config)
    return deadline_date(report.year, settings.deadline, get_kind(report.kind).deadline), config


def _problem(d: Diagnostic) -> Problem:
    return Problem(d.code, d.severity, d.format(), _summary(d.code, d.message))


def _summary(code: str, message: str) -> str:
    """The one-line Chinese summary of a code (the rule registry, inspect's codes); for the loader's
    own codes, the message up to its advice."""
    from ..rules import load_all

    r = load_all().get(code)
    if r is not None:
        return r.summary
    try:
        from ..inspect.findings import CODES
    except ImportError:
        CODES = {}
    if code in CODES:
        return CODES[code][1]
    return re.split(r"[；;]", message, maxsplit=1)[0]


def internal_failure(path: str, display: str, why: str) -> Row:
    """The row of a file whose worker died or made drafter fail."""
    return Row(display, source=Path(path).suffix.lower().lstrip("."),
               unreadable=f"FZ099 {why}；请把这个文件发给维护人员")


__all__ = ["review_file", "report_parts", "word_parts", "REVIEWED_SUFFIXES", "REFUSED_SUFFIXES"]
