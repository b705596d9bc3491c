"""A build's start: a copy of the published warehouse, sharing its blocks where the file system can.

A refresh that reuses documents builds on a copy of the published file
(build.keep_only then drops what changed), never on the file itself: readers
keep it open, and a failed build must leave it whole. The copy is a reflink
(the FICLONE ioctl: btrfs, XFS, bcachefs, OCFS2) where the file system shares
blocks between files: the new file holds the same blocks until either is
written, in constant time however large the warehouse. Elsewhere (ext4,
tmpfs) the kernel copies the bytes (sendfile), and through memory where it
refuses even that.

A refresh starts the copy (Copy.start) as soon as the folder shows a file
changed, before it has planned: the kernel copies on a thread of its own
while the refresh reads the catalog and plans, and the copy is waited for
(Copy.wait) or stopped and removed (Copy.cancel) once the plan is known.
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
CHUNK = 1 << 26  # bytes the kernel copies at a time: a cancelled copy stops within one chunk

# What a build that loads Arrow tables imports on first use, about a third of a second in all:
# DuckDB's client imports pandas the first time it is handed a parameter, and pyarrow its pandas
# shim when it makes an array, its compute and dataset modules for Arrow scans. A build of a few
# documents loads them without Arrow (etl/series/few_rows.py) and imports none of them.
LATER_IMPORTS = ("pandas", "pyarrow.compute", "pyarrow.dataset")


class Copy:
    """A copy of `published` into the new file `building`, made on a thread of its own once started.

    Nothing is copied when a copy would not be safe: no published file, or a
    .wal beside it (its last changes would not be in the copy). The copy is
    created new (publish.create_new): whatever is at `building`, a link someone
    planted included, is left untouched, and wait() raises FileExistsError.
    Whoever makes one ends it with wait() (which starts it if need be) or
    cancel(), each at most once.
    """

    def __init__(self, published: Path, building: Path) -> None:
        self.published, self.building = published, building
        self.failed: list[BaseException] = []
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        self.started = self.created = self.possible = False
        self.own: int | None = None

    def start(self) -> None:
        """Start copying, on a thread of its own (once; nothing when no copy is safe)."""
        if self.started:
            return
        self.started, published = True, self.published
        self.possible = published.is_file() and not published.with_name(published.name + ".wal").exists()
        if not self.possible:
            return
        try:
            source = open(published, "rb")  # noqa: SIM115 (closed by the copying thread)
        except OSError as error:
            self.failed.append(error)
            return
        try:
            copy = open(create_new(self.building), "wb")  # noqa: SIM115 (closed by the copying thread)
        except OSError as error:  # a planted link or file: raised by wait(), if the copy is wanted
            source.close()
            self.failed.append(error)
            return
        self.created = True
        self.own = os.dup(copy.fileno())  # synced by wait() (write_back), closed by cancel()
        self.thread = threading.Thread(target=self._run, args=(source, copy), name="zhibiao-clone")
        self.thread.start()

    def _run(self, source, copy) -> None:
        with source, copy:
            _copy(source, copy, self.failed, self.stop)

    def wait(self, imports: bool = True) -> bool:
        """The copy, finished: True, or False when none was possible; an error of the copy is raised here.

        With `imports` (a build that loads Arrow tables), the modules it will import
        on first use are imported meanwhile, on this thread: the copy waits on the
        disk, in the kernel, holding no interpreter lock. Its bytes are then written
        to disk on a thread of their own (write_back) while the build goes on.
        """
        self.start()
        if not self.possible:
            return False
        try:
            for name in LATER_IMPORTS if imports else ():
                with contextlib.suppress(ImportError):  # then imported where it is needed, and said there
                    importlib.import_module(name)
        finally:
            if self.thread is not None:
                self.thread.join()
        own, self.own = self.own, None
        if self.failed:
            if own is not None:
                os.close(own)
            raise self.failed[0]
        write_back(own)
        self.created = False  # the build's now: removed with it (build.remove), not by cancel()
        return True

    def cancel(self) -> None:
        """Stop the copy and remove what it wrote (the file it created, never anything else)."""
        self.stop.set()
        if self.thread is not None:
            self.thread.join()
        if self.own is not None:
            os.close(self.own)
            self.own = None
        if self.created:
            with contextlib.suppress(FileNotFoundError):
                self.building.unlink()
            self.created = False


def clone_published(published: Path, building: Path) -> bool:
    """Start a build as a copy of the published warehouse, and wait for it; False when that is not safe.

    Copying the file is much faster than re-inserting every unchanged row
    (load.copy_unchanged), and the published file is only read.
    """
    return Copy(published, building).wait()


def reflink(source, copy) -> bool:
    """Make `copy` share `source`'s blocks (FICLONE); False where the file system cannot."""
    try:
        fcntl.ioctl(copy.fileno(), FICLONE, source.fileno())
    except OSError:  # EOPNOTSUPP (ext4, tmpfs), EXDEV, EINVAL: the bytes are copied instead
        return False
    return True


def _copy(source, copy, failed: list[BaseException], stop: threading.Event) -> None:
    """`source` into `copy`: a reflink, else by the kernel (sendfile), else through memory, a chunk at a time
    until `stop` is set; an error is kept in `failed`."""
    try:
        if reflink(source, copy):
            return
        try:
            while not stop.is_set() and os.sendfile(copy.fileno(), source.fileno(), None, CHUNK):
                pass
        except OSError:  # a file system the kernel does not copy between: start again, through memory
            source.seek(0)
            copy.seek(0)
            copy.truncate()
            shutil.copyfileobj(source, copy, 1 << 20)
        copy.flush()
    except BaseException as error:  # raised on the calling thread once the copy is over
        failed.append(error)


def write_back(own: int) -> None:
    """Start writing a copied file's bytes to disk while the build goes on, on a thread of its own.

    DuckDB's checkpoint syncs the file at the build's end, and with it every
    byte the copy left in memory (0.4 s for 840 MB here): synced meanwhile, its
    sync finds them written. Nothing waits for this thread; it syncs `own`, a
    descriptor of the file of its own, which it closes, whatever happens to the build.
    """

    def sync() -> None:
        try:
            os.fsync(own)
        except OSError:  # the checkpoint's own sync says so, if it matters
            pass
        finally:
            os.close(own)

    threading.Thread(target=sync, name="zhibiao-write-back", daemon=True).start()
