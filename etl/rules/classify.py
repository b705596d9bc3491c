"""Mentions to figures: each rule module asked once per mention, in text order.

For every mention: its slices of the sentence (sentences.around), its label
(labels), qualifier (qualifiers), basis (bases), category (categories),
timing (periods), programme (programs) and metric (metrics); what it shares
with the mention before it (ties: ranges, lists and 分别, decided for the
whole report first); its id (identity); and the whole it is a part of
(ties.whole_of, kept to its sums by wholes). A figure is final once made: no
later pass revisits it.

classify() is the loop; FigureBuilder holds what one mention leaves for the
next and has one method per concern: label, shared_label, respective, figure
and restated; its Wholes place each figure in the 其中 breakdowns (wholes.py).
"""

from __future__ import annotations

import re

from etl.catalog import Catalog, load_catalog
from etl.records import Around, Figure, Mention, Part, Sentence, Tie
from etl.rules.bases import basis, direction
from etl.rules.categories import category
from etl.rules.identity import figure_id
from etl.rules.labels import (
    LIMIT,
    counts_its_own_noun,
    label_rules,
    needs_subject,
    own_label,
    verb_of_unnamed,
    with_owner,
    with_subject,
)
from etl.rules.metrics import MetricFinder
from etl.rules.periods import of_listed_year, when
from etl.rules.programs import ProgramFinder
from etl.rules.qualifiers import EXACT, listed_kind, qualifier
from etl.rules.structure import sentence_contexts
from etl.rules.ties import breakdown_words, listed_subjects, restates, ties
from etl.rules.unsaid_noun import counts_as_before
from etl.rules.wholes import Wholes
from etl.text.characters import CLAUSE_BREAKS, LIST_MARK
from etl.text.sentences import arounds

AT_LEAST, AT_MOST = "at_least", "at_most"
APART = re.compile(f"[{CLAUSE_BREAKS}{LIST_MARK}]")  # between two figures of their own clauses or list items


def classify(
    doc_id: str,
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    parts: list[Part],
    report_year: int | None,
    catalog: Catalog | None = None,
    scope: str = "",
) -> list[Figure]:
    """One figure per mention, in text order, before de-duplication.

    `scope` (national or local, from the publisher) limits which metrics apply.
    """
    catalog = catalog or load_catalog()
    build = FigureBuilder(doc_id, text, sentences, parts, report_year, catalog, scope)
    joins = ties(mentions, text, catalog)
    for i, (mention, around, link) in enumerate(zip(mentions, arounds(sentences, mentions), joins, strict=True)):
        earlier = build.in_sentence.setdefault(around.sentence.index, [])
        label = build.label(mention, around, earlier)
        label, kind, base, metric = build.shared_label(mention, around, link, label)
        label, metric = build.respective(i, mention, around, link, label, metric, base)
        own_subject = link.group_size > 1 and build.split_labels is not None  # 分别: its subject is its own
        figure = build.figure(mention, around, label, kind, base, metric, own_subject)
        figure = counts_as_before(figure, around, earlier, build.catalog)  # 驿站85个，累计建成420个: stations
        if (stated := build.restated(figure, around)) is not None:
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
        "doc_id",
        "figures",
        "in_sentence",
        "listed",
        "metrics",
        "own_label_before",
        "passed_kind",
        "passed_label",
        "passed_metric",
        "programs",
        "report_year",
        "rules",
        "shared_heads",
        "split_labels",
        "targets",
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
    ):
        # What the whole report gives every figure.
        self.doc_id = doc_id  # the report's id, in every figure and its figure_id
        self.report_year = report_year  # the year the report looks back on: periods are read against it
        self.catalog = catalog  # the word lists and patterns every rule module reads
        self.contexts = sentence_contexts(sentences, parts, report_year, catalog, text)  # per sentence: its years
        self.programs = ProgramFinder(text, catalog)  # the programme named nearest before a figure
        self.metrics = MetricFinder(catalog, scope)  # the catalogued series a label or item belongs to
        self.rules = catalog.compiled(label_rules)  # the words a label is cut from and ends at
        self.shared_heads = catalog.words["shared_head"]  # 居民人均可支配收入: a noun listed subjects share
        # What the mentions read so far leave for the next one.
        self.figures: list[Figure] = []  # every figure made, in text order (a restated target once more)
        self.in_sentence: dict[int, list[Figure]] = {}  # by sentence index: its figures so far, restatements not
        self.own_label_before = ""  # the label of the figure before from its own words: the next may borrow its subject
        self.passed_label = ""  # what a list or range passes on: the label of the figure before (分别 not split) ...
        self.passed_metric = self.passed_kind = None  # ... its metric, and the qualifier its items take
        self.split_labels: list[str] | None = None  # 分别: one subject per figure of the list in hand, if named
        self.listed: tuple[int, tuple[str, ...]] | None = None  # the last 分别 list's sentence index and subjects
        self.targets: dict[tuple, Figure] = {}  # the first target of each value, unit and qualifier
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
        月人均分别提高221元、90元: 90元 is per head like 221元. 增长8.7%和8.6%: 8.6% a change too.
        """
        kind = qualifier(mention, around, self.catalog)
        base = basis(mention, around, self.catalog)
        kind, self.passed_kind = listed_kind(kind, link.joined == "list", self.passed_kind, around, self.catalog)
        metric = None
        if link.joined == "list" and base is None:
            previous = self.figures[-1]
            base, label, metric = previous.basis, self.passed_label, self.passed_metric
        elif link.joined == "range":
            kind = AT_MOST if kind == EXACT else kind
            base, label, metric = self.figures[-1].basis, self.passed_label, self.passed_metric
        else:
            metric = self.metrics.of(around.item, label, mention.unit, mention.measure, base)
        self.passed_label, self.passed_metric = label, metric
        if link.closes_range and kind == EXACT:
            kind = AT_LEAST
        return label, kind, base, metric

    def respective(
        self, i: int, mention: Mention, around: Around, link: Tie, label: str, metric: str | None, base: str | None
    ) -> tuple[str, str | None]:
        """分别: the i-th figure of a list counts the i-th subject its first figure's label names.

        二氧化硫、氮氧化物排放量分别下降5.6%和4% -> 二氧化硫排放量下降 5.6%, 氮氧化物排放量下降 4%;
        城乡居民人均可支配收入分别完成37820元、28104元，同比分别增长6.5%、9.4% -> 城镇… 37820元,
        农村… 28104元, 城镇…增长 6.5%, 农村…增长 9.4% (the second list names no subject: it takes the
        first one's, in order). Each then finds the metric of its own label. Outside such a list, or
        when the label does not name one subject per figure, label and metric stay as they were.
        """
        if link.group_size < 2:
            return label, metric
        if link.group_start == i:
            self.split_labels = self.listed_labels(label, link.group_size, around.sentence.index)
            if self.split_labels is None:
                self.split_labels = self.subjects_before(around, link.group_size)
        if self.split_labels is None:
            return label, metric
        label = self.split_labels[i - link.group_start]
        return label, self.metrics.of(label, label, mention.unit, mention.measure, base)

    def listed_labels(self, label: str, size: int, sentence: int) -> list[str] | None:
        """The labels of a 分别 list of `size` figures, by position: its own subjects, or, when it
        names only a verb, the subjects of the 分别 list before it in the sentence; else None."""
        listed = listed_subjects(label, size, self.shared_heads, self.catalog)
        if listed is not None:
            self.listed = (sentence, listed.subjects)
            return [(own + listed.verb)[-LIMIT:] for own in listed.subjects]
        verb = verb_of_unnamed(label, self.rules)
        if verb is None or self.listed is None or self.listed[0] != sentence or len(self.listed[1]) != size:
            return None
        return [(own + verb)[-LIMIT:] for own in self.listed[1]]

    def subjects_before(self, around: Around, size: int) -> list[str] | None:
        """城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%: a list in a clause
        of its own naming only a verb takes, in order, the subjects of as many figures just before it,
        each with a subject of its own; else None (the list keeps the subject it borrowed)."""
        own = own_label(around.phrase, around.clause_before, self.rules)
        verb = own if needs_subject(own, self.rules) else verb_of_unnamed(own, self.rules)
        verb = self.rules.compared_with.sub("", verb or "")
        before = self.in_sentence.get(around.sentence.index, [])[-size:]
        if not verb or len(before) != size:
            return None
        start = around.sentence.start  # figures' offsets are the document's, the mention's its sentence's
        ends = [f.char_end - start for f in before]
        starts = [f.char_start - start for f in before[1:]] + [around.start]
        if not all(APART.search(around.sentence.text, a, b) for a, b in zip(ends, starts, strict=True)):
            return None  # two of them stand together: 100元至200元
        subjects = [self.rules.subject_tail.sub("", f.label) for f in before]
        if not all(subjects) or len(set(subjects)) != size:
            return None
        return [(subject + verb)[-LIMIT:] for subject in subjects]

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
        timing = when(around.before, around.clause_before, self.contexts[sentence.index], self.report_year, catalog)
        if own_subject:
            timing = of_listed_year(label, timing)
        turn = direction(mention, around, base, catalog)
        metric, metric_value, base = self.metrics.valued(metric, mention.value, turn, kind, base, label)
        fields = (  # a Figure's fields in order, its id still to come: the record is made once
            "",
            self.doc_id,
            mention.surface,
            mention.value,
            mention.unit,
            category(mention, around, catalog),
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
        return Figure._make((figure_id(fields), *fields[1:]))

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
