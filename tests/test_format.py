"""Issue 22: ``drafter format`` — a draft written in Word or WPS laid out to GB/T 9704 in one step.

Real processes (the venv's ``python -m drafter``), real files made the way Word and WPS write them
(tests/data/corpus, built by tests/corpus/build_corpus.py), LibreOffice's PDF measured with
drafter.measure, and ``drafter inspect`` auditing what format wrote.
"""
from __future__ import annotations

import html
import json
import re
import shutil

import docx
import pytest

from conftest import DATA, EXAMPLES, run_cli, soffice_or_skip
from drafter import gbt9704 as G

CORPUS = DATA / "corpus"
MESSY = CORPUS / "wps-draft-messy-notice.docx"        # a first draft as clerks type it (see its builder)
NOTICE = CORPUS / "wps-notice-footer-textbox.docx"    # 通知, WPS 2019, 一、（一）
SKIP = CORPUS / "wps-notice-skip-level.docx"          # 通知, WPS 2023, 一、 then 1.
REQUEST = CORPUS / "wps-request-levels.docx"          # 请示, WPS 2023, 一、（一）1.
REPORT_MISSING_3 = CORPUS / "word-report-missing-part3.docx"
ZI = G.SIZE_3HAO * G.MM_PER_PT                        # 1 字 of 3号, mm
RIGHT = G.TYPE_AREA_RIGHT_MM
CENTRE = G.MARGIN_LEFT_MM + G.TYPE_AREA_WIDTH_MM / 2

# heading numbers as typed (一、 二. 三， (一) （二） 1、 2. (3) …): drafter regenerates them by level
DATE = re.compile(r"^\s*\d{4}年\d{1,2}月\d{1,2}日$")
NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．，,]|[（(][一二三四五六七八九十]+[)）]|\d+[.．、]|[（(]\d+[)）])")
SPACE = re.compile(r"[\s\u3000]+")


def paragraphs(path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def words(texts: list[str]) -> str:
    """The text of a document as a reader has it: whitespace (indents typed as spaces, the spaces that
    push a signature right, line breaks) and heading numbers left out."""
    return "".join(NUMBER.sub("", SPACE.sub("", t)) for t in texts)


def same_package(a, b) -> bool:
    """Two .docx files with the same parts, byte for byte (the times they were made aside: the zip
    entries' and core.xml's dcterms:created/modified)."""
    import zipfile

    def part(z, n):
        return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\1", z.read(n))

    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        return za.namelist() == zb.namelist() and all(part(za, n) == part(zb, n) for n in za.namelist())


def pdf_of(docx_paths, folder):
    from drafter.pdf import convert

    soffice_or_skip()
    return convert(list(docx_paths), folder)


def inspect_json(path) -> list[dict]:
    r = run_cli("inspect", "--format", "json", path)
    assert r.code in (0, 1), r
    return json.loads(r.out)


# --------------------------------------------------------------------------------------------------------
# every example: rendered, formatted, the same
@pytest.fixture(scope="module")
def formatted_examples(rendered, tmp_path_factory):
    """Every example's rendered .docx run through ``drafter format`` in one batch (-j 2)."""
    src = tmp_path_factory.mktemp("drafts")
    for stem, p in rendered.items():
        shutil.copy(p, src / p.name)
    out = tmp_path_factory.mktemp("formatted")
    r = run_cli("format", *sorted(src.glob("*.docx")), "-o", f"{out}/", "-j", "2", timeout=600)
    assert r.code == 0, r
    assert f"共 {len(rendered)} 个文件：已排版 {len(rendered)} 个" in r.err, r
    return {p.stem: p for p in out.glob("*.docx")}


def test_every_example_formats_to_the_same_text(rendered, formatted_examples):
    assert set(formatted_examples) == set(rendered)
    for stem, p in rendered.items():
        assert paragraphs(formatted_examples[stem]) == paragraphs(p), stem


def _layout(m):
    """What LibreOffice printed where: every line (page, text, position, size, colour) and rule."""
    lines = [(ln.page, ln.text, ln.x0, ln.x1, ln.top, ln.size, ln.red) for ln in m.lines]
    strokes = [(s.page, s.y, s.x0, s.x1, s.width_pt, s.red) for s in m.strokes]
    return lines, strokes


def _same(a, b, tol: float = 0.05) -> bool:
    return len(a) == len(b) and all(
        len(x) == len(y) and all(abs(u - v) <= tol if isinstance(u, float) else u == v for u, v in zip(x, y))
        for x, y in zip(a, b))


def test_every_example_formats_to_the_same_measured_layout(measured, formatted_examples, tmp_path):
    from drafter.measure import measure

    pdfs = {p.stem: p for p in pdf_of(formatted_examples.values(), tmp_path)}
    assert set(pdfs) == {p.stem for p in EXAMPLES}
    for stem, pdf in pdfs.items():
        mine, theirs = _layout(measure(pdf)), _layout(measured[stem])
        assert measured[stem].pages == measure(pdf).pages, stem
        assert _same(mine[0], theirs[0]), f"{stem}: lines differ"
        assert _same(mine[1], theirs[1]), f"{stem}: rules differ"


# --------------------------------------------------------------------------------------------------------
# a first draft as clerks type it
@pytest.fixture(scope="module")
def messy(tmp_path_factory):
    """The messy draft formatted without --fix, its PDF and what the command said."""
    tmp = tmp_path_factory.mktemp("messy")
    draft = tmp / "草稿.docx"
    shutil.copy(MESSY, draft)
    before = draft.read_bytes()
    r = run_cli("format", "草稿.docx", cwd=tmp)
    assert r.code == 0, r
    assert draft.read_bytes() == before, "the draft was changed"
    out = tmp / "草稿-排版.docx"                     # beside the draft, under a name of its own
    assert r.out.strip() == "已生成：草稿-排版.docx", r
    (pdf,) = pdf_of([out], tmp)
    from drafter.measure import measure

    return out, measure(pdf), r


def test_messy_draft_keeps_its_text_character_for_character(messy):
    """Every character of the draft is in the formatted document, nothing added: only heading numbers
    (typed in mixed forms, regenerated by level), whitespace (blank paragraphs, indents typed as spaces,
    the spaces pushing the signature right), the date (printed the GB/T 9704 way) and the full-width
    colon GB/T 9704 §7.3.2 puts after the 主送机关 differ.  Half-width punctuation stays (no --fix)."""
    out, _, _ = messy
    draft, done = paragraphs(MESSY), paragraphs(out)
    assert draft[-1] == " " * 42 + "2025.1.5" and done[-1] == "2025年1月5日"
    draft, done = draft[:-1], done[:-1]
    addressee = "各乡镇司法所,局机关各股室:"
    assert addressee in draft and addressee[:-1] + "：" in done
    draft = [addressee[:-1] + "：" if t == addressee else t for t in draft]
    assert words(done) == words(draft)
    assert "学法守法 快乐寒假。" in done and "请于2月20日前将活动总结报局法治宣传股(联系人:李明,电话:0000-6661234)。" in "".join(done)
    # the numbers, as GB/T 9704 §7.3.3 writes them, by level
    numbered = [NUMBER.match(t).group() for t in done if NUMBER.match(t)]
    assert numbered == ["一、", "二、", "（一）", "（二）", "1.", "2.", "（三）", "三、"]


def test_messy_draft_says_what_check_says_at_the_drafts_paragraphs(messy):
    _, _, r = messy
    assert "按“通用公文”排版（原文是一份通知（标题以“通知”结尾）" in r.err
    lines = [ln for ln in r.err.splitlines() if " FZ" in ln]
    assert lines and all(ln.startswith("草稿.docx: 警告 FZ4") for ln in lines), lines
    assert any("〔第6段：导语〕" in ln and "加 --fix 可自动修正" in ln for ln in lines), lines
    assert "检查：0 个错误，8 个警告" in r.err


def test_messy_draft_is_laid_out_to_gbt9704(messy):
    """Measured in LibreOffice's PDF: 22 lines a page (the 28.95 pt grid), 28 characters a line (the
    set pitch and lines filling the 版心), the title centred in 2号 on consecutive lines, the 署名 and
    成文日期 placed as §7.3.5.2 says (no seal)."""
    _, m, _ = messy
    assert m.page_mm == (G.PAGE_WIDTH_MM, G.PAGE_HEIGHT_MM)
    assert abs(m.line_pitch() - G.LINE_PITCH_MM) <= 0.12
    assert abs(m.char_pitch() - G.CHAR_PITCH_MM) <= 0.06
    assert abs(m.left() - G.MARGIN_LEFT_MM) <= G.MARGIN_TOLERANCE_MM and abs(m.right() - RIGHT) <= 0.6
    for p in range(1, m.pages + 1):              # every line on one of the page's 22 grid lines
        body = m.body_lines(p)
        offsets = sorted((ln.top - G.MARGIN_TOP_MM) % G.LINE_PITCH_MM for ln in body)
        first = G.MARGIN_TOP_MM + offsets[len(offsets) // 2]       # (黑体 glyphs stand ~0.5 mm lower)
        rows = [(ln.top - first) / G.LINE_PITCH_MM for ln in body]
        assert all(abs(x - round(x)) < 0.08 for x in rows), (p, rows)
        assert 0 <= min(round(x) for x in rows) and max(round(x) for x in rows) < G.LINES_PER_PAGE
        assert first + (G.LINES_PER_PAGE - 1) * G.LINE_PITCH_MM + ZI <= G.TYPE_AREA_BOTTOM_MM + 0.5
    assert all(ln.bottom <= G.TYPE_AREA_BOTTOM_MM + 0.5 for ln in m.body_lines())
    # lines break at the 版心's right edge: full lines end there, and hold 28 characters
    full = [ln for ln in m.body_lines() if ln.x1 > RIGHT - ZI]
    assert len(full) >= 8 and all(abs(ln.x1 - RIGHT) <= 0.6 for ln in full)
    assert m.max_chars_per_line() == G.CHARS_PER_LINE
    # indents: 2 字 for paragraphs and headings, none for the 主送机关 and wrapped lines
    (to,) = m.find("^各乡镇司法所,")
    assert abs(to.x0 - G.MARGIN_LEFT_MM) <= 0.6
    for head in ("^一、活动主题$", "^（一）法治宣讲", "^1\\.组织", "^为深入贯彻"):
        (ln,) = m.find(head)
        assert abs(ln.x0 - (G.MARGIN_LEFT_MM + 2 * ZI)) <= 0.6, head
    title = m.title_lines()
    assert [t.text for t in title] == ["云溪县司法局关于开展2025年寒假", "青少年法治教育活动的通知"]
    for t in title:
        assert abs(t.size - G.SIZE_2HAO) <= 0.2 and abs(t.centre_x - CENTRE) <= 1.0
    assert abs((title[1].top - title[0].top) - G.LINE_PITCH_MM) <= 0.5
    assert to.top - title[-1].bottom > G.LINE_PITCH_MM - 2                     # a blank line under the title
    # §7.3.5.2: 署名 right-indented 2 字, the date's first character 2 字 right of the 署名's; a date
    # longer than the 署名 keeps 2 字 from the right edge and the 署名 moves left with it
    last = m.page_lines(m.pages)
    (date,) = [ln for ln in last if ln.text == "2025年1月5日"]
    name = last[last.index(date) - 1]
    assert name.text == "云溪县司法局"
    assert abs((date.x0 - name.x0) - 2 * ZI) <= 0.6
    assert abs(date.x1 - (RIGHT - 2 * ZI)) <= 0.6 and name.x1 <= RIGHT - 2 * ZI + 0.6
    assert abs((date.top - name.top) - G.LINE_PITCH_MM) <= 0.5
    (closing,) = m.find("^特此通知。$")
    assert abs((name.top - closing.top) - 2 * G.LINE_PITCH_MM) <= 0.5           # one empty line between
    # page numbers: every page, 4号, "— N —"
    assert [n.page for n in m.page_numbers()] == list(range(1, m.pages + 1))


def test_messy_draft_passes_inspect(messy):
    """drafter's own auditor finds nothing in the layout: what is left is the draft's half-width
    punctuation and one space, which --fix would change."""
    out, _, _ = messy
    found = inspect_json(out)
    assert {f["code"] for f in found} == {"FZ401", "FZ405"}, [(f["code"], f["message"][:60]) for f in found]
    assert inspect_json(MESSY) and {"GB305", "GB501", "GB503", "GB504"} <= {f["code"] for f in inspect_json(MESSY)}


def test_fix_changes_the_characters_and_lists_them(tmp_path):
    draft = tmp_path / "草稿.docx"
    shutil.copy(MESSY, draft)
    r = run_cli("format", draft, "-o", tmp_path / "成稿.docx", "--fix", "--yaml", tmp_path / "成稿.yaml")
    assert r.code == 0, r
    fixed = r.err[r.err.index("已修正（--fix）8 处文字："):].splitlines()[1:9]
    assert fixed[0] == "  第4段：主送机关 › 第1项：FZ401 中文中使用了半角标点 , ; : ? ! ( ) .（1 处）", fixed
    assert fixed[1].startswith("  第6段：导语：FZ401") and fixed[1].endswith("（5 处）")
    assert any(x.startswith("  第10段：") and "FZ405" in x for x in fixed)
    assert "检查：没有发现问题。" in r.err
    done = paragraphs(tmp_path / "成稿.docx")
    assert done[1] == "各乡镇司法所，局机关各股室：" and "学法守法快乐寒假。" in done
    assert not [t for t in done if re.search(r"[\u4e00-\u9fff][,:;()]|[,:;(][\u4e00-\u9fff]", t)]
    # the YAML it wrote is what was laid out: drafter render of it writes the same document
    r2 = run_cli("render", tmp_path / "成稿.yaml", "-o", tmp_path / "再生成.docx")
    assert r2.code == 0, r2
    assert same_package(tmp_path / "再生成.docx", tmp_path / "成稿.docx")
    assert run_cli("check", tmp_path / "成稿.yaml").code == 0


# --------------------------------------------------------------------------------------------------------
# 通知 and 请示 made in WPS: their own titles, levels and 主送机关
@pytest.mark.parametrize("draft,title,to,numbers", [
    (NOTICE, "云溪县人民政府办公室\n关于做好2025年元旦春节期间安全生产工作的通知", "各乡镇人民政府，县政府各部门，各有关单位：",
     ["一、", "二、", "（一）", "（二）", "三、"]),
    (REQUEST, "云溪县人民政府\n关于申请2025年度基层法治建设专项资金的请示", "青原市人民政府：",
     ["一、", "（一）", "（二）", "二、", "（一）", "1.", "2.", "（二）", "三、"]),
    (SKIP, "云溪县人民政府办公室\n关于做好2025年行政规范性文件清理工作的通知", "各乡镇人民政府，县政府各部门：",
     ["一、", "二、", "1.", "2.", "三、", "1.", "2."]),
], ids=["notice", "request", "notice-skipping-a-level"])
def test_gongwen_formats_with_its_own_title_levels_and_addressee(tmp_path, draft, title, to, numbers):
    out = tmp_path / "out.docx"
    r = run_cli("format", draft, "-o", out)
    assert r.code == 0, r
    assert "按“通用公文”排版" in r.err and "检查：没有发现问题。" in r.err, r
    done = paragraphs(out)
    assert title in done and to in done
    assert [NUMBER.match(t).group() for t in done if NUMBER.match(t)] == numbers
    assert not any("特此报告" in t or "法治政府建设年度情况报告" in t for t in done)
    # the text from the title on, character for character (heading numbers and whitespace aside)
    typed = paragraphs(draft)
    typed, done = typed[typed.index(title.split("\n")[0]):], done[done.index(title):]
    assert words([t for t in typed if not DATE.search(t)]) == words([t for t in done if not DATE.search(t)])
    found = inspect_json(out)
    errors = [(f["code"], f["message"][:50]) for f in found if f["severity"] == "error"]
    assert not errors, errors
    assert not [f for f in found if f["code"] in ("GB305", "GB501", "GB503", "GB504", "GB505")]


def test_a_skipped_level_is_kept_and_said(tmp_path):
    r = run_cli("format", SKIP, "-o", tmp_path / "out.docx", "--yaml", tmp_path / "out.yaml")
    assert r.code == 0, r
    assert "原文的标题层次是“一、”“1.”（没有“（一）”这一层），已按原文保留" in r.err
    text = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    assert "报告类型: 通用公文" in text and "层次序号:" in text


@pytest.mark.parametrize("draft", [NOTICE, REQUEST], ids=["notice", "request"])
def test_import_of_a_gongwen_gives_the_general_kind_and_checks_clean(tmp_path, draft):
    r = run_cli("import", draft, "-o", tmp_path / "x.yaml")
    assert r.code == 0, r
    assert "类型：通用公文（原文是一份" in r.out and "检查：0 个错误" in r.out, r
    text = (tmp_path / "x.yaml").read_text(encoding="utf-8")
    assert "报告类型: 通用公文" in text and "省略部分" not in text and "【" not in text
    assert run_cli("check", tmp_path / "x.yaml").code == 0
    # --kind overrides: the same file as an annual report lacks its parts
    r = run_cli("import", draft, "-o", tmp_path / "y.yaml", "--kind", "法治政府建设年度情况报告")
    assert "类型：法治政府建设年度情况报告（按 --kind 指定）" in r.out and "省略部分" in (tmp_path / "y.yaml").read_text(
        encoding="utf-8")


# --------------------------------------------------------------------------------------------------------
# the annual report: all its checks; parts it lacks are omitted, named, never a placeholder
def test_a_report_missing_a_part_is_laid_out_and_the_part_named(tmp_path):
    r = run_cli("format", REPORT_MISSING_3, "-o", tmp_path / "out.docx", "--yaml", tmp_path / "out.yaml")
    assert r.code == 0, r
    assert "按“法治政府建设年度情况报告”排版（原文是一份法治政府建设年度情况报告）" in r.err
    (line,) = [ln for ln in r.err.splitlines() if "FZ102" in ln]
    assert "警告 FZ102" in line and "第三部分“党政主要负责人履行推进法治建设第一责任人职责情况”未单列" in line
    done = paragraphs(tmp_path / "out.docx")
    assert not [t for t in done if "【" in t or "请填写" in t or "请补写" in t]
    assert [t for t in done if NUMBER.match(t) and "、" in t[:3]][:4] == [
        t for t in paragraphs(REPORT_MISSING_3) if NUMBER.match(t) and "、" in t[:3]][:4]
    # the YAML goes on from there: check warns, render writes the same document
    assert run_cli("check", tmp_path / "out.yaml").code == 0
    r = run_cli("render", tmp_path / "out.yaml", "-o", tmp_path / "again.docx")
    assert r.code == 0 and same_package(tmp_path / "again.docx", tmp_path / "out.docx")


def test_kind_option_overrides_the_reading(tmp_path):
    r = run_cli("format", NOTICE, "-o", tmp_path / "out.docx", "--kind", "法治政府建设年度情况报告")
    assert r.code == 0, r
    assert "按“法治政府建设年度情况报告”排版（按 --kind 指定）" in r.err
    assert sum("FZ102" in ln for ln in r.err.splitlines()) == 4          # parts 二–五 named
    done = paragraphs(tmp_path / "out.docx")
    assert not [t for t in done if "【" in t]


# --------------------------------------------------------------------------------------------------------
# what a draft rarely contains, given on the command line
def test_header_number_addressee_and_date_options(tmp_path):
    out = tmp_path / "函.docx"
    r = run_cli("format", MESSY, "-o", out, "--header", "函", "--number", "云司函〔2025〕1号", "--to",
                "云溪县人民政府、县委依法治县办", "--date", "2025年1月6日")
    assert r.code == 0, r
    done = paragraphs(out)
    assert "云司函〔2025〕1号" in done and "云溪县人民政府、县委依法治县办：" in done
    assert done[-1] == "2025年1月6日" and "2025年1月5日" not in done
    doc = docx.Document(str(out))
    xml = doc.element.xml
    assert "云溪县司法局" in xml                                           # the 标志 (a text box) names the organ
    r = run_cli("format", MESSY, "-o", tmp_path / "文件.docx", "--header", "文件", "--number", "云司发〔2025〕1号")
    assert r.code == 0 and "云司发〔2025〕1号" in paragraphs(tmp_path / "文件.docx")[0]
    r = run_cli("format", MESSY, "-o", tmp_path / "无.docx", "--header", "无")
    assert r.code == 0 and paragraphs(tmp_path / "无.docx")[0].startswith("云溪县司法局关于")


def test_a_header_without_its_number_is_laid_out_and_told(tmp_path):
    r = run_cli("format", MESSY, "-o", tmp_path / "out.docx", "--header", "文件")
    assert r.code == 0, r
    assert "错误 FZ115" in r.err and "须写“发文字号”" in r.err and (tmp_path / "out.docx").is_file()


@pytest.mark.parametrize("args,says", [
    (["--date", "2025-13-40"], "参数 --date 不正确"),
    (["--date", "明天"], "参数 --date 不正确"),
    (["--header", "红头"], "参数 --header 不正确"),
    (["--kind", "会议记录"], "参数 --kind 不正确"),
    (["--to", " "], "主送机关不能为空"),
])
def test_usage_errors(tmp_path, args, says):
    r = run_cli("format", MESSY, "-o", tmp_path / "out.docx", *args)
    assert r.code == 2 and r.err.startswith("用法错误：") and says in r.err, r
    assert not list(tmp_path.iterdir())


def test_outputs_are_refused_as_the_other_commands_refuse_them(tmp_path):
    draft = tmp_path / "草稿.docx"
    shutil.copy(MESSY, draft)
    r = run_cli("format", draft, "-o", draft)
    assert r.code == 1 and "错误 FZ050" in r.err, r
    r = run_cli("format", draft, "-o", tmp_path / "成稿.pdf")
    assert r.code == 1 and "错误 FZ055" in r.err and "--pdf" in r.err, r
    r = run_cli("format", draft, "-o", tmp_path / "成稿.docx", "--yaml", tmp_path / "成稿.txt")
    assert r.code == 1 and "错误 FZ055" in r.err, r
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.docx"]
    (tmp_path / "成稿.docx").write_bytes(b"old")
    r = run_cli("format", draft, "-o", tmp_path / "成稿.docx")
    assert r.code == 1 and "错误 FZ051" in r.err and (tmp_path / "成稿.docx").read_bytes() == b"old"
    assert run_cli("format", draft, "-o", tmp_path / "成稿.docx", "--force").code == 0
    r = run_cli("format", tmp_path / "没有这个文件.docx")
    assert r.code == 1 and "错误 FZ001" in r.err
    r = run_cli("format", draft, MESSY, "-o", tmp_path / "成稿.docx")
    assert r.code == 1 and "错误 FZ057" in r.err
    (tmp_path / "坏的.docx").write_bytes(b"PK\x03\x04 not a zip")
    r = run_cli("format", tmp_path / "坏的.docx")
    assert r.code == 1 and re.search(r"错误 FZ08\d", r.err) and not (tmp_path / "坏的-排版.docx").exists()


def test_text_and_markdown_drafts(tmp_path):
    text = ("云溪县司法局关于报送2024年度普法工作总结的通知\n\n各乡镇司法所:\n\n"
            "    为做好年度普法考核工作,现将有关事项通知如下:\n\n一、报送内容\n\n    2024年度普法工作总结。\n\n"
            "二、报送时间\n\n    请于2025年1月10日前报送。\n\n特此通知。\n\n            云溪县司法局\n            2024.12.30\n")
    (tmp_path / "通知.txt").write_text(text, encoding="utf-8")
    # (Markdown joins the lines of a paragraph: the 署名 and the date are paragraphs of their own there)
    (tmp_path / "通知.md").write_text(text.replace("一、", "## 一、").replace("二、", "## 二、")
                                     .replace("司法局\n", "司法局\n\n"), encoding="utf-8")
    for name in ("通知.txt", "通知.md"):
        r = run_cli("format", name, "-o", f"{name}.docx", cwd=tmp_path)
        assert r.code == 0, r
        done = paragraphs(tmp_path / f"{name}.docx")
        assert done[:3] == ["云溪县司法局关于报送\n2024年度普法工作总结的通知", "各乡镇司法所：",
                            "为做好年度普法考核工作,现将有关事项通知如下:"], done
        assert done[3] == "一、报送内容" and done[-2:] == ["云溪县司法局", "2024年12月30日"]
    r = run_cli("format", "通知.txt", cwd=tmp_path)
    assert r.code == 0 and (tmp_path / "通知.docx").is_file()        # a text draft: its own name, .docx


def test_a_saved_web_page_and_a_pdf_format_like_the_report_they_hold(tmp_path):
    """.html and .pdf go through the importer's readers: last year's published report laid out again,
    the site's furniture named (whole, or cut with "……", never cut silently) and left out."""
    soffice_or_skip()
    from drafter.pdf import convert

    page = tmp_path / "白沙镇.htm"
    shutil.copy(DATA / "web" / "baisha-plain-gbk.htm", page)
    r = run_cli("format", page.name, cwd=tmp_path)
    assert r.code == 0, r
    laid = paragraphs(tmp_path / "白沙镇.docx")
    assert laid[0].replace("\n", "") == "白沙镇人民政府关于2023年度法治政府建设工作情况的报告", laid[:2]   # as published
    assert "已去掉网页上不属于公文的文字" in r.err
    for quoted in re.findall(r"“([^”]*)”", r.err.split("已去掉网页上不属于公文的文字", 1)[1].split("\n", 1)[0]):
        shown = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page.read_bytes().decode("gb18030"))))
        assert quoted.endswith("……") or re.sub(r"\s+", " ", quoted) in shown, quoted
    assert not any("网站首页" in t or "发布时间" in t for t in laid)
    (pdf,) = convert([tmp_path / "白沙镇.docx"], tmp_path / "pdf", "pdf")
    r = run_cli("format", pdf, "-o", tmp_path / "从PDF.docx")
    assert r.code == 0, r
    assert words(paragraphs(tmp_path / "从PDF.docx")) == words(laid)


def test_several_drafts_at_once(tmp_path):
    for p in (MESSY, NOTICE, REQUEST):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "坏的.docx").write_bytes(b"not a docx at all")
    names = [MESSY.name, NOTICE.name, "坏的.docx", REQUEST.name]
    r = run_cli("format", *names, "-o", "成稿/", "--yaml", "yaml/", "-j", "2", cwd=tmp_path)
    assert r.code == 1, r
    assert "共 4 个文件：已排版 3 个，失败 1 个" in r.err and "坏的.docx：FZ08" in r.err
    assert sorted(p.name for p in (tmp_path / "成稿").iterdir()) == sorted(
        p.replace(".docx", ".docx") for p in (MESSY.name, NOTICE.name, REQUEST.name))
    assert sorted(p.name for p in (tmp_path / "yaml").iterdir()) == sorted(
        p.replace(".docx", ".yaml") for p in (MESSY.name, NOTICE.name, REQUEST.name))
    assert r.out.count("已生成：") == 6
    # the same outputs as one at a time
    run_cli("format", MESSY.name, "-o", "one.docx", cwd=tmp_path)
    assert same_package(tmp_path / "one.docx", tmp_path / "成稿" / MESSY.name)


def test_a_draft_without_an_organ_is_laid_out_and_told(tmp_path):
    """No organ anywhere (no 署名, none in the title): the date stands where it would under a 署名,
    FZ125 says what is missing, no placeholder is printed; --org supplies it, and a 版头 asked for
    without an organ is not made up."""
    (tmp_path / "通知.txt").write_text("关于召开全体会议的通知\n各科室：\n定于1月10日上午9时在三楼会议室召开全体会议，请准时参加。\n"
                                     "2025年1月5日\n", encoding="utf-8")
    r = run_cli("format", "通知.txt", cwd=tmp_path)
    assert r.code == 0 and "错误 FZ125" in r.err and "可加 --org 写明" in r.err, r
    assert paragraphs(tmp_path / "通知.docx")[-1] == "2025年1月5日"
    assert not [t for t in paragraphs(tmp_path / "通知.docx") if "【" in t]
    r = run_cli("format", "通知.txt", "-o", "函.docx", "--header", "函", cwd=tmp_path)
    assert r.code == 0 and "已按无版头排版；请加 --org 写明发文机关" in r.err, r
    r = run_cli("format", "通知.txt", "-o", "署名.docx", "--org", "云溪县司法局", cwd=tmp_path)
    assert r.code == 0 and "FZ125" not in r.err, r
    assert paragraphs(tmp_path / "署名.docx")[-2:] == ["云溪县司法局", "2025年1月5日"]


def test_attachments_after_the_date_are_kept_on_pages_of_their_own(tmp_path):
    """A 通知's 附件 (after the 成文日期: "附件1", its title, its text or table) are laid out after the body
    on pages of their own (§7.3.7), their text kept: a table stays a table."""
    d = docx.Document()
    for t in ["云溪县司法局关于报送2024年度普法责任制落实情况的通知", "各乡镇司法所：", "现将有关事项通知如下：",
              "一、报送内容", "普法责任制落实情况统计表。", "附件：1.2024年度普法责任制落实情况统计表",
              "2.普法责任制考核评分细则", "云溪县司法局", "2024年12月30日", "附件1", "2024年度普法责任制落实情况统计表"]:
        d.add_paragraph(t)
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate([["单位", "普法活动（次）", "受众（人次）"], ["清河镇", "12", "3600"], ["北山镇", "9", "2100"]]):
        for c, v in enumerate(row):
            table.cell(r, c).text = v
    for t in ["附件2", "普法责任制考核评分细则", "一、组织领导（20分）", "成立普法工作领导小组，得10分。"]:
        d.add_paragraph(t)
    d.save(str(tmp_path / "通知.docx"))
    r = run_cli("format", "通知.docx", cwd=tmp_path)
    assert r.code == 0 and "原稿成文日期之后的附件（2 个，" in r.err, r
    out = docx.Document(str(tmp_path / "通知-排版.docx"))
    texts = [p.text for p in out.paragraphs if p.text.strip()]
    at = texts.index("附件1")
    assert texts[at:] == ["附件1", "2024年度普法责任制落实情况统计表", "附件2", "普法责任制考核评分细则",
                          "一、组织领导（20分）", "成立普法工作领导小组，得10分。"], texts[at:]
    assert texts[texts.index("2024年12月30日") - 1] == "云溪县司法局"
    (t,) = out.tables if len(out.tables) == 1 else [x for x in out.tables if "单位" in x.cell(0, 0).text]
    assert [[c.text for c in row.cells] for row in t.rows] == [["单位", "普法活动（次）", "受众（人次）"],
                                                               ["清河镇", "12", "3600"], ["北山镇", "9", "2100"]]
    for label in ("附件1", "附件2"):                     # each on a page of its own
        (p,) = [p for p in out.paragraphs if p.text == label]
        assert p.paragraph_format.page_break_before or p.style.paragraph_format.page_break_before, label


def test_a_head_drafter_does_not_make_is_named_not_dropped_silently(tmp_path):
    """A 命令's head (标志 "……令" and 令号, GB/T 9704 §10.2) is no format drafter lays out: the 令 is laid
    out as a 公文 without it, and the lines left out are named."""
    r = run_cli("format", CORPUS / "wps-order-ling.docx", "-o", tmp_path / "out.docx")
    assert r.code == 0, r
    assert "原稿是命令格式的版头（“青原市人民政府令”、“第35号”）：drafter 只排文件、信函和无版头格式，这几行未排出" in r.err, r


def test_the_progress_bar_counts_a_draft_refused_before_the_pool(tmp_path, capsys):
    """A draft whose output would overwrite another input (FZ050) is refused while the outputs are
    planned: the bar counts it as failed and still ends at the total, as render's does."""
    from drafter.formatting import format_many

    shutil.copy(REQUEST, tmp_path / "y.docx")
    shutil.copy(REQUEST, tmp_path / "y-排版.docx")
    res = format_many([tmp_path / "y.docx", tmp_path / "y-排版.docx"], jobs=1, progress=True)
    assert [o.ok for o in res.outcomes] == [False, True] and res.outcomes[0].error[0].code == "FZ050"
    frames = [f for f in capsys.readouterr().err.split("\r") if f.startswith("排版 [")]
    assert frames and "2/2" in frames[-1] and "失败 1" in frames[-1], frames


def test_a_draft_that_is_no_gongwen_is_named_so_in_plain_words(tmp_path):
    """The pandoc reference document (English, no 文种 in its title) is laid out as 通用公文, and the
    reason reads as Chinese: “原文不像是公文（……），也不像法治政府建设年度情况报告”."""
    r = run_cli("format", CORPUS / "pandoc-reference.docx", "-o", tmp_path / "out.docx")
    assert r.code == 0, r
    assert "原文不像是公文（" in r.err and "，也不像法治政府建设年度情况报告；" in r.err and "原文是不像" not in r.err, r.err
