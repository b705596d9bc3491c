"""`python -m etl publish --to URL`, and the options the query command shares with it (a server URL for --db)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

log = logging.getLogger("zhibiao")
SCHEMES = ("postgresql", "postgres")  # as etl/exports/server.py takes them; importing it would load SQLAlchemy


def is_server_url(text: str) -> bool:
    """True for `postgresql://…` or `postgres://…` (any driver suffix): a server, not a warehouse file."""
    scheme = str(text).split("://", 1)[0].split("+", 1)[0].lower()
    return "://" in str(text) and scheme in SCHEMES


def warehouse_or_server(text: str) -> Path | str:
    """--db: a postgresql:// URL stays text; anything else is a warehouse file."""
    return text if is_server_url(text) else Path(text)


def schema_prefix_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--schema-prefix",
        default="zhibiao",
        metavar="NAME",
        help="on a server, the tables are in schemas NAME_v1 and NAME_v2 (default zhibiao)",
    )


def add_publish_command(command) -> None:
    """Add `publish` through the command line's `command(name, summary, description)`."""
    publish = command(
        "publish",
        "copy the v1 and v2 views into PostgreSQL tables, atomically",
        "Copy the warehouse's v1 and v2 views into tables of the PostgreSQL database at URL (schemas "
        "zhibiao_v1 and zhibiao_v2), in one transaction: readers see the old tables or the new ones. "
        "Credentials come from the URL, PGPASSWORD, PGSERVICE or ~/.pgpass and are never printed.",
    )
    publish.add_argument("--to", required=True, metavar="URL", help="postgresql://[user@]host[:port]/database")
    publish.add_argument(
        "--db",
        type=Path,
        default=Path("data/warehouse.duckdb"),
        metavar="PATH",
        help="warehouse file to publish (default data/warehouse.duckdb)",
    )
    publish.add_argument("--force", action="store_true", help="publish even when this build is already published")
    schema_prefix_option(publish)
    publish.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from etl.exports.postgres import publish
    from etl.exports.server import ServerError

    try:
        done = publish(args.db, args.to, prefix=args.schema_prefix, force=args.force, step=log.info)
    except ServerError as err:
        print(err, file=sys.stderr)
        return 1
    build = f"the build of {done.build['built_at']:%Y-%m-%d %H:%M:%S} UTC"
    if done.up_to_date:
        print(
            f"{done.url}: {build} is already published in {', '.join(done.schemas)}; nothing changed (--force republishes)"
        )
        return 0
    reader = f"readable by {done.reader}" if done.reader else "no read-only role (see docs/team.md)"
    print(
        f"{done.url}: published {build} into {', '.join(done.schemas)}: {done.tables} tables, {done.rows} rows; {reader}"
    )
    return 0
