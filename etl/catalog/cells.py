"""What a cell of a catalog file may hold: each check takes a cell and says what is wrong with it.

A check returns None for a good cell, else the words that follow the column's
name in the one line a refresh stops with (schema.py adds the file and line):

    data/catalog/periods.csv:7: period_end '20xx' is not a year
"""

from __future__ import annotations

import re
from collections.abc import Callable

from etl.text.characters import PERCENT_SIGNS

Check = Callable[[str], str | None]  # a cell's value -> what is wrong with it, or None


def one_of(allowed: tuple[str, ...], blank: bool = False) -> Check:
    def check(value: str) -> str | None:
        if (blank and not value) or value in allowed:
            return None
        return f"'{value}' is not one of {', '.join(allowed)}" + (" (or empty)" if blank else "")

    return check


def several_of(allowed: tuple[str, ...]) -> Check:
    """'' or values of `allowed` separated by |: person|person_time."""

    def check(value: str) -> str | None:
        bad = [v for v in value.split("|") if v not in allowed] if value else []
        return f"'{bad[0]}' is not one of {', '.join(allowed)}" if bad else None

    return check


def word(value: str) -> str | None:
    return None if value else "is empty"


def character(value: str) -> str | None:
    """One character: script forms are one for one, so that offsets hold."""
    return None if len(value) == 1 else f"'{value}' is not one character"


def optional(_value: str) -> str | None:
    return None


def number(value: str) -> str | None:
    """'' (1) or a positive number: the factor a unit word applies (成 = 10 percent)."""
    try:
        return None if not value or float(value) > 0 else f"'{value}' is not a positive number"
    except ValueError:
        return f"'{value}' is not a number"


def year(value: str) -> str | None:
    return None if re.fullmatch(r"(?:19|20)\d{2}", value) else f"'{value}' is not a year"


def identifier(value: str) -> str | None:
    ok = re.fullmatch(r"[a-z][a-z0-9_]*", value)
    return None if ok else f"'{value}' is not an identifier (lower case, digits and _)"


def regex(value: str) -> str | None:
    if not value:
        return "is empty"
    try:
        re.compile(value)
    except re.error as error:
        return f"is not a valid regular expression: {error}"
    return None


# What series_words.csv cannot hold, because the series key drops it anyway: years,
# numbers and punctuation (etl/series/keys.py removes these before fillers). 比 and 较
# stay in code here: the schema checks words.csv, so it cannot read its compared_marker.
SERIES_NOISE = re.compile(
    rf"""
    (?<![比较])(?:19|20)\d{{2}}年(?:底|末)?   # a year, not a base year (比2002年增长 is no change on the year before)
  | (?<![比较\d.])\d+(?:\.\d+)?[{PERCENT_SIGNS}]?  # a number or a percentage
  | [^\w]|_                            # punctuation
    """,
    re.VERBOSE,
)


def series_word(value: str) -> str | None:
    """A word of series_words.csv: not empty, and not only years, numbers and punctuation."""
    if not value:
        return "is empty"
    return f"'{value}' is not a word" if SERIES_NOISE.fullmatch(value) else None


def opener_phrase(value: str) -> str | None:
    """A period opener: words with at most one slot, {n} (a small number) or {year}."""
    if not value:
        return "is empty"
    slots = re.findall(r"\{[^}]*\}", value)
    if (
        any(slot not in ("{n}", "{year}") for slot in slots)
        or len(slots) > 1
        or re.search(r"[{}]", re.sub(r"\{(?:n|year)\}", "", value))
    ):
        return f"'{value}' may hold one slot, {{n}} or {{year}}, and no other braces"
    return None
