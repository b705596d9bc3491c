"""v2.series_years: the one figure that speaks for each series, year and kind, catalogued or automatic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl.warehouse.refresh import refresh

from .conftest import ROOT, query

AUTO = "auto:海拉尔区人民政府:政协委员提案:item:stock:ad8efb"


def test_an_automatic_series_has_one_point_a_year_named_by_its_words(warehouse):
    rows = query(
        warehouse,
        "select name_zh, name_en, year, is_target, value, linked_by, confidence, doc_id "
        "from v2.series_years where series_id = ? order by is_target, year",
        [AUTO],
    )
    # 2012's 65 links to nothing (2013 and 2014 say no such figure): it is a series of its own, never compared.
    assert rows == [
        ("政协委员提案", None, 2015, False, 118.0, "auto", 1.0, "hailar-2016"),
        ("政协委员提案", None, 2016, False, 101.0, "auto", 1.0, "hailar-2017"),
        ("政协委员提案", None, 2017, False, 130.0, "auto", 1.0, "hailar-2018"),
        ("政协委员提案", None, 2018, False, 136.0, "auto", 1.0, "hailar-2019"),
    ]


def test_a_point_is_the_figure_v2_yoy_compares(warehouse):
    compared = query(
        warehouse,
        "select figure_id from v2.yoy union select previous_figure_id from v2.yoy "
        "except select figure_id from v2.series_years",
    )
    assert compared == []


def test_a_change_is_given_only_between_values_stated_alike(warehouse):
    rows = query(
        warehouse,
        "select year, is_target, value, previous_value, change, qualifier, previous_qualifier, no_change_reason "
        "from v2.yoy where series_id = 'gdp_growth' and publisher = '国务院' and year in (2016, 2018) and is_target "
        "order by year",
    )
    assert rows == [
        # 6.5%-7% beside 7%左右: the range's low end
        (2016, True, 6.5, 7.0, None, "at_least", "approx", "not stated alike: at_least beside approx"),
        (2018, True, 6.5, 6.5, 0.0, "approx", "approx", None),
    ]
    unlike = query(
        warehouse,
        "select count(*) from v2.yoy where (change is null) <> (no_change_reason is not null) or "
        "(no_change_reason like 'not stated alike%') = (qualifier = previous_qualifier "
        "or (qualifier in ('exact', 'approx') and previous_qualifier in ('exact', 'approx')))",
    )
    assert unlike == [(0,)]


def test_a_change_is_given_only_between_values_of_one_vintage(warehouse):
    """2012's GDP as the 2017 review restates it (从54万亿元…, revised after the 2013 census) beside 2013's as
    the report on 2013 gave it (56.9万亿元, before that revision): +5.37% would be no growth anyone measured."""
    rows = query(
        warehouse,
        "select value, previous_value, change, pct_change, doc_id, previous_doc_id, no_change_reason from v2.yoy "
        "where series_id = 'gdp' and publisher = '国务院' and year = 2013",
    )
    assert rows == [
        (
            56.9e12,
            54e12,
            None,
            None,
            "govreport-2014",
            "govreport-2018",
            "two vintages: 2013 as the report on 2013 states it, 2012 as the report on 2017 does (figures are revised)",
        )
    ]
    # one report's two years, or each year's own report, are one vintage: the change is said
    same = query(
        warehouse,
        "select count(*) from v2.yoy y join v1.documents d using (doc_id) join v1.documents p "
        "on p.doc_id = y.previous_doc_id where no_change_reason is null "
        "and y.doc_id <> y.previous_doc_id and d.report_year - y.year <> p.report_year - (y.year - 1)",
    )
    assert same == [(0,)]


def test_each_series_has_at_most_one_point_per_year_and_kind(warehouse):
    assert query(
        warehouse,
        "select count(*), count(distinct (series_id, publisher, year, is_target)) from v2.series_years",
    ) == [(1655, 1655)]  # starting levels (由…提高到) are points of the year before their period, a deadline's too
    # (govreport-2016 到2020年…全员劳动生产率从人均8.7万元提高到12万元以上: 8.7万元 is 2015's level)


def test_every_point_of_v1_metric_series_is_a_point_of_its_catalogued_series(warehouse):
    missing = query(
        warehouse,
        "select metric_id, publisher, year, is_target, figure_id from v1.metric_series "
        "except select series_id, publisher, year, is_target, figure_id from v2.series_years",
    )
    assert missing == []
    names = query(
        warehouse,
        "select distinct name_zh, name_en from v2.series_years where series_id = 'new_urban_jobs'",
    )
    assert names == [("城镇新增就业", "New urban jobs")]


def test_the_columns_of_v2_series_years_are_the_documented_ones(warehouse):
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    section = doc.split("## v2.series_years\n", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| (\w+) \| (\w+) \|", section, re.M)
    columns = query(
        warehouse,
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'v2' and table_name = 'series_years' order by ordinal_position",
    )
    assert [c for c in documented if c != ("column", "type")] == columns
    assert len(columns) == 20


def test_no_change_is_given_across_an_uncertain_link(warehouse):
    """Below confidence 0.8 one automatic link in six or seven joins two different things (docs/series.md)."""
    rows = query(
        warehouse,
        "select count(*) filter (where change is not null), count(*) filter (where no_change_reason like "
        "'an uncertain link (confidence 0.%): the two may measure different things') "
        "from v2.yoy where confidence < 0.8",
    )
    assert rows[0][0] == 0 and rows[0][1] > 0


def test_v1_yoy_withholds_the_changes_v2_yoy_explains(warehouse):
    """v1.yoy pairs the same figures as v2.yoy and leaves out the same changes (its columns unchanged)."""
    rows = query(
        warehouse,
        "select y.value, y.previous_value, y.change, y.pct_change, z.no_change_reason from v1.yoy y "
        "join v2.yoy z on z.series_id = y.metric_id and z.publisher = y.publisher and z.year = y.year "
        "and z.is_target = y.is_target and z.doc_id = y.doc_id and z.previous_doc_id = y.previous_doc_id "
        "where y.metric_id = 'gdp' and y.publisher = '国务院' and y.year = 2013",
    )
    assert rows == [
        (
            56.9e12,
            54e12,
            None,
            None,
            "two vintages: 2013 as the report on 2013 states it, 2012 as the report on 2017 does (figures are revised)",
        )
    ]
    mismatched = query(
        warehouse,
        "select count(*) from v1.yoy y join v2.yoy z on z.series_id = y.metric_id "
        "and z.publisher is not distinct from y.publisher and z.year = y.year and z.is_target = y.is_target "
        "and z.doc_id = y.doc_id and z.previous_doc_id = y.previous_doc_id "
        "where (y.change is null) <> (z.no_change_reason is not null)",
    )
    assert mismatched == [(0,)]


# Three reports without a manifest row, so without a publisher: each is a publisher of its own.
UNRELATED = {
    "a.txt": "政府工作报告\n\n2015年,城镇新增就业1312万人。\n",
    "b.txt": "政府工作报告\n\n2016年,城镇新增就业1314万人。\n",
    "c.txt": "工作报告\n\n2015年,城镇新增就业1100万人。2016年,城镇新增就业1200万人。\n",
}


@pytest.fixture(scope="module")
def unrelated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("unrelated") / "reports"
    folder.mkdir()
    for name, text in UNRELATED.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder.parent / "w.duckdb"
    refresh(folder, db, progress=False)
    return db


def test_two_unrelated_documents_without_a_publisher_give_no_change_between_them(unrelated):
    """a's 2015 and b's 2016 are two documents' years, never one series' change; c's two years are its own."""
    assert query(
        unrelated,
        "select series_id, own_doc, year, value, doc_id from core.series_years order by own_doc, year",
    ) == [
        ("new_urban_jobs", "a", 2015, 13120000.0, "a"),
        ("new_urban_jobs", "b", 2016, 13140000.0, "b"),
        ("new_urban_jobs", "c", 2015, 11000000.0, "c"),
        ("new_urban_jobs", "c", 2016, 12000000.0, "c"),
    ]
    assert query(
        unrelated,
        "select series_id, publisher, year, value, previous_value, change, pct_change, doc_id, previous_doc_id "
        "from v2.yoy order by all",
    ) == [("new_urban_jobs", None, 2016, 12000000.0, 11000000.0, 1000000.0, 9.09, "c", "c")]
    assert query(
        unrelated,
        "select metric_id, publisher, year, value, previous_value, change, pct_change, doc_id, previous_doc_id "
        "from v1.yoy order by all",
    ) == [("new_urban_jobs", None, 2016, 12000000.0, 11000000.0, 1000000.0, 9.09, "c", "c")]


def test_each_document_without_a_publisher_has_its_own_years_in_v1_and_v2(unrelated):
    # v1.metric_series chooses each document's own year (c's 2015 is not a's, though a was read first)
    assert query(unrelated, "select doc_id, year, value from v1.metric_series order by all") == [
        ("a", 2015, 13120000.0),
        ("b", 2016, 13140000.0),
        ("c", 2015, 11000000.0),
        ("c", 2016, 12000000.0),
    ]
    assert query(unrelated, "select doc_id, year, n_years, first_year, last_year from v2.series order by all") == [
        ("a", 2015, 1, 2015, 2015),
        ("b", 2016, 1, 2016, 2016),
        ("c", 2015, 1, 2015, 2016),
        ("c", 2016, 1, 2015, 2016),
    ]
    assert query(unrelated, "select doc_id, year, value from v2.series_years order by all") == [
        ("a", 2015, 13120000.0),
        ("b", 2016, 13140000.0),
        ("c", 2015, 11000000.0),
        ("c", 2016, 12000000.0),
    ]


def test_a_target_without_a_publisher_is_set_beside_its_own_documents_outcome_only(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "t.txt").write_text(
        "2015年政府工作报告\n\n今年主要预期目标:城镇新增就业1000万人以上。\n", encoding="utf-8"
    )
    (folder / "a.txt").write_text(UNRELATED["a.txt"], encoding="utf-8")
    refresh(folder, tmp_path / "w.duckdb", progress=False)
    assert query(
        tmp_path / "w.duckdb",
        "select metric_id, year, target, target_qualifier, actual, met, target_doc_id, actual_doc_id "
        "from v1.target_vs_actual",
    ) == [("new_urban_jobs", 2015, 10000000.0, "at_least", None, None, "t", None)]  # not a's 1312万
