from __future__ import annotations

import sys

import click
from .zh import Command


@click.command("fonts", cls=Command, help="列出报告所用字体（默认、drafter.toml 的 [fonts] 或 YAML 中“格式: 字体”所设），"
                             "说明本机缺少哪些，以及 LibreOffice 会用什么字体代替。")
@click.argument("file", required=False, type=click.Path(dir_okay=False, readable=False), metavar="[报告.yaml]")
def cmd(file):
    from pathlib import Path

    from ..check import apply_config_fonts, find_config
    from ..fonts import report_lines
    from ..model import Fonts

    fonts = Fonts()
    if file:
        from ..loader import load_file
        from .common import print_diagnostics

        loaded = load_file(file)
        if loaded.report is None:
            print_diagnostics(loaded.diagnostics, err=True)
            sys.exit(1)
        fonts = loaded.report.layout.fonts
    apply_config_fonts(fonts, find_config(Path(file) if file else Path.cwd())[1])
    lines = report_lines(fonts)
    for line in lines:
        click.echo(line)
    if any("本机未安装" in ln for ln in lines):
        click.echo("缺少的字体：在本机安装同名字体（Word/WPS 打开 .docx 时也要用到）；或在报告所在文件夹的 drafter.toml 中"
                   "用 [fonts] 改用本机已有的字体，如 \"仿宋\" = \"仿宋\"（见 README“设置”）。"
                   "这只改变写入 .docx 的字体名，不会安装字体。")
