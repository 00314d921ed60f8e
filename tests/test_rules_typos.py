"""FZ8xx: typos from the data file drafter/data/typos.yaml."""
from __future__ import annotations

from drafter.rules.typos import typo_list
from test_rules_base import para, run, table_tests

FIRES = [
    # daxing-2023 and yufa-2023, as published
    ("FZ801", para("新增4个市级社区书记工作室，完成9各基层议事协调示范点建设。"), [(15, 29)], "“9各”应为“9个”"),
    ("FZ801", para("严格落实领导干部干预司法活动、插手体案件处理的记录。"), [(15, 28)], "“插手体案件”应为“插手具体案件”"),
    ("FZ801", para("截止目前，共收到行政复议申请115件。"), [(15, 13)], "“截止目前”应为“截至目前”"),
    ("FZ801", para("通过带头学习、带头落实习近平思想，增强法治观念。"), [(15, 24)], "或“习近平新时代中国特色社会主义思想”"),
]

SILENT = [
    ("FZ801", para("完成9个基层议事协调示范点建设，各部门、各乡镇积极参与，插手具体案件一律记录。截至目前共3件。")),
    ("FZ801", para("深入学习贯彻习近平法治思想和习近平新时代中国特色社会主义思想，推进全面依法治国新理念新思想新战略。")),
]


test_fires, test_silent = table_tests(FIRES, SILENT)


def test_every_entry_of_the_data_file_fires_on_its_own_wrong_text():
    """The list is data: each entry must at least find its own example and suggest a different text."""
    for pat, right, note, regex in typo_list():
        sample = pat.pattern.replace("\\", "") if not regex else None
        if sample is None:
            continue
        ds = [d for d in run(para(f"工作中{sample}情况。")) if d.code == "FZ801"]
        assert ds and right in ds[0].message, pat.pattern
