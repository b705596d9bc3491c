"""The word lists and catalogs analysts extend, read from CSV under data/catalog.

Every rule that names a Chinese word takes it from here, so that a new unit,
qualifier, programme or metric is a spreadsheet edit, not a code change.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

CATALOG_DIR = Path(__file__).resolve().parent.parent / "data" / "catalog"
# The units a 家 or 个 can count, named by the noun after or before it (五万家企业, 基层工会组织280.9万个).
COUNTED_UNITS = frozenset({"enterprise", "organization", "household", "item"})


class WordIndex:
    """An ordered word list compiled into one regular expression.

    The list's order is its priority (the CSV's order): when several words
    occur, the one listed first decides. One regex pass replaces a loop of
    `word in text` tests, which matters at a thousand reports.
    """

    def __init__(self, entries: list[tuple[str, object]], fillers: tuple[str, ...] = ()):
        self.entries = [(w, p) for w, p in entries if w]
        self.single_characters = [(w, p) for w, p in self.entries if len(w) == 1]
        self.priority: dict[str, list[tuple[int, object]]] = {}
        for rank, (word, payload) in enumerate(self.entries):
            self.priority.setdefault(word, []).append((rank, payload))
        words = sorted(self.priority, key=len, reverse=True)
        alternation = "|".join(map(re.escape, words)) or r"(?!x)x"
        tail = "(?:" + "|".join(map(re.escape, fillers)) + ")?" if fillers else ""
        self.anywhere = re.compile(alternation)
        self.ending = re.compile(f"({alternation}){tail}$")
        # A text that ends with none of these characters cannot end with a word (or filler).
        self.last_characters = frozenset(word[-1] for word in (*words, *fillers))
        self.starting = re.compile(alternation)

    def first_in(self, text: str, accept=None):
        """The payload of the highest-priority word found anywhere in `text`."""
        first = self.anywhere.search(text)
        if first is None:
            return None  # most texts hold none of the words: one search says so
        best = None
        for match in self.anywhere.finditer(text, first.start()):
            for rank, payload in self.priority[match.group()]:
                if (best is None or rank < best[0]) and (accept is None or accept(payload)):
                    best = (rank, payload)
        return None if best is None else best[1]

    def at_end(self, text: str):
        """The payload of the word that ends `text` (fillers such as 了 allowed after it)."""
        if text[-1:] not in self.last_characters:
            return None
        match = self.ending.search(text, max(0, len(text) - 12))
        return None if match is None else self.priority[match.group(1)][0][1]

    def at_start(self, text: str, pos: int = 0):
        """The payload of the word that starts `text` at `pos`."""
        match = self.starting.match(text, pos)
        return None if match is None else self.priority[match.group()][0][1]


@dataclass(frozen=True)
class Metric:
    metric_id: str
    name_zh: str
    name_en: str
    category: str
    unit: str
    basis: str
    pattern: re.Pattern
    scope: str = ""  # national, local, or empty for any report


@dataclass(frozen=True)
class Program:
    program_id: str
    name_zh: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Catalog:
    """All word lists, each in the order its CSV gives (first match wins)."""

    units: dict[str, str]
    unit_nouns: dict[str, str]
    qualifiers: tuple[tuple[str, str, str], ...]  # (word, position, qualifier)
    bases: tuple[tuple[str, str, str], ...]  # (word, basis, position)
    categories: tuple[tuple[str, str, str], ...]  # (word, category, unit)
    stop_before: frozenset[str]
    stop_after: tuple[str, ...]
    named_periods: dict[str, tuple[int, int]]
    programs: tuple[Program, ...]
    metrics: tuple[Metric, ...]
    version: str
    publisher_scopes: tuple[tuple[re.Pattern, str], ...] = ()

    def scope_of(self, publisher: str | None) -> str:
        """national or local for a publisher (publishers.csv), '' when unknown.

        城镇新增就业 in a district report is not the national series: a metric
        with a scope matches only reports of that scope.
        """
        for pattern, scope in self.publisher_scopes:
            if publisher and pattern.search(publisher):
                return scope
        return ""

    # Compiled forms of the word lists, built once per catalog.
    @cached_property
    def unit_words_re(self) -> re.Pattern:
        return _longest_first(self.units)

    @cached_property
    def unit_nouns_re(self) -> re.Pattern:
        return _longest_first(self.unit_nouns)

    @cached_property
    def counted_nouns(self) -> tuple[tuple[str, str], ...]:
        """The (noun, unit) pairs of what 家 and 个 count, in the CSV's order."""
        return tuple((noun, unit) for noun, unit in self.unit_nouns.items() if unit in COUNTED_UNITS)

    @cached_property
    def person_nouns(self) -> tuple[tuple[str, str], ...]:
        """The (noun, unit) pairs of nouns that count people, in the CSV's order."""
        return tuple((noun, unit) for noun, unit in self.unit_nouns.items() if unit == "person")

    @cached_property
    def person_words(self) -> tuple[str, ...]:
        return tuple(noun for noun, _ in self.person_nouns)

    @cached_property
    def counted_nouns_re(self) -> re.Pattern:
        return _longest_first(noun for noun, _ in self.counted_nouns)

    @cached_property
    def stop_after_re(self) -> re.Pattern:
        return _longest_first(self.stop_after)

    @cached_property
    def qualifiers_before(self) -> WordIndex:
        return WordIndex([(w, q) for w, pos, q in self.qualifiers if pos == "before"], ("了", "达", "为", "到"))

    @cached_property
    def qualifiers_after(self) -> WordIndex:
        return WordIndex([(w, q) for w, pos, q in self.qualifiers if pos == "after"])

    @cached_property
    def qualifiers_in_clause(self) -> WordIndex:
        return WordIndex([(w, q) for w, pos, q in self.qualifiers if pos == "clause"])

    @cached_property
    def bases_before(self) -> WordIndex:
        return WordIndex([(w, b) for w, b, pos in self.bases if pos == "before"], ("了", "约", "近", "超过"))

    @cached_property
    def bases_in_clause(self) -> WordIndex:
        return WordIndex([(w, b) for w, b, pos in self.bases if pos == "clause"])

    @cached_property
    def bases_in_sentence(self) -> WordIndex:
        return WordIndex([(w, b) for w, b, pos in self.bases if pos == "sentence"])

    @cached_property
    def category_words(self) -> WordIndex:
        return WordIndex([(w, (c, frozenset(u.split("|")) if u else frozenset())) for w, c, u in self.categories if w])

    @cached_property
    def category_defaults(self) -> dict[str, str]:
        defaults: dict[str, str] = {}
        for word, category, unit in self.categories:
            if not word:
                defaults.setdefault(unit, category)
        return defaults

    @cached_property
    def programs_index(self) -> re.Pattern:
        """All programme patterns as one alternation without groups.

        Named groups per programme would tell directly which one matched, but
        they make Python's re try every alternative at every character: twenty
        times slower. The programme of a match is looked up by program_rank.
        """
        alternatives = [a for p in self.programs for a in top_level_alternatives(p.pattern.pattern)]
        return re.compile("|".join(alternatives) or r"(?!x)x")  # literal words: re skips ahead by itself

    def metrics_for(self, unit: str, scope: str) -> tuple[tuple[Metric, ...], re.Pattern]:
        """The metrics a figure of `unit` in a report of `scope` can be, in catalog order,
        and all their patterns as one flat alternation (see programs_index)."""
        by_unit = self.metric_candidates(scope)
        found = by_unit.get(unit)
        if found is None:
            metrics = tuple(
                m for m in self.metrics if (not m.unit or m.unit == unit) and m.scope in ("", scope or "national")
            )
            alternatives = [a for m in metrics for a in top_level_alternatives(m.pattern.pattern)]
            found = by_unit[unit] = (metrics, _with_first_character_gate("|".join(alternatives) or r"(?!x)x"))
        return found

    def metric_candidates(self, scope: str) -> dict[str, tuple[tuple[Metric, ...], re.Pattern]]:
        """metrics_for's answers for one scope, by unit, as they are asked for.

        A report of unknown scope reads as national: local twins need a known local publisher.
        """
        return self._metrics_by_scope.setdefault(scope or "national", {})

    @cached_property
    def _metrics_by_scope(self) -> dict[str, dict[str, tuple[tuple[Metric, ...], re.Pattern]]]:
        return {}

    @cached_property
    def named_periods_re(self) -> re.Pattern:
        return _longest_first(self.named_periods)

    @cached_property
    def period_opener_quick(self) -> re.Pattern:
        """Could this sentence open a period (五年来, 今年, “十三五”时期…)? A cheap first test."""
        names = _longest_first(self.named_periods).pattern
        return re.compile(
            r"(?:——|各位代表[,，]|同志们[,，]|[(（][一二三四五六七八九十]+[)）]|“)*"
            rf"(?:过去|这|近|最近|今年|去年|一年|刚刚|今后|未来|在|经过|回顾|[一二两三四五六七八九十0-9]{{1,4}}年|“?(?:{names}))"
        )

    @cached_property
    def period_opener_starts(self) -> frozenset[str]:
        """The characters a period-opening sentence can start with: a set lookup rules out
        most sentences before any regex runs."""
        return frozenset(first_characters(self.period_opener_quick.pattern) or ())

    @cached_property
    def named_period_opener(self) -> re.Pattern:
        """A sentence opening with a named period: “十三五”时期, 十二五期间, 十四五以来."""
        names = _longest_first(self.named_periods).pattern
        return re.compile(rf"^(?:在|经过|回顾)?“?({names})”?(?:时期|期间|以来|规划期间?|的?五年)")

    def program_rank(self, matched: str) -> int:
        """The catalog position of the first programme whose pattern is `matched`."""
        rank = self._program_ranks.get(matched)
        if rank is None:
            rank = next(
                (i for i, p in enumerate(self.programs) if p.pattern.fullmatch(matched)),
                len(self.programs),
            )
            self._program_ranks[matched] = rank
        return rank

    @cached_property
    def _program_ranks(self) -> dict[str, int]:
        return {}


def _with_first_character_gate(pattern: str) -> re.Pattern:
    """`pattern` behind a lookahead on the characters a match can start with.

    Groups, anchors and lookbehinds hide from re which characters an alternation
    can start with, so it tries every alternative at every character; the
    lookahead lets it skip the rest (4x faster on report text).
    """
    starts = first_characters(pattern)
    if starts:
        pattern = "(?=[" + "".join(sorted(map(_class_escape, starts))) + "])(?:" + pattern + ")"
    return re.compile(pattern)


def first_characters(pattern: str) -> set[str] | None:
    """The characters a match of `pattern` can start with; None when that is not a short list."""
    try:
        from re import _parser  # the parser of the standard library's own re module

        found = _first_of(list(_parser.parse(pattern)), _parser)
    except Exception:  # an unusual pattern: do without the shortcut
        return None
    return found if found and len(found) <= 256 else None


def _first_of(items: list, sre) -> set[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: the next item decides
        if op is sre.LITERAL:
            return chars | {chr(arg)}
        if op is sre.IN:
            for kind, value in arg:
                if kind is sre.LITERAL:
                    chars.add(chr(value))
                elif kind is sre.RANGE and value[1] - value[0] < 256:
                    chars.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None
            return chars
        if op is sre.BRANCH:
            for branch in arg[1]:
                sub = _first_of(list(branch), sre)
                if sub is None:
                    return None
                chars |= sub
            return chars
        if op is sre.SUBPATTERN:
            sub = _first_of(list(arg[-1]), sre)
            if sub is None:
                return None
            return chars | sub
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            low, _, item = arg
            sub = _first_of(list(item), sre)
            if sub is None:
                return None
            chars |= sub
            if low > 0:
                return chars
            continue  # may match nothing: what follows can start the match too
        return None
    return None  # the pattern can match the empty string


def _class_escape(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


def _longest_first(words) -> re.Pattern:
    """An alternation that prefers the longest word: 人次 before 人, 个百分点 before 个."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))) or r"(?!x)x")


def top_level_alternatives(pattern: str) -> list[str]:
    """'a|b(?:c|d)|e' -> ['a', 'b(?:c|d)', 'e']: wrapping each in a group would slow re down."""
    parts, depth, current, escaped = [], 0, [], False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p for p in parts if p]


def _rows(directory: Path, name: str) -> list[dict[str, str]]:
    path = directory / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def catalog_files(directory: Path = CATALOG_DIR) -> list[Path]:
    return sorted(directory.glob("*.csv"))


def _version(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in catalog_files(directory):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _pattern(text: str) -> re.Pattern:
    # Patterns are alternatives separated by '|', as an analyst would type them.
    return re.compile(text or r"(?!x)x")


@cache
def load_catalog(directory: Path = CATALOG_DIR) -> Catalog:
    stops = _rows(directory, "stop_words.csv")
    return Catalog(
        units={r["word"]: r["unit"] for r in _rows(directory, "units.csv")},
        unit_nouns={r["noun"]: r["unit"] for r in _rows(directory, "unit_nouns.csv")},
        qualifiers=tuple((r["word"], r["position"], r["qualifier"]) for r in _rows(directory, "qualifiers.csv")),
        bases=tuple((r["word"], r["basis"], r["position"]) for r in _rows(directory, "bases.csv")),
        categories=tuple((r["word"], r["category"], r["unit"]) for r in _rows(directory, "categories.csv")),
        stop_before=frozenset(r["word"] for r in stops if r["position"] == "before"),
        stop_after=tuple(sorted((r["word"] for r in stops if r["position"] == "after"), key=len, reverse=True)),
        named_periods={
            r["name"]: (int(r["period_start"]), int(r["period_end"])) for r in _rows(directory, "periods.csv")
        },
        programs=tuple(
            Program(r["program_id"], r["name_zh"], _pattern(r["patterns"])) for r in _rows(directory, "programs.csv")
        ),
        metrics=tuple(
            Metric(
                r["metric_id"],
                r["name_zh"],
                r["name_en"],
                r["category"],
                r["unit"],
                r.get("basis", ""),
                _pattern(r["patterns"]),
                r.get("scope", ""),
            )
            for r in _rows(directory, "metrics.csv")
        ),
        publisher_scopes=tuple(
            (re.compile(r["pattern"]), r["scope"]) for r in _rows(directory, "publishers.csv") if r["pattern"]
        ),
        version=_version(directory),
    )
