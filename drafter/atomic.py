"""Writing output files so that a failure never leaves a partial file or touches the old one."""
from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from .diagnostics import DrafterError
from .textutil import quote_arg

_WHY = {
    errno.ENOENT: "路径不存在", errno.ENOTDIR: "路径中的某一级不是文件夹", errno.EACCES: "没有权限",
    errno.EPERM: "没有权限", errno.EROFS: "所在磁盘是只读的", errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "符号链接形成了循环", errno.EIO: "读写出错（磁盘或网络盘故障）", errno.EISDIR: "这是一个文件夹",
    errno.EBUSY: "文件正被占用", errno.ETXTBSY: "文件正被占用", errno.EXDEV: "不能跨磁盘改名",
    errno.EINVAL: "文件名不合法",
}


def why(e: OSError) -> str:
    """A Chinese reason for an OSError (strerror is English)."""
    return _WHY.get(e.errno, f"系统错误 {errno.errorcode.get(e.errno or 0, e.errno)}")


def _stat(p: Path, name: str):
    """os.stat(p), None when p does not exist; any other failure is FZ052."""
    try:
        return os.stat(p)
    except FileNotFoundError:
        return None
    except OSError as e:
        raise DrafterError("FZ052", f"无法写入“{name}”：{why(e)}；请换一个文件名或位置", file=name)


def check_target(out: Path, inputs: list[Path], force: bool, what: str = "输出文件", into_folder: bool = False) -> None:
    """Refuse an output that is an input, a folder, a device, or in a folder that cannot be written
    (FZ05x), or that exists without ``force``.  ``into_folder``: the command also takes ``-o 文件夹/``
    (render), and the message for a folder says so."""
    name = str(out)
    st = _stat(out, name)
    for src in inputs:
        try:
            sst = os.stat(src)
        except OSError:
            sst = None
        same = st is not None and sst is not None and (st.st_dev, st.st_ino) == (sst.st_dev, sst.st_ino)
        if same or os.path.realpath(out) == os.path.realpath(src):
            raise DrafterError("FZ050", f"{what}“{name}”就是输入文件，不能覆盖；请用 -o 指定另一个文件名", file=name)
    if st is not None and stat.S_ISDIR(st.st_mode):
        if into_folder:
            raise DrafterError("FZ053", f"“{name}”是一个文件夹：要把生成的文件放进这个文件夹，请在末尾加“{os.sep}”"
                                        f"（写成“-o {quote_arg(name + os.sep)}”）；或用 -o 指定文件名（如 -o 报告.docx）", file=name)
        raise DrafterError("FZ053", f"“{name}”是一个文件夹，不能写成{what}；请用 -o 另指定文件名（如 -o 报告.docx），"
                                    "或把这个文件夹改名", file=name)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise DrafterError("FZ052", f"“{name}”不是普通文件（是设备、管道等），不能作为输出文件；请换一个文件名", file=name)
    pst = _stat(out.parent, name)
    if pst is None:
        raise DrafterError("FZ052", f"文件夹“{out.parent}”不存在，请先建立或换一个位置", file=name)
    if not stat.S_ISDIR(pst.st_mode):
        raise DrafterError("FZ052", f"“{out.parent}”不是文件夹，无法在其中写入“{out.name}”；请换一个位置", file=name)
    if st is not None and not force:
        raise DrafterError("FZ051", f"“{name}”已存在；如要覆盖，请加 --force（原文件在成功生成新文件前不会改动）",
                           file=name)


def _mode_for(out: Path) -> int:
    """The replaced file's permissions, or the usual ones for a new file (mkstemp makes 0600)."""
    try:
        return stat.S_IMODE(os.stat(out).st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def write_atomic(out: Path, produce: Callable[[object], None]) -> None:
    """Call ``produce(stream)`` into a temporary file next to ``out``, then rename it over ``out``."""
    name = str(out)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=str(out.parent))
        with os.fdopen(fd, "wb") as f:
            try:
                os.fchmod(f.fileno(), _mode_for(out))
            except OSError:  # e.g. a FAT-formatted USB stick: permissions do not apply there
                pass
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
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DrafterError("FZ054", f"磁盘空间不足，无法写入“{name}”；原有文件未改动，请清理磁盘后重试", file=name)
        raise DrafterError("FZ052", f"无法写入“{name}”：{why(e)}；原有文件未改动，请换一个位置后重试", file=name)
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
