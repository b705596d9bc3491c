"""Pre-checks derived from the rules they guard let through every string a rule matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.catalog import load_catalog
from etl.catalog.gates import first_characters, top_level_alternatives, with_first_character_gate
from etl.rules import candidates as extract
from etl.rules import periods
from etl.rules.metrics import candidates
from etl.rules.openers import opener_rules
from etl.rules.per_unit import CUE_FUNCTIONS as PER_UNIT_FUNCTIONS
from etl.rules.per_unit import TRIGGERS as PER_UNIT_TRIGGERS
from etl.rules.per_unit import per_unit_by_unit
from etl.rules.targets import CUE_FUNCTIONS, target_rules
from etl.rules.targets import TRIGGERS as TARGET_TRIGGERS

CATALOG = load_catalog()
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        ("城镇新增就业|新增城镇就业", {"城", "新"}),
        ("^(?:实现)?新增就业(?:人数)?$", {"实", "新"}),
        ("[0-9百]|(?<=[近逾约超])[千万]", set("0123456789百千万")),
        ("(?=ab)c", {"a"}),
        ("x?y", {"x", "y"}),
        (r"乡镇(?:\(街道\))?工会", {"乡"}),
    ],
)
def test_first_characters_of_patterns_it_can_read(pattern, starts):
    assert first_characters(pattern) == starts


@pytest.mark.parametrize("pattern", [r"\d+年", ".{2}元", "[^,]+", "(?P<n>a)", "x?", "(?i)abc", "a|"])
def test_first_characters_gives_up_where_it_cannot_be_sure(pattern):
    assert first_characters(pattern) is None
    assert with_first_character_gate(pattern).pattern == pattern


def test_top_level_alternatives_split_only_outside_groups_and_classes():
    assert top_level_alternatives("a|b(?:c|d)|[|]e|f\\|g") == ["a", "b(?:c|d)", "[|]e", "f\\|g"]


def _metric_patterns() -> list[str]:
    return [a for m in CATALOG.metrics for a in top_level_alternatives(m.pattern.pattern)]


@pytest.mark.parametrize("alternative", _metric_patterns())
@SETTINGS
@given(data=st.data())
def test_every_text_a_metric_pattern_finds_passes_the_combined_gate(alternative, data):
    text = data.draw(st.from_regex(alternative))
    metric = next(m for m in CATALOG.metrics if alternative in top_level_alternatives(m.pattern.pattern))
    for unit in {metric.unit} if metric.unit else {"person", "yuan", "percent"}:
        _, may_name = candidates(CATALOG, unit, metric.scope or "national")
        assert may_name(text)


CANDIDATE_START = extract.candidate_start(CATALOG)


@SETTINGS
@given(st.from_regex(CANDIDATE_START, fullmatch=True))
def test_every_candidate_start_passes_the_first_character_lookahead(start):
    assert start[0] in first_characters(CANDIDATE_START)
    assert extract.candidate_pattern(CATALOG).pattern.startswith("[")  # a class re skips to


@SETTINGS
@given(st.from_regex(periods._YEARS_SPAN, fullmatch=True))
def test_every_span_of_years_passes_its_lookahead(span):
    assert periods.YEARS_IN_SENTENCE.search(span) is not None


def _opener_kinds() -> list[tuple[str, str]]:
    return [(kind, pattern.pattern) for kind, pattern in opener_rules(CATALOG).kinds]


@pytest.mark.parametrize(("kind", "pattern"), _opener_kinds())
@SETTINGS
@given(data=st.data())
def test_every_period_opener_passes_the_opener_pre_checks(kind, pattern, data):
    rules = opener_rules(CATALOG)
    guard_free = pattern.lstrip("^")
    sentence = data.draw(st.from_regex(guard_free)).lstrip()
    if rules.kinds[[k for k, _ in rules.kinds].index(kind)][1].match(sentence) is None:
        return  # from_regex may put text before the match; only strings the rule matches count
    assert sentence[0] in rules.first_characters
    assert sentence[0] in rules.alone or sentence[:2] in rules.first_pairs
    assert rules.any_opener.match(sentence) is not None


@SETTINGS
@given(data=st.data())
def test_every_named_period_opener_passes_the_pre_checks(data):
    rules = opener_rules(CATALOG)
    sentence = data.draw(st.from_regex(rules.named))
    if rules.named.match(sentence) is None:
        return
    assert sentence[0] in rules.first_characters
    assert sentence[0] in rules.alone or sentence[:2] in rules.first_pairs
    assert rules.any_opener.match(sentence) is not None


@SETTINGS
@given(st.sampled_from(sorted(TARGET_TRIGGERS)), st.data(), st.text(max_size=4), st.text(max_size=4))
def test_every_target_cue_is_tried_where_its_words_stand(cue, data, head, tail):
    gate = target_rules(CATALOG).gate
    word = data.draw(st.sampled_from(TARGET_TRIGGERS[cue](CATALOG)))
    text = head + word + tail
    assert CUE_FUNCTIONS[cue] in [function for function, _ in gate(text, 0, len(text))]


@SETTINGS
@given(st.sampled_from(sorted(PER_UNIT_TRIGGERS)), st.data(), st.text(max_size=4), st.text(max_size=4))
def test_every_per_unit_cue_is_tried_where_its_words_stand(cue, data, head, tail):
    by_unit = per_unit_by_unit(CATALOG)
    unit = "yuan" if cue in dict(by_unit["yuan"][0].rules) else "other"  # ratio: a row of other's only
    gate, _ = by_unit[unit]
    word = data.draw(st.sampled_from(PER_UNIT_TRIGGERS[cue](CATALOG)))
    text = head + word + tail
    assert PER_UNIT_FUNCTIONS[cue] in [function for function, _ in gate(text, 0, len(text))]


def test_a_word_hidden_by_a_longer_one_found_before_it_still_opens_its_gate():
    gate = target_rules(CATALOG).gate
    # 主要目标 is found and hides 目标是 (goal_opener) and 目标 (goal_word), which start inside it
    assert [f.__name__ for f, _ in gate("主要目标是", 0, 5)] == [
        "goal_in_clause",
        "goal_in_sentence",
        "plan_context",
        "goals_met",
        "goal_opens",
    ]


@SETTINGS
@given(
    st.sampled_from([CATALOG.qualifiers_before, CATALOG.bases_before, CATALOG.qualifiers_after]),
    st.text(max_size=6),
    st.data(),
)
def test_every_text_ending_in_a_word_passes_the_last_character_check(index, head, data):
    word = data.draw(st.sampled_from([w for w, _ in index.entries]))
    text = head + word
    assert text[-1] in index.last_characters
    assert index.at_end(text) is not None


def test_the_candidate_lookahead_is_read_off_the_rule():
    # The characters a figure can start with: digits, 百 and the numerals.
    assert first_characters(CANDIDATE_START) == set("0123456789百零〇一二两三四五六七八九十千万亿")
    assert re.search(extract.candidate_pattern(CATALOG), "近万名") is not None
