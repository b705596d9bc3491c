"""Decoded text to the normalised text that every offset points into.

NFKC turns full-width digits and punctuation into their plain forms. Lines a
newspaper layout broke mid-sentence are joined again, so that a number and its
unit ("4.6" / "亿元") or a sentence's halves stand together. Headings, which
end without punctuation, keep their own line; so does each row of a table
pasted as text (cells apart by spaces, no sentence punctuation), and two lines
are never joined into one number. A paragraph's lines are gathered and joined
once, so that joining costs the length of the text, not its square.

Characters a reader does not see are not let split a number: zero-width
spaces, soft hyphens, direction marks and control characters (NUL) are
removed, a no-break, thin or ideographic space between digit groups (1\u00a0234万元,
1\u3000234万元) is a thousands separator and goes, and line and paragraph separators
break lines. A superscript or subscript digit (10², a footnote¹) is no digit of the
number beside it: NFKC would make 10²万元 read 102万元, so it is kept as written.
"""

from __future__ import annotations

import re
import unicodedata

from etl.text.characters import DATELINES, ORDINAL_NUMERALS, SPEAKER_OPEN
from etl.text.numbers import PLAIN_FORM_OF
from etl.text.years import YEAR

# A line ending in one of these closes its sentence or paragraph.
SENTENCE_END = "。!?！？;；:：”」』）)】"
# The numerals a heading counts with, in their plain and their financial or traditional forms: 六、, 陸、 (Taiwan's)
HEADING_NUMERALS = ORDINAL_NUMERALS + "".join(
    form for form, value in PLAIN_FORM_OF.items() if value in ORDINAL_NUMERALS
)
# A line looks like a heading: an enumerator or a short bracketed note.
HEADING = re.compile(
    rf"""^(?:
        [{HEADING_NUMERALS}]+、                  # 六、, 陸、
      | \([{HEADING_NUMERALS}]+\)               # (一)
      | 第[{HEADING_NUMERALS}]+[部章节]           # 第三部分
      | [(（].{{0,12}}[)）]$                     # (上接第1版): a short bracketed note
      | .{{0,5}}[^。!?;]$                        # a line of six characters at most, ending no sentence (各位代表)
      | [^,，。、]{{0,30}}(?:报告|公报|公告|通报|回顾|任务|安排|部署|取向|目标|思路
                         |(?:完成|执行|落实|办理|进展)情况)$  # a title line: 2025年工作回顾
      | {YEAR}年\d{{1,2}}月\d{{1,2}}日$            # a date line under a title: 2026年3月10日, 115年3月10日
    )""",
    re.VERBOSE,
)
# A line opening with a news item's dateline or a transcript's speaker starts a paragraph: the headline before
# it ends there, though it ends in no punctuation (青岛：12.6万名…劳动者 / 本报讯（记者…）…).
PARAGRAPH_OPENERS = (*DATELINES, SPEAKER_OPEN)
OPENER_STARTS = "".join({opener[0] for opener in PARAGRAPH_OPENERS})  # a line starting with none opens none
_SPACES = re.compile(r"[ \t]+")  # after NFKC: no-break and ideographic spaces are plain spaces
# How much longer than twice the line before a line may be and still be its layout's continuation.
LINE_SLACK = 8
# A heading is told by its start: every HEADING alternative ending in $ spans at most 32 characters.
HEADING_SPAN = 64
# A table row pasted as text: cells apart by a space (runs are one by now) where a Chinese
# character or a number meets another; Latin words apart by spaces are prose.
_CELL_GAP = re.compile(
    r"""
    (?<=[^\x00-\x7f\s]|[\d%])     # after a Chinese character, a digit or a percent sign
    [ ]                           # the space between two cells
    (?=[^\x00-\x7f\s]|\d)        # before a Chinese character or a digit
    """,
    re.VERBOSE,
)
# What prose has and a table row has not: sentence or clause punctuation (after NFKC).
_PROSE_MARK = re.compile(
    r"""
    [。!?;]                       # a sentence's end
  | ,(?!\d{3})                    # a comma that is not a thousands separator (1,234)
  | (?<!\d),                      # (one is only between digits)
    """,
    re.VERBOSE,
)

# Invisible: C0 and C1 controls but tab and line breaks, soft hyphen, zero-width spaces and
# joiners, direction marks and embeddings, word joiner and invisible operators, a BOM inside.
_INVISIBLE = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
# Line ends besides \n and \r: vertical tab, form feed (a page break), NEL, line and paragraph separators.
_BREAKS = "\x0b\x0c\x85\u2028\u2029"
# The typographic thousands separators (no-break, figure, thin, narrow no-break space) between digit groups.
_GROUP_SPACES = "\xa0\u2007\u2009\u202f"
_UNSEEN = re.compile(f"[{_INVISIBLE}{_BREAKS}{_GROUP_SPACES}]")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]+")
_BREAKS_RE = re.compile(f"[{_BREAKS}]")
_GROUP_SPACE_RE = re.compile(f"(?<=\\d)[{_GROUP_SPACES}](?=\\d{{3}}(?!\\d))")


# Superscript and subscript digits, which NFKC turns into digits: each is held as a character of the
# private use area (which NFKC keeps) and put back after, one for one, so that offsets hold.
_SCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉"
_HELD = "".join(chr(0xE000 + i) for i in range(len(_SCRIPT_DIGITS)))
_HOLD, _RELEASE = str.maketrans(_SCRIPT_DIGITS, _HELD), str.maketrans(_HELD, _SCRIPT_DIGITS)
_SCRIPT_DIGIT = re.compile(f"[{_SCRIPT_DIGITS}]")
# An ideographic space between digit groups: 1\u3000234万元 is 1234万元 (a number of 1 to 3 digits,
# then groups of three), never a digit run cut in two that would drop its leading digits. A leading
# group that itself follows a space is a cell of a table row (增长\u30005\u3000100万元), not a group.
_IDEOGRAPHIC_GROUPS = re.compile(
    r"""
    (?<![\d.\u3000\x20])\d{1,3}  # the leading group: not the tail of a longer number, nor a cell after a space
    (?:\u3000\d{3})+         # each further group after an ideographic space
    (?![\d])                 # and no digit after the last group
    """,
    re.VERBOSE,
)


def normalize(text: str) -> str:
    """NFKC, one paragraph per line, broken lines joined, no blank lines."""
    text = _nfkc(_visible(text.replace("\r\n", "\n").replace("\r", "\n")))
    paragraphs: list[str] = []
    pieces: list[str] = []  # the lines of the paragraph being gathered, as joined
    head = ""  # its first HEADING_SPAN characters
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        # Only lines with a run of spaces inside are rewritten: most have none.
        if "  " in line or "\t" in line:
            line = _SPACES.sub(" ", line)
        # A line ending in SENTENCE_END closes its paragraph (most lines): the next starts one.
        if pieces and pieces[-1][-1] not in SENTENCE_END and _continues(head, pieces[-1], line):
            pieces.append(_joint(pieces[-1], line) + line)
            if len(head) < HEADING_SPAN:
                head = (head + pieces[-1])[:HEADING_SPAN]
        else:
            if pieces:
                paragraphs.append("".join(pieces))
            pieces, head = [line], line[:HEADING_SPAN]
    if pieces:
        paragraphs.append("".join(pieces))
    return "\n".join(paragraphs)


def _visible(text: str) -> str:
    """The text without what a reader does not see; one search decides, since most texts hold none."""
    if _UNSEEN.search(text) is None:
        return text
    text = _BREAKS_RE.sub("\n", _INVISIBLE_RE.sub("", text))
    # After the invisible characters went, so that 1\u00a0\u200b234 is a number too.
    return _GROUP_SPACE_RE.sub("", text)


# The full-width characters reports are full of, with their NFKC forms. Replacing
# these first and checking is_normalized costs far less than NFKC over
# Chinese text, and gives the same result.
_COMMON_WIDE = tuple(
    (c, unicodedata.normalize("NFKC", c)) for c in "，：；（）？！％．、－＋"
)  # \u3000: _ideographic_spaces. A － (2006－2020年, 6.5%－7%) or ＋ alone sent a report to the _WIDE pass


_WIDE = re.compile("[\uff01-\uff5e]")


def _ideographic_spaces(text: str) -> str:
    """Each ideographic space as a plain space, but between digit groups (1\u3000234万元), where it
    is a thousands separator and goes. One split does what the replacement did: most reports indent
    with these spaces, and only a boundary with a digit on both sides is looked at again."""
    parts = text.split("\u3000")
    if len(parts) == 1:
        return text
    if any(a[-1:].isdecimal() and b[:1].isdecimal() for a, b in zip(parts, parts[1:], strict=False)):
        text = _IDEOGRAPHIC_GROUPS.sub(lambda m: m.group().replace("\u3000", ""), text)
        parts = text.split("\u3000")
    return " ".join(parts)


def _nfkc(text: str) -> str:
    text = _ideographic_spaces(text)
    for wide, narrow in _COMMON_WIDE:
        if wide != narrow:
            text = text.replace(wide, narrow)
    if unicodedata.is_normalized("NFKC", text):
        return text
    text = _WIDE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if unicodedata.is_normalized("NFKC", text):
        return text
    # Only a text that full NFKC would still change is searched for superscripts (they are no wide
    # forms, so a text holding one gets here), which NFKC must not make digits.
    held = _SCRIPT_DIGIT.search(text) is not None
    text = _nfkc_by_line(text.translate(_HOLD) if held else text)
    return text.translate(_RELEASE) if held else text


def _nfkc_by_line(text: str) -> str:
    """NFKC of `text`, computed only for the lines it changes (a Ⅲ, a ℃ in a few lines of a report).

    A line break has no decomposition, combining class 0, and composes with no character before
    or after it (a stable code point of Unicode's normalisation), so the lines normalise apart
    exactly as the whole text does, and a line already normalised is kept as it is."""
    return "\n".join(
        line if unicodedata.is_normalized("NFKC", line) else unicodedata.normalize("NFKC", line)
        for line in text.split("\n")
    )


def _continues(head: str, last_line: str, line: str) -> bool:
    """Was `line` cut by the layout from the end of the paragraph that starts with `head`
    and whose last line is `last_line`, which ends no sentence (normalize saw that)?"""
    last = last_line[-1]
    if last.isdigit() and line[0].isdigit():
        return False  # joined, two numbers would read as one: a column of figures
    if "(" in last_line and last_line.count("(") > last_line.count(")"):
        return True  # a bracket left open goes on: 本报讯(记者李晓燕 通讯 / 员王浩)11月14日,… (no table row)
    if (
        is_table_row(last_line)
        or is_table_row(line)
        or (line[0] in OPENER_STARTS and line.startswith(PARAGRAPH_OPENERS))
    ):
        return False
    if last in ",，、“《(（" or last.isdigit():
        return True
    if len(line) > 2 * len(last_line) + LINE_SLACK:
        # A layout breaks a paragraph's lines at one width: a line more than twice as long as the one
        # before was not broken off it, and that one ends its own paragraph, a headline without
        # punctuation (新就业形态劳动者入会突破1.2万人 / 截至11月底，全区累计发展…入会12356人，…).
        return False
    return not (HEADING.match(head) or HEADING.match(line))


def is_table_row(line: str) -> bool:
    """困难职工帮扶 安排资金9326万元 慰问职工1034人: cells apart by spaces, no sentence punctuation."""
    return " " in line and _CELL_GAP.search(line) is not None and _PROSE_MARK.search(line) is None


def _joint(previous: str, line: str) -> str:
    # Latin words broken across lines keep a space; Chinese joins directly.
    if previous[-1].isascii() and previous[-1].isalpha() and line[0].isascii() and line[0].isalpha():
        return " "
    return ""
