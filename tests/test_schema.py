"""The warehouse's tables are defined in sql/core/ and its series are built by sql/build/, files like the views."""

from __future__ import annotations

import re

import duckdb

from etl.series.store import SERIES_TABLES
from etl.warehouse import schema
from etl.warehouse.previous import CORE_TABLES

from .conftest import ROOT, query


def test_each_file_of_sql_core_creates_the_table_it_is_named_after_and_says_what_it_holds():
    for path in sorted((ROOT / "sql" / "core").glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"-- core.{path.stem}: "), path.name
        assert re.findall(r"create (?:or replace )?table (\w+)\.(\w+)", text) == [("core", path.stem)], path.name


def test_each_file_of_sql_build_says_what_it_makes():
    names = sorted(p.stem for p in (ROOT / "sql" / "build").glob("*.sql"))
    assert names == ["point_firsts", "point_of", "points_to_match", "series_figures", "series_years"]
    for path in (ROOT / "sql" / "build").glob("*.sql"):
        assert path.read_text(encoding="utf-8").startswith("-- "), path.name


def test_the_tables_a_build_makes_are_read_off_sql_core():
    assert sorted(schema.made_tables()) == sorted([*schema.BUILD_TABLES, *SERIES_TABLES])
    assert sorted(CORE_TABLES) == sorted(schema.made_tables())
    assert schema.made_tables() == (
        "build_documents",
        "builds",
        "documents",
        "figures",
        "metrics",
        "program_words",
        "programs",
        "qualifier_words",
        "series_figures",
        "series_links",
        "series_nodes",
        "series_points",
        "series_years",
        "words",
    )


def test_a_built_warehouse_holds_exactly_the_tables_of_sql_core(warehouse):
    tables = query(warehouse, "select table_name from duckdb_tables() where schema_name = 'core' order by 1")
    assert tuple(name for (name,) in tables) == schema.made_tables()


def test_a_fresh_schema_has_the_build_tables_with_the_columns_of_their_files():
    con = duckdb.connect()
    schema.create_schema(con)
    columns = con.execute(
        "select table_name, count(*) from duckdb_columns() where schema_name = 'core' group by 1 order by 1"
    ).fetchall()
    assert columns == [
        ("build_documents", 5),
        ("builds", 9),
        ("documents", 14),
        ("figures", 26),
        ("metrics", 9),
        ("program_words", 2),
        ("programs", 3),
        ("qualifier_words", 3),
        ("words", 2),
    ]
