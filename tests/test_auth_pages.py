"""Pages registered with `required_role`: refused on GET and in Dash's page router to lesser users."""

from __future__ import annotations

import dash
import pytest
from dash import html

from dashboard.auth import install_auth
from pipelines.settings import Settings
from tests.auth_support import SECRET, add_people, csrf_header, log_in

CALLBACK = "/_dash-update-component"


@pytest.fixture
def isolated_pages():
    """Dash's page registry is process-wide: give the test its own and put the old one back."""
    saved = dict(dash.page_registry)
    dash.page_registry.clear()
    yield dash.page_registry
    dash.page_registry.clear()
    dash.page_registry.update(saved)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of a database with ann (analyst) and cor (coordinator), seeded once per backend."""
    with seeded_databases.fresh(request.param, tmp_path, add_people) as url:
        yield url


@pytest.fixture
def client(engine, isolated_pages):
    app = dash.Dash(__name__, use_pages=True, pages_folder="")
    dash.register_page("auth_demo_home", path="/", layout=html.P("public home"))
    dash.register_page(
        "auth_demo_targets",
        path="/targets",
        layout=lambda **kwargs: html.P("targets editor", id="targets-editor"),
        required_role="coordinator",
    )
    app.layout = html.Main(dash.page_container)
    install_auth(app, Settings(secret_key=SECRET), engine)
    return app.server.test_client()


def _route(client, path: str, **headers):
    """What Dash's page router returns for `path` (as after a click on a dcc.Link)."""
    body = {
        "output": ".._pages_content.children..._pages_store.data..",
        "outputs": [
            {"id": "_pages_content", "property": "children"},
            {"id": "_pages_store", "property": "data"},
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": path},
            {"id": "_pages_location", "property": "search", "value": ""},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    response = client.post(CALLBACK, json=body, headers=headers)
    assert response.status_code == 200
    return str(response.get_json()["response"]["_pages_content"]["children"])


def test_anonymous_get_of_a_protected_page_redirects_to_login(client):
    response = client.get("/targets?lang=nl")
    assert response.status_code == 303
    assert response.headers["Location"] == "/login?next=%2Ftargets%3Flang%3Dnl&lang=nl"
    assert client.get("/").status_code == 200


def test_analyst_get_of_a_coordinator_page_is_forbidden(client):
    log_in(client, "ann")
    assert client.get("/targets").status_code == 403
    log_in(client, "cor")
    assert client.get("/targets").status_code == 200


@pytest.mark.parametrize(("lang", "words"), [
    ("nl", ("Geen toegang", "Deze pagina vraagt de rol coördinator; jouw rol is analist.", "/upload?lang=nl")),
    ("en", ("No access", "This page needs the coordinator role; your role is analyst.", "/upload?lang=en")),
])
def test_the_refusal_is_a_page_in_the_readers_language_with_a_way_on(client, lang, words):
    log_in(client, "ann")
    response = client.get(f"/targets?lang={lang}")
    page = response.get_data(as_text=True)
    assert response.status_code == 403 and response.mimetype == "text/html"
    assert f'<html lang="{lang}">' in page and "targets editor" not in page
    for text in words:  # what happened, and a link to the pages the analyst may use
        assert text in page


def test_page_router_shows_a_login_link_instead_of_the_page_to_anonymous_users(client):
    shown = _route(client, "/targets")
    assert "targets editor" not in shown
    assert "Login required" in shown and "/login?next=%2Ftargets" in shown


def test_page_router_shows_the_page_only_to_the_right_role(client):
    log_in(client, "ann")
    shown = _route(client, "/targets", **csrf_header(client))
    assert "targets editor" not in shown and "No access" in shown
    log_in(client, "cor")
    assert "targets editor" in _route(client, "/targets", **csrf_header(client))
