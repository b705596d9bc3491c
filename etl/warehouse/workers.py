"""Extraction of the changed documents, in worker processes when there are many.

Each document's file is read where it is extracted, when its turn comes: the
refresh never holds the raw files of the corpus, and at most a window of
IN_FLIGHT chunks is handed out at a time, so memory does not grow with the
number of documents.

Ctrl-C reaches the refresh alone: the workers ignore SIGINT (they share the
terminal's process group). The refresh stops handing out documents, lets the
workers finish the few in hand (a couple of chunks) and stops; a second
Ctrl-C stops at once. No KeyboardInterrupt is raised inside the pool's own
code, and no worker is killed mid-result: either left the pool hanging at
exit, or with an InvalidStateError or 'cannot join thread' traceback.
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from etl.catalog import load_catalog
from etl.records import Source
from etl.rules import pipeline
from etl.series import few_rows
from etl.text.decode import DecodeError
from etl.text.sources import SourceError, read_stamped
from etl.warehouse.checks import document_problem
from etl.warehouse.errors import RefreshError
from etl.warehouse.rows import extracted
from etl.warehouse.talk import Talk

PARALLEL_THRESHOLD = 16  # below this many changed documents, worker start-up costs more than it saves
CHUNK = 8  # documents per task sent to a worker
CHUNKS_PER_WORKER = 2  # chunks handed to each worker at a time: enough to keep it busy, few to hold


class WorkerDied(RefreshError):
    """A worker process was killed (out of memory, say); the refresh says what it leaves."""


def process_one(job: tuple[Source, Path, Path, str], arrow: bool = True):
    """(source, Extracted), (source, one-line reason the file was not loaded) or (source, SourceError).

    Without `arrow` (a document extracted in the refresh's own process), its rows stay tuples (rows.Rows).

    A job is (source, folder, catalog folder, extraction key): the file is read
    here, in the worker, its rows made here too (rows.extracted), and checked here
    (checks.document_problem), so that a file the extractor turned into an unusable
    figure is named and --keep-going can still load the others.
    """
    source, folder, catalog_dir, key = job
    try:
        raw, stamp = read_stamped(folder, source.file)
    except SourceError as err:  # gone or replaced by a link since it was listed
        return source, err
    try:
        document, figures = pipeline.process(source, raw, load_catalog(catalog_dir))
    except DecodeError as err:
        return source, str(err)
    except Exception as err:  # one bad file must not take the others down
        return source, f"the extractor failed on this file ({type(err).__name__}: {err}); please report it"
    unusable = document_problem(document, figures)  # checks.py: the rules a worker checks
    if unusable:
        return source, f"the extractor produced an unusable figure ({unusable}); please report it"
    return source, extracted(document, figures, key, stamp, arrow=arrow)


def _process_chunk(jobs: list[tuple[Source, Path, Path, str]]):
    return [process_one(job) for job in jobs]


def extract_all(todo: list[Source], folder: Path, catalog_dir: Path, key: str, progress: bool | None):
    """Yield (source, outcome) per document of `todo` (files of `folder`), in order: see process_one.

    Lazily: a document is read and extracted only as the outcomes before it are taken.
    `key` is the extraction key its rows carry: the code version and the catalog version.
    """
    jobs = [(source, folder, catalog_dir, key) for source in todo]
    # A bar on a terminal, a line every talk.INTERVAL seconds in a pipe (talk.py); progress=False: quiet.
    with Talk(progress).phase("extracting", total=len(jobs)) as phase:
        if in_workers(len(jobs)):
            outcomes = _in_workers(jobs)
        else:
            outcomes = (process_one(job, arrow=False) for job in jobs)  # loaded without Arrow (rows.Rows)
        for outcome in outcomes:
            phase.advance()
            yield outcome


def in_workers(n_documents: int) -> bool:
    """Are `n_documents` extracted in worker processes (their rows made Arrow tables there), not in this one?"""
    return n_documents >= PARALLEL_THRESHOLD and (os.cpu_count() or 1) > 1


def loads_arrow(n_documents: int) -> bool:
    """Will `n_documents` extracted be loaded as Arrow tables (made in workers; or tuples where few_rows.py cannot
    load them without Arrow), so that the build imports what Arrow scans import (clone.LATER_IMPORTS)?"""
    return in_workers(n_documents) or not few_rows.possible()


def _in_workers(jobs: list):
    parent = os.getpid()
    pool = ProcessPoolExecutor(max_workers=os.cpu_count(), initializer=_worker_start, initargs=(parent,))
    interrupted: list[int] = []

    def on_ctrl_c(signum, frame) -> None:
        # The first Ctrl-C only sets a flag: the refresh stops at its next document, the workers
        # finish the few in hand. Killing them could cut a result in half in the pipe, and the
        # pool's thread would wait for its end for ever; raising here could land inside the pool's
        # own code (a submit) and leave it half started. A second Ctrl-C stops at once.
        if os.getpid() != parent:
            return  # a worker forked before its initializer ran
        interrupted.append(signum)
        if len(interrupted) > 1:
            _kill(pool)
            print("interrupted twice: stopped at once; nothing was published", file=sys.stderr, flush=True)
            os._exit(130)

    before = _handle_sigint(on_ctrl_c)
    try:
        # A bounded window of chunks in flight: results come back in order, memory stays flat.
        chunks = iter(jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK))
        window = CHUNKS_PER_WORKER * (os.cpu_count() or 1)
        pending = deque(pool.submit(_process_chunk, chunk) for chunk in itertools.islice(chunks, window))
        while pending:
            if interrupted:
                raise KeyboardInterrupt
            try:
                outcomes = pending.popleft().result()
            except BrokenProcessPool as err:
                raise WorkerDied(f"an extraction worker died ({err})") from err
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_process_chunk, following))
            yield from outcomes
        if interrupted:
            raise KeyboardInterrupt
    finally:
        # Documents not yet handed to a worker are dropped; those in hand are finished.
        pool.shutdown(wait=True, cancel_futures=True)
        _handle_sigint(before)
    if interrupted:  # a Ctrl-C while the workers were stopping (the last document was in): not lost
        raise KeyboardInterrupt


def _handle_sigint(handler):
    """Install a SIGINT handler, returning the one it replaces; nothing outside the main thread."""
    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGINT, handler)


def _kill(pool: ProcessPoolExecutor) -> None:
    """Kill the workers at once (a second Ctrl-C), the process exiting right after."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError):
            pass


def _worker_start(parent: int) -> None:
    """In an extraction worker: leave Ctrl-C to the refresh, and exit once the refresh is gone (killed, say)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
