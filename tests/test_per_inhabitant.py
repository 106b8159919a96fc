"""Emissions per inhabitant on the overview: each year's value ÷ that year's population, a year
without a population missing (never zero), in the chart, table, CSV and summary."""

from __future__ import annotations

import csv
import io
import math

import pandas as pd
import pytest
from sqlalchemy import delete, select

from dashboard.app import create_app
from dashboard.components import chart_csv
from dashboard.context import current_programme
from dashboard.figures.per_inhabitant import (
    divide_by_population,
    emissions_per_inhabitant,
    levels_per_inhabitant,
    population_series,
    years_without_population,
)
from dashboard.figures.sectors import sector_table
from dashboard.sections.overview_sections import sectors_chart, trajectory_chart
from pipelines.db import make_engine
from pipelines.schema import Indicator, Observation
from pipelines.settings import Settings
from tests.conftest import unchanged
from tests.dashboard_seed import seed_dashboard_programme
from tests.wire_support import children, of_type

POPULATION = pd.Series({2019: 100_000.0, 2020: 125_000.0, 2022: 0.0})  # 2021 unknown; 0 is no population


def test_per_inhabitant_is_the_years_total_over_the_years_population():
    totals = pd.Series([500_000.0, 500_000.0, 480_000.0, 470_000.0])
    years = pd.Series([2019, 2020, 2021, 2022])
    shown = divide_by_population(totals, years, POPULATION)
    assert shown.iloc[0] == 5.0  # 500,000 t / 100,000
    assert shown.iloc[1] == 4.0  # 500,000 t / 125,000
    assert math.isnan(shown.iloc[2]) and math.isnan(shown.iloc[3])  # no population: missing, not 0
    assert years_without_population(years, POPULATION) == [2021, 2022]


def test_milestones_without_a_population_year_are_left_out():
    assert levels_per_inhabitant({2020: 250_000.0, 2030: 0.0}, POPULATION) == {2020: 2.0}


def test_sector_table_per_inhabitant_keeps_a_year_without_population_missing():
    emissions = pd.DataFrame({
        "year": [2020, 2020, 2021, 2021],
        "sector_code": ["buildings", "transport", "buildings", "transport"],
        "value_t": [250_000.0, 125_000.0, 240_000.0, 120_000.0],
    })
    table = sector_table(emissions_per_inhabitant(emissions, POPULATION), per_inhabitant=True)
    by_year = table.set_index("year")
    assert by_year.loc[2020, "buildings"] == 2.0 and by_year.loc[2020, "transport"] == 1.0
    assert by_year.loc[2021].isna().all()


def test_population_rows_become_a_series_by_year():
    frame = pd.DataFrame({"year": [2019, 2020], "value": [1.0, 2.0]})
    assert population_series(frame).to_dict() == {2019: 1.0, 2020: 2.0}
    assert population_series(pd.DataFrame(columns=["year", "value"])).empty


def _seed_without_the_2015_population(engine) -> None:
    """The seed programme (population 100,000 + 1,000·(y − 2010)) without its 2015 population."""
    seed_dashboard_programme(engine)
    with engine.begin() as conn:
        population_id = conn.scalar(select(Indicator.id).where(Indicator.code == "population"))
        conn.execute(delete(Observation).where(Observation.indicator_id == population_id,
                                               Observation.year == 2015))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def overview_app(request, tmp_path_factory, seeded_databases):
    """One app per backend for the module: its tests only draw figures (they read)."""
    directory = tmp_path_factory.mktemp("per_inhabitant")
    with seeded_databases.fresh(request.param, directory, _seed_without_the_2015_population) as url:
        engine = make_engine(url)
        with unchanged(engine):
            yield create_app(Settings(database_url=url), engine)
        engine.dispose()


@pytest.fixture
def overview(overview_app):
    with overview_app.server.test_request_context("/?lang=en"):
        yield current_programme("leuven")


def test_overview_trajectory_per_inhabitant_in_chart_table_csv_and_summary(overview):
    view = trajectory_chart(overview, None, "en", "inhabitant")
    table = view.table.set_index("year")
    assert table.loc[2010, "actual_kt"] == 6.88  # 688,000 t / 100,000
    assert table.loc[2024, "actual_kt"] == 4.19  # 478,000 t / 114,000 = 4.193
    assert table.loc[2024, "population"] == 114_000
    assert math.isnan(table.loc[2015, "actual_kt"])  # 2015 has no population: missing, not 0
    measured = next(trace for trace in view.figure["data"] if trace["name"] == "Measured emissions")
    assert measured["y"][measured["x"].index(2015)] is None and measured["y"][-1] == 4.19
    assert view.figure["layout"]["yaxis"]["title"]["text"] == "t CO₂e per inhabitant per year"
    rows = {int(r["Year"]): r for r in csv.DictReader(io.StringIO(chart_csv(view)))}
    assert rows[2024]["Measured (t CO₂e per inhabitant)"] == "4.19"
    assert rows[2015]["Measured (t CO₂e per inhabitant)"] == ""
    assert rows[2015]["Note"] == "no population for this year"
    assert "In 2024, emissions were 4.19 t CO₂e per inhabitant (114,000 inhabitants)." in view.summary
    assert "it is missing for 2015" in view.summary


def test_overview_trajectory_in_total_is_unchanged(overview):
    view = trajectory_chart(overview, None, "en")
    assert view.table.set_index("year").loc[2024, "actual_kt"] == 478.0
    assert "population" not in view.table


def test_overview_sectors_per_inhabitant(overview):
    view, empty = sectors_chart(overview.id, "absolute", "nl", "inhabitant")
    table = view.table.set_index("year")
    # buildings 2024: 450,000 − 140,000 = 310,000 t / 114,000 = 2.719
    assert not empty and table.loc[2024, "buildings"] == 2.72
    assert table.loc[2015, ["buildings", "transport", "waste", "afolu"]].isna().all()
    assert "2,72 t CO₂e per inwoner" in view.summary and "2015" in view.summary
    shares, _ = sectors_chart(overview.id, "share", "en", "inhabitant")
    assert shares.table.set_index("year").loc[2024, "buildings"] == 64.9  # a share is a share


def test_sector_page_trajectory_per_inhabitant(overview):
    from dashboard.pages.sectors import sector_content

    blocks = sector_content(overview, "buildings", None, "en", "inhabitant")
    sentence = children(blocks[1])
    # buildings: 450,000 t / 100,000 = 4.50 in 2010; 310,000 t / 114,000 = 2.72 in 2024
    assert sentence.startswith("Emissions per inhabitant went from 4.50 t CO₂e in 2010 to 2.72 t in 2024.")
    rows = {int(r["Year"]): r for r in csv.DictReader(io.StringIO(_csv_of(blocks[2])))}
    assert rows[2024]["Measured (t CO₂e per inhabitant)"] == "2.72"
    assert float(rows[2024]["Inhabitants"]) == 114_000
    assert rows[2015]["Measured (t CO₂e per inhabitant)"] == "" and rows[2015]["Inhabitants"] == ""


def _csv_of(block: dict) -> str:
    """What the block's CSV download gives (its store, as components.chart_block fills it)."""
    [store] = [c for c in of_type(block, "Store") if c["props"]["id"].get("role") == "csv-data"]
    return store["props"]["data"]["content"]
