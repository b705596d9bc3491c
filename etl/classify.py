"""Mentions to figures: what each number counts, how it is qualified, and when.

Category, qualifier and basis come from the words of the figure's clause,
nearest first; programme and metric from the catalogs; period and targets from
periods.py. A breakdown (共…2493名，其中劳模1689名) points at its whole.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from .catalog import Catalog, load_catalog
from .extract import Mention
from .periods import Part, sentence_contexts, when
from .sentences import Sentence

CLAUSE_SPLIT = re.compile(r"[,，;；:：]")
LABEL_STRIP = re.compile(r"^(?:其中|并且|并|和|及|以及|共|有|全年|年度|目前|全国)+")
LABEL_TAIL = re.compile(r"(?:超过|逾|约|近|接近|将近|不到|不足|达到|达|为|是|共|合计|总计|了)+$")
ADJACENT_FILLERS = ("了", "达", "为", "到", "约", "近", "超过")
BREAKDOWN = "其中"
NOT_ADDITIVE = {"percent"}  # rates of parts do not add up to the rate of the whole
RANGE_SEPARATORS = ("-", "~", "～", "—", "至")
COORDINATORS = ("和", "与", "及")
BASIS_FILLERS = ("了", "约", "近", "超过")
COMPARISON = re.compile(r"比.{0,8}(?:高|低|多|少|增加|减少)$")


@dataclass(frozen=True)
class Figure:
    """One fact of a report, with where it was said (see README: v1.figures)."""

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
    mentions: int = 1


def classify(
    doc_id: str,
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    parts: list[Part],
    report_year: int | None,
    catalog: Catalog | None = None,
) -> list[Figure]:
    """One figure per mention, in text order, before de-duplication."""
    catalog = catalog or load_catalog()
    sentence_starts = [s.start for s in sentences]
    contexts = sentence_contexts(sentences, parts, report_year, catalog)
    drafts: list[tuple[Figure, Sentence, str]] = []
    for mention in mentions:
        sentence = sentences[bisect_right(sentence_starts, mention.char_start) - 1]
        offset = mention.char_start - sentence.start
        before = sentence.text[:offset]
        after = sentence.text[mention.char_end - sentence.start :]
        clause_before = CLAUSE_SPLIT.split(before)[-1]
        phrase = clause_before.rsplit("、", 1)[-1]
        clause = clause_before + CLAUSE_SPLIT.split(after)[0]
        timing = when(sentence.text, offset, contexts[sentence.index], report_year, catalog)
        label = _label(phrase)
        figure = Figure(
            figure_id="",
            doc_id=doc_id,
            surface=mention.surface,
            value=mention.value,
            unit=mention.unit,
            category=_category(mention, sentence.text, offset, catalog),
            qualifier=_qualifier(mention, before, phrase, after, catalog),
            basis=_basis(mention, before, phrase, catalog),
            is_target=timing.is_target,
            period_start=timing.period_start,
            period_end=timing.period_end,
            as_of=timing.as_of,
            program=_program(sentence.text, text, sentence, catalog),
            metric_id=_metric(clause, label, mention.unit, catalog),
            parent_figure_id=None,
            label=label,
            sentence=sentence.text,
            sentence_start=sentence.start,
            sentence_end=sentence.end,
            char_start=mention.char_start,
            char_end=mention.char_end,
        )
        drafts.append((figure, sentence, clause_before))
    drafts = _ranges(drafts, text)
    figures: list[Figure] = []
    wholes: dict[int, list[tuple[int, Figure]]] = {}
    for figure, sentence, clause_before in drafts:
        figure = _with_id(figure)
        offset = figure.char_start - sentence.start
        parent = _whole_of(figure, sentence.text[:offset], clause_before, wholes.get(sentence.index, []))
        if parent is not None:
            figure = _replace(figure, parent_figure_id=parent.figure_id)
        wholes.setdefault(sentence.index, []).append((offset, figure))
        figures.append(figure)
    return figures


def _ranges(drafts, text: str):
    """6%-6.5%, 3至5万人: the bounds of one range share what they count.

    The lower bound is at_least and the upper at_most; the upper takes the
    lower's label, basis and metric, which only the words before the range give.
    """
    out = list(drafts)
    for i in range(len(out) - 1):
        low, upper = out[i][0], out[i + 1][0]
        between = text[low.char_end : upper.char_start]
        if between in COORDINATORS and low.unit == upper.unit and upper.basis is None:
            # 分别增长8.7%和8.6%: the second figure shares the first's verb.
            out[i + 1] = (_replace(upper, basis=low.basis, label=low.label, metric_id=low.metric_id), *out[i + 1][1:])
            continue
        if between not in RANGE_SEPARATORS or low.unit != upper.unit or upper.value < low.value:
            continue
        out[i] = (_replace(low, qualifier="at_least" if low.qualifier == "exact" else low.qualifier), *out[i][1:])
        out[i + 1] = (
            _replace(
                upper,
                qualifier="at_most" if upper.qualifier == "exact" else upper.qualifier,
                label=low.label,
                basis=low.basis,
                metric_id=low.metric_id,
            ),
            *out[i + 1][1:],
        )
    return out


def _replace(figure: Figure, **changes) -> Figure:
    return replace(figure, **changes)


def identity(figure: Figure) -> tuple:
    """What a figure says: equal identities are one fact stated more than once."""
    return (
        round(figure.value, 6),
        figure.unit,
        figure.label,
        figure.qualifier,
        figure.basis,
        figure.is_target,
        figure.period_start,
        figure.period_end,
        figure.as_of,
    )


def _with_id(figure: Figure) -> Figure:
    key = "|".join(str(part) for part in (figure.doc_id, *identity(figure)))
    return _replace(figure, figure_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])


def _label(phrase: str) -> str:
    """The words before the number that say what it counts: '返还工会经费'."""
    label = LABEL_STRIP.sub("", phrase.strip())
    label = LABEL_TAIL.sub("", label)
    return label[-24:]


def _qualifier(mention: Mention, before: str, clause_before: str, after: str, catalog: Catalog) -> str:
    """per_unit from the clause, then words just before, then just after the number."""
    for word, position, qualifier in catalog.qualifiers:
        # 人均可支配收入增长6.5%: a rate of a per-head amount is not itself per unit.
        if position == "clause" and word in clause_before and mention.unit != "percent":
            return qualifier
    for word, position, qualifier in catalog.qualifiers:
        if position == "before" and _ends_with_word(before, word):
            if qualifier == "per_unit" and mention.unit == "percent":
                continue
            return qualifier
    for word, position, qualifier in catalog.qualifiers:
        # 多/余 stand inside the surface (300多名, 1.2万余人); 以上 after it.
        if position == "after" and (after.startswith(word) or (len(word) == 1 and word in mention.surface)):
            return qualifier
    return "exact"


def _ends_with_word(before: str, word: str) -> bool:
    if before.endswith(word):
        return True
    return any(before.endswith(word + filler) for filler in ADJACENT_FILLERS)


def _basis(mention: Mention, before: str, phrase: str, catalog: Catalog) -> str | None:
    """change for 增长6.6% or 比去年高0.2个百分点; never for 提高到58.5%, a level."""
    if mention.unit_word == "个百分点" or COMPARISON.search(before):
        return "change"
    for word, basis, position in catalog.bases:
        if position == "before" and any(before.endswith(word + f) for f in ("", *BASIS_FILLERS)):
            return basis
    for word, basis, position in catalog.bases:
        if position == "clause" and word in phrase:
            return basis
    for word, basis, position in catalog.bases:
        if position == "sentence" and word in before:
            return basis
    return None


def _category(mention: Mention, sentence: str, offset: int, catalog: Catalog) -> str:
    """The first category word of the clause, then of the clauses nearest to it."""
    clauses = _clauses_nearest_first(sentence, offset)
    for clause in clauses:
        for word, category, unit in catalog.categories:
            if word and (not unit or unit == mention.unit) and word in clause:
                return category
    for word, category, unit in catalog.categories:
        if not word and unit == mention.unit:
            return category
    return "other"


def _clauses_nearest_first(sentence: str, offset: int) -> list[str]:
    spans = []
    start = 0
    for match in CLAUSE_SPLIT.finditer(sentence):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(sentence)))
    here = next(i for i, (s, e) in enumerate(spans) if s <= offset <= e)
    # Words after the figure's clause describe the next figure, not this one.
    return [sentence[spans[i][0] : spans[i][1]] for i in range(here, -1, -1)]


def _program(sentence_text: str, text: str, sentence: Sentence, catalog: Catalog) -> str | None:
    for program in catalog.programs:
        if program.pattern.search(sentence_text):
            return program.program_id
    paragraph_start = text.rfind("\n", 0, sentence.start) + 1
    paragraph_end = text.find("\n", sentence.end)
    paragraph = text[paragraph_start : paragraph_end if paragraph_end >= 0 else len(text)]
    for program in catalog.programs:
        if program.pattern.search(paragraph):
            return program.program_id
    return None


def _metric(clause: str, label: str, unit: str, catalog: Catalog) -> str | None:
    for metric in catalog.metrics:
        if metric.unit and metric.unit != unit:
            continue
        if metric.pattern.search(label) or metric.pattern.search(clause):
            return metric.metric_id
    return None


def _whole_of(figure: Figure, before: str, clause_before: str, earlier: list[tuple[int, Figure]]) -> Figure | None:
    """For a part in a clause opened by 其中, the figure of the same unit stated before it.

    Only the 其中 clause lists parts: in "…2493名，其中劳模1689名、先进工作者804名，
    有300多名抗疫先进典型" the 300 overlap the parts and are not one of them.
    """
    if BREAKDOWN not in clause_before:
        return None
    at = before.rfind(BREAKDOWN)
    if figure.unit in NOT_ADDITIVE:
        return None
    candidates = [
        f for o, f in earlier if o < at and f.unit == figure.unit and f.parent_figure_id is None and f.basis != "change"
    ]
    if not candidates or candidates[-1].value < figure.value:
        return None
    return candidates[-1]
