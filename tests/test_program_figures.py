"""v1.program_figures: each programme figure, whether it was added to v1.program_summary, and why not."""

from __future__ import annotations

import re

from .conftest import ROOT, query

FIGURES_OF = """
select surface, is_target, added, left_out_reason
from v1.program_figures
where program_id = ? and publisher = ? and year = ?
order by is_target, doc_id, char_start
"""


def test_a_cumulative_stock_is_left_out_when_the_year_states_its_new_flow(warehouse):
    assert query(warehouse, FIGURES_OF, ["social_union_workers", "工人日报", 2020]) == [
        ("1.36亿元", False, True, None),
        ("3357人", False, True, None),  # 新增社会化工会工作者3357人
        ("41101人", False, False, "cumulative stock (累计): the year's new flow is counted instead"),
    ]


def test_breakdowns_and_overlapping_subsets_are_left_out(warehouse):
    assert query(warehouse, FIGURES_OF, ["model_worker_awards", "工人日报", 2020]) == [
        ("2493名", False, True, None),
        ("1689名", False, False, "breakdown (其中) of another figure"),
        ("804名", False, False, "breakdown (其中) of another figure"),
        ("300多名", False, False, "a subset overlapping the parts of another figure"),
    ]


def test_several_years_changes_and_unsummed_units_are_left_out(warehouse):
    rows = query(warehouse, FIGURES_OF, ["affordable_housing", "国务院", 2015])
    assert rows == [
        ("772万套", False, False, "covers several years (2013–2015), not 2015 alone"),
        ("601万套", False, False, "covers several years (2013–2015), not 2015 alone"),
        ("432万户", False, False, "covers several years (2013–2015), not 2015 alone"),
        ("4013万套", False, False, "covers several years (2011–2015), not 2015 alone"),
        ("2600多万套", False, False, "covers several years (2013–2017), not 2015 alone"),
        ("1700多万户", False, False, "covers several years (2013–2017), not 2015 alone"),
        ("740万套", True, False, "unit 'other' is not summed"),
        ("580万套", True, False, "breakdown (其中) of another figure"),
        ("110万套", True, False, "a change (增加, 增长), not a level"),
        ("366万户", True, True, None),
        ("100万户", True, False, "a change (增加, 增长), not a level"),
    ]


def test_a_per_unit_amount_is_left_out(warehouse):
    rows = query(
        warehouse,
        "select surface, left_out_reason from v1.program_figures "
        "where program_id = 'innovation_studios' and qualifier = 'per_unit' order by char_start",
    )
    assert rows == [("10万元", "per-unit amount (每家, 人均), not a total")]


def test_a_figure_of_five_years_has_a_row_for_each_year(warehouse):
    rows = query(
        warehouse,
        "select year from v1.program_figures where surface = '4013万套' and publisher = '国务院' order by year",
    )
    assert rows == [(2011,), (2012,), (2013,), (2014,), (2015,)]


def test_a_figure_is_added_exactly_when_no_reason_leaves_it_out(warehouse):
    assert query(
        warehouse,
        "select added, left_out_reason is null, count(*) from v1.program_figures group by all order by all",
    ) == [
        (False, False, 367),
        (True, True, 78),
    ]  # a clause with a subject of its own takes no programme named before it (又有…农村危房得到改造, 全市经营主体达…):
    # 99 rows left the view, 16 came in (保障性住房, 危旧房, 新农合, 大病保险 named in the figure's own words, 中央财政
    # 安排1000亿元 under a clause naming only 去产能); Hailar's 2016 8008户 now has 1074户危旧房屋 beside it; issue 22: figures of separate clauses, a project's 总投资, goods and money, a comparison, unlike list items
    # (新增就业5300人、再就业1500人) are not added


def test_program_summary_adds_up_exactly_the_figures_added(warehouse):
    summed = query(
        warehouse,
        "select publisher, program_id, year, is_target, string_agg(figure_id, ',' order by doc_id, char_start) "
        "from v1.program_figures where added group by all order by all",
    )
    listed = query(
        warehouse,
        "select publisher, program_id, year, is_target, figure_ids from v1.program_summary order by all",
    )
    assert summed == listed
    assert (
        len(listed) == 63
    )  # Hailar's 2016 housing target: 8008户 and 1074户危旧房屋 in separate sentences may overlap, none is added;
    # Hailar's 2016 jobs and the 2017 tax-and-fee cuts: unlike items, no total; Hailar's 2015 ice-sports centre, a project's size; 2020's 今明两年 training, two years


def test_the_summing_rule_is_written_in_one_view():
    views = {str(p.relative_to(ROOT / "sql")): p.read_text(encoding="utf-8") for p in (ROOT / "sql").rglob("*.sql")}
    assert [name for name, sql in views.items() if re.search(r"\bper_unit'", sql) and "program" in name] == [
        "v1/program_figures.sql"
    ]
    assert "from v1.program_figures" in views["v1/program_summary.sql"]
    assert "from v1.program_figures" in views["v2/program_totals.sql"]


def test_an_amount_before_de_is_the_size_of_a_project_never_the_years_spending(warehouse):
    """Hailar 2013: 投资12.4亿元的保障性住房 describes the projects; 13672户的年度改造任务 (2015) counts
    households, which 的 does not make a size. (确保投资3.4亿元的内蒙古冰上运动训练中心开工建设 was this
    case until its clause, naming its own subject, stopped taking the housing programme named before.)"""
    rows = query(
        warehouse,
        "select surface, added, left_out_reason from v1.program_figures where publisher = '海拉尔区人民政府' "
        "and surface in ('12.4亿元', '13672户', '3.4亿元') order by surface",
    )
    assert rows == [
        ("12.4亿元", False, "a project's total investment (总投资), not the year's spending"),
        ("13672户", True, None),
    ]
