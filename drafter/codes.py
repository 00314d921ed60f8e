"""Every code drafter prints, in one registry: its severity, a one-line Chinese summary, where it
applies, and its group.  ``drafter rules`` lists them all.

- FZ0xx: reading and writing files and the commands themselves (raised where a file is read or
  written: the loader, the readers, the writer) — the table ``COMMAND`` below.
- FZ1xx–FZ9xx: the check rules (``drafter.rules``: each registered with ``@rule`` beside its code,
  which also runs on the text of a Word file where :data:`drafter.inspect.content.CONTENT_PREFIXES`
  says so).
- GB1xx–GB9xx: ``drafter inspect``'s findings on a .docx against GB/T 9704 — the table ``GB`` below.

A test fails for a code written anywhere in drafter that is not here, and for a code here that no
test emits (tests/test_codes.py).
"""
from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import ERROR, INFO, WARNING

E, W, I = ERROR, WARNING, INFO

# where a code can be printed
YAML, DOCX, BOTH, FILE = "yaml", "docx", "both", "file"      # FILE: any input or output file, or the command
APPLIES_ZH = {YAML: "报告 YAML", DOCX: "Word 文件", BOTH: "YAML 和 Word 文件", FILE: "文件与命令"}


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    summary: str          # one line, Chinese
    applies: str          # yaml | docx | both | file
    name: str = ""        # a rule's English id ("missing-part")
    fixable: bool = False # check --fix corrects it

    @property
    def group(self) -> str:
        return group_of(self.code)


# FZ0xx: the loader's, the readers' and the commands' own (code -> severity, summary, applies)
COMMAND: dict[str, tuple[str, str, str]] = {
    "FZ001": (E, "文件不存在、无法读取，或不是普通文件（管道、设备）", FILE),
    "FZ002": (E, "给出的是文件夹，不是文件", FILE),
    "FZ003": (E, "文件过大，不像是一份报告", FILE),
    "FZ004": (E, "文件编码无法可靠识别（不带标记的 UTF-16 等）", YAML),
    "FZ005": (I, "文件是 GBK/GB18030 编码，已按此读取", YAML),
    "FZ006": (I, "文件是 UTF-16 编码，已按此读取", YAML),
    "FZ007": (E, "文件是空的", FILE),
    "FZ008": (E, "交给 check/render 的不是 YAML（是 Word、PDF 等文件），应改用 import 或 inspect", YAML),
    "FZ010": (E, "YAML 写法错误（引号、冒号、缩进、列表的“- ”等）", YAML),
    "FZ011": (E, "缩进里有 Tab 字符", YAML),
    "FZ012": (E, "同一项写了两次", YAML),
    "FZ013": (E, "YAML 中有不允许的标记（如 !!python/object）", YAML),
    "FZ014": (E, "YAML 引用（别名）无法解析或展开过大", YAML),
    "FZ015": (E, "嵌套层次过深", YAML),
    "FZ016": (E, "文字中有不可见的控制字符", YAML),
    "FZ017": (E, "文件最外层不是若干“键: 值”", YAML),
    "FZ020": (E, "缺少必填项", YAML),
    "FZ021": (E, "无法识别的项（键名写错）", YAML),
    "FZ022": (E, "名称列表的一项又写成了列表", YAML),
    "FZ023": (E, "年度不是四位数字的年份", YAML),
    "FZ024": (E, "列表项的“-”后面没有空格", YAML),
    "FZ025": (E, "应为若干“键: 值”的地方写成了别的", YAML),
    "FZ026": (E, "只能是几个选项之一的项写了别的值", YAML),
    "FZ027": (E, "日期写法不对或日期不存在", YAML),
    "FZ028": (E, "应填 是 或 否 的项写了别的", YAML),
    "FZ029": (E, "某一项的值不符合要求（类型、长度等）", YAML),
    "FZ030": (E, "一段文字中的半角冒号加空格被当成了“键: 值”", YAML),
    "FZ032": (E, "不认识的报告类型", YAML),
    "FZ033": (E, "配置文件 drafter.toml 格式错误", FILE),
    "FZ034": (E, "--from 给出的不是上一年度的报告", FILE),
    "FZ035": (W, "“启用/忽略”中写的不是规则代码，不起作用", YAML),
    "FZ036": (I, "按“忽略”的设置，有错误没有列出", YAML),
    "FZ040": (E, "表格的 CSV 文件无法读取", YAML),
    "FZ041": (E, "表格的 CSV 文件既不是 UTF-8 也不是 GBK 编码", YAML),
    "FZ042": (E, "表格是空的", YAML),
    "FZ043": (E, "表格各行的格数不一样", YAML),
    "FZ044": (E, "表格列数太多，最小的字号也排不下", YAML),
    "FZ050": (E, "输出文件就是输入文件", FILE),
    "FZ051": (E, "输出文件已存在（不加 --force 不覆盖）", FILE),
    "FZ052": (E, "文件无法读取或写入（权限等）", FILE),
    "FZ053": (E, "输出位置是一个文件夹（末尾要加 /）", FILE),
    "FZ054": (E, "磁盘空间不足，无法写入", FILE),
    "FZ055": (E, "输出文件的扩展名不对", FILE),
    "FZ056": (E, "修正期间文件被改动，未写入", FILE),
    "FZ057": (E, "多个输入时 -o 应是文件夹", FILE),
    "FZ060": (E, "没有安装 LibreOffice，无法生成或测量 PDF", FILE),
    "FZ061": (E, "LibreOffice 转换失败或超时", FILE),
    "FZ062": (E, "读取或测量 PDF 所需的组件没有安装（pypdfium2、pdfplumber）", FILE),
    "FZ070": (E, "模板目录不存在或不完整", YAML),
    "FZ071": (E, "模板缺少必需的宏", YAML),
    "FZ072": (E, "模板在沙箱中做了不允许的事", YAML),
    "FZ080": (E, "不是 .docx 文件（旧版 .doc、非 zip 文件、YAML 等）", DOCX),
    "FZ081": (E, "文件已损坏或不完整（Word 文件、PDF）", FILE),
    "FZ082": (E, "文件解压后异常庞大（压缩炸弹）", DOCX),
    "FZ083": (E, "不是 Word 文档，或内部结构不是 Word 文档应有的样子", DOCX),
    "FZ084": (E, "文件含 DTD/实体声明或非常规编码（XXE）", DOCX),
    "FZ085": (E, "文件设置了打开密码（Word 文件、PDF）", FILE),
    "FZ086": (E, "文件过大（Word 文件或其中的 XML 部件、PDF 的大小或页数）", FILE),
    "FZ090": (E, "import 不支持这种文件类型，或文件的内容与扩展名不符（如存成 .pdf 的网页）", FILE),
    "FZ091": (E, "内部错误：导入结果读不回来", FILE),
    "FZ092": (E, "文件中没有找到文字（网页没有正文、没有保存完整，或只有附件链接）", FILE),
    "FZ093": (E, "PDF 中没有可读的文字（扫描件、图片，或字体没有文字编码）", FILE),
    "FZ099": (E, "drafter 处理这一份时出了内部错误（批量中）", FILE),
}

# GB1xx page and grid · GB2xx fonts and sizes · GB3xx heading levels, numbering and indents · GB4xx
# 版头 · GB5xx 主送机关, 署名, 成文日期, 附注, 版记 · GB6xx page numbers · GB8xx measured on the PDF
# (--pdf) · GB9xx the file itself.  (code -> severity, summary; all apply to Word files)
GB: dict[str, tuple[str, str]] = {
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
    "GB513": (W, "附件说明与附件页的顺序、名称或件数不一致"),
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

GROUPS = {
    "FZ0": "读取文件与命令", "FZ1": "报告的结构与必备要素", "FZ2": "必备部分的内容", "FZ3": "年份与期限",
    "FZ4": "标点与空格", "FZ5": "发文字号", "FZ6": "序号与列举", "FZ7": "数字与比率", "FZ8": "用字",
    "FZ9": "沿用上年的文字",
    "GB1": "纸张、版心与行字数", "GB2": "字体与字号", "GB3": "层次序号与缩进", "GB4": "版头",
    "GB5": "主送机关、署名、成文日期、附注、版记", "GB6": "页码", "GB8": "按 PDF 测量（--pdf）", "GB9": "文件本身",
}


def group_of(code: str) -> str:
    return GROUPS.get(code[:3], "")


_REGISTRY: dict[str, Code] | None = None


def registry() -> dict[str, Code]:
    """Every code, in code order."""
    global _REGISTRY
    if _REGISTRY is None:
        from .inspect.content import CONTENT_PREFIXES
        from .rules import load_all

        out = {c: Code(c, sev, text, applies) for c, (sev, text, applies) in COMMAND.items()}
        for c, r in load_all().items():
            out[c] = Code(c, r.severity, r.summary, BOTH if c.startswith(CONTENT_PREFIXES) else YAML, r.name,
                          r.fixable)
        out.update({c: Code(c, sev, text, DOCX) for c, (sev, text) in GB.items()})
        _REGISTRY = dict(sorted(out.items()))
    return _REGISTRY


def severity_of(code: str) -> str:
    """A code's default severity (GB and FZ0xx codes without the rules module loaded)."""
    if code in GB:
        return GB[code][0]
    if code in COMMAND:
        return COMMAND[code][0]
    r = registry().get(code)
    return r.severity if r else ERROR
