"""分别: the figures of a list count, in order, the subjects its label names.

二氧化硫、氮氧化物排放量分别下降5.6%和4% gives 二氧化硫排放量下降 5.6% and 氮氧化物排放量下降 4%.
A Respective lives for one classify() call and holds what one 分别 list leaves for the next: the
labels of the list in hand and the subjects of the last list, which a list naming only a verb takes.
"""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.records import Around, Figure, Mention, Tie
from etl.rules.labels import LIMIT, LabelRules, needs_subject, own_label, verb_of_unnamed
from etl.rules.metrics import MetricFinder
from etl.rules.ties import listed_subjects
from etl.text.characters import CLAUSE_BREAKS, LIST_MARK

APART = re.compile(f"[{CLAUSE_BREAKS}{LIST_MARK}]")  # between two figures of their own clauses or list items


class Respective:
    """The labels of 分别 lists, one list at a time."""

    __slots__ = ("catalog", "listed", "metrics", "rules", "shared_heads", "split")

    def __init__(self, catalog: Catalog, rules: LabelRules, metrics: MetricFinder):
        self.catalog = catalog
        self.rules = rules  # the words a label is cut from (labels.label_rules)
        self.metrics = metrics  # each listed subject finds the metric of its own label
        self.shared_heads = catalog.words["shared_head"]  # 居民人均可支配收入: a noun listed subjects share
        self.split: list[str] | None = None  # one subject per figure of the list in hand, if named
        self.listed: tuple[int, tuple[str, ...]] | None = None  # the last list's sentence index and subjects

    def labels(
        self,
        i: int,
        mention: Mention,
        around: Around,
        link: Tie,
        label: str,
        metric: str | None,
        base: str | None,
        in_sentence: dict[int, list[Figure]],
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
            self.split = self.listed_labels(label, link.group_size, around.sentence.index)
            if self.split is None:
                self.split = self.subjects_before(around, link.group_size, in_sentence)
        if self.split is None:
            return label, metric
        label = self.split[i - link.group_start]
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

    def subjects_before(self, around: Around, size: int, in_sentence: dict[int, list[Figure]]) -> list[str] | None:
        """城镇居民人均可支配收入17175元，农村居民人均纯收入5153元，实际增长9.8%和8.5%: a list in a clause
        of its own naming only a verb takes, in order, the subjects of as many figures just before it,
        each with a subject of its own; else None (the list keeps the subject it borrowed)."""
        own = own_label(around.phrase, around.clause_before, self.rules)
        verb = own if needs_subject(own, self.rules) else verb_of_unnamed(own, self.rules)
        verb = self.rules.compared_with.sub("", verb or "")
        before = in_sentence.get(around.sentence.index, [])[-size:]
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
