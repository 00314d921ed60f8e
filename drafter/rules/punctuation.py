"""FZ4xx: punctuation in Chinese text (GB/T 15834): full-width marks, quote pairs, brackets, spaces.

Width, quote and space findings are reported once per text (paragraph, heading, …) at the first
occurrence, with the count; their fix covers every occurrence in that text.  "3.15", "12.4" style
dates, decimals, times and digit groups are never Chinese context and are left alone.
"""
from __future__ import annotations

import re

from . import FIX_HINT, WARNING, Finding, Fix, rule
from ._text import CLOSERS, OPENERS, enclosed_spans, has_cjk, inside, snippet, strings, texts, zh
from ..textutil import is_cjk
from ..titlebreak import organ_gaps

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_RE = re.compile(r"[,;:?!()]")
_FIX_HINT = FIX_HINT


def apply_edits(text: str, edits) -> str:
    """Apply non-overlapping (start, end, replacement) edits to ``text``."""
    out, pos = [], 0
    for s, e, r in sorted(edits):
        out.append(text[pos:s])
        out.append(r)
        pos = e
    out.append(text[pos:])
    return "".join(out)


# a "." ends a Chinese sentence when it follows an ideograph or one of these closing marks
_PERIOD_BEFORE = frozenset("）》”’」』〕】")
# "青山县政府.政务": a Chinese top-level domain after the dot is an address, not a sentence end
_CN_TLDS = ("中国", "中國", "公司", "网络", "政务", "公益", "在线", "中文网")


def _is_period_end(text: str, i: int, final: bool) -> bool:
    """Whether the "." at ``i`` ends a Chinese sentence: it follows an ideograph (or a closing
    mark like ”）》) and the text, a line or a space follows it, or another ideograph.  Decimals
    (97.1%), numbering (1.), versions, abbreviations, URLs and e-mail addresses have an ASCII
    character on one side and are never touched."""
    prev = text[i - 1] if i else ""
    if not (prev and (is_cjk(prev) or prev in _PERIOD_BEFORE)):
        return False
    nxt = text[i + 1:i + 2]
    if not nxt:
        return final
    if nxt in " \t\n\r\u3000":
        return True
    if not is_cjk(nxt):
        return False
    for tld in _CN_TLDS:
        if text.startswith(tld, i + 1):
            after = text[i + 1 + len(tld):i + 2 + len(tld)]
            if not after or not is_cjk(after):
                return False
    return True


def width_edits(text: str, final_period: bool = True) -> list[tuple[int, int, str]]:
    """Half-width , ; : ? ! ( ) in Chinese context -> full-width (a following space goes too), and a
    half-width "." ending a Chinese sentence -> "。" (``final_period``: also at the very end of the
    text; a title or a heading ends without a mark, FZ407's business)."""
    n = len(text)
    partner: dict[int, int] = {}
    stack = []
    marks = [(m.start(), m.group()) for m in _HALF_RE.finditer(text)]
    for i, c in marks:
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            o = stack.pop()
            partner[o], partner[i] = i, o
    edits = []
    for i, c in marks:
        full = HALF_TO_FULL[c]
        prev = text[i - 1] if i else ""
        if c in "()":
            nxt = text[i + 1] if i + 1 < n else ""
            ok = zh(prev) or zh(nxt)
            if not ok and i in partner:
                o, cl = sorted((i, partner[i]))
                ok = has_cjk(text[o + 1:cl]) or zh(text[o - 1] if o else "") or zh(text[cl + 1] if cl + 1 < n else "")
            if ok:
                edits.append((i, i + 1, full))
            continue
        j = i + 1
        while j < n and text[j] in " \t":
            j += 1
        nxt = text[j] if j < n else ""
        if zh(prev) or zh(nxt):
            edits.append((i, j if zh(nxt) else i + 1, full))
    k = text.find(".")
    while k >= 0:
        if _is_period_end(text, k, final_period):
            j = k + 1
            while j < n and text[j] in " \t\u3000":
                j += 1
            edits.append((k, j if j < n and zh(text[j]) else k + 1, "。"))
        k = text.find(".", k + 1)
    return sorted(edits)


def _ends_sentence(t) -> bool:
    """Whether a full stop belongs at the end of ``t``: not after a title, a heading, a name, a table's
    标题 or a cell."""
    if t.role == "table":
        return t.path[-1] != "title"
    return t.role not in ("title", "heading", "other", "attachment", "cell")


@rule("FZ401", "half-width-punctuation", "中文中使用了半角标点 , ; : ? ! ( ) .", severity=WARNING, fixable=True)
def half_width(ctx):
    """Half-width ``, ; : ? ! ( )`` next to Chinese characters (or parentheses around Chinese text)
    are printed narrow and look wrong in a 公文; the full-width mark is required (GB/T 15834).
    A half-width "." right after a Chinese character, ending the text or followed by a space or
    another Chinese character, is a sentence end typed on a Western keyboard: "。".
    Digit groups (1,000), times (8:30), decimals (97.1%), numbering (1.), URLs, e-mail addresses
    and ASCII-only text are not touched.  Safe fix."""
    for t in strings(ctx):
        edits = width_edits(t.text, final_period=_ends_sentence(t))
        if not edits:
            continue
        s, e, full = edits[0]
        marks = "".join(sorted({t.text[a] for a, _, _ in edits}, key=", ; : ? ! ( ) .".find))
        yield Finding(t.path, f"有 {len(edits)} 处半角标点（{' '.join(marks)}），如“{snippet(t.text, s)}”中的"
                              f"“{t.text[s]}”应为“{full}”；中文请用全角标点，{_FIX_HINT}",
                      s, fix=Fix(t.path, t.text, apply_edits(t.text, edits)))


def quote_edits(text: str) -> tuple[list[tuple[int, int, str]], int | None]:
    """Straight quotes in Chinese text -> “ ” / ‘ ’ pairs.  Returns (edits, offset of an unpaired one)."""
    if ('"' not in text and "'" not in text) or not has_cjk(text):
        return [], None
    edits: list = []
    bad = None
    dq = [m.start() for m in re.finditer('"', text)]
    if dq:
        pairs = list(zip(dq[0::2], dq[1::2]))
        if len(dq) % 2 or any("\n\n" in text[a:b] for a, b in pairs):
            bad = dq[-1] if len(dq) % 2 else dq[0]
        else:
            for a, b in pairs:
                edits += [(a, a + 1, "“"), (b, b + 1, "”")]

    def apostrophe(i):
        p, n = text[i - 1:i], text[i + 1:i + 2]
        return p.isascii() and p.isalnum() and n.isascii() and n.isalnum()

    sq = [m.start() for m in re.finditer("'", text) if not apostrophe(m.start())]
    if sq and len(sq) % 2 == 0:
        pairs = list(zip(sq[0::2], sq[1::2]))
        if all(has_cjk(text[a + 1:b]) and "\n" not in text[a:b] for a, b in pairs):
            for a, b in pairs:
                edits += [(a, a + 1, "‘"), (b, b + 1, "’")]
    return sorted(edits), bad


@rule("FZ402", "straight-quotes", "中文中使用了直引号 \" '", severity=WARNING, fixable=True)
def straight_quotes(ctx):
    """Chinese text quotes with “ ” (and ‘ ’ inside), not the straight ``"`` typed on a Western
    keyboard.  Paired straight quotes are converted in order (safe fix); an odd number is reported
    for the clerk to pair by hand."""
    for t in strings(ctx):
        edits, bad = quote_edits(t.text)
        if edits:
            s = edits[0][0]
            yield Finding(t.path, f"有 {len(edits) // 2} 对直引号，如“{snippet(t.text, s, width=6)}”；"
                                  f"中文请用“ ”（引号内再引用用‘ ’），{_FIX_HINT}",
                          s, fix=Fix(t.path, t.text, apply_edits(t.text, edits)))
        if bad is not None:
            yield Finding(t.path, f"直引号 \" 没有配对（“{snippet(t.text, bad, width=6)}”）；"
                                  "请改为中文引号“ ”并补全另一半", bad)


_PAIR_RE = re.compile("[" + re.escape("".join(OPENERS) + "".join(CLOSERS)) + "()]")


def pair_problem(text: str) -> tuple[int, str] | None:
    """The first unbalanced bracket or quote (half-width parentheses count as full-width ones)."""
    stack: list[tuple[str, int]] = []
    for m in _PAIR_RE.finditer(text):
        i, c = m.start(), m.group()
        c = {"(": "（", ")": "）"}.get(c, c)
        if c in OPENERS:
            stack.append((c, i))
        elif c in CLOSERS:
            if not stack:
                return i, f"多了一个“{c}”（前面没有对应的“{CLOSERS[c]}”）；请删除它，或在前面补上“{CLOSERS[c]}”"
            o, oi = stack[-1]
            if OPENERS[o] != c:
                if any(x == CLOSERS[c] for x, _ in stack):   # the opener is further down: o is unclosed
                    return oi, f"“{o}”没有对应的“{OPENERS[o]}”（后面先出现了“{c}”）；请补上“{OPENERS[o]}”"
                return i, f"多了一个“{c}”（前面没有对应的“{CLOSERS[c]}”）；请删除它，或在前面补上“{CLOSERS[c]}”"
            stack.pop()
    if stack:
        o, oi = stack[0]
        return oi, f"“{o}”没有对应的“{OPENERS[o]}”；请在适当位置补上“{OPENERS[o]}”"
    return None


@rule("FZ403", "unbalanced-pairs", "引号、书名号、括号没有配对", severity=WARNING)
def unbalanced(ctx):
    """“” ‘’ 《》 （） 〔〕 【】 must come in pairs, properly nested, within one text."""
    for t in strings(ctx):
        p = pair_problem(t.text)
        if p:
            yield Finding(t.path, p[1], p[0])


DOUBLED_RE = re.compile(r"[。，、；：？！][。，、；：]|[。，、；：][,;]|[,;][。，、；：]")


@rule("FZ404", "doubled-punctuation", "标点重复（如“。。”“，，”）", severity=WARNING)
def doubled(ctx):
    """Two sentence or clause marks in a row (。。 ，， 。， ；。) are a typing slip; …… and —— are
    single marks and are not affected."""
    for t in strings(ctx):
        found = list(DOUBLED_RE.finditer(t.text))
        if len(found) > DOUBLED_NAMED:          # a pasted run of marks: one finding, not thousands
            m = found[0]
            yield Finding(t.path, f"有 {len(found)} 处标点重复，如“{snippet(t.text, m.start(), m.end(), 3)}”中的"
                                  f"“{m.group()}”；请只保留一个", m.start())
            continue
        for m in found:
            yield Finding(t.path, f"“{snippet(t.text, m.start(), m.end(), 3)}”中标点“{m.group()}”重复；请只保留一个",
                          m.start())


DOUBLED_NAMED = 3           # more doubled marks than this in one text are reported together


_ZH_MARKS = frozenset("，。、；：？！“”‘’（）《》〈〉〔〕【】「」『』…—")
_SPACES_RE = re.compile("[ \u3000\u00a0\t]+")


def _zh_space(ch: str) -> bool:
    return is_cjk(ch) or ch in _ZH_MARKS


def _spaces_between_chinese(text: str):
    """Runs of spaces with a Chinese character or mark on both sides (checked by function: a regex
    class over the CJK ranges costs ~9 ms to compile in every process)."""
    for m in _SPACES_RE.finditer(text):
        s, e = m.span()
        if s > 0 and e < len(text) and _zh_space(text[s - 1]) and _zh_space(text[e]):
            yield m


_SENTENCE_MARKS = frozenset("，。；：、！？,;:!?")


def space_runs(text: str, row: bool = False) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Spaces between Chinese characters/marks, as (edits that delete the stray ones, separators).

    A run of two or more spaces between two ideographs ("联系人：李明　　联系电话：…") separates two
    items on purpose, and so does any space between ideographs in a ``row`` (a paragraph without a
    single punctuation mark: a table row like "执法部门　案件数"): deleting those would join the
    items ("李明联系电话"), so they are returned as separators, without a fix.  A space next to a
    punctuation mark, or a single one inside a sentence, is a stray one.  Inside “” and 《》 a space
    between two ideographs is kept: names of campaigns and documents use it between their two
    phrases (“服务实体经济 律企携手同行”).  The space after a leading "第三条"/"第一章" is the
    customary gap of a 法规's articles and chapters (conventions.article_gap), not a stray one."""
    from .. import conventions as C

    spans = None
    edits, seps = [], []
    row = row and not any(c in _SENTENCE_MARKS for c in text)
    article = C.article_gap(text)                   # "第三条　……": the gap after the number is customary
    for m in _spaces_between_chinese(text):
        s, e = m.span()
        if article is not None and (s, e) == article:
            continue
        if is_cjk(text[s - 1]) and is_cjk(text[e]):
            if spans is None:
                spans = enclosed_spans(text, "《》“”")
            if inside(spans, s):
                continue
            if e - s >= 2 or row:
                seps.append((s, e))
                continue
        edits.append((s, e, ""))
    return edits, seps


@rule("FZ405", "space-between-chinese", "汉字之间有空格", severity=WARNING, fixable=True)
def spaces(ctx):
    """Chinese text has no spaces between characters; a space (half- or full-width) left from
    copying or from aligning text by hand prints as a gap.  Safe fix: the stray spaces are
    removed.  Two or more spaces between two words ("李明　　联系电话"), or spaces between the cells
    of a table row typed as a paragraph, separate items: they are reported without a fix, asking
    for "，" or "；" — deleting them would run the items together."""
    for t in strings(ctx):
        edits, seps = space_runs(t.text, row=t.role == "paragraph")
        if t.role == "title" and (edits or seps):   # "中共××县委员会 ××县人民政府关于……": the customary gap
            gaps = organ_gaps(t.text)
            edits = [x for x in edits if (x[0], x[1]) not in gaps]
            seps = [x for x in seps if x not in gaps]
        if edits:
            s, e, _ = edits[0]
            yield Finding(t.path, f"有 {len(edits)} 处汉字之间的空格，如“{snippet(t.text, s, e, 3)}”；"
                                  f"中文字间不应有空格，请删除（{_FIX_HINT}）",
                          s, fix=Fix(t.path, t.text, apply_edits(t.text, edits)))
        if seps:
            s, e = seps[0]
            count = f"有 {len(seps)} 处用空格隔开的内容，如" if len(seps) > 1 else ""
            yield Finding(t.path, f"{count}“{snippet(t.text, s, e, 4)}”中用空格隔开了两项内容；请改用“，”或“；”分隔"
                                  "（如是多打的空格，删去即可；为免两项连在一起，不自动修正）", s)


PERCENT_SPACE_RE = re.compile(r"(\d+(?:\.\d+)?)[ \u3000\u00a0]+[%％]")


@rule("FZ406", "percent-space", "百分号前有空格", severity=WARNING)
def percent_space(ctx):
    """A percentage is written without a space: 97.0%, not 97.0 %."""
    for t in strings(ctx):
        for m in PERCENT_SPACE_RE.finditer(t.text):
            yield Finding(t.path, f"“{m.group()}”中百分号前有空格；请写成“{m.group(1)}%”，紧接数字",
                          m.end(1))


_TRAILING = "：:，,、；;。."


@rule("FZ407", "trailing-punctuation", "主送机关、标题、署名、附件名称末尾多了标点", severity=WARNING, fixable=True)
def trailing_punctuation(ctx):
    """drafter prints the colon after the 主送机关 itself (§7.3.2), and a title, an organ's name or a
    署名 ends without punctuation (§7.3.1): "青原市人民政府：" copied from last year's text prints
    as "青原市人民政府：：".  An 附件's name is printed without a mark after it (§7.3.4: 附件名称后
    不加标点符号), in the 附件说明 and as the title of its page.  Safe fix: the trailing marks are removed."""
    r = ctx.report
    fields = [(("recipients", i), v, "主送机关后的冒号由 drafter 加上") for i, v in enumerate(r.recipients)]
    fields += [(("title",), r.title, "标题末尾不加标点")] if r.title else []
    fields += [(("org",), r.org, "发文机关名称末尾不加标点")] if r.org else []
    fields += [(("signatories", i), v, "署名末尾不加标点") for i, v in enumerate(r.signatories)]
    fields += [(t.path, t.text, "附件名称后不加标点（GB/T 9704 §7.3.4）") for t in texts(ctx) if t.role == "attachment"]
    for path, text, why in fields:
        kept = text.rstrip().rstrip(_TRAILING).rstrip()
        if kept != text.rstrip() and kept:
            extra = text.rstrip()[len(kept):].strip()
            yield Finding(path, f"“{text.strip()[-10:]}”末尾多了“{extra}”；{why}，请删除（{_FIX_HINT}）",
                          len(kept), fix=Fix(path, text, kept))


# zero-width space, non-joiner, joiner, word joiner, a BOM inside the text, soft hyphen: copied from web
# pages and PDFs; invisible on screen, but they break searching, copying and line breaking
INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@rule("FZ408", "invisible-characters", "文字中夹有看不见的字符（零宽空格等）", severity=WARNING, fixable=True)
def invisible_characters(ctx):
    """Characters that print as nothing (U+200B zero-width space and its kin, U+00AD soft hyphen)
    come along when text is copied from a web page.  Safe fix: they are removed."""
    for t in strings(ctx):
        found = list(INVISIBLE_RE.finditer(t.text))
        if found:
            s = found[0].start()
            names = "、".join(sorted({f"U+{ord(m.group()):04X}" for m in found}))
            yield Finding(t.path, f"有 {len(found)} 个看不见的字符（{names}，常随网页文字复制进来），"
                                  f"在“{snippet(t.text, s, s + 1, 4)}”处；请删除（{_FIX_HINT}）",
                          s, fix=Fix(t.path, t.text, INVISIBLE_RE.sub("", t.text)))
