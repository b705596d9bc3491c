"""A word list's prefix tree matches as its flat alternation does: the same words, tried in the same order."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.catalog import load_catalog
from etl.catalog.alternations import NEVER, alternation, factored, prefix_tree

WORDS = st.lists(st.text(alphabet="比上年去将近|.", max_size=4), max_size=12)
TEXTS = st.text(alphabet="比上年去将近|.x", max_size=30)


def flat(words: list[str]) -> str:
    return "|".join(map(re.escape, words))


def test_words_sharing_a_beginning_are_grouped():
    assert prefix_tree(["比上年", "比去年", "将"]) == "比(?:上年|去年)|将"
    assert alternation(["人", "人次", "个百分点", "个"]) == "个(?:百分点|)|人(?:次|)"


def test_an_empty_word_keeps_its_place():
    # 'a', then the empty word, then 'ab': 'ab' is tried only after the empty word matched.
    assert prefix_tree(["a", "", "ab"]) == "a||ab"


def test_no_words_match_nothing():
    assert alternation([]) == NEVER
    assert re.search(alternation(["", ""]), "any") is None


@settings(max_examples=300, deadline=None)
@given(WORDS, TEXTS)
def test_first_match_and_backtracking_as_the_flat_list(words, text):
    tree, listed = prefix_tree(words), flat(words)
    assert re.findall(f"(?:{tree})", text) == re.findall(f"(?:{listed})", text)
    # A pattern after the words makes re backtrack through them in their order.
    for tail in ("x", "$", "年"):
        found, expected = re.search(f"({tree}){tail}", text), re.search(f"({listed}){tail}", text)
        assert (found and found.span(1)) == (expected and expected.span(1))


def test_every_word_list_of_the_catalog_finds_what_its_flat_list_finds():
    catalog = load_catalog()
    text = "".join(w for words in catalog.words.values() for w in words)
    for words in catalog.words.values():
        ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
        assert re.findall(alternation(words), text) == re.findall(flat(ordered), text)


def test_a_pattern_among_literal_names_stays_where_it_stands():
    # 保障性(?:租赁)?住房 is tried after 保障房 and before 保障性安居工程, as in the flat list.
    names = ["保障房", "保障性(?:租赁)?住房", "保障性安居工程", "保障金"]
    assert factored(names) == "保障房|保障性(?:租赁)?住房|保障(?:性安居工程|金)"
    text = "保障性租赁住房、保障性安居工程、保障金"
    assert re.findall(factored(names), text) == re.findall("|".join(names), text)
