"""JSON Schema of the report YAML, generated from the pydantic model (Chinese keys)."""
from __future__ import annotations

import json
from pathlib import Path

SCHEMA_FILE = "report.schema.json"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"


def schema_dict() -> dict:
    from .model import Report

    s = Report.model_json_schema(by_alias=True, mode="validation")
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["$id"] = "https://drafter.invalid/schemas/report.schema.json"
    s["title"] = "drafter 报告"
    return s


def schema_text() -> str:
    return json.dumps(schema_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def schema_comment(target: Path) -> str:
    """The yaml-language-server line for a YAML file at ``target``."""
    import os

    schema = SCHEMA_DIR / SCHEMA_FILE
    try:
        rel = os.path.relpath(schema, target.resolve().parent)
    except ValueError:     # another drive on Windows
        rel = schema.as_uri()
    return f"# yaml-language-server: $schema={Path(rel).as_posix()}"
