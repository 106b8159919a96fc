"""Built sections are kept per data version in the form Dash sends (dashboard/cache.py
`cached_section`): a warm callback builds nothing and serialises no components."""

from __future__ import annotations

import json

from dashboard import queries
from dashboard.context import current_programme
from dashboard.sections.overview_sections import main_content, sectors_content
from dashboard.sections.scenario_views import overview_scenario
from pipelines.load import load_file
from pipelines.targets import set_target
from tests import test_query_cache
from tests.conftest import DATA, LEUVEN
from tests.test_query_cache import read, read_everywhere, statements
from tests.wire_support import components

# The two workers (in-process caches, or one Redis) of tests/test_query_cache.py.
cache_kind = test_query_cache.cache_kind
workers = test_query_cache.workers


def _scenario_text(app, programme_id: int) -> str:
    target_id = int(read(app, queries.target_sets, programme_id)["id"].iloc[0])
    with app.server.test_request_context("/_dash-update-component", method="POST"):
        return json.dumps(overview_scenario(programme_id, target_id, "en"))


def test_the_overview_scenario_is_kept_and_follows_a_target_edit(workers, engine, programme_id):
    """It was rebuilt on every request (commitments, projection, two charts): now a warm read
    asks the database only for the data versions."""
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    load_file(engine, programme_id, "partners", DATA / "cache_partners.csv")
    load_file(engine, programme_id, "commitments", DATA / "commitments_en_kt.csv")
    before = read_everywhere(workers, lambda app: _scenario_text(app, programme_id))
    assert len(set(before)) == 1 and "scenario-wedges-heading" in before[0]
    with statements(workers[0].server.extensions["roadmap_dashboard"].engine) as seen:
        _scenario_text(workers[0], programme_id)
    assert seen and all("programme.data_version" in s for s in seen)
    set_target(engine, programme_id, LEUVEN.target_set_name, "total", "residual_pct", 50.0)
    after = read_everywhere(workers, lambda app: _scenario_text(app, programme_id))
    assert len(set(after)) == 1 and after[0] != before[0]


def test_a_kept_section_is_plain_json_with_its_components(workers, engine, programme_id):
    """What the cache returns is what Dash would send: dicts and lists (json.dumps refuses a
    Dash component), each component as {"type", "namespace", "props"}."""
    load_file(engine, programme_id, "indicators", DATA / "analytics_inventory.csv")
    with workers[0].server.test_request_context("/_dash-update-component", method="POST"):
        prog = current_programme(None)
        for _ in range(2):  # built, then kept
            sections = [main_content(prog, None, "en"), sectors_content(prog.id, "absolute", "en")]
            for section in sections:
                assert json.loads(json.dumps(section)) == section
            found = [c for section in sections for c in components(section)]
            assert {"Section", "H2", "Graph", "Store"} <= {c["type"] for c in found}
            assert all(c["namespace"] in ("dash_html_components", "dash_core_components") for c in found)
