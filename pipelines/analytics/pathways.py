"""Target pathways: linear, piecewise linear through milestones, or a constant annual % rate.

A constant annual % reduction never reaches zero (or a net sink), so for a target at or below
zero the constant-rate pathway falls at a constant rate to a floor of 1 % of the baseline in the
year before the target year, and reaches the target in the target year; with a baseline at or
below zero (a net sink) there is no rate to speak of and the pathway is linear. The pathway's
`note` says when either applies.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

CONSTANT_RATE_FLOOR = 0.01  # of the baseline: where a constant-rate pathway to zero flattens


@dataclass(frozen=True)
class Pathway:
    """Pathway values by year from the baseline year to the target year (inclusive)."""

    values: pd.Series
    method: str
    note: str | None = None

    @property
    def baseline_year(self) -> int:
        return int(self.values.index[0])

    @property
    def target_year(self) -> int:
        return int(self.values.index[-1])

    def at(self, year: int) -> float | None:
        """The pathway value in `year`: none before the baseline, the target after the target year."""
        if year < self.baseline_year:
            return None
        return float(self.values.loc[min(year, self.target_year)])


def target_level(kind: str, value: float, baseline_t: float) -> float:
    """Tonnes a target (or milestone) stands for: residual % or reduction % of the baseline, or t."""
    if kind == "residual_pct":
        return baseline_t * value / 100.0
    if kind == "reduction_pct":
        return baseline_t * (1.0 - value / 100.0)
    if kind == "absolute_t":
        return float(value)
    raise ValueError(f"unknown target kind {kind!r}")


def linear_pathway(baseline_year: int, baseline_t: float, target_year: int, target_t: float) -> Pathway:
    return Pathway(_interpolate({baseline_year: baseline_t, target_year: target_t}), "linear")


def milestone_pathway(
    baseline_year: int, baseline_t: float, target_year: int, target_t: float,
    milestones: dict[int, float],
) -> Pathway:
    """Straight lines from the baseline through each milestone to the target."""
    inside = {y: v for y, v in milestones.items() if baseline_year < y < target_year}
    knots = {baseline_year: baseline_t, **inside, target_year: target_t}
    note = None
    if len(inside) < len(milestones):
        note = "milestones outside the baseline and target years are left out"
    return Pathway(_interpolate(knots), "milestones", note)


def constant_rate_pathway(
    baseline_year: int, baseline_t: float, target_year: int, target_t: float
) -> Pathway:
    """The same % reduction every year from the baseline to the target (see the module note)."""
    if baseline_t <= 0:
        linear = linear_pathway(baseline_year, baseline_t, target_year, target_t)
        return Pathway(linear.values, "constant_rate", "baseline is not above zero: linear pathway")
    years = np.arange(baseline_year, target_year + 1)
    span = target_year - baseline_year
    end = target_t
    note = None
    if target_t <= 0:
        end = CONSTANT_RATE_FLOOR * baseline_t
        span = max(span - 1, 1)
        note = (
            "a constant % rate never reaches zero: the pathway falls to 1 % of the baseline "
            "the year before the target year, then to the target"
        )
    ratio = end / baseline_t
    values = baseline_t * ratio ** (np.minimum(years - baseline_year, span) / span)
    if not np.isfinite(values).all():  # a rate too extreme for floats (e.g. a near-zero baseline)
        linear = linear_pathway(baseline_year, baseline_t, target_year, target_t)
        return Pathway(linear.values, "constant_rate", "no finite constant rate: linear pathway")
    values[-1] = target_t
    return Pathway(pd.Series(values, index=years, dtype=float), "constant_rate", note)


def annual_rate_pct(pathway: Pathway) -> float | None:
    """The constant-rate pathway's yearly change in % (negative = reduction)."""
    v = pathway.values
    if len(v) < 2 or v.iloc[0] <= 0 or v.iloc[1] <= 0:
        return None
    return float((v.iloc[1] / v.iloc[0] - 1.0) * 100.0)


def target_pathway(
    method: str, baseline_year: int, baseline_t: float, target_year: int, target_t: float,
    milestones: dict[int, float] | None = None,
) -> Pathway:
    """The pathway of a target set's method; 'milestones' without any milestone is linear."""
    if method == "constant_rate":
        return constant_rate_pathway(baseline_year, baseline_t, target_year, target_t)
    if method == "milestones" and milestones:
        return milestone_pathway(baseline_year, baseline_t, target_year, target_t, milestones)
    pathway = linear_pathway(baseline_year, baseline_t, target_year, target_t)
    if method == "milestones":
        return Pathway(pathway.values, "milestones", "no milestones: linear pathway")
    return pathway


def _interpolate(knots: dict[int, float]) -> pd.Series:
    xs = sorted(knots)
    years = np.arange(xs[0], xs[-1] + 1)
    values = np.interp(years, xs, [knots[x] for x in xs])
    return pd.Series(values, index=years, dtype=float)
