"""Issue 3: `drafter render` — the .docx read back (text, XML), and the command's file handling."""
from __future__ import annotations

import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from lxml import etree

from conftest import EXAMPLES, example, run_cli
from drafter import gbt9704 as G
from drafter.loader import load_file

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
CN = "一二三四五六七八九十"


def q(tag):
    return f"{{{W}}}{tag}"


def expected_body(report) -> list[str]:
    """The body as the clerk wrote it, numbered the GB/T 9704 way — computed here independently of the
    composer: every text of the YAML must come out character for character, in order."""
    from drafter.compose import Composer

    comp = Composer(report)
    out = [p for p in re.split(r"\n\s*\n", (report.intro or "").strip()) if p]
    n = 0

    def items(xs, level):
        k = 0
        for x in xs:
            if isinstance(x, str):
                out.append(x.strip())
                continue
            k += 1
            marker = {2: f"（{CN[k - 1]}）", 3: f"{k}.", 4: f"（{k}）"}[level]
            run_in = report.layout.run_in if x.run_in is None else x.run_in
            rest = list(x.content)
            if run_in and rest and isinstance(rest[0], str):
                out.append(marker + x.heading + rest.pop(0).strip())
            else:
                out.append(marker + x.heading)
            items(rest, level + 1)

    for sec in report.sections:
        heading = sec.heading or (None if sec.no_heading else comp.section_heading(sec))
        if not sec.no_heading:
            n += 1
            out.append(f"{CN[n - 1]}、{heading}")
        items(sec.content, 2)
    return out


def docx_paragraph_texts(path) -> list[str]:
    d = docx.Document(str(path))
    return [p.text for p in d.paragraphs if p.text.strip()]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_body_text_reads_back_character_for_character(path, rendered):
    report = load_file(path).report
    texts = docx_paragraph_texts(rendered[path.stem])
    body = expected_body(report)
    # the body paragraphs appear contiguously, exactly, in order
    start = texts.index(body[0])
    assert texts[start:start + len(body)] == body
    # what precedes: 版头 (函/文件), title lines, 主送机关; what follows: closing, signature, note
    if report.recipients:
        assert texts[start - 1] == "，".join(report.recipients) + "："
    tail = texts[start + len(body):]
    if report.closing_text:
        assert tail[0] == report.closing_text
    if report.date:
        assert f"{report.date.year}年{report.date.month}月{report.date.day}日" in tail


def test_pandoc_reads_the_same_text(rendered):
    if not shutil.which("pandoc"):
        pytest.skip("pandoc not installed")
    report = load_file(example("yufa-2023")).report
    plain = subprocess.run(["pandoc", "-t", "plain", "--wrap=none", str(rendered["yufa-2023"])],
                           capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", plain)
    for t in expected_body(report):
        assert re.sub(r"\s+", "", t) in flat


def test_title_lines_and_manual_breaks(rendered):
    d = docx.Document(str(rendered["xinle-2024-han"]))
    title = next(p for p in d.paragraphs if p.style.style_id == "GWTitle")
    assert title.text == "新乐市人民政府\n关于2024年度法治政府建设情况报告"
    d = docx.Document(str(rendered["daxing-2023"]))
    title = next(p for p in d.paragraphs if p.style.style_id == "GWTitle")
    assert title.text == "北京市大兴区人民政府\n2023年法治政府建设年度情况报告"   # generated, 梯形


def test_title_breaking_keeps_words_whole():
    from drafter.textutil import width_zi
    from drafter.titlebreak import break_title

    lines = break_title("青山县人民政府关于2024年度法治政府建设情况的报告", 20, ("青山县人民政府",))
    assert lines == ["青山县人民政府", "关于2024年度法治政府建设情况的报告"]
    lines = break_title("北京市大兴区榆垡镇人民政府2023年法治政府建设年度情况报告", 20, ("北京市大兴区榆垡镇人民政府",))
    assert lines == ["北京市大兴区榆垡镇人民政府", "2023年法治政府建设年度情况报告"]
    long = "中共青山县委员会青山县人民政府关于《青山县法治政府建设实施方案（2021—2025年）》执行情况和2024年度法治政府建设情况的报告"
    lines = break_title(long, 20, ("中共青山县委员会", "青山县人民政府", "青山县"))
    assert "".join(lines) == long
    assert all(width_zi(x) <= 20 for x in lines)
    # the 《》 title is longer than a line, so it is cut — but at a word boundary, never inside a name
    for protected in ("2024年度", "青山县人民政府", "中共青山县委员会", "青山县法治政府建设", "（2021—2025年）"):
        assert any(protected in x for x in lines), (protected, lines)
    assert break_title("甲\n乙丙", 20) == ["甲", "乙丙"]
    # words the lexicon did not know were cut between two characters ("行政复议体 / 制改革", "依法治 / 市")
    lines = break_title("杭州市西湖区人民政府关于2024年度法治政府建设暨行政复议体制改革推进情况的报告", 20,
                        ("杭州市西湖区人民政府",))
    assert all(any(w in x for x in lines) for w in ("行政复议", "体制改革")), lines
    lines = break_title("宁乡市司法局关于全面依法治市工作暨2024年度法治政府建设情况的报告", 20, ("宁乡市司法局",))
    assert any("全面依法治市" in x for x in lines) and lines[1].startswith("暨"), lines


@pytest.mark.parametrize("gap", ["", " ", "\u3000"])
def test_joint_titles_break_between_organs_never_inside_one(gap):
    """A 党委 and 政府 reporting jointly: "中共安平县东湖乡 / 委员会安平县…" split a name (QA)."""
    from drafter.compose import TITLE_MAX_ZI
    from drafter.textutil import width_zi
    from drafter.titlebreak import break_title

    title = f"中共安平县东湖乡委员会{gap}安平县东湖乡人民政府关于2024年度法治政府建设情况和2025年工作安排的报告"
    lines = break_title(title, TITLE_MAX_ZI, ("安平县东湖乡人民政府", "东湖乡"))
    assert lines[0] == "中共安平县东湖乡委员会" and lines[1].startswith("安平县东湖乡人民政府"), lines
    assert all(width_zi(x) <= TITLE_MAX_ZI for x in lines)
    assert "".join(lines) == (title.replace(gap, "") if gap else title)      # the space is dropped at the break
    lines = break_title(f"中共北京市大兴区委员会{gap}北京市大兴区人民政府关于2023年法治政府建设情况的报告", TITLE_MAX_ZI)
    assert lines == ["中共北京市大兴区委员会", "北京市大兴区人民政府关于2023年", "法治政府建设情况的报告"], lines
    # both organs fit on the first line: the space written between them stays there
    lines = break_title(f"中共青山县委员会{gap}青山县人民政府关于2024年度法治政府建设情况的报告", TITLE_MAX_ZI)
    assert lines == [f"中共青山县委员会{gap}青山县人民政府", "关于2024年度法治政府建设情况的报告"], lines
    # a department's name ends in 局: whole as well
    assert break_title("青山县市场监督管理局关于2024年度法治政府建设情况的报告", TITLE_MAX_ZI)[0] == "青山县市场监督管理局"
    # short forms of the 党委 ("中共青山县委", "中共中央 国务院"): the space between them is kept too
    assert break_title(f"中共青山县委{gap}青山县人民政府关于2024年度法治政府建设情况的报告", TITLE_MAX_ZI)[0] == \
        f"中共青山县委{gap}青山县人民政府"
    # an organ longer than a line (review: the title stayed on one 41-字 line) is cut, every line fits
    lines = break_title(f"中共河北省石家庄市新乐市长寿街道工作委员会{gap}关于2024年度法治政府建设情况的报告", TITLE_MAX_ZI)
    assert len(lines) > 1 and all(width_zi(x) <= TITLE_MAX_ZI for x in lines), lines


# --- XML: what Word and WPS read ------------------------------------------------------------
def _xml(path, part):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


@pytest.mark.parametrize("stem", ["xinle-2024-han", "short-complete", "yufa-2023"])
def test_section_grid_margins_and_footers(rendered, stem):
    path = rendered[stem]
    doc = _xml(path, "word/document.xml")
    sect = doc.findall(".//w:sectPr", NS)[-1]
    pg = sect.find("w:pgSz", NS)
    assert (int(pg.get(q("w"))), int(pg.get(q("h")))) == (G.PAGE_WIDTH, G.PAGE_HEIGHT)
    mar = sect.find("w:pgMar", NS)
    assert {k: int(mar.get(q(k))) for k in ("top", "right", "bottom", "left", "footer")} == {
        "top": 2098, "right": 1474, "bottom": 1984, "left": 1588, "footer": G.FOOTER_DISTANCE}
    grid = sect.find("w:docGrid", NS)
    assert grid.get(q("type")) == "lines" and grid.get(q("linePitch")) == "579"
    assert grid.get(q("charSpace")) is None
    settings = _xml(path, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    refs = {r.get(q("type")) for r in sect.findall("w:footerReference", NS)}
    letter = stem == "xinle-2024-han"
    assert refs == ({"default", "even", "first"} if letter else {"default", "even"})
    assert (sect.find("w:titlePg", NS) is not None) == letter
    with zipfile.ZipFile(path) as z:
        footers = {n: z.read(n).decode() for n in z.namelist() if re.match(r"word/footer\d+\.xml", n)}
    numbered = [x for x in footers.values() if "PAGE" in x]
    assert len(numbered) == 2
    for x in numbered:
        assert re.search(r"<w:t[^>]*>— </w:t>.*instrText[^>]*> PAGE </w:instrText>.*<w:t[^>]*> —</w:t>", x)
        assert 'w:eastAsia="宋体"' in x and '<w:sz w:val="28"/>' in x
    sides = sorted(re.search(r'<w:jc w:val="(\w+)"/>', x).group(1) for x in numbered)
    assert sides == ["left", "right"]
    if letter:
        assert len(footers) == 3 and any("PAGE" not in x for x in footers.values())


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_no_theme_fonts_and_east_asian_fonts_everywhere(rendered, stem):
    path = rendered[stem]
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") and name.startswith("word/") and "theme" not in name:
                root = etree.fromstring(z.read(name))
                for rf in root.iter(q("rFonts")):
                    assert not [a for a in rf.attrib if a.endswith("Theme")], (name, rf.attrib)
                for r in root.iter(q("r")):
                    if r.find("w:t", NS) is not None and (r.find("w:t", NS).text or "").strip():
                        rf = r.find("w:rPr/w:rFonts", NS)
                        assert rf is not None and rf.get(q("eastAsia")) and rf.get(q("ascii")), (name, etree.tostring(r))
    styles = _xml(path, "word/styles.xml")
    normal = styles.find(".//w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == "仿宋_GB2312"
    assert normal.find("w:rPr/w:sz", NS).get(q("val")) == "32"
    assert normal.find("w:rPr/w:spacing", NS).get(q("val")) == str(G.CHAR_SPACING)
    sp = normal.find("w:pPr/w:spacing", NS)
    assert (sp.get(q("line")), sp.get(q("lineRule"))) == ("579", "exact")
    fonts = {s.get(q("styleId")): s.find("w:rPr/w:rFonts", NS).get(q("eastAsia"))
             for s in styles.findall("w:style", NS) if s.find("w:rPr/w:rFonts", NS) is not None}
    assert (fonts["GWHeading1"], fonts["GWHeading2"], fonts["GWHeading3"], fonts["GWTitle"]) == (
        "黑体", "楷体_GB2312", "仿宋_GB2312", "方正小标宋简体")


def test_run_in_lead_sentence_keeps_level_font_only_for_itself(rendered):
    d = docx.Document(str(rendered["xinle-2024-han"]))
    p = next(p for p in d.paragraphs if p.text.startswith("（一）持续深入学习宣传贯彻习近平法治思想。"))
    lead, rest = p.runs[0], p.runs[1]
    assert lead.text == "（一）持续深入学习宣传贯彻习近平法治思想。"
    ea = "{%s}eastAsia" % W
    assert lead._r.rPr.rFonts.get(ea) == "楷体_GB2312"
    assert rest._r.rPr.rFonts.get(ea) == "仿宋_GB2312" and rest.text.startswith("市委、市政府")


def test_fonts_are_settings(tmp_path):
    src = example("yufa-2023").read_text(encoding="utf-8")
    src += "  字体:\n    仿宋: 仿宋\n    楷体: 楷体\n"
    p = tmp_path / "f.yaml"
    p.write_text(src, encoding="utf-8")
    r = run_cli("render", p)
    assert r.code == 0, r
    styles = _xml(tmp_path / "f.docx", "word/styles.xml")
    normal = styles.find(".//w:style[@w:styleId='Normal']", NS)
    assert normal.find("w:rPr/w:rFonts", NS).get(q("eastAsia")) == "仿宋"
    assert "楷体" in etree.tostring(styles, encoding="unicode")


def test_no_branding_in_the_package(rendered):
    for path in rendered.values():
        with zipfile.ZipFile(path) as z:
            blob = b"".join(z.read(n) for n in z.namelist())
        assert b"python-docx" not in blob and b"drafter" not in blob.lower()
        assert b"Macintosh" not in blob
        names = set(zipfile.ZipFile(path).namelist())
        assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names


def test_letterhead_elements_in_xml(rendered):
    doc = _xml(rendered["xinle-2024-han"], "word/document.xml")
    txbx = doc.findall(".//w:txbxContent", NS)
    assert ["".join(t.text for t in x.iter(q("t"))) for x in txbx] == ["新乐市人民政府"]
    assert txbx[0].find(".//w:color", NS).get(q("val")) == "FF0000"
    A = "http://schemas.openxmlformats.org/drawingml/2006/main"
    widths = [int(ln.get("w")) for ln in doc.iter(f"{{{A}}}ln") if ln.get("w")]
    assert sorted(widths) == [6350, 6350, 19050, 19050]
    texts = docx_paragraph_texts(rendered["xinle-2024-han"])
    assert texts[:3] == ["新政函〔2024〕5号", "新乐市人民政府\n关于2024年度法治政府建设情况报告", "新乐市人大常委会："]


# --- the command ---------------------------------------------------------------------------
@pytest.mark.parametrize("header, boxes", [
    ("文件", [["中共新乐市委员会", "新乐市人民政府"], ["文件"]]),                # stacked, 文件 beside
    ("函", [["中共新乐市委员会\u3000新乐市人民政府"]]),                        # a letter's one line
])
def test_joint_flag(tmp_path, header, boxes):
    """发文机关标志 as a list (联合行文, §7.2.4): in the 文件 format one text box of the organs, one per
    paragraph and spread to one width, and one of "文件" (written after the last organ or not); the
    信函格式 has one line of 标志 above its double line: the organs side by side."""
    from drafter.loader import load_text
    from drafter.render import docx_bytes

    text = example("xinle-2024-han").read_text(encoding="utf-8").replace(
        "版头: 函", f"版头: {header}\n发文机关标志: [中共新乐市委员会, 新乐市人民政府{'文件' if header == '文件' else ''}]")
    loaded = load_text(text, "joint.yaml")
    assert loaded.report.flag == ["中共新乐市委员会", "新乐市人民政府" + ("文件" if header == "文件" else "")]
    (tmp_path / "j.docx").write_bytes(docx_bytes(loaded.report))
    doc = _xml(tmp_path / "j.docx", "word/document.xml")
    txbx = doc.findall(".//w:txbxContent", NS)
    assert [["".join(t.text for t in p.iter(q("t"))) for p in x.iter(q("p"))] for x in txbx] == boxes
    jcs = {p.find("w:pPr/w:jc", NS).get(q("val")) for p in txbx[0].iter(q("p"))}
    assert jcs == ({"distribute"} if header == "文件" else {"center"})


def test_render_refuses_on_errors_and_writes_nothing(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("发文机关: 青山县人民政府\n年度: 2024\n正文: []\n", encoding="utf-8")
    r = run_cli("render", p)
    assert r.code == 1 and "FZ101" in r.text and "未生成" in r.text
    assert sorted(x.name for x in tmp_path.iterdir()) == ["bad.yaml"]


def test_render_default_name_no_overwrite_and_force(tmp_path):
    src = tmp_path / "r.yaml"
    shutil.copy(example("short-complete"), src)
    before = src.read_bytes()
    r = run_cli("render", src)
    assert r.code == 0 and (tmp_path / "r.docx").exists(), r
    first = (tmp_path / "r.docx").read_bytes()
    r = run_cli("render", src)
    assert r.code == 1 and "FZ051" in r.text and "--force" in r.text
    assert (tmp_path / "r.docx").read_bytes() == first
    r = run_cli("render", src, "--force")
    assert r.code == 0
    r = run_cli("render", src, "-o", src.with_suffix(".docx").with_name("r.yaml"))
    assert r.code == 1
    r = run_cli("render", src, "-o", tmp_path)
    assert r.code == 1 and "FZ053" in r.text
    r = run_cli("render", src, "-o", tmp_path / "nodir" / "x.docx")
    assert r.code == 1 and "FZ052" in r.text
    assert src.read_bytes() == before
    assert not [x for x in tmp_path.iterdir() if x.name.startswith(".")]   # no temp files left behind


def test_output_equal_to_input_is_refused(tmp_path):
    src = tmp_path / "same.docx"
    shutil.copy(example("yufa-2023"), src)      # a YAML file that happens to end in .docx
    before = src.read_bytes()
    r = run_cli("render", src, "-o", src, "--force")
    assert r.code == 1 and "FZ050" in r.text
    assert src.read_bytes() == before


def test_values_are_data_not_templates(tmp_path):
    text = example("short-complete").read_text(encoding="utf-8").replace(
        "全面推行行政执法“三项制度”", "全面推行{{ 7*7 }}{% if true %}X{% endif %}")
    p = tmp_path / "j.yaml"
    p.write_text(text, encoding="utf-8")
    r = run_cli("render", p)
    assert r.code == 0, r
    assert any("全面推行{{ 7*7 }}{% if true %}X{% endif %}" in t for t in docx_paragraph_texts(tmp_path / "j.docx"))


def test_pdf_option(tmp_path):
    from conftest import soffice_or_skip

    soffice_or_skip()
    src = tmp_path / "x.yaml"
    shutil.copy(example("xinle-2024-han"), src)
    r = run_cli("render", src, "--pdf")
    assert r.code == 0, r
    assert (tmp_path / "x.pdf").read_bytes()[:5] == b"%PDF-"
    assert "字体" in r.err            # which named fonts are missing and what LibreOffice uses


def test_pdf_without_libreoffice_says_so(tmp_path):
    src = tmp_path / "x.yaml"
    shutil.copy(example("yufa-2023"), src)
    r = run_cli("render", src, "--pdf", env={"DRAFTER_SOFFICE": str(tmp_path / "none")})
    assert r.code == 1 and "FZ060" in r.text and "LibreOffice" in r.text
    assert not (tmp_path / "x.pdf").exists()


def test_fonts_command_lists_roles():
    r = run_cli("fonts")
    assert r.code == 0
    for name in ("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"):
        assert name in r.out
    # what to do about a missing font is said whenever one is missing, and only then
    assert ("本机未安装" in r.out) == ("缺少的字体：在本机安装同名字体" in r.out)


def test_fonts_command_says_what_to_do_when_a_font_is_missing(tmp_path):
    (tmp_path / "drafter.toml").write_text('[fonts]\n"仿宋" = "一种没有的字体"\n', encoding="utf-8")
    r = run_cli("fonts", cwd=tmp_path)
    assert r.code == 0 and "一种没有的字体（本机未安装" in r.out and "drafter.toml 中用 [fonts] 改用" in r.out, r


def test_letter_with_copy_number_secrecy_and_urgency(tmp_path):
    """§10.1: 份号、密级和保密期限、紧急程度 flush left under the double line, in that order; the
    发文字号 flush right on the first of those lines; the title two lines below the last."""
    text = example("xinle-2024-han").read_text(encoding="utf-8").replace(
        "发文字号: 新政函〔2024〕5号\n", "发文字号: 新政函〔2024〕5号\n份号: \"000123\"\n密级: 秘密★1年\n紧急程度: 加急\n")
    p = tmp_path / "s.yaml"
    p.write_text(text, encoding="utf-8")
    r = run_cli("render", p)
    assert r.code == 0, r
    texts = docx_paragraph_texts(tmp_path / "s.docx")
    assert texts[:4] == ["000123\t新政函〔2024〕5号", "秘密★1年", "加急", "新乐市人民政府\n关于2024年度法治政府建设情况报告"]
    d = docx.Document(str(tmp_path / "s.docx"))
    body = [p for p in d.paragraphs]
    title_i = next(i for i, p in enumerate(body) if p.style.style_id == "GWTitle")
    assert [p.text for p in body[title_i - 2:title_i]] == ["", ""]       # two empty grid lines


def test_plain_header_refuses_secrecy(tmp_path):
    text = example("yufa-2023").read_text(encoding="utf-8").replace("版头: 无\n", "版头: 无\n密级: 秘密\n")
    p = tmp_path / "s.yaml"
    p.write_text(text, encoding="utf-8")
    r = run_cli("render", p)
    assert r.code == 1 and "FZ115" in r.text and not (tmp_path / "s.docx").exists()


def test_office_fonts_from_drafter_toml(tmp_path):
    """Font names are settings: drafter.toml [fonts] for an office, 格式.字体 in a report wins."""
    (tmp_path / "drafter.toml").write_text('[fonts]\n"仿宋" = "仿宋"\nkaiti = "楷体"\n', encoding="utf-8")
    y = tmp_path / "r.yaml"
    y.write_text(example("yufa-2023").read_text(encoding="utf-8") + "  字体:\n    楷体: KaiTi\n", encoding="utf-8")
    r = run_cli("render", y)
    assert r.code == 0, r
    styles = _xml(tmp_path / "r.docx", "word/styles.xml")
    fonts = {s.get(q("styleId")): s.find("w:rPr/w:rFonts", NS).get(q("eastAsia"))
             for s in styles.findall("w:style", NS) if s.find("w:rPr/w:rFonts", NS) is not None}
    assert fonts["Normal"] == "仿宋" and fonts["GWHeading2"] == "KaiTi" and fonts["GWHeading1"] == "黑体"
    r = run_cli("fonts", cwd=tmp_path)
    assert "仿宋（正文）：仿宋（" in r.out and "楷体_GB2312" not in r.out
    (tmp_path / "drafter.toml").write_text('[fonts]\n"仿宋" = 3\n', encoding="utf-8")
    r = run_cli("render", y, "--force")
    assert r.code == 1 and "FZ033" in r.text
    (tmp_path / "drafter.toml").write_text('[fonts]\n仿宋 = "仿宋"\n', encoding="utf-8")
    r = run_cli("check", y)
    assert r.code == 1 and "drafter.toml:2:1" in r.text and "加引号" in r.text


@pytest.mark.parametrize("sealed", [False, True])
def test_date_keeps_with_a_note_so_the_note_never_opens_a_page_alone(sealed):
    """附注 goes on the line after the 成文日期 (§7.3.6): the date paragraph keeps with it."""
    from drafter.loader import load_text
    from drafter.render import docx_bytes
    import io

    text = example("short-complete").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^印章: .*\n", "", text) + f"印章: {'是' if sealed else '否'}\n"

    def date_keeps(t):
        data = docx_bytes(load_text(t, "n.yaml").report)
        body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
        for p in body.iter(q("p")):
            if "".join(p.itertext()) == "2025年1月20日":
                return p.find(f"{q('pPr')}/{q('keepNext')}") is not None
        raise AssertionError("no date paragraph")

    assert "附注:" in text
    assert date_keeps(text)
    assert not date_keeps(re.sub(r"(?m)^附注: .*\n", "", text))


@pytest.mark.parametrize("written", [
    "- 全面推行行政执法“三项制度”，\n  组织执法人员培训4期。\n\n  第二段。\n",                    # plain
    "- >\n  全面推行行政执法“三项制度”，\n  组织执法人员培训4期。\n\n  第二段。\n",              # folded
])
def test_text_wrapped_over_lines_prints_without_spaces(tmp_path, written):
    """YAML folds a line break inside a plain or ">" text into a space; Chinese has none between lines."""
    line = "- 全面推行行政执法“三项制度”，组织执法人员培训4期。\n"
    text = example("short-complete").read_text(encoding="utf-8")
    assert " " * 10 + line in text
    indented = "".join(" " * 10 + ln if ln.strip() else ln for ln in written.splitlines(keepends=True))
    p = tmp_path / "r.yaml"
    p.write_text(text.replace(" " * 10 + line, indented), encoding="utf-8")
    r = run_cli("render", p, "-o", tmp_path / "r.docx")
    assert r.code == 0, r
    paras = docx_paragraph_texts(tmp_path / "r.docx")
    assert "全面推行行政执法“三项制度”，组织执法人员培训4期。" in paras and "第二段。" in paras, paras
    assert "FZ405" not in run_cli("check", p).text


def test_wrapped_lines_join_without_spaces_except_between_latin_words():
    from drafter.compose import paragraphs_of

    assert paragraphs_of("依法行政，\n  推进法治\n\n第二段：GB/T\n9704 and\nmore，共1\n200件") == [
        "依法行政，推进法治", "第二段：GB/T 9704 and more，共1200件"]


def test_lines_indented_with_full_width_spaces_start_paragraphs():
    """Text pasted from Word into a "|" block: each paragraph starts "　　" and no blank line between."""
    from drafter.compose import paragraphs_of

    assert paragraphs_of("　　全面推行“三项制度”，\n组织培训4期。\n　　第二段。\n") == [
        "全面推行“三项制度”，组织培训4期。", "第二段。"]


def test_title_and_names_wrapped_in_the_yaml_are_laid_out_as_one_line():
    """Only a "|" title keeps the clerk's line breaks; a plain or ">" title wrapped in the editor is
    broken by drafter (梯形), and a name written over two lines is one name."""
    from drafter.compose import Composer
    from drafter.loader import load_text
    from drafter.titlebreak import break_title

    text = example("short-complete").read_text(encoding="utf-8")
    title = "青山县人民政府关于2024年度法治政府建设情况的报告"
    assert "\n发文机关: 青山县人民政府\n" in text and f"\n标题: {title}\n" in text
    variants = {
        "plain": f"标题: 青山县人民政府关于2024年度法治政府建设\n  情况的报告\n",
        "folded": f"标题: >\n  青山县人民政府关于2024年度\n  法治政府建设情况的报告\n",
        "literal": f"标题: |\n  青山县人民政府关于2024年度法治政府建设\n  情况的报告\n",
    }
    for style, line in variants.items():
        t = text.replace("\n发文机关: 青山县人民政府\n", "\n发文机关: |\n  青山县\n  人民政府\n").replace(
            f"标题: {title}\n", line)
        report = load_text(t, "r.yaml").report
        assert report.org == "青山县人民政府" and report.title.replace("\n", "") == title, (style, report.title)
        (got,) = [blk for blk in Composer(report).compose().blocks if type(blk).__name__ == "Title"]
        want = ["青山县人民政府关于2024年度法治政府建设", "情况的报告"] if style == "literal" else \
            break_title(title, 20, ("青山县人民政府",))
        assert list(got.lines) == want, (style, got)


@pytest.mark.parametrize("header, written, boxes", [
    ("文件", "[中共新乐市委员会, 新乐市人民政府, 文件]", [["中共新乐市委员会", "新乐市人民政府"], ["文件"]]),
    ("文件", "[中共新乐市委员会　文件, 新乐市人民政府文件]", [["中共新乐市委员会", "新乐市人民政府"], ["文件"]]),
    ("文件", "[新乐市人民政府, 文件]", [["新乐市人民政府文件"]]),
    ("函", "[新乐市人民政府, 文件]", [["新乐市人民政府"]]),
    ("函", "[文件]", [["新乐市人民政府"]]),
], ids=["own-item", "after-each", "one-organ", "letter-one-organ", "only-wenjian"])
def test_wenjian_in_a_flag_list_is_printed_once(tmp_path, header, written, boxes):
    """However the clerk writes "文件" into the list (after an organ, as an item of its own), it is
    printed once, beside the organs; a 函 prints none."""
    from drafter.loader import load_text
    from drafter.render import docx_bytes

    text = example("xinle-2024-han").read_text(encoding="utf-8").replace(
        "版头: 函", f"版头: {header}\n发文机关标志: {written}")
    (tmp_path / "j.docx").write_bytes(docx_bytes(load_text(text, "j.yaml").report))
    doc = _xml(tmp_path / "j.docx", "word/document.xml")
    txbx = doc.findall(".//w:txbxContent", NS)
    assert [["".join(t.text for t in p.iter(q("t"))) for p in x.iter(q("p"))] for x in txbx] == boxes


def test_an_empty_item_of_the_signature_takes_no_place(tmp_path):
    """署名: [中共新乐市委员会, ''] prints one name, centred as one organ's (it printed a row of two)."""
    from drafter import blocks as B
    from drafter.compose import Composer
    from drafter.loader import load_text

    text = re.sub(r"(?m)^署名:\n(?:  - .*\n)+", "署名: [中共新乐市委员会, '']\n",
                  example("xinle-2024-han").read_text(encoding="utf-8"))
    text = text.replace("印章: 否", "印章: 是")
    report = load_text(text, "x.yaml").report
    (sig,) = [blk for blk in Composer(report).compose().blocks if isinstance(blk, B.Signature)]
    assert sig.names == ["中共新乐市委员会"] and sig.sealed
