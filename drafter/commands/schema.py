from __future__ import annotations

import click
from .zh import Command


@click.command("schema", cls=Command, help="由报告模型生成 JSON Schema（schemas/report.schema.json），供编辑器自动补全。")
@click.option("-o", "--output", type=click.Path(dir_okay=False), metavar="文件", help="写入此文件；不写则输出到屏幕")
def cmd(output):
    from pathlib import Path

    from ..schema import schema_text

    text = schema_text()
    if output:
        from ..atomic import write_atomic

        write_atomic(Path(output), lambda f: f.write(text.encode("utf-8")))
        click.echo(f"已写入：{output}")
    else:
        click.echo(text, nl=False)
