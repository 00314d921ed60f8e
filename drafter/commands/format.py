"""``drafter format``: a draft written in Word/WPS (or text) laid out to GB/T 9704 in one step.

Output rules are render's (drafter.commands.render): one input, ``-o`` names the .docx (``-o 文件夹/``
a folder); several, ``-o`` is a folder; without ``-o`` the .docx is written beside the draft
(草稿.docx -> 草稿-排版.docx; 草稿.txt -> 草稿.docx).  ``--yaml`` follows the same rules for the YAML.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import print_diagnostics, stopped
from .render import _is_dir_arg, _make_dir
from .zh import Command


def _date(ctx, param, value):
    if value is None:
        return None
    from ..formatting import parse_date_option

    try:
        return parse_date_option(value)
    except ValueError as e:
        raise click.BadParameter(f"“{value}”：{e}")


def _kind(ctx, param, value):
    if value is None:
        return None
    from ..diagnostics import DrafterError
    from ..kinds import get_kind

    try:
        return get_kind(value).id
    except DrafterError as e:
        raise click.BadParameter(e.diagnostic.message)


@click.command("format", cls=Command, help="把在 Word/WPS 中写好的稿子（.docx；也可以是 .txt/.md）一步排成符合 GB/T 9704-2012 的"
                              " Word 文件：适用于法治政府建设年度情况报告，也适用于通知、请示、函、决定等任何公文。\n\n"
                              "原文的文字一字不改（序号按层次重新编排；空行、行首空格、把署名推到右边的空格等排版用的空白去掉；"
                              "成文日期按标准写法排出），列出与 drafter check 相同的检查意见；原文缺少的部分按“省略”处理并在警告中写明，"
                              "不会因为内容问题而不生成。\n\n"
                              "例：drafter format 草稿.docx -o 成稿.docx\n\n"
                              "    drafter format 通知.docx --header 文件 --number 云政办发〔2025〕3号 --fix --yaml 通知.yaml")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, readable=False), metavar="草稿.docx...")
@click.option("-o", "--output", type=click.Path(), metavar="文件或文件夹/",
              help="输出的 .docx 文件名；以 / 结尾时为文件夹（多个输入时必须是文件夹）。默认：草稿.docx → 草稿-排版.docx")
@click.option("--header", type=click.Choice(["函", "文件", "无"]), default=None,
              help="版头：函（信函格式）、文件（红头文件）、无；默认按原稿")
@click.option("--number", default=None, metavar="发文字号", help="发文字号，如 云政办发〔2025〕3号")
@click.option("--to", "to", default=None, metavar="主送机关", help="主送机关，几个机关用“，”或“、”隔开")
@click.option("--date", default=None, callback=_date, metavar="成文日期", help="成文日期，如 2025年1月5日 或 2025-1-5")
@click.option("--org", default=None, metavar="发文机关", help="发文机关全称（原稿中没有或要改写时），如 云溪县司法局")
@click.option("--fix", is_flag=True, help="同时修正可安全修正的字符（半角标点、直引号、汉字间空格、发文字号的〔〕等），并列出修正了哪些")
@click.option("--yaml", "yaml_out", type=click.Path(), default=None, metavar="文件.yaml",
              help="同时写出所用的 YAML，可接着用 drafter check/render（多个输入时为文件夹）")
@click.option("--kind", default=None, callback=_kind, metavar="类型",
              help="按哪类文件排版：法治政府建设年度情况报告 或 通用公文（默认按原稿判断）")
@click.option("--pdf", is_flag=True, help="同时用 LibreOffice 生成 PDF")
@click.option("-f", "--force", is_flag=True, help="输出文件已存在时覆盖它")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="多个输入时同时运行的进程数（默认每个 CPU 一个；1 为不并行）")
def cmd(files, output, header, number, to, date, org, fix, yaml_out, kind, pdf, force, jobs):
    from ..diagnostics import DrafterError
    from ..formatting import Options, split_names

    options = Options(header=header, number=number, to=split_names(to) if to else [], date=date, fix=fix, kind=kind,
                      org=org.strip() if org and org.strip() else None)
    if to is not None and not options.to:
        raise click.BadParameter("主送机关不能为空", param_hint="--to")
    try:
        if len(files) == 1:
            out = output
            if output is not None and _is_dir_arg(output):
                out = str(_make_dir(output) / (Path(files[0]).stem + ".docx"))
            yml = yaml_out
            if yaml_out is not None and _is_dir_arg(yaml_out):
                yml = str(_make_dir(yaml_out) / (Path(out or files[0]).stem + ".yaml"))
            _single(files[0], out, yml, options, force, pdf, output is not None)
            return
        outdir = ydir = None
        for opt, value in (("-o", output), ("--yaml", yaml_out)):
            if value is not None and not (_is_dir_arg(value) or Path(value).is_dir()):
                raise DrafterError("FZ057", f"有 {len(files)} 个输入文件，{opt} 应指定一个文件夹（以 / 结尾，如 {opt} 输出/），"
                                            f"而“{value}”不是文件夹", file=value)
        if output is not None:
            outdir = _make_dir(output)
        if yaml_out is not None:
            ydir = _make_dir(yaml_out)
    except DrafterError as e:
        print_diagnostics(e.diagnostics, err=True)
        sys.exit(1)
    _batch(files, outdir, ydir, options, force, pdf, jobs)


def _report(o, err_only: bool = False) -> None:
    """What one draft gave: how it was read, what to check, what was fixed, the findings."""
    from ..diagnostics import ERROR, WARNING

    click.echo(f"{o.src}：按“{o.kind}”排版（{o.kind_why}）。", err=True)
    if o.notes:
        click.echo("请核对：", err=True)
        for n in o.notes:
            click.echo(f"  {n}", err=True)
    if o.fixed:
        click.echo(f"已修正（--fix）{len(o.fixed)} 处文字：", err=True)
        for line in o.fixed:
            click.echo(f"  {line}", err=True)
    print_diagnostics(o.diagnostics, err=True)
    e = sum(d.severity == ERROR for d in o.diagnostics)
    w = sum(d.severity == WARNING for d in o.diagnostics)
    if e or w:
        click.echo(f"检查：{e} 个错误，{w} 个警告（已照样排版；改正原稿后重新运行，或用 --yaml 写出 YAML 接着改）。", err=True)
    else:
        click.echo("检查：没有发现问题。", err=True)


def _single(file, output, yaml_out, options, force, pdf, out_typed):
    from ..formatting import format_one

    o = format_one(file, output, yaml_out, options, force, pdf, out_typed)
    if not o.ok:
        print_diagnostics(o.error, err=True)
        sys.exit(1)
    _report(o)
    click.echo(f"已生成：{o.docx}")
    if o.pdf:
        click.echo(f"已生成：{o.pdf}")
    if o.yaml:
        click.echo(f"已生成：{o.yaml}（可接着用 drafter check / drafter render）")


def _batch(files, outdir, ydir, options, force, pdf, jobs):
    from ..batch import Interrupted
    from ..formatting import format_many

    try:
        res = format_many(files, outdir, ydir, options=options, jobs=jobs or None, force=force, pdf=pdf)
    except Interrupted as e:
        stopped(e)
    for n in res.notices:
        click.echo(n, err=True)
    for o in res.outcomes:
        if o.ok:
            _report(o)
        else:
            print_diagnostics(o.error, err=True)
    for o in res.outcomes:
        for f in (o.docx, o.pdf, o.yaml):
            if f:
                click.echo(f"已生成：{f}")
    bad = [o for o in res.outcomes if not o.ok]
    procs = f"，{res.jobs} 个进程" if res.jobs > 1 else ""
    click.echo(f"共 {len(res.outcomes)} 个文件：已排版 {len(res.outcomes) - len(bad)} 个"
               + (f"，失败 {len(bad)} 个" if bad else "") + f"（用时 {res.seconds:.1f} 秒{procs}）。", err=True)
    if bad:
        click.echo("失败的文件：", err=True)
        for o in bad:
            first = o.error[0] if o.error else None
            click.echo(f"  {o.src}：{first.code + ' ' + first.message if first else '未生成'}", err=True)
    sys.exit(0 if res.ok else 1)
