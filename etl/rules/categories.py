"""A figure's category (funds, beneficiaries, members …), decided by the rules of
data/catalog/category_rules.csv in their order: the first rule that applies to the figure's unit and
whose cue holds decides. Each cue kind (CUES in etl/catalog/vocabularies.py) is one function below,
which reads the figure and the words around it and says the category it finds, or None:

    always,percent,other                        a rate counts no one (覆盖率87.6%)
    counted_body,organization|enterprise,given  帮扶站点60个: the lexicon's category of 站点
    clause_word,,given                          资助困难职工子女: the category of 资助

`given` is the category the cue finds (the word's, the noun's, the measure word's, the unit's
default); a named category is the one a rule gives when its cue holds, or, for a cue that finds
one, the only one it accepts. The table is read once per catalog (Catalog.compiled), not per figure.
"""

from __future__ import annotations

import re
from functools import cache

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.catalog.vocabularies import GIVEN, UNITS
from etl.records import Around, Mention
from etl.rules.units import compound_after, gap_start, noun_ending_at

OTHER = "other"
# People counted by head, visit or household are one kind of noun: 监测对象20.9万户, 困难家庭5000人.
PEOPLE = {"person_time": "person", "household": "person"}
COUNTED = frozenset({"person", "organization", "enterprise", "other"})  # what a counted noun may count
BODIES = frozenset({"organization", "enterprise"})  # what a counted body or place is, whatever is done to it
_UNREAD = object()  # a fact of the figure not read yet


class Counted:
    """A figure and its words, with the facts several cues read, each read once when first asked."""

    __slots__ = ("mention", "around", "catalog", "unit", "_head", "_verb")

    def __init__(self, mention: Mention, around: Around, catalog: Catalog):
        self.mention, self.around, self.catalog, self.unit = mention, around, catalog, mention.unit
        self._head = self._verb = _UNREAD

    def head(self) -> tuple[str, str] | None:
        """(unit, category) of the noun counted, when the lexicon names its category (head_noun)."""
        if self._head is _UNREAD:
            unit = self.unit
            units = self.catalog.compiled(noun_units) if unit in PEOPLE or unit in COUNTED else ()
            self._head = head_noun(self.mention, self.around, self.catalog) if PEOPLE.get(unit, unit) in units else None
        return self._head

    def verb(self) -> str | None:
        """'helping' or 'doing': the kind of the first verb of words.csv before the number, if any."""
        if self._verb is _UNREAD:
            found = self.catalog.compiled(phrase_verbs).search(self.around.clause_before)
            self._verb = found.lastgroup if found else None
        return self._verb


def category(mention: Mention, around: Around, catalog: Catalog) -> str:
    """Words after the figure's clause describe the next figure, not this one."""
    figure = Counted(mention, around, catalog)
    for cue, wanted in catalog.compiled(rules_by_unit)[mention.unit]:
        found = cue(figure, wanted)
        if found is not None:
            return found
    return OTHER


def rules_by_unit(catalog: Catalog) -> dict[str, tuple]:
    """unit -> the (cue function, category) of the rules that apply to it, in the table's order."""
    return {
        unit: tuple(
            (CUE_FUNCTIONS[cue], wanted) for cue, units, wanted in catalog.category_rules if not units or unit in units
        )
        for unit in UNITS
    }


def given(found: str | None, wanted: str) -> str | None:
    """What a cue that finds a category decides: what it found, if the rule takes it."""
    return found if found and (wanted == GIVEN or found == wanted) else None


# The cues, one function each: (the figure, the rule's category) -> the category decided, or None.
def always(figure: Counted, wanted: str) -> str:
    return wanted


def body_with_word(figure: Counted, wanted: str) -> str | None:
    """A body counted, its clause holding a word that gives `wanted` for its unit: 9所学校入选 (honorees)."""
    unit, clause = figure.unit, figure.around.clause
    if not any(
        w in clause and (not fit or unit in fit)
        for w, fit in figure.catalog.compiled(words_by_category).get(wanted, ())
    ):
        return None
    head = figure.head()
    return wanted if head and head[0] in BODIES else None


def counted_body(figure: Counted, wanted: str) -> str | None:
    head = figure.head()
    return given(head[1], wanted) if head and head[0] in BODIES else None


def word_before(figure: Counted, wanted: str) -> str | None:
    found = figure.catalog.category_words.first_in(figure.around.clause_before, fitting(figure.unit))
    return given(found and found[0], wanted)


def clause_word(figure: Counted, wanted: str) -> str | None:
    found = figure.catalog.category_words.first_in(figure.around.clause, fitting(figure.unit))
    return given(found and found[0], wanted)


def measure_word(figure: Counted, wanted: str) -> str | None:
    implied = figure.catalog.measure_categories.get(figure.mention.measure)
    return given(implied[1], wanted) if implied and implied[0] == figure.unit else None


def helping_verb(figure: Counted, wanted: str) -> str | None:
    return wanted if figure.verb() == "helping" else None


def doing_verb(figure: Counted, wanted: str) -> str | None:
    return wanted if figure.verb() == "doing" else None


def counted_noun(figure: Counted, wanted: str) -> str | None:
    head = figure.head()
    return given(head[1], wanted) if head else None


def earlier_word(figure: Counted, wanted: str) -> str | None:
    fits = fitting(figure.unit)
    for earlier in figure.around.earlier_clauses():
        found = figure.catalog.category_words.first_in(earlier, fits)
        if found is not None:
            return given(found[0], wanted)
    return None


def unit_default(figure: Counted, wanted: str) -> str | None:
    return given(figure.catalog.category_defaults.get(figure.unit), wanted)


CUE_FUNCTIONS = {
    "always": always,
    "body_with_word": body_with_word,
    "counted_body": counted_body,
    "word_before": word_before,
    "clause_word": clause_word,
    "measure_word": measure_word,
    "helping_verb": helping_verb,
    "doing_verb": doing_verb,
    "counted_noun": counted_noun,
    "earlier_word": earlier_word,
    "unit_default": unit_default,
}


@cache
def fitting(unit: str):
    """Whether a category word's (category, units) fits a figure of `unit`: no units, any."""
    return lambda payload: not payload[1] or unit in payload[1]


def words_by_category(catalog: Catalog) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """category -> the words of categories.csv that give it, with their units (入选: honorees)."""
    found: dict[str, list] = {}
    for word, category, units in catalog.categories:
        if word:
            found.setdefault(category, []).append((word, frozenset(units.split("|")) if units else frozenset()))
    return {c: tuple(words) for c, words in found.items()}


def noun_units(catalog: Catalog) -> frozenset[str]:
    """The units of the counted nouns that name a category (驿站 organization, 人才 person)."""
    return frozenset(PEOPLE.get(unit, unit) for unit, category in catalog.lexicon.values() if category)


def phrase_verbs(catalog: Catalog) -> re.Pattern:
    """The helping and doing verbs of words.csv, one alternation (the group says which)."""
    return re.compile(
        rf"""
        (?P<helping>{alternation(catalog.words["helping_verb"])})   # 服务, 关爱: people helped
        | (?P<doing>{alternation(catalog.words["doing_verb"])})     # 办理, 出台: things done
        """,
        re.VERBOSE,
    )


def head_noun(mention: Mention, around: Around, catalog: Catalog) -> tuple[str, str] | None:
    """(unit, category) of the noun the figure counts, when the lexicon (unit_nouns.csv, then
    counted_nouns.csv) gives it a category and its unit is the figure's. The head of a compound
    decides: the last noun of the compound after the number, past words that qualify it (12万留守
    儿童; 6个帮扶站点: 站点, and 帮扶 says nothing of what the figure is), else the
    longest noun ending the words before it (高技能人才8000人: 人才; 职工驿站达300个: 驿站).
    A compound whose head has no category (应届毕业生) says nothing: None."""
    noun = compound_after(around.sentence.text, around.end, catalog)
    if not noun:
        phrase = around.phrase
        noun = noun_ending_at(phrase, gap_start(phrase, 0, len(phrase), catalog), catalog)
        if not noun:
            return None
    noun_unit, noun_category = catalog.lexicon[noun]
    unit = PEOPLE.get(mention.unit, mention.unit)
    return (noun_unit, noun_category) if noun_category and PEOPLE.get(noun_unit, noun_unit) == unit else None
