"""Report kinds are data: ``templates/<kind>/kind.yaml`` lists the required parts, ``text.j2`` the
wording, ``scaffold.yaml.j2`` what ``drafter new`` writes.  Nothing else in the code names a part."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .diagnostics import DrafterError
from .textutil import parse_cn_numeral, cn_numeral

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "templates"
if not (BUILTIN_DIR / "fzzf" / "kind.yaml").is_file():  # installed as a wheel: drafter.templates
    from importlib import resources

    BUILTIN_DIR = Path(str(resources.files("drafter.templates")))
DEFAULT_KIND = "fzzf"


@dataclass(frozen=True)
class Part:
    key: str
    name: str
    keywords: tuple[str, ...] = ()
    may_be_none: bool = False

    @property
    def label(self) -> str:
        return f"第{self.key}部分“{self.name}”"


@dataclass(frozen=True)
class Kind:
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
        n = int(t) if t.isdigit() else parse_cn_numeral(t)
        if n and 1 <= n <= len(self.parts):
            return self.parts[n - 1].key
        return None


def _read_kind(directory: Path) -> Kind:
    data = yaml.safe_load((directory / "kind.yaml").read_text(encoding="utf-8"))
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

    loaders = []
    if user_dir:
        loaders.append(FileSystemLoader(user_dir))
    loaders.append(FileSystemLoader(kind_dir))
    return ImmutableSandboxedEnvironment(loader=ChoiceLoader(loaders), autoescape=False,
                                         undefined=StrictUndefined, keep_trailing_newline=False)


@functools.lru_cache(maxsize=16)
def text_macros(kind_dir: str, user_dir: str | None = None):
    """The macros of ``text.j2`` as a module: ``text_macros(...).title(org, year, short)``."""
    from jinja2 import TemplateError

    try:
        return environment(kind_dir, user_dir).get_template("text.j2").module
    except TemplateError as e:
        raise DrafterError("FZ070", f"模板 text.j2 有错误：{e}；请对照 templates/ 中的原模板修改")
    except OSError as e:
        raise DrafterError("FZ070", f"无法读取模板目录“{user_dir}”：{e}")


def call_macro(macros, name: str, *args) -> str:
    from jinja2 import TemplateError
    from jinja2.exceptions import SecurityError

    fn = getattr(macros, name, None)
    if fn is None:
        raise DrafterError("FZ071", f"模板 text.j2 缺少宏“{name}”，请从 templates/ 中的原模板复制过来")
    try:
        return str(fn(*args)).strip()
    except SecurityError as e:
        raise DrafterError("FZ072", f"模板 text.j2 的宏“{name}”试图访问不允许的内容（{e}），已拒绝")
    except (TemplateError, TypeError, ValueError, AttributeError) as e:
        raise DrafterError("FZ071", f"模板 text.j2 的宏“{name}”出错：{e}")


__all__ = ["Kind", "Part", "get_kind", "all_kinds", "text_macros", "call_macro", "cn_numeral"]
