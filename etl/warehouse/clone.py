"""A build's start: a copy of the published warehouse, sharing its blocks where the file system can.

A refresh that reuses documents builds on a copy of the published file
(build.keep_only then drops what changed), never on the file itself: readers
keep it open, and a failed build must leave it whole. The copy is a reflink
(the FICLONE ioctl: btrfs, XFS, bcachefs, OCFS2) where the file system shares
blocks between files: the new file holds the same blocks until either is
written, in constant time however large the warehouse. Elsewhere (ext4,
tmpfs) the kernel copies the bytes (sendfile), and through memory where it
refuses even that.
"""

from __future__ import annotations

import contextlib
import fcntl
import importlib
import os
import shutil
import threading
from pathlib import Path

from etl.warehouse.publish import create_new

FICLONE = 0x40049409  # _IOW(0x94, 9, int), linux/fs.h: the whole file, shared block by block

# What a build imports on first use, about a third of a second in all (a third of a one-report
# refresh): DuckDB's client imports pandas the first time it is handed a parameter, and pyarrow
# its pandas shim when it makes an array, its compute and dataset modules for Arrow scans.
LATER_IMPORTS = ("pandas", "pyarrow.compute", "pyarrow.dataset")


def clone_published(published: Path, building: Path) -> bool:
    """Start a build as a copy of the published warehouse; False when that is not safe.

    Copying the file is much faster than re-inserting every unchanged row
    (load.copy_unchanged), and the published file is only read. Not when a .wal
    lies beside it: its last changes would not be in the copy. The copy is
    created new (publish.create_new): whatever is at `building`, a link
    someone planted included, raises FileExistsError and is left untouched.
    """
    if not published.is_file() or published.with_name(published.name + ".wal").exists():
        return False
    with open(published, "rb") as source, open(create_new(building), "wb") as copy:
        # The copy waits on the disk, in the kernel, holding no interpreter lock: the modules
        # the build will import on first use are imported meanwhile, on this thread.
        failed: list[BaseException] = []
        copier = threading.Thread(target=_copy, args=(source, copy, failed), name="zhibiao-clone")
        copier.start()
        try:
            for name in LATER_IMPORTS:
                with contextlib.suppress(ImportError):  # then imported where it is needed, and said there
                    importlib.import_module(name)
        finally:
            copier.join()
        if failed:
            raise failed[0]
    return True


def reflink(source, copy) -> bool:
    """Make `copy` share `source`'s blocks (FICLONE); False where the file system cannot."""
    try:
        fcntl.ioctl(copy.fileno(), FICLONE, source.fileno())
    except OSError:  # EOPNOTSUPP (ext4, tmpfs), EXDEV, EINVAL: the bytes are copied instead
        return False
    return True


def _copy(source, copy, failed: list[BaseException]) -> None:
    """`source` into `copy`: a reflink, else by the kernel (sendfile), else through memory; an error is
    kept in `failed`."""
    try:
        if reflink(source, copy):
            return
        try:
            while os.sendfile(copy.fileno(), source.fileno(), None, 1 << 30):
                pass
        except OSError:  # a file system the kernel does not copy between: start again, through memory
            source.seek(0)
            copy.seek(0)
            copy.truncate()
            shutil.copyfileobj(source, copy, 1 << 20)
        copy.flush()
        write_back(copy.fileno())
    except BaseException as error:  # raised on the calling thread once the copy is over
        failed.append(error)


def write_back(fd: int) -> None:
    """Start writing a copied file's bytes to disk while the build goes on, on a thread of its own.

    DuckDB's checkpoint syncs the file at the build's end, and with it every
    byte the copy left in memory (0.4 s for 840 MB here): synced meanwhile, its
    sync finds them written. Nothing waits for this thread; it syncs its own
    descriptor of the file, whatever happens to the build.
    """
    own = os.dup(fd)

    def sync() -> None:
        try:
            os.fsync(own)
        except OSError:  # the checkpoint's own sync says so, if it matters
            pass
        finally:
            os.close(own)

    threading.Thread(target=sync, name="zhibiao-write-back", daemon=True).start()
