"""Content rules of ``drafter check`` (years, punctuation, enumeration, figures, typos) on a .docx.

The document's text becomes a :class:`drafter.model.Report` through ``drafter.importer``'s mapping of
the document already read (the same mapping ``drafter import`` does); the rule registry then runs on
it, and every rule finding — a path in the model plus an offset — is mapped back to the paragraph of
the .docx that holds the text.
"""
from __future__ import annotations

import re
from typing import Any

from ..diagnostics import DrafterError
from ..reader.document import Document
from .findings import Finding, excerpt
from .structure import Layout

# Rules that read plain text.  FZ1xx/FZ2xx judge the YAML's structure and required parts (the
# importer's mapping of parts is a guess for arbitrary files); FZ5xx (发文字号) is GB403/GB404 here.
CONTENT_PREFIXES = ("FZ3", "FZ4", "FZ6", "FZ7", "FZ8")
_WS = re.compile(r"\s+")
# "drafter check --fix" edits YAML; it does not apply to a .docx
_FIX_HINT = re.compile(r"[，；,]?\s*(可|请)?运行\s*drafter check --fix[^，；。）]*")


def _norm(s: str) -> str:
    return _WS.sub("", s)


def to_report(doc: Document, ana):
    """The Report ``drafter import`` makes of the document the inspector has already read and
    dissected (the same reader, the same anatomy)."""
    from ..importer import map_source

    return map_source(ana.source, doc=doc, anatomy=ana).report


def _value(report, path: tuple):
    obj: Any = report
    for key in path:
        try:
            obj = obj[key] if isinstance(key, int) else getattr(obj, key)
        except (AttributeError, IndexError, KeyError, TypeError):
            return None
    return obj


class _Locator:
    """Finds the paragraph holding a piece of model text (document order preferred)."""

    def __init__(self, doc: Document, lay: Layout):
        self.paras = [p for p in doc.paragraphs if p.text.strip() and lay.role(p) not in ("head",)]
        self.norm = [_norm(p.text) for p in self.paras]
        self.cursor = 0

    def find(self, needle: str):
        n = _norm(needle)
        if not n:
            return None
        order = list(range(self.cursor, len(self.paras))) + list(range(0, self.cursor))
        for k in order:
            if n in self.norm[k]:
                self.cursor = k
                return self.paras[k]
        return None


def content_findings(doc: Document, lay: Layout, ana, select=(), ignore=()) -> tuple[list[Finding], str | None]:
    """(findings, note): note says why the step did not run, else None."""
    try:
        report = to_report(doc, ana)
    except DrafterError as e:
        return [], f"未运行内容检查（标点、年份等）：导入文字时出错（{e.diagnostic.code}）"
    except Exception as e:  # noqa: BLE001 - the content step is auxiliary: the format audit still stands
        return [], f"未运行内容检查（标点、年份等）：drafter.importer 读取本文件时出错（{type(e).__name__}）"
    try:
        from ..kinds import get_kind
        from ..rules import Context, active_rules, settings_for

        kind = get_kind(report.kind)
        settings = settings_for(report, list(select or CONTENT_PREFIXES), ignore)
        ctx = Context(report, None, kind, settings)
        rules = active_rules(settings, kind)
    except DrafterError as e:
        return [], f"未运行内容检查（标点、年份等）：{e.diagnostic.message}"
    except Exception as e:  # noqa: BLE001 - a broken rule module must not hide the format findings
        return [], f"未运行内容检查（标点、年份等）：内容规则无法加载（{type(e).__name__}）"
    loc = _Locator(doc, lay)
    out: list[Finding] = []
    notes: list[str] = []
    for rule_ in rules:
        if not rule_.code.startswith(CONTENT_PREFIXES):
            continue
        try:
            rule_findings = list(rule_.func(ctx) or ())
        except Exception as e:  # noqa: BLE001 - one failing rule must not hide the format findings
            notes.append(f"内容规则 {rule_.code} 未能运行（{type(e).__name__}）")
            continue
        for f in rule_findings:
            text = _value(report, f.path)
            para = None
            found = None
            if isinstance(text, str) and text:
                if f.offset is not None and 0 <= f.offset <= len(text):
                    lo, hi = max(0, f.offset - 6), min(len(text), f.offset + 6)
                    para = loc.find(text[lo:hi]) or loc.find(text[:16])
                    found = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
                else:
                    para = loc.find(text[:16])
            sev = f.severity or rule_.severity
            message = _FIX_HINT.sub("", f.message)
            out.append(Finding(rule_.code, message, sev, para.number if para else None,
                               excerpt(para.text) if para else None, None if para else "正文", None, found))
    return out, "；".join(notes) or None
