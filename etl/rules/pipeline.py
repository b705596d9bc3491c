"""One raw report to its document record and its figures: the pure part of a refresh.

raw bytes -> decode -> normalise -> sentences -> mentions -> figures -> facts.
Nothing here touches the disk or the warehouse: every word, publisher rule
included, comes from the Catalog passed in (a caller that passes none gets
data/catalog, read once by load_catalog). cli.py and the warehouse do the I/O.
"""

from __future__ import annotations

import hashlib

from etl.catalog import Catalog, load_catalog
from etl.records import Document, Figure, Source
from etl.rules import publishers
from etl.rules.classify import classify
from etl.rules.dedupe import deduplicate
from etl.rules.mentions import find_mentions
from etl.rules.structure import infer_report_year, report_parts
from etl.text.decode import decode
from etl.text.normalize import normalize
from etl.text.sentences import split_sentences

__all__ = ["process"]


def process(source: Source, raw: bytes, catalog: Catalog | None = None) -> tuple[Document, list[Figure]]:
    """Decode and read one report; raises decode.DecodeError for a file that is not text."""
    catalog = catalog or load_catalog()
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
    parts = report_parts(scan, report_year, catalog)
    scope = publishers.metric_scope_of(source.publisher, catalog)
    given = (source.published_on or "")[:4]  # YYYY-MM-DD, checked by the manifest's reader
    delivered = int(given) if given.isdigit() else None  # the year 今年 names
    figures = deduplicate(
        classify(source.doc_id, scan, sentences, mentions, parts, report_year, catalog, scope, delivered)
    )
    if scan is not text:
        figures = [as_written(figure, text) for figure in figures]
    return document, figures


def as_written(figure: Figure, text: str) -> Figure:
    """A figure read from the simplified form of a traditional text quotes the text as written."""
    return figure._replace(
        surface=text[figure.char_start : figure.char_end],
        sentence=text[figure.sentence_start : figure.sentence_end],
    )
