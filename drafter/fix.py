"""``drafter check --fix``: write the safe fixes back into the clerk's YAML, character by character.

No YAML round-trip library is involved: each fix replaces characters inside one scalar's span of
the source text (SourceMap.values), so comments, key order, quoting and block style stay exactly as
the clerk wrote them.  After editing, the new text is loaded again and must give the old data with
only the fixed values changed; a scalar for which that fails is left alone and reported.  Fixes run
in passes (at most MAX_PASSES), like ruff's: a mark made full-width can put its neighbour in
Chinese context.

Only findings of rules marked ``fixable`` carry a fix that is applied (FZ401 punctuation width,
FZ402 quote pairs, FZ405 spaces between Chinese characters, FZ501 〔〕, spaces and full-width digits in 发文字号).
Besides, the lines the loader read as if written right (yamlsrc.Repair, FZ010: a key's full-width
colon, "-标题" without its space, Word paragraphs pasted at the margin of a "|" block) are written
right, and the character fixes are made on that text; a value that does not validate (a date that
does not exist) stays as it is and is reported, and the rest is fixed all the same (the loader's
partial report).

Encoding: the file is written back in the encoding it was read in (UTF-8, UTF-8 with BOM, UTF-16
with its BOM, GB18030) and with its own line endings, so that only the fixed characters change; the
FZ005/FZ006 notice keeps suggesting UTF-8.  The original bytes are kept next to the file as
``<name>.bak`` (overwritten by the next --fix); both files are written atomically.
"""
from __future__ import annotations

import codecs
import copy
import difflib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .check import CheckResult, find_config
from .check import check_loaded as _check_loaded
from .diagnostics import Diagnostic, DrafterError
from .loader import Loaded, load_bytes, load_text
from .paths import value_at
from .yamlsrc import SourceMap, Span, is_unfolded, unfold

# characters that a replacement may not contain in a given scalar style
_UNSAFE = {None: set("\n#:,[]{}\"'&*!|>%@`"), "|": {"\n"}, "'": {"\n", "'"}, '"': {"\n", '"', "\\"}}


@dataclass
class FixResult:
    file: str
    original: bytes
    fixed: bytes | None = None                  # None: nothing to change
    old_text: str = ""                          # decoded, with the file's own line endings
    new_text: str = ""
    applied: list[Diagnostic] = field(default_factory=list)
    skipped: list[tuple[Diagnostic, str]] = field(default_factory=list)
    edits: int = 0                              # characters runs replaced
    check: CheckResult | None = None            # the check of the fixed text (or of the original)
    backup: Path | None = None

    @property
    def changed(self) -> bool:
        return self.fixed is not None

    def diff(self) -> str:
        if not self.changed:
            return ""
        a = self.old_text.replace("\r\n", "\n").splitlines(keepends=True)
        b = self.new_text.replace("\r\n", "\n").splitlines(keepends=True)
        return "".join(difflib.unified_diff(a, b, f"{self.file}", f"{self.file}（修正后）"))

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for d in self.applied:
            out[d.code] = out.get(d.code, 0) + 1
        return out


# ---------------------------------------------------------------------------------------------
def char_map(text: str, span: Span, value: str) -> list[tuple[int, int]] | None:
    """The source range (start, end) of each character of the scalar ``value`` whose node spans
    ``span`` in ``text`` (two source characters for a quote written '' in a single-quoted scalar);
    None when the style cannot be mapped exactly (multi-line quoted, escapes)."""
    raw = text[span.start:span.end]
    if is_unfolded(span, raw):                  # plain or ">" over several lines (yamlsrc.unfold)
        unfolded, where = unfold(raw, span.style, span.start)
        return where if unfolded == value.rstrip("\n") else None
    if not span.style:                          # plain ("" from libyaml, None from PyYAML), one line
        return [(k, k + 1) for k in range(span.start, span.start + len(value))] if raw == value else None
    if span.style in ("'", '"'):
        inner = raw[1:-1]
        if "\n" in inner or raw[:1] != span.style or raw[-1:] != span.style:
            return None
        if span.style == '"':
            if "\\" in inner or inner != value:
                return None
            return [(k, k + 1) for k in range(span.start + 1, span.start + 1 + len(inner))]
        out, built, k = [], [], 0
        while k < len(inner):
            w = 2 if inner[k] == "'" and inner[k + 1:k + 2] == "'" else 1
            out.append((span.start + 1 + k, span.start + 1 + k + w))
            built.append(inner[k])
            k += w
        return out if "".join(built) == value else None
    if span.style == "|":
        nl = raw.find("\n")
        header = raw[:nl] if nl >= 0 else raw
        if nl < 0 or any(c.isdigit() for c in header.split("#")[0]):
            return None
        pos = span.start + nl + 1
        lines = text[pos:span.end].split("\n")
        indent = next((len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()), 0)
        out, built = [], []
        for ln in lines:
            content = ln[indent:] if len(ln) >= indent else ""
            for k, ch in enumerate(content):
                out.append((pos + indent + k, pos + indent + k + 1))
                built.append(ch)
            out.append((pos + len(ln), pos + len(ln) + 1))          # the line break
            built.append("\n")
            pos += len(ln) + 1
        core = value.rstrip("\n")
        if "".join(built)[:len(core)] != core:
            return None
        return out[:len(core)]
    return None


DIFF_CELLS = 4_000_000      # difflib's cost grows with the product of the two lengths: above it, _local_edits


def _value_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) in ``old`` that make ``new``, as small as can be found."""
    a = 0                               # the fixes are local: the common head and tail are never edited
    while a < len(old) and a < len(new) and old[a] == new[a]:
        a += 1
    b = 0
    while b < len(old) - a and b < len(new) - a and old[-1 - b] == new[-1 - b]:
        b += 1
    o, n = old[a:len(old) - b], new[a:len(new) - b]
    if len(o) * len(n) > DIFF_CELLS:    # a long value with fixes far apart (quadratic in difflib)
        return [(a + s, a + e, r) for s, e, r in _local_edits(o, n)]
    sm = difflib.SequenceMatcher(None, o, n, autojunk=False)
    return [(a + i1, a + i2, n[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def _local_edits(old: str, new: str, reach: int = 8, agree: int = 3) -> list[tuple[int, int, str]]:
    """Edits in linear time for texts that differ by small, scattered changes (a mark replaced, a
    space deleted): walk both, and where they differ find the nearest point (at most ``reach``
    characters on) where they agree again for ``agree`` characters.  Correct whatever the texts:
    only equal characters are skipped, and what cannot be matched is one edit."""
    out, i, j = [], 0, 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            i, j = i + 1, j + 1
            continue
        found = None
        for total in range(1, 2 * reach + 1):
            for di in range(max(0, total - reach), min(total, reach) + 1):
                dj = total - di
                k = min(agree, len(old) - i - di, len(new) - j - dj)
                if k > 0 and old[i + di:i + di + k] == new[j + dj:j + dj + k] or \
                        i + di == len(old) and j + dj == len(new):
                    found = (di, dj)
                    break
            if found:
                break
        if found is None:
            break
        out.append((i, i + found[0], new[j:j + found[1]]))
        i, j = i + found[0], j + found[1]
    if i < len(old) or j < len(new):
        out.append((i, len(old), new[j:]))
    return out


def _set(data, path, value):
    for k in path[:-1]:
        data = data[k]
    data[path[-1]] = value


def _apply(text: str, edits) -> str:
    for s, e, r in sorted(edits, reverse=True):
        text = text[:s] + r + text[e:]
    return text


@dataclass
class _Planned:
    path: tuple
    start: int                       # first source index touched (for ordering)
    edits: list                      # (start, end, replacement) in source text
    value: str                       # the new raw value
    diags: list[Diagnostic]
    count: int


def _plan(loaded: Loaded, diags: list[Diagnostic], skipped: list) -> list[_Planned]:
    from .rules import load_all

    rules = load_all()
    src: SourceMap = loaded.source
    by_path: dict[tuple, list[Diagnostic]] = {}
    for d in diags:
        if d.fix is not None and getattr(rules.get(d.code), "fixable", False):
            by_path.setdefault(tuple(d.fix.path), []).append(d)
    plans = []
    for path, ds in by_path.items():
        raw_value = value_at(loaded.data, path)
        span = src.text_span(path)
        if raw_value is None and path and path[-1] == 0 and isinstance(value_at(loaded.data, path[:-1]), str):
            path = path[:-1]                     # "内容: 无": a one-item list written as its item
            raw_value = value_at(loaded.data, path)
        if not isinstance(raw_value, str) or span is None:
            skipped += [(d, "找不到这段文字在文件中的位置，请手工修改") for d in ds]
            continue
        value_edits, owners = [], []
        for d in ds:
            old, new = d.fix.old, d.fix.new
            if raw_value == old:
                shift = 0
            elif raw_value.strip() == old:
                shift = len(raw_value) - len(raw_value.lstrip())
            else:
                skipped.append((d, "文字与检查时不一致，请重新运行"))
                continue
            mine = [(s + shift, e + shift, r) for s, e, r in _value_edits(old, new)]
            taken = [(s, e) for s, e, _ in value_edits]
            if any(s < te and ts < e or s == e == ts for s, e, _ in mine for ts, te in taken):
                skipped.append((d, "与同一段的另一处修正重叠；请再运行一次 --fix"))
                continue
            value_edits += mine
            owners.append(d)
        if not value_edits:
            continue
        cmap = char_map(src.text, span, raw_value)
        if cmap is None:
            piece = src.text[span.start:span.end]
            if span.style == '"' and "\\" in piece:
                why = "这段文字用了转义字符（如 \\\"），无法原地修改；请把其中的直引号改为中文引号“”，或手工修改"
            elif span.style in ("'", '"') and "\n" in piece:
                why = ("这段加了引号的文字分几行写，无法原地修改；请去掉引号，或在“- ”后加“|”改为块文字，"
                       "或手工修改")
            else:
                why = "这段文字的写法无法原地修改，请手工修改"
            skipped += [(d, why) for d in owners]
            continue
        unsafe = _UNSAFE.get(span.style or None, _UNSAFE[None])
        src_edits, ok = [], True
        for s, e, r in value_edits:
            if any(c in unsafe for c in r) or s > len(cmap) or e > len(cmap):
                ok = False
                break
            if s == e:
                a = cmap[s][0] if s < len(cmap) else cmap[-1][1]
                src_edits.append((a, a, r))
                continue
            rng = cmap[s:e]
            if any(rng[k][1] != rng[k + 1][0] for k in range(len(rng) - 1)):
                ok = False
                break
            src_edits.append((rng[0][0], rng[-1][1], r))
        if not ok:
            skipped += [(d, "修改位置无法与文件中的字符一一对应，请手工修改") for d in owners]
            continue
        plans.append(_Planned(path, min(a for a, _, _ in src_edits), src_edits,
                              _apply(raw_value, value_edits), owners, len(src_edits)))
    return plans


MAX_PASSES = 10


def _one_pass(loaded: Loaded, diags, name: str, enc: str, skipped: list):
    """Plan the fixes of ``diags``, apply them to the text, verify; on a mismatch find the scalar(s)
    at fault one at a time.  Returns (accepted plans, the loaded new text)."""
    plans = _plan(loaded, diags, skipped)
    if not plans:
        return [], None
    text0 = loaded.source.text

    def expected_for(accepted):
        data = copy.deepcopy(loaded.data)
        for pl in accepted:
            _set(data, pl.path, pl.value)
        return data

    new_loaded = _verify(_apply(text0, [e for pl in plans for e in pl.edits]), name, enc, expected_for(plans))
    if new_loaded is not None:
        return plans, new_loaded
    accepted, text = [], text0
    for pl in sorted(plans, key=lambda x: x.start, reverse=True):
        cand = _apply(text, pl.edits)
        got = _verify(cand, name, enc, expected_for(accepted + [pl]))
        if got is None:
            skipped += [(d, "修改后重新读取的结果与预期不符，已放弃这处修改；请手工修改") for d in pl.diags]
            continue
        accepted.append(pl)
        text, new_loaded = cand, got
    return accepted, new_loaded


def _verify(new_text: str, name: str, enc: str, expected) -> Loaded | None:
    """The new text loaded, when it gives exactly the ``expected`` data (a file with another error
    still standing, such as a date that does not exist, gives the same data with only the fixed
    values changed: the same error)."""
    new = load_text(new_text, name, enc)
    if new.source is None or new.repairs or new.data != expected:
        return None
    return new


def _selected(code: str, select, ignore) -> bool:
    from .rules import Settings, selected

    return selected(code, Settings(list(select or ()), list(ignore or ())))


# ---------------------------------------------------------------------------------------------
def _decode_raw(data: bytes, enc: str) -> str:
    if enc == "utf-16":
        return data.decode("utf-16")
    return data.decode(enc)


def _encode(text: str, enc: str, original: bytes) -> bytes:
    if enc == "utf-16":
        bom = original[:2]
        return bom + text.encode("utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be")
    return text.encode(enc)


def _norm_positions(raw_text: str) -> list[int]:
    """Index in ``raw_text`` of each character of its line-ending-normalised form (plus the end)."""
    out, i, n = [], 0, len(raw_text)
    while i < n:
        out.append(i)
        i += 2 if raw_text[i] == "\r" and raw_text[i + 1:i + 2] == "\n" else 1
    out.append(n)
    return out


def fix_file(path: str | Path, select=(), ignore=(), *, write: bool = True, display: str | None = None,
             previous: str | Path | None = None) -> FixResult:
    """Check ``path``, apply the safe fixes, verify, and (when ``write``) write the file back with a
    ``.bak`` copy.  Raises DrafterError only for write failures and for a ``previous`` report (last
    year's, to compare with: check.check_file) that cannot be read; check problems are in the result."""
    from .yamlsrc import MAX_BYTES

    p = Path(path)
    name = display or str(path)
    original = b""
    try:
        if p.is_file() and p.stat().st_size <= MAX_BYTES:
            original = p.read_bytes()
    except OSError:
        original = b""
    if original:
        loaded = load_bytes(original, name)
    else:                                         # the loader's own message (missing, folder, empty, huge)
        from .loader import load_file

        loaded = load_file(p, name)
    res = FixResult(name, original)
    try:
        _, config = find_config(p)
    except DrafterError as e:
        res.check = CheckResult(loaded, loaded.diagnostics + e.diagnostics)
        return res
    from .check import find_previous

    prev, problem = find_previous(loaded.report or loaded.partial, p, previous)

    def check_loaded(x, select, ignore, config):          # every check of this file compares with last year's
        return _check_loaded(x, select, ignore, config, previous=prev, previous_problem=problem)

    res.check = check_loaded(loaded, select, ignore, config)
    src = loaded.source
    if src is None or not original:
        return res
    repairs = loaded.repairs
    if repairs and not _selected("FZ010", select, ignore):
        return res                   # the text's values sit in the repaired lines: nothing to do without them
    if loaded.report is None and loaded.partial is None and not repairs:
        return res
    from .yamlsrc import apply_repairs

    enc = src.encoding
    res.old_text = _decode_raw(original, enc)
    raw_text = apply_repairs(res.old_text, repairs) if repairs else res.old_text
    if raw_text.replace("\r\n", "\n").replace("\r", "\n") != src.text:
        return res                                # a file with lone CR line ends, repaired: left alone
    # Like ruff, fix in passes: a mark made full-width can put its neighbour in Chinese context.
    cur, cur_raw, check = loaded, raw_text, res.check
    applied: dict[tuple, Diagnostic] = {}
    for r in repairs:
        if r.message is None:                     # a line of a run named by its first line
            continue
        d = next((x for x in res.check.diagnostics if x.code == "FZ010" and x.line == r.line + 1), None)
        applied[("FZ010", ("line", r.line))] = d or Diagnostic("FZ010", "error", r.message or "", name, r.line + 1)
    res.edits = len(repairs)
    for _ in range(MAX_PASSES if (loaded.report or loaded.partial) is not None else 0):
        skipped: list = []
        accepted, new_loaded = _one_pass(cur, check.diagnostics, name, enc, skipped)
        res.skipped = skipped
        if not accepted:
            break
        pos = _norm_positions(cur_raw)            # the same edits on the text with its own line endings
        cur_raw = _apply(cur_raw, [(pos[s], pos[e], r) for pl in accepted for s, e, r in pl.edits])
        for pl in accepted:
            for d in pl.diags:
                applied.setdefault((d.code, pl.path), d)
        res.edits += sum(pl.count for pl in accepted)
        cur = new_loaded
        check = check_loaded(cur, select, ignore, config)
    if cur is loaded and not repairs:
        return res
    if cur is loaded:                             # only repaired lines: the file as it will read
        check = check_loaded(load_text(raw_text.replace("\r\n", "\n").replace("\r", "\n"), name, enc),
                             select, ignore, config)
    res.new_text = cur_raw
    res.fixed = _encode(cur_raw, enc, original)
    res.applied = list(applied.values())
    res.check = check
    if write:
        _write_back(p, name, original, res.fixed)
        res.backup = p.with_name(p.name + ".bak")
    return res


def _write_back(p: Path, name: str, original: bytes, fixed: bytes) -> None:
    from .atomic import write_atomic

    target = Path(os.path.realpath(p))            # a symlink keeps pointing at the fixed file
    try:
        if target.read_bytes() != original:
            raise DrafterError("FZ056", f"“{name}”在修正期间被改动过，未写入；请重新运行 drafter check --fix", file=name)
        mode = target.stat().st_mode & 0o7777
    except OSError as e:
        raise DrafterError("FZ052", f"无法读取“{name}”（{e.strerror or e}）；原文件未改动", file=name)
    bak = target.with_name(p.name + ".bak")
    write_atomic(bak, lambda f: f.write(original))
    write_atomic(target, lambda f: f.write(fixed))
    for q in (bak, target):
        try:
            os.chmod(q, mode)
        except OSError:
            pass
