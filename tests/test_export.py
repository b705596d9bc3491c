"""Exports read back equal to the views, in a form Excel shows correctly."""

from __future__ import annotations

import pandas as pd

from etl.export import export, plain_number

from .conftest import query


def test_plain_numbers_never_use_scientific_notation():
    assert plain_number(2492000000.0) == "2492000000"
    assert plain_number(0.125) == "0.125"
    assert plain_number(1e21) == "1000000000000000000000"


def test_csv_exports_read_back_equal_to_the_views(warehouse, tmp_path):
    paths = export(warehouse, tmp_path)
    figures_csv = tmp_path / "v1_figures.csv"
    assert figures_csv in paths and (tmp_path / "zhibiao_v1.xlsx") in paths
    raw = figures_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(figures_csv, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    rows = query(warehouse, "select surface, value, sentence from v1.figures order by figure_id")
    exported = sorted(zip(frame.figure_id, frame.surface, frame.value, frame.sentence, strict=True))
    assert [(s, float(v), sen) for _, s, v, sen in exported] == [(s, v, sen) for s, v, sen in rows]
    assert "2492000000" in set(frame.value)
    assert [v for v in frame.value if "e" in v.lower()] == []


def test_the_workbook_has_a_sheet_per_view(warehouse, tmp_path):
    export(warehouse, tmp_path)
    sheets = pd.ExcelFile(tmp_path / "zhibiao_v1.xlsx").sheet_names
    assert {"documents", "figures"} <= set(sheets)
