from __future__ import annotations

import json
import sys

import click

from .common import split_codes
from .zh import Command


@click.command("inspect", cls=Command, help="按 GB/T 9704-2012《党政机关公文格式》审查任意 .docx 文件（Word、WPS 或 drafter 生成的）：\n\n"
                               "纸张与版心、每面 22 行每行 28 字、字体字号、层次序号、版头、主送机关、署名和成文日期、附注、"
                               "版记、页码，以及标点、年份等内容问题。每条提示给出段落序号（从文件开头数起，空行和表格中的段落也算）"
                               "和段首文字、应为和实际的值。\n\n"
                               "退出码：0 没有错误；1 有错误（加 --strict 时警告也算）。")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True, readable=False), metavar="文件.docx...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式")
@click.option("--pdf", is_flag=True, help="再用 LibreOffice 排版并测量（每页行数、每行字数、页边、页码位置）")
@click.option("--strict", is_flag=True, help="警告也按错误处理（退出码 1）")
@click.option("--select", multiple=True, metavar="代码", help="只报告这些代码，如 --select GB1,GB601")
@click.option("--ignore", multiple=True, metavar="代码", help="不报告这些代码，如 --ignore GB201,FZ401")
@click.option("--codes", "list_codes", is_flag=True, help="列出全部检查代码后退出")
@click.option("--previous", type=click.Path(dir_okay=False, readable=False), default=None, metavar="上年报告",
              help="与上一年度的报告（.docx、.txt 或 .yaml）比较，逐段指出照抄上年的段落（FZ901–FZ904）")
def cmd(files, fmt, pdf, strict, select, ignore, list_codes, previous):
    from ..diagnostics import ERROR, WARNING, DrafterError, SEVERITY_ZH
    from ..inspect import CODES, inspect_file

    from ..rules import load_all

    content = {code: (r.severity, r.summary) for code, r in load_all().items()}   # the text checks (FZ)
    if list_codes:
        if fmt == "json":
            click.echo(json.dumps([{"code": k, "severity": s, "summary": t}
                                   for k, (s, t) in (CODES | content).items()], ensure_ascii=False, indent=1))
        else:
            for k, (s, t) in CODES.items():
                click.echo(f"{k}  {SEVERITY_ZH[s]}  {t}")
            click.echo("文字内容的检查（与 drafter check 相同）：")
            for k, (s, t) in content.items():
                click.echo(f"{k}  {SEVERITY_ZH[s]}  {t}")
        return
    bad = [x for x in split_codes(select) + split_codes(ignore)
           if not any(k.startswith(x.strip().upper()) for k in (*CODES, *content))]
    if bad:
        raise click.UsageError(f"没有这样的检查代码：{'、'.join(bad)}；全部代码见 drafter inspect --codes")
    if not files:
        raise click.UsageError("缺少要处理的文件：请在命令后写出要审查的 .docx 文件，如 drafter inspect 报告.docx")
    if previous is not None and len(files) > 1:
        raise click.UsageError("--previous 只能和一个文件一起用：drafter inspect 今年.docx --previous 去年.docx")
    results, failed = [], []
    for f in files:
        try:
            results.append(inspect_file(f, pdf=pdf, select=split_codes(select), ignore=split_codes(ignore)))
        except DrafterError as e:
            failed.append(e.diagnostic)
    findings = [x for r in results for x in r.findings]
    carried, carryover, prev_name = [], None, None
    if previous is not None and results:
        from ..carryover import compare_files

        try:
            carried, carryover, prev_name = compare_files(files[0], previous, split_codes(select), split_codes(ignore))
        except DrafterError as e:
            failed.append(e.diagnostic)
    if fmt == "json":
        out = [x.to_json() for x in findings]
        out += [dict(d.to_json(), where=None, paragraph=None, paragraphs=[], excerpt=None, place=None, page=None,
                     expected=None, found=None) for d in failed]
        out += [dict(d.to_json(), paragraph=None, paragraphs=[], excerpt=None, place=None, page=None,
                     expected=None, found=None) for d in carried]
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for r in results:
            for x in r.findings:
                click.echo(x.format())
            for note in r.notes:
                click.echo(f"{r.file}: {note}", err=True)
        for d in carried:
            click.echo(d.format())
        for d in failed:
            click.echo(d.format(), err=True)
        e = sum(x.severity == ERROR for x in findings) + len(failed)
        w = sum(x.severity == WARNING for x in findings) + len(carried)
        head = f"审查了 {len(files)} 个文件：" if len(files) > 1 else ""
        if not e and not w:
            click.echo(f"{head}没有发现不符合 GB/T 9704 的问题。")
        else:
            click.echo(f"{head}{e} 个错误，{w} 个警告。")
        if carryover is not None:
            click.echo(carryover.summary(prev_name))
    bad = failed or any(x.severity == ERROR or (strict and x.severity == WARNING) for x in findings) or \
        strict and carried
    sys.exit(1 if bad else 0)
