"""The commitments gap as a waterfall, drawn as bars with a base (the basic plotly.js bundle has no
waterfall trace).

From the top: emissions as they would be without what partners already achieved, minus that
achieved reduction, gives the latest emissions (achieved work is in the measured figure already);
then what work in progress still has to deliver, the planned reductions, and what no commitment
covers yet, down to the target.
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import base_layout, clean, series_colour
from pipelines.vocab import GRID, INK, STEP_COLOURS

STEPS = ("without", "achieved", "latest", "in_progress", "planned", "missing", "target")
LEVELS = ("without", "latest", "target")
COLOURS = {step: STEP_COLOURS[step] if step != "missing" else series_colour("missing") for step in STEPS}


def gap_table(
    latest_t: float, target_t: float, achieved_t: float, in_progress_t: float, planned_t: float
) -> pd.DataFrame:
    """Each step with where its bar starts and ends, in kt CO2e (a reduction runs downwards).

    achieved_t: reductions delivered so far; in_progress_t: what work in progress has still to
    deliver; planned_t: planned reductions (all t CO2e per year).
    """
    rows = [("without", 0.0, latest_t + achieved_t), ("achieved", latest_t + achieved_t, latest_t),
            ("latest", 0.0, latest_t)]
    level = latest_t
    for step, amount in (("in_progress", in_progress_t), ("planned", planned_t)):
        rows.append((step, level, level - amount))
        level -= amount
    # What no commitment covers yet; nothing when the commitments reach the target or beyond.
    rows.append(("missing", level, target_t if level > target_t else level))
    rows.append(("target", 0.0, target_t))
    table = pd.DataFrame(rows, columns=["step", "from_t", "to_t"])
    table["from_kt"] = (table["from_t"] / 1000).round(1)
    table["to_kt"] = (table["to_t"] / 1000).round(1)
    table["change_kt"] = (table["from_kt"] - table["to_kt"]).round(1)
    levels = table["step"].isin(LEVELS)
    table.loc[levels, "change_kt"] = table.loc[levels, "to_kt"]
    return table[["step", "from_kt", "to_kt", "change_kt"]]


def wrap_label(text: str, width: int = 16) -> str:
    """A bar's name on lines of at most `width` characters (Plotly's <br>), so the names do not
    take a phone's whole width; the full name stays in the hover and the table."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def gap_figure(table: pd.DataFrame, step_labels: dict[str, str], lang: str, x_title: str) -> dict:
    """Horizontal bars, one per step, top to bottom; a bar's base is where its step starts."""
    base = [min(a, b) for a, b in zip(table["from_kt"], table["to_kt"], strict=True)]
    length = [abs(b - a) for a, b in zip(table["from_kt"], table["to_kt"], strict=True)]
    trace = {
        "type": "bar",
        "orientation": "h",
        "y": [wrap_label(step_labels[s]) for s in table["step"]],
        "customdata": [step_labels[s] for s in table["step"]],
        "x": clean(pd.Series(length, dtype=float).round(1)),
        "base": clean(pd.Series(base, dtype=float).round(1)),
        "marker": {
            "color": [COLOURS[s] for s in table["step"]],
            "line": {"color": INK, "width": 1},
        },
        "text": clean(table["change_kt"]),
        "texttemplate": "%{text:,.1f}",
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{customdata}: %{text:,.1f} kt<extra></extra>",
        "showlegend": False,
    }
    layout = base_layout(lang, "", height=360)
    layout["hovermode"] = "closest"
    layout["margin"] = {"l": 12, "r": 48, "t": 12, "b": 48}
    # On a phone the step names take the width: they wrap (wrap_label) and the value ticks stay
    # few and level, where Plotly would otherwise turn them vertical.
    layout["xaxis"] = {
        "title": {"text": x_title}, "gridcolor": GRID, "tickformat": ",~f",
        "rangemode": "tozero", "fixedrange": True, "automargin": True, "tickangle": 0, "nticks": 4,
    }
    # A gap between each step's name and the axis line, where the text otherwise touches it.
    layout["yaxis"] = {"type": "category", "autorange": "reversed", "automargin": True,
                       "fixedrange": True, "ticklabelstandoff": 6}
    layout["bargap"] = 0.3
    return {"data": [trace], "layout": layout}
