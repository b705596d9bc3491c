"""`python -m etl series suggest` lists the automatic series worth keeping; `--accept` adds them to metrics.csv."""

from __future__ import annotations

import csv
import shutil

import duckdb

from etl.cli import main
from etl.series.suggest import longest_common_text
from etl.warehouse.refresh import refresh

from .conftest import query
from .test_series import catalog_without_union_metrics, needs_dev, union_warehouse

SUBSIDIES = "s396661b"  # 社会化工会工作者补助经费 (2019) ~ 对社会化工会工作者补贴 (2020)


@needs_dev
def test_suggest_lists_automatic_series_and_accept_makes_one_a_catalogued_metric(tmp_path, capsys):
    catalog = catalog_without_union_metrics(tmp_path)
    db = union_warehouse(tmp_path, catalog)
    assert main(["series", "suggest", "--db", str(db), "--catalog", str(catalog)]) == 0
    listed = capsys.readouterr().out.splitlines()
    # 12 pairs line up; 总数 ~ 累计 and 普法宣讲覆盖职工 ~ 参与职工 share no words a pattern could name.
    assert len(listed) == 10
    assert listed[4] == (
        f"{SUBSIDIES}  2019-2020 (2 years, 2 figures)  工人日报  yuan  confidence 0.80  pattern 社会化工会工作者补  "
        "labels: 社会化工会工作者补助经费 / 对社会化工会工作者补贴"
    )

    assert main(["series", "suggest", "--db", str(db), "--catalog", str(catalog), "--accept", SUBSIDIES]) == 0
    with (catalog / "metrics.csv").open(encoding="utf-8", newline="") as fh:
        added = list(csv.DictReader(fh))[-1]
    assert added == {
        "metric_id": "series_396661b",
        "name_zh": "社会化工会工作者补助经费",
        "name_en": "",
        "category": "funds",
        "unit": "yuan",
        "basis": "",
        "patterns": "社会化工会工作者补",
        "scope": "national",
        "measure": "",
    }
    refresh(db.parent / "reports", db, progress=False, catalog_dir=catalog)
    assert query(db, "select series_id, previous_value, value, linked_by from v2.yoy where linked_by = 'catalog'") == [
        ("series_396661b", 121000000.0, 136000000.0, "catalog")
    ]


@needs_dev
def test_accept_refuses_an_unknown_id_and_an_id_the_catalog_has(tmp_path, capsys):
    catalog = catalog_without_union_metrics(tmp_path)
    db = union_warehouse(tmp_path, catalog)
    args = ["series", "suggest", "--db", str(db), "--catalog", str(catalog), "--accept"]
    assert main([*args, "s0000000"]) == 2
    assert "no suggestion s0000000" in capsys.readouterr().err
    assert main([*args, SUBSIDIES]) == 0
    assert main([*args, SUBSIDIES]) == 1
    assert "already holds series_396661b" in capsys.readouterr().err


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
