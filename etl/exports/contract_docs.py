"""What each view and column means, as the contract says it (docs/schema.md, docs/series.md): comments for tables
that leave the warehouse (a PostgreSQL publish), so an analyst's tool shows the meaning beside the name.

A view's section is `## v1.figures` with a table of `| column | type | meaning |` rows; a row may name several
columns (`doc_id, title, … | | as in v1.documents`), and a view that repeats another's columns (v2.figures,
"every column of v1.figures") takes the meanings it does not state from the view of the same name in the other
version. The docs ship with a checkout, not inside a wheel: without them there are no comments.
"""

from __future__ import annotations

import re
from pathlib import Path

from etl import SQL_DIR

DOCS_DIR = SQL_DIR.parent / "docs"
PAGES = ("schema.md", "series.md")
SECTION = re.compile(r"^## (v\d+)\.(\w+)\n(.*?)(?=^## |\Z)", re.M | re.S)
ROW = re.compile(r"^\| ([a-z0-9_, ]+) \| ?([A-Z]*) ?\| (.+?) \|$", re.M)
AS_IN = re.compile(r"^as in (v\d+)\.(\w+)$")


def column_meanings(docs: Path = DOCS_DIR) -> dict[tuple[str, str], dict[str, str]]:
    """{(version, view): {column: meaning}} for every view the docs describe; {} without the docs."""
    stated: dict[tuple[str, str], dict[str, str]] = {}
    for page in PAGES:
        path = Path(docs) / page
        if not path.is_file():
            continue
        for version, view, body in SECTION.findall(path.read_text(encoding="utf-8")):
            columns = stated.setdefault((version, view), {})
            for names, _type, meaning in ROW.findall(body):
                for name in names.split(", "):
                    if name != "column":
                        columns[name] = meaning.strip()
    return {key: _resolved(key, columns, stated) for key, columns in stated.items()}


def meaning_of(meanings: dict, version: str, view: str, column: str) -> str | None:
    """The column's meaning, else the meaning of the same column of the view of that name in another version."""
    found = meanings.get((version, view), {}).get(column)
    for (other_version, other_view), columns in sorted(meanings.items()):
        if found is None and other_view == view and other_version != version:
            found = columns.get(column)
    return found


def _resolved(key, columns: dict[str, str], stated: dict) -> dict[str, str]:
    """`as in v1.documents` replaced by what v1.documents says of the column, when it says it."""
    out = {}
    for name, meaning in columns.items():
        match = AS_IN.match(meaning)
        if match and (match.group(1), match.group(2)) != key:
            meaning = stated.get((match.group(1), match.group(2)), {}).get(name, meaning)
        out[name] = meaning
    return out
