"""drafter inspect internals on real XML: the style resolver, numbering, fields; content rules; --pdf."""
from __future__ import annotations

import json
import re

import pytest

from conftest import run_cli, soffice_or_skip
from drafter.inspect import inspect_file
from drafter.reader.document import load
from inspect_helpers import build_docx, by_code, codes, edit_parts, errors

SECT = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
        'w:left="1588" w:header="851" w:footer="1390" w:gutter="0"/><w:docGrid w:type="lines" w:linePitch="579"/>'
        '</w:sectPr>')
THEME = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/'
         'drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="Office"><a:majorFont>'
         '<a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" '
         'typeface="游ゴシック Light"/><a:font script="Hans" typeface="等线 Light"/></a:majorFont><a:minorFont>'
         '<a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="游明朝"/>'
         '<a:font script="Hans" typeface="等线"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>')


def _runs(path):
    doc = load(path)
    return doc, [(p, r) for p in doc.paragraphs for r in p.runs]


def test_style_chain_resolution(tmp_path):
    styles = (
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/><w:sz w:val="20"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="甲"/><w:basedOn w:val="Normal"/><w:pPr>'
        '<w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLine="640"/></w:pPr><w:rPr>'
        '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="乙"/><w:basedOn w:val="A"/><w:pPr>'
        '<w:ind w:hanging="320"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="C"><w:name w:val="丙"/><w:rPr><w:sz w:val="28"/><w:color w:val="FF0000"/>'
        '</w:rPr></w:style>')
    body = ('<w:p><w:pPr><w:pStyle w:val="B"/><w:spacing w:before="0" w:after="0"/></w:pPr><w:r><w:t>正文</w:t></w:r>'
            '<w:r><w:rPr><w:rStyle w:val="C"/><w:b/></w:rPr><w:t>强调</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="missing"/></w:pPr><w:r><w:t>无样式</w:t></w:r></w:p>' + SECT)
    doc, runs = _runs(build_docx(tmp_path / "s.docx", body, styles=styles))
    (p1, r1), (_, r2), (p2, r3) = runs
    assert p1.props.style_id == "B" and p1.props.line == 579 and p1.props.line_rule == "exact"
    assert p1.props.first_line == -320 and p1.props.after == 0          # hanging replaces the inherited firstLine
    assert r1.props.font("eastAsia").name == "仿宋_GB2312" and r1.props.font("ascii").name == "Arial"
    assert r1.props.font("eastAsia").source == "样式“甲”"
    assert r1.props.size_pt == 16 and not r1.props.bold
    assert r2.props.size_pt == 14 and r2.props.color == "FF0000" and r2.props.bold
    assert p2.props.style_id == "Normal" and p2.props.after == 120 and r3.props.size_pt == 10
    assert r3.props.font("eastAsia").name == "宋体"


@pytest.mark.parametrize("lang,font", [("zh-CN", "等线"), ("ja-JP", "游明朝")])
def test_theme_font_resolution(tmp_path, lang, font):
    styles = ('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsia="仿宋" '
              'w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>')
    body = '<w:p><w:r><w:t>正文2024</w:t></w:r></w:p>' + SECT
    path = build_docx(tmp_path / "t.docx", body, styles=styles, theme=THEME,
                      settings=f'<w:themeFontLang w:val="en-US" w:eastAsia="{lang}"/>')
    _, [(_, r)] = _runs(path)
    ea = r.props.font("eastAsia")
    # in one w:rFonts the theme attribute beats the explicit name, as in Word
    assert (ea.name, ea.theme, ea.source) == (font, "minorEastAsia", "文档默认格式")
    assert r.props.font("ascii").name == "Calibri"
    res = inspect_file(path, content=False)
    assert {f.found for f in by_code(res, "GB201")} == {f"minorEastAsia → {font}", "minorHAnsi → Calibri"}


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
    '<w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
    '<w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/>'
    '<w:pPr><w:ind w:firstLine="640"/></w:pPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


def _num_para(text: str, ilvl: int) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            f'<w:r><w:t>{text}</w:t></w:r></w:p>')


def test_automatic_numbering_is_read_as_printed(tmp_path):
    body = "".join(_num_para(t, lv) for t, lv in (("总体情况", 0), ("学习", 1), ("培训", 1), ("集中", 2),
                                                  ("不足", 0), ("原因", 1))) + SECT
    path = build_docx(tmp_path / "n.docx", body, numbering=NUMBERING)
    doc = load(path)
    assert [p.text for p in doc.paragraphs] == ["一、总体情况", "（一）学习", "（二）培训", "1.集中", "二、不足", "（一）原因"]
    res = inspect_file(path, content=False)
    assert [m.level for _, m in res.layout.headings] == [1, 2, 2, 3, 1, 2]
    (f,) = by_code(res, "GB309")
    assert len(f.paragraphs) == 6 and f.severity == "warning"
    assert not ({"GB306", "GB307", "GB310"} & codes(res))      # numbering indents are resolved too


def test_fields_deleted_marks_and_breaks(tmp_path):
    body = (
        '<w:p><w:r><w:t xml:space="preserve">印发于</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024年12月20日</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:br/><w:t>第二行</w:t><w:tab/><w:t>末</w:t></w:r></w:p>'
        # a deleted paragraph mark: once accepted, the two paragraphs are one
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:r><w:t>上半</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>下半</w:t></w:r><w:moveFrom w:id="4" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="5" w:author="a"><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>' + SECT)
    doc = load(build_docx(tmp_path / "f.docx", body))
    assert [p.text for p in doc.paragraphs] == ["印发于2024年12月20日\n第二行\t末", "上半下半移来"]
    assert doc.paragraphs[0].fields == [("DATE", "2024年12月20日")]
    assert doc.tracked == 3


def test_sections_and_inherited_footers(rendered, tmp_path):
    """A second section without its own footers keeps the first one's (Word's inheritance)."""
    def split(root):
        from lxml import etree

        from inspect_helpers import NS, paragraph_with, q

        p = paragraph_with(root, "二、2023年度推进法治政府建设存在的不足")
        prev = p.getprevious()
        ppr = prev.find("w:pPr", NS)
        sect = etree.SubElement(ppr, q("sectPr"))
        final = root.find("w:body/w:sectPr", NS)
        for ref in final.findall("w:footerReference", NS):     # footers move to section 1; section 2 inherits
            sect.append(ref)
        for tag, attrs in (("pgSz", {"w": "11906", "h": "16838"}),
                           ("pgMar", {"top": "1440", "right": "1474", "bottom": "1984", "left": "1588"})):
            e = etree.SubElement(sect, q(tag))
            for k, v in attrs.items():
                e.set(q(k), v)
    res = inspect_file(edit_parts(rendered["daxing-2023"], tmp_path / "sect.docx", {"word/document.xml": split}),
                       content=False)
    doc = res.document
    assert len(doc.sections) == 2
    assert doc.sections[1].footers == doc.sections[0].footers == {"default": "word/footer1.xml",
                                                                  "even": "word/footer2.xml"}
    assert not [f for f in res.findings if f.code.startswith("GB6")]
    top = by_code(res, "GB103")
    assert [(f.place, f.found) for f in top] == [("第1节页面设置", "25.4 mm")]


# --- content rules through drafter.importer -----------------------------------------------------------
def test_content_rules_map_to_paragraphs(rendered, tmp_path):
    res = inspect_file(rendered["xinle-2024-han"])
    assert not res.notes, res.notes
    (rate,) = by_code(res, "FZ701")
    para = res.document.paragraphs[rate.paragraph - 1]
    assert "调解成功率97.1%" in para.text and "97.1%" in rate.found
    assert rate.severity == "warning" and "drafter check --fix" not in rate.message
    punct = by_code(res, "FZ401")
    assert len(punct) > 10 and all("," in res.document.paragraphs[f.paragraph - 1].text for f in punct)
    slip = edit_parts(rendered["xinle-2024-han"], tmp_path / "slip.docx",
                      {"word/document.xml": ("2024年以来,我市坚持", "2023年以来,我市坚持")})
    (year,) = [f for f in inspect_file(slip).findings if f.code.startswith("FZ3")]
    assert year.paragraph == 8 and "2023" in year.message and "2024" in year.message


# --- --pdf --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", ["xinle-2024-han", "short-complete", "yufa-2023", "daxing-2023"])
def test_pdf_measures_of_rendered_examples(rendered, measured, stem):
    res = inspect_file(rendered[stem], pdf=True, measures=measured[stem], content=False)
    assert errors(res) == []
    m = measured[stem]
    # never more than 22 lines; a middle page is full, or one short when keep-with-next carried a heading
    assert max(m.body_lines_per_page()) <= 22
    assert all(n >= 21 for n in m.body_lines_per_page()[1:-1])


def test_pdf_on_broken_files(rendered, tmp_path):
    soffice_or_skip()
    from drafter.measure import measure
    from drafter.pdf import convert

    import docx

    # 30 pt lines (LibreOffice keeps the 28.95 pt docGrid pitch unless the grid changes too)
    wide = edit_parts(rendered["yufa-2023"], tmp_path / "wide.docx",
                      {"word/styles.xml": ('w:line="579"', 'w:line="600"'),
                       "word/document.xml": ('w:linePitch="579"', 'w:linePitch="600"')})
    d = docx.Document()
    for k in range(60):
        d.add_paragraph("法治政府建设" * 12)
    d.save(str(tmp_path / "plain.docx"))
    # the 版记 table floated 1598 twips (28.2 mm) higher than the last line of the 版心
    high = edit_parts(rendered["short-complete"], tmp_path / "high.docx",
                      {"word/document.xml": ('w:tblpY="11598"', 'w:tblpY="10000"')})
    # a top margin of 25.4 mm (Word's default) on every page
    top = edit_parts(rendered["short-complete"], tmp_path / "top.docx",
                     {"word/document.xml": ('w:top="2098"', 'w:top="1440"')})
    pdfs = convert([wide, tmp_path / "plain.docx", high, top], tmp_path / "pdf")
    m_wide, m_plain, m_high, m_top = (measure(p) for p in pdfs)
    (f,) = by_code(inspect_file(high, pdf=True, measures=m_high, content=False), "GB810")
    assert f.expected == "262 mm" and abs(float(f.found.split()[0]) - 234.0) < 1
    res = inspect_file(wide, pdf=True, measures=m_wide, content=False)
    short = by_code(res, "GB802")
    assert short and "21 行" in short[0].found
    assert by_code(res, "GB803")[0].found == "10.58 mm"
    res = inspect_file(tmp_path / "plain.docx", pdf=True, measures=m_plain, content=False)
    assert by_code(res, "GB801")[0].found == "215.9 × 279.4 mm"
    assert by_code(res, "GB808")[0].found.startswith("第1页、第2页")
    # one cause on every page is one finding, not one per page (QA: 1 092 lines for 540 pages)
    (f,) = by_code(inspect_file(top, pdf=True, measures=m_top, content=False), "GB806")
    assert m_top.pages == 3 and f.place == "PDF 第2–3页中的 2 页" and re.fullmatch(
        r"第2页 2\d\.\d mm；第3页 2\d\.\d mm", f.found), f


def test_pdf_cli_runs_libreoffice(rendered):
    soffice_or_skip()
    r = run_cli("inspect", "--pdf", "--format", "json", "--select", "GB8", rendered["yufa-2023"])
    assert r.code == 0, r
    assert [d for d in json.loads(r.out) if d["severity"] == "error"] == []


def test_pdf_without_libreoffice(rendered):
    r = run_cli("inspect", "--pdf", rendered["yufa-2023"], env={"DRAFTER_SOFFICE": "/nonexistent/soffice"})
    assert r.code == 1 and "FZ060" in r.err and "LibreOffice" in r.err


# --- 版头 drawn the ways other programs draw it ------------------------------------------------------
def _group(y_emu: int, widths: tuple[int, int], length: int = 6120000) -> str:
    lines = "".join(
        f'<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="{k * 36000}"/><a:ext cx="{length}" cy="0"/>'
        f'</a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="{w}"><a:solidFill>'
        f'<a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
        for k, w in enumerate(widths))
    return (f'<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
            f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="page"><wp:posOffset>756000</wp:posOffset></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>{y_emu}</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{length}" cy="36000"/><wp:wrapNone/><wp:docPr id="{y_emu % 97 + 3}" name="组合"/>'
            f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">'
            f'<wpg:wgp xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:cNvGrpSpPr/>'
            f'<wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{length}" cy="36000"/><a:chOff x="0" y="0"/>'
            f'<a:chExt cx="{length}" cy="36000"/></a:xfrm></wpg:grpSpPr>{lines}</wpg:wgp></a:graphicData>'
            f'</a:graphic></wp:anchor></w:drawing></w:r>')


def _letter(path, flag_rpr: str, groups: str):
    body = (f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>{flag_rpr}<w:sz w:val="52"/></w:rPr>'
            f'<w:t>新乐市人民政府</w:t></w:r>{groups}</w:p>'
            '<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>新政函〔2024〕5号</w:t></w:r></w:p><w:p/>'
            '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="44"/></w:rPr>'
            '<w:t>新乐市人民政府关于2024年度法治政府建设情况报告</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>新乐市人大常委会：</w:t></w:r></w:p><w:p><w:r><w:t>现将情况报告如下。</w:t></w:r></w:p>' + SECT)
    return build_docx(path, body)


def test_grouped_red_double_lines(tmp_path):
    red = '<w:rFonts w:eastAsia="方正小标宋简体"/><w:color w:val="FF0000"/>'
    good = _group(1548000, (19050, 6350)) + _group(9936000, (6350, 19050))
    lay = inspect_file(_letter(tmp_path / "g.docx", red, good), content=False).layout
    assert lay.letter == "函" and [p.text for p in lay.flag] == ["新乐市人民政府"]
    assert [(round(s.y_mm, 1), round(s.cx_mm), s.width_pt) for s in lay.red_lines] == [
        (43.0, 170, 1.5), (44.0, 170, 0.5), (276.0, 170, 0.5), (277.0, 170, 1.5)]
    res = inspect_file(_letter(tmp_path / "g2.docx", red, good), content=False)
    assert not ({"GB401", "GB402", "GB405", "GB406", "GB407", "GB408", "GB409"} & codes(res))
    swapped = _group(1548000, (6350, 19050), length=5616000) + _group(9936000, (6350, 19050), length=5616000)
    res = inspect_file(_letter(tmp_path / "g3.docx", red, swapped), content=False)
    assert [f.found for f in by_code(res, "GB408")] == ["上 0.5 磅、下 1.5 磅"]
    assert {f.found for f in by_code(res, "GB407")} == {"156.0 mm"}


def test_black_flag_paragraph_is_still_the_flag(tmp_path):
    res = inspect_file(_letter(tmp_path / "b.docx", '<w:rFonts w:eastAsia="黑体"/>', ""), content=False)
    lay = res.layout
    assert [p.text for p in lay.flag] == ["新乐市人民政府"] and lay.title[0].text.startswith("新乐市人民政府关于")
    assert by_code(res, "GB401")[0].found == "黑色（自动）"
    assert by_code(res, "GB402")[0].found == "黑体"
    assert "GB405" in codes(res)


def test_pdf_measure_without_pdfplumber_says_what_to_install(rendered_pdf):
    """FZ062: --pdf on a machine where pdfplumber is not installed (drafter installed without its
    pdf extra): a Chinese message naming what to install, exit 1, no traceback."""
    import subprocess
    import sys

    code = ("import sys; sys.modules['pdfplumber'] = None\n"
            "from drafter.diagnostics import DrafterError\nfrom drafter.measure import measure\n"
            f"try:\n    measure({str(rendered_pdf['yufa-2023'])!r})\n"
            "except DrafterError as e:\n    print(e.diagnostic.code, e.diagnostic.message)\n    sys.exit(1)\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 1 and p.stdout.startswith("FZ062 ") and "pdfplumber" in p.stdout, p
    assert "Traceback" not in p.stderr
