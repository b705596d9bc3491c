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
from etl.catalog.gates import NEVER, character_class
from etl.rules.metrics import own_level
from etl.text.characters import CLAUSE_ENDS, ITEM_ENDS, MAGNITUDE_CHARACTERS

CLAUSE_BREAK = re.compile(character_class(CLAUSE_ENDS))
ITEM_BREAK = re.compile(character_class(ITEM_ENDS))
# Years, numbers and punctuation; not a base year (比2002年增长65.5% is not a change on the year before).
NOISE = SERIES_NOISE
NEVER_PATTERN = re.compile(NEVER)


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
    value: float | None = None
    described: int | None = None  # the year it describes (period_end); None: its report's year
    measure: str = ""  # its measure word (亩, 座): for the unit other, what it counts in
    direction: int | None = None  # -1 a fall (削减, 下降), +1 a rise, None when no change


class Node(NamedTuple):
    """The figures of one report year that share a key: one point of a series."""

    publisher: str | None
    year: int
    bucket: tuple  # is_target, unit, basis class, per unit, span, measure of unit other: what must be equal to link
    basis: str | None
    words: str
    metric_id: str | None
    programs: frozenset
    name: str = ""  # the words as the report writes them (高效节水灌溉面积): the series id shows them
    specific: str = ""  # the words without generic words (沿河道路 of 沿河道路建设任务): a link shares some of them
    alone: str = ""  # why it may link to nothing (its words are generic, it has two readings); '' when it may
    own_level: bool = False  # its words name a government's own level (区本级): it links only to such nodes
    parts: frozenset[str] = (
        frozenset()
    )  # the subjects of subject_pairs.csv it names (城镇): never linked to another (农村)


@dataclass(frozen=True)
class Words:
    """The words that say nothing of what a figure counts, longest first."""

    fillers: tuple[str, ...]
    figure: re.Pattern  # a number and its measure word: 2890人, 1.21亿元, 300多名
    generic: tuple[str, ...] = ()  # generic_words.csv, longest first: alone they name no quantity (投资)
    per_unit: tuple[
        str, ...
    ] = ()  # the per-unit words of qualifiers.csv (人均, 每家): a filler of the words, not of the key
    own_levels: re.Pattern = NEVER_PATTERN  # rules.metrics.own_level (本级): 区本级投资 is not the district's
    subjects: tuple[str, ...] = ()  # the words of subject_pairs.csv, wholes (城乡) and their parts (城镇, 农村)
    wholes: frozenset[str] = frozenset()

    @property
    def pattern(self) -> re.Pattern:
        return _alternation(self.fillers)

    def normalise(self, text: str) -> str:
        return self.pattern.sub("", NOISE.sub("", text))

    def trim(self, text: str) -> str:
        """`text` without years, numbers and punctuation, and without fillers at either end only:
        新增高效节水灌溉面积 is 高效节水灌溉面积 (normalise, which drops them anywhere, gives 效节水灌溉面积)."""
        return _ends(self.fillers).sub("", NOISE.sub("", text))

    def specific(self, words: str) -> str:
        """`words` without the generic words: what says of what the quantity is (沿河道路 of 沿河道路建设任务).
        Fewer than two characters left: the words name no quantity (投资, 计划投资, 中央财政资金; 财政收入 and
        蔬菜产量 do)."""
        return _alternation(self.generic).sub("", words)

    def own_level(self, text: str) -> bool:
        """Whether `text` names a government's own level (区本级固定资产投资), not its whole area."""
        return self.own_levels.search(text) is not None

    def parts(self, text: str) -> frozenset[str]:
        """The parts of subject_pairs.csv that `text` names, not inside a whole (进出口 names no 出口 alone)."""
        return frozenset(_alternation(self.subjects).findall(text)) - self.wholes

    def per_head(self, text: str) -> bool:
        """Whether `text` says per head or per unit (人均, 每家): 人均可支配收入增长 is not 可支配收入增长."""
        return _alternation(self.per_unit).search(text) is not None


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
    generic = tuple(sorted(set(catalog.generic_words), key=len, reverse=True))
    per_unit = tuple(sorted({w for w in catalog.per_unit_words if w.isalpha()}, key=len, reverse=True))
    own_levels = catalog.compiled(own_level)  # the metric rule's own pattern: one word list, one reading
    pairs = catalog.subject_pairs
    subjects = tuple(sorted({w for whole, parts in pairs.items() for w in (whole, *parts)}, key=len, reverse=True))
    return Words(
        tuple(sorted(set(fillers), key=len, reverse=True)),
        figure,
        generic,
        per_unit,
        own_levels,
        subjects,
        frozenset(pairs),
    )


def basis_class(basis: str | None) -> str:
    return basis if basis in ("new", "change") else "stock"


def _own_text(row: Row) -> tuple[str, list[str]]:
    """The figure's own words (its label, unless it opens its clause, and the words after it) and its clauses before."""
    clauses = CLAUSE_BREAK.split(row.before)
    own = row.label if clauses[-1].strip() else ""  # an empty clause before it: the label was borrowed
    return own + ITEM_BREAK.split(row.after, 1)[0], clauses


def written_words(row: Row, words: Words) -> str:
    """What `row` counts as the report writes it, for a series id: its own words trimmed of fillers at
    the ends only ('' when fewer than two characters are left: the key's words stand in)."""
    found = words.trim(_own_text(row)[0])
    return found if len(found) >= 2 else ""


def quantity_words(row: Row, words: Words) -> tuple[str, bool]:
    """The words that name what `row` counts, and whether they came from the clause before."""
    found, borrowed, _ = _read(row, words)
    return found, borrowed


def _read(row: Row, words: Words) -> tuple[str, bool, bool]:
    """quantity_words, and whether the text they come from says per head (人均, 每家)."""
    text, clauses = _own_text(row)
    found = words.normalise(text)
    if len(found) >= 2 or len(clauses) < 2:
        return found, False, words.per_head(text)
    # 全年新招聘社会化工会工作者2890人,总数达到37744人: the clause before says what the 总数 is of.
    before = words.figure.sub("", clauses[-2])
    return words.normalise(before) or found, True, words.per_head(text + before)


def nodes_of(rows: list[Row], words: Words) -> list[Node]:
    """The node of each row (None without a report year); rows with the same key share one.

    A node may link to nothing (Node.alone says why) when its words are generic words only
    (generic_words.csv: 投资, 计划投资) or when its report states two values of one year with
    these words (城乡低保标准分别提高13.1%和17.7%, or two projects' 投资): two readings, no link.
    """
    read: dict[tuple, tuple] = {}  # the same words in another report are read once
    found: dict[tuple, Node] = {}
    programs: dict[tuple, set] = defaultdict(set)
    values: dict[tuple, dict[int, set]] = defaultdict(lambda: defaultdict(set))
    keys = []
    for r in rows:
        if r.year is None:
            keys.append(None)
            continue
        publisher = r.publisher if r.own_doc is None else f"?{r.own_doc}"
        text = (r.label, r.before, r.after)
        if text not in read:
            read[text] = _read(r, words)
        found_words, _, per_head = read[text]
        # 人均 is a filler of the words, so the key says it: a per-head change (人均可支配收入增长) is not the whole's.
        # 2500座 and 2000亩 of 蔬菜大棚 are two quantities: the unit other says too little, its measure word says more.
        other = r.measure if r.unit == "other" else ""
        bucket = (r.is_target, r.unit, basis_class(r.basis), r.per_unit or per_head, r.span, other)
        # A fall of an uncatalogued thing (削减赤字450亿元) is no point of its rise's series (赤字增加5700亿元):
        # both values are unsigned. A metric's fall is signed (metric_value) and stays in its series.
        # Only a fall's bucket grows, so that the automatic ids named by every other bucket stay as they were.
        # A change written with a minus sign (增长-2.1%) is signed already: a point of the rises' series.
        if r.direction == -1 and not r.metric_id and (r.value is None or r.value >= 0):
            bucket += ("fall",)
        key = (publisher, r.year, bucket, r.basis, "" if r.metric_id else found_words, r.metric_id)
        if key not in found:  # a catalogued node carries the words of its first figure, to be compared with
            name = written_words(r, words) or found_words
            found[key] = Node(publisher, r.year, bucket, r.basis, found_words, r.metric_id, frozenset(), name)
        if r.program:
            programs[key].add(r.program)
        values[key][r.year if r.described is None else r.described].add(r.value)
        keys.append(key)
    nodes = {
        key: n._replace(
            programs=frozenset(programs.get(key, ())),
            specific=words.specific(n.words),
            alone=_alone(n, values[key], words),
            own_level=words.own_level(n.words),
            parts=words.parts(n.words),
        )
        for key, n in found.items()
    }
    return [None if key is None else nodes[key] for key in keys]


def _alone(n: Node, values: dict[int, set], words: Words) -> str:
    """Why node `n` may link to nothing, '' when it may."""
    if len(words.specific(n.words)) < 2:
        return f"its words {n.words or '(none)'} name no quantity by themselves (generic_words.csv): no link"
    several = max(len(v) for v in values.values())
    if several > 1:
        return (
            f"its report states {several} values of one year with the words {n.name or n.words}: two readings, no link"
        )
    return ""


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, words)) or r"(?!x)x")


@cache
def _ends(words: tuple[str, ...]) -> re.Pattern:
    """Any run of `words` at the end of a text, or of those of two characters or more at its start: a single
    character opens words (高 of 高效, 低 of 低保, 多 of 多种) more often than it stands alone."""
    either = "|".join(map(re.escape, words)) or r"(?!x)x"
    longer = "|".join(re.escape(w) for w in words if len(w) > 1) or r"(?!x)x"
    return re.compile(rf"^(?:{longer})+|(?:{either})+$")
