"""Helpers (no tests here): a report published on a government website, written the way the common
site systems lay out an article page.

What the layouts were modelled on (the markup of county, city and provincial sites' 政府信息公开 pages):

- ``trs``: a TRS WCM page (provincial and city sites): ``<meta>`` tags of the 政府网站发展指引
  (ArticleTitle, PubDate, ContentSource), a navigation bar, the breadcrumb "当前位置：首页 > …", the
  信息公开 metadata as a four-column table with letter-spaced labels ("索&nbsp;引&nbsp;号："), the
  title in ``<h1>``, the "来源：… 发布时间：… 浏览次数：…【字体：大 中 小】" line, the article in
  ``<div class="TRS_Editor">`` as Word pasted it (``<p style="text-indent:2em">``, headings in
  ``<strong>``, 署名 and date right-aligned), share and print widgets, "相关链接", the footer;
- ``hanweb``: a 大汉 JCMS page (county sites; often GBK): a layout table around everything, the
  metadata as bracketed pairs in a list ("[ 发布机构 ] ……"), the breadcrumb "您当前所在位置：首页>…",
  the article in ``<div id="zoom">`` inside a table cell, "【打印本页】【关闭窗口】", "上一篇/下一篇";
- ``plain``: an older page built by hand or by a small CMS: the article as one ``<div>`` of
  ``<br>``-separated lines indented with ``&nbsp;``, the metadata as a ``<ul>`` of "标签：值" items.

``report_paragraphs`` takes a drafter .docx as the clerk's Word file (what the site's editor
receives when the report is pasted in): its 版头 and 版记 are not published, its paragraphs are.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

TITLE, PARA, HEADING, RIGHT = "title", "para", "heading", "right"


@dataclass
class Article:
    title: str
    paras: list[tuple[str, str]]                  # (kind, text)
    org: str
    date: str | None = None                       # 成文日期 as the site writes it ("2025-02-20")
    published: str = "2025-03-05 10:30"
    doc_number: str | None = None
    site: str = ""
    index_no: str = "11130100MB0000000X/2025-00012"
    extra_meta: dict = field(default_factory=dict)


def report_paragraphs(docx_path: Path) -> tuple[str, list[tuple[str, str]], str | None]:
    """(title, paragraphs, 发文字号) of a drafter .docx as a web editor receives them."""
    import docx

    d = docx.Document(str(docx_path))
    title, out, number = "", [], None
    for p in d.paragraphs:
        sid = p.style.style_id
        text = p.text
        if sid == "GWPlain":
            if "〔" in text and "号" in text:
                number = text.split("\t")[0].strip()
            continue
        if not text.strip():
            continue
        if sid == "GWTitle":
            title = "".join(x.strip() for x in text.split("\n"))
        elif sid == "GWSignature":
            names = [x for x in text.split("\t") if x.strip()]
            out.append((RIGHT, "\u3000\u3000".join(names)))
        elif sid.startswith("GWHeading"):
            out.append((HEADING, text))
        else:
            out.append((PARA, text))
    return title, out, number


def _p(kind: str, text: str, style: str = "trs") -> str:
    t = html.escape(text)
    if kind == RIGHT:
        return f'<p style="text-align: right;">{t}</p>'
    if kind == HEADING:
        if style == "plain":
            return f"&nbsp;&nbsp;&nbsp;&nbsp;<b>{t}</b><br>"
        return f'<p style="text-indent: 2em;"><strong>{t}</strong></p>'
    if style == "plain":
        return f"&nbsp;&nbsp;&nbsp;&nbsp;{t}<br>\n"
    # Word's paste: the runs as spans; the editor wraps its source between two Chinese characters
    # (a line break a browser does not show there, CSS Text §4.1.2)
    half = next((k for k in range(len(t) // 2, len(t) - 1) if _wide(t[k - 1]) and _wide(t[k])), len(t))
    span = '<span style="font-family: 仿宋_GB2312; font-size: 16pt;">'
    return f'<p style="text-indent: 2em; line-height: 2em;">{span}{t[:half]}\n{t[half:]}</span></p>'


def _wide(ch: str) -> bool:
    import unicodedata

    return unicodedata.east_asian_width(ch) in "FW"


_NAV = ("首页", "政务公开", "政务服务", "互动交流", "走进本地")
_RELATED = ("关于印发2025年法治政府建设工作要点的通知", "2023年法治政府建设年度报告", "政府信息公开工作年度报告")


def trs(a: Article, charset: str = "utf-8") -> str:
    rows = [("索&nbsp;引&nbsp;号：", a.index_no, "主题分类：", "政务公开"),
            ("发布机构：", a.org, "成文日期：", a.date or ""),
            ("名&nbsp;&nbsp;&nbsp;&nbsp;称：", a.title, "", ""),
            ("文&nbsp;&nbsp;&nbsp;&nbsp;号：", a.doc_number or "", "发布日期：", a.published[:10])]
    table = "\n".join("<tr>" + "".join(f'<td class="t{k}">{html.escape(c) if k % 2 else c}</td>'
                                        for k, c in enumerate(r) if c or k < 2) + "</tr>" for r in rows)
    body = "\n".join(_p(k, t) for k, t in a.paras)
    nav = "".join(f'<li><a href="/{k}/">{x}</a></li>' for k, x in enumerate(_NAV))
    related = "".join(f'<li><a href="/art/{k}.html">{x}</a><span>2024-0{k + 1}-1{k}</span></li>'
                      for k, x in enumerate(_RELATED))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{html.escape(a.title)}_{html.escape(a.site)}</title>
<meta name="SiteName" content="{html.escape(a.site)}">
<meta name="SiteDomain" content="www.example.gov.cn">
<meta name="SiteIDCode" content="1301000001">
<meta name="ColumnName" content="法治政府建设">
<meta name="ColumnType" content="法治政府建设">
<meta name="ArticleTitle" content="{html.escape(a.title)}">
<meta name="PubDate" content="{a.published}">
<meta name="ContentSource" content="{html.escape(a.org)}">
<link rel="stylesheet" href="/css/common.css">
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; document.write("<div>统计</div>");</script>
<style>.TRS_Editor p{{text-indent:2em}} .xxgk_table td{{border:1px solid #ccc}}</style>
</head>
<body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="{html.escape(a.site)}"></div>
<div class="search"><form action="/search"><input type="text" name="q" value="请输入关键字"><button>搜索</button></form></div>
<ul class="nav">{nav}</ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/fzzf/">法治政府建设</a></div>
<div class="xxgk_table"><table cellspacing="0" cellpadding="0">
{table}
</table></div>
<div class="article">
<h1 class="article-title">{html.escape(a.title)}</h1>
<div class="article-info"><span>来源：{html.escape(a.org)}</span> <span>发布时间：{a.published}</span>
<span>浏览次数：<span id="hits">1234</span></span> <span class="font">【字体：<a href="javascript:doZoom(18)">大</a>
<a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</span></div>
<div class="article-content"><div class="TRS_Editor">
{body}
</div></div>
<div class="share">分享到：<a href="#" class="wx">微信</a> <a href="#" class="wb">微博</a> <a href="#">QQ空间</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="related"><h3>相关链接</h3><ul>{related}</ul></div>
<div class="footer"><p>主办单位：{html.escape(a.site)}办公室　承办单位：县政务服务数据管理局</p>
<p>网站标识码：1301000001　冀ICP备12345678号　<img src="/images/ga.png">冀公网安备 13010002000123号</p>
<p>联系电话：0311-12345678　地址：县府路1号</p></div>
</body>
</html>
"""


def hanweb(a: Article, charset: str = "gb2312") -> str:
    pairs = [("索引号", a.index_no), ("信息分类", "法治政府建设"), ("发布机构", a.org), ("成文日期", a.date or ""),
             ("文号", a.doc_number or "无"), ("发布日期", a.published[:10])]
    items = "\n".join(f'<li><span class="xxgk-label">[ {k} ]</span> {html.escape(v)}</li>' for k, v in pairs)
    body = "\n".join(_p(k, t) for k, t in a.paras)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{html.escape(a.site)}</title>
<meta name="ArticleTitle" content="{html.escape(a.title)}">
<meta name="PubDate" content="{a.published}">
<meta name="ContentSource" content="{html.escape(a.org)}">
<script language="javascript" src="/script/hanweb.js"></script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/images/banner.jpg" width="1000" height="150" /></td></tr>
<tr><td class="nav"><a href="/">首页</a> | <a href="/col/col1/">政务公开</a> | <a href="/col/col2/">办事服务</a> | <a href="/col/col3/">互动交流</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="bt_link">您当前所在位置:<a href="/">首页</a>&gt;<a href="/col/col1/">政务公开</a>&gt;<a href="/col/col9/">法治政府建设报告</a>&gt;<a href="/col/col10/">乡镇街道</a></td></tr>
<tr><td>
<div class="xxgk-info"><ul>
{items}
</ul></div>
</td></tr>
<tr><td align="center" class="title" style="font-size:22px; font-weight:bold; color:#C00">{html.escape(a.title)}</td></tr>
<tr><td align="center">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】　<a href="javascript:window.print()">打印本页</a></td></tr>
<tr><td>
<div id="zoom">
{body}
</div>
</td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td>上一篇：<a href="/art/1.html">关于开展2024年度法治政府建设督察的通知</a><br />下一篇：<a href="/art/3.html">2024年政府信息公开工作年度报告</a></td></tr>
</table>
<table width="1000" align="center"><tr><td class="foot">版权所有：{html.escape(a.site)}　技术支持：大汉网络<br />网站标识码：1301000002　冀ICP备87654321号</td></tr></table>
</body>
</html>
"""


def plain(a: Article, charset: str = "utf-8") -> str:
    meta = "".join(f"<li>{k}：{html.escape(v)}</li>" for k, v in
                   (("发布机构", a.org), ("成文时间", a.date or ""), ("发布时间", a.published)))
    lines = "".join(_p(k, t, "plain") if k != RIGHT else f'<div align="right">{html.escape(t)}</div>'
                    for k, t in a.paras)
    return f"""<html>
<head><meta charset="{charset}"><title>{html.escape(a.title)}</title></head>
<body>
<div id="top"><a href="/">网站首页</a> | <a href="/xxgk">信息公开</a></div>
<div class="crumb">首页 &gt; 信息公开 &gt; 法治政府建设</div>
<ul class="meta">{meta}</ul>
<h2 align="center">{html.escape(a.title)}</h2>
<div class="content">
{lines}
</div>
<div id="footer">Copyright © {html.escape(a.site)} 版权所有</div>
</body>
</html>
"""


LAYOUTS = {"trs": trs, "hanweb": hanweb, "plain": plain}


def write_page(a: Article, path: Path, layout: str = "trs", encoding: str = "utf-8") -> Path:
    """The page as a browser saves it ("网页，仅 HTML"): the site's bytes in the site's encoding."""
    charset = {"utf-8": "utf-8", "gbk": "gb2312", "gb18030": "gb2312"}[encoding]
    text = LAYOUTS[layout](a, charset)
    data = text.encode("gb18030" if encoding != "utf-8" else "utf-8")
    path.write_bytes(data)
    return path
