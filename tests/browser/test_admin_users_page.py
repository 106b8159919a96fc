"""An admin manages accounts in headless Chromium: adds one, changes its role, gives it a new
password, removes it after a confirmation; the new user can log in; axe finds nothing."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from pipelines.db import make_engine
from pipelines.programmes import create_programme
from pipelines.users import add_user, list_users, verify_login
from tests.auth_support import PASSWORD
from tests.browser.conftest import LiveServer, axe_violations
from tests.conftest import LEUVEN

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
def live(tmp_path, sqlite_template) -> Iterator[LiveServer]:
    path = tmp_path / "accounts.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    create_programme(engine, LEUVEN)
    add_user(engine, "root", "admin", PASSWORD)
    add_user(engine, "cor", "coordinator", PASSWORD)
    engine.dispose()
    server = LiveServer(url)
    yield server
    server.stop()


def log_in(page: Page, live: LiveServer, name: str, password: str, next_path: str) -> None:
    page.goto(f"{live.url}/login?lang=en&next={next_path}")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(re.escape(next_path.split("?")[0])))
    page.wait_for_selector("main h1")


def roles(live: LiveServer) -> dict[str, str]:
    return {a.name: a.role for a in list_users(live.engine)}


def test_an_admin_adds_changes_and_removes_an_account(live, page: Page):
    log_in(page, live, "root", PASSWORD, "/admin/users?lang=en")
    table = page.locator("#admin-users-table")
    expect(table).to_contain_text("root (you)")
    expect(page.get_by_role("link", name="Users")).to_be_visible()  # in the admin's menu
    assert axe_violations(page) == []

    page.get_by_label("User name", exact=False).first.fill("Dirk")
    page.locator("#admin-users-add-heading").locator("..").get_by_role("button", name="Coordinator").click()
    page.locator("#admin-users-add-password").fill(NEW_PASSWORD)
    page.locator("#admin-users-add-repeat").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Add account").click()
    added = page.get_by_role("region", name="Add an account").get_by_role("status")
    expect(added).to_contain_text("Added account 'dirk' with the role Coordinator.")
    expect(table).to_contain_text("dirk")
    expect(page.locator("#admin-users-add-password")).to_have_value("")  # never kept on the page
    assert roles(live) == {"root": "admin", "cor": "coordinator", "dirk": "coordinator"}

    change = page.get_by_role("region", name="Change an account")  # its outcome sits under its buttons
    page.locator("#admin-users-which").fill("dirk")
    page.locator("#admin-users-change-heading").locator("..").get_by_role("button", name="Analyst").click()
    page.get_by_role("button", name="Change role").click()
    expect(change.get_by_role("status")).to_contain_text("'dirk' now has the role Analyst.")
    expect(table.locator("tr", has_text="dirk")).to_contain_text("Analyst")

    page.locator("#admin-users-new-password").fill("too short")
    page.locator("#admin-users-new-repeat").fill("too short")
    page.get_by_role("button", name="Set password").click()
    expect(change.get_by_role("alert")).to_contain_text("the password is too short")
    expect(change.get_by_role("alert")).to_be_in_viewport()  # where the user is looking
    page.locator("#admin-users-new-password").fill(NEW_PASSWORD + "!")
    page.locator("#admin-users-new-repeat").fill(NEW_PASSWORD + "!")
    page.get_by_role("button", name="Set password").click()
    expect(change.get_by_role("status")).to_contain_text("New password for 'dirk' set")
    assert verify_login(live.engine, "dirk", NEW_PASSWORD + "!") is not None

    page.get_by_role("button", name="Remove account…").click()
    expect(page.locator("#admin-users-confirm-question")).to_have_text(
        "Remove account 'dirk' (Analyst) for good? The user is logged out at once.")
    expect(page.get_by_role("button", name="Yes, remove it")).to_be_in_viewport()  # next to the Remove button
    assert axe_violations(page) == []
    page.get_by_role("button", name="No, keep it").click()
    assert "dirk" in roles(live)
    page.get_by_role("button", name="Remove account…").click()
    page.get_by_role("button", name="Yes, remove it").click()
    expect(change.get_by_role("status")).to_contain_text("Removed account 'dirk'.")
    expect(table).not_to_contain_text("dirk")
    assert roles(live) == {"root": "admin", "cor": "coordinator"}


def test_the_page_is_in_dutch_and_not_in_a_coordinators_menu(live, page: Page):
    log_in(page, live, "root", PASSWORD, "/admin/users?lang=nl")
    expect(page.locator("main h1")).to_have_text("Gebruikers van de werkruimte")
    expect(page.locator("#admin-users-table")).to_contain_text("root (jijzelf)")
    assert axe_violations(page) == []
    page.context.clear_cookies()  # a different person at another computer
    log_in(page, live, "cor", PASSWORD, "/coordinate/targets?lang=en")
    # Not in a coordinator's menu (and the page itself answers 403: test_admin_users_http.py).
    expect(page.get_by_role("link", name="Targets")).to_be_visible()
    expect(page.get_by_role("link", name="Users")).to_have_count(0)
