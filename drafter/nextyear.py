"""``drafter new 2025.yaml --from 2024.yaml``: next year's draft from this year's report.

A clerk writes the report once a year, always starting from last year's.  What changes every year
is changed here, in last year's YAML text itself (comments, order and the clerk's layout kept, as
``check --fix`` edits it): 年度 + 1; the 发文字号 keeps its 机关代字, takes the next year and a
【请填写：序号】; 成文日期 and 印发日期 become placeholders (comments, as ``drafter new`` writes
them); the years of the title, of the part headings and of the 导语's "现将……报告如下" move on by one
(the default headings follow 年度 by themselves).  The body text is kept as it was, each section
marked with a comment that it is last year's text to rewrite; ``省略部分`` and its reasons are kept;
the new file names its source (``上一年度: 2024.yaml``), so that ``drafter check`` lists every
paragraph still carried over (drafter.carryover).

A .docx/.txt of last year goes through ``drafter.importer.import_file`` first.  The result is read
back and must give last year's report with only these changes (else nothing is written).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import DrafterError
from .inputs import IMPORT_SUFFIXES      # last year's Word file, web page, PDF or text: imported first
from .loader import Loaded, load_file, load_text
from .yamlsrc import Span

YAML_SUFFIXES = (".yaml", ".yml")
SERIAL = "【请填写：序号】"


@dataclass
class NextYear:
    """The new YAML text, the year it is for, and what the clerk is told."""

    text: str
    year: int
    previous_year: int
    notes: list[str] = field(default_factory=list)      # the importer's summary for a .docx/.txt


def read_previous(source: Path, display: str, target: Path) -> tuple[str, Loaded, list[str]]:
    """Last year's report as YAML text and loaded from it; a .docx/.txt is imported first."""
    suffix = source.suffix.lower()
    if suffix in YAML_SUFFIXES:
        loaded = load_file(source, display)
        if loaded.report is None or loaded.source is None:
            raise _with(loaded, display)
        return loaded.source.text, loaded, []
    if suffix in IMPORT_SUFFIXES:
        from .importer import import_file

        imported = import_file(source, target, display=display)
        loaded = load_text(imported.yaml, str(target))
        if loaded.report is None:                       # import_file reads its YAML back: cannot happen
            raise DrafterError("FZ091", f"内部错误：“{display}”导入后读不出；请把原文件发给维护人员", file=display)
        return imported.yaml, loaded, list(imported.summary)
    raise DrafterError("FZ034", f"--from 应是上一年度的报告：drafter 的 .yaml 文件，或去年的 .docx、网页（.html）、PDF、.txt 文件"
                                f"（这里是“{display}”）", file=display)


def _with(loaded: Loaded, display: str) -> DrafterError:
    """Last year's YAML does not read: its own errors (a missing file: FZ001 …), then what to do."""
    from .diagnostics import ERROR, Diagnostic

    errors = [d for d in loaded.diagnostics if d.severity == ERROR]
    if errors and errors[0].code < "FZ010":          # the file itself: missing, a folder, empty, binary
        return DrafterError(errors[0].code, errors[0].message, file=display, diagnostics=errors)
    tail = Diagnostic("FZ034", ERROR, f"上一年度的报告“{display}”有错误（见上），读不出；请先改正（drafter check "
                                      f"{display} 列出全部问题），再运行 drafter new --from", display)
    return DrafterError("FZ034", tail.message, file=display, diagnostics=errors + [tail])


# ---------------------------------------------------------------------------------------------
def next_year(text: str, loaded: Loaded, source_name: str, target: Path, previous_ref: str,
              year: int | None = None) -> NextYear:
    """Next year's YAML from last year's ``text`` (``loaded`` from it).  ``previous_ref``: how the new
    file names last year's (its ``上一年度``); ``year``: the new 年度 (default: last year's + 1)."""
    r = loaded.report
    src = loaded.source
    old_year = r.year
    new_year = year or old_year + 1
    shift = new_year - old_year
    edits: list[tuple[int, int, str]] = []          # (start, end, replacement) in text
    inserts: dict[int, list[str]] = {}              # line index -> lines to put before it
    lines = text.split("\n")
    line_starts = [0]
    for ln in lines:
        line_starts.append(line_starts[-1] + len(ln) + 1)

    def span(path) -> Span | None:
        return src.values.get(src.raw(tuple(path)))

    def scalar(path, new: str) -> None:
        s = span(path)
        if s is not None and s.style is not None:
            edits.append((s.start, s.end, new))

    # 年度
    scalar(("year",), str(new_year))
    # 发文字号: the 机关代字 kept, the year moved on, the serial number left to fill in
    if r.doc_number:
        from .conventions import parse_doc_number

        m = parse_doc_number(r.doc_number)
        s = span(("doc_number",))
        if s is not None and s.style is not None:
            if m is not None:
                org = re.sub(r"\s", "", m.org)
                from .textutil import ascii_digits

                digits = ascii_digits(m.year)
                dn_year = int(digits) if len(digits) == 4 and digits.isdigit() else new_year
                scalar(("doc_number",), _plain(f"{org}〔{dn_year + shift}〕{SERIAL}号"))
            else:
                scalar(("doc_number",), _plain(f"【请填写：发文字号，如 某政函〔{new_year + 1}〕1号】"))
    # 成文日期, 印发日期: placeholders in a comment, as drafter new writes them
    for key, label in (("date", "成文日期"), ("print_date", "印发日期")):
        d = getattr(r, key)
        s = span((key,))
        if d is None or s is None or s.style is None:
            continue
        eol = text.find("\n", s.end)
        eol = len(text) if eol < 0 else eol
        rest = text[s.end:eol]
        if rest.strip() and not rest.strip().startswith("#"):
            continue                                   # a flow mapping or more on the line: left alone
        try:
            hint = d.replace(year=d.year + shift)
        except ValueError:                             # 2月29日
            hint = d.replace(year=d.year + shift, day=28)
        edits.append((s.start, eol, f"# 【请填写：{label}，如 {hint.year}年{hint.month}月{hint.day}日】"))
    # the title, the written part headings and the 导语's lead-in: years move on with 年度
    from .rules._text import years
    from .rules.years import LEADIN_RE

    year_texts = [(("title",), r.title, None)] + [(("sections", i, "heading"), sec.heading, None)
                                                  for i, sec in enumerate(r.sections)]
    if r.intro:
        for m in LEADIN_RE.finditer(r.intro):
            year_texts.append((("intro",), r.intro, (m.start(1), m.end(1))))
    for path, value, window in year_texts:
        if not value:
            continue
        for y in years(value):
            if y.kind != "year" or window and not window[0] <= y.start < window[1]:
                continue
            digits = value[y.start:y.start + 4]
            if not digits.isascii() or not digits.isdigit():
                continue                               # 二〇二四年: left to the clerk (FZ301 names it)
            at = _source_range(src, path, value, y.start, 4)
            if at is not None:
                edits.append((at[0], at[1], str(int(digits) + shift)))
    # 上一年度
    ref = _plain(previous_ref)
    tail: list[str] = []
    s = span(("previous",))
    if s is not None and s.style is not None:
        edits.append((s.start, s.end, ref))
    else:
        ys = span(("year",))
        k = _line_of(line_starts, ys.start) if ys is not None else None
        line = f"上一年度: {ref}          # 与上一年度的报告比较：drafter check 逐段指出沿用上年的段落"
        if k is not None and not lines[k].startswith((" ", "-", "{", "\t")):
            inserts.setdefault(k + 1, []).append(line)
        else:                                          # 年度 inside a flow mapping …: at the end
            tail.append(line)
    # a comment above each section: last year's text, to rewrite
    y0, y1, y2 = old_year, new_year, new_year + 1
    if r.intro:
        ks = src.keys.get(src.raw(("intro",)))
        if ks is not None:
            k = _line_of(line_starts, ks.start)
            inserts.setdefault(k, []).insert(0, f"# ▲ 导语是{y0}年度报告的原文，请按{y1}年的情况改写")
    kind = None
    for i, sec in enumerate(r.sections):
        s = src.values.get(src.raw(("sections", i)))
        if s is None or s.style is not None:
            continue
        k = _line_of(line_starts, s.start)
        ln = lines[k]
        dash = ln.find("- ")
        if dash < 0 or ln[:dash].strip():
            continue
        if kind is None:
            from .kinds import get_kind

            kind = get_kind(r.kind)
        keys = [x for x in (kind.resolve_part(p) for p in sec.parts) if x]
        if keys == ["四"]:
            note = f"# ▲ 以下是{y0}年度报告中{y1}年的工作安排：请改写为{y2}年的安排（今年的第一部分写这些安排落实得怎样）"
        else:
            note = f"# ▲ 以下是{y0}年度报告的原文：请按{y1}年的实际情况逐段改写（drafter check 会指出仍与上年相同的段落）"
        inserts.setdefault(k, []).append(" " * dash + note)
    # the head of the file: the schema line for the new place, and where the file came from
    from .schema import schema_comment

    head = [schema_comment(target),
            f"# 由 drafter new --from {source_name} 生成：{y0}年度 → {y1}年度。年度、发文字号和标题、各部分标题中的年份已改，",
            f"# 成文日期待填写；正文仍是{y0}年的原文（每一节前有“▲”注释），请逐段改写后运行 drafter check。"]
    first = 1 if lines and lines[0].startswith("# yaml-language-server:") else 0
    new_lines = _apply(text, edits).split("\n")
    if len(new_lines) != len(lines):                   # every edit stays within its line(s): cannot happen
        raise DrafterError("FZ091", "内部错误：改写上一年度的报告时行数变了；没有写入文件，请把上一年度的报告发给维护人员")
    out = head + [ln for k in range(first, len(new_lines)) for ln in (*inserts.get(k, []), new_lines[k])]
    result = "\n".join(out).rstrip("\n") + "\n"
    if tail:
        result += "\n".join(tail) + "\n"
    return NextYear(result, new_year, old_year)


def _plain(s: str) -> str:
    from .scaffold import yaml_scalar

    return yaml_scalar(s)


def _line_of(starts: list[int], index: int) -> int:
    import bisect

    return bisect.bisect_right(starts, index) - 1


def _source_range(src, path, value: str, offset: int, length: int) -> tuple[int, int] | None:
    """Where characters ``offset``..``offset+length`` of the string at ``path`` are in the source."""
    from .fix import char_map

    s = src.text_span(path)
    if s is None:
        return None
    cmap = char_map(src.text, s, value)
    if cmap is None or offset + length > len(cmap):
        return None
    rng = cmap[offset:offset + length]
    if any(rng[k][1] != rng[k + 1][0] for k in range(len(rng) - 1)):
        return None
    return rng[0][0], rng[-1][1]


def _apply(text: str, edits) -> str:
    for s, e, r in sorted(set(edits), reverse=True):
        text = text[:s] + r + text[e:]
    return text


# ---------------------------------------------------------------------------------------------
def verify(new_text: str, old: Loaded, target: Path, result: NextYear) -> Loaded:
    """The new text read back: it must load, and say last year's body word for word (a wrong edit
    never reaches the clerk's disk)."""
    back = load_text(new_text, str(target))
    r = back.report
    if r is None or r.year != result.year or r.sections.__len__() != len(old.report.sections) or \
            [_body(s) for s in r.sections] != [_body(s) for s in old.report.sections] or \
            r.omitted_parts != old.report.omitted_parts:
        detail = "; ".join(d.format() for d in back.diagnostics[:3])
        raise DrafterError("FZ091", f"内部错误：生成的新一年报告读回不一致（{detail or '内容不同'}）；没有写入文件，"
                                    "请把上一年度的报告发给维护人员", file=str(target))
    return back


def _body(sec) -> list:
    def items(content):
        return [x if isinstance(x, str) else (x.heading, items(x.content)) for x in content]
    return items(sec.content)


def previous_ref(source: Path, target: Path) -> str:
    """How the new file names last year's: relative to the new file's folder when it can be."""
    try:
        rel = os.path.relpath(os.path.abspath(source), os.path.abspath(target.parent))
    except ValueError:                                 # another drive (Windows)
        return str(Path(source).resolve())
    return rel.replace(os.sep, "/")
