"""Normalised text to mentions: a number and its unit, in place.

A mention is kept only when the words around it make it a quantity: a measure
word (名, 家, 亿元, %), a noun that says what is counted (1230万职工), or a
magnitude (1386万). Years, dates, ordinals (第七届, 前两批), slogans ("四个意识",
八大群体), numbers inside quotes or titles, thresholds inside a name
(百人以上企业) and bare codes (12351, 〔2022〕8号) are not mentions.
Which unit a mention has is decided here, and only here.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .catalog import Catalog, load_catalog
from .gates import character_class, first_characters
from .numbers import MAGNITUDES, NUMERAL, clean, parse_numeral, parse_percent_words
from .records import Mention

# Where a candidate may start. A lone Chinese numeral other than 百 (一是, 四个意识,
# 千家万户) is a word, not a figure: a candidate starts only where a digit, 百, or two
# numeral characters stand, or a lone 十/千/万 reads as a figure (千余人, 近万名).
CANDIDATE_START = "|".join(
    (
        "[0-9百]",  # a digit or 百
        "[零〇一二两三四五六七八九十千万亿][零〇一二两三四五六七八九十百千万亿]",  # two numeral characters
        "[十千万][余多]",  # 千余人, 十多家
        "(?<=[近逾约超])[千万]",  # 近万名, 逾千家
    )
)
CANDIDATE = re.compile(
    # The characters a candidate starts with, read off CANDIDATE_START, let re skip the
    # rest of the text at C speed instead of trying each alternative at every character.
    f"(?={character_class(first_characters(CANDIDATE_START))})(?={CANDIDATE_START})"
    rf"(?:百分之(?P<pct>[零〇一二两三四五六七八九十百千点]+|\d+(?:\.\d+)?)|{NUMERAL.pattern})",
    re.VERBOSE,
)
CLAUSE_BREAK = set(",，。;；:：!?！？\n")
CLAUSE_END = re.compile("[" + "".join(sorted(CLAUSE_BREAK)) + "]")
RANGE_SEPARATORS = ("-", "~", "～", "—", "至", "到")
MAGNITUDE_STARTS = frozenset(word[0] for word in MAGNITUDES)
PERCENT_SIGNS = ("%", "％")
APPROX_AFTER = "多余"
# Words that make a number with 以上/以下 a threshold inside a name (百人以上企业).
NAME_AFTER_THRESHOLD = re.compile(r"(?:以上|以下)(?=[^\W\d_])(?!的?(?:目标|水平|增长|左右))")
OPEN_QUOTES = "“《「『"
CLOSE_QUOTES = "”》」』"


def find_mentions(text: str, catalog: Catalog | None = None) -> list[Mention]:
    """Every quantity mentioned in `text`, in order of position."""
    catalog = catalog or load_catalog()
    quoted = _QuotedSpans(text)
    mentions: list[Mention] = []
    pending_range: tuple[int, str, float | None, str] | None = None
    for match in CANDIDATE.finditer(text):
        start, end = match.span()
        if match.group("pct") is not None:
            value = parse_percent_words(match.group())
            if value is not None and not quoted.covers(start):
                mentions.append(Mention(start, end, match.group(), value, "percent", "百分之"))
            continue
        token = match.group()
        if _excluded_before(text, start, catalog):
            pending_range = None
            continue
        resolved = _resolve(text, token, start, end, catalog)
        if resolved is None:
            # "6-6.5%": a bare number before a range separator takes the
            # unit and magnitude of the number that closes the range.
            sep = text[end : end + 1]  # every separator is one character
            pending_range = (start, token, parse_numeral(token), sep) if sep in RANGE_SEPARATORS else None
            continue
        value, unit, unit_word, surface_end, magnitude = resolved
        if pending_range and pending_range[2] is not None:
            p_start, p_token, p_value, p_sep = pending_range
            if text.startswith(p_sep, p_start + len(p_token)) and p_start + len(p_token) + len(p_sep) == start:
                factor = MAGNITUDES.get(magnitude, 1.0) if not _has_magnitude(p_token) else 1.0
                if not quoted.covers(p_start):
                    mentions.append(
                        Mention(p_start, p_start + len(p_token), p_token, clean(p_value * factor), unit, unit_word)
                    )
        pending_range = None
        if quoted.covers(start):
            continue
        mentions.append(Mention(start, surface_end, text[start:surface_end], value, unit, unit_word))
    return mentions


def _has_magnitude(token: str) -> bool:
    return "万" in token or "亿" in token  # 万亿 too


def _lone_figure(text: str, token: str, start: int, end: int) -> bool:
    """千余人, 十多家, 近万名: a lone 十/千/万 is a figure beside 余/多 or after 近/逾/约/超."""
    return (token in "十千万" and text[end : end + 1] in ("余", "多")) or (
        token in "千万" and start > 0 and text[start - 1] in "近逾约超"
    )


def _excluded_before(text: str, start: int, catalog: Catalog) -> bool:
    if start == 0:
        return False
    before = text[start - 1]
    if before in catalog.stop_before:
        return True
    # Codes and models: PM2.5, G20, 5G, V2.0.
    return before.isascii() and (before.isalpha() or before in "./#")


def _resolve(text, token, start, end, catalog):
    """(value, unit, unit_word, surface_end, magnitude) or None when not a quantity."""
    chinese = not token[0].isdigit()
    if chinese and len(token) == 1 and token != "百" and not _lone_figure(text, token, start, end):
        return None  # 四个意识, 两个维护, 一是, 千家万户: words, not figures; 千余人, 近万名 are
    if catalog.stop_after_re.match(text, end):
        return None
    value = parse_numeral("一" + token if chinese and len(token) == 1 else token)  # 万余家: 一万余家
    if value is None:
        return None
    pos = end
    approx = False
    if pos < len(text) and text[pos] in APPROX_AFTER:
        pos += 1
        approx = True
    magnitude = ""
    if text[pos : pos + 1] in MAGNITUDE_STARTS:
        for word, factor in MAGNITUDES.items():
            if text.startswith(word, pos):
                magnitude, value = word, clean(value * factor)
                pos += len(word)
                break
    if magnitude and not approx and pos < len(text) and text[pos] in APPROX_AFTER:
        pos += 1
    if magnitude and catalog.stop_after_re.match(text, pos):
        return None
    if not magnitude and _has_magnitude(token):
        for word in MAGNITUDES:  # 万亿 before 亿 and 万
            if word in token:
                magnitude = word
                break
    if text[pos : pos + 1] in PERCENT_SIGNS:
        return value, "percent", "%", pos + 1, magnitude
    unit_match = catalog.unit_words_re.match(text, pos)
    unit_word = unit_match.group() if unit_match else ""
    noun_match = catalog.unit_nouns_re.match(text, pos)
    noun = noun_match.group() if noun_match else ""
    if noun and len(noun) > len(unit_word):
        unit_word = ""  # 14亿人口 counts 人口, not 人 + 口
    if unit_word:
        unit = catalog.units[unit_word]
        surface_end = pos + len(unit_word)
        if unit_word in ("家", "个"):
            unit = (
                _counted_noun(text, surface_end, catalog)
                or _noun_before(text, start, catalog.counted_nouns, 16)
                or ("organization" if unit_word == "家" else "other")
            )
        if NAME_AFTER_THRESHOLD.match(text, surface_end):
            return None
        return value, unit, unit_word, surface_end, magnitude
    if chinese:
        return None  # Chinese numerals count only with a measure word: 百家, 两千余名
    if noun:
        if NAME_AFTER_THRESHOLD.match(text, pos + len(noun)):
            return None
        return value, catalog.unit_nouns[noun], noun, pos, magnitude
    if magnitude:
        unit = _person_noun_near(text, pos, catalog) or _noun_before(text, start, catalog.person_nouns, 24) or "other"
        return value, unit, "", pos, magnitude
    return None


def _counted_noun(text: str, pos: int, catalog: Catalog) -> str:
    """The unit named by the first enterprise/organisation noun after 家/个 in the clause
    (of nouns starting at the same place, the one the catalog lists first)."""
    clause_end = CLAUSE_END.search(text, pos, pos + 24)
    window = text[pos : clause_end.start() if clause_end else pos + 24]
    found = catalog.counted_nouns_re.search(window)
    if found is None:
        return ""
    return next(unit for noun, unit in catalog.counted_nouns if window.startswith(noun, found.start()))


PEOPLE_AFTER = re.compile(
    r"(?:以上|左右|多)?[\u4e00-\u9fff]{0,8}?(?:人口|人员|在校生|毕业生|学生|农民工|劳动力|人)(?![民大才事工])"
)


def _person_noun_near(text: str, pos: int, catalog: Catalog) -> str:
    """For 8000万纳税人 or 1400万农业转移人口: people named a few characters on."""
    if PEOPLE_AFTER.match(text, pos, pos + 12) or text.startswith(catalog.person_words, pos):
        return "person"
    return ""


def _noun_before(text: str, start: int, nouns: tuple[tuple[str, str], ...], reach: int) -> str:
    """The unit of the noun (of `nouns`) nearest before `start` in its clause, within `reach`
    characters.

    基层工会组织280.9万个 (an organisation), 贫困人口减少1386万 (people).
    """
    window = text[max(0, start - reach) : start]
    window = window[max(map(window.rfind, CLAUSE_BREAK)) + 1 :]
    found = [(window.rfind(noun) + len(noun), unit) for noun, unit in nouns if noun in window]
    return max(found)[1] if found else ""


def _positions_of(characters: str, text: str) -> list[int]:
    """Where any of a few `characters` stand in `text`, in order.

    str.find looks for one character at C speed without a regular expression, and
    quote marks are rare.
    """
    positions = []
    for character in characters:
        at = text.find(character)
        while at >= 0:
            positions.append(at)
            at = text.find(character, at + 1)
    positions.sort()
    return positions


class _QuotedSpans:
    """The stretches of a text inside quotation marks or a title (《…》), per paragraph.

    Found once per document, so that asking about a mention costs a bisect,
    not a scan of its paragraph.
    """

    def __init__(self, text: str):
        spans: list[tuple[int, int]] = []
        depth, opened, previous = 0, 0, 0
        # Only quote marks are visited; an open quote ends with its paragraph (a line).
        for at in _positions_of(OPEN_QUOTES + CLOSE_QUOTES, text):
            if depth:
                line_end = text.find("\n", previous, at)
                if line_end >= 0:
                    spans.append((opened, line_end))
                    depth = 0
            previous = at
            if text[at] in OPEN_QUOTES:
                if depth == 0:
                    opened = at
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0:
                    spans.append((opened, at + 1))
        if depth:
            line_end = text.find("\n", opened)
            spans.append((opened, line_end if line_end >= 0 else len(text)))
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]
