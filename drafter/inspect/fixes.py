"""Where each setting is in Word and in WPS: the one table every ``drafter inspect`` message names a fix by.

The people who read these messages use WPS 文字 (2019, 2023) and Microsoft Word (2016, 365, Chinese
interface).  A message names the setting in words ("请把行距设为固定值 28.95 磅") and then, with
:func:`where`, the place of that setting in both programs::

    （Word、WPS：开始 › 段落 › 缩进和间距 › 行距）
    （Word：布局 › 纸张大小；WPS：页面布局 › 纸张大小）

How to read a path: the first name is a ribbon tab (开始, 插入, 布局 / 页面布局, 审阅) or a dialog.
After a tab come its buttons ("开始 › 编号 › 无"); a ribbon group followed by a tab name is that
group's dialog, opened by the small arrow at the group's corner ("开始 › 段落 › 缩进和间距" is the 段落
dialog's 缩进和间距 tab; 段落 and 字体 also open from the right-click menu; "布局 › 页面设置 › 版式" is
Word's 页面设置 dialog).  A path that begins with a dialog (页面设置, 边框和底纹, 设置对象格式) names the
dialog without the button that opens it.

Where WPS's ribbon place of a setting could not be confirmed from public sources, its path names the
dialog both programs share (页面设置, 边框和底纹) instead of a guessed ribbon path.
"""
from __future__ import annotations

SEP = " › "


def _path(*names: str) -> str:
    return SEP.join(names)


# the dialogs that hold most settings, as each program reaches them
_PAGE_SETUP = (_path("布局", "页面设置"), "页面设置")           # WPS: the dialog (页面布局 tab)
_PARAGRAPH = _path("开始", "段落", "缩进和间距")                   # the 段落 dialog, same in both
_FONT = _path("开始", "字体", "字体")                              # the 字体 dialog's 字体 tab, same in both


def _page(*names: str) -> tuple[str, str]:
    return _path(_PAGE_SETUP[0], *names), _path(_PAGE_SETUP[1], *names)


# key -> (Word path, WPS path), or one path where both programs put the setting in the same place
# (shown once: "Word、WPS：…").
WHERE: dict[str, str | tuple[str, str]] = {
    # -- page setup
    "paper": ("布局 › 纸张大小", "页面布局 › 纸张大小"),
    "orientation": ("布局 › 纸张方向", "页面布局 › 纸张方向"),
    "margins": (_path(_PAGE_SETUP[0], "页边距"), "页面布局 › 页边距"),
    "gutter": _page("页边距", "装订线"),
    "multiple_pages": _page("页边距", "多页"),
    "doc_grid": _page("文档网格"),
    "odd_even": _page("版式", "奇偶页不同"),
    "first_page": _page("版式", "首页不同"),
    "footer_distance": _page("版式", "距边界", "页脚"),
    # -- paragraphs
    "alignment": _path(_PARAGRAPH, "对齐方式"),
    "indent": _path(_PARAGRAPH, "缩进"),
    "first_line": _path(_PARAGRAPH, "特殊格式"),
    "line_spacing": _path(_PARAGRAPH, "行距"),
    "para_spacing": _path(_PARAGRAPH, "段前、段后"),
    "tab_stops": "开始 › 段落 › 制表位",
    "borders": ("开始 › 边框 › 无框线", "边框和底纹 › 边框 › 无"),
    "numbering": ("开始 › 编号 › 无", "开始 › 编号"),
    # -- characters (Word's 字体 dialog calls the spacing tab 高级, WPS's calls it 字符间距)
    "font": _path(_FONT, "中文字体"),
    "font_latin": _path(_FONT, "西文字体"),
    "font_names": _path(_FONT, "中文字体、西文字体"),
    "hidden": _path(_FONT, "效果"),
    "size": "开始 › 字号",
    "char_spacing": ("开始 › 字体 › 高级 › 字符间距", "开始 › 字体 › 字符间距"),
    "font_color": "开始 › 字体颜色",
    # -- inserting, reviewing, drawing
    "page_number": ("插入 › 页码 › 页面底端", "插入 › 页码"),
    "symbol": "插入 › 符号",
    "accept_revisions": ("审阅 › 接受 › 接受所有修订", "审阅 › 接受 › 接受对文档的所有修订"),
    "delete_comments": "审阅 › 删除 › 删除文档中的所有批注",
    "line_type": ("设置形状格式 › 线条 › 复合类型", "设置对象格式 › 线条 › 复合类型"),
}


def paths(key: str) -> tuple[str, str]:
    """(Word path, WPS path) of one setting."""
    v = WHERE[key]
    return (v, v) if isinstance(v, str) else v


def _join(paths: list[str]) -> str:
    """Several paths of one program: those under one parent are named once ("… › 对齐方式、缩进")."""
    heads: dict[str, list[str]] = {}
    for p in paths:
        head, _, last = p.rpartition(SEP)
        heads.setdefault(head, []).append(last)
    return "，".join((head + SEP if head else "") + "、".join(dict.fromkeys(lasts)) for head, lasts in heads.items())


def where(*keys: str) -> str:
    """"（Word：…；WPS：…）" for the settings ``keys`` of :data:`WHERE`; "（Word、WPS：…）" when the
    two programs put them in the same place."""
    if not keys:
        raise ValueError("where() needs at least one setting")
    word = _join([paths(k)[0] for k in keys])
    wps = _join([paths(k)[1] for k in keys])
    if word == wps:
        return f"（Word、WPS：{word}）"
    return f"（Word：{word}；WPS：{wps}）"
