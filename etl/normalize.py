"""Decoded text to the normalised text that every offset points into.

NFKC turns full-width digits and punctuation into their plain forms. Lines a
newspaper layout broke mid-sentence are joined again, so that a number and its
unit ("4.6" / "亿元") or a sentence's halves stand together. Headings, which
end without punctuation, keep their own line.
"""

from __future__ import annotations

import re
import unicodedata

# A line ending in one of these closes its sentence or paragraph.
SENTENCE_END = "。!?！？;；:：”」』）)】"
# A line looks like a heading: an enumerator or a short bracketed note.
HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[部章节]"
    r"|[(（].{0,12}[)）]$|.{0,6}$|[^,，。、]{0,30}(?:报告|回顾|任务|安排|部署|取向|目标)$)"
)
_SPACES = re.compile(r"[ \t]+")  # after NFKC: no-break and ideographic spaces are plain spaces


def normalize(text: str) -> str:
    """NFKC, one paragraph per line, broken lines joined, no blank lines."""
    text = _nfkc(text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        # Only lines with a run of spaces inside are rewritten: most have none.
        if "  " in line or "\t" in line:
            line = _SPACES.sub(" ", line)
        if paragraphs and _continues(paragraphs[-1], line):
            paragraphs[-1] = _join(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)


# The full-width characters reports are full of, with their NFKC forms. Replacing
# these first and checking is_normalized costs far less than NFKC over
# Chinese text, and gives the same result.
_COMMON_WIDE = tuple((c, unicodedata.normalize("NFKC", c)) for c in "，：；（）？！％\u3000．、")


_WIDE = re.compile("[\uff01-\uff5e]")


def _nfkc(text: str) -> str:
    for wide, narrow in _COMMON_WIDE:
        if wide != narrow:
            text = text.replace(wide, narrow)
    if not unicodedata.is_normalized("NFKC", text):
        text = _WIDE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def _continues(previous: str, line: str) -> bool:
    """Was `line` cut from the end of `previous` by the layout?"""
    last = previous[-1]
    if last in SENTENCE_END:
        return False
    if last in ",，、“《(（" or last.isdigit():
        return True
    return not (HEADING.match(previous) or HEADING.match(line))


def _join(previous: str, line: str) -> str:
    # Latin words broken across lines keep a space; Chinese joins directly.
    if previous[-1].isascii() and previous[-1].isalpha() and line[0].isascii() and line[0].isalpha():
        return previous + " " + line
    return previous + line
