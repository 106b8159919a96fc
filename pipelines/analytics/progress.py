"""Progress toward a target, change against the baseline, and per-capita emissions."""

from __future__ import annotations

import pandas as pd


def progress_pct(baseline_t: float, latest_t: float, target_t: float) -> float | None:
    """(baseline − latest) / (baseline − target) × 100; None when the baseline is already at or
    below the target (there is no way to go, so no share of it: −112 % would be nonsense)."""
    if baseline_t <= target_t:
        return None
    return (baseline_t - latest_t) / (baseline_t - target_t) * 100.0


def change_vs_baseline_pct(baseline_t: float, value_t: float) -> float | None:
    """(value − baseline) / |baseline| × 100: negative is a reduction (for sinks: more sink)."""
    if baseline_t == 0:
        return None
    return (value_t - baseline_t) / abs(baseline_t) * 100.0


def change_since_baseline_pct(baseline_year: int, baseline_t: float | None, year: int,
                              value_t: float | None) -> float | None:
    """`change_vs_baseline_pct` for a year after the baseline only: the baseline year's own 0 % is
    no change measured (it reads as "nothing moved"), and an earlier year's would run backward."""
    if year <= baseline_year or baseline_t is None or value_t is None:
        return None
    return change_vs_baseline_pct(baseline_t, value_t)


def per_capita(total_t: pd.Series, population: pd.Series) -> pd.Series:
    """Total ÷ population for the years that have both (never a sum of per-capita values)."""
    people = population[population > 0]
    joined = pd.concat([total_t.rename("total"), people.rename("people")], axis=1, join="inner")
    return (joined["total"] / joined["people"]).rename("per_capita_t")


def required_annual_change_t(
    latest_year: int, latest_t: float, target_year: int, target_t: float
) -> float | None:
    """The straight-line change per year still needed from the latest value to the target."""
    if target_year <= latest_year:
        return None
    return (target_t - latest_t) / (target_year - latest_year)
