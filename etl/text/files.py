"""What is on disk in a folder of reports: the names as shown, which files may be read, their stamps.

Only regular files inside the folder are read, after resolving links: a link
to /etc/passwd, a linked folder, a FIFO or a device is named and refused
(not_a_report_file). A file name that is not UTF-8 (a GBK name from a
Windows zip) is shown as GB18030 (display_name).

A refresh lists the folder once (Listing: os.scandir) and looks at each plain
file once (one lstat, which DirEntry caches, also giving the stamp a refresh
compares); a link, a name not found as listed, or a name with a folder in it
takes the slower path of file_stamp and not_a_report_file, which resolve it.
At 10,000 files that is 10,000 lstat calls, where a Path per look made
50,000 path joins and 40,000 lstat calls.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from etl.text.manifest import printable


class Listing:
    """The folder's entries, listed once, each plain file's lstat taken once (DirEntry caches it)."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.base = folder, str(folder)
        with os.scandir(folder) as found:
            self.entries = {entry.name: entry for entry in found}
        self.shown = sorted((display_name(real), real) for real in self.entries)  # as entries()
        self.real_of = {shown: real for shown, real in reversed(self.shown)}  # the first real name of a shown one

    def _plain(self, name: str) -> os.stat_result | None:
        """The lstat of `name` when it is a plain file listed in the folder (by its name or as it shows), else None."""
        if "/" in name:
            return None
        entry = self.entries.get(name) or self.entries.get(self.real_of.get(name, ""))
        if entry is None or entry.is_symlink():
            return None
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            return None
        return info if stat.S_ISREG(info.st_mode) else None

    def not_a_report_file(self, name: str) -> str:
        """As not_a_report_file(folder, name); a listed plain file without another look at the disk."""
        return "" if self._plain(name) is not None else not_a_report_file(self.folder, name)

    def stamps(self) -> dict[str, tuple[int, int]]:
        """The stamp of each plain file listed, by its shown name (as file_stamp; a link, a folder: none)."""
        found = {}
        for shown, real in self.shown:
            info = self._plain(real)
            if info is not None:
                found[shown] = (info.st_size, info.st_mtime_ns)
        return found

    def stamp(self, name: str) -> tuple[int, int] | None:
        """As file_stamp(folder, name)."""
        info = self._plain(name)
        return (info.st_size, info.st_mtime_ns) if info is not None else file_stamp(self.folder, name)

    def is_dir(self, real: str) -> bool:
        """As (folder / real).is_dir(): a link is followed."""
        entry = self.entries[real]
        if entry.is_symlink():
            return (self.folder / real).is_dir()
        try:
            return entry.is_dir(follow_symlinks=False)
        except OSError:
            return (self.folder / real).is_dir()


def report_suffix(name: str) -> str:
    """Path(name).suffix, without a Path: the last dot's part of a name that does not start or end with it."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def entries(folder: Path) -> list[tuple[str, str]]:
    """(shown name, name on disk) of each entry of the folder, by shown name."""
    return sorted((display_name(real), real) for real in os.listdir(folder))


def display_name(name: str) -> str:
    """A file name as text: a name that is not UTF-8 (GBK, from a Windows zip) read as GB18030;
    its control characters escaped (manifest.printable)."""
    try:
        name.encode("utf-8")
        return printable(name)
    except UnicodeEncodeError:
        raw = os.fsencode(name)
    try:
        return printable(raw.decode("gb18030"))
    except UnicodeDecodeError:
        return printable(raw.decode("utf-8", "backslashreplace"))


def on_disk(folder: Path, name: str) -> Path:
    """The path of a shown name: the name itself, or the entry whose name shows as it."""
    path = folder / name
    if os.path.lexists(path) or "/" in name:
        return path
    for shown, real in entries(folder):
        if shown == name:
            return folder / real
    return path


def not_a_report_file(folder: Path, name: str) -> str:
    """Why `name` in `folder` is not read ('not in …', 'a link to … outside …'), or ''."""
    path = on_disk(folder, name)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return f"not in {folder}; fix the name, or put the file there"
    except OSError as err:
        return f"cannot be read: {err.strerror}"
    if stat.S_ISREG(mode) and "/" not in name:
        return ""  # a plain file right in the folder: the common case, without resolving anything
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return f"a link to {os.readlink(path) if path.is_symlink() else 'a file'} that does not exist; fix or remove it"
    if not real.is_relative_to(folder.resolve()):
        return f"a link to {real}, outside {folder}; copy the file into the folder instead"
    mode = real.stat().st_mode
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if not stat.S_ISREG(mode):
        return "not a regular file (a FIFO, socket or device); copy the report into a file"
    return ""


def file_stamp(folder: Path, name: str) -> tuple[int, int] | None:
    """(size, mtime in ns) of a plain report file, None for anything else (a link is hashed, and
    checked, every time): a refresh hashes only the files whose stamp differs from the one their
    document was read with."""
    try:
        info = os.lstat(on_disk(Path(folder), name))
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns) if stat.S_ISREG(info.st_mode) and "/" not in name else None
