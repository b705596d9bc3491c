"""Mentions to figures: what each number counts, how it is qualified, and when.

Category, qualifier and basis come from the words of the figure's clause,
nearest first; programme and metric from the catalogs; period and targets from
periods.py. A breakdown (共…2493名，其中劳模1689名) points at its whole.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date
from operator import attrgetter

from .catalog import Catalog, load_catalog
from .extract import Mention
from .periods import Part, sentence_contexts, when
from .sentences import CLAUSE_SPLIT, Sentence, clause_breaks

LABEL_OPENERS = ("其中", "并且", "并", "和", "及", "以及", "共", "有", "全年", "年度", "目前", "全国")
LABEL_STRIP = re.compile("^(?:" + "|".join(LABEL_OPENERS) + ")+")
FROM_TO = re.compile(r"^(.*?)(?:由|从)[^,，]*?(?:增加|增长|提高|上升|下降|降低|扩大|缩小|减少)?(?:到|至)")
FROM_TAIL = re.compile(r"(?:由|从)(?:(?:19|20)\d{2}年(?:底|末)?的?|去年的?|上年的?)?$")
LABEL_TAIL_WORDS = (
    "超过",
    "逾",
    "约",
    "近",
    "接近",
    "将近",
    "不到",
    "不足",
    "达到",
    "达",
    "为",
    "是",
    "共",
    "合计",
    "总计",
    "了",
)
LABEL_TAIL = re.compile("(?:" + "|".join(LABEL_TAIL_WORDS) + ")+$")
LABEL_TAIL_REACH = 12  # characters: no run of these words is longer, and re need not try every character
BREAKDOWN = "其中"
RESPECTIVELY = "分别"
LIST_SPLIT = re.compile(r"和|、|及|与")
SHARED_HEADS = ("居民", "排放", "人均", "人口", "企业", "职工", "地区", "农民")
PARAGRAPH_SCOPE = 400  # characters: a paragraph this short is about one thing
CHANGE_VERBS = "增长|下降|增加|减少|提高|降低|上涨|上升|回落|增幅|降幅|递增"
VERB_ONLY = re.compile(rf"(?:比上年|比去年|同比|较上年|年均)?(?:实际)?(?:{CHANGE_VERBS})?")
SUBJECT_TAIL = re.compile(rf"(?:比上年|比去年|同比|较上年|年均|实际|分别|{CHANGE_VERBS}|达到|达|完成|实现)+$")
COMPARED_WITH = re.compile(r"^(?:比上年|比去年|同比|较上年)")
NOT_ADDITIVE = {"percent"}  # rates of parts do not add up to the rate of the whole
# Between two figures with units; unlike extract.RANGE_SEPARATORS not 到, since
# 从2.6%到3.1% is a change from one level to another, not a range.
RANGE_SEPARATORS = ("-", "~", "～", "—", "至")
COORDINATORS = ("和", "与", "及", "、")
COMPARED_BY = ("高", "低", "多", "少", "增加", "减少")
COMPARISON = re.compile("比.{0,8}(?:" + "|".join(COMPARED_BY) + ")$")


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
    scope: str = "",
) -> list[Figure]:
    """One figure per mention, in text order, before de-duplication.

    `scope` (national or local, from the publisher) limits which metrics apply.
    """
    catalog = catalog or load_catalog()
    sentence_starts = list(map(attrgetter("start"), sentences))
    contexts = sentence_contexts(sentences, parts, report_year, catalog)
    programs = _ProgramFinder(text, catalog)
    metrics = _MetricFinder(catalog, scope)
    drafts: list[dict] = []
    where: list[tuple[int, str, str]] = []  # sentence index, clause before, sentence before
    breaks: list[int] = []  # of the sentence of the mention before
    for mention in mentions:
        sentence = sentences[bisect_right(sentence_starts, mention.char_start) - 1]
        if not where or where[-1][0] != sentence.index:
            breaks = clause_breaks(sentence.text)
        offset = mention.char_start - sentence.start
        end_offset = mention.char_end - sentence.start
        before = sentence.text[:offset]
        in_clause = bisect_left(breaks, offset)  # breaks before the figure
        clause_before = sentence.text[breaks[in_clause - 1] + 1 if in_clause else 0 : offset]
        phrase = clause_before.rsplit("、", 1)[-1]
        next_break = bisect_left(breaks, end_offset, in_clause)
        clause_after = sentence.text[end_offset : breaks[next_break] if next_break < len(breaks) else None]
        clause = clause_before + clause_after
        earlier_clauses = _clauses_before(sentence.text, breaks, in_clause)
        # The metric is named in the figure's own list item: 高速公路6700多公里、农村公路29万公里.
        item = phrase + clause_after.split("、", 1)[0]
        timing = when(before, clause_before, contexts[sentence.index], report_year, catalog)
        # 二氧化硫、氮氧化物排放量分别下降: a list of subjects before 分别 belongs to the label.
        label = _label(clause_before, limit=48) if RESPECTIVELY in phrase else _label(phrase)
        if not label or VERB_ONLY.fullmatch(label):
            previous = where[-1] if where and where[-1][0] == sentence.index else None
            label = _with_subject(label, drafts[-1]["label"] if previous else "", before)
        drafts.append(
            {
                "doc_id": doc_id,
                "surface": mention.surface,
                "value": mention.value,
                "unit": mention.unit,
                "category": _category(mention, clause, earlier_clauses, catalog),
                "qualifier": _qualifier(mention, before, phrase, sentence.text, end_offset, catalog),
                "basis": _basis(mention, before, phrase, catalog),
                "is_target": timing.is_target,
                "period_start": timing.period_start,
                "period_end": timing.period_end,
                "as_of": timing.as_of,
                "program": programs.of(sentence, mention.char_start),
                "metric_id": metrics.of(item, label, mention.unit),
                "parent_figure_id": None,
                "label": label,
                "sentence": sentence.text,
                "sentence_start": sentence.start,
                "sentence_end": sentence.end,
                "char_start": mention.char_start,
                "char_end": mention.char_end,
            }
        )
        where.append((sentence.index, clause_before, before))
    _join_ranges_and_lists(drafts, text, metrics)
    figures: list[Figure] = []
    earlier: dict[int, list[dict]] = {}
    parts_sum: dict[str, float] = {}
    for draft, (sentence_index, clause_before, before) in zip(drafts, where, strict=True):
        draft["figure_id"] = _figure_id(draft)
        parent = _whole_of(draft, clause_before, before, earlier.get(sentence_index, []))
        if parent is None and before.startswith(BREAKDOWN) and CLAUSE_SPLIT.split(before, 1)[0] == BREAKDOWN:
            # 共表彰2493名。其中，劳模1689名…: the parts open the next sentence.
            parent = _whole_of(draft, BREAKDOWN, BREAKDOWN, earlier.get(sentence_index - 1, []), anywhere=True)
        # Parts never add up to more than their whole: a part that would is not one.
        if parent is not None and parts_sum.get(parent["figure_id"], 0.0) + draft["value"] <= parent["value"]:
            draft["parent_figure_id"] = parent["figure_id"]
            parts_sum[parent["figure_id"]] = parts_sum.get(parent["figure_id"], 0.0) + draft["value"]
        earlier.setdefault(sentence_index, []).append(draft)
        figures.append(_as_figure(draft))
    return figures


def _join_ranges_and_lists(drafts: list[dict], text: str, metrics: _MetricFinder) -> None:
    """6%-6.5% and 分别增长8.7%和8.6%: figures joined by a range or a list share a label.

    A range's lower bound is at_least and its upper at_most; the second figure
    takes the first's label, basis and metric, which only the words before
    the first give.
    """
    for low, upper in zip(drafts, drafts[1:], strict=False):
        if low["unit"] != upper["unit"]:
            continue
        between = _joiner(text, low, upper)
        if between in COORDINATORS and upper["basis"] is None:
            upper.update(basis=low["basis"], label=low["label"], metric_id=low["metric_id"])
            if low["qualifier"] == "per_unit" and upper["qualifier"] == "exact":
                upper["qualifier"] = "per_unit"  # 月人均分别提高221元、90元: each is per head
        elif between in RANGE_SEPARATORS and upper["value"] >= low["value"]:
            if low["qualifier"] == "exact":
                low["qualifier"] = "at_least"
            if upper["qualifier"] == "exact":
                upper["qualifier"] = "at_most"
            upper.update(basis=low["basis"], label=low["label"], metric_id=low["metric_id"])
    _split_respectively(drafts, text, metrics)


def _split_respectively(drafts: list[dict], text: str, metrics: _MetricFinder) -> None:
    """城镇和农村居民人均可支配收入分别达35512元、25689元: the i-th figure counts the i-th subject.

    A listed subject borrows the noun the last one spells out (城镇 + 居民人均可支配收入)
    when the last one starts with a word of the same length followed by a shared head.
    """
    i = 0
    while i < len(drafts):
        group = [drafts[i]]
        while (
            i + len(group) < len(drafts)
            and drafts[i + len(group)]["unit"] == group[-1]["unit"]
            and _joiner(text, group[-1], drafts[i + len(group)]) in COORDINATORS
        ):
            group.append(drafts[i + len(group)])
        i += len(group)
        if len(group) == 1 or RESPECTIVELY not in group[0]["label"]:
            continue
        subject, _, verb = group[0]["label"].partition(RESPECTIVELY)
        subjects = [p for p in LIST_SPLIT.split(subject) if p]
        if len(subjects) == len(group):
            last = subjects[-1]
            for draft, own in zip(group, subjects, strict=True):
                head = last[len(own) :]
                if own is not last and head.startswith(SHARED_HEADS):
                    own += head
                label = (own + verb)[-24:]
                draft.update(label=label, metric_id=metrics.of(label, label, draft["unit"]))


JOINER_LENGTH = max(map(len, COORDINATORS + RANGE_SEPARATORS))


def _joiner(text: str, first: dict, second: dict) -> str:
    """The text between two figures if it is short enough to join them, else ''.

    Figures can stand pages apart: slicing only short gaps keeps this linear.
    """
    start, end = first["char_end"], second["char_start"]
    return text[start:end] if end - start <= JOINER_LENGTH else ""


def _as_figure(draft: dict) -> Figure:
    """A Figure from a finished draft, without the frozen dataclass's per-field __init__.

    A frozen __init__ sets 22 fields through object.__setattr__: four times the cost,
    paid for every figure of a thousand reports. The result is the same object.
    """
    figure = object.__new__(Figure)
    figure.__dict__.update(draft)
    return figure


def _figure_id(draft: dict) -> str:
    """A content id: a hash of the document and what the figure says (value, unit, label,
    qualifier, basis, target flag, period and as_of), not of where it stands, so that a
    fact stated twice gets one id and deduplicate merges by it.

    Values need no rounding here: numbers.clean has already cut the binary noise of
    decimal arithmetic, so one value always has one float. The fields are joined as text
    rather than as a tuple's repr, which checks each character of a label for printability.
    """
    key = (
        f"{draft['doc_id']}\x1f{draft['value']!r}\x1f{draft['unit']}\x1f{draft['label']}"
        f"\x1f{draft['qualifier']}\x1f{draft['basis']}\x1f{draft['is_target']}"
        f"\x1f{draft['period_start']}\x1f{draft['period_end']}\x1f{draft['as_of']}"
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _with_subject(label: str, previous_label: str, before: str) -> str:
    """国内生产总值达到56.9万亿元，比上年增长7.7%: the growth is the product's.

    A label that is only a verb (比上年增长, or nothing after 达到) takes its
    subject from the figure before it in the sentence, else from the clause before.
    """
    subject = previous_label
    if not subject:
        clauses = CLAUSE_SPLIT.split(before)
        subject = _label(clauses[-2]) if len(clauses) > 1 else ""
    subject = SUBJECT_TAIL.sub("", subject)
    verb = COMPARED_WITH.sub("", label)
    return (subject + verb)[-24:]


def _label(phrase: str, limit: int = 24) -> str:
    """The words before the number that say what it counts: '返还工会经费'.

    地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元 labels both
    numbers 地区生产总值: the from-to frame and its dates are not what is counted.
    """
    # Each pattern runs only on a label that starts or ends the way a match must.
    label = phrase.strip()
    if label.startswith(LABEL_OPENERS):
        label = LABEL_STRIP.sub("", label)
    if "由" in label or "从" in label:
        from_to = FROM_TO.match(label)
        if from_to and from_to.group(1):
            label = from_to.group(1)
        label = FROM_TAIL.sub("", label)
    tail = label.endswith(LABEL_TAIL_WORDS) and LABEL_TAIL.search(label, max(0, len(label) - LABEL_TAIL_REACH))
    return (label[: tail.start()] if tail else label)[-limit:]


def _qualifier(mention: Mention, before: str, phrase: str, sentence: str, end: int, catalog: Catalog) -> str:
    """per_unit from the phrase, then words just before, then just after the number
    (at `end` of the sentence)."""
    rate = mention.unit == "percent"  # a rate of a per-head amount is not itself per unit
    if not rate:
        found = catalog.qualifiers_in_clause.first_in(phrase)
        if found:
            return found
    found = catalog.qualifiers_before.at_end(before)
    if found and not (rate and found == "per_unit"):
        return found
    found = catalog.qualifiers_after.at_start(sentence, end)
    if found:
        return found
    # 多/余 stand inside the surface: 300多名, 1.2万余人.
    inside = mention.surface[1:]
    for word, qualifier in catalog.qualifiers_after.single_characters:
        if word in inside:
            return qualifier
    return "exact"


def _basis(mention: Mention, before: str, phrase: str, catalog: Catalog) -> str | None:
    """change for 增长6.6% or 比去年高0.2个百分点; never for 提高到58.5%, a level."""
    if mention.unit_word == "个百分点" or (
        before.endswith(COMPARED_BY) and COMPARISON.search(before, max(0, len(before) - 12))
    ):
        return "change"
    return (
        catalog.bases_before.at_end(before)
        or catalog.bases_in_clause.first_in(phrase)
        or catalog.bases_in_sentence.first_in(before)
    )


def _category(mention: Mention, clause: str, earlier_clauses, catalog: Catalog) -> str:
    """The first category word of the figure's clause, then of the clauses before it.

    Words after the figure's clause describe the next figure, not this one.
    """
    unit = mention.unit
    if unit == "percent":
        return "other"  # a rate counts no one: 覆盖率87.6% is not 87.6 beneficiaries

    def fits(payload) -> bool:
        return not payload[1] or unit in payload[1]

    found = catalog.category_words.first_in(clause, fits)
    if found is None:
        for earlier in earlier_clauses:
            found = catalog.category_words.first_in(earlier, fits)
            if found is not None:
                break
    if found is not None:
        return found[0]
    return catalog.category_defaults.get(unit, "other")


def _clauses_before(sentence: str, breaks: list[int], clause: int):
    """The clauses of `sentence` before its `clause`-th, nearest first (lazily: most figures need none)."""
    for k in range(clause - 1, -1, -1):
        yield sentence[breaks[k - 1] + 1 if k else 0 : breaks[k]]


class _ProgramFinder:
    """Programme names looked up per sentence, scanning only the text a figure can draw on.

    A figure's programme is named in its own sentence or its short paragraph,
    and a report's figures stand in about a fifth of its text: scanning just
    those sentences and paragraphs, once each, skips the rest.
    """

    def __init__(self, text: str, catalog: Catalog):
        self.text = text
        self.catalog = catalog
        self.no_programme = len(catalog.programs)  # the rank program_rank gives what names none
        self.in_sentence: dict[int, tuple[list[int], list[int]]] = {}  # by sentence: hit starts, ranks
        self.paragraphs: dict[int, str | None] = {}  # by paragraph start: a figure-independent answer
        self.in_paragraph: dict[int, str | None] = {}  # the same, by sentence

    def _hits(self, start: int, end: int) -> tuple[list[int], list[int]]:
        starts, ranks = [], []
        rank_of = self.catalog.program_rank
        for match in self.catalog.programs_index.finditer(self.text, start, end):
            starts.append(match.start())
            ranks.append(rank_of(match.group()))
        return starts, ranks

    def _program(self, rank: int) -> str | None:
        return self.catalog.programs[rank].program_id if rank < self.no_programme else None

    def of(self, sentence: Sentence, position: int) -> str | None:
        """The programme named nearest before the figure in its sentence, else after it,
        else in a short paragraph (catalog order decides there).

        "…工会专项补助经费1.57亿元,对社会化工会工作者补贴1.36亿元": each amount
        belongs to the programme named just before it. A long paragraph (a
        district report prints a whole section as one) names too many things to
        speak for one figure.
        """
        hits = self.in_sentence.get(sentence.index)
        if hits is None:
            hits = self.in_sentence[sentence.index] = self._hits(sentence.start, sentence.end)
        starts, ranks = hits
        here = bisect_left(starts, position)
        if here:
            return self._program(ranks[here - 1])
        if ranks:
            return self._program(min(ranks))
        if sentence.index not in self.in_paragraph:
            self.in_paragraph[sentence.index] = self._in_paragraph(sentence)
        return self.in_paragraph[sentence.index]

    def _in_paragraph(self, sentence: Sentence) -> str | None:
        paragraph_start = self.text.rfind("\n", 0, sentence.start) + 1
        if paragraph_start not in self.paragraphs:
            paragraph_end = self.text.find("\n", sentence.end)
            paragraph_end = paragraph_end if paragraph_end >= 0 else len(self.text)
            short = paragraph_end - paragraph_start <= PARAGRAPH_SCOPE
            ranks = self._hits(paragraph_start, paragraph_end)[1] if short else []
            self.paragraphs[paragraph_start] = self._program(min(ranks)) if ranks else None
        return self.paragraphs[paragraph_start]


class _MetricFinder:
    """The first catalogued metric, of a figure's unit and the report's scope, named in
    its label, else its clause."""

    def __init__(self, catalog: Catalog, scope: str):
        self.catalog = catalog
        self.scope = scope
        self.by_unit = catalog.metric_candidates(scope)  # the catalog's own cache: a dict lookup per figure

    def of(self, clause: str, label: str, unit: str) -> str | None:
        metrics, any_of_them = self.by_unit.get(unit) or self.catalog.metrics_for(unit, self.scope)
        for text in (label, clause):
            # One search of all their patterns at once rules out most texts; it finds a
            # match wherever any single pattern would, so it never hides a metric.
            if any_of_them.search(text) is None:
                continue
            for metric in metrics:
                if metric.pattern.search(text):
                    return metric.metric_id
        return None


def _whole_of(part: dict, clause_before: str, before: str, earlier: list[dict], anywhere: bool = False) -> dict | None:
    """For a part in a clause opened by 其中, the figure of the same unit stated before it.

    Only the 其中 clause lists parts: in "…2493名，其中劳模1689名、先进工作者804名，
    有300多名抗疫先进典型" the 300 overlap the parts and are not one of them.
    """
    if BREAKDOWN not in clause_before or part["unit"] in NOT_ADDITIVE:
        return None
    at = len(before) - len(clause_before) + clause_before.rfind(BREAKDOWN)
    candidates = [
        f
        for f in earlier
        if (anywhere or f["char_start"] - f["sentence_start"] < at)
        and f["unit"] == part["unit"]
        and f["parent_figure_id"] is None
        and f["basis"] != "change"
    ]
    if not candidates or candidates[-1]["value"] < part["value"]:
        return None
    return candidates[-1]
