"""FZ5xx: 发文字号 (GB/T 9704 §7.2.5)."""
from __future__ import annotations

from test_rules_base import BASE, run, table_tests

DN = "青政函〔2024〕3号"


def dn(value: str) -> str:
    return BASE.replace(DN, value)


FIRES = [
    ("FZ501", dn("青政函[2024]3号"), [(5, 10)], "应用六角括号〔〕，写成“青政函〔2024〕3号”"),
    ("FZ501", dn("青政函【2024】3号"), [(5, 10)], "年份用了“【】”"),
    ("FZ501", dn("青政函（2024）3号"), [(5, 10)], "写成“青政函〔2024〕3号”"),
    ("FZ501", dn("青政函2024年3号"), [(5, 1)], "应为“机关代字〔年份〕序号号”"),
    ("FZ501", dn("青政函〔2024〕3"), [(5, 1)], "格式不对"),
    ("FZ502", dn("青政函〔24〕3号"), [(5, 11)], "年份“24”应写全四位"),
    ("FZ503", dn("青政函〔2024〕03号"), [(5, 16)], "序号应写成“3号”"),
    ("FZ503", dn("青政函〔2024〕第3号"), [(5, 16)], "不加“第”字"),
]

SILENT = [
    ("FZ501", BASE),
    ("FZ501", dn("新政函〔2024〕5号")),
    ("FZ501", BASE.replace(f"发文字号: {DN}\n", "")),
    ("FZ501", dn("【请填写：如 某政函〔2025〕1号】")),         # a placeholder is FZ110's business
    ("FZ502", dn("青政函〔2024〕10号")),
    ("FZ503", dn("青政函〔2024〕10号")),
    ("FZ503", dn("青政函[2024]10号")),
]


test_fires, test_silent = table_tests(FIRES, SILENT)


def test_one_slip_one_finding():
    """The bracket slip is FZ501 only (with its fix); the other rules do not repeat it."""
    ds = run(dn("青政函[2024]3号"))
    assert [d.code for d in ds] == ["FZ501"] and ds[0].severity == "error"
    assert (ds[0].fix.old, ds[0].fix.new) == ("青政函[2024]3号", "青政函〔2024〕3号")
    assert [d.code for d in run(dn("青政函〔2024〕第03号"))] == ["FZ503"]
