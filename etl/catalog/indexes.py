"""The catalog's word lists of qualifiers, bases and categories as WordIndex lookups (a word ending a text,
found by its last characters), each built once per catalog on first use: a mixin of loader.Catalog."""

from __future__ import annotations

from functools import cached_property

from etl.catalog.wordindex import WordIndex

NO_UNIT = frozenset({""})  # the units of a word that gives no category: no figure's unit is in it


class WordIndexes:
    """Lookups over Catalog's qualifiers, bases, categories and words (the fields loader.Catalog holds)."""

    def qualifiers_at(self, position: str) -> list[tuple[str, str]]:
        """The qualifiers.csv words of one position, each with its qualifier."""
        return [(w, q) for w, pos, q in self.qualifiers if pos == position]

    @cached_property
    def per_unit_words(self) -> tuple[str, ...]:
        """The qualifiers.csv words, of any position, that make an amount per one of something: 每人, 人均, 户均."""
        return tuple(dict.fromkeys(w for w, _, q in self.qualifiers if q == "per_unit"))

    @cached_property
    def qualifiers_before(self) -> WordIndex:
        lookalikes = ((w, "") for w in self.words["bound_lookalike"])  # a lookalike's "": no bound (协约23件)
        return WordIndex([*lookalikes, *self.qualifiers_at("before")], self.words["qualifier_filler"])

    @cached_property
    def qualifiers_after(self) -> WordIndex:
        return WordIndex(self.qualifiers_at("after"))

    @cached_property
    def qualifiers_in_clause(self) -> WordIndex:
        return WordIndex(self.qualifiers_at("clause"))

    def bases_at(self, position: str, fillers: tuple[str, ...] = ()) -> WordIndex:
        """The bases.csv words of one position, each with its (basis, direction)."""
        return WordIndex([(w, (b, d)) for w, b, pos, d in self.bases if pos == position], fillers)

    @cached_property
    def bounds_before(self) -> tuple[str, ...]:
        """The words of qualifiers.csv that bound a number right before it: 约, 逾, 不低于."""
        return tuple(w for w, _ in self.qualifiers_at("before"))

    @cached_property
    def basis_fillers(self) -> tuple[str, ...]:
        """What may stand between a basis word and its number: words.csv's basis_filler (增长了3%) and a bound
        (增长约3%, 增长不低于8%)."""
        return (*self.words["basis_filler"], *self.bounds_before)

    @cached_property
    def bases_before(self) -> WordIndex:
        """The basis words right before a number, a basis_filler between (增长了3%); a bound between is read
        by bases.py, which looks again without it (a lookup as large as every bound costs every figure)."""
        return self.bases_at("before", self.words["basis_filler"])

    @cached_property
    def bases_in_clause(self) -> WordIndex:
        return self.bases_at("clause")

    @cached_property
    def bases_in_sentence(self) -> WordIndex:
        return self.bases_at("sentence")

    @cached_property
    def bases_compared(self) -> WordIndex:
        return self.bases_at("compared")

    @cached_property
    def category_words(self) -> WordIndex:
        """categories.csv's words, and words.csv's not_category (新就业形态), found as themselves, fitting no unit."""
        words = [(w, (c, frozenset(u.split("|")) if u else frozenset())) for w, c, u in self.categories if w]
        return WordIndex([*words, *((w, (None, NO_UNIT)) for w in self.words["not_category"])])

    @cached_property
    def category_defaults(self) -> dict[str, str]:
        defaults: dict[str, str] = {}
        for word, category, unit in self.categories:
            if not word:
                defaults.setdefault(unit, category)
        return defaults
