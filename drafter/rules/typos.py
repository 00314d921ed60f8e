"""FZ8xx: typos whose correction is certain, from a short data file (drafter/data/typos.yaml)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from . import WARNING, Finding, rule
from ._text import snippet, texts

TYPOS_FILE = Path(__file__).resolve().parent.parent / "data" / "typos.yaml"


# "……情况的汇报" / "……工作汇报": the document type at the end of the title
_TITLE_HUIBAO = re.compile(r"汇报(?=[\s。.]*$)")


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
    drafter/data/typos.yaml.  The title that names the document a "汇报" ("……情况的汇报") is
    reported here too: what is sent to the level above is a 报告, as in the 导语's "报告如下"."""
    title = ctx.report.title
    if title:
        m = _TITLE_HUIBAO.search(title)
        if m:
            fixed = title[:m.start()] + "报告" + title[m.end():]
            yield Finding(("title",), "标题末尾的“汇报”应为“报告”（向上级报送的是“报告”，不是“汇报”）；"
                                      f"请改为“{fixed.strip()}”", m.start())
    for t in texts(ctx):
        for pat, right, note, regex in typo_list():
            for m in pat.finditer(t.text):
                fixed = m.expand(right) if regex else right
                extra = f"（{note}）" if note else ""
                yield Finding(t.path, f"“{snippet(t.text, m.start(), m.end(), 2)}”中的“{m.group()}”应为“{fixed}”"
                                      f"{extra}；请改正", m.start())
