"""What every check receives: the document, its layout, and a place to put findings."""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import gbt9704 as G
from ..textutil import is_cjk
from ..reader.document import Document, Para, Run
from .findings import Finding, excerpt
from .structure import Layout

# point sizes and their 号 names, for messages only
_HAO = {42: "初号", 36: "小初", 26: "1号", 24: "小1", 22: "2号", 18: "小2", 16: "3号", 15: "小3", 14: "4号",
        12: "小4", 10.5: "5号", 9: "小5", 7.5: "6号"}


def pt(value: float) -> str:
    """"16 磅（3号）" / "12.5 磅"."""
    v = round(value * 2) / 2
    name = _HAO.get(v if v % 1 else int(v))
    num = f"{v:g}"
    return f"{num} 磅（{name}）" if name else f"{num} 磅"


def mm(twips: float) -> str:
    return f"{G.twips_to_mm(twips):.1f} mm"


def has_cjk(text: str) -> bool:
    return any(is_cjk(c) for c in text)


@dataclass
class Ctx:
    doc: Document
    lay: Layout
    out: list[Finding] = field(default_factory=list)
    limited: bool = False       # a kind audited only for page setup, page numbers, fonts and numbering
    ana: object = None          # the anatomy (drafter.anatomy.Anatomy) the layout was made from
    notes: list[str] = field(default_factory=list)     # what was not judged, and why (printed once)

    def add(self, code: str, message: str, para: Para | None = None, *, place: str | None = None,
            expected: str | None = None, found: str | None = None, severity: str = "", page: int | None = None):
        number = ex = None
        if para is not None:
            number = para.number if para.number > 0 else None
            ex = excerpt(para.text) if para.text.strip() else None
            if para.story == "textbox":
                place = ("文本框" + (f"“{excerpt(para.text)}”" if para.text.strip() else "")) + \
                    (f"（{place}）" if place else "")
                ex = None
        self.out.append(Finding(code, message, severity, number, ex, place, expected, found, page))

    def section_place(self, index: int) -> str:
        return "页面设置" if len(self.doc.sections) == 1 else f"第{index + 1}节页面设置"


def cjk_runs(runs: list[Run]) -> list[Run]:
    return [r for r in runs if has_cjk(r.text)]
