"""Automatic numbering (word/numbering.xml): the label Word prints in front of a numbered paragraph.

GB/T 9704 headings should carry their numbers as text (spec §4 B8); files made in Word often use
list numbering instead.  The inspector needs the printed label ("一、", "（一）", "1.") to recognise
the heading level, so it counts the way Word does: one counter set per abstract list, lower levels
restart when a higher level advances, ``w:startOverride`` restarts a list instance.
"""
from __future__ import annotations

from ..textutil import cn_numeral
from ..ooxml import NS, wattr, wint

_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """``n`` as Word prints it in format ``fmt``.  Letters and Roman numerals grow with ``n``, so a
    file's w:start of 2 000 000 000 would make a huge string: past Word's own ranges they print as
    digits."""
    if n <= 0:
        return str(n)
    if (fmt in ("upperLetter", "lowerLetter") and n > 780) or (fmt in ("upperRoman", "lowerRoman") and n > 3999):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "ideographDigital", "chineseLegalSimplified"):
        s = cn_numeral(n) if n < 1000 else str(n)
        if fmt == "chineseLegalSimplified":
            s = s.translate(str.maketrans("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰"))
        return s
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12]
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    def __init__(self, root):
        self.abstract: dict[str, dict[int, object]] = {}
        self.nums: dict[str, tuple[str, dict[int, object], dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        if root is None:
            return
        for an in root.findall("w:abstractNum", NS):
            aid = wattr(an, "abstractNumId")
            self.abstract[aid] = {wint(lv, "ilvl", 0): lv for lv in an.findall("w:lvl", NS)}
        for num in root.findall("w:num", NS):
            nid = wattr(num, "numId")
            aid = wattr(num.find("w:abstractNumId", NS), "val")
            overrides, starts = {}, {}
            for ov in num.findall("w:lvlOverride", NS):
                ilvl = wint(ov, "ilvl", 0)
                lv = ov.find("w:lvl", NS)
                if lv is not None:
                    overrides[ilvl] = lv
                so = ov.find("w:startOverride", NS)
                if so is not None:
                    starts[ilvl] = wint(so, "val", 1)
            self.nums[nid] = (aid, overrides, starts)

    def _level(self, num_id: str, ilvl: int):
        entry = self.nums.get(num_id)
        if entry is None:
            return None, None
        aid, overrides, _ = entry
        lv = overrides.get(ilvl)
        if lv is None:
            lv = self.abstract.get(aid, {}).get(ilvl)
        return aid, lv

    def level_format(self, num_id: str, ilvl: int) -> str | None:
        """The level's w:numFmt ("chineseCounting", "decimal", "bullet", …); None when undefined."""
        _, lv = self._level(num_id, ilvl)
        if lv is None:
            return None
        return wattr(lv.find("w:numFmt", NS), "val") or "decimal"

    def level_ppr(self, num_id: str, ilvl: int):
        _, lv = self._level(num_id, ilvl)
        return lv.find("w:pPr", NS) if lv is not None else None

    def label(self, num_id: str | None, ilvl: int) -> str | None:
        """Advance the counter and return the printed label (without the tab/space after it)."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        aid, lv = self._level(num_id, ilvl)
        if lv is None:
            return None
        counters = self.counters.setdefault(aid, {})
        _, _, starts = self.nums[num_id]
        if num_id not in self._started and starts:
            self._started.add(num_id)
            for k, v in starts.items():
                counters[k] = v - 1
            for k in [k for k in counters if k > max(starts)]:
                del counters[k]
        self._started.add(num_id)

        def start_of(level: int) -> int:
            _, l2 = self._level(num_id, level)
            st = l2.find("w:start", NS) if l2 is not None else None
            return wint(st, "val", 1) if st is not None else 1

        counters[ilvl] = counters.get(ilvl, start_of(ilvl) - 1) + 1
        for k in [k for k in counters if k > ilvl]:
            del counters[k]
        fmt_el = lv.find("w:numFmt", NS)
        fmt = wattr(fmt_el, "val") or "decimal"
        text = wattr(lv.find("w:lvlText", NS), "val")
        if text is None:
            return None
        if fmt == "bullet":
            return text
        out = text
        for k in range(9):
            token = f"%{k + 1}"
            if token in out:
                _, lk = self._level(num_id, k)
                kfmt = wattr(lk.find("w:numFmt", NS), "val") if lk is not None else "decimal"
                if lv.find("w:isLgl", NS) is not None:
                    kfmt = "decimal"
                n = counters.get(k, start_of(k))
                out = out.replace(token, format_number(n, kfmt or "decimal"))
        return out
