"""FZ2xx: required content of the 法治政府建设年度情况报告 (《法治政府建设与责任落实督察工作规定》
第二十四条): part 三 is about the principal leaders' duties, part 四 about next year, no part is a
placeholder.  (A missing or empty part is FZ101/FZ104.)"""
from __future__ import annotations

import re

from . import WARNING, Finding, rule
from ._text import FORWARD_RE, texts, years

# patterns as text: re compiles them on first use (only for a part 三 that is thin or missing)
LEADERS_RE = r"主要负责人|主要负责同志|主要领导|党政负责人|一把手|书记|[县区市镇乡州旗]长|主任|局长|厅长|部长"
DUTY_RE = r"第一责任人|职责|履职|履行|述法|责任|带头|学法|部署|出庭|应诉|主持|专题研究|亲自|督办|督促|述职"
# a whole part that says nothing ("无" is a complete part 五 only)
PLACEHOLDER_WORDS = {"无", "暂无", "没有", "略", "同上", "待补充", "待填写", "待定", "待写", "见附件", "详见附件",
                     "内容", "正文", "此处填写", "填写", "todo", "tbd", "xxx", "…", "……"}
NONE_WORDS = {"无", "暂无", "没有", ""}
_STRIP = re.compile(r"[\s。.，,；;：:！!、（）()“”\"'‘’]+")


def _body(ctx, i: int) -> str:
    """The clerk's text of section i: its written heading, subheadings and paragraphs."""
    return "\n".join(t.text for t in texts(ctx) if t.section == i)


@rule("FZ201", "part3-duties", "第三部分没有写党政主要负责人履行第一责任人职责的情况", severity=WARNING,
      kinds=("fzzf",))
def part3_duties(ctx):
    """Part 三 reports how the 党政主要负责人 performed their duties as 第一责任人 for building the rule
    of law (the part reviewers most often find missing or thin).  Its text must name the leaders
    (主要负责人, 书记, 县长 …) and their duty (第一责任人, 职责, 履行 …).  drafter's default heading
    is not counted: the content itself must say it."""
    secs = ctx.sections_of("三")
    if not secs:
        return
    text = "\n".join(_body(ctx, i) for i in secs)
    missing = []
    if not re.search(LEADERS_RE, text):
        missing.append("党政主要负责人（如“县长”“主要负责人”）")
    if not re.search(DUTY_RE, text):
        missing.append("其履行第一责任人职责的情况")
    if missing and text.strip():
        yield Finding(("sections", secs[0]), f"第三部分没有提到{'和'.join(missing)}；请写明党政主要负责人如何履行"
                                             "推进法治建设第一责任人职责（如带头学法、研究部署、出庭应诉）")


@rule("FZ202", "part4-next-year", "第四部分没有写明是下一年度的安排", severity=WARNING, kinds=("fzzf",))
def part4_next_year(ctx):
    """Part 四 is next year's plan: its heading (as printed) or its text must name 年度+1, or at
    least speak of the future (将、计划、下一步、明年 …)."""
    secs = ctx.sections_of("四")
    y1 = ctx.report.year + 1
    for i in secs:
        sec = ctx.report.sections[i]
        body = _body(ctx, i)
        if not body.strip():
            continue        # FZ104
        # the body first: the printed heading may need the template's default wording (Jinja2)
        if _names_year_or_future(body, y1) or _names_year_or_future(ctx.composer.section_heading(sec) or "", y1):
            continue
        path = ("sections", i, "heading") if sec.heading else ("sections", i)
        yield Finding(path, f"第四部分应写{y1}年度的主要安排，但标题和内容都没有提到{y1}年或“下一步”“明年”等；"
                            f"请写明{y1}年的工作安排")


def _names_year_or_future(text: str, year: int) -> bool:
    return any(y.kind == "year" and y.year == year for y in years(text)) or bool(re.search(FORWARD_RE, text))


@rule("FZ203", "placeholder-part", "必备部分只有“无”“略”之类的占位文字", kinds=("fzzf",))
def placeholder_part(ctx):
    """A required part whose whole content is "无", "略", "待补充", "见附件" … says nothing.  Only a
    part that may be empty (五 其他需要报告的情况) may say "无"."""
    for i, sec in enumerate(ctx.report.sections):
        keys = ctx.part_keys(sec)
        paras = [t for t in texts(ctx) if t.section == i and t.role == "paragraph"]
        if not keys or not paras:
            continue                                # FZ104 reports an empty part
        flats = {_STRIP.sub("", t.text).lower() for t in paras}
        if not flats <= PLACEHOLDER_WORDS:
            continue
        parts = [ctx.kind.part(k) for k in keys]
        if flats <= NONE_WORDS and all(p.may_be_none for p in parts):
            continue
        label = "、".join(p.label for p in parts)
        said = "”“".join(dict.fromkeys(t.text.strip() for t in paras))
        yield Finding(paras[0].path, f"{label}只写了“{said}”；这一部分是必备内容，请填写实际情况", 0)


def _bare(name: str) -> str:
    """A name without spaces and invisible characters (FZ408 reports those)."""
    return re.sub(r"[\s\u200b-\u200f\u2060\ufeff\u00ad]+", "", name)


@rule("FZ204", "signature-org", "署名中没有发文机关", severity=WARNING)
def signature_org(ctx):
    """The report is made in the 发文机关's name: its 署名 is that organ (with the other organs when
    several report jointly).  A 署名 left from another report or another organ is sent back."""
    r = ctx.report
    sigs = [s for s in r.signatories if _bare(s)]
    if sigs and _bare(r.org) not in {_bare(s) for s in sigs}:
        for k, s in enumerate(r.signatories):       # "中共××委员会、××人民政府": organs written as one item
            parts = [x for x in re.split(r"[、，,；;]|\s{2,}|\u3000", s) if _bare(x)]
            if len(parts) > 1 and _bare(r.org) in {_bare(x) for x in parts}:
                yield Finding(("signatories", k), f"署名“{s.strip()}”把几个机关写在了一项里；联合署名请每个机关写一项，"
                                                  f"每项以“- ”开头，如：" + " / ".join(f"- {x.strip()}" for x in parts))
                return
        yield Finding(("signatories",), f"署名“{'、'.join(sigs)}”中没有发文机关“{r.org}”；{ctx.kind.noun}以发文机关的名义"
                                        "报送，署名应与发文机关一致（联合行文时也要有它），请核对")


@rule("FZ207", "joint-organs", "联合行文的发文机关标志与署名中的机关不一致", severity=WARNING)
def joint_organs(ctx):
    """A joint report (联合行文) names its organs twice: in the 发文机关标志 (§7.2.4, the main one first)
    and in the 署名 (§7.3.5, in the same order).  An organ added or moved in one place only is a
    slip a reviewer sends back."""
    r = ctx.report
    if r.header == "无":
        return
    from ..gbt9704 import FILE_FLAG_WORD

    # (文件 written after an organ, or as an item of its own, is no organ)
    flag = [y for y in (_bare(x).removesuffix(FILE_FLAG_WORD) for x in r.flag) if y]
    signed = [_bare(x) for x in r.signatories if _bare(x)]
    if len(flag) < 2 or len(signed) < 2 or flag == signed:
        return
    if set(flag) == set(signed):
        yield Finding(("signatories",), f"署名的顺序（{'、'.join(signed)}）与发文机关标志（{'、'.join(flag)}）不同；"
                                        "联合行文的署名请按发文机关标志的顺序排列，主办机关在前")
        return
    only_flag = [x for x in flag if x not in signed]
    only_signed = [x for x in signed if x not in flag]
    parts = ([f"发文机关标志中的“{'、'.join(only_flag)}”不在署名中"] if only_flag else []) + \
            ([f"署名中的“{'、'.join(only_signed)}”不在发文机关标志中"] if only_signed else [])
    yield Finding(("signatories",), "；".join(parts) + "；联合行文的署名与发文机关标志应是同样几个机关，请核对")


@rule("FZ205", "file-signer", "文件格式的上行文没有标注签发人", severity=WARNING)
def file_signer(ctx):
    """A 上行文 in the 文件 format carries the 签发人 (GB/T 9704 §7.2.6).  The annual report goes up (to
    the 党委, the 人大常委会 and the government above: kind.yaml ``upward: true``); any other 公文 is a
    上行文 when its title names a 请示 or a 报告 (《党政机关公文处理工作条例》第八条)."""
    from ..conventions import doc_kind_of_title

    r = ctx.report
    upward = ctx.kind.extra.get("upward") or doc_kind_of_title(ctx.composer.title_text().replace("\n", "")) in ("请示", "报告")
    if upward and r.header == "文件" and not any(_bare(s) for s in r.signers):
        yield Finding(("header",), "文件格式的上行文应标注签发人（GB/T 9704 §7.2.6）；请写“签发人: ”加签发的主要负责人姓名")


_TOWNSHIP_RE = r"[乡镇](?:人民政府|党委|委员会)?$"
_CONGRESS_RE = r"人大常委会|人民代表大会常务委员会"


@rule("FZ206", "township-addressee", "乡镇的报告主送了人大常委会", severity=WARNING, kinds=("fzzf",))
def township_addressee(ctx):
    """Townships report to the county/district 党委和政府; a 人大常委会 is no addressee of theirs
    (县级以上政府 report to their 人大常委会; a township has a 人大主席团)."""
    r = ctx.report
    if not re.search(_TOWNSHIP_RE, _bare(r.org)):
        return
    for i, who in enumerate(r.recipients):
        if re.search(_CONGRESS_RE, who):
            yield Finding(("recipients", i), f"乡镇的法治政府建设年度报告报送县（区）党委和政府，不主送“{who}”"
                                             "（县级以上政府才向本级人大常委会报告）；请核对主送机关")
