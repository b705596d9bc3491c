"""The site read as HTML: every figure marked at its offsets, every link landing on a mark, nothing online."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from etl.site.build import build_site
from etl.site.data import read_series
from etl.site.html import figure_href, programme_page, publisher_slug, series_page
from etl.site.text import marked_text, spans

from .conftest import ROOT, query


class Page(HTMLParser):
    """What the tests need of a page: its ids, its links, and for a report page the text and marks."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, str] = {}  # id -> class
        self.hrefs: list[tuple[str, str]] = []  # (class of the link, href)
        self.text, self.marks = [], {}
        self._in_text = self._tip_depth = 0
        self._mark = None
        self.feed(html)
        self.text = "".join(self.text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"]] = a.get("class") or ""
        if tag == "a" and "href" in a:
            self.hrefs.append((a.get("class") or "", a["href"]))
        if self._tip_depth:
            self._tip_depth += tag == "span"
        elif tag == "span" and a.get("class") == "tip":
            self._tip_depth = 1
        elif tag == "div" and a.get("class") == "report-text":
            self._in_text = 1
        elif tag == "mark" and self._in_text:
            self._mark = (a["data-figure-id"], len("".join(self.text)))

    def handle_endtag(self, tag):
        if self._tip_depth:
            self._tip_depth -= tag == "span"
        elif tag == "mark" and self._mark:
            figure_id, start = self._mark
            self.marks[figure_id] = (start, len("".join(self.text)))
            self._mark = None
        elif tag == "div" and self._in_text:
            self._in_text = 0

    def handle_data(self, data):
        if self._in_text and not self._tip_depth:
            self.text.append(data)


@pytest.fixture(scope="module")
def site(warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_site(warehouse, out)
    return out


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    return {p.name: Page(p.read_text(encoding="utf-8")) for p in site.glob("*.html")}


def test_the_site_has_an_index_and_a_page_per_report_series_and_programme_year(site, warehouse):
    names = {p.name for p in site.iterdir()}
    n_docs = query(warehouse, "select count(*) from v1.documents")[0][0]
    n_catalogued = query(warehouse, "select count(distinct (metric_id, publisher)) from v1.metric_series")[0][0]
    n_auto = query(
        warehouse,
        "select count(*) from (select series_id, publisher from v2.series_years where series_id like 'auto:%' "
        "group by all having count(distinct year) >= 2)",
    )[0][0]
    n_prog = query(warehouse, "select count(distinct (program_id, publisher, year)) from v1.program_summary")[0][0]
    assert {"index.html", "style.css", "report-acftu-2020.html", "report-govreport-2014.html"} <= names
    assert (n_docs, n_catalogued, n_auto, n_prog) == (
        18,
        79,
        115,
        55,
    )  # 两处市民公园 counts places: a series of its own; a programme year with no figure added has no page; Hailar's
    # housing investment 2011-2012, linked as the only yuan figures of the programme (judged wrong, confidence 0.6)
    assert len([n for n in names if n.startswith("report-")]) == n_docs
    assert len([n for n in names if n.startswith("series-")]) == n_catalogued + n_auto
    assert len([n for n in names if n.startswith("programme-")]) == n_prog
    n_compare = query(
        warehouse,
        "select count(distinct (metric_id, case when is_target then year - 1 else year end)) "
        "from (from v2.compare union all by name from v2.compare_conflicts) where publisher is not null",
    )[0][0]
    assert len([n for n in names if n.startswith("compare-")]) == n_compare == 311


def test_every_figure_is_marked_exactly_at_its_offsets(pages, warehouse):
    for doc_id, text in query(warehouse, "select doc_id, text from v1.documents"):
        page = pages[f"report-{doc_id}.html"]
        assert page.text == text, doc_id
        rows = query(warehouse, "select figure_id, char_start, char_end from v1.figures where doc_id = ?", [doc_id])
        assert page.marks == {figure_id: (start, end) for figure_id, start, end in rows}, doc_id
        assert all(
            page.ids[f"fig-{figure_id}"] == "fig" or "fig " in page.ids[f"fig-{figure_id}"] for figure_id, *_ in rows
        )


def figure_id_of(warehouse, doc_id: str, surface: str) -> str:
    """The id of the figure of `doc_id` written `surface` (ids are content hashes: never typed in)."""
    (found,) = query(warehouse, "select figure_id from v1.figures where doc_id = ? and surface = ?", [doc_id, surface])
    return found[0]


def test_the_seed_reports_covid_funds_are_marked_where_the_text_says_them(pages, warehouse):
    page = pages["report-acftu-2020.html"]
    start, end = page.marks[figure_id_of(warehouse, "acftu-2020", "24.92亿元")]
    assert page.text[start:end] == "24.92亿元"


def test_every_link_lands_on_a_page_and_anchor_that_exist(pages):
    broken = []
    for name, page in pages.items():
        for _, href in page.hrefs:
            target, _, fragment = href.partition("#")
            target_page = pages.get(target) if target else page
            if target_page is None or (fragment and fragment not in target_page.ids):
                broken.append((name, href))
    assert broken == []


def test_every_figure_link_on_series_and_programme_pages_lands_on_a_marked_figure(pages):
    landed = 0
    for name, page in pages.items():
        if not name.startswith(("series-", "programme-")):
            continue
        for _, href in page.hrefs:
            target, _, fragment = href.partition("#")
            if fragment.startswith("fig-"):
                assert target.startswith("report-") and "fig" in pages[target].ids[fragment].split(), (name, href)
                landed += 1
    assert landed > 1000


def test_each_series_point_links_to_its_figure(pages, warehouse):
    rows = query(
        warehouse,
        "select doc_id, figure_id from v2.series_years where series_id = 'new_urban_jobs' and publisher = '国务院'",
    )
    page = pages[series_page("国务院", "new_urban_jobs")]
    points = sorted(href for cls, href in page.hrefs if cls.startswith("point"))
    assert points == sorted(figure_href(doc_id, figure_id) for doc_id, figure_id in rows)
    assert len(points) == 18


def tables(html: str) -> dict[str, list[list[str]]]:
    """Each table of a page by its caption: its body rows as lists of cell texts."""
    found = {}
    for caption, body in re.findall(r"<table><caption>(.*?)</caption>.*?<tbody>(.*?)</tbody></table>", html, re.S):
        rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
        cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in rows]
        found[unescape(caption)] = [[unescape(re.sub(r"<[^>]+>", "", c)) for c in row] for row in cells]
    return found


def test_the_year_over_year_table_shows_the_rows_of_v2_yoy(site, warehouse):
    html = (site / series_page("国务院", "new_urban_jobs")).read_text(encoding="utf-8")
    shown = tables(html)["Change from the year before (like with like)"]
    assert shown[:2] == [
        ["2014", "outcome", "1322万人", "1310万人", "+12万人", "+0.92%", "catalog"],
        ["2015", "outcome", "1312万人", "1322万人", "-10万人", "-0.76%", "catalog"],
    ]
    rows = query(
        warehouse,
        "select count(*) from v2.yoy where series_id = 'new_urban_jobs' and publisher = '国务院'",
    )
    assert len(shown) == rows[0][0] == 16


def test_the_year_over_year_of_each_series_is_read_from_v2_yoy(warehouse):
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        series = read_series(con)
    finally:
        con.close()
    ours = sorted(
        (s.series_id, s.publisher, c.year, c.is_target, c.value, c.previous_value, c.change, c.pct_change, c.figure_id)
        for s in series
        for c in s.changes
    )
    theirs = query(
        warehouse,
        "select series_id, publisher, year, is_target, value, previous_value, change, pct_change, figure_id "
        "from v2.yoy where series_id in (select series_id from v2.series_years group by all "
        "having series_id not like 'auto:%' or count(distinct year) >= 2)",
    )
    assert ours == sorted(theirs)
    assert len(ours) == 460  # starting levels are points of the year before their period; 3 from links at 0.6


AUTO = "auto:海拉尔区人民政府:政协委员提案:item:stock:ad8efb"


def test_an_automatic_series_has_its_page_linked_from_the_index(site, pages):
    name = series_page("海拉尔区人民政府", AUTO)
    assert name in {h for _, h in pages["index.html"].hrefs}
    html = (site / name).read_text(encoding="utf-8")
    assert tables(html)["Values by year (each links to its sentence)"] == [
        ["2015", "118件", ""],
        ["2016", "101件", ""],
        ["2017", "130件", ""],
        ["2018", "136件", ""],
    ]
    assert tables(html)["Change from the year before (like with like)"] == [
        ["2016", "outcome", "101件", "118件", "-17件", "-14.41%", "auto 1.00"],
        ["2017", "outcome", "130件", "101件", "+29件", "+28.71%", "auto 1.00"],
        ["2018", "outcome", "136件", "130件", "+6件", "+4.62%", "auto 1.00"],
    ]
    assert "zhibiao lined up its figures from their words" in html


SURFACES = ("2493名", "300多名", "1689名", "804名")


def test_a_programme_page_says_what_was_added_and_what_was_left_out(site, warehouse):
    html = (site / programme_page("工人日报", "model_worker_awards", 2020)).read_text(encoding="utf-8")
    assert tables(html) == {
        "What it spent and reached": [["people reached", "2493人"]],
        "The 1 figure added": [
            ["2493名", "2493名", "表彰全国劳模和先进工作者", "acftu-2020"],
        ],
        "The 3 figures left out": [
            ["1689名", "1689名", "劳模", "acftu-2020", "breakdown (其中) of another figure (the whole)"],
            ["804名", "804名", "先进工作者", "acftu-2020", "breakdown (其中) of another figure (the whole)"],
            [
                "300多名",
                "300名",
                "先进工作者",
                "acftu-2020",
                "a subset overlapping the parts of another figure (the whole)",
            ],
        ],
    }
    link = {s: f"report-acftu-2020.html#fig-{figure_id_of(warehouse, 'acftu-2020', s)}" for s in SURFACES}
    assert re.findall(r'href="([^"]*#fig-[^"]*)"', html) == [
        link["2493名"],
        link["1689名"],
        link["2493名"],  # 1689名 is part of 2493名
        link["804名"],
        link["2493名"],
        link["300多名"],
        link["2493名"],  # the 300多名 overlap its parts
    ]


def test_a_programme_total_is_its_v1_program_summary_row(site):
    html = (site / programme_page("工人日报", "covid19_response", 2020)).read_text(encoding="utf-8")
    assert tables(html)["What it spent and reached"] == [["funds", "24.92亿元"], ["people reached", "551.07万人"]]
    assert "goods and money together (物资和资金), not funds alone" in html  # 1.05亿元, left out


def test_overlapping_figures_never_cross_and_keep_their_anchor():
    a = {"figure_id": "a", "char_start": 2, "char_end": 6}
    b = {"figure_id": "b", "char_start": 4, "char_end": 8}
    assert [(s, e, f and f["figure_id"]) for s, e, f in spans("0123456789", [b, a])] == [
        (0, 2, None),
        (2, 6, "a"),
        (6, 8, "b"),
        (8, 10, None),
    ]


def test_report_text_is_escaped_around_and_inside_marks():
    figure = {
        "figure_id": "f1", "char_start": 3, "char_end": 9, "value": 1e8, "unit": "yuan", "qualifier": "exact",
        "basis": None, "period_start": 2020, "period_end": 2020, "is_target": False, "program": None,
        "program_name_zh": None, "metric_id": None, "metric_name_zh": None,
    }  # fmt: skip
    html = marked_text("<b>1亿元&amp;</b>", [figure], {})
    assert html.startswith('&lt;b&gt;<mark class="fig" id="fig-f1" data-figure-id="f1"><a href="#fig-f1"')
    assert ">1亿元&amp;am</a></mark>" in html and html.endswith("</span>p;&lt;/b&gt;")


def test_the_site_needs_no_network_and_no_script(site):
    for path in site.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text, path.name
        assert "url(" not in text and "@import" not in text, path.name
        online = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "http://" not in online and "https://" not in online and '="//' not in online, path.name


def test_index_lists_each_publishers_reports_series_and_programmes(pages):
    index = pages["index.html"]
    assert {publisher_slug(p) for p in ("国务院", "海拉尔区人民政府", "工人日报")} <= set(index.ids)
    hrefs = {h for _, h in index.hrefs}
    assert {"report-acftu-2020.html", series_page("国务院", "gdp_growth")} <= hrefs
    assert programme_page("工人日报", "covid19_response", 2020) in hrefs


def test_index_lists_catalogued_series_apart_from_those_zhibiao_lined_up(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    captions = re.findall(r"<caption>(\d+ [^<]*series[^<]*)</caption>", html)
    assert captions == [
        "39 catalogued series",  # 国务院
        "56 series lined up by zhibiao (two years or more)",  # 城乡低保标准分别提高 is 城镇… and 农村…
        "15 catalogued series",  # 工人日报: one report, no automatic series of two years
        "25 catalogued series",  # 海拉尔区人民政府
        "59 series lined up by zhibiao (two years or more)",
    ]
    assert '<td class="num">0.71</td>' in html  # 一般工商业电价平均's least confidence


def test_python_m_etl_report_writes_the_site_and_removes_only_its_own_stale_pages(warehouse, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "series-gone.html").write_text("old", encoding="utf-8")
    (out / ".zhibiao-files").write_text("series-gone.html\n", encoding="utf-8")  # an earlier site wrote it
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    notes, folder = os.stat(out / "notes.txt").st_ino, os.stat(out).st_ino
    result = subprocess.run(
        [sys.executable, "-m", "etl", "report", "--db", str(warehouse), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout == (
        f"{out / 'index.html'}: 580 files, swapped in whole, keeping the file zhibiao did not write; "
        "open it in a browser, no server needed\n"
    )
    assert not (out / "series-gone.html").exists() and (out / "notes.txt").read_text() == "mine"
    assert os.stat(out / "notes.txt").st_ino == notes and os.stat(out).st_ino != folder  # one swap, the same notes
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def tooltip(html: str, figure_id: str) -> list[tuple[str, str]]:
    tip = re.search(rf'<span class="tip" role="tooltip" id="tip-fig-{figure_id}"><dl>(.*?)</dl></span>', html).group(1)
    return [(t, unescape(re.sub(r"<[^>]+>", "", d))) for t, d in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", tip)]


def test_a_figures_tooltip_says_what_it_counts(site, warehouse):
    html = (site / "report-acftu-2020.html").read_text(encoding="utf-8")
    assert tooltip(html, figure_id_of(warehouse, "acftu-2020", "24.92亿元")) == [
        ("value", "24.92亿元 (2492000000 yuan)"),
        ("unit", "yuan"),
        ("qualifier", "exact"),
        ("basis", "level"),
        ("period", "2020"),
        ("kind", "outcome"),
        ("programme", "疫情防控"),
        ("series", "疫情防控资金"),
    ]


def test_a_series_point_says_its_series_in_its_tooltip(site, warehouse):
    html = (site / "report-govreport-2014.html").read_text(encoding="utf-8")
    target_id = query(
        warehouse,
        "select figure_id from v1.figures where doc_id = 'govreport-2014' and metric_id = 'new_urban_jobs' and is_target",
    )[0][0]
    target = dict(tooltip(html, target_id))  # 城镇新增就业1000万人以上, the 2014 target
    assert (target["value"], target["qualifier"], target["kind"], target["series"]) == (
        "1000万人 (10000000 person)",
        "at least (以上)",
        "target",
        "城镇新增就业",
    )
