"""A refresh: a folder of reports becomes a published warehouse, or nothing changes.

The new warehouse is built in a temporary file beside the target, checked,
checkpointed and renamed over the old one. A failure at any point leaves the
last good warehouse as it was. Documents whose bytes and extraction inputs
are unchanged are copied from the previous warehouse instead of re-read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import __version__, checks, load
from .catalog import load_catalog
from .classify import Figure
from .decode import DecodeError
from .pipeline import Document, Source, process
from .sources import SourceError, read_sources

log = logging.getLogger("zhibiao")

PARALLEL_THRESHOLD = 16  # below this many changed documents, worker start-up costs more than it saves
MAX_FIGURE_DROP = 0.5  # a document losing more than this share of its figures needs --force


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


def code_version() -> str:
    """The package version and a digest of the code that decides figures."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def extraction_key() -> str:
    return f"{code_version()}/{load_catalog().version}"


def refresh(
    sources_dir: Path,
    db: Path,
    *,
    keep_going: bool = False,
    force: bool = False,
    full: bool = False,
    progress: bool | None = None,
) -> RefreshResult:
    sources_dir, db = Path(sources_dir), Path(db)
    sources, errors = read_sources(sources_dir)
    if errors and not keep_going:
        raise RefreshError(_listing(errors, "the refresh stopped; nothing was published"))
    catalog = load_catalog()
    key = extraction_key()
    previous = _previous_documents(db) if db.exists() and not full else {}

    raws: dict[str, bytes] = {}
    reuse: list[str] = []
    todo: list[Source] = []
    for source in sources:
        path = sources_dir / source.file
        try:
            raw = path.read_bytes()
        except OSError as err:
            errors.append(SourceError(f"{path}: cannot be read: {err.strerror}"))
            continue
        sha = hashlib.sha256(raw).hexdigest()
        if previous.get(source.doc_id) == (sha, key, _manifest_fields(source)):
            reuse.append(source.doc_id)
        else:
            raws[source.doc_id] = raw
            todo.append(source)

    documents: list[Document] = []
    figures: list[Figure] = []
    for source, outcome in _process_all(todo, raws, progress):
        if isinstance(outcome, Exception):
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
    building = db.with_name(f".{db.name}.building-{os.getpid()}")
    _remove(building)
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(building))
        try:
            load.create_schema(con)
            load.copy_unchanged(con, db, reuse)
            load.insert_documents(con, documents, key)
            load.insert_figures(con, figures)
            load.insert_catalog(con, catalog)
            load.create_views(con)
            problems = checks.run_checks(con)
            if problems:
                raise RefreshError(_listing(problems, "data checks failed; the previous warehouse is unchanged"))
            if db.exists() and not force:
                _guard_against_loss(con, db)
            load.record_build(con, code_version(), catalog.version, str(sources_dir), len(documents))
            result.n_documents, result.n_figures = con.execute(
                "select (select count(*) from core.documents), (select count(*) from core.figures)"
            ).fetchone()
            con.execute("checkpoint")
        finally:
            con.close()
        load.publish(building, db)
    finally:
        _remove(building)
    if errors:
        log.warning(_listing(errors, "these files were not loaded (--keep-going)"))
    return result


def _manifest_fields(source: Source) -> tuple:
    return (source.file, source.title, source.publisher, source.published_on, source.report_year)


def _previous_documents(db: Path) -> dict[str, tuple[str, str, tuple]]:
    """doc_id -> (sha256, extraction key, manifest fields) of the published warehouse."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        log.warning("%s: the previous warehouse cannot be opened (%s); rebuilding everything", db, err)
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


def _process_one(args: tuple[Source, bytes]):
    source, raw = args
    try:
        return source, process(source, raw)
    except DecodeError as err:
        return source, err


def _process_all(todo: list[Source], raws: dict[str, bytes], progress: bool | None):
    jobs = [(source, raws[source.doc_id]) for source in todo]
    show = progress if progress is not None else (sys.stderr.isatty() and len(jobs) > 20)
    bar = None
    if show:
        from tqdm import tqdm

        bar = tqdm(total=len(jobs), unit="doc", desc="extracting", file=sys.stderr)
    try:
        if len(jobs) >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1:
            with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
                for outcome in pool.map(_process_one, jobs, chunksize=8):
                    if bar:
                        bar.update()
                    yield outcome
        else:
            for job in jobs:
                outcome = _process_one(job)
                if bar:
                    bar.update()
                yield outcome
    finally:
        if bar:
            bar.close()


def _guard_against_loss(con: duckdb.DuckDBPyConnection, db: Path) -> None:
    """Refuse to publish a warehouse that lost a document or most of one's figures."""
    con.execute(f"attach '{load._sql_path(db)}' as published (read_only)")
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
    except duckdb.Error:
        return  # a warehouse from before core.documents existed: nothing to compare
    finally:
        con.execute("detach published")
    reasons = [f"document {d} is in {db} but not in this refresh" for d in lost]
    reasons += [f"document {d}: figures fell from {old} to {new}" for d, old, new in dropped]
    if reasons:
        raise RefreshError(
            _listing(reasons, "the refresh would lose data, so it was not published")
            + "\nto publish anyway: python -m etl refresh --force (make refresh FORCE=1)"
        )


def _listing(items, headline: str) -> str:
    return headline + ":\n" + "\n".join(f"  {item}" for item in items)


def _remove(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + ".wal")):
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass
