"""GB9xx: the file itself — revisions, comments and hidden text that must not go out with it."""
from __future__ import annotations

from .context import Ctx
from .fixes import where


def run(c: Ctx) -> None:
    d = c.doc
    if d.tracked:
        c.add("GB901", "文件中有未处理的修订（检查时按“接受全部修订”后的文字读取）；发出前请接受或拒绝全部修订"
              + where("accept_revisions"),
              place="全文", expected="没有修订标记", found=f"{d.tracked} 处修订")
    if d.comments:
        c.add("GB902", "文件中有批注；发出前请删除全部批注" + where("delete_comments"), place="全文",
              expected="没有批注", found=f"{d.comments} 条批注")
    if d.hidden:
        c.add("GB903", "文件中有隐藏文字（不打印，但随文件发出，别人可以看到）；请取消勾选“隐藏”"
              + where("hidden") + "，或删除这些文字",
              place="全文", expected="没有隐藏文字", found=f"{d.hidden} 个字")
