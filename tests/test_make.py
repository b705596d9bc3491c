"""The Makefile: what a user types, with whatever paths and names they give it."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import termios
import time
from pathlib import Path

from .conftest import ROOT, query
from .helpers import make_shell

SHELL_BINARY = "duckdb_cli/duckdb"


def make(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "-s", *args], cwd=ROOT, capture_output=True, text=True, **kwargs)


def test_make_help_shows_the_warehouse_sources_and_exports_it_will_use():
    out = make("help", "DB=/tmp/my reports.duckdb", "OUT=tables").stdout
    assert "  make check     Run the data checks on /tmp/my reports.duckdb\n" in out
    assert "  make refresh   Build /tmp/my reports.duckdb from the reports in data/raw (" in out
    assert (
        "  make export    Write every v1 and v2 view as CSV (and one XLSX workbook) into tables/ "
        "(FORMAT=parquet: the v2 views as Parquet)\n"
    ) in out
    assert "$(" not in out


def test_make_help_says_the_site_goes_into_site_not_the_exports_folder():
    out = make("help").stdout
    assert (
        "  make report    Write a static site of reports, series, comparisons and programmes into site/ "
        "(OUT=<folder> for another; opens from disk)\n"
    ) in out


def test_make_report_writes_into_the_out_it_is_given_and_into_site_without_one(warehouse, tmp_path):
    out = tmp_path / "my site"
    before = (ROOT / "site").stat().st_mtime_ns if (ROOT / "site").exists() else None
    done = make("report", f"DB={warehouse}", f"OUT={out}")  # it wrote into site/, whatever OUT said
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out / 'index.html'}: ") and (out / "index.html").is_file()
    assert ((ROOT / "site").stat().st_mtime_ns if (ROOT / "site").exists() else None) == before
    dry = subprocess.run(
        ["make", "--no-print-directory", "-n", "report", f"DB={warehouse}"], cwd=ROOT, capture_output=True, text=True
    )
    assert dry.stdout.rstrip().endswith("--out='site'")


def test_make_tests_points_to_make_test():
    done = make("tests")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "There is no 'make tests': 'make test' runs the tests ('make help' lists the targets)."
    )


def test_the_first_install_says_what_it_is_doing_before_pip_runs():
    # -W: as if pyproject.toml had just changed, so the install would run; -n: only print it.
    out = make("-n", "-W", "pyproject.toml", "refresh").stdout.splitlines()
    assert out[0].startswith('echo "Installing zhibiao and its tools into .venv')
    assert "-m venv" in out[1]


def test_a_question_name_never_reaches_the_shell(warehouse, tmp_path):
    done = make("query", f"Q=x; touch {tmp_path}/pwned; #", f"DB={warehouse}")
    assert done.returncode != 0
    assert f"no ready question 'x; touch {tmp_path}/pwned; #'; there are: covid_funds_2020," in done.stderr
    assert not (tmp_path / "pwned").exists()


def test_paths_with_quotes_semicolons_and_dollars_are_used_as_given(seed_folder, tmp_path):
    odd = tmp_path / "it's; touch pwned; echo '$(x) $$HOME"
    odd.mkdir()
    db = odd / "w'; touch pwned; echo '.duckdb"
    out = odd / "ex'ports"
    sources = tmp_path / "my 'reports'"
    seed_folder.rename(sources)
    assert make("refresh", f"SOURCES={sources}", f"DB={db}").returncode == 0
    assert query(db, "select count(*) from v1.documents") == [(1,)]
    assert make("check", f"DB={db}").stdout == f"{db}: all checks passed\n"
    assert make("query", "Q=reports_loaded", f"DB={db}", "FORMAT=tsv").stdout.splitlines()[1].startswith("acftu-2020\t")
    assert make("export", f"DB={db}", f"OUT={out}").returncode == 0
    assert (out / "v1_figures.csv").exists()
    # Run from a scratch folder: clean also removes the checkout's caches, site/ and bench/corpus/.
    scratch = tmp_path / "checkout"
    (scratch / "bench" / "corpus").mkdir(parents=True)
    cleaning = subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "clean", f"DB={db}", f"OUT={out}"],
        cwd=scratch,
        capture_output=True,
        text=True,
    )
    assert cleaning.returncode == 0, cleaning.stderr
    assert not db.exists() and not out.exists() and not (scratch / "bench" / "corpus").exists()
    assert list(ROOT.glob("pwned")) == [] and list(tmp_path.rglob("pwned")) == []


def test_make_shell_without_a_warehouse_says_to_run_make_refresh(tmp_path):
    done = make("shell", f"DB={tmp_path}/none.duckdb")
    assert done.returncode == 2  # make's status for a failed recipe
    assert done.stderr.splitlines()[0] == f"{tmp_path}/none.duckdb: no warehouse here; run make refresh first"


def test_make_shell_runs_the_native_duckdb_binary_with_no_python_in_between(warehouse):
    shell = subprocess.Popen(
        ["make", "-s", "shell", f"DB={warehouse}"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        child = _child_of(shell.pid)
        assert os.readlink(f"/proc/{child}/exe").endswith(SHELL_BINARY)
        assert _arguments(child)[1:3] == [b"-readonly", str(warehouse).encode()]
        out, _ = shell.communicate(".mode csv\nselect count(*) as n from v1.documents;\n", timeout=60)
    finally:
        if shell.poll() is None:
            shell.kill()
    assert shell.returncode == 0
    assert out == "n\n18\n"


def test_the_native_shell_binary_is_the_one_the_duckdb_cli_package_ships():
    import duckdb_cli

    binary = Path(duckdb_cli.__file__).parent / "duckdb"
    with binary.open("rb") as fh:
        assert fh.read(4) == b"\x7fELF"


def _child_of(pid: int) -> int:
    """The process make runs for the recipe (the shell execs into the binary)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            try:
                stat = (entry / "stat").read_text()
                exe = os.readlink(entry / "exe")
            except (OSError, ValueError):
                continue
            if stat.rsplit(") ", 1)[1].split()[1] == str(pid) and exe.endswith(SHELL_BINARY):
                return int(entry.name)
        time.sleep(0.05)
    raise AssertionError("make shell started no duckdb binary")


def _arguments(pid: int) -> list[bytes]:
    """The command line of process `pid`, once the kernel shows it: on a busy machine /proc may show an
    empty one for a moment while the shell's exec completes."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if arguments != [b""]:
            return arguments
        time.sleep(0.05)
    raise AssertionError(f"process {pid} shows no command line")


def test_ctrl_c_in_make_shell_cancels_the_query_and_keeps_the_shell(warehouse):
    pid, fd = pty.fork()
    if pid == 0:  # the child: make shell on a terminal of its own
        try:
            os.chdir(ROOT)
            os.execvp("make", ["make", "-s", "shell", f"DB={warehouse}"])
        finally:
            os._exit(127)
    terminal = _Terminal(fd)
    try:
        assert terminal.wait_for(b" D ")  # the prompt
        terminal.type(b"select count(*) from range(100000000000) a;\r")  # minutes of work
        time.sleep(2)
        terminal.type(b"\x03")
        assert terminal.wait_for(b"^C") and terminal.wait_for(b" D ")
        terminal.type(b"select 6 * 7 as answer;\r")
        assert terminal.wait_for(b"42")
        assert not _ended(pid, timeout=0)  # make still runs the shell
        assert b"Traceback" not in terminal.transcript
        terminal.type(b".quit\r")
        assert _ended(pid, timeout=10)
    finally:
        if not _ended(pid, timeout=0):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        os.close(fd)


def test_leaving_make_shell_after_a_failed_statement_is_quiet(warehouse):
    pid, fd = pty.fork()
    if pid == 0:  # the child: make shell on a terminal of its own (no -s: make would say Error 1)
        try:
            os.chdir(ROOT)
            os.execvp("make", ["make", "shell", f"DB={warehouse}"])
        finally:
            os._exit(127)
    terminal = _Terminal(fd)
    try:
        assert terminal.wait_for(b" D ")
        terminal.type(b"select * from no_such_view;\r")
        assert terminal.wait_for(b"no_such_view") and terminal.wait_for(b" D ")
        terminal.type(b".quit\r")
        terminal.wait_for(b"make: ***", timeout=5)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
        assert b"make: ***" not in terminal.transcript and b"Error 1" not in terminal.transcript
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)


def test_make_shell_fed_from_a_pipe_keeps_the_shells_exit_status(warehouse):
    done = make_shell(warehouse, "select * from no_such_view;\n")
    assert done.returncode == 2 and "no_such_view" in done.stderr  # a script learns that a statement failed


def _ended(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:  # already waited for
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


class _Terminal:
    """The far end of a pseudo-terminal, answering the questions the DuckDB shell asks a terminal."""

    ANSWERS = {b"\x1b]11;?": b"\x1b]11;rgb:0000/0000/0000\x07", b"\x1b[c": b"\x1b[?1;2c", b"\x1b[6n": b"\x1b[1;1R"}

    def __init__(self, fd: int):
        self.fd = fd
        self.seen = self.transcript = b""
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def type(self, keys: bytes) -> None:
        self.seen = b""
        os.write(self.fd, keys)

    def wait_for(self, text: bytes, timeout: float = 30) -> bool:
        deadline = time.monotonic() + timeout
        while text not in self.seen and time.monotonic() < deadline:
            if select.select([self.fd], [], [], 0.1)[0]:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the shell has ended
                    return False
                self.seen += chunk
                self.transcript += chunk
                for question, answer in self.ANSWERS.items():
                    for _ in range(chunk.count(question)):
                        os.write(self.fd, answer)
        if text in self.seen:
            self.seen = self.seen[self.seen.index(text) + len(text) :]
            return True
        return False


VARIABLES = ["PYTHON", "SOURCES", "DB", "CATALOG", "OUT", "FORCE", "KEEP_GOING", "FULL", "Q", "FORMAT", "SCALE"]


def test_no_make_variable_is_ever_expanded_given_on_the_command_line_or_in_the_environment(tmp_path):
    pwned = tmp_path / "pwned"
    for name in VARIABLES:
        run = f"$(shell touch {pwned}-{name})"
        assert make("help", f"{name}={run}").returncode == 0
        assert make("help", env={**os.environ, name: run}).returncode == 0
    done = make("check", f"DB=$(shell touch {pwned})")
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == f"$(shell touch {pwned}): no warehouse here; run make refresh first"
    assert sorted(tmp_path.iterdir()) == []


def _clean(tmp_path, *variables):
    scratch = tmp_path / "checkout"  # clean also removes a checkout's caches: not this one's
    scratch.mkdir(exist_ok=True)
    return subprocess.run(
        ["make", "-s", "-f", str(ROOT / "Makefile"), "clean", *variables], cwd=scratch, capture_output=True, text=True
    )


def test_make_clean_removes_what_an_export_wrote_and_keeps_the_folder_s_own_files(warehouse, tmp_path):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine", encoding="utf-8")
    assert make("export", f"DB={warehouse}", f"OUT={mine}").returncode == 0
    assert make("export", f"DB={warehouse}", f"OUT={mine}", "FORMAT=parquet").returncode == 0
    assert (mine / "v1_figures.csv").exists() and (mine / "v2_figures").is_dir()
    done = _clean(tmp_path, f"DB={tmp_path / 'none.duckdb'}", f"OUT={mine}")
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"{mine}: kept, it holds files zhibiao did not write\n"
    assert done.stdout == f"removed the 29 files zhibiao wrote into {mine}/\n"  # 20 of the CSV export, 9 of Parquet
    assert sorted(p.name for p in mine.iterdir()) == ["notes.txt"]


def test_make_clean_never_deletes_a_folder_zhibiao_did_not_make(tmp_path):
    theirs = tmp_path / "theirs"
    (theirs / "deep").mkdir(parents=True)
    (theirs / "v1_figures.csv").write_text("their own", encoding="utf-8")
    done = _clean(tmp_path, f"DB={tmp_path / 'none.duckdb'}", f"OUT={theirs}")
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"{theirs}: kept, zhibiao did not make it (it has no .zhibiao-files list)\n"
    assert (theirs / "v1_figures.csv").read_text(encoding="utf-8") == "their own" and (theirs / "deep").is_dir()


def test_make_clean_removes_a_folder_an_export_made_whole(warehouse, tmp_path):
    out = tmp_path / "exports"
    assert make("export", f"DB={warehouse}", f"OUT={out}").returncode == 0
    (tmp_path / "w.duckdb").write_bytes(b"")
    (tmp_path / ".w.duckdb.building-999999999").mkdir()
    done = _clean(tmp_path, f"DB={tmp_path / 'w.duckdb'}", f"OUT={out}")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [  # make clean says what it removes (19 CSV files and the workbook)
        f"removed {tmp_path / 'w.duckdb'}",
        f"removed {out}/ (the 20 files zhibiao wrote there)",
        f"removed {tmp_path}/.w.duckdb.building-999999999 (left by a build or export that was stopped)",
    ]
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["checkout"]


def test_make_clean_removes_the_site_it_wrote_and_keeps_a_site_folder_of_someone_else_s(warehouse, tmp_path):
    from etl.site.build import build_site

    build_site(warehouse, tmp_path / "checkout" / "site")
    assert _clean(tmp_path, f"DB={tmp_path / 'none.duckdb'}", f"OUT={tmp_path / 'none'}").returncode == 0
    assert not (tmp_path / "checkout" / "site").exists()
    (tmp_path / "checkout" / "site").mkdir()
    (tmp_path / "checkout" / "site" / "index.html").write_text("my own page", encoding="utf-8")
    done = _clean(tmp_path, f"DB={tmp_path / 'none.duckdb'}", f"OUT={tmp_path / 'none'}")
    assert done.stderr == "site: kept, zhibiao did not make it (it has no .zhibiao-files list)\n"
    assert (tmp_path / "checkout" / "site" / "index.html").read_text(encoding="utf-8") == "my own page"


def test_an_empty_db_or_out_is_refused_before_anything_runs(tmp_path):
    done = make("export", "OUT=")
    assert (done.returncode, done.stderr.split(": *** ")[1]) == (
        2,
        "OUT is empty: name a folder, e.g. OUT=exports.  Stop.\n",
    )
    done = _clean(tmp_path, "DB=")
    assert (done.returncode, done.stderr.split(": *** ")[1]) == (
        2,
        "DB is empty: name the warehouse file, e.g. DB=data/warehouse.duckdb.  Stop.\n",
    )
    assert (tmp_path / "checkout").is_dir()
