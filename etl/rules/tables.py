"""Figures in a table written as text: a header line naming each column's measure word in brackets,
then rows of a label and one plain number per column.

    单位 工作室数量(个) 创新成果(项) 经济效益(万元)
    机务系统 12 68 980        12 counts 个 of 工作室数量 (organizations), 68 项, 980 万元 (9,800,000 元)
    合计 46 218 3200

An HTML table reads the same once decoded (a row a line, its cells apart by a space). Each cell is read
as its column's name, the number and the measure word would be read in prose (工作室数量12个), so that
the unit and the value are those of the same rules; the figure quotes the number as written, and its
label is the row's and the column's names (机务系统经济效益), which the words of the row before it are not.

What a table does not say, no cell says: a column with no measure word, one whose name holds a digit
(2024年(亿元): a year the row does not give) or a word of change (增长(%): a change, which the row's
words cannot show), a cell that is no plain number (—, 3.2万), a row whose label holds a digit or that
has more or fewer numbers than the header has columns (it ends the table).
"""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.records import Figure, Mention
from etl.rules.identity import figure_id
from etl.rules.mentions import find_mentions
from etl.text.numbers import plain

# A column of the header: its name and, in brackets, the measure word its numbers are counted in.
COLUMN = re.compile(
    r"""
    (?P<name>[^\s()]*)          # the column's name: 工作室数量 (may be empty: (万元))
    \(
    (?P<measure>[^\s()\d]{1,4}) # its measure word: 个, 项, 万元, %
    \)
    $                           # the header's token ends with the bracket
    """,
    re.VERBOSE,
)
# A column's measure word in brackets before a space or a line's end: how a text's tables are found at all
# (prose puts no space after a bracket).
HEADER = re.compile(
    r"""
    \([^\s()\d]{1,4}\)          # a measure word in brackets: (个), (万元)
    (?=[ \n]|$)                 # ending a column of the header
    """,
    re.VERBOSE,
)
# A cell: a plain number (thousands apart by commas, a minus sign), or one of the marks of an empty cell.
CELL = re.compile(
    r"""
    (?P<number>-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)  # 12, 3,200, 98.6, -1.2
    |(?P<empty>[-—–/…]+)                                      # —, -, /: nothing stated
    """,
    re.VERBOSE,
)
CHANGE_NAMES = ("增长", "增减", "增幅", "增速", "比上年", "同比", "±")  # a column of changes: the row cannot say so


def table_cells(text: str, catalog: Catalog) -> tuple[list[Mention], dict[int, str]]:
    """The figures of every table in `text` (the scan: simplified, plain numerals), in order, and the
    label of each by where it starts."""
    cells: list[Mention] = []
    labels: dict[int, str] = {}
    if HEADER.search(text) is None:  # most reports hold no table
        return cells, labels
    columns: list[tuple[str, str]] | None = None
    start = 0
    for line in text.split("\n"):
        header = _header(line, catalog)
        if header is not None:
            columns = header
        elif columns is not None:
            found = _row(line, start, columns, catalog)
            if found is None:
                columns = None  # a line that is no row of the table ends it
            for mention, label in found or ():
                cells.append(mention)
                labels[mention.char_start] = label
        start += len(line) + 1
    return cells, labels


def with_labels(figures: list[Figure], labels: dict[int, str]) -> list[Figure]:
    """The figures, each of a table's cells with its row's and column's names as its label (and the id
    that label gives: two cells of a row holding one value are two facts)."""
    if not labels:
        return figures
    relabelled = []
    for figure in figures:
        label = labels.get(figure.char_start)
        if label is not None:
            figure = figure._replace(label=label)
            figure = figure._replace(figure_id=figure_id(figure))
        relabelled.append(figure)
    return relabelled


def _header(line: str, catalog: Catalog) -> list[tuple[str, str]] | None:
    """(name, measure word) of each column but the first, the rows' labels: 工作室数量(个), or a measure
    word alone (人次); ("", "") for a column naming none; None when the line is no header (fewer than
    two columns naming one, one of them in brackets)."""
    if HEADER.search(line) is None:
        return None
    columns = []
    for token in line.split(" ")[1:]:
        found = COLUMN.match(token)
        if found:
            columns.append((found["name"], found["measure"]))
        else:
            columns.append(("", token) if _read("", "1", token, catalog) else ("", ""))
    return columns if sum(1 for _, measure in columns if measure) >= 2 else None


def _row(line: str, start: int, columns: list[tuple[str, str]], catalog: Catalog) -> list[tuple[Mention, str]] | None:
    """The figures of a row (its label, then one cell per column), each with its label: the row's name and
    its column's (its measure word, if it has none); None when the line is no row."""
    tokens = line.split(" ")
    if len(tokens) != len(columns) + 1 or any(c.isdigit() for c in tokens[0]):
        return None
    found, at = [], start + len(tokens[0]) + 1
    for token, (name, measure) in zip(tokens[1:], columns, strict=True):
        cell = CELL.fullmatch(token)
        if cell is None:
            return None
        if (
            cell["number"]
            and measure
            and not any(c.isdigit() for c in name)
            and not any(w in name for w in CHANGE_NAMES)
        ):
            mention = _read(name, token, measure, catalog)
            if mention is not None:
                found.append(
                    (
                        mention._replace(char_start=at, char_end=at + len(token), surface=token),
                        tokens[0] + (name or measure),
                    )
                )
        at += len(token) + 1
    return found


def _read(name: str, number: str, measure: str, catalog: Catalog) -> Mention | None:
    """The cell read as prose would say it (工作室数量12个): its value, unit and measure word."""
    prose = plain(f"{name}{number.replace(',', '')}{measure}")
    mentions = find_mentions(prose, catalog)
    return mentions[0] if len(mentions) == 1 and mentions[0].char_start == len(name) else None
