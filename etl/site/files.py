"""Writing the site: built whole in a new folder beside its target, then swapped in, or nothing changes.

Like an export's folder, the site lists its pages in `.zhibiao-files`: `make
clean` removes what it lists and nothing else.

The pages are written into a folder no one can guess (tempfile.mkdtemp beside
`out`, so on its file system), each created new (publish.create_new). Only
then is the folder swapped in: by one atomic exchange (Linux renameat2), or
two renames. A kill or Ctrl-C before the swap leaves `out` as it was; Ctrl-C
is held off during the swap itself, so the message says truly which happened.

What in `out` is zhibiao's is what the previous site listed in its
`.zhibiao-files` (the list the exports keep, `staging.recorded`), and only a
plain file of that list: never a name that looks like a page, never a folder
or a link. Everything else (a user's notes, a `report-my-notes.html` it did
not list, a folder) is kept: hard-linked into the new folder first (the same
files, not copies), so that zhibiao's own stale pages are simply not there.
A folder without the list keeps everything. A file of the user's that has
the name of a page the new site writes is never replaced: the build is
refused, in one line naming it, and `out` is left as it was. Where the rest
cannot be linked (or the folder is a link), each page replaces its old
version by a rename, the front page last, and only the listed stale pages go.
The line `make report` prints says which happened. The swap never deletes a
file zhibiao did not make: a file made in `out` after it was read (or into the
old folder after the swap, by a shell whose working folder it was) is moved
from the old folder into the new one (staging.settle_old); one that the new
site has a page of the name of keeps the old folder, renamed beside `out`
and named in that line. The next build removes the folders of builds that
were killed (only those named as its own, and only when their process is gone).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from etl.exports.staging import (
    RECORD,
    Exported,
    exchange,
    link_the_rest,
    record,
    recorded,
    settle_old,
    two_renames,
)
from etl.text.manifest import printable
from etl.warehouse.build import process_alive
from etl.warehouse.publish import create_new, held_off_interrupts


class SiteError(Exception):
    """The site could not be written: one line, saying what was left."""


class SiteInterrupted(KeyboardInterrupt):
    """Ctrl-C while the site was written; str() says whether the new site is in place."""


def write_site(pages: dict[str, str], out: Path) -> Exported:
    """Write `pages` (name -> text) as the folder `out`, whole or not at all: the files written, and how."""
    out = Path(os.path.abspath(out))
    if out.exists() and not out.is_dir():
        raise SiteError(f"{out}: not a folder; give another with OUT=<folder> (--out); nothing was written")
    _remove_stale(out)
    # What `make clean` removes; written first, so that a build killed midway lists what it wrote.
    pages = {RECORD: "".join(f"{name}\n" for name in sorted(pages)), **pages}
    try:
        if out.is_dir():
            _theirs_and_stale(out, list(pages))  # a user's file in the way is refused before any page is written
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-{os.getpid()}-", dir=out.parent))
    except OSError as err:
        raise SiteError(f"{err.filename or out}: {err.strerror or err}; nothing was written") from None
    swapped = False
    try:
        for name, text in pages.items():
            with open(create_new(staging / name), "w", encoding="utf-8") as fh:
                fh.write(text)
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp made it private; the site is a folder like any other
        with held_off_interrupts():
            how = _swap(staging, out, list(pages))
            swapped = True
    except KeyboardInterrupt:
        raise SiteInterrupted(f"{out}: " + ("the new site is in place" if swapped else "left as it was")) from None
    except OSError as err:
        raise SiteError(f"{err.filename or out}: {err.strerror or err}; {out} was left as it was") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # what is left of it: the old site, or the unfinished new one
    return Exported([out / name for name in pages if name != RECORD], how)


def _swap(staging: Path, out: Path, names: list[str]) -> str:
    """Put the new site in place; the words saying how."""
    if not out.exists():
        os.rename(staging, out)
        return "written as a new folder"
    theirs, stale = _theirs_and_stale(out, names)
    if theirs and (out.is_symlink() or not link_the_rest(out, staging, lambda name: name in theirs)):
        _replace_each(staging, out, names, stale)
        return (
            "page by page, each replacing its old version (the folder is a link or holds files that cannot be linked)"
        )
    if not exchange(staging, out):
        two_renames(staging, out, "building")
    # staging now holds the old site: its pages go, anything else (made since it was read) joins the new one
    left = settle_old(staging, out, {n for n in recorded(staging) | {RECORD} if _plain(staging / n)})
    files = "the file" if len(theirs) == 1 else f"the {len(theirs)} files"
    kept = f", keeping {files} zhibiao did not write" if theirs else ""
    return f"swapped in whole{kept}{left}"


def _plain(path: Path) -> bool:
    return path.is_file() and not path.is_symlink()


def _theirs_and_stale(out: Path, names: list[str]) -> tuple[set[str], set[str]]:
    """What in `out` zhibiao did not write (kept), and its own pages the new site has not (removed).

    Zhibiao's are the plain files the previous site listed in RECORD (and RECORD itself); a folder or a
    link never is. One of the user's with the name of a new page is a SiteError naming it."""
    listed = recorded(out) | {RECORD}
    new = set(names)
    theirs, stale = set(), set()
    for entry in os.scandir(out):
        ours = entry.name in listed and entry.is_file(follow_symlinks=False)
        if not ours:
            theirs.add(entry.name)
        elif entry.name not in new:
            stale.add(entry.name)
    clash = sorted(theirs & new)
    if clash:
        more = f" (and {len(clash) - 1} more)" if len(clash) > 1 else ""
        raise SiteError(
            f"{printable(str(out / clash[0]))}{more}: zhibiao did not write it (its {RECORD} does not list it) "
            f"and the new site has a page of that name; move it away or give another OUT=<folder> (--out); "
            f"{printable(str(out))} was left as it was"
        )
    return theirs, stale


def _replace_each(staging: Path, out: Path, names: list[str], stale: set[str]) -> None:
    """Into a folder that holds a user's files: each page by a rename, the front page last, the list of
    what zhibiao wrote kept true at every step (so a kill midway leaves no page of ours unlisted)."""
    if not os.access(out, os.W_OK | os.X_OK):
        raise PermissionError(13, "Permission denied", str(out))
    record(out, names)  # the old pages and the new, until the new list replaces it
    for name in sorted((n for n in names if n != RECORD), key=lambda n: n == "index.html"):
        os.replace(staging / name, out / name)
    for name in stale:
        path = out / name
        if path.is_file() and not path.is_symlink():
            path.unlink()  # a page of a report or series that is gone: its links would mislead
    os.replace(staging / RECORD, out / RECORD)


def _remove_stale(out: Path) -> None:
    """Remove the staging folders of site builds that were killed (their process is gone).

    Each lists its pages (RECORD, written first). One killed after its swap is the old site:
    emptied into `out` like any old site (settle_old), so a file saved into it is kept."""
    for stale in out.parent.glob(f".{out.name}.building-*"):
        pid = stale.name.removeprefix(f".{out.name}.building-").split("-")[0]
        if pid.isdigit() and stale.is_dir() and not stale.is_symlink() and not process_alive(int(pid)):
            if out.is_dir() and not out.is_symlink():
                settle_old(stale, out, {n for n in recorded(stale) | {RECORD} if _plain(stale / n)})
            else:
                shutil.rmtree(stale, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
