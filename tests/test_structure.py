"""A report's structure: its parts, headings and the year it reviews."""

from __future__ import annotations

from etl.structure import infer_report_year, report_parts, top_headings

from .test_periods import GOV_REPORT


def test_parts_come_from_headings_not_line_numbers():
    parts = report_parts("一、2018年工作回顾\n甲。\n二、2019年工作安排\n乙。\n三、加强政府自身建设\n丙。", 2018)
    assert [(p.kind, p.year) for p in parts] == [("review", 2018), ("plan", 2019), ("plan", 2019)]


def test_top_headings_are_lines_of_their_own_on_the_first_line_or_after_a_break():
    text = "一、2018年工作回顾\n城镇新增就业1361万人。二、不是标题\n二、2019年工作任务"
    assert top_headings(text) == [(0, "2018年工作回顾"), (32, "2019年工作任务")]
    assert text[32:34] == "二、" and text[31] == "\n"


def test_the_report_year_is_read_from_the_text_when_the_manifest_is_silent():
    assert infer_report_year(GOV_REPORT) == 2018
    assert infer_report_year("——2018年3月5日在第十三届全国人民代表大会第一次会议上\n各位代表：") == 2017
