"""The v1 contract: every v1 view keeps the columns and types of tests/fixtures/v1_contract.csv.

A change that would break a v1 view goes into sql/v2/ beside it; v1 keeps working.
The fixture was written once from a built warehouse by

    .venv/bin/python -m tests.test_contract data/warehouse.duckdb

and is only ever regenerated for a new view added to v1 (never to change a column).
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
from pathlib import Path

import duckdb

from etl.warehouse import views

from .conftest import FIXTURES, ROOT, query

CONTRACT = FIXTURES / "v1_contract.csv"
COLUMNS_SQL = (
    "select table_name, column_name, data_type from information_schema.columns "
    "where table_schema = ? order by table_name, ordinal_position"
)


def _contract() -> list[tuple[str, str, str]]:
    with CONTRACT.open(encoding="utf-8", newline="") as fh:
        return [(r["view"], r["column"], r["type"]) for r in csv.DictReader(fh)]


def test_every_v1_view_has_the_columns_and_types_of_the_contract(warehouse):
    assert query(warehouse, COLUMNS_SQL, ["v1"]) == _contract()


def test_the_contract_describes_every_view_of_sql_v1():
    files = sorted(p.stem for p in (ROOT / "sql" / "v1").glob("*.sql"))
    assert sorted({view for view, _, _ in _contract()}) == files


def test_each_view_file_creates_the_view_it_is_named_after_and_says_what_it_answers():
    for path in sorted((ROOT / "sql" / "v1").glob("*.sql")):
        text = path.read_text(encoding="utf-8")
        assert text.startswith("-- "), path.name
        created = re.findall(r"create or replace view (\w+)\.(\w+)", text)
        assert created == [("v1", path.stem)], path.name


def test_every_view_name_fits_an_excel_sheet_name_so_the_workbook_has_one_sheet_per_view():
    assert [view for view, _, _ in _contract() if len(view) > 31] == []


def test_the_build_records_code_catalog_and_view_versions(warehouse):
    rows = query(warehouse, "select code_version, catalog_version, view_versions, n_documents from v1.builds")
    assert len(rows) == 1
    code_version, catalog_version, view_versions, n_documents = rows[0]
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{12}", code_version)
    assert re.fullmatch(r"[0-9a-f]{12}", catalog_version)
    assert view_versions == f"v1@{views.view_digest('v1')},v2@{views.view_digest('v2')}"
    assert n_documents == 18


def test_a_breaking_change_in_v2_leaves_v1_as_it_was(warehouse, tmp_path):
    sql = tmp_path / "sql"
    shutil.copytree(ROOT / "sql" / "v1", sql / "v1")
    shutil.copytree(ROOT / "sql" / "v2", sql / "v2")  # a v1 view may read a v2 one (v1.yoy reads v2.yoy's reasons)
    declared = (ROOT / "sql" / "views.txt").read_text(encoding="utf-8")
    (sql / "views.txt").write_text(declared + "v2.metric_series\n", encoding="utf-8")
    (sql / "v2" / "metric_series.sql").write_text(
        "-- Metric series with years as text (a breaking change)?\n"
        "create or replace view v2.metric_series as\n"
        "select metric_id, year::varchar as year, value from v1.metric_series;\n",
        encoding="utf-8",
    )
    db = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    try:
        views.create_views(con, sql)
        v1 = con.execute(COLUMNS_SQL, ["v1"]).fetchall()
        v2 = con.execute(COLUMNS_SQL, ["v2"]).fetchall()
    finally:
        con.close()
    assert v1 == _contract()
    assert [row for row in v2 if row[0] == "metric_series"] == [
        ("metric_series", "metric_id", "VARCHAR"),
        ("metric_series", "year", "VARCHAR"),
        ("metric_series", "value", "DOUBLE"),
    ]


def write_contract(db: Path) -> None:
    """Describe every v1 view of a built warehouse into the contract fixture."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(COLUMNS_SQL, ["v1"]).fetchall()
    finally:
        con.close()
    with CONTRACT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["view", "column", "type"])
        writer.writerows(rows)


if __name__ == "__main__":
    write_contract(Path(sys.argv[1]))
    print(f"wrote {CONTRACT}")
