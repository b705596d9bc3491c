"""tools/script_forms.py: which simplified form a traditional character is read as."""

from __future__ import annotations

from collections import Counter

from etl.catalog import load_catalog
from tools.script_forms import agreed


def test_a_form_nearly_all_entries_give_is_the_form():
    assert agreed(Counter({"参": 102, "叁": 1})) == "参"  # 參: 叁 only as the banker's numeral
    assert agreed(Counter({"余": 134, "馀": 3})) == "余"  # 餘: 馀 in a surname and two variants
    assert agreed(Counter({"发": 40})) == "发"


def test_forms_the_entries_share_name_no_form():
    assert agreed(Counter({"谘": 5, "咨": 1})) is None  # 諮
    assert agreed(Counter({"干": 1, "乾": 1})) is None


def test_the_shipped_table_reads_them():
    catalog = load_catalog()
    assert catalog.simplified("參賽職工5200餘人") == "参赛职工5200余人"
    assert "於" not in catalog.script_forms and "乾" not in catalog.script_forms  # simplified characters too
