"""Build the web corpus in tests/data/web/: last year's report as a clerk finds it on a government
website — saved article pages, text copied from them — from the invented reports of web_reports.py.

    python tests/corpus/build_web.py            # rewrite the pages and copies (byte for byte the same)
    python tests/corpus/build_web.py --pdf DIR  # also write the PDFs the tests make, to look at them

The PDFs are not kept in git: tests/test_import_web.py makes them on each run with the real programs
(drafter renders the clerk's .docx, LibreOffice converts it; Chromium prints a saved page), as
``make_pdfs`` does here.  SOURCES.md says what each file was modelled on; corpus.yaml what the import
must read from each.
"""
from __future__ import annotations

import base64
import quopri
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "tests" / "data" / "web"
sys.path[:0] = [str(HERE), str(ROOT / "tests")]

from web_pages import HEADING, PARA, RIGHT, Article, hanweb, plain, report_paragraphs, trs  # noqa: E402
from web_reports import REPORTS  # noqa: E402


def rendered(key: str, folder: Path) -> Path:
    """The clerk's Word file: the report rendered by drafter."""
    from drafter.loader import load_text
    from drafter.render import docx_bytes

    report = load_text(REPORTS[key], f"{key}.yaml").report
    path = folder / f"{key}.docx"
    path.write_bytes(docx_bytes(report))
    return path


def lost_bracket(paras):
    """The site's editor dropped the opening bracket of every second-level number: "（一）" -> "一)"."""
    return [(k, re.sub(r"^（([一二三四五六七八九十]+)）", r"\1)", t)) for k, t in paras]


def without_ending(paras):
    """Published without the 署名 and 成文日期 (the page's metadata gives the date)."""
    return [(k, t) for k, t in paras if k != RIGHT]


def articles(folder: Path) -> dict[str, tuple[Article, list]]:
    out = {}
    sites = {"hongshi": "红石乡人民政府", "dongcheng": "东城街道办事处", "baisha": "白沙镇人民政府",
             "qinghe": "青河县人民政府"}
    dates = {"hongshi": "2025-01-08", "dongcheng": "2025-01-15", "baisha": "2024-01-20", "qinghe": "2025-02-10"}
    published = {"hongshi": "2025-01-21 09:30", "dongcheng": "2025-01-20 09:12", "baisha": "2024-02-02 16:05",
                  "qinghe": "2025-03-04 10:00"}
    for key in REPORTS:
        title, paras, number = report_paragraphs(rendered(key, folder))
        out[key] = (Article(title, paras, sites[key], date=dates[key], published=published[key], doc_number=number,
                            site=sites[key] if key != "dongcheng" else "东湖区人民政府"), paras)
    return out


def govcn(a: Article) -> str:
    """A page in the layout of www.gov.cn's policy pages, saved by Chrome as "网页，全部": the
    "saved from url" mark, a <base>, resources in the _files folder; the 信息公开 table with bold
    labels; the article in <div class="pages_content" id="UCAP-CONTENT">."""
    import html

    t = html.escape
    rows = (f"<tr><td><b>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</b></td><td>{a.index_no}</td><td><b>主题分类：</b></td>"
            f"<td>法治政府建设</td></tr>\n<tr><td><b>发文机关：</b></td><td>{t(a.org)}</td><td><b>成文日期：</b></td>"
            f"<td>{a.date[:4]}年{int(a.date[5:7]):02d}月{int(a.date[8:10]):02d}日</td></tr>\n"
            f"<tr><td><b>标　　题：</b></td><td colspan=\"3\">{t(a.title)}</td></tr>\n"
            f"<tr><td><b>发文字号：</b></td><td>{t(a.doc_number or '')}</td><td><b>发布日期：</b></td>"
            f"<td>{a.published[:4]}年{a.published[5:7]}月{a.published[8:10]}日</td></tr>")
    body = "\n".join((f'<p style="text-align: right;">{t(x)}</p>' if k == RIGHT else
                      f'<p style="text-indent: 2em; font-family: 黑体;">{t(x)}</p>' if k == HEADING else
                      f'<p style="text-indent: 2em;">{t(x)}</p>') for k, x in a.paras)
    return f"""<!DOCTYPE html>
<!-- saved from url=(0057)http://www.qinghe.gov.cn/zwgk/fzzf/202503/t20250304_123.html -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<base href=".">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{t(a.title)}_青河县人民政府门户网站</title>
<meta name="ArticleTitle" content="{t(a.title)}">
<meta name="PubDate" content="{a.published}">
<meta name="ContentSource" content="{t(a.org)}">
<link href="./{t(a.title)}_files/common.css" rel="stylesheet">
<script src="./{t(a.title)}_files/jquery.js"></script>
</head>
<body>
<div class="header"><div class="nav"><ul><li><a href="http://www.qinghe.gov.cn/">首页</a></li>
<li><a href="http://www.qinghe.gov.cn/zwgk/">政务公开</a></li><li><a href="http://www.qinghe.gov.cn/zwfw/">政务服务</a></li>
<li><a href="http://www.qinghe.gov.cn/hdjl/">互动交流</a></li></ul></div></div>
<div class="BreadcrumbNav"><a href="http://www.qinghe.gov.cn/">首页</a> &gt; <a href="http://www.qinghe.gov.cn/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<div class="policyLibraryOverview_header"><table class="bd1" cellpadding="0" cellspacing="1">
{rows}
</table></div>
<div class="article oneColumn pub_border">
<h1>{t(a.title)}</h1>
<div class="pages-date">{a.published[:16]}　<span class="font">字号：<a href="javascript:;">默认</a> <a href="javascript:;">大</a> <a href="javascript:;">超大</a></span>
<span class="font index_switchsize">|</span> <span class="font">打印</span> <span class="font">|</span> <span class="font">分享</span></div>
<div class="pages_content" id="UCAP-CONTENT">
{body}
</div>
<div class="editor">【我要纠错】 责任编辑：王芳</div>
</div>
<div class="footer"><div class="footer-links"><a href="#">网站地图</a> | <a href="#">联系我们</a></div>
<p>青河县人民政府办公室主办　网站标识码：1307000012　冀ICP备12000012号</p></div>
</body></html>
"""


def mhtml(page: str, url: str) -> bytes:
    """A page saved by Chrome or Edge as "网页，单个文件" (.mhtml): MIME, the HTML quoted-printable."""
    qp = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    css = base64.encodebytes(b".TRS_Editor p{text-indent:2em}").decode("ascii")
    boundary = "----MultipartBoundary--RdCqVZUYm9ARAt1k5dLsSGnjKQ8kRmyJ9y8slVNY6S----"
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\n"
            f"Subject: =?utf-8?Q?=E4=B8=9C=E5=9F=8E=E8=A1=97=E9=81=93?=\r\nDate: Tue, 21 Jan 2025 09:30:12 +0800\r\n"
            f"MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\"\r\n\r\n\r\n"
            f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n{qp}\r\n\r\n"
            f"--{boundary}\r\nContent-Type: text/css\r\nContent-Transfer-Encoding: base64\r\n"
            f"Content-Location: http://www.dhq.gov.cn/css/common.css\r\n\r\n{css}\r\n--{boundary}--\r\n").encode("ascii")


def copied_text(a: Article, paras, *, metadata: str, widgets: bool = True, related: bool = False) -> str:
    """What a clerk gets selecting the page from the breadcrumb down and pasting it into Notepad:
    a block a line (Chrome leaves a blank line after each paragraph), table cells apart by tabs."""
    lines = []
    if metadata == "brackets":
        lines += ["您当前所在位置:首页>政务公开>法治政府建设报告>乡镇街道",
                  f"[ 索引号 ] {a.index_no} [ 主题分类 ] 政务公开",
                  f"[ 发布机构 ] {a.org} [ 成文日期 ] {a.date}",
                  "【字体：大 中 小】 打印本页 关闭窗口"]
    elif metadata == "table":
        lines += ["当前位置：首页 > 政务公开 > 法治政府建设",
                  f"索引号\t{a.index_no}\t主题分类\t政务公开",
                  f"发布机构\t{a.org}\t成文日期\t{a.date}",
                  f"名称\t{a.title}",
                  f"来源：{a.org}　发布时间：{a.published}　浏览次数：356"]
    lines.append(a.title)
    if widgets and metadata == "table":
        lines.append("【字体：大 中 小】【打印本页】【关闭窗口】")
    lines.append("")
    for _, t in paras:
        lines += [t, ""]
    if widgets:
        lines.append("分享到：")
    if related:
        lines += ["相关链接", "关于印发2025年法治政府建设工作要点的通知", "东城街道2023年法治政府建设年度报告"]
    return "\n".join(lines) + "\n"


def copied_markdown(a: Article, paras) -> str:
    """The page copied by a browser's "copy as Markdown" (or pasted into Typora): the metadata list as
    "- 标签：值" items, the title as '#', bold headings, a blank line between paragraphs."""
    out = ["首页 > 信息公开 > 法治政府建设", "", f"- 发布机构：{a.org}", f"- 成文时间：{a.date}",
           f"- 发布时间：{a.published}", "", f"# {a.title}", ""]
    for k, t in paras:
        if k == HEADING:
            out += [f"**{t}**", ""]
        elif k == RIGHT:
            out += [t, ""]
        else:
            out += [t, ""]
    return "\n".join(out)


def build() -> dict[str, bytes]:
    """{file name: bytes} of the corpus's pages and copies."""
    with tempfile.TemporaryDirectory() as td:
        arts = articles(Path(td))
    out: dict[str, bytes] = {}
    a, paras = arts["hongshi"]
    trs_page = Article(a.title, without_ending(paras), a.org, date=a.date, published=a.published, site=a.site)
    out["hongshi-trs.html"] = trs(trs_page, "utf-8").encode("utf-8")
    out["hongshi-declared-gbk.html"] = trs(a, "gb2312").encode("utf-8")          # a CMS that says GB2312, writes UTF-8
    hs = Article(a.title, lost_bracket(without_ending(paras)), a.org, date=a.date, published=a.published,
                 index_no=a.index_no, site=a.site)
    out["hongshi-copied.txt"] = copied_text(hs, hs.paras, metadata="brackets").encode("utf-8")

    a, paras = arts["dongcheng"]
    d = Article(a.title, lost_bracket(paras), a.org, date=a.date, published=a.published, site=a.site)
    out["dongcheng-hanweb-gbk.html"] = hanweb(d, "gb2312").encode("gb18030")
    out["dongcheng-single-file.mhtml"] = mhtml(trs(a, "utf-8"), "http://www.dhq.gov.cn/art/2025/1/21/art_1229_88.html")
    out["dongcheng-copied-table.txt"] = copied_text(a, paras, metadata="table", related=True).encode("utf-8")

    a, paras = arts["baisha"]
    page = plain(a, "utf-8").replace('<meta charset="utf-8">', "")                 # no declaration at all
    out["baisha-plain-gbk.htm"] = page.encode("gb18030")
    out["baisha-copied.md"] = copied_markdown(a, paras).encode("utf-8")

    a, paras = arts["qinghe"]
    out["qinghe-govcn-saved.html"] = govcn(a).encode("utf-8")
    return out


# ---------------------------------------------------------------------------------------------
PDFS = {
    # name: (how it is made, from what)
    "qinghe-libreoffice.pdf": ("libreoffice", "qinghe"),
    "baisha-running-header.pdf": ("libreoffice-header", "baisha"),
    "hongshi-libreoffice.pdf": ("libreoffice", "hongshi"),
    "hongshi-browser-print.pdf": ("chromium", "hongshi-trs.html"),
}


def _running_header(docx_path: Path) -> None:
    """The report as a Word user lays out a published copy: the organ's name in the page header on
    every page and "第 X 页 共 Y 页" in the footer (PAGE and NUMPAGES fields)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document(str(docx_path))
    d.settings.odd_and_even_pages_header_footer = False          # one header and footer on every page
    for sec in d.sections:
        sec.different_first_page_header_footer = False
        sec.header.is_linked_to_previous = False
        sec.header.paragraphs[0].text = "白沙镇人民政府"
        foot = sec.footer
        foot.is_linked_to_previous = False
        p = foot.paragraphs[0]
        for r in list(p.runs):
            r._r.getparent().remove(r._r)
        for el in list(p._p):
            if el.tag.endswith("}fldSimple") or el.tag.endswith("}hyperlink"):
                p._p.remove(el)
        p.add_run("第 ")
        p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        p.add_run(" 页 共 ")
        p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" NUMPAGES "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        p.add_run(" 页")
        for extra in foot.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        for tb in foot._element.xpath(".//w:txbxContent"):          # drafter's page number is a text box
            anchor = tb.xpath("ancestor::w:r")
            if anchor:
                anchor[-1].getparent().remove(anchor[-1])
    d.save(str(docx_path))


def make_pdfs(out: Path, pages: Path, chromium: str = "/usr/bin/chromium") -> dict[str, Path]:
    """The corpus's PDFs, made by the real programs: LibreOffice (from drafter's .docx, one run for
    all) and Chromium (printing a saved page, with its date/title header and address footer)."""
    from drafter.pdf import convert

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as td:
        work = Path(td)
        docs = []
        for name, (how, src) in PDFS.items():
            if how.startswith("libreoffice"):
                d = rendered(src, work)
                if how == "libreoffice-header":
                    _running_header(d)
                named = work / (Path(name).stem + ".docx")
                d.rename(named)
                docs.append(named)
        made = {p.name: p for p in convert(docs, out)}
        for name, (how, src) in PDFS.items():
            if how == "chromium":
                target = out / name
                subprocess.run([chromium, "--headless", "--disable-gpu", "--no-sandbox",
                                f"--user-data-dir={work / 'chromium'}", f"--print-to-pdf={target}",
                                (pages / src).as_uri()], capture_output=True, timeout=120, check=True)
                made[name] = target
    return made


if __name__ == "__main__":
    files = build()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (OUT / name).write_bytes(data)
    print(f"wrote {len(files)} files to {OUT}")
    if "--pdf" in sys.argv:
        target = Path(sys.argv[sys.argv.index("--pdf") + 1])
        for name in make_pdfs(target, OUT):
            print(f"wrote {target / name}")
