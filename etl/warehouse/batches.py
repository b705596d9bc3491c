"""Extracted documents into the building warehouse in bounded batches.

A refresh hands each document to a BatchWriter as its extraction comes back,
already as Arrow rows (rows.extracted, made in the worker), or as tuples when
it was extracted in the refresh's own process (rows.Rows: a few documents,
loaded through etl/series/few_rows.py without importing pandas). The writer
holds at most BATCH_DOCUMENTS documents (or BATCH_CHARS characters of their
text, whichever comes first), appends them to the building warehouse in one
go, then lets them go. So a refresh's memory is bounded by the batch and the
largest document, never by the corpus.

The data checks run once every batch is in, over the documents this refresh
extracted (checks.check_build): DuckDB runs them on both cores once the
extraction workers are done, instead of once per batch while they compete
for the cores.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pyarrow as pa

from etl.records import Extracted
from etl.text.sources import SourceError
from etl.warehouse import load
from etl.warehouse.rows import Rows, document_rows_table, figures_table

log = logging.getLogger("zhibiao")

BATCH_DOCUMENTS = 64
BATCH_CHARS = 8_000_000  # about 30 MB of text as Python strings
BUILD_MEMORY_LIMIT = "384MB"  # DuckDB's own memory while building; it spills to disk beyond it


class BatchWriter:
    """Append documents with their figures to `con` in batches."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.held: list[Extracted] = []
        self.chars = 0
        self.extracted: list[str] = []  # doc_ids appended so far, in order

    def take(self, path: Path, outcome, errors: list) -> None:
        """One document's extraction (workers.process_one): its rows added, or its file named in `errors`
        with why it was not loaded."""
        if isinstance(outcome, SourceError):
            errors.append(outcome)
            return
        if isinstance(outcome, str):
            errors.append(SourceError(f"{path}: {outcome}"))
            return
        if outcome.report_year_inferred:
            log.info("%s: report_year %s inferred from the text", path, outcome.report_year)
        if not len(outcome.figures):
            log.warning("%s: no figures found (loaded as %s); is it a report?", path, outcome.doc_id)
        self.add(outcome)

    def add(self, document: Extracted | Rows) -> None:
        self.held.append(document)
        self.chars += document.n_chars
        if len(self.held) >= BATCH_DOCUMENTS or self.chars >= BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        """Append the documents held and let them go."""
        if not self.held:
            return
        if all(isinstance(d, Rows) for d in self.held):  # extracted here: as tuples, without Arrow
            load.insert_document_rows(self.con, [row for d in self.held for row in d.documents])
            load.insert_figures(self.con, [figure for d in self.held for figure in d.figures])
        else:
            load.insert_documents(self.con, pa.concat_tables([_arrow(d)[0] for d in self.held]))
            load.insert_figures(self.con, pa.concat_tables([_arrow(d)[1] for d in self.held]))
        self.extracted += [d.doc_id for d in self.held]
        self.held, self.chars = [], 0


def _arrow(document: Extracted | Rows) -> tuple[pa.Table, pa.Table]:
    """A document's rows as Arrow tables (its documents row, its figures)."""
    if isinstance(document, Rows):
        return document_rows_table(document.documents), figures_table(document.figures)
    return document.documents, document.figures
