"""Findings of ``drafter inspect``: stable codes, Chinese messages, place, expected and found values."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import ERROR, INFO, SEVERITY_ZH, WARNING

E, W, I = ERROR, WARNING, INFO

# code -> (default severity, one-line summary).  GB1xx page and grid · GB2xx fonts and sizes ·
# GB3xx heading levels, numbering and indents · GB4xx 版头 · GB5xx 主送机关, 署名, 成文日期, 附注, 版记 ·
# GB6xx page numbers · GB8xx measured on the PDF (--pdf) · GB9xx the file itself.
# Content findings keep the codes of ``drafter check`` (FZ3xx years, FZ4xx punctuation, …).
CODES: dict[str, tuple[str, str]] = {
    "GB101": (E, "纸张不是 A4（210 mm × 297 mm）"),
    "GB102": (E, "纸张方向不是纵向"),
    "GB103": (E, "上白边（天头）不是 37 mm ± 1 mm"),
    "GB104": (E, "左白边（订口）不是 28 mm ± 1 mm"),
    "GB105": (E, "版心宽度不是 156 mm（右白边应为 26 mm）"),
    "GB106": (E, "版心高度不是 225 mm（下白边应为 35 mm）"),
    "GB107": (W, "设置了对称页边距或装订线"),
    "GB110": (E, "行距不能使每面排 22 行"),
    "GB111": (W, "行距依赖文档网格：LibreOffice、WPS 排出的行数可能不是 22 行"),
    "GB112": (W, "每面 22 行但未撑满版心"),
    "GB113": (E, "字符间距不能使每行排 28 个字"),
    "GB114": (W, "使用了字符网格（linesAndChars）：LibreOffice 每行只排约 14 个字"),
    "GB115": (W, "正文段落不是两端对齐"),
    "GB116": (W, "段前、段后间距使正文离开行网格"),
    "GB201": (W, "使用了主题字体：WPS 可能显示为缺失字体或换用别的字体"),
    "GB202": (E, "正文（含主送机关、署名、日期、附注）不是仿宋体"),
    "GB203": (E, "正文（含各级标题、主送机关、署名、日期、附注）不是 3 号字（16 磅）"),
    "GB204": (E, "标题不是小标宋体"),
    "GB205": (E, "标题不是 2 号字（22 磅）"),
    "GB206": (E, "标题没有居中"),
    "GB207": (E, "没有找到公文标题"),
    "GB208": (E, "文字不是黑色（只有发文机关标志、红线、印章用红色）"),
    "GB301": (E, "一级标题“一、”不是黑体"),
    "GB302": (E, "二级标题“（一）”不是楷体"),
    "GB303": (E, "三级标题“1.”不是仿宋体"),
    "GB304": (E, "四级标题“（1）”不是仿宋体"),
    "GB305": (E, "层次序号写法不对（如“(一)”“一.”“1、”“（一）、”）"),
    "GB306": (E, "层次序号跳号"),
    "GB307": (E, "层次序号重复或倒退"),
    "GB308": (W, "层次跳级（如“一、”下直接用“1.”）"),
    "GB309": (W, "层次序号用自动编号生成：WPS、LibreOffice 可能编成别的序号"),
    "GB310": (E, "段落首行缩进不是 2 字"),
    "GB311": (E, "正文段落有左缩进或右缩进（回行应顶格）"),
    "GB312": (W, "层次标题没有另起一段"),
    "GB313": (W, "部分标题没有层次序号（如“一、”）"),
    "GB401": (E, "发文机关标志不是红色"),
    "GB402": (W, "发文机关标志不是小标宋体"),
    "GB403": (E, "发文字号的年份没有用六角括号〔〕"),
    "GB404": (E, "发文字号格式不对（年份、序号、“第”字）"),
    "GB405": (E, "版头没有红色分隔线"),
    "GB406": (W, "信函格式的红色双线不全"),
    "GB407": (W, "红色分隔线长度不对"),
    "GB408": (W, "信函格式双线粗细次序不对"),
    "GB409": (W, "发文字号位置不对"),
    "GB410": (W, "有发文字号，却没有发文机关标志（红头）"),
    "GB411": (W, "“签发人”三字不是仿宋体，或签发人姓名不是楷体"),
    "GB501": (E, "主送机关末尾不是全角冒号“：”"),
    "GB502": (E, "主送机关没有顶格"),
    "GB503": (E, "日期格式不对（应为阿拉伯数字、年份写全、不编虚位：2024年12月20日）"),
    "GB504": (W, "署名或成文日期用空格排位"),
    "GB505": (W, "署名和成文日期的位置不对"),
    "GB506": (E, "附注没有用全角圆括号"),
    "GB507": (W, "附注位置或缩进不对"),
    "GB508": (E, "版记不是 4 号字"),
    "GB509": (W, "版记格式不对（“抄送：”、句号、“印发”）"),
    "GB510": (W, "版记不在公文最后（抄送等出现在正文中）"),
    "GB511": (W, "版记分隔线不对（信函格式不加，通用格式要加）"),
    "GB512": (W, "没有成文日期（无版头、无署名的网上公开稿为提示）"),
    "GB601": (E, "没有页码"),
    "GB602": (E, "页码不是“— 1 —”形式（一字线）"),
    "GB603": (E, "页码不是自动页码（PAGE 域）"),
    "GB604": (E, "页码不是 4 号字"),
    "GB605": (E, "页码不是宋体"),
    "GB606": (E, "没有设置“奇偶页不同”：单页码居右、双页码居左无法实现"),
    "GB607": (E, "单页码不居右或双页码不居左"),
    "GB608": (W, "页码没有空一字"),
    "GB609": (E, "信函格式首页不应显示页码"),
    "GB610": (W, "页脚距离使页码不在版心下边缘以下 7 mm"),
    "GB611": (W, "首页没有页码"),
    "GB612": (E, "页眉中有文字（公文不设页眉）"),
    "GB613": (E, "页眉有横线（Word“页眉”样式的下框线）"),
    "GB801": (E, "PDF 纸张不是 A4"),
    "GB802": (E, "PDF 中满页不是 22 行"),
    "GB803": (E, "PDF 中行距不对"),
    "GB804": (E, "PDF 中每行不是 28 个字"),
    "GB805": (E, "PDF 中正文超出版心"),
    "GB806": (W, "PDF 中版心上边缘位置不对"),
    "GB807": (W, "PDF 中页码位置不对"),
    "GB808": (E, "PDF 中页码缺失或多余"),
    "GB809": (W, "PDF 中版头位置不对"),
    "GB810": (W, "PDF 中版记分隔线位置不对（末条应与版心下边缘重合）"),
    "GB901": (W, "文件中有未处理的修订"),
    "GB902": (W, "文件中有批注"),
    "GB903": (W, "文件中有隐藏文字"),
}


@dataclass
class Finding:
    code: str
    message: str
    severity: str = ""
    paragraph: int | None = None
    excerpt: str | None = None
    place: str | None = None          # where, when not a paragraph: "第1节页面设置", "页脚（单页）", "第3页"
    expected: str | None = None
    found: str | None = None
    page: int | None = None
    paragraphs: list[int] = field(default_factory=list)
    file: str | None = None

    def __post_init__(self):
        if not self.severity:
            self.severity = CODES.get(self.code, (E, ""))[0]
        if self.paragraph is not None and not self.paragraphs:
            self.paragraphs = [self.paragraph]

    @property
    def where(self) -> str:
        parts = []
        if self.paragraph is not None:
            p = f"第{self.paragraph}段"
            if self.excerpt:
                p += f"“{self.excerpt}”"
            if len(self.paragraphs) > 1:
                p += f"等{len(self.paragraphs)}段"
            parts.append(p)
        if self.place:
            parts.append(self.place)
        if self.page is not None and not (self.place and "页" in self.place):
            parts.append(f"第{self.page}页")
        return "，".join(parts)

    def format(self) -> str:
        head = f"{self.file}: " if self.file else ""
        where = f"〔{self.where}〕" if self.where else ""
        ef = []
        if self.expected is not None:
            ef.append(f"应为：{self.expected}")
        if self.found is not None:
            ef.append(f"实际：{self.found}")
        tail = f"（{'；'.join(ef)}）" if ef else ""
        return f"{head}{SEVERITY_ZH.get(self.severity, self.severity)} {self.code} {where}{self.message}{tail}"

    def to_json(self) -> dict:
        return {"code": self.code, "severity": self.severity, "message": self.message, "file": self.file,
                "where": self.where, "paragraph": self.paragraph, "paragraphs": self.paragraphs,
                "excerpt": self.excerpt, "place": self.place, "page": self.page, "expected": self.expected,
                "found": self.found}


def excerpt(text: str, n: int = 12) -> str:
    t = " ".join(text.replace("\t", " ").replace("\n", " ").split())
    return t if len(t) <= n else t[:n] + "…"


# codes whose expected/found name the item itself (each heading's own number): merged by message,
# listing the first few values
LOOSE = {"GB305", "GB309"}
MAX_LISTED = 4


def merge(findings: list[Finding]) -> list[Finding]:
    """One finding per (code, message, expected, found, place): the first paragraph is shown and the
    others are counted, so a style applied to 200 paragraphs gives one line, not 200."""
    out: list[Finding] = []
    index: dict[tuple, Finding] = {}
    values: dict[int, tuple[list, list]] = {}
    for f in findings:
        loose = f.code in LOOSE
        key = (f.code, f.severity, f.message, f.place, f.page) + (() if loose else (f.expected, f.found))
        if f.paragraph is not None and key in index:
            g = index[key]
            for p in f.paragraphs:
                if p not in g.paragraphs:
                    g.paragraphs.append(p)
            if loose:
                exp, fnd = values[id(g)]
                if f.found not in fnd:
                    exp.append(f.expected)
                    fnd.append(f.found)
            continue
        index[key] = f
        out.append(f)
        if loose:
            values[id(f)] = ([f.expected], [f.found])
    for f in out:
        if id(f) in values:
            exp, fnd = values[id(f)]
            more = "等" if len(fnd) > MAX_LISTED else ""
            f.expected = "".join(f"“{x}”" for x in exp[:MAX_LISTED]) + more if len(exp) > 1 else f.expected
            f.found = "".join(f"“{x}”" for x in fnd[:MAX_LISTED]) + more if len(fnd) > 1 else f.found
    return _merge_places(out)


def _merge_places(findings: list[Finding]) -> list[Finding]:
    """One finding for the same fault in many places that are no paragraphs (the footer of each of
    eleven sections, the page setup of each section): the first place is shown and the others named
    or counted."""
    out: list[Finding] = []
    index: dict[tuple, Finding] = {}
    places: dict[int, list[str]] = {}
    for f in findings:
        key = (f.code, f.severity, f.message, f.expected, f.found)
        if f.paragraph is None and f.place and f.page is None:
            g = index.get(key)
            if g is not None:
                if f.place not in places[id(g)]:
                    places[id(g)].append(f.place)
                continue
            index[key] = f
            places[id(f)] = [f.place]
        out.append(f)
    for f in out:
        ps = places.get(id(f), [])
        if len(ps) > 1:
            shown = "、".join(ps[:MAX_LISTED])
            f.place = shown + (f"等 {len(ps)} 处" if len(ps) > MAX_LISTED else "")
    return out
