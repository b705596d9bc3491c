"""Whether a figure is an amount per one of something, by the rules of per_unit_rules.csv: each cue
deciding a figure, a bound stated with it, and the table as data."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.rules.per_unit import per_unit_by_unit

from .helpers import figures_of, first_row, keep_rows, refused_row


@pytest.mark.parametrize(
    ("cue", "text", "qualifier"),
    [
        ("always", "全市居民人均可支配收入实际增长5.1%。", "exact"),  # a rate is no amount per head
        ("multiple", "困难职工帮扶标准提高1倍。", "exact"),  # a multiple, though a standard moves
        ("clause_word", "全市居民人均可支配收入达到4.2万元。", "per_unit"),
        ("clause_word", "全市居民人均可支配收入達到4.2萬元。", "per_unit"),
        ("standard", "城乡低保月标准提高到850元。", "per_unit"),
        ("standard", "城鄉低保月標準提高到850元。", "per_unit"),
        ("standard", "城乡居民医保年补助标准提高到650元。", "per_unit"),
        ("per_count", "每万名职工拥有工会驿站2个。", "per_unit"),
        ("per_count", "每萬名職工擁有工會驛站2個。", "per_unit"),
        ("per_count", "全市每千人口执业医师3.4人。", "per_unit"),
        ("per_count", "每万人高价值发明专利拥有量18件。", "per_unit"),
        ("per_count", "企业每招用1人补助1500元。", "per_unit"),  # every one done
        ("per_count", "對每吸納1名高校畢業生的企業給予1000元補貼。", "per_unit"),
        ("per_measure", "土地流转费每亩800元。", "per_unit"),
        ("per_measure", "土地流转费800元/亩。", "per_unit"),
        ("per_measure", "居民用水价格3.5元/立方米。", "per_unit"),
        ("per_measure", "细颗粒物平均浓度28微克/立方米。", "exact"),  # a concentration (density_base)
        # 每 and a measure word anywhere in the figure's own words, with no number between
        ("per_measure", "每位劳模发放慰问金3000元。", "per_unit"),
        ("per_measure", "每場活動補助經費2,000元。", "per_unit"),
        ("per_measure", "平均每所补助6万元。", "per_unit"),
        ("per_measure", "每批次疗休养经费5万元。", "per_unit"),
        ("clause_word", "亩均税收32.5万元。", "per_unit"),
        ("clause_word", "城镇非私营单位在岗职工年平均工资98760元。", "per_unit"),  # an average wage: per worker
        ("clause_word", "城鎮私營單位就業人員月平均工資5,840元。", "per_unit"),
        ("clause_word", "萬元地區生產總值能耗降至0.36噸標準煤。", "per_unit"),
        ("exchange", "年末1美元兑7.1元人民币。", "per_unit"),
        ("word_before", "为退休职工发放慰问金每年500元。", "per_unit"),
        ("word_after", "发放慰问金500元/人。", "per_unit"),
        ("word_after", "發放慰問金500元/人。", "per_unit"),
        ("always", "发放慰问金500元。", "exact"),  # nothing else says: an amount of the whole
    ],
)
def test_each_cue_decides_a_figure(cue, text, qualifier):
    (figure,) = [f for f in figures_of(text) if f.unit != "other" or f.measure != "美元"]
    assert figure.qualifier == qualifier


def test_a_number_between_each_and_the_figure_is_the_one_each_qualifies():
    text = "按每亩100元标准发放补贴资金5亿元。"
    assert [(f.surface, f.qualifier) for f in figures_of(text)] == [("100元", "per_unit"), ("5亿元", "exact")]


def test_coal_per_kilowatt_hour_is_per_unit():
    assert [(f.surface, f.qualifier) for f in figures_of("火电机组度电煤耗降至300克。")] == [("300克", "per_unit")]
    assert [(f.surface, f.qualifier) for f in figures_of("供电煤耗降至305克/千瓦时。")] == [("305克", "per_unit")]


def test_the_amounts_listed_after_the_first_are_per_head_too():
    text = "困难职工生活补贴、职工护理补贴标准分别从每人每月200元、260元提高到220元、300元。"
    assert [(f.surface, f.qualifier) for f in figures_of(text)] == [
        ("200元", "per_unit"),
        ("260元", "per_unit"),
        ("220元", "per_unit"),
        ("300元", "per_unit"),
    ]
    stated = "非全日制用工小时最低工资标准分别为22元、21元。"  # a standard stated for each of a list
    assert [(f.surface, f.qualifier) for f in figures_of(stated)] == [("22元", "per_unit"), ("21元", "per_unit")]


@pytest.mark.parametrize(
    "text",
    [
        "土地流转费800元/亩以上。",
        "土地流轉費800元/畝以上。",
        "全市居民人均可支配收入超过4万元。",
        "为困难职工每人发放慰问金不少于500元。",
    ],
)
def test_a_per_unit_amount_stated_with_a_bound_is_per_unit(text):
    """One qualifier: per_unit wins, so that an amount per head or per 亩 is never added into a
    programme's total nor answered as a whole's level; the bound stays in the sentence."""
    (figure,) = figures_of(text)
    assert figure.qualifier == "per_unit"


def _rules(catalog_copy, keep) -> int:
    """Keep the rows of per_unit_rules.csv `keep` accepts (the header always); the lines left."""
    return keep_rows(catalog_copy / "per_unit_rules.csv", keep)


def test_without_the_per_count_row_every_so_many_is_a_whole(catalog_copy):
    _rules(catalog_copy, lambda line: not line.startswith("per_count,"))
    assert [f.qualifier for f in figures_of("每万名职工拥有工会驿站2个。", catalog=catalog_copy)] == ["exact"]


def test_a_new_row_is_a_new_rule_for_its_units(catalog_copy):
    first_row(catalog_copy / "per_unit_rules.csv", "always,organization,per_unit,")
    assert [f.qualifier for f in figures_of("新建职工驿站300个。", catalog=catalog_copy)] == ["per_unit"]
    assert [f.qualifier for f in figures_of("发放慰问金500元。", catalog=catalog_copy)] == ["exact"]  # yuan: as before


def test_an_unknown_cue_names_the_file_and_the_line(catalog_copy):
    line, said = refused_row(catalog_copy, "per_unit_rules.csv", "per_head,yuan,per_unit,")
    assert said.startswith(
        f"{catalog_copy / 'per_unit_rules.csv'}:{line}: cue 'per_head' is not one of always, multiple, ratio, clause_word,"
    )


def test_an_unknown_verdict_names_the_file_and_the_line(catalog_copy):
    line, said = refused_row(catalog_copy, "per_unit_rules.csv", "per_count,,each,")
    assert said == f"{catalog_copy / 'per_unit_rules.csv'}:{line}: verdict 'each' is not one of per_unit, whole"


def test_the_table_is_read_once_per_catalog_into_each_units_rules():
    catalog = load_catalog()
    table = catalog.compiled(per_unit_by_unit)
    assert table is catalog.compiled(per_unit_by_unit)
    assert table["percent"][0].rules == () and table["percent"][1] is False  # a rate is whole at once
    assert [cue for cue, _ in table["yuan"][0].rules] == [
        "multiple",
        "clause_word",
        "standard",
        "per_count",
        "per_measure",
        "exchange",
        "word_before",
        "word_after",
        "level_after_per_head",
    ]


def test_a_figure_without_the_words_of_a_cue_is_spared_it():
    gate, _ = load_catalog().compiled(per_unit_by_unit)["yuan"]
    assert [cue.__name__ for cue, _ in gate("发放慰问金500元。", 0, 9)] == []
    assert [cue.__name__ for cue, _ in gate("土地流转费800元/", 0, 10)] == ["measure_per", "word_after"]


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        # a level reached after a per-head raise is per head
        ("城乡居民基础养老金最低标准每人每月提高20元，达到123元。", ["per_unit", "per_unit"]),
        ("企业退休人员月人均基本养老金2856元，比上年增加126元。", ["per_unit", "per_unit"]),  # how far it moved
        ("農村低保標準每人每年提高300元，達到7800元。", ["per_unit", "per_unit"]),
        # not after a whole amount, nor a clause that says more than the reaching
        ("全市安排资金1.2亿元，达到历史最高水平的1.5倍。", ["exact", "exact"]),
        ("每人每月提高20元，全市发放资金达到1.2亿元。", ["per_unit", "exact"]),
    ],
)
def test_a_level_reached_after_a_per_head_raise_is_per_head(text, qualifiers):
    assert [f.qualifier for f in figures_of(text, 2024)] == qualifiers
