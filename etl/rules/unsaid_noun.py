"""A count that leaves its noun unsaid counts what the count just before it named.

    新建职工驿站85个，全市累计建成420个        420个: stations too (organization), not other
    新创建劳模创新工作室27个，全市总数达到168个  168个: studios too

A count whose measure word found no noun (个 alone: other) takes the unit and category of the
figure just before it in its sentence when that figure has the same measure word and a unit a
noun gave it (not the measure word's own), and the words between them and after the count name
nothing of their own: after the figure before, at most a qualifier (以上); then one clause break
or list mark; then only words of time, scope, manner, doing, reaching, basis or totals (全市,
累计, 建成, 新建, 总数, 达到, 共有: those topics.py reads an elided clause by, bases.csv's and
units.py's gap words); after the count, at most a qualifier. Items of one kind, each a phrase
ending in 的 right before its count (其中产值超亿元的610家、超十亿元的86家: enterprises), count one
noun too, whatever each phrase says. It does not hold for

    建成驿站85个，改造公厕120个                 公厕: a noun of its own
    培训职工5万人次，发放补贴300万元           another measure word
    建成驿站85个，服务职工2万人次，新建120个   the figure before counts people
    建成驿站85个。累计建成420个                 another sentence

A count of people right after a count of households, nothing between (监测对象20.9万户69.3万人,
救助困难职工1.2万户3.5万人), counts the people of those households: its label and category are
theirs (ties.py ties the two; of_households).

The rule is asked only about a count whose unit is its bare measure word's: one dict lookup
tells every other figure (a rate, money, people, a count whose noun was found) at once.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation, character_class
from etl.records import Around, Figure
from etl.rules.identity import figure_id
from etl.rules.topics import topic_rules
from etl.text.characters import ITEM_ENDS
from etl.text.years import YEAR

OF = "的"  # ends a phrase whose noun is left unsaid: 超十亿元的86家


class Unsaid(NamedTuple):
    """The rule's words, composed once per catalog."""

    bare: dict[str, str]  # each counting word's own unit (units.csv: 个 other, 家 organization, 户 household)
    between: re.Pattern  # the words from the figure before to the count
    after: re.Pattern  # the count's own words after it
    of_item: re.Pattern  # from the figure before to the count: a list item of words ending in 的


def unsaid_rules(catalog: Catalog) -> Unsaid:
    """The patterns of the rule, from topics.py's words of an elided clause (the frame, manner,
    verb, total and attribute words of topic_words.csv, words.csv's label_tail, reached_verb and
    change_verb, generic_words.csv …), the basis words of bases.csv (新建, 累计), words.csv's
    gap_total, gap_verb and breakdown_opener, and the qualifiers that may stand after a number."""
    topics = catalog.compiled(topic_rules)
    words = catalog.words
    elided = (w for run in topics.unsaid.values() for w in run)
    bases = (word for word, *_ in catalog.bases)  # 新建, 累计, 比上年增加: new, in all, more than before
    per_head = (word for word, position, _ in catalog.qualifiers if position == "clause")  # 日均新设2644户
    compared = (  # 较上年末净增63万户: compared with last year (its end), no subject of its own
        marker + year + end
        for marker in words["compared_marker"]
        for year in words["last_year_word"]
        for end in ("", *words["period_end_word"])
    )
    unsaid = (*elided, *bases, *per_head, *compared, *words["gap_total"], *words["gap_verb"])
    # 比2017年底增加1.2万个: compared with a year named (its end), no subject of its own either
    dated = rf"(?:{alternation(words['compared_marker'])}){YEAR}(?:{alternation(words['year_end_opener'])}|年)"
    after = alternation(w for run in topics.after.values() for w in run)
    return Unsaid(
        bare={word: catalog.units[word][0] for word in words["counting_word"] if word in catalog.units},
        # Each run of words is possessive (*+): read longest word first, as topics.consumed reads, no backtracking.
        between=re.compile(
            rf"""
            (?:{after})*+                             # 以上, 的: the figure before's item names nothing more
            (?:{character_class(ITEM_ENDS)}           # one clause break or list mark, no other,
              |{alternation(words["coordinator"])})   # or a word joining a list: 分别达到4860个和8200个
            \s*
            (?:{alternation(words["breakdown_opener"])})?  # 其中: a part of what the figure before counted
            (?:{alternation(unsaid)}|{dated}|\s)*+    # 全市, 累计, 建成, 总数, 达到: no subject of its own
            """,
            re.VERBOSE,
        ),
        after=re.compile(
            rf"""
            (?:{after}|\s)*+                          # 以上, 左右: nothing the count names of its own
            。?                                       # the sentence's end
            """,
            re.VERBOSE,
        ),
        of_item=re.compile(
            rf"""
            (?:{after})*                              # 以上: the figure before's item names nothing more
            {character_class(ITEM_ENDS)}              # one clause break or list mark, no other
            [^{ITEM_ENDS}]*                           # what the count's item says of its own: 超十亿元
            {OF}                                      # and its noun left unsaid after 的
            """,
            re.VERBOSE,
        ),
    )


def counts_as_before(figure: Figure, around: Around, earlier: list[Figure], catalog: Catalog) -> Figure:
    """The figure with the unit and category of the figure before it in its sentence when it
    leaves its noun unsaid (see the module's text), else the figure as it was. `earlier` are the
    figures of its sentence before it."""
    rules = catalog.compiled(unsaid_rules)
    if not earlier or rules.bare.get(figure.measure) != figure.unit:
        return figure  # most figures: no count, or one whose noun was found
    before = earlier[-1]
    if before.measure != figure.measure or before.unit == figure.unit:
        return figure  # another measure word, or one whose unit no noun gave
    if not names_no_subject(before, around, rules):
        return figure
    figure = figure._replace(unit=before.unit, category=before.category)
    return figure._replace(figure_id=figure_id(figure))


def of_households(figure: Figure, households: Figure) -> Figure:
    """The figure, a count of the people of `households` counted right before it (ties.py's 'heads'), with
    their category."""
    if households.category == figure.category:
        return figure
    figure = figure._replace(category=households.category)
    return figure._replace(figure_id=figure_id(figure))


def names_no_subject(before: Figure, around: Around, rules: Unsaid) -> bool:
    """Whether the words from the figure `before` to the count, and the count's own words after
    it in its list item, name nothing of their own: 85个，全市累计建成420个 (rules.between, rules.after)."""
    end = before.char_end - around.sentence.start
    if end < 0:
        return False
    after = around.item[len(around.phrase) :]
    text = around.sentence.text
    return (
        rules.after.fullmatch(after) is not None
        and (
            rules.between.fullmatch(text, end, around.start) is not None
            or (  # 营业收入超亿元的610家、超十亿元的86家: items of one kind, each a 的 phrase, its noun the same
                text[before.char_start - around.sentence.start - 1 : before.char_start - around.sentence.start] == OF
                and rules.of_item.fullmatch(text, end, around.start) is not None
            )
        )
    )
