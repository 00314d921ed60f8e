"""drafter inspect: zero errors on what drafter renders; the expected finding on each deliberate fault."""
from __future__ import annotations

import json

import docx
import pytest
from docx.shared import Mm
from lxml import etree

from conftest import run_cli
from drafter.inspect import inspect_file
from inspect_helpers import NS, by_code, codes, declared_omissions, edit_parts, errors, paragraph_with, q, set_fonts, style


def _result(path, **kw):
    return inspect_file(path, **kw)


# --- acceptance: every rendered example, every 版头 kind ------------------------------------------
@pytest.mark.parametrize("stem", ["xinle-2024-han", "short-complete", "yufa-2023", "daxing-2023", "qingshi-2024-joint"])
def test_rendered_examples_have_zero_errors(rendered, stem):
    """Zero errors — but a part the YAML declares omitted (省略部分, e.g. 新乐市's 三 and 五) is missing
    from the Word file, and inspect says so (FZ101), as a reviewer would."""
    from conftest import example

    res = _result(rendered[stem])
    assert errors(res, declared_omissions(example(stem))) == []
    # …and not because nothing was recognised: the reader found the parts a reviewer looks at
    lay = res.layout
    assert lay.title and "法治政府建设" in "".join(p.text for p in lay.title)
    assert len(lay.headings) >= 5
    assert {m.level for _, m in lay.headings} >= {1, 2}
    assert all(m.ok for _, m in lay.headings)


def test_renders_that_fuzzing_found_misread_have_zero_findings(tmp_path):
    """A 函 whose 发文字号 shares its line with the 密级 (after a tab), and a 附件 name long enough to
    wrap over three lines, were read as the general format and as body text."""
    from drafter.loader import load_text
    from drafter.render import docx_bytes

    from conftest import example

    text = example("xinle-2024-han").read_text(encoding="utf-8")
    cases = {
        "han-miji": text.replace("发文字号: 新政函〔2024〕5号", "发文字号: 新政〔2024〕5号\n密级: 秘密"),
        "long-attachment": text.replace("成文日期:", "附件:\n  - 新乐市2024年度重大行政决策事项目录\n  - "
                                        + "新乐市2024年度行政执法案件统计表及重大行政执法决定法制审核情况一览表" * 2
                                        + "\n成文日期:", 1),
    }
    for name, t in cases.items():
        loaded = load_text(t, f"{name}.yaml")
        assert loaded.report is not None, [d.format() for d in loaded.diagnostics]
        path = tmp_path / f"{name}.docx"
        path.write_bytes(docx_bytes(loaded.report))
        res = _result(path)
        gb = [f.code for f in res.findings if f.code.startswith("GB")]      # (FZ: the example's own text)
        assert errors(res, loaded.report.omitted_parts) == [] and gb == [], (name, gb)
        assert res.layout.letter == "函"
    assert len(_result(tmp_path / "long-attachment.docx").layout.attach_note) == 2      # both items


def test_an_upward_file_whose_flag_lacks_wenjian_stays_the_general_format(rendered, tmp_path):
    """Review: "青政〔2025〕3号<tab>签发人：王明" has a tab too, but the number comes first: not a 函."""
    out = edit_parts(rendered["short-complete"], tmp_path / "flag.docx",
                     {"word/document.xml": ("青山县人民政府文件", "青山县人民政府")})
    res = _result(out)
    assert res.layout.letter == "文件" and errors(res) == [], [f.code for f in res.findings]


def test_letter_format_is_recognised(rendered):
    res = _result(rendered["xinle-2024-han"])
    lay = res.layout
    assert lay.letter == "函"
    assert [p.text for p in lay.flag] == ["新乐市人民政府"]
    assert lay.doc_number[1].text == "新政函〔2024〕5号"
    assert len(lay.red_lines) == 4
    assert lay.addressee.text == "新乐市人大常委会："
    assert [p.text for p in lay.signature] == ["新乐市人民政府"] and lay.date.text == "2024年12月20日"
    assert lay.closing.text == "特此报告。"
    assert res.document.sections[0].title_pg and res.document.even_odd


def test_file_format_is_recognised(rendered):
    lay = _result(rendered["short-complete"]).layout
    assert lay.letter == "文件"
    assert [p.text for p in lay.flag] == ["青山县人民政府文件"]
    assert lay.doc_number[1].text == "青政〔2025〕3号" and lay.signer is not None
    assert len(lay.red_lines) == 1
    assert [p.text for p in lay.attach_note] == ["附件：1.青山县2024年度重大行政决策事项目录", "2.青山县2024年度行政执法统计表"]
    assert [p.text for p in lay.notes] == ["（此件公开发布）"]
    assert [p.text.split("\t")[0] for p in lay.colophon] == ["抄送：青原市司法局，县委依法治县办。", "青山县人民政府办公室"]
    assert {m.level for _, m in lay.headings} == {1, 2, 3, 4}


def test_plain_format_is_recognised(rendered):
    for stem in ("yufa-2023", "daxing-2023"):
        res = _result(rendered[stem])
        assert res.layout.letter is None and not res.layout.zone
        # web copies carry no date: a hint, not an error
        assert [f.severity for f in by_code(res, "GB512")] == ["info"]


def test_cli_clean_exit_zero_and_json(rendered):
    r = run_cli("inspect", rendered["short-complete"])
    assert r.code == 0, r
    assert "没有发现不符合 GB/T 9704 的问题" in r.out
    r = run_cli("inspect", "--format", "json", rendered["yufa-2023"])
    assert r.code == 0, r
    data = json.loads(r.out)
    assert data and all(d["severity"] != "error" for d in data)
    assert {"code", "severity", "message", "where", "paragraph", "excerpt", "expected", "found"} <= set(data[0])


# --- deliberately broken files ----------------------------------------------------------------------
def test_wrong_margins(rendered, tmp_path):
    d = docx.Document(str(rendered["yufa-2023"]))
    s = d.sections[0]
    s.top_margin, s.left_margin = Mm(25.4), Mm(31.7)
    out = tmp_path / "margins.docx"
    d.save(str(out))
    res = _result(out)
    (top,) = by_code(res, "GB103")
    assert (top.expected, top.found) == ("37 mm ± 1 mm", "25.4 mm")
    (left,) = by_code(res, "GB104")
    assert left.found == "31.7 mm"
    assert by_code(res, "GB105")[0].found.startswith("152.3 mm")      # the 版心 narrows with the left margin
    assert by_code(res, "GB106")[0].found.startswith("236.6 mm")


def test_margin_within_tolerance_passes(rendered, tmp_path):
    d = docx.Document(str(rendered["yufa-2023"]))
    s = d.sections[0]
    s.top_margin = Mm(37.8)          # +0.8 mm: inside ±1 mm; the 版心 is 0.8 mm lower, still inside ±1 mm
    out = tmp_path / "ok.docx"
    d.save(str(out))
    assert not ({"GB103", "GB106"} & codes(_result(out)))


def _strip_run_fonts(root):
    """Runs without their own fonts, as Word writes them when the style decides."""
    for r in root.iter(q("r")):
        rpr = r.find("w:rPr", NS)
        if rpr is not None and rpr.find("w:rFonts", NS) is not None:
            rpr.remove(rpr.find("w:rFonts", NS))


def _add_word_theme(path):
    """Put python-docx's (= Word's) default theme1.xml into the package, as Word files carry it."""
    import zipfile

    from docx.api import _default_docx_path

    from inspect_helpers import read_parts, write_parts

    with zipfile.ZipFile(_default_docx_path()) as z:
        theme = z.read("word/theme/theme1.xml")
    parts = read_parts(path)
    parts["word/theme/theme1.xml"] = theme
    rel = ('<Relationship Id="rIdTheme" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/theme" Target="theme/theme1.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", rel.encode())
    ct = ('<Override PartName="/word/theme/theme1.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>')
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(b"</Types>", ct.encode())
    write_parts(parts, path)


def test_theme_fonts(rendered, tmp_path):
    def themed(root):
        rpr = style(root, "Normal").find("w:rPr", NS)
        set_fonts(rpr, asciiTheme="minorHAnsi", hAnsiTheme="minorHAnsi", eastAsiaTheme="minorEastAsia")
    out = edit_parts(rendered["yufa-2023"], tmp_path / "theme.docx",
                     {"word/styles.xml": themed, "word/document.xml": _strip_run_fonts})
    _add_word_theme(out)          # drafter writes no theme part; Word's default one
    res = _result(out)
    theme = by_code(res, "GB201")
    assert theme and all(f.severity == "warning" for f in theme)
    ea = [f for f in theme if "minorEastAsia" in f.found]
    # resolved through word/theme/theme1.xml: the Hans font of the minor scheme
    assert ea[0].found == "minorEastAsia → 宋体" and "样式“正文”" in ea[0].message
    body = by_code(res, "GB202")
    assert body and body[0].found == "宋体（主题字体 minorEastAsia）"


def test_heiti_at_level_two(rendered, tmp_path):
    def hei(root):
        p = paragraph_with(root, "（二）健全依法行政制度体系")
        for r in p.findall("w:r", NS):
            set_fonts(r.find("w:rPr", NS), ascii="黑体", hAnsi="黑体", eastAsia="黑体")
    out = edit_parts(rendered["daxing-2023"], tmp_path / "hei.docx", {"word/document.xml": hei})
    res = _result(out)
    (f,) = by_code(res, "GB302")
    assert f.excerpt.startswith("（二）健全依法行政") and f.found == "黑体" and f.expected.startswith("楷体")
    assert f.paragraph == 7


def test_level_two_style_in_heiti(rendered, tmp_path):
    """The font comes from the style chain: GWHeading2 → Normal; changing the style changes every heading."""
    def hei(root):
        set_fonts(style(root, "GWHeading2").find("w:rPr", NS), eastAsia="黑体")
    out = edit_parts(rendered["daxing-2023"], tmp_path / "hei2.docx",
                     {"word/styles.xml": hei, "word/document.xml": _strip_run_fonts})
    res = _result(out)
    assert errors(res, ["五"]) == [e for e in errors(res, ["五"]) if e.startswith("GB302")]
    (f,) = by_code(res, "GB302")
    assert len(f.paragraphs) == 11 and f.found == "黑体"


@pytest.mark.parametrize("dash,shown", [("-", "- 1 -"), ("－", "－ 1 －")])
def test_hyphen_page_numbers(rendered, tmp_path, dash, shown):
    edits = {part: ("— ", f"{dash} ") for part in ("word/footer1.xml", "word/footer2.xml")}
    out = edit_parts(rendered["yufa-2023"], tmp_path / "pn.docx", edits)
    parts = {"word/footer1.xml": (" —", f" {dash}"), "word/footer2.xml": (" —", f" {dash}")}
    out = edit_parts(out, tmp_path / "pn2.docx", parts)
    res = _result(out)
    found = by_code(res, "GB602")       # the same fault in both footers: one finding naming both
    assert [(f.place, f.found, f.expected) for f in found] == [("页脚（单页）、页脚（双页）", shown, "— 1 —")]


def test_page_number_without_spaces_or_field(rendered, tmp_path):
    # "-1-" typed as plain text: not a field at all
    def static(root):
        p = root.find("w:p", NS)
        for r in p.findall("w:r", NS)[1:]:
            p.remove(r)
        p.find("w:r/w:t", NS).text = "-1-"
    out = edit_parts(rendered["yufa-2023"], tmp_path / "static.docx", {"word/footer1.xml": static})
    res = _result(out)
    (f,) = by_code(res, "GB603")
    assert f.found == "-1-"
    # the typed number's form is judged at once too, not only after it became a field (QA)
    assert [g.found for g in by_code(res, "GB602")] == ["-1-"]


def test_doc_number_with_square_brackets(rendered, tmp_path):
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "dn.docx",
                     {"word/document.xml": ("新政函〔2024〕5号", "新政函[2024]5号")})
    (f,) = by_code(_result(out), "GB403")
    assert (f.expected, f.found, f.paragraph) == ("新政函〔2024〕5号", "新政函[2024]5号", 2)


def test_doc_number_other_faults(rendered, tmp_path):
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "dn.docx",
                     {"word/document.xml": ("新政函〔2024〕5号", "新政函〔24〕第05号")})
    (f,) = by_code(_result(out), "GB404")
    assert f.expected == "新政函〔2024〕5号" and "第" in f.message and "虚位" in f.message


def test_skipped_number(rendered, tmp_path):
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "skip.docx",
                     {"word/document.xml": ("（二）切实履行", "（三）切实履行")})
    res = _result(out)
    (f,) = by_code(res, "GB306")
    assert (f.expected, f.found) == ("（二）", "（三）") and f.excerpt.startswith("（三）切实履行")
    assert "缺少 （二）" in f.message
    assert errors(res, ["三", "五"]) == [f"GB306 {f.location} {f.message} （二）|（三）"]


def test_repeated_number(rendered, tmp_path):
    out = edit_parts(rendered["daxing-2023"], tmp_path / "rep.docx",
                     {"word/document.xml": ("（三）加强行政执法", "（二）加强行政执法")})
    (f,) = by_code(_result(out), "GB307")
    assert "重复" in f.message and f.found == "（二）"


def test_wrong_bracket_widths(rendered, tmp_path):
    out = edit_parts(rendered["daxing-2023"], tmp_path / "br.docx",
                     {"word/document.xml": ("（一）深入推进政府职能", "(一)深入推进政府职能")})
    out = edit_parts(out, tmp_path / "br2.docx", {"word/document.xml": ("二、2023年度推进", "二.2023年度推进")})
    res = _result(out)
    found = {(f.expected, f.found) for f in by_code(res, "GB305")}
    assert found == {("（一）", "(一)"), ("二、", "二.")}
    assert "GB306" not in codes(res) and "GB307" not in codes(res)     # still read as the right numbers
    out = edit_parts(rendered["short-complete"], tmp_path / "br3.docx",
                     {"word/document.xml": ("1.开展案卷评查", "1、开展案卷评查")})
    out = edit_parts(out, tmp_path / "br4.docx", {"word/document.xml": ("（1）建立免罚清单", "(1)建立免罚清单")})
    res = _result(out)
    found = {(f.expected, f.found) for f in by_code(res, "GB305")}
    assert found == {("1.", "1、"), ("（1）", "(1)")}


def test_date_with_leading_zeros(rendered, tmp_path):
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "date.docx",
                     {"word/document.xml": ("2024年12月20日", "2024年01月05日")})
    (f,) = by_code(_result(out), "GB503")
    assert (f.expected, f.found) == ("2024年1月5日", "2024年01月05日")


def test_date_in_chinese_numerals(rendered, tmp_path):
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "date.docx",
                     {"word/document.xml": ("2024年12月20日", "二〇二四年十二月二十日")})
    (f,) = by_code(_result(out), "GB503")
    assert f.expected == "2024年12月20日"


@pytest.mark.parametrize("written", ["24年12月20日", "2024年12月20号", "2024年12月20日。", "24.12.20"])
def test_dates_written_loosely_are_still_the_date(rendered, tmp_path, written):
    """An unusual date is still the date line: GB503 says how to write it; the 署名 and the date are
    not taken for body paragraphs (no GB310/GB311 on them) and GB512 does not claim there is none."""
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "date.docx",
                     {"word/document.xml": ("2024年12月20日", written)})
    res = _result(out)
    (f,) = by_code(res, "GB503")
    assert (f.expected, f.found) == ("2024年12月20日", written)
    assert not {"GB310", "GB311", "GB512"} & set(codes(res)), codes(res)


def test_addressee_colon(rendered, tmp_path):
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "colon.docx",
                     {"word/document.xml": ("新乐市人大常委会：", "新乐市人大常委会:")})
    (f,) = by_code(_result(out), "GB501")
    assert f.found == "半角冒号“:”" and f.expected == "新乐市人大常委会："
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "nocolon.docx",
                     {"word/document.xml": ("新乐市人大常委会：", "新乐市人大常委会")})
    (f,) = by_code(_result(out), "GB501")
    assert "没有冒号" in f.found


def test_29_point_spacing_gives_21_lines(rendered, tmp_path):
    out = edit_parts(rendered["yufa-2023"], tmp_path / "29.docx",
                     {"word/styles.xml": ('w:line="579"', 'w:line="580"')})
    res = _result(out)
    f = by_code(res, "GB110")[0]
    assert f.found == "固定值 29 磅，在标准版心中每面 21 行" and len(f.paragraphs) > 20


def test_no_character_spacing_gives_27_characters(rendered, tmp_path):
    out = edit_parts(rendered["yufa-2023"], tmp_path / "27.docx",
                     {"word/styles.xml": ('<w:spacing w:val="-6"/>', '')})
    (f,) = by_code(_result(out), "GB113")
    assert f.found == "16 磅（3号）、字符间距 +0 磅，在标准版心中每行 27 字"


@pytest.mark.parametrize("spacing,chars", [(-5, 28), (-6, 28), (-15, 28), (-4, 27), (-16, 29)])
def test_character_spacing_range(rendered, tmp_path, spacing, chars):
    """Spec §1: run spacing −5 … −15 twentieths of a point gives 28 characters a line."""
    out = edit_parts(rendered["yufa-2023"], tmp_path / "sp.docx",
                     {"word/styles.xml": ('<w:spacing w:val="-6"/>', f'<w:spacing w:val="{spacing}"/>')})
    found = by_code(_result(out), "GB113")
    assert [f.found.rsplit("，", 1)[1] for f in found] == ([] if chars == 28 else [f"在标准版心中每行 {chars} 字"])


def test_word_char_grid_is_a_warning(rendered, tmp_path):
    """Word's own 28-character grid (spec G1) counts as 28, with a LibreOffice warning."""
    grid = '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-848"/>'
    out = edit_parts(rendered["yufa-2023"], tmp_path / "grid.docx",
                     {"word/document.xml": ('<w:docGrid w:type="lines" w:linePitch="579"/>', grid),
                      "word/styles.xml": ('<w:spacing w:val="-6"/>', '')})
    res = _result(out)
    assert "GB113" not in codes(res)
    (f,) = by_code(res, "GB114")
    assert f.severity == "warning" and "Word 每行 28 字" in f.found


def test_single_spacing_on_the_grid_is_a_warning(rendered, tmp_path):
    out = edit_parts(rendered["yufa-2023"], tmp_path / "single.docx",
                     {"word/styles.xml": ('w:line="579" w:lineRule="exact"', 'w:line="240" w:lineRule="auto"')})
    res = _result(out)
    assert "GB110" not in codes(res)
    assert by_code(res, "GB111")[0].severity == "warning"


def test_no_odd_even_footers(rendered, tmp_path):
    out = edit_parts(rendered["yufa-2023"], tmp_path / "oe.docx",
                     {"word/settings.xml": ("<w:evenAndOddHeaders/>", "")})
    (f,) = by_code(_result(out), "GB606")
    assert f.severity == "error"


def test_footer_alignment_swapped(rendered, tmp_path):
    out = edit_parts(rendered["yufa-2023"], tmp_path / "sw.docx",
                     {"word/footer1.xml": ('<w:jc w:val="right"/>', '<w:jc w:val="center"/>')})
    (f,) = by_code(_result(out), "GB607")
    assert f.place == "页脚（单页）" and f.found == "居中"


def test_letter_page_one_numbered(rendered, tmp_path):
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "p1.docx",
                     {"word/document.xml": ("<w:titlePg/>", "")})
    assert "GB609" in codes(_result(out))


def _with_header(src, dst, text: str, border: bool):
    d = docx.Document(str(src))
    hdr = d.sections[0].header
    hdr.is_linked_to_previous = False
    p = hdr.paragraphs[0]
    p.text = text
    if border:          # what Word's 页眉 style draws under every header
        bdr = etree.SubElement(p._p.get_or_add_pPr(), q("pBdr"))
        etree.SubElement(bdr, q("bottom"), {q("val"): "single", q("sz"): "6", q("space"): "1",
                                            q("color"): "auto"})
    d.save(str(dst))
    return dst


def test_header_text_and_header_line(rendered, tmp_path):
    res = _result(_with_header(rendered["yufa-2023"], tmp_path / "hdr.docx", "榆垡镇人民政府文件", border=False))
    (f,) = by_code(res, "GB612")
    assert f.severity == "error" and f.place == "页眉" and f.found == "榆垡镇人民政府文件"
    assert "GB613" not in codes(res)
    res = _result(_with_header(rendered["yufa-2023"], tmp_path / "line.docx", "", border=True))
    (f,) = by_code(res, "GB613")
    assert f.severity == "error" and f.found == "下框线（single）"
    assert "GB612" not in codes(res)
    assert not {"GB612", "GB613"} & codes(_result(rendered["yufa-2023"]))


def test_flag_not_red(rendered, tmp_path):
    out = edit_parts(rendered["short-complete"], tmp_path / "black.docx",
                     {"word/document.xml": ('<w:color w:val="FF0000"/><w:spacing w:val="0"/><w:sz w:val="72"/>',
                                            '<w:spacing w:val="0"/><w:sz w:val="72"/>')})
    (f,) = by_code(_result(out), "GB401")
    assert f.place.startswith("文本框“青山县人民政府文件”") and f.found == "黑色（自动）"


def test_red_lines_removed(rendered, tmp_path):
    def drop_lines(root):
        for anchor in root.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"):
            if anchor.find(".//{http://schemas.microsoft.com/office/word/2010/wordprocessingShape}cNvCnPr") is not None:
                r = anchor.getparent().getparent()
                r.getparent().remove(r)
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "nolines.docx", {"word/document.xml": drop_lines})
    assert "GB405" in codes(_result(out))


def test_title_font_size_and_alignment(rendered, tmp_path):
    def plain_title(root):
        st = style(root, "GWTitle")
        set_fonts(st.find("w:rPr", NS), eastAsia="宋体")
        st.find("w:rPr/w:sz", NS).set(q("val"), "36")
        jc = st.find("w:pPr/w:jc", NS)
        jc.getparent().remove(jc)

    def run_fonts(root):     # the title runs carry their own rFonts: drop them so the style decides
        p = paragraph_with(root, "关于2024年度法治政府建设情况报告")
        for r in p.findall("w:r", NS):
            rpr = r.find("w:rPr", NS)
            rpr.remove(rpr.find("w:rFonts", NS))
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "title.docx",
                     {"word/styles.xml": plain_title, "word/document.xml": run_fonts})
    res = _result(out)
    assert by_code(res, "GB204")[0].found == "宋体"
    assert by_code(res, "GB205")[0].found == "18 磅（小2）"
    assert by_code(res, "GB206")[0].found == "两端对齐"


def test_body_indent_and_colour(rendered, tmp_path):
    def edit(root):
        p = paragraph_with(root, "完成大兴区国防动员体制改革")
        ppr = p.find("w:pPr", NS)
        etree.SubElement(ppr, q("ind")).set(q("firstLine"), "0")
        rpr = p.find("w:r/w:rPr", NS)
        etree.SubElement(rpr, q("color")).set(q("val"), "0000FF")
    res = _result(edit_parts(rendered["daxing-2023"], tmp_path / "ind.docx", {"word/document.xml": edit}))
    (ind,) = by_code(res, "GB310")
    assert ind.found.startswith("0 字") and ind.excerpt.startswith("完成大兴区")
    assert by_code(res, "GB208")[0].found == "#0000FF"


def test_unsealed_signature_position(rendered, tmp_path):
    # the date pushed 3 字 further right than the name allows
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "sig.docx",
                     {"word/document.xml": ('<w:ind w:right="640"/>', '<w:ind w:right="0"/>')})
    res = _result(out)
    (f,) = by_code(res, "GB505")
    assert "日期右空 0.0 字" in f.found


def test_note_brackets(rendered, tmp_path):
    out = edit_parts(rendered["short-complete"], tmp_path / "note.docx",
                     {"word/document.xml": ("（此件公开发布）", "(此件公开发布)")})
    (f,) = by_code(_result(out), "GB506")
    assert (f.expected, f.found) == ("（此件公开发布）", "(此件公开发布)")


def test_colophon_size(rendered, tmp_path):
    def big(root):
        st = style(root, "GWColophon")
        st.find("w:rPr/w:sz", NS).set(q("val"), "32")

    def runs(root):
        for t in ("抄送：青原市司法局", "青山县人民政府办公室"):
            p = paragraph_with(root, t)
            for r in p.findall("w:r", NS):
                sz = r.find("w:rPr/w:sz", NS)
                sz.getparent().remove(sz)
    out = edit_parts(rendered["short-complete"], tmp_path / "col.docx",
                     {"word/styles.xml": big, "word/document.xml": runs})
    f = by_code(_result(out), "GB508")[0]
    assert f.found == "16 磅（3号）" and f.expected == "14 磅（4号）"


def test_print_date_with_zeros(rendered, tmp_path):
    out = edit_parts(rendered["short-complete"], tmp_path / "pd.docx",
                     {"word/document.xml": ("2025年1月20日印发", "2025年01月20日印发")})
    (f,) = by_code(_result(out), "GB503")
    assert f.place == "版记" and f.expected == "2025年1月20日印发"


def test_colophon_and_note_out_of_place(rendered, tmp_path):
    def move(root):
        intro = paragraph_with(root, "2024年，青山县坚持")
        for text in ("抄送：县司法局。", "（此件公开发布）"):
            p = etree.fromstring(etree.tostring(intro))
            for r in p.findall("w:r", NS)[1:]:
                p.remove(r)
            p.find("w:r/w:t", NS).text = text
            intro.addnext(p)
    res = _result(edit_parts(rendered["short-complete"], tmp_path / "moved.docx", {"word/document.xml": move}))
    (col,) = by_code(res, "GB510")
    assert col.excerpt == "抄送：县司法局。" and col.paragraph == 16       # intro is 14; the note went in at 15
    (note,) = [f for f in by_code(res, "GB507") if f.found == "在正文中"]
    assert note.excerpt == "（此件公开发布）" and note.paragraph == 15


def test_cli_broken_file_exit_one(rendered, tmp_path):
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "dn.docx",
                     {"word/document.xml": ("新政函〔2024〕5号", "新政函【2024】5号")})
    r = run_cli("inspect", out)
    assert r.code == 1, r
    assert "错误 GB403 〔第2段“新政函【2024】5号”〕" in r.out and "应为：新政函〔2024〕5号" in r.out
    r = run_cli("inspect", "--ignore", "GB403", "--ignore", "FZ", out)
    assert r.code == 0, r
    r = run_cli("inspect", "--format", "json", "--select", "GB4", out)
    assert [d["code"] for d in json.loads(r.out)] == ["GB403"]


def test_cli_codes_list():
    r = run_cli("inspect", "--codes")
    assert r.code == 0 and "GB403" in r.out and "GB602" in r.out


def test_doc_number_without_a_flag(rendered, tmp_path):
    """The 发文机关标志 deleted from a letter, the 发文字号 and red lines kept: GB410 (nothing was
    reported before); the rendered letter itself has no GB410."""
    src = rendered["xinle-2024-han"]
    assert "GB410" not in codes(_result(src))

    def drop_flag(root):
        boxes = [d for d in root.iter(q("drawing")) if "新乐市人民政府" in "".join(d.itertext())]
        assert boxes
        for d in boxes:
            d.getparent().remove(d)

    out = edit_parts(src, tmp_path / "noflag.docx", {"word/document.xml": drop_flag})
    (f,) = by_code(_result(out), "GB410")
    assert f.severity == "warning" and "新政函〔2024〕5号" in (f.excerpt or "")


def test_top_level_numbered_1_dun_is_advised_as_yi(rendered, tmp_path):
    """Top-level headings typed "1、" "2、" (no "一、" anywhere): the advice is "一、" "二、" and their
    黑体 is right; a real "1." under "（一）" stays a third-level heading."""
    heads = {"一、2024年度推进法治政府建设的": "1、", "二、2024年度推进法治政府建设": "2、", "三、党政": "3、党政",
             "四、2025年度推进法治政府建设的": "4、", "五、其他": "5、其他"}
    out = rendered["short-complete"]
    for k, (a, b) in enumerate(heads.items()):
        out = edit_parts(out, tmp_path / f"dun{k}.docx", {"word/document.xml": (a, b)})
    res = _result(out)
    wrong = [f for f in by_code(res, "GB305") if "一级标题" in f.message]
    assert len(wrong) == 1 and wrong[0].found.startswith("“1、”“2、”") and wrong[0].expected.startswith("“一、”“二、”")
    assert not [f for f in by_code(res, "GB303") if "1、" in (f.excerpt or "")]     # 黑体 is right for them
    assert "GB303" not in codes(res) and "GB306" not in codes(res)


@pytest.mark.parametrize("names", [
    ["中共青山县委员会", "青山县人民政府"],
    ["中共青山县委员会", "青山县人民政府", "青山县人民代表大会常务委员会"],
    ["中共青山县委员会办公室", "青山县人民代表大会常务委员会", "青山县人民政府办公室", "中国人民政治协商会议青山县委员会",
     "青山县人民检察院"],                                                     # five rows, one name each
])
def test_sealed_joint_signature_on_tab_stops(tmp_path, names):
    """drafter's sealed joint 署名 (names side by side on centre tab stops, rows a seal's height apart) is
    read as the 署名, not as tabs pushing text (GB504) or body text; moving the last name off the
    date's centre is still found (GB505)."""
    from drafter.loader import load_text
    from drafter.render import docx_bytes

    from conftest import signed_by

    text = signed_by(names)
    path = tmp_path / "joint.docx"
    path.write_bytes(docx_bytes(load_text(text, "joint.yaml").report))
    res = _result(path)
    assert res.findings == [], [f.code for f in res.findings]
    assert [n for p in res.layout.signature for n in p.text.strip("\t").split("\t")] == names

    def shift_last_stop(root):
        row = [p for p in root.iter(q("p")) if p.find(".//" + q("tabs")) is not None
               and "".join(t.text or "" for t in p.iter(q("t"))).endswith(names[-1])][-1]
        for tabs in row.iter(q("tabs")):
            tabs[-1].set(q("pos"), str(int(tabs[-1].get(q("pos"))) - 320))     # one 字 left of the date's centre

    moved = edit_parts(path, tmp_path / "moved.docx", {"word/document.xml": shift_last_stop})
    assert codes(_result(moved)) == {"GB505"}


def test_joint_signature_pushed_apart_with_spaces_is_told_to_use_tab_stops(tmp_path):
    """A clerk's sealed joint 署名 side by side, the names pushed apart with full-width spaces: GB504
    says how to place them (centre tab stops), not "right-align with a right indent"."""
    from drafter.loader import load_text
    from drafter.render import docx_bytes

    from conftest import signed_by

    names = ["中共青山县委员会", "青山县人民政府"]
    text = signed_by(names)
    path = tmp_path / "joint.docx"
    path.write_bytes(docx_bytes(load_text(text, "joint.yaml").report))

    def spaces_for_tabs(root):
        row = [p for p in root.iter(q("p")) if p.find(".//" + q("tabs")) is not None
               and "".join(t.text or "" for t in p.iter(q("t"))).endswith(names[-1])][-1]
        ppr = row.find(q("pPr"))
        for child in list(ppr):
            if child.tag == q("tabs") or child.tag.endswith("}AlternateContent"):
                ppr.remove(child)
        for tab in list(row.iter(q("tab"))):
            t = etree.SubElement(tab.getparent(), q("t"))
            t.text = "\u3000" * 4
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            tab.getparent().remove(tab)

    pushed = edit_parts(path, tmp_path / "pushed.docx", {"word/document.xml": spaces_for_tabs})
    found = by_code(_result(pushed), "GB504")
    assert len(found) == 1 and "居中制表位" in found[0].message, [f.message for f in found]


@pytest.mark.parametrize("kind, tabs", [("left", 1), ("left", 6), ("center", 2)])
def test_a_signature_pushed_by_tabs_is_still_found(rendered, tmp_path, kind, tabs):
    """Only names each on a centre (or right) stop of their own count as placed: a 署名 pushed along by
    tabs (to a left stop, to default stops, or more tabs than stops) is GB504, as before."""
    def push(root):
        sig = [p for p in root.iter(q("p")) if "".join(t.text or "" for t in p.iter(q("t"))) == "青山县人民政府"][-1]
        ppr = sig.find(q("pPr"))
        stops = etree.Element(q("tabs"))
        etree.SubElement(stops, q("tab"), {q("val"): kind, q("pos"): "5000"})
        ahead = [c for c in ppr if c.tag in (q("pStyle"), q("keepNext"), q("keepLines"))]
        ppr.insert(len(ahead), stops)                          # schema order: after pStyle, keepNext, keepLines
        run = sig.find(q("r"))
        for _ in range(tabs):
            r = etree.Element(q("r"))
            etree.SubElement(r, q("tab"))
            run.addprevious(r)

    pushed = edit_parts(rendered["short-complete"], tmp_path / "pushed.docx", {"word/document.xml": push})
    found = by_code(_result(pushed), "GB504")
    assert found and "右对齐" in found[0].message                # one organ: right-align, not tab stops


def test_a_seal_note_after_the_signature_is_not_a_joint_signature(rendered, tmp_path):
    """"青山县人民政府　　（印章）" is one organ and a note where the seal goes, not joint names side by
    side: no advice to set a tab stop per organ (it was given)."""
    def note(root):
        sig = [p for p in root.iter(q("p")) if "".join(t.text or "" for t in p.iter(q("t"))) == "青山县人民政府"][-1]
        t = list(sig.iter(q("t")))[-1]
        t.text += "\u3000\u3000（印章）"

    edited = edit_parts(rendered["short-complete"], tmp_path / "note.docx", {"word/document.xml": note})
    res = _result(edited)
    assert any(p.text.startswith("青山县人民政府\u3000\u3000（印章）") for p in res.layout.signature)
    assert not any("制表位" in f.message for f in by_code(res, "GB504"))
