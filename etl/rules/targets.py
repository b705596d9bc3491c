"""Whether a figure is a target, decided by the rules of data/catalog/target_rules.csv in their order:
the first rule whose cue holds gives its verdict (`target` or `outcome`). Each cue (TARGET_CUES in
etl/catalog/vocabularies.py) is one function below, of the words before the figure (`before`: its
sentence up to the number; `clause`: the part of that after the last clause break), the period its
sentence speaks of (structure.py's Context) and the year the report reviews:

    starting_level,outcome    由10.2%下降到3.1%: the level a change starts from
    goal_in_clause,target     将在20个城市开展试点: what a body says it will do
    plan_context,target       a sentence of the plan part, or after 今后五年

The table is read once per catalog (Catalog.compiled): the cue functions up to its first `always`
row, whose verdict is the last resort.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import CueGate, Triggers, holds_any
from etl.records import Context
from etl.rules.goal_words import GOAL_NOUNS, goal_rules, reported_met, set_goal
from etl.rules.named_years import SPOKEN_YEAR_GATE, spoken_year
from etl.rules.noun_reach import verb_at
from etl.rules.period_words import period_rules
from etl.rules.this_year import last_year_in_clause
from etl.text.characters import OPEN_QUOTES, SEMICOLONS
from etl.text.years import MARKED_YEAR, year_of

TARGET = "target"
PER_UNIT, AT_LEAST = "per_unit", "at_least"


class TargetRules(NamedTuple):
    """target_rules.csv, read once per catalog."""

    gate: CueGate  # the (cue function, verdict) of the rules up to the first `always` row, in order
    otherwise: bool  # the verdict of that row, else outcome
    find: Callable[[str], list[str]]  # the words of the cues a text holds (Triggers.find)
    # The verdict for a sentence holding none of those words, by the context's is_target, when the rules
    # left then read the context only (CONTEXT_CUES); else None.
    no_words: tuple[bool, bool] | None


def is_target(
    before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog, words=None
) -> bool:
    """The verdict of the first rule of target_rules.csv whose cue holds for the figure: only the rules
    whose words the sentence holds (`words`, TargetRules.find of `before`) are tried (TRIGGERS)."""
    table = catalog.compiled(target_rules)
    if words is None:
        words = table.find(before)
    if not words and table.no_words is not None:
        return table.no_words[context.is_target]
    for cue, verdict in table.gate.rules_for(words):
        if cue(before, clause, context, report_year, catalog):
            return verdict
    return table.otherwise


def target_rules(catalog: Catalog) -> TargetRules:
    rules, otherwise = [], False
    for cue, verdict in catalog.target_rules:
        if cue == "always":
            otherwise = verdict == TARGET
            break
        rules.append((cue, (CUE_FUNCTIONS[cue], verdict == TARGET)))
    triggers = Triggers({cue: words(catalog) for cue, words in TRIGGERS.items()})
    left = [(cue, need) for cue, need in rules if not triggers.words.get(cue)]  # what a sentence of no words asks
    no_words = None
    if all(cue in CONTEXT_CUES for cue, _ in left):
        no_words = tuple(_first_verdict(left, Context(None, None, flag), otherwise, catalog) for flag in (False, True))
    return TargetRules(CueGate(tuple(rules), triggers), otherwise, triggers.find, no_words)


def _first_verdict(rules: list, context: Context, otherwise: bool, catalog: Catalog) -> bool:
    """The verdict of the first of `rules` (which read the context only) that holds in `context`."""
    return next((verdict for _, (cue, verdict) in rules if cue("", "", context, None, catalog)), otherwise)


# The cues, one function each: (the sentence up to the number, its clause, the sentence's period,
# the year reviewed, the catalog) -> whether the cue holds. `always` ends the table (target_rules).
def period_end_level(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """较“十三五”末的4100亿元: the level at the end of a named period, named right before the number
    (not the growth after it: 较“十三五”末的4100亿元增长20%)."""
    rules = catalog.compiled(period_rules)
    named = rules.named.search(clause)
    if named is None:
        return False
    end = named.end() + (clause[named.end() : named.end() + 1] == "”")
    return any(clause.endswith((word, word + "的"), end) for word in rules.period_end if clause.startswith(word, end))


def last_years_level(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """赤字率从去年的2.1%提高到2.3%: last year's level, named right before the number."""
    rules = catalog.compiled(period_rules)
    return (
        report_year is not None
        and clause.endswith(rules.last_years_endings)
        and rules.last_years_level.search(clause, max(0, len(clause) - rules.last_years_reach)) is not None
    )


def starting_level(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """贫困发生率由10.2%下降到3.1%: the level a change starts from, before the period spoken of."""
    return catalog.compiled(period_rules).starting_level.search(clause) is not None


def past_quota(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """2020年全省高校招生计划38万人, in a report on 2020: a quota of a year not after the one reviewed,
    as it was allotted (the year named last before the number, else the sentence's)."""
    goals = catalog.compiled(goal_rules)
    if report_year is None or goals.quota.search(clause) is None:
        return False
    named = MARKED_YEAR.findall(before)
    year = year_of(named[-1]) if named else context.period_end
    return year is not None and year <= report_year


def goal_in_clause(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """力争全年培训100万人次, 将在20个城市开展试点: a goal word of words.csv in the clause; 营养改善计划
    惠及3200万, 完成目标任务的117% are outcomes (an achieved word beside it). Only unambiguous goal
    words: 争取 is also a verb of outcomes (争取上级资金1.2亿元)."""
    goals = catalog.compiled(goal_rules)
    if set_goal(clause, goals) is None and not will_do(clause, catalog):
        return False
    return not reported_met(clause, goals)


def will_do(clause: str, catalog: Catalog) -> bool:
    """全省各级工会将开放职工书屋等阵地2600余个, 还将安排疗休养: 将 right before a verb of verbs.csv is will;
    not 将 taking an object to a level (将制造业企业研发费用加计扣除比例提高到100%: the clause ends in 到), nor
    将近 (nearly)."""
    if clause.endswith(catalog.words["to_word"]):
        return False
    at = clause.find(WILL_WORD)
    while at >= 0:
        if verb_at(clause, at + 1, catalog):
            return True
        at = clause.find(WILL_WORD, at + 1)
    return False


def plan_context(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """The sentence speaks of the years ahead (structure.py): the plan part, 今后五年, “十四五”时期."""
    return context.is_target


def goals_met(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """全面完成年初确定的目标任务，地区生产总值增长6%: an earlier clause reports the goals met, and the
    figures after it are what was achieved."""
    earlier = before[: len(before) - len(clause)]
    goals = catalog.compiled(goal_rules)
    found = goals.goal_word.search(earlier) if earlier else None
    return found is not None and goals.achieved.search(earlier) is not None


def goal_opens(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """目标是，新发展会员1000万人: a goal stated earlier in the sentence, not reported as met after it
    nor measured against in the figure's clause (高于年初预期目标0.3个百分点: what was done)."""
    goals = catalog.compiled(goal_rules)
    found = list(goals.goal_opener.finditer(before))
    return bool(found) and not reported_met(before, goals, found[-1].end()) and not reported_met(clause, goals)


def goal_in_sentence(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """省总工会今年拟投入帮扶资金1.2亿元，走访慰问困难职工5万户: a goal verb of words.csv in an earlier
    clause governs the clauses after it in its statement (up to a semicolon), when no achieved word
    stands after it (拟投入1亿元，实际完成1.2亿元) nor last year's name in the figure's clause. A goal
    noun (目标, 预期) governs only its own clause: 年度目标任务全面完成，新增就业12万人 is done."""
    earlier = before[: len(before) - len(clause)]
    goals = catalog.compiled(goal_rules)
    verbs = [found for found in goals.goal_word.finditer(earlier) if found.group() not in GOAL_NOUNS]
    if not verbs:
        return False
    after = before[verbs[-1].end() :]
    return (
        not reported_met(before, goals, verbs[-1].end())
        and not any(mark in after for mark in SEMICOLONS)
        and not last_year_in_clause(clause, catalog)  # 去年完成…; not 比去年增加约3000人
    )


WILL_WORD = "将"
WILL = re.compile(rf"{WILL_WORD}(?!近)")  # will (将新建驿站200个); 将近 is nearly


def future_year(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """2026年全市新增就业5万人, in a report on 2024: a year the clause or the sentence opens with that is
    still ahead is a goal; the year after the one reviewed only with 将, a forecast or a budget after it (2024年，全市
    工会将新建驿站200个; 2026年春运期间，…预计达到95亿人次), since a report given in that year may tell what
    it has done so far."""
    year = spoken_year(before, clause) if report_year is not None else None
    if year is None:
        return False
    if year > report_year + 1:
        return True
    return year == report_year + 1 and (
        WILL.search(before) is not None or catalog.compiled(_forecast_or_budget)(before)  # 2025年…收入预算1.92亿元
    )


def _forecast_or_budget(catalog: Catalog):
    """Does a text hold a forecast or a budget word (words.csv: 预计, 预算): one test in C."""
    return holds_any((*catalog.words["forecast_word"], *catalog.words["budget_word"]))


def past_year(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """二、2024年工作安排 … 2023年全市工会会员达到98万人, in a report on 2023: a year not after the one
    reviewed, opening the clause or the sentence, is what was done, though the plan part says it; not
    where the sentence names the year ahead before the figure (2023年新增就业11万人，今年将…新增就业10万人)."""
    if report_year is None:
        return False
    own = spoken_year(clause, clause)
    if own is None and catalog.compiled(_years_ahead)(before):
        return False
    year = own if own is not None else spoken_year(before, clause)
    return year is not None and year <= report_year


def _years_ahead(catalog: Catalog) -> Callable[[str], object]:
    """Whether a text holds a period opener of period_openers.csv that names the year ahead in a plan:
    今年, 明年, 下一步 (one search)."""
    kinds = ("this_year", "this_year_so_far", "next_year")
    return holds_any(phrase for kind in kinds for phrase in catalog.period_openers.get(kind, ()) if "{" not in phrase)


def future_period(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """“十四五”时期…, in a report on 2020: a named period of the clause, else the one opening the
    sentence, that starts after the year reviewed."""
    if report_year is None:
        return False
    rules = catalog.compiled(period_rules)
    named = rules.named.search(clause) or rules.named.match(before, before[:1] in OPEN_QUOTES)
    return named is not None and catalog.named_periods[named.group()][0] > report_year


def service_standard(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """每人至少提供2次岗位推荐: at least so much per head is a standard of service promised."""
    words = catalog.qualifiers_in_clause
    return words.first_in(clause, AT_LEAST.__eq__) is not None and words.first_in(clause, PER_UNIT.__eq__) is not None


def forecast_ahead(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> bool:
    """预计驿站全年可服务1.5万人次 in a news item of the year after the one reviewed: a forecast of a year ahead
    (words.csv's forecast_word, in the figure's clause); of the year reviewed (预计全年增长5%) an estimate."""
    return (
        report_year is not None
        and context.period_start is not None
        and context.period_start > report_year
        and any(word in clause for word in catalog.words["forecast_word"])
    )


CONTEXT_CUES = frozenset({"plan_context"})  # the cues that read the sentence's context and nothing else
CUE_FUNCTIONS = {
    "period_end_level": period_end_level,
    "last_years_level": last_years_level,
    "starting_level": starting_level,
    "past_quota": past_quota,
    "goal_in_clause": goal_in_clause,
    "plan_context": plan_context,
    "goals_met": goals_met,
    "goal_opens": goal_opens,
    "goal_in_sentence": goal_in_sentence,
    "future_period": future_period,
    "service_standard": service_standard,
    "future_year": future_year,
    "forecast_ahead": forecast_ahead,
    "past_year": past_year,
}


def _named_periods(catalog: Catalog) -> tuple[str, ...]:
    return tuple(catalog.named_periods)


def _at_least_words(catalog: Catalog) -> tuple[str, ...]:
    return tuple(w for w, position, q in catalog.qualifiers if position == "clause" and q == AT_LEAST)


# The words without one of which a cue never holds, from the lists it reads (etl.catalog.gates.CueGate):
# a sentence holding none of them is spared the cue. plan_context needs none.
TRIGGERS = {
    "period_end_level": _named_periods,
    "last_years_level": lambda catalog: catalog.words["last_year_word"],
    "starting_level": lambda catalog: catalog.words["from_word"],
    "past_quota": lambda catalog: catalog.words["quota_noun"],
    "goal_in_clause": lambda catalog: (*catalog.words["goal_word"], *catalog.words["goal_noun"], WILL_WORD),
    "goals_met": lambda catalog: (*catalog.words["goal_word"], *catalog.words["goal_noun"]),
    "goal_opens": lambda catalog: catalog.words["goal_opener"],
    "goal_in_sentence": lambda catalog: catalog.words["goal_word"],
    "future_period": _named_periods,
    "service_standard": _at_least_words,
    "future_year": lambda catalog: SPOKEN_YEAR_GATE,
    "forecast_ahead": lambda catalog: catalog.words["forecast_word"],
    "past_year": lambda catalog: SPOKEN_YEAR_GATE,
}
