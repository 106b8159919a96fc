"""Incomplete years in a browser (issue 12): never drawn as a measured point, flagged in the table
and the CSV; per inhabitant never divides population by itself.

The programme (conftest LEUVEN) is built through the real analytics (derived tables rebuilt):
  residential 300,000 − 5,000·(y−2010) and transport 100,000 − 1,000·(y−2010), 2010–2017,
  except that 2016 has no transport and no reported total: 2016 is incomplete.
  2015 = 275,000 + 95,000 = 370 kt; 2016 (residential only) = 270 kt; 2017 = 265,000 + 93,000 = 358 kt.
  Population 100,000 every year.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pipelines.programmes import create_programme
from tests.analytics_db import put_observations
from tests.browser.conftest import _database, _serve, figure_trace, open_page
from tests.conftest import LEUVEN

pytestmark = pytest.mark.browser
YEARS = range(2010, 2018)


def _fill(engine) -> None:
    programme_id = create_programme(engine, LEUVEN)
    rows = [("emissions.residential", str(y), 300_000.0 - 5_000 * (y - 2010)) for y in YEARS]
    rows += [("emissions.transport", str(y), 100_000.0 - 1_000 * (y - 2010)) for y in YEARS if y != 2016]
    rows += [("population", str(y), 100_000.0) for y in YEARS]
    put_observations(engine, programme_id, rows)


@pytest.fixture(scope="module")
def incomplete_url(tmp_path_factory, sqlite_template):
    yield from _serve(_database(tmp_path_factory, sqlite_template, "incomplete", _fill))


def _plotted(page, chart: str) -> list[dict]:
    """Every trace of a chart as the browser's Plotly holds it: name, x, y, marker symbol."""
    return page.evaluate(
        """chart => {
            const id = JSON.stringify({chart: chart, role: 'graph'});
            const plot = document.getElementById(id).querySelector('.js-plotly-plot');
            return plot.data.map(t => ({name: t.name, x: Array.from(t.x || []),
                                        y: Array.from(t.y || []),
                                        symbol: (t.marker || {}).symbol || null}));
        }""",
        chart,
    )


def test_no_incomplete_year_is_drawn_as_a_measured_point_on_the_overview(incomplete_url, page):
    open_page(page, f"{incomplete_url}/?lang=en")
    measured = figure_trace(page, "trajectory", "Measured emissions")
    points = dict(zip(measured["x"], measured["y"], strict=True))
    assert points[2015] == 370.0 and points[2017] == 358.0
    assert points.get(2016) is None  # a gap in the line, not a fall to 270 kt
    hollow = figure_trace(page, "trajectory", "Incomplete year (not comparable)")
    assert hollow == {"x": [2016], "y": [270.0]}
    for trace in _plotted(page, "trajectory"):
        if trace["name"] != "Incomplete year (not comparable)" and 2016 in trace["x"]:
            # only the pathway and projections may have a value in 2016, never 270 kt
            assert trace["y"][trace["x"].index(2016)] != 270.0, trace["name"]
    # The sector chart leaves 2016 out entirely (its stack would look like a fall).
    for trace in _plotted(page, "sectors"):
        assert 2016 not in trace["x"], trace["name"]
    expect(page.locator("figcaption").first).to_contain_text("Incomplete years (2016)")


def test_the_table_view_and_csv_flag_the_incomplete_year(incomplete_url, page):
    open_page(page, f"{incomplete_url}/?lang=en")
    block = page.locator(".chart-block").first
    block.get_by_text("Show as a table").click()
    row = block.get_by_role("row", name="2016")
    expect(row).to_contain_text("no")
    expect(row).to_contain_text("Incomplete: only Buildings")
    expect(block.get_by_role("row", name="2015")).to_contain_text("yes")
    with page.expect_download() as download:
        block.get_by_role("button", name="Download the data (CSV)").click()
    rows = {int(r["Year"]): r for r in csv.DictReader(
        io.StringIO(Path(download.value.path()).read_text(encoding="utf-8")))}
    assert rows[2016]["Complete"] == "no" and rows[2016]["Measured (kt CO₂e)"] == ""
    assert rows[2016]["Incomplete year: sum of what there is (kt CO₂e)"] == "270.0"
    assert rows[2015]["Complete"] == "yes" and rows[2015]["Measured (kt CO₂e)"] == "370.0"


def test_dutch_table_says_nee_for_the_incomplete_year(incomplete_url, page):
    open_page(page, f"{incomplete_url}/?lang=nl")
    block = page.locator(".chart-block").first
    block.get_by_text("Toon als tabel").click()
    expect(block.get_by_role("row", name="2016")).to_contain_text("nee")
    expect(block.get_by_role("row", name="2016")).to_contain_text("Onvolledig: alleen Gebouwen")


def test_per_inhabitant_leaves_population_itself_out(incomplete_url, page):
    open_page(page, f"{incomplete_url}/indicators?lang=en&indicators=emissions.total,population"
                    "&mode=per_capita")
    names = [t["name"] for t in _plotted(page, "explorer")]
    assert names == ["Total emissions (t CO2e per inhabitant)"]  # no flat line of 1
    total = figure_trace(page, "explorer", "Total emissions (t CO2e per inhabitant)")
    # 2017: 358,000 t ÷ 100,000 = 3.58 t; 2016 (incomplete) is not a value
    assert total["y"][-1] == pytest.approx(3.58) and 2016 not in [int(x) for x in total["x"]]
    # Population has a block of its own unit (one per unit): nothing to draw, so no empty frame of
    # axes, only its sentence saying why.
    expect(page.locator("p.chart-summary", has_text="Population is not divided by itself")).to_have_text(
        "Population is not divided by itself: choose 'absolute' to see it.")  # not "No data yet."
    assert page.locator(".dash-graph").count() == 1


def test_methodology_lists_each_years_total_and_whether_it_is_complete(incomplete_url, page):
    open_page(page, f"{incomplete_url}/methodology?lang=en")
    totals = page.get_by_role("table").filter(has_text="Source of the total")
    expect(totals.get_by_role("row", name="2016")).to_contain_text("no")
    expect(totals.get_by_role("row", name="2016")).to_contain_text("sum of part of the sectors")
    expect(totals.get_by_role("row", name="2017")).to_contain_text("358.0")
    expect(page.get_by_text("left out of the trend and not drawn as measurements: 2016")).to_be_visible()


def test_overview_with_an_incomplete_year_passes_axe(incomplete_url, page):
    from tests.browser.conftest import axe_violations

    open_page(page, f"{incomplete_url}/?lang=en")
    assert axe_violations(page) == []
