"""FZ6xx (numbering): the 附件说明 and the 附件 pages agree in number and name.

GB/T 9704 §7.3.4 prints the 附件说明 under the body — "附件：" and the names, numbered 1. 2. … when
there are several, no mark after a name; §7.3.7 sets each 附件 on pages of its own, "附件" and its
number on the first line and its title centred on the third, and asks that the 附件 agree with the
附件说明 in order and name (附件应与附件说明的顺序、名称一致).

In the YAML one list (``附件``) gives both: an entry is a name (the 附件说明 lists it; the 附件 is sent
on its own) or ``{标题, 内容, 横排}`` (the 附件说明 lists the 标题, and the 内容 is set on pages of its
own).  drafter numbers both from the list's order, so the two cannot drift apart in the printed
numbers; what can disagree is what the clerk typed:

* a number or label typed into a name ("1.石门县……", "附件2：……"): printed twice, and out of step when
  the order changed;
* an empty name: "2." with nothing after it, and a page without a title;
* an 附件's content opening with its own label ("附件2") or title, pasted from the Word file: the
  label is printed again (with the wrong number when it moved), the title twice, or a title that is
  not the name the 附件说明 lists;
* some 附件 with content and some without: the document then holds the pages of 附件1 and 附件3 but
  not 附件2;
* two 附件 with the same name;
* the body pointing at "见附件3" when the 附件说明 lists two.
"""
from __future__ import annotations

import re

from . import WARNING, Finding, rule
from ._text import snippet, texts
from ..textutil import clip, parse_cn_numeral

_WS = " \t\u3000\u00a0"
_NUM = "一二三四五六七八九十"
# The patterns are text: re compiles each on first use, in a report that has 附件 (compiling them all
# on import would cost every `drafter check` several milliseconds).
# what a clerk types before an 附件's name: "附件1：", "附件2 ", "附件一、", "附件：", "1.", "1、", "（1）"
_LABELLED = (rf"^[{_WS}]*附[{_WS}]*件[{_WS}]*(?:(?P<a>[0-9０-９]{{1,2}})(?![0-9０-９])[{_WS}]*[:：、.．]?|"
             rf"(?P<c>[{_NUM}]{{1,3}})[{_WS}]*[:：、.．]|[:：])[{_WS}]*")
_NUMBERED = (rf"^[{_WS}]*(?:(?P<n>[0-9０-９]{{1,2}})[{_WS}]*[.．、](?![0-9０-９])|[（(][{_WS}]*"
             rf"(?P<p>[0-9０-９]{{1,2}})[{_WS}]*[）)])[{_WS}]*")
# the first paragraph of an 附件 page: its label typed by hand, alone or before the title
_PAGE_LABEL = (rf"^[{_WS}]*附[{_WS}]*件[{_WS}]*(?P<n>[0-9０-９]{{1,2}}(?![0-9０-９])|[{_NUM}]{{1,3}})?"
               rf"[{_WS}]*(?:(?P<colon>[:：])[{_WS}]*)?(?P<rest>.*)$")
# a line that names a document: short, no sentence punctuation, ending in what documents are called
_TITLE_END = (r"(?:表|目录|清单|名单|名录|方案|办法|意见|规定|细则|规则|制度|报告|情况|要点|计划|规划|"
              r"台账|说明|通知|决定|纲要|指引|标准|汇编|图)$")
_SENTENCE = r"[。；，：！？;,:!?]"
# the body pointing at an 附件: "见附件2", "详见附件", "（附件1）"
_REFERENCE = r"(?:见|参照|附后的?|[（(])[{ws}]*附件[{ws}]*(?P<n>[0-9０-９]{{1,2}})?".format(ws=_WS)


def _number(s: str | None) -> int | None:
    if not s:
        return None
    if s[0] in _NUM:
        return parse_cn_numeral(s)
    return int(s.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def _norm(s: str) -> str:
    return "".join(s.split()).strip("《》“”\"'")


def _label(k: int, n: int) -> str:
    """The label the 附件 page prints (§7.3.7): "附件2", or "附件" for the only one."""
    return f"附件{k + 1}" if n > 1 else "附件"


@rule("FZ605", "attachment-agreement", "附件说明与附件页的序号、名称不一致")
def attachment_agreement(ctx):
    """The 附件说明 and the 附件 pages agree in order and name (GB/T 9704 §7.3.4, §7.3.7): drafter
    numbers both from the ``附件`` list, so a number typed into a name, a label or title typed at the
    top of an 附件's content, an empty name, a gap in the 附件 pages (some 附件 with content, some
    without), a name listed twice, and a "见附件N" in the text beyond the 附件 listed are reported.
    Typed numbers and labels, and empty names, print wrongly: errors; the rest are warnings."""
    r = ctx.report
    atts = r.attachments
    n = len(atts)
    names = r.attachment_titles
    paged = [k for k, a in enumerate(atts) if not isinstance(a, str) and a.content]
    seen: dict[str, int] = {}
    for k, (a, name) in enumerate(zip(atts, names)):
        path = ("attachments", k) if isinstance(a, str) else ("attachments", k, "title")
        label = _label(k, n)
        if not name.strip():
            page = "，附件页上也没有标题" if k in paged else ""
            printed = f"序号“{k + 1}.”" if n > 1 else "“附件：”"
            yield Finding(path, f"{label}的名称是空的：附件说明中只印出{printed}{page}；请写出附件名称，或删去这一项")
            continue
        yield from _typed_number(path, name, k, n)
        key = _norm(name)
        if key in seen:
            yield Finding(path, f"{label}与{_label(seen[key], n)}的名称相同（“{clip(name.strip(), 24)}”），像是复制粘贴留下的；"
                                "请核对附件说明，删去重复的一项或改正名称", severity=WARNING)
        seen.setdefault(key, k)
        if k in paged:
            yield from _page_top(("attachments", k, "content", 0), a.content[0], name, k, n)
    if paged and len(paged) < n:
        with_pages = "、".join(_label(k, n) for k in paged)
        for k, a in enumerate(atts):
            if k in paged:
                continue
            path = ("attachments", k) if isinstance(a, str) else ("attachments", k, "title")
            yield Finding(path, f"附件说明列出了{_label(k, n)}“{clip(names[k].strip(), 24)}”，但它没有“内容”，不会排出附件页，"
                                f"而{with_pages}另面排在正文之后：文件中的附件页会缺{_label(k, n)}；请把这一项写成"
                                "“标题”加“内容”，如这一附件另行报送可忽略本提示", severity=WARNING)
    yield from _references(ctx, n)


def _typed_number(path, name: str, k: int, n: int):
    m = re.match(_LABELLED, name)
    if m:
        typed = m.group().strip(_WS)
        num = _number(m.group("a") or m.group("c"))
        off = f"，而它是附件说明的第{k + 1}项（附件页印“{_label(k, n)}”）" if num is not None and num != k + 1 else ""
        yield Finding(path, f"附件名称前写了“{typed}”{off}；“附件”二字和序号由 drafter 印在附件说明和附件页上，"
                            f"名称中再写会印成两次，请删去“{typed}”{'并核对附件的顺序' if off else ''}", 0)
        return
    m = re.match(_NUMBERED, name)
    if not m:
        return
    typed = m.group().strip(_WS)
    num = _number(m.group("n") or m.group("p"))
    if n == 1:
        yield Finding(path, f"附件名称前写了序号“{typed}”；只有一个附件时不编序号（GB/T 9704 §7.3.4），请删去“{typed}”",
                      0, severity=WARNING)
    elif num != k + 1:
        yield Finding(path, f"附件名称前写了序号“{typed}”，而它是附件说明的第{k + 1}项：序号不一致，drafter 自动编号"
                            f"（会印成“{k + 1}.{typed}”）；请删去“{typed}”并核对附件的顺序", 0)
    else:
        yield Finding(path, f"附件名称前手写了序号“{typed}”；drafter 在附件说明中自动编号，会印成“{k + 1}.{typed}”，"
                            f"请删去“{typed}”", 0)


def _page_top(path, first, name: str, k: int, n: int):
    """The top of an 附件's content: drafter prints the label and the title there itself."""
    if not isinstance(first, str):
        return
    from ..compose import paragraphs_of

    paras = paragraphs_of(first)
    if not paras:
        return
    text = paras[0]
    label = _label(k, n)
    m = re.match(_PAGE_LABEL, text, re.S)
    if m and (m.group("n") or m.group("colon") or not m.group("rest").strip(_WS)):
        typed = text[:m.start("rest")].strip(_WS)
        num = _number(m.group("n"))
        if num is not None and num != k + 1:
            yield Finding(path, f"附件页的第一段写的是“{typed}”，而这是附件说明中的第{k + 1}项，drafter 在这一页印“{label}”："
                                "序号不一致；请删去这一段（附件的标签和标题由 drafter 排出），并核对附件的顺序", 0)
        else:
            yield Finding(path, f"附件页的第一段“{typed}”与 drafter 排在这一页第一行的“{label}”重复，会印成两次；"
                                "请删去这一段（附件的标签和标题由 drafter 排出）", 0)
        return
    plain = text.strip(_WS)
    if _norm(plain) == _norm(name):
        yield Finding(path, f"附件页的第一段重复了附件的标题“{clip(snippet(plain, 0, len(plain), 0), 24)}”，drafter 已把它排在"
                            "这一页的第三行，会印成两次；请删去这一段", 0, severity=WARNING)
    elif len(plain) <= 40 and not re.search(_SENTENCE, plain) and re.search(_TITLE_END, plain):
        yield Finding(path, f"附件页的第一段“{clip(plain, 24)}”像是附件的标题，与附件说明中的名称“{clip(name.strip(), 24)}”不一致；"
                            "附件页的标题就是附件说明中的名称（GB/T 9704 §7.3.7：附件与附件说明的名称一致），"
                            "请把名称改为正确的标题并删去这一段", 0, severity=WARNING)


def _references(ctx, n: int):
    """"见附件3" in the text when the 附件说明 lists fewer (or none).  In a Word file under review
    (inspect) a missing 附件说明 is not claimed: the reading of the file's tail may have missed it."""
    docx = getattr(ctx, "medium", "yaml") == "docx"
    add = "补上这一附件（附件说明中的名称和附件页）" if docx else "在“附件”中补上这一附件"
    for t in texts(ctx):
        if t.role == "attachment" or "附件" not in t.text:
            continue
        for m in re.finditer(_REFERENCE, t.text):
            at = m.start() + m.group().index("附")
            num = _number(m.group("n"))
            quote = snippet(t.text, m.start(), m.end(), 2)
            if n == 0 and not docx:
                yield Finding(t.path, f"“{quote}”提到了附件{num or ''}，但报告没有列出附件；请在“附件”中写出附件名称"
                                      "（要排出附件页时写“标题”和“内容”），或改正这句话",
                              at, severity=WARNING)
            elif n and num is not None and num > n:
                yield Finding(t.path, f"“{quote}”提到了附件{num}，但附件说明只列出了 {n} 个附件；请核对附件的序号，"
                                      f"或{add}", at, severity=WARNING)
            elif num is not None and n == 1:
                yield Finding(t.path, f"“{quote}”写的是附件{num}，而只有一个附件时附件说明和附件页都不编序号、印作"
                                      f"“附件”（GB/T 9704 §7.3.4）；请改为“附件”", at, severity=WARNING)
