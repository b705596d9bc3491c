"""Word lists as one regular expression, factored by their shared beginnings.

Python's re tries the alternatives of `a|b|c` one by one at every place a
match may start: with 300 words, up to 300 tries at each character that
starts one. Written as a tree of prefixes (比(?:上年|去年)|将(?:继续|开展)),
the words that cannot match are ruled out by their first character, once for
all of them, and a place is tried against the few words that start with it.

The tree is read off the words, in their order, and matches exactly as the
flat list does: what is found first, and in what order the others are tried
when a pattern around it backtracks. Words sharing a first character are
tried in their own order, and no word can match where another of a different
first character does; a word that ends where others go on (the empty rest
below its prefix) stays where it stood among them, so that the words around
it are grouped on each side of it only.
"""

from __future__ import annotations

import re

NEVER = r"(?!x)x"  # a pattern that matches nothing: an empty word list
SPECIAL = frozenset(".^$*+?{}[]\\|()")  # the characters that make a pattern more than its literal text


def alternation(words) -> str:
    """The words, longest first and escaped, as one alternation (a never-matching one when empty):
    where several start at one place, the longest is found (人次 before 人)."""
    ordered = sorted(dict.fromkeys(w for w in words if w), key=len, reverse=True)
    return prefix_tree(ordered) or NEVER


def prefix_tree(words: list[str]) -> str:
    """`words` (literal text, in the order they are to be tried) as an alternation factored by
    prefix: ['比上年', '比去年', '将'] -> '比(?:上年|去年)|将'."""
    return "|".join(_branches(words))


def _branches(words: list[str]) -> list[str]:
    branches: list[str] = []
    run: list[str] = []  # the words since the last empty one, grouped by first character
    for word in words:
        if word:
            run.append(word)
            continue
        branches += _grouped(run)
        branches.append("")  # a word ending here: tried after the words before it, before those after
        run = []
    return branches + _grouped(run)


def factored(alternatives: list[str]) -> str:
    """Patterns, in the order they are to be tried, as one alternation: each run of those that are
    literal text as its prefix tree, the others where they stand (a run is not grouped across one)."""
    branches: list[str] = []
    run: list[str] = []
    for alternative in alternatives:
        if SPECIAL.isdisjoint(alternative):
            run.append(alternative)
            continue
        if run:
            branches.append(prefix_tree(run))
            run = []
        branches.append(alternative)
    if run:
        branches.append(prefix_tree(run))
    return "|".join(branches)


def _grouped(words: list[str]) -> list[str]:
    """One branch per first character, in the order the characters first come: each the
    character, then the tree of what follows it in its words (a single branch needs no group)."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    grouped = []
    for first, rests in by_first.items():
        after = _branches(rests)
        grouped.append(re.escape(first) + (after[0] if len(after) == 1 else f"(?:{'|'.join(after)})"))
    return grouped
