"""``drafter review``: a county's desk — every township's report reviewed at once, on one page.

    files and folders --collect--> rows (drafter.review.model.Row: one per file, in a process pool)
                      --html/tables--> a self-contained HTML page, CSV, JSON, or a text table

Each row is what ``drafter check`` (report YAML) or ``drafter inspect`` (Word) says about the file,
with the five required parts, the 成文日期 against the 报送期限, and the verdict: 退回, 核实 or 通过.
"""
from __future__ import annotations

from .collect import discover, review
from .model import ACCEPT, MISSING, OMITTED, PRESENT, SEND_BACK, VERIFY, Part, Problem, Review, Row

__all__ = ["review", "discover", "Review", "Row", "Part", "Problem", "PRESENT", "OMITTED", "MISSING",
           "SEND_BACK", "VERIFY", "ACCEPT"]
