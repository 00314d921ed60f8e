"""The report model: the single source of truth for the YAML a clerk writes.

Field names are English (code); every field's alias is the Chinese key a clerk writes, and the JSON
schema (``drafter schema``) is generated from these classes with the Chinese keys.  English keys are
accepted too: the loader maps both to the field names before validation.

The model is kind-neutral: a top-level section says which required part(s) of its report kind it
serves (``部分``); the kind's data (``templates/<kind>/kind.yaml``) says which parts exist.
"""
import datetime as _dt
import re
from typing import Annotated, Any, Literal, Union

from pydantic import (BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, PrivateAttr, Tag,
                      WithJsonSchema, field_validator)
from pydantic_core import PydanticCustomError

from .conventions import date_parts
from .textutil import CN_DIGITS, ascii_digits, join_lines

_TRUE = {"是", "有", "对", "要", "需要", "加盖", "盖章", "yes", "true", "y", "on", "1"}
_FALSE = {"否", "无", "不", "不要", "不需要", "no", "false", "n", "off", "0", ""}


def _yes_no(v: Any) -> Any:
    if isinstance(v, bool) or v is None:
        return bool(v)
    if isinstance(v, str):
        s = v.strip().lower()
        if s in _TRUE:
            return True
        if s in _FALSE:
            return False
    raise PydanticCustomError("yes_no", "应填 是 或 否")


DASH_NO_SPACE = re.compile(r"\s*-(?=[^\s\-])")     # "-青原市司法局": YAML reads the list as one text


def _str_list(v: Any) -> Any:
    """A single name may be written without the list dash."""
    if isinstance(v, str):
        if DASH_NO_SPACE.match(v):
            raise PydanticCustomError("dash_space", "")
        return [v]
    return v


def _part_list(v: Any) -> Any:
    """部分: 一 / 部分: 5 / 部分: [二, 三]: a number is the part's number (FZ105 judges it); left
    empty, the section serves no required part."""
    def one(x: Any) -> Any:
        if isinstance(x, float) and x.is_integer():       # "部分: 5." (the heading's "5.") reads as 5.0
            return str(int(x))
        return str(x) if isinstance(x, int) and not isinstance(x, bool) else x

    if v is None:
        return []
    if isinstance(v, list):
        return [one(x) for x in v]
    v = one(v)
    return [v] if isinstance(v, str) else v


def _date(v: Any) -> Any:
    """A date as clerks write it (2024年12月20日, 2024-12-20, 2024年12月20号, 二〇二四年十二月二十日,
    20241220 …): the document prints it the GB/T 9704 way (§7.3.5.1: Arabic numerals) whatever the
    YAML says.  A two-digit year is refused with the full form to write instead."""
    if v is None or isinstance(v, _dt.date) and not isinstance(v, _dt.datetime):
        return v
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, int) and not isinstance(v, bool):
        v = str(v)                                   # 20241220 read by YAML as a number
    if isinstance(v, str):
        parts = date_parts(v)
        if parts is not None:
            shown = "{}年{}月{}日".format(*parts)
            try:
                day = _dt.date(*parts)
            except ValueError:
                raise PydanticCustomError(
                    "date_invalid", "日期“{value}”不存在，请核对年、月、日", {"value": v.strip()})
            if not re.match(rf"\s*[0-9０-９{CN_DIGITS}]{{4}}", v):        # 25年1月20日
                raise PydanticCustomError(
                    "date_format", "年份要写全，应写成“{good}”", {"good": shown})
            return day
    raise PydanticCustomError(
        "date_format", "日期应写成“2024年12月20日”或“2024-12-20”", {})


def _year(v: Any) -> Any:
    if isinstance(v, bool):          # "年度: yes" would read as the year 1
        return "是" if v else "否"
    if isinstance(v, str):
        t = ascii_digits(v.strip(" \u3000"))
        m = re.fullmatch(r"(\d{4})\s*(?:年度?)?", t)         # 2024年 / 2024年度 / ２０２４ / 二〇二四
        if m:
            return int(m.group(1))
    return v


def _one_line(v: Any) -> Any:
    """A name or number written as a "|" block over several lines is still one line."""
    if isinstance(v, str) and "\n" in v.strip():
        return join_lines(v.split("\n"))
    return v


YesNo = Annotated[bool, BeforeValidator(_yes_no)]
OneLine = Annotated[str, BeforeValidator(_one_line)]
StrList = Annotated[list[str], BeforeValidator(_str_list)]
# 发文机关标志: one organ's name, or (联合行文, §7.2.4) a list of organs, the main one first
FlagList = Annotated[list[OneLine], BeforeValidator(lambda v: [] if v is None else _str_list(v)),
                     WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}},
                                               {"type": "null"}]})]
PartList = Annotated[list[str], BeforeValidator(_part_list)]
Date = Annotated[_dt.date, BeforeValidator(_date)]
Year = Annotated[int, BeforeValidator(_year)]


def _shown(title: str, description: str) -> ConfigDict:
    """The title and description editors show for a block of the YAML (JSON schema); the class
    docstring is for developers."""
    return ConfigDict(title=title, json_schema_extra={"description": description})


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_by_name=True, validate_by_alias=True,
                              loc_by_alias=False, serialize_by_alias=True, defer_build=True)


# Python functions rather than the builtins list/dict as default factories: pydantic inspects a
# factory's signature, and a builtin's is parsed from text with the tokenizer (~3 ms a command).
def _empty_list() -> list:
    return []


def _empty_dict() -> dict:
    return {}


# A nested settings block that the YAML leaves out defaults to ``X.model_construct``: its values are
# drafter's own defaults, so they are not validated (which would build a second validator for X
# besides the one inside Report's, ~1 ms a command).


def F(alias: str, default: Any = ..., description: str = "", **kw) -> Any:
    """A field whose YAML key is the Chinese ``alias``."""
    return Field(default, alias=alias, description=description, **kw)


# ---------------------------------------------------------------------------------------------
class Fonts(Base):
    """Font names as written into the .docx (GB/T 9704 §5.2.2, §7.3; spec §8).  Settings, not constants."""

    model_config = _shown("字体",
                     "写入 .docx 的各类文字的字体名（GB/T 9704 §5.2.2、§7.3）；本机没有某种字体时，可在这里或 drafter.toml 的 [fonts] 中改用别的字体名")

    fangsong: str = F("仿宋", "仿宋_GB2312", "正文、主送机关、署名、日期、版记所用仿宋体字体名，如 仿宋_GB2312 或 仿宋")
    kaiti: str = F("楷体", "楷体_GB2312", "二级标题“（一）”所用楷体字体名，如 楷体_GB2312 或 楷体")
    heiti: str = F("黑体", "黑体", "一级标题“一、”所用黑体字体名")
    xiaobiaosong: str = F("小标宋", "方正小标宋简体", "标题和发文机关标志所用小标宋体字体名")
    songti: str = F("宋体", "宋体", "页码所用宋体字体名")
    latin: str = F("西文", "Times New Roman", "数字和西文字母所用字体名")


# GB/T 9704 §7.3.3: the 结构层次序数, in their order; a document may skip a level ("一、" then "1.")
LEVEL_STYLES = ("一、", "（一）", "1.", "（1）")
_LEVEL_SPELLINGS = {"一、": "一、", "（一）": "（一）", "(一)": "（一）", "1.": "1.", "1．": "1.", "1、": "1.",
                    "（1）": "（1）", "(1)": "（1）"}


def _level_styles(v: Any) -> Any:
    """层次序号: the numbering of levels 1, 2 … as the document uses them, in the standard's order
    (一、（一）1.（1）), each once; a level the document skips is left out ([一、, 1.])."""
    if isinstance(v, str):
        v = [x for x in re.split(r"[\s,，]+", v.strip()) if x]
    if not isinstance(v, list):
        return v
    out = []
    for x in v:
        if isinstance(x, (int, float)) and not isinstance(x, bool) and x == 1:
            x = "1."                                  # YAML reads "1." as the number 1.0
        s = _LEVEL_SPELLINGS.get(str(x).strip().replace(" ", ""))
        if s is None:
            raise PydanticCustomError("level_styles", "每一项只能是 一、 （一） 1. （1） 之一，这里是“{value}”",
                                      {"value": str(x)})
        out.append(s)
    if not out or [LEVEL_STYLES.index(s) for s in out] != sorted({LEVEL_STYLES.index(s) for s in out}):
        raise PydanticCustomError("level_styles", "应按 一、 （一） 1. （1） 的顺序写出所用的层次，每种只写一次，"
                                                  "如 [一、, 1.]", {})
    return out


LevelStyles = Annotated[list[str], BeforeValidator(_level_styles)]


def _standard_levels() -> list:
    return list(LEVEL_STYLES)


class Layout(Base):
    """Layout choices the standard leaves open (spec §13)."""

    model_config = _shown("格式",
                     "GB/T 9704 没有规定、可以自行选择的排版设置")

    fonts: Fonts = F("字体", default_factory=Fonts.model_construct, description="各类文字所用字体")
    run_in: YesNo = F("小标题接排", False, "是：“（一）小标题。正文……”排在同一段；否：小标题单独成行")
    level3_bold: YesNo = F("三级标题加粗", False, "“1.”级标题是否加粗（GB/T 9704 只规定用仿宋，默认不加粗）")
    show_recipients: YesNo = F("显示主送机关", True, "网上公开版可不显示主送机关")
    templates: str | None = F("模板目录", None, "自定义 Jinja2 模板目录（复制 templates/ 下的目录后修改）")
    table_size: Literal["4号", "小4", "5号"] = F("表格字号", "4号",
                                                 "表格文字的字号；表格太宽时自动缩小，最小 5号")
    levels: LevelStyles = F("层次序号", default_factory=_standard_levels,
                            description="各层标题的序号，依次写出所用的层次，如 [一、, 1.]（“一、”下直接用“1.”）；"
                                        "默认 [一、, （一）, 1., （1）]（GB/T 9704 §7.3.3）")

    def level_of(self, depth: int) -> int:
        """The standard level (1 一、 … 4 （1）) whose numbering and font a heading at ``depth`` (1 = a
        section's heading) takes: the 层次序号 written, then the standard's next ones (over 4: too deep)."""
        used = [LEVEL_STYLES.index(x) + 1 for x in self.levels] or [1]
        return used[depth - 1] if depth <= len(used) else used[-1] + depth - len(used)


class CheckSettings(Base):
    """Which content rules run, and their settings (like ruff's [tool.ruff])."""

    model_config = _shown("检查",
                     "运行哪些检查规则，以及报送期限、公开期限")

    select: StrList = F("启用", default_factory=_empty_list,
                        description="只看这些规则的警告，如 [FZ3, FZ401]；错误总会列出")
    ignore: StrList = F("忽略", default_factory=_empty_list,
                        description="不看这些规则的警告，如 [FZ401]；错误要写完整代码（如 FZ115）才不列出")
    deadline: str | None = F("报送期限", None, "报送上级的期限（次年的月-日），默认 03-01")
    publish_deadline: str | None = F("公开期限", None, "向社会公开的期限（次年的月-日），默认 04-01")


# ---------------------------------------------------------------------------------------------
TABLE_KEYS = ("表格", "table")


def _item_kind(v: Any) -> str | None:
    if isinstance(v, str):
        return "段落"
    if isinstance(v, TableItem) or isinstance(v, dict) and any(k in v for k in TABLE_KEYS):
        return "表格"
    if isinstance(v, dict) or isinstance(v, Subsection):
        return "小标题"
    return None


def _cell(v: Any) -> Any:
    """A cell as written: text, or a number YAML read as one (1234, 97.2) printed as written."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, (int, float)):
        return str(v)
    if isinstance(v, _dt.date):
        return f"{v.year}年{v.month}月{v.day}日"
    return v


def _rows(v: Any) -> Any:
    """表头 written as one row ([a, b, c]) is a list of one row."""
    if isinstance(v, list) and v and not any(isinstance(x, list) for x in v):
        return [v]
    return [] if v is None else v


Cell = Annotated[str, BeforeValidator(_cell)]
Rows = Annotated[list[list[Cell]], BeforeValidator(_rows)]


class Table(Base):
    """A table (统计表) where a paragraph may stand: rows written in the YAML, or read from a CSV file."""

    model_config = _shown("表格",
                     "一个表格：写出表头和各行，或用“来自”读取 CSV 文件（Excel 另存为 CSV）")

    title: str | None = F("标题", None, "表格标题，居中排在表格上方，如：2024年行政执法案件统计表")
    header: Rows = F("表头", default_factory=_empty_list,
                     description="表头的一行或几行，如 [类别, 数量（件）, 同比]；几行时每行一项")
    rows: Rows = F("行", default_factory=_empty_list, description="表格的各行，每行写成 [第一格, 第二格, …]")
    source: str | None = F("来自", None, "CSV 文件（UTF-8 或 GBK，相对于本 YAML 文件），如：执法统计.csv")
    header_rows: int | None = F("表头行数", None, "用“来自”时 CSV 文件开头几行是表头，默认 1（写了“表头”时为 0）")
    note: str | None = F("说明", None, "排在表格下方的说明，如：注：数据截至2024年12月31日。")


class TableItem(Base):
    """An item of a 内容 list that is a table: ``- 表格: {…}``."""

    model_config = _shown("表格项", "内容中的一个表格")

    table: Table = F("表格", description="表格：标题、表头、行、说明，或“来自”CSV 文件")


# Annotations are evaluated as the classes are made (no ``from __future__ import annotations``):
# pydantic then has no annotation strings to compile (~5 ms of every command); only this forward
# reference to Subsection is left, and pydantic resolves it when the models are first used (they
# are built then, not on import: Base's defer_build; an explicit model_rebuild() here would build
# Subsection and Section twice, once alone and again inside Report).
Item = Annotated[
    Union[Annotated[str, Tag("段落")], Annotated["Subsection", Tag("小标题")], Annotated[TableItem, Tag("表格")]],
    Discriminator(_item_kind, custom_error_type="item_kind",
                  custom_error_message="每一项应为一段文字、带“标题”的小标题，或“表格”"),
]

# "内容: 无" (one paragraph, written without the list dash) is "内容: [无]", as for names (StrList)
ItemList = Annotated[list[Item], BeforeValidator(_str_list)]


class Subsection(Base):
    """A numbered item below a part: level 2（一）, level 3 1., level 4（1）."""

    model_config = _shown("小标题",
                     "部分之下带序号的一项：第二层“（一）”、第三层“1.”、第四层“（1）”；序号自动生成，不要手写")

    heading: str = F("标题", description="小标题（不写序号，序号自动生成），如：强化组织领导，引领政治建设。")
    run_in: YesNo | None = F("接排", None, "是：小标题与第一段正文排在同一段；不写则按“格式.小标题接排”")
    content: ItemList = F("内容", default_factory=_empty_list, description="段落（文字）和下一级小标题")


class Section(Base):
    """A top-level section of the body; it serves zero, one or several required parts."""

    model_config = _shown("正文的一节",
                     "正文的一节：对应一个或几个必备部分（写在“部分”中），不写“部分”则为额外的一节")

    parts: PartList = F("部分", default_factory=_empty_list,
                       description="本节对应的必备部分：一 主要举措和成效；二 存在的不足和原因；"
                                   "三 第一责任人职责情况；四 下一年度主要安排；五 其他需要报告的情况。"
                                   "可写多个，如 [二, 三]；不写则为额外部分")
    heading: str | None = F("标题", None, "一级标题（不写序号）；不写则按部分自动生成")
    no_heading: YesNo = F("无标题", False, "是：本节不设标题、不编号，内容直接接在上一节之后")
    content: ItemList = F("内容", default_factory=_empty_list, description="段落（文字）和“（一）”级小标题")


def _attachment_kind(v: Any) -> str | None:
    if isinstance(v, str):
        return "名称"
    if isinstance(v, (dict, Attachment)):
        return "附件"
    return None


class Attachment(Base):
    """An 附件 with its content, set on pages of its own after the body (GB/T 9704 §7.3.7)."""

    model_config = _shown("附件",
                     "附件：标题（与附件说明一致）和内容（段落、小标题、表格），另面编排在正文之后、版记之前")

    title: OneLine = F("标题", description="附件标题，如：2024年度行政执法统计表（不写“附件1”，序号自动生成）")
    content: ItemList = F("内容", default_factory=_empty_list, description="附件的段落、小标题和表格")
    landscape: YesNo = F("横排", False, "是：附件排在横向页面上（宽表格，GB/T 9704 §8）")


class Issued(Base):
    """The document a 公文 issues or publishes (a 令's 规章, the 办法 an 印发 notice issues): it follows the
    text on pages of its own, without an 附件 label and outside the 附件说明 (被印发的文件不是附件)."""

    model_config = _shown("印发文件",
                     "随文印发、公布的文件（如令公布的规章、印发通知印发的办法）：另面编排在成文日期之后，"
                     "不标“附件”，不列入附件说明")

    title: OneLine = F("标题", description="印发文件的标题，如：青原市城市绿化管理办法（不加书名号）")
    content: ItemList = F("内容", default_factory=_empty_list, description="印发文件的段落、小标题和表格")
    landscape: YesNo = F("横排", False, "是：排在横向页面上（宽表格，GB/T 9704 §8）")


AttachmentEntry = Annotated[
    Union[Annotated[str, Tag("名称")], Annotated[Attachment, Tag("附件")]],
    Discriminator(_attachment_kind, custom_error_type="item_kind",
                  custom_error_message="每个附件写一个名称，或写成带“标题”和“内容”的附件"),
]


class Report(Base):
    """法治政府建设年度情况报告 (and, by kind, other annual reports)."""

    model_config = _shown("法治政府建设年度情况报告",
                     "一份报告 YAML 的全部内容：版头、标题、主送机关、导语、正文、署名、成文日期、附注、版记和设置")

    kind: str = F("报告类型", "法治政府建设年度情况报告", "报告种类（对应 templates/ 下的目录）")
    org: OneLine = F("发文机关", description="发文机关全称，如：新乐市人民政府")
    short_name: OneLine | None = F("简称", None, "发文机关规范化简称，如：新乐市")
    year: Year = F("年度", description="报告所述年度，四位数字，如 2024")
    previous: OneLine | None = F("上一年度", None,
                                 "上一年度报告的文件（.yaml、.docx 或 .txt，相对本文件所在的文件夹），如 2024.yaml；"
                                 "写明后 drafter check 逐段指出与上一年度相同或基本相同的段落")
    header: Literal["函", "文件", "无"] = F("版头", "无", "函：信函格式；文件：通用格式（红头文件）；无：网上公开用的无版头格式")
    flag: FlagList = F("发文机关标志", default_factory=_empty_list,
                       description="版头红字；不写则用发文机关全称（文件格式加“文件”）；联合行文写几个机关，每个一项，主办机关在前")
    doc_number: OneLine | None = F("发文字号", None, "如：新政函〔2024〕5号（年份用六角括号〔〕）")
    signers: StrList = F("签发人", default_factory=_empty_list, description="上行文的签发人姓名（仅文件格式）")
    copy_number: str | None = F("份号", None, "涉密公文的份号，6位阿拉伯数字")
    secrecy: str | None = F("密级", None, "密级和保密期限，如：秘密★1年")
    urgency: Literal["特急", "加急"] | None = F("紧急程度", None, "特急 或 加急")
    recipients: StrList = F("主送机关", default_factory=_empty_list, description="主送机关，一个或多个")
    title: str | None = F("标题", None, "不写则自动生成；需要手动换行时用 | 块分行书写")
    intro: str | None = F("导语", None, "开头段，以“现将……报告如下：”引出正文")
    sections: list[Section] = F("正文", description="正文各部分，按顺序排列")
    closing: str | None = F("结束语", None, "结束语；不写则用报告类型的默认结束语（法治政府建设年度情况报告为"
                                            "“特此报告。”，通用公文没有）；写 无 则不要结束语")
    signatories: StrList = F("署名", default_factory=_empty_list, description="署名机关；不写则用发文机关")
    date: Date | None = F("成文日期", None, "如 2024年12月20日 或 2024-12-20")
    seal: YesNo = F("印章", False, "是否加盖印章（drafter 不画印章，只留出位置）")
    note: str | None = F("附注", None, "如：（此件公开发布）")
    attachments: Annotated[list[AttachmentEntry], BeforeValidator(_str_list)] = F(
        "附件", default_factory=_empty_list,
        description="附件，一个或多个：只写名称（只排附件说明），或写“标题”和“内容”（附件另面排在正文之后）")
    issued: Issued | None = F("印发文件", None,
                              "随文印发、公布的文件（令公布的规章、通知印发的办法）：写“标题”和“内容”，"
                              "另面排在成文日期之后、附件之前，不标“附件”")
    cc: StrList = F("抄送", default_factory=_empty_list, description="抄送机关")
    printer: OneLine | None = F("印发机关", None, "版记中的印发机关，如：新乐市人民政府办公室")
    print_date: Date | None = F("印发日期", None, "版记中的印发日期")
    omitted_parts: dict[str, str] = F("省略部分", default_factory=_empty_dict,
                                      description="有意不单列的必备部分及理由，如 五: 无其他需要报告的情况")
    layout: Layout = F("格式", default_factory=Layout.model_construct, description="字体等排版设置")
    checks: CheckSettings = F("检查", default_factory=CheckSettings.model_construct, description="检查规则设置")
    # where drafter.load read it (drafter.api: file, source map, drafter.toml), for check's file:line
    _origin: Any = PrivateAttr(default=None)

    @field_validator("org", "intro", "title", "doc_number", mode="after")
    @classmethod
    def _strip(cls, v):
        return v.strip() if isinstance(v, str) else v

    # -- derived values used by the composer and the rules --
    @property
    def signature_names(self) -> list[str]:
        """The organs printed as 署名 (an empty item of the list prints nothing and takes no place)."""
        return [x for x in self.signatories if x.strip()] or ([self.org] if self.org.strip() else [])

    def paged(self):
        """(path, document) of what is set on pages of its own after the text, in order: the document
        it issues (印发文件), then each 附件 written with 标题 and 内容 (§7.3.7)."""
        if self.issued is not None:
            yield ("issued",), self.issued
        for k, a in enumerate(self.attachments):
            if not isinstance(a, str):
                yield ("attachments", k), a

    @property
    def attachment_titles(self) -> list[str]:
        """The names the 附件说明 lists, in order."""
        return [a if isinstance(a, str) else a.title for a in self.attachments]

    @property
    def closing_text(self) -> str | None:
        """The 结束语 as written (None: "无", or left to the kind's default, see Composer.closing_text)."""
        c = (self.closing or "").strip()
        return None if c in ("", "无") else c


def field_alias_map(model: type[BaseModel]) -> dict[str, str]:
    """Every accepted key (Chinese alias, English field name) -> field name."""
    out = {}
    for name, f in model.model_fields.items():
        out[name] = name
        if f.alias:
            out[f.alias] = name
    return out


def nested_model(model: type[BaseModel], field: str, item: Any = None) -> type[BaseModel] | None:
    """The model class a field's value (or its list items / union member) is validated as; ``item``:
    the list item at hand (a 内容 item may be a 小标题 or a 表格)."""
    import typing

    f = model.model_fields.get(field)
    if f is None:
        return None
    stack = [f.annotation]
    if field == "content" and isinstance(item, dict):     # a 内容 item: a 表格 or a 小标题
        return TableItem if any(k in item for k in TABLE_KEYS) else Subsection
    if field == "attachments":
        return Attachment
    while stack:
        t = stack.pop()
        if isinstance(t, type) and issubclass(t, BaseModel):
            return t
        stack.extend(a for a in typing.get_args(t) if not isinstance(a, (str, int)))
    return None
