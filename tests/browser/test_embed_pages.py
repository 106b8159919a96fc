"""Embed pages in a browser: one chart with its permalink state, axe-clean, and shown in an iframe
of another site that EMBED_FRAME_ANCESTORS allows."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from dashboard.app import create_app
from pipelines.db import make_engine
from pipelines.settings import Settings
from tests.browser.conftest import _database, axe_violations, open_page
from tests.browser_support import wait_until
from tests.dashboard_seed import seed_dashboard_programme

pytestmark = pytest.mark.browser


class _Serving:
    def __init__(self, wsgi_app):
        self.server = make_server("127.0.0.1", 0, wsgi_app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join()


@pytest.fixture(scope="module")
def city_site_and_roadmap(tmp_path_factory, sqlite_template) -> Iterator[tuple[str, str]]:
    """A city's site (another origin: another port) with an iframe, and the roadmap allowing it."""
    embed_src: dict[str, str] = {}

    @Request.application
    def city_site(request: Request) -> Response:
        return Response(
            '<!DOCTYPE html><html lang="en"><head><title>City of Leuven</title></head><body><main>'
            "<h1>Our climate plan</h1>"
            f'<iframe title="Emissions" src="{embed_src["url"]}" width="900" height="700"></iframe>'
            "</main></body></html>", mimetype="text/html")

    city = _Serving(city_site)
    url = _database(tmp_path_factory, sqlite_template, "embeds", seed_dashboard_programme)
    engine = make_engine(url)
    settings = Settings(database_url=url, embed_frame_ancestors=f"'self' {city.url}")
    roadmap = _Serving(create_app(settings, engine).server)
    embed_src["url"] = f"{roadmap.url}/embed/overview/emissions?lang=nl&programme=leuven"
    yield city.url, roadmap.url
    roadmap.stop()
    city.stop()
    engine.dispose()


def test_embed_draws_its_chart_with_title_source_and_link(page, seeded_url):
    open_page(page, f"{seeded_url}/embed/overview/emissions?lang=en&programme=leuven")
    expect(page.locator("h1")).to_have_text("Emissions, target pathway and trend")
    wait_until(page, "document.querySelector('.js-plotly-plot') && "
                           "document.querySelector('.js-plotly-plot').data.length > 0")
    measured = page.evaluate("document.querySelector('.js-plotly-plot').data"
                             ".find(t => t.name === 'Measured emissions').y.slice(-1)[0]")
    assert measured == 478.0  # the seed's 2024 total, as on the overview
    expect(page.locator(".embed-source")).to_contain_text("Source: Leuven 2030, Climate roadmap: progress")
    link = page.get_by_role("link", name="See everything on Climate roadmap: progress")
    assert link.get_attribute("href").startswith("/?lang=en&programme=leuven&target=")
    expect(page.locator("nav")).to_have_count(0)  # minimal chrome
    assert axe_violations(page) == []


def test_embed_keeps_the_permalink_state(dutch_page, seeded_url):
    page = dutch_page
    open_page(page, f"{seeded_url}/embed/overview/sectors?lang=nl&programme=leuven&breakdown=share")
    expect(page.locator("h1")).to_have_text("Uitstoot per sector")
    assert page.evaluate("document.documentElement.lang") == "nl"
    expect(page.locator("figcaption")).to_contain_text("64,9")  # buildings' share in 2024, as a %
    assert axe_violations(page) == []


def test_an_unknown_embed_says_which_exist(page, seeded_url):
    open_page(page, f"{seeded_url}/embed/overview/nothing?lang=en")
    expect(page.get_by_text("There is no such chart.")).to_contain_text("/embed/overview/emissions")
    assert axe_violations(page) == []


def test_the_city_site_shows_the_embed_in_an_iframe(city_site_and_roadmap, page):
    city_url, roadmap_url = city_site_and_roadmap
    page.goto(city_url)
    frame = page.frame_locator("iframe[title=Emissions]")
    expect(frame.locator("h1")).to_have_text("Uitstoot, doeltraject en trend")
    expect(frame.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    expect(frame.locator(".embed-source")).to_contain_text("Bron: Leuven 2030")
