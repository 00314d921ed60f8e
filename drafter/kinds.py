"""Report kinds are data: ``templates/<kind>/kind.yaml`` lists the required parts, ``text.j2`` the
wording, ``scaffold.yaml.j2`` what ``drafter new`` writes.  Nothing else in the code names a part."""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import DrafterError
from .textutil import parse_cn_numeral, cn_numeral
from .yamlsrc import load_data

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
if not (BUILTIN_DIR / "fzzf" / "kind.yaml").is_file():  # installed as a wheel: drafter.templates
    from importlib import resources

    BUILTIN_DIR = Path(str(resources.files("drafter.templates")))
DEFAULT_KIND = "fzzf"


@dataclass(frozen=True)
class Part:
    """One required part of a report kind (一 … 五), with the keywords that recognise it in a heading."""

    key: str
    name: str
    keywords: tuple[str, ...] = ()
    may_be_none: bool = False

    @property
    def label(self) -> str:
        return f"第{self.key}部分“{self.name}”"


@dataclass(frozen=True)
class Kind:
    """A report kind read from ``templates/<kind>/kind.yaml``: its parts, deadlines and template folder."""

    id: str
    name: str
    directory: Path
    parts: tuple[Part, ...]
    aliases: tuple[str, ...] = ()
    deadline: str = "03-01"
    publish_deadline: str = "04-01"
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def keys(self) -> list[str]:
        return [p.key for p in self.parts]

    @property
    def annual(self) -> bool:
        """A report on a year (年度 is the year reported on: 法治政府建设年度情况报告), or a 公文 whose 年度
        is just the year it is issued (kind.yaml ``annual: false``)."""
        return bool(self.extra.get("annual", True))

    @property
    def noun(self) -> str:
        """What messages call a document of this kind: 报告, 公文 (kind.yaml ``noun``)."""
        return str(self.extra.get("noun", "报告"))

    def part(self, key: str) -> Part | None:
        return next((p for p in self.parts if p.key == key), None)

    def resolve_part(self, value) -> str | None:
        """'一', '1', 1, '第一部分', '主要举措和成效' -> '一'; None when it names no part."""
        s = str(value).strip()
        if s in self.keys:
            return s
        for p in self.parts:
            if s == p.name:
                return p.key
        t = s.removeprefix("第").removesuffix("部分")
        # as the heading prints: "一、", "（一）", "1." — or with the part's name, "一、主要举措和成效"
        m = re.fullmatch(r"[（(]?([^、.．。，,:：（()）]+?)[）)]?[、.．。，,:：]?\s*(.*)", t)
        if m and (not m.group(2) or m.group(2) in (p.name for p in self.parts)):
            t = m.group(1).strip()
        n = int(t) if t.isdigit() else parse_cn_numeral(t)
        if n and 1 <= n <= len(self.parts) and (not m or not m.group(2) or m.group(2) == self.parts[n - 1].name):
            return self.parts[n - 1].key
        return None


def _read_kind(directory: Path) -> Kind:
    data = load_data((directory / "kind.yaml").read_text(encoding="utf-8"))
    parts = tuple(Part(str(p["key"]), p["name"], tuple(p.get("keywords", ())), bool(p.get("may_be_none")))
                  for p in data["parts"])
    return Kind(data["id"], data["name"], directory, parts, tuple(data.get("aliases", ())),
                str(data.get("deadline", "03-01")), str(data.get("publish_deadline", "04-01")),
                {k: v for k, v in data.items() if k not in ("id", "name", "parts", "aliases")})


@functools.lru_cache(maxsize=None)
def all_kinds() -> dict[str, Kind]:
    out = {}
    for d in sorted(BUILTIN_DIR.iterdir()):
        if (d / "kind.yaml").is_file():
            k = _read_kind(d)
            out[k.id] = k
    return out


def get_kind(name: str | None = None) -> Kind:
    kinds = all_kinds()
    name = (name or DEFAULT_KIND).strip()
    for k in kinds.values():
        if name in (k.id, k.name) or name in k.aliases:
            return k
    names = "、".join(k.name for k in kinds.values())
    raise DrafterError("FZ032", f"不认识报告类型“{name}”，可选：{names}")


# ---------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=16)
def environment(kind_dir: str, user_dir: str | None = None):
    """A sandboxed Jinja2 environment over the user's template copy (if any) and the built-in kind."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from jinja2.exceptions import SecurityError

    class Sandbox(ImmutableSandboxedEnvironment):
        """Jinja2's sandbox (no attribute access to Python internals, ranges capped) plus a cap on
        string/sequence repetition, so a user template cannot build gigabytes with ``'a' * 10**9``."""

        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context, operator, left, right):
            if operator == "**" and isinstance(right, int) and abs(right) > 64:
                raise SecurityError("指数过大")
            if operator == "*":
                for seq, n in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_TEMPLATE_TEXT:
                        raise SecurityError("生成的文字过长")
            return super().call_binop(context, operator, left, right)

    loaders = []
    if user_dir:
        loaders.append(FileSystemLoader(user_dir))
    loaders.append(FileSystemLoader(kind_dir))
    env = Sandbox(loader=ChoiceLoader(loaders), autoescape=False, undefined=StrictUndefined,
                  keep_trailing_newline=False)
    if not user_dir:        # only drafter's own templates are cached (a user's copy may come from anywhere)
        env.bytecode_cache = _builtin_cache(env, Path(kind_dir))
    return env


def _builtin_cache(env, kind_dir: Path):
    """Jinja2's bytecode cache for the built-in templates, in ``__pycache__`` beside them, as Python
    does for .py files: a command then skips lexing, parsing and compiling text.j2 (~10 ms of a
    ~250 ms ``drafter render``).  Jinja2 checks each entry against the template's source (SHA-1) and
    the Python version; the file name also carries the Jinja2 version and the sandbox's settings,
    which shape the generated code.  A folder that cannot be written (a system-wide install) or an
    unreadable entry only means compiling as before."""
    import hashlib
    import pickle

    import jinja2
    from jinja2.bccache import FileSystemBytecodeCache

    class Cache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket):
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError, TypeError, pickle.UnpicklingError):
                bucket.reset()

        def dump_bytecode(self, bucket):
            try:
                os.makedirs(self.directory, exist_ok=True)
                super().dump_bytecode(bucket)
            except OSError:
                pass

    settings = repr((jinja2.__version__, [c.__name__ for c in type(env).__mro__], sorted(env.intercepted_binops),
                     sorted(env.intercepted_unops), env.autoescape, env.undefined.__name__,
                     env.keep_trailing_newline, env.trim_blocks, env.lstrip_blocks, env.optimized))
    tag = hashlib.sha1(settings.encode()).hexdigest()[:12]
    return Cache(str(kind_dir / "__pycache__"), f"%s.jinja2-{tag}.cache")


MAX_TEMPLATE_TEXT = 100_000     # characters one template operation may produce


@functools.lru_cache(maxsize=16)
def text_macros(kind_dir: str, user_dir: str | None = None):
    """The macros of ``text.j2`` as a module: ``text_macros(...).title(org, year, short)``."""
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    if user_dir and not Path(user_dir).is_dir():
        raise DrafterError("FZ070", f"模板目录“{user_dir}”不存在或不是文件夹；请改正路径，或不写模板目录而用内置模板"
                                    "（自定义模板：复制 drafter 的 templates/fzzf 文件夹后修改）", file=user_dir)
    try:
        return environment(kind_dir, user_dir).get_template("text.j2").module
    except (SecurityError, OverflowError) as e:
        raise _refused(e, "text.j2 ")
    except TemplateError as e:
        file, line = _template_place(e)
        raise DrafterError("FZ070", f"模板 text.j2 有错误（{e.message or type(e).__name__}）；请对照 templates/ 中的原模板修改",
                           file=file, line=line)
    except OSError as e:
        from .atomic import why

        raise DrafterError("FZ070", f"无法读取模板目录“{user_dir}”（{why(e)}）", file=user_dir)


def _template_place(e: BaseException) -> tuple[str | None, int | None]:
    """The template file and line of a Jinja2 failure (Jinja2 rewrites tracebacks to template lines)."""
    file, line = getattr(e, "filename", None), getattr(e, "lineno", None)
    tb = e.__traceback__
    while tb is not None:
        tpl = tb.tb_frame.f_globals.get("__jinja_template__")
        if tpl is not None:  # a frame of compiled template code: map its line back to the template
            file, line = tpl.filename, tpl.get_corresponding_lineno(tb.tb_lineno)
        tb = tb.tb_next
    return file, line


def _refused(e: BaseException, what: str) -> DrafterError:
    """FZ072: the sandbox stopped a template (Python internals, modifying values, huge ranges)."""
    import re as _re

    file, line = _template_place(e)
    m = _re.search(r"access to attribute '([^']*)' of '([^']*)' object is unsafe", str(e))
    if m:
        kind = "内部属性" if m.group(1).startswith("_") else "会修改传入值的方法"
        msg = (f"模板 {what}试图访问 {m.group(2)} 对象的{kind}“{m.group(1)}”，为安全起见已拒绝执行；"
               "模板只能使用传入的值和 Jinja2 过滤器，请删除这段代码")
    elif isinstance(e, OverflowError):
        msg = f"模板 {what}试图生成过长的序列（range 超过 10 万项），为安全起见已拒绝执行；请删除这段代码"
    else:
        msg = f"模板 {what}试图执行不允许的操作（修改传入的值或调用不安全的函数），为安全起见已拒绝执行；请删除这段代码"
    return DrafterError("FZ072", msg, file=file, line=line)


def call_macro(macros, name: str, *args) -> str:
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    fn = getattr(macros, name, None)
    if fn is None:
        raise DrafterError("FZ071", f"模板 text.j2 缺少宏“{name}”，请从 templates/ 中的原模板复制过来")
    try:
        return str(fn(*args)).strip()
    except (SecurityError, OverflowError) as e:
        raise _refused(e, f"text.j2 的宏“{name}”")
    except (TemplateError, TypeError, ValueError, AttributeError, LookupError, ArithmeticError) as e:
        from jinja2 import TemplateNotFound

        file, line = _template_place(e)
        detail = getattr(e, "message", None) or str(e) or type(e).__name__
        if isinstance(e, TemplateNotFound):
            detail = f"找不到模板文件“{e.name}”；只能引用模板目录中的文件"
        raise DrafterError("FZ071", f"模板 text.j2 的宏“{name}”出错（{detail}）；请对照 templates/ 中的原模板修改",
                           file=file, line=line)


__all__ = ["Kind", "Part", "get_kind", "all_kinds", "text_macros", "call_macro", "cn_numeral"]
