"""Every fix ``drafter inspect`` gives says where the setting is in Word and in WPS (issue #17, item 6).

The reviewers and clerks who read the messages mostly use WPS 文字, some Microsoft Word.  The paths come
from one table (drafter.inspect.fixes.WHERE) through where(); these tests read the messages a clerk
reads: on the real-world-shaped corpus (tests/data/corpus) and on deliberately broken files made from
the rendered examples and written the way WPS writes them.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import docx
import pytest
from lxml import etree

from conftest import DATA, ROOT, soffice_or_skip
from drafter.inspect import inspect_file
from drafter.inspect.fixes import SEP, WHERE, paths, where
from inspect_helpers import NS, build_docx, edit_parts, paragraph_with, q, set_fonts, style

# words with which a message tells the reader to change something
HOWTO = re.compile(r"请在|设为|选为|改为|勾选|请用|请把|请改|请取消|请插入|请检查")
# "（Word：…；WPS：…）" or "（Word、WPS：…）", exactly as where() writes it
FORM = re.compile(r"（Word(?:、WPS：[^；（）]+|：[^；（）]+；WPS：[^；（）]+)）")
CHECKS = sorted((ROOT / "drafter" / "inspect").glob("check_*.py")) + [ROOT / "drafter" / "inspect" / "pdfcheck.py"]


# --- the table ----------------------------------------------------------------------------------------
def test_where_names_both_programs_once():
    assert where("paper") == "（Word：布局 › 纸张大小；WPS：页面布局 › 纸张大小）"
    assert where("line_spacing") == "（Word、WPS：开始 › 段落 › 缩进和间距 › 行距）"
    # settings of one dialog tab are named under it once; other places follow
    assert where("alignment", "indent") == "（Word、WPS：开始 › 段落 › 缩进和间距 › 对齐方式、缩进）"
    assert where("margins", "indent") == ("（Word：布局 › 页面设置 › 页边距，开始 › 段落 › 缩进和间距 › 缩进；"
                                          "WPS：页面布局 › 页边距，开始 › 段落 › 缩进和间距 › 缩进）")
    with pytest.raises(KeyError):
        where("no such setting")
    with pytest.raises(ValueError):
        where()


# Word 2016/365 has 布局 where WPS 文字 has 页面布局; a path starts on a ribbon tab or names a dialog
WORD_STARTS = {"开始", "插入", "布局", "审阅", "设置形状格式"}
WPS_STARTS = {"开始", "插入", "页面布局", "审阅", "页面设置", "边框和底纹", "设置对象格式"}


@pytest.mark.parametrize("key", sorted(WHERE))
def test_every_path_starts_where_that_program_has_it(key):
    word, wps = paths(key)
    for path, starts in ((word, WORD_STARTS), (wps, WPS_STARTS)):
        names = path.split(SEP)
        assert len(names) >= 2 and all(n.strip() == n and n for n in names), path
        assert names[0] in starts, (key, path)
    assert FORM.fullmatch(where(key)), where(key)


def _strings(node) -> str:
    return "".join(n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str))


def _calls_where(node) -> bool:
    return any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "where" for n in ast.walk(node))


def _add_calls(path: Path):
    """(code, message text, calls where()) of every ``c.add(code, message, …)`` in a check module; a name in
    the message (MARGIN_HOWTO, how) stands for what the module assigns to it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assigned: dict[str, list] = {}
    for n in ast.walk(tree):
        if isinstance(n, ast.Assign):
            for t in n.targets:
                if isinstance(t, ast.Name):
                    assigned.setdefault(t.id, []).append(n.value)
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "add" and len(n.args) >= 2:
            msg = n.args[1]
            parts = [msg] + [v for name in ast.walk(msg) if isinstance(name, ast.Name) for v in assigned.get(name.id, ())]
            yield (ast.unparse(n.args[0]), "".join(_strings(p) for p in parts), any(_calls_where(p) for p in parts),
                   n.lineno)


def test_no_menu_path_is_written_outside_the_table():
    """Paths live in fixes.py only: a message that spells out "… › …" itself would drift from the table."""
    for path in sorted((ROOT / "drafter" / "inspect").glob("*.py")):
        if path.name == "fixes.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        spelled = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                   and (SEP.strip() in n.value or "WPS：" in n.value or "Word：" in n.value)]
        assert spelled == [], (path.name, spelled)


def test_every_message_that_says_change_a_setting_calls_where():
    calls = [c for path in CHECKS for c in _add_calls(path)]
    assert len(calls) >= 100, len(calls)
    missing = [(code, line, text[:60]) for code, text, uses, line in calls if HOWTO.search(text) and not uses]
    assert missing == []


# --- the messages a clerk reads --------------------------------------------------------------------------
def _page(root):            # 页面设置: Letter, landscape, Word's default margins, a gutter, the footer too low
    sect = root.find(".//w:body/w:sectPr", NS)
    sz = sect.find("w:pgSz", NS)
    sz.attrib.update({q("w"): "15840", q("h"): "12240", q("orient"): "landscape"})
    sect.find("w:pgMar", NS).attrib.update({q("top"): "1440", q("bottom"): "1440", q("left"): "1800",
                                             q("right"): "1800", q("footer"): "992", q("gutter"): "567"})


def _paragraphs(root):      # the 正文 style: 1.5 lines, 段前 12 磅, no first-line indent, left indent, left aligned
    ppr = style(root, "Normal").find("w:pPr", NS)
    ppr.find("w:spacing", NS).attrib.update({q("before"): "240", q("line"): "360", q("lineRule"): "auto"})
    ppr.find("w:ind", NS).attrib.update({q("firstLine"): "0", q("left"): "420"})
    ppr.find("w:jc", NS).set(q("val"), "left")
    rpr = style(root, "Normal").find("w:rPr", NS)
    set_fonts(rpr, eastAsia="宋体")
    rpr.find("w:sz", NS).set(q("val"), "28")
    color = etree.SubElement(rpr, q("color"))
    color.set(q("val"), "0000FF")


def _title(root):           # the title in 宋体 小二, not centred
    st = style(root, "GWTitle")
    set_fonts(st.find("w:rPr", NS), eastAsia="宋体")
    st.find("w:rPr/w:sz", NS).set(q("val"), "36")
    jc = st.find("w:pPr/w:jc", NS)
    jc.getparent().remove(jc)


def _title_runs(root):
    p = paragraph_with(root, "关于2024年度法治政府建设情况报告")
    for r in p.findall("w:r", NS):
        rpr = r.find("w:rPr", NS)
        rpr.remove(rpr.find("w:rFonts", NS))


def _footer(root):          # the page number in 5号 Times New Roman, centred, no indent
    p = root.find("w:p", NS)
    p.find("w:pPr/w:jc", NS).set(q("val"), "center")
    for r in p.iter(q("rPr")):
        set_fonts(r, ascii="Times New Roman", hAnsi="Times New Roman", eastAsia="宋体")
        sz = r.find("w:sz", NS)
        if sz is not None:
            sz.set(q("val"), "21")


def _with_header(src: Path, dst: Path) -> Path:
    d = docx.Document(str(src))
    hdr = d.sections[0].header
    hdr.is_linked_to_previous = False
    p = hdr.paragraphs[0]
    p.text = "榆垡镇人民政府"
    bdr = etree.SubElement(p._p.get_or_add_pPr(), q("pBdr"))
    etree.SubElement(bdr, q("bottom"), {q("val"): "single", q("sz"): "6", q("space"): "1", q("color"): "auto"})
    d.save(str(dst))
    return dst


# a file the way WPS writes one: a theme font, Word's automatic numbering, a revision, a comment, hidden
# text, Word's character grid and a page number typed by hand
THEME = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/'
         'drawingml/2006/main" name="Office"><a:themeElements><a:fontScheme name="Office"><a:majorFont>'
         '<a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont>'
         '<a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/>'
         '</a:minorFont></a:fontScheme></a:themeElements></a:theme>')
WPS_STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
    'w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:pPr>'
    '<w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLine="640"/><w:jc w:val="both"/></w:pPr></w:style>')
NUMBERING = ('<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
             '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:pPr><w:ind w:firstLine="640"/></w:pPr>'
             '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')


def _para(inner: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>"


def _run(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


WPS_BODY = (
    _para(_run("青山县人民政府关于2024年度法治政府建设情况的报告", '<w:rFonts w:eastAsia="方正小标宋简体"/>'
               '<w:sz w:val="44"/>'), '<w:ind w:firstLine="0"/><w:jc w:val="center"/>')
    + _para(_run("2024年，青山县坚持依法行政，全面推进法治政府建设。现将有关情况报告如下："))
    + _para(_run("主要举措和成效", '<w:rFonts w:eastAsia="黑体"/>'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
            '</w:numPr>')
    + _para('<w:del w:id="1" w:author="a"><w:r><w:delText>去年</w:delText></w:r></w:del><w:ins w:id="2" w:author="a">'
            + _run("全年") + '</w:ins>' + _run("审议重大行政决策事项8件，全部经过合法性审查和集体讨论决定。"))
    + _para('<w:commentRangeStart w:id="0"/>' + _run("全面推行行政执法“三项制度”。") + '<w:commentRangeEnd w:id="0"/>'
            '<w:r><w:commentReference w:id="0"/></w:r>' + _run("内部备注", "<w:vanish/>"))
    + _para(_run("存在的不足", '<w:rFonts w:eastAsia="黑体"/>'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
            '</w:numPr>')
    + _para(_run("基层执法力量不足。"))
    + '<w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/>'
      '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1390" '
      'w:gutter="0"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/></w:sectPr>')
TYPED_NUMBER = _para(_run("-1-", '<w:rFonts w:ascii="宋体" w:hAnsi="宋体"/><w:sz w:val="28"/>'),
                     '<w:ind w:right="280"/><w:jc w:val="right"/>')


@pytest.fixture(scope="module")
def broken(rendered, tmp_path_factory) -> dict[str, Path]:
    """Deliberately broken files: each fault a clerk makes, in the place Word or WPS keeps it."""
    out = tmp_path_factory.mktemp("fixes")
    files = {
        "page": edit_parts(rendered["yufa-2023"], out / "page.docx",
                           {"word/document.xml": _page,
                            "word/settings.xml": ("<w:evenAndOddHeaders/>", "<w:mirrorMargins/>")}),
        "paragraphs": edit_parts(rendered["yufa-2023"], out / "paragraphs.docx", {"word/styles.xml": _paragraphs}),
        "title": edit_parts(rendered["xinle-2024-han"], out / "title.docx",
                            {"word/styles.xml": _title, "word/document.xml": _title_runs}),
        "head": edit_parts(rendered["short-complete"], out / "head.docx",
                           {"word/document.xml": ('<w:color w:val="FF0000"/><w:spacing w:val="0"/><w:sz w:val="72"/>',
                                                  '<w:spacing w:val="0"/><w:sz w:val="72"/>')}),
        "footer": edit_parts(rendered["yufa-2023"], out / "footer.docx", {"word/footer1.xml": _footer}),
        "letter": edit_parts(rendered["xinle-2024-han"], out / "letter.docx",
                             {"word/document.xml": ("<w:titlePg/>", "")}),
        "signature": edit_parts(rendered["xinle-2024-han"], out / "signature.docx",
                                {"word/document.xml": ('<w:ind w:right="640"/>', '<w:ind w:right="0"/>')}),
    }
    files["header"] = _with_header(rendered["yufa-2023"], out / "header.docx")
    files["wps"] = build_docx(out / "wps.docx", WPS_BODY, styles=WPS_STYLES, theme=THEME, numbering=NUMBERING,
                              footers={"rIdF1": TYPED_NUMBER},
                              comments='<w:comment w:id="0" w:author="审核人"><w:p><w:r><w:t>请核对</w:t></w:r></w:p>'
                                       '</w:comment>')
    return files


def _assert_both_programs(findings, source: str) -> set[str]:
    shown = set()
    for f in findings:
        if not f.code.startswith("GB"):
            continue
        if HOWTO.search(f.message) or "请在" in f.message or "设为" in f.message:
            assert "Word" in f.message and "WPS" in f.message, (source, f.code, f.message)
        for m in re.finditer(r"（Word", f.message):
            assert FORM.match(f.message, m.start()), (source, f.code, f.message)
            shown.add(f.code)
    return shown


# the codes whose fix the broken files and the corpus must show with both programs' paths (the test is
# only as good as what it reads: a fault left out of the files above would pass unseen)
SHOWN = {"GB101", "GB102", "GB103", "GB104", "GB105", "GB106", "GB107", "GB110", "GB113", "GB114", "GB115",
         "GB116", "GB201", "GB202", "GB203", "GB204", "GB205", "GB206", "GB208", "GB309", "GB310", "GB311",
         "GB401", "GB505", "GB603", "GB604", "GB605", "GB606", "GB607", "GB609", "GB610", "GB613",
         "GB901", "GB902", "GB903"}


def test_every_fix_names_word_and_wps(broken):
    """Each GB finding that tells the reader to change a setting names the place in both programs, in the
    one form where() writes, on every corpus file and every broken file."""
    corpus = sorted((DATA / "corpus").glob("*.docx")) + sorted((DATA / "corpus" / "public").glob("*.docx"))
    assert len(corpus) >= 24
    shown: set[str] = set()
    for path in corpus + list(broken.values()):
        shown |= _assert_both_programs(inspect_file(path).findings, path.name)
    assert SHOWN <= shown, sorted(SHOWN - shown)


def test_every_measured_fix_names_word_and_wps(tmp_path):
    """--pdf: a python-docx file (Letter paper, no page numbers) measured in LibreOffice."""
    soffice_or_skip()
    d = docx.Document()
    for _ in range(60):
        d.add_paragraph("法治政府建设" * 12)
    d.save(str(tmp_path / "plain.docx"))
    res = inspect_file(tmp_path / "plain.docx", pdf=True, content=False)
    shown = _assert_both_programs(res.findings, "plain.docx")
    assert {"GB801", "GB808"} <= shown, sorted(res.codes())
