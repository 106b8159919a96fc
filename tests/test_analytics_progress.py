"""Progress %, change against the baseline, per-capita emissions and the pace still needed."""

import pandas as pd
import pytest

from pipelines.analytics.progress import (
    change_vs_baseline_pct,
    per_capita,
    progress_pct,
    required_annual_change_t,
)


def test_progress_is_the_share_of_the_way_from_baseline_to_target():
    # Leuven 2030: 762 kt in 2010, 682 kt in 2016, target 0: (762 - 682) / 762 = 10.50 %
    assert progress_pct(762_000, 682_000, 0) == pytest.approx(10.4987, abs=1e-4)
    # CCC: 457,501 -> target 78,646; latest 400,000: 57,501 / 378,855 = 15.18 %
    assert progress_pct(457_501, 400_000, 78_646) == pytest.approx(15.1776, abs=1e-4)


def test_progress_is_100_at_the_target_and_above_100_past_it():
    assert progress_pct(500, 100, 100) == 100
    assert progress_pct(500, 50, 100) == pytest.approx(112.5)  # 450 / 400


def test_rising_emissions_give_negative_progress():
    assert progress_pct(100, 110, 0) == pytest.approx(-10)


def test_progress_of_a_target_equal_to_the_baseline_is_undefined():
    assert progress_pct(-7_275, -7_275, -7_275) is None


def test_change_vs_baseline_uses_the_size_of_the_baseline_for_sinks():
    assert change_vs_baseline_pct(762_000, 682_000) == pytest.approx(-10.4987, abs=1e-4)
    # a sink growing from -10,000 to -12,000 t: (-12,000 + 10,000) / 10,000 = -20 % (better)
    assert change_vs_baseline_pct(-10_000, -12_000) == pytest.approx(-20)
    assert change_vs_baseline_pct(0, 5) is None


def test_per_capita_divides_the_total_by_population_for_years_with_both():
    totals = pd.Series([200_000.0, 190_000.0, 180_000.0], index=[2010, 2011, 2012])
    people = pd.Series([100_000.0, 95_000.0], index=[2010, 2012])
    # 2010: 200,000 / 100,000 = 2.0; 2012: 180,000 / 95,000 = 1.894737; 2011 has no population
    result = per_capita(totals, people)
    assert list(result.index) == [2010, 2012]
    assert list(result) == pytest.approx([2.0, 1.894737], abs=1e-6)


def test_required_annual_change_is_the_straight_line_to_the_target():
    # from 182,000 t in 2016 to 0 in 2030: -13,000 t a year
    assert required_annual_change_t(2016, 182_000, 2030, 0) == pytest.approx(-13_000)
    assert required_annual_change_t(2030, 5, 2030, 0) is None
