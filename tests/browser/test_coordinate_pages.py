"""Coordinators in headless Chromium: edit a commitment and see the log and the gap change, get
words for an invalid target, remove a milestone and a target set (after a question) and rename
one, read the progress view and print the report; axe finds nothing.

Numbers from tests/coordinate_support.py: the gap's "still missing" step is 68.0 kt, and 98.0 kt
once "Collective renovation" (30 kt, planned) is achieved (its 30 kt move to "already achieved").
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from pipelines.db import make_engine
from pipelines.schema import Programme
from pipelines.targets import add_target_set, list_target_sets, set_milestone
from tests.auth_support import PASSWORD
from tests.browser.conftest import LiveServer, axe_violations
from tests.browser_support import wait_until
from tests.coordinate_support import SCRIPT_PARTNER, database_rows, seed_coordination
from tests.pdf_pages import pdf_pages

pytestmark = pytest.mark.browser


@pytest.fixture
def live(tmp_path, sqlite_template) -> Iterator[LiveServer]:
    """The dashboard on a fresh copy of the coordination seed (each test edits it)."""
    path = tmp_path / "coordination.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    seed_coordination(engine)
    engine.dispose()
    server = LiveServer(url)
    yield server
    server.stop()


def log_in_as_coordinator(page: Page, live: LiveServer, next_path: str) -> None:
    page.goto(f"{live.url}/login?lang=en&next={next_path}")
    page.get_by_label("User name").fill("cor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(re.escape(next_path.split("?")[0])))
    page.wait_for_selector("main h1")


def missing_kt(page: Page) -> float:
    """The length of the gap chart's 'still missing' bar, as the browser's Plotly draws it."""
    return page.evaluate(
        """() => {
            const id = JSON.stringify({chart: 'gap', role: 'graph'});
            const plot = document.getElementById(id).querySelector('.js-plotly-plot');
            const trace = plot.data[0];
            return trace.x[trace.y.indexOf('Still missing')];
        }"""
    )


def test_coordinator_edits_a_commitment_and_sees_the_log_and_the_gap_change(live, page: Page):
    log_in_as_coordinator(page, live, "/coordinate/commitments?lang=en")
    page.wait_for_selector(".js-plotly-plot")
    assert missing_kt(page) == 68.0
    expect(page.get_by_text("No changes yet.")).to_be_visible()

    page.get_by_role("button", name="Edit Collective renovation (Buurtgroep Wijgmaal)").click()
    expect(page.get_by_role("heading", name="Editing: Collective renovation (Buurtgroep Wijgmaal)")).to_be_visible()
    page.locator("#coord-commitments-form").get_by_role("button", name="Achieved").click()
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("status").filter(has_text="saved")).to_contain_text("Status: Planned → Achieved")
    log = page.locator("table.audit-table")
    expect(log).to_contain_text("cor")
    expect(log.locator("tr", has_text="Status")).to_contain_text("Planned")
    expect(log.locator("tr", has_text="Status")).to_contain_text("Achieved")
    wait_until(page, "() => document.querySelector('.js-plotly-plot').data[0].x[5] === 98.0")
    assert missing_kt(page) == 98.0
    assert axe_violations(page) == []

    page.goto(f"{live.url}/?lang=en")  # the public overview shows the new gap too
    page.wait_for_selector(".js-plotly-plot")
    page.wait_for_load_state("networkidle")
    assert missing_kt(page) == 98.0


def test_invalid_target_value_is_explained_and_nothing_is_saved(live, page: Page):
    log_in_as_coordinator(page, live, "/coordinate/targets?lang=en")
    value = page.locator("#coord-targets-target-value")
    expect(value).to_have_value("0")
    before = database_rows(live.engine)

    value.fill("150")
    page.get_by_role("button", name="Save target").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Nothing saved: 1 problem.")
    expect(alert).to_contain_text("Value: ‘150’ — expected a percentage from 0 to 100")
    value.fill("ten")
    page.get_by_role("button", name="Save target").click()
    expect(alert).to_contain_text("Value: ‘ten’ — expected a number (e.g. 55 or 55.5)")
    assert database_rows(live.engine) == before
    assert axe_violations(page) == []

    value.fill("10")
    page.get_by_role("button", name="Save target").click()
    expect(page.get_by_role("status").filter(has_text="saved")).to_have_text("Target of ‘Climate neutrality’ saved.")
    expect(page.locator("#coord-targets-table")).to_contain_text("10 % of the baseline left")
    expect(page.locator("#coord-targets-log")).to_contain_text("Target (whole programme)")


def test_partner_names_show_as_text_and_a_bad_website_is_refused(live, page: Page):
    log_in_as_coordinator(page, live, "/coordinate/partners?lang=en")
    expect(page.get_by_role("rowheader", name=SCRIPT_PARTNER)).to_have_text(SCRIPT_PARTNER)
    page.get_by_role("button", name=f"Edit {SCRIPT_PARTNER}").click()
    page.get_by_label("Website").fill("bakkerij dot be")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("alert")).to_contain_text("Website: ‘bakkerij dot be’ — expected a web address")
    assert axe_violations(page) == []  # the page's own dialog handler fails the test on any alert()


def test_progress_view_and_printable_report(live, page: Page):
    log_in_as_coordinator(page, live, "/coordinate/progress?lang=en")
    expect(page.get_by_role("heading", name="For coordinators only")).to_be_visible()
    expect(page.locator("#overdue-heading")).to_have_text("Commitments past their target year")
    expect(page.get_by_role("region", name="Table: Commitments past their target year")).to_contain_text("Green fleet")
    page.wait_for_load_state("networkidle")
    assert axe_violations(page) == []

    page.get_by_role("link", name="Printable progress report").click()
    page.wait_for_url(re.compile(r"/coordinate/report\?"))
    expect(page.locator("h1")).to_have_text("Progress report: Leuven 2030")
    expect(page.locator(".facts")).to_contain_text("108 kt CO₂e")
    expect(page.locator("#report-gap")).to_contain_text("68.0")
    expect(page.locator("#report-partner-progress")).to_contain_text(SCRIPT_PARTNER)
    assert axe_violations(page) == []
    page.emulate_media(media="print")
    expect(page.locator(".screen-only")).to_be_hidden()
    # What "Save as PDF" gives: the sections flow on (no page per section); the last page alone
    # may be short. The demo's report is measured in test_report_print.py.
    glyphs = [p.glyphs for p in pdf_pages(page.pdf(format="A4"))]
    assert 1 <= len(glyphs) <= 4, glyphs
    assert all(g >= max(glyphs) / 3 for g in glyphs[:-1]), glyphs


def test_residents_are_sent_to_the_login_page(live, page: Page):
    page.goto(f"{live.url}/coordinate/commitments?lang=en")
    page.wait_for_url(re.compile(r"/login\?next="))
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_coordinator_removes_a_milestone_renames_and_removes_a_set_after_confirming(live, page: Page):
    with live.engine.connect() as conn:
        programme_id = conn.scalar(select(Programme.id))
    add_target_set(live.engine, programme_id, "Covenant of Mayors", 2010, 2030, "reduction_pct", 55)
    set_milestone(live.engine, programme_id, "Covenant of Mayors", 2025, "reduction_pct", 40)
    log_in_as_coordinator(page, live, "/coordinate/targets?lang=en")
    page.get_by_role("button", name="Covenant of Mayors").click()
    milestones = page.locator("ul.milestones")
    expect(milestones).to_contain_text("2025 (whole programme): 40 % below the baseline")

    # A removal only asks; "No" has the focus and keeps everything.
    page.get_by_role("button", name="Remove milestone 2025 (whole programme)").click()
    question = page.get_by_role("region", name="Really remove?")
    expect(question).to_contain_text("Remove the 2025 milestone (whole programme) of ‘Covenant of Mayors’: "
                                     "40 % below the baseline?")
    expect(page.get_by_role("button", name="No, keep it")).to_be_focused()
    assert axe_violations(page) == []
    page.keyboard.press("Enter")
    expect(question).to_have_count(0)
    expect(milestones).to_contain_text("2025 (whole programme)")

    page.get_by_role("button", name="Remove milestone 2025 (whole programme)").click()
    page.get_by_role("button", name="Yes, remove").click()
    expect(page.get_by_role("status").filter(has_text="removed")).to_have_text(
        "Milestone 2025 (whole programme) of ‘Covenant of Mayors’ removed; it was: 40 % below the baseline.")
    expect(page.get_by_text("No milestones yet.")).to_be_visible()

    page.get_by_label("New name").fill("Covenant 2030")
    page.get_by_role("button", name="Rename", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="called")).to_have_text(
        "‘Covenant of Mayors’ is now called ‘Covenant 2030’.")
    expect(page.get_by_role("rowheader", name="Covenant 2030")).to_be_visible()

    page.get_by_role("button", name="Remove ‘Covenant 2030’…").click()
    expect(question).to_contain_text("Remove the target set ‘Covenant 2030’ with its 1 target(s) and 0 "
                                     "milestone(s)? This cannot be undone.")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Yes, remove").click()
    expect(page.get_by_role("status").filter(has_text="removed")).to_have_text("Target set ‘Covenant 2030’ removed.")
    expect(page.get_by_role("rowheader", name="Covenant 2030")).to_have_count(0)
    expect(page.locator("#coord-targets-log tr", has_text="Removed")).to_contain_text("Covenant 2030")
    assert [s.name for s in list_target_sets(live.engine, programme_id)] == ["Climate neutrality"]
    assert axe_violations(page) == []
