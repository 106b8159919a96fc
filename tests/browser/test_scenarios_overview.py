"""Scenarios in a browser, on the demo. The overview's "all delivered" scenario: the wedge
chart's bands fill the space between the scenario and the trend, its table holds the same numbers
(Dutch and English), the bar says by how much it falls short; axe finds nothing. The
coordinators' scenario page: a permalink opens a theme choice, which is saved by name."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from pipelines.analytics.scenarios import Scenario
from pipelines.db import make_engine
from pipelines.demo import build_demo
from pipelines.programmes import resolve_programme
from pipelines.scenario_inputs import scenario_for
from pipelines.users import add_user
from tests.auth_support import PASSWORD
from tests.browser.conftest import LiveServer, axe_violations, open_page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo(tmp_path_factory, sqlite_template) -> Iterator[tuple[str, dict]]:
    """A dashboard on the demo (read-only here) and the scenario as pipelines compute it."""
    path: Path = tmp_path_factory.mktemp("scenario-demo") / "demo.db"
    shutil.copy(sqlite_template, path)
    engine = make_engine(f"sqlite:///{path}")
    build_demo(engine)
    add_user(engine, "cor", "coordinator", PASSWORD)
    result = scenario_for(engine, resolve_programme(engine, "leuven").id, Scenario(basis="all_delivered"))
    engine.dispose()
    server = LiveServer(f"sqlite:///{path}")
    yield server.url, result.to_json()
    server.stop()


def _chart(page: Page) -> list[dict]:
    return page.evaluate(
        """() => {
            const id = JSON.stringify({chart: 'scenario-wedges', role: 'graph'});
            const plot = document.getElementById(id).querySelector('.js-plotly-plot');
            return plot.data.map(t => ({name: t.name, stack: t.stackgroup || null,
                                        x: Array.from(t.x), y: Array.from(t.y)}));
        }"""
    )


@pytest.mark.parametrize(("lang", "scenario", "band", "number"), [
    ("en", "Scenario", "Renovation of non-residential buildings", lambda v: f"{v:,.1f}"),
    ("nl", "Scenario", "Renovatie van niet-residentiële gebouwen",
     lambda v: f"{v:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")),
])
def test_wedge_chart_and_table_show_the_all_delivered_scenario(demo, page, lang, scenario, band, number):
    url, expected = demo
    open_page(page, f"{url}/?lang={lang}")
    traces = _chart(page)
    by_name = {t["name"]: t for t in traces}
    bands = [t for t in traces if t["stack"] and t["name"] != scenario]
    assert bands[0]["name"] == band  # the largest wedge first
    assert len(bands) == len(expected["wedges"])
    # Each year, the scenario plus the bands is the trend (to the 0.1 kt the chart shows).
    trend = next(t for t in traces if not t["stack"] and t["y"][0] == by_name[scenario]["y"][0])
    for i, _ in enumerate(trend["x"]):
        stacked = by_name[scenario]["y"][i] + sum(b["y"][i] for b in bands)
        assert stacked == pytest.approx(trend["y"][i], abs=0.05 * (len(bands) + 1))
    assert trend["x"][-1] == expected["target_year"] == 2030
    assert by_name[scenario]["y"][-1] == round(expected["scenario_t"] / 1000, 1)
    assert bands[0]["y"][-1] == round(expected["wedges"][0]["t"] / 1000, 1)

    block = page.locator(".chart-block", has=page.locator("#scenario-wedges-heading"))
    block.locator("summary").click()
    row = block.get_by_role("row", name="2030")
    expect(row).to_contain_text(number(round(expected["scenario_t"] / 1000, 1)))
    expect(row).to_contain_text(number(round(expected["wedges"][0]["t"] / 1000, 1)))
    expect(block.get_by_role("columnheader", name=f"{band} (kt CO₂e)")).to_be_visible()
    assert axe_violations(page) == []


def test_bar_says_by_how_much_the_scenario_falls_short(demo, page):
    url, expected = demo
    open_page(page, f"{url}/?lang=en")
    short = round((expected["scenario_t"] - expected["target_t"]) / 1000, 1)
    caption = page.locator(".chart-block", has=page.locator("#scenario-bar-heading")).locator("figcaption")
    expect(caption).to_contain_text(f"it falls short by {short:,.1f} kt")
    expect(caption).to_contain_text("Now (2024) 395.9 kt")


def test_coordinator_opens_a_theme_scenario_by_permalink_and_saves_it(demo, page):
    url, _ = demo
    link = "/coordinate/scenarios?lang=en&basis=all_delivered&theme=P04,P01&by=theme"
    page.goto(f"{url}/login?lang=en&next={link.replace('&', '%26')}")
    page.get_by_label("User name").fill("cor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/coordinate/scenarios"))
    page.wait_for_selector("#ws-scenario-wedges-heading")
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("button", name="Mobility")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("heading", name="Scenario: own choice")).to_be_visible()
    bands = page.evaluate(
        """() => {
            const id = JSON.stringify({chart: 'ws-scenario-wedges', role: 'graph'});
            const plot = document.getElementById(id).querySelector('.js-plotly-plot');
            return plot.data.filter(t => t.stackgroup && t.name !== 'Scenario').map(t => t.name);
        }"""
    )
    assert bands == ["Renovation of homes", "Mobility"]  # all delivered: 8,050 t and 6,380 t
    href = page.get_by_role("link", name="Permanent link to this scenario").get_attribute("href")
    assert "theme=P04%2CP01" in href or "theme=P01%2CP04" in href
    page.get_by_label("Name").fill("Homes and mobility")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Saved as")).to_have_text("Saved as ‘Homes and mobility’.")
    expect(page.get_by_role("link", name="Homes and mobility")).to_be_visible()
    assert axe_violations(page) == []
