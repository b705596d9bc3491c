"""Who speaks a sentence: who reports it (人社部新闻发言人介绍，2024年，…), or a transcript's speaker whose turn it
opens (【记者】…, 【厅长】…, 李建平：2023年，…). The marks are found by str.find, rare as they are in a report, and
mapped to the sentences they open; structure.sentence_contexts reads them."""

from __future__ import annotations

from bisect import bisect_left

from etl.text.characters import SENTENCE_STOPS, SPEAKER_OPEN

COLON = ":"  # after a speaker's name; normalize's NFKC reads the full-width ： so
NAME_LENGTHS = (2, 3, 4)  # characters of a speaker's name before the colon: 王林, 李建平, 欧阳明华
SENTENCE_ENDS = "\n" + SENTENCE_STOPS  # what may stand right before a sentence that opens with a name


def starting_at(starts: list[int], at: int) -> int | None:
    """The index of the sentence (by its start offsets, in order) that starts at the offset `at`, if one does."""
    index = bisect_left(starts, at)
    return index if index < len(starts) and starts[index] == at else None


def speaker_turns(text: str, starts: list[int], named: set[int]) -> set[int]:
    """The sentences that open a transcript's turn (【记者】…, and `named`'s 李建平：…), where what the speaker
    before opened (下一步，…力争2026年) ends."""
    found = set(named)
    at = text.find(SPEAKER_OPEN)
    while at >= 0:
        found.add(starting_at(starts, at))
        at = text.find(SPEAKER_OPEN, at + 1)
    return found - {None}


def named_speakers(text: str, starts: list[int]) -> set[int]:
    """The sentences opening with a name of two to four letters and a colon: 李建平：…"""
    found = set()
    at = text.find(COLON)
    while at >= 0:
        opened = (
            starting_at(starts, at - k)
            for k in NAME_LENGTHS
            if k <= at and (k == at or text[at - k - 1] in SENTENCE_ENDS) and text[at - k : at].isalpha()
        )  # a sentence starts at the name: after a line's or a sentence's end (most colons are not there)
        found.add(next((index for index in opened if index is not None), None))
        at = text.find(COLON, at + 1)
    return found - {None}


def reported(text: str, texts: list[str], starts: list[int], rules, named: set[int]) -> set[int]:
    """The sentences that open with who reports them (a report verb and its comma: one search of the text),
    or who speaks them (`named`), and then a period phrase (人社部新闻发言人介绍，2024年，…; 李建平：2023年，…)."""
    candidates = {bisect_left(starts, verb.start() + 1) - 1 for verb in rules.report_verb.finditer(text)} | named
    found = set()
    for index in candidates - {-1}:
        lead = rules.strip.match(texts[index])  # 本报讯（记者…）11月14日，记者从…获悉，: past the dateline
        reporter = rules.reporter.match(texts[index], lead.end() if lead else 0)
        if reporter is not None and rules.any_opener.match(texts[index], reporter.end()):
            found.add(index)
    return found
