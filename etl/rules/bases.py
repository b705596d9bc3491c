"""A figure's basis: change (增长6.6%, 比去年高0.2个百分点), new (新增), cumulative
(累计, 截至…) or none, a level; and for a change, its direction. The words are in
data/catalog/bases.csv, each with where it stands and which way it moves."""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.records import Around, Mention
from etl.text.characters import LIST_MARK as LIST_ITEM

CHANGE, NEW = "change", "new"
COMPARISON_REACH = 12  # characters: 比 and its compared-by word stand this near the number
BENCHMARK_REACH = 10  # characters: 超出 and the benchmark it passed stand this near the number
SIGN = {"rise": 1, "fall": -1}
DIGIT = re.compile(r"\d")  # an item of a list of figures holds one


def _comparison(catalog: Catalog) -> tuple[tuple[str, ...], re.Pattern]:
    words = tuple(word for word, _ in catalog.bases_compared.entries)
    markers = alternation(catalog.words["compared_marker"])
    return words, re.compile(
        rf"""
        (?:{markers})             # compared with: 比, 较
        .{{0,8}}                  # what with: 上年, 全国平均水平
        (?:{alternation(words)})  # the word that says how: 高, 多, 减少
        $""",
        re.VERBOSE,
    )


def _reached(catalog: Catalog) -> re.Pattern:
    """A change word of a clause followed by a word of reaching: 减少到5个 states the level reached."""
    changes = [word for word, basis_, position, _ in catalog.bases if position == "clause" and basis_ == CHANGE]
    return re.compile(
        rf"""
        (?:{alternation(changes)})                     # a change: 减少, 削减
        (?:{alternation(catalog.words["to_word"])})    # to: 到, 至
        $""",
        re.VERBOSE,
    )


TALLY_VERBS = "为是有"  # after a tally noun, right before the number: 城市个数为6个


def _tallied(catalog: Catalog) -> tuple[re.Pattern, tuple[str, ...]]:
    """A tally of the things a relative clause describes, ending the figure's phrase: 环比上涨的城市个数为;
    and its tally nouns, its pre-check (a phrase ending in none, its verb aside, is no tally)."""
    nouns = catalog.words["tally_noun"]
    return re.compile(
        rf"""
        的                              # the relative clause ends: 同比下降的
        [^的,，]{{1,10}}                # the things counted: 城市, 省份
        (?:{alternation(nouns)})        # how many of them: 个数, 数量
        [{TALLY_VERBS}]?                # is
        $""",
        re.VERBOSE,
    ), tuple(nouns)


def _beyond_benchmark(catalog: Catalog) -> tuple[re.Pattern, frozenset[str]]:
    """By how much a figure passed its benchmark, right before the number: 超出计划8.6%, 超过年度目标任务277万人;
    and the last characters of the benchmarks, its pre-check (a text ending in none of them names none)."""
    benchmarks = catalog.words["benchmark_noun"]
    return re.compile(
        rf"""
        (?:超出|超过|高出)                    # passed
        (?:年度|全年)?                        # the year's
        (?:{alternation(benchmarks)})         # benchmark: 计划, 目标任务
        $""",
        re.VERBOSE,
    ), frozenset(word[-1] for word in benchmarks)


class ChangeRules(NamedTuple):
    """The patterns _change_word reads, with their pre-checks, composed once per catalog (one lookup a figure)."""

    compared_words: tuple[str, ...]  # 高, 多, 减少: what ends a comparison (its pre-check)
    comparison: re.Pattern  # 比上年多: _comparison
    tally_nouns: tuple[str, ...]  # 个数, 数量: what ends a tally (its pre-check)
    tallied: re.Pattern  # 环比上涨的城市个数为: _tallied
    benchmark_ends: frozenset[str]  # 划, 务: the last characters of the benchmarks (its pre-check)
    beyond: re.Pattern  # 超出计划: _beyond_benchmark


def _change_rules(catalog: Catalog) -> ChangeRules:
    compared_words, comparison = _comparison(catalog)
    tallied, tally_nouns = _tallied(catalog)
    beyond, benchmark_ends = _beyond_benchmark(catalog)
    return ChangeRules(compared_words, comparison, tally_nouns, tallied, benchmark_ends, beyond)


_last: list = [None, None, None, None]  # a mention, its around, the catalog and their change word


def _change_word(mention: Mention, around: Around, catalog: Catalog):
    """(basis, direction) of the words that make the figure what it is, or None for a level."""
    before = around.before
    rules = catalog.compiled(_change_rules)
    if before.endswith(rules.compared_words) and rules.comparison.search(
        before, max(0, len(before) - COMPARISON_REACH)
    ):
        return catalog.bases_compared.at_end(before)
    found = catalog.bases_before.at_end(before)
    if (
        not found
        and before[-1:] in catalog.qualifiers_before.last_characters
        and before.endswith(catalog.bounds_before)
    ):
        # 增长不低于8%: past the bound (its last character first, one set lookup, then the words)
        found = catalog.bases_before.at_end(catalog.qualifiers_before.without_end(before))
    phrase = around.phrase
    if (
        "的" in phrase
        and phrase.rstrip(TALLY_VERBS).endswith(rules.tally_nouns)
        and (tally := rules.tallied.search(phrase))
    ):
        # 新建商品住宅销售价格同比下降的城市个数为70个: the cities fell, the count of them is a level; but
        # 新增的企业数量为1200家 counts the new ones
        described = catalog.bases_in_clause.at_end(phrase[: tally.start()])
        found = found or (described if described and described[0] == NEW else None)
        phrase = phrase[tally.start() + 1 :]
    if (
        not found
        and before[-1:] in rules.benchmark_ends
        and rules.beyond.search(before, max(0, len(before) - BENCHMARK_REACH))
    ):
        found = (CHANGE, "rise")  # 完成投资126.5亿元，超出计划8.6%: a gap against the plan
    found = found or catalog.bases_in_clause.first_in(phrase)
    if found and found[0] == NEW and mention.unit == "percent":
        found = None  # a rate is never new: 新增贷款中普惠小微贷款占比达到28% is a share
    if found and found[0] == CHANGE and before.endswith(catalog.words["to_word"]):
        if catalog.compiled(_reached).search(before):
            return None  # 削减到5个: a level
    return (
        found
        or _listed(mention, around, catalog)
        or (
            mention.unit != "percent"  # a rate is never a sum: 截至年底，城镇化率达到67.2%
            and (stock := catalog.bases_in_sentence.first_in(before))
            and _unless_a_level(stock, around, catalog)
        )
        or ((CHANGE, "") if mention.measure in catalog.words["percentage_points"] else None)
    )


def _unless_a_level(stock, around: Around, catalog: Catalog):
    """截至11月底，返还工会经费51.83亿元: what stood by a date (`stock`, a word of the sentence) is
    cumulative, unless the figure's own clause names it a level (words.csv's level_noun: 截至年底，
    全省职工驿站总数达到8600个)."""
    return None if any(word in around.clause_before for word in catalog.words["level_noun"]) else stock


def _listed(mention: Mention, around: Around, catalog: Catalog):
    """新增规上工业企业1494家、“小巨人”企业81家、上云企业2万家: a new (or cumulative) word at the
    head of a list holds for every item of it; never for a rate (新增就业…、失业率5%), nor for an item
    that says the level reached (净增235家、达到1480家)."""
    if LIST_ITEM not in around.clause_before or mention.unit == "percent":
        return None
    *items, own = around.clause_before.split(LIST_ITEM)
    if DIGIT.search(items[-1]) and any(word in own for word in catalog.words["reached_verb"]):
        return None  # 净增235家、达到1480家: the level the item says it reached (not 累计播放量、阅读量达…)
    head = items[0]
    found = catalog.bases_in_clause.first_in(head)
    return found if found and found[0] != CHANGE else None


def basis(mention: Mention, around: Around, catalog: Catalog) -> str | None:
    """change for 增长6.6% or 比去年高0.2个百分点; never for 提高到58.5%, a level."""
    if mention.measure in catalog.words["percentage_points"]:
        return CHANGE
    found = _change_word(mention, around, catalog)
    _last[:] = mention, around, catalog, found  # direction() asks for it once more
    return found[0] if found else None


def direction(mention: Mention, around: Around, basis_: str | None, catalog: Catalog) -> int | None:
    """+1 for a rise, -1 for a fall, None when the figure is no change or says no direction.

    A fall keeps its value positive (下降3.1%: -1); a change written with a minus
    sign moved the other way (增长-0.3%: -1).
    """
    if basis_ != CHANGE:
        return None
    if _last[0] is mention and _last[1] is around and _last[2] is catalog:
        found = _last[3]
    else:
        found = _change_word(mention, around, catalog)
    sign = SIGN.get(found[1]) if found else None
    if sign is None:
        return None
    return -sign if mention.value < 0 else sign
