"""The seed report against the analyst's gold figures (tests/fixtures/seed_figures.csv).

Scored the way ../shared/eval/score.py scores: one-to-one matches on value and
context, then unit, category, qualifier, basis and as_of on the matched pairs.
"""

from __future__ import annotations

import csv
import unicodedata

from .conftest import FIXTURES, query


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def _accepted(cell: str, value) -> bool:
    got = "" if value is None else str(value)
    return got in cell.split("|")


def _score(warehouse):
    gold = list(csv.DictReader((FIXTURES / "seed_figures.csv").open(encoding="utf-8")))
    rows = query(
        warehouse,
        "select surface, value, unit, category, qualifier, basis, as_of, sentence "
        "from v1.figures where doc_id = 'acftu-2020'",
    )
    used, pairs = set(), []
    for g in gold:
        for i, r in enumerate(rows):
            if i not in used and abs(r[1] - float(g["value"])) <= 1e-9 * max(1, float(g["value"])):
                if _norm(g["context"]) in _norm(r[7]):
                    used.add(i)
                    pairs.append((g, r))
                    break
    return gold, rows, pairs


def test_every_gold_figure_is_found_and_nothing_else(warehouse):
    gold, rows, pairs = _score(warehouse)
    missed = [g["surface"] for g in gold if all(g is not p[0] for p in pairs)]
    extra = [r[0] for i, r in enumerate(rows) if all(r is not p[1] for p in pairs)]
    assert missed == []
    assert extra == []
    assert len(rows) == len(gold) == 23


def test_unit_category_qualifier_basis_and_as_of_all_match(warehouse):
    _, _, pairs = _score(warehouse)
    wrong = []
    for g, r in pairs:
        for column, got in zip(["unit", "category", "qualifier", "basis", "as_of"], r[2:7], strict=True):
            if not _accepted(g[column], got):
                wrong.append((g["surface"], column, got, g[column]))
    assert wrong == []


def test_breakdown_parts_point_at_their_whole(warehouse):
    rows = query(
        warehouse,
        "select part.surface, whole.surface from v1.figures part "
        "join v1.figures whole on part.parent_figure_id = whole.figure_id "
        "where part.doc_id = 'acftu-2020' order by part.char_start",
    )
    assert rows == [("1689名", "2493名"), ("804名", "2493名")]


def test_a_repeated_paragraph_is_one_fact_mentioned_twice(warehouse):
    rows = query(
        warehouse, "select surface, mentions from v1.figures where doc_id = 'acftu-2020' and surface = '3357人'"
    )
    assert rows == [("3357人", 2)]
