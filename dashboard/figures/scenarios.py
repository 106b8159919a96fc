"""A scenario from commitments (pipelines.analytics.scenarios): the wedge chart and the
now / scenario / target bar, with their tables.

The wedge chart stacks the scenario pathway (an invisible base) and one band per theme or sector
on top of it, so the top of the stack is the trend projection: each band is what its commitments
take off the projection. The target pathway is a dashed line over it.
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import base_layout, clean, plotly_text, series_colour, to_kt
from dashboard.figures.line_styles import set_year_axis
from pipelines.vocab import BAND_COLOURS, GRID, INK, STEP_COLOURS

BAR_STEPS = ("now", "scenario", "target")
BAR_COLOURS = {step: STEP_COLOURS[step] for step in BAR_STEPS}


def wedge_table(pathway: pd.DataFrame, wedges: pd.DataFrame) -> pd.DataFrame:
    """Per year: projection, scenario and target pathway, and each wedge (columns `w:KEY`), in kt."""
    out = pd.DataFrame({
        "year": pathway.index.astype(int),
        "projected_kt": to_kt(pathway["projected_t"]).to_numpy(),
        "scenario_kt": to_kt(pathway["scenario_t"]).to_numpy(),
        "target_pathway_kt": to_kt(pathway["target_pathway_t"]).to_numpy(),
    })
    for key in wedges.columns:
        out[f"w:{key}"] = to_kt(wedges[key].reindex(pathway.index)).to_numpy()
    return out


def wedge_keys(table: pd.DataFrame) -> list[str]:
    return [c[2:] for c in table.columns if c.startswith("w:")]


def wedge_figure(table: pd.DataFrame, labels: dict[str, str], line_labels: dict[str, str],
                 lang: str, y_title: str) -> dict:
    """Bands between scenario and projection (one per wedge), the projection and target lines.

    line_labels: names of 'projected', 'scenario' and 'target_pathway'."""
    years = clean(table["year"])
    traces = [{
        "type": "scatter", "mode": "lines", "name": line_labels["scenario"], "x": years,
        "y": clean(table["scenario_kt"]), "stackgroup": "wedges", "fillcolor": "rgba(0,0,0,0)",
        "line": {"color": series_colour("with_commitments"), "width": 3},
        "hovertemplate": "%{y:,.1f} kt<extra>%{fullData.name}</extra>",
    }]
    for i, key in enumerate(wedge_keys(table)):
        colour = BAND_COLOURS[i % len(BAND_COLOURS)]
        traces.append({
            "type": "scatter", "mode": "lines", "name": plotly_text(labels.get(key, key)), "x": years,
            "y": clean(table[f"w:{key}"]), "stackgroup": "wedges", "fillcolor": colour,
            "line": {"color": colour, "width": 0.5},
            "hovertemplate": "%{y:,.1f} kt<extra>%{fullData.name}</extra>",
        })
    traces.append({
        "type": "scatter", "mode": "lines", "name": line_labels["projected"], "x": years,
        "y": clean(table["projected_kt"]), "line": {"color": series_colour("trend"), "width": 2.5},
        "hovertemplate": "%{y:,.1f} kt<extra>%{fullData.name}</extra>",
    })
    traces.append({
        "type": "scatter", "mode": "lines", "name": line_labels["target_pathway"], "x": years,
        "y": clean(table["target_pathway_kt"]),
        "line": {"color": series_colour("pathway"), "width": 2.5, "dash": "dash"},
        "hovertemplate": "%{y:,.1f} kt<extra>%{fullData.name}</extra>",
    })
    layout = base_layout(lang, y_title, height=420)
    # Ticks on the last measured year and the target year: Plotly's own ended at 2029 of a 2030 scenario.
    found = [int(y) for y in years if y is not None]
    set_year_axis(layout, years, [min(found), max(found)] if found else [])
    return {"data": traces, "layout": layout}


def bar_table(latest_year: int, now_t: float, target_year: int, scenario_t: float,
              target_t: float) -> pd.DataFrame:
    """Three rows: now (latest measured year), the scenario and the target (target year), in kt."""
    return pd.DataFrame({
        "step": list(BAR_STEPS),
        "year": [latest_year, target_year, target_year],
        "value_kt": to_kt(pd.Series([now_t, scenario_t, target_t])).to_numpy(),
    })


def bar_figure(table: pd.DataFrame, step_labels: dict[str, str], lang: str, x_title: str) -> dict:
    """Horizontal bars, now at the top, each labelled with its value."""
    trace = {
        "type": "bar", "orientation": "h",
        "y": [f"{step_labels[s]} ({y})" for s, y in zip(table["step"], table["year"], strict=True)],
        "x": clean(table["value_kt"]),
        "marker": {"color": [BAR_COLOURS[s] for s in table["step"]],
                   "line": {"color": INK, "width": 1}},
        "texttemplate": "%{x:,.1f}", "textposition": "outside", "cliponaxis": False,
        "hovertemplate": "%{y}: %{x:,.1f} kt<extra></extra>", "showlegend": False,
    }
    layout = base_layout(lang, "", height=240)
    layout["hovermode"] = "closest"
    layout["margin"] = {"l": 12, "r": 56, "t": 12, "b": 48}
    layout["xaxis"] = {"title": {"text": x_title}, "gridcolor": GRID, "tickformat": ",~f",
                       "rangemode": "tozero", "fixedrange": True, "automargin": True}
    # A gap between each step's name and the axis line, where the text otherwise touches it.
    layout["yaxis"] = {"type": "category", "autorange": "reversed", "automargin": True,
                       "fixedrange": True, "ticklabelstandoff": 6}
    layout["bargap"] = 0.35
    return {"data": [trace], "layout": layout}
