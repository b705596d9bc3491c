"""The catalogs: checked when loaded, and one CSV row is all a new rule word takes."""

from __future__ import annotations

import shutil

import pytest

from etl.catalog import CATALOG_DIR, CatalogError, load_catalog
from etl.catalog.schema import (
    CUES,
    NOT_FIGURE_CUES,
    PER_UNIT_CUES,
    PERIOD_OPENERS,
    SCHEMA,
    TARGET_CUES,
    TOPIC_WORD_ROLES,
    WORD_ROLES,
    YEAR_MODIFIER_ROLES,
)
from etl.records import Source
from etl.rules.pipeline import process

from .conftest import ROOT, SEED
from .helpers import refresh_cli


@pytest.fixture
def catalog(catalog_copy):
    return catalog_copy


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
    with pytest.raises(CatalogError, match=r"units.csv: missing: the catalog needs this file; restore it, or create"):
        load_catalog(catalog)


@pytest.mark.parametrize(
    ("name", "row", "problem"),
    [
        ("units.csv", "只,animal,,", "unit 'animal' is not one of yuan, percent"),
        ("units.csv", "打,other,twelve,,", "scale 'twelve' is not a number"),
        ("units.csv", "比索,other,,money,", "category 'money' is not one of"),
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
        ("period_openers.csv", "{era}{year}年以来,since_year,", "may hold one slot"),
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


MANIFEST = "file,doc_id,title,publisher,published_on,report_year\nacftu-2020.txt,acftu-2020,,中华全国总工会,,2020\n"
UNITS = "yuan, percent, person, person_time, household, enterprise, organization, item, time, square_meter, other"
# file -> a row with a bad cell, what the refusal says of it, and the key of the file's first row
BREAKS = {
    "units.csv": ("只,animal,,", f"unit 'animal' is not one of {UNITS}", "word '元'"),
    "measure_words.csv": ("廒,granary,,,,", f"unit 'granary' is not one of {UNITS}", "word '个'"),
    "script_forms.csv": ("A,BB", "simplified 'BB' is not one character", "traditional '丟'"),
    "unit_nouns.csv": ("护工,people,人,", f"unit 'people' is not one of {UNITS}", "noun '企业'"),
    "counted_nouns.csv": ("护工,people,,,", f"unit 'people' is not one of {UNITS} (or empty)", "noun '人民'"),
    "verbs.csv": (",jieba v 100", "verb is empty", "verb '没有'"),
    "qualifiers.csv": (
        "不到,befor,at_most",
        "position 'befor' is not one of before, after, clause",
        "word '多' position 'after'",
    ),
    "bases.csv": (
        "净增,net,clause,",
        "basis 'net' is not one of new, cumulative, change",
        "word '新增' position 'clause'",
    ),
    "categories.csv": ("奖金,funds,yuan|dollar", f"unit 'dollar' is not one of {UNITS}", "word '援助' unit 'yuan'"),
    "category_rules.csv": (
        "verb_before,person,beneficiaries,",
        f"cue 'verb_before' is not one of {', '.join(CUES)}",
        "cue 'always' unit 'percent'",
    ),
    "per_unit_rules.csv": (
        "per_head,yuan,per_unit,",
        f"cue 'per_head' is not one of {', '.join(PER_UNIT_CUES)}",
        "cue 'always' unit 'percent'",
    ),
    "not_figure_rules.csv": (
        "hotline,,not_figure,",
        f"cue 'hotline' is not one of {', '.join(NOT_FIGURE_CUES)}",
        "cue 'always' unit 'percent'",
    ),
    "topic_words.csv": (
        "其中,opener,",
        f"role 'opener' is not one of {', '.join(TOPIC_WORD_ROLES)}",
        "word '其中' role 'continues'",
    ),
    "year_modifiers.csv": (
        "届满,after,",
        f"role 'after' is not one of {', '.join(YEAR_MODIFIER_ROLES)}",
        "word '及以后' role 'after_year'",
    ),
    "target_rules.csv": (
        "goal_word,target,",
        f"cue 'goal_word' is not one of {', '.join(TARGET_CUES)}",
        "cue 'period_end_level'",
    ),
    "stop_words.csv": (
        "编号,middle,",
        "position 'middle' is not one of before, before_numeral, after",
        "word '第' position 'before'",
    ),
    "words.csv": (
        "首先,opener,",
        f"role 'opener' is not one of {', '.join(WORD_ROLES)}",
        "word '其中' role 'label_opener'",
    ),
    "period_openers.csv": (
        "过去{m}年,past_years,",
        "phrase '过去{m}年' may hold one slot, {n}, {year}, {era} or {day}, or two {year} slots, a {date} or an "
        "{event} right after {year}年 (a {date} alone too), and no other braces",
        "phrase '今后{n}年'",
    ),
    "periods.csv": ("十六五,2031,20xx", "period_end '20xx' is not a year", "name '十一五'"),
    "eras.csv": ("党的二十一大,20xx,", "year '20xx' is not a year", "name '新中国成立'"),
    "programs.csv": (
        "Elder Care,养老,养老",
        "program_id 'Elder Care' is not an identifier (lower case, digits and _)",
        "program_id 'theory_study'",
    ),
    "metrics.csv": (
        "broken,坏,Broken,other,person,,城镇,world,",
        "scope 'world' is not one of national, local (or empty)",
        "metric_id 'new_urban_jobs'",
    ),
    "publishers.csv": (
        "某市政府,regional,",
        "scope 'regional' is not one of national, provincial, city, district, local",
        "pattern '国务院|全国人民代表大会|全国总工会|中华全国总工会|工人日报'",
    ),
    "publisher_words.csv": (
        "镇,township,",
        "scope 'township' is not one of national, provincial, city, district, none",
        "word '全国'",
    ),
    "series_words.csv": ("2020,a number is no word", "word '2020' is not a word", "word '全年'"),
    "generic_words.csv": ("2020,a number is no word", "word '2020' is not a word", "word '投资'"),
    "program_words.csv": (
        "共,total,",
        "role 'total' is not one of states_total, project_total, goods, compares, holds_total_word",
        "word '共' role 'states_total'",
    ),
    "subject_pairs.csv": ("城乡,城镇,", "parts '城镇' is not two words or more separated by |", "word '城乡'"),
}


# Read and checked by the rule module that needs them (etl/rules/rule_words.py), when it first does;
# tests/test_topics.py and tests/test_periods.py break them. Not in etl/catalog/schema.py's SCHEMA yet.
def test_every_catalog_file_can_be_broken_below():
    assert sorted(BREAKS) == sorted(p.name for p in CATALOG_DIR.glob("*.csv"))


@pytest.mark.parametrize("how", ["missing", "bad cell", "repeated key"])
@pytest.mark.parametrize("name", sorted(BREAKS))
def test_a_broken_catalog_file_stops_the_refresh_with_one_line_and_builds_nothing(catalog, tmp_path, name, how):
    path = catalog / name
    header, first_row = path.read_text(encoding="utf-8").splitlines()[:2]
    bad_row, problem, key = BREAKS[name]
    if how == "missing":
        path.unlink()
        said = f"{path}: missing: the catalog needs this file; restore it, or create it with the header {header}"
    elif how == "bad cell":
        said = f"{path}:{_append(catalog, name, bad_row)}: {problem}"
    else:
        said = f"{path}:{_append(catalog, name, first_row)}: {key} is listed already on line 2"
    reports, out = tmp_path / "reports", tmp_path / "out"
    reports.mkdir()
    out.mkdir()
    shutil.copy(SEED, reports / "acftu-2020.txt")
    (reports / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    done = refresh_cli(reports, out / "w.duckdb", "--catalog", str(catalog))
    assert (done.returncode, done.stderr) == (1, f"refresh failed: {said}; nothing was built\n")
    assert not any(p.name.startswith("w.duckdb") for p in out.iterdir())  # no warehouse, no half-built one


def test_a_qualifier_word_is_one_row(catalog):
    assert _figures("安置不止3万户。", catalog)[0].qualifier == "exact"
    _append(catalog, "qualifiers.csv", "不止,before,at_least")
    load_catalog.cache_clear()
    assert _figures("安置不止3万户。", catalog)[0].qualifier == "at_least"


def test_a_unit_word_is_one_row(catalog):
    assert _figures("全年接诊病例4500例。", catalog) == []
    _append(catalog, "units.csv", "例,other,,,a case")
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


def test_a_metric_pattern_names_a_role_of_words_csv_in_braces(catalog):
    assert _figures("本区地区生产总值增长5.6%。", catalog)[0].metric_id is None
    _append(catalog, "words.csv", "本区,whole_opener,")
    load_catalog.cache_clear()
    assert _figures("本区地区生产总值增长5.6%。", catalog)[0].metric_id == "gdp_growth"
    line = _append(catalog, "metrics.csv", "broken,坏,Broken,other,percent,,^{whole_openers}*坏账,,")
    load_catalog.cache_clear()
    with pytest.raises(CatalogError) as raised:
        load_catalog(catalog)
    assert str(raised.value).startswith(
        f"{catalog / 'metrics.csv'}:{line}: patterns '{{whole_openers}}' names no role of words.csv (the roles: "
    )


def test_a_goal_word_is_one_row(catalog):
    assert _figures("争创示范单位300家。", catalog)[0].is_target is False
    _append(catalog, "words.csv", "争创,goal_word,")
    load_catalog.cache_clear()
    assert _figures("争创示范单位300家。", catalog)[0].is_target is True


def test_the_shipped_catalog_loads_and_names_its_words():
    catalog = load_catalog()
    assert catalog.words["coordinator"] == ("和", "与", "及")
    assert catalog.period_openers["coming_years"] == ("今后{n}年", "未来{n}年")
    assert len(catalog.metrics) == 71 and len(catalog.programs) == 24


def test_every_fall_verb_is_a_fall_of_bases_csv():
    """A growth takes a fall as its negative by the figure's direction, which bases.csv decides: a fall_verb
    that bases.csv did not know (下滑) would fill the growth with no direction, its value unsigned."""
    catalog = load_catalog()
    falls = {word for word, _basis, position, turn in catalog.bases if position == "before" and turn == "fall"}
    assert set(catalog.words["fall_verb"]) - falls == set()
    assert catalog.words["fall_verb"] == ("下降", "减少", "降低", "回落", "下滑", "下跌")


def test_docs_catalogs_md_names_every_file_and_every_role():
    text = (ROOT / "docs" / "catalogs.md").read_text(encoding="utf-8")
    assert [name for name in SCHEMA if f"| `{name}` |" not in text] == []
    assert [role for role in WORD_ROLES if f"| `{role}` |" not in text] == []
    assert [cue for cue in CUES if f"| `{cue}` |" not in text] == []
    assert [cue for cue in TARGET_CUES if f"| `{cue}` |" not in text] == []
    assert [cue for cue in PER_UNIT_CUES if f"| `{cue}` |" not in text] == []
    assert [cue for cue in NOT_FIGURE_CUES if f"| `{cue}` |" not in text] == []
    assert [kind for kind in PERIOD_OPENERS if f"`{kind}` (" not in text] == []
