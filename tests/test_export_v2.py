"""`make export` writes the v2 answers too: a CSV file and a workbook sheet per v2 view, read back equal to the
views; a sheet too long for a readable workbook is cut with a note; a new export into an existing folder is
swapped in whole, with one line saying so."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from openpyxl import load_workbook

from etl.cli import main
from etl.exports import workbook
from etl.exports.export import export

from .conftest import query


def _sheet(book, name: str) -> pd.DataFrame:
    rows = list(book[name].iter_rows(values_only=True))
    return pd.DataFrame(rows[1:], columns=rows[0])


def _csv(exported, name: str) -> pd.DataFrame:
    return pd.read_csv(exported / f"{name}.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


@pytest.mark.parametrize("view", ["series", "series_years", "yoy", "compare", "compare_conflicts"])
def test_each_v2_view_is_a_csv_file_and_a_sheet_with_every_row(warehouse, exported, book, view):
    (n,) = query(warehouse, f"select count(*) from v2.{view}")[0]
    assert len(_csv(exported, f"v2_{view}")) == n > 0
    assert len(_sheet(book, f"v2_{view}")) == n
    columns = [c for (c,) in query(warehouse, f"select column_name from (describe v2.{view})")]
    assert list(_csv(exported, f"v2_{view}").columns) == columns


def test_v2_compare_reads_back_with_both_ends_of_a_range_and_fig_ids(warehouse, exported, book):
    frame = _csv(exported, "v2_compare")
    gdp = frame[(frame.metric_id == "gdp_growth") & (frame.publisher == "国务院") & (frame.year == "2019")]
    target = gdp[gdp.is_target == "true"].iloc[0]
    (figure_id,) = query(
        warehouse,
        "select figure_id from v2.compare where metric_id = 'gdp_growth' and publisher = '国务院' "
        "and year = 2019 and is_target",
    )[0]
    assert (target.value, target.value_high, target.qualifier, target.written) == ("6", "6.5", "range", "6%-6.5%")
    assert target.figure_id == "fig-" + figure_id
    sheet = _sheet(book, "v2_compare")
    (row,) = sheet[
        (sheet.metric_id == "gdp_growth") & (sheet.publisher == "国务院") & (sheet.year == 2019) & sheet.is_target
    ].itertuples()
    assert (row.value, row.value_high, row.written, row.figure_id) == (6, 6.5, "6%-6.5%", figure_id)


def test_v2_yoy_reads_back_equal_to_the_view(warehouse, exported, book):
    sql = (
        "select year, value, previous_value, pct_change from v2.yoy "
        "where series_id = 'new_urban_jobs' and publisher = '国务院' and not is_target order by year"
    )
    rows = query(warehouse, sql)
    assert rows[0] == (2014, 13220000.0, 13100000.0, 0.92)
    frame = _csv(exported, "v2_yoy")
    mine = frame[(frame.series_id == "new_urban_jobs") & (frame.publisher == "国务院") & (frame.is_target == "false")]
    assert [
        (int(y), float(v), float(p), float(c))
        for y, v, p, c in mine.sort_values("year")[["year", "value", "previous_value", "pct_change"]].itertuples(
            index=False
        )
    ] == rows
    sheet = _sheet(book, "v2_yoy")
    mine = sheet[(sheet.series_id == "new_urban_jobs") & (sheet.publisher == "国务院") & ~sheet.is_target]
    assert sorted(mine[["year", "value", "previous_value", "pct_change"]].itertuples(index=False, name=None)) == rows


def test_a_view_longer_than_a_sheet_is_cut_with_a_note_and_the_csv_keeps_every_row(warehouse, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook, "SHEET_ROWS", 5)
    export(warehouse, tmp_path / "out")
    (n,) = query(warehouse, "select count(*) from v2.series")[0]
    book = load_workbook(tmp_path / "out" / "zhibiao.xlsx")
    rows = list(book["v2_series"].iter_rows(values_only=True))
    note = f"the first 5 of {n:,} (all in v2_series.csv)"
    assert len([r for r in rows if r and r[0] is not None]) == 1 + 5 + 1 and rows[-1][0] == f"Cut here: {note}."
    assert book["v2_series"].auto_filter.ref.endswith("6")
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True) if row[0]}
    assert about["v2_series"] == note
    assert len(_csv(tmp_path / "out", "v2_series")) == n


def test_an_export_into_an_existing_folder_is_swapped_in_whole_and_keeps_the_other_files(warehouse, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["export", "--db", str(warehouse), "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{out}: written as a new folder"
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "v2_figures").mkdir()
    (out / "v2_figures" / "part.parquet").write_bytes(b"kept")
    (out / "v1_figures.csv").write_text("old", encoding="utf-8")
    before = os.stat(out).st_ino
    notes = os.stat(out / "notes.txt").st_ino
    assert main(["export", "--db", str(warehouse), "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{out}: the new export is in place, swapped in whole"
    assert os.stat(out).st_ino != before  # a new folder took the old one's place in one step
    assert os.stat(out / "notes.txt").st_ino == notes  # the same file, not a copy
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "v2_figures" / "part.parquet").read_bytes() == b"kept"
    assert (out / "v1_figures.csv").read_text(encoding="utf-8-sig").startswith("figure_id,")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]  # the old folder is gone


def test_ctrl_c_while_the_export_is_swapped_in_waits_and_says_it_is_in_place(warehouse, tmp_path, monkeypatch, capsys):
    import signal

    from etl.exports import staging

    out = tmp_path / "exports"
    out.mkdir()
    real = staging.exchange

    def interrupted_during(a, b):
        os.kill(os.getpid(), signal.SIGINT)  # held until the swap is done
        return real(a, b)

    monkeypatch.setattr(staging, "exchange", interrupted_during)
    assert main(["export", "--db", str(warehouse), "--out", str(out)]) == 130
    assert capsys.readouterr().err == f"interrupted; {out}: the new export is in place\n"
    assert (out / "v2_yoy.csv").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


def test_a_file_made_in_the_export_folder_just_before_the_swap_is_kept(warehouse, tmp_path, monkeypatch, capsys):
    from etl.exports import staging

    out = tmp_path / "exports"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    real = staging.exchange

    def made_just_before(a, b):
        (b / "later.txt").write_text("also mine", encoding="utf-8")  # after the folder was read and linked
        return real(a, b)

    monkeypatch.setattr(staging, "exchange", made_just_before)
    assert main(["export", "--db", str(warehouse), "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{out}: the new export is in place, swapped in whole"
    assert (out / "later.txt").read_text(encoding="utf-8") == "also mine"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]
