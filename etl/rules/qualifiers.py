"""A figure's qualifier: exact, at_least (300多名, 超过), at_most (不到), approx (约, 左右)
or per_unit (人均, 每人, 每亩, 2000元/亩). The bound words are in data/catalog/qualifiers.csv, each
with where it stands: before the number, after it, or anywhere in its phrase; whether the figure is an
amount per one of something is the rule table of per_unit_rules.csv (per_unit.py).

A figure has one qualifier, and per_unit wins over a bound stated with it (2000元/亩以上, 人均可支配收入
超过3万元): a per-unit amount added into a programme's total or answered as a whole's level is a wrong
number, while the lost bound stays in the words of the sentence (`written` in v2.compare quotes it)."""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.records import Around, Mention
from etl.rules.per_unit import PER, PER_UNIT, is_per_unit, per_measure_end, per_unit_by_unit

EXACT = "exact"
__all__ = ["EXACT", "PER_UNIT", "listed_kind", "qualifier"]


def _not_per_unit(found: str) -> bool:
    return found != PER_UNIT


def qualifier(mention: Mention, around: Around, catalog: Catalog) -> str:
    """per_unit when the rules of per_unit_rules.csv say so; else the bound the words state: a word
    of the phrase (not for a rate: 不低于 in a rate's phrase bounds the amount it is a rate of), then
    the words just before, then just after the number (past /亩: 2000元/亩以上), then 多/余 inside it
    (300多名, 1.2万余人); else exact."""
    text = around.sentence.text
    gate, per_unit = catalog.compiled(per_unit_by_unit)[mention.unit]
    if gate.rules:  # not a rate
        words = gate.find(text, around.start - len(around.clause_before), around.end + 1)  # per_unit.words_near
        if words or not gate.asks_nothing:  # else no cue is asked (most figures)
            per_unit = is_per_unit(mention, around, catalog, words)
    if per_unit:
        return PER_UNIT
    if mention.unit != "percent":
        found = catalog.qualifiers_in_clause.first_in(around.phrase, _not_per_unit)
        if found:
            return found
    found = catalog.qualifiers_before.at_end(around.before)
    if found is None and around.before[-1:] in catalog.compiled(_verb_endings):
        verb_at_end, reach = catalog.compiled(_verb_at_end)  # 至少降低30%: the bound of the change
        verb = verb_at_end.search(around.before, max(0, len(around.before) - reach))
        found = verb and catalog.qualifiers_before.at_end(around.before[: verb.start()])
    if found and found != PER_UNIT:
        return found
    end = around.end
    if text.startswith(PER, end):
        end = per_measure_end(text, end, catalog) or end
    found = catalog.qualifiers_after.at_start(text, end)
    if found and found != PER_UNIT:
        return found
    inside = mention.surface[1:]
    for word, found in catalog.qualifiers_after.single_characters:
        if word in inside:
            return found
    return EXACT


def listed_kind(kind: str, listed: bool, passed: str | None, around: Around, catalog: Catalog):
    """(the figure's qualifier, what it passes to the items listed after it). An item of a list (`listed`)
    whose own words state none takes what the figure opening the list passed: per_unit (月人均分别提高
    221元、90元), or a bound stated before it (分别超过8万元、4.5万元: both at least); not a bound after
    it, which is its own (5万人以上、3万人: 3万人 is exact)."""
    if listed:
        return (passed if kind == EXACT and passed else kind), passed
    if kind == PER_UNIT or (kind != EXACT and catalog.qualifiers_before.at_end(around.before) == kind):
        return kind, kind
    return kind, None


def _verb_at_end(catalog: Catalog) -> tuple[re.Pattern, int]:
    """A verb of change (change_verb of words.csv) ending the words before a number: 至少降低30%; and
    the length of the longest, how far from the end a match can start (the search starts there)."""
    verbs = catalog.words["change_verb"]
    return re.compile(f"(?:{alternation(verbs)})$"), max(map(len, verbs), default=0)


def _verb_endings(catalog: Catalog) -> frozenset[str]:
    """The last characters of the verbs of change: the pre-check of _verb_at_end, from the same words."""
    return frozenset(verb[-1] for verb in catalog.words["change_verb"])
