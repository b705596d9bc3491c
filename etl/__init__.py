"""zhibiao: figures from Chinese official work reports, in a DuckDB warehouse."""

from pathlib import Path

__version__ = "0.1.0"


def _shipped(folder: str) -> Path:
    """A folder at the top of the repository that ships with the package (sql/).

    An install from a wheel puts it inside the package, as etl/<folder>
    (pyproject.toml maps it there); a checkout and an editable install find it
    beside the package, where it is kept.
    """
    inside = Path(__file__).resolve().parent / folder
    return inside if inside.is_dir() else inside.parent.parent / folder


SQL_DIR = _shipped("sql")  # the warehouse's SQL files: core tables, build steps, views, ready questions
