"""etl/rules/thresholds.py: a threshold naming a class, or a count of what it measures. Sentences written
for these tests in the style of a union's or a government's report (none copied from a report)."""

from __future__ import annotations

import pytest

from .helpers import figures_of


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # a class: firms of a hundred people or more, projects of 50 million yuan or more
        ("全市百人以上企业达到1200家。", ["1200家"]),
        ("5000万元以上项目120个。", ["120个"]),
        ("20人以上职工的企业建会率达到90%。", ["90%"]),  # 的: the people qualify the firms
        # a count: the measure word counts what the noun after the threshold is
        ("力争再帮助1万户以上困难职工家庭解困脱困。", ["1万户"]),
        ("確保年內實現100萬戶以上在檔困難職工解困脫困。", ["100萬戶"]),  # households of the workers named
        ("300名以上职工参加比赛。", ["300名"]),
        ("争取100个以上项目纳入国家用地保障范围。", ["100个"]),
        ("组织全局3000个以上班组开展劳动竞赛。", ["3000个"]),  # a counting word counts whatever its noun is
        ("年內實現5家以上企業入駐。", ["5家"]),
    ],
)
def test_a_threshold_names_a_class_unless_its_measure_word_counts_the_noun_after_it(text, surfaces):
    assert [f.surface for f in figures_of(text, 2012)] == surfaces
