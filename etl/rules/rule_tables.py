"""How a rule table of data/catalog applies to a unit: the one reading of its rows that
category_rules.csv and per_unit_rules.csv share (cue, units, verdict; in order of precedence)."""

from __future__ import annotations

ALWAYS = "always"  # the cue that holds for every figure: the unit's last resort


def rows_for(table: tuple[tuple[str, frozenset[str], str], ...], unit: str) -> tuple[list[tuple[str, str]], str | None]:
    """The (cue, verdict) rows of `table` that apply to `unit` (no units listed, or the unit among
    them), in order, up to its first `always` row; and that row's verdict, None when it has none."""
    rows = []
    for cue, units, verdict in table:
        if units and unit not in units:
            continue
        if cue == ALWAYS:
            return rows, verdict
        rows.append((cue, verdict))
    return rows, None
