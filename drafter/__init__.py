"""drafter: 法治政府建设年度情况报告 from YAML to a GB/T 9704-2012 .docx.

Kept import-light on purpose: ``drafter --help`` must not import pydantic, python-docx or Jinja2.
"""
__version__ = "0.1.0"
