"""A folder of reports to the list of sources to load, read with its manifest.

`manifest.csv` (file,doc_id,title,publisher,published_on,report_year, see
manifest.py) says what each file is. A file without a row still loads, with
its doc_id from the file name and its report year read from the text, and
the refresh warns of it.

Which files may be read, and how a name is shown, is files.py's: only regular
files inside the folder, after resolving links. The folder is listed once and
each plain file looked at once (read_folder also gives each source's stamp).
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple

from etl.records import Source
from etl.text import decode
from etl.text.files import Listing, display_name, file_stamp, not_a_report_file, on_disk, report_suffix
from etl.text.manifest import (
    MANIFEST,
    MANIFEST_COLUMNS,
    REPORT_SUFFIXES,
    ManifestError,
    doc_id_from_name,
    read_manifest,
)

__all__ = [
    "MANIFEST",
    "MANIFEST_COLUMNS",
    "REPORT_SUFFIXES",
    "Folder",
    "SourceError",
    "display_name",
    "file_stamp",
    "read_folder",
    "read_report",
    "read_sources",
    "read_stamped",
]

log = logging.getLogger("zhibiao")

DOCUMENT_SUFFIXES = {".pdf", ".doc", ".docx", ".wps", ".rtf", ".odt", ".xls", ".xlsx", ".pages"}
MAX_UNLISTED_WARNINGS = 10  # files without a manifest row named one by one; the rest in one line


class SourceError(ValueError):
    """A problem with one file or manifest line; the message names it."""


class Folder(NamedTuple):
    """A folder of reports as read: its sources, one error per bad manifest line or file, and the stamp of
    each source's file as the folder was listed (file_stamp: (size, mtime in ns) of a plain file, else None)."""

    sources: list[Source]
    errors: list[SourceError]
    stamps: dict[str, tuple[int, int] | None]


def read_sources(folder: Path) -> tuple[list[Source], list[SourceError]]:
    """The sources in `folder`, and one error per bad manifest line or file."""
    read = read_folder(folder)
    return read.sources, read.errors


def read_folder(folder: Path, listed: Callable[[dict[str, tuple[int, int]]], None] | None = None) -> Folder:
    """The sources in `folder`, the errors, and each source's stamp, the folder listed once.

    `listed`, when given, is called with the stamp of each plain file by its shown name (Listing.stamps) as
    soon as the folder is listed, before the manifest is read: a refresh starts copying the published
    warehouse then if a file it was built from changed.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(f"{folder}: not a folder of reports; name the folder with --sources (make refresh SOURCES=)")
    listing = Listing(folder)
    if listed is not None:
        listed(listing.stamps())
    errors: list[SourceError] = []
    listed: dict[str, Source] = {}
    where_listed: dict[str, str] = {}
    refused: set[str] = set()
    for row in _manifest(folder):
        problems = list(row.problems)
        if row.inside and row.file in listed:
            first = where_listed[row.file]
            errors.append(SourceError(f"{row.where}: {row.file} is already listed at {first}; keep one row per file"))
            continue
        if row.inside:
            problem = listing.not_a_report_file(row.file)
            if problem:
                problems.insert(0, f"names {row.file}, which is {problem}")
        if problems:
            # Every problem of the row in its one line; its file is not loaded under a made-up doc_id either.
            errors.append(SourceError(f"{row.where}: {'; '.join(problems)}"))
            refused.add(row.file)
            continue
        listed[row.file] = row.source
        where_listed[row.file] = row.where
    sources = list(listed.values())
    _warn_of_future_years(sources, where_listed)
    unlisted: list[str] = []
    for name, real in listing.shown:
        if name == MANIFEST or name.startswith(".") or name in listed or name in refused:
            continue
        if listing.is_dir(real):
            continue  # a folder of originals, say: never read unless the manifest names a file in it
        suffix = report_suffix(real)
        if suffix.lower() not in REPORT_SUFFIXES and suffix:
            hint = "; to load it, save it as plain text (.txt)" if suffix.lower() in DOCUMENT_SUFFIXES else ""
            log.warning(
                "%s: skipped, not a report file (reports end in %s)%s",
                folder / name,
                ", ".join(sorted(REPORT_SUFFIXES)),
                hint,
            )
            continue
        where = os.path.join(listing.base, name)  # as str(folder / name), without a Path per file
        problem = listing.not_a_report_file(name)
        if problem:
            errors.append(SourceError(f"{where}: {problem}"))
            continue
        doc_id = doc_id_from_name(name)
        unlisted.append(f"{where}: no manifest row; loaded as doc_id {doc_id}, its report year read from the text")
        sources.append(Source(file=name, doc_id=doc_id))
        where_listed[name] = where
    _warn_unlisted(unlisted, folder)
    if not sources and not errors:
        raise SourceError(
            f"{folder}: no reports here (files ending in {', '.join(sorted(REPORT_SUFFIXES))}); "
            "put the reports in it, or name the folder that holds them with --sources (make refresh SOURCES=)"
        )
    seen: dict[str, str] = {}
    unique: list[Source] = []
    for source in sources:
        where = where_listed[source.file]
        if source.doc_id in seen:
            errors.append(
                SourceError(
                    f"{where}: doc_id {source.doc_id} is already used by {seen[source.doc_id]}; "
                    f"give one of them another doc_id in {MANIFEST}"
                )
            )
            continue
        seen[source.doc_id] = where
        unique.append(source)
    return Folder(unique, errors, {source.file: listing.stamp(source.file) for source in unique})


def _manifest(folder: Path):
    """The manifest's rows, each with its problems; none without a manifest."""
    manifest = folder / MANIFEST
    if not os.path.lexists(manifest):
        return []
    try:
        return read_manifest(read_report(folder, MANIFEST), str(manifest))
    except ManifestError as err:
        raise SourceError(str(err)) from None


def _warn_of_future_years(sources: list[Source], where: dict[str, str]) -> None:
    """One warning for the manifest rows whose report year is after this year (a typo, 2062 for 2026):
    they load, since a clock may be wrong, but the series would place them in the future."""
    this_year = date.today().year
    future = [s for s in sources if s.report_year is not None and s.report_year > this_year]
    if future:
        more = f" (and {len(future) - 1} more rows)" if len(future) > 1 else ""
        log.warning(
            "%s: report_year %d is after this year (%d)%s; check it",
            where[future[0].file],
            future[0].report_year,
            this_year,
            more,
        )


def _warn_unlisted(unlisted: list[str], folder: Path) -> None:
    for line in unlisted[:MAX_UNLISTED_WARNINGS]:
        log.warning("%s", line)
    if len(unlisted) > MAX_UNLISTED_WARNINGS:
        log.warning(
            "%s: and %d more files without a manifest row; add rows to %s to say what each is",
            folder,
            len(unlisted) - MAX_UNLISTED_WARNINGS,
            folder / MANIFEST,
        )


def read_report(folder: Path, name: str) -> bytes:
    """The bytes of a report file of the folder; SourceError, naming it, when it is not one to read."""
    return read_stamped(folder, name)[0]


def read_stamped(folder: Path, name: str) -> tuple[bytes, tuple[int, int]]:
    """The bytes of a report file of the folder and its stamp (size, mtime in ns) as it was read;
    SourceError, naming it, when it is not one to read.

    Checked again as it is opened (without following a last link, non-blocking,
    a regular file), so that a file swapped for a link or a FIFO since the
    folder was listed is not read either.
    """
    folder = Path(folder)
    shown = folder / name
    path = on_disk(folder, name)
    if "/" in name or path.is_symlink():
        problem = not_a_report_file(folder, name)
        if problem:
            raise SourceError(f"{shown}: {problem}")
        path = path.resolve()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        problem = not_a_report_file(folder, name) or f"cannot be read: {err.strerror}"
        raise SourceError(f"{shown}: {problem}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{shown}: {not_a_report_file(folder, name) or 'not a regular file'}")
        if info.st_size > decode.MAX_BYTES:
            # Refused before reading, so a huge file cannot exhaust memory.
            raise SourceError(f"{shown}: {decode.TOO_LARGE}")
        try:
            return fh.read(decode.MAX_BYTES + 1), (info.st_size, info.st_mtime_ns)
        except OSError as err:
            raise SourceError(f"{shown}: cannot be read: {err.strerror}") from None
