"""Which of the report's font names this machine has, and what LibreOffice will draw instead."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

from .model import Fonts
from .pdf import font_env

ROLES = {
    "fangsong": "仿宋（正文）",
    "kaiti": "楷体（二级标题）",
    "heiti": "黑体（一级标题）",
    "xiaobiaosong": "小标宋（标题、发文机关标志）",
    "songti": "宋体（页码）",
    "latin": "西文（数字、字母）",
}


@dataclass
class FontStatus:
    role: str
    name: str
    installed: bool | None     # None: cannot tell (no fontconfig)
    substitute: str | None


def _families() -> set[str] | None:
    if not shutil.which("fc-list"):
        return None
    try:
        out = subprocess.run(["fc-list", "--format", "%{family}\n"], capture_output=True, timeout=30,
                             env=font_env()).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    names = set()
    for line in out.decode("utf-8", "replace").splitlines():
        names.update(x.strip() for x in line.split(",") if x.strip())
    return names


def _match(name: str) -> str | None:
    if not shutil.which("fc-match"):
        return None
    try:
        out = subprocess.run(["fc-match", "--format", "%{family}", f"{name}:lang=zh-cn"], capture_output=True,
                             timeout=30, env=font_env()).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.decode("utf-8", "replace").split(",")[0].strip() or None


def status(fonts: Fonts) -> list[FontStatus]:
    fam = _families()
    out = []
    for field, role in ROLES.items():
        name = getattr(fonts, field)
        if fam is None:
            out.append(FontStatus(role, name, None, None))
            continue
        ok = name in fam
        out.append(FontStatus(role, name, ok, None if ok else _match(name)))
    return out


def report_lines(fonts: Fonts) -> list[str]:
    lines = []
    for s in status(fonts):
        if s.installed is None:
            lines.append(f"{s.role}：{s.name}（无法检查本机字体：未找到 fc-list）")
        elif s.installed:
            lines.append(f"{s.role}：{s.name}（已安装）")
        else:
            sub = f"，LibreOffice 将用“{s.substitute}”代替" if s.substitute else ""
            lines.append(f"{s.role}：{s.name}（本机未安装{sub}；Word/WPS 打开时同样需要此字体）")
    return lines
