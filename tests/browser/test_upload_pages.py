"""The upload and import-history pages in headless Chromium, on the demo database.

The demo's 2024 emissions (data/demo/emissions_inventory.csv): residential 133,959 t; the total
395,915.8 t, which the overview shows as "396 kt CO₂e". The good upload corrects residential
2024 to 123,959 t (−10,000 t), so the total becomes 385,915.8 t: "386 kt CO₂e".
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from pipelines.db import make_engine
from pipelines.demo import build_demo
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import ImportBatch, ImportJob
from pipelines.users import add_user
from tests.auth_support import PASSWORD
from tests.browser.conftest import LiveServer, axe_violations, open_page
from tests.conftest import DATA
from tests.realdata_support import REALDATA, needs_realdata
from tests.upload_support import row_counts

pytestmark = pytest.mark.browser
# The import runs as a background job, polled every 0.5 s: its result may take longer than
# expect()'s 5 s on a busy machine (the demo's rebuild alone takes 2-4 s there).
IMPORT_WAIT_MS = 30_000

GOOD = DATA / "upload_browser_good.csv"
BAD = DATA / "upload_bad.csv"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory, sqlite_template) -> Path:
    """The demo database with an analyst (ann), another analyst (bea) and a coordinator (cor)."""
    path = tmp_path_factory.mktemp("upload-demo") / "demo.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    build_demo(engine)
    for name, role in (("ann", "analyst"), ("bea", "analyst"), ("cor", "coordinator")):
        add_user(engine, name, role, PASSWORD)
    engine.dispose()
    return path


@pytest.fixture
def live(demo_template, tmp_path) -> Iterator[LiveServer]:
    """A dashboard of its own on a copy of the demo: each test may import and undo."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    server = LiveServer(f"sqlite:///{path}")
    yield server
    server.stop()


def log_in(page: Page, url: str, name: str, next_path: str) -> None:
    page.goto(f"{url}/login?lang=en&next={next_path}")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")


def choose_file(page: Page, path: Path) -> None:
    page.locator("#upload-file input[type=file]").set_input_files(str(path))


def test_analyst_uploads_a_good_file_confirms_and_the_overview_shows_the_new_number(live, page):
    open_page(page, f"{live.url}/?lang=en")
    expect(page.locator(".headline-text")).to_contain_text("In 2024, Leuven emitted 396 kt CO₂e.")
    log_in(page, live.url, "ann", "/upload?lang=en")
    expect(page.locator("h1")).to_have_text("Upload a file")
    # With the keyboard: the visible button opens the file chooser.
    page.wait_for_selector("#upload-file input[type=file][tabindex='-1']", state="attached")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Choose a file").press("Enter")
    chooser.value.set_files(str(GOOD))

    detected = page.locator("#upload-detected")
    expect(detected).to_contain_text("semicolon (;)")
    expect(detected).to_contain_text("Comma (1.234,5)")
    expect(detected).to_contain_text("long (one value per row)")
    expect(page.locator("#upload-first-rows")).to_contain_text("123.959,0")  # as in the file
    expect(page.locator("#upload-diff-counts")).to_have_text("1 new1 replaced (the old value stays in the history)1 unchanged")
    # Named as the page's language names it, not by its code (emissions.residential).
    residential = page.locator("#upload-diff tr", has_text="Emissions, residential buildings")
    expect(residential).to_contain_text("replaced")
    expect(residential).to_contain_text("133,959")  # old
    expect(residential).to_contain_text("123,959")  # new
    assert axe_violations(page) == []

    before = row_counts(live.engine)
    page.get_by_role("button", name="Confirm: import this file").click()
    expect(page.locator("#upload-imported")).to_contain_text("1 new, 1 replaced, 1 unchanged.", timeout=IMPORT_WAIT_MS)
    expect(page.get_by_role("button", name="Confirm: import this file")).to_be_disabled()
    after = row_counts(live.engine)
    assert after["observation"] == before["observation"] + 2  # the new value and the correction
    assert after["batches_completed"] == before["batches_completed"] + 1
    with live.engine.connect() as conn:
        assert conn.scalar(select(ImportBatch.created_by).order_by(ImportBatch.id.desc())) == "ann"

    page.get_by_role("link", name="See the overview").click()
    page.wait_for_selector(".headline-text")
    expect(page.locator(".headline-text")).to_contain_text("In 2024, Leuven emitted 386 kt CO₂e.")


def test_the_import_runs_as_a_job_its_bar_and_result_where_the_analyst_looks(live, page):
    log_in(page, live.url, "ann", "/upload?lang=en")
    choose_file(page, GOOD)
    expect(page.locator("#upload-diff-counts")).to_contain_text("1 new")
    page.get_by_role("button", name="Confirm: import this file").click()
    # The result in the live region under the button; the bar above it, full, named by its label.
    expect(page.locator("#upload-outcome #upload-imported")).to_contain_text("1 new, 1 replaced, 1 unchanged.", timeout=IMPORT_WAIT_MS)
    bar = page.get_by_label("Import progress")
    expect(bar).to_have_attribute("value", "3")
    expect(bar).to_have_attribute("max", "3")
    expect(page.locator("#upload-job-rows")).to_have_text("3 of 3 rows")
    assert page.locator("#upload-outcome").get_attribute("aria-live") == "polite"
    assert axe_violations(page) == []
    with live.engine.connect() as conn:  # the job's row: who started it, what it did
        job = conn.execute(select(ImportJob.status, ImportJob.started_by, ImportJob.rows_done,
                                  ImportJob.result)).one()
    assert (job.status, job.started_by, job.rows_done, job.result["superseded"]) == ("done", "ann", 3, 1)


def test_a_bad_file_shows_every_error_with_row_and_column_and_writes_nothing(live, page):
    log_in(page, live.url, "ann", "/upload?lang=en")
    before = row_counts(live.engine)
    choose_file(page, BAD)
    problems = page.locator("#upload-problems")
    expect(page.locator("#upload-problems-heading")).to_have_text("4 problems in the file")
    for row, column, value in (("3", "sector", "Kantoren"), ("4", "year", "twintig"),
                               ("5", "value", "veel"), ("6", "unit", "zakken")):
        cells = problems.locator("tr", has=page.locator(f"th:text-is('{row}')")).locator("th, td")
        expect(cells.nth(1)).to_have_text(column)
        expect(cells.nth(2)).to_have_text(value)
    expect(page.get_by_text("'Kantoren' means:")).to_be_visible()  # the mapping help
    expect(page.get_by_role("button", name="Confirm: import this file")).to_be_disabled()
    assert axe_violations(page) == []
    assert row_counts(live.engine) == before


def test_a_dutch_analyst_reads_every_problem_in_dutch(live, page):
    log_in(page, live.url, "ann", "/upload?lang=nl")
    choose_file(page, BAD)
    problems = page.locator("#upload-problems")
    expect(page.locator("#upload-problems-heading")).to_have_text("4 problemen in het bestand")
    for row, expected in (("3", "een gekende indicatorcode, indicatornaam of sector"),
                          ("4", "een jaar (2019, 2019.0, of de reeks 2019-01-01 - 2019-12-31) of een maand"),
                          ("5", "een getal met ',' als decimaalteken (bv. 1.234,5) of een teken voor een ontbrekende"),
                          ("6", "een eenheid die de lader kent voor 't CO2e'")):
        cells = problems.locator("tr", has=page.locator(f"th:text-is('{row}')")).locator("th, td")
        expect(cells.nth(3)).to_contain_text(expected)
    expect(problems).not_to_contain_text("expected")
    expect(problems).not_to_contain_text("a number")
    assert axe_violations(page) == []


def test_unknown_labels_are_mapped_on_the_page_until_the_file_checks_clean(live, page):
    log_in(page, live.url, "ann", "/upload?lang=en")
    choose_file(page, DATA / "upload_unknown_labels.csv")
    page.get_by_label("'Gezinnen' means:").fill("residential")
    page.get_by_role("button", name="Apply and check again").click()
    # Once the label is known its unit is checked: "duizend ton" is the next unknown.
    page.get_by_label("'duizend ton' means:").fill("kt CO2e")
    page.get_by_role("button", name="Apply and check again").click()
    expect(page.locator("#upload-valid")).to_have_text("No problems found.")
    expect(page.locator("#upload-mapping-used")).to_contain_text("Gezinnen → residential (sector)")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a mapping file").click()
    mapping = Path(download.value.path()).read_text(encoding="utf-8")
    assert mapping == "source_label,kind,target\nGezinnen,sector,residential\nduizend ton,unit,kt CO2e\n"
    # 161,920 thousand tonnes = 161,920 t, replacing the demo's 161,920 t: unchanged.
    expect(page.locator("#upload-diff-counts")).to_contain_text("1 unchanged")
    expect(page.get_by_role("button", name="Confirm: import this file")).to_be_enabled()


def test_a_file_over_the_limit_is_refused_in_the_browser(live, page, tmp_path):
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (51 * 1024 * 1024))  # over the default 50 MB
    requests = []
    page.on("request", lambda r: "_dash-update-component" in r.url and requests.append(r.post_data or ""))
    log_in(page, live.url, "ann", "/upload?lang=en")
    choose_file(page, big)
    expect(page.locator("#upload-size-message")).to_have_text(
        "big.csv is larger than 50 MB and was not read. Split the file, or ask the administrator to raise the limit.")
    assert not any("upload-file" in body for body in requests)  # the file never left the browser


@needs_realdata
def test_klimaatmonitors_legacy_xls_export_can_be_chosen_and_is_read(live, page):
    """The readers take the old binary .xls Klimaatmonitor still exports; the drop zone's accept
    list left it out, so choosing it did nothing at all."""
    log_in(page, live.url, "ann", "/upload?lang=fr")
    page.wait_for_selector("#upload-file input[type=file][tabindex='-1']", state="attached")
    assert ".xls" in page.locator("#upload-file input[type=file]").get_attribute("accept").split(",")
    choose_file(page, REALDATA / "klimaatmonitor" / "Klimaatmonitor - Emmen.xls")
    expect(page.locator("#upload-detected")).to_contain_text("klimaatmonitor-themas")
    expect(page.locator("#upload-detected")).to_contain_text("XLS")
    expect(page.locator("#upload-size-message")).to_have_text("")
    # Its label column has no header: named by its place in French, not the reader's "column 1".
    expect(page.locator("#upload-first-rows th[scope=col]").nth(1)).to_have_text("colonne 1 (sans nom)")


def test_a_file_the_drop_zone_refuses_is_said_so_not_ignored(live, page, tmp_path):
    """A type the drop zone does not take used to be dropped without a word: nothing happened."""
    requests = []
    page.on("request", lambda r: "_dash-update-component" in r.url and requests.append(r.post_data or ""))
    log_in(page, live.url, "ann", "/upload?lang=fr")
    page.wait_for_selector("#upload-file input[type=file][tabindex='-1']", state="attached")
    pdf = tmp_path / "rapport 2024.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    choose_file(page, pdf)
    message = page.locator("#upload-size-message")
    expect(message).to_have_text("rapport 2024.pdf n'est pas un fichier CSV ou Excel et n'a pas été lu. Choisissez "
                                 "un fichier se terminant par .csv, .tsv, .txt, .xlsx, .xlsm, .xls.")
    expect(message).to_have_attribute("role", "alert")
    assert not any("upload-file" in body for body in requests)  # nothing was sent
    # A file it takes clears the refusal.
    choose_file(page, GOOD)
    expect(page.locator("#upload-diff-counts")).to_contain_text("1")
    expect(message).to_have_text("")
    assert axe_violations(page) == []


def test_analyst_views_the_rows_of_an_import_and_undoes_it(live, page):
    load_file(live.engine, 1, "indicators", GOOD, options=LoadOptions(user="ann"))
    batch = 5  # after the demo's four imports
    log_in(page, live.url, "ann", "/imports?lang=en")
    expect(page.locator("h1")).to_have_text("Import history")
    table = page.locator("#imports-table")
    expect(table).to_contain_text("upload_browser_good.csv")
    assert axe_violations(page) == []
    # ann may undo her import, not the demo's (imported by "demo")
    expect(page.get_by_role("button", name="Undo of batch")).to_have_count(1)

    page.get_by_role("button", name=f"Rows of batch {batch}").click()
    expect(page.locator("#imports-rows")).to_contain_text("emissions.residential")
    expect(page.locator("#imports-rows")).to_contain_text("123.959,0 ton CO2e")  # as in the file

    page.get_by_role("button", name=f"Undo of batch {batch}").click()
    expect(page.locator("#imports-undo-question")).to_contain_text(f"Undo batch {batch} (upload_browser_good.csv)?")
    assert axe_violations(page) == []  # with the rows and the question shown
    page.get_by_role("button", name="Yes, undo it").click()
    expect(page.locator("#imports-undone")).to_contain_text(f"batch {batch} (indicators, upload_browser_good.csv) undone")
    expect(table.locator("tr", has_text="upload_browser_good.csv")).to_contain_text("undone by ann on")
    with live.engine.connect() as conn:
        assert conn.execute(select(ImportBatch.status, ImportBatch.undone_by)
                            .where(ImportBatch.id == batch)).one() == ("undone", "ann")


@pytest.mark.parametrize("path", ["/upload", "/imports"])
def test_a_resident_cannot_reach_the_workspace_pages(live, page, path):
    page.goto(f"{live.url}{path}?lang=en")
    page.wait_for_selector("main h1")
    assert "/login?next=" in page.url
    expect(page.locator("h1")).to_have_text("Log in")
