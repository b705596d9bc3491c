"""Each data check, broken on purpose in a copy of a good warehouse, names the rows.

A rule a refresh checks per document in its workers says the same in Python as in SQL.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys

import duckdb
import pytest

from etl.records import Source
from etl.rules.pipeline import process
from etl.warehouse import load, schema, workers
from etl.warehouse.checks import CHECKS, RULES, document_problem, run_checks
from etl.warehouse.refresh import RefreshError, refresh

from .conftest import ROOT, SEED

MONEY = "(select figure_id from core.figures where surface = '24.92亿元')"
WHOLE = "(select figure_id from core.figures where surface = '2493名')"


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    shutil.copy(SEED, folder / "acftu-2020.txt")
    db = tmp_path_factory.mktemp("good") / "w.duckdb"
    refresh(folder, db, progress=False)
    return db


def _broken(good, tmp_path, *statements):
    db = tmp_path / "broken.duckdb"
    shutil.copy(good, db)
    con = duckdb.connect(str(db))
    for sql in statements:
        con.execute(sql)
    return con


def _figure_id(con, where):
    return con.execute(f"select figure_id from core.figures where {where}").fetchone()[0]


def test_the_good_warehouse_passes_every_check(good):
    con = duckdb.connect(str(good), read_only=True)
    assert run_checks(con) == []


@pytest.mark.parametrize(
    ("check", "statements", "named"),
    [
        (
            "offsets reproduce the surface",
            [f"update core.figures set char_start = char_start + 1 where figure_id = {MONEY}"],
            "surface = '24.92亿元'",
        ),
        (
            "offsets reproduce the surface",
            [f"update core.figures set char_end = 1000000 where figure_id = {MONEY}"],
            "surface = '24.92亿元'",
        ),
        (
            "offsets reproduce the surface",
            [f"update core.figures set doc_id = 'gone' where figure_id = {MONEY}"],
            "surface = '24.92亿元'",
        ),
        (
            "documents hold the text their n_chars says",
            ["update core.documents set n_chars = n_chars - 1"],
            None,
        ),
        (
            "breakdown parts sum to no more than their whole",
            [f"update core.figures set value = 2000 where figure_id = {WHOLE}"],
            "surface = '2493名'",
        ),
        (
            "every parent exists",
            ["update core.figures set parent_figure_id = 'nowhere' where surface = '804名'"],
            "surface = '804名'",
        ),
        (
            "no two rows state the same fact",
            [
                f"insert into core.figures select * replace ('copy' as figure_id) from core.figures where figure_id = {MONEY}"
            ],
            "surface = '24.92亿元'",
        ),
        (
            "values are finite and negative only when written so",
            [f"update core.figures set value = -2492000000 where figure_id = {MONEY}"],
            "surface = '24.92亿元'",
        ),
        (
            "values are finite and negative only when written so",
            [f"update core.figures set value = 'nan'::double where figure_id = {MONEY}"],
            "surface = '24.92亿元'",
        ),
        (
            "values are finite and negative only when written so",
            [f"update core.figures set value = 'inf'::double, basis = 'change' where figure_id = {MONEY}"],
            "surface = '24.92亿元'",
        ),
        (
            "every metric_id is in the catalog",
            [f"update core.figures set metric_id = 'no_such_metric' where figure_id = {MONEY}"],
            "surface = '24.92亿元'",
        ),
        (
            "every program is in the catalog",
            [f"update core.figures set program = 'no_such_program' where figure_id = {MONEY}"],
            "surface = '24.92亿元'",
        ),
    ],
    ids=[
        "offsets",
        "offsets-out-of-text",
        "offsets-no-document",
        "n-chars",
        "parts-exceed-whole",
        "parent",
        "duplicate-fact",
        "negative",
        "nan",
        "infinite-change",
        "metric",
        "program",
    ],
)
def test_each_broken_check_fails_alone_and_names_the_rows(good, tmp_path, check, statements, named):
    assert check in CHECKS
    con = _broken(good, tmp_path, *statements)
    problems = run_checks(con)
    assert [p.split(": ")[1] for p in problems] == [check]
    if named:
        assert _figure_id(con, named) in problems[0]
    else:
        assert "acftu-2020" in problems[0]


def test_a_value_written_with_a_minus_sign_is_allowed_to_be_negative():
    document, figures = process(Source("t.txt", "t", report_year=2020), "工业利润同比增长-3.5%。".encode())
    assert [(f.surface, f.value, f.direction) for f in figures] == [("-3.5%", -3.5, -1)]
    con = duckdb.connect()
    schema.create_schema(con)
    load.insert_documents(con, [document], "key")
    load.insert_figures(con, figures)
    assert run_checks(con) == []


def test_a_part_in_another_unit_is_not_summed_into_its_whole(good, tmp_path):
    con = _broken(good, tmp_path, "update core.figures set unit = 'percent', value = 99999 where surface = '804名'")
    assert run_checks(con) == []


def test_make_check_exits_non_zero_naming_the_rows(good, tmp_path):
    con = _broken(good, tmp_path, f"update core.figures set metric_id = 'no_such_metric' where figure_id = {MONEY}")
    broken_id = _figure_id(con, "surface = '24.92亿元'")
    con.close()
    db = tmp_path / "broken.duckdb"
    done = subprocess.run(["make", "-s", "check", f"DB={db}"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode != 0
    assert f"check failed: every metric_id is in the catalog: ('{broken_id}', 'acftu-2020', 'no_such_metric')" in (
        done.stderr
    )
    good_run = subprocess.run([sys.executable, "-m", "etl", "check", "--db", str(good)], cwd=ROOT, capture_output=True)
    assert good_run.returncode == 0


def test_a_refresh_whose_build_breaks_a_check_publishes_nothing(good, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    shutil.copy(good, db)
    before = db.read_bytes()
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "acftu-2020.txt")
    (folder / "acftu-2020.txt").write_text(SEED.read_text(encoding="utf-8") + "\n新增一段。", encoding="utf-8")
    extracted = workers.extracted

    def extract_then_break(document, figures, key, stamp, **how):
        broken = [f._replace(value=-1.0) if f.surface == "24.92亿元" else f for f in figures]
        return extracted(document, broken, key, stamp, **how)

    monkeypatch.setattr(workers, "extracted", extract_then_break)
    with pytest.raises(
        RefreshError,
        match="data checks failed.*\n  check failed: values are finite and negative only when written so: .*24.92亿元",
    ):
        refresh(folder, db, progress=False)
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.glob(".w.duckdb.building-*")] == [".w.duckdb.building-lock"]


def test_the_checks_of_the_text_are_made_per_document_by_the_worker():
    document, figures = process(Source("acftu-2020.txt", "acftu-2020"), SEED.read_bytes())
    assert document_problem(document, figures) == ""
    moved = figures[0]._replace(sentence_start=figures[0].sentence_start + 1)
    assert document_problem(document, [moved]) == (
        f"sentence offsets {moved.sentence_start}:{moved.sentence_end} of {moved.surface!r} at {moved.char_start} "
        "do not reproduce its sentence"
    )
    assert document_problem(document._replace(n_chars=1), figures) == (
        f"n_chars 1 is not the length of the text ({len(document.text)})"
    )


def test_a_refresh_runs_every_rule_that_make_check_runs():
    in_workers = {rule.name for rule in RULES if rule.in_document}
    in_the_build = {rule.name for rule in RULES if not rule.reads_text}
    assert in_workers == {
        "offsets reproduce the surface",
        "documents hold the text their n_chars says",
        "values are finite and negative only when written so",
    }
    assert in_workers | in_the_build == set(CHECKS)


def _first(figures, change):
    return [figures[0]._replace(**change), *figures[1:]]


# Each way of breaking a document: (document fields, first figure's fields) to replace.
BREAKAGES = {
    "good": ({}, {}),
    "surface-moved": ({}, {"char_start": 1}),
    "surface-beyond-its-sentence": ({}, {"char_end": 10**6}),
    "empty-surface": ({}, {"char_end": 0}),
    "sentence-moved": ({}, {"sentence_start": 1}),
    "sentence-before-the-text": ({}, {"sentence_start": -1}),
    "sentence-rewritten": ({}, {"sentence": "另一句话。"}),
    "n-chars-short": ({"n_chars": 10}, {}),
    "n-chars-long": ({"n_chars": 10**6}, {}),
    "negative": ({}, {"value": -2492000000.0}),
    "positive-written-negative": ({}, {"surface": "-24.92亿元"}),
    "nan": ({}, {"value": math.nan}),
    "infinite": ({}, {"value": math.inf}),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_the_python_form_of_each_rule_agrees_with_its_query(breakage):
    document, figures = process(Source("acftu-2020.txt", "acftu-2020"), SEED.read_bytes())
    doc_change, figure_change = BREAKAGES[breakage]
    money = next(i for i, f in enumerate(figures) if f.surface == "24.92亿元")
    figures.insert(0, figures.pop(money))  # the figure broken comes first
    if figure_change.get("char_start") == 1:
        figure_change = {"char_start": figures[0].char_start + 1}
    if figure_change.get("sentence_start") == 1:
        figure_change = {"sentence_start": figures[0].sentence_start + 1}
    document, figures = document._replace(**doc_change), _first(figures, figure_change)
    con = duckdb.connect()
    schema.create_schema(con)
    load.insert_documents(con, [document], "key")
    load.insert_figures(con, figures)
    for rule in RULES:
        if rule.in_document:
            by_python = rule.in_document(document, figures) != ""
            by_sql = con.execute(rule.sql).fetchall() != []
            assert (rule.name, by_python) == (rule.name, by_sql)
    assert (document_problem(document, figures) == "") == (breakage == "good")
