"""The open data API's page for people (/api/v1/) in headless Chromium: readable, passes axe-core."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "heading"), [("en", "Open data API"), ("nl", "Open-data-API")])
def test_the_api_page_lists_the_endpoints_and_has_no_accessibility_violations(
    page, seeded_url, lang, heading
):
    open_page(page, f"{seeded_url}/api/v1/?lang={lang}")
    assert page.evaluate("document.documentElement.lang") == lang
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("rowheader", name="/api/v1/programmes/{slug}/status")).to_be_visible()
    assert axe_violations(page) == []


def test_a_page_on_another_site_can_read_the_api(page, seeded_url):
    # A page of no site of ours (an opaque origin, under no policy of ours) reads the API through
    # CORS. (Our own pages may not: their Content-Security-Policy keeps connections to 'self'.)
    page.goto("about:blank")
    total = page.evaluate(
        """url => fetch(url).then(r => r.json()).then(b =>
            b.data.find(r => r.year === 2024 && r.sector === 'total').value_t_co2e)""",
        f"{seeded_url}/api/v1/programmes/leuven/emissions.json",
    )
    assert total == 478_000  # 688,000 − 15,000 × 14
