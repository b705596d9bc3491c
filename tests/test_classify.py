"""What each figure counts, how it is qualified, and what it is part of."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.rules.classify import classify
from etl.rules.mentions import find_mentions
from etl.rules.structure import report_parts
from etl.text.normalize import normalize
from etl.text.sentences import split_sentences

from .helpers import figures_of, one


def classified(text: str, report_year: int = 2020):
    """classify()'s figures for `text`, before de-duplication merges any."""
    text = normalize(text)
    catalog = load_catalog()
    parts = report_parts(text, report_year, catalog)
    return classify("snippet", text, split_sentences(text), find_mentions(text, catalog), parts, report_year, catalog)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("有300多名抗疫先进典型。", "at_least"),
        ("帮扶1.2万余人。", "at_least"),
        ("超过1230万职工实名参与。", "at_least"),
        ("逾5000名职工参加。", "at_least"),
        ("城镇新增就业1100万人以上。", "at_least"),
        ("安排资金约3亿元。", "approx"),
        ("近两万个企业受益。", "approx"),
        ("慰问职工50万人左右。", "approx"),
        ("实际利用外资约合25亿美元。", "approx"),  # 约合: about as much in another unit
        ("覆盖不到300家企业。", "at_most"),
        ("登记失业率4.5%以下。", "at_most"),
        ("控制在5.5%以内。", "at_most"),
        ("互助保障金额最高10万元。", "at_most"),  # a cap
        ("互助保障金額最高10萬元。", "at_most"),
        ("全省小时最低工资标准22元。", "per_unit"),  # the amount of a standard
        ("亿元地区生产总值生产安全事故死亡率0.027人。", "per_unit"),
        ("给予每家10万元经费支持。", "per_unit"),
        ("每人500元慰问金。", "per_unit"),
        ("每月发放补贴800元。", "per_unit"),
        ("人均增收3000元。", "per_unit"),
        ("共表彰2493名。", "exact"),
        ("新签订集体协约230份。", "exact"),  # 约 of 协约 (words.csv's bound_lookalike): no bound
        ("累計有效團體協約達156件。", "exact"),
        ("已签订协约约230份。", "approx"),  # the 约 after it is
        ("送去防暑降温物品折合约420万元。", "approx"),  # 折合 and 约: about, no contract
    ],
)
def test_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_a_word_ending_in_a_bound_word_stays_in_the_label():
    assert [f.label for f in figures_of("新签订集体协约230份，团体协约达156件。", 2020)] == [
        "新签订集体协约",
        "团体协约",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "补助水平提高至2000元/亩。",
        "补助标准为每亩2000元。",
        "居民用水价格3.5元/立方米。",
        "平均汇率为1美元兑7.1429元人民币。",
    ],
)
def test_an_amount_per_one_of_a_measure_word_is_per_unit(text):
    assert [f.qualifier for f in figures_of(text)][-1] == "per_unit"


def test_a_concentration_is_a_measure_of_its_own_not_an_amount_per_unit():
    assert [f.qualifier for f in figures_of("PM2.5平均浓度28.0微克/立方米，保持在30微克/立方米左右。")] == [
        "exact",
        "approx",
    ]


def test_an_amount_per_one_of_a_measure_is_per_unit_whatever_bound_follows():
    # per_unit wins: 2000元 an 亩 is never a programme's 2000元 (the 以上 stays in the sentence)
    assert [f.qualifier for f in figures_of("补助水平提高至2000元/亩以上。")] == ["per_unit"]


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("年度新增社会化工会工作者3357人。", "new"),
        ("新建职工书屋200家。", "new"),
        ("新发展会员874.3万人。", "new"),
        ("目前累计达41101人。", "cumulative"),
        ("截至2025年底，全市政府债务余额1268.5亿元。", None),  # a balance
        ("截至年底，全市城镇化率达到67.2%。", None),  # a rate is never a sum
        ("新增贷款中普惠小微贷款占比达到28%。", None),  # nor new: a share
        ("累计播放量达1.25亿次。", "cumulative"),
        ("职工人数比上年增加120万人。", "change"),
        ("国内生产总值增长6.6%。", "change"),
        ("能耗下降3.1%。", "change"),
        ("比去年预算高0.2个百分点。", "change"),
        ("科技进步贡献率提高到58.5%。", None),
        ("共安排资金24.92亿元。", None),
        # a change verb or a change's noun with words between it and the number (bases.csv, clause)
        ("规上工业增加值增幅达到6.1%。", "change"),
        ("基本養老金調幅約2.4%。", "change"),  # 调幅, 幅度: how far it moved
        ("最低工资标准上调幅度为8%。", "change"),
        ("森林覆盖率大幅度提高到35%。", None),  # 大幅度: sharply, the level reached
        ("壓減一般性支出8.5%。", "change"),
        ("农民人均增收2100元。", "change"),
        ("新吸收新就业形态劳动者入会620人。", "new"),  # newly taken in
        # a bound between the change and its number (qualifiers.csv's before words): 不低于, 超, 不到
        ("力争在岗职工人均收入增长不低于8%。", "change"),
        ("省级一般性支出下降超10%。", "change"),
        ("職工收入增長不到3%。", "change"),
        # a date says when, not how a figure was summed: a level as of the date (累计 says a sum)
        ("截至11月底，返还工会经费51.83亿元。", None),
        ("截至去年底，全国工会会员已达2.58亿人。", None),
        ("截至2023年底，全省职工驿站总数达到8600个。", None),
        ("目前，全市工會會員總數為52萬人。", None),
        ("截至目前，全市累计建成职工驿站560个。", "cumulative"),
        ("目前累计达41101人。", "cumulative"),
        # a tally of the things a relative clause describes is a level; but the new ones counted are new
        ("新建商品住宅销售价格环比上涨的城市个数为6个。", None),
        ("二手住宅銷售價格同比下降的城市個數為70個。", None),
        ("全年新增的企业数量为1200家。", "new"),
        # by how much a figure passed its plan or target: a gap against it; 成長 is growth
        ("全年完成投资超出计划8.6%。", "change"),
        ("脫貧人口務工規模超過年度目標任務277萬人。", "change"),
        ("個人會員總數較上年底成長3.8%。", "change"),
    ],
)
def test_basis(text, basis):
    assert one(text).basis == basis


def test_a_change_is_never_stored_as_a_level():
    before, after = figures_of("贫困发生率由10.2%下降到3.1%。")
    assert (before.surface, before.basis) == ("10.2%", None)
    assert (after.surface, after.basis) == ("3.1%", None)
    assert one("农村贫困人口减少1386万。").basis == "change"
    cut = one("削减财政赤字450亿元。")  # a cut of the deficit, not the deficit
    assert (cut.basis, cut.direction, cut.metric_id) == ("change", -1, None)
    assert (one("削减审批事项62项。").basis, one("削减到5个。").basis) == ("change", None)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("全总共安排疫情防控资金24.92亿元。", "funds"),
        ("返还工会经费51.83亿元。", "funds"),
        ("新发展八大群体会员874.3万人。", "members"),
        ("年度新增社会化工会工作者3357人。", "workers"),
        ("慰问疫情防控一线人员551.07万人。", "beneficiaries"),
        ("惠及63.48万个小企业。", "beneficiaries"),
        ("共表彰全国劳模和先进工作者2493名。", "honorees"),
        ("超过1230万职工实名参与。", "participants"),
        ("参与职工135.8万人。", "participants"),
        ("23万家百人以上企业建立了工会组织。", "organizations"),
        ("全年开展集体学习研讨37次。", "activities"),
        ("国内生产总值增长6.6%。", "other"),
    ],
)
def test_category_from_the_words_of_the_sentence(text, category):
    assert one(text).category == category


def test_a_clause_without_words_takes_the_category_of_the_clause_before():
    new, total = figures_of("年度新增社会化工会工作者3357人，目前累计达41101人。")
    assert (new.category, total.category) == ("workers", "workers")


def test_programme_from_the_catalog():
    programs = {p.program_id: p for p in load_catalog().programs}
    program = one("全总及各省级工会共安排疫情防控资金24.92亿元。").program
    assert "疫情防控" in programs[program].name_zh


def test_breakdown_parts_point_at_their_whole():
    whole, labour_models, workers, typical = figures_of(
        "共表彰全国劳模和先进工作者2493名，其中劳模1689名、先进工作者804名，有300多名抗疫先进典型。"
    )
    assert whole.parent_figure_id is None
    assert labour_models.parent_figure_id == whole.figure_id
    assert workers.parent_figure_id == whole.figure_id
    assert typical.parent_figure_id is None  # overlaps the parts, is not one of them
    assert typical.subset_of_figure_id == whole.figure_id
    assert labour_models.subset_of_figure_id is None


def test_a_whole_broken_down_into_shares_has_subsets_too():
    whole, share, more = figures_of("今年安排投资9080亿元，其中社会事业投资占44%，另有500亿元用于灾后重建。")
    assert (share.parent_figure_id, more.parent_figure_id, more.subset_of_figure_id) == (
        whole.figure_id,
        None,
        whole.figure_id,
    )


@pytest.mark.parametrize(
    "text",
    [
        "共发放慰问金1580万元，其中每户发放慰问金2000元。",
        "共發放慰問金1580萬元，其中每戶發放慰問金2000元，另有每戶1000元。",
    ],
)
def test_an_amount_per_head_is_no_part_nor_subset_of_a_total(text):
    whole, *per_head = figures_of(text)
    assert [(f.qualifier, f.parent_figure_id, f.subset_of_figure_id) for f in per_head] == [
        ("per_unit", None, None)
    ] * len(per_head)


def test_a_figure_larger_than_the_whole_is_no_subset_of_it():
    whole, _, _, typical = figures_of(
        "共表彰全国劳模和先进工作者2493名，其中劳模1689名、先进工作者804名，有3000多名抗疫先进典型。"
    )
    assert (typical.parent_figure_id, typical.subset_of_figure_id) == (None, None)


def test_a_breakdown_never_hangs_on_a_change_or_a_rate():
    figures = figures_of("今年拟安排财政赤字13500亿元，比上年增加1500亿元，其中中央财政赤字9500亿元。")
    deficit, increase, central = figures
    assert central.parent_figure_id == deficit.figure_id
    assert increase.parent_figure_id is None


def test_the_label_says_what_is_counted():
    assert one("截至2020年11月底，返还工会经费51.83亿元。").label == "返还工会经费"
    assert one("超过1230万职工实名参与。").label == ""


def test_a_range_shares_what_it_counts():
    low, high = figures_of("二、2019年工作安排\n国内生产总值增长6%-6.5%。", report_year=2018)
    assert (low.value, low.qualifier, high.value, high.qualifier) == (6, "at_least", 6.5, "at_most")
    assert high.basis == low.basis == "change"
    assert high.label == low.label == "国内生产总值增长"
    low, high = figures_of("城镇调查失业率5%-5.5%。")
    assert high.metric_id == low.metric_id == "surveyed_unemployment_rate"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("全国工会会员总数达2.6亿人。", "members"),
        ("基层工会组织280.9万个。", "organizations"),
        ("送温暖活动共筹集资金38.6亿元。", "funds"),
        ("工会经费收入1200亿元。", "funds"),
        ("金秋助学资助困难职工子女26.4万人。", "beneficiaries"),
        ("累计帮助1000多万户困难职工家庭解困脱困。", "beneficiaries"),
        ("开展劳动和技能竞赛活动1.2万场次。", "activities"),
        ("参赛职工达5000万人次。", "participants"),
        ("共有7.3万名工会干部参加培训。", "participants"),
    ],
)
def test_categories_in_a_union_report(text, category):
    assert one(text).category == category


def test_a_slash_unit_after_an_amount_is_per_unit():
    assert one("发放补贴500元/人。").qualifier == "per_unit"


def test_a_list_after_fenbie_shares_the_verb():
    figures = figures_of("单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%。")
    assert [(f.value, f.basis) for f in figures] == [(23, "change"), (15, "change"), (18, "change")]


def test_money_and_rates_are_never_people_reached():
    assert one("困难职工人均增收1000余元。").category == "funds"
    assert one("困难职工覆盖率达87.6%。").category == "other"


def test_a_verb_only_label_takes_the_subject_before_it():
    level, growth = figures_of("国内生产总值达到56.9万亿元，比上年增长7.7%。")
    assert (level.label, growth.label, growth.basis) == ("国内生产总值", "国内生产总值增长", "change")


def test_a_plans_verb_alone_takes_the_subject_before_it_so_that_two_planned_rates_stay_two_facts():
    text = "二、主要指标\n3.固定资产投资：计划增长5%，完成212.6亿元；\n4.社会消费品零售总额：计划增长5%，完成98.3亿元。"
    assert [(f.surface, f.label) for f in figures_of(text, 2025)] == [
        ("5%", "固定资产投资计划增长"),  # an item's number (3.) is no part of what is counted
        ("212.6亿元", "固定资产投资完成"),
        ("5%", "社会消费品零售总额计划增长"),
        ("98.3亿元", "社会消费品零售总额完成"),
    ]


def test_a_per_head_label_takes_the_subject_before_it_so_that_two_such_amounts_stay_two_facts():
    text = "资助在读高中生340名，每人1000元。为全市386名劳模发放春节慰问金，每人1000元。"
    assert [f.label for f in figures_of(text) if f.unit == "yuan"] == ["资助在读高中生每人", "为全市每人"]
    wages = figures_of("最低工资调整为每日272元、每月7072元。")
    assert [f.label for f in wages] == ["最低工资调整为每日", "最低工资调整每月"]


def test_the_programme_named_nearest_before_the_figure():
    catalog = {p.program_id: p.name_zh for p in load_catalog().programs}
    town, social = figures_of("全总对乡镇(街道)工会专项补助经费1.57亿元,对社会化工会工作者补贴1.36亿元。")
    assert "乡镇" in catalog[town.program] and "社会化工会工作者" in catalog[social.program]


def test_fenbie_gives_each_figure_its_own_subject():
    urban, rural = figures_of("城镇和农村居民人均可支配收入分别达35512元、25689元。")
    assert (urban.label, rural.label) == ("城镇居民人均可支配收入", "农村居民人均可支配收入")
    so2, nox = figures_of("二氧化硫、氮氧化物排放量分别下降5.6%和4%。")
    assert (so2.label, nox.label, so2.basis, nox.basis) == (
        "二氧化硫排放量下降",
        "氮氧化物排放量下降",
        "change",
        "change",
    )


def test_parts_may_open_the_next_sentence():
    whole, labour_models, workers = figures_of("共表彰2493名。其中，劳模1689名、先进工作者804名。")
    assert labour_models.parent_figure_id == workers.parent_figure_id == whole.figure_id


def test_a_part_opening_the_next_sentence_with_its_own_words_has_the_one_whole_of_its_kind_before():
    whole, part = figures_of("处理劳资争议案件126件。其中关厂歇业案件31件。")
    assert part.parent_figure_id == whole.figure_id
    cases, settled, closures = figures_of("处理劳资争议案件126件，协调成立98件。其中关厂歇业案件31件。")
    assert closures.parent_figure_id is None  # two wholes of its kind may be it: neither is said
    lectures, part = figures_of("共辦理勞工教育講習42場次；其中與勞工局合辦安全衛生講習18場次。")
    assert part.parent_figure_id == lectures.figure_id


def test_every_amount_of_a_sentence_opened_by_qizhong_may_be_a_part_but_no_change_nor_share():
    text = "发放慰问金和慰问品折合1380万元。其中，直接慰问困难职工620户，发放慰问金186万元，比上年增加20万元，占10%。"
    whole, households, part, change, share = figures_of(text, 2009)
    assert part.parent_figure_id == whole.figure_id
    assert change.parent_figure_id is share.parent_figure_id is households.parent_figure_id is None


def test_a_goal_of_the_sentence_before_is_no_whole_of_what_was_done():
    text = "今年全市工会计划走访慰问职工2.6万人。其中，为126名患大病职工发放医疗救助金。"
    plan, done = figures_of(text, 2025, published_on="2025-12-20")
    assert (plan.is_target, done.is_target, done.parent_figure_id) == (True, False, None)


@pytest.mark.parametrize(
    "text",
    [
        "全年共筹集帮扶资金3.2亿元，其中全总下拨0.8亿元，省总工会配套1.1亿元，市县工会自筹1.3亿元。",
        "全年共籌集幫扶資金3.2億元，其中全總下撥0.8億元，省總工會配套1.1億元，市縣工會自籌1.3億元。",
        "全年共筹集帮扶资金3.2亿元。其中，全总下拨0.8亿元，省总工会配套1.1亿元，市县工会自筹1.3亿元。",  # 其中 opens
    ],
)
def test_the_clauses_after_a_part_go_on_with_its_list(text):
    whole, *parts = figures_of(text)
    assert [p.parent_figure_id for p in parts] == [whole.figure_id] * 3


def test_a_parts_own_change_between_parts_keeps_the_list_going():
    whole, growth, *rest = figures_of(
        "全省一般公共预算支出7628.5亿元，增长4.2%。其中，教育支出1268.4亿元、增长5.1%，社会保障和就业支出1186.2亿元、"
        "增长6.3%，卫生健康支出612.8亿元。"
    )
    assert [(f.surface, f.parent_figure_id == whole.figure_id) for f in rest] == [
        ("1268.4亿元", True),
        ("5.1%", False),
        ("1186.2亿元", True),
        ("6.3%", False),
        ("612.8亿元", True),
    ]


def test_a_parts_own_share_in_a_clause_of_its_own_keeps_the_list_going():
    text = "会员总数达到2346万人，其中女职工会员702万人，占29.9%，农民工会员1120万人，占47.7%。"
    found = figures_of(text, 2022)
    surfaces = {f.figure_id: f.surface for f in found}
    assert [(f.surface, surfaces.get(f.parent_figure_id)) for f in found] == [
        ("2346万人", None),
        ("702万人", "2346万人"),
        ("29.9%", None),
        ("1120万人", "2346万人"),
        ("47.7%", None),
    ]


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_a_breakdown_of_a_part_nests_in_it_and_the_outer_list_goes_on(script):
    text = (
        "全年收入合计158000万元。其中：拨缴经费收入96318.7万元，增长4.1%；上级补助收入18406.2万元，增长6.7%，"
        "其中全国总工会专项补助9860万元；政府补助收入12650万元，下降8.5%。"
    )
    if script == "traditional":
        text = text.replace("费", "費").replace("补", "補").replace("万", "萬").replace("总", "總").replace("会", "會")
    found = [f for f in figures_of(text, 2025) if f.unit == "yuan"]
    surfaces = {f.figure_id: f.surface for f in found}
    assert [surfaces.get(f.parent_figure_id, "")[:6] for f in found] == ["", "158000", "158000", "18406.", "158000"]


def test_an_amount_per_head_is_no_whole_of_a_totals_parts():
    total, daily, *parts = figures_of(
        "流动量达到668亿人次，日均1.83亿人次，其中铁路客运量43.6亿人次、民航旅客运输量7.8亿人次。"
    )
    assert (daily.qualifier, [p.parent_figure_id for p in parts]) == ("per_unit", [total.figure_id] * 2)


@pytest.mark.parametrize(
    ("text", "parented"),
    [
        # more of the same (有), a breakdown of a part (中有): figures of their own
        ("共表彰2493名，其中劳模1689名，有300多名抗疫先进典型。", [True, False]),
        ("全市共有医疗机构1200个，其中医院300个，在医院中有公立医院120个。", [True, False]),
        # another kind (new members beside members), or parts that would overrun the whole
        ("全市工会会员达到120万人，其中农民工会员45万人，新发展会员3万人。", [True, False]),
        ("共培训1000人次，其中农民工800人次，女职工300人次。", [True, False]),
        # a flow of the year after levels at its end: a statement of its own
        ("年末工伤保险参保人数1038万人，其中农民工68万人；全年认定工伤4.1万人。", [True, False]),
    ],
)
def test_a_clause_after_a_part_that_says_something_else_is_no_part(text, parented):
    whole, *rest = figures_of(text)
    assert [f.parent_figure_id == whole.figure_id for f in rest] == parented


def test_parts_never_add_up_to_more_than_their_whole():
    whole, first, second = figures_of("共培训1000人次，其中农民工800人次、女职工300人次。")
    assert first.parent_figure_id == whole.figure_id
    assert second.parent_figure_id is None


def test_a_list_of_per_head_amounts_is_per_unit_throughout():
    figures = figures_of("月人均分别提高221元、90元、350元和300元。")
    assert [f.qualifier for f in figures] == ["per_unit"] * 4


def test_a_bound_before_a_list_bounds_every_item_a_bound_after_one_only_that_one():
    said = figures_of("汽车、家电以旧换新分别超过680万辆、6200万台。")
    assert [(f.surface, f.qualifier) for f in said] == [("680万辆", "at_least"), ("6200万台", "at_least")]
    said = figures_of("全年分别新增就业超过5万人、3万人和2万人。")
    assert [f.qualifier for f in said] == ["at_least"] * 3
    said = figures_of("全年新增就业分别达到5万人以上、3万人。")
    assert [(f.surface, f.qualifier) for f in said] == [("5万人", "at_least"), ("3万人", "exact")]


def test_a_number_counting_the_noun_after_it_takes_no_subject_from_the_figure_before():
    jobs, people = figures_of("城镇新增就业6600万人以上,13亿多人口的大国实现了比较充分就业。", report_year=2017)
    assert (jobs.label, people.label, people.unit) == ("城镇新增就业", "", "person")


def test_a_number_counting_the_noun_after_it_still_takes_the_event_of_a_clause_without_a_figure():
    (people,) = figures_of("开展全国职工读书知识竞赛线上问答,1230万职工参与。")
    assert people.label == "开展全国职工读书知识竞赛线上问答"


def test_a_list_item_takes_the_label_basis_and_metric_of_the_item_before():
    _, second = figures_of("高校毕业生800万人和900万人。")
    assert (second.label, second.metric_id, second.basis) == ("高校毕业生", "college_graduates", None)
    new, more = figures_of("新增就业1100万人、1200万人。")
    assert [(f.label, f.basis) for f in (new, more)] == [("新增就业", "new"), ("新增就业", "new")]


def test_fenbie_gives_each_figure_the_metric_of_its_own_subject():
    urban, rural = figures_of("城镇和农村居民人均可支配收入分别达35512元、25689元。")
    assert (urban.metric_id, rural.metric_id) == ("urban_disposable_income", "rural_disposable_income")


def test_the_graduating_class_is_the_subject_of_its_figure_never_the_people_a_verb_acts_on():
    """college_graduates is how many graduate (今年高校毕业生1222万人); the graduates a programme placed
    in jobs (吸纳超110万名高校毕业生在本省就业) are what the programme did, not the year's class."""
    for text in ("今年高校毕业生1222万人。", "今年高校毕业生将高达1222万人。", "全国普通高校毕业生规模达1222万人。"):
        assert figures_of(text, 2025)[0].metric_id == "college_graduates", text
    for text in ("人才行动吸纳超110万名高校毕业生在本省就业创业。", "引导超2万名高校毕业生等青年到基层就业。"):
        assert figures_of(text, 2025)[0].metric_id is None, text


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("地方一般公共预算收入完成3218.6亿元，同口径增长4.1%。", "general_budget_revenue_growth"),  # comparable basis
        ("全市生产总值增长5%—5.5%。", "gdp_growth"),  # a city's own 生产总值, no 地区
        ("生产总值增长5.5%左右。", "gdp_growth"),
        ("全年GDP增长5.1%。", "gdp_growth"),
        ("全省地区生产总值同比增长5.3%。", "gdp_growth"),
        ("农业生产总值增长3.1%。", None),  # a sector's, not the whole's
        ("社会消费品零售总额突破2万亿元，增长4.8%。", "retail_sales_growth"),  # 突破 is no part of the subject
        ("外贸进出口总额突破1万亿元，同比增长6.1%。", "foreign_trade_growth"),
        ("预计全年地区生产总值增长5.5%左右。", "gdp_growth"),  # a January report's estimate of the year
        ("进出口总额预计增长5%以上。", "foreign_trade_growth"),
        # against what a change is measured (compared_with of words.csv): 可比, 较上年, 按可比口径
        ("一般公共预算收入4321亿元，可比增长2.8%。", "general_budget_revenue_growth"),
        ("全省固定资产投资较上年下降2.4%。", "fixed_asset_investment_growth"),
        ("一般公共预算收入按可比口径增长7.5%。", "general_budget_revenue_growth"),
        # 经济 alone, after the whole's openers, is the whole's economy: its growth is GDP's
        ("全省经济增长5.2%。", "gdp_growth"),
        ("经济增长预期目标5%左右。", "gdp_growth"),
        ("地区生产总值迈上5万亿元新台阶，增长5.1%。", "gdp_growth"),
        ("数字经济增长15%。", None),  # a sector's
        ("全省实体经济增长3%。", None),
    ],
)
def test_a_wholes_growth_in_the_words_provinces_and_cities_use(text, metric):
    assert figures_of(text, 2025)[-1].metric_id == metric


@pytest.mark.parametrize(
    "text",
    [
        "全省经济总量达到5.3万亿元。",
        "地区生产总值迈上5万亿元新台阶。",
        "全市地区生产总值突破5万亿元。",
        "生产总值预计完成5万亿元。",
    ],
)
def test_a_wholes_level_ends_its_subject_with_a_reached_verb(text):
    """The level's words end with the whole's name and at most a verb of words.csv's reached_verb
    (达到, 完成, 突破, 迈上 …): 人均地区生产总值 or 地区生产总值增长 never fill gdp."""
    assert [f.metric_id for f in figures_of(text, 2025)] == ["gdp"]


def test_a_fall_fills_a_growths_slot_with_its_sign():
    """cpi_inflation is how much prices rose: 居民消费价格下降0.2% keeps its value as written (0.2, a fall)
    and gives the metric -0.2 (metric_value), as every metric view reads it; a growth written with a minus
    sign is negative already."""
    for text in ("居民消费价格上涨0.3%。", "居民消费价格指数（CPI）同比上涨0.3%。", "居民消费价格涨幅2%左右。"):
        rise = figures_of(text, 2025)[0]
        assert (rise.metric_id, rise.metric_value) == ("cpi_inflation", rise.value), text
    fall = figures_of("居民消费价格同比下降0.2%。", 2025)[0]
    assert (fall.value, fall.direction, fall.metric_id, fall.metric_value) == (0.2, -1, "cpi_inflation", -0.2)
    minus = figures_of("全省固定资产投资增长-3.8%。", 2025)[0]
    assert (minus.value, minus.metric_id, minus.metric_value) == (-3.8, "fixed_asset_investment_growth", -3.8)
    falls = figures_of("全年地区生产总值下降1.2%，社会消费品零售总额比上年减少2%左右，外贸进出口下滑5.1%。", 2025)
    assert [(f.metric_id, f.metric_value, f.qualifier, f.basis) for f in falls] == [
        ("gdp_growth", -1.2, "exact", "change"),
        ("retail_sales_growth", -2.0, "approx", "change"),
        ("foreign_trade_growth", -5.1, "exact", "change"),
    ]
    # a growth's figure is a change whatever words carry it (gold: any growth rate is a change)
    said = figures_of("经济增长预期目标6.5%—7%。", 2016)
    assert [(f.metric_id, f.basis, f.qualifier) for f in said] == [
        ("gdp_growth", "change", "at_least"),
        ("gdp_growth", "change", "at_most"),
    ]
    # a label naming a fall whose figure says no fall has two readings (the fall's size, a level, another
    # item's): no growth, rather than a fall read as a rise
    for text in (
        "全省固定资产投资下降、增长分别为3.8%和2%。",
        "全省地区生产总值下降至3.8%。",
    ):
        assert [f.metric_id for f in figures_of(text, 2025)][0] is None, text
    # a fall's size named by its noun (降幅, 下降幅度: bases.csv) is the fall
    for text in ("全省固定资产投资下降幅度为3.8%。",):
        assert [(f.metric_id, f.metric_value) for f in figures_of(text, 2025)] == [
            ("fixed_asset_investment_growth", -3.8)
        ], text
    # a bounded fall would turn its bound over with its sign (下降3%以上: at most -3): no metric
    assert [(f.metric_id, f.metric_value) for f in figures_of("全省固定资产投资下降3%以上。", 2025)] == [(None, None)]
    # and the other way round: energy use per unit of output counts its falls, never a rise (上升2%)
    assert figures_of("单位地区生产总值能耗下降3.1%。", 2025)[0].metric_id == "energy_intensity_reduction"
    assert figures_of("单位地区生产总值能耗上升2%。", 2025)[0].metric_id is None
    assert figures_of("单位GDP能耗较上年上升2%。", 2025)[0].metric_id is None
    # and a median is no mean: 人均可支配收入中位数 names no metric
    said = [f.metric_id for f in figures_of("城镇居民人均可支配收入56502元，中位数51115元。", 2025)]
    assert said == ["urban_disposable_income", None]
    assert figures_of("城镇居民人均可支配收入中位数51115元。", 2025)[0].metric_id is None


def test_a_difference_of_rates_is_no_rate_nor_growth():
    """回落2.1个百分点 is how much a growth rate fell, 下降0.3个百分点 how much a rate did: neither is the
    growth or the rate itself."""
    for text in ("全省固定资产投资增速回落2.1个百分点。", "全省城镇调查失业率下降0.3个百分点。"):
        assert [f.metric_id for f in figures_of(text, 2025)] == [None], text


def test_a_measure_whose_definition_changed_is_two_metrics_never_one_series():
    """纯收入 (net income, published until 2013) and 可支配收入 (disposable income since) differ by
    hundreds of yuan in the same year: one series of both would show the change of definition as growth."""
    net, net_growth = figures_of("农民人均纯收入8896元，实际增长9.3%。", 2014)
    disposable, growth = figures_of("农村居民人均可支配收入9430元，实际增长9.2%。", 2014)
    assert (net.metric_id, net_growth.metric_id) == ("rural_net_income", "rural_net_income_growth")
    assert (disposable.metric_id, growth.metric_id) == ("rural_disposable_income", "rural_disposable_income_growth")


def test_a_relation_verb_borrows_the_subject_only_for_a_relation_or_a_generic_word():
    cut, moved = figures_of("今年再减少农村贫困人口1000万以上，完成易地扶贫搬迁340万人。", report_year=2017)
    assert (moved.label, moved.metric_id) == ("完成易地扶贫搬迁", "poverty_relocation")  # not the poor's reduction
    _, invested = figures_of("全年实施重点项目47个，完成投资46.9亿元。")
    assert invested.label == "实施重点项目完成投资"  # 投资 alone says nothing of what was invested in
    _, share = figures_of("一般公共预算收入1000亿元，完成预算的101%。")
    assert share.label == "一般公共预算收入完成预算的"


def test_the_governments_own_level_is_no_metric_of_its_whole_area():
    whole, own = figures_of("全社会固定资产投资完成155.4亿元,区本级固定资产投资完成121.1亿元。")
    assert (whole.metric_id, own.metric_id) == ("fixed_asset_investment", None)
    assert own.label == "区本级固定资产投资完成"


def test_a_target_restated_where_it_is_explained_is_the_first_figure_once_more():
    text = "二、2010年工作安排\n今年国内生产总值增长8%左右。\n提出国内生产总值增长8%左右，主要是强调好字当头。"
    stated, restated = classified(text, 2009)
    assert restated is stated
    assert (stated.label, stated.is_target, stated.period_start) == ("今年国内生产总值增长", True, 2010)


def test_a_target_stated_again_without_being_explained_is_a_figure_of_its_own():
    text = "二、2010年工作安排\n今年国内生产总值增长8%左右。\n全年国内生产总值增长8%左右。"
    first, second = classified(text, 2009)
    assert [f.sentence for f in (first, second)] == ["今年国内生产总值增长8%左右。", "全年国内生产总值增长8%左右。"]


def test_a_part_with_no_basis_takes_its_wholes():
    jobs, graduates, migrants = figures_of("新增就业1300万人，其中高校毕业生800万人、农民工300万人。")
    assert [(f.basis, f.parent_figure_id) for f in (graduates, migrants)] == [("new", jobs.figure_id)] * 2


@pytest.mark.parametrize(
    "text",
    [
        "新建劳模和工匠人才创新工作室21个，累计达到137个，其中国家级2个、省级19个。",
        "累計建成職工書屋137家，其中國家級2家、省級19家。",
    ],
)
def test_a_part_naming_nothing_it_counts_counts_what_its_whole_does(text):
    *_, whole, national, provincial = figures_of(text)
    assert [(f.unit, f.category, f.parent_figure_id) for f in (national, provincial)] == [
        ("organization", "organizations", whole.figure_id)
    ] * 2


@pytest.mark.parametrize(
    "text",
    [
        "在956个全国工人先锋号中，来自制造业一线的班组有368个，来自科技研发一线的团队有86个。",
        "在956個全國工人先鋒號中，來自製造業一線的班組有368個，來自科技研發一線的團隊有86個。",
    ],
)
def test_the_counts_after_a_clause_among_a_whole_are_its_parts(text):
    whole, *parts = figures_of(text)
    assert [f.parent_figure_id for f in parts] == [whole.figure_id] * 2
    # not when the 在…中 clause states no figure, nor one of another kind
    assert [f.parent_figure_id for f in figures_of("在全省各级工会中，新建驿站120个，改造30个。")] == [None, None]


def test_shares_of_a_whole_add_up_to_100_percent_at_most():
    whole, *shares = figures_of(
        "今年安排投资9080亿元，其中社会事业投资占44%，重大基础设施建设占23%，灾后恢复重建占14%。"
    )
    assert [(f.surface, f.parent_figure_id) for f in shares] == [
        ("44%", whole.figure_id),
        ("23%", whole.figure_id),
        ("14%", whole.figure_id),
    ]
    whole, first, second = figures_of("今年安排投资9080亿元，其中社会事业投资占64%，重大基础设施建设占43%。")
    assert (first.parent_figure_id, second.parent_figure_id) == (whole.figure_id, None)


def test_a_breakdown_goes_on_past_a_semicolon():
    revenue, taxes, fall, other = figures_of(
        "全国一般公共预算收入219702.12亿元。其中，税收收入174972.01亿元，下降3.4%；非税收入44730.11亿元。"
    )
    assert [f.parent_figure_id for f in (taxes, fall, other)] == [revenue.figure_id, None, revenue.figure_id]


def test_a_monthly_or_yearly_increase_is_a_change():
    """人均月增200元 is 200元 more a month each, not a level of 200元."""
    (raise_,) = figures_of("困难职工生活补贴人均月增200元。", 2025)
    assert (raise_.basis, raise_.direction, raise_.qualifier) == ("change", 1, "per_unit")
    assert figures_of("全市机动车保有量年增8%。", 2025)[0].basis == "change"


def test_capacity_added_is_no_level_of_capacity():
    """grain_capacity is a level (粮食综合生产能力保持在1.3万亿斤以上); 新增千亿斤粮食生产能力建设, a plan's
    increment over a decade, filled that slot and met its own 'target' in v1.target_vs_actual."""
    (added,) = figures_of("推进全国新增千亿斤粮食生产能力建设。", 2009)
    (level,) = figures_of("粮食综合生产能力保持在1.3万亿斤以上。", 2021)
    assert (added.basis, added.metric_id) == ("new", None)
    assert (level.basis, level.metric_id) == (None, "grain_capacity")


def test_an_amount_each_year_is_per_unit_wherever_each_year_stands_in_its_clause():
    """The guide: 每年 amounts are per_unit. 连续5年每年安排8000亿元 is 8000亿元 a year, not the year's one amount."""
    assert [f.qualifier for f in figures_of("连续5年每年安排8000亿元新增专项债券。", 2024)] == ["per_unit"]


def test_an_amount_each_day_is_per_unit():
    """日均, 每天 anywhere in the clause: 平均每天新增1.5万户 is a daily average, not the year's count."""
    for text in ("平均每天新增市场主体1.5万户。", "日均新设企业2.6万户。"):
        assert [f.qualifier for f in figures_of(text, 2024)] == ["per_unit"], text


def test_a_list_item_takes_the_basis_of_the_item_before():
    text = "截至9月底，失业、工伤保险参保人数分别为2.42亿人、3.0亿人，同比分别增加500万人、1000万人。"
    assert [(f.surface, f.basis) for f in figures_of(text)] == [
        ("2.42亿人", None),
        ("3.0亿人", None),
        ("500万人", "change"),
        ("1000万人", "change"),
    ]


@pytest.mark.parametrize(
    ("text", "directions"),
    [
        ("二氧化硫、氮氧化物排放量分别下降5.6%和4%。", [-1, -1]),  # the 4% falls too
        ("城乡低保标准分别提高13.1%和17.7%。", [1, 1]),
        ("固定资产投资下降3%-4%。", [-1, -1]),  # a range's bound moves as its low end
    ],
)
def test_a_list_item_and_a_ranges_bound_move_the_way_the_figure_before_moved(text, directions):
    assert [f.direction for f in figures_of(text)] == directions


@pytest.mark.parametrize(
    ("text", "basis", "direction"),
    [
        ("企业退休人员基本养老金上调3%。", "change", 1),
        ("最低工资标准平均調高5.6%。", "change", 1),
        ("贷款市场报价利率下调0.25个百分点。", "change", -1),
        ("补贴标准上调至每人800元。", None, None),  # the level reached
    ],
)
def test_a_standard_adjusted_up_or_down_is_a_change(text, basis, direction):
    found = figures_of(text, 2024)[0]
    assert (found.basis, found.direction) == (basis, direction)


def test_an_amount_a_month_on_average_is_per_unit():
    assert [f.qualifier for f in figures_of("全省农民工月均收入达到4860元，增长3.8%。", 2024)] == ["per_unit", "exact"]


def test_an_amount_per_county_or_village_is_per_unit_and_a_new_count_is_new():
    per_head = figures_of("全县财政对行政村的补助县均1.2亿元，村均20万元。", 2024)
    assert [f.qualifier for f in per_head] == ["per_unit", "per_unit"]
    new = figures_of("全年新培养高技能人才3.2万人，新开发公益性岗位1.5万个。", 2024)
    assert [f.basis for f in new] == ["new", "new"]
