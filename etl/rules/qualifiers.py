"""A figure's qualifier: exact, at_least (300多名, 超过), at_most (不到), approx (约, 左右)
or per_unit (人均, 每人, 每亩, 2000元/亩). The bound words are in data/catalog/qualifiers.csv, each
with where it stands: before the number, after it, or anywhere in its phrase; whether the figure is an
amount per one of something is the rule table of per_unit_rules.csv (per_unit.py).

A figure has one qualifier. A bound stated with a per-unit amount (2000元/亩以上, 人均可支配收入超过3万元)
is its qualifier: the bound says how far the number itself holds, which nothing else in the record says,
while the per-unit stays in the words of its label or sentence (人均, /亩)."""

from __future__ import annotations

from etl.catalog import Catalog
from etl.records import Around, Mention
from etl.rules.per_unit import PER, PER_UNIT, is_per_unit, per_measure_end, per_unit_by_unit

EXACT = "exact"
__all__ = ["EXACT", "PER_UNIT", "qualifier"]


def _not_per_unit(found: str) -> bool:
    return found != PER_UNIT


def qualifier(mention: Mention, around: Around, catalog: Catalog) -> str:
    """The bound the words state: a word of the phrase (not for a rate: 不低于 in a rate's phrase bounds
    the amount it is a rate of), then the words just before, then just after the number (past /亩:
    2000元/亩以上), then 多/余 inside it (300多名, 1.2万余人); else per_unit when the rules of
    per_unit_rules.csv say so; else exact."""
    if mention.unit != "percent":
        found = catalog.qualifiers_in_clause.first_in(around.phrase)
        if found == PER_UNIT:  # 人均…超过: a bound of the phrase still wins
            found = catalog.qualifiers_in_clause.first_in(around.phrase, _not_per_unit)
        if found:
            return found
    found = catalog.qualifiers_before.at_end(around.before)
    if found and found != PER_UNIT:
        return found
    text, end = around.sentence.text, around.end
    if text.startswith(PER, end):
        end = per_measure_end(text, end, catalog) or end
    found = catalog.qualifiers_after.at_start(text, end)
    if found and found != PER_UNIT:
        return found
    inside = mention.surface[1:]
    for word, found in catalog.qualifiers_after.single_characters:
        if word in inside:
            return found
    gate, otherwise = catalog.compiled(per_unit_by_unit)[mention.unit]
    if gate.rules:  # not a rate
        words = gate.find(text, around.start - len(around.clause_before), around.end + 1)  # per_unit.words_near
        if words or not gate.asks_nothing:  # else no cue is asked (most figures)
            otherwise = is_per_unit(mention, around, catalog, words)
    return PER_UNIT if otherwise else EXACT
