"""Stage 2, catalog: the words and patterns of data/catalog/*.csv, checked when read,
and the compiled forms (word indexes, pre-checks) the rules look words up in."""

from etl.catalog.loader import CATALOG_DIR, Catalog, CatalogError, load_catalog

__all__ = ["CATALOG_DIR", "Catalog", "CatalogError", "load_catalog"]
