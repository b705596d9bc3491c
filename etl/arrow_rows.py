"""Documents and figures as Arrow tables: the one form in which rows go into DuckDB.

A batch is converted once and can then be appended to several warehouses
(the building file, and the in-memory one its data checks run on).
"""

from __future__ import annotations

import pyarrow as pa

from .records import Document, Figure

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


def documents_table(documents: list[Document], extraction_key: str) -> pa.Table:
    columns = {name: [getattr(d, name) for d in documents] for name in DOCUMENT_COLUMNS}
    columns["extraction_key"] = [extraction_key] * len(documents)
    return pa.table(columns)


def figures_table(figures: list[Figure]) -> pa.Table:
    schema = pa.schema([(name, arrow_type(name)) for name in FIGURE_COLUMNS])
    return pa.table({name: [getattr(f, name) for f in figures] for name in FIGURE_COLUMNS}, schema=schema)


def arrow_type(name: str) -> pa.DataType:
    """The Arrow type of a figure column."""
    if name == "value":
        return pa.float64()
    if name == "is_target":
        return pa.bool_()
    if name == "as_of":
        return pa.date32()
    if name in INTEGER_FIGURE_COLUMNS:
        return pa.int32()
    return pa.string()
