"""A figure's category, by the rules of category_rules.csv: each cue deciding a figure, and the table as data."""

from __future__ import annotations

import re

import pytest

from etl.catalog import load_catalog
from etl.rules.categories import rules_by_unit
from etl.rules.category_words import MOVES, subject_tail

from .helpers import figures_of, first_row, keep_rows, one, refused_row


@pytest.mark.parametrize(
    ("cue", "text", "category"),
    [
        ("always", "全市职工参保率达到96.5%。", "other"),  # a rate counts no one
        ("body_with_word", "12家职工驿站获评全省示范驿站。", "honorees"),
        ("body_with_word", "12家職工驛站獲評全省示範驛站。", "honorees"),
        ("counted_body", "新建帮扶站点35个。", "organizations"),  # 站点, whatever 帮扶 says
        ("word_before", "帮助45万脱贫人口稳定就业。", "beneficiaries"),  # 帮助 governs them; 就业 follows
        ("word_before", "幫助45萬脫貧人口穩定就業。", "beneficiaries"),
        ("helping_verb", "服务农民工6万人次参与技能培训。", "beneficiaries"),  # served, whatever 参与 says
        ("helping_verb", "服務農民工6萬人次參與技能培訓。", "beneficiaries"),
        ("helping_verb", "为逾3万名职工提供免费体检。", "beneficiaries"),  # 为 before a bound: for whom
        ("helping_verb", "為超過3萬名職工提供免費體檢。", "beneficiaries"),
        ("word_before", "受惠職工近1.2萬人次。", "beneficiaries"),
        ("served", "全年为会员提供免费法律咨询2380人次。", "beneficiaries"),  # members served, none joining
        ("served", "全年為會員提供免費法律諮詢2380人次。", "beneficiaries"),
        ("served", "向生活困难会员发放节日慰问金三千余人。", "beneficiaries"),
        ("word_before", "作为会员代表参加大会300人。", "participants"),  # 作为: no deed done for them
        ("word_before", "帮助追回欠薪，涉及农民工2180人。", "beneficiaries"),  # the workers helped
        ("word_before", "協助追討欠薪，涉及勞工1,046人。", "beneficiaries"),
        ("word_before", "辦理會員健康檢查2,140人。", "beneficiaries"),  # members examined, none joining
        ("word_before", "受訓會員2,150人次。", "participants"),
        ("clause_word", "約1,100名會員成功獲聘。", "workers"),  # members hired
        ("counted_noun", "全省122.5万农村低收入人口实现稳定增收。", "beneficiaries"),
        ("word_before", "會員診所全年診症人次達9.84萬。", "beneficiaries"),  # patients seen are people helped
        ("word_before", "扎根山区31年，累计接诊患者12万余人次。", "beneficiaries"),
        ("word_before", "核發結婚補助412件。", "activities"),  # grants handled, counted in 件
        ("word_before", "全年开展审计项目420个。", "activities"),  # audits done
        ("clause_word", "本届大赛设电工、焊工等22个竞赛项目。", "activities"),
        ("counted_body", "全区新建微型消防站9个。", "organizations"),
        # members are counted in people, never in visits: 人次 of members are services used
        ("word_before", "會員全年使用各項優惠服務逾26萬人次。", "beneficiaries"),
        ("word_before", "会员全年使用各项优惠服务逾26万人次。", "beneficiaries"),
        ("word_before", "全年接待会员查询及求助共计12.6万人次。", "beneficiaries"),  # help sought, no members
        ("clause_word", "慰问一线职工3.2万人。", "beneficiaries"),
        ("clause_word", "7个乡村入选全国乡村治理示范村。", "honorees"),  # places selected are honoured
        ("clause_word", "7個鄉村入選全國鄉村治理示範村。", "honorees"),
        ("clause_word", "全年开发公益性岗位8000个。", "workers"),  # jobs counted are workers' (unit other)
        ("clause_word", "為退役軍人提供5萬個就業崗位。", "workers"),
        ("always", "全市共创建巾帼文明岗位120个。", "other"),  # a post of honour, no job
        ("measure_word", "实际使用外资18亿美元。", "funds"),
        ("doing_verb", "办理职工诉求1.2万件。", "activities"),
        ("doing_verb", "為職工辦實事好事1200餘件。", "activities"),  # things done for them
        ("doing_verb", "全年征集职工合理化建议4320条。", "activities"),
        ("doing_verb", "本會向特區政府提交意見書26份。", "activities"),
        ("doing_verb", "向纪检监察机关移交问题线索47件。", "activities"),
        ("counted_noun", "全市科研人员达到6.1万人。", "workers"),
        ("counted_noun", "全县共有3.2万留守儿童纳入关爱范围。", "beneficiaries"),
        ("subject_noun", "全市高技能人才比上年增加5400人。", "workers"),  # 人才, the subject of 增加
        ("subject_noun", "農村留守兒童比上年減少300名。", "beneficiaries"),
        ("unit_default", "拿出2亿元。", "funds"),
        ("money_change", "全年固定资产投资增长6.8%。", "funds"),  # asked once the basis is known (rates.py)
        ("always", "新建7个乡村。", "other"),  # nothing says more: the last row
    ],
)
def test_each_cue_decides_a_figure(cue, text, category):
    assert one(text, 2025).category == category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the clause names its own subject before a verb of change or reaching: not 帮助's beneficiaries
        ("帮助1800名青年职工提升技能等级，全区高技能人才增加2600人。", ["beneficiaries", "workers"]),
        ("幫助1800名青年職工提升技能等級，全區高技能人才增加2600人。", ["beneficiaries", "workers"]),
        ("慰问一线职工8000人次，全市在岗职工总数增长到36万人。", ["beneficiaries", "workers"]),
        # each listed subject its own, not a word of the next item's
        ("全区技能人才增加2600人、工会会员增加900人。", ["workers", "members"]),
        ("全區技能人才新增2600人、工會會員增加900人。", ["workers", "members"]),
        # nor a word of the item before: a subject and a verb of its own make an item a clause of its own
        ("全年会员新增1.1万人、技能人才新增2600人。", ["members", "workers"]),
        ("全年會員新增1.1萬人、技能人才新增2600人。", ["members", "workers"]),
        ("慰问困难职工1200人、一线职工300人。", ["beneficiaries", "beneficiaries"]),  # no verb: 慰问 governs
        ("慰问困难职工1200人、劳模300人。", ["beneficiaries", "beneficiaries"]),  # model workers visited
        ("表彰劳模300人。", ["honorees"]),
        # an item with no subject and verb of its own is read with the items before it: two readings
        # (new members, or a count of its own) keep the first item's words
        ("新发展会员1.1万人、农民工2600人。", ["members", "members"]),
        ("全年会员新增1.1万人、新增2600人。", ["members", "members"]),
        # a verb before the people still governs them; a subject of no category says nothing
        ("培训农民工增加1.2万人次。", ["participants"]),
        ("全市工会会员总数达到86.5万人。", ["members"]),
        ("全区人口增加3200人。", ["other"]),
    ],
)
def test_the_subject_of_a_change_names_its_people(text, expected):
    assert [f.category for f in _figures(text)] == expected


def test_every_tail_of_a_subject_passes_its_last_character_gate():
    """The gate of subject_noun is read off its pattern's words: a phrase ending in any verb, any
    verb and 到, any verb and a tail word (了, 约) is let through, and the pattern strips it."""
    catalog = load_catalog()
    pattern, ends = catalog.compiled(subject_tail)
    words = catalog.words
    verbs = [
        *words["change_verb"],
        *words["reached_verb"],
        *(w for w, b, at, _ in catalog.bases if b in MOVES and at != "compared"),
    ]
    for verb in verbs:
        for after in ("", *words["to_word"], *words["label_tail"], *catalog.basis_fillers):
            phrase = "技能人才" + verb + after
            assert phrase[-1] in ends, phrase
            assert pattern.search(phrase).start() == len("技能人才"), phrase


def test_an_earlier_clause_names_the_people_of_the_next():
    new, total = [f.category for f in _figures("年度新增社会化工会工作者3357人，目前累计达41101人。")]
    assert (new, total) == ("workers", "workers")


def test_an_earlier_clause_names_no_figure_of_another_unit():
    # earlier_word is for the units an earlier word can name; 试点 is no kilometres of pipe
    assert [(f.surface, f.category) for f in _figures("开展管网更新试点，完成供水管网改造120公里。")] == [
        ("120公里", "other")
    ]


def test_a_pilot_names_the_bodies_it_counts_never_the_places_or_areas_it_runs_in():
    """试点 gives organizations to bodies only: the provinces, cities and mu a pilot runs in are no
    organisations (categories.csv: 试点 for organization and enterprise, not other)."""
    said = _figures("在20个城市开展试点，新增试点企业30家，轮作休耕试点面积扩大到3000万亩。")
    assert [(f.surface, f.unit, f.category) for f in said] == [
        ("20个", "other", "other"),
        ("30家", "enterprise", "organizations"),
        ("3000万亩", "other", "other"),
    ]


def _figures(text: str, catalog=None):
    return figures_of(text, 2025, catalog)


def _rules(catalog_copy, keep) -> int:
    """Keep the rows of category_rules.csv `keep` accepts (the header always); the lines left."""
    return keep_rows(catalog_copy / "category_rules.csv", keep)


def test_without_the_word_before_row_the_word_listed_first_decides(catalog_copy):
    _rules(catalog_copy, lambda line: not line.startswith("word_before,"))
    assert [f.category for f in _figures("帮助45万脱贫人口稳定就业。", catalog_copy)] == [
        "workers"
    ]  # 就业 is listed first


def test_a_new_row_is_a_new_rule_for_its_units(catalog_copy):
    first_row(catalog_copy / "category_rules.csv", "always,time,participants,")
    assert [f.category for f in _figures("开展劳动竞赛1.2万场次。", catalog_copy)] == ["participants"]
    assert [f.category for f in _figures("办理职工诉求1.2万件。", catalog_copy)] == ["activities"]  # item: as before


def test_an_unknown_cue_names_the_file_and_the_line(catalog_copy):
    line, said = refused_row(catalog_copy, "category_rules.csv", "verb_before,person,beneficiaries,")
    assert said.startswith(
        f"{catalog_copy / 'category_rules.csv'}:{line}: cue 'verb_before' is not one of always, body_with_word,"
    )


def test_a_cue_that_finds_no_category_cannot_give_one(catalog_copy):
    _rules(catalog_copy, lambda line: not line.startswith("always,,"))
    line, said = refused_row(catalog_copy, "category_rules.csv", "always,,given,")
    assert said == (
        f"{catalog_copy / 'category_rules.csv'}:{line}: cue 'always' finds no category to give; name one of funds, "
        "beneficiaries, participants, organizations, honorees, activities, workers, members, other"
    )


def test_an_unknown_category_names_the_file_and_the_line(catalog_copy):
    line, said = refused_row(catalog_copy, "category_rules.csv", "clause_word,person,helped,")
    assert re.search(rf"category_rules.csv:{line}: category 'helped' is not one of funds,", said)


def test_the_table_is_read_once_per_catalog_into_each_units_rules():
    catalog = load_catalog()
    table = catalog.compiled(rules_by_unit)
    assert table is catalog.compiled(rules_by_unit)
    assert table["percent"] == ((), "other")  # a rate is other at once
    cues = [cue.__name__ for cue, _ in table["person"][0]]
    assert cues == [
        "served",
        "word_before",
        "helping_verb",
        "subject_noun",
        "clause_word",
        "counted_noun",
        "earlier_word",
    ]  # no measure word implies people
    assert [cue.__name__ for cue, _ in table["yuan"][0]] == ["clause_word", "earlier_word", "unit_default"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # cases, disputes and demands handled, and what a helper did for workers, are activities
        ("市總工會法律援助律師團全年代理仲裁和訴訟案件147件。", "activities"),
        ("区总工会全年调处劳动争议纠纷86件。", "activities"),
        ("全市工会职工服务热线转办职工诉求860件。", "activities"),
        ("今年以来，全省工会为困难职工代写法律文书860份。", "activities"),
        ("全省工会今年组织各类技术比赛240余项。", "activities"),
    ],
)
def test_counts_of_cases_and_items_done_are_activities(text, category):
    assert figures_of(text, 2024)[-1].category == category


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        # prizes awarded, whatever contest the clause names first
        ("本次竞赛最终评出一等奖17名、二等奖34名、三等奖51名。", ["honorees"] * 3),
        ("比賽共決出個人一等獎5名、二等獎10名。", ["honorees"] * 2),
        ("省总工会命名300名“最美职工”。", ["honorees"]),
        # a part's own clause says what it is, before the whole's clause does
        ("共有8.7万名职工参赛，其中236人获评“技术能手”称号。", ["participants", "honorees"]),
        # people receiving a benefit, staff hired, people of the area served
        ("年末全国共有595万人享受城市最低生活保障。", ["beneficiaries"]),
        ("全市招聘教师1800名。", ["workers"]),
        ("区总工会今年为辖区230名环卫工人免费体检。", ["beneficiaries"]),
    ],
)
def test_who_is_counted_by_the_words_around_them(text, categories):
    assert [f.category for f in figures_of(text, 2024)] == categories


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # taking part decides over the honoured noun of who took part
        ("今年全市工会共组织开展职工疗休养活动62期，2480名劳模和一线职工参加。", "participants"),
        ("全省近萬名勞模工匠參與“工匠精神進校園”活動。", "participants"),
        # cases and calls counted in their own measure words, hard problems solved
        ("市劳动人事争议仲裁院全年立案受理劳动争议案件2860宗。", "activities"),
        ("全市工会帮扶中心今年共接待职工来电3200通。", "activities"),
        ("为企业解决融资、用工等难题1260个。", "activities"),
    ],
)
def test_what_was_done_and_who_took_part(text, category):
    assert figures_of(text, 2024)[-1].category == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the nouns of a street office's or a union's year: volunteers, grid workers, party members
        ("街道全年新增注册志愿者2360人。", "participants"),
        ("社區全年新增註冊志願者860人。", "participants"),
        ("全街道配备专职网格员128名。", "workers"),
        ("全年新发展党员32名。", "members"),
        # the bodies a union or a railway bureau counts
        ("年内新建改造职工小家120个。", "organizations"),
        ("全局76个站段全部按期召开职代会。", "organizations"),
        ("新建社区嵌入式托育点3个。", "organizations"),
        # disputes, agenda items and matters handled
        ("受理勞工法律諮詢1,286件，其中以退休金爭議412件最多。", "activities"),
        ("审议通过《集体合同履行情况报告》等5项议题。", "activities"),
        ("坚持厂务公开，全年公开事项1.26万条。", "activities"),
        ("僱員進修中心全年開辦課程2,860個。", "activities"),  # courses run
        # couriers are people: the deed done for them makes them beneficiaries
        ("全市工会还为5600名快递员购买了意外伤害保险。", "beneficiaries"),
    ],
)
def test_the_nouns_of_a_street_office_a_railway_union_and_their_cases(text, category):
    assert figures_of(text, 2024)[-1].category == category


def test_a_listed_count_naming_nothing_counts_what_the_one_before_it_does():
    text = "新命名省级模范职工之家320个、模范职工小家560个，累计分别达到4860个和8200个。"
    assert [(f.unit, f.category) for f in figures_of(text, 2024)[2:]] == [("organization", "organizations")] * 2


@pytest.mark.parametrize(
    ("text", "unit", "category"),
    [
        # households and people lifted out of poverty are helped
        ("全年实现1826户5312人稳定脱贫。", "person", "beneficiaries"),
        ("全年實現1826戶5312人穩定脫貧。", "person", "beneficiaries"),
        # a farm counted is a body, whatever 家庭 before its head says
        ("全县家庭农场达到315家。", "organization", "organizations"),
        ("全縣家庭農場達到315家。", "organization", "organizations"),
        # migrant workers as Taiwan names them, and people at work underground
        ("截至年底，本市產業移工3萬2,180人。", "person", "workers"),
        ("全年减少井下作业人员1320人。", "person", "workers"),
        # penalties decided and stop-work orders issued are items handled
        ("全年違法處分612件，命令停工187件。", "item", "activities"),
        # a union's membership service points are bodies
        ("市总工会在全市设立流动入会服务点260个。", "organization", "organizations"),
        # contestants who won a prize are honoured
        ("经过3天比拼，共有186名选手获得奖项。", "person", "honorees"),
        ("經過3天比拼，共有186名選手獲得獎項。", "person", "honorees"),
    ],
)
def test_the_poor_lifted_farms_migrant_workers_penalties_service_points_and_prizes(text, unit, category):
    found = figures_of(text, 2024)[-1]
    assert (found.unit, found.category) == (unit, category)
