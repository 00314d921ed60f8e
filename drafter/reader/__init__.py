"""The one .docx reader (python-docx behind :mod:`drafter.safezip`): ``load(path) -> Document``.

``drafter import`` and ``drafter inspect`` both read Word files here and nowhere else; the anatomy
pass (:mod:`drafter.anatomy`) then tells what each paragraph is.
"""
from __future__ import annotations

from .document import Document, Para, Run, Section, Shape, Table, load

__all__ = ["load", "Document", "Para", "Run", "Section", "Shape", "Table"]
