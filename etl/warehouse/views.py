"""The versioned views analysts query, created in the order sql/views.txt declares.

Each view is one file, sql/<version>/<view>.sql, creating <version>.<view>.
sql/views.txt lists every view once, each after the views it reads (a v1
view may read a v2 one), and a build creates them in that order: a view file
it does not list, or a line without its file, stops the build with a message
saying so. Every build records each version with a digest of its view files
(view_versions), so that a warehouse says which views it holds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from etl import SQL_DIR

DECLARATION = "views.txt"  # in the sql folder


class ViewFilesError(ValueError):
    """sql/views.txt and the view files disagree: a view would be missing, or created out of order."""


def declared_views(sql_dir: Path = SQL_DIR) -> list[tuple[str, str]]:
    """(version, view) of every view, in the order sql/views.txt gives; raises ViewFilesError when it and the files disagree."""
    listing = sql_dir / DECLARATION
    declared = []
    for number, line in enumerate(listing.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("--"):
            continue
        version, dot, view = line.partition(".")
        if not dot or not _is_version(version) or not view.isidentifier():
            raise ViewFilesError(f"{listing}:{number}: {line!r} is not <version>.<view>, e.g. v1.figures")
        if (version, view) in declared:
            raise ViewFilesError(f"{listing}:{number}: {line} is listed twice")
        if not (sql_dir / version / f"{view}.sql").is_file():
            raise ViewFilesError(f"{listing}:{number}: {line} has no file {version}/{view}.sql")
        declared.append((version, view))
    unlisted = sorted(set(_view_files(sql_dir)) - set(declared))
    if unlisted:
        names = ", ".join(f"{version}/{view}.sql" for version, view in unlisted)
        raise ViewFilesError(f"{listing}: {names} not listed; add each after the views it reads")
    return declared


def create_views(con: duckdb.DuckDBPyConnection, sql_dir: Path = SQL_DIR) -> None:
    """Every view of every version, in the declared order."""
    views = declared_views(sql_dir)
    for version in sorted({version for version, _ in views}):
        con.execute(f"create schema if not exists {version}")
    for version, view in views:
        con.execute((sql_dir / version / f"{view}.sql").read_text(encoding="utf-8"))


def current_view_versions(sql_dir: Path = SQL_DIR) -> str:
    """v1@…,v2@…: each sql/vN folder with a digest of its view files, as a build records them."""
    return ",".join(f"{v}@{view_digest(v, sql_dir)}" for v in view_versions(sql_dir))


def view_versions(sql_dir: Path = SQL_DIR) -> list[str]:
    """The view versions: the sql/vN folders."""
    return sorted(p.name for p in sql_dir.iterdir() if p.is_dir() and _is_version(p.name))


def view_digest(version: str, sql_dir: Path = SQL_DIR) -> str:
    """A digest of a version's view files, so that a build says which views it created."""
    digest = hashlib.sha256()
    for path in sorted((sql_dir / version).glob("*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _view_files(sql_dir: Path) -> list[tuple[str, str]]:
    return [(version, path.stem) for version in view_versions(sql_dir) for path in (sql_dir / version).glob("*.sql")]


def _is_version(name: str) -> bool:
    return name.startswith("v") and name[1:].isdigit()
