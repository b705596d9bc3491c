"""A publisher's scope comes from its name; publishers.csv lists the exceptions."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.rules.publishers import metric_fits, metric_scope, metric_scope_of, rules_of

CATALOG = load_catalog()


@pytest.mark.parametrize(
    ("publisher", "scope"),
    [
        ("国务院", "national"),
        ("中华全国总工会", "national"),
        ("工人日报", "national"),  # an exception: the paper that prints the union report
        ("财政部", "national"),
        ("浙江省人民政府", "provincial"),
        ("内蒙古自治区人民政府", "provincial"),  # 自治区, not 区
        ("北京市人民政府", "provincial"),  # an exception: a municipality is a province
        ("呼伦贝尔市人民政府", "city"),
        ("延边朝鲜族自治州人民政府", "city"),
        ("海拉尔区人民政府", "district"),
        ("深圳市福田区政府", "district"),  # the lowest level named decides, 人民政府 or not
        ("北京市朝阳区人民政府", "district"),
        ("鄂温克族自治旗人民政府", "district"),
        ("某某科技有限公司", ""),
        (None, ""),
    ],
)
def test_the_scope_of_a_publisher_comes_from_the_words_of_its_name(publisher, scope):
    assert rules_of(CATALOG).scope_of(publisher) == scope


def test_a_word_of_scope_none_is_not_an_administrative_word():
    assert rules_of(CATALOG).scope_of("北京市市场监督管理局") == "provincial"  # 市场 is no 市


def test_metrics_csv_knows_national_and_local_and_an_unknown_publisher_matches_neither():
    assert [metric_scope(s) for s in ("national", "provincial", "city", "district", "local", "")] == [
        "national",
        "local",
        "local",
        "local",
        "local",
        "unknown",
    ]
    assert metric_scope_of("深圳市福田区政府", CATALOG) == "local"
    assert metric_scope_of(None, CATALOG) == "unknown"
    assert metric_fits("national", "national") and not metric_fits("national", "district")
    assert metric_fits("local", "district") and not metric_fits("local", "")
    assert metric_fits("", "") and not metric_fits("national", "")


def test_a_refresh_names_each_unknown_publisher_once_and_each_document_without_one():
    lines = rules_of(CATALOG).warnings({"a": "某某公司", "b": "某某公司", "c": None, "d": "国务院"})
    assert lines == [
        "c: no publisher (manifest.csv); its figures join no national series",
        "publisher '某某公司' (a, b) matches no rule of publisher_words.csv or publishers.csv; "
        "its figures join no national series",
    ]
