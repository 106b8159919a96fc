"""The printed progress report of the demo, rendered to A4 PDF by headless Chromium in Dutch and
English: few pages, no near-empty page but the last, and the lines told apart by more than colour;
and the overview's waterfall on a phone, whose labels stay level.

Measured when this was written (demo data): 8 pages in nl and en before (a page per section, the
cover a third full), 6 pages after.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from pipelines.db import make_engine
from pipelines.demo import build_demo
from pipelines.users import add_user
from tests.auth_support import PASSWORD
from tests.browser.conftest import LiveServer, axe_violations, open_page
from tests.pdf_pages import pdf_pages

pytestmark = pytest.mark.browser

MAX_PAGES = 7


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[LiveServer]:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    engine = make_engine(url)
    build_demo(engine)
    add_user(engine, "cor", "coordinator", PASSWORD)
    engine.dispose()
    server = LiveServer(url)
    yield server
    server.stop()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_report_prints_on_few_pages_without_near_empty_ones(demo, page: Page, lang):
    page.goto(f"{demo.url}/login?lang=en&next=/coordinate/progress")
    page.get_by_label("User name").fill("cor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile("/coordinate/progress"))
    page.goto(f"{demo.url}/coordinate/report?lang={lang}")
    assert axe_violations(page) == []
    pages = pdf_pages(page.pdf(format="A4", print_background=True))
    glyphs = [p.glyphs for p in pages]
    assert 2 <= len(pages) <= MAX_PAGES, glyphs
    typical = statistics.median(glyphs)
    assert all(g >= typical / 3 for g in glyphs[:-1]), glyphs  # no page a third as full as most
    cover = page.locator("header.cover")
    assert cover.locator(".fact").count() >= 4 and cover.locator(".provenance dt").count() >= 2
    svg = page.locator("#report-trajectory svg")
    dashes = svg.locator("polyline").evaluate_all("ps => ps.map(p => p.getAttribute('stroke-dasharray'))")
    assert {None, "9 5", "2 4"} <= set(dashes)  # pathway solid, trend dashed, commitments dotted
    assert svg.locator("polygon.band").count() == 1
    ticks = svg.locator("text.year-tick").evaluate_all("ts => ts.map(t => t.textContent)")
    assert "2024" in ticks and "2030" in ticks  # the latest measured year and the target year


def test_waterfall_labels_stay_level_on_a_phone(demo, phone_page: Page):
    open_page(phone_page, f"{demo.url}/?lang=nl")
    graph = phone_page.locator('[id=\'{"chart":"gap","role":"graph"}\'] .js-plotly-plot')
    graph.wait_for()
    angles = graph.locator(".xtick text, .ytick text").evaluate_all(
        "ts => ts.map(t => t.getAttribute('transform') || '')")
    assert angles and not any("rotate" in a for a in angles), angles
    assert axe_violations(phone_page) == []
