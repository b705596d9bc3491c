"""Which numbers are quantities, and what each counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from .helpers import figures_of, surfaces, values


def test_a_figure_with_its_magnitude_and_measure_word():
    assert values("共安排疫情防控资金24.92亿元，慰问一线人员551.07万人") == [
        ("24.92亿元", 2_492_000_000, "yuan"),
        ("551.07万人", 5_510_700, "person"),
    ]


def test_thousands_separators_and_full_width_digits():
    assert values("目前累计达41,101人，安排资金8,650万元") == [
        ("41,101人", 41101, "person"),
        ("8,650万元", 86_500_000, "yuan"),
    ]
    assert values("惠及４５.８万名职工") == [("45.8万名", 458_000, "person")]


def test_chinese_numerals_with_a_measure_word():
    assert values("安排三亿二千六百万元，服务一百二十万人次，两千余名职工，命名百家工作室，近两万个企业") == [
        ("三亿二千六百万元", 326_000_000, "yuan"),
        ("一百二十万人次", 1_200_000, "person_time"),
        ("两千余名", 2000, "person"),
        ("百家", 100, "organization"),
        ("两万个", 20000, "enterprise"),
    ]


def test_mixed_numerals():
    assert values("投入1亿2千万元，培训1.2万余人") == [
        ("1亿2千万元", 120_000_000, "yuan"),
        ("1.2万余人", 12000, "person"),
    ]


def test_percentages():
    assert values("覆盖率达92.3%，降低百分之十五") == [("92.3%", 92.3, "percent"), ("百分之十五", 15, "percent")]


def test_a_number_cut_from_its_unit_by_a_line_break():
    assert values("全年安排资金4.6\n\n亿元，用于帮扶") == [("4.6亿元", 460_000_000, "yuan")]


def test_a_sentence_running_across_lines():
    assert values("慰问一线\n职工551.07万人。") == [("551.07万人", 5_510_700, "person")]


def test_units_from_measure_words():
    text = "救助3000户，培训500人次，举办20场，开展37次，办理120件，实施15项，建成2000平方米，帮扶300名，走访50位"
    assert [(s, u) for s, _, u in values(text)] == [
        ("3000户", "household"),
        ("500人次", "person_time"),
        ("20场", "time"),
        ("37次", "time"),
        ("120件", "item"),
        ("15项", "item"),
        ("2000平方米", "square_meter"),
        ("300名", "person"),
        ("50位", "person"),
    ]


def test_jia_and_ge_take_their_unit_from_the_noun_after_them():
    text = "23万家企业建立工会，新建300家工会，建成120个职工书屋，设立60个工作室，惠及63.48万个小企业，服务80个站点"
    assert [(s, u) for s, _, u in values(text)] == [
        ("23万家", "enterprise"),
        ("300家", "organization"),
        ("120个", "organization"),
        ("60个", "organization"),
        ("63.48万个", "enterprise"),
        ("80个", "organization"),
    ]


def test_a_noun_after_a_magnitude_says_what_is_counted():
    assert values("超过1230万职工实名参与") == [("1230万", 12_300_000, "person")]
    assert values("近14亿人口的大国") == [("14亿", 1_400_000_000, "person")]


def test_a_bare_magnitude_counts_the_people_or_households_of_the_lexicon_after_it():
    # counted_nouns.csv: 孩子 and 市民 are people, 家庭 households; each measured as a reader names it
    found = figures_of("惠及3200万孩子，近8万市民受益，帮助300万家庭。", 2020)
    assert [(f.surface, f.unit, f.measure) for f in found] == [
        ("3200万", "person", "人"),
        ("8万", "person", "人"),
        ("300万", "household", "户"),
    ]
    assert [(f.unit, f.measure) for f in figures_of("投入5000万资金。", 2020)] == [("other", "")]  # no people


def test_years_and_dates_are_not_figures():
    assert surfaces("2020年安排资金880万元，截至2020年11月底，5月1日起") == ["880万元"]


def test_ordinals_are_not_figures():
    assert surfaces("第七届全国最美职工，命名第三批百家工作室，前两批创新工作室，首届大会，十九届五中全会") == ["百家"]


def test_slogans_and_names_are_not_figures():
    text = "增强“四个意识”、做到“两个维护”，八大群体入会，谋划“十四五”，落实“一岗双责”，开展“三个一”活动，一是加强"
    assert surfaces(text) == []


def test_numbers_inside_quotes_and_titles_are_not_figures():
    assert surfaces("开展“万人助万企”活动，印发《2020年100项重点任务》") == []
    assert surfaces("坚持“三个一百，两个一千”，落实“一个中心，两个基本点”。") == []  # slogans with a comma


@pytest.mark.parametrize(
    "text",
    [
        "“下一步，我们将力争新建职工驿站120座，资助困难职工子女3000名。”市总工会负责人表示。",
        "他說：「今年全市新建驛站120座，資助困難職工子女3000名。」",
    ],
)
def test_quoted_speech_is_the_reports_statement(text):
    assert surfaces(text) == ["120座", "3000名"]


def test_the_open_quote_of_speech_is_no_part_of_a_label():
    found = figures_of("“新建职工驿站120座，资助困难职工子女3000名。”市总工会负责人表示。", 2023)
    assert [f.label for f in found] == ["新建职工驿站", "资助困难职工子女"]


def test_a_threshold_inside_a_name_is_not_a_figure():
    assert surfaces("23万家百人以上企业建立了工会组织") == ["23万家"]
    assert surfaces("资助年收入5万元以下的家庭") == []


def test_hotline_document_and_article_numbers_are_not_figures():
    assert surfaces("拨打12351热线，印发〔2022〕8号文件，依照第8条规定") == []


def test_codes_are_not_figures():
    assert surfaces("PM2.5浓度下降，建设5G基站，G20峰会") == []


def test_an_anniversary_is_not_a_figure():
    assert surfaces("中国共产党成立100周年") == []


@given(st.integers(min_value=1, max_value=10**7), st.sampled_from(["人", "名", "元", "万元", "亿元", "户", "件", "%"]))
def test_any_arabic_figure_with_a_unit_is_found_whole(number, unit):
    text = f"全年共计{number:,}{unit}，同比增长"
    found = surfaces(text)
    assert found == [f"{number:,}{unit}"]


def test_a_number_no_report_could_state_is_no_figure():
    assert surfaces("资金3万亿亿亿元，职工12万万万万人，余额123456789012345678901234元。") == []


def test_ge_and_jia_take_the_noun_before_them_when_none_follows():
    assert [(s, u) for s, _, u in values("基层工会组织280.9万个，覆盖基层单位655.1万家，服务站点12.3万个")] == [
        ("280.9万个", "organization"),
        ("655.1万家", "organization"),
        ("12.3万个", "organization"),
    ]


def test_visits_and_copies():
    assert [(s, u) for s, _, u in values("走访慰问困难职工1200万户次，签订集体合同175万份")] == [
        ("1200万户次", "household"),
        ("175万份", "item"),
    ]


def test_durations_are_not_figures():
    assert surfaces("今年已过去近5个月，提供24小时服务") == []


def test_people_named_after_a_magnitude_and_a_qualifier():
    assert [u for _, _, u in values("完成1000万以上农村贫困人口脱贫，惠及500多万在校生")] == ["person", "person"]


def test_decimals_times_magnitudes_are_exact():
    assert values("投入2.18万亿元") == [("2.18万亿元", 2_180_000_000_000, "yuan")]


def test_more_measure_words():
    assert surfaces("栽植大树10万余株，完成54栋住宅楼改造") == ["10万余株", "54栋"]


def test_a_lone_ten_thousand_or_million_with_yu_or_duo_is_a_figure():
    assert values("参与职工千余人，覆盖万余家企业，十多家单位") == [
        ("千余人", 1000, "person"),
        ("万余家", 10000, "enterprise"),
        ("十多家", 10, "organization"),
    ]


def test_near_ten_thousand_is_a_figure_but_a_slogan_is_not():
    assert values("近万名职工参加，逾千家企业受益") == [("万名", 10000, "person"), ("千家", 1000, "enterprise")]
    assert surfaces("开展“万人助万企”活动，走进千家万户") == []
