"""YAML file -> validated Report, with every problem as a Chinese Diagnostic at file:line:col."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import model as m
from .diagnostics import ERROR, Diagnostic, DrafterError
from .paths import describe
from .textutil import PLACEHOLDER_RE as _PLACEHOLDER, clip, placeholder_quote, quote_arg
from .yamlsrc import SourceMap, decode, load_yaml, read_text

YEAR_MIN, YEAR_MAX = 1900, 2999  # 年度 outside this is a typo, and would break date arithmetic

# English keys accepted besides the field names (clerk-facing docs list the Chinese ones).
_EXTRA_ALIASES = {
    "body": "sections", "parts": "parts", "part": "parts", "text": "content", "paragraphs": "content",
    "organization": "org", "issuer": "org", "number": "doc_number", "to": "recipients",
    "signatory": "signatories", "signature": "signatories", "attachment": "attachments",
}


@dataclass
class Loaded:
    """A YAML file read and validated: the report model (None when it did not validate), its source map and what went wrong."""

    report: m.Report | None
    source: SourceMap | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    data: object = None
    # A file with errors (report None) is still read as far as it goes, so that check, --diff and --fix
    # name all of its problems at once and --fix can fix the characters it can:
    partial: m.Report | None = None     # the report without the values that did not validate
    salvaged: tuple = ()                # the paths of those values (rules say nothing about them)
    repairs: list = field(default_factory=list)   # lines read as if written right (yamlsrc.Repair);
                                                  # ``source`` is then the text with those lines repaired

    @property
    def ok(self) -> bool:
        return self.report is not None


def load_file(path: str | Path, display: str | None = None) -> Loaded:
    name = display or str(path)
    try:
        text, enc, notices = read_text(path, name)
    except DrafterError as e:
        return Loaded(None, None, e.diagnostics)
    loaded = load_text(text, name, enc, notices, base=Path(path).parent)
    r = loaded.report
    if r is not None and r.layout.templates and not Path(r.layout.templates).expanduser().is_absolute():
        # 格式.模板目录 is written relative to the YAML file, wherever drafter is run from
        r.layout.templates = str(Path(path).parent / Path(r.layout.templates).expanduser())
    return loaded


def load_bytes(data: bytes, name: str) -> Loaded:
    try:
        text, enc, notices = decode(data, name)
    except DrafterError as e:
        return Loaded(None, None, e.diagnostics)
    return load_text(text, name, enc, notices)


TEXT_SUFFIXES = (".txt", ".md", ".text")


def load_text(text: str, name: str, encoding: str = "utf-8", notices: list | None = None,
              base: Path | None = None) -> Loaded:
    """``base``: the folder a table's ``来自`` CSV is relative to (default: that of ``name``)."""
    diags = list(notices or [])
    repairs: list = []
    try:
        data, smap = load_yaml(text, name, encoding)
    except DrafterError as e:
        got = _read_repaired(text, name, encoding)
        if got is not None:                  # slips within lines (yamlsrc.Repair): named, and read past
            data, smap, repairs = got
            diags += [Diagnostic("FZ010", ERROR, r.message, name, r.line + 1, r.col + 1) for r in repairs if r.message]
            return _validate(data, smap, name, diags, repairs, base)
        if Path(name).suffix.lower() in TEXT_SUFFIXES:       # a report's text given to check/render
            d = e.diagnostic
            msg = (f"“{Path(name).name}”不是 drafter 的 YAML 文件（这里不是“键: 值”的写法）；"
                   f"如果这是旧报告的文字，请运行 drafter import {quote_arg(name)} 把它转成 YAML；"
                   f"如果它本来就是 YAML，请把文件名改为以 .yaml 结尾")
            return Loaded(None, None, diags + [Diagnostic("FZ017", ERROR, msg, name, d.line, d.col)])
        return Loaded(None, None, diags + e.diagnostics)
    if not isinstance(data, dict):
        line, col = smap.pos(())
        msg = "文件最外层应是若干“键: 值”（如 发文机关: ……），而不是单独的文字或列表"
        if isinstance(data, str) and len(data) > 40:        # a report's text, not YAML
            txt = str(Path(name).with_suffix(".txt"))
            rename = f"先把文件名改为“{Path(txt).name}”，再" if Path(name).suffix.lower() != ".txt" else ""
            msg = (f"这个文件是一段文字，不是 drafter 的 YAML 文件；如果这是旧报告的正文，请{rename}运行 "
                   f"drafter import {quote_arg(txt)} 把它转成 YAML，再检查转出的文件")
        diags.append(Diagnostic("FZ017", ERROR, msg, name, line, col))
        return Loaded(None, smap, diags)
    return _validate(data, smap, name, diags, repairs, base)


def _read_repaired(text: str, name: str, encoding: str):
    """(data, source map, repairs) of ``text`` read with its repairable lines written right, or None
    when there are none or YAML still cannot read it."""
    from .yamlsrc import apply_repairs, line_repairs

    repairs = line_repairs(text)
    if not repairs:
        return None
    try:
        data, smap = load_yaml(apply_repairs(text, repairs), name, encoding)
    except DrafterError:
        return None
    if not isinstance(data, dict):
        return None
    return data, smap, repairs


def unrepair(diags: list[Diagnostic], repairs: list, name: str | None) -> list[Diagnostic]:
    """Diagnostics about the repaired text, pointed at the file as written (a repaired line is the
    same line; its columns may differ)."""
    if not repairs:
        return diags
    by_line = {r.line + 1: r for r in repairs}
    for d in diags:
        r = by_line.get(d.line) if d.file == name else None
        if r is not None and d.col is not None:
            d.col = r.column_back(d.col)
    return diags


def _validate(data, smap: SourceMap, name: str, diags: list[Diagnostic], repairs: list,
              base: Path | None = None) -> Loaded:
    if not isinstance(data, dict):
        line, col = smap.pos(())
        diags.append(Diagnostic("FZ017", ERROR, "文件最外层应是若干“键: 值”（如 发文机关: ……），而不是单独的文字或列表",
                                name, line, col))
        return Loaded(None, smap, diags)
    norm, unknown = normalize(data, m.Report, (), smap)
    errors = [_unknown_key(u, smap, norm) for u in unknown]
    partial, salvaged = None, ()
    try:
        report = m.Report.model_validate(norm, by_name=True, by_alias=False)
    except ValidationError as e:
        skip = {u[0] for u in unknown} | {u[0][:-1] for u in unknown if u[2] == "colon"}
        errors += translate(e, smap, norm, skip=skip)
        report = None
        partial, salvaged = salvage(norm, e)
    if report is not None:
        partial = report
    if partial is not None and not (YEAR_MIN <= partial.year <= YEAR_MAX):  # dates of year 0 or 10**30 crash
        if report is not None:
            line, col = smap.pos(("year",))
            shown = str(report.year) if len(str(report.year)) <= 12 else str(report.year)[:12] + "…"
            errors.append(Diagnostic("FZ023", ERROR, f"“年度”应为四位数字的年份（如 2024），这里是 {shown}",
                                     name, line, col))
        report = partial = None
    if partial is not None and _has_tables(norm):
        from .tables import resolve

        errors += resolve(partial, smap, base if base is not None else Path(name).parent)
    salvaged += tuple(u[0] for u in unknown)
    if errors or repairs:
        return Loaded(None, smap, diags + unrepair(_dedupe(errors), repairs, name), norm, partial, salvaged, repairs)
    return Loaded(report, smap, diags, norm)


def _has_tables(data) -> bool:
    """Whether the YAML has a 表格 anywhere (cheap: most reports have none)."""
    if isinstance(data, dict):
        return "table" in data or any(_has_tables(v) for v in data.values())
    if isinstance(data, list):
        return any(_has_tables(v) for v in data)
    return False


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen, out = set(), []
    for d in diags:
        k = (d.code, d.line, d.col, d.message)
        if k not in seen:
            seen.add(k)
            out.append(d)
    return out


# ---------------------------------------------------------------------------------------------
def normalize(data, model: type[BaseModel], path: tuple, smap: SourceMap):
    """Map Chinese/English keys to field names; the source map learns each renamed path.

    Returns the new data and (path, key, known keys) for every key that matches no field."""
    unknown: list = []

    def walk(obj, mdl, new_path):
        amap = m.field_alias_map(mdl)
        out = {}
        for k, v in obj.items():
            ks = str(k)
            fname = amap.get(ks) or (_EXTRA_ALIASES[ks] if _EXTRA_ALIASES.get(ks) in amap else None)
            if fname is None:
                known = sorted(a for a in amap if not a.isascii())
                if mdl is m.Subsection and len(obj) == 1 and _looks_like_text(ks, v, known):
                    known = "colon"  # "- 无。另: 本年度……": a paragraph with a half-width colon
                unknown.append((new_path + (ks,), ks, known))
                continue
            if fname in out:  # 标题 and title both given
                unknown.append((new_path + (ks,), ks, "dup"))
                continue
            if fname != k:
                smap.rename(new_path + (fname,), k)
            sub = m.nested_model(mdl, fname)
            if sub is not None and fname != "omitted_parts":
                if isinstance(v, dict):
                    v = walk(v, sub, new_path + (fname,))
                elif isinstance(v, list):
                    v = [walk(x, m.nested_model(mdl, fname, x) or sub, new_path + (fname, i)) if isinstance(x, dict)
                         else x for i, x in enumerate(v)]
            out[fname] = v
        return out

    return walk(data, model, path), unknown


def _looks_like_text(key: str, value, known: list[str]) -> bool:
    """A content item {key: value} that is really one paragraph cut at ": " (not a mistyped 标题)."""
    import difflib

    return (isinstance(value, (str, int, float)) or value is None) and not key.isascii() and \
        not difflib.get_close_matches(key, known, n=1, cutoff=0.4)


def _unknown_key(u, smap: SourceMap, data) -> Diagnostic:
    path, key, known = u
    span = smap.keys.get(smap.raw(path[:-1]) + (key,))  # the key as written (not its other-language twin)
    line, col = (span.line, span.col) if span else smap.pos(path, key=True)
    where = describe(path[:-1], data)
    if known == "dup":
        return Diagnostic("FZ012", ERROR, f"“{key}”与同一层的另一个键指同一项（中文名和英文名只能写一个），请删除一处",
                          smap.file, line, col, where)
    if known == "colon":
        return Diagnostic("FZ030", ERROR, f"这一段在“{key[-10:]}”后面有半角冒号加空格“: ”，被当成了“键: 值”；"
                                          "请把冒号改成全角“：”，或给整段文字加引号", smap.file, line, col, where)
    if isinstance(key, str) and key.startswith("\u3000"):
        from .yamlsrc import FULLWIDTH_INDENT

        return Diagnostic("FZ010", ERROR, FULLWIDTH_INDENT, smap.file, line, 1, where)
    import difflib  # only for a mistyped key

    near = difflib.get_close_matches(key, known, n=1, cutoff=0.4)
    hint = f"，是不是“{near[0]}”？" if near else "。"
    allowed = "、".join(known[:12]) + ("等（完整的写法见 drafter new 生成的模板）" if len(known) > 12 else "")
    return Diagnostic("FZ021", ERROR, f"无法识别的项“{key}”{hint}此处可以写：{allowed}", smap.file, line, col, where)


# ---------------------------------------------------------------------------------------------
SALVAGE_ROUNDS = 6
_REQUIRED = {name for name, f in m.Report.model_fields.items() if f.is_required()}


def salvage(norm: dict, error: ValidationError) -> tuple[m.Report | None, tuple]:
    """The report without the values that did not validate (each left out, or an item of a list made
    empty so that the items after it keep their places), and the paths left out; (None, ()) when a
    required value (发文机关, 年度, 正文) is what failed.  check runs the content rules on it, so a
    file with a bad date still hears about its half-width commas, and --fix can fix them."""
    import copy

    data = copy.deepcopy(norm)
    paths: list[tuple] = []
    for _ in range(SALVAGE_ROUNDS):
        for err in error.errors(include_url=False):
            path = _drop(data, _clean_loc(err["loc"]), err["type"] == "missing")
            if path is None:
                return None, ()
            paths.append(path)
        try:
            return m.Report.model_validate(data, by_name=True, by_alias=False), tuple(paths)
        except ValidationError as e:
            error = e
        except Exception:  # noqa: BLE001 - salvaging is a courtesy; a failure only means no partial report
            return None, ()
    return None, ()


def _drop(data, loc: tuple, missing: bool) -> tuple | None:
    """Leave out the value at ``loc`` (for a missing key: the block that lacks it); the path left out,
    or None when that is not possible."""
    loc = tuple(loc[:-1]) if missing else tuple(loc)
    while loc:
        parent = data
        for k in loc[:-1]:
            try:
                parent = parent[k]
            except (KeyError, IndexError, TypeError):
                parent = None
                break
        key = loc[-1]
        if isinstance(parent, dict) and key in parent and not (len(loc) == 1 and key in _REQUIRED):
            del parent[key]
            return loc
        if isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
            parent[key] = {} if loc[-2:-1] == ("sections",) else ""
            return loc
        loc = loc[:-1]
        if len(loc) == 1 and loc[0] in _REQUIRED:
            return None
    return None


def _text_hint(value) -> str:
    """How to write what was meant as text."""
    if isinstance(value, bool):
        return "；“是/否/yes/no”等单独写时被当作是非值，如是文字请加引号，如 “是”写成 '是'"
    if isinstance(value, (int, float)) or type(value).__name__ == "date":
        return f"；如是文字请加引号，如 '{value}'"
    if value is None:
        return "；请在冒号后写上内容，不需要这一项时删除这一行"
    if isinstance(value, list):
        return "；这里只能写一项文字，不能写成“- ”开头的列表"
    if isinstance(value, dict):
        return "；冒号后直接写文字，不要另起一行缩进写“键: 值”（文字中的冒号请用全角“：”）"
    return ""


def _found(value) -> str:
    import datetime as dt

    if isinstance(value, bool):
        return "是/否"
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        return f"“{'.nan' if value != value else ('-' if value < 0 else '') + '.inf'}”（不是数字）"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, dt.date):
        return f"日期 {value.isoformat()}"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "若干“键: 值”"
    if value is None:
        return "空值"
    return f"“{clip(str(value))}”"


# the tags of the model's tagged unions (a 内容 item: 段落/小标题/表格; an 附件 entry: 名称/附件): pydantic
# puts them into an error's location, where they name no field and no YAML key
_UNION_TAGS = ("段落", "小标题", "表格", "名称", "附件", "function-after[_strip(), str]")


def _clean_loc(loc: tuple) -> tuple:
    return tuple(x for x in loc if x not in _UNION_TAGS)


def _field_label(loc: tuple) -> str:
    mdl = m.Report
    label = ""
    for part in loc:
        if isinstance(part, int):
            continue
        f = mdl.model_fields.get(part) if mdl else None
        if f is None:
            return f"“{part}”"
        label = f.alias or part
        mdl = m.nested_model(mdl, part)
    return f"“{label}”" if label else "此项"


def translate(e: ValidationError, smap: SourceMap, data, skip=frozenset()) -> list[Diagnostic]:
    out = []
    for err in e.errors(include_url=False):
        loc = _clean_loc(err["loc"])
        if any(loc[: len(s)] == s for s in skip):
            continue
        typ = err["type"]
        label = _field_label(loc)
        value = err.get("input")
        where = describe(loc, data) if loc and loc[0] == "sections" else None
        if isinstance(value, str) and _PLACEHOLDER.search(value):
            line, col = smap.pos(loc)
            out.append(Diagnostic("FZ110", ERROR, f"{label}还是模板的占位文字“{placeholder_quote(value)}”，请填写实际内容",
                                  smap.file, line, col, where))
            continue
        code, msg = "FZ029", None
        if typ == "missing":
            code = "FZ020"
            parent = describe(loc[:-1], data) or "文件最外层"
            msg = f"缺少必填项{label}，请在{parent}中添加“{label.strip('“”')}: ……”"
            line, col = smap.pos(loc[:-1])
            out.append(Diagnostic(code, ERROR, msg, smap.file, line, col, where))
            continue
        if typ == "extra_forbidden":
            continue  # reported by normalize with a did-you-mean
        if typ in ("string_type", "string_unicode") and len(loc) >= 4 and loc[-3] in ("rows", "header") \
                and loc[-4] == "table" and isinstance(loc[-1], int):
            # a table cell written as a list or "键: 值" (a comma or colon in a flow list)
            code, msg = "FZ022", (f"表格的每一格应为文字或数字，这里是{_found(value)}；一格中有逗号或冒号时，"
                                  "请用全角“，”“：”或给这一格加引号")
        elif typ in ("string_type", "string_unicode") and isinstance(value, list) and loc and isinstance(loc[-1], int):
            # an item of a list written as a list again ("- - 中共××委员会")
            code, msg = "FZ022", f"{label}的每一项应为一行文字，这里又写成了列表；请每项只写一个名称，写成“- 名称”"
        elif typ in ("string_type", "string_unicode"):
            code, msg = "FZ022", f"{label}应为文字，这里是{_found(value)}" + _text_hint(value)
        elif typ in ("int_type", "int_parsing", "int_from_float", "finite_number"):
            code, msg = "FZ023", f"{label}应只写数字（如年度写 2024），这里是{_found(value)}"
        elif typ == "dash_space" or typ == "list_type" and isinstance(value, str) and m.DASH_NO_SPACE.match(value):
            first = re.split(r"\n|\s*- ", value.strip()[1:])[0].strip()[:20]
            code, msg = "FZ024", f"{label}每一项的“-”后面要空一格（写成“- {first}”），否则几项会连成一段文字"
        elif typ == "list_type":
            code, msg = "FZ024", f"{label}应为列表（每项单独一行，以“- ”开头），这里是{_found(value)}"
        elif typ in ("model_type", "dict_type", "model_attributes_type"):
            code, msg = "FZ025", f"{label}应为若干“键: 值”，这里是{_found(value)}"
        elif typ == "literal_error":
            exp = err.get("ctx", {}).get("expected", "")
            code, msg = "FZ026", f"{label}只能是 {exp.replace(' or ', '、').replace(', ', '、').replace(chr(39), '')}，这里是{_found(value)}"
        elif typ in ("date_invalid", "date_format", "date_type", "date_parsing", "date_from_datetime_inexact"):
            code, msg = "FZ027", f"{label}：{err['msg']}"
        elif typ in ("yes_no", "bool_type", "bool_parsing"):
            code, msg = "FZ028", f"{label}应填 是 或 否，这里是{_found(value)}"
        elif typ in ("item_kind", "union_tag_not_found", "union_tag_invalid"):
            if len(loc) == 2 and loc[0] == "attachments":
                what = "每个附件应写一个名称，或写成带“标题”和“内容”的附件"
            else:
                what = "这一项应为一段文字、带“标题”的小标题，或“表格”"
            code, msg = "FZ030", f"{what}，这里是{_found(value)}"
        else:
            msg = f"{label}的值不正确：{err['msg']}"
        line, col = smap.pos(loc)
        out.append(Diagnostic(code, ERROR, msg, smap.file, line, col, where))
    return out
