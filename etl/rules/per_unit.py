"""Whether a figure is an amount per one of something (the qualifier per_unit), decided by the rules of
data/catalog/per_unit_rules.csv in their order: the first rule that applies to the figure's unit
(`unit`; empty: any) and whose cue holds gives its verdict, `per_unit` or `whole`. Each cue
(PER_UNIT_CUES in etl/catalog/vocabularies.py) is one function below, of the figure's mention and
the words around it:

    always,percent,whole      a rate is no amount per head (人均收入增长5%)
    standard,,per_unit        低保月标准提高到850元
    per_measure,,per_unit     每亩2000元, 2000元/亩, 每位劳模发放慰问金3000元

A bound stated with it (2000元/亩以上) does not change a per_unit verdict (qualifiers.py): a figure
has one qualifier, and a per-unit amount must never be added into a total. The table is read once per catalog (Catalog.compiled): each unit's cues, up to its first
`always` row, whose verdict is the unit's last resort.
"""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import CueGate, Triggers, alternation
from etl.catalog.vocabularies import UNITS
from etl.records import Around, Mention
from etl.rules.noun_reach import VERB
from etl.rules.ratios import RATIO_BEFORE, RATIO_MARK, RATIO_REACH
from etl.rules.rule_tables import rows_for
from etl.text.characters import LETTER, NUMERAL_CHARACTERS

PER_UNIT = "per_unit"
YUAN = "yuan"
EACH, PER = "每", "/"  # 每亩2000元, 2000元/亩
NUMBER = re.compile(rf"[\d{NUMERAL_CHARACTERS}]")  # a number between 每亩 and the figure is the one it qualifies


def is_per_unit(mention: Mention, around: Around, catalog: Catalog, words: list[str] | None = None) -> bool:
    """The verdict of the first rule of per_unit_rules.csv that holds for the figure: only the rules
    whose words stand in its clause up to the character after it (`words`, words_near) are tried
    (TRIGGERS)."""
    gate, otherwise = catalog.compiled(per_unit_by_unit)[mention.unit]
    if words is None:
        words = words_near(around, gate)
    if not words and gate.asks_nothing:
        return otherwise  # most figures: no cue of the unit is asked
    for cue, verdict in gate.rules_for(words):
        if cue(mention, around, catalog):
            return verdict
    return otherwise


def words_near(around: Around, gate: CueGate) -> list[str]:
    """The words of the gate's cues in the figure's clause up to the character after it."""
    return gate.find(around.sentence.text, around.start - len(around.clause_before), around.end + 1)


def per_unit_by_unit(catalog: Catalog) -> dict[str, tuple[CueGate, bool]]:
    """unit -> (the gate over the (cue function, verdict) of the rules that apply to it, in the
    table's order, up to its first `always` row; that row's verdict, else whole): a rate is whole at once."""
    triggers = Triggers({cue: words(catalog) for cue, words in TRIGGERS.items()})  # one for every unit
    by_unit = {}
    for unit in UNITS:
        rows, last = rows_for(catalog.per_unit_rules, unit)
        rules = tuple((cue, (CUE_FUNCTIONS[cue], verdict == PER_UNIT)) for cue, verdict in rows)
        by_unit[unit] = (CueGate(rules, triggers), last == PER_UNIT)
    return by_unit


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
          | (?:{alternation(catalog.words["respectively"])})?为  # or stated: 标准为, 标准分别为
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


# The cues, one function each: (the figure's mention, its words, the catalog) -> whether it holds.
# `always` ends the rules of a unit (per_unit_by_unit).
def multiple(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """补贴标准提高1倍: a measure word of a multiple (rate_word)."""
    return mention.measure in catalog.words["rate_word"]


def clause_word(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """人均可支配收入, 每人每月: a per_unit word of qualifiers.csv (clause) in the figure's clause before
    it, which covers the amounts listed after the first (标准分别从每人每月209元、280元提高到217元、290元)."""
    return catalog.qualifiers_in_clause.first_in(around.clause_before, PER_UNIT.__eq__) is not None


def standard_moved(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """低保月标准提高到850元: a standard moved, reached or stated right before the number; an amount of
    money right after a standard's word is its amount (小时最低工资标准22元; 国家标准4929项 counts standards)."""
    phrase = around.phrase
    if mention.unit == YUAN and phrase.endswith(catalog.words["standard_word"]):
        return True
    return catalog.compiled(standard).search(phrase) is not None


def every_so_many(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """每千人口执业医师3.4人, 每万名职工拥有驿站2个, 每培训1名技能人才补贴2000元: every so many of
    something, or every one done, before the figure in its clause (each_base)."""
    before = around.clause_before
    each = before.rfind(EACH)
    return each >= 0 and each_base(before, each, catalog) is not None


def measure_per(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """2000元/亩, 每亩2000元: a / and a measure word right after the number, or 每 and a measure word
    in the figure's own words with no number between (每位劳模发放慰问金3000元, 平均每所补助6万元;
    not the 5亿元 of 按每亩100元标准发放补贴5亿元, whose 每亩 is the 100元's)."""
    text = around.sentence.text
    per = per_measure_end(text, around.end, catalog)
    if per is not None:
        # 28微克/立方米 is a concentration, a measure of its own; 3.5元/立方米 is money per one
        density = mention.unit != YUAN and text[around.end + 1 : per] in catalog.words["density_base"]
        return not density
    phrase = around.phrase
    each = phrase.rfind(EACH)
    if each < 0 or NUMBER.search(phrase, each):
        return False
    measures, longest = catalog.compiled(per_measure)
    return any(phrase[each + 1 : each + 1 + n] in measures for n in range(longest, 0, -1))


def each_base(text: str, each: int, catalog: Catalog) -> int | None:
    """Where the number of a rate's base starts after 每 at `each`: right after it (每1万元贷款) or after
    a word of two characters that is no measure word (每招用1人, 每培训1名: a verb); None when 每 is
    followed by anything else (每年, 每人, 每个村: a per-unit word, the figure's own)."""
    at = each + 1
    if NUMBER.match(text, at):
        return at  # 每1万元, 每千人 (the figure after it is per so many)
    if text.startswith(catalog.compiled(_per_words), each):
        return None  # 每小时34元, 每月800元: a per-unit word of qualifiers.csv, the figure's own
    word = text[at : at + VERB]
    if len(word) == VERB and word.isalpha() and word not in catalog.units and word[0] not in catalog.units:
        return at + VERB if NUMBER.match(text, at + VERB) else None
    return None


def _per_words(catalog: Catalog) -> tuple[str, ...]:
    """The per-unit words of qualifiers.csv that start with 每: 每小时, 每月, 每人."""
    return tuple(word for word, _, found in catalog.qualifiers if found == PER_UNIT and word.startswith(EACH))


def per_measure_end(text: str, end: int, catalog: Catalog) -> int | None:
    """Where /亩 ends after an amount at `end` (2000元/亩以上: before 以上), the longest measure word
    after the /; None when no / and measure word follow it."""
    if not text.startswith(PER, end):
        return None
    measures, longest = catalog.compiled(per_measure)
    found = [n for n in range(longest, 0, -1) if text[end + 1 : end + 1 + n] in measures]
    return end + 1 + found[0] if found else None


def exchange(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """1美元兑7.1元: the amount after 兑 is per one of the currency before it."""
    return around.before.endswith(catalog.words["exchange_word"])


def reached_level(catalog: Catalog) -> re.Pattern:
    """A clause that only says a level was reached or how far it moved: 达到, 提高到, 增至, 比上年增加 (words.csv's
    compared_with, reached_verb, change_verb and to_word)."""
    verbs = (*catalog.words["reached_verb"], *catalog.words["change_verb"])
    return re.compile(
        rf"""
        (?:{alternation(catalog.words["compared_with"])})?  # 比上年, 同比
        (?:{alternation(verbs)})?                    # 达到, 提高, 增
        (?:{alternation(catalog.words["to_word"])})?  # 到, 至
        """,
        re.VERBOSE,
    )


def level_after_per_head(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """每人每月提高20元，达到123元; 月人均基本养老金2856元，比上年增加126元: a clause that only says a level was
    reached or how far it moved, after a clause whose amount is per head (a per_unit word of qualifiers.csv), is
    per head too."""
    own = around.clause_before.strip()
    if not own or catalog.compiled(reached_level).fullmatch(own) is None:
        return False
    previous = around.previous_clause()
    return previous is not None and catalog.qualifiers_in_clause.first_in(previous, PER_UNIT.__eq__) is not None


def word_before(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """每年500元: a per_unit word of qualifiers.csv (before) right before the number."""
    return catalog.qualifiers_before.at_end(around.before) == PER_UNIT


def ratio(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """城乡居民人均收入比为2.13: a ratio (a bare number the words before name one, ratios.py), whatever
    per-head words name what it is a ratio of."""
    before = around.before
    return not mention.measure and RATIO_BEFORE.search(before, max(0, len(before) - RATIO_REACH)) is not None


def word_after(mention: Mention, around: Around, catalog: Catalog) -> bool:
    """500元/人: a per_unit word of qualifiers.csv (after) right after the number."""
    return catalog.qualifiers_after.at_start(around.sentence.text, around.end) == PER_UNIT


CUE_FUNCTIONS = {
    "multiple": multiple,
    "ratio": ratio,
    "clause_word": clause_word,
    "standard": standard_moved,
    "per_count": every_so_many,
    "per_measure": measure_per,
    "exchange": exchange,
    "word_before": word_before,
    "word_after": word_after,
    "level_after_per_head": level_after_per_head,
}


def _words(position: str):
    """The per_unit words of qualifiers.csv at `position`, for a cue's trigger."""
    return lambda catalog: tuple(w for w, pos, q in catalog.qualifiers if pos == position and q == PER_UNIT)


# The words without one of which a cue never holds, in the figure's clause up to the character after
# the number (etl.catalog.gates.CueGate): a figure whose sentence holds none of them is spared the cue.
TRIGGERS = {
    "multiple": lambda catalog: catalog.words["rate_word"],
    "ratio": lambda catalog: (RATIO_MARK,),
    "clause_word": _words("clause"),
    "standard": lambda catalog: catalog.words["standard_word"],
    "per_count": lambda catalog: (EACH,),
    "per_measure": lambda catalog: (EACH, PER),
    "exchange": lambda catalog: catalog.words["exchange_word"],
    "word_before": _words("before"),
    "word_after": lambda catalog: tuple(w[:1] for w in _words("after")(catalog)),
    "level_after_per_head": lambda catalog: (*catalog.words["reached_verb"], *catalog.words["change_verb"]),
}
