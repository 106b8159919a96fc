"""Programmes side by side: per inhabitant, index (baseline = 100), progress, sector mix.

Pure: tables in, tables and Plotly figure dicts out. A year whose sectors are incomplete is
drawn as an open marker and flagged in the tables; a year without population has no per-inhabitant
value (a gap, never zero); a programme without a target set has no progress (said, not drawn as 0).
"""

from __future__ import annotations

import pandas as pd

from dashboard.figures.common import base_layout, clean, legend_name
from pipelines.vocab import INK, PROGRAMME_COLOURS, SECTOR_BY_CODE, SECTORS

TOP_LEVEL = tuple(s.code for s in SECTORS if s.parent is None)
SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x")


def _totals_of(chosen: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """The chosen programmes' yearly totals with their names, in the order chosen."""
    names = chosen.set_index("id")["name"]
    rows = totals[totals["programme_id"].isin(names.index)].copy()
    rows["programme"] = rows["programme_id"].map(names)
    order = {pid: i for i, pid in enumerate(chosen["id"])}
    rows["order"] = rows["programme_id"].map(order)
    return rows.sort_values(["order", "year"]).reset_index(drop=True)


def per_capita_table(chosen: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """year, programme, per inhabitant (t CO2e; None without population), complete, population known."""
    rows = _totals_of(chosen, totals)
    rows["per_capita_t"] = pd.to_numeric(rows["per_capita_t"], errors="coerce").round(2)
    rows["has_population"] = rows["per_capita_t"].notna() | rows["value_t"].isna()
    return rows[["year", "programme", "per_capita_t", "complete", "has_population"]]


def index_table(chosen: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """year, programme, index (its baseline year = 100; else its first year with a value), base year."""
    rows = _totals_of(chosen, totals)
    out = []
    for pid, group in rows.groupby("programme_id", sort=False):
        values = group.set_index("year")["value_t"].astype(float)
        baseline_year = int(chosen.loc[chosen["id"] == pid, "baseline_year"].iloc[0])
        known = values.dropna()
        base_year = baseline_year if baseline_year in known.index else (int(known.index[0]) if len(known) else None)
        base = known.get(base_year) if base_year is not None else None
        index = (values / base * 100).round(1) if base else values * float("nan")
        out.append(group.assign(index=index.to_numpy(), base_year=base_year))
    if not out:
        return pd.DataFrame(columns=["year", "programme", "index", "complete", "base_year"])
    return pd.concat(out)[["year", "programme", "index", "complete", "base_year"]].reset_index(drop=True)


def progress_table(chosen: pd.DataFrame, status: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """programme, progress toward its own target (%), status code, target year, latest year."""
    latest = totals.dropna(subset=["value_t"]).groupby("programme_id")["year"].max()
    by_id = status.set_index("programme_id") if not status.empty else pd.DataFrame()
    rows = []
    for row in chosen.itertuples(index=False):
        has = row.id in by_id.index
        rows.append({
            "programme": row.name,
            "progress_pct": by_id.at[row.id, "progress_pct"] if has else None,
            "status": by_id.at[row.id, "status"] if has else "no_target",
            "target_year": int(by_id.at[row.id, "target_year"]) if has else None,
            "latest_year": int(latest[row.id]) if row.id in latest.index else None,
        })
    table = pd.DataFrame(rows, columns=["programme", "progress_pct", "status", "target_year", "latest_year"])
    table["progress_pct"] = pd.to_numeric(table["progress_pct"], errors="coerce").round(1)
    return table


def sector_mix_table(chosen: pd.DataFrame, sectors: pd.DataFrame) -> pd.DataFrame:
    """programme, year (its latest with sector values), each top-level sector's share (%) of the
    sectors known, and which sectors are missing that year (then the shares are of the known ones)."""
    rows = []
    for row in chosen.itertuples(index=False):
        own = sectors[(sectors["programme_id"] == row.id) & sectors["sector_code"].isin(TOP_LEVEL)]
        known = own.dropna(subset=["value_t"])
        if known.empty:
            rows.append({"programme": row.name, "year": None, "missing": ""})
            continue
        year = int(known["year"].max())
        this = own[own["year"] == year]
        values = this.dropna(subset=["value_t"]).groupby("sector_code")["value_t"].sum()
        positive = values.clip(lower=0)
        shares = (positive / positive.sum() * 100).round(1) if positive.sum() > 0 else positive * float("nan")
        missing = sorted(set(this.loc[this["value_t"].isna(), "sector_code"]))
        rows.append({"programme": row.name, "year": year, **shares.to_dict(), "missing": ",".join(missing)})
    table = pd.DataFrame(rows)
    for code in TOP_LEVEL:
        if code not in table:
            table[code] = None
    present = [c for c in TOP_LEVEL if table[c].notna().any()]
    return table[["programme", "year", *present, "missing"]]


def line_figure(table: pd.DataFrame, value: str, lang: str, y_title: str, incomplete_label: str) -> dict:
    """One line per programme over its complete years; an incomplete year is not a measured point
    (its sum would look like a fall) but an open marker of its own; missing values are gaps."""
    traces = []
    for i, (name, group) in enumerate(table.groupby("programme", sort=False)):
        complete = group["complete"].fillna(True).astype(bool).to_numpy()
        colour, symbol = PROGRAMME_COLOURS[i % len(PROGRAMME_COLOURS)], SYMBOLS[i % len(SYMBOLS)]
        values = group[value].where(complete)
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": name, "legendgroup": name,
            "x": clean(group["year"]), "y": clean(values), "connectgaps": False,
            "line": {"color": colour, "width": 2.5}, "marker": {"size": 9, "symbol": symbol},
            "hovertemplate": "%{y:,.2f}<extra>%{fullData.name}</extra>",
        })
        if not complete.all():
            traces.append({
                "type": "scatter", "mode": "markers", "name": f"{name}: {incomplete_label}", "legendgroup": name,
                "x": clean(group["year"][~complete]), "y": clean(group[value][~complete]), "showlegend": False,
                "marker": {"size": 10, "symbol": f"{symbol}-open", "color": colour, "line": {"width": 2}},
                "hovertemplate": "%{y:,.2f}<extra>%{fullData.name}</extra>",
            })
    layout = base_layout(lang, y_title)
    layout["xaxis"]["dtick"] = 1  # whole years only (a few years would get half-year ticks)
    layout["yaxis"]["rangemode"] = "normal" if value == "index" else "tozero"
    return {"data": traces, "layout": layout}


def progress_figure(table: pd.DataFrame, lang: str, x_title: str, status_labels: dict[str, str]) -> dict:
    """Horizontal bars: each programme's progress toward its own target (100 % = reached);
    a programme without a target or a value has no bar, its status written beside its name."""
    names = [f"{p} ({status_labels.get(s, s)})" for p, s in zip(table["programme"], table["status"], strict=True)]
    trace = {
        "type": "bar", "orientation": "h", "x": clean(table["progress_pct"]), "y": names,
        "marker": {"color": PROGRAMME_COLOURS[0]}, "hovertemplate": f"%{{x:,.1f}} % ({x_title})<extra>%{{y}}</extra>",
        "name": x_title,
    }
    # The meaning goes in the hover and the table: an axis title would be cut off on a phone.
    layout = base_layout(lang, "", height=120 + 48 * len(table))
    layout["xaxis"].update(tickformat=",~f", rangemode="tozero", ticksuffix="%")
    layout["yaxis"].update(autorange="reversed", tickformat=None, rangemode="normal")
    layout["shapes"] = [{"type": "line", "x0": 100, "x1": 100, "yref": "paper", "y0": 0, "y1": 1,
                         "line": {"color": INK, "dash": "dot"}}]
    layout["showlegend"] = False
    return {"data": [trace], "layout": layout}


def sector_mix_figure(table: pd.DataFrame, lang: str, x_title: str) -> dict:
    """Stacked 100 % bars: each programme's sector shares in its latest year."""
    labels = [f"{p} ({int(y)})" if pd.notna(y) else str(p) for p, y in zip(table["programme"], table["year"], strict=True)]
    traces = [{
        "type": "bar", "orientation": "h", "name": legend_name(SECTOR_BY_CODE[code].label(lang)), "x": clean(table[code]),
        "y": labels, "marker": {"color": SECTOR_BY_CODE[code].colour},
        "hovertemplate": "%{x:,.1f} %<extra>%{fullData.name}</extra>",
    } for code in table.columns if code in SECTOR_BY_CODE]
    layout = base_layout(lang, "", height=160 + 48 * len(table))
    layout["barmode"] = "stack"
    layout["xaxis"].update(range=[0, 100], tickformat=",~f", ticksuffix="%")
    layout["yaxis"].update(autorange="reversed", tickformat=None, rangemode="normal")
    return {"data": traces, "layout": layout}
