"""No exported cell runs as a formula (text starting with =, +, -, @, tab or CR is written as text; numbers stay
numbers), and an export reaches a folder on another file system."""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from etl.exports.csv_files import write_csv
from etl.exports.export import export
from etl.exports.formulas import as_text, could_run
from etl.exports.views import View
from etl.exports.workbook import write_workbook
from etl.warehouse.refresh import refresh

HOSTILE = ["=1+1", "+SUM(A1)", "-cmd|' /C calc'!A0", "@SUM(1,2)", "\t=1", "\r=1", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("text", HOSTILE)
def test_text_a_spreadsheet_would_run_gets_a_leading_quote_in_csv(text):
    assert could_run(text)
    assert as_text(text) == "'" + text


@pytest.mark.parametrize("text", ["-3.5", "+12", "-1e5", "3.5", "abc", "中华全国总工会", "", "a=b", "2020-01-01"])
def test_numbers_and_ordinary_text_are_written_as_they_are(text):
    assert not could_run(text)
    assert as_text(text) == text


def _view():
    return View(
        "figures",
        "=question",
        ["figure_id", "title", "value", "note"],
        ["VARCHAR", "VARCHAR", "DOUBLE", "VARCHAR"],
        [("abc", "=1+1", -3.5, "-3.5"), ("def", "@SUM(1,2)", 2.0, "+cmd")],
    )


def test_a_csv_file_quotes_formulas_and_keeps_negative_numbers(tmp_path):
    write_csv(tmp_path / "f.csv", _view())
    with (tmp_path / "f.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [
        ["figure_id", "title", "value", "note"],
        ["fig-abc", "'=1+1", "-3.5", "-3.5"],
        ["fig-def", "'@SUM(1,2)", "2", "'+cmd"],
    ]


def test_a_workbook_cell_of_a_formula_is_text_with_the_quote_prefix_and_numbers_stay_numbers(tmp_path):
    write_workbook(tmp_path / "b.xlsx", [_view()], None)
    book = load_workbook(tmp_path / "b.xlsx")
    rows = list(book["v1_figures"].iter_rows(min_row=2))
    formula, negative = rows[0][1], rows[0][2]
    assert (formula.value, formula.data_type, formula.quotePrefix) == ("=1+1", "s", True)
    assert (negative.value, negative.data_type) == (-3.5, "n")
    assert (rows[1][1].value, rows[1][1].data_type, rows[1][1].quotePrefix) == ("@SUM(1,2)", "s", True)
    assert (rows[1][3].value, rows[1][3].data_type, rows[1][3].quotePrefix) == ("+cmd", "s", True)
    about = [row for row in book["about"].iter_rows() if row[0].value == "v1_figures"]
    assert (about[0][2].value, about[0][2].data_type, about[0][2].quotePrefix) == ("=question", "s", True)


def test_a_manifest_of_formulas_exports_no_live_formula(seed_folder, tmp_path):
    (seed_folder / "manifest.csv").write_text(
        "file,doc_id,title,publisher,published_on,report_year\n"
        'acftu-2020.txt,acftu-2020,"=HYPERLINK(""http://x"",""y"")",@SUM(1),,2020\n',
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    export(db, tmp_path / "out")
    with (tmp_path / "out" / "v1_documents.csv").open(encoding="utf-8-sig", newline="") as fh:
        document = next(csv.DictReader(fh))
    assert (document["title"], document["publisher"]) == ('\'=HYPERLINK("http://x","y")', "'@SUM(1)")
    with (tmp_path / "out" / "v2_series.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert {row["publisher"] for row in csv.DictReader(fh)} == {"'@SUM(1)"}
    book = load_workbook(tmp_path / "out" / "zhibiao.xlsx")
    formulas = [c.coordinate for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


SHM = Path("/dev/shm")


@pytest.mark.skipif(
    not SHM.is_dir() or os.stat(SHM).st_dev == os.stat(Path(__file__)).st_dev, reason="no second file system"
)
def test_an_export_into_a_folder_on_another_file_system_is_staged_there(warehouse, tmp_path):
    elsewhere = Path(tempfile.mkdtemp(dir=SHM))
    try:
        (elsewhere / "notes.txt").write_text("mine", encoding="utf-8")
        out = tmp_path / "mounted"
        out.symlink_to(elsewhere, target_is_directory=True)  # as a mount point: a rename from beside it cannot cross
        written = export(warehouse, out)
        assert (elsewhere / "v1_figures.csv") in [Path(os.path.realpath(p)) for p in written.paths]
        assert written.how == (
            "the new files are in place, each replacing its old version in turn (a link or a mount point)"
        )
        assert sorted(p.name for p in elsewhere.iterdir() if p.name.startswith(".")) == [".zhibiao-files"]
        assert (elsewhere / "notes.txt").read_text(encoding="utf-8") == "mine"
    finally:
        shutil.rmtree(elsewhere)
