from __future__ import annotations

import click
from .zh import Command


@click.command("rules", cls=Command, help="列出全部检查规则：代码、级别、说明；可自动修正的标 [可修正]。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式")
def cmd(fmt):
    import json

    from ..diagnostics import SEVERITY_ZH
    from ..rules import load_all

    rules = load_all()
    if fmt == "json":
        click.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
                                "fixable": r.fixable, "doc": r.doc} for r in rules.values()],
                              ensure_ascii=False, indent=1))
        return
    for r in rules.values():
        fix = " [可修正]" if r.fixable else ""
        click.echo(f"{r.code}  {SEVERITY_ZH[r.severity]}  {r.summary}{fix}  ({r.name})")
    click.echo(f"共 {len(rules)} 条规则。用 --select/--ignore 或 YAML 中的“检查: 忽略: [...]”开关。")
