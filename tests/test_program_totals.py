"""v2.program_totals: a programme's total adds only figures that are disjoint and of one kind (issue 22, item 6).

Each total says how it was made (`stated`, `sum of N disjoint figures`) or why there is none, and every
figure left out is listed with why.
"""

from __future__ import annotations

import pytest

from etl.warehouse.refresh import refresh

from .conftest import query

# publisher -> a report of one programme (疫情防控) for 2020
REPORTS = {
    "stated": "一、2020年工作回顾\n全总共安排疫情防控资金10亿元。疫情防控一线职工慰问资金3亿元。\n",
    "list_opened_by_gong": "一、2020年工作回顾\n疫情防控期间，共有595万人接受救助，3340万人接受慰问。\n",
    "one_list": "一、2020年工作回顾\n疫情防控期间慰问职工家庭2.1万户、农民工家庭5.1万户。\n",
    "project": "一、2020年工作回顾\n疫情防控医院项目总投资18.8亿元，当年完成投资6.87亿元。\n",
    "compared": "一、2020年工作回顾\n疫情防控专项资金2.36亿元，超过原定的近2亿元规模。\n",
    "two_statements": "一、2020年工作回顾\n疫情防控完成投资55.2亿元。疫情防控医院当年完成投资6.87亿元。\n",
    "range": "一、2020年工作回顾\n今年安排疫情防控资金5-8亿元。\n",
    "range_zhi": "一、2020年工作回顾\n今年安排疫情防控资金5至8亿元。\n",
    "reemployed": "一、2020年工作回顾\n疫情防控期间新增就业5300人、再就业1500人。\n",
    "unlike_things": "一、2020年工作回顾\n疫情防控物资产业园2个、产业集群1个。\n",
    "level_reached": "一、2020年工作回顾\n疫情防控期间救治病人2万人、住院病人减少到1万人。\n",
    "gonggong": "一、2020年工作回顾\n全年投入疫情防控资金2亿元、公共服务疫情防控资金3亿元。\n",
    "zhonggong": "一、2020年工作回顾\n疫情防控期间中共党员捐款3亿元。其他捐款1亿元。\n",
    "only_figure": "一、2020年工作回顾\n疫情防控专项资金6亿元。\n",
}
TOTAL_OF = """
select unit, total, how, no_total_reason, surfaces, left_out
from v2.program_totals
where program_id = 'covid19_response' and publisher = ? and year = 2020 and not is_target
order by unit
"""


@pytest.fixture(scope="module")
def snippets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("programme-reports")
    rows = ["file,doc_id,title,publisher,published_on,report_year"]
    for publisher, text in REPORTS.items():
        (folder / f"{publisher}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{publisher}.txt,{publisher.replace('_', '-')},,{publisher},,2020")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path_factory.mktemp("programme-warehouse") / "w.duckdb"
    refresh(folder, db, progress=False)
    return db


def test_the_unions_covid_funds_are_the_stated_24_92_never_goods_and_money_added_in(warehouse):
    """make query Q=covid_funds_2020 said 25.97亿元: 援助…物资和资金合计1.05亿元 was added into the funds."""
    assert query(warehouse, TOTAL_OF, ["工人日报"]) == [
        ("person", 5510700.0, "only figure", None, "551.07万人", None),
        (
            "yuan",
            2492000000.0,
            "stated",
            None,
            "24.92亿元",
            "1.05亿元: goods and money together (物资和资金), not funds alone",
        ),
    ]


def test_hailars_2015_housing_total_never_adds_a_projects_total_investment_nor_statements_that_may_overlap(
    warehouse,
):
    """It added 总投资18.8亿元 + the same project's 当年完成投资6.87亿元 + another 55.2亿元."""
    rows = query(
        warehouse,
        "select total, how, no_total_reason, left_out from v2.program_totals where program_id = 'affordable_housing'"
        " and publisher = '海拉尔区人民政府' and year = 2015 and not is_target and unit = 'yuan'",
    )
    ((total, how, reason, left_out),) = rows
    assert (total, how, reason) == (None, None, "2 figures in separate clauses may overlap: none is added")
    assert "18.8亿元: a project's total investment (总投资), not the year's spending" in left_out
    assert "6.87亿元: 2 figures in separate clauses may overlap: none is added" in left_out
    assert "55.2亿元: 2 figures in separate clauses may overlap: none is added" in left_out


def test_a_total_the_report_states_is_the_total_and_figures_within_it_are_left_out(snippets):
    assert query(snippets, TOTAL_OF, ["stated"]) == [
        (
            "yuan",
            1e9,
            "stated",
            None,
            "10亿元",
            "3亿元: the report states the total (10亿元): this figure may be part of it",
        )
    ]


def test_gong_opening_a_list_states_no_total(snippets):
    """年末全国共有595万人…，3340万人…: 共 opens the list, 595万 is no total of it."""
    reason = "2 figures in separate clauses may overlap: none is added"
    assert query(snippets, TOTAL_OF, ["list_opened_by_gong"]) == [
        ("person", None, None, reason, None, f"595万人: {reason}; 3340万人: {reason}")
    ]


def test_the_items_of_one_list_are_disjoint_and_add_up(snippets):
    assert query(snippets, TOTAL_OF, ["one_list"]) == [
        ("household", 72000.0, "sum of 2 disjoint figures", None, "2.1万户; 5.1万户", None)
    ]


def test_a_projects_total_investment_is_never_added_to_its_spending_of_the_year(snippets):
    assert query(snippets, TOTAL_OF, ["project"]) == [
        (
            "yuan",
            687000000.0,
            "only figure",
            None,
            "6.87亿元",
            "18.8亿元: a project's total investment (总投资), not the year's spending",
        )
    ]


def test_an_amount_a_figure_is_measured_against_is_never_added(snippets):
    assert query(snippets, TOTAL_OF, ["compared"]) == [
        (
            "yuan",
            236000000.0,
            "only figure",
            None,
            "2.36亿元",
            "2亿元: measures the figure before it against another amount (超过…), not an amount of its own",
        )
    ]


def test_figures_of_separate_statements_may_overlap_and_make_no_total(snippets):
    reason = "2 figures in separate clauses may overlap: none is added"
    assert query(snippets, TOTAL_OF, ["two_statements"]) == [
        ("yuan", None, None, reason, None, f"55.2亿元: {reason}; 6.87亿元: {reason}")
    ]


def test_v1_program_summary_adds_exactly_what_v2_program_totals_does(warehouse):
    v1 = query(
        warehouse,
        "select program_id, publisher, year, is_target, funds_yuan from v1.program_summary"
        " where funds_yuan is not null order by all",
    )
    v2 = query(
        warehouse,
        "select program_id, publisher, year, is_target, total from v2.program_totals"
        " where unit = 'yuan' and total is not null order by all",
    )
    assert v1 == v2


@pytest.mark.parametrize(("publisher", "written"), [("range", "5-8亿元"), ("range_zhi", "5至8亿元")])
def test_the_two_ends_of_a_range_are_one_amount_never_added(snippets, publisher, written):
    """今年安排扶贫资金5-8亿元 made 13亿元, 'sum of 2 disjoint figures'."""
    reason = f"a range ({written}) is one amount, never a sum of its ends: none is added"
    assert query(snippets, TOTAL_OF, [publisher]) == [
        ("yuan", None, None, reason, None, f"5: {reason}; 8亿元: {reason}")
    ]


def test_the_re_employed_are_never_added_to_the_new_jobs(snippets):
    """新增就业5300人、再就业1500人 made 6800人: 再就业 is a kind of 就业, not another owner of it."""
    reason = "2 figures of one clause are not of one kind: none is added"
    assert query(snippets, TOTAL_OF, ["reemployed"]) == [
        ("person", None, None, reason, None, f"5300人: {reason}; 1500人: {reason}")
    ]


def test_unlike_things_of_one_list_are_never_added(snippets):
    """产业园2个、产业集群1个 made 3个."""
    reason = "2 figures of one clause are not of one kind: none is added"
    assert query(snippets, TOTAL_OF, ["unlike_things"]) == [
        ("organization", None, None, reason, None, f"2个: {reason}; 1个: {reason}")
    ]


def test_a_level_reached_is_never_added_to_a_flow(snippets):
    """…2万人、…减少到1万人 made 3万人: 减少到 says the level reached, not how many."""
    reason = "2 figures of one clause, one a level reached (到, 至), not a flow: none is added"
    assert query(snippets, TOTAL_OF, ["level_reached"]) == [
        ("person", None, None, reason, None, f"2万人: {reason}; 1万人: {reason}")
    ]


def test_gong_inside_another_word_states_no_total(snippets):
    """公共服务…资金3亿元 was 'stated': 公共 holds 共, and 共 alone says all of it."""
    assert query(snippets, TOTAL_OF, ["gonggong"]) == [
        ("yuan", 5e8, "sum of 2 disjoint figures", None, "2亿元; 3亿元", None)
    ]
    reason = "2 figures in separate clauses may overlap: none is added"
    assert query(snippets, TOTAL_OF, ["zhonggong"]) == [
        ("yuan", None, None, reason, None, f"3亿元: {reason}; 1亿元: {reason}")
    ]


def test_the_only_figure_is_not_said_to_be_stated(snippets):
    """One figure that may count, with no 共 or 合计 saying it is all, is the total as the only figure."""
    assert query(snippets, TOTAL_OF, ["only_figure"]) == [("yuan", 6e8, "only figure", None, "6亿元", None)]
