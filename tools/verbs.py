"""Regenerate data/catalog/verbs.csv, the verbs that end the reach of a counted noun, from jieba's dictionary.

    python -m tools.verbs JIEBA_DICT data/catalog/unit_nouns.csv data/catalog/counted_nouns.csv > data/catalog/verbs.csv

JIEBA_DICT is jieba's dict.txt (the jieba 0.42.1 source archive on PyPI, MIT licence). Its words
tagged `v` (a verb; not `vn`, a verb that is also a noun: 服务, 建设) of two characters, at least
MIN_FREQUENCY frequent, are the verbs, less the nouns of the two lexicons (a word listed as a noun is
read as one) and the words of tools/verbs_excluded.csv, each with the reason its row gives (上限 is
a limit, not a verb). etl/rules/noun_reach.py reads them: the noun a count counts stands between the
verb before it and the verb after it (为企业解决用工难题230余个: 难题, not 企业).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from tools.measure_words import read_jieba

EXCLUDED = Path(__file__).with_name("verbs_excluded.csv")  # verb, reason: jieba tags it v, reports use it as no verb
MIN_FREQUENCY = 400  # jieba's frequency below which a verb is too rare to list (and costs a start to read)
LENGTH = 2  # characters: most verbs of report prose (开展, 建立, 解决); longer ones start with one


def verbs(jieba_dict: Path, *lexicons: Path) -> list[tuple[str, int]]:
    """(verb, frequency) of jieba's dictionary, most frequent first, then in its order."""
    tags, frequencies = read_jieba(jieba_dict)
    nouns = set()
    for path in lexicons:
        with path.open(encoding="utf-8", newline="") as fh:
            nouns.update(row["noun"] for row in csv.DictReader(fh))
    with EXCLUDED.open(encoding="utf-8", newline="") as fh:
        excluded = {row["verb"] for row in csv.DictReader(fh)}
    found = [
        (word, frequencies[word])
        for word, tag in tags.items()
        if tag == "v"
        and len(word) == LENGTH
        and frequencies[word] >= MIN_FREQUENCY
        and word not in nouns
        and word not in excluded
    ]
    return sorted(found, key=lambda pair: -pair[1])


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["verb", "source"])
    for word, frequency in verbs(Path(argv[0]), *map(Path, argv[1:])):
        writer.writerow([word, f"jieba v {frequency}"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
