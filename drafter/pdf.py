"""LibreOffice (soffice --headless) as the PDF converter and the reference renderer for tests."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .diagnostics import DrafterError

_CANDIDATES = ("soffice", "libreoffice")
_WINDOWS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
            r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
TIMEOUT = 240
FONTCONFIG = Path(__file__).resolve().parent / "data" / "fontconfig.conf"


def font_env() -> dict:
    """Environment for LibreOffice and fontconfig tools: drafter's substitutions for the customary
    公文 font names (see data/fontconfig.conf), unless the user set FONTCONFIG_FILE."""
    env = dict(os.environ)
    if sys.platform.startswith("linux") and "FONTCONFIG_FILE" not in env and FONTCONFIG.is_file():
        env["FONTCONFIG_FILE"] = str(FONTCONFIG)
    return env


def soffice_path() -> str | None:
    env = os.environ.get("DRAFTER_SOFFICE")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    for c in _CANDIDATES:
        p = shutil.which(c)
        if p:
            return p
    for c in _WINDOWS + ("/Applications/LibreOffice.app/Contents/MacOS/soffice",):
        if Path(c).exists():
            return c
    return None


def convert(files: list[Path], outdir: Path, fmt: str = "pdf") -> list[Path]:
    """Convert ``files`` (same folder or not) into ``outdir`` with one LibreOffice run."""
    exe = soffice_path()
    if exe is None:
        raise DrafterError("FZ060", "未找到 LibreOffice（soffice），无法生成 PDF；请安装 LibreOffice 后重试，"
                                    "或只生成 .docx")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drafter-lo-") as td:
        profile = Path(td) / "profile"
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
               "--convert-to", fmt, "--outdir", str(outdir)] + [str(f) for f in files]
        try:
            subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, env=font_env())
        except subprocess.TimeoutExpired:
            raise DrafterError("FZ061", f"LibreOffice 转换超时（{TIMEOUT} 秒），请稍后重试")
        except OSError as e:
            raise DrafterError("FZ061", f"无法运行 LibreOffice：{e}")
    out = [outdir / (Path(f).stem + "." + fmt.split(":")[0]) for f in files]
    missing = [p for p in out if not p.exists()]
    if missing:
        raise DrafterError("FZ061", f"LibreOffice 没有生成“{missing[0].name}”（文件可能已损坏、加密，"
                                    f"或不是 LibreOffice 能打开的格式）；请在 Word/WPS 中打开并另存为 .docx 后重试")
    return out


def docx_to_pdf(docx: Path, pdf: Path) -> None:
    """Write ``pdf`` atomically from ``docx``."""
    from .atomic import write_atomic

    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as td:
        src = Path(td) / (pdf.stem + ".docx")
        shutil.copyfile(docx, src)
        (produced,) = convert([src], Path(td) / "out")
        write_atomic(pdf, lambda f: f.write(produced.read_bytes()))
