"""Every data check, whoever runs it: `make check` over a warehouse, a refresh over its build and its workers.

Each rule is stated here once, as a query that returns the rows breaking it
(it holds when it returns none; a failing check names its rows). A rule that a
refresh checks per document, where the document is at hand in its worker,
also has a Python form beside its query (`in_document`), and
tests/test_checks.py breaks each rule both ways to see that the two agree.

`make check` runs every query over the whole warehouse (run_checks). A refresh
runs the same rules: the Python forms in its workers, one document at a time
(document_problem), so that the file is named and --keep-going can load the
others; then every query but those that read the documents' whole text over
the documents it extracted (check_build). In the warehouse, scanning a column
of whole reports for a few of them pins far more memory than a build may use.
Reused documents passed the same checks when they were published: the
extraction key that let them be reused digests etl/*.py, this file included,
and the catalogs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import duckdb

from etl.records import Document, Figure
from etl.rules.identity import sql_fact_columns
from etl.rules.mentions import MINUS_SIGNS
from etl.series import few_rows

CHECK_DOCUMENTS = 1000  # documents a refresh checks at a time
MAX_PROBLEMS = 20  # lines of failed checks a refresh keeps for its message: the first are enough to act on


@dataclass(frozen=True)
class Rule:
    """A rule the rows of a warehouse keep."""

    name: str
    sql: str  # the rows of core.documents and core.figures that break it
    in_document: Callable[[Document, Sequence[Figure]], str] | None = None  # what breaks it in one document, or ''
    reads_text: bool = False  # the query reads documents' text: a refresh checks it per document only


def _misplaced(document: Document, figures: Sequence[Figure]) -> str:
    text = document.text
    for f in figures:
        if not (0 <= f.char_start < f.char_end <= len(text)) or text[f.char_start : f.char_end] != f.surface:
            return f"offsets {f.char_start}:{f.char_end} do not reproduce {f.surface[:20]!r}"
        if not (0 <= f.sentence_start <= f.char_start and f.char_end <= f.sentence_end <= document.n_chars) or (
            text[f.sentence_start : f.sentence_end] != f.sentence
        ):
            return (
                f"sentence offsets {f.sentence_start}:{f.sentence_end} of {f.surface[:20]!r} at {f.char_start} "
                "do not reproduce its sentence"
            )
    return ""


def _miscounted(document: Document, figures: Sequence[Figure]) -> str:
    if document.n_chars != len(document.text):
        return f"n_chars {document.n_chars} is not the length of the text ({len(document.text)})"
    return ""


def _wrong_value(document: Document, figures: Sequence[Figure]) -> str:
    for f in figures:
        if not math.isfinite(f.value) or ((f.value < 0) != f.surface.startswith(MINUS_SIGNS)):
            return f"value {f.value} of {f.surface[:20]!r} at {f.char_start}"
    return ""


RULES = (
    # A document's length first: the offsets into its text are checked against it.
    Rule(
        "documents hold the text their n_chars says",
        "select doc_id, n_chars, length(text) from core.documents where length(text) <> n_chars order by doc_id",
        _miscounted,
        reads_text=True,
    ),
    # Character offsets into long UTF-8 text cost a scan each, so each distinct
    # sentence is found in its document once, and each surface in its sentence.
    Rule(
        "offsets reproduce the surface",
        """
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
        _misplaced,
        reads_text=True,
    ),
    Rule(
        "breakdown parts sum to no more than their whole",
        """
        select w.figure_id, w.doc_id, w.surface, w.value, sum(p.value) as parts, string_agg(p.figure_id, ',') as part_ids
        from core.figures w join core.figures p on p.parent_figure_id = w.figure_id and p.unit = w.unit
        group by w.figure_id, w.doc_id, w.surface, w.value
        having sum(p.value) > w.value * (1 + 1e-9)
        order by w.doc_id, w.figure_id
        """,
    ),
    Rule(
        "every parent exists",
        """
        select f.figure_id, f.doc_id, f.parent_figure_id
        from core.figures f left join core.figures p on p.figure_id = f.parent_figure_id
        where f.parent_figure_id is not null and p.figure_id is null
        order by f.doc_id, f.figure_id
        """,
    ),
    # A fact is what identity.FACT says it is: the same fields make figure ids.
    Rule(
        "no two rows state the same fact",
        f"""
        select doc_id, round(value, 6) as value, unit, label, string_agg(figure_id, ',' order by figure_id) as figure_ids
        from core.figures
        group by {sql_fact_columns()}
        having count(*) > 1
        order by doc_id, label
        """,
    ),
    # core.figures has no index on figure_id (an index is held in memory whole): ids are checked here.
    Rule(
        "figure ids are unique",
        """
        select figure_id, count(*) as n, string_agg(distinct doc_id, ',') as doc_ids
        from core.figures group by figure_id having count(*) > 1 order by figure_id
        """,
    ),
    # Only a number written with a minus sign (-1.5%, 负3.9%) is negative: a fall keeps its
    # value positive and says so in direction. Checked per document too, and in the build.
    Rule(
        "values are finite and negative only when written so",
        f"""
        select figure_id, doc_id, surface, value, basis from core.figures
        where not isfinite(value) or ((value < 0) <> (surface[1] in ({", ".join(f"'{m}'" for m in MINUS_SIGNS)})))
        order by doc_id, figure_id
        """,
        _wrong_value,
    ),
    Rule(
        "every metric_id is in the catalog",
        """
        select f.figure_id, f.doc_id, f.metric_id from core.figures f
        where f.metric_id is not null and not exists (select 1 from core.metrics m where m.metric_id = f.metric_id)
        order by f.doc_id, f.figure_id
        """,
    ),
    Rule(
        "every program is in the catalog",
        """
        select f.figure_id, f.doc_id, f.program from core.figures f
        where f.program is not null and not exists (select 1 from core.programs p where p.program_id = f.program)
        order by f.doc_id, f.figure_id
        """,
    ),
)
CHECKS: dict[str, str] = {rule.name: rule.sql for rule in RULES}


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
    for rule in RULES:
        if rule.name in skip:
            continue
        query = rule.sql.replace("core.documents", documents).replace("core.figures", figures)
        rows = con.execute(query).fetchmany(limit + 1)
        if rows:
            shown = "; ".join(str(tuple(r)) for r in rows[:limit])
            more = " and more" if len(rows) > limit else ""
            problems.append(f"check failed: {rule.name}: {shown}{more}")
    return problems


def document_problem(document: Document, figures: Sequence[Figure]) -> str:
    """What the rules with a Python form refuse in one document's rows, said per file; '' when none."""
    for rule in RULES:
        problem = rule.in_document(document, figures) if rule.in_document else ""
        if problem:
            return problem
    return ""


def check_build(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> list[str]:
    """The checks over the documents `doc_ids` of a build, CHECK_DOCUMENTS at a time (at most MAX_PROBLEMS lines).

    A chunk at a time keeps DuckDB within its memory limit. The rules that read
    the documents' text are left out: the workers checked them (document_problem).
    """
    skip = tuple(rule.name for rule in RULES if rule.reads_text)
    problems: list[str] = []
    for start in range(0, len(doc_ids), CHECK_DOCUMENTS):
        chunk = doc_ids[start : start + CHECK_DOCUMENTS]
        # A temporary table, not an Arrow one: DuckDB's client imports pandas to scan Arrow (etl/series/few_rows.py).
        checked = few_rows.temp_table(con, "checked_ids", [("doc_id", "VARCHAR")], [(d,) for d in chunk])
        try:
            for table in ("documents", "figures"):
                con.execute(
                    f"create or replace temp view checked_{table} as "
                    f"select * from core.{table} where doc_id in (select doc_id from {checked})"
                )
            problems += run_checks(con, documents="checked_documents", figures="checked_figures", skip=skip)
        finally:
            for table in ("documents", "figures"):
                con.execute(f"drop view if exists checked_{table}")
            con.execute(f"drop table if exists {checked}")
        if len(problems) >= MAX_PROBLEMS:
            return problems[:MAX_PROBLEMS]
    return problems
