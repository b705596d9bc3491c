"""etl/text/script.py: replacing the few traditional characters a text holds gives its translation."""

import random

from etl.catalog import load_catalog
from etl.text.numbers import _FORMS, plain
from etl.text.script import FEW_FORMS, ScriptForms


def _samples(alphabet: list[str], n: int = 2000) -> list[str]:
    rng = random.Random(3)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_simplified_is_the_translation_by_the_table():
    forms = load_catalog().script_forms
    script = ScriptForms(forms)
    table = str.maketrans(forms)
    few = [*list(forms)[:5], *list(forms.values())[:5], "中", "1", "\n"]
    many = [*list(forms)[: FEW_FORMS * 2], "中"]
    for text in [*_samples(few), *_samples(many), "".join(many)]:
        assert script.simplified(text) == text.translate(table)


def test_forms_that_chain_are_translated_in_one_pass():
    script = ScriptForms({"甲": "乙", "乙": "丙"})  # 乙 is a form and a simplified form
    assert script.simplified("甲乙") == "乙丙"
    assert ScriptForms({}).simplified("甲") == "甲"


def test_read_is_the_simplified_text_and_its_plain_numerals():
    forms = load_catalog().script_forms
    script = ScriptForms(forms)
    alphabet = [*list(forms)[:5], *_FORMS[0], *_FORMS[1], "队", "伍", "中", "1", "\n"]
    for text in ["", "中1", *_samples(alphabet)]:
        scan = script.simplified(text)
        assert script.read(text) == (scan, plain(scan))
