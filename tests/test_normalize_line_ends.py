"""Windows (CRLF) and old Mac (lone CR) line ends normalise exactly like LF."""

from __future__ import annotations

import pytest

from etl.text.normalize import normalize

from .conftest import SEED

LF = "一、工作回顾\n全总安排资金24.92亿元，\n慰问551.07万人。\n\n其中劳模1689名。\n"


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_every_line_end_gives_the_lf_text(line_end):
    assert normalize(LF.replace("\n", line_end)) == normalize(LF)


def test_lf_text_keeps_headings_and_joins_a_broken_line():
    # NFKC turns the full-width comma into a plain one.
    assert normalize(LF) == "一、工作回顾\n全总安排资金24.92亿元,慰问551.07万人。\n其中劳模1689名。"


def test_mixed_line_ends_in_one_file_give_the_lf_text():
    mixed = "一、工作回顾\r\n全总安排资金24.92亿元，\r慰问551.07万人。\n\r\n其中劳模1689名。\r"
    assert normalize(mixed) == normalize(LF)


@pytest.mark.parametrize("line_end", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_the_seed_report_normalises_the_same_with_any_line_end(line_end):
    text = SEED.read_text(encoding="utf-8")
    assert normalize(text.replace("\n", line_end)) == normalize(text)
    assert "\r" not in normalize(text.replace("\n", line_end))
