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
from etl.rules.compounds import compound_after, compound_at, noun_ending_at, noun_shapes
from etl.rules.noun_reach import counts_what_follows, reach_before, verb_at, words_follow
from etl.text.characters import CLAUSE_ENDS, ITEM_ENDS, LETTER

CLAUSE_END = re.compile(character_class(CLAUSE_ENDS))
LAST_CLAUSE_END = re.compile(f"(?s:.*){character_class(CLAUSE_ENDS)}")  # up to the last clause end
COUNTED_REACH = 24  # characters after 家/个 in which the counted noun stands
NOUN_REACH = 16  # characters before a count in which the counted noun stands
GAP_REACH = 12  # characters before a number in which the words between it and its noun stand


def _gap(catalog: Catalog) -> tuple[re.Pattern, frozenset[str]]:
    """The words that may stand between a counted noun and its number (words.csv's gap_total and
    gap_verb: 职工驿站达300个, 农民工总量2.9亿人; a bound of qualifiers.csv: 涉及职工逾1140人), and the
    characters such a gap ends with."""
    totals, verbs = catalog.words["gap_total"], (*catalog.words["gap_verb"], *catalog.bounds_before)
    pattern = re.compile(
        rf"""
        (?:\[\d+\])?                  # a note mark: 农民工[8]总量
        (?:\([^()]{{1,8}}\))?          # another name for it, in brackets: 帮扶中心(站点)830个
        (?:{alternation(totals)})?   # how many of them: 总量
        (?:{alternation(verbs)})*    # reached, in all, about: 达, 共, 约, 逾
        $
        """,
        re.VERBOSE,
    )
    return pattern, frozenset(word[-1] for word in (*totals, *verbs)) | {"]", ")"}


def gap_start(text: str, start: int, end: int, catalog: Catalog) -> int:
    """Where the words between a counted noun and its number begin (the number at `end`); most
    numbers follow their noun straight away, and a character no gap ends with says so at once."""
    pattern, ends = catalog.compiled(_gap)
    if end <= start or text[end - 1] not in ends:
        return end
    return pattern.search(text, start, end).start()


BODIES = frozenset({"enterprise", "organization"})  # what a household count may become: a firm or a body (用人单位)
NATURAL_MEASURES = {
    "person": "人",
    "household": "户",
}  # what a bare magnitude counts of the lexicon, by its measure word
LEXICAL_UNITS = frozenset({"enterprise", "organization", "household", "item", "other"})


def people_after(catalog: Catalog) -> re.Pattern:
    """Words after a number of people: 8000万纳税人, 1400万农业转移人口 (words.csv's people_noun)."""
    return re.compile(
        rf"""
        (?:以上|左右|多)?                                # a qualifier may stand between
        {LETTER}{{0,8}}?                                  # a few words that say which people
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


DURATION_REACH = 16  # characters before a duration in which the span it measures is named


def duration_at(text: str, start: int, end: int, catalog: Catalog) -> Unit | None:
    """平均办理时间压缩至5天, 审批时限缩短到3个工作日: a span of time (words.csv's duration_word)
    is a figure when it is the measured outcome: a span_noun named a few words before it in its
    clause; its unit is other and its measure the time word. Elsewhere
    (提前5天, 连续8个月) it is no figure. The caller checks that a duration word follows."""
    word = max((w for w in catalog.words["duration_word"] if text.startswith(w, end)), key=len, default="")
    window = text[max(0, start - DURATION_REACH) : start]
    window = window[max(map(window.rfind, CLAUSE_ENDS)) + 1 :]  # its own clause
    if not word or not any(noun in window for noun in catalog.words["span_noun"]):
        return None
    return Unit("other", word, end + len(word))


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
    if text[pos : pos + 1] not in catalog.compiled(_noun_starts):
        return unit_word  # no counted noun starts here: unit_nouns_re.match, a regex call, would find none
    noun_match = catalog.unit_nouns_re.match(text, pos)
    if noun_match and len(noun_match.group()) > len(unit_word):
        return ""
    return unit_word


def _noun_starts(catalog: Catalog) -> frozenset[str]:
    """The characters the nouns of unit_nouns_re (unit_nouns.csv) start with."""
    return frozenset(noun[0] for noun in catalog.unit_nouns if noun)


def by_unit_word(text: str, unit_word: str, pos: int, start: int, catalog: Catalog) -> Unit:
    """The unit a measure word at `pos` gives; a counting word (家, 个, 户: words.csv) by the noun
    it counts, else its own unit (units.csv)."""
    unit, scale = catalog.units[unit_word]
    end = pos + len(unit_word)
    if unit_word in catalog.words["counting_word"]:
        counted = lexical = lexical_unit(text, start, end, unit, catalog)
        if counted is None:  # the noun after the count, else the one after the verb before it (noun_reach.py)
            counted = counted_noun(text, end, catalog)
            if not counted and not counts_what_follows(text, end, catalog):
                counted = noun_before(text, start, catalog.counted_nouns, NOUN_REACH)
                if counted:  # most windows hold none: only then is the verb before it looked for
                    window = max(0, start - NOUN_REACH)
                    gap = gap_start(text, window, start, catalog)
                    begin = reach_before(text, window, gap, catalog, not words_follow(text, end, catalog))
                    counted = noun_before(text, start, catalog.counted_nouns, start - begin)
            counted = counted or elided_noun(text, start, catalog)
        if unit == "household":  # 市场主体120万户: a household or a firm; 用人单位1.86万户 (its compound): a body
            unit = counted if counted == "enterprise" or lexical in BODIES else unit
        else:
            unit = counted or unit
    return tuple.__new__(Unit, (unit, unit_word, end, scale))  # a NamedTuple's __new__ is a Python call


def elided_noun(text: str, start: int, catalog: Catalog) -> str:
    """The unit of the noun the clause before names, when this one names none (the caller looked) and
    says only how many in all (新建驿站500个，总数超过3000个; 累计达到3000个: gap_total and gap_verb
    words, two characters at least: a lone 为 or 有 may open a clause whose noun follows the number),
    or is a part of it (建成关爱室3200个，其中新建640个: words.csv's breakdown_opener)."""
    window = text[max(0, start - GAP_REACH) : start]
    opens = LAST_CLAUSE_END.match(window)
    if opens is None or opens.end() > len(window) - 2:
        return ""
    opens = opens.end() - 1
    part = window.startswith(catalog.words["breakdown_opener"], opens + 1)
    if not part and gap_start(window, opens + 1, len(window), catalog) != opens + 1:
        return ""
    return noun_before(text, start - len(window) + opens, catalog.counted_nouns, 16)


def lexical_unit(text: str, start: int, end: int, unit: str, catalog: Catalog) -> str | None:
    """The unit of the compound a counting word counts, by its head in the lexicon: the compound
    right after it when it ends the list item (3家国家产业创新中心); else, when the count ends
    the list item, the one ending the words before the number (口袋公园120处, 职工驿站达300个).
    A head the lexicon knows of no kind (or a person) leaves the measure word's own unit: "".
    None when no lexicon noun stands there, or the words go on past it."""
    lengths, firsts, _ = catalog.compiled(noun_shapes)
    noun, after = compound_at(text, end, catalog.lexicon, lengths, firsts)
    if noun:
        if after < len(text) and text[after] not in ITEM_ENDS:
            return None  # 2个办事处文体活动中心项目: the compound goes on past the nouns the lexicon knows
    else:
        if end < len(text) and text[end] not in ITEM_ENDS:
            return None  # 15所高职院校21个专业群: a word after the count may be what it counts
        window = max(0, start - GAP_REACH)
        noun = noun_ending_at(text, gap_start(text, window, start, catalog), catalog, window)
        if not noun:
            return None
    counted = catalog.lexicon[noun][0]
    if counted not in LEXICAL_UNITS:
        return ""
    return counted if unit != "household" or counted in BODIES or counted == "household" else ""


def by_noun(text: str, noun: str, pos: int, catalog: Catalog) -> Unit:
    """1230万职工: the noun says what is counted, and its natural measure word names the unit; the
    head of the compound it opens, when it counts people or households of another unit (1.5万困难职工
    家庭: households)."""
    unit, measure = catalog.unit_nouns[noun]
    counted = _people_or_households_at(text, pos, catalog)
    return counted if counted and counted.unit != unit else Unit(unit, measure, pos)


def by_magnitude(text: str, pos: int, start: int, catalog: Catalog) -> Unit:
    """减少1386万: people when people are named near, else other; no measure word. A bare magnitude
    counts the people or households of the lexicon's compound right after it: 3200万孩子,
    300万贫困家庭 (measured as a reader would: 人, 户)."""
    counted = _people_or_households_at(text, pos, catalog)  # its head decides: 1.5万困难职工家庭 are households
    if counted:
        return counted
    if person_noun_near(text, pos, catalog):
        return Unit("person", "人", pos)
    return Unit(noun_before(text, start, catalog.person_nouns, 24) or "other", "", pos)


MAGNITUDE_QUALIFIER = 2  # characters qualifying the compound a bare magnitude counts: 124.6万城乡居民, 5万在校大学生


def _people_or_households_at(text: str, pos: int, catalog: Catalog) -> Unit | None:
    """The unit of the lexicon's compound starting at `pos`, or a word or two after it (城乡居民), when its
    head counts people or households, measured as a reader names them (人, 户); else None."""
    head, _ = compound_after(text, pos, catalog, MAGNITUDE_QUALIFIER)
    counted = catalog.lexicon[head][0] if head else ""
    return Unit(counted, NATURAL_MEASURES[counted], pos) if counted in NATURAL_MEASURES else None


def counted_noun(text: str, pos: int, catalog: Catalog) -> str:
    """The unit named by the first enterprise/organisation noun after 家/个 in the clause, or by
    the head of the compound it begins (of nouns starting at the same place, the one the
    catalog lists first)."""
    clause_end = CLAUSE_END.search(text, pos, pos + COUNTED_REACH)
    end = clause_end.start() if clause_end else pos + COUNTED_REACH
    named, after = compound_at(text, pos, catalog.lexicon, *catalog.compiled(noun_shapes)[:2])
    if named and after < end and verb_at(text, after, catalog):
        end = after  # 23个街道建立了职工服务站: a noun and a verb after it, what the count counts is said
    window = text[pos:end]
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
