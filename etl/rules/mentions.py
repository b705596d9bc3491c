"""Normalised text to mentions: a number and its unit, in place.

A mention is kept only when the words around it make it a quantity: a measure
word (名, 家, 亿元, %), a noun that says what is counted (1230万职工), or a
magnitude (1386万). Years, dates, ordinals (第七届, 前两批), slogans ("四个意识",
八大群体), numbers inside quotes or titles, thresholds inside a name
(百人以上企业, 超千万人次的机场), codes (12351, 〔2022〕8号, %28) and the base
of an exchange rate (1美元兑) are not mentions. units.py decides the unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from etl.catalog import Catalog, load_catalog
from etl.catalog.gates import alternation, character_class, first_characters
from etl.records import Mention
from etl.rules.units import CLAUSE_BREAK, Unit, by_magnitude, by_noun, by_unit_word, unit_word_at
from etl.text.numbers import MAGNITUDES, MAX_VALUE, NUMERAL, clean, parse_numeral, parse_percent_words, plain

NUMERAL_CHARACTERS = "零〇一二两三四五六七八九十百千万亿"
SINGLE_NUMERALS = "一二两三四五六七八九十"
LONE_MAGNITUDES = ("十", "千", "万", "亿")
# One numeral before these units is an ordinal or a name, not a count: 二期, 五次全委会, 二元结构.
NOT_AFTER_ONE_NUMERAL = ("time", "yuan")
RANGE_SEPARATORS = ("-", "~", "～", "—", "至", "到")
LIST_JOINERS = ("、", "和", "及", "与")
MAGNITUDE_STARTS = frozenset(word[0] for word in MAGNITUDES)
PERCENT_SIGNS = ("%", "％")
APPROX_AFTER = "多余"
MINUS_SIGNS = ("-", "−", "负")
# 负 is a sign after these (为负3.9%, 增长负0.3%), not in 税负5700亿元 or 减负2500亿元.
BEFORE_NEGATIVE = "为是长至到了达"
ONE = "一"  # with a measure word mostly the article 'a': a figure only after a qualifier or as 一个百分点
POINTS = "个百分点"
CURRENCY_SIGNS = ("$", "¥", "€", "£")  # after NFKC, ￥ is ¥
DOUBLING = "翻"  # 翻一番: one doubling
EXCHANGE = "兑"  # 1美元兑7.1元: the 1 is the base of a rate
# Words that make a number with 以上/以下 a threshold inside a name (百人以上企业).
NAME_AFTER_THRESHOLD = re.compile(
    r"""
    (?:以上|以下)               # a threshold
    (?=[^\W\d_])               # followed by a word: the name of a class
    (?!的?(?:目标|水平|增长|左右))  # unless it is the threshold of a goal or a level
    """,
    re.VERBOSE,
)
# A bare number is a ratio where the words before it name one: 城乡居民收入比由2.5缩小到2.3.
RATIO_BEFORE = re.compile(
    r"""
    (?:比值?|之比)            # a ratio (not 比上年: a comparison)
    (?:由|从|为|是|达到?)      # its value follows
    [^，,。；;比]{0,10}$      # perhaps after the number it changed from (2.50:1缩小至)
    """,
    re.VERBOSE,
)
RATIO_REACH = 16
TO_ONE = ":1"  # 2.50:1 after NFKC
CLASS_REACH = 40  # characters either side in which a class threshold's clause is read
CLASS_AFTER_THRESHOLD = "的"  # 超千万人次的机场: an at-least amount before 的 names a class
COUNT_OF_CLASS = re.compile(r"(?:第|达|有)[0-9一二两三四五六七八九十]+[个家座所]")  # …的机场 of which there are 4
CODE_BEFORE = "./#%=&?_"  # PM2.5, V2.0, %28: a number after these is part of a code
TAILS = re.compile(
    r"""
    (?P<jiao>\d|[一二两三四五六七八九])角            # 50元6角: tenths of a yuan
    (?:(?P<fen>\d|[一二两三四五六七八九])分)?         # and hundredths
  | (?P<half>半)                                     # 十五斤半: and a half
    """,
    re.VERBOSE,
)
OPEN_QUOTES = "“《「『"
CLOSE_QUOTES = "”》」』"


def candidate_start(catalog: Catalog) -> str:
    """Where a number may start.

    A lone Chinese numeral other than 百 (一是, 千家万户) is a word, not a figure:
    a candidate starts where a digit, 百, or two numeral characters stand, where a
    lone 十/千/万/亿 reads as a figure (千余人, 近万名, 破亿度), or where one numeral
    stands before a measure word (三家, 两个百分点).
    """
    approx = "".join(sorted(word for word, _ in catalog.qualifiers_before.single_characters))
    return "|".join(
        (
            "[0-9百]",  # a digit or 百
            f"[{NUMERAL_CHARACTERS}][{NUMERAL_CHARACTERS}]",  # two numeral characters
            "[十千万亿][余多]",  # 千余人, 十多家
            f"(?<=[{approx}])[千万亿]" if approx else "(?!x)x",  # 近万名, 破亿度: after a one-character qualifier
            f"[{SINGLE_NUMERALS}](?:{alternation(catalog.units)})",  # 三家, 两个百分点
            "[千万]分之",  # 千分之三
        )
    )


def candidate_pattern(catalog: Catalog) -> re.Pattern:
    """The numbers of a text: composed once per catalog, behind a lookahead on the
    characters a candidate starts with, read off candidate_start."""
    start = candidate_start(catalog)
    starts = first_characters(start)
    gate = f"(?={character_class(starts)})" if starts else ""  # lets re skip to where a number can start
    percent = r"(?P<pct>百分之|千分之|万分之)(?:[零〇一二两三四五六七八九十百千万点]+|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    return re.compile(f"{gate}(?={start})(?:{percent}|{NUMERAL.pattern})", re.VERBOSE)


def find_mentions(text: str, catalog: Catalog | None = None) -> list[Mention]:
    """Every quantity mentioned in `text`, in order of position.

    The text is read through numbers.PLAIN_FORMS (萬 as 万), one character for one,
    so that offsets and surfaces are the text's own.
    """
    catalog = catalog or load_catalog()
    scan = plain(text)
    quoted = _QuotedSpans(text)
    mentions: list[Mention] = []
    pending_range: tuple[int, str, float | None, str] | None = None
    for match in catalog.compiled(candidate_pattern).finditer(scan):
        start, end = match.span()
        if match.group("pct") is not None:
            parsed = parse_percent_words(match.group())
            if parsed is not None and not quoted.covers(start):
                value, unit, measure = parsed
                mentions.append(Mention(start, end, text[start:end], value, unit, match.group("pct"), measure))
            continue
        token = match.group()
        if mentions and start < mentions[-1].char_end:
            continue  # inside the figure before it (the 1 of 2.50:1)
        if _excluded_before(scan, start, catalog):
            pending_range = None
            continue
        resolved = _resolve(scan, token, start, end, catalog)
        if resolved is None:
            # "6-6.5%": a bare number before a range separator takes the
            # unit and magnitude of the number that closes the range.
            sep = scan[end : end + 1]  # every separator is one character
            pending_range = (start, token, parse_numeral(token), sep) if sep in RANGE_SEPARATORS else None
            continue
        value, unit, magnitude = resolved
        if pending_range and pending_range[2] is not None:
            p_start, p_token, p_value, p_sep = pending_range
            if scan.startswith(p_sep, p_start + len(p_token)) and p_start + len(p_token) + len(p_sep) == start:
                factor = MAGNITUDES.get(magnitude, 1.0) if not _has_magnitude(p_token) else 1.0
                if not quoted.covers(p_start):
                    p_end = p_start + len(p_token)
                    low = clean(p_value * factor * unit.scale)
                    mentions.append(
                        Mention(p_start, p_end, text[p_start:p_end], low, unit.unit, unit.measure, unit.measure)
                    )
        pending_range = None
        if quoted.covers(start):
            continue
        if unit.measure in CURRENCY_SIGNS:
            start -= 1  # $500亿: the sign is part of the figure
        elif value and _minus_before(scan, start, catalog):  # -0 has no sign
            start, value = start - 1, -value  # 增长-0.3%, 负3.9%: the sign is part of the figure
        mentions.append(Mention(start, unit.end, text[start : unit.end], value, unit.unit, unit.measure, unit.measure))
    return _listed_with_one_measure(mentions, scan)


def _listed_with_one_measure(mentions: list[Mention], text: str) -> list[Mention]:
    """分别达1409万、1305万人次: a bare amount listed before one with a measure word counts the same."""
    for i in range(len(mentions) - 2, -1, -1):
        bare, next_ = mentions[i], mentions[i + 1]
        if not bare.measure and next_.measure and text[bare.char_end : next_.char_start] in LIST_JOINERS:
            mentions[i] = bare._replace(unit=next_.unit, unit_word=next_.unit_word, measure=next_.measure)
    return mentions


def _has_magnitude(token: str) -> bool:
    return "万" in token or "亿" in token  # 万亿 too


def _lone_figure(text: str, token: str, start: int, end: int, catalog: Catalog) -> bool:
    """千余人, 十多家, 近万名, 破亿度: a lone 十/千/万/亿 is a figure beside 余/多 or after a
    one-character qualifier."""
    if token in "十千万亿" and text[end : end + 1] in APPROX_AFTER:
        return True
    approx = {word for word, _ in catalog.qualifiers_before.single_characters}
    return token in "千万亿" and start > 0 and text[start - 1] in approx


def _single_numeral(text: str, token: str, start: int, end: int, catalog: Catalog) -> bool:
    """三家, 提高两个百分点, 近一吨: one numeral and a measure word is a figure as a digit would be;
    一 only as 一个百分点, 翻一番 or after a qualifier (一家 is mostly 'a firm')."""
    unit_word = unit_word_at(text, end, catalog) if token in SINGLE_NUMERALS else ""
    if not unit_word or catalog.units[unit_word][0] in NOT_AFTER_ONE_NUMERAL:
        return False
    if text[end + len(unit_word) : end + len(unit_word) + 1].isdigit():
        return False  # 三个1亿人: a slogan that counts something else
    if token != ONE:
        return True
    if text.startswith(POINTS, end) or text[start - 1 : start] == DOUBLING:  # 下降一个百分点, 翻一番
        return True
    return catalog.qualifiers_before.at_end(text[max(0, start - 12) : start]) is not None


def _excluded_before(text: str, start: int, catalog: Catalog) -> bool:
    if start == 0:
        return False
    before = text[start - 1]
    if before in catalog.stop_before:
        return True
    if catalog.stop_before_words and text.endswith(catalog.stop_before_words, max(0, start - 4), start):
        return True  # 以下10个方面: the report's own sections
    # Codes and models: PM2.5, G20, 5G, V2.0, %28 in an address.
    return before.isascii() and (before.isalpha() or before in CODE_BEFORE)


def _minus_before(text: str, start: int, catalog: Catalog) -> bool:
    """-22.2%, 增长-0.3%, 负3.9%: a minus sign, not the dash of a range (6%-6.5%, 5元-8元)."""
    if start == 0 or text[start - 1] not in MINUS_SIGNS:
        return False
    if text[start - 1] == MINUS_SIGNS[2]:
        return start < 2 or text[start - 2] in BEFORE_NEGATIVE or not _is_word_character(text[start - 2])
    previous = text[start - 2 : start - 1]
    return not (previous.isdigit() or previous in PERCENT_SIGNS or previous in catalog.unit_word_endings)


def _takes_back(text: str, token: str, start: int, catalog: Catalog) -> str:
    """1500万千瓦, 300千米: a unit word that begins with a numeral character takes it back."""
    for cut in range(max(1, len(token) - 2), len(token)):
        if token[cut] in catalog.numeral_unit_starts and text.startswith(catalog.numeral_units, start + cut):
            return token[:cut]
    return token


def _resolve(text, token, start, end, catalog) -> tuple[float, Unit, str] | None:
    """(value, unit, magnitude) or None when not a quantity."""
    chinese = not token[0].isdigit()
    if (
        chinese
        and len(token) == 1
        and token != "百"
        and not _lone_figure(text, token, start, end, catalog)
        and not _single_numeral(text, token, start, end, catalog)
    ):
        return None  # 四个意识, 一是, 千家万户: words, not figures; 千余人, 近万名, 三家 are
    if catalog.stop_after_re.match(text, end):
        return None
    token = _takes_back(text, token, start, catalog)
    end = start + len(token)
    value = parse_numeral("一" + token if token in LONE_MAGNITUDES else token)  # 万余家: 一万余家
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
    if value > MAX_VALUE:
        return None  # 3万亿亿亿元: no report states such a figure
    if not magnitude and _has_magnitude(token):
        for word in MAGNITUDES:  # 万亿 before 亿 and 万
            if word in token:
                magnitude = word
                break
    if text[pos : pos + 1] in PERCENT_SIGNS:
        return value, Unit("percent", "%", pos + 1), magnitude
    unit_word = unit_word_at(text, pos, catalog)
    if unit_word:
        unit = by_unit_word(text, unit_word, pos, start, catalog)
        if NAME_AFTER_THRESHOLD.match(text, unit.end) or text.startswith(EXCHANGE, unit.end):
            return None
        if _class_threshold(text, start, unit.end, catalog):
            return None
        value, unit = _with_tail(text, clean(value * unit.scale), unit)
        return value, unit, magnitude
    if text[start - 1 : start] in CURRENCY_SIGNS:  # $500, ¥3.5亿: kept with the sign as measure, never as yuan
        return value, Unit("other", text[start - 1], pos), magnitude
    if chinese and not (magnitude and any(c in token for c in "一二两三四五六七八九")):
        return None  # Chinese numerals count with a measure word (百家, 两千余名) or a magnitude (四千万)
    noun = catalog.unit_nouns_re.match(text, pos)
    if noun:
        if NAME_AFTER_THRESHOLD.match(text, noun.end()):
            return None
        return value, by_noun(noun.group(), pos, catalog), magnitude
    if magnitude:
        return value, by_magnitude(text, pos, start, catalog), magnitude
    if not chinese and RATIO_BEFORE.search(text, max(0, start - RATIO_REACH), start):
        # 收入比由2.5缩小到2.3, 从2.50:1缩小至2.27:1: a ratio, bare or to one
        return value, Unit("other", "", end + len(TO_ONE) if text.startswith(TO_ONE, end) else end), magnitude
    return None


def _is_word_character(character: str) -> bool:
    return character.isalnum()


def _class_threshold(text: str, start: int, end: int, catalog: Catalog) -> bool:
    """吞吐量超千万人次的机场, 投资超5亿元的项目已达4个: an at-least amount before 的 names a
    class when its clause also counts members of the class (第4个, 达4个)."""
    if not text.startswith(CLASS_AFTER_THRESHOLD, end):
        return False
    if catalog.qualifiers_before.at_end(text[max(0, start - 12) : start]) != "at_least":
        return False
    window = max(0, start - CLASS_REACH), min(len(text), end + CLASS_REACH)  # bounded: tables have no commas
    clause_start = max(text.rfind(c, window[0], start) for c in CLAUSE_BREAK) + 1 or window[0]
    found = [i for i in (text.find(c, end, window[1]) for c in CLAUSE_BREAK) if i >= 0]
    clause_end = min(found, default=window[1])
    return COUNT_OF_CLASS.search(text, clause_start, clause_end) is not None and not (COUNT_OF_CLASS.match(text, start))


def _with_tail(text: str, value: float, unit: Unit) -> tuple[float, Unit]:
    """50元6角 is 50.6 yuan; 十五斤半 is 15.5 斤: the tail extends the surface."""
    if unit.unit == "percent":
        return value, unit
    tail = TAILS.match(text, unit.end)
    if tail is None:
        return value, unit
    if tail.group("half"):
        return clean(value + 0.5), unit._replace(end=tail.end())
    if unit.unit != "yuan":
        return value, unit
    jiao = parse_numeral(tail.group("jiao")[0]) or 0
    fen = parse_numeral(tail.group("fen")[0]) if tail.group("fen") else 0
    return clean(value + jiao / 10 + (fen or 0) / 100), unit._replace(end=tail.end())


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
