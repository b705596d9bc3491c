"""A folder of reports to the list of sources to load, read with its manifest.

`manifest.csv` (file,doc_id,title,publisher,published_on,report_year) says
what each file is; every column but `file` may be empty. A file without a row
still loads, with its doc_id from the file name and its report year read from
the text, and the refresh log says so.
"""

from __future__ import annotations

import csv
import io
import logging
import re
from datetime import date
from pathlib import Path

from .decode import DecodeError, decode
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
    where_listed: dict[str, str] = {}
    refused: set[str] = set()
    manifest = folder / MANIFEST
    if manifest.exists():
        for line, row in _manifest_rows(manifest):
            where = f"{manifest}:{line}"
            try:
                source = _source_from_row(row, where)
            except SourceError as err:
                errors.append(err)
                refused.add(row.get("file", ""))  # not loaded under a made-up doc_id either
                continue
            if source.file in listed:
                errors.append(SourceError(f"{where}: {source.file} is already listed at {where_listed[source.file]}"))
                continue
            if not (folder / source.file).is_file():
                errors.append(SourceError(f"{where}: names {source.file}, which is not in {folder}"))
                continue
            listed[source.file] = source
            where_listed[source.file] = where
    sources = list(listed.values())
    for path in sorted(folder.iterdir()):
        if path.name == MANIFEST or path.name.startswith(".") or not path.is_file():
            continue
        if path.name in listed or path.name in refused:
            continue
        if path.suffix.lower() not in REPORT_SUFFIXES and path.suffix:
            log.warning("%s: skipped, not a report file (reports end in %s)", path, ", ".join(sorted(REPORT_SUFFIXES)))
            continue
        doc_id = _doc_id_from_name(path.name)
        log.info("%s: no manifest row; doc_id %s from the file name, report year from the text", path, doc_id)
        sources.append(Source(file=path.name, doc_id=doc_id))
        where_listed[path.name] = str(path)
    seen: dict[str, str] = {}
    unique: list[Source] = []
    for source in sources:
        where = where_listed[source.file]
        if source.doc_id in seen:
            errors.append(SourceError(f"{where}: doc_id {source.doc_id} is already used by {seen[source.doc_id]}"))
            continue
        seen[source.doc_id] = where
        unique.append(source)
    return unique, errors


def _manifest_rows(path: Path):
    """(line number, row) per manifest line; the manifest may be saved in any encoding decode() reads."""
    try:
        text = decode(path.read_bytes()).text
    except DecodeError as err:
        raise SourceError(f"{path}: the manifest cannot be read: {err}") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    fields = [f.strip() for f in reader.fieldnames or []]
    reader.fieldnames = fields
    if "file" not in fields:
        raise SourceError(f"{path}:1: the manifest lacks the column file (columns: {', '.join(MANIFEST_COLUMNS)})")
    unknown = [f for f in fields if f and f not in MANIFEST_COLUMNS]
    if unknown:
        log.warning(
            "%s:1: column(s) %s are not used (known: %s)", path, ", ".join(unknown), ", ".join(MANIFEST_COLUMNS)
        )
    for row in reader:
        # line_num counts physical lines read so far, so a quoted multi-line cell keeps numbers right.
        yield reader.line_num, {k: (v or "").strip() for k, v in row.items() if isinstance(k, str) and k}


def _source_from_row(row: dict[str, str], where: str) -> Source:
    file = row.get("file", "")
    if not file:
        raise SourceError(f"{where}: the file column is empty")
    if Path(file).is_absolute() or ".." in Path(file).parts:
        raise SourceError(f"{where}: file {file!r} must name a file inside the folder")
    year = row.get("report_year", "")
    if year and not (year.isdigit() and 1900 <= int(year) <= 2100):
        raise SourceError(f"{where}: report_year {year!r} is not a year (1900 to 2100)")
    published = row.get("published_on", "")
    if published:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
                raise ValueError
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
