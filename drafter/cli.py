"""Command line.  Subcommands are imported only when run, so ``drafter --help`` stays fast."""
from __future__ import annotations

import importlib
import os
import sys

import click

COMMANDS = {
    "new": ("drafter.commands.new", "生成一份待填写的报告 YAML 模板"),
    "check": ("drafter.commands.check", "检查报告 YAML：结构、内容、年份、标点，指出文件中的行号"),
    "render": ("drafter.commands.render", "把报告 YAML 生成符合 GB/T 9704-2012 的 Word 文件（.docx）"),
    "import": ("drafter.commands.import_", "把往年的报告（.docx/.txt/.md）转换为 drafter 的 YAML"),
    "inspect": ("drafter.commands.inspect", "按 GB/T 9704-2012 审查任意 .docx 文件的格式"),
    "rules": ("drafter.commands.rules", "列出全部检查规则及其代码"),
    "fonts": ("drafter.commands.fonts", "列出报告所用字体，以及本机缺少哪些、LibreOffice 用什么代替"),
    "schema": ("drafter.commands.schema", "生成报告 YAML 的 JSON Schema（供编辑器自动补全）"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        mod = importlib.import_module(COMMANDS[name][0])
        return mod.cmd

    def format_commands(self, ctx, formatter):
        rows = [(name, help_) for name, (_, help_) in COMMANDS.items()]
        with formatter.section("命令"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="drafter", message="drafter %(version)s")
def cli():
    """drafter：法治政府建设年度情况报告起草助手。

    填写 YAML → drafter check 检查 → drafter render 生成符合 GB/T 9704-2012 的 .docx。
    """


def main(argv=None):
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
    try:
        cli.main(args=argv, prog_name="drafter", standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.exceptions.Abort:
        click.echo(_INTERRUPTED, err=True)  # click turns Ctrl-C into Abort
        sys.exit(130)
    except click.ClickException as e:
        click.echo(f"用法错误：{_zh_click(e)}（用 drafter --help 查看用法）", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        click.echo(_INTERRUPTED, err=True)
        sys.exit(130)
    except SystemExit:
        raise
    except BaseException as e:  # noqa: BLE001 - the clerk never sees a traceback
        from .diagnostics import DrafterError

        if isinstance(e, DrafterError):
            click.echo(e.diagnostic.format(), err=True)
            sys.exit(1)
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        click.echo(f"drafter 内部错误（{type(e).__name__}: {e}）。输入文件未改动；"
                   "请把这条信息和所用的文件发给维护人员。", err=True)
        sys.exit(3)


_INTERRUPTED = "已中断。drafter 不会留下写了一半的文件：原有文件保持不变（或已被完整的新文件替换）。"


def _zh_click(e: click.ClickException) -> str:
    msg = e.format_message()
    if isinstance(e, click.exceptions.NoSuchOption):
        return f"没有选项 {e.option_name}"
    if isinstance(e, click.exceptions.MissingParameter):
        return f"缺少参数 {e.param.name if e.param else ''}".strip()
    if isinstance(e, click.exceptions.BadParameter):
        return f"参数不正确：{msg}"
    if isinstance(e, click.exceptions.UsageError) and "No such command" in msg:
        return f"没有这个命令：{msg.split(chr(39))[1] if chr(39) in msg else msg}"
    return msg
