"""drafter inspect on files drafter did not make: WPS-style XML, pandoc, python-docx, LibreOffice, corrupt files."""
from __future__ import annotations

import shutil
import subprocess
import sys

import docx
import pytest

from conftest import DATA, run_cli, soffice_or_skip
from drafter.inspect import inspect_file
from inspect_helpers import build_docx, by_code, codes, edit_parts, errors

# --- a file written the way WPS writes one ------------------------------------------------------------
F = ('<w:rFonts w:hint="eastAsia" w:ascii="{0}" w:hAnsi="{0}" w:eastAsia="{0}" w:cs="{0}"/>')
WPS_STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
    'w:eastAsia="宋体" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="24"/>'
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="1"><w:name w:val="Normal"/><w:qFormat/><w:pPr>'
    '<w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:kern w:val="2"/><w:sz w:val="21"/></w:rPr></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="5"><w:name w:val="Default Paragraph Font"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="footer"/><w:basedOn w:val="1"/><w:pPr>'
    '<w:snapToGrid w:val="0"/><w:jc w:val="left"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="zw"><w:name w:val="公文正文"/><w:basedOn w:val="1"/>'
    '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLine="640" w:firstLineChars="200"/></w:pPr>'
    '<w:rPr>' + F.format("仿宋_GB2312") + '<w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>')


def _p(text: str = "", font: str | None = None, ppr: str = "", rpr: str = "", style: str = "zw") -> str:
    runs = f'<w:r><w:rPr>{F.format(font) if font else ""}{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>' \
        if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{runs}</w:p>'


NOIND = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
FLAG_RUN = ('<w:r><w:rPr>' + F.format("方正小标宋简体") + '<w:color w:val="FF0000"/><w:sz w:val="72"/></w:rPr>'
            '<w:t>青山县人民政府文件</w:t></w:r>')
FLAG = (
    '<w:p><w:pPr><w:pStyle w:val="zw"/>' + NOIND + '</w:pPr><w:r><mc:AlternateContent><mc:Choice Requires="wps">'
    '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
    'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page">'
    '<wp:posOffset>1008000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>2592000'
    '</wp:posOffset></wp:positionV><wp:extent cx="5616000" cy="685800"/><wp:wrapNone/><wp:docPr id="1" name="文本框 1"/>'
    '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:cNvSpPr txBox="1"/><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr><wps:txbx>'
    '<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>' + FLAG_RUN + '</w:p></w:txbxContent></wps:txbx>'
    '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>'
    '<v:shape id="tb1" type="#_x0000_t202" style="position:absolute;margin-left:79.4pt;margin-top:204.1pt;'
    'width:442.2pt;height:54pt;mso-position-horizontal-relative:page;mso-position-vertical-relative:page" '
    'stroked="f"><v:textbox><w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>' + FLAG_RUN +
    '</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    '<w:r><w:pict><v:line id="l1" from="0,0" to="442.2pt,0" strokecolor="#FF0000" strokeweight="1pt" '
    'style="position:absolute;margin-top:340pt;mso-position-vertical-relative:page"/></w:pict></w:r></w:p>')
BODY = (
    FLAG + _p() + _p() + _p("青政〔2025〕3号", ppr=NOIND + '<w:jc w:val="center"/>') + _p() + _p()
    + _p("青山县人民政府关于2024年度法治政府建设情况的报告", "方正小标宋简体", NOIND + '<w:jc w:val="center"/>',
         '<w:sz w:val="44"/>') + _p()
    + _p("青原市人民政府：", ppr=NOIND)
    + _p("2024年，青山县坚持依法行政。现将有关情况报告如下：")
    + '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent>' + _p("一、主要举措和成效", "黑体")
    + '</w:sdtContent></w:sdt>'
    + '<w:p><w:pPr><w:pStyle w:val="zw"/></w:pPr><w:r><w:rPr>' + F.format("楷体_GB2312") + '</w:rPr>'
      '<w:t>（一）健全依法决策机制。</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>去年</w:delText></w:r>'
      '</w:del><w:ins w:id="2" w:author="a"><w:r><w:t>全年</w:t></w:r></w:ins><w:r><w:t>审议重大行政决策事项8件。</w:t>'
      '</w:r></w:p>'
    + '<w:p><w:pPr><w:pStyle w:val="zw"/></w:pPr><w:commentRangeStart w:id="0"/><w:r><w:t>全面推行行政执法“三项制度”。'
      '</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:rPr><w:vanish/>'
      '</w:rPr><w:t>内部备注</w:t></w:r></w:p>'
    + '<w:tbl><w:tblPr><w:tblW w:w="8844" w:type="dxa"/><w:tblBorders><w:top w:val="single" w:sz="4"/>'
      '</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w="4422"/><w:gridCol w:w="4422"/></w:tblGrid>'
      + "".join('<w:tr>' + "".join(f'<w:tc><w:tcPr><w:tcW w:w="4422" w:type="dxa"/></w:tcPr>'
                                   f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="24"/></w:rPr>'
                                   f'<w:t>{c}</w:t></w:r></w:p></w:tc>' for c in row) + '</w:tr>'
                for row in (("项目", "数量"), ("审议决策事项", "8件")))
      + '</w:tbl>'
    + '<w:p><w:pPr><w:pStyle w:val="zw"/><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" '
      'distL="0" distR="0"><wp:extent cx="914400" cy="914400"/><wp:docPr id="5" name="图片 5"/><a:graphic>'
      '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr>'
      '<pic:cNvPr id="0" name="image1.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/>'
      '</pic:blipFill><pic:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>'
      '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
    + _p("二、存在的不足", "黑体") + _p("基层执法力量不足。")
    + _p("特此报告。") + _p()
    + _p("青山县人民政府", ppr=NOIND + '<w:ind w:right="1120"/><w:jc w:val="right"/>')
    + _p("2025年1月20日", ppr=NOIND + '<w:ind w:right="640"/><w:jc w:val="right"/>')
    + _p("（此件公开发布）")
    + '<w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/><w:footerReference w:type="even" r:id="rIdF2"/>'
      '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
      'w:header="851" w:footer="1390" w:gutter="0"/><w:cols w:space="425" w:num="1"/>'
      '<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="-842"/></w:sectPr>')


def _footer(side: str) -> str:
    rpr = '<w:rPr>' + F.format("宋体") + '<w:sz w:val="28"/></w:rPr>'
    ind = f'<w:ind w:{side}="280"/>'
    return (f'<w:p><w:pPr><w:pStyle w:val="2"/>{ind}<w:jc w:val="{side}"/></w:pPr>'
            f'<w:r>{rpr}<w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE  \\* MERGEFORMAT ">'
            f'<w:r>{rpr}<w:t>1</w:t></w:r></w:fldSimple><w:r>{rpr}<w:t xml:space="preserve"> —</w:t></w:r></w:p>')


@pytest.fixture(scope="module")
def wps_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("wps") / "wps.docx"
    return build_docx(path, BODY, styles=WPS_STYLES, settings="<w:evenAndOddHeaders/>",
                      footers={"rIdF1": _footer("right"), "rIdF2": _footer("left")},
                      comments='<w:comment w:id="0" w:author="审核人"><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment>',
                      image=True)


def test_wps_style_file_reads_as_printed(wps_file):
    res = inspect_file(wps_file, content=False)
    doc, lay = res.document, res.layout
    texts = [p.text for p in doc.paragraphs if p.text.strip()]
    # the text box is read once (DrawingML chosen over its VML fallback), and not as body text
    assert [p.text for p in lay.flag] == ["青山县人民政府文件"]
    assert "青山县人民政府文件" not in texts
    # tracked changes accepted, hidden text left out, content control and table read
    assert "（一）健全依法决策机制。全年审议重大行政决策事项8件。" in texts
    assert "全面推行行政执法“三项制度”。" in texts
    assert {"项目", "数量", "审议决策事项", "8件"} <= set(texts)
    assert "一、主要举措和成效" in texts
    assert [m.expected for _, m in lay.headings] == ["一、", "（一）", "二、"]
    assert lay.letter == "文件" and lay.doc_number[1].text == "青政〔2025〕3号"
    assert [s.vml for s in lay.red_lines] == [True] and round(lay.red_lines[0].cx_mm) == 156
    assert lay.date.text == "2025年1月20日" and [p.text for p in lay.notes] == ["（此件公开发布）"]


def test_wps_style_file_findings(wps_file):
    res = inspect_file(wps_file, content=False)
    assert errors(res) == []
    assert codes(res) == {"GB112", "GB114", "GB901", "GB902", "GB903"}
    assert by_code(res, "GB112")[0].found == "22 行 × 28 磅 = 217 mm"
    assert by_code(res, "GB901")[0].found == "2 处修订"
    assert by_code(res, "GB903")[0].found == "4 个字"


# --- pandoc and plain python-docx ------------------------------------------------------------------
def test_pandoc_docx(tmp_path):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc not installed")
    out = tmp_path / "x.docx"
    subprocess.run(["pandoc", str(DATA / "seeds" / "yufa-2023.txt"), "-o", str(out)], check=True)
    res = inspect_file(out)
    c = codes(res)
    assert {"GB101", "GB103", "GB104", "GB105", "GB106"} <= c                # no page setup at all
    assert by_code(res, "GB101")[0].found == "未设置"
    assert {"GB110", "GB113", "GB202", "GB203", "GB207", "GB310", "GB601"} <= c
    theme = by_code(res, "GB201")
    assert {f.found for f in theme} == {"minorHAnsi → Cambria"}          # pandoc puts CJK on the Latin theme font
    assert by_code(res, "GB202")[0].found == "Cambria（主题字体 minorHAnsi）"
    # the seed's lines became one paragraph: its inline headings are reported
    assert "“一、”" in by_code(res, "GB312")[0].found
    r = run_cli("inspect", out)
    assert r.code == 1


def _python_docx_file(path):
    d = docx.Document()
    for line in (DATA / "seeds" / "yufa-2023.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d.add_paragraph(line.strip())
    d.save(str(path))
    return path


def test_python_docx_file(tmp_path):
    res = inspect_file(_python_docx_file(tmp_path / "plain.docx"))
    c = codes(res)
    assert by_code(res, "GB101")[0].found == "215.9 mm × 279.4 mm（Letter（215.9 × 279.4 mm））"
    assert [f.found for f in by_code(res, "GB103")] == ["25.4 mm"]
    assert [f.found for f in by_code(res, "GB104")] == ["31.7 mm"]
    assert {f.found for f in by_code(res, "GB201")} == {"minorEastAsia → ＭＳ 明朝", "minorHAnsi → Cambria"}
    assert by_code(res, "GB110")[0].found == "1.15 倍行距，在标准版心中每面约 38 行"
    assert by_code(res, "GB113")[0].found == "11 磅、字符间距 +0 磅，在标准版心中每行 40 字"
    assert {"GB202", "GB203", "GB207", "GB301", "GB302", "GB305", "GB601"} <= c
    (wrong,) = by_code(res, "GB305")
    assert len(wrong.paragraphs) == 14 and wrong.found.startswith("“(一)”“(二)”")
    assert "GB306" not in c and "GB307" not in c


# --- LibreOffice's own .docx (frames, AlternateContent with VML fallbacks, numeric style ids) ----------
def test_libreoffice_round_trip_stays_clean(rendered, tmp_path):
    soffice_or_skip()
    from drafter.pdf import convert

    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(rendered["short-complete"], src / "short.docx")
    (odt,) = convert([src / "short.docx"], tmp_path / "odt", "odt")
    (back,) = convert([odt], tmp_path / "back", "docx")
    res = inspect_file(back, content=False)
    assert errors(res) == []
    lay = res.layout
    assert [p.story for p in lay.colophon] == ["textbox", "textbox"]      # LibreOffice writes the 版记 as a frame
    assert lay.letter == "文件" and lay.date.text == "2025年1月20日"


# --- unreadable files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name,content,code", [
    ("text.docx", b"this is not a zip file at all", "FZ080"),
    ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "FZ080"),
    ("empty.docx", b"", "FZ007"),
])
def test_unreadable_files(tmp_path, name, content, code):
    p = tmp_path / name
    p.write_bytes(content)
    r = run_cli("inspect", p)
    assert r.code == 1, r
    assert code in r.err and "错误" in r.err


def test_truncated_and_foreign_zips(rendered, tmp_path):
    blob = rendered["yufa-2023"].read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(blob[: len(blob) // 2])
    r = run_cli("inspect", cut)
    assert r.code == 1 and "FZ081" in r.err, r
    import zipfile

    xl = tmp_path / "sheet.docx"
    with zipfile.ZipFile(xl, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    r = run_cli("inspect", xl)
    assert r.code == 1 and "FZ083" in r.err, r


def test_broken_xml_and_xxe(rendered, tmp_path):
    from inspect_helpers import read_parts, write_parts

    parts = read_parts(rendered["yufa-2023"])
    parts["word/document.xml"] = parts["word/document.xml"][:-40]
    r = run_cli("inspect", write_parts(parts, tmp_path / "bad.docx"))
    assert r.code == 1 and "FZ081" in r.err, r
    parts = read_parts(rendered["yufa-2023"])
    parts["word/styles.xml"] = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                                b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                                b'&e;</w:styles>')
    r = run_cli("inspect", write_parts(parts, tmp_path / "xxe.docx"))
    assert r.code == 1 and "FZ084" in r.err and "root:" not in r.text, r


def test_missing_path_and_folder(tmp_path):
    r = run_cli("inspect", tmp_path / "nope.docx")
    assert r.code == 1 and "FZ001" in r.err
    r = run_cli("inspect", tmp_path)
    assert r.code == 1 and "FZ002" in r.err
    r = run_cli("inspect", "--format", "json", tmp_path / "nope.docx")
    import json

    assert r.code == 1 and json.loads(r.out)[0]["code"] == "FZ001"


def test_input_file_unchanged(rendered, tmp_path):
    p = tmp_path / "a.docx"
    shutil.copy(rendered["xinle-2024-han"], p)
    before = p.read_bytes()
    run_cli("inspect", p)
    assert p.read_bytes() == before and sorted(x.name for x in tmp_path.iterdir()) == ["a.docx"]


def test_module_entry_point_runs():
    proc = subprocess.run([sys.executable, "-m", "drafter", "inspect", "--help"], capture_output=True)
    assert proc.returncode == 0 and "GB/T 9704" in proc.stdout.decode("utf-8")


def test_mutated_files_never_crash(rendered, tmp_path):
    """Random damage to well-formed parts (elements dropped, duplicated, attributes garbled): every file
    gives findings or a DrafterError, never another exception."""
    import random

    from lxml import etree

    from drafter.diagnostics import DrafterError
    from inspect_helpers import read_parts, write_parts

    rnd = random.Random(9704)
    sources = [rendered["xinle-2024-han"], rendered["short-complete"]]
    values = ["", "-5", "abc", "99999999", "0", "auto", "1.5", "true", "FF0000"]
    texts = ["一、", "（二）", "2024年01月05日", "抄送：", "— 1 —", "", "\t", "新政函[2024]5号"]
    for k in range(60):
        parts = read_parts(rnd.choice(sources))
        names = [n for n in parts if n.startswith("word/") and n.endswith(".xml")]
        for _ in range(rnd.randint(1, 6)):
            name = rnd.choice(names)
            root = etree.fromstring(parts[name])
            els = list(root.iter())[1:]
            if not els:
                continue
            e = rnd.choice(els)
            op = rnd.random()
            if op < 0.3 and e.getparent() is not None:
                e.getparent().remove(e)
            elif op < 0.55 and e.attrib:
                e.set(rnd.choice(list(e.attrib)), rnd.choice(values))
            elif op < 0.7 and e.attrib:
                del e.attrib[rnd.choice(list(e.attrib))]
            elif op < 0.85:
                rnd.choice(els).append(etree.fromstring(etree.tostring(e)))
            else:
                e.text = rnd.choice(texts)
            parts[name] = etree.tostring(root)
        path = write_parts(parts, tmp_path / f"m{k}.docx")
        try:
            inspect_file(path, content=False)
        except DrafterError:
            pass


def test_word_default_margins_blame_the_margins_only(rendered, tmp_path):
    """Word's default margins (2.54/3.17 cm) around a correct 28.95 pt / -0.3 pt text: GB103-GB106
    name the margins; GB110 and GB113 must not send the clerk to line and character spacing that are
    already right."""
    out = edit_parts(rendered["short-complete"], tmp_path / "margins.docx",
                     {"word/document.xml": ('w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"',
                                            'w:top="1440" w:right="1800" w:bottom="1440" w:left="1800"')})
    c = codes(inspect_file(out, content=False))
    assert {"GB103", "GB104", "GB105", "GB106"} & c
    assert not {"GB110", "GB113"} & c, c


def test_word_built_in_styles_are_named_as_a_chinese_word_shows_them(tmp_path):
    from drafter.reader.styles import word_ui_name

    assert [word_ui_name(n) for n in ("heading 1", "Heading 2", "Normal", "header", "公文标题", "My Style")] == \
        ["标题 1", "标题 2", "正文", "页眉", "公文标题", "My Style"]
    d = docx.Document()
    d.add_heading("一、主要举措和成效", level=1)           # Word's "heading 1" with theme fonts
    d.add_paragraph("全年审议重大行政决策事项8件。")
    d.save(str(tmp_path / "h.docx"))
    messages = " ".join(f.message + (f.found or "") for f in inspect_file(tmp_path / "h.docx").findings)
    assert "heading 1" not in messages.lower() and "“标题 1”" in messages


def test_inspect_codes_and_unknown_codes(tmp_path):
    r = run_cli("inspect", "--codes")
    assert r.code == 0 and "GB512  警告  没有成文日期（无版头、无署名的网上公开稿为提示）" in r.out
    assert "FZ401  警告  中文中使用了半角标点" in r.out              # the text checks inspect also runs
    for args in (["--select", "GB999"], ["--ignore", "GB2O6"]):
        r = run_cli("inspect", *args, "x.docx", cwd=tmp_path)
        assert r.code == 2 and f"没有这样的检查代码：{args[1]}" in r.err, r
