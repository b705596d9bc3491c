"""The fast paths of the text step give what the plain operations they replace give."""

import random
import unicodedata

from etl.text.normalize import _nfkc_by_line
from etl.text.numbers import _FORMS, HAS_OTHER_FORMS, PLAIN_FORMS, clean, plain


def _samples(alphabet: list[str], n: int = 3000) -> list[str]:
    rng = random.Random(7)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def test_plain_is_the_translation_by_plain_forms():
    """As it was written: text.translate(PLAIN_FORMS) when the text holds a form other than 伍, 陆, 拾."""
    assert not set(_FORMS[0]) & set(_FORMS[1])  # no plain form is a form: replacements do not chain
    alphabet = [*_FORMS[0], *_FORMS[1], "队", "大", "收", "1", "。", "\n"]
    for text in _samples(alphabet):
        assert plain(text) == (text.translate(PLAIN_FORMS) if HAS_OTHER_FORMS.search(text) else text)


def test_nfkc_line_by_line_is_nfkc_of_the_whole():
    # Characters NFKC changes or composes across: wide forms, Roman numerals, compatibility
    # ideographs, combining marks, Hangul jamo, line breaks between them.
    alphabet = [*"ＡＢ１２，％Ⅰ Ⅲ ℃㎡…ﬁ", "e", "\u0301", "\u0327", "\u1100", "\u1161", "\u11a8", "\uf900", "中", "\n"]
    for text in _samples(alphabet):
        assert _nfkc_by_line(text) == unicodedata.normalize("NFKC", text)


def test_clean_keeps_whole_numbers_as_the_round_trip_does():
    rng = random.Random(11)
    values = [0.0, -0.0, 1.0, 999999999999.0, 1e12, -1e12, 1e12 + 1, 123456789012.0, 2.18 * 1e12, 0.1 + 0.2]
    values += [float(rng.randint(-(10**13), 10**13)) for _ in range(2000)]
    values += [rng.random() * 10 ** rng.randint(0, 15) for _ in range(2000)]
    for value in values:
        expected = float(f"{value:.12g}")
        assert clean(value) == expected and str(clean(value)) == str(expected)
