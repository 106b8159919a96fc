"""The coordinator's commitment form with a start year and a delivery shape, over HTTP: saved by a
coordinator (audited), refused for an analyst, and a start year after the target year comes back
as words on its field, nothing saved. Seed: tests/coordinate_support.py ("Collective renovation",
target year 2028)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dashboard.app import create_app
from pipelines.schema import Commitment
from pipelines.settings import Settings
from tests.auth_support import SECRET, csrf_header, log_in
from tests.coordinate_support import callback_body, commitment_id, database_rows, seed_coordination

CALLBACK = "/_dash-update-component"
C = "coord-commitments-"


@pytest.fixture
def app(engine, database_url):
    seed_coordination(engine)
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine)


def save_body(app, engine, **fields) -> dict:
    values = {f"{C}field-status.data": "planned", f"{C}field-target_year.value": "2028",
              f"{C}field-progress_pct.value": "", f"{C}field-note.value": ""}
    values |= {f"{C}field-{k}.{'data' if k == 'shape' else 'value'}": v for k, v in fields.items()}
    return callback_body(app, f"{C}save", {f"{C}selected.data": commitment_id(engine, "Collective renovation"),
                                           f"{C}state.data": {"lang": "nl", "programme": None},
                                           f"{C}version.data": 0, **values})


def delivery(engine) -> tuple:
    with engine.connect() as conn:
        return conn.execute(select(Commitment.start_year, Commitment.shape)
                            .where(Commitment.title == "Collective renovation")).one()


def test_a_coordinator_sets_start_year_and_shape(app, engine):
    client = app.server.test_client()
    log_in(client, "cor")
    response = client.post(CALLBACK, json=save_body(app, engine, start_year="2026", shape="step"),
                           headers=csrf_header(client))
    assert response.status_code == 200, response.data
    assert delivery(engine) == (2026, "step")
    assert "In één keer (trap)" in json.dumps(response.get_json(), ensure_ascii=False)  # the change, in words


def test_a_start_after_the_target_year_is_shown_on_its_field_and_nothing_is_saved(app, engine):
    client = app.server.test_client()
    log_in(client, "cor")
    before = database_rows(engine)
    response = client.post(CALLBACK, json=save_body(app, engine, start_year="2029", shape="linear"),
                           headers=csrf_header(client))
    assert response.status_code == 200
    text = json.dumps(response.get_json(), ensure_ascii=False)
    assert "Startjaar" in text and "2029" in text and "een startjaar in of voor het doeljaar 2028" in text
    assert database_rows(engine) == before


def test_an_analyst_cannot_set_the_delivery(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    before = database_rows(engine)
    response = client.post(CALLBACK, json=save_body(app, engine, start_year="2026", shape="step"),
                           headers=csrf_header(client))
    assert response.status_code == 403
    assert database_rows(engine) == before and delivery(engine) == (None, None)
