"""The records data flows through, in the order a report becomes figures.

All are NamedTuples: plain, immutable, built fast (a report has thousands of
sentences and hundreds of figures), and one style throughout. A record is
changed only by making a new one (`figure._replace(mentions=2)`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import pyarrow as pa


class Source(NamedTuple):
    """A raw report and what the manifest says of it (any field may be empty)."""

    file: str
    doc_id: str
    title: str | None = None
    publisher: str | None = None
    published_on: str | None = None
    report_year: int | None = None


class Document(NamedTuple):
    """A report decoded and normalised: every offset points into `text`."""

    doc_id: str
    file: str
    title: str | None
    publisher: str | None
    published_on: str | None
    report_year: int | None
    report_year_inferred: bool
    sha256: str
    encoding: str
    n_chars: int
    text: str


class Sentence(NamedTuple):
    """A sentence at text[start:end], the `index`-th of its document."""

    index: int
    start: int
    end: int
    text: str


class Mention(NamedTuple):
    """A number and what it counts, at text[char_start:char_end].

    `value` is in base units of the measure (1500万千瓦 -> 15000000, measure 千瓦),
    negative only when written with a minus sign or 负.
    """

    char_start: int
    char_end: int
    surface: str
    value: float
    unit: str
    unit_word: str
    measure: str = ""


class Part(NamedTuple):
    """A stretch text[start:end] under one top-level heading: a review, a plan or both (mixed).

    `year` is the year it reviews or plans; `first_year` the first of the years a
    review reaches back to when its heading names several (一、过去五年工作回顾).
    """

    start: int
    end: int
    kind: str
    year: int | None
    first_year: int | None = None


class Context(NamedTuple):
    """The period a sentence speaks of unless its own words say otherwise."""

    period_start: int | None
    period_end: int | None
    is_target: bool
    look_back: bool = False  # a stretch since a year, to the one reviewed (自2019年…以来): to its paragraph's end
    in_sentence: bool = False  # a year opening a sentence with no comma (2024年全省…；培训…): to the sentence's end
    day: bool = False  # a day (截至2024年底，…；…。): its sentence's, where the period around it does not hold it
    in_paragraph: bool = False  # goals said to follow, outside plans (今年…目标是：): to its paragraph's end


class When(NamedTuple):
    """A figure's timing: the years it covers, whether it is a goal, and the day it stood on."""

    period_start: int | None
    period_end: int | None
    is_target: bool
    as_of: date | None


class Around(NamedTuple):
    """The words around a mention, as named slices of its sentence.

    In "其中，劳模1689名、先进工作者804名，有300多名" for the mention 804名:
    before = "其中，劳模1689名、先进工作者", clause_before = "劳模1689名、先进工作者",
    phrase = "先进工作者" (its own list item), clause_after = "" (up to the next clause break),
    item = phrase and the words after the number up to the next 、.
    """

    sentence: Sentence
    start: int  # the mention's offsets inside the sentence
    end: int
    before: str
    clause_before: str
    clause_after: str
    phrase: str
    item: str
    breaks: tuple[int, ...]  # where the sentence's clauses break
    clause_index: int  # how many breaks stand before the mention

    @property
    def clause(self) -> str:
        """The mention's whole clause without the number itself."""
        return self.clause_before + self.clause_after

    def previous_clause(self) -> str | None:
        """The clause just before the mention's own, or None in a sentence's first clause."""
        k = self.clause_index - 1
        if k < 0:
            return None
        return self.sentence.text[self.breaks[k - 1] + 1 if k else 0 : self.breaks[k]]

    def in_previous_clause(self, figure: Figure) -> bool:
        """Whether `figure` (of the same sentence, before the mention) stands in the clause just before the
        mention's own; False in a sentence's first clause."""
        k = self.clause_index - 1
        return k >= 0 and figure.char_start - self.sentence.start >= (self.breaks[k - 1] + 1 if k else 0)

    def earlier_clauses(self):
        """The clauses before the mention's own, nearest first (lazily: most figures need none)."""
        text, breaks = self.sentence.text, self.breaks
        for k in range(self.clause_index - 1, -1, -1):
            yield text[breaks[k - 1] + 1 if k else 0 : breaks[k]]


class Figure(NamedTuple):
    """One fact of a report, with where it was said (see docs: v1.figures)."""

    figure_id: str
    doc_id: str
    surface: str
    value: float
    unit: str
    category: str
    qualifier: str
    basis: str | None
    is_target: bool
    period_start: int | None
    period_end: int | None
    as_of: date | None
    program: str | None
    metric_id: str | None
    parent_figure_id: str | None
    label: str
    sentence: str
    sentence_start: int
    sentence_end: int
    char_start: int
    char_end: int
    measure: str = ""  # the measure word without magnitude: 吨, 千瓦时, 元, %, 个百分点
    direction: int | None = None  # +1 a rise, -1 a fall, None when not a change
    subset_of_figure_id: str | None = None  # a subset overlapping the parts of that whole
    mentions: int = 1
    metric_value: float | None = None  # the value its metric takes: a growth's fall negative; None without a metric


class Metric(NamedTuple):
    """A catalogued series (metrics.csv): a figure whose label or clause its pattern finds joins it."""

    metric_id: str
    name_zh: str
    name_en: str
    category: str
    unit: str
    basis: str
    pattern: re.Pattern
    scope: str = ""  # national, local, or empty for any report
    measures: tuple[str, ...] = ()  # when set, a figure's measure must be one of them
    falls: str = ""  # negative: a fall is its negative value (下降3.8%: -3.8); empty: a fall fills it as stated


class Program(NamedTuple):
    """A catalogued programme (programs.csv): what a report spends on or runs, named by its pattern."""

    program_id: str
    name_zh: str
    pattern: re.Pattern


class Tie(NamedTuple):
    """How a mention is tied to its neighbours (rules/ties.py).

    joined: 'list' (和, 及, 、), 'range' (-, 至), 'stretch' (以上，力争: the same measure aimed
    higher) or 'heads' (3.2万户5.6万人: the people of the households counted right before) to the
    mention before, else None;
    closes_range: the mention after closes a range this one opens (6%-6.5%);
    group_start, group_size: the run of listed mentions it belongs to (分别 pairs them with subjects).
    """

    joined: str | None
    closes_range: bool
    group_start: int
    group_size: int


class Extracted(NamedTuple):
    """One document as it goes into the warehouse: its rows as Arrow tables, made where it
    was extracted (in a worker), and what the refresh says of it."""

    doc_id: str
    report_year: int | None
    report_year_inferred: bool
    n_chars: int
    documents: pa.Table  # its one row of core.documents
    figures: pa.Table  # its rows of core.figures
