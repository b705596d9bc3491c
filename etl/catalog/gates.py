"""Cheap pre-checks computed from the rules they guard, never written by hand.

Python's re tries every alternative of a pattern at every character unless it
can tell which characters a match starts with. A lookahead on those
characters lets it skip the rest of a text at C speed. The characters are
read off the pattern itself, so a rule changed in its CSV or its constant
changes its pre-check too.

The reading is deliberately small and conservative: it knows literals,
escaped punctuation, simple character classes, groups, alternation,
quantifiers, anchors and lookarounds; for anything else (., \\d, a negated
class) it answers None and the rule runs without a pre-check. It never
answers a set that misses a character a match can start with
(tests/test_gates.py checks that on generated matches of every rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import methodcaller

# The word lists' alternations are alternations.py's; the rules import them from here, beside the pre-checks.
from etl.catalog.alternations import NEVER as NEVER
from etl.catalog.alternations import SPECIAL, alternation
from etl.catalog.verbose import without_layout

MAX_CHARACTERS = 256  # a longer set would be no cheaper than the rule itself


class _Unknown(Exception):
    """A construct this reading does not know: no pre-check for that pattern."""


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with; None when not a short known list.
    `flags`: those it is compiled with (re.VERBOSE: read without its layout)."""
    if flags & re.VERBOSE:
        pattern = without_layout(pattern)
    try:
        chars, can_be_empty, end = _alternatives(pattern, 0)
    except _Unknown:
        return None
    if end != len(pattern) or can_be_empty or not chars or len(chars) > MAX_CHARACTERS:
        return None
    return frozenset(chars)


def with_first_character_gate(pattern: str, flags: int = 0) -> re.Pattern:
    """`pattern` behind a lookahead on the characters a match can start with (when known)."""
    starts = first_characters(pattern, flags)
    if starts:
        end = "\n" if flags & re.VERBOSE else ""  # a comment on the pattern's last line ends before the )
        pattern = f"(?={character_class(starts)})(?:{pattern}{end})"
    return re.compile(pattern, flags)


def character_class(characters) -> str:
    """[…] matching exactly `characters`."""
    return "[" + "".join(sorted("\\" + c if c in "\\]^-[" else c for c in characters)) + "]"


def longest_first(words) -> re.Pattern:
    """An alternation that prefers the longest word: 人次 before 人, 个百分点 before 个."""
    return re.compile(alternation(words))


def holds_any(words) -> Callable[[str], object]:
    """A test of whether a text holds any of `words`: `in` for one word, one regex search for more
    (both in C; a loop of `in` tests over a list is not)."""
    words = tuple(dict.fromkeys(w for w in words if w))
    if len(words) == 1:
        return methodcaller("__contains__", words[0])  # text.__contains__(word): no Python frame per call
    if len(words) == 2:  # two `in` tests cost less than a search of the text by an alternation (年末, 年底)
        first, second = words
        return lambda text: first in text or second in text
    return re.compile(alternation(words)).search


def top_level_alternatives(pattern: str) -> list[str]:
    """'a|b(?:c|d)|e' -> ['a', 'b(?:c|d)', 'e'].

    Joining several rules' patterns as one flat alternation, rather than wrapping
    each in a group, keeps re's own first-character optimisation.
    """
    parts, depth, current, escaped, in_class = [], 0, [], False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p for p in parts if p]


# The reading: each function takes the pattern and a position and returns
# (first characters, whether it can match the empty string, position after it).


def _alternatives(pattern: str, pos: int) -> tuple[set[str], bool, int]:
    chars, empty, pos = _sequence(pattern, pos)
    while pos < len(pattern) and pattern[pos] == "|":
        more, more_empty, pos = _sequence(pattern, pos + 1)
        chars |= more
        empty = empty or more_empty
    return chars, empty, pos


def _sequence(pattern: str, pos: int) -> tuple[set[str], bool, int]:
    """A run of items up to | or ) : its first characters are those of its items up to the
    first that cannot be empty."""
    chars: set[str] = set()
    empty = True
    while pos < len(pattern) and pattern[pos] not in "|)":
        item_chars, item_empty, zero_width, pos = _item(pattern, pos)
        if zero_width is not None:  # a lookahead: the match starts with what it allows
            if empty:
                return zero_width, False, _skip_sequence(pattern, pos)
            continue
        if empty:
            chars |= item_chars
            empty = item_empty
    return chars, empty, pos


def _skip_sequence(pattern: str, pos: int) -> int:
    while pos < len(pattern) and pattern[pos] not in "|)":
        _, _, _, pos = _item(pattern, pos)
    return pos


def _item(pattern: str, pos: int) -> tuple[set[str], bool, set[str] | None, int]:
    """One atom and its quantifier: (first characters, can be empty, lookahead set or None, end)."""
    ch = pattern[pos]
    lookahead = None
    if ch in "^$":
        return set(), True, None, pos + 1
    if ch == "(":
        kind, pos = _group_opening(pattern, pos)
        chars, empty, pos = _alternatives(pattern, pos)
        if pos >= len(pattern) or pattern[pos] != ")":
            raise _Unknown
        pos += 1
        if kind == "lookbehind" or kind == "negative":
            return set(), True, None, pos  # zero width: the next item decides
        if kind == "lookahead":
            if empty:
                return set(), True, None, pos
            lookahead = chars
            return set(), True, lookahead, pos
    elif ch == "[":
        chars, pos = _class(pattern, pos)
        empty = False
    elif ch == "\\":
        if pos + 1 >= len(pattern) or pattern[pos + 1].isalnum():
            raise _Unknown  # \d, \w, \b, back-references: not a short known list
        chars, empty, pos = {pattern[pos + 1]}, False, pos + 2
    elif ch in SPECIAL:
        raise _Unknown  # ., a stray quantifier or brace
    else:
        chars, empty, pos = {ch}, False, pos + 1
    low, pos = _quantifier(pattern, pos)
    return chars, empty or low == 0, None, pos


def _group_opening(pattern: str, pos: int) -> tuple[str, int]:
    for opening, kind in (("(?:", "group"), ("(?=", "lookahead"), ("(?!", "negative"), ("(?<=", "lookbehind")):
        if pattern.startswith(opening, pos):
            return kind, pos + len(opening)
    if pattern.startswith("(?<!", pos):
        return "negative", pos + 4
    if pattern.startswith("(?", pos):
        raise _Unknown  # named groups, flags, conditionals
    return "group", pos + 1


def _class(pattern: str, pos: int) -> tuple[set[str], int]:
    """[abc] or [a-z]: the characters it holds. Negated classes and escapes are unknown."""
    end = pattern.find("]", pos + 2)
    body = pattern[pos + 1 : end]
    if end < 0 or body.startswith("^") or "\\" in body or "[" in body:
        raise _Unknown
    chars: set[str] = set()
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            low, high = ord(body[i]), ord(body[i + 2])
            if high - low >= MAX_CHARACTERS:
                raise _Unknown
            chars.update(map(chr, range(low, high + 1)))
            i += 3
        else:
            chars.add(body[i])
            i += 1
    return chars, end + 1


QUANTIFIER = re.compile(r"[?*+]\??|\{(\d*)(?:,\d*)?\}\??")


def _quantifier(pattern: str, pos: int) -> tuple[int, int]:
    """The least number of repeats the quantifier at `pos` allows (1 without one), and its end."""
    match = QUANTIFIER.match(pattern, pos)
    if match is None:
        return 1, pos
    text = match.group()
    if text[0] in "?*":
        return 0, match.end()
    if text[0] == "+":
        return 1, match.end()
    return int(match.group(1) or 0), match.end()


class Triggers:
    """The words of a rule table's cues (target_rules.csv, per_unit_rules.csv): `words`, cue -> the
    words without one of which it never holds, read off the same word lists the cue reads. One scan
    finds them, longest first and not overlapping; a word found stands for every word inside it and
    every word that may start inside it and run on (主要目标 for 目标 and 目标是), so that no cue is
    spared wrongly. Which cues a word found may serve is worked out the first time it is found."""

    __slots__ = ("_cues_of", "_of_word", "_starting", "find", "words")

    def __init__(self, words: dict[str, tuple[str, ...]]):
        self.words = {cue: tuple(w for w in found if w) for cue, found in words.items()}
        every = {w for found in self.words.values() for w in found}
        self.find = re.compile(alternation(every)).findall  # (text, pos, endpos) -> the words found
        self._of_word: dict[str, set[str]] = {}  # a word -> the cues it serves
        self._starting: dict[str, set[str]] = {}  # the start of a word (the whole word too) -> the cues it serves
        for cue, found in self.words.items():
            for word in found:
                self._of_word.setdefault(word, set()).add(cue)
                for end in range(1, len(word) + 1):
                    self._starting.setdefault(word[:end], set()).add(cue)
        self._cues_of: dict[str, frozenset[str]] = {}

    def cues_of(self, found: str) -> frozenset[str]:
        """The cues a word found may serve: those of every word inside it, and of every word that may
        start inside it and run on past its end (a start of that word ends `found`)."""
        cues = self._cues_of.get(found)
        if cues is None:
            n = len(found)
            inside = (self._of_word.get(found[i:j], ()) for i in range(n) for j in range(i + 1, n + 1))
            running_on = (self._starting.get(found[i:], ()) for i in range(1, n))
            cues = self._cues_of[found] = frozenset().union(*inside, *running_on)
        return cues


class CueGate:
    """Which rules of a rule table can hold for a text: a rule whose cue needs words (Triggers) is tried
    only when the text holds one of them; a cue with no words is always tried. The rules each set of
    words found leaves are remembered, in the table's order."""

    __slots__ = ("_memo", "_none", "_triggers", "_untriggered", "asks_nothing", "find", "rules")

    def __init__(self, rules: tuple[tuple[str, object], ...], triggers: Triggers):
        self.rules = rules  # (cue, what the caller needs of its rule), in the table's order
        self._triggers = triggers
        self._untriggered = frozenset(c for c, _ in rules if not triggers.words.get(c))
        self._none = tuple(need for cue, need in rules if cue in self._untriggered)  # what a text of no words leaves
        self.asks_nothing = not self._none  # a text holding none of the words asks no rule
        self.find = triggers.find
        self._memo: dict[frozenset[str], tuple] = {}

    def __call__(self, text: str, start: int, end: int) -> tuple:
        """What the caller needs of each rule that can hold for text[start:end], in the table's order."""
        return self.rules_for(self._triggers.find(text, start, end)) if self.rules else ()

    def rules_for(self, hits: list[str]) -> tuple:
        """What the caller needs of each rule that can hold for a text holding the words `hits`
        (Triggers.find), in the table's order."""
        if not hits:
            return self._none  # most texts hold none of the words
        hits = frozenset(hits)
        found = self._memo.get(hits)
        if found is None:
            cues = self._untriggered.union(*map(self._triggers.cues_of, hits))
            found = self._memo[hits] = tuple(need for cue, need in self.rules if cue in cues)
        return found
