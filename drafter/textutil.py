"""Small text helpers shared by the composer, the rules, the importer and the inspector."""
from __future__ import annotations

import re
import unicodedata

_DIGITS = "零一二三四五六七八九"
# characters XML 1.0 (and so a .docx) cannot hold: the YAML reader refuses them (FZ016), the importer drops them
XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# text left from ``drafter new`` (【请填写……】) or from copied templates (××, XXX)
PLACEHOLDER_RE = re.compile(r"【请[^】]*】|（请填写[^）]*）|×{2,}|X{3,}")
CN_NUMERAL_RE = "[一二三四五六七八九十百零〇两]+"
QUOTE_MAX = 60          # a placeholder longer than this is quoted by its head and its closing bracket


def placeholder_quote(text: str) -> str | None:
    """The first placeholder in ``text`` as a message quotes it: whole, with its closing bracket (a
    clerk looks for it in the file); a very long one by its head, "……" and its closing bracket."""
    m = PLACEHOLDER_RE.search(text)
    if m is None:
        return None
    p = m.group()
    return p if len(p) <= QUOTE_MAX else p[:QUOTE_MAX - 20] + "……" + p[-1]


def clip(text: str | None, n: int = 20) -> str:
    """``text`` as a message quotes it: whole when short, else its first ``n`` characters and "……"
    (a quote cut off without a sign looks like the file's own text)."""
    text = text or ""
    return text if len(text) <= n else text[:n] + "……"


def cn_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五."""
    if n <= 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    head = _DIGITS[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + _DIGITS[rest]
    return head + (_DIGITS[rest // 10] + "十" + (_DIGITS[rest % 10] if rest % 10 else ""))


def parse_cn_numeral(s: str) -> int | None:
    """Inverse of cn_numeral for 1..999 (also accepts 〇/两); None when not a numeral."""
    if not s or not re.fullmatch(CN_NUMERAL_RE, s):
        return None
    vals = {c: i for i, c in enumerate(_DIGITS)}
    vals.update({"〇": 0, "两": 2})
    total, cur = 0, 0
    for ch in s:
        if ch == "百":
            total += (cur or 1) * 100
            cur = 0
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        else:
            cur = vals[ch]
    return total + cur or None


def level_marker(level: int, n: int) -> str:
    """The GB/T 9704 §7.3.3 结构层次序数: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(level)


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x3134F
            or 0xF900 <= o <= 0xFAFF)


def is_wide(ch: str) -> bool:
    """True for characters that take one full 字 (CJK ideographs, full-width punctuation)."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def width_zi(s: str) -> float:
    """Width of ``s`` in 字: a CJK character or full-width mark is 1, a half-width one 0.5."""
    return sum(1.0 if is_wide(c) else 0.5 for c in s)


CN_DIGITS = "〇○Ｏ零一二三四五六七八九"          # as years are written: 二〇二四, 二○二四, 二Ｏ二四, 二零二四
_CN_DIGITS = str.maketrans(CN_DIGITS, "0000123456789")


def ascii_digits(s: str) -> str:
    """Full-width (any Unicode decimal) and Chinese digits as ASCII: "２０２４" / "二〇二四" -> "2024"."""
    return "".join(str(int(c)) if c.isdecimal() and not c.isascii() else c for c in s).translate(_CN_DIGITS)


_LINE_WS = " \t\u3000"


def line_joint(before: str, after: str) -> str:
    """What stands between two wrapped lines of one paragraph: nothing between Chinese (it has no
    spaces), a space between two words of Latin script; a number split over two lines stays one."""
    a, b = before[-1:], after[:1]
    if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() and not (a.isdigit() and b.isdigit()):
        return " "
    return ""


def join_lines(lines) -> str:
    """Lines of one paragraph as one line (see line_joint)."""
    out = ""
    for line in lines:
        line = line.strip(_LINE_WS)
        if out and line:
            out += line_joint(out, line)
        out += line
    return out


def quote_arg(name: str) -> str:
    """A file name as it is typed on a command line (in quotes when it holds a space)."""
    return f'"{name}"' if any(c.isspace() for c in name) else name


_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def paragraph_spans(text: str) -> list[tuple[int, str]]:
    """One YAML text item -> its printed paragraphs, each with the offset in ``text`` where it starts:
    a blank line separates paragraphs, and so does a line indented with full-width spaces (text pasted
    from Word, each paragraph starting "　　"); any other line break (editor wrapping) is removed
    (join_lines).  compose prints these paragraphs; messages count them ("第2段")."""
    out: list[tuple[int, str]] = []
    chunk_starts = [0] + [m.end() for m in _BLANK_LINE.finditer(text)]
    chunk_ends = [m.start() for m in _BLANK_LINE.finditer(text)] + [len(text)]
    for a, b in zip(chunk_starts, chunk_ends):
        lines: list[str] = []
        start = pos = a
        for line in text[a:b].split("\n"):
            if lines and line.startswith("\u3000"):
                out.append((start, join_lines(lines)))
                lines, start = [], pos
            lines.append(line)
            pos += len(line) + 1
        out.append((start, join_lines(lines)))
    return [(_first_char(text, k), p) for k, p in out if p]


def _first_char(text: str, k: int) -> int:
    """The offset of the first visible character at or after ``k`` (a paragraph's own start)."""
    while k < len(text) and text[k] in " \t\u3000\n\r":
        k += 1
    return k
