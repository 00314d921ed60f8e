"""Helpers for the drafter inspect tests: edit a rendered .docx part by part (lxml) or with python-docx."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def q(tag: str) -> str:
    return "{%s}%s" % (W, tag)


def read_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def write_parts(parts: dict[str, bytes], path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(n, b)
    path.write_bytes(buf.getvalue())
    return path


def edit_parts(src: Path, dst: Path, edits: dict) -> Path:
    """Apply ``edits`` {part name: function(root) or (old bytes, new bytes)} and write ``dst``."""
    parts = read_parts(src)
    for name, fn in edits.items():
        if isinstance(fn, tuple):
            old, new = fn
            assert old.encode() in parts[name], (name, old)
            parts[name] = parts[name].replace(old.encode(), new.encode())
            continue
        root = etree.fromstring(parts[name])
        fn(root)
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return write_parts(parts, dst)


def paragraph_with(root, text: str):
    for p in root.iter(q("p")):
        if text in "".join(t.text or "" for t in p.iter(q("t"))):
            return p
    raise AssertionError(f"no paragraph with {text!r}")


def style(root, sid: str):
    for st in root.findall("w:style", NS):
        if st.get(q("styleId")) == sid:
            return st
    raise AssertionError(sid)


def set_fonts(rpr, **attrs) -> None:
    rf = rpr.find("w:rFonts", NS)
    if rf is None:
        rf = etree.SubElement(rpr, q("rFonts"))
        rpr.remove(rf)
        rpr.insert(0, rf)
    for k in list(rf.attrib):
        del rf.attrib[k]
    for k, v in attrs.items():
        rf.set(q(k), v)


def codes(result) -> set[str]:
    return {f.code for f in result.findings}


def by_code(result, code: str) -> list:
    return [f for f in result.findings if f.code == code]


def errors(result) -> list:
    return [f"{f.code} {f.where} {f.message} {f.expected}|{f.found}" for f in result.findings if f.severity == "error"]
