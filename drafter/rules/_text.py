"""Text helpers shared by the content rules (no rules here): what counts as Chinese context, where
names and quotations sit, how a year is used in a sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass
from ..textutil import CN_DIGITS, PLACEHOLDER_RE, ascii_digits, is_cjk
from . import TextRef

# full-width punctuation that makes its neighbourhood "Chinese text"
FW_PUNCT = frozenset("，。、；：？！“”‘’（）《》〈〉〔〕【】「」『』…—·～")
OPENERS = {"“": "”", "‘": "’", "《": "》", "（": "）", "〔": "〕", "【": "】", "〈": "〉", "「": "」", "『": "』"}
CLOSERS = {v: k for k, v in OPENERS.items()}


def zh(ch: str) -> bool:
    """A CJK ideograph or a full-width punctuation mark."""
    return bool(ch) and (is_cjk(ch) or ch in FW_PUNCT)


def has_cjk(s: str) -> bool:
    # a plain loop: a regex class over the CJK ranges costs ~4 ms to compile in every process
    return any(is_cjk(c) for c in s)


def _word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in ".%")


def snippet(text: str, start: int, end: int | None = None, width: int = 4) -> str:
    """A short one-line excerpt around text[start:end] for a message."""
    end = start + 1 if end is None else end
    a, b = max(0, start - width), min(len(text), end + width)
    while 0 < a and a > start - width - 8 and _word(text[a - 1]) and _word(text[a]):
        a -= 1                                  # do not cut "2023" or "97.1" in half
    while b < len(text) and b < end + width + 8 and _word(text[b - 1]) and _word(text[b]):
        b += 1
    s = text[a:b]
    return "".join(line.strip(" \u3000\t") for line in s.split("\n"))


def texts(ctx) -> list[TextRef]:
    """ctx.texts() as a list, computed once per Context."""
    cached = getattr(ctx, "_fz_texts", None)
    if cached is None:
        cached = ctx._fz_texts = list(ctx.texts())
    return cached


def strings(ctx) -> list[TextRef]:
    """Every clerk-written text (ctx.texts(): with the 附件说明's names, tables and 附件 content) plus the
    short fields shown in the document (names, lists),
    except text still holding a placeholder from ``drafter new`` (FZ110 reports those).  Computed
    once per Context: several rules walk it."""
    cached = getattr(ctx, "_fz_strings", None)
    if cached is not None:
        return cached
    r = ctx.report
    extra = [TextRef((f, i), v, "other") for f in ("recipients", "cc", "signatories")
             for i, v in enumerate(getattr(r, f)) if isinstance(v, str) and v]
    # 发文机关标志: one organ's, written on its line (no item to point at); or a list (联合行文)
    src = ctx.source
    extra += [TextRef(("flag",) if src is not None and not src.has(("flag", i)) else ("flag", i), v, "other")
              for i, v in enumerate(r.flag) if v]
    # the names printed in the 版头, title and 版记 (an invisible character there prints too, QA)
    extra += [TextRef((f,), v, "other") for f in ("org", "short_name", "printer")
              if isinstance(v := getattr(r, f), str) and v]
    out = [t for t in [*texts(ctx), *extra] if not PLACEHOLDER_RE.search(t.text)]
    ctx._fz_strings = out
    return out


def enclosed_spans(text: str, pairs: str = "《》“”") -> list[tuple[int, int]]:
    """(start, end) of every run inside the given bracket pairs, brackets included (outermost only)."""
    opens = {pairs[i]: pairs[i + 1] for i in range(0, len(pairs), 2)}
    out, stack = [], []
    for m in re.finditer("[" + re.escape(pairs) + "\n]", text):
        i, c = m.start(), m.group()
        if c in opens:
            stack.append((c, i))
        elif stack and c == opens[stack[-1][0]]:
            _, s = stack.pop()
            if not stack:
                out.append((s, i + 1))
        elif c == "\n" and stack and stack[0][0] in "“‘":  # an unclosed quote ends with its paragraph
            stack.clear()
    return out


def inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(s < i < e for s, e in spans)


# --------------------------------------------------------------------------------------------
# Years
YEAR_RE = re.compile(rf"(?<![\d.])(\d{{4}})(?=\s*年)|([{CN_DIGITS}]{{4}})(?=年)")
_RANGE_BEFORE = re.compile(r"[-—–~～至到、]\s*$")
_RANGE_AFTER = re.compile(r"^\s*年?\s*(?:度)?\s*(?:[-—–~～至到]|、\s*\d{4})")
_DATE_AFTER = re.compile(r"^\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月")


@dataclass(frozen=True)
class YearRef:
    """A year written in a text (2024年, 二〇二四年, a range or a full date), with its offsets."""

    year: int
    start: int          # offset of the first digit
    end: int            # offset just after "年"
    kind: str           # year | range | date | name


def years(text: str, protected: str = "《》") -> list[YearRef]:
    """Every "2023年" in ``text``: a year on its own (kind "year"), one end of a range or a period
    ("2021-2025年", "2021年至2023年", "2021年1月1日至2023年6月1日" -> range/date), a date
    ("2022年12月" -> date), or inside a name between the ``protected`` brackets ("name")."""
    spans = None
    out = []
    for m in YEAR_RE.finditer(text):
        if spans is None:
            spans = enclosed_spans(text, protected) if protected else []
        if m.group(1):
            y = int(m.group(1))
        else:
            y = int(ascii_digits(m.group(2)))
        if not 1949 <= y <= 2199:
            continue
        start = m.start()
        end = text.index("年", m.end()) + 1
        before, after = text[max(0, start - 3):start], text[m.end():m.end() + 8]
        if inside(spans, start):
            kind = "name"
        elif _RANGE_BEFORE.search(before) or _RANGE_AFTER.match(after):
            kind = "range"
        elif _DATE_AFTER.match(after):
            kind = "date"
        else:
            kind = "year"
        out.append(YearRef(y, start, end, kind))
    return out


FORWARD_RE = r"将|计划|拟|力争|明年|下一年|下一步|来年|新的一年|今后"  # text: re compiles it on first use (few reports need it)


def clause_at(text: str, i: int) -> str:
    """The clause (up to the next 。；！？ or line break) starting at offset i."""
    m = re.compile(r"[。；;！!？?\n]").search(text, i)
    return text[i:m.start() if m else len(text)]


def clause_start(text: str, i: int) -> bool:
    """True when offset i opens a sentence or a clause."""
    j = i - 1
    while j >= 0 and text[j] in " \u3000\t":
        j -= 1
    return j < 0 or text[j] in "。；;！!？?\n，,：:“"
