"""Mentions to figures: each rule module asked once per mention, in text order.

For every mention: its slices of the sentence (sentences.around), its label
(labels), qualifier (qualifiers), basis (bases), category (categories),
timing (periods), programme (programs) and metric (metrics); what it shares
with the mention before it (links: ranges, lists and 分别, decided for the
whole report first); its id (identity); and the whole it is a part of
(links.whole_of). A figure is final once made: no later pass revisits it.
"""

from __future__ import annotations

from etl.catalog import Catalog, load_catalog
from etl.records import Figure, Mention, Part, Sentence
from etl.rules.bases import basis, direction
from etl.rules.categories import category
from etl.rules.identity import figure_id
from etl.rules.labels import counts_its_own_noun, label_rules, needs_subject, own_label, with_subject
from etl.rules.metrics import MetricFinder
from etl.rules.periods import when
from etl.rules.programs import ProgramFinder
from etl.rules.qualifiers import EXACT, PER_UNIT, qualifier
from etl.rules.structure import sentence_contexts
from etl.rules.ties import (
    NOT_ADDITIVE,
    links,
    opens_statement_list,
    opens_with_breakdown,
    respective_labels,
    restates,
    subset_of,
    whole_continued,
    whole_of,
    whole_of_shares,
)
from etl.text.sentences import arounds

AT_LEAST, AT_MOST = "at_least", "at_most"
PARENT = Figure._fields.index("parent_figure_id")


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
    contexts = sentence_contexts(sentences, parts, report_year, catalog, text)
    programs = ProgramFinder(text, catalog)
    metrics = MetricFinder(catalog, scope)
    rules = catalog.compiled(label_rules)
    shared_heads = catalog.words["shared_head"]
    joins = links(mentions, text, catalog)
    figures: list[Figure] = []
    own_labels: list[str] = []  # each figure's label from its own words, which the next may borrow
    shared: list[tuple[str, str | None]] = []  # each figure's label and metric as a list or range passes them on
    in_sentence: dict[int, list[Figure]] = {}
    parts_sum: dict[str, float] = {}
    split_labels: list[str] | None = None
    continued: tuple[int, Figure] | None = None  # a 其中 list that goes on past a semicolon
    targets: dict[tuple, Figure] = {}  # the first target of each value, unit and qualifier
    for i, (mention, around, link) in enumerate(zip(mentions, arounds(sentences, mentions), joins, strict=True)):
        sentence = around.sentence
        earlier = in_sentence.setdefault(sentence.index, [])
        label = own_label(around.phrase, around.clause_before, rules)
        if needs_subject(label, rules) and not counts_its_own_noun(mention, around, earlier[-1] if earlier else None):
            label = with_subject(label, own_labels[-1] if earlier else "", around.before, rules)
        own_labels.append(label)
        timing = when(around.before, around.clause_before, contexts[sentence.index], report_year, catalog)
        kind = qualifier(mention, around, catalog)
        base = basis(mention, around, catalog)
        metric = None
        previous = figures[-1] if i else None
        # What the figure before it says of both: a list item or a range's upper bound.
        if link.joined == "list" and base is None:
            base, (label, metric) = previous.basis, shared[-1]
            if previous.qualifier == PER_UNIT and kind == EXACT:
                kind = PER_UNIT  # 月人均分别提高221元、90元: each is per head
        elif link.joined == "range":
            kind = AT_MOST if kind == EXACT else kind
            base, (label, metric) = previous.basis, shared[-1]
        else:
            metric = metrics.of(around.item, label, mention.unit, mention.measure)
        shared.append((label, metric))
        if link.closes_range and kind == EXACT:
            kind = AT_LEAST
        # 分别: the i-th figure of a list counts the i-th subject its first figure's label names.
        if link.group_size > 1:
            if link.group_start == i:
                split_labels = respective_labels(label, link.group_size, shared_heads, catalog)
            if split_labels is not None:
                label = split_labels[i - link.group_start]
                metric = metrics.of(label, label, mention.unit, mention.measure)
        figure = Figure(
            "",
            doc_id,
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
            programs.of(sentence, mention.char_start),
            metric,
            None,
            label,
            sentence.text,
            sentence.start,
            sentence.end,
            mention.char_start,
            mention.char_end,
            mention.measure,
            direction(mention, around, base, catalog),
        )
        figure = Figure._make((figure_id(figure), *figure[1:]))
        if figure.is_target:
            stated = targets.setdefault((figure.value, figure.unit, figure.qualifier), figure)
            if stated is not figure and restates(sentence.text, around.start, around.end, catalog):
                figures.append(stated)  # the same fact once more: deduplicate counts the mention
                continue
        parent = whole_of(figure, around, earlier)
        if parent is None and opens_with_breakdown(around.before):
            parent = whole_of(figure, around, earlier, in_sentence.get(sentence.index - 1, []))
        if parent is None:
            parent = whole_of_shares(figure, around, earlier)
        if parent is None and continued is not None and continued[0] == sentence.index - 1:
            parent = whole_continued(figure, continued[1], not earlier)
        share = figure.unit in NOT_ADDITIVE  # a share of its whole: shares add up to 100 at most
        key, limit = (f"{parent.figure_id}%", 100.0) if parent is not None and share else (None, None)
        if parent is not None and not share:
            key, limit = parent.figure_id, parent.value
        # Parts never add up to more than their whole: a part that would is not one.
        if parent is not None and parts_sum.get(key, 0.0) + figure.value <= limit:
            if figure.basis is None and parent.basis is not None and not share:  # 新增…，其中…: new too
                figure = figure._replace(basis=parent.basis)
                figure = figure._replace(figure_id=figure_id(figure))
            figure = Figure._make((*figure[:PARENT], parent.figure_id, *figure[PARENT + 1 :]))
            parts_sum[key] = parts_sum.get(key, 0.0) + figure.value
            parts_sum.setdefault(parent.figure_id, 0.0)
            if opens_statement_list(sentence.text) and not share:
                continued = (sentence.index, parent)
        elif parent is None:
            whole = subset_of(figure, around, earlier, parts_sum)
            if whole is not None:
                figure = figure._replace(subset_of_figure_id=whole.figure_id)
        earlier.append(figure)
        figures.append(figure)
    return figures
