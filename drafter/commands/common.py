"""Output helpers shared by the subcommands."""
from __future__ import annotations

import click

from ..diagnostics import ERROR, INFO, WARNING, Diagnostic, dumps_json, name_some


def split_codes(values) -> list[str]:
    """--select FZ3,FZ401 --select FZ5 (half- or full-width commas) -> ["FZ3", "FZ401", "FZ5"]."""
    out = []
    for v in values:
        out += [x.strip() for x in v.replace("，", ",").split(",") if x.strip()]
    return out


def print_diagnostics(diags: list[Diagnostic], fmt: str = "text", err: bool = False) -> None:
    if fmt == "json":
        click.echo(dumps_json(diags))
        return
    for d in diags:
        click.echo(d.format(), err=err)


def files_with_errors(diags: list[Diagnostic]) -> list[str]:
    """The summary's list of the files that have errors, in the order checked, each with its count."""
    counts: dict[str, int] = {}
    for d in diags:
        if d.severity == ERROR:
            counts[d.file or "?"] = counts.get(d.file or "?", 0) + 1
    if not counts:
        return []
    return [f"有错误的文件（{len(counts)} 个）：" + name_some([f"{f}（{n} 个）" for f, n in counts.items()])]


def summary(diags: list[Diagnostic], files: int = 1) -> str:
    e = sum(d.severity == ERROR for d in diags)
    w = sum(d.severity == WARNING for d in diags)
    i = sum(d.severity == INFO for d in diags)
    head = f"检查了 {files} 个文件：" if files > 1 else ""
    if not e and not w:
        return f"{head}没有发现问题。" + (f"（{i} 条提示）" if i else "")
    return f"{head}{e} 个错误，{w} 个警告。" + ("有错误，请按提示修改后再生成。" if e else "")


def stopped(e) -> None:
    """A batch interrupted (Ctrl+C, drafter.batch.Interrupted): name what was written, say that nothing
    is half-written and what a second run does, exit 130."""
    import sys

    written = [o.docx for o in e.finished if o.docx]
    for d in written:
        click.echo(f"已生成：{d}")
    click.echo(f"已中断：已生成 {len(written)} 个文件（见上），其余未生成；没有写了一半的文件。"
               "再次运行时，已生成的文件要加 --force 才会重新生成", err=True)
    sys.exit(130)
