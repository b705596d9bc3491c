"""A refresh: a folder of reports becomes a published warehouse, or nothing changes.

The new warehouse is built in a temporary file beside the target, checked,
checkpointed and renamed over the old one. A failure at any point, a SIGKILL
or a full disk included, leaves the last good warehouse as it was: the old
file is only ever opened read-only, and a reader that holds it open keeps
seeing it whole. Documents whose bytes and extraction inputs are unchanged
are copied from the previous warehouse instead of re-read.

Only a zhibiao warehouse is ever replaced (previous.py), never while another
program writes to it (locks.py). What to extract is planned by plan.py; a
document is extracted in workers.py (and etl.rules.pipeline). This module runs
the steps of a build, in order: extract and load (batches.py, load.py), series
(etl.series.store), views (views.py), checks (checks.py); it guards against
loss (previous.py) and publishes (publish.py).
"""

from __future__ import annotations

import hashlib
import logging
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import duckdb

from etl import SQL_DIR, __version__
from etl.catalog import CATALOG_DIR, load_catalog
from etl.records import Source
from etl.series import store as series
from etl.text.sources import display_name, read_folder
from etl.warehouse import (
    batches,
    build,
    checks,
    clone,
    incremental,
    load,
    locks,
    previous,
    publish,
    schema,
    talk,
    views,
)
from etl.warehouse.errors import RefreshError, is_interruption
from etl.warehouse.plan import is_unchanged, plan, restamped, touched
from etl.warehouse.previous import ELSEWHERE, guard_against_loss, guard_foreign, listing
from etl.warehouse.workers import WorkerDied, extract_all, loads_arrow

__all__ = ["RefreshError", "RefreshInterrupted", "RefreshResult", "code_version", "refresh"]

log = logging.getLogger("zhibiao")

UNCHANGED = "the previous warehouse is unchanged"
NOTHING_WRITTEN = "no warehouse was written"
PUBLISHED = "the new warehouse was published"


class RefreshInterrupted(KeyboardInterrupt):
    """Ctrl-C during a refresh; str() is what it left, truly: UNCHANGED, NOTHING_WRITTEN or PUBLISHED."""


@dataclass
class RefreshResult:
    db: Path
    n_documents: int = 0
    n_figures: int = 0
    extracted: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    up_to_date: bool = False  # nothing changed: the warehouse was left as it was


@cache
def code_version() -> str:
    """The package version and a digest of the code that builds the warehouse.

    The code is etl/**/*.py with the tables and build steps of sql/core/ and
    sql/build/ (the views have their own digests, views.view_digest). Taken
    once per process: the code that runs is the code that was imported, even
    if a file is edited while a refresh is under way.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    for path in sorted([*SQL_DIR.glob("core/*.sql"), *SQL_DIR.glob("build/*.sql")]):
        digest.update(path.relative_to(SQL_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _fresh_catalog(catalog_dir: Path):
    # load_catalog caches per folder; an analyst may have edited a CSV since.
    load_catalog.cache_clear()
    return load_catalog(Path(catalog_dir))


def outcome_note(db: Path) -> str:
    """What a failed refresh leaves: the previous warehouse, or none at all."""
    return UNCHANGED if db.exists() else NOTHING_WRITTEN


def refresh(
    sources_dir: Path,
    db: Path,
    *,
    keep_going: bool = False,
    force: bool = False,
    full: bool = False,
    progress: bool | None = None,
    catalog_dir: Path = CATALOG_DIR,
) -> RefreshResult:
    """Build `db` from the reports in `sources_dir`; raise RefreshError, publishing nothing, on any failure.

    Ctrl-C anywhere (DuckDB's "Query interrupted" included) raises RefreshInterrupted,
    which says truly whether the new warehouse was published.
    """
    sources_dir, db, catalog_dir = Path(sources_dir), Path(db), Path(catalog_dir)
    if not db.name or db.is_dir():  # '', '.', '/' or any folder: no file to build beside
        raise RefreshError(f"{db} is a folder, not a warehouse file; {ELSEWHERE}")
    note = outcome_note(db)
    swapped: list[bool] = []  # set once the new warehouse is in place
    try:
        return _locked(sources_dir, db, keep_going, force, full, progress, catalog_dir, swapped)
    except RefreshInterrupted:
        raise
    except (KeyboardInterrupt, duckdb.InterruptException, RuntimeError) as err:
        if not is_interruption(err):
            raise
        raise RefreshInterrupted(PUBLISHED if swapped else note) from None


def _locked(sources_dir, db, keep_going, force, full, progress, catalog_dir, swapped) -> RefreshResult:
    if db.is_symlink():
        db = db.resolve()  # replace the file where it lives and keep the link
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        lock = locks.refresh_lock(db)
    except OSError as err:
        raise RefreshError(f"{db.parent}: cannot write there ({err}); nothing was published") from err
    try:
        published = previous.inspect(db)  # a zhibiao warehouse's documents, None: nothing; refused otherwise
        with locks.no_writers(db) if published is not None else nullcontext(), talk.collapsed_warnings():
            return _refresh(sources_dir, db, published, keep_going, force, full, progress, catalog_dir, swapped)
    finally:
        locks.release(lock)


def _refresh(sources_dir, db, published, keep_going, force, full, progress, catalog_dir, swapped) -> RefreshResult:
    if published is not None and published.foreign:
        guard_foreign(db, published.foreign, force)
    build.remove_stale_builds(db)  # before this refresh's own file is made beside the warehouse
    building = build.building_path(db)  # a new name no one could guess: nothing is there to remove
    copy = clone.Copy(db, building) if published is not None and not full else None  # started on a change
    try:
        return _planned(
            sources_dir, db, published, keep_going, force, full, progress, catalog_dir, swapped, building, copy
        )
    finally:
        if copy is not None:
            copy.cancel()  # stopped and removed if no build took it


def _planned(sources_dir, db, published, keep_going, force, full, progress, catalog_dir, swapped, building, copy):
    had = published is not None
    note = UNCHANGED if had else NOTHING_WRITTEN
    speak = talk.Talk(progress)  # each phase that may take a while shows its progress (talk.py)
    with speak.phase("reading the reports"):
        # Problems are collected, not raised at once, so that one run lists every bad file.
        early = None if copy is None else lambda found: restamped(published.documents, found) and copy.start()
        sources, errors, stamps = read_folder(sources_dir, early)  # a file restamped: copied meanwhile
        if copy is not None and touched(sources, published.documents, stamps):
            copy.start()  # copied while the catalog is read and the plan made
        catalog = _fresh_catalog(catalog_dir)
        key = f"{code_version()}/{catalog.version}"
        todo = plan(sources_dir, sources, published.documents if had and not full else {}, key, errors, stamps)
    result = RefreshResult(db=db, reused=todo.reuse)
    unchanged = had and not full and not todo.todo and not errors and is_unchanged(db, published, todo.reuse)
    if unchanged and previous.views_as_built(db):  # a view changed by hand is built again
        return _up_to_date(db, catalog, result)
    try:
        with speak.phase("copying the published warehouse" if todo.reuse else "starting the build"):
            con, scoped, cloned = _start_build(building, db, had, todo, catalog.version, copy)
        try:
            # The steps of a build: extract and load, series, views, checks; then it is recorded and written out.
            log.info("extracting %d document(s), reusing %d unchanged", len(todo.todo), len(todo.reuse))
            extracted = _extract_and_load(con, todo.todo, sources_dir, catalog_dir, key, progress, errors)
            if errors and not keep_going:
                raise RefreshError(listing(errors, f"the refresh stopped; {note}"))
            if not cloned:  # written whole: the next refresh appends to a row group of its own
                build.fill_row_group(con)
            if not scoped:  # a build of the clone's catalog keeps its rows (build.keep_only)
                load.insert_catalog(con, catalog)  # the series, views and checks read the metrics and programmes
            with speak.phase("lining up the series"):
                if scoped:  # only the series of the publishers whose documents changed are made again
                    incremental.write_series(con, catalog.directory, extracted)
                else:
                    series.write_series(con, catalog.directory)
            views.create_views(con)
            with speak.phase("checking"):
                problems = checks.check_build(con, extracted)
            if problems:
                raise RefreshError(listing(problems, f"data checks failed; {note}"))
            if had:
                with speak.phase("comparing with the published warehouse"):
                    # Only the documents extracted are counted: the others are the published rows.
                    guard_against_loss(con, db, force, errors, build.note_extracted(con, extracted))
            with speak.phase("writing the warehouse"):
                build.record_build(con, code_version(), catalog.version, display_name(str(sources_dir)), extracted)
                result.n_documents, result.n_figures = con.execute(
                    "select (select count(*) from core.documents), (select count(*) from core.figures)"
                ).fetchone()
                con.execute("checkpoint")
        finally:
            con.close()
        with publish.held_off_interrupts():  # a Ctrl-C now is raised once the rename is done, and says so
            publish.publish(building, db)
            swapped.append(True)
        log.info("published %s", db)
    except WorkerDied as err:
        raise RefreshError(f"{err}; {note}") from err
    except (duckdb.InterruptException, RuntimeError) as err:
        # Before duckdb.Error below: a Ctrl-C that reached DuckDB mid-query is a Ctrl-C, not a failed build.
        if not is_interruption(err):
            raise
        raise KeyboardInterrupt from err
    except (OSError, duckdb.Error) as err:
        # A full disk, a read-only folder, a damaged previous warehouse: nothing was published.
        raise RefreshError(f"the new warehouse could not be built ({err}); {note}") from err
    finally:
        build.remove(building)
    result.extracted, result.failed = extracted, [str(e) for e in errors]
    return result  # with --keep-going, result.failed lists the files that were not loaded


def _start_build(building: Path, db: Path, had: bool, todo, catalog_version: str, copy):
    """A connection to a new build holding the unchanged documents (todo.reuse) of `db` and its history,
    whether it also holds the series of `db` (incremental.py: only the changed publishers' are made again),
    and whether it started as a copy of `db` (`copy`, a clone.Copy under way, or None), much faster than re-inserting
    their rows (load.copy_unchanged). A build loading Arrow imports what that imports meanwhile (clone.Copy.wait)."""
    reuse, arrow = todo.reuse, loads_arrow(len(todo.todo))
    cloned = bool(reuse) and copy is not None and copy.wait(imports=arrow)
    if copy is not None and not cloned:
        copy.cancel()  # removed before a build is made afresh at its name
    # DuckDB caches the blocks it wrote up to its memory limit: bounded here, memory does not grow with the warehouse.
    con = build.open_build(building, batches.BUILD_MEMORY_LIMIT)
    scoped = False
    try:
        if cloned:
            scoped = incremental.possible(con, code_version(), catalog_version)
            build.keep_only(con, reuse, keep_series=scoped)
        else:
            schema.create_schema(con)
            if had:
                build.copy_history(con, db)
        log.info("building %s", building)
        if not cloned:
            load.copy_unchanged(con, db, reuse)
    except BaseException:
        con.close()
        raise
    return con, scoped, cloned


def _extract_and_load(con, todo: list[Source], sources_dir: Path, catalog_dir: Path, key: str, progress, errors):
    """Extract `todo` in workers and stream their rows into the build (batches.py); the doc_ids loaded.

    A file that was not loaded is added to `errors`, naming it.
    """
    writer = batches.BatchWriter(con)
    for source, outcome in extract_all(todo, sources_dir, catalog_dir, key, progress):
        writer.take(sources_dir / source.file, outcome, errors)
    writer.flush()
    con.execute("reset threads")  # the workers are done: the series, checks and checkpoint have the cores
    return writer.extracted


def _up_to_date(db: Path, catalog, result: RefreshResult) -> RefreshResult:
    """Nothing changed since the last build: the warehouse is left as it is, not written at all.

    Its tables, series and views are what a build would make again, and its
    last build in v1.builds is still the one that made it. The warnings of a
    build (publishers no rule knows) are said once more.
    """
    con = duckdb.connect(str(db), read_only=True)
    try:
        series.warn_of_publishers(con, catalog.directory)
        result.n_documents, result.n_figures = con.execute(
            "select (select count(*) from core.documents), (select count(*) from core.figures)"
        ).fetchone()
    finally:
        con.close()
    result.up_to_date = True
    log.info("%s is up to date: nothing changed since its last build", db)
    return result
