"""SQL identifiers from a warehouse's own catalog, and texts, quoted: a table's name is a name, never SQL.

A warehouse someone opened for writing may hold a table named
`x"; copy (…) to '…'; --`. Every name zhibiao reads from a warehouse and puts
into a statement goes through `identifier`, the one rule: inside double
quotes, a double quote is doubled (SQL's own escape), so the name stays one
identifier whatever it holds.
"""

from __future__ import annotations

import re

PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def identifier(name: str) -> str:
    """'notes' -> '"notes"'; 'x"; drop' -> '"x""; drop"': one quoted SQL identifier."""
    if "\x00" in name:
        raise ValueError(f"a SQL name with a NUL character: {name!r}")
    return '"' + name.replace('"', '""') + '"'


def qualified(schema: str, name: str) -> str:
    """'core', 'notes' -> '"core"."notes"'."""
    return f"{identifier(schema)}.{identifier(name)}"


def shown(schema: str, name: str) -> str:
    """A name as a message shows it: 'main.notes' when plain, else quoted with control characters escaped."""
    if PLAIN.fullmatch(schema) and PLAIN.fullmatch(name):
        return f"{schema}.{name}"
    return "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in qualified(schema, name))


def literal(text: str) -> str:
    """ "it's" -> "'it''s'": one SQL string literal, whatever the text holds (a doc_id, say)."""
    if "\x00" in text:
        raise ValueError(f"a SQL string with a NUL character: {text!r}")
    return "'" + text.replace("'", "''") + "'"
