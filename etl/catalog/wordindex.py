"""An ordered word list compiled into one regular expression, asked where a word stands."""

from __future__ import annotations

import re
from operator import itemgetter

from etl.catalog.gates import alternation

_rank = itemgetter(0)  # a (rank, payload) pair by its rank


class WordIndex:
    """The list's order is its priority (the CSV's order): when several words
    occur, the one listed first decides. One regex pass replaces a loop of
    `word in text` tests.
    """

    def __init__(self, entries: list[tuple[str, object]], fillers: tuple[str, ...] = ()):
        self.entries = [(w, p) for w, p in entries if w]
        self.single_characters = [(w, p) for w, p in self.entries if len(w) == 1]
        self.priority: dict[str, list[tuple[int, object]]] = {}
        for rank, (word, payload) in enumerate(self.entries):
            self.priority.setdefault(word, []).append((rank, payload))
        # Each word's first (rank, payload): what first_in weighs a hit by when any payload will do.
        self.best = {word: ranked[0] for word, ranked in self.priority.items()}
        words = alternation(self.priority)
        self.anywhere = re.compile(words)
        self._find_all = self.anywhere.findall  # bound once: first_in is called for most figures, and finds nothing
        # What `ending` compiles, on first use: most lists are never asked what ends a text (at_end,
        # without_end) in a report, and a list of a hundred words takes about a millisecond to compile.
        self._ending_pattern = f"({words}){f'(?:{alternation(fillers)})?' if fillers else ''}$"
        self._ending_re: re.Pattern | None = None
        # The pre-check of at_end, from the same words: a text that ends with none of
        # these characters cannot end with a word (or a word and its filler).
        self.last_characters = frozenset(word[-1] for word in (*self.priority, *fillers))
        self.reach = max(map(len, self.priority), default=0) + max(map(len, fillers), default=0)
        self.first_characters = frozenset(word[0] for word in self.priority)  # the pre-check of at_start

    def first_in(self, text: str, accept=None):
        """The payload of the highest-priority word found anywhere in `text`."""
        hits = self._find_all(text)  # one C call: the words as a scan from the start finds them
        if not hits:
            return None  # most texts hold none of the words
        if accept is None:
            return min(map(self.best.__getitem__, hits), key=_rank)[1] if len(hits) > 1 else self.best[hits[0]][1]
        best = None
        for word in hits:
            for rank, payload in self.priority[word]:
                if (best is None or rank < best[0]) and accept(payload):
                    best = (rank, payload)
        return None if best is None else best[1]

    def at_end(self, text: str):
        """The payload of the word that ends `text` (fillers such as 了 allowed after it)."""
        if text[-1:] not in self.last_characters:  # _ending's gate, asked here first: most texts end in none
            return None
        match = self._ending(text)
        return None if match is None else self.priority[match.group(1)][0][1]

    def without_end(self, text: str) -> str:
        """`text` without the word (and fillers) that ends it, if one does: 为逾 -> 为."""
        match = self._ending(text)
        return text if match is None else text[: match.start()]

    @property
    def ending(self) -> re.Pattern:
        """A word (group 1), and a filler after it, that ends a text."""
        if self._ending_re is None:
            self._ending_re = re.compile(self._ending_pattern)
        return self._ending_re

    def _ending(self, text: str) -> re.Match | None:
        if text[-1:] not in self.last_characters:  # the gate: no word ends with this character
            return None
        return self.ending.search(text, max(0, len(text) - self.reach))

    def at_start(self, text: str, pos: int = 0):
        """The payload of the word that starts `text` at `pos`."""
        if text[pos : pos + 1] not in self.first_characters:  # most places start no word
            return None
        match = self.anywhere.match(text, pos)
        return None if match is None else self.priority[match.group()][0][1]
