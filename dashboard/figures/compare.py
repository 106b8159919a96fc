"""Programmes side by side: per inhabitant, index (baseline = 100), progress, sector mix.

Pure: tables in, tables and Plotly figure dicts out. A year whose sectors are incomplete is
drawn as an open marker and flagged in the tables; a year without population has no per-inhabitant
value (a gap, never zero); a programme without a target set has no progress (said, not drawn as 0).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.figures.common import base_layout, clean, legend_name, plotly_text
from pipelines.vocab import INK, PROGRAMME_COLOURS, SECTOR_BY_CODE, TOP_LEVEL_SECTORS

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
    if rows.empty:
        return pd.DataFrame(columns=["year", "programme", "index", "complete", "base_year"])
    values = rows["value_t"].astype(float)
    known: dict = {}  # programme id → {year: value}, years ascending (rows are sorted by year)
    for pid, year, value in zip(rows["programme_id"], rows["year"], values, strict=True):
        if pd.notna(value):
            known.setdefault(pid, {})[int(year)] = value
    baselines = dict(zip(chosen["id"], chosen["baseline_year"], strict=True))
    base_years = {pid: _base_year(int(baselines[pid]), known.get(pid, {})) for pid in rows["programme_id"].unique()}
    bases = {pid: known[pid][year] if year is not None else None for pid, year in base_years.items()}
    base = rows["programme_id"].map(lambda pid: bases[pid] or float("nan"))  # a base of 0 or none: no index
    years = [base_years[pid] for pid in rows["programme_id"]]
    # One dtype as a concatenation per programme had: whole years, or objects when a programme has none.
    base_year = pd.Series(years, dtype=object if None in years else "int64")
    return rows.assign(index=(values / base * 100).round(1), base_year=base_year)[
        ["year", "programme", "index", "complete", "base_year"]].reset_index(drop=True)


def _base_year(baseline_year: int, known: dict[int, float]) -> int | None:
    """The programme's baseline year if it has a value then, else its first year with one."""
    if baseline_year in known:
        return baseline_year
    return next(iter(known), None)


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
    top = sectors[sectors["sector_code"].isin(TOP_LEVEL_SECTORS)]
    own: dict = {}  # programme id → [(year, sector, value)]: a pass over plain tuples, not a frame per programme
    for pid, year, code, value in zip(top["programme_id"], top["year"], top["sector_code"], top["value_t"],
                                      strict=True):
        own.setdefault(pid, []).append((year, code, value))
    table = pd.DataFrame([_sector_mix_row(row.name, own.get(row.id, [])) for row in chosen.itertuples(index=False)])
    for code in TOP_LEVEL_SECTORS:
        if code not in table:
            table[code] = None
    present = [c for c in TOP_LEVEL_SECTORS if table[c].notna().any()]
    return table[["programme", "year", *present, "missing"]]


def _sector_mix_row(name: str, own: list[tuple]) -> dict:
    """One programme's row of `sector_mix_table` from its (year, sector, value) rows."""
    known_years = [year for year, _code, value in own if pd.notna(value)]
    if not known_years:
        return {"programme": name, "year": None, "missing": ""}
    year = int(max(known_years))
    values: dict[str, float] = {}  # one value per sector and year (the derived table's key)
    for y, code, value in own:
        if y == year and pd.notna(value):
            values[code] = values.get(code, 0.0) + value
    codes = sorted(values)
    positive = np.clip(np.array([values[c] for c in codes], dtype=float), 0, None)
    total = positive.sum()
    shares = np.round(positive / total * 100, 1) if total > 0 else positive * float("nan")
    missing = sorted({code for y, code, value in own if y == year and pd.isna(value)})
    return {"programme": name, "year": year, **dict(zip(codes, shares, strict=True)), "missing": ",".join(missing)}


def line_figure(table: pd.DataFrame, value: str, lang: str, y_title: str, incomplete_label: str) -> dict:
    """One line per programme over its complete years; an incomplete year is not a measured point
    (its sum would look like a fall) but an open marker of its own; missing values are gaps."""
    traces = []
    for i, (name, group) in enumerate(table.groupby("programme", sort=False)):
        complete = group["complete"].fillna(True).astype(bool).to_numpy()
        colour, symbol = PROGRAMME_COLOURS[i % len(PROGRAMME_COLOURS)], SYMBOLS[i % len(SYMBOLS)]
        values = group[value].where(complete)
        traces.append({
            "type": "scatter", "mode": "lines+markers", "name": plotly_text(name), "legendgroup": plotly_text(name),
            "x": clean(group["year"]), "y": clean(values), "connectgaps": False,
            "line": {"color": colour, "width": 2.5}, "marker": {"size": 9, "symbol": symbol},
            "hovertemplate": "%{y:,.2f}<extra>%{fullData.name}</extra>",
        })
        if not complete.all():
            traces.append({
                "type": "scatter", "mode": "markers", "name": f"{plotly_text(name)}: {incomplete_label}", "legendgroup": plotly_text(name),
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
    names = [f"{plotly_text(p)} ({status_labels.get(s, s)})"
             for p, s in zip(table["programme"], table["status"], strict=True)]
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


def sector_mix_figure(table: pd.DataFrame, lang: str, x_title: str, incomplete: str = "incomplete") -> dict:
    """Stacked 100 % bars: each programme's sector shares in its latest year; a year with a sector
    missing says `incomplete` beside it (its shares are of the known sectors only)."""
    # The year on a line of its own: on a phone the labels would otherwise take most of the width
    # and leave the bars a sliver with a single "0%" under them.
    labels = [f"{plotly_text(p)}<br>({int(y)}{', ' + incomplete if m else ''})" if pd.notna(y) else plotly_text(str(p))
              for p, y, m in zip(table["programme"], table["year"], table["missing"], strict=True)]
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
