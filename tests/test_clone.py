"""etl/warehouse/clone.py: a build starts as a copy of the published warehouse (clone_published)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from etl.warehouse import build, clone


@pytest.fixture
def published(tmp_path):
    """A published file of 3 MiB and a bit, bytes that differ along it."""
    db = tmp_path / "w.duckdb"
    db.write_bytes(bytes(range(256)) * (3 * 4096 + 7))
    return db


def test_the_copy_holds_the_published_bytes(published):
    building = build.building_path(published)
    assert clone.clone_published(published, building) is True
    assert building.read_bytes() == published.read_bytes()


def test_where_the_kernel_cannot_copy_the_file_it_is_copied_through_memory(published, monkeypatch):
    calls = []

    def sendfile(out_fd, in_fd, offset, count):
        calls.append(count)
        if len(calls) == 1:
            return os.write(out_fd, os.read(in_fd, 1000))  # a part copied, then the kernel refuses
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(clone.os, "sendfile", sendfile)
    building = build.building_path(published)
    clone.clone_published(published, building)
    assert len(calls) == 2
    assert building.read_bytes() == published.read_bytes()


def test_an_error_of_the_copy_is_raised_by_the_caller(published, monkeypatch):
    def broken(source, copy, length):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(clone.os, "sendfile", lambda *args: (_ for _ in ()).throw(OSError(22, "no")))
    monkeypatch.setattr(clone.shutil, "copyfileobj", broken)
    with pytest.raises(OSError, match="No space left"):
        clone.clone_published(published, build.building_path(published))


def test_the_modules_a_build_imports_later_are_imported_while_it_copies(published):
    # In a process of its own: a module imported once in the test process cannot be imported afresh.
    probe = (
        "import sys; from pathlib import Path; from etl.warehouse import build, clone; "
        "before = [m for m in clone.LATER_IMPORTS if m in sys.modules]; "
        "clone.clone_published(Path(sys.argv[1]), build.building_path(Path(sys.argv[1]))); "
        "print(before, [m for m in clone.LATER_IMPORTS if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(published)], capture_output=True, text=True, check=True)
    assert done.stdout == "[] ['pandas', 'pyarrow.compute', 'pyarrow.dataset']\n"


def test_no_copy_when_a_wal_lies_beside_the_published_file(published):
    published.with_name(published.name + ".wal").write_bytes(b"last changes")
    building = build.building_path(published)
    assert clone.clone_published(published, building) is False
    assert not building.exists()


def test_a_copy_stopped_before_it_is_wanted_is_removed(published):
    building = build.building_path(published)
    copy = clone.Copy(published, building)
    copy.start()
    copy.cancel()
    assert not building.exists()
    assert published.read_bytes() == bytes(range(256)) * (3 * 4096 + 7)


def test_a_copy_stops_at_the_next_chunk(published, monkeypatch):
    monkeypatch.setattr(clone, "CHUNK", 4096)
    stop, calls, kernel = clone.threading.Event(), [], os.sendfile

    def sendfile(out_fd, in_fd, offset, count):
        calls.append(count)
        stop.set()  # asked to stop while the first chunk is copied
        return kernel(out_fd, in_fd, offset, count)

    monkeypatch.setattr(clone.os, "sendfile", sendfile)
    building = build.building_path(published)
    with open(published, "rb") as source, open(building, "wb") as target:
        clone._copy(source, target, [], stop)
    assert calls == [4096]
    assert building.stat().st_size == 4096


def test_a_link_planted_at_the_copy_s_name_is_left_as_it_is_when_the_copy_is_stopped(published, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    building = build.building_path(published)
    building.symlink_to(victim)
    copy = clone.Copy(published, building)
    copy.start()
    copy.cancel()
    assert building.is_symlink()
    assert victim.read_text(encoding="utf-8") == "mine"
    with pytest.raises(FileExistsError):
        clone.Copy(published, building).wait()


def test_a_copy_taken_by_the_build_is_not_removed_by_a_later_stop(published):
    building = build.building_path(published)
    copy = clone.Copy(published, building)
    copy.start()
    assert copy.wait() is True
    copy.cancel()
    assert building.read_bytes() == published.read_bytes()


def test_a_refresh_copies_only_when_the_folder_shows_a_change(seed_folder, tmp_path, monkeypatch):
    from etl.warehouse.refresh import refresh

    db = tmp_path / "w.duckdb"
    (seed_folder / "b.txt").write_text("2020年，新增就业100万人。", encoding="utf-8")
    refresh(seed_folder, db, progress=False)
    before, started = db.read_bytes(), []
    real = clone.Copy.start
    monkeypatch.setattr(clone.Copy, "start", lambda self: started.append(self.started) or real(self))
    assert refresh(seed_folder, db, progress=False).up_to_date is True  # nothing copied, nothing left
    assert started == []
    assert db.read_bytes() == before
    assert [p.name for p in tmp_path.glob(".w.duckdb.building-*") if not p.name.endswith("-lock")] == []
    (seed_folder / "b.txt").write_text("2020年，新增就业200万人。", encoding="utf-8")
    assert refresh(seed_folder, db, progress=False).extracted == ["b"]
    # Started once the folder was listed (a file restamped); asked again once it was read, and by the build.
    assert started == [False, True, True]


def test_a_refresh_starts_the_copy_before_it_reads_the_manifest_when_a_file_was_restamped(
    seed_folder, tmp_path, monkeypatch
):
    from etl.text import sources
    from etl.warehouse.refresh import refresh

    db = tmp_path / "w.duckdb"
    (seed_folder / "b.txt").write_text("2020年，新增就业100万人。", encoding="utf-8")
    (seed_folder / "manifest.csv").write_text(
        "file,doc_id,title,publisher,published_on,report_year\nb.txt,b,,某市人民政府,,2020\n", encoding="utf-8"
    )
    refresh(seed_folder, db, progress=False)
    events = []
    start, read_manifest = clone.Copy.start, sources.read_manifest
    monkeypatch.setattr(clone.Copy, "start", lambda self: events.append(("copy", self.started)) or start(self))
    monkeypatch.setattr(sources, "read_manifest", lambda *a: events.append("manifest") or read_manifest(*a))
    (seed_folder / "b.txt").write_text("2020年，新增就业200万人。", encoding="utf-8")
    assert refresh(seed_folder, db, progress=False).extracted == ["b"]
    assert events == [("copy", False), "manifest", ("copy", True), ("copy", True)]
    # A manifest row changed, no file: the copy starts once the manifest is read.
    events.clear()
    (seed_folder / "manifest.csv").write_text(
        "file,doc_id,title,publisher,published_on,report_year\nb.txt,b,标题,某市人民政府,,2020\n", encoding="utf-8"
    )
    assert refresh(seed_folder, db, progress=False).extracted == ["b"]
    assert events == ["manifest", ("copy", False), ("copy", True)]


def test_a_copy_not_started_writes_nothing(published):
    building = build.building_path(published)
    clone.Copy(published, building).cancel()
    assert not building.exists()
