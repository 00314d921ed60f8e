"""FZ7xx: figures — rates that do not follow from the counts next to them, impossible percentages,
"余" attached to exact numbers."""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from . import WARNING, Finding, rule
from ._text import texts
from ..textutil import is_cjk

UNITS = "件|人次|人|次|个|起|份|卷|条|项|户|家|宗|批|场|名|期|所|座|台|辆|篇|本|单|例"
COUNT_RE = re.compile(rf"(?<![\d.])(\d+)\s*({UNITS})")
# "调解成功率97.1%", "通过率达98.59%", "办结率为100%"
RATE_RE = re.compile(r"([\u4e00-\u9fff]{1,8}?率)(?:达到|达|为|是|约|保持在?)?\s*(\d+(?:\.\d+)?)\s*[%％]")
CHANGE_RE = re.compile(r"增长|增加|提高|提升|上升|下降|减少|降低|同比|环比|增幅|降幅|超过|超出")
SENTENCE_RE = re.compile(r"[^。；;！!？?\n]+")


def _round(x: Decimal, places: int) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


@rule("FZ701", "rate-mismatch", "比率与前面的数字不符", severity=WARNING)
def rate_mismatch(ctx):
    """A rate stated right after its counts ("排查矛盾纠纷1501件，化解1456件，调解成功率97.1%") is
    recomputed (1456 ÷ 1501 = 97.0%) and flagged when it differs by more than the rounding of the
    stated figure.  Only the two counts just before the rate, in the same sentence and with the same
    unit, are used, and only by the first rate after them ("办结20件，按期办结率100%，群众满意率95%":
    满意率 is not 20÷20); a count in a clause "其中……" is a share of the total before it, not the whole
    ("审结371件，其中维持238件，……共计53件，纠错率14.3%": 53÷371); growth rates (同比增长…%) are not ratios of counts and are skipped.  Whether
    the two counts really are the rate's numerator and denominator only the clerk knows, so the
    message shows them with their words and lets the clerk judge."""
    for t in texts(ctx):
        text = t.text
        for sm in SENTENCE_RE.finditer(text):
            sent, base = sm.group(), sm.start()
            after = 0                          # counts before an earlier rate belong to that rate
            for rm in RATE_RE.finditer(sent):
                start, after = after, rm.end()
                if CHANGE_RE.search(rm.group(1)) or CHANGE_RE.search(sent[max(0, rm.start() - 4):rm.start()]):
                    continue
                counts = [c for c in COUNT_RE.finditer(sent, start, rm.start())]
                if len(counts) < 2:
                    continue
                part = counts[-1]
                # a count "其中……" is a share of the total before it (a sibling of the part), not its whole
                whole = next((c for c in reversed(counts[:-1]) if c.group(2) == part.group(2)
                              and not _clause_start(sent, c).startswith(SHARE_OF)), None)
                if whole is None:
                    continue
                a, b = Decimal(whole.group(1)), Decimal(part.group(1))
                if a == 0 or b > a:
                    continue
                stated = Decimal(rm.group(2))
                places = len(rm.group(2).split(".")[1]) if "." in rm.group(2) else 0
                exact = b * 100 / a
                tol = Decimal("0.5").scaleb(-places) + Decimal("1e-9")
                if abs(exact - stated) > tol:
                    right = _round(exact, places)
                    yield Finding(t.path, f"“{rm.group(1)}{rm.group(2)}%”与前面的数字对不上：按“{_clause(sent, part)}”÷"
                                          f"“{_clause(sent, whole)}”算是{b}÷{a}＝{right}%；如果这两个数就是这一比率的"
                                          f"分子和分母，请改为{right}%或改正前面的数字，否则可忽略本提示",
                                  base + rm.start(2))


SHARE_OF = ("其中", "内含", "包括")


def _clause_start(sent: str, count) -> str:
    """The whole clause a count stands in, from its start ("其中维持238件")."""
    start = max(sent.rfind(c, 0, count.start()) for c in "，,、；;：:")
    return sent[start + 1:count.end()].strip()


def _clause(sent: str, count) -> str:
    """The words of a count's own clause up to the count: "化解1456件", "排查矛盾纠纷1501件"."""
    start = max(sent.rfind(c, 0, count.start()) for c in "，,、；;：:")
    return sent[start + 1:count.end()].strip()[-12:]


PERCENT_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*[%％]")
SHARE_RE = r"率|占|比例|比重|覆盖|达到|达"  # text: re compiles it on first use (only after a figure over 100%)


@rule("FZ702", "percent-over-100", "比率超过100%", severity=WARNING)
def percent_over_100(ctx):
    """A rate or share (……率, 占……, 比例) cannot exceed 100%.  Growth (同比增长150%) can and is skipped."""
    for t in texts(ctx):
        for m in PERCENT_RE.finditer(t.text):
            if Decimal(m.group(1)) <= 100:
                continue
            before = t.text[max(0, m.start() - 10):m.start()]
            if re.search(SHARE_RE, before) and not CHANGE_RE.search(before):
                yield Finding(t.path, f"比率“{m.group()}”超过了100%；请核对数字", m.start())


APPROX_RE = re.compile(r"(?<![\d.])(\d+)余")     # followed by a Chinese character (is_cjk: a [\u4e00-\u9fff]
                                                # class here would cost ~1 ms of compiling a process)


@rule("FZ703", "approximate-exact", "“余”用在确切的数字后（如“8余次”）", severity=WARNING)
def approximate_exact(ctx):
    """"余" makes a round number approximate: 10余次, 1800余人次.  After a number that is not a
    whole ten ("8余次", "15余件") it is wrong: write the exact figure, or a round one."""
    for t in texts(ctx):
        for m in APPROX_RE.finditer(t.text):
            n = int(m.group(1))
            if n % 10 == 0 or m.end() == len(t.text) or not is_cjk(t.text[m.end()]):
                continue
            rest = t.text[m.end():]
            um = re.match(f"(?:{UNITS})", rest)
            unit = um.group() if um else rest[0]      # a measure word, else the character after 余
            if unit in ("万", "亿", "千", "百"):
                right = f"{n}{unit}余"            # "3余万元" -> "3万余元"
            else:
                right = f"{n}{unit}"
            yield Finding(t.path, f"“{m.group()}{unit}”不妥：“余”表示约数，只接整十、整百的数（如“10余次”）；"
                                  f"{n}是确切数字，请写“{right}”或写出约数", m.start())
