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


def fmt_date(d) -> str:
    """GB/T 9704 §7.3.5.4: Arabic numerals, full year, no leading zeros."""
    return f"{d.year}年{d.month}月{d.day}日"


# A date as clerks write it: 2024年12月20日 / 2024年12月20号 / ２０２４年… / 二〇二四年十二月二十日 /
# 2024-12-20 / 2024.12.20 / 20241220 (and a two-digit year, which normal_date reads as 20xx).  As text:
# re compiles it on first use (most commands never read a loose date).
DATE_ANY = (r"^(?P<y>[0-9０-９]{4}|[0-9０-９]{2}|[〇○Ｏ零一二三四五六七八九]{4})\s*年\s*"
            r"(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|元)\s*月\s*"
            r"(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*[日号][。.]?$"
            r"|^(?P<y2>\d{4}|\d{2})\s*[./／\-－．]\s*(?P<m2>\d{1,2})\s*[./／\-－．]\s*(?P<d2>\d{1,2})日?[。.]?$"
            r"|^(?P<y3>(?:19|20)\d{2})(?P<m3>[01]\d)(?P<d3>[0-3]\d)$")
_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# a deadline's month and day ("03-01", "3月1日"): the 检查 block's 报送期限 and drafter.toml's deadline
MONTH_DAY = r"(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?"
CN_DIGITS = "〇○Ｏ零一二三四五六七八九"          # as years are written: 二〇二四, 二○二四, 二Ｏ二四, 二零二四
_CN_DIGITS = str.maketrans(CN_DIGITS, "0000123456789")


def ascii_digits(s: str) -> str:
    """Full-width (any Unicode decimal) and Chinese digits as ASCII: "２０２４" / "二〇二四" -> "2024"."""
    return "".join(str(int(c)) if c.isdecimal() and not c.isascii() else c for c in s).translate(_CN_DIGITS)


def date_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written any common way (see DATE_ANY), unchecked; or None."""
    m = re.match(DATE_ANY, re.sub(r"\s+", "", text))
    if not m:
        return None
    y = m.group("y") or m.group("y2") or m.group("y3")
    mo = m.group("m") or m.group("m2") or m.group("m3")
    d = m.group("d") or m.group("d2") or m.group("d3")
    y = ascii_digits(y)
    if len(y) == 2:                   # 25年: the year in full is 2025 (reports are of this century)
        y = "20" + y

    def num(s: str) -> int | None:
        s = s.translate(_FW_DIGITS)
        return 1 if s == "元" else int(s) if s.isdigit() else parse_cn_numeral(s)

    mo_n, d_n = num(mo), num(d)
    if not y.isdigit() or mo_n is None or d_n is None:
        return None
    return int(y), mo_n, d_n


def normal_date(text: str) -> str | None:
    """The GB/T 9704 form (2024年12月20日) of a date written any common way, or None."""
    parts = date_parts(text)
    return None if parts is None else "{}年{}月{}日".format(*parts)


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
