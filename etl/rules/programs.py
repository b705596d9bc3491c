"""A figure's programme (data/catalog/programs.csv): the one its own clause names, else one an
earlier clause or its short paragraph named, when its clause goes on with that topic (topics.py)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.alternations import factored
from etl.catalog.gates import NEVER, top_level_alternatives
from etl.records import Around, Mention, Sentence
from etl.rules.topics import ACTION, ELIDED, OPENS, goes_on, names_its_own, new_doing
from etl.text.characters import CLAUSE_BREAKS, CLAUSE_ENDS, LIST_MARK

DIGIT = re.compile(r"\d")
CLAUSE_END = re.compile(f"[{CLAUSE_BREAKS}]")  # the end of a figure's clause
ANY_CLAUSE_END = re.compile(f"[{CLAUSE_ENDS}]")  # a clause's end, a sentence's too
LIST_WORDS = (LIST_MARK, "等")  # 客运总站、棚户区改造、污水处理厂二期等: the items of a list
ITEM_BOUNDARY = re.compile(f"[{''.join(LIST_WORDS)}]")
PARAGRAPH_SCOPE = 400  # characters: a paragraph this short is about one thing
UNREAD = object()  # a sentence whose paragraph was not read yet


class ProgramIndex(NamedTuple):
    """All programme patterns as one alternation (its literal names as a prefix tree:
    alternations.factored), and the rank of each matched text.

    Named groups per programme would tell directly which one matched, but they
    make re try every alternative at every character. The programme of a match
    is the first whose own pattern matches it whole.
    """

    pattern: re.Pattern
    ranks: dict[str, int]


def program_index(catalog: Catalog) -> ProgramIndex:
    alternatives = [a for p in catalog.programs for a in top_level_alternatives(p.pattern.pattern)]
    return ProgramIndex(re.compile(factored(alternatives) or NEVER), {})


class ProgramFinder:
    """Programme names looked up per sentence, scanning only the text a figure can draw on.

    A figure's programme is named in its own sentence or its short paragraph;
    each sentence and paragraph is scanned once.
    """

    def __init__(self, text: str, catalog: Catalog):
        self.text = text
        self.catalog = catalog
        self.index = catalog.compiled(program_index)
        self.no_programme = len(catalog.programs)  # the rank of a text that names none
        self.in_sentence: dict[int, tuple[list[int], list[int]]] = {}  # by sentence: hit starts, ranks
        self.in_paragraph: dict[int, tuple[str, int] | None] = {}  # by sentence: programme, where last named
        self.paragraph_hits: dict[int, list[tuple[int, int]]] = {}  # by paragraph start: (start, rank) not in a list
        # The last figure (no rate): where it stands (offset, sentence, clause) and its programme.
        self.topic: tuple[tuple[int, int, int], str | None] = ((-1, -1, -1), None)
        self.at: tuple[int, int, int] = (-1, -1, -1)  # where the figure in hand stands
        self.subject_of_its_own: tuple[int, int] = (-1, -1)  # offset and sentence of the last figure of no programme

    def _rank(self, matched: str) -> int:
        rank = self.index.ranks.get(matched)
        if rank is None:
            programs = self.catalog.programs
            rank = next((i for i, p in enumerate(programs) if p.pattern.fullmatch(matched)), self.no_programme)
            self.index.ranks[matched] = rank
        return rank

    def _hits(self, start: int, end: int) -> tuple[list[int], list[int]]:
        starts, ranks = [], []
        # Most sentences name no programme: one search says so, without finditer's scanner and iterator;
        # a sentence that names one is read on from its first name.
        first = self.index.pattern.search(self.text, start, end)
        if first is None:
            return starts, ranks
        for match in self.index.pattern.finditer(self.text, first.start(), end):
            starts.append(match.start())
            ranks.append(self._rank(match.group()))
        return starts, ranks

    def _program(self, rank: int) -> str | None:
        return self.catalog.programs[rank].program_id if rank < self.no_programme else None

    def of(self, sentence: Sentence, mention: Mention, around: Around, label: str) -> str | None:
        """The programme its own clause names before it, else one named in an earlier clause of its
        sentence when its clause goes on with that topic (其中, 有, a total, a verb alone: topics.py),
        else one its own clause names after it, else the earlier one when a clause naming only that
        topic heads the doings after it; with no name in its sentence, the one of its short paragraph
        when its clause goes on with it, or (an amount whose `label` and clause after it name only its
        spending) the one the next clause names. A rate takes only one its own clause names.

        农村饮水安全工程使6069万农民受益，…，又有80万户农村危房得到改造，9.2万户游牧民实现了定居: the
        80万户 is housing's (its own clause), the 9.2万户 no programme's (a subject of its own).

        "…工会专项补助经费1.57亿元,对社会化工会工作者补贴1.36亿元": each amount
        belongs to the programme named just before it. A long paragraph (a
        district report prints a whole section as one) names too many things to
        speak for one figure. A rate (森林覆盖率达到23%, 贫困发生率降至0.6%) is of the subject its own
        clause names, never an amount of a programme an earlier clause or paragraph named: 推进退耕还林…，
        森林覆盖率21.6% is no figure of reforestation, 今年赤字率拟按3.2% none of the COVID response.
        """
        position = mention.char_start
        self.at = (position, sentence.index, around.clause_index)
        hits = self.in_sentence.get(sentence.index)
        if hits is None:
            hits = self.in_sentence[sentence.index] = self._hits(sentence.start, sentence.end)
        starts, ranks = hits
        here = bisect_left(starts, position)
        rate = mention.unit == "percent"
        clause_start = position - len(around.clause_before)
        if here and starts[here - 1] >= clause_start:  # named in its own clause, before it
            named_at = starts[here - 1]
            listed = LIST_MARK in self.text[named_at:position]  # named in an item before the figure's own
            if (listed and (self._own_item(around) or new_doing(around, self.catalog))) or (
                rate and self._listed_item(named_at, clause_start, position)
            ):
                return self._passed(position, None, rate)
            return self._passed(position, self._program(ranks[here - 1]), rate)
        if not ranks:
            return None if rate else self._passed(position, self._from_paragraph(sentence, mention, around), rate)
        # Named after it: only within its own clause (安排资金100亿元用于脱贫攻坚, 1.2万户农村危房); a
        # later clause speaks of something else (总额4万亿元的两年投资计划，…结构性减税).
        clause_end = CLAUSE_END.search(self.text, position, sentence.end)
        end = clause_end.start() if clause_end else sentence.end
        own = [rank for start, rank in zip(starts[here:], ranks[here:], strict=True) if start < end]
        if rate:
            return self._program(min(own)) if own else None
        if here:  # named in an earlier clause only: carried when this clause goes on with that topic
            named_at, rank = starts[here - 1], ranks[here - 1]
            going_on = goes_on(mention, around, self.catalog)
            topic = self._is_topic(named_at, sentence)
            if going_on == OPENS:
                return self._passed(position, self._carried(named_at, self._program(rank)), rate)
            if own:
                return self._passed(position, self._program(min(own)), rate)
            if going_on == ELIDED:
                return self._passed(
                    position, self._program(rank) if topic else self._carried(named_at, self._program(rank)), rate
                )
            return self._passed(position, self._program(rank) if going_on == ACTION and topic else None, rate)
        if own:
            return self._passed(position, self._program(min(own)), rate)
        if len(label) > 2 or around.clause_after.strip():
            return self._passed(position, None, rate)
        # 投资1260万元，完成5个村的饮水安全工程: an amount that names only its spending (a label of
        # two characters, nothing after it) is for what the next clause names, when that is one thing:
        # 危房改造、饮水安全、街巷硬化 are several; 1.8万户、189万平方米棚改任务 are one, counted two ways.
        after = CLAUSE_END.search(self.text, end + 1, sentence.end)
        next_end = after.start() if after else sentence.end
        named = {rank for start, rank in zip(starts, ranks, strict=True) if end < start < next_end}
        items = self.text[end + 1 : next_end].split(LIST_MARK)
        one = len(named) == 1 and (len(items) == 1 or all(DIGIT.search(item) for item in items))
        return self._passed(position, self._program(named.pop()) if one else None, rate)

    def _passed(self, position: int, program: str | None, rate: bool) -> str | None:
        """`program`, as the topic the figure in hand passes on to the clause after it (a rate passes
        on none: it is of its own clause's subject)."""
        if not rate:
            self.topic = (self.at, program)
            if program is None:
                self.subject_of_its_own = self.at[:2]
        return program

    def _carried(self, named_at: int, program: str | None) -> str | None:
        """The topic a later clause goes on with: the programme named at `named_at`, unless a figure
        since then, in the clause just before, named its own subject (又有80万户农村危房得到改造，9.2万户
        游牧民…: the 游牧民 are no programme's; 全省经营主体达1163.7万户，其中企业410.1万户: nor is a
        part of them; 参加失业保险人数24918万人，增加329万人: nor is the rise)."""
        (passed_at, passed_sentence, passed_clause), passed = self.topic
        _, sentence, clause = self.at
        next_to = (passed_sentence == sentence and clause - passed_clause <= 1) or (
            passed_sentence == sentence - 1 and clause == 0
        )
        if passed_at > named_at and next_to:
            return passed
        return None if self._subject_between(named_at, passed_at) else program

    def _subject_between(self, named_at: int, passed_at: int) -> bool:
        """Whether a clause between the name and the figure in hand, after the last figure, counts a
        subject of its own (…医疗保险…，参加失业保险人数1.2万人，增加600人: a count no figure was made of)."""
        position = self.at[0]
        start = max(named_at, passed_at + 1)
        clauses = ANY_CLAUSE_END.split(self.text[start:position])[1:-1]  # whole clauses only, not the figure's own
        return any(names_its_own(clause, self.catalog) for clause in clauses)

    @staticmethod
    def _own_item(around: Around) -> bool:
        """投资12.4亿元的保障性住房、1.3亿元的供水主管网改造: an amount opening its own list item, of the
        thing after 的, is of that thing, not of the one an item before it named."""
        return not around.phrase.strip() and around.clause_after.startswith("的")

    def _listed_item(self, named_at: int, start: int, end: int) -> bool:
        """保障性住房、农村民生工程、社会事业投资占44%: a name that is one item of a list of several things
        (a 、 or 等 after it before any number, up to `end`; or a 、 before it, from `start`) names no one
        subject (学生资助补助经费安排809.45亿元、增长11.5%: that 、 parts two figures)."""
        after = ITEM_BOUNDARY.search(self.text, named_at, end)
        if after and not DIGIT.search(self.text, named_at, after.start()):
            return True
        before = [m for m in ITEM_BOUNDARY.finditer(self.text, start, named_at)]
        return (
            bool(before) and before[-1].group() == LIST_MARK and not DIGIT.search(self.text, before[-1].end(), named_at)
        )

    def _is_topic(self, named_at: int, sentence: Sentence) -> bool:
        """Whether the name at `named_at` is the topic of its clause, and the clause a topic of the
        clauses after it: a clause of no figure (继续淘汰落后产能，全年关停小火电…), the name no item of a
        list of several things (实施了…客运总站、棚户区改造、污水处理厂二期等重大民生工程)."""
        start = max((m.end() for m in CLAUSE_END.finditer(self.text, sentence.start, named_at)), default=sentence.start)
        end_match = CLAUSE_END.search(self.text, named_at, sentence.end)
        end = end_match.start() if end_match else sentence.end
        return not DIGIT.search(self.text, start, end) and not self._listed_item(named_at, start, end)

    def _from_paragraph(self, sentence: Sentence, mention: Mention, around: Around) -> str | None:
        """The programme of the short paragraph, for a figure whose clause goes on with its topic."""
        named = self._paragraph_program(sentence)
        if named is None or goes_on(mention, around, self.catalog) not in (OPENS, ELIDED):
            return None
        program, named_at = named
        # 新建10家平价蔬菜超市…。…，2411名受灾群众…: a sentence since the name, of a subject of its own, ends the topic
        broken_at, broken_in = self.subject_of_its_own
        return None if broken_at > named_at and broken_in < sentence.index else self._carried(named_at, program)

    def _paragraph_program(self, sentence: Sentence) -> tuple[str, int] | None:
        named = self.in_paragraph.get(sentence.index, UNREAD)
        if named is UNREAD:
            named = self.in_paragraph[sentence.index] = self._in_paragraph(sentence)
        return named

    def named_in(self, label: str) -> str | None:
        """The programme a figure's own words name (城镇低保标准提高: 低保), else None."""
        match = self.index.pattern.search(label)
        return self._program(self._rank(match.group())) if match else None

    def _in_paragraph(self, sentence: Sentence) -> tuple[str, int] | None:
        """The one programme named in the short paragraph before the figure's sentence (its heading
        or an earlier sentence): never one named only in a later sentence, nor one named as an item
        of a list of several things (…现代物流、旅游、棚户区改造…等领域的投资), nor any when two are named."""
        # Its ends are looked for no further than a short paragraph reaches: a line with no
        # break (a 19 MB one) is no short paragraph, and is not read whole once per sentence.
        floor = max(0, sentence.start - PARAGRAPH_SCOPE)
        paragraph_start = self.text.rfind("\n", floor, sentence.start) + 1
        if paragraph_start == sentence.start or (paragraph_start == 0 and floor > 0):
            return None
        paragraph_end = self.text.find("\n", sentence.end, paragraph_start + PARAGRAPH_SCOPE + 1)
        paragraph_end = paragraph_end if paragraph_end >= 0 else len(self.text)
        if paragraph_end - paragraph_start > PARAGRAPH_SCOPE:
            return None
        hits = self.paragraph_hits.get(paragraph_start)
        if hits is None:  # a paragraph is read once, whatever the number of its sentences
            starts, ranks = self._hits(paragraph_start, paragraph_end)
            hits = [(s, r) for s, r in zip(starts, ranks, strict=True) if not self._listed(s, paragraph_start)]
            self.paragraph_hits[paragraph_start] = hits
        named = {rank for start, rank in hits if start < sentence.start}
        if len(named) != 1:
            return None
        return self._program(named.pop()), max(start for start, _ in hits if start < sentence.start)

    def _listed(self, position: int, floor: int) -> bool:
        """Whether the name at `position` stands in a clause that lists several things (、)."""
        before = CLAUSE_END.search(self.text[floor:position][::-1])
        start = position - before.start() if before else floor
        # The clause goes on to the next clause end, which may stand far on (a 。 ends none): the first
        # 、 from its start is found by str.find, and the clause end looked for only up to it.
        mark = self.text.find(LIST_MARK, start)
        return mark >= 0 and (mark < position or CLAUSE_END.search(self.text, position, mark) is None)
