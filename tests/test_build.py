"""etl/warehouse/build.py: the history a build adds (record_build) counts what it extracted, and keeps the rest;
what an edit's build writes again."""

from __future__ import annotations

from etl.warehouse import load
from etl.warehouse.refresh import refresh

from .conftest import SEED, query

# The seed report with two of its figures written as words: fewer figures.
TEXT = SEED.read_text(encoding="utf-8")
SHORTER = TEXT.replace("24.92亿元", "大量资金").replace("551.07万人", "大批人员")


def test_the_history_of_an_edit_counts_the_extracted_document_and_keeps_the_others_counts(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    (seed_folder / "b.txt").write_text(TEXT, encoding="utf-8")
    refresh(seed_folder, db, progress=False)
    (full,) = query(db, "select count(*) from core.figures where doc_id = 'b'")[0]
    (seed_folder / "b.txt").write_text(SHORTER, encoding="utf-8")
    refresh(seed_folder, db, progress=False)
    (shorter,) = query(db, "select count(*) from core.figures where doc_id = 'b'")[0]
    assert 0 < shorter < full
    assert query(db, "select build_id, doc_id, n_figures, extracted from core.build_documents order by all") == [
        (1, "acftu-2020", full, True),
        (1, "b", full, True),
        (2, "acftu-2020", full, False),
        (2, "b", shorter, True),
    ]
    assert query(db, "select build_id, n_documents, n_figures, n_extracted from core.builds order by all") == [
        (1, 2, 2 * full, 2),
        (2, 2, full + shorter, 1),
    ]


def _text_blocks(db):
    """(row group, rows, block) of each segment of core.documents' texts."""
    return query(
        db,
        "select row_group_id, count, block_id from pragma_storage_info('core.documents') "
        "where column_name = 'text' and segment_type = 'VARCHAR' order by all",
    )


def test_an_edit_writes_no_text_of_the_first_row_group_again(seed_folder, tmp_path):
    """A build written whole fills its first row group with deleted rows and moves one document (the last doc_id)
    into a row group of its own: the edits after it append there, and the checkpoint leaves the others' texts."""
    db = tmp_path / "w.duckdb"
    (seed_folder / "b.txt").write_text(TEXT, encoding="utf-8")
    refresh(seed_folder, db, progress=False)
    first = [s for s in _text_blocks(db) if s[0] == 0]
    assert sum(rows for _, rows, _ in first) == 122_880  # 1 document and the filler, deleted
    assert [rows for group, rows, _ in _text_blocks(db) if group == 1] == [1]  # b
    assert query(db, "select count(*), count(*) filter (where doc_id like chr(0) || '%') from core.documents") == [
        (2, 0)
    ]
    for text in (SHORTER, TEXT):  # the document of the first row group edited, twice
        (seed_folder / "acftu-2020.txt").write_text(text, encoding="utf-8")
        assert refresh(seed_folder, db, progress=False).extracted == ["acftu-2020"]
        assert [s for s in _text_blocks(db) if s[0] == 0] == first
    assert [rows for group, rows, _ in _text_blocks(db) if group == 1] == [3]  # b, then each edit's
    # the edited document's text is its last, read from the row group the edits appended to
    assert query(db, "select count(distinct text), min(length(text) = n_chars) from core.documents") == [(1, True)]


def _catalog_blocks(db):
    """The blocks of three catalog tables' columns."""
    return [
        query(db, f"select column_name, block_id from pragma_storage_info('core.{table}') order by all")
        for table in ("metrics", "programs", "words")
    ]


def test_an_edit_keeps_the_catalog_s_rows_as_they_were_written(seed_folder, tmp_path, monkeypatch):
    """Built by the same code and catalog, the clone's catalog tables are what the catalog says: kept, not
    emptied and written again (which the checkpoint wrote whole)."""
    db = tmp_path / "w.duckdb"
    (seed_folder / "b.txt").write_text(TEXT, encoding="utf-8")  # reused: the build starts as a copy
    refresh(seed_folder, db, progress=False)
    before, rows = _catalog_blocks(db), query(db, "select * from core.metrics order by all")
    written = []
    monkeypatch.setattr(load, "insert_catalog", lambda *args: written.append(args))
    (seed_folder / "acftu-2020.txt").write_text(SHORTER, encoding="utf-8")
    assert refresh(seed_folder, db, progress=False).extracted == ["acftu-2020"]
    assert written == []
    assert _catalog_blocks(db) == before
    assert query(db, "select * from core.metrics order by all") == rows
