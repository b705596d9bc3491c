"""What a refresh extracts: the reports read again, those reused as the published warehouse holds them.

A document is reused when its file's bytes, its manifest row and the
extraction key (the code and catalog versions) are what the published
warehouse recorded. A file with the size and modification time it was read
with is not even hashed; a file whose stamp changed is hashed, one at a time.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from etl.records import Source
from etl.text.sources import SourceError, file_stamp, read_report
from etl.warehouse.previous import Published
from etl.warehouse.views import current_view_versions


@dataclass(frozen=True)
class Plan:
    reuse: list[str]  # doc_ids carried as they are
    todo: list[Source]  # documents to extract


def plan(
    sources_dir: Path, sources: list[Source], before: dict, key: str, errors: list, stamps: dict | None = None
) -> Plan:
    """Which of `sources` to reuse and which to extract, against `before` (previous.Published.documents).

    `stamps` are the files' stamps as the folder was listed (sources.read_folder); without them each
    file is looked at again (file_stamp). A file that cannot be read to be hashed is added to `errors`,
    and neither reused nor extracted.
    """
    reuse: list[str] = []
    todo: list[Source] = []
    for source in sources:
        was, manifest = before.get(source.doc_id), _manifest_fields(source)
        if was is None:
            todo.append(source)  # new, or a full refresh: nothing to compare its bytes with
            continue
        stamp = stamps[source.file] if stamps is not None else file_stamp(sources_dir, source.file)
        if was[1:] == (key, manifest, stamp):
            reuse.append(source.doc_id)  # the file has the size and time it was read with: not hashed
            continue
        try:
            sha = _sha256(sources_dir, source.file)  # one file at a time: the raws are not kept
        except SourceError as err:
            errors.append(err)
            continue
        if was[:3] == (sha, key, manifest):
            reuse.append(source.doc_id)
        else:
            todo.append(source)
    return Plan(reuse, todo)


def touched(sources: list[Source], before: dict, stamps: dict) -> bool:
    """Does the folder show a change against `before` (previous.Published.documents): a document added or
    gone, or a file whose stamp or manifest row is not the one it was read with? Without one, a build
    follows only from a changed code or catalog version (plan says), or a view changed by hand."""
    if len(sources) != len(before):
        return True
    for source in sources:
        was = before.get(source.doc_id)
        if was is None or was[2:] != (_manifest_fields(source), stamps[source.file]):
            return True
    return False


def restamped(before: dict, stamps: dict[str, tuple[int, int]]) -> bool:
    """Does a plain file a document of `before` (previous.Published.documents) was read from show another stamp, or
    none, in the folder's listing (`stamps`, by shown name: sources.read_folder's `listed`)? Known before the
    manifest is read; `touched` says the rest (documents added, manifest rows changed)."""
    return any(was[3] is not None and stamps.get(was[2][0]) != was[3] for was in before.values())


def is_unchanged(db: Path, published: Published, reuse: list[str]) -> bool:
    """Would a build be the published warehouse again: the same documents, code, catalogs and views,
    and no .wal beside it (a build clears one)?"""
    return (
        not published.foreign
        and not db.with_name(db.name + ".wal").exists()
        and len(reuse) == len(published.documents)
        and set(reuse) == published.documents.keys()
        and published.view_versions == current_view_versions()
    )


def _sha256(folder: Path, name: str) -> str:
    """The SHA-256 of a report file's bytes, read with the same care as for extraction."""
    return hashlib.sha256(read_report(folder, name)).hexdigest()


def _manifest_fields(source: Source) -> tuple:
    return (source.file, source.title, source.publisher, source.published_on, source.report_year)
