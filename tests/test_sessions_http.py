"""Sessions end on the server: a session cookie copied before logout or a password change opens
no workspace page and saves nothing afterwards (Flask test client, full app, both backends)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from dashboard.app import create_app
from pipelines.settings import Settings
from roadmap_cli import main
from tests.auth_support import SECRET, csrf_header, form_token, log_in
from tests.coordinate_support import (
    callback_body,
    commitment_id,
    database_rows,
    seed_coordination_and_admin,
)

CALLBACK = "/_dash-update-component"
PAGE = "/coordinate/commitments"
COOKIES = ("roadmap_session", "_csrf_token")
NEW_PASSWORD = "a brand new passphrase"
C = "coord-commitments-"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the coordination programme with ann, cor and root (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, seed_coordination_and_admin) as url:
        yield url


@pytest.fixture
def app(engine, database_url):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine)


def save_commitment(app, engine) -> dict:
    return callback_body(app, f"{C}save", {
        f"{C}selected.data": commitment_id(engine, "Collective renovation"),
        f"{C}field-status.data": "achieved", f"{C}field-progress_pct.value": "100",
        f"{C}field-target_year.value": "2028", f"{C}field-note.value": "done early",
        f"{C}state.data": {"lang": "en", "programme": None}, f"{C}version.data": 0})


def copy_of_cookies(app, client: FlaskClient) -> FlaskClient:
    """A second browser holding what the first one had: the saved session and token cookies."""
    thief = app.server.test_client()
    for name in COOKIES:
        thief.set_cookie(name, client.get_cookie(name).value)
    return thief


def assert_session_ended(app, engine, saved: FlaskClient) -> None:
    assert saved.get(PAGE).status_code == 303  # sent to the login page
    before = database_rows(engine)
    refused = saved.post(CALLBACK, json=save_commitment(app, engine), headers=csrf_header(saved))
    assert refused.status_code == 401
    assert database_rows(engine) == before


def test_the_copied_cookie_works_while_the_session_lasts(app, engine):
    client = app.server.test_client()
    log_in(client, "cor")
    saved = copy_of_cookies(app, client)
    assert saved.get(PAGE).status_code == 200
    before = database_rows(engine)
    done = saved.post(CALLBACK, json=save_commitment(app, engine), headers=csrf_header(saved))
    assert done.status_code == 200 and database_rows(engine) != before


def test_a_cookie_saved_before_logout_opens_nothing_after_it(app, engine):
    client = app.server.test_client()
    log_in(client, "cor")
    saved = copy_of_cookies(app, client)
    token = form_token(client.get("/logout").data)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert_session_ended(app, engine, saved)
    log_in(client, "cor")  # logging in again gives a new session that works
    assert client.get(PAGE).status_code == 200


def test_a_cookie_saved_before_a_new_password_on_the_command_line_opens_nothing(app, engine):
    client = app.server.test_client()
    log_in(client, "cor")
    saved = copy_of_cookies(app, client)
    url = engine.url.render_as_string(hide_password=False)
    done = CliRunner().invoke(main, ["--database-url", url, "user", "set-password", "cor", "--password-stdin"],
                              input=NEW_PASSWORD + "\n")
    assert done.exit_code == 0, done.output
    assert_session_ended(app, engine, saved)


def test_a_cookie_saved_before_a_new_password_on_the_admin_page_opens_nothing(app, engine):
    client, admin = app.server.test_client(), app.server.test_client()
    log_in(client, "cor")
    saved = copy_of_cookies(app, client)
    log_in(admin, "root")
    p = "admin-users-"
    body = callback_body(app, f"{p}password-save", {
        f"{p}which.value": "cor", f"{p}new-password.value": NEW_PASSWORD,
        f"{p}new-repeat.value": NEW_PASSWORD, f"{p}config.data": {"lang": "en"}})
    assert admin.post(CALLBACK, json=body, headers=csrf_header(admin)).status_code == 200
    assert_session_ended(app, engine, saved)
    assert admin.get("/admin/users").status_code == 200  # the admin's own session goes on


def test_a_cookie_from_before_login_does_not_become_a_login(app):
    # Session fixation: whoever planted or copied the anonymous cookie gets nothing from the login.
    client = app.server.test_client()
    client.get("/login")
    planted = client.get_cookie("roadmap_session").value
    log_in(client, "cor")
    assert client.get_cookie("roadmap_session").value != planted
    fixer = app.server.test_client()
    fixer.set_cookie("roadmap_session", planted)
    assert fixer.get(PAGE).status_code == 303
