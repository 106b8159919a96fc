"""What only the overall summary carries: the sector list, per-capita figures and data health."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from pipelines.analytics import headline, progress
from pipelines.analytics.inputs import AnalyticsInputs
from pipelines.vocab import TOTAL

SECTOR_LIST_KEYS = (
    "sector", "baseline_year", "baseline_t", "latest_year", "latest_t", "change_vs_baseline_pct", "progress_pct",
    "target_t", "target_source", "gap_t", "status",
)


def complete_total(
    summary: dict, inputs: AnalyticsInputs, table: pd.DataFrame, sectors: list[dict]
) -> None:
    """Add programme_id, sectors_included, incomplete_years, sectors, per_capita, data_health."""
    totals = table[(table["sector_code"] == TOTAL) & table["value_t"].notna()]
    latest = totals[totals["year"] == summary["latest_year"]]
    summary["programme_id"] = inputs.programme_id
    included = latest["sectors_included"].iloc[0] if len(latest) else None
    # A reported total's sectors are its publisher's: none listed (`years[].source` says so).
    summary["sectors_included"] = [c for c in included.split(",") if c] if isinstance(included, str) else []
    summary["incomplete_years"] = sorted(int(y) for y in totals.loc[~totals["complete"].astype(bool), "year"])
    summary["sectors"] = [{k: s.get(k) for k in SECTOR_LIST_KEYS} for s in sectors]
    # Per inhabitant only on complete totals: a partial year ÷ population would be a false fall.
    complete = totals[totals["complete"].astype(bool)]
    summary["per_capita"] = per_capita_summary(summary, complete, inputs.population)
    summary["data_health"] = emissions_health(totals, inputs)
    summary["years"] = headline.years_list(table)


def per_capita_summary(summary: dict, totals: pd.DataFrame, population: pd.Series) -> dict:
    """Per-capita emissions in the latest year that has both a total and a population."""
    series = pd.Series(totals["value_t"].to_numpy(float), index=totals["year"].astype(int))
    per_head = progress.per_capita(series, population)
    latest_year = summary["latest_year"]
    out: dict[str, float | int | None] = {"year": None, "population": None, "per_capita_t": None,
           "baseline_per_capita_t": None, "change_vs_baseline_pct": None}
    usable = per_head[per_head.index <= latest_year] if latest_year is not None else per_head
    if usable.empty:
        return out
    year = int(usable.index.max())
    latest_per_head = float(usable[year])
    out.update(year=year, population=float(population[year]), per_capita_t=latest_per_head)
    baseline_year = summary["baseline_year"]
    if baseline_year in per_head.index:
        baseline_per_head = float(per_head[baseline_year])
        out["baseline_per_capita_t"] = baseline_per_head
        out["change_vs_baseline_pct"] = progress.change_since_baseline_pct(
            baseline_year, baseline_per_head, year, latest_per_head)
    return out


def emissions_health(totals: pd.DataFrame, inputs: AnalyticsInputs) -> dict:
    """Data health of the emissions total: its years, gaps, corrections and last import."""
    years = sorted(int(y) for y in totals["year"])
    complete = sorted(int(y) for y in totals.loc[totals["complete"].astype(bool), "year"])
    pop = inputs.population.dropna()
    return {
        "first_year": years[0] if years else None,
        "latest_year": years[-1] if years else None,
        "latest_complete_year": complete[-1] if complete else None,
        "incomplete_years": sorted(set(years) - set(complete)),
        "missing_years": [y for y in range(years[0], years[-1] + 1) if y not in years] if years else [],
        "superseded_values": inputs.health.superseded_values,
        "last_import_at": inputs.health.last_import_at,
        "population_latest_year": int(pop.index.max()) if len(pop) else None,
    }


def clean(value):
    """JSON-safe copy: numpy numbers to Python, NaN and infinities to None."""
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value



