"""Where a number may stand in a text: the candidate pattern find_mentions scans with.

A lone Chinese numeral other than 百 (一是, 千家万户) is a word, not a figure: a
candidate starts where a digit, 百, or two numeral characters stand, where a
lone 十/千/万/亿 reads as a figure (千余人, 近万名, 破亿度), or where one numeral
stands before a measure word (三家, 两个百分点). The pattern is composed once
per catalog, from its unit and qualifier words, and starts with the class of
characters a candidate starts with, read off those starts.
"""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation, character_class, first_characters
from etl.rules.units import unit_word_at
from etl.text.characters import CLAUSE_ENDS, DECIMAL_POINT, NUMERAL_CHARACTERS, ORDINAL_NUMERALS, SINGLE_NUMERALS
from etl.text.numbers import NUMERAL_FORMS, PERCENT_WORDS

LONE_HUNDRED = "百"  # 百 alone is a figure: 百家 is a hundred firms
LONE_MAGNITUDES = "十千万亿"  # a figure alone only beside 余/多 (千余人, 十多家) or after a qualifier
AFTER_QUALIFIER = "千万亿"  # after a one-character qualifier: 近万名, 破亿度
ONE = ORDINAL_NUMERALS[0]  # with a measure word mostly the article 'a': a figure only after a qualifier
# One numeral before these units is an ordinal or a name, not a count: 二期, 五次全委会, 二元结构.
NOT_AFTER_ONE_NUMERAL = ("time", "yuan")
CLAUSE_END_SET = frozenset(CLAUSE_ENDS)  # ... unless the clause ends there: 组织捐血活动四次。
PHASES = ("期",)  # but 深圳中心二期。 is a phase wherever it stands


def approx_after(catalog: Catalog) -> str:
    """The one-character qualifiers after a number (多, 余: qualifiers.csv), which stand inside its surface."""
    return "".join(word for word, _ in catalog.qualifiers_after.single_characters)


def approx_before(catalog: Catalog) -> str:
    """The one-character qualifiers before a number (近, 超, 破: qualifiers.csv)."""
    return "".join(sorted(word for word, _ in catalog.qualifiers_before.single_characters))


def candidate_starts(catalog: Catalog) -> tuple[tuple[str, str, str], ...]:
    """Where a number may start, each as (what stands before it, its first character as a
    one-character item, what follows that character)."""
    approx, after = approx_before(catalog), approx_after(catalog)
    measures = [w for w in catalog.units if w and w not in catalog.reference_measures]
    starts = [
        ("", f"[0-9{LONE_HUNDRED}]", ""),  # a digit or 百
        ("", f"[{NUMERAL_CHARACTERS}]", f"[{NUMERAL_CHARACTERS}]"),  # two numeral characters
    ]
    if after:
        starts.append(("", f"[{LONE_MAGNITUDES}]", character_class(after)))  # 千余人, 十多家
    if approx:
        starts.append((character_class(approx), f"[{AFTER_QUALIFIER}]", ""))  # 近万名, 破亿度
    if measures:
        # 三家, 两个百分点: units.csv's words only, the references' count after digits (single_numeral).
        # The class of their first characters first: re tries an alternation's words one by one, and
        # most single numerals (一是, 统一) stand before none of them.
        # Or 两至三个: one numeral opening a range of numerals, which takes the measure word closing it
        # (mentions.py). One start for both: re reads the numeral's lookbehind once.
        firsts = character_class({w[0] for w in measures})
        ranges = (*catalog.words["range_word"], *catalog.words["open_range_word"])
        counted = f"(?={firsts})(?:{alternation(measures)})|(?:{alternation(ranges)})[{NUMERAL_CHARACTERS}]"
        starts.append(("", f"[{SINGLE_NUMERALS}]", f"(?:{counted})"))
    starts += [("", re.escape(word[0]), re.escape(word[1:])) for word in PERCENT_WORDS]  # 千分之三
    return tuple(starts)


def candidate_start(catalog: Catalog) -> str:
    """Where a number may start, as one pattern read at its first character (first_characters reads it)."""
    return "|".join(f"(?<={before})" * bool(before) + first + rest for before, first, rest in candidate_starts(catalog))


def candidate_pattern(catalog: Catalog) -> re.Pattern:
    """The numbers of a text, as a pattern that starts with the class of characters a number starts with.

    Read at a number's first character it would be (?=candidate_start)(?:percent words|NUMERAL). But
    Python's re skips through a text at C speed only to a pattern whose first item is a character
    class (or a literal): before a lookahead it runs its matcher at every character. So the first
    character is matched by that class, and every part after it is the same part with its first
    character read behind: a start `first rest` as (?<=first)(?=rest), a numeral form `first rest` as
    (?<=first)rest (numbers.NUMERAL_FORMS), a percent word as (?<=百)分之. The match still starts at
    the number's first character; `pct` ends where the percent word does.
    """
    starts = candidate_starts(catalog)
    first = character_class(first_characters(candidate_start(catalog)))
    gate = "|".join(f"(?<={before}{one})" + f"(?={rest})" * bool(rest) for before, one, rest in starts)
    words = "|".join(f"(?<={re.escape(word[0])}){re.escape(word[1:])}" for word in PERCENT_WORDS)
    percent = rf"""
        (?P<pct>{words})                                 # 百分之, 千分之, 万分之
        (?:[{NUMERAL_CHARACTERS}{DECIMAL_POINT}]+       # in Chinese numerals: 百分之十五
          | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?            # or in digits: 千分之1,250
          | \d+(?:\.\d+)?)
    """
    numeral = "|".join(f"(?<={one}){rest}" for one, rest in NUMERAL_FORMS)
    return re.compile(f"{first}(?:{gate})(?:{percent}|{numeral})", re.VERBOSE)


def lone_figure(text: str, token: str, start: int, end: int, catalog: Catalog) -> bool:
    """千余人, 十多家, 近万名, 破亿度: a lone 十/千/万/亿 is a figure beside 余/多 or after a
    one-character qualifier."""
    if token in LONE_MAGNITUDES and text[end : end + 1] in catalog.compiled(approx_after):
        return True
    return token in AFTER_QUALIFIER and start > 0 and text[start - 1] in approx_before(catalog)


def single_numeral(text: str, token: str, start: int, end: int, catalog: Catalog) -> bool:
    """三家, 提高两个百分点, 近一吨: one numeral and a measure word is a figure as a digit would be;
    一 only as 一个百分点, 翻一番 or after a qualifier (一家 is mostly 'a firm')."""
    unit_word = unit_word_at(text, end, catalog) if token in SINGLE_NUMERALS else ""
    if not unit_word:
        return False
    if (
        catalog.units[unit_word][0] in NOT_AFTER_ONE_NUMERAL
        and len(unit_word) == 1
        and (text[end + 1 : end + 2] not in CLAUSE_END_SET or unit_word in PHASES)
    ):
        return (
            False  # 二期, 五次全委会, 二元结构: one character after one numeral; 分五批次, 三场次, 组织活动四次。 count
        )
    if unit_word in catalog.reference_measures:
        return False  # 一支队伍, 两种模式: after one numeral only units.csv's measure words count
    if text[end + len(unit_word) : end + len(unit_word) + 1].isdigit():
        return False  # 三个1亿人: a slogan that counts something else
    if token != ONE:
        return True
    if text.startswith(catalog.words["percentage_points"], end) or text[start - 1 : start] in catalog.words["doubling"]:
        return True  # 下降一个百分点, 翻一番
    return bool(catalog.qualifiers_before.at_end(text[max(0, start - 12) : start]))  # "": a lookalike (协约)


def is_word(text: str, token: str, start: int, end: int, catalog: Catalog) -> bool:
    """四个意识, 一是, 千家万户: a lone Chinese numeral that is a word, not a figure."""
    return (
        not token[0].isdigit()
        and len(token) == 1
        and token != LONE_HUNDRED
        and not lone_figure(text, token, start, end, catalog)
        and not single_numeral(text, token, start, end, catalog)
    )
