"""Opening a clerk's input file (report YAML, .docx to import or inspect): one policy for all readers.

Only a regular file is opened: a folder is FZ002; a pipe or device (which would block, or never end),
a missing file and one that cannot be read are FZ001, each with a Chinese reason.
"""
from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from .diagnostics import DrafterError

# what ``drafter import`` reads, by kind (drafter.importer.readers says how), in one place for the
# importer, review, format and the commands that take last year's report (new --from, check
# --previous) without importing the importer to know
WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")                 # read by drafter.reader (python-docx)
LEGACY_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")                   # converted to .docx by LibreOffice first
TEXT_SUFFIXES = (".txt", ".text")
MD_SUFFIXES = (".md", ".markdown")
PAGE_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml")   # saved web pages
PDF_SUFFIXES = (".pdf",)
IMPORT_SUFFIXES = WORD_SUFFIXES + LEGACY_SUFFIXES + TEXT_SUFFIXES + MD_SUFFIXES + PAGE_SUFFIXES + PDF_SUFFIXES

# what a file's first bytes say it is
ZIP_MAGIC = b"PK\x03\x04"                          # .docx (and any zip)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"      # old Word .doc, or a password-protected .docx


@contextlib.contextmanager
def input_file(path: str | Path, name: str, what: str):
    """``with input_file(p, name, "报告的 .yaml 文件") as (st, f):`` — the file's os.stat result and
    the file open for binary reading.  ``what`` ends the hints ("请指定{what}").  An OSError while
    the caller reads ``f`` is reported the same way; a DrafterError from the caller passes through."""
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise DrafterError("FZ002", f"“{name}”是一个文件夹，请指定{what}", file=name)
        if not stat.S_ISREG(st.st_mode):
            raise DrafterError("FZ001", f"“{name}”不是普通文件（是管道或设备），请指定{what}", file=name)
        with open(path, "rb") as f:
            yield st, f
    except DrafterError:
        raise
    except FileNotFoundError:
        raise DrafterError("FZ001", f"找不到文件“{name}”，请检查文件名和所在文件夹", file=name)
    except PermissionError:
        raise DrafterError("FZ001", f"没有权限读取“{name}”，请检查文件权限", file=name)
    except OSError as e:
        from .atomic import why

        raise DrafterError("FZ001", f"无法读取“{name}”（{why(e)}）；请检查文件名和所在文件夹", file=name)
