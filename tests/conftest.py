"""Shared fixtures: warehouses built from the shipped reports into temporary folders.

The tests read their own copy of the shipped reports, tests/fixtures/reports/ (the 18
reports and manifest of data/raw as shipped), never data/raw itself: a report a user
adds to data/raw changes their warehouse, not what the tests expect.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl.catalog import CATALOG_DIR, load_catalog
from etl.warehouse.refresh import refresh

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
RAW = FIXTURES / "reports"
SEED = RAW / "acftu-2020.txt"


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory) -> Path:
    """The shipped reports (the tests' copy) built into a temporary warehouse, once per test session."""
    db = tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb"
    refresh(RAW, db, progress=False)
    return db


@pytest.fixture
def seed_folder(tmp_path) -> Path:
    """A folder holding one copy of the seed report, with no manifest."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "acftu-2020.txt")
    return folder


def query(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def exported(warehouse, tmp_path_factory):
    """`make export` of the seed's warehouse: its CSV files and workbook, once per test module."""
    from etl.exports.export import export

    out = tmp_path_factory.mktemp("exports") / "exports"
    export(warehouse, out)
    return out


@pytest.fixture(scope="module")
def book(exported):
    """The exported workbook, opened with openpyxl."""
    from openpyxl import load_workbook

    return load_workbook(exported / "zhibiao.xlsx")


@pytest.fixture
def catalog_copy(tmp_path) -> Path:
    """An editable copy of data/catalog; load_catalog's cache is cleared before and after, so that a
    test reading the folder again sees its edits and no later test sees them."""
    copy = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, copy)
    load_catalog.cache_clear()
    yield copy
    load_catalog.cache_clear()
