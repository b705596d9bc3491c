"""Documents and figures as the rows that go into DuckDB: Arrow tables, or Python tuples for a few.

Each document is converted where it is extracted (in a worker process,
`extracted`), so the refresh itself only concatenates, checks and appends.
A document extracted in the refresh's own process (a few changed, workers.py)
keeps its rows as tuples (Rows), which etl/series/few_rows.py hands to DuckDB without
Arrow, so that a one-report edit does not import pandas.
"""

from __future__ import annotations

from typing import NamedTuple

import pyarrow as pa

from etl.records import Document, Extracted, Figure

FIGURE_COLUMNS = list(Figure._fields)
DOCUMENT_COLUMNS = [
    "doc_id",
    "file",
    "title",
    "publisher",
    "published_on",
    "report_year",
    "report_year_inferred",
    "sha256",
    "encoding",
    "n_chars",
    "text",
]
ROWS_PER_SLICE = 10_000  # figures converted to Arrow at a time
INTEGER_FIGURE_COLUMNS = {
    "period_start",
    "period_end",
    "sentence_start",
    "sentence_end",
    "char_start",
    "char_end",
    "mentions",
    "direction",
}


ROWS_AT_MOST = 10_000  # figures of a document kept as tuples (Rows) at most: more go into Arrow, a slice at a time


class Rows(NamedTuple):
    """One document as it goes into the warehouse, its rows as tuples: the fields of records.Extracted."""

    doc_id: str
    report_year: int | None
    report_year_inferred: bool
    n_chars: int
    documents: list[tuple]  # its one row of core.documents (DOCUMENT_SCHEMA's columns)
    figures: list[Figure]  # its rows of core.figures (FIGURE_COLUMNS)


def documents_rows(
    documents: list[Document], extraction_key: str, stamps: list[tuple[int, int] | None] | None = None
) -> list[tuple]:
    """Documents as rows of core.documents, in DOCUMENT_SCHEMA's columns; `stamps` are their files'
    (size, mtime in ns) as read."""
    stamps = stamps or [None] * len(documents)
    return [
        (*(getattr(d, name) for name in DOCUMENT_COLUMNS), extraction_key, *(s if s else (None, None)))
        for d, s in zip(documents, stamps, strict=True)
    ]


def documents_table(
    documents: list[Document], extraction_key: str, stamps: list[tuple[int, int] | None] | None = None
) -> pa.Table:
    """documents_rows as an Arrow table."""
    return document_rows_table(documents_rows(documents, extraction_key, stamps))


def document_rows_table(rows: list[tuple]) -> pa.Table:
    """Rows of documents_rows as an Arrow table."""
    columns = [pa.array([row[i] for row in rows], kind) for i, kind in enumerate(DOCUMENT_SCHEMA.types)]
    return pa.table(columns, schema=DOCUMENT_SCHEMA)


def figures_table(figures: list[Figure], *, consume: bool = False) -> pa.Table:
    """Figures as rows of core.figures, converted ROWS_PER_SLICE at a time.

    With `consume`, the list is emptied as it is converted, a slice at a time
    from its end: a document's figures (their Python objects, a few hundred
    bytes each and the sentence they quote) and their Arrow rows are never
    held whole at once, however many figures one file has.
    """
    slices, end = [], len(figures)
    while end:
        start = max(0, end - ROWS_PER_SLICE)
        slices.append(_figures_batch(figures[start:end]))
        if consume:
            del figures[start:]
        end = start
    return pa.Table.from_batches(reversed(slices), schema=FIGURE_SCHEMA)


def _figures_batch(figures: list[Figure]) -> pa.RecordBatch:
    # Figures are tuples: zip(*) turns rows into columns in C, field by field.
    columns = zip(*figures, strict=True)
    return pa.RecordBatch.from_arrays(
        [pa.array(column, type) for column, type in zip(columns, FIGURE_SCHEMA.types, strict=True)],
        schema=FIGURE_SCHEMA,
    )


def extracted(
    document: Document,
    figures: list[Figure],
    extraction_key: str,
    stamp: tuple[int, int] | None = None,
    *,
    arrow: bool = True,
) -> Extracted | Rows:
    """A document and its figures as the rows that go into the warehouse; `figures` is emptied
    as it is converted (figures_table), so a large document is not held twice. Without `arrow`,
    as tuples (Rows) unless it has more than ROWS_AT_MOST figures."""
    if not arrow and len(figures) <= ROWS_AT_MOST:
        rows = documents_rows([document], extraction_key, [stamp])
        return Rows(
            document.doc_id, document.report_year, document.report_year_inferred, document.n_chars, rows, figures
        )
    return Extracted(
        document.doc_id,
        document.report_year,
        document.report_year_inferred,
        document.n_chars,
        documents_table([document], extraction_key, [stamp]),
        figures_table(figures, consume=True),
    )


def arrow_type(name: str) -> pa.DataType:
    """The Arrow type of a figure column."""
    if name in ("value", "metric_value"):
        return pa.float64()
    if name == "is_target":
        return pa.bool_()
    if name == "as_of":
        return pa.date32()
    if name in INTEGER_FIGURE_COLUMNS:
        return pa.int32()
    return pa.string()


FIGURE_SCHEMA = pa.schema([(name, arrow_type(name)) for name in FIGURE_COLUMNS])
DOCUMENT_TYPES = {"report_year": pa.int32(), "report_year_inferred": pa.bool_(), "n_chars": pa.int32()}  # else text
DOCUMENT_SCHEMA = pa.schema(
    [(name, DOCUMENT_TYPES.get(name, pa.string())) for name in [*DOCUMENT_COLUMNS, "extraction_key"]]
    + [("file_size", pa.int64()), ("file_mtime_ns", pa.int64())]
)
