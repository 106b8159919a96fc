"""A programme's Frictionless Data Package (valid under `frictionless validate`) and DCAT-AP record.

Data: tests/dashboard_seed.py (75 emissions rows: 15 years × 4 sectors and the total; its
observations carry a file, a batch and a source).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from frictionless import Package

from dashboard.app import create_app
from pipelines.settings import Settings
from tests.auth_support import SECRET
from tests.dashboard_seed import seed_dashboard_programme

API = "/api/v1/programmes/leuven"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the dashboard seed (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, seed_dashboard_programme) as url:
        yield url


@pytest.fixture
def client(engine, database_url):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine).server.test_client()


def mirror_package(client, directory) -> dict:
    """Save datapackage.json and every resource it names beside it, as a download would."""
    package = client.get(f"{API}/datapackage.json").get_json()
    (directory / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    for resource in package["resources"]:
        response = client.get(f"{API}/{resource['path']}")
        assert response.status_code == 200, resource["path"]
        (directory / resource["path"]).write_bytes(response.data)
    return package


def test_the_data_package_is_valid_under_frictionless(client, tmp_path):
    package = mirror_package(client, tmp_path)
    assert [r["name"] for r in package["resources"]] == [
        "emissions", "observations", "indicators", "commitments", "partners"]
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # the command line a data user would run says the same
    command = [sys.executable, "-m", "frictionless", "validate", str(tmp_path / "datapackage.json")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_data_package_names_units_licence_and_sources(client, tmp_path):
    package = mirror_package(client, tmp_path)
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert {"title": "Seed source"} in package["sources"]
    emissions = package["resources"][0]
    value = next(f for f in emissions["schema"]["fields"] if f["name"] == "value_t_co2e")
    assert (value["type"], value["unit"]) == ("number", "t CO2e")
    rows = Package(str(tmp_path / "datapackage.json")).get_resource("emissions").read_rows()
    assert len(rows) == 75  # 15 years × (4 sectors + total)
    sink = next(r for r in rows if r["year"] == 2024 and r["sector"] == "afolu")
    assert sink["value_t_co2e"] == -12_000  # a sink, typed as a number in the CSV
    homes = Package(str(tmp_path / "datapackage.json")).get_resource("observations").read_rows()
    assert {(r["file_name"], r["source"]) for r in homes} == {("activity-2024.csv", "Seed source")}


def test_the_dcat_record_has_what_dcat_ap_requires(client):
    response = client.get(f"{API}/dcat.jsonld")
    assert response.mimetype == "application/ld+json"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    record = response.get_json()
    assert record["@type"] == "dcat:Dataset"
    assert record["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    # DCAT-AP: a dataset must have a title and a description; each distribution an access URL
    assert {t["@language"] for t in record["dct:title"]} == {"en", "nl"}
    assert {t["@language"] for t in record["dct:description"]} == {"en", "nl"}
    urls = [d["dcat:accessURL"]["@id"] for d in record["dcat:distribution"]]
    assert "http://localhost/api/v1/programmes/leuven/datapackage.json" in urls
    assert "http://localhost/api/v1/programmes/leuven/emissions.csv" in urls
    assert record["dct:temporal"]["dcat:startDate"]["@value"] == "2010-01-01"  # population from 2010
    assert record["dct:temporal"]["dcat:endDate"]["@value"] == "2024-12-31"
    assert record["dcat:theme"][0]["@id"].endswith("/data-theme/ENVI")
