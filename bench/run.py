"""The measurements of `make bench`, each the median of repeated runs, and the targets they are held to."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from etl import SQL_DIR

from . import catalog_growth, corpus, ratio, scale, snapshot
from .memory import run_sampled
from .ratio import MB

# The ready questions of the code under measurement (bench.snapshot), like its views.
QUERIES_DIR = SQL_DIR / "queries"


@dataclass(frozen=True)
class Target:
    key: str  # the measurement it applies to
    label: str
    limit: float
    at_most: bool  # True: measured <= limit; False: measured >= limit
    unit: str

    def met(self, value: float) -> bool:
        return value <= self.limit if self.at_most else value >= self.limit

    def text(self) -> str:
        return f"{'<=' if self.at_most else '>='} {self.limit:g} {self.unit}"


TARGETS = (
    Target("extraction_mb_per_s", "extraction, UTF-8 text per second per core", 5.0, False, "MB/s"),
    Target("extraction_ratio", "extraction time / bare digit-regex time", 20.0, True, "x"),
    Target("catalog_doubled_ratio", "extraction with the catalog doubled / with it", catalog_growth.LIMIT, True, "x"),
    Target("refresh_full_large_s", "full refresh, {large} reports, both cores", 30.0, True, "s"),
    Target("refresh_no_change_s", "refresh with nothing changed, {large} reports", 0.5, True, "s"),  # issue 24
    Target("refresh_one_edit_s", "refresh after editing one report, {large} reports", 1.0, True, "s"),  # issue 24
    Target("peak_memory_mb", "peak memory of a refresh (process + workers)", 1024.0, True, "MiB"),
)
QUERY_LIMIT_S = 0.100


def median_of(runs: list[float]) -> float:
    return statistics.median(runs)


def machine() -> dict:
    info = {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "system": f"{platform.system()} {platform.release()}",
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
                break
    except OSError:
        pass
    return info


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# --- extraction -------------------------------------------------------------------------------


def measure_extraction(folder: Path, repeats: int) -> dict:
    """etl.rules.pipeline.process over every report of `folder` in this one process, against the digit regex."""
    return ratio.measure(ratio.read_reports(folder), repeats=repeats)


# --- refresh ------------------------------------------------------------------------------------


def refresh_once(sources: Path, db: Path, *, full: bool) -> dict:
    argv = [sys.executable, "-m", "bench.child", str(sources), str(db)] + (["--full"] if full else [])
    env = {**os.environ, "PYTHONPATH": str(snapshot.SNAPSHOT)}
    started = time.perf_counter()
    stdout, peak_mb = run_sampled(argv, cwd=snapshot.SNAPSHOT, env=env)
    outcome = json.loads(stdout.strip().splitlines()[-1])
    outcome["process_s"] = time.perf_counter() - started
    outcome["peak_rss_sum_mb"] = peak_mb
    outcome["db_mb"] = db.stat().st_size / MB
    return outcome


def summarise(runs: list[dict]) -> dict:
    return {
        "median": median_of([r["seconds"] for r in runs]),
        "runs": [r["seconds"] for r in runs],
        "process_s_median": median_of([r["process_s"] for r in runs]),
        "n_documents": runs[-1]["n_documents"],
        "n_figures": runs[-1]["n_figures"],
        "n_extracted": runs[-1]["n_extracted"],
        "n_reused": runs[-1]["n_reused"],
        "peak_rss_sum_mb": max(r["peak_rss_sum_mb"] for r in runs),
        "maxrss_self_mb": max(r["maxrss_self_mb"] for r in runs),
        "maxrss_largest_worker_mb": max(r["maxrss_largest_worker_mb"] for r in runs),
        "db_mb": runs[-1]["db_mb"],
    }


def measure_full_refresh(folder: Path, db: Path, repeats: int, say) -> dict:
    """--full refreshes: the first into an empty place, the next over the warehouse it published."""
    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    runs = []
    for i in range(repeats):
        runs.append(refresh_once(folder, db, full=True))
        say(f"  full refresh {i + 1}/{repeats}: {runs[-1]['seconds']:.2f} s")
    return summarise(runs)


def measure_no_change(folder: Path, db: Path, repeats: int, say) -> dict:
    runs = []
    for i in range(repeats):
        runs.append(refresh_once(folder, db, full=False))
        say(f"  no-change refresh {i + 1}/{repeats}: {runs[-1]['seconds']:.3f} s")
    bad = [r["n_extracted"] for r in runs if r["n_extracted"]]
    if bad:
        say(f"  WARNING: refreshes of the unchanged corpus re-extracted {bad} documents")
    return summarise(runs)


def measure_one_edit(folder: Path, db: Path, repeats: int, say) -> dict:
    runs = []
    for i in range(repeats):
        corpus.edit_one_document(folder, i)
        runs.append(refresh_once(folder, db, full=False))
        say(f"  one-document edit {i + 1}/{repeats}: {runs[-1]['seconds']:.3f} s")
    bad = [r["n_extracted"] for r in runs if r["n_extracted"] != 1]
    if bad:
        say(f"  WARNING: refreshes after editing one document re-extracted {bad} documents")
    return summarise(runs)


# --- queries ------------------------------------------------------------------------------------


def measure_queries(db: Path, repeats: int) -> dict:
    """Each v1 view (`select * from v1.<view>`) and each ready question, fully fetched as Arrow."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        queries = {
            f"v1.{name}": f"select * from v1.{name}"
            for (name,) in con.execute(
                "select view_name from duckdb_views() where schema_name = 'v1' and not internal order by 1"
            ).fetchall()
        }
        for path in sorted(QUERIES_DIR.glob("*.sql")):
            queries[f"queries/{path.stem}"] = path.read_text(encoding="utf-8")
        out = {}
        for name, sql in queries.items():
            rows = con.execute(sql).to_arrow_table().num_rows  # warm up
            runs = []
            for _ in range(repeats):
                started = time.perf_counter()
                con.execute(sql).to_arrow_table()
                runs.append(time.perf_counter() - started)
            out[name] = {"median": median_of(runs), "runs": runs, "rows": rows}
        return out
    finally:
        con.close()


# --- the whole suite ----------------------------------------------------------------------------


def run(*, quick: bool, large: int, small: int, repeats: int, out: Path, say=print, scale_point: int = 0) -> dict:
    started_at = datetime.now(UTC)
    load_before = load_average()
    say(f"machine: {machine()}; load average {load_before}")
    bases = corpus.read_bases()
    work = corpus.CORPUS_DIR
    small_dir = corpus.build_corpus(small, work / f"n{small}", bases)
    large_dir = corpus.build_corpus(large, work / f"n{large}", bases)
    say(f"corpus: {small} and {large} copies of {len(bases)} reports under {work}")

    say(f"extraction over the {small}-report corpus, single process ...")
    extraction = measure_extraction(small_dir, max(repeats, 3))
    say(f"  {extraction['extraction_mb_per_s']:.2f} MB/s, ratio to the digit regex {extraction['ratio']['median']:.1f}")

    say("extraction with the catalog doubled by synthetic rows, over the shared corpus ...")
    growth = catalog_growth.measure(catalog_growth.SHARED if catalog_growth.SHARED.is_dir() else corpus.RAW, repeats)
    say(f"  {growth['ratio']:.3f} x the time with the catalog as it is")

    refresh_repeats = max(1, repeats - 2) if not quick else 1
    say(f"full refresh, {small} reports ...")
    full_small = measure_full_refresh(small_dir, work / f"n{small}.duckdb", refresh_repeats, say)
    say(f"full refresh, {large} reports ...")
    db = work / f"n{large}.duckdb"
    full_large = measure_full_refresh(large_dir, db, refresh_repeats, say)
    no_change = measure_no_change(large_dir, db, repeats, say)
    one_edit = measure_one_edit(large_dir, db, repeats, say)
    say(f"queries on the {large}-report warehouse ...")
    queries = measure_queries(db, max(repeats, 5))

    point = scale.measure(scale_point, work, refresh_once, say) if scale_point else None

    values = {
        "extraction_mb_per_s": extraction["extraction_mb_per_s"],
        "extraction_ratio": extraction["ratio"]["median"],
        "catalog_doubled_ratio": growth["ratio"],
        "refresh_full_small_s": full_small["median"],
        "refresh_full_large_s": full_large["median"],
        "refresh_no_change_s": no_change["median"],
        "refresh_one_edit_s": one_edit["median"],
        # The sampler can miss a short spike; the kernel's own peak of the refresh process cannot.
        "peak_memory_mb": max(
            max(r["peak_rss_sum_mb"], r["maxrss_self_mb"]) for r in (full_small, full_large, no_change, one_edit)
        ),
    }
    targets = [
        {
            "key": t.key,
            "label": t.label.format(large=large),
            "target": t.text(),
            "measured": values[t.key],
            "unit": t.unit,
            "met": t.met(values[t.key]),
        }
        for t in TARGETS
    ]
    for name, q in queries.items():
        targets.append(
            {
                "key": f"query:{name}",
                "label": f"query {name} ({q['rows']} rows)",
                "target": f"<= {QUERY_LIMIT_S * 1000:g} ms",
                "measured": q["median"] * 1000,
                "unit": "ms",
                "met": q["median"] <= QUERY_LIMIT_S,
            }
        )
    results = {
        "quick": quick,
        "started_at": started_at.isoformat(timespec="seconds"),
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average_before": load_before,
        "load_average_after": load_average(),
        "repeats": repeats,
        "code": snapshot.git_state(),
        "corpus": {
            "bases": len(bases),
            "small": small,
            "large": large,
            "large_raw_bytes": sum(p.stat().st_size for p in large_dir.iterdir() if p.name != "manifest.csv"),
        },
        "extraction": extraction,
        "catalog_growth": growth,
        "refresh": {
            "full_small": full_small,
            "full_large": full_large,
            "no_change": no_change,
            "one_edit": one_edit,
        },
        "queries": queries,
        "scale": point,
        "values": values,
        "targets": targets,
        "all_met": all(t["met"] for t in targets) and (point is None or all(point["met"].values())),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return results
