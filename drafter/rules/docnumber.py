"""FZ5xx: 发文字号 (GB/T 9704 §7.2.5): 机关代字 + 〔年份〕 + 序号 + 号."""
from __future__ import annotations

import re

from ..textutil import PLACEHOLDER_RE
from . import Finding, rule

DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]+〔\d{4}〕[1-9]\d*号$")


@rule("FZ501", "doc-number-format", "发文字号格式不对")
def doc_number_format(ctx):
    """发文字号 = 机关代字〔年份〕序号号: year in 六角括号 〔〕, four digits, no 第, no leading zeros."""
    dn = ctx.report.doc_number
    if dn and not DOC_NUMBER_RE.match(dn) and not PLACEHOLDER_RE.search(dn):
        yield Finding(("doc_number",), f"发文字号“{dn}”格式不对；应为“机关代字〔年份〕序号号”，"
                                       "如 新政函〔2024〕5号（年份用六角括号〔〕，序号不加“第”、不编虚位）")
