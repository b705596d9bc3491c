"""The locks of a refresh: one refresh of a warehouse at a time, and no writer of it meanwhile.

The refresh lock is a file beside the warehouse (`.<name>.building-lock`),
opened without following links, so that a link planted there cannot make a
refresh truncate another file. A POSIX record lock on it belongs to the
refresh alone, not to the extraction workers it forks, so the kernel drops it
the moment the refresh dies.

While a refresh runs it also holds a read lock on the published warehouse
itself, as a DuckDB reader does: readers still open it, but a program that
wants to write to it cannot, so no write-ahead log of another program can
replay onto the file the refresh puts in its place.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import stat
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from etl.warehouse.errors import RefreshError

_BUSY = (errno.EACCES, errno.EAGAIN)


def lock_path(db: Path) -> Path:
    return db.with_name(f".{db.name}.building-lock")


def refresh_lock(db: Path) -> IO[str]:
    """Take the refresh lock of `db`, or raise RefreshError naming the refresh that holds it."""
    path = lock_path(db)
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o644)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise RefreshError(
                f"{path} is a symbolic link, which a refresh does not follow; remove it, then refresh again"
            ) from None
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise RefreshError(f"{path} is not a regular file; remove it, then refresh again")
    fh = os.fdopen(fd, "r+")
    try:
        fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        if err.errno not in _BUSY:
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


def release(fh: IO[str]) -> None:
    fh.seek(0)
    fh.truncate()
    fcntl.lockf(fh, fcntl.LOCK_UN)
    fh.close()


def writer_message(db: Path, holder: str = "") -> str:
    """What to say when a program holds `db` open for writing. Never --force: it must not override this."""
    who = f" ({holder})" if holder else ""
    return (
        f"{db} is open for writing in another program{who}; a refresh never replaces a warehouse "
        "that a program is writing to, --force or not: close that program (or its connection), then refresh again"
    )


def holder_of(duckdb_message: str) -> str:
    """'PID 1234' from DuckDB's 'Conflicting lock is held in … (PID 1234)', else ''."""
    found = re.search(r"\(PID (\d+)\)", duckdb_message)
    return f"PID {found.group(1)}" if found else ""


@contextmanager
def no_writers(db: Path) -> Iterator[None]:
    """Hold a read lock on the published warehouse; RefreshError if a program holds it for writing.

    An open-file-description lock (Linux): unlike a POSIX record lock it is not
    dropped when this process closes another descriptor of the file, as DuckDB
    does each time the refresh reads the published warehouse. Elsewhere the
    check made when the refresh started stands alone.
    """
    setlk = getattr(fcntl, "F_OFD_SETLK", None)
    if setlk is None or not db.is_file():
        yield
        return
    fd = os.open(db, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        try:
            fcntl.fcntl(fd, setlk, _flock(fcntl.F_RDLCK))
        except OSError as err:
            if err.errno not in _BUSY:
                raise
            raise RefreshError(writer_message(db, _writer_pid(fd))) from None
        yield
    finally:
        os.close(fd)


def _flock(kind: int) -> bytes:
    # struct flock: l_type, l_whence, l_start, l_len (0: to the end), l_pid (0 for OFD locks)
    return struct.pack("hhqqixxxx", kind, os.SEEK_SET, 0, 0, 0)


def _writer_pid(fd: int) -> str:
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, _flock(fcntl.F_RDLCK))
    except OSError:
        return ""
    kind, _, _, _, pid = struct.unpack("hhqqixxxx", answer)
    return f"PID {pid}" if kind != fcntl.F_UNLCK and pid > 0 else ""
