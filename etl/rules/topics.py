"""Whether a figure's clause goes on with the topic an earlier clause or sentence named, or names its own.

A programme named in an earlier clause is the programme of a later figure only when the
later clause says nothing of a subject of its own (data/catalog/topic_words.csv):

    共表彰全国劳模和先进工作者2493名，其中劳模1689名        其中 opens: a part of the topic
    …，有300多名抗疫先进典型                                有 opens: more of those counted
    保障性安居工程…，基本建成540万套                        a verb alone: its object is the topic's
    …合计1.05亿元, …累计播放量达1.25亿次                    a total of the topic
    …，4.3亿人次受益                                        those the topic reached

and names its own otherwise, which no programme named before may be carried to:

    农村饮水安全工程…，又有80万户农村危房得到改造          a noun after the count, its own event
    全年为企业减负超3300亿元，全省经营主体达1163.7万户      a noun before the count
    …，新建和改造农村公路38万公里                           a verb and an object of its own
"""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.records import Around, Mention
from etl.text.years import YEAR

# How a later clause stands to the topic named before it; None: it names a subject of its own.
OPENS = "opens"  # 其中…, 有…, …合计: it goes on with what the clause before counted
ELIDED = "elided"  # 基本建成540万套: no subject, no object of its own
ACTION = "action"  # 关闭小煤矿1054处: a doing of its own, which only a clause naming the topic alone covers
PEOPLE = ("person", "person_time")
DIGIT = re.compile(r"\d")
JOINERS = ("、", "和", "与", "及", "并", "了", "的", "对")  # what may join the words of an elided clause


class TopicRules(NamedTuple):
    """The words of topic_words.csv and of the catalogs they take in, composed once per catalog.

    A clause is read as a run of known words (`consumed`), longest first, not by one alternation of
    them all: its few hundred words would cost a large pattern to compile for the few hundred
    clauses a pass reads."""

    frame: dict[str, tuple[str, ...]]  # time, scope, intent, whose money: 目前, 全省, 力争, 中央财政
    continues: tuple[str, ...]  # 其中, 有, 惠及, 此项
    verbs: tuple[str, ...]  # 安排, 新增: a doing
    unsaid: dict[str, tuple[str, ...]]  # the words of an elided clause: none names a thing of its own
    after: dict[str, tuple[str, ...]]  # 以上, 的, 改造任务, 试点: nothing of its own after the number
    benefits: tuple[str, ...]  # 受益, 参与
    tails: tuple[str, ...]  # 超过, 约: what may end a subject's clause after its verb
    reached: tuple[str, ...]  # 达, 达到, 实现, 比上年: a subject reached a level
    change: tuple[str, ...]  # 增加, 提高: with 到 or 至, a subject grew to a level
    total: re.Pattern
    holds_total: re.Pattern
    from_to: re.Pattern
    compared_year: re.Pattern
    change_to: re.Pattern


def by_first(words) -> dict[str, tuple[str, ...]]:
    """The words by their first character, longest first."""
    found: dict[str, list[str]] = {}
    for word in sorted(dict.fromkeys(w for w in words if w), key=len, reverse=True):
        found.setdefault(word[0], []).append(word)
    return {first: tuple(listed) for first, listed in found.items()}


def consumed(text: str, words: dict[str, tuple[str, ...]], at: int = 0) -> int:
    """Where a run of `words` from `at` ends in `text` (the longest word at each step)."""
    while at < len(text):
        here = words.get(text[at], ())
        if not text.startswith(here, at):  # one C test: none of them stands here (most steps)
            break
        at += next(len(w) for w in here if text.startswith(w, at))
    return at


def topic_rules(catalog: Catalog) -> TopicRules:
    words = catalog.topic_words
    known = catalog.words
    before = list(catalog.bounds_before)
    after = [w for w, _ in catalog.qualifiers_at("after")]
    doing = set(words["verb"])  # 完成 is a doing (全面完成了13672户), 达到 a level reached
    unsaid = (
        *words["frame"],
        *words["manner"],
        *words["verb"],
        *words["total"],
        *words["attribute"],
        *known["label_tail"],
        *known["reached_verb"],
        *known["change_verb"],
        *known["goal_word"],
        *known["per_year"],
        *known["real_terms"],
        *known["compared_with"],
        *catalog.generic_words,
        *before,
        *JOINERS,
    )
    return TopicRules(
        frame=by_first((*words["frame"], *catalog.generic_words)),
        continues=words["continues"],
        verbs=words["verb"],
        unsaid=by_first(unsaid),
        after=by_first((*after, *words["frame"], *words["attribute"], *catalog.generic_words, "的", "、")),
        benefits=words["benefits"],
        tails=tuple(sorted({*before, *known["label_tail"]}, key=len, reverse=True)),
        reached=(*(w for w in known["reached_verb"] if w not in doing), *known["compared_with"]),
        change=known["change_verb"],
        total=re.compile(alternation(words["total"])),
        holds_total=re.compile(alternation(w for w, role in catalog.program_words if role == "holds_total_word")),
        # 财政补助标准由每人每年320元提高到: the from-to frame, cut off before the subject is read
        from_to=re.compile(f"(?:{alternation(known['from_word'])}).*$"),
        compared_year=re.compile(
            rf"""
            (?:{alternation(known["compared_marker"])})  # 比, 较
            {YEAR}年                                    # 2002年: the year a change is measured from
            """,
            re.VERBOSE,
        ),
        # 提高到380元: the level a from-to frame reached
        change_to=re.compile(f"(?:{alternation(known['change_verb'])})(?:到|至)"),
    )


def goes_on(mention: Mention, around: Around, catalog: Catalog) -> str | None:
    """How the figure's clause stands to a topic named before it: OPENS, ELIDED, ACTION, or None
    when it names a subject of its own (a noun before the figure and a verb of being or change,
    or a noun counted after it doing a thing of its own: 9.2万户游牧民实现了定居)."""
    # 3340万人接受慰问: people counted by the unit itself, and what was done for them
    people = mention.unit in PEOPLE and bool(mention.unit_word) and mention.surface.endswith(mention.unit_word)
    return _kind(around.clause_before, around.clause_after, people, catalog.compiled(topic_rules))


def names_its_own(clause: str, catalog: Catalog) -> bool:
    """Whether a clause holding a number names a subject of its own before it (参加失业保险人数1.2万人),
    so that a clause after it going on with a topic goes on with that subject, no programme named before."""
    number = DIGIT.search(clause)
    return number is not None and _kind(clause[: number.start()], "", False, catalog.compiled(topic_rules)) not in (
        OPENS,
        ELIDED,
    )


def _kind(before: str, after: str, people: bool, rules: TopicRules) -> str | None:
    before, after = before.strip(), after.strip().rstrip("。")
    if before.startswith(rules.continues, consumed(before, rules.frame)) or rules.total.search(
        rules.holds_total.sub("", before)
    ):
        return OPENS
    own = rules.compared_year.sub("", rules.from_to.sub("", before))
    if consumed(own, rules.unsaid) == len(own):
        if people or _nothing_of_its_own(after, rules):
            return ELIDED
        # 中央财政安排1000亿元专项奖补资金: a doing, its object after the number; 510万沼气用户: a count of its own
        return ACTION if own.startswith(rules.verbs, consumed(own, rules.frame)) else None
    return None if _subject(own, rules) else ACTION


def _nothing_of_its_own(after: str, rules: TopicRules) -> bool:
    """以上, 的改造任务, 提高到380元, …学生受益: the words after the number name no thing of their own."""
    at = consumed(after, rules.after)
    return at == len(after) or rules.change_to.match(after, at) is not None or after.endswith(rules.benefits)


def _subject(text: str, rules: TopicRules) -> bool:
    """全省经营主体达, 粮食产量达到超过, 试点面积增加到: a noun phrase and a verb of reaching or growing
    to, before the qualifiers of the number (超过, 约)."""
    while text:
        reached_to = text.endswith(("到", "至"))
        stem = text[:-1] if reached_to else text
        # Each list is tested at once by endswith (in C) before it is walked for the word that ends it.
        verb = _ending(stem, rules.reached) or (_ending(stem, rules.change) if reached_to else None)
        if verb is not None:
            return len(stem) > len(verb)
        tail = _ending(text, rules.tails)
        if tail is None:
            return False
        text = text[: -len(tail)]
    return False


def _ending(text: str, words: tuple[str, ...]) -> str | None:
    """The first of `words` that ends `text`, else None."""
    return next(w for w in words if text.endswith(w)) if text.endswith(words) else None


def new_doing(around: Around, catalog: Catalog) -> bool:
    """Whether the figure's list item is a doing of its own, with an object of its own after the
    number: in 明确…棚户区改造隐性债务…、安排4000亿元地方债务结存限额 the 4000亿元 is no housing money."""
    rules = catalog.compiled(topic_rules)
    phrase = around.phrase.strip()
    item_after = around.clause_after.split("、", 1)[0].strip().rstrip("。")
    return phrase.startswith(rules.verbs, consumed(phrase, rules.frame)) and not _nothing_of_its_own(item_after, rules)
