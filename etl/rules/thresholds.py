"""A number with a threshold word that names a class, no count: 百人以上企业, 5000万元以上项目 (the class of
firms of a hundred people or more), 吞吐量超千万人次的机场达4个 (the class of airports so busy). Cues of
not_figure_rules.csv (not_figures.py); a measure word counting the noun after the threshold states how many
of them there are instead (1万户以上困难职工家庭, 300名以上职工参加)."""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.rules.compounds import compound_after
from etl.text.characters import CLAUSE_ENDS, MAGNITUDE_CHARACTERS, SINGLE_NUMERALS

CLASS_MARK = "的"  # 困难职工的企业: the noun after the threshold qualifies a class it names
HOUSEHOLDS_OF = {"household": "person"}  # 100万户以上困难职工: households counted by their people's noun

THRESHOLD_WORDS = ("以上", "以下")


def name_after(catalog: Catalog) -> re.Pattern:
    """Words that make a number with 以上/以下 a threshold inside a name (百人以上企业), once per catalog."""
    return re.compile(
        rf"""
        (?:{alternation(THRESHOLD_WORDS)})             # a threshold
        (?=[^\W\d_])                                  # followed by a word: the name of a class
        (?!的?(?:目标|水平|增长|左右))                 # unless it is the threshold of a goal or a level,
        (?!{alternation(catalog.words["coordinator"])}|并|等)  # or a list or a clause goes on (以上和, 以上并)
        """,
        re.VERBOSE,
    )


CLASS_AFTER_THRESHOLD = "的"  # 超千万人次的机场: an at-least amount before 的 names a class
CLASS_REACH = 40  # characters either side in which a class threshold's clause is read
# …的机场 of which there are 4: 第4个, 达4个, 有4座.
COUNT_OF_CLASS = re.compile(
    rf"""
    (?:第|达|有)              # the count of a class: its rank or its number
    [0-9{SINGLE_NUMERALS}]+   # in digits or numerals
    [个家座所]                # with the measure word of a place or a body
    """,
    re.VERBOSE,
)


def name_after_threshold(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """百人以上企业, 5000万元以上项目: 以上/以下 and a word right after a measure word or a counted noun
    name a class; after a bare magnitude the number counts the noun (1000万以上农村贫困人口)."""
    if text[after - 1] in MAGNITUDE_CHARACTERS:
        return False
    threshold = catalog.compiled(name_after).match(text, after)
    return threshold is not None and not _counts_the_noun(text, end, after, threshold.end(), catalog)


def _counts_the_noun(text: str, end: int, after: int, at: int, catalog: Catalog) -> bool:
    """1万户以上困难职工家庭, 300名以上职工参加, 3000个以上班组: the measure word (text[end:after]) counts what
    the noun after the threshold (at `at`) is, a household or people (or the households of people: 100万户以上困难
    职工), or anything when it is a counting word, and no 的 makes that noun a class's (20人以上职工的企业)."""
    measure = text[end:after]
    unit = catalog.units.get(measure, ("",))[0]
    noun, noun_end = compound_after(text, at, catalog)
    if not noun or text.startswith(CLASS_MARK, noun_end):
        return False
    counted = catalog.lexicon[noun][0]
    # a counting word (个, 家: words.csv's counting_word) counts whatever its noun is: 3000个以上班组
    return counted in (unit, HOUSEHOLDS_OF.get(unit)) or (bool(counted) and measure in catalog.words["counting_word"])


def class_threshold(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """吞吐量超千万人次的机场, 投资超5亿元的项目已达4个: an at-least amount before 的 names a
    class when its clause also counts members of the class (第4个, 达4个)."""
    if not text.startswith(CLASS_AFTER_THRESHOLD, after):
        return False
    if catalog.qualifiers_before.at_end(text[max(0, start - 12) : start]) != "at_least":
        return False
    window = max(0, start - CLASS_REACH), min(len(text), after + CLASS_REACH)  # bounded: tables have no commas
    clause_start = max(text.rfind(c, window[0], start) for c in CLAUSE_ENDS) + 1 or window[0]
    found = [i for i in (text.find(c, after, window[1]) for c in CLAUSE_ENDS) if i >= 0]
    clause_end = min(found, default=window[1])
    return COUNT_OF_CLASS.search(text, clause_start, clause_end) is not None
