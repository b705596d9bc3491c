"""What an export raises: what went wrong, in one line, and what was left as it was; or Ctrl-C once it was in place."""


class ExportError(Exception):
    """An export that could not be written, in one line."""


class ExportInterrupted(KeyboardInterrupt):
    """Ctrl-C once the new export was in place (it is held off while the export is swapped in)."""
