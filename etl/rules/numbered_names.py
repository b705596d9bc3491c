"""A number inside the name of a group's unit (中国电科38所, 中电科14所和29所): no count. The cue
`numbered_name` of not_figure_rules.csv (not_figures.py), over words.csv's name_former words."""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.text.characters import ITEM_ENDS

# The words a unit of a group is named with after its number (中国电科38所, 航天科工二院, 中船重工702研究所):
# of them only 所 is also a measure word (38所学校), so only it reaches the cue today; the others name
# no unit of a figure and would take the same reading if they became measure words.
NAME_SUFFIXES = ("研究所", "研究院", "所", "院", "厂")


def numbered_name(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """中国电科38所, 与中电科14所合作: a number right after the name of a group (name_former of
    words.csv) and right before a name suffix (所, 研究所, 院, 厂), with no measure word, approximation
    or pause between, numbers one of the group's units in its name, no count: a count after a group's
    name takes 的, 所属 or 旗下 first. Elsewhere 所 is a measure word of schools and hospitals (建成38所
    学校, 新建中小学12所): no group's name stands right before the number; and a noun of the lexicon
    right after 所 keeps it one even after a group's name (中国电科3所医院), unless it names a body of
    the unit itself (unit_organ of words.csv: 中国电科38所工会, 电科38所职工). The next name of a list
    takes the group of the one before when the list goes on or ends right after it (中电科14所、29所和
    38所。); before any other word it may be a count (中电科14所和12所高校), and a count is kept."""
    if _noun_at(text, after, catalog) and not text.startswith(catalog.words["unit_organ"], after):
        return False  # 中国电科3所医院: hospitals counted; not 中国电科38所工会, the union of institute 38
    if text.endswith(catalog.compiled(_name_formers), 0, start):
        return True
    ends_item = after >= len(text) or text[after] in ITEM_ENDS or text.startswith(catalog.words["coordinator"], after)
    return ends_item and bool(catalog.compiled(_listed_name).search(text, max(0, start - LISTED_NAME_REACH), start))


def _name_formers(catalog: Catalog) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w for w in catalog.words["name_former"] if w))


LISTED_NAME_REACH = 24  # characters before a number in which the numbered name before it in a list ends


def _listed_name(catalog: Catalog) -> re.Pattern:
    """The numbered name of a list's item before: 中电科14所和 (then 29所)."""
    return re.compile(
        rf"""
        (?:{alternation(_name_formers(catalog))})    # a group's name: 中电科
        (?:\d+(?:{alternation(NAME_SUFFIXES)})       # its units by number, each (14所)
           (?:{alternation(catalog.words["coordinator"])}|、)  # before a coordinator: 和, 、
        )+$                                           # the last right before this number
        """,
        re.VERBOSE,
    )


def _noun_at(text: str, at: int, catalog: Catalog) -> bool:
    """Whether a noun of the lexicon (unit_nouns.csv, counted_nouns.csv) starts at `at`: 学校, 医院."""
    longest = catalog.compiled(_longest_noun)
    lexicon = catalog.lexicon
    return any(text[at : at + n] in lexicon for n in range(1, longest + 1))


def _longest_noun(catalog: Catalog) -> int:
    return max(map(len, catalog.lexicon), default=0)
