"""The mapping step in headless Chromium: an export no profile knows is described column by column,
saved as a profile, and the next file of that export goes straight to the preview."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from pipelines.programmes import create_programme
from pipelines.schema import ImportProfile
from pipelines.users import add_user
from tests.auth_support import PASSWORD
from tests.browser.conftest import LiveServer, _database, axe_violations
from tests.browser.test_upload_pages import choose_file, log_in
from tests.conftest import DATA, LEUVEN

pytestmark = pytest.mark.browser
# The import runs as a background job, polled every 0.5 s: its result may take longer than
# expect()'s 5 s on a busy machine (the demo's rebuild alone takes 2-4 s there).
IMPORT_WAIT_MS = 30_000

FIRST = DATA / "mapping_export_2023.csv"  # 'Onderwerp' holds the sectors, 'Hoeveelheid' the values
SECOND = DATA / "mapping_export_2024.csv"  # the next file of the same export


@pytest.fixture
def live(tmp_path_factory, sqlite_template) -> Iterator[LiveServer]:
    """A programme without data and an analyst (ann), on a database of its own (profiles are saved)."""
    def fill(engine):
        create_programme(engine, LEUVEN)
        add_user(engine, "ann", "analyst", PASSWORD)

    server = LiveServer(_database(tmp_path_factory, sqlite_template, "mapping", fill))
    yield server
    server.stop()


def _describe_the_export(page: Page) -> None:
    """What an analyst does in the step, with the keyboard, looking at the preview after each
    choice (as a person does; Dash can drop a trigger that lands while the preview is computed)."""
    problems = page.locator("#upload-step-problems tr")
    page.get_by_label("Markers of suppressed or missing values").fill("n.b.")
    page.get_by_label("Markers of suppressed or missing values").press("Enter")
    expect(problems.filter(has_text="n.b.")).to_have_count(0)
    column = page.get_by_role("group", name="Column 'Onderwerp'")
    column.get_by_role("button", name="Sector or indicator").press("Enter")
    expect(column.get_by_role("button", name="Sector or indicator")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_label("'Woningen' is")).to_have_value("residential")  # guessed
    expect(problems.filter(has_text="Kantoren en winkels")).not_to_have_count(0)  # not guessed
    page.get_by_label("'Kantoren en winkels' is").fill("tertiary")
    page.get_by_label("'Kantoren en winkels' is").press("Enter")
    expect(problems.filter(has_text="Kantoren en winkels")).to_have_count(0)
    page.get_by_label("Unit of the values").fill("t CO2e")
    page.get_by_label("Unit of the values").press("Enter")


def test_an_unknown_export_goes_through_the_mapping_step_and_the_next_file_straight_to_the_preview(live, page):
    log_in(page, live.url, "ann", "/upload?lang=en")
    choose_file(page, FIRST)
    expect(page.get_by_role("heading", name="Describe this file's columns")).to_be_visible()
    expect(page.locator("#upload-mapping-step")).to_contain_text("Sample values: Woningen, Kantoren en winkels")
    expect(page.get_by_role("button", name="Confirm: import this file")).to_be_disabled()
    # With the guesses alone, what is left: no sectors column yet, and 'n.b.' is not a number,
    # each problem under the export's own column name.
    expect(page.locator("#upload-step-problems tr", has_text="n.b.")).to_contain_text("Hoeveelheid")
    _describe_the_export(page)
    preview = page.locator("#upload-step-preview")
    expect(preview).to_contain_text("With these choices the file loads.")
    # 2022: residential 100, tertiary 50; 2023: residential 90 and tertiary n.b. (missing, C): 4 new
    expect(page.locator("#upload-diff-counts")).to_contain_text("4 new")
    expect(page.locator("#upload-incomplete-years")).to_have_text("2023 would become incomplete: tertiary buildings missing")
    expect(preview).to_contain_text("2030 Woningen")  # the planned row, left out
    assert axe_violations(page) == []
    if os.environ.get("ROADMAP_SCREENSHOTS"):
        page.locator("#upload-mapping-step").screenshot(path=f"{os.environ['ROADMAP_SCREENSHOTS']}/mapping-step-chosen-en-1280.png")

    page.get_by_label("Profile name").fill("gemeente-export")
    page.get_by_role("button", name="Save as profile").click()
    expect(page.locator("#upload-profile-saved")).to_contain_text("Profile 'gemeente-export' saved.")
    with live.engine.connect() as conn:
        assert conn.scalar(select(ImportProfile.created_by).where(ImportProfile.name == "gemeente-export")) == "ann"
    # Checked again with the saved profile: the preview, and the import can be confirmed.
    expect(page.locator("#upload-detected")).to_contain_text("gemeente-export")
    page.get_by_role("button", name="Confirm: import this file").click()
    expect(page.locator("#upload-imported")).to_contain_text("4 new, 0 replaced, 0 unchanged.", timeout=IMPORT_WAIT_MS)

    choose_file(page, SECOND)
    expect(page.locator("#upload-detected")).to_contain_text("gemeente-export")
    expect(page.locator("#upload-mapping-step")).to_have_count(0)
    # 2023 tertiary 44 replaces the missing n.b.; 2024 residential 85 and tertiary 42 are new
    expect(page.locator("#upload-diff-counts")).to_contain_text("2 new")
    expect(page.locator("#upload-diff-counts")).to_contain_text("1 replaced")
    expect(page.get_by_role("button", name="Confirm: import this file")).to_be_enabled()
    assert axe_violations(page) == []


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("width", [1280, 375])
def test_the_mapping_step_reads_well_at_every_width_in_both_languages(live, browser, lang, width, tmp_path):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(page, live.url, "ann", f"/upload?lang={lang}")
    choose_file(page, FIRST)
    heading = {"en": "Describe this file's columns", "nl": "Beschrijf de kolommen van dit bestand"}[lang]
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.locator("#upload-step-preview")).not_to_be_empty()
    page.wait_for_load_state("networkidle")
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    folder = Path(os.environ.get("ROADMAP_SCREENSHOTS") or tmp_path)
    page.locator("#upload-mapping-step").screenshot(path=str(folder / f"mapping-step-{lang}-{width}.png"))
    context.close()
    assert errors == []
