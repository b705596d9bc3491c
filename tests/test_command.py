"""`python -m etl refresh` at its end: a Ctrl-C however late is one true line and exit status 130.

Each late step of a refresh is interrupted in turn (a real SIGINT, sent by the
step itself just before it runs, so nothing depends on timing), and the line
must say what the warehouse file shows: published exactly when it is another
file. The bounded loop at the end sends Ctrl-C from outside at staggered
moments of a real run.
"""

from __future__ import annotations

import concurrent.futures
import os
import signal
import subprocess
import sys

import pytest

from etl.cli import main
from etl.warehouse import build, checks, command, locks, publish, talk, workers
from etl.warehouse.refresh import refresh

from .conftest import ROOT, SEED
from .helpers import interrupt_when_logged

TEXT = SEED.read_text(encoding="utf-8")
PUBLISHED = "interrupted; the new warehouse was published"
UNCHANGED = "interrupted; the previous warehouse is unchanged"


@pytest.fixture
def published(seed_folder, tmp_path):
    """A published warehouse of the seed, and a second report added since: the next refresh publishes."""
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    (seed_folder / "copy.txt").write_text(TEXT.replace("24.92亿元", "31.5亿元"), encoding="utf-8")
    return seed_folder, db


def _interrupting(real):
    def step(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C lands as the step starts
        return real(*args, **kwargs)

    return step


@pytest.mark.parametrize(
    ("owner", "name", "line"),
    [
        (concurrent.futures.ProcessPoolExecutor, "shutdown", UNCHANGED),  # the workers stop: the last was in
        (checks, "check_build", UNCHANGED),
        (build, "record_build", UNCHANGED),
        (publish, "publish", PUBLISHED),  # held off: raised once the rename is done
        (build, "remove", PUBLISHED),  # the build file's leftovers, after the rename
        (locks, "release", PUBLISHED),
        (talk, "collapse", PUBLISHED),  # the warnings said at the end
        (command, "_said", PUBLISHED),  # the counts
    ],
    ids=["workers-stopping", "checks", "record", "publish", "cleanup", "lock", "warnings", "counts"],
)
def test_a_ctrl_c_at_each_late_step_is_one_true_line_and_130(published, monkeypatch, capsys, owner, name, line):
    folder, db = published
    before = os.stat(db).st_ino
    monkeypatch.setattr(workers, "PARALLEL_THRESHOLD", 1)  # in worker processes, as a corpus is
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(owner, name, _interrupting(getattr(owner, name)))
    assert main(["refresh", "--sources", str(folder), "--db", str(db)]) == 130
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-1] == line
    assert (os.stat(db).st_ino != before) == (line == PUBLISHED)


def test_a_ctrl_c_while_an_up_to_date_warehouse_is_said_says_it_is_unchanged(published, monkeypatch, capsys):
    folder, db = published
    refresh(folder, db, progress=False)
    before = db.read_bytes()
    monkeypatch.setattr(command, "_said", _interrupting(command._said))
    assert main(["refresh", "--sources", str(folder), "--db", str(db)]) == 130
    captured = capsys.readouterr()
    assert captured.out.endswith("; nothing changed, so it was left as it was\n")  # said whole first
    assert captured.err.splitlines()[-1] == UNCHANGED
    assert db.read_bytes() == before


# Every Python handler of SIGINT the command installs first notes that it ran: a Ctrl-C that
# reached the command (was not ignored once all was said) must end it with 130.
NOTED = """
import os, runpy, signal
real = signal.signal
def noted(handler):
    if not callable(handler):
        return handler
    def note(signum, frame):
        with open(os.environ["SIGINT_NOTE"], "a") as fh:
            fh.write("SIGINT\\n")
        return handler(signum, frame)
    note.inner = handler
    return note
def install(signum, handler):
    previous = real(signum, noted(handler) if signum == signal.SIGINT else handler)
    return getattr(previous, "inner", previous)
signal.signal = install
real(signal.SIGINT, noted(signal.default_int_handler))
runpy.run_module("etl", run_name="__main__", alter_sys=True)
"""


def test_ctrl_c_at_staggered_moments_of_a_real_refresh_is_always_told_truly(seed_folder, tmp_path):
    """Bounded: eight refreshes, each interrupted at a delay after a step's log line."""
    for i in range(20):  # enough reports for the extraction workers
        (seed_folder / f"copy-{i:02d}.txt").write_text(TEXT.replace("24.92亿元", f"{i}.5亿元"), encoding="utf-8")
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    outcomes = []
    moments = [("extracting", 0.0), ("extracting", 0.5), ("building", 0.2)] + [
        ("published", delay) for delay in (0.0, 0.002, 0.005, 0.01, 0.03)
    ]
    for run, (marker, delay) in enumerate(moments):
        (seed_folder / "copy-00.txt").write_text(TEXT.replace("24.92亿元", f"{run + 100}.5亿元"), encoding="utf-8")
        before = os.stat(db).st_ino
        log, out, note = (tmp_path / f"{name}-{run}.txt" for name in ("err", "out", "note"))
        with log.open("w") as err_sink, out.open("w") as out_sink:
            proc = subprocess.Popen(
                [sys.executable, "-c", NOTED, "-v", "refresh", "--sources", str(seed_folder), "--db", str(db)],
                cwd=ROOT,
                stdout=out_sink,
                stderr=err_sink,
                env={**os.environ, "SIGINT_NOTE": str(note)},
                start_new_session=True,  # its own process group, as a terminal's: Ctrl-C reaches the workers too
            )
        interrupt_when_logged(proc, log, marker, delay, wait=120)
        err = log.read_text(encoding="utf-8")
        changed = os.stat(db).st_ino != before
        reached = note.exists()
        outcomes.append((marker, delay, proc.returncode, changed, reached))
        assert "Traceback" not in err
        if proc.returncode == 0:  # the Ctrl-C came once all was said: it never reached the command
            assert changed and not reached, outcomes
            assert out.read_text(encoding="utf-8").startswith(f"{db}: 21 documents")
        else:
            assert (proc.returncode, err.strip().splitlines()[-1]) == (130, PUBLISHED if changed else UNCHANGED)
    # At least the first lands mid-build on any machine; each late step is interrupted for sure above.
    assert sum(code == 130 for _, _, code, _, _ in outcomes) >= 1, outcomes
