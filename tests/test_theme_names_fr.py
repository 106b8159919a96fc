"""Theme names on French pages: the stored French name, else the project's translation, else the
English marked lang="en"; Dutch and English pages show their own names, unmarked."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import insert, select, update

from dashboard.app import create_app
from dashboard.data_texts import name_in
from pipelines.analytics.scenarios import Scenario
from pipelines.schema import Commitment, TargetSet, Theme
from pipelines.settings import Settings
from tests.dashboard_seed import seed_dashboard_programme
from tests.wire_support import dash_components


def test_a_theme_name_in_each_page_language():
    assert name_in("Renovatie", "Renovation", "Rénovation", "fr") == ("Rénovation", None)
    assert name_in("Fietslogistiek", "Bike logistics", None, "fr") == ("Bike logistics", "en")
    # A demo theme stored without French: the project's own translation, not marked.
    assert name_in("Voeding en landbouw", "Food and agriculture", None, "fr") == ("Alimentation et agriculture", None)
    assert name_in("Renovatie", "Renovation", "Rénovation", "nl") == ("Renovatie", None)
    assert name_in("Renovatie", "Renovation", "Rénovation", "en") == ("Renovation", None)


@pytest.fixture
def seeded(engine, database_url):
    """The seed programme with two themes, Renovation named in French and Bike logistics not (nor
    translated by the project), one commitment in each; the app and the primary target set's id."""
    programme_id = seed_dashboard_programme(engine)
    # Written directly, as the seed writes its derived tables (a front-door write would rebuild
    # them from the seed's observations, which are not the whole of its hand-made numbers).
    with engine.begin() as conn:
        conn.execute(insert(Theme), [
            {"programme_id": programme_id, "code": "P01", "name_nl": "Renovatie", "name_en": "Renovation",
             "name_fr": "Rénovation"},
            {"programme_id": programme_id, "code": "P04", "name_nl": "Fietslogistiek", "name_en": "Bike logistics",
             "name_fr": None},
        ])
        themes = dict(conn.execute(select(Theme.code, Theme.id)).all())
        for title, code in (("Collective renovation", "P01"), ("Electric delivery vans", "P04")):
            conn.execute(update(Commitment).where(Commitment.title == title).values(theme_id=themes[code]))
        target_id = conn.scalar(select(TargetSet.id).where(TargetSet.is_primary))
    return create_app(Settings(database_url=database_url), engine), programme_id, target_id


def _table_headers(components) -> dict[str, str | None]:
    """Column label → its lang attribute (None: the page's), of the folded tables' columns (drawn
    in the browser from this data, components.folded_table)."""
    return {column["label"]: column["lang"]
            for component in components for c in dash_components(component)
            if getattr(c, "data-table", None) for column in json.loads(getattr(c, "data-table"))["columns"]}


def _shown(components, kind: str) -> dict[str, str | None]:
    """Text → its lang attribute (None: the page's), of every `kind` element (Th, Button …)."""
    return {str(c.children): getattr(c, "lang", None)
            for component in components for c in dash_components(component) if type(c).__name__ == kind}


@pytest.mark.parametrize(("lang", "renovation", "bikes", "bikes_lang"), [
    ("fr", "Rénovation", "Bike logistics", "en"),
    ("nl", "Renovatie", "Fietslogistiek", None),
    ("en", "Renovation", "Bike logistics", None),
])
def test_the_scenario_chart_names_its_theme_bands_in_the_pages_language(seeded, lang, renovation, bikes, bikes_lang):
    app, programme_id, target_id = seeded
    from dashboard.sections.scenario_views import scenario_blocks

    with app.server.test_request_context(f"/?lang={lang}"):
        blocks = scenario_blocks(programme_id, target_id, Scenario(basis="all_delivered"), lang)
    headers = _table_headers(blocks)  # the table's column per band: "name (kt CO₂e)"
    assert headers[f"{renovation} (kt CO₂e)"] is None
    assert headers[f"{bikes} (kt CO₂e)"] == bikes_lang
    graph = next(c for c in dash_components(blocks[0]) if type(c).__name__ == "Graph")
    assert {renovation, bikes} <= {trace["name"] for trace in graph.figure["data"]}


def test_the_scenario_page_offers_the_themes_in_french_or_marked_english(seeded):
    app, _programme_id, _target_id = seeded
    from dashboard.pages.coordinate_scenarios import layout

    with app.server.test_request_context("/coordinate/scenarios?lang=fr"):
        buttons = _shown([layout(lang="fr", programme="leuven")], "Button")
        dutch = _shown([layout(lang="nl", programme="leuven")], "Button")
    assert buttons["Rénovation"] is None and buttons["Bike logistics"] == "en"
    assert dutch["Renovatie"] is None and dutch["Fietslogistiek"] is None
