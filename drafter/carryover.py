"""What this year's report carried over from last year's: the comparison behind ``drafter check
--previous`` (FZ901–FZ904), ``drafter inspect --previous`` and the county review.

    from drafter.carryover import compare
    result = compare(this_year, last_year)        # two drafter.model.Report
    result.carried, result.paragraphs             # "30 of this year's 41 paragraphs are last year's"
    for c in result.items: c.kind, c.here, c.there, c.similarity

A paragraph is a paragraph as printed (one YAML text item may print several: textutil.paragraph_spans),
of the 导语 and of the body; headings are not compared (the same heading two years running is the
norm).  Paragraphs shorter than ``MIN_CHARS`` are left out ("无", "特此报告。").

How paragraphs are compared.  Each is normalised (whitespace dropped, half- and full-width marks
made one, and each year written "2024年" replaced by its place relative to its own report's 年度, so
that "2025年共审查……" this year and "2024年共审查……" last year read the same).  Last year's text is
cut into overlapping runs of ``GRAM`` characters, indexed once; a paragraph of this year is then
"covered" where its own runs occur in last year's text, and its similarity is the share of its
characters covered: editing a few figures in a paragraph leaves it ~95 % covered, rewriting it leaves
the stock phrases of official writing (examples of different organs: at most 78 %, mostly under
50 %).  Linear in the length of both reports; no pairwise difflib.

Kinds (``Carried.kind``), one per paragraph of this year at most, and figures besides:

- ``same``    the paragraph is one of last year's (also when only its years moved on by one);
- ``near``    ``NEAR`` or more of it is last year's text (named with the paragraph(s) it comes from);
- ``plan``    a paragraph of this year's 主要举措和成效 (part 一) that repeats, word for word, a
              sentence of last year's 下一年度主要安排 (part 四): last year's plan written up as done;
- ``figures`` in a paragraph otherwise rewritten, a figure with the words before it exactly as last
              year ("办理行政复议案件12件" both years): a number that was not updated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Report, Section
from .textutil import paragraph_spans

SAME, NEAR_KIND, PLAN, FIGURES = "same", "near", "plan", "figures"
KINDS = (SAME, NEAR_KIND, PLAN, FIGURES)
GRAM = 8             # characters in a run that counts as shared wording (measured on the examples: across
                     # different organs' reports the stock phrases cover at most 78 % of a paragraph)
NEAR = 0.85          # share of a paragraph found in last year's text from which it is "nearly the same"
MIN_CHARS = 15       # shorter paragraphs are not compared
PLAN_MIN = 12        # a sentence of last year's plan this long or longer, found in this year's 举措
SOURCES_MAX = 3      # last year's paragraphs named as where a paragraph comes from
SOURCE_SHARE = 0.2   # ... each covering at least this share of it
CHANGED_MAX = 3      # this year's own words quoted for a "near" paragraph

# marks written either width, and quotes and brackets of any shape, compare as one
_CANON = str.maketrans({",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）",
                        "\"": "“", "”": "“", "'": "‘", "’": "‘", "[": "〔", "]": "〕", "【": "〔", "】": "〕",
                        "《": "〈", "》": "〉", "%": "％", ".": "．"})
_DROP = frozenset(" \t\n\r\u3000\u00a0\u200b")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=\s*年)")
_SENTENCE = re.compile(r"[^。；！？!?;\n]+[。；！？!?;]?")
_UNITS = ("人次|件次|万元|亿元|元|件|人|次|个|起|份|卷|条|项|户|家|宗|批|场|名|期|所|座|台|辆|篇|本|单|例|"
          "小时|公里|平方米|亩|天|个百分点|%|％")
_FIGURE = re.compile(rf"(?<![0-9.])([0-9]+(?:\.[0-9]+)?)\s*(万|亿|千)?\s*(余|多)?\s*({_UNITS})")
_CONTEXT = 4         # characters before a figure that must match last year's too ("复议案件" 12件)


# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Place:
    """A paragraph (or a figure) of one report: the model path of the text that holds it, where in
    that text it starts, and its text as printed."""

    path: tuple
    offset: int
    text: str


@dataclass(frozen=True)
class Carried:
    """One finding of ``compare``: this year's paragraph (or figure) ``here``, last year's ``there``
    (the main one first), how much of ``here`` is last year's text, and for a ``near`` paragraph the
    words of its own (``changed``)."""

    kind: str
    here: Place
    there: tuple[Place, ...]
    similarity: float
    only_years: bool = False              # same once each year moved on by one
    changed: tuple[str, ...] = ()
    quoted: str = ""                      # plan: the sentence of last year's plan; figures: the figure


@dataclass
class Comparison:
    """The result of ``compare``: every finding, and how many paragraphs were compared."""

    items: list[Carried] = field(default_factory=list)
    paragraphs: int = 0                   # this year's paragraphs compared (MIN_CHARS or longer)
    previous_paragraphs: int = 0

    def of(self, kind: str) -> list[Carried]:
        return [c for c in self.items if c.kind == kind]

    @property
    def carried(self) -> int:
        """This year's paragraphs that are last year's: same, nearly the same, or last year's plan."""
        return len({(c.here.path, c.here.offset) for c in self.items if c.kind != FIGURES})

    def counts(self) -> dict[str, int]:
        return {k: len(self.of(k)) for k in KINDS}

    def summary(self, previous: str) -> str:
        """The line ``drafter check`` ends with: how many of this year's paragraphs are last year's."""
        c = self.counts()
        head = f"与上一年度报告 {previous} 相比：本年度 {self.paragraphs} 段中"
        if self.carried:
            kinds = [f"{label} {c[k]} 段" for k, label in ((SAME, "相同"), (NEAR_KIND, "基本相同"),
                                                         (PLAN, "把上年的安排写成今年的举措")) if c[k]]
            line = f"{head}有 {self.carried} 段沿用了上年的文字（{'，'.join(kinds)}）"
        else:
            line = f"{head}没有与上年相同或基本相同的段落"
        figures = len({(f.here.path, f.here.offset) for f in self.of(FIGURES)})
        return line + (f"；另有 {figures} 处数字和说法与上年相同" if figures else "") + "。"


# ---------------------------------------------------------------------------------------------
@dataclass
class _Para:
    place: Place
    norm: str                 # normalised text (years relative to its report's 年度)
    raw: str                  # normalised text, years as written (the same length as norm)
    plain: str                # normalised with the years left out (plans: "2025年，我们将……")
    index: list[int]          # offset in place.text of each character of norm
    parts: tuple[str, ...]    # the required parts its section serves
    at: list[int]             # offset in the model's text (place.path) of each character of place.text


def _printed(text: str) -> list[tuple[str, list[int]]]:
    """The paragraphs ``text`` prints (textutil.paragraph_spans), each with the offset in ``text``
    of each of its characters (the lines of a paragraph are joined as compose joins them)."""
    from .textutil import line_joint

    starts = [a for a, _ in paragraph_spans(text)]
    out = []
    for n, a in enumerate(starts):
        b = starts[n + 1] if n + 1 < len(starts) else len(text)
        chars: list[str] = []
        at: list[int] = []
        pos = a
        for line in text[a:b].split("\n"):
            lead = len(line) - len(line.lstrip(" \t\u3000"))
            body = line.strip(" \t\u3000")
            if body:
                if chars:
                    joint = line_joint(chars[-1], body)
                    chars.extend(joint)
                    at.extend([pos] * len(joint))
                chars.extend(body)
                at.extend(range(pos + lead, pos + lead + len(body)))
            pos += len(line) + 1
        if chars:
            out.append(("".join(chars), at))
    return out


def _normalise(text: str, year: int) -> tuple[str, str, list[int], str]:
    """(years relative, years as written, index, years left out) forms of ``text``: whitespace
    dropped, marks of either width made one.  The first two have the same length: a year "2025"
    becomes four characters that stand for "this report's 年度" (and "2024" for "the year before"),
    so that either form can be matched character for character; ``index`` gives the offset in
    ``text`` of each of their characters."""
    rel_chars: list[str] = []
    raw_chars: list[str] = []
    index: list[int] = []
    plain: list[str] = []
    years = {m.start(): m for m in _YEAR.finditer(text)}
    i = 0
    while i < len(text):
        m = years.get(i)
        if m is not None:
            rel = int(m.group(1)) - year
            rel_chars.extend(chr(0xE000 + 64 + rel) * 4 if -50 < rel < 50 else m.group(1))
            raw_chars.extend(m.group(1))
            index.extend(range(i, i + 4))
            i = m.end()
            while i < len(text) and text[i] in _DROP:
                i += 1
            for word in ("年度", "年"):                  # plain leaves out "2025年度" whole
                if text.startswith(word, i):
                    rel_chars.extend(word)
                    raw_chars.extend(word)
                    index.extend(range(i, i + len(word)))
                    i += len(word)
                    break
            continue
        c = text[i]
        if c not in _DROP:
            c = c.translate(_CANON)
            rel_chars.append(c)
            raw_chars.append(c)
            index.append(i)
            plain.append(c)
        i += 1
    return "".join(rel_chars), "".join(raw_chars), index, "".join(plain)


def _part_keys(report: Report, sec: Section) -> tuple[str, ...]:
    from .kinds import get_kind

    try:
        kind = get_kind(report.kind)
    except Exception:  # noqa: BLE001 - an unknown kind (FZ032 elsewhere): no parts to tell
        return ()
    return tuple(k for k in (kind.resolve_part(p) for p in sec.parts) if k)


def paragraphs(report: Report) -> list[_Para]:
    """The 导语's and the body's paragraphs as printed, in document order."""
    out: list[_Para] = []

    def add(path: tuple, text: str, parts: tuple[str, ...]):
        for p, at in _printed(text):
            norm, raw, index, plain = _normalise(p, report.year)
            out.append(_Para(Place(path, at[0], p), norm, raw, plain, index, parts, at))

    if report.intro:
        add(("intro",), report.intro, ())

    def items(content, base: tuple, parts):
        for j, item in enumerate(content):
            if isinstance(item, str):
                add(base + (j,), item, parts)
            else:
                items(item.content, base + (j, "content"), parts)

    for i, sec in enumerate(report.sections):
        items(sec.content, ("sections", i, "content"), _part_keys(report, sec))
    return out


def _grams(s: str):
    return (s[k:k + GRAM] for k in range(len(s) - GRAM + 1))


def _own_words(p: _Para, covered: list[bool]) -> tuple[str, ...]:
    """The runs of ``p`` not covered by last year's text, as written, each with up to two characters
    of its neighbours ("学法8次"), for the message."""
    runs, start = [], None
    text = p.place.text
    for k, c in enumerate(covered + [True]):
        if not c and start is None:
            start = k
        elif c and start is not None:
            a, b = p.index[start], (p.index[k - 1] + 1)
            a0, b0 = a, b
            while a0 > 0 and a - a0 < 2 and text[a0 - 1] not in _STOPS:
                a0 -= 1
            while b0 < len(text) and b0 - b < 2 and text[b0] not in _STOPS:
                b0 += 1
            piece = text[a0:b0].strip(" \u3000")
            if piece:
                runs.append(piece[:16] + ("…" if len(piece) > 16 else ""))
            start = None
    return tuple(runs[:CHANGED_MAX]) + (("…",) if len(runs) > CHANGED_MAX else ())


_STOPS = frozenset("，。、；：,.;:！？!?\n“”\"（）()")


def compare(this: Report, last: Report) -> Comparison:
    """Every paragraph of ``this`` (this year's report) that carries over ``last`` (last year's), and
    every figure repeated with last year's words; see the module docstring.  Both are
    ``drafter.model.Report`` (from a YAML file: ``drafter.load``; from a .docx:
    ``drafter.importer.import_file(path, target).report``)."""
    mine = [p for p in paragraphs(this) if len(p.norm) >= MIN_CHARS]
    theirs = paragraphs(last)
    result = Comparison(paragraphs=len(mine), previous_paragraphs=sum(len(p.norm) >= MIN_CHARS for p in theirs))
    index: dict[str, list[int]] = {}
    exact: dict[str, int] = {}
    for k, p in enumerate(theirs):
        exact.setdefault(p.raw, k)
        exact.setdefault(p.norm, k)
        for form in (p.norm, p.raw) if p.raw != p.norm else (p.norm,):
            for g in _grams(form):
                posting = index.get(g)
                if posting is None:
                    index[g] = [k]
                elif posting[-1] != k:
                    posting.append(k)
    plan = [(s, k) for k, p in enumerate(theirs) if "四" in p.parts
            for s in (m.group().strip("。；！？!?;，、：") for m in _SENTENCE.finditer(p.plain)) if len(s) >= PLAN_MIN]
    figures = _figure_index(theirs)
    flagged = set()
    for p in mine:
        carried = _paragraph(p, theirs, index, exact, plan)
        if carried is not None:
            result.items.append(carried)
            flagged.add(id(p))
    for p in mine:
        if id(p) not in flagged:
            result.items += _figures(p, figures)
    return result


def _paragraph(p: _Para, theirs: list[_Para], index, exact, plan) -> Carried | None:
    here = p.place
    k = exact.get(p.raw)
    if k is None:
        k = exact.get(p.norm)
    if k is not None:
        there = theirs[k]
        kind = PLAN if "一" in p.parts and "四" in there.parts else SAME
        return Carried(kind, here, (there.place,), 1.0, only_years=there.raw != p.raw)
    hits: dict[int, int] = {}
    covered = [False] * len(p.norm)
    forms = (p.norm, p.raw) if p.raw != p.norm else (p.norm,)
    for g_at in range(len(p.norm) - GRAM + 1):
        postings = [q for q in (index.get(f[g_at:g_at + GRAM]) for f in forms) if q]
        if postings:
            for x in range(g_at, g_at + GRAM):
                covered[x] = True
            for q in set().union(*postings) if len(postings) > 1 else postings[0]:
                hits[q] = hits.get(q, 0) + 1
    share = sum(covered) / len(p.norm)
    if "一" in p.parts and plan:
        reused = [(s, q) for s, q in plan if s in p.plain]
        if reused:
            quoted = max(reused, key=lambda x: len(x[0]))[0]
            sources = tuple(dict.fromkeys(theirs[q].place for _, q in reused))[:SOURCES_MAX]
            part = sum(len(s) for s, _ in reused) / max(1, len(p.plain))
            return Carried(PLAN, here, sources, round(max(share, min(1.0, part)), 2), quoted=_as_written(quoted, theirs, reused))
    if share < NEAR:
        return None
    grams = max(1, len(p.norm) - GRAM + 1)
    ranked = sorted(hits.items(), key=lambda kv: (-kv[1], kv[0]))
    sources = tuple(theirs[q].place for q, n in ranked if n / grams >= SOURCE_SHARE)[:SOURCES_MAX] or \
        (theirs[ranked[0][0]].place,)
    if "一" in p.parts and "四" in theirs[ranked[0][0]].parts:
        return Carried(PLAN, here, sources, round(share, 2), quoted=_longest_covered(p, covered))
    return Carried(NEAR_KIND, here, sources, round(share, 2), changed=_own_words(p, covered))


def _longest_covered(p: _Para, covered: list[bool]) -> str:
    """The longest run of ``p`` that is last year's wording, as written."""
    best, start = (0, 0), None
    for k, c in enumerate(covered + [False]):
        if c and start is None:
            start = k
        elif not c and start is not None:
            if k - start > best[1] - best[0]:
                best = (start, k)
            start = None
    if best[1] <= best[0]:
        return ""
    return p.place.text[p.index[best[0]]:p.index[best[1] - 1] + 1].strip("，。、；：,.;: \u3000")


def _as_written(sentence: str, theirs: list[_Para], reused) -> str:
    """A sentence of last year's plan as last year's report writes it (the normalised text has its
    marks unified and its years dropped)."""
    for _, q in reused:
        t = theirs[q]
        at = t.plain.find(sentence)
        if at >= 0:
            # plain skips the years' characters: find the sentence in the text by its first characters
            head = sentence[:8]
            for m in _SENTENCE.finditer(t.place.text):
                if head in _normalise(m.group(), 0)[3]:    # without the year it opens with ("2025年，我们将……")
                    return re.sub(r"^\s*(?:19|20)\d{2}\s*年度?\s*[，,、]?\s*", "", m.group()).strip()
    return sentence


def _figure_index(theirs: list[_Para]) -> dict[tuple, Place]:
    out: dict[tuple, Place] = {}
    for p in theirs:
        for key, at, _ in _figures_of(p):
            out.setdefault(key, Place(p.place.path, p.at[at], p.place.text))
    return out


def _figures_of(p: _Para):
    """(key, offset in the paragraph, the figure with its words) of every figure in ``p``: the key
    is the figure with the ``_CONTEXT`` characters written before it (not across a mark)."""
    text = p.place.text
    for m in _FIGURE.finditer(text):
        before = []
        k = m.start() - 1
        while k >= 0 and len(before) < _CONTEXT:
            c = text[k]
            if c in _DROP:
                k -= 1
                continue
            if not ("\u4e00" <= c <= "\u9fff"):
                break
            before.append(c)
            k -= 1
        if len(before) < 2:
            continue
        words = "".join(reversed(before))
        key = (words, m.group(1), m.group(2) or "", m.group(3) or "", m.group(4).translate(_CANON))
        start = m.start() - len(words)
        yield key, m.start(), text[max(0, start):m.end()]


def _figures(p: _Para, index: dict[tuple, Place]) -> list[Carried]:
    out = []
    for key, at, shown in _figures_of(p):
        there = index.get(key)
        if there is not None:
            out.append(Carried(FIGURES, Place(p.place.path, p.at[at], p.place.text), (there,), 1.0,
                               quoted=_clause_before(p.place.text, at, shown)))
    return out


def _clause_before(text: str, at: int, shown: str) -> str:
    """The figure with the words of its clause before it ("办理行政复议案件12件"), at most 14 characters."""
    start = at
    while start > 0 and text[start - 1] not in "，。；：、,.;:\n" and at - start < 14:
        start -= 1
    end = at + len(shown) - (len(shown) - len(shown.lstrip()))
    m = _FIGURE.match(text, at)
    return text[start:m.end() if m else end].strip()


# ---------------------------------------------------------------------------------------------
# Last year's report, as ``check`` reads it
from .inputs import IMPORT_SUFFIXES  # noqa: E402  (light: no importer loaded to know what it reads)

PREVIOUS_SUFFIXES = (".yaml", ".yml") + IMPORT_SUFFIXES


@dataclass
class Previous:
    """Last year's report for a comparison: its model, and how to name a place in it for the clerk
    (file:line for a YAML file; the paragraph of a .docx or the line of a .txt)."""

    name: str                             # the file as the clerk wrote it
    report: Report
    source: object = None                 # yamlsrc.SourceMap of a YAML file
    paras: list = field(default_factory=list)   # importer.Para of a .docx/.txt (their ``where``)
    path: str = ""                        # the file's real path

    def where(self, place: Place, here: str | None = None) -> str:
        """"2024.yaml:27〔第一部分 › 第（一）项 › 第1段〕" or "2024.docx 第12段“市委、市政府持续发挥…”";
        the 〔place〕 is left out when it is ``here`` (the same place in this year's report)."""
        from .paths import describe

        if self.source is not None:
            line, _ = self.source.locate(place.path, place.offset)
            at = f":{line}" if line else ""
            there = describe(place.path, self.report, place.offset)
            return f"{self.name}{at}" + (f"〔{there}〕" if there != here else "")
        head = "".join(c for c in place.text[:24] if c not in _DROP)[:12]
        for para in self.paras:
            if head and head in "".join(c for c in para.text if c not in _DROP):
                return f"{self.name} {para.where}“{place.text[:12]}…”"
        return f"{self.name}“{place.text[:12]}…”"


def load_previous(path, display: str | None = None) -> Previous:
    """Last year's report from ``path``: a drafter YAML file, or a .docx/.txt/.md read as ``drafter
    import`` reads it.  Raises DrafterError (FZ905) with a Chinese message when it cannot be read."""
    import os
    from pathlib import Path

    from .diagnostics import DrafterError

    p = Path(path)
    name = display or str(path)
    try:
        st = os.stat(p)
    except OSError:
        st = None
    key = (os.path.realpath(p), st.st_mtime_ns if st else 0, st.st_size if st else 0)
    hit = _CACHE.get(key)
    if hit is not None:
        return Previous(name, hit.report, hit.source, hit.paras, hit.path)
    if p.suffix.lower() not in PREVIOUS_SUFFIXES:
        raise DrafterError("FZ905", f"上一年度的报告“{name}”不是 drafter 能读的文件；请写 .yaml 文件，或去年的 .docx、网页（.html）、"
                                    "PDF、.txt 文件",
                           file=name)
    if p.suffix.lower() in (".yaml", ".yml"):
        from .loader import load_file

        loaded = load_file(p, name)
        report = loaded.report or loaded.partial
        if report is None:
            first = next((d for d in loaded.diagnostics if d.severity == "error"), None)
            if first is not None and first.code < "FZ010":            # the file itself: missing, a folder, binary …
                raise DrafterError("FZ905", f"上一年度的报告读不出：{first.message}", file=name)
            why = first.message if first else "读不出报告内容"
            at = f"第 {first.line} 行：" if first and first.line else ""
            raise DrafterError("FZ905", f"上一年度的报告“{name}”有错误，读不出（{at}{why}）；请先运行 drafter check {name} 改正",
                               file=name)
        prev = Previous(name, report, loaded.source, [], key[0])
    else:
        from .importer import import_file

        try:
            imported = import_file(p, p.with_suffix(".yaml"), display=name)
        except DrafterError as e:
            raise DrafterError("FZ905", f"上一年度的报告读不出：{e.diagnostic.message}", file=name) from None
        except Exception as e:  # noqa: BLE001 - the importer failing on an odd file: named, never a traceback
            raise DrafterError("FZ905", f"上一年度的报告“{name}”读不出（{type(e).__name__}）；请用 drafter import {name} "
                                        "查看原因", file=name) from None
        prev = Previous(name, imported.report, None, list(imported.source.paras), key[0])
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = prev
    return prev


_CACHE: dict[tuple, Previous] = {}


def compare_files(path, previous, select=(), ignore=()) -> tuple[list, Comparison | None, str]:
    """``drafter inspect THIS --previous LAST``: both read as ``drafter import`` reads them, compared,
    and the FZ9xx findings as Diagnostics that name the paragraph of THIS ("第12段“……”") instead of a
    line.  Returns (diagnostics, comparison, LAST as named).  Raises DrafterError when THIS cannot be
    read; LAST unreadable is FZ905 (an error: it was asked for)."""
    from pathlib import Path

    from .diagnostics import Diagnostic
    from .importer import import_file
    from .kinds import get_kind
    from .rules import Context, load_all, selected, settings_for
    from .rules.carryover import comparison

    p = Path(path)
    this = import_file(p, p.with_suffix(".yaml"), display=str(path))
    prev = load_previous(previous, str(previous))
    ctx = Context(this.report, None, get_kind(this.report.kind), settings_for(this.report, select, ignore))
    ctx.previous = prev
    out = []
    paras = list(this.source.paras)
    for code, rule_ in load_all().items():
        if not code.startswith("FZ9") or not selected(code, ctx.settings):
            continue
        for f in rule_.func(ctx) or ():
            text = _text_at(this.report, f.path)
            where = None
            if text is not None:
                start = f.offset or 0
                head = "".join(c for c in text[start:start + 24] if c not in _DROP)[:12]
                para = next((x for x in paras if head and head in "".join(c for c in x.text if c not in _DROP)), None)
                if para is not None:
                    shown = para.text if len(para.text) <= 12 else para.text[:12] + "…"
                    where = f"{para.where}“{shown}”"
            out.append(Diagnostic(code, f.severity or rule_.severity, f.message, str(path), None, None, where))

    def order(d):                                      # in the order of the document, as inspect lists
        m = re.match(r"第(\d+)段", d.where or "")
        return (int(m.group(1)) if m else 10 ** 9, d.code)

    return sorted(out, key=order), comparison(ctx), prev.name


def _text_at(report, path: tuple):
    obj = report
    for k in path:
        try:
            obj = obj[k] if isinstance(k, int) else getattr(obj, k)
        except (AttributeError, IndexError, KeyError, TypeError):
            return None
    return obj if isinstance(obj, str) else None
