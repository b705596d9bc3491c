"""A fact stated twice is one row, identified by what it says."""

from __future__ import annotations

import pytest

from .helpers import figures_of

PARAGRAPH = "全总对乡镇(街道)工会专项补助经费1.57亿元，年度新增社会化工会工作者3357人。"


def test_a_repeated_paragraph_gives_one_fact_with_mentions_counted():
    figures = figures_of(PARAGRAPH + "\n其他内容。\n" + PARAGRAPH)
    assert [(f.surface, f.mentions) for f in figures] == [("1.57亿元", 2), ("3357人", 2)]


def test_the_first_statement_keeps_its_offsets():
    text = PARAGRAPH + "\n" + PARAGRAPH
    first = figures_of(text)[0]
    assert (first.char_start, first.char_end) == (text.index("1.57亿元"), text.index("1.57亿元") + len("1.57亿元"))


def test_the_same_value_counting_something_else_is_another_fact():
    figures = figures_of("新建职工书屋200家。\n新建工会驿站200家。")
    assert [(f.label, f.mentions) for f in figures] == [("新建职工书屋", 1), ("新建工会驿站", 1)]


def test_the_id_of_a_fact_does_not_depend_on_its_position():
    a = figures_of("甲。\n" + PARAGRAPH)
    b = figures_of(PARAGRAPH + "\n乙。")
    assert [f.figure_id for f in a] == [f.figure_id for f in b]


def test_a_headline_the_body_restates_is_one_fact():
    # the headline ends with no stop, but the body's line is far longer: a line of its own
    text = "全市工会发放助学金1200万元\n记者获悉 今年以来，全市工会共发放助学金1200万元，资助困难职工子女3000名。"
    figures = figures_of(text, report_year=2025, published_on="2025-06-01")
    # the body's statement stands for both
    assert [(f.surface, f.label, f.mentions, f.char_start) for f in figures] == [
        ("1200万元", "全市工会共发放助学金", 2, 36),
        ("3000名", "资助困难职工子女", 1, 51),
    ]


def test_a_headline_run_into_the_bodys_first_line_is_one_fact_too():
    # a body's first line no longer than the layout's width: the headline runs into it (85个记者…: the
    # words after the headline's count are the body's, not what it counts)
    text = "全市新建职工驿站85个\n记者获悉 今年以来，全市工会新建\n职工驿站85个。"
    figures = figures_of(text, report_year=2025, published_on="2025-06-01")
    assert [(f.surface, f.mentions, f.sentence_start, f.unit) for f in figures] == [("85个", 2, 0, "organization")]


def test_a_headline_saying_the_bodys_words_exactly_is_one_fact_not_none():
    # word for word, the two statements have one id: the headline is told apart by its place alone
    text = "全市工会新建职工驿站85个\n(记者 张明)今年以来，全市工会新建职工驿站85个，为户外劳动者提供休息场所。"
    figures = figures_of(text, report_year=2025, published_on="2025-06-01")
    assert [(f.surface, f.label, f.mentions, f.char_start, f.unit) for f in figures] == [
        ("85个", "全市工会新建职工驿站", 2, 36, "organization")
    ]


def test_a_headlines_count_is_the_bodys_though_their_words_differ():
    # 全市新建职工驿站 and 全市工会新建驿站: one count of the lead's first lines
    text = "全市新建职工驿站85个\n记者从市总工会获悉，今年以来，全市工会新建驿站85个，为户外劳动者提供休息场所。"
    figures = figures_of(text, report_year=2025, published_on="2025-06-01")
    assert [(f.surface, f.mentions, f.unit) for f in figures] == [("85个", 2, "organization")]


def test_a_headline_in_traditional_script_is_one_fact_too():
    text = "全市工會為3000名困難職工子女送去助學金\n今年以來，全市工會共資助困難職工子女3000名，發放助學金1200萬元。"
    assert [(f.surface, f.mentions) for f in figures_of(text)] == [("3000名", 2), ("1200萬元", 1)]


def test_a_headline_before_a_dateline_is_the_leads_fact_though_it_leaves_out_the_leads_basis():
    text = "青岛：12.6万名新就业形态劳动者\n“扎根”工会大家庭\n本报讯 截至11月底，全市累计吸纳劳动者入会12.6万名。"
    assert [(f.surface, f.basis, f.mentions) for f in figures_of(text, report_year=2025)] == [
        ("12.6万名", "cumulative", 2)
    ]


def test_a_headline_on_a_line_of_its_own_is_the_leads_fact():
    # the headline stands alone (a dateline follows it): its figures are the lead's, each stated once
    text = (
        "省总工会投入1.2亿元慰问一线职工 惠及30万人次\n来源：省总工会 发布时间：2026-04-28\n"
        "本报讯 今年4月以来，全省各级工会已投入资金1.2亿元，走访慰问一线职工30万人次。"
    )
    found = figures_of(text, report_year=2026)
    assert [(f.surface, f.mentions, f.sentence.startswith("本报讯")) for f in found] == [
        ("1.2亿元", 2, True),
        ("30万人次", 2, True),
    ]


NEWS_PAGE = (
    "市总工会新闻\n"
    "全市今年新建改建职工驿站86个\n2025-11-26 来源：桐陵工人报\n"
    "本报讯（记者 林晓岚）今年全市各级工会共投入资金1260万元，新建改建职工驿站86个，在全市建成12家爱心超市。\n"
    "农民工服务月服务农民工4.6万人次\n2025-11-08 来源：市总工会\n"
    "本报讯（通讯员 韩雪）10月份，全市各级工会共服务农民工4.6万人次，提供就业岗位1.56万个。\n"
)


@pytest.mark.parametrize("script", ["simplified", "traditional"])
def test_each_later_items_headline_is_its_leads_fact(script):
    # each item's headline over its date, its source and its lead: one fact, the lead's statement standing
    text = NEWS_PAGE if script == "simplified" else NEWS_PAGE.replace("务", "務").replace("万", "萬")
    found = [(f.surface, f.mentions, f.sentence.startswith("本报讯")) for f in figures_of(text, report_year=2025)]
    assert [(surface.replace("萬", "万"), mentions, lead) for surface, mentions, lead in found] == [
        ("1260万元", 1, True),
        ("86个", 2, True),
        ("12家", 1, True),
        ("4.6万人次", 2, True),
        ("1.56万个", 1, True),
    ]


def test_a_table_row_or_a_statement_split_at_a_semicolon_is_no_headline():
    # each indicator's planned 5% is a fact of its own: a piece ending in ；, no title
    text = "二、主要指标\n3.固定资产投资：计划增长5%，完成212.6亿元；\n4.社会消费品零售总额：计划增长5%，完成98.3亿元。"
    assert [(f.surface, f.mentions) for f in figures_of(text, report_year=2025)] == [
        ("5%", 1),
        ("212.6亿元", 1),
        ("5%", 1),
        ("98.3亿元", 1),
    ]


def test_a_short_opening_clause_is_no_headline():
    text = "国内生产总值增长6%，居民收入增长6%。"
    assert [(f.label, f.mentions) for f in figures_of(text)] == [("国内生产总值增长", 1), ("居民收入增长", 1)]


def test_two_equal_figures_of_one_opening_clause_are_a_list_not_a_headline():
    text = "全市城镇新增就业2万人和农村劳动力转移就业2万人，完成投资5亿元。"
    assert [(f.surface, f.mentions) for f in figures_of(text)] == [("2万人", 1), ("2万人", 1), ("5亿元", 1)]


def test_a_headline_counting_something_else_stays_a_fact_of_its_own():
    text = "全市新建职工驿站120个\n本报讯 今年以来，全市新建职工书屋120家，职工驿站覆盖所有乡镇。"
    assert [(f.surface, f.mentions) for f in figures_of(text)] == [("120个", 1), ("120家", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "全市新建职工驿站120个。全年新建的120个职工驿站全部投入使用。",
        "全市新建職工驛站120個。新建的120個職工驛站已全部投入使用。",
        "建成120个职工驿站。建成的120个职工驿站全部开放。",
    ],
)
def test_a_count_after_de_that_refers_back_is_the_fact_it_refers_to(text):
    assert [(f.value, f.mentions) for f in figures_of(text)] == [(120, 2)]


def test_a_count_after_de_of_another_noun_is_a_fact_of_its_own():
    text = "全市新建职工驿站120个。新建的120个职工书屋全部投入使用。"
    assert [(f.surface, f.mentions) for f in figures_of(text)] == [("120个", 1), ("120个", 1)]


def test_a_headline_too_short_to_tell_is_still_one_fact_when_it_says_the_same():
    # 今年以来 is no noun the headline's count counts: the count is the stations', as the body's is
    text = "全市新建職工驛站120個\n今年以來，全市新建職工驛站120個，覆蓋户外勞動者10萬餘人。"
    assert [(f.surface, f.mentions, f.unit) for f in figures_of(text, 2023)] == [
        ("120個", 2, "organization"),
        ("10萬餘人", 1, "person"),
    ]
