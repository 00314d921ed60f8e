from __future__ import annotations

from pathlib import Path

import click
from .zh import Command


@click.command("import", cls=Command, help="把往年的报告（Word 文件 .docx，.doc/.wps 需安装 LibreOffice；另存的网页 .html/.htm/.mht；"
                              "PDF；复制的文字 .txt/.md）转换为 drafter 的 YAML。\n\n"
                              "识别标题、发文字号、主送机关、导语、各级标题、结束语、署名和成文日期，"
                              "把各部分对应到五个必备部分；正文文字按原文保留，序号由 drafter 重新生成。"
                              "无法对应的内容作为额外部分或加注释保留，并在最后列出。\n\n"
                              "例：drafter import 2023年报告.docx -o 2024年报告.yaml\n\n"
                              "　　drafter import 网站上的2023年报告.html -o 2024年报告.yaml\n\n"
                              "　　drafter import 2023年报告.pdf -o 2024年报告.yaml")
@click.argument("file", type=click.Path(readable=False), metavar="往年报告")
@click.option("-o", "--output", type=click.Path(), metavar="报告.yaml", help="输出的 YAML 文件名（默认：与输入同名的 .yaml）")
@click.option("-f", "--force", is_flag=True, help="输出文件已存在时覆盖它")
@click.option("--org", default=None, metavar="名称", help="发文机关全称（原文中没有或不全时指定）")
@click.option("--year", type=int, default=None, metavar="年份", callback=lambda ctx, param, v: _four_digits(v),
              help="报告年度，四位数字（原文中没有或不对时指定）")
@click.option("--kind", default=None, metavar="类型", help="报告类型（默认 法治政府建设年度情况报告）")
def cmd(file, output, force, org, year, kind):
    from ..atomic import check_target, write_atomic
    from ..check import check_loaded
    from ..diagnostics import ERROR, WARNING, DrafterError
    from ..importer import import_file
    from ..loader import load_text

    src = Path(file)
    out = Path(output) if output else src.with_suffix(".yaml")
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise DrafterError("FZ055", f"输出文件“{out}”应以 .yaml 结尾，如 -o {out.stem}.yaml", file=str(out))
    if not src.exists():
        raise DrafterError("FZ001", f"找不到文件“{src}”，请检查文件名和所在文件夹", file=str(src))
    check_target(out, [src], force)
    result = import_file(src, out, org=org, year=year, kind=kind, display=str(src))
    data = result.yaml.encode("utf-8")
    write_atomic(out, lambda f: f.write(data))
    for line in result.summary:
        click.echo(line)
    checked = check_loaded(load_text(result.yaml, str(out)))
    errors = [d for d in checked.diagnostics if d.severity == ERROR]
    warnings = [d for d in checked.diagnostics if d.severity == WARNING]
    click.echo(f"已生成：{out}")
    if errors:
        for d in errors:
            click.echo(d.format(), err=True)
        click.echo(f"检查发现 {len(errors)} 个错误（见上），请按提示修改 {out}。", err=True)
    else:
        click.echo(f"检查：0 个错误，{len(warnings)} 个警告。下一步：编辑 {out}，然后运行 drafter check {out}")


def _four_digits(year: int | None) -> int | None:
    if year is not None and not 1000 <= year <= 9999:
        raise click.BadParameter(f"年度应写四位数字，如 2024（这里是 {year}）")
    return year
