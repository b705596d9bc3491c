"""Writing an export whole or not at all: a staging folder beside the target, moved into place at the end.

Files are written into a temporary folder beside `out` (same file system, so a move is a
rename) and moved into place only once all of them are written: a failure leaves an earlier
export as it was, and says so in one line. A staging folder left by an export that was
killed is removed by the next.

Into an existing folder the new export is swapped in whole (swap_into_place): what the
folder holds besides the new files (an earlier Parquet tree, a user's notes) is hard-linked
into the staging folder, which then changes place with `out` in one step (Linux renameat2;
two renames elsewhere). A reader sees the old export or the new one, never a mix. Where that
cannot be done (`out` is a link or a mount point, a file cannot be linked), each file replaces
its old version by a rename, and the line the export prints says so.

Every export lists what it wrote in `<out>/.zhibiao-files` (RECORD), one name a line,
kept across exports: `make clean` removes those names and nothing else, and the
folder only when nothing else is left in it.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from etl.exports.errors import ExportError, ExportInterrupted
from etl.warehouse.build import process_alive
from etl.warehouse.publish import create_new, held_off_interrupts, new_name

RECORD = ".zhibiao-files"  # the names zhibiao wrote into a folder, one a line: what `make clean` removes


@dataclass
class Exported:
    """What an export wrote, and how it came into place (one line: swapped in whole, file by file, a new folder)."""

    paths: list[Path]
    how: str


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A new staging folder beside `out`, removed whatever happens; a file-system error on the
    way is one ExportError line saying `out` is unchanged."""
    staging = _staging(out)
    before = _names(out)
    try:
        yield staging
        record(out, _names(out) - before)  # what this export added (a Parquet view's folder included)
    except OSError as err:
        raise ExportError(f"{err.filename or out}: {err.strerror or err}; {out} is unchanged") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


RENAME_NOREPLACE, RENAME_EXCHANGE = 1, 2  # linux/fs.h
NEW_FOLDER = "written as a new folder"
SWAPPED = "the new export is in place, swapped in whole"
FILE_BY_FILE = "the new files are in place, each replacing its old version in turn"


def move_into_place(staging: Path, out: Path, names: list[str]) -> str:
    """Move the files `names` of `staging` into `out`, whole when possible; the line saying how.

    Ctrl-C waits until they are in place, and is then ExportInterrupted saying so."""
    try:
        with held_off_interrupts():
            return _move_into_place(staging, out, names)
    except KeyboardInterrupt:
        raise ExportInterrupted(f"{out}: the new export is in place") from None


def _move_into_place(staging: Path, out: Path, names: list[str]) -> str:
    if not out.exists():
        staging.rename(out)
        how = NEW_FOLDER
    elif _swappable(staging, out) and link_the_rest(out, staging, lambda name: name not in names):
        if not exchange(staging, out):
            two_renames(staging, out, "exporting")
        how = SWAPPED + settle_old(staging, out, {*names, RECORD})  # staging now holds the old export
    else:
        whole = _swappable(staging, out)  # else a link, or a mount point holding the staging folder
        for name in names:
            if (out / name).is_dir() and not (out / name).is_symlink():
                os.replace(out / name, staging / f".old-{name}")  # a folder (a Parquet view) is replaced whole
            os.replace(staging / name, out / name)
        how = f"{FILE_BY_FILE} ({'it holds files that cannot be linked' if whole else 'a link or a mount point'})"
    record(out, names)
    return how


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    return _renameat2(a, b, RENAME_EXCHANGE)


def move_no_replace(source: Path, target: Path) -> bool:
    """Move `source` to `target` unless something is there (False): one step on Linux (renameat2
    RENAME_NOREPLACE), elsewhere a look and a rename."""
    try:
        if _renameat2(source, target, RENAME_NOREPLACE):
            return True
    except FileExistsError:
        return False
    if os.path.lexists(target):
        return False
    os.rename(source, target)
    return True


def _renameat2(a: Path, b: Path, flags: int) -> bool:
    """renameat2(a, b, flags); False where the call or the flag is not available, OSError if it fails."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    if renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), flags) == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot; two renames will do
        return False
    raise OSError(err, os.strerror(err), str(b))


def settle_old(old: Path, out: Path, ours: set[str]) -> str:
    """After a whole swap, `old` is the folder `out` was: empty it into `out` (put_back) and remove it;
    what it leaves, '' or the words saying where a file zhibiao did not make was kept."""
    for _ in range(3):  # again if a file came while it was emptied
        try:
            left = put_back(old, out, ours)
            break
        except OSError as err:
            left = [f"({err.strerror or err})"]
    if not left:
        return ""
    kept = Path(tempfile.mkdtemp(prefix=f"{out.name}.kept-", dir=out.parent))
    os.rename(old, kept / out.name)
    return f"; {kept / out.name}: the previous folder, kept for {', '.join(left[:3])}, made while it was swapped"


def put_back(old: Path, out: Path, ours: set[str]) -> list[str]:
    """Empty `old` into `out`, deleting only what zhibiao made: the names that could not be moved.

    What goes: the entries named in `ours` (zhibiao's own, replaced by the new ones) and
    what `out` holds too (the files linked into the new folder before the swap: the same
    files). Anything else (a file someone made in the folder after it was read, or into it as
    their working folder after the swap) is moved into `out`, never over a file there.
    """
    left = []
    for entry in list(os.scandir(old)):
        target = out / entry.name
        try:
            if entry.name in ours:
                _remove(Path(entry.path))
            elif _same(entry, target):
                if entry.is_dir(follow_symlinks=False):
                    left += [f"{entry.name}/{name}" for name in put_back(Path(entry.path), target, set())]
                else:
                    os.unlink(entry.path)
            elif not move_no_replace(Path(entry.path), target):
                left.append(entry.name)
        except FileNotFoundError:
            continue  # gone meanwhile
    if not left:
        os.rmdir(old)  # fails if a file came meanwhile: the folder is then kept (settle_old)
    return left


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _same(entry: os.DirEntry, target: Path) -> bool:
    """Whether `target` holds what `entry` is: the same file (a hard link), a link to the same place, or
    a folder (linked entry by entry, which put_back compares in turn)."""
    try:
        there = os.lstat(target)
        if entry.is_symlink():
            return os.path.islink(target) and os.readlink(target) == os.readlink(entry.path)
        if entry.is_dir(follow_symlinks=False):
            return os.path.isdir(target) and not os.path.islink(target)
        here = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def two_renames(staging: Path, out: Path, doing: str) -> None:
    """Where folders cannot be exchanged in one step: the old folder aside (into `.<out>.<doing>-<pid>-…`),
    the new one in its place (the old one back if that fails); then the old one where the staging folder
    was, to be removed with it."""
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.{doing}-{os.getpid()}-", dir=out.parent))
    os.rename(out, old / "old")
    try:
        os.rename(staging, out)
    except OSError:
        os.rename(old / "old", out)
        old.rmdir()
        raise
    os.rename(old / "old", staging)
    old.rmdir()


def _swappable(staging: Path, out: Path) -> bool:
    """`out` is a real folder and the staging folder lies beside it, on its file system."""
    return out.is_dir() and not out.is_symlink() and staging.parent == Path(os.path.abspath(out)).parent


def link_the_rest(out: Path, staging: Path, keep) -> bool:
    """Hard-link into `staging` each entry of `out` whose name `keep` accepts (what the new export does not
    replace); False if one cannot be."""
    try:
        for entry in os.scandir(out):
            if keep(entry.name):
                _link(Path(entry.path), staging / entry.name)
    except OSError:
        return False
    return True


def _link(source: Path, target: Path) -> None:
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
    elif source.is_dir():
        target.mkdir()
        shutil.copystat(source, target)
        for entry in os.scandir(source):
            _link(Path(entry.path), target / entry.name)
    elif source.is_file():
        os.link(source, target)
    else:
        raise OSError(f"{source}: neither a file, a folder nor a link")


def record(folder: Path, names) -> None:
    """Add `names` to the list of what zhibiao wrote into `folder` (RECORD), created new and renamed into place."""
    listed = recorded(folder)
    new = sorted(listed | {n for n in names if n and n != RECORD and "/" not in n and "\n" not in n})
    if new == sorted(listed) and (folder / RECORD).is_file():
        return
    temporary = new_name(folder / RECORD, "writing")
    with open(create_new(temporary), "w", encoding="utf-8") as fh:
        fh.write("".join(f"{n}\n" for n in new))
    os.replace(temporary, folder / RECORD)


def recorded(folder: Path) -> set[str]:
    """The names zhibiao wrote into `folder`, as its RECORD lists them; none without one."""
    path = folder / RECORD
    if path.is_symlink() or not path.is_file():
        return set()
    return {n for n in path.read_text(encoding="utf-8").splitlines() if n and n not in (".", "..") and "/" not in n}


def _names(folder: Path) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _staging(out: Path) -> Path:
    """A new empty folder on the file system of `out`, so that the move is a rename: beside it, or
    inside it when `out` is a mount point or a link to another file system (a rename cannot cross)."""
    target = Path(os.path.abspath(out))
    existing = next(p for p in (target, *target.parents) if p.exists())
    if not existing.is_dir():
        raise ExportError(f"{existing}: not a folder; give another with OUT=<folder> (--out)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        base = target if target.is_dir() and os.stat(target).st_dev != os.stat(target.parent).st_dev else target.parent
        for stale in base.glob(f".{target.name}.exporting-*"):
            pid = stale.name.rsplit("-", 1)[1]
            if not (pid.isdigit() and process_alive(int(pid))):  # left by an export that was killed
                shutil.rmtree(stale, ignore_errors=True)
        staging = base / f".{target.name}.exporting-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
    except OSError as err:
        raise ExportError(f"{err.filename or out}: {err.strerror or err}; nothing was exported") from None
    return staging
