"""A figure's basis: change (增长6.6%, 比去年高0.2个百分点), new (新增), cumulative
(累计, 截至…) or none, a level. The words are in data/catalog/bases.csv (with where
they stand) and the comparison words in words.csv (compared_by)."""

from __future__ import annotations

import re

from .catalog import Catalog
from .gates import alternation
from .records import Around, Mention

CHANGE = "change"
POINTS = "个百分点"  # a difference of rates is always a change
COMPARISON_REACH = 12  # characters: 比 and its compared-by word stand this near the number


def _comparison(catalog: Catalog) -> tuple[tuple[str, ...], re.Pattern]:
    words = catalog.words["compared_by"]
    return words, re.compile(f"比.{{0,8}}(?:{alternation(words)})$")


def basis(mention: Mention, around: Around, catalog: Catalog) -> str | None:
    """change for 增长6.6% or 比去年高0.2个百分点; never for 提高到58.5%, a level."""
    before = around.before
    words, comparison = catalog.compiled(_comparison)
    if mention.unit_word == POINTS or (
        before.endswith(words) and comparison.search(before, max(0, len(before) - COMPARISON_REACH))
    ):
        return CHANGE
    return (
        catalog.bases_before.at_end(before)
        or catalog.bases_in_clause.first_in(around.phrase)
        or catalog.bases_in_sentence.first_in(before)
    )
