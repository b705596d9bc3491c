"""A user's own reports in data/raw do not break the tests: the tests read their own copy."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys

from .conftest import RAW, ROOT, SEED

# Tests that pin the shipped corpus: 18 documents, their figures and series.
PINNED = [
    "tests/test_contract.py::test_the_build_records_code_catalog_and_view_versions",
    "tests/test_queries.py::test_reports_loaded",
    "tests/test_queries.py::test_new_urban_jobs_2013_to_2021_with_targets",
    "tests/test_views.py",
]


def test_the_tests_read_their_own_copy_of_the_shipped_reports():
    assert RAW == ROOT / "tests" / "fixtures" / "reports"
    with (RAW / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        listed = [row["file"] for row in csv.DictReader(fh)]
    assert len(listed) == 18
    assert sorted(p.name for p in RAW.iterdir()) == sorted([*listed, "manifest.csv"])
    assert SEED.parent == RAW


def test_the_tests_pass_with_a_report_added_to_data_raw(tmp_path):
    """A copy of the project whose data/raw holds one report more, as the README says to add it."""
    project = tmp_path / "project"
    for part in ("etl", "sql", "tests", "data"):
        shutil.copytree(ROOT / part, project / part, ignore=shutil.ignore_patterns("__pycache__", "*.duckdb*"))
    shutil.copy(ROOT / "pyproject.toml", project / "pyproject.toml")
    raw = project / "data" / "raw"
    text = SEED.read_text(encoding="utf-8").replace("24.92亿元", "25.01亿元")
    (raw / "my-report.txt").write_text(text, encoding="utf-8")
    with (raw / "manifest.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(["my-report.txt", "my-2021", "我的报告", "国务院", "", "2021"])

    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *PINNED],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=540,
    )
    assert done.returncode == 0, done.stdout[-3000:]
