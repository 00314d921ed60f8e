"""inspect findings on defects a clerk really makes, one per code that no other test makes drafter emit:
each test takes a rendered example, breaks one thing the way Word or WPS would leave it, and
asserts the finding — and that the untouched file does not have it."""
from __future__ import annotations

from lxml import etree

from conftest import soffice_or_skip
from drafter.inspect import inspect_file
from inspect_helpers import NS, by_code, codes, edit_parts, paragraph_with, q

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def test_fourth_level_heading_in_heiti(rendered, tmp_path):
    """GB304: a 四级标题 "（1）" set in 黑体 (§7.3.3: 仿宋)."""
    out = edit_parts(rendered["short-complete"], tmp_path / "h4.docx", {"word/document.xml": (
        'w:eastAsia="仿宋_GB2312" w:cs="Times New Roman" w:hint="eastAsia"/></w:rPr><w:t>（1）建立免罚清单。',
        'w:eastAsia="黑体" w:cs="Times New Roman" w:hint="eastAsia"/></w:rPr><w:t>（1）建立免罚清单。')})
    (f,) = by_code(inspect_file(out, content=False), "GB304")
    assert f.excerpt.startswith("（1）建立免罚清单") and f.found == "黑体"
    assert "GB304" not in codes(inspect_file(rendered["short-complete"], content=False))


def _drop_red_lines(keep: int):
    """Keep ``keep`` of the 信函's four red lines (a clerk deleted the others)."""
    def edit(root):
        runs = [r for r in root.iter(q("r"))
                if any(g.get("prst") == "line" for g in r.iter("{%s}prstGeom" % A))]
        for r in runs[keep:]:
            r.getparent().remove(r)
    return edit


def test_letter_with_one_double_line_missing(rendered, tmp_path):
    """GB406: a 信函 whose lower double line was deleted (two red lines left, not four)."""
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "lines.docx", {"word/document.xml": _drop_red_lines(2)})
    res = inspect_file(out, content=False)
    assert res.format == "信函"
    (f,) = by_code(res, "GB406")
    assert f.found == "2 条红线" and "WPS" in f.message
    assert "GB406" not in codes(inspect_file(rendered["xinle-2024-han"], content=False))


def test_addressee_indented(rendered, tmp_path):
    """GB502: the 主送机关 indented 2 字 like a paragraph (§7.3.2: 顶格)."""
    def indent(root):
        p = paragraph_with(root, "新乐市人大常委会")
        etree.SubElement(p.find("w:pPr", NS), q("ind")).set(q("firstLine"), "640")
    out = edit_parts(rendered["xinle-2024-han"], tmp_path / "addr.docx", {"word/document.xml": indent})
    (f,) = by_code(inspect_file(out, content=False), "GB502")
    assert f.excerpt.startswith("新乐市人大常委会") and f.expected == "顶格"
    assert "GB502" not in codes(inspect_file(rendered["xinle-2024-han"], content=False))


def test_colophon_with_a_half_width_colon_and_no_full_stop(rendered, tmp_path):
    """GB509: "抄送:" with a half-width colon, the last name without its "。" (§7.4.2)."""
    out = edit_parts(rendered["short-complete"], tmp_path / "cc.docx", {"word/document.xml": (
        "抄送：青原市司法局，县委依法治县办。", "抄送:青原市司法局，县委依法治县办")})
    found = {(f.severity, f.expected) for f in by_code(inspect_file(out, content=False), "GB509")}
    assert found == {("error", "抄送："), ("warning", "以“。”结尾")}
    assert "GB509" not in codes(inspect_file(rendered["short-complete"], content=False))


def test_file_format_colophon_without_its_lines(rendered, tmp_path):
    """GB511: a 文件's 版记 without its separator lines (§7.4.1; only the 信函 has none)."""
    out = edit_parts(rendered["short-complete"], tmp_path / "rules.docx",
                     {"word/document.xml": ('w:val="single"', 'w:val="nil"')})
    (f,) = by_code(inspect_file(out, content=False), "GB511")
    assert f.found == "没有分隔线"
    assert "GB511" not in codes(inspect_file(rendered["short-complete"], content=False))


def test_first_page_without_a_page_number(rendered, tmp_path):
    """GB611: "首页不同" ticked in a 文件 (Word's page-number gallery does it), page 1 then has none."""
    out = edit_parts(rendered["short-complete"], tmp_path / "first.docx",
                     {"word/document.xml": ('<w:pgSz w:w="11906"', '<w:titlePg/><w:pgSz w:w="11906"')})
    (f,) = by_code(inspect_file(out, content=False), "GB611")
    assert f.found == "首页无页码"
    assert "GB611" not in codes(inspect_file(rendered["short-complete"], content=False))


def test_pdf_finds_pitch_edges_page_numbers_and_flag_out_of_place(rendered, tmp_path):
    """GB804, GB805, GB807, GB809 on LibreOffice's layout: the body in 15 pt (字距 too small), the
    right margin narrowed to 14 mm, the footer 12 mm from the page's edge, the 标志 moved 20 mm down."""
    soffice_or_skip()
    from drafter.measure import measure
    from drafter.pdf import convert

    small = edit_parts(rendered["yufa-2023"], tmp_path / "small.docx",
                       {"word/styles.xml": ('<w:sz w:val="32"/>', '<w:sz w:val="30"/>')})
    moved = edit_parts(rendered["short-complete"], tmp_path / "moved.docx", {"word/document.xml": (
        'w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1390"',
        'w:right="794" w:bottom="1984" w:left="1588" w:header="851" w:footer="680"')})
    moved = edit_parts(moved, tmp_path / "moved2.docx", {"word/document.xml": (
        "<wp:posOffset>2683440</wp:posOffset>", "<wp:posOffset>3403440</wp:posOffset>")})
    m_small, m_moved = (measure(p) for p in convert([small, moved], tmp_path / "pdf"))
    res = inspect_file(small, pdf=True, measures=m_small, content=False)
    (f,) = by_code(res, "GB804")
    assert f.found.startswith("字距 5.1") and "每行约 30 字" in f.found     # 15 pt less 0.3 pt: 5.19 mm
    res = inspect_file(moved, pdf=True, measures=m_moved, content=False)
    right = [f for f in by_code(res, "GB805") if "右边缘" in f.message]
    assert right and float(right[0].found.split()[0]) > 190
    (f,) = by_code(res, "GB807")
    assert "中线距上边" in f.found
    flag = [f for f in by_code(res, "GB809") if "标志" in f.message]
    assert flag and abs(float(flag[0].found.split()[0]) - 92) < 2
    # the same examples untouched: none of these (test_inspect_reader measures every example)
    clean = inspect_file(rendered["short-complete"], pdf=True, content=False)
    assert not {"GB804", "GB805", "GB807", "GB809"} & codes(clean)


def test_attachment_page_title_differs_from_the_attachment_note(tmp_path):
    """GB513: the 附件说明 names 附件1 one way, its page another (§7.3.4/§7.3.7: 顺序、名称一致) —
    one finding for every 附件 that differs; drafter's own render has none."""
    from conftest import ROOT, run_cli

    src = ROOT / "examples" / "with-tables" / "attachments-2024.yaml"
    first = tmp_path / "a.docx"
    assert run_cli("render", src, "-o", first).code == 0
    title = "石门县2024年度重大行政决策事项目录"
    out = edit_parts(first, tmp_path / "b.docx", {"word/document.xml": lambda root: _retitle(root, title)})
    (f,) = by_code(inspect_file(out, content=False), "GB513")
    assert f.expected == f"附件1“{title}”" and f.found == "附件页“石门县2024年度重大决策事项目录”"
    assert "GB513" not in codes(inspect_file(first, content=False))


def _retitle(root, title: str) -> None:
    """The last paragraph holding ``title`` (the 附件 page's) gets another wording."""
    ts = [t for t in root.iter(q("t")) if t.text and title in t.text]
    ts[-1].text = ts[-1].text.replace("重大行政决策", "重大决策")
