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


def errors(result, omitted=()) -> list:
    """The errors, as text; ``omitted``: part keys the report's YAML declares omitted (省略部分) — a
    rendered file lacks those parts, and FZ101 for each of them (asserted present) is not listed."""
    out = [f"{f.code} {f.location} {f.message} {f.expected}|{f.found}" for f in result.findings if f.severity == "error"]
    if omitted:
        missing = [e for e in out if e.startswith("FZ101 ")]
        for key in omitted:
            assert any(f"缺少第{key}部分" in e for e in missing), (key, out)
        out = [e for e in out if not (e.startswith("FZ101 ") and any(f"缺少第{k}部分" in e for k in omitted))]
    return out


def declared_omissions(yaml_path) -> list[str]:
    """The parts an example's YAML declares omitted (省略部分), which its rendered .docx lacks."""
    from drafter.loader import load_file

    return list(load_file(yaml_path).report.omitted_parts)


# --- a .docx written by hand, the way other programs (WPS, LibreOffice, Word) write them -----------
NSDECL = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
          'xmlns:w10="urn:schemas-microsoft-com:office:word" mc:Ignorable="w14"')
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
       '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'wordprocessingml.document.main+xml"/>{more}</Types>')
_OV = '<Override PartName="/word/{name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>'
_PKG_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.'
             'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
             'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# a 1×1 PNG
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def build_docx(path: Path, body: str, *, styles: str = "", settings: str = "", footers: dict | None = None,
               comments: str | None = None, theme: str | None = None, numbering: str | None = None,
               image: bool = False) -> Path:
    """A package with the given body XML (w:body content, sectPr included by the caller)."""
    parts = {"_rels/.rels": _PKG_RELS.encode()}
    rels, more = [], []

    def add(name, kind, reltype, xml, rid):
        parts[f"word/{name}"] = xml.encode("utf-8")
        more.append(_OV.format(name=name, kind=kind))
        rels.append(f'<Relationship Id="{rid}" Type="{RT}{reltype}" Target="{name}"/>')

    add("styles.xml", "styles", "styles",
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {NSDECL}>{styles}</w:styles>', "rIdS")
    add("settings.xml", "settings", "settings",
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {NSDECL}>{settings}</w:settings>', "rIdT")
    for rid, xml in (footers or {}).items():
        add(f"{rid}.xml", "footer", "footer",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {NSDECL}>{xml}</w:ftr>', rid)
    if comments is not None:
        add("comments.xml", "comments", "comments",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {NSDECL}>{comments}</w:comments>',
            "rIdC")
    if numbering is not None:
        add("numbering.xml", "numbering", "numbering",
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {NSDECL}>{numbering}</w:numbering>',
            "rIdN")
    if theme is not None:
        parts["word/theme/theme1.xml"] = theme.encode("utf-8")
        rels.append(f'<Relationship Id="rIdTh" Type="{RT}theme" Target="theme/theme1.xml"/>')
    if image:
        parts["word/media/image1.png"] = PNG
        rels.append(f'<Relationship Id="rIdImg" Type="{RT}image" Target="media/image1.png"/>')
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  f'<w:document {NSDECL}><w:body>{body}</w:body></w:document>').encode("utf-8")
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.'
        'org/package/2006/relationships">' + "".join(rels) + "</Relationships>").encode()
    parts["[Content_Types].xml"] = _CT.format(more="".join(more)).encode()
    return write_parts(parts, path)
