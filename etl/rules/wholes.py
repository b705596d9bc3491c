"""其中 breakdowns as a report's figures are made: each figure's whole, and what the parts add up to.

共表彰2493名，其中劳模1689名、先进工作者804名，有300多名抗疫先进典型: 1689 and 804
are parts of 2493, and 300, which overlaps them, is a subset of it. Which figure a part
may hang on is a rule of ties (whole_of and its kin); Wholes keeps the running sums
and the list in hand that decide whether it does, for one classify() call.
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.records import Around, Figure, Sentence
from etl.rules.bases import CHANGE
from etl.rules.category_words import PEOPLE
from etl.rules.identity import figure_id
from etl.rules.noun_reach import PERSON
from etl.rules.ties import (
    NOT_ADDITIVE,
    Breakdown,
    counts_as_whole,
    in_breakdown,
    opens_statement_list,
    opens_with_breakdown,
    per_unit_alike,
    same_kind,
    subset_of,
    whole_continued,
    whole_of,
    whole_of_shares,
)

PARENT = Figure._fields.index("parent_figure_id")
ROLES = frozenset({"honorees", "beneficiaries", "participants", "members"})  # what people counted are doing
BY_WORK = frozenset({"workers", "other"})  # a part's category its noun gives (职工: workers), not its role
AMONG_CLOSE = "中"  # 在956个全国工人先锋号中，…: the whole the clauses after it break down


def among(figure: Figure, around: Around, earlier: list[Figure]) -> Figure | None:
    """在956个全国工人先锋号中，来自制造业一线的班组有368个，…团队有86个; 本次表彰的650名个人中，企业职工480名:
    the one figure of a sentence's first clause, closed by 中, is the whole of the counts of its kind in the
    clauses after it."""
    first = around.sentence.text[: around.breaks[0]] if around.breaks else ""
    whole = earlier[0]
    if not first.endswith(AMONG_CLOSE) or whole.char_end - whole.sentence_start > len(first):
        return None  # no 在…中 clause, or its figure is not the sentence's first
    in_first = [f for f in earlier if f.char_end - f.sentence_start <= len(first)]
    if len(in_first) != 1 or not counts_as_whole(whole, figure) or figure.value > whole.value:
        return None
    return whole


def _rate_after_part(earlier: list[Figure]) -> bool:
    """教育支出1268.4亿元、增长5.1%，…: the figure before is a part's own rate, right after the part."""
    return len(earlier) > 1 and earlier[-1].unit in NOT_ADDITIVE and earlier[-2].parent_figure_id is not None


def _after_own_rates(last: Figure, around: Around, earlier: list[Figure]) -> bool:
    """其中女职工会员702万人，占29.9%，农民工会员1120万人: the part before stands in the clause before its own
    rates, which stand in the clause before this figure's."""
    between = [f for f in earlier if f.char_start > last.char_start]
    k = around.clause_index - 2
    if k < 0 or not between or any(f.unit not in NOT_ADDITIVE for f in between):
        return False
    return around.in_previous_clause(between[0]) and last.char_start - around.sentence.start >= (
        around.breaks[k - 1] + 1 if k else 0
    )


class Wholes:
    """The breakdowns of one report's figures so far, in text order."""

    __slots__ = ("continued", "parts_sum", "words")

    def __init__(self, words: Breakdown):
        self.words = words  # 其中 and 占 (words.csv)
        # By whole's id: what its parts add up to; by its id + "%": what its shares add up to
        # (its own id is then listed too, at 0, so that subset_of knows it was broken down).
        self.parts_sum: dict[str, float] = {}
        # The last 其中 list in a statement ending in a semicolon: that sentence's index and the whole.
        self.continued: tuple[int, Figure] | None = None

    def place(
        self, figure: Figure, around: Around, earlier: list[Figure], in_sentence: dict[int, list[Figure]]
    ) -> Figure:
        """The figure as a part of its whole, or as a subset of one, or as it was.

        共表彰2493名，其中劳模1689名，有300多名抗疫先进典型: 1689名 a part of 2493名, 300多名
        a subset of it; 共培训1000人次，其中农民工800人次、女职工300人次: 300人次 has a whole
        its parts would overrun, so it is neither. `earlier` are the figures of its sentence
        before it, `in_sentence` those of every sentence so far, by sentence index.
        """
        breakdown = in_breakdown(around, self.words)  # read once: whole_of and subset_of both ask it
        parent = self.whole(figure, around, earlier, in_sentence, breakdown)
        if parent is not None and not per_unit_alike(parent, figure):
            parent = None  # 发放慰问金1580万元，其中每户2000元: an amount per head is no part of a total
        if parent is None:
            return self.subset(figure, around, earlier, breakdown)
        return self.part(figure, parent, around.sentence)

    def whole(
        self,
        figure: Figure,
        around: Around,
        earlier: list[Figure],
        in_sentence: dict[int, list[Figure]],
        breakdown: bool | None = None,
    ) -> Figure | None:
        """The whole a figure may be a part of, else None.

        共表彰2493名，其中劳模1689名: 2493名 for 1689名, and so when 其中 opens the next
        sentence (共表彰2493名。其中，劳模1689名); 其中…投资占44%，…建设占16%: the whole of the
        first share for the second; 其中，税收收入…；非税收入44730.11亿元: a list of parts going
        on past a semicolon.
        """
        index = around.sentence.index
        words = self.words
        if breakdown is None:
            breakdown = in_breakdown(around, words)
        # whole_of holds only in a 其中 list: outside one (most figures) it is not asked
        parent = whole_of(figure, around, earlier, words, breakdown=True) if breakdown else None
        # 。其中，…: the sentence before holds the whole; 。其中关厂案件31件: if one alone may be it
        opens = opens_with_breakdown(around.before, words) if parent is None else False
        if opens is not False:
            # 其中，…620户，发放慰问金186万元: any amount of the sentence may be a part, but no change nor share
            in_list = breakdown or (figure.basis != CHANGE and figure.unit not in NOT_ADDITIVE)
            previous = in_sentence.get(index - 1, [])
            parent = whole_of(figure, around, earlier, words, previous, in_list, only=opens is None)
        if parent is None:
            parent = whole_of_shares(figure, around, earlier, words)
        if parent is None and self.continued is not None and self.continued[0] == index - 1:
            # not a statement of its own (…其中农民工68万人；全年认定工伤4.1万人: words.csv's not_next_part)
            own = self.words.own_statement_in(around.clause_before)
            parent = None if own else whole_continued(figure, self.continued[1], not earlier)
        if parent is None and earlier and (earlier[-1].parent_figure_id is not None or _rate_after_part(earlier)):
            parent = self.next_part(figure, around, earlier, in_sentence.get(index - 1, ()))
        breaks = around.breaks
        if parent is None and earlier and around.clause_index and around.sentence.text[breaks[0] - 1] == AMONG_CLOSE:
            parent = among(figure, around, earlier)
        return parent

    def next_part(
        self, figure: Figure, around: Around, earlier: list[Figure], before: Sequence[Figure] = ()
    ) -> Figure | None:
        """其中全总下拨0.8亿元，省总工会配套1.1亿元，市县工会自筹1.3亿元: the clause right after a part's
        goes on with its list when its figure is the first of the clause and of the part's kind (unit,
        measure, category, basis), its clause holds no word of a statement of its own (有, 此外: words.csv's
        not_next_part) and the parts still add up to no more than the whole."""
        last = earlier[-1]
        # a part's own rates may stand between parts of amounts (教育支出1268.4亿元、增长5.1%，社保支出…)
        if figure.unit not in NOT_ADDITIVE:
            last = next(
                (f for f in reversed(earlier) if f.parent_figure_id is not None or f.unit not in NOT_ADDITIVE), last
            )
        if last.parent_figure_id is None:
            return None
        if self.words.own_statement_in(around.clause_before):
            return None  # 在医院中有公立医院1.2万个: a breakdown of its own, not the next part
        if not around.in_previous_clause(last) and not _after_own_rates(last, around, earlier):
            return None  # the part before is not in the clause before this one, nor before its own rate
        # the whole: in the sentence, or in the one before when 其中 opened this one (`before`: its figures)
        parent = next((f for f in (*reversed(earlier), *before) if f.figure_id == last.parent_figure_id), None)
        if (
            parent is None
            or not (same_kind(figure, last) or same_kind(figure, parent))  # 学徒1860人，转移劳动力6240人次
            or figure.category != last.category
            or figure.basis not in (None, last.basis)
            or self.parts_sum.get(parent.figure_id, 0.0) + figure.value > parent.value
        ):
            return None
        return parent

    def part(self, figure: Figure, parent: Figure, sentence: Sentence) -> Figure:
        """The figure as a part of `parent`, unless the parts would add up to more than it.

        共培训1000人次，其中农民工800人次、女职工300人次: 800 is a part, 300 is not (1100 > 1000);
        shares of a whole add up to 100% at most. A part with no basis takes its whole's
        (新增就业1300万人，其中高校毕业生800万人: new too).
        """
        share = figure.unit in NOT_ADDITIVE
        key, limit = (f"{parent.figure_id}%", 100.0) if share else (parent.figure_id, parent.value)
        if self.parts_sum.get(key, 0.0) + figure.value > limit:
            return figure
        taken = {}  # what the part takes of its whole
        if figure.basis is None and parent.basis is not None and not share:
            taken["basis"] = parent.basis
        if figure.unit == "other" and parent.unit != "other" and not share:
            # 创新工作室137个，其中国家级2个: a part naming nothing it counts counts what its whole does
            taken.update(unit=parent.unit, category=parent.category)
        elif PEOPLE.get(figure.unit, figure.unit) == PERSON and parent.category in ROLES and figure.category in BY_WORK:
            # 本次表彰的650名个人中，企业职工480名: honoured, whatever their work; so are helped or joining people
            taken["category"] = parent.category
        if taken:
            figure = figure._replace(**taken)
            figure = figure._replace(figure_id=figure_id(figure))
        figure = Figure._make((*figure[:PARENT], parent.figure_id, *figure[PARENT + 1 :]))
        self.parts_sum[key] = self.parts_sum.get(key, 0.0) + figure.value
        self.parts_sum.setdefault(parent.figure_id, 0.0)
        if opens_statement_list(sentence.text) and not share:
            # a breakdown nested in a part (…18406.2万元，其中专项补助9860万元；): the outer list goes on
            outer = self.continued[1] if self.continued is not None else None
            nested = outer is not None and parent.parent_figure_id == outer.figure_id
            self.continued = (sentence.index, outer if nested else parent)
        return figure

    def subset(self, figure: Figure, around: Around, earlier: list[Figure], breakdown: bool | None = None) -> Figure:
        """A figure that is no part, marked as a subset of a whole its sentence broke down before it.

        共表彰…2493名，其中劳模1689名、先进工作者804名，有300多名抗疫先进典型: the 300 overlap
        the parts, so they are a subset of 2493, which summaries never add.
        """
        if not self.parts_sum:  # no whole broken down yet in the report: no subset of one (most figures)
            return figure
        whole = subset_of(figure, around, earlier, self.parts_sum, self.words, breakdown)
        if whole is None or not per_unit_alike(whole, figure):
            return figure
        return figure._replace(subset_of_figure_id=whole.figure_id)
