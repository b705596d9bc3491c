"""tools/counted_nouns.py: what a reference gloss says a noun counts, and the nouns it leaves out."""

from __future__ import annotations

from etl.catalog import load_catalog
from tools.counted_nouns import excluded, gloss_kind, rows


def test_a_slang_or_figurative_sense_names_no_kind():
    assert gloss_kind(["dinosaur; CL:頭|头[tou2]/(old) (slang) ugly person"]) == ("dinosaur", None)  # 恐龙
    assert gloss_kind(["gauze hat/(fig.) job as an official"]) == ("hat", None)  # 纱帽
    assert gloss_kind(["worker/employee"]) == ("worker", ("person", "workers"))  # people by their work
    assert gloss_kind(["teacher/instructor"]) == ("teacher", ("person", "workers"))  # 教师
    assert gloss_kind(["resident/inhabitant"]) == ("resident", ("person", ""))  # people, no work named
    assert gloss_kind(["staff/personnel"]) == ("staff", ("person", ""))  # 人员: anyone's, helped or at work


def test_a_noun_of_the_exclusion_list_is_left_out_with_its_reason():
    assert {"棍棒", "宅基地"} <= excluded()
    tags, frequencies = {"棍棒": "n", "宅基地": "n"}, {"棍棒": 316, "宅基地": 49}
    glosses = {"棍棒": ["club/staff/stick"]}
    hand = {"基地": ("organization", "organizations")}
    assert rows(glosses, tags, frequencies, hand) == [
        ("棍棒", "person", "", "", "jieba n, cc-cedict staff"),
        ("宅基地", "organization", "organizations", "基地", "jieba n, head 基地"),
    ]
    assert rows(glosses, tags, frequencies, hand, excluded()) == []


def test_the_shipped_lexicon_holds_none_of_them():
    lexicon = load_catalog().lexicon
    assert [noun for noun in ("棍棒", "恐龙", "宅基地", "五线谱", "驱动程序", "面向对象") if noun in lexicon] == []
    assert lexicon["人员"] == ("person", "") and lexicon["乡村"] == ("other", "")
