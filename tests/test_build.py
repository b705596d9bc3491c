"""etl/warehouse/build.py: the history a build adds (record_build) counts what it extracted, and keeps the rest."""

from __future__ import annotations

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
