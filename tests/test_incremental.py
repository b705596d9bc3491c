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


@pytest.fixture
def reports(tmp_path) -> Path:
    """Nine shipped reports of three publishers, two of them without one, with their manifest."""
    folder = tmp_path / "reports"
    folder.mkdir()
    with (RAW / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        rows = [row for row in csv.DictReader(fh) if row["file"] in FILES]
    for row in rows:
        shutil.copy(RAW / row["file"], folder / row["file"])
        if row["file"] in NO_PUBLISHER:
            row["publisher"] = ""
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return folder


def _edit(path: Path) -> None:
    """Change the first percentage of a report, as an analyst's correction would."""
    encoding = decode(path.read_bytes()).encoding  # the Hailar reports are GB18030
    text = path.read_bytes().decode(encoding)
    match = re.search(r"(\d)(?=[%％])", text)
    edited = text[: match.start()] + str((int(match.group(1)) + 1) % 10) + text[match.end() :]
    path.write_bytes(edited.encode(encoding))


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
