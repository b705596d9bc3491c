"""`python -m etl series suggest`: automatic series an analyst may keep, and `--accept` to keep them.

A suggestion is a series zhibiao lined up by itself (v2.series, linked_by
'auto') over two or more report years, most years and figures first, named by
its series_id. Accepted,
it becomes a row of metrics.csv: an id, the words it counts as its Chinese
name, its unit, basis class and category, the publisher's scope, and as its
pattern the longest text that every member's label (with the words after the
number) holds. After the next refresh the figures it names are catalogued.
A series whose members share no such text (their words came from the clause
before them) cannot be named by a pattern and is not suggested; a pattern that
is a generic word alone, or that finds figures of two series in one report, is
refused when accepted (refusal).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path
from typing import NamedTuple

from etl.catalog import CATALOG_DIR, load_catalog
from etl.catalog.schema import SCHEMA
from etl.rules.publishers import metric_scope, rules_of
from etl.series.matching import ITEM_BREAK, words_of

METRIC_COLUMNS = tuple(SCHEMA["metrics.csv"])  # the columns of metrics.csv, as the catalog checks them
MEMBERS_SQL = """
select s.series_id, s.publisher, s.year, f.unit, f.basis, f.category, f.label,
    substr(f.sentence, f.char_end - f.sentence_start + 1, 24) as after, s.confidence,
    f.char_start = f.sentence_start or substr(f.sentence, f.char_start - f.sentence_start, 1) in {breaks} as opens,
    f.is_target

from v2.series s join core.figures f using (figure_id)
where s.linked_by = 'auto' and s.n_years >= 2 and s.series_id like 'auto:%'
order by s.series_id, s.publisher, s.year, f.doc_id, f.char_start
""".format(breaks="(" + ", ".join(f"'{c}'" for c in ",，;；:：。!?！？") + ")")


# Every figure not yet catalogued, with the text a pattern is tried on (as MEMBERS_SQL builds it) and its series.
FIGURES_SQL = """
select f.doc_id, f.unit, f.is_target, f.label, substr(f.sentence, f.char_end - f.sentence_start + 1, 24) as after,
    f.char_start = f.sentence_start or substr(f.sentence, f.char_start - f.sentence_start, 1) in {breaks} as opens,
    s.series_id
from core.figures f join v2.figures s using (figure_id)
where f.metric_id is null
""".format(breaks="(" + ", ".join(f"'{c}'" for c in ",，;；:：。!?！？") + ")")


class Suggestion(NamedTuple):
    id: str  # the series_id of v2.series
    series_id: str
    publisher: str | None
    years: tuple[int, ...]
    n_figures: int
    confidence: float
    labels: tuple[str, ...]
    row: dict[str, str]  # the metrics.csv row it would add
    is_target: bool = False
    common: str = ""  # the text every member holds: the pattern, unescaped


def suggestions(con, catalog_dir: Path = CATALOG_DIR) -> list[Suggestion]:
    """Automatic series of two or more years that a pattern can name, most years and figures first."""
    groups: dict[tuple, list[tuple]] = {}
    for row in con.execute(MEMBERS_SQL).fetchall():
        groups.setdefault((row[0], row[1]), []).append(row)
    catalog = load_catalog(Path(catalog_dir))
    rules, words = rules_of(catalog), words_of(catalog)
    found = []
    for (series_id, publisher), rows in groups.items():
        # A figure that opens its clause borrowed its label: only the words after it are its own.
        texts = sorted(
            {("" if opens else label) + ITEM_BREAK.split(after or "", 1)[0] for *_, label, after, _, opens, _ in rows}
        )
        common = longest_common_text(texts)
        if len(words.normalise(common)) < 2:
            continue  # nothing every member says, beyond fillers: no pattern would name them
        _, _, _, unit, basis, *_ = rows[0]
        basis_class = basis if basis in ("new", "change") else ""
        categories = [r[5] for r in rows]
        metric = {
            "metric_id": "series_" + hashlib.sha1(series_id.encode()).hexdigest()[:7],
            "name_zh": series_id.split(":")[2],
            "name_en": "",
            "category": max(sorted(set(categories)), key=categories.count),
            "unit": unit,
            "basis": basis_class,
            "patterns": re.escape(common),
            "scope": {"national": "national", "local": "local"}.get(metric_scope(rules.scope_of(publisher)), ""),
        }
        confidences = [r[8] for r in rows if r[8] is not None]
        found.append(
            Suggestion(
                series_id,
                series_id,
                publisher,
                tuple(sorted({r[2] for r in rows})),
                len(rows),
                min(confidences, default=1.0),
                tuple(dict.fromkeys(r[6] for r in rows)),
                metric,
                rows[0][10],
                common,
            )
        )
    return sorted(found, key=lambda s: (-len(s.years), -s.n_figures, -s.confidence, s.id))


def refusal(s: Suggestion, con, catalog_dir: Path = CATALOG_DIR) -> str | None:
    """Why suggestion `s` may not become a metric, in one line; None when it may.

    A pattern that is a generic word alone (generic_words.csv) would name every 投资 of every
    report; one that finds figures of two series of one kind in one report would join them.
    """
    words = words_of(load_catalog(Path(catalog_dir)))
    if len(words.specific(words.normalise(s.common))) < 2:
        return f"{s.id}: refused: its pattern {s.common} is a generic word alone (generic_words.csv)"
    pattern = re.compile(s.row["patterns"])
    found: dict[tuple, set] = {}
    for doc, _, is_target, label, after, opens, series in con.execute(
        FIGURES_SQL + " and f.unit = ? order by f.doc_id", [s.row["unit"]]
    ).fetchall():
        text = ("" if opens else label) + ITEM_BREAK.split(after or "", 1)[0]
        if pattern.search(label) or pattern.search(text):
            found.setdefault((doc, is_target), set()).add(series)
    for (doc, _), series in found.items():
        if len(series) > 1:
            named = ", ".join(sorted(series)[:2]) + (" …" if len(series) > 2 else "")
            return f"{s.id}: refused: its pattern {s.common} finds figures of {len(series)} series in {doc} ({named})"
    return None


def longest_common_text(texts: list[str]) -> str:
    """The longest run of characters that every text holds ('' for none)."""
    if not texts:
        return ""
    first = min(texts, key=len)
    for size in range(len(first), 0, -1):
        for start in range(len(first) - size + 1):
            piece = first[start : start + size]
            if all(piece in t for t in texts):
                return piece
    return ""


def accept(chosen: list[Suggestion], catalog_dir: Path = CATALOG_DIR) -> Path:
    """Append the suggestions' rows to metrics.csv of `catalog_dir`; refuses an id the catalog has."""
    path = Path(catalog_dir) / "metrics.csv"
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = reader.fieldnames or list(METRIC_COLUMNS)
        known = {row["metric_id"] for row in reader}
    taken = [s.row["metric_id"] for s in chosen if s.row["metric_id"] in known]
    if taken:
        raise ValueError(f"{path}: already holds {', '.join(taken)}")
    text = path.read_text(encoding="utf-8-sig")
    with path.open("a", encoding="utf-8", newline="") as fh:
        if text and not text.endswith("\n"):
            fh.write("\n")
        writer = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="ignore")
        writer.writerows({**dict.fromkeys(header, ""), **s.row} for s in chosen)
    return path


def add_series_command(commands) -> None:
    """`series suggest [--accept ID ...]`, added to the command line's subcommands."""
    series = commands.add_parser(
        "series",
        help="automatic series: list the links worth keeping, keep them",
        description="Series zhibiao lined up across report years by itself (see docs/series.md).",
    )
    actions = series.add_subparsers(dest="series_command", metavar="ACTION", required=True, help="suggest")
    suggest = actions.add_parser(
        "suggest",
        help="list automatic series most frequent first; --accept adds them",
        description="List the automatic series of two or more years, most years first, each with the "
        "metrics.csv pattern it would get; --accept appends the chosen ones to metrics.csv.",
    )
    suggest.add_argument(
        "--db", type=Path, default=Path("data/warehouse.duckdb"), metavar="PATH", help="warehouse file to read"
    )
    suggest.add_argument("--catalog", type=Path, default=CATALOG_DIR, help="catalog folder (default data/catalog)")
    suggest.add_argument("--accept", nargs="+", metavar="ID", help="append these suggestions to metrics.csv")
    suggest.add_argument("--limit", type=int, default=30, help="how many to list (default 30)")
    suggest.set_defaults(run=_run)


def _run(args: argparse.Namespace) -> int:
    import duckdb

    if not args.db.exists():
        raise SystemExit(f"{args.db}: no warehouse here; run make refresh first")
    con = duckdb.connect(str(args.db), read_only=True)
    try:
        try:
            found = suggestions(con, args.catalog)
        except duckdb.CatalogException:
            print(f"{args.db}: has no v2 series (built by an older zhibiao?); run make refresh", file=sys.stderr)
            return 1
        if args.accept:
            return _accept(con, found, args)
    finally:
        con.close()
    if not found:
        print("(no automatic series of two or more years)")
        return 0
    print("series_id\tkind\tpublisher\tyears\tfigures\tunit\tconfidence\tpattern\tlabels")
    for s in found[: args.limit]:
        years = f"{s.years[0]}-{s.years[-1]}" if len(s.years) > 1 else str(s.years[0])
        kind = "target" if s.is_target else "outcome"
        print(
            f"{s.id}\t{kind}\t{s.publisher}\t{years}\t{s.n_figures}\t{s.row['unit']}\t{s.confidence:.2f}\t"
            f"{s.row['patterns']}\t{' / '.join(s.labels[:3])}"
        )
    return 0


def _accept(con, found: list[Suggestion], args: argparse.Namespace) -> int:
    by_id = {s.id: s for s in found}
    unknown = [i for i in args.accept if i not in by_id]
    if unknown:
        print(f"no suggestion {', '.join(unknown)}; `series suggest` lists them", file=sys.stderr)
        return 2
    refused = [r for r in (refusal(by_id[i], con, args.catalog) for i in args.accept) if r]
    for line in refused:
        print(line, file=sys.stderr)
    if refused:
        return 1
    try:
        path = accept([by_id[i] for i in args.accept], args.catalog)
    except ValueError as err:
        print(err, file=sys.stderr)
        return 1
    for i in args.accept:
        row = by_id[i].row
        print(f"{path}: added {row['metric_id']} ({row['name_zh']}, {row['unit']}, pattern {row['patterns']})")
    print("run make refresh to catalogue the figures it names")
    return 0
