"""A series as an inline SVG chart, drawn when the site is built: no script, no network.

Outcomes are filled circles joined by a solid line; targets are hollow diamonds joined by a
dashed line, drawn a little to the right of the outcome of the same year. A target's qualifier
is drawn too: 以上 (at_least) as a floor with an arrow up, 以下 (at_most) as a ceiling with an
arrow down, 左右 (approx) as a shaded band, a range (6%-6.5%) as a bar from its low end to its high
end with the diamond at the low end. Every point is a link (to its sentence) with a
tooltip. All text is escaped; the fonts fall back to whatever CJK font the reader has.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from etl.site.format import approx_band, plain, scale, unit_word

FONTS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"
OUTCOME_COLOUR = "#1f5fa8"
TARGET_COLOUR = "#b03a2e"
WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 72, 20, 44, 40


@dataclass(frozen=True)
class ChartPoint:
    year: int
    value: float
    is_target: bool
    qualifier: str | None
    href: str
    label: str  # the tooltip, e.g. "2014 target: 7.5%左右 (govreport-2014)"
    value_high: float | None = None  # the high end of a range (qualifier 'range'); value is its low end


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering lo..hi: 0, 13100000 -> [0, 5e6, 1e7, 1.5e7]."""
    if hi < lo:
        lo, hi = hi, lo
    if hi == lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw - 1e-12 * power)
    first, last = math.floor(lo / step + 1e-9), math.ceil(hi / step - 1e-9)
    return [round(i * step, 10) for i in range(first, last + 1)]


def _value_range(points: list[ChartPoint], unit: str | None) -> tuple[float, float]:
    values = [0.0]
    for p in points:
        values.append(p.value)
        if p.value_high is not None:
            values.append(p.value_high)
        if p.is_target and p.qualifier == "approx":
            values.extend(approx_band(p.value, unit))
    return min(values), max(values)


def series_chart(
    points: list[ChartPoint], title: str, unit: str | None, measure: str | None = None, chart_id: str = "chart"
) -> str:
    """The chart as one <svg> element; an empty series gives a chart that says so."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    n_out = sum(not p.is_target for p in points)
    n_tgt = len(points) - n_out
    desc = f"{n_out} outcomes and {n_tgt} targets by year"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{escape(chart_id)}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-labelledby="{title_id} {desc_id}" font-family="{escape(FONTS)}" font-size="12">'
        f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(desc)}</desc>'
    )
    if not points:
        return head + f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">no values</text></svg>'
    years = list(range(min(p.year for p in points), max(p.year for p in points) + 1))
    lo, hi = _value_range(points, unit)
    ticks = nice_ticks(lo, hi)
    lo, hi = min(ticks[0], lo), max(ticks[-1], hi)
    divisor, prefix = scale(max(abs(lo), abs(hi)), unit)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / len(years)

    def x(year: int) -> float:
        return LEFT + (year - years[0] + 0.5) * step

    def y(value: float) -> float:
        return TOP + plot_h * (hi - value) / (hi - lo)

    shift = min(8.0, step / 5)
    parts = [head, _legend(), _axes(ticks, years, x, y, divisor, unit_word(unit, prefix, measure))]
    outcomes = sorted((p for p in points if not p.is_target), key=lambda p: p.year)
    targets = sorted((p for p in points if p.is_target), key=lambda p: p.year)
    parts.append(_line(outcomes, lambda p: x(p.year) - shift, y, OUTCOME_COLOUR, dashed=False, cls="outcome-line"))
    parts.append(_line(targets, lambda p: x(p.year) + shift, y, TARGET_COLOUR, dashed=True, cls="target-line"))
    for p in targets:
        parts.append(_target(p, x(p.year) + shift, y, unit))
    for p in outcomes:
        parts.append(_outcome(p, x(p.year) - shift, y(p.value)))
    parts.append("</svg>")
    return "".join(parts)


def _legend() -> str:
    y0 = 18
    return (
        f'<g class="legend" aria-hidden="true">'
        f'<circle cx="{LEFT + 6}" cy="{y0}" r="4.5" fill="{OUTCOME_COLOUR}"/>'
        f'<text x="{LEFT + 16}" y="{y0 + 4}">outcome 实际</text>'
        f'<path d="{_diamond(LEFT + 126, y0)}" fill="#fff" stroke="{TARGET_COLOUR}" stroke-width="2"/>'
        f'<text x="{LEFT + 136}" y="{y0 + 4}">target 目标</text>'
        f'<path d="M{LEFT + 232} {y0 + 4}h16M{LEFT + 240} {y0 + 4}v-10m-3 4l3-4 3 4" '
        f'stroke="{TARGET_COLOUR}" stroke-width="1.5" fill="none"/>'
        f'<text x="{LEFT + 254}" y="{y0 + 4}">floor 以上</text>'
        f'<path d="M{LEFT + 336} {y0 - 6}h16M{LEFT + 344} {y0 - 6}v10m-3 -4l3 4 3 -4" '
        f'stroke="{TARGET_COLOUR}" stroke-width="1.5" fill="none"/>'
        f'<text x="{LEFT + 358}" y="{y0 + 4}">ceiling 以下</text>'
        f'<rect x="{LEFT + 446}" y="{y0 - 7}" width="16" height="14" fill="{TARGET_COLOUR}" fill-opacity="0.18"/>'
        f'<text x="{LEFT + 468}" y="{y0 + 4}">band 左右</text>'
        f"</g>"
    )


def _axes(ticks, years, x, y, divisor: float, unit_text: str) -> str:
    parts = ['<g class="axes" aria-hidden="true" fill="#333">']
    for tick in ticks:
        ty = y(tick)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty:.1f}" y2="{ty:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">{escape(plain(tick / divisor))}</text>')
    parts.append(f'<text x="{LEFT - 6}" y="{TOP - 14}" text-anchor="end" class="unit">{escape(unit_text)}</text>')
    every = max(1, math.ceil(len(years) / 12))
    for i, year in enumerate(years):
        if i % every == 0:
            parts.append(f'<text x="{x(year):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">{year}</text>')
    base = y(0.0)
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{base:.1f}" y2="{base:.1f}" stroke="#888"/>')
    parts.append("</g>")
    return "".join(parts)


def _line(points: list[ChartPoint], px, y, colour: str, dashed: bool, cls: str) -> str:
    """Consecutive years joined; a missing year breaks the line."""
    segments, current, last_year = [], [], None
    for p in points:
        if last_year is not None and p.year != last_year + 1:
            segments.append(current)
            current = []
        current.append(f"{px(p):.1f},{y(p.value):.1f}")
        last_year = p.year
    segments.append(current)
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    return "".join(
        f'<polyline class="{cls}" points="{" ".join(s)}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
        for s in segments
        if len(s) > 1
    )


def _diamond(cx: float, cy: float, r: float = 5.5) -> str:
    return f"M{cx:.1f} {cy - r:.1f}L{cx + r:.1f} {cy:.1f}L{cx:.1f} {cy + r:.1f}L{cx - r:.1f} {cy:.1f}Z"


def _link(p: ChartPoint, cls: str, body: str) -> str:
    return (
        f'<a class="point {cls}" href="{escape(p.href)}" data-year="{p.year}" aria-label="{escape(p.label)}">'
        f"<title>{escape(p.label)}</title>{body}</a>"
    )


def _outcome(p: ChartPoint, cx: float, cy: float) -> str:
    return _link(p, "outcome", f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{OUTCOME_COLOUR}"/>')


def _target(p: ChartPoint, cx: float, y, unit: str | None) -> str:
    cy = y(p.value)
    mark = ""
    if p.qualifier == "approx":
        low, high = approx_band(p.value, unit)
        mark = (
            f'<rect class="band" x="{cx - 9:.1f}" y="{y(high):.1f}" width="18" height="{y(low) - y(high):.1f}" '
            f'fill="{TARGET_COLOUR}" fill-opacity="0.18"/>'
        )
    elif p.qualifier == "range" and p.value_high is not None:
        mark = (
            f'<rect class="range" x="{cx - 4:.1f}" y="{y(p.value_high):.1f}" width="8" '
            f'height="{y(p.value) - y(p.value_high):.1f}" fill="{TARGET_COLOUR}" fill-opacity="0.35"/>'
        )
    elif p.qualifier in ("at_least", "at_most"):
        d = -1 if p.qualifier == "at_least" else 1
        mark = (
            f'<path class="{"floor" if d < 0 else "ceiling"}" d="M{cx - 9:.1f} {cy:.1f}h18'
            f"M{cx:.1f} {cy + d * 6:.1f}v{d * 12}m-3 {-d * 4}l3 {d * 4} 3 {-d * 4}" + '" '
            f'stroke="{TARGET_COLOUR}" stroke-width="1.5" fill="none"/>'
        )
    diamond = f'<path d="{_diamond(cx, cy)}" fill="#fff" stroke="{TARGET_COLOUR}" stroke-width="2"/>'
    return _link(p, f"target {p.qualifier or 'exact'}", mark + diamond)
