"""French, the third language, in headless Chromium: the public pages, the login, the upload and
the import history are French, axe-clean, and show none of a few known English labels."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.auth_support import PASSWORD
from tests.browser.conftest import _page, axe_violations, open_page
from tests.browser.test_upload_pages import BAD, choose_file, demo_template, live  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

NBSP = "\u00a0"
PUBLIC = (
    ("/", f"Sommes-nous sur la bonne voie{NBSP}?"),
    ("/sectors", "Émissions par secteur"),
    ("/partners", "Les partenaires et leurs engagements"),
    ("/indicators", "Comparer des indicateurs"),
    ("/methodology", "Méthode et données"),
)
# Labels every public page showed in English before French existed; none may be left.
ENGLISH_LEFTOVERS = ("Skip to content", "Overview", "Partners and commitments", "Methodology and data",
                     "Show as a table", "Download the data (CSV)", "Figures from the programme")


@pytest.fixture
def french_page(browser):
    """A desktop-sized page whose browser prefers French (Accept-Language: fr-BE)."""
    yield from _page(browser, 1280, "fr-BE")


def assert_french(page: Page) -> None:
    assert page.evaluate("document.documentElement.lang") == "fr"
    text = page.locator("body").inner_text()
    assert [english for english in ENGLISH_LEFTOVERS if english in text] == []
    # The way to the other languages: each named in its own language, marked for screen readers.
    for code, name in (("nl", "Nederlands"), ("en", "English")):
        link = page.locator(f".lang-switch a[hreflang='{code}']")
        expect(link).to_have_text(name)
        expect(link).to_have_attribute("lang", code)
        assert f"lang={code}" in link.get_attribute("href")
    expect(page.locator(".lang-switch a[hreflang='fr']")).to_have_count(0)


@pytest.mark.parametrize(("path", "heading"), PUBLIC)
def test_public_pages_are_french_and_axe_clean(page, seeded_url, path, heading):
    open_page(page, f"{seeded_url}{path}?lang=fr")
    expect(page.locator("main h1")).to_have_text(heading)
    expect(page.get_by_role("navigation")).to_contain_text("Partenaires et engagements")
    expect(page.locator("footer")).to_contain_text("chaque graphique a un tableau")
    assert_french(page)
    assert axe_violations(page) == []


def test_a_french_browser_gets_french_without_asking(french_page, seeded_url):
    open_page(french_page, f"{seeded_url}/")
    expect(french_page.locator("main h1")).to_have_text(f"Sommes-nous sur la bonne voie{NBSP}?")
    assert_french(french_page)


def test_the_language_link_keeps_the_pages_choices(page, seeded_url):
    open_page(page, f"{seeded_url}/?lang=fr&breakdown=share")
    page.locator(".lang-switch a[hreflang='nl']").click()
    page.wait_for_selector("main h1")
    expect(page.locator("main h1")).to_have_text("Zijn we op koers?")
    assert "breakdown=share" in page.url and "lang=nl" in page.url
    assert page.evaluate("document.documentElement.lang") == "nl"


def log_in_in_french(page: Page, url: str, next_path: str) -> None:
    page.goto(f"{url}/login?lang=fr&next={next_path}")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert axe_violations(page) == []
    page.get_by_label("Nom d'utilisateur").fill("ann")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")


def test_upload_page_and_its_problems_are_french(live, page):  # noqa: F811 (fixture)
    log_in_in_french(page, live.url, "/upload?lang=fr")
    expect(page.locator("main h1")).to_have_text("Déposer un fichier")
    choose_file(page, BAD)
    # The check runs on the server; on a loaded machine it can take longer than the usual 5 s.
    expect(page.locator("#upload-problems-heading")).to_have_text("4 problèmes dans le fichier", timeout=60_000)
    problems = page.locator("#upload-problems")
    for row, expected in (("3", "un code d'indicateur, un nom d'indicateur ou un secteur connus"),
                          ("4", "une année (2019, 2019.0, ou la plage"),
                          ("5", "un nombre avec « , » comme séparateur décimal"),
                          ("6", "une unité que le chargement connaît pour 't CO2e'")):
        cells = problems.locator("tr", has=page.locator(f"th:text-is('{row}')")).locator("th, td")
        expect(cells.nth(3)).to_contain_text(expected)
    expect(problems).not_to_contain_text("expected")
    expect(problems).not_to_contain_text("a number")
    expect(page.get_by_role("button", name=f"Confirmer{NBSP}: importer ce fichier")).to_be_disabled()
    assert_french(page)
    assert axe_violations(page) == []


def test_import_history_is_french(live, page):  # noqa: F811 (fixture)
    log_in_in_french(page, live.url, "/imports?lang=fr")
    expect(page.locator("main h1")).to_have_text("Historique des imports")
    expect(page.locator("#imports-table")).to_contain_text("Quand et par qui")
    assert_french(page)
    assert axe_violations(page) == []
