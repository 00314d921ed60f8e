"""Property-based tests (hypothesis): any bytes or text into the loader gives either a Report or
Chinese diagnostics with an FZ code — never an exception; any bytes into drafter.safezip gives parts or
an FZ08x/FZ0xx refusal; any text (or saved web page) into ``drafter import`` gives YAML that loads, or a refusal.

A small, derandomized sample runs in CI (the same inputs every run); the long run (100 000+ inputs) is
``python tests/fuzz.py --n 100000`` — see README “安全与可靠性”.  The contract itself lives in
tests/fuzz.py (``check_loaded``, ``check_docx``, ``check_import``) and is shared by both.
"""
from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import fuzz

CI = settings(max_examples=300, derandomize=True, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SMALL = settings(CI, max_examples=60)

any_text = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()), max_size=400)
yamlish = st.lists(st.one_of(st.sampled_from(fuzz.TOKENS), st.sampled_from(fuzz.SCALARS),
                             st.sampled_from(fuzz.KEYS).map(lambda k: k + ": "),
                             st.sampled_from(["\n", "\n  ", "\n    - ", "\n- "])), max_size=60).map("".join)


@CI
@given(st.binary(max_size=600))
def test_any_bytes(data):
    fuzz.check_loaded("bytes", data)


@CI
@given(any_text)
def test_any_text(text):
    fuzz.check_loaded("text", text)


@CI
@given(yamlish)
def test_yaml_shaped_text(text):
    fuzz.check_loaded("text", text)


@CI
@given(yamlish, st.sampled_from(fuzz.ENCODINGS))
def test_yaml_shaped_bytes_in_any_encoding(text, enc):
    fuzz.check_loaded("bytes", text.encode(enc, errors="replace"))


@CI
@given(st.randoms(use_true_random=False))
def test_edited_reports(rnd):
    """A valid report with clerk-like edits: deleted/duplicated/re-indented lines, renamed keys,
    odd values, tabs, truncation — loaded and, when valid, checked by every rule."""
    fuzz.check_loaded("text", fuzz.gen_mutant(rnd))


@SMALL
@given(st.randoms(use_true_random=False))
def test_edited_reports_render(rnd):
    """Whatever loads as a report also renders, and the .docx passes drafter.safezip."""
    fuzz.check_loaded("text", fuzz.mutate(rnd, rnd.choice(fuzz.examples()), rounds=1), render=True)


@CI
@given(st.binary(max_size=600))
def test_safezip_any_bytes(data):
    from drafter.diagnostics import DrafterError
    from drafter.safezip import read_package_bytes

    try:
        read_package_bytes(data, "x.docx")
    except DrafterError as e:
        fuzz.check_diagnostics(e.diagnostics, None)
        assert e.diagnostic.code.startswith("FZ08")


@CI
@given(st.dictionaries(st.sampled_from(["[Content_Types].xml", "word/document.xml", "_rels/.rels",
                                        "word/_rels/document.xml.rels", "word/styles.xml", "x.bin"]),
                       st.binary(max_size=200), max_size=6))
def test_safezip_any_zip(members):
    from drafter.diagnostics import DrafterError
    from drafter.safezip import read_package_bytes

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for k, v in members.items():
            z.writestr(k, v)
    try:
        parts = read_package_bytes(buf.getvalue(), "x.docx")
    except DrafterError as e:
        fuzz.check_diagnostics(e.diagnostics, None)
        return
    assert set(parts) == set(members)


@SMALL
@given(rnd=st.randoms(use_true_random=False))
def test_damaged_docx(tmp_path_factory, rnd):
    fuzz.check_docx(fuzz.gen_docx(rnd), tmp_path_factory.mktemp("docx") / "x.docx")


@SMALL
@given(rnd=st.randoms(use_true_random=False))
def test_import_any_text(tmp_path_factory, rnd):
    fuzz.check_import(fuzz.gen_import_text(rnd), tmp_path_factory.mktemp("import"))


@SMALL
@given(rnd=st.randoms(use_true_random=False))
def test_import_any_saved_page(tmp_path_factory, rnd):
    """Issue 21: a saved web page cut off, re-tagged, with stray bytes or a false charset."""
    fuzz.check_import_page(fuzz.gen_import_page(rnd), tmp_path_factory.mktemp("page"))
