"""The site shows the v2 answers: publishers side by side per metric and year (v2.compare), ranges with both
ends, values with the measure word the report wrote, and a size that stays bounded."""

from __future__ import annotations

import ast
import re
import shutil

import duckdb
import pytest

from etl.site.build import build_site, site_pages
from etl.site.compare import comparison_page
from etl.site.html import series_page
from etl.warehouse.refresh import refresh

from .conftest import ROOT, query
from .test_site import site, tables  # noqa: F401 (site is a fixture)


@pytest.fixture(scope="module")
def compare_html(site) -> str:  # noqa: F811
    return (site / comparison_page("gdp_growth", 2018)).read_text(encoding="utf-8")


def test_a_comparison_page_puts_publishers_side_by_side_outcome_and_next_target(compare_html, warehouse):
    assert tables(compare_html)["2 publishers"] == [
        ["国务院", "6.6% govreport-2019", "6%-6.5% govreport-2019"],
        ["海拉尔区人民政府", "6.0% hailar-2019", "3.5%左右 hailar-2019"],
    ]
    assert '<th scope="col">outcome of 2018</th><th scope="col">target for 2019</th>' in compare_html
    answers = query(
        warehouse,
        "select doc_id, figure_id from v2.compare where metric_id = 'gdp_growth' "
        "and ((year = 2018 and not is_target) or (year = 2019 and is_target)) order by publisher, is_target",
    )
    hrefs = re.findall(r'href="(report-[^"]+)"', compare_html)
    assert hrefs == [f"report-{doc_id}.html#fig-{figure_id}" for doc_id, figure_id in answers] and len(hrefs) == 4
    assert series_page("国务院", "gdp_growth") in compare_html


def test_where_a_publishers_figures_disagree_the_page_gives_no_answer_and_links_each(site, warehouse):  # noqa: F811
    html = (site / comparison_page("new_urban_jobs", 2015)).read_text(encoding="utf-8")
    (row,) = [r for r in tables(html)["2 publishers"] if r[0] == "海拉尔区人民政府"]
    assert row[1] == "no single answer, 2 figures differ: 3000人 hailar-2016; 5650人 hailar-2016"


def test_a_range_keeps_both_ends_and_never_becomes_a_floor(site):  # noqa: F811
    html = (site / series_page("国务院", "gdp_growth")).read_text(encoding="utf-8")
    values = {row[0]: row[1:] for row in tables(html)["Values by year (each links to its sentence)"]}
    assert values["2019"] == ["6.1%", "6%-6.5%"]
    assert values["2016"] == ["6.7%", "6.5%-7%"]
    assert values["2021"] == ["8.1%", "6%以上"]  # govreport-2021 wrote 6%以上
    assert "6%以上 (govreport-2019)" not in html and "2019 target: 6%-6.5% (govreport-2019)" in html


def test_values_keep_the_measure_word_the_report_wrote(site):  # noqa: F811
    index = (site / "index.html").read_text(encoding="utf-8")
    grain = (site / series_page("国务院", "grain_output")).read_text(encoding="utf-8")
    values = {row[0]: row[1:] for row in tables(grain)["Values by year (each links to its sentence)"]}
    assert values["2014"] == ["1.21万亿斤", ""] and values["2015"][1].endswith("万亿斤以上")
    trade = (site / series_page("国务院", "foreign_trade")).read_text(encoding="utf-8")
    assert "4万亿美元" in trade
    assert '<td class="num">2021: 1.37万亿斤</td>' in index  # it said "1.37万亿", losing the 斤
    assert '<text x="66" y="30" text-anchor="end" class="unit">万亿斤</text>' in grain


def test_an_automatic_series_page_says_how_it_was_linked(site):  # noqa: F811
    html = (site / series_page("海拉尔区人民政府", "auto:海拉尔区人民政府:政协委员提案:item:stock:ad8efb")).read_text(
        encoding="utf-8"
    )
    assert "linked_by auto: zhibiao lined up its figures from their words, unit and basis, its least sure link" in html
    assert (
        re.findall(r'<span class="meta">\((auto[^:]*): <span lang="zh">([^<]+)</span>\)</span>', html)
        == [
            ("auto 1.00", "same words 政协委员提案"),
        ]
        * 4
    )


def test_the_index_leads_to_publishers_series_and_comparisons(site):  # noqa: F811
    index = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="#compare">311 comparisons of publishers side by side</a>' in index
    assert f'href="{comparison_page("gdp_growth", 2018)}"' in index
    assert '<section id="compare"><h2>Publishers side by side</h2>' in index
    assert "<h2>Publishers</h2>" in index


def test_a_warehouse_of_thousands_of_series_makes_a_bounded_site_and_says_what_it_left_out(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        pages = site_pages(con, max_series=100, max_comparisons=10)
    finally:
        con.close()
    assert len([n for n in pages if n.startswith("series-")]) == 100
    assert len([n for n in pages if n.startswith("compare-")]) == 10
    assert len([n for n in pages if n.startswith("series-gdp_growth-")]) == 2  # catalogued series come first
    note = re.search(r'<p class="meta" id="left-out">(.*?)</p>', pages["index.html"]).group(1)
    assert note == (
        "Left out to keep the site small: 94 series lined up by zhibiao (the least sure and shortest) and "
        "301 comparison pages (the last metrics by id). Every one is in the warehouse: v2.series and v2.compare "
        "(make shell, make export)."
    )


def test_hostile_publishers_and_titles_are_escaped_on_comparison_and_series_pages(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "raw" / "govreport_2019.txt", folder / "govreport_2019.txt")
    publisher = '国务院<script>alert("x")</script>&amp;'
    (folder / "manifest.csv").write_text(
        "file,doc_id,title,publisher,published_on,report_year\n"
        f'govreport_2019.txt,govreport-2019,"<img src=x onerror=alert(1)>",{publisher},2019-03-05,2018\n',
        encoding="utf-8",
    )
    db = tmp_path / "w.duckdb"
    refresh(folder, db, progress=False)
    build_site(db, tmp_path / "site")
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "site").glob("*.html")}
    compare = pages[comparison_page("gdp_growth", 2018)]
    assert "国务院&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;" in compare
    assert tables(compare)["1 publisher"][0] == [publisher, "6.6% govreport-2019", "6%-6.5% govreport-2019"]
    assert [n for n, html in pages.items() if "<script" in html or "<img" in html] == []


def test_the_site_reads_the_views_never_the_tables():
    sql = [  # every string of etl/site that is a query
        node.value
        for path in (ROOT / "etl" / "site").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"\bselect\b", node.value)
    ]
    read = {m for s in sql for m in re.findall(r"\b(?:from|join)\s+([a-z_0-9]+\.[a-z_]+)", s)}
    assert {name.split(".")[0] for name in read} == {"v1", "v2"}  # never core.* nor another schema
    assert {"v2.compare", "v2.compare_conflicts", "v2.series_years", "v2.yoy", "v2.figures"} <= read
