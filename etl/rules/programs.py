"""A figure's programme (data/catalog/programs.csv): the one named nearest before it
in its sentence, else after it in its clause, else in its short paragraph."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import NEVER, top_level_alternatives
from etl.records import Around, Mention, Sentence
from etl.text.characters import CLAUSE_BREAKS, LIST_MARK

DIGIT = re.compile(r"\d")
CLAUSE_END = re.compile(f"[{CLAUSE_BREAKS}]")  # the end of a figure's clause
PARAGRAPH_SCOPE = 400  # characters: a paragraph this short is about one thing


class ProgramIndex(NamedTuple):
    """All programme patterns as one flat alternation, and the rank of each matched text.

    Named groups per programme would tell directly which one matched, but they
    make re try every alternative at every character. The programme of a match
    is the first whose own pattern matches it whole.
    """

    pattern: re.Pattern
    ranks: dict[str, int]


def program_index(catalog: Catalog) -> ProgramIndex:
    alternatives = [a for p in catalog.programs for a in top_level_alternatives(p.pattern.pattern)]
    return ProgramIndex(re.compile("|".join(alternatives) or NEVER), {})


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
        self.in_paragraph: dict[int, str | None] = {}  # the same, by sentence
        self.paragraph_hits: dict[int, list[tuple[int, int]]] = {}  # by paragraph start: (start, rank) not in a list

    def _rank(self, matched: str) -> int:
        rank = self.index.ranks.get(matched)
        if rank is None:
            programs = self.catalog.programs
            rank = next((i for i, p in enumerate(programs) if p.pattern.fullmatch(matched)), self.no_programme)
            self.index.ranks[matched] = rank
        return rank

    def _hits(self, start: int, end: int) -> tuple[list[int], list[int]]:
        starts, ranks = [], []
        for match in self.index.pattern.finditer(self.text, start, end):
            starts.append(match.start())
            ranks.append(self._rank(match.group()))
        return starts, ranks

    def _program(self, rank: int) -> str | None:
        return self.catalog.programs[rank].program_id if rank < self.no_programme else None

    def of(self, sentence: Sentence, mention: Mention, around: Around, label: str) -> str | None:
        """The programme named nearest before the mention in its sentence, else after it in its clause
        (an amount whose `label` and clause after it name only its spending: in the next clause), else
        earlier in a short paragraph; a rate takes only one its own clause names.

        "…工会专项补助经费1.57亿元,对社会化工会工作者补贴1.36亿元": each amount
        belongs to the programme named just before it. A long paragraph (a
        district report prints a whole section as one) names too many things to
        speak for one figure. A rate (森林覆盖率达到23%, 贫困发生率降至0.6%) is of the subject its own
        clause names, never an amount of a programme an earlier clause or paragraph named: 推进退耕还林…，
        森林覆盖率21.6% is no figure of reforestation, 今年赤字率拟按3.2% none of the COVID response.
        """
        position = mention.char_start
        hits = self.in_sentence.get(sentence.index)
        if hits is None:
            hits = self.in_sentence[sentence.index] = self._hits(sentence.start, sentence.end)
        starts, ranks = hits
        here = bisect_left(starts, position)
        rate = mention.unit == "percent"
        if here and not rate:
            return self._program(ranks[here - 1])
        if here and starts[here - 1] >= position - len(around.clause_before):  # in the rate's own clause
            return self._program(ranks[here - 1])
        if not ranks:
            return None if rate else self._paragraph_program(sentence)
        # Named after it: only within its own clause (安排资金100亿元用于脱贫攻坚, 1.2万户农村危房); a
        # later clause speaks of something else (总额4万亿元的两年投资计划，…结构性减税).
        clause_end = CLAUSE_END.search(self.text, position, sentence.end)
        end = clause_end.start() if clause_end else sentence.end
        own = [rank for start, rank in zip(starts[here:], ranks[here:], strict=True) if start < end]
        if own or rate:
            return self._program(min(own)) if own else None
        if len(label) > 2 or around.clause_after.strip():
            return None
        # 投资1260万元，完成5个村的饮水安全工程: an amount that names only its spending (a label of
        # two characters, nothing after it) is for what the next clause names, when that is one thing:
        # 危房改造、饮水安全、街巷硬化 are several; 1.8万户、189万平方米棚改任务 are one, counted two ways.
        after = CLAUSE_END.search(self.text, end + 1, sentence.end)
        next_end = after.start() if after else sentence.end
        named = {rank for start, rank in zip(starts, ranks, strict=True) if end < start < next_end}
        items = self.text[end + 1 : next_end].split(LIST_MARK)
        one = len(named) == 1 and (len(items) == 1 or all(DIGIT.search(item) for item in items))
        return self._program(named.pop()) if one else None

    def _paragraph_program(self, sentence: Sentence) -> str | None:
        if sentence.index not in self.in_paragraph:
            self.in_paragraph[sentence.index] = self._in_paragraph(sentence)
        return self.in_paragraph[sentence.index]

    def named_in(self, label: str) -> str | None:
        """The programme a figure's own words name (城镇低保标准提高: 低保), else None."""
        match = self.index.pattern.search(label)
        return self._program(self._rank(match.group())) if match else None

    def _in_paragraph(self, sentence: Sentence) -> str | None:
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
        return self._program(named.pop()) if len(named) == 1 else None

    def _listed(self, position: int, floor: int) -> bool:
        """Whether the name at `position` stands in a clause that lists several things (、)."""
        before = CLAUSE_END.search(self.text[floor:position][::-1])
        start = position - before.start() if before else floor
        after = CLAUSE_END.search(self.text, position)
        return LIST_MARK in self.text[start : after.start() if after else len(self.text)]
