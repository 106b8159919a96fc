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
