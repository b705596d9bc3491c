"""Whether a number whose unit is known is no figure, by the rules of not_figure_rules.csv: each cue
deciding a number, the words stopped only before numerals, and the table as data."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.rules.not_figures import not_figure_rules, rules_after

from .helpers import figures_of, first_row, keep_rows, refused_row


@pytest.mark.parametrize(
    ("cue", "text", "surfaces"),
    [
        ("call_number", "开通12351职工服务热线，全年接听来电3.2万个。", ["3.2万个"]),
        ("call_number", "開通12351職工服務熱線，全年接聽來電3.2萬個。", ["3.2萬個"]),
        ("exchange_base", "年末1美元兑7.1元人民币。", ["7.1元"]),
        ("index_base", "常住人口性别比为104.6（以女性为100）。", ["104.6"]),
        ("index_base", "常住人口性別比為104.6（以女性為100）。", ["104.6"]),
        ("name_after_threshold", "全市百人以上企业建会率达到95%。", ["95%"]),
        ("name_after_threshold", "全市百人以上企業建會率達到95%。", ["95%"]),
        ("name_after_threshold", "5000万元以上项目开工120个。", ["120个"]),
        ("always", "城镇新增就业1100万人以上和城镇调查失业率5.5%左右。", ["1100万人", "5.5%"]),  # a list goes on
        ("always", "粮食产量保持在1.3万亿斤以上并稳步提高。", ["1.3万亿斤"]),  # the clause goes on
        ("class_threshold", "年吞吐量超千万人次的机场达4个。", ["4个"]),
        ("rank_move", "全省营商环境排名上升3位，新增院士2名。", ["2名"]),
        ("rank_move", "全省营商环境排名较上年提升5位。", []),
        ("always", "综合实力排名全省前列的企业新增就业1200名。", ["1200名"]),  # a ranking, no move of it
        ("rate_base", "工矿商贸企业就业人员十万人生产安全事故死亡人数1.040人。", ["1.040人"]),
        ("rate_base", "煤矿百万吨死亡人数0.045人。", ["0.045人"]),
        ("always", "全年带动就业十万人，培训3000人次。", ["十万人", "3000人次"]),  # a pause: a count
        ("rank_move", "全省營商環境排名上升3位，新增院士2名。", ["2名"]),
        # nothing says more: a threshold after a bare magnitude counts the noun after it
        ("always", "今年要完成800万以上农村贫困人口脱贫任务。", ["800万"]),
        ("always", "新增就业3位院士。", ["3位"]),
        ("always", "规上工业营业收入增长10%以上的企业50家。", ["10%", "50家"]),  # a rate is a figure
        # a number between a group's name and 所 names one of its units; 所 elsewhere counts schools
        ("numbered_name", "与中国电科38所共建雷达联合实验室，落地项目6个。", ["6个"]),
        ("numbered_name", "與中國電科38所共建雷達聯合實驗室，落地項目6個。", ["6個"]),
        ("numbered_name", "航天科工二院、中电科14所参与研制。", []),
        # the next names of a list are the group's too, where the list goes on or ends after them;
        # before another word it may count (12所高校)
        ("numbered_name", "参与单位有中电科14所和29所。", []),
        ("numbered_name", "參與單位有中電科14所、29所和38所。", []),
        ("always", "中电科14所和29所参与研制。", ["29所"]),
        ("always", "与中国电科38所和12所高校合作。", ["12所"]),
        ("numbered_name", "引进中船重工研究所1家，中核4所落户园区。", ["1家"]),
        # a count before a package's noun names the package; after its noun, or of other things, it counts
        ("named_package", "市总工会年初确定的十项惠工实事全部完成。", []),
        ("named_package", "全力辦好十件惠工實事，嚴格落實中央八項規定。", []),
        ("always", "全年办理民生实事200件，出台29项促消费政策。", ["200件", "29项"]),
        ("always", "全年建成38所学校。", ["38所"]),
        ("always", "新建改扩建中小学12所，幼儿园20所。", ["12所", "20所"]),
        ("always", "全市38个所属单位完成改制。", ["38个"]),
        ("always", "中国电科3所医院完成改扩建。", ["3所"]),  # a noun after 所: it counts the hospitals
        ("numbered_name", "中国电科38所工会负责人介绍，该所有全国劳动模范3名。", ["3名"]),  # the unit's own union
        ("numbered_name", "電科38所工會為23名困難職工發放慰問金。", ["23名"]),
        ("always", "中国电科在本市设立研究机构12余所。", ["12余所"]),  # no name: 在…设立 before the number
        ("always", "与中国电科等30余所高校院所合作。", ["30余所"]),
        # a small count in numerals naming the figures just listed, or a number's subject, names a set
        ("named_set", "全省地区生产总值先后跨越4万亿元、5万亿元两个台阶。", ["4万亿元", "5万亿元"]),
        ("named_set", "全年三項社會保險基金收入合計2846億元。", ["2846億元"]),
        ("always", "跨越4万亿元、5万亿元、6万亿元两个台阶。", ["4万亿元", "5万亿元", "6万亿元", "两个"]),  # not as many
        ("named_set", "连续跨越7万亿、8万亿、9万亿三个大台阶。", ["7万亿", "8万亿", "9万亿"]),  # 三 is 3
        ("always", "推动三家企业上市融资5亿元。", ["三家", "5亿元"]),  # a verb: the count's own clause
        ("always", "建成两座大桥和3条隧道。", ["两座", "3条"]),  # a joiner: a list
        ("always", "12个重点项目完成投资3亿元。", ["12个", "3亿元"]),  # in digits: a count
        # a multiple in numerals before an effort says how hard
        ("figure_of_speech", "以百倍的努力做好工作，新建驿站30个。", ["30个"]),
        ("figure_of_speech", "拿出十倍的幹勁，新建驛站30個。", ["30個"]),
        ("figure_of_speech", "付出十倍百倍努力。", []),  # more multiples, no 的
        ("always", "实现经济总量增长三倍的目标。", ["三倍"]),  # no effort: a figure
        ("always", "研发经费以两倍的速度增长。", ["两倍"]),
        ("always", "以3倍的努力完成。", ["3倍"]),  # in digits: a figure
        # the number after 每, or 每 and a verb, is the base a rate is per
        ("per_base", "企业每招用1人补助1500元。", ["1500元"]),
        ("per_base", "每培訓1名技能人才補貼2000元，共發放補貼300萬元。", ["2000元", "300萬元"]),
        ("per_base", "每1万元贷款贴息200元。", ["200元"]),
        ("always", "每年新增就业1万人，每人每月补助200元。", ["1万人", "200元"]),  # 每 and a per-unit word
        ("always", "每个村补助10万元。", ["10万元"]),  # 个: a measure word, no verb
        ("always", "最低工資標準每小時34澳門元。", ["34澳門元"]),  # 每小时: a per-unit word, no base
        ("always", "食品抽检量超每千人6.6批次。", ["6.6批次"]),  # 每千人 is the base, not the 6.6
        # editions with words after them name a session; ending their clause, they count the editions held
        ("edition_name", "学习贯彻党的19届四中全会精神。", []),
        ("edition_name", "2025届高校毕业生1.2万人。", ["1.2万人"]),
        ("always", "五年来举办全国性职业技能大赛9届，决出技术状元236名。", ["9届", "236名"]),
        ("always", "連續舉辦職工運動會3屆以上。", ["3屆"]),  # a bound, then the clause's end
        ("always", "第五届职业技能大赛圆满落幕。", []),  # 第: an ordinal (stop_words.csv)
    ],
)
def test_each_cue_decides_a_number(cue, text, surfaces):
    assert [f.surface for f in figures_of(text)] == surfaces


def test_a_word_before_a_numeral_does_not_stop_digits():
    """上, 数 and 几 before a numeral are an order of magnitude (上百家, 数万); before digits they end
    another word (迈上, 总数)."""
    assert [f.surface for f in figures_of("上百家企业参加招聘。")] == []
    assert [f.surface for f in figures_of("数万名职工参加，几十个单位参与。")] == []
    assert [f.surface for f in figures_of("全市工会会员总数5.3万人。")] == ["5.3万人"]  # 数 ends 总数
    assert [(f.surface, f.qualifier) for f in figures_of("全市经济总量迈上6000亿元台阶。")] == [
        ("6000亿元", "at_least")
    ]
    assert [(f.surface, f.qualifier) for f in figures_of("全市經濟總量邁上6000億元臺階。")] == [
        ("6000億元", "at_least")
    ]


@pytest.mark.parametrize(
    ("text", "ratios"),
    [
        ("城乡居民人均可支配收入比由2.56∶1缩小到2.50∶1。", [("2.56∶1", 2.56), ("2.50∶1", 2.5)]),
        ("城乡居民收入之比为2.3:1。", [("2.3:1", 2.3)]),
        ("城乡居民收入比缩小至2.3∶1。", [("2.3∶1", 2.3)]),  # the level it moved to
        ("城鄉收入比降至2.27。", [("2.27", 2.27)]),
        ("单位产值能耗比上年下降到0.5。", []),  # 比上年: a comparison, no ratio
        ("与上年相比下降到15。", []),  # 相比, 同比, 比重: no ratio's name
        ("居民消费价格同比上涨至102.3。", []),
        ("第一产业比重降至6.5。", []),
        ("三次产业结构比为8:30:62。", []),  # terms of a ratio, none to one
    ],
)
def test_the_one_of_a_ratio_is_part_of_the_ratio(text, ratios):
    """2.3∶1: the ratio is one figure whose value is its first term; the 1 after ∶ is never a figure."""
    assert [(f.surface, f.value) for f in figures_of(text)] == ratios


def test_without_the_numbered_name_row_a_unit_of_a_group_is_counted(catalog_copy):
    _rules(catalog_copy, lambda line: not line.startswith("numbered_name,"))
    assert [f.surface for f in figures_of("与中国电科38所共建实验室。", catalog=catalog_copy)] == ["38所"]


def _rules(catalog_copy, keep) -> int:
    """Keep the rows of not_figure_rules.csv `keep` accepts (the header always); the lines left."""
    return keep_rows(catalog_copy / "not_figure_rules.csv", keep)


def test_without_the_rank_move_row_places_moved_are_people(catalog_copy):
    _rules(catalog_copy, lambda line: not line.startswith("rank_move,"))
    assert [f.surface for f in figures_of("全省营商环境排名上升3位。", catalog=catalog_copy)] == ["3位"]


def test_a_new_row_is_a_new_rule_for_its_units(catalog_copy):
    first_row(catalog_copy / "not_figure_rules.csv", "always,household,not_figure,")
    assert [f.surface for f in figures_of("改造农村危房1.2万户，新建驿站30个。", catalog=catalog_copy)] == ["30个"]


def test_an_unknown_cue_names_the_file_and_the_line(catalog_copy):
    line, said = refused_row(catalog_copy, "not_figure_rules.csv", "hotline,,not_figure,")
    assert said.startswith(
        f"{catalog_copy / 'not_figure_rules.csv'}:{line}: cue 'hotline' is not one of always, call_number,"
    )


def test_an_unknown_verdict_names_the_file_and_the_line(catalog_copy):
    line, said = refused_row(catalog_copy, "not_figure_rules.csv", "rank_move,person,none,")
    assert said == f"{catalog_copy / 'not_figure_rules.csv'}:{line}: verdict 'none' is not one of not_figure, figure"


def test_the_table_is_read_once_per_catalog_with_the_gate_its_cues_words_make():
    catalog = load_catalog()
    table = catalog.compiled(not_figure_rules)
    assert table is catalog.compiled(not_figure_rules)
    assert table["percent"] == ((), False)  # a rate: no cue is asked
    rules, otherwise = table["person"]
    # a cue is asked only after the first characters of exchange_word (兑), of a closing bracket, of 以上/以下, of 的, or
    # after five digits; rank_move, rate_base and per_base always (each looks at its own first characters)
    assert [(r.cue.__name__, r.not_figure, r.after_starts, r.long) for r in rules] == [
        ("call_number", True, None, 5),
        ("exchange_base", True, frozenset("兑"), 0),
        ("index_base", True, frozenset(")）"), 0),
        ("name_after_threshold", True, frozenset("以"), 0),
        ("class_threshold", True, frozenset("的"), 0),
        ("rank_move", True, None, 0),
        ("rate_base", True, None, 0),
        ("numbered_name", True, None, 0),
        ("per_base", True, None, 0),
    ]
    # numbered_name only of a number whose unit's words are a name's suffix: 38所, never 38个 or 38余所
    assert [r.unit_words for r in rules if r.unit_words is not None] == [
        frozenset({"研究所", "研究院", "所", "院", "厂"})
    ]
    assert otherwise is False  # always,,figure: what nothing else decides is a figure
    assert [r.cue.__name__ for r in table["household"][0]] == [
        "call_number",
        "exchange_base",
        "index_base",
        "name_after_threshold",
        "class_threshold",
        "rate_base",
        "numbered_name",
        "per_base",
    ]


def test_a_gate_from_a_new_word_asks_its_cue(catalog_copy):
    with (catalog_copy / "words.csv").open("a", encoding="utf-8") as fh:
        fh.write("换,exchange_word,\n")
    assert [f.surface for f in figures_of("年末1美元换7.1元人民币。", catalog=catalog_copy)] == ["7.1元"]


def test_a_number_is_asked_only_the_rules_the_character_after_its_unit_lets_hold():
    by_character, anywhere, otherwise = load_catalog().compiled(rules_after)["yuan"]
    # after 兑 the exchange rule is asked too, in its place; after a comma only the rules no character gates
    assert [rule.cue.__name__ for rule in by_character["兑"]] == [
        "call_number",
        "exchange_base",
        "rate_base",
        "numbered_name",
        "per_base",
    ]
    assert [rule.cue.__name__ for rule in anywhere] == ["call_number", "rate_base", "numbered_name", "per_base"]
    assert "，" not in by_character and otherwise is False
