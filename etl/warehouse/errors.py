"""The error a refresh stops with: it published nothing, and its message says why and what to do."""

from __future__ import annotations


class RefreshError(RuntimeError):
    """The refresh did not publish; the message lists every reason."""
