from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import click
from .zh import Command


@click.command("new", cls=Command, help="生成一份待填写的报告 YAML 模板（含全部五个部分和填写说明）。\n\n"
                           "例：drafter new 榆垡镇2024.yaml --org 北京市大兴区榆垡镇人民政府 --year 2024")
@click.argument("path", required=False, type=click.Path(dir_okay=False), metavar="报告.yaml")
@click.option("--org", required=True, metavar="名称", help="发文机关全称，如 新乐市人民政府")
@click.option("--year", type=int, default=None, metavar="年份", help="报告年度（默认去年）")
@click.option("--header", type=click.Choice(["函", "文件", "无"]), default="无",
              help="版头：函（信函格式）、文件（红头文件）、无（网上公开）")
@click.option("--kind", default=None, metavar="类型", help="报告类型（默认 法治政府建设年度情况报告）")
@click.option("--joint", "joint", multiple=True, metavar="名称",
              help="联合行文的其他机关全称（--org 写主办机关），可写多次，如 --joint 某镇人民政府")
def cmd(path, org, year, header, kind, joint):
    from ..atomic import write_atomic
    from ..diagnostics import DrafterError
    from ..scaffold import scaffold_text

    year = year or _dt.date.today().year - 1
    org = org.strip()
    if not org or "\n" in org:
        raise DrafterError("FZ034", "--org 应为发文机关全称，如 --org 新乐市人民政府")
    joint = tuple(x.strip() for x in joint)
    if any(not x or "\n" in x or x == org for x in joint):
        raise DrafterError("FZ034", "--joint 应为联署机关的全称（与 --org 不同），如 --joint 某镇人民政府")
    if not 2004 <= year <= _dt.date.today().year + 1:
        raise DrafterError("FZ034", f"--year {year} 不合理，请写报告所述的年份，如 --year {_dt.date.today().year - 1}")
    target = Path(path or f"{org}{year}年法治政府建设年度情况报告.yaml")
    if target.exists():
        raise DrafterError("FZ051", f"“{target}”已存在，drafter new 不会覆盖它；请换一个文件名", file=str(target))
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise DrafterError("FZ055", f"模板文件名应以 .yaml 结尾，如 {target.stem}.yaml", file=str(target))
    if not target.parent.exists():
        raise DrafterError("FZ052", f"文件夹“{target.parent}”不存在，请先建立或换一个位置", file=str(target))
    text = scaffold_text(org, year, header, target, kind, joint)
    write_atomic(target, lambda f: f.write(text.encode("utf-8")))
    click.echo(f"已生成：{target}")
    click.echo(f"请把【请填写……】换成实际内容，然后运行：drafter check {target}")
    sys.exit(0)
