"""A refresh: a folder of reports becomes a published warehouse, or nothing changes.

The new warehouse is built in a temporary file beside the target, checked,
checkpointed and renamed over the old one. A failure at any point, a SIGKILL
or a full disk included, leaves the last good warehouse as it was: the old
file is only ever opened read-only, and a reader that holds it open keeps
seeing it whole. Documents whose bytes and extraction inputs are unchanged
are copied from the previous warehouse instead of re-read.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import logging
import math
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO

import duckdb

from . import __version__, checks, decode, load
from .catalog import CATALOG_DIR, load_catalog
from .classify import Figure
from .decode import DecodeError
from .pipeline import Document, Source, process
from .sources import SourceError, read_sources

log = logging.getLogger("zhibiao")

PARALLEL_THRESHOLD = 16  # below this many changed documents, worker start-up costs more than it saves
MAX_FIGURE_DROP = 0.5  # a document losing more than this share of its figures needs --force
FORCE_HINT = "to publish anyway: python -m etl refresh --force (make refresh FORCE=1)"


class RefreshError(RuntimeError):
    """The refresh did not publish; the message lists every reason."""


@dataclass
class RefreshResult:
    db: Path
    n_documents: int = 0
    n_figures: int = 0
    extracted: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@cache
def code_version() -> str:
    """The package version and a digest of the code that decides figures.

    Taken once per process: the code that runs is the code that was imported,
    even if a file is edited while a refresh is under way.
    """
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def extraction_key(catalog_dir: Path = CATALOG_DIR) -> str:
    """What a document's figures depend on besides its bytes: the code and the catalogs."""
    return f"{code_version()}/{_fresh_catalog(catalog_dir).version}"


def _fresh_catalog(catalog_dir: Path):
    # load_catalog caches per folder; an analyst may have edited a CSV since.
    load_catalog.cache_clear()
    return load_catalog(Path(catalog_dir))


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
    """Build `db` from the reports in `sources_dir`; raise RefreshError, publishing nothing, on any failure."""
    sources_dir, db, catalog_dir = Path(sources_dir), Path(db), Path(catalog_dir)
    if db.is_symlink():
        db = db.resolve()  # replace the file where it lives and keep the link
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        lock = _lock(db)
    except OSError as err:
        raise RefreshError(f"{db.parent}: cannot write there ({err}); nothing was published") from err
    try:
        return _refresh(sources_dir, db, keep_going, force, full, progress, catalog_dir)
    finally:
        _unlock(lock)


def _lock(db: Path) -> IO[str]:
    """A lock beside the warehouse: a second refresh of it stops instead of racing the first.

    A POSIX record lock belongs to this process alone, not to the extraction
    workers it forks, so the kernel drops it the moment this process dies.
    """
    fh = db.with_name(f".{db.name}.building-lock").open("a+")
    try:
        fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        if err.errno not in (errno.EACCES, errno.EAGAIN):
            fh.close()
            raise
        fh.seek(0)
        holder = fh.read().strip() or "another process"
        fh.close()
        raise RefreshError(f"{db} is being refreshed by {holder}; wait for it to finish") from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"pid {os.getpid()}")
    fh.flush()
    return fh


def _unlock(fh: IO[str]) -> None:
    fh.seek(0)
    fh.truncate()
    fcntl.lockf(fh, fcntl.LOCK_UN)
    fh.close()


def _refresh(sources_dir, db, keep_going, force, full, progress, catalog_dir) -> RefreshResult:
    # Problems are collected, not raised at once, so that one run lists every bad file.
    sources, errors = read_sources(sources_dir)
    catalog = _fresh_catalog(catalog_dir)
    key = f"{code_version()}/{catalog.version}"
    _remove_stale_builds(db)
    previous = _previous_documents(db) if db.exists() and not full else {}

    raws: dict[str, bytes] = {}
    reuse: list[str] = []
    todo: list[Source] = []
    for source in sources:
        path = sources_dir / source.file
        try:
            if path.stat().st_size > decode.MAX_BYTES:
                # Refused before reading, so a huge file cannot exhaust memory.
                raise DecodeError(f"the file is larger than the limit of {decode.MAX_BYTES // (1024 * 1024)} MB")
            raw = path.read_bytes()
        except OSError as err:
            errors.append(SourceError(f"{path}: cannot be read: {err.strerror}"))
            continue
        except DecodeError as err:
            errors.append(SourceError(f"{path}: {err}"))
            continue
        sha = hashlib.sha256(raw).hexdigest()
        if previous.get(source.doc_id) == (sha, key, _manifest_fields(source)):
            reuse.append(source.doc_id)
        else:
            raws[source.doc_id] = raw
            todo.append(source)

    log.info("extracting %d document(s), reusing %d unchanged", len(todo), len(reuse))
    documents: list[Document] = []
    figures: list[Figure] = []
    for source, outcome in _process_all(todo, raws, catalog_dir, progress):
        if isinstance(outcome, str):
            errors.append(SourceError(f"{sources_dir / source.file}: {outcome}"))
            continue
        document, doc_figures = outcome
        if document.report_year_inferred:
            log.info("%s: report_year %s inferred from the text", sources_dir / source.file, document.report_year)
        documents.append(document)
        figures.extend(doc_figures)

    if errors and not keep_going:
        raise RefreshError(_listing(errors, "the refresh stopped; the previous warehouse is unchanged"))

    result = RefreshResult(db=db, extracted=[d.doc_id for d in documents], reused=reuse)
    result.failed = [str(e) for e in errors]
    building = _building_path(db)
    _remove(building)
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        # With unchanged documents, start from a byte copy of the published warehouse: much faster
        # than re-inserting their rows (copy_unchanged), which remains for when a copy is not safe.
        cloned = bool(reuse) and load.clone_published(db, building)
        con = duckdb.connect(str(building))
        try:
            if cloned:
                load.keep_only(con, reuse)
            else:
                load.create_schema(con)
            log.info("building %s", building)
            if not cloned:
                load.copy_unchanged(con, db, reuse)
            load.insert_documents(con, documents, key)
            load.insert_figures(con, figures)
            load.insert_catalog(con, catalog)
            load.create_views(con)
            problems = _check_new_rows(documents, figures, catalog, key) if reuse else checks.run_checks(con)
            if problems:
                raise RefreshError(_listing(problems, "data checks failed; the previous warehouse is unchanged"))
            if db.exists() and not force:
                _guard_against_loss(con, db, errors)
            load.record_build(con, code_version(), catalog.version, str(sources_dir), len(documents))
            result.n_documents, result.n_figures = con.execute(
                "select (select count(*) from core.documents), (select count(*) from core.figures)"
            ).fetchone()
            con.execute("checkpoint")
        finally:
            con.close()
        load.publish(building, db)
        log.info("published %s", db)
    except (OSError, duckdb.Error) as err:
        # A full disk, a read-only folder, a damaged previous warehouse: nothing was published.
        raise RefreshError(
            f"the new warehouse could not be built ({err}); the previous warehouse is unchanged"
        ) from err
    finally:
        _remove(building)
    return result  # with --keep-going, result.failed lists the files that were not loaded


def _check_new_rows(documents: list[Document], figures: list[Figure], catalog, key: str) -> list[str]:
    """The data checks on the rows this refresh extracted, alone, in a warehouse in memory.

    Every check is about the rows of one document, and the reused rows passed
    these very checks when they were published: the extraction key that let
    them be reused digests etl/*.py, checks.py included, and the catalogs.
    Checking only the new rows keeps a one-document edit of a large
    warehouse fast; `make check` still checks everything.
    """
    con = duckdb.connect()
    try:
        load.create_schema(con)
        load.insert_documents(con, documents, key)
        load.insert_figures(con, figures)
        load.insert_catalog(con, catalog)
        return checks.run_checks(con)
    finally:
        con.close()


def _manifest_fields(source: Source) -> tuple:
    return (source.file, source.title, source.publisher, source.published_on, source.report_year)


def _previous_documents(db: Path) -> dict[str, tuple[str, str, tuple]]:
    """doc_id -> (sha256, extraction key, manifest fields) of the published warehouse."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        log.warning("%s: the previous warehouse cannot be opened (%s); extracting every document", db, err)
        return {}
    try:
        rows = con.execute(
            "select doc_id, sha256, extraction_key, file, title, publisher, "
            "strftime(published_on, '%Y-%m-%d'), report_year, report_year_inferred from core.documents"
        ).fetchall()
    except duckdb.Error:
        return {}
    finally:
        con.close()
    return {r[0]: (r[1], r[2], (r[3], r[4], r[5], r[6], None if r[8] else r[7])) for r in rows}


def _process_one(job: tuple[Source, bytes, Path]):
    """(source, (document, figures)) or (source, one-line reason the file was not loaded)."""
    source, raw, catalog_dir = job
    try:
        document, figures = process(source, raw, load_catalog(catalog_dir))
    except DecodeError as err:
        return source, str(err)
    except Exception as err:  # one bad file must not take the others down
        return source, f"the extractor failed on this file ({type(err).__name__}: {err}); please report it"
    unusable = _unusable_figure(document, figures)
    if unusable:
        return source, f"the extractor produced an unusable figure ({unusable}); please report it"
    return source, (document, figures)


def _unusable_figure(document: Document, figures: list[Figure]) -> str:
    """What the data checks would refuse in one document's figures, said per file.

    Caught here, the file is named and --keep-going can still load the others;
    the checks after the build remain the last word.
    """
    text = document.text
    for f in figures:
        at = f"{f.surface[:20]!r} at {f.char_start}"
        if not math.isfinite(f.value) or ((f.value < 0) != f.surface.startswith(("-", "−", "负"))):
            return f"value {f.value} of {at}"
        if not (0 <= f.char_start < f.char_end <= len(text)) or text[f.char_start : f.char_end] != f.surface:
            return f"offsets {f.char_start}:{f.char_end} do not reproduce {f.surface[:20]!r}"
    return ""


def _process_all(todo: list[Source], raws: dict[str, bytes], catalog_dir: Path, progress: bool | None):
    jobs = [(source, raws[source.doc_id], catalog_dir) for source in todo]
    show = progress if progress is not None else sys.stderr.isatty()  # quiet in CI logs and pipes
    bar = None
    if show:
        from tqdm import tqdm

        # Unasked for, the bar appears only once extraction has run for a couple of seconds.
        delay = 0 if progress else 2
        bar = tqdm(total=len(jobs), unit="doc", desc="extracting", file=sys.stderr, delay=delay)
    try:
        if len(jobs) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
            try:
                with ProcessPoolExecutor(
                    max_workers=os.cpu_count(), initializer=_exit_with_parent, initargs=(os.getpid(),)
                ) as pool:
                    for outcome in pool.map(_process_one, jobs, chunksize=8):
                        if bar:
                            bar.update()
                        yield outcome
            except BrokenProcessPool as err:
                raise RefreshError(f"an extraction worker died ({err}); the previous warehouse is unchanged") from err
        else:
            for job in jobs:
                outcome = _process_one(job)
                if bar:
                    bar.update()
                yield outcome
    finally:
        if bar:
            bar.close()


def _exit_with_parent(parent: int) -> None:
    """In an extraction worker: exit once the refresh that started it is gone (killed, say)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _guard_against_loss(con: duckdb.DuckDBPyConnection, db: Path, not_loaded=()) -> None:
    """Refuse to publish a warehouse that lost a document or most of one's figures.

    With --keep-going, the files that were not loaded are listed too: they are
    usually why a document went missing.
    """
    try:
        con.execute(f"attach '{load._sql_path(db)}' as published (read_only)")
    except duckdb.Error as err:
        raise RefreshError(
            f"{db} cannot be read to check that nothing is lost ({err}); "
            "close programs that have it open for writing, or\n" + FORCE_HINT
        ) from err
    try:
        lost = [
            r[0]
            for r in con.execute(
                "select doc_id from published.core.documents except select doc_id from core.documents order by 1"
            ).fetchall()
        ]
        dropped = con.execute(
            """
            with old as (select doc_id, count(*) n from published.core.figures group by doc_id),
                 new as (select doc_id, count(*) n from core.figures group by doc_id)
            select old.doc_id, old.n, coalesce(new.n, 0) from old join core.documents d using (doc_id)
            left join new using (doc_id)
            where coalesce(new.n, 0) < old.n * (1 - ?) order by 1
            """,
            [MAX_FIGURE_DROP],
        ).fetchall()
    except duckdb.CatalogException:
        return  # a warehouse from before core.documents existed: nothing to compare
    finally:
        con.execute("detach published")
    reasons = [f"document {d} is in {db} but not in this refresh" for d in lost]
    reasons += [
        f"document {d}: figures fell from {old} to {new} (more than {MAX_FIGURE_DROP:.0%})" for d, old, new in dropped
    ]
    if reasons:
        message = _listing(reasons, "the refresh would lose data, so it was not published")
        if not_loaded:
            message += "\n" + _listing(not_loaded, "these files were not loaded")
        raise RefreshError(message + "\n" + FORCE_HINT)


def _building_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.building-{os.getpid()}")


def _remove_stale_builds(db: Path) -> None:
    """Delete the temporary files of refreshes that were killed; a running one keeps its file."""
    for path in db.parent.glob(f".{db.name}.building-*"):
        pid = path.name.rsplit("-", 1)[-1].removesuffix(".wal")  # "lock" is not a pid: the lock stays
        if not pid.isdigit() or (int(pid) != os.getpid() and _alive(int(pid))):
            continue
        log.info("%s: removed, left by a refresh that did not finish", path)
        _remove(path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _listing(items, headline: str) -> str:
    return headline + ":\n" + "\n".join(f"  {item}" for item in items)


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass
