"""One raw report to its document record and its figures: the pure part of a refresh.

raw bytes -> decode -> normalise -> sentences -> mentions -> figures -> facts.
Nothing here touches the disk or the warehouse; cli.py and load.py do.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .catalog import Catalog, load_catalog
from .classify import Figure, classify
from .decode import decode
from .dedupe import deduplicate
from .extract import find_mentions
from .normalize import normalize
from .periods import infer_report_year, report_parts
from .sentences import split_sentences


@dataclass(frozen=True)
class Source:
    """A raw report and what the manifest says of it (any field may be empty)."""

    file: str
    doc_id: str
    title: str | None = None
    publisher: str | None = None
    published_on: str | None = None
    report_year: int | None = None


@dataclass(frozen=True)
class Document:
    doc_id: str
    file: str
    title: str | None
    publisher: str | None
    published_on: str | None
    report_year: int | None
    report_year_inferred: bool
    sha256: str
    encoding: str
    n_chars: int
    text: str


def process(source: Source, raw: bytes, catalog: Catalog | None = None) -> tuple[Document, list[Figure]]:
    """Decode and read one report; raises decode.DecodeError for a file that is not text."""
    catalog = catalog or load_catalog()
    decoded = decode(raw)
    text = normalize(decoded.text)
    report_year = source.report_year
    inferred = report_year is None
    if inferred:
        report_year = infer_report_year(text)
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
    sentences = split_sentences(text)
    mentions = find_mentions(text, catalog)
    parts = report_parts(text, report_year)
    scope = catalog.scope_of(source.publisher)
    figures = classify(source.doc_id, text, sentences, mentions, parts, report_year, catalog, scope)
    return document, deduplicate(figures)
