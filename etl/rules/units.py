"""What a number counts: its unit and measure word, decided here and only here.

The measure word after the number decides (名 person, 亿元 yuan, 千瓦 other);
家, 个 and 户 (words.csv's counting_word) look for the noun they count
(五万家企业: enterprise); a noun straight after the number counts too
(1230万职工: person); a bare magnitude
(减少1386万) takes people named near it, else other. The words are in
data/catalog/units.csv and unit_nouns.csv.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation, character_class
from etl.text.characters import CLAUSE_ENDS

CLAUSE_END = re.compile(character_class(CLAUSE_ENDS))
COUNTED_REACH = 24  # characters after 家/个 in which the counted noun stands


def people_after(catalog: Catalog) -> re.Pattern:
    """Words after a number of people: 8000万纳税人, 1400万农业转移人口 (words.csv's people_noun)."""
    return re.compile(
        rf"""
        (?:以上|左右|多)?                                # a qualifier may stand between
        [\u4e00-\u9fff]{{0,8}}?                          # a few words that say which people
        (?:{alternation(catalog.words["people_noun"])})  # and a noun of people: 人口, 学生, 人
        (?![民大才事工])                                  # 人民, 人大, 人才, 人事, 人工 are no people counted
        """,
        re.VERBOSE,
    )


class Unit(NamedTuple):
    unit: str
    measure: str  # the measure word as a reader names the unit: 吨, 千瓦时, 人
    end: int  # where the words that say it end (the surface's end)
    scale: float = 1.0  # 4成 is 40 percent


def unit_word_at(text: str, pos: int, catalog: Catalog) -> str:
    """The unit word (units.csv) at `pos`, unless a longer counted noun starts there (14亿人口)."""
    unit_word = ""
    for word in catalog.unit_words_by_first.get(text[pos : pos + 1], ()):
        if text.startswith(word, pos):
            unit_word = word  # the longest unit word at pos, as unit_words_re.match finds it
            break
    word_start = catalog.reference_measures.get(unit_word)
    if word_start and text[pos + len(unit_word) : pos + len(unit_word) + 1] in word_start:
        return ""  # 2.0行动计划: a measure word of the reference list that starts a word (行动) is none
    noun_match = catalog.unit_nouns_re.match(text, pos)
    if noun_match and len(noun_match.group()) > len(unit_word):
        return ""
    return unit_word


def by_unit_word(text: str, unit_word: str, pos: int, start: int, catalog: Catalog) -> Unit:
    """The unit a measure word at `pos` gives; a counting word (家, 个, 户: words.csv) by the noun
    it counts, else its own unit (units.csv)."""
    unit, scale = catalog.units[unit_word]
    end = pos + len(unit_word)
    if unit_word in catalog.words["counting_word"]:
        counted = counted_noun(text, end, catalog) or noun_before(text, start, catalog.counted_nouns, 16)
        if unit == "household":
            unit = "enterprise" if counted == "enterprise" else unit  # 市场主体120万户: a household or a firm
        else:
            unit = counted or unit
    return Unit(unit, unit_word, end, scale)


def by_noun(noun: str, pos: int, catalog: Catalog) -> Unit:
    """1230万职工: the noun says what is counted, and its natural measure word names the unit."""
    unit, measure = catalog.unit_nouns[noun]
    return Unit(unit, measure, pos)


def by_magnitude(text: str, pos: int, start: int, catalog: Catalog) -> Unit:
    """减少1386万: people when people are named near, else other; no measure word."""
    if person_noun_near(text, pos, catalog):
        return Unit("person", "人", pos)
    return Unit(noun_before(text, start, catalog.person_nouns, 24) or "other", "", pos)


def counted_noun(text: str, pos: int, catalog: Catalog) -> str:
    """The unit named by the first enterprise/organisation noun after 家/个 in the clause, or by
    the head of the compound it begins (of nouns starting at the same place, the one the
    catalog lists first)."""
    clause_end = CLAUSE_END.search(text, pos, pos + COUNTED_REACH)
    window = text[pos : clause_end.start() if clause_end else pos + COUNTED_REACH]
    found = catalog.counted_nouns_re.search(window)
    if found is None:
        return ""
    # The head of a compound decides (平台企业: 企业): the last of the nouns that follow each other.
    while (following := catalog.counted_nouns_re.match(window, found.end())) is not None:
        found = following
    return next(unit for noun, unit in catalog.counted_nouns if window.startswith(noun, found.start()))


def person_noun_near(text: str, pos: int, catalog: Catalog) -> str:
    """For 8000万纳税人 or 1400万农业转移人口: people named a few characters on."""
    if catalog.compiled(people_after).match(text, pos, pos + 12) or text.startswith(catalog.person_words, pos):
        return "person"
    return ""


def noun_before(text: str, start: int, nouns: tuple[tuple[str, str], ...], reach: int) -> str:
    """The unit of the noun (of `nouns`) nearest before `start` in its clause, within `reach`
    characters.

    基层工会组织280.9万个 (an organisation), 贫困人口减少1386万 (people).
    """
    window = text[max(0, start - reach) : start]
    window = window[max(map(window.rfind, CLAUSE_ENDS)) + 1 :]
    found = [(window.rfind(noun) + len(noun), unit) for noun, unit in nouns if noun in window]
    return max(found)[1] if found else ""
