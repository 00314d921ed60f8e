"""The rule registry (ruff-style): every check of a loaded report is a Rule with a stable code.

A rule is a function ``(ctx) -> iterable of Finding`` decorated with ``@rule(...)`` in any module of
this package; the package imports its modules on first use, so adding a rule means adding one
function (and its tests) and nothing else.  ``drafter rules`` prints the registry.

Code ranges: FZ1xx structure · FZ2xx required content · FZ3xx years and dates · FZ4xx punctuation ·
FZ5xx 发文字号 · FZ6xx enumeration and numbering · FZ7xx figures · FZ8xx typos · FZ9xx what was carried
over from last year's report (they need it: ``Context.previous``).
(FZ0xx are input errors from the loader: they are not rules and cannot be switched off.)
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..diagnostics import ERROR, INFO, WARNING, Diagnostic, Fix
from ..kinds import Kind, get_kind
from ..model import Report, Section, Subsection
from ..paths import describe
from ..yamlsrc import SourceMap


@dataclass(frozen=True)
class Rule:
    """A content check: stable code, name, severity, one-line Chinese summary and the function that runs it."""

    code: str
    name: str
    severity: str
    summary: str            # one line, Chinese
    doc: str                # what it checks and why, English or Chinese
    func: Callable
    fixable: bool = False   # has a safe automatic fix (drafter check --fix)
    kinds: tuple[str, ...] = ()   # report kinds it applies to; empty = all


REGISTRY: dict[str, Rule] = {}


def rule(code: str, name: str, summary: str, *, severity: str = ERROR, fixable: bool = False,
         kinds: tuple[str, ...] = ()):
    def deco(func):
        if code in REGISTRY:
            raise ValueError(f"duplicate rule code {code}")
        REGISTRY[code] = Rule(code, name, severity, summary, (func.__doc__ or "").strip(), func, fixable, kinds)
        return func
    return deco


_loaded = False


def load_all() -> dict[str, Rule]:
    global _loaded
    if not _loaded:
        for mod in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{mod.name}")
        _loaded = True
    return dict(sorted(REGISTRY.items()))


# ---------------------------------------------------------------------------------------------
@dataclass
class Finding:
    """What a rule reports: where (a model path, optionally a character offset in that text)."""

    path: tuple
    message: str
    offset: int | None = None
    severity: str | None = None       # overrides the rule's default
    fix: Fix | None = None


@dataclass
class TextRef:
    """One piece of clerk-written text, with its path in the model."""

    path: tuple
    text: str
    # title | intro | heading | subheading | paragraph | closing | signature | note | other
    # | table (a table's 标题 or 说明) | cell (a table cell) | attachment (a name the 附件说明 lists)
    role: str
    section: int | None = None        # index of the top-level section
    level: int = 0                    # 1 section heading, 2..4 subsection headings, 0 otherwise
                                      # (in an 附件: 1..4, its headings numbered from “一、”)
    attachment: int | None = None     # index of the 附件 the text is part of (its name or content)


FIX_HINT = "可运行 drafter check --fix 自动修正"
CSV_FIX_HINT = "这一格读自 CSV 文件，--fix 不改 CSV 文件：请在 Excel 中改正后重新另存为 CSV"


@dataclass
class Settings:
    """Which rules run (select/ignore) and the deadlines that apply, from the command line and the 检查 block."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    deadline: str | None = None
    publish_deadline: str | None = None


class Context:
    def __init__(self, report: Report, source: SourceMap | None, kind: Kind | None = None,
                 settings: Settings | None = None, medium: str = "yaml"):
        self.report = report
        self.source = source
        self.medium = medium          # "yaml": the clerk edits the YAML; "docx": a Word file under review
        self.kind = kind or get_kind(report.kind)
        self.settings = settings or Settings()
        self._composer = None
        # a report read from a file with errors (loader.salvage): the paths of the values left out.
        # Rules then say nothing about them, and the structure and required-content rules (FZ1xx,
        # FZ2xx), which judge the report as a whole, wait until the file is whole.
        self.salvaged: tuple = ()
        # last year's report (drafter.carryover.Previous) for the FZ9xx rules, or why it could not be read
        self.previous = None
        self.previous_problem: str | None = None

    @property
    def composer(self):
        if self._composer is None:
            from ..compose import Composer

            self._composer = Composer(self.report, self.kind)
        return self._composer

    # -- structure helpers --
    def part_keys(self, sec: Section) -> list[str]:
        return [k for k in (self.kind.resolve_part(p) for p in sec.parts) if k]

    def sections_of(self, key: str) -> list[int]:
        return [i for i, s in enumerate(self.report.sections) if key in self.part_keys(s)]

    def texts(self) -> Iterator[TextRef]:
        """Every clerk-written text, in document order: the body, the 附件说明's names, then each 附件's
        content (§7.3.7); a table's 标题, cells and 说明 wherever it stands."""
        r = self.report
        if r.title:
            yield TextRef(("title",), r.title, "title")
        if r.intro:
            yield TextRef(("intro",), r.intro, "intro")
        for i, sec in enumerate(r.sections):
            if sec.heading:
                yield TextRef(("sections", i, "heading"), sec.heading, "heading", i, 1)
            yield from self._items(sec.content, ("sections", i, "content"), i, 2)
        if r.closing:
            yield TextRef(("closing",), r.closing, "closing")
        for k, a in enumerate(r.attachments):        # the 附件说明 (§7.3.4), which is also each page's title
            path, name = (("attachments", k), a) if isinstance(a, str) else (("attachments", k, "title"), a.title)
            if name:
                yield TextRef(path, name, "attachment", attachment=k)
        if r.note:
            yield TextRef(("note",), r.note, "note")
        if r.issued is not None:                       # the document issued with the text
            if r.issued.title:
                yield TextRef(("issued", "title"), r.issued.title, "other")
            yield from self._items(r.issued.content, ("issued", "content"), None, 1)
        for k, a in enumerate(r.attachments):
            if not isinstance(a, str):
                yield from self._items(a.content, ("attachments", k, "content"), None, 1, k)

    def _items(self, items, base: tuple, sec: int | None, level: int, att: int | None = None) -> Iterator[TextRef]:
        for j, item in enumerate(items):
            if isinstance(item, str):
                yield TextRef(base + (j,), item, "paragraph", sec, 0, att)
            elif hasattr(item, "table"):             # a 表格: its title, its cells and its 说明
                yield from self._table(item.table, base + (j, "table"), sec, att)
            else:
                yield TextRef(base + (j, "heading"), item.heading, "subheading", sec, level, att)
                yield from self._items(item.content, base + (j, "content"), sec, level + 1, att)

    def _table(self, t, base: tuple, sec: int | None, att: int | None) -> Iterator[TextRef]:
        if t.title:
            yield TextRef(base + ("title",), t.title, "table", sec, 0, att)
        src = self.source
        # one header row written flat (表头: [a, b, c]) is one row in the model: its cells' YAML paths
        # are ("header", c), which is where a finding points and what --fix edits
        flat = src is not None and len(t.header) >= 1 and _is_scalar(src, base + ("header", 0))
        for h, row in enumerate(t.header):
            for c, cell in enumerate(row):
                if cell:
                    path = base + (("header", c) if flat and h == 0 else ("header", h, c))
                    yield TextRef(path, cell, "cell", sec, 0, att)
        for k, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                if cell:
                    yield TextRef(base + ("rows", k, c), cell, "cell", sec, 0, att)
        if t.note:
            yield TextRef(base + ("note",), t.note, "table", sec, 0, att)

    def csv_origin(self, path: tuple) -> tuple[str, int] | None:
        """(CSV file, line) of a table cell read from ``来自: 文件.csv``, or None (a cell written in the
        YAML, or no table cell at all)."""
        if "table" not in path or self.source is None:
            return None
        i = path.index("table")
        rest = path[i + 1:]
        if len(rest) != 3 or rest[0] not in ("header", "rows"):
            return None
        from ..paths import _get

        node = self.report
        for k in path[:i + 1]:
            node = _get(node, k)
        if node is None or not node.source:
            return None
        src, base = self.source, path[:i + 1]
        written_header = 1 if _is_scalar(src, base + ("header", 0)) else _count(src, base + ("header",))
        written_rows = _count(src, base + ("rows",))
        from_csv_header = len(node.header) - written_header
        if rest[0] == "header" and rest[1] >= written_header:
            line = rest[1] - written_header + 1
        elif rest[0] == "rows" and rest[1] >= written_rows:
            line = from_csv_header + rest[1] - written_rows + 1
        else:
            return None
        from pathlib import Path

        csv = Path(node.source).expanduser()
        if not csv.is_absolute():
            csv = Path(src.file).parent / csv
        return str(csv), line

    def section_texts(self, i: int) -> list[str]:
        return [t.text for t in self.texts() if t.section == i]

    # -- reporting --
    def diagnostic(self, rule_: Rule, f: Finding) -> Diagnostic:
        line = col = None
        src = self.source
        file = src.file if src else None
        message, fix = f.message, f.fix
        csv = self.csv_origin(tuple(f.path)) if src is not None else None
        if csv is not None:            # a cell of a CSV file: its line there; --fix edits the YAML only
            file, line = csv
            message, fix = message.replace(FIX_HINT, CSV_FIX_HINT), None
        elif src is not None:
            if f.offset is not None:
                line, col = src.locate(f.path, f.offset)
            else:              # the key's line: for a list or mapping the value starts lines later
                line, col = src.pos(f.path, key=True)
        return Diagnostic(rule_.code, f.severity or rule_.severity, message, file,
                          line, col, describe(f.path, self.report, f.offset), fix)


def _is_scalar(src: SourceMap, path: tuple) -> bool:
    """Whether ``path`` is a scalar written in the YAML (not a list or mapping)."""
    s = src.values.get(src.raw(path))
    return s is not None and s.style is not None


def _count(src: SourceMap, path: tuple) -> int:
    """How many items of the list at ``path`` are written in the YAML."""
    n = 0
    while src.has(path + (n,)):
        n += 1
    return n


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in patterns if p and p.strip())


META_CODES = ("FZ035",)     # findings about the settings themselves, selected and ignored like rules


def unknown_patterns(patterns: Iterable[str]) -> list[str]:
    """The select/ignore entries that name no rule ("FZ40l", "FZ99x"): a typo there would silently
    run the wrong rules and make a report look clean."""
    codes = [*load_all(), *META_CODES]
    return [p for p in patterns if p and p.strip() and not any(c.startswith(p.strip().upper()) for c in codes)]


def settings_for(report: Report, select=(), ignore=(), config: dict | None = None) -> Settings:
    """Merge rule settings: config file < the report's 检查 block < command line."""
    s = Settings()
    for src in (config or {}, dict(report.checks)):      # field name -> value (no serializer to build)
        s.select = list(src.get("select") or s.select)
        s.ignore = s.ignore + list(src.get("ignore") or [])
        s.deadline = src.get("deadline") or s.deadline
        s.publish_deadline = src.get("publish_deadline") or s.publish_deadline
    if select:
        s.select = list(select)
    s.ignore += list(ignore)
    return s


def selected(code: str, settings: Settings) -> bool:
    """Whether ``code`` is reported under these select/ignore settings."""
    return (not settings.select or _matches(code, settings.select)) and not _matches(code, settings.ignore)


def hides_error(code: str, settings: Settings) -> bool:
    """Whether an error of ``code`` is left out: only when 忽略 names the whole code ("FZ115", not "FZ1":
    a prefix written to quiet warnings must not pass a report missing a required part; 启用 narrows
    the warnings only).  Hidden errors are still counted (FZ036)."""
    return any(p.strip().upper() == code for p in settings.ignore if p)


def active_rules(settings: Settings, kind: Kind) -> list[Rule]:
    return [r for code, r in load_all().items() if (not r.kinds or kind.id in r.kinds) and selected(code, settings)]


def run_rules(ctx: Context) -> list[Diagnostic]:
    """Every finding the settings let through; errors they hide are summed up in one FZ036 notice.
    (Switched-off rules run too: an error is hidden only as ``hides_error`` says.)"""
    out, hidden = [], []
    salvaged = ctx.salvaged
    for r in load_all().values():
        if r.kinds and ctx.kind.id not in r.kinds:
            continue
        if salvaged and r.code.startswith(("FZ1", "FZ2")):
            continue
        on = selected(r.code, ctx.settings)
        for f in r.func(ctx) or ():
            if salvaged and any(tuple(f.path[:len(p)]) == p for p in salvaged):
                continue
            if on:
                out.append(ctx.diagnostic(r, f))
            elif (f.severity or r.severity) == ERROR:
                d = ctx.diagnostic(r, f)
                d.fix = None          # shown, but --fix leaves alone what the clerk switched off
                (hidden if hides_error(r.code, ctx.settings) else out).append(d)
    if hidden:
        out.append(_hidden_notice(ctx, hidden))
    return out


def _hidden_notice(ctx: Context, hidden: list[Diagnostic]) -> Diagnostic:
    counts: dict[str, int] = {}
    for d in hidden:
        counts[d.code] = counts.get(d.code, 0) + 1
    codes = "、".join(f"{c}（{n} 条）" if n > 1 else c for c, n in counts.items())
    src = ctx.source
    line = col = None
    if src is not None and src.has(("checks",)):
        line, col = src.pos(("checks",), key=True)
    return Diagnostic("FZ036", INFO, f"按“忽略/启用”的设置，有 {len(hidden)} 条错误没有列出：{codes}；这些问题仍在"
                                     "报告中，报送前请确认确实无需改正", src.file if src else None, line, col)


__all__ = ["rule", "Rule", "Finding", "Context", "TextRef", "Settings", "FIX_HINT", "REGISTRY", "load_all", "run_rules",
           "settings_for", "active_rules", "unknown_patterns", "selected", "hides_error", "META_CODES", "ERROR", "WARNING", "Fix", "Subsection", "Section"]
