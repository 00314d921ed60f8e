"""Issue 5: `drafter import` on made-up variants of the layouts published reports use.

tests/data/import/ holds invented reports (README there); .docx variants and flattened one-paragraph
texts are built here.  Each import must pass `drafter check` without errors, and the rendered body
must keep the source text character for character (minus numbering and whitespace)."""
from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import DATA, run_cli
from drafter.importer import MISSING_REASON, import_file
from drafter.importer.yamlwriter import dump
from drafter.loader import load_text
from drafter.model import Report, Section, Subsection
from test_import_helpers import docx_body, import_checked, meta_view, render, source_body, squash, strip_number

V = DATA / "import"


imp = import_checked


def body_after_render(report, tmp_path) -> str:
    return docx_body(render(report, tmp_path / "out.docx"))


def parts(r):
    return [s.parts for s in r.report.sections]


def subs(items):
    return [x for x in items if isinstance(x, Subsection)]


def uncommented(yaml_text: str) -> str:
    return "\n".join(ln for ln in yaml_text.splitlines() if not ln.lstrip().startswith("#"))


# ---------------------------------------------------------------------------------------------
def test_four_parts_with_chrome_letter_elements_and_reworded_headings(tmp_path):
    r = imp(V / "four-parts.txt", tmp_path)
    rep = r.report
    assert parts(r) == [["一"], ["二"], ["三"], ["四"]]
    assert [s.heading for s in rep.sections] == ["主要工作及成效", "存在的问题",
                                                 "主要负责人履行推进法治建设第一责任人职责情况", "下一步工作打算"]
    assert rep.omitted_parts == {"五": MISSING_REASON}
    assert (rep.org, rep.short_name, rep.year) == ("青山县人民政府", "青山县", 2024)
    assert rep.title == "青山县人民政府关于2024年度法治政府建设工作情况的报告"
    assert rep.recipients == ["青原市人民政府"]
    assert (rep.closing, rep.signatories, rep.date, rep.note) == \
        ("特此报告。", ["青山县人民政府"], dt.date(2025, 1, 20), "（此件公开发布）")
    assert rep.header == "无" and rep.doc_number is None        # no 发文字号: the web copy's layout
    body = uncommented(r.yaml)
    for chrome in ("索引号", "11130181", "发布机构", "生成日期"):
        assert chrome not in body and chrome in r.yaml          # dropped, recorded in a comment
    assert "已删除网页信息 3 行" in "\n".join(r.summary)
    assert body_after_render(rep, tmp_path) == source_body(V / "four-parts.txt", {1, 2, 3, 4, 5})


def test_merged_part_serves_two_required_parts(tmp_path):
    r = imp(V / "merged.txt", tmp_path)
    assert parts(r) == [["一"], ["二", "三"], ["四"], ["五"]]
    assert r.report.omitted_parts == {}
    merged = r.report.sections[1]
    assert merged.heading == "存在的不足及党政主要负责人履行推进法治建设第一责任人职责情况"
    assert [s.heading for s in subs(merged.content)] == ["存在的不足。", "履行第一责任人职责情况。"]
    assert "部分: [二, 三]" in r.yaml
    assert "第二部分“存在的不足和原因”、第三部分" in "\n".join(r.summary)
    assert body_after_render(r.report, tmp_path) == source_body(V / "merged.txt", {1})


def test_reworded_headings_map_by_wording_and_position(tmp_path):
    r = imp(V / "reworded.txt", tmp_path)
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], ["五"]]
    assert r.report.sections[0].heading == "2024年工作回顾"
    # 工作回顾 names no part: it takes 第一部分 by its place, and says so
    text = r.yaml
    i = text.index("标题: 2024年工作回顾")
    assert "按位置归入第一部分“主要举措和成效”，请核对" in text[:i]
    assert "“2024年工作回顾”按位置归入第一部分" in "\n".join(r.summary)
    assert body_after_render(r.report, tmp_path) == source_body(V / "reworded.txt", {1})


def test_extra_part_is_kept_in_order(tmp_path):
    r = imp(V / "extra-part.txt", tmp_path)
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], [], ["五"]]
    extra = r.report.sections[4]
    assert extra.heading == "对2025年法治政府建设重点工作的建议"
    assert extra.content == ["建议上级加大对基层执法人员培训的支持力度。\n"]
    assert "导入：标题未对应任何必备部分，作为额外部分保留" in r.yaml
    assert "五、对2025年法治政府建设重点工作的建议 → 额外部分" in "\n".join(r.summary)
    assert body_after_render(r.report, tmp_path) == source_body(V / "extra-part.txt", {1})


def test_mixed_numbering_styles_and_punctuation(tmp_path):
    r = imp(V / "mixed-numbering.txt", tmp_path)
    rep = r.report
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], ["五"]]
    assert rep.header == "函" and rep.recipients == ["东山市人民政府"] and rep.date == dt.date(2025, 2, 10)
    # the year in square brackets becomes 〔〕 (GB/T 9704 §7.2.4), with the original in a comment
    assert rep.doc_number == "东政函〔2025〕8号"
    assert "导入：原文为“东政函[2025]8号”" in r.yaml
    first = rep.sections[0]
    assert first.heading is None             # "一. 2024年度……主要举措和成效" is drafter's default wording
    a, b = subs(first.content)
    assert (a.heading, a.run_in) == ("健全制度体系,夯实法治基础。", True)
    assert a.content[0] == "全年制定规范性文件5件,清理文件32件。\n"
    s1, s2 = subs(a.content)
    assert (s1.heading, s1.run_in, s1.content) == ("规范合法性审核。", True, ["实行合法性审核清单管理,审核合同120份。\n"])
    assert (s2.heading, s2.run_in) == ("推进政务公开。", True)
    assert [x.heading for x in subs(s2.content)] == ["拓展公开渠道。", "提升解读质量。"]
    assert (b.heading, b.run_in, b.content) == ("严格规范执法", None, ["全区执法部门开展执法培训6期。\n"])
    assert rep.sections[1].content == ["一是执法监督还不够到位;二是基层法治力量较为薄弱。\n"]   # ';' kept
    got = body_after_render(rep, tmp_path)
    assert got == source_body(V / "mixed-numbering.txt", {1, 2, 3, 4})


def test_markdown_headings(tmp_path):
    r = imp(V / "report.md", tmp_path)
    rep = r.report
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], ["五"]]
    assert (rep.org, rep.year, rep.title) == ("西岭乡", 2024, None)     # the title is drafter's default
    assert rep.intro == "2024年，西岭乡坚持依法行政，全面推进法治政府建设。现将有关情况报告如下："
    first = rep.sections[0]
    assert first.heading == "主要举措和成效"
    assert [(s.heading, s.content) for s in subs(first.content)] == [
        ("加强组织领导", ["乡党委、乡政府召开专题会议研究法治建设3次。\n"]),
        ("推进普法宣传", ["开展“法律进乡村”活动15次，发放宣传资料2000余份。\n"])]
    assert rep.sections[3].content == ["创新普法方式\n", "加强执法培训\n"]
    expected = squash("2024年，西岭乡坚持依法行政，全面推进法治政府建设。现将有关情况报告如下："
                      "主要举措和成效加强组织领导乡党委、乡政府召开专题会议研究法治建设3次。"
                      "推进普法宣传开展“法律进乡村”活动15次，发放宣传资料2000余份。"
                      "存在的不足和原因普法形式较为单一。党政主要负责人履行推进法治建设第一责任人职责情况乡长带头学法4次。"
                      "下一年度主要安排创新普法方式加强执法培训其他需要报告的情况无")
    assert body_after_render(rep, tmp_path) == expected


def test_ambiguous_trailing_paragraph_stays_in_place_and_is_marked(tmp_path):
    r = imp(V / "trailing.txt", tmp_path)
    assert parts(r) == [["一"]]
    last = subs(r.report.sections[0].content)[-1]
    assert last.content == ["开展执法案卷评查2次。\n", "针对上述不足，下一步我们将加强执法人员培训，完善执法监督机制。\n"]
    assert "可能属于第二部分、第四部分，无法确定，暂留在上一项中" in r.yaml
    assert "第6行：没有标题的一段（“针对上述不足，下一步我们将加强执法人员培……”）可能属于第二部分、第四部分，暂留原处" \
        in "\n".join(r.summary)
    assert body_after_render(r.report, tmp_path) == source_body(V / "trailing.txt", {1})


# ---------------------------------------------------------------------------------------------
def _lines(path):
    return [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]


@pytest.mark.parametrize("joiner", [" ", "　", ""], ids=["spaces", "ideographic-spaces", "no-spaces"])
def test_flattened_report_is_split_back(tmp_path, joiner):
    """The whole report in one paragraph ("…如下： 一、主要工作及成效 （一）强化组织领导。…") reads
    as the same report as the line-by-line text."""
    lines = _lines(V / "four-parts.txt")
    if not joiner:
        lines = lines[3:]                    # chrome glued without spaces cannot be told from the title
    flat = tmp_path / "flat.txt"
    flat.write_text(joiner.join(lines) + "\n", encoding="utf-8")
    r = imp(flat, tmp_path)
    ref = import_file(V / "four-parts.txt", tmp_path / "ref.yaml")
    assert r.report.sections == ref.report.sections
    assert meta_view(r.report) == meta_view(ref.report)
    assert "已按序号拆开" in "\n".join(r.summary)
    assert body_after_render(r.report, tmp_path) == squash("".join(strip_number(x) for x in lines[5 if joiner else 2:]))


def test_flattened_seed_with_chrome(tmp_path):
    src = DATA / "seeds" / "daxing-2023.txt"
    flat = tmp_path / "daxing-flat.txt"
    flat.write_text("  ".join(ln.strip() for ln in _lines(src)) + "\n", encoding="utf-8")
    r = imp(flat, tmp_path)
    ref = import_file(src, tmp_path / "ref.yaml")
    assert r.report.sections == ref.report.sections
    assert meta_view(r.report) == meta_view(ref.report)
    assert "来源:区政府办" in r.yaml and "来源" not in uncommented(r.yaml)


def test_inline_enumeration_is_not_split(tmp_path):
    """A paragraph that lists （一）（二） inside a sentence is not a flattened report."""
    src = tmp_path / "a.txt"
    para = "严格落实制度，包括：（一）重大决策合法性审核；（二）规范性文件备案审查。全年审核文件20件。"
    src.write_text("某县人民政府2024年法治政府建设年度情况报告\n2024年，我县推进依法行政。现将有关情况报告如下：\n"
                   f"一、主要举措和成效\n{para}\n", encoding="utf-8")
    r = imp(src, tmp_path)
    assert r.report.sections[0].content == [para + "\n"]


# ---------------------------------------------------------------------------------------------
def _chrome_table_docx(path):
    d = docx.Document()
    t = d.add_table(rows=3, cols=4)
    rows = [("索引号：", "11130181/2025-00031", "发布机构：", "东山区人民政府办公室"),
            ("生成日期：", "2025-02-12", "文号：", "东政函〔2025〕8号"),
            ("标题：", "东山区人民政府关于2024年度法治政府建设情况的报告", "主题分类：", "政务公开")]
    for row, values in zip(t.rows, rows):
        for cell, v in zip(row.cells, values):
            cell.text = v
    body = ["东山区人民政府关于2024年度法治政府建设情况的报告", "", "东山市人民政府：",
            "2024年，东山区持续深化法治政府建设。现将有关情况报告如下：",
            "一、2024年度推进法治政府建设的主要举措和成效", "（一）完善制度体系。全年制定规范性文件5件。", "",
            "（二）规范行政执法。开展执法培训6期。",
            "二、2024年度推进法治政府建设存在的不足和原因", "基层执法力量不足。",
            "三、党政主要负责人履行推进法治建设第一责任人职责情况", "区长带头学法4次。",
            "四、2025年度推进法治政府建设的主要安排", "加强执法培训。",
            "五、其他需要报告的情况", "无", "特此报告。", "东山区人民政府", "2025年2月10日"]
    for text in body:
        d.add_paragraph(text)
    d.save(str(path))
    return body


def test_docx_with_chrome_table_rows(tmp_path):
    src = tmp_path / "网页另存.docx"
    body = _chrome_table_docx(src)
    r = imp(src, tmp_path)
    rep = r.report
    assert not r.source.drafter
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], ["五"]]
    assert (rep.org, rep.year, rep.header) == ("东山区人民政府", 2024, "函")
    assert rep.doc_number == "东政函〔2025〕8号"              # from the table row 文号
    assert rep.recipients == ["东山市人民政府"] and rep.date == dt.date(2025, 2, 10)
    assert rep.title == "东山区人民政府关于2024年度法治政府建设情况的报告"
    plain = uncommented(r.yaml)
    assert "索引号" not in plain and "11130181" not in plain and "索引号" in r.yaml
    assert body_after_render(rep, tmp_path) == squash("".join(strip_number(x) for x in body[3:]))


def test_docx_with_word_heading_styles_and_bold_run_in_leads(tmp_path):
    d = docx.Document()
    d.add_paragraph("西岭乡2024年法治政府建设年度情况报告", style="Title")
    d.add_paragraph("2024年，西岭乡坚持依法行政。现将有关情况报告如下：")
    d.add_heading("一、主要举措和成效", level=1)
    for lead, rest in (("（一）加强组织领导，落实主体责任", "乡党委召开专题会议3次。"),
                       ("（二）推进普法宣传", "开展“法律进乡村”活动15次。")):
        p = d.add_paragraph()
        p.add_run(lead).bold = True
        p.add_run(rest)
    for heading, text in (("存在的不足和原因", "普法形式较为单一。"),
                          ("党政主要负责人履行推进法治建设第一责任人职责情况", "乡长带头学法4次。"),
                          ("下一年度主要安排", "创新普法方式。"), ("其他需要报告的情况", "无")):
        d.add_heading(heading, level=1)
        d.add_paragraph(text)
    src = tmp_path / "word.docx"
    d.save(str(src))
    r = imp(src, tmp_path)
    rep = r.report
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], ["五"]]
    assert rep.layout.run_in
    assert [(s.heading, s.content) for s in subs(rep.sections[0].content)] == [
        ("加强组织领导，落实主体责任", ["乡党委召开专题会议3次。\n"]), ("推进普法宣传", ["开展“法律进乡村”活动15次。\n"])]
    assert [s.heading for s in rep.sections[1:]] == ["存在的不足和原因", None, "下一年度主要安排", None]


_NUMBERING = """<root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="91"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>
<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>
<w:num w:numId="91"><w:abstractNumId w:val="91"/></w:num>
</root>"""
_NUMBERED = [(None, "2024年，南湖镇坚持依法行政。现将有关情况报告如下："),
             (0, "主要举措和成效"), (1, "加强组织领导。"), (None, "镇党委召开专题会议3次。"), (2, "健全制度。"),
             (None, "制定制度5项。"), (1, "推进普法宣传。"), (None, "开展普法活动15次。"),
             (0, "存在的不足和原因"), ("bullet", "执法力量不足。"), ("bullet", "普法形式单一。"),
             (0, "党政主要负责人履行推进法治建设第一责任人职责情况"), (1, "带头学法。"), (None, "镇长带头学法4次。"),
             (0, "下一年度主要安排"), (None, "2025年，我们将加强执法培训。"),
             (0, "其他需要报告的情况"), (None, "无"), (None, "特此报告。"), (None, "南湖镇人民政府"), (None, "2025年1月20日")]


def _number(p, ilvl: int, num_id: int = 90) -> None:
    """Give python-docx paragraph ``p`` Word's automatic number at level ``ilvl`` of list ``num_id``."""
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _numbered_docx(path, style_linked: bool, numbering_xml: str = _NUMBERING):
    """Headings numbered by Word (numbering.xml), not typed: on the paragraphs, or through the
    Heading 1/2 styles; two items with bullets."""
    from lxml import etree

    d = docx.Document()
    numbering = d.part.numbering_part.element
    first_num = numbering.find(docx.oxml.ns.qn("w:num"))
    for el in etree.fromstring(numbering_xml):
        if el.tag == docx.oxml.ns.qn("w:abstractNum") and first_num is not None:
            first_num.addprevious(el)           # abstractNum before num, as the schema orders them
        else:
            numbering.append(el)
    if style_linked:
        for name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
            num_pr = d.styles[name].element.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = ilvl
            num_pr.get_or_add_numId().val = 90
    d.add_paragraph("南湖镇2024年法治政府建设年度情况报告", style="Title")
    for kind, text in _NUMBERED:
        if style_linked and kind in (0, 1):
            d.add_heading(text, level=kind + 1)
            continue
        p = d.add_paragraph(text)
        if kind is not None:
            if kind == "bullet":
                _number(p, 0, num_id=91)
            else:
                _number(p, kind)
    d.save(str(path))


@pytest.mark.parametrize("style_linked", [False, True], ids=["numbered-paragraphs", "numbered-heading-styles"])
def test_docx_with_word_automatic_numbering(tmp_path, style_linked):
    """Word's automatic numbers (一、 （一） 1.) are read as Word prints them, so the headings are
    headings; bullets stay plain paragraphs."""
    src = tmp_path / "自动编号.docx"
    _numbered_docx(src, style_linked)
    r = imp(src, tmp_path)
    rep = r.report
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], ["五"]]
    assert [s.heading for s in rep.sections] == ["主要举措和成效", "存在的不足和原因", None, "下一年度主要安排", None]
    first = subs(rep.sections[0].content)
    assert [s.heading for s in first] == ["加强组织领导。", "推进普法宣传。"]
    assert [(s.heading, s.content) for s in subs(first[0].content)] == [("健全制度。", ["制定制度5项。\n"])]
    assert rep.sections[1].content == ["执法力量不足。\n", "普法形式单一。\n"]
    assert [s.heading for s in subs(rep.sections[2].content)] == ["带头学法。"]
    assert rep.date == dt.date(2025, 1, 20)
    assert body_after_render(rep, tmp_path) == squash("".join(t for _, t in _NUMBERED))


def test_headless_text_finds_its_parts(tmp_path):
    """No heading at all: the 导语 ends at "……如下：", the rest is kept unheaded; paragraphs whose
    wording names 不足 or next year take those parts."""
    src = tmp_path / "plain.txt"
    src.write_text("2024年，北山镇扎实推进法治政府建设。现将有关情况报告如下：\n"
                   "全年开展普法活动20次，调解纠纷56件。\n"
                   "工作中还存在一些不足，主要是执法力量薄弱。\n"
                   "2025年，我们将继续加强执法队伍建设。\n", encoding="utf-8")
    r = imp(src, tmp_path)
    rep = r.report
    assert rep.org == "北山镇人民政府" and "导入：发文机关由导语中的“北山镇”推断，请核对全称" in r.yaml
    assert parts(r) == [["一"], ["二"], ["四"]]
    assert [s.no_heading for s in rep.sections] == [True, True, True]
    assert body_after_render(rep, tmp_path) == source_body(src)


# ---------------------------------------------------------------------------------------------
_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x01\x02\x03\x04\x05\x06"
                              "\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e"
                              "\x1f\ufffe\uffff"), min_size=1, max_size=40)
_TRICKY = st.sampled_from(["- 一", "是", "否", "null", "2024-12-20", "1.5", "#注释", "a: b", "a #b", "|", ">", "'引'",
                           "\"引\"", "  前后空格  ", "行一\n行二", "末尾换行\n", "\t制表", "半角,逗号[方括号]", "\u2028",
                           "\x85", "\u3000全角空格", "😀", "{花括号}", "%百分号", "@at", "`反引号`", "\\反斜杠"])


@settings(max_examples=150, deadline=None)
@given(heading=st.one_of(_TEXT, _TRICKY), para=st.one_of(_TEXT, _TRICKY), rec=st.one_of(_TEXT, _TRICKY))
def test_yaml_writer_reads_back_exactly(heading, para, rec):
    rep = Report(org="某县人民政府", year=2024, recipients=[rec],
                 sections=[Section(parts=["一"], heading=heading, content=[para, Subsection(heading=para, content=[para])])])
    text = dump(rep, {("sections", 0): ["导入：注释\n第二行"]}, ["顶部注释"], "# yaml-language-server: $schema=x.json")
    back = load_text(text, "t.yaml")
    assert back.report == rep, (text, back.diagnostics)


def test_control_characters_are_removed_and_reported(tmp_path):
    src = tmp_path / "ctl.txt"
    src.write_bytes("某县人民政府2024年法治政府建设年度情况报告\n2024年，我县\x01推进依法行政。现将有关情况报告如下：\n"
                    "一、主要举措和成效\x0c（一）加强领导。召开会议3次。\x0b补充一段。\n".encode("utf-8"))
    r = imp(src, tmp_path)
    assert r.report.intro == "2024年，我县推进依法行政。现将有关情况报告如下："
    assert subs(r.report.sections[0].content)[0].content == ["召开会议3次。\n", "补充一段。\n"]
    assert "第2行：删除了 1 个无法保存到 Word 的控制字符" in "\n".join(r.summary)
    assert re.search(r"[\x00-\x08\x0b\x0c]", r.yaml) is None


_LINES = st.sampled_from([
    "某县人民政府2024年法治政府建设年度情况报告", "关于2024年度法治政府建设情况的报告", "某政函〔2025〕1号", "某政函[2025]1号",
    "某市人民政府：", "来源：某县政府办  日期：2025-01-02", "【打印】【关闭】", "2024年，某县推进依法行政。现将有关情况报告如下：",
    "一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、下一年度主要安排",
    "五、其他需要报告的情况", "六、对2025年工作的建议", "（一）加强领导。召开会议3次。", "(二)规范执法", "1.开展评查。评查案卷10卷。",
    "（1）细化清单。", "①第一项", "一是执法力量不足；二是培训不够。", "2025年，我们将加强培训。", "无", "特此报告。",
    "某县人民政府", "2025年1月20日", "二〇二五年一月二十日", "（此件公开发布）", "附件：1.目录", "2.统计表", "抄送：某市司法局。",
    "某县人民政府办公室 2025年1月20日印发", "#", "- 列表", "| a | b |", "一、", "（一）", "1.", "“引号”：冒号 #井号",
])


@settings(max_examples=120, deadline=None)
@given(lines=st.lists(st.one_of(_LINES, _TEXT), min_size=1, max_size=25), joiner=st.sampled_from(["\n", " ", "\n\n"]))
def test_any_mix_of_lines_imports_or_explains(lines, joiner, tmp_path_factory):
    """Whatever the lines, import gives a report whose YAML reads back to the same model (checked
    inside import_source), or a Chinese DrafterError — never another exception."""
    from drafter.diagnostics import DrafterError

    d = tmp_path_factory.mktemp("mix")
    src = d / "mix.txt"
    src.write_text(joiner.join(lines) + "\n", encoding="utf-8")
    try:
        r = import_file(src, d / "mix.yaml")
    except DrafterError as e:
        assert e.diagnostic.code in ("FZ092", "FZ007"), e.diagnostic.format()
        return
    assert load_text(r.yaml, "mix.yaml").report == r.report


def test_docx_automatic_numbering_with_bold_run_in_leads(tmp_path):
    """"（一）" numbered by Word in front of a bold lead run: a run-in subheading, as when typed."""
    src = tmp_path / "接排.docx"
    _numbered_docx(src, style_linked=False)
    d = docx.Document(str(src))
    body = d.element.body
    for p in list(d.paragraphs)[1:]:
        body.remove(p._p)
    d.add_paragraph("2024年，南湖镇坚持依法行政。现将有关情况报告如下：")
    _number(d.add_paragraph("主要举措和成效"), 0)
    for lead, rest in (("加强组织领导。", "镇党委召开专题会议3次。"), ("推进普法宣传。", "开展普法活动15次。")):
        p = d.add_paragraph()
        p.add_run(lead).bold = True
        p.add_run(rest)
        _number(p, 1)
    d.save(str(src))
    rep = imp(src, tmp_path).report
    assert rep.layout.run_in and rep.sections[0].heading == "主要举措和成效"
    assert [(s.heading, s.content) for s in subs(rep.sections[0].content)] == [
        ("加强组织领导。", ["镇党委召开专题会议3次。\n"]), ("推进普法宣传。", ["开展普法活动15次。\n"])]


def test_hostile_automatic_numbering_is_read_quickly_and_safely(tmp_path):
    """numbering.xml from a hostile file: starts at 2 000 000 000 in letters and Roman numerals, "inf",
    levels that do not exist.  import and inspect finish quickly with an ordinary result."""
    import time

    bad = _NUMBERING
    for good, hostile in (
            ('<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>',
             '<w:start w:val="2000000000"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1%9、"/>'),
            ('<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>',
             '<w:start w:val="inf"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="（%2）"/>'),
            ('<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>',
             '<w:start w:val="99999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%3."/>')):
        assert good in bad
        bad = bad.replace(good, hostile)
    _numbered_docx(tmp_path / "坏编号.docx", style_linked=False, numbering_xml=bad)
    for args in (["import", "坏编号.docx", "-o", "out.yaml"], ["inspect", "坏编号.docx"]):
        t = time.perf_counter()
        r = run_cli(*args, cwd=tmp_path, timeout=120)
        assert time.perf_counter() - t < 30, args
        assert r.code in (0, 1) and "内部错误" not in r.text and "Traceback" not in r.text, r
    assert "2000000000" in (tmp_path / "out.yaml").read_text(encoding="utf-8")    # digits, not a huge string


# ---------------------------------------------------------------------------------------------
# how the end and the head of a published report vary (found by reading last year's files)
XINLE = DATA / "seeds" / "xinle-2024-han.txt"


def _xinle_variant(tmp_path, name, edit):
    lines = XINLE.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert lines[-2:] == ["新乐市人民政府", "2024年12月20日"]
    src = tmp_path / name
    src.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    return src


@pytest.mark.parametrize("written", ["2024-12-20", "2024.12.20", "2024/12/20", "2024年12月20日"])
def test_date_forms_and_a_contact_line_keep_the_ending(tmp_path, written):
    src = _xinle_variant(tmp_path, "end.txt", lambda ls: ls[:-1] + [written, "（联系人：张伟，联系电话：0311-88881234）"])
    r = imp(src, tmp_path)
    rep = r.report
    assert (rep.closing, rep.signatories, rep.date) == ("特此报告。", ["新乐市人民政府"], dt.date(2024, 12, 20))
    assert rep.note == "（联系人：张伟，联系电话：0311-88881234）"
    assert rep.header == "函" and rep.doc_number == "新政函〔2024〕5号"      # the ending found: a letter again
    assert ("导入：原文为“" + written + "”" in r.yaml) == (written != "2024年12月20日")
    assert not any("特此报告" in str(x) for s in rep.sections for x in s.content)


def test_signature_and_date_on_one_line(tmp_path):
    src = _xinle_variant(tmp_path, "one-line.txt", lambda ls: ls[:-2] + ["新乐市人民政府    2024年12月20日"])
    rep = imp(src, tmp_path).report
    assert (rep.signatories, rep.date, rep.header) == (["新乐市人民政府"], dt.date(2024, 12, 20), "函")


def test_a_date_without_its_day_is_not_taken_for_body_text(tmp_path):
    src = _xinle_variant(tmp_path, "month.txt", lambda ls: ls[:-1] + ["2024年12月"])
    r = imp(src, tmp_path)
    assert r.report.date is None and r.report.signatories == ["新乐市人民政府"]
    assert "成文日期：“2024年12月”缺少日，未填写，请补全" in "\n".join(r.summary)
    assert not any("2024年12月" == str(x).strip() for s in r.report.sections for x in s.content)


def test_breadcrumb_is_page_furniture(tmp_path):
    src = _xinle_variant(tmp_path, "crumb.txt", lambda ls: ["首页 > 政务公开 > 法治政府建设"] + ls)
    r = imp(src, tmp_path)
    assert r.report.flag == [] and "首页" not in (r.report.title or "") and r.report.org == "新乐市人民政府"
    assert "已删除网页信息 1 行：首页 > 政务公开 > 法治政府建设" in "\n".join(r.summary)


def test_addressee_groups_keep_their_punctuation(tmp_path):
    def edit(ls):
        return [("各乡镇人民政府、各街道办事处,市政府各部门:" if ln == "新乐市人大常委会:" else ln) for ln in ls]

    r = imp(_xinle_variant(tmp_path, "groups.txt", edit), tmp_path)
    assert r.report.recipients == ["各乡镇人民政府、各街道办事处", "市政府各部门"]
    from drafter.compose import compose

    addressee = [b.text for b in compose(r.report).blocks if type(b).__name__ == "Addressee"]
    assert addressee == ["各乡镇人民政府、各街道办事处，市政府各部门："]


def test_part_headings_that_lost_their_numbers(tmp_path):
    """A web copy keeps the part headings as lines of their own but loses Word's automatic 一、二、:
    the lines that carry a part's name become the parts' headings again."""
    seed = (DATA / "seeds" / "yufa-2023.txt").read_text(encoding="utf-8")
    src = tmp_path / "nonum.txt"
    src.write_text(re.sub(r"(?m)^[一二三四五]、", "", seed), encoding="utf-8")
    r = imp(src, tmp_path)
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], ["五"]]
    assert not any(s.no_heading for s in r.report.sections)
    first = [x for s in r.report.sections for x in s.content[:1]]
    assert not any(isinstance(x, str) and "推进法治政府建设" in x and len(x) < 40 for x in first)


def test_org_from_a_title_without_a_year():
    from drafter.conventions import org_from_title

    assert org_from_title("北京市大兴区人民政府关于法治政府建设年度情况的报告") == "北京市大兴区人民政府"
    assert org_from_title("北京市大兴区人民政府2023年法治政府建设年度情况报告") == "北京市大兴区人民政府"
    assert org_from_title("关于2024年度法治政府建设情况的报告") is None
    assert org_from_title("大家关于法治的报告") is None            # not an organ's name


def test_numbering_used_at_another_level_is_pointed_out(tmp_path):
    """"1." directly under "四、" prints as "（一）": the clerk is told, once in the summary and at
    each heading in the YAML."""
    seed = (DATA / "seeds" / "yufa-2023.txt").read_text(encoding="utf-8")
    head, four = seed.split("四、", 1)
    four, five = four.split("五、")
    four = re.sub(r"\(([一二三四])\)", lambda m: f"{'一二三四'.index(m[1]) + 1}.", four) + "五、" + five
    src = tmp_path / "levels.txt"
    src.write_text(head + "四、" + four, encoding="utf-8")
    r = imp(src, tmp_path)
    renumbered = [ln for ln in r.summary if "已按层次改为" in ln]
    assert len(renumbered) == 1 and "原文“1.”式序号用在第2层，已按层次改为“（一）”式" in renumbered[0]
    assert r.yaml.count("按层次编为“（一）”式，请核对层次") == 3
    assert parts(r)[3] == ["四"]


def test_a_long_pager_line_does_not_stall_the_importer(tmp_path):
    """A site's pager ("首页|上一页|1|2|…|尾页|共30页，…") is no breadcrumb; recognising one must not
    try every way of splitting it (a nested-repeat pattern took minutes past 25 pages)."""
    from drafter.importer.patterns import is_breadcrumb, is_chrome

    pager = ("首页|上一页|" + "|".join(str(i) for i in range(1, 31)) + "|下一页|尾页|共30页，每页显示二十条记录，"
             "当前为第一页，如需查看更多内容请点击下一页按钮或者直接输入页码跳转")
    assert not is_breadcrumb(pager)
    src = _xinle_variant(tmp_path, "pager.txt", lambda ls: ls + [pager])
    r = run_cli("import", src.name, "-o", "p.yaml", cwd=tmp_path, timeout=60)
    assert r.code == 0, r
    assert is_chrome("首页 > 政务公开 > 法治政府建设")


def test_parts_numbered_di_yi_bu_fen(tmp_path):
    """"第一部分 主要举措和成效" … "第五部分 …" as the top level, with （一） below."""
    seed = (DATA / "seeds" / "yufa-2023.txt").read_text(encoding="utf-8")
    src = tmp_path / "parts.txt"
    src.write_text(re.sub(r"(?m)^([一二三四五])、", lambda m: f"第{m[1]}部分 ", seed), encoding="utf-8")
    r = imp(src, tmp_path)
    assert parts(r) == [["一"], ["二"], ["三"], ["四"], ["五"]]
    assert all(subs(s.content) for s in r.report.sections[:1])          # （一） stays the level below
    assert not any("第一部分" in str(x) for s in r.report.sections for x in s.content)
    assert not any((s.heading or "").startswith("第") for s in r.report.sections)   # never "一、第一部分 …"


def test_docx_footnotes_are_listed_not_dropped(tmp_path):
    """A footnote has no place in the report: the import lists its text for the clerk (QA: it vanished)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = (f'<w:footnotes xmlns:w="{w}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
             '</w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r>'
             '<w:t xml:space="preserve"> 数据截至2024年11月30日。</w:t></w:r></w:p></w:footnote></w:footnotes>')
    d = docx.Document()
    d.add_paragraph("青山县司法局关于2024年度法治政府建设情况的报告")
    intro = d.add_paragraph("2024年，全县办理行政复议案件42件。现将有关情况报告如下：")
    intro._p.append(parse_xml(f'<w:r xmlns:w="{w}"><w:footnoteReference w:id="1"/></w:r>'))
    d.add_paragraph("一、主要举措和成效")
    d.add_paragraph("全年开展执法培训4次。")
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", notes.encode(),
                d.part.package)
    d.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes")
    src = tmp_path / "fn.docx"
    d.save(str(src))
    r = import_file(src, tmp_path / "fn.yaml")
    assert "# 导入：原文的脚注（尾注）1，未写入报告：数据截至2024年11月30日。" in r.yaml
    assert any("原文有 1 条脚注或尾注" in ln for ln in r.summary)
    assert "数据截至" not in "".join(str(x) for s in r.report.sections for x in s.content)


@pytest.mark.parametrize("stem", ["table-2024", "attachments-2024"])
def test_tables_and_attachment_pages_come_back(stem, tmp_path):
    """A report with tables in its body and 附件 pages (one a landscape table, §8): rendered, imported
    from the .docx and rendered again, it has the same paragraphs and the same tables — titles, heads,
    rows and notes — and inspect finds nothing wrong with the render (the 横排 page included)."""
    import docx

    from conftest import ROOT, run_cli
    from drafter.inspect import inspect_file

    src = ROOT / "examples" / "with-tables" / f"{stem}.yaml"
    first, again = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run_cli("render", src, "-o", first).code == 0
    r = run_cli("import", first, "-o", tmp_path / "x.yaml")
    assert r.code == 0 and "表格的一行" not in r.out, r
    assert run_cli("render", tmp_path / "x.yaml", "-o", again).code == 0

    def content(path):
        d = docx.Document(str(path))
        return ([p.text for p in d.paragraphs if p.text.strip()],
                [[[c.text for c in row.cells] for row in t.rows] for t in d.tables])

    assert content(first) == content(again)
    res = inspect_file(first)
    assert [f.format() for f in res.findings if f.severity == "error"] == []
