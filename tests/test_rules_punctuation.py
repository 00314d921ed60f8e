"""FZ4xx: punctuation in Chinese text."""
from __future__ import annotations

from drafter.rules.punctuation import apply_edits, quote_edits, space_runs, width_edits
from test_rules_base import BASE, para, run, table_tests

# yufa-2023's 导语 and a 小标题, as published (half-width commas and colon, one paren pair)
YUFA = ("2023年榆垡镇在区委、区政府的正确领导下,坚持以习近平新时代中国特色社会主义思想为指导,"
        "牢牢把握法治建设这条主线。现将2023年榆垡镇法治政府建设工作情况报告如下:")
YUFA_PARENS = "学习《北京市法治政府建设实施意见》(2021-2025年)等内容。"
ASCII_OK = ("参加人数1,000人，8:30开始，网址http://fzzf.example.cn/a?b=1，“3.15”消费者权益保护日、"
            "“12.4”国家宪法日、3・15，通过率98.59%，A,B两类。")
XINLE_NAME = "开展“服务实体经济 律企携手同行”、律所联商会等法律服务进企业活动。"

FIRES = [
    ("FZ401", para(YUFA), [(15, 34)], "有 3 处半角标点（, :），如“确领导下,坚持以习”中的“,”应为“，”"),
    ("FZ401", BASE.replace("健全依法决策机制。", "强化组织领导,引领政治建设。"), [(12, 19)], "应为“，”"),
    ("FZ401", para(YUFA_PARENS), [(15, 30)], "有 2 处半角标点（( )）"),
    ("FZ402", para('开展"法治体检"活动，服务企业15家。'), [(15, 15)], "有 1 对直引号"),
    ("FZ402", para('开展"法治体检活动，服务企业15家。'), [(15, 15)], "直引号 \" 没有配对"),
    ("FZ403", para("贯彻《重大行政决策程序暂行条例，推动诉源治理。"), [(15, 15)], "“《”没有对应的“》”"),
    ("FZ403", para("完善“府院联动”机制）。"), [(15, 23)], "多了一个“）”"),
    ("FZ404", para("发现问题7起，已全部整改。。聚焦群众身边问题。"), [(15, 25)], "标点“。。”重复"),
    ("FZ404", para("开展检查10次，，发现问题7起。"), [(15, 20)], "标点“，，”重复"),
    ("FZ404", para("开展检查10次，，发现问题7起。。整改完毕；；"), [(15, 20), (15, 28), (15, 34)], "标点“，，”重复"),
    ("FZ404", para("完成" + "。。" * 5), [(15, 15)], "有 5 处标点重复，如"),
    ("FZ405", para("坚持依法 行政，推进　法治政府建设。"), [(15, 17), ], "有 2 处汉字之间的空格"),
    ("FZ405", para("第三条　行政执法机关应当公示　执法信息。"), [(15, 27), ], "有 1 处汉字之间的空格"),  # not the gap at 17
    ("FZ406", para("通过率为98.59 %，满意率100 %。"), [(15, 22), (15, 31)], "请写成“98.59%”"),
    # in a title only the gap between joint organs is customary
    ("FZ405", BASE.replace("年度: 2023\n", "年度: 2023\n标题: 中共青山县委员会 青山县人民政府关于2023年度法治 政府建设情况的报告\n"),
     [(4, 31)], "有 1 处汉字之间的空格"),
    # three organs (one of them an 人武部, 主席团 or 政协): both gaps between them are customary
    ("FZ405", BASE.replace("年度: 2023\n", "年度: 2023\n标题: 中共青山县委 青山县人民政府 青山县人民武装部关于2023年度法治 政府建设情况的报告\n"),
     [(4, 38)], "有 1 处汉字之间的空格"),
    # a zero-width space copied from a web page, inside plain text
    ("FZ408", para("全面推进\u200b依法行政，成效\u200b明显。"), [(15, 17)], "有 2 个看不见的字符（U+200B"),
    # in a name printed in the 版头 and the 署名 too (QA)
    ("FZ408", BASE.replace("发文机关: 青山县人民政府", "发文机关: 青山县\u200b人民政府"), [(1, 10)], "有 1 个看不见的字符"),
    ("FZ407", BASE.replace("[青原市人民政府]", "[青原市人民政府：]"), [(6, 15)], "末尾多了“：”；主送机关后的冒号由 drafter 加上"),
    ("FZ407", BASE.replace("年度: 2023\n", "年度: 2023\n标题: 青山县人民政府关于2023年度法治政府建设情况的报告。\n"),
     [(4, 31)], "末尾多了“。”；标题末尾不加标点"),
]

SILENT = [
    ("FZ401", BASE),
    ("FZ401", para(ASCII_OK)),
    ("FZ401", BASE.replace("成文日期:", "附件: [Excel table (xlsx), 'notes:draft,v2']\n成文日期:")),
    ("FZ402", para("开展“法治体检”活动，推广‘枫桥经验’。")),
    ("FZ402", para("引入 drafter's tool 检查。")),
    ("FZ403", para("完善“府院联动”机制（即1名主要调解员+N名辅助调解员），贯彻《重大行政决策程序暂行条例》〔2019〕。")),
    ("FZ403", para("各乡镇(街道）开展培训。")),             # width is FZ401's business; the pair is complete
    ("FZ404", para("坚持和发展新时代“枫桥经验”……，以“全年学法、年初谈法”——总思路推进。")),
    ("FZ405", para(XINLE_NAME)),                         # a name with a space between its two phrases
    ("FZ405", para("共办理案件 15 件，罚款 3.5 万元。")),      # spaces next to digits are not between Chinese
    ("FZ405", para("第三条　行政执法机关应当公示执法信息。")),  # an article's number and its text: the customary gap
    ("FZ405", BASE.replace("年度: 2023\n", "年度: 2023\n标题: 中共青山县委员会　青山县人民政府关于2023年度法治政府建设情况的报告\n")),
    ("FZ405", BASE.replace("年度: 2023\n", "年度: 2023\n标题: 中共青山县委 青山县人民政府关于2023年度法治政府建设情况的报告\n")),
    ("FZ406", para("调解成功率97.0%，占比18.6％。")),
    ("FZ407", BASE),
    ("FZ407", BASE.replace("年度: 2023\n", "年度: 2023\n标题: 关于《青山县法治政府建设实施方案》执行情况的报告\n")),
    ("FZ408", para("推进“互联网+政务服务”，网址 https://example.cn/a?b=1。")),   # visible text only
]


test_fires, test_silent = table_tests(FIRES, SILENT)


def test_width_fix_text():
    s = "在区委的领导下,坚持以人为本; 工作情况报告如下:党委(党组)中心组、(2021-2025年)、1,000人、8:30、“3.15”"
    assert apply_edits(s, width_edits(s)) == ("在区委的领导下，坚持以人为本；工作情况报告如下：党委（党组）中心组、"
                                              "（2021-2025年）、1,000人、8:30、“3.15”")
    assert width_edits("version 1.2 (beta), see: x") == []


def test_quote_and_space_fix_text():
    s = '开展"法治体检"和"送法进企业"活动，推广\'枫桥经验\'。'
    edits, bad = quote_edits(s)
    assert bad is None and apply_edits(s, edits) == "开展“法治体检”和“送法进企业”活动，推广‘枫桥经验’。"
    s = "依法 行政，　推进法治。 “服务实体经济 律企携手同行”"
    assert apply_edits(s, space_runs(s)[0]) == "依法行政，推进法治。“服务实体经济 律企携手同行”"


def test_fixable_findings_carry_a_fix_of_their_text():
    ds = [d for d in run(para(YUFA)) if d.code == "FZ401"]
    assert ds[0].fix.path == ("sections", 0, "content", 0, "content", 0)
    assert ds[0].fix.new.startswith("2023年榆垡镇在区委、区政府的正确领导下，坚持") and ds[0].fix.new.endswith("报告如下：\n")
    assert [d.fix for d in run(para("已全部整改。。")) if d.code == "FZ404"] == [None]


def test_dates_numbers_and_addresses_are_left_alone_by_every_rule():
    """3.15 / 12.4 / 3・15 dates, decimals, digit groups, times and URLs: no rule at all fires."""
    assert [d.format() for d in run(para(ASCII_OK))] == []


def test_invisible_characters_are_removed_by_the_fix(tmp_path):
    from conftest import run_cli

    p = tmp_path / "r.yaml"
    p.write_text(para("全面推进\u200b依法行政，成效\u00ad明显。"), encoding="utf-8")
    r = run_cli("check", "--fix", p)
    assert r.code == 0, r
    text = p.read_text(encoding="utf-8")
    assert "全面推进依法行政，成效明显。" in text and "\u200b" not in text and "\u00ad" not in text
