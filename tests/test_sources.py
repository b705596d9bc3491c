"""A folder and its manifest: which files load, and one clear line per problem."""

from __future__ import annotations

import logging
import shutil

import pytest

from etl.pipeline import Source
from etl.sources import SourceError, read_sources

from .conftest import SEED

HEADER = "file,doc_id,title,publisher,published_on,report_year\n"


def _folder(tmp_path, manifest: str | None, files=("a.txt",)):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in files:
        shutil.copy(SEED, folder / name)
    if manifest is not None:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


def _messages(errors):
    return [str(e) for e in errors]


def test_manifest_rows_and_unlisted_files_both_load(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,acftu,工会报告,工人日报,2020-03-01,2019\n", ("a.txt", "B 2021.txt"))
    sources, errors = read_sources(folder)
    assert errors == []
    assert sources == [
        Source("a.txt", "acftu", "工会报告", "工人日报", "2020-03-01", 2019),
        Source("B 2021.txt", "b-2021"),
    ]


def test_a_manifest_saved_as_gb18030_with_crlf_reads_the_same(tmp_path):
    folder = _folder(tmp_path, None)
    (folder / "manifest.csv").write_bytes(
        (HEADER + "a.txt,acftu,工会报告,,,2020\n").replace("\n", "\r\n").encode("gb18030")
    )
    sources, errors = read_sources(folder)
    assert (sources, errors) == ([Source("a.txt", "acftu", "工会报告", report_year=2020)], [])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("missing.txt,m,,,,", "manifest.csv:2: names missing.txt, which is not in"),
        ("a.txt,a,,,2020-13-01,", "manifest.csv:2: published_on '2020-13-01' is not a date (YYYY-MM-DD)"),
        ("a.txt,a,,,20200301,", "manifest.csv:2: published_on '20200301' is not a date (YYYY-MM-DD)"),
        ("a.txt,a,,,,20x0", "manifest.csv:2: report_year '20x0' is not a year (1900 to 2100)"),
        ("a.txt,a,,,,1066", "manifest.csv:2: report_year '1066' is not a year (1900 to 2100)"),
        (",a,,,,", "manifest.csv:2: the file column is empty"),
        ("../a.txt,a,,,,", "manifest.csv:2: file '../a.txt' must name a file inside the folder"),
    ],
    ids=["missing-file", "bad-month", "compact-date", "bad-year", "old-year", "no-file", "outside"],
)
def test_a_bad_manifest_line_gets_one_line_naming_the_manifest_and_line(tmp_path, row, message):
    folder = _folder(tmp_path, HEADER + row + "\n")
    sources, errors = read_sources(folder)
    assert len(errors) == 1
    assert message in str(errors[0])
    assert str(folder / "manifest.csv") in str(errors[0])


def test_a_file_with_a_bad_manifest_line_does_not_load_under_its_file_name(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,a,,,not a date,\n")
    sources, errors = read_sources(folder)
    assert sources == []
    assert len(errors) == 1


def test_a_duplicate_doc_id_names_both_places(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,same,,,,\nb.txt,same,,,,\n", ("a.txt", "b.txt"))
    sources, errors = read_sources(folder)
    assert sources == [Source("a.txt", "same")]
    assert _messages(errors) == [
        f"{folder}/manifest.csv:3: doc_id same is already used by {folder}/manifest.csv:2",
    ]


def test_a_file_name_that_gives_a_listed_doc_id_is_a_duplicate(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,b,,,,\n", ("a.txt", "b.txt"))
    sources, errors = read_sources(folder)
    assert sources == [Source("a.txt", "b")]
    assert _messages(errors) == [f"{folder}/b.txt: doc_id b is already used by {folder}/manifest.csv:2"]


def test_a_file_listed_twice_names_the_first_line(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,a,,,,\na.txt,a2,,,,\n")
    _, errors = read_sources(folder)
    assert _messages(errors) == [f"{folder}/manifest.csv:3: a.txt is already listed at {folder}/manifest.csv:2"]


def test_line_numbers_count_lines_of_the_file(tmp_path):
    folder = _folder(tmp_path, HEADER + 'a.txt,a,"two\nlines",,,\n\nmissing.txt,m,,,,\n')
    _, errors = read_sources(folder)
    assert _messages(errors) == [f"{folder}/manifest.csv:5: names missing.txt, which is not in {folder}"]


def test_a_manifest_without_a_file_column_stops_everything(tmp_path):
    folder = _folder(tmp_path, "name,doc_id\na.txt,a\n")
    with pytest.raises(SourceError, match="manifest.csv:1: the manifest lacks the column file"):
        read_sources(folder)


def test_other_files_are_skipped_with_a_warning(tmp_path, caplog):
    folder = _folder(tmp_path, None, ("a.txt", "scan.pdf", ".hidden.txt"))
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        sources, errors = read_sources(folder)
    assert [s.file for s in sources] == ["a.txt"]
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [str(folder / "scan.pdf")]


def test_an_unknown_manifest_column_is_named_in_a_warning(tmp_path, caplog):
    folder = _folder(tmp_path, "file,doc_id,report_yaer\na.txt,a,2020\n")
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        sources, errors = read_sources(folder)
    assert (sources, errors) == ([Source("a.txt", "a")], [])
    assert [r.getMessage() for r in caplog.records] == [
        f"{folder}/manifest.csv:1: column(s) report_yaer are not used "
        "(known: file, doc_id, title, publisher, published_on, report_year)"
    ]
