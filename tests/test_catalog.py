"""The catalogs: checked when loaded, and one CSV row is all a new rule word takes."""

from __future__ import annotations

import shutil

import pytest

from etl.catalog import CATALOG_DIR, CatalogError, load_catalog
from etl.cli import main
from etl.records import Source
from etl.rules.pipeline import process


@pytest.fixture
def catalog(tmp_path):
    """An editable copy of data/catalog."""
    folder = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, folder)
    load_catalog.cache_clear()
    yield folder
    load_catalog.cache_clear()


def _append(folder, name: str, row: str) -> int:
    """Add `row` to the end of a catalog file; the line number it lands on."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


def _figures(text: str, folder, report_year: int = 2020):
    _, figures = process(Source("t.txt", "t", report_year=report_year), text.encode("utf-8"), load_catalog(folder))
    return figures


def test_a_position_that_is_no_position_names_file_line_and_column(catalog):
    line = _append(catalog, "qualifiers.csv", "不到,befor,at_most")
    with pytest.raises(CatalogError) as raised:
        load_catalog(catalog)
    assert str(raised.value) == (
        f"{catalog / 'qualifiers.csv'}:{line}: position 'befor' is not one of before, after, clause"
    )


def test_a_pattern_that_is_no_regular_expression_names_file_and_line(catalog):
    line = _append(catalog, "metrics.csv", "broken,坏,Broken,other,person,,城镇(新增,")
    with pytest.raises(CatalogError, match=rf"metrics.csv:{line}: patterns is not a valid regular expression"):
        load_catalog(catalog)


def test_a_missing_file_is_named_not_read_as_empty(catalog):
    (catalog / "units.csv").unlink()
    with pytest.raises(CatalogError, match=r"units.csv: missing: the catalog needs this file \(columns word, unit"):
        load_catalog(catalog)


@pytest.mark.parametrize(
    ("name", "row", "problem"),
    [
        ("units.csv", "只,animal,,", "unit 'animal' is not one of yuan, percent"),
        ("units.csv", "打,other,twelve,", "scale 'twelve' is not a number"),
        ("bases.csv", "净增,net,clause,", "basis 'net' is not one of new, cumulative, change"),
        ("bases.csv", "攀升,change,before,up", "direction 'up' is not one of rise, fall"),
        ("categories.csv", "奖金,funds,yuan|dollar", "unit 'dollar' is not one of"),
        (
            "metrics.csv",
            "new_urban_jobs,重复,Again,other,person,,重复,",
            "metric_id 'new_urban_jobs' is listed already",
        ),
        ("periods.csv", "十六五,2035,2031", "period_start is after period_end"),
        ("period_openers.csv", "过去{m}年,past_years,", "may hold one slot"),
        ("words.csv", "首先,opener,", "role 'opener' is not one of"),
        ("publishers.csv", "某市政府,regional,", "scope 'regional' is not one of national, provincial"),
    ],
)
def test_every_vocabulary_column_is_checked(catalog, name, row, problem):
    line = _append(catalog, name, row)
    with pytest.raises(CatalogError, match=rf"{name}:{line}: .*{problem.split()[0]}"):
        load_catalog(catalog)
    with pytest.raises(CatalogError) as raised:
        load_catalog(catalog)
    assert problem in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_refresh_with_a_broken_catalog_says_one_line_and_builds_nothing(catalog, seed_folder, tmp_path, capsys):
    line = _append(catalog, "qualifiers.csv", "不到,befor,at_most")
    db = tmp_path / "w.duckdb"
    code = main(["refresh", "--sources", str(seed_folder), "--db", str(db), "--catalog", str(catalog)])
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"refresh failed: {catalog / 'qualifiers.csv'}:{line}: position 'befor' is not one of before, after, clause; "
        "nothing was built\n"
    )
    assert not db.exists()


def test_a_qualifier_word_is_one_row(catalog):
    assert _figures("安置不止3万户。", catalog)[0].qualifier == "exact"
    _append(catalog, "qualifiers.csv", "不止,before,at_least")
    load_catalog.cache_clear()
    assert _figures("安置不止3万户。", catalog)[0].qualifier == "at_least"


def test_a_unit_word_is_one_row(catalog):
    assert _figures("全年接诊病例4500例。", catalog) == []
    _append(catalog, "units.csv", "例,other,,a case")
    load_catalog.cache_clear()
    assert [(f.surface, f.value, f.unit) for f in _figures("全年接诊病例4500例。", catalog)] == [
        ("4500例", 4500, "other")
    ]


def test_a_basis_word_is_one_row(catalog):
    assert _figures("项目新落地120个。", catalog)[0].basis is None
    _append(catalog, "bases.csv", "新落地,new,clause,")
    load_catalog.cache_clear()
    assert _figures("项目新落地120个。", catalog)[0].basis == "new"


def test_a_period_opener_is_one_row(catalog):
    text = "一、工作回顾\n本届政府五年来，经济实力明显增强。累计新增就业6000万人。"
    figure = _figures(text, catalog, 2022)[0]
    assert (figure.period_start, figure.period_end) == (2022, 2022)
    _append(catalog, "period_openers.csv", "本届政府{n}年,past_years,the government's term")
    load_catalog.cache_clear()
    figure = _figures(text, catalog, 2022)[0]
    assert (figure.period_start, figure.period_end) == (2018, 2022)


def test_a_goal_word_is_one_row(catalog):
    assert _figures("争创示范单位300家。", catalog)[0].is_target is False
    _append(catalog, "words.csv", "争创,goal_word,")
    load_catalog.cache_clear()
    assert _figures("争创示范单位300家。", catalog)[0].is_target is True


def test_the_shipped_catalog_loads_and_names_its_words():
    catalog = load_catalog()
    assert catalog.words["coordinator"] == ("和", "与", "及")
    assert catalog.period_openers["coming_years"] == ("今后{n}年", "未来{n}年")
    assert len(catalog.metrics) == 66 and len(catalog.programs) == 24
