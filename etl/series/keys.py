"""The key of a series point: what a figure counts, and what else must be equal to link it.

A figure that a catalogued metric names belongs to that metric's series. Any
other figure gets a key from what it counts: the words of its label (and the
words just after the number, 惠及63.48万个小企业) without years, numbers,
fillers (series_words.csv, read into the Catalog), basis words (bases.csv) and qualifier
words (qualifiers.csv); a label of fillers only (总数达到, 参与职工) takes the
words of the figure or clause before it. Beside the words the key holds the
unit, the basis class (new, change, or a stock: a level or a cumulative
total), whether it is per unit, whether it is a target, the years it spans and
the publisher. Figures with one key in one report year are one node.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.cells import SERIES_NOISE
from etl.catalog.gates import character_class
from etl.text.characters import CLAUSE_ENDS, ITEM_ENDS, MAGNITUDE_CHARACTERS

CLAUSE_BREAK = re.compile(character_class(CLAUSE_ENDS))
ITEM_BREAK = re.compile(character_class(ITEM_ENDS))
# Years, numbers and punctuation; not a base year (比2002年增长65.5% is not a change on the year before).
NOISE = SERIES_NOISE


class Row(NamedTuple):
    """What matching needs of a figure, or of figures that say the same (copies of a report)."""

    figure_ids: tuple[str, ...]
    own_doc: str | None  # the doc_id when the document has no publisher: linked to nothing else
    publisher: str | None
    year: int | None  # the report year
    unit: str
    basis: str | None
    per_unit: bool
    is_target: bool
    span: int | None  # period_end - period_start
    program: str | None
    metric_id: str | None  # only when the metric's scope fits the publisher's
    label: str
    before: str  # the sentence up to the figure (its last 60 characters)
    after: str  # the 24 characters after it


class Node(NamedTuple):
    """The figures of one report year that share a key: one point of a series."""

    publisher: str | None
    year: int
    bucket: tuple  # is_target, unit, basis class, per unit, span: what must be equal to link
    basis: str | None
    words: str
    metric_id: str | None
    programs: frozenset


@dataclass(frozen=True)
class Words:
    """The words that say nothing of what a figure counts, longest first."""

    fillers: tuple[str, ...]
    figure: re.Pattern  # a number and its measure word: 2890人, 1.21亿元, 300多名

    @property
    def pattern(self) -> re.Pattern:
        return _alternation(self.fillers)

    def normalise(self, text: str) -> str:
        return self.pattern.sub("", NOISE.sub("", text))


def words_of(catalog: Catalog) -> Words:
    """The fillers of a catalog, built once per catalog: series_words.csv, and the basis and
    qualifier words (新增, 累计, 超过), which are columns of the key; 多 and 余 stand in the surface."""
    return catalog.compiled(_words)


def _words(catalog: Catalog) -> Words:
    fillers = [*catalog.series_words, *(w for w, *_ in catalog.bases)]
    fillers += [w for w, _, _ in catalog.qualifiers if len(w) > 1]
    approx = "".join(word for word, _ in catalog.qualifiers_after.single_characters)  # 多, 余
    figure = re.compile(
        rf"""
        \d+(?:\.\d+)?                   # a number
        {character_class(approx) + "?" if approx else ""}  # perhaps 多 or 余
        [{MAGNITUDE_CHARACTERS}]*       # its magnitudes
        \w?                            # and its measure word
        """,
        re.VERBOSE,
    )
    return Words(tuple(sorted(set(fillers), key=len, reverse=True)), figure)


def basis_class(basis: str | None) -> str:
    return basis if basis in ("new", "change") else "stock"


def quantity_words(row: Row, words: Words) -> tuple[str, bool]:
    """The words that name what `row` counts, and whether they came from the clause before."""
    clauses = CLAUSE_BREAK.split(row.before)
    own = row.label if clauses[-1].strip() else ""  # an empty clause before it: the label was borrowed
    found = words.normalise(own + ITEM_BREAK.split(row.after, 1)[0])
    if len(found) >= 2 or len(clauses) < 2:
        return found, False
    # 全年新招聘社会化工会工作者2890人,总数达到37744人: the clause before says what the 总数 is of.
    return words.normalise(words.figure.sub("", clauses[-2])) or found, True


def nodes_of(rows: list[Row], words: Words) -> list[Node]:
    """The node of each row (None without a report year); rows with the same key share one."""
    read: dict[tuple, str] = {}  # the same words in another report are read once
    found: dict[tuple, Node] = {}
    programs: dict[tuple, set] = defaultdict(set)
    keys = []
    for r in rows:
        if r.year is None:
            keys.append(None)
            continue
        publisher = r.publisher if r.own_doc is None else f"?{r.own_doc}"
        bucket = (r.is_target, r.unit, basis_class(r.basis), r.per_unit, r.span)
        text = (r.label, r.before, r.after)
        if text not in read:
            read[text] = quantity_words(r, words)[0]
        key = (publisher, r.year, bucket, r.basis, "" if r.metric_id else read[text], r.metric_id)
        if key not in found:  # a catalogued node carries the words of its first figure, to be compared with
            found[key] = Node(publisher, r.year, bucket, r.basis, read[text], r.metric_id, frozenset())
        if r.program:
            programs[key].add(r.program)
        keys.append(key)
    nodes = {key: n._replace(programs=frozenset(programs.get(key, ()))) for key, n in found.items()}
    return [None if key is None else nodes[key] for key in keys]


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)) or r"(?!x)x")
