"""The demo's pages as a French-speaking resident or coordinator sees them on a phone (375 px):
in French (the demo's own texts too), nothing wider than the screen, table headings broken
between words only, chart axis titles across and whole legends."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.auth_support import PASSWORD
from tests.browser.conftest import _page, _serve, open_page
from tests.browser.test_upload_pages import demo_template  # noqa: F401 (fixture)
from tests.browser_support import phone_charts_settled

pytestmark = pytest.mark.browser

# English the demo's data used to put on French pages: target sets, themes, commitment titles.
ENGLISH_DEMO_TEXTS = ("Climate City Contract", "Covenant of Mayors", "Renovation of homes",
                      "Knowledge and innovation", "Low-temperature heat network", "Territorial emissions",
                      "Show as a table", "homes deeply renovated", "connections")

# Words of a table heading the browser split over two lines ("Derniè|re"): a word whose text
# covers more than one line box.
SPLIT_WORDS = """(selector) => {
  const split = [];
  for (const cell of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
        if (tops.size > 1) { split.push(match[0]); }
      }
    }
  }
  return split;
}"""
# Every chart as the phone shows it: its value-axis title (turned on its side when set) and the
# height of legend entries Plotly could not show (scrolled away or cut off).
CHARTS = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(plot => {
  const groups = plot.querySelector('g.legend .groups'), frame = plot.querySelector('g.legend rect.bg');
  const section = plot.closest('section');
  return {
    chart: section ? section.getAttribute('aria-labelledby') : '',
    height: plot.layout.height || null, fit: plot.getAttribute('data-phone-fit'),
    sideways: (plot.layout.yaxis && plot.layout.yaxis.title && plot.layout.yaxis.title.text) || '',
    across: (plot.layout.annotations || []).map(a => a.text),
    hidden: groups && frame ? groups.getBBox().height - frame.getBBox().height : 0,
  };
})"""


@pytest.fixture(scope="module")
def demo_url(demo_template, tmp_path_factory) -> Iterator[str]:  # noqa: F811 (fixture)
    """The dashboard on a copy of the demo (these tests only read)."""
    path = tmp_path_factory.mktemp("phone-demo") / "demo.db"
    shutil.copy(demo_template, path)
    yield from _serve(f"sqlite:///{path}")


@pytest.fixture
def phone(browser) -> Iterator[Page]:
    """A page 375 px wide whose browser prefers French; fails the test on console errors."""
    yield from _page(browser, 375, "fr-BE")


def fits_the_screen(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def charts_settled(page: Page) -> list[dict]:
    """The charts once the phone adjustments have run (they wait for the page to stop changing)."""
    phone_charts_settled(page)
    return page.evaluate(CHARTS)


def log_in(page: Page, url: str, name: str, next_path: str) -> None:
    page.goto(f"{url}/login?lang=fr&next={next_path}")
    page.get_by_label("Nom d'utilisateur").fill(name)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")


def test_the_french_overview_on_a_phone_is_french_fits_and_reads_across(demo_url, phone):
    open_page(phone, f"{demo_url}/?lang=fr")
    expect(phone.get_by_role("button", name="Contrat de ville climatique 2030 (2030)")).to_be_visible()
    charts = charts_settled(phone)
    text = phone.locator("body").inner_text()
    assert [english for english in ENGLISH_DEMO_TEXTS if english in text] == []
    legend = " ".join(phone.locator(".legendtext").all_text_contents())
    assert "Rénovation des logements" in legend and "Renovation of homes" not in legend
    assert fits_the_screen(phone)
    # Each chart with a value axis: its title across, above the plot; no legend entry hidden.
    with_title = [c for c in charts if c["across"]]
    assert len(with_title) == 3  # trajectory, scenario, sectors (the bars have a title below)
    assert all(c["sideways"] == "" for c in charts)
    assert any("kt CO₂e par an" in a for c in with_title for a in c["across"])
    assert [c for c in charts if c["hidden"] > 1] == []


def test_a_sectors_indicator_chart_names_its_indicator_and_unit_in_french(demo_url, phone):
    open_page(phone, f"{demo_url}/sectors?lang=fr&sector=buildings")
    heading = "Raccordements au réseau de chaleur (cumulés) (raccordements)"
    expect(phone.get_by_role("heading", name=heading)).to_be_visible()
    charts_settled(phone)
    assert "raccordements" in phone.evaluate(
        "Array.from(document.querySelectorAll('.js-plotly-plot')).flatMap(p => "
        "(p.layout.annotations || []).map(a => a.text)).join(' ')")
    assert fits_the_screen(phone)


@pytest.mark.parametrize("path", ["/compare", "/methodology"])
def test_table_headings_break_between_words_on_a_phone(demo_url, phone, path):
    open_page(phone, f"{demo_url}{path}?lang=fr")
    phone.wait_for_selector(".data-table th[scope='col']")
    assert phone.evaluate(SPLIT_WORDS, ".data-table th[scope='col']") == []
    assert fits_the_screen(phone)


def test_a_partners_commitments_are_in_french(demo_url, phone):
    open_page(phone, f"{demo_url}/partners?lang=fr")
    phone.locator("summary", has=phone.locator("#partner-1")).click()  # Dijle University
    expect(phone.get_by_role("heading", name="Réseau de chaleur basse température sur le campus central")
           ).to_be_visible()


def test_the_import_history_does_not_scroll_sideways_on_a_phone(demo_url, phone):
    log_in(phone, demo_url, "ann", "/imports?lang=fr")
    expect(phone.locator("#imports-table")).to_be_attached()
    assert fits_the_screen(phone)


def test_the_coordinators_scenarios_and_report_stay_french_on_a_phone(demo_url, phone):
    log_in(phone, demo_url, "cor", "/coordinate/scenarios?lang=fr")
    expect(phone.get_by_role("heading", name="Scénario : tel que rapporté")).to_be_visible(timeout=30_000)
    expect(phone.get_by_role("button", name="Rénovation des logements")).to_be_visible()
    expect(phone.locator("main")).not_to_contain_text("Show as a table")
    phone.goto(f"{demo_url}/coordinate/report?lang=fr")
    expect(phone.locator("h1")).to_have_text("Rapport d'avancement\u00a0: Leuven 2030 (démo)")
    expect(phone.locator(".meta")).to_contain_text("Contrat de ville climatique 2030")
    assert fits_the_screen(phone)
