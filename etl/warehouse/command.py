"""`python -m etl refresh`: a refresh, and what it says at the end, Ctrl-C included.

The refresh itself is etl.warehouse.refresh; this is its edge: the lines it
prints and its exit status. Ctrl-C anywhere ends with one true line and exit
status 130: whether the new warehouse was published is read from the file
itself, and the last lines (the counts, the files not loaded) are said whole
before a Ctrl-C that came while they were said is.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from etl.catalog import CatalogError
from etl.text.sources import SourceError
from etl.warehouse.refresh import PUBLISHED, RefreshError, RefreshInterrupted, outcome_note, refresh


def run_refresh(args) -> int:
    """A refresh and its last lines; a Ctrl-C anywhere in them is one true line and exit status 130.

    Whether the warehouse was published is read from the file itself: a refresh
    renames a new file over it, so it is another file (os.stat) exactly when the
    new warehouse is in place, wherever the Ctrl-C landed.
    """
    note = outcome_note(args.db)  # "the previous warehouse is unchanged" only when there was one
    before = _file_identity(args.db)
    swallowed: list[BaseException] = []
    unraisable = sys.unraisablehook
    sys.unraisablehook = lambda hook: (
        swallowed.append(hook.exc_value) if isinstance(hook.exc_value, KeyboardInterrupt) else unraisable(hook)
    )
    try:
        code = _refresh_and_say(args, note)
        if swallowed:  # a Ctrl-C that landed in a finalizer (a weak set's callback), which Python cannot raise
            raise KeyboardInterrupt
        return code
    except RefreshInterrupted as err:
        left = str(err)
    except KeyboardInterrupt:
        left = PUBLISHED if _file_identity(args.db) != before else note
    finally:
        sys.unraisablehook = unraisable
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the line short
    try:
        print(f"interrupted; {left}", file=sys.stderr, flush=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    return 130


def _refresh_and_say(args, note: str) -> int:
    try:
        result = refresh(
            args.sources,
            args.db,
            keep_going=args.keep_going,
            force=args.force,
            full=args.full,
            catalog_dir=args.catalog,
        )
    except CatalogError as err:
        print(f"refresh failed: {err}; nothing was built", file=sys.stderr)
        return 1
    except (RefreshError, SourceError) as err:
        print(f"refresh failed: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # e.g. the sources folder cannot be listed
        print(f"refresh failed: {err}; {note}", file=sys.stderr)
        return 1
    return last_lines(lambda: _said(result))


def last_lines(say) -> int:
    """Say a command's last lines whole: a Ctrl-C meanwhile waits for them, then is raised
    (KeyboardInterrupt). Once they are said and Ctrl-C's own handler is back, a Ctrl-C
    changes nothing the lines said."""
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        code = say()
        sys.stdout.flush()
    finally:
        try:
            signal.signal(signal.SIGINT, previous)
        except KeyboardInterrupt:  # one that came as the handler went back: raised here, counted below
            caught.append(signal.SIGINT)
    if caught:
        raise KeyboardInterrupt
    return code


def _file_identity(path: Path) -> tuple[int, int] | None:
    """The file at `path` (device and inode, through a link), None if there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _said(result) -> int:
    """What a refresh that finished says: its counts, and the files it did not load."""
    print(
        f"{result.db}: {result.n_documents} documents, {result.n_figures} figures "
        f"({len(result.extracted)} extracted, {len(result.reused)} unchanged)"
        + ("; nothing changed, so it was left as it was" if result.up_to_date else "")
    )
    if result.failed:
        print(f"{len(result.failed)} file(s) not loaded:", file=sys.stderr)
        for line in result.failed:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0
