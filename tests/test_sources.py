"""A folder and its manifest: which files load, and one clear line per problem."""

from __future__ import annotations

import logging
import os
import shutil

import pytest

from etl.records import Source
from etl.text import sources
from etl.text.sources import SourceError, file_stamp, read_folder, read_report, read_sources

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
        f"{folder}/manifest.csv:3: doc_id same is already used by {folder}/manifest.csv:2; give one of them another doc_id in manifest.csv",
    ]


def test_a_file_name_that_gives_a_listed_doc_id_is_a_duplicate(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,b,,,,\n", ("a.txt", "b.txt"))
    sources, errors = read_sources(folder)
    assert sources == [Source("a.txt", "b")]
    assert _messages(errors) == [
        f"{folder}/b.txt: doc_id b is already used by {folder}/manifest.csv:2; give one of them another doc_id in manifest.csv"
    ]


def test_a_file_listed_twice_names_the_first_line(tmp_path):
    folder = _folder(tmp_path, HEADER + "a.txt,a,,,,\na.txt,a2,,,,\n")
    _, errors = read_sources(folder)
    assert _messages(errors) == [
        f"{folder}/manifest.csv:3: a.txt is already listed at {folder}/manifest.csv:2; keep one row per file"
    ]


def test_line_numbers_count_lines_of_the_file(tmp_path):
    folder = _folder(tmp_path, HEADER + 'a.txt,a,"two\nlines",,,\n\nmissing.txt,m,,,,\n')
    _, errors = read_sources(folder)
    assert _messages(errors) == [
        f"{folder}/manifest.csv:5: names missing.txt, which is not in {folder}; fix the name, or put the file there"
    ]


def test_a_manifest_without_a_file_column_stops_everything(tmp_path):
    folder = _folder(tmp_path, "name,doc_id,title,publisher,published_on,report_year\na.txt,a,,,,\n")
    with pytest.raises(SourceError) as stopped:
        read_sources(folder)
    assert str(stopped.value) == (
        f"{folder}/manifest.csv:1: the manifest lacks the column(s) file; 'name' (did you mean file?). "
        "The header must be file,doc_id,title,publisher,published_on,report_year (cells may be empty)"
    )


def test_other_files_are_skipped_with_a_warning(tmp_path, caplog):
    folder = _folder(tmp_path, None, ("a.txt", "scan.pdf", ".hidden.txt"))
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        sources, errors = read_sources(folder)
    assert [s.file for s in sources] == ["a.txt"]
    assert [r.getMessage() for r in caplog.records] == [
        f"{folder / 'scan.pdf'}: skipped, not a report file (reports end in .htm, .html, .md, .text, .txt); "
        "to load it, save it as plain text (.txt)",
        f"{folder / 'a.txt'}: no manifest row; loaded as doc_id a, its report year read from the text",
    ]


def test_an_unknown_manifest_column_beside_all_known_ones_is_named_in_a_warning(tmp_path, caplog):
    folder = _folder(tmp_path, HEADER.strip() + ",notes\na.txt,a,,,,,seen\n")
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        sources, errors = read_sources(folder)
    assert (sources, errors) == ([Source("a.txt", "a")], [])
    assert [r.getMessage() for r in caplog.records] == [
        f"{folder}/manifest.csv:1: column(s) notes are not used "
        "(known: file, doc_id, title, publisher, published_on, report_year)"
    ]


# --- issue 13 items 5, 7 and 14; issue 14 item 4: what the folder holds -----------------------------


def test_a_link_to_a_file_outside_the_folder_is_named_and_not_read(tmp_path):
    folder = _folder(tmp_path, None)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    sources, errors = read_sources(folder)
    assert [s.file for s in sources] == ["a.txt"]
    assert _messages(errors) == [
        f"{folder}/passwd.txt: a link to /etc/passwd, outside {folder}; copy the file into the folder instead"
    ]


def test_a_linked_folder_named_in_the_manifest_does_not_reach_outside(tmp_path):
    outside = tmp_path / "etc"
    outside.mkdir()
    (outside / "shadow").write_text("root:x:0:0\n", encoding="utf-8")
    folder = _folder(tmp_path, HEADER + "etcdir/shadow,shadow,,,,\n")
    (folder / "etcdir").symlink_to(outside)
    sources, errors = read_sources(folder)
    assert [s.file for s in sources] == ["a.txt"]
    assert _messages(errors) == [
        f"{folder}/manifest.csv:2: names etcdir/shadow, which is a link to {outside / 'shadow'}, outside {folder}; "
        "copy the file into the folder instead"
    ]


def test_a_link_inside_the_folder_to_a_file_inside_it_loads(tmp_path):
    folder = _folder(tmp_path, HEADER + "copy.txt,copy,,,,\n")
    (folder / "copy.txt").symlink_to(folder / "a.txt")
    sources, errors = read_sources(folder)
    assert (sorted(s.doc_id for s in sources), errors) == (["a", "copy"], [])


def test_a_folder_a_fifo_or_a_dangling_link_in_the_manifest_is_named_for_what_it_is(tmp_path):
    folder = _folder(tmp_path, HEADER + "sub,sub,,,,\npipe.txt,pipe,,,,\ngone.txt,gone,,,,\nnowhere.txt,n,,,,\n")
    (folder / "sub").mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "gone.txt").symlink_to(folder / "deleted.txt")
    sources, errors = read_sources(folder)
    m = f"{folder}/manifest.csv"
    assert _messages(errors) == [
        f"{m}:2: names sub, which is a folder, not a file",
        f"{m}:3: names pipe.txt, which is not a regular file (a FIFO, socket or device); copy the report into a file",
        f"{m}:4: names gone.txt, which is a link to {folder / 'deleted.txt'} that does not exist; fix or remove it",
        f"{m}:5: names nowhere.txt, which is not in {folder}; fix the name, or put the file there",
    ]
    assert [s.file for s in sources] == ["a.txt"]


def test_a_fifo_dropped_in_the_folder_is_named_and_never_blocks_the_refresh(tmp_path):
    folder = _folder(tmp_path, None)
    os.mkfifo(folder / "pipe.txt")
    sources, errors = read_sources(folder)
    assert _messages(errors) == [
        f"{folder}/pipe.txt: not a regular file (a FIFO, socket or device); copy the report into a file"
    ]
    with pytest.raises(SourceError, match="not a regular file"):
        read_report(folder, "pipe.txt")


def test_a_file_swapped_for_a_link_after_listing_is_not_read(tmp_path):
    folder = _folder(tmp_path, None)
    sources, _ = read_sources(folder)
    (folder / "a.txt").unlink()
    (folder / "a.txt").symlink_to("/etc/passwd")
    with pytest.raises(SourceError) as refused:
        read_report(folder, sources[0].file)
    assert str(refused.value) == (
        f"{folder}/a.txt: a link to /etc/passwd, outside {folder}; copy the file into the folder instead"
    )


GBK_NAME = "工作报告2020.txt".encode("gbk")


def test_a_file_name_that_is_not_utf8_loads_under_its_gbk_reading(tmp_path):
    folder = _folder(tmp_path, None, ())
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as fh:
        fh.write(SEED.read_bytes())
    sources, errors = read_sources(folder)
    assert (sources, errors) == ([Source("工作报告2020.txt", "工作报告2020")], [])
    assert read_report(folder, "工作报告2020.txt") == SEED.read_bytes()


def test_a_manifest_row_may_name_a_gbk_file_by_its_chinese_name(tmp_path):
    folder = _folder(tmp_path, HEADER + "工作报告2020.txt,acftu,,,,2020\n", ())
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as fh:
        fh.write(SEED.read_bytes())
    assert read_sources(folder) == ([Source("工作报告2020.txt", "acftu", report_year=2020)], [])


def test_an_empty_folder_is_refused_with_what_to_do(tmp_path):
    folder = _folder(tmp_path, None, ())
    (folder / "notes.docx").write_bytes(b"PK")
    with pytest.raises(SourceError) as refused:
        read_sources(folder)
    assert str(refused.value) == (
        f"{folder}: no reports here (files ending in .htm, .html, .md, .text, .txt); put the reports in it, "
        "or name the folder that holds them with --sources (make refresh SOURCES=)"
    )


def test_many_files_without_a_manifest_row_are_warned_of_ten_by_name_then_in_one_line(tmp_path, caplog):
    folder = _folder(tmp_path, None, [f"r{i:02d}.txt" for i in range(13)])
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        sources, _ = read_sources(folder)
    assert len(sources) == 13
    messages = [r.getMessage() for r in caplog.records]
    assert messages[:10] == [
        f"{folder / f'r{i:02d}.txt'}: no manifest row; loaded as doc_id r{i:02d}, its report year read from the text"
        for i in range(10)
    ]
    assert messages[10:] == [
        f"{folder}: and 3 more files without a manifest row; add rows to {folder / 'manifest.csv'} to say what each is"
    ]


def test_a_manifest_that_is_a_link_out_of_the_folder_is_not_read(tmp_path):
    outside = tmp_path / "elsewhere.csv"
    outside.write_text(HEADER + "a.txt,a,,,,\n", encoding="utf-8")
    folder = _folder(tmp_path, None)
    (folder / "manifest.csv").symlink_to(outside)
    with pytest.raises(SourceError) as refused:
        read_sources(folder)
    assert str(refused.value) == (
        f"{folder}/manifest.csv: a link to {outside}, outside {folder}; copy the file into the folder instead"
    )


def test_the_stamps_of_a_folder_are_those_file_stamp_gives_each_source(tmp_path):
    """read_folder's stamps, from the one listing, are file_stamp's: a plain file's size and time, None for a link,
    a file a manifest row names in a subfolder, or a GBK-named file's stamp under its Chinese name."""
    folder = _folder(tmp_path, HEADER + "sub/c.txt,c,,,,2020\n工作报告2020.txt,g,,,,2020\n", ("a.txt",))
    (folder / "sub").mkdir()
    shutil.copy(SEED, folder / "sub" / "c.txt")
    (folder / "link.txt").symlink_to(folder / "a.txt")
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as fh:
        fh.write(b"x" * 7)
    found = read_folder(folder)
    assert found.errors == []
    assert sorted(s.file for s in found.sources) == ["a.txt", "link.txt", "sub/c.txt", "工作报告2020.txt"]
    info = os.lstat(folder / "a.txt")
    assert found.stamps == {
        "a.txt": (info.st_size, info.st_mtime_ns),
        "link.txt": None,
        "sub/c.txt": None,
        "工作报告2020.txt": (7, os.lstat(os.path.join(os.fsencode(folder), GBK_NAME)).st_mtime_ns),
    }
    assert found.stamps == {s.file: file_stamp(folder, s.file) for s in found.sources}


@pytest.mark.parametrize("n", [3, 30])
def test_reading_a_folder_looks_at_each_plain_file_once_in_its_listing(tmp_path, monkeypatch, n):
    """No lstat per file beside the listing's own (os.scandir's DirEntry.stat): one lstat in all, of the manifest
    that is not there, however many files."""
    folder = _folder(tmp_path, None, [f"r{i:02d}.txt" for i in range(n)])
    calls = []
    real = os.lstat
    monkeypatch.setattr(os, "lstat", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    found = read_folder(folder)
    assert (len(found.sources), len(found.stamps), found.errors) == (n, n, [])
    assert calls == [folder / "manifest.csv"]


def test_the_stamps_handed_on_once_the_folder_is_listed_are_its_plain_files_before_the_manifest_is_read(
    tmp_path, monkeypatch
):
    """`listed` is called once, before the manifest is read, with the stamp of each plain file by its shown name:
    a link, a folder and a FIFO have none."""
    folder = _folder(tmp_path, HEADER + "a.txt,a,,,,2020\n", ("a.txt", "b.txt"))
    (folder / "sub").mkdir()
    (folder / "link.txt").symlink_to(folder / "a.txt")
    os.mkfifo(folder / "pipe.txt")
    with open(os.path.join(os.fsencode(folder), GBK_NAME), "wb") as fh:
        fh.write(b"x" * 7)
    seen = []
    read_manifest = sources.read_manifest
    monkeypatch.setattr(sources, "read_manifest", lambda *a: seen.append("manifest") or read_manifest(*a))
    read_folder(folder, lambda stamps: seen.append(stamps))
    stamp = {
        name: (os.lstat(folder / name).st_size, os.lstat(folder / name).st_mtime_ns) for name in ("a.txt", "b.txt")
    }
    manifest = os.lstat(folder / "manifest.csv")
    gbk = os.lstat(os.path.join(os.fsencode(folder), GBK_NAME))
    assert seen == [
        {
            **stamp,
            "manifest.csv": (manifest.st_size, manifest.st_mtime_ns),
            "工作报告2020.txt": (7, gbk.st_mtime_ns),
        },
        "manifest",
    ]
