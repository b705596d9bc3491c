"""One-report edits refreshed by two versions of the code in turn, step by step, beside the regex pass.

    python -m bench.steps_compare SOURCES RUNS NAME=CODE:DB [NAME=CODE:DB ...]

CODE is a frozen copy of the code (bench.snapshot.take(dest=...)), DB a
warehouse of SOURCES built by it (`python -m bench.child SOURCES DB --full`,
run from CODE). Each run edits one report of SOURCES
(bench.corpus.edit_one_document), times the bare regex pass over the same
files (bench.scale.regex_pass), then refreshes each DB with its CODE under
bench.steps, one after the other, so that every version meets the same load;
a last refresh of each, with nothing changed, ends it. Prints one JSON list
of bench.steps points, each with its version, run, regex pass and load
average, so that what is compared is a ratio within one run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from . import corpus
from .scale import regex_pass


def refresh_steps(code: str, sources: Path, db: str) -> dict:
    """bench.steps in a process of its own, run from the frozen copy `code`."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.steps", str(sources.resolve()), str(Path(db).resolve())],
        cwd=code,
        env={**os.environ, "PYTHONPATH": code},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def compare(sources: Path, runs: int, versions: dict[str, tuple[str, str]], say=print) -> list[dict]:
    points = []
    for run in range(runs + 1):
        edited = run < runs  # the last run changes nothing
        regex_s, load = regex_pass(sources)["seconds"], os.getloadavg()[0]
        if edited:
            corpus.edit_one_document(sources, 100 + run)
        for name, (code, db) in versions.items():
            point = refresh_steps(code, sources, db)
            point.update(version=name if edited else f"{name} no-change", run=run, regex_s=regex_s, load=load)
            points.append(point)
            say(f"{point['version']} {run}: {point['seconds']:.3f} s (regex pass {regex_s:.3f} s, load {load:.2f})")
    return points


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 3:
        raise SystemExit(__doc__)
    versions = {}
    for spec in args[2:]:
        name, _, where = spec.partition("=")
        code, _, db = where.partition(":")
        versions[name] = (str(Path(code).resolve()), db)
    points = compare(Path(args[0]), int(args[1]), versions, lambda line: print(line, file=sys.stderr, flush=True))
    print(json.dumps(points))
    return 0


if __name__ == "__main__":
    sys.exit(main())
