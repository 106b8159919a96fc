"""Trend projection: linear and constant-rate (log-linear) fits with a 90 % prediction interval.

The fit uses the last ≤ 10 yearly values (years may have gaps: x is the calendar year); with fewer
than 5 values there is no trend ("not enough data"). The prediction interval of a new yearly
value at year x0 is  ŷ ± t(0.95, n−2) · s · √(1 + 1/n + (x0 − x̄)² / Sxx)  — a two-sided 90 %
interval of ordinary least squares. The constant-rate fit does this on ln(value) and needs every
value above zero (a net sink has no rate).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual

MIN_VALUES = 5
MAX_VALUES = 10
HORIZON_YEARS = 20  # "not before TARGET_YEAR + 20": how far we look for the year a target is met
PREDICTION_LEVEL_PCT = 90
# Student's t, 95th percentile (one tail of a two-sided 90 % interval), by degrees of freedom;
# n is 5..10 values, so df = n − 2 is 3..8. Values from any t table (e.g. NIST/SEMATECH 1.3.6.7.2).
T_95 = {3: 2.353, 4: 2.132, 5: 2.015, 6: 1.943, 7: 1.895, 8: 1.860}


@dataclass(frozen=True)
class Fit:
    """A least-squares line through (year, value) — or (year, ln value) for 'constant_rate'."""

    method: str  # linear | constant_rate
    intercept: float  # at x̄ (centred, for numerical stability)
    slope: float  # per year (t/yr, or ln units/yr)
    x_mean: float
    sxx: float
    resid_sd: float
    n: int

    def predict(self, years) -> pd.DataFrame:
        """projected, low, high (90 % prediction interval) for each year."""
        x = np.asarray(list(years), dtype=float)
        centre = self.intercept + self.slope * (x - self.x_mean)
        half = T_95[self.n - 2] * self.resid_sd * np.sqrt(
            1.0 + 1.0 / self.n + (x - self.x_mean) ** 2 / self.sxx
        )
        low, high = centre - half, centre + half
        if self.method == "constant_rate":
            centre, low, high = np.exp(centre), np.exp(low), np.exp(high)
        return pd.DataFrame(
            {"projected": centre, "low": low, "high": high}, index=x.astype(int)
        )

    def at(self, year: int) -> tuple[float, float, float]:
        row = self.predict([year]).iloc[0]
        return float(row["projected"]), float(row["low"]), float(row["high"])

    @property
    def annual_change(self) -> float:
        """t/yr for a linear fit; % per year for a constant-rate fit."""
        if self.method == "constant_rate":
            return (math.exp(self.slope) - 1.0) * 100.0
        return self.slope


NOT_ENOUGH_DATA = Bilingual("not enough data", "te weinig gegevens", "données insuffisantes")


@dataclass(frozen=True)
class Trend:
    years: tuple[int, ...]
    linear: Fit | None
    constant_rate: Fit | None
    reason: str | None = None  # why there is no (constant-rate) fit


def fit_line(x: np.ndarray, y: np.ndarray, method: str) -> Fit:
    x_mean = float(x.mean())
    sxx = float(((x - x_mean) ** 2).sum())
    slope = float(((x - x_mean) * (y - y.mean())).sum() / sxx)
    intercept = float(y.mean())
    resid = y - (intercept + slope * (x - x_mean))
    resid_sd = math.sqrt(float((resid**2).sum()) / (len(x) - 2))
    return Fit(method, intercept, slope, x_mean, sxx, resid_sd, len(x))


def fit_trend(values: pd.Series) -> Trend:
    """Fit both trends to the last ≤ 10 values of a yearly series (NaN values are left out)."""
    recent = values.dropna().sort_index().iloc[-MAX_VALUES:]
    years = tuple(int(y) for y in recent.index)
    if len(recent) < MIN_VALUES:
        found = len(recent)
        return Trend(years, None, None, Bilingual(f"not enough data ({found} of {MIN_VALUES} yearly values)",
                                                  f"te weinig gegevens ({found} van {MIN_VALUES} jaarwaarden)",
                                                  f"données insuffisantes ({found} valeurs annuelles sur {MIN_VALUES})"))
    x = recent.index.to_numpy(dtype=float)
    y = recent.to_numpy(dtype=float)
    linear = fit_line(x, y, "linear")
    if (y <= 0).any():
        return Trend(years, linear, None, Bilingual(
            "constant-rate fit needs every value above zero",
            "een trend met constant tempo vraagt dat elke waarde boven nul ligt",
            "l'ajustement à taux constant exige que toutes les valeurs soient supérieures à zéro"))
    return Trend(years, linear, fit_line(x, np.log(y), "constant_rate"))


def year_target_reached(
    fit: Fit | None, target_t: float, latest_year: int, latest_t: float, target_year: int,
    history: pd.Series | None = None,
) -> int | None:
    """The first year the value is at or below the target: when the latest value already is, the
    first year of the run of measured years at or below it that ends in the latest year (from
    `history`); else the first later year the fit's central projection gets there, up to
    TARGET_YEAR + 20."""
    if latest_t <= target_t:
        return first_year_met(history, target_t, latest_year)
    if fit is None:
        return None
    years = range(latest_year + 1, target_year + HORIZON_YEARS + 1)
    projected = fit.predict(years)["projected"]
    reached = projected[projected <= target_t]
    return int(reached.index[0]) if len(reached) else None


def first_year_met(history: pd.Series | None, target_t: float, latest_year: int) -> int:
    """The year since which the measured values have stayed at or below the target."""
    if history is None:
        return latest_year
    values = history.dropna().sort_index()
    values = values[values.index <= latest_year]
    first = latest_year
    for year in reversed(values.index.tolist()):
        if values[year] > target_t:
            break
        first = int(year)
    return first


def reached_text(year: int | None, latest_year: int, target_year: int, has_fit: bool) -> str:
    """Words for year_target_reached: '2034', 'already met (2023)', 'not before 2050' (a Bilingual)."""
    if year is not None:
        if year <= latest_year:
            return Bilingual(f"already met ({year})", f"al gehaald ({year})", f"déjà atteint ({year})")
        return str(year)
    if not has_fit:
        return NOT_ENOUGH_DATA
    last = target_year + HORIZON_YEARS
    return Bilingual(f"not before {last}", f"niet vóór {last}", f"pas avant {last}")
