"""Login, roles and CSRF over HTTP (Flask test client), against a real database on each backend."""

from __future__ import annotations

import re

import pytest

from pipelines.login_throttle import DatabaseThrottle, ThrottleKey
from pipelines.settings import Settings
from pipelines.users import remove_user, set_password
from tests.auth_support import (
    ANALYST_ACTION,
    COORDINATOR_ACTION,
    PASSWORD,
    PUBLIC_ACTION,
    SECRET,
    csrf_header,
    database_state,
    form_token,
    log_in,
    make_demo_app,
    programme_and_people,
)
from tests.conftest import leuven_id

CALLBACK = "/_dash-update-component"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with ann (analyst) and cor (coordinator), seeded once per backend."""
    with seeded_databases.fresh(request.param, tmp_path, programme_and_people) as url:
        yield url


@pytest.fixture
def programme_id(engine) -> int:
    return leuven_id(engine)


@pytest.fixture
def app(engine, programme_id):
    return make_demo_app(engine, programme_id)


@pytest.fixture
def client(app):
    return app.server.test_client()


def test_public_callback_works_without_login_and_sets_no_cookie(client):
    response = client.post(CALLBACK, json=PUBLIC_ACTION)
    assert response.status_code == 200
    assert response.get_json()["response"]["public-out"]["children"] == "public: b"
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("action", [ANALYST_ACTION, COORDINATOR_ACTION])
def test_write_callback_without_login_is_refused_with_401_and_changes_nothing(
    client, engine, programme_id, action
):
    before = database_state(engine, programme_id)
    response = client.post(CALLBACK, json=action)
    assert response.status_code == 401
    assert database_state(engine, programme_id) == before


def test_analyst_session_cannot_run_a_coordinator_action(client, engine, programme_id):
    log_in(client, "ann")
    before = database_state(engine, programme_id)
    response = client.post(CALLBACK, json=COORDINATOR_ACTION, headers=csrf_header(client))
    assert response.status_code == 403
    assert database_state(engine, programme_id) == before


def test_coordinator_with_token_can_write_and_is_named(client, engine, programme_id):
    log_in(client, "cor")
    name_before, themes_before = database_state(engine, programme_id)
    response = client.post(CALLBACK, json=ANALYST_ACTION, headers=csrf_header(client))
    assert response.status_code == 200
    # a coordinator may do what an analyst may; the callback knows who acted
    assert response.get_json()["response"]["analyst-out"]["children"] == "theme added by cor"
    assert client.post(CALLBACK, json=COORDINATOR_ACTION, headers=csrf_header(client)).status_code == 200
    assert database_state(engine, programme_id) == ("Renamed", themes_before + 1)


@pytest.mark.parametrize("headers", [{}, {"X-CSRFToken": "forged"}], ids=["missing", "forged"])
def test_write_callback_without_valid_csrf_token_is_refused(client, engine, programme_id, headers):
    log_in(client, "cor")
    before = database_state(engine, programme_id)
    response = client.post(CALLBACK, json=COORDINATOR_ACTION, headers=headers)
    assert response.status_code == 400
    assert database_state(engine, programme_id) == before


def test_write_callback_from_another_origin_is_refused_even_with_token(client, engine, programme_id):
    log_in(client, "cor")
    before = database_state(engine, programme_id)
    headers = {**csrf_header(client), "Origin": "https://evil.example"}
    assert client.post(CALLBACK, json=COORDINATOR_ACTION, headers=headers).status_code == 403
    assert database_state(engine, programme_id) == before


def test_public_callback_of_logged_in_user_works_with_the_renderers_header(client):
    log_in(client, "ann")
    response = client.post(CALLBACK, json=PUBLIC_ACTION, headers=csrf_header(client))
    assert response.status_code == 200


def test_on_error_handler_cannot_turn_a_refusal_into_success(engine, programme_id):
    app = make_demo_app(engine, programme_id)
    app._on_error = lambda error: "swallowed"  # what Dash(on_error=...) sets
    before = database_state(engine, programme_id)
    response = app.server.test_client().post(CALLBACK, json=COORDINATOR_ACTION)
    assert response.status_code == 401
    assert database_state(engine, programme_id) == before


def test_login_sets_an_httponly_samesite_session_cookie(client):
    response = log_in(client, "ann")
    assert response.status_code == 303
    session_cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("roadmap_session="))
    assert "HttpOnly" in session_cookie
    assert "SameSite=Lax" in session_cookie
    assert "Secure" not in session_cookie  # plain HTTP here: secure_cookies is off


def test_secure_cookies_setting_marks_the_cookies_secure(engine, programme_id):
    app = make_demo_app(engine, programme_id, Settings(secret_key=SECRET, secure_cookies=True))
    client = app.server.test_client()
    response = log_in(client, "ann", base_url="https://localhost")
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies and all("Secure" in c for c in cookies)


def test_login_form_without_csrf_token_is_refused(client):
    response = client.post("/login", data={"name": "ann", "password": PASSWORD})
    assert response.status_code == 400
    assert client.post(CALLBACK, json=ANALYST_ACTION).status_code == 401


def test_wrong_password_and_unknown_name_get_the_same_message_and_are_counted(client, engine):
    wrong = log_in(client, "ann", "wrong password 1")
    unknown = log_in(client, "nobody", "wrong password 1")
    assert wrong.status_code == unknown.status_code == 200
    assert b"Unknown user name or wrong password." in wrong.data
    # only the echoed name (and the CSRF token's timestamp) differ
    assert _without_token(wrong.data).replace(b"ann", b"nobody") == _without_token(unknown.data)
    throttle = DatabaseThrottle(engine)
    assert throttle.failures(ThrottleKey("user", "ann")) == 1
    assert throttle.failures(ThrottleKey("ip", "127.0.0.1")) == 2


def _without_token(page: bytes) -> bytes:
    return re.sub(rb'name="csrf_token" value="[^"]+"', b"", page)


def test_repeated_failures_lock_the_name_out_even_for_the_right_password(client, engine):
    for attempt in range(6):  # 5 free failures; the 6th locks 'ann' for 30 s
        assert log_in(client, "ann", f"wrong password {attempt}").status_code == 200
    assert DatabaseThrottle(engine).blocked_for([ThrottleKey("user", "ann")]) > 25
    locked = log_in(client, "ann", PASSWORD)
    assert locked.status_code == 429
    assert int(locked.headers["Retry-After"]) <= 30
    assert client.post(CALLBACK, json=ANALYST_ACTION).status_code == 401
    # another name from the same address is not locked (20 free failures per address)
    assert log_in(client, "cor").status_code == 303


def test_successful_login_clears_the_names_failures(client, engine):
    log_in(client, "ann", "wrong password!")
    log_in(client, "ann")
    assert DatabaseThrottle(engine).failures(ThrottleKey("user", "ann")) == 0


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/workspace?tab=2", "/workspace?tab=2"),
        # Anything else is ignored: ann (an analyst) lands on her workspace home.
        ("//evil.example/x", "/upload?lang=en"),
        ("https://evil.example/", "/upload?lang=en"),
        ("/\\evil.example", "/upload?lang=en"),
        ("javascript:alert(1)", "/upload?lang=en"),
        ("", "/upload?lang=en"),
    ],
)
def test_next_redirects_only_to_local_paths(client, target, expected):
    response = log_in(client, "ann", next=target)
    assert response.headers["Location"] == expected


@pytest.mark.parametrize(
    ("login_path", "target", "expected"),
    [
        # The login page switched to French: the page asked for comes in French too.
        ("/login?lang=fr", "/coordinate/targets", "/coordinate/targets?lang=fr"),
        ("/login?lang=nl", "/workspace?tab=2", "/workspace?tab=2&lang=nl"),
        # A page that names its language keeps it; without a choice, the browser's language decides.
        ("/login?lang=fr", "/upload?lang=nl", "/upload?lang=nl"),
        ("/login", "/coordinate/targets", "/coordinate/targets"),
        # The form posts back the page's language; the browser's own (English here) needs no ?lang.
        ("/login?lang=en", "/coordinate/targets", "/coordinate/targets"),
    ],
)
def test_the_language_chosen_on_the_login_page_goes_on_to_the_page_asked_for(client, login_path, target, expected):
    token = form_token(client.get(login_path).data)
    response = client.post(login_path, data={"name": "ann", "password": PASSWORD, "csrf_token": token,
                                             "next": target})
    assert response.status_code == 303
    assert response.headers["Location"] == expected


def test_logout_needs_post_with_csrf_token(client):
    log_in(client, "ann")
    assert client.post("/logout").status_code == 400
    assert client.post(CALLBACK, json=ANALYST_ACTION, headers=csrf_header(client)).status_code == 200
    token = form_token(client.get("/logout").data)  # the page with the logout button
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    assert client.get_cookie("_csrf_token") is None
    assert client.post(CALLBACK, json=ANALYST_ACTION).status_code == 401


def test_session_works_on_another_worker_sharing_the_secret_key(engine, programme_id):
    worker_a = make_demo_app(engine, programme_id).server.test_client()
    worker_b = make_demo_app(engine, programme_id).server.test_client()
    stranger = make_demo_app(engine, programme_id, Settings(secret_key="another key " * 4))
    stranger_client = stranger.server.test_client()
    log_in(worker_a, "ann")
    for name in ("roadmap_session", "_csrf_token"):
        value = worker_a.get_cookie(name).value
        worker_b.set_cookie(name, value)
        stranger_client.set_cookie(name, value)
    assert worker_b.post(CALLBACK, json=ANALYST_ACTION, headers=csrf_header(worker_b)).status_code == 200
    refused = stranger_client.post(CALLBACK, json=ANALYST_ACTION, headers=csrf_header(stranger_client))
    assert refused.status_code == 401


def test_new_password_or_removal_ends_existing_sessions(client, engine):
    log_in(client, "ann")
    set_password(engine, "ann", "a brand new password")
    assert client.post(CALLBACK, json=ANALYST_ACTION, headers=csrf_header(client)).status_code == 401
    log_in(client, "cor")
    remove_user(engine, "cor")
    assert client.post(CALLBACK, json=ANALYST_ACTION, headers=csrf_header(client)).status_code == 401


@pytest.mark.parametrize(
    "lang, heading, label", [("nl", "Aanmelden", "Gebruikersnaam"), ("en", "Log in", "User name")]
)
def test_login_page_is_accessible_in_dutch_and_english(client, lang, heading, label):
    page = client.get(f"/login?lang={lang}").get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert "<main>" in page and f"<h1>{heading}</h1>" in page
    assert f'<label for="login-name">{label}</label>' in page and 'id="login-name"' in page
    assert '<label for="login-password">' in page and 'id="login-password"' in page


def test_markup_in_a_typed_name_is_shown_as_text(client):
    page = log_in(client, "<script>alert(1)</script>", "wrong password!").get_data(as_text=True)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
