"""A publisher's scope comes from its name; publishers.csv lists the exceptions."""

from __future__ import annotations

import shutil

import pytest

from etl.catalog import CATALOG_DIR
from etl.rules.publishers import PublisherRulesError, load_rules, metric_fits, metric_scope, metric_scope_of


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
    assert load_rules().scope_of(publisher) == scope


def test_a_word_of_scope_none_is_not_an_administrative_word():
    assert load_rules().scope_of("北京市市场监督管理局") == "provincial"  # 市场 is no 市


def test_metrics_csv_knows_national_and_local_and_an_unknown_publisher_matches_neither():
    assert [metric_scope(s) for s in ("national", "provincial", "city", "district", "local", "")] == [
        "national",
        "local",
        "local",
        "local",
        "local",
        "unknown",
    ]
    assert metric_scope_of("深圳市福田区政府") == "local"
    assert metric_scope_of(None) == "unknown"
    assert metric_fits("national", "national") and not metric_fits("national", "district")
    assert metric_fits("local", "district") and not metric_fits("local", "")
    assert metric_fits("", "") and not metric_fits("national", "")


def test_a_refresh_names_each_unknown_publisher_once_and_each_document_without_one():
    lines = load_rules().warnings({"a": "某某公司", "b": "某某公司", "c": None, "d": "国务院"})
    assert lines == [
        "c: no publisher (manifest.csv); its figures join no national series",
        "publisher '某某公司' (a, b) matches no rule of publisher_words.csv or publishers.csv; "
        "its figures join no national series",
    ]


@pytest.mark.parametrize(
    ("file", "row", "message"),
    [
        ("publisher_words.csv", "镇,township,", "publisher_words.csv line 29: scope 'township' is not one of"),
        ("publisher_words.csv", "省,provincial,", "publisher_words.csv line 29: '省' is listed already on line 14"),
        ("publishers.csv", "(unclosed,national,", "publishers.csv line 5: the pattern is not a regular expression"),
    ],
)
def test_a_bad_rule_is_refused_naming_its_file_and_line(tmp_path, file, row, message):
    folder = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, folder)
    with (folder / file).open("a", encoding="utf-8") as fh:
        fh.write(row + "\n")
    with pytest.raises(PublisherRulesError) as raised:
        load_rules(folder)
    assert message in str(raised.value)
