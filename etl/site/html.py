"""The site's page frame, style sheet, file names and small HTML helpers.

Pages are plain HTML strings: no script, every text escaped with html.escape, one style
sheet (style.css) with print rules. File names are ASCII so that the site opens from any disk.
"""

from __future__ import annotations

import hashlib
import re
from html import escape

FONT_STACK = (
    '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
)

STYLE = f"""\
:root {{ --ink: #1d1d1f; --muted: #5a5a5f; --line: #d8d8dc; --outcome: #1f5fa8; --target: #b03a2e; }}
body {{ font-family: {FONT_STACK}; color: var(--ink); margin: 0 auto; max-width: 70rem; padding: 0 1rem 3rem;
  line-height: 1.6; }}
a {{ color: var(--outcome); }}
a:focus-visible, mark.fig a:focus {{ outline: 3px solid #f0a500; outline-offset: 1px; }}
.skip {{ position: absolute; left: -999px; }} .skip:focus {{ left: 1rem; top: .5rem; background: #fff; }}
header nav {{ padding: .75rem 0; border-bottom: 1px solid var(--line); }}
h1 {{ font-size: 1.6rem; margin: 1rem 0 .25rem; }} h2 {{ margin-top: 2rem; }}
.nowrap {{ white-space: nowrap; }}
.meta {{ color: var(--muted); margin-top: 0; }}
table {{ border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }}
th, td {{ border-bottom: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }}
td.num, th.num {{ text-align: right; white-space: nowrap; }}
caption {{ text-align: left; font-weight: bold; padding-bottom: .25rem; }}
.chart-and-table {{ display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }}
figure {{ margin: 0; }} figcaption {{ color: var(--muted); font-size: .9rem; max-width: 720px; }}
svg.chart {{ max-width: 100%; height: auto; }}
svg.chart a:focus circle, svg.chart a:focus path {{ stroke: #f0a500; stroke-width: 4; }}
.target {{ color: var(--target); }}
.report-text {{ white-space: pre-wrap; font-size: 1.05rem; line-height: 1.9; max-width: 46rem; }}
mark.fig {{ background: #fff2b3; padding: 0 .1em; border-radius: 2px; scroll-margin-top: 4rem; }}
mark.fig.is-target {{ background: #fde0dc; }}
mark.fig a {{ color: inherit; text-decoration: none; border-bottom: 1px dotted var(--muted); }}
mark.fig:target {{ outline: 3px solid #f0a500; background: #ffd84d; }}
.tip {{ display: none; position: absolute; z-index: 2; margin-top: 1.9em; margin-left: -3em; width: max-content; max-width: 22rem;
  white-space: normal; background: #fff; border: 1px solid var(--muted); border-radius: 4px; padding: .4rem .6rem;
  font-size: .85rem; line-height: 1.4; box-shadow: 0 2px 6px rgba(0, 0, 0, .2); }}
mark.fig:hover + .tip, mark.fig:focus-within + .tip {{ display: inline-block; }}
.tip dl, dl.facts {{ display: grid; grid-template-columns: max-content auto; gap: 0 .75rem; margin: 0; }}
.tip dt, dl.facts dt {{ color: var(--muted); }} .tip dd, dl.facts dd {{ margin: 0; }}
blockquote {{ margin: .25rem 0 .75rem; padding-left: .75rem; border-left: 3px solid var(--line); }}
@media print {{
  header nav, .skip, .tip {{ display: none !important; }}
  body {{ max-width: none; font-size: 10.5pt; }}
  a {{ color: inherit; text-decoration: none; }}
  mark.fig {{ background: none; border-bottom: 1.5px solid #000; }}
  .chart-and-table {{ display: block; }}
  svg.chart {{ width: 100%; }}
  table, figure {{ break-inside: avoid; }}
  tr {{ break-inside: avoid; }}
  h2, h3 {{ break-after: avoid; }}
}}
"""


MAX_SLUG = 80  # a page name stays far below the 255 bytes a file name may have, whatever the id's length
NO_PUBLISHER = "no publisher (a file without a manifest row)"


def slug(text: str) -> str:
    """A file-name-safe form: short ASCII ids stay as they are, anything else gets a short digest."""
    if len(text) <= MAX_SLUG and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", text):
        return text
    ascii_part = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:MAX_SLUG].rstrip("-")
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{ascii_part}-{digest}" if ascii_part else digest


def publisher_slug(publisher: str | None) -> str:
    """The anchor of a publisher's section of the front page; documents without one have their own."""
    if publisher is None:
        return "p-none"
    return f"p{hashlib.sha1(publisher.encode('utf-8')).hexdigest()[:8]}"


def publisher_name(publisher: str | None) -> str:
    return NO_PUBLISHER if publisher is None else publisher


def report_page(doc_id: str) -> str:
    return f"report-{slug(doc_id)}.html"


def series_page(publisher: str, series_id: str) -> str:
    return f"series-{slug(series_id)}-{publisher_slug(publisher)}.html"


def programme_page(publisher: str, program_id: str, year: int) -> str:
    return f"programme-{slug(program_id)}-{publisher_slug(publisher)}-{year}.html"


def anchor(figure_id: str) -> str:
    """The id of a figure's mark on its report page."""
    return f"fig-{figure_id}"


def figure_href(doc_id: str, figure_id: str) -> str:
    return f"{report_page(doc_id)}#{anchor(figure_id)}"


def page(title: str, body: str, crumbs: list[tuple[str, str]] = ()) -> str:
    """A whole HTML document: title, a breadcrumb trail of (href, text), the main content."""
    trail = " › ".join(f'<a href="{escape(href)}">{escape(text)}</a>' for href, text in crumbs)
    nav = f'<header><nav aria-label="breadcrumb"><a href="index.html">zhibiao</a>{" › " if trail else ""}{trail}</nav></header>'
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)} · zhibiao</title>\n"
        '<link rel="stylesheet" href="style.css">\n</head>\n<body>\n'
        '<a class="skip" href="#main">Skip to content</a>\n'
        f'{nav}\n<main id="main">\n{body}\n</main>\n</body>\n</html>\n'
    )


def link(href: str, text: str, **attrs: str) -> str:
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<a href="{escape(href)}"{extra}>{escape(text)}</a>'


def zh(text: str | None) -> str:
    """Chinese text, escaped and marked as such for screen readers and fonts."""
    return f'<span lang="zh">{escape(text or "")}</span>'


def table(caption: str, headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    """A table of already-escaped cells; columns in `numeric` are right-aligned."""

    def cls(i: int) -> str:
        return ' class="num"' if i in numeric else ""

    head = "".join(f'<th scope="col"{cls(i)}>{escape(h)}</th>' for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{c}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
