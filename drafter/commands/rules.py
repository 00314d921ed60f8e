from __future__ import annotations

import click
from .zh import Command


@click.command("rules", cls=Command, help="列出 drafter 的全部代码，按组排列：读取文件与命令（FZ0xx）、check 的检查规则"
                                         "（FZ1xx–FZ9xx，可自动修正的标 [可修正]）、inspect 按 GB/T 9704 审查 Word 文件的检查（GB）。")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式")
def cmd(fmt):
    import json

    from ..codes import APPLIES_ZH, registry
    from ..diagnostics import SEVERITY_ZH
    from ..rules import load_all

    codes = registry()
    rules = load_all()
    if fmt == "json":
        click.echo(json.dumps([{"code": c.code, "name": c.name, "severity": c.severity, "summary": c.summary,
                                "fixable": c.fixable, "applies": c.applies, "group": c.group,
                                "doc": rules[c.code].doc if c.code in rules else ""} for c in codes.values()],
                              ensure_ascii=False, indent=1))
        return
    group = None
    for c in codes.values():
        if c.group != group:
            group = c.group
            click.echo(f"{'' if c.code == next(iter(codes)) else chr(10)}【{group}】")
        fix = " [可修正]" if c.fixable else ""
        name = f"  ({c.name})" if c.name else ""
        click.echo(f"{c.code}  {SEVERITY_ZH[c.severity]}  {c.summary}{fix}{name}  〔{APPLIES_ZH[c.applies]}〕")
    n_fz0 = sum(c.code.startswith("FZ0") for c in codes.values())
    n_gb = sum(c.code.startswith("GB") for c in codes.values())
    click.echo(f"\n共 {len(codes)} 个代码：检查规则 {len(rules)} 条（FZ1xx–FZ9xx，drafter check；标〔YAML 和 Word 文件〕的"
               f"也用于 drafter inspect），读取文件与命令 {n_fz0} 个（FZ0xx），按 GB/T 9704 审查 Word 文件 {n_gb} 个（GB，"
               "drafter inspect）。规则用 --select/--ignore 或 YAML 中的“检查: 忽略: [...]”开关。")
