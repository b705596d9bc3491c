"""Where extraction's time goes, per module: python -m bench.profile [FOLDER] (python -m bench --profile).

etl.rules.pipeline.process runs over every report of FOLDER (default
../shared/corpus, else data/raw) once to warm up, then once under cProfile.
Each function's own time is counted to its module under etl/ (etl/rules,
etl/text, etl/catalog …); the time of a C function or a standard-library one
(a regex scan, str.find, re's own Python) is counted to the etl module that
called it, so a rule's row holds the scans it makes. The bare digit-regex pass
over the same text is timed beside it, as in bench/ratio.py: the ratio is
what the issue's targets speak of.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

from etl.catalog import load_catalog
from etl.rules.pipeline import process
from etl.text.decode import decode

from . import corpus
from .ratio import floor_pass, read_reports

SHARED = corpus.ROOT.parent / "shared" / "corpus"
ETL = corpus.ROOT / "etl"
OTHER = "(outside etl/: libraries, the interpreter)"


def module_of(filename: str) -> str | None:
    """'…/etl/rules/mentions.py' -> 'etl/rules/mentions.py'; None outside etl/ (or a C function's '~')."""
    parts = Path(filename).parts
    if "etl" not in parts:
        return None
    return "/".join(parts[len(parts) - 1 - parts[::-1].index("etl") :])


def by_module(stats: pstats.Stats) -> dict[str, float]:
    """Seconds per etl module: its functions' own time, with the C and library functions they call."""
    seconds: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, callers) in stats.stats.items():
        module = module_of(filename)
        if module is not None:
            seconds[module] += own
            continue
        # A C or library function: its time per caller goes to the caller's module, when in etl/.
        for (caller_file, _, _), edge in callers.items():
            seconds[module_of(caller_file) or OTHER] += edge[2]
    return dict(seconds)


def profile(folder: Path) -> dict:
    """The profile of process() over `folder`, per module, with the bare regex pass beside it."""
    reports = read_reports(folder)
    catalog = load_catalog()
    texts = [decode(raw).text for _, raw in reports]
    for source, raw in reports:  # warm up: compiled patterns, caches
        process(source, raw, catalog)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for source, raw in reports:
        process(source, raw, catalog)
    profiler.disable()
    profiled = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(10):
        floor_pass(texts)
    regex = (time.perf_counter() - started) / 10
    modules = by_module(pstats.Stats(profiler))
    return {
        "folder": str(folder),
        "reports": len(reports),
        "profiled_s": profiled,
        "regex_s": regex,
        "modules": modules,
    }


def table(result: dict, rows: int = 30) -> str:
    """The profile as a Markdown table, the costliest module first."""
    total = sum(result["modules"].values())
    lines = [
        f"Extraction over {result['reports']} reports of {result['folder']} under cProfile: {result['profiled_s']:.2f} s "
        f"(cProfile slows it down; the shares are what count); the bare digit regex over the same text: "
        f"{result['regex_s'] * 1000:.1f} ms.",
        "",
        "| module | seconds | share |",
        "| --- | --- | --- |",
    ]
    for module, seconds in sorted(result["modules"].items(), key=lambda kv: -kv[1])[:rows]:
        lines.append(f"| {module} | {seconds:.3f} | {seconds / total:.1%} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description="Where extraction's time goes.")
    parser.add_argument(
        "folder", nargs="?", type=Path, help="a folder of reports (default ../shared/corpus, else data/raw)"
    )
    parser.add_argument("--rows", type=int, default=30, help="modules shown, the costliest first (default 30)")
    args = parser.parse_args(argv)
    folder = args.folder or (SHARED if SHARED.is_dir() else corpus.RAW)
    print(table(profile(folder), args.rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
