"""``drafter check``: load, validate and run the rules; the same pipeline guards ``render``."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import ERROR, Diagnostic, DrafterError, sort_key
from .loader import Loaded, load_file

CONFIG_NAMES = ("drafter.toml", ".drafter.toml")


@dataclass
class CheckResult:
    loaded: Loaded
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == ERROR]

    @property
    def report(self):
        return self.loaded.report


def find_config(start: Path) -> tuple[Path | None, dict]:
    """The nearest drafter.toml (its [check] table) from the report's folder upwards."""
    real = Path(os.path.realpath(start))  # Path.resolve() raises RuntimeError on a symlink loop
    d = real.parent if start.suffix else real
    for folder in (d, *d.parents):
        for name in CONFIG_NAMES:
            p = folder / name
            if p.is_file():
                import tomllib  # here: most reports have no drafter.toml (saves ~2.5 ms a run)

                try:
                    data = tomllib.loads(p.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
                    raise DrafterError("FZ033", f"配置文件“{p}”无法读取：{e}", file=str(p))
                table = data.get("check") or data.get("tool", {}).get("drafter", {}).get("check") or {}
                norm = {"select": table.get("select"), "ignore": table.get("ignore"),
                        "deadline": table.get("deadline"), "publish_deadline": table.get("publish-deadline")
                        or table.get("publish_deadline")}
                return p, norm
    return None, {}


def check_loaded(loaded: Loaded, select=(), ignore=(), config: dict | None = None) -> CheckResult:
    diags = list(loaded.diagnostics)
    if loaded.report is not None:
        from .kinds import get_kind
        from .rules import Context, run_rules, settings_for

        try:
            kind = get_kind(loaded.report.kind)
            ctx = Context(loaded.report, loaded.source, kind, settings_for(loaded.report, select, ignore, config))
            diags += run_rules(ctx)
        except DrafterError as e:
            line, col = loaded.source.pos(("kind",)) if loaded.source else (None, None)
            d = e.diagnostic
            d.file, d.line, d.col = d.file or (loaded.source.file if loaded.source else None), d.line or line, \
                d.col or col
            diags.append(d)
    diags.sort(key=sort_key)
    return CheckResult(loaded, diags)


def check_file(path: str | Path, select=(), ignore=(), display: str | None = None) -> CheckResult:
    loaded = load_file(path, display)
    try:
        _, config = find_config(Path(path))
    except DrafterError as e:
        return CheckResult(loaded, loaded.diagnostics + e.diagnostics)
    return check_loaded(loaded, select, ignore, config)
