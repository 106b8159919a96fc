"""In headless Chromium: log in, write through a callback (the renderer sends the CSRF header), log out."""

from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from dashboard.app import create_app
from pipelines.settings import Settings
from tests.auth_support import PASSWORD, SECRET, add_people, database_state, make_demo_app

pytestmark = pytest.mark.browser

from tests.browser_support import AXE, AXE_TAGS  # noqa: E402


def _serve(app):
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture
def live_url(engine, programme_id):
    add_people(engine)
    yield from _serve(make_demo_app(engine, programme_id))


@pytest.fixture
def real_app_url(engine, database_url, programme_id):
    add_people(engine)
    yield from _serve(create_app(Settings(secret_key=SECRET, database_url=database_url), engine))


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()


def _cookie_names(page) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def _axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id))",
        AXE_TAGS,
    )
    return found


def test_coordinator_logs_in_writes_and_logs_out(live_url, page, engine, programme_id):
    page.goto(f"{live_url}/")
    expect(page.locator("#public-out")).to_have_text("public: a")
    assert _cookie_names(page) == set()  # residents get no cookie at all

    page.goto(f"{live_url}/login?lang=en&next=/")
    assert _axe_violations(page) == []
    page.get_by_label("User name").fill("cor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_url}/")
    assert {"roadmap_session", "_csrf_token"} <= _cookie_names(page)
    expect(page.locator("#public-out")).to_have_text("public: a")  # public callbacks still work

    # Dash's renderer copies the _csrf_token cookie into X-CSRFToken: the write goes through.
    page.get_by_role("button", name="Rename programme").click()
    expect(page.locator("#coordinator-out")).to_have_text("renamed")
    assert database_state(engine, programme_id)[0] == "Renamed"

    page.get_by_role("link", name="Log out").click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url(f"{live_url}/?lang=en")
    assert "roadmap_session" not in _cookie_names(page) and "_csrf_token" not in _cookie_names(page)
    page.goto(f"{live_url}/logout")  # nothing to log out of any more: back to the dashboard
    expect(page.locator("#public-out")).to_have_text("public: a")
    assert page.console_errors == []


def test_public_pages_of_the_real_app_keep_working_for_a_logged_in_user(real_app_url, page):
    callbacks = []
    page.on(
        "response",
        lambda r: "_dash-update-component" in r.url
        and callbacks.append((r.status, r.request.headers.get("x-csrftoken") is not None)),
    )
    page.goto(f"{real_app_url}/login?next=/")
    page.get_by_label("User name").fill("ann")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{real_app_url}/")
    expect(page.locator("h1").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert callbacks and all(ok == (200, True) for ok in callbacks), callbacks
    assert page.console_errors == []
