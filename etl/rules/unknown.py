"""`python -m etl words unknown`: the measure words and counted nouns the catalog lacks,
most frequent first, so that the vocabulary grows from what reports say.

An unknown measure word is the character after a number in digits that the catalog
reads as nothing: no measure word (units.csv, measure_words.csv), no noun of what is
counted (unit_nouns.csv), no percent sign, no stop word and no time word (年, 月, 天:
the grammar of periods). An unknown counted noun is the noun a figure counts when it
decides the figure's unit and the catalog does not know it (no noun of unit_nouns.csv in
it, no counted noun of counted_nouns.csv with a unit ending it): after or before a counting
word (5家链主企业, 口袋公园120处) or a bare magnitude (12万留守儿童). Its head is
taken as its last two characters, since the head of a Chinese compound ends it. After a
bare magnitude (500万沼气用户) the next character starts the counted noun, never a measure word.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from etl.catalog import CATALOG_DIR, Catalog, load_catalog
from etl.catalog.gates import alternation
from etl.rules.compounds import noun_ending_at
from etl.rules.mentions import find_mentions
from etl.text.characters import CLAUSE_ENDS
from etl.text.decode import decode
from etl.text.normalize import normalize
from etl.text.sources import read_sources

DIGITS_THEN_WORD = re.compile(
    r"""
    (?<![\d.])\d+(?:\.\d+)?        # a number in digits
    (?>[多余]?(?:千(?=[多余万亿]))?(?P<magnitude>[万亿]*)[多余]?)  # its magnitude and qualifier (3万余, 5千多),
                                   # never given back; 千瓦 after a number is a unit
    (?P<word>[\u4e00-\u9fff])      # the character after it
    """,
    re.VERBOSE,
)
TIME_WORDS = frozenset("年月日号时分秒天周岁届期批")  # dates, durations and series: periods.py and ordinals
NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{2,4}")  # a noun right after a measure word: 链主企业


def known_characters(catalog: Catalog) -> frozenset[str]:
    """The one-character words of words.csv: 和 after a number joins it to the next."""
    return frozenset(w for role in catalog.words.values() for w in role if len(w) == 1)


def known_words(catalog: Catalog) -> re.Pattern:
    """Every word of words.csv, qualifiers.csv, bases.csv and stop_words.csv: what ends a noun."""
    words = [w for role in catalog.words.values() for w in role if len(w) > 1]
    words += [w for w, *_ in (*catalog.qualifiers, *catalog.bases) if len(w) > 1] + list(catalog.stop_after)
    return re.compile(alternation(words))


HEAD = 2  # the characters of a noun's head


def unknown_words(text: str, catalog: Catalog) -> tuple[Counter, Counter, dict[str, str]]:
    """(measure words, counted nouns, an example of each) of one text the catalog does not know."""
    text = catalog.simplified(normalize(text))
    measures, nouns, examples = Counter(), Counter(), {}
    for found in DIGITS_THEN_WORD.finditer(text):
        pos = found.start("word")
        word = found.group("word")
        if found.group("magnitude") or word in TIME_WORDS or _known_at(text, pos, catalog):
            # after a bare magnitude (6000万农村人口, 500万沼气用户) a noun is counted, below
            continue
        measures[word] += 1
        examples.setdefault(word, _one_line(text[max(0, found.start() - 8) : pos + 4]))
    counting = set(catalog.words["counting_word"])
    for mention in find_mentions(text, catalog):
        if mention.unit_word not in counting and mention.unit_word:
            continue
        noun = _counted_after(text, mention.char_end, catalog) or _counted_before(text, mention.char_start, catalog)
        if noun:
            nouns[noun] += 1
            examples.setdefault(noun, _one_line(text[max(0, mention.char_start - 8) : mention.char_end + 6]))
    return measures, nouns, examples


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _known_at(text: str, pos: int, catalog: Catalog) -> bool:
    return bool(
        catalog.unit_words_re.match(text, pos)
        or catalog.unit_nouns_re.match(text, pos)
        or catalog.stop_after_re.match(text, pos)
        or text.startswith(catalog.person_words, pos)
        or catalog.compiled(known_words).match(text, pos)
        or text[pos] in catalog.compiled(known_characters)  # 和, 至: a coordinator, a range word
    )


def _known_noun(noun: str, catalog: Catalog) -> bool:
    """A noun the catalog knows the kind of: it holds a noun of unit_nouns.csv, or a counted noun
    of the lexicon with a unit ends it (口袋公园: 公园)."""
    if catalog.unit_nouns_re.search(noun):
        return True
    head = noun_ending_at(noun, len(noun), catalog)
    return bool(head and catalog.lexicon[head][0])


def _counted_after(text: str, pos: int, catalog: Catalog) -> str:
    """The head of the noun right after the figure, when the catalog knows no noun in it."""
    stop = catalog.compiled(known_words).search(text, pos, pos + 4)
    noun = NOUN_AFTER.match(text, pos, stop.start() if stop else pos + 4)
    if noun is None or _known_noun(noun.group(), catalog) or _known_at(text, pos, catalog):
        return ""
    return noun.group()[-HEAD:] if len(noun.group()) <= 4 else ""


def _counted_before(text: str, start: int, catalog: Catalog) -> str:
    """The head of the noun the figure's words end with (口袋公园120处), when the catalog knows none."""
    window = text[max(0, start - 8) : start]
    window = window[max(map(window.rfind, CLAUSE_ENDS)) + 1 :]
    window = window[max((m.end() for m in catalog.compiled(known_words).finditer(window)), default=0) :]
    noun = re.search(r"[\u4e00-\u9fff]{2,}$", window)
    if noun is None or _known_noun(noun.group(), catalog):
        return ""
    head = noun.group()[-HEAD:]
    return "" if head[-1] in catalog.words["label_tail"] else head


def from_texts(texts, catalog: Catalog) -> tuple[Counter, Counter, dict[str, str]]:
    measures, nouns, examples = Counter(), Counter(), {}
    for text in texts:
        m, n, e = unknown_words(text, catalog)
        measures.update(m)
        nouns.update(n)
        for word, example in e.items():
            examples.setdefault(word, example)
    return measures, nouns, examples


def add_words_command(commands) -> None:
    """`words unknown [--sources DIR | --db PATH]`, added to the command line's subcommands."""
    words = commands.add_parser(
        "words",
        help="the vocabulary: what the reports say that the catalog does not know",
        description="The catalog's vocabulary against the reports (see docs/catalogs.md).",
    )
    actions = words.add_subparsers(dest="words_command", metavar="ACTION", required=True, help="unknown")
    unknown = actions.add_parser(
        "unknown",
        help="list the unknown measure words and counted nouns, most frequent first",
        description="List the measure words and counted nouns of the reports that the catalog lacks, "
        "most frequent first, each with an example.",
    )
    unknown.add_argument("--sources", type=Path, metavar="DIR", help="folder of reports (default data/raw)")
    unknown.add_argument("--db", type=Path, metavar="PATH", help="read the reports of this warehouse instead")
    unknown.add_argument("--catalog", type=Path, default=CATALOG_DIR, help="catalog folder (default data/catalog)")
    unknown.add_argument("--limit", type=int, default=30, help="how many of each to list (default 30)")
    unknown.set_defaults(run=_run)


def _texts(args: argparse.Namespace):
    if args.db is not None:
        import duckdb

        with duckdb.connect(str(args.db), read_only=True) as con:
            yield from (text for (text,) in con.execute("select text from core.documents order by doc_id").fetchall())
        return
    folder = args.sources or Path("data/raw")
    sources, _errors = read_sources(folder)
    for source in sources:
        try:
            yield decode((folder / source.file).read_bytes()).text
        except ValueError:
            continue  # not text: refresh names it


def _run(args: argparse.Namespace) -> int:
    catalog = load_catalog(args.catalog)
    measures, nouns, examples = from_texts(_texts(args), catalog)
    for kind, counts in (("measure word", measures), ("counted noun", nouns)):
        print(f"{kind}\tcount\texample")
        for word, n in counts.most_common(args.limit):
            print(f"{word}\t{n}\t{examples[word]}")
        print()
    sys.stdout.flush()
    return 0
