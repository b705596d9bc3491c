"""What a long refresh says while it runs: each phase's progress, and each kind of warning once.

Every phase of a refresh that can take more than a few seconds runs inside
`Talk.phase`. On a terminal it shows a bar (a count of documents, or the time
so far) that appears after a couple of seconds; piped to a file it writes a
line every INTERVAL seconds while the phase lasts, so that a log never falls
silent for long. The time advances in a thread of its own, also while DuckDB
runs a statement.

Warnings are held while the refresh runs (`collapsed_warnings`) and said at
its end; more than a few of one kind become one line: 3,000 documents without
a publisher give one line naming the first few and how many more, not 3,000.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import time
from contextlib import contextmanager

from etl.warehouse.publish import held_off_interrupts

log = logging.getLogger("zhibiao")

INTERVAL = 10.0  # seconds between two lines of a phase when stderr is not a terminal
BAR_AFTER = 2.0  # seconds before a bar appears on a terminal, unless progress was asked for
SHOWN = 3  # names a collapsed warning shows before "and N more"

# Where a warning names its subject: "doc-1: no publisher …", "publisher 'X' (a, b) matches …",
# "document doc-1 is in …". Warnings alike but for their subject are one kind.
SUBJECTS = (
    re.compile(r"(?P<head>)(?P<name>[^\s:]+)(?P<tail>: .*)", re.S),
    re.compile(r"(?P<head>.*?)(?P<name>'[^']*'(?: \([^)]*\))?)(?P<tail>(?: .*)?)", re.S),
    re.compile(r"(?P<head>document )(?P<name>\S+)(?P<tail> .*)", re.S),
)
LIST = re.compile(r"\(([^()]*, [^()]*)\)")
PARENTHESES = re.compile(r"\([^()]*\)")


class Talk:
    """How one refresh talks: `progress` True (bars), False (silent) or None (bars on a terminal, lines in a pipe)."""

    def __init__(self, progress: bool | None = None) -> None:
        self.progress = progress

    def phase(self, name: str, total: int | None = None, unit: str = "doc") -> Phase:
        if self.progress is False:
            return Phase(name, total, unit, mode="quiet")
        terminal = self.progress or sys.stderr.isatty()
        return Phase(name, total, unit, mode="bar" if terminal else "lines", delay=0 if self.progress else BAR_AFTER)


class Phase:
    """A step of a refresh, as a context manager; `advance` counts what it has done."""

    def __init__(self, name: str, total: int | None, unit: str, mode: str, delay: float = BAR_AFTER) -> None:
        self.name, self.total, self.unit, self.mode, self.delay = name, total, unit, mode, delay
        self.done = 0
        self.bar = None
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        self.started = time.monotonic()

    def __enter__(self) -> Phase:
        self.started = time.monotonic()
        if self.mode == "bar":
            from tqdm import tqdm

            self.bar = tqdm(
                total=self.total,
                unit=self.unit,
                desc=self.name,
                file=sys.stderr,
                delay=self.delay,
                bar_format=None if self.total else "{desc}: {elapsed}",
            )
        if self.mode != "quiet":
            self.thread = threading.Thread(target=self._tick, daemon=True)
            self.thread.start()
        return self

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.bar is not None:
            self.bar.update(n)

    def line(self) -> str:
        """What a pipe is told while the phase runs."""
        seconds = time.monotonic() - self.started
        if self.total:
            return f"{self.name}: {self.done:,} of {self.total:,} {self.unit}s after {seconds:.0f} s"
        return f"{self.name}: {seconds:.0f} s so far"

    def _tick(self) -> None:
        interval = 1.0 if self.mode == "bar" else INTERVAL
        while not self.stop.wait(interval):
            if self.bar is not None:
                self.bar.refresh()  # the elapsed time moves on while DuckDB works
            else:
                print(self.line(), file=sys.stderr, flush=True)

    def __exit__(self, *exc) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join()
        if self.bar is not None:
            self.bar.close()


@contextmanager
def collapsed_warnings():
    """Hold the refresh's warnings and say them at its end, each kind once (collapse)."""
    held: list[str] = []

    def hold(record: logging.LogRecord) -> bool:
        if record.levelno == logging.WARNING and not getattr(record, "collapsed", False):
            held.append(record.getMessage())
            return False
        return True

    log.addFilter(hold)
    try:
        yield
    finally:
        with held_off_interrupts():  # a Ctrl-C now waits for the last warning: none is lost
            log.removeFilter(hold)
            for line in collapse(held):
                log.warning("%s", line, extra={"collapsed": True})


def collapse(lines: list[str], shown: int = SHOWN) -> list[str]:
    """Warnings of one kind, when more than `shown`, as one line naming the first `shown` and how many more.

    A kind is a warning but for the name it is about (SUBJECTS) and what it says
    in parentheses ("(loaded as x)"). Kinds keep the order they first came in;
    a line said twice is said once; a long list in parentheses (a publisher's
    documents) is cut the same way.
    """
    kinds: dict[tuple, dict[str, str]] = {}
    for line in lines:
        for number, pattern in enumerate(SUBJECTS):
            match = pattern.fullmatch(line)
            if match:
                key = (number, match["head"], PARENTHESES.sub("(…)", match["tail"]))
                kinds.setdefault(key, {}).setdefault(match["name"], match["tail"])
                break
        else:
            kinds.setdefault((-1, line, ""), {})[""] = ""
    out = []
    for (_, head, tail), said in kinds.items():
        if len(said) <= shown:
            out += [_shorten(f"{head}{name}{own}", shown) for name, own in said.items()]
            continue
        if len(set(said.values())) == 1:
            tail = next(iter(said.values()))  # the same words for each: kept whole
        names = [_shorten(name, shown) for name in said]
        out.append(f"{head}{', '.join(names[:shown])} and {len(names) - shown:,} more{_shorten(tail, shown)}")
    return out


def _shorten(text: str, shown: int) -> str:
    """'(a, b, c, d, e)' -> '(a, b, c and 2 more)' when more than `shown` items."""

    def cut(match: re.Match) -> str:
        items = match.group(1).split(", ")
        if len(items) <= shown:
            return match.group(0)
        return f"({', '.join(items[:shown])} and {len(items) - shown:,} more)"

    return LIST.sub(cut, text)
