"""Refresh end to end: figures come from the text, other folders, bad input."""

from __future__ import annotations

import math
import shutil
import subprocess
import sys

import pytest

from etl.catalog import CATALOG_DIR, load_catalog
from etl.rules import pipeline
from etl.rules.pipeline import process
from etl.series import store
from etl.text import decode
from etl.warehouse import checks, load, publish, views
from etl.warehouse import refresh as refresh_module
from etl.warehouse.refresh import RefreshError, code_version, refresh

from .conftest import ROOT, SEED, query


def test_editing_a_number_in_the_report_changes_the_warehouse(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    assert query(db, "select value from v1.figures where surface = '24.92亿元'") == [(2492000000.0,)]
    report = seed_folder / "acftu-2020.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("24.92亿元", "31.5亿元"), encoding="utf-8")
    refresh(seed_folder, db, progress=False)
    assert query(db, "select value from v1.figures where surface = '24.92亿元'") == []
    assert query(db, "select value from v1.figures where surface = '31.5亿元'") == [(3150000000.0,)]


def test_a_refresh_extracts_loads_writes_the_series_creates_the_views_checks_and_publishes_in_that_order(
    seed_folder, tmp_path, monkeypatch
):
    steps = []

    def step(module, name, label):
        real = getattr(module, name)

        def recorded(*args, **kwargs):
            steps.append(label)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, recorded)

    step(refresh_module, "extract_all", "extract")
    step(load, "insert_figures", "load")
    step(store, "write_series", "series")
    step(views, "create_views", "views")
    step(checks, "check_build", "checks")
    step(publish, "publish", "publish")
    refresh(seed_folder, tmp_path / "w.duckdb", progress=False)
    assert steps == ["extract", "load", "series", "views", "checks", "publish"]


def test_a_folder_without_manifest_loads_with_doc_id_from_file_name(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    result = refresh(seed_folder, db, progress=False)
    assert result.n_documents == 1
    assert query(db, "select doc_id, report_year from v1.documents") == [("acftu-2020", 2020)]


def test_an_undecodable_file_fails_naming_it_and_keeps_the_previous_warehouse(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    before = db.read_bytes()
    (seed_folder / "broken.txt").write_bytes(bytes(range(256)) * 64)
    with pytest.raises(RefreshError, match="broken.txt"):
        refresh(seed_folder, db, progress=False)
    assert db.read_bytes() == before


def test_keep_going_loads_the_good_documents(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    (seed_folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 1000)
    result = refresh(seed_folder, db, keep_going=True, progress=False)
    assert result.n_documents == 1
    assert len(result.failed) == 1 and "broken.txt" in result.failed[0]


def test_a_second_copy_builds_into_its_own_file(seed_folder, tmp_path):
    first, second = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    refresh(seed_folder, first, progress=False)
    before = first.read_bytes()
    other = tmp_path / "other"
    shutil.copytree(seed_folder, other)
    refresh(other, second, progress=False)
    assert first.read_bytes() == before
    assert query(second, "select count(*) from v1.figures") == [(23,)]


# --- incremental refresh -------------------------------------------------------------------------

MANIFEST = "file,doc_id,title,publisher,published_on,report_year\n"


def _variant(folder, name, old="24.92亿元", new="31.5亿元"):
    text = SEED.read_text(encoding="utf-8").replace(old, new)
    (folder / name).write_text(text, encoding="utf-8")


def _catalog_copy(tmp_path):
    catalog = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, catalog)
    return catalog


def test_a_refresh_with_nothing_changed_extracts_nothing(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    _variant(seed_folder, "b.txt")
    first = refresh(seed_folder, db, progress=False)
    assert sorted(first.extracted) == ["acftu-2020", "b"]
    again = refresh(seed_folder, db, progress=False)
    assert (again.extracted, sorted(again.reused)) == ([], ["acftu-2020", "b"])
    assert (again.n_documents, again.n_figures) == (first.n_documents, first.n_figures)


def test_changing_one_document_or_its_manifest_row_re_extracts_only_it(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    _variant(seed_folder, "b.txt")
    _variant(seed_folder, "c.txt", new="7.5亿元")
    refresh(seed_folder, db, progress=False)
    _variant(seed_folder, "b.txt", new="40亿元")
    result = refresh(seed_folder, db, progress=False)
    assert (result.extracted, sorted(result.reused)) == (["b"], ["acftu-2020", "c"])
    (seed_folder / "manifest.csv").write_text(MANIFEST + "c.txt,c,新标题,,2021-01-05,\n", encoding="utf-8")
    result = refresh(seed_folder, db, progress=False)
    assert (result.extracted, sorted(result.reused)) == (["c"], ["acftu-2020", "b"])
    assert query(db, "select title, published_on::varchar from v1.documents where doc_id = 'c'") == [
        ("新标题", "2021-01-05")
    ]


def test_changing_a_catalog_re_extracts_every_document(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    catalog = _catalog_copy(tmp_path)
    _variant(seed_folder, "b.txt")
    refresh(seed_folder, db, progress=False, catalog_dir=catalog)
    assert refresh(seed_folder, db, progress=False, catalog_dir=catalog).extracted == []
    with (catalog / "periods.csv").open("a", encoding="utf-8") as fh:
        fh.write("十六五,2031,2035\n")
    result = refresh(seed_folder, db, progress=False, catalog_dir=catalog)
    assert (sorted(result.extracted), result.reused) == (["acftu-2020", "b"], [])
    keys = query(db, "select distinct extraction_key from core.documents")
    assert keys == [(f"{code_version()}/{load_catalog(catalog).version}",)]


def test_full_re_extracts_everything(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    assert refresh(seed_folder, db, progress=False, full=True).extracted == ["acftu-2020"]


def _core(db):
    tables = ("documents", "figures", "metrics", "programs")
    return {t: query(db, f"select * from core.{t} order by all") for t in tables} | {
        "v1.figures": query(db, "select * from v1.figures order by all")
    }


def test_an_incremental_build_equals_a_full_rebuild_row_for_row(seed_folder, tmp_path):
    incremental, full = tmp_path / "incremental.duckdb", tmp_path / "full.duckdb"
    for name, new in (("b.txt", "31.5亿元"), ("c.txt", "7.5亿元"), ("d.txt", "2亿元")):
        _variant(seed_folder, name, new=new)
    refresh(seed_folder, incremental, progress=False)
    _variant(seed_folder, "b.txt", new="40亿元")  # changed
    (seed_folder / "c.txt").unlink()  # removed
    _variant(seed_folder, "e.txt", new="9亿元")  # added
    (seed_folder / "manifest.csv").write_text(MANIFEST + "d.txt,d,新标题,工人日报,2021-01-05,2020\n", encoding="utf-8")
    result = refresh(seed_folder, incremental, progress=False, force=True)
    assert (sorted(result.extracted), result.reused) == (["b", "d", "e"], ["acftu-2020"])
    refresh(seed_folder, full, progress=False, full=True)
    assert _core(incremental) == _core(full)
    assert len(_core(full)["figures"]) > 0


# --- guards and bad input through the command line -----------------------------------------------


def test_a_document_losing_most_of_its_figures_needs_force(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    before = db.read_bytes()
    (seed_folder / "acftu-2020.txt").write_text("2020年，全总安排资金24.92亿元。\n", encoding="utf-8")
    with pytest.raises(RefreshError) as refused:
        refresh(seed_folder, db, progress=False)
    assert str(refused.value).splitlines() == [
        "the refresh would lose data, so it was not published:",
        f"  document acftu-2020: figures fell from {len(query(db, 'select 1 from v1.figures'))} to 1 (more than 50%)",
        "to publish anyway: make refresh FORCE=1 (.venv/bin/python -m etl refresh --force)",
    ]
    assert db.read_bytes() == before
    assert refresh(seed_folder, db, progress=False, force=True).n_figures == 1


def _bad_folder(seed_folder):
    shutil.copy(SEED, seed_folder / "good.txt")
    (seed_folder / "empty.txt").write_bytes(b"")
    (seed_folder / "binary.txt").write_bytes(bytes(range(256)) * 16)
    with (seed_folder / "huge.txt").open("wb") as fh:
        fh.truncate(decode.MAX_BYTES + 1)  # sparse: refused before it is read
    for name in ("dated.txt", "yeared.txt", "twin.txt"):
        shutil.copy(SEED, seed_folder / name)
    (seed_folder / "manifest.csv").write_text(
        MANIFEST
        + "missing.txt,missing,,,,\n"
        + "dated.txt,dated,,,2020-02-30,\n"
        + "yeared.txt,yeared,,,,二〇二〇\n"
        + "twin.txt,good,,,,\n",
        encoding="utf-8",
    )
    m = seed_folder / "manifest.csv"
    return [
        f"{m}:2: names missing.txt, which is not in {seed_folder}; fix the name, or put the file there",
        f"{m}:3: published_on '2020-02-30' is not a date (YYYY-MM-DD)",
        f"{m}:4: report_year '二〇二〇' is not a year (1900 to 2100)",
        f"{seed_folder / 'good.txt'}: doc_id good is already used by {m}:5; give one of them another doc_id in manifest.csv",
        f"{seed_folder / 'binary.txt'}: {decode.BINARY}",
        f"{seed_folder / 'empty.txt'}: {decode.EMPTY}",
        f"{seed_folder / 'huge.txt'}: {decode.TOO_LARGE}",
    ]


def _refresh_cli(*args):
    return subprocess.run([sys.executable, "-m", "etl", "refresh", *args], cwd=ROOT, capture_output=True, text=True)


def test_every_bad_input_gets_one_line_naming_it_and_the_refresh_fails(seed_folder, tmp_path):
    expected = _bad_folder(seed_folder)
    db = tmp_path / "w.duckdb"
    done = _refresh_cli("--sources", str(seed_folder), "--db", str(db))
    assert done.returncode == 1
    lines = done.stderr.splitlines()  # after the warnings: acftu-2020.txt has no manifest row
    failed = lines.index("refresh failed: the refresh stopped; no warehouse was written:")
    assert sorted(lines[failed + 1 :]) == sorted(f"  {e}" for e in expected)
    assert not db.exists()


def test_keep_going_loads_the_good_ones_and_lists_the_bad(seed_folder, tmp_path):
    expected = _bad_folder(seed_folder)
    db = tmp_path / "w.duckdb"
    done = _refresh_cli("--sources", str(seed_folder), "--db", str(db), "--keep-going")
    assert done.returncode == 1
    assert done.stdout.startswith(f"{db}: 2 documents, ")
    assert f"{len(expected)} file(s) not loaded:" in done.stderr
    assert sorted(line for line in done.stderr.splitlines() if line.startswith("  ")) == sorted(
        f"  {e}" for e in expected
    )
    assert query(db, "select doc_id, file from v1.documents join core.documents using (doc_id) order by 1") == [
        ("acftu-2020", "acftu-2020.txt"),
        ("good", "twin.txt"),
    ]


def test_a_file_the_extractor_turns_into_an_unusable_figure_is_named_and_keep_going_loads_the_rest(
    seed_folder, tmp_path, monkeypatch
):
    def infinite_in_one_file(source, raw, catalog=None):
        document, figures = process(source, raw, catalog)
        if source.file == "infinite.txt":
            figures = [figures[0]._replace(value=math.inf), *figures[1:]]
        return document, figures

    monkeypatch.setattr(pipeline, "process", infinite_in_one_file)
    shutil.copy(SEED, seed_folder / "infinite.txt")
    db = tmp_path / "w.duckdb"
    with pytest.raises(RefreshError, match=r"infinite.txt: the extractor produced an unusable figure \(value inf of"):
        refresh(seed_folder, db, progress=False)
    result = refresh(seed_folder, db, progress=False, keep_going=True)
    assert (result.extracted, len(result.failed)) == (["acftu-2020"], 1)


def test_twins_in_every_encoding_load_with_the_same_figures_and_their_encoding_recorded(tmp_path):
    folder = tmp_path / "twins"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    twins = {
        "utf8.txt": text.encode("utf-8"),
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "gb.txt": text.encode("gb18030"),
        "utf16.txt": text.encode("utf-16"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "cr.txt": text.replace("\n", "\r").encode("utf-8"),
        "page.html": (
            "<html><body>" + "".join(f"<p>{line}</p>" for line in text.split("\n")) + "</body></html>"
        ).encode("gb18030"),
    }
    for name, raw in twins.items():
        (folder / name).write_bytes(raw)
    db = tmp_path / "w.duckdb"
    refresh(folder, db, progress=False)
    assert query(db, "select doc_id, encoding from v1.documents order by 1") == [
        ("bom", "utf-8-sig"),
        ("cr", "utf-8"),
        ("crlf", "utf-8"),
        ("gb", "gb18030"),
        ("page", "gb18030"),
        ("utf16", "utf-16"),
        ("utf8", "utf-8"),
    ]
    columns = "surface, value, unit, category, qualifier, basis, is_target, period_start, period_end, as_of, "
    columns += "program, metric_id, label, sentence, sentence_start, sentence_end, char_start, char_end, mentions"
    twin_rows = {
        doc_id: query(db, f"select {columns} from v1.figures where doc_id = ? order by char_start", [doc_id])
        for (doc_id,) in query(db, "select doc_id from v1.documents")
    }
    assert twin_rows["utf8"]
    assert [d for d, rows in twin_rows.items() if rows != twin_rows["utf8"]] == []
    assert len(set(query(db, "select text from v1.documents"))) == 1


def test_an_extractor_crash_on_one_file_is_named_and_keep_going_loads_the_rest(seed_folder, tmp_path, monkeypatch):
    def crash_on_one_file(source, raw, catalog=None):
        if source.file == "crash.txt":
            raise ValueError("substring not found")
        return process(source, raw, catalog)

    monkeypatch.setattr(pipeline, "process", crash_on_one_file)
    shutil.copy(SEED, seed_folder / "crash.txt")
    db = tmp_path / "w.duckdb"
    message = r"crash.txt: the extractor failed on this file \(ValueError: substring not found\); please report it"
    with pytest.raises(RefreshError, match=message):
        refresh(seed_folder, db, progress=False)
    result = refresh(seed_folder, db, progress=False, keep_going=True)
    assert (result.extracted, len(result.failed)) == (["acftu-2020"], 1)


def test_keep_going_still_refuses_to_drop_a_document_whose_file_went_bad_and_says_why(seed_folder, tmp_path):
    db = tmp_path / "w.duckdb"
    shutil.copy(SEED, seed_folder / "b.txt")
    refresh(seed_folder, db, progress=False)
    before = db.read_bytes()
    (seed_folder / "b.txt").write_bytes(bytes(range(256)) * 16)
    with pytest.raises(RefreshError) as refused:
        refresh(seed_folder, db, progress=False, keep_going=True)
    assert str(refused.value).splitlines() == [
        "the refresh would lose data, so it was not published:",
        f"  document b is in {db} but not in this refresh",
        "these files were not loaded:",
        f"  {seed_folder / 'b.txt'}: {decode.BINARY}",
        "to publish anyway: make refresh FORCE=1 (.venv/bin/python -m etl refresh --force)",
    ]
    assert db.read_bytes() == before
    result = refresh(seed_folder, db, progress=False, keep_going=True, force=True)
    assert (result.n_documents, len(result.failed)) == (1, 1)
