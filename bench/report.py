"""The results of a benchmark run as a Markdown table (python -m bench --table prints the last one)."""

from __future__ import annotations

from . import scale


def machine_line(results: dict) -> str:
    m = results["machine"]
    return (
        f"{m.get('cpu')}, {m.get('cores_usable')} cores, {m.get('memory_gib')} GiB, {m.get('system')}, "
        f"Python {m.get('python')}, DuckDB {m.get('duckdb')}; load average before/after "
        f"{results.get('load_average_before')} / {results.get('load_average_after')}; "
        f"code {results.get('code', {}).get('commit')}{' (with uncommitted changes)' if results.get('code', {}).get('uncommitted_changes') else ''}; "
        f"{results.get('started_at')}"
    )


def table(results: dict) -> str:
    """The targets as a Markdown table, with the refresh of the smaller corpus for scale."""
    v = results["values"]
    c = results["corpus"]
    lines = ["| measure | target | measured | met |", "| --- | --- | --- | --- |"]
    for t in results["targets"]:
        lines.append(f"| {t['label']} | {t['target']} | {_fmt(t['measured'])} {t['unit']} | {_yes(t['met'])} |")
    r = results["refresh"]
    lines.append(f"| full refresh, {c['small']} reports | — | {_fmt(v['refresh_full_small_s'])} s | — |")
    for key, what in (("no_change", "nothing changed"), ("one_edit", "one report edited")):
        lines.append(
            f"| the same refresh as a whole process (Python start-up and imports included), {what} "
            f"| — | {_fmt(r[key]['process_s_median'])} s | — |"
        )
    lines.append(
        f"| warehouse file, {c['large']} reports: fresh build / after the edits "
        f"| — | {_fmt(r['full_large']['db_mb'])} / {_fmt(r['one_edit']['db_mb'])} MB | — |"
    )
    if results.get("scale"):
        lines += scale.lines(results["scale"])
    e = results["extraction"]
    lines.append(f"| extraction, characters per second per core | — | {e['extraction_chars_per_s']:,.0f} chars/s | — |")
    lines.append(f"| bare digit regex, UTF-8 text per second | — | {_fmt(e['regex_mb_per_s'])} MB/s | — |")
    return "\n".join(lines)


def _fmt(x: float) -> str:
    return f"{x:.3g}" if x < 100 else f"{x:,.0f}"


def _yes(met: bool) -> str:
    return "yes" if met else "**no**"
