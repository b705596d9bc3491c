"""Whose report is it: the scope of a publisher (national, provincial, city, district) from its name.

The administrative words of a name decide (publisher_words.csv, read into the Catalog):
全国, 国务院 and the ministries are national; 省, 自治区 provincial; 市, 州, 盟 city;
区, 县, 旗 district. When a name holds several, the lowest level named wins
(深圳市福田区政府 is a district), and a word listed with scope `none` (市场) is not
an administrative word at all. The rows of data/catalog/publishers.csv are the
exceptions, tried first (北京市 is a province); a row of scope `local` says only
that the publisher is not national and lets the words give its level.

A publisher that nothing matches, and a document without one, has no scope:
its figures never join a national series.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from etl.catalog import Catalog
from etl.catalog.gates import longest_first
from etl.catalog.schema import PUBLISHER_WORD_SCOPES

LEVELS = PUBLISHER_WORD_SCOPES[:4]  # national, provincial, city, district: from the highest to the lowest
LOCAL_LEVELS = frozenset(LEVELS[1:])
WORDS_FILE = "publisher_words.csv"
EXCEPTIONS_FILE = "publishers.csv"


@dataclass(frozen=True)
class PublisherRules:
    words: tuple[tuple[str, str], ...]  # (word, scope) in the CSV's order
    exceptions: tuple[tuple[re.Pattern, str], ...]  # (pattern, scope), first match wins

    def scope_of(self, publisher: str | None) -> str:
        """national, provincial, city, district, local, or '' when nothing says."""
        if not publisher or not publisher.strip():
            return ""
        for pattern, scope in self.exceptions:
            if pattern.search(publisher):
                if scope == "local":  # not national: the words say which level
                    level = self.level_from_words(publisher)
                    return level if level in LOCAL_LEVELS else "local"
                return scope
        return self.level_from_words(publisher)

    def level_from_words(self, publisher: str) -> str:
        """The lowest level an administrative word of the name gives, '' when none does."""
        scope_of_word = dict(self.words)
        found = [scope_of_word[m.group()] for m in _alternation(tuple(scope_of_word)).finditer(publisher)]
        levels = [LEVELS.index(s) for s in found if s in LEVELS]
        return LEVELS[max(levels)] if levels else ""

    def scopes(self, publishers: Iterable[str | None]) -> dict[str | None, str]:
        """The scope of each of `publishers`, each asked once (scope_of)."""
        return {publisher: self.scope_of(publisher) for publisher in set(publishers)}

    def warnings(
        self, publishers_by_document: dict[str, str | None], scopes: dict[str | None, str] | None = None
    ) -> list[str]:
        """One line per publisher no rule matches and per document without a publisher.

        `scopes` holds each publisher's scope when the caller has it (scopes()); each is asked once either way.
        """
        if scopes is None:
            scopes = self.scopes(publishers_by_document.values())
        lines = []
        unknown: dict[str, list[str]] = {}
        for doc_id, publisher in sorted(publishers_by_document.items()):
            if not publisher or not publisher.strip():
                lines.append(f"{doc_id}: no publisher (manifest.csv); its figures join no national series")
            elif not scopes[publisher]:
                unknown.setdefault(publisher, []).append(doc_id)
        for publisher, doc_ids in sorted(unknown.items()):
            lines.append(
                f"publisher {publisher!r} ({', '.join(doc_ids)}) matches no rule of {WORDS_FILE} or "
                f"{EXCEPTIONS_FILE}; its figures join no national series"
            )
        return lines


def metric_scope(scope: str) -> str:
    """The scope column of metrics.csv a publisher's figures may match.

    metrics.csv knows national and local: a provincial, city or district
    publisher is local. A publisher of unknown scope gets 'unknown', which
    matches only metrics without a scope: it never joins a national series.
    """
    if scope == "national":
        return "national"
    if scope in LOCAL_LEVELS or scope == "local":
        return "local"
    return "unknown"


def metric_fits(metric_scope_column: str, publisher_scope: str) -> bool:
    """Whether a metric of metrics.csv's `scope` column applies to a publisher of `publisher_scope`.

    '' applies to every publisher; local to every provincial, city or district
    one; national, provincial, city or district to that scope only.
    """
    if not metric_scope_column:
        return True
    if metric_scope_column == "local":
        return metric_scope(publisher_scope) == "local"
    return metric_scope_column == publisher_scope


def rules_of(catalog: Catalog) -> PublisherRules:
    """The publisher rules of a catalog (publisher_words.csv and publishers.csv), built once per catalog."""
    return catalog.compiled(_rules)


def _rules(catalog: Catalog) -> PublisherRules:
    return PublisherRules(catalog.publisher_words, catalog.publisher_exceptions)


def metric_scope_of(publisher: str | None, catalog: Catalog) -> str:
    """The one call a pipeline needs: a publisher's name to the metric scope its figures match."""
    return metric_scope(rules_of(catalog).scope_of(publisher))


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern:
    """Longest word first, so that 自治区 is read before 区 and 市场 before 市."""
    return longest_first(words)
