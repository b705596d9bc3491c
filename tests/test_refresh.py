"""Refresh end to end: figures come from the text, other folders, bad input."""

from __future__ import annotations

import shutil

import pytest

from etl.refresh import RefreshError, refresh

from .conftest import query


def test_editing_a_number_in_the_report_changes_the_warehouse(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    assert query(db, "select value from v1.figures where surface = '24.92亿元'") == [(2492000000.0,)]
    report = seed_folder / "acftu-2020.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("24.92亿元", "31.5亿元"), encoding="utf-8")
    refresh(seed_folder, db, progress=False)
    assert query(db, "select value from v1.figures where surface = '24.92亿元'") == []
    assert query(db, "select value from v1.figures where surface = '31.5亿元'") == [(3150000000.0,)]


def test_a_folder_without_manifest_loads_with_doc_id_from_file_name(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    result = refresh(seed_folder, db, progress=False)
    assert result.n_documents == 1
    assert query(db, "select doc_id, report_year from v1.documents") == [("acftu-2020", 2020)]


def test_an_undecodable_file_fails_naming_it_and_keeps_the_previous_warehouse(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    before = db.read_bytes()
    (seed_folder / "broken.txt").write_bytes(bytes(range(256)) * 64)
    with pytest.raises(RefreshError, match="broken.txt"):
        refresh(seed_folder, db, progress=False)
    assert db.read_bytes() == before


def test_keep_going_loads_the_good_documents(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    (seed_folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 1000)
    result = refresh(seed_folder, db, keep_going=True, progress=False)
    assert result.n_documents == 1
    assert len(result.failed) == 1 and "broken.txt" in result.failed[0]


def test_a_second_copy_builds_into_its_own_file(seed_folder, tmp_path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    refresh(seed_folder, first, progress=False)
    before = first.read_bytes()
    other = tmp_path / "other"
    shutil.copytree(seed_folder, other)
    refresh(other, second, progress=False)
    assert first.read_bytes() == before
    assert query(second, "select count(*) from v1.figures") == [(23,)]
