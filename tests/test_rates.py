"""The category of a change (etl/rules/rates.py): a change in % of an amount of money is funds; of
output, of a count, or of anything else, other; the rule is a row of category_rules.csv."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.rules.rates import change_rules

from .helpers import figures_of, keep_rows


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # the rate after an amount of money borrows its subject, past another rate between them
        ("全省一般公共预算收入完成1215.6亿元，为预算的101.3%，增长4.1%。", ["funds", "other", "funds"]),
        ("全省一般公共預算收入完成1215.6億元，為預算的101.3%，增長4.1%。", ["funds", "other", "funds"]),
        # the money named in the rate's own words
        ("全年固定资产投资增长6.8%，工会经费收入增长2.3%。", ["funds", "funds"]),
        ("城乡居民人均可支配收入分别增长5.1%、6.6%。", ["funds", "funds"]),
        # output and what is measured by it, a count of people, goods, prices and shares: other
        ("地区生产总值达到14862.3亿元，增长5.3%。", ["funds", "other"]),
        ("單位地區生產總值能耗下降2.5%。", ["other"]),
        ("享受生活补助人数增加12%。", ["other"]),
        ("粮食总产量达到830万吨，增长2.1%。居民消费价格上涨0.3%。", ["other", "other", "other"]),
        ("税收收入占比提高1.2个百分点。", ["other"]),
    ],
)
def test_a_change_of_money_is_funds_and_of_output_or_a_count_other(text, categories):
    assert [f.category for f in figures_of(text, 2025)] == categories


def test_the_change_cues_are_read_once_per_catalog_for_their_units():
    catalog = load_catalog()
    rules = catalog.compiled(change_rules)
    assert rules is catalog.compiled(change_rules)
    assert {unit: [(cue.__name__, wanted) for cue, wanted in found] for unit, found in rules.items()} == {
        "percent": [("money_change", "funds")]
    }


def test_without_its_row_a_change_of_money_is_other(catalog_copy):
    keep_rows(catalog_copy / "category_rules.csv", lambda line: not line.startswith("money_change,"))
    assert [f.category for f in figures_of("全年固定资产投资增长6.8%。", 2025, catalog_copy)] == ["other"]
