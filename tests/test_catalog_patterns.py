"""Catalog patterns are checked when loaded: no empty alternative, nothing matching everywhere, no pattern that
takes for ever; a bad one stops the refresh with one line naming the file and line."""

from __future__ import annotations

import shutil
import time

import pytest

from etl import CATALOG_DIR
from etl.catalog.cells import regex

from .helpers import refresh_cli

NEW_URBAN_JOBS = "城镇新增就业|新增城镇就业|^(?:实现)?新增就业(?:人数)?$"


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("城镇新增就业||新增城镇就业", "has an empty alternative (a||b, a | at either end): it would match anywhere"),
        ("城镇新增就业|", "has an empty alternative (a||b, a | at either end): it would match anywhere"),
        ("|城镇新增就业", "has an empty alternative (a||b, a | at either end): it would match anywhere"),
        ("(?:城镇|)新增就业", "has an empty alternative (a||b, a | at either end): it would match anywhere"),
        ("(?:就业)*", "matches the empty text, so anywhere"),
        ("(a+)+$", "repeats a repeat (like (a+)+): it can take for ever on some text; write the repeat once"),
        ("(?:\\d+万)+人", "repeats a repeat (like (a+)+): it can take for ever on some text; write the repeat once"),
        ("(a|aa)+$", "takes over 0.5 s on a short text: simplify it"),
    ],
)
def test_a_pattern_that_would_match_anywhere_or_take_for_ever_is_refused(pattern, problem):
    assert regex(pattern) == f"'{pattern}' {problem}"


@pytest.mark.parametrize(
    "pattern", [NEW_URBAN_JOBS, "[|]", "a\\|b", "(?P<n>甲|乙)", "(?<!比)增长", "\\d+(?:\\.\\d+)?万"]
)
def test_ordinary_patterns_pass(pattern):
    assert regex(pattern) is None


def test_a_slow_pattern_is_refused_in_bounded_time():
    started = time.monotonic()
    assert regex("(x|xx)+y") is not None
    assert time.monotonic() - started < 30  # a few probes of PATTERN_SECONDS each, never the pattern's own time


def test_an_empty_alternative_in_the_catalog_stops_the_refresh_in_one_line_naming_the_file_and_line(
    seed_folder, tmp_path
):
    catalog = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, catalog)
    metrics = catalog / "metrics.csv"
    metrics.write_text(
        metrics.read_text(encoding="utf-8").replace(NEW_URBAN_JOBS, NEW_URBAN_JOBS + "|", 1), encoding="utf-8"
    )
    done = refresh_cli(seed_folder, tmp_path / "w.duckdb", "--catalog", str(catalog))
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        f"refresh failed: {metrics}:2: patterns '{NEW_URBAN_JOBS}|' has an empty alternative (a||b, a | at either "
        "end): it would match anywhere; nothing was built"
    )
    assert not (tmp_path / "w.duckdb").exists()
