"""Which 公文 typeface family a font name belongs to (spec §8).

The standard names typefaces (仿宋体, 小标宋体, 黑体, 楷体, 宋体), not font files: 仿宋_GB2312,
仿宋, FangSong and 华文仿宋 are all 仿宋体.  Order matters: 仿宋体 and 小标宋 contain 宋.
"""
from __future__ import annotations

FANGSONG = "仿宋"
XIAOBIAOSONG = "小标宋"
HEITI = "黑体"
KAITI = "楷体"
SONGTI = "宋体"

LABEL = {FANGSONG: "仿宋体（如 仿宋_GB2312、仿宋）", XIAOBIAOSONG: "小标宋体（如 方正小标宋简体）",
         HEITI: "黑体", KAITI: "楷体（如 楷体_GB2312、楷体）", SONGTI: "宋体"}


def family(name: str | None) -> str | None:
    if not name:
        return None
    n = name.strip()
    low = n.lower().replace(" ", "").replace("-", "").replace("_", "")
    if "仿宋" in n or low.startswith(("fangsong", "fzfangsong", "stfangsong", "simfang")) or "fangsonggb2312" in low:
        return FANGSONG
    if "小标宋" in n or "xiaobiaosong" in low or low.startswith("fzxbsjw") or low.startswith("fzxiaobiaosong"):
        return XIAOBIAOSONG
    if "楷" in n or "kaiti" in low or low.startswith(("simkai", "stkaiti", "fzkai")):
        return KAITI
    if "黑体" in n or low in ("simhei", "heiti", "stheiti", "heitisc", "fzheitis", "fzhei") or low.startswith(
            ("simhei", "stheiti", "fzhei")):
        return HEITI
    if n in ("宋体", "新宋体", "华文宋体", "宋体-简", "中易宋体") or low in ("simsun", "nsimsun", "songti", "stsong",
                                                                   "songtisc", "simsunextb"):
        return SONGTI
    return None


def is_family(name: str | None, fam: str) -> bool:
    return family(name) == fam
