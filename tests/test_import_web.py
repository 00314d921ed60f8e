"""Issue 21: last year's report from the government website — saved web pages, PDFs, and text copied
with the site's furniture.

- round trips: every example rendered to .docx, converted to PDF by LibreOffice, imported from the
  PDF and rendered again gives the example's body text character for character (and its fields);
  the same through a saved article page written as the common site systems lay it out
  (tests/web_pages.py), in UTF-8 and in GBK;
- the web corpus (tests/data/web/, corpus.yaml): pages, copies and PDFs, each with the organ, 年度,
  成文日期 and parts the import must read;
- what PDFs and pages add to the import: page furniture, encodings, metadata as evidence.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, EXAMPLES, ROOT, chromium_or_skip, run_cli, soffice_or_skip
from drafter.compose import Composer, clean_line
from drafter.importer import import_file
from drafter.loader import load_file, load_text
from test_import_helpers import content_view, docx_body, meta_view, render, unexpected_errors
from web_pages import Article, report_paragraphs, write_page

sys.path.insert(0, str(ROOT / "tests" / "corpus"))
import build_web  # noqa: E402
from web_reports import REPORTS  # noqa: E402

WEB = DATA / "web"
CORPUS = yaml.safe_load((WEB / "corpus.yaml").read_text(encoding="utf-8"))


def _checked(r, name="x.yaml"):
    """The imported YAML has no error under drafter check but the parts it could not find."""
    from drafter.check import check_loaded

    res = check_loaded(load_text(r.yaml, name))
    assert not unexpected_errors(res.diagnostics), unexpected_errors(res.diagnostics)
    return res


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda p: p.stem)
def test_pdf_round_trip_of_every_example(ex, rendered, rendered_pdf, tmp_path):
    """.yaml -> .docx -> LibreOffice PDF -> import -> .docx: the body text is the example's, character
    for character; so are the sections and every field a PDF shows (版头, 主送, 署名, seal room, 版记)."""
    src = load_file(ex).report
    r = import_file(rendered_pdf[ex.stem], tmp_path / "back.yaml")
    assert r.source.fmt == "pdf"
    again = render(r.report, tmp_path / "again.docx")
    assert docx_body(again) == docx_body(rendered[ex.stem])
    assert content_view(r.report) == content_view(src)
    assert meta_view(r.report) == meta_view(src)
    _checked(r)


LAYOUTS = [("trs", "utf-8"), ("trs", "gbk"), ("hanweb", "gbk"), ("plain", "utf-8")]


@pytest.mark.parametrize("layout,encoding", LAYOUTS, ids=[f"{a}-{b}" for a, b in LAYOUTS])
@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda p: p.stem)
def test_saved_page_round_trip_of_every_example(ex, layout, encoding, rendered, tmp_path):
    """The report as its site publishes it (navigation, breadcrumb, metadata block, the article as
    Word pasted it, widgets, related links, footer), saved by the browser: the import gives back the
    body text character for character, the sections, and the organ, 年度 and 成文日期."""
    src = load_file(ex).report
    title, paras, number = report_paragraphs(rendered[ex.stem])
    title = clean_line(Composer(src).title_text())              # as the site's editor typed it, on one line
    page = write_page(Article(title, paras, src.org, date=str(src.date) if src.date else None,
                              doc_number=number, site="测试县人民政府"),
                      tmp_path / f"{ex.stem}.html", layout, encoding)
    if encoding == "gbk":
        with pytest.raises(UnicodeDecodeError):
            page.read_bytes().decode("utf-8")
    r = import_file(page, tmp_path / "back.yaml")
    assert r.source.fmt == "html"
    again = render(r.report, tmp_path / "again.docx")
    assert docx_body(again) == docx_body(rendered[ex.stem])
    assert content_view(r.report) == content_view(src)
    got, want = meta_view(r.report), meta_view(src)
    for k in ("org", "year", "date", "recipients", "signatures", "title", "intro", "closing", "note"):
        assert got[k] == want[k], k
    if layout != "plain":                      # the plain page gives no 文号
        assert r.report.doc_number == src.doc_number
    text = "\n".join(ln for ln in r.yaml.splitlines() if not ln.lstrip().startswith("#"))
    for furniture in ("当前位置", "索引号", "浏览次数", "相关链接", "网站标识码", "打印本页", "首页"):
        assert furniture not in text, furniture
    _checked(r)


# ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def web_pdfs(tmp_path_factory):
    """The corpus's PDFs, made by LibreOffice and Chromium as build_web.make_pdfs makes them."""
    soffice_or_skip()
    exe = chromium_or_skip()
    return build_web.make_pdfs(tmp_path_factory.mktemp("web-pdf"), WEB, exe)


def test_corpus_files_are_what_the_builder_writes():
    files = build_web.build()
    kept = {c["file"] for c in CORPUS if "make" not in c}
    assert set(files) == kept
    for name, data in files.items():
        assert (WEB / name).read_bytes() == data, f"{name}: run python tests/corpus/build_web.py"
    assert {c["file"] for c in CORPUS if "make" in c} == set(build_web.PDFS)
    assert len(CORPUS) >= 10


@pytest.mark.parametrize("case", CORPUS, ids=[c["file"] for c in CORPUS])
def test_web_corpus(case, web_pdfs, tmp_path):
    path = web_pdfs[case["file"]] if "make" in case else WEB / case["file"]
    r = import_file(path, tmp_path / "x.yaml")
    rep = r.report
    assert (rep.org, rep.year, rep.date) == (case["org"], case["year"], case["date"])
    assert [s.parts for s in rep.sections] == case["parts"]
    assert sorted(rep.omitted_parts) == case.get("omitted", [])
    assert rep.doc_number == case.get("doc_number")
    if "header" in case:
        assert rep.header == case["header"]
    key = case["file"].split("-")[0]
    assert content_view(rep) == content_view(load_text(REPORTS[key], f"{key}.yaml").report)
    summary = "\n".join(r.summary)
    for phrase in case.get("summary", []):
        assert phrase in summary, (phrase, summary)
    comment = "\n".join(ln for ln in r.yaml.splitlines() if ln.startswith("#"))
    body = "\n".join(ln for ln in r.yaml.splitlines() if not ln.lstrip().startswith("#"))
    for phrase in case.get("comment", []):
        assert phrase in comment, phrase
    for phrase in case.get("body_lacks", []):
        assert phrase not in body, phrase
    _checked(r)


# ---------------------------------------------------------------------------------------------
def test_cli_imports_a_page_and_a_pdf(rendered_pdf, tmp_path):
    """The three ways in from the command line: a saved page and a PDF (a .docx has its own tests)."""
    page = tmp_path / "网页.html"
    shutil.copy(WEB / "dongcheng-hanweb-gbk.html", page)
    r = run_cli("import", page, "-o", tmp_path / "a.yaml")
    assert r.code == 0, r
    assert "已读取" in r.out and "（网页）" in r.out and "发文机关：东城街道办事处" in r.out
    pdf = tmp_path / "去年的报告.pdf"
    shutil.copy(rendered_pdf["short-complete"], pdf)
    before = pdf.read_bytes()
    r = run_cli("import", pdf, "-o", tmp_path / "b.yaml")
    assert r.code == 0 and "检查：0 个错误" in r.out, r
    assert "（PDF）" in r.out and "已删除页码 3 行" in r.out
    assert pdf.read_bytes() == before
    assert load_file(tmp_path / "b.yaml").report.org == "青山县人民政府"


def test_issue_example_text_copied_with_the_sites_furniture(tmp_path):
    """Issue 21's report: the breadcrumb is no title, the 发布机构 names the organ the title gives as a
    place, 成文时间 in the next year does not make the 年度, "一)" headings are headings."""
    text = (WEB / "hongshi-copied.txt").read_text(encoding="utf-8").replace(
        "[ 发布机构 ] 红石乡人民政府 [ 成文日期 ] 2025-01-08", "- 成文时间:2025-01-08\n- 发布机构:红石乡人民政府")
    src = tmp_path / "copied.txt"
    src.write_text(text, encoding="utf-8")
    r = import_file(src, tmp_path / "x.yaml")
    assert r.report.title == "红石乡2024年法治政府建设年度情况报告"        # not the breadcrumb
    assert (r.report.org, r.report.year, r.report.date) == ("红石乡人民政府", 2024, dt.date(2025, 1, 8))
    sub = r.report.sections[0].content
    assert [x.heading for x in sub] == ["纵深推进依法行政。", "严格规范公正文明执法。", "加强普法宣传教育。"]
    assert "您当前所在位置:首页>政务公开>法治政府建设报告>乡镇街道" in r.yaml.split("发文机关:")[0]


def test_metadata_is_evidence_not_authority(tmp_path):
    """The text's own 署名 and 成文日期 stand over the page's 发布机构 and 成文日期; a title naming the
    organ in full keeps it; a year comes from the title before any date."""
    page = (WEB / "hongshi-declared-gbk.html").read_text(encoding="utf-8")
    page = page.replace("<td class=\"t1\">红石乡人民政府</td>", "<td class=\"t1\">红石乡党政综合办公室</td>")
    page = page.replace("2025-01-08", "2025-03-31")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    r = import_file(tmp_path / "p.html", tmp_path / "x.yaml")
    assert (r.report.org, r.report.year, r.report.date) == ("红石乡人民政府", 2024, dt.date(2025, 1, 8))


def test_a_page_without_the_article_says_what_to_do(tmp_path):
    """A page whose report is only an attachment link, and a page cut off before its text."""
    page = tmp_path / "附件页.html"
    page.write_text("<html><head><meta charset='utf-8'><title>红石乡2024年法治政府建设年度情况报告</title></head><body>"
                    "<div class='nav'><a href='/'>首页</a></div><h1>红石乡2024年法治政府建设年度情况报告</h1>"
                    "<div id='zoom'><p>附件：<a href='/u/1.pdf'>红石乡2024年法治政府建设年度情况报告.pdf</a></p></div>"
                    "</body></html>", encoding="utf-8")
    r = run_cli("import", page, "-o", tmp_path / "x.yaml")
    assert r.code == 1 and "FZ092" in r.err and "下载这个附件" in r.err and "红石乡2024年法治政府建设年度情况报告.pdf" in r.err
    cut = tmp_path / "不完整.html"
    cut.write_bytes((WEB / "hongshi-trs.html").read_bytes()[:2500])
    r = run_cli("import", cut, "-o", tmp_path / "x.yaml")
    assert r.code == 1 and "FZ092" in r.err and "没有保存完整" in r.err
    assert not (tmp_path / "x.yaml").exists()


def test_page_encodings(tmp_path):
    """UTF-8 with a BOM, GB18030 declared as GBK, UTF-8 declared as GB2312, GBK undeclared."""
    text = (WEB / "hongshi-trs.html").read_text(encoding="utf-8")
    want = import_file(WEB / "hongshi-trs.html", tmp_path / "w.yaml").report
    cases = {"bom.html": b"\xef\xbb\xbf" + text.encode("utf-8"),
             "gbk.html": text.replace("charset=utf-8", "charset=GBK").encode("gb18030"),
             "mislabelled.html": text.replace("charset=utf-8", "charset=gb2312").encode("utf-8"),
             "undeclared.htm": text.replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
                                            "").encode("gb18030")}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        r = import_file(tmp_path / name, tmp_path / "x.yaml")
        assert r.report == want, name
    assert any("实际是 UTF-8" in x for x in import_file(tmp_path / "mislabelled.html", tmp_path / "x.yaml").summary)


def test_pdf_page_numbers_and_running_lines(rendered_pdf, web_pdfs, tmp_path):
    """"— 3 —" page numbers (drafter's own), "第 1 页 共 2 页" footers and a running header are dropped and
    listed; a browser's date/title header and address footer too; none of it reaches the report."""
    r = import_file(rendered_pdf["daxing-2023"], tmp_path / "a.yaml")
    assert [t for _, t in r.source.page_numbers] == [f"— {k} —" for k in range(1, len(r.source.page_numbers) + 1)]
    r = import_file(web_pdfs["baisha-running-header.pdf"], tmp_path / "b.yaml")
    assert [t for _, t in r.source.page_numbers] == ["第 1 页 共 2 页", "第 2 页 共 2 页"]
    assert "白沙镇人民政府" not in r.yaml.split("正文:")[1].split("署名:")[0]
    r = import_file(web_pdfs["hongshi-browser-print.pdf"], tmp_path / "c.yaml")
    body = "\n".join(ln for ln in r.yaml.splitlines() if not ln.lstrip().startswith("#"))
    assert "file://" not in body and "_红石乡人民政府" not in body


def test_pdf_letterhead_is_read_as_the_head(rendered_pdf, tmp_path):
    """The red 发文机关标志 above the red rule, the 发文字号 and 签发人 under it; joint organs stacked
    with "文件" beside them; the sealed joint 署名 on one line."""
    r = import_file(rendered_pdf["qingshi-2024-joint"], tmp_path / "q.yaml")
    rep = r.report
    assert rep.flag == ["中共安平县青石镇委员会", "安平县青石镇人民政府"] and rep.header == "文件"
    assert (rep.doc_number, rep.signers) == ("青发〔2025〕2号", ["赵建国", "孙立平"])
    assert rep.signatories == ["中共安平县青石镇委员会", "安平县青石镇人民政府"] and rep.seal is True
    assert any("红色分隔线" in x for x in r.summary)
    r = import_file(rendered_pdf["xinle-2024-han"], tmp_path / "x.yaml")
    assert r.report.header == "函" and r.report.seal is False and "信函格式" in "\n".join(r.summary)


def test_a_scanned_pdf_is_refused_with_what_to_do(tmp_path):
    """A scan: FZ093 with what to do, no YAML written."""
    from PIL import Image

    img = Image.new("L", (1240, 1754), 255)
    for y in range(200, 1500, 60):                          # lines of "text" a scanner saw
        img.paste(0, (150, y, 1090, y + 18))
    scan = tmp_path / "扫描件.pdf"
    img.save(scan, "PDF", resolution=150.0)
    r = run_cli("import", scan, "-o", tmp_path / "x.yaml")
    assert r.code == 1 and "FZ093" in r.err and "不识别图片中的文字" in r.err and "PDF 转 Word" in r.err, r
    assert not (tmp_path / "x.yaml").exists()


# ---------------------------------------------------------------------------------------------
CORPUS_DOCX = sorted((DATA / "corpus").glob("*.docx"))
# pandoc's reference document: English, its headings known only by Word's style names, which a PDF has not
NOT_FROM_PDF = {"pandoc-reference.docx"}


@pytest.fixture(scope="module")
def corpus_pdfs(tmp_path_factory):
    """The Word and WPS files of tests/data/corpus/ as LibreOffice exports them (one run)."""
    soffice_or_skip()
    from drafter.pdf import convert

    return {p.stem: p for p in convert(CORPUS_DOCX, tmp_path_factory.mktemp("corpus-pdf"))}


@pytest.fixture(scope="module")
def corpus_pages(tmp_path_factory):
    """The same files saved as web pages by LibreOffice (Word's “另存为网页” writes the same kind of page:
    <p align=…> with <font> runs, the header and footer in their own <div>s)."""
    soffice_or_skip()
    from drafter.pdf import convert

    return {p.stem: p for p in convert(CORPUS_DOCX, tmp_path_factory.mktemp("corpus-html"), fmt="html")}


def _view(rep) -> dict:
    keys = ("org", "year", "date", "doc_number", "recipients", "signatures", "title", "closing", "header", "intro")
    m, comp = meta_view(rep), Composer(rep)
    return {k: m[k] for k in keys} | {"parts": [s.parts for s in rep.sections],
                                       "headings": [comp.section_heading(s) for s in rep.sections]}


@pytest.mark.parametrize("docx", [p for p in CORPUS_DOCX if p.name not in NOT_FROM_PDF], ids=lambda p: p.stem)
def test_a_word_file_and_its_pdf_import_alike(docx, corpus_pdfs, tmp_path):
    """Files written the way Word and WPS write them (reports, letters, notices, minutes, an order, a
    briefing; mirrored margins, frame page numbers, letter-spaced numbers, compound red lines):
    imported from their PDF they give what the .docx gives — organ, 年度, 成文日期, 发文字号, 主送,
    署名, title, the sections and their headings."""
    a = _view(import_file(docx, tmp_path / "a.yaml").report)
    b = _view(import_file(corpus_pdfs[docx.stem], tmp_path / "b.yaml").report)
    # LibreOffice leaves out a full stop or comma it would hang at a line's end (Word's
    # compressPunctuation on a character grid): the 导语 is compared without them
    for v in (a, b):
        v["intro"] = [re.sub("[。，]", "", x) for x in v["intro"]]
    assert b == a


@pytest.mark.parametrize("docx", [p for p in CORPUS_DOCX if p.name not in NOT_FROM_PDF], ids=lambda p: p.stem)
def test_a_word_file_and_its_web_page_import_alike(docx, corpus_pages, tmp_path):
    """…and saved as a web page they give it too, paragraph for paragraph (a page without a site
    around it: the whole page is the article; its page-number footer is no text)."""
    a = import_file(docx, tmp_path / "a.yaml").report
    b = import_file(corpus_pages[docx.stem], tmp_path / "b.yaml").report
    assert _view(b) == _view(a)
    # LibreOffice's HTML writer wraps its source lines at spaces: a space it wrapped at between two
    # Chinese characters (a slip in a messy draft) reads as none, as CSS Text §4.1.2 has it
    def unspaced(x):
        if isinstance(x, str):
            return re.sub(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])", "", x)
        return type(x)(unspaced(y) for y in x) if isinstance(x, (tuple, list)) else x

    assert content_view(b) == unspaced(content_view(a))


# ---------------------------------------------------------------------------------------------
TABLE_EXAMPLES = sorted((EXAMPLES[0].parent / "with-tables").glob("*.yaml"))


@pytest.fixture(scope="module")
def table_examples(tmp_path_factory):
    """examples/with-tables/ rendered, and their .docx exported by LibreOffice as PDF and as web page."""
    soffice_or_skip()
    from drafter.pdf import convert

    out = tmp_path_factory.mktemp("tables")
    docs = [render(load_file(ex).report, out / f"{ex.stem}.docx") for ex in TABLE_EXAMPLES]
    pdfs = {p.stem: p for p in convert(docs, out / "pdf")}
    pages = {p.stem: p for p in convert(docs, out / "html", fmt="html")}
    return {d.stem: (d, pdfs[d.stem], pages[d.stem]) for d in docs}


def _yaml_body(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]


@pytest.mark.parametrize("ex", TABLE_EXAMPLES, ids=lambda p: p.stem)
def test_tables_and_attachments_come_back_from_pdf_and_page(ex, table_examples, tmp_path):
    """A ruled table in a PDF is read row by row, cell by cell, as the .docx's table is (a header row
    Word repeats on the next page once); attachment pages after the 成文日期 with their titles over two
    lines and a wrapped 附件说明 item too: the YAML imported from the PDF is the one imported from the
    .docx, and from the web page but for the seal a page cannot show."""
    docx, pdf, page = table_examples[ex.stem]
    want = _yaml_body(import_file(docx, tmp_path / "a.yaml").yaml)
    assert _yaml_body(import_file(pdf, tmp_path / "b.yaml").yaml) == want
    from_page = _yaml_body(import_file(page, tmp_path / "c.yaml").yaml)
    assert [ln for ln in from_page if not ln.startswith("印章:")] == [ln for ln in want if not ln.startswith("印章:")]
    assert sum(ln.strip() == "- 表格:" for ln in want) >= 2        # tables came back as tables, from all three


def test_pdf_kangxi_radicals_read_as_the_characters(tmp_path):
    """PDFs from some Word and WPS fonts map common characters to the Kangxi radicals block (“⽇” for
    日, “⼀” for 一, “⼯” for 工): copied text looks right and searches wrong.  The import reads them as
    the characters they are."""
    soffice_or_skip()
    from drafter.pdf import convert

    text = "红石乡2024年法治政府建设年度情况报告\n\n2024年以来，红石乡坚持依法行政，全年开展执法检查30次。现将有关情况报告如下：\n\n" \
           "⼀、主要举措和成效\n\n全乡⼯作⼈员依法履职，每⽉学法⼀次。\n\n红石乡人民政府\n\n2025年1⽉8⽇\n"
    src = tmp_path / "radicals.txt"
    src.write_text(text, encoding="utf-8")
    (pdf,) = convert([src], tmp_path / "pdf")
    r = import_file(pdf, tmp_path / "x.yaml")
    assert r.report.date == dt.date(2025, 1, 8)
    assert r.report.sections[0].heading == "主要举措和成效"
    assert "全乡工作人员依法履职，每月学法一次。" in r.yaml
    assert not any("\u2f00" <= ch <= "\u2fdf" for ch in r.yaml)


@pytest.mark.parametrize("first,second,level", [
    ("一)", "二)", 2), ("(一", "(二", 2), ("（一)", "（二)", 2), ("(一)", "(二)", 2),
    ("一．", "二．", 1), ("1、", "2、", 3), ("(1)", "(2)", 4)],
    ids=["lost-open", "lost-close", "mixed", "half-width", "dot", "dun", "half-width-arabic"])
def test_damaged_heading_numbers_are_read_at_their_level(first, second, level, tmp_path):
    """Numbers a site's editor damaged, in text copied from the page: each is a heading at the level
    its numbering stands for (a level between is written out by drafter), and the summary says how
    the number is written."""
    numbers = {1: ("一、", "二、"), 2: ("（一）", "（二）"), 3: ("1.", "2."), 4: ("（1）", "（2）")}
    body = ["红石乡2024年法治政府建设年度情况报告", "2024年以来，红石乡坚持依法行政。现将有关情况报告如下：",
            "一、主要举措和成效"]
    for k in range(2, level):                        # the levels above, written right
        body.append(f"{numbers[k][0]}第{k}层的标题")
    body += [f"{first}纵深推进依法行政。全年审查合同12件。", f"{second}加强普法宣传。开展普法活动20场。",
             "二、存在的不足和原因", "执法力量不足。"]
    if level == 1:
        body[2:3] = []
        body = body[:2] + [f"{first}主要举措和成效", "全年审查合同12件。", f"{second}存在的不足和原因", "执法力量不足。"]
    src = tmp_path / "copied.txt"
    src.write_text("\n".join(body) + "\n", encoding="utf-8")
    r = import_file(src, tmp_path / "x.yaml")
    secs = r.report.sections
    if level == 1:
        assert [s.heading for s in secs] == ["主要举措和成效", "存在的不足和原因"]
    else:
        node = secs[0]
        for _ in range(level - 2):                   # down through the levels written right
            node = next(x for x in node.content if hasattr(x, "heading"))
        subs = [x for x in node.content if hasattr(x, "heading")]
        assert [x.heading for x in subs][-2:] == ["纵深推进依法行政。", "加强普法宣传。"], r.yaml
    assert f"原文序号“{first}”写得不对（应为“{numbers[level][0]}”）" in "\n".join(r.summary)


def test_every_suffix_import_reads_is_known_to_the_commands_that_take_last_years_report():
    """new --from and check --previous accept what import reads (drafter.inputs keeps the list)."""
    from drafter.importer import readers as R
    from drafter.inputs import IMPORT_SUFFIXES

    assert set(IMPORT_SUFFIXES) == set(R.TEXT_SUFFIXES + R.MD_SUFFIXES + R.DOCX_SUFFIXES + R.CONVERT_SUFFIXES
                                       + R.HTML_SUFFIXES + R.PDF_SUFFIXES)


def test_next_years_report_from_last_years_web_page(tmp_path):
    """drafter new --from takes a saved page as it takes a .docx: the year moves on, the text stays."""
    page = tmp_path / "红石乡2024年报告.html"
    shutil.copy(WEB / "hongshi-trs.html", page)
    r = run_cli("new", tmp_path / "红石乡2025.yaml", "--from", page)
    assert r.code == 0, r
    rep = load_file(tmp_path / "红石乡2025.yaml").report
    assert (rep.org, rep.year) == ("红石乡人民政府", 2025)


def test_a_pdf_without_the_pdf_component_says_what_to_install(rendered_pdf, tmp_path):
    """pypdfium2 is a dependency of drafter; an installation that lost it says so in Chinese (FZ062)
    and what to run, and still imports a web page."""
    fake = tmp_path / "site"
    (fake / "pypdfium2").mkdir(parents=True)
    (fake / "pypdfium2" / "__init__.py").write_text("raise ImportError('pypdfium2 removed')\n", encoding="utf-8")
    env = {"PYTHONPATH": str(fake)}
    r = run_cli("import", rendered_pdf["short-complete"], "-o", tmp_path / "a.yaml", env=env)
    assert r.code == 1 and "FZ062" in r.err and "pip install pypdfium2" in r.err, r
    assert not (tmp_path / "a.yaml").exists()
    r = run_cli("import", WEB / "hongshi-trs.html", "-o", tmp_path / "b.yaml", env=env)
    assert r.code == 0, r


def test_an_import_that_does_not_read_back_is_an_internal_error_not_a_wrong_file(monkeypatch, tmp_path):
    """Fault injection (as tests/test_faults.py injects a full disk): should the YAML written ever
    read back as another report, the import stops with FZ091 — nothing written, the clerk told to send
    the file — rather than hand over a YAML that says something else than the original."""
    import drafter.importer as importer

    real = importer.dump
    monkeypatch.setattr(importer, "dump", lambda *a, **k: real(*a, **k).replace("年度: 2024", "年度: 2023"))
    with pytest.raises(importer.DrafterError) as e:
        import_file(WEB / "hongshi-trs.html", tmp_path / "x.yaml")
    assert e.value.diagnostic.code == "FZ091" and "请把原文件发给维护人员" in e.value.diagnostic.message
    assert not (tmp_path / "x.yaml").exists()
