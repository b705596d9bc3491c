"""The ready questions of sql/queries/ answer on the shipped reports."""

from __future__ import annotations

from datetime import date

import pytest

from etl.cli import QUERIES_DIR, main
from etl.exports.queries import question as _question

from .conftest import query

QUERIES = sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def ask(warehouse, name: str):
    return query(warehouse, (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8"))


def test_there_are_a_dozen_questions_each_headed_by_the_question_it_answers():
    assert len(QUERIES) >= 12
    for name in QUERIES:
        text = (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")
        assert text.startswith("-- ") and _question(QUERIES_DIR / f"{name}.sql").endswith("?"), name


@pytest.mark.parametrize("name", QUERIES)
def test_every_question_runs(warehouse, name):
    assert ask(warehouse, name)


def test_new_urban_jobs_2013_to_2021_with_targets(warehouse):
    rows = [r[:6] for r in ask(warehouse, "new_urban_jobs")]
    assert rows == [
        (2013, None, None, 13100000.0, None, None),
        (2014, 10000000.0, "at_least", 13220000.0, True, "govreport-2014"),
        (2015, 10000000.0, "at_least", 13120000.0, True, "govreport-2015"),
        (2016, 10000000.0, "at_least", 13140000.0, True, "govreport-2016"),
        (2017, 11000000.0, "at_least", 13510000.0, True, "govreport-2017"),
        (2018, 11000000.0, "at_least", 13610000.0, True, "govreport-2018"),
        (2019, 11000000.0, "at_least", 13520000.0, True, "govreport-2019"),
        (2020, 9000000.0, "at_least", 11860000.0, True, "govreport-2020"),
        (2021, 11000000.0, "at_least", 12690000.0, True, "govreport-2021"),
        (2022, 11000000.0, "at_least", None, None, "govreport-2022"),
    ]
    assert ask(warehouse, "new_urban_jobs")[0][6:] == ("govreport-2014", "城镇新增就业1310万人,创历史新高。")


def test_covid_funds_2020_from_the_seed(warehouse):
    rows = [r[:6] for r in ask(warehouse, "covid_funds_2020")]
    # 援助…物资和资金合计1.05亿元 is goods and money together, never added into the funds (issue 22, item 6)
    assert rows == [("疫情防控", 2020, 2492000000.0, 5510700.0, 2, "24.92亿元; 551.07万人")]


def test_programme_totals_2020_say_how_each_total_was_made(warehouse):
    rows = {(r[0], r[2]): r[3:] for r in ask(warehouse, "programme_totals_2020")}
    assert rows[("covid19_response", "yuan")] == (
        2492000000.0,
        "stated",
        None,
        "24.92亿元",
        "1.05亿元: goods and money together (物资和资金), not funds alone",
    )
    assert rows[("model_worker_awards", "person")] == (
        2493.0,
        "stated",
        None,
        "2493名",
        "1689名: breakdown (其中) of another figure; 804名: breakdown (其中) of another figure; "
        "300多名: a subset overlapping the parts of another figure",
    )


def test_targets_missed(warehouse):
    assert ask(warehouse, "targets_missed") == [
        ("海拉尔区人民政府", "new_urban_jobs", 2015, 5700.0, "at_least", 5650.0, "hailar-2015", "hailar-2016")
    ]


def test_largest_programmes_by_funds(warehouse):
    rows = ask(warehouse, "largest_programmes_by_funds")
    assert len(rows) == 10
    union = [(r[0], r[3], r[4], r[5]) for r in rows if r[2] == "工人日报"]
    assert union == [
        ("union_funds_for_small_firms", 5183000000.0, 2020, 2020),
        ("covid19_response", 2492000000.0, 2020, 2020),
        ("township_unions", 157000000.0, 2020, 2020),
        ("social_union_workers", 136000000.0, 2020, 2020),
        ("eight_groups_unionisation", 8800000.0, 2020, 2020),  # in the ten since 4576亿 is no housing programme's
    ]
    assert [r[3] for r in rows] == sorted((r[3] for r in rows), reverse=True)


def test_gdp_growth_targets(warehouse):
    rows = [r[:5] for r in ask(warehouse, "gdp_growth_targets")]
    assert rows == [
        (2014, 7.5, "approx", 7.4, True),
        (2015, 7.0, "approx", 6.9, True),
        (2016, 6.5, "at_least", 6.7, True),
        (2017, 6.5, "approx", 6.9, True),
        (2018, 6.5, "approx", 6.6, True),
        (2019, 6.0, "at_least", 6.1, True),
        (2021, 6.0, "at_least", 8.1, True),
        (2022, 5.5, "approx", None, None),
    ]


def test_unemployment_rates(warehouse):
    rows = [r for r in ask(warehouse, "unemployment_rates") if r[4] is not None]
    assert rows == [
        ("registered_unemployment_rate", 2016, 4.5, "at_most", 4.02, True),
        ("surveyed_unemployment_rate", 2018, 5.5, "at_most", 5.0, True),
        ("surveyed_unemployment_rate", 2019, 5.5, "approx", 5.3, True),
        ("surveyed_unemployment_rate", 2020, 6.0, "approx", 5.2, None),
        ("surveyed_unemployment_rate", 2021, 5.5, "approx", 5.1, True),
    ]


def test_deficit_plans(warehouse):
    rows = ask(warehouse, "deficit_plans")
    rounded = [tuple(None if v is None else round(v, 2) for v in r[:5]) for r in rows]
    assert [r for r in rounded if r[0] in (2016, 2019, 2022)] == [
        (2016, 3.0, 2.18e12, 1.4e12, 7.8e11),
        (2019, 2.8, 2.76e12, 1.83e12, 9.3e11),
        (2022, 2.8, None, None, None),
    ]


def test_rural_poverty_reduction(warehouse):
    assert ask(warehouse, "rural_poverty_reduction") == [
        (2014, 10000000.0, "at_least", 12320000.0, True),
        (2015, 10000000.0, "at_least", 14420000.0, True),
        (2016, 10000000.0, "at_least", 12400000.0, True),
        (2017, 10000000.0, "at_least", None, None),
        (2018, 10000000.0, "at_least", 13860000.0, True),
        (2019, 10000000.0, "at_least", 11090000.0, True),
    ]


def test_new_urban_jobs_yoy(warehouse):
    rows = ask(warehouse, "new_urban_jobs_yoy")
    assert len(rows) == 16
    assert rows[6] == (2020, False, 11860000.0, 13520000.0, -1660000.0, -12.28)


def test_hailar_economy(warehouse):
    rows = {r[0]: r[1:] for r in ask(warehouse, "hailar_economy")}
    assert rows[2014] == (27440000000.0, 12340000000.0, 5640000000.0, 5256000.0)
    assert rows[2016] == (30360000000.0, 14920000000.0, 8280000000.0, 7040000.0)


def test_union_programmes_2020(warehouse):
    rows = [r[:6] for r in ask(warehouse, "union_programmes_2020")]
    assert rows[:4] == [
        ("union_funds_for_small_firms", "小微企业工会经费支持", 5183000000.0, None, 634800.0, 2),
        ("covid19_response", "疫情防控", 2492000000.0, 5510700.0, None, 2),
        ("township_unions", "乡镇(街道)工会建设", 157000000.0, None, None, 1),
        ("social_union_workers", "社会化工会工作者", 136000000.0, 3357.0, None, 2),
    ]


def test_what_to_catalogue_next(warehouse):
    rows = ask(warehouse, "what_to_catalogue_next")
    # The counts move with every extractor improvement; the ranking is the answer.
    label, n_figures, n_documents = rows[0][:3]
    assert (label, n_documents) == ("投资", 8) and n_figures > 50
    assert [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)


def test_reports_loaded(warehouse):
    rows = ask(warehouse, "reports_loaded")
    assert len(rows) == 18
    assert [r[:5] for r in rows if r[0] in ("govreport-2020", "hailar-2019")] == [
        ("govreport-2020", "国务院", date(2020, 5, 22), 2019, "utf-8"),
        ("hailar-2019", "海拉尔区人民政府", date(2019, 3, 4), 2018, "gb18030"),
    ]


def test_make_query_prints_the_question_and_its_table(warehouse, capsys):
    assert main(["query", "covid_funds_2020", "--db", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == _question(QUERIES_DIR / "covid_funds_2020.sql")
    assert "24.92亿元; 551.07万人" in out and "1.05亿元" not in out


def test_gdp_growth_achieved_and_promised_lines_up_each_publisher_with_ranges_whole(warehouse):
    rows = [r[:8] for r in ask(warehouse, "gdp_growth_achieved_and_promised")]
    assert rows[:3] == [
        ("国务院", 2013, 7.7, "7.7%", 2014, 7.5, None, "7.5%左右"),
        ("国务院", 2014, 7.4, "7.4%", 2015, 7.0, None, "7%左右"),
        ("国务院", 2015, 6.9, "6.9%", 2016, 6.5, 7.0, "6.5%-7%"),  # a range keeps both ends, as written
    ]
    assert ("国务院", 2019, 6.1, "6.1%", None, None, None, None) in rows  # the 2020 report set no GDP target
    assert ("海拉尔区人民政府", 2016, 7.2, "7.2%", 2017, 7.5, None, "7.5%") in rows  # a district, same metric
