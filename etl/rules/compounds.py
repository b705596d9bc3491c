"""The lexicon's nouns at a place in a text: the head of the compound that starts or ends there
(链主企业: 企业; 12万留守儿童: 留守儿童), found by a few dict lookups. data/catalog/unit_nouns.csv and
counted_nouns.csv are the lexicon (Catalog.lexicon); etl/rules/units.py and categories.py ask."""

from __future__ import annotations

from etl.catalog import Catalog
from etl.text.characters import ITEM_ENDS

STOPS_A_COMPOUND = frozenset(ITEM_ENDS + "0123456789")  # a list item ends, or another number starts


def noun_shapes(catalog: Catalog) -> tuple[tuple[int, ...], frozenset[str], frozenset[str]]:
    """The lengths of the counted nouns (catalog.lexicon), longest first, and the characters they
    start and end with: a place no noun can start or end at costs one set lookup."""
    lexicon = catalog.lexicon
    return (
        tuple(sorted({len(noun) for noun in lexicon}, reverse=True)),
        frozenset(noun[0] for noun in lexicon),
        frozenset(noun[-1] for noun in lexicon),
    )


def noun_ending_at(text: str, end: int, catalog: Catalog, start: int = 0) -> str:
    """The longest counted noun ending at `end` (not before `start`): the head of the compound
    that ends there (链主企业: 企业; 困难职工子女: 子女), found by a few dict lookups."""
    lengths, _, lasts = catalog.compiled(noun_shapes)
    if end <= start or text[end - 1] not in lasts:
        return ""
    lexicon = catalog.lexicon
    for length in lengths:
        if end - length >= start and text[end - length : end] in lexicon:
            return text[end - length : end]
    return ""


def compound_at(
    text: str, pos: int, lexicon: dict, lengths: tuple[int, ...], firsts: frozenset[str]
) -> tuple[str, int]:
    """The head of the counted nouns that follow each other from `pos` (12万留守儿童: 留守儿童;
    3万困难职工子女: 子女), the last of them, and where it ends; ("", pos) when none starts there."""
    head = ""
    while text[pos : pos + 1] in firsts:
        for length in lengths:
            noun = text[pos : pos + length]  # shorter at the text's end: a noun all the same
            if noun in lexicon:
                head, pos = noun, pos + len(noun)
                break
        else:
            break
    return head, pos


def compound_after(text: str, pos: int, catalog: Catalog, reach: int = 6) -> tuple[str, int]:
    """The head of the compound a count names after it, past a few words that qualify it within its
    list item (6个帮扶站点: 站点, 帮扶 qualifying it; 12万留守儿童), and where the compound ends;
    ("", pos) when none stands there."""
    lengths, firsts, _ = catalog.compiled(noun_shapes)
    for character in text[pos : pos + reach + 1]:
        if character in firsts:
            head, end = compound_at(text, pos, catalog.lexicon, lengths, firsts)
            if head:
                return head, end
        elif character in STOPS_A_COMPOUND:
            return "", pos
        pos += 1
    return "", pos


def noun_ending_near(text: str, catalog: Catalog, units: frozenset[str], reach: int) -> int:
    """Where the first noun of the lexicon counting one of `units` ends within `reach` characters of the
    start of `text`, past words the lexicon lacks (农村义务教育学生: 学生); 0 when none does."""
    for end in range(2, min(len(text), reach) + 1):
        noun = noun_ending_at(text, end, catalog)
        if noun and catalog.lexicon[noun][0] in units:
            return end
    return 0
