"""How much of a report was carried over unchanged from last year's: issue 19's drafter.carryover.

The comparison itself is drafter.carryover's (``drafter check --previous`` uses it too); this is the
one place drafter review calls it::

    compare(this_year, last_year) -> Comparison
        .paragraphs            this year's paragraphs compared
        .of("same")            those that are last year's unchanged (also when only the years moved on)
        .carried               same, nearly the same (≥ 85 %), or last year's plan written up as done
"""
from __future__ import annotations


class CarryOverUnavailable(Exception):
    """The comparison cannot be made; the message says why, in Chinese, for the row."""


def carried(this, last) -> tuple[int, int, int]:
    """(paragraphs of ``this`` Report unchanged from ``last``, paragraphs compared, paragraphs carried
    over in all: unchanged, nearly the same, or last year's plan)."""
    try:
        from ..carryover import SAME, compare
    except ImportError:
        raise CarryOverUnavailable("本版 drafter 还不能对照上一年度（缺少 drafter.carryover）") from None
    c = compare(this, last)
    return len(c.of(SAME)), c.paragraphs, c.carried
