"""drafter's Python API: ``load``, ``check``, ``to_document``, ``render`` (also as ``drafter.load`` …).

    import drafter
    report = drafter.load("新乐市2024.yaml")          # ReportError (Chinese diagnostics) if it cannot be read
    for d in drafter.check(report):                     # the same diagnostics as `drafter check`
        print(d.format())
    drafter.render(report, "新乐市2024.docx")           # checked, laid out and written atomically
    doc = drafter.to_document(report)                   # or: a python-docx Document to add to, then save
    part2 = next(p for p in doc.paragraphs if p.text.startswith("二、"))
    part2.insert_paragraph_before("……")                 # in the body, in the body's style
    doc.save("新乐市2024-补充.docx")

(README.md has the whole example, tested as written.)  The ``drafter`` command uses these and nothing
else of the internals to check and render.  Importing this module costs nothing: python-docx is
imported by ``to_document``/``render`` only.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .diagnostics import ERROR, Diagnostic, DrafterError

if TYPE_CHECKING:                     # pragma: no cover
    from .model import Report


def callable_module(module_name: str, func_name: str) -> None:
    """Make the module ``drafter.<func_name>`` callable as the API function of that name.

    ``drafter.check`` and ``drafter.render`` are API functions and also modules of the package (the
    checks and the render helpers); importing a submodule makes its name an attribute of the package,
    so ``drafter.check`` would be the module once anything had imported it.  The module, called, is
    the function: ``drafter.check(report)`` means one thing whatever was imported before."""
    import sys
    import types

    class _CallableModule(types.ModuleType):
        def __call__(self, *args, **kwargs):
            return globals()[func_name](*args, **kwargs)

    _CallableModule.__call__.__doc__ = f"drafter.api.{func_name}"
    sys.modules[module_name].__class__ = _CallableModule


class ReportError(DrafterError):
    """A report that cannot be loaded, or rendered because ``check`` finds errors in it; ``diagnostics``
    holds every message (code, file:line, how to fix), as ``drafter check`` prints them."""

    def __init__(self, diagnostics: list[Diagnostic]):
        errors = [d for d in diagnostics if d.severity == ERROR] or diagnostics
        first = errors[0]
        super().__init__(first.code, first.message, file=first.file, line=first.line, col=first.col)
        self.diagnostics = list(diagnostics)

    def __str__(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


@dataclass
class _Origin:
    """Where a loaded report came from: what ``check`` needs to point at file:line."""

    loaded: object                    # loader.Loaded
    path: Path | None
    config: dict


def _origin(report: "Report") -> _Origin:
    o = getattr(report, "_origin", None)
    if o is None:                     # a report made in Python, not loaded from a file
        from .loader import Loaded

        o = _Origin(Loaded(report, None), None, {})
    return o


def load(path: str | Path, *, display: str | None = None) -> "Report":
    """Read and validate a report YAML (with the drafter.toml above it).  Raises ``ReportError`` with
    the Chinese diagnostics when it cannot be read; warnings and notices wait for ``check``."""
    from .check import load_configured

    loaded, config, problems = load_configured(path, display)
    if problems:
        raise ReportError(loaded.diagnostics + problems)
    if loaded.report is None:
        # every message drafter check prints: a file with an error is still checked as far as it reads
        # (loader.Loaded.partial), so that render names its other problems too
        from .check import check_loaded, find_previous

        prev, problem = find_previous(loaded.partial, path) if loaded.partial is not None else (None, None)
        raise ReportError(check_loaded(loaded, (), (), config, previous=prev, previous_problem=problem).diagnostics)
    loaded.report._origin = _Origin(loaded, Path(path), config)
    return loaded.report


def check(report: "Report", *, select: Iterable[str] = (), ignore: Iterable[str] = (),
          previous: "str | Path | Report | None" = None) -> list[Diagnostic]:
    """Every diagnostic about ``report`` (the loader's notices, the content rules), in file order.
    ``previous``: last year's report (a file, or a loaded ``Report``) to say what was carried over from
    it (FZ901–FZ905, drafter.carryover); by default the file the report's ``上一年度`` names."""
    return _check(report, select, ignore, previous).diagnostics


def _check(report, select=(), ignore=(), previous=None):
    from .check import check_loaded, find_previous

    o = _origin(report)
    if previous is not None and not isinstance(previous, (str, Path)):      # a Report
        from .carryover import Previous

        po = _origin(previous)
        name = str(po.path.name) if po.path is not None else "上一年度的报告"
        prev, problem = Previous(name, previous, getattr(po.loaded, "source", None)), None
    else:
        prev, problem = find_previous(report, o.path, previous)
    return check_loaded(o.loaded, list(select), list(ignore), o.config, previous=prev, previous_problem=problem)


def to_document(report: "Report", *, templates: str | None = None):
    """``report`` laid out to GB/T 9704 as a python-docx ``Document`` (not checked: see ``check``)."""
    from .compose import Composer
    from .writer.docx_writer import to_document as lay_out

    comp = Composer(report, templates=templates)
    blocks = comp.compose()
    return lay_out(blocks, title=comp.title_text().replace("\n", ""), author=report.org)


@dataclass
class Rendered:
    """What ``render`` wrote, and the warnings and notices ``check`` gave."""

    docx: Path
    pdf: Path | None
    diagnostics: list[Diagnostic]
    notes: list[str]


def render(report: "Report", path: str | Path, *, force: bool = True, pdf: bool = False,
           templates: str | None = None, select: Iterable[str] = (), ignore: Iterable[str] = (),
           folder_typed: bool = False) -> Rendered:
    """Check ``report`` and write its .docx to ``path`` atomically, as ``drafter render`` does: a
    complete file or none (the old one kept), never over the report's own YAML, .docx only.  Raises
    ``ReportError`` when ``check`` finds errors.  ``force=False`` refuses to replace an existing file
    (the command's default); ``pdf`` also writes the PDF beside it (LibreOffice)."""
    from .atomic import check_target, write_atomic
    from .textutil import quote_arg

    result = _check(report, select, ignore)
    if result.errors:
        raise ReportError(result.diagnostics)
    o = _origin(report)
    out = Path(path)
    sources = [o.path] if o.path else []
    check_target(out, sources, force, into_folder=folder_typed)
    if out.suffix.lower() != ".docx":
        docx_name = quote_arg(str(out.with_suffix(".docx")))
        hint = (f"；要同时生成 PDF，请写“-o {docx_name} --pdf”" if out.suffix.lower() == ".pdf"
                else f"，如“-o {docx_name}”")
        raise DrafterError("FZ055", f"输出文件“{out}”应以 .docx 结尾{hint}", file=str(out))
    pdf_path = out.with_suffix(".pdf") if pdf else None
    if pdf_path is not None:
        check_target(pdf_path, sources, force, "PDF 文件")
    from .render import docx_bytes

    data = docx_bytes(report, templates)              # complete in memory before a file is touched
    write_atomic(out, lambda f: f.write(data))
    notes: list[str] = []
    if pdf_path is not None:
        from .fonts import report_lines
        from .pdf import docx_to_pdf

        docx_to_pdf(out, pdf_path)
        notes = [ln for ln in report_lines(report.layout.fonts) if "未安装" in ln or "无法检查" in ln]
    return Rendered(out, pdf_path, result.diagnostics, notes)
