"""A callback that fails unexpectedly leaves words on the page (in the person's language, announced
as an alert) and a log line with the traceback and the same reference, never a silent blank."""

from __future__ import annotations

import logging
import re

import pytest

from dashboard import queries
from dashboard.app import create_app
from dashboard.callback_errors import APP_ERROR_ID
from pipelines.settings import Settings
from tests.auth_support import SECRET
from tests.coordinate_support import seed_coordination

CALLBACK = "/_dash-update-component"
OVERVIEW_MAIN = {
    "output": "..overview-main.children...overview-scenario.children..",
    "outputs": [{"id": "overview-main", "property": "children"}, {"id": "overview-scenario", "property": "children"}],
    "inputs": [{"id": "overview-target", "property": "data", "value": None},
               {"id": "overview-per", "property": "data", "value": None}],
    "state": [{"id": "overview-state", "property": "data", "value": {"lang": "nl", "programme": None}}],
    "changedPropIds": ["overview-target.data"],
}

@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the coordination programme (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, seed_coordination) as url:
        yield url


@pytest.fixture
def client(engine, database_url):
    app = create_app(Settings(secret_key=SECRET, database_url=database_url), engine)
    client = app.server.test_client()
    client.get("/")
    return client


def test_the_frame_holds_an_empty_region_for_a_failed_callbacks_words(client):
    layout = client.get("/_dash-layout").get_json()
    [found] = [c for c in layout["props"]["children"] if isinstance(c, dict) and c["props"].get("id") == APP_ERROR_ID]
    assert found["props"].get("children") is None and "role" not in found["props"]  # no empty alert


def test_a_failing_callback_says_so_in_the_persons_language_and_logs_the_traceback(client, monkeypatch, caplog):
    def broken(*_args, **_kwargs):
        raise RuntimeError("the query broke")

    working = client.post(CALLBACK, json=OVERVIEW_MAIN)
    assert working.status_code == 200 and "sideUpdate" not in working.get_json()

    monkeypatch.setattr(queries, "target_sets", broken)
    with caplog.at_level(logging.ERROR, logger="dashboard.callback_errors"):
        answer = client.post(CALLBACK, json=OVERVIEW_MAIN, headers={"Accept-Language": "nl-BE,nl;q=0.9"})
    assert answer.status_code == 200
    body = answer.get_json()
    assert "overview-main" not in body.get("response", {})  # what the page showed stays
    notice = body["sideUpdate"][APP_ERROR_ID]["children"]
    assert notice["props"]["role"] == "alert" and "notice-error" in notice["props"]["className"]
    text = notice["props"]["children"]["props"]["children"]
    assert text.startswith("Er ging iets mis: dit deel van de pagina kon niet getoond of bewaard worden.")
    reference = re.search(r"referentie ([0-9a-f]{8})\.$", text).group(1)

    [record] = caplog.records
    assert record.getMessage() == f"callback ..overview-main.children...overview-scenario.children.. failed (reference {reference})"
    assert record.exc_info[0] is RuntimeError and "the query broke" in caplog.text
    assert "Traceback" in caplog.text

