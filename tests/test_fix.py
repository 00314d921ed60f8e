"""`drafter check --fix` / `--diff`: safe fixes written back into the YAML text, nothing else touched."""
from __future__ import annotations

import codecs
import os
import re
import shutil

import pytest

from conftest import example, run_cli
from drafter.check import check_file
from drafter.loader import load_file

KEY_RE = re.compile(r"^\s*(?:- )?[\w\u4e00-\u9fff]{1,10}:(?: [|>][-+]?$| |$)")
FIXED_RULES = {"FZ401", "FZ402", "FZ405", "FZ501"}
# what a fix may change: the width of , ; : ? ! ( ) and of a "." ending a sentence, straight vs
# curly quotes, brackets of 发文字号, spaces (between Chinese characters)
_CANON = str.maketrans({"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")", "。": ".",
                        "“": '"', "”": '"', "‘": "'", "’": "'", "〔": "[", "〕": "]", "【": "[", "】": "]",
                        "［": "[", "］": "]", " ": None, "\u3000": None, "\u00a0": None, "\t": None})


def canon(s: str) -> str:
    return s.translate(_CANON)



def same_but_fixed(a, b, changed: list, path=()):
    """``b`` is ``a`` with only fixable characters replaced (half-width marks, straight quotes,
    spaces between Chinese characters, brackets of 发文字号); key order and structure identical."""
    if isinstance(a, dict):
        assert isinstance(b, dict) and list(a) == list(b), path
        for k in a:
            same_but_fixed(a[k], b[k], changed, path + (k,))
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            same_but_fixed(x, y, changed, path + (i,))
    elif isinstance(a, str) and a != b:
        assert isinstance(b, str) and len(b) <= len(a), path
        assert canon(a) == canon(b), (path, a, b)
        changed.append(path)
    else:
        assert a == b, path


def copy_example(tmp_path, name):
    p = tmp_path / f"{name}.yaml"
    shutil.copy(example(name), p)
    return p


@pytest.mark.parametrize("name,n_texts", [("yufa-2023", 27), ("xinle-2024-han", 18), ("daxing-2023", 20)])
def test_fix_each_seed(tmp_path, name, n_texts):
    p = copy_example(tmp_path, name)
    original = p.read_bytes()
    r = run_cli("check", "--fix", p)
    assert r.code == 0, r                                      # the seeds have warnings only
    assert f"已自动修正 {n_texts} 条问题中的" in r.err and ".bak" in r.err
    bak = tmp_path / f"{name}.yaml.bak"
    assert bak.read_bytes() == original
    fixed = p.read_bytes()
    assert fixed != original
    # the same model except for the fixed characters
    a, b = load_file(bak), load_file(p)
    assert a.report is not None and b.report is not None
    changed = []
    same_but_fixed(a.data, b.data, changed)
    assert len(changed) == n_texts
    # check reports none of the fixed rules afterwards; the other findings are still there
    after = check_file(p).diagnostics
    assert not {d.code for d in after} & FIXED_RULES
    before = [d for d in check_file(example(name)).diagnostics if d.code not in FIXED_RULES]
    assert [(d.code, d.line) for d in after] == [(d.code, d.line) for d in before]
    # comments, the schema line, key order and block style survive: only text inside values changed
    old_lines, new_lines = original.decode().split("\n"), fixed.decode().split("\n")
    assert len(old_lines) == len(new_lines)
    assert new_lines[0] == "# yaml-language-server: $schema=../schemas/report.schema.json"
    for o, n in zip(old_lines, new_lines):
        assert len(o) - len(o.lstrip()) == len(n) - len(n.lstrip())        # same indentation
        if o.lstrip().startswith("#"):
            assert o == n                                                  # comment lines
        elif " #" in o:
            assert o[o.index(" #"):] == n[n.index(" #"):]                  # trailing comments
        key = KEY_RE.match(o)
        if key:
            assert n.startswith(key.group())                               # keys, '|', list dashes
    # running again finds nothing more to fix and writes nothing
    r = run_cli("check", "--fix", p)
    assert "没有可自动修正的问题" in r.err and p.read_bytes() == fixed and bak.read_bytes() == original


def test_fix_specific_texts(tmp_path):
    """The fixed values: yufa's 导语 and a title typed with half-width commas and parentheses."""
    p = copy_example(tmp_path, "yufa-2023")
    run_cli("check", "--fix", p)
    r = load_file(p).report
    assert r.intro.startswith("2023年榆垡镇在区委、区政府的正确领导下，坚持以习近平新时代")
    assert r.intro.endswith("现将2023年榆垡镇法治政府建设工作情况报告如下：")
    para = r.sections[0].content[1].content[0]
    assert "《北京市法治政府建设实施意见》（2021-2025年）等内容" in para
    assert r.sections[0].content[0].heading == "强化组织领导，引领政治建设。"
    seven = r.sections[0].content[6].content[0]
    assert "“3.15”消费者权益保护日、“12.4”国家宪法日" in seven        # dates left alone


@pytest.mark.parametrize("written, fixed", [
    ("发文机关标志: 青山县 人民政府\n", "发文机关标志: 青山县人民政府\n"),                       # one organ: a line
    ("发文机关标志:\n  - 青山县 人民政府\n", "发文机关标志:\n  - 青山县人民政府\n"),          # a list of one
    ("发文机关标志:\n  - 中共青山县委员会\n  - 青山县 人民政府\n",
     "发文机关标志:\n  - 中共青山县委员会\n  - 青山县人民政府\n"),                             # 联合行文
], ids=["line", "list-of-one", "joint"])
def test_a_space_in_the_flag_is_fixed_however_it_is_written(tmp_path, written, fixed):
    p = copy_example(tmp_path, "short-complete")
    p.write_text(p.read_text(encoding="utf-8").replace("版头: 文件\n", "版头: 文件\n" + written), encoding="utf-8")
    r = run_cli("check", "--fix", p)
    assert fixed in p.read_text(encoding="utf-8"), r.err
    assert "FZ405" not in run_cli("check", p).err


def test_short_complete_has_nothing_to_fix(tmp_path):
    p = copy_example(tmp_path, "short-complete")
    original = p.read_bytes()
    r = run_cli("check", "--fix", p)
    assert r.code == 0 and "没有可自动修正的问题" in r.err
    assert p.read_bytes() == original and sorted(x.name for x in tmp_path.iterdir()) == ["short-complete.yaml"]


def test_diff_shows_and_writes_nothing(tmp_path):
    p = copy_example(tmp_path, "xinle-2024-han")
    original = p.read_bytes()
    mtime = p.stat().st_mtime_ns
    r = run_cli("check", "--diff", p)
    assert r.code == 1, r
    assert r.out.startswith(f"--- {p}\n+++ {p}（修正后）\n@@")
    assert "-  2024年以来,我市坚持" in r.out and "+  2024年以来，我市坚持" in r.out
    assert "未写入文件" in r.err
    assert p.read_bytes() == original and p.stat().st_mtime_ns == mtime
    assert sorted(x.name for x in tmp_path.iterdir()) == ["xinle-2024-han.yaml"]
    run_cli("check", "--fix", p)
    r = run_cli("check", "--diff", p)
    assert r.code == 0 and r.out == ""


YAML = """\
# 注释：保留
发文机关: 青山县人民政府   # 行尾注释
年度: 2023
版头: 函
发文字号: 青政函[2024]3号
主送机关: [青原市人民政府]
导语: "2023年,青山县全面推进依法行政。现将有关情况报告如下:"
正文:
  - 部分: 一
    内容:
      - 标题: '健全依法决策机制,规范''三项制度''。'
        内容:
          - |
            开展"法治体检"活动,服务企业(共15家)。依法 行政。

            第二段,也要修正。
          - 折行的普通写法,第一行
            第二行,也是这一段
  - 部分: 二
    内容:
      - 一是基层执法力量仍显不足；二是部分干部的能力有待提高。
  - 部分: 三
    内容:
      - 县政府主要负责人认真履行推进法治建设第一责任人职责。
  - 部分: 四
    内容:
      - 2024年，我县将重点抓好两项工作。
  - 部分: 五
    内容:
      - 无
成文日期: 2024年1月20日
"""


def test_every_scalar_style_and_the_skipped_one(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text(YAML, encoding="utf-8")
    r = run_cli("check", "--fix", p)
    assert r.code == 0, r
    text = p.read_text(encoding="utf-8")
    assert "发文字号: 青政函〔2024〕3号\n" in text                                  # plain
    assert '导语: "2023年，青山县全面推进依法行政。现将有关情况报告如下："\n' in text     # double-quoted
    assert "标题: '健全依法决策机制，规范‘三项制度’。'\n" in text                     # single-quoted, '' escapes
    assert "开展“法治体检”活动，服务企业（共15家）。依法行政。\n\n            第二段，也要修正。\n" in text
    assert "# 注释：保留\n发文机关: 青山县人民政府   # 行尾注释\n" in text
    # a plain text over two lines: edited in place, line by line (its line break is not a space)
    assert "      - 折行的普通写法，第一行\n            第二行，也是这一段\n" in text
    assert "未自动修正" not in r.err
    assert check_file(p).diagnostics == []
    changed = []
    same_but_fixed(load_file(tmp_path / "r.yaml.bak").data, load_file(p).data, changed)
    assert changed == [("doc_number",), ("intro",), ("sections", 0, "content", 0, "heading"),
                       ("sections", 0, "content", 0, "content", 0), ("sections", 0, "content", 0, "content", 1)]


FOLDED_ITEM = "      - 折行的普通写法,第一行\n            第二行,也是这一段\n"


def _with_item(tmp_path, item: str):
    """YAML with its two-line plain item replaced by ``item``, written to r.yaml."""
    assert FOLDED_ITEM in YAML
    p = tmp_path / "r.yaml"
    p.write_text(YAML.replace(FOLDED_ITEM, item), encoding="utf-8")
    return p


def test_quoted_text_over_two_lines_is_left_alone_and_said_so(tmp_path):
    p = _with_item(tmp_path, '      - "折行的引号写法,第一行\n            第二行,也是这一段"\n')
    r = run_cli("check", "--fix", p)
    assert r.code == 0, r
    assert '      - "折行的引号写法,第一行\n            第二行,也是这一段"\n' in p.read_text(encoding="utf-8")
    assert "r.yaml:17:21: 提示 FZ401 未自动修正：这段加了引号的文字分几行写" in r.err, r


def test_gb18030_with_crlf_is_written_back_in_kind(tmp_path):
    p = tmp_path / "gbk.yaml"
    src = example("daxing-2023").read_text(encoding="utf-8")
    original = src.replace("\n", "\r\n").encode("gb18030")
    p.write_bytes(original)
    r = run_cli("check", "--fix", p)
    assert r.code == 0, r
    data = p.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode("gb18030")
    assert text.count("\r\n") == src.count("\n") and "\n" not in text.replace("\r\n", "")
    assert "2023年，大兴区坚持" in text
    assert (tmp_path / "gbk.yaml.bak").read_bytes() == original
    changed = []
    same_but_fixed(load_file(tmp_path / "gbk.yaml.bak").data, load_file(p).data, changed)
    assert len(changed) == 20
    assert not {d.code for d in check_file(p).diagnostics} & FIXED_RULES


def test_utf8_bom_kept_and_mode_kept(tmp_path):
    p = tmp_path / "bom.yaml"
    p.write_bytes(codecs.BOM_UTF8 + example("yufa-2023").read_bytes())
    os.chmod(p, 0o640)
    run_cli("check", "--fix", p)
    data = p.read_bytes()
    assert data.startswith(codecs.BOM_UTF8) and "，坚持以习近平".encode() in data
    assert p.stat().st_mode & 0o777 == 0o640


def test_symlink_target_is_fixed(tmp_path):
    real = copy_example(tmp_path, "yufa-2023")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    run_cli("check", "--fix", link)
    assert link.is_symlink() and "，坚持以习近平" in real.read_text(encoding="utf-8")
    assert (tmp_path / "link.yaml.bak").read_bytes() == example("yufa-2023").read_bytes()


def test_broken_file_is_not_touched(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("发文机关: 青山县人民政府\n年度: 2023\n正文: [\n", encoding="utf-8")
    original = p.read_bytes()
    r = run_cli("check", "--fix", p)
    assert r.code == 1 and "FZ010" in r.text
    assert p.read_bytes() == original and not (tmp_path / "bad.yaml.bak").exists()
    r = run_cli("check", "--diff", p)
    assert r.code == 1 and "FZ010" in r.err and r.out == ""        # unreadable: not a clean --diff
    r = run_cli("check", "--fix", tmp_path / "none.yaml")
    assert r.code == 1 and "FZ001" in r.text and "无法修正其余的问题" not in r.text     # not a YAML slip
    (tmp_path / "dd").mkdir()
    r = run_cli("check", "--fix", tmp_path / "dd")
    assert r.code == 1 and "FZ002" in r.text and "无法修正其余的问题" not in r.text, r


def test_fix_respects_select_and_ignore(tmp_path):
    p = tmp_path / "r.yaml"
    p.write_text(YAML, encoding="utf-8")
    run_cli("check", "--fix", "--select", "FZ5", p)
    text = p.read_text(encoding="utf-8")
    assert "青政函〔2024〕3号" in text and "2023年,青山县" in text
    run_cli("check", "--fix", "--ignore", "FZ402", p)
    text = p.read_text(encoding="utf-8")
    assert "2023年，青山县" in text and '开展"法治体检"活动，' in text

    # an error of a rule switched off is still listed (only its whole code hides it), but not fixed
    p.write_text(YAML, encoding="utf-8")
    r = run_cli("check", "--fix", "--ignore", "FZ5", p)
    text = p.read_text(encoding="utf-8")
    assert "FZ501" in r.text and "青政函〔2024〕3号" not in text and "2023年，青山县" in text, r


# --- property: whatever the clerk typed, --fix never breaks the file --------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

ALPHABET = list("法治政府建设年度是一二三四五六七八九十余件次率%％,，;；:：?？!！()（）\"'“”‘’《》〔〕[]【】 　.。、0123456789-—…#&*|>") + ["\n"]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(ALPHABET, min_size=1, max_size=60), min_size=1, max_size=4))
def test_fix_never_breaks_a_file(tmp_path, paras):
    from test_rules_base import BASE, P1

    from drafter.fix import fix_file

    body = "\n".join(" " * 12 + line for p in paras for line in (p.strip("\n") or "空").split("\n"))
    text = BASE.replace(" " * 12 + P1, body)
    p = tmp_path / "h.yaml"
    p.write_text(text.lstrip("\n"), encoding="utf-8")
    before = load_file(p)
    if before.report is None:
        return                                     # not a valid report: nothing to fix
    res = fix_file(p)
    if res.changed:
        after = load_file(p)
        assert after.report is not None
        same_but_fixed(before.data, after.data, [])
        assert (tmp_path / "h.yaml.bak").read_text(encoding="utf-8") == text.lstrip("\n")
        (tmp_path / "h.yaml.bak").unlink()


def test_escaped_quotes_are_named_as_the_reason_a_fix_is_skipped(tmp_path):
    p = _with_item(tmp_path, '      - "推行\\"三项制度\\"工作,成效明显。"\n')
    r = run_cli("check", "--diff", p)
    assert "未自动修正：这段文字用了转义字符（如 \\\"），无法原地修改" in r.err, r
    assert "分几行写" not in r.err


def test_keys_written_with_a_full_width_colon_are_all_named_and_fixed(tmp_path):
    """Notepad and WPS: "签发人：王明", "年度:2024".  YAML stops at the first such line; check names
    every one, and --fix rewrites them (a "：" inside a text block is the text's own and stays)."""
    src = example("short-complete").read_text(encoding="utf-8")
    assert "\n发文机关: 青山县人民政府\n" in src and "\n年度: 2024\n" in src and "\n印章: 是\n" in src
    assert "报告如下：\n" in src                            # a "：" in the 导语 block
    text = (src.replace("\n发文机关: 青山县人民政府\n", "\n发文机关：青山县人民政府\n")
               .replace("\n年度: 2024\n", "\n年度:2024\n").replace("\n印章: 是\n", "\n印章 ： 是\n"))
    p = tmp_path / "r.yaml"
    original = text.replace("\n", "\r\n").encode("gb18030")
    p.write_bytes(original)
    r = run_cli("check", p)
    assert r.code == 1 and r.text.count("FZ010") == 3, r
    lines = text.split("\n")
    for key in ("发文机关", "年度", "印章"):
        n = next(i for i, ln in enumerate(lines, 1) if ln.startswith(key))
        assert f"r.yaml:{n}:1: 错误 FZ010 “{key}" in r.text, (key, r.text)
    r = run_cli("check", "--fix", p)
    assert r.code == 0 and "FZ010 ×3" in r.text, r
    assert p.read_bytes() == src.replace("\n", "\r\n").encode("gb18030")      # exactly the example again
    assert (tmp_path / "r.yaml.bak").read_bytes() == original

    # the colon left out altogether (QA: "结束语 特此报告。" got a lesson on YAML lists)
    p.write_text(src.replace("\n年度: 2024\n", "\n年度 2024\n").replace("\n印章: 是\n", "\n印章　是\n"), encoding="utf-8")
    r = run_cli("check", p)
    assert r.code == 1 and "“年度”后面少了冒号；键后要用半角冒号加一个空格，如“年度: 2024”" in r.text, r
    assert r.text.count("后面少了冒号") == 2, r
    assert run_cli("check", "--fix", p).code == 0 and p.read_text(encoding="utf-8") == src
    # a paragraph that starts with a key's word is text, not a key (review)
    para = next(ln for ln in src.split("\n") if ln.startswith("      - ") and len(ln) > 20)
    p.write_text(src.replace("\n年度: 2024\n", "\n年度 2024\n").replace(para, "      - 印章 管理全面规范。"),
                 encoding="utf-8")
    r = run_cli("check", p)
    assert r.text.count("后面少了冒号") == 1 and "“年度”后面少了冒号" in r.text, r


def test_every_tab_indent_is_named_and_fix_says_why_it_cannot_go_on(tmp_path):
    """A tab in the indentation stops YAML at the first one: check names each such line at once.
    --fix cannot guess a tab's width, so it changes nothing and says so; --diff exits 1."""
    src = example("short-complete").read_text(encoding="utf-8")
    lines = src.split("\n")
    at = [i for i, ln in enumerate(lines) if ln.startswith("      - ")][:3]
    assert len(at) == 3
    for i in at:
        lines[i] = "\t  " + lines[i][4:]
    p = tmp_path / "r.yaml"
    p.write_text("\n".join(lines), encoding="utf-8")
    before = p.read_bytes()
    r = run_cli("check", p)
    assert r.code == 1 and [ln.split(": 错误")[0] for ln in r.out.splitlines() if "FZ011" in ln] == \
        [f"{p}:{i + 1}:1" for i in at], r
    r = run_cli("check", "--fix", p)
    assert r.code == 1 and "--fix 无法修正其余的问题；请先改正列出的错误" in r.err, r
    assert p.read_bytes() == before and not (tmp_path / "r.yaml.bak").exists()
    r = run_cli("check", "--diff", p)
    assert r.code == 1 and r.err.count("FZ011") == 3, r


def test_edits_of_long_values_are_found_in_linear_time_and_are_exact():
    """difflib is quadratic: a 20 000-character value with scattered fixes took a minute (fuzzing).
    Above DIFF_CELLS the edits come from a linear walk; they must still make exactly the new text."""
    import random

    from drafter.fix import DIFF_CELLS, _apply, _local_edits, _value_edits

    rnd = random.Random(7)
    alpha = "。，,.的法治 　\u200b(（)）\"“”啊"
    for _ in range(2000):
        old = "".join(rnd.choice(alpha) for _ in range(rnd.randint(0, 60)))
        new = list(old)
        for _ in range(rnd.randint(0, 6)):
            if new:
                k, op = rnd.randrange(len(new)), rnd.random()
                if op < 0.4:
                    new[k] = rnd.choice(alpha)
                elif op < 0.7:
                    del new[k]
                else:
                    new.insert(k, rnd.choice(alpha))
        new = "".join(new)
        assert _apply(old, _local_edits(old, new)) == new, (old, new)
    old = ("啊" * 50 + ",") * 400                        # repetitive, 20 400 characters, 400 fixes
    new = old.replace(",", "，")
    assert len(old) ** 2 > DIFF_CELLS
    edits = _value_edits(old, new)
    assert _apply(old, edits) == new and len(edits) == 400 and all(e - s == 1 for s, e, _ in edits)


def test_a_full_width_colon_above_a_comment_is_named_and_fixed(tmp_path):
    """drafter new writes a comment line under 发文机关: YAML then stops at the line after the comment
    with "expected <document start>" (README walk-through, QA)."""
    r = run_cli("new", "a.yaml", "--org", "新乐市人民政府", "--year", "2024", "--header", "函", cwd=tmp_path)
    assert r.code == 0, r
    p = tmp_path / "a.yaml"
    good = p.read_text(encoding="utf-8")
    lines = good.split("\n")
    n = lines.index("发文机关: 新乐市人民政府")
    assert lines[n + 1].startswith("#")
    p.write_text(good.replace("发文机关: 新乐市人民政府", "发文机关：新乐市人民政府"), encoding="utf-8")
    r = run_cli("check", p)
    assert f"a.yaml:{n + 1}:1: 错误 FZ010 “发文机关”后面用了全角冒号" in r.text, r
    run_cli("check", "--fix", p)
    assert p.read_text(encoding="utf-8") == good


# --- issue 19: what a new clerk types, fixed -------------------------------------------------
CLERK = os.path.join(os.path.dirname(__file__), "badinput", "files")


def _clerk(tmp_path, name: str):
    p = tmp_path / f"{name}.yaml"
    shutil.copy(os.path.join(CLERK, f"{name}.yaml"), p)
    return p


def _findings(text: str) -> list[str]:
    """The findings a command printed, without the file name (--diff/--fix name it the same way)."""
    return sorted(ln.split(": ", 1)[1] for ln in text.splitlines() if re.search(r" (错误|警告|提示) FZ\d{3} ", ln))


def test_paragraphs_pasted_at_the_margin_of_a_block_are_indented_by_fix(tmp_path):
    """Word's "　　" at column 0 inside a | block: named as full-width spaces, and --fix puts the
    block's indentation in front of each such line (the "　　" stays: it starts a paragraph)."""
    p = _clerk(tmp_path, "clerk-pasted-at-margin")
    before = p.read_text(encoding="utf-8")
    r = run_cli("check", "--fix", p)
    assert r.code == 0 and "已自动修正 1 条问题中的 2 处（FZ010 ×1）" in r.err, r
    after = p.read_text(encoding="utf-8")
    assert after == before.replace("\n　　", "\n" + " " * 12 + "　　")
    res = check_file(p)
    assert res.diagnostics == [] and res.report is not None
    item = res.report.sections[0].content[2].content[0]
    assert item.startswith("　　全镇排查矛盾纠纷236件") and "\n　　全年办理行政复议案件3件" in item


def test_a_dash_without_its_space_is_named_on_its_line_and_fixed(tmp_path):
    p = _clerk(tmp_path, "clerk-dash-without-space")
    r = run_cli("check", p)
    assert r.code == 1 and f"{p}:26:7: 错误 FZ010 “-”后面少了一个空格" in r.out and "缩进不一致" not in r.out, r
    r = run_cli("check", "--fix", p)
    assert r.code == 0, r
    assert "      - 标题: 规范行政决策，提升依法行政水平。\n" in p.read_text(encoding="utf-8")
    # "- - 标题" / "-标题" at the top of 正文 too ("-部分: 一" was blamed on the next line)
    q = tmp_path / "b.yaml"
    q.write_text(p.read_text(encoding="utf-8").replace("  - 部分: 二", "  -部分: 二"), encoding="utf-8")
    r = run_cli("check", q)
    n = next(i for i, ln in enumerate(q.read_text(encoding="utf-8").split("\n"), 1) if ln.startswith("  -部分: 二"))
    assert r.code == 1 and f"{q}:{n}:3: 错误 FZ010 “-”后面少了一个空格，YAML 把“-部分”读成了一个键" in r.out, r


def test_check_diff_and_fix_name_the_same_problems(tmp_path):
    """A full-width colon after a key and a date that does not exist (issue 19): check showed only the
    colon, --diff and --fix only the date, and the colon stayed.  Now all three name both; --diff shows
    the fixes (colon, half-width comma), --fix makes them and leaves the date to the clerk."""
    p = _clerk(tmp_path, "clerk-colon-and-bad-date")
    original = p.read_bytes()
    check = run_cli("check", p)
    assert check.code == 1
    found = _findings(check.out)
    assert [f.split(" ", 2)[1] for f in found] == ["FZ010", "FZ401", "FZ027"] or \
        sorted(f.split(" ", 2)[1] for f in found) == ["FZ010", "FZ027", "FZ401"], found
    diff = run_cli("check", "--diff", p)
    assert diff.code == 1 and p.read_bytes() == original
    assert "-发文字号：青山政函〔2026〕2号\n+发文字号: 青山政函〔2026〕2号\n" in diff.out, diff
    assert "+  2025年，青山镇坚持" in diff.out
    assert "将修正 2 条问题中的 2 处（FZ010 ×1，FZ401 ×1）" in diff.err
    left = _findings(diff.err)
    assert left == [f for f in found if " FZ027 " in f], diff          # what the diff does not fix: the date
    fix = run_cli("check", "--fix", p)
    assert fix.code == 1 and "已自动修正 2 条问题中的 2 处（FZ010 ×1，FZ401 ×1）" in fix.err, fix
    assert "还有 1 个错误需要手工改正" in fix.err and "无法修正其余的问题" not in fix.err, fix
    assert _findings(fix.out) == left
    text = p.read_text(encoding="utf-8")
    assert "发文字号: 青山政函〔2026〕2号" in text and "2025年，青山镇坚持" in text and "成文日期: 2026年2月30日" in text
    assert (tmp_path / "clerk-colon-and-bad-date.yaml.bak").read_bytes() == original
    # the date put right, the file is clean
    p.write_text(text.replace("2026年2月30日", "2026年2月3日"), encoding="utf-8")
    assert run_cli("check", p).code == 0


def test_fix_fixes_characters_while_a_value_error_stands(tmp_path):
    """A report that does not validate (a bad 印章 value) still gets its punctuation fixed; the bad
    value is reported by check, --diff and --fix alike, and nothing about it is changed."""
    src = example("short-complete").read_text(encoding="utf-8")
    assert "\n印章: 是\n" in src
    p = tmp_path / "r.yaml"
    p.write_text(src.replace("\n印章: 是\n", "\n印章: 盖\n").replace("全年审议重大行政决策事项8件，", "全年审议重大行政决策事项8件,"),
                 encoding="utf-8")
    check = run_cli("check", p)
    assert check.code == 1 and "FZ028" in check.out and "FZ401" in check.out, check
    r = run_cli("check", "--fix", p)
    assert r.code == 1 and "FZ401 ×1" in r.err and "FZ028" in r.out and "FZ401" not in r.out, r
    assert p.read_text(encoding="utf-8") == src.replace("\n印章: 是\n", "\n印章: 盖\n")
    assert "“印章”应填 是 或 否" in run_cli("check", "--diff", p).err


def test_fix_does_not_overwrite_a_file_changed_while_it_was_being_fixed(tmp_path):
    """FZ056: the clerk saved the YAML in the editor while --fix was working on it — the newer text
    wins, nothing is written, and the message says to run --fix again."""
    from drafter.diagnostics import DrafterError
    from drafter.fix import _write_back

    p = tmp_path / "r.yaml"
    original = example("xinle-2024-han").read_bytes()
    saved = original.replace("2024年以来,".encode(), "2024年以来，".encode(), 1)       # the editor saved this
    p.write_bytes(saved)
    with pytest.raises(DrafterError) as e:
        _write_back(p, "r.yaml", original, original.replace(b",", "，".encode()))
    assert e.value.diagnostic.code == "FZ056" and "重新运行 drafter check --fix" in e.value.diagnostic.message
    assert p.read_bytes() == saved                        # the editor's text is kept as saved
