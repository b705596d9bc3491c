"""The character classes the text and the rules share, each defined once here.

These are the characters of the script, not vocabulary: numerals, punctuation
and signs. Words an analyst may extend (units, verbs, fillers) are in the
catalog (data/catalog/); a rule that needs one of these classes imports it
from here rather than writing it out again. Each class is a string of its
characters, so that `c in CLASS` tests one character and f"[{CLASS}]" makes a
regular-expression class (none holds a character special inside brackets
other than "-", which stands first where it occurs).
"""

from __future__ import annotations

# Chinese digits zero to nine; 〇 is a form of 零 and 两 of 二 (两千, 两个).
CHINESE_DIGITS = "零〇一二两三四五六七八九"
# Zero, which may stand between the groups of a numeral: 2千零30万.
ZERO = CHINESE_DIGITS[0]
# The digits one to nine, which a numeral's value is read from (五角, 一二两…九 but no zero).
NONZERO_DIGITS = "一二两三四五六七八九"
# The magnitudes a Chinese numeral multiplies by: ten to a hundred million (万亿 is two of them).
MAGNITUDE_CHARACTERS = "十百千万亿"
# Every character a Chinese numeral is written with.
NUMERAL_CHARACTERS = CHINESE_DIGITS + MAGNITUDE_CHARACTERS
# One numeral that counts when a measure word follows it: 三家, 两个百分点, 十人.
SINGLE_NUMERALS = NONZERO_DIGITS + "十"
# The numerals of headings and enumerations, one to ten in order (一、, 第二部分, (三)):
# the position of a character is its value less one.
ORDINAL_NUMERALS = "一二三四五六七八九十"
# The decimal point of a Chinese numeral: 四十五点八万.
DECIMAL_POINT = "点"

# A letter of any script, as a regular-expression class: in these reports a Chinese character.
# (A range of the CJK block, [\u4e00-\u9fff], costs re's compiler a Python loop over 21,000
# code points each time a pattern holds it; this class compiles at once.)
LETTER = r"[^\W\d_]"

# Between the clauses of one sentence: commas, semicolons and colons, full-width
# and plain (after NFKC both occur).
CLAUSE_BREAKS = ",，;；:："
# Semicolons, which reports also chain whole statements with (；).
SEMICOLONS = ";；"
# What ends a sentence inside a paragraph: full stops, question and exclamation marks.
SENTENCE_STOPS = "。!?！？"
# What ends a clause wherever a rule reads: a clause break, a sentence's stop or a line's end.
CLAUSE_ENDS = CLAUSE_BREAKS + SENTENCE_STOPS + "\n"
# Separates the items of a list inside a clause: 二氧化硫、氮氧化物.
LIST_MARK = "、"
# What ends one item of a list, or its clause.
ITEM_ENDS = CLAUSE_ENDS + LIST_MARK

# The word that makes the number after it negative (为负3.9%); a sign only after some words.
MINUS_WORD = "负"
# Signs before a number that make it negative: a hyphen, the minus sign and the word 负.
MINUS_SIGNS = "-−" + MINUS_WORD
# Percent signs, plain and full-width (NFKC keeps some texts' ％ as typed in tables).
PERCENT_SIGNS = "%％"
# Currency signs that stand before an amount; after NFKC, ￥ is ¥.
CURRENCY_SIGNS = "$¥€£"
# Dashes and tildes between the two ends of a range: 6%-6.5%, 5~8元, 3—5年.
RANGE_DASHES = "-~～—"
# Parentheses, plain and full-width: (3), （三）, (含中央预备费500亿元).
OPEN_PARENS = "(（"
CLOSE_PARENS = ")）"
# Quotation marks and title brackets that open and close a quotation or a name.
OPEN_QUOTES = "“《「『"
CLOSE_QUOTES = "”》」』"
# Single quotation marks: a name quoted inside a quotation (他说：“‘十四五’期间…”).
SINGLE_OPEN_QUOTE, SINGLE_CLOSE_QUOTE = "‘", "’"
# The brackets of a transcript's speaker: 【厅长】今年1-10月，… (a turn of its own).
SPEAKER_OPEN, SPEAKER_CLOSE = "【", "】"
# A news item's dateline, which opens its lead: 本报讯（记者 于洋）, 新华社北京1月8日电（记者…）.
DATELINES = ("本报讯", "本报记者", "新华社")
