"""Reading a clerk's YAML safely, keeping where every value came from.

bytes -> text (UTF-8 with/without BOM, GB18030 with a notice) -> YAML node tree (safe tags only,
no duplicate keys, bounded aliases and depth) -> plain Python data + a SourceMap from each
path (tuple of keys / indices) to its line and column.  Every failure is a DrafterError with a
Chinese message and a code; nothing here raises anything else.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import ERROR, INFO, Diagnostic, DrafterError
from .inputs import OLE_MAGIC, ZIP_MAGIC, input_file
from .textutil import XML_BAD as _XML_BAD
from .textutil import clip, line_joint, quote_arg

MAX_BYTES = 2 * 1024 * 1024       # real reports are 10–60 KB; 2 MB is far beyond any report
MAX_NODES = 50_000                # expanded nodes (defeats "billion laughs" alias bombs)
MAX_DEPTH = 40                    # nesting depth of mappings/sequences
MAX_CHARS = MAX_BYTES             # characters of all values after alias expansion (an alias-free file
                                  # cannot exceed its own length, so only alias bombs reach this)
_LINE_SEP = re.compile("[\x85\u2028\u2029]")
_YAML_BAD = re.compile("[\x7f-\x84\x86-\x9f]")    # DEL and the C1 controls: YAML refuses them

try:  # libyaml is much faster for large inputs; marks carry index/line/column either way
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _BaseLoader = yaml.SafeLoader


def load_data(text: str):
    """One of drafter's own data files (kind.yaml, typos.yaml) as Python data: what yaml.safe_load
    gives, through libyaml when present (~2 ms less than PyYAML's pure-Python parser)."""
    return yaml.load(text, Loader=_BaseLoader)

_SAFE_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
}


@dataclass
class Span:
    """Where one YAML value sits in the source text (line and column for messages, offsets for fixes)."""

    line: int          # 1-based
    col: int           # 1-based
    start: int         # character index into the source text
    end: int
    style: str | None  # scalar style: "" plain (None: not a scalar), "'" '"' "|" ">"


@dataclass
class SourceMap:
    """Where each value of the loaded data sits in the source file."""

    file: str
    text: str
    encoding: str = "utf-8"
    values: dict[tuple, Span] = field(default_factory=dict)
    keys: dict[tuple, Span] = field(default_factory=dict)
    renamed: dict[tuple, object] = field(default_factory=dict)  # normalised path -> key as written
    _unfolded: dict[int, list] = field(default_factory=dict, repr=False, compare=False)   # locate's cache

    def rename(self, new: tuple, raw_key: object) -> None:
        """Record that the last key of ``new`` (a normalised path) was written as ``raw_key``."""
        self.renamed[new] = raw_key

    def raw(self, path: tuple) -> tuple:
        """The path as written in the file, for a normalised path."""
        if not self.renamed:
            return path
        return tuple(self.renamed.get(path[: i + 1], part) for i, part in enumerate(path))

    def has(self, path: tuple) -> bool:
        p = self.raw(tuple(path))
        return p in self.values or p in self.keys

    def span(self, path: tuple) -> Span | None:
        p = self.raw(tuple(path))
        while p:
            if p in self.values:
                return self.values[p]
            if p in self.keys:
                return self.keys[p]
            p = p[:-1]
        return self.values.get(())

    def pos(self, path: tuple, *, key: bool = False) -> tuple[int | None, int | None]:
        p = self.raw(tuple(path))
        if key and p in self.keys:
            s = self.keys[p]
        else:
            s = self.span(p)
        return (s.line, s.col) if s else (None, None)

    def text_span(self, path: tuple) -> Span | None:
        """Where the string at ``path`` is written; a list of one item written as the item itself
        ("内容: 无" for "内容: [无]") is found at its list's place."""
        p = self.raw(tuple(path))
        s = self.values.get(p)
        if s is None and p and p[-1] == 0:
            parent = self.values.get(p[:-1])
            if parent is not None and parent.style is not None:       # a scalar where a list was due
                return parent
        return s

    def locate(self, path: tuple, offset: int) -> tuple[int | None, int | None]:
        """Line and column of character ``offset`` inside the string value at ``path``."""
        s = self.text_span(path)
        if s is None:
            return self.pos(path)
        raw = self.text[s.start:s.end]
        if is_unfolded(s, raw):
            where = self._unfolded.get(s.start)
            if where is None:          # a text with thousands of findings is unfolded once, not each time
                where = self._unfolded[s.start] = unfold(raw, s.style, s.start)[1]
            if not where:
                return s.line, s.col
            at = where[offset][0] if offset < len(where) else where[-1][1]
            at = line_col(self.text, at)
            return at["line"], at["col"]
        if s.style == "|":
            lines = raw.split("\n")
            body = lines[1:]
            indent = None
            for ln in body:
                if ln.strip():
                    indent = len(ln) - len(ln.lstrip(" "))
                    break
            indent = indent or 0
            remaining = offset
            for i, ln in enumerate(body):
                content = ln[indent:]
                if remaining <= len(content):
                    return s.line + 1 + i, indent + remaining + 1
                remaining -= len(content) + 1
            return s.line + 1, indent + 1
        # quoted scalar: the value starts after its quote; one folded over several source lines is
        # located approximately (YAML folding drops the continuation lines' indentation)
        shift = 1 if s.style in ("'", '"') else 0
        before = raw[shift:shift + offset]
        nl = before.count("\n")
        if not nl:
            return s.line, s.col + shift + offset
        return s.line + nl, len(before) - before.rfind("\n")


# ---------------------------------------------------------------------------------------------
def read_text(path: str | Path, display: str | None = None) -> tuple[str, str, list[Diagnostic]]:
    """Read a file as text.  Returns (text, encoding, notices)."""
    name = display or str(path)
    with input_file(path, name, "报告的 .yaml 文件") as (st, f):
        if st.st_size > MAX_BYTES:
            raise DrafterError("FZ003", f"文件过大（{st.st_size // 1024} KB），一份报告的 YAML 不应超过 "
                                        f"{MAX_BYTES // 1024 // 1024} MB，请检查是否选错了文件", file=name)
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # grew while we looked
        raise DrafterError("FZ003", f"文件过大，一份报告的 YAML 不应超过 {MAX_BYTES // 1024 // 1024} MB，"
                                    "请检查是否选错了文件", file=name)
    text, enc, notices = decode(data, name)
    return text, enc, notices


_SIGNATURES = (   # what a clerk may pick by mistake instead of the YAML: (magic, what it is, can import)
    (ZIP_MAGIC, "一个 Word 文件（.docx）或压缩包", True),
    (OLE_MAGIC, "一个旧版 Word 文件（.doc）", True),
    (b"{\\rtf", "一个 RTF 文件", True),
    (b"%PDF-", "一个 PDF 文件", True),
)


def _other_format(data: bytes, name: str) -> str | None:
    """Why ``data`` is not a YAML file and what to do instead, or None."""
    for (sig, what, importable), suffix in zip(_SIGNATURES, (".docx", ".doc", ".rtf", ".pdf")):
        if data.startswith(sig):
            renamed = Path(name).suffix.lower() in (".yaml", ".yml")
            real = str(Path(name).with_suffix(suffix)) if renamed else name
            todo = (f"要把往年的报告转成 YAML 请用 drafter import {quote_arg(real)}" if importable else
                    "drafter 不能读取 PDF；请找到原来的 Word 文件，用 drafter import 转成 YAML")
            if sig == ZIP_MAGIC:
                todo = f"要审查它的格式请用 drafter inspect，{todo}"
            if renamed:        # a document saved under a .yaml name: import goes by the extension
                todo = f"请先把文件名改为“{Path(real).name}”，{todo}"
            return f"这是{what}，不是报告 YAML；{todo}"
    return None


def decode(data: bytes, name: str) -> tuple[str, str, list[Diagnostic]]:
    notices: list[Diagnostic] = []
    if not data.strip():
        raise DrafterError("FZ007", "文件是空的，请先用 drafter new 生成模板再填写", file=name)
    other = _other_format(data, name)
    if other:
        raise DrafterError("FZ008", other, file=name)
    if data.startswith(codecs.BOM_UTF8):
        enc, body = "utf-8-sig", data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc, body = "utf-16", data
        notices.append(Diagnostic("FZ006", INFO, "文件是 UTF-16 编码（记事本的“Unicode”），已按 UTF-16 读取；"
                                                 "建议另存为 UTF-8", name))
    else:
        enc, body = "utf-8", data
    if enc != "utf-16" and b"\x00" in body[:4096] and body.count(b"\x00") > len(body) // 8:
        raise DrafterError("FZ004", "文件像是不带标记的 UTF-16 编码，无法可靠读取；请用记事本“另存为”，"
                                    "编码选“UTF-8”", file=name)
    try:
        text = body.decode(enc)
    except UnicodeDecodeError as e:
        if enc == "utf-8":
            try:
                text = body.decode("gb18030")
            except UnicodeDecodeError:
                raise DrafterError("FZ004", f"无法识别文件编码（第 {e.start + 1} 个字节不是 UTF-8，也不是 "
                                            "GBK/GB18030）；请用记事本“另存为”，编码选“UTF-8”", file=name)
            if not _plausible_gb(text):
                raise DrafterError("FZ004", "无法识别文件编码（不是 UTF-8，按 GBK 读出的是乱码）；"
                                            "请用记事本“另存为”，编码选“UTF-8”", file=name)
            enc = "gb18030"
            notices.append(Diagnostic("FZ005", INFO, "文件是 GBK/GB18030 编码（Windows 记事本常用），已按此读取；"
                                                     "建议另存为 UTF-8", name))
        else:         # a UTF-8 byte-order mark, then bytes that are not UTF-8: counted from the file's start
            at = e.start + 3
            line = body.count(b"\n", 0, e.start) + 1
            raise DrafterError("FZ004", f"文件开头标明是 UTF-8 编码（带 BOM），但第 {at + 1} 个字节（第 {line} 行）不是 UTF-8；"
                                        "请用记事本“另存为”，编码选“UTF-8”", file=name, line=line)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, enc, notices


def _plausible_gb(text: str) -> bool:
    from .textutil import is_cjk

    if not text:
        return False
    good = sum(1 for c in text if c.isascii() or is_cjk(c) or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return good / len(text) > 0.95


# ---------------------------------------------------------------------------------------------
# (patterns as text: compiled by re, and cached there, when a file first fails to parse)
_YAML_HINTS = [
    (r"found character '\\t'", "FZ011", "缩进里有 Tab 字符；YAML 只能用空格缩进，请把 Tab 换成空格"),
    (r"while scanning a quoted scalar|found unexpected end of stream", "FZ010",
     "引号没有配对（缺少结尾的引号）；请补上引号，或去掉引号改用 | 块书写长文字"),
    (r"mapping values are not allowed", "FZ010",
     "此处多了一个半角冒号“: ”；文字中的冒号请用全角“：”，或把整段文字放进 | 块"),
    (r"special characters are not allowed|unacceptable character", "FZ016",
     "文件中有不可见的控制字符，请删除它（常见于从网页或 PDF 复制的文字）"),
    (r"found undefined alias|found unhashable key", "FZ014", "YAML 引用（*名称）无法解析，请直接写出内容"),
    (r"did not find expected key|did not find expected '-' indicator|"
     r"expected <block end>", "FZ010", "缩进不一致：同一层的项目要对齐，子项比上级多缩进两个空格"),
    (r"found a tab character", "FZ011", "缩进里有 Tab 字符；YAML 只能用空格缩进，请把 Tab 换成空格"),
]


_FLOW_VALUE = r"[ \t]*(?:-[ \t]+)*(?:[^\s#:\-\[{][^:#\n]*:[ \t]+)?([\[{])"     # compiled when first needed


def _flow_start(source: str, mark) -> int | None:
    """Index of the "[" or "{" that opens the value on the mark's line, if the value opens with one."""
    if mark is None or not 0 <= mark.index <= len(source):
        return None
    start = source.rfind("\n", 0, mark.index) + 1
    m = re.compile(_FLOW_VALUE).match(source, start)
    if m is None or m.start(1) > mark.index:
        return None
    return m.start(1)


class _At:
    """A position (0-based line and column), like a yaml Mark."""

    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


_QUOTE_FIX = "请把开头的直引号改为中文引号“”，或给整段文字再加一层引号（如 '\"三项制度\"落实不够'）"
FULLWIDTH_INDENT = ("这一行用全角空格“　”缩进；YAML 只能用半角空格缩进，请把行首的全角空格换成半角空格"
                    "（子项比上级多两个空格）")


def _known_keys() -> set[str]:
    """Every key a report YAML may have (Chinese and English names): model.field_alias_map of the
    report and of every block nested in it (only asked when a file fails to parse)."""
    from .model import Report, field_alias_map, nested_model

    keys, todo, seen = set(), [Report], set()
    while todo:
        mdl = todo.pop()
        if mdl not in seen:
            seen.add(mdl)
            keys.update(field_alias_map(mdl))
            todo += [sub for name in mdl.model_fields if (sub := nested_model(mdl, name)) is not None]
    return keys


# as text, compiled on first use: only a file that fails to parse is searched for colon slips
_BLOCK_START = r"^( *)(?:- +)*(?:[^\s#:：][^:#]*:\s+)?[|>][-+0-9]*\s*(?:#.*)?$"
_KEY_SLIP = r"^( *(?:- +)*)([^\s:：#\-][^:：#]*?)[ \u3000]*(：[ \u3000]*|:(?=[^\s]))(.*)$"
_KEY_NO_COLON = r"^( *(?:- +)*)([^\s:：#\-]+)[ \u3000]+([^\s:：#].*)$"
_ITEM_KEYS = ("部分", "标题")      # the keys a list item of 正文 starts with ("- 部分 一")


def _colon_slip(line: str) -> tuple[int, str, str] | None:
    """(column, message, the line written right) when one of the report's keys is followed by a
    full-width colon ("签发人：王明") or by a colon without the space ("年度:2024"); else None
    ("一是：加强领导" in an unindented line of text is not a key)."""
    m = re.match(_KEY_SLIP, line)
    if m is None:
        n = re.match(_KEY_NO_COLON, line)               # "结束语 特此报告。": no colon at all
        if n is None or n.group(2) not in _known_keys() or "-" in n.group(1) and n.group(2) not in _ITEM_KEYS:
            return None          # ("- 印章 管理全面规范。" is a paragraph that starts with a key's word)
        lead, key, value = n.group(1), n.group(2), n.group(3).strip()
        return len(lead), f"“{key}”后面少了冒号；键后要用半角冒号加一个空格，如“{key}: {value}”", f"{lead}{key}: {value}"
    if m.group(2).strip() not in _known_keys():
        return None
    lead, key, colon, value = m.group(1), m.group(2).strip(), m.group(3), m.group(4).strip()
    if colon.startswith("："):
        msg = f"“{key}”后面用了全角冒号“：”；键后要用半角冒号加一个空格，如“{key}: {value}”"
    else:
        msg = f"“{key}:”后面少了一个空格；冒号后要空一格，如“{key}: {value}”"
    return len(lead), msg, f"{lead}{key}: {value}".rstrip()


def colon_slips(source: str) -> list[tuple[int, int, str, str]]:
    """Every line with a colon slip (_colon_slip) outside "|"/">" blocks: (line index, column, message,
    the line written right).  YAML reads such a line as text and stops at the first; all are named
    at once, and ``drafter check --fix`` rewrites them."""
    return [(r.line, r.col, r.message, r.new) for r in line_repairs(source) if r.kind == "colon"]


@dataclass(frozen=True)
class Repair:
    """A line that YAML cannot read the way the clerk meant it, and the same line written right.

    The slips a clerk makes typing YAML by hand in Notepad or WPS, each fixed within its own line
    (``drafter check --fix`` writes them; check reads the file as if they were fixed, to list the
    file's other problems too): a key followed by a full-width colon or no colon ("colon"), "-" without
    the space before a key ("dash"), and text pasted from Word into a "|" block, each paragraph starting
    with full-width spaces at the left margin ("indent")."""

    kind: str                 # colon | dash | indent
    line: int                 # 0-based line index
    col: int                  # 0-based column the message points at
    message: str | None       # None: named by the message of the first line of its run
    old: str
    new: str

    def column_back(self, col: int) -> int:
        """The 1-based column in the line as written of 1-based column ``col`` in the line written right."""
        a, b = self.old, self.new
        head = 0
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        tail = 0
        while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
            tail += 1
        k = col - 1
        if k < head:
            return col
        if k >= len(b) - tail:
            return k - (len(b) - len(a)) + 1
        return head + 1


_DASH_SLIP = r"^( *)-([^\s\-#:：][^:：#]*?)[ \u3000]*[:：][ \u3000]*(.*)$"     # "-标题: 推进严格执法。"
_PASTED_KEY = r"[ \u3000]*(?:- |[^\s:：]+[:：])"        # a key or an item indented with "　": FULLWIDTH_INDENT


def _block_indent(header: str, following: list[str]) -> int:
    """The indentation of the text of the "|" block that ``header`` opens: that of its first line
    indented with ASCII spaces, else the usual two spaces past the key (or past the "-" of "- |")."""
    hi = len(header) - len(header.lstrip(" "))
    for ln in following:
        if ln.strip():
            ind = len(ln) - len(ln.lstrip(" "))
            if ind > hi and not ln.lstrip(" ").startswith("\u3000"):
                return ind
            break
    m = re.match(r"( *)((?:- +)*)", header)
    col = len(m.group(1)) + len(m.group(2))
    return col if header[col:].lstrip().startswith(("|", ">")) else col + 2


def line_repairs(source: str) -> list[Repair]:
    """Every line that ``Repair`` knows how to write right, in file order."""
    out: list[Repair] = []
    lines = source.split("\n")
    block = None                 # (indentation of the header line, indentation of the block's text)
    pasted: list[Repair] = []    # the pasted lines of the current block

    def close_block():
        nonlocal block, pasted
        if pasted:
            out.append(_pasted_message(pasted[0], len(pasted), block[1]))
            out.extend(pasted[1:])
        block, pasted = None, []

    for i, ln in enumerate(lines):
        indent = len(ln) - len(ln.lstrip(" "))
        if block is not None:
            head, body = block
            fullwidth = ln[indent:].startswith("\u3000")
            if not ln.strip() or indent > head and not fullwidth or fullwidth and indent >= body:
                continue
            if fullwidth and not re.match(_PASTED_KEY, ln[indent:]):
                pasted.append(Repair("indent", i, indent, None, ln, " " * body + ln[indent:]))
                continue
            close_block()
        if re.match(_BLOCK_START, ln) and not re.search(r"[|>][-+]?[0-9]", ln.split("#")[0]):
            block = (indent, _block_indent(ln, lines[i + 1:i + 40]))
            continue
        if (m := re.match(_DASH_SLIP, ln)) and m.group(2).strip() in _known_keys():
            lead, key, value = m.group(1), m.group(2).strip(), m.group(3).strip()
            right = f"{lead}- {key}: {value}".rstrip()
            msg = (f"“-”后面少了一个空格，YAML 把“-{key}”读成了一个键；列表的每一项写成“- 内容”，"
                   f"这里应为“- {key}: {value[:20]}{'……' if len(value) > 20 else ''}”"
                   "（drafter check --fix 可以自动修正）")
            out.append(Repair("dash", i, len(lead), msg, ln, right))
        elif slip := _colon_slip(ln):
            out.append(Repair("colon", i, slip[0], slip[1] + "（drafter check --fix 可以自动修正）", ln, slip[2]))
    if block is not None:
        close_block()
    return out


def _pasted_message(first: Repair, count: int, body: int) -> Repair:
    which = "这一行" if count == 1 else "这一行和下一行" if count == 2 else f"这一行和下面 {count - 1} 行"
    each = "行首" if count == 1 else "每行行首"
    msg = (f"{which}以全角空格“　”开头（从 Word 粘贴的段落），YAML 不把全角空格算作缩进，这些文字就不在上面的“|”块里了；"
           f"请在{each}加 {body} 个半角空格，与“|”块的文字对齐（全角空格可以保留，表示新的一段）；"
           "drafter check --fix 可以自动修正")
    return Repair(first.kind, first.line, 0, msg, first.old, first.new)


def apply_repairs(source: str, repairs: list[Repair]) -> str:
    """``source`` with every repaired line written right (line endings of the file kept: a line of
    ``source`` may end in "\r")."""
    lines = source.split("\n")
    for r in repairs:
        cr = "\r" if lines[r.line].endswith("\r") else ""
        lines[r.line] = r.new + cr
    return "\n".join(lines)


def _explain(e: yaml.YAMLError, source: str) -> tuple[str, str, _At] | None:
    """The usual slips of a clerk typing YAML by hand, in Chinese and at the line where they are
    (libyaml often notices them one line later, and says so in English)."""
    pm, cm = getattr(e, "problem_mark", None), getattr(e, "context_mark", None)
    problem, context = getattr(e, "problem", None) or "", getattr(e, "context", None) or ""
    lines = source.split("\n")

    def line_of(mark) -> str:
        return lines[mark.line] if mark is not None and 0 <= mark.line < len(lines) else ""

    # full-width spaces used as indentation (a Chinese input method's space bar): from there on
    # nothing lines up; libyaml names a later line.  Content of a | block is indented with ASCII
    # spaces first, so a line that *starts* with "　" is never such content.
    last = pm.line if pm is not None else len(lines) - 1
    first = min(cm.line, last) if cm is not None else max(0, last - 2)
    for i in range(first, last + 1):
        if i < len(lines) and re.match(r"\u3000+(?:- |[^\s:：]+[:：])", lines[i]):
            return "FZ010", FULLWIDTH_INDENT, _At(i, 0)
    if "could not find expected ':'" in problem and "simple key" in context and cm is not None:
        ln = line_of(cm)
        body = ln.lstrip(" ")
        if slip := _colon_slip(ln):
            return "FZ010", slip[1], cm
        if re.match(r"-[^\s-]", body):
            return "FZ010", "“-”后面少了一个空格；列表的每一项写成“- 内容”", cm
        return "FZ010", ("这一行既不是“键: 值”，也不是以“- ”开头的一项；如果它是上一段文字的接续，请缩进到与上一行文字对齐"
                         "（| 块中的每一行都要缩进）；如果是新的一段，请在前面加“- ”"), cm
    if ("mapping values are not allowed" in problem or "expected <document start>" in problem) and pm is not None:
        # "发文机关：朝阳区人民政府" on the line before (comments between, as drafter new writes them):
        # YAML read it as text running on into this line, or as the whole document
        k = pm.line - 1
        while k >= 0 and (not lines[k].strip() or lines[k].lstrip().startswith("#")):
            k -= 1
        if k >= 0 and (slip := _colon_slip(lines[k])):
            return "FZ010", slip[1], _At(k, slip[0])
    starts = {"alias": "*", "anchor": "&", "tag": "!"}
    for what, ch in starts.items():
        if f"scanning an {what}" in context or f"scanning a {what}" in context:
            full = chr(ord(ch) + 0xFEE0)
            return "FZ010", (f"“{ch}”在 YAML 中有特殊含义，不能放在一段文字的开头；请给这段文字加引号（\"……\"），"
                             f"或改用全角“{full}”"), cm or pm
    if "cannot start any token" in problem and pm is not None and 0 <= pm.index < len(source):
        ch = source[pm.index]
        if not ch.isspace():
            return "FZ010", f"“{ch}”不能放在一段文字的开头；请给这段文字加引号（\"……\"）", pm
    if "expected comment or line break" in problem and "block scalar" in context and cm is not None:
        return "FZ010", "“|”后面不能接文字；请把文字移到下一行，并比上一行多缩进两个空格", cm
    if "another document" in problem or "document start" in problem:
        content = False
        for i, ln in enumerate(lines):
            if re.match(r"(---|\.\.\.)\s*(#.*)?$", ln):
                if content:
                    return "FZ010", ("这一行“" + ln.strip()[:3] + "”把文件分成了两份；一份报告只能有一份内容，"
                                     "请删除这一行（或在前面加“# ”改为注释）"), _At(i, 0)
            elif ln.strip() and not ln.lstrip().startswith("#"):
                content = True
    if pm is not None and 0 < pm.index <= len(source) and ("expected key" in problem or "'-' indicator" in problem
                                                          or "block end" in problem):
        before = source[source.rfind("\n", 0, pm.index) + 1: pm.index]
        m = re.match(r"\s*(?:-\s+)*(?:[^\s\"'#:][^:]*:\s+)?([\"'])", before)
        if m and before.rstrip().endswith(m.group(1)) and len(before.rstrip()) > m.end():
            return "FZ010", f"这段文字以直引号开头，YAML 只把引号里的部分当作内容，后面的文字就多出来了；{_QUOTE_FIX}", \
                _At(pm.line, m.start(1))
    return None


def _misaligned(source: str, line: int, col: int, name: str) -> DrafterError:
    """A line that YAML read as the continuation of the line above, their indentation differing.
    When both are list items ("- "), the one at fault is the one whose indentation no item shortly
    above shares (siblings have 10 spaces before "-", it has 9); otherwise this line, naming the other."""
    lines = source.split("\n")

    def indent(k: int) -> int:
        return len(lines[k]) - len(lines[k].lstrip(" "))

    def item(k: int) -> bool:
        return lines[k].lstrip(" ").startswith("- ")

    prev = next((k for k in range(line - 1, -1, -1) if lines[k].strip() and not lines[k].lstrip().startswith("#")),
                None)
    rule = "同一层的项目要对齐，子项比上级多缩进两个空格"
    if prev is not None and item(prev) and item(line):
        here, there = indent(line), indent(prev)
        above = {indent(k) for k in range(max(0, prev - 40), prev) if item(k)}
        if here in above and there not in above:
            return DrafterError("FZ010", f"这一项的“-”前有 {there} 个空格，与同一层的其他项（{here} 个空格）不一致，"
                                         f"YAML 把下一行接在了它的文字后面；{rule}", file=name, line=prev + 1, col=there + 1)
    if prev is not None:
        return DrafterError("FZ010", f"这一行与上一行（第 {prev + 1} 行）的缩进不一致，YAML 把它接在了上一行的文字后面；"
                                     f"请改正两行中缩进不对的一行：{rule}", file=name, line=line + 1, col=col + 1)
    return DrafterError("FZ010", f"这一行的缩进与上一行不一致，YAML 把它接在了上一行的文字后面；{rule}", file=name,
                        line=line + 1, col=col + 1)


_INDENT_TAB = re.compile(r"[ \u3000]*\t")      # a tab in a line's indentation


def _yaml_error(e: yaml.YAMLError, name: str, source: str = "") -> DrafterError:
    pm = getattr(e, "problem_mark", None)
    if "exceeded maximum nesting depth" in str(e):   # PyYAML 6.0.4 (maybe earlier) limits nesting in its scanner
        return DrafterError("FZ015", "嵌套层次过深；报告最多四级标题，请检查缩进和括号", file=name,
                            line=pm.line + 1 if pm else None, col=pm.column + 1 if pm else None)
    if pm is not None and 0 <= pm.index < len(source) and source[pm.index] == "\t":
        # libyaml says only "found character that cannot start any token" for a tab, and only for the
        # first one: every line indented with a tab is named at once
        msg = "这里有 Tab 字符；YAML 只能用空格缩进，请把 Tab 换成空格"
        err = DrafterError("FZ011", msg, file=name, line=pm.line + 1, col=pm.column + 1)
        tabs = [(i, m.end() - 1) for i, ln in enumerate(source.split("\n"))
                if (m := _INDENT_TAB.match(ln)) is not None]
        if len(tabs) > 1 and any(i == pm.line for i, _ in tabs):
            err.diagnostics = [Diagnostic("FZ011", ERROR, msg, name, i + 1, c + 1) for i, c in tabs]
        return err
    if pm is not None and "invalid Unicode character escape" in str(e):
        # libyaml refuses escapes such as "\ud800" (a lone surrogate): point at the backslash
        back = source.rfind("\\", max(0, pm.index - 10), pm.index + 1)
        shift = pm.index - back if back >= 0 else 0
        return DrafterError("FZ016", "转义序列（如 \\ud800）表示的字符无法保存到 Word；请删除它，或直接写出要用的文字",
                            file=name, line=pm.line + 1, col=pm.column + 1 - shift)
    explained = _explain(e, source)
    if explained is not None:
        code, msg, at = explained
        err = DrafterError(code, msg, file=name, line=at.line + 1, col=at.column + 1)
        slips = colon_slips(source)
        if any(i == at.line for i, *_ in slips):         # a colon slip: name every line that has one
            err.diagnostics = [Diagnostic("FZ010", ERROR, m, name, i + 1, c + 1) for i, c, m, _ in slips]
        return err
    if pm is not None and "mapping values are not allowed" in str(e) and 0 <= pm.index < len(source):
        start = source.rfind("\n", 0, pm.index) + 1
        if ":" not in source[start:pm.index]:  # the first colon of its line: a key indented wrongly
            return _misaligned(source, pm.line, pm.index - start, name)
    for fm in (pm, getattr(e, "context_mark", None)):
        bracket = _flow_start(source, fm)
        if bracket is not None:
            return DrafterError("FZ010", f"这一行的值以“{source[bracket]}”开头，YAML 把它当作列表或映射来读而出错；"
                                         "如果这是一段文字，请给整段文字加引号（\"……\"）", file=name,
                                line=fm.line + 1, col=bracket - source.rfind("\n", 0, bracket))
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    if "quoted scalar" in str(getattr(e, "context", "")) and getattr(e, "context_mark", None) is not None:
        mark = e.context_mark          # point at the opening quote, not at the end of the file
    line = mark.line + 1 if mark is not None else None
    col = mark.column + 1 if mark is not None else None
    text = str(e)
    for rx, code, msg in _YAML_HINTS:
        if re.search(rx, text):
            return DrafterError(code, msg, file=name, line=line, col=col)
    # libyaml's own words are English: they go to DRAFTER_DEBUG, not to the clerk
    if os.environ.get("DRAFTER_DEBUG"):
        print(f"drafter: libyaml: {e}", file=sys.stderr)
    return DrafterError("FZ010", "YAML 格式错误；请检查这一行和上一行的缩进（只用半角空格）、冒号（键后用“: ”）和引号"
                                 "（要成对）", file=name, line=line, col=col)


class _Converter:
    def __init__(self, name: str, smap: SourceMap):
        self.name = name
        self.smap = smap
        self.count = 0
        self.chars = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def span(self, node) -> Span:
        sm, em = node.start_mark, node.end_mark
        return Span(sm.line + 1, sm.column + 1, sm.index, em.index, getattr(node, "style", None))

    def fail(self, code, msg, node) -> DrafterError:
        sm = node.start_mark
        return DrafterError(code, msg, file=self.name, line=sm.line + 1, col=sm.column + 1)

    def convert(self, node, path: tuple, depth: int = 0):
        self.count += 1
        if self.count > MAX_NODES:
            raise self.fail("FZ014", f"内容过于庞大（超过 {MAX_NODES} 项，可能是层层引用的 YAML 别名）；"
                                     "请直接写出内容，不要使用 & 和 * 引用", node)
        if depth > MAX_DEPTH:
            raise self.fail("FZ015", f"嵌套层次过深（超过 {MAX_DEPTH} 层）；报告最多四级标题，请检查缩进", node)
        if node.tag not in _SAFE_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail("FZ013", f"不支持 YAML 标记“{tag[:60]}”；报告中只能写文字、数字、日期和列表，"
                                     "请删除以 ! 开头的标记", node)
        if path not in self.smap.values:
            self.smap.values[path] = self.span(node)
        if isinstance(node, yaml.ScalarNode):
            self.chars += len(node.value)
            if self.chars > MAX_CHARS:
                raise self.fail("FZ014", f"内容过于庞大（展开后超过 {MAX_CHARS // 10000} 万字，可能是反复引用的 YAML 别名）；"
                                         "请直接写出内容，不要使用 & 和 * 引用", node)
            try:
                value = self.constructor.construct_object(node)
            except Exception:  # noqa: BLE001 - PyYAML's constructors: ValueError, IndexError ("!!int ''")…
                if node.tag == "tag:yaml.org,2002:timestamp":
                    key = next((k for k in reversed(path) if isinstance(k, str)), None)
                    named = f"“{key}”：" if key else ""     # as the model says it for 2024年2月30日
                    raise self.fail("FZ027", f"{named}日期“{node.value}”不存在，请核对年、月、日", node)
                raise self.fail("FZ010", f"无法读取值“{clip(node.value)}”（不是有效的数字、日期或是/否）；"
                                         "请改写这个值，或加引号作为文字", node)
            if isinstance(value, str):
                raw = self.smap.text[node.start_mark.index:node.end_mark.index]
                if is_unfolded(self.span(node), raw):
                    value = unfold(raw, node.style)[0] + "\n" * (len(value) - len(value.rstrip("\n")))
            if isinstance(value, str):
                m = _XML_BAD.search(value)
                if m:
                    line, col = self.smap.locate(path, m.start())
                    raise DrafterError("FZ016", f"文字中有无法保存到 Word 的控制字符（U+{ord(m.group()):04X}），"
                                                "请删除它", file=self.name, line=line, col=col)
            return value
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            out: dict = {}
            for knode, vnode in node.value:
                if not isinstance(knode, yaml.ScalarNode):
                    raise self.fail("FZ010", "这里的键不是简单的文字；如果这是一段以“{”或“[”开头的文字，"
                                             "请给整段文字加引号（\"……\"）", knode)
                if knode.tag == "tag:yaml.org,2002:merge" or knode.value == "<<":
                    raise self.fail("FZ014", "不支持 YAML 合并键“<<”，请直接写出各项", knode)
                key = knode.value
                if key in out:
                    first = self.smap.keys.get(path + (key,))
                    where = f"（第 {first.line} 行已有）" if first else ""
                    raise self.fail("FZ012", f"“{key}”重复出现{where}；同一层中每一项只能写一次，请合并或删除一处",
                                    knode)
                self.smap.keys[path + (key,)] = self.span(knode)
                out[key] = self.convert(vnode, path + (key,), depth + 1)
            return out
        raise self.fail("FZ010", "无法识别的 YAML 内容", node)  # pragma: no cover


def unfold(raw: str, style: str | None, start: int = 0) -> tuple[str, list[tuple[int, int]]]:
    """A plain or ``>`` scalar written over several lines, read the way Chinese is written, and the
    source range of each of its characters (``start``: where ``raw`` begins in the file).

    YAML folds each line break of such a text into a space, which is right for English and wrong for
    Chinese ("……执法“三项制度”，\n  组织执法人员" would print "， 组织").  Here wrapped lines join as
    textutil.line_joint says (nothing between Chinese characters), a blank line keeps a paragraph
    break ("\n\n"), and a line starting with full-width spaces (pasted from Word) starts a paragraph
    ("\n"), as compose.paragraphs_of reads a ``|`` block.  A character drafter put between two lines
    maps to the line break and indentation it stands for."""
    lines = raw.split("\n")
    pos = start
    if style == ">":
        pos += len(lines[0]) + 1
        lines = lines[1:]
        indent = min((len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()), default=0)
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    prev_end, blank = None, False
    for ln in lines:
        if style == ">":
            lead, content = indent, ln[indent:].rstrip(" \t")
        else:
            content = ln.strip(" \t")
            lead = len(ln) - len(ln.lstrip(" \t"))
        if not content:
            blank = blank or prev_end is not None
            pos += len(ln) + 1
            continue
        if prev_end is not None:
            joint = "\n\n" if blank else "\n" if content.startswith("\u3000") else line_joint(chars[-1], content)
            chars.extend(joint)
            where.extend([(prev_end, pos + lead)] * len(joint))
        chars.extend(content)
        where.extend((pos + lead + k, pos + lead + k + 1) for k in range(len(content)))
        prev_end, blank = pos + lead + len(content), False
        pos += len(ln) + 1
    return "".join(chars), where


def is_unfolded(span: Span, raw: str) -> bool:
    """A value that ``unfold`` reads: plain or ``>``, over more than one line."""
    return span.style in (None, "", ">") and "\n" in raw.rstrip("\n")


def _check_depth(text: str, name: str) -> None:
    """Reject deep nesting from the event stream, before composing: libyaml's composer recurses in C
    and crashes the process (SIGSEGV) at some 50 000 nested "[" — no traceback, but no message either."""
    loader = _BaseLoader(text)
    depth = 0
    try:
        while loader.check_event():
            ev = loader.get_event()
            if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH + 1:
                    sm = ev.start_mark
                    raise DrafterError("FZ015", f"嵌套层次过深（超过 {MAX_DEPTH} 层）；报告最多四级标题，请检查缩进",
                                       file=name, line=sm.line + 1, col=sm.column + 1)
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def line_col(text: str, index: int) -> dict[str, int]:
    """1-based line and column of ``text[index]``, as DrafterError takes them."""
    return {"line": text.count("\n", 0, index) + 1, "col": index - text.rfind("\n", 0, index)}


def load_yaml(text: str, name: str, encoding: str = "utf-8") -> tuple[object, SourceMap]:
    smap = SourceMap(file=name, text=text, encoding=encoding)
    if len(text) > MAX_CHARS:  # text that did not come from a file (drafter import) skips MAX_BYTES
        raise DrafterError("FZ003", f"内容过长（{len(text) // 10000} 万字），一份报告的 YAML 不应超过 "
                                    f"{MAX_CHARS // 10000} 万字，请检查是否选错了文件", file=name)
    m = _XML_BAD.search(text.replace("\t", " "))
    if m:
        raise DrafterError("FZ016", f"文件中有无法保存到 Word 的控制字符（U+{ord(m.group()):04X}），请删除它",
                           file=name, **line_col(text, m.start()))
    m = _YAML_BAD.search(text)
    if m:  # libyaml says "special characters are not allowed", without a position
        raise DrafterError("FZ016", f"文件中有不可见的控制字符（U+{ord(m.group()):04X}，常见于从网页或 PDF 复制的文字），"
                                    "请删除它", file=name, **line_col(text, m.start()))
    m = _LINE_SEP.search(text)
    if m:  # YAML counts these as line breaks, editors do not: every later position would be off
        raise DrafterError("FZ016", f"文件中有特殊的换行符（U+{ord(m.group()):04X}，常见于从网页复制的文字），"
                                    "请删除它或换成普通的换行", file=name, **line_col(text, m.start()))
    try:
        _check_depth(text, name)
        loader = _BaseLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.YAMLError as e:
        raise _yaml_error(e, name, text)
    except RecursionError:
        raise DrafterError("FZ015", "嵌套层次过深；报告最多四级标题，请检查缩进和括号", file=name)
    if node is None:
        raise DrafterError("FZ007", "文件里没有内容（只有注释或空行），请先用 drafter new 生成模板再填写", file=name)
    try:
        data = _Converter(name, smap).convert(node, ())
    except RecursionError:
        raise DrafterError("FZ015", "嵌套层次过深；报告最多四级标题，请检查缩进", file=name)
    return data, smap


def to_plain(value):
    """YAML dates -> ISO strings etc., for JSON output."""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value
