"""Word lists a rule module reads from a catalog file of its own: `word,role,note`, one word a row.

Each row is checked as etl/catalog/schema.py checks the files of its SCHEMA (a word,
a role of the module's list, no row twice), and a bad one stops with one line naming
file, line and column:

    data/catalog/topic_words.csv:12: role 'opener' is not one of continues, total, …

The files are read when a rule first needs them (Catalog.compiled), from the folder the
catalog was loaded from, so that `--catalog` and a copy of the catalog read their own.
"""

from __future__ import annotations

import csv

from etl.catalog import Catalog, CatalogError
from etl.catalog.cells import one_of, word
from etl.catalog.schema import shown

COLUMNS = ("word", "role", "note")


def rule_words(catalog: Catalog, name: str, roles: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """role -> its words, in the file's order, for every role of `roles` (none listed: ())."""
    path = shown(catalog.directory / name)
    if not path.is_file():
        raise CatalogError(
            f"{path}: missing: the catalog needs this file; restore it, or create it with the header {','.join(COLUMNS)}"
        )
    checks = {"word": word, "role": one_of(roles)}
    found: dict[str, list[str]] = {role: [] for role in roles}
    seen: dict[tuple[str, str], int] = {}
    line = 1  # the line of the row being read, for an error
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise CatalogError(f"{path}:1: lacks the column {missing[0]} (it needs {', '.join(COLUMNS)})")
            line = reader.line_num + 1
            for row in reader:
                if None in row:
                    raise CatalogError(f"{path}:{line}: has more cells than the header has columns")
                cells = {k: (v or "").strip() for k, v in row.items()}
                problem = next(((c, p) for c, check in checks.items() if (p := check(cells[c]))), None)
                if problem:
                    raise CatalogError(f"{path}:{line}: {problem[0]} {problem[1]}")
                key = (cells["word"], cells["role"])
                if key in seen:
                    raise CatalogError(
                        f"{path}:{line}: word '{key[0]}' role '{key[1]}' is listed already on line {seen[key]}"
                    )
                seen[key] = line
                found[cells["role"]].append(cells["word"])
                line = reader.line_num + 1
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: is not UTF-8 text: save it as CSV UTF-8") from None
    except csv.Error as error:
        raise CatalogError(f"{path}:{line}: is not a readable CSV row: {error}") from None
    return {role: tuple(words) for role, words in found.items()}
