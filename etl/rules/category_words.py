"""The word lists the category cues read (categories.py), composed once per catalog (Catalog.compiled):
the words of categories.csv by category, the units the lexicon's nouns name a category for, the
helping and doing verbs, and the words of change or reaching between a subject and its number."""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.rules.units import GAP_REACH

# People counted by head, visit or household are one kind of noun: 监测对象20.9万户, 困难家庭5000人.
PEOPLE = {"person_time": "person", "household": "person"}
MOVES = ("new", "change")  # the bases whose words move a count (新增, 增加), but for one after 比 alone (高达's 高)


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


def subject_tail(catalog: Catalog) -> tuple[re.Pattern, frozenset[str]]:
    """The words of change or reaching between a subject and its number (技能人才比上年增加到), a verb
    at least (words.csv's change_verb and reached_verb, bases.csv's words of a new count or a change:
    新增); and the characters such words end with, so that a phrase ending otherwise is passed at once."""
    words, tails = catalog.words, (*catalog.words["label_tail"], *catalog.basis_fillers)
    moves = (w for w, basis, at, _ in catalog.bases if basis in MOVES and at != "compared")
    verbs = (*words["change_verb"], *words["reached_verb"], *moves)
    pattern = re.compile(
        rf"""
        (?:{alternation(words["gap_total"])})?                         # how many of them: 总数
        (?:{alternation(words["compared_with"])})?                     # against what: 比上年, 同比
        (?:{alternation(words["gap_verb"])})*                          # in all, so far: 累计, 共
        (?:{alternation((*words["per_year"], *words["real_terms"]))})?  # a yearly or real change: 年均
        (?:{alternation(verbs)})+                                      # a change or a reaching: 增加, 达到
        (?:{alternation(words["to_word"])})?                           # the level reached follows: 到, 至
        (?:{alternation(tails)})*                                      # how near or far: 了, 约, 超过
        $
        """,
        re.VERBOSE,
    )
    return pattern, frozenset(word[-1] for word in (*verbs, *words["to_word"], *tails))


def subject_end(text: str, catalog: Catalog) -> int:
    """Where the words of change or reaching that end `text` begin (技能人才新增: 4), the end of the
    subject before them; -1 when no such words end it."""
    pattern, ends = catalog.compiled(subject_tail)
    if text[-1:] not in ends:  # the gate: no word of change or reaching ends with this character
        return -1
    tail = pattern.search(text, max(0, len(text) - GAP_REACH))
    return -1 if tail is None else tail.start()
