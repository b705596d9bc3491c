"""The command line: `python -m etl COMMAND`. Each command is documented in README.md."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

DEFAULT_SOURCES = Path("data/raw")
DEFAULT_DB = Path("data/warehouse.duckdb")
QUERIES_DIR = Path(__file__).resolve().parent.parent / "sql" / "queries"

log = logging.getLogger("zhibiao")


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("interrupted; the previous warehouse is unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (head, less) stopped reading: not an error. Point stdout at
        # /dev/null so that Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each step does")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    refresh = commands.add_parser("refresh", help="build the warehouse from a folder of reports")
    refresh.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="folder of reports (default data/raw)")
    refresh.add_argument("--db", type=Path, default=DEFAULT_DB, help="warehouse file (default data/warehouse.duckdb)")
    refresh.add_argument("--keep-going", action="store_true", help="load the good documents and list the bad")
    refresh.add_argument("--force", action="store_true", help="publish even if documents or figures were lost")
    refresh.add_argument("--full", action="store_true", help="re-extract every document, reusing nothing")
    refresh.set_defaults(run=_refresh)

    check = commands.add_parser("check", help="run the data checks on a built warehouse")
    check.add_argument("--db", type=Path, default=DEFAULT_DB)
    check.set_defaults(run=_check)

    export = commands.add_parser("export", help="write one CSV per v1 view and an XLSX workbook")
    export.add_argument("--db", type=Path, default=DEFAULT_DB)
    export.add_argument("--out", type=Path, default=Path("exports"))
    export.set_defaults(run=_export)

    query = commands.add_parser("query", help="run a ready question from sql/queries and print its table")
    query.add_argument("name", nargs="?", help="the question's file name without .sql; omit to list them")
    query.add_argument("--db", type=Path, default=DEFAULT_DB)
    query.set_defaults(run=_query)
    return parser


def _refresh(args) -> int:
    from .refresh import RefreshError, outcome_note, refresh
    from .sources import SourceError

    note = outcome_note(args.db)  # "the previous warehouse is unchanged" only when there was one
    try:
        result = refresh(args.sources, args.db, keep_going=args.keep_going, force=args.force, full=args.full)
    except (RefreshError, SourceError) as err:
        print(f"refresh failed: {err}", file=sys.stderr)
        return 1
    except OSError as err:  # e.g. the sources folder cannot be listed
        print(f"refresh failed: {err}; {note}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"interrupted; {note}", file=sys.stderr)
        return 130
    print(
        f"{result.db}: {result.n_documents} documents, {result.n_figures} figures "
        f"({len(result.extracted)} extracted, {len(result.reused)} unchanged)"
    )
    if result.failed:
        print(f"{len(result.failed)} file(s) not loaded:", file=sys.stderr)
        for line in result.failed:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0


def _open_read_only(db: Path):
    """Query tools never write: a refresh can replace the file while they read it."""
    import duckdb

    if not db.exists():
        raise SystemExit(f"{db}: no warehouse here; run make refresh first")
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        raise SystemExit(f"{db}: cannot be opened read-only: {err}") from None


def _check(args) -> int:
    import duckdb

    from .checks import run_checks

    con = _open_read_only(args.db)
    try:
        problems = run_checks(con)
    except duckdb.Error as err:
        print(f"{args.db}: the checks cannot run ({err}); is it a zhibiao warehouse?", file=sys.stderr)
        return 1
    finally:
        con.close()
    for line in problems:
        print(line, file=sys.stderr)
    print(f"{args.db}: {'all checks passed' if not problems else f'{len(problems)} check(s) failed'}")
    return 1 if problems else 0


def _export(args) -> int:
    from .export import export

    if not args.db.exists():
        raise SystemExit(f"{args.db}: no warehouse here; run make refresh first")
    for path in export(args.db, args.out):
        print(path)
    return 0


def _query(args) -> int:
    import pandas as pd

    if not args.name:
        for path in sorted(QUERIES_DIR.glob("*.sql")):
            print(f"{path.stem:32} {_question(path)}")
        return 0
    path = QUERIES_DIR / f"{args.name}.sql"
    if not path.exists():
        names = ", ".join(p.stem for p in sorted(QUERIES_DIR.glob("*.sql")))
        print(f"no ready question {args.name!r}; there are: {names}", file=sys.stderr)
        return 2
    con = _open_read_only(args.db)
    try:
        frame = con.execute(path.read_text(encoding="utf-8")).df()
    finally:
        con.close()
    print(_question(path))
    with pd.option_context("display.max_rows", 200, "display.width", 200, "display.max_colwidth", 40):
        print(frame.to_string(index=False) if len(frame) else "(no rows)")
    return 0


def _question(path: Path) -> str:
    """The first comment line of a .sql file: the question it answers."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("--"):
            return line.lstrip("- ").strip()
    return ""
