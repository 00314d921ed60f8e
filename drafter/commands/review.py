"""``drafter review 各镇街/ -o 汇总.html``: every report of a county reviewed at once (drafter.review)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .zh import Command

FORMATS = {".html": "html", ".htm": "html", ".csv": "csv", ".json": "json", ".txt": "text"}


@click.command("review", cls=Command, help=(
    "审查一个区县收到的全部报告（文件夹和文件都可以，.docx、.yaml、.txt、.md、网页、PDF；.doc 需安装 LibreOffice），"
    "每份一行：发文机关、年度、成文日期和是否逾期、五个必备部分有无、错误和警告数、主要问题；"
    "需退回的排在最前。\n\n"
    "例：drafter review 各镇街/ -o 汇总.html（离线打开的单个网页，可打印为 A4 横向）；"
    "-o 汇总.csv（WPS、Excel 可直接打开）；--format json 输出 JSON；不写 -o 时在终端列出。\n\n"
    "报送期限按“检查: 报送期限”或 drafter.toml 的 deadline，默认年度次年 3 月 1 日。\n\n"
    "退出码：0 没有需退回的报告；1 有需退回的报告（含无法读取的文件）；2 用法错误或汇总文件无法写入。"))
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False), metavar="文件夹或文件...")
@click.option("-o", "--output", type=click.Path(), metavar="汇总.html",
              help="写入汇总文件：.html 网页、.csv 表格或 .json（格式按扩展名，或用 --format 指定）")
@click.option("--format", "fmt", type=click.Choice(["html", "csv", "json", "text"]), default=None,
              help="输出格式（默认按 -o 的扩展名；不写 -o 时为 text，在终端列出）")
@click.option("--previous", multiple=True, type=click.Path(readable=False), metavar="上一年度/",
              help="上一年度报告的文件夹或文件：按发文机关对照，统计原样沿用的段落数")
@click.option("-f", "--force", is_flag=True, help="汇总文件已存在时覆盖它")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="同时运行的进程数（默认每个 CPU 一个；1 为不并行）")
def cmd(paths, output, fmt, previous, force, jobs):
    from ..diagnostics import DrafterError

    for p in list(paths) + list(previous):
        if not os.path.lexists(p):
            raise click.UsageError(f"找不到“{p}”，请检查文件夹或文件名")
    out = Path(output) if output else None
    if fmt is None:
        if out is None:
            fmt = "text"
        else:
            fmt = FORMATS.get(out.suffix.lower())
            if fmt is None:
                raise click.UsageError(f"不知道把汇总写成什么格式：“{output}”请以 .html、.csv 或 .json 结尾，"
                                       "或用 --format 指定")
    try:
        if out is not None:
            from ..atomic import check_target

            check_target(out, [Path(p) for p in paths if os.path.isfile(p)], force)
        from ..review import review

        result = review(paths, previous=previous, jobs=jobs or None, exclude=[out] if out else [])
        text = _render(result, fmt, out)
        if out is not None:
            from ..atomic import write_atomic

            data = text.encode("utf-8")
            write_atomic(out, lambda f: f.write(data))
    except DrafterError as e:
        for d in e.diagnostics:
            click.echo(d.format(), err=True)
        sys.exit(2)
    for n in result.notices:
        click.echo(n, err=True)
    if out is None:
        click.echo(text, nl=False)
    else:
        click.echo(result.summary_line())
        for r in result.send_back:
            click.echo(f"  退回：{r.organ_shown}（{r.file}）：{'、'.join(r.send_back_reasons)}")
        click.echo(f"已生成：{out}（用时 {result.seconds:.1f} 秒）")
    sys.exit(1 if result.send_back else 0)


def _render(result, fmt: str, out: Path | None) -> str:
    if fmt == "html":
        from ..review.html import render_html

        return render_html(result, out)
    from ..review.tables import render_csv, render_json, render_text

    if fmt == "csv":
        return render_csv(result, bom=out is not None)
    if fmt == "json":
        return render_json(result)
    return render_text(result)
