"""A figure's category (funds, beneficiaries, members …): the first category word
(data/catalog/categories.csv) of the figure's clause that fits its unit, then of the
clauses before it; else the default of its unit."""

from __future__ import annotations

from etl.catalog import Catalog
from etl.records import Around, Mention

OTHER = "other"


def category(mention: Mention, around: Around, catalog: Catalog) -> str:
    """Words after the figure's clause describe the next figure, not this one."""
    unit = mention.unit
    if unit == "percent":
        return OTHER  # a rate counts no one: 覆盖率87.6% is not 87.6 beneficiaries

    def fits(payload) -> bool:
        return not payload[1] or unit in payload[1]

    found = catalog.category_words.first_in(around.clause, fits)
    if found is None:
        for earlier in around.earlier_clauses():
            found = catalog.category_words.first_in(earlier, fits)
            if found is not None:
                break
    if found is not None:
        return found[0]
    return catalog.category_defaults.get(unit, OTHER)
