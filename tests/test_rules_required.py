"""FZ2xx: required content — part 三 about the leaders' duties, part 四 about next year, no placeholder part."""
from __future__ import annotations

from test_rules_base import BASE, P1, P2, P3, P4, check_silent, para, table_tests

PART4_NO_YEAR = BASE.replace(f"  - 部分: 四\n    内容:\n      - {P4}",
                             "  - 部分: 四\n    标题: 工作思路\n    内容:\n      - 加强机关工作人员法律知识培训，提升依法行政能力。")

TOWNSHIP = BASE.replace("发文机关: 青山县人民政府\n", "发文机关: 青山县东湖乡人民政府\n").replace("简称: 青山县", "简称: 东湖乡")

FIRES = [
    # part 三 that speaks of neither the leaders nor their duty
    ("FZ201", para("组织开展法治培训3次，举办讲座2场。", P3), [(19, 5)], "党政主要负责人"),
    ("FZ201", para("县长高度重视法治政府建设。", P3), [(19, 5)], "没有提到其履行第一责任人职责的情况"),
    # part 四 with a heading and text that never look ahead (yufa's part 四 text under a yearless heading)
    ("FZ202", PART4_NO_YEAR, [(23, 5)], "2024年度"),
    # a required part that only says 无 / 略
    ("FZ203", para("无", P2), [(18, 9)], "第二部分“存在的不足和原因”只写了“无”"),
    ("FZ203", para("略", P1), [(15, 13)], "只写了“略”"),
    # a 署名 left from another organ's report
    ("FZ204", BASE + "署名: [青原县人民政府]\n", [(29, 1)], "署名“青原县人民政府”中没有发文机关“青山县人民政府”"),
    # a joint 署名 written as one item: told to write an item per organ, at that item
    ("FZ204", BASE + "署名: 中共青山县委员会、青山县人民政府\n", [(29, 5)], "把几个机关写在了一项里；联合署名请每个机关写一项"),
    ("FZ205", BASE.replace("版头: 函", "版头: 文件").replace("青政函", "青政发"), [(4, 1)], "应标注签发人"),
    # 联合行文: the organs of the 标志 and of the 署名 differ, or stand in another order
    ("FZ207", BASE.replace("版头: 函", "版头: 函\n发文机关标志: [中共青山县委员会, 青山县人民政府]")
     + "署名: [中共青山县委员会, 青山县人民政府, 青山县人民武装部]\n", [(30, 1)], "署名中的“青山县人民武装部”不在发文机关标志中"),
    ("FZ207", BASE.replace("版头: 函", "版头: 函\n发文机关标志: [中共青山县委员会, 青山县人民政府]")
     + "署名: [青山县人民政府, 中共青山县委员会]\n", [(30, 1)], "请按发文机关标志的顺序排列"),
    ("FZ206", TOWNSHIP.replace("[青原市人民政府]", "[青山县人民政府, 青山县人大常委会]"), [(6, 17)],
     "不主送“青山县人大常委会”"),
]

SILENT = [
    ("FZ201", BASE),
    ("FZ201", para("区委书记、区长亲自部署法治建设工作，定期听取汇报，压实责任。", P3)),   # daxing
    # what the message itself gives as examples of the duty: 带头学法, 研究部署, 出庭应诉
    ("FZ201", para("街道主要负责人带头学法4次，出庭应诉1次。", P3)),
    ("FZ201", para("局党组书记主持召开专题会议3次，亲自督办重点案件。", P3)),
    ("FZ202", BASE),
    ("FZ202", para("加强机关工作人员法律知识培训，提升依法行政能力。", P4)),  # default heading names 2024
    ("FZ203", BASE),                                                       # 五 may say 无
    ("FZ203", BASE.replace("      - 无\n", "      - 暂无\n")),
    ("FZ204", BASE + "署名: [青山县人民政府]\n"),
    ("FZ204", BASE + "署名:\n  - 中共青山县委员会\n  - 青山县 人民政府\n"),                  # jointly
    ("FZ207", BASE.replace("版头: 函", "版头: 函\n发文机关标志: [中共青山县委员会, 青山县人民政府文件]")
     + "署名: [中共青山县委员会, 青山县 人民政府]\n"),                 # the same organs (文件 and a stray space aside)
    ("FZ207", BASE + "署名: [中共青山县委员会, 青山县人民政府]\n"),         # one organ's 标志: nothing to compare
    ("FZ207", BASE.replace("版头: 函", "版头: 无\n发文机关标志: [中共青山县委员会, 青山县人民政府]")
     + "署名: [青山县人民政府]\n"),                                      # a web copy has no 标志
    ("FZ205", BASE.replace("版头: 函", "版头: 文件").replace("青政函", "青政发") + "签发人: 王明\n"),
    ("FZ206", BASE.replace("[青原市人民政府]", "[青原市人民政府, 青原市人大常委会]")),          # a county: yes
    ("FZ206", TOWNSHIP.replace("[青原市人民政府]", "[中共青山县委员会, 青山县人民政府]")),
]


test_fires, test_silent = table_tests(FIRES, SILENT)


def test_placeholder_part_is_an_error():
    from test_rules_base import run

    ds = [d for d in run(para("无", P2)) if d.code == "FZ203"]
    assert ds[0].severity == "error"


def test_part3_in_a_merged_section_counts():
    text = BASE.replace(f"  - 部分: 二\n    内容:\n      - {P2}\n  - 部分: 三\n    内容:\n      - {P3}",
                        f"  - 部分: [二, 三]\n    内容:\n      - {P2}\n      - {P3}")
    check_silent("FZ201", text)
    check_silent("FZ203", text)
