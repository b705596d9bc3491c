"""A change stated in the clause right after the figure it changes, opening with its comparison or its
verb and naming no subject of its own: 其中2020年新发展会员620万人，比上年增长8.4% is the growth of
2020's new members, of 2020, whatever the period the sentence opened with (“十三五”期间累计…)."""

from __future__ import annotations

from etl.catalog import Catalog
from etl.records import Around, Figure
from etl.rules.bases import CHANGE
from etl.rules.identity import figure_id


def change_of_before(figure: Figure, around: Around, earlier: list[Figure], catalog: Catalog) -> Figure:
    """The change (the caller checked: a figure of basis change, figures before it in its sentence) with
    the years of the level it changes, when those are not its own already."""
    last = earlier[-1]
    if last.basis == CHANGE or last.is_target != figure.is_target:
        return figure
    if (last.period_start, last.period_end) == (figure.period_start, figure.period_end):
        return figure  # most changes: of the years of the level before them
    if not around.clause_before.startswith(catalog.compiled(change_openings)) or not around.in_previous_clause(last):
        return figure  # a subject of its own, or the level before is not in the clause right before
    figure = figure._replace(period_start=last.period_start, period_end=last.period_end)
    return figure._replace(figure_id=figure_id(figure))


def change_openings(catalog: Catalog) -> tuple[str, ...]:
    """What a change's own clause opens with: its comparison or its verb (比上年, 同比, 增长), once per catalog."""
    return (*catalog.words["compared_with"], *catalog.words["change_verb"])
