"""FZ7xx: figures."""
from __future__ import annotations

from test_rules_base import check_fires, check_silent, para, table_tests

# xinle-2024-han, as published: 1456 ÷ 1501 = 97.0 %, not 97.1 %
XINLE = "2024年共排查矛盾纠纷1501件,化解1456件,调解成功率97.1%。"

FIRES = [
    ("FZ701", para(XINLE.replace("2024年", "全年")), [(15, 41)], "1456÷1501＝97.0%"),
    ("FZ701", para("受理信访事项200件，办结150件，办结率达80%。"), [(15, 35)], "150÷200＝75%"),
    ("FZ702", para("政策性文件“预公开”率105%。"), [(15, 24)], "“105%”超过了100%"),
    ("FZ703", para("开展各类法治宣传活动8余次。"), [(15, 23)], "请写“8次”"),
    ("FZ703", para("免除罚款3余万元。"), [(15, 17)], "请写“3万余”"),
]

SILENT = [
    ("FZ701", para("排查矛盾纠纷1501件，化解1456件，调解成功率97.0%。")),
    ("FZ701", para("共排查矛盾纠纷1500件，化解1455件，调解成功率97%。")),
    # daxing-2023: a growth rate and a rate whose counts are not given
    ("FZ701", para("全年接收行政复议案件720件，同比增长57.54%，案件调解率18.6%。")),
    ("FZ701", para("组织执法资格考试6期，通过率98.59%。出庭应诉10件，应出尽出100%。")),
    ("FZ701", para("全年受理信访事项20件，办结20件，按期办结率100%，群众满意率95%。")),   # 满意率 is not 20÷20
    # "其中……" is a share of the total before it: 53÷371, not 53÷238 (a real 行政复议 report's sentence)
    ("FZ701", para("审结371件，其中维持238件，撤销、变更、确认违法和责令履行共计53件，纠错率14.3%。")),
    ("FZ702", para("区政府人大建议、政协提案办复率、满意率达100%。受理案件1328件，同比增长136.6%。")),
    ("FZ703", para("开展各类法治宣传活动30余次，发放宣传材料40000余份，解答法律咨询2000余人次，召开会议10余次。")),
]


test_fires, test_silent = table_tests(FIRES, SILENT)


def test_rate_rounding_tolerance():
    """97.0 % (1 place) allows 96.95…97.05; 97 % (0 places) allows 96.5…97.5."""
    check_silent("FZ701", para("共排查1000件，化解970件，成功率97.0%。"))
    check_fires("FZ701", para("共排查1000件，化解969件，成功率97.0%。"), [(15, 32)], "969÷1000＝96.9%")
    check_silent("FZ701", para("共排查1000件，化解966件，成功率97%。"))
