"""Reading the folder as a refresh does before anything is built: the sources and each file's stamp.

    python -m bench.folder SOURCES [RUNS]

Run from a frozen copy of the code (PYTHONPATH=CODE), so that two versions
can be timed back to back: the code of etl.text.sources.read_folder (the
sources and their stamps in one listing), or of an earlier read_sources
followed by one file_stamp per source, as etl.warehouse.plan did. Prints one
JSON line: the seconds of each run and the number of sources.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path

from etl.text import sources as reading


def read_once(folder: Path) -> int:
    if hasattr(reading, "read_folder"):
        return len(reading.read_folder(folder).stamps)
    found, _ = reading.read_sources(folder)
    return len([reading.file_stamp(folder, s.file) for s in found])


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        raise SystemExit(__doc__)
    folder, runs = Path(args[0]), int(args[1]) if len(args) > 1 else 5
    logging.disable(logging.WARNING)  # the unlisted files' warnings
    seconds, n = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        n = read_once(folder)
        seconds.append(time.perf_counter() - started)
    print(json.dumps({"seconds": seconds, "sources": n}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
