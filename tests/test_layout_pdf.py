"""Issue 3: render every example, convert with LibreOffice, and measure the page against GB/T 9704.

Figures and tolerances come from drafter.gbt9704 (the standard) and the spec's §12 measuring rules.
"""
from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES, example, signed_by, soffice_or_skip
from drafter import gbt9704 as G
from drafter.conventions import find_doc_number, is_gb_date

STEMS = [p.stem for p in EXAMPLES]
ZI_MM = G.SIZE_3HAO * G.MM_PER_PT          # 1 字 of 3号 = 5.644 mm
ZI4_MM = G.SIZE_4HAO * G.MM_PER_PT
RIGHT = G.TYPE_AREA_RIGHT_MM               # 184 mm
CENTRE = G.MARGIN_LEFT_MM + G.TYPE_AREA_WIDTH_MM / 2   # 106 mm
LETTER = "xinle-2024-han"                 # 版头 函
FILE = "short-complete"                   # 版头 文件, sealed, 附件, 版记


@pytest.mark.parametrize("stem", STEMS)
def test_page_grid(measured, stem):
    m = measured[stem]
    assert m.page_mm == (G.PAGE_WIDTH_MM, G.PAGE_HEIGHT_MM)
    # 28 characters per line: the set pitch is 156/28 mm (justification only widens it) ...
    assert abs(m.char_pitch() - G.CHAR_PITCH_MM) <= 0.06
    # ... and full lines really hold 28 characters (never 29, never 27 for pure CJK lines)
    assert m.max_chars_per_line() == G.CHARS_PER_LINE
    # 22 lines per page: pitch 225/22 mm
    assert abs(m.line_pitch() - G.LINE_PITCH_MM) <= 0.12
    assert abs(m.left() - G.MARGIN_LEFT_MM) <= G.MARGIN_TOLERANCE_MM
    assert m.right() <= RIGHT + 0.6
    for p in range(2, m.pages + 1):
        top = m.first_line_top(p)
        assert top is None or G.MARGIN_TOP_MM <= top <= G.MARGIN_TOP_MM + 4.5, (p, top)
    # every page between the first and the last is full: 22 lines, or 21 when the next page starts
    # with a heading that keep-with-next carried over (a heading never closes a page)
    heading = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")
    for p, n in enumerate(m.body_lines_per_page()[1:-1], start=2):
        carried = heading.match(m.body_lines(p + 1)[0].text)
        assert n == G.LINES_PER_PAGE or (n == G.LINES_PER_PAGE - 1 and carried), (p, n)
    assert all(ln.bottom <= G.TYPE_AREA_BOTTOM_MM + 0.5 for ln in m.body_lines())


@pytest.mark.parametrize("stem", STEMS)
def test_no_heading_alone_at_the_foot_of_a_page(measured, stem):
    m = measured[stem]
    heading = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")
    for p in range(1, m.pages):
        last = m.body_lines(p)[-1]
        # a heading line on its own (short, no sentence end) must not close a page
        assert not (heading.match(last.text) and not re.search(r"[。：；]", last.text)), (p, last.text)


@pytest.mark.parametrize("stem", STEMS)
def test_page_numbers(measured, stem):
    m = measured[stem]
    nums = m.page_numbers()
    letter = stem == LETTER
    assert [n.page for n in nums] == list(range(2 if letter else 1, m.pages + 1))
    for n in nums:
        assert re.fullmatch(r"—\s*%d\s*—" % n.page, n.text)
        assert abs(n.size - G.PAGE_NUMBER_SIZE_PT) <= 0.2
        dash_y = (n.top + n.bottom) / 2
        assert abs(dash_y - (G.TYPE_AREA_BOTTOM_MM + G.PAGE_NUMBER_BELOW_TYPE_AREA_MM)) <= 1.0
        if n.page % 2:
            assert abs(n.x1 - (RIGHT - ZI4_MM)) <= 1.0           # odd: right, 1 字 in
        else:
            assert abs(n.x0 - (G.MARGIN_LEFT_MM + ZI4_MM)) <= 1.0  # even: left, 1 字 in


@pytest.mark.parametrize("stem", STEMS)
def test_title(measured, stem):
    lines = measured[stem].title_lines()
    assert lines
    for ln in lines:
        assert abs(ln.size - G.SIZE_2HAO) <= 0.2
        assert abs(ln.centre_x - CENTRE) <= 1.0
    # one grid line per title line (a 22 pt line snapped to the grid took two with wide fallback fonts)
    for a, b in zip(lines, lines[1:]):
        assert abs((b.top - a.top) - G.LINE_PITCH_MM) <= 0.5, (a.top, b.top)


def test_plain_layout_title_on_first_line(measured):
    m = measured["yufa-2023"]
    assert not m.red_strokes() and not m.red_text()
    first = m.title_lines()[0]
    assert G.MARGIN_TOP_MM <= first.top <= G.MARGIN_TOP_MM + 4     # 22 pt glyphs on the first grid line (W2: 37-41)


def test_letter_format_header(measured):
    """信函格式 (§10.1): flag 30 mm from the top, red double lines 170 mm, 发文字号 under them."""
    m = measured[LETTER]
    flag = m.red_text(1)
    assert [f.text for f in flag] == ["新乐市人民政府"]
    assert abs(flag[0].top - G.LETTER_FLAG_TOP_MM) <= 1.0
    assert abs(flag[0].centre_x - CENTRE) <= 1.0
    red = sorted(m.red_strokes(1), key=lambda s: s.y)
    assert len(red) == 4
    for s in red:
        assert abs(s.length - G.LETTER_LINE_LENGTH_MM) <= 1.0
        assert abs((s.x0 + s.x1) / 2 - CENTRE) <= 1.0
    top_thick, top_thin, low_thin, low_thick = red
    assert top_thick.width_pt > top_thin.width_pt            # 上粗下细
    assert low_thick.width_pt > low_thin.width_pt            # 上细下粗
    assert abs(top_thick.y - (flag[0].bottom + G.LETTER_LINE_GAP_BELOW_FLAG_MM)) <= 1.0
    assert abs(low_thick.y - (G.PAGE_HEIGHT_MM - G.LETTER_BOTTOM_LINE_FROM_EDGE_MM)) <= 1.0
    assert not m.red_strokes(2)
    (num,) = [ln for ln in m.page_lines(1) if find_doc_number(ln.text)]
    assert num.text == "新政函〔2024〕5号"
    assert abs(num.x1 - RIGHT) <= 0.6
    assert abs(num.top - (top_thin.y + G.SEVEN_EIGHTHS_3HAO_MM)) <= 1.0
    # title two lines below the 发文字号 (line boxes: 发文字号 on grid line 2, title on line 5)
    title = m.title_lines()[0]
    assert num.bottom + 2 * G.LINE_PITCH_MM - 2 < title.top < num.bottom + 2 * G.LINE_PITCH_MM + 4


def test_file_format_header(measured):
    """通用格式 (§7.2): flag 35 mm below the 版心 top, 发文字号 + 签发人, red separator 4 mm below."""
    m = measured[FILE]
    (flag,) = m.red_text(1)
    assert flag.text == "青山县人民政府文件"
    assert abs(flag.top - G.FILE_FLAG_TOP_MM) <= 1.0 and abs(flag.centre_x - CENTRE) <= 1.0
    (sep,) = m.red_strokes(1)
    assert abs(sep.length - G.TYPE_AREA_WIDTH_MM) <= 1.0 and abs(sep.x0 - G.MARGIN_LEFT_MM) <= 1.0
    (num,) = [ln for ln in m.page_lines(1) if find_doc_number(ln.text)]
    assert num.text.startswith("青政〔2025〕3号") and num.text.endswith("签发人：王明")
    assert abs(num.x0 - (G.MARGIN_LEFT_MM + ZI_MM)) <= 0.6          # 上行文: 发文字号 居左空一字
    assert abs(num.x1 - (RIGHT - ZI_MM)) <= 0.6                     # 签发人 居右空一字
    assert num.top > flag.bottom + 2 * G.LINE_PITCH_MM - 2          # 2 lines below the flag
    assert abs(sep.y - (num.bottom + G.FILE_SEPARATOR_GAP_MM)) <= 1.0
    assert m.title_lines()[0].top > sep.y + 2 * G.LINE_PITCH_MM - 2


def _sig(m):
    last = m.page_lines(m.pages)
    (date,) = [ln for ln in last if is_gb_date(ln.text)]
    name = last[last.index(date) - 1]
    return name, date


def test_signature_without_seal(measured):
    """§7.3.5.2: 署名 right-indented 2 字; 成文日期's first character 2 字 right of the 署名's first; here
    the date is as long as the name, so the date keeps 2 字 from the right edge and the name moves."""
    m = measured[LETTER]
    name, date = _sig(m)
    assert (name.text, date.text) == ("新乐市人民政府", "2024年12月20日")
    assert abs(date.x1 - (RIGHT - 2 * ZI_MM)) <= 0.6
    assert abs((date.x0 - name.x0) - 2 * ZI_MM) <= 0.6
    blank = name.top - m.find("^特此报告。$")[0].bottom
    assert 1 * G.LINE_PITCH_MM - 1 <= blank <= 2 * G.LINE_PITCH_MM     # one empty line between


def test_signature_with_seal_note_and_attachments(measured):
    """§7.3.5.1: date right-indented 4 字, 署名 centred on the date; 附注 indented 2 字; 附件说明."""
    m = measured[FILE]
    name, date = _sig(m)
    assert abs(date.x1 - (RIGHT - 4 * ZI_MM)) <= 0.6
    assert abs(name.centre_x - date.centre_x) <= 0.6
    (note,) = m.find("^（此件公开发布）$")
    assert abs(note.x0 - (G.MARGIN_LEFT_MM + 2 * ZI_MM)) <= 0.6 and note.top > date.top
    att = m.find("^附件：1\\.")[0]
    second = m.find("^2\\.青山县")[0]
    assert abs(att.x0 - (G.MARGIN_LEFT_MM + 2 * ZI_MM)) <= 0.6
    assert abs(second.x0 - (att.x0 + 3 * 5.54)) <= 0.8       # names aligned after "附件："


def test_colophon_rules_at_the_foot_of_the_last_page(measured):
    """§7.4: 抄送 and 印发 between rules as wide as the 版心, the last on the 版心's bottom edge."""
    m = measured[FILE]
    rules = sorted(m.black_strokes(m.pages), key=lambda s: s.y)
    assert len(rules) == 3
    for s in rules:
        assert abs(s.length - G.TYPE_AREA_WIDTH_MM) <= 1.0 and abs(s.x0 - G.MARGIN_LEFT_MM) <= 1.0
    assert abs(rules[-1].y - G.TYPE_AREA_BOTTOM_MM) <= 1.0
    assert rules[0].width_pt > rules[1].width_pt < rules[2].width_pt
    (cc,) = m.find("^抄送：")
    assert cc.text == "抄送：青原市司法局，县委依法治县办。" and abs(cc.size - G.SIZE_4HAO) <= 0.2
    assert abs(cc.x0 - (G.MARGIN_LEFT_MM + ZI4_MM)) <= 0.6
    (printed,) = m.find("印发$")
    assert printed.text.startswith("青山县人民政府办公室") and abs(printed.x1 - (RIGHT - ZI4_MM)) <= 0.6
    assert rules[0].y < cc.top < rules[1].y < printed.top < rules[2].y
    assert not m.black_strokes(1)


@pytest.mark.parametrize("stem", ["xinle-2024-han", "short-complete"])
def test_addressee_flush_left_with_colon(measured, stem):
    m = measured[stem]
    line = next(ln for ln in m.page_lines(1) if ln.text.endswith("：") and ln.size < 17 and ln.x0 < 30)
    assert abs(line.x0 - G.MARGIN_LEFT_MM) <= 0.6
    nxt = m.page_lines(1)[m.page_lines(1).index(line) + 1]
    assert abs(nxt.x0 - (G.MARGIN_LEFT_MM + 2 * ZI_MM)) <= 0.6       # the body's first line: indented 2 字


def _render_and_measure(yaml_text: str, folder):
    """A report YAML rendered, converted by LibreOffice and measured: (Measures, the PDF)."""
    soffice_or_skip()
    from drafter.loader import load_text
    from drafter.measure import measure
    from drafter.pdf import convert
    from drafter.render import docx_bytes

    docx = folder / "report.docx"
    docx.write_bytes(docx_bytes(load_text(yaml_text, "report.yaml").report))
    (pdf,) = convert([docx], folder)
    return measure(pdf), pdf


def test_a_long_cc_list_wraps_inside_the_colophon(tmp_path):
    """A 抄送 of nine names takes three lines: all of them print, wrapped lines start under the first
    name (§7.4.2), and the last rule still lies on the 版心's bottom edge (the row was one exact line
    high and cut the list after the first line)."""
    names = ["青原市司法局", "青原市人民检察院", "青原市中级人民法院", "青原市公安局", "青原市财政局", "青原市审计局",
             "县委各部门", "县人大常委会办公室", "县政府各部门"]
    text = example("short-complete").read_text(encoding="utf-8")
    head, rest = text.split("抄送:\n", 1)
    rest = rest[rest.index("印发机关:"):]
    text = head + "抄送:\n" + "".join(f"  - {n}\n" for n in names) + rest
    m, _ = _render_and_measure(text, tmp_path)
    last = m.page_lines(m.pages)
    start = next(i for i, ln in enumerate(last) if ln.text.startswith("抄送："))
    cc_lines = last[start:start + 3]
    assert "".join(ln.text for ln in cc_lines) == "抄送：" + "，".join(names) + "。"
    first_name_x = cc_lines[0].x0 + 3 * ZI4_MM
    assert all(abs(ln.x0 - first_name_x) <= 0.8 for ln in cc_lines[1:]), [ln.x0 for ln in cc_lines]
    rules = sorted(m.black_strokes(m.pages), key=lambda s: s.y)
    assert len(rules) == 3 and abs(rules[-1].y - G.TYPE_AREA_BOTTOM_MM) <= 1.0
    assert rules[0].y < cc_lines[0].top and cc_lines[-1].bottom < rules[1].y


def test_three_signers_two_a_line_with_the_doc_number_on_the_last(tmp_path):
    """§7.2.6: 签发人 two names a line, the next line's name under the first one, the 发文字号 on the
    line of the last name, and the red separator 4 mm below that line."""
    text = re.sub(r"(?m)^签发人: .*$", "签发人: [王明, 李华, 张强]", example("short-complete").read_text(encoding="utf-8"))
    m, pdf = _render_and_measure(text, tmp_path)
    lines = m.page_lines(1)
    (first,) = [ln for ln in lines if ln.text.startswith("签发人：")]
    (last,) = [ln for ln in lines if find_doc_number(ln.text)]
    assert first.text.replace(" ", "").replace("\u3000", "") == "签发人：王明李华"
    assert last.text.replace(" ", "").replace("\u3000", "").endswith("3号张强")
    assert abs((last.top - first.top) - G.LINE_PITCH_MM) <= 0.5                 # the next line
    assert abs(first.x1 - (RIGHT - ZI_MM)) <= 0.8                                # 居右空一字
    import pdfplumber

    with pdfplumber.open(str(pdf)) as d:
        chars = [(c["text"], c["x0"] * G.MM_PER_PT, c["top"] * G.MM_PER_PT) for c in d.pages[0].chars]
    (wang,) = [x for t, x, top in chars if t == "王" and abs(top - first.top) < 3]
    (zhang,) = [x for t, x, top in chars if t == "张" and abs(top - last.top) < 3]
    assert abs(zhang - wang) <= 0.6                                               # under the first name
    assert abs(last.x0 - (G.MARGIN_LEFT_MM + ZI_MM)) <= 0.6                      # 发文字号 居左空一字
    (sep,) = m.red_strokes(1)
    assert abs(sep.y - (last.bottom + G.FILE_SEPARATOR_GAP_MM)) <= 1.0


@pytest.fixture(scope="module")
def growing_five(tmp_path_factory):
    """short-complete with part 五 grown one line at a time, over a page and one line: converted by
    LibreOffice and measured, so that the body's end (and what follows it) meets every line of a page."""
    soffice_or_skip()
    from drafter.loader import load_text
    from drafter.measure import measure
    from drafter.pdf import convert
    from drafter.render import docx_bytes

    tmp = tmp_path_factory.mktemp("grow")
    text = example("short-complete").read_text(encoding="utf-8")
    assert "      - 无\n" in text
    docs = []
    for k in range(1, G.LINES_PER_PAGE + 2):
        five = "".join(f"      - 第{i}条补充说明。\n" for i in range(1, k + 1))
        docx = tmp / f"r{k:02d}.docx"
        docx.write_bytes(docx_bytes(load_text(text.replace("      - 无\n", five), "r.yaml").report))
        docs.append(docx)
    return [(pdf.name, measure(pdf)) for pdf in sorted(convert(docs, tmp))]


def _page_number(ln) -> bool:
    return re.fullmatch(r"[—-]\s*\d+\s*[—-]", ln.text) is not None


def test_colophon_shares_the_last_page_whenever_it_fits(growing_five):
    """The 版记 goes to a page of its own only when the lines left under the body are fewer than its
    own (§7.4: it sits at the foot of the last page).  Part 五 grows one line at a time, so that the
    body ends on every line of a page in turn, the exact fit included (there the paragraph the
    floating table hangs on, snapped to the line grid, took the line above the table and LibreOffice
    moved both to a new page)."""
    pitch = G.LINE_PITCH / G.TWIPS_PER_PT * G.MM_PER_PT
    fits = alone = 0
    for name, m in growing_five:
        (cc,) = m.find("^抄送：")
        colophon = [ln for ln in m.page_lines(cc.page) if ln.top >= cc.top - 1 and not _page_number(ln)]
        body = [ln for ln in m.lines if (ln.page, ln.top) < (cc.page, cc.top - 1) and not _page_number(ln)]
        last = body[-1]
        if last.page == cc.page:
            fits += 1
            continue
        alone += 1
        used = int((last.top - G.MARGIN_TOP_MM) // pitch) + 1           # grid lines taken on that page
        assert G.LINES_PER_PAGE - used < len(colophon), (name, last.text, used, [ln.text for ln in colophon])
    assert fits and alone, (fits, alone)      # both cases were met


def test_the_signature_page_always_carries_body_text(growing_five):
    """特此报告。, the 署名 and the date never stand on a page without a line of the body above them
    (§7.3.5.5; QA: a page held only 特此报告。 and the signature).  Part 五 grows a line at a time,
    so that the signature block meets the page break at every line of a page."""
    moved = 0
    for name, m in growing_five:
        (closing,) = m.find("^特此报告。$")
        above = [ln for ln in m.page_lines(closing.page) if ln.top < closing.top - 1 and not _page_number(ln)]
        assert above and "补充说明" in above[-1].text, (name, closing.page)
        moved += closing.page > 1 and above[0].text.startswith("第") and len(above) <= 3
    assert moved, "the signature block never met a page break: the test does not test"


def _names_on(line, names: list[str]) -> list[tuple[str, float, float]]:
    """(name, x0, x1) in mm of each of ``names`` printed on a measured line, left to right."""
    text, out, k = line.text, [], 0
    for n in names:
        i = text.index(n, k)
        cs = line.chars[i:i + len(n)]
        out.append((n, cs[0]["x0"] * G.MM_PER_PT, cs[-1]["x1"] * G.MM_PER_PT))
        k = i + len(n)
    return out


@pytest.mark.parametrize("rows", [
    [["中共青山县委员会", "青山县人民政府"]],
    [["中共青山县委员会", "青山县人民政府"], ["青山县人民代表大会常务委员会"]],
    [["青山县人民代表大会常务委员会办公室"], ["中共青山县委员会办公室"], ["青山县人民政府办公室"]],   # too long for two a row
], ids=["two", "three", "one-a-row"])
def test_sealed_joint_signature_names_side_by_side(tmp_path, rows):
    """§7.3.5.1 联合行文 with seals: the names in order, side by side in rows; the last name over the
    成文日期 (右空四字, the name centred on it); a 42 mm seal centred on each name stays inside the 版心 and
    touches no other; rows a seal's height apart (the spec covers one organ only; drafter follows the
    standard's text)."""
    m, _ = _render_and_measure(signed_by([n for r in rows for n in r]), tmp_path)
    (date,) = m.find("^2025年1月20日$")
    last = m.page_lines(date.page)
    assert abs(date.x1 - (RIGHT - 4 * ZI_MM)) <= 0.6
    lines = [next(ln for ln in last if ln.text.replace(" ", "") == "".join(r)) for r in rows]
    placed = [_names_on(ln, r) for ln, r in zip(lines, rows)]
    assert [ln.top for ln in lines] == sorted(ln.top for ln in lines) and lines[-1].top < date.top
    assert abs(date.top - lines[-1].top - G.LINE_PITCH_MM) <= 0.5                  # the date on the next line
    for a, b in zip(lines, lines[1:]):                                               # a seal's height apart
        assert abs((b.top - a.top) - G.SIG_JOINT_ROW_LINES * G.LINE_PITCH_MM) <= 1.0
    _, x0, x1 = placed[-1][-1]
    assert abs((x0 + x1) / 2 - date.centre_x) <= 0.6                                # the last seal: name and date
    radius = G.SEAL_DIAMETER_MM / 2
    centres = [[(a + b) / 2 for _, a, b in row] for row in placed]
    for row, cs in zip(placed, centres):
        for (_, a0, a1), (_, b0, b1) in zip(row, row[1:]):
            assert b0 - a1 >= ZI_MM - 0.6                                             # names apart
        for c, (_, a, b) in zip(cs, row):
            assert G.MARGIN_LEFT_MM - 0.6 <= c - radius and c + radius <= RIGHT + 0.6   # seals in the 版心
            assert G.MARGIN_LEFT_MM - 0.6 <= a and b <= RIGHT + 0.6
        for c, d in zip(cs, cs[1:]):
            assert d - c >= G.SEAL_DIAMETER_MM + ZI_MM - 0.6                          # seals do not touch
    columns = centres[0] + [date.centre_x]                                            # one grid of columns;
    for row, cs in zip(placed, centres):                                             # a name too long for
        for (_, _, x1), c in zip(row, cs):                                           # its column keeps to
            assert min(abs(c - u) for u in columns) <= 0.8 or abs(x1 - RIGHT) <= 0.8  # the right edge


def test_joint_file_flag_stacks_the_organs_with_wenjian_beside_them(tmp_path):
    """§7.2.4 联合行文: the organs stacked, the main one first, each spread to the same width; "文件"
    right of them and centred on them top to bottom; the whole centred on the 版心, its top 35 mm below
    the 版心's; the 发文字号 and the red separator follow the taller 标志."""
    text = signed_by(["中共青山县委员会", "青山县人民政府"]).replace(
        "版头: 文件\n", "版头: 文件\n发文机关标志:\n  - 中共青山县委员会\n  - 青山县人民政府\n")
    m, _ = _render_and_measure(text, tmp_path)
    red = {ln.text: ln for ln in m.red_text(1)}
    assert set(red) == {"中共青山县委员会", "青山县人民政府", "文件"}, list(red)
    first, second, word = red["中共青山县委员会"], red["青山县人民政府"], red["文件"]
    em = first.size * G.MM_PER_PT
    assert abs(first.top - G.FILE_FLAG_TOP_MM) <= 1.0
    assert abs((second.top - first.top) - G.FLAG_JOINT_LINE_EM * em) <= 0.6         # stacked
    assert abs(first.x0 - second.x0) <= 0.6 and abs(first.x1 - second.x1) <= 0.6   # 分散对齐: one width
    assert abs((word.top + word.bottom) / 2 - (first.top + second.bottom) / 2) <= 0.6
    assert abs(word.x0 - first.x1 - G.FLAG_JOINT_GAP_ZI * em) <= 1.0
    assert abs((first.x0 + word.x1) / 2 - CENTRE) <= 1.0
    assert G.MARGIN_LEFT_MM - 0.6 <= first.x0 and word.x1 <= RIGHT + 0.6
    (num,) = [ln for ln in m.page_lines(1) if find_doc_number(ln.text)]
    assert num.top > second.bottom + 2 * G.LINE_PITCH_MM - 2                         # 2 lines below
    (sep,) = m.red_strokes(1)
    assert abs(sep.y - (num.bottom + G.FILE_SEPARATOR_GAP_MM)) <= 1.0


@pytest.mark.parametrize("header", ["函", "文件"])
def test_a_very_long_joint_flag_stays_inside_the_type_area(tmp_path, header):
    """Organ names too long for the usual sizes (FZ122 warns) are still printed whole, on their own
    lines, inside the 版心, above the red line: shrunk, never wrapped or cut."""
    long = ["中共广西壮族自治区某某市某某县某某镇委员会", "广西壮族自治区某某市某某县某某镇人民政府"]
    text = signed_by(long).replace("版头: 文件\n", f"版头: {header}\n发文机关标志: [{', '.join(long)}]\n")
    if header == "函":
        text = re.sub(r"(?m)^(签发人|印发机关|印发日期): .*\n", "", text)
    m, _ = _render_and_measure(text, tmp_path)
    red = m.red_text(1)
    printed = sorted(ln.text.replace(" ", "").replace("\u3000", "") for ln in red)   # one line each: none wrapped
    assert printed == (["".join(long)] if header == "函" else sorted(long + ["文件"])), printed
    assert all(G.MARGIN_LEFT_MM - 0.6 <= ln.x0 and ln.x1 <= RIGHT + 0.6 for ln in red), [(ln.x0, ln.x1) for ln in red]
    top_red_line = min(s.y for s in m.red_strokes(1))
    assert all(ln.bottom < top_red_line for ln in red)
