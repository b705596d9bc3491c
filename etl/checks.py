"""Data checks run inside every refresh before publishing, and by `make check`.

Each check is a query that returns the rows breaking a rule; a check passes
when it returns none. A failing check names its rows.
"""

from __future__ import annotations

import duckdb

CHECKS: dict[str, str] = {
    "offsets reproduce the surface": """
        select f.figure_id, f.doc_id, f.surface
        from core.figures f join core.documents d using (doc_id)
        where substr(d.text, f.char_start + 1, f.char_end - f.char_start) <> f.surface
           or substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) <> f.sentence
    """,
    "breakdown parts sum to no more than their whole": """
        select w.figure_id, w.doc_id, w.surface
        from core.figures w join core.figures p on p.parent_figure_id = w.figure_id
        group by w.figure_id, w.doc_id, w.surface, w.value
        having sum(p.value) > w.value * (1 + 1e-9)
    """,
    "every parent exists": """
        select f.figure_id, f.doc_id, f.parent_figure_id
        from core.figures f left join core.figures p on p.figure_id = f.parent_figure_id
        where f.parent_figure_id is not null and p.figure_id is null
    """,
    "no two rows state the same fact": """
        select doc_id, value, unit, label, count(*) as n
        from core.figures
        group by doc_id, value, unit, label, qualifier, basis, is_target, period_start, period_end, as_of
        having count(*) > 1
    """,
    "values are finite and non-negative": """
        select figure_id, doc_id, surface, value from core.figures
        where not isfinite(value) or value < 0
    """,
    "every metric_id is in the catalog": """
        select figure_id, doc_id, metric_id from core.figures
        where metric_id is not null and metric_id not in (select metric_id from core.metrics)
    """,
    "every program is in the catalog": """
        select figure_id, doc_id, program from core.figures
        where program is not null and program not in (select program_id from core.programs)
    """,
}


def run_checks(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[str]:
    """One line per failing check, naming up to `limit` offending rows."""
    problems = []
    for name, query in CHECKS.items():
        rows = con.execute(query).fetchmany(limit + 1)
        if rows:
            shown = "; ".join(str(tuple(r)) for r in rows[:limit])
            more = " and more" if len(rows) > limit else ""
            problems.append(f"check failed: {name}: {shown}{more}")
    return problems
