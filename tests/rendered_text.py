"""The text of a rendered .docx, paragraph by paragraph in document order (body, text boxes, tables),
as Word and WPS show it: what tests/data/rendered/*.txt record of the writer before python-docx."""
from __future__ import annotations

import zipfile

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def paragraph_texts(path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        parts = []
        for el in p.iter(W + "t", W + "tab", W + "br"):
            # the paragraph's own text: not that of a paragraph nested in it (a text box), nor a Fallback
            up = el.getparent()
            while up is not None and up.tag != W + "p" and up.tag != MC_FALLBACK:
                up = up.getparent()
            if up is not p:
                continue
            parts.append(el.text or "" if el.tag == W + "t" else "\t" if el.tag == W + "tab" else "\n")
        out.append("".join(parts))
    return out
