"""drafter: 法治政府建设年度情况报告 from YAML to a GB/T 9704-2012 .docx.

The Python API (``drafter.api``)::

    report = drafter.load("报告.yaml")        # raises drafter.ReportError with Chinese diagnostics
    diagnostics = drafter.check(report)
    document = drafter.to_document(report)    # a python-docx Document
    drafter.render(report, "报告.docx")       # checked, written atomically

Kept import-light on purpose: ``import drafter`` and ``drafter --help`` import neither pydantic,
python-docx nor Jinja2; the API's names are loaded on first use.
"""
__version__ = "0.1.0"

__all__ = ["load", "check", "to_document", "render", "ReportError"]


def __getattr__(name):
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'drafter' has no attribute {name!r}")
