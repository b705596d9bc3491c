"""The site's numbers and charts: values written as the reports write them, charts drawn at build time."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from etl.site.format import approx_band, format_change, format_pct, format_value, period, plain, qualified
from etl.site.svg import ChartPoint, nice_ticks, series_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_values_are_written_in_the_reports_own_units():
    assert format_value(2492000000.0, "yuan") == "24.92亿元"
    assert format_value(5510700.0, "person") == "551.07万人"
    assert format_value(6.5, "percent") == "6.5%"
    assert format_value(114e12, "yuan") == "114万亿元"
    assert format_value(3.65e12, "yuan") == "3.65万亿元"
    assert format_value(37.0, "time") == "37次"
    assert format_value(2493.0, "person") == "2493人"
    assert format_value(13100.0, "other") == "1.31万"
    assert format_value(None, "yuan") == "–"


def test_values_keep_the_measure_word_the_report_wrote():
    assert format_value(1.37e12, "other", "斤") == "1.37万亿斤"
    assert format_value(1.383e11, "other", "美元") == "1383亿美元"
    assert format_value(0.5, "percent", "个百分点") == "0.5个百分点"
    assert format_value(2493.0, "person", "名") == "2493名"
    assert format_value(2493.0, "person", None) == "2493人"
    assert format_change(-1.3e6, "person", "名") == "-130万名"


def test_a_range_is_shown_as_written_with_both_ends_never_as_a_floor():
    assert qualified(6.0, "percent", "range", "%", "6%-6.5%") == "6%-6.5%"
    svg = ET.fromstring(
        series_chart(
            [ChartPoint(2019, 6.0, True, "range", "r.html#fig-a", "2019 target: 6%-6.5%", 6.5)], "t", "percent"
        )
    )
    drawn = [(e.tag.removeprefix(SVG), e.get("class")) for a in svg.findall(f"{SVG}a") for e in a if e.get("class")]
    assert drawn == [("rect", "range")]
    (bar,) = [e for a in svg.findall(f"{SVG}a") for e in a if e.get("class") == "range"]
    assert float(bar.get("height")) > 0


def test_the_axis_says_the_measure_word():
    points = [
        ChartPoint(2020, 1.37e12, False, "exact", "a.html#fig-a", "x"),
        ChartPoint(2021, 1.36e12, False, "exact", "a.html#fig-b", "y"),
    ]
    svg = ET.fromstring(series_chart(points, "grain", "other", "斤"))
    assert [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "unit"] == ["万亿斤"]


def test_plain_numbers_have_no_float_noise_or_exponent():
    assert plain(24.920000000000002) == "24.92"
    assert plain(7.0) == "7"
    assert plain(1e21) == "1000000000000000000000"
    assert plain(-0.00001) == "0"


def test_qualifiers_read_as_in_the_reports():
    assert qualified(10000000.0, "person", "at_least") == "1000万人以上"
    assert qualified(7.5, "percent", "approx") == "7.5%左右"
    assert qualified(4.5, "percent", "at_most") == "4.5%以下"
    assert qualified(6.9, "percent", "exact") == "6.9%"


def test_changes_and_periods():
    assert format_change(-0.3, "percent") == "-0.3 points"
    assert format_change(120000.0, "person") == "+12万人"
    assert format_pct(0.9160305) == "+0.92%"
    assert format_pct(None) == "–"
    assert period(2020, 2020) == "2020"
    assert period(2016, 2020) == "2016–2020"
    assert period(None, None) == "not stated"


def test_an_approximate_value_is_a_band_of_half_a_point_or_five_percent():
    assert approx_band(7.5, "percent") == (7.0, 8.0)
    assert approx_band(1000.0, "person") == (950.0, 1050.0)


def test_ticks_are_round_and_cover_the_values():
    assert nice_ticks(0, 13100000) == [0, 5000000, 10000000, 15000000]
    assert nice_ticks(0, 8.1) == [0.0, 2.5, 5.0, 7.5, 10.0]
    assert nice_ticks(-2.3, 6) == [-2.5, 0.0, 2.5, 5.0, 7.5]
    assert nice_ticks(0, 0) == [0.0, 0.25, 0.5, 0.75, 1.0]


def _points() -> list[ChartPoint]:
    return [
        ChartPoint(2013, 7.7, False, "exact", "report-a.html#fig-1", "2013 outcome: 7.7%"),
        ChartPoint(2014, 7.4, False, "exact", "report-b.html#fig-2", "2014 outcome: 7.4%"),
        ChartPoint(2016, 6.7, False, "exact", "report-c.html#fig-3", "2016 outcome: 6.7%"),
        ChartPoint(2014, 7.5, True, "approx", "report-a.html#fig-4", "2014 target: 7.5%左右"),
        ChartPoint(2015, 7.0, True, "at_least", "report-b.html#fig-5", "2015 target: 7%以上"),
        ChartPoint(2016, 3.0, True, "at_most", "report-c.html#fig-6", '2016 target: 3%以下 <& "quoted">'),
    ]


def test_a_chart_is_well_formed_svg_with_a_link_per_point():
    svg = ET.fromstring(series_chart(_points(), "GDP growth 国内生产总值增长", "percent"))
    links = svg.findall(f"{SVG}a")
    assert [(a.get("class"), a.get("href")) for a in links] == [
        ("point target approx", "report-a.html#fig-4"),
        ("point target at_least", "report-b.html#fig-5"),
        ("point target at_most", "report-c.html#fig-6"),
        ("point outcome", "report-a.html#fig-1"),
        ("point outcome", "report-b.html#fig-2"),
        ("point outcome", "report-c.html#fig-3"),
    ]
    assert svg.find(f"{SVG}title").text == "GDP growth 国内生产总值增长"
    assert links[2].find(f"{SVG}title").text == '2016 target: 3%以下 <& "quoted">'
    assert "Noto Sans CJK SC" in svg.get("font-family") and svg.get("font-family").endswith("sans-serif")


def test_targets_show_their_qualifier_as_band_floor_or_ceiling():
    svg = ET.fromstring(series_chart(_points(), "t", "percent"))
    drawn = [(e.tag.removeprefix(SVG), e.get("class")) for a in svg.findall(f"{SVG}a") for e in a if e.get("class")]
    assert drawn == [("rect", "band"), ("path", "floor"), ("path", "ceiling")]


def test_a_missing_year_breaks_the_outcome_line():
    svg = ET.fromstring(series_chart(_points(), "t", "percent"))
    lines = [p.get("points").count(",") for p in svg.findall(f"{SVG}polyline[@class='outcome-line']")]
    assert lines == [2]  # 2013-2014 joined; 2016 stands alone
    assert [p.get("stroke-dasharray") for p in svg.findall(f"{SVG}polyline[@class='target-line']")] == ["6 4"]


def test_the_axis_is_labelled_in_the_unit_the_values_need():
    points = [ChartPoint(2013, 13100000.0, False, "exact", "r.html#f", "x")]
    svg = series_chart(points, "jobs", "person")
    assert re.findall(r'class="unit">([^<]*)<', svg) == ["万人"]
    assert ">1500<" in svg and ">0<" in svg


def test_an_empty_series_says_so():
    svg = ET.fromstring(series_chart([], "nothing", "person"))
    assert svg.findall(f"{SVG}a") == []
    assert svg.find(f"{SVG}text").text == "no values"
