"""click's own words in Chinese: the 用法/选项 headings, the --help and --version lines and the
placeholder for options.  The commands' texts are Chinese already; these come from click itself."""
from __future__ import annotations

import click

HELP = "显示此帮助并退出"
VERSION = "显示版本号并退出"
SUBCOMMAND = "命令 [参数]..."


def _width(text: str) -> int:
    """Columns on a terminal: a Chinese character takes two (click counts one), twice its 字."""
    from ..textutil import width_zi      # here: only help output needs it

    return round(2 * width_zi(text))


def _zh_extras(text: str) -> str:
    """click's bracketed notes after an option's help: [required] -> [必填], [x>=0] -> [不小于0]."""
    import re

    text = text.replace("[required]", "[必填]")
    return re.sub(r"\[x>=(-?\d+)\]", r"[不小于\1]", text)


_NO_LINE_START = "）。，、；：！？”’》」』〕)]"      # closing marks never begin a line
_NO_LINE_END = "（《“‘「『〔(["                      # nor opening marks end one


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` terminal columns; Chinese breaks anywhere, but not before a closing
    mark, a Latin word or number is not split, and a bracketed note ("[必填]") stays whole (click's
    wrap counts every character as one column)."""
    import re

    m = re.fullmatch(r"(.*?)(\s*\[[^\]]*\])?", text, re.S)
    body, note = m.group(1), (m.group(2) or "").strip()
    lines, line = [], ""
    for ch in body:
        if _width(line + ch) > width and line:
            cut = len(line)
            word = ch.isascii() and not ch.isspace() and line[-1].isascii() and not line[-1].isspace()
            if word:                                       # keep "-j 2", "drafter.toml" whole
                k = len(line)
                while k > 0 and line[k - 1].isascii() and not line[k - 1].isspace():
                    k -= 1
                cut = k if k > 0 else cut
            elif (ch in _NO_LINE_START or ch.isascii() and not ch.isspace() and not ch.isalnum()) and cut > 1:
                cut -= 1                                     # the mark's word goes down with it
                while cut > 1 and line[cut] in _NO_LINE_START:   # "设），": both marks and "设"
                    cut -= 1
                while cut > 1 and line[cut - 1].isascii() and not line[cut - 1].isspace() \
                        and not line[cut].isspace():        # ".bak）": the whole word, not "k）"
                    cut -= 1
            while cut > 1 and line[cut - 1] in _NO_LINE_END:
                cut -= 1
            lines.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
            if ch.isspace():
                continue
        line += ch
    if line.strip():
        lines.append(line.rstrip())
    if note:
        if lines and _width(lines[-1] + "  " + note) <= width:
            lines[-1] += "  " + note
        else:
            lines.append(note)
    return lines


class _Formatter(click.HelpFormatter):
    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        """click's definition list, aligned by display width (metavars such as 报告.yaml)."""
        rows = list(rows)
        first_col = min(max((_width(a) for a, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - _width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = _wrap(_zh_extras(second), max(self.width - first_col - 2, 10)) or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")

    def write_text(self, text: str) -> None:
        """A command's description: each paragraph wrapped by display width (click wraps at spaces,
        which Chinese text has few of, and runs lines past the terminal's edge)."""
        indent = " " * self.current_indent
        for k, para in enumerate(p for p in text.split("\n\n") if p.strip()):
            if k:
                self.write("\n")
            for line in _wrap(" ".join(para.split()), max(self.width - self.current_indent, 20)):
                self.write(f"{indent}{line}\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Chinese:
    context_class = _Context

    def get_help_option(self, ctx):
        opt = super().get_help_option(ctx)
        if opt is not None:
            opt.help = HELP
        return opt

    def collect_usage_pieces(self, ctx):
        return ["[选项]" if p == "[OPTIONS]" else p for p in super().collect_usage_pieces(ctx)]

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix="用法：")

    def format_options(self, ctx, formatter):
        rows = [row for p in self.get_params(ctx)
                if isinstance(p, click.Option) and (row := p.get_help_record(ctx)) is not None]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


class Command(_Chinese, click.Command):
    """A drafter subcommand: ``@click.command(..., cls=Command)``."""


class Group(_Chinese, click.Group):
    """The drafter command group."""
