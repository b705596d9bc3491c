"""A frozen copy of the code, views and catalogs that one benchmark run measures.

A refresh reuses a document only when the code and catalogs that extracted it
are unchanged (the extraction key digests etl/*.py and data/catalog/*.csv).
While engineers edit those files, two refreshes a minute apart would disagree
and a "no-change" refresh would re-extract everything. The benchmark therefore
copies etl/, sql/, data/catalog/ and bench/ once, at its start, under
bench/corpus/code/, and runs everything from that copy; results.json names
the git commit and whether the tree had uncommitted changes.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "bench" / "corpus" / "code"
PARTS = ("etl", "sql", "data/catalog", "bench")
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "corpus", "results*.json")


def take(root: Path = ROOT, dest: Path = SNAPSHOT) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    for part in PARTS:
        shutil.copytree(root / part, dest / part, ignore=IGNORE)
    return dest


def git_state(root: Path = ROOT) -> dict:
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    dirty = git("status", "--porcelain", "--", *[p for p in PARTS if p != "bench"])
    return {"commit": git("rev-parse", "--short", "HEAD"), "uncommitted_changes": bool(dirty)}
