"""Breaking a long title into 梯形 or 菱形 lines without splitting a word (GB/T 9704 §7.3.1).

"标题回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当使用梯形或菱形。"
A title is cut only between units: the issuing organ's name, a year ("2024年度"), a 《书名》 or
“引文”, a word from the lexicon, or a single character.  Among the cuts that fit the line, the
shape decides: two lines short over long (梯形), three lines with the middle longest (菱形) or
growing (梯形).  A clerk who wants other breaks writes the title on several lines in the YAML.
"""
from __future__ import annotations

import itertools
import re

from .textutil import width_zi

LEXICON = (
    "法治政府建设", "年度情况报告", "情况报告", "工作情况", "年度报告", "工作报告", "人民政府", "关于",
    "人大常委会", "常务委员会", "委员会", "办公室", "街道办事处", "办事处", "司法局", "依法治",
    "法治建设", "推进", "年度", "有关", "情况的报告", "的报告",
    # words of the titles these reports carry besides the organ and the year
    "法治政府", "法治社会", "法治宣传", "依法行政", "行政复议", "行政执法", "行政诉讼", "体制改革", "改革",
    "开展情况", "推进情况", "落实情况", "进展情况", "工作安排", "工作计划", "工作要点", "示范创建",
    "第一责任人", "职责", "履行", "主要负责人", "党政", "专项", "工作",
)
# units that a line never splits: a year, 《书名》, “引文”, （注）, a number, 依法治市/县/区…
_PROTECT = (r"\d{4}(?:[-—–~至]\d{4})?年度?|《[^》]*》|“[^”]*”|（[^）]*）|\d+"     # re compiles it on first use
            r"|(?:全面)?依法治[国省市县区州旗镇乡]")
_JOINS = {"暨", "和", "及", "与", "并"}         # a line may well start with these (or end after "暨")
# the last word of an organ's name: never the start of a line ("中共东湖乡 / 委员会…"), a good end of one
# (joint titles: "中共安平县东湖乡委员会 / 安平县东湖乡人民政府关于……")
ORGAN_ENDS = {"委员会", "常务委员会", "人民政府", "办事处", "街道办事处", "办公室", "司法局"}
SPLIT_WORD_COST = 12       # a cut between two single characters: likely inside a word (one 字 of shape ≈ 6)
SPLIT_NAME_COST = 60       # a cut inside an organ's name: worse than a line more (40)
_NO_START = set("，。、：；？！）》”’…—")
_NO_END = set("（《“‘")


# the organs a title starts with, one after another ("中共安平县东湖乡委员会安平县东湖乡人民政府关于……")
# (as text: re compiles it on first use, so that drafter check, which breaks no title, never does)
_ORGAN_RE = (r"\s*((?:中共)?[^\s关于的和及与、，。]{0,16}?"
             r"(?:委员会|人民政府|办事处|办公室|党工委|局|[省市县区州旗乡镇]委(?!员)|党委|党组|中央|国务院"
             r"|常委会|主席团|武装部|政协|纪委|监委))")


def _leading_organs(title: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    organ = re.compile(_ORGAN_RE)           # (re's own cache: compiled once per process)
    while (m := organ.match(title, pos)) is not None:
        spans.append(m.span(1))
        pos = m.end()
    return spans


def organ_gaps(title: str) -> list[tuple[int, int]]:
    """The spaces between the organs a joint title starts with ("中共中央 国务院关于……"): customary,
    and kept (FZ405 leaves them alone; a line break there drops them)."""
    spans = _leading_organs(title)
    return [(a[1], b[0]) for a, b in zip(spans, spans[1:]) if b[0] > a[1]]


def units(title: str, names: tuple[str, ...] = (), organs: bool = True) -> list[str]:
    """Split into unbreakable units (``organs``: the organs the title starts with are units too)."""
    spans = _leading_organs(title) if organs else []
    for name in sorted({n for n in names if n}, key=len, reverse=True):
        for mt in re.finditer(re.escape(name), title):
            spans.append((mt.start(), mt.end()))
    for mt in re.finditer(_PROTECT, title):
        spans.append(mt.span())
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    taken = [False] * len(title)
    chosen = []
    for a, b in spans:
        if not any(taken[a:b]):
            chosen.append((a, b))
            for i in range(a, b):
                taken[i] = True
    out, i = [], 0
    chosen_at = {a: b for a, b in chosen}
    while i < len(title):
        if title[i].isspace():
            j = i + 1
            while j < len(title) and title[j].isspace():
                j += 1
            out.append(title[i:j])
            i = j
            continue
        if i in chosen_at:
            out.append(title[i:chosen_at[i]])
            i = chosen_at[i]
            continue
        word = next((w for w in sorted(LEXICON, key=len, reverse=True)
                     if title.startswith(w, i) and not any(taken[i:i + len(w)])), None)
        if word:
            out.append(word)
            i += len(word)
        else:
            out.append(title[i])
            i += 1
    return out


def _shape_cost(widths: list[float]) -> float:
    if len(widths) == 1:
        return 0.0
    if len(widths) == 2:
        a, b = widths
        # 梯形: upper line not longer than the lower one, and not much shorter
        return (a - b) * 6 if a > b else (b - a) * 0.6
    # 3+ lines: 菱形 (middle longest) or 梯形 (growing); uneven outer lines cost a little
    mid = max(widths[1:-1])
    cost = sum(max(0.0, w - mid) * 6 for w in (widths[0], widths[-1]))
    cost += abs(widths[0] - widths[-1]) * 0.3
    return cost


def break_title(title: str, max_width: float, names: tuple[str, ...] = ()) -> list[str]:
    """Lines of the title.  Explicit newlines in ``title`` are kept as they are."""
    if "\n" in title:
        return [ln.strip() for ln in title.split("\n") if ln.strip()]
    title = title.strip()
    if width_zi(title) <= max_width:
        return [title]
    us = units(title, names)
    inside: set[int] = set()        # cut positions that would fall inside a 《》/“” span
    if any(width_zi(u) > max_width for u in us):
        # a name or 《书名》 longer than a line must be cut somewhere: split only the long units,
        # into their own words, and make cutting inside them costly
        split = []
        for u in us:
            if width_zi(u) > max_width and len(u) > 2:
                inner = units(u[1:-1], names) if u[0] in "《“（" else units(u, (), organs=False)
                parts = ([u[0] + inner[0]] + inner[1:-1] + [inner[-1] + u[-1]]) if u[0] in "《“（" and len(inner) > 1 \
                    else inner
                inside.update(range(len(split) + 1, len(split) + len(parts)))
                split.extend(parts)
            else:
                split.append(u)
        us = split
    # a space (joint organs) is kept inside a line and dropped at a cut: the cut falls on the unit after it
    gaps: dict[int, str] = {}      # unit index (spaces taken out) -> the space written before that unit
    kept: list[str] = []
    renumber: dict[int, int] = {}  # cut position among all units -> among the units left
    for k, u in enumerate(us):
        renumber[k] = len(kept)
        if u.isspace():
            gaps[len(kept)] = u
        else:
            kept.append(u)
    us = kept
    inside = {renumber[c] for c in inside if c in renumber}
    spaced = set(gaps)
    good_after = {i for i, u in enumerate(us) if u in names or u in ORGAN_ENDS}   # after an organ's name
    good_before = {i for i, u in enumerate(us) if u == "关于" or u in _JOINS} | spaced   # before "关于", "和"…
    split_name = {i for i, u in enumerate(us) if u in ORGAN_ENDS}      # "委员会" without its place
    best, best_cost, best_splits = None, float("inf"), 0
    total = width_zi(title)
    first = None               # the fewest lines that fit, and one line more (a name whole may need it)
    for n in range(2, 6):
        if total / n > max_width or (first is not None and n > first + 1):
            continue
        for cuts in itertools.combinations(range(1, len(us)), n - 1):
            lines = [_join(us, a, b, gaps) for a, b in zip((0,) + cuts, cuts + (len(us),))]
            widths = [width_zi(x) for x in lines]
            if max(widths) > max_width:
                continue
            if any(x[0] in _NO_START or x[-1] in _NO_END for x in lines):
                continue
            cost = _shape_cost(widths) + 40 * (n - 2) + 30 * sum(c in inside for c in cuts)
            # between two single characters is likely inside a word the lexicon does not know
            cost += SPLIT_WORD_COST * sum(len(us[c - 1]) == 1 and len(us[c]) == 1 and us[c] not in _JOINS
                                          and us[c - 1] not in _JOINS for c in cuts)
            splits = sum(c in split_name for c in cuts)
            cost += SPLIT_NAME_COST * splits
            for c in cuts:
                if (c - 1) in good_after or c in good_before:
                    cost -= 4
            if cost < best_cost:
                best, best_cost, best_splits = lines, cost, splits
        if best is not None and first is None:
            if not best_splits:
                break          # one line more is tried only to keep a name whole (it costs 10× the time)
            first = n
    return best or [title]


def _join(us: list[str], a: int, b: int, gaps: dict[int, str]) -> str:
    """Units a..b as one line, with the spaces written between them inside the line."""
    return "".join((gaps.get(i, "") if i > a else "") + us[i] for i in range(a, b))
