"""Emissions per inhabitant for the overview's and sectors' charts: each year's value ÷ that
year's population (pipelines.analytics.progress.per_capita), never a population ÷ itself.

A year without a population has no per-inhabitant value: it stays missing (a gap, "–" in the
table), never zero, and `years_without_population` names it for the chart's note.
"""

from __future__ import annotations

import pandas as pd

from pipelines.analytics.progress import per_capita

PROGRESS_COLUMNS = ("actual_t", "pathway_t", "projected_t", "projected_low_t", "projected_high_t",
                    "with_commitments_t")
DECIMALS = 2  # t CO2e per inhabitant: 4.78, as the compare page shows them


def population_series(frame: pd.DataFrame) -> pd.Series:
    """(year, value) rows of the population indicator → persons by year (the latest row per year)."""
    if frame.empty:
        return pd.Series(dtype=float)
    rows = frame.dropna(subset=["year", "value"]).drop_duplicates("year", keep="last")
    return pd.Series(rows["value"].to_numpy(float), index=rows["year"].astype(int).to_numpy(), dtype=float)


def divide_by_population(values_t: pd.Series, years: pd.Series, population: pd.Series) -> pd.Series:
    """Row by row (several sectors share a year): value ÷ population of the row's year, under
    per_capita's rule (only a population above 0 counts); NaN where either is missing."""
    people = population[population > 0]
    divisor = years.astype(int).map(people).astype(float)
    return pd.to_numeric(values_t, errors="coerce").astype(float) / divisor


def progress_per_inhabitant(progress: pd.DataFrame, population: pd.Series) -> pd.DataFrame:
    """A progress frame (t CO2e by year) with its series in t CO2e per inhabitant (one row per year:
    per_capita itself)."""
    out = progress.copy()
    years = out["year"].astype(int)
    for column in PROGRESS_COLUMNS:
        if column in out:
            by_year = pd.Series(pd.to_numeric(out[column], errors="coerce").to_numpy(float), index=years.to_numpy())
            out[column] = years.map(per_capita(by_year, population)).astype(float).to_numpy()
    return out


def levels_per_inhabitant(levels: dict[int, float], population: pd.Series) -> dict[int, float]:
    """Milestones (year → t) per inhabitant; a year without a population is left out (not drawn)."""
    shown = per_capita(pd.Series(levels, dtype=float), population)
    return {int(year): float(value) for year, value in shown.items()}


def target_per_inhabitant(target: tuple[int, float] | None, population: pd.Series) -> tuple[int, float] | None:
    if target is None:
        return None
    found = levels_per_inhabitant({target[0]: target[1]}, population)
    return (target[0], found[target[0]]) if found else None


def emissions_per_inhabitant(emissions: pd.DataFrame, population: pd.Series) -> pd.DataFrame:
    """Derived emissions rows (year, sector_code, value_t, …) with value_t per inhabitant."""
    out = emissions.copy()
    out["value_t"] = divide_by_population(out["value_t"], out["year"], population)
    return out


def years_without_population(years_with_values, population: pd.Series) -> list[int]:
    """The years that have an emissions value but no population (no per-inhabitant value)."""
    known = set(population[population > 0].index.astype(int))
    return sorted({int(y) for y in years_with_values} - known)
