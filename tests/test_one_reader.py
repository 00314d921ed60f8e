"""One reader: ``drafter import`` and ``drafter inspect`` read a .docx only through drafter.reader
(python-docx behind drafter.safezip), and both see the same paragraphs."""
from __future__ import annotations

import re
from pathlib import Path

import drafter
from drafter.importer import import_file
from drafter.importer.readers import read_docx
from drafter.inspect import inspect_file

PKG = Path(drafter.__file__).parent
# what opens or unpacks a Word file
_OPENS = re.compile(r"^\s*(?:import docx\b|from docx\b(?!\.oxml)|import zipfile|from zipfile)|"
                    r"\b(?:read_package|open_docx|etree\.(?:fromstring|parse|XML)|ZipFile)\s*\(", re.M)
# the reader itself, the safe opener it stands behind, and the writer (which makes files, never reads one)
_ALLOWED = {"reader", "safezip.py", "writer"}


def test_only_the_reader_opens_docx_files():
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if rel.parts[0] in _ALLOWED:
            continue
        for m in _OPENS.finditer(path.read_text(encoding="utf-8")):
            offenders.append(f"{rel}: {m.group().strip()}")
    assert offenders == [], offenders


def test_import_and_inspect_number_paragraphs_alike(rendered, tmp_path):
    """The importer's "第N段" is the inspector's paragraph N (one reading, one numbering)."""
    path = rendered["xinle-2024-han"]
    src = read_docx(path, str(path))
    res = inspect_file(path, content=False)
    body = {p.number: p.text for p in res.document.paragraphs}
    checked = 0
    for p in src.paras:
        m = re.fullmatch(r"第(\d+)段", p.where)
        if m and p.role is None:
            assert p.text.replace("\t", "") in body[int(m.group(1))].replace("\t", ""), (p.where, p.text)
            checked += 1
    assert checked > 10
    assert import_file(path, tmp_path / "x.yaml").report.org == "新乐市人民政府"


def test_a_macro_enabled_file_and_a_template_are_read_as_word_files(rendered, tmp_path):
    """Word gives the main part of a .docm, a .dotx and a .dotm another content type than a .docx's;
    python-docx opens only the .docx's.  The reader reads them all (the macros never run): inspect finds
    the rendered example as clean as before, and import reads its text (was FZ083 “无法作为 Word 文档打开”)."""
    import zipfile

    from drafter.ooxml import CT_DOCUMENT_MAIN, CT_OTHER_MAINS

    src = rendered["short-complete"]
    want = [p.text for p in read_docx(src, "a.docx").paras]
    for k, ct in enumerate(CT_OTHER_MAINS):
        path = tmp_path / f"m{k}{('.docm', '.dotx', '.dotm')[k]}"
        with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = zin.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    assert CT_DOCUMENT_MAIN.encode() in data
                    data = data.replace(CT_DOCUMENT_MAIN.encode(), ct.encode())
                zout.writestr(info, data)
        res = inspect_file(path)
        assert not [f for f in res.findings if f.severity == "error"], (ct, [f.code for f in res.findings])
        assert [p.text for p in read_docx(path, path.name).paras] == want, ct
        assert import_file(path, tmp_path / f"m{k}.yaml").report.org, ct
