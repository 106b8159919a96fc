"""Indicator lines: one or more indicators over time, absolute, per inhabitant, or as an index."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import base_layout, clean, plotly_text
from dashboard.figures.line_styles import set_year_axis
from pipelines.vocab import INDICATOR_COLOURS

LINE_COLOURS = INDICATOR_COLOURS
MODES = ("absolute", "per_capita", "index")
NOTE = "note"  # the table's column of the analysts' notes on a period's values ("label: note")


def value_columns(table: pd.DataFrame) -> list[str]:
    """The table's indicator columns (not its period or notes)."""
    return [c for c in table.columns if c not in ("period", NOTE)]


def indicator_table(
    series: dict[str, pd.DataFrame], mode: str = "absolute", population: pd.DataFrame | None = None,
    not_per_capita: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Periods × indicators (label → frame with period, value), in the chosen mode.

    per_capita divides by the population of the same year (never averages per-capita values) and
    leaves out the series in `not_per_capita` (population itself: ÷ itself is a flat 1);
    index sets each indicator's first value to 100 so indicators in different units compare.
    """
    columns, notes = {}, {}
    for label, frame in series.items():
        if mode == "per_capita" and label in not_per_capita:
            continue
        if "note" in frame.columns:  # a note an analyst kept with a value, shown with it
            kept = frame.dropna(subset=["note"])
            kept = kept[kept["note"].astype(str).str.strip() != ""]
            for period, note in zip(kept["period"], kept["note"], strict=True):
                notes.setdefault(str(period), []).append(f"{label}: {note}")
        values = frame.dropna(subset=["value"]).set_index("period")["value"].astype(float)
        if mode == "per_capita" and population is not None and not population.empty:
            people = population.dropna(subset=["value"]).set_index("year")["value"].astype(float)
            years = frame.dropna(subset=["value"]).set_index("period")["year"]
            values = values / years.map(people).where(lambda p: p != 0)
        elif mode == "index" and not values.empty and values.iloc[0] not in (0, 0.0):
            values = values / values.iloc[0] * 100
        columns[label] = values
    if not columns:
        return pd.DataFrame(columns=["period"])
    table = pd.DataFrame(columns).sort_index()
    decimals = 6 if mode == "per_capita" else 2
    table = table.round(decimals)
    table.index.name = "period"
    table = table.reset_index()
    if notes:
        table[NOTE] = [" · ".join(notes.get(str(p), [])) or None for p in table["period"]]
    return table


def indicator_figure(table: pd.DataFrame, lang: str, y_title: str, target_year: int | None = None) -> dict:
    """One line per indicator column; periods 'YYYY' on a year axis, 'YYYY-MM' on a date axis.
    On a year axis the latest year with a value and `target_year` have labelled ticks."""
    periods = [str(p) for p in table["period"]]
    monthly = any(len(p) > 4 for p in periods)
    x = periods if monthly else [int(p) for p in periods]
    traces = []
    has_notes = NOTE in table.columns
    for number, column in enumerate(value_columns(table)):
        colour = LINE_COLOURS[number % len(LINE_COLOURS)]
        rows = table[column].notna()
        trace = {
            "type": "scatter", "mode": "lines+markers", "name": plotly_text(column),
            "x": [v for v, keep in zip(x, rows, strict=True) if keep],
            "y": clean(table.loc[rows, column]),
            "line": {"color": colour, "width": 2}, "marker": {"size": 5, "color": colour},
            "hovertemplate": "%{y:,~f}<extra>%{fullData.name}</extra>",
        }
        if has_notes:  # the period's notes under the value in the tooltip
            trace["customdata"] = ["" if pd.isna(n) else plotly_text(str(n)) for n in table.loc[rows, NOTE]]
            trace["hovertemplate"] = "%{y:,~f}<br>%{customdata}<extra>%{fullData.name}</extra>"
        traces.append(trace)
    layout = base_layout(lang, y_title)
    layout["yaxis"]["rangemode"] = "normal"
    if monthly:
        layout["xaxis"].update(type="date", tickformat=None)
    elif traces:
        drawn = [year for trace in traces for year in trace["x"]]
        set_year_axis(layout, x, [max(drawn) if drawn else None, target_year])
    return {"data": traces, "layout": layout}
