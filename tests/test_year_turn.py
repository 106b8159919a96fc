"""When the year turns, years left and overdue commitments move with it, without a write.

Leuven 2030 (conftest LEUVEN: target year 2030) with tests/data/analytics_inventory.csv and the
commitments of tests/test_derived.py, rebuilt on 2026-06-01. Open commitments (in progress,
planned, delayed) are due in 2015, 2019, 2020 and 2040: three are overdue in 2026, four in 2041.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from dashboard.app import create_app
from dashboard.year_turn_check import EXTENSION_KEY
from pipelines import year_turn
from pipelines.schema import Programme
from pipelines.settings import Settings
from roadmap_cli import main
from tests.analytics_db import add_commitments, leuven_with_the_inventory
from tests.conftest import leuven_id
from tests.test_derived import COMMITMENTS, summary


def _seed(engine) -> None:
    leuven_with_the_inventory(engine)
    add_commitments(engine, leuven_id(engine), COMMITMENTS)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases, monkeypatch):
    monkeypatch.setenv("ROADMAP_TODAY", "2026-06-01")
    with seeded_databases.fresh(request.param, tmp_path, _seed) as url:
        yield url


def _programme(engine) -> tuple[int | None, str]:
    with engine.connect() as conn:
        row = conn.execute(select(Programme.derived_as_of_year, Programme.data_version)).one()
    return row.derived_as_of_year, row.data_version


def test_the_stored_summary_is_for_the_year_it_was_built_in(engine):
    total = summary(engine, leuven_id(engine))
    assert (total["as_of_year"], total["years_left"], total["commitments"]["overdue_count"]) == (2026, 4, 3)
    assert _programme(engine)[0] == 2026


def test_a_new_year_rebuilds_years_left_and_overdue_once(engine, monkeypatch):
    programme_id = leuven_id(engine)
    assert year_turn.refresh_stale(engine) == []  # still 2026: nothing to do
    before = _programme(engine)

    monkeypatch.setenv("ROADMAP_TODAY", "2041-01-02")
    with engine.connect() as conn:
        assert year_turn.stale_programmes(conn, 2041) == [programme_id]
    assert year_turn.refresh_stale(engine) == [programme_id]

    total = summary(engine, programme_id)
    assert (total["as_of_year"], total["years_left"]) == (2041, 0)
    assert total["commitments"]["overdue_count"] == 4
    assert [item["title"] for item in total["commitments"]["overdue"]] == [
        "Heat network", "Car sharing", "Electric buses", "Bike lanes"]
    year, version = _programme(engine)
    assert year == 2041 and version != before[1]  # cached reads see the new numbers
    assert year_turn.refresh_stale(engine) == []
    assert _programme(engine) == (2041, version)


def test_a_programme_brought_up_to_date_while_waiting_is_not_rebuilt_again(engine, monkeypatch):
    """Two processes may both see the old year; the second finds it done under the lock."""
    programme_id = leuven_id(engine)
    monkeypatch.setattr(year_turn, "stale_programmes", lambda conn, year: [programme_id])
    before = _programme(engine)
    assert year_turn.refresh_stale(engine) == []
    assert _programme(engine) == before


def test_a_programme_never_rebuilt_since_the_migration_is_rebuilt(engine):
    programme_id = leuven_id(engine)
    with engine.begin() as conn:
        conn.execute(update(Programme).values(derived_as_of_year=None))
    assert year_turn.refresh_stale(engine) == [programme_id]
    assert _programme(engine)[0] == 2026


def _get(app, path: str = "/") -> None:
    """A request, then the year check it may have started, done."""
    assert app.server.test_client().get(path).status_code == 200
    app.server.extensions[EXTENSION_KEY].join(30)


def test_the_dashboards_first_request_of_the_new_year_brings_the_pages_up_to_date(engine, database_url, monkeypatch):
    app = create_app(Settings(secret_key="x" * 32, database_url=database_url), engine)
    _get(app)
    still = _programme(engine)
    assert still[0] == 2026

    monkeypatch.setenv("ROADMAP_TODAY", "2027-01-01")
    _get(app, "/api/v1/programmes/leuven/status")
    year, version = _programme(engine)
    assert year == 2027 and version != still[1]
    assert summary(engine, leuven_id(engine))["years_left"] == 3
    status = app.server.test_client().get("/api/v1/programmes/leuven/status").get_json()
    assert (status["as_of_year"], status["years_left"]) == (2027, 3)
    _get(app)
    assert _programme(engine) == (2027, version)  # checked once a year, not on every request
    assert app.server.extensions[EXTENSION_KEY].thread.name == "year-turn"


def test_a_refresh_that_fails_leaves_the_page_serving_and_is_tried_again_later(engine, database_url, monkeypatch):
    app = create_app(Settings(secret_key="x" * 32, database_url=database_url), engine)
    monkeypatch.setenv("ROADMAP_TODAY", "2027-01-01")
    calls = []

    def broken(_engine, **_kwargs):
        calls.append(1)
        raise RuntimeError("the database said no")

    monkeypatch.setattr(year_turn, "refresh_stale", broken)
    _get(app)
    _get(app)
    assert len(calls) == 1  # not again on the next request: after RETRY_AFTER_S
    assert _programme(engine)[0] == 2026


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "Rebuilt the progress tables of 1 programme for 2028."),
    ("nl", "De voortgangstabellen van 1 programma herberekend voor 2028."),
    ("fr", "Tableaux de progression de 1 programme recalculés pour 2028."),
])
def test_roadmap_programme_refresh_says_what_it_rebuilt(database_url, engine, monkeypatch, lang, words):
    monkeypatch.setenv("ROADMAP_TODAY", "2028-03-01")
    first = CliRunner().invoke(main, ["--lang", lang, "--database-url", database_url, "programme", "refresh"])
    assert first.exit_code == 0, first.output
    assert first.output.strip() == words
    assert summary(engine, leuven_id(engine))["years_left"] == 2
    again = CliRunner().invoke(main, ["--database-url", database_url, "programme", "refresh"])
    assert again.output.strip() == "Every programme's progress tables are for 2028."


def test_roadmap_status_of_a_summary_stored_last_year_counts_from_this_year(engine, database_url, monkeypatch):
    """`roadmap status` only reads: a summary of another year is computed again, not printed stale."""
    monkeypatch.setenv("ROADMAP_TODAY", "2029-05-01")
    result = CliRunner().invoke(main, ["--database-url", database_url, "status", "--json"])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert (printed["as_of_year"], printed["years_left"]) == (2029, 1)
    assert _programme(engine)[0] == 2026  # nothing written


def test_a_programme_with_nothing_that_depends_on_the_year_is_left_alone(engine, monkeypatch):
    """No summaries (no target set, or nothing loaded): no rebuild, no new data version."""
    from pipelines.programmes import ProgrammeSpec, create_programme

    create_programme(engine, ProgrammeSpec(slug="leiden", name="Leiden", baseline_year=2019, target_year=2050))
    monkeypatch.setenv("ROADMAP_TODAY", "2030-01-01")
    with engine.connect() as conn:
        assert year_turn.stale_programmes(conn, 2030) == [leuven_id(engine)]
    assert year_turn.refresh_stale(engine) == [leuven_id(engine)]


def test_a_date_that_is_no_date_does_not_make_every_request_fail(engine, database_url, monkeypatch):
    app = create_app(Settings(secret_key="x" * 32, database_url=database_url), engine)
    monkeypatch.setenv("ROADMAP_TODAY", "next tuesday")
    assert app.server.test_client().get("/api/v1/programmes").status_code == 200
    assert app.server.extensions[EXTENSION_KEY].thread is None
