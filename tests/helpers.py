"""Small helpers that read a snippet of report text the way a refresh would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def refresh_cli(sources: Path, db: Path, *flags: str) -> subprocess.CompletedProcess:
    """`python -m etl refresh` in a process of its own, as a user runs it from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "etl", "refresh", "--sources", str(sources), "--db", str(db), *flags],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
