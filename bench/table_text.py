"""Statistical tables pasted as text: the time and memory of a refresh of one such file.

    python -m bench.table_text [--rows 6600] [--digit-lines 60000] [--figures-line-mb 2 19]

Writes, in a temporary folder, three files: a table-like report (rows of cells
separated by spaces, no 。: `困难职工帮扶 安排资金9326万元 慰问职工1034人`,
6,600 rows, 415 KB), the same rows on one line (a table whose line breaks
were lost: one sentence but for etl.text.sentences.MAX_SENTENCE) and 60,000 lines
of 20 digits; with `--figures-line-mb`, also one line of figures of each size
given (`城镇新增就业{n}万人，帮扶困难职工{i}户，投入资金{i}.5亿元；` repeated,
three figures a sentence: issue 27's file under the 20 MB limit). It refreshes a warehouse from each with `python -m etl refresh`
in a process of its own and prints one JSON object: per file its size, wall
time, peak memory, figures, longest stored sentence and warehouse size. It
asserts nothing: a benchmark measures (issue 13 holds the table file to under
30 s and under 1 GB).

Peak memory is reported twice: the largest resident set of any one process of
the refresh (os.wait4, exact) and the sum over the process and its workers,
sampled every 50 ms (bench.memory; an upper bound, as shared pages count once
per process).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from . import memory

ROW = "困难职工帮扶 安排资金{money}万元 慰问职工{people}人"
SAMPLE_S = 0.05  # how often the process tree's memory is read
KIB, MIB = 1024, 1024 * 1024


def table_rows(n: int) -> list[str]:
    """`n` table rows, each with its own two figures (no row repeats another)."""
    return [ROW.format(money=9326 + i, people=1034 + i) for i in range(n)]


def digit_lines(n: int) -> str:
    """`n` lines of 20 digits each, a column of numbers without units."""
    return "".join(f"{i:010d}{i * 7919 % 10**10:010d}\n" for i in range(n))


FIGURES = "城镇新增就业{jobs}万人，帮扶困难职工{i}户，投入资金{i}.5亿元；"


def figures_line(megabytes: float) -> str:
    """One line of sentences of three figures each, `megabytes` of UTF-8 (no sentence repeats another)."""
    parts, size, i = [], 0, 0
    while size < megabytes * 1_000_000:
        parts.append(FIGURES.format(jobs=i % 900 + 10, i=i))
        size += len(parts[-1].encode())
        i += 1
    return "".join(parts) + "\n"


def run_measured(argv: list[str], cwd: Path) -> dict:
    """Run `argv`; its wall time, exit code, largest single-process peak and sampled tree sum (MiB)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, text=True)
        tree_peak_kib, pids, scanned = 0, {proc.pid}, 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - scanned > 0.25:
                pids, scanned = memory._descendants(proc.pid), time.monotonic()
            tree_peak_kib = max(tree_peak_kib, sum(memory._rss_kib(p) for p in pids))
            time.sleep(SAMPLE_S)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        out.seek(0)
        output = out.read()
    return {
        "wall_s": round(seconds, 2),
        "exit_code": proc.returncode,
        "peak_rss_largest_process_mb": round(usage.ru_maxrss / KIB, 1),  # ru_maxrss is in KiB on Linux
        "peak_rss_tree_sampled_mb": round(tree_peak_kib / KIB, 1),
        "last_line": (output.strip().splitlines() or [""])[-1],
    }


def refresh_one(folder: Path, name: str, text: str) -> dict:
    """Refresh a warehouse from a folder holding only `text` as `name`; the measurements."""
    sources = folder / name.removesuffix(".txt")
    sources.mkdir()
    (sources / name).write_text(text, encoding="utf-8")
    db = folder / f"{sources.name}.duckdb"
    argv = [sys.executable, "-m", "etl", "refresh", "--sources", str(sources), "--db", str(db)]
    result = {"file": name, "file_kb": round(len(text.encode()) / 1000, 1), "lines": text.count("\n")}
    result.update(run_measured(argv, cwd=Path.cwd()))
    if db.exists():
        result["warehouse_mb"] = round(db.stat().st_size / MIB, 1)
        with duckdb.connect(str(db), read_only=True) as con:
            figures, longest = con.sql("select count(*), max(length(sentence)) from v1.figures").fetchone()
        result["figures"] = figures
        result["longest_stored_sentence"] = longest
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.table_text", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=6600, help="rows of the table-like file (default 6,600)")
    parser.add_argument("--digit-lines", type=int, default=60_000, help="lines of the digits file (default 60,000)")
    parser.add_argument(
        "--figures-line-mb", type=float, nargs="*", default=[], help="also a line of figures of each size (MB)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="zhibiao-table-text-") as tmp:
        folder = Path(tmp)
        rows = table_rows(args.rows)
        results = [
            refresh_one(folder, "table.txt", "\n".join(rows) + "\n"),
            refresh_one(folder, "table_one_line.txt", " ".join(rows) + "\n"),
            refresh_one(folder, "digits.txt", digit_lines(args.digit_lines)),
            *(refresh_one(folder, f"figures_{mb:g}mb.txt", figures_line(mb)) for mb in args.figures_line_mb),
        ]
    print(json.dumps({"table_text": results}, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
