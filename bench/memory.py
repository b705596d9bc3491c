"""Run a process and sample the resident memory of it and all its descendants (Linux /proc, no psutil).

The sum of resident set sizes counts pages that forked workers share with
their parent once per process, so it overstates real use: a safe upper bound
to hold against the target.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

PROC = Path("/proc")


def _rss_kib(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _parents() -> dict[int, int]:
    """pid -> parent pid of every process."""
    out = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces: the fields follow the last ')'.
        fields = stat[stat.rfind(")") + 2 :].split()
        out[int(entry.name)] = int(fields[1])
    return out


def _descendants(root: int) -> set[int]:
    parents = _parents()
    found, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in found:
                found.add(child)
                frontier.append(child)
    return found


def run_sampled(
    argv: list[str], *, interval: float = 0.05, cwd: Path | None = None, env: dict | None = None
) -> tuple[str, float]:
    """Run `argv`; returns its stdout and the peak summed RSS (MiB) of it and its descendants."""
    out, err = tempfile.TemporaryFile("w+"), tempfile.TemporaryFile("w+")
    proc = subprocess.Popen(argv, stdout=out, stderr=err, text=True, cwd=cwd, env=env or os.environ)
    peak = 0
    pids = {proc.pid}
    last_scan = 0.0
    while proc.poll() is None:
        now = time.monotonic()
        if now - last_scan > 0.25:
            pids = _descendants(proc.pid)
            last_scan = now
        peak = max(peak, sum(_rss_kib(pid) for pid in pids))
        time.sleep(interval)
    proc.wait()
    out.seek(0)
    err.seek(0)
    stdout, stderr = out.read(), err.read()
    out.close()
    err.close()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}):\n{stderr}")
    return stdout, peak / 1024
