"""Hostile text: the extractor never raises and every offset points at its surface.

Random Unicode, the seed report cut at random places, and numbers written with
odd separators and magnitudes ('1,2,3', '１２.３万亿', '三亿二千万万', '..5',
'百分之') are fed to the text functions and to the whole pipeline on bytes.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from etl.records import Source
from etl.rules.mentions import find_mentions
from etl.rules.pipeline import process
from etl.text.decode import DecodeError
from etl.text.normalize import normalize

from .conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ODD_NUMBERS = [
    "1,2,3",
    "１２.３万亿",
    "三亿二千万万",
    "..5",
    "百分之",
    "百分之百分之",
    "1,234,5678",
    "0.0.0",
    "99999999999999999999999亿",
    "1e308亿元",
    "万亿亿万",
    "零点",
    "十百千",
    "两千余万名",
    "-5%",
    "6-6.5%",
    "〔2022〕8号",
    "1.2万亿元人民币",
    "约３００多名",
    "百分之一点百",
    "9" * 400 + "名",
]
NUMBER_PIECES = st.sampled_from(
    list("0123456789０１２３４５６７８９,，.．、点零〇一二两三四五六七八九十百千万亿%％-~～—至多余约近")
    + ["百分之", "万亿", "亿元", "万元", "名", "人", "家", "个", "户", "人次", "元", "以上", "以下", "第", "“", "”"]
)
ODD_NUMBER = st.one_of(
    st.sampled_from(ODD_NUMBERS),
    st.lists(NUMBER_PIECES, min_size=1, max_size=10).map("".join),
)


@st.composite
def cut_seed(draw):
    """The seed report cut at two random places."""
    start = draw(st.integers(0, len(SEED_TEXT)))
    end = draw(st.integers(start, min(len(SEED_TEXT), start + 3000)))
    return SEED_TEXT[start:end]


@st.composite
def mutated_seed(draw):
    """A stretch of the seed with odd numbers, random characters and line ends spliced in."""
    text = draw(cut_seed())
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        piece = draw(
            st.one_of(ODD_NUMBER, st.text(max_size=8), st.sampled_from(["\r\n", "\r", "\n", "\u3000", "\ufeff"]))
        )
        text = text[:at] + piece + text[at:]
    return text


REPORT_TEXT = st.one_of(st.text(max_size=400), cut_seed(), mutated_seed(), ODD_NUMBER)


def _assert_mentions_point_at_their_surface(text: str) -> None:
    for mention in find_mentions(text):
        assert 0 <= mention.char_start < mention.char_end <= len(text), mention
        assert text[mention.char_start : mention.char_end] == mention.surface, mention


@FUZZ
@given(REPORT_TEXT)
@example("1,2,3名")
@example("１２.３万亿元")
@example("三亿二千万万人")
@example("..5亿元")
@example("百分之")
def test_find_mentions_on_raw_text_keeps_offsets_inside_and_surfaces_exact(text):
    _assert_mentions_point_at_their_surface(text)


@FUZZ
@given(REPORT_TEXT)
def test_normalize_never_raises_and_find_mentions_agrees_on_its_output(text):
    normal = normalize(text)
    assert isinstance(normal, str)
    assert "\r" not in normal
    _assert_mentions_point_at_their_surface(normal)


def _assert_pipeline_is_sound(raw: bytes) -> None:
    try:
        document, figures = process(Source("fuzz.txt", "fuzz"), raw)
    except DecodeError:
        return
    text = document.text
    assert document.n_chars == len(text)
    for f in figures:
        assert 0 <= f.sentence_start <= f.char_start < f.char_end <= f.sentence_end <= len(text), f
        assert text[f.char_start : f.char_end] == f.surface, f
        assert text[f.sentence_start : f.sentence_end] == f.sentence, f
        assert math.isfinite(f.value) and ((f.value < 0) == f.surface.startswith(("-", "−", "负"))), f


@FUZZ
@given(REPORT_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_the_pipeline_on_encoded_text_never_raises_and_offsets_hold(text, encoding):
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    _assert_pipeline_is_sound(raw)


@FUZZ
@given(st.binary(max_size=600))
def test_the_pipeline_on_random_bytes_raises_only_decode_error(raw):
    _assert_pipeline_is_sound(raw)


@FUZZ
@given(cut_seed(), st.binary(min_size=1, max_size=16), st.data())
def test_the_pipeline_on_damaged_bytes_raises_only_decode_error(text, noise, data):
    raw = text.encode("utf-8")
    at = data.draw(st.integers(0, len(raw)))
    _assert_pipeline_is_sound(raw[:at] + noise + raw[at:])


def test_a_very_long_digit_run_gives_a_finite_value_or_no_figure():
    _, figures = process(Source("a.txt", "a", report_year=2020), ("全国共有" + "9" * 400 + "名职工。").encode())
    assert all(math.isfinite(f.value) for f in figures)


def test_a_percent_in_words_with_a_magnitude_after_the_point_does_not_raise():
    text = "百分之一点百"
    _assert_mentions_point_at_their_surface(text)
