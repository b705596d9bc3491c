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
