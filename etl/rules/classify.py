"""Mentions to figures: each rule module asked once per mention, in text order.

For every mention: its slices of the sentence (sentences.around), its label
(labels), qualifier (qualifiers), basis (bases), category (categories),
timing (periods), programme (programs) and metric (metrics); what it shares
with the mention before it (ties: ranges, lists and 分别, decided for the
whole report first); its id (identity); and the whole it is a part of
(ties.whole_of, kept to its sums by wholes). A figure is final once made: no
later pass revisits it.

classify() is the loop; FigureBuilder holds what one mention leaves for the
next and has one method per concern: label, shared_label, figure and restated
(a 分别 list's subjects are respective.py's); its Wholes place each figure in the 其中 breakdowns (wholes.py).
"""

from __future__ import annotations

from etl.catalog import Catalog, load_catalog
from etl.records import Around, Figure, Mention, Part, Sentence, Tie
from etl.rules.bases import CHANGE, basis, direction
from etl.rules.categories import OTHER, category
from etl.rules.dates_carried import carried, dated_after, undated_change, undated_per_head
from etl.rules.goal_words import goal_named_after
from etl.rules.identity import figure_id
from etl.rules.labels import (
    counts_its_own_noun,
    label_rules,
    needs_subject,
    own_label,
    with_owner,
    with_subject,
)
from etl.rules.metrics import MetricFinder
from etl.rules.own_change import change_of_before
from etl.rules.periods import of_listed_year, when
from etl.rules.programs import ProgramFinder
from etl.rules.qualifiers import EXACT, PER_UNIT, listed_kind, qualifier
from etl.rules.rates import of_change
from etl.rules.respective import Respective
from etl.rules.structure import sentence_contexts
from etl.rules.ties import breakdown_words, restates, ties
from etl.rules.unsaid_noun import counts_as_before, of_households
from etl.rules.wholes import Wholes
from etl.text.sentences import arounds

AT_LEAST, AT_MOST = "at_least", "at_most"


def classify(
    doc_id: str,
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    parts: list[Part],
    report_year: int | None,
    catalog: Catalog | None = None,
    scope: str = "",
    delivered: int | None = None,
) -> list[Figure]:
    """One figure per mention, in text order, before de-duplication.

    `scope` (national or local, from the publisher) limits which metrics apply; `delivered` is the
    year the report was given (its published_on), which 今年 names.
    """
    catalog = catalog or load_catalog()
    build = FigureBuilder(doc_id, text, sentences, parts, report_year, catalog, scope, delivered)
    joins = ties(mentions, text, catalog)
    for i, (mention, around, link) in enumerate(zip(mentions, arounds(sentences, mentions), joins, strict=True)):
        earlier = build.in_sentence.setdefault(around.sentence.index, [])
        label = build.label(mention, around, earlier)
        label, kind, base, metric = build.shared_label(mention, around, link, label)
        label, metric = build.respective.labels(i, mention, around, link, label, metric, base, build.in_sentence)
        own_subject = link.group_size > 1 and build.respective.split is not None  # 分别: its subject is its own
        figure = build.figure(mention, around, label, kind, base, metric, own_subject)
        figure = counts_as_before(figure, around, earlier, build.catalog)  # 驿站85个，累计建成420个: stations
        if figure.basis == CHANGE and earlier:  # 2020年…620万人，比上年增长8.4%: 2020's (asked of changes only)
            figure = change_of_before(figure, around, earlier, build.catalog)
        if link.joined == "heads":  # 低保对象3.2万户5.6万人: the households' people
            figure = of_households(figure, build.figures[-1])
        if figure.is_target and (stated := build.restated(figure, around)) is not None:  # only a target restates
            build.figures.append(stated)  # the same fact once more: deduplicate counts the mention
            continue
        figure = build.wholes.place(figure, around, earlier, build.in_sentence)
        earlier.append(figure)
        build.figures.append(figure)
    return build.figures


class FigureBuilder:
    """The figures of one report, made one mention at a time; lives for one classify() call."""

    __slots__ = (
        "catalog",
        "contexts",
        "dated",
        "delivered",
        "doc_id",
        "figures",
        "in_sentence",
        "metrics",
        "own_label_before",
        "passed_kind",
        "passed_label",
        "passed_metric",
        "passed_turn",
        "programs",
        "report_year",
        "respective",
        "rules",
        "targets",
        "text",
        "wholes",
    )

    def __init__(
        self,
        doc_id: str,
        text: str,
        sentences: list[Sentence],
        parts: list[Part],
        report_year: int | None,
        catalog: Catalog,
        scope: str,
        delivered: int | None = None,
    ):
        # What the whole report gives every figure.
        self.doc_id = doc_id  # the report's id, in every figure and its figure_id
        self.report_year = report_year  # the year the report looks back on: periods are read against it
        self.delivered = delivered  # the year the report was given (published_on): 截至去年底 is read against it
        self.catalog = catalog  # the word lists and patterns every rule module reads
        self.text = text  # the report's text: what stands between its sentences
        # per sentence: its years, read against the year reviewed and the year the report was given
        self.contexts = sentence_contexts(sentences, parts, report_year, catalog, text, delivered)
        self.programs = ProgramFinder(text, catalog)  # the programme named nearest before a figure
        self.metrics = MetricFinder(catalog, scope)  # the catalogued series a label or item belongs to
        self.rules = catalog.compiled(label_rules)  # the words a label is cut from and ends at
        # What the mentions read so far leave for the next one.
        self.figures: list[Figure] = []  # every figure made, in text order (a restated target once more)
        self.in_sentence: dict[int, list[Figure]] = {}  # by sentence index: its figures so far, restatements not
        self.own_label_before = ""  # the label of the figure before from its own words: the next may borrow its subject
        self.passed_label = ""  # what a list or range passes on: the label of the figure before (分别 not split) ...
        self.passed_metric = self.passed_kind = None  # ... its metric, and the qualifier its items take
        self.passed_turn: int | None = None  # ... and the way it moved (a rise, a fall)
        self.respective = Respective(catalog, self.rules, self.metrics)  # 分别: one subject per figure of a list
        self.targets: dict[tuple, Figure] = {}  # the first target of each value, unit and qualifier
        self.dated = None  # the date of the last statement that had one, which the next may carry (dates_carried)
        # 其中: what the parts of each whole add up to, and a list going on past a ；
        self.wholes = Wholes(catalog.compiled(breakdown_words))

    def label(self, mention: Mention, around: Around, earlier: list[Figure]) -> str:
        """What the figure counts, in its own words: 返还工会经费51.83亿元 -> 返还工会经费.

        A label that is only a verb borrows the subject of the figure before it in the
        sentence (国内生产总值达到56.9万亿元，比上年增长7.7% -> 国内生产总值增长), else of the
        clause before (开展…知识竞赛线上问答,1230万职工参与); but a number that counts the noun
        after it borrows from no figure (城镇新增就业6600万人以上,13亿多人口 -> "").
        """
        label = own_label(around.phrase, around.clause_before, self.rules)
        if earlier:  # 粮食播种面积1584.6万亩、总产量132.4亿斤: 粮食总产量; 其中城镇居民增长: …人均可支配收入增长
            label = with_owner(label, earlier[-1].label, self.rules)
        if needs_subject(label, self.rules) and not counts_its_own_noun(
            mention, around, earlier[-1] if earlier else None
        ):
            label = with_subject(label, self.own_label_before if earlier else "", around.before, self.rules)
        self.own_label_before = label
        return label

    def shared_label(
        self, mention: Mention, around: Around, link: Tie, label: str
    ) -> tuple[str, str, str | None, str | None]:
        """Label, qualifier, basis and metric, as the figure before passes them on to a list item
        or a range's upper bound; a figure standing alone finds its own metric.

        国内生产总值增长6%-6.5%: 6.5 is at_most and 国内生产总值增长 too, 6 at_least.
        月人均分别提高221元、90元: 90元 is per head like 221元. 增长8.7%和8.6%: 8.6% a change too, though
        the sentence opens with a date (截至9月底，…同比分别增加1500万人、500万人: both changes, not a
        cumulative count of 截至): a list item has no words of its own.
        """
        kind = qualifier(mention, around, self.catalog)
        base = basis(mention, around, self.catalog)
        kind, self.passed_kind = listed_kind(kind, link.joined == "list", self.passed_kind, around, self.catalog)
        metric = self.passed_turn = None
        if link.joined == "list":
            previous = self.figures[-1]
            base, label, metric = previous.basis, self.passed_label, self.passed_metric
            self.passed_turn = previous.direction  # 分别下降3.1%、2.5%: the 2.5% falls too
        elif link.joined == "heads":  # 低保对象3.2万户5.6万人: the households' people, not 低保对象3.2万户
            label = self.own_label_before = self.figures[-1].label
            metric = self.metrics.of(around.item, label, mention.unit, mention.measure, base)
        elif link.joined in ("range", "stretch"):
            # a range's upper bound is at_most; 增长5.5%以上，力争6%: the same measure aimed higher, with its own
            # qualifier and no value of the metric, whose target stays the one stated first (one answer)
            kind = AT_MOST if kind == EXACT and link.joined == "range" else kind
            base, label = self.figures[-1].basis, self.passed_label
            metric = self.passed_metric if link.joined == "range" else None
            self.passed_turn = self.figures[-1].direction
        else:
            metric = self.metrics.of(around.item, label, mention.unit, mention.measure, base)
        self.passed_label, self.passed_metric = label, metric
        if link.closes_range and kind == EXACT:
            kind = AT_LEAST
        return label, kind, base, metric

    def figure(
        self,
        mention: Mention,
        around: Around,
        label: str,
        kind: str,
        base: str | None,
        metric: str | None,
        own_subject: bool = False,
    ) -> Figure:
        """The mention as a figure with its id, part of no whole yet: its category, timing,
        programme and direction read from its sentence (2019年工作安排…增长6%: a target for 2019).

        A figure of a 分别 list has the programme its own subject names, or none: in 打好蓝天、碧水、
        净土保卫战，大气、水、土壤污染防治专项资金分别安排340亿元、267亿元、44亿元 the 蓝天 of the
        sentence is no programme of the water's 267亿元, and which figure it covers the words do not say."""
        sentence, catalog = around.sentence, self.catalog
        context = self.contexts[sentence.index]
        timing = when(around.before, around.clause_before, context, self.report_year, catalog, self.delivered)
        if own_subject:
            timing = of_listed_year(label, timing)
        if not timing.is_target and goal_named_after(around.clause_after, catalog, around.clause_before):
            timing = timing._replace(is_target=True, as_of=None)  # 低于5.5%的控制目标: the goal's value
        if self.dated is not None or timing.as_of is not None:  # most figures: no date stated, none to carry
            own_date = timing.as_of
            timing = carried(timing, around.before, sentence, self.text, self.dated, catalog, context, mention.unit)
            self.dated = dated_after(
                timing, sentence, own_date, catalog, mention.unit, self.dated, self.in_sentence.get(sentence.index, ())
            )
            timing = undated_change(timing, base == CHANGE, around.clause_before, catalog)
            timing = undated_per_head(timing, kind == PER_UNIT, mention.unit)
        turn = direction(mention, around, base, catalog)
        if turn is None and base == CHANGE:  # a list item or a range's bound: the way the one before moved
            turn = self.passed_turn
        metric, metric_value, base = self.metrics.valued(metric, mention.value, turn, kind, base, label)
        group = category(mention, around, catalog)
        if base == CHANGE and group == OTHER:  # 一般公共预算收入增长4.1%: its label names money (rates.py)
            group = of_change(mention, label, catalog) or group
        fields = (  # a Figure's fields in order, its id still to come: the record is made once
            "",
            self.doc_id,
            mention.surface,
            mention.value,
            mention.unit,
            group,
            kind,
            base,
            timing.is_target,
            timing.period_start,
            timing.period_end,
            timing.as_of,
            self.programs.named_in(label) if own_subject else self.programs.of(sentence, mention, around, label),
            metric,
            None,
            label,
            sentence.text,
            sentence.start,
            sentence.end,
            mention.char_start,
            mention.char_end,
            mention.measure,
            turn,
            None,  # subset_of_figure_id: wholes.place decides
            1,  # mentions: deduplicate counts them
            metric_value,
        )
        return tuple.__new__(Figure, (figure_id(fields), *fields[1:]))  # _make would be a Python call more

    def restated(self, figure: Figure, around: Around) -> Figure | None:
        """The target this figure states once more, else None.

        提出国内生产总值增长8%左右，主要是…: the sentence that explains a target repeats it;
        the first figure of that value, unit and qualifier stands for both.
        """
        if not figure.is_target:
            return None
        stated = self.targets.setdefault((figure.value, figure.unit, figure.qualifier), figure)
        if stated is not figure and restates(around.sentence.text, around.start, around.end, self.catalog):
            return stated
        return None
