"""Data health per indicator, read from a real database."""

from datetime import datetime, timedelta

import pandas as pd
import pytest

from pipelines.analytics.health import data_health
from pipelines.analytics.queries import iso_utc
from tests.analytics_db import add_indicator, put_observations


def test_health_reports_latest_period_missing_years_corrections_and_import_age(engine, programme_id):
    add_indicator(engine, programme_id, "pv.rooftop", unit="kWp")
    put_observations(engine, programme_id, [
        ("emissions.transport", "2010", 60_000.0), ("emissions.transport", "2013", 58_000.0),
        ("emissions.transport", "2014", None, "NE"),
        ("pv.rooftop", "2023-11", 10.0), ("pv.rooftop", "2023-12", 12.0), ("pv.rooftop", "2024-01", 13.0),
    ])
    put_observations(engine, programme_id, [("emissions.transport", "2013", 57_500.0)])
    health = data_health(engine, programme_id).set_index("code")
    transport = health.loc["emissions.transport"]
    assert (transport["first_year"], transport["last_year"]) == (2010, 2013)
    assert transport["latest_period"] == "2014"  # the latest period, even if its value is missing
    assert transport["missing_years"] == [2011, 2012]
    assert transport["values"] == 2 and transport["missing_values"] == 1
    assert transport["superseded_values"] == 1  # 58,000 corrected to 57,500
    assert transport["last_batch_id"] == 2
    pv = health.loc["pv.rooftop"]
    assert pv["latest_period"] == "2024-01" and pv["missing_years"] == []
    assert pv["last_batch_id"] == 1
    assert pd.isna(health.loc["population"]["latest_period"])  # no data: no period


def test_import_age_is_measured_at_query_time(engine, programme_id):
    put_observations(engine, programme_id, [("emissions.transport", "2010", 60_000.0)])
    first = data_health(engine, programme_id).set_index("code").loc["emissions.transport"]
    later = datetime.fromisoformat(first["last_import_at"]) + timedelta(days=10)
    aged = data_health(engine, programme_id, now=later).set_index("code").loc["emissions.transport"]
    assert aged["last_import_age_days"] == pytest.approx(10)
    assert iso_utc("2026-01-02 03:04:05") == "2026-01-02T03:04:05+00:00"
