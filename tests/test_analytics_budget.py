"""Carbon budget: cumulative pathway emissions against actual-plus-projected ones."""

import pandas as pd
import pytest

from pipelines.analytics.budget import carbon_budget, emissions_path
from pipelines.analytics.pathways import linear_pathway

# Pathway 100 (2020) -> 0 (2024): 100, 75, 50, 25, 0; budget = 250 t
PATHWAY = linear_pathway(2020, 100, 2024, 0)


def test_budget_runs_out_in_the_first_year_cumulative_emissions_exceed_it():
    actual = pd.Series([100.0, 90.0], index=[2020, 2021])
    projected = pd.Series([90.0, 80.0, 70.0, 60.0], index=[2021, 2022, 2023, 2024])
    budget = carbon_budget(PATHWAY, actual, projected)
    # path 100, 90 (actual), 80, 70, 60 (projected): cumulative 100, 190, 270 > 250 in 2022
    assert budget["budget_t"] == pytest.approx(250)
    assert budget["used_to_date_t"] == pytest.approx(190)
    assert budget["pathway_to_date_t"] == pytest.approx(175)  # 100 + 75
    assert budget["overspent_to_date_t"] == pytest.approx(15)
    assert budget["remaining_t"] == pytest.approx(60)
    assert budget["expected_t"] == pytest.approx(400)
    assert budget["year_runs_out"] == 2022


def test_emissions_within_the_pathway_stay_within_budget():
    actual = pd.Series([100.0, 70.0], index=[2020, 2021])
    projected = pd.Series([70.0, 40.0, 10.0, 0.0], index=[2021, 2022, 2023, 2024])
    budget = carbon_budget(PATHWAY, actual, projected)
    # 100 + 70 + 40 + 10 + 0 = 220 <= 250
    assert budget["expected_t"] == pytest.approx(220)
    assert budget["year_runs_out"] is None
    assert budget["year_runs_out_text"] == "within budget to the target year"


def test_missing_middle_years_are_interpolated_between_actual_values():
    actual = pd.Series([100.0, 60.0], index=[2020, 2022])
    path = emissions_path(PATHWAY, actual, None)
    # 2021 = (100 + 60) / 2 = 80; after the latest year nothing is known without a projection
    assert path[2021] == pytest.approx(80)
    assert path[[2023, 2024]].isna().all()


def test_without_a_projection_the_budget_is_judged_on_what_is_known():
    actual = pd.Series([100.0, 100.0, 100.0], index=[2020, 2021, 2022])
    budget = carbon_budget(PATHWAY, actual, None)
    # cumulative 100, 200, 300 > 250 in 2022 already; the expected total is unknown
    assert budget["year_runs_out"] == 2022
    assert budget["expected_t"] is None
    slow = carbon_budget(PATHWAY, actual.iloc[:2], None)
    assert slow["year_runs_out_text"] == "not enough data"


def test_years_before_the_first_value_count_at_the_pathway():
    # a published baseline: no actual in 2020; 2020 counts at the pathway's 100
    actual = pd.Series([75.0], index=[2021])
    assert emissions_path(PATHWAY, actual, None)[2020] == pytest.approx(100)
