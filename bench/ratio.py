"""Extraction against its floor: etl.rules.pipeline.process over some reports, and one bare digit regex over their text.

The floor no extractor can beat is one pass of a regular expression that
only finds digits (DIGITS.finditer) over the decoded text. The extractor is
timed from raw bytes: decode, normalise, sentences, mentions, periods,
figures, facts. Each repeat times both, one right after the other, so that
their ratio is measured under the same load; the medians count. The floor
takes a few milliseconds, so each repeat runs it `floor_passes` times and
takes the mean, which keeps timer resolution and scheduler noise out.
"""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path

from etl.catalog import load_catalog
from etl.records import Source
from etl.rules.pipeline import process
from etl.text.decode import decode
from etl.text.sources import read_sources

DIGITS = re.compile(r"\d+")
MB = 1_000_000


def read_reports(folder: Path) -> list[tuple[Source, bytes]]:
    """The readable reports of `folder` with their raw bytes (bad files and rows are left out)."""
    sources, _errors = read_sources(folder)
    reports = []
    for source in sources:
        raw = (folder / source.file).read_bytes()
        try:
            decode(raw)
        except ValueError:
            continue
        reports.append((source, raw))
    return reports


def floor_pass(texts: list[str]) -> int:
    n = 0
    for text in texts:
        for _ in DIGITS.finditer(text):
            n += 1
    return n


def measure(reports: list[tuple[Source, bytes]], repeats: int = 5, floor_passes: int = 10) -> dict:
    catalog = load_catalog()
    texts = [decode(raw).text for _, raw in reports]
    n_chars = sum(len(t) for t in texts)
    n_utf8 = sum(len(t.encode("utf-8")) for t in texts)

    def extract() -> int:
        return sum(len(process(source, raw, catalog)[1]) for source, raw in reports)

    n_figures = extract()  # warm up: imports, compiled patterns, caches
    floor_pass(texts)
    extract_runs, floor_runs, ratios = [], [], []
    for _ in range(repeats):
        started = time.perf_counter()
        extract()
        extract_runs.append(time.perf_counter() - started)
        started = time.perf_counter()
        for _ in range(floor_passes):
            floor_pass(texts)
        floor_runs.append((time.perf_counter() - started) / floor_passes)
        ratios.append(extract_runs[-1] / floor_runs[-1])
    seconds = statistics.median(extract_runs)
    floor_seconds = statistics.median(floor_runs)
    return {
        "n_documents": len(reports),
        "n_figures": n_figures,
        "chars": n_chars,
        "utf8_bytes": n_utf8,
        "raw_bytes": sum(len(raw) for _, raw in reports),
        "extract_s": {"median": seconds, "runs": extract_runs},
        "regex_s": {"median": floor_seconds, "runs": floor_runs},
        "ratio": {"median": statistics.median(ratios), "runs": ratios},
        "extraction_chars_per_s": n_chars / seconds,
        "extraction_mb_per_s": n_utf8 / seconds / MB,
        "regex_mb_per_s": n_utf8 / floor_seconds / MB,
    }
