"""The extractor stays close to the cost of reading the text: a guard against regressions.

Measured as a ratio within one run, never as an absolute time: extractor time
over the time of one bare digit-regex pass over the same reports (the real
reports in data/raw), each the median of a few interleaved repeats, so that
a slow or busy machine slows both alike (see bench/ratio.py).

The target itself (20x) is `make bench`'s, measured on a quiet machine. This
test only catches a change that makes extraction several times slower: a busy
CI machine, where the two passes compete with other work unevenly, has been
seen to stretch a 17x ratio to 30x, so the ceiling is three times the target.
"""

from __future__ import annotations

import pytest

from bench import ratio

from .conftest import RAW

TARGET_RATIO = 20.0  # make bench's target (issue 6)
REGRESSION_CEILING = 3 * TARGET_RATIO


@pytest.fixture(scope="module")
def measured() -> dict:
    reports = ratio.read_reports(RAW)
    assert reports, "no readable reports in data/raw"
    return ratio.measure(reports, repeats=5, floor_passes=10)


def test_extraction_stays_well_within_the_ratio_target(measured):
    assert measured["ratio"]["median"] <= REGRESSION_CEILING, _describe(measured)


def _describe(measured: dict) -> str:
    runs = ", ".join(f"{r:.1f}" for r in measured["ratio"]["runs"])
    return (
        f"extraction takes {measured['ratio']['median']:.1f}x the bare digit regex (runs: {runs}); "
        f"{measured['extraction_mb_per_s']:.2f} MB/s over {measured['n_documents']} reports"
    )
