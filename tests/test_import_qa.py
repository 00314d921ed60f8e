"""`drafter import` on what a QA tester found in published reports: web-page furniture and attachment
pages after the 成文日期, the date above the 署名, "（盖章）", text hard-wrapped when copied from a PDF,
Word line breaks in mid-sentence, a title ending in "。", a joint signature on one line, parts out of the
regulation's order, and headings that are only bold.  Each source is written here, imported for real,
checked (no errors) and its fields and paragraphs asserted."""
from __future__ import annotations

import datetime as dt

import docx
import pytest

from drafter.check import check_loaded
from drafter.importer import MISSING_REASON, import_file
from drafter.importer.wrap import unwrap
from drafter.loader import load_text
from drafter.model import Subsection
from test_import_helpers import docx_body, import_checked, render, squash, strip_number

WS2 = "\u3000\u3000"

HEAD = """首页 > 政务公开 > 法治政府建设
青石镇人民政府关于2024年度
法治政府建设工作情况的报告
发布时间：2025-01-08 09:30　　来源：青石镇人民政府　　浏览次数：356
【字体：大 中 小】　　打印本页　　关闭窗口

县人民政府：
　　2024年，青石镇坚持以习近平法治思想为指导，扎实推进法治政府建设各项工作。现将有关情况报告如下：
"""
PARTS_IN_ORDER = """　　一、2024年推进法治政府建设的主要举措和成效
　　（一）加强组织领导，压实工作责任
　　镇党委、镇政府成立法治政府建设工作领导小组，全年召开专题会议4次。
　　二、存在的不足和原因
　　一是部分干部法治意识还不够强；二是执法人员专业素质有待提高。
　　三、党政主要负责人履行推进法治建设第一责任人职责情况
　　镇党委书记、镇长认真履行第一责任人职责，带头参加行政应诉1次。
　　四、2025年推进法治政府建设的主要安排
　　2025年，我镇将继续深化法治政府建设：一是加强执法队伍建设；二是深入开展“八五”普法。
"""
BODY_TEXTS = ["镇党委、镇政府成立法治政府建设工作领导小组，全年召开专题会议4次。",
              "一是部分干部法治意识还不够强；二是执法人员专业素质有待提高。",
              "镇党委书记、镇长认真履行第一责任人职责，带头参加行政应诉1次。",
              "2025年，我镇将继续深化法治政府建设：一是加强执法队伍建设；二是深入开展“八五”普法。"]
SIGN = "　" * 18 + "青石镇人民政府"
DATE = "　" * 17 + "2024年12月20日"


def imp(tmp_path, text: str, name: str = "report.txt", **kw):
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    return import_checked(src, tmp_path, **kw)




def uncommented(yaml_text: str) -> str:
    return "\n".join(ln for ln in yaml_text.splitlines() if not ln.lstrip().startswith("#"))


def comments(yaml_text: str) -> str:
    return "\n".join(ln for ln in yaml_text.splitlines() if ln.lstrip().startswith("#"))


def all_paragraphs(rep) -> list[str]:
    out = []

    def walk(items):
        for x in items:
            if isinstance(x, str):
                out.append(x.rstrip("\n"))
            else:
                out.append(f"【{x.heading}】")
                walk(x.content)
    for s in rep.sections:
        walk(s.content)
    return out


def assert_ending(rep, names=("青石镇人民政府",), date=dt.date(2024, 12, 20)):
    assert rep.closing == "特此报告。"
    assert rep.signatories == list(names)
    assert rep.date == date
    assert [s.parts for s in rep.sections] == [["一"], ["二"], ["三"], ["四"]]
    assert all_paragraphs(rep)[-1] == BODY_TEXTS[-1]          # nothing of the ending left in the body


# --------------------------------------------------------------------------------------------
# 1. web-page furniture and attachment pages after the 成文日期
WEB_TAIL = """责任编辑：王芳
编辑：李娜
审核：张强
【我要纠错】　【打印】　【关闭】
分享到：
扫一扫在手机打开当前页
附件下载：
青石镇2024年度行政执法案件统计表.xlsx
上一篇：关于2024年度政府信息公开工作的报告
相关稿件
青石镇召开法治政府建设推进会
青石镇开展“八五”普法中期检查
"""


def test_web_furniture_after_the_date_is_dropped_and_the_ending_found(tmp_path):
    r = imp(tmp_path, HEAD + PARTS_IN_ORDER + "　　特此报告。\n\n" + SIGN + "\n" + DATE + "\n\n" + WEB_TAIL)
    rep = r.report
    assert_ending(rep)
    plain = uncommented(r.yaml)
    for junk in ("责任编辑", "王芳", "审核", "我要纠错", "分享到", "附件下载", "统计表.xlsx", "上一篇", "相关稿件",
                 "推进会", "中期检查"):
        assert junk not in plain, junk
    # kept as a comment for the record, in the order of the text
    note = comments(r.yaml)
    assert note.index("责任编辑：王芳") < note.index("审核：张强") < note.index("相关稿件")
    assert "已删除网页信息" in "\n".join(r.summary)
    assert "2024年12月20日" in "\n".join(r.summary)


def test_page_furniture_between_paragraphs_is_dropped(tmp_path):
    body = PARTS_IN_ORDER.replace("　　二、存在", "【打印本页】【关闭窗口】\n　　二、存在")
    r = imp(tmp_path, HEAD + body + "　　特此报告。\n" + SIGN + "\n" + DATE + "\n")
    assert_ending(r.report)
    assert "打印本页】【关闭窗口" not in uncommented(r.yaml)
    assert "【打印本页】【关闭窗口】" in comments(r.yaml)
    assert all_paragraphs(r.report)[:2] == ["【加强组织领导，压实工作责任】", BODY_TEXTS[0]]


ATTACHMENT_PAGE = """
附件

青石镇2024年度行政执法案件统计表

序号　执法领域　案件数
1　市容环境　30
2　安全生产　18
"""


@pytest.mark.parametrize("date", [DATE, "　" * 17 + "二〇二四年十二月二十日"])
def test_attachment_page_after_the_date_becomes_an_attachment(tmp_path, date):
    """An attachment page after the 成文日期 is no body text: it becomes the report's 附件 with its
    title and content (pages of their own after the body, GB/T 9704 §7.3.7), the body unchanged."""
    r = imp(tmp_path, HEAD + PARTS_IN_ORDER + "　　特此报告。\n\n" + SIGN + "\n" + date + "\n" + ATTACHMENT_PAGE)
    rep = r.report
    assert_ending(rep)
    assert not any("市容环境" in t for t in all_paragraphs(rep))
    (att,) = rep.attachments
    assert att.title == "青石镇2024年度行政执法案件统计表"
    assert att.content == ["序号　执法领域　案件数\n", "1　市容环境　30\n", "2　安全生产　18\n"]
    note = comments(r.yaml)
    assert "成文日期之后的附件（第" in note and "已导入“附件”" in note and "§7.3.7" in note
    s = "\n".join(r.summary)
    assert "成文日期之后的附件" in s and "青石镇2024年度行政执法案件统计表" in s


def test_attachment_page_and_web_furniture_after_it(tmp_path):
    r = imp(tmp_path, HEAD + PARTS_IN_ORDER + "　　特此报告。\n" + SIGN + "\n" + DATE + "\n" + ATTACHMENT_PAGE
            + "责任编辑：王芳\n【我要纠错】【打印】【关闭】\n")
    assert_ending(r.report)
    assert "王芳" not in uncommented(r.yaml) and r.report.attachments[0].title == "青石镇2024年度行政执法案件统计表"


def _para(d, text, bold=False, font=None):
    p = d.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if font:
        from docx.oxml.ns import qn

        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return p


def test_docx_attachment_page_table_and_soft_break(tmp_path):
    from docx.enum.text import WD_BREAK

    d = docx.Document()
    _para(d, "青山县司法局关于2024年度法治政府建设工作情况的报告")
    _para(d, "县委全面依法治县委员会办公室：")
    _para(d, "2024年，县司法局全面履行法治政府建设统筹协调职责。现将有关情况报告如下：")
    _para(d, "一、2024年度推进法治政府建设的主要举措和成效")
    p = _para(d, "指导3个乡镇开展法治政府建设示范创建，")
    p.add_run().add_break()
    p.add_run("其中1个乡镇被评为市级示范乡镇。")
    p = _para(d, "全年办理行政复议案件41件。")
    p.add_run().add_break()
    p.add_run("行政诉讼败诉率下降2个百分点。")
    _para(d, "二、2024年度推进法治政府建设存在的不足和原因")
    _para(d, "基层法治人才短缺。")
    _para(d, "三、党政主要负责人履行推进法治建设第一责任人职责情况")
    _para(d, "局长认真履行第一责任人职责，全年主持专题研究法治工作6次。")
    _para(d, "四、2025年度推进法治政府建设的主要安排")
    _para(d, "深化行政复议体制改革。")
    _para(d, "特此报告。")
    _para(d, "附件：青山县2024年度行政执法统计表")
    _para(d, "青山县司法局")
    _para(d, "2025年1月8日")
    p = _para(d, "")
    p.add_run().add_break(WD_BREAK.PAGE)
    _para(d, "附件")
    _para(d, "青山县2024年度行政执法统计表")
    t = d.add_table(rows=2, cols=2)
    for k, v in enumerate(("执法部门", "案件数", "县市场监管局", "312")):
        t.cell(k // 2, k % 2).text = v
    src = tmp_path / "司法局.docx"
    d.save(str(src))
    r = import_checked(src, tmp_path)
    rep = r.report
    assert (rep.closing, rep.signatories, rep.date) == ("特此报告。", ["青山县司法局"], dt.date(2025, 1, 8))
    (att,) = rep.attachments                       # the 附件 page: its title and its table, as a 附件 of the report
    assert att.title == "青山县2024年度行政执法统计表"
    assert [(x.table.header, x.table.rows) for x in att.content] == [([["执法部门", "案件数"]], [["县市场监管局", "312"]])]
    assert [s.parts for s in rep.sections] == [["一"], ["二"], ["三"], ["四"]]
    # a line break in mid-sentence joins; one after a full stop still separates paragraphs
    assert rep.sections[0].content == ["指导3个乡镇开展法治政府建设示范创建，其中1个乡镇被评为市级示范乡镇。\n",
                                       "全年办理行政复议案件41件。\n", "行政诉讼败诉率下降2个百分点。\n"]
    assert "手动换行（Shift+Enter），已接排为一段" in comments(r.yaml)
    assert "第5段中有句子中间的手动换行" in "\n".join(r.summary)


# --------------------------------------------------------------------------------------------
# 2. the date above the 署名, "（盖章）"
@pytest.mark.parametrize("ending, names, sealed, date_first", [
    (f"{DATE}\n{SIGN}\n", ["青石镇人民政府"], False, True),
    (f"{SIGN}\n{'　' * 18}（盖章）\n{DATE}\n", ["青石镇人民政府"], True, False),
    (f"{SIGN}\n{DATE}\n{'　' * 18}（印章）\n", ["青石镇人民政府"], True, False),
    (f"{DATE}\n（盖章）\n{SIGN}\n", ["青石镇人民政府"], True, True),
    (f"{DATE}\n中共青石镇委员会\n青石镇人民政府\n", ["中共青石镇委员会", "青石镇人民政府"], False, True),
])
def test_date_first_and_seal_lines(tmp_path, ending, names, sealed, date_first):
    r = imp(tmp_path, HEAD + PARTS_IN_ORDER + "　　特此报告。\n" + ending)
    rep = r.report
    assert_ending(rep, names)
    assert rep.seal is sealed
    assert "盖章" not in uncommented(r.yaml) and "印章）" not in uncommented(r.yaml)
    if sealed:
        assert "已写“印章: 是”" in comments(r.yaml)
        assert "印章: 是" in r.yaml
    assert ("成文日期写在署名之上" in comments(r.yaml)) is date_first


@pytest.mark.parametrize("gap", ["　　", "  ", "\u3000\u3000\u3000", "\u3000"])
def test_joint_signature_on_one_line(tmp_path, gap):
    r = imp(tmp_path, HEAD + PARTS_IN_ORDER + "　　特此报告。\n" + f"　　中共青石镇委员会{gap}青石镇人民政府\n" + DATE + "\n")
    assert_ending(r.report, ["中共青石镇委员会", "青石镇人民政府"])
    assert "署名：中共青石镇委员会、青石镇人民政府" in "\n".join(r.summary)


# --------------------------------------------------------------------------------------------
# 3. text hard-wrapped when copied from a PDF
PDF = """青原县人民政府文件

青政发〔2025〕1号

青原县人民政府
关于2024年度法治政府建设情况的报告

青原市人民政府：
    2024年，我县坚持以习近平新时代中国特色社会主义思想为指
导，深入学习贯彻党的二十大和二十届二中、三中全会精神，全面
落实法治政府建设实施纲要，各项工作取得积极成效。现将有关情
况报告如下：
    一、主要举措和成效
    （一）深入学习贯彻习近平法治思想。县政府常务会议会前学法
10次，县政府党组理论学习中心组专题学习习近平法治思想4次。
    （二）健全依法决策机制。严格落实重大行政决策程序，对县城
供水管网改造等5项重大行政决策开展风险评估和合法性审查。

— 1 —

    （三）严格规范公正文明执法
    1.深化综合行政执法改革。将112项行政执法事项下放乡镇，
同步开展业务培训6期。
    二、存在的不足和原因
    一是法治政府建设推进不够平衡；二是行政执法人员专业化水
平有待提高。
    三、党政主要负责人履行推进法治建设第一责任人职责情况
    县长认真履行推进法治建设第一责任人职责，主持召开县政府
常务会议专题研究法治政府建设工作3次。

- 2 -

    四、2025年主要工作安排
    一是深入学习贯彻习近平法治思想；二是持续提升行政执法质
量；三是加快推进法治社会建设。

第 3 页

    特此报告。

                              青原县人民政府
                             2025年1月15日
    （此件公开发布）

抄送：县委办公室，县人大常委会办公室，县政协办公室。
  青原县人民政府办公室                2025年1月15日印发
"""


def test_pdf_wrapped_lines_are_joined_and_page_numbers_dropped(tmp_path):
    r = imp(tmp_path, PDF)
    rep = r.report
    assert rep.title == "青原县人民政府\n关于2024年度法治政府建设情况的报告" or \
        rep.title == "青原县人民政府关于2024年度法治政府建设情况的报告"
    assert rep.recipients == ["青原市人民政府"] and rep.doc_number == "青政发〔2025〕1号"
    assert rep.intro == ("2024年，我县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大和二十届二中、"
                         "三中全会精神，全面落实法治政府建设实施纲要，各项工作取得积极成效。现将有关情况报告如下：")
    assert all_paragraphs(rep) == [
        "【深入学习贯彻习近平法治思想。】", "县政府常务会议会前学法10次，县政府党组理论学习中心组专题学习习近平法治思想4次。",
        "【健全依法决策机制。】", "严格落实重大行政决策程序，对县城供水管网改造等5项重大行政决策开展风险评估和合法性审查。",
        "【严格规范公正文明执法】", "【深化综合行政执法改革。】", "将112项行政执法事项下放乡镇，同步开展业务培训6期。",
        "一是法治政府建设推进不够平衡；二是行政执法人员专业化水平有待提高。",
        "县长认真履行推进法治建设第一责任人职责，主持召开县政府常务会议专题研究法治政府建设工作3次。",
        "一是深入学习贯彻习近平法治思想；二是持续提升行政执法质量；三是加快推进法治社会建设。"]
    assert (rep.closing, rep.signatories, rep.date) == ("特此报告。", ["青原县人民政府"], dt.date(2025, 1, 15))
    assert rep.note == "（此件公开发布）" and rep.cc == ["县委办公室", "县人大常委会办公室", "县政协办公室"]
    plain = uncommented(r.yaml)
    assert "— 1 —" not in plain and "- 2 -" not in plain and "第 3 页" not in plain
    note = comments(r.yaml)
    assert "删除的页码 3 行" in note and "第19行“— 1 —”" in note
    assert f"已把 {r.source.joined} 处行末断开的行接回原来的段落" in note and r.source.joined == 9
    assert "请对照原文核对分段" in "\n".join(r.summary)
    # nothing lost: the rendered body is the source text minus page numbers and the ending's furniture
    body_src = "".join(squash(strip_number(ln)) for ln in PDF.split("\n")[8:38]
                       if ln.strip() and ln.strip() not in ("— 1 —", "- 2 -", "第 3 页"))
    rendered = docx_body(render(rep, tmp_path / "out.docx"))
    assert body_src[body_src.index("2024年，我县"):] in rendered


def test_a_comma_at_the_end_of_a_line_joins_the_next(tmp_path):
    text = ("东湖街道办事处2024年法治政府建设年度报告\n\n2024年，东湖街道深入贯彻落实习近平法治思想。\n\n"
            "一、主要工作举措及成效\n(一)加强组织领导\n街道党工委定期听取法治建设工作汇报，将法治建设纳入年度绩效考核，\n"
            "占比不低于5%。\n二、存在的问题\n法治宣传覆盖面还不够广。\n三、下一步工作打算\n一是加强法治队伍建设。\n\n"
            "东湖街道办事处\n2024年12月25日\n")
    r = imp(tmp_path, text)
    sub = r.report.sections[0].content[0]
    assert isinstance(sub, Subsection) and sub.heading == "加强组织领导"
    assert sub.content == ["街道党工委定期听取法治建设工作汇报，将法治建设纳入年度绩效考核，占比不低于5%。\n"]
    assert (r.report.signatories, r.report.date) == (["东湖街道办事处"], dt.date(2024, 12, 25))
    assert r.source.joined == 1


def test_unwrap_keeps_lines_that_end_or_start_something():
    lines = ["一、主要举措和成效", "县长认真履行职责", "（一）加强领导", "一、", "（一）", "标题行没有标点",
             "", "3", "", "正文一句没有结束但下面空了一行", "", "下一段。"]
    u = unwrap(lines)
    assert [t for _, t, _ in u.lines] == ["一、主要举措和成效", "县长认真履行职责", "（一）加强领导", "一、", "（一）",
                                         "标题行没有标点", "3", "正文一句没有结束但下面空了一行", "下一段。"]
    assert u.joined == 0 and u.page_numbers == []       # a bare "3" between short lines may be a table cell


# --------------------------------------------------------------------------------------------
# 5. a title ending in "。"
def test_title_with_a_full_stop(tmp_path):
    text = ("东湖街道办事处2024年法治政府建设年度报告。\n\n2024年，东湖街道深入贯彻落实习近平法治思想。\n\n"
            "一、主要工作举措及成效\n街道人民调解委员会调解纠纷217件。\n二、存在的问题\n法治宣传覆盖面还不够广。\n"
            "东湖街道办事处\n2024年12月25日\n")
    r = imp(tmp_path, text)
    assert r.report.title == "东湖街道办事处2024年法治政府建设年度报告"
    assert r.report.intro == "2024年，东湖街道深入贯彻落实习近平法治思想。"
    assert "末尾有标点，已删去" in comments(r.yaml)
    assert "原文标题（第1行）末尾有标点“。”，已删去" in "\n".join(r.summary)


def test_an_intro_sentence_is_not_taken_for_a_title(tmp_path):
    text = ("现将2024年度法治政府建设工作情况报告如下。\n一、主要举措和成效\n召开会议3次。\n")
    r = imp(tmp_path, text, org="青石镇人民政府")
    assert r.report.title is None and r.report.intro == "现将2024年度法治政府建设工作情况报告如下。"


# --------------------------------------------------------------------------------------------
# 7. parts out of order
def test_parts_out_of_order_are_put_in_the_regulations_order(tmp_path):
    body = PARTS_IN_ORDER.split("\n")
    swapped = "\n".join(body[:3] + body[5:7] + body[3:5] + body[7:])      # 第一责任人 before 不足
    r = imp(tmp_path, HEAD + swapped + "　　特此报告。\n" + SIGN + "\n" + DATE + "\n")
    rep = r.report
    assert [s.parts for s in rep.sections] == [["一"], ["二"], ["三"], ["四"]]
    assert [s.content[-1] for s in rep.sections[1:]] == [t + "\n" for t in BODY_TEXTS[1:]]
    assert rep.omitted_parts == {"五": MISSING_REASON}
    s = "\n".join(r.summary)
    assert "原文各部分的顺序（第一、三、二、四部分）与规定的顺序不同，已按规定的顺序重新排列" in s
    assert "原文这一部分排在正文第三部分（第14行），已按" in comments(r.yaml)
    res = check_loaded(load_text(r.yaml, "x.yaml"))
    assert not [d for d in res.diagnostics if d.code in ("FZ102", "FZ103") and "二" in d.message[:12]]


def test_out_of_order_part_that_cannot_be_moved_says_so_consistently(tmp_path):
    body = PARTS_IN_ORDER.split("\n")
    # an extra part (one that names no required part: "对……的建议" would name 五): no reordering
    extra = ["　　五、典型经验做法", "　　推行“一案一评”，全年评查案卷120件。"]
    swapped = "\n".join(body[:3] + body[5:7] + body[3:5] + body[7:9] + extra + body[9:])
    r = imp(tmp_path, HEAD + swapped + "　　特此报告。\n" + SIGN + "\n" + DATE + "\n")
    rep = r.report
    reason = rep.omitted_parts["二"]
    assert reason != MISSING_REASON
    assert "原文有此部分（第14行“存在的不足和原因”），但顺序不对" in reason and "部分: 二" in reason
    s = "\n".join(r.summary)
    assert "第二部分“存在的不足和原因”：原文有（第14行" in s and "未找到，已写入“省略部分”（导入时未找到此部分" not in \
        [ln for ln in s.splitlines() if "第二部分" in ln][0]
    res = check_loaded(load_text(r.yaml, "x.yaml"))
    todo = [d.message for d in res.diagnostics if d.code == "FZ101" and "第二部分" in d.message]
    assert todo and "写的是待办的提示【请把它移到规定的位置并写“部分: 二”，再删去这一行】" in todo[0]


# --------------------------------------------------------------------------------------------
# 8. headings that are only bold
def test_docx_bold_only_headings_take_their_level_from_the_font(tmp_path):
    d = docx.Document()
    _para(d, "西城街道办事处2024年度法治政府建设情况报告")
    _para(d, "2024年，西城街道认真贯彻落实上级部署。现将有关情况报告如下：")
    _para(d, "一、2024年度推进法治政府建设的主要举措和成效", bold=True, font="黑体")
    _para(d, "加强组织领导", bold=True, font="楷体_GB2312")
    _para(d, "街道党工委书记主持召开专题会议3次。")
    _para(d, "完善制度建设", bold=True, font="仿宋_GB2312")
    _para(d, "修订街道合法性审查工作规则。")
    _para(d, "推进依法决策", bold=True, font="楷体_GB2312")
    _para(d, "重大事项全部经法律顾问审查。")
    _para(d, "全年未发生行政败诉案件。", bold=True, font="仿宋_GB2312")      # a bold sentence stays text
    _para(d, "二、存在的不足和原因", bold=True, font="黑体")
    _para(d, "社区法律服务供给仍不充分。")
    src = tmp_path / "加粗.docx"
    d.save(str(src))
    r = import_checked(src, tmp_path)
    sec = r.report.sections[0]
    a, b = sec.content
    assert (a.heading, b.heading) == ("加强组织领导", "推进依法决策")
    assert a.content[0] == "街道党工委书记主持召开专题会议3次。\n"
    assert a.content[1].heading == "完善制度建设" and a.content[1].content == ["修订街道合法性审查工作规则。\n"]
    assert b.content == ["重大事项全部经法律顾问审查。\n", "全年未发生行政败诉案件。\n"]
    assert "没有序号、只是加粗，按二级标题" in comments(r.yaml)
    assert "第4段：加粗的一行“加强组织领导”没有序号，按二级标题导入，请核对" in "\n".join(r.summary)


def test_markdown_bold_line_is_a_heading_to_check(tmp_path):
    text = ("# 南山区人民政府2024年度法治政府建设情况报告\n\n市人民政府：\n\n2024年，南山区全面推进依法行政。现将有关情况报告如下：\n\n"
            "**一、主要举措和成效**\n\n**（一）提升行政决策水平。**制定重大行政决策事项目录。\n\n"
            "**坚持科学民主依法决策**\n\n区政府常务会议审议议题前必须经过合法性审查。\n\n"
            "**二、存在的不足**\n\n基层法治力量相对薄弱。\n")
    r = imp(tmp_path, text, name="report.md")
    sub = r.report.sections[0].content[0]
    assert sub.heading == "提升行政决策水平。" and sub.content[0] == "制定重大行政决策事项目录。\n"
    assert sub.content[1].heading == "坚持科学民主依法决策"
    assert sub.content[1].content == ["区政府常务会议审议议题前必须经过合法性审查。\n"]
    assert "加粗的一行“坚持科学民主依法决策”没有序号" in "\n".join(r.summary)


def test_docx_line_break_after_a_heading_without_number_still_separates(tmp_path):
    d = docx.Document()
    _para(d, "西城街道办事处2024年度法治政府建设情况报告")
    _para(d, "2024年，西城街道认真贯彻落实上级部署。现将有关情况报告如下：")
    p = _para(d, "2024年度推进法治政府建设的主要举措和成效")
    p.add_run().add_break()
    p.add_run("街道党工委书记主持召开专题会议3次")
    p.add_run().add_break()
    p.add_run("研究部署法治建设工作。")
    src = tmp_path / "换行.docx"
    d.save(str(src))
    r = import_checked(src, tmp_path)
    sec = r.report.sections[0]
    assert sec.parts == ["一"]
    # a short line without any punctuation before a break may be a heading or a label: kept apart, as before
    assert sec.content == ["街道党工委书记主持召开专题会议3次\n", "研究部署法治建设工作。\n"]
    assert not r.source.soft_joined


@pytest.mark.parametrize("written", ["2024／12／20", "2024-12-20日", "二Ｏ二四年十二月二十日"])
def test_closing_date_written_other_ways(tmp_path, written):
    from pathlib import Path

    seed = Path(__file__).parent / "data" / "seeds" / "xinle-2024-han.txt"
    text = seed.read_text(encoding="utf-8")
    assert text.endswith("\n新乐市人民政府\n2024年12月20日")
    r = imp(tmp_path, text[:-len("2024年12月20日")] + written + "\n")
    assert str(r.report.date) == "2024-12-20" and r.report.signatories == ["新乐市人民政府"], r.report


def test_org_is_the_full_name_when_the_title_uses_the_short_one(tmp_path):
    text = ("红石乡2024年度法治政府建设工作报告\n\n2024年，红石乡坚持依法行政。现将有关情况报告如下：\n"
            "一、主要举措和成效\n全年办理行政复议案件3件。\n二、存在的不足和原因\n执法力量不足。\n"
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n乡长带头学法4次。\n"
            "四、2025年工作安排\n2025年，我乡将继续推进依法行政。\n五、其他需要报告的情况\n无\n\n"
            "红石乡人民政府\n2025年1月6日\n")
    r = imp(tmp_path, text)
    assert r.report.org == "红石乡人民政府" and r.report.short_name == "红石乡", r.report
    assert any("发文机关：红石乡人民政府（署名；标题中写的是“红石乡”）" in line for line in r.summary), r.summary


def test_a_comma_after_a_bracketed_number_goes_with_the_number(tmp_path):
    """"（二）、规范……" (QA): the 顿号 stayed as "、规范……" and printed as "（二）、规范……"."""
    body = PARTS_IN_ORDER.replace("　　（一）加强组织领导，压实工作责任", "　　（一）、加强组织领导，压实工作责任")
    assert body != PARTS_IN_ORDER
    r = imp(tmp_path, HEAD + body + "　　特此报告。\n" + SIGN + "\n" + DATE + "\n")
    sub = r.report.sections[0].content[0]
    assert sub.heading.startswith("加强组织领导"), sub.heading


# --------------------------------------------------------------------------------------------
# a joint 发文机关标志 (联合行文, §7.2.4): the organs stacked, "文件" beside them
@pytest.mark.parametrize("flag", [
    ["中共青石镇委员会", "青石镇人民政府文件"],
    ["中共青石镇委员会", "青石镇人民政府", "文件"],
    ["中共青石镇委员会　　文件", "青石镇人民政府"],
], ids=["after-the-last", "own-line", "after-the-first"])
def test_joint_flag_lines(tmp_path, flag):
    text = ("\n".join(flag) + "\n\n青石发〔2025〕1号\n\n中共青石镇委员会 青石镇人民政府\n关于2024年度法治政府建设工作情况的报告\n\n"
            "县委、县人民政府：\n　　2024年，青石镇坚持以习近平法治思想为指导，扎实推进法治政府建设各项工作。现将有关情况报告如下：\n"
            + PARTS_IN_ORDER + "　　特此报告。\n\n　　中共青石镇委员会　　青石镇人民政府\n" + DATE + "\n")
    r = imp(tmp_path, text)
    rep = r.report
    assert rep.flag == ["中共青石镇委员会", "青石镇人民政府"] and rep.header == "文件"
    assert rep.org == "中共青石镇委员会"                      # the main organ, named first
    assert rep.signatories == ["中共青石镇委员会", "青石镇人民政府"]


def test_a_single_flag_is_not_joined_with_the_line_below(tmp_path):
    """"××人民政府文件" is one organ's 标志: an organ's name below it (a title's first line) stays apart."""
    text = ("青石镇人民政府文件\n\n青石发〔2025〕1号\n\n青石镇人民政府\n关于2024年度法治政府建设工作情况的报告\n\n"
            "县人民政府：\n　　2024年，青石镇坚持以习近平法治思想为指导。现将有关情况报告如下：\n"
            + PARTS_IN_ORDER + "　　特此报告。\n\n　　青石镇人民政府\n" + DATE + "\n")
    rep = imp(tmp_path, text).report
    assert rep.flag in ([], ["青石镇人民政府文件"]) and rep.org == "青石镇人民政府"
    assert rep.title.startswith("青石镇人民政府")


def test_one_organs_flag_is_written_on_one_line_and_a_joint_one_as_a_list(tmp_path):
    one = imp(tmp_path, open_text("青石镇人民政府办公室文件"), name="one.txt")
    assert "\n发文机关标志: 青石镇人民政府办公室文件\n" in one.yaml
    joint_text = open_text("中共青石镇委员会\n青石镇人民政府文件").replace(
        "　　青石镇人民政府\n", "　　中共青石镇委员会　　青石镇人民政府\n")         # a joint report: signed jointly
    joint = imp(tmp_path, joint_text, name="joint.txt")
    assert "\n发文机关标志:\n  - 中共青石镇委员会\n  - 青石镇人民政府\n" in joint.yaml


def open_text(flag: str) -> str:
    return (flag + "\n\n青石发〔2025〕1号\n\n青石镇人民政府\n关于2024年度法治政府建设工作情况的报告\n\n县人民政府：\n"
            "　　2024年，青石镇坚持以习近平法治思想为指导。现将有关情况报告如下：\n" + PARTS_IN_ORDER
            + "　　特此报告。\n\n　　青石镇人民政府\n" + DATE + "\n")


JOINT_TITLE = ["中共安平县青石镇委员会", "安平县青石镇人民政府关于2024年度", "法治政府建设情况的报告"]
ONE_ORGAN = ["中共北京市大兴区委", "全面依法治区委员会办公室关于2024年度", "法治政府建设情况的报告"]


@pytest.mark.parametrize("lines, signed, title", [
    (["青石镇人民政府", "2024年度法治政府建设情况的报告"], "青石镇人民政府", "青石镇人民政府2024年度法治政府建设情况的报告"),
    (JOINT_TITLE, "中共安平县青石镇委员会　　安平县青石镇人民政府", "".join(JOINT_TITLE).replace("会安", "会 安")),
    (JOINT_TITLE, "中共安平县青石镇委员会", "".join(JOINT_TITLE)),          # signed by one: not a joint report
    (ONE_ORGAN, "中共北京市大兴区委全面依法治区委员会办公室", "".join(ONE_ORGAN)),   # one organ's long name
], ids=["one-organ", "joint", "signed-by-one", "long-name"])
def test_a_space_comes_back_only_between_two_organs_of_a_joint_title(tmp_path, lines, signed, title):
    """A joint report's title broken between its organs gets back the customary space; a title broken
    after its one organ, or inside one organ's long name, does not get one."""
    text = ("\n".join(lines) + "\n\n县人民政府：\n　　2024年，青石镇坚持以习近平法治思想为指导。现将有关情况报告如下：\n"
            + PARTS_IN_ORDER + f"　　特此报告。\n\n　　{signed}\n" + DATE + "\n")
    rep = imp(tmp_path, text).report
    assert (rep.title or "").replace("\n", "") == title


def test_an_organ_line_under_a_one_organ_flag_is_not_a_joint_flag(tmp_path):
    """A 函 of one organ with another organ's name (its office) on the line below the 标志: the office
    is not swallowed into a joint 标志; it is kept as a line to check."""
    text = open_text("青石镇人民政府\n青石镇党政综合办公室").replace("青石发〔2025〕1号", "青石函〔2025〕1号")
    r = imp(tmp_path, text)
    assert r.report.flag in ([], ["青石镇人民政府"])
    assert "青石镇党政综合办公室" in r.yaml          # (as a comment: a line drafter could not place)


def test_a_joint_letter_flag_comes_back_as_a_list(tmp_path):
    from drafter.loader import load_text

    text = example_text("xinle-2024-han").replace("版头: 函", "版头: 函\n发文机关标志: [中共新乐市委员会, 新乐市人民政府]")
    src = load_text(text, "j.yaml").report
    r = import_file(render(src, tmp_path / "j.docx"), tmp_path / "j.yaml")
    assert r.report.flag == ["中共新乐市委员会", "新乐市人民政府"] and r.report.header == "函"


def example_text(stem: str) -> str:
    from conftest import example

    return example(stem).read_text(encoding="utf-8")


def test_a_joint_title_naming_fewer_organs_than_sign_gives_the_main_organ(tmp_path):
    """Three organs sign, the title names two (without a space): the 发文机关 is the first, not the
    two names glued together."""
    text = open_text("").lstrip("\n").replace("青石镇人民政府\n关于2024年度", "中共青石镇委员会青石镇人民政府关于2024年度")
    text = text.replace("　　青石镇人民政府\n", "　　中共青石镇委员会　　青石镇人民政府　　中共青石镇纪律检查委员会\n")
    rep = imp(tmp_path, text).report
    assert rep.org == "中共青石镇委员会"
    assert rep.signatories == ["中共青石镇委员会", "青石镇人民政府", "中共青石镇纪律检查委员会"]


def test_letter_spaced_flag_and_signature_from_a_pdf(tmp_path):
    """A red head and a 署名 spread out with 分散对齐 come out of a PDF one space between characters:
    the names are read without the spaces (they were kept, and FZ405 then fired on them)."""
    text = open_text("中 共 青 石 镇 委 员 会\n青 石 镇 人 民 政 府　文件")
    text = text.replace("　　青石镇人民政府\n", "　　中共青石镇委员会　　青 石 镇 人 民 政 府\n")
    r = imp(tmp_path, text)
    assert r.report.flag == ["中共青石镇委员会", "青石镇人民政府"]
    assert r.report.signatories == ["中共青石镇委员会", "青石镇人民政府"]
    assert "FZ405" not in {d.code for d in check_loaded(load_text(r.yaml, "x.yaml")).diagnostics}


def one_organ_text(flag: str, title: str, signed: str) -> str:
    return (flag + "\n\n青石发〔2025〕1号\n\n" + title + "\n\n县人民政府：\n"
            "　　2024年，青石县坚持以习近平法治思想为指导。现将有关情况报告如下：\n" + PARTS_IN_ORDER
            + "　　特此报告。\n\n" + signed + DATE + "\n")


def test_one_organ_signed_over_two_lines_keeps_the_titles_organ(tmp_path):
    """署名 "青石县人民政府" / "办公室" (one organ's name broken over two lines) is no joint report: the
    发文机关 stays the title's "青石县人民政府办公室" (it became 青石县人民政府, silently)."""
    text = one_organ_text("青石县人民政府办公室文件", "青石县人民政府办公室关于2024年度法治政府建设情况的报告",
                          "　　青石县人民政府\n　　办公室\n")
    assert imp(tmp_path, text).report.org == "青石县人民政府办公室"


@pytest.mark.parametrize("flag", ["青石镇　人民政府", "青石镇人民政府\n党政办公室文件"], ids=["spaced", "wrapped"])
def test_one_organs_flag_with_a_space_or_wrapped_is_not_joint(tmp_path, flag):
    """A one-organ report's 标志 with a space in it, or wrapped over two lines, is not a joint 标志 (it
    was printed stacked, as two organs)."""
    text = one_organ_text(flag, "青石镇人民政府党政办公室关于2024年度法治政府建设情况的报告", "　　青石镇人民政府党政办公室\n")
    rep = imp(tmp_path, text).report
    assert len(rep.flag) <= 1, rep.flag


def _head_table_docx(path, rows: list[list[str]], signed: str):
    """A clerk's Word file whose red head is a table (a joint 标志: organs | 文件), then a short report."""
    d = docx.Document()
    t = d.add_table(rows=len(rows), cols=max(map(len, rows)))
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            t.cell(i, j).text = text
    for text in ["青发〔2025〕1号", "中共青石镇委员会 青石镇人民政府关于2024年度法治政府建设情况的报告", "县委、县人民政府：",
                 "2024年，青石镇坚持以习近平法治思想为指导。现将有关情况报告如下："] + \
            [ln.strip("\u3000") for ln in PARTS_IN_ORDER.strip("\n").split("\n")] + ["特此报告。", signed, "2025年1月20日"]:
        d.add_paragraph(text)
    d.save(path)
    return path


@pytest.mark.parametrize("rows, flag", [
    ([["中共青石镇委员会", "文件"], ["青石镇人民政府", ""]], ["中共青石镇委员会", "青石镇人民政府"]),
    ([["青石镇人民政府", "文件"]], ["青石镇人民政府文件"]),                  # one organ: its 标志, 文件 joined
    ([["份号", "000001"]], []),                                             # not a head: kept as a line to check
], ids=["joint", "one-organ", "not-a-head"])
def test_a_head_typed_as_a_table(tmp_path, rows, flag):
    signed = "中共青石镇委员会　　青石镇人民政府" if len(flag) > 1 else "青石镇人民政府"
    src = _head_table_docx(tmp_path / "head.docx", rows, signed)
    r = import_checked(src, tmp_path)
    assert r.report.flag == flag and r.report.doc_number == "青发〔2025〕1号"
    if rows[0][0] == "份号":
        assert "份号" in r.yaml                                             # (a comment: not lost)


# --------------------------------------------------------------------------------------------
# files without text; the import's own guard
def test_a_file_without_text_is_refused_plainly(tmp_path):
    """FZ092: a .txt of blank lines and a Word file of empty paragraphs have nothing to import."""
    from conftest import run_cli

    (tmp_path / "blank.txt").write_text("　　\n\n   \n", encoding="utf-8")
    d = docx.Document()
    for _ in range(5):
        d.add_paragraph("")
    d.save(str(tmp_path / "empty.docx"))
    for name in ("blank.txt", "empty.docx"):
        r = run_cli("import", tmp_path / name, "-o", tmp_path / "out.yaml")
        assert r.code == 1 and "FZ092" in r.err and "没有找到文字" in r.err, r
        assert not (tmp_path / "out.yaml").exists()


def test_import_refuses_yaml_that_would_not_read_back(tmp_path, monkeypatch):
    """FZ091: the import writes its YAML, reads it back and compares; were the writer ever to lose a
    section, the clerk gets a Chinese message and no file — here the writer is made to lose one."""
    import drafter.importer as I
    from drafter.diagnostics import DrafterError

    real = I.dump

    def losing(report, *a, **kw):
        return real(report.model_copy(update={"sections": report.sections[:-1]}), *a, **kw)

    monkeypatch.setattr(I, "dump", losing)
    src = tmp_path / "r.txt"
    src.write_text(HEAD + PARTS_IN_ORDER + "\n　　特此报告。\n" + SIGN + "\n" + DATE + "\n", encoding="utf-8")
    with pytest.raises(DrafterError) as e:
        I.import_file(src, tmp_path / "r.yaml")
    assert e.value.diagnostic.code == "FZ091" and "输入文件未改动" in e.value.diagnostic.message
