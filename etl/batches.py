"""Extracted documents into the building warehouse in bounded batches, each checked as it goes in.

A refresh hands each document to a BatchWriter as its extraction comes back.
The writer holds at most BATCH_DOCUMENTS documents (or BATCH_CHARS characters
of their text, whichever comes first) with their figures, converts them to
Arrow once, appends them to the building warehouse and to an in-memory one
where the data checks run on them, then lets them go. So a refresh's memory is
bounded by the batch and the largest document, never by the corpus.

Every data check is about the rows of one document (its offsets, its
breakdowns, its facts, its parents, against the catalogs), so checking batch
by batch finds what checking the whole build would. Reused documents passed
the same checks when they were published: the extraction key that let them be
reused digests etl/*.py, checks.py included, and the catalogs. `make check`
still checks everything.
"""

from __future__ import annotations

import duckdb

from . import checks, load
from .arrow_rows import documents_table, figures_table
from .catalog import Catalog
from .records import Document, Figure

BATCH_DOCUMENTS = 64
BATCH_CHARS = 8_000_000  # about 30 MB of text as Python strings
BUILD_MEMORY_LIMIT = "384MB"  # DuckDB's own memory while building; it spills to disk beyond it
MAX_PROBLEMS = 20  # lines of failed checks kept for the message; the first batches' are enough to act on


class BatchWriter:
    """Append documents with their figures to `con` in batches; `problems` lists what the checks refused."""

    def __init__(self, con: duckdb.DuckDBPyConnection, catalog: Catalog, extraction_key: str) -> None:
        self.con = con
        self.key = extraction_key
        self.documents: list[Document] = []
        self.figures: list[Figure] = []
        self.chars = 0
        self.extracted: list[str] = []  # doc_ids appended so far, in order
        self.problems: list[str] = []
        self.catalog = catalog

    def add(self, document: Document, figures: list[Figure]) -> None:
        self.documents.append(document)
        self.figures.extend(figures)
        self.chars += document.n_chars
        if len(self.documents) >= BATCH_DOCUMENTS or self.chars >= BATCH_CHARS:
            self.flush()

    def flush(self) -> None:
        """Append the documents held, check them, and let them go."""
        if not self.documents:
            return
        documents = documents_table(self.documents, self.key)
        figures = figures_table(self.figures)
        load.insert_documents(self.con, documents, self.key)
        load.insert_figures(self.con, figures)
        # A new in-memory database per batch: deleting rows would not give their memory back.
        checking = duckdb.connect()
        try:
            load.create_schema(checking)
            load.insert_catalog(checking, self.catalog)
            load.insert_documents(checking, documents, self.key)
            load.insert_figures(checking, figures)
            if len(self.problems) < MAX_PROBLEMS:
                self.problems += checks.run_checks(checking)[: MAX_PROBLEMS - len(self.problems)]
        finally:
            checking.close()
        self.extracted += [d.doc_id for d in self.documents]
        self.documents, self.figures, self.chars = [], [], 0
