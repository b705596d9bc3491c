"""A date stated once, carried to the statement after it.

    截至2025年12月底，全省基本养老保险参保人数达到4628万人；失业保险、工伤保险参保人数分别为726万人、835万人
        the 726万人 and 835万人 are as of that day too: a statement after a ； goes on with the one before
    年末全市常住人口520万人。其中，城镇人口312.4万人
        a part of a whole that is dated is dated
    年末全市参加城镇职工基本养老保险人数182.64万人。参加失业保险人数96.3万人
        a statement of its paragraph opening as the dated one did (参加…) and counting what it counted
        goes on with it (规模以上工业企业19326家。规模以上工业企业实现营业收入4.52万亿元 does not)

Not a statement of a flow over the whole year (年末…；全年新增…: whole_year_word of words.csv), nor a
goal, nor a figure of another year. classify.py asks it of every figure with no date of its own.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from etl.catalog import Catalog
from etl.records import Context, Sentence, When
from etl.rules.bases import CHANGE
from etl.rules.period_words import period_rules
from etl.text.characters import SEMICOLONS, SENTENCE_STOPS

YEAR_MARK = "年"  # a figure whose words hold none names no year of its own
YUAN = "yuan"  # the unit of money
GAP = 4  # characters looked back past the end of the sentence before (spaces, a closing quote)
OPENING = 2  # characters of a statement's opening compared, past the date and the whole it names: 参加


class Dated(NamedTuple):
    """The date of the last statement that had one: its sentence, the date, whether it was carried, and
    how its sentence opened (opening), and the units its sentence's dated figures counted."""

    index: int
    as_of: date
    carried: bool
    opening: str
    units: frozenset[str]


def carried(
    timing: When,
    before: str,
    sentence: Sentence,
    text: str,
    dated: Dated | None,
    catalog: Catalog,
    context: Context | None,
    unit: str,
) -> When:
    """`timing` with the date of the statement before, where the figure's sentence goes on with it; and
    its year, when the figure's years are its sentence's `context`'s and its words name none (no 年):
    截至2024年底，全省工会会员达到1120万人；全省基层工会组织达到16.8万个, in a release of 2025."""
    if dated is None or timing.as_of is not None or timing.is_target:
        return timing
    own = context is None or timing[:2] != context[:2] or YEAR_MARK in before  # its words may name its years
    if timing.period_end != dated.as_of.year and (own or timing.period_start != timing.period_end):
        return timing
    if not (dated.index == sentence.index - 1 or (dated.index == sentence.index and dated.carried)):
        return timing
    gap = text[max(0, sentence.start - GAP) : sentence.start]
    follows = gap.rstrip()[-1:]
    if not (
        follows in SEMICOLONS
        or before.startswith(catalog.words["breakdown_opener"])
        or (follows in SENTENCE_STOPS and "\n" not in gap and parallel(sentence, dated, unit, catalog))
    ):
        return timing
    last = next(reversed(list(catalog.compiled(period_rules).year_clauses.finditer(before))), None)
    if last is not None and last.group("flow"):
        return timing  # 年末…；全年新增就业…: a flow over the year
    if timing.period_end == dated.as_of.year:
        return timing._replace(as_of=dated.as_of)
    return When(dated.as_of.year, dated.as_of.year, False, dated.as_of)  # the year of the day carried


def parallel(sentence: Sentence, dated: Dated, unit: str, catalog: Catalog) -> bool:
    """Whether a sentence of the dated one's paragraph goes on with it: it counts what the dated figure
    counted and opens as its sentence did (参加…人数 after 年末全市参加…人数)."""
    return unit in dated.units and dated.opening == opening(sentence.text, catalog)


def opening(text: str, catalog: Catalog) -> str:
    """The first characters of a statement past a year's end and the whole it names (年末全市参加… ->
    参加), which a parallel statement after it opens with; "" when the text is shorter."""
    for words in (catalog.words["year_end_opener"], catalog.words["whole_opener"]):
        if text.startswith(words):
            text = text[max(len(word) for word in words if text.startswith(word)) :]
    return text[:OPENING] if len(text) > OPENING else ""


def dated_after(
    timing: When, sentence: Sentence, was: date | None, catalog: Catalog, unit: str, last: Dated | None, earlier=()
) -> Dated | None:
    """What the next figure may carry: the date of this one (`was`: its own, before carrying), none after a
    figure with none (年末生猪存栏…，全年生猪出栏…；家禽出栏2860万只: the statement ended with a flow), nor
    after a date a statement did not open with, which dates its own clause only (发放养老金4516万元，截至
    2024年5月底已追回3962万元；6个市…基金结余5.4亿元: the levels before it in its sentence had none)."""
    if timing.as_of is None or timing.is_target:
        return None
    if any(figure.as_of != timing.as_of and figure.basis != CHANGE for figure in earlier):  # a change has none
        return None
    units = last.units | {unit} if last is not None and last.index == sentence.index else frozenset((unit,))
    return Dated(sentence.index, timing.as_of, was is None, opening(sentence.text, catalog), units)


def undated_per_head(timing: When, per_head: bool, unit: str) -> When:
    """截至9月底，…人均获得互助金约1300元; 低保标准提高到每人每月860元: an amount of money per head is a
    rate or a standard, no stock standing on a day (每万人发明专利拥有量12.6件, a stock per head, keeps it)."""
    return timing._replace(as_of=None) if per_head and unit == YUAN and timing.as_of is not None else timing


def undated_change(timing: When, change: bool, clause: str, catalog: Catalog) -> When:
    """A change has no date (截至2020年底，…8.5万个，比上年增长35.6%: a growth over the year), unless it is
    measured from a dated level (words.csv's dated_base: 比上年末增加1257万辆 is as of the year's end)."""
    if not change or timing.as_of is None or any(word in clause for word in catalog.words["dated_base"]):
        return timing
    return timing._replace(as_of=None)
