"""Rows into the building warehouse: extracted documents and figures, the catalogs, unchanged documents.

Bulk loads go through Arrow tables, DuckDB's native path, never row-by-row
inserts; the rows of a few documents extracted in the refresh's own process
through etl/series/few_rows.py (JSON in memory: no pandas imported). Documents
a refresh reuses are copied from the published warehouse when the build did not
start as its copy (clone.clone_published).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from etl.catalog import Catalog
from etl.records import Document, Figure
from etl.series import few_rows
from etl.warehouse.rows import DOCUMENT_SCHEMA, FIGURE_COLUMNS, FIGURE_SCHEMA, documents_table

INSERT_DOCUMENTS = (
    "insert into core.documents select doc_id, file, title, publisher, "
    "try_cast(published_on as date), report_year, report_year_inferred, sha256, encoding, "
    "n_chars, text, extraction_key, file_size, file_mtime_ns from {rows}"
)
INSERT_FIGURES = f"insert into core.figures ({', '.join(FIGURE_COLUMNS)}) select * from {{rows}}"


def insert_documents(
    con: duckdb.DuckDBPyConnection, documents: list[Document] | pa.Table, extraction_key: str = ""
) -> None:
    """Append documents to core.documents: a list with their extraction key, or a table made by
    rows.documents_table (which holds the key)."""
    if not len(documents):
        return
    table = documents if isinstance(documents, pa.Table) else documents_table(documents, extraction_key)
    con.register("new_documents", table)
    try:
        con.execute(INSERT_DOCUMENTS.format(rows="new_documents"))
    finally:
        con.unregister("new_documents")


def insert_figures(con: duckdb.DuckDBPyConnection, figures: list[Figure] | pa.Table) -> None:
    """Append figures to core.figures: a table made by rows.figures_table, or a list, whose few rows go in
    without Arrow (etl/series/few_rows.py)."""
    if not len(figures):
        return
    if isinstance(figures, pa.Table):
        con.register("new_figures", figures)
        try:
            con.execute(INSERT_FIGURES.format(rows="new_figures"))
        finally:
            con.unregister("new_figures")
        return
    with few_rows.relation(con, _columns(FIGURE_SCHEMA), figures) as relation:
        con.execute(INSERT_FIGURES.format(rows=relation))


def insert_document_rows(con: duckdb.DuckDBPyConnection, documents: list[tuple]) -> None:
    """Append documents as rows.documents_rows makes them (with their extraction key): few, without Arrow."""
    if documents:
        with few_rows.relation(con, _columns(DOCUMENT_SCHEMA), documents) as relation:
            con.execute(INSERT_DOCUMENTS.format(rows=relation))


def _columns(schema: pa.Schema) -> list[tuple[str, str]]:
    return [(field.name, few_rows.SQL_TYPES[field.type]) for field in schema]


def insert_catalog(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """The metrics, programmes, programme words, qualifier words and rule words of `catalog` into
    core.metrics, core.programs, core.program_words, core.qualifier_words and core.words: the checks and
    views read them."""
    metrics = {
        "metric_id": [m.metric_id for m in catalog.metrics],
        "name_zh": [m.name_zh for m in catalog.metrics],
        "name_en": [m.name_en for m in catalog.metrics],
        "category": [m.category for m in catalog.metrics],
        "unit": [m.unit for m in catalog.metrics],
        "basis": [m.basis for m in catalog.metrics],
        "patterns": [m.pattern.pattern for m in catalog.metrics],
        "scope": [m.scope for m in catalog.metrics],
        "falls": [m.falls for m in catalog.metrics],
    }
    programs = {
        "program_id": [p.program_id for p in catalog.programs],
        "name_zh": [p.name_zh for p in catalog.programs],
        "patterns": [p.pattern.pattern for p in catalog.programs],
    }
    words = {"word": [w for w, _ in catalog.program_words], "role": [r for _, r in catalog.program_words]}
    qualifiers = {
        name: [row[i] for row in catalog.qualifiers] for i, name in enumerate(("word", "position", "qualifier"))
    }
    rule_words = {
        "word": [w for role in catalog.words.values() for w in role],
        "role": [r for r, role in catalog.words.items() for _ in role],
    }
    tables = (
        ("metrics", metrics),
        ("programs", programs),
        ("program_words", words),
        ("qualifier_words", qualifiers),
        ("words", rule_words),
    )
    for table, columns in tables:
        con.register("new_rows", pa.table(columns, schema=pa.schema([(name, pa.string()) for name in columns])))
        try:
            con.execute(f"insert into core.{table} by name select * from new_rows")
        finally:
            con.unregister("new_rows")


def copy_unchanged(con: duckdb.DuckDBPyConnection, previous: Path, doc_ids: list[str]) -> None:
    """Carry documents whose bytes and extraction inputs did not change, as they were."""
    if not doc_ids:
        return
    con.execute(f"attach '{sql_path(previous)}' as previous (read_only)")
    try:
        con.execute("create temp table keep as select unnest(?::varchar[]) as doc_id", [doc_ids])
        con.execute(
            "insert into core.documents by name "
            "select * from previous.core.documents where doc_id in (select doc_id from keep)"
        )
        con.execute(
            "insert into core.figures by name select * from previous.core.figures where doc_id in (select doc_id from keep)"
        )
        con.execute("drop table keep")
    finally:
        con.execute("detach previous")


def sql_path(path: Path) -> str:
    """A file's path as the text of a SQL string literal (ATTACH takes no parameters)."""
    return str(path).replace("'", "''")
