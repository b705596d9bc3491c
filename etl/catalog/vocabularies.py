"""The values a vocabulary column of the catalog allows: the views and the code rely on exactly these.

schema.py checks every cell against them; a rule names them when it reads a row.
"""

from __future__ import annotations

# The vocabularies of the warehouse: the views and the code rely on exactly these values.
UNITS = (
    "yuan",
    "percent",
    "person",
    "person_time",
    "household",
    "enterprise",
    "organization",
    "item",
    "time",
    "square_meter",
    "other",
)
QUALIFIERS = ("exact", "at_least", "at_most", "approx", "per_unit")
BASES = ("new", "cumulative", "change")
METRIC_BASES = ("level", *BASES)
CATEGORIES = (
    "funds",
    "beneficiaries",
    "participants",
    "organizations",
    "honorees",
    "activities",
    "workers",
    "members",
    "other",
)
# What a fall is of a metric (metrics.csv falls): negative, a growth whose fall is its negative (下降3.8%: -3.8).
METRIC_FALLS = ("negative",)
SCOPES = ("national", "local")  # of a metric: local fits provincial, city and district publishers
PUBLISHER_SCOPES = ("national", "provincial", "city", "district", "local")
# The level an administrative word of a publisher's name gives (省 provincial); none: not such a word (市场).
PUBLISHER_WORD_SCOPES = ("national", "provincial", "city", "district", "none")
DIRECTIONS = ("rise", "fall")
# The roles a word of words.csv can play; each names the rule that reads it.
WORD_ROLES = (
    "other_statistic",  # a statistic other than the quantity itself: 中位数 (a label holding it names no metric)
    "whole_opener",  # what may open the label of a whole's figure before its name (metrics.csv's {whole_opener})
    "label_opener",  # stripped from the front of a label: 其中, 全年
    "label_tail",  # stripped from the end of a label: 达到, 约
    "shared_head",  # the noun listed subjects share: 城镇和农村居民 (居民)
    "change_verb",  # a verb of change: 增长, 下降
    "fall_verb",  # a verb of a fall, named {fall_verb} in a growth's patterns (metrics.csv): 下降, 回落
    "compared_with",  # what a change is measured against: 比上年, 同比
    "per_year",  # an average over years before a change verb: 年均增长
    "real_terms",  # a change net of prices: 实际增长
    "reached_verb",  # a verb that ends a subject: 达到, 实现
    "tally_noun",  # how many of the things a relative clause describes, a level: 同比下降的城市个数为70个
    "level_noun",  # a level named in the figure's clause, no cumulative sum though a date bounds it: 总数, 总量
    "package_noun",  # a package a count before it names, no count: 十项惠工实事, 中央八项规定
    "goal_word",  # a goal in the figure's clause: 目标, 力争
    "not_goal",  # a noun a goal word starts, no goal: 预期寿命 (life expectancy), 计划生育 (family planning)
    "goal_noun",  # a goal word that also ends a programme's name (金秋助学计划): a goal only after a plan_maker
    "plan_maker",  # what ends the words that say who or when before a goal noun said as a verb: 会 (工会), 今年, 还
    "goal_opener",  # a goal stated earlier in the sentence: 目标是, 主要目标
    "not_category",  # holds a category word but names a kind of thing, deciding nothing: 新就业形态 (就业)
    "forecast_word",  # a forecast: of the year after the one reviewed, an expectation (a target): 预计, 有望
    "output_word",  # a measure of output, money by its unit but no flow of funds: its rate is other (生产总值)
    "budget_word",  # a budget: of the year after the one reviewed, its plan (a target): 预算
    "achieved_word",  # a goal reported as met: 完成, 惠及
    "review_heading",  # a heading over the review of past work: 回顾, 成就
    "plan_heading",  # a heading over the plans ahead: 任务, 安排
    "salutation",  # an address before a period phrase: 各位代表
    "attribution",  # who says what follows, before a period phrase: 据介绍，去年…
    "connective",  # a word joining a sentence to the one before, before a period phrase: 此外，2021年，…
    "topic_tail",  # the end of a clause naming a topic, before a sentence's year: 技能提升方面，2024年…
    "list_announcer",  # a sentence holding it announces the items after it: 我们主要做了以下工作。
    "named_period_lead",  # a word before a named period: 在“十三五”时期
    "coordinator",  # joins listed figures or subjects: 和, 及
    "not_next_part",  # a clause holding it states a figure of its own, not the next part of a 其中 list: 有, 此外
    "report_verb",  # ends a sentence's opening clause that says who reports what follows: 人社部新闻发言人介绍，
    "stretch_word",  # after a figure and a clause break, a higher aim for the same measure: 增长5.5%以上，力争6%
    "relation_word",  # a label that opens with it needs the subject before: 占全国的14.3%
    "relation_verb",  # so does one opening with it and a relation (…的) only: 完成预算的101%, not 完成造林8827万亩
    "restatement_opener",  # 提出…: a sentence that states a target again to explain it
    "restatement_reason",  # …主要是: the explanation that follows it
    "breakdown_opener",  # 其中: the parts of the whole stated before it follow
    "share_word",  # 占: in a breakdown, a rate that is a share of the whole (其中…投资占44%)
    "range_word",  # between the two ends of a range: 6至8万人
    "open_range_word",  # between a bare number and the figure closing its range only: 6到8万人
    "negative_after",  # 负 after it is a minus sign: 为负3.9%, 增长负0.3%
    "percentage_points",  # a difference of rates, always a change: 个百分点
    "doubling",  # 翻一番: the 一 after it is a figure
    "exchange_word",  # 1美元兑7.1元: the amount before it is the base of a rate
    "compared_marker",  # before the base year of a change: 比2010年 (not the figure's year)
    "unit_organ",  # a body of a numbered unit, after its name: 中国电科38所工会 (numbered_names.py)
    "benchmark_noun",  # what a figure may pass by so much, a change: 超出计划8.6%, 超过年度目标任务277万人
    "density_base",  # per one of these, an amount of a substance is a concentration (28微克/立方米), no per-unit
    "next_year_word",  # next year, inside a sentence a goal's year: 我们计划明年将试点范围扩大到17个省份
    "rest_of_year",  # the rest of the year a text is written in: 年底前, 年内
    "last_year_word",  # last year, whose level a figure may name: 从去年的2.1%
    "not_last_year_after",  # after last year's name, it names no year of the figure's: 去年以来, 在去年基础上
    "not_this_year",  # a word ending in the 今 of a 今年 that names no year: 如今年轻人
    "from_word",  # a starting level follows: 由10.2%下降到3.1%
    "to_word",  # the level reached follows: 由…增加到
    "period_end_word",  # the last year of a named period: “十三五”末
    "dated_base",  # a dated level a change is measured from, so that the change keeps the date: 比上年末增加
    "year_end_opener",  # a sentence or a clause opening with it states a level at the year's end: 年末
    "whole_year_word",  # a clause opening with it states a flow over the year, no level at its end: 全年
    "respectively",  # each figure counts one listed subject: 分别
    "named_period_tail",  # after a named period, it opens the period's sentences: “十三五”时期
    "qualifier_filler",  # may stand between a qualifier and its number: 超过了5000名
    "set_measure",  # a measure word of kinds: a small count before it may name a set (三项社会保险基金, 四大产业)
    "list_measure",  # a measure word whose small count may name the figures listed before it (两个台阶)
    "bound_lookalike",  # a word ending in a bound word before a number, stating no bound: 团体协约23件
    "basis_filler",  # may stand between a basis word and its number: 增长约3%
    "counting_word",  # a measure word whose unit the noun it counts decides: 五万家企业 (units.csv's unit else)
    "helping_verb",  # in a figure's own phrase, the people it counts are helped: 服务农民工5万人次 (beneficiaries)
    "doing_verb",  # in a figure's own phrase, the items it counts are things done: 办理诉求2.3万件 (activities)
    "call_line",  # a long number before it, in its noun phrase, is a number to call: 12351职工服务热线
    "standard_word",  # before a verb of change or being and the number: a per-head standard (月标准提高到850元)
    "rate_word",  # a measure word of a multiple, never per head: 补贴标准提高1倍
    "people_noun",  # a bare magnitude a few words before it counts people: 1400万农业转移人口
    "gap_total",  # between a counted noun and its number, how many of them: 农民工总量2.9亿人
    "gap_verb",  # between a counted noun and its number, reached or in all: 职工驿站达300个, 人才共8000人
    "duration_word",  # a span of time after a number, a figure after a span_noun only: 压缩至5天
    "span_noun",  # a span of time that is measured: a duration after it is a figure (办理时间压缩至5天)
    "aspect_noun",  # what of a thing is measured, not which: 粮食播种面积…、总产量… (粮食总产量)
    "own_level",  # the government's own level, not its whole area: 区本级固定资产投资 is no metric of the district
    "quota_noun",  # a plan that is a quota allotted: 招生计划38万人 of a year reviewed is the quota, no target
    "rank_word",  # a ranking: 排名上升3位 moves places in it, no count of people
    "name_former",  # a group's name: a number right after it and before 所 names one of its units (中国电科38所)
    "career_verb",  # working at a trade: 从业30年 are one person's years, a figure after them of no period
    "not_benefactive",  # a word ending in 为, 向 or 给 that is no preposition of a deed done for someone: 作为, 定向
    "effort_noun",  # an effort (努力, 干劲): a multiple in numerals before it is a figure of speech, 以百倍的努力
)
# What a word of program_words.csv says of a programme figure, in the clause before it (v1.program_figures).
PROGRAM_WORD_ROLES = (
    "states_total",  # the figure is the programme's total, as the report states it: 共安排资金24.92亿元
    "project_total",  # a project's total investment over its years, not the year's spending: 总投资18.8亿元
    "goods",  # goods and money together, not funds alone: 物资和资金合计1.05亿元
    "compares",  # opening the clause: measures the figure before against another amount: 超过原定的2万亿元
    "holds_total_word",  # a word holding a states_total word as a piece of it (公共 holds 共): taken out first
)
# What a period opener (period_openers.csv) says of the sentences after it, in the order openers.py tries them.
PERIOD_OPENERS = (
    "coming_years",  # 今后五年: the years after the one reviewed, goals
    "last_year",  # 过去一年, 一年来: the year reviewed
    "year_before",  # 去年: the year before the one the report was given (published_on), else the year reviewed
    "this_year_so_far",  # 今年以来: the year the report was given, so far
    "this_year",  # 今年: a plan part's year, else the year the report was given
    "since_year",  # 2021年以来: from that year to the one reviewed
    "next_year",  # 明年, 下一步: the year after the one reviewed, the year the review was written in
    "plan_year",  # 展望2026年: that year, looked ahead to: goals when it is after the one reviewed
    "year_span",  # 2021年至2023年，: those years
    "year",  # 2018年，: that year
    "past_years",  # 五年来: the years up to the one reviewed
    "lately",  # 近日, and after a news item's dateline a day (本报讯（记者…）3月8日，): the year the text was given
    "season",  # after a news item's dateline, 春节前后, 五一前夕: the season of the year the text was given
    "as_of",  # 截至2024年底, 截至9月底 (of the year reviewed, or a plan part's): the day its sentence's levels stood on
    "now",  # 目前: the present, where an aside (自2019年…以来) ends and the period before it returns
)
# What a rule of category_rules.csv looks at (etl/rules/categories.py has one function per cue).
CUES = (
    "always",  # nothing: the unit alone decides (a rate counts no one: 覆盖率87.6%)
    "body_with_word",  # a body counted (the lexicon), its clause holding a word of the rule's category (入选)
    "counted_body",  # a body counted (the lexicon): what it is, whatever qualifies it (帮扶站点60个)
    "word_before",  # a category word (categories.csv) of the clause before the number: 帮助45万脱贫人口稳定就业
    "clause_word",  # a category word of the figure's clause: 资助困难职工子女
    "measure_word",  # what the measure word implies for its unit (measure_words.csv): 25亿美元
    "helping_verb",  # the first verb (words.csv) before the number helps: 服务农民工5万人次
    "served",  # 为, 给 or 向 before a noun of people and a deed for them: 为会员提供法律咨询2380人次
    "doing_verb",  # the first verb (words.csv) before the number does: 办理诉求2.3万件
    "counted_noun",  # the noun counted names a category (the lexicon): 科研人员5.2万人
    "subject_noun",  # the noun before a verb of change or reaching names a category (the lexicon): 人才增加5400人
    "earlier_word",  # a category word of an earlier clause of the sentence, nearest first
    "unit_default",  # the row of categories.csv with no word, for the figure's unit (元: funds)
    "money_change",  # a change in % whose label names money, not output (rates.py): 固定资产投资增长6.8%
)
# The cues of CUES read with a change's label, once its basis is known (etl/rules/rates.py).
CHANGE_CUES = frozenset({"money_change"})
# The category of a rule whose cue finds one: the word's, the noun's, the measure word's, the unit's.
GIVEN = "given"
GIVING_CUES = frozenset(
    {
        "counted_body",
        "word_before",
        "clause_word",
        "measure_word",
        "counted_noun",
        "subject_noun",
        "earlier_word",
        "unit_default",
    }
)
# What a rule of target_rules.csv looks at (etl/rules/targets.py has one function per cue).
TARGET_CUES = (
    "always",  # nothing: the last resort
    "period_end_level",  # the level at the end of a named period: 较“十三五”末的4100亿元
    "last_years_level",  # last year's level before the number: 从去年的2.1%
    "starting_level",  # the level a change starts from: 由10.2%下降到3.1%
    "past_quota",  # a quota (quota_noun) of a year not after the one reviewed: 2020年招生计划38万人
    "goal_in_clause",  # a goal word (words.csv) in the clause, none reported met: 将在20个城市开展试点
    "plan_context",  # the sentence speaks of the years ahead (structure.py): the plan part, 今后五年
    "goals_met",  # an earlier clause reports the goals met: 全面完成年初确定的目标任务，…
    "goal_opens",  # a goal opener earlier in the sentence, not reported met after it: 目标是，…
    "goal_in_sentence",  # a goal verb of an earlier clause, none reported met after it: 拟投入…，走访慰问…
    "future_period",  # a named period starting after the year reviewed: “十四五”时期
    "service_standard",  # at least so much per head: 每人至少提供2次岗位推荐
    "future_year",  # a year still ahead opens the clause or the sentence: 2026年新增就业5万人
    "forecast_ahead",  # a forecast word in the clause, of a year after the one reviewed: 预计全年可服务1.5万人次
    "past_year",  # a year not after the one reviewed opens the clause or the sentence: 2023年会员达到98万人
)
VERDICTS = ("target", "outcome")
# What a rule of per_unit_rules.csv looks at (etl/rules/per_unit.py has one function per cue).
PER_UNIT_CUES = (
    "always",  # nothing: the unit alone decides (a rate is no amount per head)
    "multiple",  # the measure word is a multiple (rate_word of words.csv): 补贴标准提高1倍
    "ratio",  # a bare number the words before name a ratio (ratios.py): 城乡居民人均收入比为2.13
    "clause_word",  # a per_unit word of qualifiers.csv (clause) in the phrase: 人均, 每人
    "standard",  # a standard moved or stated right before the number (standard_word): 低保月标准提高到850元
    "per_count",  # every so many, or every one done: 每千人口, 每万名职工, 每培训1名…补贴2000元
    "per_measure",  # per one of a measure word: 每亩2000元, 2000元/亩, 28微克/立方米
    "exchange",  # after an exchange_word: 1美元兑7.1元
    "word_before",  # a per_unit word of qualifiers.csv (before) right before the number: 每年500元
    "word_after",  # a per_unit word of qualifiers.csv (after) right after the number: 500元/人
    "level_after_per_head",  # a clause only of reaching after one of a per-head amount: 每人每月提高20元，达到123元
)
PER_UNIT_VERDICTS = ("per_unit", "whole")
# What a rule of not_figure_rules.csv looks at (etl/rules/not_figures.py has one function per cue).
NOT_FIGURE_CUES = (
    "always",  # nothing: the unit alone decides
    "call_number",  # five digits or more named a line to call (call_line of words.csv): 12351职工服务热线
    "exchange_base",  # an exchange_word right after the unit: 1美元兑7.1元
    "index_base",  # in a bracket, after 以…为, the base of an index or ratio: 性别比为104.6(以女性为100)
    "name_after_threshold",  # 以上/以下 and a word right after the unit: 百人以上企业
    "class_threshold",  # an at-least amount before 的, its clause counting the class: 超千万人次的机场达4个
    "rank_move",  # a rank_word (words.csv) in the clause before the number: 排名上升3位
    "per_base",  # right after 每, or 每 and a verb: the base a rate is per (每招用1人补助1500元)
    "rate_base",  # a magnitude alone before what a rate counts and its number: 十万人生产安全事故死亡人数1.040人
    "numbered_name",  # a name_former (words.csv) right before the number, 所 right after: 中国电科38所
    "figure_of_speech",  # a multiple in numerals (倍) before an effort_noun (words.csv): 以百倍的努力
    "named_package",  # a count before a package's noun (package_noun of words.csv): 十项惠工实事, 八项规定
    "named_set",  # a small count in numerals naming the figures listed before it or a number's subject: 两个台阶
    "edition_name",  # 届 with words after it, not a clause's end: a session's name (十九届四中全会), no count
)
NOT_FIGURE_VERDICTS = ("not_figure", "figure")
# The roles of topic_words.csv: how a later clause stands to the programme an earlier one named (topics.py).
TOPIC_WORD_ROLES = (
    "continues",  # opening the clause (after frame words): it goes on with the topic (其中, 有, 惠及)
    "total",  # anywhere before the number: a total of the topic (合计, 累计)
    "benefits",  # ending the clause: those counted are the ones the topic reached (受益, 参与)
    "frame",  # time, scope, intent or per head, naming no subject (今年, 全省, 力争, 每人每年)
    "manner",  # how or how far a thing was done (基本, 全面, 新)
    "verb",  # a doing whose object, left unsaid, is the topic's thing (建成, 开工, 安排)
    "attribute",  # what of the topic is measured, no subject of its own (参保人数, 补助标准, 试点)
)
# The roles of year_modifiers.csv: a word that makes a year part of a modifier (period_words.py).
YEAR_MODIFIER_ROLES = (
    "after_year",  # right after the year: 2029年及以后, 2027年到期 (it bounds or dates another thing)
    "before_year",  # right before it: 结转至2024年 (where money is carried, not the figure's year)
)
