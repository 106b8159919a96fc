"""The per-inhabitant toggle in a browser: the overview's charts, tables and summaries switch to
t CO2e per inhabitant, the choice is kept in the URL, in Dutch and English, axe-clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, figure_trace, open_page
from tests.browser_support import wait_until

pytestmark = pytest.mark.browser


def test_toggle_switches_the_overview_to_per_inhabitant_and_back(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    per = page.get_by_role("button", name="Per inhabitant")
    expect(per).to_have_attribute("aria-pressed", "false")
    per.click()
    wait_until(page, "location.search.includes('per=inhabitant')")
    expect(per).to_have_attribute("aria-pressed", "true")
    # 478,000 t / 114,000 inhabitants in 2024 = 4.19 t; 688,000 / 100,000 in 2010 = 6.88 t
    expect(page.get_by_text("In 2024, emissions were 4.19 t CO₂e per inhabitant (114,000 inhabitants).")).to_be_visible()
    wait_until(page,
        """() => { const p = document.getElementById(JSON.stringify({chart: 'trajectory', role: 'graph'}));
                   const t = p && p.querySelector('.js-plotly-plot').data.find(d => d.name === 'Measured emissions');
                   return t && t.y[t.y.length - 1] === 4.19; }""")
    assert figure_trace(page, "trajectory", "Measured emissions")["y"][0] == 6.88
    sectors = page.locator(".chart-block", has=page.get_by_role("heading", name="Emissions by sector", exact=True))
    expect(sectors.locator("figcaption")).to_contain_text("2.72 t CO₂e per inhabitant")  # 310,000 / 114,000
    assert axe_violations(page) == []
    page.get_by_role("button", name="In total").click()
    wait_until(page, "location.search.includes('per=total')")
    expect(page.get_by_text("In 2024, measured emissions were 478.0 kt CO₂e.")).to_be_visible()


def test_a_per_inhabitant_link_opens_in_dutch_with_table_and_csv(dutch_page, seeded_url):
    page = dutch_page
    open_page(page, f"{seeded_url}/?lang=nl&per=inhabitant")
    expect(page.get_by_role("button", name="Per inwoner")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_text("In 2024 was de uitstoot 4,19 t CO₂e per inwoner (114.000 inwoners).")).to_be_visible()
    block = page.locator(".chart-block").first
    block.get_by_text("Toon als tabel").click()
    row = block.get_by_role("table").get_by_role("row", name="2024")
    expect(row).to_contain_text("4,19")
    expect(row).to_contain_text("114.000")
    with page.expect_download() as download:
        block.get_by_role("button", name="Download de gegevens (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Gemeten (t CO₂e per inwoner)" in text and ",4.19," in text
    assert axe_violations(page) == []


def test_sectors_page_toggles_per_inhabitant_on_a_phone(phone_page, seeded_url):
    page = phone_page
    open_page(page, f"{seeded_url}/sectors?lang=en&sector=buildings")
    page.get_by_role("button", name="Per inhabitant").click()
    wait_until(page, "location.search.includes('per=inhabitant')")
    # buildings: 450,000 t / 100,000 = 4.50 in 2010; 310,000 t / 114,000 = 2.72 in 2024
    expect(page.get_by_text("Emissions per inhabitant went from 4.50 t CO₂e in 2010 to 2.72 t in 2024.")).to_be_visible()
    assert axe_violations(page) == []
