"""Every figure can be traced to its document, sentence and offsets."""

from __future__ import annotations

from .conftest import query


def test_offsets_reproduce_every_surface_and_sentence(warehouse):
    rows = query(
        warehouse,
        "select f.surface, substr(d.text, f.char_start + 1, f.char_end - f.char_start), "
        "f.sentence, substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) "
        "from v1.figures f join v1.documents d using (doc_id)",
    )
    assert rows
    assert all(surface == from_text for surface, from_text, _, _ in rows)
    assert all(sentence == from_text for _, _, sentence, from_text in rows)


def test_the_surface_lies_inside_its_sentence(warehouse):
    rows = query(
        warehouse,
        "select count(*) from v1.figures where char_start < sentence_start or char_end > sentence_end",
    )
    assert rows == [(0,)]


def test_documents_record_the_raw_bytes_digest(warehouse):
    import hashlib

    from .conftest import SEED

    rows = query(warehouse, "select sha256, encoding from v1.documents where doc_id = 'acftu-2020'")
    assert rows == [(hashlib.sha256(SEED.read_bytes()).hexdigest(), "utf-8")]
