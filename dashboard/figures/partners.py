"""Commitments by status: how many, and how much reduction they promise."""

from __future__ import annotations

import math

import pandas as pd

from dashboard.figures.common import base_layout, clean
from pipelines.vocab import COMMITMENT_STATUSES, GRID, INK

STATUS_ORDER = tuple(s.code for s in COMMITMENT_STATUSES)


def status_table(totals: pd.DataFrame) -> pd.DataFrame:
    """Every status in a fixed order (zero when none) with count and reduction in kt CO2e/yr."""
    indexed = totals.set_index("status") if not totals.empty else pd.DataFrame(
        columns=["count", "reduction_t"]
    )
    rows = []
    for code in STATUS_ORDER:
        count = int(indexed["count"].get(code, 0)) if code in indexed.index else 0
        reduction = float(indexed["reduction_t"].get(code, 0.0) or 0.0) if code in indexed.index else 0.0
        rows.append((code, count, round(reduction / 1000, 1)))
    return pd.DataFrame(rows, columns=["status", "count", "reduction_kt"])


def status_figure(table: pd.DataFrame, lang: str, x_title: str) -> dict:
    """Horizontal bars: number of commitments per status, in the status colours."""
    terms = {s.code: s for s in COMMITMENT_STATUSES}
    trace = {
        "type": "bar", "orientation": "h",
        "y": [terms[c].label(lang) for c in table["status"]],
        "x": clean(table["count"]),
        "marker": {"color": [terms[c].colour for c in table["status"]],
                   "line": {"color": INK, "width": 1}},
        "text": clean(table["count"]), "textposition": "outside", "cliponaxis": False,
        "hovertemplate": "%{y}: %{x}<extra></extra>", "showlegend": False,
    }
    layout = base_layout(lang, "", height=260)
    layout["hovermode"] = "closest"
    layout["margin"] = {"l": 12, "r": 36, "t": 8, "b": 48}
    # Whole numbers only: a tick every 1, 2, 5… commitments, never 0.2.
    step = max(1, math.ceil(max([0, *table["count"]]) / 5))
    layout["xaxis"] = {"title": {"text": x_title}, "gridcolor": GRID, "tickformat": "d",
                       "dtick": step, "rangemode": "tozero", "fixedrange": True}
    # A gap between each step's name and the axis line, where the text otherwise touches it.
    layout["yaxis"] = {"type": "category", "autorange": "reversed", "automargin": True,
                       "fixedrange": True, "ticklabelstandoff": 6}
    return {"data": [trace], "layout": layout}
