"""The doubled catalog of bench/catalog_growth.py: twice the rows, every row valid, no figure changed.

The bench times extraction with it (issue 24: at most 10% slower); these tests
hold what makes that timing mean something, never the time itself.
"""

from __future__ import annotations

import csv

import pytest

from bench import catalog_growth
from bench.ratio import read_reports
from etl import CATALOG_DIR
from etl.catalog import load_catalog
from etl.catalog.schema import SCHEMA
from etl.rules.pipeline import process

from .conftest import RAW


@pytest.fixture(scope="module")
def doubled(tmp_path_factory):
    return catalog_growth.grown(CATALOG_DIR, tmp_path_factory.mktemp("doubled"))


def rows(directory, name):
    with (directory / name).open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_a_synthetic_word_keeps_the_first_character_and_the_length_of_three():
    assert catalog_growth.synthetic("职工驿站", 0) == "职㐀㐀"
    assert catalog_growth.synthetic("职工驿站", 6593) == "职㐁㐁"
    assert catalog_growth.synthetic("个", 2) == "㐂"


def test_every_file_holds_twice_its_rows_but_those_without_a_word_once(doubled):
    for name in SCHEMA:
        original, grown = rows(CATALOG_DIR, name), rows(doubled, name)
        once = sum(1 for serial, row in enumerate(original) if catalog_growth.grown_row(row, name, serial) == row)
        assert len(grown) == 2 * len(original) - once, name
    # a unit's default category (no word) and the category rules (choices only) have no twin
    assert len(rows(doubled, "categories.csv")) == 2 * len(rows(CATALOG_DIR, "categories.csv")) - 4
    assert len(rows(doubled, "category_rules.csv")) == len(rows(CATALOG_DIR, "category_rules.csv"))


def test_a_twin_replaces_the_words_and_keeps_the_choices():
    twin = catalog_growth.grown_row({"word": "约", "position": "before", "qualifier": "approx"}, "qualifiers.csv", 1)
    assert twin == {"word": "㐁", "position": "before", "qualifier": "approx"}
    opener = catalog_growth.grown_row(
        {"phrase": "近{n}年", "period": "past_years", "note": ""}, "period_openers.csv", 0
    )
    assert opener["phrase"] == "近㐀㐀{n}"


def test_the_doubled_catalog_loads_and_changes_no_figure(doubled):
    catalog, grown = load_catalog(CATALOG_DIR), load_catalog(doubled)
    for source, raw in read_reports(RAW)[:2]:
        assert process(source, raw, grown)[1] == process(source, raw, catalog)[1], source.file
