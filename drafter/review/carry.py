"""How much of a report was carried over unchanged from last year's: issue 19's drafter.carryover.

The comparison itself is drafter.carryover's (``drafter check --previous`` uses it too); this is the
one place drafter review calls it.
"""
from __future__ import annotations


class CarryOverUnavailable(Exception):
    """The comparison cannot be made; the message says why, in Chinese, for the row."""


def carried(this, last) -> tuple[int, int]:
    """(paragraphs of ``this`` Report carried over unchanged from ``last``, paragraphs of ``this``)."""
    try:
        from .. import carryover
    except ImportError:
        raise CarryOverUnavailable("本版 drafter 还不能对照上一年度（缺少 drafter.carryover）") from None
    raise CarryOverUnavailable(f"drafter.carryover 的接口尚未接入（{carryover.__name__}）")
