"""The neutral form every reader produces: a list of paragraphs with layout hints.

A reader (.txt, .md, .html, .pdf; .docx through :mod:`drafter.reader`) knows its format and nothing of reports;
the anatomy pass (:mod:`drafter.anatomy`) and the importer's mapper know 公文 and nothing of
formats.  Between them is this list: one ``Para`` per paragraph (a line of a text file, a paragraph
of a Word file, a row of a table), in document order, with whatever the format tells about its role
(a Word style, a Markdown ``#``), where it came from (for the summary) and, for a Word file, the
reader's paragraph behind it (``origin``: its formatting is evidence too).
"""
from __future__ import annotations

from dataclasses import dataclass, field

# roles a reader may give a paragraph (None: ordinary text)
TITLE = "title"            # Word title style / Markdown title
HEADING = "heading"        # a heading style or a Markdown '#' line; ``level`` says which
ADDRESSEE = "addressee"    # drafter's GWAddressee
SIGNATURE = "signature"    # drafter's GWSignature
NOTE = "note"              # drafter's GWNote (附注)
COLOPHON = "colophon"      # drafter's GWColophon (版记)
FLAG = "flag"              # 发文机关标志: the text box of a drafter letterhead
PLAIN = "plain"            # drafter's GWPlain: letterhead lines (发文字号, 份号 ...)
TABLE = "table"            # one row of a table; ``cells`` holds the cell texts
TEXTBOX = "textbox"        # text found in a text box of an arbitrary Word file


@dataclass
class Para:
    text: str
    where: str                      # "第12行", "第5段", "第1个表格第2行" — for the summary and comments
    role: str | None = None
    level: int | None = None        # heading level for role HEADING (1 = top)
    lead: str | None = None         # run-in heading (with its number) known from the formatting
    cells: list[str] = field(default_factory=list)
    bold: str | None = None         # set in bold throughout (Word runs, Markdown **…**): how it looks (font)
    origin: object = None           # .docx: the reader's paragraph (drafter.reader.Para), or the list of
                                    # a table row's cell paragraphs


@dataclass
class Source:
    """What a reader read."""

    name: str                       # the file name shown to the clerk
    fmt: str                        # "txt" | "md" | "docx" | "html" | "pdf"
    paras: list[Para]
    drafter: bool = False           # a .docx written by drafter (its GW* styles are present)
    sealed: bool = False            # drafter layout left room for a seal (印章)
    notes: list[str] = field(default_factory=list)   # reader remarks for the summary (e.g. converted .doc)
    page_numbers: list[tuple[str, str]] = field(default_factory=list)   # (where, text) of dropped page numbers
    joined: int = 0                 # line breaks removed inside paragraphs (text wrapped at a page width)
    joined_at: list[str] = field(default_factory=list)   # where the joined paragraphs start
    soft_joined: list[str] = field(default_factory=list)  # .docx paragraphs whose mid-sentence line breaks were removed
    footnotes: list[str] = field(default_factory=list)    # .docx footnotes and endnotes (not body text)
    web: dict[str, str] = field(default_factory=dict)     # a web page's own metadata (<meta name="PubDate"> …),
                                                          # keyed as drafter.importer.patterns.web_key names it
