"""zhibiao: figures from Chinese official work reports, in a DuckDB warehouse."""

from pathlib import Path

__version__ = "0.1.0"


def _shipped(folder: str) -> Path:
    """A folder of the repository that ships with the package (sql/, data/catalog/).

    An install from a wheel puts it inside the package, as etl/<folder>
    (pyproject.toml maps it there); a checkout and an editable install find it
    beside the package, where it is kept.
    """
    package = Path(__file__).resolve().parent
    inside = package / folder
    return inside if inside.is_dir() else package.parent / folder


SQL_DIR = _shipped("sql")  # the warehouse's SQL files: core tables, build steps, views, ready questions
CATALOG_DIR = _shipped("data/catalog")  # the catalogs analysts extend: the default of --catalog
