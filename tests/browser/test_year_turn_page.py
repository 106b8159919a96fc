"""After 1 January the overview counts the years left from the new year, without an import.

Leuven 2030 with the analytics inventory and commitments (tests/test_year_turn.py), built on
2026-06-01: 4 years left. The server then runs on 2028-01-02: its first request starts the
refresh (dashboard/year_turn_check.py); once it is done, the page says 2.
"""

from __future__ import annotations

import pytest

from dashboard.year_turn_check import EXTENSION_KEY
from tests.browser.conftest import LiveServer, _database, open_page
from tests.test_year_turn import _seed

pytestmark = pytest.mark.browser


def _years_left(page) -> str:
    fact = page.locator(".facts .fact", has=page.get_by_text("Years left until 2030", exact=True))
    return fact.locator("dd").inner_text()


def test_the_overview_says_this_years_years_left_after_the_year_turns(browser, tmp_path_factory, sqlite_template,
                                                                       monkeypatch):
    monkeypatch.setenv("ROADMAP_TODAY", "2026-06-01")
    url = _database(tmp_path_factory, sqlite_template, "year_turn", _seed)
    live = LiveServer(url)
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page = context.new_page()
        open_page(page, f"{live.url}/?lang=en")
        assert _years_left(page) == "4"

        monkeypatch.setenv("ROADMAP_TODAY", "2028-01-02")
        open_page(page, f"{live.url}/?lang=en")  # the first request of the new year starts the refresh
        live.server.app.extensions[EXTENSION_KEY].join(30)
        open_page(page, f"{live.url}/?lang=en")
        assert _years_left(page) == "2"
        context.close()
    finally:
        live.stop()
