"""Exports read back equal to the views, in a form a spreadsheet shows correctly."""

from __future__ import annotations

import re
import shutil
from datetime import datetime

import duckdb
import pandas as pd

from etl.cli import main
from etl.exports.csv_files import csv_id, plain_number
from etl.exports.export import export

from .conftest import ROOT, query
from .test_layout import import_graph


def test_plain_numbers_never_use_scientific_notation():
    assert plain_number(2492000000.0) == "2492000000"
    assert plain_number(0.125) == "0.125"
    assert plain_number(1e21) == "1000000000000000000000"


def test_figure_ids_in_csv_carry_a_prefix_so_that_no_spreadsheet_reads_them_as_numbers():
    assert csv_id("12360353839e7040") == "fig-12360353839e7040"
    assert csv_id("c9631622b3405cd7,f9f376182b37847f") == "fig-c9631622b3405cd7,fig-f9f376182b37847f"
    assert csv_id(None) == ""


def test_csv_exports_read_back_equal_to_the_views(warehouse, exported):
    figures_csv = exported / "v1_figures.csv"
    assert figures_csv.read_bytes().startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(figures_csv, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    rows = query(warehouse, "select figure_id, surface, value, sentence from v1.figures order by figure_id")
    exported_rows = sorted(zip(frame.figure_id, frame.surface, frame.value, frame.sentence, strict=True))
    assert [(i, s, float(v), sen) for i, s, v, sen in exported_rows] == [
        ("fig-" + i, s, v, sen) for i, s, v, sen in rows
    ]
    assert "2492000000" in set(frame.value)
    assert [v for v in frame.value if "e" in v.lower()] == []
    assert [i for i in frame.figure_id if not i.startswith("fig-")] == []


def test_every_figure_id_column_of_the_csv_files_carries_the_prefix(warehouse, exported):
    frame = pd.read_csv(exported / "v1_program_figures.csv", encoding="utf-8-sig", keep_default_na=False, dtype=str)
    (subset,) = [r for r in frame.itertuples() if r.surface == "300多名"]
    (whole,) = query(
        warehouse,
        "select figure_id from v1.figures where doc_id = 'acftu-2020' and surface = '2493名'",
    )
    assert (subset.subset_of_figure_id, subset.added, subset.left_out_reason) == (
        "fig-" + whole[0],
        "false",
        "a subset overlapping the parts of another figure",
    )
    assert [i for i in frame.parent_figure_id if i and not i.startswith("fig-")] == []


def test_csv_cells_are_empty_for_null_and_whole_numbers_have_no_decimal_point(exported):
    series = pd.read_csv(exported / "v1_program_summary.csv", encoding="utf-8-sig", keep_default_na=False, dtype=str)
    covid = series[(series.program_id == "covid19_response") & (series.publisher == "工人日报")].iloc[0]
    assert (covid.funds_yuan, covid.people_reached, covid.person_times, covid.n_figures) == (
        "2492000000",
        "5510700",
        "",
        "2",
    )
    assert covid.figure_ids.count("fig-") == 2


def test_the_workbook_opens_with_an_about_sheet_then_a_sheet_per_view(warehouse, book):
    assert book.sheetnames[0] == "about"
    assert {"v1_documents", "v1_figures", "v1_metric_series", "v1_builds"} <= set(book.sheetnames[1:])
    assert {"v2_series", "v2_series_years", "v2_yoy", "v2_compare", "v2_compare_conflicts"} <= set(book.sheetnames)
    about = {row[0]: row[1:] for row in book["about"].iter_rows(values_only=True) if row[0]}
    assert about["v1_figures"][0] == query(warehouse, "select count(*) from v1.figures")[0][0]
    assert about["v1_figures"][1].startswith("Every figure of every report")
    assert about["v2_compare"][0] == query(warehouse, "select count(*) from v2.compare")[0][0]
    code_version, n_documents = query(warehouse, "select code_version, n_documents from v1.builds")[0]
    assert (about["code_version"][0], about["n_documents"][0]) == (code_version, n_documents)


def test_the_figures_sheet_is_set_up_for_reading(book):
    sheet = book["v1_figures"]
    columns = [c.value for c in sheet[1]]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:V{sheet.max_row}"
    big = next(r for r in sheet.iter_rows(min_row=2) if r[columns.index("value")].value == 2492000000)
    cell = dict(zip(columns, big, strict=True))
    assert (cell["figure_id"].data_type, cell["figure_id"].number_format) == ("s", "@")
    assert cell["value"].number_format == "#,##0"
    assert sheet.column_dimensions["D"].width > len("2,492,000,000")  # wide enough: no ##### for a big value
    assert cell["period_start"].number_format == "0"
    assert cell["sentence"].alignment.wrap_text is True
    assert sheet.column_dimensions["C"].width < sheet.column_dimensions["Q"].width <= 60
    rate = next(r for r in sheet.iter_rows(min_row=2) if r[columns.index("surface")].value == "5.5%")
    assert rate[columns.index("value")].number_format == "#,##0.0#########"


def test_the_documents_sheet_has_dates_as_dates(book):
    sheet = book["v1_documents"]
    columns = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "govreport-2014")
    published = row[columns.index("published_on")]
    assert (published.value, published.number_format) == (datetime(2014, 3, 5), "yyyy-mm-dd")


def test_a_path_with_a_question_mark_and_percent_twenty_exports(warehouse, tmp_path):
    odd = tmp_path / "a?b%20c" / "w?x%20y.duckdb"
    odd.parent.mkdir()
    shutil.copy(warehouse, odd)
    export(odd, tmp_path / "out", workbook=False)
    assert (tmp_path / "out" / "v1_figures.csv").exists()


def test_an_export_whose_folder_cannot_be_made_is_one_line(warehouse, tmp_path, capsys):
    (tmp_path / "report.txt").write_text("x", encoding="utf-8")
    out = tmp_path / "report.txt" / "exports"
    assert main(["export", "--db", str(warehouse), "--out", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"export failed: {out.parent}: not a folder; give another with OUT=<folder> (--out)\n"
    )


def test_an_export_that_fails_midway_moves_nothing_into_place(warehouse, tmp_path, monkeypatch, capsys):
    from etl.exports import workbook

    out = tmp_path / "out"
    out.mkdir()
    (out / "v1_figures.csv").write_text("old\n", encoding="utf-8")

    def disk_full(writer):
        raise OSError(28, "No space left on device", str(writer.path))

    monkeypatch.setattr(workbook.WorkbookWriter, "save", disk_full)
    assert main(["export", "--db", str(warehouse), "--out", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].endswith(f"zhibiao.xlsx: No space left on device; {out} is unchanged")
    assert [p.name for p in out.iterdir()] == ["v1_figures.csv"]
    assert (out / "v1_figures.csv").read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_export_into_a_file_is_one_line(warehouse, tmp_path, capsys):
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    assert main(["export", "--db", str(warehouse), "--out", str(tmp_path / "taken")]) == 1
    assert capsys.readouterr().err == (
        f"export failed: {tmp_path / 'taken'}: not a folder; give another with OUT=<folder> (--out)\n"
    )


def test_exporting_a_duckdb_file_that_is_not_a_warehouse_is_one_line(tmp_path, capsys):
    notes = tmp_path / "notes.duckdb"
    con = duckdb.connect(str(notes))
    con.execute("create table my_notes as select 1 as n")
    con.close()
    assert main(["export", "--db", str(notes), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        f"{notes}: not a zhibiao warehouse (it has no v1.figures); build one with make refresh\n"
    )
    assert not (tmp_path / "out").exists()


def test_the_pandas_recipe_of_the_docs_reads_the_ids_back(warehouse, exported):
    recipe = re.search(r"```python\n(.*?)```", (ROOT / "docs" / "exports.md").read_text(encoding="utf-8"), re.S)
    names = {}
    exec(recipe.group(1).replace('"exports/', f'"{exported}/'), names)
    ids = query(warehouse, "select figure_id from v1.figures order by figure_id")
    assert sorted(names["figures"]["figure_id"]) == [i for (i,) in ids]


def test_an_interrupted_export_says_nothing_was_changed(warehouse, tmp_path, monkeypatch, capsys):
    from etl.exports import workbook

    def interrupted(writer):
        raise KeyboardInterrupt

    monkeypatch.setattr(workbook.WorkbookWriter, "save", interrupted)
    assert main(["export", "--db", str(warehouse), "--out", str(tmp_path / "out")]) == 130
    assert capsys.readouterr().err == "interrupted; nothing was changed\n"
    assert list(tmp_path.iterdir()) == []


def test_the_folder_of_an_export_that_was_killed_is_cleared_by_the_next(warehouse, tmp_path):
    stale = tmp_path / ".out.exporting-999999999"
    stale.mkdir()
    (stale / "v1_figures.csv").write_text("half", encoding="utf-8")
    export(warehouse, tmp_path / "out", workbook=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def _loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import chain that comes back to where it started (depth first, once per loop found)."""
    loops, done = [], set()

    def visit(module: str, chain: list[str]) -> None:
        if module in chain:
            loops.append(chain[chain.index(module) :] + [module])
            return
        if module in done:
            return
        for imported in sorted(graph.get(module, ())):
            visit(imported, [*chain, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    return loops


def test_the_exports_and_the_site_import_no_module_that_imports_them_back():
    graph = {m: deps for m, deps in import_graph().items() if m.startswith(("etl.exports.", "etl.site."))}
    assert _loops(graph) == []
    assert _loops({"a": {"b"}, "b": {"a"}}) == [["a", "b", "a"]]  # the check finds a loop when there is one
    assert "etl.exports.export" not in graph["etl.exports.workbook"]
