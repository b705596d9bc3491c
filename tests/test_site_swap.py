"""The site swapped into a folder that holds more than the site: what zhibiao's is, is what its list says.

A name that looks like a page is not enough (issue 27, review): a user's `report-my-notes.html`,
a folder `series-drafts.html`, are kept; only the plain files the previous site listed in its
`.zhibiao-files` are zhibiao's, and those the new site has not are removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.cli import main
from etl.exports import staging
from etl.site import files
from etl.site.build import build_site
from etl.warehouse.refresh import refresh


@pytest.fixture
def site(seed_folder, tmp_path):
    """A warehouse of two reports and its site, built once: (db, site folder, the names of its pages)."""
    (seed_folder / "copy.txt").write_bytes((seed_folder / "acftu-2020.txt").read_bytes())
    db = tmp_path / "w.duckdb"
    refresh(seed_folder, db, progress=False)
    out = tmp_path / "site"
    build_site(db, out)
    return db, out, sorted(p.name for p in out.iterdir())


def _report(db: Path, out: Path, capsys) -> tuple[int, str, str]:
    code = main(["report", "--db", str(db), "--out", str(out)])
    done = capsys.readouterr()
    return code, done.out, done.err


def _pages(names: list[str]) -> int:
    return len([n for n in names if n != ".zhibiao-files"])


def test_a_users_file_named_like_a_page_and_a_folder_named_like_one_are_kept(site, capsys):
    db, out, names = site
    (out / "report-my-notes.html").write_text("mine", encoding="utf-8")
    (out / "series-drafts.html").mkdir()
    (out / "series-drafts.html" / "a.txt").write_text("draft", encoding="utf-8")

    assert _report(db, out, capsys) == (
        0,
        f"{out / 'index.html'}: {_pages(names)} files, swapped in whole, keeping the 2 files zhibiao did not write; "
        "open it in a browser, no server needed\n",
        "",
    )
    assert (out / "report-my-notes.html").read_text(encoding="utf-8") == "mine"
    assert (out / "series-drafts.html" / "a.txt").read_text(encoding="utf-8") == "draft"
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "report-my-notes.html", "series-drafts.html"])
    assert staging.recorded(out) == set(names) - {".zhibiao-files"}  # the user's names never join the list


def test_a_rerun_removes_the_stale_pages_zhibiao_listed_and_keeps_a_listed_name_that_is_a_folder(site, capsys):
    db, out, names = site
    (out / "report-gone.html").write_text("old", encoding="utf-8")
    (out / "series-gone.html").mkdir()  # listed, but a folder is never a page of zhibiao's
    staging.record(out, ["report-gone.html", "series-gone.html"])

    assert _report(db, out, capsys)[:2] == (
        0,
        f"{out / 'index.html'}: {_pages(names)} files, swapped in whole, keeping the file zhibiao did not write; "
        "open it in a browser, no server needed\n",
    )
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "series-gone.html"])
    assert not (out / "report-gone.html").exists()


def test_a_users_file_with_the_name_of_a_new_page_is_refused_by_name_and_nothing_changes(site, capsys):
    db, out, names = site
    mine = out.parent / "mine"  # a folder of the user's, no list: its index.html is theirs
    mine.mkdir()
    (mine / "index.html").write_text("my own front page", encoding="utf-8")
    (mine / "notes.txt").write_text("mine", encoding="utf-8")

    assert _report(db, mine, capsys) == (
        1,
        "",
        f"report failed: {mine / 'index.html'}: zhibiao did not write it (its .zhibiao-files does not list it) "
        f"and the new site has a page of that name; move it away or give another OUT=<folder> (--out); "
        f"{mine} was left as it was\n",
    )
    assert {p.name: p.read_text(encoding="utf-8") for p in mine.iterdir()} == {
        "index.html": "my own front page",
        "notes.txt": "mine",
    }
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".mine")) == []


def test_an_old_site_without_the_list_is_refused_naming_one_page_and_counting_the_rest(site, capsys):
    db, out, names = site
    (out / ".zhibiao-files").unlink()
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    code, stdout, err = _report(db, out, capsys)
    assert (code, stdout) == (1, "")
    assert err.startswith(f"report failed: {out / 'index.html'} (and {_pages(names) - 1} more): zhibiao did not")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_clash_found_only_at_the_swap_is_refused_too(site, monkeypatch, capsys):
    db, out, names = site
    real = files._swap

    def user_writes_then_swap(staging_folder, target, pages):
        (target / "style.css").unlink()
        (target / "style.css").mkdir()  # a folder of the user's, where a page goes, after the first look
        return real(staging_folder, target, pages)

    monkeypatch.setattr(files, "_swap", user_writes_then_swap)
    code, stdout, err = _report(db, out, capsys)
    assert (code, stdout) == (1, "")
    assert err.startswith(f"report failed: {out / 'style.css'}: zhibiao did not write it")
    assert (out / "style.css").is_dir()
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".site")) == []


def test_page_by_page_keeps_the_users_files_and_removes_only_listed_stale_pages(site, monkeypatch, capsys):
    db, out, names = site
    (out / "report-my-notes.html").write_text("mine", encoding="utf-8")
    (out / "report-gone.html").write_text("old", encoding="utf-8")
    staging.record(out, ["report-gone.html"])
    monkeypatch.setattr(files, "link_the_rest", lambda *_: False)  # as when a file cannot be linked

    code, stdout, _ = _report(db, out, capsys)
    assert (code, stdout) == (
        0,
        f"{out / 'index.html'}: {_pages(names)} files, page by page, each replacing its old version "
        "(the folder is a link or holds files that cannot be linked); open it in a browser, no server needed\n",
    )
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "report-my-notes.html"])
    assert (out / "report-my-notes.html").read_text(encoding="utf-8") == "mine"
    assert staging.recorded(out) == set(names) - {".zhibiao-files"}


def test_a_folder_without_the_list_keeps_an_old_page_zhibiao_cannot_prove_it_wrote(site, capsys):
    db, out, names = site
    (out / ".zhibiao-files").unlink()
    for name in names:
        if name != ".zhibiao-files":
            (out / name).unlink()
    (out / "report-old.html").write_text("an old site's page, or the user's", encoding="utf-8")

    assert _report(db, out, capsys)[0] == 0
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "report-old.html"])
