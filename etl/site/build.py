"""`make report`: a static site from the warehouse that opens from disk, with no server and no network.

The edge of the site: it opens the warehouse read-only, reads what the pages need from the views
(etl/site/data.py), has each page built as a string (etl/site/index.py, series.py, programmes.py, text.py) and
writes the files whole or not at all (etl/site/files.py). docs/report.md describes the site.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.exports.queries import open_warehouse
from etl.exports.staging import Exported
from etl.site.compare import comparison_page, comparison_page_html, comparisons, read_compare
from etl.site.data import (
    figures_by_doc,
    read_documents,
    read_figures,
    read_programme_figures,
    read_programmes,
    read_series,
)
from etl.site.files import SiteError, SiteInterrupted, write_site
from etl.site.html import STYLE, programme_page, report_page, series_page
from etl.site.index import LeftOut, index_html
from etl.site.programmes import programme_page_html
from etl.site.series import series_page_html
from etl.site.text import report_page_html, series_of_figures

# The site stays a size a disk and a browser take in: at most this many series pages (catalogued series
# first, then the automatic ones, surest and longest first) and comparison pages; the index says what is left out.
MAX_SERIES_PAGES = 2000
MAX_COMPARISON_PAGES = 2000


def site_pages(con, max_series: int = MAX_SERIES_PAGES, max_comparisons: int = MAX_COMPARISON_PAGES) -> dict[str, str]:
    """Every file of the site, by name, from an open warehouse connection."""
    documents = read_documents(con)
    figures = read_figures(con)
    every_series = read_series(con)  # catalogued first, then the surest automatic ones
    series = every_series[:max_series]
    programmes = read_programmes(con)
    programme_figures = read_programme_figures(con)
    every_comparison = comparisons(read_compare(con))
    compared = dict(list(every_comparison.items())[:max_comparisons])
    build = _latest_build(con)
    left_out = LeftOut(len(every_series) - len(series), len(every_comparison) - len(compared))
    pages = {"style.css": STYLE, "index.html": index_html(documents, series, programmes, build, compared, left_out)}
    by_doc = figures_by_doc(figures)
    by_figure = series_of_figures(series)
    for doc in documents:
        pages[report_page(doc["doc_id"])] = report_page_html(doc, by_doc.get(doc["doc_id"], []), by_figure)
    for s in series:
        pages[series_page(s.publisher, s.series_id)] = series_page_html(s)
    series_pages = set(pages)
    for (metric_id, year), stated in compared.items():
        pages[comparison_page(metric_id, year)] = comparison_page_html(metric_id, year, stated, series_pages)
    grouped: dict[tuple[str, str, int], list[dict]] = {}
    for row in programmes:
        grouped.setdefault((row["publisher"], row["program_id"], row["year"]), []).append(row)
    for key, rows in grouped.items():
        publisher, program_id, year = key
        pages[programme_page(publisher, program_id, year)] = programme_page_html(rows, programme_figures[key])
    return pages


def _latest_build(con) -> dict | None:
    cursor = con.execute("select built_at, code_version, catalog_version from v1.builds order by built_at desc limit 1")
    row = cursor.fetchone()
    return dict(zip([d[0] for d in cursor.description], row, strict=True)) if row else None


def build_site(db: Path, out: Path) -> Exported:
    """Write the site for warehouse `db` into folder `out`, whole or not at all: the files written, and how.

    The warehouse is opened read-only with DuckDB's file access off (as query,
    export and check open it): a view someone changed cannot read a local file.
    """
    con = open_warehouse(db)
    try:
        pages = site_pages(con)
    except duckdb.InterruptException:
        raise SiteInterrupted(f"{out}: left as it was") from None
    except duckdb.Error as err:
        first = str(err).splitlines()[0]
        raise SiteError(f"{db}: cannot be read for the site ({first}); {out} was left as it was") from None
    finally:
        con.close()
    return write_site(pages, out)
