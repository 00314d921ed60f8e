"""``drafter inspect``: audit any .docx against GB/T 9704-2012, the way a reviewer would.

Pipeline: :mod:`.document` reads the package safely (drafter.safezip) and resolves every paragraph
and run through the style chain (:mod:`.styles`); :mod:`.structure` tells 版头, title, headings,
body, 署名, 成文日期, 附注 and 版记 apart by their text and position; the ``check_*`` modules
compare them with the numbers in drafter.gbt9704; :mod:`.content` runs ``drafter check``'s content
rules on the text; :mod:`.pdfcheck` (``--pdf``) measures LibreOffice's layout.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import ERROR, INFO, WARNING
from .findings import CODES, Finding, merge

__all__ = ["inspect_file", "InspectResult", "Finding", "CODES"]


@dataclass
class InspectResult:
    file: str
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)       # what was not checked, and why
    layout: object = None
    document: object = None
    anatomy: object = None                               # drafter.anatomy.Anatomy: roles, kind, evidence
    report: object = None                                # the Report the text maps to, its parts as written

    @property
    def kind(self) -> str | None:
        """The kind of 公文 the anatomy pass recognised (报告, 请示, 函, 通知, …, 简报, 其他)."""
        return self.anatomy.kind if self.anatomy is not None else None

    @property
    def format(self) -> str | None:
        """文件, 信函, 命令, 纪要 or 无版头."""
        return self.anatomy.format if self.anatomy is not None else None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]

    def codes(self) -> set[str]:
        return {f.code for f in self.findings}


def _matches(code: str, patterns) -> bool:
    return any(code.startswith(p.strip().upper()) for p in patterns if p and p.strip())


def inspect_file(path, *, pdf: bool = False, select=(), ignore=(), content: bool = True,
                 display: str | None = None, measures=None) -> InspectResult:
    """Inspect one .docx.  Raises DrafterError (Chinese message) for unreadable or unsafe files."""
    from .. import anatomy as A
    from ..importer.readers import source_of
    from ..reader import load
    from . import check_file, check_head, check_page, check_pagenum, check_tail, check_text
    from .context import Ctx
    from .structure import layout

    name = display or str(path)
    if pdf:
        from .pdfcheck import require_soffice

        require_soffice()
    doc = load(path, name)
    ana = A.read(source_of(doc), doc=doc)
    lay = layout(doc, ana)
    notes = []
    mapped_report = None
    # the kinds GB/T 9704 lays out in full (§7 and the 信函 of §10.1) are audited in full; 命令, 纪要 and
    # 简报 have heads of their own, and a document that is no 公文 none: for those, what every page has
    full = ana.format in A.FULL_AUDIT_FORMATS and ana.kind != A.OTHER
    c = Ctx(doc, lay, limited=not full, ana=ana)
    mods = (check_page, check_text, check_head, check_tail, check_pagenum, check_file) if full else \
        (check_page, check_text, check_pagenum, check_file)
    for mod in mods:
        mod.run(c)
    if not full:
        what = f"此类公文（{ana.kind}）" if ana.kind != A.OTHER else "这份文件不像公文（" + "；".join(ana.evidence) + "），"
        notes.append(f"{what}只检查页面设置、页码、字体和层次序号")
    wants_fz = (not select or any(s.strip().upper().startswith("FZ") for s in select)) and \
        not any(s.strip().upper() in ("F", "FZ") for s in ignore)
    if content and wants_fz and full:
        from .content import content_findings

        found, note, mapped_report = content_findings(doc, lay, ana, [s for s in select if s.upper().startswith("FZ")],
                                                      ignore)
        c.out.extend(found)
        if note:
            notes.append(note)
    if pdf:
        from . import pdfcheck

        pdfcheck.run(c, measures)
    notes.extend(c.notes)
    findings = merge(c.out)
    if select:
        findings = [f for f in findings if _matches(f.code, select)]
    if ignore:
        findings = [f for f in findings if not _matches(f.code, ignore)]
    order = {ERROR: 0, WARNING: 1, INFO: 2}
    findings.sort(key=lambda f: (f.paragraph if f.paragraph is not None else -1, f.page or 0,
                                 order.get(f.severity, 3), f.code))
    for f in findings:
        f.file = name
    return InspectResult(name, findings, notes, lay, doc, ana, mapped_report)
