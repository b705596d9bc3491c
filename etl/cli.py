"""The command line: `python -m etl COMMAND`. Each command is documented in docs/commands.md."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
from pathlib import Path

from etl import CATALOG_DIR, SQL_DIR
from etl.exports import queries, tables
from etl.exports.publish_command import add_publish_command, schema_prefix_option, warehouse_or_server
from etl.rules.unknown import add_words_command
from etl.series.suggest import add_series_command

DEFAULT_SOURCES = Path("data/raw")
DEFAULT_DB = Path("data/warehouse.duckdb")
DEFAULT_OUT = Path("exports")
EXPORT_FORMATS = ("csv", "parquet")
QUERIES_DIR = SQL_DIR / "queries"

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
    except queries.WarehouseError as err:
        print(err, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted; nothing was changed", file=sys.stderr)  # a refresh and a report say more themselves
        return 130
    except BrokenPipeError:
        # The reader (head, less) stopped reading: not an error. Point stdout at
        # /dev/null so that Python's own flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=".venv/bin/python -m etl",
        description="zhibiao: figures from Chinese government work reports, in a DuckDB warehouse.",
        epilog=".venv/bin/python -m etl COMMAND --help describes a command. The README and docs/ say more.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each step does")
    # -v after the command too; SUPPRESS keeps a -v given before it.
    verbose = argparse.ArgumentParser(add_help=False)
    verbose.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log what each step does"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=description, parents=[verbose])

    refresh = command(
        "refresh",
        "build the warehouse from a folder of reports",
        "Build the warehouse from a folder of reports and publish it only if every check passes; "
        "unchanged reports are copied from the previous warehouse.",
    )
    refresh.add_argument(
        "--sources", type=Path, default=DEFAULT_SOURCES, metavar="DIR", help="folder of reports (default data/raw)"
    )
    _db_option(refresh, "warehouse file to build or replace")
    refresh.add_argument("--keep-going", action="store_true", help="load the good documents and list the bad")
    refresh.add_argument("--force", action="store_true", help="publish even if documents or figures were lost")
    refresh.add_argument("--full", action="store_true", help="re-extract every document, reusing nothing")
    refresh.add_argument(
        "--catalog", type=Path, default=CATALOG_DIR, help="folder of catalog CSV files (default data/catalog)"
    )
    refresh.set_defaults(run=_refresh)

    check = command(
        "check",
        "run the data checks on a built warehouse",
        "Run the data checks on a built warehouse; exit status 1 names the failing rows.",
    )
    _db_option(check, "warehouse file to check")
    check.set_defaults(run=_check)

    export = command(
        "export",
        "write one CSV per v1 and v2 view and an XLSX workbook, or the v2 views as Parquet",
        "Write one CSV per v1 and v2 view (UTF-8 with BOM) and one XLSX workbook into a folder, or with "
        "--format parquet the v2 views as Parquet partitioned by publisher and report year (hive style); "
        "the export is swapped in only once all is written, and its last line says how.",
    )
    _db_option(export, "warehouse file to export")
    export.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, metavar="DIR", help="folder to write into (default exports)"
    )
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="csv",
        help="csv: CSV per v1 and v2 view and an XLSX workbook (default); parquet: the v2 views as a Parquet tree",
    )
    export.set_defaults(run=_export)

    report = command(
        "report",
        "write a static site of reports, series and programmes",
        "Write a static site from the warehouse: an index per publisher, a page per report with every "
        "figure marked, per series, per programme and year, and per metric and year with the publishers side "
        "by side. It opens from disk with no server or network.",
    )
    _db_option(report, "warehouse file to show")
    report.add_argument(
        "--out", type=Path, default=Path("site"), metavar="DIR", help="folder for the site (default site)"
    )
    report.set_defaults(run=_report)

    query = command(
        "query",
        "run a ready question from sql/queries and print its table",
        "Run a ready question from sql/queries on the warehouse and print the question and its table; "
        "without a name, list the questions.",
    )
    query.add_argument("name", nargs="?", help="the question, e.g. new_urban_jobs; omit to list them")
    query.add_argument(
        "--db",
        type=warehouse_or_server,
        default=DEFAULT_DB,
        metavar="PATH|URL",
        help="warehouse file to ask (default data/warehouse.duckdb), or a postgresql:// URL it was published to",
    )
    schema_prefix_option(query)
    query.add_argument(
        "--format",
        choices=tables.FORMATS,
        default="table",
        help="table (aligned, wrapped to the terminal); csv (with a BOM, as the export's files), tsv (to paste "
        "into a sheet) or markdown, for pasting",
    )
    query.set_defaults(run=_query)

    add_publish_command(command)  # python -m etl publish --to URL: etl/exports/publish_command.py
    add_series_command(commands)  # python -m etl series suggest [--accept ID ...]: etl/suggest.py
    add_words_command(commands)  # python -m etl words unknown [--sources DIR | --db PATH]: etl/rules/unknown.py
    return parser


def _db_option(command: argparse.ArgumentParser, what: str) -> None:
    command.add_argument(
        "--db", type=Path, default=DEFAULT_DB, metavar="PATH", help=f"{what} (default data/warehouse.duckdb)"
    )


def _refresh(args) -> int:
    from etl.warehouse.command import run_refresh

    return run_refresh(args)  # a Ctrl-C anywhere in it is one true line and exit status 130


def _check(args) -> int:
    import duckdb

    from etl.warehouse.checks import run_checks

    con = queries.open_warehouse(args.db)
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
    from etl.exports.errors import ExportInterrupted
    from etl.exports.export import ExportError, export

    queries.open_warehouse(args.db).close()  # one line if it is missing or not a warehouse
    try:
        if args.format == "parquet":
            from etl.exports.parquet import export_parquet

            written = export_parquet(args.db, args.out)
        else:
            written = export(args.db, args.out)
    except ExportError as err:
        print(f"export failed: {err}", file=sys.stderr)
        return 1
    except ExportInterrupted as err:
        print(f"interrupted; {err}", file=sys.stderr)
        return 130
    for path in written.paths:
        print(path)
    print(f"{args.out}: {written.how}")
    return 0


def _report(args) -> int:
    from etl.site.build import SiteError, SiteInterrupted, build_site

    try:
        written = build_site(args.db, args.out)  # one line when it is no warehouse
    except SiteError as err:
        print(f"report failed: {err}", file=sys.stderr)
        return 1
    except SiteInterrupted as err:
        print(f"interrupted; {err}", file=sys.stderr)
        return 130
    print(
        f"{args.out / 'index.html'}: {len(written.paths)} files, {written.how}; open it in a browser, no server needed"
    )
    return 0


def _query(args) -> int:
    if not args.name:
        for name in queries.names(QUERIES_DIR):
            print(f"{name:32} {queries.question(QUERIES_DIR / f'{name}.sql')}")
        return 0
    try:
        path = queries.find(QUERIES_DIR, args.name)
    except queries.WarehouseError as err:
        print(err, file=sys.stderr)
        return 2
    if isinstance(args.db, str):  # a postgresql:// URL
        columns, rows = queries.ask_server(args.db, path, args.schema_prefix)
    else:
        con = queries.open_warehouse(args.db)
        try:
            columns, rows = queries.ask(con, path)
        finally:
            con.close()
    if args.format == "table":
        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        print(queries.question(path))
        print(tables.render(columns, rows, "table", width))
    else:
        print(tables.render(columns, rows, args.format), end="" if args.format in ("csv", "tsv") else "\n")
    return 0
