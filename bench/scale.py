"""The scale point of `make bench`: a refresh of 10,000 reports (50,000 with SCALE=1) against a bare regex pass.

The corpus cycles through the reports of data/raw and ../shared/corpus, each
copy with its own doc_id and a small edit (bench/corpus.py), so that none is
byte-identical. In one run it measures:

- the floor: every file read from disk, decoded and passed once through the
  bare digit regex, in this one process;
- a full refresh (`--full`, both cores) in a process of its own, with the peak
  resident memory of its whole process tree (bench/memory.py);
- a refresh with nothing changed, and the size of the warehouse file.
"""

from __future__ import annotations

import time
from pathlib import Path

from . import corpus
from .ratio import DIGITS, MB

SHARED = corpus.ROOT.parent / "shared" / "corpus"
POINT = 10_000
LARGE_POINT = 50_000  # make bench SCALE=1
TARGETS = {"ratio": 25.0, "peak_memory_mb": 1024.0, "no_change_s": 3.0}


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


def measure(n: int, work: Path, refresh_once, say) -> dict:
    """Build n copies under `work`, then the floor, a full refresh and a no-change refresh of them."""
    made = bases()
    folder = corpus.build_corpus(n, work / f"scale{n}", made)
    say(f"scale point: {n} copies of {len(made)} reports under {folder}")
    db = work / f"scale{n}.duckdb"
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    floor = regex_pass(folder)
    say(f"  bare regex pass: {floor['seconds']:.2f} s over {floor['raw_mb']:.0f} MB")
    full = refresh_once(folder, db, full=True)
    say(f"  full refresh: {full['seconds']:.1f} s, peak {full['peak_rss_sum_mb']:.0f} MiB")
    no_change = refresh_once(folder, db, full=False)
    say(f"  no-change refresh: {no_change['seconds']:.2f} s")
    values = {
        "reports": n,
        "bases": len(made),
        "raw_mb": floor["raw_mb"],
        "regex_s": floor["seconds"],
        "full_s": full["seconds"],
        "full_process_s": full["process_s"],
        "ratio": full["seconds"] / floor["seconds"],
        "peak_memory_mb": max(full["peak_rss_sum_mb"], full["maxrss_self_mb"]),
        "no_change_s": no_change["seconds"],
        "no_change_peak_memory_mb": max(no_change["peak_rss_sum_mb"], no_change["maxrss_self_mb"]),
        "n_figures": full["n_figures"],
        "db_mb": full["db_mb"],
    }
    values["met"] = {key: values[key] <= limit for key, limit in TARGETS.items()}
    return values


def lines(point: dict) -> list[str]:
    """The scale point's rows of the results table."""
    n, met = point["reports"], point["met"]

    def yes(key: str) -> str:
        return "yes" if met[key] else "**no**"

    return [
        f"| full refresh, {n:,} reports / bare regex pass over the same files | <= 25 x "
        f"| {point['ratio']:.1f} x ({point['full_s']:.1f} s / {point['regex_s']:.2f} s) | {yes('ratio')} |",
        f"| peak memory of that refresh (process tree) | <= 1024 MiB | {point['peak_memory_mb']:.0f} MiB "
        f"| {yes('peak_memory_mb')} |",
        f"| refresh with nothing changed, {n:,} reports | <= 3 s | {point['no_change_s']:.2f} s | {yes('no_change_s')} |",
        f"| warehouse file, {n:,} reports ({point['raw_mb']:.0f} MB of reports, {point['n_figures']:,} figures) "
        f"| — | {point['db_mb']:.0f} MB | — |",
    ]
