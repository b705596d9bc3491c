"""bench/ratio.py: what `make bench` reports of extraction's cost, as a ratio to a bare digit-regex pass.

Its value is a measurement, not a test: it is read on a quiet machine by `make bench` and recorded in
docs/performance.md. A timed assertion here failed on a busy machine (five other processes ran: 63x
against a ceiling of 60x), so this file checks only what the measurement reports, never how fast.
"""

from __future__ import annotations

from bench import ratio

from .conftest import RAW


def test_the_measure_reports_both_passes_their_runs_and_what_was_read():
    reports = ratio.read_reports(RAW)[:2]
    measured = ratio.measure(reports, repeats=2, floor_passes=1)
    assert measured["n_documents"] == 2
    assert measured["n_figures"] > 0
    assert (measured["chars"], measured["utf8_bytes"]) == (26395, 76050)  # the first two reports of data/raw
    assert [len(measured[key]["runs"]) for key in ("extract_s", "regex_s", "ratio")] == [2, 2, 2]
    assert measured["ratio"]["median"] > 0
