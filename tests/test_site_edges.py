"""The site at its edges: reports without a publisher, ids longer than a file name may be, awkward OUT folders."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from etl.cli import main
from etl.site import files
from etl.site.build import build_site
from etl.site.html import slug
from etl.warehouse.refresh import refresh

from .conftest import ROOT


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
    assert (tmp_path / "site" / "report-copy.html") in written.paths
    report = (tmp_path / "site" / "report-copy.html").read_text(encoding="utf-8")
    assert '<a href="index.html#p-none">no publisher (a file without a manifest row)</a>' in report


def test_a_very_long_id_makes_a_page_name_a_file_system_accepts():
    long_id = "a" * 300
    name = slug(long_id)
    assert name == "a" * 80 + "-" + hashlib.sha1(long_id.encode()).hexdigest()[:8]
    assert slug("a" * 299 + "b") != name
    assert slug("govreport-2020") == "govreport-2020"


def _report(db, out):
    return subprocess.run(
        [sys.executable, "-m", "etl", "report", "--db", str(db), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def site(no_publisher, tmp_path):
    """The warehouse and its site, built once: (db, site folder, its files)."""
    out = tmp_path / "site"
    build_site(no_publisher, out)
    return no_publisher, out, _snapshot(out)


def test_a_view_that_reads_a_local_file_cannot_reach_the_site(site, tmp_path):
    db, out, before = site
    secret = tmp_path / "secret.txt"
    secret.write_text("the password", encoding="utf-8")
    con = duckdb.connect(str(db))
    con.execute(
        "create or replace view v1.builds as select b.built_at, s.content as code_version, b.catalog_version "
        f"from core.builds b, read_text('{secret}') s"
    )
    con.close()
    done = _report(db, out)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"report failed: {db}: cannot be read for the site (Permission Error: Cannot access file "
        f'"{secret}" - file system operations are disabled by configuration); {out} was left as it was'
    ]
    assert _snapshot(out) == before


def test_an_out_that_is_a_file_is_one_line(no_publisher, tmp_path):
    taken = tmp_path / "taken.txt"
    taken.write_text("mine", encoding="utf-8")
    done = _report(no_publisher, taken)
    assert (done.returncode, done.stderr) == (
        1,
        f"report failed: {taken}: not a folder; give another with OUT=<folder> (--out); nothing was written\n",
    )
    assert taken.read_text(encoding="utf-8") == "mine"


def test_a_report_killed_while_writing_pages_leaves_the_old_site_whole(site, tmp_path):
    db, out, before = site
    con = duckdb.connect(str(db))
    con.execute("update core.documents set title = 'changed' where doc_id = 'copy'")
    con.close()
    script = textwrap.dedent(
        f"""
        import os, signal
        from etl.site import files
        made = []
        real = files.create_new
        def dying(path):
            made.append(path)
            if len(made) == 5:
                os.kill(os.getpid(), signal.SIGKILL)
            return real(path)
        files.create_new = dying
        from etl.cli import main
        main(["report", "--db", {str(db)!r}, "--out", {str(out)!r}])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert _snapshot(out) == before
    assert [p.name.startswith(".site.building-") for p in tmp_path.iterdir() if p.name.startswith(".site")] == [True]

    again = _report(db, out)
    assert again.returncode == 0, again.stderr
    assert "changed" in (out / "report-copy.html").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def test_ctrl_c_while_the_pages_are_written_leaves_the_site_and_says_so(site, monkeypatch, capsys):
    db, out, before = site
    real = files.create_new

    def interrupted(path):
        if path.name == "index.html":
            return real(path)
        raise KeyboardInterrupt

    monkeypatch.setattr(files, "create_new", interrupted)
    assert main(["report", "--db", str(db), "--out", str(out)]) == 130
    assert capsys.readouterr().err == f"interrupted; {out}: left as it was\n"
    assert _snapshot(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".site")] == []


def test_ctrl_c_during_the_swap_is_held_until_the_new_site_is_in_place_and_says_so(site, monkeypatch, capsys):
    db, out, before = site
    (out / "report-gone.html").write_text("old", encoding="utf-8")
    with open(out / ".zhibiao-files", "a", encoding="utf-8") as fh:
        fh.write("report-gone.html\n")  # a page an earlier site wrote, for a report that is gone
    real = files._swap

    def interrupted_then_swap(staging, target, names):
        os.kill(os.getpid(), signal.SIGINT)  # held off: raised once the swap is done
        real(staging, target, names)

    monkeypatch.setattr(files, "_swap", interrupted_then_swap)
    assert main(["report", "--db", str(db), "--out", str(out)]) == 130
    assert capsys.readouterr().err == f"interrupted; {out}: the new site is in place\n"
    assert sorted(_snapshot(out)) == sorted(before)  # report-gone.html, listed, went with the old site
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".site")] == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs /proc, a folder no one can write into")
def test_an_out_no_one_can_write_into_is_one_line(no_publisher):
    done = _report(no_publisher, "/proc/zhibiao-site")
    [line] = done.stderr.splitlines()
    assert done.returncode == 1
    assert line.startswith("report failed: /proc/.zhibiao-site.building-") and line.endswith("; nothing was written")


@pytest.mark.parametrize("one_step", [True, False], ids=["exchange", "two-renames"])
def test_a_file_made_in_the_site_between_the_check_and_the_swap_is_kept(site, monkeypatch, capsys, one_step):
    db, out, before = site
    real = files.exchange

    def made_just_before(staging, target):
        (target / "notes.txt").write_text("mine", encoding="utf-8")  # after the last check, before the swap
        return real(staging, target) if one_step else False

    monkeypatch.setattr(files, "exchange", made_just_before)
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    assert (
        capsys.readouterr().out
        == f"{out / 'index.html'}: {len(before) - 1} files, swapped in whole; open it in a browser, no server needed\n"
    )
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(_snapshot(out)) == sorted([*before, "notes.txt"])
    assert [p.name for p in out.parent.iterdir() if p.name.startswith((".site", "site."))] == []


def test_a_file_made_in_the_old_site_after_the_swap_is_moved_into_the_new_one(site, monkeypatch):
    db, out, before = site
    (out / "mine").mkdir()
    (out / "mine" / "a.txt").write_text("a", encoding="utf-8")
    real = files.settle_old

    def shell_in_the_old_folder(old, target, ours):
        # a shell whose working folder was the site writes there: into the old folder, now swapped out
        (old / "b.txt").write_text("b", encoding="utf-8")
        (old / "mine" / "c.txt").write_text("c", encoding="utf-8")
        return real(old, target, ours)

    monkeypatch.setattr(files, "settle_old", shell_in_the_old_folder)
    written = build_site(db, out)
    assert written.how == "swapped in whole, keeping the file zhibiao did not write"
    assert (out / "b.txt").read_text(encoding="utf-8") == "b"
    assert sorted(p.name for p in (out / "mine").iterdir()) == ["a.txt", "c.txt"]
    assert [p.name for p in out.parent.iterdir() if p.name.startswith((".site", "site."))] == []


def test_a_file_made_during_the_swap_with_the_name_of_a_page_keeps_the_old_site_beside(site, monkeypatch):
    db, out, before = site
    real = files.exchange

    def page_made_just_before(staging, target):
        (target / "report-new.html").write_text("mine", encoding="utf-8")  # a page of the new site, say
        (staging / "report-new.html").write_text("zhibiao's", encoding="utf-8")
        return real(staging, target)

    monkeypatch.setattr(files, "exchange", page_made_just_before)
    written = build_site(db, out)
    [kept] = [p for p in out.parent.iterdir() if p.name.startswith("site.kept-")]
    assert written.how == (
        f"swapped in whole; {kept / 'site'}: the previous folder, kept for report-new.html, made while it was swapped"
    )
    assert (kept / "site" / "report-new.html").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in (kept / "site").iterdir()) == ["report-new.html"]  # the old pages went
    assert (out / "report-new.html").read_text(encoding="utf-8") == "zhibiao's"


def test_the_old_site_a_killed_report_left_after_its_swap_gives_back_the_files_saved_into_it(site):
    db, out, before = site
    left = out.parent / ".site.building-4194303-killed"  # no such process: killed after it swapped
    left.mkdir()
    (left / ".zhibiao-files").write_text("index.html\nreport-gone.html\n", encoding="utf-8")
    (left / "index.html").write_text("an old page", encoding="utf-8")
    (left / "report-gone.html").write_text("an old page", encoding="utf-8")
    (left / "saved-while-swapped.txt").write_text("mine", encoding="utf-8")
    build_site(db, out)
    assert (out / "saved-while-swapped.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(_snapshot(out)) == sorted([*before, "saved-while-swapped.txt"])
    assert [p.name for p in out.parent.iterdir() if p.name.startswith((".site", "site."))] == []
