"""`python -m etl series suggest` lists the automatic series worth keeping; `--accept` adds them to metrics.csv."""

from __future__ import annotations

import csv
import shutil

import duckdb

from etl.catalog import CATALOG_DIR
from etl.cli import main
from etl.series.suggest import longest_common_text, refusal, suggestions
from etl.warehouse.refresh import refresh

from .conftest import query
from .test_series import catalog_without_union_metrics, needs_dev, union_warehouse

# 社会化工会工作者补助经费 (2019) ~ 对社会化工会工作者补贴 (2020): a suggestion's id is its series_id in v2.series
SUBSIDIES = "auto:工人日报:社会化工会工作者补助经费:yuan:stock:46c020"


@needs_dev
def test_suggest_lists_automatic_series_and_accept_makes_one_a_catalogued_metric(tmp_path, capsys):
    catalog = catalog_without_union_metrics(tmp_path)
    db = union_warehouse(tmp_path, catalog)
    assert main(["series", "suggest", "--db", str(db), "--catalog", str(catalog)]) == 0
    header, *listed = capsys.readouterr().out.splitlines()
    assert header == "series_id\tkind\tpublisher\tyears\tfigures\tunit\tconfidence\tpattern\tlabels"
    # 12 pairs line up; 总数 ~ 累计 and 普法宣讲覆盖职工 ~ 参与职工 share no words a pattern could name.
    assert len(listed) == 10
    assert listed[4].split("\t") == [
        SUBSIDIES,
        "outcome",
        "工人日报",
        "2019-2020",
        "2",
        "yuan",
        "0.80",
        "社会化工会工作者补",
        "社会化工会工作者补助经费 / 对社会化工会工作者补贴",
    ]
    assert query(db, "select count(*) from v2.series where series_id = ?", [SUBSIDIES]) == [(2,)]

    assert main(["series", "suggest", "--db", str(db), "--catalog", str(catalog), "--accept", SUBSIDIES]) == 0
    with (catalog / "metrics.csv").open(encoding="utf-8", newline="") as fh:
        added = list(csv.DictReader(fh))[-1]
    assert added == {
        "metric_id": "series_0298a98",
        "name_zh": "社会化工会工作者补助经费",
        "name_en": "",
        "category": "funds",
        "unit": "yuan",
        "basis": "",
        "patterns": "社会化工会工作者补",
        "scope": "national",
        "measure": "",
        "falls": "",
    }
    refresh(db.parent / "reports", db, progress=False, catalog_dir=catalog)
    assert query(db, "select series_id, previous_value, value, linked_by from v2.yoy where linked_by = 'catalog'") == [
        ("series_0298a98", 121000000.0, 136000000.0, "catalog")
    ]


@needs_dev
def test_accept_refuses_an_unknown_id_and_an_id_the_catalog_has(tmp_path, capsys):
    catalog = catalog_without_union_metrics(tmp_path)
    db = union_warehouse(tmp_path, catalog)
    args = ["series", "suggest", "--db", str(db), "--catalog", str(catalog), "--accept"]
    assert main([*args, "auto:工人日报:无此:yuan:stock:000000"]) == 2
    assert "no suggestion auto:工人日报:无此:yuan:stock:000000" in capsys.readouterr().err
    assert main([*args, SUBSIDIES]) == 0
    assert main([*args, SUBSIDIES]) == 1
    assert "already holds series_0298a98" in capsys.readouterr().err


def test_the_pattern_is_the_longest_text_every_member_holds():
    assert (
        longest_common_text(["全总下拨乡镇(街道)工会建设专项补助", "全总对乡镇(街道)工会专项补助经费"])
        == "乡镇(街道)工会"
    )
    assert longest_common_text(["总数", "累计"]) == ""


def test_suggest_on_a_warehouse_without_v2_says_to_refresh(warehouse, tmp_path, capsys):
    db = tmp_path / "old.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    con.execute("drop schema v2 cascade")
    con.close()
    assert main(["series", "suggest", "--db", str(db)]) == 1
    assert "has no v2 series" in capsys.readouterr().err


HAILAR_PROPOSALS = "auto:海拉尔区人民政府:政协委员提案:item:stock:ad8efb"


def test_accept_refuses_a_pattern_that_finds_figures_of_two_series_in_one_report(warehouse, tmp_path, capsys):
    catalog = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, catalog)
    before = (catalog / "metrics.csv").read_text(encoding="utf-8")
    assert (
        main(["series", "suggest", "--db", str(warehouse), "--catalog", str(catalog), "--accept", HAILAR_PROPOSALS])
        == 1
    )
    # 政协委员提案 finds the year's 130件 and the five-year totals (五年共办理…政协委员提案) of the 2016 report.
    assert capsys.readouterr().err == (
        f"{HAILAR_PROPOSALS}: refused: its pattern 政协委员提案 finds figures of 3 series in hailar-2016 "
        "(auto:海拉尔区人民政府:五年共办理人大代表建议件和政协委员提案:item:stock:5y:326324, "
        "auto:海拉尔区人民政府:五年共办理人大代表建议和政协委员提案件:item:stock:5y:9bb930 …)\n"
    )
    assert (catalog / "metrics.csv").read_text(encoding="utf-8") == before


def test_accept_refuses_a_pattern_that_is_a_generic_word_alone(warehouse):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        (found,) = [s for s in suggestions(con) if s.id == HAILAR_PROPOSALS]
        for common in ("投资", "计划投资", "中央财政资金"):
            said = refusal(found._replace(common=common, row={**found.row, "patterns": common}), con)
            assert (
                said == f"{HAILAR_PROPOSALS}: refused: its pattern {common} is a generic word alone (generic_words.csv)"
            )
