"""Extracted documents into the building warehouse in bounded batches.

A refresh hands each document to a BatchWriter as its extraction comes back,
already as Arrow rows (arrow_rows.extracted, made in the worker). The writer
holds at most BATCH_DOCUMENTS documents (or BATCH_CHARS characters of their
text, whichever comes first), appends them to the building warehouse in one
go, then lets them go. So a refresh's memory is bounded by the batch and the
largest document, never by the corpus.

The data checks run once every batch is in, over the documents this refresh
extracted, a thousand at a time (check_extracted): DuckDB runs them on both
cores once the extraction workers are done, instead of once per batch while
they compete for the cores. Reused documents passed the same checks
when they were published: the extraction key that let them be reused digests
etl/*.py, checks.py included, and the catalogs. `make check` still checks
everything.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from etl.records import Extracted
from etl.warehouse import checks, load

BATCH_DOCUMENTS = 64
BATCH_CHARS = 8_000_000  # about 30 MB of text as Python strings
BUILD_MEMORY_LIMIT = "384MB"  # DuckDB's own memory while building; it spills to disk beyond it
CHECK_DOCUMENTS = 1000  # documents checked at a time
MAX_PROBLEMS = 20  # lines of failed checks kept for the message: the first are enough to act on


class BatchWriter:
    """Append documents with their figures to `con` in batches."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.held: list[Extracted] = []
        self.chars = 0
        self.extracted: list[str] = []  # doc_ids appended so far, in order

    def add(self, document: Extracted) -> None:
        self.held.append(document)
        self.chars += document.n_chars
        if len(self.held) >= BATCH_DOCUMENTS or self.chars >= BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        """Append the documents held and let them go."""
        if not self.held:
            return
        load.insert_documents(self.con, pa.concat_tables([d.documents for d in self.held]))
        load.insert_figures(self.con, pa.concat_tables([d.figures for d in self.held]))
        self.extracted += [d.doc_id for d in self.held]
        self.held, self.chars = [], 0


def check_extracted(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> list[str]:
    """The data checks over the documents `doc_ids` of the build, CHECK_DOCUMENTS at a time.

    A chunk at a time keeps DuckDB within its memory limit. The checks of the
    documents' text were made by the workers (checks.TEXT_CHECKS).
    """
    problems: list[str] = []
    for start in range(0, len(doc_ids), CHECK_DOCUMENTS):
        chunk = doc_ids[start : start + CHECK_DOCUMENTS]
        con.register("checked_ids", pa.table({"doc_id": pa.array(chunk, pa.string())}))
        try:
            for table in ("documents", "figures"):
                con.execute(
                    f"create or replace temp view checked_{table} as "
                    f"select * from core.{table} where doc_id in (select doc_id from checked_ids)"
                )
            problems += checks.run_checks(
                con, documents="checked_documents", figures="checked_figures", skip=checks.TEXT_CHECKS
            )
        finally:
            for table in ("documents", "figures"):
                con.execute(f"drop view if exists checked_{table}")
            con.unregister("checked_ids")
        if len(problems) >= MAX_PROBLEMS:
            return problems[:MAX_PROBLEMS]
    return problems
