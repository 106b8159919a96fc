"""Browser-test fixtures: seeded databases, live dashboard servers, one headless Chromium.

The app runs in a thread (werkzeug, threaded) on a SQLite file built once per session; the browser
is Debian's /usr/bin/chromium driven by Playwright (never downloaded). Every page a test opens is
checked for browser console errors when the test ends.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from werkzeug.serving import make_server

from dashboard.app import create_app
from pipelines.db import make_engine
from pipelines.programmes import create_programme
from pipelines.settings import Settings
from tests.browser_support import AXE, AXE_TAGS, axe_violations, wait_until  # noqa: F401  (re-exported)
from tests.conftest import LEUVEN
from tests.dashboard_seed import seed_dashboard_programme


def _database(tmp_path_factory, sqlite_template: Path, name: str, fill) -> str:
    path = tmp_path_factory.mktemp(name) / f"{name}.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    fill(engine)
    engine.dispose()
    return url


class LiveServer:
    """The dashboard on a database, served from a thread on a free port.

    A test names its server fixture before `page`, so the page closes before the server stops;
    otherwise requests still in flight are reset and show up as console errors.
    """

    def __init__(self, database_url: str):
        self.engine = make_engine(database_url)
        app = create_app(Settings(database_url=database_url), self.engine)
        self.server = make_server("127.0.0.1", 0, app.server, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join()
        self.engine.dispose()


def _serve(database_url: str) -> Iterator[str]:
    live = LiveServer(database_url)
    yield live.url
    live.stop()


@pytest.fixture(scope="session")
def seeded_url(tmp_path_factory, sqlite_template) -> Iterator[str]:
    """The dashboard on the hand-checkable seed programme (tests/dashboard_seed.py)."""
    yield from _serve(_database(tmp_path_factory, sqlite_template, "seeded", seed_dashboard_programme))


@pytest.fixture(scope="session")
def no_programme_url(tmp_path_factory, sqlite_template) -> Iterator[str]:
    """The dashboard on a database that holds no programme at all."""
    yield from _serve(_database(tmp_path_factory, sqlite_template, "empty", lambda engine: None))


@pytest.fixture(scope="session")
def no_data_url(tmp_path_factory, sqlite_template) -> Iterator[str]:
    """The dashboard on a programme that has no data yet."""
    yield from _serve(_database(tmp_path_factory, sqlite_template, "nodata",
                                lambda engine: create_programme(engine, LEUVEN)))


def _page(browser: Browser, width: int, locale: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale=locale,
                                  accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"unexpected dialog: {dialog.message}"))
    yield page
    context.close()
    assert errors == [], "the browser console showed errors"


@pytest.fixture
def page(browser) -> Iterator[Page]:
    """A desktop-sized page whose browser prefers English; fails the test on console errors."""
    yield from _page(browser, 1280, "en-GB")


@pytest.fixture
def dutch_page(browser) -> Iterator[Page]:
    """A desktop-sized page whose browser prefers Dutch (Accept-Language: nl-BE)."""
    yield from _page(browser, 1280, "nl-BE")


@pytest.fixture
def phone_page(browser) -> Iterator[Page]:
    """A page 375 px wide, like a phone."""
    yield from _page(browser, 375, "en-GB")


def open_page(page: Page, url: str) -> Page:
    """Go to `url` and wait until the page's content and charts are drawn: after the last
    response, dashboard.js still draws the charts one at a time, each in a task of its own."""
    page.goto(url)
    page.wait_for_selector("main h1")
    page.wait_for_load_state("networkidle")
    wait_until(page, """() => Array.from(document.querySelectorAll('.dash-graph'))
        .every(graph => graph.querySelector('.js-plotly-plot .main-svg'))""")
    return page


def open_all_tables(page: Page) -> None:
    """Open every folded table view and wait until each chart's table is drawn (they are drawn
    when opened, components.folded_table): a table that is not shown cannot be measured or checked."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    wait_until(page, "() => [...document.querySelectorAll('details.table-view > .table-scroll[data-table]')]"
                     ".every(box => box.querySelector('table'))")
    page.wait_for_timeout(100)


def figure_trace(page: Page, chart: str, name: str) -> dict:
    """x and y of the trace `name` in the chart `chart`, as the browser's Plotly holds them."""
    return page.evaluate(
        """([chart, name]) => {
            const id = JSON.stringify({chart: chart, role: 'graph'});
            const plot = document.getElementById(id).querySelector('.js-plotly-plot');
            const trace = plot.data.find(t => t.name === name && t.showlegend !== false);
            return {x: Array.from(trace.x), y: Array.from(trace.y)};
        }""",
        [chart, name],
    )

