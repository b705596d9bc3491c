"""etl/rules/unsaid_noun.py: a count that leaves its noun unsaid counts what the count just before
it named. Sentences written for these tests in the style of a union's or a city's work report
(none copied from a report), one also in traditional script."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.records import Figure, Sentence
from etl.rules.identity import figure_id
from etl.rules.unsaid_noun import counts_as_before, unsaid_rules
from etl.text.sentences import around, clause_breaks

from .helpers import figures_of


def shown(text: str) -> list[tuple[str, str, str]]:
    return [(f.surface, f.unit, f.category) for f in figures_of(text, 2023)]


# unsaid_rules


def test_the_bare_units_are_those_of_units_csv():
    catalog = load_catalog()
    bare = catalog.compiled(unsaid_rules).bare
    assert bare["个"] == catalog.units["个"][0] == "other"
    assert bare["户"] == "household"
    assert set(bare) <= set(catalog.words["counting_word"])


@pytest.mark.parametrize(
    ("between", "holds"),
    [
        ("，全市累计建成", True),  # frame, total, verb
        ("，全市总数达到", True),  # a gap word: 总数
        ("，目前全市共有", True),
        ("，日均新设", True),  # a per-head word: 日均新设2644户
        ("，较上年末净增", True),  # compared with last year's end
        ("以上，其中新建", True),  # a qualifier after the figure before, a part of it
        ("，改造公厕", False),  # a noun of its own
        ("全市累计建成", False),  # no break: the figure before runs on
        ("，服务职工，新建", False),  # another clause between
    ],
)
def test_between_reads_only_words_that_name_nothing(between, holds):
    rules = load_catalog().compiled(unsaid_rules)
    assert (rules.between.fullmatch(between) is not None) is holds


# counts_as_before, through a whole report's reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "新建职工驿站（户外劳动者服务站点）85个，全市累计建成420个，年服务户外劳动者60余万人次。",
            [
                ("85个", "organization", "organizations"),
                ("420个", "organization", "organizations"),
                ("60余万人次", "person_time", "beneficiaries"),
            ],
        ),
        (
            "新创建劳模和工匠人才创新工作室27个，全市总数达到168个。",
            [("27个", "organization", "organizations"), ("168个", "organization", "organizations")],
        ),
        (  # traditional script: 個 is read as 个
            "新建職工驛站85個，全市累計建成420個。",
            [("85個", "organization", "organizations"), ("420個", "organization", "organizations")],
        ),
        (  # 家: its own unit is organization; the firms named before make it enterprise
            "新培育专精特新企业85家，全省累计达到420家。",
            [("85家", "enterprise", "organizations"), ("420家", "enterprise", "organizations")],
        ),
        (
            "新增市场主体12万户，全省累计达到86万户。",
            [("12万户", "enterprise", "organizations"), ("86万户", "enterprise", "organizations")],
        ),
        (  # a qualifier after either count
            "建成驿站85个以上，目前全市共有420个左右。",
            [("85个", "organization", "organizations"), ("420个", "organization", "organizations")],
        ),
        (  # a change against a year named (its end)
            "全省基层工会组织达到8.7万个，比2017年底增加1.2万个。",
            [("8.7万个", "organization", "organizations"), ("1.2万个", "organization", "organizations")],
        ),
        (
            "本會共有屬會186間，較2018年底增加4間。",
            [("186間", "organization", "organizations"), ("4間", "organization", "organizations")],
        ),
        (  # in turn: 30个 a part of the 420 stations
            "建成驿站85个，累计建成420个，其中新建30个。",
            [
                ("85个", "organization", "organizations"),
                ("420个", "organization", "organizations"),
                ("30个", "organization", "organizations"),
            ],
        ),
    ],
)
def test_a_count_naming_nothing_counts_what_the_count_before_named(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全市规上工业企业达到2680家，其中产值超亿元的610家、超十亿元的86家。",
        "全市高新技术企业达到2680家，其中营业收入超亿元的610家，超十亿元的86家。",
        "全市規上工業企業達到2680家，其中產值超億元的610家、超十億元的86家。",
    ],
)
def test_items_of_one_kind_each_a_phrase_ending_in_of_count_the_same_noun(text):
    assert [(f.surface, f.unit) for f in figures_of(text, 2023)] == [
        ("2680家", "enterprise"),
        ("610家", "enterprise"),
        ("86家", "enterprise"),
    ]


def test_a_phrase_ending_in_of_after_a_count_without_one_names_its_own():
    # the count before is no 的 phrase: 改造的 opens a phrase whose noun follows
    assert [(f.surface, f.unit) for f in figures_of("建成驿站85个，改造的120个公厕。", 2023)] == [
        ("85个", "organization"),
        ("120个", "other"),
    ]


def test_the_part_of_a_count_that_took_its_unit_is_a_part_of_it():
    stations, part = figures_of("建成驿站85个，累计建成420个，其中新建30个。", 2023)[1:]
    assert part.parent_figure_id == stations.figure_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # its own noun, before or after the number
        ("建成驿站85个，改造公厕120个。", [("85个", "organization"), ("120个", "other")]),
        ("建成驿站85个，全市累计建成420个公厕。", [("85个", "organization"), ("420个", "other")]),
        # another measure word
        ("培训职工5万人次，发放补贴300万元。", [("5万人次", "person_time"), ("300万元", "yuan")]),
        # the figure before is a rate, money, or people: no noun to take
        ("覆盖率达到85%，累计建成420个。", [("85%", "percent"), ("420个", "other")]),
        ("投入资金300万元，建成420个。", [("300万元", "yuan"), ("420个", "other")]),
        (
            "建成驿站85个，服务职工2万人次，新建120个。",
            [("85个", "organization"), ("2万人次", "person_time"), ("120个", "other")],
        ),
        # the figure before took its unit from the measure word alone
        ("完成改造85个，累计改造420个。", [("85个", "other"), ("420个", "other")]),
        # another sentence
        ("建成驿站85个。累计建成420个。", [("85个", "organization"), ("420个", "other")]),
    ],
)
def test_a_count_keeps_its_own_unit_otherwise(text, expected):
    assert [(f.surface, f.unit) for f in figures_of(text, 2023)] == expected


def _figure(**fields) -> Figure:
    values = dict.fromkeys(Figure._fields)
    values.update(doc_id="d", value=420.0, qualifier="exact", is_target=False, mentions=1)
    values.update(fields)
    figure = Figure(**values)
    return figure._replace(figure_id=figure_id(figure))


def test_counts_as_before_gives_a_new_figure_id_and_leaves_the_rest():
    text = "新建驿站85个，全市累计建成420个。"
    sentence = Sentence(0, 0, len(text), text)
    start = text.index("420")
    here = around(sentence, clause_breaks(text), start, start + 4)
    before = _figure(value=85.0, unit="organization", category="organizations", measure="个", char_end=7)
    count = _figure(unit="other", category="other", measure="个", label="全市累计建成", char_start=start)
    catalog = load_catalog()
    taken = counts_as_before(count, here, [before], catalog)
    assert (taken.unit, taken.category, taken.label) == ("organization", "organizations", "全市累计建成")
    assert taken.figure_id == figure_id(taken) != count.figure_id
    # nothing before it in the sentence, or a count whose noun was found: as it was
    assert counts_as_before(count, here, [], catalog) is count
    found = count._replace(unit="organization")
    assert counts_as_before(found, here, [before], catalog) is found


def test_a_daily_rate_and_a_change_since_last_year_count_the_noun_before():
    text = "全年新设经营主体96.5万户，日均新设2644户；经营主体总量达到820万户，較上年末淨增63萬戶。"
    assert [(f.surface, f.unit) for f in figures_of(text, 2025)] == [
        ("96.5万户", "enterprise"),
        ("2644户", "enterprise"),
        ("820万户", "enterprise"),
        ("63萬戶", "enterprise"),
    ]


# of_households: the people of the households counted right before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全区现有低保对象3.2万户5.6万人。",
            [("3.2万户", "全区现有低保对象", "beneficiaries"), ("5.6万人", "全区现有低保对象", "beneficiaries")],
        ),
        (  # traditional script: labels are read in simplified characters
            "累計識別監測對象2.1萬戶6.9萬人。",
            [("2.1萬戶", "累计识别监测对象", "beneficiaries"), ("6.9萬人", "累计识别监测对象", "beneficiaries")],
        ),
        (  # a list mark between: a list item, read as before (its own label)
            "建档困难职工2300户、6100人。",
            [("2300户", "建档困难职工", "beneficiaries"), ("6100人", "建档困难职工", "beneficiaries")],
        ),
        (  # two counts of people: no households, the rule says nothing
            "全市工会会员120万人，农民工会员35万人。",
            [("120万人", "全市工会会员", "members"), ("35万人", "农民工会员", "members")],
        ),
    ],
)
def test_people_right_after_households_are_theirs(text, expected):
    assert [(f.surface, f.label, f.category) for f in figures_of(text, 2023)] == expected
