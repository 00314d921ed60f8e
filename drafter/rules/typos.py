"""FZ8xx: typos whose correction is certain, from a short data file (drafter/data/typos.yaml)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from . import WARNING, Finding, rule
from ._text import snippet, texts

TYPOS_FILE = Path(__file__).resolve().parent.parent / "data" / "typos.yaml"


@functools.lru_cache(maxsize=1)
def typo_list() -> tuple[tuple[re.Pattern, str, str, bool], ...]:
    """(pattern, right, note, regex) for every entry of typos.yaml."""
    from ..yamlsrc import load_data

    out = []
    for e in load_data(TYPOS_FILE.read_text(encoding="utf-8")) or ():
        regex = bool(e.get("regex"))
        pat = re.compile(e["wrong"] if regex else re.escape(e["wrong"]))
        out.append((pat, str(e["right"]), str(e.get("note") or ""), regex))
    return tuple(out)


@rule("FZ801", "typo", "常见错别字", severity=WARNING)
def typo(ctx):
    """Typos that recur in real reports and have one certain correction ("完成9各" → "完成9个",
    "插手体案件" → "插手具体案件", "截止目前" → "截至目前").  The list is data:
    drafter/data/typos.yaml."""
    for t in texts(ctx):
        for pat, right, note, regex in typo_list():
            for m in pat.finditer(t.text):
                fixed = m.expand(right) if regex else right
                extra = f"（{note}）" if note else ""
                yield Finding(t.path, f"“{snippet(t.text, m.start(), m.end(), 2)}”中的“{m.group()}”应为“{fixed}”"
                                      f"{extra}；请改正", m.start())
