"""The one error an export raises: what went wrong, in one line, and what was left as it was."""


class ExportError(Exception):
    """An export that could not be written, in one line."""
