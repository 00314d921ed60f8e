"""Findings shown to the clerk or the reviewer: one shape for loader errors, schema errors, rule
findings on a YAML file and ``drafter inspect``'s findings on a Word file."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Iterable

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITY_ZH = {ERROR: "错误", WARNING: "警告", INFO: "提示"}


@dataclass
class Fix:
    """A safe, mechanical edit of one YAML scalar: replace the whole value ``old`` with ``new``."""

    path: tuple
    old: str
    new: str


@dataclass
class Diagnostic:
    """One message: a stable code (drafter.codes), its severity, a one-line Chinese text and where it
    points — in a YAML file (line, column, the place in the report) or in a Word file (paragraph,
    its first words, a place that is no paragraph, a page; what GB/T 9704 asks and what is there)."""

    code: str
    severity: str
    message: str                 # one line, Chinese: what is wrong and what to do
    file: str | None = None
    line: int | None = None      # 1-based
    col: int | None = None       # 1-based
    where: str | None = None     # the place in the report, e.g. "第一部分 › 第（二）项 › 第1段"
    fix: Fix | None = field(default=None, repr=False)
    # in a Word file (drafter inspect)
    paragraph: int | None = None            # numbered from the file's start, empty ones and table cells too
    excerpt: str | None = None              # its first words
    place: str | None = None                # a place that is no paragraph: "第1节页面设置", "页脚（单页）", "PDF"
    page: int | None = None
    expected: str | None = None             # what GB/T 9704 asks
    found: str | None = None                # what the file has
    paragraphs: list[int] = field(default_factory=list)    # every paragraph a merged finding stands for

    def __post_init__(self):
        if not self.severity:
            from .codes import severity_of

            self.severity = severity_of(self.code)
        if self.paragraph is not None and not self.paragraphs:
            self.paragraphs = [self.paragraph]
        log = os.environ.get("DRAFTER_CODE_LOG")
        if log:                   # drafter's own test suite: which codes its tests made drafter print
            _log_code(log, self.code)

    @property
    def location(self) -> str:
        """Where it points, in words: the report place, or the paragraph, place and page of a Word file."""
        if self.where:
            return self.where
        parts = []
        if self.paragraph is not None:
            p = f"第{self.paragraph}段"
            if self.excerpt:
                p += f"“{self.excerpt}”"
            if len(self.paragraphs) > 1:
                p += f"等{len(self.paragraphs)}段"
            parts.append(p)
        if self.place:
            parts.append(self.place)
        if self.page is not None and not (self.place and "页" in self.place):
            parts.append(f"第{self.page}页")
        return "，".join(parts)

    def format(self) -> str:
        loc = self.file or ""
        if self.line is not None:
            loc += f":{self.line}"
            if self.col is not None:
                loc += f":{self.col}"
        head = f"{loc}: " if loc else ""
        where = f"〔{self.location}〕" if self.location else ""
        ef = []
        if self.expected is not None:
            ef.append(f"应为：{self.expected}")
        if self.found is not None:
            ef.append(f"实际：{self.found}")
        tail = f"（{'；'.join(ef)}）" if ef else ""
        return f"{head}{SEVERITY_ZH.get(self.severity, self.severity)} {self.code} {where}{self.message}{tail}"

    def to_json(self) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message, "file": self.file,
                "line": self.line, "col": self.col, "where": self.location or None, "fixable": self.fix is not None,
                "paragraph": self.paragraph, "paragraphs": self.paragraphs, "excerpt": self.excerpt,
                "place": self.place, "page": self.page, "expected": self.expected, "found": self.found}


def _log_code(path: str, code: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(code + "\n")
    except OSError:
        pass


NAMED_AT_MOST = 20       # files named in a batch's summary; the rest are counted


def name_some(names: list[str]) -> str:
    """"a、b、c", or the first NAMED_AT_MOST and "等 N 个"."""
    more = f" 等 {len(names)} 个" if len(names) > NAMED_AT_MOST else ""
    return "、".join(names[:NAMED_AT_MOST]) + more


class DrafterError(Exception):
    """A failure the clerk must see as one Chinese message (never a traceback)."""

    def __init__(self, code: str, message: str, *, file: str | None = None, line: int | None = None,
                 col: int | None = None, where: str | None = None, diagnostics: list[Diagnostic] | None = None):
        super().__init__(message)
        self.diagnostic = Diagnostic(code, ERROR, message, file, line, col, where)
        self.diagnostics = diagnostics or [self.diagnostic]


def has_errors(diags: Iterable[Diagnostic]) -> bool:
    return any(d.severity == ERROR for d in diags)


def sort_key(d: Diagnostic):
    return (d.file or "", d.line or 0, d.col or 0, d.code)


def dumps_json(diags: Iterable[Diagnostic]) -> str:
    return json.dumps([d.to_json() for d in diags], ensure_ascii=False, indent=1)
