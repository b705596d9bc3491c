"""Automatic links are calibrated: of the links at confidence 0.8 or more, at least 95% are right.

Measured on the union series (the written 2019 report and the seed, with the
catalog and without its union metrics) and on the State Council and Hailar
series of ../shared/corpus. tests/fixtures/series_links_judged.csv holds every
link these warehouses make, each judged right or wrong by reading the two
sentences (why, for a wrong one); docs/series.md gives the numbers per band.
"""

from __future__ import annotations

import csv
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from etl.catalog import load_catalog
from etl.series.audit import BANDS, band_of, links_with_figures
from etl.series.matching import Node, link, words_of
from etl.warehouse.refresh import refresh

from .conftest import ROOT, SEED, query
from .test_series import MANIFEST, WRITTEN_2019, catalog_without_union_metrics, union_warehouse

CORPUS = ROOT.parent / "shared" / "corpus"
JUDGED = ROOT / "tests" / "fixtures" / "series_links_judged.csv"
PUBLISHERS = ("国务院", "海拉尔区人民政府")  # the corpus' series of several years

needs_shared = pytest.mark.skipif(
    not (WRITTEN_2019.exists() and (CORPUS / "manifest.csv").exists()),
    reason="../shared/dev and ../shared/corpus are not beside this checkout",
)


def calibration_warehouse(tmp_path: Path) -> Path:
    """The union reports (2019 written, 2020 seed) and the corpus' State Council and Hailar reports."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(WRITTEN_2019, folder / "union_2019_written.txt")
    shutil.copy(SEED, folder / "acftu-2020.txt")
    manifest = [
        MANIFEST.strip(),
        "union_2019_written.txt,acftu-2019,written for testing,工人日报,,2019",
        "acftu-2020.txt,acftu-2020,中华全国总工会工作报告,工人日报,,2020",
    ]
    with (CORPUS / "manifest.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["publisher"] in PUBLISHERS:
                shutil.copy(CORPUS / row["file"], folder / row["file"])
                manifest.append(",".join(row[c] for c in MANIFEST.strip().split(",")))
    (folder / "manifest.csv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    db = tmp_path / "calibration.duckdb"
    refresh(folder, db, progress=False)
    return db


def _judged() -> dict[tuple, str]:
    with JUDGED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["verdict"] in ("right", "wrong") and (r["verdict"] == "right" or r["why"]) for r in rows)
    return {
        (r["publisher"], r["earlier_doc"], r["earlier_label"], float(r["earlier_value"]), r["later_doc"],
         r["later_label"], float(r["later_value"])): r["verdict"]
        for r in rows
    }  # fmt: skip


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> dict[tuple, tuple[float, str]]:
    """Every link of the calibration warehouses: key -> (confidence, verdict)."""
    if not (WRITTEN_2019.exists() and (CORPUS / "manifest.csv").exists()):
        pytest.skip("../shared/dev and ../shared/corpus are not beside this checkout")
    tmp = tmp_path_factory.mktemp("calibration")
    found = links_with_figures(calibration_warehouse(tmp))
    bare = tmp / "bare"
    bare.mkdir()
    catalog = catalog_without_union_metrics(bare)
    found += links_with_figures(union_warehouse(bare, catalog), catalog)
    judged = _judged()
    unjudged = sorted({j.key for j in found} - set(judged))
    assert unjudged == [], "judge these links in tests/fixtures/series_links_judged.csv"
    return {j.key: (j.link.confidence, judged[j.key]) for j in found}


@needs_shared
def test_of_the_links_at_confidence_0_8_or_more_at_least_95_percent_are_right(measured):
    sure = Counter(verdict for confidence, verdict in measured.values() if confidence >= 0.8)
    assert sure == Counter(right=109)  # none wrong
    assert sure["right"] / (sure["right"] + sure["wrong"]) >= 0.95


@needs_shared
def test_the_bands_of_docs_series_md_are_the_measured_ones(measured):
    counts = Counter((band_of(confidence), verdict) for confidence, verdict in measured.values())
    doc = (ROOT / "docs" / "series.md").read_text(encoding="utf-8")
    table = doc.split("## How sure a link is\n", 1)[1].split("\n## ", 1)[0]
    documented = {
        float(low): (int(links), int(right))
        for low, links, right in re.findall(r"^\| ([\d.]+)\S* \| (\d+) \| (\d+) \|", table, re.M)
    }
    for low, high in BANDS:
        right, wrong = counts[((low, high), "right")], counts[((low, high), "wrong")]
        assert documented[low] == (right + wrong, right), (low, high)


def test_the_judged_file_names_each_link_once():
    with JUDGED.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    keys = [tuple(r[c] for c in list(r)[:7]) for r in rows]
    assert len(keys) == len(set(keys)) == 219


def _links_of(tmp_path: Path, texts: dict[int, str]) -> tuple[list, list]:
    """One city's reports of the given years; its series (id, year, value, reason), and the pairs v2.yoy compares."""
    folder = tmp_path / "reports"
    folder.mkdir()
    manifest = MANIFEST
    for year, text in texts.items():
        (folder / f"r{year}.txt").write_text(f"{year}年工作回顾。{text}", encoding="utf-8")
        manifest += f"r{year}.txt,city-{year},,某某市人民政府,,{year}\n"
    (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    db = tmp_path / "w.duckdb"
    refresh(folder, db, progress=False)
    series = query(db, "select series_id, year, value, reason from v2.series where linked_by = 'auto' order by 1, 2, 3")
    return series, query(db, "select series_id, previous_value, value from v2.yoy order by 1")


def test_a_generic_word_alone_links_nothing_and_neither_do_two_readings(tmp_path):
    series, compared = _links_of(
        tmp_path,
        {
            2020: "投资3600万元，完成54栋住宅楼改造。投资2.6亿元，实施供水管网改造。"
            "改造老旧小区120个。改造老旧小区85个。城乡低保标准分别提高13.1%和17.7%。",
            2021: "投资4360万元，对城区雨水管网进行全面改造。改造老旧小区150个。城乡低保标准分别提高9.9%和14.1%。",
        },
    )
    # 城乡…分别 names 城镇 then 农村 (subject_pairs.csv): one reading each, linked like with like
    assert [(previous, value) for _, previous, value in compared] == [(17.7, 14.1), (13.1, 9.9)]
    reasons = sorted({reason for *_, reason in series if not reason.startswith("same words")})
    assert reasons == [
        "its report states 2 values of one year with the words 改造老旧小区: two readings, no link",
        "its words 投资 name no quantity by themselves (generic_words.csv): no link",
        "no figure of the year before or after is alike",  # 54栋住宅楼: nothing of 2021 is alike
    ]


def test_words_alike_only_in_generic_words_do_not_link():
    words = words_of(load_catalog())
    a = Node("某市", 2020, (True, "other", "stock", False, 0, "公里"), None, "沿河道路建设任务", None, frozenset())
    b = a._replace(year=2021, words="大棚建设任务")
    a, b = (n._replace(specific=words.specific(n.words)) for n in (a, b))
    assert (a.specific, b.specific) == ("沿河道路", "大棚")
    assert link({a, b}) == []


def test_a_governments_own_level_links_only_to_its_own_level():
    words = words_of(load_catalog())
    whole = Node("某区", 2012, (False, "yuan", "stock", False, 0, ""), None, "固定资产投资", None, frozenset())
    own = whole._replace(year=2013, words="区本级固定资产投资")
    whole, own = (
        n._replace(specific=words.specific(n.words), own_level=words.own_level(n.words)) for n in (whole, own)
    )
    assert (whole.own_level, own.own_level) == (False, True)
    assert link({whole, own}) == []
    assert [lk.reason for lk in link({own, own._replace(year=2014)})] == ["same words 区本级固定资产投资"]


def test_two_parts_of_one_subject_never_link_but_a_text_naming_none_may():
    words = words_of(load_catalog())
    urban = Node(
        "某区", 2015, (False, "percent", "change", False, 0, ""), None, "城镇居民人均可支配收入", None, frozenset()
    )
    rural, plain = (
        urban._replace(year=2016, words="农村居民人均可支配收入"),
        urban._replace(year=2016, words="居民人均可支配收入"),
    )
    urban, rural, plain = (
        n._replace(specific=words.specific(n.words), parts=words.parts(n.words)) for n in (urban, rural, plain)
    )
    assert (urban.parts, rural.parts, plain.parts, words.parts("进出口总额")) == ({"城镇"}, {"农村"}, set(), set())
    assert link({urban, rural}) == []
    assert len(link({urban, plain})) == 1


def test_per_head_figures_and_five_year_totals_never_join_the_annual_series_of_the_whole(tmp_path):
    series, compared = _links_of(
        tmp_path,
        {
            2020: "全年新建旅游厕所30座。城镇居民旅游消费增长8%。“十三五”时期累计新建旅游厕所200座。",
            2021: "全年新建旅游厕所40座。城镇居民人均旅游消费增长9%。",
        },
    )
    assert [(s, y, v) for s, y, v, _ in series] == [
        (
            "auto:某某市人民政府:十三五时期累计新建旅游厕所:other:new:5y:dffa33",
            2020,
            200.0,
        ),  # 2016-2020: its own series
        ("auto:某某市人民政府:城镇居民人均旅游消费:percent:change:per_unit:57a1a7", 2021, 9.0),
        ("auto:某某市人民政府:城镇居民旅游消费:percent:change:003bc8", 2020, 8.0),
        ("auto:某某市人民政府:旅游厕所:other:new:61a048", 2020, 30.0),
        ("auto:某某市人民政府:旅游厕所:other:new:61a048", 2021, 40.0),
    ]
    assert compared == [("auto:某某市人民政府:旅游厕所:other:new:61a048", 30.0, 40.0)]
