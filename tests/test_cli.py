"""The command line: what it says about itself, and working through make."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from etl.cli import _parser

from .conftest import ROOT, query


def _make_targets() -> list[str]:
    return re.findall(r"^([a-z]+):.*## ", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)


def test_make_help_lists_every_target():
    out = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert [t for t in _make_targets() if f"make {t}" not in out] == []


def test_python_m_etl_help_lists_the_commands():
    out = subprocess.run([sys.executable, "-m", "etl", "--help"], cwd=ROOT, capture_output=True, text=True).stdout
    for command in ("refresh", "check", "export", "query"):
        assert command in out


def test_every_command_and_option_says_what_it_is_for():
    parser = _parser()
    assert parser.description == "zhibiao: figures from Chinese government work reports, in a DuckDB warehouse."
    commands = parser._subparsers._group_actions[0].choices
    for name, command in commands.items():
        assert command.description and command.description.endswith("."), name
        assert [a.dest for a in command._actions if not a.help] == [], name


@pytest.mark.parametrize(
    ("argv", "verbose"),
    [(["-v", "query"], True), (["query", "-v"], True), (["query", "--verbose", "x"], True), (["query"], False)],
)
def test_verbose_may_come_before_or_after_the_command(argv, verbose):
    assert _parser().parse_args(argv).verbose is verbose


def test_make_refresh_builds_from_another_folder_into_another_file(seed_folder, tmp_path):
    db = tmp_path / "second.duckdb"
    default = ROOT / "data" / "warehouse.duckdb"
    before = default.stat().st_mtime_ns if default.exists() else None
    subprocess.run(["make", "-s", "refresh", f"SOURCES={seed_folder}", f"DB={db}"], cwd=ROOT, check=True)
    assert query(db, "select count(*) from v1.figures") == [(23,)]
    assert (default.stat().st_mtime_ns if default.exists() else None) == before


def test_a_reader_that_stops_early_is_not_an_error():
    listing = subprocess.Popen(
        [sys.executable, "-m", "etl", "query"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    listing.stdout.close()  # before the child prints: its first write meets a closed pipe
    assert listing.wait() == 0
    assert b"Traceback" not in listing.stderr.read()


# A Ctrl-C while `python -m etl` loads etl.cli (about 0.3 s of imports), made to land there for sure:
# an import hook raises it, or sends the process a real SIGINT, when the named module is first imported.
CTRL_C_AT_IMPORT = """
import importlib.abc, os, runpy, signal, sys
class CtrlC(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == {module!r}:
            {action}
        return None
sys.meta_path.insert(0, CtrlC())
sys.argv = ["etl", "refresh", "--sources", "nowhere", "--db", "nowhere.duckdb"]
runpy.run_module("etl", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize(
    ("module", "action"),
    [
        ("etl.cli", "raise KeyboardInterrupt"),
        ("duckdb", "raise KeyboardInterrupt"),
        ("etl.rules.unknown", "os.kill(os.getpid(), signal.SIGINT)"),
    ],
)
def test_ctrl_c_while_python_m_etl_starts_is_one_line_and_exit_130(module, action, tmp_path):
    script = CTRL_C_AT_IMPORT.format(module=module, action=action)
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "interrupted; nothing was written\n")
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_main_reads_its_arguments_is_one_line_and_exit_130(tmp_path):
    script = (
        "import runpy, sys\n"
        "import etl.cli\n"
        "def ctrl_c():\n"
        "    raise KeyboardInterrupt\n"
        "etl.cli._parser = ctrl_c\n"
        "sys.argv = ['etl', 'check', '--db', 'nowhere.duckdb']\n"
        "runpy.run_module('etl', run_name='__main__', alter_sys=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "interrupted; nothing was written\n")
