"""etl/rules/tables.py: a table written as text, its header naming each column's measure word."""

from __future__ import annotations

import pytest

from etl.text.decode import decode
from etl.text.normalize import normalize

from .helpers import figures_of

TABLE = """全市工会现有创新工作室46个。
表1 2025年劳模创新工作室成果统计
单位 工作室数量（个） 创新成果（项） 国家专利（项） 经济效益（万元）
机务系统 12 68 68 980
车辆系统 9 45 — 640
合计 46 218 136 3200
（三）职工技能素质持续提升。"""


def _cells(text: str, report_year: int = 2025) -> list[tuple]:
    return [(f.surface, f.value, f.unit, f.label) for f in figures_of(text, report_year)]


def test_each_cell_is_counted_in_its_columns_measure_word_and_labelled_by_its_row_and_column():
    found = _cells(TABLE)
    assert found[0] == ("46个", 46, "organization", "全市工会现有创新工作室")
    assert found[1:6] == [
        ("12", 12, "organization", "机务系统工作室数量"),
        ("68", 68, "item", "机务系统创新成果"),
        ("68", 68, "item", "机务系统国家专利"),  # the same value in another column: another fact
        ("980", 9800000, "yuan", "机务系统经济效益"),
        ("9", 9, "organization", "车辆系统工作室数量"),
    ]
    assert [surface for surface, *_ in found[6:]] == ["45", "640", "46", "218", "136", "3200"]  # — is no figure


def test_a_cell_quotes_the_number_where_it_stands():
    text = normalize(TABLE)
    for figure in figures_of(TABLE, 2025)[1:]:
        assert text[figure.char_start : figure.char_end] == figure.surface
        assert figure.sentence.startswith(("机务系统", "车辆系统", "合计"))


def test_the_period_is_the_reports_and_the_category_the_units_default():
    cells = figures_of(TABLE, 2025)[1:]
    assert {(f.period_start, f.period_end) for f in cells} == {(2025, 2025)}
    assert [f.category for f in cells[:5]] == ["organizations", "other", "other", "funds", "organizations"]


def test_a_column_may_be_named_by_its_measure_word_alone():
    text = "表2 困难职工帮扶情况\n项目 户数（户） 人次 金额（万元）\n送温暖 — 24000 1120"
    assert _cells(text) == [("24000", 24000, "person_time", "送温暖人次"), ("1120", 11200000, "yuan", "送温暖金额")]


def test_an_html_table_reads_as_the_same_rows():
    page = (
        "<html><body><p>表1</p><table><tr><th>单位</th><th>站点数（个）</th><th>服务职工（人次）</th></tr>"
        "<tr><td>思明区</td><td>168</td><td>5200</td></tr></table></body></html>"
    )
    text = normalize(decode(page.encode("utf-8")).text)
    assert [(f.surface, f.unit) for f in figures_of(text, 2024)] == [("168", "organization"), ("5200", "person_time")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # columns naming a year, a change or no measure word say nothing
        ("区 站点数（个） 其中2024年新建（个） 比上年增长（%） 备注\n思明区 168 18 5.2 6", ["168"]),
        # a row labelled with a year: which year its cells are the header does not say; it ends the table
        ("区 站点数（个） 服务职工（人次）\n2023年 150 4100\n思明区 168 5200", []),
        # a row with a cell too many ends the table
        ("区 站点数（个） 服务职工（人次）\n思明区 168 5200 9\n湖里区 142 4300", []),
        # brackets in prose are no header
        ("全年新建站点(个)35个，其中新建驿站(个)12个。", ["35个", "12个"]),
    ],
)
def test_what_a_table_does_not_say_no_cell_says(text, found):
    assert [f.surface for f in figures_of(text, 2024)] == found
