"""All rules over the examples: the exact findings (code, line, col), each looked at by hand.

The three seeds are real published reports typed in as published.  What the rules find there is
real: half-width punctuation in almost every paragraph (FZ401), the 97.1 % that is 97.0 %
(FZ701), "完成9各", "插手体案件", "理念新思想战略", "习近平思想" (FZ801).  The structure rules add
FZ112 (no 成文日期 in the web copies) and FZ102 (parts left out on purpose).
"""
from __future__ import annotations

import pytest

from conftest import example
from drafter.check import check_file

FZ401_AT = {
    "yufa-2023": [(11, 24), (17, 19), (20, 26), (21, 19), (24, 71), (25, 17), (28, 27), (30, 23), (34, 48),
                  (35, 19), (38, 27), (39, 19), (42, 35), (43, 19), (46, 35), (50, 14), (53, 19), (56, 35),
                  (57, 19), (60, 36), (64, 35), (68, 44), (71, 25), (74, 29), (75, 19), (78, 23), (82, 29)],
    "xinle-2024-han": [(17, 10), (22, 22), (27, 31), (31, 43), (33, 19), (38, 27), (42, 27), (44, 22), (49, 50),
                       (53, 31), (57, 21), (61, 32), (63, 17), (68, 29), (72, 27), (76, 37), (81, 16), (86, 16)],
    "daxing-2023": [(12, 8), (22, 28), (26, 27), (30, 29), (34, 25), (38, 28), (42, 23), (43, 19), (46, 30),
                    (51, 34), (55, 37), (60, 16), (61, 17), (64, 39), (65, 17), (68, 31), (69, 17), (72, 21),
                    (73, 17), (76, 36)],
    "short-complete": [],
}

OTHERS = {
    "yufa-2023": [
        ("FZ112", 4, 1, "报告没有成文日期；请写“成文日期: 2024年1月20日”（署名不写时用发文机关）"),
        ("FZ801", 11, 60, "“治国理念新思想战略和法”中的“理念新思想战略”应为“新理念新思想新战略”；请改正"),
        ("FZ801", 56, 52, "“落实习近平思想,增”中的“习近平思想”应为“习近平法治思想”"
                          "（或“习近平新时代中国特色社会主义思想”，按文意选择）；请改正"),
        ("FZ801", 68, 83, "“动、插手体案件处理”中的“插手体案件”应为“插手具体案件”；请改正"),
    ],
    "xinle-2024-han": [
        ("FZ701", 68, 150, "“调解成功率97.1%”与前面的数字对不上：按“化解1456件”÷“共排查矛盾纠纷1501件”算是1456÷1501＝97.0%；"
         "如果这两个数就是这一比率的分子和分母，请改为97.0%或改正前面的数字，否则可忽略本提示"),
        ("FZ102", 95, 3, "第三部分“党政主要负责人履行推进法治建设第一责任人职责情况”未单列（理由：第一责任人职责情况"
                         "写在第一部分第（二）项“切实履行法治建设第一责任人职责”，未单列）"),
        ("FZ102", 96, 3, "第五部分“其他需要报告的情况”未单列（理由：原文没有其他需要报告的情况）"),
    ],
    "daxing-2023": [
        ("FZ112", 5, 1, "报告没有成文日期；请写“成文日期: 2024年1月20日”（署名不写时用发文机关）"),
        ("FZ801", 42, 321, "“完成9各基层”中的“9各”应为“9个”；请改正"),
        ("FZ102", 79, 3, "第五部分“其他需要报告的情况”未单列（理由：原文没有其他需要报告的情况）"),
    ],
    "short-complete": [],
}

# what is at the reported place in the file
AT = {
    ("xinle-2024-han", "FZ701"): "97.1%",
    ("daxing-2023", "FZ801"): "9各基层",
    ("yufa-2023", "FZ801"): "理念新思想战略",
    ("yufa-2023", "FZ401"): ",坚持以习近平",
    ("xinle-2024-han", "FZ401"): ",我市坚持",
}


@pytest.mark.parametrize("name", list(FZ401_AT))
def test_exact_findings(name):
    ds = check_file(example(name)).diagnostics
    assert [(d.line, d.col) for d in ds if d.code == "FZ401"] == FZ401_AT[name]
    assert [(d.code, d.line, d.col, d.message) for d in ds if d.code != "FZ401"] == OTHERS[name]
    lines = example(name).read_text(encoding="utf-8").split("\n")
    for (ex, code), text in AT.items():
        if ex == name:
            d = next(d for d in ds if d.code == code)
            assert lines[d.line - 1][d.col - 1:].startswith(text), (d.format(), text)


def test_every_seed_paragraph_with_half_width_punctuation_is_found():
    """FZ401 finds each text of the seeds that contains a half-width , ; : ( ) next to Chinese."""
    import re

    from drafter.loader import load_file
    from drafter.rules import Context

    for name in ("yufa-2023", "xinle-2024-han", "daxing-2023"):
        loaded = load_file(example(name))
        with_half = [t.path for t in Context(loaded.report, loaded.source).texts()
                     if re.search(r"[\u4e00-\u9fff》”）][,;:()]|[,;:()][\u4e00-\u9fff“《（]", t.text)]
        ds = check_file(example(name), select=["FZ401"]).diagnostics
        assert len(ds) == len(with_half) == len(FZ401_AT[name])
