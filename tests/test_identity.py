"""One definition of a fact, used by figure ids and by the warehouse checks."""

from __future__ import annotations

import duckdb

from etl.records import Figure, Source
from etl.rules.identity import FACT, sql_fact_columns
from etl.rules.pipeline import process
from etl.warehouse import load, schema
from etl.warehouse.checks import run_checks

from .helpers import figures_of

TWO_PROGRAMMES = "开展疫情防控工作，安排资金1亿元。开展理论学习，安排资金1亿元。"


def test_the_same_amount_in_two_programmes_is_two_facts():
    figures = figures_of(TWO_PROGRAMMES)
    assert [(f.surface, f.program) for f in figures] == [("1亿元", "covid19_response"), ("1亿元", "theory_study")]
    assert figures[0].figure_id != figures[1].figure_id


def test_a_fact_stated_twice_in_one_programme_is_one_row_with_two_mentions():
    (figure,) = figures_of("开展疫情防控工作，安排资金1亿元。\n开展疫情防控工作，安排资金1亿元。")
    assert (figure.program, figure.mentions) == ("covid19_response", 2)


def test_the_checks_group_by_the_same_fields_as_the_ids():
    assert set(FACT) <= set(Figure._fields)
    assert sql_fact_columns() == (
        "doc_id, round(value, 6), unit, label, qualifier, basis, is_target, "
        "period_start, period_end, as_of, program, metric_id"
    )


def test_a_warehouse_holding_both_programmes_passes_the_checks():
    document, figures = process(Source("t.txt", "t", report_year=2020), TWO_PROGRAMMES.encode("utf-8"))
    con = duckdb.connect()
    schema.create_schema(con)
    load.insert_documents(con, [document], "key")
    load.insert_figures(con, figures)
    assert con.execute("select count(*) from core.figures").fetchone() == (2,)
    assert [p for p in run_checks(con) if "same fact" in p] == []
