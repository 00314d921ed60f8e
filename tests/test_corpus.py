"""The real-world-shaped corpus of issue #17: files made the way Word and WPS make them.

tests/data/corpus/corpus.yaml says, for each file, which findings `drafter inspect` must and must not
give, what `drafter import` must read, and which kind of 公文 it is.  Each expectation is its own test
id (file name), run against the real command line (the venv's drafter) as a clerk or reviewer would.
tests/corpus/build_corpus.py must rebuild every generated file byte for byte.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, soffice_or_skip

CORPUS = ROOT / "tests" / "data" / "corpus"
BUILDER = ROOT / "tests" / "corpus"
DRAFTER = str(Path(sys.executable).with_name("drafter"))
ENTRIES = yaml.safe_load((CORPUS / "corpus.yaml").read_text(encoding="utf-8"))
BY_FILE = {e["file"]: e for e in ENTRIES}
KINDS = {"报告", "请示", "函", "通知", "决定", "命令", "纪要", "简报", "其他"}
FORMATS = {"文件", "信函", "命令", "纪要", "简报", "无版头"}
PARTS = ("一", "二", "三", "四", "五")
PLACEHOLDER = "【请补写"


def _ids(entries):
    return [e["file"] for e in entries]


def _path(e) -> Path:
    return CORPUS / ("public/" if e["made_by"] == "public" else "") / e["file"]


@cache
def _inspect(name: str, pdf: bool) -> list[dict]:
    cmd = [DRAFTER, "inspect", "--format", "json"] + (["--pdf"] if pdf else []) + [str(_path(BY_FILE[name]))]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert r.returncode in (0, 1), f"drafter inspect failed ({r.returncode}): {r.stderr[-2000:]}"
    try:
        return json.loads(r.stdout)
    except json.JSONDecodeError:
        raise AssertionError(f"drafter inspect printed no JSON: {r.stdout[:500]} {r.stderr[-1000:]}")


def _shown(findings: list[dict], code: str) -> str:
    lines = [f"    {f['code']} 〔{f.get('where') or f.get('place') or ''}〕{f['message'][:90]}"
             f"（应为：{f.get('expected')}；实际：{f.get('found')}）" for f in findings if f["code"] == code]
    return "\n".join(lines[:4]) + (f"\n    …（共 {len(lines)} 条）" if len(lines) > 4 else "")


# --- the manifest itself -------------------------------------------------------------------------------
def test_manifest_is_complete_and_well_formed():
    files = {p.name for p in CORPUS.glob("*.docx")} | {f"{p.name}" for p in (CORPUS / "public").glob("*.docx")}
    listed = set(BY_FILE)
    assert len(listed) == len(ENTRIES), "a file is listed twice"
    assert files == listed, f"not listed: {sorted(files - listed)}; listed but absent: {sorted(listed - files)}"
    assert len(ENTRIES) >= 24
    for e in ENTRIES:
        assert e["made_by"] in ("WPS", "Word", "pandoc", "public"), e["file"]
        assert e["kind"] in KINDS, e["file"]
        assert e["format"] in FORMATS, e["file"]
        assert isinstance(e["report"], bool) and e["report"] == (e["kind"] == "报告"), e["file"]
        assert e["origin"] and e["exercises"], e["file"]
        ins = e["inspect"]
        assert set(ins) <= {"must", "must_not", "at_most", "pdf"}, e["file"]
        assert not set(ins.get("must") or ()) & set(ins.get("must_not") or ()), e["file"]
        imp = e.get("import") or {}
        assert set(imp) <= {"title", "organ", "year", "date", "parts", "subsections", "issued", "issued_items"}, \
            e["file"]
        assert set((imp.get("parts") or {}).values()) <= {"present", "omitted", "missing"}, e["file"]
        if e["report"]:
            assert imp.get("parts"), f"{e['file']}: a report's entry says what import makes of its parts"


def test_every_code_in_the_manifest_exists():
    r = subprocess.run([DRAFTER, "inspect", "--codes", "--format", "json"], capture_output=True, text=True,
                       timeout=120, cwd=ROOT)
    known = {c["code"] for c in json.loads(r.stdout)}
    used = {c for e in ENTRIES for key in ("must", "must_not") for c in (e["inspect"].get(key) or ())}
    used |= {c for e in ENTRIES for c in (e["inspect"].get("at_most") or {})}
    assert used <= known, f"codes drafter does not have: {sorted(used - known)}"


# --- inspect ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", _ids(ENTRIES))
def test_inspect(name):
    e = BY_FILE[name]
    ins = e["inspect"]
    if ins.get("pdf"):
        soffice_or_skip()
    findings = _inspect(name, bool(ins.get("pdf")))
    count = Counter(f["code"] for f in findings)
    problems = []
    for code in ins.get("must") or ():
        if not count[code]:
            problems.append(f"  must {code}: not reported")
    for code in ins.get("must_not") or ():
        if count[code]:
            problems.append(f"  must_not {code}: reported\n{_shown(findings, code)}")
    for code, n in (ins.get("at_most") or {}).items():
        if count[code] > n:
            problems.append(f"  at_most {code} × {n}: reported {count[code]} times\n{_shown(findings, code)}")
    assert not problems, f"drafter inspect {name}:\n" + "\n".join(problems)


# --- import ----------------------------------------------------------------------------------------------
def _norm(s: str | None) -> str:
    return re.sub(r"[\s\u3000]+", "", s or "")


@cache
def _imported(name: str, tmp: str):
    out = Path(tmp) / (Path(name).stem + ".yaml")
    r = subprocess.run([DRAFTER, "import", str(_path(BY_FILE[name])), "-o", str(out), "--force"],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.exists(), f"drafter import wrote nothing ({r.returncode}):\n{r.stdout[-1500:]}{r.stderr[-1500:]}"
    from drafter.loader import load_file

    loaded = load_file(out)
    assert loaded.report is not None, "the imported YAML does not load: " + "; ".join(
        d.format() if hasattr(d, "format") else str(d) for d in loaded.diagnostics)
    return loaded.report, r.stdout


def _title(report) -> str:
    if report.title:
        return report.title
    from drafter.compose import Composer

    return Composer(report).title_text()


def _part_state(report, key: str) -> str:
    if any(key in (sec.parts or ()) for sec in report.sections):
        return "present"
    reason = report.omitted_parts.get(key)
    if reason is None:
        return "absent"
    return "missing" if PLACEHOLDER in reason or not reason.strip() else "omitted"


def _subsections(report, key: str) -> int | None:
    from drafter.model import Subsection

    for sec in report.sections:
        if key in (sec.parts or ()):
            return sum(isinstance(x, Subsection) for x in sec.content)
    return None


IMPORT_ENTRIES = [e for e in ENTRIES if e.get("import")]


@pytest.mark.parametrize("name", _ids(IMPORT_ENTRIES))
def test_import(name, tmp_path_factory):
    want = BY_FILE[name]["import"]
    report, said = _imported(name, str(tmp_path_factory.getbasetemp()))
    problems = []
    if "title" in want and _norm(_title(report)) != _norm(want["title"]):
        problems.append(f"  title: {_title(report)!r}, want {want['title']!r}")
    if "organ" in want and report.org != want["organ"]:
        problems.append(f"  organ: {report.org!r}, want {want['organ']!r}")
    if "year" in want and report.year != want["year"]:
        problems.append(f"  year: {report.year!r}, want {want['year']!r}")
    if "date" in want:
        wd = want["date"] if isinstance(want["date"], dt.date) else dt.date.fromisoformat(str(want["date"]))
        if report.date != wd:
            problems.append(f"  date: {report.date!r}, want {wd.isoformat()}")
    if "issued" in want:                  # the document the text issues: 印发文件, not an 附件
        got = report.issued.title if report.issued is not None else None
        if got != want["issued"] or report.attachments:
            problems.append(f"  印发文件: {got!r}, 附件 {report.attachments!r}; want {want['issued']!r} and no 附件")
        elif "issued_items" in want and len(report.issued.content) != want["issued_items"]:
            problems.append(f"  印发文件: {len(report.issued.content)} items, want {want['issued_items']}")
    for key, state in (want.get("parts") or {}).items():
        got = _part_state(report, key)
        if got != state:
            problems.append(f"  part {key}: {got}, want {state}")
    for key, n in (want.get("subsections") or {}).items():
        got = _subsections(report, key)
        if got != n:
            problems.append(f"  part {key}: {got} 小标题 items, want {n}")
    # issue 22: a 法治政府建设 report is imported as one; any other 公文 as 通用公文, and then checks clean
    kind = "法治政府建设年度情况报告" if BY_FILE[name]["report"] else "通用公文"
    if report.kind != kind:
        problems.append(f"  kind: {report.kind!r}, want {kind!r}")
    if not BY_FILE[name]["report"]:
        from drafter.check import check_loaded
        from drafter.loader import Loaded

        errors = [d.format() for d in check_loaded(Loaded(report, None, [])).diagnostics if d.severity == "error"]
        if errors:
            problems.append("  check: " + "; ".join(errors))
    assert not problems, f"drafter import {name}:\n" + "\n".join(problems) + \
        "\n  drafter said:\n" + "\n".join("    " + x for x in said.splitlines()[:28])


# --- kind ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", _ids(ENTRIES))
def test_kind(name):
    """The anatomy pass names the kind of 公文 (InspectResult.kind: one of the manifest's kind words)."""
    from drafter.inspect import inspect_file

    e = BY_FILE[name]
    result = inspect_file(_path(e), content=False)
    assert hasattr(result, "kind"), "drafter.inspect.inspect_file(...) has no .kind yet"
    assert result.kind == e["kind"], f"kind {result.kind!r}, want {e['kind']!r}"


# --- the builder -----------------------------------------------------------------------------------------
def _builder():
    sys.path.insert(0, str(BUILDER))
    try:
        import build_corpus
    finally:
        sys.path.remove(str(BUILDER))
    return build_corpus


def test_builder_lists_every_generated_file():
    bc = _builder()
    generated = {e["file"] for e in ENTRIES if e["made_by"] != "public"}
    assert set(bc.BUILDERS) == generated
    for e in ENTRIES:
        if e["made_by"] != "public":
            fn = bc.BUILDERS[e["file"]][0]
            assert f"{fn.__name__}()" in e["origin"], f"{e['file']}: origin does not name {fn.__name__}()"


@pytest.mark.parametrize("name", _ids([e for e in ENTRIES if e["made_by"] != "public"]))
def test_builder_reproduces_file_byte_for_byte(name):
    bc = _builder()
    assert bc.build_one(name) == (CORPUS / name).read_bytes(), \
        f"tests/corpus/build_corpus.py no longer writes {name} as committed; run it and commit the result"
