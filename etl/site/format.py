"""How the site writes numbers, units, qualifiers and periods: in the reports' own Chinese style.

Values in the warehouse are in base units (亿 = 1e8, 万 = 1e4); a reader sees them as the
reports print them, with the measure word the report wrote (v2.figures.measure) when there is
one: 24.92亿元, 551.07万人, 6.5%, 1.37万亿斤, 1383亿美元, 0.5个百分点. A range is shown as the
sentence writes it, both ends (6%-6.5%).
"""

from __future__ import annotations

UNIT_WORDS = {
    "yuan": "元",
    "person": "人",
    "person_time": "人次",
    "household": "户",
    "enterprise": "家",
    "organization": "个",
    "time": "次",
    "item": "项",
    "square_meter": "平方米",
    "percent": "%",
    "other": "",
}

QUALIFIER_WORDS = {
    "exact": "exact",
    "at_least": "at least (以上)",
    "approx": "about (左右)",
    "at_most": "at most (以下)",
    "per_unit": "per unit (每…)",
}

BASIS_WORDS = {None: "level", "new": "new (新增)", "cumulative": "cumulative (累计)", "change": "change (增长)"}

# An approximate (左右) target reads as met within half a percentage point of a rate or 5% of
# another quantity (v1.target_vs_actual): the site draws it as that band.
APPROX_POINTS = 0.5
APPROX_SHARE = 0.05


def plain(number: float, decimals: int = 4) -> str:
    """7.0 -> '7'; 24.9200001 -> '24.92'; 1234567.0 -> '1234567': no exponent, no float noise."""
    text = f"{number:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def scale(magnitude: float, unit: str | None) -> tuple[float, str]:
    """The divisor and prefix that print numbers of this size: 2.4e9 yuan -> (1e8, '亿'), 1.14e14 -> 万亿."""
    if unit == "percent":
        return 1.0, ""
    magnitude = abs(magnitude)
    if magnitude >= 1e12:
        return 1e12, "万亿"
    if magnitude >= 1e8:
        return 1e8, "亿"
    if magnitude >= 1e4:
        return 1e4, "万"
    return 1.0, ""


def unit_word(unit: str | None, prefix: str = "", measure: str | None = None) -> str:
    """'万' and 'person' -> '万人'; '万亿' and the measure '斤' -> '万亿斤'; percent stays '%'."""
    return f"{prefix}{measure or UNIT_WORDS.get(unit or '', unit or '')}"


def format_value(value: float | None, unit: str | None, measure: str | None = None) -> str:
    """2492000000.0, 'yuan' -> '24.92亿元'; 5510700.0, 'person' -> '551.07万人'; 6.5, 'percent' -> '6.5%';
    1.37e12, 'other', '斤' -> '1.37万亿斤'."""
    if value is None or value != value:
        return "–"
    divisor, prefix = scale(value, unit)
    return f"{plain(value / divisor)}{unit_word(unit, prefix, measure)}"


def format_change(change: float | None, unit: str | None, measure: str | None = None) -> str:
    """A signed difference: +0.3 points of a rate, -130万人."""
    if change is None or change != change:
        return "–"
    if unit == "percent":
        return f"{'+' if change > 0 else ''}{plain(change)} points"
    sign = "+" if change > 0 else ""
    return f"{sign}{format_value(change, unit, measure)}"


def format_pct(pct: float | None) -> str:
    if pct is None or pct != pct:
        return "–"
    return f"{'+' if pct > 0 else ''}{plain(pct, 2)}%"


def qualified(
    value: float | None, unit: str | None, qualifier: str | None, measure: str | None = None, written: str | None = None
) -> str:
    """The value with its qualifier as the reports write it: 1000万人以上, 7.5%左右, 3%以下; a range as
    written, both ends (qualifier 'range', `written` '6%-6.5%')."""
    if qualifier == "range" and written:
        return written
    text = format_value(value, unit, measure)
    return {"at_least": f"{text}以上", "approx": f"{text}左右", "at_most": f"{text}以下", "per_unit": f"每…{text}"}.get(
        qualifier or "exact", text
    )


def approx_band(value: float, unit: str | None) -> tuple[float, float]:
    """The range an approximate (左右) value stands for: ±0.5 points of a rate, ±5% of another quantity."""
    half = APPROX_POINTS if unit == "percent" else abs(value) * APPROX_SHARE
    return value - half, value + half


def period(start: int | None, end: int | None) -> str:
    """2020, 2020 -> '2020'; 2016, 2020 -> '2016–2020'; no period -> 'not stated'."""
    if start is None:
        return "not stated"
    if end is None or end == start:
        return str(start)
    return f"{start}–{end}"
