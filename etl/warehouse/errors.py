"""The error a refresh stops with, and how a Ctrl-C looks when DuckDB reports it."""

from __future__ import annotations

import duckdb


class RefreshError(RuntimeError):
    """The refresh did not publish; the message lists every reason."""


def is_interruption(err: BaseException) -> bool:
    """A Ctrl-C, as Python raises it or as DuckDB reports it: its InterruptException, or the
    RuntimeError 'Query interrupted' of an Arrow stream it was feeding."""
    if isinstance(err, (KeyboardInterrupt, duckdb.InterruptException)):
        return True
    return isinstance(err, RuntimeError) and not isinstance(err, RefreshError) and "interrupted" in str(err).lower()
