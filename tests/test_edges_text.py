"""Issue 27, the lesser items of text and catalog: each an input that broke, and what is said of it now."""

from __future__ import annotations

import logging
import shutil
from datetime import date

import pytest

from etl.catalog import CATALOG_DIR, CatalogError, load_catalog
from etl.text.normalize import normalize
from etl.text.sources import SourceError, read_report, read_sources

from .conftest import SEED
from .helpers import values

HEADER = "file,doc_id,title,publisher,published_on,report_year\n"


def _folder(tmp_path, manifest: str | None, files=("a.txt", "b.txt")):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in files:
        shutil.copy(SEED, folder / name)
    if manifest is not None:
        (folder / "manifest.csv").write_text(HEADER + manifest, encoding="utf-8")
    return folder


def test_a_superscript_is_no_digit_of_the_number_before_it():
    """10²万元 was read as 102万元: NFKC had made the ² a 2."""
    assert normalize("投资10²万元，注释¹。") == "投资10²万元,注释¹。"
    assert values("投资10²万元。") == []
    assert values("投资10₂万元。") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("投资1\u3000234万元。", [("1234万元", 12340000.0, "yuan")]),  # was 234万元: the leading 1 dropped
        ("共10\u3000000人。", [("10000人", 10000.0, "person")]),  # was 000人, a figure of 0
        ("\u3000\u3000投资1\u3000234万元。", [("1234万元", 12340000.0, "yuan")]),  # after an indent
        ("资金1\u3000234\u3000567.5元。", [("1234567.5元", 1234567.5, "yuan")]),
        ("2019年\u3000234人。", [("234人", 234.0, "person")]),  # a space after a word is a space
        ("增长\u30005\u3000100万元。", [("100万元", 1000000.0, "yuan")]),  # cells of a table row, never 5100万元
    ],
)
def test_an_ideographic_space_between_digit_groups_is_a_thousands_separator(text, found):
    assert values(text) == found


def test_a_report_year_in_superscript_digits_is_a_problem_of_its_row_not_a_traceback(tmp_path):
    folder = _folder(tmp_path, "a.txt,a,,,,²⁰²⁰\n")
    sources, errors = read_sources(folder)
    assert [str(e) for e in errors] == [f"{folder / 'manifest.csv'}:2: report_year '²⁰²⁰' is not a year (1900 to 2100)"]
    assert [s.file for s in sources] == ["b.txt"]


def test_a_row_naming_the_manifest_is_refused_in_one_line(tmp_path):
    folder = _folder(tmp_path, "manifest.csv,m,,,,2020\n./Manifest.csv,n,,,,2020\na.txt,a,,,,2020\n", files=("a.txt",))
    sources, errors = read_sources(folder)
    where = folder / "manifest.csv"
    assert [str(e) for e in errors] == [
        f"{where}:2: file 'manifest.csv' is the manifest itself, not a report: remove the row",
        f"{where}:3: file './Manifest.csv' is the manifest itself, not a report: remove the row",
    ]
    assert [s.doc_id for s in sources] == ["a"]


def test_a_report_year_after_this_year_loads_with_one_warning(tmp_path, caplog):
    later = date.today().year + 1
    folder = _folder(tmp_path, f"a.txt,a,,,,{later}\nb.txt,b,,,,{later + 30}\n")
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        sources, errors = read_sources(folder)
    assert (len(sources), errors) == (2, [])
    assert caplog.messages == [
        f"{folder / 'manifest.csv'}:2: report_year {later} is after this year ({later - 1}) (and 1 more rows); check it"
    ]


def test_a_report_year_of_this_year_warns_of_nothing(tmp_path, caplog):
    folder = _folder(tmp_path, f"a.txt,a,,,,{date.today().year}\nb.txt,b,,,,2020\n")
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        read_sources(folder)
    assert caplog.messages == []


def test_terminal_escapes_and_newlines_in_file_names_are_shown_escaped(tmp_path, caplog):
    folder = _folder(tmp_path, None, files=("red\x1b[31m.txt", "two\nlines.txt", "bell\x07.txt"))
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        sources, errors = read_sources(folder)
    assert errors == []
    assert sorted(s.file for s in sources) == ["bell\\x07.txt", "red\\x1b[31m.txt", "two\\nlines.txt"]
    assert all("\x1b" not in m and "\n" not in m and "\x07" not in m for m in caplog.messages)
    assert f"{folder}/red\\x1b[31m.txt: no manifest row" in "".join(caplog.messages)


def test_a_manifest_row_naming_a_file_with_a_control_character_is_shown_escaped(tmp_path):
    folder = _folder(tmp_path, '"gone\x1b[2J.txt",g,,,,2020\n', files=())
    _, errors = read_sources(folder)
    assert [str(e) for e in errors] == [
        f"{folder / 'manifest.csv'}:2: names gone\\x1b[2J.txt, which is not in {folder}; fix the name, or put the file there"
    ]


def test_a_file_with_an_escaped_name_is_read_from_disk(tmp_path):
    folder = _folder(tmp_path, None, files=("tab\tname.txt",))
    (sources, _), expected = read_sources(folder), SEED.read_bytes()
    assert read_report(folder, sources[0].file) == expected


def test_a_stray_quote_in_a_catalog_file_names_its_own_line_in_one_line(tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, catalog)
    path = catalog / "qualifiers.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[5] = '"约,before,approx'
    path.write_text("\n".join(lines), encoding="utf-8")
    load_catalog.cache_clear()
    with pytest.raises(CatalogError) as raised:
        load_catalog(catalog)
    load_catalog.cache_clear()
    assert str(raised.value) == (
        f'{path}:6: a quote (") opens a cell that runs on to line {len(lines) - 1}, swallowing the rows in between; '
        "remove the quote, or close it"
    )


def test_source_errors_stay_one_line(tmp_path):
    folder = _folder(tmp_path, "a.txt,a,,,,²⁰²⁰\n")
    _, errors = read_sources(folder)
    assert all(isinstance(e, SourceError) and "\n" not in str(e) for e in errors)
