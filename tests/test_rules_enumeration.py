"""FZ6xx: 一是、二是 in sequence; "N个方面" matches the list; no hand-typed numbering."""
from __future__ import annotations

from test_rules_base import BASE, P2, para, run, table_tests

# two paragraphs of one list: the enumeration continues from the first into the second
TWO_PARAS = BASE.replace(f"      - {P2}\n", "      - 一是基层执法力量仍显不足。\n      - 二是部分干部的能力有待提高。\n")

FIRES = [
    ("FZ601", para("一是加强学习。三是强化监督。"), [(15, 20)], "“三是”缺少“二是”"),
    ("FZ601", para("一是加强学习；二是强化监督；二是完善制度。"), [(15, 27)], "“二是”重复了"),
    ("FZ601", para("二是强化监督。"), [(15, 13)], "前面没有“一是”"),
    ("FZ601", para("一是加强学习；二是强化监督；四是完善制度；三是健全机制。"), [(15, 27), (15, 34)], "缺少“三是”"),
    ("FZ602", para("主要表现在三个方面：一是能力不足；二是创新不够。", P2), [(18, 14)], "说有三个方面，后面只列了2项"),
    ("FZ604", para("（三）加强普法。开展活动3次。"), [(15, 13)], "段首的“（三）”是手写的序号"),
    ("FZ603", BASE.replace("标题: 健全依法决策机制。", "标题: （一）健全依法决策机制。"), [(12, 13)], "请删除“（一）”"),
    ("FZ603", BASE.replace("标题: 健全依法决策机制。", "标题: 1.健全依法决策机制。"), [(12, 13)], "标题前的“1.”"),
    ("FZ603", BASE.replace("  - 部分: 一\n", "  - 部分: 一\n    标题: 一、主要举措和成效\n"), [(11, 9)], "“一、”"),
    # a bracket lost in the site's editor: still a number drafter would print twice
    ("FZ603", BASE.replace("标题: 健全依法决策机制。", "标题: 一)健全依法决策机制。"), [(12, 13)], "请删除“一)”"),
    # issue 21: numbers damaged or written the wrong way, at the start of a paragraph
    ("FZ606", para("一)纵深推进依法行政。全年审查合同12件。"), [(15, 13)],
     "段首的“一)”是写得不对的序号（少了左括号）：二级标题的序号写作“（一）”"),
    ("FZ606", para("(一加强普法宣传。开展活动3次。"), [(15, 13)], "（少了右括号）：二级标题的序号写作“（一）”"),
    ("FZ606", para("（二)加强普法宣传。开展活动3次。"), [(15, 13)], "（括号一半是半角）：二级标题的序号写作“（二）”"),
    ("FZ606", para("三．加强普法宣传。开展活动3次。"), [(15, 13)], "（数字后应用顿号“、”）：一级标题的序号写作“三、”"),
    ("FZ606", para("1、加强普法宣传。开展活动3次。"), [(15, 13)], "三级标题的序号写作“1.”"),
    ("FZ606", para("(2)加强普法宣传。开展活动3次。"), [(15, 13)], "（括号用了半角）：四级标题的序号写作“（2）”"),
]

SILENT = [
    ("FZ601", BASE),
    ("FZ601", TWO_PARAS),
    ("FZ601", para("统一是前提，唯一是标准。一是加强学习；二是强化监督。一是健全制度；二是完善机制。")),
    ("FZ602", BASE),
    ("FZ602", para("主要表现在三个方面:一是能力不足。二是创新不够。三是示范创建还需深化。", P2)),   # xinle-2024
    ("FZ603", BASE),
    ("FZ604", para("1.5万元罚款已全部缴纳。“3.15”期间开展宣传。")),
    ("FZ604", para("一是加强学习。")),
    ("FZ604", para("一)纵深推进依法行政。全年审查合同12件。")),      # FZ606's: it says how to write it
    ("FZ606", BASE),
    ("FZ606", para("（三）加强普法。开展活动3次。")),                # written right: FZ604's
    ("FZ606", para("（一般情况下）应当公开。")),                      # a bracket, not a number
    ("FZ606", para("1.5万元罚款已全部缴纳。")),
    ("FZ606", para("一是加强学习。二是强化监督。")),
]


test_fires, test_silent = table_tests(FIRES, SILENT)


def test_hand_numbering_in_a_heading_is_an_error_in_a_paragraph_a_warning():
    assert [d.severity for d in run(para("（三）加强普法。")) if d.code == "FZ604"] == ["warning"]
    text = BASE.replace("标题: 健全依法决策机制。", "标题: （一）健全依法决策机制。")
    assert [d.severity for d in run(text) if d.code == "FZ603"] == ["error"]
