"""python -m bench [--quick] [--large N] [--small N] [--repeats N] [--scale N | --scale-large] [--out PATH] | --profile"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import scale, snapshot
from .report import machine_line, table

RESULTS = Path(__file__).resolve().parent / "results.json"
QUICK_OUT = snapshot.ROOT / "bench" / "corpus" / "results-quick.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="Measure zhibiao against its speed targets.")
    parser.add_argument("--quick", action="store_true", help="a small smoke run (40 and 20 reports, few repeats)")
    parser.add_argument("--large", type=int, help="reports in the large corpus (default 1000; --quick 40)")
    parser.add_argument("--small", type=int, help="reports in the small corpus (default 100; --quick 20)")
    parser.add_argument("--repeats", type=int, help="runs per measurement, of which the median counts (default 5)")
    parser.add_argument(
        "--out", type=Path, help="where to write the results (default bench/results.json; --quick: bench/corpus/)"
    )
    parser.add_argument(
        "--scale",
        type=int,
        help=f"reports in the scale point (default {scale.POINT:,}; --quick: none; 0: none)",
    )
    parser.add_argument(
        "--scale-large",
        action="store_true",
        help=f"the scale point with {scale.LARGE_POINT:,} reports (make bench SCALE=1)",
    )
    parser.add_argument("--table", action="store_true", help="print the table of the last results and exit")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print where extraction's time goes, per module, over ../shared/corpus (bench/profile.py) and exit",
    )
    args = parser.parse_args(argv)
    if args.profile:
        from . import profile

        return profile.main([])
    if args.table:
        results = json.loads((args.out or RESULTS).read_text(encoding="utf-8"))
        print(table(results) + "\n\n" + machine_line(results))
        return 0
    large = args.large or (40 if args.quick else 1000)
    small = args.small or (20 if args.quick else 100)
    repeats = args.repeats or (2 if args.quick else 5)
    out = args.out or (QUICK_OUT if args.quick else RESULTS)
    if args.scale_large:
        scale_point = scale.LARGE_POINT
    elif args.scale is not None:
        scale_point = args.scale
    else:
        scale_point = 0 if args.quick else scale.POINT

    # Everything below measures one frozen copy of the code (see bench/snapshot.py).
    sys.path.insert(0, str(snapshot.take()))
    from . import run as bench

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    results = bench.run(
        quick=args.quick, large=large, small=small, repeats=repeats, out=out, say=say, scale_point=scale_point
    )
    print(table(results) + "\n\n" + machine_line(results))
    print(f"\nwritten to {out}; all targets met: {'yes' if results['all_met'] else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
