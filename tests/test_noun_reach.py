"""etl/rules/noun_reach.py: where the noun a count counts may stand. Sentences written for these
tests in the style of a union's or a government's report (none copied from a report)."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.rules.noun_reach import counts_what_follows, reach_before, verb_at

from .helpers import figures_of

CATALOG = load_catalog()


def test_a_verb_is_one_of_verbs_csv_unless_a_noun_starts_there():
    assert verb_at("为企业解决难题", 3, CATALOG)  # 解决
    assert not verb_at("为企业解决难题", 1, CATALOG)  # 企业
    assert "开发" in CATALOG.verbs and "开发区" in CATALOG.lexicon
    assert not verb_at("新设开发区", 2, CATALOG)  # 开发区: a noun


@pytest.mark.parametrize(
    ("before", "reach"),
    [
        ("为企业解决用工难题", "用工难题"),  # after the last verb
        ("全市驿站总数达到", "全市驿站总数达到"),  # a verb right before the number: how many
        ("规上工业企业从4.7万家增加到", "规上工业企业从4.7万家增加到"),  # a verb and 到
        ("全市职工驿站", "全市职工驿站"),  # no verb
    ],
)
def test_the_words_before_a_count_start_after_the_last_verb(before, reach):
    assert before[reach_before(before, 0, len(before), CATALOG) :] == reach


def test_before_words_of_its_own_a_count_is_the_object_of_the_verb_right_before_it():
    before = "工会经费税务代收覆盖"  # …11个设区市: what 覆盖 covers, not the 工会 that covers it
    assert before[reach_before(before, 0, len(before), CATALOG, read_past=False) :] == ""
    assert [(f.surface, f.unit) for f in figures_of("工会经费税务代收覆盖11个设区市。")] == [("11个", "other")]
    assert [(f.surface, f.unit) for f in figures_of("全市驿站总数达到3000个。")] == [("3000个", "organization")]


@pytest.mark.parametrize(
    ("text", "follows"),
    [
        ("12个省份开展试点", True),  # words: what it counts
        ("120个今年以来，", False),  # a headline's count, the body's first words run into it
        ("85个本报讯(记者 张明)", False),  # a person noun after it is another's
        ("300个，", False),
        ("300个", False),
        ("300个以上", False),  # a qualifier
        ("300个并投入使用", False),  # a joiner
        ("120家实现上云", False),  # a verb: the count ends its noun phrase
    ],
)
def test_words_after_a_count_name_what_it_counts_unless_they_say_something_else(text, follows):
    end = text.index("个" if "个" in text else "家") + 1
    assert counts_what_follows(text, end, CATALOG) is follows


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # the noun after the verb before the count, none known: the measure word's own unit
        ("为企业解决用工难题230余个。", "other"),
        ("為企業解決技術難題120多個。", "other"),
        ("帮助企业解决实际问题86个。", "other"),
        # a count followed by words counts them, not the body before it
        ("全国总工会在12个省份下拨资金。", "other"),
        ("在全省16个市州设立服务中心。", "other"),  # places, not the centres set up in them
        ("在12个县市区建成站点。", "other"),
        # the subject before a verb of how many
        ("全市驿站总数达到3000个。", "organization"),
        ("规上工业企业从4.7万家增加到6.1万家。", "enterprise"),
        ("全球灯塔工厂增至10家。", "enterprise"),
        ("建成驿站300个并投入使用。", "organization"),
    ],
)
def test_a_count_counts_the_noun_within_its_reach(text, unit):
    assert figures_of(text, 2024)[-1].unit == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a known noun and a verb after the count: what it counts is said, not the verb's object
        ("区总工会在全区23个街道建立了职工服务站。", "other"),
        ("湖南十八洞村等7个乡村入选全国乡村旅游重点村。", "other"),
        # a verb inside a compound after the count (创新中心) does not cut it
        ("新建5个国家技术创新中心。", "organization"),
    ],
)
def test_what_a_count_counts_ends_at_a_verb_after_a_known_noun(text, unit):
    assert figures_of(text, 2024)[0].unit == unit
