"""The extractor stays close to the cost of reading the text (issue 6).

Measured as a ratio within one run, never as an absolute time: extractor time
over the time of one bare digit-regex pass over the same reports (the real
reports in data/raw), each the median of a few interleaved repeats, so that
a slow or busy machine slows both alike (see bench/ratio.py).
"""

from __future__ import annotations

import pytest

from bench import ratio

from .conftest import RAW

TARGET_RATIO = 20.0  # issue 6: extraction no more than 20 times the bare regex pass


@pytest.fixture(scope="module")
def measured() -> dict:
    reports = ratio.read_reports(RAW)
    assert reports, "no readable reports in data/raw"
    return ratio.measure(reports, repeats=5, floor_passes=10)


def test_extraction_is_within_the_target_ratio_of_the_bare_regex_pass(measured):
    assert measured["ratio"]["median"] <= TARGET_RATIO, _describe(measured)


def _describe(measured: dict) -> str:
    runs = ", ".join(f"{r:.1f}" for r in measured["ratio"]["runs"])
    return (
        f"extraction takes {measured['ratio']['median']:.1f}x the bare digit regex (runs: {runs}); "
        f"{measured['extraction_mb_per_s']:.2f} MB/s over {measured['n_documents']} reports"
    )
