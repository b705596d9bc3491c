"""A figure's category (funds, beneficiaries, members …), decided by the rules of
data/catalog/category_rules.csv in their order: the first rule that applies to the figure's unit and
whose cue holds decides. Each cue kind (CUES in etl/catalog/vocabularies.py) is one function below,
which reads the figure's mention and the words around it and says the category it finds, or None:

    always,percent,other                        a rate counts no one (覆盖率87.6%)
    counted_body,organization|enterprise,given  帮扶站点60个: the lexicon's category of 站点
    subject_noun,,given                         技能人才增加5400人: the category of 人才, the subject
    clause_word,,given                          资助困难职工子女: the category of 资助

`given` is the category the cue finds (the word's, the noun's, the measure word's, the unit's
default); a named category is the one a rule gives when its cue holds, or, for a cue that finds
one, the only one it accepts. The table is read once per catalog (Catalog.compiled), not per figure:
each unit's rules, up to its first `always` rule, whose category is the unit's last resort.
"""

from __future__ import annotations

from etl.catalog import Catalog
from etl.catalog.vocabularies import CHANGE_CUES, GIVEN, UNITS
from etl.records import Around, Mention
from etl.rules.category_words import PEOPLE, noun_units, phrase_verbs, subject_end, words_by_category
from etl.rules.compounds import compound_after, noun_ending_at, noun_ending_near
from etl.rules.rule_tables import rows_for
from etl.rules.units import gap_start
from etl.text.characters import CLAUSE_ENDS, CLOSE_QUOTES, CURRENCY_SIGNS, LIST_MARK

OTHER = "other"
FUNDS, MONEY_SIGNS = "funds", frozenset(CURRENCY_SIGNS)  # what an amount after a currency's sign is: $500亿
COUNTED = frozenset({"person", "organization", "enterprise", "other"})  # what a counted noun may count
BODIES = frozenset({"organization", "enterprise"})  # the units of a counted body, whatever is done to it
PEOPLE_UNITS = frozenset({"person", "household"})  # the nouns of people a deed may be done for
PEOPLE_REACH = 10  # characters after a count in which the people a deed is done for are named
BENEFACTIVE = frozenset("为给向")  # prepositions of a deed done for someone: 为1460名患病职工申领互助金
_last_head: list = [None, None, None, None]  # the mention, around and catalog whose head was read last, and it
_last_verb: list = [None, None, None]  # the around and catalog whose verb was read last, and its kind


def category(mention: Mention, around: Around, catalog: Catalog) -> str:
    """Words after the figure's clause describe the next figure, not this one."""
    rules, otherwise = catalog.compiled(rules_by_unit)[mention.unit]
    for cue, wanted in rules:
        found = cue(mention, around, catalog, wanted)
        if found is not None:
            return found
    return otherwise


def rules_by_unit(catalog: Catalog) -> dict[str, tuple[tuple, str]]:
    """unit -> (the (cue function, category) of the rules that apply to it, in the table's order, up
    to its first `always` rule; the category of that rule, else other): a rate is other at once. A
    rule whose cue cannot hold for the unit with this catalog is left out (can_hold), and so is a rule the
    unit was asked already (measure_word for other, then for any unit: the second answers as the first)."""
    by_unit = {}
    for unit in UNITS:
        rows, last = rows_for(catalog.category_rules, unit)
        held = (pair for pair in rows if pair[0] not in CHANGE_CUES and can_hold(pair[0], unit, catalog))
        rules = tuple((CUE_FUNCTIONS[cue], wanted) for cue, wanted in dict.fromkeys(held))
        by_unit[unit] = (rules, OTHER if last is None else last)
    return by_unit


def can_hold(cue: str, unit: str, catalog: Catalog) -> bool:
    """Whether `cue` can ever hold for a figure of `unit`: no measure word implies a category for
    people, no noun of the lexicon names one for an item, and a unit may have no default."""
    if cue == "measure_word":
        return any(implied == unit for implied, _ in catalog.measure_categories.values())
    if cue in ("counted_body", "body_with_word"):
        return unit in BODIES and unit in noun_units(catalog)
    if cue in ("counted_noun", "subject_noun"):
        return (unit in PEOPLE or unit in COUNTED) and PEOPLE.get(unit, unit) in noun_units(catalog)
    return cue != "unit_default" or unit in catalog.category_defaults


def head(mention: Mention, around: Around, catalog: Catalog) -> tuple[str, str] | None:
    """(unit, category) of the noun counted, when the lexicon names its category (head_noun); read
    once per figure, however many cues ask."""
    if _last_head[1] is not around or _last_head[0] is not mention or _last_head[2] is not catalog:
        unit = mention.unit
        units = catalog.compiled(noun_units) if unit in PEOPLE or unit in COUNTED else ()
        found = head_noun(mention, around, catalog) if PEOPLE.get(unit, unit) in units else None
        _last_head[:] = mention, around, catalog, found
    return _last_head[3]


def verb(around: Around, catalog: Catalog) -> str | None:
    """'helping' or 'doing': the kind of the verb of words.csv nearest before the number, if any:
    the one that governs what is counted (职工服务热线全年受理职工来电3.8万个: 受理, not the 服务 of
    a hotline's name)."""
    if _last_verb[0] is not around or _last_verb[1] is not catalog:
        pattern, clause = catalog.compiled(phrase_verbs), around.clause_before
        found = pattern.search(clause)
        while found and (later := pattern.search(clause, found.end())):
            found = later
        _last_verb[:] = around, catalog, found.lastgroup if found else None
    return _last_verb[2]


def whole_clause(around: Around, catalog: Catalog) -> str | None:
    """In a breakdown (培训职工43万人次，其中农民工12.6万人次; 其中，劳模1689名) the clause of the
    whole before 其中 (words.csv's breakdown_opener), whose verb governs the parts too; else None."""
    openers, clauses = catalog.words["breakdown_opener"], around.earlier_clauses()
    if around.clause_before.startswith(openers):
        return next(clauses, None)
    return next(clauses, None) if next(clauses, None) in openers else None


def benefactive(around: Around, catalog: Catalog, before: str) -> bool:
    """Whether the people counted are those the deed is for, 为 or 给 (the caller saw) before the number
    (区总工会为1460名患病职工申领互助金), not the 为 of being after a noun of how many (会员总数为
    5.3万人, words.csv's gap_total), and words after their noun (the deed done for them)."""
    if before[:-1].endswith(catalog.words["gap_total"]):
        return False
    after = around.clause_after.rstrip(CLAUSE_ENDS)
    head, end = compound_after(after, 0, catalog)
    if not head or catalog.lexicon[head][0] not in PEOPLE_UNITS:
        end = noun_ending_near(after, catalog, PEOPLE_UNITS, PEOPLE_REACH)  # 为46.5万名农村义务教育学生提供…
    return 0 < end < len(after)


def given(found: str | None, wanted: str) -> str | None:
    """What a cue that finds a category decides: what it found, if the rule takes it."""
    return found if found and (wanted == GIVEN or found == wanted) else None


# The cues, one function each: (the figure's mention, its words, the catalog, the rule's category)
# -> the category decided, or None. `always` ends the rules of a unit (rules_by_unit).
def always(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str:
    return wanted


def body_with_word(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    """A body counted, its clause holding a word that gives `wanted` for its unit: 9所学校入选 (honorees)."""
    unit, clause = mention.unit, around.clause
    if not any(
        w in clause and (not fit or unit in fit) for w, fit in catalog.compiled(words_by_category).get(wanted, ())
    ):
        return None
    found = head(mention, around, catalog)
    return wanted if found and found[0] in BODIES else None


def counted_body(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    found = head(mention, around, catalog)
    return given(found[1], wanted) if found and found[0] in BODIES else None


def word_before(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    """The word before the number in its clause, else, in a breakdown whose own clause says nothing
    after the number (其中236人获评…称号 does: honorees), in the clause of the whole.
    A list item with a subject and a verb of its own (会员新增1.1万人、技能人才新增2600人) is a clause
    of its own: the items before it govern it no more (慰问困难职工1200人、劳模300人: 慰问 does)."""
    fits = FITS[mention.unit]
    found = catalog.category_words.first_in(_in_item(around.clause_before, catalog), fits)
    if (
        found is None
        and around.clause_index
        and (whole := whole_clause(around, catalog))
        and catalog.category_words.first_in(around.clause_after, fits) is None  # 其中236人获评…: its own clause's
    ):
        found = catalog.category_words.first_in(whole, FITS[mention.unit])
    return given(found[0], wanted) if found else None


def _in_item(before: str, catalog: Catalog) -> str:
    """The words before the number a category word is looked for in: in a list, an item with a
    subject and a verb of its own is a clause of its own (会员新增1.1万人、技能人才新增2600人: 技能人才
    新增); any other item is read with the items before it, whose verb governs it (慰问困难职工1200人、
    一线职工300人; 新发展会员1.1万人、农民工2600人, where the items may be new members or not)."""
    if LIST_MARK not in before:
        return before
    item = before.rsplit(LIST_MARK, 1)[1]
    return item if subject_end(item, catalog) > 0 else before


def clause_word(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    found = catalog.category_words.first_in(around.clause, FITS[mention.unit])
    return given(found[0], wanted) if found else None


def measure_word(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    if mention.measure[-1:] in MONEY_SIGNS:  # HK$2,860萬, $500亿: money, as 港元 and 美元 are (units.csv)
        return given(FUNDS, wanted)
    implied = catalog.measure_categories.get(mention.measure)
    return given(implied[1], wanted) if implied and implied[0] == mention.unit else None


def helping_verb(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    if verb(around, catalog) == "helping":
        return wanted
    before = catalog.qualifiers_before.without_end(around.clause_before)  # 为逾3万名职工: 为 before the bound
    wholes = catalog.words["whole_opener"]
    if before.endswith(wholes):  # 为全市5.6万名职工: 为 before the whole's name
        before = before[: len(before) - max(len(w) for w in wholes if before.endswith(w))]
    return wanted if before[-1:] in BENEFACTIVE and benefactive(around, catalog, before) else None


def served(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    """为, 给 or 向 before a noun of people, a deed for them after it, then the number: what is counted
    is what they were given (为会员提供法律咨询2380人次: the members served, beneficiaries, not members
    joining); not the last character of another word (words.csv's not_benefactive: 作为, 定向, 供给)."""
    before, others = around.clause_before, catalog.words["not_benefactive"]
    start = max(map(before.rfind, BENEFACTIVE))
    while start >= 0 and before.endswith(others, 0, start + 1):
        start = max(before.rfind(word, 0, start) for word in BENEFACTIVE)
    if start < 0:
        return None
    noun, end = compound_after(before, start + 1, catalog)
    return wanted if noun and catalog.lexicon[noun][0] in PEOPLE_UNITS and end < len(before) else None


def doing_verb(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    """办理群众诉求2.3万件: the nearest verb does; or a verb that does governs a helping verb's words
    (出台关爱农民工措施15条: the 关爱 is of the measures, which are what was done), or is one itself (解决
    实际问题3400余件: 解决 helps people and does things, and items are things)."""
    kind = verb(around, catalog)
    if kind == "helping":
        found, doing = catalog.compiled(phrase_verbs).finditer(around.clause_before), catalog.words["doing_verb"]
        return wanted if any(verb.lastgroup == "doing" or verb.group() in doing for verb in found) else None
    return wanted if kind == "doing" else None


def counted_noun(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    found = head(mention, around, catalog)
    return given(found[1], wanted) if found else None


def subject_noun(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    """The noun ending the figure's phrase once the words of change or reaching after it are
    stripped, the subject whose count moved (全年技能人才增加5400人: 人才); its own clause's, not an
    earlier clause's word (帮助…，全年技能人才增加5400人)."""
    phrase = around.phrase
    end = subject_end(phrase, catalog)
    noun = noun_ending_at(phrase, end, catalog) if end >= 0 else ""
    found = named(noun, mention, catalog) if noun else None
    return given(found[1], wanted) if found else None


def earlier_word(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    fits = FITS[mention.unit]
    for earlier in around.earlier_clauses():
        found = catalog.category_words.first_in(earlier, fits)
        if found is not None:
            return given(found[0], wanted)
    return None


def unit_default(mention: Mention, around: Around, catalog: Catalog, wanted: str) -> str | None:
    return given(catalog.category_defaults.get(mention.unit), wanted)


CUE_FUNCTIONS = {
    "always": always,
    "body_with_word": body_with_word,
    "counted_body": counted_body,
    "word_before": word_before,
    "clause_word": clause_word,
    "measure_word": measure_word,
    "helping_verb": helping_verb,
    "served": served,
    "doing_verb": doing_verb,
    "counted_noun": counted_noun,
    "subject_noun": subject_noun,
    "earlier_word": earlier_word,
    "unit_default": unit_default,
}


def _fitting(unit: str):
    """Whether a category word's (category, units) fits a figure of `unit`: no units, any."""
    return lambda payload: not payload[1] or unit in payload[1]


FITS = {unit: _fitting(unit) for unit in UNITS}


def named(noun: str, mention: Mention, catalog: Catalog) -> tuple[str, str] | None:
    """(unit, category) of `noun` in the lexicon, when it names a category and counts what the
    figure's unit does."""
    noun_unit, noun_category = catalog.lexicon[noun]
    unit = PEOPLE.get(mention.unit, mention.unit)
    return (noun_unit, noun_category) if noun_category and PEOPLE.get(noun_unit, noun_unit) == unit else None


def head_noun(mention: Mention, around: Around, catalog: Catalog) -> tuple[str, str] | None:
    """(unit, category) of the noun the figure counts, when the lexicon (unit_nouns.csv, then
    counted_nouns.csv) gives it a category and its unit is the figure's. The head of a compound
    decides: the last noun of the compound after the number, past words that qualify it (12万留守
    儿童; 6个帮扶站点: 站点, and 帮扶 says nothing of what the figure is), else the
    longest noun ending the words before it (高技能人才8000人: 人才; 职工驿站达300个: 驿站).
    A compound whose head has no category (应届毕业生) says nothing: None."""
    noun = compound_after(around.sentence.text, around.end, catalog)[0]
    if not noun:
        phrase = around.phrase
        end = gap_start(phrase, 0, len(phrase), catalog)
        end -= phrase[end - 1 : end] in CLOSE_QUOTES  # a title in quotes: 培育“大国工匠”56名
        noun = noun_ending_at(phrase, end, catalog)
        if not noun:
            return None
    return named(noun, mention, catalog)
