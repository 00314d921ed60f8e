"""``drafter import``: last year's report (.docx, .txt, .md; .doc through LibreOffice) -> drafter YAML.

Pipeline (the same model in the middle as everywhere in drafter):

    readers.read(file)        -> Source: paragraphs with layout hints (styles, '#', table rows)
    mapper.map_source(source) -> Report (validated) + comments + a Chinese summary
    yamlwriter.dump(report)   -> YAML text, checked by loading it back through drafter.loader

Body text is kept character for character; only heading numbers (regenerated on render) and
whitespace at the ends of lines are dropped.  Whatever cannot be placed is kept and marked.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import DrafterError
from ..model import Report
from .mapper import MISSING_REASON, Mapped, map_source
from .readers import read
from ..source import Para, Source
from .yamlwriter import dump


@dataclass
class Imported:
    report: Report
    yaml: str
    summary: list[str]
    source: Source


def import_source(src: Source, target: Path, *, org: str | None = None, year: int | None = None,
                  kind: str | None = None) -> Imported:
    from ..loader import load_text
    from ..schema import schema_comment

    mapped: Mapped = map_source(src, kind, org, year)
    text = dump(mapped.report, mapped.comments, mapped.header, schema_comment(Path(target)))
    back = load_text(text, str(target))
    too_long = [d for d in back.diagnostics if d.code == "FZ003"]
    if too_long:
        raise DrafterError("FZ003", f"“{src.name}”的文字太长（写成 YAML 后超过一份报告的上限），不像是一份年度报告；"
                                    "请检查是否选错了文件", file=src.name)
    if back.report is None or back.report != mapped.report:
        detail = "; ".join(d.format() for d in back.diagnostics[:3])
        raise DrafterError("FZ091", f"内部错误：导入结果写成 YAML 后读回不一致（{detail or '内容不同'}）；"
                                    "输入文件未改动，请把原文件发给维护人员", file=src.name)
    return Imported(mapped.report, text, mapped.summary, src)


def import_file(path: str | Path, target: str | Path, *, org: str | None = None, year: int | None = None,
                kind: str | None = None, display: str | None = None) -> Imported:
    """Read ``path`` and return the YAML for ``target`` (nothing is written here)."""
    p = Path(path)
    return import_source(read(p, display or str(path)), Path(target), org=org, year=year, kind=kind)


__all__ = ["import_file", "import_source", "Imported", "MISSING_REASON", "Para", "Source", "read", "dump",
           "map_source"]
