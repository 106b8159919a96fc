"""The API's emissions per inhabitant (?per=inhabitant): the numbers the pages show, the unit said,
a year without population flagged and empty (never zero), a bad `per` a 400, its own ETag.

Seed (tests/dashboard_seed.py): total 688,000 − 15,000·(y−2010) t, population 100,000 +
1,000·(y−2010); here without its 2015 population.
"""

from __future__ import annotations

import csv
import io
import math

import pytest
from sqlalchemy import delete, select

from dashboard import queries
from dashboard.app import create_app
from dashboard.figures.per_inhabitant import emissions_per_inhabitant, population_series
from pipelines.schema import Indicator, Observation
from pipelines.settings import Settings
from tests.auth_support import SECRET
from tests.dashboard_seed import seed_dashboard_programme

API = "/api/v1/programmes/leuven"


@pytest.fixture
def seeded(engine) -> int:
    programme_id = seed_dashboard_programme(engine)
    with engine.begin() as conn:
        population_id = conn.scalar(select(Indicator.id).where(Indicator.code == "population"))
        conn.execute(delete(Observation).where(Observation.indicator_id == population_id,
                                               Observation.year == 2015))
    return programme_id


@pytest.fixture
def client(engine, database_url):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine).server.test_client()


def test_per_inhabitant_is_each_years_value_over_its_population_with_the_unit(seeded, client):
    body = client.get(f"{API}/emissions.json?per=inhabitant").get_json()
    assert body["meta"]["unit"] == "t CO2e per inhabitant" and body["meta"]["per"] == "inhabitant"
    rows = {(r["year"], r["sector"]): r for r in body["data"]}
    total_2024 = rows[(2024, "total")]
    # 478,000 t ÷ 114,000 inhabitants = 4.19298… t per inhabitant
    assert total_2024["value_t_co2e_per_inhabitant"] == pytest.approx(478_000 / 114_000)
    assert total_2024["population"] == 114_000 and total_2024["population_missing"] is False
    assert total_2024["unit"] == "t CO2e per inhabitant"
    assert rows[(2024, "afolu")]["value_t_co2e_per_inhabitant"] == pytest.approx(-12_000 / 114_000)
    assert "value_t_co2e" not in total_2024  # no column in another unit beside it


def test_a_year_without_population_is_flagged_and_empty_not_zero(seeded, client):
    body = client.get(f"{API}/emissions.json?per=inhabitant").get_json()
    assert body["meta"]["years_without_population"] == [2015]
    for row in (r for r in body["data"] if r["year"] == 2015):
        assert row["population_missing"] is True
        assert row["value_t_co2e_per_inhabitant"] is None and row["population"] is None
    text = client.get(f"{API}/emissions.csv?per=inhabitant").get_data(as_text=True)
    lines = list(csv.DictReader(io.StringIO(text)))
    total_2015 = next(r for r in lines if (r["year"], r["sector"]) == ("2015", "total"))
    assert total_2015["value_t_co2e_per_inhabitant"] == "" and total_2015["population_missing"] == "true"
    assert total_2015["unit"] == "t CO2e per inhabitant"


def test_per_inhabitant_equals_what_the_pages_query_and_divide(engine, seeded, client):
    rows = client.get(f"{API}/emissions.json?per=inhabitant").get_json()["data"]
    page = emissions_per_inhabitant(queries.emissions_by_sector(engine, seeded),
                                    population_series(queries.population(engine, seeded)))
    expected = {(int(y), s): (None if math.isnan(v) else float(v))
                for y, s, v in zip(page["year"], page["sector_code"], page["value_t"], strict=True)}
    assert {(r["year"], r["sector"]): r["value_t_co2e_per_inhabitant"] for r in rows} == expected


def test_csv_per_inhabitant_has_its_own_columns_and_file_name(seeded, client):
    response = client.get(f"{API}/emissions.csv?per=inhabitant")
    assert response.status_code == 200
    assert 'filename="leuven-emissions-per-inhabitant.csv"' in response.headers["Content-Disposition"]
    header = response.get_data(as_text=True).splitlines()[0].split(",")
    assert header[:6] == ["year", "sector", "value_t_co2e_per_inhabitant", "unit", "population",
                          "population_missing"]
    total = client.get(f"{API}/emissions.csv?per=total").get_data(as_text=True)
    assert total == client.get(f"{API}/emissions.csv").get_data(as_text=True)


@pytest.mark.parametrize("path", ["emissions.json", "emissions.csv"])
def test_an_unknown_per_is_a_400_naming_the_valid_values(seeded, client, path):
    response = client.get(f"{API}/{path}?per=household")
    assert response.status_code == 400
    body = response.get_json()
    assert body["code"] == "bad_parameter"
    assert "'per'" in body["message"] and "total, inhabitant" in body["message"] and "household" in body["message"]
    assert body["message_nl"].startswith("Parameter 'per' moet een van")


def test_the_etag_differs_per_inhabitant_and_each_gives_its_own_304(seeded, client):
    total = client.get(f"{API}/emissions.json")
    per = client.get(f"{API}/emissions.json?per=inhabitant")
    assert total.headers["ETag"] != per.headers["ETag"]
    crossed = client.get(f"{API}/emissions.json?per=inhabitant", headers={"If-None-Match": total.headers["ETag"]})
    assert crossed.status_code == 200 and crossed.get_json()["meta"]["per"] == "inhabitant"
    again = client.get(f"{API}/emissions.json?per=inhabitant", headers={"If-None-Match": per.headers["ETag"]})
    assert again.status_code == 304


def test_the_openapi_document_and_the_guide_describe_per(seeded, client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path in ("emissions.json", "emissions.csv"):
        operation = document["paths"][f"/programmes/{{slug}}/{path}"]["get"]
        per = next(p for p in operation["parameters"] if p["name"] == "per")
        assert per["schema"]["enum"] == ["total", "inhabitant"] and "400" in operation["responses"]
    assert "population_missing" in document["components"]["schemas"]["EmissionPerInhabitant"]["properties"]
    guide = client.get("/api/v1/?lang=nl").get_data(as_text=True)
    assert "emissions.json?per=inhabitant" in guide and "per inwoner" in guide
