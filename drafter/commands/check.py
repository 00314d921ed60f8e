from __future__ import annotations

import sys

import click

from .common import print_diagnostics, summary


def _codes(values) -> list[str]:
    out = []
    for v in values:
        out += [x.strip() for x in v.replace("，", ",").split(",") if x.strip()]
    return out


@click.command("check", help="检查报告 YAML：结构、内容、年份、标点，指出文件中的行号。\n\n"
                             "退出码：0 没有错误；1 有错误（加 --strict 时警告也算）。")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式")
@click.option("--strict", is_flag=True, help="警告也按错误处理（退出码 1）")
@click.option("--select", multiple=True, help="只运行这些规则，如 --select FZ3,FZ401")
@click.option("--ignore", multiple=True, help="不运行这些规则，如 --ignore FZ401")
def cmd(files, fmt, strict, select, ignore):
    from ..check import check_file
    from ..diagnostics import ERROR, WARNING

    all_diags = []
    for f in files:
        res = check_file(f, _codes(select), _codes(ignore))
        all_diags += res.diagnostics
    if fmt == "json":
        print_diagnostics(all_diags, "json")
    else:
        print_diagnostics(all_diags)
        click.echo(summary(all_diags, len(files)))
    bad = any(d.severity == ERROR or (strict and d.severity == WARNING) for d in all_diags)
    sys.exit(1 if bad else 0)
