"""The overview in a browser: the seeded numbers, both languages, a filter, the table and CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import figure_trace, open_page
from tests.browser_support import axe_violations, wait_until

pytestmark = pytest.mark.browser


def test_headline_shows_the_seeded_numbers_in_plain_words(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    facts = page.locator(".facts")
    # latest 478,000 t; change (478 − 688) / 688 = −30.5 % → "-31%"; progress 30.5 % → "31%"
    expect(facts).to_contain_text("478 kt CO₂e")
    expect(facts).to_contain_text("-31%")
    expect(facts).to_contain_text("Off track")
    expect(page.locator(".headline-text")).to_contain_text("In 2024, Leuven emitted 478 kt CO₂e.")


def test_trajectory_chart_draws_the_seeded_series(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    actual = figure_trace(page, "trajectory", "Measured emissions")
    assert actual["x"][0] == 2010 and actual["y"][0] == 688.0 and actual["y"][-1] == 478.0
    pathway = figure_trace(page, "trajectory", "Target pathway")
    assert pathway["y"][pathway["x"].index(2024)] == 206.4  # 688 × 6/20
    gap = page.locator(".chart-block", has=page.get_by_role("heading", name="What partners' commitments deliver, and what is still missing"))
    expect(gap.locator("figcaption")).to_contain_text("438.0 kt is still missing")


def test_language_switch_changes_labels_number_format_and_html_lang(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    page.get_by_role("link", name="Nederlands").click()
    expect(page.locator("h1")).to_have_text("Zijn we op koers?")
    wait_until(page, "document.documentElement.lang === 'nl'")
    assert "lang=nl" in page.url
    expect(page.get_by_text("In 2024 was de gemeten uitstoot 478,0 kt CO₂e.")).to_be_visible()
    expect(page.locator(".facts")).to_contain_text("-31 %")


def test_browser_language_is_the_default(dutch_page, seeded_url):
    open_page(dutch_page, f"{seeded_url}/")
    expect(dutch_page.locator("h1")).to_have_text("Zijn we op koers?")
    assert dutch_page.evaluate("document.documentElement.lang") == "nl"


def test_choosing_another_target_changes_the_chart_and_the_url(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    page.get_by_role("button", name="Covenant of Mayors (2030)").click()
    wait_until(page, "location.search.includes('target=2')")
    expect(page.locator(".facts")).to_contain_text("At risk")
    wait_until(page,
        """() => { const p = document.getElementById(JSON.stringify({chart: 'trajectory', role: 'graph'}));
                   const t = p && p.querySelector('.js-plotly-plot').data.find(d => d.name === 'Target pathway');
                   return t && t.y[t.x.indexOf(2024)] === 423.1; }"""
    )
    # the shared link opens the same view
    page.goto(page.url)
    page.wait_for_selector("main h1")
    expect(page.get_by_role("button", name="Covenant of Mayors (2030)")).to_have_attribute("aria-pressed", "true")


def test_table_view_shows_the_charts_numbers(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    block = page.locator(".chart-block").first
    block.get_by_text("Show as a table").click()
    table = block.get_by_role("table")
    expect(table).to_be_visible()
    expect(table.get_by_role("row", name="2024")).to_contain_text("478.0")


def test_a_folded_table_is_drawn_when_opened_and_follows_its_sections_choices(page, seeded_url):
    """The folded tables' cells are not on the page until one is opened (components.folded_table:
    hundreds of hidden cells cost the first chart); opened from the keyboard, that one table is
    drawn and passes axe, and stays open, with the new numbers, when a choice redraws its section."""
    open_page(page, f"{seeded_url}/?lang=en")
    wait_until(page, "() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 3")
    assert page.locator(".table-view").count() >= 3
    assert page.locator(".table-view table, .table-view td").count() == 0
    block = page.locator(".chart-block", has=page.locator("#sectors-heading"))
    block.locator(".table-view summary").focus()
    page.keyboard.press("Enter")
    row = block.get_by_role("table").get_by_role("row", name="2024")
    expect(row).to_contain_text("310.0")  # buildings' 310,000 t in kt
    expect(block.locator("caption")).to_have_text(block.locator("h2").inner_text())
    assert page.locator(".table-view table").count() == 1
    assert axe_violations(page) == []
    page.get_by_role("button", name="share in %").click()  # the section is drawn again
    expect(block.locator("figcaption")).to_contain_text("64.9%")
    expect(row).to_contain_text("64.9")  # and the table the reader opened is open, in shares
    expect(row).not_to_contain_text("310.0")
    block.locator(".table-view summary").click()  # folded by the reader: stays folded
    page.get_by_role("button", name="kt CO₂e", exact=True).click()
    expect(block.locator("figcaption")).to_contain_text("310.0 kt")
    expect(block.locator(".table-view")).not_to_have_attribute("open", "")
    assert page.locator(".table-view table").count() == 0


def test_csv_download_holds_exactly_what_the_chart_shows(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    with page.expect_download() as download:
        page.locator(".chart-block").first.get_by_role("button", name="Download the data (CSV)").click()
    assert download.value.suggested_filename == "trajectory.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    measured = [(int(r["Year"]), float(r["Measured (kt CO₂e)"])) for r in rows if r["Measured (kt CO₂e)"]]
    actual = figure_trace(page, "trajectory", "Measured emissions")
    assert measured == list(zip(actual["x"], actual["y"], strict=True))


def test_sector_breakdown_switches_to_shares(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=en")
    page.get_by_role("button", name="share in %").click()
    wait_until(page, "location.search.includes('breakdown=share')")
    expect(page.get_by_text("In 2024, Buildings was the largest of 4 sectors, with 64.9%.")).to_be_visible()


# Notes, from before the page's own scripts run, how many charts are drawn at the moment the
# first one is (a MutationObserver's callback runs after the task that drew it).
COUNT_CHARTS_AT_FIRST = """
(() => {
  const drawn = () => document.querySelectorAll('.js-plotly-plot .main-svg').length;
  new MutationObserver((_, observer) => {
    if (drawn() > 0) {
      window.__chartsAtFirst = new Set([...document.querySelectorAll('.js-plotly-plot')]
        .filter(plot => plot.querySelector('.main-svg'))).size;
      observer.disconnect();
    }
  }).observe(document, {childList: true, subtree: true});
})();
"""


def test_the_first_chart_is_drawn_before_the_others_and_every_chart_follows(page, seeded_url):
    """Dash draws all of a page's graphs in one task; the page's script draws one per task, top
    first, so the first chart can be painted while the others are drawn."""
    page.add_init_script(COUNT_CHARTS_AT_FIRST)
    open_page(page, f"{seeded_url}/?lang=en")
    graphs = page.locator(".js-plotly-plot")
    wait_until(page, "() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))")
    assert graphs.count() >= 3
    assert page.evaluate("window.__chartsAtFirst") == 1
