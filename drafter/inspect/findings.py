"""Findings of ``drafter inspect``: stable codes, Chinese messages, place, expected and found values."""
from __future__ import annotations

from ..codes import GB
from ..diagnostics import ERROR, INFO, WARNING, Diagnostic

E, W, I = ERROR, WARNING, INFO

# GB codes and their summaries are the registry's (drafter.codes): one table for every code drafter prints
CODES: dict[str, tuple[str, str]] = GB


def Finding(code: str, message: str, severity: str = "", paragraph: int | None = None, excerpt: str | None = None,
            place: str | None = None, expected: str | None = None, found: str | None = None,
            page: int | None = None) -> Diagnostic:
    """A finding of ``drafter inspect``: the one diagnostic type, pointing into a Word file."""
    return Diagnostic(code, severity, message, paragraph=paragraph, excerpt=excerpt, place=place, page=page,
                      expected=expected, found=found)


def excerpt(text: str, n: int = 12) -> str:
    t = " ".join(text.replace("\t", " ").replace("\n", " ").split())
    return t if len(t) <= n else t[:n] + "…"


# codes whose expected/found name the item itself (each heading's own number): merged by message,
# listing the first few values
LOOSE = {"GB305", "GB309", "GB513"}
MAX_LISTED = 4


def merge(findings: list[Diagnostic]) -> list[Diagnostic]:
    """One finding per (code, message, expected, found, place): the first paragraph is shown and the
    others are counted, so a style applied to 200 paragraphs gives one line, not 200."""
    out: list[Diagnostic] = []
    index: dict[tuple, Diagnostic] = {}
    values: dict[int, tuple[list, list]] = {}
    for f in findings:
        loose = f.code in LOOSE
        key = (f.code, f.severity, f.message, f.place, f.page) + (() if loose else (f.expected, f.found))
        if f.paragraph is not None and key in index:
            g = index[key]
            for p in f.paragraphs:
                if p not in g.paragraphs:
                    g.paragraphs.append(p)
            if loose:
                exp, fnd = values[id(g)]
                if f.found not in fnd:
                    exp.append(f.expected)
                    fnd.append(f.found)
            continue
        index[key] = f
        out.append(f)
        if loose:
            values[id(f)] = ([f.expected], [f.found])
    for f in out:
        if id(f) in values:
            exp, fnd = values[id(f)]
            more = "等" if len(fnd) > MAX_LISTED else ""
            f.expected = "".join(f"“{x}”" for x in exp[:MAX_LISTED]) + more if len(exp) > 1 else f.expected
            f.found = "".join(f"“{x}”" for x in fnd[:MAX_LISTED]) + more if len(fnd) > 1 else f.found
    return _merge_places(out)


def _merge_places(findings: list[Diagnostic]) -> list[Diagnostic]:
    """One finding for the same fault in many places that are no paragraphs (the footer of each of
    eleven sections, the page setup of each section): the first place is shown and the others named
    or counted."""
    out: list[Diagnostic] = []
    index: dict[tuple, Diagnostic] = {}
    places: dict[int, list[str]] = {}
    for f in findings:
        key = (f.code, f.severity, f.message, f.expected, f.found)
        if f.paragraph is None and f.place and f.page is None:
            g = index.get(key)
            if g is not None:
                if f.place not in places[id(g)]:
                    places[id(g)].append(f.place)
                continue
            index[key] = f
            places[id(f)] = [f.place]
        out.append(f)
    for f in out:
        ps = places.get(id(f), [])
        if len(ps) > 1:
            shown = "、".join(ps[:MAX_LISTED])
            f.place = shown + (f"等 {len(ps)} 处" if len(ps) > MAX_LISTED else "")
    return out
