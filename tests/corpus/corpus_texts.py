"""The words of the corpus: a 法治政府建设年度情况报告's five parts and the other kinds' bodies.

Fictitious organs (青原市, 云溪县, 清河镇 …) except where issue #17 names a real one (绍兴市司法局); the
sentences follow the shape of published reports (《法治政府建设与责任落实督察工作规定》第二十五条:
主要举措和成效、存在的不足和原因、党政主要负责人履行推进法治建设第一责任人职责情况、下一年度主要安排、
其他需要报告的情况).
"""
from __future__ import annotations

from gongwen import body, h1, h2


def part1(org: str, year: int, *, heading: str | None = None, sub_marker: str = "（{}）") -> list:
    """一、主要举措和成效: four run-in （一）… headings with their text."""
    items = [
        ("坚持党的领导，压实法治建设责任。",
         f"{org}始终把法治政府建设摆在全局工作的重要位置，年内召开政府常务会议专题研究法治政府建设工作4次，"
         f"制定年度工作要点，明确28项重点任务的责任单位和完成时限，把法治建设成效纳入各部门年度绩效考核。"),
        ("深化“放管服”改革，优化法治化营商环境。",
         "全面推行行政许可事项清单管理，公布依申请政务服务事项1362项，“一网通办”率达到98.6%。"
         "开展涉企行政检查专项清理，取消重复检查事项17项，企业办事平均时限压缩40%以上。"),
        ("严格规范公正文明执法。",
         "全面落实行政执法公示、执法全过程记录、重大执法决定法制审核制度，组织执法案卷评查2次，"
         "评查案卷186件，对发现的问题逐件反馈整改。推行包容审慎监管，对轻微违法行为依法不予处罚43件。"),
        ("强化行政权力制约监督。",
         "自觉接受人大监督和政协民主监督，办理人大代表建议56件、政协提案71件，办复率100%。"
         "支持法院依法受理和审理行政案件，行政机关负责人出庭应诉率保持100%。"),
    ]
    out = [h1(heading or f"一、{year}年法治政府建设主要举措和成效")]
    for k, (head, text) in enumerate(items, 1):
        out.append(h2(sub_marker.format("一二三四五六"[k - 1]) + head, text))
    return out


def part2(year: int, *, heading: str = "二、存在的不足和原因") -> list:
    return [h1(heading),
            body(f"{year}年，我们在法治政府建设方面取得了一定成效，但对照上级要求和人民群众期盼，仍存在一些不足："
                 "一是部分领导干部运用法治思维和法治方式深化改革、推动发展的能力还有差距；"
                 "二是基层行政执法力量相对薄弱，执法规范化水平有待提高；"
                 "三是行政规范性文件合法性审核机制还不够健全。究其原因，主要是学法用法的长效机制还不完善，"
                 "执法人员培训的针对性不强，对法治政府建设工作的督促检查还不够有力。")]


def part3(org: str, *, heading: str = "三、党政主要负责人履行推进法治建设第一责任人职责情况") -> list:
    return [h1(heading),
            body(f"{org}主要负责人认真履行推进法治建设第一责任人职责，做到重要工作亲自部署、重大问题亲自过问、"
                 "重点环节亲自协调、重要任务亲自督办。年内主持召开专题会议研究法治建设重大问题3次，带头参加"
                 "政府常务会议会前学法4次，带头出庭应诉1次，将履行推进法治建设第一责任人职责情况列入年终述职内容。")]


def part4(org: str, year: int, *, heading: str | None = None, one_line: bool = False) -> list:
    items = [("持续深化学习宣传贯彻习近平法治思想。", "把习近平法治思想纳入政府常务会议会前学法和干部教育培训的重要内容，"
              "推动领导干部带头尊法学法守法用法。"),
             ("全面提升依法行政能力。", "严格落实重大行政决策程序规定，加强行政规范性文件合法性审核，"
              "做到应审尽审、有件必备。"),
             ("着力提高行政执法质量。", "深入推进行政执法规范化建设，开展行政执法人员全员培训，"
              "持续推进“双随机、一公开”监管全覆盖。")]
    out = [h1(heading or f"四、{year + 1}年推进法治政府建设的主要安排"),
           body(f"{year + 1}年，{org}将坚持以习近平新时代中国特色社会主义思想为指导，重点抓好以下工作：")]
    for k, (head, text) in enumerate(items, 1):
        marker = "（" + "一二三四"[k - 1] + "）"
        out.append(h2(marker + head) if one_line else h2(marker + head, text))
    return out


def part5(year: int, *, heading: str = "五、其他需要报告的情况") -> list:
    return [h1(heading),
            body(f"{year}年，本级未发生因违法行政被上级机关通报或被追究责任的情况；行政复议、行政诉讼案件中"
                 "行政机关败诉率较上年下降2.1个百分点。")]


def intro(org: str, year: int) -> list:
    return [body(f"{year}年，{org}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，"
                 "认真落实党中央、国务院关于法治政府建设的决策部署，扎实推进依法行政各项工作。"
                 f"现将{year}年法治政府建设工作情况报告如下：")]
