"""One refresh in a process of its own, so its time and peak memory are its alone.

    python -m bench.child SOURCES DB [--full]

Prints one JSON line: seconds spent in etl.warehouse.refresh.refresh (imports excluded),
the documents and figures published, and the peak resident memory of this
process and of its largest worker (getrusage). The parent samples the sum of
this process and its workers while it runs (bench.memory).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from etl.warehouse.refresh import refresh


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.child")
    parser.add_argument("sources", type=Path)
    parser.add_argument("db", type=Path)
    parser.add_argument("--full", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = refresh(args.sources, args.db, full=args.full, progress=False)
    seconds = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        json.dumps(
            {
                "seconds": seconds,
                "n_documents": result.n_documents,
                "n_figures": result.n_figures,
                "n_extracted": len(result.extracted),
                "n_reused": len(result.reused),
                "maxrss_self_mb": own / 1024,
                "maxrss_largest_worker_mb": workers / 1024,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
