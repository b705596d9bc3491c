"""`make export FORMAT=parquet`: the v2 views as a hive-partitioned Parquet tree that reads back equal to them."""

from __future__ import annotations

import subprocess
from urllib.parse import unquote

import duckdb
import pytest

from etl.cli import main
from etl.exports.parquet import export_parquet

from .conftest import ROOT, query

HIVE = "hive_partitioning = true, hive_types = {'publisher': varchar, 'report_year': integer}"


@pytest.fixture(scope="module")
def tree(warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("parquet") / "exports"
    written = export_parquet(warehouse, out)
    assert [p.name for p in written.paths] == [
        "v2_builds.parquet",
        "v2_compare",
        "v2_compare_candidates",
        "v2_compare_conflicts.parquet",  # no doc_id: a conflict may span reports
        "v2_figures",
        "v2_program_totals.parquet",  # no doc_id: a total may span reports
        "v2_series",
        "v2_series_years",
        "v2_yoy",
    ]
    return out


def _columns(db, view: str) -> list[str]:
    return [c for (c,) in query(db, f"select column_name from (describe v2.{view})")]


@pytest.mark.parametrize(
    "view", ["figures", "series", "series_years", "yoy", "compare", "compare_candidates", "builds"]
)
def test_each_v2_view_reads_back_equal_from_the_parquet_tree(warehouse, tree, view):
    columns = ", ".join(f'"{c}"' for c in _columns(warehouse, view))
    if view == "builds":
        source = f"read_parquet('{tree}/v2_builds.parquet')"
    else:
        source = f"read_parquet('{tree}/v2_{view}/*/*/*.parquet', {HIVE})"
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        in_view = con.execute(f"select {columns} from v2.{view} order by all").fetchall()
        read_back = con.execute(f"select {columns} from {source} order by all").fetchall()
        view_types = con.execute(f"select * from (describe select {columns} from v2.{view})").fetchall()
        read_types = con.execute(f"select * from (describe select {columns} from {source})").fetchall()
    finally:
        con.close()
    assert len(in_view) > 0
    assert read_back == in_view
    assert [t[:2] for t in read_types] == [t[:2] for t in view_types]


def test_figures_are_partitioned_by_the_publisher_and_report_year_of_their_report(warehouse, tree):
    folders = sorted(
        tuple(unquote(part.split("=", 1)[1]) for part in path.relative_to(tree / "v2_figures").parts[:2])
        for path in (tree / "v2_figures").glob("*/*/data_0.parquet")
    )
    expected = query(
        warehouse,
        "select distinct publisher, report_year::varchar from core.documents "
        "where doc_id in (select doc_id from v2.figures) order by all",
    )
    assert folders == expected
    assert ("国务院", "2020") in folders
    assert (tree / "v2_figures" / "publisher=%E5%9B%BD%E5%8A%A1%E9%99%A2" / "report_year=2020").is_dir()


def test_a_second_export_replaces_each_view_folder_whole(warehouse, tmp_path):
    out = tmp_path / "exports"
    stale = out / "v2_figures" / "publisher=gone" / "report_year=1999"
    stale.mkdir(parents=True)
    (stale / "data_0.parquet").write_bytes(b"old")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    export_parquet(warehouse, out)
    assert not (out / "v2_figures" / "publisher=gone").exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["exports"]  # no staging folder left


def test_the_command_line_writes_parquet_with_format_parquet(warehouse, tmp_path, capsys):
    out = tmp_path / "exports"
    assert main(["export", "--db", str(warehouse), "--out", str(out), "--format", "parquet"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        str(out / "v2_builds.parquet"),
        str(out / "v2_compare"),
        str(out / "v2_compare_candidates"),
        str(out / "v2_compare_conflicts.parquet"),
        str(out / "v2_figures"),
        str(out / "v2_program_totals.parquet"),
        str(out / "v2_series"),
        str(out / "v2_series_years"),
        str(out / "v2_yoy"),
        f"{out}: written as a new folder",
    ]
    assert not (out / "v1_figures.csv").exists()


def test_a_parquet_export_into_a_file_is_one_line(warehouse, tmp_path, capsys):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    assert main(["export", "--db", str(warehouse), "--out", str(target / "exports"), "--format", "parquet"]) == 1
    assert capsys.readouterr().err == f"export failed: {target}: not a folder; give another with OUT=<folder> (--out)\n"


def test_make_export_format_parquet_reaches_the_command_as_one_word(warehouse, tmp_path):
    out = tmp_path / "it's; touch pwned; $(x)"
    done = subprocess.run(
        ["make", "-s", "export", f"DB={warehouse}", f"OUT={out}", "FORMAT=parquet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir() if p.name != ".zhibiao-files") == [
        "v2_builds.parquet",
        "v2_compare",
        "v2_compare_candidates",
        "v2_compare_conflicts.parquet",
        "v2_figures",
        "v2_program_totals.parquet",
        "v2_series",
        "v2_series_years",
        "v2_yoy",
    ]
    bad = subprocess.run(
        ["make", "-s", "export", f"DB={warehouse}", f"OUT={out}", "FORMAT=parquet; touch pwned"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert bad.returncode != 0
    assert "invalid choice: 'parquet; touch pwned' (choose from 'csv', 'parquet')" in bad.stderr
    assert list(ROOT.glob("pwned")) == [] and list(tmp_path.rglob("pwned")) == []
