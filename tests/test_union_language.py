"""Trade-union text, one class at a time: sentences written for these tests in the style of a
federation's May Day report, services review or district summary (none copied from a report),
each in simplified and in traditional script, with the category an analyst gives each figure."""

from __future__ import annotations

import pytest

from .helpers import figures_of


def shown(text: str) -> list[tuple[str, str, str]]:
    return [(f.surface, f.unit, f.category) for f in figures_of(text, 2023)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 參 and 餘 are 参 and 余 in all but a surname, a variant and a banker's numeral
        ("年內共有3.6萬名職工參賽。", [("3.6萬名", "person", "participants")]),
        ("參加培訓的農民工達1.4萬人次。", [("1.4萬人次", "person_time", "participants")]),
        ("為職工追回欠薪3600餘萬元。", [("3600餘萬元", "yuan", "funds")]),
    ],
)
def test_traditional_characters_the_references_agree_on_are_read(text, expected):
    assert shown(text) == expected


def test_a_bound_written_traditionally_is_a_bound():
    assert [(f.surface, f.value, f.qualifier) for f in figures_of("涉及職工5200餘人。", 2023)] == [
        ("5200餘人", 5200.0, "at_least")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 工会组织 organising something, 工作室 as the subject: no count of bodies
        ("全市工会组织开展岗位练兵9600场次。", [("9600场次", "time", "activities")]),
        ("全市工會組織開展崗位練兵9600場次。", [("9600場次", "time", "activities")]),
        (
            "建成劳模创新工作室64个，工作室成员创造经济效益1.6亿元。",
            [("64个", "organization", "organizations"), ("1.6亿元", "yuan", "funds")],
        ),
    ],
)
def test_a_word_that_names_bodies_gives_their_category_to_bodies_only(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title given to a team or a workplace, a medal counted by who holds it, a title conferred
        (
            "表彰五一劳动奖状35个、工人先锋号120个。",
            [("35个", "organization", "honorees"), ("120个", "organization", "honorees")],
        ),
        (
            "表彰五一勞動獎狀35個、工人先鋒號120個。",
            [("35個", "organization", "honorees"), ("120個", "organization", "honorees")],
        ),
        ("全市有6个班组荣获省级工人先锋号。", [("6个", "organization", "honorees")]),
        ("全市有6個班組榮獲省級工人先鋒號。", [("6個", "organization", "honorees")]),
        ("授予五一劳动奖章180人。", [("180人", "person", "honorees")]),
        ("新认定区级技术能手75名、首席技师22名。", [("75名", "person", "honorees"), ("22名", "person", "honorees")]),
        ("新認定區級技術能手75名、首席技師22名。", [("75名", "person", "honorees"), ("22名", "person", "honorees")]),
    ],
)
def test_titles_and_awards_counted_are_honorees(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 其中: the verb of the whole governs its parts (培训: participants, not 农民工's workers)
        (
            "培训职工28万人次，其中农民工9.5万人次。",
            [("28万人次", "person_time", "participants"), ("9.5万人次", "person_time", "participants")],
        ),
        (
            "培訓職工28萬人次，其中農民工9.5萬人次。",
            [("28萬人次", "person_time", "participants"), ("9.5萬人次", "person_time", "participants")],
        ),
        # a whole no word describes leaves its parts to their nouns
        (
            "全市现有职工96万人，其中农民工31万人。",
            [("96万人", "person", "workers"), ("31万人", "person", "workers")],
        ),
    ],
)
def test_a_part_takes_the_verb_of_its_whole(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 为 before a count of people whose deed follows: done for them
        (
            "区总工会为860名患病职工申领互助金96万元。",
            [("860名", "person", "beneficiaries"), ("96万元", "yuan", "funds")],
        ),
        (
            "區總工會為860名患病職工申領互助金96萬元。",
            [("860名", "person", "beneficiaries"), ("96萬元", "yuan", "funds")],
        ),
        ("全年为420名新业态劳动者办理意外保险。", [("420名", "person", "beneficiaries")]),
        # …past an adverb before the deed, whoever they are (务工人员: people, its head 人员)
        ("为四千三百多名外来务工人员免费提供返乡车票。", [("四千三百多名", "person", "beneficiaries")]),
        ("為四千三百多名外來務工人員免費提供返鄉車票。", [("四千三百多名", "person", "beneficiaries")]),
        # served: 服务 and the 工 of 工友 are no 务工 (migrant work)
        (
            "向户外工友派发清凉物资逾3万份，服务工友约1.5万人次。",
            [("3万份", "other", "other"), ("1.5万人次", "person_time", "beneficiaries")],
        ),
        (
            "向戶外工友派發清涼物資逾3萬份，服務工友約1.5萬人次。",
            [("3萬份", "other", "other"), ("1.5萬人次", "person_time", "beneficiaries")],
        ),
        # the 为 of being, after a noun of how many
        ("全区会员总数为4.8万人。", [("4.8万人", "person", "members")]),
    ],
)
def test_people_a_deed_is_done_for_are_beneficiaries(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb nearest the number governs it: 受理, not the 服务 of a hotline's name
        ("市总工会职工服务热线全年受理职工来电2.6万个。", [("2.6万个", "item", "activities")]),
        ("市總工會職工服務熱線全年受理職工來電2.6萬個。", [("2.6萬個", "item", "activities")]),
        ("全年签订集体合同410份。", [("410份", "item", "activities")]),
        ("全年簽訂集體合同410份。", [("410份", "item", "activities")]),
    ],
)
def test_calls_taken_and_contracts_signed_are_activities(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second name in brackets between the noun and its number
        ("全市建成工会帮扶中心（站点）240个。", [("240个", "organization", "organizations")]),
        ("全市建成工會幫扶中心（站點）240個。", [("240個", "organization", "organizations")]),
        # a clause that says only how many in all counts the noun of the clause before
        (
            "新建户外劳动者服务站点650个，总数超过5000个。",
            [("650个", "organization", "organizations"), ("5000个", "organization", "organizations")],
        ),
        (
            "新建戶外勞動者服務站點650個，總數超過5000個。",
            [("650個", "organization", "organizations"), ("5000個", "organization", "organizations")],
        ),
        # a part after 其中 that names no noun of its own counts the noun of its whole
        (
            "全市建成职工书屋480个，其中新建95个。",
            [("480个", "organization", "organizations"), ("95个", "organization", "organizations")],
        ),
        (
            "全市建成職工書屋480個，其中新建95個。",
            [("480個", "organization", "organizations"), ("95個", "organization", "organizations")],
        ),
        # a lone 为 opening the clause is no total: the noun after the number decides
        (
            "新建职工驿站40个，为12个街道配备了设施。",
            [("40个", "organization", "organizations"), ("12个", "other", "other")],
        ),
    ],
)
def test_the_body_counted_is_found_past_brackets_and_in_the_clause_before(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("参加职工医疗互助保障的职工达到45万人。", [("45万人", "person", "participants")]),
        ("參加職工醫療互助保障的職工達到45萬人。", [("45萬人", "person", "participants")]),
    ],
)
def test_workers_who_joined_mutual_insurance_are_participants(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # insured, covered, paid a claim: the guide's beneficiaries (people covered)
        ("办理职工互助保障2.7万人。", [("2.7万人", "person", "beneficiaries")]),
        ("全市职工基本养老保险参保人数达到128万人。", [("128万人", "person", "beneficiaries")]),
        ("參加城鎮職工基本養老保險人數186.8萬人。", [("186.8萬人", "person", "beneficiaries")]),  # insured, not joined
        (
            "全年共計投保1.2萬人，累計理賠1.1萬人次。",
            [("1.2萬人", "person", "beneficiaries"), ("1.1萬人次", "person_time", "beneficiaries")],
        ),
        ("为女职工免费筛查5200人。", [("5200人", "person", "beneficiaries")]),
        ("提供免费法律咨询2300余人次。", [("2300余人次", "person_time", "beneficiaries")]),
    ],
)
def test_workers_insured_screened_or_advised_are_beneficiaries(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # titles chosen by appraisal, recuperation given, contests counted by the item
        ("评选“区级工匠”15名。", [("15名", "person", "honorees")]),
        ("評選「區級工匠」15名。", [("15名", "person", "honorees")]),
        ("三年来共选树行业工匠120名。", [("120名", "person", "honorees")]),
        ("三年來共選樹行業工匠120名。", [("120名", "person", "honorees")]),
        ("组织一线职工疗休养1300人次。", [("1300人次", "person_time", "beneficiaries")]),
        ("組織一線職工療休養1300人次。", [("1300人次", "person_time", "beneficiaries")]),
        ("全年开展区级技能竞赛12项。", [("12项", "item", "activities")]),
        ("全年開展區級技能競賽12項。", [("12項", "item", "activities")]),
    ],
)
def test_union_services_and_titles_have_their_category(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject before a verb of change or reaching is what is counted, not a word of a clause before it
        (
            "开展职工技能提升行动，全市职工技能人才增加6200人。",
            [("6200人", "person", "workers")],
        ),
        (
            "開展職工技能提升行動，全市職工技能人才增加6200人。",
            [("6200人", "person", "workers")],
        ),
        (
            "走访慰问困难职工3100户，全区建档困难职工比上年减少420人。",
            [("3100户", "household", "beneficiaries"), ("420人", "person", "beneficiaries")],
        ),
        # each listed subject its own: not the 会员 of the item after
        (
            "全年技能人才新增2600人、会员新增1.1万人。",
            [("2600人", "person", "workers"), ("1.1万人", "person", "members")],
        ),
        (
            "全年技能人才新增2600人、會員新增1.1萬人。",
            [("2600人", "person", "workers"), ("1.1萬人", "person", "members")],
        ),
    ],
)
def test_the_subject_of_a_change_is_what_is_counted(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 获得 names no category: what is got does (aid: beneficiaries; a title: honorees)
        ("全年共有1380名困难职工子女获得助学金。", [("1380名", "person", "beneficiaries")]),
        ("860名困難職工獲得醫療救助。", [("860名", "person", "beneficiaries")]),
        ("12名职工获得全国五一劳动奖章。", [("12名", "person", "honorees")]),
        ("12名職工獲得全國勞動模範稱號。", [("12名", "person", "honorees")]),
        # joining the union makes members; a craftsman named is honoured
        ("3.6万名新就业形态劳动者加入工会。", [("3.6万名", "person", "members")]),
        ("全年有2.8萬名貨車司機加入工會組織。", [("2.8萬名", "person", "members")]),
        ("全省工会共培育省级工匠360名。", [("360名", "person", "honorees")]),
        ("全省共培育“大国工匠”56名。", [("56名", "person", "honorees")]),  # a title in quotes
        (
            "舉辦勞模工匠進校園活動180場次，受眾師生5.2萬人。",
            [("180場次", "time", "activities"), ("5.2萬人", "person", "participants")],
        ),
        ("吸引观众120万人次。", [("120万人次", "person_time", "participants")]),
        ("計劃全年引進高校畢業生10萬名以上。", [("10萬名", "person", "workers")]),
        ("民营经济主体达到82万户。", [("82万户", "enterprise", "organizations")]),
        # a deed for people of the whole area, the people carried, the measures issued for them
        ("为全市5.6万名一线职工开展免费健康体检。", [("5.6万名", "person", "beneficiaries")]),
        ("免費接送農民工返鄉2400餘人。", [("2400餘人", "person", "beneficiaries")]),
        ("出台关爱农民工措施15条。", [("15条", "item", "activities")]),
        ("調處勞動爭議案件2860件。", [("2860件", "item", "activities")]),
        # the stops a union runs for drivers are bodies; the households of workers are households
        ("新建“司机之家”42个。", [("42个", "organization", "organizations")]),
        ("全市1.5萬困難職工家庭實現解困脫困。", [("1.5萬", "household", "beneficiaries")]),
    ],
)
def test_what_is_got_joined_carried_and_issued_has_its_category(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people counted by their work are workers (the lexicon's worker nouns, from CC-CEDICT's glosses)
        (
            "全市有专任教师5.48万人，注册护士2.16万人。",
            [("5.48万人", "person", "workers"), ("2.16万人", "person", "workers")],
        ),
        ("全年新引進博士、博士後236人。", [("236人", "person", "workers")]),
        ("转移农村劳动力就业11.8万人次。", [("11.8万人次", "person_time", "workers")]),
        # the people a scheme is for, and people whose problem was solved, are beneficiaries
        ("最低生活保障对象5.82万人。", [("5.82万人", "person", "beneficiaries")]),
        ("解決了1.8萬名群眾的飲水安全問題。", [("1.8萬名", "person", "beneficiaries")]),
        # workstations and village clinics are bodies; enterprises visited are counted as bodies
        (
            "建成博士后科研工作站42个，村卫生室36个。",
            [("42个", "organization", "organizations"), ("36个", "organization", "organizations")],
        ),
        ("市总工会走访慰问了12家。", [("12家", "organization", "organizations")]),
        ("職工運動會共有58支代表隊參賽。", [("58支", "organization", "organizations")]),  # teams
        # the deed decides over the noun of who it was done for or who was honoured
        ("中秋節發放禮券，受惠會員8,400人。", [("8,400人", "person", "beneficiaries")]),
        ("計表揚模範勞工96名。", [("96名", "person", "honorees")]),
        ("全国共向328万名失业人员发放失业保险金。", [("328万名", "person", "beneficiaries")]),
        ("處理會務公文2,416件。", [("2,416件", "item", "activities")]),
    ],
)
def test_staff_schemes_people_and_bodies_by_the_lexicons_heads(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # classes held and visits counted by place: events (activities), not people
        (
            "開辦職業訓練班327班，結訓學員6,120人。",
            [("327班", "other", "activities"), ("6,120人", "person", "participants")],
        ),
        (
            "开展劳动条件检查1.1万厂次，走访服务企业1200家次。",
            [("1.1万厂次", "time", "activities"), ("1200家次", "other", "activities")],  # 家次: no times
        ),
        # covered, issued to, received, trained, used: people served or taking part
        ("團體協約涵蓋勞工逾6萬人。", [("6萬人", "person", "beneficiaries")]),
        ("子女就学补助核发1450人次。", [("1450人次", "person_time", "beneficiaries")]),
        ("实际领取待遇人数512万人。", [("512万人", "person", "beneficiaries")]),
        ("全年訓練失業勞工8,800人。", [("8,800人", "person", "participants")]),
        ("驿站全年使用人次逾120万人次。", [("120万人次", "person_time", "participants")]),
        ("为60万名适龄女性免费开展筛查。", [("60万名", "person", "beneficiaries")]),  # 女性: people (the lexicon)
        # 座 counts what its noun is: stations are bodies, bridges are not
        (
            "全市已建成“工会驿站”860座，建成桥梁12座。",
            [("860座", "organization", "organizations"), ("12座", "other", "other")],
        ),
        # supported, signed up, paid a claim, on a recuperation holiday, given a medal
        (
            "扶持创业2.1万人，带动就业6.7万人。",
            [("2.1万人", "person", "beneficiaries"), ("6.7万人", "person", "workers")],
        ),
        ("技能大赛报名人数约11万人。", [("11万人", "person", "participants")]),
        ("全年理賠九千八百餘件。", [("九千八百餘件", "item", "activities")]),
        ("组织劳模疗休养12批次、共480人。", [("12批次", "time", "activities"), ("480人", "person", "beneficiaries")]),
        ("命名全国五一劳动奖章966个。", [("966个", "other", "honorees")]),
        # amounts in another currency are funds, though not yuan
        ("發放補償約1,860萬澳門元。", [("1,860萬澳門元", "other", "funds")]),
        ("工會全年收入3.2億港元。", [("3.2億港元", "other", "funds")]),
        # counted by 间 and 份, the noun decides: offices and affiliated unions are bodies, documents items,
        # goods handed out neither
        (
            "本會屬會253間，設地區服務處及會員中心共32個。",
            [("253間", "organization", "organizations"), ("32個", "organization", "organizations")],
        ),
        ("全省工人文化宫（俱乐部）达到98个。", [("98个", "organization", "organizations")]),
        (
            "为困难职工代写法律文书860份，送去慰问品1200份。",
            [("860份", "item", "activities"), ("1200份", "other", "other")],
        ),
        # involved in the cases handled: the workers helped, past the bound before the number (劳工: Taiwan's and
        # Hong Kong's)
        (
            "涉及勞工1,140人，涉及僱員逾4,200人。",
            [("1,140人", "person", "beneficiaries"), ("4,200人", "person", "beneficiaries")],
        ),
        # visited: people and households cared for, whoever they are (劳模 visited are no honours given)
        (
            "探望劳模300人，探訪獨居長者3,500戶。",
            [("300人", "person", "beneficiaries"), ("3,500戶", "household", "beneficiaries")],
        ),
        # households in hardship helped
        ("对重病职工家庭等特困户86户发放救助金。", [("86户", "household", "beneficiaries")]),
        # neighbourhoods are places, as streets and cities are
        ("服务覆盖13个街道、80个社区。", [("13个", "other", "other"), ("80个", "other", "other")]),
    ],
)
def test_classes_visits_and_people_served_have_their_category(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lone numeral and 次 ending its clause is a count (召开五次全委会 is not), and 数 before a numeral
        # is an approximation only before an order of magnitude (数十个)
        (
            "全年组织献血活动四次，献血人数三百六十人。",
            [("四次", "time", "activities"), ("三百六十人", "person", "other")],
        ),
        (
            "全年組織捐血活動四次，捐血人數三百六十人。",
            [("四次", "time", "activities"), ("三百六十人", "person", "other")],
        ),
        (
            "争取新增基层工会两至三个。",
            [("两", "organization", "organizations"), ("三个", "organization", "organizations")],
        ),
        (
            "爭取新增屬會兩至三個。",
            [("兩", "organization", "organizations"), ("三個", "organization", "organizations")],
        ),
    ],
)
def test_counts_in_chinese_numerals_a_review_writes_out(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # visits to enterprises are neither times nor bodies: what was done
        ("全年走访服务企业460家次。", [("460家次", "other", "activities")]),
        ("辦理事業單位安全衛生臨場輔導62家次。", [("62家次", "other", "activities")]),
        # things solved or provided, counted in 件: what was done (解决 also helps people: 解决了1.8万名群众…)
        (
            "为职工提供法律援助1920件，解决实际问题3400余件。",
            [("1920件", "item", "activities"), ("3400余件", "item", "activities")],
        ),
        (
            "為職工提供法律援助1920件，解決實際問題3400餘件。",
            [("1920件", "item", "activities"), ("3400餘件", "item", "activities")],
        ),
        # a magnitude counts the people a qualified noun after it names: 城乡 qualifies 居民
        ("全年共有124.6万城乡居民领取最低生活保障金。", [("124.6万", "person", "beneficiaries")]),
        ("全年共有124.6萬城鄉居民領取最低生活保障金。", [("124.6萬", "person", "beneficiaries")]),
    ],
)
def test_visits_things_done_and_people_a_magnitude_counts(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全年开展补贴性职业技能培训2.35万人次，其中企业新型学徒制培训1860人，农村转移劳动力培训6240人次。",
        "全年開展補貼性職業技能培訓2.35萬人次，其中企業新型學徒制培訓1860人，農村轉移勞動力培訓6240人次。",
    ],
)
def test_people_are_parts_of_a_whole_of_person_times(text):
    found = figures_of(text, 2023)
    surface = {f.figure_id: f.surface for f in found}
    assert [(f.surface, surface.get(f.parent_figure_id)) for f in found][1:] == [
        (found[1].surface, found[0].surface),
        (found[2].surface, found[0].surface),
    ]


@pytest.mark.parametrize(
    ("text", "qualifier"), [("青年会员约占28%。", "approx"), ("青年會員約佔百分之二十八。", "approx")]
)
def test_about_before_a_shares_verb_is_about_the_share(text, qualifier):
    assert [f.qualifier for f in figures_of(text, 2023)] == [qualifier]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount after a currency's sign is money, as one in 港元 is
        (
            "全年會費收入HK$2,860萬，其他收入HK$1,940萬。",
            [("HK$2,860萬", "other", "funds"), ("HK$1,940萬", "other", "funds")],
        ),
        # people honoured, whatever their work: a part of honorees is honoured
        (
            "本次表彰的650名个人中，企业职工480名；科教文卫体系统职工98名。",
            [("650名", "person", "honorees"), ("480名", "person", "honorees"), ("98名", "person", "honorees")],
        ),
        (
            "本次表彰的650名個人中，企業職工480名；科教文衛體系統職工98名。",
            [("650名", "person", "honorees"), ("480名", "person", "honorees"), ("98名", "person", "honorees")],
        ),
    ],
)
def test_money_after_a_sign_and_the_parts_of_people_honoured(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全年处理会员劳资纠纷个案1286宗，其中欠薪个案462宗。",
            [("1286宗", "item", "activities"), ("462宗", "item", "activities")],
        ),
        (
            "全年處理會員勞資糾紛個案1,286宗，其中欠薪個案462宗。",
            [("1,286宗", "item", "activities"), ("462宗", "item", "activities")],
        ),
    ],
)
def test_cases_counted_in_zong_are_items_handled(text, expected):
    assert shown(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "为46.5万名农村义务教育学生提供营养膳食补助，为1.2万名65岁以上老年人开展免费健康体检。",
        "為46.5萬名農村義務教育學生提供營養膳食補助，為1.2萬名65歲以上老年人開展免費健康體檢。",
    ],
)
def test_people_a_deed_is_done_for_are_found_past_words_the_lexicon_lacks(text):
    assert [f.category for f in figures_of(text, 2025)] == ["beneficiaries", "beneficiaries"]
