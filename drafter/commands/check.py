from __future__ import annotations

import sys

import click

from .common import files_with_errors, print_diagnostics, summary, split_codes
from .zh import Command


@click.command("check", cls=Command, help="检查报告 YAML：结构、内容、年份、标点，指出文件中的行号。\n\n"
                             "退出码：0 没有错误；1 有错误（加 --strict 时警告也算）。\n\n"
                             "--fix 自动修正标为 [可修正] 的问题（全角标点、引号、汉字间空格、发文字号的〔〕、主送和标题末尾多余的标点、"
                             "看不见的字符、“键：值”的全角冒号或漏写的冒号、“-标题”少的空格、顶格粘贴到 | 块中的段落），"
                             "只改这些字符，注释和格式不变，原文件备份为 文件名.bak；"
                             "--diff 只显示将要做的修改，不写文件（有可修正的问题，或文件读不出时，退出码为 1）。")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, readable=False),
                metavar="报告.yaml...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", help="输出格式")
@click.option("--strict", is_flag=True, help="警告也按错误处理（退出码 1）")
@click.option("--select", multiple=True, metavar="代码",
              help="只看这些规则的警告，如 --select FZ3,FZ401（错误总会列出）")
@click.option("--ignore", multiple=True, metavar="代码",
              help="不看这些规则的警告，如 --ignore FZ401（错误要写完整代码才不列出，并有提示 FZ036）")
@click.option("--fix", is_flag=True, help="自动修正可安全修正的问题，写回文件（原文件备份为 .bak）")
@click.option("--diff", is_flag=True, help="显示 --fix 将做的修改（统一差异格式），不写文件")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, metavar="N",
              help="多个文件时同时运行的进程数（默认每个 CPU 一个；1 为不并行）")
@click.option("--previous", type=click.Path(dir_okay=False, readable=False), default=None, metavar="上年报告",
              help="与上一年度的报告（.yaml、.docx 或 .txt）比较，逐段指出照抄上年的段落；"
                   "YAML 中写了“上一年度”时自动比较")
def cmd(files, fmt, strict, select, ignore, fix, diff, jobs, previous):
    from ..diagnostics import ERROR, WARNING, DrafterError

    if previous is not None and len(files) > 1:
        raise click.UsageError("--previous 只能和一个报告一起用；几份报告各自与上年比较时，在每份 YAML 中写“上一年度: 文件名”")
    select, ignore = split_codes(select), split_codes(ignore)
    if select or ignore:
        from ..rules import unknown_patterns

        bad = unknown_patterns(select + ignore)
        if bad:
            raise click.UsageError(f"没有这样的规则代码：{'、'.join(bad)}；全部代码见 drafter rules")
    all_diags = []
    would_change = False
    if not (fix or diff):      # a batch: several files are checked in parallel processes
        from ..batch import check_many

        results = check_many(list(files), jobs or None, select, ignore, keep_loaded=False, previous=previous)
        all_diags = [d for r in results for d in r.diagnostics]
        carried = [(f, r) for f, r in zip(files, results) if r.carryover is not None]
    else:
        from ..fix import fix_file

        carried = []
        for f in files:  # --fix/--diff write files: one at a time
            try:
                res = fix_file(f, select, ignore, write=not diff, previous=previous)
            except DrafterError as e:
                print_diagnostics(e.diagnostics, err=True)
                sys.exit(1)
            if diff:
                would_change |= res.changed or (res.check is not None and res.check.loaded.report is None)
                if res.changed:
                    click.echo(res.diff(), nl=False)
                if res.check is not None:         # what --fix would leave: the same list check gives, less the fixes
                    print_diagnostics(res.check.diagnostics, err=True)
                _report_fix(res, f, wrote=False)
                continue
            _report_fix(res, f, wrote=True)
            all_diags += res.check.diagnostics
            if res.check.carryover is not None:
                carried.append((f, res.check))
    if diff:
        sys.exit(1 if would_change else 0)
    if fmt == "json":
        print_diagnostics(all_diags, "json")
    else:
        print_diagnostics(all_diags)
        click.echo(summary(all_diags, len(files)))
        if len(files) > 1:
            for line in files_with_errors(all_diags):
                click.echo(line)
        for f, r in carried:          # what was carried over from last year: one line a file
            click.echo((f"{f}：" if len(files) > 1 else "") + r.carryover.summary(r.previous))
    bad = any(d.severity == ERROR or (strict and d.severity == WARNING) for d in all_diags)
    sys.exit(1 if bad else 0)


def _report_fix(res, name, wrote: bool) -> None:
    """One line per file on stderr: what was (or would be) fixed; one line per fix left undone."""
    if res.changed:
        per = "，".join(f"{code} ×{n}" for code, n in sorted(res.counts().items()))
        if wrote:
            click.echo(f"{name}：已自动修正 {len(res.applied)} 条问题中的 {res.edits} 处（{per}），"
                       f"原文件已备份为 {res.backup}", err=True)
        else:
            click.echo(f"{name}：--fix 将修正 {len(res.applied)} 条问题中的 {res.edits} 处（{per}），未写入文件", err=True)
    elif res.check is not None and res.check.loaded.report is not None and not res.skipped:
        click.echo(f"{name}：没有可自动修正的问题", err=True)
    if res.check is not None and res.check.loaded.source is None and \
            any(d.code[:4] in ("FZ01", "FZ02") and d.code != "FZ017"        # not: missing, binary, a text
                for d in res.check.diagnostics):
        click.echo(f"{name}：文件的写法有错误，读不出报告内容，--fix 无法修正其余的问题；"
                   "请先改正列出的错误，再运行 drafter check --fix", err=True)
    elif res.check is not None and res.check.errors:
        n = len(res.check.errors)
        done = "修正后" if res.changed else ""
        click.echo(f"{name}：{done}还有 {n} 个错误需要手工改正，"
                   "--fix 不会改动这些内容", err=True)
    for d, why in res.skipped:
        loc = f"{d.file}:{d.line}:{d.col}" if d.line else (d.file or name)
        click.echo(f"{loc}: 提示 {d.code} 未自动修正：{why}", err=True)
