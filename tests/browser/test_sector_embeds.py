"""The sectors page's charts as embeds (/embed/sectors/<sector>), in a browser: drawn as the page
draws them with its permalink state, axe-clean, and offered on the page as an iframe snippet.

Seed (tests/dashboard_seed.py): buildings 450,000 − 10,000·(y−2010) t (310,000 t in 2024),
population 100,000 + 1,000·(y−2010) (114,000 in 2024), renovated homes 100·(y−2014) (1,000 in 2024).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, open_page

pytestmark = pytest.mark.browser

LAST_MEASURED = ("document.querySelector('.js-plotly-plot').data"
                 ".find(t => t.name === 'Measured emissions').y.slice(-1)[0]")


def _drawn(page) -> None:
    # A locator, not wait_for_function: its polling evaluates a string, which the CSP forbids.
    expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible()


def test_sector_embed_draws_the_trajectory_per_inhabitant_with_its_state(page, seeded_url):
    open_page(page, f"{seeded_url}/embed/sectors/buildings?lang=en&programme=leuven&per=inhabitant")
    expect(page.locator("h1")).to_have_text("Emissions of Buildings")
    _drawn(page)
    assert page.evaluate(LAST_MEASURED) == 2.72  # 310,000 t ÷ 114,000 inhabitants = 2.719…
    link = page.get_by_role("link", name="See everything on Climate roadmap: progress")
    href = link.get_attribute("href")
    assert href.startswith("/sectors?lang=en&programme=leuven&sector=buildings&target=")
    assert href.endswith("&per=inhabitant")
    expect(page.locator("nav")).to_have_count(0)
    assert axe_violations(page) == []


def test_sector_embed_of_an_activity_indicator(dutch_page, seeded_url):
    page = dutch_page
    open_page(page, f"{seeded_url}/embed/sectors/buildings?lang=nl&programme=leuven&indicator=renovated_homes")
    expect(page.locator("h1")).to_have_text("Gerenoveerde woningen (woningen)")
    _drawn(page)
    assert page.evaluate("document.querySelector('.js-plotly-plot').data[0].y.slice(-1)[0]") == 1000
    expect(page.locator(".embed-source")).to_contain_text("Bron: Leuven 2030")
    assert axe_violations(page) == []


def test_the_sectors_page_offers_each_chart_as_an_iframe_snippet(page, seeded_url):
    open_page(page, f"{seeded_url}/sectors?lang=en&programme=leuven&sector=buildings&per=inhabitant")
    offers = page.locator(".embed-offer")
    expect(offers).to_have_count(2)  # the trajectory and the renovated homes
    offers.first.locator("summary").click()
    snippet = offers.first.get_by_label("Code to embed (iframe)").input_value()
    assert snippet.startswith(f'<iframe src="{seeded_url}/embed/sectors/buildings?lang=en&amp;programme=leuven')
    assert "per=inhabitant" in snippet and 'title="Emissions of Buildings"' in snippet
    assert axe_violations(page) == []
    embed = offers.first.get_by_role("link", name="Preview the embedded chart").get_attribute("href")
    open_page(page, embed)
    _drawn(page)
    assert page.evaluate(LAST_MEASURED) == 2.72  # what the page showed


def test_the_overview_offers_its_three_charts_as_iframe_snippets(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en&programme=leuven&per=inhabitant")
    offers = page.locator(".embed-offer")
    expect(offers).to_have_count(3)  # the trajectory, the commitments gap and the sectors
    snippets = []
    for i in range(3):
        offers.nth(i).locator("summary").click()
        snippets.append(offers.nth(i).get_by_label("Code to embed (iframe)").input_value())
    sources = sorted(s.split('"')[1].split("?")[0] for s in snippets)
    assert sources == [f"{seeded_url}/embed/overview/{chart}" for chart in ("emissions", "gap", "sectors")]
    assert all("programme=leuven" in s for s in snippets)
    emissions = next(s for s in snippets if "/embed/overview/emissions" in s)
    assert "per=inhabitant" in emissions  # the state the reader chose travels with the chart
    assert axe_violations(page) == []
    preview = offers.first.get_by_role("link", name="Preview the embedded chart").get_attribute("href")
    open_page(page, preview)
    _drawn(page)
