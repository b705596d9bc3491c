"""Writing an export whole or not at all: a staging folder beside the target, moved into place at the end.

Files are written into a temporary folder beside `out` (same file system, so a move is a
rename) and moved into place only once all of them are written: a failure leaves an earlier
export as it was, and says so in one line. A staging folder left by an export that was
killed is removed by the next.

Every export lists what it wrote in `<out>/.zhibiao-files` (RECORD), one name a line,
kept across exports: `make clean` removes those names and nothing else, and the
folder only when nothing else is left in it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from etl.exports.errors import ExportError
from etl.warehouse.build import process_alive
from etl.warehouse.publish import create_new, new_name

RECORD = ".zhibiao-files"  # the names zhibiao wrote into a folder, one a line: what `make clean` removes


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


def move_into_place(staging: Path, out: Path, names: list[str]) -> None:
    """A new folder appears whole; into an existing one each file replaces its old version."""
    if not out.exists():
        staging.rename(out)
    else:
        for name in names:
            os.replace(staging / name, out / name)
    record(out, names)


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
