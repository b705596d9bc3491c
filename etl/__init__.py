"""zhibiao: figures from Chinese official work reports, in a DuckDB warehouse."""

__version__ = "0.1.0"
