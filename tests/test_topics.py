"""etl/rules/topics.py: whether a figure's clause goes on with a topic named before it, or names its own."""

from __future__ import annotations

import pytest

from etl.catalog import CatalogError, load_catalog
from etl.rules.mentions import find_mentions
from etl.rules.topics import ACTION, ELIDED, OPENS, goes_on
from etl.text.normalize import normalize
from etl.text.sentences import arounds, split_sentences


def kinds(text: str, catalog=None) -> list[tuple[str, str | None]]:
    catalog = catalog or load_catalog()
    scan = normalize(text)
    mentions = find_mentions(scan, catalog)
    return [
        (m.surface, goes_on(m, a, catalog))
        for m, a in zip(mentions, arounds(split_sentences(scan), mentions), strict=True)
    ]


def test_a_part_more_of_them_or_a_total_goes_on_with_the_topic():
    text = "共慰问困难职工3.2万户，其中农民工家庭1.1万户，有2000多户单亲家庭，各级工会合计投入资金1.6亿元。"
    assert kinds(text)[1:] == [("1.1万户", OPENS), ("2000多户", OPENS), ("1.6亿元", OPENS)]


def test_a_clause_of_no_subject_or_object_of_its_own_goes_on_with_the_topic():
    assert kinds("推进老旧小区改造，全年完成投资56.3亿元，基本建成3100套。")[1:] == [("3100套", ELIDED)]
    assert kinds("推进老旧小区改造，今年新开工1.2万套以上，比上年增加3000套。") == [
        ("1.2万套", ELIDED),
        ("3000套", ELIDED),
    ]
    # those reached: the people counted by their unit, or a noun and 受益
    assert kinds("开展职业技能培训，5.6万人次受益，3000多名学生受益，1200人接受慰问。") == [
        ("5.6万人次", ELIDED),
        ("3000多名", ELIDED),
        ("1200人", ELIDED),
    ]


def test_a_subject_of_its_own_before_or_after_the_number_is_no_topics():
    assert kinds("全年为小微企业减负超1200亿元，全市经营主体达86.4万户。")[1:] == [("86.4万户", None)]
    assert kinds("农村危房改造惠及8.6万户，3.1万户牧民迁入新居。")[1:] == [("3.1万户", None)]
    assert kinds("粮食产量达到420亿斤。") == [("420亿斤", None)]


def test_a_doing_with_an_object_of_its_own_is_an_action():
    """继续压减过剩产能，全年关停小水泥厂46家: covered by a clause naming only the topic (programs.py)."""
    assert kinds("全年关停小水泥厂46家，新建乡村道路1.6万公里。") == [("46家", ACTION), ("1.6万公里", ACTION)]
    # its object after the number: 安排…专项奖补资金; a count of no doing, its noun after it, is its own subject
    assert kinds("中央财政安排300亿元专项奖补资金，1.2万户牧民迁入新居。") == [("300亿元", ACTION), ("1.2万户", None)]


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("其中,opener,", "role 'opener' is not one of continues, total, benefits, frame, manner, verb, attribute"),
        (",frame,", "word is empty"),
        ("其中,continues,", "word '其中' role 'continues' is listed already on line 2"),
    ],
)
def test_a_bad_row_of_topic_words_names_file_line_and_column(catalog_copy, row, problem):
    path = catalog_copy / "topic_words.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    line = text.count("\n") + 1
    with pytest.raises(CatalogError) as raised:
        kinds("其中农民工家庭1.1万户。", load_catalog(catalog_copy))
    assert str(raised.value) == f"{path}:{line}: {problem}"


def test_a_missing_topic_words_file_is_named(catalog_copy):
    (catalog_copy / "topic_words.csv").unlink()
    with pytest.raises(CatalogError, match=r"topic_words.csv: missing: the catalog needs this file; restore it"):
        kinds("其中农民工家庭1.1万户。", load_catalog(catalog_copy))


def test_a_word_added_to_topic_words_is_read_at_the_next_load(catalog_copy):
    assert kinds("推进棚户区改造，顺延交付800套。", load_catalog(catalog_copy)) == [("800套", ACTION)]
    with (catalog_copy / "topic_words.csv").open("a", encoding="utf-8") as fh:
        fh.write("顺延交付,verb,\n")
    load_catalog.cache_clear()
    assert kinds("推进棚户区改造，顺延交付800套。", load_catalog(catalog_copy)) == [("800套", ELIDED)]
