"""The catalog's CSV files: which must exist, their columns, the values each column allows, their keys.

Every file is checked when it is read (each cell by its column's check in
cells.py; no two rows with one key). A missing file, a bad cell or a repeated
key stops the refresh before anything is built, with one line naming the
file, the line and the column:

    data/catalog/qualifiers.csv:44: position 'befor' is not one of before, after, clause
"""

from __future__ import annotations

import csv
from operator import itemgetter
from pathlib import Path

from etl.catalog.cells import (
    Check,
    character,
    identifier,
    number,
    one_of,
    opener_phrase,
    optional,
    parts,
    regex,
    regex_with_roles,
    series_word,
    several_of,
    word,
    year,
)
from etl.catalog.vocabularies import (  # noqa: F401  (re-exported: the rules and tests name them here)
    BASES,
    CATEGORIES,
    CUES,
    DIRECTIONS,
    GIVEN,
    GIVING_CUES,
    METRIC_BASES,
    METRIC_FALLS,
    NOT_FIGURE_CUES,
    NOT_FIGURE_VERDICTS,
    PER_UNIT_CUES,
    PER_UNIT_VERDICTS,
    PERIOD_OPENERS,
    PROGRAM_WORD_ROLES,
    PUBLISHER_SCOPES,
    PUBLISHER_WORD_SCOPES,
    QUALIFIERS,
    SCOPES,
    TARGET_CUES,
    TOPIC_WORD_ROLES,
    UNITS,
    VERDICTS,
    WORD_ROLES,
    YEAR_MODIFIER_ROLES,
)

POSITIONS = {
    "qualifiers.csv": ("before", "after", "clause"),
    "bases.csv": ("before", "clause", "sentence", "compared"),
    "stop_words.csv": ("before", "before_numeral", "after"),
}


class CatalogError(ValueError):
    """A catalog file that cannot be used; str() is one line naming file, line and column."""


# file -> its columns and the check of each; every file here must exist.
SCHEMA: dict[str, dict[str, Check]] = {
    "units.csv": {
        "word": word,
        "unit": one_of(UNITS),
        "scale": number,
        "category": one_of(CATEGORIES, blank=True),  # what its amounts are, whatever the clause says: 港元 funds
        "note": optional,
    },
    "measure_words.csv": {
        "word": word,
        "unit": one_of(UNITS),
        "category": one_of(CATEGORIES, blank=True),
        "not_before": optional,  # characters with which it starts a word instead (行 before 动: 行动)
        "source": optional,
        "gloss": optional,
    },
    "script_forms.csv": {"traditional": character, "simplified": character},
    "unit_nouns.csv": {
        "noun": word,
        "unit": one_of(UNITS),
        "measure": word,
        "category": one_of(CATEGORIES, blank=True),  # what it is when it is what a figure counts
        "note": optional,
    },
    "counted_nouns.csv": {  # generated from jieba and CC-CEDICT by tools/counted_nouns.py
        "noun": word,
        "unit": one_of(UNITS, blank=True),  # blank: a known noun of no known kind (the measure word decides)
        "category": one_of(CATEGORIES, blank=True),
        "head": optional,  # the noun of unit_nouns.csv that heads it, if one does
        "source": optional,
    },
    "verbs.csv": {"verb": word, "source": optional},  # generated from jieba by tools/verbs.py
    "qualifiers.csv": {
        "word": word,
        "position": one_of(POSITIONS["qualifiers.csv"]),
        "qualifier": one_of(QUALIFIERS),
    },
    "bases.csv": {
        "word": word,
        "basis": one_of(BASES),
        "position": one_of(POSITIONS["bases.csv"]),
        "direction": one_of(DIRECTIONS, blank=True),
    },
    "categories.csv": {"word": optional, "category": one_of(CATEGORIES), "unit": several_of(UNITS)},
    "category_rules.csv": {  # in order of precedence: the first rule whose cue holds decides
        "cue": one_of(CUES),
        "unit": several_of(UNITS),  # the figures it applies to; empty: any
        "category": one_of((*CATEGORIES, GIVEN)),  # given: the one its cue finds
        "note": optional,
    },
    "per_unit_rules.csv": {  # in order of precedence: the first rule whose cue holds decides
        "cue": one_of(PER_UNIT_CUES),
        "unit": several_of(UNITS),  # the figures it applies to; empty: any
        "verdict": one_of(PER_UNIT_VERDICTS),
        "note": optional,
    },
    "not_figure_rules.csv": {  # in order of precedence: the first rule whose cue holds decides
        "cue": one_of(NOT_FIGURE_CUES),
        "unit": several_of(UNITS),  # the numbers it applies to, by their unit; empty: any
        "verdict": one_of(NOT_FIGURE_VERDICTS),
        "note": optional,
    },
    "target_rules.csv": {  # in order of precedence: the first rule whose cue holds decides
        "cue": one_of(TARGET_CUES),
        "verdict": one_of(VERDICTS),
        "note": optional,
    },
    "stop_words.csv": {"word": word, "position": one_of(POSITIONS["stop_words.csv"]), "reason": optional},
    "words.csv": {"word": word, "role": one_of(WORD_ROLES), "note": optional},
    "topic_words.csv": {"word": word, "role": one_of(TOPIC_WORD_ROLES), "note": optional},
    "year_modifiers.csv": {"word": word, "role": one_of(YEAR_MODIFIER_ROLES), "note": optional},
    "period_openers.csv": {"phrase": opener_phrase, "period": one_of(PERIOD_OPENERS), "note": optional},
    "periods.csv": {"name": word, "period_start": year, "period_end": year},
    "eras.csv": {"name": word, "year": year, "note": optional},
    "programs.csv": {"program_id": identifier, "name_zh": word, "patterns": regex},
    "metrics.csv": {
        "metric_id": identifier,
        "name_zh": word,
        "name_en": optional,
        "category": one_of(CATEGORIES),
        "unit": one_of(UNITS, blank=True),
        "basis": one_of(METRIC_BASES, blank=True),
        "patterns": regex_with_roles(WORD_ROLES),  # {whole_opener}: the words of that role
        "scope": one_of(SCOPES, blank=True),
        "measure": optional,  # measure words a figure must have (套|户), when its unit says too little
        "falls": one_of(METRIC_FALLS, blank=True),  # negative: a fall is the metric's negative value
    },
    "publishers.csv": {"pattern": regex, "scope": one_of(PUBLISHER_SCOPES), "note": optional},
    "publisher_words.csv": {"word": word, "scope": one_of(PUBLISHER_WORD_SCOPES), "note": optional},
    "series_words.csv": {"word": series_word, "note": optional},
    "generic_words.csv": {"word": series_word, "note": optional},
    "subject_pairs.csv": {"word": word, "parts": parts, "note": optional},
    "program_words.csv": {"word": word, "role": one_of(PROGRAM_WORD_ROLES), "note": optional},
}
# file -> its key: the columns no two rows may share (a word may play several roles, one row each).
UNIQUE: dict[str, tuple[str, ...]] = {
    "units.csv": ("word",),
    "measure_words.csv": ("word",),
    "script_forms.csv": ("traditional",),
    "unit_nouns.csv": ("noun",),
    "counted_nouns.csv": ("noun",),
    "verbs.csv": ("verb",),
    "qualifiers.csv": ("word", "position"),
    "bases.csv": ("word", "position"),
    "categories.csv": ("word", "unit"),
    "category_rules.csv": ("cue", "unit"),
    "per_unit_rules.csv": ("cue", "unit"),
    "not_figure_rules.csv": ("cue", "unit"),
    "target_rules.csv": ("cue",),
    "stop_words.csv": ("word", "position"),
    "words.csv": ("word", "role"),
    "topic_words.csv": ("word", "role"),
    "year_modifiers.csv": ("word", "role"),
    "period_openers.csv": ("phrase",),
    "periods.csv": ("name",),
    "eras.csv": ("name",),
    "programs.csv": ("program_id",),
    "metrics.csv": ("metric_id",),
    "publishers.csv": ("pattern",),
    "publisher_words.csv": ("word",),
    "series_words.csv": ("word",),
    "generic_words.csv": ("word",),
    "subject_pairs.csv": ("word",),
    "program_words.csv": ("word", "role"),
}


def shown(path: Path) -> Path:
    """`path` as a user typed it: relative to the working folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def read_table(directory: Path, name: str) -> list[dict[str, str]]:
    """The rows of one catalog file, each checked against SCHEMA; CatalogError at the first problem."""
    path = shown(directory / name)
    columns = SCHEMA[name]
    if not path.is_file():
        raise CatalogError(
            f"{path}: missing: the catalog needs this file; restore it, or create it with the header {','.join(columns)}"
        )
    start = 1  # the line of the row being read, for an error
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None) or []
            missing = [c for c in columns if c not in header]
            if missing:
                raise CatalogError(f"{path}:1: lacks the column {missing[0]} (it needs {', '.join(columns)})")
            rows = []
            start = reader.line_num + 1  # the line a row starts on: a quoted cell may run over several
            width, checks = len(header), _refusing(columns)
            # Each row read and checked here, not by a function per row: the catalog has thousands of rows.
            for line_end, row in _rows(reader, width):
                if line_end > start:  # a row of more than one line: the cells of its columns
                    _check_swallowing(path, start, line_end, list(dict(zip(header, row, strict=False)).values()))
                if len(row) > width:
                    raise CatalogError(f"{path}:{start}: has more cells than the header has columns")
                cells = dict(zip(header, map(str.strip, row), strict=True))
                for column, check in checks:
                    problem = check(cells[column])
                    if problem:
                        raise CatalogError(f"{path}:{start}: {column} {problem}")
                cells["_line"] = str(start)
                rows.append(cells)
                start = line_end + 1
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: is not UTF-8 text: save it as CSV UTF-8") from None
    except csv.Error as error:
        raise CatalogError(f"{path}:{start}: is not a readable CSV row: {error}") from None
    _check_unique(path, rows, UNIQUE.get(name))
    for row in rows:
        if name == "periods.csv" and int(row["period_start"]) > int(row["period_end"]):
            raise CatalogError(f"{path}:{row['_line']}: period_start is after period_end")
        if name == "category_rules.csv" and row["category"] == GIVEN and row["cue"] not in GIVING_CUES:
            raise CatalogError(
                f"{path}:{row['_line']}: cue '{row['cue']}' finds no category to give; name one of {', '.join(CATEGORIES)}"
            )
    return rows


def _rows(reader, width: int):
    """(the line a row ends on, its cells) as csv.DictReader reads them, whose dicts cost a Python call
    per row: blank lines skipped, a short row filled with empty cells up to `width` (DictReader's None,
    which a check reads as empty), a long one kept whole."""
    for row in reader:
        if row == []:
            continue
        if len(row) < width:
            row += [""] * (width - len(row))
        yield reader.line_num, row


def _refusing(columns: dict[str, Check]) -> list[tuple[str, Check]]:
    """The checks of `columns` that can find a problem, in order: `optional` finds none, and a row
    costs a call per check."""
    return [(column, check) for column, check in columns.items() if check is not optional]


def _check_swallowing(path: Path, start: int, end: int, row: list) -> None:
    """ "约,before,approx: a stray quote opens a cell that runs on, swallowing the rows after it; the
    error names the line of the quote, not the end of the file where the reading stopped."""
    if end > start and any("\n" in cell and "," in cell for cell in row if isinstance(cell, str)):
        raise CatalogError(
            f'{path}:{start}: a quote (") opens a cell that runs on to line {end}, swallowing the rows in '
            "between; remove the quote, or close it"
        )


def _check_unique(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] | None) -> None:
    if not columns:
        return
    key_of = itemgetter(*columns)  # a row's key in one C call: its cell, or a tuple of its cells
    seen: dict[tuple[str, ...] | str, str] = {}
    for row in rows:
        key = key_of(row)
        if key in seen:
            cells = key if len(columns) > 1 else (key,)
            named = " ".join(f"{c} '{v}'" for c, v in zip(columns, cells, strict=True))
            raise CatalogError(f"{path}:{row['_line']}: {named} is listed already on line {seen[key]}")
        seen[key] = row["_line"]
