"""An incremental refresh (only the changed publishers' series made again) equals a full one, table for table."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from etl.series import store as series
from etl.text.decode import decode
from etl.warehouse import incremental
from etl.warehouse.refresh import refresh

from .conftest import RAW

FILES = (
    "govreport_2015.txt",
    "govreport_2016.txt",
    "govreport_2017.txt",
    "hailar_govreport_2014.txt",
    "hailar_govreport_2015.txt",
    "hailar_govreport_2016.txt",
    "hailar_govreport_2017.txt",
    "hailar_govreport_2018.txt",
    "acftu-2020.txt",
)
NO_PUBLISHER = ("hailar_govreport_2017.txt", "hailar_govreport_2018.txt")  # each a publisher of its own


def _copied(folder: Path, files, without_publisher) -> Path:
    """`folder` holding the shipped reports `files` and their manifest rows, those of
    `without_publisher` with no publisher."""
    folder.mkdir()
    with (RAW / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        rows = [row for row in csv.DictReader(fh) if row["file"] in files]
    for row in rows:
        shutil.copy(RAW / row["file"], folder / row["file"])
        if row["file"] in without_publisher:
            row["publisher"] = ""
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.fixture
def reports(tmp_path) -> Path:
    """Nine shipped reports of three publishers, two of them without one, with their manifest."""
    return _copied(tmp_path / "reports", FILES, NO_PUBLISHER)


def _edit(path: Path) -> None:
    """Change the first percentage of a report, as an analyst's correction would."""
    encoding = decode(path.read_bytes()).encoding  # the Hailar reports are GB18030
    text = path.read_bytes().decode(encoding)
    match = re.search(r"(\d)(?=[%％])", text)
    edited = text[: match.start()] + str((int(match.group(1)) + 1) % 10) + text[match.end() :]
    path.write_bytes(edited.encode(encoding))


def _replace(path: Path, old: str, new: str) -> None:
    """Write `new` for `old` in a report (UTF-8)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _drop(folder: Path, name: str) -> None:
    """Take a report out of the folder and its manifest."""
    (folder / name).unlink()
    manifest = folder / "manifest.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(line for line in lines if not line.startswith(name + ",")), encoding="utf-8")


def _contents(db: Path) -> dict[str, list]:
    """Every view and core table of `db`, rows sorted; the series by figure, not by their internal point_id."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        relations = con.execute(
            "select schema_name, view_name from duckdb_views() where not internal and view_name <> 'builds' "
            "union all select schema_name, table_name from duckdb_tables() "
            "where schema_name = 'core' and table_name not in ('builds', 'build_documents', 'series_points', "
            "'series_figures') order by all"
        ).fetchall()
        out = {f"{s}.{n}": sorted(map(repr, con.execute(f"select * from {s}.{n}").fetchall())) for s, n in relations}
        out["series by figure"] = sorted(
            map(
                repr,
                con.execute(
                    "select sf.figure_id, p.* exclude (point_id) from core.series_figures sf "
                    "join core.series_points p using (point_id)"
                ).fetchall(),
            )
        )
        return out
    finally:
        con.close()


def test_an_incremental_refresh_gives_the_tables_and_views_of_a_full_one(reports, tmp_path, monkeypatch):
    db, full = tmp_path / "w.duckdb", tmp_path / "full.duckdb"
    refresh(reports, db, progress=False)
    scoped = []
    real = incremental.write_series
    monkeypatch.setattr(incremental, "write_series", lambda *a: scoped.append(sorted(a[2])) or real(*a))

    # One publisher's report edited, one report without a publisher edited, one dropped.
    _edit(reports / "govreport_2016.txt")
    _edit(reports / "hailar_govreport_2017.txt")
    _drop(reports, "hailar_govreport_2018.txt")
    result = refresh(reports, db, progress=False, force=True)
    assert sorted(result.extracted) == ["govreport-2016", "hailar-2017"]
    assert scoped == [["govreport-2016", "hailar-2017"]]  # the series step was the incremental one
    refresh(reports, full, progress=False, full=True)
    got, want = _contents(db), _contents(full)
    for name in want:
        assert sorted(set(got[name]) ^ set(want[name]))[:6] == [], name
    assert got == want

    # And again: a second incremental refresh over the first (point ids carried on) still agrees.
    _edit(reports / "hailar_govreport_2015.txt")
    refresh(reports, db, progress=False)
    refresh(reports, full, progress=False, full=True)
    assert len(scoped) == 2
    assert _contents(db) == _contents(full)


def test_a_full_refresh_makes_every_series_anew(reports, tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    refresh(reports, db, progress=False)
    called = []
    monkeypatch.setattr(incremental, "write_series", lambda *a: called.append(a))
    _edit(reports / "govreport_2016.txt")
    refresh(reports, db, progress=False, full=True)
    assert called == []


def test_an_edit_of_a_report_without_a_publisher_chooses_only_its_own_years_again(reports, tmp_path, monkeypatch):
    """A document without a publisher is a publisher of its own, in the series years too: the other one's stay."""
    db = tmp_path / "w.duckdb"
    refresh(reports, db, progress=False)
    chosen = []
    real = series.write_years

    def spy(con, relation=None):
        chosen.append(con.execute(f"select distinct publisher, own_doc from {relation} order by all").fetchall())
        real(con, relation)

    monkeypatch.setattr(series, "write_years", spy)
    _edit(reports / "hailar_govreport_2017.txt")
    refresh(reports, db, progress=False)
    assert chosen == [[(None, "hailar-2017")]]


YEARS = (
    "govreport_2014.txt",  # 国务院, report year 2013
    "govreport_2015.txt",
    "govreport_2016.txt",
    "govreport_2017.txt",
    "govreport_2018.txt",  # 2017
    "hailar_govreport_2014.txt",  # 海拉尔区人民政府, 2013
    "hailar_govreport_2015.txt",
    "hailar_govreport_2016.txt",  # without a publisher
    "acftu-2020.txt",
)


def _manifest(folder: Path, name: str, column: str, value: str) -> None:
    """Set one manifest field of the report `name`."""
    path = folder / "manifest.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["file"] == name:
            row[column] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


# Each change, and the report years of 国务院 lined up again for it.
CHANGES = {
    "a middle year edited": (lambda f: _edit(f / "govreport_2016.txt"), {2015}),
    "the first year edited": (lambda f: _edit(f / "govreport_2014.txt"), {2013}),
    "the last year edited": (lambda f: _edit(f / "govreport_2018.txt"), {2017}),
    "a figure's year edited": (
        lambda f: _replace(f / "govreport_2016.txt", "今年拟安排财政赤字", "明年拟安排财政赤字"),
        {2015},
    ),
    "a report moved to another year": (
        lambda f: _manifest(f, "govreport_2016.txt", "report_year", "2019"),
        {2015, 2019},
    ),
    "a middle year dropped": (lambda f: _drop(f, "govreport_2016.txt"), {2015}),
    "the first year dropped": (lambda f: _drop(f, "govreport_2014.txt"), {2013}),
    "a report without a publisher edited": (lambda f: _edit(f / "hailar_govreport_2016.txt"), None),
    "a report given a publisher": (
        lambda f: _manifest(f, "hailar_govreport_2016.txt", "publisher", "海拉尔区人民政府"),
        None,
    ),
}


@pytest.fixture
def years(tmp_path) -> Path:
    """Five years of 国务院, two of 海拉尔区人民政府 and one of it without a publisher, and 工人日报."""
    return _copied(tmp_path / "years", YEARS, ("hailar_govreport_2016.txt",))


def _points(db: Path, where: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"select point_id, series_id from core.series_points where {where} order by all").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("change", CHANGES)
def test_each_kind_of_change_refreshed_incrementally_equals_a_full_refresh(years, tmp_path, monkeypatch, change):
    db, full = tmp_path / "w.duckdb", tmp_path / "full.duckdb"
    refresh(years, db, progress=False)
    base = _contents(db)
    saved = tmp_path / "saved"
    shutil.copytree(years, saved)
    lined_up = []
    real = series.relink

    def spy(rows, words, stored, report_years):
        lined_up.append(((rows or [s.node for s in stored.values()])[0].publisher, report_years))
        return real(rows, words, stored, report_years)

    monkeypatch.setattr(series, "relink", spy)
    make, again = CHANGES[change]
    make(years)
    refresh(years, db, progress=False, force=True)
    assert sorted(y for p, y in lined_up if p == "国务院") == ([] if again is None else [again])
    refresh(years, full, progress=False, full=True)
    got, want = _contents(db), _contents(full)
    for name in want:
        assert sorted(set(got[name]) ^ set(want[name]))[:6] == [], name
    assert got == want
    # Undone (a dropped report comes back, a series split comes together again): as first built.
    shutil.rmtree(years)
    shutil.copytree(saved, years)
    refresh(years, db, progress=False, force=True)
    assert _contents(db) == base


def test_a_middle_year_dropped_renames_series_of_other_years_and_keeps_their_points(years, tmp_path):
    """The drop splits series that ran through 2015: their later points are named by their new earliest node."""
    db = tmp_path / "w.duckdb"
    refresh(years, db, progress=False)
    later, earlier = "publisher = '国务院' and year >= 2016", "publisher = '国务院' and year = 2013"
    before_later, before_earlier = _points(db, later), _points(db, earlier)
    _drop(years, "govreport_2016.txt")
    refresh(years, db, progress=False, force=True)
    after_later = _points(db, later)
    assert [p for p, _ in after_later] == [p for p, _ in before_later]  # the same points, not made again
    renamed = sum(a != b for a, b in zip(after_later, before_later, strict=True))
    assert renamed > 0
    assert _points(db, earlier) == before_earlier
