"""Where one refresh's time goes, step by step: `python -m bench.steps SOURCES DB [--edit K]`.

Runs etl.warehouse.refresh.refresh once in this process (imports excluded, as
bench.child times it) with each step of a build timed: the functions that
refresh.py calls in turn (the copy, keep_only, extraction, the series, the
checks, the loss guard, the history) and, within them, every SQL statement
the build's connection runs, named by its first words. Nothing of etl/ is
changed: the timing wraps what refresh.py looks up (module attributes and the
connection build.open_build returns). With --edit K, one percentage of one
report of SOURCES is changed first (bench.corpus.edit_one_document), as
`make bench` does for its one-report edit. Prints a table, and the JSON of it
last.

Run it from a frozen copy of the code (bench.snapshot), as bench.child is
run, so that the extraction key stays that of the warehouse.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from etl.series import store
from etl.warehouse import build, checks, clone, incremental, load, publish, refresh, views

# (module, attribute, step name): what refresh.py calls, in the order a build calls it.
STEPS = (
    (clone.Copy, "wait", "copy the published file (what is left to wait for)"),
    (build, "open_build", "open the build"),
    (incremental, "possible", "incremental?"),
    (build, "keep_only", "keep_only (drop changed documents)"),
    (refresh, "_extract_and_load", "extract and load"),
    (load, "insert_catalog", "catalogs"),
    (incremental, "write_series", "series (incremental)"),
    (store, "write_series", "series"),
    (store, "write_years", "series years"),
    (views, "create_views", "views"),
    (checks, "check_build", "checks"),
    (refresh, "guard_against_loss", "loss guard"),
    (build, "record_build", "history"),
    (publish, "publish", "rename into place"),
)


class Clock:
    """Seconds per step, and per SQL statement within the innermost step."""

    def __init__(self) -> None:
        self.steps: dict[str, float] = defaultdict(float)
        self.statements: dict[tuple[str, str], float] = defaultdict(float)
        self.stack: list[str] = []

    @contextmanager
    def step(self, name: str):
        self.stack.append(name)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.steps[name] += time.perf_counter() - started
            self.stack.pop()

    def statement(self, sql: str, seconds: float) -> None:
        self.statements[(self.stack[-1] if self.stack else "(outside a step)", _head(sql))] += seconds


def _head(sql: str) -> str:
    """A statement's name: its first comment (sql/ files start with one naming the table), or first words."""
    text = sql.strip()
    line = text.splitlines()[0] if text else ""
    return " ".join(line.split())[:80]


class TimedConnection:
    """A DuckDB connection whose `execute` is timed; everything else is the connection's own."""

    def __init__(self, con, clock: Clock) -> None:
        self._con, self._clock = con, clock

    def execute(self, sql, *args, **kwargs):
        started = time.perf_counter()
        try:
            return self._con.execute(sql, *args, **kwargs)
        finally:
            self._clock.statement(sql, time.perf_counter() - started)

    def __getattr__(self, name):
        return getattr(self._con, name)


def _timed(function, name: str, clock: Clock):
    def wrapper(*args, **kwargs):
        with clock.step(name):
            return function(*args, **kwargs)

    return wrapper


@contextmanager
def instrumented(clock: Clock):
    """Every step of STEPS timed, and the build's statements; put back as they were afterwards."""
    saved = []
    for module, attribute, name in STEPS:
        original = getattr(module, attribute)
        saved.append((module, attribute, original))
        wrapped = _timed(original, name, clock)
        if attribute == "open_build":
            wrapped = _opening(original, clock)
        setattr(module, attribute, wrapped)
    try:
        yield
    finally:
        for module, attribute, original in reversed(saved):
            setattr(module, attribute, original)


def _opening(open_build, clock: Clock):
    def wrapper(*args, **kwargs):
        with clock.step("open the build"):
            return TimedConnection(open_build(*args, **kwargs), clock)

    return wrapper


def measure(sources: Path, db: Path) -> dict:
    """One refresh of `sources` into `db`, its steps timed."""
    clock = Clock()
    with instrumented(clock):
        started = time.perf_counter()
        result = refresh.refresh(sources, db, progress=False)
        total = time.perf_counter() - started
    named = sum(seconds for name, seconds in clock.steps.items() if name not in NESTED)
    return {
        "seconds": total,
        "n_extracted": len(result.extracted),
        "n_figures": result.n_figures,
        "steps": dict(clock.steps),
        "unnamed_s": total - named,
        "statements": [
            {"step": step, "statement": head, "seconds": seconds}
            for (step, head), seconds in sorted(clock.statements.items(), key=lambda item: -item[1])
        ],
    }


# Steps timed inside another step: not added again to the total.
NESTED = {"series", "series years", "incremental?"}


def table(point: dict, top: int = 12) -> str:
    rows = [f"{point['seconds']:.3f} s in all, {point['n_extracted']} extracted, {point['n_figures']:,} figures"]
    rows += [f"  {seconds:7.3f} s  {name}" for name, seconds in point["steps"].items()]
    rows.append(f"  {point['unnamed_s']:7.3f} s  (the rest: plan, counts, checkpoint, close)")
    rows.append("slowest statements:")
    rows += [f"  {s['seconds']:7.3f} s  [{s['step']}] {s['statement']}" for s in point["statements"][:top]]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.steps")
    parser.add_argument("sources", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--edit", type=int, default=None, help="edit one report first (its k-th percentage)")
    args = parser.parse_args(argv)
    if args.edit is not None:
        from . import corpus

        corpus.edit_one_document(args.sources, args.edit)
    point = measure(args.sources, args.db)
    print(table(point), file=sys.stderr)
    print(json.dumps(point))
    return 0


if __name__ == "__main__":
    sys.exit(main())
