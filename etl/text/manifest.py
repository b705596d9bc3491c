"""manifest.csv: what each report file is, one row per file.

Columns: file,doc_id,title,publisher,published_on,report_year. Every column
must be there (a cell may be empty): a manifest without publisher or
report_year would load, and silently empty every series. A row with several
problems gets one line naming them all; a manifest whose structure cannot be
trusted (a quote left open, a cell that never ends) stops everything, naming
the line, before anything is built.
"""

from __future__ import annotations

import csv
import difflib
import io
import logging
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from etl.records import Source
from etl.text.decode import DecodeError, decode

log = logging.getLogger("zhibiao")

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "doc_id", "title", "publisher", "published_on", "report_year")
REPORT_SUFFIXES = {".txt", ".htm", ".html", ".text", ".md"}
# Names a spreadsheet user may give a column, and the column they mean.
SYNONYMS = {
    "filename": "file",
    "file_name": "file",
    "path": "file",
    "name": "file",
    "文件": "file",
    "文件名": "file",
    "id": "doc_id",
    "docid": "doc_id",
    "标题": "title",
    "名称": "title",
    "source": "publisher",
    "发布机关": "publisher",
    "发布单位": "publisher",
    "date": "published_on",
    "published": "published_on",
    "publish_date": "published_on",
    "pub_date": "published_on",
    "发布日期": "published_on",
    "日期": "published_on",
    "year": "report_year",
    "年份": "report_year",
    "报告年份": "report_year",
}
DELIMITERS = {";": "semicolon", "\t": "tab"}


class ManifestError(ValueError):
    """A problem with the manifest or one of its rows; the message names the line."""


@dataclass(frozen=True)
class Row:
    """A manifest row: where it stands, its file, its problems, and its source (None when it has problems).

    `inside` says the file names a path inside the folder, so that the folder
    may be asked about it too and every problem of the row said at once.
    """

    where: str
    file: str
    inside: bool
    problems: tuple[str, ...]
    source: Source | None


def read_manifest(raw: bytes, name: str) -> list[Row]:
    """The rows of a manifest, each with its problems; raises ManifestError when it cannot be read at all."""
    try:
        text = decode(raw).text
    except DecodeError as err:
        raise ManifestError(f"{name}: the manifest cannot be read: {err}") from None
    text = text.replace("\x00", "")
    delimiter = _delimiter(text, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines = _records(reader, name)
    _, header = next(lines, (1, []))
    columns = _columns(header, name)
    rows: list[Row] = []
    for line, cells in lines:
        if not any(c.strip() for c in cells):
            continue
        values = {column: cells[i].strip() for i, column in columns.items() if i < len(cells)}
        file, inside, problems = _file(values.get("file", ""))
        problems += _cell_count_problems(cells, len(header)) + _metadata_problems(values)
        source = None if problems else _source(file, values)
        rows.append(Row(f"{name}:{line}", file, inside, tuple(problems), source))
    return rows


def _delimiter(text: str, name: str) -> str:
    """A comma; a semicolon or tab when the header has those and no comma (Excel in other locales)."""
    header = text.split("\n", 1)[0]
    if "," in header:
        return ","
    for delimiter, called in DELIMITERS.items():
        if delimiter in header:
            log.warning("%s:1: read as %s-separated (the header has no comma)", name, called)
            return delimiter
    return ","


def _records(reader, name: str):
    """(first line, cells) per record; a quote left open or an endless cell stops the reading, naming its line."""
    end = 0
    while True:
        start = end + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            problem = str(err)
            if reader.line_num > start and "expected after" in problem:
                problem = _swallowing(reader.line_num)
            raise ManifestError(f"{name}:{start}: {_csv_problem(problem)}") from None
        end = reader.line_num
        if end > start and any(_holds_a_row(cell, reader.dialect.delimiter) for cell in cells):
            raise ManifestError(f"{name}:{start}: {_swallowing(end)}")
        yield start, cells


def _swallowing(end: int) -> str:
    return (
        f'a quote (") opens a cell that runs on to line {end}, swallowing the rows in between; '
        "remove the stray quote, or close it"
    )


def _csv_problem(message: str) -> str:
    if message.startswith("a quote"):
        return message
    if "field larger than field limit" in message:
        return (
            f"a cell is longer than {csv.field_size_limit():,} characters: a quote left open? "
            "Remove the stray quote, or close it"
        )
    if "unexpected end of data" in message or "EOF" in message:
        return 'a quote (") opens a cell that never closes; remove the stray quote, or close it'
    if "expected after" in message:
        return 'a quote (") inside a cell: write it twice ("") or remove it'
    return f"the line cannot be read as CSV ({message})"


def _holds_a_row(cell: str, delimiter: str) -> bool:
    """Does a cell that spans lines hold a line that reads like a manifest row: a report file and more cells?"""
    for line in cell.split("\n")[1:]:
        cells = line.split(delimiter)
        if len(cells) >= 2 and posixpath.splitext(cells[0].strip().strip('"'))[1].lower() in REPORT_SUFFIXES:
            return True
    return False


def _columns(header: list[str], name: str) -> dict[int, str]:
    """Cell index -> column; every column must be there. Unknown names are warned of, with a guess."""
    columns: dict[int, str] = {}
    unknown: list[str] = []
    for i, cell in enumerate(header):
        field = cell.strip().lower()
        if not field:
            continue
        if field in MANIFEST_COLUMNS:
            if field in columns.values():
                raise ManifestError(f"{name}:1: the column {field} appears twice; keep one")
            columns[i] = field
        else:
            unknown.append(cell.strip())
    missing = [c for c in MANIFEST_COLUMNS if c not in columns.values()]
    guesses = {u: _guess(u, missing) for u in unknown}
    if missing:
        said = [f"{u!r} (did you mean {g}?)" for u, g in guesses.items() if g]
        hint = f"; {', '.join(said)}" if said else ""
        if len(header) == 1 and not said:
            hint += "; is it separated by something other than commas?"
        raise ManifestError(
            f"{name}:1: the manifest lacks the column(s) {', '.join(missing)}{hint}. "
            f"The header must be {','.join(MANIFEST_COLUMNS)} (cells may be empty)"
        )
    if unknown:
        log.warning(
            "%s:1: column(s) %s are not used (known: %s)", name, ", ".join(unknown), ", ".join(MANIFEST_COLUMNS)
        )
    return columns


def _guess(unknown: str, missing: list[str]) -> str:
    field = unknown.strip().lower().replace(" ", "_").replace("-", "_")
    if SYNONYMS.get(field) in missing:
        return SYNONYMS[field]
    close = difflib.get_close_matches(field, missing, n=1, cutoff=0.6)
    return close[0] if close else ""


def _cell_count_problems(cells: list[str], width: int) -> list[str]:
    extra = [c for c in cells[width:] if c.strip()]
    if extra:
        return [f"{len(cells)} cells where the header has {width}: quote a cell that holds a comma"]
    return []


# What a terminal would act on rather than show: control characters (an escape sequence, a newline)
# and the line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(name: str) -> str:
    """A file name as every message shows it: its control characters escaped (\\x1b, \\n), so that
    no name can colour, move or rewrite the terminal, nor split a message's one line. The one place
    names become text (sources.display_name, and the file a manifest row names)."""
    if _CONTROL.search(name) is None:
        return name
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_SEPARATOR = re.compile(r"[\\/]")


def _file(file: str) -> tuple[str, bool, list[str]]:
    """The file named (./a.txt is a.txt), whether it is inside the folder, and what is wrong with it."""
    file = printable(file)
    if not file:
        return file, False, ["the file column is empty: name the report's file, or remove the row"]
    normal = posixpath.normpath(file)
    if file.startswith("/") or _DRIVE.match(file) or ".." in _SEPARATOR.split(file) or normal == ".":
        return file, False, [f"file {file!r} must name a file inside the folder"]
    if normal.lower() == MANIFEST:
        return file, False, [f"file {file!r} is the manifest itself, not a report: remove the row"]
    return normal, True, []


def _metadata_problems(values: dict[str, str]) -> list[str]:
    problems = []
    year = values.get("report_year", "")
    if year and not (year.isdecimal() and 1900 <= int(year) <= 2100):  # ²⁰²⁰ is no year: isdigit, not decimal
        problems.append(f"report_year {year!r} is not a year (1900 to 2100)")
    published = values.get("published_on", "")
    if published and not _is_date(published):
        problems.append(f"published_on {published!r} is not a date (YYYY-MM-DD)")
    return problems


def _source(file: str, values: dict[str, str]) -> Source:
    year = values.get("report_year", "")
    return Source(
        file=file,
        doc_id=values.get("doc_id") or doc_id_from_name(file),
        title=values.get("title") or None,
        publisher=values.get("publisher") or None,
        published_on=values.get("published_on") or None,
        report_year=int(year) if year else None,
    )


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@lru_cache(maxsize=4096)  # a manifest's rows repeat their dates
def _is_date(text: str) -> bool:
    if not _DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def doc_id_from_name(name: str) -> str:
    stem = posixpath.splitext(posixpath.basename(name))[0]
    return re.sub(r"[^\w\-]+", "-", stem).strip("-").lower() or "doc"
