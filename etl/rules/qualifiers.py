"""A figure's qualifier: exact, at_least (300多名, 超过), at_most (不到), approx (约, 左右)
or per_unit (人均, 每人). The words are in data/catalog/qualifiers.csv, each with
where it stands: before the number, after it, or anywhere in its phrase."""

from __future__ import annotations

from etl.catalog import Catalog
from etl.records import Around, Mention

EXACT = "exact"
PER_UNIT = "per_unit"


def qualifier(mention: Mention, around: Around, catalog: Catalog) -> str:
    """per_unit from the phrase, then the words just before, then just after the number."""
    rate = mention.unit == "percent"  # a rate of a per-head amount is not itself per unit
    multiple = mention.measure in catalog.words["rate_word"]  # nor is a multiple (补贴标准提高1倍)
    if not rate:
        found = catalog.qualifiers_in_clause.first_in(around.phrase, (lambda q: q != PER_UNIT) if multiple else None)
        if found:
            return found
    found = catalog.qualifiers_before.at_end(around.before)
    if found and not ((rate or multiple) and found == PER_UNIT):
        return found
    found = catalog.qualifiers_after.at_start(around.sentence.text, around.end)
    if found:
        return found
    # 多/余 stand inside the surface: 300多名, 1.2万余人.
    inside = mention.surface[1:]
    for word, found in catalog.qualifiers_after.single_characters:
        if word in inside:
            return found
    return EXACT
