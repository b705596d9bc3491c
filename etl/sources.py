"""A folder of reports to the list of sources to load, read with its manifest.

`manifest.csv` (file,doc_id,title,publisher,published_on,report_year) says
what each file is; every column but `file` may be empty. A file without a row
still loads, with its doc_id from the file name and its report year read from
the text, and the refresh log says so.
"""

from __future__ import annotations

import csv
import logging
import re
from datetime import date
from pathlib import Path

from .pipeline import Source

log = logging.getLogger("zhibiao")

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "doc_id", "title", "publisher", "published_on", "report_year")
REPORT_SUFFIXES = {".txt", ".htm", ".html", ".text", ".md"}


class SourceError(ValueError):
    """A problem with one file or manifest line; the message names it."""


def read_sources(folder: Path) -> tuple[list[Source], list[SourceError]]:
    """The sources in `folder`, and one error per bad manifest line or missing file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(f"{folder}: not a folder of reports")
    errors: list[SourceError] = []
    listed: dict[str, Source] = {}
    manifest = folder / MANIFEST
    if manifest.exists():
        for line, row in _manifest_rows(manifest):
            where = f"{manifest}:{line}"
            try:
                source = _source_from_row(row, where)
            except SourceError as err:
                errors.append(err)
                continue
            if not (folder / source.file).is_file():
                errors.append(SourceError(f"{where}: names {source.file}, which is not in {folder}"))
                continue
            listed[source.file] = source
    sources = list(listed.values())
    for path in sorted(folder.iterdir()):
        if path.name == MANIFEST or path.name.startswith(".") or not path.is_file():
            continue
        if path.name in listed:
            continue
        if path.suffix.lower() not in REPORT_SUFFIXES and path.suffix:
            log.info("%s: skipped, not a report file (%s)", path, path.suffix)
            continue
        doc_id = _doc_id_from_name(path.name)
        log.info("%s: no manifest row; doc_id %s from the file name, report year from the text", path, doc_id)
        sources.append(Source(file=path.name, doc_id=doc_id))
    seen: dict[str, str] = {}
    unique: list[Source] = []
    for source in sources:
        if source.doc_id in seen:
            errors.append(
                SourceError(f"{folder / source.file}: doc_id {source.doc_id} is already used by {seen[source.doc_id]}")
            )
            continue
        seen[source.doc_id] = source.file
        unique.append(source)
    return unique, errors


def _manifest_rows(path: Path):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in ("file",) if c not in (reader.fieldnames or [])]
        if missing:
            raise SourceError(f"{path}: the manifest lacks the column(s) {', '.join(missing)}")
        for number, row in enumerate(reader, start=2):
            yield number, {k: (v or "").strip() for k, v in row.items() if k}


def _source_from_row(row: dict[str, str], where: str) -> Source:
    file = row.get("file", "")
    if not file:
        raise SourceError(f"{where}: the file column is empty")
    year = row.get("report_year", "")
    if year and not (year.isdigit() and 1900 <= int(year) <= 2100):
        raise SourceError(f"{where}: report_year {year!r} is not a year")
    published = row.get("published_on", "")
    if published:
        try:
            date.fromisoformat(published)
        except ValueError:
            raise SourceError(f"{where}: published_on {published!r} is not a date (YYYY-MM-DD)") from None
    return Source(
        file=file,
        doc_id=row.get("doc_id") or _doc_id_from_name(file),
        title=row.get("title") or None,
        publisher=row.get("publisher") or None,
        published_on=published or None,
        report_year=int(year) if year else None,
    )


def _doc_id_from_name(name: str) -> str:
    stem = Path(name).stem
    return re.sub(r"[^\w\-]+", "-", stem).strip("-").lower() or "doc"
