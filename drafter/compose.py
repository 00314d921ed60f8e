"""Report -> block list.  All wording that drafter adds comes from the kind's Jinja2 macros."""
from __future__ import annotations

import re

from . import blocks as b
from . import gbt9704 as G
from .kinds import Kind, call_macro, get_kind, text_macros
from .model import Report, Section, Subsection
from .conventions import fmt_date
from .textutil import join_lines, level_marker, paragraph_spans
from .titlebreak import break_title

_LEVEL_ROLE = {1: b.H1, 2: b.H2, 3: b.H3, 4: b.H4}
_WS = " \t\u3000"
# title: 2号 characters per line of the 版心 (156 mm = 442 pt / 22 pt = 20 字)
TITLE_MAX_ZI = int(G.TYPE_AREA_WIDTH / G.TWIPS_PER_PT // G.SIZE_2HAO)


def paragraphs_of(text: str) -> list[str]:
    """One YAML text item -> its paragraphs (textutil.paragraph_spans)."""
    return [p for _, p in paragraph_spans(text.replace("\r", ""))]


def clean_line(text: str) -> str:
    return join_lines(text.replace("\r", "").split("\n"))


class Composer:
    def __init__(self, report: Report, kind: Kind | None = None, templates: str | None = None):
        self.r = report
        self.kind = kind or get_kind(report.kind)
        self._templates = templates or report.layout.templates
        self._macros = None
        if self._templates:     # a clerk's copy of the templates: its errors are reported at once
            self._macros = text_macros(str(self.kind.directory), self._templates)

    @property
    def macros(self):
        """The built-in kind's macros are loaded (Jinja2 imported, text.j2 compiled) on first use:
        the checks ask for written headings far more often than for default wording."""
        if self._macros is None:
            self._macros = text_macros(str(self.kind.directory), self._templates)
        return self._macros

    def text(self, name: str, *args) -> str:
        return call_macro(self.macros, name, *args)

    # -- pieces that the checks use too --
    def title_text(self) -> str:
        if self.r.title:
            return self.r.title
        return self.text("title", self.r.org, self.r.year, self.r.short_name or "")

    def closing_text(self) -> str | None:
        """The 结束语 printed: as written; left out, the kind's (“特此报告。”; a 通用公文 has none);
        "无", none."""
        if self.r.closing is None:
            return (self.text("closing") if hasattr(self.macros, "closing") else "").strip() or None
        return self.r.closing_text

    def marker(self, depth: int, n: int) -> tuple[int, str]:
        """(standard level, printed number) of the n-th heading at ``depth`` (1: a section's heading),
        as 格式.层次序号 says (default 一、（一）1.（1）)."""
        level = min(self.r.layout.level_of(depth), 4)
        return level, level_marker(level, n)

    def section_heading(self, sec: Section) -> str | None:
        if sec.no_heading:
            return None
        if sec.heading:
            return clean_line(sec.heading)
        keys = [k for k in (self.kind.resolve_part(p) for p in sec.parts) if k]
        if len(keys) == 1:
            return self.text("part_heading", keys[0], self.r.year)
        if keys:
            return "及".join(self.kind.part(k).name for k in keys)
        return None

    def letterhead(self, word: str | None = None) -> b.Letterhead:
        """版头 of the 函 or 文件 format: the 发文机关标志 as printed, and the elements beside it.
        ``word``: what the 文件 format adds to the organ (default: the template's; a check that only
        measures the 标志 passes the standard's "文件" and needs no template)."""
        r = self.r
        flag, suffix = [x.strip() for x in r.flag if x.strip()] or [r.org.strip()], ""
        measuring = word is not None
        word = word if measuring else self.text("file_flag", "")
        organs = [y for y in (x.removesuffix(word).rstrip(" \u3000") for x in flag) if y]
        if len(organs) > 1 and r.header == "文件":
            # §7.2.4 联合行文: the organs stacked, main one first; "文件" (written after any of them,
            # or as an item of its own: once) right of them, centred on them
            flag, suffix = organs, word
        elif len(organs) > 1:    # 信函格式 (§10.1, one line of 标志 above the double line): side by side
            flag = ["\u3000".join(organs)]
        else:                    # one organ, as written ("××人民政府文件" too); "文件" added in that format
            one = flag[0] if len(flag) == 1 and organs else (organs or [r.org.strip()])[0]
            if r.header == "文件" and not one.endswith(word):
                one = one + word if measuring else self.text("file_flag", one)
            flag = [one]
        return b.Letterhead(r.header, flag, suffix, r.doc_number, list(r.signers) if r.header == "文件" else [],
                            r.copy_number, r.secrecy, r.urgency)

    # -- the document --
    def compose(self) -> b.Document:
        r, out = self.r, []
        if r.header in ("函", "文件"):
            out.append(self.letterhead())
        names = tuple(x for x in (r.org, r.short_name, *r.flag) if x)
        title = self.title_text()
        if title.strip():                   # a 通用公文 without a title prints none (FZ124)
            out.append(b.Title(break_title(title, TITLE_MAX_ZI, names)))
        if r.recipients and r.layout.show_recipients:
            out.append(b.Addressee(self.text("addressee", [clean_line(x) for x in r.recipients])))
        if r.intro:
            out.extend(b.Paragraph([b.Run(p)]) for p in paragraphs_of(r.intro))
        n = 0
        for sec in r.sections:
            heading = self.section_heading(sec)
            if heading is not None:
                n += 1
                out.append(b.Heading(*self.marker(1, n), heading))
            self._items(sec.content, 2, out)
        closing = self.closing_text()
        if closing:
            out.append(b.Closing(closing))
        if r.attachments:
            out.append(b.AttachmentNote(self.text("attachment_label", len(r.attachments)),
                                        [clean_line(a) for a in r.attachment_titles]))
        if (r.date or r.signatories or r.header != "无") and (r.signature_names or r.date):
            out.append(b.Signature([clean_line(x) for x in r.signature_names],
                                   fmt_date(r.date) if r.date else None, r.seal))
        if r.note:
            note = clean_line(r.note)
            if not note.startswith("（"):
                note = f"（{note.strip('()（）')}）"
            out.append(b.Note(note))
        self._issued(out)
        self._attachments(out)
        letter = r.header == "函"
        cc = self.text("cc", [clean_line(x) for x in r.cc]) if r.cc and r.header != "无" else None
        if cc or (r.printer and r.header == "文件"):      # a web copy (无) prints no 版记 (spec W6)
            printed = self.text("printed", fmt_date(r.print_date)) if r.print_date else None
            out.append(b.Colophon(cc, None if letter else r.printer, None if letter else printed, letter))
        f = r.layout.fonts
        fonts = {b.BODY: f.fangsong, b.H1: f.heiti, b.H2: f.kaiti, b.H3: f.fangsong, b.H4: f.fangsong,
                 b.TITLE: f.xiaobiaosong, b.FLAG: f.xiaobiaosong, "latin": f.latin, "song": f.songti}
        return b.Document(out, fonts, r.layout.level3_bold, 2 if letter else 1)

    def _issued(self, out: list) -> None:
        """The document the text issues (a 令's 规章, the 办法 of an 印发 notice): a page of its own after
        the 成文日期, its title centred on the 版心's first line, no 附件 label; its content as an 附件's."""
        a = self.r.issued
        if a is None:
            return
        out.append(b.AttachmentPage("", break_title(clean_line(a.title), TITLE_MAX_ZI), a.landscape))
        self._width = G.LANDSCAPE_TYPE_AREA_WIDTH if a.landscape else G.TABLE_WIDTH
        self._items(a.content, 1, out)
        self._width = G.TABLE_WIDTH

    def _attachments(self, out: list) -> None:
        """§7.3.7: each 附件 that has content on pages of its own after the body, before the 版记; its
        label and title agree with the 附件说明 (the same list); its headings numbered from “一、”."""
        r = self.r
        n = len(r.attachments)
        for k, a in enumerate(r.attachments, 1):
            if isinstance(a, str) or not a.content:
                continue
            label = (self.text("attachment_page_label", k, n) if hasattr(self.macros, "attachment_page_label")
                     else f"附件{k if n > 1 else ''}")
            out.append(b.AttachmentPage(label, break_title(clean_line(a.title), TITLE_MAX_ZI), a.landscape))
            self._width = G.LANDSCAPE_TYPE_AREA_WIDTH if a.landscape else G.TABLE_WIDTH
            self._items(a.content, 1, out)
            self._width = G.TABLE_WIDTH

    _width = G.TABLE_WIDTH            # where a table stands: the 版心, or a 横排 附件's

    def table(self, t) -> b.Table:
        from .tables import SIZES, fit

        every = list(t.header) + list(t.rows)
        fitted = fit(every, SIZES[self.r.layout.table_size], self._width, len(t.header))
        if fitted is None:            # refused by the loader (FZ044); a report made in Python: smallest size
            n = max(len(r) for r in every)
            fitted = G.TABLE_MIN_SIZE_PT, [self._width // n] * (n - 1) + [self._width - self._width // n * (n - 1)]
        size, widths = fitted
        return b.Table([list(r) for r in t.header], [list(r) for r in t.rows], size, widths,
                       clean_line(t.title) if t.title else None, clean_line(t.note) if t.note else None)

    def _items(self, items, level: int, out: list) -> None:
        k = 0
        for item in items:
            if isinstance(item, str):
                out.extend(b.Paragraph([b.Run(p)]) for p in paragraphs_of(item))
                continue
            if hasattr(item, "table"):
                out.append(self.table(item.table))
                continue
            k += 1
            self._sub(item, level, k, out)

    def _sub(self, sub: Subsection, depth: int, k: int, out: list) -> None:
        level, marker = self.marker(depth, k)
        role = _LEVEL_ROLE[level]
        lead = clean_line(sub.heading)
        run_in = self.r.layout.run_in if sub.run_in is None else sub.run_in
        rest = list(sub.content)
        if run_in and rest and isinstance(rest[0], str):
            paras = paragraphs_of(rest[0])
            first = paras[0] if paras else ""
            out.append(b.Paragraph([b.Run(marker + lead, role), b.Run(first)]))
            out.extend(b.Paragraph([b.Run(p)]) for p in paras[1:])
            rest = rest[1:]
        elif run_in:
            out.append(b.Paragraph([b.Run(marker + lead, role)]))
        else:
            out.append(b.Heading(level, marker, lead))
        self._items(rest, depth + 1, out)


def compose(report: Report, templates: str | None = None) -> b.Document:
    return Composer(report, templates=templates).compose()
