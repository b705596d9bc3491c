"""The site at its edges: reports without a publisher, ids longer than a file name may be, awkward OUT folders."""

from __future__ import annotations

import hashlib
import re

import pytest

from etl.site.build import build_site
from etl.site.html import slug
from etl.warehouse.refresh import refresh


@pytest.fixture
def no_publisher(seed_folder, tmp_path):
    """A warehouse of two reports with no manifest row, so with no publisher."""
    (seed_folder / "copy.txt").write_bytes((seed_folder / "acftu-2020.txt").read_bytes())
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    return db


def test_reports_without_a_publisher_get_a_section_of_their_own_on_the_front_page(no_publisher, tmp_path):
    written = build_site(no_publisher, tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    section = index.split('<section id="p-none">', 1)[1].split("</section>", 1)[0]
    assert '<h2 lang="zh">no publisher (a file without a manifest row)</h2>' in section
    assert re.findall(r'href="(report-[^"]+)"', section) == ["report-acftu-2020.html", "report-copy.html"]
    assert (tmp_path / "site" / "report-copy.html") in written
    report = (tmp_path / "site" / "report-copy.html").read_text(encoding="utf-8")
    assert '<a href="index.html#p-none">no publisher (a file without a manifest row)</a>' in report


def test_a_very_long_id_makes_a_page_name_a_file_system_accepts():
    long_id = "a" * 300
    name = slug(long_id)
    assert name == "a" * 80 + "-" + hashlib.sha1(long_id.encode()).hexdigest()[:8]
    assert slug("a" * 299 + "b") != name
    assert slug("govreport-2020") == "govreport-2020"
