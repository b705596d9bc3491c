"""Extracted documents into the building warehouse in bounded batches.

A refresh hands each document to a BatchWriter as its extraction comes back,
already as Arrow rows (rows.extracted, made in the worker). The writer
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
        if not outcome.figures.num_rows:
            log.warning("%s: no figures found (loaded as %s); is it a report?", path, outcome.doc_id)
        self.add(outcome)

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
