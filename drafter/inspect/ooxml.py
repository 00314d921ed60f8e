"""The parts of an untrusted .docx, parsed safely, with Markup Compatibility resolved as Word does.

Every byte comes from :func:`drafter.safezip.read_package` (zip bombs, DTDs, truncation already
rejected).  XML is parsed with a parser that resolves no entities, loads no DTD and reaches no
network.  ``mc:AlternateContent`` is replaced by the branch Word would take, so a text box written
both as DrawingML and as a VML fallback is read once.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from lxml import etree

from ..diagnostics import DrafterError
from ..ooxml import (MC_NS, NS, R_NS, RT_COMMENTS, RT_FOOTER, RT_HEADER, RT_NUMBERING,  # noqa: F401 (re-exported)
                     RT_OFFICE_DOCUMENT, RT_SETTINGS, RT_STYLES, RT_THEME, W_NS, WORD_UNDERSTANDS, local)

REL_NS = R_NS


def w(tag: str) -> str:
    return "{%s}%s" % (W_NS, tag)


def q(prefixed: str) -> str:
    prefix, local = prefixed.split(":")
    return "{%s}%s" % (NS[prefix], local)


def wattr(el, name: str, default=None):
    """A w:-namespaced attribute (WPS and some converters also write it unqualified)."""
    if el is None:
        return default
    v = el.get(w(name))
    if v is None:
        v = el.get(name)
    return default if v is None else v


def wint(el, name: str, default=None):
    v = wattr(el, name)
    if v is None:
        return default
    try:
        return int(round(float(v)))
    except (ValueError, OverflowError):      # "nan", "inf" in a hostile file
        return default


def on(el, name: str = "val") -> bool | None:
    """An OOXML on/off property: present without val (or val true/1/on) is on."""
    if el is None:
        return None
    v = wattr(el, name)
    return v is None or v.lower() in ("1", "true", "on")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def resolve_mc(root) -> None:
    """Replace every mc:AlternateContent with the children of the branch Word would choose."""
    for ac in list(root.iter("{%s}AlternateContent" % MC_NS)):
        chosen = None
        for branch in ac:
            if local(branch) == "Choice":
                req = (branch.get("Requires") or "").split()
                nsmap = branch.nsmap
                if all(nsmap.get(p) in WORD_UNDERSTANDS for p in req):
                    chosen = branch
                    break
            elif local(branch) == "Fallback":
                chosen = branch
                break
        parent = ac.getparent()
        if parent is None:
            continue
        idx = parent.index(ac)
        parent.remove(ac)
        if chosen is not None:
            for k, child in enumerate(list(chosen)):
                parent.insert(idx + k, child)


@dataclass
class Package:
    """The parts of a .docx, parsed on demand."""

    name: str
    parts: dict[str, bytes]
    _trees: dict[str, object] = field(default_factory=dict)
    main: str = "word/document.xml"

    def __post_init__(self):
        rels = self.rels("")
        for target, kind in rels.values():
            if kind == RT_OFFICE_DOCUMENT and target in self.parts:
                self.main = target
                break

    def xml(self, part: str):
        """The parsed part (mc resolved) or None when absent."""
        if part in self._trees:
            return self._trees[part]
        blob = self.parts.get(part)
        if blob is None:
            self._trees[part] = None
            return None
        try:
            root = etree.fromstring(blob, _parser())
        except etree.XMLSyntaxError:
            raise DrafterError("FZ081", f"“{self.name}”中的 {part} 已损坏，无法读取；请在 Word/WPS 中打开后"
                                        "另存为 .docx 再检查", file=self.name)
        resolve_mc(root)
        self._trees[part] = root
        return root

    def rels(self, part: str) -> dict[str, tuple[str, str]]:
        """{rId: (target part name, relationship type)} for ``part`` ("" = the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", base + ".rels") if part else "_rels/.rels"
        root = self.xml(rels_name)
        out = {}
        if root is None:
            return out
        for rel in root:
            if local(rel) != "Relationship" or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            if target.startswith("/"):
                name = target.lstrip("/")
            else:
                name = posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = (name, rel.get("Type") or "")
        return out

    def related(self, part: str, reltype: str) -> str | None:
        for target, kind in self.rels(part).values():
            if kind == reltype and target in self.parts:
                return target
        return None
