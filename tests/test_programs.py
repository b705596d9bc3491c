"""etl/rules/programs.py: the programme a figure belongs to, as the sentence places it."""

from __future__ import annotations

from etl.catalog import load_catalog

from .helpers import figures_of


def programmes(text: str) -> list[tuple[str, str | None]]:
    return [(f.surface, f.program) for f in figures_of(text, report_year=2009)]


def test_the_programme_named_nearest_before_the_figure_in_its_sentence():
    text = "脱贫攻坚投入资金100亿元,棚户区改造开工600万套。"
    assert programmes(text) == [("100亿元", "poverty_alleviation"), ("600万套", "affordable_housing")]


def test_a_programme_named_after_the_figure_counts_only_in_its_own_clause():
    assert programmes("改造1.2万户农村危房。") == [("1.2万户", "affordable_housing")]
    text = "实施总额4万亿元的两年投资计划,实行结构性减税,扩大国内需求。"  # the plan is no tax cut
    assert programmes(text) == [("4万亿元", None)]


def test_an_amount_naming_only_its_spending_is_for_the_one_thing_the_next_clause_names():
    assert programmes("投资1260万元,完成5个村的饮水安全工程。") == [
        ("1260万元", "rural_drinking_water"),
        ("5个", "rural_drinking_water"),
    ]
    several = "投资1.9亿元,实施了危房改造、饮水安全、街巷硬化等工程。"
    assert programmes(several) == [("1.9亿元", None)]
    counted = "全年投资90.07亿元,完成1.8万户、189万平方米棚改任务。"  # one thing counted two ways
    assert programmes(counted)[0] == ("90.07亿元", "affordable_housing")
    named = "中央财政安排429亿元,解决关闭破产国有企业退休人员医疗保险问题。"  # its words name more than spending
    assert programmes(named) == [("429亿元", None)]


def test_a_short_paragraph_gives_its_one_programme_not_one_of_a_list_of_fields():
    text = "加快推进棚户区改造。\n力争完成600万套。"  # a sentence of its own: a new paragraph names none
    assert programmes(text) == [("600万套", None)]
    one = "推进棚户区改造。力争完成600万套。"
    assert programmes(one) == [("600万套", "affordable_housing")]
    fields = "加大现代物流、旅游、棚户区改造等领域的投资。全力完成今年66个重点项目54亿元的投资计划。"
    assert programmes(fields) == [("66个", None), ("54亿元", None)]


def test_a_rate_is_of_its_own_clauses_subject_never_of_a_programme_named_before():
    """推进退耕还林…，森林覆盖率21.6%: the rate is the forest cover's, not an amount of reforestation;
    a programme its own clause names is still its own (助学金覆盖面 of student aid)."""
    catalog = {p.program_id for p in load_catalog().programs}
    assert {"reforestation", "student_aid"} <= catalog
    cover = figures_of("大力推进退耕还林，新增造林面积12万亩，森林覆盖率达到21.6%。", 2016)
    assert [(f.surface, f.program) for f in cover] == [("12万亩", "reforestation"), ("21.6%", None)]
    aid = figures_of("国家助学金覆盖面达到20%。", 2008)
    assert [(f.surface, f.program) for f in aid] == [("20%", "student_aid")]


def test_a_later_clause_that_names_its_own_subject_takes_no_programme_named_before():
    """A count with its own noun doing a thing of its own (1.2万户牧民实现定居), a doing with an object of
    its own (新建乡村道路), a noun before a verb of being (全市经营主体达): none is of the programme an
    earlier clause named; 又有…农村危房得到改造 is of the one its own clause names."""
    text = "农村饮水安全工程让420万农民受益，新建乡村道路1.6万公里，又有5.3万户农村危房得到改造，1.2万户牧民实现定居。"
    assert programmes(text) == [
        ("420万", "rural_drinking_water"),
        ("1.6万公里", None),
        ("5.3万户", "affordable_housing"),
        ("1.2万户", None),
    ]
    cuts = "全年为小微企业减负超1200亿元，全市经营主体达86.4万户，其中企业31.2万户。"  # 其中: a part of those
    assert programmes(cuts) == [("1200亿元", "tax_and_fee_cuts"), ("86.4万户", None), ("31.2万户", None)]


def test_a_later_clause_that_goes_on_with_the_topic_takes_its_programme():
    """其中, 有, a total, a verb alone, those reached: the clause says nothing of a subject of its own."""
    awards = "今年共表彰全国劳模和先进工作者1850名，其中来自企业的劳模1210名，有120多名新业态劳动者。"
    assert {program for _, program in programmes(awards)} == {"model_worker_awards"}
    housing = "保障性安居工程开工420万套，基本建成310万套，比上年增加20万套。"
    assert programmes(housing) == [
        ("420万套", "affordable_housing"),
        ("310万套", "affordable_housing"),
        ("20万套", "affordable_housing"),
    ]
    reached = "开展职业技能培训1.3万人次，超过9000名农民工实名参与，合计发放补贴560万元。"
    assert {program for _, program in programmes(reached)} == {"skills_and_job_stability"}


def test_a_clause_naming_only_the_programme_is_the_topic_of_the_doings_after_it():
    """继续压减过剩产能，全年关停小水泥厂46家: a clause of no figure names the topic of the doings that
    follow; a clause counting a programme of its own (煤炭产能压减3000万吨) is no topic of another doing."""
    topic = "继续压减过剩产能，全年关停小水泥厂46家，关闭小煤窑118处。"
    assert programmes(topic) == [("46家", "capacity_reduction"), ("118处", "capacity_reduction")]
    counted = "煤炭产能压减3000万吨，关闭小煤窑118处。"
    assert programmes(counted) == [("3000万吨", "capacity_reduction"), ("118处", None)]


def test_a_paragraphs_programme_ends_at_a_sentence_of_a_subject_of_its_own():
    text = "基本医疗保险参保人数增加900人。参加失业保险人数1.2万人，增加600人。年末共有3200人享受最低生活保障。"
    found = dict(programmes(text))  # 增加600人 is the unemployment insurance's, whether or not 1.2万人 is a figure
    assert (found["900人"], found["600人"], found["3200人"]) == ("medical_insurance", None, None)
    going_on = "推进棚户区改造。全力完成今年改造任务8600户。"
    assert programmes(going_on) == [("8600户", "affordable_housing")]


def test_an_item_of_its_own_in_a_clause_takes_no_programme_an_item_before_it_names():
    debt = "在明确棚户区改造隐性债务按原合同偿还、安排900亿元债务限额补充地方财力的基础上推进化债。"
    assert programmes(debt) == [("900亿元", None)]
    projects = "投资3.6亿元的保障性住房、0.8亿元的供水管网改造等工程进展顺利。"
    assert programmes(projects) == [("3.6亿元", "affordable_housing"), ("0.8亿元", None)]
    share = "其中，保障性住房、农村公路、学校投资占38%。"  # a rate of three things, no one programme's
    assert programmes(share) == [("38%", None)]
