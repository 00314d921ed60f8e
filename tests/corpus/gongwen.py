"""Building blocks of a 公文 page as clerks make them in Word and WPS (GB/T 9704-2012 numbers).

Positions are in mm from the page's top-left corner; sizes in half-points (w:sz).  The numbers come
from GB/T 9704-2012: 版心 156 × 225 mm at x 28–184, y 37–262; 3号 = 16 pt (32), 2号 = 22 pt (44),
4号 = 14 pt (28); 22 lines of 28.95 pt (579 twips); 1 字 of 3号 = 320 twips.
"""
from __future__ import annotations

from ooxml_dialects import (FS, HT, KT, RED, ST, TNR, XBS, Group, Line, Para, Run, Section, Table, TextBox)

LINE = 579                 # 28.95 pt: 22 lines in the 225 mm 版心
ZI = 320                   # 1 字 of 3号, twips
ZI4 = 280                  # 1 字 of 4号


def r(text: str, font: str = FS, size: int = 32, **kw) -> Run:
    return Run(text, font=font, size=size, **kw)


def body(text, *, line: int = LINE, **kw) -> Para:
    """A 正文 paragraph: 3号仿宋, first line indented 2 字, justified, on the 28.95 pt grid."""
    runs = [r(text)] if isinstance(text, str) else text
    kw.setdefault("first", 2 * ZI)
    kw.setdefault("first_chars", 200)
    kw.setdefault("jc", "both")
    return Para(runs=runs, line=line, **kw)


def blank(n: int = 1, line: int = LINE, font: str = FS) -> list[Para]:
    return [Para(runs=[], line=line, mark=r("", font)) for _ in range(n)]


def flat(text, *, jc: str = "both", line: int = LINE, font: str = FS, size: int = 32, **kw) -> Para:
    """A line without indent (主送机关, 发文字号 …)."""
    runs = [r(text, font, size)] if isinstance(text, str) else text
    return Para(runs=runs, jc=jc, line=line, **kw)


def h1(text: str, **kw) -> Para:
    return body([r(text, HT)], **kw)


def h2(head: str, rest: str = "", **kw) -> Para:
    """（一）小标题。 in 楷体, with its text run in (接排) when given."""
    runs = [r(head, KT)] + ([r(rest)] if rest else [])
    return body(runs, **kw)


def title(*lines: str, size: int = 44, line: int = LINE) -> list[Para]:
    return [Para(runs=[r(t, XBS, size, latin=None)], jc="center", line=line) for t in lines]


def addressee(text: str) -> Para:
    return flat(text)


def signature(name: str, date: str, *, gap: int = 1, seal: bool = False) -> list[Para]:
    """署名 and 成文日期 without a seal (§7.3.5.2): name right-indented 2 字, date 2 字 right of it."""
    def w(s):
        return sum(0.5 if c.isascii() else 1 for c in s)
    n, d = w(name), w(date)
    if d > n:
        name_right, date_right = (d - n + 4) * ZI, 2 * ZI
    else:
        name_right, date_right = 2 * ZI, (n - d) * ZI
    if seal:
        name_right, date_right = 4 * ZI + (d - n) / 2 * ZI, 4 * ZI
    return blank(gap) + [flat(name, jc="right", right=int(name_right)),
                         flat(date, jc="right", right=int(date_right))]


def note(text: str) -> Para:
    return body(text)


def colophon_table(rows: list[tuple[str, str | None]], *, width: int = 8844) -> Table:
    """版记 as a one-column table: thick first and last rules, thin between (§7.4.1).  rows: (left, right)
    — 抄送 lines have no right part; the 印发 line has the organ on the left and the date on the right."""
    cells = []
    for left, right in rows:
        if right is None:
            p = Para(runs=[r(left, size=28)], jc="both", left=ZI4, right=ZI4, first=-3 * ZI4, line=None)
            p.left = ZI4 + 3 * ZI4
        else:
            p = Para(runs=[r(left, size=28), r("\t" + right, size=28)], jc="left", left=ZI4, line=None,
                     tabs=[("right", width - ZI4)])
        cells.append([p])
    thin = ("single", 4, "000000")
    thick = ("single", 8, "000000")
    return Table(rows=cells, width=width, borders={"top": thick, "bottom": thick, "insideH": thin}, float_bottom=True)


# --- page numbers --------------------------------------------------------------------------------------
def _num_runs(dash: str = "—", size: int = 28) -> list[Run]:
    return [r(f"{dash} ", ST, size, latin=ST), r("1", ST, size, latin=ST, field="PAGE"), r(f" {dash}", ST, size, latin=ST)]


def footer_plain(side: str, *, dash: str = "—", sdt: bool = False) -> list[Para]:
    """A page number typed into the footer paragraph: odd pages right, even left, 1 字 in (§7.5)."""
    if side == "right":
        p = Para(runs=_num_runs(dash), style="footer", jc="right", right=ZI4, right_chars=100, line=None)
    else:
        p = Para(runs=_num_runs(dash), style="footer", jc="left", left=ZI4, left_chars=100, line=None)
    p.mark = r("", ST, 28, latin=ST)
    p.sdt_page_numbers = sdt
    return [p]


def footer_textbox(side: str, *, dash: str = "—") -> list[Para]:
    """WPS's page number: a text box anchored in the footer paragraph, aligned to the margin's edge."""
    inner = Para(runs=_num_runs(dash), style="footer", jc="right" if side == "right" else "left", line=None,
                 **({"right": ZI4, "right_chars": 100} if side == "right" else {"left": ZI4, "left_chars": 100}))
    inner.mark = r("", ST, 28, latin=ST)
    box = TextBox(None, 0, 0, 0, [inner], rel_h="margin", rel_v="paragraph", align_h=side, autofit=True)
    outer = Para(runs=[], style="footer", line=None, shapes=[box])
    outer.mark = r("", ST, 18, latin=ST)
    return [outer]


def footers(kind: str, **kw) -> dict:
    f = footer_textbox if kind == "textbox" else footer_plain
    return {"default": f("right", **kw), "even": f("left", **kw)}


# --- 版头 -----------------------------------------------------------------------------------------------
def flag_para(text: str, *, size: int = 72, scale: int | None = None, line: int = 1160) -> Para:
    """发文机关标志 typed into the body: red 小标宋, centred (通用格式 §7.2.4)."""
    return Para(runs=[r(text, XBS, size, latin=None, color=RED, scale=scale)], jc="center", line=line,
                snap=False)


def red_rule_shape(*, y_offset_mm: float = 12.5) -> Line:
    """The 版头's red separator drawn as a line anchored to the 发文字号 paragraph, 156 mm (版心 width)."""
    return Line(0, y_offset_mm, 156, 1.5, rel_h="column", rel_v="paragraph")


def letter_flag_box(text: str, *, size: int = 52) -> TextBox:
    """信函格式 标志 (§10.1): a text box whose top edge is 30 mm from the top of the page, centred."""
    p = Para(runs=[r(text, XBS, size, latin=None, color=RED)], jc="center", line=size * 10 + 40, snap=False)
    return TextBox(28, 30, 156, 12, [p], name="文本框")


def letter_lines(style: str) -> list:
    """The two red double lines of 信函格式, 170 mm long, centred (x 20–190): the upper one 4 mm under
    the 标志 (thick over thin), the lower one 20 mm above the bottom edge of the page (thin over thick).

    style: "compound" — one shape each, Word's double line (a:ln cmpd thickThin / thinThick);
           "group"    — two lines grouped into one shape each (wpg);
           "separate" — four separately anchored lines;
           "vml"      — one VML v:line each with v:stroke linestyle (older Word/WPS: set vml_only)."""
    x, top, bottom = 20.0, 44.0, 277.0
    if style in ("compound", "vml"):
        return [Line(x, top, 170, 4.5, cmpd="thickThin"), Line(x, bottom, 170, 4.5, cmpd="thinThick")]
    thick, thin, gap = 2.25, 0.75, 1.0
    if style == "group":
        return [Group(x, top - gap / 2, [Line(0, 0, 170, thick), Line(0, gap, 170, thin)]),
                Group(x, bottom - gap / 2, [Line(0, 0, 170, thin), Line(0, gap, 170, thick)])]
    if style == "separate":
        return [Line(x, top - gap / 2, 170, thick), Line(x, top + gap / 2, 170, thin),
                Line(x, bottom - gap / 2, 170, thin), Line(x, bottom + gap / 2, 170, thick)]
    raise ValueError(style)


def letter_head(flag: str, number: str | None, lines: str, *, number_runs: list | None = None) -> list[Para]:
    """Page 1 of 信函格式: the anchor paragraph holding 标志 and lines, the 发文字号 right-aligned under the
    upper line (§10.1), two lines to the title."""
    anchor = Para(runs=[], line=LINE, shapes=[letter_flag_box(flag)] + letter_lines(lines))
    if number is None and number_runs is None:
        return [anchor] + blank(2)
    num = flat(number_runs or number, jc="right")
    return [anchor, num] + blank(2)


def file_head(flag: str, number: str, *, rule: str = "shape", flag_size: int = 72, scale: int | None = None,
              signer: Para | None = None, blank_before: int = 3) -> list[Para]:
    """Page 1 of the general format (§7.2): 标志 35 mm below the 版心's top, 发文字号 two lines below it
    (centred; a 上行文's line carries 签发人 instead), the red rule 4 mm under the number."""
    num = signer if signer is not None else flat(number, jc="center")
    if rule == "shape":
        num.shapes.append(red_rule_shape())
    elif rule == "border":
        num.border_bottom = ("single", 12, RED, 4)
    return blank(blank_before) + [flag_para(flag, size=flag_size, scale=scale)] + blank(1) + [num] + blank(2)


def section(**kw) -> Section:
    return Section(**kw)
