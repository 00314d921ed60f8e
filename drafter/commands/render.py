"""``drafter render``: one report (``-o FILE.docx``) or many (``-o DIR/``, ``-j N``).

Output rules:
- one input: ``-o`` names the .docx; a path ending in a path separator (``-o 输出/``) names a folder
  (made if missing) that receives ``<input name>.docx``; an existing folder written without the
  separator stays an error (FZ053), so that a mistyped file name never lands somewhere unexpected;
- several inputs: ``-o`` must be a folder (existing, or ending in a separator, then it is made);
  without ``-o`` each .docx is written next to its input.  See drafter.batch for name collisions.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .common import print_diagnostics, stopped
from .zh import Command

_SEPS = tuple({"/", os.sep, os.altsep or "/"})


def _is_dir_arg(output: str) -> bool:
    return output.endswith(_SEPS)


def _make_dir(output: str) -> Path:
    from ..diagnostics import DrafterError

    d = Path(output)
    if d.is_dir():
        return d
    if d.exists():
        raise DrafterError("FZ057", f"“{output}”是一个文件，不是文件夹；请用 -o 指定一个文件夹，如 -o 输出/", file=output)
    parent = d.resolve().parent if d.name else d
    if not parent.is_dir():
        raise DrafterError("FZ052", f"文件夹“{parent}”不存在，请先建立或换一个位置", file=output)
    try:
        d.mkdir()
    except FileExistsError:
        pass
    except OSError as e:
        from ..atomic import why

        raise DrafterError("FZ052", f"无法建立文件夹“{output}”：{why(e)}；请换一个位置", file=output)
    return d


@click.command("render", cls=Command, help="把报告 YAML 生成符合 GB/T 9704-2012 的 Word 文件（.docx）。\n\n"
                              "先做与 drafter check 相同的检查，有错误则不生成。默认输出为同名 .docx。\n\n"
                              "可一次生成多份：drafter render 甲.yaml 乙.yaml … -o 输出/ -j 2"
                              "（每份单独检查，有错误的不生成，不影响其他文件；有失败时退出码为 1）。")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, readable=False),
                metavar="报告.yaml...")
@click.option("-o", "--output", type=click.Path(), metavar="文件或文件夹/", help="输出的 .docx 文件名；以 / 结尾时为文件夹（多个输入时必须是文件夹）")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF")
@click.option("-f", "--force", is_flag=True, help="输出文件已存在时覆盖它")
@click.option("--templates", type=click.Path(file_okay=False), metavar="文件夹", help="自定义模板目录（复制 templates/fzzf 后修改）")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="多个输入时同时运行的进程数（默认每个 CPU 一个；1 为不并行）")
def cmd(files, output, pdf, force, templates, jobs):
    from ..diagnostics import DrafterError

    try:
        if len(files) == 1:
            out = output
            if output is not None and _is_dir_arg(output):
                out = str(_make_dir(output) / (Path(files[0]).stem + ".docx"))
            _single(files[0], out, pdf, force, templates)
            return
        outdir = None
        if output is not None:
            if not (_is_dir_arg(output) or Path(output).is_dir()):
                raise DrafterError("FZ057", f"有 {len(files)} 个输入文件，-o 应指定一个文件夹（以 / 结尾，如 -o 输出/），"
                                            f"而“{output}”不是文件夹", file=output)
            outdir = _make_dir(output)
    except DrafterError as e:
        print_diagnostics(e.diagnostics, err=True)
        sys.exit(1)
    _batch(files, outdir, pdf, force, templates, jobs)


def _single(file, output, pdf, force, templates):
    """One report, through the Python API: ``drafter.load`` then ``drafter.render``."""
    from ..api import ReportError, load, render
    from ..diagnostics import INFO, WARNING, DrafterError

    out = Path(output) if output else Path(file).with_suffix(".docx")
    try:
        report = load(file)
        done = render(report, out, force=force, pdf=pdf, templates=templates, folder_typed=output is not None)
    except ReportError as e:
        print_diagnostics(e.diagnostics, err=True)
        from ..batch import stale_output

        old = stale_output(file, out, e.diagnostics)
        stale = f"“{old}”仍是以前生成的文件，这次没有更新。" if old else ""
        click.echo(f"有错误，未生成文件。{stale}请按提示修改后重试（drafter check 可单独检查）。", err=True)
        sys.exit(1)
    except DrafterError as e:
        print_diagnostics(e.diagnostics, err=True)
        sys.exit(1)
    warnings = [d for d in done.diagnostics if d.severity in (WARNING, INFO)]  # INFO: encoding notices
    print_diagnostics(warnings, err=True)
    click.echo(f"已生成：{done.docx}")
    if done.pdf:
        click.echo(f"已生成：{done.pdf}")
    for n in done.notes:
        click.echo(f"字体提示：{n}", err=True)


def _batch(files, outdir, pdf, force, templates, jobs):
    """Every input checked and rendered on its own; stdout lists what was written, stderr the
    problems of the failed inputs and a summary.  Exit 1 when any input failed."""
    from ..batch import Interrupted, render_many, summary_lines

    try:
        res = render_many(files, outdir, jobs=jobs or None, force=force, pdf=pdf, templates=templates)
    except Interrupted as e:
        stopped(e)
    for n in res.notices:
        click.echo(n, err=True)
    for o in res.outcomes:
        if not o.ok:
            print_diagnostics(o.diagnostics, err=True)
    for o in res.outcomes:
        if o.docx:
            click.echo(f"已生成：{o.docx}")
        if o.pdf:
            click.echo(f"已生成：{o.pdf}")
    for n in res.notes:
        click.echo(f"字体提示：{n}", err=True)
    for line in summary_lines(res):
        click.echo(line, err=True)
    sys.exit(0 if res.ok else 1)
