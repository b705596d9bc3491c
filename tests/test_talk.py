"""A long refresh talks: a line per phase at least every talk.INTERVAL seconds in a pipe, each warning kind once."""

from __future__ import annotations

import logging
import re
import shutil

from etl.warehouse import talk
from etl.warehouse.refresh import refresh

from .conftest import SEED

NO_PUBLISHER = "{}: no publisher (manifest.csv); its figures join no national series"


def test_warnings_alike_but_for_their_subject_are_one_line_with_a_count_and_the_first_names():
    lines = [NO_PUBLISHER.format(f"doc-{i}") for i in range(3000)]
    assert talk.collapse(lines) == [
        "doc-0, doc-1, doc-2 and 2,997 more: no publisher (manifest.csv); its figures join no national series"
    ]


def test_a_few_warnings_of_a_kind_are_said_one_by_one_and_a_line_said_twice_once():
    lines = [
        "a.txt: no figures found (loaded as a); is it a report?",
        NO_PUBLISHER.format("x"),
        "b.txt: no figures found (loaded as b); is it a report?",
        NO_PUBLISHER.format("x"),  # said twice: once
        "the same line",
        "the same line",
    ]
    assert talk.collapse(lines) == [
        "a.txt: no figures found (loaded as a); is it a report?",
        "b.txt: no figures found (loaded as b); is it a report?",
        NO_PUBLISHER.format("x"),
        "the same line",
    ]


def test_many_warnings_differing_in_parentheses_are_one_kind():
    lines = [f"r{i}.txt: no figures found (loaded as r{i}); is it a report?" for i in range(7)]
    assert talk.collapse(lines) == ["r0.txt, r1.txt, r2.txt and 4 more: no figures found (…); is it a report?"]


def test_publishers_no_rule_knows_are_one_line_and_a_long_list_of_documents_is_cut():
    line = "publisher {!r} ({}) matches no rule of publisher_words.csv; its figures join no national series"
    lines = [line.format(f"P{i}", f"p{i}-a, p{i}-b") for i in range(5)]
    lines.append(line.format("Q", ", ".join(f"q{i}" for i in range(10))))
    assert talk.collapse(lines) == [
        "publisher 'P0' (p0-a, p0-b), 'P1' (p1-a, p1-b), 'P2' (p2-a, p2-b) and 3 more matches no rule of "
        "publisher_words.csv; its figures join no national series"
    ]
    assert talk.collapse(lines[-1:]) == [
        "publisher 'Q' (q0, q1, q2 and 7 more) matches no rule of publisher_words.csv; its figures join no "
        "national series"
    ]


def test_a_refresh_says_each_warning_kind_once(tmp_path, caplog):
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(5):  # no manifest: no publisher for any of them
        (folder / f"r{i}.txt").write_bytes(SEED.read_bytes() + f"\n副本{i}\n".encode())
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        refresh(folder, tmp_path / "w.duckdb", progress=False)
    assert [r.getMessage() for r in caplog.records if "no publisher" in r.getMessage()] == [
        "r0, r1, r2 and 2 more: no publisher (manifest.csv); its figures join no national series"
    ]


def test_piped_every_phase_that_runs_an_interval_writes_a_line(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "acftu-2020.txt")
    monkeypatch.setattr(talk, "INTERVAL", 0.001)  # a line every millisecond: every phase lasts longer
    refresh(folder, tmp_path / "w.duckdb")  # progress=None, stderr a pipe (captured)
    said = capsys.readouterr().err.splitlines()
    phases = {line.split(":")[0] for line in said}
    assert {"reading the reports", "starting the build", "extracting", "lining up the series", "checking"} <= phases
    assert {"writing the warehouse"} <= phases
    assert any(re.fullmatch(r"extracting: [01] of 1 docs after \d+ s", line) for line in said)
    assert any(re.fullmatch(r"lining up the series: \d+ s so far", line) for line in said)


def test_told_to_be_quiet_a_refresh_writes_nothing_while_it_runs(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SEED, folder / "acftu-2020.txt")
    monkeypatch.setattr(talk, "INTERVAL", 0.001)
    refresh(folder, tmp_path / "w.duckdb", progress=False)
    assert capsys.readouterr().err == ""
