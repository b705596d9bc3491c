"""Figures to facts: a fact the document states more than once is one row.

Newspaper layouts repeat paragraphs; a fact is identified by what it says
(identity.FACT), not by where it stands. The first statement keeps its offsets; `mentions` counts them all.
"""

from __future__ import annotations

from .records import Figure


def deduplicate(figures: list[Figure]) -> list[Figure]:
    """One figure per fact, in order of first statement, with mentions counted.

    A figure's id is a hash of its document and what it says (identity.figure_id),
    so the statements of one fact share an id, and a part's parent id names the
    fact whichever statement of the whole it was read beside.
    """
    first: dict[str, Figure] = {}
    counts: dict[str, int] = {}
    for figure in figures:
        if figure.figure_id in first:
            counts[figure.figure_id] += 1
        else:
            first[figure.figure_id] = figure
            counts[figure.figure_id] = 1
    return [
        figure if counts[figure_id] == 1 else figure._replace(mentions=counts[figure_id])
        for figure_id, figure in first.items()
    ]
