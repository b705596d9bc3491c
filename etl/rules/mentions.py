"""Normalised text to mentions: a number and its unit, in place.

A mention is kept only when the words around it make it a quantity: a measure
word (名, 家, 亿元, %), a noun that says what is counted (1230万职工), or a
magnitude (1386万). Years, dates, ordinals (第七届, 前两批), slogans ("四个意识",
八大群体), numbers inside quotes or titles and codes (〔2022〕8号, %28) are not
mentions (exclusions.py, before the unit); thresholds inside a name (百人以上企业,
超千万人次的机场), lines to call (12351职工服务热线) and the base of an exchange rate
(1美元兑) are not either, once their unit is known (the rules of not_figure_rules.csv,
not_figures.py). Where a number may start is candidates.py; the unit, units.py.
Here a candidate becomes a mention: its value, magnitude, sign, range and unit.
"""

from __future__ import annotations

import re

from etl.catalog import Catalog, load_catalog
from etl.records import Mention
from etl.rules.candidates import LONE_MAGNITUDES, ONE, approx_after, candidate_pattern, is_word
from etl.rules.exclusions import QuotedSpans, excluded_before
from etl.rules.not_figures import not_a_figure
from etl.rules.ratios import (
    RATIO_BEFORE,
    RATIO_CHANGE_REACH,
    RATIO_REACH,
    RATIO_SIGNS,
    RATIO_TERM_AFTER,
    TO_ONE,
    ratio_change_before,
)
from etl.rules.units import Unit, by_magnitude, by_noun, by_unit_word, duration_at, unit_word_at
from etl.text import characters
from etl.text.characters import LIST_MARK, MINUS_WORD, NONZERO_DIGITS, RANGE_DASHES
from etl.text.numbers import MAGNITUDES, MAX_VALUE, clean, parse_numeral, parse_percent_words, plain

MAGNITUDE_STARTS = frozenset(word[0] for word in MAGNITUDES)
# Mentions and units are made by tuple.__new__, as split_sentences makes a Sentence: a NamedTuple's
# own __new__ is a Python function, one more call per mention.
_new = tuple.__new__
# The signs as tuples of one character each: "" (the end of a text) is in no tuple, but in every string.
MINUS_SIGNS = tuple(characters.MINUS_SIGNS)  # warehouse/workers.py checks a surface with str.startswith
PERCENT_SIGNS = tuple(characters.PERCENT_SIGNS)
CURRENCY_SIGNS = tuple(characters.CURRENCY_SIGNS)
SIGN_LETTERS = 3  # letters at most of a dollar's country before its sign: HK$, US$, NT$, MOP$
TENTHS, HUNDREDTHS, HALF = "角", "分", "半"
TAILS = re.compile(
    rf"""
    (?P<jiao>\d|[{NONZERO_DIGITS}]){TENTHS}      # 50元6角: tenths of a yuan
    (?:(?P<fen>\d|[{NONZERO_DIGITS}]){HUNDREDTHS})?  # and hundredths
  | (?P<half>{HALF})                           # 十五斤半: and a half
    """,
    re.VERBOSE,
)


def _range_separators(catalog: Catalog) -> tuple[str, ...]:
    """Between a bare number and the figure that closes its range: 6-6.5%, 6至8万人, 6到8万人."""
    separators = (*RANGE_DASHES, *catalog.words["range_word"], *catalog.words["open_range_word"])
    return tuple(sorted(separators, key=len, reverse=True))


def _list_joiners(catalog: Catalog) -> tuple[str, ...]:
    """Between listed amounts: 1409万、1305万人次, 5万和6万人; and between a range's ends: 4万至5万人."""
    return (LIST_MARK, *catalog.words["coordinator"], *_range_separators(catalog))


def find_mentions(text: str, catalog: Catalog | None = None, scan: str | None = None) -> list[Mention]:
    """Every quantity mentioned in `text`, in order of position.

    The text is read through numbers.PLAIN_FORMS (萬 as 万), one character for one,
    so that offsets and surfaces are the text's own: `scan` is plain(text) when the caller has it.
    """
    catalog = catalog or load_catalog()
    scan = plain(text) if scan is None else scan
    quoted = QuotedSpans(text)
    mentions: list[Mention] = []
    pending_range: tuple[int, str, float | None, str] | None = None
    separators, joiners = catalog.compiled(_range_separators), catalog.compiled(_list_joiners)
    for match in catalog.compiled(candidate_pattern).finditer(scan):
        start, end = match.span()
        if match.group("pct") is not None:
            parsed = parse_percent_words(match.group())
            if parsed is not None and not quoted.covers(start):
                value, unit, measure = parsed
                word = scan[start : match.end("pct")]  # the percent word: `pct` holds it after its first character
                mentions.append(Mention(start, end, text[start:end], value, unit, word, measure))
            continue
        token = match.group()
        if mentions and start < mentions[-1].char_end:
            continue  # inside the figure before it (the 1 of 2.50:1)
        if excluded_before(scan, start, catalog):
            pending_range = None
            continue
        resolved = _resolve(scan, token, start, end, catalog)
        if resolved is not None and not_a_figure(scan, start, end, resolved[3], resolved[1].unit, catalog):
            resolved = None  # 1美元兑, 百人以上企业: the rules of not_figure_rules.csv (not_figures.py)
        if resolved is None:
            # "6-6.5%": a bare number before a range separator takes the
            # unit and magnitude of the number that closes the range.
            # "1.2和0.8个百分点": so does one before a list's joiner, the measure of the amount after it.
            sep = scan.startswith(separators, end) and next(s for s in separators if scan.startswith(s, end))
            if not sep and MAGNITUDE_IN_TOKEN.isdisjoint(token):
                sep = scan.startswith(joiners, end) and next(j for j in joiners if scan.startswith(j, end))
            pending_range = (start, token, parse_numeral(token), sep) if sep else None
            continue
        value, unit, magnitude, _ = resolved
        if pending_range and pending_range[2] is not None:
            p_start, p_token, p_value, p_sep = pending_range
            if scan.startswith(p_sep, p_start + len(p_token)) and p_start + len(p_token) + len(p_sep) == start:
                factor = MAGNITUDES.get(magnitude, 1.0) if MAGNITUDE_IN_TOKEN.isdisjoint(p_token) else 1.0
                if not quoted.covers(p_start):
                    p_end = p_start + len(p_token)
                    low = clean(p_value * factor * unit.scale)
                    mentions.append(
                        _new(Mention, (p_start, p_end, text[p_start:p_end], low, unit.unit, unit.measure, unit.measure))
                    )
        pending_range = None
        if quoted.covers(start):
            continue
        if unit.measure[-1:] in CURRENCY_SIGNS:
            start -= len(unit.measure)  # $500亿, HK$1,073萬: the sign is part of the figure
        elif value and _minus_before(scan, start, catalog):  # -0 has no sign
            start, value = start - 1, -value  # 增长-0.3%, 负3.9%: the sign is part of the figure
        end = unit.end
        mentions.append(_new(Mention, (start, end, text[start:end], value, unit.unit, unit.measure, unit.measure)))
    return _listed_with_one_measure(mentions, scan, joiners)


def _listed_with_one_measure(mentions: list[Mention], text: str, joiners: tuple[str, ...]) -> list[Mention]:
    """分别达1409万、1305万人次, 4万至5万人: a bare amount listed before one with a measure word, or
    closing a range before it, counts the same; so does one whose measure word the next one's begins
    (分别提高0.8个、1.1个百分点: 个 of 个百分点)."""
    for i in range(len(mentions) - 2, -1, -1):
        bare, next_ = mentions[i], mentions[i + 1]
        shortened = bare.measure != next_.measure and next_.measure.startswith(bare.measure)
        if shortened and next_.measure and text[bare.char_end : next_.char_start] in joiners:
            mentions[i] = bare._replace(unit=next_.unit, unit_word=next_.unit_word, measure=next_.measure)
    return mentions


MAGNITUDE_IN_TOKEN = frozenset("".join(MAGNITUDES))  # a token holding one of these holds a magnitude (万亿 too)


def _minus_before(text: str, start: int, catalog: Catalog) -> bool:
    """-22.2%, 增长-0.3%, 负3.9%: a minus sign, not the dash of a range (6%-6.5%, 5元-8元)."""
    if start == 0 or text[start - 1] not in MINUS_SIGNS:
        return False
    if text[start - 1] == MINUS_WORD:
        return (
            start < 2 or text.endswith(catalog.words["negative_after"], 0, start - 1) or not text[start - 2].isalnum()
        )
    previous = text[start - 2 : start - 1]
    return not (previous.isdigit() or previous in PERCENT_SIGNS or previous in catalog.unit_word_endings)


def _takes_back(text: str, token: str, start: int, catalog: Catalog) -> str:
    """1500万千瓦, 300千米: a unit word that begins with a numeral character takes it back.
    The caller looked: a character such a word starts with is in the token's last two (not its first)."""
    for cut in range(max(1, len(token) - 2), len(token)):
        if token[cut] in catalog.numeral_unit_starts and text.startswith(catalog.numeral_units, start + cut):
            return token[:cut]
    return token


def _stop_after_starts(catalog: Catalog) -> frozenset[str]:
    """The characters a stop word after a number (stop_words.csv) starts with: where none stands,
    stop_after_re.match, a regex call per number, cannot match."""
    return frozenset(word[0] for word in catalog.stop_after if word)


def _resolve(text, token, start, end, catalog) -> tuple[float, Unit, str, int] | None:
    """(value, unit, magnitude, where the words of its unit end) or None when no unit is found."""
    chinese = not token[0].isdigit()
    if chinese and is_word(text, token, start, end, catalog):
        return None  # 四个意识, 一是, 千家万户: words, not figures; 千余人, 近万名, 三家 are
    if text.startswith(catalog.words["duration_word"], end):  # 办理时间压缩至5天: a span that is the outcome
        span = duration_at(text, start, end, catalog)
        if span is not None:
            value = parse_numeral(token)
            return None if value is None else (value, span, "", span.end)
    if text[end : end + 1] in catalog.compiled(_stop_after_starts) and catalog.stop_after_re.match(text, end):
        return None
    if not catalog.numeral_unit_starts.isdisjoint(token[max(1, len(token) - 2) :]):
        # most numbers hold no such character in the places _takes_back looks at
        token = _takes_back(text, token, start, catalog)
        end = start + len(token)
    value = parse_numeral(ONE + token if len(token) == 1 and token in LONE_MAGNITUDES else token)  # 万余家: 一万余家
    if value is None:
        return None
    pos = end
    approx = False
    after = catalog.compiled(approx_after)
    if pos < len(text) and text[pos] in after:
        pos += 1
        approx = True
    magnitude = ""
    if text[pos : pos + 1] in MAGNITUDE_STARTS:
        for word, factor in MAGNITUDES.items():
            if text.startswith(word, pos):
                magnitude, value = word, clean(value * factor)
                pos += len(word)
                break
    if magnitude and not approx and pos < len(text) and text[pos] in after:
        pos += 1
    if (
        magnitude
        and text[pos : pos + 1] in catalog.compiled(_stop_after_starts)
        and catalog.stop_after_re.match(text, pos)
    ):
        return None
    if value > MAX_VALUE:
        return None  # 3万亿亿亿元: no report states such a figure
    if not magnitude and not MAGNITUDE_IN_TOKEN.isdisjoint(token):
        for word in MAGNITUDES:  # 万亿 before 亿 and 万
            if word in token:
                magnitude = word
                break
    if text[pos : pos + 1] in PERCENT_SIGNS:
        return value, _new(Unit, ("percent", "%", pos + 1, 1.0)), magnitude, pos + 1
    unit_word = unit_word_at(text, pos, catalog)
    if chinese and unit_word in catalog.reference_measures:
        return None  # 三百六十行, 百折不挠: Chinese numerals count with units.csv's measure words only
    if unit_word:
        unit = by_unit_word(text, unit_word, pos, start, catalog)
        after = unit.end
        value, unit = _with_tail(text, clean(value * unit.scale), unit)
        return value, unit, magnitude, after
    if text[start - 1 : start] in CURRENCY_SIGNS:  # $500, ¥3.5亿: kept with the sign as measure, never as yuan
        return value, Unit("other", _sign_ending_at(text, start), pos), magnitude, pos
    if chinese and not (magnitude and any(c in token for c in NONZERO_DIGITS)):
        return None  # Chinese numerals count with a measure word (百家, 两千余名) or a magnitude (四千万)
    noun = catalog.unit_nouns_re.match(text, pos)
    if noun:
        return value, by_noun(text, noun.group(), pos, catalog), magnitude, noun.end()
    if magnitude:
        return value, by_magnitude(text, pos, start, catalog), magnitude, pos
    if not chinese and (
        RATIO_BEFORE.search(text, max(0, start - RATIO_REACH), start)
        or catalog.compiled(ratio_change_before).search(text, max(0, start - RATIO_CHANGE_REACH), start)
    ):
        # 收入比由2.5缩小到2.3, 从2.50:1缩小至2.27:1: a ratio, bare or to one; never a term of 8:30:62
        if text[start - 1 : start] in RATIO_SIGNS and start > 0 or RATIO_TERM_AFTER.match(text, end):
            return None
        unit = Unit("other", "", end + 2 if text.startswith(TO_ONE, end) else end)
        return value, unit, magnitude, unit.end
    return None


def _with_tail(text: str, value: float, unit: Unit) -> tuple[float, Unit]:
    """50元6角 is 50.6 yuan; 十五斤半 is 15.5 斤: the tail extends the surface."""
    end = unit.end
    if unit.unit == "percent" or not (text.startswith(HALF, end) or text.startswith(TENTHS, end + 1)):
        return value, unit  # a tail is 半, or one digit and 角: where neither stands TAILS finds none
    tail = TAILS.match(text, end)
    if tail is None:
        return value, unit
    if tail.group("half"):
        return clean(value + 0.5), unit._replace(end=tail.end())
    if unit.unit != "yuan":
        return value, unit
    jiao = parse_numeral(tail.group("jiao")[0]) or 0
    fen = parse_numeral(tail.group("fen")[0]) if tail.group("fen") else 0
    return clean(value + jiao / 10 + (fen or 0) / 100), unit._replace(end=tail.end())


def _sign_ending_at(text: str, end: int) -> str:
    """The currency sign ending at `end`, with the letters of its country right before it: $, HK$, MOP$;
    the sign alone after a longer word of letters."""
    first = end - 1
    while first > 0 and end - first <= SIGN_LETTERS and "A" <= text[first - 1] <= "Z":
        first -= 1
    longer = first > 0 and text[first - 1].isascii() and text[first - 1].isalpha()
    return text[end - 1 : end] if longer else text[first:end]
