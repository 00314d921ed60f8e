"""A county's desk made from the examples, for ``drafter review`` (tests/test_review.py) and README's screenshot.

Every file is made the way a county receives it: reports rendered by drafter (Word files, as a
township's clerk sends them), report YAML as drafter users keep them, a Word file edited by hand
(part 三 deleted and the later parts renumbered, with python-docx, as a clerk does in Word), a copy
of one file under another name, and a Word file cut off half-way (an interrupted download).

    .venv/bin/python tests/review_county.py --screenshot examples/review-county.png

builds the county in a temporary folder, reviews it and saves Chromium's screenshot of the page.
"""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# file -> what its row must say.  parts: the five parts as 有 ✓ / 省 (declared omitted) / ✗ (missing)
EXPECTED = {
    "青山县.docx": dict(verdict="核实", organ="青山县人民政府", year=2024, date="2025-01-20", parts="✓✓✓✓✓"),
    "青山县.yaml": dict(verdict="核实", organ="青山县人民政府", year=2024, date="2025-01-20", parts="✓✓✓✓✓"),
    "青山县（重发）.docx": dict(verdict="核实", duplicate_of="青山县.docx"),
    "青石镇.docx": dict(verdict="通过", organ="中共安平县青石镇委员会", year=2024, date="2025-02-20", parts="✓✓✓✓✓"),
    "新乐市.yaml": dict(verdict="通过", organ="新乐市人民政府", year=2024, date="2024-12-20", parts="✓✓省✓省"),
    "榆垡镇.yaml": dict(verdict="退回", organ="北京市大兴区榆垡镇人民政府", year=2023, date=None, parts="✓✓✓✓✓",
                     reasons=["未标成文日期"]),
    "白石县/报告.yaml": dict(verdict="退回", organ="白石县人民政府", year=2024, date="2025-01-20", parts="✓✓✗✓✓",
                        reasons=["缺第三部分"]),
    "东山县.docx": dict(verdict="退回", organ="东山县人民政府", year=2024, date="2025-01-20", parts="✓✓✗✓✓",
                     reasons=["缺第三部分"]),
    "红岭县.docx": dict(verdict="退回", organ="红岭县人民政府", year=2024, date="2025-03-20", parts="✓✓✓✓✓",
                     reasons=["逾期"], overdue=True),
    "坏文件.docx": dict(verdict="退回", reasons=["无法读取"], unreadable="FZ081"),
    "西河县.docx": dict(verdict="通过", organ="西河县人民政府", year=2024, date="2025-01-20", parts="✓✓✓✓✓"),
}
PREVIOUS = {"西河县2023.docx"}          # in 上一年度/: 西河县's report of 2023: this year's but for part 二
CARRIED = ("西河县.docx", 2)             # its paragraphs that are not last year's (part 二, rewritten)


def _example(stem: str) -> str:
    return (EXAMPLES / f"{stem}.yaml").read_text(encoding="utf-8")


def _render(text: str, out: Path) -> Path:
    from drafter.loader import load_text
    from drafter.render import docx_bytes

    loaded = load_text(text, str(out.with_suffix(".yaml")))
    assert loaded.report is not None, [d.format() for d in loaded.diagnostics]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(docx_bytes(loaded.report))
    return out


def renamed(place: str) -> str:
    """short-complete (青山县人民政府, 2024) as another county's report."""
    return _example("short-complete").replace("青山县", place).replace("青山", place[:2])


def without_part3(text: str) -> str:
    out, n = re.subn(r"(?m)^  - 部分: 三\n(?:    .*\n|      .*\n)+", "", text)
    assert n == 1
    return out


def last_year(text: str) -> str:
    """The same county's report of the year before: the years moved back, the rest as it was."""
    return text.replace("2025", "2024X").replace("2024", "2023").replace("2023X", "2024")


NEW_PART2 = ("一是行政复议案件办理周期偏长，个别案件临近法定期限才作出决定；二是镇街合法性审查人员流动较大，审查质量不够稳定。",
             "主要原因是审查力量配备与案件增长不相适应，信息化手段运用也不够充分。")


def rewrite_part2(text: str) -> str:
    """The report with the two paragraphs of part 二 written anew (the rest carried over)."""
    old = [ln.strip()[2:] for ln in text.splitlines() if ln.strip().startswith(("- 一是基层执法力量", "- 主要原因是培训"))]
    assert len(old) == 2
    for a, b in zip(old, NEW_PART2):
        text = text.replace(a, b)
    return text


def delete_part3_in_word(src: Path, out: Path) -> None:
    """Part 三 deleted in Word: its heading and paragraphs removed, 四、五 renumbered 三、四."""
    import docx

    d = docx.Document(str(src))
    paras = d.paragraphs
    start = next(i for i, p in enumerate(paras) if p.text.startswith("三、"))
    end = next(i for i, p in enumerate(paras) if p.text.startswith("四、"))
    for p in paras[start:end]:
        p._element.getparent().remove(p._element)
    for p in d.paragraphs:
        for old, new in (("四、", "三、"), ("五、", "四、")):
            if p.text.startswith(old) and p.runs and p.runs[0].text.startswith(old):
                p.runs[0].text = new + p.runs[0].text[len(old):]
    d.save(str(out))


def build_county(root: Path) -> tuple[Path, Path]:
    """(the county's folder 各镇街/, last year's folder 上一年度/) under ``root``."""
    county, previous = root / "各镇街", root / "上一年度"
    county.mkdir(parents=True)
    previous.mkdir(parents=True)
    qingshan = _example("short-complete")
    _render(qingshan, county / "青山县.docx")
    (county / "青山县.yaml").write_text(qingshan, encoding="utf-8")
    shutil.copyfile(county / "青山县.docx", county / "青山县（重发）.docx")
    _render(_example("qingshi-2024-joint"), county / "青石镇.docx")
    (county / "新乐市.yaml").write_text(_example("xinle-2024-han"), encoding="utf-8")
    (county / "榆垡镇.yaml").write_text(_example("yufa-2023"), encoding="utf-8")
    (county / "白石县").mkdir()
    (county / "白石县" / "报告.yaml").write_text(without_part3(renamed("白石县")), encoding="utf-8")
    full = _render(renamed("东山县"), root / "东山县-原稿.docx")
    delete_part3_in_word(full, county / "东山县.docx")
    _render(renamed("红岭县").replace("成文日期: 2025年1月20日", "成文日期: 2025年3月20日"), county / "红岭县.docx")
    whole = (county / "青石镇.docx").read_bytes()
    (county / "坏文件.docx").write_bytes(whole[: len(whole) // 2])
    xihe = renamed("西河县")
    _render(rewrite_part2(xihe), county / "西河县.docx")           # this year: part 二 rewritten, the rest kept
    _render(last_year(xihe), previous / "西河县2023.docx")
    return county, previous


# ---------------------------------------------------------------------------------------------
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--mute-audio"]


def chromium_path() -> str | None:
    import os

    env = os.environ.get("DRAFTER_CHROMIUM")
    if env:
        return env if Path(env).exists() or shutil.which(env) else None
    for c in ("chromium", "chromium-browser"):
        p = shutil.which(c)
        if p:
            return p
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def chromium(page: Path, *args: str, timeout: int = 120) -> bytes:
    """Run headless Chromium on ``page`` with a fresh profile; its stdout."""
    import subprocess
    import tempfile

    exe = chromium_path()
    assert exe is not None, "chromium not installed"
    with tempfile.TemporaryDirectory(prefix="drafter-chromium-") as profile:
        p = subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
                           capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")[-2000:]
    return p.stdout


def screenshot(page: Path, png: Path, width: int = 1400, height: int = 1000) -> None:
    png.parent.mkdir(parents=True, exist_ok=True)
    chromium(page, f"--screenshot={png.resolve()}", f"--window-size={width},{height}")
    assert png.is_file() and png.stat().st_size > 0


def main(argv=None) -> int:
    import argparse
    import os
    import subprocess
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screenshot", type=Path, required=True, help="PNG to write")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="drafter-county-") as td:
        county, previous = build_county(Path(td))
        page = Path(td) / "汇总.html"
        subprocess.run([sys.executable, "-m", "drafter", "review", "各镇街/", "--previous", "上一年度/",
                        "-o", "汇总.html"], cwd=td, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        screenshot(page, a.screenshot)
    print(f"已生成：{a.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
