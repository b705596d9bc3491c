"""What a cell of a catalog file may hold: each check takes a cell and says what is wrong with it.

A check returns None for a good cell, else the words that follow the column's
name in the one line a refresh stops with (schema.py adds the file and line):

    data/catalog/periods.csv:7: period_end '20xx' is not a year
"""

from __future__ import annotations

import re
import signal
from collections.abc import Callable

try:  # the parser of the re module, to read a pattern's structure (3.11: re._parser; before: sre_parse)
    from re import _parser as _regex_parser
except ImportError:  # pragma: no cover
    import sre_parse as _regex_parser

from etl.text.characters import PERCENT_SIGNS
from etl.text.years import YEAR

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


def parts(value: str) -> str | None:
    """Two words or more separated by |, none empty: 城镇|农村."""
    listed = value.split("|")
    if len(listed) < 2:
        return f"'{value}' is not two words or more separated by |"
    return f"'{value}' holds an empty word" if not all(listed) else None


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
    """A pattern a refresh can run on any text: valid, never matching everywhere, never taking for ever.

    Refused: an empty alternative (`a||b`, a trailing `|`), which matches
    anywhere and attaches unrelated figures; a pattern that matches the empty
    text; a repeat of a repeat (`(a+)+`, `(\\d*,?)*`), which backtracks
    catastrophically on some text; and, as a backstop, a pattern that takes
    over PATTERN_SECONDS on any of a few short probes made of its own letters.
    """
    if not value:
        return "is empty"
    try:
        compiled = re.compile(value)
        tree = _regex_parser.parse(value)
    except (re.error, RecursionError) as error:
        return f"is not a valid regular expression: {error}"
    if _has_empty_alternative(value):
        return f"'{value}' has an empty alternative (a||b, a | at either end): it would match anywhere"
    if compiled.fullmatch(""):
        return f"'{value}' matches the empty text, so anywhere"
    if _repeats_a_repeat(tree):
        return f"'{value}' repeats a repeat (like (a+)+): it can take for ever on some text; write the repeat once"
    if _too_slow(compiled, tree):
        return f"'{value}' takes over {PATTERN_SECONDS} s on a short text: simplify it"
    return None


ROLE_NAME = re.compile(r"\{([a-z_]+)\}")  # {whole_opener} in a pattern: the words of that role of words.csv


def regex_with_roles(roles: tuple[str, ...]) -> Check:
    """A pattern (regex) that may name a role of words.csv in braces, {whole_opener}, which the catalog
    reads as an alternation of that role's words: a name that is no role is refused."""

    def check(value: str) -> str | None:
        unknown = [name for name in ROLE_NAME.findall(value) if name not in roles]
        if unknown:
            return f"'{{{unknown[0]}}}' names no role of words.csv (the roles: {', '.join(roles)})"
        return regex(ROLE_NAME.sub("(?:x)", value))

    return check


PATTERN_SECONDS = 0.5  # per probe: a sound pattern takes microseconds on these short texts
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")


def _children(tree):
    """The sub-patterns of a parsed pattern's items (groups, branches, repeats, lookarounds)."""
    for op, av in tree:
        name = str(op)
        if name == "BRANCH":
            yield from ((name, branch) for branch in av[1])
        elif name == "SUBPATTERN":
            yield name, av[3]
        elif name in (*_REPEATS, "POSSESSIVE_REPEAT"):
            yield name, av[2]
        elif name in ("ASSERT", "ASSERT_NOT"):
            yield name, av[1]
        elif name == "ATOMIC_GROUP":
            yield name, av
        elif name == "GROUPREF_EXISTS":
            yield from ((name, branch) for branch in av[1:] if branch is not None)


def _has_empty_alternative(pattern: str) -> bool:
    """A | with nothing on one side, read off the text (the parser factors a|aa into a(?:|a)):
    a||b, (|a), (a|), a| at the end or |a at the start; escapes and [...] classes are skipped."""
    empty, after_bar, i = True, False, 0  # empty: nothing yet in the current alternative
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            empty, after_bar, i = False, False, i + 2
            continue
        if c == "[":
            end = re.match(r"\[\^?\]?(?:\\.|[^\]\\])*\]", pattern[i:])
            empty, after_bar, i = False, False, i + (end.end() if end else 1)
            continue
        if c == "|":
            if empty:
                return True
            empty, after_bar = True, True
        elif c == "(":
            prefix = re.match(r"\((?:\?(?:P<\w+>|<\w+>|[:=!>]|<[=!]|[aiLmsux-]+:))?", pattern[i:])
            empty, after_bar, i = True, False, i + prefix.end()
            continue
        elif c == ")":
            if after_bar:
                return True
            empty, after_bar = False, False
        else:
            empty, after_bar = False, False
        i += 1
    return after_bar


def _repeats_a_repeat(tree, inside: bool = False) -> bool:
    """A repeat (more than once) within a repeat (more than once): (a+)+, (a*b?)*; possessive ones never backtrack."""
    for op, av in tree:
        if str(op) in _REPEATS and av[1] > 1:
            if inside or _repeats_a_repeat(av[2], inside=True):
                return True
    return any(name not in _REPEATS and _repeats_a_repeat(sub, inside) for name, sub in _children(tree))


def _too_slow(compiled: re.Pattern, tree) -> bool:
    """Time the pattern on short probes of its own letters, each run stopped after PATTERN_SECONDS."""
    letters = sorted({chr(av) for op, av in _literals(tree)} | {"a", "1", " ", "中", "。"})
    probes = [c * 40 + "\x00" for c in letters] + ["".join(letters) * 8 + "\x00"]
    try:
        previous = signal.signal(signal.SIGALRM, _out_of_time)
    except ValueError:  # not the main thread: the static checks above must do
        return False
    try:
        for probe in probes:
            signal.setitimer(signal.ITIMER_REAL, PATTERN_SECONDS)
            try:
                compiled.search(probe)
            except TimeoutError:
                return True
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return False


def _literals(tree):
    for op, av in tree:
        if str(op) == "LITERAL":
            yield op, av
    for _name, sub in _children(tree):
        yield from _literals(sub)


def _out_of_time(signum, frame):
    raise TimeoutError


# What series_words.csv cannot hold, because the series key drops it anyway: years,
# numbers and punctuation (etl/series/keys.py removes these before fillers). 比 and 较
# stay in code here: the schema checks words.csv, so it cannot read its compared_marker.
SERIES_NOISE = re.compile(
    rf"""
    (?<![比较]){YEAR}年(?:底|末)?       # a year, not a base year (比2002年增长 is no change on the year before)
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
    """A period opener: words with at most one slot, {n} (a small number) or {year}, or two {year}
        slots, a span's first and last years ({year}年至{year}年); a {year} may be followed by a {date}
        slot, a day or part of that year ({year}年{date}: 2024年6月, 2024年1-6月, 2024年底), or by an {event}
        slot, what began then (自{year}年{event}以来: 自2019年启动“暖心驿站”建设以来). An {era} slot (an event of
    eras.csv: 党的十八大以来) stands alone, in place of a {year}; so does a {day} (3月8日, a day of a month),
    and a {date} with no year (截至{date}: 截至9月底, a day of the year the context speaks of)."""
    if not value:
        return "is empty"
    slots = [slot for slot in re.findall(r"\{[^}]*\}", value) if slot not in ("{date}", "{event}")]
    if (
        any(slot not in ("{n}", "{year}", "{era}", "{day}") for slot in slots)
        or (len(slots) > 1 and slots != ["{year}", "{year}"])
        or re.search(r"[{}]", re.sub(r"\{(?:n|year|date|event|era|day)\}", "", value))
        or ("{date}" in value and "{year}" in value and "{year}年{date}" not in value)
        or ("{event}" in value and "{year}年{event}" not in value)
    ):
        return (
            f"'{value}' may hold one slot, {{n}}, {{year}}, {{era}} or {{day}}, or two {{year}} slots, a {{date}} or an "
            "{event} right after {year}年 (a {date} alone too), and no other braces"
        )
    return None
