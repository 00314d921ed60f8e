"""The .docx of a report for the command, batches and tests: ``docx_bytes``, ``render_file``.

This module is also the API's ``drafter.render``: calling it (``drafter.render(report, path)``) is
calling ``drafter.api.render``, so that the name means the same function whether or not this module
has been imported (importing a submodule makes its name an attribute of the package).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic


@dataclass
class RenderResult:
    """What ``render_file`` produced: every diagnostic, the files it wrote and notes for the clerk
    (``docx`` is None when the report has errors: nothing was written)."""

    diagnostics: list[Diagnostic]
    docx: Path | None = None
    pdf: Path | None = None
    notes: list[str] = field(default_factory=list)
    fonts: dict | None = None


def default_output(src: Path) -> Path:
    return src.with_suffix(".docx")


def docx_bytes(report, templates: str | None = None) -> bytes:
    """The .docx of a report, in memory (laid out through python-docx: ``drafter.to_document``)."""
    import io

    from .api import to_document

    buf = io.BytesIO()
    to_document(report, templates=templates).save(buf)
    return buf.getvalue()


def render_file(src: str | Path, out: str | Path | None = None, *, force: bool = False, pdf: bool = False,
                templates: str | None = None, select=(), ignore=(), out_as_typed: bool = False) -> RenderResult:
    """Load, check and render one report YAML as ``drafter render`` does (``drafter.load`` and
    ``drafter.render``).  A report with errors gives a RenderResult without ``docx``; a refused
    output (FZ05x) raises DrafterError.  ``out_as_typed``: ``out`` is the clerk's ``-o``."""
    from .api import ReportError, load, render

    src = Path(src)
    try:
        report = load(src)
    except ReportError as e:
        return RenderResult(e.diagnostics)
    try:
        done = render(report, Path(out) if out else default_output(src), force=force, pdf=pdf,
                      templates=templates, select=select, ignore=ignore, folder_typed=out_as_typed and bool(out))
    except ReportError as e:
        return RenderResult(e.diagnostics)
    return RenderResult(done.diagnostics, done.docx, done.pdf, done.notes, report.layout.fonts.model_dump())


from .api import callable_module  # noqa: E402

callable_module(__name__, "render")
