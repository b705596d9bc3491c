"""What makes two statements one fact: the one definition, used by figure ids and by the checks.

A fact is identified by what it says, not by where it stands, so that a fact
stated twice (newspaper layouts repeat paragraphs) gets one id and
deduplicate merges the statements. The programme and the metric are part of
it: "开展疫情防控工作，安排资金1亿元。开展理论学习，安排资金1亿元。" states two facts.
"""

from __future__ import annotations

import hashlib
from operator import itemgetter

from etl.records import Figure

FACT = (
    "doc_id",
    "value",
    "unit",
    "label",
    "qualifier",
    "basis",
    "is_target",
    "period_start",
    "period_end",
    "as_of",
    "program",
    "metric_id",
)
# The fields of FACT, read off a figure in one C call, joined as text by a separator no
# report contains; str of a float is its repr, which gives each float one spelling.
_FACT_FIELDS = itemgetter(*(Figure._fields.index(name) for name in FACT))
_SEPARATOR = "\x1f"
# The same text made by one %-format (%s is str) rather than a map and a join.
_FACT_TEXT = _SEPARATOR.join(["%s"] * len(FACT))


def figure_id(figure: Figure | tuple) -> str:
    """A content id: a hash of the fields of FACT, joined as text (of a Figure, or of a tuple of
    a Figure's fields in their order, before the record is made).

    Values need no rounding: numbers.clean has already cut the binary noise of
    decimal arithmetic, so one value always has one float.
    """
    return hashlib.sha1((_FACT_TEXT % _FACT_FIELDS(figure)).encode("utf-8")).hexdigest()[:16]


def sql_fact_columns(value_digits: int = 6) -> str:
    """FACT as SQL grouping expressions, the value rounded (for the warehouse checks)."""
    return ", ".join(f"round(value, {value_digits})" if name == "value" else name for name in FACT)
