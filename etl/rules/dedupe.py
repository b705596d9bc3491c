"""Figures to facts: a fact the document states more than once is one row.

Newspaper layouts repeat paragraphs; a fact is identified by what it says
(identity.FACT), not by where it stands. The first statement keeps its
offsets; `mentions` counts them all.

A report also restates a precise amount under a shorter or longer name
(本级支出40720.18亿元 … 中央一般公共预算本级支出40720.18亿元): an amount of at
least five significant digits, in one unit, basis, qualifier and period, whose
label ends with the other's, is one fact. Without the label's agreement the
same number is two facts: a budget's 收入总量 equals its 支出 by construction.

A news report's headline may run into its first line (it ends with no stop, and
normalize.py joins the next line to it unless that is more than twice as long), so the figure the
headline names and the body restates stand in one sentence: a figure
in the unbroken opening of the document's first sentence, with a long run of
words after it before the first clause break (the headline, then the body's
opening words), is the same fact as a later figure of that sentence, past a
clause break, that says the same (value, measure, qualifier, basis, timing; not the
unit and category, which the headline's count may read off the body's first words
run into it). The body's statement stands for both. A short opening clause
(国内生产总值增长6%，…增长6%) is no headline, and two equal figures of one
unbroken clause are a list (新增就业2万人和转移就业2万人), two facts.

A later news item's headline, a short line with no stop, is restated by the first figure of the prose
after it that says the same, within LEAD_REACH characters (a page of several items, each headline over
its date, its source and its lead: 农民工服务月服务农民工4.6万人次 … 全市各级工会共服务农民工4.6万人次).

A count after 的 refers back to what an earlier statement counted (全市新建职工驿站120个。全年
新建的120个职工驿站全部投入使用): when an earlier figure says the same (value, unit, measure,
category, qualifier, basis, timing) of the noun that follows this one, it is that fact.
"""

from __future__ import annotations

from collections import Counter
from operator import attrgetter

from etl.records import Figure
from etl.rules.qualifiers import EXACT
from etl.text.characters import CLAUSE_BREAKS, SENTENCE_STOPS

REFERS = "的"  # 全年新建的120个职工驿站: a count after 的 refers to the ones an earlier statement counted
NAME_LENGTHS = (2, 3, 4)  # the characters of a noun's end or start that must agree: 驿站, 职工驿站
PRECISE_DIGITS = 5  # significant digits from which one value in one report is one fact
# Below this, a value of one decimal at most (12.6, 300) has fewer than PRECISE_DIGITS significant digits.
SHORT_BELOW = 10 ** (PRECISE_DIGITS - 2)
HEADLINE_RUN = 6  # characters at least between a headline's figure and the first clause break
LEAD_REACH = 600  # characters from the start in which a news item's lead restates its headline
TITLE_LENGTH = 60  # characters at most of a line with no stop that titles the text after it
ENDS_A_STATEMENT = SENTENCE_STOPS + CLAUSE_BREAKS  # a piece of a sentence split at ； is no title


def deduplicate(figures: list[Figure]) -> list[Figure]:
    """One figure per fact, in order of first statement, with mentions counted.

    A figure's id is a hash of its document and what it says (identity.figure_id),
    so the statements of one fact share an id, and a part's parent id names the
    fact whichever statement of the whole it was read beside.
    """
    first: dict[str, Figure] = {}
    counts: dict[str, int] = {}
    same_as: dict[str, str] = {}  # the id of a restatement -> the id of the fact's first statement
    precise: dict[tuple, list[tuple[str, str]]] = {}  # key -> (label, id) of its statements so far
    headlines = _headline_restatements(figures)  # a headline's figure (its place) -> the body's figure id
    headlines.update(_later_titles(figures, headlines))
    pending = Counter(headlines.values())  # mentions the headlines add to the body's statements
    # A headline's figure often says what the body's does word for word: then both have one id, and
    # only the headline's place tells them apart.
    same_as.update((figures[at].figure_id, body) for at, body in headlines.items() if figures[at].figure_id != body)
    for at, figure in enumerate(figures):
        if at in headlines:
            continue  # counted with the body's statement
        figure_id = same_as.get(figure.figure_id, figure.figure_id)
        key = _precise_key(figure)
        if figure_id not in first and key is not None:
            restated = next((i for label, i in precise.get(key, ()) if _same_name(label, figure.label)), None)
            if restated is not None:
                figure_id = same_as[figure.figure_id] = restated
        if figure_id not in first and figure.sentence.endswith(REFERS, 0, figure.char_start - figure.sentence_start):
            said, names, value = _said(figure), _names_after(figure), figure.value
            found = (i for i, e in first.items() if e.value == value and _said(e) == said and names & _names(e))
            restated = next(found, None)
            if restated is not None:
                figure_id = same_as[figure.figure_id] = restated
        if figure_id in first:
            counts[figure_id] += 1
        else:
            first[figure_id] = figure
            counts[figure_id] = 1 + pending.pop(figure_id, 0) if pending else 1
            if key is not None:
                precise.setdefault(key, []).append((figure.label, figure_id))
    return [_renamed(figure, counts[figure_id], same_as) for figure_id, figure in first.items()]


def _headline_restatements(figures: list[Figure]) -> dict[int, str]:
    """The figures of a headline run into the document's first sentence, each (its place in
    `figures`) with the id of the later figure of that sentence that states the same
    (全市工会发放助学金1200万元本报讯…今年以来，全市工会共发放助学金1200万元)."""
    places = [at for at, f in enumerate(figures) if f.sentence_start == 0]
    opening = [figures[at] for at in places]
    found: dict[int, str] = {}
    if opening and opening[0].sentence[-1:] not in SENTENCE_STOPS:
        return _title_restatements(figures, places)
    for i, figure in enumerate(opening):
        start, end = figure.char_start, figure.char_end
        sentence = figure.sentence
        if any(c in CLAUSE_BREAKS for c in sentence[:start]):
            break  # past the unbroken opening
        run = sentence[end : end + HEADLINE_RUN]
        if len(run) < HEADLINE_RUN or any(c in CLAUSE_BREAKS for c in run):
            continue  # a short clause ends here: no headline
        said = _said_in_headline(figure)
        body = next(
            (f for f in opening[i + 1 :] if _past_a_break(sentence, end, f) and _said_in_headline(f) == said), None
        )
        if body is not None:
            found[places[i]] = body.figure_id
    return found


def _title_restatements(figures: list[Figure], places: list[int]) -> dict[int, str]:
    """A headline on a line of its own (the first sentence, ending with no stop): each of its figures is
    the first figure of the lead after it that says the same (…投入1.2亿元慰问一线职工 惠及30万人次\n…本报讯
    …已投入资金1.2亿元…), within the lead's first LEAD_REACH characters."""
    found: dict[int, str] = {}
    body = figures[places[-1] + 1 :]
    for at in places:
        headline = figures[at]
        said = _said_in_headline(headline)
        same = next(
            (
                f
                for f in body
                if f.char_start < LEAD_REACH and _said_in_headline(f) == said and _headline_says_less(headline, f)
            ),
            None,
        )
        if same is not None:
            found[at] = same.figure_id
    return found


def _later_titles(figures: list[Figure], first: dict[int, str]) -> dict[int, str]:
    """Each later news item's headline, a short line with no stop (not the document's first sentence, nor a
    table's row, whose cells are bare numbers): each of its figures is the first figure of the prose after
    it, within LEAD_REACH characters of its end, that says the same (农民工服务月服务农民工4.6万人次\n
    2025-11-08 来源:…\n本报讯…全市各级工会共服务农民工4.6万人次。)."""
    found: dict[int, str] = {}
    # most figures stand in a sentence that ends with a stop: one pass sets them aside
    lines = [at for at, figure in enumerate(figures) if figure.sentence[-1:] not in ENDS_A_STATEMENT]
    for at in lines:
        headline = figures[at]
        if (
            headline.sentence_start == 0
            or at in first
            or len(headline.sentence) > TITLE_LENGTH
            or headline.surface.replace(",", "").replace(".", "").isdigit()
        ):
            continue
        said, reach = _said_in_headline(headline), headline.sentence_end + LEAD_REACH
        for later in figures[at + 1 :]:
            if later.char_start > reach:
                break
            if (
                later.sentence_start >= headline.sentence_end
                and later.sentence[-1:] in SENTENCE_STOPS
                and _said_in_headline(later) == said
                and _headline_says_less(headline, later)
            ):
                found[at] = later.figure_id
                break
    return found


def _headline_says_less(headline: Figure, lead: Figure) -> bool:
    """A headline's figure may leave out the lead's bound and basis (12.6万名 for 累计…入会12.6万名), not
    state others."""
    return headline.qualifier in (lead.qualifier, EXACT) and headline.basis in (lead.basis, None)


def _past_a_break(sentence: str, end: int, later: Figure) -> bool:
    """Whether `later` stands past a clause break after `end`: the body, not an item of the same list."""
    return later.char_start > end and any(c in CLAUSE_BREAKS for c in sentence[end : later.char_start])


SAID = ("value", "unit", "measure", "category", "qualifier", "basis", "is_target", "period_start", "period_end")
_said = attrgetter(*SAID)  # what a figure says: two statements of one fact say the same
# What a headline's figure must say to be the body's: all but the unit and category, which the headline's
# count reads off the body's first words run into it (全市新建职工驿站85个本报讯…: no noun after 85个 is what
# it counts); the measure word still says what kind of count it is. Its qualifier and basis: _headline_says_less.
_said_in_headline = attrgetter(*(name for name in SAID if name not in ("unit", "category", "qualifier", "basis")))


def _precise_key(figure: Figure) -> tuple | None:
    value = abs(figure.value)
    if (value < SHORT_BELOW and (value * 10).is_integer()) or len(
        f"{value:.12g}".replace(".", "").strip("0")
    ) < PRECISE_DIGITS:  # most values: short ones, told by arithmetic before they are written out
        return None
    return (
        figure.value,
        figure.unit,
        figure.basis,
        figure.qualifier,
        figure.is_target,
        figure.period_start,
        figure.period_end,
    )


def _names(figure: Figure) -> frozenset[str]:
    """The ends of the noun a count names before it (新建职工驿站120个: 驿站, 职工驿站 …) and the
    starts of the one after it (建成120个职工驿站), two to four characters each."""
    label = figure.label
    return frozenset(label[-n:] for n in NAME_LENGTHS if len(label) >= n) | _names_after(figure)


def _names_after(figure: Figure) -> frozenset[str]:
    """The starts of the noun after a count (新建的120个职工驿站): two to four characters."""
    after = figure.sentence[figure.char_end - figure.sentence_start :]
    return frozenset(after[:n] for n in NAME_LENGTHS if len(after) >= n and after[:n].isalpha())


def _same_name(a: str, b: str) -> bool:
    """本级支出 and 中央一般公共预算本级支出 name one thing; 对地方转移支付 and …转移支付收入 do not."""
    return bool(a and b) and (a.endswith(b) or b.endswith(a))


def _renamed(figure: Figure, mentions: int, same_as: dict[str, str]) -> Figure:
    """The figure with its mentions counted and its links pointing at facts' first statements."""
    parent = same_as.get(figure.parent_figure_id, figure.parent_figure_id)
    subset = same_as.get(figure.subset_of_figure_id, figure.subset_of_figure_id)
    if (mentions, parent, subset) == (figure.mentions, figure.parent_figure_id, figure.subset_of_figure_id):
        return figure
    return figure._replace(mentions=mentions, parent_figure_id=parent, subset_of_figure_id=subset)
