"""``drafter render``: check, compose, write the .docx atomically, optionally convert to PDF."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .check import CheckResult, check_file, check_loaded
from .diagnostics import Diagnostic, DrafterError
from .loader import Loaded


@dataclass
class RenderResult:
    """What ``render`` produced: the check it ran, the files it wrote and notes for the clerk."""

    check: CheckResult
    docx: Path | None = None
    pdf: Path | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.check.diagnostics


def default_output(src: Path) -> Path:
    return src.with_suffix(".docx")


def docx_bytes(report, templates: str | None = None) -> bytes:
    """The .docx for a validated report, in memory."""
    import io

    from .compose import Composer
    from .writer.docx_writer import write

    comp = Composer(report, templates=templates)
    doc = comp.compose()
    buf = io.BytesIO()
    # .docx core properties hold at most 255 characters (python-docx raises ValueError beyond)
    write(doc, buf, title=comp.title_text().replace("\n", "")[:255], author=report.org[:255])
    return buf.getvalue()


def render_loaded(loaded: Loaded, src: Path, out: Path | None = None, *, force: bool = False,
                  pdf: bool = False, templates: str | None = None, select=(), ignore=(),
                  check: CheckResult | None = None, out_as_typed: bool = False) -> RenderResult:
    """Write the .docx (and the PDF) of a checked report.  ``out_as_typed``: ``out`` is the clerk's
    ``-o`` (the message for a folder then says how to write into it)."""
    from .atomic import check_target, write_atomic
    from .textutil import quote_arg

    result = check or check_loaded(loaded, select, ignore)
    if result.errors or loaded.report is None:
        return result_with_error(result)
    into_folder = out_as_typed and bool(out)
    out = Path(out) if out else default_output(src)
    check_target(out, [src], force, into_folder=into_folder)
    if out.suffix.lower() != ".docx":
        docx = quote_arg(str(out.with_suffix(".docx")))
        hint = f"；要同时生成 PDF，请写“-o {docx} --pdf”" if out.suffix.lower() == ".pdf" else f"，如“-o {docx}”"
        raise DrafterError("FZ055", f"输出文件“{out}”应以 .docx 结尾{hint}", file=str(out))
    pdf_path = out.with_suffix(".pdf") if pdf else None
    if pdf_path is not None:
        check_target(pdf_path, [src], force, "PDF 文件")
    data = docx_bytes(loaded.report, templates)
    write_atomic(out, lambda f: f.write(data))
    rr = RenderResult(result, out)
    if pdf_path is not None:
        from .fonts import report_lines
        from .pdf import docx_to_pdf

        docx_to_pdf(out, pdf_path)
        rr.pdf = pdf_path
        rr.notes += [ln for ln in report_lines(loaded.report.layout.fonts) if "未安装" in ln or "无法检查" in ln]
    return rr


def result_with_error(result: CheckResult) -> RenderResult:
    return RenderResult(result, None)


def render_file(src: str | Path, out: str | Path | None = None, **kw) -> RenderResult:
    src = Path(src)
    result = check_file(src, kw.pop("select", ()), kw.pop("ignore", ()))
    return render_loaded(result.loaded, src, Path(out) if out else None, check=result, **kw)
