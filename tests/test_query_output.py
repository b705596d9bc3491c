"""`make query`: tables a person reads, CSV, TSV and Markdown to paste, and one line for every problem."""

from __future__ import annotations

import io
from datetime import date

import duckdb
import pandas as pd
import pytest
from wcwidth import wcswidth

from etl import cli
from etl.exports.tables import cell, render

COLUMNS = ["program", "year", "funds_yuan", "share", "met"]
ROWS = [("疫情防控", 2020, 2597000000.0, 0.125, True), ("legal", 2021, None, 7.5, None)]


def test_cells_are_plain_text_with_null_as_empty():
    assert [cell(v) for v in (None, 13100000.0, 4.02, 1e21, float("nan"), True, 2020, date(2014, 3, 5))] == [
        "",
        "13100000",
        "4.02",
        "1000000000000000000000",
        "",
        "true",
        "2020",
        "2014-03-05",
    ]


def test_a_table_aligns_chinese_text_counting_each_character_as_two_columns():
    assert render(COLUMNS, ROWS).splitlines() == [
        "program      year    funds_yuan    share  met",
        "---------  ------  ------------  -------  -----",
        "疫情防控     2020    2597000000    0.125  true",
        "legal        2021                    7.5",
    ]


def test_a_wide_table_wraps_its_widest_text_column_to_fit_the_terminal():
    sentence = "城镇新增就业1310万人,创历史新高。" * 3
    lines = render(["year", "sentence"], [(2013, sentence)], width=40).splitlines()
    assert max(wcswidth(line) for line in lines) <= 40
    assert "".join(line[6:].strip() for line in lines[2:]) == sentence


def test_csv_and_markdown_for_pasting():
    assert render(COLUMNS, ROWS, "csv") == (
        "\ufeffprogram,year,funds_yuan,share,met\n疫情防控,2020,2597000000,0.125,true\nlegal,2021,,7.5,\n"
    )
    assert render(["label", "n"], [("a|b", 1)], "markdown").splitlines() == [
        "| label   |   n |",
        "|---------|-----|",
        "| a\\|b    |   1 |",
    ]


def test_a_question_without_rows_says_so():
    assert render(COLUMNS, []) == "(no rows)"


@pytest.mark.parametrize("asked", ["new_urban_jobs", "new_urban_jobs.sql", "New urban jobs", " new-urban-jobs "])
def test_a_question_can_be_asked_as_its_file_name_or_in_words(warehouse, capsys, asked):
    assert cli.main(["query", asked, "--db", str(warehouse), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "\ufeffyear,target,target_qualifier,actual,met,target_doc_id,actual_doc_id,actual_sentence"
    assert out[1] == '2013,,,13100000,,,govreport-2014,"城镇新增就业1310万人,创历史新高。"'


def test_markdown_output_pastes_into_a_document(warehouse, capsys):
    assert cli.main(["query", "targets_missed", "--db", str(warehouse), "--format", "markdown"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("| publisher") and out[2].startswith("| 海拉尔区人民政府 | new_urban_jobs |")


@pytest.mark.parametrize("asked", ["../x", "../../sql/v1/figures", "/etc/passwd", "queries/new_urban_jobs"])
def test_only_the_ready_questions_run_never_another_sql_file(warehouse, capsys, asked):
    assert cli.main(["query", asked, "--db", str(warehouse)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"no ready question {asked!r}; there are: covid_funds_2020, ") and err.count("\n") == 1


def test_a_question_with_a_sql_error_is_one_line_naming_its_file(warehouse, tmp_path, monkeypatch, capsys):
    (tmp_path / "broken.sql").write_text("-- Broken?\nselect nothing from v1.figures\n", encoding="utf-8")
    monkeypatch.setattr(cli, "QUERIES_DIR", tmp_path)
    assert cli.main(["query", "broken", "--db", str(warehouse)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f'{tmp_path / "broken.sql"}: Binder Error: Referenced column "nothing" not found')
    assert err.count("\n") == 1


def test_a_question_cannot_write_or_read_other_files(warehouse, tmp_path, monkeypatch, capsys):
    (tmp_path / "leak.sql").write_text(f"-- Leak?\ncopy v1.figures to '{tmp_path}/leak.csv'\n", encoding="utf-8")
    (tmp_path / "peek.sql").write_text("-- Peek?\nselect * from read_csv('/etc/passwd')\n", encoding="utf-8")
    monkeypatch.setattr(cli, "QUERIES_DIR", tmp_path)
    assert cli.main(["query", "leak", "--db", str(warehouse)]) == 1
    assert cli.main(["query", "peek", "--db", str(warehouse)]) == 1
    assert not (tmp_path / "leak.csv").exists()
    assert capsys.readouterr().err.count("file system operations are disabled by configuration") == 2


def test_asking_a_duckdb_file_that_is_not_a_warehouse_is_one_line(tmp_path, capsys):
    notes = tmp_path / "notes.duckdb"
    con = duckdb.connect(str(notes))
    con.execute("create table my_notes as select 1 as n")
    con.close()
    assert cli.main(["query", "new_urban_jobs", "--db", str(notes)]) == 1
    assert cli.main(["check", "--db", str(notes)]) == 1
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    assert cli.main(["query", "new_urban_jobs", "--db", str(text)]) == 1
    assert cli.main(["query", "new_urban_jobs", "--db", str(tmp_path / "missing.duckdb")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [f"{notes}: not a zhibiao warehouse (it has no v1.figures); build one with make refresh"] * 2
    assert err[2].startswith(f"{text}: cannot be opened read-only: ")
    assert err[3:] == [f"{tmp_path / 'missing.duckdb'}: no warehouse here; run make refresh first"]


def test_a_path_with_a_question_mark_and_percent_twenty_can_be_asked(warehouse, tmp_path, capsys):
    odd = tmp_path / "w?x%20y.duckdb"
    odd.write_bytes(warehouse.read_bytes())
    assert cli.main(["query", "targets_missed", "--db", str(odd), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("海拉尔区人民政府,new_urban_jobs,2015,")


def test_csv_and_tsv_follow_the_exports_conventions_ids_formulas_and_no_tab_or_break_in_a_cell():
    columns = ["figure_id", "figure_ids", "label", "value"]
    rows = [("12360353839e7040", "a1,b2", "=HYPERLINK(1)\tx\ny", -3.5)]
    assert render(columns, rows, "csv") == (
        '\ufefffigure_id,figure_ids,label,value\nfig-12360353839e7040,"fig-a1,fig-b2","\'=HYPERLINK(1)\tx\ny",-3.5\n'
    )
    assert render(columns, rows, "tsv") == (
        "figure_id\tfigure_ids\tlabel\tvalue\nfig-12360353839e7040\tfig-a1,fig-b2\t'=HYPERLINK(1) x y\t-3.5\n"
    )


def test_make_query_csv_and_tsv_read_back_with_pandas_as_the_export_writes_them(warehouse, capsys):
    assert cli.main(["query", "covid_funds_2020", "--db", str(warehouse), "--format", "csv"]) == 0
    raw = capsys.readouterr().out
    assert raw.startswith("\ufeffprogram_name_zh,year,")
    frame = pd.read_csv(io.BytesIO(raw.encode("utf-8")), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert cli.main(["query", "covid_funds_2020", "--db", str(warehouse), "--format", "tsv"]) == 0
    pasted = capsys.readouterr().out
    assert not pasted.startswith("\ufeff") and pasted.count("\n") == len(frame) + 1
    tsv = pd.read_csv(io.StringIO(pasted), sep="\t", dtype=str, keep_default_na=False, quoting=3)
    assert tsv.equals(frame)
    row = frame.iloc[0]
    assert (row.program_name_zh, row.year, row.funds_yuan, row.people_reached) == (
        "疫情防控",
        "2020",
        "2492000000",  # stated: 共安排资金24.92亿元 (the 1.05亿元 of goods and money is not added)
        "5510700",
    )
    assert [i.startswith("fig-") and len(i) == 20 for i in row.figure_ids.split(",")] == [True] * int(row.n_figures)
