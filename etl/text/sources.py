"""A folder of reports to the list of sources to load, read with its manifest.

`manifest.csv` (file,doc_id,title,publisher,published_on,report_year, see
manifest.py) says what each file is. A file without a row still loads, with
its doc_id from the file name and its report year read from the text, and
the refresh warns of it.

Only regular files inside the folder are read, after resolving links: a link
to /etc/passwd, a linked folder, a FIFO or a device is named and refused. A
file name that is not UTF-8 (a GBK name from a Windows zip) is shown, and
gives its doc_id, as GB18030.
"""

from __future__ import annotations

import logging
import os
import stat
from datetime import date
from pathlib import Path

from etl.records import Source
from etl.text import decode
from etl.text.manifest import (
    MANIFEST,
    MANIFEST_COLUMNS,
    REPORT_SUFFIXES,
    ManifestError,
    doc_id_from_name,
    printable,
    read_manifest,
)

__all__ = [
    "MANIFEST",
    "MANIFEST_COLUMNS",
    "REPORT_SUFFIXES",
    "SourceError",
    "file_stamp",
    "read_report",
    "read_sources",
    "read_stamped",
]

log = logging.getLogger("zhibiao")

DOCUMENT_SUFFIXES = {".pdf", ".doc", ".docx", ".wps", ".rtf", ".odt", ".xls", ".xlsx", ".pages"}
MAX_UNLISTED_WARNINGS = 10  # files without a manifest row named one by one; the rest in one line


class SourceError(ValueError):
    """A problem with one file or manifest line; the message names it."""


def read_sources(folder: Path) -> tuple[list[Source], list[SourceError]]:
    """The sources in `folder`, and one error per bad manifest line or file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(f"{folder}: not a folder of reports; name the folder with --sources (make refresh SOURCES=)")
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
            problem = _not_a_report_file(folder, row.file)
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
    for name, real in _entries(folder):
        path = folder / real
        if name == MANIFEST or name.startswith(".") or name in listed or name in refused:
            continue
        if path.is_dir():
            continue  # a folder of originals, say: never read unless the manifest names a file in it
        if path.suffix.lower() not in REPORT_SUFFIXES and path.suffix:
            hint = "; to load it, save it as plain text (.txt)" if path.suffix.lower() in DOCUMENT_SUFFIXES else ""
            log.warning(
                "%s: skipped, not a report file (reports end in %s)%s",
                folder / name,
                ", ".join(sorted(REPORT_SUFFIXES)),
                hint,
            )
            continue
        problem = _not_a_report_file(folder, name)
        if problem:
            errors.append(SourceError(f"{folder / name}: {problem}"))
            continue
        doc_id = doc_id_from_name(name)
        unlisted.append(
            f"{folder / name}: no manifest row; loaded as doc_id {doc_id}, its report year read from the text"
        )
        sources.append(Source(file=name, doc_id=doc_id))
        where_listed[name] = str(folder / name)
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
    return unique, errors


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


def _entries(folder: Path) -> list[tuple[str, str]]:
    """(shown name, name on disk) of each entry of the folder, by shown name."""
    return sorted((display_name(real), real) for real in os.listdir(folder))


def display_name(name: str) -> str:
    """A file name as text: a name that is not UTF-8 (GBK, from a Windows zip) read as GB18030;
    its control characters escaped (manifest.printable)."""
    try:
        name.encode("utf-8")
        return printable(name)
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return printable(raw.decode("gb18030"))
    except UnicodeDecodeError:
        return printable(raw.decode("utf-8", "backslashreplace"))


def _on_disk(folder: Path, name: str) -> Path:
    """The path of a shown name: the name itself, or the entry whose name shows as it."""
    path = folder / name
    if os.path.lexists(path) or "/" in name:
        return path
    for shown, real in _entries(folder):
        if shown == name:
            return folder / real
    return path


def _not_a_report_file(folder: Path, name: str) -> str:
    """Why `name` in `folder` is not read ('not in …', 'a link to … outside …'), or ''."""
    path = _on_disk(folder, name)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return f"not in {folder}; fix the name, or put the file there"
    except OSError as err:
        return f"cannot be read: {err.strerror}"
    if stat.S_ISREG(mode) and "/" not in name:
        return ""  # a plain file right in the folder: the common case, without resolving anything
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"a link to {os.readlink(path) if path.is_symlink() else 'a file'} that does not exist; fix or remove it"
    if not real.is_relative_to(folder.resolve()):
        return f"a link to {real}, outside {folder}; copy the file into the folder instead"
    mode = real.stat().st_mode
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device); copy the report into a file"
    return ""


def read_report(folder: Path, name: str) -> bytes:
    """The bytes of a report file of the folder; SourceError, naming it, when it is not one to read."""
    return read_stamped(folder, name)[0]


def file_stamp(folder: Path, name: str) -> tuple[int, int] | None:
    """(size, mtime in ns) of a plain report file, None for anything else (a link is hashed, and
    checked, every time): a refresh hashes only the files whose stamp differs from the one their
    document was read with."""
    try:
        info = os.lstat(_on_disk(Path(folder), name))
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode) and "/" not in name else None


def read_stamped(folder: Path, name: str) -> tuple[bytes, tuple[int, int]]:
    """The bytes of a report file of the folder and its stamp (size, mtime in ns) as it was read;
    SourceError, naming it, when it is not one to read.

    Checked again as it is opened (without following a last link, non-blocking,
    a regular file), so that a file swapped for a link or a FIFO since the
    folder was listed is not read either.
    """
    folder = Path(folder)
    shown = folder / name
    path = _on_disk(folder, name)
    if "/" in name or path.is_symlink():
        problem = _not_a_report_file(folder, name)
        if problem:
            raise SourceError(f"{shown}: {problem}")
        path = path.resolve()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        problem = _not_a_report_file(folder, name) or f"cannot be read: {err.strerror}"
        raise SourceError(f"{shown}: {problem}") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{shown}: {_not_a_report_file(folder, name) or 'not a regular file'}")
        if info.st_size > decode.MAX_BYTES:
            # Refused before reading, so a huge file cannot exhaust memory.
            raise SourceError(f"{shown}: {decode.TOO_LARGE}")
        try:
            return fh.read(decode.MAX_BYTES + 1), (info.st_size, info.st_mtime_ns)
        except OSError as err:
            raise SourceError(f"{shown}: cannot be read: {err.strerror}") from None
