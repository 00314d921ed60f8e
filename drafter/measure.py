"""Measure a PDF that LibreOffice rendered from a .docx: the page geometry GB/T 9704 prescribes.

Used by the tests (render → convert → measure) and by ``drafter inspect --pdf``.  Needs pdfplumber
(``pip install drafter[pdf]``).  All lengths are millimetres from the page's top-left corner.
"""
from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from . import conventions as C
from . import gbt9704 as G
from .textutil import is_cjk

MM = G.MM_PER_PT


@dataclass
class Line:
    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    text: str
    red: bool
    fonts: tuple
    chars: list = field(repr=False, default_factory=list)

    @property
    def centre_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Stroke:
    page: int
    y: float
    x0: float
    x1: float
    width_pt: float
    red: bool

    @property
    def length(self) -> float:
        return self.x1 - self.x0


@dataclass
class Measures:
    pages: int
    page_mm: tuple
    lines: list[Line]
    strokes: list[Stroke]

    # -- derived figures --
    def page_lines(self, page: int) -> list[Line]:
        return [ln for ln in self.lines if ln.page == page]

    def body_lines(self, page: int | None = None) -> list[Line]:
        """3号 lines inside the 版心 (not the page number)."""
        return [ln for ln in self.lines if (page is None or ln.page == page) and 15.0 <= ln.size <= 17.0
                and not ln.red and ln.top < G.TYPE_AREA_BOTTOM_MM and not C.is_gb_page_number(ln.text)]

    def body_lines_per_page(self) -> list[int]:
        return [len(self.body_lines(p)) for p in range(1, self.pages + 1)]

    def char_pitch(self) -> float | None:
        """10th percentile of the advance between adjacent CJK characters (justification only widens)."""
        d = []
        for ln in self.body_lines():
            cs = ln.chars
            for a, b in zip(cs, cs[1:]):
                if len(a["text"]) == 1 and len(b["text"]) == 1 and is_cjk(a["text"]) and is_cjk(b["text"]):
                    d.append((b["x0"] - a["x0"]) * MM)
        d.sort()
        return d[len(d) // 10] if d else None

    def line_pitch(self) -> float | None:
        gaps = []
        for p in range(1, self.pages + 1):
            bl = self.body_lines(p)
            gaps += [b.bottom - a.bottom for a, b in zip(bl, bl[1:]) if 8 < b.bottom - a.bottom < 14]
        return statistics.median(gaps) if gaps else None

    def max_chars_per_line(self) -> int:
        return max((sum(1 for c in ln.chars if len(c["text"]) == 1 and (is_cjk(c["text"]) or c["text"] in "，。、；：？！“”（）《》"))
                    for ln in self.body_lines()), default=0)

    def left(self) -> float:
        return min(ln.x0 for ln in self.body_lines())

    def right(self) -> float:
        return max(ln.x1 for ln in self.body_lines())

    def first_line_top(self, page: int) -> float | None:
        bl = self.body_lines(page)
        return bl[0].top if bl else None

    def page_numbers(self) -> list[Line]:
        return [ln for ln in self.lines if C.is_gb_page_number(ln.text)]

    def red_strokes(self, page: int | None = None) -> list[Stroke]:
        return [s for s in self.strokes if s.red and (page is None or s.page == page)]

    def black_strokes(self, page: int | None = None) -> list[Stroke]:
        return [s for s in self.strokes if not s.red and (page is None or s.page == page)]

    def red_text(self, page: int = 1) -> list[Line]:
        return [ln for ln in self.lines if ln.page == page and ln.red]

    def title_lines(self) -> list[Line]:
        return [ln for ln in self.lines if ln.page == 1 and abs(ln.size - G.SIZE_2HAO) <= 0.5 and not ln.red]

    def find(self, pattern: str, page: int | None = None) -> list[Line]:
        rx = re.compile(pattern)
        return [ln for ln in self.lines if (page is None or ln.page == page) and rx.search(ln.text)]

    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


def _is_red(color) -> bool:
    return isinstance(color, (list, tuple)) and len(color) == 3 and color[0] > 0.8 and color[1] < 0.3 and color[2] < 0.3


def _lines_of(page, n: int) -> list[Line]:
    rows = defaultdict(list)
    for c in page.chars:
        if c["text"].strip():
            rows[(round(c["bottom"]), _is_red(c.get("non_stroking_color")))].append(c)
    out = []
    for (_, red), cs in sorted(rows.items(), key=lambda kv: kv[0][0]):
        cs.sort(key=lambda c: c["x0"])
        out.append(Line(n, min(c["top"] for c in cs) * MM, max(c["bottom"] for c in cs) * MM, cs[0]["x0"] * MM,
                        cs[-1]["x1"] * MM, statistics.median(c["size"] for c in cs), "".join(c["text"] for c in cs),
                        red, tuple(sorted({c["fontname"] for c in cs})), cs))
    return out


def measure(path) -> Measures:
    try:
        import pdfplumber
    except ImportError as e:  # pragma: no cover - dependency message
        from .diagnostics import DrafterError

        raise DrafterError("FZ062", "测量 PDF 需要 pdfplumber：pip install 'drafter[pdf]'") from e
    with pdfplumber.open(str(path)) as pdf:
        lines, strokes = [], []
        size = None
        for n, page in enumerate(pdf.pages, start=1):
            size = size or (round(page.width * MM, 1), round(page.height * MM, 1))
            lines += _lines_of(page, n)
            for obj in list(page.lines) + list(page.rects):
                w = (obj["x1"] - obj["x0"]) * MM
                h = (obj["bottom"] - obj["top"]) * MM
                if w < 50 or h > 3:
                    continue
                color = obj.get("stroking_color") or obj.get("non_stroking_color")
                lw = obj.get("linewidth") or h / MM
                strokes.append(Stroke(n, (obj["top"] + obj["bottom"]) / 2 * MM, obj["x0"] * MM, obj["x1"] * MM,
                                      float(lw), _is_red(color)))
        return Measures(len(pdf.pages), size, lines, strokes)
