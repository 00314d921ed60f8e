#!/usr/bin/env python3
"""Build the real-world-shaped .docx corpus of issue #17 into tests/data/corpus/.

    python tests/corpus/build_corpus.py            # (re)write every file
    python tests/corpus/build_corpus.py --out DIR  # write them elsewhere (the reproducibility test)
    python tests/corpus/build_corpus.py --list     # name, program and builder of each file

Each function below writes one file the way Word (2016/365, zh-CN) or WPS Office (2016/2019/2023)
writes it — the package, its parts and their XML come from ``ooxml_dialects`` (which says what each
program's XML was modelled on); the page, from ``gongwen`` (GB/T 9704-2012 numbers); the words, from
``texts`` and the functions themselves.  tests/data/corpus/corpus.yaml says what drafter must and must
not find in each file.  Standard library only; the output is the same bytes on every run (fixed ids,
dates and zip entry order), which tests/test_corpus.py checks.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gongwen import (LINE, ZI, ZI4, addressee, blank, body, colophon_table, file_head, flat, footer_plain,  # noqa: E402
                     footer_textbox, footers, h1, h2, letter_head, note, r, signature, title)
from ooxml_dialects import (FS, HT, KT, RED, ST, TNR, XBS, Doc, Line, Meta, Para, Run, Section,  # noqa: E402
                            build)
import corpus_texts as T  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "data" / "corpus"
BUILDERS: dict[str, tuple] = {}        # file name -> (function, program, version)

WPS_REF = "xunmaw001/Epidemic-Information-Management-System@94a05c45037f2308b00a27f893445b8337eab764"
WORD_REF = "SwanWoo/graduation_project_SSPU@7c49c31fbed00851737d87b5329eca1b633eb0c0"


def corpus(name: str, program: str, version: str, **writer_kw):
    def deco(fn):
        BUILDERS[name] = (fn, program, version, writer_kw)
        return fn
    return deco


# the footer distance that puts a WPS page-number text box (anchored at the top of the footer paragraph)
# 7 mm under the 版心: its 一字线 at 269 mm from the top of the page (measured in LibreOffice 7.4)
FOOTER_TEXTBOX = 1513


def letter_section(foot: str = "plain", **kw) -> Section:
    """信函格式: page 1 shows no page number (titlePg with an empty first-page footer, §10.1)."""
    f = footers(foot)
    f["first"] = [Para(style="footer", line=None)]
    return Section(footers=f, title_pg=True, **kw)


# =========================================================================================================
# 通知 (general format), WPS, the page number in a footer text box
# =========================================================================================================
@corpus("wps-notice-footer-textbox.docx", "WPS", "11")
def notice_wps_footer_textbox() -> Doc:
    """A 通知 made in WPS 2019: red 标志 typed in the body, 发文字号 centred with a red rule drawn under
    it, page numbers "— 1 —" in text boxes anchored in footer1.xml (odd, right) and footer2.xml (even,
    left) — DrawingML in mc:Choice, the VML v:textbox in mc:Fallback, as WPS writes them."""
    head = file_head("云溪县人民政府办公室文件", "云政办发〔2024〕58号", scale=80)
    text = title("云溪县人民政府办公室", "关于做好2025年元旦春节期间安全生产工作的通知") + blank(1) + [
        addressee("各乡镇人民政府，县政府各部门，各有关单位："),
        body("元旦、春节临近，人员流动和生产经营活动增加，安全生产风险明显上升。为切实做好节日期间安全生产工作，"
             "确保全县安全生产形势持续稳定，经县人民政府同意，现就有关事项通知如下："),
        h1("一、压紧压实安全生产责任"),
        body("各乡镇、各部门要严格落实“党政同责、一岗双责、齐抓共管、失职追责”要求，主要负责人要亲自部署、"
             "亲自检查，分管负责人要深入一线督促指导，确保各项防范措施落实到位。"),
        h1("二、深入开展隐患排查整治"),
        h2("（一）突出重点行业领域。", "聚焦道路交通、燃气、消防、建筑施工、危险化学品等重点行业领域，"
           "组织开展拉网式隐患排查，对排查出的隐患建立台账，实行销号管理。"),
        h2("（二）加强人员密集场所管理。", "对商场超市、宾馆饭店、车站等人员密集场所开展联合检查，"
           "确保安全出口、疏散通道畅通，消防设施完好有效。"),
        h1("三、严格落实值班值守制度"),
        body("节日期间，各乡镇、各部门要严格执行领导干部带班和24小时值班制度，保持通信畅通。发生生产安全事故的，"
             "要按规定及时、准确报告县政府总值班室（电话：0000-1234567），不得迟报、漏报、瞒报。"),
    ]
    tail = signature("云溪县人民政府办公室", "2024年12月25日") + [note("（此件公开发布）")] + blank(6) + [
        colophon_table([("抄送：县委办公室，县人大常委会办公室，县政协办公室。", None),
                        ("云溪县人民政府办公室", "2024年12月25日印发")])]
    final = Section(footers=footers("textbox"), grid="linesAndChars", char_space=-849, footer=FOOTER_TEXTBOX)
    return Doc("wps-notice-footer-textbox", head + text + tail, final,
               meta=Meta(creator="xb", last="办公室", created="2024-12-24T01:32:00Z", modified="2024-12-25T07:05:41Z"),
               normal_font=FS, normal_size=32)


@corpus("wps2016-notice-footer-vml-only.docx", "WPS", "10")
def notice_wps2016_footer_vml() -> Doc:
    """The same footer as WPS 2016 (10.1) writes it: the page-number text box as VML only (w:pict >
    v:shape o:spt="202" > v:textbox > w:txbxContent), no mc:AlternateContent; the red rule under the
    发文字号 is the paragraph's bottom border, as many older templates draw it."""
    head = file_head("青原市司法局文件", "青司发〔2024〕21号", rule="border", flag_size=80)
    text = title("青原市司法局关于开展", "2024年度行政执法案卷评查工作的通知") + blank(1) + [
        addressee("各县（市、区）司法局，市直各行政执法部门："),
        body("为进一步规范行政执法行为，提高行政执法质量，根据《青原市行政执法监督办法》，市司法局决定在全市开展"
             "2024年度行政执法案卷评查工作。现将有关事项通知如下："),
        h1("一、评查范围"),
        body("2024年1月1日至10月31日办结的行政处罚、行政许可、行政强制、行政检查案卷。各单位按不低于办结总数5%的"
             "比例随机抽取，抽取数量不少于10件；不足10件的，全部报送。"),
        h1("二、评查方式"),
        body("采取各单位自查与市级集中评查相结合的方式进行。各单位于11月20日前完成自查，11月30日前将案卷及"
             "自查报告报送市司法局行政执法协调监督科。"),
        h1("三、工作要求"),
        body("各单位要高度重视，指定专人负责，确保报送案卷真实完整。评查结果将纳入年度法治政府建设考核。"),
        body("联系人：王磊，联系电话：0000-7654321。"),
    ]
    tail = signature("青原市司法局", "2024年11月5日") + [note("（此件主动公开）")] + blank(4) + [
        colophon_table([("抄送：市委依法治市办，市人民政府办公室。", None), ("青原市司法局办公室", "2024年11月5日印发")])]
    final = Section(footers=footers("textbox"), grid="lines", footer=1304)
    return Doc("wps2016-notice-footer-vml-only", head + text + tail, final,
               meta=Meta(creator="user", last="user", created="2024-11-04T06:11:00Z", modified="2024-11-05T02:30:12Z"),
               normal_font=FS, normal_size=32)


# =========================================================================================================
# 信函格式 (§10.1)
# =========================================================================================================
def _han_body(org_short: str) -> list:
    return [
        body(f"贵局《关于商请提供2024年度行政复议和行政应诉数据的函》收悉。经研究，现将有关情况函复如下："),
        body("2024年，我市各级行政复议机关共收到行政复议申请412件，受理386件，审结371件，其中维持238件，"
             "撤销、变更、确认违法和责令履行共计53件，纠错率14.3%。全市行政机关共发生一审行政诉讼案件297件，"
             "行政机关负责人出庭应诉率100%。"),
        body("以上数据已经市行政复议局核对。具体案件明细表请见附件。"),
        body("特此函复。"),
    ]


@corpus("word-letter-compound-line.docx", "Word", "365")
def letter_word_compound() -> Doc:
    """A 函 in 信函格式 made in Word 365 with a real 发文字号: each red double line is ONE shape, Word's
    ordinary double line (a:ln cmpd="thickThin" above, cmpd="thinThick" below; VML fallback v:stroke
    linestyle).  Page 1 has no page number (titlePg, empty first-page footer)."""
    head = letter_head("青原市人民政府", "青政函〔2025〕12号", "compound")
    text = title("青原市人民政府", "关于提供2024年度行政复议和行政应诉数据的复函") + blank(1) + [
        addressee("青江省司法厅：")] + _han_body("青原市") + [
        body([r("附件：", FS), r("2024年度行政复议和行政应诉案件明细表")])]
    tail = signature("青原市人民政府", "2025年1月10日", gap=3, seal=True) + [note("（联系人：陈静，电话：0000-8812345）")]
    return Doc("word-letter-compound-line", head + text + tail, letter_section(),
               meta=Meta(creator="陈静", last="陈静", created="2025-01-09T02:10:00Z", modified="2025-01-10T03:22:00Z",
                         company="青原市人民政府办公室"), header_no_border=True)


@corpus("word-letter-two-lines-grouped.docx", "Word", "2016")
def letter_word_grouped() -> Doc:
    """信函格式 in Word 2016 where each double line is two single lines (thick 2.25 pt and thin 0.75 pt,
    1 mm apart) grouped into one drawing (wpg:wgp; VML v:group)."""
    head = letter_head("云溪县人民政府", "云政函〔2025〕3号", "group")
    text = title("云溪县人民政府", "关于商请支持清河大桥改建工程用地报批的函") + blank(1) + [
        addressee("青原市自然资源局："),
        body("清河大桥始建于1986年，经检测已属四类危桥。为保障群众出行安全，县政府决定对其实施原址改建，"
             "工程已列入全市2025年重点建设项目。改建工程需新增建设用地0.86公顷，其中农用地0.52公顷。"),
        body("为加快项目建设进度，恳请贵局在用地预审、农用地转用报批等方面给予支持和指导。"),
        body("妥否，请函复。"),
    ]
    tail = signature("云溪县人民政府", "2025年2月18日", gap=3, seal=True) + [note("（联系人：刘洋，电话：0000-5523456）")]
    return Doc("word-letter-two-lines-grouped", head + text + tail, letter_section(),
               meta=Meta(creator="DELL", last="刘洋", created="2025-02-17T01:00:00Z", modified="2025-02-18T08:44:00Z"))


@corpus("wps-letter-two-lines-separate.docx", "WPS", "12")
def letter_wps_separate() -> Doc:
    """信函格式 in WPS 2023: the double lines are four separately anchored lines (two per double line),
    page numbers in footer text boxes, page 1 without one."""
    head = letter_head("青原市司法局", "青司函〔2025〕7号", "separate")
    text = title("青原市司法局", "关于征求《青原市行政规范性文件管理办法（征求意见稿）》意见的函") + blank(1) + [
        addressee("各县（市、区）人民政府，市政府各部门："),
        body("为进一步加强行政规范性文件管理，市司法局起草了《青原市行政规范性文件管理办法（征求意见稿）》，"
             "现送请你们研提意见。请于2025年3月15日前将书面意见反馈市司法局；逾期未反馈的，视为无意见。"),
        body("联系人：赵敏，联系电话：0000-7651234，电子邮箱：qysfj@example.cn。"),
        body([r("附件：", FS), r("青原市行政规范性文件管理办法（征求意见稿）")]),
    ]
    tail = signature("青原市司法局", "2025年3月3日", gap=3, seal=True) + [note("（此件公开发布）")]
    return Doc("wps-letter-two-lines-separate", head + text + tail, letter_section("textbox"),
               meta=Meta(creator="赵敏", last="赵敏", created="2025-03-02T08:00:00Z", modified="2025-03-03T01:19:33Z"),
               normal_font=FS, normal_size=32)


@corpus("wps2016-letter-vml-lines.docx", "WPS", "10")
def letter_wps2016_vml() -> Doc:
    """信函格式 as WPS 2016 wrote it: each double line one VML v:line with v:stroke linestyle="thickThin"
    (upper) / "thinThick" (lower), no DrawingML; the 标志 in a VML text box."""
    head = letter_head("清河镇人民政府", "清政函〔2024〕9号", "vml")
    text = title("清河镇人民政府", "关于申请拨付2024年度人民调解员补贴经费的函") + blank(1) + [
        addressee("云溪县财政局："),
        body("根据《云溪县人民调解员补贴发放办法》，我镇2024年度共有专兼职人民调解员46名，调解各类矛盾纠纷"
             "312件，调解成功率97.4%。经考核，应发放补贴经费共计13.8万元。"),
        body("现申请拨付上述经费，请予支持。"),
    ]
    tail = signature("清河镇人民政府", "2024年12月9日", gap=3, seal=True)
    return Doc("wps2016-letter-vml-lines", head + text + tail, letter_section("textbox"),
               meta=Meta(creator="Administrator", last="Administrator", created="2024-12-08T07:41:00Z",
                         modified="2024-12-09T00:58:00Z"), normal_font=FS, normal_size=32)


@corpus("word-letter-no-number.docx", "Word", "365")
def letter_word_no_number() -> Doc:
    """信函格式 without a 发文字号 (a 函 sent without a number): still 170 mm double lines, and still no page
    number on page 1 — both correct for 信函格式, whatever the 发文字号."""
    head = letter_head("云溪县司法局", None, "compound")
    text = title("云溪县司法局", "关于邀请参加2025年度法治政府建设工作座谈会的函") + blank(1) + [
        addressee("县人大常委会法制工作委员会："),
        body("为总结交流法治政府建设经验，研究部署2025年度重点工作，我局定于2025年3月20日上午9时在县行政中心"
             "三楼会议室召开法治政府建设工作座谈会。诚邀贵委派员参加，并对我县法治政府建设工作提出意见建议。"),
        body("请于3月17日前将参会人员名单反馈我局法治督察科。"),
        body("联系人：孙悦，联系电话：0000-5567890。"),
    ]
    tail = signature("云溪县司法局", "2025年3月10日", gap=3, seal=True)
    return Doc("word-letter-no-number", head + text + tail, letter_section(),
               meta=Meta(creator="孙悦", last="孙悦", created="2025-03-09T09:00:00Z", modified="2025-03-10T02:15:00Z"))


@corpus("wps-letter-placeholder-number.docx", "WPS", "12")
def letter_wps_placeholder() -> Doc:
    """A 信函格式 template as offices keep it in WPS: 发文字号 "×政函〔20××〕×号" and the other 要素 still
    placeholders.  The layout is a correct 信函格式."""
    head = letter_head("××市人民政府", "×政函〔20××〕×号", "separate")
    text = title("××市人民政府关于××××××的函") + blank(1) + [
        addressee("××××××："),
        body("××××××××××××××××××××××××××××××××××××××××××××××××。"),
        body("××××××××××××××××××××××××××××××××××××。"),
        body("特此函告。"),
    ]
    tail = signature("××市人民政府", "20××年×月×日", gap=3, seal=True)
    return Doc("wps-letter-placeholder-number", head + text + tail, letter_section("textbox"),
               meta=Meta(creator="模板", last="Administrator", created="2023-05-11T02:00:00Z",
                         modified="2025-01-03T06:31:10Z"), normal_font=FS, normal_size=32)


@corpus("word-notice-letter-blank-number.docx", "Word", "2016")
def notice_word_letter_blank_number() -> Doc:
    """A 通知 laid out in 信函格式 whose 发文字号 waits for the registry to fill it in: "云政办〔    〕号"."""
    head = letter_head("云溪县人民政府办公室", "云政办〔    〕号", "compound")
    text = title("云溪县人民政府办公室", "关于召开全县法治政府建设工作会议的通知") + blank(1) + [
        addressee("各乡镇人民政府，县政府各部门："),
        body("经县人民政府同意，定于2025年3月28日召开全县法治政府建设工作会议。现将有关事项通知如下："),
        h1("一、会议时间和地点"),
        body("2025年3月28日（星期五）上午9时，县行政中心一楼报告厅。"),
        h1("二、参会人员"),
        body("各乡镇人民政府、县政府各部门主要负责人和分管法治工作的负责人。"),
        h1("三、有关要求"),
        body("请各单位于3月25日前将参会人员名单报县司法局。参会人员不得无故缺席，确需请假的，须经县政府分管领导同意。"),
    ]
    tail = signature("云溪县人民政府办公室", "2025年3月18日", gap=3, seal=True)
    return Doc("word-notice-letter-blank-number", head + text + tail, letter_section(),
               meta=Meta(creator="lenovo", last="县府办", created="2025-03-17T06:00:00Z", modified="2025-03-18T01:05:00Z"))


# =========================================================================================================
# 发文字号 and 签发人 written the way clerks write them
# =========================================================================================================
@corpus("wps-notice-number-small-brackets.docx", "WPS", "11")
def notice_wps_small_brackets() -> Doc:
    """The 发文字号 typed with the small tortoise-shell brackets ﹝﹞ (U+FE5D/U+FE5E, the "small form"
    variants an input method offers next to 〔〕): it looks right on screen but is not the 六角括号 of
    §7.2.5 (U+3014/U+3015).  Everything else is a correct 通知."""
    head = file_head("青原市人民政府文件", "青政发﹝2025﹞3号")
    text = title("青原市人民政府", "关于印发2025年法治政府建设工作要点的通知") + blank(1) + [
        addressee("各县（市、区）人民政府，市政府各部门，各直属机构："),
        body("现将《青原市2025年法治政府建设工作要点》印发给你们，请结合实际认真贯彻落实。"),
        body("各地各部门要将工作要点确定的任务纳入本地区本部门年度工作计划，明确责任分工和完成时限，"
             "于2025年12月10日前将落实情况报市司法局，由市司法局汇总后报市人民政府。"),
    ]
    tail = signature("青原市人民政府", "2025年2月20日", gap=3, seal=True) + [note("（此件公开发布）")] + blank(5) + [
        colophon_table([("抄送：市委各部门，市人大常委会办公室，市政协办公室。", None),
                        ("青原市人民政府办公室", "2025年2月21日印发")])]
    final = Section(footers=footers("textbox"), grid="linesAndChars", char_space=-849)
    return Doc("wps-notice-number-small-brackets", head + text + tail, final,
               meta=Meta(creator="市府办", last="市府办", created="2025-02-19T07:10:00Z", modified="2025-02-21T00:40:00Z"),
               normal_font=FS, normal_size=32)


@corpus("wps-request-signer-one-line.docx", "WPS", "11")
def request_wps_signer_one_line() -> Doc:
    """A 请示 (上行文) whose 发文字号 and 签发人 were typed into ONE centred paragraph, separated by spaces,
    the whole line set in 楷体.  §7.2.4/§7.2.6 want the number left, indented 1 字, and "签发人：" right,
    indented 1 字, in 仿宋 with only the name in 楷体."""
    line = flat([r("云政〔2025〕8号　　　　　　　　签发人：王建国", KT)], jc="center")
    head = file_head("云溪县人民政府文件", "", signer=line)
    text = title("云溪县人民政府", "关于恳请支持云溪县公共法律服务中心建设的请示") + blank(1) + [
        addressee("青原市人民政府："),
        body("为推进公共法律服务体系建设，我县拟在县行政中心建设县级公共法律服务中心，总建筑面积1200平方米，"
             "总投资约680万元，目前已完成项目选址和初步设计。"),
        body("由于我县财力有限，项目资金缺口较大。恳请市政府在项目资金方面给予支持，安排补助资金300万元。"),
        body("妥否，请批示。"),
    ]
    tail = signature("云溪县人民政府", "2025年4月2日", gap=3, seal=True) + [
        note("（联系人：周涛，联系电话：0000-5531234）")]
    final = Section(footers=footers("textbox"), grid="linesAndChars", char_space=-849)
    return Doc("wps-request-signer-one-line", head + text + tail, final,
               meta=Meta(creator="周涛", last="周涛", created="2025-04-01T02:00:00Z", modified="2025-04-02T06:25:00Z"),
               normal_font=FS, normal_size=32)


# =========================================================================================================
# Other kinds of 公文 (§10): 决定, 命令, 纪要; and a 简报
# =========================================================================================================
@corpus("word-decision-commendation.docx", "Word", "365")
def decision_word_commendation() -> Doc:
    """A 表彰决定 in the general format made in Word 365, dated 15 March: no report, so no report rule
    (year in the title, the 3月1日 deadline) applies."""
    head = file_head("云溪县人民政府文件", "云政发〔2025〕9号")
    text = title("云溪县人民政府", "关于表彰2024年度法治政府建设工作", "先进集体和先进个人的决定") + blank(1) + [
        addressee("各乡镇人民政府，县政府各部门："),
        body("2024年，全县各级各部门深入学习贯彻习近平法治思想，扎实推进法治政府建设，涌现出一批成绩突出的"
             "先进集体和先进个人。为表彰先进、树立典型，县人民政府决定，授予清河镇人民政府等10个单位"
             "“2024年度法治政府建设工作先进集体”称号，授予王芳等20名同志“2024年度法治政府建设工作先进个人”称号。"),
        body("希望受到表彰的先进集体和先进个人珍惜荣誉、再接再厉。全县各级各部门要以先进为榜样，"
             "为建设更高水平的法治云溪作出新的更大贡献。"),
        body([r("附件：", FS), r("2024年度法治政府建设工作先进集体和先进个人名单")]),
    ]
    tail = signature("云溪县人民政府", "2025年3月15日", gap=3, seal=True) + [note("（此件公开发布）")] + blank(4) + [
        colophon_table([("抄送：县委各部门，县人大常委会办公室，县政协办公室。", None),
                        ("云溪县人民政府办公室", "2025年3月15日印发")])]
    final = Section(footers=footers("plain"))
    return Doc("word-decision-commendation", head + text + tail, final,
               meta=Meta(creator="县府办", last="县府办", created="2025-03-12T01:00:00Z", modified="2025-03-15T02:00:00Z"),
               header_no_border=True)


@corpus("wps-order-ling.docx", "WPS", "12")
def order_wps_ling() -> Doc:
    """A 命令(令) (§10.2): 标志 "青原市人民政府令" in red, its top 20 mm below the 版心's top; the 令号
    "第35号" centred two lines below; the 正文 two lines below that; the 签发人's office and name
    (签名章 position, §7.3.5.3) and the date.  No 发文字号, no red rule, no title of its own."""
    flag = Para(runs=[r("青原市人民政府令", XBS, 84, latin=None, color=RED)], jc="center", line=1200, snap=False)
    head = blank(1) + [flag] + blank(1) + [flat("第35号", jc="center")] + blank(1)
    text = [
        body("《青原市城市绿化管理办法》已经2024年12月20日市人民政府第42次常务会议审议通过，现予公布，"
             "自2025年3月1日起施行。"),
    ] + blank(2) + [
        flat("市长　　李振华", jc="right", right=4 * ZI),
    ] + blank(1) + [flat("2024年12月30日", jc="right", right=4 * ZI)]
    rules = [Para(runs=[r("青原市城市绿化管理办法", XBS, 44, latin=None)], jc="center", line=LINE,
                  page_break_before=True)] + blank(1) + [
        h1("第一章　总则"),
        body("第一条　为了促进城市绿化事业发展，改善生态环境和人居环境，根据《城市绿化条例》等法律法规，"
             "结合本市实际，制定本办法。"),
        body("第二条　本办法适用于本市城市规划区内城市绿化的规划、建设、保护和管理。"),
    ]
    final = Section(footers=footers("textbox"), grid="linesAndChars", char_space=-849)
    return Doc("wps-order-ling", head + text + rules, final,
               meta=Meta(creator="法制科", last="法制科", created="2024-12-28T03:00:00Z", modified="2024-12-30T07:00:00Z"),
               normal_font=FS, normal_size=32)


@corpus("wps-notice-issuing-measures.docx", "WPS", "12")
def notice_wps_issuing_measures() -> Doc:
    """A 印发 notice made in WPS: one paragraph of text (no headings), 署名 and date with room for the
    seal, a 附注; then Ctrl+Enter (a paragraph holding only ``w:br w:type="page"``) and the 办法 it
    issues on a page of its own, without an 附件 label (被印发的文件不是附件): its title in 2号小标宋,
    "第一章" headings in 黑体 and "第一条" articles; the 版记 at the end."""
    head = file_head("青原市人民政府办公室文件", "青政办发〔2025〕4号", scale=80)
    text = title("青原市人民政府办公室关于印发", "《青原市行政执法公示办法》的通知") + blank(1) + [
        addressee("各县（市、区）人民政府，市政府各部门："),
        body("《青原市行政执法公示办法》已经市人民政府同意，现印发给你们，请结合实际认真贯彻执行。"),
    ]
    tail = signature("青原市人民政府办公室", "2025年2月10日", gap=3, seal=True) + [note("（此件公开发布）")]
    measures = [Para(runs=[r("\f")]),
                Para(runs=[r("青原市行政执法公示办法", XBS, 44, latin=None)], jc="center", line=LINE)] + blank(1) + [
        h1("第一章　总则"),
        body("第一条　为了规范行政执法公示工作，保障公民、法人和其他组织的知情权、参与权和监督权，根据有关法律法规，"
             "结合本市实际，制定本办法。"),
        body("第二条　本市各级行政执法机关实施行政执法公示，适用本办法。"),
        h1("第二章　公示内容"),
        body("第三条　行政执法机关应当在其门户网站公示执法主体、人员、职责、权限、依据、程序、救济渠道和随机抽查"
             "事项清单，并根据法律法规和机构职能的变化及时更新。"),
        body("第四条　本办法自2025年3月1日起施行。"),
    ] + blank(2) + [
        colophon_table([("抄送：市委办公室，市人大常委会办公室，市政协办公室。", None),
                        ("青原市人民政府办公室", "2025年2月10日印发")])]
    final = Section(footers=footers("textbox"), grid="linesAndChars", char_space=-849, footer=FOOTER_TEXTBOX)
    return Doc("wps-notice-issuing-measures", head + text + tail + measures, final,
               meta=Meta(creator="办公室", last="办公室", created="2025-02-08T02:10:00Z", modified="2025-02-10T06:30:00Z"),
               normal_font=FS, normal_size=32)


@corpus("word-minutes-jiyao.docx", "Word", "2016")
def minutes_word_jiyao() -> Doc:
    """A 纪要 (§10.3): 标志 "云溪县人民政府常务会议纪要" in red, its number "〔2020〕3号" centred under it,
    the organ and date on one line above a red rule, no title, the items "一、"…, then 出席/请假/列席
    lines ("出席" in 黑体 indented 2 字, names in 仿宋, wrapped lines aligned after the colon) and the
    版记.  No 成文日期 at the end: the date is in the head."""
    flag = Para(runs=[r("云溪县人民政府常务会议纪要", XBS, 64, latin=None, color=RED)], jc="center", line=1000, snap=False)
    org_line = flat([r("云溪县人民政府办公室"), r("\t2020年3月12日")], jc="left", tabs=[("right", 8844)])
    org_line.shapes.append(Line(0, 12.5, 156, 1.5, rel_h="column", rel_v="paragraph"))
    head = blank(2) + [flag, flat("〔2020〕3号", jc="center"), org_line] + blank(1)
    items = [
        body("2020年3月10日，县长张志远主持召开县人民政府第3次常务会议。会议听取了县司法局关于2019年度"
             "法治政府建设情况的汇报，研究了2020年度重大行政决策事项目录等事项。现将会议议定事项纪要如下："),
        h1("一、关于2019年度法治政府建设情况"),
        body("会议原则同意县司法局的汇报。会议要求，各乡镇、各部门要对照年度考核中发现的问题，逐项制定整改措施，"
             "于4月底前将整改情况报县司法局。"),
        h1("二、关于2020年度重大行政决策事项目录"),
        body("会议原则同意《云溪县人民政府2020年度重大行政决策事项目录》，由县司法局根据会议意见修改完善后，"
             "按程序报批并向社会公布。"),
        h1("三、关于清河大桥改建工程前期工作"),
        body("会议同意县交通运输局提出的清河大桥改建方案，由县发展改革局牵头，抓紧办理项目立项等前期手续。"),
    ]
    def who(label, names):
        return Para(runs=[r(label, HT), r(names)], jc="both", line=LINE, left=2 * ZI + 3 * ZI, first=-3 * ZI)
    tail = blank(1) + [who("出席：", "张志远　刘　明　陈晓东　王　芳　李　军　赵　强"),
                       who("请假：", "孙国庆（在外学习）"),
                       who("列席：", "县政府办公室、县司法局、县发展改革局、县交通运输局、县财政局主要负责人")] + blank(3) + [
        colophon_table([("分送：县委办公室，县人大常委会办公室，县政协办公室，各乡镇人民政府，县政府各部门。", None),
                        ("云溪县人民政府办公室", "2020年3月12日印发")])]
    final = Section(footers=footers("plain"), headers={"default": [Para(style="header", line=None)],
                                                       "even": [Para(style="header", line=None)]})
    return Doc("word-minutes-jiyao", head + items + tail, final,
               meta=Meta(creator="县府办", last="县府办", created="2020-03-11T01:00:00Z", modified="2020-03-12T02:00:00Z"),
               header_no_border=True)


@corpus("wps-briefing-neibu.docx", "WPS", "11")
def briefing_wps() -> Doc:
    """A 简报 (not a GB/T 9704 公文 kind, but sent the same way): "内部资料　注意保存" top left, the red
    标志 "云溪县法治建设工作简报", "第5期" centred, the editor and date over a red rule, then the article's
    own title and text, and a 版记 with 报：/送：/发： lines."""
    flag = Para(runs=[r("云溪县法治建设工作简报", XBS, 72, latin=None, color=RED, scale=90)], jc="center", line=1100,
                snap=False)
    org_line = flat([r("云溪县司法局编"), r("\t2024年6月5日")], jc="left", tabs=[("right", 8844)])
    org_line.shapes.append(Line(0, 12.5, 156, 2.25, rel_h="column", rel_v="paragraph"))
    head = [flat([r("内部资料　注意保存", HT)], jc="left")] + blank(1) + [flag, flat("第5期", jc="center"),
                                                                          org_line] + blank(1)
    text = title("清河镇“三个一”机制推进基层依法行政") + blank(1) + [
        body("今年以来，清河镇探索建立“一个清单管权力、一套程序管决策、一支队伍管执法”的“三个一”工作机制，"
             "推动基层依法行政水平不断提升。"),
        h2("一张清单管权力。", "梳理镇级行政权力事项216项，逐项明确实施依据、责任科室和办理流程，在镇便民服务中心和"
           "政府网站公开，做到权力运行“一张清单管到底”。"),
        h2("一套程序管决策。", "制定镇重大行政决策程序规定，凡涉及群众切身利益的重大事项，一律经过公众参与、专家论证、"
           "风险评估、合法性审查和集体讨论决定五个环节。"),
        h2("一支队伍管执法。", "整合镇综合行政执法队伍，推行执法全过程记录，今年以来办理行政处罚案件38件，"
           "未发生行政复议被纠错和行政诉讼败诉案件。"),
    ]
    tail = blank(4) + [colophon_table([("报：青原市司法局，县委依法治县办。", None),
                                       ("送：县委办公室，县人大常委会办公室，县政府办公室，县政协办公室。", None),
                                       ("发：各乡镇人民政府，县政府各部门。", None),
                                       ("云溪县司法局办公室", "2024年6月5日印发")])]
    final = Section(footers=footers("textbox"), grid="linesAndChars", char_space=-849)
    return Doc("wps-briefing-neibu", head + text + tail, final,
               meta=Meta(creator="sfj", last="sfj", created="2024-06-04T08:00:00Z", modified="2024-06-05T01:10:00Z"),
               normal_font=FS, normal_size=32)


# =========================================================================================================
# 法治政府建设年度情况报告 written in Word and WPS
# =========================================================================================================
def _report(org, short, year, *, parts=("1", "2", "3", "4", "5"), p4_one_line=False, p1=None):
    out = T.intro(short, year)
    table = {"1": lambda: p1 or T.part1(short, year), "2": lambda: T.part2(year), "3": lambda: T.part3(short),
             "4": lambda: T.part4(short, year, one_line=p4_one_line), "5": lambda: T.part5(year)}
    for k in parts:
        out += table[k]()
    return out


@corpus("wps-report-letter-footer-textbox.docx", "WPS", "12")
def report_wps_letter() -> Doc:
    """The report as most are sent: a 函 in 信函格式 made in WPS 2023, all five parts, 发文字号 right under
    the upper double line, page numbers in footer text boxes (none on page 1)."""
    head = letter_head("青原市人民政府", "青政函〔2025〕5号", "separate")
    text = title("青原市人民政府", "关于2024年度法治政府建设情况的报告") + blank(1) + [
        addressee("青原市人大常委会：")] + _report("青原市人民政府", "市政府", 2024) + [body("特此报告。")]
    tail = signature("青原市人民政府", "2025年1月22日", gap=3, seal=True) + [note("（此件公开发布）")]
    return Doc("wps-report-letter-footer-textbox", head + text + tail, letter_section("textbox"),
               meta=Meta(creator="市司法局", last="市府办", created="2025-01-15T02:00:00Z", modified="2025-01-22T06:12:00Z"),
               normal_font=FS, normal_size=32)


@corpus("word-report-missing-part3.docx", "Word", "365")
def report_word_missing3() -> Doc:
    """A county report without part 三 (党政主要负责人履行第一责任人职责情况): parts 一、二、四、五 numbered
    一 to 四, as the author renumbered them."""
    p4 = T.part4("县政府", 2024, heading="三、2025年推进法治政府建设的主要安排")
    p5 = T.part5(2024, heading="四、其他需要报告的情况")
    text = title("云溪县人民政府", "关于2024年度法治政府建设情况的报告") + blank(1) + [
        addressee("中共云溪县委，县人大常委会：")] + T.intro("县政府", 2024) + T.part1("县政府", 2024) + \
        T.part2(2024) + p4 + p5 + [body("特此报告。")]
    tail = signature("云溪县人民政府", "2025年1月20日")
    return Doc("word-report-missing-part3", text + tail, Section(footers=footers("plain", sdt=True)),
               meta=Meta(creator="县司法局", last="县司法局", created="2025-01-13T01:00:00Z", modified="2025-01-20T07:30:00Z"))


NUM_CN = [[("chineseCounting", "%1、", 0, 640), ("chineseCounting", "（%2）", 0, 640)]]


@corpus("word-report-parts-out-of-order.docx", "Word", "2016")
def report_word_out_of_order() -> Doc:
    """A 镇 report in the general format whose parts run 一、三、二、四、五 by content: the 第一责任人 part
    was pasted before the 不足 part.  Part headings use Word's automatic numbering (chineseCounting
    "%1、"), so the printed numbers are in order while the content is not.  The 上行文's 发文字号 and
    签发人 share one line, laid out as §7.2.4 wants (number indented 1 字 left, 签发人 right)."""
    signer = Para(runs=[r("清政〔2025〕2号"), r("\t签发人："), r("刘建华", KT)], jc="left", line=LINE, left=ZI,
                  tabs=[("right", 8844 - ZI)])
    head = file_head("清河镇人民政府文件", "", signer=signer)

    def auto(h):           # strip the typed number: Word's list prints it
        p = h1(h.split("、", 1)[1])
        p.num = (1, 0)
        return p
    p1 = T.part1("镇政府", 2024)
    p1[0] = auto(p1[0].text)
    p3 = T.part3("镇党委、镇政府")
    p3[0] = auto(p3[0].text)
    p2 = T.part2(2024)
    p2[0] = auto(p2[0].text)
    p4 = T.part4("镇政府", 2024)
    p4[0] = auto(p4[0].text)
    p5 = T.part5(2024)
    p5[0] = auto(p5[0].text)
    text = title("清河镇人民政府", "关于2024年法治政府建设工作情况的报告") + blank(1) + [
        addressee("云溪县人民政府：")] + T.intro("镇政府", 2024) + p1 + p3 + p2 + p4 + p5 + [body("特此报告。")]
    tail = signature("清河镇人民政府", "2025年1月15日", gap=3, seal=True) + [note("（联系人：吴倩，电话：0000-5512345）")]
    return Doc("word-report-parts-out-of-order", head + text + tail, Section(footers=footers("plain")),
               meta=Meta(creator="吴倩", last="吴倩", created="2025-01-10T01:00:00Z", modified="2025-01-15T03:00:00Z"),
               numbering=NUM_CN)


@corpus("word-report-unnumbered-headings.docx", "Word", "365")
def report_word_unnumbered() -> Doc:
    """A 局's 2023 report whose part headings are partly unnumbered lines in 黑体: "法治政府建设中主要存在的
    问题", "2024年主要工作思路和打算", and a closing "对进一步推进法治政府建设的建议"; the numbered ones run
    一、二."""
    org = "青原市自然资源局"
    p1 = T.part1("我局", 2023)
    p2 = T.part2(2023, heading="法治政府建设中主要存在的问题")
    p2[0] = body([r("法治政府建设中主要存在的问题", HT)], first=None, first_chars=None, jc="center")
    p3 = T.part3("局党组", heading="二、党政主要负责人履行推进法治建设第一责任人职责情况")
    p4 = T.part4("我局", 2023, heading="2024年主要工作思路和打算")
    p4[0] = body([r("2024年主要工作思路和打算", HT)], first=None, first_chars=None, jc="center")
    p5 = [body([r("对进一步推进法治政府建设的建议", HT)], first=None, first_chars=None, jc="center"),
          body("建议上级部门加大对基层自然资源执法人员的业务培训力度，进一步明确自然资源领域行政执法事项的"
               "层级划分，统一执法文书格式。")]
    text = title(f"{org}2023年度法治政府建设工作报告") + blank(1) + [addressee("青原市人民政府：")] + \
        T.intro("我局", 2023) + p1 + p2 + p3 + p4 + p5
    tail = signature(org, "2024年1月26日")
    return Doc("word-report-unnumbered-headings", text + tail, Section(footers=footers("plain")),
               meta=Meta(creator="法规科", last="法规科", created="2024-01-22T01:00:00Z", modified="2024-01-26T02:30:00Z"))


@corpus("word-report-misnumbered.docx", "Word", "2016")
def report_word_misnumbered() -> Doc:
    """A 2022 report whose first part heading "一、2022年法治政府建设主要措施" is followed at once by items
    numbered "一、强化领导责任……" "二、…" instead of （一）（二）; the real part 二 comes after them."""
    p1 = T.part1("我局", 2022, heading="一、2022年法治政府建设主要措施", sub_marker="{}、")
    text = title("云溪县水利局", "关于2022年法治政府建设情况的报告") + blank(1) + [addressee("云溪县人民政府：")] + \
        T.intro("我局", 2022) + p1 + T.part2(2022) + T.part3("局党组") + T.part4("我局", 2022) + T.part5(2022) + \
        [body("特此报告。")]
    # the sub-items as typed: "一、强化领导责任，……" — the first reads as the issue quotes it
    text[p1_index(text)].runs[0].text = "一、强化领导责任，坚持党的领导，压实法治建设责任。"
    tail = signature("云溪县水利局", "2023年1月18日")
    return Doc("word-report-misnumbered", text + tail, Section(footers=footers("plain")),
               meta=Meta(creator="水利局", last="水利局", created="2023-01-16T01:00:00Z", modified="2023-01-18T02:00:00Z"))


def p1_index(paras) -> int:
    for k, p in enumerate(paras):
        if isinstance(p, Para) and p.text.startswith("一、坚持党的领导"):
            return k
    raise AssertionError("sub-item not found")


@corpus("word-report-oneline-items.docx", "Word", "365")
def report_word_oneline_items() -> Doc:
    """Part 四 written as one-line items: "（一）持续深化学习宣传贯彻习近平法治思想。" with no text under
    them — each is a complete task, not a heading waiting for text."""
    org = "青原市生态环境局"
    text = title(f"{org}2024年度法治政府建设情况报告") + blank(1) + [addressee("青原市人民政府：")] + \
        _report(org, "我局", 2024, p4_one_line=True)
    tail = signature(org, "2025年1月24日")
    return Doc("word-report-oneline-items", text + tail, Section(footers=footers("plain")),
               meta=Meta(creator="sthjj", last="sthjj", created="2025-01-20T01:00:00Z", modified="2025-01-24T06:00:00Z"))


@corpus("wps-report-web-banner.docx", "WPS", "12", pasted_hints=True)
def report_wps_web_banner() -> Doc:
    """A report copied from a government web page into WPS: the site's banner with the day's date
    ("云溪区人民政府　2019年12月3日星期二" — the date the page template was made), the publishing line,
    then the report for 2023 itself.  The runs carry the pasted-text hints."""
    banner = [flat([r("云溪区人民政府　2019年12月3日星期二", ST, 21, latin=ST)], jc="left", line=None),
              flat([r("首页 > 政务公开 > 法治政府建设", ST, 21, latin=ST)], jc="left", line=None)]
    pub = [flat([r("发布时间：2024-03-28　来源：区司法局　字号：【大 中 小】", ST, 21, latin=ST)], jc="center", line=None)]
    text = title("云溪区人民政府关于2023年度法治政府建设", "工作情况的报告") + pub + blank(1) + \
        _report("云溪区人民政府", "区政府", 2023)
    tail = signature("云溪区人民政府", "2024年3月25日") + [
        flat([r("【打印本页】　【关闭窗口】", ST, 21, latin=ST)], jc="center", line=None)]
    return Doc("wps-report-web-banner", banner + text + tail, Section(footers={}, grid="lines", line_pitch=312),
               even_odd=False,
               meta=Meta(creator="Administrator", last="Administrator", created="2024-04-02T01:00:00Z",
                         modified="2024-04-02T01:03:00Z", pages=5))


@corpus("word-report-intro-organ-subject.docx", "Word", "365")
def report_word_intro_organ() -> Doc:
    """A 局's report whose title does not name the organ ("2021年度法治政府建设工作报告") and which has
    no 署名: the 导语 opens "2021年，绍兴市司法局坚持……", and "围绕市委市政府的决策部署" later in it is
    not the organ."""
    lead = body("2021年，绍兴市司法局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
                "紧紧围绕市委市政府的决策部署，统筹推进法治政府建设各项工作，取得了积极成效。"
                "现将2021年度法治政府建设工作情况报告如下：")
    parts = T.part1("市司法局", 2021) + T.part2(2021) + T.part3("局党委") + T.part4("市司法局", 2021) + T.part5(2021)
    text = title("2021年度法治政府建设工作报告") + blank(1) + [lead] + parts
    return Doc("word-report-intro-organ-subject", text, Section(footers=footers("plain")),
               meta=Meta(creator="user", last="user", created="2022-01-25T01:00:00Z", modified="2022-01-28T06:00:00Z"))


@corpus("word-report-spaced-date.docx", "Word", "2016")
def report_word_spaced_date() -> Doc:
    """The 成文日期 typed with spaces between the numbers and the characters: "2025 年 10 月 8 日"."""
    text = title("清河镇人民政府", "关于2025年法治政府建设情况的报告") + blank(1) + [addressee("云溪县人民政府：")] + \
        _report("清河镇人民政府", "镇政府", 2025) + [body("特此报告。")]
    tail = signature("清河镇人民政府", "2025 年 10 月 8 日")
    return Doc("word-report-spaced-date", text + tail, Section(footers=footers("plain")),
               meta=Meta(creator="清河镇", last="清河镇", created="2025-10-06T01:00:00Z", modified="2025-10-08T02:00:00Z"))


PAGE_NUMBER_STYLE = ('<w:style w:type="character" w:styleId="a7"><w:name w:val="page number"/><w:basedOn w:val="a0"/>'
                     '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体" '
                     'w:hAnsi="宋体"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>')


def _frame_footer(cached: str) -> list:
    """Word's page number in a frame (w:framePr xAlign="outside": right on odd pages, left on even) inside a
    "Page Numbers (Bottom of Page)" building block, the PAGE field formatted by the section's
    pgNumType numberInDash, the runs carrying only the "page number" character style."""
    p = Para(runs=[Run(cached, size=0, rstyle="a7", field="PAGE")], style="footer", line=None,
             frame={"wrap": "none", "vAnchor": "text", "hAnchor": "margin", "xAlign": "outside", "y": "1"},
             left_chars=100, left=320, right_chars=100, right=320, first_chars=0, first=0,
             mark=Run("", size=0, rstyle="a7"), sdt_page_numbers=True)
    return [p, Para(style="footer", line=None, right=320, first=560, mark=Run("", size=0, rstyle="a7")),
            Para(style="footer", line=None, first=360)]


@corpus("word-report-frame-page-number.docx", "Word", "365")
def report_word_frame_page_number() -> Doc:
    """A report on a Word 365 公文 template of the kind published with pandoc 公文 kits (modelled on
    Mrered/GongWen-Tamplate-Lite template.dotx, MIT): page numbers in a frame aligned "outside", the
    number's form from pgNumType numberInDash ("- 1 -"), mirror margins, docGrid 579/-849."""
    org = "云溪县市场监督管理局"
    text = title(f"{org}关于2024年度", "法治政府建设情况的报告") + blank(1) + [addressee("云溪县人民政府：")] + \
        _report(org, "我局", 2024) + [body("特此报告。")]
    tail = signature(org, "2025年1月16日")
    f = {"default": _frame_footer("- 1 -"), "even": _frame_footer("- 2 -"),
         "first": [Para(style="footer", line=None, left=320, right=320, first=360)]}
    hdr = {k: [Para(style="header", line=None, first=360)] for k in ("default", "even", "first")}
    final = Section(footers=f, headers=hdr, grid="linesAndChars", char_space=-849, footer=1418, bottom=1985,
                    pg_num_fmt="numberInDash")
    return Doc("word-report-frame-page-number", text + tail, final, custom_styles=[PAGE_NUMBER_STYLE],
               mirror_margins=True, header_no_border=True, normal_font=FS, normal_size=32,
               meta=Meta(creator="scjgj", last="scjgj", created="2025-01-13T01:00:00Z", modified="2025-01-16T06:40:00Z"))


# =========================================================================================================
# Layout noise: Word's character grid, ten sections with their own footers
# =========================================================================================================
@corpus("word-notice-docgrid-chars.docx", "Word", "365")
def notice_word_docgrid() -> Doc:
    """A 通知 set up the way many Word templates do it: 文档网格 "指定行和字符网格" — docGrid
    type="linesAndChars", 22 lines (linePitch 579) of 28 characters (charSpace -849 with a 16 pt Normal).
    Word prints 28 characters a line; LibreOffice cannot (it draws about 14)."""
    head = file_head("青原市人民政府办公室文件", "青政办发〔2025〕11号", scale=85)
    text = title("青原市人民政府办公室", "关于进一步规范行政规范性文件制定和备案工作的通知") + blank(1) + [
        addressee("各县（市、区）人民政府，市政府各部门："),
        body("为进一步加强行政规范性文件制定和监督管理，维护国家法制统一和政府公信力，经市人民政府同意，"
             "现就有关事项通知如下："),
        h1("一、严格制定程序"),
        body("起草行政规范性文件，应当深入调查研究，充分听取意见。涉及群众切身利益的，应当向社会公开征求意见，"
             "征求意见期限一般不少于30日。"),
        h1("二、全面落实合法性审核"),
        body("行政规范性文件提交审议前，应当由司法行政部门或者法制审核机构进行合法性审核，未经审核或者审核未通过的，"
             "不得提交审议。"),
        h1("三、及时报送备案"),
        body("行政规范性文件应当自公布之日起15日内报送备案。市司法局要加强备案审查，发现问题的，依法予以纠正。"),
    ]
    tail = signature("青原市人民政府办公室", "2025年4月10日", gap=3, seal=True) + [note("（此件公开发布）")]
    final = Section(footers=footers("plain"), grid="linesAndChars", char_space=-849)
    return Doc("word-notice-docgrid-chars", head + text + tail, final,
               meta=Meta(creator="市府办", last="市府办", created="2025-04-08T01:00:00Z", modified="2025-04-10T02:00:00Z"),
               normal_font=FS, normal_size=32)


@corpus("wps-notice-ten-sections.docx", "WPS", "11")
def notice_wps_ten_sections() -> Doc:
    """A 通知 with ten attachments pasted in from ten files: eleven sections, each with its own pair of
    footers (WPS keeps a pasted section's footers unlinked), and every footer the same defect: the page
    number typed as "- 1 -" with hyphen-minus around the PAGE field instead of 一字线 "— 1 —" (§7.5)."""
    head = file_head("云溪县司法局文件", "云司发〔2025〕4号")
    text = title("云溪县司法局", "关于印发2025年普法依法治理工作文件的通知") + blank(1) + [
        addressee("各乡镇司法所，县直各单位："),
        body("现将2025年普法依法治理工作有关文件印发给你们，请认真抓好落实。"),
        body([r("附件：", FS), r("1．2025年全县普法依法治理工作要点")]),
    ] + [body(f"{k}．附件{k}", left=3 * ZI, first=None, first_chars=None) for k in range(2, 11)] + \
        signature("云溪县司法局", "2025年2月10日", gap=3, seal=True)

    def dash_footers():
        f = {}
        for kind, side in (("default", "right"), ("even", "left")):
            f[kind] = footer_plain(side, dash="-")
        return f

    paras = head + text
    for k in range(1, 11):
        paras[-1].sect = Section(footers=dash_footers(), grid="linesAndChars", char_space=-849)
        paras += [Para(runs=[r(f"附件{k}", HT)], jc="left", line=LINE)] + blank(1) + \
            title(f"附件{k}：2025年普法依法治理工作文件之{k}", size=36) + blank(1) + [
            body("各单位要按照“谁执法谁普法”普法责任制的要求，结合本单位职责，制定年度普法计划，"
                 "明确普法内容、普法对象和普法措施，于3月底前报县司法局备案。")]
    final = Section(footers=dash_footers(), grid="linesAndChars", char_space=-849)
    return Doc("wps-notice-ten-sections", paras, final,
               meta=Meta(creator="sfj", last="sfj", created="2025-02-08T01:00:00Z", modified="2025-02-10T06:00:00Z",
                         pages=13), normal_font=FS, normal_size=32)


# =========================================================================================================
# Not 公文 at all
# =========================================================================================================
PANDOC_STYLES = [
    '<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="{base}"/>'
    '<w:next w:val="BodyText"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'.format(**s)
    for s in (
        dict(id="BodyText", name="Body Text", base="Normal", ppr='<w:spacing w:before="180" w:after="180"/>', rpr=""),
        dict(id="FirstParagraph", name="First Paragraph", base="BodyText", ppr="", rpr=""),
        dict(id="Compact", name="Compact", base="BodyText", ppr='<w:spacing w:before="36" w:after="36"/>', rpr=""),
        dict(id="Title", name="Title", base="Normal", ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="480" '
             'w:after="240"/><w:jc w:val="center"/>', rpr='<w:rFonts w:asciiTheme="majorHAnsi" '
             'w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/><w:b/>'
             '<w:bCs/><w:color w:val="345A8A"/><w:sz w:val="36"/><w:szCs w:val="36"/>'),
        dict(id="Subtitle", name="Subtitle", base="Title", ppr="", rpr='<w:sz w:val="30"/><w:szCs w:val="30"/>'),
        dict(id="Author", name="Author", base="Normal", ppr='<w:keepNext/><w:keepLines/><w:jc w:val="center"/>', rpr=""),
        dict(id="Date", name="Date", base="Normal", ppr='<w:keepNext/><w:keepLines/><w:jc w:val="center"/>', rpr=""),
        dict(id="Abstract", name="Abstract", base="Normal", ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="300" '
             'w:after="300"/>', rpr='<w:sz w:val="20"/><w:szCs w:val="20"/>'),
        dict(id="Heading1", name="heading 1", base="Normal", ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="480" '
             'w:after="0"/><w:outlineLvl w:val="0"/>', rpr='<w:rFonts w:asciiTheme="majorHAnsi" '
             'w:eastAsiaTheme="majorEastAsia" w:hAnsiTheme="majorHAnsi" w:cstheme="majorBidi"/><w:b/><w:bCs/>'
             '<w:color w:val="4F81BD"/><w:sz w:val="32"/><w:szCs w:val="32"/>'),
        dict(id="Heading2", name="heading 2", base="Normal", ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="200" '
             'w:after="0"/><w:outlineLvl w:val="1"/>', rpr='<w:b/><w:bCs/><w:color w:val="4F81BD"/><w:sz w:val="28"/>'),
        dict(id="BlockText", name="Block Text", base="BodyText", ppr='<w:ind w:left="480" w:right="480"/>', rpr=""),
    )]


@corpus("pandoc-reference.docx", "Word", "2016", pandoc=True)
def pandoc_reference() -> Doc:
    """pandoc's reference.docx as ``pandoc -o custom-reference.docx --print-default-data-file reference.docx``
    gives it (pandoc 2.17): Word styles Title, Subtitle, Author, Date, Abstract, Heading 1…, Body Text,
    First Paragraph, Compact, Block Text, a sample paragraph of each; no rsids, no paraIds, Letter paper,
    app.xml "Microsoft Word 12.0.0".  Not a 公文."""
    def p(text, style):
        return Para(runs=[Run(text, font="宋体", latin=None, size=24)], style=style, line=None)
    paras = [p("Title", "Title"), p("Subtitle", "Subtitle"), p("Author", "Author"), p("Date", "Date"),
             p("Abstract", "Abstract"), p("Heading 1", "Heading1"), p("Heading 2", "Heading2"),
             p("First Paragraph.", "FirstParagraph"),
             p("Body Text. Body Text Char. Verbatim Char. Hyperlink. Footnote.", "BodyText"),
             p("Compact", "Compact"), p("Block Text.", "BlockText")]
    for x in paras:
        x.runs[0].latin = "Cambria"
    return Doc("pandoc-reference", paras, Section(grid=None, top=1440, right=1440, bottom=1440, left=1440,
                                                  header=720, footer=720, page_w=12240, page_h=15840),
               even_odd=False, custom_styles=PANDOC_STYLES,
               meta=Meta(creator="Author", last="Author", created="2017-12-27T05:22:50Z",
                         modified="2017-12-27T05:22:50Z", title="Title", revision=1, total_time=6, pages=1))


@corpus("wps-news-article.docx", "WPS", "11", pasted_hints=True)
def news_wps() -> Doc:
    """A news item copied from a county website into WPS: headline, the publishing line, the report of a
    meeting, the editor's line.  Not a 公文, though it talks about one."""
    def sp(text, **kw):
        return Para(runs=[r(text, ST, 24, latin=ST)], jc="both", first=480, first_chars=200, line=360, rule="auto",
                    after=156, **kw)
    paras = [Para(runs=[r("云溪县召开2024年法治政府建设工作推进会", ST, 36, latin=ST, bold=True)], jc="center",
                  line=None, after=240),
             Para(runs=[r("来源：云溪县司法局　　发布时间：2024-05-10 16:32　　浏览次数：", ST, 18, latin=ST)], jc="center",
                  line=None, after=240),
             sp("5月10日上午，云溪县召开2024年法治政府建设工作推进会。副县长、县公安局局长李明出席会议并讲话。"),
             sp("会议通报了2023年度全县法治政府建设考核结果，清河镇、县市场监管局等5个单位作了交流发言。"),
             sp("会议指出，2023年全县法治政府建设取得明显成效，在全市法治政府建设考核中位列第二。会议要求，"
                "各乡镇、各部门要对照《法治政府建设实施纲要（2021—2025年）》，查漏补缺，确保年度各项任务落地见效。"),
             sp("各乡镇、县政府各部门分管负责同志参加会议。"),
             Para(runs=[r("（编辑：李华　审核：王强）", ST, 21, latin=ST)], jc="right", line=None)]
    return Doc("wps-news-article", paras, Section(grid="lines", line_pitch=312, top=1440, bottom=1440, left=1800,
                                                 right=1800, header=851, footer=992), even_odd=False,
               meta=Meta(creator="Administrator", last="Administrator", created="2024-05-11T01:00:00Z",
                         modified="2024-05-11T01:02:00Z", pages=1, total_time=2))


# =========================================================================================================
# Drafts as clerks type them, for drafter format (issue #22)
# =========================================================================================================
WPS_DEFAULT_PAGE = dict(grid="lines", line_pitch=312, top=1440, bottom=1440, left=1800, right=1800, header=851,
                        footer=992)     # a new WPS document: A4, 2.54/3.17 cm margins, the 312-twip grid


def typed(text: str, *, size: int = 32, font: str = FS, bold: bool = False, jc: str | None = None) -> Para:
    """A paragraph as a clerk types it in a new document: no indent settings (spaces typed instead),
    single line spacing, the font picked from the toolbar."""
    return Para(runs=[r(text, font, size, bold=bold)] if text else [], jc=jc, line=None,
                mark=r("", font, size, bold=bold))


@corpus("wps-draft-messy-notice.docx", "WPS", "11")
def draft_wps_messy_notice() -> Doc:
    """A 通知 as a clerk drafts it in a new WPS 2019 document before worrying about the format: the title
    typed as two centred paragraphs in bold 宋体 二号; a blank paragraph between paragraphs; indents
    typed as four spaces or two full-width spaces; heading numbers typed by hand in mixed forms
    (一、 二. (一) （二） 1、 2.); half-width , : ( ) . in the Chinese text; the 署名 and the date pushed
    right with spaces, the date typed "2025.1.5"; WPS's default page (2.54/3.17 cm margins, no page
    numbers).  drafter format must lay it out cleanly and keep its text character for character."""
    sp4, full2 = "    ", "\u3000\u3000"
    paras = [
        typed("云溪县司法局关于开展2025年寒假", size=44, font=ST, bold=True, jc="center"),
        typed("青少年法治教育活动的通知", size=44, font=ST, bold=True, jc="center"),
        typed(""),
        typed("各乡镇司法所,局机关各股室:"),
        typed(""),
        typed(sp4 + "为深入贯彻落实《青少年法治教育大纲》,引导广大青少年学法尊法守法用法,局党组研究决定,"
              "于2025年1月15日至2月15日寒假期间在全县开展青少年法治教育系列活动.现将有关事项通知如下:"),
        typed(""),
        typed("一、活动主题"),
        typed(""),
        typed(full2 + "学法守法 快乐寒假。"),
        typed(""),
        typed("二.活动内容"),
        typed(""),
        typed("(一)法治宣讲进社区。各乡镇司法所要联合社区(村)组织法治副校长、律师开展法治宣讲,每个社区至少开展1次。"),
        typed(""),
        typed("（二）法治实践体验。"),
        typed(""),
        typed(sp4 + "1、组织中小学生旁听1次行政案件庭审,参观县法治教育基地。"),
        typed(""),
        typed(sp4 + "2.开展“我是小法官”模拟法庭活动,由县法律援助中心律师现场点评。"),
        typed(""),
        typed("（三）网上答题。依托“云溪普法”公众号开展法治知识网上答题,答题情况纳入年度普法考核。"),
        typed(""),
        typed("三、工作要求"),
        typed(""),
        typed(sp4 + "各单位要高度重视,精心组织,确保活动安全有序、取得实效。活动结束后,请于2月20日前将活动总结"
              "报局法治宣传股(联系人:李明,电话:0000-6661234)。"),
        typed(""),
        typed(full2 + "各乡镇司法所要主动加强与辖区学校、社区和村委会的沟通协调，认真做好活动组织和安全保障工作，"
              "切实防止发生意外事故，确保青少年法治教育活动取得实实在在的效果。"),
        typed(""),
        typed(full2 + "特此通知。"),
        typed(""),
        typed(""),
        typed(" " * 40 + "云溪县司法局"),
        typed(" " * 42 + "2025.1.5"),
    ]
    return Doc("wps-draft-messy-notice", paras, Section(**WPS_DEFAULT_PAGE), even_odd=False,
               meta=Meta(creator="李明", last="李明", created="2025-01-05T01:12:00Z", modified="2025-01-05T03:40:00Z",
                         pages=2, total_time=38))


@corpus("wps-request-levels.docx", "WPS", "12")
def request_wps_levels() -> Doc:
    """A 请示 (上行文) in the general format made in WPS 2023, with three levels of headings (一、 （一） 1.),
    the 发文字号 and 签发人 on one line as §7.2.4/§7.2.6 want (number left, 签发人 right), one 主送机关 and
    "妥否，请批示。" as its 结束语."""
    line = Para(runs=[r("云政〔2025〕12号"), r("\t签发人：", FS), r("王建国", KT)], jc="left", left=ZI, line=LINE,
                tabs=[("right", 8844 - ZI)])
    head = file_head("云溪县人民政府文件", "", signer=line)
    text = title("云溪县人民政府", "关于申请2025年度基层法治建设专项资金的请示") + blank(1) + [
        addressee("青原市人民政府："),
        body("为加快推进基层法治建设，提升乡镇（街道）法治化治理水平，我县拟于2025年实施基层法治建设提升工程。"
             "现将有关情况请示如下："),
        h1("一、项目基本情况"),
        h2("（一）建设内容。", "建设乡镇公共法律服务工作站12个、村（社区）法律服务点146个，配备远程视频法律咨询设备。"),
        h2("（二）资金需求。", "项目总投资860万元，其中县级财政安排380万元，资金缺口480万元。"),
        h1("二、申请事项"),
        h2("（一）资金和政策支持。"),
        body([r("1.", FS), r("申请市级基层法治建设专项资金480万元，用于乡镇公共法律服务工作站建设。")]),
        body([r("2.", FS), r("申请将我县列入全市基层法治建设示范县创建单位。")]),
        h2("（二）业务指导。", "恳请市司法局派员指导项目建设，帮助培训乡镇法律服务人员。"),
        h1("三、保障措施"),
        body("县政府成立由县长任组长的工作领导小组，专项资金实行专账管理、专款专用，确保资金使用安全有效。"),
        body("妥否，请批示。"),
    ]
    tail = signature("云溪县人民政府", "2025年3月3日", gap=3, seal=True) + [
        note("（联系人：周涛，联系电话：0000-5531234）")]
    final = Section(footers=footers("textbox"), grid="linesAndChars", char_space=-849, footer=FOOTER_TEXTBOX)
    return Doc("wps-request-levels", head + text + tail, final,
               meta=Meta(creator="周涛", last="周涛", created="2025-03-01T02:00:00Z", modified="2025-03-03T06:25:00Z"),
               normal_font=FS, normal_size=32)


@corpus("wps-notice-skip-level.docx", "WPS", "12")
def notice_wps_skip_level() -> Doc:
    """A 通知 (下行文, general format, WPS 2023) whose headings go from 一、 straight to 1. (the （一） level
    skipped, as many offices write short 通知), with a 主送机关 of several organs and "特此通知。"."""
    head = file_head("云溪县人民政府办公室文件", "云政办发〔2025〕7号", scale=80)
    text = title("云溪县人民政府办公室", "关于做好2025年行政规范性文件清理工作的通知") + blank(1) + [
        addressee("各乡镇人民政府，县政府各部门："),
        body("根据《青原市人民政府办公室关于开展行政规范性文件清理工作的通知》要求，县政府决定对现行有效的"
             "行政规范性文件进行全面清理。现将有关事项通知如下："),
        h1("一、清理范围"),
        body("县政府及县政府办公室、县政府各部门截至2024年12月31日制定的现行有效的行政规范性文件。"),
        h1("二、清理要求"),
        body([r("1.", FS), r("逐件审查。各单位要对本单位制定的文件逐件审查，提出继续有效、修改或废止的意见。")]),
        body([r("2.", FS), r("按时报送。请于2025年4月30日前将清理结果报县司法局。")]),
        h1("三、工作安排"),
        body([r("1.", FS), r("4月15日前完成自查。")]),
        body([r("2.", FS), r("5月31日前县政府统一公布清理结果。")]),
        body("特此通知。"),
    ]
    tail = signature("云溪县人民政府办公室", "2025年3月28日") + [note("（此件公开发布）")]
    final = Section(footers=footers("textbox"), grid="linesAndChars", char_space=-849, footer=FOOTER_TEXTBOX)
    return Doc("wps-notice-skip-level", head + text + tail, final,
               meta=Meta(creator="xb", last="办公室", created="2025-03-27T01:32:00Z", modified="2025-03-28T07:05:41Z"),
               normal_font=FS, normal_size=32)


# =========================================================================================================
def build_one(name: str) -> bytes:
    fn, program, version, kw = BUILDERS[name]
    doc = fn()
    if kw.get("pandoc"):
        from ooxml_dialects import PandocWriter
        return PandocWriter(doc).package()
    return build(doc, program, version, **kw)


def build_all(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in BUILDERS:
        path = out / name
        path.write_bytes(build_one(name))
        written.append(path)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("names", nargs="*")
    a = ap.parse_args(argv)
    if a.list:
        for name, (fn, program, version, kw) in BUILDERS.items():
            print(f"{name}\t{program} {version}\t{fn.__name__}()")
        return 0
    a.out.mkdir(parents=True, exist_ok=True)
    for name in a.names or BUILDERS:
        (a.out / name).write_bytes(build_one(name))
        print(a.out / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
