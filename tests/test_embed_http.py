"""The /embed/ pages over HTTP: they answer with the chart page, and only they take their frame
policy from EMBED_FRAME_ANCESTORS (the site itself by default); the other pages keep FRAME_ANCESTORS."""

from __future__ import annotations

import pytest

from dashboard.app import create_app
from dashboard.http_headers import frame_ancestors
from pipelines.errors import UserError
from pipelines.settings import Settings
from tests.dashboard_seed import seed_dashboard_programme
from tests.wire_support import children, of_type

EMBED = "/embed/overview/emissions?lang=nl&programme=leuven"


def _client(engine, database_url, **settings):
    seed_dashboard_programme(engine)
    return create_app(Settings(database_url=database_url, **settings), engine).server.test_client()


def _frame_ancestors(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if part.strip().startswith("frame-ancestors"))


def test_embed_page_is_framed_by_the_site_alone_by_default(engine, database_url):
    client = _client(engine, database_url)
    response = client.get(EMBED)
    assert response.status_code == 200
    assert '<html lang="nl">' in response.get_data(as_text=True)
    assert _frame_ancestors(response) == "frame-ancestors 'self'"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_embed_setting_opens_the_embeds_to_the_city_site_and_nothing_else(engine, database_url):
    client = _client(engine, database_url, embed_frame_ancestors="'self' https://www.leuven.be")
    embed = client.get(EMBED)
    assert _frame_ancestors(embed) == "frame-ancestors 'self' https://www.leuven.be"
    assert "X-Frame-Options" not in embed.headers  # it cannot name another site; the CSP does
    for other in ("/?lang=nl", "/sectors", "/login", "/api/v1/programmes"):
        response = client.get(other)
        assert _frame_ancestors(response) == "frame-ancestors 'self'", other
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN", other


def test_frame_ancestors_setting_does_not_open_the_embeds(engine, database_url):
    client = _client(engine, database_url, frame_ancestors="'none'")
    assert _frame_ancestors(client.get("/")) == "frame-ancestors 'none'"
    assert _frame_ancestors(client.get(EMBED)) == "frame-ancestors 'self'"


def test_a_bad_embed_setting_is_refused_with_its_own_name():
    with pytest.raises(UserError, match="EMBED_FRAME_ANCESTORS="):
        frame_ancestors("https://a.example, https://b.example", "EMBED_FRAME_ANCESTORS")


def test_a_bad_embed_setting_stops_the_app_from_starting(engine, database_url):
    with pytest.raises(UserError, match="EMBED_FRAME_ANCESTORS="):
        create_app(Settings(database_url=database_url, embed_frame_ancestors="'self'; script-src *"), engine)


def test_a_sector_embed_takes_the_embed_frame_policy_too(engine, database_url):
    client = _client(engine, database_url, embed_frame_ancestors="'self' https://www.leuven.be")
    for path in ("/embed/sectors/buildings?lang=en&programme=leuven&per=inhabitant",
                 "/embed/sectors/buildings?lang=en&programme=leuven&indicator=renovated_homes"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert _frame_ancestors(response) == "frame-ancestors 'self' https://www.leuven.be", path


def test_the_sector_embed_is_the_sectors_pages_chart(engine, database_url):
    from dashboard.app import create_app as make_app
    from dashboard.cache import wire_form
    from dashboard.context import current_programme
    from dashboard.pages.embed import layout
    from dashboard.pages.sectors import sector_content

    seed_dashboard_programme(engine)
    app = make_app(Settings(database_url=database_url), engine)
    with app.server.test_request_context("/embed/sectors/buildings?lang=en"):
        page_block = sector_content(current_programme("leuven"), "buildings", None, "en", "inhabitant")[2]
        embed = wire_form(layout(section="sectors", chart="buildings", lang="en", programme="leuven",
                                 per="inhabitant"))  # the page's sections are kept as Dash sends them
        [page_graph], [embed_graph] = of_type(page_block, "Graph"), of_type(embed, "Graph")
        assert children(children(embed)[0]) == children(children(page_block)[0]) == "Emissions of Buildings"
        assert embed_graph["props"]["figure"] == page_graph["props"]["figure"]
        unknown = layout(section="sectors", chart="shipping", lang="en", programme="leuven")
        assert "/embed/sectors/<sector>" in str(unknown.children[2].children)
