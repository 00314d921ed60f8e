"""Report -> the YAML a clerk edits: Chinese keys, ``|`` blocks for paragraphs, comments where the
importer wants a second look, and the yaml-language-server schema line on top.

Written by hand: PyYAML's emitter cannot place comments.  Every scalar is written in a style that
reads back as exactly the same value (plain when nothing in it means something to YAML, a ``|``
block for paragraphs, double quotes with escapes otherwise); ``drafter.importer`` checks the result
by loading it again through ``drafter.loader``.
"""
from __future__ import annotations

import datetime as _dt
import re

from pydantic import BaseModel

from ..model import Report, Section, Subsection

INDENT = "  "
# what PyYAML's reader accepts, minus the characters YAML treats as line breaks
_PRINTABLE = re.compile("^[\x09\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*$")
_PLAIN_START_BAD = set("-?:,[]{}#&*!|>'\"%@`")
_PLAIN_BAD = re.compile(r":[ \t]|:$| #|\t")
_FLOW_BAD = re.compile(r"[\[\]{},]")
_RESOLVES = re.compile(   # values YAML 1.1 would read as something other than text
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N"
    r"|[-+]?[0-9_.]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0[xob][0-9a-fA-F_]+"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|\d{4}-\d{1,2}-\d{1,2}.*|<<|=)$")

# fields written even when they hold the default, so the clerk sees them
_ALWAYS = {Report: {"org", "year", "header", "sections", "closing"}, Section: {"content"},
           Subsection: {"heading", "content"}}
_BLANK_BEFORE = {"intro", "sections", "closing", "omitted_parts", "layout", "checks"}
_CLIPPED = {"intro", "title"}       # the model strips these: a "|" block's final newline is harmless


_UNPRINTABLE_CHAR = re.compile("[^\x09\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def comment_text(s: str) -> str:
    """A comment line cannot escape anything: characters YAML refuses are shown as \\uXXXX."""
    return _UNPRINTABLE_CHAR.sub(lambda m: f"\\u{ord(m.group()):04x}", s)


def plain_ok(s: str) -> bool:
    if not s or s != s.strip(" \t\u3000") or "\n" in s:
        return False
    if s[0] in _PLAIN_START_BAD or _PLAIN_BAD.search(s) or _RESOLVES.match(s):
        return False
    return bool(_PRINTABLE.match(s))


def quote(s: str) -> str:
    """A double-quoted YAML scalar holding exactly ``s``."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif (o < 0x20 or 0x7f <= o <= 0x9f or 0x2028 <= o <= 0x2029 or 0xd800 <= o <= 0xdfff
              or o in (0xfeff, 0xfffe, 0xffff)):
            out.append(f"\\u{o:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _block_ok(body: str) -> bool:
    if not body or not _PRINTABLE.match(body.replace("\n", "")):
        return False
    return all(ln and ln[0] not in " \t" and ln == ln.rstrip(" \t") for ln in body.split("\n"))


def scalar(value, indent: str, *, block: bool = False, clipped: bool = False) -> tuple[str, list[str]]:
    """(what follows "key: " or "- ", continuation lines) for one value."""
    if isinstance(value, bool):
        return ("是" if value else "否"), []
    if isinstance(value, int):
        return str(value), []
    if isinstance(value, _dt.date):
        return f"{value.year}年{value.month}月{value.day}日", []
    s = str(value)
    if block or "\n" in s:
        if s.endswith("\n") and _block_ok(s[:-1]):
            return "|", [indent + ln for ln in s[:-1].split("\n")]
        if not s.endswith("\n") and _block_ok(s):
            return ("|" if clipped else "|-"), [indent + ln for ln in s.split("\n")]
    if plain_ok(s):
        return s, []
    return quote(s), []


def _written(obj: BaseModel, name: str, value) -> bool:
    if name in _ALWAYS.get(type(obj), ()):
        return value is not None           # (结束语 left out: the kind's own, as in a clerk's YAML)
    default = type(obj).model_fields[name].get_default(call_default_factory=True)
    return value != default and value not in (None, [], {})


class Writer:
    def __init__(self, comments: dict[tuple, list[str]] | None = None):
        self.comments = comments or {}
        self.lines: list[str] = []

    def comment(self, path: tuple, indent: str) -> None:
        for c in self.comments.get(path, []):
            for ln in c.split("\n"):
                self.lines.append(f"{indent}# {comment_text(ln)}".rstrip())

    def mapping(self, obj: BaseModel, indent: str, path: tuple, top: bool = False) -> None:
        for name, f in type(obj).model_fields.items():
            value = getattr(obj, name)
            if not _written(obj, name, value) and (path + (name,)) not in self.comments:
                continue            # (a field the importer comments on is written even when at its default)
            if top and name in _BLANK_BEFORE and self.lines:
                self.lines.append("")
            self.field(f.alias or name, value, indent, path + (name,), name)

    def field(self, key: str, value, indent: str, path: tuple, name: str) -> None:
        self.comment(path, indent)
        if isinstance(value, BaseModel):
            self.lines.append(f"{indent}{key}:")
            self.mapping(value, indent + INDENT, path)
        elif isinstance(value, dict):
            self.lines.append(f"{indent}{key}:")
            for k, v in value.items():
                self.field(str(k) if plain_ok(str(k)) else quote(str(k)), v, indent + INDENT, path + (k,), "")
        elif isinstance(value, list) and name == "parts":
            flow = [x if plain_ok(x) and not _FLOW_BAD.search(x) else quote(x) for x in value]
            self.lines.append(f"{indent}{key}: {flow[0] if len(flow) == 1 else '[' + ', '.join(flow) + ']'}")
        elif isinstance(value, list) and not value:
            self.lines.append(f"{indent}{key}: []")
        elif isinstance(value, list) and name == "flag" and len(value) == 1:
            head, more = scalar(value[0], indent + INDENT)      # one organ's 标志: a line, as usually written
            self.lines.append(f"{indent}{key}: {head}")
            self.lines.extend(more)
        elif isinstance(value, list):
            self.lines.append(f"{indent}{key}:")
            self.sequence(value, indent + INDENT, path)
        else:
            head, more = scalar(value, indent + INDENT, block=name in _CLIPPED and name != "title",
                                clipped=name in _CLIPPED)
            self.lines.append(f"{indent}{key}: {head}")
            self.lines.extend(more)

    def sequence(self, items: list, indent: str, path: tuple) -> None:
        for k, item in enumerate(items):
            p = path + (k,)
            self.comment(p, indent)
            if isinstance(item, BaseModel):
                sub = Writer(self.comments)
                sub.mapping(item, indent + INDENT, p)
                # comments on the item's first key go above the dash; its first key follows the dash
                n = next(i for i, ln in enumerate(sub.lines) if not ln.lstrip().startswith("#"))
                self.lines.extend(indent + ln.lstrip() for ln in sub.lines[:n])
                self.lines.append(f"{indent}- {sub.lines[n][len(indent) + len(INDENT):]}")
                self.lines.extend(sub.lines[n + 1:])
            elif isinstance(item, list):              # a table's row: its cells in one flow list
                cells = [x if plain_ok(x) and not _FLOW_BAD.search(x) else quote(x) for x in map(str, item)]
                self.lines.append(f"{indent}- [{', '.join(cells)}]")
            else:
                head, more = scalar(item, indent + INDENT * 2)
                self.lines.append(f"{indent}- {head}")
                self.lines.extend(more)


def dump(report: Report, comments: dict[tuple, list[str]] | None = None, header: list[str] | None = None,
         schema_line: str | None = None) -> str:
    w = Writer(comments)
    if schema_line:
        w.lines.append(schema_line)
    w.lines.extend(f"# {comment_text(ln)}".rstrip() for h in header or [] for ln in h.split("\n"))
    w.mapping(report, "", (), top=True)
    return "\n".join(w.lines) + "\n"
