"""Issue 18: tables and 附件 pages, rendered, converted by LibreOffice and measured; the rendered text
of every example unchanged by the move to python-docx; a document edited through the Python API.
Issue 19: no justified line stretched wide."""
from __future__ import annotations

import re
import shutil

import pdfplumber
import pytest

from conftest import EXAMPLES, ROOT, example, run_cli, soffice_or_skip
from drafter import gbt9704 as G
from rendered_text import paragraph_texts

MORE = ROOT / "examples" / "with-tables"
MM = G.MM_PER_PT
DATA = ROOT / "tests" / "data" / "rendered"


# --- the rendered text is what the hand-built writer gave -----------------------------------------
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_rendered_text_is_identical_to_the_writer_before_python_docx(path, rendered):
    """tests/data/rendered/<example>.txt: every paragraph's text (body, text boxes, 版记) as the lxml
    writer wrote it before issue 18; python-docx's writer gives the same, paragraph for paragraph."""
    want = [eval(line) for line in (DATA / f"{path.stem}.txt").read_text(encoding="utf-8").splitlines()]  # noqa: S307
    assert paragraph_texts(rendered[path.stem]) == want


# --- bad tables at file:line ------------------------------------------------------------------------
def _with_table(tmp_path, table_yaml: str, extra: dict | None = None):
    text = example("short-complete").read_text(encoding="utf-8")
    text = text.replace("      - 无\n", "      - 无\n      - 表格:\n" + "".join(
        "          " + ln + "\n" for ln in table_yaml.strip("\n").splitlines()))
    p = tmp_path / "r.yaml"
    p.write_text(text, encoding="utf-8")
    for name, data in (extra or {}).items():
        (tmp_path / name).write_bytes(data)
    return p


@pytest.mark.parametrize("table, files, code, where", [
    ("行:\n  - [甲, 1]\n  - [乙]\n", {}, "FZ043", "r.yaml:"),
    ("表头: [类别, 数量]\n行: []\n", {}, None, None),
    ("标题: 空表\n", {}, "FZ042", "r.yaml:"),
    ("来自: 没有.csv\n", {}, "FZ040", "r.yaml:"),
    ("来自: t.csv\n", {"t.csv": b"\xff\xfe\x00\x41\x80\x81"}, "FZ041", "r.yaml:"),
    ("来自: t.csv\n", {"t.csv": "类别,数量\n甲,1\n乙\n".encode("gbk")}, "FZ043", "t.csv:3"),
    ("来自: t.csv\n", {"t.csv": b""}, "FZ042", "r.yaml:"),
    ("行:\n  - [" + ", ".join(f"第{k}列内容" for k in range(20)) + "]\n", {}, "FZ044", "r.yaml:"),
], ids=["ragged", "header-only", "empty", "csv-missing", "csv-undecodable", "csv-ragged", "csv-empty", "too-wide"])
def test_bad_tables_are_told_at_file_and_line(tmp_path, table, files, code, where):
    p = _with_table(tmp_path, table, files)
    r = run_cli("check", p)
    if code is None:
        assert r.code == 0, r
        return
    assert r.code == 1 and code in r.text, r
    line = next(ln for ln in r.text.splitlines() if code in ln)
    assert re.match(re.escape(str(tmp_path / where.split(":")[0])) + r":\d+", line) or where in line, line
    if where.endswith(":3"):
        assert line.startswith(f"{tmp_path / 't.csv'}:3:"), line
    r = run_cli("render", p)
    assert r.code == 1 and not (tmp_path / "r.docx").exists()


def test_a_gbk_csv_and_its_header_row(tmp_path):
    from drafter.api import load

    p = _with_table(tmp_path, "标题: 统计\n来自: t.csv\n", {"t.csv": "年度,收案（件）\r\n2023年,92\r\n2024年,104\r\n".encode("gbk")})
    t = load(p).sections[-1].content[-1].table
    assert t.header == [["年度", "收案（件）"]] and t.rows == [["2023年", "92"], ["2024年", "104"]]


# --- a 附件 or a table written in the wrong shape: the field named, at its line ----------------------
_TWO = "附件:\n  - 青山县2024年度重大行政决策事项目录\n  - 青山县2024年度行政执法统计表\n"


@pytest.mark.parametrize("attachments, code, line, fragment", [
    ("附件:\n  - 内容: [一段文字。]\n", "FZ020", 54, "缺少必填项“标题”，请在附件 › 第1项中添加“标题: ……”"),
    ("附件:\n  - 标题: [甲]\n    内容: [一段文字。]\n", "FZ022", 54, "“标题”应为文字，这里是列表"),
    ("附件:\n  - 标题: 甲\n    内容:\n      - 表格:\n          标题: [1]\n          行: [[a]]\n", "FZ022", 57,
     "“标题”应为文字"),
    ("附件:\n  - 标题: 甲\n    内容:\n      - 表格:\n          行: [[甲, [1, 2]]]\n", "FZ022", 57,
     "表格的每一格应为文字或数字，这里是列表"),
    ("附件:\n  - 标题: 甲\n    内容:\n      - 表格:\n          行: [[甲, 说明: 无]]\n", "FZ022", 57,
     "表格的每一格应为文字或数字，这里是若干“键: 值”"),
    ("附件:\n  - 标题: 甲\n    内容:\n      - 5\n", "FZ030", 56, "这一项应为一段文字、带“标题”的小标题，或“表格”"),
    ("附件:\n  - 5\n", "FZ030", 54, "每个附件应写一个名称，或写成带“标题”和“内容”的附件"),
], ids=["no-title", "title-list", "table-title-list", "cell-list", "cell-mapping", "item-number", "entry-number"])
def test_a_misshapen_attachment_or_table_is_named_at_its_line(attachments, code, line, fragment):
    """The tags of the model's unions (附件/名称, 段落/小标题/表格) are no field: a missing 标题 of an 附件
    was reported as a missing “附件” at the list, and a wrong cell at the 附件's first line."""
    from drafter.loader import load_text

    text = example("short-complete").read_text(encoding="utf-8")
    assert _TWO in text
    ds = load_text(text.replace(_TWO, attachments), "t.yaml").diagnostics
    assert [(d.code, d.line) for d in ds] == [(code, line)], [d.format() for d in ds]
    assert fragment in ds[0].message, ds[0].message


# --- the examples, measured -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def more(tmp_path_factory):
    """examples/with-tables rendered by the command and converted by LibreOffice: {stem: (docx, pdf)}."""
    soffice_or_skip()
    from drafter.pdf import convert

    out = tmp_path_factory.mktemp("more")
    docs = []
    for y in sorted(MORE.glob("*.yaml")):
        r = run_cli("render", y, "-o", out / f"{y.stem}.docx")
        assert r.code == 0, r
        docs.append(out / f"{y.stem}.docx")
    return {p.stem: (out / f"{p.stem}.docx", p) for p in convert(docs, out)}


def _pages(pdf):
    with pdfplumber.open(str(pdf)) as d:
        return [(p.width * MM, p.height * MM, [c for c in p.chars if c["text"].strip()],
                 list(p.lines) + list(p.rects)) for p in d.pages]


def _line(chars, text):
    """The chars of the first printed line that starts with ``text`` (upright chars only)."""
    rows = {}
    for c in chars:
        if c.get("upright", True):
            rows.setdefault(round(c["bottom"]), []).append(c)
    for _, cs in sorted(rows.items()):
        cs.sort(key=lambda c: c["x0"])
        if "".join(c["text"] for c in cs).startswith(text):
            return cs
    return None


def test_table_in_part_one_inside_the_type_area(more):
    docx, pdf = more["table-2024"]
    pages = _pages(pdf)
    _, _, chars, strokes = pages[0]
    title = _line(chars, "2024年石门县行政执法案件统计表")
    assert title and abs((title[0]["x0"] + title[-1]["x1"]) / 2 * MM - 106) <= 1.0       # centred
    assert all(abs(c["size"] - G.SIZE_3HAO) < 0.3 for c in title)
    rules = [s for s in strokes if s["top"] * MM > title[0]["bottom"] * MM]
    x0 = min(s["x0"] for s in rules) * MM
    x1 = max(s["x1"] for s in rules) * MM
    assert G.MARGIN_LEFT_MM - 0.5 <= x0 and x1 <= G.TYPE_AREA_RIGHT_MM + 0.5, (x0, x1)   # inside the 版心
    assert abs((x1 - x0) - G.TYPE_AREA_WIDTH_MM) <= 1.0
    head = _line(chars, "执法部门")
    assert head and {c["fontname"] for c in head} != {c["fontname"] for c in _line(chars, "县市场监管局")}
    row = _line(chars, "县市场监管局")
    assert all(abs(c["size"] - G.SIZE_4HAO) < 0.3 for c in row)                        # 4号 cells
    # numbers flush right: the right ends of a number column agree
    ends = [(_line(chars, n)) for n in ("县市场监管局", "县交通运输局", "合计")]
    rights = [next(c for c in cs if c["text"] == "2" and cs.index(c) < 12) for cs in ends[:1]]
    assert rights
    import docx as pydocx

    d = pydocx.Document(str(docx))
    t = d.tables[0]
    assert [c.text for c in t.rows[0].cells] == ["执法部门", "行政处罚（件）", "行政许可（件）", "行政强制（件）", "同比"]
    assert t.rows[1].cells[1].paragraphs[0].alignment == 2           # right
    assert d.tables[1].rows[0].cells[0].text == "年度" and d.tables[1].rows[3].cells[4].text == "1"   # the CSV


def test_attachments_on_pages_of_their_own(more):
    docx, pdf = more["attachments-2024"]
    pages = _pages(pdf)
    n = len(pages)
    starts = {}
    for k, (w, h, chars, _) in enumerate(pages, 1):
        for label in ("附件1", "附件2"):
            cs = _line(chars, label)
            if cs and "".join(c["text"] for c in cs) == label:
                starts[label] = (k, w, h, cs)
    assert set(starts) == {"附件1", "附件2"}
    for label, (k, w, h, cs) in starts.items():
        landscape = w > h
        top_margin = G.twips_to_mm(G.LANDSCAPE_MARGIN_TOP if landscape else G.MARGIN_TOP)
        left_margin = G.twips_to_mm(G.LANDSCAPE_MARGIN_LEFT if landscape else G.MARGIN_LEFT)
        assert abs(cs[0]["x0"] * MM - left_margin) <= 0.6, label                            # flush left
        assert top_margin <= cs[0]["top"] * MM <= top_margin + 4.5, label                 # first line
        assert all(abs(c["size"] - G.SIZE_3HAO) < 0.3 for c in cs)
        # the title on the third line, 2号, centred
        title = [c for c in pages[k - 1][2] if abs(c["size"] - G.SIZE_2HAO) < 0.3]
        first_title_top = min(c["top"] for c in title) * MM
        assert abs(first_title_top - cs[0]["top"] * MM - 2 * G.LINE_PITCH_MM) <= 2.0, (label, first_title_top)
    assert starts["附件1"][1] < starts["附件1"][2] and starts["附件2"][1] > starts["附件2"][2]   # 2 is 横排
    # page numbers run on: every page but a 横排 one carries an upright “— N —”; a 横排 page carries it
    # turned, left of the table (odd pages low, even pages high), where the sheet's foot is
    for k, (w, h, chars, _) in enumerate(pages, 1):
        if w < h:
            assert _line(chars, "—") and re.fullmatch(rf"—\s*{k}\s*—", "".join(c["text"] for c in _line(chars, "—")))
            continue
        turned = [c for c in chars if not c.get("upright", True)]
        assert "".join(c["text"] for c in sorted(turned, key=lambda c: c["top"])).replace(" ", "") == f"—{k}—", k
        x = min(c["x0"] for c in turned) * MM
        assert x < G.twips_to_mm(G.LANDSCAPE_MARGIN_LEFT) - 3                          # left of the table
        y_mid = sum(c["top"] + c["bottom"] for c in turned) / 2 / len(turned) * MM
        assert (y_mid > h / 2) == (k % 2 == 1), (k, y_mid)                             # odd low, even high
    # the header row repeats on the second 横排 page
    landscape = [p for p in pages if p[0] > p[1]]
    assert len(landscape) >= 2
    assert all(_line(p[2], "序") for p in landscape)
    # the 版记 on the last page, a portrait one
    w, h, chars, strokes = pages[-1]
    assert w < h and _line(chars, "抄送：")
    assert not any(_line(p[2], "抄送：") for p in pages[:-1])
    import docx as pydocx

    d = pydocx.Document(str(docx))
    assert [s.orientation for s in d.sections] == [0, 1, 0]


# --- the Python API ----------------------------------------------------------------------------------
def _readme_api_example() -> str:
    """The Python API example of README.md, as written (the ```python block that loads a report)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)
    found = [b for b in blocks if "drafter.load(" in b]
    assert len(found) == 1, "README.md should hold one Python API example"
    return found[0]


def test_the_readme_api_example_runs_as_written(tmp_path):
    """README's Python API example, run as written in a folder holding 新乐市2024.yaml — a complete
    report (short-complete), whose rendering inspect finds clean, so what inspect says of the edited
    file is the edit's: it renders the report, adds a paragraph and a table to the body with
    python-docx and saves; drafter inspect finds no error in the saved file, and nothing but the
    table's row (inspect reads a row as one line of text)."""
    import subprocess
    import sys

    code = _readme_api_example()
    shutil.copy(example("short-complete"), tmp_path / "新乐市2024.yaml")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    saved, rendered = tmp_path / "新乐市2024-补充.docx", tmp_path / "新乐市2024.docx"
    doc = __import__("docx").Document(str(saved))
    body = list(doc.iter_inner_content())                   # paragraphs and tables in document order
    at = next(i for i, x in enumerate(body) if getattr(x, "text", "").startswith("二、"))
    assert not hasattr(body[at - 1], "text")                                        # the table, before part 二
    assert body[at - 2].text == "全市共有行政执法人员312名，全部持证上岗。" and body[at - 2].style.name == "Normal"
    assert [[c.text for c in row.cells] for row in doc.tables[0].rows] == [
        ["类别", "人数"], ["行政执法人员", "312"], ["法制审核人员", "26"]]
    r = run_cli("inspect", rendered)
    assert r.code == 0 and "没有发现" in r.out, r
    r = run_cli("inspect", saved)
    assert r.code == 0 and " 错误 " not in r.out, r
    said = [ln for ln in r.out.splitlines() if " 警告 " in ln]
    assert all("“类别　人数”" in ln for ln in said), said


def test_a_document_edited_through_the_api_stays_clean_for_inspect(tmp_path):
    """Load, lay out, add a paragraph to the body with python-docx, save: drafter inspect finds nothing
    to say about the file."""
    import drafter

    report = drafter.load(example("short-complete"))
    assert not [d for d in drafter.check(report) if d.severity == "error"]
    doc = drafter.to_document(report)
    body = next(p for p in doc.paragraphs if p.text.startswith("2025年，我县将重点抓好"))
    new = body.insert_paragraph_before("全县共有执法人员312名，全部持证上岗。")
    assert new.style.style_id == "Normal"
    out = tmp_path / "edited.docx"
    doc.save(str(out))
    reread = __import__("docx").Document(str(out))
    assert any(p.text == "全县共有执法人员312名，全部持证上岗。" for p in reread.paragraphs)
    r = run_cli("inspect", out)
    assert r.code == 0 and "没有发现" in r.out, r


def test_load_raises_the_check_diagnostics_and_render_is_atomic(tmp_path):
    import drafter

    bad = tmp_path / "bad.yaml"
    bad.write_text("发文机关: 青山县人民政府\n年度: 二〇二四年\n", encoding="utf-8")
    with pytest.raises(drafter.ReportError) as e:
        drafter.load(bad)
    assert {d.code for d in e.value.diagnostics} == {d.code for d in __import__("drafter.check").check.check_file(bad).errors}
    src = tmp_path / "r.yaml"
    shutil.copy(example("short-complete"), src)
    report = drafter.load(src)
    out = drafter.render(report, tmp_path / "r.docx")
    assert out.docx.read_bytes()[:2] == b"PK" and not [x for x in tmp_path.iterdir() if x.name.startswith(".")]
    with pytest.raises(drafter.ReportError):
        report.sections.clear()               # a report with errors is not rendered
        drafter.render(report, tmp_path / "r.docx")


# --- issue 19: no justified line stretched wide ---------------------------------------------------------
def widest_advance(pdf) -> tuple[float, str]:
    """The widest advance from one 汉字 to the next on any full line of the body (a line that is not a
    paragraph's last: the next line starts at the 版心's left edge), in normal pitches (156/28 mm).
    Quotes and Latin are left out: LibreOffice sets “” in the CJK font, a full 字 wide, and adds its
    own space where CJK and Latin script meet."""
    from drafter.measure import measure
    from drafter.textutil import is_cjk

    m = measure(pdf)
    worst, where = 0.0, ""
    for p in range(1, m.pages + 1):
        bl = m.body_lines(p)
        for a, b in zip(bl, bl[1:]):
            if abs(b.x0 - G.MARGIN_LEFT_MM) > 0.6 or abs(a.x1 - G.TYPE_AREA_RIGHT_MM) > 1.5:
                continue
            cs = [c for c in a.chars if len(c["text"]) == 1]
            for c, d in zip(cs, cs[1:]):
                if not (is_cjk(c["text"]) and is_cjk(d["text"])):   # between two 汉字: the stretched gap
                    continue
                r = (d["x0"] - c["x0"]) * MM / G.CHAR_PITCH_MM
                if r > worst:
                    worst, where = r, f"p{p}: {a.text[:30]}"
    return worst, where


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_no_justified_line_is_stretched_wide(rendered_pdf, stem):
    worst, where = widest_advance(rendered_pdf[stem])
    assert worst <= 1.5, (worst, where)
