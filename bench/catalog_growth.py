"""Does extraction's cost grow with the catalog? python -m bench.catalog_growth [FOLDER] [--times N]

Issue 24: a catalog with twice the rows extracts at most 10% slower. This
writes a copy of data/catalog in which every file holds its rows and as many
synthetic ones (`grown`), then times etl.rules.pipeline.process over FOLDER
(default ../shared/corpus, else data/raw) with each catalog in turn, one run
after the other so that both see the same load; the fastest run of each
counts (as timeit does: the slower runs are the ones the machine's other work
disturbed).

A synthetic row is a real row whose key words are replaced by words that no
report holds: the real word's first character followed by characters of CJK
Extension A (U+3400 on), which official reports do not use. They share the
real words' first characters, so a rule that looks words up by their first
character, or scans an alternation of them, meets twice as many; they never
match, so the figures must come out the same, and the bench checks that they
do (a synthetic row that changed a figure would make the timing meaningless).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from etl import CATALOG_DIR
from etl.catalog import load_catalog
from etl.catalog.cells import character, identifier, opener_phrase, optional, parts, regex, series_word, word
from etl.catalog.schema import SCHEMA, UNIQUE
from etl.rules.pipeline import process

from . import corpus
from .ratio import read_reports

SHARED = corpus.ROOT.parent / "shared" / "corpus"
RARE_FIRST = 0x3400  # CJK Unified Ideographs Extension A: 6,592 characters no report here uses
RARE_COUNT = 0x4DBF - 0x3400 + 1
LIMIT = 1.10  # the target: twice the rows, at most 10% slower


def rare_characters() -> Iterator[str]:
    """Rare characters, each once: a source of words no report holds."""
    for code in range(RARE_FIRST, RARE_FIRST + RARE_COUNT):
        yield chr(code)


def synthetic(value: str, serial: int) -> str:
    """A word of `value`'s shape that no report holds: its first character, then `serial` in rare characters.

    A one-character word becomes one rare character (serial-th), so that a one-character
    vocabulary (measure words, script forms) grows by as many characters as it has.
    """
    if len(value) <= 1:
        return chr(RARE_FIRST + serial % RARE_COUNT)
    high, low = divmod(serial, RARE_COUNT)
    return value[0] + chr(RARE_FIRST + high % RARE_COUNT) + chr(RARE_FIRST + low)


def grown_row(row: dict[str, str], name: str, serial: int) -> dict[str, str]:
    """The synthetic twin of `row` of catalog file `name`: its key words, names and patterns replaced."""
    checks = SCHEMA[name]
    twin = dict(row)
    for column in (*UNIQUE.get(name, ()), "name_zh", "patterns", "pattern"):
        if column not in checks or not row.get(column):
            continue
        check = checks[column]
        if check is identifier:
            twin[column] = f"{row[column]}_grown{serial}"
        elif check is parts:
            twin[column] = "|".join(synthetic(piece, serial) for piece in row[column].split("|"))
        elif check is regex:
            twin[column] = synthetic("模式", serial)  # a literal: the pattern set grows by one branch
        elif check is opener_phrase:  # its slot kept: 近{n}年 -> 近㐀㐀{n}
            slots = re.findall(r"\{(?:n|year|era|day)\}", row[column])  # {date} and {event} go with 年
            twin[column] = synthetic(re.sub(r"\{[a-z]+\}", "", row[column]) or "期", serial) + "".join(slots)
        elif check in (character, word, series_word, optional):  # not a choice (one_of)
            twin[column] = synthetic(row[column], serial)
    return twin


def grown(source: Path, target: Path) -> Path:
    """A copy of the catalog `source` in `target`, every file with each row and its synthetic twin
    (a row with no word to replace, the default of a unit in categories.csv, has none)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SCHEMA:
        with (source / name).open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header, rows = reader.fieldnames or [], list(reader)
        with (target / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)
            twins = (grown_row(row, name, serial) for serial, row in enumerate(rows))
            writer.writerows(twin for twin, row in zip(twins, rows, strict=True) if twin != row)  # '' stays one
    return target


def measure(folder: Path, times: int = 5) -> dict:
    """Extraction over `folder` with the catalog and with it doubled, alternately; the figures must agree."""
    reports = read_reports(folder)
    with tempfile.TemporaryDirectory(prefix="zhibiao-catalog-") as work:
        catalogs = {"catalog": load_catalog(CATALOG_DIR), "doubled": load_catalog(grown(CATALOG_DIR, Path(work)))}

    def extract(catalog) -> list:
        return [process(source, raw, catalog)[1] for source, raw in reports]

    outputs = {name: extract(catalog) for name, catalog in catalogs.items()}  # warm up both
    if outputs["catalog"] != outputs["doubled"]:
        raise SystemExit(
            "the synthetic rows changed a figure: the doubled catalog is not inert, fix bench/catalog_growth.py"
        )
    runs: dict[str, list[float]] = {name: [] for name in catalogs}
    for _ in range(times):
        for name, catalog in catalogs.items():
            started = time.perf_counter()
            extract(catalog)
            runs[name].append(time.perf_counter() - started)
    ratio = min(runs["doubled"]) / min(runs["catalog"])
    return {
        "folder": str(folder),
        "reports": len(reports),
        "figures": sum(len(figures) for figures in outputs["catalog"]),
        "rows": len(catalog_rows(CATALOG_DIR)),
        "seconds": runs,
        "ratio": ratio,
        "met": ratio <= LIMIT,
    }


def catalog_rows(directory: Path) -> list[str]:
    """Every data row of every catalog file (for the count the bench prints)."""
    return [line for name in SCHEMA for line in (directory / name).read_text(encoding="utf-8-sig").splitlines()[1:]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.catalog_growth", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, help="reports (default ../shared/corpus, else data/raw)")
    parser.add_argument("--times", type=int, default=5, help="runs with each catalog, alternately (default 5)")
    args = parser.parse_args(argv)
    result = measure(args.folder or (SHARED if SHARED.is_dir() else corpus.RAW), args.times)
    catalog, doubled = (min(result["seconds"][n]) for n in ("catalog", "doubled"))
    print(
        f"{result['reports']} reports, {result['figures']:,} figures (the same with both catalogs): "
        f"{catalog:.3f} s with the catalog ({result['rows']:,} rows), {doubled:.3f} s with it doubled; "
        f"ratio {result['ratio']:.3f} (target <= {LIMIT:.2f}: {'met' if result['met'] else 'not met'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
