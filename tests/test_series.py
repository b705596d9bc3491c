"""Series line up across report years by themselves: catalogued metrics, and figures whose words are alike."""

from __future__ import annotations

import csv
import logging
import re
import shutil
from pathlib import Path

import pytest

from etl.catalog import CATALOG_DIR, load_catalog
from etl.series.matching import Node, Row, bigram_similarity, link, members, quantity_words, words_of
from etl.warehouse.refresh import refresh

from .conftest import ROOT, SEED, query

DEV = ROOT.parent / "shared" / "dev"  # written for testing: never in data/raw
WRITTEN_2019 = DEV / "union_2019_written.txt"
PAIRS = DEV / "union_2019_written_yoy.csv"
MANIFEST = "file,doc_id,title,publisher,published_on,report_year\n"
UNION_METRICS = (
    "covid_funds covid_people_reached union_funds_returned small_firms_reached membership_drive_funds "
    "new_union_members enterprises_with_union township_union_subsidies social_worker_subsidies "
    "new_social_union_workers social_union_workers legal_services_reached innovation_studios "
    "innovation_studio_subsidy reading_contest_participants theory_study_sessions"
).split()

needs_dev = pytest.mark.skipif(not WRITTEN_2019.exists(), reason="../shared/dev is not beside this checkout")


def union_warehouse(tmp_path: Path, catalog_dir: Path = CATALOG_DIR) -> Path:
    """The written 2019 report and the seed (2020), as one publisher's reports."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(WRITTEN_2019, folder / "union_2019_written.txt")
    shutil.copy(SEED, folder / "acftu-2020.txt")
    (folder / "manifest.csv").write_text(
        MANIFEST
        + "union_2019_written.txt,acftu-2019,written for testing,工人日报,,2019\n"
        + "acftu-2020.txt,acftu-2020,中华全国总工会工作报告,工人日报,,2020\n",
        encoding="utf-8",
    )
    db = tmp_path / "union.duckdb"
    refresh(folder, db, progress=False, catalog_dir=catalog_dir)
    return db


def _pairs() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _series_of(db: Path, doc_id: str, context: str, value: str) -> str:
    rows = query(
        db,
        "select series_id from v2.figures where doc_id = ? and value = ? and contains(sentence, ?)",
        [doc_id, float(value), context],
    )
    assert len(rows) == 1, (doc_id, context, rows)
    return rows[0][0]


def _assert_every_pair_lines_up(db: Path) -> None:
    for pair in _pairs():
        series = _series_of(db, "acftu-2019", pair["context_2019"], pair["value_2019"])
        assert _series_of(db, "acftu-2020", pair["context_2020"], pair["value_2020"]) == series, pair
        compared = query(
            db,
            "select previous_value, value from v2.yoy where series_id = ? and year = 2020 and publisher = '工人日报'",
            [series],
        )
        assert compared == [(float(pair["value_2019"]), float(pair["value_2020"]))], pair


@needs_dev
def test_every_pair_of_the_written_2019_report_and_the_seed_lands_in_one_series_and_v2_yoy_compares_it(tmp_path):
    db = union_warehouse(tmp_path)
    _assert_every_pair_lines_up(db)
    assert query(db, "select series_id, previous_value, value, linked_by, confidence from v2.yoy order by 1") == [
        ("auto:工人日报:社会化工会工作者:person:stock:30acf0", 37744.0, 41101.0, "auto", 0.9),  # 总数达到 ~ 目前累计达
        ("enterprises_with_union", 214000.0, 230000.0, "catalog", 1.0),
        ("innovation_studio_subsidy", 100000.0, 100000.0, "catalog", 1.0),
        ("innovation_studios", 100.0, 100.0, "catalog", 1.0),
        ("legal_services_reached", 962000.0, 1358000.0, "auto", 0.6),  # 参与职工 joins the catalogued 2019
        ("membership_drive_funds", 6500000.0, 8800000.0, "catalog", 1.0),
        ("new_social_union_workers", 2890.0, 3357.0, "catalog", 1.0),
        ("new_union_members", 5126000.0, 8743000.0, "catalog", 1.0),
        ("reading_contest_participants", 9600000.0, 12300000.0, "catalog", 1.0),
        ("social_worker_subsidies", 121000000.0, 136000000.0, "catalog", 1.0),
        ("theory_study_sessions", 32.0, 37.0, "catalog", 1.0),
        ("township_union_subsidies", 142000000.0, 157000000.0, "catalog", 1.0),
    ]


def catalog_without_union_metrics(tmp_path: Path) -> Path:
    """data/catalog as it was before the union rows: only words can line the union figures up."""
    catalog = tmp_path / "catalog"
    shutil.copytree(CATALOG_DIR, catalog)
    with (CATALOG_DIR / "metrics.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with (catalog / "metrics.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in rows if r["metric_id"] not in UNION_METRICS)
    return catalog


@needs_dev
def test_without_the_union_catalog_the_words_alone_line_every_pair_up(tmp_path):
    db = union_warehouse(tmp_path, catalog_without_union_metrics(tmp_path))
    _assert_every_pair_lines_up(db)
    reasons = dict(query(db, "select series_id, min(reason) from v2.series where year = 2020 group by 1"))
    assert reasons["auto:工人日报:社会化工会工作者补助经费:yuan:stock:46c020"] == (
        "words 社会化工会工作者补助经费 ~ 对社会化工会工作者补贴 (bigram similarity 0.80)"
    )
    assert reasons["auto:工人日报:工作室补助:yuan:stock:per_unit:a3af92"] == (
        "the only yuan figure of programme innovation_studios in both years"
    )


def test_a_district_or_unknown_publisher_never_joins_the_national_series(tmp_path, caplog):
    folder = tmp_path / "reports"
    folder.mkdir()
    texts = {
        "nation-2020.txt": "2020年工作回顾。城镇新增就业1186万人。",
        "nation-2021.txt": "2021年工作回顾。城镇新增就业1269万人。",
        "futian-2020.txt": "2020年工作回顾。城镇新增就业1.2万人。",
        "futian-2021.txt": "2021年工作回顾。城镇新增就业1.5万人。",
        "nobody-2021.txt": "2021年工作回顾。城镇新增就业1.8万人。",
        "firm-2021.txt": "2021年工作回顾。城镇新增就业2.1万人。",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        MANIFEST
        + "nation-2020.txt,nation-2020,,国务院,,2020\nnation-2021.txt,nation-2021,,国务院,,2021\n"
        + "futian-2020.txt,futian-2020,,深圳市福田区政府,,2020\nfutian-2021.txt,futian-2021,,深圳市福田区政府,,2021\n"
        + "nobody-2021.txt,nobody-2021,,,,2021\nfirm-2021.txt,firm-2021,,某某科技有限公司,,2021\n",
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    with caplog.at_level(logging.WARNING, logger="zhibiao"):
        refresh(folder, db, progress=False)
    # 城镇新增就业 is one metric for every publisher; the publisher carries the scope, so the nation's
    # series holds the nation's figures only and each other publisher has a series of its own.
    national = query(
        db, "select doc_id, value from v2.series where series_id = 'new_urban_jobs' and publisher = '国务院' order by 1"
    )
    assert national == [("nation-2020", 11860000.0), ("nation-2021", 12690000.0)]
    compared = query(db, "select publisher, series_id, year, value, previous_value from v2.yoy order by 1")
    assert compared == [
        ("国务院", "new_urban_jobs", 2021, 12690000.0, 11860000.0),
        ("深圳市福田区政府", "new_urban_jobs", 2021, 15000.0, 12000.0),  # the district's own series
    ]
    warnings = [r.getMessage() for r in caplog.records if "national series" in r.getMessage()]
    assert warnings == [
        "nobody-2021: no publisher (manifest.csv); its figures join no national series",
        "publisher '某某科技有限公司' (firm-2021) matches no rule of publisher_words.csv or publishers.csv; "
        "its figures join no national series",
    ]


def test_v2_figures_is_v1_figures_with_the_series_of_every_figure(warehouse):
    v1 = query(warehouse, "select column_name from information_schema.columns where table_schema = 'v1' "
               "and table_name = 'figures' order by ordinal_position")  # fmt: skip
    v2 = query(warehouse, "select column_name from information_schema.columns where table_schema = 'v2' "
               "and table_name = 'figures' order by ordinal_position")  # fmt: skip
    assert v2 == [*v1, ("series_id",), ("measure",), ("direction",), ("subset_of_figure_id",), ("metric_value",)]
    assert query(warehouse, "select count(*) from v2.figures where series_id is null") == [(0,)]
    assert query(warehouse, "select count(*) from v2.figures") == query(warehouse, "select count(*) from v1.figures")


def test_v2_yoy_keeps_every_comparison_of_v1_yoy_as_a_catalog_link(warehouse):
    missing = query(
        warehouse,
        "select metric_id, publisher, year from v1.yoy y where not exists (select 1 from v2.yoy z "
        "where z.series_id = y.metric_id and z.publisher = y.publisher and z.year = y.year "
        "and z.is_target = y.is_target and z.value = y.value and z.previous_value = y.previous_value "
        "and z.linked_by = 'catalog' and z.confidence = 1.0)",
    )
    assert missing == []


def test_every_series_member_says_how_it_joined(warehouse):
    assert query(warehouse, "select distinct linked_by from v2.series order by 1") == [("auto",), ("catalog",)]
    assert query(
        warehouse,
        "select count(*) from v2.series where confidence < 0.5 or confidence > 1 or reason = '' "
        "or (linked_by = 'catalog' and confidence <> 1.0)",
    ) == [(0,)]


def _row(label: str, before: str = "", after: str = "") -> Row:
    return Row(("f",), None, "工人日报", 2020, "person", None, False, False, 0, None, None, label, before, after)


def test_the_words_of_a_figure_drop_years_fillers_and_basis_words():
    words = words_of(load_catalog())
    assert quantity_words(_row("2020年安排入会专项资金", before="2020年安排入会专项资金"), words) == (
        "入会专项资金",
        False,
    )
    assert quantity_words(_row("惠及", before="惠及", after="小企业。"), words) == ("小企业", False)
    # 总数达到37744人 names nothing by itself: the clause before it does.
    assert quantity_words(_row("总数", before="全年新招聘社会化工会工作者2890人,总数达到"), words) == (
        "社会化工会工作者",
        True,
    )
    # A clause with nothing before the number borrowed its label: the words after it count.
    assert quantity_words(_row("八大群体新入会会员", before="…512.6万人,", after="百人以上企业已建会。"), words) == (
        "百人企业建会",
        False,
    )


def _change(doc: str, year: int, label: str, value: float, direction: int, metric: str | None = None) -> Row:
    return Row(
        (doc,), None, "国务院", year, "yuan", "change", False, False, 0, None, metric, label, label, "",
        value, year, "元", direction,
    )  # fmt: skip


def test_a_cut_and_a_rise_of_one_thing_are_two_series_since_both_are_written_unsigned():
    cut = _change("f2008", 2008, "削减财政赤字", 4.5e10, -1)
    rise = _change("f2009", 2009, "财政赤字增加", 5.7e11, +1)
    found, links = members([cut, rise], words_of(load_catalog()))
    assert links == []
    assert [m.series_id.split(":")[3:-1] for m in found] == [["yuan", "change", "fall"], ["yuan", "change"]]
    # A change written with a minus sign is signed already: it stays beside the rises.
    signed = _change("f2008", 2008, "财政赤字增加", -4.5e10, -1)
    found, links = members([signed, rise], words_of(load_catalog()))
    assert len(links) == 1 and found[0].series_id == found[1].series_id
    # A metric's fall is signed (metric_value): it stays in the metric's series beside the rises.
    fall = _change("f2008", 2008, "财政赤字", 4.5e10, -1, "deficit")
    found, _ = members([fall, rise._replace(metric_id="deficit")], words_of(load_catalog()))
    assert [m.series_id for m in found] == ["deficit", "deficit"]


def test_bigram_similarity_is_the_dice_coefficient_of_character_pairs():
    assert bigram_similarity("社会化工会工作者", "社会化工会工作者") == 1.0
    assert bigram_similarity("会员发展专项资金", "入会专项资金") == 0.5
    assert bigram_similarity("进口", "出口") == 0.0


def _node(year: int, words: str, metric: str | None = None, programs=(), unit: str = "yuan") -> Node:
    specific = words_of(load_catalog()).specific(words)
    bucket = (False, unit, "stock", False, 0, "")
    return Node("工人日报", year, bucket, None, words, metric, frozenset(programs), words, specific)


def test_each_figure_links_to_at_most_one_of_the_next_year_the_most_alike():
    a, b = _node(2019, "乡镇工会专项补助"), _node(2019, "乡镇工会建设补助经费")
    c = _node(2020, "乡镇工会专项补助经费")
    links = link({a, b, c})
    assert [(lk.earlier.words, lk.later.words, lk.confidence) for lk in links] == [
        ("乡镇工会专项补助", "乡镇工会专项补助经费", 0.88)
    ]


def test_a_link_never_joins_two_metrics_and_the_programme_rule_wants_one_figure_a_side():
    x, y = _node(2019, "经费", "metric_a"), _node(2020, "经费", "metric_b")
    assert link({x, y}) == []
    p, q = _node(2019, "线上线下普法宣讲", programs={"legal"}), _node(2020, "远程在线法律政策宣讲", programs={"legal"})
    assert [(lk.confidence, lk.reason) for lk in link({p, q})] == [
        (0.6, "the only yuan figure of programme legal in both years")
    ]
    r = _node(2020, "法律援助宣讲", programs={"legal"})
    assert link({p, q, r}) == []  # two of the programme in 2020: the programme says nothing
    assert link({p, _node(2020, "律师", programs={"legal"})}) == []  # nor when the words share no pair


def test_the_queries_of_docs_series_md_run(warehouse):
    blocks = re.findall(r"```sql\n(.*?)```", (ROOT / "docs" / "series.md").read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 3
    for sql in blocks:
        assert query(warehouse, sql)


def test_the_v2_columns_are_the_documented_ones(warehouse):
    doc = (ROOT / "docs" / "series.md").read_text(encoding="utf-8")
    for view in ("series", "yoy"):
        section = doc.split(f"## v2.{view}\n", 1)[1].split("\n## ", 1)[0]
        documented = re.findall(r"^\| (\w+) \| (\w+) \|", section, re.M)
        columns = query(
            warehouse,
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'v2' and table_name = ? order by ordinal_position",
            [view],
        )
        assert [c for c in documented if c != ("column", "type")] == columns, view


def test_copies_of_one_report_are_one_point_holding_the_figures_of_every_copy(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("copy-a.txt", "copy-b.txt"):
        shutil.copy(SEED, folder / name)
    (folder / "manifest.csv").write_text(
        MANIFEST + "copy-a.txt,copy-a,,工人日报,,2020\ncopy-b.txt,copy-b,,工人日报,,2020\n", encoding="utf-8"
    )
    db = tmp_path / "w.duckdb"
    refresh(folder, db, progress=False)
    assert query(
        db,
        "select count(*), count(distinct point_id), min(n), max(n) from ("
        "  select point_id, count(*) over (partition by point_id) as n from core.series_figures)",
    ) == [(46, 23, 2, 2)]  # 23 figures in each copy
    mixed = "select point_id from core.series_figures join core.figures using (figure_id) group by point_id"
    assert query(db, mixed + " having count(distinct doc_id) <> 2") == []  # each point: one figure of each copy
    assert query(
        db, "select series_id, year, value from v2.series where series_id = 'new_union_members' order by doc_id"
    ) == [("new_union_members", 2020, 8743000.0), ("new_union_members", 2020, 8743000.0)]


def test_the_rows_matched_share_one_string_per_repeated_value():
    """A publisher's rows are held whole while its series are lined up: a publisher, unit or label that
    many rows repeat is one Python string for all of them, not one each; the words around a figure are its own."""
    import pyarrow as pa

    from etl.series import store

    row = {
        "figure_id": None,
        "own_doc": None,
        "publisher": "国务院",
        "report_year": 2020,
        "unit": "person",
        "basis": None,
        "per_unit": False,
        "is_target": False,
        "span": 0,
        "program": None,
        "metric_id": "new_urban_jobs",
        "metric_scope": "national",
        "label": "城镇新增就业",
        "before": "今年",
        "after": "以上",
        "value": 1.0,
        "described": 2020,
        "measure": "",
    }
    columns = {name: [value] * 3 for name, value in row.items()}
    table = pa.table({**columns, "figure_id": ["f0", "f1", "f2"]})  # one record batch, as DuckDB hands them
    rows = list(store._rows(table.to_reader(), {"国务院": "national"}))
    assert rows[0] == Row(
        ("f0",), None, "国务院", 2020, "person", None, False, False, 0, None, "new_urban_jobs", "城镇新增就业",
        "今年", "以上", 1.0, 2020, "",
    )  # fmt: skip
    assert [r.figure_ids for r in rows] == [("f0",), ("f1",), ("f2",)]
    for field in ("publisher", "unit", "metric_id", "label"):
        assert getattr(rows[0], field) is getattr(rows[1], field) is getattr(rows[2], field)
    assert rows[0].before is not rows[1].before  # read as it comes: not a repeated column
