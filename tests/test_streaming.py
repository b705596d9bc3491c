"""A refresh streams: each report is read as its turn comes and goes into the build batch by batch.

So memory is bounded by the batch and the largest document, not by the corpus:
these tests watch what the refresh reads and appends, in order, rather than
time or measure it (bench/ measures memory at scale).
"""

from __future__ import annotations

import os

import duckdb
import pytest

from etl.warehouse import batches, build, load, plan, rows, workers
from etl.warehouse.refresh import RefreshError, refresh

from .conftest import SEED, query

TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture
def seven_reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(1, 8):
        (folder / f"copy-{i}.txt").write_text(TEXT.replace("24.92亿元", f"{i}.5亿元"), encoding="utf-8")
    return folder


@pytest.fixture
def events(monkeypatch):
    """What the refresh does, in order: ('read', file) as extraction reads a report, ('append', doc_ids) per batch."""
    seen: list[tuple] = []
    read_stamped, insert_documents, insert_rows = workers.read_stamped, load.insert_documents, load.insert_document_rows

    def reading(folder, name):
        seen.append(("read", name))
        return read_stamped(folder, name)

    def appending(con, documents, key=""):  # extracted in workers: Arrow tables
        seen.append(("append", documents["doc_id"].to_pylist()))
        insert_documents(con, documents, key)

    def appending_rows(con, documents):  # a few extracted in the refresh's own process: tuples
        seen.append(("append", [row[0] for row in documents]))
        insert_rows(con, documents)

    monkeypatch.setattr(workers, "read_stamped", reading)
    monkeypatch.setattr(load, "insert_documents", appending)
    monkeypatch.setattr(load, "insert_document_rows", appending_rows)
    return seen


def test_reports_are_read_and_appended_batch_by_batch(seven_reports, tmp_path, events, monkeypatch):
    monkeypatch.setattr(batches, "BATCH_DOCUMENTS", 3)
    result = refresh(seven_reports, tmp_path / "w.duckdb", progress=False)
    assert result.n_documents == 7
    assert events == [
        ("read", "copy-1.txt"),
        ("read", "copy-2.txt"),
        ("read", "copy-3.txt"),
        ("append", ["copy-1", "copy-2", "copy-3"]),
        ("read", "copy-4.txt"),
        ("read", "copy-5.txt"),
        ("read", "copy-6.txt"),
        ("append", ["copy-4", "copy-5", "copy-6"]),
        ("read", "copy-7.txt"),
        ("append", ["copy-7"]),
    ]


def test_a_batch_also_ends_at_its_share_of_text(seven_reports, tmp_path, events, monkeypatch):
    # Two reports' text is over the limit: each batch holds two documents at most.
    monkeypatch.setattr(batches, "BATCH_CHARS", len(TEXT) * 3 // 2)
    refresh(seven_reports, tmp_path / "w.duckdb", progress=False)
    assert [ids for what, ids in events if what == "append"] == [
        ["copy-1", "copy-2"],
        ["copy-3", "copy-4"],
        ["copy-5", "copy-6"],
        ["copy-7"],
    ]


def test_the_writer_never_holds_more_than_a_batch(seven_reports, tmp_path, monkeypatch):
    held = []
    add = batches.BatchWriter.add

    def adding(writer, document):
        add(writer, document)
        held.append(len(writer.held))

    monkeypatch.setattr(batches, "BATCH_DOCUMENTS", 2)
    monkeypatch.setattr(batches.BatchWriter, "add", adding)
    refresh(seven_reports, tmp_path / "w.duckdb", progress=False)
    assert held == [1, 0, 1, 0, 1, 0, 1]


def test_a_documents_figures_are_let_go_as_they_become_rows(seven_reports, tmp_path, monkeypatch):
    """Within one document too: its figures become Arrow rows a slice at a time, each slice's figures let go
    (the list the extraction made is emptied from its end), so they are never held twice, whatever their number.
    A document of more than rows.ROWS_AT_MOST figures extracted in the refresh's own process too."""
    monkeypatch.setattr(rows, "ROWS_PER_SLICE", 5)
    monkeypatch.setattr(rows, "ROWS_AT_MOST", 22)
    made, held = [], []
    extracted, batch = workers.extracted, rows._figures_batch

    def keeping(document, figures, key, stamp, **how):
        made.append(figures)
        return extracted(document, figures, key, stamp, **how)

    def converting(part):
        held.append((len(made[-1]), len(part)))  # the figures the document still holds, and those converted now
        return batch(part)

    monkeypatch.setattr(workers, "extracted", keeping)
    monkeypatch.setattr(rows, "_figures_batch", converting)
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "copy-1.txt").write_bytes((seven_reports / "copy-1.txt").read_bytes())
    sliced = tmp_path / "sliced.duckdb"
    refresh(tmp_path / "one", sliced, progress=False)
    assert held == [(23, 5), (18, 5), (13, 5), (8, 5), (3, 3)]  # 23 figures in the copy
    assert made == [[]]
    monkeypatch.undo()
    whole = tmp_path / "whole.duckdb"
    refresh(tmp_path / "one", whole, progress=False)
    figures = "select * from core.figures order by char_start, figure_id"
    assert _rows(sliced, figures) == _rows(whole, figures)


def test_unchanged_reports_are_hashed_but_not_read_again_for_extraction(seven_reports, tmp_path, events):
    db = tmp_path / "w.duckdb"
    refresh(seven_reports, db, progress=False)
    events.clear()
    (seven_reports / "copy-4.txt").write_text(TEXT.replace("24.92亿元", "40.5亿元"), encoding="utf-8")
    result = refresh(seven_reports, db, progress=False)
    assert (result.extracted, len(result.reused)) == (["copy-4"], 6)
    assert events == [("read", "copy-4.txt"), ("append", ["copy-4"])]


def test_batch_size_does_not_change_the_warehouse(seven_reports, tmp_path, monkeypatch):
    one_by_one, all_at_once = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    monkeypatch.setattr(batches, "BATCH_DOCUMENTS", 1)
    refresh(seven_reports, one_by_one, progress=False)
    monkeypatch.setattr(batches, "BATCH_DOCUMENTS", 64)
    refresh(seven_reports, all_at_once, progress=False)
    assert query(one_by_one, "select count(*) from core.figures") == [(7 * 23,)]  # 23 figures in each copy
    assert _rows(one_by_one, "select * from core.figures order by figure_id") == _rows(
        all_at_once, "select * from core.figures order by figure_id"
    )


def test_a_check_that_fails_in_a_later_batch_publishes_nothing(seven_reports, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    monkeypatch.setattr(batches, "BATCH_DOCUMENTS", 2)
    extracted = workers.extracted

    def break_copy_6(document, figures, key, stamp, **how):
        if document.doc_id == "copy-6":
            figures = [f._replace(value=-1.0) if f.surface == "6.5亿元" else f for f in figures]
        return extracted(document, figures, key, stamp, **how)

    monkeypatch.setattr(workers, "extracted", break_copy_6)
    with pytest.raises(
        RefreshError, match=r"data checks failed.*\n  check failed: values are finite .*'copy-6', '6.5亿元'"
    ):
        refresh(seven_reports, db, progress=False)
    assert not db.exists()


def _rows(db, sql):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_a_file_with_the_size_and_time_it_was_read_with_is_not_even_hashed(seven_reports, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    refresh(seven_reports, db, progress=False)
    hashed = []
    sha256 = plan._sha256
    monkeypatch.setattr(plan, "_sha256", lambda folder, name: hashed.append(name) or sha256(folder, name))
    copy_2 = seven_reports / "copy-2.txt"
    os.utime(copy_2, ns=(copy_2.stat().st_atime_ns, copy_2.stat().st_mtime_ns + 1))  # touched: same bytes
    result = refresh(seven_reports, db, progress=False)
    assert (hashed, result.extracted, result.up_to_date) == (["copy-2.txt"], [], True)


def test_a_new_or_fully_refreshed_report_is_hashed_only_where_it_is_extracted(seven_reports, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    hashed = []
    sha256 = plan._sha256
    monkeypatch.setattr(plan, "_sha256", lambda folder, name: hashed.append(name) or sha256(folder, name))
    refresh(seven_reports, db, progress=False)
    refresh(seven_reports, db, progress=False, full=True)
    assert hashed == []
    assert query(db, "select count(distinct sha256), count(*) from core.documents") == [(7, 7)]


def test_a_build_is_written_by_its_checkpoint_and_keeps_no_log(tmp_path, monkeypatch):
    building = tmp_path / "w.duckdb.building"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    con = build.open_build(building, "64MB")
    try:
        con.execute("create table kept as select range as n from range(100000)")
        assert not building.with_name(building.name + ".wal").exists()
        assert con.execute("select current_setting('threads')").fetchone() == (1,)  # the cores are the workers'
        con.execute("create temp table spilled as select repeat('x', 1000) || range as s from range(200000)")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "w.duckdb.building", "w.duckdb.building.tmp"]
        assert list(elsewhere.iterdir()) == []  # nothing spilled where the refresh was run from
        con.execute("checkpoint")
    finally:
        con.close()
    assert query(building, "select count(*), sum(n) from kept") == [(100000, 4999950000)]
