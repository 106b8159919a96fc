"""The open data API over HTTP (Flask test client) on a real seeded database, SQLite and PostgreSQL.

Numbers: tests/dashboard_seed.py (total 688,000 − 15,000·(y−2010) t; 478,000 t in 2024) and
tests/data/analytics_inventory.csv (see tests/test_derived.py: 182,000 t in 2016).
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from dashboard import queries
from dashboard.app import create_app
from pipelines.csv_safe import safe_cell
from pipelines.programmes import resolve_programme
from pipelines.schema import DerivedEmissions, ImportBatch, Indicator, Observation, Partner
from pipelines.settings import Settings
from roadmap_cli import main
from tests.analytics_db import load_csv, put_observations
from tests.auth_support import SECRET
from tests.conftest import DATA
from tests.dashboard_seed import IMPORTER, SCRIPT_PARTNER, SEED_PROGRAMME, seed_dashboard_programme

API = "/api/v1/programmes/leuven"


@pytest.fixture
def seeded(engine) -> int:
    return seed_dashboard_programme(engine)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def shared_database_url(request, tmp_path_factory, seeded_databases):
    """One copy of the seed per backend for the tests that only read (GETs, HEADs and refused methods)."""
    directory = tmp_path_factory.mktemp("open_data_api")
    with seeded_databases.fresh(request.param, directory, seed_dashboard_programme) as url:
        yield url


@pytest.fixture
def shared_seeded(shared_engine) -> int:
    return resolve_programme(shared_engine, SEED_PROGRAMME.slug).id


@pytest.fixture(scope="module")
def shared_app(shared_database_url, shared_engine):
    return create_app(Settings(secret_key=SECRET, database_url=shared_database_url), shared_engine)


@pytest.fixture
def reader(shared_app):
    """A client of its own (no cookies or cached answers from other tests) for the shared app."""
    return shared_app.server.test_client()


@pytest.fixture
def client(engine, database_url):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine).server.test_client()


def cli_status(engine, *args) -> dict:
    url = engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(main, ["--database-url", url, "status", "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_status_is_the_object_roadmap_status_json_prints(shared_engine, shared_seeded, reader):
    response = reader.get(f"{API}/status")
    assert response.status_code == 200
    assert response.get_json() == cli_status(shared_engine)
    assert response.get_json()["latest_t"] == 478_000  # 688,000 − 15,000 × 14


def test_status_of_another_target_set_and_year_equals_the_cli(engine, programme_id, client):
    load_csv(engine, programme_id, DATA / "analytics_inventory.csv")
    response = client.get(f"{API}/status?year=2014")
    assert response.get_json() == cli_status(engine, "--year", "2014")
    # 2014: 92,000 + 46,000 + 60,000 − 10,000 = 188,000 t
    assert response.get_json()["latest_t"] == 188_000
    missing = client.get(f"{API}/status?target=Nope")
    assert missing.status_code == 404 and "Nope" in missing.get_json()["message"]


def test_unknown_programme_is_a_json_404_in_three_languages(shared_seeded, reader):
    response = reader.get("/api/v1/programmes/nowhere/emissions.json")
    assert response.status_code == 404
    body = response.get_json()
    assert body["code"] == "unknown_programme" and "nowhere" in body["message"]
    assert body["message_nl"].startswith("Geen programma")
    assert body["message_fr"] == "Pas de programme 'nowhere'\u00a0; /api/v1/programmes les énumère."
    missing = reader.get("/api/v1/no-such-thing").get_json()
    assert missing["code"] == "not_found" and missing["message_fr"].startswith("Cette adresse de l'API")


def test_a_get_carries_cors_and_every_other_method_gets_405(shared_seeded, reader):
    assert reader.get("/api/v1/programmes").headers["Access-Control-Allow-Origin"] == "*"
    for method in ("post", "put", "patch", "delete", "options"):
        response = getattr(reader, method)(f"{API}/emissions.json")
        assert response.status_code == 405, method
        assert response.get_json()["code"] == "method_not_allowed"
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert reader.head(f"{API}/emissions.json").status_code == 200


def test_an_unchanged_data_version_is_a_304_and_a_new_import_is_not(engine, programme_id, client):
    load_csv(engine, programme_id, DATA / "analytics_inventory.csv")
    first = client.get(f"{API}/emissions.json")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, no-cache"
    again = client.get(f"{API}/emissions.json", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    put_observations(engine, programme_id, [("emissions.transport", "2016", 50_000.0)])
    after = client.get(f"{API}/emissions.json", headers={"If-None-Match": etag})
    assert after.status_code == 200 and after.headers["ETag"] != etag
    total_2016 = [r for r in after.get_json()["data"] if (r["year"], r["sector"]) == (2016, "total")]
    assert total_2016[0]["value_t_co2e"] == 172_000  # 182,000 − (60,000 − 50,000)


def test_emissions_are_the_numbers_the_pages_read(shared_engine, shared_seeded, reader):
    rows = reader.get(f"{API}/emissions.json").get_json()["data"]
    page = queries.emissions_by_sector(shared_engine, shared_seeded)
    assert {(r["year"], r["sector"]): r["value_t_co2e"] for r in rows} == {
        (int(y), s): float(v) for y, s, v in zip(page["year"], page["sector_code"], page["value_t"], strict=True)
    }
    by_key = {(r["year"], r["sector"]): r for r in rows}
    assert by_key[(2024, "total")]["value_t_co2e"] == 478_000  # 688,000 − 15,000 × 14
    assert by_key[(2024, "afolu")]["value_t_co2e"] == -12_000  # a sink stays negative
    assert by_key[(2024, "total")]["basis"] == "sum_of_sectors"


def test_emissions_say_how_each_value_came_about_and_which_imports_hold_it(engine, programme_id, client):
    first = load_csv(engine, programme_id, DATA / "analytics_inventory.csv")
    second = put_observations(engine, programme_id, [("emissions.transport", "2016", 50_000.0)],
                              file_name="correction.csv")
    rows = {(r["year"], r["sector"]): r for r in client.get(f"{API}/emissions.json").get_json()["data"]}
    assert rows[(2016, "transport")]["basis"] == "measured"
    assert rows[(2016, "transport")]["batch_ids"] == str(second)
    # buildings = residential 88,000 + tertiary 44,000, both from the first file
    assert (rows[(2016, "buildings")]["basis"], rows[(2016, "buildings")]["value_t_co2e"]) == (
        "sum_of_subsectors", 132_000)
    assert rows[(2016, "buildings")]["batch_ids"] == str(first)
    assert rows[(2016, "total")]["basis"] == "sum_of_sectors"
    assert rows[(2016, "total")]["batch_ids"] == f"{first} {second}"
    assert rows[(2015, "total")]["batch_ids"] == str(first)


def test_emissions_csv_has_the_same_rows_as_the_json(shared_seeded, reader):
    response = reader.get(f"{API}/emissions.csv")
    assert response.mimetype == "text/csv"
    table = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(table) == len(reader.get(f"{API}/emissions.json").get_json()["data"])  # 15 years × 5
    assert len(table) == 75
    sink = next(r for r in table if (r["year"], r["sector"]) == ("2024", "afolu"))
    assert sink["value_t_co2e"] == "-12000.0"  # a negative number is not a formula: untouched


def test_observations_are_paged_with_links(shared_seeded, reader):
    # renovated homes 2015–2024 (10) + electric cars 2018–2024 (7) + population 2010–2024 (15) = 32
    body = reader.get(f"{API}/observations?limit=10&offset=30").get_json()
    assert body["meta"]["total"] == 32 and len(body["data"]) == 2
    assert body["links"]["next"] is None
    assert body["links"]["prev"].endswith("limit=10&offset=20")
    first = reader.get(f"{API}/observations?limit=10")
    assert 'rel="next"' in first.headers["Link"] and "offset=10" in first.get_json()["links"]["next"]
    population = reader.get(f"{API}/observations?indicator=population&limit=1000").get_json()
    assert [r["value"] for r in population["data"]][-1] == 114_000  # 100,000 + 1,000 × 14
    assert reader.get(f"{API}/observations?limit=0").status_code == 400
    assert reader.get(f"{API}/observations?history=maybe").get_json()["code"] == "bad_parameter"


def test_history_gives_every_stored_version_with_its_provenance(engine, programme_id, client):
    first = load_csv(engine, programme_id, DATA / "analytics_inventory.csv")
    second = put_observations(engine, programme_id, [("emissions.transport", "2016", 50_000.0)],
                              file_name="correction.csv")
    url = f"{API}/observations?indicator=emissions.transport&history=1"
    versions = [r for r in client.get(url).get_json()["data"] if r["period"] == "2016"]
    assert [(r["value"], r["batch_id"], r["is_current"], r["superseded_by_batch_id"]) for r in versions] == [
        (60_000, first, False, second), (50_000, second, True, None)]
    assert versions[1]["file_name"] == "correction.csv"
    current = client.get(f"{API}/observations?indicator=emissions.transport").get_json()["data"]
    assert [r["value"] for r in current if r["period"] == "2016"] == [50_000]


def test_nothing_the_api_gives_names_who_imported(shared_seeded, reader):
    for path in ("observations?history=1", "observations.csv?history=1", "partners", "commitments",
                 "emissions.json", "datapackage.json", "dcat.jsonld"):
        assert IMPORTER not in reader.get(f"{API}/{path}").get_data(as_text=True), path


def test_commitments_and_partners_are_the_pages_rows_with_public_fields(shared_engine, shared_seeded, reader):
    commitments = reader.get(f"{API}/commitments").get_json()["data"]
    page = queries.commitments(shared_engine, shared_seeded)
    assert [c["reduction_t_per_year"] for c in commitments] == list(page["reduction_t_per_year"])
    assert sum(c["reduction_t_per_year"] for c in commitments) == 65_000  # 10 + 20 + 30 + 5 kt
    assert "note" not in commitments[0] and "batch_id" not in commitments[0]
    partners = reader.get(f"{API}/partners?limit=2").get_json()
    assert partners["meta"]["total"] == 3 and len(partners["data"]) == 2
    assert set(partners["data"][0]) == {"id", "name", "type", "sector_code", "joined_on", "website",
                                       "description"}
    assert SCRIPT_PARTNER in [p["name"] for p in partners["data"]]  # data, as typed, in JSON


def test_csv_cells_a_spreadsheet_would_run_are_neutralised(engine, seeded, client):
    with Session(engine) as session:
        session.add(Partner(programme_id=seeded, name='=HYPERLINK("http://x.example","y")',
                            type="public", description="@SUM(A1)"))
        session.commit()
    table = list(csv.DictReader(io.StringIO(client.get(f"{API}/partners.csv").get_data(as_text=True))))
    formula = next(r for r in table if "HYPERLINK" in r["name"])
    assert formula["name"] == "'=HYPERLINK(\"http://x.example\",\"y\")"
    assert formula["description"] == "'@SUM(A1)"
    # The API writes its cells through the project's one formula guard (pipelines.csv_safe).
    assert [safe_cell(v) for v in ("+cmd|' /C calc'!A0", "-x", "\tx", "\rx", "ok", -5.0, None)] == [
        "'+cmd|' /C calc'!A0", "'-x", "'\tx", "'\rx", "ok", -5.0, None]


def test_targets_have_their_milestones_and_pathways(shared_seeded, reader):
    sets = reader.get(f"{API}/targets").get_json()["data"]
    assert [s["name"] for s in sets] == ["Climate neutrality", "Covenant of Mayors"]
    primary, com = sets
    assert primary["milestones"] == [{"sector": "total", "year": 2025, "kind": "residual_pct", "value": 25}]
    assert com["targets"][0]["kind"] == "reduction_pct" and com["targets"][0]["value"] == 55
    total = next(p for p in primary["pathways"] if p["sector"] == "total")["values"]
    # pathway 2024: 688,000 × 6/20 = 206,400 t
    assert next(v for v in total if v["year"] == 2024)["pathway_t_co2e"] == pytest.approx(206_400)


def test_the_guide_page_lists_the_endpoints_in_dutch_english_and_french(shared_seeded, reader):
    english = reader.get("/api/v1/?lang=en").get_data(as_text=True)
    dutch = reader.get("/api/v1/?lang=nl").get_data(as_text=True)
    french = reader.get("/api/v1/?lang=fr").get_data(as_text=True)
    assert '<html lang="en">' in english and "Open data API" in english
    assert '<html lang="nl">' in dutch and "Open-data-API" in dutch and "Wat het geeft" in dutch
    assert '<html lang="fr">' in french and "<h1>API de données ouvertes</h1>" in french
    assert "Ce qu&#x27;elle donne" in french and "Sommes-nous sur la bonne voie\u00a0?" in french
    assert "What it gives" not in french and "Wat het geeft" not in french
    # Each page links to the two others, each named in its own language.
    assert '<a href="?lang=nl" lang="nl" hreflang="nl">Nederlands</a>' in french
    assert '<a href="?lang=en" lang="en" hreflang="en">English</a>' in french
    assert 'hreflang="fr">Français</a>' in dutch and 'hreflang="fr">Français</a>' in english
    assert reader.get("/api/v1/", headers={"Accept-Language": "fr-BE"}).headers["Content-Language"] == "fr"
    for page in (english, dutch, french):
        assert "/api/v1/programmes/{slug}/datapackage.json" in page
        assert "curl http://localhost/api/v1/programmes/leuven/status" in page


def test_the_openapi_document_names_every_programme_endpoint(shared_seeded, reader):
    document = reader.get("/api/v1/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    for path in ("/programmes", "/programmes/{slug}/status", "/programmes/{slug}/emissions.csv",
                 "/programmes/{slug}/observations", "/programmes/{slug}/datapackage.json"):
        assert path in document["paths"]


def test_a_compressed_answers_etag_also_gives_a_304(shared_seeded, reader):
    gzipped = reader.get(f"{API}/emissions.json", headers={"Accept-Encoding": "gzip"})
    assert gzipped.headers["Content-Encoding"] == "gzip"
    etag = gzipped.headers["ETag"]
    assert etag.endswith(':gzip"')  # flask-compress marks the compressed variant
    again = reader.get(f"{API}/emissions.json", headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status_code == 304


def test_a_nul_character_in_a_parameter_or_slug_is_a_clear_error(shared_seeded, reader):
    response = reader.get(f"{API}/observations?indicator=a%00b")
    assert response.status_code == 400 and "NUL" in response.get_json()["message"]
    assert reader.get(f"{API}/status?target=%00").status_code == 400
    assert reader.get("/api/v1/programmes/le%00uven").status_code == 404


def test_programmes_list_each_with_links_to_its_data(shared_seeded, reader):
    response = reader.get("/api/v1/programmes")
    [leuven] = response.get_json()["data"]
    assert (leuven["slug"], leuven["area_code"], leuven["baseline_year"]) == ("leuven", "24062", 2010)
    assert leuven["links"]["emissions.csv"] == f"{API}/emissions.csv"
    again = reader.get("/api/v1/programmes", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_a_total_taken_from_the_reported_total_series_says_so(engine, seeded, client):
    # Contract: the reported total is indicator `emissions.total` (every programme has it); the
    # analytics mark a year whose headline is that total with source 'reported'. Written directly
    # here, as the analytics would store it.
    with Session(engine) as session:
        batch = ImportBatch(programme_id=seeded, kind="indicators", file_name="totals.csv",
                            sha256="1" * 64, created_by=IMPORTER, source="Reported inventory")
        session.add(batch)
        session.flush()
        total = session.scalars(select(Indicator).where(
            Indicator.programme_id == seeded, Indicator.code == "emissions.total")).one()
        session.add(Observation(programme_id=seeded, indicator_id=total.id, period="2024", year=2024,
                                value=478_000.0, batch_id=batch.id))
        row = session.get(DerivedEmissions, (seeded, 2024, "total"))
        row.complete, row.source, row.reported_total_t = True, "reported", 478_000.0
        session.commit()
        batch_id = batch.id
    rows = {(r["year"], r["sector"]): r for r in client.get(f"{API}/emissions.json").get_json()["data"]}
    assert rows[(2024, "total")]["basis"] == "reported_total"
    assert (rows[(2024, "total")]["source"], rows[(2024, "total")]["batch_ids"]) == (
        "Reported inventory", str(batch_id))
    assert rows[(2023, "total")]["basis"] == "sum_of_sectors"  # complete: the sectors' sum
