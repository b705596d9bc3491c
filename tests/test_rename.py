"""A manifest row added for a file already loaded (the same bytes, a new doc_id) is a rename, not a loss."""

from __future__ import annotations

import shutil

from .conftest import SEED, query
from .helpers import refresh_cli

HEADER = "file,doc_id,title,publisher,published_on,report_year\n"


def test_a_manifest_row_for_a_loaded_file_renames_its_document_and_publishes_without_force(tmp_path):
    folder, db = tmp_path / "reports", tmp_path / "w.duckdb"
    folder.mkdir()
    shutil.copy(SEED, folder / "浙江-2026.txt")
    assert refresh_cli(folder, db).returncode == 0  # no manifest: doc_id 浙江-2026, from the file's name
    assert query(db, "select doc_id from v1.documents") == [("浙江-2026",)]

    (folder / "manifest.csv").write_text(HEADER + "浙江-2026.txt,zhejiang-2026,,工人日报,,2020\n", encoding="utf-8")
    done = refresh_cli(folder, db)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["浙江-2026 is now zhejiang-2026"]
    assert query(db, "select doc_id, publisher from v1.documents") == [("zhejiang-2026", "工人日报")]


def test_new_bytes_under_a_new_doc_id_are_still_a_loss(tmp_path):
    folder, db = tmp_path / "reports", tmp_path / "w.duckdb"
    folder.mkdir()
    shutil.copy(SEED, folder / "浙江-2026.txt")
    assert refresh_cli(folder, db).returncode == 0
    (folder / "浙江-2026.txt").write_bytes(SEED.read_bytes() + "\n新增一句。\n".encode())
    (folder / "manifest.csv").write_text(HEADER + "浙江-2026.txt,zhejiang-2026,,工人日报,,2020\n", encoding="utf-8")
    done = refresh_cli(folder, db)
    assert done.returncode == 1
    assert f"  document 浙江-2026 is in {db} but not in this refresh" in done.stderr.splitlines()
    assert query(db, "select doc_id from v1.documents") == [("浙江-2026",)]
