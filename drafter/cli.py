"""Command line.  Subcommands are imported only when run, so ``drafter --help`` stays fast."""
from __future__ import annotations

import importlib
import os
import re
import sys

import click

from .commands.zh import SUBCOMMAND, VERSION, Group

COMMANDS = {
    "new": ("drafter.commands.new", "生成一份待填写的报告 YAML 模板"),
    "check": ("drafter.commands.check", "检查报告 YAML：结构、内容、年份、标点，指出文件中的行号"),
    "render": ("drafter.commands.render", "把报告 YAML 生成符合 GB/T 9704-2012 的 Word 文件（.docx）"),
    "format": ("drafter.commands.format", "把在 Word/WPS 中写好的稿子一步排成符合 GB/T 9704-2012 的 Word 文件（报告、通知、请示、函……）"),
    "import": ("drafter.commands.import_", "把往年的报告（.docx/.txt/.md）转换为 drafter 的 YAML"),
    "inspect": ("drafter.commands.inspect", "按 GB/T 9704-2012 审查任意 .docx 文件的格式"),
    "review": ("drafter.commands.review", "审查一个区县收到的全部报告，汇总为一页（HTML、CSV 或 JSON）"),
    "rules": ("drafter.commands.rules", "列出全部检查规则及其代码"),
    "fonts": ("drafter.commands.fonts", "列出报告所用字体，以及本机缺少哪些、LibreOffice 用什么代替"),
    "schema": ("drafter.commands.schema", "生成报告 YAML 的 JSON Schema（供编辑器自动补全）"),
}


class LazyGroup(Group):
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


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]}, subcommand_metavar=SUBCOMMAND)
@click.version_option(package_name="drafter", message="drafter %(version)s", help=VERSION)
def cli():
    """drafter：法治政府建设年度情况报告起草助手。

    填写 YAML → drafter check 检查 → drafter render 生成符合 GB/T 9704-2012 的 .docx。

    已在 Word/WPS 中写好的稿子（报告、通知、请示、函……）：drafter format 草稿.docx 一步排版。
    """


_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_pydantic_plugin_discovery() -> None:
    """drafter uses no pydantic plugins, but pydantic looks for them when it builds the report model:
    that imports importlib.metadata and reads every installed package's entry points, ~15 ms of a
    ~250 ms `drafter check`.  In the drafter command (not when drafter is used as a library) pydantic
    is told there are none, unless PYDANTIC_DISABLE_PLUGINS names particular plugins to leave out
    (then the user wants the others).  A pydantic that asks its loader for anything but
    get_plugins() gets its real loader."""
    import types

    if _PLUGIN_LOADER in sys.modules or os.environ.get("PYDANTIC_DISABLE_PLUGINS", "__all__") not in (
            "__all__", "1", "true"):
        return
    stub = types.ModuleType(_PLUGIN_LOADER, "drafter: no pydantic plugins (see drafter.cli)")
    stub.get_plugins = lambda: ()

    def real(name):
        if name.startswith("__"):           # the import system probing (__path__ …)
            raise AttributeError(name)
        if sys.modules.get(_PLUGIN_LOADER) is stub:
            del sys.modules[_PLUGIN_LOADER]
        return getattr(importlib.import_module(_PLUGIN_LOADER), name)

    stub.__getattr__ = real
    sys.modules[_PLUGIN_LOADER] = stub


def main(argv=None):
    # A command is short-lived: no cyclic garbage collection while it imports ~1000 modules' worth of
    # objects (~3% of a run).  Batches turn it back on (drafter.batch.run_jobs).
    import gc

    gc.disable()
    _no_pydantic_plugin_discovery()
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
        ctx = getattr(e, "ctx", None)            # the subcommand the mistake was made in, if known
        where = ctx.command_path if ctx is not None and ctx.command_path else "drafter"
        click.echo(f"用法错误：{_zh_click(e)}（用 {where} --help 查看用法）", err=True)
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


def run() -> None:
    """The ``drafter`` command (console script and ``python -m drafter``): main(), then exit without
    tearing down the interpreter.

    By the time main() returns, everything a command writes is complete on disk (outputs go through
    drafter.atomic; LibreOffice and batch workers have been waited for).  Python's teardown after
    that — freeing ~300 imported modules and a last garbage collection — changes nothing and is
    ~30 ms of a 0.25 s ``drafter render`` (issue 7).  atexit callbacks still run and stdout/stderr
    are flushed first (a reader that has gone away, as in ``drafter rules | head -3``, loses the
    rest quietly).  main() itself exits normally, for callers that import drafter."""
    import atexit

    try:
        main()
        code = 0
    except SystemExit as e:
        code = e.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    run_exitfuncs = getattr(atexit, "_run_exitfuncs", None)
    if run_exitfuncs is None:          # not CPython: let the interpreter finish as usual
        sys.exit(code)
    run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader closed the pipe, or the stream is closed
            pass
    os._exit(code)


_INTERRUPTED = "已中断。drafter 不会留下写了一半的文件：原有文件保持不变（或已被完整的新文件替换）。"


_EXAMPLE_FILE = {"import": "往年报告.docx", "inspect": "报告.docx", "review": "各镇街/", "format": "草稿.docx"}   # for "缺少要处理的文件" (others: 报告.yaml)


def _zh_click(e: click.ClickException) -> str:
    msg = e.format_message()
    if isinstance(e, click.exceptions.NoSuchOption):
        return f"没有选项 {e.option_name}"
    if isinstance(e, click.exceptions.MissingParameter):
        if e.param is not None and e.param.param_type_name == "argument":   # FILE, FILES, PATH
            sub = e.ctx.info_name if e.ctx is not None else "check"
            return f"缺少要处理的文件：请在命令后写出文件名，如 drafter {sub} {_EXAMPLE_FILE.get(sub, '报告.yaml')}"
        return f"缺少参数 {e.param.opts[0] if e.param is not None and e.param.opts else ''}".strip()
    if isinstance(e, click.exceptions.BadParameter):
        p = e.param
        if p is not None and p.param_type_name == "option" and p.opts:
            return f"参数 {p.opts[0]} 不正确：{_zh_detail(e.message)}"
        return _zh_detail(e.message)        # a file argument: its metavar (FILE, PATH) means nothing to a clerk
    if isinstance(e, click.exceptions.BadOptionUsage) and "requires an argument" in msg:
        return f"选项 {e.option_name} 后面要写一个值"
    if isinstance(e, click.exceptions.UsageError) and "No such command" in msg:
        return f"没有这个命令：{msg.split(chr(39))[1] if chr(39) in msg else msg}"
    m = re.match(r"Got unexpected extra arguments? \((.*)\)", msg)
    if m:
        return f"多余的参数：{m.group(1)}"
    return msg


_CLICK_DETAILS = [  # click's English reasons for a bad value -> Chinese
    (r"'(.*)' is not one of (.*)\.", lambda m: f"“{m[1]}”不是可选的值（可选：{m[2].replace(chr(39), '').replace(', ', '、')}）"),
    (r"'(.*)' is not a valid integer(?: range)?\.?", lambda m: f"“{m[1]}”不是整数"),
    (r"'(.*)' is not a valid float(?: range)?\.?", lambda m: f"“{m[1]}”不是数字"),
    (r"(.*) is not in the range (.*)\.", lambda m: f"“{m[1]}”超出范围（{_zh_range(m[2])}）"),
    (r"(?:File|Directory|Path) '(.*)' is a directory\.", lambda m: f"“{m[1]}”是一个文件夹，请指定文件"),
    (r"(?:File|Directory|Path) '(.*)' is a file\.", lambda m: f"“{m[1]}”是一个文件，请指定文件夹"),
    (r"(?:File|Directory|Path) '(.*)' does not exist\.", lambda m: f"找不到“{m[1]}”"),
    (r"(?:File|Directory|Path) '(.*)' is not readable\.", lambda m: f"没有权限读取“{m[1]}”"),
    (r"(?:File|Directory|Path) '(.*)' is not writable\.", lambda m: f"没有权限写入“{m[1]}”"),
]


_RANGE_WORDS = {">=": "不小于", ">": "大于", "<=": "不大于", "<": "小于"}


def _zh_range(text: str) -> str:
    """click's range ("x>=0", "1<=x<=8", "x>0") in words: 应不小于 0, 应在 1 到 8 之间."""
    m = re.fullmatch(r"(-?[\d.]+)(<=?)x(<=?)(-?[\d.]+)", text)
    if m:
        return f"应在 {m[1]} 到 {m[4]} 之间" + ("" if m[2] == m[3] == "<=" else "，不含端点")
    m = re.fullmatch(r"x(>=|>|<=|<)(-?[\d.]+)", text)
    return f"应{_RANGE_WORDS[m[1]]} {m[2]}" if m else text


def _zh_detail(text: str) -> str:
    for rx, fmt in _CLICK_DETAILS:
        m = re.fullmatch(rx, text.strip())
        if m:
            return fmt(m)
    return text
