"""Every public page in headless Chromium: loads cleanly, passes axe-core, fits a phone, works
with an empty database. (Numbers: see tests/dashboard_seed.py.)"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, open_all_tables, open_page
from tests.browser_support import wait_until

pytestmark = pytest.mark.browser

PATHS = ("/", "/sectors", "/partners", "/indicators", "/methodology")
# /compare asks for a second programme rather than saying "no data yet" on a programme without data.
ALL_PATHS = (*PATHS, "/compare")


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
@pytest.mark.parametrize("path", ALL_PATHS)
def test_page_loads_and_has_no_accessibility_violations(page, seeded_url, path, lang):
    open_page(page, f"{seeded_url}{path}?lang={lang}")
    assert page.evaluate("document.documentElement.lang") == lang
    expect(page.get_by_role("main")).to_be_visible()
    expect(page.get_by_role("navigation")).to_be_visible()
    open_all_tables(page)  # the folded tables and what they hold are checked too
    assert page.locator("details[open]").count() == page.locator("details").count()
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", ALL_PATHS)
def test_page_fits_a_phone_without_sideways_scrolling(phone_page, seeded_url, path):
    open_page(phone_page, f"{seeded_url}{path}?lang=nl")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(phone_page.locator("h1")).to_be_visible()


@pytest.mark.parametrize("path", ALL_PATHS)
def test_database_without_programme_says_no_data_yet(page, no_programme_url, path):
    open_page(page, f"{no_programme_url}{path}?lang=en")
    expect(page.get_by_role("status")).to_contain_text("No data yet")
    assert axe_violations(page) == []


@pytest.mark.parametrize("path", PATHS)
def test_programme_without_data_says_no_data_yet(page, no_data_url, path):
    open_page(page, f"{no_data_url}{path}?lang=nl")
    expect(page.get_by_text("Nog geen gegevens").first).to_be_visible()
    assert page.locator(".js-plotly-plot .scatterlayer .trace").count() == 0


def test_keyboard_alone_can_choose_a_filter(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    covenant = page.get_by_role("button", name="Covenant of Mayors (2030)")
    for _ in range(30):
        page.keyboard.press("Tab")
        if covenant.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the target choice cannot be reached with the Tab key")
    page.keyboard.press("Enter")
    expect(covenant).to_have_attribute("aria-pressed", "true")
    wait_until(page, "location.search.includes('target=')")


def test_skip_link_is_the_first_stop_and_leads_to_the_content(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_have_attribute("href", "#main")
