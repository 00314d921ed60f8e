"""``drafter new``: a YAML scaffold with all parts, Chinese guidance and the schema line."""
from __future__ import annotations

import json
import re
from pathlib import Path

from .kinds import environment, get_kind
from .schema import schema_comment

_PLAIN_OK = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\n]*$")


def yaml_scalar(value) -> str:
    s = str(value)
    if _PLAIN_OK.match(s) and not s.endswith(" ") and s.lower() not in ("yes", "no", "true", "false", "null", "~"):
        return s
    return json.dumps(s, ensure_ascii=False)


def scaffold_text(org: str, year: int, header: str, target: Path, kind: str | None = None,
                  joint: tuple[str, ...] = ()) -> str:
    """``joint``: the other organs of a joint report (联合行文), after the main one, ``org``."""
    k = get_kind(kind)
    env = environment(str(k.directory))
    env = env.overlay()
    env.filters["yaml"] = yaml_scalar
    tpl = env.get_template("scaffold.yaml.j2")
    return tpl.render(org=org, year=year, header=header, schema_comment=schema_comment(target),
                      filename=target.name, joint=list(joint)) + "\n"
