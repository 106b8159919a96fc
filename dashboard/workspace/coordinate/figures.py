"""The coordinators' extra chart: committed and delivered reduction per partner (a pure function)."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import base_layout, clean, plotly_text
from pipelines.vocab import GRID, STEP_COLOURS

COMMITTED_COLOUR = STEP_COLOURS["committed"]
DELIVERED_COLOUR = STEP_COLOURS["delivered"]


def partner_progress_figure(
    table: pd.DataFrame, names: dict[str, str], lang: str, x_title: str
) -> dict:
    """Horizontal bars per partner (kt CO2e/yr): what it committed and what it delivered so far.

    `table`: partner_progress rows; `names`: trace names for 'committed' and 'delivered'.
    """
    partners = [plotly_text(name) for name in table["partner"]]
    height = max(220, 60 + 46 * len(partners))
    traces = [
        {
            "type": "bar", "orientation": "h", "name": names[key], "y": partners,
            "x": clean((table[column] / 1000).round(1)), "marker": {"color": colour},
            "hovertemplate": "%{y}: %{x:,.1f} kt<extra>" + names[key] + "</extra>",
        }
        for key, column, colour in (
            ("committed", "committed_t", COMMITTED_COLOUR), ("delivered", "delivered_t", DELIVERED_COLOUR),
        )
    ]
    layout = base_layout(lang, "", height=height)
    layout["barmode"] = "group"
    layout["hovermode"] = "closest"
    layout["margin"] = {"l": 12, "r": 24, "t": 12, "b": 48}
    layout["xaxis"] = {"title": {"text": x_title}, "gridcolor": GRID, "tickformat": ",~f",
                       "rangemode": "tozero", "fixedrange": True, "automargin": True}
    layout["yaxis"] = {"type": "category", "autorange": "reversed", "automargin": True,
                       "fixedrange": True}
    return {"data": traces, "layout": layout}

