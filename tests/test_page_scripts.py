"""A page is sent the scripts it uses: of plotly's locales, only its own language's."""

from __future__ import annotations

import re

from dashboard.app import create_app
from pipelines.settings import Settings


def test_a_page_gets_only_its_own_languages_plotly_locale(database_url, engine, programme_id):
    client = create_app(Settings(database_url=database_url), engine).server.test_client()
    found = {}
    for lang in ("nl", "en", "fr"):
        page = client.get(f"/?lang={lang}").get_data(as_text=True)
        found[lang] = re.findall(r'<script src="/assets/plotly-locale-(\w+)\.js\?m=[\d.]+"></script>', page)
        assert '<script src="/assets/plotly-basic.min.js?m=' in page  # plotly itself, always
    # English is plotly's own; a language change is a new page load (the header's links).
    assert found == {"nl": ["nl"], "en": [], "fr": ["fr"]}
    # A Dutch browser without ?lang gets the Dutch page and its locale.
    dutch = client.get("/sectors", headers={"Accept-Language": "nl-BE,nl;q=0.9"}).get_data(as_text=True)
    assert "plotly-locale-nl.js" in dutch and "plotly-locale-fr.js" not in dutch


def test_a_page_gets_no_polyfill_or_table_bundle_and_the_regenerator_runtime_before_dash(database_url, engine,
                                                                                         programme_id):
    client = create_app(Settings(database_url=database_url), engine).server.test_client()
    page = client.get("/?lang=en").get_data(as_text=True)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    # core-js for old browsers, and dash_table, which no page uses: neither is sent.
    assert not [s for s in scripts if "polyfill" in s or "dash_table" in s]
    # Dash's renderer and dcc call the global regeneratorRuntime the polyfill used to bring.
    runtime = next(i for i, s in enumerate(scripts) if s.startswith("/assets/regenerator-runtime.js"))
    renderer = next(i for i, s in enumerate(scripts) if "dash_renderer" in s)
    assert runtime < renderer
    assert client.get(scripts[runtime]).status_code == 200
    # The site's own favicon (216 bytes), not Dash's Plotly logo.
    icon = re.search(r'<link rel="icon" type="image/x-icon" href="([^"]+)">', page).group(1)
    assert icon.startswith("/assets/favicon.ico?m=")
    assert client.get(icon).get_data()[:4] == b"\x00\x00\x01\x00"  # an ICO
