"""Trend projection: least-squares fits with a 90 % prediction interval, and when a target is met."""

import math

import pandas as pd
import pytest

from pipelines.analytics.trend import fit_trend, reached_text, year_target_reached

# x = 2016..2020, y = 100, 96, 95, 90, 89. x̄ = 2018, ȳ = 94; dx = -2..2, dy = 6, 2, 1, -4, -5
# Sxx = 10, Sxy = -12 - 2 + 0 - 4 - 10 = -28 -> slope -2.8 t/yr
# fitted 99.6, 96.8, 94, 91.2, 88.4; residuals .4 -.8 1 -1.2 .6; SSE 3.6; s = √(3.6/3) = 1.095445
NOISY = pd.Series([100, 96, 95, 90, 89], index=range(2016, 2021), dtype=float)


def test_linear_fit_matches_least_squares_by_hand():
    fit = fit_trend(NOISY).linear
    assert fit.slope == pytest.approx(-2.8)
    assert fit.resid_sd == pytest.approx(math.sqrt(1.2))
    # 2030: 94 - 2.8 * 12 = 60.4; half width t(.95, 3) * s * √(1 + 1/5 + 12²/10)
    # = 2.353 * 1.095445 * √15.6 = 2.353 * 1.095445 * 3.949684 = 10.18057
    centre, low, high = fit.at(2030)
    assert centre == pytest.approx(60.4)
    assert low == pytest.approx(60.4 - 10.18057, abs=1e-4)
    assert high == pytest.approx(60.4 + 10.18057, abs=1e-4)


def test_constant_rate_fit_finds_the_annual_percentage():
    # 100 * 0.9^k: -10 %/yr; 2030 = 100 * 0.9^14 = 22.8768; a perfect fit has no spread
    values = pd.Series([100 * 0.9**k for k in range(5)], index=range(2016, 2021))
    fit = fit_trend(values).constant_rate
    assert fit.annual_change == pytest.approx(-10)
    centre, low, high = fit.at(2030)
    assert centre == pytest.approx(22.87679, abs=1e-4)
    assert low == pytest.approx(centre) and high == pytest.approx(centre)


def test_fewer_than_five_values_is_not_enough_data():
    trend = fit_trend(NOISY.iloc[:4])
    assert trend.linear is None and trend.constant_rate is None
    assert trend.reason == "not enough data (4 of 5 yearly values)"
    assert reached_text(None, 2019, 2030, has_fit=False) == "not enough data"


def test_a_single_data_point_gives_no_trend():
    assert fit_trend(pd.Series([500.0], index=[2019])).linear is None


def test_only_the_last_ten_values_are_fitted():
    # 2001-2010 rise 10/yr, then 2011-2020 fall 5/yr: only the fall is fitted
    values = pd.Series([10.0 * k for k in range(10)] + [100 - 5.0 * k for k in range(10)],
                       index=range(2001, 2021))
    trend = fit_trend(values)
    assert trend.years == tuple(range(2011, 2021))
    assert trend.linear.slope == pytest.approx(-5)


def test_missing_years_in_the_middle_count_as_calendar_gaps():
    # 2010, 2011, 2014, 2015, 2016 on the line 100 - 2 * (year - 2010): slope -2, not -2.5
    years = [2010, 2011, 2014, 2015, 2016]
    values = pd.Series([100 - 2.0 * (y - 2010) for y in years], index=years)
    assert fit_trend(values).linear.slope == pytest.approx(-2)


def test_year_target_reached_at_the_current_pace():
    fit = fit_trend(NOISY).linear
    # 94 - 2.8 (y - 2018) <= 70  ->  y - 2018 >= 8.57  ->  2027
    assert year_target_reached(fit, 70, 2020, 89, 2030) == 2027
    # to 0: y - 2018 >= 33.6 -> 2052, beyond 2030 + 20
    assert year_target_reached(fit, 0, 2020, 89, 2030) is None
    assert reached_text(None, 2020, 2030, has_fit=True) == "not before 2050"


def test_target_already_met_is_reached_in_the_latest_year():
    assert year_target_reached(None, 95, 2020, 89, 2030) == 2020
    assert reached_text(2020, 2020, 2030, has_fit=True) == "already met (2020)"


def test_rising_emissions_never_reach_the_target():
    rising = pd.Series([100, 101, 103, 104, 106], index=range(2016, 2021), dtype=float)
    fit = fit_trend(rising).linear
    assert fit.slope > 0
    assert year_target_reached(fit, 50, 2020, 106, 2030) is None


def test_net_sink_has_a_linear_trend_but_no_constant_rate():
    sink = pd.Series([-5.0, -6, -7, -8, -9], index=range(2016, 2021))
    trend = fit_trend(sink)
    assert trend.linear.slope == pytest.approx(-1)
    assert trend.constant_rate is None
    assert "above zero" in trend.reason
