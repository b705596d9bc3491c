"""Views to files an analyst opens in a spreadsheet: CSV per view, one XLSX workbook.

CSV is UTF-8 with a BOM so that Excel shows Chinese, and numbers are written
in plain notation, never 2.492e+09. Reads go through a SQLAlchemy engine so the
same code can later point at a server database.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pandas as pd
import sqlalchemy as sa


def engine(db: Path) -> sa.Engine:
    """A read-only SQLAlchemy engine on the warehouse."""
    return sa.create_engine(f"duckdb:///{Path(db)}", connect_args={"read_only": True})


def view_names(eng: sa.Engine, version: str = "v1") -> list[str]:
    with eng.connect() as con:
        rows = con.execute(
            sa.text(
                "select table_name from information_schema.tables "
                "where table_schema = :schema and table_type = 'VIEW' order by table_name"
            ),
            {"schema": version},
        )
        return [r[0] for r in rows]


def read_view(eng: sa.Engine, name: str, version: str = "v1") -> pd.DataFrame:
    with eng.connect() as con:
        return pd.read_sql_query(sa.text(f'select * from {version}."{name}"'), con)


def plain_number(value):
    """2492000000.0 -> '2492000000'; 0.125 -> '0.125'; never scientific notation."""
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    return value


def export(db: Path, out: Path, version: str = "v1", workbook: bool = True) -> list[Path]:
    """Write one CSV per view of `version` (and one XLSX workbook) into `out`."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    eng = engine(db)
    written = []
    frames = {}
    try:
        for name in view_names(eng, version):
            frame = read_view(eng, name, version)
            frames[name] = frame
            csv_frame = frame.copy()
            for column in csv_frame.columns:
                if pd.api.types.is_float_dtype(csv_frame[column]):
                    csv_frame[column] = csv_frame[column].map(plain_number).astype(object)
            path = out / f"{version}_{name}.csv"
            csv_frame.to_csv(path, index=False, encoding="utf-8-sig")
            written.append(path)
        if workbook:
            path = out / f"zhibiao_{version}.xlsx"
            with pd.ExcelWriter(path, engine="openpyxl") as writer:
                for name, frame in frames.items():
                    _excel_safe(frame).to_excel(writer, sheet_name=name[:31], index=False)
            written.append(path)
    finally:
        eng.dispose()
    return written


def _excel_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel cells hold at most 32,767 characters: document texts are cut there."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object or pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(lambda v: v[:32000] if isinstance(v, str) else v)
    return frame
