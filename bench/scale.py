"""The scale point of `make bench`: a refresh of 10,000 reports (50,000 with SCALE=1) against a bare regex pass.

The corpus cycles through the reports of data/raw and ../shared/corpus, each
copy with its own doc_id and a small edit (bench/corpus.py), so that none is
byte-identical, published as the corpus's `shape` says (corpus.SHAPES: each
report's own publisher, 2,466 publishers, one for all, or no manifest at
all). In one run it measures:

- the floor: every file read from disk, decoded and passed once through the
  bare digit regex, in this one process;
- a full refresh (`--full`, both cores) in a process of its own, with the peak
  resident memory of its whole process tree (bench/memory.py);
- a refresh with nothing changed, one after editing one report, and the size
  of the warehouse file.

    python -m bench.scale [N] [--shape reports|publishers|one|none]

runs the scale point alone, on a frozen copy of the code (bench/snapshot.py),
and writes bench/corpus/scale-<shape>-<N>.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import corpus, snapshot
from .ratio import DIGITS, MB

SHARED = corpus.ROOT.parent / "shared" / "corpus"
POINT = 10_000
LARGE_POINT = 50_000  # make bench SCALE=1
TARGETS = {"ratio": 15.0, "peak_memory_mb": 1024.0, "no_change_s": 3.0, "one_edit_s": 2.0}


def bases(folders: tuple[Path, ...] = (corpus.RAW, SHARED)) -> list[corpus.Base]:
    """The reports the copies are made of: those of data/raw, and of ../shared/corpus when it is there."""
    found = []
    for folder in folders:
        if folder.is_dir():
            found += corpus.read_bases(folder)
    return found


def regex_pass(folder: Path) -> dict:
    """Read, decode and run the bare digit regex over every report file of `folder`: the floor."""
    started = time.perf_counter()
    n_bytes = n_digits = 0
    for path in sorted(folder.iterdir()):
        if path.name == corpus.MANIFEST:
            continue
        raw = path.read_bytes()
        n_bytes += len(raw)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", "replace")
        n_digits += sum(1 for _ in DIGITS.finditer(text))
    return {"seconds": time.perf_counter() - started, "raw_mb": n_bytes / MB, "digit_runs": n_digits}


def measure(n: int, work: Path, refresh_once, say, shape: str = "reports") -> dict:
    """Build n copies under `work`, then the floor, a full, a no-change and a one-edit refresh of them."""
    made = bases()
    folder = corpus.build_corpus(n, work / f"scale{n}", made, shape)
    say(f"scale point: {n} copies of {len(made)} reports under {folder}, publishers: {shape}")
    db = work / f"scale{n}.duckdb"
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    floor = regex_pass(folder)
    say(f"  bare regex pass: {floor['seconds']:.2f} s over {floor['raw_mb']:.0f} MB")
    full = refresh_once(folder, db, full=True)
    say(f"  full refresh: {full['seconds']:.1f} s, peak {full['peak_rss_sum_mb']:.0f} MiB")
    no_change = refresh_once(folder, db, full=False)
    say(f"  no-change refresh: {no_change['seconds']:.2f} s")
    corpus.edit_one_document(folder, 1)
    one_edit = refresh_once(folder, db, full=False)
    say(f"  one-report edit: {one_edit['seconds']:.2f} s, {one_edit['n_extracted']} extracted")
    values = {
        "reports": n,
        "shape": shape,
        "bases": len(made),
        "raw_mb": floor["raw_mb"],
        "regex_s": floor["seconds"],
        "full_s": full["seconds"],
        "full_process_s": full["process_s"],
        "ratio": full["seconds"] / floor["seconds"],
        "peak_memory_mb": max(
            max(run["peak_rss_sum_mb"], run["maxrss_self_mb"]) for run in (full, no_change, one_edit)
        ),
        "no_change_s": no_change["seconds"],
        "one_edit_s": one_edit["seconds"],
        "no_change_peak_memory_mb": max(no_change["peak_rss_sum_mb"], no_change["maxrss_self_mb"]),
        "n_figures": full["n_figures"],
        "db_mb": full["db_mb"],
    }
    values["met"] = {key: values[key] <= limit for key, limit in TARGETS.items()}
    return values


def lines(point: dict) -> list[str]:
    """The scale point's rows of the results table."""
    n, met, shape = point["reports"], point["met"], point.get("shape", "reports")

    def yes(key: str) -> str:
        return "yes" if met.get(key, True) else "**no**"

    rows = [
        f"| full refresh, {n:,} reports (publishers: {shape}) / bare regex pass over the same files | <= 15 x "
        f"| {point['ratio']:.1f} x ({point['full_s']:.1f} s / {point['regex_s']:.2f} s) | {yes('ratio')} |",
        f"| peak memory of those refreshes (process tree) | <= 1024 MiB | {point['peak_memory_mb']:.0f} MiB "
        f"| {yes('peak_memory_mb')} |",
        f"| refresh with nothing changed, {n:,} reports | <= 3 s | {point['no_change_s']:.2f} s | {yes('no_change_s')} |",
    ]
    if "one_edit_s" in point:
        rows.append(
            f"| refresh after editing one report, {n:,} reports | <= 2 s | {point['one_edit_s']:.2f} s "
            f"| {yes('one_edit_s')} |"
        )
    rows.append(
        f"| warehouse file, {n:,} reports ({point['raw_mb']:.0f} MB of reports, {point['n_figures']:,} figures) "
        f"| — | {point['db_mb']:.0f} MB | — |"
    )
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description="The scale point of make bench alone.")
    parser.add_argument("reports", nargs="?", type=int, default=POINT, help=f"copies (default {POINT:,})")
    parser.add_argument(
        "--shape",
        choices=corpus.SHAPES,
        default="reports",
        help="who published them (bench/corpus.py; default reports)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(snapshot.take()))  # measure one frozen copy of the code
    from .run import refresh_once

    def say(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    point = measure(args.reports, corpus.CORPUS_DIR, refresh_once, say, args.shape)
    point["code"] = snapshot.git_state()
    out = corpus.CORPUS_DIR / f"scale-{args.shape}-{args.reports}.json"
    out.write_text(json.dumps(point, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\n".join(lines(point)) + f"\n\ncode {point['code']}; written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
