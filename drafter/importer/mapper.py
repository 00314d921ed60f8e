"""The anatomy of a source (``drafter.anatomy``) -> the drafter ``Report``, with comments for the YAML
and a summary.

Order of work: the anatomy pass splits flattened paragraphs, reads the head (web chrome, 发文字号,
title, 主送机关, 导语) up to the first heading and the tail backwards (版记, 附注, 成文日期, 署名,
附件, 结束语); here the body is parsed into a tree by its numbering (一、（一）1.（1） in any of their spellings, Word heading
styles, Markdown '#'); map the top-level sections to the kind's required parts by their wording and
position; give unheaded paragraphs after the last heading to a part when their wording leaves no
doubt.  Text is never changed: only numbers are dropped and whitespace at the ends of lines removed.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from .. import anatomy as A
from .. import conventions as C
from .. import source as S
from ..kinds import Kind, get_kind
from ..model import LEVEL_STYLES, Report
from ..textutil import clip, level_marker
from . import patterns as P

MISSING_REASON = "【请补写这一部分，或在这里写明不单列的理由】导入时原文中没有找到此部分"   # FZ101 until edited
ORG_PLACEHOLDER = "【请填写发文机关全称】"
MAX_LEVELS = 4              # 一、（一）1.（1）

# Wording that tells which part an unheaded paragraph belongs to (used only after the last heading,
# and only when exactly one part matches).  "{next}" is the year after the report's year.  A kind may
# override this with an ``import_cues`` mapping in its kind.yaml.
IMPORT_CUES = {
    "fzzf": {
        "二": {"contains": ["不足", "差距", "短板", "薄弱环节", "存在的问题", "存在一些问题"], "starts": []},
        "三": {"contains": ["第一责任人"], "starts": []},
        "四": {"contains": ["下一步", "{next}年,我们将", "{next}年，我们将"],
               "starts": ["{next}年", "下一步", "下一年", "明年", "今后", "新的一年"]},
    },
}


# ---------------------------------------------------------------------------------------------
@dataclass(eq=False)
class Text:
    text: str
    where: str
    comments: list[str] = field(default_factory=list)
    para: S.Para | None = None         # the source paragraph it came from


_LEVEL_KINDS = ("cn", "pcn", "num", "pnum")      # the numbering of levels 1-4 (GB/T 9704 §7.3.3)


def origins_of_items(items: list, path: tuple, out: dict, first: int = 0) -> None:
    """``out[path + (k,)]``: the source paragraph each item (Text, Node, table) at ``path`` came from,
    numbered from ``first``; a Node's content below it (so a finding points at its own paragraph)."""
    for k, x in enumerate(items, first):
        if getattr(x, "para", None) is not None:
            out[path + (k,)] = [x.para]
        if isinstance(x, Node):
            origins_of_items(x.content, path + (k, "content"), out)


@dataclass(eq=False)
class Node:
    heading: str | None
    kind: str | None
    where: str
    run_in: bool = False
    content: list = field(default_factory=list)      # Text | Node
    comments: list[str] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    no_heading: bool = False
    para: S.Para | None = None         # the source paragraph of its heading (or of its first text)


@dataclass(eq=False)
class TableNode:
    """A table of the source: its rows of cells, its title and note when the anatomy found them."""

    rows: list[list[str]]
    where: str
    para: S.Para | None = None         # its first row
    key: object = None                 # the reader's table (rows of one table)
    title: str | None = None
    note: str | None = None
    comments: list[str] = field(default_factory=list)

    def data(self) -> dict:
        width = max(len(r) for r in self.rows)
        rows = [r + [""] * (width - len(r)) for r in self.rows]
        t: dict = {"header": [rows[0]], "rows": rows[1:]} if len(rows) > 1 else {"rows": rows}
        if self.title:
            t["title"] = self.title
        if self.note:
            t["note"] = self.note
        return {"table": t}


@dataclass
class Mapped:
    report: Report
    comments: dict[tuple, list[str]]
    header: list[str]                 # comment lines at the top of the YAML
    summary: list[str]                # printed by the command (Chinese)
    origins: dict = field(default_factory=dict)   # model path -> the source paragraphs its text came from
    org_from: str = ""                # where the 发文机关 was read ("标题", "署名", "" = not found)
    year_from: str = ""               # where the 年度 was read
    kind: Kind | None = None          # the kind mapped to (choose_kind)
    kind_why: str | None = None       # why that kind, in Chinese
    anatomy: "A.Anatomy | None" = None


# ---------------------------------------------------------------------------------------------
class Mapper:
    """The anatomy of a source -> the kind's Report: the body read into a tree by its numbering, its
    sections matched to the required parts, head and tail copied to the model's fields."""

    def __init__(self, src: S.Source, kind: Kind | None = None, org: str | None = None, year: int | None = None,
                 doc=None, anatomy: "A.Anatomy | None" = None, as_written: bool = False):
        self.src = src
        self.as_written = as_written      # parts as the document has them, in its order (inspect judges it)
        self.kind = kind or get_kind()
        self.opt_org = org.strip() if org else None
        self.opt_year = year
        self.doc = doc
        self.a = anatomy
        self.comments: dict[tuple, list[str]] = {}
        self.header: list[str] = []
        self.dropped: list[S.Para] = []          # web chrome (listed in the header comment and summary)
        self.unknown: list[S.Para] = []          # head lines that fit nowhere (kept as comments)
        self.marked: list[str] = []              # summary lines: what the clerk must check
        self.renumbered: set[tuple[str, int]] = set()
        self.loose_intro: list[S.Para] = []      # text before the first heading that the head did not take
        self.out_of_order: dict[str, Node] = {}  # part key -> the section that looks like it but is out of order
        self.origins: dict[tuple, object] = {}   # model path -> the source paragraph it came from
        self.found: dict[str, str] = {}          # field -> where it came from (for the summary)
        self.title_lines: list[str] = []
        self.deferred: list[tuple[Node, S.Para, int]] = []   # renumbering notes, for a kind that may keep the levels
        self.kind_why: str | None = None         # why this kind was taken (choose_kind), for the summary

    # -- entry ---------------------------------------------------------------------------------
    def run(self) -> Mapped:
        if self.a is None:
            self.a = A.read(self.src, self.kind, self.doc)
        a = self.a
        self.marked.extend(a.notes)
        self.dropped = a.head.chrome + a.tail.web
        self.unknown = a.head.unknown + a.tail.unknown
        h, tl = a.head, a.tail
        for key, p in (("flag", h.flag[0] if h.flag else None), ("doc_number", h.doc_number_at),
                       ("title", h.title[0] if h.title else None), ("recipients", h.addressee_at),
                       ("signatories", tl.signature_at[0] if tl.signature_at else None), ("date", tl.date_at),
                       ("note", tl.note), ("closing", tl.closing)):
            if p is not None:
                self.found[key] = p.where
        sections = self.read_body(a.body)
        return self.build(sections)

    @property
    def head(self) -> A.Head:
        return self.a.head

    @property
    def tail(self) -> A.Tail:
        return self.a.tail

    @property
    def intro(self) -> list[S.Para]:
        return self.head.intro + self.loose_intro

    def heading_of(self, p: S.Para) -> A.HeadingOf | None:
        return self.a.heading_of(p)

    # -- body ----------------------------------------------------------------------------------
    @staticmethod
    def bold_heading(p: S.Para) -> bool:
        """A short paragraph set in bold throughout, without a number or sentence punctuation
        ("加强执法监督"): a heading whose number was never typed."""
        from .wrap import ends_sentence

        t = C.strip(p.text)
        return (p.bold is not None and p.role is None and 2 <= len(t) <= 30 and C.heading_marker(t + "x") is None
                and not ends_sentence(t) and not any(c in t for c in "。；;！!？?")
                and not (C.is_closing(t) or C.parse_date(t) or P.is_chrome(t)))

    def note_renumbered(self, node: Node, p: S.Para, depth: int) -> None:
        """drafter numbers by level (一、 （一） 1. （1））: a "1." written directly under "一、" prints
        as "（一）".  Say so, once per kind of numbering, so the clerk can check the levels."""
        mk = C.heading_marker(p.text)
        shape = re.sub(rf"[{C.CN}]+|[0-9０-９]+", "N", C.strip(mk.found)) if mk is not None else ""
        if mk is not None and not mk.ok and mk.kind in _LEVEL_KINDS and ("form", shape) not in self.renumbered:
            # "一)", "(一", "1、": a number written wrong (a bracket lost in a web editor) read at its level
            self.renumbered.add(("form", shape))
            self.marked.append(f"{p.where}起：原文序号“{C.strip(mk.found)}”写得不对（应为“{mk.expected}”），已按标题导入，"
                               "生成时由 drafter 编号（FZ606 说明序号的写法）")
        if mk is None or mk.kind not in _LEVEL_KINDS or _LEVEL_KINDS.index(mk.kind) == depth:
            return
        if not self.kind.parts:                  # a 公文 keeps its levels when it can (levels_as_written)
            self.deferred.append((node, p, depth))
            return
        self.say_renumbered(node, p, depth, mk)

    def say_renumbered(self, node: Node, p: S.Para, depth: int, mk) -> None:
        written = C.strip(p.text[:mk.end])
        shown = level_marker(depth + 1, 1)
        node.comments.append(f"导入：原文序号“{written}”在第{depth + 1}层，按层次编为“{shown}”式，请核对层次")
        key = (mk.kind, depth)
        if key not in self.renumbered:
            self.renumbered.add(key)
            self.marked.append(f"{p.where}起：原文“{written}”式序号用在第{depth + 1}层，已按层次改为“{shown}”式，请核对")

    def nested_items(self, body: list[S.Para]) -> set[int]:
        """"一、2022年法治政府建设主要措施" followed at once by "一、强化领导责任……": the author numbered
        the part's items with the part's own numbering.  Those items — 一、二、三… in sequence, none
        naming another required part — are the part's subsections; the part's sequence resumes at the
        first heading that names another part ("二、存在的不足和原因")."""
        out: set[int] = set()
        k = 0
        while k + 1 < len(body):
            h, nxt = self.heading_of(body[k]), self.heading_of(body[k + 1])
            mk, mn = C.heading_marker(body[k].text), C.heading_marker(body[k + 1].text)
            if not (h and nxt and not h.rest and h.kind == nxt.kind and mk and mn and mn.number == 1):
                k += 1
                continue
            own = set(self.part_scores(h.text))
            expect, j = 1, k + 1
            while j < len(body):
                hj = self.heading_of(body[j])
                if hj is None or hj.kind != h.kind:
                    j += 1
                    continue
                mj = C.heading_marker(body[j].text)
                other = {key for key, v in self.part_scores(hj.text).items() if v >= 2} - own
                if mj is None or mj.number != expect or other:
                    break
                out.add(id(body[j]))
                expect += 1
                j += 1
            k = j
        return out

    def read_body(self, body: list[S.Para]) -> list[Node]:
        root = Node(None, None, "")
        stack: list[Node] = [root]
        kinds: list[str] = []
        self.trailing: list[tuple[Node, Text]] = []
        after_own_line = False
        inner = self.nested_items(body)
        for p in body:
            if p.role is None and P.is_chrome_tokens(p.text):
                self.dropped.append(p)            # "【打印本页】【关闭窗口】" between the paragraphs
                continue
            h = self.heading_of(p)
            if h is not None and id(p) in inner:     # an item numbered like the part it belongs to
                h = A.HeadingOf(h.kind + ":items", h.text, h.rest, h.run_in)
            bold = h is None and self.bold_heading(p)
            if bold:
                h = A.HeadingOf("bold:" + (p.bold or ""), p.text, None, False)
            if h is not None:
                if h.kind == "bare" and kinds:           # a part's name without its number: a top-level section
                    h = A.HeadingOf(kinds[0], h.text, h.rest, h.run_in)
                d = kinds.index(h.kind) if h.kind in kinds else len(kinds)
                if d >= MAX_LEVELS:
                    h = None
                else:
                    del kinds[d:]
                    del stack[d + 1:]
                    kinds.append(h.kind)
                    node = Node(C.strip(h.text), h.kind, p.where, run_in=h.run_in, para=p)
                    self.note_renumbered(node, p, d)
                    if bold:
                        shown = level_marker(d + 1, 1) if d else "一、"
                        level = f"{'一二三四'[min(d, 3)]}级标题"
                        node.comments.append(f"导入：原文这一行没有序号、只是加粗，按{level}（“{shown}”式）导入，"
                                             "请核对它是不是小标题、层次对不对")
                        self.marked.append(f"{p.where}：加粗的一行“{clip(p.text)}”没有序号，按{level}导入，请核对")
                    stack[-1].content.append(node)
                    stack.append(node)
                    if h.rest:
                        node.content.append(Text(h.rest, p.where, para=p))
                    self.trailing = []
                    after_own_line = not h.run_in
                    continue
            here = stack[-1].content
            if p.role == S.TABLE:                 # a row of a table: the table it belongs to, with its title
                cells = [C.strip(c) for c in (p.cells or [p.text])]
                last = here[-1] if here else None
                if isinstance(last, TableNode) and last.key == A.table_of(p):
                    last.rows.append(cells)
                    continue
                node_t = TableNode([cells], p.where, p, A.table_of(p))
                if isinstance(last, Text) and last.para is not None and self.a.role(last.para) == A.TABLE_TITLE:
                    here.pop()
                    node_t.title = last.text
                here.append(node_t)
                continue
            if self.a.role(p) == A.TABLE_NOTE and here and isinstance(here[-1], TableNode):
                here[-1].note = p.text
                continue
            item = Text(p.text, p.where, para=p)
            here.append(item)
            if after_own_line:
                after_own_line = False           # the first paragraph under an own-line heading is its text
            elif len(stack) > 1:
                self.trailing.append((stack[-1], item))
        loose = [x for x in root.content if not isinstance(x, Node)]
        if loose and not any(isinstance(x, Node) for x in root.content):
            # no heading at all: one unheaded section; its paragraphs after the first may find their part
            node = Node(None, None, loose[0].where, content=loose, no_heading=True, para=loose[0].para)
            self.trailing = [(node, x) for x in loose[1:] if isinstance(x, Text)]
            return [node]
        sections = [x for x in root.content if isinstance(x, Node)]
        if loose:                                # text before the first heading that the head did not take
            self.loose_intro = [x.para or S.Para(x.text, x.where) for x in loose if isinstance(x, Text)]
            tables = [x for x in loose if isinstance(x, TableNode)]
            sections[0].content[:0] = tables      # a table before the first heading: the first part's
        return sections

    # -- parts -----------------------------------------------------------------------------------
    def part_scores(self, heading: str) -> dict[str, float]:
        """Which parts a heading names (the kind's data: part names and keywords)."""
        return C.part_scores(self.kind, heading)

    def assign_parts(self, sections: list[Node]) -> None:
        """Best order-respecting assignment (FZ103): every section takes the parts its heading names,
        or none (an extra section); when no heading names the first part, the sections before the
        others may take it by position.  Dynamic programming over "highest part so far"."""
        keys = self.kind.keys
        if not keys:                             # a kind without required parts (通用公文)
            return
        order = {k: n for n, k in enumerate(keys)}
        if not self.as_written and self.reorder(sections):
            return
        scores = self.weak_dropped([self.part_scores(s.heading or "") for s in sections])
        first = keys[0]
        first_named = any(first in sc for sc in scores)
        options: list[list[tuple[tuple[str, ...], float, str]]] = []
        for sc in scores:
            opts = [((), 0.0, "none")]
            if sc:
                ks = tuple(sorted(sc, key=order.get))
                opts.append((ks, sum(sc.values()), "words"))
                if len(ks) > 1:
                    for k in ks:
                        opts.append(((k,), sc[k] - 0.25, "words"))
            if not first_named and first not in sc:
                opts.append(((first,), 0.5, "position"))
            options.append(opts)
        # best[h] = (score, choices) with h = highest part index so far (-1 none)
        best: dict[int, tuple[float, list[int]]] = {-1: (0.0, [])}
        for opts in options:
            nxt: dict[int, tuple[float, list[int]]] = {}
            for h, (score, picks) in best.items():
                for n, (ks, sc, _) in enumerate(opts):
                    if ks and min(order[k] for k in ks) < h:
                        continue
                    nh = max([h] + [order[k] for k in ks])
                    cand = (score + sc, picks + [n])
                    if nh not in nxt or cand[0] > nxt[nh][0] + 1e-9:
                        nxt[nh] = cand
            best = nxt
        _, picks = max(best.values(), key=lambda v: v[0])
        for sec, opts, pick, sc in zip(sections, options, picks, scores):
            ks, _, why = opts[pick]
            sec.parts = list(ks)
            if why == "position":
                sec.comments.append(f"导入：标题没有点明属于哪一部分，按位置归入第{first}部分“{self.kind.part(first).name}”，请核对")
                self.marked.append(f"“{clip(sec.heading)}”按位置归入第{first}部分")
            elif not ks and sc and self.as_written:
                # out of the regulation's order, as written: the part it names that no section serves
                served = {k for s in sections for k in s.parts}
                sec.parts = sorted(sc, key=lambda k: (k in served, -sc[k], order[k]))[:1]
            elif not ks and sc:
                named = "、".join(f"第{k}部分" for k in sorted(sc, key=order.get))
                sec.comments.append(f"导入：标题像是{named}，但排在后面的部分之后，顺序不对，已作为额外部分保留；"
                                    f"请把这一部分移到规定的位置，加上“部分: {sorted(sc, key=order.get)[0]}”，"
                                    "再删去“省略部分”中的相应一行")
                self.marked.append(f"{sec.where}“{clip(sec.heading)}”像是{named}，但顺序不对，作为额外部分保留")
                for k in sc:
                    self.out_of_order.setdefault(k, sec)
            elif not ks:
                sec.comments.append("导入：标题未对应任何必备部分，作为额外部分保留（不写“部分”）")

    @staticmethod
    def weak_dropped(scores: list[dict]) -> list[dict]:
        """A part one section names by its full name is not also claimed by a section that touches a
        single short keyword of it ("对……的建议" beside "其他需要报告的情况" is an extra part)."""
        named_fully = {k for sc in scores for k, v in sc.items() if v >= 3}
        return [{k: v for k, v in sc.items() if not (k in named_fully and v < 2)} for sc in scores]

    def reorder(self, sections: list[Node]) -> bool:
        """Every section's heading names one required part, each a different one, but not in the
        regulation's order (e.g. 第一责任人 before 不足): put them in that order and say so."""
        keys = self.kind.keys
        order = {k: n for n, k in enumerate(keys)}
        scores = self.weak_dropped([self.part_scores(sec.heading or "") for sec in sections])
        if any(not sc or sec.no_heading for sc, sec in zip(scores, sections)):
            return False
        # a section naming a single part takes it first; then one naming a part clearly more than others;
        # a part taken is no longer a candidate for the rest ("2025年主要工作安排": 一 or 四, 一 taken)
        picks: list[str | None] = [None] * len(sections)
        taken: set[str] = set()
        progress = True
        while progress and None in picks:
            progress = False
            for strict in (True, False):
                for n, sc in enumerate(scores):
                    if picks[n] is not None:
                        continue
                    avail = {k: v for k, v in sc.items() if k not in taken}
                    if not avail:
                        return False
                    best = max(avail.values())
                    tops = [k for k, v in avail.items() if v == best]
                    if len(avail) == 1 or (not strict and len(tops) == 1
                                           and not any(v >= 2 for k, v in avail.items() if k != tops[0])):
                        picks[n] = tops[0]
                        taken.add(tops[0])
                        progress = True
                if progress:
                    break
        if None in picks:
            return False
        if len(picks) < 2 or len(set(picks)) != len(picks) or picks == sorted(picks, key=order.get):
            return False
        was = "、".join(picks)
        numbered = {id(sec): n for n, sec in enumerate(sections, 1)}
        for sec, key in zip(sections, picks):
            sec.parts = [key]
        sections.sort(key=lambda sec: order[sec.parts[0]])
        for n, sec in enumerate(sections, 1):
            old = numbered[id(sec)]
            if old != n:
                sec.comments.append(f"导入：原文这一部分排在正文第{_cn(old)}部分（{sec.where}），已按规定的顺序"
                                    f"（第{'、'.join(keys)}部分）移到第{_cn(n)}部分，请核对")
        self.marked.append(f"原文各部分的顺序（第{was}部分）与规定的顺序不同，已按规定的顺序重新排列（文字未改），请核对")
        return True

    def cues(self, year: int) -> dict[str, dict[str, list[str]]]:
        table = self.kind.extra.get("import_cues") or IMPORT_CUES.get(self.kind.id) or {}
        out = {}
        for key, c in table.items():
            out[str(key)] = {w: [str(x).replace("{next}", str(year + 1)) for x in (c.get(w) or [])]
                             for w in ("contains", "starts")}
        return out

    def classify(self, text: str, year: int) -> list[str]:
        """Parts whose cues the paragraph carries; how it starts ("2025年，我们将……") outweighs what
        it mentions on the way."""
        cues = self.cues(year)
        starts = [k for k, c in cues.items() if any(text.startswith(x) for x in c["starts"])]
        if starts:
            return starts
        return [k for k, c in cues.items() if any(x in text for x in c["contains"])]

    def place_trailing(self, sections: list[Node], year: int) -> None:
        """Unheaded paragraphs after the last heading (e.g. 不足 and next year's plans written as plain
        paragraphs at the end): moved into a part of their own (无标题) when their wording names exactly
        one part that no section serves yet and that comes after the others; otherwise left in place."""
        if not self.trailing or not sections or not self.kind.parts:
            return
        order = {k: n for n, k in enumerate(self.kind.keys)}
        served = {k for s in sections for k in s.parts}
        highest = max((order[k] for s in sections for k in s.parts), default=-1)
        last_parts = set(sections[-1].parts)
        current: Node | None = None
        for parent, item in self.trailing:
            hits = self.classify(item.text, year)
            if len(hits) == 1 and hits[0] not in served and order[hits[0]] > highest:
                key = hits[0]
                _remove(parent.content, item)
                current = Node(None, None, item.where, parts=[key], no_heading=True, content=[item], para=item.para)
                current.comments.append(f"导入：原文这一段没有标题，按内容归入第{key}部分“{self.kind.part(key).name}”"
                                        "（无标题），请核对")
                sections.append(current)
                served.add(key)
                highest = order[key]
                self.marked.append(f"{item.where}：没有标题的一段（“{clip(item.text)}”）按内容归入第{key}部分")
            elif current is not None:
                _remove(parent.content, item)
                current.content.append(item)
                if not hits or hits != current.parts:
                    item.comments.append("导入：这一段没有标题，接在上一段之后，暂归入同一部分，请核对")
                    self.marked.append(f"{item.where}：没有标题的一段（“{clip(item.text)}”）暂归入第{current.parts[0]}部分")
            elif hits and not set(hits) & last_parts:
                named = "、".join(f"第{k}部分" for k in hits)
                item.comments.append(f"导入：这一段在最后一个标题之后、没有标题，可能属于{named}，无法确定，"
                                     "暂留在上一项中；请移到相应部分")
                self.marked.append(f"{item.where}：没有标题的一段（“{clip(item.text)}”）可能属于{named}，暂留原处")

    # -- metadata ----------------------------------------------------------------------------------
    def resolve_org(self, title: str | None) -> tuple[str, str]:
        h, tl = self.head, self.tail
        if self.opt_org:
            return self.opt_org, "命令行 --org"
        signed = tl.signatories
        if title and C.org_from_title(title):
            named = C.org_from_title(title)
            # 联合行文 (中共××委员会 ××人民政府关于……): the 发文机关 is the main organ, named first
            parts = [x for x in re.split(rf"[{C.WS}]+", named) if x]
            if len(parts) > 1 and all(C.is_orgish(x) for x in parts):
                return parts[0], "标题中的第一个机关（联合行文的主办机关）"
            if tl.joint_row and "".join(parts).startswith(signed[0]) and "".join(parts) != signed[0]:
                return signed[0], "标题中的第一个机关（联合行文的主办机关）"     # (the title may name fewer)
            # "红石乡2024年度……报告" signed 红石乡人民政府: the title used the short name
            full = next((x for x in signed if x.startswith(named) and len(x) > len(named)), None)
            if full:
                return full, f"署名；标题中写的是“{named}”"
            # …or the web page's 发布机构 (or 来源) names it in full
            for label in ("发布机构", "来源"):
                v = C.strip(h.web.get(label) or "")
                if C.is_government_of(v, named):
                    return v, f"网页信息“{label}”；标题中写的是“{named}”"
            return named, "标题"
        if signed:
            return signed[0], "署名"
        flag = h.flag[0].text if h.flag else None
        if flag:
            return C.without_file_word(flag) if len(flag) > 4 else flag, "发文机关标志"
        for label in ("发布机构", "发文机构", "所属机构", "发布单位"):
            v = h.web.get(label)
            if v and C.is_orgish(v):
                return v, f"取自网页信息“{label}”，请核对是否为全称"
        for para in self.intro[:1]:
            name = C.organ_in_intro(para.text)
            if name:
                return C.full_name(name) or name, f"由导语中的“{name}”推断，请核对全称"
        return ORG_PLACEHOLDER, ""

    def resolve_year(self, title: str | None, sections: list[Node]) -> tuple[int, str]:
        if self.opt_year:
            return self.opt_year, "命令行 --year"
        if not self.kind.annual:                 # a 公文's 年度 is the year it is issued
            if self.tail.date:
                return self.tail.date.year, "成文日期"
            dn = C.parse_doc_number(self.head.doc_number) if self.head.doc_number else None
            if dn is not None and len(dn.year) == 4:
                return dn.year_int, "发文字号"
            return _dt.date.today().year, ""
        if title:
            y = C.year_in(title)
            if y:
                return y, "标题"
        for para in self.intro[:1]:
            y = C.year_in(para.text)
            if y:
                return y, "导语"
        for s in sections[:1]:
            y = C.year_in(s.heading or "")
            if y:
                return y, "第一部分标题"
        d = self.tail.date
        if d:
            return (d.year if d.month >= 10 else d.year - 1), "成文日期（推断）"
        for label in ("成文日期", "发布日期"):
            d = C.parse_date(C.strip(self.head.web.get(label) or "")[:20].split(" ")[0])
            if d:
                return (d.year if d.month >= 10 else d.year - 1), f"网页信息“{label}”{C.fmt_date(d)}（推断）"
        return _dt.date.today().year - 1, ""

    def web_date(self) -> tuple[_dt.date | None, str]:
        """The 成文日期 the web page's metadata gives, when the text has none (or lacks its day in the same
        month): (date, the label it came from)."""
        tl = self.tail
        if tl.date is not None:
            return None, ""
        raw = C.strip(self.head.web.get("成文日期") or "")
        d = C.parse_date(raw[:20].split(" ")[0]) if raw else None
        if d is None:
            return None, ""
        if tl.date_partial:
            parts = C.date_parts(tl.date_partial + "1日")
            if not parts or parts[:2] != (d.year, d.month):
                return None, ""
        return d, raw

    # -- build -----------------------------------------------------------------------------------
    def build(self, sections: list[Node]) -> Mapped:
        from ..compose import Composer, clean_line
        from ..titlebreak import break_title

        h, tl = self.head, self.tail
        web = h.web
        doc_number = h.doc_number
        if not doc_number:
            for label in ("文号", "发文字号"):
                if web.get(label) and C.doc_number_line(web[label]):
                    doc_number = C.strip(C.doc_number_line(web[label]).group("no"))
                    self.found["doc_number"] = f"网页信息“{label}”"
                    break
        title_lines = h.title_lines
        if not title_lines:
            for label in ("标题", "名称", "信息名称"):
                if web.get(label) and C.title_like(web[label]):
                    title_lines = [web[label]]
                    self.found["title"] = f"网页信息“{label}”"
                    break
        self.title_lines = title_lines
        title_joined = "".join(title_lines) if title_lines else None
        org, org_from = self.resolve_org(title_joined)
        year, year_from = self.resolve_year(title_joined, sections)
        self.assign_parts(sections)
        self.place_trailing(sections, year)

        for k, note in enumerate(self.src.footnotes, 1):
            self.header.append(f"导入：原文的脚注（尾注）{k}，未写入报告：{note}")
        header = "无"
        flag = h.flag[0].text if h.flag else None
        # 联合行文: the organs stacked, "文件" beside them (one line of its own, or after the last organ)
        organs = [x for x in (C.without_file_word(y) for y in h.flag_lines) if x]
        joint = organs if len(organs) > 1 and self.a.joint_flag else []
        flag_lines = h.flag_lines
        if h.flag_more and not joint:
            if all(C.strip(p.text) == "文件" for p in h.flag_more):
                flag = flag + "文件"                 # one organ, "文件" on the line below
            else:                                   # an organ's name under a one-organ 标志: not the 标志
                self.unknown.extend(h.flag_more)
            flag_lines = [flag]
        if flag and not joint and (self.src.drafter or self.a.signed_jointly) \
                and len(side := [x for x in re.split(rf"[{C.WS}]+", C.strip(flag)) if x]) > 1 \
                and all(C.is_orgish(x) for x in side):
            joint = side                            # organs side by side on one line (a joint 函)
        if flag and self.src.drafter:
            header = "文件" if any(x.endswith("文件") for x in flag_lines) else "函"
        elif doc_number and h.recipients and tl.date:
            header = "函" if "函" in doc_number else "文件"
        data: dict = {"org": org, "year": year, "header": header}
        if self.kind.id != get_kind().id:
            data["kind"] = self.kind.name
        short = C.short_name(org)
        if short and short != org:
            data["short_name"] = short
        if joint:
            data["flag"] = joint
        elif flag and flag not in (org, org + "文件"):
            data["flag"] = flag
        if doc_number:
            dn = doc_number
            fixed = C.parse_doc_number(dn).normalized if C.parse_doc_number(dn) else dn
            data["doc_number"] = fixed
            if fixed != dn:
                self.comments.setdefault(("doc_number",), []).append(
                    f"导入：原文为“{dn}”，已按 GB/T 9704 §7.2.5 改写（年份用六角括号〔〕，序号不加“第”、不编虚位）")
                self.marked.append(f"发文字号“{dn}”已改写为“{fixed}”")
        values = {"signers": h.signers, "copy_number": h.copy_number, "secrecy": h.secrecy, "urgency": h.urgency,
                  "recipients": h.recipients, "signatories": tl.signatories, "attachments": tl.attachments,
                  "cc": tl.cc, "printer": tl.printer, "print_date": tl.print_date,
                  "note": tl.note.text if tl.note else None, "date": tl.date}
        web_date, web_raw = self.web_date()
        if web_date is not None:
            values["date"] = web_date
            self.found["date"] = "网页信息“成文日期”"
            self.comments.setdefault(("date",), []).append(
                f"导入：原文正文后{'的成文日期“' + tl.date_partial + '”缺少日' if tl.date_partial else '没有成文日期'}，"
                f"取自网页信息“成文日期：{web_raw}”，请核对")
            self.marked.append(f"成文日期取自网页信息“成文日期：{web_raw}”")
        for f, v in values.items():
            if v:
                data[f] = v
        if header == "无":
            for f, label in (("copy_number", "份号"), ("secrecy", "密级"), ("urgency", "紧急程度")):
                if data.pop(f, None):
                    self.header.append(f"导入：原文的{label}“{values[f]}”未写入：无版头的公开文本不能有{label}；"
                                       f"如按函或文件格式报送，请把版头改为 函 或 文件，并写“{label}: {values[f]}”")
                    self.marked.append(f"{label}“{values[f]}”未写入（版头为“无”），见文件开头的注释")
        if self.src.sealed:
            data["seal"] = True
        elif header != "无" and not tl.seal_lines and not self.src.drafter:
            # a 函/文件 as sent is usually sealed, but the published text does not show it: the clerk decides
            data["seal"] = False
            self.comments.setdefault(("seal",), []).append(
                f"导入：原文看不出是否盖章；报送的{header}盖章时请改为“印章: 是”（署名和成文日期随之按盖章的格式排）")
        if tl.seal_lines:
            data["seal"] = True
            seal = tl.seal_lines[0]
            self.comments.setdefault(("seal",), []).append(
                f"导入：原文署名处有“{seal.text}”（{seal.where}），已写“印章: 是”，生成时留出盖章位置（drafter 不画印章）；"
                "不需要盖章的公开文本请改为“否”")
            self.marked.append(f"{seal.where}：“{seal.text}”未作为文字导入，已写“印章: 是”")
        if tl.date_first and tl.date:
            self.comments.setdefault(("date",), []).append(
                f"导入：原文成文日期写在署名之上（{self.found.get('date', '')}），生成的文件按 GB/T 9704 排在署名之下")
            self.marked.append(f"成文日期原在署名之上（{self.found.get('date', '')}），生成时排在署名之下")
        intro = [p.text for p in self.intro]
        if intro:
            data["intro"] = "\n\n".join(intro)
        data["closing"] = tl.closing.text if tl.closing else "无"

        # run-in: one global setting when every heading with text after it is run in
        subs = [n for s in sections for n in _walk(s.content) if n.content and isinstance(n.content[0], Text)]
        run_in_all = bool(subs) and all(n.run_in for n in subs)
        if run_in_all:
            data["layout"] = {"run_in": True}
        if not self.kind.parts:
            levels = self.levels_as_written(sections)
            if levels is None:                   # mixed: numbered by level, as a report is, and said so
                for node, p, depth in self.deferred:
                    self.say_renumbered(node, p, depth, C.heading_marker(p.text))
            elif levels != list(LEVEL_STYLES[:len(levels)]):
                data.setdefault("layout", {})["levels"] = levels
                skipped = [x for x in LEVEL_STYLES[:LEVEL_STYLES.index(levels[-1])] if x not in levels]
                self.marked.append(f"原文的标题层次是“{'”“'.join(levels)}”（没有“{'”“'.join(skipped)}”这一层），已按原文保留"
                                   "（“格式: 层次序号”）；GB/T 9704 的层次依次为“一、”“（一）”“1.”“（1）”，要逐层编号，"
                                   "请在原稿中补上这一层，或删去 YAML 中的“层次序号”")
        data["sections"] = [self.section_data(s, run_in_all) for s in sections]
        self.page_origins: dict = {}
        self.attachment_items(data, self.page_origins)
        for node in sections:
            if not node.content:
                node.comments.append("导入：原文这一部分标题下没有内容，请补写（如无内容，写“- 无”）")
                self.marked.append(f"{node.where}：“{clip(node.heading)}”下没有内容")

        # required parts nobody serves
        served = {k for s in sections for k in s.parts}
        omitted = {}
        for part in self.kind.parts:
            if part.key in served:
                continue
            extra = self.out_of_order.get(part.key)
            if extra is not None:
                omitted[part.key] = (f"【请把它移到规定的位置并写“部分: {part.key}”，再删去这一行】原文有此部分"
                                     f"（{extra.where}“{clip(extra.heading, 30)}”），但顺序不对，导入时作为额外部分保留")
                self.comments.setdefault(("omitted_parts", part.key), []).append(
                    f"导入：第{part.key}部分“{part.name}”在原文中排错了位置（{extra.where}），见正文中的注释")
            else:
                omitted[part.key] = MISSING_REASON
                hint = self.hint_for(part, sections)
                self.comments.setdefault(("omitted_parts", part.key), []).append(
                    f"导入：原文中没有找到第{part.key}部分“{part.name}”" + (f"；{hint}" if hint else ""))
        if omitted:
            data["omitted_parts"] = omitted

        report = Report.model_validate(data, by_name=True, by_alias=False)
        comp = Composer(report, self.kind)
        # headings identical to drafter's default wording are left to drafter (as a clerk would)
        for k, sec in enumerate(report.sections):
            if sec.heading and sec.parts:
                default = comp.section_heading(sec.model_copy(update={"heading": None}))
                if default is not None and clean_line(sec.heading) == default:
                    data["sections"][k]["heading"] = None
        title_note = None
        if title_lines:
            default_title = comp.title_text() if report.title is None else None
            if default_title is not None and title_joined == default_title:
                title_note = "标题与 drafter 按发文机关和年度生成的标题相同，未写“标题”"
            else:
                names = tuple(x for x in (org, report.short_name, *report.flag) if x)
                from ..compose import TITLE_MAX_ZI

                # a joint report's title broken between two organs ("中共××委员会" / "××人民政府关于……"):
                # the customary space between them, which the break dropped, comes back when the title
                # breaks the same way with it
                jointly = bool(joint) or self.a.signed_jointly
                spaced = title_lines[0] + "".join(
                    (" " if jointly and C.is_orgish(a) and C.is_orgish(b.split("关于")[0]) else "") + b
                    for a, b in zip(title_lines, title_lines[1:]))
                joined = next((t for t in (spaced, title_joined)
                               if break_title(t, TITLE_MAX_ZI, names) == title_lines), None)
                data["title"] = joined or (title_joined if len(title_lines) == 1 else "\n".join(title_lines))
        report = Report.model_validate(data, by_name=True, by_alias=False)
        self.annotate(report, sections, org, org_from, year_from, title_note)
        summary = self.summary(report, sections, org_from, year_from, title_note)
        return Mapped(report, self.comments, self.header, summary, self.origins_of(sections), org_from, year_from,
                      self.kind, self.kind_why, self.a)

    def origins_of(self, sections: list[Node]) -> dict:
        """{model path: [source paragraphs]}: where each piece of the Report came from, so that a
        finding on the Report points at the paragraph of the file (``inspect``)."""
        h, tl = self.head, self.tail
        out: dict = {}
        origins_of_items(sections, ("sections",), out)
        for key, paras in (("title", h.title), ("intro", self.intro), ("recipients", [h.addressee_at]),
                           ("doc_number", [h.doc_number_at]), ("signers", [h.doc_number_at]),
                           ("closing", [tl.closing]), ("attachments", tl.attach_note_at),
                           ("signatories", tl.signature_at), ("date", [tl.date_at]), ("note", [tl.note]),
                           ("cc", tl.colophon), ("printer", tl.colophon), ("print_date", tl.colophon)):
            paras = [p for p in paras if p is not None]
            if paras:
                out[(key,)] = paras
        out.update(getattr(self, "page_origins", {}))
        return out

    def levels_as_written(self, sections: list[Node]) -> list[str] | None:
        """The numbering of each level as the draft has it (一、 then 1., or 1. alone …), when every level
        uses one of 一、（一）1.（1） throughout, in the standard's order; else None."""
        found: dict[int, set[str]] = {}

        def walk(nodes, depth):
            for x in nodes:
                if isinstance(x, Node):
                    if not x.no_heading:
                        found.setdefault(depth, set()).add(x.kind or "")
                    walk(x.content, depth + 1)

        walk(sections, 0)
        if not found:
            return None
        styles = []
        for depth in range(max(found) + 1):
            kinds = found.get(depth, set())
            if len(kinds) != 1 or next(iter(kinds)) not in _LEVEL_KINDS:
                return None
            styles.append(_LEVEL_KINDS.index(next(iter(kinds))))
        if styles != sorted(set(styles)):
            return None
        return [LEVEL_STYLES[k] for k in styles]

    def attachment_items(self, data: dict, origins: dict) -> None:
        """The 附件 after the 成文日期 (a label "附件1", its title, its text and tables) become the
        report's 附件 with content — set on pages of their own after the body, as GB/T 9704 §7.3.7
        wants — titled as their pages title them (the 附件说明's name where a page has no title); their
        paragraphs and tables are read like the body's."""
        pages = self.tail.attachment_pages
        if not pages:
            return
        names = [x for x in data.get("attachments") or [] if isinstance(x, str)]
        run_in = bool((data.get("layout") or {}).get("run_in"))

        def items_of(content: list, path: tuple) -> list:
            sub = Mapper(self.src, self.kind, None, None, self.doc, self.a)
            nodes = sub.read_body(list(content)) if content else []
            if len(nodes) == 1 and nodes[0].no_heading:
                origins_of_items(nodes[0].content, path, origins)
                return sub.items(nodes[0].content, run_in)
            if nodes:
                origins_of_items(sub.loose_intro, path, origins)
                origins_of_items(nodes, path, origins, len(sub.loose_intro))
                return [x.text + "\n" for x in sub.loose_intro] + sub.items(nodes, run_in)
            return []

        out = []
        for k, page in enumerate(A.attachments_of(self.tail)):
            if page.issued:                 # the document the text issues: no 附件, its own field
                data["issued"] = {"title": page.title or "【请填写：印发文件的标题】",
                                  "content": items_of(page.content, ("issued", "content"))}
                origins[("issued",)] = [page.label]
                continue
            title = page.title or (names[k] if k < len(names) else f"附件{k + 1}")
            items = items_of(page.content, ("attachments", len(out), "content"))
            out.append({"title": title, "content": items} if items else title)
            origins[("attachments", k)] = [page.label]
        data["attachments"] = out + [x for x in names[len(out):]]

    def section_data(self, node: Node, run_in_all: bool) -> dict:
        d: dict = {}
        if node.parts:
            d["parts"] = list(node.parts)
        if node.no_heading:
            d["no_heading"] = True
        else:
            d["heading"] = node.heading
        d["content"] = self.items(node.content, run_in_all)
        return d

    def items(self, content: list, run_in_all: bool) -> list:
        out = []
        for x in content:
            if isinstance(x, Text):
                out.append(x.text + "\n")
            elif isinstance(x, TableNode):
                out.append(x.data())
            else:
                d: dict = {"heading": x.heading}
                if x.run_in != run_in_all and x.content and isinstance(x.content[0], Text):
                    d["run_in"] = x.run_in        # (a 附件's own-line heading under a report set run in)
                d["content"] = self.items(x.content, run_in_all)
                out.append(d)
        return out

    def hint_for(self, part, sections: list[Node]) -> str | None:
        """A subsection whose heading names a missing part ("切实履行法治建设第一责任人职责")."""
        for i, sec in enumerate(sections):
            k = 0
            for x in sec.content:
                if not isinstance(x, Node):
                    continue
                k += 1
                sc = self.part_scores(x.heading or "")
                if sc.get(part.key, 0) >= 2:
                    n = sum(1 for s in sections[: i + 1] if not s.no_heading)
                    from ..textutil import cn_numeral, level_marker

                    return (f"正文第{cn_numeral(n)}部分第{level_marker(2, k)}项“{x.heading}”可能写的是这一部分，"
                            "可在“省略部分”中写明，或把它单列为一部分")
        return None

    # -- comments and summary ---------------------------------------------------------------------
    def annotate(self, report: Report, sections: list[Node], org: str, org_from: str, year_from: str,
                 title_note: str | None) -> None:
        c = self.comments
        h = self.header
        head, tl = self.head, self.tail
        h[:0] = [f"由 drafter import 从“{self.src.name}”导入。正文文字按原文保留（标点未改），序号由 drafter 重新生成。",
                 "以“导入：”开头的注释是导入时的说明，核对后可删除。"]
        if title_note:
            h.append(title_note + "。")
        if self.dropped:
            h.append("导入时删除的网页信息（不属于报告正文）：")
            h.extend(f"  {p.where}：{p.text}" for p in self.dropped)
        src = self.src
        if src.page_numbers:
            h.append(f"导入时删除的页码 {len(src.page_numbers)} 行：" + "；".join(f"{w}“{t}”" for w, t in src.page_numbers))
        if src.joined:
            h.append(f"导入：原文是按版面折行的文字（如从 PDF 复制），已把 {src.joined} 处行末断开的行接回原来的段落"
                     f"（{_first_few(src.joined_at)}起的段落），请对照原文核对分段")
        if head.title_punct:
            where, t = head.title_punct
            h.append(f"导入：原文标题（{where}）“{t}”末尾有标点，已删去（公文标题末尾不加标点），请核对")
        if src.soft_joined:
            h.append(f"导入：原文{_first_few(src.soft_joined)}中有句子中间的手动换行（Shift+Enter），已接排为一段，请核对")
        pages = tl.attachment_pages
        if pages and tl.issued:
            h.append(f"导入：原文成文日期之后另起一页的“{clip(report.issued.title if report.issued else '', 30)}”"
                     f"（{pages[0].where}起）没有“附件”标注，是随文印发、公布的文件，已导入“印发文件”；"
                     "生成时另面排在成文日期之后，不标“附件”，不列入附件说明；请核对它的标题和内容")
        elif pages:
            n = sum(1 for a in report.attachments if not isinstance(a, str))
            h.append(f"导入：原文成文日期之后的附件（{pages[0].where}起，{n} 个）已导入“附件”，生成时在正文之后另面编排"
                     "（GB/T 9704 §7.3.7），附件说明按它们的标题排出；请核对附件的标题和内容")
        if self.unknown:
            h.append("导入：开头或结尾的以下文字无法对应报告的任何一项，未放入报告，请核对：")
            h.extend(f"  {p.where}：{p.text}" for p in self.unknown)
        if org == ORG_PLACEHOLDER:
            c.setdefault(("org",), []).append("导入：原文中没有找到发文机关，请填写全称（或导入时加 --org）")
        elif "推断" in org_from or "核对" in org_from:
            c.setdefault(("org",), []).append(f"导入：发文机关{org_from}")
        if not year_from:
            c.setdefault(("year",), []).append("导入：原文中没有找到年度，暂填去年，请核对（或导入时加 --year）")
        elif "推断" in year_from:
            c.setdefault(("year",), []).append(f"导入：年度取自{year_from}")
        if head.doc_number and report.header == "无":
            c.setdefault(("header",), []).append("导入：原文有发文字号，但主送机关或成文日期不全，版头暂设为“无”；"
                                                 "如按函或文件格式报送，请改为 函 或 文件 并补全")
        if report.closing == "无" and self.kind.parts:
            c.setdefault(("closing",), []).append("导入：原文没有结束语（如“特此报告。”）")
        if tl.date_text and report.date and not C.is_gb_date(tl.date_text):
            c.setdefault(("date",), []).append(f"导入：原文为“{tl.date_text}”")

        def walk(nodes, path):
            for k, x in enumerate(nodes):
                p = path + (k,)
                if not isinstance(x, Node):
                    if x.comments:
                        c.setdefault(p, []).extend(x.comments)
                    continue
                if x.comments:
                    c.setdefault(p, []).extend(x.comments)
                walk(x.content, p + ("content",))

        walk(sections, ("sections",))

    def summary(self, report: Report, sections: list[Node], org_from: str, year_from: str,
                title_note: str | None) -> list[str]:
        from ..compose import Composer

        out = []
        head, tl = self.head, self.tail
        fmt = {"txt": "纯文本", "md": "Markdown", "docx": "Word 文件", "html": "网页", "pdf": "PDF"}[self.src.fmt]
        extra = "（drafter 生成的文件）" if self.src.drafter else ""
        out.append(f"已读取“{self.src.name}”（{fmt}{extra}）。")
        out.extend(self.src.notes)
        if self.a.flattened:
            out.append(f"原文有 {self.a.flattened} 段是把标题和正文连在一起的长段，已按序号拆开。")
        if self.src.joined:
            out.append(f"原文是按版面折行的文字（如从 PDF 复制）：已把 {self.src.joined} 处行末断开的行接回原来的段落"
                       f"（{_first_few(self.src.joined_at)}起），请对照原文核对分段。")
        if head.title_punct:
            out.append(f"原文标题（{head.title_punct[0]}）末尾有标点“{head.title_punct[1][-1]}”，已删去，请核对。")
        if self.src.soft_joined:
            out.append(f"原文{_first_few(self.src.soft_joined)}中有句子中间的手动换行（Shift+Enter），已接排为一段，请核对。")
        if self.src.footnotes:
            out.append(f"原文有 {len(self.src.footnotes)} 条脚注或尾注，报告中没有它们的位置，未写入；"
                       "文件开头的注释列出了它们，需要时请写进正文。")
        if self.src.page_numbers:
            out.append(f"已删除页码 {len(self.src.page_numbers)} 行：" + "；".join(f"{w}“{t}”" for w, t in self.src.page_numbers[:5])
                       + ("……" if len(self.src.page_numbers) > 5 else ""))
        out.append("识别结果：")

        def line(label, value, where=""):
            out.append(f"  {label}：{value}" + (f"（{where}）" if where else ""))

        if self.kind_why:
            line("类型", self.kind.name, self.kind_why)
        line("发文机关", report.org, org_from or "未找到，请填写")
        if report.short_name:
            line("简称", report.short_name, "由发文机关推断")
        line("年度", report.year, year_from or "未找到，暂填去年，请核对")
        line("版头", report.header)
        line("发文字号", report.doc_number or "未找到", self.found.get("doc_number", ""))
        line("主送机关", "，".join(report.recipients) or "未找到", self.found.get("recipients", ""))
        if self.title_lines:
            line("标题", "".join(self.title_lines), "与自动生成的相同，未写入" if title_note else self.found.get("title", ""))
        else:
            line("标题", "未找到，将按发文机关和年度自动生成")
        line("导语", f"{len(self.intro)} 段" if self.intro else "未找到")
        line("结束语", report.closing if report.closing != "无" else "未找到（写为“无”）")
        if report.attachments:
            line("附件", "；".join(a if isinstance(a, str) else a.title for a in report.attachments))
        if report.issued is not None:
            line("印发文件", report.issued.title)
        line("署名", "、".join(report.signatories) or "未找到", self.found.get("signatories", ""))
        line("成文日期", tl.date_text or (C.fmt_date(report.date) if report.date else None)
             or (f"“{tl.date_partial}”缺少日，未填写，请补全" if tl.date_partial else "未找到"), self.found.get("date", ""))
        if report.note:
            line("附注", report.note)
        if report.cc or report.printer:
            line("版记", "；".join(x for x in ("抄送：" + "、".join(report.cc) if report.cc else "",
                                               report.printer or "") if x))
        out.append("正文各部分：" if self.kind.parts else "正文：")
        comp = Composer(report, self.kind)
        n = 0
        for sec, node in zip(report.sections, sections):
            if sec.no_heading:
                label = f"（无标题，{node.where}起）"
            else:
                n += 1
                label = f"{_cn(n)}、{comp.section_heading(sec)}"
            if node.parts:
                parts = "、".join(f"第{key}部分“{self.kind.part(key).name}”" for key in node.parts)
                out.append(f"  {label} → {parts}")
            elif not self.kind.parts:
                out.append(f"  {label}")
            else:
                out.append(f"  {label} → 额外部分（保留原标题和顺序）")
        for key in report.omitted_parts:
            extra = self.out_of_order.get(key)
            if extra is not None:
                out.append(f"  第{key}部分“{self.kind.part(key).name}”：原文有（{extra.where}“{clip(extra.heading)}”），"
                           "但顺序不对，作为额外部分保留，已写入“省略部分”；请把它移到规定的位置并写“部分”")
            else:
                out.append(f"  第{key}部分“{self.kind.part(key).name}”：未找到，已写入“省略部分”（{MISSING_REASON}）")
        if self.dropped:
            out.append(f"已删除网页信息 {len(self.dropped)} 行：" + "；".join(clip(p.text, 30) for p in self.dropped))
        pages = tl.attachment_pages
        if pages and tl.issued and report.issued is not None:
            out.append(f"成文日期之后另起一页的“{clip(report.issued.title, 30)}”（{pages[0].where}起）没有“附件”标注，"
                       "已导入“印发文件”，生成时另面编排、不标“附件”。")
        elif pages:
            titles = "、".join(f"“{clip(a if isinstance(a, str) else a.title, 30)}”" for a in report.attachments
                              if not isinstance(a, str))
            out.append(f"成文日期之后的附件（{pages[0].where}起：{titles}）已导入“附件”，生成时在正文之后另面编排。")
        if self.unknown:
            out.append("未能识别、以注释保留在文件开头的文字：")
            out.extend(f"  {p.where}：{clip(p.text, 40)}" for p in self.unknown)
        if self.marked:
            out.append("请核对（YAML 文件中以“导入：”开头的注释标出了位置）：")
            out.extend(f"  {x}" for x in self.marked)
        return out


# ---------------------------------------------------------------------------------------------
def _walk(nodes):
    for x in nodes:
        if isinstance(x, Node):
            yield x
            yield from _walk(x.content)


def _remove(items: list, obj) -> None:
    for k, x in enumerate(items):
        if x is obj:
            del items[k]
            return


def _first_few(wheres: list[str], n: int = 5) -> str:
    return "、".join(wheres[:n]) + ("等" if len(wheres) > n else "")




def _cn(n: int) -> str:
    from ..textutil import cn_numeral

    return cn_numeral(n)


GENERAL_KIND = "gongwen"      # the kind of any 公文 that is no report of the default kind (templates/gongwen)


def choose_kind(a: A.Anatomy, requested: str | Kind | None = None) -> tuple[Kind, str]:
    """The kind a source is mapped to, and why (Chinese, for the summary): the one asked for; the
    annual report (the default kind) when the anatomy pass read one; else 通用公文, whatever the 公文 —
    a 通知, 请示, 函, 决定, or a report on anything else."""
    if isinstance(requested, Kind):
        return requested, "按 --kind 指定"
    if requested:
        return get_kind(requested), "按 --kind 指定"
    report = get_kind()
    evidence = f"（{'；'.join(a.evidence)}）" if a.evidence else ""
    if a.report:
        return report, f"原文是一份{report.name}"
    what = f"原文是一份{a.kind}{evidence}，不是" if a.kind != A.OTHER else f"原文不像是公文{evidence}，也不像"
    return get_kind(GENERAL_KIND), f"{what}{report.name}；可用 --kind 指定其他类型"


def map_source(src: S.Source, kind: Kind | str | None = None, org: str | None = None, year: int | None = None,
               doc=None, anatomy: A.Anatomy | None = None, as_written: bool = False) -> Mapped:
    """``src`` (with ``doc``, the reader's Document of a .docx) as a Report of ``kind`` (None: the kind
    ``choose_kind`` takes from the anatomy); ``anatomy`` when the caller has already read it (``inspect``
    does); ``as_written``: the parts in the document's own order, none moved (for judging the document
    rather than drafting from it)."""
    if anatomy is None:
        anatomy = A.read(src, None, doc)
    chosen, why = choose_kind(anatomy, kind)
    m = Mapper(src, chosen, org, year, doc, anatomy, as_written)
    m.kind_why = why
    return m.run()
