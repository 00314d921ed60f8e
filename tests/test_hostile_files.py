"""Hostile .docx files for ``drafter import`` and ``drafter inspect`` (both open files through
drafter.safezip): zip bombs, external entities (XXE), renamed non-zips, truncated and corrupt zips, huge
documents, old .doc, encrypted files.  Each is refused quickly, with its code, in Chinese, without a
traceback, without touching the input, and without writing an output file.
"""
from __future__ import annotations

import io
import os
import random
import re
import resource
import struct
import zipfile
from pathlib import Path

import pytest

from conftest import example, odd_input, run_cli, soffice_or_skip

W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CJK = re.compile(r"[\u4e00-\u9fff]")


# ---------------------------------------------------------------------------------------------
# building the files
def _good_docx() -> bytes:
    from drafter.loader import load_file
    from drafter.render import docx_bytes

    return docx_bytes(load_file(example("short-complete")).report)


def _members(data: bytes) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {i.filename: z.read(i) for i in z.infolist()}


def _zip(members: dict[str, bytes], level: int = 6) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for k, v in members.items():
            z.writestr(k, v)
    return buf.getvalue()


def _with(base: dict[str, bytes], name: str, data: bytes) -> dict[str, bytes]:
    assert name in base or name.startswith("word/media/"), name
    return {**base, name: data}


def _doctype(xml: bytes, decl: bytes) -> bytes:
    head, sep, rest = xml.partition(b"?>")
    return head + sep + decl + rest


def _ole(names: list[str]) -> bytes:
    """A minimal Compound File (the container of .doc and of password-protected .docx): header, one
    FAT sector, one directory sector with a root entry and the named (empty) streams."""
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 126))
    entries = []
    for i, nm in enumerate(["Root Entry", *names]):
        raw = nm.encode("utf-16-le") + b"\0\0"
        typ = 5 if i == 0 else 2
        child = 1 if i == 0 and names else 0xFFFFFFFF
        right = i + 1 if 0 < i < len(names) else 0xFFFFFFFF
        entries.append(raw.ljust(64, b"\0") + struct.pack("<HBBIII16sIQQIII", len(raw), typ, 1, 0xFFFFFFFF, right,
                                                          child, b"\0" * 16, 0, 0, 0, 0xFFFFFFFE, 0, 0))
    directory = b"".join(entries).ljust(512, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
              + struct.pack("<I", 0) + b"\xff\xff\xff\xff" * 108)
    assert len(header) == 512
    return header + fat + directory


def _random_paragraphs(n: int) -> list[bytes]:
    rnd = random.Random(9704)
    return [b"<w:p><w:r><w:t>" + "".join(chr(rnd.randrange(0x4E00, 0x9FA5)) for _ in range(200)).encode()
            + b"</w:t></w:r></w:p>" for _ in range(n)]


def _lying_size(base: dict[str, bytes]) -> bytes:
    """A member whose directory entries claim 100 bytes but that inflates to a megabyte: zipfile stops
    inflating at the declared size and the CRC then fails, so it is refused as corrupt (FZ081)."""
    data = bytearray(_zip(_with(base, "word/media/image1.png", b"\0" * (1024 * 1024))))
    name = b"word/media/image1.png"
    for sig, off in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        i = 0
        while (i := data.find(sig, i)) >= 0:
            n_len = struct.unpack_from("<H", data, i + (28 if sig == b"PK\x01\x02" else 26))[0]
            start = i + (46 if sig == b"PK\x01\x02" else 30)
            if bytes(data[start:start + n_len]) == name:
                struct.pack_into("<I", data, i + off, 100)
            i += 4
    return bytes(data)


def _corrupt_member(good: bytes) -> bytes:
    """Bytes flipped inside the compressed word/document.xml (the zip directory is intact)."""
    z = zipfile.ZipFile(io.BytesIO(good))
    info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(good)
    for k in range(start + 40, start + min(info.compress_size, 400), 7):
        data[k] ^= 0x5A
    return bytes(data)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    good = _good_docx()
    base = _members(good)
    doc = base["word/document.xml"]
    xxe = b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    files: dict[str, bytes] = {
        "good.docx": good,
        "zip-bomb.docx": _zip(_with(base, "word/media/image1.png", b"\0" * (100 * 1024 * 1024)), level=9),
        "zip-bomb-many-members.docx": _zip({**base, **{f"word/media/image{i}.png": b"\0" * (900 * 1024)
                                                      for i in range(60)}}, level=9),
        "zip-bomb-lying-size.docx": _lying_size(base),
        "xxe.docx": _zip(_with(base, "word/document.xml", _doctype(doc, xxe).replace(b"<w:t>", b"<w:t>&xxe;", 1))),
        "xxe-utf16.docx": _zip(_with(base, "word/document.xml", _doctype(
            doc.replace(b"UTF-8", b"UTF-16"), xxe).replace(b"<w:t>", b"<w:t>&xxe;", 1).decode().encode("utf-16"))),
        "xxe-utf7.docx": _zip(_with(base, "word/document.xml", doc.replace(b"UTF-8", b"UTF-7").replace(
            b"?>", b"?>+ADw-!DOCTYPE x +AFs-+ADw-!ENTITY xxe SYSTEM +ACI-file:///etc/passwd+ACI-+AD4-+AF0-+AD4-", 1))),
        "xxe-in-rels.docx": _zip(_with(base, "_rels/.rels", _doctype(base["_rels/.rels"], xxe))),
        "billion-laughs.docx": _zip(_with(base, "word/document.xml", _doctype(
            doc, b'<!DOCTYPE d [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                 b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>').replace(b"<w:t>", b"<w:t>&c;", 1))),
        "renamed-yaml.docx": example("short-complete").read_bytes(),
        "renamed-png.docx": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "truncated.docx": good[: len(good) // 2],
        "truncated-tail.docx": good[:-30],
        "corrupt-member.docx": _corrupt_member(good),
        "huge-document.docx": _zip(_with(base, "word/document.xml", doc.replace(
            b"<w:body>", b"<w:body>" + b"".join(_random_paragraphs(2000) * 10), 1))),
        "old-word.doc": _ole(["WordDocument", "1Table"]),
        "old-word-renamed.docx": _ole(["WordDocument", "1Table"]),
        "encrypted.docx": _ole(["EncryptionInfo", "EncryptedPackage"]),
        "encrypted-zip.docx": None,  # below
        "not-word.docx": _zip({"[Content_Types].xml": base["[Content_Types].xml"], "xl/workbook.xml": b"<workbook/>"}),
        "too-many-parts.docx": _zip({**base, **{f"customXml/item{i}.xml": b"<a/>" for i in range(2100)}}),
        "wrong-root.docx": _zip(_with(base, "word/styles.xml", b"<w:p " + W + b"/>")),
        "empty.docx": b"",
    }
    enc = bytearray(good)
    i = 0
    while (i := enc.find(b"PK\x01\x02", i)) >= 0:   # the "encrypted" flag bit in every directory entry
        enc[i + 8] |= 1
        i += 4
    enc[6] |= 1
    files["encrypted-zip.docx"] = bytes(enc)
    paths = {}
    for name, data in files.items():
        p = folder / name
        p.write_bytes(data)
        paths[name] = p
    huge = folder / "huge-file.docx"                 # 60 MB, sparse: the size alone must stop it
    with huge.open("wb") as f:
        f.write(b"PK\x03\x04")
        f.truncate(60 * 1024 * 1024)
    paths["huge-file.docx"] = huge
    return paths


# name -> the code drafter.safezip gives (and so import and inspect)
CASES = {
    "zip-bomb.docx": "FZ082",
    "zip-bomb-many-members.docx": "FZ082",
    "zip-bomb-lying-size.docx": "FZ081",
    "too-many-parts.docx": "FZ082",
    "xxe.docx": "FZ084",
    "xxe-utf16.docx": "FZ084",
    "xxe-utf7.docx": "FZ084",
    "xxe-in-rels.docx": "FZ084",
    "billion-laughs.docx": "FZ084",
    "renamed-yaml.docx": "FZ080",
    "renamed-png.docx": "FZ080",
    "truncated.docx": "FZ081",
    "truncated-tail.docx": "FZ081",
    "corrupt-member.docx": "FZ081",
    "huge-file.docx": "FZ086",
    "huge-document.docx": "FZ086",
    "old-word-renamed.docx": "FZ080",
    "encrypted.docx": "FZ085",
    "encrypted-zip.docx": "FZ085",
    "not-word.docx": "FZ083",
    "empty.docx": "FZ007",
}


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,code", sorted(CASES.items()))
def test_safezip_refuses(hostile, name, code):
    from drafter.diagnostics import DrafterError
    from drafter.safezip import open_docx, read_package

    path = hostile[name]
    before = path.read_bytes() if path.stat().st_size < 1024 * 1024 * 10 else None
    for fn in (read_package, open_docx):
        c0 = _cpu()
        with pytest.raises(DrafterError) as e:
            fn(path, name)
        d = e.value.diagnostic
        assert d.code == code, d.format()
        assert d.file == name and CJK.search(d.message) and "root:" not in d.message
        assert _cpu() - c0 < 2, f"{fn.__name__} took {_cpu() - c0:.2f} s CPU"
    if before is not None:
        assert path.read_bytes() == before


def test_wrong_root_is_refused_by_open_docx(hostile):
    """A part with the wrong root element (styles.xml that is a paragraph) would make python-docx
    fail later with an AttributeError; open_docx refuses it up front."""
    from drafter.diagnostics import DrafterError
    from drafter.safezip import open_docx, read_package

    assert "word/styles.xml" in read_package(hostile["wrong-root.docx"])   # the package itself is safe
    with pytest.raises(DrafterError) as e:
        open_docx(hostile["wrong-root.docx"], "wrong-root.docx")
    assert e.value.diagnostic.code == "FZ083"


def test_good_docx_opens(hostile):
    from drafter.safezip import open_docx, read_package

    parts = read_package(hostile["good.docx"])
    assert "word/document.xml" in parts
    doc = open_docx(hostile["good.docx"])
    assert any("青山县" in p.text for p in doc.paragraphs)


def test_word_styles_open(hostile, tmp_path):
    """What Word puts in styles.xml — a numbering style ("No List"), a table style — is no reason to
    refuse a file (open_docx touches every style to surface broken ones)."""
    from drafter.safezip import open_docx

    m = _members(hostile["good.docx"].read_bytes())
    extra = (b'<w:style w:type="numbering" w:default="1" w:styleId="a2"><w:name w:val="No List"/></w:style>'
             b'<w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/></w:style>')
    m["word/styles.xml"] = m["word/styles.xml"].replace(b"</w:styles>", extra + b"</w:styles>")
    path = tmp_path / "word-styles.docx"
    path.write_bytes(_zip(m))
    doc = open_docx(path)
    assert "No List" in [s.name for s in doc.styles]


def test_libreoffice_docx_opens(hostile, tmp_path):
    """A .docx written by LibreOffice (what many clerks' machines produce) passes every check."""
    soffice_or_skip()
    from drafter.pdf import soffice_path
    from drafter.safezip import open_docx

    import subprocess

    src = tmp_path / "in.odt"
    out = tmp_path / "out"
    subprocess.run([soffice_path(), "--headless", "--convert-to", "odt", "--outdir", str(tmp_path),
                    str(hostile["good.docx"])], capture_output=True, timeout=180, check=True)
    (tmp_path / "good.odt").rename(src)
    subprocess.run([soffice_path(), "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    str(src)], capture_output=True, timeout=180, check=True)
    doc = open_docx(out / "in.docx")
    assert any("青山县" in p.text for p in doc.paragraphs)


# ---------------------------------------------------------------------------------------------
# the commands
COMMANDS = ("import", "inspect", "format")
OUTPUT = {"import": ["-o", "out.yaml"], "format": ["-o", "out.docx"]}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name,code", sorted(CASES.items()))
def test_command_refuses(hostile, tmp_path, command, name, code):
    src = tmp_path / name
    if name == "huge-file.docx":
        src.symlink_to(hostile[name])
    else:
        src.write_bytes(hostile[name].read_bytes())
    before = src.read_bytes() if name != "huge-file.docx" else None
    args = [command, name] + OUTPUT.get(command, [])
    c0 = _child_cpu()
    r = run_cli(*args, cwd=tmp_path, timeout=300)
    cpu = _child_cpu() - c0
    assert r.code == 1, r
    codes = re.findall(r"错误 (FZ\d{3})", r.text)
    assert codes and codes[0] == code, r
    assert "root:" not in r.text and "Traceback" not in r.text
    assert cpu < 10, f"{cpu:.1f} s CPU"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name], "an output file was written"
    if before is not None:
        assert src.read_bytes() == before


@pytest.mark.parametrize("command", COMMANDS)
def test_old_word_doc(hostile, tmp_path, command):
    """A real .doc name: import may convert it with LibreOffice; ours is an empty container, so the
    end is a Chinese refusal either way (FZ080), never a traceback or an output file."""
    src = tmp_path / "old-word.doc"
    src.write_bytes(hostile["old-word.doc"].read_bytes())
    args = [command, src.name] + OUTPUT.get(command, [])
    r = run_cli(*args, cwd=tmp_path, timeout=300)
    assert r.code == 1, r
    assert re.findall(r"错误 (FZ\d{3})", r.text)[:1] in (["FZ080"], ["FZ090"]), r
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old-word.doc"]


def test_xxe_never_reads_local_files(hostile, tmp_path):
    """Even through lxml directly (as drafter.inspect does), the refused part was never parsed; and
    nothing from /etc/passwd shows up anywhere."""
    for command in COMMANDS:
        for name in ("xxe.docx", "xxe-utf16.docx", "xxe-utf7.docx", "xxe-in-rels.docx"):
            src = tmp_path / name
            src.write_bytes(hostile[name].read_bytes())
            args = [command, name] + OUTPUT.get(command, [])
            r = run_cli(*args, cwd=tmp_path, timeout=300)
            assert "root:" not in r.text and "/bin/" not in r.text, r
            assert not (tmp_path / "out.yaml").exists() and not (tmp_path / "out.docx").exists()


def test_import_and_inspect_good_docx(hostile, tmp_path):
    """The positive control: drafter's own .docx goes through both commands without FZ08x."""
    src = tmp_path / "good.docx"
    src.write_bytes(hostile["good.docx"].read_bytes())
    r = run_cli("inspect", "good.docx", cwd=tmp_path)
    assert not re.search(r"FZ08\d", r.text), r
    assert r.code == 0, r
    r = run_cli("import", "good.docx", "-o", "out.yaml", cwd=tmp_path)
    assert not re.search(r"FZ08\d", r.text), r
    assert (tmp_path / "out.yaml").is_file(), r
    r = run_cli("format", "good.docx", "-o", "out.docx", cwd=tmp_path)
    assert not re.search(r"FZ08\d", r.text) and r.code == 0, r
    assert (tmp_path / "out.docx").is_file(), r



# ---------------------------------------------------------------------------------------------
# odd paths instead of a .docx


ODD_NAMES = {"directory": "报告.docx", "missing": "不存在.docx", "fifo": "管道.docx", "unreadable": "锁定.docx"}


def _odd_path(kind: str, folder: Path, good: bytes) -> str:
    return "/dev/zero" if kind == "device" else odd_input(kind, folder, ODD_NAMES[kind], good)


ODD = {"directory": "FZ002", "missing": "FZ001", "fifo": "FZ001", "device": "FZ001", "unreadable": "FZ001"}


@pytest.mark.parametrize("kind,code", sorted(ODD.items()))
def test_safezip_odd_paths(hostile, tmp_path, kind, code):
    from drafter.diagnostics import DrafterError
    from drafter.safezip import read_package

    path = _odd_path(kind, tmp_path, hostile["good.docx"].read_bytes())
    try:
        with pytest.raises(DrafterError) as e:
            read_package(path if path.startswith("/") else tmp_path / path, path)
        assert e.value.diagnostic.code == code, e.value.diagnostic.format()
        assert CJK.search(e.value.diagnostic.message)
    finally:
        if (tmp_path / "锁定.docx").exists():
            os.chmod(tmp_path / "锁定.docx", 0o644)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("kind,code", sorted(ODD.items()))
def test_command_odd_paths(hostile, tmp_path, command, kind, code):
    path = _odd_path(kind, tmp_path, hostile["good.docx"].read_bytes())
    before = sorted(p.name for p in tmp_path.iterdir())
    args = [command, path] + OUTPUT.get(command, [])
    try:
        r = run_cli(*args, cwd=tmp_path, timeout=20)
    finally:
        if (tmp_path / "锁定.docx").exists():
            os.chmod(tmp_path / "锁定.docx", 0o644)
    assert r.code == 1, r
    codes = re.findall(r"错误 (FZ\d{3})", r.text)
    assert codes[:1] == [code] or (command in ("import", "format") and kind == "device" and codes[:1] == ["FZ090"]), r
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# ---------------------------------------------------------------------------------------------
# the wrong kind of file for the command: say which command reads it
@pytest.mark.parametrize("command", ["check", "render", "check --fix"])
@pytest.mark.parametrize("name,head,todo", [
    ("去年的报告.docx", None, "drafter import 去年的报告.docx"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "drafter import old.doc"),
    ("r.rtf", b"{\\rtf1\\ansi 2024}", "drafter import r.rtf"),
    ("r.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "drafter import r.pdf"),
])
def test_a_document_given_instead_of_the_yaml(tmp_path, command, name, head, todo):
    src = tmp_path / name
    src.write_bytes(head if head is not None else _good_docx())
    before = src.read_bytes()
    r = run_cli(*command.split(), name, cwd=tmp_path)
    assert r.code == 1 and f"{name}: 错误 FZ008 这是一个" in r.text and todo in r.text, r
    assert ("drafter inspect" in r.text) == name.endswith(".docx"), r
    assert src.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_inspect_given_the_yaml_points_to_check(tmp_path):
    src = tmp_path / "报告.yaml"
    src.write_bytes(example("short-complete").read_bytes())
    r = run_cli("inspect", src.name, cwd=tmp_path)
    assert r.code == 1 and "是报告 YAML，不是 Word 文件；检查它请用 drafter check" in r.text, r


def test_a_document_saved_under_a_yaml_name_is_told_to_rename_it(tmp_path):
    src = tmp_path / "其实是docx.yaml"
    src.write_bytes(_good_docx())
    r = run_cli("check", src.name, cwd=tmp_path)
    assert r.code == 1 and "请先把文件名改为“其实是docx.docx”" in r.text, r
    assert "drafter import 其实是docx.docx" in r.text
    (tmp_path / "其实是docx.docx").write_bytes(src.read_bytes())     # and the command it names works
    assert run_cli("import", "其实是docx.docx", "-o", "导入.yaml", cwd=tmp_path).code == 0


# ---------------------------------------------------------------------------------------------
# a county's reviewer gets them all in one folder
def test_review_gives_each_hostile_file_its_row(hostile, tmp_path):
    """drafter review over every hostile file at once: each gets a row 退回 with the code import and
    inspect give it, the good one is reviewed, nothing from /etc/passwd shows, and the CPU is bounded."""
    import json

    folder = tmp_path / "收件"
    folder.mkdir()
    for name in CASES:
        if name == "huge-file.docx":
            (folder / name).symlink_to(hostile[name])
        else:
            (folder / name).write_bytes(hostile[name].read_bytes())
    (folder / "good.docx").write_bytes(hostile["good.docx"].read_bytes())
    c0 = _child_cpu()
    r = run_cli("review", "收件", "--format", "json", "-j", "2", cwd=tmp_path, timeout=300)
    cpu = _child_cpu() - c0
    assert r.code == 1, r
    assert "root:" not in r.text and "/bin/" not in r.text
    rows = {Path(x["file"]).name: x for x in json.loads(r.out)["rows"]}
    assert sorted(rows) == sorted([*CASES, "good.docx"])
    for name, code in CASES.items():
        assert rows[name]["verdict"] == "退回" and rows[name]["unreadable"].startswith(code + " "), rows[name]
    assert rows["good.docx"]["unreadable"] is None
    assert cpu < 10 * len(CASES) / 2, f"{cpu:.1f} s CPU"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["收件"]
