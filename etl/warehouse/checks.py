"""Data checks run inside every refresh before publishing, and by `make check`.

Each check is a query that returns the rows breaking a rule; a check passes
when it returns none. A failing check names its rows.
"""

from __future__ import annotations

import duckdb

from etl.rules.identity import sql_fact_columns

CHECKS: dict[str, str] = {
    # Character offsets into long UTF-8 text cost a scan each, so each distinct
    # sentence is found in its document once, and each surface in its sentence.
    "offsets reproduce the surface": """
        with sentences as (
            select distinct doc_id, sentence_start, sentence_end, sentence from core.figures
        ), misplaced as (
            select s.doc_id, s.sentence_start, s.sentence_end, s.sentence
            from sentences s left join core.documents d using (doc_id)
            where d.doc_id is null or s.sentence_start < 0 or s.sentence_end > d.n_chars
               or substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start) is distinct from s.sentence
        )
        select f.figure_id, f.doc_id, f.surface, f.char_start, f.char_end
        from core.figures f left join misplaced m using (doc_id, sentence_start, sentence_end, sentence)
        where m.doc_id is not null
           or f.char_start < f.sentence_start or f.char_end > f.sentence_end or f.char_start >= f.char_end
           or substr(f.sentence, f.char_start - f.sentence_start + 1, f.char_end - f.char_start)
              is distinct from f.surface
        order by f.doc_id, f.char_start
    """,
    "documents hold the text their n_chars says": """
        select doc_id, n_chars, length(text) from core.documents where length(text) <> n_chars order by doc_id
    """,
    "breakdown parts sum to no more than their whole": """
        select w.figure_id, w.doc_id, w.surface, w.value, sum(p.value) as parts, string_agg(p.figure_id, ',') as part_ids
        from core.figures w join core.figures p on p.parent_figure_id = w.figure_id and p.unit = w.unit
        group by w.figure_id, w.doc_id, w.surface, w.value
        having sum(p.value) > w.value * (1 + 1e-9)
        order by w.doc_id, w.figure_id
    """,
    "every parent exists": """
        select f.figure_id, f.doc_id, f.parent_figure_id
        from core.figures f left join core.figures p on p.figure_id = f.parent_figure_id
        where f.parent_figure_id is not null and p.figure_id is null
        order by f.doc_id, f.figure_id
    """,
    # A fact is what identity.FACT says it is: the same fields make figure ids.
    "no two rows state the same fact": f"""
        select doc_id, round(value, 6) as value, unit, label, string_agg(figure_id, ',' order by figure_id) as figure_ids
        from core.figures
        group by {sql_fact_columns()}
        having count(*) > 1
        order by doc_id, label
    """,
    # core.figures has no index on figure_id (an index is held in memory whole): ids are checked here.
    "figure ids are unique": """
        select figure_id, count(*) as n, string_agg(distinct doc_id, ',') as doc_ids
        from core.figures group by figure_id having count(*) > 1 order by figure_id
    """,
    # Only a number written with a minus sign (-1.5%, 负3.9%) is negative: a fall keeps its
    # value positive and says so in direction.
    "values are finite and negative only when written so": """
        select figure_id, doc_id, surface, value, basis from core.figures
        where not isfinite(value) or ((value < 0) <> (surface[1] in ('-', '−', '负')))
        order by doc_id, figure_id
    """,
    "every metric_id is in the catalog": """
        select f.figure_id, f.doc_id, f.metric_id from core.figures f
        where f.metric_id is not null and not exists (select 1 from core.metrics m where m.metric_id = f.metric_id)
        order by f.doc_id, f.figure_id
    """,
    "every program is in the catalog": """
        select f.figure_id, f.doc_id, f.program from core.figures f
        where f.program is not null and not exists (select 1 from core.programs p where p.program_id = f.program)
        order by f.doc_id, f.figure_id
    """,
}


# The checks that read documents' text. A refresh makes them in its workers, per document,
# where the text is at hand (workers.unusable_figure): in the warehouse, scanning a column of
# whole reports for a few of them pins far more memory than the build may use.
TEXT_CHECKS = ("offsets reproduce the surface", "documents hold the text their n_chars says")


def run_checks(
    con: duckdb.DuckDBPyConnection,
    limit: int = 10,
    documents: str = "core.documents",
    figures: str = "core.figures",
    skip: tuple[str, ...] = (),
) -> list[str]:
    """One line per failing check but those named in `skip`, naming up to `limit` offending rows.

    `documents` and `figures` name the relations checked in place of core.documents
    and core.figures: a refresh checks only the documents it extracted.
    """
    problems = []
    for name, query in CHECKS.items():
        if name in skip:
            continue
        query = query.replace("core.documents", documents).replace("core.figures", figures)
        rows = con.execute(query).fetchmany(limit + 1)
        if rows:
            shown = "; ".join(str(tuple(r)) for r in rows[:limit])
            more = " and more" if len(rows) > limit else ""
            problems.append(f"check failed: {name}: {shown}{more}")
    return problems
