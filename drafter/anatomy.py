"""The one anatomy pass: what each paragraph of a 公文 is, and what kind of 公文 it is.

Input is the neutral paragraph list every reader produces (:class:`drafter.source.Source`; for a
.docx each paragraph keeps the reader's paragraph behind it, whose formatting is evidence too).
Output is an :class:`Anatomy`: the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人, 令号,
内部资料, 期号), the title, the 主送机关 and the 导语 (:class:`Head`); the body with its headings;
the 结束语, 附件说明, 署名, 成文日期, 附注, 版记 and 附件 pages (:class:`Tail`); the web page's
furniture that is none of these; every paragraph's role; and the kind of 公文 (报告, 请示, 函,
通知, 决定, 命令, 纪要, 简报, or not an official document) with the evidence it was told by.

``drafter import`` maps the same anatomy to a :class:`drafter.model.Report`; ``drafter inspect``
checks the paragraphs in their roles.  The head is read forwards up to the first heading, the tail
backwards from the end; what the body holds is read by the importer's mapper.  Every pattern is
:mod:`drafter.conventions`'.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from . import conventions as C
from . import source as S
from .textutil import XML_BAD, parse_cn_numeral, width_zi

# roles
CHROME = "chrome"                 # a web page's furniture (breadcrumb, metadata, widgets, date banner)
COPY_NUMBER, SECRECY, URGENCY = "copy_number", "secrecy", "urgency"
FLAG, DOC_NUMBER, SIGNERS = "flag", "doc_number", "signers"
ORDER_NUMBER, INTERNAL, ISSUE = "order_number", "internal", "issue"      # 令号; 内部资料; 第N期 or 〔2020〕3号
IMPRINT = "imprint"               # a 纪要's or 简报's organ-and-date line under the 标志
ATTENDANCE = "attendance"         # a 纪要's 出席/列席/请假 lines
TITLE, ADDRESSEE, INTRO = "title", "addressee", "intro"
HEADING, BODY, TABLE = "heading", "body", "table"
TABLE_TITLE, TABLE_NOTE = "table_title", "table_note"     # the line above a table naming it; "注：……" under it
CLOSING, ATTACH_NOTE, SIGNATURE, SEAL, DATE, NOTE, COLOPHON = (
    "closing", "attach_note", "signature", "seal", "date", "note", "colophon")
ATTACHMENT = "attachment"         # an attachment's page after the 成文日期
UNKNOWN = "unknown"               # a line before the title or after the end that fits nowhere
HEAD_ROLES = (COPY_NUMBER, SECRECY, URGENCY, FLAG, DOC_NUMBER, SIGNERS, ORDER_NUMBER, INTERNAL, ISSUE, IMPRINT)

# kinds of 公文 (《党政机关公文处理工作条例》第八条) and the formats of GB/T 9704 (§7, §10)
REPORT_KINDS = ("报告", "请示", "函", "通知", "决定", "命令", "纪要", "意见", "通报", "批复", "公告", "通告", "决议",
                "公报", "议案")
BRIEFING, OTHER = "简报", "其他"
FILE_FORMAT, LETTER_FORMAT, ORDER_FORMAT, MINUTES_FORMAT, PLAIN_FORMAT = "文件", "信函", "命令", "纪要", "无版头"
BRIEFING_FORMAT = "简报"
# the kinds whose layout GB/T 9704 gives in full and drafter audits in full (§7; 信函 §10.1); 命令, 纪要
# and 简报 have their own heads (§10.2, §10.3, practice) and other documents none
FULL_AUDIT_FORMATS = (FILE_FORMAT, LETTER_FORMAT, PLAIN_FORMAT)
LETTER_LINE_RANGE_MM = (160.0, 180.0)        # 信函格式's red double lines are 170 mm (§10.1)


@dataclass
class HeadingOf:
    """What makes a paragraph a heading: its numbering kind ("cn" 一、, "pcn" （一）, "num" 1., "pnum"
    （1）, "part" 第一部分, "bare" a part's name without a number, "h2" a heading style, "bold:…" bold
    text), its text, and the text run in after it in the same paragraph."""

    kind: str
    text: str
    rest: str | None
    run_in: bool


@dataclass
class Head:
    flag: list[S.Para] = field(default_factory=list)        # the 发文机关标志, a line each (联合行文: stacked)
    flag_more: list[S.Para] = field(default_factory=list)   # lines under the first, judged by ``joint_flag``
    doc_number: str | None = None
    doc_number_at: S.Para | None = None
    doc_number_placeholder: S.Para | None = None           # "×政函〔20××〕×号" left from a template
    signers: list[str] = field(default_factory=list)
    copy_number: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    order_number: S.Para | None = None                     # 令号 (§10.2)
    internal: S.Para | None = None                         # "内部资料" above a 简报's title
    issue: S.Para | None = None                            # "第3期", a 纪要's "〔2020〕3号"
    imprint: S.Para | None = None                          # "××办公室　2020年3月12日" under the 标志
    title: list[S.Para] = field(default_factory=list)
    title_punct: tuple[str, str] | None = None             # (where, text) of a title ending in punctuation
    recipients: list[str] = field(default_factory=list)
    addressee_at: S.Para | None = None
    intro: list[S.Para] = field(default_factory=list)
    chrome: list[S.Para] = field(default_factory=list)     # web furniture, in the order of the text
    web: dict[str, str] = field(default_factory=dict)      # what the furniture says: 发布机构, 成文日期, 文号 …
    banner_dates: list[_dt.date] = field(default_factory=list)   # dates of a web page's banner above the title
    unknown: list[S.Para] = field(default_factory=list)
    headless: bool = False                                 # no heading anywhere

    @property
    def title_lines(self) -> list[str]:
        return [ln for p in self.title for ln in p.text.split("\n") if C.strip(ln)]

    @property
    def flag_lines(self) -> list[str]:
        """The 发文机关标志's lines read so far: the first, then those stacked under it."""
        return [p.text for p in self.flag[:1]] + [p.text for p in self.flag_more]


@dataclass
class Tail:
    closing: S.Para | None = None
    attachments: list[str] = field(default_factory=list)   # 附件说明's names
    attach_note_at: list[S.Para] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)
    signature_at: list[S.Para] = field(default_factory=list)
    joint_row: bool = False            # a 署名 line that held several organs
    seal_lines: list[S.Para] = field(default_factory=list)
    date: _dt.date | None = None
    date_text: str | None = None
    date_partial: str | None = None    # "2024年12月": the date without its day
    date_at: S.Para | None = None
    date_first: bool = False           # the 成文日期 written above the 署名
    note: S.Para | None = None
    cc: list[str] = field(default_factory=list)
    printer: str | None = None
    print_date: _dt.date | None = None
    colophon: list[S.Para] = field(default_factory=list)
    attachment_pages: list[S.Para] = field(default_factory=list)
    issued: bool = False               # those pages are a document the text issues (a 令's 规章, the 办法 a
                                       # 印发 notice issues): a page of its own after the date, no 附件 label
    web: list[S.Para] = field(default_factory=list)        # the web page after the text (dropped)
    unknown: list[S.Para] = field(default_factory=list)


@dataclass
class Anatomy:
    source: S.Source
    paras: list[S.Para]                 # the paragraphs read (cleaned, flattened ones split)
    head: Head
    tail: Tail
    body: list[S.Para]
    roles: dict[int, str]               # id(paragraph) -> role
    kind: str                           # 报告, 请示, 函, 通知, …, 简报, 其他
    format: str                         # 文件, 信函, 命令, 纪要, 无版头
    evidence: list[str]                 # how kind and format were told, in Chinese
    report: bool                        # a report of the kind drafter drafts (the kind's name in the title …)
    notes: list[str] = field(default_factory=list)        # what the reading changed ("删除了控制字符")
    flattened: int = 0                  # paragraphs that held headings and text run together
    heading_of: object = None           # paragraph -> HeadingOf | None (the reading's, with what it learnt)

    def role(self, p: S.Para) -> str | None:
        return self.roles.get(id(p))

    @property
    def joint_flag(self) -> bool:
        """Whether stacked organ lines above the 发文字号 are one joint 标志 (联合行文, §7.2.4): in
        drafter's own .docx (one text box); else with "文件" beside them (the 文件 format: a 函 has one
        标志 line) in a report signed by several organs."""
        if self.source.drafter:
            return True
        return any(x.endswith("文件") for x in self.head.flag_lines) and self.signed_jointly

    @property
    def signed_jointly(self) -> bool:
        """Several organs sign (a title naming several is no evidence: one organ's long name is too)."""
        return len(self.tail.signatories) > 1


# ---------------------------------------------------------------------------------------------
class _Reading:
    """One pass over the paragraphs; ``read()`` returns the :class:`Anatomy`."""

    def __init__(self, src: S.Source, kind=None, doc=None):
        from .kinds import get_kind

        self.src = src
        self.kind = kind or get_kind()
        self.doc = doc                     # the reader's Document of a .docx (shapes, red lines), or None
        self.head = Head()
        self.tail = Tail()
        self.roles: dict[int, str] = {}
        self.notes: list[str] = []
        self.flattened = 0
        self.level_kinds: dict[int | None, str] = {}   # heading level -> numbering kind seen at it

    # -- entry ---------------------------------------------------------------------------------
    def read(self) -> Anatomy:
        paras = self.prepare(self.src.paras)
        if not paras:
            from .diagnostics import DrafterError

            raise DrafterError("FZ092", f"“{self.src.name}”中没有找到文字，无法导入；请确认选对了文件", file=self.src.name)
        # pages after the 成文日期 (附件, or a document the text issues) are not read for the head: a
        # notice without headings would otherwise run on into their headings
        before = paras[:self.pages_start(paras, 0, len(paras))[0]]
        i = self.read_head(before)
        if i >= len(before) and len(self.head.intro) > 1:
            i = self.headless(before)
        j = self.read_tail(paras, i)
        body = paras[i:j]
        self.captions(body)
        for p in body:
            if id(p) in self.roles and self.roles[id(p)] in (TABLE_TITLE, TABLE_NOTE):
                continue
            if C.is_attendance(p.text) and (self.head.flag or self.head.issue):
                self.roles[id(p)] = ATTENDANCE             # 出席/列席 under a 纪要
            elif p.role == S.TABLE:
                self.roles[id(p)] = TABLE
            elif self.heading_of(p) is not None:
                self.roles[id(p)] = HEADING
            else:
                self.roles.setdefault(id(p), BODY)
        for k, v in self.src.web.items():            # what a web page declares outside its text (<meta>)
            self.head.web.setdefault(k, v)
        kind, fmt, evidence, report = self.classify(paras, body)
        return Anatomy(self.src, paras, self.head, self.tail, body, self.roles, kind, fmt, evidence, report,
                       self.notes, self.flattened, self.heading_of)

    def prepare(self, paras: list[S.Para]) -> list[S.Para]:
        from .importer.flatten import unflatten

        out = []
        for p in paras:
            text, n = XML_BAD.subn("", p.text)
            if n:
                self.notes.append(f"{p.where}：删除了 {n} 个无法保存到 Word 的控制字符")
            p.text = C.strip(text)
            if not p.text:
                continue
            if p.role is None:
                split = unflatten(p)
                if len(split) > 1:
                    self.flattened += 1
                out.extend(split)
            else:
                out.append(p)
        return out

    def captions(self, body: list[S.Para]) -> None:
        """A table's title (a short line of its own right above its first row) and its note ("注：……",
        "资料来源：……" right under its last row)."""
        for k, p in enumerate(body):
            if p.role != S.TABLE:
                continue
            first = k == 0 or body[k - 1].role != S.TABLE or table_of(body[k - 1]) != table_of(p)
            last = k + 1 == len(body) or body[k + 1].role != S.TABLE or table_of(body[k + 1]) != table_of(p)
            if first and k > 0 and body[k - 1].role is None:
                t = C.strip(body[k - 1].text)
                if width_zi(t) <= 40 and not any(c in t for c in "。；;！!？?：:") and not C.heading_marker(t):
                    self.roles[id(body[k - 1])] = TABLE_TITLE
            if last and k + 1 < len(body) and body[k + 1].role is None and \
                    re.match(r"^(?:注|说明|备注|资料来源|数据来源)[0-9０-９]?[：:]", C.strip(body[k + 1].text)) and \
                    len(body[k + 1].text) <= 300:
                self.roles[id(body[k + 1])] = TABLE_NOTE

    def headless(self, paras: list[S.Para]) -> int:
        """No heading anywhere: the 导语 ends at "……报告如下：" (else after its first paragraph); the rest
        is the body, to be read as unheaded paragraphs."""
        intro = self.head.intro
        end = next((k for k, p in enumerate(intro) if p.text.rstrip().endswith(("如下：", "如下:"))), 0)
        for p in intro[end + 1:]:
            self.roles.pop(id(p), None)
        self.head.intro = intro[:end + 1]
        last = intro[end]
        self.head.headless = True
        return next(k for k, p in enumerate(paras) if p is last) + 1

    # -- formatting evidence (a .docx) -----------------------------------------------------------
    @staticmethod
    def _origin(p: S.Para):
        o = p.origin
        return o if o is not None and hasattr(o, "props") else None

    def centred(self, p: S.Para) -> bool:
        o = self._origin(p)
        return o is not None and o.props.jc == "center"

    def big(self, p: S.Para) -> bool:
        """Set in 18 pt or more (a 标志 or a title; the body is 16 pt)."""
        o = self._origin(p)
        runs = o.text_runs() if o is not None else []
        return bool(runs) and max(r.props.size_pt for r in runs) >= 18

    def red(self, p: S.Para) -> bool:
        from .reader.document import is_red

        o = self._origin(p)
        runs = o.text_runs() if o is not None else []
        return bool(runs) and all(is_red(r.props.color) for r in runs)

    def displayed(self, p: S.Para) -> bool:
        """Set apart as a display line: centred or large (a title, a 标志)."""
        return self.centred(p) or self.big(p)

    # -- headings --------------------------------------------------------------------------------
    def heading_of(self, p: S.Para):
        """The heading a paragraph is (its numbering kind, its text, text run in after it), or None."""
        t = p.text
        if p.role in (S.TITLE, S.ADDRESSEE, S.SIGNATURE, S.NOTE, S.COLOPHON, S.FLAG, S.PLAIN, S.TABLE):
            return None
        mk = C.heading_marker(t)
        if mk is not None and mk.kind == "circ":
            mk = None
        if p.role == S.HEADING:
            # a heading style (or Markdown '#') with a number teaches which numbering that level uses,
            # so that unnumbered headings of the same level become its siblings
            if mk is not None:
                self.level_kinds.setdefault(p.level, mk.kind)
                return HeadingOf(mk.kind, t[mk.end:], None, False)
            return HeadingOf(self.level_kinds.get(p.level, f"h{p.level}"), t, None, False)
        if p.lead and mk is not None:
            lm = C.heading_marker(p.lead + "x")
            rest = C.strip(t[len(p.lead):])
            return HeadingOf(lm.kind if lm else mk.kind, C.strip(p.lead[lm.end:] if lm else p.lead), rest or None,
                             bool(rest))
        if mk is None:
            return self.bare_part_heading(p)
        body = t[mk.end:]
        end = C.first_sentence_end(body)
        if end is not None and C.strip(body[end + 1:]):
            return HeadingOf(mk.kind, body[:end + 1], C.strip(body[end + 1:]), True)
        return HeadingOf(mk.kind, body, None, False)

    def bare_part_heading(self, p: S.Para):
        """A line of its own that names a required part, left without its number ("法治政府建设中主要
        存在的问题", "2024年主要工作思路和打算", "对进一步推进法治政府建设的建议"): web copies lose
        Word's automatic "一、", and some authors never number the parts.  Its part is read from its
        meaning (the kind's part names and keywords): the full name of a part; two keywords of one part
        in a short line; or one keyword in a line set apart from the text (bold, centred, a heading
        font) or in the standard wording ("……推进法治政府建设的……" with a year)."""
        t = C.strip(p.text)
        if p.role is not None or not 4 <= len(t) <= 40 or any(c in t for c in "。；;！!？?，,：:") \
                or t.endswith("报告") or C.parse_date(t) or C.is_orgish(t):     # the title, a 署名
            return None
        score = max(C.part_scores(self.kind, t).values(), default=0)
        standard = self.kind_core() in t and (C.year_in(t) is not None or t.endswith("建议"))
        if score >= 3 or (score >= 2 and len(t) <= 25) or (score >= 1 and (standard or self.set_apart(p))):
            return HeadingOf("bare", t, None, False)
        return None

    def kind_core(self) -> str:
        """The subject of the kind's name ("法治政府建设" of 法治政府建设年度情况报告): the standard wording."""
        return re.sub(r"(年度)?(情况)?(的)?报告$", "", self.kind.name) or self.kind.name

    def set_apart(self, p: S.Para) -> bool:
        """Set apart from the text as a heading is: bold throughout, centred, or in a heading font (黑体,
        楷体, 小标宋) in a Word file."""
        if p.bold is not None or self.centred(p):
            return True
        o = self._origin(p)
        if o is None:
            return False
        from .inspect import fontnames as F

        runs = [r for r in o.text_runs() if any("\u4e00" <= ch <= "\u9fff" for ch in r.text)]
        return bool(runs) and all(any(F.is_family(r.props.font("eastAsia").name, fam)
                                      for fam in (F.HEITI, F.KAITI, F.XIAOBIAOSONG)) for r in runs)

    # -- head ----------------------------------------------------------------------------------
    def read_head(self, paras: list[S.Para]) -> int:
        from .importer import patterns as P

        h = self.head
        title: list[S.Para] = []
        short: list[tuple[int, S.Para]] = []      # short lines before the 导语: title / 发文机关标志 / unknown
        intro: list[S.Para] = []
        docno_at = None
        i = 0
        while i < len(paras):
            p = paras[i]
            t = p.text
            if p.role == S.HEADING and not C.heading_marker(t) and not title and not intro and C.title_like(t):
                title.append(p)                                   # Markdown '# 标题'
            elif self.heading_of(p) is not None or (intro and C.attachment_note(t)):
                break                                 # the body (or, in a short 通知, the 附件说明) begins
            elif p.role == S.TABLE:
                if self.chrome_row(p):
                    self.chrome(p)
                elif intro:
                    intro.append(p)
                elif not title and h.doc_number is None and self.head_row(p):
                    pass                                  # a 标志 laid out in a table (联合行文: organs | 文件)
                else:
                    self.unknown(p)
            elif P.is_chrome(t) and p.role not in (S.TITLE, S.ADDRESSEE):
                self.take_chrome(t)
                self.chrome(p)
            elif not intro and not title and self.banner(p):
                self.chrome(p)                            # "××区人民政府  2019年12月3日星期二" above the title
            elif not intro and not title and (self.red(p) and self.displayed(p) and width_zi(t) <= 30
                                              or h.flag and not h.flag_more and not h.doc_number and self.red(p)
                                              and self.same_display(h.flag[0], p)) \
                    and not C.doc_number_line(t) and not C.find_doc_number(t):
                if not h.flag:                             # a red 标志 ("××人民政府令", "××会议纪要", "××简报")
                    self.take_flag(p)
                else:
                    h.flag_more.append(p)
                    self.roles[id(p)] = FLAG
            elif p.role in (S.FLAG, S.TEXTBOX) and not intro and not C.doc_number_line(t):
                p.text = t = C.unspread(t)                 # a letter-spaced 标志 copied from a PDF
                if not h.flag and (C.is_orgish(t, strict=False) or t.endswith(("文件", "纪要", "令"))):
                    self.take_flag(p)
                elif h.flag and C.joint_flag_line(h.flag_lines, t):
                    h.flag_more.append(p)                  # 联合行文: organs stacked (+ 文件)
                    self.roles[id(p)] = FLAG
                else:
                    self.unknown(p)
            elif not intro and (mm := C.doc_number_line(t)) and h.doc_number is None \
                    and (not mm.group("more") or h.signers):
                h.doc_number = C.strip(mm.group("no"))
                h.doc_number_at = p
                self.roles[id(p)] = DOC_NUMBER
                docno_at = i
                if mm.group("signers"):
                    h.signers = C.split_words(mm.group("signers"))
                if mm.group("more"):        # §7.2.6, three 签发人 or more: the last row's names share its line
                    h.signers += [x for x in re.split(rf"[{C.WS}]+", mm.group("more")) if x]
            elif not intro and not title and h.doc_number is None and C.is_placeholder_doc_number(t):
                h.doc_number_placeholder = p               # "〔    〕号": a template's number not filled in
                self.roles[id(p)] = DOC_NUMBER
                docno_at = i
            elif not intro and C.signers_of(t):
                h.signers = C.signers_of(t)
                self.roles[id(p)] = SIGNERS
            elif not intro and not title and C.is_copy_number(t):
                h.copy_number = t
                self.roles[id(p)] = COPY_NUMBER
            elif not intro and not title and C.is_secrecy(t):
                h.secrecy = t
                self.roles[id(p)] = SECRECY
            elif not intro and not title and C.is_urgency(t):
                h.urgency = t
                self.roles[id(p)] = URGENCY
            elif not intro and not title and C.is_order_number(t) and h.flag:
                h.order_number = p                         # 令号 under "××人民政府令" (§10.2)
                self.roles[id(p)] = ORDER_NUMBER
            elif not intro and not title and C.is_internal_mark(t):
                h.internal = p                             # "内部资料" above a 简报's title
                self.roles[id(p)] = INTERNAL
            elif not intro and not title and (C.is_issue_line(t) and len(t) <= 20 or C.is_bare_number(t)):
                h.issue = p                                # "第3期" / "（总第45期）"
                self.roles[id(p)] = ISSUE
            elif not intro and not title and h.flag and C.imprint_line(t):
                h.imprint = p                              # the organ and date under a 纪要's or 简报's 标志
                self.roles[id(p)] = IMPRINT
            elif p.role == S.TITLE and not intro:
                title.append(p)
            elif not intro and not title and not h.recipients and self.punct_title(t):
                h.title_punct = (p.where, t)               # "……年度报告。": a title with a full stop
                p.text = C.strip(t.rstrip("。.．，,；;！!"))
                title.append(p)
            elif not intro and not h.recipients and (p.role == S.ADDRESSEE or self.addressee_like(t)):
                h.recipients = C.split_names(t.rstrip(":："))
                h.addressee_at = p
                self.roles[id(p)] = ADDRESSEE
            elif not intro and not h.recipients and len(t) <= 60 and "。" not in t \
                    and not t.endswith(("：", ":", "，", ",", "；", ";")):
                short.append((i, p))
            else:
                intro.append(p)
                self.roles[id(p)] = INTRO
            i += 1
        self.sort_short(short, title, docno_at)
        h.title = title
        for p in title:
            self.roles[id(p)] = TITLE
        h.intro = intro
        return i

    def chrome(self, p: S.Para) -> None:
        self.head.chrome.append(p)
        self.roles[id(p)] = CHROME

    def unknown(self, p: S.Para) -> None:
        self.head.unknown.append(p)
        self.roles[id(p)] = UNKNOWN

    def take_flag(self, p: S.Para) -> None:
        self.head.flag = [p]
        self.roles[id(p)] = FLAG

    def banner(self, p: S.Para) -> bool:
        """A web page's banner above the title: a date with the weekday or a site's name beside it
        ("××区人民政府　2019年12月3日　星期二", "今天是2024年3月5日"): the page's, not the report's date."""
        t = C.strip(p.text)
        if p.role is not None or len(t) > 60 or "。" in t:
            return False
        dates = C.dates_in(t)
        if not dates or C.parse_date(t):
            return False
        rest = re.sub(C.DATE_IN_LINE, "", t)
        if re.search(r"星期[一二三四五六日天]|周[一二三四五六日]|今天是|欢迎", rest) or C.is_orgish(C.strip(rest), strict=True):
            self.head.banner_dates.extend(dates)
            return True
        return False

    def punct_title(self, t: str) -> bool:
        """"东湖街道办事处2024年法治政府建设年度报告。": a title line ending in punctuation."""
        if not t.endswith(("。", ".", "．")) or "如下" in t:
            return False
        bare = C.strip(t.rstrip("。.．，,；;！!"))
        return (C.title_like(bare) and "。" not in bare and bare.endswith(("报告", "情况", "总结"))
                and bool(C.year_in(bare) or "关于" in bare or C.org_from_title(bare))
                and not any(c in bare for c in "，,；;："))

    @staticmethod
    def addressee_like(t: str) -> bool:
        from .importer import patterns as P

        return (t.endswith((":", "：")) and 2 <= len(t) <= 60 and "如下" not in t and "。" not in t
                and not P.chrome_label(t) and not C.heading_marker(t))

    def title_line(self, p: S.Para) -> bool:
        """A line that can be (part of) a title: the report's words, a 文种 at its end ("关于……的通知"),
        "关于" at its start, or — in a Word file — set apart as a display line."""
        t = p.text
        if C.title_like(t):
            return True
        if len(t) > 60 or "。" in t or t.endswith(("：", ":", "，", ",", "；", ";")) or C.heading_marker(t):
            return False
        return bool(C.doc_kind_of_title(t)) or t.startswith("关于") or (
            self.displayed(p) and not C.is_orgish(t) and not C.parse_date(t) and width_zi(t) <= 40)

    def sort_short(self, short: list[tuple[int, S.Para]], title: list[S.Para], docno_at: int | None) -> None:
        """Short lines before the 导语: the title (a group ending in a line that reads like a title, at
        most three lines), the 发文机关标志 (an organ's name above the 发文字号), or unknown (kept as a
        comment)."""
        h = self.head
        if not short:
            return
        group: list[tuple[int, S.Para]] = []
        if not title:
            idx = [k for k, (_, p) in enumerate(short) if self.title_line(p)
                   and not (docno_at is not None and short[k][0] < docno_at)]
            if idx:
                end = idx[0]
                start = end
                while start > 0 and short[start - 1][0] == short[start][0] - 1 and end - start < 2 \
                        and (docno_at is None or short[start - 1][0] > docno_at or short[end][0] < docno_at) \
                        and self.same_display(short[start - 1][1], short[end][1]):
                    start -= 1
                while end + 1 < len(short) and short[end + 1][0] == short[end][0] + 1 and end - start < 2 \
                        and (C.title_like(short[end + 1][1].text) or self.continues_title(short[end][1], short[end + 1][1])):
                    end += 1
                group = short[start:end + 1]
                title.extend(p for _, p in group)
        last_flag = None
        for i, p in short:
            if any(p is q for _, q in group):
                continue
            if docno_at is not None and i < docno_at:
                p.text = C.unspread(p.text)          # a letter-spaced 标志 copied from a PDF
            if docno_at is not None and i < docno_at and not h.flag and C.is_orgish(p.text, False):
                self.take_flag(p)
                last_flag = i
            elif docno_at is not None and i < docno_at and h.flag and last_flag == i - 1 \
                    and C.joint_flag_line(h.flag_lines, p.text):
                h.flag_more.append(p)                        # 联合行文, one organ a line
                self.roles[id(p)] = FLAG
                last_flag = i
            elif not h.flag and (self.red(p) or p.text.endswith(("文件", "纪要")) and self.displayed(p)) \
                    and (not group or i < group[0][0]):
                self.take_flag(p)                            # a red 标志 without a 发文字号 (信函, 纪要, 简报)
                last_flag = i
            elif h.flag and last_flag == i - 1 and self.red(p) and (not group or i < group[0][0]):
                h.flag_more.append(p)
                self.roles[id(p)] = FLAG
                last_flag = i
            else:
                self.unknown(p)

    def same_display(self, a: S.Para, b: S.Para) -> bool:
        """Two lines set alike (a title broken over two lines in a Word file; always so in text)."""
        oa, ob = self._origin(a), self._origin(b)
        if oa is None or ob is None:
            return True
        return oa.props.jc == ob.props.jc and self.big(a) == self.big(b) and self.red(a) == self.red(b)

    def continues_title(self, a: S.Para, b: S.Para) -> bool:
        """In a Word file, the next line set like the title's (a title in two paragraphs)."""
        oa, ob = self._origin(a), self._origin(b)
        return oa is not None and ob is not None and self.displayed(a) and self.same_display(a, b) \
            and not C.is_orgish(b.text) and not C.parse_date(b.text) and width_zi(b.text) <= 40 \
            and not b.text.endswith(("：", ":"))

    def chrome_row(self, p: S.Para) -> bool:
        from .importer import patterns as P

        cells = [C.strip(c) for c in p.cells] or [p.text]
        is_chrome = False
        for k, c in enumerate(cells):
            label = P.cell_label(c)
            if label and k + 1 < len(cells):
                is_chrome = True
                self.take_chrome(f"{label}：{cells[k + 1]}")
            elif P.chrome_label(c):
                is_chrome = True
                self.take_chrome(c)
        return is_chrome or P.is_chrome(p.text)

    def take_chrome(self, t: str) -> None:
        """Keep what the chrome says about the document, for fields the text does not give."""
        from .importer import patterns as P

        for k, v in P.chrome_pairs(t).items():
            if v:
                self.head.web.setdefault(P.web_key(k), v)

    def head_row(self, p: S.Para) -> bool:
        """A table row of the 发文机关标志 above the 发文字号 (a joint head typed in Word as a table: the
        organs in one column, "文件" in a merged cell beside them): its cells become 标志 lines."""
        h = self.head
        cells = [C.unspread(C.strip(c)) for c in (p.cells or [p.text])]
        cells = [c for c in cells if c]
        if not cells or not all(c == "文件" or C.is_orgish(C.without_file_word(c)) for c in cells):
            return False
        for c in [c for c in cells if c != "文件"] + (["文件"] if "文件" in cells else []):
            if not h.flag:
                if c == "文件":
                    break
                h.flag = [S.Para(c, where=p.where, origin=p.origin)]
            else:
                h.flag_more.append(S.Para(c, where=p.where, origin=p.origin))
        self.roles[id(p)] = FLAG
        return True

    # -- tail ----------------------------------------------------------------------------------
    def read_tail(self, paras: list[S.Para], i: int) -> int:
        tl = self.tail
        j = self.cut_web_tail(paras, i, len(paras))
        j = self.take_colophon(paras, i, j)          # the 版记 ends the document, after any 附件 (§7.4)
        j = self.cut_attachment_pages(paras, i, j)
        j = self.cut_web_tail(paras, i, j)
        j = self.take_colophon(paras, i, j)          # …or stands before them
        if j > i and (paras[j - 1].role == S.NOTE or C.is_note(paras[j - 1].text)):
            tl.note = paras[j - 1]
            self.roles[id(paras[j - 1])] = NOTE
            j -= 1
        j, names = self.read_signature(paras, i, j)
        if names:
            tl.signatories = names
        # 附件说明: "附件：1.……" and the numbered lines after it, between the closing and the signature
        k = j
        while k > i and C.attachment_item(paras[k - 1].text) and not C.attachment_note(paras[k - 1].text):
            k -= 1
        if k > i and C.attachment_note(paras[k - 1].text):
            first = C.strip(C.attachment_note(paras[k - 1].text).group("rest"))
            items = [first] if first else []
            items += [paras[x].text for x in range(k, j)]
            names = []
            for it in items:
                mm = C.attachment_item(it)
                names.append(C.strip(mm.group("name")) if mm and len(items) > 1 else it)
            tl.attachments = names
            tl.attach_note_at = paras[k - 1:j]
            for p in tl.attach_note_at:
                self.roles[id(p)] = ATTACH_NOTE
            j = k - 1
        if j > i and C.is_closing(paras[j - 1].text):
            tl.closing = paras[j - 1]
            self.roles[id(paras[j - 1])] = CLOSING
            j -= 1
        return j

    def take_colophon(self, paras: list[S.Para], i: int, j: int) -> int:
        """The 版记's lines (抄送, 印发机关和印发日期; a 简报's 报/送/发) read backwards from ``j``."""
        tl = self.tail
        while j > i:
            p = paras[j - 1]
            t, role = p.text, p.role
            cc, printed = C.cc_line(t), C.printed_line(t)
            if cc:
                tl.cc = C.split_names(cc.group("names"))
            elif printed:
                if C.strip(printed.group("printer")):
                    tl.printer = C.strip(printed.group("printer"))
                tl.print_date = C.parse_date(printed.group("date"))
            elif role == S.COLOPHON or (C.is_colophon(t) and len(t) <= 200):
                tl.unknown.insert(0, p)
            else:
                break
            tl.colophon.insert(0, p)
            self.roles[id(p)] = COLOPHON
            j -= 1
        return j

    def take_date(self, paras: list[S.Para], i: int, j: int, names: list[str]) -> int:
        """The 成文日期 (or 署名 and 成文日期 on one line) in paras[j - 1]: returns the new j."""
        tl = self.tail
        if j <= i or paras[j - 1].role not in (None, S.SIGNATURE):
            return j
        p = paras[j - 1]
        t = p.text
        signed = C.split_signed_date(t)
        if signed:                                  # 署名 and 成文日期 on one line
            names[:0] = self.split_row(signed[0])
            t = signed[1]
            tl.signature_at.insert(0, p)
        if C.parse_date(t):
            tl.date = C.parse_date(t)
            tl.date_text = t
            tl.date_at = p
            self.roles[id(p)] = DATE
            return j - 1
        if C.is_month_only(t):                     # "2024年12月": the date line, without its day
            tl.date_partial = t
            tl.date_at = p
            self.roles[id(p)] = DATE
            return j - 1
        return j

    def skip_seal(self, paras: list[S.Para], i: int, j: int) -> int:
        """"（盖章）" / "（印章）" where the seal goes (between or after the 署名 and the 成文日期)."""
        while j > i and paras[j - 1].role in (None, S.SIGNATURE, S.PLAIN) and C.is_seal_line(paras[j - 1].text):
            self.tail.seal_lines.insert(0, paras[j - 1])
            self.roles[id(paras[j - 1])] = SEAL
            j -= 1
        return j

    def split_row(self, t: str) -> list[str]:
        """split_joint, remembering a 署名 line that held several organs (evidence of a joint report:
        a single organ's name broken over two lines is not)."""
        names = split_joint(t)
        if len(names) > 1:
            self.tail.joint_row = True
        return names

    def read_signature(self, paras: list[S.Para], i: int, j: int) -> tuple[int, list[str]]:
        """署名 and 成文日期 in either order, with "（盖章）" lines between or after them."""
        tl = self.tail
        names: list[str] = []
        j = self.skip_seal(paras, i, j)
        had_date = j
        j = self.take_date(paras, i, j, names)
        had_date = j != had_date
        j = self.skip_seal(paras, i, j)

        def collect(j):
            while j > i and len(names) < 6 and not C.heading_marker(paras[j - 1].text) and (
                    paras[j - 1].role == S.SIGNATURE or (paras[j - 1].role is None
                                                         and C.is_orgish(C.unspread(paras[j - 1].text)))):
                names[:0] = self.split_row(paras[j - 1].text)
                tl.signature_at.insert(0, paras[j - 1])
                self.roles[id(paras[j - 1])] = SIGNATURE
                j -= 1
                j = self.skip_seal(paras, i, j)
            return j

        j = collect(j)
        if not had_date and names:                  # the 成文日期 written above the 署名
            before = j
            j = self.take_date(paras, i, j, names)
            if j != before:
                tl.date_first = True
                j = self.skip_seal(paras, i, j)
                j = collect(j)
        return j, names

    def cut_web_tail(self, paras: list[S.Para], i: int, j: int) -> int:
        """The web page after the report: "责任编辑：……", "【我要纠错】【打印】【关闭】", "分享到：",
        "附件下载：" and its links, "相关稿件" and the list under it."""
        from .importer import patterns as P

        cut: list[S.Para] = []
        while True:
            start = j
            for k in range(j - 1, max(i, j - 25) - 1, -1):
                if paras[k].role != S.TITLE and P.RELATED_RE.match(paras[k].text) and all(
                        len(paras[x].text) <= 80 and "。" not in paras[x].text for x in range(k + 1, j)):
                    cut[:0] = paras[k:j]
                    j = k
                    break
            while j > i and paras[j - 1].role != S.TITLE and P.is_tail_junk(paras[j - 1].text):
                if P.chrome_label(paras[j - 1].text):
                    self.take_chrome(paras[j - 1].text)
                cut.insert(0, paras[j - 1])
                j -= 1
            if j == start:
                self.tail.web[:0] = cut                # in the order of the text
                for p in cut:
                    self.roles[id(p)] = CHROME
                return j

    @staticmethod
    def after_date(paras: list[S.Para], a: int, i: int) -> bool:
        """``paras[a]`` follows the 成文日期 (perhaps under a 署名, 附注 or "（盖章）"), not before ``i``."""
        k = a - 1
        for _ in range(4):
            if k < i:
                return False
            t = paras[k].text
            if C.parse_date(t) or C.is_month_only(t) or C.split_signed_date(t):
                return True
            if not (C.is_seal_line(t) or C.is_note(t) or C.is_orgish(t)):
                return False
            k -= 1
        return False

    def pages_start(self, paras: list[S.Para], i: int, j: int) -> tuple[int, bool]:
        """Where the pages after the 成文日期 begin in ``paras[i:j]`` (``j``: none), and whether they are
        a document the text issues: an 附件 label (False), or without one a page the file starts (True)."""
        for a in range(i + 1, j):
            if paras[a].role in (S.TITLE, S.HEADING) or not C.attachment_page(paras[a].text):
                continue
            if self.after_date(paras, a, i):
                return a, False
        for a in range(i + 1, j):
            t = paras[a].text
            if starts_page(paras[a]) and self.after_date(paras, a, i) and not (
                    C.is_note(t) or C.is_seal_line(t) or C.parse_date(t) or C.is_orgish(t)):
                return a, True                    # (a 附注 or the date itself may just fall on the next page)
        return j, False

    def cut_attachment_pages(self, paras: list[S.Para], i: int, j: int) -> int:
        """An attachment page after the 成文日期 ("附件" / its title / its text or table): kept out of the
        report (drafter writes the report itself) and listed for the clerk.  Without an 附件 label, a
        Word file's page of its own after the date is the document the text issues (a 令's 规章, the 办法 of
        a 印发 notice: 被印发的文件不是附件): its pages are cut the same way, marked ``issued``."""
        a, issued = self.pages_start(paras, i, j)
        if a < j:
            self.tail.attachment_pages = paras[a:j]
            self.tail.issued = issued
            for p in paras[a:j]:
                self.roles[id(p)] = ATTACHMENT
        return a

    # -- kind and format -----------------------------------------------------------------------------
    def red_lines(self) -> list:
        """The red lines drawn before the body (in the 版头; a 信函's lower pair is anchored there too)."""
        if self.doc is None:
            return []
        first_body = next((p.origin for p in self.head.intro + self.head.title if self._origin(p) is not None), None)
        stop = first_body.number if first_body is not None else None
        out = []
        for q in self.doc.paragraphs:
            if stop is not None and q.number > stop + 2:
                break
            out.extend(s for s in q.shapes if s.kind == "line" and s.red)
        return out

    def classify(self, paras: list[S.Para], body: list[S.Para]) -> tuple[str, str, list[str], bool]:
        h, ev = self.head, []
        title = "".join(h.title_lines)
        flag = "".join(p.text for p in h.flag + h.flag_more)
        kind = C.doc_kind_of_title(title) if title else None
        if kind:
            ev.append(f"标题以“{kind}”结尾")
        # format: 信函 by its 170 mm red double lines, or by a 函's number; 命令, 纪要 by their 标志
        fmt = PLAIN_FORMAT
        letter_lines = [s for s in self.red_lines()
                        if s.cx_mm is not None and LETTER_LINE_RANGE_MM[0] <= s.cx_mm <= LETTER_LINE_RANGE_MM[1]]
        if flag.endswith("令") or h.order_number is not None:
            fmt = ORDER_FORMAT
            kind = kind or "命令"
            ev.append("发文机关标志以“令”结尾" + ("，下有令号" if h.order_number is not None else ""))
        elif flag.endswith("纪要") or (kind == "纪要" and flag):
            fmt = MINUTES_FORMAT
            kind = "纪要"
            ev.append("发文机关标志以“纪要”结尾")
        elif flag.endswith("简报") or (h.internal is not None and flag) or (h.issue is not None and h.imprint is not None):
            fmt = BRIEFING_FORMAT
            kind = BRIEFING
            ev.append("版头是简报的（" + "、".join(x for x, y in (("标志以“简报”结尾", flag.endswith("简报")),
                                                             ("有“内部资料”", h.internal is not None),
                                                             ("有期号", h.issue is not None)) if y) + "）")
        elif letter_lines and not flag.endswith("文件"):
            fmt = LETTER_FORMAT
            compound = any(s.compound for s in letter_lines)
            ev.append(f"版头有长 {letter_lines[0].cx_mm:.0f} mm 的红色{'双线（一条复合线）' if compound else '线'}（信函格式 170 mm）")
        elif flag.endswith("文件"):
            fmt = FILE_FORMAT
            ev.append("发文机关标志以“文件”结尾")
        elif h.doc_number and "函" in (C.parse_doc_number(h.doc_number).org if C.parse_doc_number(h.doc_number) else ""):
            fmt = LETTER_FORMAT
            ev.append(f"发文字号“{h.doc_number}”的机关代字中有“函”")
        elif flag:
            fmt = FILE_FORMAT if h.doc_number else PLAIN_FORMAT
        if fmt == PLAIN_FORMAT and (h.internal is not None or any(re.match(r"^[报送发][：:]", p.text)
                                                                 for p in self.tail.colophon)):
            fmt, kind = BRIEFING_FORMAT, BRIEFING
            ev.append("标题前有“内部资料”，版记是“报：送：发：”（简报）")
        if kind is None:
            if fmt == LETTER_FORMAT:
                kind = "函"
            elif title and C.title_like(title):
                kind = "报告"
                ev.append("标题中有“报告”“情况”或“总结”")
            elif not (title or flag or h.doc_number or h.recipients or self.tail.date):
                kind = OTHER
                ev.append("没有标题、发文机关标志、发文字号、主送机关和成文日期")
            else:
                kind = OTHER if not (h.recipients or self.tail.date or h.doc_number) else "报告"
                ev.append("标题没有写明文种" if title else "没有找到标题")
        report = self.is_report(title, body)
        if report:
            kind = "报告"
        return kind, fmt, ev, report

    def is_report(self, title: str, body: list[S.Para]) -> bool:
        """A report of the kind drafter drafts: the kind's name (or an alias) in the title, or — with no
        other 文种 in the title — most of the kind's parts named by the body's headings."""
        k = self.kind
        names = (k.name,) + tuple(k.aliases)
        core = self.kind_core()                                       # "法治政府建设"
        if title and (any(n in title for n in names) or (core and core in title and title.endswith(("报告", "情况")))):
            return True
        other = C.doc_kind_of_title(title) if title else None
        if other and other != "报告":
            return False
        lead_in = "".join(p.text for p in self.head.intro[:3])
        if core and core in lead_in and re.search(r"报告如下", lead_in):
            return True                    # "现将2024年度法治政府建设情况报告如下：" (a text without its title)
        named = set()
        for p in body:
            if self.roles.get(id(p)) == HEADING:
                sc = C.part_scores(k, p.text)
                if sc and max(sc.values()) >= 2:
                    named.add(max(sc, key=sc.get))
        return len(named) >= max(3, len(k.parts) - 2) or (not title and len(named) >= 2)


@dataclass
class AttachmentPage:
    """One 附件 after the 成文日期: its label ("附件2"), its number, its title and the paragraphs under it."""

    label: S.Para
    number: int | None
    title: str
    content: list
    label_origin: object = None       # the reader's paragraph of an own-line title
    issued: bool = False              # a document the text issues, with no label: ``label`` is its title


def starts_page(p: S.Para) -> bool:
    """A Word file's paragraph (or table row) whose text begins a page by a break the file makes."""
    o = p.origin
    first = o[0] if isinstance(o, list) and o else o
    return bool(getattr(first, "starts_page", False))


def attachments_of(tail: Tail) -> list[AttachmentPage]:
    """The 附件 pages of the tail, one each: a label line ("附件2", "附件2：标题"), the title on its own
    line when the label has none (a title broken by a line break is one title), then its content.  A
    title line that repeats the label ("附件1" then "附件1：标题", as WPS users often type) belongs to
    the same 附件."""
    out: list[AttachmentPage] = []
    pages = tail.attachment_pages
    if tail.issued and pages:
        first = pages[0]
        if first.role == S.TABLE:
            return [AttachmentPage(first, None, "", list(pages), issued=True)]
        return [AttachmentPage(first, None, C.strip(first.text).replace("\n", ""), list(pages[1:]), issued=True)]
    for p in pages:
        mm = C.attachment_page(p.text) if p.role != S.TABLE else None
        if mm is not None:
            inline = C.strip(mm.group("t1") or mm.group("t2") or "")
            num = re.match(rf"^附[{C.WS}]*件[{C.WS}]*(\d{{1,2}}|[{C.CN}]{{1,3}})", C.strip(p.text))
            n = None
            if num:
                g = num.group(1)
                n = int(g) if g.isdigit() else parse_cn_numeral(g)
            last = out[-1] if out else None
            if last is not None and not last.title and not last.content and n in (None, last.number):
                last.title = inline                     # "附件1" / "附件1：标题": one 附件
                continue
            out.append(AttachmentPage(p, n, inline, []))
        elif out:
            a = out[-1]
            if not a.title and not a.content and p.role != S.TABLE:
                a.title = C.strip(p.text)
                a.label_origin = p.origin
                continue
            if a.content == [] and getattr(a, "label_origin", None) is not None and p.origin is a.label_origin:
                a.title += C.strip(p.text)               # the title's second line (a manual line break)
                continue
            a.content.append(p)
    for a in out:
        a.title = "".join(C.strip(x) for x in a.title.split("\n"))       # drafter breaks a long title itself
    return out


def table_of(p: S.Para):
    """Which table a row belongs to: the reader's table of a Word file's row, else one table for every
    run of rows (text and Markdown)."""
    o = p.origin
    if isinstance(o, list) and o and getattr(o[0], "in_table", None) is not None:
        return o[0].in_table
    return None


def split_joint(t: str) -> list[str]:
    """"中共青石镇委员会　　青石镇人民政府" (a joint signature on one line, apart by spaces or by a tab:
    drafter writes sealed joint names on tab stops) -> both organs."""
    t = C.unspread(t)                         # a letter-spaced 署名 copied from a PDF
    parts = [x for x in re.split(rf"[{C.WS}]{{2,}}|[\u3000\t]", C.strip(t)) if C.strip(x)]
    # names on tab stops are names, whatever their ending (青山县政协); spaces need organs' endings
    strict = "\t" not in C.strip(t)
    if len(parts) >= 2 and all(C.is_orgish(C.strip(x), strict=strict) for x in parts):
        return [C.strip(x) for x in parts]
    return [t]


def read(src: S.Source, kind=None, doc=None) -> Anatomy:
    """The anatomy of ``src`` (``doc``: the reader's Document of a .docx, for its drawn lines)."""
    return _Reading(src, kind, doc).read()
