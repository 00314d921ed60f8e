"""Content rules of ``drafter check`` (years, punctuation, enumeration, figures, typos) on a .docx.

The document's text becomes a :class:`drafter.model.Report` through ``drafter.importer``'s mapping of
the document already read (the same mapping ``drafter import`` does); the rule registry then runs on
it, and every rule finding — a path in the model plus an offset — is mapped back to the paragraph of
the .docx that holds the text.
"""
from __future__ import annotations

import re

from ..diagnostics import DrafterError
from ..paths import value_at
from ..reader.document import Document
from .findings import Finding, excerpt
from .structure import Layout

# Rules on the words of any 公文: punctuation, enumeration, figures, typos.  On a report of the kind
# drafter drafts (a 法治政府建设年度情况报告) also its five parts and structure (FZ1xx, the same codes
# and messages as ``drafter check``), its required content (FZ2xx) and its years (FZ3xx); FZ5xx
# (发文字号) is GB403/GB404 here.  FZ1xx codes that judge the YAML itself (FZ105 a misspelt 部分,
# FZ106, FZ114–FZ117, FZ121, FZ122 …) or the guessed 版头 (FZ111, FZ112) are left out.
TEXT_PREFIXES = ("FZ4", "FZ6", "FZ7", "FZ8")
REPORT_PREFIXES = ("FZ101", "FZ103", "FZ104", "FZ107", "FZ110", "FZ113", "FZ118", "FZ119", "FZ120", "FZ2", "FZ3")
CONTENT_PREFIXES = TEXT_PREFIXES + REPORT_PREFIXES
# "drafter check --fix" edits YAML; it does not apply to a .docx
_FIX_HINT = re.compile(r"[，；,]?\s*(可|请)?运行\s*drafter check --fix[^，；。）]*")


def mapped(doc: Document, ana):
    """The Report the document maps to — the importer's mapping of the document the inspector has
    already read and dissected (the same reader, the same anatomy), its parts taken as written (in
    the document's order, none moved, a part not found simply absent) — and where each piece of it
    came from."""
    from ..importer import MISSING_REASON, map_source

    m = map_source(ana.source, doc=doc, anatomy=ana, as_written=True)
    report = m.report
    todo = {k for k, v in report.omitted_parts.items() if v == MISSING_REASON}
    if todo:
        report = report.model_copy(update={"omitted_parts": {k: v for k, v in report.omitted_parts.items()
                                                             if k not in todo}})
    return report, m.origins


def _origin(origins: dict, path: tuple, offset: int | None):
    """The reader's paragraph holding ``path`` (the deepest path with a known origin) at ``offset``."""
    for n in range(len(path), 0, -1):
        paras = origins.get(path[:n])
        if not paras:
            continue
        k = 0
        if offset is not None and len(paras) > 1 and n == len(path):
            pos = 0                                  # pieces joined by a blank line (the 导语) or a line break
            for k, sp in enumerate(paras):
                pos += len(sp.text) + 2
                if offset < pos:
                    break
        o = paras[min(k, len(paras) - 1)].origin
        o = o[0] if isinstance(o, list) and o else o
        return o if hasattr(o, "number") else None
    return None


def content_findings(doc: Document, lay: Layout, ana, select=(), ignore=()) -> tuple[list, str | None, object]:
    """(findings, note, the Report the text maps to): note says why the step did not run, else None."""
    try:
        report, origins = mapped(doc, ana)
    except DrafterError as e:
        return [], f"未运行内容检查（标点、年份等）：导入文字时出错（{e.diagnostic.code}）", None
    except Exception as e:  # noqa: BLE001 - the content step is auxiliary: the format audit still stands
        return [], f"未运行内容检查（标点、年份等）：读取本文件的文字时出错（{type(e).__name__}）", None
    prefixes = CONTENT_PREFIXES if ana.report else TEXT_PREFIXES
    try:
        from ..kinds import get_kind
        from ..rules import Context, active_rules, settings_for

        kind = get_kind(report.kind)
        settings = settings_for(report, list(select or prefixes), ignore)
        ctx = Context(report, None, kind, settings, medium="docx")
        rules = active_rules(settings, kind)
    except DrafterError as e:
        return [], f"未运行内容检查（标点、年份等）：{e.diagnostic.message}", report
    except Exception as e:  # noqa: BLE001 - a broken rule module must not hide the format findings
        return [], f"未运行内容检查（标点、年份等）：内容规则无法加载（{type(e).__name__}）", report
    out: list[Finding] = []
    notes: list[str] = []
    for rule_ in rules:
        if not rule_.code.startswith(prefixes) or (not ana.report and rule_.kinds):
            continue
        try:
            rule_findings = list(rule_.func(ctx) or ())
        except Exception as e:  # noqa: BLE001 - one failing rule must not hide the format findings
            notes.append(f"内容规则 {rule_.code} 未能运行（{type(e).__name__}）")
            continue
        for f in rule_findings:
            text = value_at(report, f.path)
            para = _origin(origins, f.path, f.offset)
            found = None
            if isinstance(text, str) and text and f.offset is not None and 0 <= f.offset <= len(text):
                lo, hi = max(0, f.offset - 6), min(len(text), f.offset + 6)
                found = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
            sev = f.severity or rule_.severity
            message = _FIX_HINT.sub("", f.message)
            out.append(Finding(rule_.code, message, sev, para.number if para else None,
                               excerpt(para.text) if para else None, None if para else "正文", None, found))
    return out, "；".join(notes) or None, report
