"""Whether a number whose unit is known is no figure after all, decided by the rules of
data/catalog/not_figure_rules.csv in their order: the first rule that applies to the number's unit
(`unit`; empty: any) and whose cue holds gives its verdict, `not_figure` or `figure`. Each cue
(NOT_FIGURE_CUES in etl/catalog/vocabularies.py) is one function below, of the text, where the
number starts, where its numeral ends and where the words of its unit end:

    name_after_threshold,,not_figure   百人以上企业: a threshold inside the name of a class
    rank_move,person,not_figure        排名上升3位: places moved in a ranking, no people
    numbered_name,,not_figure          中国电科38所: the number inside a unit's name, no count
    figure_of_speech,other,not_figure  以百倍的努力: a multiple said for its strength

What is no number at all (a year, an ordinal, a quoted slogan, a code) is decided before its unit,
by the words of stop_words.csv (exclusions.py). The table is read once per catalog
(Catalog.compiled): each unit's cues, up to its first `always` row, whose verdict is the unit's
last resort (without one: a figure).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation, holds_any
from etl.catalog.vocabularies import UNITS
from etl.rules.named_sets import determiners, named_set
from etl.rules.noun_reach import VERB
from etl.rules.numbered_names import NAME_SUFFIXES, numbered_name
from etl.rules.per_unit import EACH, each_base
from etl.rules.rule_tables import rows_for
from etl.rules.thresholds import CLASS_AFTER_THRESHOLD, THRESHOLD_WORDS, class_threshold, name_after_threshold
from etl.text.characters import (
    CLAUSE_ENDS,
    LETTER,
    MAGNITUDE_CHARACTERS,
    NUMERAL_CHARACTERS,
)

NOT_FIGURE = "not_figure"
MAGNITUDE_SET = frozenset(MAGNITUDE_CHARACTERS)
CALL_NUMBER_DIGITS = 5  # 12351, 12345: a number this long named as a line to call is its number
RANK_GAP = 6  # characters a ranking's move may take between its word and the number: 排名较上年提升5位

Cue = Callable[[str, int, int, int, Catalog], bool]  # (text, start, end, after, catalog)


class Rule(NamedTuple):
    """A rule of the table for one unit, with what its cue cannot hold without (GATES): a character right
    after the unit that its words start with, a numeral so long, or (UNIT_WORD_GATES) the unit's words."""

    cue: Cue
    not_figure: bool  # its verdict
    after_starts: frozenset[str] | None  # None: no character after the unit is needed
    long: int  # the shortest numeral it reads; 0: any
    unit_words: frozenset[str] | None = None  # the words of the unit it reads (所); None: any
    before: tuple[str, int] | None = None  # a word it needs within so many characters before the number (每)


def not_a_figure(text: str, start: int, end: int, after: int, unit: str, catalog: Catalog) -> bool:
    """The verdict of the first rule of not_figure_rules.csv that holds for the number at
    text[start:end], of `unit`, whose unit's words (a measure word, a counted noun) end at `after`:
    only the rules the character after the unit lets ask are looked at (rules_after)."""
    by_character, anywhere, otherwise = catalog.compiled(rules_after)[unit]
    for cue, verdict, _, long, unit_words, before in by_character.get(text[after : after + 1], anywhere):
        if (
            end - start >= long
            and (unit_words is None or text[end:after] in unit_words)
            and (before is None or before[0] in text[max(0, start - before[1]) : start])
        ):
            if cue(text, start, end, after, catalog):
                return verdict
    return otherwise


def rules_after(catalog: Catalog) -> dict[str, tuple[dict[str, tuple[Rule, ...]], tuple[Rule, ...], bool]]:
    """unit -> (for each character a rule's gate names, the rules in order that may hold after it; those
    with no such gate, for any other; the last resort): most numbers skip the gated rules whole."""
    index = {}
    for unit, (rules, otherwise) in catalog.compiled(not_figure_rules).items():
        named = set().union(*(rule.after_starts for rule in rules if rule.after_starts is not None))
        by_character = {
            character: tuple(r for r in rules if r.after_starts is None or character in r.after_starts)
            for character in named
        }
        index[unit] = (by_character, tuple(r for r in rules if r.after_starts is None), otherwise)
    return index


def not_figure_rules(catalog: Catalog) -> dict[str, tuple[tuple[Rule, ...], bool]]:
    """unit -> (its rules, in the table's order up to its first `always` row, each with the gate read
    off the words its cue reads (GATES); the verdict of that row, else a figure)."""
    by_unit = {}
    for unit in UNITS:
        rows, last = rows_for(catalog.not_figure_rules, unit)
        rules = []
        for cue, verdict in rows:
            gate = GATES[cue](catalog) if cue in GATES else None
            after_starts = gate if isinstance(gate, frozenset) else None
            unit_words = UNIT_WORD_GATES[cue](catalog) if cue in UNIT_WORD_GATES else None
            long = gate if isinstance(gate, int) else 0
            before = BEFORE_GATES.get(cue)
            rules.append(Rule(CUE_FUNCTIONS[cue], verdict == NOT_FIGURE, after_starts, long, unit_words, before))
        by_unit[unit] = (tuple(rules), last == NOT_FIGURE)
    return by_unit


def exchange_base(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """1美元兑7.1元: the amount before an exchange_word (words.csv) is the base of a rate."""
    return text.startswith(catalog.words["exchange_word"], after)


def rank_move(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """排名上升3位, 位次前移2名: places moved in a ranking (a rank_word of words.csv at most RANK_GAP
    characters before the number, in its clause: the move between them), no count of people, though 位
    and 名 count people elsewhere (3位院士; 排名全省前列的企业新增就业1200名)."""
    rank_word, longest = catalog.compiled(_rank_words)
    window = text[max(0, start - RANK_GAP - longest) : start]
    if not rank_word(window):  # most counts: no ranking just before them
        return False
    return bool(rank_word(window[max(map(window.rfind, CLAUSE_ENDS)) + 1 :]))


# The words between a rate's base and the rate's number, in one clause: 十万人|生产安全事故死亡人数|1.040人.
RATE_AFTER_BASE = re.compile(
    r"""
    [^\W\d_]{1,16}?   # what is counted per so many, no pause and no number: 生产安全事故死亡人数
    \d                 # and the rate itself: 1.040人
    """,
    re.VERBOSE,
)


def rate_base(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """就业人员十万人生产安全事故死亡人数1.040人, 煤矿百万吨死亡人数0.045人: a round number of a unit (a
    magnitude alone: 十万, 百万) before what is counted per so many and the rate's number is the base of
    that rate, not a count of its own."""
    return (
        text[start] in MAGNITUDE_SET  # most numbers: a digit or another numeral first
        and MAGNITUDE_SET.issuperset(text[start:end])
        and RATE_AFTER_BASE.match(text, after) is not None
    )


def per_base(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """每招用1人补助1500元, 每1万元贷款贴息200元: the number right after 每, or after 每 and a verb, is the base
    the rate after it is per (per_unit.each_base), no count of its own."""
    each = text.rfind(EACH, max(0, start - 1 - VERB), start)
    return each >= 0 and each_base(text, each, catalog) == start


# The base of an index or a ratio, named in a bracket after it: 性别比为104.6(以女性为100), (以2020年为100).
INDEX_BASE = re.compile(
    r"""
    [(（]                         # the bracket opens
    以[^()（）,，。;；]{1,12}       # with what is the base: 以女性, 以农村居民, 以2020年
    为$                           # be: the number follows
    """,
    re.VERBOSE,
)
BASE_REACH = 16  # characters at most from the bracket to the number
CLOSING_BRACKETS = ")）"


def index_base(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """性别比为104.6(以女性为100), 城乡居民收入比为2.13(以农村居民为1): the number a bracket names the base
    of the index or ratio before it, no figure of its own."""
    bracket = text[after : after + 1] in CLOSING_BRACKETS
    return bracket and INDEX_BASE.search(text, max(0, start - BASE_REACH), start) is not None


def call_number(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """12351职工服务热线, 12345热线: a long run of digits named a line to call (call_line of
    words.csv) is its number, though a counted noun follows it."""
    return (
        end - start >= CALL_NUMBER_DIGITS
        and text[start:end].isdigit()
        and catalog.compiled(_call_line).match(text, end) is not None
    )


def _rank_words(catalog: Catalog):
    words = catalog.words["rank_word"]
    return holds_any(words), max(map(len, words), default=0)


def _call_line(catalog: Catalog) -> re.Pattern:
    return re.compile(
        rf"""
        {LETTER}{{0,6}}?                                  # whose line: 职工服务
        (?:{alternation(catalog.words["call_line"])})     # a hotline, a service desk
        """,
        re.VERBOSE,
    )


SPEECH_MULTIPLE = "倍"  # 百倍, 十倍: the measure word of a multiple said for its strength
SPEECH_OF = "的"  # 百倍的努力: the multiple may qualify its noun through 的


def figure_of_speech(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """以百倍的努力, 付出十倍百倍的干劲: a multiple in numerals (no digit) before an effort_noun of
    words.csv (after more multiples, 的 or both) says how hard, not how many times; 以两倍的速度增长 and
    增长三倍的目标 are figures."""
    return not any(map(str.isdigit, text[start:end])) and catalog.compiled(_effort_after).match(text, after) is not None


def _effort_after(catalog: Catalog) -> re.Pattern:
    return re.compile(
        rf"""
        (?:[{NUMERAL_CHARACTERS}]+{SPEECH_MULTIPLE})*  # more multiples: 十倍百倍
        {SPEECH_OF}?                                   # 的
        (?:{alternation(catalog.words["effort_noun"])})  # the effort: 努力, 干劲
        """,
        re.VERBOSE,
    )


def named_package(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """十项惠工实事, 中央八项规定: a count before a package's noun (words.csv's package_noun), a few words
    of what it is for between, names the package; counted after its noun it is a count (办理民生实事200件),
    and so is a count of other things (出台29项促消费政策, 实施120项重大科技攻关)."""
    return catalog.compiled(_package_after).match(text, after) is not None


def _package_after(catalog: Catalog) -> re.Pattern:
    return re.compile(
        rf"""
        {LETTER}{{0,{PACKAGE_REACH}}}?                    # what it is for: 惠工, 民生
        (?:{alternation(catalog.words["package_noun"])})  # the package: 实事, 措施, 工程
        """,
        re.VERBOSE,
    )


PACKAGE_REACH = 6  # characters of what a package is for, between its count and its noun: 惠工, 配套
EDITION = "届"  # a congress's session or an event's edition


def edition_name(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """十九届四中全会, 19届1次会议: editions with words after them name a session; 举办职工技能大赛9届，
    大赛1届以上。count the editions held (a bound of qualifiers.csv may stand between, then the clause ends)."""
    bound = catalog.qualifiers_after.anywhere.match(text, after)
    end_of_clause = bound.end() if bound else after
    return end_of_clause < len(text) and text[end_of_clause] not in CLAUSE_ENDS


CUE_FUNCTIONS: dict[str, Cue] = {
    "name_after_threshold": name_after_threshold,
    "exchange_base": exchange_base,
    "index_base": index_base,
    "class_threshold": class_threshold,
    "rank_move": rank_move,
    "rate_base": rate_base,
    "per_base": per_base,
    "call_number": call_number,
    "numbered_name": numbered_name,
    "figure_of_speech": figure_of_speech,
    "named_package": named_package,
    "named_set": named_set,
    "edition_name": edition_name,
}

# What a cue cannot hold without, read off the words it reads: the characters right after the unit
# that they start with, or the length of the numeral it needs. A cue not named here is always asked.
GATES: dict[str, Callable[[Catalog], frozenset[str] | int]] = {
    "call_number": lambda catalog: CALL_NUMBER_DIGITS,
    "exchange_base": lambda catalog: frozenset(w[0] for w in catalog.words["exchange_word"] if w),
    "index_base": lambda catalog: frozenset(CLOSING_BRACKETS),
    "name_after_threshold": lambda catalog: frozenset(w[0] for w in THRESHOLD_WORDS),
    "class_threshold": lambda catalog: frozenset(CLASS_AFTER_THRESHOLD[0]),
    "figure_of_speech": lambda catalog: frozenset(
        (SPEECH_OF, *NUMERAL_CHARACTERS, *(w[0] for w in catalog.words["effort_noun"] if w))
    ),
}
# A cue named here is asked only of a number with its word within so many characters before it: per_base of a
# number after 每 or 每 and a verb (每招用1人).
BEFORE_GATES: dict[str, tuple[str, int]] = {"per_base": (EACH, 1 + VERB)}
# A cue named here is asked only of a number whose unit's words (a measure word and what it takes
# along: 余, 多) are one of these: numbered_name of 所 alone (38所), never of 38余所 or 38个所.
UNIT_WORD_GATES: dict[str, Callable[[Catalog], frozenset[str]]] = {
    "numbered_name": lambda catalog: frozenset(NAME_SUFFIXES),
    "figure_of_speech": lambda catalog: frozenset(SPEECH_MULTIPLE),
    "named_set": determiners,  # 两个台阶, 三项基金: a measure word alone
    "edition_name": lambda catalog: frozenset((EDITION,)),  # 19届, never 19余届
}
