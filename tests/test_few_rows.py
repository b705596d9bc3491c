"""A few rows into DuckDB without Arrow (etl/series/few_rows.py): the same values as through Arrow, no pandas."""

from __future__ import annotations

import math
import subprocess
import sys
from datetime import date

import duckdb
import pyarrow as pa
import pytest

from etl.series import few_rows
from etl.warehouse.refresh import refresh

from .conftest import ROOT, SEED, query

COLUMNS = [
    ("name", "VARCHAR"),
    ("value", "DOUBLE"),
    ("year", "INTEGER"),
    ("size", "BIGINT"),
    ("flag", "BOOLEAN"),
    ("day", "DATE"),
]
ROWS = [
    (
        'it\'s "quoted"\\ and\nsplit\r\tby \x1b[31m controls \x00 and \u2028',
        0.1 + 0.2,
        2024,
        2**40,
        True,
        date(2024, 2, 29),
    ),
    ("城镇新增就业 12.5万人 😀", 5e-324, None, None, False, None),
    ("", 1.7976931348623157e308, -1, 0, None, date(1, 1, 1)),
    (None, -0.0, 0, -(2**62), True, date(9999, 12, 31)),
    ("nan", math.nan, 1, 1, False, date(2000, 1, 1)),
    ("inf", -math.inf, 2, 2, True, date(2000, 1, 2)),
    ("third", 1 / 3, 3, 3, False, date(2000, 1, 3)),
]


def _read(con, columns, rows):
    with few_rows.relation(con, columns, rows) as relation:
        return con.execute(f"select * from {relation}").fetchall()


def _same(a, b) -> bool:
    """Row for row equal, NaN equal to NaN and -0.0 told from 0.0."""
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        for u, v in zip(x, y, strict=True):
            if isinstance(u, float) and isinstance(v, float):
                if not (math.isnan(u) and math.isnan(v)) and (u != v or math.copysign(1, u) != math.copysign(1, v)):
                    return False
            elif u != v or type(u) is not type(v):
                return False
    return True


def test_rows_read_back_as_they_went_in_through_json_as_through_arrow(monkeypatch):
    con = duckdb.connect()
    as_json = _read(con, COLUMNS, ROWS)
    monkeypatch.setattr(few_rows, "FEW", 0)  # more than a few: through Arrow
    as_arrow = _read(con, COLUMNS, ROWS)
    assert _same(as_json, [tuple(row) for row in ROWS])
    assert _same(as_arrow, as_json)


def test_insert_reads_each_column_as_the_tables_type_by_name():
    con = duckdb.connect()
    con.execute("create table t (a integer, b varchar, c double)")
    few_rows.insert(con, "t", ("c", "b", "a"), [(1, "x", 7), (2.5, None, None)])
    few_rows.insert(con, "t", ("a",), [])
    assert con.execute("select * from t").fetchall() == [(7, "x", 1.0), (None, None, 2.5)]


def test_a_temporary_table_holds_the_rows_and_is_replaced():
    con = duckdb.connect()
    assert few_rows.temp_table(con, "ids", [("doc_id", "VARCHAR")], [("a",), ("b",)]) == "temp.ids"
    assert few_rows.temp_table(con, "ids", [("doc_id", "VARCHAR")], [("c",)]) == "temp.ids"
    assert con.execute("select * from temp.ids").fetchall() == [("c",)]
    few_rows.temp_table(con, "ids", [("doc_id", "VARCHAR")], [])
    assert con.execute("select count(*) from temp.ids").fetchall() == [(0,)]


def test_a_value_a_column_cannot_hold_is_an_error_either_way(monkeypatch):
    con = duckdb.connect()
    with pytest.raises(duckdb.Error):
        _read(con, [("year", "INTEGER")], [(2**40,)])
    monkeypatch.setattr(few_rows, "FEW", 0)
    with pytest.raises(pa.ArrowInvalid):
        _read(con, [("year", "INTEGER")], [(2**40,)])


def test_a_one_report_edit_imports_no_pandas(tmp_path):
    folder, db = tmp_path / "reports", tmp_path / "w.duckdb"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("24.92亿元", "25.5亿元"), encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,doc_id,title,publisher,published_on,report_year\n"
        "a.txt,a,,中华全国总工会,,2020\nb.txt,b,,中华全国总工会,,2021\n",
        encoding="utf-8",
    )
    refresh(folder, db, progress=False)
    (folder / "b.txt").write_text(text.replace("24.92亿元", "26.5亿元"), encoding="utf-8")
    # The edit in a process of its own: pandas, once imported in this one, stays.
    probe = (
        "import sys; from pathlib import Path; from etl.warehouse.refresh import refresh; "
        "result = refresh(Path(sys.argv[1]), Path(sys.argv[2]), progress=False); "
        "print(result.extracted, len(result.reused), 'pandas' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(folder), str(db)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout == "['b'] 1 False\n"
    assert query(db, "select count(*) from core.figures where surface = '26.5亿元'") == [(1,)]
