"""Writing output files so that a failure never leaves a partial file or touches the old one."""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Callable

from .diagnostics import DrafterError


def check_target(out: Path, inputs: list[Path], force: bool, what: str = "输出文件") -> None:
    name = str(out)
    for src in inputs:
        try:
            same = out.exists() and src.exists() and os.path.samefile(out, src)
        except OSError:
            same = False
        if same or out.resolve() == src.resolve():
            raise DrafterError("FZ050", f"{what}“{name}”就是输入文件，不能覆盖；请用 -o 指定另一个文件名", file=name)
    if out.is_dir():
        raise DrafterError("FZ053", f"“{name}”是一个文件夹；请用 -o 指定文件名，如 -o 报告.docx", file=name)
    if not out.parent.exists():
        raise DrafterError("FZ052", f"文件夹“{out.parent}”不存在，请先建立或换一个位置", file=name)
    if out.exists() and not force:
        raise DrafterError("FZ051", f"“{name}”已存在；如要覆盖，请加 --force（原文件在成功生成新文件前不会改动）",
                           file=name)


def write_atomic(out: Path, produce: Callable[[object], None]) -> None:
    """Call ``produce(stream)`` into a temporary file next to ``out``, then rename it over ``out``."""
    name = str(out)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=str(out.parent))
        with os.fdopen(fd, "wb") as f:
            produce(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, out)
        tmp = None
    except DrafterError:
        raise
    except PermissionError:
        raise DrafterError("FZ052", f"无法写入“{name}”：没有权限，或文件正在 Word/WPS 中打开；请关闭文件或换一个位置后重试",
                           file=name)
    except OSError as e:
        if e.errno == errno.ENOSPC:
            raise DrafterError("FZ054", f"磁盘空间不足，无法写入“{name}”；原有文件未改动，请清理磁盘后重试", file=name)
        raise DrafterError("FZ052", f"无法写入“{name}”（{e.strerror or e}）；原有文件未改动", file=name)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
