"""``drafter check``: load, validate and run the rules; the same pipeline guards ``render``.

Called, this module is the API's ``drafter.check(report)`` (``drafter.api.check``)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import ERROR, WARNING, Diagnostic, DrafterError, sort_key
from .loader import Loaded, load_file

CONFIG_NAMES = ("drafter.toml", ".drafter.toml")


@dataclass
class CheckResult:
    """A loaded report and every diagnostic about it (loading, validation and the content rules)."""

    loaded: Loaded
    diagnostics: list[Diagnostic] = field(default_factory=list)
    carryover: object = None          # drafter.carryover.Comparison with last year's report, if there was one
    previous: str | None = None       # last year's report as named (上一年度 or --previous)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def report(self):
        return self.loaded.report


def find_config(start: Path) -> tuple[Path | None, dict]:
    """The nearest drafter.toml from the report's folder upwards: its [check] table, and its [fonts]
    table (font names for a whole office, used where a report does not set 格式.字体)."""
    real = Path(os.path.realpath(start))  # Path.resolve() raises RuntimeError on a symlink loop
    d = real.parent if start.suffix else real
    for folder in (d, *d.parents):
        for name in CONFIG_NAMES:
            p = folder / name
            try:
                found = p.is_file()
            except OSError:           # a folder drafter may not look into: no settings from there
                found = False
            if found:
                import tomllib  # here: most reports have no drafter.toml (saves ~2.5 ms a run)

                from .yamlsrc import decode

                try:
                    raw = p.read_bytes()       # UTF-8, GBK, BOMs: read as a report is (an empty file: no settings)
                    data = tomllib.loads(decode(raw, str(p))[0]) if raw.strip() else {}
                except tomllib.TOMLDecodeError as e:
                    import re

                    m = re.search(r"line (\d+), column (\d+)", str(e))
                    raise DrafterError("FZ033", f"配置文件“{p}”格式错误；请检查这一行的等号和引号（中文键名要加引号，"
                                                f"如 \"仿宋\" = \"仿宋\"）", file=str(p),
                                       line=int(m.group(1)) if m else None, col=int(m.group(2)) if m else None)
                except OSError as e:
                    from .atomic import why

                    raise DrafterError("FZ033", f"配置文件“{p}”无法读取（{why(e)}）", file=str(p))
                table = data.get("check") or data.get("tool", {}).get("drafter", {}).get("check") or {}
                norm = {"select": _codes(table, "select", p), "ignore": _codes(table, "ignore", p),
                        "deadline": _month_day(table, ("deadline",), p),
                        "publish_deadline": _month_day(table, ("publish-deadline", "publish_deadline"), p),
                        "fonts": data.get("fonts") or {}, "file": str(p),
                        "unknown": [f"[{t}]" for t in data if t not in CONFIG_TABLES] +
                                   [k for k in table if k not in CONFIG_CHECK_KEYS]}
                return p, norm
    return None, {}


CONFIG_TABLES = ("check", "fonts", "tool")
CONFIG_CHECK_KEYS = ("select", "ignore", "deadline", "publish-deadline", "publish_deadline")


def _month_day(table: dict, keys: tuple[str, ...], path: Path) -> str | None:
    """[check] deadline = "03-01": a month and day of the year after the report's (checked here, where
    the file can be named, not at the report's line)."""
    import datetime as dt
    import re

    from .conventions import MONTH_DAY

    key = next((k for k in keys if k in table), None)
    if key is None:
        return None
    v = table[key]
    m = re.fullmatch(rf"\s*{MONTH_DAY}\s*", str(v))
    try:
        if m is None:
            raise ValueError
        dt.date(2000, int(m.group(1)), int(m.group(2)))          # (2000: 02-29 exists)
    except ValueError:
        raise DrafterError("FZ033", f"配置文件“{path}”的 [check] {key} = “{v}”不是有效的日期；请写成 "
                                    f"{key} = \"03-01\" 这样的“月-日”", file=str(path)) from None
    return str(v)


def _codes(table: dict, key: str, path: Path) -> list[str] | None:
    """[check] select/ignore: a list of rule codes; one code written alone is a list of one (a
    string was read letter by letter, and "F" matched every rule)."""
    v = table.get(key)
    if v is None or isinstance(v, str):
        return None if v is None else [v]
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return v
    raise DrafterError("FZ033", f"配置文件“{path}”的 [check] {key} 应是规则代码的列表，如 {key} = [\"FZ401\"]",
                       file=str(path))


def find_previous(report, path: str | Path | None, explicit: str | Path | None = None):
    """Last year's report for ``report`` (read from ``path``): the file given on the command line
    (``explicit``; a failure to read it raises DrafterError), else the one its ``上一年度`` names,
    relative to the YAML's folder.  Returns (drafter.carryover.Previous or None, a problem to report
    as FZ905 or None)."""
    # carryover (and the reader it brings) is imported only when there is a previous report to read
    if explicit is not None:
        from .carryover import load_previous

        return load_previous(explicit, str(explicit)), None
    written = (report.previous or "").strip() if report is not None else ""
    if not written:
        return None, None
    from .carryover import load_previous

    target = Path(written).expanduser()
    if not target.is_absolute() and path is not None:
        target = Path(path).parent / target
    try:
        if path is not None and os.path.realpath(target) == os.path.realpath(path):
            return None, f"“上一年度”写的是本文件自己（{written}）；请写上一年度报告的文件名，如 {report.year - 1}.yaml"
        return load_previous(target, written), None
    except DrafterError as e:
        return None, f"{e.diagnostic.message.rstrip('。')}；没有与上一年度比较，请改正“上一年度”写的文件名，或删除这一行"
    except OSError:                 # a path the system refuses (too long …): named, not raised
        return None, f"上一年度的报告“{written}”读不出；没有与上一年度比较，请改正“上一年度”写的文件名，或删除这一行"


def check_loaded(loaded: Loaded, select=(), ignore=(), config: dict | None = None, *, previous=None,
                 previous_problem: str | None = None) -> CheckResult:
    """The loader's findings and the content rules'.  A file with errors that still reads as far as
    ``loaded.partial`` is checked too (the rules say nothing of what did not validate, and the
    structure rules wait until the file is whole), so that one run names every problem."""
    diags = list(loaded.diagnostics)
    report = loaded.report or loaded.partial
    carryover = None
    if report is not None:
        from .kinds import get_kind
        from .loader import unrepair
        from .rules import Context, run_rules, selected, settings_for

        try:
            kind = get_kind(report.kind)
            ctx = Context(report, loaded.source, kind, settings_for(report, select, ignore, config))
            if loaded.report is None and loaded.salvaged:
                ctx.salvaged = loaded.salvaged
            ctx.previous, ctx.previous_problem = previous, previous_problem
            found = run_rules(ctx)
            carryover = getattr(ctx, "_carryover", None)
            found += [d for d in _unknown_codes(loaded, config or {}) if selected(d.code, ctx.settings)]
            diags += unrepair(found, loaded.repairs, loaded.source.file if loaded.source else None)
        except DrafterError as e:
            src, d = loaded.source, e.diagnostic
            written = ("layout", "templates")
            if src is not None and d.file and d.file == report.layout.templates and src.has(written):
                # the 模板目录 the YAML names is missing: point at that line of the YAML, not at the folder
                d.file, (d.line, d.col) = src.file, src.pos(written)
            line, col = src.pos(("kind",)) if src else (None, None)
            d.file, d.line, d.col = d.file or (src.file if src else None), d.line or line, d.col or col
            diags.append(d)
    diags.sort(key=sort_key)
    return CheckResult(loaded, diags, carryover, previous.name if previous is not None and carryover is not None else None)


def _unknown_codes(loaded: Loaded, config: dict) -> list[Diagnostic]:
    """FZ035: a rule code in the report's 检查 block or in drafter.toml that names no rule."""
    from .rules import unknown_patterns

    out = []
    checks = dict((loaded.report or loaded.partial).checks)
    for key, label in (("select", "启用"), ("ignore", "忽略")):
        values = list(checks.get(key) or [])
        for i, v in enumerate(values):
            if unknown_patterns([v]):
                line, col = loaded.source.pos(("checks", key, i)) if loaded.source else (None, None)
                out.append(Diagnostic("FZ035", WARNING, f"“检查: {label}”中的“{v}”不是规则代码，这一项不起作用；"
                                                        "请改正（全部代码见 drafter rules）",
                                      loaded.source.file if loaded.source else None, line, col))
        bad = unknown_patterns(config.get(key) or [])
        if bad:
            out.append(Diagnostic("FZ035", WARNING, f"配置文件 [check] {key} 中的“{'、'.join(bad)}”不是规则代码，"
                                                    "不起作用；请改正（全部代码见 drafter rules）", config.get("file")))
    unknown = config.get("unknown") or []
    if unknown:
        out.append(Diagnostic("FZ035", WARNING, f"配置文件中的“{'、'.join(unknown)}”不是 drafter 的设置，不起作用；"
                                                "可写 [check] 的 select、ignore、deadline、publish-deadline 和 [fonts]",
                              config.get("file")))
    return out


def apply_config_fonts(mine, config: dict) -> None:
    """Font names from drafter.toml [fonts] fill in what a report's 格式.字体 (``mine``, a model.Fonts)
    leaves unset."""
    table = config.get("fonts") or {}
    if not table:
        return
    from pydantic import ValidationError

    from .model import Fonts

    try:
        office = Fonts.model_validate(table)
    except ValidationError as e:
        keys = "、".join(f.alias for f in Fonts.model_fields.values())
        raise DrafterError("FZ033", f"配置文件“{config.get('file')}”的 [fonts] 不正确（{e.error_count()} 处）；"
                                    f"可写的字体项：{keys}，值为字体名", file=config.get("file"))
    for name in office.model_fields_set - mine.model_fields_set:
        setattr(mine, name, getattr(office, name))


def load_configured(path: str | Path, display: str | None = None):
    """A YAML file loaded, with the fonts of the drafter.toml above it applied: (loaded, config, the
    config file's problems — when there are any, config is None)."""
    loaded = load_file(path, display)
    try:
        _, config = find_config(Path(path))
        if loaded.report is not None:
            apply_config_fonts(loaded.report.layout.fonts, config)
    except DrafterError as e:
        return loaded, None, list(e.diagnostics)
    return loaded, config, []


def check_file(path: str | Path, select=(), ignore=(), display: str | None = None, *,
               previous: str | Path | None = None) -> CheckResult:
    """Load and check one YAML file.  ``previous``: last year's report to compare with (FZ9xx); by
    default the file its ``上一年度`` names.  A ``previous`` that cannot be read raises DrafterError."""
    loaded, config, problems = load_configured(path, display)
    if problems:
        return CheckResult(loaded, loaded.diagnostics + problems)
    prev, problem = find_previous(loaded.report or loaded.partial, path, previous)
    return check_loaded(loaded, select, ignore, config, previous=prev, previous_problem=problem)


from .api import callable_module  # noqa: E402  (drafter.check, called, is drafter.api.check)

callable_module(__name__, "check")
