"""The document a 公文 issues (印发文件): a 令's 规章, the 办法 an 印发 notice issues.

It follows the 成文日期 on a page of its own, without an 附件 label (被印发的文件不是附件).  The reader
knows where a Word file starts a page (a page break, 段前分页, a section on a new page); the anatomy
cuts those pages from the text so that the date and 署名 above them are read as the tail; import
writes them to ``印发文件``; render sets them on a new page with the title on the 版心's first line
and no 附件 label or 附件说明; inspect does not judge them as the notice's body.
"""
from __future__ import annotations

import docx
import pdfplumber
import pytest
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK

from conftest import DATA, run_cli, soffice_or_skip
from drafter import gbt9704 as G
from drafter.reader import load

MM = G.MM_PER_PT
NOTICE = DATA / "corpus" / "wps-notice-issuing-measures.docx"

YAML = """\
报告类型: 通用公文
发文机关: 青原市人民政府办公室
年度: 2025
版头: 文件
发文字号: 青政办发〔2025〕4号
标题: 青原市人民政府办公室关于印发《青原市行政执法公示办法》的通知
主送机关:
  - 各县（区）人民政府，市政府各部门
导语: |
  《青原市行政执法公示办法》已经市人民政府同意，现印发给你们，请认真贯彻执行。
正文: []
结束语: 无
成文日期: 2025年2月10日
印章: 是
附注: （此件公开发布）
印发文件:
  标题: 青原市行政执法公示办法
  内容:
    - 标题: 总则
      内容:
        - 为了规范行政执法公示工作，保障公民、法人和其他组织的知情权，根据有关法律法规，结合本市实际，制定本办法。
    - 标题: 公示内容
      内容:
        - 行政执法机关应当在其网站公示执法主体、人员、职责、权限、依据、程序、救济渠道和随机抽查事项清单。
抄送: [市委办公室，市人大常委会办公室，市政协办公室]
印发机关: 青原市人民政府办公室
印发日期: 2025年2月10日
"""


def test_the_reader_knows_where_a_word_file_starts_a_page(tmp_path):
    """Breaks as Word and WPS write them: 段前分页 (direct and by style), Ctrl+Enter before a
    paragraph's text, in a paragraph of its own and after a paragraph's text, a section that starts
    on a new page; a continuous section and a line break start none."""
    d = docx.Document()
    d.add_paragraph("甲")
    d.add_paragraph("乙").paragraph_format.page_break_before = True
    p = d.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("丙")
    d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)       # Ctrl+Enter: a paragraph of its own
    d.add_paragraph("丁")
    q = d.add_paragraph("戊")
    q.add_run().add_break(WD_BREAK.PAGE)                       # after the text
    d.add_paragraph("己")
    d.add_paragraph("庚").add_run().add_break(WD_BREAK.LINE)
    d.add_paragraph("辛")
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("壬")
    d.add_section(WD_SECTION.CONTINUOUS)
    d.add_paragraph("癸")
    d.styles["Heading 1"].paragraph_format.page_break_before = True
    d.add_paragraph("子", style="Heading 1")
    path = tmp_path / "breaks.docx"
    d.save(path)
    starts = {p.text.strip(): p.starts_page for p in load(path, "breaks.docx").paragraphs if p.text.strip()}
    assert starts == {"甲": False, "乙": True, "丙": True, "丁": True, "戊": False, "己": True, "庚": False,
                      "辛": False, "壬": True, "癸": False, "子": True}


def test_an_issuing_notice_from_wps_is_read_with_its_tail_and_the_document_it_issues(tmp_path):
    r = run_cli("inspect", NOTICE)
    assert r.code == 0, r
    for code in ("GB202", "GB203", "GB512", "GB513", "FZ405"):
        assert code not in r.out, (code, r)
    r = run_cli("import", NOTICE, "-o", tmp_path / "n.yaml")
    assert r.code == 0, r
    assert "印发文件：青原市行政执法公示办法" in r.out and "署名：青原市人民政府办公室" in r.out, r
    assert "没有“附件”标注，已导入“印发文件”" in r.out, r
    text = (tmp_path / "n.yaml").read_text(encoding="utf-8")
    assert "\n印发文件:\n  标题: 青原市行政执法公示办法\n" in text and "\n附件:" not in text, text
    assert "第一条　为了规范行政执法公示工作" in text


def test_format_keeps_the_issued_document_on_a_page_of_its_own_without_a_label(tmp_path):
    out = tmp_path / "out.docx"
    r = run_cli("format", NOTICE, "-o", out)
    assert r.code == 0, r
    assert "是随文印发、公布的文件" in r.err + r.out, r
    paras = docx.Document(str(out)).paragraphs
    texts = [p.text for p in paras if p.text.strip()]
    assert not any(t.startswith("附件") for t in texts), texts
    title = next(p for p in paras if p.text == "青原市行政执法公示办法")
    assert title.paragraph_format.page_break_before
    assert texts.index("青原市行政执法公示办法") > texts.index("2025年2月10日")
    assert texts[texts.index("青原市行政执法公示办法") + 1] == "第一章　总则"
    r = run_cli("inspect", out)
    assert " 错误 " not in r.out, r


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    soffice_or_skip()
    folder = tmp_path_factory.mktemp("issued")
    (folder / "印发.yaml").write_text(YAML, encoding="utf-8")
    r = run_cli("render", "印发.yaml", "--pdf", cwd=folder)
    assert r.code == 0, r
    return folder


def test_render_sets_it_on_a_new_page_titled_on_the_first_line(issued):
    with pdfplumber.open(str(issued / "印发.pdf")) as pdf:
        pages = [[c for c in p.chars if c["text"].strip()] for p in pdf.pages]
    assert len(pages) == 2
    text = ["".join(c["text"] for c in cs) for cs in pages]
    assert "附件" not in "".join(text)                             # no label, no 附件说明
    assert "2025年2月10日（此件公开发布）" in text[0] and "总则" not in text[0]     # the notice ends page 1
    top = min(c["top"] for c in pages[1]) * MM
    first = [c for c in pages[1] if abs(c["top"] * MM - top) < 1]
    assert "".join(c["text"] for c in sorted(first, key=lambda c: c["x0"])) == "青原市行政执法公示办法"
    assert G.twips_to_mm(G.MARGIN_TOP) <= top <= G.twips_to_mm(G.MARGIN_TOP) + 4.5, top       # 版心's first line
    assert all(abs(c["size"] - G.SIZE_2HAO) < 0.3 for c in first)
    mid = (first[0]["x0"] + first[-1]["x1"]) / 2 * MM
    assert abs(mid - (G.MARGIN_LEFT_MM + G.TYPE_AREA_WIDTH_MM / 2)) <= 1.0, mid                  # centred
    assert "抄送：" in text[1]                                       # the 版记 on the last page
    foot = "".join(c["text"] for c in sorted(pages[1], key=lambda c: c["x0"]) if c["top"] * MM > 265)
    assert foot == "—2—", foot                                         # numbered as the other pages


def test_what_render_wrote_inspects_clean_and_imports_back(issued, tmp_path):
    r = run_cli("inspect", issued / "印发.docx")
    assert r.code == 0 and "没有发现不符合" in r.out, r
    r = run_cli("import", issued / "印发.docx", "-o", tmp_path / "back.yaml")
    assert r.code == 0, r
    r = run_cli("render", tmp_path / "back.yaml", "-o", tmp_path / "back.docx")
    assert r.code == 0, r
    a = [p.text for p in docx.Document(str(issued / "印发.docx")).paragraphs]
    b = [p.text for p in docx.Document(str(tmp_path / "back.docx")).paragraphs]
    assert a == b


def test_check_names_a_place_in_it(tmp_path):
    (tmp_path / "x.yaml").write_text(YAML.replace("保障公民、法人", "保障公民,法人"), encoding="utf-8")
    r = run_cli("check", "x.yaml", cwd=tmp_path)
    assert "FZ401 〔印发文件 › 第一项 › 第1段〕" in r.out, r
