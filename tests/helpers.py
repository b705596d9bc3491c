"""Small helpers that read a snippet of report text the way a refresh would."""

from __future__ import annotations

from etl.records import Figure, Source
from etl.rules.mentions import find_mentions
from etl.rules.pipeline import process
from etl.text.normalize import normalize


def figures_of(text: str, report_year: int | None = 2020) -> list[Figure]:
    """The facts zhibiao finds in `text`, read as a whole report."""
    _, figures = process(Source("snippet.txt", "snippet", report_year=report_year), text.encode("utf-8"))
    return figures


def surfaces(text: str) -> list[str]:
    return [m.surface for m in find_mentions(normalize(text))]


def values(text: str) -> list[tuple[str, float, str]]:
    return [(m.surface, m.value, m.unit) for m in find_mentions(normalize(text))]


def one(text: str, report_year: int | None = 2020) -> Figure:
    found = figures_of(text, report_year)
    assert len(found) == 1, [f.surface for f in found]
    return found[0]
