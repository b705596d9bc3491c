"""Figures to facts: a fact the document states more than once is one row.

Newspaper layouts repeat paragraphs; a fact is identified by what it says
(value, unit, what it counts, qualifier, basis, period), not by where it
stands. The first statement keeps its offsets; `mentions` counts them all.
"""

from __future__ import annotations

from dataclasses import replace

from .classify import Figure, identity


def deduplicate(figures: list[Figure]) -> list[Figure]:
    """One figure per fact, in order of first statement, with mentions counted."""
    first: dict[tuple, Figure] = {}
    counts: dict[tuple, int] = {}
    merged_ids: dict[str, str] = {}
    for figure in figures:
        key = identity(figure)
        if key in first:
            counts[key] += 1
            merged_ids[figure.figure_id] = first[key].figure_id
        else:
            first[key] = figure
            counts[key] = 1
    facts = []
    for key, figure in first.items():
        parent = figure.parent_figure_id
        if counts[key] != 1 or parent in merged_ids:
            figure = replace(figure, mentions=counts[key], parent_figure_id=merged_ids.get(parent, parent))
        facts.append(figure)
    return facts
