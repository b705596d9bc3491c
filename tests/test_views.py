"""The v1 views over the shipped reports answer the analysts' questions, each number traceable to its sentence.

The views are created in the order sql/views.txt declares (etl/warehouse/views.py).
"""

from __future__ import annotations

import shutil

import duckdb
import pytest

from etl.warehouse import views

from .conftest import ROOT, query

NATIONAL = "publisher = '国务院'"


def test_new_urban_jobs_has_an_outcome_for_every_year_2013_to_2021_and_a_target_for_2014_to_2022(warehouse):
    rows = query(
        warehouse,
        f"select year, value, is_target, qualifier, doc_id from v1.metric_series "
        f"where metric_id = 'new_urban_jobs' and {NATIONAL} order by is_target, year",
    )
    assert rows == [
        (2013, 13100000.0, False, "exact", "govreport-2014"),
        (2014, 13220000.0, False, "exact", "govreport-2015"),
        (2015, 13120000.0, False, "exact", "govreport-2016"),
        (2016, 13140000.0, False, "exact", "govreport-2017"),
        (2017, 13510000.0, False, "exact", "govreport-2018"),
        (2018, 13610000.0, False, "exact", "govreport-2019"),
        (2019, 13520000.0, False, "exact", "govreport-2020"),
        (2020, 11860000.0, False, "exact", "govreport-2021"),
        (2021, 12690000.0, False, "exact", "govreport-2022"),
        (2014, 10000000.0, True, "at_least", "govreport-2014"),
        (2015, 10000000.0, True, "at_least", "govreport-2015"),
        (2016, 10000000.0, True, "at_least", "govreport-2016"),
        (2017, 11000000.0, True, "at_least", "govreport-2017"),
        (2018, 11000000.0, True, "at_least", "govreport-2018"),
        (2019, 11000000.0, True, "at_least", "govreport-2019"),
        (2020, 9000000.0, True, "at_least", "govreport-2020"),
        (2021, 11000000.0, True, "at_least", "govreport-2021"),
        (2022, 11000000.0, True, "at_least", "govreport-2022"),
    ]


def test_every_series_row_is_traceable_to_its_figure_and_sentence_in_the_report(warehouse):
    untraceable = query(
        warehouse,
        "select s.metric_id, s.year from v1.metric_series s "
        "join v1.figures f using (figure_id) join v1.documents d on d.doc_id = s.doc_id "
        "where f.sentence <> s.sentence or s.value <> f.value "
        "or substr(d.text, f.sentence_start + 1, f.sentence_end - f.sentence_start) <> s.sentence",
    )
    assert untraceable == []
    assert query(
        warehouse, "select count(*) from v1.metric_series where figure_id not in (select figure_id from v1.figures)"
    ) == [(0,)]
    sentence = query(
        warehouse,
        f"select sentence from v1.metric_series where metric_id = 'new_urban_jobs' and {NATIONAL} "
        "and year = 2020 and not is_target",
    )
    assert sentence == [("城镇新增就业1186万人,年末全国城镇调查失业率降到5.2%。",)]


def test_one_row_per_metric_publisher_year_and_target(warehouse):
    duplicates = query(
        warehouse,
        "select metric_id, publisher, year, is_target from v1.metric_series group by all having count(*) > 1",
    )
    assert duplicates == []


def test_a_change_is_never_a_level_the_jobs_target_is_not_the_100万_more_than_last_year(warehouse):
    # 2017: 城镇新增就业1100万人以上 is the target; 城镇新增就业预期目标比去年多100万人 is a change.
    rows = query(
        warehouse,
        f"select value, basis from v1.metric_series where metric_id = 'new_urban_jobs' and {NATIONAL} "
        "and year = 2017 and is_target",
    )
    assert rows == [(11000000.0, "new")]


def test_a_district_series_is_the_metric_under_its_own_publisher_and_never_overwrites_the_nation(warehouse):
    # 城镇新增就业 means one thing for every publisher: the publisher carries the scope.
    rows = query(
        warehouse,
        "select metric_id, publisher, value, doc_id from v1.metric_series "
        "where metric_id = 'new_urban_jobs' and year = 2017 and not is_target "
        "order by publisher",
    )
    assert rows == [
        ("new_urban_jobs", "国务院", 13510000.0, "govreport-2018"),
        ("new_urban_jobs", "海拉尔区人民政府", 6435.0, "hailar-2018"),
    ]


def test_within_a_report_the_headline_sentence_wins_over_a_sectors_figure(warehouse):
    # hailar-2016 says 新增就业3000人 for its commerce and 全年实现新增就业5650人 for the district.
    rows = query(
        warehouse,
        "select value from v1.metric_series where metric_id = 'new_urban_jobs' "
        "and publisher = '海拉尔区人民政府' and year = 2015 and not is_target",
    )
    assert rows == [(5650.0,)]


def test_yoy_compares_outcomes_with_outcomes_and_targets_with_targets(warehouse):
    rows = query(
        warehouse,
        f"select year, is_target, value, previous_value, change, pct_change from v1.yoy "
        f"where metric_id = 'new_urban_jobs' and {NATIONAL} and year in (2014, 2020, 2021) order by is_target, year",
    )
    assert rows == [
        (2014, False, 13220000.0, 13100000.0, 120000.0, 0.92),
        (2020, False, 11860000.0, 13520000.0, -1660000.0, -12.28),
        (2021, False, 12690000.0, 11860000.0, 830000.0, 7.0),
        (2020, True, 9000000.0, 11000000.0, -2000000.0, -18.18),
        (2021, True, 11000000.0, 9000000.0, 2000000.0, 22.22),
    ]


def test_yoy_only_compares_the_same_unit_and_basis(warehouse):
    mixed = query(
        warehouse,
        "select y.metric_id, y.year from v1.yoy y "
        "join v1.metric_series c on c.metric_id = y.metric_id and c.publisher = y.publisher "
        "and c.year = y.year and c.is_target = y.is_target "
        "join v1.metric_series p on p.metric_id = y.metric_id and p.publisher = y.publisher "
        "and p.year = y.year - 1 and p.is_target = y.is_target "
        "where c.unit <> p.unit or c.basis is distinct from p.basis",
    )
    assert mixed == []


def test_target_vs_actual_says_every_jobs_target_2014_to_2021_was_met(warehouse):
    rows = query(
        warehouse,
        f"select year, target, target_qualifier, actual, met from v1.target_vs_actual "
        f"where metric_id = 'new_urban_jobs' and {NATIONAL} order by year",
    )
    assert rows == [
        (2014, 10000000.0, "at_least", 13220000.0, True),
        (2015, 10000000.0, "at_least", 13120000.0, True),
        (2016, 10000000.0, "at_least", 13140000.0, True),
        (2017, 11000000.0, "at_least", 13510000.0, True),
        (2018, 11000000.0, "at_least", 13610000.0, True),
        (2019, 11000000.0, "at_least", 13520000.0, True),
        (2020, 9000000.0, "at_least", 11860000.0, True),
        (2021, 11000000.0, "at_least", 12690000.0, True),
        (2022, 11000000.0, "at_least", None, None),
    ]


def test_target_vs_actual_respects_the_qualifier(warehouse):
    rows = query(
        warehouse,
        f"select metric_id, year, target, target_qualifier, actual, met from v1.target_vs_actual "
        f"where {NATIONAL} and (metric_id, year) in "
        "(('surveyed_unemployment_rate', 2018), ('surveyed_unemployment_rate', 2019), "
        "('surveyed_unemployment_rate', 2020), ('cpi_inflation', 2014)) order by metric_id, year",
    )
    assert rows == [
        # 居民消费价格涨幅控制在3.5%左右, then 上涨2%: far under an approximate target, not a miss.
        ("cpi_inflation", 2014, 3.5, "approx", 2.0, None),
        ("surveyed_unemployment_rate", 2018, 5.5, "at_most", 5.0, True),
        ("surveyed_unemployment_rate", 2019, 5.5, "approx", 5.3, True),
        ("surveyed_unemployment_rate", 2020, 6.0, "approx", 5.2, None),
    ]


def test_a_missed_target_is_false(warehouse):
    # hailar-2015: 全年新增就业5700人以上; hailar-2016: 全年实现新增就业5650人.
    rows = query(
        warehouse, "select publisher, metric_id, year, target, actual from v1.target_vs_actual where met = false"
    )
    assert rows == [("海拉尔区人民政府", "new_urban_jobs", 2015, 5700.0, 5650.0)]


def test_program_summary_answers_the_seeds_covid_programme_and_names_the_figures_it_added(warehouse):
    rows = query(
        warehouse,
        "select program_name_zh, funds_yuan, people_reached, n_figures, surfaces, figure_ids from v1.program_summary "
        "where program_id = 'covid19_response' and publisher = '工人日报' and year = 2020 and not is_target",
    )
    assert len(rows) == 1
    name, funds, people, n_figures, surfaces, figure_ids = rows[0]
    assert (name, funds, people, n_figures) == ("疫情防控", 2492000000.0, 5510700.0, 2)
    assert surfaces == "24.92亿元; 551.07万人"  # 物资和资金合计1.05亿元: goods and money, never funds
    added = query(
        warehouse,
        "select surface from v1.figures where list_contains(string_split(?, ','), figure_id) order by char_start",
        [figure_ids],
    )
    assert added == [("24.92亿元",), ("551.07万人",)]


def test_program_summary_never_adds_breakdown_parts_per_unit_amounts_or_a_stock_beside_its_flow(warehouse):
    rows = query(
        warehouse,
        "select program_id, funds_yuan, people_reached, organizations, surfaces from v1.program_summary "
        "where publisher = '工人日报' and program_id in "
        "('model_worker_awards', 'innovation_studios', 'social_union_workers') order by program_id",
    )
    assert rows == [
        # 百家 studios, not the 每家10万元 each of them got.
        ("innovation_studios", None, None, 100.0, "百家"),
        # 2493名, never its parts 劳模1689名、先进工作者804名 nor the 300多名 that overlap them.
        ("model_worker_awards", None, 2493.0, None, "2493名"),
        # 新增3357人, not also the 累计41101人 that holds them; the 1.57亿元 before it goes to 乡镇(街道)工会.
        ("social_union_workers", 136000000.0, 3357.0, None, "1.36亿元; 3357人"),
    ]


def test_sources_counts_each_documents_figures(warehouse):
    rows = query(
        warehouse,
        "select doc_id, publisher, report_year, encoding, n_figures, n_actuals + n_targets, "
        "n_catalogued + n_uncatalogued from v1.sources where doc_id in ('acftu-2020', 'hailar-2016')",
    )
    figures = dict(query(warehouse, "select doc_id, count(*) from v1.figures group by doc_id"))
    assert [r[:4] for r in rows] == [
        ("acftu-2020", "工人日报", 2020, "utf-8"),
        ("hailar-2016", "海拉尔区人民政府", 2015, "gb18030"),
    ]
    for doc_id, _, _, _, n_figures, by_target, by_metric in rows:
        assert n_figures == by_target == by_metric == figures[doc_id]
    assert query(warehouse, "select count(*) from v1.sources") == [(18,)]


def test_uncatalogued_lists_labels_no_metric_matches_most_frequent_first(warehouse):
    rows = query(warehouse, "select label, n_figures from v1.uncatalogued")
    counts = [n for _, n in rows]
    assert counts == sorted(counts, reverse=True)
    assert sum(counts) == query(warehouse, "select count(*) from v1.figures where metric_id is null")[0][0]
    labels = {label for label, _ in rows}
    assert "城镇新增就业" not in labels and "投资" in labels


def test_metric_series_has_one_row_per_metric_publisher_year_and_target(warehouse):
    assert (
        query(
            warehouse,
            "select metric_id, publisher, year, is_target from v1.metric_series group by all having count(*) > 1",
        )
        == []
    )


# --- the order views are created in: sql/views.txt ------------------------------------------------


def _sql_folder(tmp_path, extra_views: dict[str, str], listing: list[str]):
    """A copy of sql/ with more view files and its own sql/views.txt."""
    sql = tmp_path / "sql"
    shutil.copytree(ROOT / "sql", sql)
    for name, text in extra_views.items():
        version, view = name.split(".")
        (sql / version / f"{view}.sql").write_text(text, encoding="utf-8")
    (sql / "views.txt").write_text("\n".join(listing) + "\n", encoding="utf-8")
    return sql


def _shipped_listing():
    return [line for line in (ROOT / "sql" / "views.txt").read_text(encoding="utf-8").splitlines() if line[:1] == "v"]


def _without_views(warehouse, tmp_path):
    db = tmp_path / "copy.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    con.execute("drop schema v1 cascade")
    con.execute("drop schema v2 cascade")
    return con


A_V2_VIEW = "-- Which programmes?\ncreate or replace view v2.programmes as select program_id from core.programs;\n"
A_V1_VIEW_READING_V2 = (
    "-- How many programmes?\ncreate or replace view v1.n_programmes as select count(*) as n from v2.programmes;\n"
)


def test_the_views_are_created_in_the_declared_order_and_a_v1_view_may_read_a_v2_one(warehouse, tmp_path):
    listing = ["v2.programmes", *_shipped_listing(), "v1.n_programmes"]
    sql = _sql_folder(tmp_path, {"v2.programmes": A_V2_VIEW, "v1.n_programmes": A_V1_VIEW_READING_V2}, listing)
    assert views.declared_views(sql)[:2] == [("v2", "programmes"), ("v1", "documents")]
    con = _without_views(warehouse, tmp_path)
    try:
        views.create_views(con, sql)
        assert con.execute("select n from v1.n_programmes").fetchall() == query(
            warehouse, "select count(*) from core.programs"
        )
    finally:
        con.close()


def test_a_view_declared_before_the_view_it_reads_stops_the_build(warehouse, tmp_path):
    listing = [*_shipped_listing(), "v1.n_programmes", "v2.programmes"]
    sql = _sql_folder(tmp_path, {"v2.programmes": A_V2_VIEW, "v1.n_programmes": A_V1_VIEW_READING_V2}, listing)
    con = _without_views(warehouse, tmp_path)
    try:
        with pytest.raises(duckdb.CatalogException, match="programmes does not exist"):
            views.create_views(con, sql)
    finally:
        con.close()


def test_a_view_file_sql_views_txt_does_not_list_is_named(tmp_path):
    sql = _sql_folder(tmp_path, {"v2.programmes": A_V2_VIEW}, _shipped_listing())
    with pytest.raises(
        views.ViewFilesError, match=r"views.txt: v2/programmes.sql not listed; add each after the views it reads"
    ):
        views.declared_views(sql)


def test_a_listed_view_without_its_file_is_named_with_its_line(tmp_path):
    listing = [*_shipped_listing(), "v2.programmes"]  # the last line of the file
    sql = _sql_folder(tmp_path, {}, listing)
    with pytest.raises(
        views.ViewFilesError, match=rf"views.txt:{len(listing)}: v2.programmes has no file v2/programmes.sql"
    ):
        views.declared_views(sql)


def test_the_shipped_views_are_each_listed_once():
    listed = _shipped_listing()
    files = sorted(f"{p.parent.name}.{p.stem}" for p in (ROOT / "sql").glob("v*/*.sql"))
    assert sorted(listed) == files
    assert len(set(listed)) == len(listed)


def test_every_view_reads_back_from_the_file_as_it_was_created(warehouse):
    """A refresh with nothing changed compares each stored view with one made afresh
    (previous.views_as_built); DuckDB writes some SQL back otherwise (a cross join as a comma),
    which would make every refresh rebuild."""
    from etl.warehouse.previous import views_as_built

    assert views_as_built(warehouse)
