"""The manifest read as a careful user and a careless one write it (issue 13 item 9, issue 14 item 4).

Each test is a manifest a person could save, and the exact line the refresh says about it.
"""

from __future__ import annotations

import csv
import logging
import shutil

import pytest

from etl.records import Source
from etl.text.sources import SourceError, read_sources

from .conftest import SEED

HEADER = "file,doc_id,title,publisher,published_on,report_year\n"


def _folder(tmp_path, manifest: str, files=("a.txt", "b.txt", "c.txt")):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in files:
        shutil.copy(SEED, folder / name)
    (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


def _stops(folder) -> str:
    with pytest.raises(SourceError) as stopped:
        read_sources(folder)
    return str(stopped.value)


def test_a_stray_quote_that_would_swallow_the_rows_after_it_stops_naming_its_line(tmp_path):
    folder = _folder(
        tmp_path,
        HEADER + 'a.txt,a,"工会报告,工人日报,2020-03-01,2019\nb.txt,b,标题,工人日报,2020-03-01,2019\n'
        'c.txt,c,"标题",工人日报,2020-03-01,2019\n',
    )
    assert _stops(folder) == (
        f'{folder}/manifest.csv:2: a quote (") opens a cell that runs on to line 4, swallowing the rows '
        "in between; remove the stray quote, or close it"
    )


def test_a_quote_left_open_at_the_end_stops_naming_its_line(tmp_path):
    folder = _folder(tmp_path, HEADER + 'a.txt,a,,,,\nb.txt,b,"工会报告,,,\n')
    assert _stops(folder) == (
        f'{folder}/manifest.csv:3: a quote (") opens a cell that never closes; remove the stray quote, or close it'
    )


def test_a_cell_longer_than_the_csv_limit_is_one_line_not_a_traceback(tmp_path):
    limit = csv.field_size_limit()
    folder = _folder(tmp_path, HEADER + "a.txt,a,,,,\n" + f'b.txt,b,"{"长" * (limit + 1)}",,,\n')
    assert _stops(folder) == (
        f"{folder}/manifest.csv:3: a cell is longer than {limit:,} characters: a quote left open? "
        "Remove the stray quote, or close it"
    )


def test_a_manifest_that_drops_the_metadata_columns_stops_before_anything_is_built(tmp_path):
    folder = _folder(tmp_path, "file,doc_id\na.txt,a\n")
    assert _stops(folder) == (
        f"{folder}/manifest.csv:1: the manifest lacks the column(s) title, publisher, published_on, report_year. "
        "The header must be file,doc_id,title,publisher,published_on,report_year (cells may be empty)"
    )


def test_a_column_name_that_is_probably_a_typo_says_did_you_mean(tmp_path):
    folder = _folder(tmp_path, "file,doc_id,title,publisher,date,report_yaer\na.txt,a,,,2020-03-01,2019\n")
    assert _stops(folder) == (
        f"{folder}/manifest.csv:1: the manifest lacks the column(s) published_on, report_year; "
        "'date' (did you mean published_on?), 'report_yaer' (did you mean report_year?). "
        "The header must be file,doc_id,title,publisher,published_on,report_year (cells may be empty)"
    )


def test_dot_slash_does_not_get_past_the_listed_twice_check(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,a,,,,\n./a.txt,a2,,,,\n")
    sources, errors = read_sources(folder)
    assert [str(e) for e in errors] == [
        f"{folder}/manifest.csv:3: a.txt is already listed at {folder}/manifest.csv:2; keep one row per file"
    ]
    assert [s.doc_id for s in sources] == ["a", "b", "c"]


def test_every_problem_of_a_row_is_said_at_once(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,a,,,2020-02-30,20x0\n")
    _, errors = read_sources(folder)
    assert [str(e) for e in errors] == [
        f"{folder}/manifest.csv:2: report_year '20x0' is not a year (1900 to 2100); "
        "published_on '2020-02-30' is not a date (YYYY-MM-DD)"
    ]


def test_a_row_with_more_cells_than_the_header_says_to_quote_the_comma(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,a,工会报告,第一部分,工人日报,2020-03-01,2019\n")
    _, errors = read_sources(folder)
    assert [str(e) for e in errors] == [
        f"{folder}/manifest.csv:2: 7 cells where the header has 6: quote a cell that holds a comma; "
        "report_year '2020-03-01' is not a year (1900 to 2100); published_on '工人日报' is not a date (YYYY-MM-DD)"
    ]


def test_a_semicolon_separated_manifest_from_excel_is_read_and_said_so(tmp_path, caplog):
    folder = _folder(tmp_path, HEADER.replace(",", ";") + "a.txt;a;工会报告;工人日报;2020-03-01;2019\n", ("a.txt",))
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        sources, errors = read_sources(folder)
    assert (sources, errors) == ([Source("a.txt", "a", "工会报告", "工人日报", "2020-03-01", 2019)], [])
    assert [r.getMessage() for r in caplog.records] == [
        f"{folder}/manifest.csv:1: read as semicolon-separated (the header has no comma)"
    ]


def test_a_tab_separated_manifest_saved_by_excel_as_unicode_text_is_read(tmp_path):
    folder = _folder(tmp_path, "", ("a.txt",))
    (folder / "manifest.csv").write_bytes((HEADER.replace(",", "\t") + "a.txt\ta\t\t\t\t2019\n").encode("utf-16"))
    assert read_sources(folder) == ([Source("a.txt", "a", report_year=2019)], [])


def test_column_names_are_read_whatever_their_case_and_an_excel_trailing_comma_is_ignored(tmp_path):
    folder = _folder(tmp_path, "File,Doc_ID,Title,Publisher,Published_On,Report_Year,\na.txt,a,,,,2019,\n", ("a.txt",))
    assert read_sources(folder) == ([Source("a.txt", "a", report_year=2019)], [])


def test_a_title_over_two_lines_in_quotes_is_still_a_title(tmp_path):
    folder = _folder(tmp_path, HEADER + 'a.txt,a,"工会报告\n（2020年）",,,\n', ("a.txt",))
    assert read_sources(folder) == ([Source("a.txt", "a", "工会报告\n（2020年）")], [])


def test_a_row_naming_a_missing_file_with_a_bad_date_says_both(tmp_path):
    folder = _folder(tmp_path, HEADER + "missing.txt,m,,,2020-13-01,\n", ())
    (folder / "a.txt").write_text("全总安排资金24.92亿元。", encoding="utf-8")
    sources, errors = read_sources(folder)
    assert [str(e) for e in errors] == [
        f"{folder}/manifest.csv:2: names missing.txt, which is not in {folder}; fix the name, or put the file there; "
        "published_on '2020-13-01' is not a date (YYYY-MM-DD)"
    ]
    assert [s.file for s in sources] == ["a.txt"]
