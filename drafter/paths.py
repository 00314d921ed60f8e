"""Name a place in the report the way a clerk reads it: "第一部分 › 第（二）项 › 第1段"."""
from __future__ import annotations

from .textutil import level_marker, paragraph_spans


def _get(obj, key):
    try:
        if isinstance(obj, dict):
            return obj.get(key)
        if isinstance(obj, list) and isinstance(key, int) and 0 <= key < len(obj):
            return obj[key]
        if hasattr(obj, "__getattr__") or hasattr(obj, key if isinstance(key, str) else "_"):
            return getattr(obj, key) if isinstance(key, str) else obj[key]
    except Exception:  # noqa: BLE001 - describing a place must never fail
        return None
    return None


def value_at(obj, path: tuple):
    """The value at ``path`` (field names and list indices, as diagnostics give them) in a Report or in
    its YAML data, or None where there is none."""
    for key in path:
        obj = _get(obj, key)
        if obj is None:
            return None
    return obj


def _is_headed(section) -> bool:
    nh = _get(section, "no_heading")
    return not (nh is True or (isinstance(nh, str) and nh.strip() in ("是", "yes", "true")))


def _is_sub(item) -> bool:
    if _is_table(item):
        return False
    return isinstance(item, dict) or (not isinstance(item, str) and hasattr(item, "heading"))


def _is_table(item) -> bool:
    return (isinstance(item, dict) and ("table" in item or "表格" in item)) or hasattr(item, "table")


_PART_KEYS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def _parts(section) -> tuple:
    v = _get(section, "parts")
    if isinstance(v, (list, tuple)):
        return tuple(str(x).strip() for x in v)
    return (str(v).strip(),) if v not in (None, "") else ()


def section_label(sections, i: int) -> str:
    """"第四部分" for the one section that serves part 四 alone; otherwise (a part spread over several
    sections, several parts in one, extra sections) "正文第N节", N counting the sections of 正文.
    The printed number ("五、") would mislead there: it need not be the part's."""
    if not isinstance(sections, list) or not (0 <= i < len(sections)):
        return f"正文第{i + 1}节"
    if not _is_headed(sections[i]):
        return f"正文第{i + 1}节（无标题）"
    parts = _parts(sections[i])
    if len(parts) == 1 and parts[0] in _PART_KEYS and sum(_parts(s) == parts for s in sections) == 1:
        return f"第{parts[0]}部分"
    return f"正文第{i + 1}节"


def _printed(item) -> int:
    """How many paragraphs a text item prints (a | block may hold several: textutil.paragraph_spans)."""
    if not isinstance(item, str):
        return 1
    return max(1, len(paragraph_spans(item))) if "\n" in item.strip() else 1


def item_label(items, j: int, level: int, offset: int | None = None) -> str:
    """"第（二）项" for a subsection, "第3段" for a paragraph: the paragraphs counted as printed, so the
    second of two paragraphs pasted into one item is "第2段" (``offset``: where in the item's text)."""
    if not isinstance(items, list) or not (0 <= j < len(items)):
        return f"第{j + 1}项"
    if _is_sub(items[j]):
        n = sum(1 for x in items[: j + 1] if _is_sub(x))
        return f"第{level_marker(min(level, 4), n).rstrip('.、')}项" if level >= 1 else f"第{n}项"
    if _is_table(items[j]):
        return f"第{sum(1 for x in items[: j + 1] if _is_table(x))}个表格"
    n = sum(_printed(x) for x in items[:j] if not _is_sub(x) and not _is_table(x)) + 1
    item = items[j]
    if offset is not None and isinstance(item, str) and "\n" in item.strip():
        n += sum(1 for start, _ in paragraph_spans(item)[1:] if start <= offset)
    return f"第{n}段"


_TOP = None


def _top_labels():
    global _TOP
    if _TOP is None:
        from .model import Report

        _TOP = {}

        def add(mdl, prefix):
            from .model import nested_model

            for name, f in mdl.model_fields.items():
                _TOP[prefix + (name,)] = f.alias or name
                sub = nested_model(mdl, name)
                if sub is not None and name not in ("sections", "attachments", "issued"):
                    add(sub, prefix + (name,))

        add(Report, ())
    return _TOP


def describe(path: tuple, data, offset: int | None = None) -> str:
    """A Chinese description of ``path`` (field names / indices) in ``data`` (dict or Report);
    ``offset``: a character offset in the text at ``path`` (names the printed paragraph it is in)."""
    path = tuple(path)
    if not path:
        return ""
    if path[0] == "attachments" and len(path) > 2 and isinstance(path[1], int):
        # an 附件 with content: its 标题, and its 内容 walked like a section's (headings from “一、”)
        out = [_top_labels()[("attachments",)], f"第{path[1] + 1}项"]
        return " › ".join(out + _walk(_get(_get(data, "attachments"), path[1]), path[2:], 1, offset))
    if path[0] == "issued" and len(path) > 1:
        # the document issued with the text: its 标题, and its 内容 walked as an 附件's
        return " › ".join([_top_labels()[("issued",)]] + _walk(_get(data, "issued"), path[1:], 1, offset))
    if path[0] != "sections":
        labels = _top_labels()
        out = []
        for n in range(1, len(path) + 1):
            p = path[:n]
            if isinstance(p[-1], int):
                out.append(f"第{p[-1] + 1}项")
            else:
                out.append(labels.get(tuple(x for x in p if not isinstance(x, int)), str(p[-1])))
        value = _get(data, path[0]) if len(path) == 1 else None
        if offset is not None and isinstance(value, str) and "\n" in value.strip():
            spans = paragraph_spans(value)            # 导语 of several paragraphs: which one
            if len(spans) > 1:
                out.append(f"第{sum(1 for start, _ in spans if start <= offset) or 1}段")
        return " › ".join(out)
    sections = _get(data, "sections")
    out = ["正文"] if len(path) == 1 else []
    if len(path) >= 2 and isinstance(path[1], int):
        out.append(section_label(sections, path[1]))
        out += _walk(_get(sections, path[1]), path[2:], 2, offset)
    return " › ".join(out)


_FIELD_WORDS = {"heading": "标题", "parts": "部分", "no_heading": "无标题", "content": "内容", "run_in": "接排",
                "title": "标题", "landscape": "横排"}
_TABLE_WORDS = {"title": "标题", "note": "说明", "source": "来自", "header_rows": "表头行数", "header": "表头",
                "rows": "行"}


def _walk(node, rest: tuple, level: int, offset: int | None = None) -> list[str]:
    """The labels of ``rest`` below ``node`` (a section, a 小标题 or an 附件), whose items are at ``level``;
    ``offset``: in the text ``rest`` ends at (names the printed paragraph it is in)."""
    out = []
    while rest:
        head = rest[0]
        if head == "content" and len(rest) >= 2 and isinstance(rest[1], int):
            items = _get(node, "content")
            out.append(item_label(items, rest[1], level, offset if len(rest) == 2 else None))
            node = _get(items, rest[1])
            level += 1
            rest = rest[2:]
            continue
        if head == "table":
            return out + _table_place(_get(node, "table"), rest[1:])
        out.append(_FIELD_WORDS.get(head, str(head)))
        rest = rest[1:]
    return out


def _table_place(table, rest: tuple) -> list[str]:
    """"标题", "说明", "表头第2格", "第3行第1格" (rows counted below the 表头, as the clerk writes them)."""
    if not rest:
        return []
    head, idx = rest[0], [x for x in rest[1:] if isinstance(x, int)]
    if head not in ("header", "rows") or not idx:
        return [_TABLE_WORDS.get(head, str(head))]
    header = _get(table, "header")
    one_row = head == "header" and isinstance(header, list) and (
        not header or not isinstance(header[0], list) or len(header) == 1)
    if head == "header" and one_row:          # one header row (written flat or as one list): its cells
        return [f"表头第{idx[-1] + 1}格"]
    row = f"{'表头' if head == 'header' else ''}第{idx[0] + 1}行"
    return [row + (f"第{idx[1] + 1}格" if len(idx) > 1 else "")]
