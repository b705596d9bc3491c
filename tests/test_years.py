"""Years as reports write them: the common era, and the Republic of China's era of Taiwan's reports
(民國114年 or 114年: 2025). The report below is written for these tests in the style of a Taiwanese city
labour bureau's and union's annual review (none copied from a report)."""

from __future__ import annotations

from datetime import date

import pytest

from etl.text.years import MARKED_YEAR, year_of

from .helpers import figures_of


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2025年全市新增就业5万人", 2025),
        ("民国114年本会补助会员子女", 2025),  # the era named
        ("民国98年", 2009),
        ("本会112年度共办理讲座", 2023),  # the era unnamed, from 101 (2012) to 119 (2030)
        ("较111年增加1.2%", 2022),
        ("建校110年来", None),  # years counted, not a year
        ("已有117年历史", None),
        ("第110届广交会", None),  # an ordinal: no 年 after it
        ("成立100年时", None),  # 100 is no unnamed year: the era's centenary is written 民国100年
        ("97年度新加入会员工会3家", 2008),  # in two digits, 80-99 (1991-2010)
        ("97年本会经评定为优良工会", 2008),
        ("上世纪80年代", None),  # a decade
        ("建党90年来", None),
        ("12019年", None),  # the tail of a longer number
        ("〔2020〕12号", None),
    ],
)
def test_a_year_is_read_in_either_era(text, year):
    found = MARKED_YEAR.search(text)
    assert (year_of(found.group(1)) if found else None) == year


REVIEW = """高雄市總工會114年度工作成果報告

壹、組織發展
截至114年12月底，本會所屬工會組織1,048家，會員人數約43萬人，較113年增加1.2%。
貳、勞工服務
民國114年本會補助會員子女獎學金共計156萬元。
參、115年度工作計畫
115年度預定辦理勞工教育講座60場，預計服務勞工8,800人次。
"""


def test_a_taiwanese_review_has_its_dates_goals_and_years():
    shown = [(f.surface, f.is_target, f.period_start, f.period_end, f.as_of) for f in figures_of(REVIEW, 2025)]
    assert shown == [
        ("1,048家", False, 2025, 2025, date(2025, 12, 31)),
        ("43萬人", False, 2025, 2025, date(2025, 12, 31)),
        ("1.2%", False, 2025, 2025, None),  # a change over the year: no date
        ("156萬元", False, 2025, 2025, None),
        ("60場", True, 2026, 2026, None),  # the heading names 115 (2026), after the year reviewed: plans
        ("8,800人次", True, 2026, 2026, None),
    ]


EARLIER = """臺北縣某產業總工會97年度工作報告

壹、會務概況
截至97年12月底止，所屬會員工會計68家，較96年底增加3家。
參、98年度工作計畫
一、收入新臺幣1,320萬元，支出新臺幣1,310萬元。
肆、結語
97年本會獲頒獎勵金新臺幣10萬元。
"""


def test_a_review_of_2008_in_two_digit_years_has_its_plans_under_a_heading_counted_in_financial_numerals():
    shown = [(f.surface, f.is_target, f.period_start, f.as_of) for f in figures_of(EARLIER, 2008)]
    assert shown == [
        ("68家", False, 2008, date(2008, 12, 31)),
        ("3家", False, 2008, date(2008, 12, 31)),
        ("1,320萬元", True, 2009, None),  # 參、 (三、) over 98年度 (2009): plans
        ("1,310萬元", True, 2009, None),
        ("10萬元", False, 2008, None),  # a year opening its sentence after the plans
    ]
