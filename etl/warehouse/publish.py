"""Files zhibiao writes: created new beside their target, never through a planted path, and renamed into place.

Every file zhibiao writes (the warehouse's build, the exports, the site) is
made under a name no one can guess (new_name) and opened with O_EXCL and
O_NOFOLLOW (create_new): a link or file someone planted at that name is an
error, never followed. The finished file is swapped in with one rename
(publish), so readers never see half of it. Ctrl-C is held off while a
finished file or folder is swapped in (held_off_interrupts), so that what a
Ctrl-C says was left is true.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def new_name(target: Path, purpose: str) -> Path:
    """A hidden name beside `target` that no one can guess: `.<name>.<purpose>-<pid>-<random>`."""
    return target.with_name(f".{target.name}.{purpose}-{os.getpid()}-{secrets.token_hex(8)}")


def create_new(path: Path) -> int:
    """Open `path` for writing as a new file (a descriptor); FileExistsError if anything, a link too, is there."""
    return os.open(path, NEW_FILE, 0o666)


def publish(built: Path, target: Path) -> None:
    """Swap the finished warehouse in with one rename, so readers never see half of it.

    `built` must be a regular file: a link someone swapped in for it is refused,
    never renamed over the warehouse.
    """
    if not stat.S_ISREG(os.lstat(built).st_mode):
        raise OSError(f"{built} is no longer the file this refresh built (a link or something else is there)")
    wal = target.with_name(target.name + ".wal")
    if wal.exists():
        wal.unlink()
    if target.exists():
        shutil.copymode(target, built)  # a warehouse shared with a group stays readable by it
    os.replace(built, target)
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable: a crash right after it cannot bring the old warehouse back."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def held_off_interrupts() -> Iterator[None]:
    """Ctrl-C waits until the block is done and is raised then (KeyboardInterrupt): a swap is never cut in two.

    Only the main thread handles signals; elsewhere the block runs as it is.
    """
    caught: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt
