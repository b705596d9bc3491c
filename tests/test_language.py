"""The language around a figure, one class at a time: sentences written for these tests in
the style of work and trade-union reports (none copied from a report), each union class in
simplified and in traditional script."""

from __future__ import annotations

import pytest

from .helpers import figures_of, one


def shown(text: str, *fields: str) -> list[tuple]:
    return [tuple(getattr(f, name) for name in ("surface", *fields)) for f in figures_of(text, 2025)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # measure words the hand table lacks, from the references: trains, pairs, teams, kinds
        ("全年开行货运班列1500列。", [("1500列", 1500.0, "列")]),
        ("缔结友好城市36对。", [("36对", 36.0, "对")]),
        ("累计收录地方志书2.4万卷。", [("2.4万卷", 24000.0, "卷")]),
        ("會員總數達12萬6,400人。", [("12萬6,400人", 126400.0, "人")]),  # a group after a magnitude, its thousands
        ("新臺幣1億2,300萬元。", [("1億2,300萬元", 123000000.0, "元")]),
        ("健行活動共11梯次。", [("11梯次", 11.0, "梯次")]),
        ("新认定特色农产品27种。", [("27种", 27.0, "种")]),
        ("治理水土流失面积3.6万平方公里。", [("3.6万平方公里", 36000.0, "平方公里")]),
    ],
)
def test_a_measure_word_of_the_references_is_a_figure_with_its_measure(text, expected):
    assert shown(text, "value", "measure") == expected


@pytest.mark.parametrize(
    "text",
    [
        "让三百六十行都有带头人。",  # a numeral and a measure word of the references: an idiom
        "打造一支高素质干部队伍。",  # one numeral before a measure word of the references: 'a'
        "实施数字乡村2.0行动计划。",  # 行 starts 行动 here
        "零售额保持两位数增长。",  # a count of digits
        "为职工办好10件实事。",  # a named package of deeds
        "為職工辦好10件實事。",
        "开通12351职工服务热线。",  # a hotline number
        "開通12351職工服務熱線。",
        "全市经济总量居全国第3位。",  # a rank
        "全市营商环境评价排名上升3位。",  # places moved in a ranking, no people (位 counts people elsewhere)
        "全市營商環境評價位次前移2名。",
    ],
)
def test_words_that_hold_a_number_are_no_figures(text):
    assert figures_of(text, 2025) == []


def test_the_one_of_a_ratio_is_part_of_the_figure():
    assert shown("城乡居民收入比由2.8∶1缩小到2.4∶1。", "value") == [("2.8∶1", 2.8), ("2.4∶1", 2.4)]


@pytest.mark.parametrize(
    "text",
    [
        "城乡居民人均可支配收入比值为2.31（以农村居民为1），比上年缩小0.03。",
        "城鄉居民人均收入比為2.13，比上年縮小0.04。",
    ],
)
def test_a_ratio_of_incomes_per_head_is_a_ratio_and_its_change_a_figure(text):
    found = figures_of(text, 2025)
    assert [(f.qualifier, f.basis, f.direction) for f in found] == [("exact", None, None), ("exact", "change", -1)]


@pytest.mark.parametrize(
    ("text", "unit", "category"),
    [
        ("全县共有3.2万留守儿童纳入关爱范围。", "person", "beneficiaries"),  # 万 + a noun of people
        ("全市科研人员达到6.1万人。", "person", "workers"),
        ("引进高层次人才2600人。", "person", "workers"),  # the head: 人才
        ("新培育5户链主企业。", "enterprise", "organizations"),
        ("引进8家平台企业。", "enterprise", "organizations"),  # the head is 企业, not 平台
        ("全年检查用人单位1.86万户。", "organization", "organizations"),  # 户 of bodies: no households
        ("全年檢查用人單位1.86萬戶。", "organization", "organizations"),
        ("全年帮扶困难职工家庭1200户。", "household", "beneficiaries"),
        ("12个省级部门年初预算未细化。", "organization", "organizations"),  # departments are bodies
        ("全市建成“船员之家”86个。", "organization", "organizations"),  # a home a union runs: 之家
        ("全市建成「船員之家」86個。", "organization", "organizations"),
        ("打造职工思想政治引领示范点23个。", "organization", "organizations"),
        ("建成社保服务网点1264个。", "organization", "organizations"),  # an outlet a body runs
        ("新建社区服务综合体35个。", "organization", "organizations"),
        ("扶持创业实体1470户。", "enterprise", "organizations"),  # a business by any name
        ("热线全年受理诉求4620个。", "item", "activities"),  # requests handled are items, done
        ("熱線全年受理訴求4620個。", "item", "activities"),
        ("全年整改安全隐患96处。", "other", "activities"),  # hazards dealt with: work done
        ("全年为求职者提供岗位1.9万个。", "other", "workers"),  # jobs offered
        ("全市共创建巾帼文明岗位120个。", "other", "other"),  # a post of honour, no job
        ("全年开展义诊12批。", "time", "activities"),  # batches of events, as 批次
        ("組織會員赴內地交流團26團。", "other", "activities"),  # tours sent
        ("举办技能培训52个班次。", "time", "activities"),  # 个 before a measure word of times
        ("新建口袋公园85处。", "other", "other"),  # a place is no body
        ("开工改造农村危房4600户。", "household", "beneficiaries"),
        ("全年办理群众诉求1.8万件。", "item", "activities"),
        ("出台稳岗惠企政策措施32项。", "item", "activities"),
        ("实际使用外资18亿美元。", "other", "funds"),
        ("新增两院院士5名。", "person", "honorees"),
        ("9名职工入选全国五一劳动奖章名单。", "person", "honorees"),
        ("评选劳动模范260名。", "person", "honorees"),  # the head: 劳动模范
        ("評選勞動模範260名。", "person", "honorees"),
        ("全省农民工[3]总量达到1860万人。", "person", "workers"),  # a note mark between noun and number
        ("累计识别帮扶对象3.1万户。", "household", "beneficiaries"),  # people counted by household
        ("全年发生各类生产安全事故12起。", "item", "other"),  # incidents: items, no times
        ("全年調處勞動糾紛148起。", "item", "activities"),
    ],
)
def test_what_is_counted_decides_unit_and_category(text, unit, category):
    figure = one(text, 2025)
    assert (figure.unit, figure.category) == (unit, category)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # bodies and places the union runs are organisations, whatever qualifies them
        ("建成职工驿站420个。", "organizations"),
        ("建成職工驛站420個。", "organizations"),
        ("设立爱心超市56家。", "organizations"),
        ("設立愛心超市56家。", "organizations"),
        ("建立帮扶站点73个。", "organizations"),
        ("建立幫扶站點73個。", "organizations"),
        ("组建职工志愿服务队210支。", "organizations"),
        ("組建職工志願服務隊210支。", "organizations"),
        # the people it helps are beneficiaries
        ("资助困难职工子女1500名。", "beneficiaries"),
        ("資助困難職工子女1500名。", "beneficiaries"),
        ("服务农民工6万人次。", "beneficiaries"),
        ("服務農民工6萬人次。", "beneficiaries"),
        ("慰问困难职工家庭2.4万户。", "beneficiaries"),
        ("慰問困難職工家庭2.4萬戶。", "beneficiaries"),
        # workers counted as such are workers
        ("全省农民工总量达到1860万人。", "workers"),
        ("全省農民工總量達到1860萬人。", "workers"),
    ],
)
def test_the_union_nouns_in_both_scripts(text, category):
    assert one(text, 2025).category == category


def test_a_traditional_report_is_quoted_as_written():
    figure = one("全年資助困難職工子女1500名。", 2025)
    assert (figure.surface, figure.sentence, figure.value) == ("1500名", "全年資助困難職工子女1500名。", 1500.0)
    assert one("服務農民工6萬人次。", 2025).surface == "6萬人次"


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("城乡低保月标准提高到920元。", "per_unit"),
        ("城乡居民医保年补助标准提高到700元。", "per_unit"),
        ("每千人口执业医师达到3.6人。", "per_unit"),
        ("每万人口高价值发明专利拥有量达到21件。", "per_unit"),
        ("将困难职工生活补助标准提高1倍。", "exact"),  # a multiple of a standard is no standard
    ],
)
def test_standards_and_rates_per_head_are_per_unit(text, qualifier):
    assert one(text, 2025).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # a starting level is the level of the year before the period the sentence speaks of
        ("一、2025年工作回顾\n过去一年，全市城镇化率从61.5%提高到63.2%。", [(2024, 2024), (2025, 2025)]),
        ("一、过去五年工作回顾\n五年来，城乡居民收入比由2.6∶1缩小到2.3∶1。", [(2020, 2020), (2021, 2025)]),
    ],
)
def test_a_starting_level_is_the_year_before_the_period(text, periods):
    assert [(f.period_start, f.period_end) for f in figures_of(text, 2025)] == periods


@pytest.mark.parametrize(
    ("text", "is_target"),
    [
        ("下一步，将在25个城市开展零工市场建设试点。", True),  # will
        ("今年将继续为困难职工子女发放助学金3000万元。", True),
        ("去年将临时补贴标准提高1倍。", False),  # 将 taking its object: done
        ("全面完成年初确定的目标任务，城镇新增就业48万人。", False),  # targets met: outcomes
    ],
)
def test_what_a_report_says_it_will_do_is_a_target(text, is_target):
    assert one(text, 2025).is_target is is_target


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a counted noun of the references (counted_nouns.csv) says what a counting word counts
        ("新建公益性托儿所18个。", [("18个", "organization", "organizations")]),
        ("新建公益性託兒所18個。", [("18個", "organization", "organizations")]),
        (
            "改扩建乡镇敬老院40个、公共图书馆12个。",
            [("40个", "organization", "organizations"), ("12个", "organization", "organizations")],
        ),
        (
            "改擴建鄉鎮敬老院40個、公共圖書館12個。",
            [("40個", "organization", "organizations"), ("12個", "organization", "organizations")],
        ),
        ("组建职工心理疏导团队45支。", [("45支", "organization", "organizations")]),
        ("組建職工心理疏導團隊45支。", [("45支", "organization", "organizations")]),
        # the head of the compound before the number decides, not a noun that follows in the list
        (
            "培育先进制造业集群5个、中小企业特色产业集群9个。",
            [("5个", "organization", "organizations"), ("9个", "organization", "organizations")],
        ),
        # a place is neither a body nor a firm, by 处 as by 个
        ("新建街心公园30处。", [("30处", "other", "other")]),
        ("新建街心公園30處。", [("30處", "other", "other")]),
        # a noun the lexicon does not know leaves the measure word's unit: 个 other
        ("新建城市书房20个。", [("20个", "other", "other")]),
    ],
)
def test_the_counted_noun_of_the_references_decides_the_unit(text, expected):
    assert shown(text, "unit", "category") == expected


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # bodies counted with words that qualify them: the head decides (站点), not 帮扶 ...
        ("新建6个帮扶站点。", "organizations"),
        ("新建6個幫扶站點。", "organizations"),
        # ... and bodies selected or awarded are honoured
        ("6个帮扶站点入选全国示范名单。", "honorees"),
        ("6個幫扶站點入選全國示範名單。", "honorees"),
        ("8所职业院校入选国家示范校。", "honorees"),
        ("8所職業院校入選國家示範校。", "honorees"),
        ("3家职工驿站获评全省最美驿站。", "honorees"),
        ("3家職工驛站獲評全省最美驛站。", "honorees"),
    ],
)
def test_a_body_counted_is_an_organisation_unless_it_is_honoured(text, category):
    assert one(text, 2025).category == category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span of time that is the measured outcome is a figure: unit other, the time word its measure
        ("平均办理时间压缩至5天。", [("5天", 5.0, "other", "天")]),
        ("平均辦理時間壓縮至5天。", [("5天", 5.0, "other", "天")]),
        (
            "工程建设项目审批时限由45个工作日缩短到20个工作日。",
            [("45个工作日", 45.0, "other", "个工作日"), ("20个工作日", 20.0, "other", "个工作日")],
        ),
        (
            "工程建設項目審批時限由45個工作日縮短到20個工作日。",
            [("45個工作日", 45.0, "other", "个工作日"), ("20個工作日", 20.0, "other", "个工作日")],
        ),
        ("职工维权案件平均用时缩短至18小时。", [("18小时", 18.0, "other", "小时")]),
        # an age and a count of days measured are too (寿命, 天数: span_noun)
        ("人均预期寿命达到81岁。", [("81岁", 81.0, "other", "岁")]),
        ("人均預期壽命達到80.2歲。", [("80.2歲", 80.2, "other", "岁")]),
        ("空气质量优良天数达到325天。", [("325天", 325.0, "other", "天")]),
        # an age measured (年龄), a bonus in months of pay (奖金), hours of teaching (学时)
        ("平均退休年齡為61.2歲。", [("61.2歲", 61.2, "other", "岁")]),
        ("年終獎金維持4.5個月。", [("4.5個月", 4.5, "other", "个月")]),
        ("人均培训时长32学时。", [("32学时", 32.0, "other", "学时")]),
        ("訓練時數合計2,640小時。", [("2,640小時", 2640.0, "other", "小时")]),  # hours counted (时数)
        ("60岁以上老年人达到12万人。", [("12万人", 120000.0, "person", "人")]),  # an age bounding a class
        # leave and the days counted: 休假, 产假, 日数; weeks (周) as days are
        ("带薪休假延长至15天。", [("15天", 15.0, "other", "天")]),
        ("法定產假由10周延長至14周。", [("10周", 10.0, "other", "周"), ("14周", 14.0, "other", "周")]),
        ("平均每月減少工作日數約6天。", [("6天", 6.0, "other", "天")]),
        ("纪念建党100周年。", []),  # an anniversary: no span named
        # a span that says when, or for how long something went on, is none
        ("提前5天完成全年任务。", []),
        ("連續5天開展走訪慰問。", []),
        ("驿站每天开放12小时。", []),
    ],
)
def test_a_duration_that_is_the_outcome_is_a_figure(text, expected):
    assert shown(text, "value", "unit", "measure") == expected


def test_a_span_of_time_cut_or_extended_by_an_amount_is_a_change_and_one_cut_to_an_amount_a_level():
    text = "企业开办时间缩短3天，服务时间延长2小时，办理时间压缩至5天。"
    assert [(f.surface, f.basis, f.direction) for f in figures_of(text)] == [
        ("3天", "change", -1),  # takes 3 days less, never "takes 3 days"
        ("2小时", "change", 1),
        ("5天", None, None),  # 压缩至: the time it now takes
    ]


def test_a_measure_word_that_begins_a_listed_noun_is_part_of_the_noun():
    # unit_nouns.csv: 户籍人口 counts people, 个体工商户 businesses; 户 and 个 only begin them
    assert [(f.surface, f.unit) for f in figures_of("新增12万户籍人口，新增1.2万个体工商户。")] == [
        ("12万", "person"),
        ("1.2万", "enterprise"),
    ]
