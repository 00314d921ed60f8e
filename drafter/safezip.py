"""Opening .docx files a clerk did not make: checked before python-docx sees them.

A .docx is a zip of XML parts.  Before parsing we check that it is a zip, that it is complete, that
it does not expand to absurd sizes (zip bombs), that its XML declares no DTD or entities (XXE,
"billion laughs"), and that it is a Word document at all.  Every failure is a DrafterError with a
Chinese message; callers (``drafter import``, ``drafter inspect``) never see a zipfile or lxml error.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from .diagnostics import DrafterError
from .inputs import OLE_MAGIC, ZIP_MAGIC, input_file

MAX_FILE_BYTES = 50 * 1024 * 1024        # a report .docx is well under 5 MB even with images
MAX_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024
MAX_XML_PART = 8 * 1024 * 1024           # one XML part, uncompressed: a 100-page report is ~2 MB; a
                                         # 20 MB document.xml took 15 s (inspect) and 700 MB (import)
MAX_RATIO = 200                          # uncompressed / compressed for one member (bombs are ≫ 1000)
MAX_RATIO_FROM = 1024 * 1024              # the ratio test applies to members larger than this
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_WORD_ENCODINGS = {b"utf-8", b"utf8", b"utf-16", b"utf-16le", b"utf-16be", b"us-ascii", b"ascii"}


def _unsafe_xml(blob: bytes) -> bool:
    """A DTD or entity declaration, also in UTF-16/32 (NUL bytes between the letters), or an XML
    encoding Word never writes (UTF-7 and the like can spell "<!DOCTYPE" without those bytes)."""
    head = blob[:4096]
    if b"\x00" in head:
        blob, head = blob.replace(b"\x00", b""), head.replace(b"\x00", b"")
    head = head.removeprefix(b"\xef\xbb\xbf").removeprefix(b"\xff\xfe").removeprefix(b"\xfe\xff")
    m = _XML_ENCODING.match(head)
    if m and m.group(1).lower() not in _WORD_ENCODINGS:
        return True
    return bool(_DTD.search(blob))


def _fail(code: str, msg: str, name: str) -> DrafterError:
    return DrafterError(code, msg, file=name)


def read_package(path: str | Path, display: str | None = None) -> dict[str, bytes]:
    """The members of a .docx as {name: bytes}, after every safety check."""
    name = display or str(path)
    with input_file(path, name, " .docx 文件") as (st, f):
        size = st.st_size
        if size == 0:
            raise _fail("FZ007", f"“{name}”是空文件", name)
        if size > MAX_FILE_BYTES:
            raise _fail("FZ086", f"“{name}”过大（{size // 1024 // 1024} MB），超过 {MAX_FILE_BYTES // 1024 // 1024} MB "
                                 "的上限；请删除其中的大图片后重试", name)
        data = f.read(MAX_FILE_BYTES + 1)
    return read_package_bytes(data, name)


def read_package_bytes(data: bytes, name: str) -> dict[str, bytes]:
    if not data.startswith(ZIP_MAGIC):
        if data.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data:
            # a password-protected .docx is an OLE container holding the encrypted package
            raise _fail("FZ085", f"“{name}”设置了打开密码（已加密），无法读取；请在 Word/WPS 中取消密码，"
                                 "另存为 .docx 后重试", name)
        if data.startswith(OLE_MAGIC):
            raise _fail("FZ080", f"“{name}”是旧版 Word（.doc）或加密文件，不是 .docx；请在 Word/WPS 中“另存为”.docx，"
                                 "或用 soffice --headless --convert-to docx 转换", name)
        if name.lower().endswith((".yaml", ".yml")):
            raise _fail("FZ080", f"“{name}”是报告 YAML，不是 Word 文件；检查它请用 drafter check，"
                                 "生成 Word 文件请用 drafter render", name)
        raise _fail("FZ080", f"“{name}”不是 .docx 文件（不是 zip 压缩包）；请确认文件类型，必要时在 Word/WPS 中另存为 .docx", name)
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError, NotImplementedError):
        raise _fail("FZ081", f"“{name}”已损坏或不完整（可能没有下载完）；请重新获取文件", name)
    if len(infos) > MAX_ENTRIES:
        raise _fail("FZ082", f"“{name}”包含 {len(infos)} 个部件，远超正常 Word 文件，已拒绝处理", name)
    total = packed = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _fail("FZ085", f"“{name}”已加密，请先在 Word/WPS 中取消密码后重试", name)
        total += info.file_size
        packed += info.compress_size
        ratio = info.file_size / max(1, info.compress_size)
        if total > MAX_TOTAL_UNCOMPRESSED or (info.file_size > MAX_RATIO_FROM and ratio > MAX_RATIO) or \
                (total > 16 * MAX_RATIO_FROM and total > MAX_RATIO // 2 * packed):  # many small bombs
            raise _fail("FZ082", f"“{name}”解压后异常庞大（疑似“压缩炸弹”），已拒绝处理", name)
        if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART:
            raise _fail("FZ086", f"“{name}”的内容过大（{info.filename} 解压后 {info.file_size // 1024 // 1024} MB，"
                                 f"上限 {MAX_XML_PART // 1024 // 1024} MB；一份报告通常不到 1 MB），已拒绝处理；"
                                 "请确认是否选错了文件", name)
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "word/document.xml" not in names:
        raise _fail("FZ083", f"“{name}”不是 Word 文档（缺少 word/document.xml）；如是 Excel 或 PowerPoint 文件，请换用 .docx", name)
    out = {}
    for info in infos:
        if info.is_dir():
            continue
        is_xml = info.filename.endswith((".xml", ".rels"))
        try:
            with z.open(info) as f:
                blob = f.read(info.file_size + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, RuntimeError, NotImplementedError):
            raise _fail("FZ081", f"“{name}”已损坏或不完整（{info.filename} 无法解压）；请重新获取文件", name)
        if len(blob) > info.file_size:
            raise _fail("FZ082", f"“{name}”中的 {info.filename} 实际大小与声明不符，已拒绝处理", name)
        if is_xml and _unsafe_xml(blob):
            raise _fail("FZ084", f"“{name}”的 {info.filename} 含有 DTD/实体声明或非常规编码（可被用来读取本机文件），"
                                 "正常的 Word 文件不会有；已拒绝处理", name)
        out[info.filename] = blob
    return out


def open_docx(path: str | Path, display: str | None = None):
    """A python-docx Document for an untrusted file, or a DrafterError."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from .ooxml import CT_DOCUMENT_MAIN, CT_OTHER_MAINS

    name = display or str(path)
    parts = read_package(path, name)
    for other in CT_OTHER_MAINS:                     # a .docm or a template: its main part read as a .docx's
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(other.encode(), CT_DOCUMENT_MAIN.encode())
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for k, v in parts.items():
            z.writestr(k, v)
    buf.seek(0)
    try:
        document = docx.Document(buf)
        _check_roots(document)
        return document
    except DrafterError:
        raise
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise _fail("FZ083", f"“{name}”无法作为 Word 文档打开（{type(e).__name__}）；请在 Word/WPS 中另存为 .docx 后重试", name)
    except Exception as e:  # noqa: BLE001 - python-docx on hostile XML: AttributeError, TypeError, ...
        if type(e).__name__ in ("XMLSyntaxError", "ParseError"):
            raise _fail("FZ081", f"“{name}”中的 XML 已损坏，无法读取；请在 Word/WPS 中另存为 .docx 后重试", name)
        raise _fail("FZ083", f"“{name}”的内部结构不是 Word 文档应有的样子（{type(e).__name__}），无法打开；"
                             "请在 Word/WPS 中另存为 .docx 后重试", name)


def _check_roots(document) -> None:
    """Each part python-docx knows must have its proper root element; otherwise (``<a/>`` as
    word/styles.xml, say) python-docx fails later, at the first access, with an AttributeError."""
    from docx.opc.parts.coreprops import CorePropertiesPart
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml.ns import qn
    from docx.parts.comments import CommentsPart
    from docx.parts.document import DocumentPart
    from docx.parts.hdrftr import FooterPart, HeaderPart
    from docx.parts.numbering import NumberingPart
    from docx.parts.settings import SettingsPart
    from docx.parts.styles import StylesPart

    roots = {DocumentPart: "w:document", StylesPart: "w:styles", NumberingPart: "w:numbering",
             SettingsPart: "w:settings", HeaderPart: "w:hdr", FooterPart: "w:ftr", CommentsPart: "w:comments",
             CorePropertiesPart: "cp:coreProperties"}
    for part in document.part.package.iter_parts():
        want = roots.get(type(part))
        if want is not None and part.element.tag != qn(want):
            raise ValueError(f"{part.partname}: root {part.element.tag}")
    # a relationship must lead to the kind of part its type promises (a "header" that is styles.xml…)
    kinds = {RT.STYLES: StylesPart, RT.NUMBERING: NumberingPart, RT.SETTINGS: SettingsPart,
             RT.HEADER: HeaderPart, RT.FOOTER: FooterPart, RT.COMMENTS: CommentsPart,
             RT.OFFICE_DOCUMENT: DocumentPart, RT.CORE_PROPERTIES: CorePropertiesPart}
    for rels in (document.part.package.rels, document.part.rels):
        for rel in rels.values():
            want = kinds.get(rel.reltype)
            if want is not None and not rel.is_external and not isinstance(rel.target_part, want):
                raise ValueError(f"relationship {rel.rId} leads to {type(rel.target_part).__name__}")
    for ref in document.element.xpath("//w:headerReference | //w:footerReference"):
        rel = document.part.rels.get(ref.get(qn("r:id")) or "")
        want = HeaderPart if ref.tag == qn("w:headerReference") else FooterPart
        if rel is None or rel.is_external or not isinstance(rel.target_part, want):
            raise ValueError("header/footer reference without its part")
    if document.element.body is None:
        raise ValueError("document without body")
    for style in document.styles:  # a broken style surfaces as KeyError/ValueError at first use
        style.type, style.name, style.style_id, getattr(style, "base_style", None)  # numbering styles have none


class reading_docx:
    """``with reading_docx(name): ...`` around code that walks a Document from :func:`open_docx`:
    python-docx validates lazily, so a hostile file can still fail at first access (InvalidXmlError,
    KeyError…); inside this block such a failure becomes FZ083 instead of an internal error."""

    def __init__(self, name: str):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, typ, exc, tb):
        if exc is None or isinstance(exc, (DrafterError, KeyboardInterrupt, SystemExit, GeneratorExit)):
            return False
        if not isinstance(exc, Exception):
            return False
        raise _fail("FZ083", f"“{self.name}”的内部结构不是 Word 文档应有的样子（{type(exc).__name__}），无法读取；"
                             "请在 Word/WPS 中另存为 .docx 后重试", self.name) from exc
