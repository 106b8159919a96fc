"""The open data API's page for people (/api/v1/) in headless Chromium: readable, passes axe-core."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("lang", "heading"), [("en", "Open data API"), ("nl", "Open-data-API")])
def test_the_api_page_lists_the_endpoints_and_has_no_accessibility_violations(
    page, seeded_url, lang, heading
):
    open_page(page, f"{seeded_url}/api/v1/?lang={lang}")
    assert page.evaluate("document.documentElement.lang") == lang
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    expect(page.get_by_role("rowheader", name="/api/v1/programmes/{slug}/status")).to_be_visible()
    assert axe_violations(page) == []


@pytest.fixture
def other_site(tmp_path) -> Iterator[str]:
    """Another site on this machine (another port: another origin), serving one plain page."""
    (tmp_path / "index.html").write_text("<!doctype html><html lang='en'><link rel='icon' href='data:,'><title>Other site</title>"
                                         "<main><h1>A city's own page</h1></main></html>")
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    thread.join()


def test_a_page_on_another_site_can_read_the_api(page, seeded_url, other_site):
    # A city's page elsewhere reads the API through CORS. (Our own pages may not fetch other
    # sites: their Content-Security-Policy keeps connections to 'self'.)
    open_page(page, other_site)
    total = page.evaluate(
        """url => fetch(url).then(r => r.json()).then(b =>
            b.data.find(r => r.year === 2024 && r.sector === 'total').value_t_co2e)""",
        f"{seeded_url}/api/v1/programmes/leuven/emissions.json",
    )
    assert total == 478_000  # 688,000 − 15,000 × 14
