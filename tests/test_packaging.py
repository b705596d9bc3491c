"""sql/ ships with the package: an install from a wheel, not only a checkout, builds the warehouse."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile

import pytest

from etl import CATALOG_DIR, SQL_DIR

from .conftest import RAW, ROOT, query

SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_a_checkout_finds_sql_and_the_catalog_at_the_top_of_the_repository():
    assert SQL_DIR == ROOT / "sql"
    assert CATALOG_DIR == ROOT / "data" / "catalog"


def test_pyproject_names_every_package_and_every_sql_folder():
    folders = sorted(
        ".".join(p.relative_to(ROOT).parts) for p in (ROOT / "etl").rglob("*") if p.is_dir() and p.name != "__pycache__"
    )
    sql_folders = sorted(f"etl.sql.{p.name}" for p in SQL_DIR.iterdir() if p.is_dir())
    assert sorted(SETUPTOOLS["packages"]) == sorted(["etl", *folders, "etl.sql", *sql_folders, "etl.data.catalog"])
    assert SETUPTOOLS["package-dir"] == {"etl.sql": "sql", "etl.data.catalog": "data/catalog"}
    assert SETUPTOOLS["package-data"]["etl.data.catalog"] == ["*.csv"]
    assert {name: SETUPTOOLS["package-data"].get(name) for name in sql_folders} == {n: ["*.sql"] for n in sql_folders}


def test_a_refresh_run_from_an_installed_wheel_elsewhere_builds_the_same_warehouse(warehouse, tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "etl", source / "etl", ignore=ignore)
    shutil.copytree(ROOT / "sql", source / "sql", ignore=ignore)
    shutil.copytree(ROOT / "data" / "catalog", source / "data" / "catalog", ignore=ignore)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(source), "-w", str(tmp_path / "dist")],
        capture_output=True,
        text=True,
    )
    if built.returncode and "No matching distribution found for setuptools" in built.stderr:
        pytest.skip("no package index to fetch the build backend (setuptools) from")
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("zhibiao-*.whl")
    installed = tmp_path / "installed"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(installed)
        names = archive.namelist()
    assert "etl/sql/views.txt" in names and "etl/sql/core/figures.sql" in names and "etl/sql/v1/yoy.sql" in names
    assert "etl/data/catalog/words.csv" in names and not any(name.startswith("etl/data/raw") for name in names)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run(
        [sys.executable, "-c", "import etl; print(etl.SQL_DIR); print(etl.CATALOG_DIR)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert where.stdout.split() == [str(installed / "etl" / "sql"), str(installed / "etl" / "data" / "catalog")]
    done = subprocess.run(
        [sys.executable, "-m", "etl", "refresh", "--sources", str(RAW), "--db", "w.duckdb"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    listing = (
        "select table_schema || '.' || table_name from information_schema.tables "
        "where table_schema in ('v1', 'v2') order by 1"
    )
    views = query(warehouse, listing)
    assert query(elsewhere / "w.duckdb", listing) == views
    for (view,) in views:
        counted = f"select count(*) from {view}"
        assert query(elsewhere / "w.duckdb", counted) == query(warehouse, counted)
    figures = "select * from v2.figures order by all"
    assert query(elsewhere / "w.duckdb", figures) == query(warehouse, figures)
