"""Emissions by sector over time: a stacked area (sinks drawn apart, below zero) and its table.

A year whose sectors are incomplete (a sector missing; even when a reported total stands for the
year) is left out of the stacked chart — its stack would look like a fall — and flagged in the
table (`complete` = False).
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import base_layout, clean, legend_name, to_shown
from dashboard.figures.line_styles import set_year_axis
from pipelines.vocab import SECTOR_BY_CODE, TOP_LEVEL_SECTORS, TOTAL


def sector_table(emissions: pd.DataFrame, share: bool = False, per_inhabitant: bool = False) -> pd.DataFrame:
    """Years × top-level sectors in kt CO2e, or in % of the year's total when `share`; in t CO2e
    per inhabitant when `per_inhabitant` (the emissions' values are per inhabitant already)."""
    rows = emissions[emissions["sector_code"].isin(TOP_LEVEL_SECTORS)]
    if rows.empty:
        return pd.DataFrame(columns=["year"])
    # min_count=1: a year without a value (per inhabitant: without a population) stays missing, not 0.
    wide = rows.groupby(["year", "sector_code"])["value_t"].sum(min_count=1).unstack("sector_code")
    wide = wide[[c for c in TOP_LEVEL_SECTORS if c in wide.columns]]
    if share:
        totals = emissions[emissions["sector_code"] == TOTAL].set_index("year")["value_t"]
        totals = totals.reindex(wide.index).fillna(wide.sum(axis=1))
        wide = wide.div(totals.where(totals != 0), axis=0).mul(100).round(1)
    else:
        wide = wide.apply(lambda column: to_shown(column, per_inhabitant))
    wide.columns.name = None
    out = wide.reset_index().astype({"year": int})
    if "complete" in emissions:
        out["complete"] = out["year"].map(sectors_complete(emissions)).fillna(False).astype(bool)
    return out


def sectors_complete(emissions: pd.DataFrame) -> pd.Series:
    """Year → whether every sector that reports in other years has a value (no reported stand-in)."""
    totals = emissions[emissions["sector_code"] == TOTAL].set_index("year")
    source = totals["source"] if "source" in totals else pd.Series(None, index=totals.index)
    return totals["complete"].astype(bool) & (source != "reported")


def sector_area_figure(table: pd.DataFrame, lang: str, y_title: str, target_year: int | None = None, *,
                       per_inhabitant: bool = False) -> dict:
    """Positive sectors stacked as areas; a sector that is a net sink in any year as a line. The
    latest year drawn and `target_year` have labelled ticks."""
    traces = []
    if "complete" in table:
        table = table[table["complete"].astype(bool)]
    if len(table) == 1:  # an area needs two years: one year's stack as a bar, or nothing would show
        return _one_year_bars(table, lang, y_title, target_year, per_inhabitant)
    for code in [c for c in table.columns if c in SECTOR_BY_CODE]:
        sector = SECTOR_BY_CODE[code]
        values = table[code]
        trace = {
            "type": "scatter", "mode": "lines", "name": legend_name(sector.label(lang)),
            "x": clean(table["year"]), "y": clean(values),
            "line": {"color": sector.colour, "width": 1.5},
            "hovertemplate": ("%{y:,.2f}" if per_inhabitant else "%{y:,.1f}") + "<extra>%{fullData.name}</extra>",
        }
        if (values.dropna() >= 0).all():
            trace.update(stackgroup="emissions", fillcolor=sector.colour)
        else:
            trace["line"]["dash"] = "dash"
            trace["line"]["width"] = 3
        traces.append(trace)
    layout = base_layout(lang, y_title, height=400)
    layout["yaxis"]["rangemode"] = "normal"
    years = [int(y) for y in table["year"]] if len(table) else []
    set_year_axis(layout, years, [max(years) if years else None, target_year])
    return {"data": traces, "layout": layout}


def _one_year_bars(table: pd.DataFrame, lang: str, y_title: str, target_year: int | None,
                   per_inhabitant: bool) -> dict:
    """The one complete year's sectors as one stacked bar (sinks below zero), on the same year axis."""
    year = int(table["year"].iloc[0])
    traces = [
        {
            "type": "bar", "name": legend_name(SECTOR_BY_CODE[code].label(lang)), "x": [year],
            "y": clean(table[code]), "width": 0.6, "marker": {"color": SECTOR_BY_CODE[code].colour},
            "hovertemplate": ("%{y:,.2f}" if per_inhabitant else "%{y:,.1f}") + "<extra>%{fullData.name}</extra>",
        }
        for code in table.columns if code in SECTOR_BY_CODE and table[code].notna().any()
    ]
    layout = base_layout(lang, y_title, height=400)
    layout["barmode"] = "relative"
    layout["yaxis"]["rangemode"] = "normal"
    set_year_axis(layout, [year], [year, target_year])
    return {"data": traces, "layout": layout}
