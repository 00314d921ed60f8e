from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path

import click
from .zh import Command


@click.command("new", cls=Command, help="生成一份待填写的报告 YAML 模板（含全部五个部分和填写说明）。\n\n"
                           "例：drafter new 榆垡镇2024.yaml --org 北京市大兴区榆垡镇人民政府 --year 2024\n\n"
                           "从上一年度的报告开始写：drafter new 2025.yaml --from 2024.yaml（也可以是去年的 .docx 或 .txt）："
                           "年度加一，发文字号换成新的年份、序号待填，成文日期待填，标题和各部分标题中的年份随年度改；"
                           "正文保留上年的原文，每一节前加注释提醒改写；drafter check 会逐段指出仍与上年相同的段落。")
@click.argument("path", required=False, type=click.Path(dir_okay=False), metavar="报告.yaml")
@click.option("--org", default=None, metavar="名称", help="发文机关全称，如 新乐市人民政府")
@click.option("--year", type=int, default=None, metavar="年份", help="报告年度（默认去年；--from 时默认上年报告的年度加一）")
@click.option("--header", type=click.Choice(["函", "文件", "无"]), default=None,
              help="版头：函（信函格式）、文件（红头文件）、无（网上公开；默认）")
@click.option("--kind", default=None, metavar="类型", help="报告类型（默认 法治政府建设年度情况报告）")
@click.option("--joint", "joint", multiple=True, metavar="名称",
              help="联合行文的其他机关全称（--org 写主办机关），可写多次，如 --joint 某镇人民政府")
@click.option("--from", "source", default=None, type=click.Path(dir_okay=False, readable=False), metavar="上年报告",
              help="从上一年度的报告（.yaml，或去年的 .docx、.txt）生成新一年的报告")
def cmd(path, org, year, header, kind, joint, source):
    from ..atomic import write_atomic
    from ..diagnostics import DrafterError
    from ..scaffold import scaffold_text

    if source is not None:
        _from(path, source, org, year, header, kind, joint)
        return
    if org is None:
        raise click.UsageError("缺少 --org：请写发文机关全称，如 --org 新乐市人民政府；"
                               "从上一年度的报告开始写时用 --from 上年报告.yaml")
    header = header or "无"
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


def _from(path, source, org, year, header, kind, joint):
    """drafter new NEW.yaml --from LAST (drafter.nextyear)."""
    from ..atomic import write_atomic
    from ..diagnostics import DrafterError
    from ..nextyear import next_year, previous_ref, read_previous, verify

    given = [name for name, v in (("--org", org), ("--header", header), ("--kind", kind), ("--joint", joint)) if v]
    if given:
        raise click.UsageError(f"--from 沿用上一年度报告的机关、版头和类型，不能同时写 {'、'.join(given)}；"
                               "生成后在新文件中修改")
    src = Path(source)
    if not src.exists():
        raise DrafterError("FZ001", f"找不到上一年度的报告“{source}”，请检查文件名和所在文件夹", file=source)
    if path is None:
        raise click.UsageError(f"请写出新报告的文件名，如 drafter new {_next_name(src)} --from {source}")
    target = Path(path)
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise DrafterError("FZ055", f"新报告的文件名应以 .yaml 结尾，如 {target.stem}.yaml", file=str(target))
    if target.exists():
        same = os.path.realpath(target) == os.path.realpath(src)
        raise DrafterError("FZ051", f"“{target}”已存在，drafter new 不会覆盖它" +
                           ("（这正是上一年度的报告）" if same else "") + "；请换一个文件名", file=str(target))
    if not target.parent.exists():
        raise DrafterError("FZ052", f"文件夹“{target.parent}”不存在，请先建立或换一个位置", file=str(target))
    try:
        text, loaded, notes = read_previous(src, source, target)
    except DrafterError as e:                          # last year's file does not read: all of its errors
        for d in e.diagnostics:
            click.echo(d.format(), err=True)
        sys.exit(1)
    old_year = loaded.report.year
    if year is not None and not old_year < year <= old_year + 5:
        raise DrafterError("FZ034", f"--year {year} 不合理：上一年度的报告是{old_year}年度的，新报告一般是 {old_year + 1} 年度；"
                                    f"不写 --year 即为 {old_year + 1}", file=source)
    result = next_year(text, loaded, source, target, previous_ref(src, target), year)
    verify(result.text, loaded, target, result)
    write_atomic(target, lambda f: f.write(result.text.encode("utf-8")))
    for line in notes:
        click.echo(line)
    click.echo(f"已生成：{target}（{result.previous_year}年度 → {result.year}年度，由 {source} 改写）")
    click.echo(f"年度、发文字号、标题和各部分标题中的年份已改；发文字号的序号和成文日期待填写。正文仍是{result.previous_year}年的原文："
               f"请逐段改写，然后运行 drafter check {target}（会列出仍与上年相同的段落）")
    sys.exit(0)


def _next_name(src: Path) -> str:
    import re

    m = re.search(r"(19|20)\d{2}", src.stem)
    if m:
        return src.with_name(src.stem[:m.start()] + str(int(m.group()) + 1) + src.stem[m.end():] + ".yaml").name
    return src.stem + "-新.yaml"
