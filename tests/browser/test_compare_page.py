"""The comparison page (/compare) in a real browser: charts in Dutch and English, the keyboard
picker at 375 px, the ranking's sorting, no console error and no axe violation.

Three programmes, built through the real analytics (derived tables rebuilt), 2015–2019:
  leiden: buildings 300,000 − 10,000·(y−2015), transport 150,000 − 5,000·(y−2015), but no
    transport in 2018 (incomplete); population 120,000; target: neutral in 2030 from 2015.
    2015 = 450 kt → 3.75 t per inhabitant; 2019 = 260 + 130 = 390 kt → 3.25 t; index 2019 =
    390 / 450 · 100 = 86.7; progress = (450 − 390) / (450 − 0) = 13.3 %.
  leiderdorp: buildings 60,000 and transport 40,000 every year; population 25,000 → 4 t; no target set.
  oegstgeest: buildings 40,000 − 1,000·(y−2015), transport 30,000; no population (no per-inhabitant
    value, never 0); target neutral in 2030: progress = (70 − 66) / 70 = 5.7 %.
"""

from __future__ import annotations

import csv
import io
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pipelines.programmes import create_programme
from tests.analytics_db import put_observations
from tests.browser.conftest import _database, _serve, axe_violations, open_page
from tests.conftest import LEUVEN

pytestmark = pytest.mark.browser
YEARS = range(2015, 2020)
# Screenshots to look at (not test data): outside the repository.
SCREENSHOTS = Path(tempfile.gettempdir()) / "roadmap-screenshots"


@pytest.fixture(scope="module", autouse=True)
def _screenshot_folder():
    SCREENSHOTS.mkdir(exist_ok=True)


def _fill(engine) -> None:
    base = replace(LEUVEN, baseline_year=2015, target_year=2030, area_code=None)
    leiden = create_programme(engine, replace(base, slug="leiden", name="Leiden", area_name="Leiden"))
    put_observations(engine, leiden, [
        *(("emissions.buildings", str(y), 300_000.0 - 10_000 * (y - 2015)) for y in YEARS),
        *(("emissions.transport", str(y), 150_000.0 - 5_000 * (y - 2015)) for y in YEARS if y != 2018),
        *(("population", str(y), 120_000.0) for y in YEARS),
    ])
    leiderdorp = create_programme(engine, replace(base, slug="leiderdorp", name="Leiderdorp", area_name="Leiderdorp",
                                                  target_residual_pct=None))
    put_observations(engine, leiderdorp, [
        *(("emissions.buildings", str(y), 60_000.0) for y in YEARS),
        *(("emissions.transport", str(y), 40_000.0) for y in YEARS),
        *(("population", str(y), 25_000.0) for y in YEARS),
    ])
    oegstgeest = create_programme(engine, replace(base, slug="oegstgeest", name="Oegstgeest", area_name="Oegstgeest"))
    put_observations(engine, oegstgeest, [
        *(("emissions.buildings", str(y), 40_000.0 - 1_000 * (y - 2015)) for y in YEARS),
        *(("emissions.transport", str(y), 30_000.0) for y in YEARS),
    ])


@pytest.fixture(scope="module")
def compare_url(tmp_path_factory, sqlite_template):
    yield from _serve(_database(tmp_path_factory, sqlite_template, "compare", _fill))


def _traces(page, chart: str) -> dict[str, dict]:
    """name → {x, y} of every trace of a chart, as the browser's Plotly holds it."""
    return page.evaluate(
        """chart => {
            const id = JSON.stringify({chart: chart, role: 'graph'});
            const plot = document.getElementById(id).querySelector('.js-plotly-plot');
            return Object.fromEntries(plot.data.map(t => [t.name, {x: Array.from(t.x || []), y: Array.from(t.y || [])}]));
        }""",
        chart,
    )


def test_three_programmes_are_drawn_side_by_side_in_english(compare_url, page):
    open_page(page, f"{compare_url}/compare?programmes=leiden,leiderdorp,oegstgeest&lang=en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Compare programmes")
    per_capita = _traces(page, "compare-per-capita")
    assert dict(zip(per_capita["Leiden"]["x"], per_capita["Leiden"]["y"], strict=True))[2015] == 3.75
    assert dict(zip(per_capita["Leiden"]["x"], per_capita["Leiden"]["y"], strict=True))[2019] == 3.25
    # 2018 (no transport) is not a point of the line: buildings 300,000 − 30,000 = 270,000 / 120,000
    # = 2.25 t, an open marker of its own.
    assert dict(zip(per_capita["Leiden"]["x"], per_capita["Leiden"]["y"], strict=True))[2018] is None
    assert per_capita["Leiden: incomplete year"] == {"x": [2018], "y": [2.25]}
    assert per_capita["Leiderdorp"]["y"] == [4.0] * 5
    assert per_capita["Oegstgeest"]["y"] == [None] * 5  # no population: gaps, never 0
    index = _traces(page, "compare-index")
    assert dict(zip(index["Leiden"]["x"], index["Leiden"]["y"], strict=True))[2019] == 86.7
    progress = _traces(page, "compare-progress")["% to the target (100 = reached)"]
    assert progress["x"] == [13.3, None, 5.7]  # Leiderdorp has no target: no bar
    expect(page.locator("#compare-progress-heading + figure figcaption")).to_have_text(
        "Leiden is furthest on the way to its own target (13.3%). No target or progress: Leiderdorp.")
    expect(page.locator("#compare-per-capita-heading + figure figcaption")).to_contain_text(
        "it is missing for: Oegstgeest")
    page.screenshot(path=str(SCREENSHOTS / "compare-1280-en.png"), full_page=True)
    assert axe_violations(page) == []


def test_the_table_view_and_csv_show_the_incomplete_year_and_the_missing_population(compare_url, page):
    open_page(page, f"{compare_url}/compare?programmes=leiden,oegstgeest&lang=en")
    block = page.locator(".chart-block").first
    block.get_by_text("Show as a table").click()
    expect(block.get_by_role("row", name="2018").first).to_contain_text("no")
    with page.expect_download() as download:
        block.get_by_role("button", name="Download the data (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    leiden_2018 = next(r for r in rows if r["Programme"] == "Leiden" and r["Year"] == "2018")
    assert leiden_2018["Complete"] == "no"
    oegstgeest = [r for r in rows if r["Programme"] == "Oegstgeest"]
    assert {r["t CO₂e per inhabitant"] for r in oegstgeest} == {""}  # missing, not 0
    assert {r["Population known"] for r in oegstgeest} == {"no"}


def test_the_page_speaks_dutch(compare_url, dutch_page):
    page = dutch_page
    open_page(page, f"{compare_url}/compare?programmes=leiden,leiderdorp,oegstgeest&lang=nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Programma's vergelijken")
    expect(page.get_by_role("heading", name="Uitstoot per inwoner")).to_be_visible()
    expect(page.locator("#compare-progress-heading + figure figcaption")).to_contain_text(
        "Leiden is het verst op weg naar zijn eigen doel (13,3 %)")
    assert set(_traces(page, "compare-index")) == {"Leiden", "Leiden: onvolledig jaar", "Leiderdorp", "Oegstgeest"}
    page.screenshot(path=str(SCREENSHOTS / "compare-1280-nl.png"), full_page=True)
    assert axe_violations(page) == []


def test_a_programme_is_added_and_removed_with_the_keyboard_on_a_phone(compare_url, phone_page):
    page = phone_page
    open_page(page, f"{compare_url}/compare?programmes=leiden&lang=en")
    expect(page.get_by_text("Choose at least 2 programmes")).to_be_visible()
    # The suggestions are every programme's name (made in the browser from the ranking's rows).
    expect(page.locator("#compare-options option")).to_have_count(3)
    assert page.eval_on_selector_all("#compare-options option", "os => os.map(o => o.value)") == [
        "Leiden", "Leiderdorp", "Oegstgeest"]
    page.get_by_label("Find a programme (name or area)").fill("leid")
    page.keyboard.press("Enter")
    expect(page.locator("#compare-message")).to_contain_text("Several programmes match ‘leid’: Leiden, Leiderdorp")
    page.get_by_label("Find a programme (name or area)").fill("Oegstgeest")
    page.keyboard.press("Enter")
    expect(page.locator("#compare-message")).to_have_text("Oegstgeest added.")
    expect(page.get_by_role("heading", name="Emissions per inhabitant")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert "programmes=leiden%2Coegstgeest" in page.url  # the permalink follows the choice
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing wider than a phone
    page.screenshot(path=str(SCREENSHOTS / "compare-375-en.png"), full_page=True)
    assert axe_violations(page) == []
    remove = page.get_by_role("button", name="Remove Oegstgeest")
    remove.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#compare-message")).to_have_text("Oegstgeest removed.")
    expect(page.get_by_text("Choose at least 2 programmes")).to_be_visible()


def test_the_ranking_of_all_programmes_sorts(compare_url, page):
    open_page(page, f"{compare_url}/compare?lang=en")
    ranking = page.locator("#compare-ranking")
    # Per inhabitant, lowest first: Leiden 3.25 t, Leiderdorp 4 t, Oegstgeest (no population) last.
    expect(ranking.locator("tbody tr").first).to_contain_text("Leiden")
    expect(ranking.locator("tbody tr").last).to_contain_text("Oegstgeest")
    page.get_by_role("button", name="progress toward the target (furthest first)").click()
    # Leiden 13.3 %, Oegstgeest 5.7 %, Leiderdorp (no target) last.
    expect(ranking.locator("tbody tr").nth(1)).to_contain_text("Oegstgeest")
    expect(ranking.locator("tbody tr").last).to_contain_text("Leiderdorp")
    page.wait_for_load_state("networkidle")
    assert "sort=progress_pct" in page.url


# A name as an admin or a file may type it: Plotly would read the tags as its own markup.
MARKUP_NAME = '<a href="https://example.org">Leiden</a> <b>vet</b> & co'


def _fill_markup(engine) -> None:
    base = replace(LEUVEN, baseline_year=2015, target_year=2030, area_code=None)
    for slug, name in (("leiden", MARKUP_NAME), ("oegstgeest", "Oegstgeest")):
        programme = create_programme(engine, replace(base, slug=slug, name=name, area_name=slug.title()))
        put_observations(engine, programme, [
            *(("emissions.buildings", str(y), 40_000.0 - 1_000 * (y - 2015)) for y in YEARS),
            *(("emissions.transport", str(y), 30_000.0) for y in YEARS),
            *(("population", str(y), 20_000.0) for y in YEARS),
        ])


@pytest.fixture(scope="module")
def markup_url(tmp_path_factory, sqlite_template):
    yield from _serve(_database(tmp_path_factory, sqlite_template, "compare_markup", _fill_markup))


def test_a_programme_name_with_markup_is_text_in_the_charts_not_a_link(markup_url, page):
    open_page(page, f"{markup_url}/compare?programmes=leiden,oegstgeest&lang=en")
    charts = page.locator(".js-plotly-plot")
    expect(charts).to_have_count(4)
    # No link and no bold text inside any chart: before, the name became a link to example.org.
    assert page.evaluate("() => document.querySelectorAll('.js-plotly-plot a').length") == 0
    assert page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot tspan')]
        .filter(t => t.style.fontWeight === 'bold').length""") == 0
    # The reader sees the name as typed, in the legend and beside the bars.
    legend = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .legendtext')].map(t => t.textContent)")
    assert MARKUP_NAME in legend
    labels = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .ytick text')].map(t => t.textContent)")
    assert any(label.startswith(MARKUP_NAME) for label in labels), labels
