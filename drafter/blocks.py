"""The small document model between the report and the .docx writer (pandoc's AST, for us).

The composer turns a Report into a list of these; the writer lays them out and knows nothing of
reports; the importer of a rendered .docx recognises them again.  Text here is final: numbering,
default headings and punctuation that the layout adds are already in.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# font roles: the writer maps each to a configured font name (model.Fonts)
BODY = "body"          # 仿宋, 3号
H1 = "h1"              # 黑体
H2 = "h2"              # 楷体
H3 = "h3"              # 仿宋 (bold by setting)
H4 = "h4"              # 仿宋
TITLE = "title"        # 小标宋, 2号
FLAG = "flag"          # 小标宋, red


@dataclass
class Run:
    """A stretch of text in one role (body, heading level, title …); the role decides its font."""

    text: str
    role: str = BODY


@dataclass
class Letterhead:
    """版头: 信函格式 (kind="函", §10.1) or 通用格式 (kind="文件", §7.2)."""

    kind: str
    flag: list[str]         # one line: the organ (+ 文件); 联合行文: the organs, stacked (§7.2.4)
    flag_suffix: str = ""   # 联合行文 in the 文件 format: "文件", right of the stacked organs
    doc_number: str | None = None
    signers: list[str] = field(default_factory=list)
    copy_number: str | None = None
    secrecy: str | None = None
    urgency: str | None = None


@dataclass
class Title:
    """The title (§7.3.1), already broken into its lines."""

    lines: list[str]


@dataclass
class Addressee:
    """主送机关 (§7.3.2): flush left, wrapped lines too, ending with a full-width colon."""

    text: str               # ends with the full-width colon


@dataclass
class Heading:
    """A heading on a line of its own: 一、… (level 1) or a non-run-in （一）/1./（1） lead sentence."""

    level: int
    number: str
    text: str


@dataclass
class Paragraph:
    """A body paragraph; a run-in heading is its first run(s) with a heading role."""

    runs: list[Run]
    keep_next: bool = False

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass
class Closing:
    """The closing line of the body (特此报告。), indented two characters as a paragraph."""

    text: str               # 特此报告。


@dataclass
class AttachmentNote:
    """附件说明 (§7.3.4): 附件： and the numbered names of the attachments."""

    label: str              # 附件：
    names: list[str]


@dataclass
class Signature:
    """署名 and 成文日期 (§7.3.5), with or without a 印章."""

    names: list[str]
    date: str | None        # already formatted: 2024年12月20日
    sealed: bool = False


@dataclass
class Note:
    """附注 (§7.3.6): in full-width parentheses, indented two characters below the date."""

    text: str               # 附注, in full-width parentheses


@dataclass
class Colophon:
    """版记 (§7.4): 抄送 and 印发机关/印发日期 with their rules; letter format has no rules (§10.1)."""

    cc: str | None = None
    printer: str | None = None
    printed: str | None = None
    letter: bool = False


@dataclass
class Table:
    """A table (统计表): a title centred above it, header rows repeated on every page, a 说明 under it;
    its size and column widths already fitted to where it stands (drafter.tables.fit)."""

    header: list[list[str]]
    rows: list[list[str]]
    size_pt: float
    widths: list[int]                  # twips, one a column, summing to the table's width
    title: str | None = None
    note: str | None = None


@dataclass
class AttachmentPage:
    """The start of an 附件 (§7.3.7): a new page, “附件N” on the 版心's first line, the title centred on
    its third; the 附件's content follows as blocks.  ``landscape``: set on 横排 pages (§8)."""

    label: str                        # 附件2 (附件 when there is only one); "": a document the text issues
                                      # (印发文件), its title on the 版心's first line
    title_lines: list[str]
    landscape: bool = False


Block = (Letterhead | Title | Addressee | Heading | Paragraph | Closing | AttachmentNote | Signature | Note
         | Table | AttachmentPage | Colophon)


@dataclass
class Document:
    """The block list a writer consumes, with the fonts and page settings that apply to all of it."""

    blocks: list[Block]
    fonts: dict[str, str]          # role -> font name, plus "latin" and "song"
    level3_bold: bool = False
    page_numbers_from: int = 1     # 2 for the letter format (§10.1: no number on page 1)
