from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import print_diagnostics


@click.command("render", help="把报告 YAML 生成符合 GB/T 9704-2012 的 Word 文件（.docx）。\n\n"
                              "先做与 drafter check 相同的检查，有错误则不生成。默认输出为同名 .docx。")
@click.argument("file", type=click.Path(dir_okay=True))
@click.option("-o", "--output", type=click.Path(), help="输出的 .docx 文件名")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF")
@click.option("-f", "--force", is_flag=True, help="输出文件已存在时覆盖它")
@click.option("--templates", type=click.Path(file_okay=False), help="自定义模板目录（复制 templates/fzzf 后修改）")
def cmd(file, output, pdf, force, templates):
    from ..diagnostics import INFO, WARNING, DrafterError
    from ..render import render_file

    try:
        rr = render_file(file, output, force=force, pdf=pdf, templates=templates)
    except DrafterError as e:
        print_diagnostics(e.diagnostics, err=True)
        sys.exit(1)
    if rr.docx is None:
        print_diagnostics(rr.diagnostics, err=True)
        click.echo("有错误，未生成文件。请按提示修改后重试（drafter check 可单独检查）。", err=True)
        sys.exit(1)
    warnings = [d for d in rr.diagnostics if d.severity in (WARNING, INFO)]  # INFO: encoding notices
    print_diagnostics(warnings, err=True)
    click.echo(f"已生成：{rr.docx}")
    if rr.pdf:
        click.echo(f"已生成：{rr.pdf}")
    for n in rr.notes:
        click.echo(f"字体提示：{n}", err=True)
