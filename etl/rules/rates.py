"""The category of a change, once its basis and label are known (classify.py): the rows of
category_rules.csv whose cue reads the label (CHANGE_CUES of etl/catalog/vocabularies.py) are asked
of a change the other rules left `other`, in the table's order:

    money_change,percent,funds      一般公共预算收入完成1215.6亿元，增长4.1%: a change of money is funds

A rate of change in % of an amount of money is funds, its label naming the money (a word of
categories.csv giving funds for 元: 收入, 投资, 支出); never of output or of what output measures
(words.csv's output_word: 地区生产总值增长5%, 单位地区生产总值能耗下降2.5%), of how many (gap_total:
补助人数增加12%), nor of prices or goods.
The label holds the subject a bare change borrows (全省一般公共预算收入完成1215.6亿元，增长4.1%:
全省一般公共预算收入增长), so one search of a few characters decides, where reading the clauses
before each rate cost a search of each."""

from __future__ import annotations

from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import holds_any
from etl.catalog.vocabularies import CHANGE_CUES, UNITS
from etl.records import Mention
from etl.rules.categories import FUNDS
from etl.rules.rule_tables import rows_for

YUAN = "yuan"  # the unit whose funds words (categories.csv) name money
PERCENT_SIGN = "%"  # a rate of change in per cent, not a change of a share in 个百分点


class RateWords(NamedTuple):
    """The tests money_change makes, composed once per catalog, each one call in C."""

    money: object  # does a label hold a word of categories.csv giving funds for 元 (收入, 投资)
    not_money: object  # does it hold an output_word (生产总值, 增加值) or a count's (gap_total: 人数)


def rate_words(catalog: Catalog) -> RateWords:
    money = (word for word, category, units in catalog.categories if category == FUNDS and YUAN in units.split("|"))
    return RateWords(holds_any(money), holds_any((*catalog.words["output_word"], *catalog.words["gap_total"])))


def money_change(mention: Mention, label: str, catalog: Catalog, wanted: str) -> str | None:
    if mention.measure != PERCENT_SIGN:
        return None
    words = catalog.compiled(rate_words)
    return wanted if words.money(label) and not words.not_money(label) else None


CUE_FUNCTIONS = {"money_change": money_change}


def change_rules(catalog: Catalog) -> dict[str, tuple]:
    """unit -> the (cue function, category) of the table's change cues that apply to it, in order
    (past its `always` row too: the other rules decided before them); units with none left out."""
    table = tuple(row for row in catalog.category_rules if row[0] in CHANGE_CUES)
    by_unit = {unit: rows_for(table, unit)[0] for units in (row[1] or UNITS for row in table) for unit in units}
    return {unit: tuple((CUE_FUNCTIONS[cue], wanted) for cue, wanted in rows) for unit, rows in by_unit.items() if rows}


def of_change(mention: Mention, label: str, catalog: Catalog) -> str | None:
    """The category the change cues find for a change left `other`, else None."""
    for cue, wanted in catalog.compiled(change_rules).get(mention.unit, ()):
        found = cue(mention, label, catalog, wanted)
        if found is not None:
            return found
    return None
