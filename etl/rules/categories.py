"""A figure's category (funds, beneficiaries, members …), decided in this order:

1. the counted noun, when it is a body or a place (帮扶站点60个, 职工驿站300个: organizations):
   the head of the compound decides, not a word that qualifies it (帮扶), unless its clause
   says the bodies were selected or awarded (9所高职学校入选: honorees);
2. the first category word (data/catalog/categories.csv) of the figure's clause that fits its
   unit, so that a verb says what was done to people (资助困难职工子女: beneficiaries);
3. the measure word, when the references say what it implies for its unit (25亿美元: funds);
4. a verb of its clause, before the number (words.csv): people served, cared for, are beneficiaries (服务农民工
   5万人次: helping_verb); items handled, issued, settled are activities (办理诉求2.3万件: doing_verb);
5. the counted noun of people or households (科研人员5.2万人: workers; 12万留守儿童: beneficiaries);
6. the category words of the clauses before it; else the default of its unit.
"""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.records import Around, Mention
from etl.rules.units import compound_after, gap_start, noun_ending_at

OTHER = "other"
HONOREES = "honorees"  # bodies selected or awarded (入选, 获评) are honoured, whatever they are
# People counted by head, visit or household are one kind of noun: 监测对象20.9万户, 困难家庭5000人.
PEOPLE = {"person_time": "person", "household": "person"}
COUNTED = frozenset({"person", "organization", "enterprise", "other"})  # what a counted noun may count
HELPED = frozenset({"person", "person_time", "household"})  # what a helping verb's figure counts
DONE = frozenset({"item", "time"})  # what a doing verb's figure counts
BODIES = frozenset({"organization", "enterprise"})  # what a counted body or place is, whatever is done to it


def category(mention: Mention, around: Around, catalog: Catalog) -> str:
    """Words after the figure's clause describe the next figure, not this one."""
    unit = mention.unit
    if unit == "percent":
        return OTHER  # a rate counts no one: 覆盖率87.6% is not 87.6 beneficiaries
    units = catalog.compiled(noun_units) if unit in PEOPLE or unit in COUNTED else ()
    head = head_noun(mention, around, catalog) if PEOPLE.get(unit, unit) in units else None  # else none fits

    def fits(payload) -> bool:
        return not payload[1] or unit in payload[1]

    if head and head[0] in BODIES:  # 9所学校入选: bodies selected or awarded are honoured
        clause = around.clause
        honoured = any(word in clause and (not fit or unit in fit) for word, fit in catalog.compiled(honours))
        return HONOREES if honoured else head[1]
    found = catalog.category_words.first_in(around.clause, fits)
    if found is not None:
        return found[0]
    implied = catalog.measure_categories.get(mention.measure)
    if implied and implied[0] == unit:
        return implied[1]
    if unit in HELPED or unit in DONE:
        verb = catalog.compiled(phrase_verbs).search(around.clause_before)
        if verb and verb.lastgroup == "helping" and unit in HELPED:
            return "beneficiaries"
        if verb and verb.lastgroup == "doing" and unit in DONE:
            return "activities"
    if head:
        return head[1]
    for earlier in around.earlier_clauses():
        found = catalog.category_words.first_in(earlier, fits)
        if found is not None:
            return found[0]
    return catalog.category_defaults.get(unit, OTHER)


def honours(catalog: Catalog) -> tuple[tuple[str, frozenset[str]], ...]:
    """The category words of categories.csv that make a figure honorees (入选, 获评), with their units."""
    return tuple((w, frozenset(u.split("|")) if u else frozenset()) for w, c, u in catalog.categories if c == HONOREES)


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
