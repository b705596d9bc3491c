"""A figure's label: the words before the number that say what it counts ('返还工会经费').

Labels are read from the figure's own list item (or its whole clause before
分别), without the words that open or close a phrase (其中, 全年; 达到, 约) and
without a from-to frame (由2010年的…增加到). A label that is only a verb
(比上年增长) takes its subject from the figure before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import repeat
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation, holds_any
from etl.records import Around, Figure, Mention
from etl.text.characters import CLAUSE_BREAKS, CLOSE_PARENS, CLOSE_QUOTES, OPEN_PARENS, OPEN_QUOTES, ORDINAL_NUMERALS
from etl.text.sentences import CLAUSE_SPLIT
from etl.text.years import YEAR

LIMIT = 24  # characters: a label is the last words before the number
TAIL_REACH = 12  # characters: a run of closing words is looked for only this near the end
ENUMERATOR = re.compile(f"^[{OPEN_PARENS}][0-9{ORDINAL_NUMERALS}]+[{CLOSE_PARENS}]")  # (3), （三）
LIST_NUMBER = re.compile(r"^\d{1,2}[.、](?!\d) *")  # 3.固定资产投资: an item's number, no part of what is counted
ANY_OPEN_PAREN = re.compile(f"[{OPEN_PARENS}]")  # the pre-check of the two rules above: both need one
OPENING_PARENS = tuple(OPEN_PARENS)


class LabelRules(NamedTuple):
    """The label patterns, composed once per catalog from words.csv."""

    openers: tuple[str, ...]
    strip_openers: re.Pattern
    from_to: re.Pattern
    from_tail: re.Pattern
    tails: tuple[str, ...]
    strip_tail: re.Pattern
    lookalike_tail: re.Pattern  # 团体协约达: a bound_lookalike (group 1) ending where the tail's first word does
    lookalike_ends: frozenset[str]  # their last characters: the pre-check of lookalike_tail
    verb_only: re.Pattern
    verb_only_starts: frozenset[str]  # the first characters of its words: the pre-check of verb_only, most labels
    relations: tuple[str, ...]
    relation_verbs: tuple[str, ...]  # longest first
    generic: frozenset[str]  # generic_words.csv and '': 完成投资, 完成 name nothing by themselves
    any_relation: re.Pattern  # a relation word or verb anywhere: where a relation label's subject ends
    subject_tail: re.Pattern
    compared_with: re.Pattern
    respectively: Callable[[str], object]  # does a text hold 分别 (gates.holds_any)
    respectively_words: tuple[str, ...]  # 分别
    aspects: tuple[str, ...]  # what of a thing is measured (播种面积, 产量), longest first
    from_words: tuple[str, ...]
    from_in: Callable[[str], object]  # does a text hold a from_word (gates.holds_any): the pre-check of from_to
    shared_in: Callable[[str], object]  # does a text hold a shared_head word (gates.holds_any): 居民, 企业
    head_then_verb: re.Pattern  # 城镇居民增长: a subject ending in a shared head, then only a verb
    per_heads: frozenset[str]  # qualifiers.csv's per_unit words (每人, 户均): a label of one names no subject


def label_rules(catalog: Catalog) -> LabelRules:
    words = catalog.words
    openers, tails = words["label_opener"], words["label_tail"]
    markers, from_words = alternation(words["compared_marker"]), alternation(words["from_word"])
    compared = alternation(words["compared_with"]) + rf"|(?:{markers}){YEAR}年"  # 比2023年增长
    respectively = words["respectively"]
    verbs = alternation(words["change_verb"])
    per_year, real = alternation(words["per_year"]), alternation(words["real_terms"])
    # Every word verb_only is made of, the markers of 比2023年 among them: a label starting with none of
    # their first characters is no verb alone.
    verb_only_words = (
        *words["goal_word"],
        *words["compared_with"],
        *words["compared_marker"],
        *words["per_year"],
        *words["real_terms"],
    )
    goal = alternation(words["goal_word"])  # 固定资产投资：计划增长5%: a plan's verb alone, whose subject stands before
    return LabelRules(
        openers=(*openers, *OPEN_QUOTES),  # “今年全市新建驿站120座…”: speech's open quote, closed after the number
        strip_openers=re.compile(f"^(?:{alternation(openers)}|[{OPEN_QUOTES}](?!.*[{CLOSE_QUOTES}]))+"),
        from_to=re.compile(
            rf"""
            ^(.*?)            # what is counted
            (?:{from_words})  # from: 由, 从
            [^,，]*?          # the starting level (and its year)
            (?:{alternation(words["to_word"])})  # to: 到, 至
            """,
            re.VERBOSE,
        ),
        from_tail=re.compile(
            rf"""
            (?:{from_words})                                   # from: 由, 从
            (?:{YEAR}年(?:底|末)?的?                           # a year the starting level held
              |(?:{alternation(words["last_year_word"])})的?)?  # or last year
            $""",
            re.VERBOSE,
        ),
        tails=tails,
        strip_tail=re.compile(f"(?:{alternation(tails)})+$"),
        lookalike_tail=re.compile(f"({alternation(words['bound_lookalike'])})(?:{alternation(tails)})*$"),
        lookalike_ends=frozenset(word[-1] for word in words["bound_lookalike"]),
        verb_only=re.compile(f"(?:{goal})?(?:{compared}|{per_year})?(?:{real})?(?:{verbs})?"),
        verb_only_starts=frozenset(word[0] for word in (*verb_only_words, *words["change_verb"]) if word),
        relations=words["relation_word"],
        relation_verbs=tuple(sorted(words["relation_verb"], key=len, reverse=True)),
        generic=frozenset((*catalog.generic_words, "")),
        any_relation=re.compile(alternation((*words["relation_word"], *words["relation_verb"]))),
        subject_tail=re.compile(
            f"(?:{goal}|{compared}|{per_year}|{real}|{alternation(respectively)}|{verbs}|{alternation(words['reached_verb'])})+$"
        ),
        compared_with=re.compile(f"^(?:{compared})"),
        respectively=holds_any(respectively),
        respectively_words=respectively,
        aspects=tuple(sorted(words["aspect_noun"], key=len, reverse=True)),
        per_heads=frozenset(catalog.per_unit_words),
        from_words=words["from_word"],
        from_in=holds_any(words["from_word"]),
        shared_in=holds_any(words["shared_head"]),
        head_then_verb=re.compile(
            rf"""
            (?P<own>.+?(?P<head>{alternation(words["shared_head"])}))  # the subject: 城镇居民, ending in a shared head
            (?P<verb>(?:{compared}|{per_year})?(?:{real})?(?:{verbs}))  # then only a verb of change: 增长
            """,
            re.VERBOSE,
        ),
    )


def own_label(phrase: str, clause_before: str, rules: LabelRules) -> str:
    """The label a figure's own words give: its list item, or its clause when 分别 lists subjects."""
    listed = rules.respectively(phrase)
    return label(clause_before, rules, limit=48) if listed else label(phrase, rules)


def label(phrase: str, rules: LabelRules, limit: int = LIMIT) -> str:
    """The words of `phrase` that say what a number counts.

    地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元 labels both
    numbers 地区生产总值: the from-to frame and its dates are not what is counted.
    """
    text = phrase.strip()
    # (含中央预备费500亿元): an open parenthesis starts the words of the figure inside it.
    if ANY_OPEN_PAREN.search(text):  # most phrases hold none
        opened = max(map(text.rfind, OPEN_PARENS))
        if not any(c in text[opened:] for c in CLOSE_PARENS):
            text = text[opened + 1 :]
        # (3)中央预备费: an enumerator is no part of what is counted.
        if text.startswith(OPENING_PARENS):
            text = ENUMERATOR.sub("", text)
    if text[:1].isdigit():  # most labels start with a word
        text = LIST_NUMBER.sub("", text)
    # Each pattern runs only on a text that starts or ends the way a match must.
    if text.startswith(rules.openers):
        text = rules.strip_openers.sub("", text)
    if rules.from_in(text):
        from_to = rules.from_to.match(text)
        if from_to and from_to.group(1):
            text = from_to.group(1)
        text = rules.from_tail.sub("", text)
    tail = text.endswith(rules.tails) and rules.strip_tail.search(text, max(0, len(text) - TAIL_REACH))
    if tail and text[tail.start()] in rules.lookalike_ends:  # 新签订团体协约: the 约 of 协约 is no bound, and stays
        kept = rules.lookalike_tail.search(text, max(0, tail.start() - TAIL_REACH))
        if kept and kept.start() < tail.start() < kept.end(1):
            return text[: kept.end(1)][-limit:]
    return (text[: tail.start()] if tail else text)[-limit:]


def needs_subject(text: str, rules: LabelRules) -> bool:
    """A label that says nothing of what it measures: empty, only 比上年增长, a per-head word (资助高中生340名，
    每人1000元), or a relation (为预算的98.1%, 占全国的14.3%) whose subject stands before it."""
    return (
        not text
        or text in rules.per_heads
        or (text[0] in rules.verb_only_starts and rules.verb_only.fullmatch(text) is not None)
        or text.startswith(rules.relations)
        or (text.startswith(rules.relation_verbs) and _relation_verb(text, rules))
    )


def _relation_verb(text: str, rules: LabelRules) -> bool:
    """为预算的, 完成投资: a relation verb with a relation (…的) or a generic word only, whose subject
    stands before it; 完成易地扶贫搬迁 (a thing done, no 的) names its own."""
    verb = next(v for v in rules.relation_verbs if text.startswith(v))
    return "的" in text or text[len(verb) :] in rules.generic


def verb_of_unnamed(text: str, rules: LabelRules) -> str | None:
    """同比分别增长6.5%、9.4%: a 分别 label that names no subject, only a verb; the verb its
    figures share (增长, without 同比), which the subjects of the list before take. Else None."""
    for word in rules.respectively_words:
        subject, found, verb = text.partition(word)
        if found:
            return _without_comparison(subject + verb, rules) if needs_subject(subject, rules) else None
    return None


def with_owner(text: str, previous_label: str, rules: LabelRules) -> str:
    """粮食播种面积1584.6万亩、总产量132.4亿斤: an item labelled only by what of a thing it
    measures (总产量) takes the thing (粮食) from the item before, when that one's label ends
    with what it measures too; else the label stays as it was (but see _with_shared_head)."""
    if text not in rules.aspects:
        return _with_shared_head(text, previous_label, rules)
    owner = next((previous_label[: -len(w)] for w in rules.aspects if previous_label.endswith(w)), "")
    return (owner + text)[-LIMIT:] if owner else text


def _with_shared_head(text: str, previous_label: str, rules: LabelRules) -> str:
    """全体居民人均可支配收入增长5.3%，其中城镇居民增长4.5%: a subject ending in a shared head (居民 of
    words.csv's shared_head), then only a verb, measures what the figure before measured of that head
    (人均可支配收入): 城镇居民人均可支配收入增长. Else the label stays as it was."""
    if not rules.shared_in(text):  # most labels
        return text
    found = rules.head_then_verb.fullmatch(text)
    if found is None or (at := previous_label.find(found["head"])) < 0:
        return text
    measured = rules.subject_tail.sub("", previous_label[at + len(found["head"]) :])
    return (found["own"] + measured + found["verb"])[-LIMIT:] if measured else text


def counts_its_own_noun(mention: Mention, around: Around, previous: Figure | None) -> bool:
    """城镇新增就业6600万人以上，13亿多人口的大国…: a number counting the noun right after it
    (13亿多人口) takes no subject from a figure in the clause before, which counts something
    else; …知识竞赛线上问答，1230万职工参与 still takes the event of a clause without one."""
    if previous is None or not mention.unit_word or mention.surface.endswith(mention.unit_word):
        return False
    clause_start = around.start - len(around.clause_before)
    clause_before_start = max(map(around.before.rfind, CLAUSE_BREAKS, repeat(0), repeat(max(clause_start - 1, 0))))
    return previous.char_start - around.sentence.start > clause_before_start


def with_subject(text: str, previous_label: str, before: str, rules: LabelRules) -> str:
    """国内生产总值达到56.9万亿元，比上年增长7.7%: the growth is the product's.

    A label that is only a verb takes its subject from the figure before it in
    the sentence (`previous_label`), else from the clause before.
    """
    subject = _before_relation(previous_label, rules)
    if not subject:
        clauses = CLAUSE_SPLIT.split(before)
        subject = label(clauses[-2], rules) if len(clauses) > 1 else ""
    subject = rules.subject_tail.sub("", subject)
    if text in rules.per_heads:  # 每日272元、每月7072元: per month, not per day and month
        subject = next((subject[: -len(w)] for w in rules.per_heads if subject.endswith(w)), subject)
    return (subject + _without_comparison(text, rules))[-LIMIT:]


def _without_comparison(text: str, rules: LabelRules) -> str:
    """`text` without the comparison that opens it: 比上年增长 -> 增长. compared_with is anchored at the
    start, so one match there is all that sub would replace; re.match does not try the other places."""
    found = rules.compared_with.match(text)
    return text[found.end() :] if found else text


def _before_relation(label_: str, rules: LabelRules) -> str:
    """一般公共预算收入为预算的 -> 一般公共预算收入: the subject of a relation label, for the
    figure after it (…，比2023年增长1.3%)."""
    found = rules.any_relation.search(label_, 1)
    return label_[: found.start()] if found else label_
