"""One raw report to its document record and its figures: the pure part of a refresh.

raw bytes -> decode -> normalise -> sentences -> mentions -> figures -> facts.
Nothing here touches the disk or the warehouse: every word, publisher rule
included, comes from the Catalog passed in (a caller that passes none gets
data/catalog, read once by load_catalog). cli.py and the warehouse do the I/O.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager

from etl.catalog import Catalog, load_catalog
from etl.records import Document, Figure, Source
from etl.rules import publishers
from etl.rules.classify import classify
from etl.rules.dedupe import deduplicate
from etl.rules.mentions import find_mentions
from etl.rules.structure import infer_report_year, report_parts
from etl.rules.tables import table_cells, with_labels
from etl.text.decode import decode
from etl.text.normalize import normalize
from etl.text.sentences import split_sentences

__all__ = ["process"]

# Reading a report makes hundreds of thousands of short-lived records and next to no cycles, so the
# cyclic collector, run by default every 700 allocations, finds nothing; run every 20,000 while
# a report is read, it costs about 1% of extraction less (measured in instructions).
ALLOCATIONS_PER_COLLECTION = 20000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """The young generation collected every ALLOCATIONS_PER_COLLECTION allocations, not more often,
    for the time of the block; the thresholds as they were after it (a collector turned off, 0, stays off)."""
    before = gc.get_threshold()
    if 0 < before[0] < ALLOCATIONS_PER_COLLECTION:
        gc.set_threshold(ALLOCATIONS_PER_COLLECTION, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def process(source: Source, raw: bytes, catalog: Catalog | None = None) -> tuple[Document, list[Figure]]:
    """Decode and read one report; raises decode.DecodeError for a file that is not text."""
    with fewer_collections():
        return _process(source, raw, catalog or load_catalog())


def _process(source: Source, raw: bytes, catalog: Catalog) -> tuple[Document, list[Figure]]:
    decoded = decode(raw)
    text = normalize(decoded.text)
    report_year = source.report_year
    inferred = report_year is None
    if inferred:
        report_year = infer_report_year(text, catalog)
    document = Document(
        doc_id=source.doc_id,
        file=source.file,
        title=source.title,
        publisher=source.publisher,
        published_on=source.published_on,
        report_year=report_year,
        report_year_inferred=inferred,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=decoded.encoding,
        n_chars=len(text),
        text=text,
    )
    # The words are read in simplified script, the numbers in plain numeral forms; a figure quotes the text.
    scan, numerals = catalog.simplified_and_plain(text)
    sentences = split_sentences(scan)
    mentions = find_mentions(scan, catalog, numerals)
    cells, labels = table_cells(numerals, catalog)  # a table written as text: its header says the measure words
    if cells:
        mentions = sorted(mentions + cells)
    parts = report_parts(scan, report_year, catalog)
    scope = publishers.metric_scope_of(source.publisher, catalog)
    delivered = delivery_year(source.published_on, report_year)  # the year 今年 names
    figures = classify(source.doc_id, scan, sentences, mentions, parts, report_year, catalog, scope, delivered)
    figures = deduplicate(with_labels(figures, labels))
    if scan is not text:
        figures = [as_written(figure, text) for figure in figures]
    return document, figures


def as_written(figure: Figure, text: str) -> Figure:
    """A figure read from the simplified form of a traditional text quotes the text as written."""
    return figure._replace(
        surface=text[figure.char_start : figure.char_end],
        sentence=text[figure.sentence_start : figure.sentence_end],
    )


def delivery_year(published_on: str | None, report_year: int | None) -> int | None:
    """The year a report was given, which its 今年 names: published_on's (YYYY-MM-DD, checked by the
    manifest's reader), when it is the year reviewed or the one after. Another date is a page's
    posting or a reprint's, no delivery: 今年 is then left to the context, as without a date."""
    given = (published_on or "")[:4]
    if not given.isdigit() or report_year is None or not report_year <= int(given) <= report_year + 1:
        return None
    return int(given)
