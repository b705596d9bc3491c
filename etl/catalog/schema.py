"""The catalog's CSV files: which must exist, their columns, the values each column allows, their keys.

Every file is checked when it is read (each cell by its column's check in
cells.py; no two rows with one key). A missing file, a bad cell or a repeated
key stops the refresh before anything is built, with one line naming the
file, the line and the column:

    data/catalog/qualifiers.csv:44: position 'befor' is not one of before, after, clause
"""

from __future__ import annotations

import csv
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
    series_word,
    several_of,
    word,
    year,
)

# The vocabularies of the warehouse: the views and the code rely on exactly these values.
UNITS = (
    "yuan",
    "percent",
    "person",
    "person_time",
    "household",
    "enterprise",
    "organization",
    "item",
    "time",
    "square_meter",
    "other",
)
QUALIFIERS = ("exact", "at_least", "at_most", "approx", "per_unit")
BASES = ("new", "cumulative", "change")
METRIC_BASES = ("level", *BASES)
CATEGORIES = (
    "funds",
    "beneficiaries",
    "participants",
    "organizations",
    "honorees",
    "activities",
    "workers",
    "members",
    "other",
)
SCOPES = ("national", "local")  # of a metric: local fits provincial, city and district publishers
PUBLISHER_SCOPES = ("national", "provincial", "city", "district", "local")
# The level an administrative word of a publisher's name gives (省 provincial); none: not such a word (市场).
PUBLISHER_WORD_SCOPES = ("national", "provincial", "city", "district", "none")
DIRECTIONS = ("rise", "fall")
# The roles a word of words.csv can play; each names the rule that reads it.
WORD_ROLES = (
    "label_opener",  # stripped from the front of a label: 其中, 全年
    "label_tail",  # stripped from the end of a label: 达到, 约
    "shared_head",  # the noun listed subjects share: 城镇和农村居民 (居民)
    "change_verb",  # a verb of change: 增长, 下降
    "compared_with",  # what a change is measured against: 比上年, 同比
    "per_year",  # an average over years before a change verb: 年均增长
    "real_terms",  # a change net of prices: 实际增长
    "reached_verb",  # a verb that ends a subject: 达到, 实现
    "goal_word",  # a goal in the figure's clause: 目标, 力争
    "goal_opener",  # a goal stated earlier in the sentence: 目标是, 主要目标
    "achieved_word",  # a goal reported as met: 完成, 惠及
    "review_heading",  # a heading over the review of past work: 回顾, 成就
    "plan_heading",  # a heading over the plans ahead: 任务, 安排
    "salutation",  # an address before a period phrase: 各位代表
    "named_period_lead",  # a word before a named period: 在“十三五”时期
    "coordinator",  # joins listed figures or subjects: 和, 及
    "relation_word",  # a label that opens with it needs the subject before: 占全国的14.3%
    "relation_verb",  # so does one opening with it and a relation (…的) only: 完成预算的101%, not 完成造林8827万亩
    "restatement_opener",  # 提出…: a sentence that states a target again to explain it
    "restatement_reason",  # …主要是: the explanation that follows it
    "breakdown_opener",  # 其中: the parts of the whole stated before it follow
    "share_word",  # 占: in a breakdown, a rate that is a share of the whole (其中…投资占44%)
    "range_word",  # between the two ends of a range: 6至8万人
    "open_range_word",  # between a bare number and the figure closing its range only: 6到8万人
    "negative_after",  # 负 after it is a minus sign: 为负3.9%, 增长负0.3%
    "percentage_points",  # a difference of rates, always a change: 个百分点
    "doubling",  # 翻一番: the 一 after it is a figure
    "exchange_word",  # 1美元兑7.1元: the amount before it is the base of a rate
    "compared_marker",  # before the base year of a change: 比2010年 (not the figure's year)
    "last_year_word",  # last year, whose level a figure may name: 从去年的2.1%
    "from_word",  # a starting level follows: 由10.2%下降到3.1%
    "to_word",  # the level reached follows: 由…增加到
    "period_end_word",  # the last year of a named period: “十三五”末
    "year_end_opener",  # a sentence opening with it states a level at the year's end: 年末
    "respectively",  # each figure counts one listed subject: 分别
    "named_period_tail",  # after a named period, it opens the period's sentences: “十三五”时期
    "qualifier_filler",  # may stand between a qualifier and its number: 超过了5000名
    "basis_filler",  # may stand between a basis word and its number: 增长约3%
    "counting_word",  # a measure word whose unit the noun it counts decides: 五万家企业 (units.csv's unit else)
    "helping_verb",  # in a figure's own phrase, the people it counts are helped: 服务农民工5万人次 (beneficiaries)
    "doing_verb",  # in a figure's own phrase, the items it counts are things done: 办理诉求2.3万件 (activities)
    "call_line",  # a long number before it, in its noun phrase, is a number to call: 12351职工服务热线
    "standard_word",  # before a verb of change or being and the number: a per-head standard (月标准提高到850元)
    "rate_word",  # a measure word of a multiple, never per head: 补贴标准提高1倍
    "people_noun",  # a bare magnitude a few words before it counts people: 1400万农业转移人口
    "gap_total",  # between a counted noun and its number, how many of them: 农民工总量2.9亿人
    "gap_verb",  # between a counted noun and its number, reached or in all: 职工驿站达300个, 人才共8000人
    "duration_word",  # a span of time after a number, a figure after a span_noun only: 压缩至5天
    "span_noun",  # a span of time that is measured: a duration after it is a figure (办理时间压缩至5天)
    "aspect_noun",  # what of a thing is measured, not which: 粮食播种面积…、总产量… (粮食总产量)
    "own_level",  # the government's own level, not its whole area: 区本级固定资产投资 is no metric of the district
)
# What a word of program_words.csv says of a programme figure, in the clause before it (v1.program_figures).
PROGRAM_WORD_ROLES = (
    "states_total",  # the figure is the programme's total, as the report states it: 共安排资金24.92亿元
    "project_total",  # a project's total investment over its years, not the year's spending: 总投资18.8亿元
    "goods",  # goods and money together, not funds alone: 物资和资金合计1.05亿元
    "compares",  # opening the clause: measures the figure before against another amount: 超过原定的2万亿元
    "holds_total_word",  # a word holding a states_total word as a piece of it (公共 holds 共): taken out first
)
# What a period opener (period_openers.csv) says of the sentences after it.
PERIOD_OPENERS = ("coming_years", "last_year", "this_year_so_far", "this_year", "year", "past_years")
POSITIONS = {
    "qualifiers.csv": ("before", "after", "clause"),
    "bases.csv": ("before", "clause", "sentence", "compared"),
    "stop_words.csv": ("before", "after"),
}


class CatalogError(ValueError):
    """A catalog file that cannot be used; str() is one line naming file, line and column."""


# file -> its columns and the check of each; every file here must exist.
SCHEMA: dict[str, dict[str, Check]] = {
    "units.csv": {"word": word, "unit": one_of(UNITS), "scale": number, "note": optional},
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
    "stop_words.csv": {"word": word, "position": one_of(POSITIONS["stop_words.csv"]), "reason": optional},
    "words.csv": {"word": word, "role": one_of(WORD_ROLES), "note": optional},
    "period_openers.csv": {"phrase": opener_phrase, "period": one_of(PERIOD_OPENERS), "note": optional},
    "periods.csv": {"name": word, "period_start": year, "period_end": year},
    "programs.csv": {"program_id": identifier, "name_zh": word, "patterns": regex},
    "metrics.csv": {
        "metric_id": identifier,
        "name_zh": word,
        "name_en": optional,
        "category": one_of(CATEGORIES),
        "unit": one_of(UNITS, blank=True),
        "basis": one_of(METRIC_BASES, blank=True),
        "patterns": regex,
        "scope": one_of(SCOPES, blank=True),
        "measure": optional,  # measure words a figure must have (套|户), when its unit says too little
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
    "qualifiers.csv": ("word", "position"),
    "bases.csv": ("word", "position"),
    "categories.csv": ("word", "unit"),
    "stop_words.csv": ("word", "position"),
    "words.csv": ("word", "role"),
    "period_openers.csv": ("phrase",),
    "periods.csv": ("name",),
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
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                raise CatalogError(f"{path}:1: lacks the column {missing[0]} (it needs {', '.join(columns)})")
            rows = []
            start = reader.line_num + 1  # the line a row starts on: a quoted cell may run over several
            for row in reader:
                _check_swallowing(path, start, reader.line_num, row)
                rows.append(_checked_row(path, start, row, columns))
                start = reader.line_num + 1
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: is not UTF-8 text: save it as CSV UTF-8") from None
    except csv.Error as error:
        raise CatalogError(f"{path}:{start}: is not a readable CSV row: {error}") from None
    _check_unique(path, rows, UNIQUE.get(name))
    if name == "periods.csv":
        for row in rows:
            if int(row["period_start"]) > int(row["period_end"]):
                raise CatalogError(f"{path}:{row['_line']}: period_start is after period_end")
    return rows


def _check_swallowing(path: Path, start: int, end: int, row: dict) -> None:
    """ "约,before,approx: a stray quote opens a cell that runs on, swallowing the rows after it; the
    error names the line of the quote, not the end of the file where the reading stopped."""
    if end > start and any("\n" in cell and "," in cell for cell in row.values() if isinstance(cell, str)):
        raise CatalogError(
            f'{path}:{start}: a quote (") opens a cell that runs on to line {end}, swallowing the rows in '
            "between; remove the quote, or close it"
        )


def _checked_row(path: Path, line: int, row: dict, columns: dict[str, Check]) -> dict[str, str]:
    if None in row:
        raise CatalogError(f"{path}:{line}: has more cells than the header has columns")
    cells = {k: (v or "").strip() for k, v in row.items()}
    for column, check in columns.items():
        problem = check(cells.get(column, ""))
        if problem:
            raise CatalogError(f"{path}:{line}: {column} {problem}")
    cells["_line"] = str(line)
    return cells


def _check_unique(path: Path, rows: list[dict[str, str]], columns: tuple[str, ...] | None) -> None:
    if not columns:
        return
    seen: dict[tuple[str, ...], str] = {}
    for row in rows:
        key = tuple(row[c] for c in columns)
        if key in seen:
            named = " ".join(f"{c} '{v}'" for c, v in zip(columns, key, strict=True))
            raise CatalogError(f"{path}:{row['_line']}: {named} is listed already on line {seen[key]}")
        seen[key] = row["_line"]
