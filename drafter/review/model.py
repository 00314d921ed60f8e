"""One row of the county's review table: what a reviewer decides a report on.

A :class:`Row` is made for every file (drafter.review.rows), whatever happened to it: a report read
and checked, a file that could not be read (``unreadable`` says why), or a copy of another file
(``duplicate_of``).  Everything the table, the CSV, the JSON and the page show is derived here, so
the four outputs cannot disagree: the verdict (退回 / 核实 / 通过), the reasons to send a report back,
the three most serious problems in words, and the county's totals.

Verdicts (the reviewer's three piles):
- 退回 (send back): the file cannot be read; a required part is missing (not even declared omitted
  with a reason); there is no 成文日期, or it is after the 报送期限; or ``drafter check``/``inspect``
  report an error.
- 核实 (look into it): a byte-for-byte copy of another file (not reviewed again); another file names
  the same organ and year (which township's report is it, which version counts?); or the file is no
  annual report at all (a 通知, a cover 函: the anatomy pass's judgement, with its evidence) — its
  format findings are listed, but the report's checks (parts, date) are not made on it.
- 通过 (accept): none of that; warnings do not send a report back.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field

ERROR, WARNING, INFO = "error", "warning", "info"      # (as drafter.diagnostics: kept light for pickling)

PRESENT, OMITTED, MISSING = "present", "omitted", "missing"
STATE_ZH = {PRESENT: "有", OMITTED: "省略", MISSING: "缺"}

SEND_BACK, VERIFY, ACCEPT = "退回", "核实", "通过"
VERDICT_ORDER = {SEND_BACK: 0, VERIFY: 1, ACCEPT: 2}

# findings the row shows in columns of their own, not again among the "three most serious problems"
PART_CODES = ("FZ101", "FZ102")          # a missing part / a part declared omitted
DATE_CODES = ("FZ112", "FZ305", "GB512")  # no 成文日期 / after the 报送期限


@dataclass
class Part:
    """One required part of the report: present, declared omitted (``note``: the reason) or missing
    (``note``: what was found instead)."""

    key: str                  # 一 … 五
    name: str                 # 主要举措和成效 …
    state: str                # PRESENT | OMITTED | MISSING
    note: str | None = None

    @property
    def label(self) -> str:
        return f"第{self.key}部分“{self.name}”"


@dataclass
class Problem:
    """A finding as ``drafter check`` / ``drafter inspect`` print it, with its rule's words."""

    code: str
    severity: str             # error | warning | info
    text: str                 # the printed line (file:line: 错误 FZ… 〔where〕message)
    summary: str              # the rule's one-line Chinese summary ("有半角标点" …)


@dataclass
class Row:
    file: str                             # as the reviewer typed it (folder + name)
    source: str = ""                      # yaml | docx | doc | txt | md | pdf | …
    organ: str | None = None              # 发文机关 (None: not found in the file)
    year: int | None = None               # 年度 (None: not found)
    date: _dt.date | None = None          # 成文日期
    deadline: _dt.date | None = None      # 报送期限 that applies (检查.报送期限 / drafter.toml / default)
    parts: list[Part] = field(default_factory=list)
    findings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)        # how the file was read ("纯文字：不审查格式" …)
    unreadable: str | None = None         # why the file could not be reviewed (code and message)
    not_report: str | None = None         # what the file is when it is no annual report ("一份通知（…）")
    duplicate_of: str | None = None       # the same bytes as this file, reviewed instead
    same_organ: list[str] = field(default_factory=list)   # other files naming the same organ and year
    carried: int | None = None            # paragraphs unchanged from last year's report (--previous)
    carried_total: int | None = None      # paragraphs of this report the count is out of
    carried_similar: int | None = None    # carried over in all: unchanged, nearly the same, last year's plan
    carried_from: str | None = None       # last year's file it was compared with
    carried_note: str | None = None       # why there is no count (no report of this organ last year …)
    index: int = 0                        # position in the input order

    # -- what the reviewer decides on --------------------------------------------------------------
    @property
    def reviewed(self) -> bool:
        return self.unreadable is None and self.duplicate_of is None

    @property
    def judged(self) -> bool:
        """Reviewed as an annual report: read, no copy, and a report of the kind."""
        return self.reviewed and self.not_report is None

    @property
    def missing(self) -> list[Part]:
        return [p for p in self.parts if p.state == MISSING]

    @property
    def omitted(self) -> list[Part]:
        return [p for p in self.parts if p.state == OMITTED]

    @property
    def errors(self) -> int:
        return sum(p.severity == ERROR for p in self.findings)

    @property
    def warnings(self) -> int:
        return sum(p.severity == WARNING for p in self.findings)

    @property
    def other_errors(self) -> int:
        """Errors besides the missing parts and the date, which have columns of their own."""
        return sum(p.severity == ERROR and p.code not in PART_CODES + DATE_CODES for p in self.findings)

    @property
    def undated(self) -> bool:
        return self.judged and self.date is None

    @property
    def overdue(self) -> bool:
        return self.judged and self.date is not None and self.deadline is not None and self.date > self.deadline

    @property
    def send_back_reasons(self) -> list[str]:
        if self.duplicate_of is not None:
            return []
        if self.unreadable is not None:
            return ["无法读取"]
        if self.not_report is not None:
            return []
        out = []
        if self.missing:
            out.append(f"缺第{'、'.join(p.key for p in self.missing)}部分")
        if self.undated:
            out.append("未标成文日期")
        if self.overdue:
            out.append("逾期")
        if self.other_errors:
            out.append(f"{self.other_errors} 个错误")
        return out

    @property
    def verify_reasons(self) -> list[str]:
        out = []
        if self.duplicate_of is not None:
            out.append(f"与“{self.duplicate_of}”内容完全相同")
        if self.not_report is not None:
            out.append(f"不像是年度报告：{self.not_report}")
        if self.same_organ:
            out.append(f"同一机关同一年度另有“{'”“'.join(self.same_organ)}”")
        return out

    @property
    def verdict(self) -> str:
        if self.send_back_reasons:
            return SEND_BACK
        if self.verify_reasons:
            return VERIFY
        return ACCEPT

    @property
    def organ_shown(self) -> str:
        if self.organ:
            return self.organ
        return "（无法读取）" if self.unreadable is not None else "（未识别发文机关）"

    def top_problems(self, n: int = 3) -> list[str]:
        """The ``n`` most serious problems in words: why it cannot be read; the missing parts; no date
        or a late one; then the rules with errors, then with warnings, the most frequent first."""
        out: list[str] = []
        if self.duplicate_of is not None:
            return [f"与“{self.duplicate_of}”内容完全相同，未重复审查"]
        if self.unreadable is not None:
            return [self.unreadable]
        if self.not_report is not None:
            out.append(f"不像是法治政府建设年度情况报告，是{self.not_report}")
        if self.missing:
            names = "；".join(f"第{p.key}部分“{p.name}”" for p in self.missing)
            out.append(f"缺{names}")
        if self.undated:
            out.append("没有成文日期")
        elif self.overdue:
            d, lim = self.date, self.deadline
            out.append(f"成文日期{d.year}年{d.month}月{d.day}日晚于报送期限{lim.year}年{lim.month}月{lim.day}日")
        groups: dict[str, list[Problem]] = {}
        for p in self.findings:
            if p.severity in (ERROR, WARNING) and p.code not in PART_CODES + DATE_CODES:
                groups.setdefault(p.code, []).append(p)
        rank = sorted(groups.values(), key=lambda g: (g[0].severity != ERROR, -len(g)))
        for g in rank:
            sev = "错误" if g[0].severity == ERROR else "警告"
            count = f"，{len(g)} 处" if len(g) > 1 else ""
            out.append(f"{g[0].summary}（{sev} {g[0].code}{count}）")
        return out[:n]

    def sort_key(self) -> tuple:
        return (VERDICT_ORDER[self.verdict], self.reviewed, -len(self.missing), -len(self.send_back_reasons),
                -self.errors, self.file)

    def to_json(self) -> dict:
        d = asdict(self)
        for k in ("date", "deadline"):
            d[k] = d[k].isoformat() if d[k] else None
        d["parts"] = {p.key: {"name": p.name, "state": p.state, "note": p.note} for p in self.parts}
        d.update(verdict=self.verdict, send_back_reasons=self.send_back_reasons, verify_reasons=self.verify_reasons,
                 overdue=self.overdue, undated=self.undated, errors=self.errors, warnings=self.warnings,
                 top_problems=self.top_problems())
        d.pop("index")
        return d


@dataclass
class Review:
    """The county's review: every row (send-back first), notices about the inputs, and timing."""

    rows: list[Row]
    notices: list[str] = field(default_factory=list)     # files skipped, the same file given twice …
    inputs: list[str] = field(default_factory=list)
    previous: list[str] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1
    made: _dt.datetime | None = None

    @property
    def send_back(self) -> list[Row]:
        return [r for r in self.rows if r.verdict == SEND_BACK]

    @property
    def parts_keys(self) -> list[tuple[str, str]]:
        """(key, name) of the required parts, in order, as the rows name them."""
        for r in self.rows:
            if r.parts:
                return [(p.key, p.name) for p in r.parts]
        from ..kinds import get_kind

        return [(p.key, p.name) for p in get_kind().parts]

    def totals(self) -> list[tuple[str, int]]:
        """(label, count) for the line at the top; zero counts are left out (共 N 份 always stays)."""
        rows = self.rows
        out = [("共", len(rows)), ("需退回", len(self.send_back))]
        out.append(("无法读取", sum(r.unreadable is not None for r in rows)))
        for key, _ in self.parts_keys:
            out.append((f"缺第{key}部分", sum(any(p.key == key and p.state == MISSING for p in r.parts) for r in rows)))
        out.append(("未标成文日期", sum(r.undated for r in rows)))
        out.append(("逾期", sum(r.overdue for r in rows)))
        out.append(("有其他错误", sum(r.judged and bool(r.other_errors) for r in rows)))
        out.append(("需核实", sum(r.verdict == VERIFY for r in rows)))
        out.append(("不像年度报告", sum(r.reviewed and r.not_report is not None for r in rows)))
        out.append(("通过", sum(r.verdict == ACCEPT for r in rows)))
        return [(k, n) for k, n in out if n or k in ("共", "需退回")]

    def summary_line(self) -> str:
        """共 28 份：需退回 6 份，缺第三部分 4 份，逾期 2 份……"""
        t = self.totals()
        head = f"共 {t[0][1]} 份"
        rest = "，".join(f"{k} {n} 份" for k, n in t[1:])
        return f"{head}：{rest}" if rest else head

    def to_json(self) -> dict:
        return {"summary": self.summary_line(), "totals": dict(self.totals()),
                "parts": [{"key": k, "name": n} for k, n in self.parts_keys],
                "inputs": self.inputs, "previous": self.previous, "notices": self.notices,
                "made": self.made.isoformat(timespec="seconds") if self.made else None,
                "rows": [r.to_json() for r in self.rows]}
