"""Small helpers that read a snippet of report text the way a refresh would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from etl.catalog import CatalogError, load_catalog
from etl.records import Figure, Source
from etl.rules.mentions import find_mentions
from etl.rules.pipeline import process
from etl.text.normalize import normalize


def figures_of(
    text: str, report_year: int | None = 2020, catalog: Path | None = None, published_on: str | None = None
) -> list[Figure]:
    """The facts zhibiao finds in `text`, read as a whole report (with the catalog of the folder
    `catalog`, else the shipped one; given on the date `published_on`, if any)."""
    source = Source("snippet.txt", "snippet", published_on=published_on, report_year=report_year)
    _, figures = process(source, text.encode("utf-8"), load_catalog(catalog) if catalog else None)
    return figures


def surfaces(text: str) -> list[str]:
    return [m.surface for m in find_mentions(normalize(text))]


def values(text: str) -> list[tuple[str, float, str]]:
    return [(m.surface, m.value, m.unit) for m in find_mentions(normalize(text))]


def one(text: str, report_year: int | None = 2020) -> Figure:
    found = figures_of(text, report_year)
    assert len(found) == 1, [f.surface for f in found]
    return found[0]


def keep_rows(path: Path, keep) -> int:
    """Keep the rows of a catalog CSV that `keep` accepts (the header always); the lines left."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = lines[:1] + [line for line in lines[1:] if keep(line)]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return len(kept)


def first_row(path: Path, row: str) -> None:
    """Put `row` first in a catalog CSV, under its header: a rule table's first rule."""
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, row, *rows]) + "\n", encoding="utf-8")


def refused_row(folder: Path, name: str, row: str) -> tuple[int, str]:
    """Append `row` to the catalog file `name` of `folder`: the line it lands on, and the one line
    that loading the catalog then stops with (CatalogError)."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        load_catalog(folder)
    return text.count("\n") + 1, str(raised.value)


def refresh_cli(sources: Path, db: Path, *flags: str) -> subprocess.CompletedProcess:
    """`python -m etl refresh` in a process of its own, as a user runs it from the checkout."""
    return subprocess.run(
        [sys.executable, "-m", "etl", "refresh", "--sources", str(sources), "--db", str(db), *flags],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )


def make_shell(db: Path, statements: str) -> subprocess.CompletedProcess:
    """`make -s shell DB=db` fed `statements` on its standard input, as a script would."""
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        ["make", "-s", "shell", f"DB={db}"], cwd=root, input=statements, capture_output=True, text=True
    )


def interrupt_when_logged(proc: subprocess.Popen, log: Path, marker: str, delay: float = 0.0, wait: float = 60) -> None:
    """Ctrl-C to the process group of `proc` once its log has a line starting with `marker` (and
    `delay` seconds more), then wait for it to end; a refresh that hangs is killed and fails the test."""
    deadline = time.monotonic() + wait
    while proc.poll() is None and time.monotonic() < deadline:
        if any(line.startswith(marker) for line in log.read_text(encoding="utf-8").splitlines()):
            time.sleep(delay)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
            break
        time.sleep(0.001)
    try:
        proc.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        pytest.fail(f"the refresh hung after Ctrl-C at {marker!r} + {delay} s")
