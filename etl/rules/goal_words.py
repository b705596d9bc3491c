"""The words that say a goal is set or met, composed once per catalog from words.csv: goal words
(力争, 将在; 计划 after who plans), goal openers (目标是), achieved words (完成, 实际), quotas
(招生计划). etl/rules/targets.py's cues read them."""

from __future__ import annotations

import re
from itertools import repeat
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.text.characters import CLAUSE_BREAKS, CLOSE_QUOTES, LETTER

GOAL_NOUNS = ("目标", "预期")  # goal words that name a goal, not say one is set: they govern their clause only
SHARE_OF = "的"  # 目标任务1.6万人的116.3%: the goal's value, and the share of it done
GOAL_TASK = "任务"  # 目标任务, 计划任务: the goal as a task
GOAL_NAME_REACH = 4  # characters between 的 and the goal noun after a figure: 的年度调控目标
BENCHMARK_REACH = 6  # characters between a comparison's word and the goal it measures against: 比规划目标
# A goal a figure is measured against, not one set: 比规划目标高0.4个百分点, 超过年度计划, 快于预期.
MEASURED_AGAINST = re.compile(
    rf"""
    (?:比|较|超过|超出|高于|低于|快于|慢于|好于)   # a comparison's word
    [^{CLAUSE_BREAKS}]{{0,{BENCHMARK_REACH}}}     # what qualifies the goal: 规划, 年度
    $                                             # right before the goal word
    """,
    re.VERBOSE,
)


class GoalRules(NamedTuple):
    goal_word: re.Pattern
    goal_opener: re.Pattern
    achieved: re.Pattern
    quota: re.Pattern  # 招生计划38万人: a plan that is a quota, ending the clause before the number
    named_after: re.Pattern  # 5.5%的控制目标: a goal noun naming the figure right after it
    named_before: re.Pattern  # 年度目标任务1.6万人的116.3%: a goal noun right before the figure


def goal_rules(catalog: Catalog) -> GoalRules:
    words = catalog.words
    openers, quotas = words["goal_opener"], words["quota_noun"]
    nouns = words["goal_noun"]
    verbs = [word for word in words["goal_word"] if word not in nouns]
    said_by = "|".join(f"(?<={re.escape(word)})" for word in sorted(set(words["plan_maker"]), key=len))
    return GoalRules(
        goal_word=re.compile(
            rf"""
            (?<![{CLOSE_QUOTES}])              # a goal word right after a closing quote ends a name:
                                               # “金秋助学”计划资助学生1200名 is what a programme did
            (?!{alternation(words["not_goal"])})  # nor one that starts a noun: 预期寿命, 计划生育
            (?:{alternation(verbs)}            # a goal word: 力争, 将在
            |(?=(?:{alternation(nouns)}))      # or a goal noun: 计划 (金秋助学计划 is a name),
             (?:(?<!{LETTER})|{said_by})       # after a clause break or who plans (工会, 今年, 还)
             (?:{alternation(nouns)})
            )
            """,
            re.VERBOSE,
        ),
        goal_opener=re.compile(alternation(openers)),
        achieved=re.compile(alternation(words["achieved_word"])),
        quota=re.compile(
            rf"""
            (?:{alternation(quotas)})                          # a quota: 招生计划
            (?:{alternation(words["qualifier_filler"])}|是)?   # and a verb of being: 为, 达
            $                                                  # right before the number
            """,
            re.VERBOSE,
        ),
        named_after=re.compile(
            rf"""
            (?:{alternation([w for w, position, _ in catalog.qualifiers if position == "after"])})?  # 左右, 以上
            (?:的{LETTER}{{0,{GOAL_NAME_REACH}}}?  # of a goal: 的控制, 的年度预期
               (?:{alternation(GOAL_NOUNS)})       # 目标, 预期
            |{GOAL_NOUNS[0]}{GOAL_TASK})           # or a goal's task right after it: 5.5万人目标任务
            """,
            re.VERBOSE,
        ),
        named_before=re.compile(f"(?:{alternation((*GOAL_NOUNS, *nouns))})(?:{GOAL_TASK})?$"),
    )


def reported_met(text: str, goals: GoalRules, pos: int = 0) -> bool:
    """Whether an achieved word of `text` reports what was done: not one a goal verb or a goal stated
    (goal_opener: 目标为) before it in its clause makes part of the goal (将于年内完成…入会10万人, 力争完成
    投资1000亿元, 年度目标为改造老旧小区1500个、惠及居民18万户; 完成年度目标的112% is done). Only the
    achieved words from `pos` on are read."""
    for found in goals.achieved.finditer(text, pos):
        clause_start = max(map(text.rfind, CLAUSE_BREAKS, repeat(0), repeat(found.start()))) + 1
        said = goals.goal_word.finditer(text, clause_start, found.start())
        if not any(verb.group() not in GOAL_NOUNS for verb in said) and not goals.goal_opener.search(
            text, clause_start, found.start()
        ):
            return True
    return False


def set_goal(clause: str, goals: GoalRules) -> re.Match | None:
    """The first goal word of `clause` that sets a goal, not one a figure is measured against
    (比规划目标高0.4个百分点; 快于预期: an outcome beside its goal)."""
    found = goals.goal_word.search(clause)
    while found is not None and MEASURED_AGAINST.search(clause, 0, found.start()) is not None:
        found = goals.goal_word.search(clause, found.end())
    return found


def goal_named_after(clause_after: str, catalog: Catalog, clause_before: str = "") -> bool:
    """城镇调查失业率平均为5.1%，低于5.5%的控制目标; 3%左右的调控目标; 完成省下达的5.5万人目标任务: a figure a goal
    noun names right after it is the goal's value, though the sentence reports what was done; so is one right after a goal noun
    whose share follows (完成年度目标任务1.6万人的116.3%)."""
    if "的" not in clause_after and not clause_after.startswith(GOAL_NOUNS[0] + GOAL_TASK):
        return False
    rules = catalog.compiled(goal_rules)
    return rules.named_after.match(clause_after) is not None or (
        clause_after.startswith(SHARE_OF) and rules.named_before.search(clause_before) is not None
    )
