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
        self.checking = duckdb.connect()  # in memory: one batch at a time
        load.create_schema(self.checking)
        load.insert_catalog(self.checking, catalog)

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
        for con in (self.con, self.checking):
            load.insert_documents(con, documents, self.key)
            load.insert_figures(con, figures)
        if len(self.problems) < MAX_PROBLEMS:
            self.problems += checks.run_checks(self.checking)[: MAX_PROBLEMS - len(self.problems)]
        self.checking.execute("delete from core.figures")
        self.checking.execute("delete from core.documents")
        self.extracted += [d.doc_id for d in self.documents]
        self.documents, self.figures, self.chars = [], [], 0

    def close(self) -> None:
        self.checking.close()
