"""Wording comes from Jinja2 templates a user can copy and adapt (templates/<kind>/text.j2)."""
from __future__ import annotations

import shutil

import docx

from conftest import ROOT, example, run_cli


def _texts(path):
    return [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]


def test_copied_template_directory_changes_the_wording(tmp_path):
    tdir = tmp_path / "mine"
    shutil.copytree(ROOT / "templates" / "fzzf", tdir)
    j2 = tdir / "text.j2"
    src = j2.read_text(encoding="utf-8")
    src = src.replace("其他需要报告的情况\n", "其他需要说明的事项\n").replace(
        "{{ org }}{{ year }}年法治政府建设年度情况报告", "{{ org }}关于{{ year }}年度法治政府建设情况的报告")
    j2.write_text(src, encoding="utf-8")
    y = tmp_path / "r.yaml"
    shutil.copy(example("yufa-2023"), y)
    r = run_cli("render", y, "--templates", tdir)
    assert r.code == 0, r
    texts = _texts(tmp_path / "r.docx")
    assert texts[0] == "北京市大兴区榆垡镇人民政府\n关于2023年度法治政府建设情况的报告"
    assert "五、其他需要说明的事项" in texts
    # the same through the YAML setting 格式.模板目录
    y2 = tmp_path / "r2.yaml"
    y2.write_text(example("yufa-2023").read_text(encoding="utf-8") + f"  模板目录: {tdir.as_posix()}\n",
                  encoding="utf-8")
    r = run_cli("render", y2)
    assert r.code == 0, r
    assert "五、其他需要说明的事项" in _texts(tmp_path / "r2.docx")


def test_broken_user_template_is_a_chinese_error(tmp_path):
    tdir = tmp_path / "bad"
    tdir.mkdir()
    (tdir / "text.j2").write_text("{% macro title(org, year, short) %}{{ org }{% endmacro %}", encoding="utf-8")
    y = tmp_path / "r.yaml"
    shutil.copy(example("yufa-2023"), y)
    r = run_cli("render", y, "--templates", tdir)
    assert r.code == 1 and "FZ070" in r.text and "模板" in r.text
    assert not (tmp_path / "r.docx").exists()


def test_a_missing_template_directory_is_named_at_its_line_in_the_yaml(tmp_path):
    """Fuzzing: the message named the folder as the file, and the 发文机关's line."""
    y = tmp_path / "r.yaml"
    text = example("yufa-2023").read_text(encoding="utf-8")
    assert "\n格式:\n" in text
    y.write_text(text.replace("\n格式:\n", "\n格式:\n  模板目录: 没有这个目录\n"), encoding="utf-8")
    n = y.read_text(encoding="utf-8").split("\n").index("  模板目录: 没有这个目录") + 1
    for cmd in ("check", "render"):
        r = run_cli(cmd, y)
        assert r.code == 1 and f"{y}:{n}:9: 错误 FZ070 模板目录“" in r.text and "不存在或不是文件夹" in r.text, r
    assert not (tmp_path / "r.docx").exists()


def test_template_directory_in_the_yaml_is_relative_to_the_yaml(tmp_path):
    work = tmp_path / "报告"
    shutil.copytree(ROOT / "templates" / "fzzf", work / "mine")
    j2 = work / "mine" / "text.j2"
    j2.write_text(j2.read_text(encoding="utf-8").replace("其他需要报告的情况\n", "其他需要说明的事项\n"),
                  encoding="utf-8")
    y = work / "r.yaml"
    y.write_text(example("yufa-2023").read_text(encoding="utf-8") + "  模板目录: mine\n", encoding="utf-8")
    r = run_cli("render", "报告/r.yaml", cwd=tmp_path)       # run from another folder
    assert r.code == 0, r
    assert "五、其他需要说明的事项" in _texts(work / "r.docx")


def test_user_template_cannot_build_huge_text(tmp_path):
    tdir = tmp_path / "t"
    tdir.mkdir()
    (tdir / "text.j2").write_text('{% macro title(org, year, short) %}{{ "a" * 100000000 }}{% endmacro %}',
                                  encoding="utf-8")
    y = tmp_path / "r.yaml"
    shutil.copy(example("yufa-2023"), y)
    r = run_cli("render", y, "--templates", tdir, timeout=20)
    assert r.code == 1 and "FZ072" in r.text and not (tmp_path / "r.docx").exists()
