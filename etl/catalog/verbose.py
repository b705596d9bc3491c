"""A re.VERBOSE pattern without its layout: the same pattern written on one line.

The rules write their grammar as re.VERBOSE patterns, a comment per part; the reading of
first characters (gates.py) reads plain patterns. In verbose mode re ignores whitespace and a
# up to the end of its line, except inside a character class or after a backslash: what is
left here is what re reads.
"""

from __future__ import annotations


def without_layout(pattern: str) -> str:
    """`pattern`, read as re.VERBOSE reads it, with its whitespace and comments taken out."""
    kept: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":  # an escaped character, a space or # among them, is kept as written
            kept.append(pattern[i : i + 2])
            i += 2
        elif ch == "[":  # a class: kept whole (a ] right after [ or [^ is one of its characters)
            end = i + 1 + (pattern[i + 1 : i + 2] == "^")
            end += 1  # its first character, whatever it is
            while end < len(pattern) and pattern[end] != "]":
                end += 2 if pattern[end] == "\\" else 1
            kept.append(pattern[i : end + 1])
            i = end + 1
        elif ch == "#":  # a comment, to the end of its line
            newline = pattern.find("\n", i)
            i = len(pattern) if newline < 0 else newline + 1
        else:
            if not ch.isspace():
                kept.append(ch)
            i += 1
    return "".join(kept)
