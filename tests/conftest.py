"""Shared fixtures: warehouses built from the shipped reports into temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from etl.refresh import refresh

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = RAW / "acftu-2020.txt"


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory) -> Path:
    """data/raw built into a temporary warehouse, once per test session."""
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
