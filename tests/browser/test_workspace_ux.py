"""The pages as people use them (issue 14), in headless Chromium: logging in lands on the
workspace with the user's name; Edit leaves the focus in a visible form; no table is wider than
its box at 1280 px, and on a phone a wide one says it scrolls and keeps its first column; the
Dutch partners page holds no English written by the project; axe finds nothing.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from dashboard.locales.labels import LABELS
from pipelines.db import make_engine
from pipelines.users import add_user
from tests.auth_support import PASSWORD
from tests.browser.conftest import LiveServer, axe_violations, open_all_tables, open_page
from tests.browser_support import wait_until
from tests.coordinate_support import seed_coordination

pytestmark = pytest.mark.browser

PUBLIC_PAGES = ("/", "/sectors", "/partners", "/indicators", "/methodology")
COORDINATOR_PAGES = ("/coordinate/progress", "/coordinate/commitments", "/coordinate/partners",
                     "/coordinate/targets", "/imports", "/upload")

# Every table in its box: [what, the table's width, the box's width] of each that does not fit.
TOO_WIDE = """() => Array.from(document.querySelectorAll('table')).filter(t => t.offsetParent !== null)
    .map(t => [t.querySelector('caption') ? t.querySelector('caption').textContent : t.className,
               t.scrollWidth, t.parentElement.clientWidth])
    .filter(([, table, box]) => table > box)"""


@pytest.fixture
def live(tmp_path, sqlite_template) -> Iterator[LiveServer]:
    """The coordination seed (an analyst, a coordinator) plus an admin, on a fresh copy."""
    path = tmp_path / "workspace.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    seed_coordination(engine)
    add_user(engine, "adm", "admin", PASSWORD)
    engine.dispose()
    server = LiveServer(url)
    yield server
    server.stop()


def log_in(page: Page, live: LiveServer, name: str) -> None:
    """Through the login form, without asking for a page: where the user lands is the point."""
    page.goto(f"{live.url}/login?lang=en")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_selector("main h1")


@pytest.mark.parametrize(("name", "home", "heading"), [
    ("cor", "/coordinate/progress", "coordinator"),
    ("ann", "/upload", "analyst"),
    ("adm", "/admin/users", "admin"),
])
def test_logging_in_lands_on_the_users_workspace_home_with_their_name(live, page: Page, name, home, heading):
    log_in(page, live, name)
    assert re.search(re.escape(home) + r"\?lang=en$", page.url), page.url
    expect(page.get_by_role("banner")).to_contain_text(f"Logged in as {name} ({heading})")
    expect(page.get_by_role("navigation", name="Workspace")).to_be_visible()


def test_a_coordinator_sees_the_workspace_and_a_way_back_from_the_public_pages(live, page: Page):
    log_in(page, live, "cor")
    menu = page.get_by_role("navigation", name="Workspace")
    for link in ("Progress (coordinators)", "Edit commitments", "Edit partners", "Targets", "Log out"):
        expect(menu.get_by_role("link", name=link)).to_be_visible()
    assert axe_violations(page) == []

    open_page(page, f"{live.url}/partners?lang=nl")
    expect(page.get_by_role("banner")).to_contain_text("Aangemeld als cor (coördinator)")
    page.get_by_role("link", name="Naar je werkruimte").click()
    page.wait_for_url(re.compile(r"/coordinate/progress\?lang=nl$"))
    page.wait_for_selector("main h1")
    assert axe_violations(page) == []


def test_a_visitor_who_is_not_logged_in_is_named_nowhere(live, page: Page):
    open_page(page, f"{live.url}/?lang=en")
    expect(page.get_by_role("banner")).not_to_contain_text("Logged in")
    expect(page.get_by_role("link", name="Go to your workspace")).to_have_count(0)


@pytest.mark.parametrize(("path", "button"), [
    ("/coordinate/commitments", "Edit Collective renovation (Buurtgroep Wijgmaal)"),
    ("/coordinate/partners", "Edit Buurtgroep Wijgmaal"),
])
def test_edit_leaves_the_focus_in_a_visible_form(live, page: Page, path, button):
    log_in(page, live, "cor")
    open_page(page, f"{live.url}{path}?lang=en")
    page.get_by_role("button", name=button).click()
    form = page.locator("#" + ("coord-commitments" if "commitments" in path else "coord-partners") + "-form")
    expect(form.get_by_role("heading", level=3)).to_contain_text("Editing:")
    expect(form.get_by_role("heading", level=3)).to_be_in_viewport()
    wait_until(page, "(id) => document.getElementById(id).contains(document.activeElement)",
                           arg=form.get_attribute("id"))
    focused = page.evaluate("document.activeElement.getBoundingClientRect().bottom")
    assert 0 < focused <= 900  # the focused field is on screen, not only in the form
    assert axe_violations(page) == []


def test_no_public_table_is_wider_than_its_box_at_1280(seeded_url, page: Page):
    for path in PUBLIC_PAGES:
        open_page(page, f"{seeded_url}{path}?lang=en")
        open_all_tables(page)
        assert page.evaluate("document.querySelectorAll('table').length") > 0 or path == "/indicators", path
        assert page.evaluate(TOO_WIDE) == [], path


def test_no_workspace_table_is_wider_than_its_box_at_1280(live, page: Page):
    log_in(page, live, "cor")
    for path in COORDINATOR_PAGES:
        for lang in ("en", "nl"):
            open_page(page, f"{live.url}{path}?lang={lang}")
            page.wait_for_timeout(300)  # the tables arrive through callbacks
            open_all_tables(page)
            assert page.evaluate(TOO_WIDE) == [], f"{path}?lang={lang}"
    page.context.clear_cookies()
    log_in(page, live, "adm")
    open_page(page, f"{live.url}/admin/users?lang=nl")
    assert page.evaluate(TOO_WIDE) == []


def test_on_a_phone_a_wide_table_says_it_scrolls_and_keeps_its_first_column(live, phone_page: Page):
    page = phone_page
    log_in(page, live, "cor")
    open_page(page, f"{live.url}/coordinate/commitments?lang=nl")
    box = page.locator(".table-scroll", has=page.locator("table.edit-table"))
    expect(box).to_have_class(re.compile(r"\boverflowing\b"))
    hint = box.evaluate("b => getComputedStyle(b, '::before').content")
    assert hint == '"Schuif opzij voor de andere kolommen →"'
    first = box.locator("tbody tr").first.locator("th")
    assert first.evaluate("c => getComputedStyle(c).position") == "sticky"
    box.evaluate("b => { b.scrollLeft = 200; }")
    assert first.evaluate("c => c.getBoundingClientRect().left") == pytest.approx(
        box.evaluate("b => b.getBoundingClientRect().left"), abs=1)  # still in view at the left edge
    assert axe_violations(page) == []


def _english_labels() -> set[str]:
    """The project's English labels that differ from their Dutch, as whole texts (no placeholders)."""
    return {en for nl, en in LABELS.values() if en != nl and "{" not in en and len(en) > 3}


def test_the_dutch_partners_page_has_no_english_written_by_the_project(seeded_url, dutch_page: Page):
    page = dutch_page
    open_page(page, f"{seeded_url}/partners")
    open_all_tables(page)
    texts = page.evaluate("""() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const out = [];
        while (walker.nextNode()) {
            const el = walker.currentNode.parentElement;
            // What partners wrote is marked lang="en"; the page itself is Dutch.
            if (!el || el.closest('script, style, [hidden]') || el.closest('[lang]').lang !== 'nl') continue;
            const text = walker.currentNode.textContent.trim();
            if (text) out.push(text);
        }
        return out;
    }""")
    assert len(texts) > 100  # the page was read
    assert sorted(set(texts) & _english_labels()) == []
    words = re.compile(r"\b(the|and|commitments?|since|show|scroll|per year|more about|website of|less)\b", re.I)
    assert [text for text in texts if words.search(text)] == []
    # The partners' own texts are there, marked as English.
    assert page.locator("main [lang=en]").count() > 0
    expect(page.locator("main [lang=en]", has_text="Neighbours renovating their homes together.")).to_have_count(1)
    assert axe_violations(page) == []


def test_the_coordinators_commitment_list_can_be_searched_filtered_and_sorted(live, page: Page):
    log_in(page, live, "cor")
    open_page(page, f"{live.url}/coordinate/commitments?lang=en")
    rows = page.locator("table.edit-table tbody th")
    expect(rows).to_have_text(["Campus heat pumps", "Collective renovation", "Electric delivery vans",
                               "Green fleet"])  # A-Z by commitment
    expect(page.locator("#coord-commitments-count")).to_have_text("4 of 4 shown.")

    # Largest reduction first: 30,000 (renovation), 20,000 (vans), 10,000 (heat pumps), 5,000 (fleet).
    page.get_by_role("group", name="Sort by").get_by_role("button", name="Reduction (t CO₂e/year)").click()
    expect(rows).to_have_text(["Collective renovation", "Electric delivery vans", "Campus heat pumps",
                               "Green fleet"])
    # Status in its own order (planned, in progress, achieved, delayed), not A-Z.
    page.get_by_role("group", name="Sort by").get_by_role("button", name="Status").click()
    expect(rows).to_have_text(["Collective renovation", "Electric delivery vans", "Campus heat pumps",
                               "Green fleet"])

    page.get_by_label("Search the list").fill("ku leuven")  # the partner's name, any case
    expect(rows).to_have_text(["Campus heat pumps", "Green fleet"])
    page.get_by_role("group", name="Status (none chosen: all)").get_by_role("button", name="Delayed").click()
    expect(rows).to_have_text(["Green fleet"])
    expect(page.locator("#coord-commitments-count")).to_have_text("1 of 4 shown.")
    assert axe_violations(page) == []


def test_a_sector_target_and_a_sector_milestone_are_set_in_the_browser(live, page: Page):
    log_in(page, live, "cor")
    open_page(page, f"{live.url}/coordinate/targets?lang=en")
    target_form = page.locator("#coord-targets-target-form")
    value = page.locator("#coord-targets-target-value")
    expect(value).to_have_value("0")  # the whole programme's target: net zero
    target_form.get_by_role("button", name="Transport").click()
    expect(value).to_have_value("")  # transport has no target yet: nothing to show
    target_form.get_by_role("button", name="Absolute (t CO₂e)").click()
    value.fill("12000")
    page.get_by_role("button", name="Save target").click()
    expect(page.locator("#coord-targets-target-message")).to_contain_text("Target of ‘Climate neutrality’ saved.")
    # The same function as `roadmap target set` stored it, for transport only.
    from pipelines.targets import list_target_sets
    (chosen,) = list_target_sets(live.engine, 1)
    transport = chosen.target_for("transport")
    assert (transport.kind, transport.value) == ("absolute_t", 12_000)
    assert chosen.target_for("total").value == 0

    milestone_form = page.locator("#coord-targets-milestone-form")
    transport_button = milestone_form.get_by_role("button", name="Transport")
    transport_button.click()
    # The choice is the page's once the button says so: saved before that (a slow machine), the
    # milestone went to the sector chosen before.
    expect(transport_button).to_have_attribute("aria-pressed", "true")
    page.locator("#coord-targets-milestone-year").fill("2020")  # between 2010 and 2030
    page.locator("#coord-targets-milestone-value").fill("150")  # a percentage above 100: refused
    page.get_by_role("button", name="Save milestone").click()
    expect(page.locator("#coord-targets-milestone-message").get_by_role("alert")).to_contain_text(
        "expected a percentage from 0 to 100")
    page.locator("#coord-targets-milestone-value").fill("30")
    page.get_by_role("button", name="Save milestone").click()
    expect(page.locator("#coord-targets-milestone-message")).to_contain_text(
        "Milestone of ‘Climate neutrality’ saved.")
    (chosen,) = list_target_sets(live.engine, 1)
    assert [(m.sector_code, m.year, m.value) for m in chosen.milestones if m.sector_code == "transport"] == [
        ("transport", 2020, 30)]
    assert axe_violations(page) == []


def test_the_audit_log_page_says_each_change_in_words_at_brussels_time(live, page: Page):
    from datetime import UTC, datetime

    from sqlalchemy import update

    from pipelines.audit import edit
    from pipelines.schema import AuditLog
    from pipelines.targets import set_milestone
    from tests.coordinate_support import commitment_id

    edit(live.engine, 1, "commitment", commitment_id(live.engine, "Green fleet"), {"status": "achieved"}, "cor")
    set_milestone(live.engine, 1, "Climate neutrality", 2020, "absolute_t", 78_646, user="ann")
    set_milestone(live.engine, 1, "Climate neutrality", 2020, "residual_pct", 60, user="ann")
    with live.engine.begin() as conn:  # a known moment: 1 July 2026, 10:30 UTC = 12:30 summer time
        conn.execute(update(AuditLog).values(changed_at=datetime(2026, 7, 1, 10, 30, tzinfo=UTC)))
    log_in(page, live, "cor")
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Audit log").click()
    page.wait_for_selector("#coord-log-rows")
    rows = page.locator("#coord-log-rows tbody tr")
    expect(rows.first).to_contain_text(
        "Milestone for 2020 (whole programme) changed from 78,646 t CO₂e to 60 % of the baseline left")
    expect(rows.first).to_contain_text("1 July 2026, 12:30 CEST")
    expect(page.locator("#coord-log-rows")).to_contain_text("Status changed from Delayed to Achieved")

    page.get_by_label("By (user name; empty: anyone)").fill("cor")
    page.get_by_label("By (user name; empty: anyone)").press("Enter")
    expect(page.locator("#coord-log-rows")).not_to_contain_text("Milestone")
    expect(page.locator("#coord-log-rows")).to_contain_text("Status changed from Delayed to Achieved")
    page.get_by_label("By (user name; empty: anyone)").fill("")
    page.get_by_label("By (user name; empty: anyone)").press("Enter")
    page.get_by_role("group", name="What").get_by_role("button", name="targets").click()
    expect(page.locator("#coord-log-rows")).not_to_contain_text("Status changed")
    since = page.get_by_label("From (date)")
    since.fill("2026-07-01")  # the day of every change, in Brussels
    since.press("Enter")
    expect(page.locator("#coord-log-count")).to_have_text("2 changes shown (at most 300).")
    since.fill("2026-07-02")  # the day after
    since.press("Enter")
    expect(page.locator("#coord-log-table")).to_contain_text("No changes for this choice.")
    assert axe_violations(page) == []
