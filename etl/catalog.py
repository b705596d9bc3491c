"""The word lists and catalogs analysts extend, read from CSV under data/catalog.

Every rule that names a Chinese word takes it from here, so that a new unit,
qualifier, programme or metric is a spreadsheet edit, not a code change.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CATALOG_DIR = Path(__file__).resolve().parent.parent / "data" / "catalog"


@dataclass(frozen=True)
class Metric:
    metric_id: str
    name_zh: str
    name_en: str
    category: str
    unit: str
    basis: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Program:
    program_id: str
    name_zh: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Catalog:
    """All word lists, each in the order its CSV gives (first match wins)."""

    units: dict[str, str]
    unit_nouns: dict[str, str]
    qualifiers: tuple[tuple[str, str, str], ...]  # (word, position, qualifier)
    bases: tuple[tuple[str, str, str], ...]  # (word, basis, position)
    categories: tuple[tuple[str, str, str], ...]  # (word, category, unit)
    stop_before: frozenset[str]
    stop_after: tuple[str, ...]
    named_periods: dict[str, tuple[int, int]]
    programs: tuple[Program, ...]
    metrics: tuple[Metric, ...]
    version: str

    @property
    def unit_words_longest_first(self) -> tuple[str, ...]:
        return tuple(sorted(self.units, key=len, reverse=True))


def _rows(directory: Path, name: str) -> list[dict[str, str]]:
    path = directory / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def catalog_files(directory: Path = CATALOG_DIR) -> list[Path]:
    return sorted(directory.glob("*.csv"))


def _version(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in catalog_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _pattern(text: str) -> re.Pattern:
    # Patterns are alternatives separated by '|', as an analyst would type them.
    return re.compile(text or r"(?!x)x")


@cache
def load_catalog(directory: Path = CATALOG_DIR) -> Catalog:
    stops = _rows(directory, "stop_words.csv")
    return Catalog(
        units={r["word"]: r["unit"] for r in _rows(directory, "units.csv")},
        unit_nouns={r["noun"]: r["unit"] for r in _rows(directory, "unit_nouns.csv")},
        qualifiers=tuple((r["word"], r["position"], r["qualifier"]) for r in _rows(directory, "qualifiers.csv")),
        bases=tuple((r["word"], r["basis"], r["position"]) for r in _rows(directory, "bases.csv")),
        categories=tuple((r["word"], r["category"], r["unit"]) for r in _rows(directory, "categories.csv")),
        stop_before=frozenset(r["word"] for r in stops if r["position"] == "before"),
        stop_after=tuple(sorted((r["word"] for r in stops if r["position"] == "after"), key=len, reverse=True)),
        named_periods={
            r["name"]: (int(r["period_start"]), int(r["period_end"])) for r in _rows(directory, "periods.csv")
        },
        programs=tuple(
            Program(r["program_id"], r["name_zh"], _pattern(r["patterns"])) for r in _rows(directory, "programs.csv")
        ),
        metrics=tuple(
            Metric(
                r["metric_id"],
                r["name_zh"],
                r["name_en"],
                r["category"],
                r["unit"],
                r.get("basis", ""),
                _pattern(r["patterns"]),
            )
            for r in _rows(directory, "metrics.csv")
        ),
        version=_version(directory),
    )
