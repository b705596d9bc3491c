"""`python -m etl`: the command line (etl.cli), and Ctrl-C before it starts.

Loading etl.cli takes about a third of a second (DuckDB, the rules): a Ctrl-C then
is caught here, like one anywhere else, with one line and exit status 130, never a
traceback. Nothing has been read or written yet, so the line says so.
"""

import sys  # loaded by Python itself before this runs: no time for a Ctrl-C to land

INTERRUPTED = "interrupted; nothing was written"


def _interrupted() -> int:
    """A Ctrl-C before any command ran: one line, exit status 130."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the line short
    print(INTERRUPTED, file=sys.stderr)
    return 130


def _run() -> int:
    import signal

    try:
        from etl.cli import main
    except KeyboardInterrupt:
        return _interrupted()
    try:
        return main()  # each command says itself how a Ctrl-C left things
    except KeyboardInterrupt:
        return _interrupted()  # in main's reading of its arguments, before the command ran
    finally:
        # The command has said how it ended: a Ctrl-C now (while Python shuts down) changes nothing, and
        # must not print a traceback or end the process by the signal instead of its exit status.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


raise SystemExit(_run())
