"""Sector, partners, indicator explorer and methodology pages in a browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import figure_trace, open_page
from tests.browser_support import wait_until
from tests.dashboard_seed import IMPORTER, SCRIPT_PARTNER

pytestmark = pytest.mark.browser


def test_sector_page_shows_the_sector_and_its_activity_indicators(page, seeded_url):
    open_page(page, f"{seeded_url}/sectors?lang=en")
    expect(page.locator("#sector-name")).to_have_text("Buildings")
    homes = figure_trace(page, "indicator-renovated_homes", "Renovated homes (homes)")
    assert homes["y"][-1] == 1000.0  # 100 × (2024 − 2014)
    page.get_by_role("button", name="Transport").click()
    expect(page.locator("#sector-name")).to_have_text("Transport")
    wait_until(page, "location.search.includes('sector=transport')")
    ev = figure_trace(page, "indicator-ev_share", "Share of electric cars (%)")
    assert ev["y"] == [1.0, 2.0, 3.0, 5.0, 8.0, 12.0, 15.0]


def test_partners_page_searches_filters_and_counts(page, seeded_url):
    open_page(page, f"{seeded_url}/partners?lang=en")
    expect(page.locator(".result-count")).to_have_text("4 commitments by 3 partners.")
    page.get_by_label("Search by name or description").fill("renovation")
    expect(page.locator(".result-count")).to_have_text("1 commitments by 1 partners.")
    wait_until(page, "location.search.includes('q=renovation')")
    page.get_by_label("Search by name or description").fill("")
    expect(page.locator(".result-count")).to_have_text("4 commitments by 3 partners.")
    page.get_by_role("button", name="Transport").click()
    expect(page.locator(".result-count")).to_have_text("2 commitments by 2 partners.")
    wait_until(page, "location.search.includes('sector=transport')")
    expect(page.locator(".chart-summary").first).to_have_text("Commitments by status: 1 in progress, 1 delayed.")


def test_partner_text_is_shown_as_text_never_as_html(page, seeded_url):
    open_page(page, f"{seeded_url}/partners?lang=en")
    expect(page.get_by_role("heading", name=SCRIPT_PARTNER)).to_be_visible()
    page.get_by_role("heading", name=SCRIPT_PARTNER).click()  # the card opens
    expect(page.get_by_text("<b>Bread</b> delivered by cargo bike.")).to_be_visible()
    assert page.locator("main b").count() == 0
    # a javascript: website is not turned into a link
    assert page.locator("a[href^='javascript']").count() == 0


def test_indicator_explorer_shows_per_capita_values(page, seeded_url):
    open_page(page, f"{seeded_url}/indicators?lang=en&indicators=emissions.total&mode=per_capita")
    line = figure_trace(page, "explorer", "Total emissions (t CO2e per inhabitant)")
    # 2024: 478,000 t ÷ 114,000 inhabitants = 4.192982 t per inhabitant
    assert line["y"][-1] == pytest.approx(4.192982)
    page.get_by_text("Choose indicators (up to 6)").click()  # the picker is folded
    page.get_by_role("button", name="Share of electric cars (%)").click()
    wait_until(page, "location.search.includes('ev_share')")
    # Another unit: a chart of its own, with its unit on its axis (never one axis for both).
    expect(page.locator("figcaption")).to_have_count(2)
    expect(page.locator("figcaption").last).to_contain_text("Share of electric cars")
    axis = page.evaluate("document.querySelectorAll('.js-plotly-plot')[1].layout.yaxis.title.text")
    assert axis == "% per inhabitant"


def test_methodology_lists_imports_without_who_made_them(page, seeded_url):
    open_page(page, f"{seeded_url}/methodology?lang=nl")
    expect(page.locator("#last-update")).to_have_text("Laatst bijgewerkt op 14 maart 2025.")
    # The import history (the page also has a table of totals per year)
    expect(page.get_by_role("table").filter(has_text="activity-2024.csv")).to_have_count(1)
    assert IMPORTER not in page.content()


def test_dutch_pages_draw_plotly_dates_in_dutch(page, seeded_url):
    open_page(page, f"{seeded_url}/indicators?lang=nl")
    locale = page.evaluate("document.querySelector('.js-plotly-plot')._context.locale")
    assert locale == "nl"
    # A monthly date axis drawn with the page's locale names the months in Dutch (mrt, mei, okt).
    ticks = page.evaluate(
        """() => {
            const div = document.createElement('div');
            document.body.appendChild(div);
            const x = ['2023-01-01', '2023-03-01', '2023-05-01', '2023-10-01', '2023-12-01'];
            return Plotly.newPlot(div, [{x: x, y: [1, 2, 3, 4, 5]}], {width: 900},
                                  {locale: 'nl', staticPlot: true})
                .then(() => Array.from(div.querySelectorAll('.xtick text')).map(t => t.textContent));
        }"""
    )
    text = " ".join(ticks)
    assert any(month in text for month in ("mrt", "mei", "okt")), ticks
    assert "Mar" not in text and "May" not in text and "Oct" not in text, ticks
