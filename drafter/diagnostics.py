"""Findings shown to the clerk: one shape for loader errors, schema errors and rule findings."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
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
    """One message for the clerk: a stable code, its severity, a one-line Chinese text and where it points."""

    code: str
    severity: str
    message: str                 # one line, Chinese: what is wrong and what to do
    file: str | None = None
    line: int | None = None      # 1-based
    col: int | None = None       # 1-based
    where: str | None = None     # the place in the report, e.g. "第一部分 › 第（二）项 › 第1段"
    fix: Fix | None = field(default=None, repr=False)

    def format(self) -> str:
        loc = self.file or ""
        if self.line is not None:
            loc += f":{self.line}"
            if self.col is not None:
                loc += f":{self.col}"
        head = f"{loc}: " if loc else ""
        where = f"〔{self.where}〕" if self.where else ""
        return f"{head}{SEVERITY_ZH.get(self.severity, self.severity)} {self.code} {where}{self.message}"

    def to_json(self) -> dict:
        d = asdict(self)
        d.pop("fix")
        d["fixable"] = self.fix is not None
        return d


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
