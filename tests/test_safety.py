"""A refresh never costs the analyst the last good warehouse: kills, full disks, open readers.

Every test builds into tmp_path; none touches data/warehouse.duckdb.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from etl.warehouse import build, clone, load, publish
from etl.warehouse.refresh import RefreshError, refresh

from .conftest import ROOT, SEED, query
from .helpers import make_shell

TEXT = SEED.read_text(encoding="utf-8")


@pytest.fixture
def published(seed_folder, tmp_path):
    """A warehouse built from the seed folder: (db, its bytes, its rows)."""
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    return db, db.read_bytes(), _rows(db)


def _rows(db):
    return query(db, "select * from core.figures order by figure_id"), query(
        db, "select doc_id, sha256 from core.documents order by doc_id"
    )


def _building_files(db):
    names = (p.name for p in db.parent.glob(f".{db.name}.building-*"))
    return sorted(n for n in names if not n.endswith((".wal", "-lock")))


def _add_copies(folder, n):
    for i in range(n):
        (folder / f"copy-{i:04d}.txt").write_text(TEXT.replace("24.92亿元", f"{i}.5亿元"), encoding="utf-8")


def _start(*args, env=None):
    return subprocess.Popen(
        [sys.executable, "-m", "etl", "-v", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the kill takes its workers too
        env=env,
    )


def _kill_when(proc, marker: str) -> list[str]:
    """Read the refresh's log until `marker`, then SIGKILL it and its workers."""
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if marker in line:
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    return seen


@pytest.mark.parametrize("moment", ["report_year 2020 inferred", "building "], ids=["extracting", "building"])
def test_sigkill_in_the_middle_leaves_the_old_warehouse_and_the_next_refresh_works(published, seed_folder, moment):
    db, before, rows = published
    _add_copies(seed_folder, 120)
    proc = _start("refresh", "--sources", str(seed_folder), "--db", str(db))
    log = _kill_when(proc, moment)
    assert proc.returncode == -signal.SIGKILL, "".join(log)
    assert db.read_bytes() == before
    assert _rows(db) == rows
    if moment == "building ":
        [left] = _building_files(db)
        assert left.startswith(f".w.duckdb.building-{proc.pid}-")

    result = refresh(seed_folder, db, progress=False)
    assert result.n_documents == 121
    assert _building_files(db) == []


@pytest.mark.parametrize(
    "point",
    [
        "etl.warehouse.load.insert_figures",
        "etl.series.store.write_series",
        "etl.warehouse.views.create_views",
        "etl.warehouse.checks.run_checks",
        "etl.warehouse.publish.publish",
        "os.replace",
    ],
    ids=["inserting", "series", "views", "checking", "before-rename", "wal-cleared-before-rename"],
)
def test_sigkill_at_each_step_of_the_build_leaves_the_old_warehouse(published, seed_folder, point):
    db, before, rows = published
    wal = db.with_name(db.name + ".wal")
    wal.write_bytes(b"")  # an empty stale WAL beside the target, which publish clears first
    (seed_folder / "acftu-2020.txt").write_text(TEXT.replace("24.92亿元", "31.5亿元"), encoding="utf-8")
    module, name = point.rsplit(".", 1)
    script = textwrap.dedent(
        f"""
        import importlib, os, signal, sys
        target = importlib.import_module({module!r})
        setattr(target, {name!r}, lambda *a, **k: os.kill(os.getpid(), signal.SIGKILL))
        from etl.warehouse.refresh import refresh
        refresh({str(seed_folder)!r}, {str(db)!r}, progress=False)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert db.read_bytes() == before
    assert _rows(db) == rows
    assert len(_building_files(db)) == 1

    refresh(seed_folder, db, progress=False)
    assert query(db, "select count(*) from v1.figures where surface = '31.5亿元'") == [(1,)]
    assert _building_files(db) == []
    assert not wal.exists()


def test_a_stale_build_of_a_running_refresh_is_left_alone(published, seed_folder):
    db, _, _ = published
    running = db.with_name(f".{db.name}.building-{os.getppid()}")
    dead = db.with_name(f".{db.name}.building-999999999")
    running.write_bytes(b"in progress")
    dead.write_bytes(b"killed")
    dead.with_name(dead.name + ".wal").write_bytes(b"killed")
    refresh(seed_folder, db, progress=False)
    assert _building_files(db) == [running.name]


READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = "select (select count(*) from v1.documents), (select count(*) from v1.figures), (select max(value) from v1.figures)"
print(con.execute(count).fetchone(), flush=True)
sys.stdin.readline()
print(con.execute(count).fetchone(), flush=True)
"""


def test_a_reader_holding_the_warehouse_read_only_neither_blocks_nor_sees_the_refresh(published, seed_folder):
    db, _, _ = published
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        first = reader.stdout.readline().strip()
        _add_copies(seed_folder, 2)
        result = refresh(seed_folder, db, progress=False)
        assert (result.n_documents, result.reused, sorted(result.extracted)) == (
            3,
            ["acftu-2020"],
            ["copy-0000", "copy-0001"],
        )
        reader.stdin.write("\n")
        reader.stdin.flush()
        again = reader.stdout.readline().strip()
    finally:
        reader.stdin.close()
        reader.wait()
    assert reader.returncode == 0
    assert again == first
    assert query(db, "select count(*) from v1.documents") == [(3,)]


def test_a_full_disk_while_building_keeps_the_old_warehouse(published, seed_folder, monkeypatch):
    db, before, _ = published
    _add_copies(seed_folder, 1)

    def disk_full(con, figures):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(load, "insert_figures", disk_full)
    with pytest.raises(RefreshError, match=r"could not be built \(\[Errno 28\] No space left on device\).*unchanged"):
        refresh(seed_folder, db, progress=False)
    assert db.read_bytes() == before
    assert _building_files(db) == []


FILE_SIZE_LIMIT = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails like a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))
from etl.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_file_size_limit_hit_by_duckdb_fails_cleanly_through_the_cli(published, seed_folder):
    db, before, _ = published
    _add_copies(seed_folder, 1)
    done = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, "refresh", "--sources", str(seed_folder), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "\nrefresh failed: the new warehouse could not be built (" in done.stderr
    assert "File too large" in done.stderr
    assert done.stderr.rstrip().endswith("the previous warehouse is unchanged")
    assert db.read_bytes() == before
    assert _building_files(db) == []


def test_publish_clears_a_stale_wal_that_would_replay_into_the_new_file(published, seed_folder):
    db, _, _ = published
    db.with_name(db.name + ".wal").write_bytes(b"not a wal of this file" * 100)
    refresh(seed_folder, db, progress=False)
    assert not db.with_name(db.name + ".wal").exists()
    assert query(db, "select count(*) from v1.documents") == [(1,)]


def test_make_refresh_with_one_binary_file_fails_naming_it_and_keeps_the_warehouse_byte_identical(
    published, seed_folder
):
    db, before, _ = published
    (seed_folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)
    done = subprocess.run(
        ["make", "-s", "refresh", f"SOURCES={seed_folder}", f"DB={db}"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert f"  {seed_folder / 'scan.txt'}: the file is a PNG image, not text: " in done.stderr
    assert db.read_bytes() == before
    assert _building_files(db) == []


def test_make_refresh_refuses_to_lose_a_document_and_says_how_to_force(published, seed_folder):
    db, before, _ = published
    (seed_folder / "acftu-2020.txt").rename(seed_folder / "renamed.txt")
    done = subprocess.run(
        ["make", "-s", "refresh", f"SOURCES={seed_folder}", f"DB={db}"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode != 0
    assert f"  document acftu-2020 is in {db} but not in this refresh\n" in done.stderr
    assert "to publish anyway: make refresh FORCE=1 (.venv/bin/python -m etl refresh --force)" in done.stderr
    assert db.read_bytes() == before
    forced = subprocess.run(
        ["make", "-s", "refresh", f"SOURCES={seed_folder}", f"DB={db}", "FORCE=1"], cwd=ROOT, capture_output=True
    )
    assert forced.returncode == 0
    assert query(db, "select doc_id from v1.documents") == [("renamed",)]


HOLDER = "import sys, duckdb; c = duckdb.connect(sys.argv[1], read_only=True); print('open', flush=True); sys.stdin.readline()"


@pytest.fixture
def held(published):
    """The warehouse held open read-only by another process: any read-write open now fails."""
    db = published[0]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline() == "open\n"
    with pytest.raises(duckdb.IOException, match="Could not set lock"):
        duckdb.connect(str(db))
    yield db
    holder.stdin.close()
    holder.wait()


def test_make_shell_opens_the_warehouse_read_only(held):
    done = make_shell(held, "select count(*) as n from v1.documents;\n")
    assert done.returncode == 0, done.stderr
    assert "n" in done.stdout and "1" in done.stdout


def test_make_export_opens_the_warehouse_read_only(held, tmp_path):
    done = subprocess.run(
        ["make", "-s", "export", f"DB={held}", f"OUT={tmp_path / 'out'}"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "v1_figures.csv").exists()


def test_make_query_and_make_check_open_the_warehouse_read_only(held, tmp_path, monkeypatch):
    from etl import cli

    questions = tmp_path / "queries"
    questions.mkdir()
    (questions / "documents.sql").write_text("-- How many documents?\nselect count(*) as n from v1.documents\n")
    monkeypatch.setattr(cli, "QUERIES_DIR", questions)
    assert cli.main(["query", "documents", "--db", str(held)]) == 0
    done = subprocess.run(["make", "-s", "check", f"DB={held}"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{held}: all checks passed\n"


def test_an_open_duckdb_shell_neither_blocks_nor_sees_the_refresh(published, seed_folder):
    db, _, _ = published
    shell = ROOT / ".venv" / "bin" / "duckdb"
    if not shell.exists():
        pytest.skip("the duckdb shell is installed by make install")
    count = "select count(*) from v1.documents;\n"
    analyst = subprocess.Popen(
        [str(shell), "-readonly", "-csv", "-noheader", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        analyst.stdin.write(count)
        analyst.stdin.flush()
        before = analyst.stdout.readline()
        _add_copies(seed_folder, 2)
        assert refresh(seed_folder, db, progress=False).n_documents == 3
        analyst.stdin.write(count)
        analyst.stdin.flush()
        after = analyst.stdout.readline()
    finally:
        analyst.stdin.close()
        analyst.wait()
    assert (before, after) == ("1\n", "1\n")
    assert query(db, "select count(*) from v1.documents") == [(3,)]


def test_a_writer_holding_the_warehouse_stops_the_refresh_with_a_way_out(published, seed_folder):
    db, before, _ = published
    writer = subprocess.Popen(
        [sys.executable, "-c", HOLDER.replace("read_only=True", "read_only=False"), str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline() == "open\n"
        with pytest.raises(RefreshError) as stopped:
            refresh(seed_folder, db, progress=False)
    finally:
        writer.stdin.close()
        writer.wait()
    assert str(stopped.value) == (
        f"{db} is open for writing in another program (PID {writer.pid}); a refresh never replaces a warehouse "
        "that a program is writing to, --force or not: close that program (or its connection), then refresh again"
    )
    assert db.read_bytes() == before


def test_a_damaged_warehouse_is_not_replaced_even_when_forced(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    db.write_bytes(b"not a duckdb file" * 1000)
    for force in (False, True):
        with pytest.raises(RefreshError) as refused:
            refresh(seed_folder, db, progress=False, force=force)
        assert str(refused.value).startswith(f"{db} is not a zhibiao warehouse (not a DuckDB database it can open: ")
        assert str(refused.value).endswith(
            "a refresh replaces only a warehouse it built, --force or not: "
            "name another file with --db (make refresh DB=...), or move this one away"
        )
    assert db.read_bytes() == b"not a duckdb file" * 1000
    db.unlink()
    assert refresh(seed_folder, db, progress=False).n_documents == 1


def test_a_warehouse_behind_a_symlink_is_replaced_where_it_lives(seed_folder, tmp_path):
    real = tmp_path / "disk" / "w.duckdb"
    real.parent.mkdir()
    refresh(seed_folder, real, progress=False)
    link = tmp_path / "w.duckdb"
    link.symlink_to(real)
    _add_copies(seed_folder, 1)
    refresh(seed_folder, link, progress=False)
    assert link.is_symlink() and link.resolve() == real
    assert query(real, "select count(*) from v1.documents") == [(2,)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["disk", "reports", "w.duckdb"]


def test_the_new_warehouse_keeps_the_old_ones_permissions(published, seed_folder):
    db, _, _ = published
    db.chmod(0o640)
    _add_copies(seed_folder, 1)
    refresh(seed_folder, db, progress=False)
    assert db.stat().st_mode & 0o777 == 0o640


LOCK_HOLDER = """
import fcntl, sys
with open(sys.argv[1], "a+") as held:
    fcntl.lockf(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    held.write("pid 4242")
    held.flush()
    print("locked", flush=True)
    sys.stdin.readline()
"""


def test_a_second_refresh_of_the_same_warehouse_stops_while_one_runs(published, seed_folder):
    db, before, _ = published
    lock = db.with_name(f".{db.name}.building-lock")
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(lock)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline() == "locked\n"
        with pytest.raises(RefreshError, match=f"^{db} is being refreshed by pid 4242; wait for it to finish$"):
            refresh(seed_folder, db, progress=False)
    finally:
        holder.stdin.close()
        holder.wait()
    assert db.read_bytes() == before
    assert refresh(seed_folder, db, progress=False).n_documents == 1


def test_killing_only_the_refresh_frees_the_lock_at_once_and_its_workers_exit(published, seed_folder):
    db, before, _ = published
    _add_copies(seed_folder, 120)
    proc = _start("refresh", "--sources", str(seed_folder), "--db", str(db))
    for line in proc.stderr:
        if "report_year 2020 inferred" in line:
            os.kill(proc.pid, signal.SIGKILL)  # the workers are not killed: they must notice
            break
    proc.wait()
    assert db.read_bytes() == before
    assert refresh(seed_folder, db, progress=False).n_documents == 121
    for _ in range(100):  # a bound, not a timing: workers look for their parent every 0.5 s
        if not _running_in_group(proc.pid):
            break
        time.sleep(0.1)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the extraction workers outlived the killed refresh by 10 s")


def _running_in_group(pgid: int) -> list[int]:
    """Processes of a process group that have not exited (zombies have)."""
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            running.append(int(stat.parent.name))
    return running


def test_the_build_file_s_name_cannot_be_guessed_beforehand(tmp_path):
    db = tmp_path / "w.duckdb"
    first, second = build.building_path(db), build.building_path(db)
    assert first != second
    assert first.name.startswith(f".w.duckdb.building-{os.getpid()}-")
    assert len(first.name) == len(f".w.duckdb.building-{os.getpid()}-") + 16


def test_a_link_planted_at_the_build_file_is_never_followed_by_the_copy(published, tmp_path):
    db, before, _ = published
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    building = build.building_path(db)
    building.symlink_to(victim)
    with pytest.raises(FileExistsError):
        clone.clone_published(db, building)
    assert victim.read_text(encoding="utf-8") == "mine"
    assert building.is_symlink()
    assert db.read_bytes() == before


def test_a_link_swapped_in_for_the_finished_build_is_never_renamed_over_the_warehouse(published, tmp_path):
    db, before, _ = published
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    building = build.building_path(db)
    building.symlink_to(victim)
    with pytest.raises(OSError, match="no longer the file this refresh built"):
        publish.publish(building, db)
    assert db.read_bytes() == before
    assert not db.is_symlink()
    assert victim.read_text(encoding="utf-8") == "mine"


def test_a_refresh_whose_build_file_is_taken_fails_in_one_line_and_keeps_the_warehouse(
    published, seed_folder, monkeypatch, tmp_path
):
    db, before, rows = published
    victim = tmp_path / "victim.txt"
    victim.write_text("mine", encoding="utf-8")
    named = build.building_path

    def planted(target):
        path = named(target)
        path.symlink_to(victim)  # as if someone had guessed the name
        return path

    monkeypatch.setattr(build, "building_path", planted)
    _add_copies(seed_folder, 1)  # the seed is unchanged: the build starts as a copy of the warehouse
    with pytest.raises(RefreshError, match="File exists.*the previous warehouse is unchanged"):
        refresh(seed_folder, db, progress=False)
    assert victim.read_text(encoding="utf-8") == "mine"
    assert db.read_bytes() == before
    assert _rows(db) == rows
    assert _building_files(db) == []


def test_a_view_changed_by_hand_is_built_again_by_a_refresh_with_nothing_else_to_do(published, seed_folder, tmp_path):
    db, _, rows = published
    secret = tmp_path / "secret.txt"
    secret.write_text("the password", encoding="utf-8")
    con = duckdb.connect(str(db))
    con.execute(f"create or replace view v1.builds as select content as code_version from read_text('{secret}')")
    con.close()
    result = refresh(seed_folder, db, progress=False)
    assert result.up_to_date is False
    assert query(db, "select count(*) from duckdb_views() where sql like '%read_text%'") == [(0,)]
    assert query(db, "select count(*) from v1.builds") == [(1,)]
    assert _rows(db) == rows


def test_an_untouched_warehouse_is_still_left_as_it_was(published, seed_folder):
    db, before, _ = published
    assert refresh(seed_folder, db, progress=False).up_to_date is True
    assert db.read_bytes() == before
