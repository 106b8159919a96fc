"""The admins' page for accounts over HTTP (no browser): only an admin, with the CSRF token, may
read or change accounts; everyone else gets 401/403 and nothing changes; passwords never go back."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dashboard.app import create_app
from pipelines.schema import User
from pipelines.settings import Settings
from pipelines.users import verify_login
from tests.auth_support import SECRET, csrf_header, log_in, programme_and_accounts
from tests.coordinate_support import callback_body

CALLBACK = "/_dash-update-component"
CONFIG = {"lang": "en"}
NEW_PASSWORD = "a brand new passphrase"
P = "admin-users-"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with ann (analyst), cor (coordinator) and root (admin), seeded once."""
    with seeded_databases.fresh(request.param, tmp_path, programme_and_accounts) as url:
        yield url


@pytest.fixture
def app(engine, database_url):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine)


@pytest.fixture
def client(app):
    return app.server.test_client()


def accounts(engine) -> list[tuple]:
    with engine.connect() as conn:
        return conn.execute(select(User.name, User.role, User.password_hash).order_by(User.name)).all()


def write_requests(app) -> dict[str, dict]:
    """One valid request per write callback of the page."""
    return {
        "add": callback_body(app, f"{P}add-save", {
            f"{P}add-name.value": "dirk", f"{P}add-role.data": "coordinator",
            f"{P}add-password.value": NEW_PASSWORD, f"{P}add-repeat.value": NEW_PASSWORD,
            f"{P}config.data": CONFIG, f"{P}refresh.data": 0}),
        "role": callback_body(app, f"{P}role-save", {
            f"{P}which.value": "ann", f"{P}new-role.data": "coordinator", f"{P}config.data": CONFIG,
            f"{P}refresh.data": 0}),
        "password": callback_body(app, f"{P}password-save", {
            f"{P}which.value": "ann", f"{P}new-password.value": NEW_PASSWORD,
            f"{P}new-repeat.value": NEW_PASSWORD, f"{P}config.data": CONFIG}),
        "remove": callback_body(app, f"{P}remove-yes", {
            f"{P}pending.data": "ann", f"{P}config.data": CONFIG, f"{P}refresh.data": 0}),
    }


WRITES = ("add", "role", "password", "remove")


def test_the_page_sends_residents_to_login_and_refuses_analysts_and_coordinators(client):
    response = client.get("/admin/users?lang=nl")
    assert response.status_code == 303 and response.headers["Location"].startswith("/login?next=")
    for name in ("ann", "cor"):
        log_in(client, name)
        assert client.get("/admin/users").status_code == 403
    log_in(client, "root")
    assert client.get("/admin/users").status_code == 200


@pytest.mark.parametrize("write", WRITES)
def test_a_write_without_login_is_refused_with_401_and_changes_nothing(app, client, engine, write):
    before = accounts(engine)
    assert client.post(CALLBACK, json=write_requests(app)[write]).status_code == 401
    assert accounts(engine) == before


@pytest.mark.parametrize("write", WRITES)
@pytest.mark.parametrize("name", ["ann", "cor"])
def test_only_an_admin_may_change_accounts(app, client, engine, write, name):
    log_in(client, name)
    before = accounts(engine)
    response = client.post(CALLBACK, json=write_requests(app)[write], headers=csrf_header(client))
    assert response.status_code == 403
    assert accounts(engine) == before


@pytest.mark.parametrize("write", WRITES)
def test_an_admin_write_without_the_csrf_token_is_refused(app, client, engine, write):
    log_in(client, "root")
    before = accounts(engine)
    body = write_requests(app)[write]
    assert client.post(CALLBACK, json=body).status_code == 400
    assert client.post(CALLBACK, json=body, headers={"X-CSRFToken": "forged"}).status_code == 400
    assert accounts(engine) == before


def test_an_admins_changes_go_through_and_never_send_a_password_back(app, client, engine):
    log_in(client, "root")
    requests = write_requests(app)
    replies = []
    for write in WRITES:
        response = client.post(CALLBACK, json=requests[write], headers=csrf_header(client))
        assert response.status_code == 200, response.data
        replies.append(response.get_data(as_text=True))
    assert {(name, role) for name, role, _hash in accounts(engine)} == {
        ("cor", "coordinator"), ("root", "admin"), ("dirk", "coordinator")}
    assert verify_login(engine, "dirk", NEW_PASSWORD) is not None
    assert all(NEW_PASSWORD not in reply for reply in replies)
    # The password boxes are emptied in the same reply.
    added = json.loads(replies[0])["response"]
    assert added[f"{P}add-password"]["value"] == "" and added[f"{P}add-repeat"]["value"] == ""


def test_the_list_of_accounts_is_only_sent_to_an_admin(app, client):
    body = callback_body(app, f"{P}config", {f"{P}config.data": CONFIG, f"{P}refresh.data": 0}, f"{P}list")
    assert client.post(CALLBACK, json=body).status_code == 401
    log_in(client, "cor")
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    assert response.status_code == 403 and "root" not in response.get_data(as_text=True)
    log_in(client, "root")
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    table = json.dumps(response.get_json()["response"][f"{P}list"]["children"])
    assert "root (you)" in table and "ann" in table and "$argon2" not in table


def test_an_admin_cannot_remove_their_own_account_through_the_page(app, client, engine):
    log_in(client, "root")
    before = accounts(engine)
    body = callback_body(app, f"{P}remove-yes", {f"{P}pending.data": "root", f"{P}config.data": {"lang": "nl"},
                                                 f"{P}refresh.data": 0})
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    assert response.status_code == 200
    assert "uw eigen account" in response.get_data(as_text=True)
    assert accounts(engine) == before


def test_an_admin_who_sets_their_own_password_is_told_to_log_in_again(app, client, engine):
    log_in(client, "root")
    body = callback_body(app, f"{P}password-save", {
        f"{P}which.value": "root", f"{P}new-password.value": NEW_PASSWORD,
        f"{P}new-repeat.value": NEW_PASSWORD, f"{P}config.data": CONFIG})
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    assert response.status_code == 200 and "Your new password is set; log in again." in response.get_data(as_text=True)
    assert verify_login(engine, "root", NEW_PASSWORD) is not None
    assert client.get("/admin/users").status_code == 303  # the old session ended with the password
