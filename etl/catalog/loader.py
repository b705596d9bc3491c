"""The word lists and catalogs analysts extend, read from CSV under data/catalog.

Every rule that names a Chinese word takes it from here, so that a new unit, qualifier, basis, programme,
metric, publisher word or series filler is one CSV row, not a code change. The files and the values each
column allows are in schema.py; a missing or broken file stops a refresh with one line naming it. Nothing
else reads data/catalog. The patterns a rule compiles from these words are built once per catalog (Catalog.compiled).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from etl import CATALOG_DIR
from etl.catalog.cells import ROLE_NAME
from etl.catalog.gates import alternation, longest_first
from etl.catalog.indexes import WordIndexes
from etl.catalog.schema import SCHEMA, TOPIC_WORD_ROLES, WORD_ROLES, YEAR_MODIFIER_ROLES, CatalogError, read_table
from etl.records import Metric, Program
from etl.text.characters import MAGNITUDE_CHARACTERS, NUMERAL_CHARACTERS
from etl.text.script import ScriptForms

__all__ = ["CATALOG_DIR", "Catalog", "CatalogError", "load_catalog"]

# The units a 家 or 个 can count, named by the noun after or before it (五万家企业, 基层工会组织280.9万个).
COUNTED_UNITS = frozenset({"enterprise", "organization", "household", "item", "other"})  # other: 口袋公园120处


class _Built(dict):
    """What Catalog.compiled made, by the function that made it; one not made yet is made on first use."""

    __slots__ = ("catalog",)

    def __init__(self, catalog):
        super().__init__()
        self.catalog = catalog

    def __missing__(self, build):
        found = self[build] = build(self.catalog)
        return found


@dataclass(frozen=True, eq=False)
class Catalog(WordIndexes):
    """All word lists, each in the order its CSV gives (first match wins)."""

    units: dict[str, tuple[str, float]]  # word -> (unit, scale): units.csv, then measure_words.csv's other words
    measure_categories: dict[str, tuple[str, str]]  # measure word -> (its unit, the category it implies): 港元 funds
    lexicon: dict[str, tuple[str, str]]  # counted noun -> (unit, category): unit_nouns.csv, then counted_nouns.csv
    script_forms: dict[str, str]  # traditional character -> its simplified form (script_forms.csv)
    reference_measures: dict[str, str]  # measure word only measure_words.csv lists -> characters it is not before
    unit_nouns: dict[str, tuple[str, str]]  # noun -> (unit, measure)
    verbs: frozenset[str]  # verbs.csv: where the reach of a counted noun ends (etl/rules/noun_reach.py)
    qualifiers: tuple[tuple[str, str, str], ...]  # (word, position, qualifier)
    bases: tuple[tuple[str, str, str, str], ...]  # (word, basis, position, direction)
    categories: tuple[tuple[str, str, str], ...]  # (word, category, unit)
    category_rules: tuple[tuple[str, frozenset[str], str], ...]  # (cue, units, category), first that holds decides
    target_rules: tuple[tuple[str, str], ...]  # (cue, verdict) of target_rules.csv, first that holds decides
    per_unit_rules: tuple[tuple[str, frozenset[str], str], ...]  # (cue, units, verdict) of per_unit_rules.csv
    not_figure_rules: tuple[tuple[str, frozenset[str], str], ...]  # (cue, units, verdict) of not_figure_rules.csv
    stop_before_all: frozenset[str]
    stop_before_numeral: frozenset[str]  # stop words before an order of magnitude only (上百家, not 迈上6万)
    stop_after: tuple[str, ...]
    words: dict[str, tuple[str, ...]]  # role -> words (words.csv)
    topic_words: dict[str, tuple[str, ...]]  # role -> words (topic_words.csv)
    year_modifiers: dict[str, tuple[str, ...]]  # role -> words (year_modifiers.csv)
    period_openers: dict[str, tuple[str, ...]]  # period -> phrases (period_openers.csv)
    named_periods: dict[str, tuple[int, int]]
    eras: dict[str, int]  # an event a period opens with, and its year (eras.csv): 党的十八大 -> 2012
    programs: tuple[Program, ...]
    metrics: tuple[Metric, ...]
    publisher_words: tuple[tuple[str, str], ...]  # (word, scope) of publisher_words.csv
    publisher_exceptions: tuple[tuple[re.Pattern, str], ...]  # (pattern, scope) of publishers.csv, first match wins
    series_words: tuple[str, ...]  # the fillers of series_words.csv
    generic_words: tuple[str, ...]  # generic_words.csv: words that alone name no quantity (投资)
    subject_pairs: dict[str, tuple[str, ...]]  # a word naming several subjects -> each, in order: 城乡 -> 城镇, 农村
    program_words: tuple[tuple[str, str], ...]  # (word, role) of program_words.csv: what a programme total adds
    version: str
    directory: Path = CATALOG_DIR  # where its files were read: a refresh names it, no rule reads it
    # compiled(build): `build(self)`, made once per catalog: the patterns a rule module composes from
    # words. A dict's own lookup (_Built), so that the rules' many calls per figure cost no Python call.
    compiled: Callable = field(init=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "compiled", _Built(self).__getitem__)

    def simplified(self, text: str) -> str:
        """`text` in simplified characters, one for one (offsets hold), so that every word list
        written in simplified script reads traditional text too: 資助 as 资助."""
        return self._script.simplified(text)

    def simplified_and_plain(self, text: str) -> tuple[str, str]:
        """(simplified(text), that with plain numeral forms as find_mentions reads it), by one search."""
        return self._script.read(text)

    @cached_property
    def _script(self) -> ScriptForms:
        return ScriptForms(self.script_forms)

    # Compiled forms of the word lists that several modules read.
    @cached_property
    def unit_words_re(self) -> re.Pattern:
        return longest_first(self.units)

    @cached_property
    def unit_words_by_first(self) -> dict[str, tuple[str, ...]]:
        """The unit words by their first character, longest first: at a place only those are tried."""
        by_first: dict[str, list[str]] = {}
        for word in sorted(self.units, key=len, reverse=True):
            by_first.setdefault(word[0], []).append(word)
        return {first: tuple(words) for first, words in by_first.items()}

    @cached_property
    def unit_nouns_re(self) -> re.Pattern:
        return longest_first(self.unit_nouns)

    @cached_property
    def counted_nouns(self) -> tuple[tuple[str, str], ...]:
        """The (noun, unit) pairs of what 家 and 个 count, in the CSV's order."""
        return tuple((noun, unit) for noun, (unit, _) in self.unit_nouns.items() if unit in COUNTED_UNITS)

    @cached_property
    def person_nouns(self) -> tuple[tuple[str, str], ...]:
        """The (noun, unit) pairs of nouns that count people (or visits: 人次), in the CSV's order."""
        return tuple((noun, unit) for noun, (unit, _) in self.unit_nouns.items() if unit in ("person", "person_time"))

    @cached_property
    def person_words(self) -> tuple[str, ...]:
        return tuple(noun for noun, _ in self.person_nouns)

    @cached_property
    def counted_nouns_re(self) -> re.Pattern:
        return longest_first(noun for noun, _ in self.counted_nouns)

    @cached_property
    def stop_before_words(self) -> tuple[str, ...]:
        """Stop words of more than one character before a number: 以下10个方面."""
        return tuple(word for word in self.stop_before_all if len(word) > 1)

    @cached_property
    def stop_before(self) -> frozenset[str]:
        return frozenset(word for word in self.stop_before_all if len(word) == 1)

    @cached_property
    def unit_word_endings(self) -> frozenset[str]:
        """Characters a unit word (or a magnitude) ends with: a dash after one is a range (5元-8元)."""
        return frozenset(word[-1] for word in self.units) | frozenset(MAGNITUDE_CHARACTERS)

    @cached_property
    def numeral_units(self) -> tuple[str, ...]:
        """Unit words that begin with a numeral character: 千瓦, 千米, 千克."""
        return tuple(word for word in self.units if word[0] in NUMERAL_CHARACTERS)

    @cached_property
    def numeral_unit_starts(self) -> frozenset[str]:
        return frozenset(word[0] for word in self.numeral_units)

    @cached_property
    def stop_after_re(self) -> re.Pattern:
        return longest_first(self.stop_after)


def catalog_files(directory: Path = CATALOG_DIR) -> list[Path]:
    return sorted(directory.glob("*.csv"))


def _version(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in catalog_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@cache
def load_catalog(directory: Path = CATALOG_DIR) -> Catalog:
    """The catalog of `directory`, every file checked; CatalogError names the first problem."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CatalogError(f"{directory}: no such catalog folder")
    rows = {name: read_table(directory, name) for name in SCHEMA}
    stops = rows["stop_words.csv"]
    listed, measures = rows["units.csv"], rows["measure_words.csv"]
    units = {r["word"]: (r["unit"], float(r["scale"] or 1)) for r in listed}
    words = _grouped(rows["words.csv"], "role", "word", WORD_ROLES)
    return Catalog(
        units=units | {r["word"]: (r["unit"], 1.0) for r in measures if r["word"] not in units},
        measure_categories={r["word"]: (r["unit"], r["category"]) for r in (*measures, *listed) if r["category"]},
        lexicon=_lexicon(rows["unit_nouns.csv"], rows["counted_nouns.csv"]),
        script_forms={r["traditional"]: r["simplified"] for r in rows["script_forms.csv"]},
        reference_measures={r["word"]: r["not_before"] for r in measures if r["word"] not in units},
        unit_nouns={r["noun"]: (r["unit"], r["measure"]) for r in rows["unit_nouns.csv"]},
        verbs=frozenset(r["verb"] for r in rows["verbs.csv"]),
        qualifiers=tuple((r["word"], r["position"], r["qualifier"]) for r in rows["qualifiers.csv"]),
        bases=tuple((r["word"], r["basis"], r["position"], r["direction"]) for r in rows["bases.csv"]),
        categories=tuple((r["word"], r["category"], r["unit"]) for r in rows["categories.csv"]),
        category_rules=_unit_rules(rows["category_rules.csv"], "category"),
        target_rules=tuple((r["cue"], r["verdict"]) for r in rows["target_rules.csv"]),
        per_unit_rules=_unit_rules(rows["per_unit_rules.csv"], "verdict"),
        not_figure_rules=_unit_rules(rows["not_figure_rules.csv"], "verdict"),
        stop_before_all=frozenset(r["word"] for r in stops if r["position"] == "before"),
        stop_before_numeral=frozenset(r["word"] for r in stops if r["position"] == "before_numeral"),
        stop_after=tuple(sorted((r["word"] for r in stops if r["position"] == "after"), key=len, reverse=True)),
        words=words,
        topic_words=_grouped(rows["topic_words.csv"], "role", "word", TOPIC_WORD_ROLES),
        year_modifiers=_grouped(rows["year_modifiers.csv"], "role", "word", YEAR_MODIFIER_ROLES),
        period_openers=_grouped(rows["period_openers.csv"], "period", "phrase"),
        named_periods={r["name"]: (int(r["period_start"]), int(r["period_end"])) for r in rows["periods.csv"]},
        eras={r["name"]: int(r["year"]) for r in rows["eras.csv"]},
        programs=tuple(Program(r["program_id"], r["name_zh"], re.compile(r["patterns"])) for r in rows["programs.csv"]),
        metrics=tuple(_metric(r, words) for r in rows["metrics.csv"]),
        publisher_words=tuple((r["word"], r["scope"]) for r in rows["publisher_words.csv"]),
        publisher_exceptions=tuple((re.compile(r["pattern"]), r["scope"]) for r in rows["publishers.csv"]),
        series_words=tuple(r["word"] for r in rows["series_words.csv"]),
        generic_words=tuple(r["word"] for r in rows["generic_words.csv"]),
        subject_pairs={r["word"]: tuple(r["parts"].split("|")) for r in rows["subject_pairs.csv"]},
        program_words=tuple((r["word"], r["role"]) for r in rows["program_words.csv"]),
        version=_version(directory),
        directory=directory,
    )


def _metric(r: dict[str, str], words: dict[str, tuple[str, ...]]) -> Metric:
    """A row of metrics.csv; a role named in its pattern ({whole_opener}) stands for that role's words."""
    pattern = ROLE_NAME.sub(lambda name: f"(?:{alternation(words[name.group(1)])})", r["patterns"])
    fields = (r["metric_id"], r["name_zh"], r["name_en"], r["category"], r["unit"], r["basis"])
    measures = tuple(m for m in r["measure"].split("|") if m)
    return Metric(*fields, re.compile(pattern), r["scope"], measures, r["falls"])


def _lexicon(hand: list[dict[str, str]], reference: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """The counted nouns analysts keep by hand, then those of the references they do not list."""
    lexicon = {r["noun"]: (r["unit"], r["category"]) for r in hand}
    for r in reference:
        lexicon.setdefault(r["noun"], (r["unit"], r["category"]))
    return lexicon


def _unit_rules(rows: list[dict[str, str]], verdict: str) -> tuple[tuple[str, frozenset[str], str], ...]:
    """A rule table's rows as (cue, the units it applies to, its verdict), in order."""
    return tuple((r["cue"], frozenset(u for u in r["unit"].split("|") if u), r[verdict]) for r in rows)


def _grouped(rows: list[dict[str, str]], key: str, value: str, keys=()) -> dict[str, tuple[str, ...]]:
    """key -> its values, in the file's order; every one of `keys` too (none listed: ())."""
    grouped: dict[str, list[str]] = {k: [] for k in keys}
    for row in rows:
        grouped.setdefault(row[key], []).append(row[value])
    return {k: tuple(v) for k, v in grouped.items()}
