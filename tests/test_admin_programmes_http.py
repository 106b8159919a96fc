"""The admins' programmes page over HTTP (no browser): only an admin may add a programme or load a
regional file into one programme per area; everyone else gets 401/403 and nothing changes."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import select

from dashboard.app import create_app
from pipelines.schema import Programme
from pipelines.settings import Settings
from tests.auth_support import SECRET, csrf_header, log_in, programme_and_accounts
from tests.conftest import DATA
from tests.coordinate_support import callback_body

CALLBACK = "/_dash-update-component"
CONFIG = {"lang": "en"}
P = "admin-programmes-"
KM_GEMEENTEN = DATA / "profiles" / "km_gemeenten.csv"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with ann, cor and root (admin), seeded once per backend."""
    with seeded_databases.fresh(request.param, tmp_path, programme_and_accounts) as url:
        yield url


@pytest.fixture
def app(engine, database_url):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine)


@pytest.fixture
def client(app):
    return app.server.test_client()


def slugs(engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.scalars(select(Programme.slug).order_by(Programme.slug)))


def write_requests(app) -> dict[str, dict]:
    upload = "data:text/csv;base64," + base64.b64encode(KM_GEMEENTEN.read_bytes()).decode()
    return {
        "add": callback_body(app, f"{P}add", {
            f"{P}area.value": "Kaag en Braassem", f"{P}slug.value": "", f"{P}baseline.value": 2019,
            f"{P}target-year.value": 2050, f"{P}residual.value": 5, f"{P}config.data": CONFIG,
            f"{P}refresh.data": 0}),
        "regional": callback_body(app, f"{P}regional", {
            f"{P}file.contents": upload, f"{P}file.filename": "km_gemeenten.csv", f"{P}config.data": CONFIG,
            f"{P}refresh.data": 0}),
    }


def test_the_page_is_for_admins_only(client):
    response = client.get("/admin/programmes")
    assert response.status_code == 303 and response.headers["Location"].startswith("/login?next=")
    for name in ("ann", "cor"):
        log_in(client, name)
        assert client.get("/admin/programmes").status_code == 403
    log_in(client, "root")
    assert client.get("/admin/programmes").status_code == 200


@pytest.mark.parametrize("write", ["add", "regional"])
@pytest.mark.parametrize("name", [None, "ann", "cor"])
def test_only_an_admin_may_add_programmes(app, client, engine, write, name):
    if name:
        log_in(client, name)
    response = client.post(CALLBACK, json=write_requests(app)[write],
                           headers=csrf_header(client) if name else {})
    assert response.status_code == (403 if name else 401)
    assert slugs(engine) == ["leuven"]


def test_an_admin_adds_a_programme_and_loads_a_regional_file(app, client, engine):
    log_in(client, "root")
    requests = write_requests(app)
    added = client.post(CALLBACK, json=requests["add"], headers=csrf_header(client))
    assert added.status_code == 200 and "Programme Kaag en Braassem added (kaag-en-braassem)." in added.get_data(as_text=True)
    loaded = client.post(CALLBACK, json=requests["regional"], headers=csrf_header(client))
    assert loaded.status_code == 200, loaded.data
    # Voorschoten and 's-Gravenhage become programmes; 'Gemeente onbekend' is named, not one.
    assert "2 area(s) into 2 programme(s) (2 new)" in loaded.get_data(as_text=True)
    assert slugs(engine) == ["kaag-en-braassem", "leuven", "s-gravenhage", "voorschoten"]


def test_a_bad_form_is_answered_in_words(app, client, engine):
    log_in(client, "root")
    body = write_requests(app)["add"]
    for item in body["state"]:
        if item["id"] == f"{P}area":
            item["value"] = "  "
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    assert "Give the name of the area." in response.get_data(as_text=True)
    assert slugs(engine) == ["leuven"]
