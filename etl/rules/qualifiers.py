"""A figure's qualifier: exact, at_least (300多名, 超过), at_most (不到), approx (约, 左右)
or per_unit (人均, 每人). The words are in data/catalog/qualifiers.csv, each with
where it stands: before the number, after it, or anywhere in its phrase."""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.records import Around, Mention
from etl.text.characters import LETTER

EXACT = "exact"
PER_UNIT = "per_unit"


def standard(catalog: Catalog) -> re.Pattern:
    """低保月标准提高到850元, 补助标准由40元提高到80元: a standard moved or stated just before
    the number is an amount per head (标准化厂房 is no standard)."""
    moves = (*catalog.words["change_verb"], *catalog.words["reached_verb"])
    return re.compile(
        rf"""
        (?:{alternation(catalog.words["standard_word"])})     # a standard: 标准
        (?:
            {LETTER}{{0,2}}?                                   # how: 统一, 大幅, 再
            (?:(?:{alternation(catalog.words["from_word"])})   # from a level: 由40元
               [^，,；;。]{{1,12}}?)?
            (?:{alternation(moves)})                           # moved or reached: 提高, 达到
            (?:{alternation(catalog.words["to_word"])})?        # to: 到, 至
          | {LETTER}{{0,2}}?(?:{alternation(catalog.words["from_word"])})  # its level before: 标准由40元
          | 为                                                 # or stated: 标准为
          | (?=每|人均)                                        # or per head: 标准每人每月
        )                                                     # (国家标准4929项 counts standards)
        (?:每人每年|每人每月|每月|每年|人均)?                   # per head per year
        $                                                     # right before the number
        """,
        re.VERBOSE,
    )


def per_measure(catalog: Catalog) -> tuple[frozenset[str], int]:
    """每亩2000元 and 2000元/亩: an amount per one of a measure word the catalog knows (units.csv,
    measure_words.csv: 亩, 吨, 千瓦时 …); the words, and the length of the longest. Looked up as
    slices of the text, not compiled into one alternation of some 300 words."""
    return frozenset(catalog.units), max(map(len, catalog.units))


def _per_measure(around: Around, catalog: Catalog) -> bool:
    """Whether the figure is an amount per a measure word (per_measure): / and a measure word right
    after it, or 每 and a measure word ending the words before it. Most figures are neither, and say
    so in one character, which the caller looks for first: a / right after, a 每 before."""
    measures, longest = catalog.compiled(per_measure)
    text, end, before = around.sentence.text, around.end, around.before
    if text.startswith("/", end) and any(text[end + 1 : end + 1 + n] in measures for n in range(1, longest + 1)):
        return True
    each = before.rfind("每", max(0, len(before) - longest - 1))
    return each >= 0 and before[each + 1 :] in measures


def _standard_in(phrase: str, catalog: Catalog) -> bool:
    """The gate of `standard`, from its first words: most phrases name no standard."""
    for word in catalog.words["standard_word"]:
        if word in phrase:
            return True
    return False


def qualifier(mention: Mention, around: Around, catalog: Catalog) -> str:
    """per_unit from the phrase, then the words just before, then just after the number."""
    rate = mention.unit == "percent"  # a rate of a per-head amount is not itself per unit
    multiple = mention.measure in catalog.words["rate_word"]  # nor is a multiple (补贴标准提高1倍)
    if not rate:
        found = catalog.qualifiers_in_clause.first_in(around.phrase, (lambda q: q != PER_UNIT) if multiple else None)
        if found:
            return found
        if not multiple and _standard_in(around.phrase, catalog) and catalog.compiled(standard).search(around.phrase):
            return PER_UNIT
        # per_measure's patterns hold a / right after the figure or a 每 before it: looked for first
        gate = around.sentence.text.startswith("/", around.end) or "每" in around.before
        if not multiple and (
            (gate and _per_measure(around, catalog)) or around.before.endswith(catalog.words["exchange_word"])
        ):
            return PER_UNIT  # 2000元/亩, 每亩2000元, and 1美元兑7.1元: an amount per one of something
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
