"""One report read (etl/rules/pipeline.py): the cyclic collector runs less often while it is read,
and runs as it did once it is read."""

from __future__ import annotations

import gc

import pytest

from etl.records import Source
from etl.rules import pipeline


@pytest.fixture
def thresholds():
    before = gc.get_threshold()
    yield
    gc.set_threshold(*before)


def test_a_report_is_read_with_fewer_collections_and_the_thresholds_come_back(thresholds, monkeypatch):
    seen = []
    real = pipeline.split_sentences
    monkeypatch.setattr(pipeline, "split_sentences", lambda text: seen.append(gc.get_threshold()) or real(text))
    gc.set_threshold(700, 10, 10)
    _, figures = pipeline.process(Source("t.txt", "t", report_year=2023), "全市新增就业1.2万人。".encode())
    assert [f.surface for f in figures] == ["1.2万人"]
    assert seen == [(pipeline.ALLOCATIONS_PER_COLLECTION, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.parametrize("young", [0, 50000])
def test_a_collector_turned_off_or_run_less_often_already_is_left_so(thresholds, young):
    gc.set_threshold(young, 10, 10)
    with pipeline.fewer_collections():
        assert gc.get_threshold() == (young, 10, 10)
    assert gc.get_threshold() == (young, 10, 10)


def test_the_thresholds_come_back_when_a_report_cannot_be_read(thresholds):
    gc.set_threshold(700, 10, 10)
    with pytest.raises(ValueError):
        pipeline.process(Source("t.txt", "t", report_year=2023), b"\x00\x01\x02" * 100)
    assert gc.get_threshold() == (700, 10, 10)
