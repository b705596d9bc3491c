"""Hostile input, faults and misuse, each reproduced as issue 13 found it (and issue 14's warnings).

Every scenario runs the refresh as a user would, through `python -m etl`
where the message matters, and asserts the exact outcome: what was refused,
in which one line, and that nothing was lost. None prints a traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from etl.warehouse.refresh import RefreshError, refresh

from .conftest import ROOT, SEED, query
from .helpers import interrupt_when_logged

TEXT = SEED.read_text(encoding="utf-8")
HEADER = "file,doc_id,title,publisher,published_on,report_year\n"
ELSEWHERE = "name another file with --db (make refresh DB=...), or move this one away"


def _cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300
    )


def _refresh_cli(folder, db, *flags):
    done = _cli("refresh", "--sources", str(folder), "--db", str(db), *flags)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def _errors(done) -> list[str]:
    """The refusal lines of a failed refresh, without the warnings logged before them."""
    lines = done.stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("refresh failed: "))
    return lines[start:]


def _warnings(done) -> list[str]:
    return [line for line in done.stderr.splitlines() if not line.startswith(("refresh failed", "  "))]


# --- item 2: only a zhibiao warehouse is ever replaced ------------------------------------------------


def _notes(db):
    con = duckdb.connect(str(db))
    con.execute("create table my_notes as select 'call the union office' as note")
    con.close()
    return db.read_bytes()


@pytest.mark.parametrize("force", [[], ["--force"]], ids=["plain", "forced"])
def test_a_duckdb_file_of_someone_s_notes_is_refused_and_keeps_its_table(seed_folder, tmp_path, force):
    db = tmp_path / "notes.duckdb"
    before = _notes(db)
    done = _refresh_cli(seed_folder, db, *force)
    assert done.returncode == 1
    assert _errors(done) == [
        f"refresh failed: {db} is not a zhibiao warehouse (it holds main.my_notes); a refresh replaces only a "
        f"warehouse it built, --force or not: {ELSEWHERE}"
    ]
    assert db.read_bytes() == before
    assert query(db, "select note from my_notes") == [("call the union office",)]


@pytest.mark.parametrize("force", [False, True], ids=["plain", "forced"])
def test_any_other_file_given_as_the_warehouse_is_refused(seed_folder, tmp_path, force):
    db = tmp_path / "thesis.docx"
    db.write_bytes(b"PK\x03\x04 my thesis" * 100)
    with pytest.raises(RefreshError, match=r"is not a zhibiao warehouse \(not a DuckDB database it can open: "):
        refresh(seed_folder, db, progress=False, force=force)
    assert db.read_bytes() == b"PK\x03\x04 my thesis" * 100


def test_a_folder_given_as_the_warehouse_is_refused(seed_folder, tmp_path):
    with pytest.raises(RefreshError) as refused:
        refresh(seed_folder, tmp_path, progress=False, force=True)
    assert str(refused.value) == f"{tmp_path} is a folder, not a warehouse file; {ELSEWHERE}"


def test_an_empty_file_or_an_empty_duckdb_database_holds_nothing_to_lose_and_is_replaced(seed_folder, tmp_path):
    empty, fresh = tmp_path / "empty.duckdb", tmp_path / "fresh.duckdb"
    empty.write_bytes(b"")
    duckdb.connect(str(fresh)).close()
    for db in (empty, fresh):
        assert refresh(seed_folder, db, progress=False).n_documents == 1


# --- item 3: --force never overrides a writer ---------------------------------------------------------

WRITER = (
    "import sys, duckdb; c = duckdb.connect(sys.argv[1]); c.execute('create table core.scratch (x int)'); "
    "print('open', flush=True); sys.stdin.readline()"
)


def test_force_does_not_publish_under_a_program_that_holds_the_warehouse_for_writing(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout.readline() == "open\n"
        done = _refresh_cli(seed_folder, db, "--force", "--full")
    finally:
        writer.stdin.close()
        writer.wait()
    assert done.returncode == 1
    assert _errors(done) == [
        f"refresh failed: {db} is open for writing in another program (PID {writer.pid}); a refresh never replaces "
        "a warehouse that a program is writing to, --force or not: close that program (or its connection), "
        "then refresh again"
    ]
    assert "--force (make" not in done.stderr
    # The writer's file is the one in place, its table and every figure with it.
    assert query(db, "select count(*) from core.scratch") == [(0,)]
    assert query(db, "select count(*) from v1.figures") == [(23,)]


def test_while_a_refresh_runs_no_program_can_open_the_warehouse_for_writing(seed_folder, tmp_path, monkeypatch):
    from etl.warehouse import publish

    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    seen = []
    real_publish = publish.publish

    def publish_after_trying_to_write(built, target):
        attempt = subprocess.run(
            [sys.executable, "-c", "import sys, duckdb; duckdb.connect(sys.argv[1])", str(target)],
            capture_output=True,
            text=True,
        )
        reader = subprocess.run(
            [sys.executable, "-c", "import sys, duckdb; duckdb.connect(sys.argv[1], read_only=True)", str(target)],
            capture_output=True,
            text=True,
        )
        seen.append((attempt.returncode, "Could not set lock" in attempt.stderr, reader.returncode))
        real_publish(built, target)

    monkeypatch.setattr(publish, "publish", publish_after_trying_to_write)
    refresh(seed_folder, db, progress=False, full=True)
    assert seen == [(1, True, 0)]


# --- item 4: the lock file does not follow a link ------------------------------------------------------


def test_a_link_planted_as_the_lock_file_is_not_followed_and_its_target_is_not_truncated(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me", encoding="utf-8")
    lock = tmp_path / ".w.duckdb.building-lock"
    lock.symlink_to(precious)
    done = _refresh_cli(seed_folder, db)
    assert done.returncode == 1
    assert _errors(done) == [
        f"refresh failed: {lock} is a symbolic link, which a refresh does not follow; remove it, then refresh again"
    ]
    assert precious.read_text(encoding="utf-8") == "keep me"
    assert not db.exists()


# --- item 5: nothing outside SOURCES is read -----------------------------------------------------------


def test_links_to_files_outside_the_folder_never_reach_the_warehouse(seed_folder, tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "shadow").write_text("root:$6$salt$hash:19000:0:99999:7:::\n", encoding="utf-8")
    (seed_folder / "passwd.txt").symlink_to("/etc/passwd")
    (seed_folder / "etcdir").symlink_to(secret)
    (seed_folder / "manifest.csv").write_text(HEADER + "etcdir/shadow,shadow,,,,\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    done = _refresh_cli(seed_folder, db, "--keep-going")
    assert done.returncode == 1
    assert sorted(line for line in done.stderr.splitlines() if line.startswith("  ")) == [
        f"  {seed_folder}/manifest.csv:2: names etcdir/shadow, which is a link to {secret / 'shadow'}, outside "
        f"{seed_folder}; copy the file into the folder instead",
        f"  {seed_folder}/passwd.txt: a link to /etc/passwd, outside {seed_folder}; copy the file into the folder "
        "instead",
    ]
    assert query(db, "select doc_id from v1.documents") == [("acftu-2020",)]
    assert query(db, "select count(*) from v1.documents where text like '%root:%'") == [(0,)]


# --- item 7: a file name that is not UTF-8 -------------------------------------------------------------


@pytest.mark.parametrize("flags", [[], ["--keep-going"]], ids=["plain", "keep-going"])
def test_a_gbk_file_name_from_a_windows_zip_loads_under_a_readable_doc_id(seed_folder, tmp_path, flags):
    os.rename(
        os.fsencode(seed_folder / "acftu-2020.txt"),
        os.path.join(os.fsencode(seed_folder), "工会报告.txt".encode("gbk")),
    )
    db = tmp_path / "w.duckdb"
    done = _refresh_cli(seed_folder, db, *flags)
    assert done.returncode == 0, done.stderr
    assert query(db, "select doc_id, file from core.documents") == [("工会报告", "工会报告.txt")]
    assert f"{seed_folder}/工会报告.txt: no manifest row; loaded as doc_id 工会报告" in done.stderr
    again = _refresh_cli(seed_folder, db)
    assert (
        again.stdout
        == f"{db}: 1 documents, 23 figures (0 extracted, 1 unchanged); nothing changed, so it was left as it was\n"
    )


# --- item 9: a manifest that cannot be trusted stops before anything is built ---------------------------


def test_a_stray_quote_in_the_manifest_stops_the_refresh_naming_its_line_and_publishes_nothing(seed_folder, tmp_path):
    shutil.copy(SEED, seed_folder / "b.txt")
    (seed_folder / "manifest.csv").write_text(
        HEADER + 'acftu-2020.txt,acftu,"工会报告,工人日报,,2020\nb.txt,b,"标题",工人日报,,2020\n', encoding="utf-8"
    )
    db = tmp_path / "w.duckdb"
    done = _refresh_cli(seed_folder, db)
    assert done.returncode == 1
    assert _errors(done) == [
        f'refresh failed: {seed_folder}/manifest.csv:2: a quote (") opens a cell that runs on to line 3, '
        "swallowing the rows in between; remove the stray quote, or close it"
    ]
    assert not db.exists()


# --- item 11: non-reports are warned of ----------------------------------------------------------------


def test_a_file_without_figures_is_loaded_with_a_warning(seed_folder, tmp_path):
    shutil.copy("/etc/passwd", seed_folder / "passwd.txt")
    (seed_folder / "one.txt").write_bytes(b"a")
    (seed_folder / "manifest.csv").write_text(
        HEADER
        + "acftu-2020.txt,acftu-2020,,工人日报,,2020\npasswd.txt,passwd,,工人日报,,2020\none.txt,one,,工人日报,,2020\n",
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    done = _refresh_cli(seed_folder, db)
    assert done.returncode == 0
    assert _warnings(done) == [
        f"{seed_folder / 'passwd.txt'}: no figures found (loaded as passwd); is it a report?",
        f"{seed_folder / 'one.txt'}: no figures found (loaded as one); is it a report?",
    ]


def test_a_pdf_renamed_txt_is_refused_by_name_with_save_it_as_plain_text(seed_folder, tmp_path):
    (seed_folder / "report.txt").write_bytes(b"%PDF-1.4\n1 0 obj << >> stream\nBT (2020 100) Tj ET\nendstream\n")
    done = _refresh_cli(seed_folder, tmp_path / "w.duckdb")
    assert _errors(done) == [
        "refresh failed: the refresh stopped; no warehouse was written:",
        f"  {seed_folder / 'report.txt'}: the file is a PDF document, not text: open it and save it as plain text "
        "(.txt), then load that",
    ]


# --- item 12: Ctrl-C during a parallel refresh -------------------------------------------------------------


def test_ctrl_c_during_a_parallel_refresh_stops_at_once_without_a_traceback(seed_folder, tmp_path):
    for i in range(150):
        (seed_folder / f"copy-{i:04d}.txt").write_text(TEXT.replace("24.92亿元", f"{i}.5亿元"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    outcomes = []
    for delay in (0.05, 0.2, 0.35, 0.5, 0.65, 0.8):
        proc = subprocess.Popen(
            [sys.executable, "-m", "etl", "-v", "refresh", "--sources", str(seed_folder), "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own process group, as a terminal's: Ctrl-C reaches the workers too
        )
        for line in proc.stderr:
            if line.startswith("extracting"):
                break
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            pytest.fail(f"the refresh hung after Ctrl-C at {delay} s")
        outcomes.append((proc.returncode, "Traceback" in err, err.strip().splitlines()[-1]))
        if proc.returncode == 0:  # finished before the signal came: nothing to interrupt; start afresh
            db.unlink()
    interrupted = [o for o in outcomes if o[0] != 0]
    assert set(interrupted) == {(130, False, "interrupted; no warehouse was written")}
    assert len(interrupted) >= 3, outcomes
    assert not db.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".w.duckdb.building-")] in (
        [],
        [".w.duckdb.building-lock"],
    )


# --- item 15 and the loss guard: a history of builds --------------------------------------------------------


def _drop_sentences(text: str, share: float) -> str:
    """The report with the first `share` of its lines holding figures removed."""
    lines = text.split("\n")
    numbered = [i for i, line in enumerate(lines) if any(c.isdigit() for c in line)]
    gone = set(numbered[: int(len(numbered) * share)])
    return "\n".join(line for i, line in enumerate(lines) if i not in gone)


def test_a_document_losing_a_quarter_of_its_figures_is_warned_of_and_the_history_keeps_each_count(
    seed_folder, tmp_path
):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    (before,) = query(db, "select count(*) from v1.figures")[0]
    (seed_folder / "acftu-2020.txt").write_text(_drop_sentences(TEXT, 0.3), encoding="utf-8")
    done = _refresh_cli(seed_folder, db)
    assert done.returncode == 0, done.stderr
    (after,) = query(db, "select count(*) from v1.figures")[0]
    assert before * 0.5 <= after < before * 0.8
    assert (
        f"document acftu-2020: figures fell from {before} to {after} ({100 * (before - after) / before:.0f}% fewer) "
        "since the last build; check its file, or the catalog edit that caused it" in _warnings(done)
    )
    history = query(
        db, "select build_id, doc_id, doc_figures, doc_figures_before, doc_extracted from v2.builds order by build_id"
    )
    assert history == [(1, "acftu-2020", before, None, True), (2, "acftu-2020", after, before, True)]
    assert len(query(db, "select * from v1.builds")) == 1
    assert query(db, "select n_figures from v1.builds") == [(after,)]


def test_the_history_survives_full_and_unchanged_refreshes(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    before = db.read_bytes()
    assert refresh(seed_folder, db, progress=False).up_to_date  # nothing changed: nothing written
    assert db.read_bytes() == before
    (seed_folder / "acftu-2020.txt").write_text(TEXT + "\n新增一段。", encoding="utf-8")
    refresh(seed_folder, db, progress=False)  # a clone of the published file, the report extracted again
    refresh(seed_folder, db, progress=False, full=True)  # built afresh
    assert query(db, "select build_id, doc_extracted from v2.builds order by build_id") == [
        (1, True),
        (2, True),
        (3, True),
    ]
    assert query(db, "select count(distinct built_at) from v2.builds") == [(3,)]


def test_a_small_drop_is_not_warned_of(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    (seed_folder / "acftu-2020.txt").write_text(_drop_sentences(TEXT, 0.05), encoding="utf-8")
    done = _refresh_cli(seed_folder, db)
    assert done.returncode == 0
    assert [w for w in _warnings(done) if "figures fell" in w] == []


# --- issue 14 item 4: warnings a user sees -----------------------------------------------------------------


def test_an_unknown_publisher_is_warned_of_once_whatever_the_number_of_its_reports(seed_folder, tmp_path):
    shutil.copy(SEED, seed_folder / "b.txt")
    (seed_folder / "manifest.csv").write_text(
        HEADER + "acftu-2020.txt,a,,某某协会,,2020\nb.txt,b,,某某协会,,2020\n", encoding="utf-8"
    )
    done = _refresh_cli(seed_folder, tmp_path / "w.duckdb")
    assert done.returncode == 0
    assert _warnings(done) == [
        "publisher '某某协会' (a, b) matches no rule of publisher_words.csv or publishers.csv; "
        "its figures join no national series"
    ]


def test_the_previous_warehouse_is_said_unchanged_only_when_there_was_one(seed_folder, tmp_path):
    (seed_folder / "empty.txt").write_bytes(b"")
    db = tmp_path / "w.duckdb"
    first = _refresh_cli(seed_folder, db)
    assert _errors(first)[0] == "refresh failed: the refresh stopped; no warehouse was written:"
    (seed_folder / "empty.txt").unlink()
    refresh(seed_folder, db, progress=False)
    (seed_folder / "empty.txt").write_bytes(b"")
    second = _refresh_cli(seed_folder, db)
    assert _errors(second)[0] == "refresh failed: the refresh stopped; the previous warehouse is unchanged:"


def test_an_empty_sources_folder_is_refused_not_built_into_an_empty_warehouse(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    db = tmp_path / "w.duckdb"
    done = _refresh_cli(folder, db)
    assert done.returncode == 1
    assert _errors(done) == [
        f"refresh failed: {folder}: no reports here (files ending in .htm, .html, .md, .text, .txt); put the "
        "reports in it, or name the folder that holds them with --sources (make refresh SOURCES=)"
    ]
    assert not db.exists()


def test_force_says_which_document_it_let_go(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(SEED, seed_folder / "b.txt")
    refresh(seed_folder, db, progress=False)
    (seed_folder / "b.txt").unlink()
    done = _refresh_cli(seed_folder, db, "--force")
    assert done.returncode == 0
    assert f"document b is in {db} but not in this refresh: it is gone (--force)" in _warnings(done)


DYING_WORKER = """
import os, signal, sys
from etl.warehouse import workers
from etl.cli import main
real = workers.process_one
def dying(job):
    if job[0].file == "copy-0050.txt":
        os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return real(job)
workers.process_one = dying
sys.exit(main(sys.argv[1:]))
"""


def test_a_worker_killed_mid_refresh_is_one_line_and_the_warehouse_stays(published_seed):
    folder, db, before = published_seed
    for i in range(60):
        (folder / f"copy-{i:04d}.txt").write_text(TEXT.replace("24.92亿元", f"{i}.5亿元"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", DYING_WORKER, "refresh", "--sources", str(folder), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = _errors(done)
    assert line.startswith("refresh failed: an extraction worker died (")
    assert line.endswith("); the previous warehouse is unchanged")
    assert db.read_bytes() == before


@pytest.fixture
def published_seed(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    return seed_folder, db, db.read_bytes()


SLOW_WORKER = """
import sys, time
from etl.warehouse import workers
from etl.cli import main
real = workers.process_one
def slow(job):
    print("a worker took a document", file=sys.stderr, flush=True)
    time.sleep(0.5)
    return real(job)
workers.process_one = slow
sys.exit(main(sys.argv[1:]))
"""


def test_a_second_ctrl_c_stops_at_once(seed_folder, tmp_path):
    for i in range(150):
        (seed_folder / f"copy-{i:04d}.txt").write_text(TEXT.replace("24.92亿元", f"{i}.5亿元"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOW_WORKER, "refresh", "--sources", str(seed_folder), "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    # A worker has a document: the refresh's Ctrl-C handler is in place (it is set before the first
    # document is handed out), and each worker's chunk takes seconds, so both signals land mid-extraction.
    for line in proc.stderr:
        if line.startswith("a worker took a document"):
            break
    os.killpg(proc.pid, signal.SIGINT)
    time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the refresh hung after a second Ctrl-C")
    assert (proc.returncode, err.strip().splitlines()[-1]) == (
        130,
        "interrupted twice: stopped at once; nothing was published",
    )
    assert "Traceback" not in err
    assert not db.exists()


def test_a_table_someone_added_to_the_warehouse_is_not_dropped_without_force(published_seed):
    folder, db, _ = published_seed
    con = duckdb.connect(str(db))
    con.execute("create table my_notes as select 'call the union office' as note")
    con.close()
    before = db.read_bytes()
    done = _refresh_cli(folder, db)
    assert done.returncode == 1
    assert _errors(done) == [
        f"refresh failed: {db} holds main.my_notes, which a refresh does not make (added by hand?) and would drop; "
        "keep your own tables in another DuckDB file, or",
        "to publish anyway: make refresh FORCE=1 (.venv/bin/python -m etl refresh --force)",
    ]
    assert db.read_bytes() == before
    forced = _refresh_cli(folder, db, "--force")
    assert forced.returncode == 0
    assert f"{db}: dropped main.my_notes, which a refresh does not make (--force)" in _warnings(forced)
    assert query(db, "select count(*) from duckdb_tables() where schema_name = 'main'") == [(0,)]


HOSTILE_NAME = "x\"; copy (select 'pwned') to '{}'; --"


@pytest.mark.parametrize(
    "create",
    [
        'create table main."{}" (a int)',
        'create table core."{}" (a int)',
        'create schema "{}"',
        'create view main."{}" as select 1 as a',
    ],
    ids=["main-table", "core-table", "schema", "view"],
)
def test_a_table_named_with_sql_never_runs_it_under_force(published_seed, tmp_path, create):
    folder, db, _ = published_seed
    pwned = tmp_path / "pwned.csv"
    name = HOSTILE_NAME.format(pwned)
    con = duckdb.connect(str(db))
    con.execute(create.format(name.replace('"', '""')))
    con.close()
    (folder / "copy.txt").write_text(TEXT.replace("24.92亿元", "31.5亿元"), encoding="utf-8")  # the build is a copy
    forced = _refresh_cli(folder, db, "--force")
    assert forced.returncode == 0, forced.stderr
    assert not pwned.exists()
    assert query(db, "select count(*) from duckdb_tables() where table_name like 'x%'") == [(0,)]
    assert query(db, "select count(*) from duckdb_schemas() where schema_name like 'x%'") == [(0,)]
    assert query(db, "select count(*) from duckdb_views() where view_name like 'x%'") == [(0,)]


def test_a_name_with_a_quote_and_a_newline_is_shown_quoted_on_one_line(published_seed):
    folder, db, _ = published_seed
    con = duckdb.connect(str(db))
    con.execute('create table main."a""b\nc" (a int)')
    con.close()
    done = _refresh_cli(folder, db)
    assert done.returncode == 1
    assert _errors(done)[0] == (
        f'refresh failed: {db} holds "main"."a""b\\x0ac", which a refresh does not make (added by hand?) and would '
        "drop; keep your own tables in another DuckDB file, or"
    )


# --- Ctrl-C: one true line and exit status 130, wherever it lands ---------------------------------------------


def test_ctrl_c_while_the_new_warehouse_is_renamed_in_says_it_was_published(published_seed, monkeypatch, capsys):
    from etl.cli import main
    from etl.warehouse import publish

    folder, db, before = published_seed
    (folder / "copy.txt").write_text(TEXT.replace("24.92亿元", "31.5亿元"), encoding="utf-8")
    real = publish.publish

    def interrupted_while_publishing(built, target):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C lands during the rename
        real(built, target)

    monkeypatch.setattr(publish, "publish", interrupted_while_publishing)
    assert main(["refresh", "--sources", str(folder), "--db", str(db)]) == 130
    assert capsys.readouterr().err.splitlines()[-1] == "interrupted; the new warehouse was published"
    assert db.read_bytes() != before
    assert query(db, "select count(*) from v1.documents") == [(2,)]


def test_duckdb_s_query_interrupted_outside_the_build_is_one_line_not_a_traceback(published_seed, monkeypatch, capsys):
    from etl.cli import main
    from etl.warehouse import previous

    folder, db, before = published_seed

    def interrupted(db):
        raise RuntimeError("Query interrupted")

    monkeypatch.setattr(previous, "inspect", interrupted)
    assert main(["refresh", "--sources", str(folder), "--db", str(db)]) == 130
    assert capsys.readouterr().err == "interrupted; the previous warehouse is unchanged\n"
    assert db.read_bytes() == before


def test_a_ctrl_c_that_lands_in_a_finalizer_is_one_line_not_a_traceback(published_seed, monkeypatch, capsys):
    # Python cannot raise a KeyboardInterrupt out of a finalizer (a weak set's callback run as an object
    # goes): it would print "Exception ignored in" and a traceback, and go on as if no Ctrl-C had come
    from etl.cli import main
    from etl.warehouse import command

    folder, db, before = published_seed
    real = command.refresh

    class Finalizer:
        def __del__(self):
            raise KeyboardInterrupt

    def refresh_then_ctrl_c_in_a_finalizer(*args, **kwargs):
        result = real(*args, **kwargs)
        Finalizer()  # made and gone at once: its __del__ runs here
        return result

    (folder / "copy-0000.txt").write_text(TEXT.replace("24.92亿元", "7.5亿元"), encoding="utf-8")
    monkeypatch.setattr(command, "refresh", refresh_then_ctrl_c_in_a_finalizer)
    assert main(["refresh", "--sources", str(folder), "--db", str(db)]) == 130
    err = capsys.readouterr().err
    assert (err.splitlines()[-1], "Traceback" in err) == ("interrupted; the new warehouse was published", False)
    assert db.read_bytes() != before


@pytest.mark.parametrize("marker", ["extracting", "building ", "published "])
def test_ctrl_c_at_each_step_says_truly_what_it_left(seed_folder, tmp_path, marker):
    """Whenever it lands, the last line is true: the warehouse changed exactly when it says it was published."""
    for i in range(40):
        (seed_folder / f"copy-{i:04d}.txt").write_text(TEXT.replace("24.92亿元", f"{i}.5亿元"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False, full=True)
    for i in range(40, 45):
        (seed_folder / f"copy-{i:04d}.txt").write_text(TEXT.replace("24.92亿元", f"{i}.5亿元"), encoding="utf-8")
    before = db.read_bytes()
    # stderr goes to a file, read as it grows: a pipe read line by line reads ahead, and what it
    # read past the marker would be lost to communicate()
    log = tmp_path / "stderr.txt"
    with log.open("w", encoding="utf-8") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "etl", "-v", "refresh", "--sources", str(seed_folder), "--db", str(db)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=sink,
            text=True,
            start_new_session=True,
        )
    interrupt_when_logged(proc, log, marker)
    err = log.read_text(encoding="utf-8")
    assert "Traceback" not in err
    changed = db.read_bytes() != before
    if proc.returncode == 0:  # it finished before the signal came
        assert changed
        return
    last = err.strip().splitlines()[-1]
    assert (proc.returncode, last) == (
        130,
        "interrupted; the new warehouse was published"
        if changed
        else "interrupted; the previous warehouse is unchanged",
    )
    if marker == "published ":
        assert changed


@pytest.mark.parametrize("given", ["", ".", "/"])
def test_a_warehouse_path_that_is_empty_or_a_folder_is_one_line(seed_folder, tmp_path, given):
    done = _cli("refresh", "--sources", str(seed_folder), f"--db={given}")
    assert (done.returncode, done.stderr.splitlines()[-1]) == (
        1,
        f"refresh failed: {given or '.'} is a folder, not a warehouse file; name another file with --db "
        "(make refresh DB=...), or move this one away",
    )
    assert "Traceback" not in done.stderr


def test_a_ctrl_c_while_python_shuts_down_after_the_command_prints_no_traceback(tmp_path):
    late = (
        "import atexit, os, runpy, signal\n"
        "atexit.register(lambda: os.kill(os.getpid(), signal.SIGINT))  # lands after the command has ended\n"
        "runpy.run_module('etl', run_name='__main__')\n"
    )
    done = subprocess.run([sys.executable, "-c", late, "query"], cwd=ROOT, capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
