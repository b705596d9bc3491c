"""Stage 5, warehouse: the DuckDB file (tables, views, checks), built by a refresh that
extracts changed reports in workers and publishes atomically."""
