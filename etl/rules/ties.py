"""How figures are tied to each other: ranges, lists and 分别, and 其中 breakdowns.

6%-6.5% is a range: its bounds are at_least and at_most and share a label.
增长8.7%和8.6% is a list: the second figure shares the first one's label.
低保对象3.2万户5.6万人 counts the households' people: the second shares the first one's label and category.
城镇和农村居民人均可支配收入分别达35512元、25689元 pairs each figure with a subject, and so
does 城乡居民…分别 (subject_pairs.csv); …，同比分别增长6.5%、9.4% names no subject and takes
those of the 分别 list before it in the sentence, in order.
共表彰2493名，其中劳模1689名 makes 1689 a part of 2493.
增长5.5%以上，力争6% aims higher for the same measure: 6% is a growth of the same thing.

Which mentions are joined depends only on their units, values and the text
between them, so it is decided for a whole report before any figure is read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import repeat
from operator import eq
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation, holds_any
from etl.records import Around, Figure, Mention, Tie
from etl.rules.noun_reach import PERSON
from etl.rules.per_unit import PER_UNIT
from etl.text.characters import CLAUSE_BREAKS, LIST_MARK, RANGE_DASHES, SEMICOLONS
from etl.text.sentences import CLAUSE_SPLIT

NOT_ADDITIVE = {"percent"}  # rates of parts do not add up to the rate of the whole
PEOPLE_OF_HOUSEHOLDS = ("household", "person")  # the units of a count of households, then of their people
PERSON_TIME = "person_time"  # people counted among person-times (part_of)


def list_words(catalog: Catalog) -> tuple[tuple[str, ...], re.Pattern, int, tuple[str, ...]]:
    """The words between listed figures, between a range's figures (not open_range_word's 到:
    从2.6%到3.1% is a change from one level to another), and the longest of them."""
    joiners = (*catalog.words["coordinator"], LIST_MARK)
    ranges = (*RANGE_DASHES, *catalog.words["range_word"])
    longest = max(map(len, joiners + ranges))
    return joiners, re.compile(alternation(joiners)), longest, ranges


def _stretch(catalog: Catalog) -> tuple[re.Pattern, int]:
    """The words between a figure and a higher aim for the same measure (增长5.5%以上，力争6%), and
    the longest they may be."""
    after = [word for word, _ in catalog.qualifiers_after.entries]
    stretch = catalog.words["stretch_word"]
    pattern = rf"""
        (?:{alternation(after)})?         # 以上, 左右: the first figure's bound
        [{CLAUSE_BREAKS}{LIST_MARK}]      # one clause break or list mark
        (?:{alternation(stretch)})        # 力争, 争取: the same measure, aimed higher
        """
    longest = max(map(len, after), default=0) + 1 + max(map(len, stretch), default=0)
    return re.compile(pattern, re.VERBOSE), longest if stretch else 0


def ties(mentions: list[Mention], text: str, catalog: Catalog) -> list[Tie]:
    """Each mention's joins to its neighbours and the run of listed mentions it is in."""
    if not mentions:
        return []
    joiners, _, longest, ranges = catalog.compiled(list_words)
    stretch, stretch_reach = catalog.compiled(_stretch)
    reach = max(longest, stretch_reach)
    joined: list[str | None] = [None]
    for low, upper in zip(mentions, mentions[1:], strict=False):
        # Figures can stand pages apart: only a short gap is sliced, which keeps this linear.
        gap = upper.char_start - low.char_end
        between = text[low.char_end : upper.char_start] if gap <= reach else ""
        if not gap and (low.unit, upper.unit) == PEOPLE_OF_HOUSEHOLDS:
            joined.append("heads")  # 低保对象3.2万户5.6万人: the same people, counted by heads
        elif not between:
            joined.append(None)
        elif low.unit != upper.unit:
            # 分别达到4860个和8200个: a listed count naming nothing counts what the one before it does
            joined.append("list" if between in joiners and counts_as_whole(low, upper) else None)
        elif between in joiners:
            joined.append("list")
        elif between in ranges and upper.value >= low.value:
            joined.append("range")
        elif low.measure == upper.measure and stretch.fullmatch(between):
            joined.append("stretch")
        else:
            joined.append(None)
    # Each mention's run of listed mentions (where it starts), then each run's size: a Tie is made
    # once, whole, rather than made and then remade with its size (_replace) for every mention.
    group_starts: list[int] = []
    start = 0
    for i, kind in enumerate(joined):
        if kind != "list":
            start = i
        group_starts.append(start)
    sizes = Counter(group_starts)
    closes = [*map(eq, joined[1:], repeat("range")), False]  # the mention after is joined by a range
    return list(map(Tie, joined, closes, group_starts, map(sizes.__getitem__, group_starts)))


class Listed(NamedTuple):
    """The subjects a 分别 list names, one per figure in order, and the verb they share."""

    subjects: tuple[str, ...]  # 城镇居民人均可支配收入, 农村居民人均可支配收入
    verb: str  # 增长


def listed_subjects(label: str, size: int, shared_heads: tuple[str, ...], catalog: Catalog) -> Listed | None:
    """二氧化硫、氮氧化物排放量分别下降 over two figures -> each subject, and the verb.

    A listed subject borrows the noun the last one spells out (城镇 + 居民人均可支配收入)
    when the last one starts with a word of the same length followed by a shared head.
    One subject naming as many as there are figures (城乡居民… over two: subject_pairs.csv)
    is read as those, in order: 城镇居民…, 农村居民….
    None when the label lists no subjects or not one per figure.
    """
    respectively = next((word for word in catalog.words["respectively"] if word in label), None)
    if respectively is None:
        return None
    _, split, _, _ = catalog.compiled(list_words)
    subject, _, verb = label.partition(respectively)
    subjects = [p for p in split.split(subject) if p]
    if len(subjects) == 1 and size > 1:
        subjects = _paired(subjects[0], size, catalog.subject_pairs)
    if len(subjects) != size:
        return None
    last = subjects[-1]
    owned = []
    for own in subjects:
        head = last[len(own) :]
        if own is not last and head.startswith(shared_heads):
            own += head
        owned.append(own)
    return Listed(tuple(owned), verb)


def _paired(subject: str, size: int, pairs: dict[str, tuple[str, ...]]) -> list[str]:
    """城乡居民人均可支配收入 over two figures -> 城镇居民…, 农村居民…: the first word of
    subject_pairs.csv in the subject that names `size` subjects; else the subject alone."""
    for word, parts in pairs.items():
        if len(parts) == size and word in subject:
            return [subject.replace(word, part, 1) for part in parts]
    return [subject]


def per_unit_alike(a: Figure, b: Figure) -> bool:
    """Both amounts per head or neither: a per-head amount is no part, subset or whole of a total
    (发放慰问金1580万元，其中每户2000元; 日均1.83亿人次，其中铁路客运量43.6亿人次)."""
    return (a.qualifier == PER_UNIT) == (b.qualifier == PER_UNIT)


def same_kind(a: Figure, b: Figure) -> bool:
    """Figures a part and its whole can be: one unit, and for other, one measure (公里, not 个)."""
    return a.unit == b.unit and (a.unit != "other" or a.measure == b.measure)


def counts_as_whole(whole: Figure | Mention, part: Figure | Mention) -> bool:
    """Can `part` be a part of `whole` (or an item listed after it) by what they count: the same kind, or a
    part that names nothing it counts, by the whole's measure word (创新工作室137个，其中国家级2个: the 2个
    are 创新工作室 too; 分别达到4860个和8200个)."""
    return same_kind(whole, part) or (part.unit == "other" and bool(part.measure) and part.measure == whole.measure)


def part_of(whole: Figure, part: Figure) -> bool:
    """Can `part` be listed in `whole`'s breakdown: as counts_as_whole, or people among person-times
    (培训2.35万人次，其中企业新型学徒1860人)."""
    return counts_as_whole(whole, part) or (part.unit == PERSON and whole.unit == PERSON_TIME)


class Breakdown(NamedTuple):
    """The words of a breakdown (words.csv): what opens the parts of a whole, what states a share."""

    openers: tuple[str, ...]  # 其中
    opener_in: Callable[[str], object]  # does a text hold an opener (gates.holds_any)
    share_in: Callable[[str], object]  # 占: does a text hold a share word
    own_statement_in: Callable[[str], object]  # 有, 此外: does a clause state a figure of its own (not_next_part)


def breakdown_words(catalog: Catalog) -> Breakdown:
    openers = catalog.words["breakdown_opener"]
    return Breakdown(
        openers,
        holds_any(openers),
        holds_any(catalog.words["share_word"]),
        holds_any(catalog.words["not_next_part"]),
    )


def in_breakdown(around: Around, words: Breakdown) -> bool:
    """Does the figure stand in a 其中 list: its clause holds 其中, or the clause before it is
    其中 alone (其中，本级支出40720.18亿元)?"""
    if words.opener_in(around.clause_before):
        return True
    previous = around.previous_clause()
    return previous is not None and previous.strip() in words.openers


def whole_of(
    part: Figure,
    around: Around,
    earlier: list[Figure],
    words: Breakdown,
    previous: list[Figure] = (),
    breakdown: bool | None = None,
    only: bool = False,
):
    """For a part in a 其中 list, the figure of the same unit stated before the 其中; for a
    share (其中…投资占44%), the last amount before it; `only`: when one figure alone may be it.

    Only the 其中 clause lists parts: in "…2493名，其中劳模1689名、先进工作者804名，
    有300多名抗疫先进典型" the 300 overlap the parts and are not one of them. `breakdown`: in_breakdown's
    answer, when the caller read it already.
    """
    if not (in_breakdown(around, words) if breakdown is None else breakdown):
        return None
    share = part.unit in NOT_ADDITIVE
    if share and not words.share_in(around.clause_before):
        return None
    at = max(around.before.rfind(word) for word in words.openers)
    # in the sentence before, a goal is no whole of what was done (计划走访2.6万人。其中，为126名…)
    before = (f for f in previous if f.is_target == part.is_target)
    # a part of the sentence right before this 其中 is the whole of a breakdown nested in it (上级补助收入
    # 18406.2万元，其中全国总工会专项补助9860万元, itself a part of 收入合计): the nearest figure decides
    candidates = [
        f
        for f in [
            *(f for f in before if f.parent_figure_id is None),
            *(f for f in earlier if f.char_start - f.sentence_start < at),
        ]
        if ((f.unit not in NOT_ADDITIVE) if share else part_of(f, part))
        and f.basis != "change"
        and per_unit_alike(f, part)
    ]
    if not candidates or (not share and candidates[-1].value < part.value) or (only and len(candidates) > 1):
        return None
    return candidates[-1]


def whole_of_shares(part: Figure, around: Around, earlier: list[Figure], words: Breakdown):
    """其中，…投资占44%，…建设占16%: a later share of the same list has the first one's whole."""
    if part.unit not in NOT_ADDITIVE or not words.share_in(around.clause_before):
        return None
    shares = [f for f in earlier if f.unit in NOT_ADDITIVE and f.parent_figure_id is not None]
    if not shares:
        return None
    return next((f for f in earlier if f.figure_id == shares[-1].parent_figure_id), None)


def whole_continued(part: Figure, whole: Figure | None, first_in_sentence: bool):
    """其中，税收收入…；非税收入44730.11亿元: a list of parts goes on past a semicolon, so the first
    figure of the next statement is the next part."""
    if whole is None or not first_in_sentence or not same_kind(part, whole) or part.basis == "change":
        return None
    return whole


def opens_statement_list(sentence: str) -> bool:
    """A statement that ends with a semicolon: the next one may go on with its list."""
    return sentence.endswith(tuple(SEMICOLONS))


def subset_of(
    figure: Figure,
    around: Around,
    earlier: list[Figure],
    parts_sum: dict[str, float],
    words: Breakdown,
    breakdown: bool | None = None,
):
    """…2493名，其中劳模1689名、先进工作者804名，有300多名抗疫先进典型: the 300 are neither the
    whole nor one of its parts but overlap them: a subset of the whole, which summaries never add.

    A figure outside the 其中 clause, of the unit of a whole whose parts the sentence listed
    before it, and no larger than that whole (`breakdown`: in_breakdown's answer, when the caller read it).
    """
    if figure.unit in NOT_ADDITIVE or figure.basis == "change":
        return None
    if in_breakdown(around, words) if breakdown is None else breakdown:
        return None
    wholes = [f for f in earlier if f.figure_id in parts_sum and f.unit == figure.unit]
    if not wholes or wholes[-1].value < figure.value:
        return None
    return wholes[-1]


def restates(sentence: str, start: int, end: int, catalog: Catalog) -> bool:
    """提出国内生产总值增长8%左右，主要是…: a target stated again in the sentence that explains it."""
    words = catalog.words
    return any(w in sentence[:start] for w in words["restatement_opener"]) and any(
        w in sentence[end:] for w in words["restatement_reason"]
    )


def opens_with_breakdown(before: str, words: Breakdown) -> bool | None:
    """共表彰2493名。其中，劳模1689名…: the parts open the sentence after their whole's (True); 处理争议
    案件126件。其中关厂案件31件: so may a part with its own words (None: its whole is the one figure of its
    kind before); otherwise False."""
    if not before.startswith(words.openers):
        return False
    return True if CLAUSE_SPLIT.split(before, 1)[0] in words.openers else None
