"""The trajectory chart: measured emissions, the target pathway, milestones, the trend and its
interval, and the line if every commitment delivers."""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import base_layout, clean, series_colour, series_label, to_kt

COLUMNS = (
    "year", "actual_kt", "pathway_kt", "milestone_kt", "projected_kt", "projected_low_kt",
    "projected_high_kt", "with_commitments_kt",
)


def trajectory_table(progress: pd.DataFrame, milestone_years: list[int]) -> pd.DataFrame:
    """What the chart shows, in kt CO2e per year: one row per year, one column per series."""
    if progress.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    out = pd.DataFrame({"year": progress["year"].astype(int)})
    for source in ("actual", "pathway", "projected", "projected_low", "projected_high",
                   "with_commitments"):
        column = f"{source}_t"
        out[f"{source}_kt"] = to_kt(progress[column]) if column in progress else float("nan")
    out["milestone_kt"] = out["pathway_kt"].where(out["year"].isin(milestone_years))
    return out[list(COLUMNS)].reset_index(drop=True)


def _line(table: pd.DataFrame, column: str, code: str, lang: str, **style) -> dict | None:
    rows = table[table[column].notna()]
    if rows.empty:
        return None
    trace = {
        "type": "scatter", "mode": "lines", "name": series_label(code, lang),
        "x": clean(rows["year"]), "y": clean(rows[column]),
        "line": {"color": series_colour(code), "width": 2},
        "hovertemplate": "%{y:,.1f} kt<extra>%{fullData.name}</extra>",
    }
    for key, value in style.items():
        trace[key] = {**trace.get(key, {}), **value} if isinstance(value, dict) else value
    return trace


def _band(table: pd.DataFrame, lang: str) -> list[dict]:
    rows = table[table["projected_low_kt"].notna() & table["projected_high_kt"].notna()]
    if rows.empty:
        return []
    x = clean(rows["year"])
    low = {"type": "scatter", "mode": "lines", "x": x, "y": clean(rows["projected_low_kt"]),
           "line": {"width": 0}, "hoverinfo": "skip", "showlegend": False,
           "name": series_label("trend_band", lang)}
    high = {"type": "scatter", "mode": "lines", "x": x, "y": clean(rows["projected_high_kt"]),
            "fill": "tonexty", "fillcolor": series_colour("trend_band"), "line": {"width": 0},
            "name": series_label("trend_band", lang), "hoverinfo": "skip"}
    return [low, high]


def trajectory_figure(table: pd.DataFrame, lang: str, y_title: str) -> dict:
    """Figure dict of the trajectory; series without values are left out."""
    traces = _band(table, lang) + [
        _line(table, "projected_kt", "trend", lang, line={"dash": "dash"}),
        _line(table, "with_commitments_kt", "with_commitments", lang, line={"dash": "dot", "width": 3}),
        _line(table, "pathway_kt", "pathway", lang),
        _line(table, "milestone_kt", "milestone", lang, mode="markers",
              marker={"symbol": "diamond", "size": 12, "color": series_colour("milestone"),
                      "line": {"color": "#1a1a1a", "width": 1}}),
        _line(table, "actual_kt", "actual", lang, mode="lines+markers",
              line={"width": 3}, marker={"size": 6, "color": series_colour("actual")}),
    ]
    return {"data": [t for t in traces if t is not None], "layout": base_layout(lang, y_title)}
