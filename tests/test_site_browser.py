"""The site in a real browser: Debian's Chromium, headless, driven by Playwright at /usr/bin/chromium.

Playwright never downloads a browser here. When Chromium is missing, the set-up installs
Debian's package (as root, with apt-get). If it still cannot be had, the tests fail under CI
(env CI set) and are skipped elsewhere with the reason. Screenshots of the index and a series
page are kept in test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from etl.site.build import build_site
from etl.site.compare import comparison_page
from etl.site.html import programme_page, series_page

from .conftest import ROOT, query

ARTIFACTS = ROOT / "test-artifacts"
DEBIAN_PACKAGES = ["chromium", "fonts-wqy-microhei"]  # the browser, and a CJK font to draw Chinese with
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs Chromium)", pytrace=False)
    pytest.skip(f"{reason} (outside CI the browser tests are skipped)")


def _chromium() -> str:
    """Debian's Chromium, installed with apt-get when missing and this is root."""
    found = shutil.which("chromium")
    if found is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-qq", *DEBIAN_PACKAGES], env=env, capture_output=True, timeout=900)
        found = shutil.which("chromium")
    if found is None:
        _unavailable("Debian's chromium is not installed and could not be installed (needs root and apt-get)")
    return found


@pytest.fixture(scope="module")
def site(warehouse, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser-site")
    build_site(warehouse, out)
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """A headless Chromium with a fresh profile; yields a function opening a page that records its errors."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[dev]')")
    executable = _chromium()
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=executable,
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


class Visit:
    """A page of the site, opened from disk, with every console error and non-file request it caused."""

    def __init__(self, context, site: Path, name: str):
        self.page = context.new_page()
        self.errors: list[str] = []
        self.online: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: r.url.startswith(("file:", "data:", "about:")) or self.online.append(r.url))
        self.page.goto((site / name).as_uri())
        self.page.wait_for_load_state("load")

    def target(self) -> dict:
        """The element the URL's #fragment points at: its tag, classes, text and whether it is on screen."""
        return self.page.evaluate(
            """() => { const e = document.querySelector(':target'); if (!e) return null;
                const r = e.getBoundingClientRect();
                return {tag: e.tagName.toLowerCase(), cls: e.className, text: e.textContent,
                        shown: r.width > 0 && r.top >= 0 && r.bottom <= innerHeight}; }"""
        )

    def close(self):
        assert (self.errors, self.online) == ([], [])
        self.page.close()


def test_the_index_renders_every_publisher_without_console_errors(browser, site):
    visit = Visit(browser, site, "index.html")
    page = visit.page
    assert page.locator("h1").inner_text() == "zhibiao: figures from work reports"
    assert page.locator("section h2").all_inner_texts() == [
        "国务院",
        "工人日报",
        "海拉尔区人民政府",
        "Publishers side by side",
    ]
    assert page.locator("a[href^='series-']").count() == 194  # 79 catalogued series, 115 automatic
    assert page.evaluate("document.scripts.length") == 0  # plain HTML: it reads the same without JavaScript
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=True)
    visit.close()


def test_a_series_page_draws_its_chart_with_a_point_per_value(browser, site):
    visit = Visit(browser, site, series_page("国务院", "new_urban_jobs"))
    page = visit.page
    chart = page.locator("svg.chart")
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box["width"] > 600 and box["height"] > 300
    points = page.locator("svg.chart a.point")
    assert (points.count(), page.locator("svg.chart a.outcome").count()) == (18, 9)
    for i in range(points.count()):
        p = points.nth(i).bounding_box()
        assert box["x"] <= p["x"] and p["x"] + p["width"] <= box["x"] + box["width"]
        assert box["y"] <= p["y"] and p["y"] + p["height"] <= box["y"] + box["height"]
    assert page.locator("svg.chart path.floor").count() == 9  # every target is 以上: a floor
    assert page.locator("table").first.is_visible()  # the table beside the chart
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "series-new_urban_jobs.png"), full_page=True)
    visit.close()


def test_clicking_a_chart_point_lands_on_its_marked_sentence(browser, site, warehouse):
    visit = Visit(browser, site, series_page("国务院", "new_urban_jobs"))
    visit.page.locator("svg.chart a.outcome[data-year='2020']").click()
    visit.page.wait_for_url("**/report-govreport-2021.html#fig-*")
    (surface,) = query(
        warehouse,
        "select f.surface from v1.metric_series s join v1.figures f using (figure_id) "
        "where s.metric_id = 'new_urban_jobs' and s.year = 2020 and not s.is_target",
    )[0]
    assert visit.target() == {"tag": "mark", "cls": "fig", "text": surface, "shown": True}
    visit.close()


def test_a_sample_of_figure_links_lands_on_marked_figures(browser, site):
    """Every link is checked by parsing (test_site.py); here the browser follows a sample."""
    for name in (series_page("国务院", "gdp_growth"), programme_page("工人日报", "covid19_response", 2020)):
        visit = Visit(browser, site, name)
        hrefs = visit.page.eval_on_selector_all(
            "a[href*='#fig-']", "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
        )
        assert len(hrefs) >= 3
        for href in hrefs[:: max(1, len(hrefs) // 6)]:
            visit.page.goto(href)
            landed = visit.target()
            assert landed["tag"] == "mark" and "fig" in landed["cls"].split() and landed["shown"], href
            assert landed["text"].strip() != ""
        visit.close()


def _follow_every_figure_link(visit: Visit) -> list[str]:
    """Follow each link of the page to a marked figure; the text of each mark landed on."""
    hrefs = visit.page.eval_on_selector_all(
        "a[href*='#fig-']", "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
    )
    landed = []
    for href in hrefs:
        visit.page.goto(href)
        mark = visit.target()
        assert mark["tag"] == "mark" and "fig" in mark["cls"].split() and mark["shown"], href
        landed.append(mark["text"])
    return landed


AUTO = ("海拉尔区人民政府", "auto:海拉尔区人民政府:政协委员提案:item:stock:ad8efb")


def test_an_automatic_series_page_shows_its_links_and_every_value_with_its_measure(browser, site):
    visit = Visit(browser, site, series_page(*AUTO))
    page = visit.page
    assert page.locator("svg.chart a.point").count() == 4
    assert "linked_by auto" in page.locator("main p.meta").first.inner_text()
    sentences = page.locator("ol.sentences li .meta").all_inner_texts()
    assert sentences == ["(auto 1.00: same words 政协委员提案)"] * 4
    values = page.locator("table").first.locator("tbody td:nth-child(2)").all_inner_texts()
    assert values == ["118件", "101件", "130件", "136件"]
    landed = _follow_every_figure_link(visit)  # chart, values, year over year, sentences
    assert len(landed) == 4 + 4 + 3 * 2 + 4 and set(landed) == {"118件", "101件", "130件", "136件"}
    visit.close()


def test_a_comparison_page_shows_each_value_as_written_and_every_link_lands_on_its_figure(browser, site):
    visit = Visit(browser, site, comparison_page("gdp_growth", 2018))
    page = visit.page
    rows = page.locator("tbody tr")
    cells = [rows.nth(i).locator("td").all_inner_texts() for i in range(rows.count())]
    assert cells == [
        ["国务院", "6.6% govreport-2019", "6%-6.5% govreport-2019"],
        ["海拉尔区人民政府", "6.0% hailar-2019", "3.5%左右 hailar-2019"],
    ]
    assert _follow_every_figure_link(visit) == ["6.6%", "6%", "6.0%", "3.5%"]  # a range's mark is its low end
    visit.close()


def test_a_series_in_a_measure_word_shows_it_on_every_value_and_the_axis(browser, site):
    visit = Visit(browser, site, series_page("国务院", "grain_output"))
    page = visit.page
    assert page.locator("svg.chart text.unit").text_content() == "万亿斤"
    values = [v for v in page.locator("table").first.locator("tbody td:not(:first-child)").all_inner_texts() if v]
    assert len(values) == 8 and all(re.fullmatch(r"[\d.]+万亿斤(以上|左右)?", v) for v in values), values
    visit.close()


def test_hover_or_focus_shows_what_a_figure_counts(browser, site, warehouse):
    (figure_id,) = query(
        warehouse, "select figure_id from v1.figures where doc_id = 'acftu-2020' and surface = '24.92亿元'"
    )[0]
    visit = Visit(browser, site, "report-acftu-2020.html")
    page = visit.page
    tip = page.locator(f"#tip-fig-{figure_id}")
    assert not tip.is_visible()
    page.locator(f"#fig-{figure_id}").hover()
    assert tip.is_visible()
    assert tip.inner_text().split("\n")[:2] == ["value", "24.92亿元 (2492000000 yuan)"]
    page.mouse.move(0, 0)
    (in_series,) = query(  # a figure of a series: its mark holds a link to the series page
        warehouse,
        "select figure_id from v1.figures where doc_id = 'acftu-2020' and metric_id is not null order by char_start",
    )[0]
    page.locator(f"#fig-{in_series} a").focus()
    assert page.locator(f"#tip-fig-{in_series}").is_visible() and not tip.is_visible()
    visit.close()


def test_print_leaves_out_navigation_and_tooltips(browser, site):
    visit = Visit(browser, site, series_page("国务院", "gdp_growth"))
    page = visit.page
    page.emulate_media(media="print")
    assert not page.locator("header nav").is_visible()
    assert page.locator("svg.chart").is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
    visit.close()


def test_without_a_browser_ci_fails_loudly_and_elsewhere_skips_with_the_reason(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser tests"):
        _unavailable("no chromium")
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="no chromium .outside CI the browser tests are skipped."):
        _unavailable("no chromium")
