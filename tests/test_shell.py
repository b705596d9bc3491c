"""The DuckDB shell installed from PyPI opens the file the Python package wrote."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import duckdb

from .conftest import ROOT


def _shell() -> str:
    found = ROOT / ".venv" / "bin" / "duckdb"
    return str(found) if found.exists() else shutil.which("duckdb")


def test_the_shell_and_the_package_are_the_same_release():
    out = subprocess.run([_shell(), "-version"], capture_output=True, text=True, check=True).stdout
    assert out.split()[0].lstrip("v") == duckdb.__version__


def test_the_shell_opens_the_built_warehouse_read_only(warehouse: Path):
    out = subprocess.run(
        [
            _shell(),
            "-readonly",
            "-csv",
            "-noheader",
            str(warehouse),
            "-c",
            "select count(*) from v1.figures where doc_id = 'acftu-2020'",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == "23"
