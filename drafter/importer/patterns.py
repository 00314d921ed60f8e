"""What the furniture of a published report looks like: web-page chrome around the text, and
numbering run into flattened text.  The text conventions of 公文 themselves (发文字号, dates, 结束语,
organs, heading numbers) are :mod:`drafter.conventions`'."""
from __future__ import annotations

import re

from ..conventions import CN, WS, strip  # noqa: F401 (the importer's modules take them from here too)
from ..textutil import parse_cn_numeral


# inline markers inside flattened text (found by search, not match)
INLINE_MARKER = re.compile(
    rf"([{CN}]{{1,3}})[、．]|[（(]([{CN}]{{1,3}})[）)]|[（(](\d{{1,2}})[）)]|(?<![\d.．])(\d{{1,2}})[.．、](?![\d.．])")


def inline_kind(m: re.Match) -> tuple[str, int] | None:
    if m.group(1):
        return "cn", parse_cn_numeral(m.group(1)) or 0
    if m.group(2):
        return "pcn", parse_cn_numeral(m.group(2)) or 0
    if m.group(3):
        return "pnum", int(m.group(3))
    return "num", int(m.group(4))


# --------------------------------------------------------------------------------------------
# web-page chrome: the lines a government site prints around the text
CHROME_LABELS = (
    "索引号", "发布机构", "发文机构", "发文机关", "生成日期", "发布日期", "发布时间", "成文日期", "成文时间", "发文日期",
    "印发日期", "公开日期", "公开时间", "信息来源", "来源", "日期", "时间", "浏览次数", "浏览量", "点击数", "点击量", "访问量",
    "访问次数", "阅读量", "阅读次数", "阅读数", "作者", "编辑", "责任编辑", "字号", "字体", "打印", "关闭", "分享", "分享到",
    "主题分类", "体裁分类", "服务对象", "主题词", "关键词", "文号", "发文字号", "文件编号", "标题", "名称", "信息名称",
    "文件名称", "有效性", "是否有效", "公开方式", "公开范围", "公开形式", "公开时限", "公开主体", "发布主体", "所属机构",
    "发布单位", "内容概述", "信息分类", "组配分类", "实施日期", "废止日期", "统一编号", "登记号", "审核", "审校", "校对",
    "责任校对", "初审", "复审", "终审", "核稿", "供稿", "撰稿", "摄影", "附件下载", "相关附件",
)
# what a label names, whatever a site calls it: the keys the anatomy's ``Head.web`` is read by
WEB_KEYS = {
    "发文机构": "发布机构", "发文机关": "发布机构", "所属机构": "发布机构", "发布单位": "发布机构", "公开主体": "发布机构",
    "发布主体": "发布机构",
    "成文时间": "成文日期", "发文日期": "成文日期", "印发日期": "成文日期",
    "发布时间": "发布日期", "公开日期": "发布日期", "公开时间": "发布日期",
    "发文字号": "文号", "文件编号": "文号",
    "名称": "标题", "信息名称": "标题", "文件名称": "标题",
    "信息来源": "来源",
}


def web_key(label: str) -> str:
    """The canonical name of a metadata label ("成文时间" -> "成文日期")."""
    return WEB_KEYS.get(label, label)


# a label as sites letter-space it in their tables ("索 引 号：", "名　　称：", "发&nbsp;布&nbsp;机&nbsp;构："):
# its spaces go before the labels are matched (one small pattern, not a spaced copy of every label)
_SPACED_LABEL = re.compile(r"(?:^|(?<=[\s|｜【\[［]))((?:[\u4e00-\u9fff][ \u3000\u00a0\t]+){1,5}[\u4e00-\u9fff])"
                           r"(?=[ \u3000\u00a0]*[:：】\]］])")


def _despaced(text: str) -> str:
    return _SPACED_LABEL.sub(lambda m: re.sub(r"[ \u3000\u00a0\t]+", "", m.group(1)), text)


_LABELS_RX = "|".join(re.escape(x) for x in sorted(CHROME_LABELS, key=len, reverse=True))
_ITEM = r"(?:[-*•·●◆◇▪■□○]|\d{1,2}[.、])"                # a list marker ("- 成文时间:…", "· 发布机构：…")
# a label ends with a colon or bracket, a tab (a table row copied from a browser: "索引号<Tab>…") or the line
_LABEL_RE = re.compile(rf"^(?:{_ITEM}[{WS}]+)?[【\[［(（]?[{WS}]*({_LABELS_RX})(?:[{WS}]*[:：】\]］)）]|[ \u3000]*\t|[{WS}]*$)")
_TOKEN_RE = re.compile(
    rf"^(?:[{WS}【】\[\]［］|｜/·:：>＞()（）]|打印本页|打印此页|关闭窗口|关闭本页|打印|关闭|收藏|分享到|分享|字体|字号|"
    r"默认|大|中|小|返回顶部|返回列表|返回|我要纠错|纠错|打印本文|打印文章|关闭本文|收藏本页|加入收藏|保存本页|复制链接|微信|微博|"
    r"QQ空间|QQ好友|QQ|扫一扫在手机打开当前页|扫一扫在手机上查看当前页面|扫一扫|当前位置|首页|正文|朗读|语音播报|视力保护色|"
    r"护眼模式|无障碍|长者模式|适老化|繁体|简体|繁體|超大|特大|[AaTt][+＋\-－]?|"
    r"您当前的位置|政务公开|信息公开|法定主动公开内容|\d{1,2}:\d{2}(?::\d{2})?|"
    r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})+$")     # the page's date and time beside its widgets


def _label_of(found: str) -> str:
    return re.sub(rf"[{WS}]+", "", found)


def chrome_label(text: str) -> str | None:
    """The label of a web-page line such as "来源:区政府办  日期:2024-03-28", "[ 发布机构 ] 红石乡人民政府",
    "- 成文时间:2025-01-10", or None."""
    if "。" in text or len(text) > 200:
        return None
    m = _LABEL_RE.match(_despaced(text))
    return _label_of(m.group(1)) if m else None


# a site's breadcrumb: "首页 > 政务公开 > 法治政府建设", "当前位置：首页 » 信息公开 » 规划计划",
# "您当前所在位置:首页>政务公开>…", "您现在的位置：政务公开 > 法治政府建设"
_WHERE_RX = rf"(?:[您你][{WS}]*)?(?:现在|当前|目前)?(?:所在)?(?:的)?位置[{WS}]*[:：]?"
_BREADCRUMB_HEAD_RE = re.compile(rf"^(?:{_WHERE_RX}[{WS}]*)?(?:网站)?首页[{WS}]*[>＞»›→/|]")
_BREADCRUMB_WHERE_RE = re.compile(rf"^{_WHERE_RX}[{WS}]*(?=\S)")
_BREADCRUMB_SEPS = ">＞»›→/|"


def is_breadcrumb(text: str) -> bool:
    """Checked in two steps (the head, then each piece between separators) rather than by one
    pattern with nested repeats, which backtracks for ever on a long pager line ("首页|1|2|…")."""
    t = strip(text)
    if len(t) > 200 or "。" in t:
        return False
    m = _BREADCRUMB_HEAD_RE.match(t)
    if m is None:
        w = _BREADCRUMB_WHERE_RE.match(t)           # "当前位置：政务公开 > 法治政府建设" (no 首页)
        if w is None or not re.search(f"[{re.escape(_BREADCRUMB_SEPS)}]", t[w.end():]):
            return False
        m = w
    pieces = re.split(f"[{re.escape(_BREADCRUMB_SEPS)}]", t[m.end():])
    return all(len(strip(x)) <= 30 for x in pieces[:-1]) and len(strip(pieces[-1])) <= 40


def cell_label(cell: str) -> str | None:
    """A table cell that holds only a metadata label ("索 引 号：", "[ 发布机构 ]"): the label."""
    c = _despaced(strip(cell))
    m = _LABEL_RE.match(c)
    return _label_of(m.group(1)) if m and not strip(c[m.end():]) else None


def _tokens(text: str) -> bool:
    """Only widgets and the page's own date and time (a date alone is no widget: it may be the 成文日期)."""
    return bool(_TOKEN_RE.match(text)) and not re.fullmatch(r"[\d\-/.: \u3000]*", strip(text))


def is_chrome(text: str) -> bool:
    if not text or "。" in text:
        return False
    if chrome_label(text):
        return True
    return _tokens(text) or is_breadcrumb(text)


def is_chrome_tokens(text: str) -> bool:
    """Only page furniture ("【打印】【关闭】", "字体：大 中 小", a breadcrumb), no labelled values."""
    return bool(text) and "。" not in text and (_tokens(text) or is_breadcrumb(text))


# the end of a web page after the report: "相关稿件" and the list under it, "上一篇：……", download links
RELATED_RE = re.compile(rf"^[【\[［]?[{WS}]*(?:相关稿件|相关链接|相关阅读|相关新闻|相关文章|相关信息|相关文件|相关解读|"
                        rf"延伸阅读|推荐阅读|热点推荐)[{WS}]*[】\]］]?[{WS}]*[:：]?$")
_PAGER_RE = re.compile(rf"^[【\[［]?[{WS}]*(?:上一篇|下一篇|上一条|下一条)[{WS}]*[】\]］]?[{WS}]*[:：]")
FILE_LINK_RE = re.compile(r"^.{1,120}\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|jpe?g|png)$", re.I)


def is_tail_junk(text: str) -> bool:
    """A line of the web page after the report's end: chrome ("责任编辑：王芳", "【我要纠错】【打印】"),
    "上一篇：……", a download link ("……统计表.xlsx")."""
    t = strip(text)
    if not t or "。" in t:
        return False
    return is_chrome(t) or bool(_PAGER_RE.match(t)) or bool(FILE_LINK_RE.match(t))


_PAIR_RE = re.compile(
    rf"(?:^|(?<=[{WS}|｜]))(?:{_ITEM}[{WS}]+)?(?:[【\[［][{WS}]*({_LABELS_RX})[{WS}]*[】\]］][{WS}]*[:：]?"
    rf"|({_LABELS_RX})(?:[{WS}]*[:：]|[ \u3000]*\t))[{WS}]*")


def chrome_pairs(text: str) -> dict[str, str]:
    """{label: value} for every "标签：值" (or "[ 标签 ] 值", "【标签】值") in a chrome line or table row;
    the labels as the site wrote them, without the spaces inside ("索 引 号" -> "索引号")."""
    out: dict[str, str] = {}
    text = _despaced(text)
    found = list(_PAIR_RE.finditer(text))
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(text)
        label = _label_of(m.group(1) or m.group(2))
        value = strip(text[m.end():end]).strip("|｜").strip()
        out.setdefault(label, strip(value))
    return out
