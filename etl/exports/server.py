"""Connecting to a PostgreSQL server through SQLAlchemy and psycopg (3), without ever showing a password.

A URL is `postgresql://[user[:password]@][host][:port]/database[?host=/socket/dir&…]`; what it leaves out
comes from libpq's own sources: the environment (PGHOST, PGUSER, PGPASSWORD, PGSERVICE …), the
service file and ~/.pgpass. A URL as shown to a person has its password masked, and every message that
leaves this module has any password it could hold (the URL's, PGPASSWORD's) replaced by `***`.
"""

from __future__ import annotations

import logging
import os

import sqlalchemy as sa
from sqlalchemy.pool import NullPool

SCHEMES = ("postgresql", "postgres")
MASK = "***"


class ServerError(Exception):
    """A problem reaching or using the server, in one line that holds no password."""


def parse(url: str) -> sa.engine.URL:
    """The URL for SQLAlchemy's psycopg (3) driver; a malformed one is a ServerError that does not echo it."""
    try:
        parsed = sa.engine.make_url(url)
    except (sa.exc.ArgumentError, ValueError):
        raise ServerError("not a PostgreSQL URL; give postgresql://[user@]host[:port]/database") from None
    if parsed.drivername.split("+", 1)[0] not in SCHEMES:
        raise ServerError("not a PostgreSQL URL; give postgresql://[user@]host[:port]/database")
    return parsed.set(drivername="postgresql+psycopg")


def shown(url: sa.engine.URL) -> str:
    """The URL as a person may see it: no password, neither in the URL nor among its query parameters."""
    query = {k: (MASK if k.lower() == "password" else v) for k, v in url.query.items()}
    return url.set(drivername="postgresql", query=query).render_as_string(hide_password=True)


def secrets(url: sa.engine.URL) -> list[str]:
    """Every password this connection may use that a message could echo."""
    found = [url.password, url.query.get("password"), os.environ.get("PGPASSWORD")]
    return [str(s) for s in found if s]


def scrub(text: str, url: sa.engine.URL) -> str:
    for secret in sorted(secrets(url), key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def engine(url: sa.engine.URL, application: str = "zhibiao") -> sa.Engine:
    """An engine that opens one connection when asked and keeps none (NullPool): each command connects once.

    A connection cut or interrupted mid-statement fails again when the pool resets it, and SQLAlchemy's
    pool logs that with a traceback ("Exception during reset or similar"); psycopg warns that it could
    not end the COPY it was in ("error ignored terminating …"). The command has already said in one
    line what happened, so both logs are kept to what is critical.
    """
    for name in ("sqlalchemy.pool", "psycopg"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    return sa.create_engine(
        url,
        poolclass=NullPool,
        connect_args={"application_name": application, "connect_timeout": 10},
    )


def reason(err: BaseException, url: sa.engine.URL) -> str:
    """The first line of the driver's message, with any password masked."""
    inner = getattr(err, "orig", None) or err
    text = str(inner).strip()
    line = next((part.strip() for part in text.splitlines() if part.strip()), type(inner).__name__)
    return scrub(line, url)
