"""Where the noun a count counts may stand when the lexicon names none right next to it.

    为企业解决用工难题230余个        after the verb before the count (用工难题): not the 企业 it was
                                    done for; none known there, so the measure word's own unit
    全国总工会向21个省份下拨资金     words after the count name what it counts (省份): never a noun
                                    before it (总工会)
    全市驿站总数达到3000个           a verb right before the number (达到, 增加到) says how many, not
                                    of what: read past

The verbs are those of data/catalog/verbs.csv (jieba's, tools/verbs.py); a verb that starts a noun
of the lexicon (开发区) is read as that noun. The words after a count are not cut at a verb: a verb
also starts a compound noun (创新中心, 制造业集群), which the words alone do not tell from a verb and
its object. etl/rules/units.py asks these.
"""

from __future__ import annotations

from etl.catalog import Catalog
from etl.rules.compounds import noun_shapes
from etl.text.characters import ITEM_ENDS

VERB = 2  # characters: the verbs of verbs.csv
TO_WORDS = "到至为"  # after a verb before a number: 增加到, 提高至, 认定为
FOLLOW_REACH = 12  # characters after a count in which the noun it counts starts
PERSON = "person"  # a count of 个 or 家 counts no person: a person noun after it is another's (记者)
FOLLOWS_NO_NOUN = ("的", "并", "以", "等")  # after a count: what it counts stands before it (驿站300个并投入使用)


def verb_at(text: str, i: int, catalog: Catalog) -> bool:
    """Whether a verb of verbs.csv starts at text[i], and no noun of the lexicon does."""
    if text[i : i + VERB] not in catalog.verbs:
        return False
    lexicon = catalog.lexicon
    return not any(text[i : i + length] in lexicon for length in catalog.compiled(noun_shapes)[0])


def reach_before(text: str, start: int, end: int, catalog: Catalog, read_past: bool = True) -> int:
    """Where the words before a count (from `start`, up to `end`, the start of the words between its
    noun and its number) start naming what it counts: after the last verb, else `start`. Verbs right
    before `end` say how many, not of what (驿站总数达到), and are read past when the count ends its
    item (`read_past`); before words of its own, such a verb takes them as its object (工会覆盖11个设区市)."""
    while read_past:  # 达到, 增至, 增加到 (a verb and 到): how many
        if end - VERB >= start and verb_at(text, end - VERB, catalog):
            end -= VERB
        elif text[end - 1 : end] in TO_WORDS and end - 1 - VERB >= start and verb_at(text, end - 1 - VERB, catalog):
            end -= 1 + VERB
        else:
            break
    for i in range(end - VERB, start - 1, -1):
        if verb_at(text, i, catalog):
            return i + VERB
    return start


def counts_what_follows(text: str, end: int, catalog: Catalog) -> bool:
    """Whether words after a count's measure word (at `end`) name what it counts (12个省份开展…): a
    noun of the lexicon that counts no person (省份; not the 记者 of a news item's first line run into
    a headline) stands in them before a verb or the clause's end; not a list's or a clause's end, a
    qualifier (以上), a joiner (和, 并, 的) or a verb (实现上云) right after it."""
    if not words_follow(text, end, catalog):
        return False
    lexicon, verbs = catalog.lexicon, catalog.verbs
    lengths, firsts, _ = catalog.compiled(noun_shapes)  # a noun's lengths; the characters one starts with
    for i in range(end, min(len(text), end + FOLLOW_REACH)):
        if text[i] in ITEM_ENDS or (text[i : i + VERB] in verbs and verb_at(text, i, catalog)):
            return False
        if text[i] not in firsts:
            continue
        for length in lengths:
            found = lexicon.get(text[i : i + length])
            if found is not None and found[0] != PERSON:
                return True
    return False


def words_follow(text: str, end: int, catalog: Catalog) -> bool:
    """Whether words stand after a count's measure word (at `end`), not a list's or a clause's end, a
    qualifier (以上) or a joiner (和, 并, 的): 11个设区市, not 驿站300个。"""
    if end >= len(text) or text[end] in ITEM_ENDS:
        return False
    if text.startswith((*FOLLOWS_NO_NOUN, *catalog.words["coordinator"]), end):
        return False
    return catalog.qualifiers_after.at_start(text, end) is None
