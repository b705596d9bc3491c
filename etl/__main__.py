import signal

from etl.cli import main


def _run() -> int:
    try:
        return main()
    finally:
        # The command has said how it ended: a Ctrl-C now (while Python shuts down) changes nothing, and
        # must not print a traceback or end the process by the signal instead of its exit status.
        signal.signal(signal.SIGINT, signal.SIG_IGN)


raise SystemExit(_run())
