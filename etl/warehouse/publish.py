"""Publishing a finished build: one rename over the warehouse, so readers never see half of it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def publish(built: Path, target: Path) -> None:
    """Swap the finished warehouse in with one rename, so readers never see half of it."""
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
