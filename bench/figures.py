"""Every figure of a set of report folders, as JSON lines, and the difference of two such dumps.

A refactor of the extractor must leave every figure as it was. Dump the figures
before the change and after it, then compare:

    python -m bench.figures dump data/raw ../shared/corpus > before.jsonl
    (change the code)
    python -m bench.figures dump data/raw ../shared/corpus > after.jsonl
    python -m bench.figures diff before.jsonl after.jsonl

`--ignore` leaves fields out of the comparison (figure_id and parent_figure_id
change whenever the definition of a fact's identity does).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

from etl.rules.pipeline import process
from etl.text.sources import read_sources


def dump(folders: list[Path], out) -> int:
    """Write one JSON line per figure of every report in `folders`; the number written."""
    written = 0
    for folder in folders:
        sources, _ = read_sources(folder)
        for source in sources:
            _, figures = process(source, (folder / source.file).read_bytes())
            for figure in figures:
                row = {name: getattr(figure, name) for name in _field_names(figure)}
                row["as_of"] = None if row["as_of"] is None else row["as_of"].isoformat()
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                written += 1
    return written


def _field_names(figure) -> tuple[str, ...]:
    """The declared fields of a figure record, whichever record type it is."""
    if hasattr(figure, "_fields"):
        return figure._fields
    return tuple(field.name for field in dataclasses.fields(figure))


def diff(before: Path, after: Path, ignore: set[str]) -> list[str]:
    """Lines naming each figure found in one dump and not the other, comparing all fields but `ignore`."""

    def rows(path: Path) -> Counter:
        found = Counter()
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            found[
                json.dumps({k: v for k, v in row.items() if k not in ignore}, ensure_ascii=False, sort_keys=True)
            ] += 1
        return found

    old, new = rows(before), rows(after)
    return [f"- {row}" for row in sorted((old - new).elements())] + [
        f"+ {row}" for row in sorted((new - old).elements())
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.figures", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write every figure of the folders' reports as JSON lines")
    dumping.add_argument("folders", nargs="+", type=Path)
    comparing = commands.add_parser("diff", help="list the figures of one dump missing from the other")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--ignore", default="", help="comma-separated fields left out of the comparison")
    args = parser.parse_args(argv)
    if args.command == "dump":
        count = dump(args.folders, sys.stdout)
        print(f"{count} figures", file=sys.stderr)
        return 0
    lines = diff(args.before, args.after, {f for f in args.ignore.split(",") if f})
    print("\n".join(lines) if lines else "no difference")
    return 1 if lines else 0


if __name__ == "__main__":
    raise SystemExit(main())
