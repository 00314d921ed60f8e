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
    role: str        # title | intro | heading | subheading | paragraph | closing | signature | note | other
    section: int | None = None        # index of the top-level section
    level: int = 0                    # 1 section heading, 2..4 subsection headings, 0 otherwise


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
        """Every clerk-written text, in document order."""
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
        if r.note:
            yield TextRef(("note",), r.note, "note")

    def _items(self, items, base: tuple, sec: int, level: int) -> Iterator[TextRef]:
        for j, item in enumerate(items):
            if isinstance(item, str):
                yield TextRef(base + (j,), item, "paragraph", sec, 0)
            elif hasattr(item, "table"):             # a 表格: its title and 说明 are the clerk's text
                t = item.table
                if t.title:
                    yield TextRef(base + (j, "table", "title"), t.title, "table", sec, 0)
                if t.note:
                    yield TextRef(base + (j, "table", "note"), t.note, "table", sec, 0)
            else:
                yield TextRef(base + (j, "heading"), item.heading, "subheading", sec, level)
                yield from self._items(item.content, base + (j, "content"), sec, level + 1)

    def section_texts(self, i: int) -> list[str]:
        return [t.text for t in self.texts() if t.section == i]

    # -- reporting --
    def diagnostic(self, rule_: Rule, f: Finding) -> Diagnostic:
        line = col = None
        src = self.source
        if src is not None:
            if f.offset is not None:
                line, col = src.locate(f.path, f.offset)
            else:              # the key's line: for a list or mapping the value starts lines later
                line, col = src.pos(f.path, key=True)
        return Diagnostic(rule_.code, f.severity or rule_.severity, f.message, src.file if src else None,
                          line, col, describe(f.path, self.report, f.offset), f.fix)


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


__all__ = ["rule", "Rule", "Finding", "Context", "TextRef", "Settings", "REGISTRY", "load_all", "run_rules",
           "settings_for", "active_rules", "unknown_patterns", "selected", "hides_error", "META_CODES", "ERROR", "WARNING", "Fix", "Subsection", "Section"]
