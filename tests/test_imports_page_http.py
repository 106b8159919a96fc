"""The import history over HTTP (no browser): listing, rows, and who may undo which import."""

from __future__ import annotations

import json

from sqlalchemy import select

from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.programmes import create_programme
from pipelines.schema import ImportBatch
from pipelines.users import add_user
from tests.auth_support import PASSWORD, add_people, csrf_header, log_in
from tests.upload_support import (
    callback_body,
    post_callback,
    row_counts,
    seeded_app_fixtures,
    text_of,
)

from .conftest import DATA, LEUVEN

CONFIG = {"imports-config.data": {"lang": "en", "programme": "leuven"}}


def _programme_and_accounts(engine) -> None:
    """Leuven 2030 with ann and bea (analysts) and cor (coordinator): the seed of every test here."""
    create_programme(engine, LEUVEN)
    add_people(engine)
    add_user(engine, "bea", "analyst", PASSWORD)


database_url, programme_id, app = seeded_app_fixtures(_programme_and_accounts)


def import_as(engine, programme_id, user: str, name: str = "upload_good_semicolon.csv") -> int:
    result = load_file(engine, programme_id, "indicators", DATA / name, options=LoadOptions(user=user))
    return result.batch_id


def undo_body(client, batch_id: int) -> dict:
    return callback_body(client, "imports-outcome.children", {
        "imports-undo-yes.n_clicks": 1, "imports-undo-no.n_clicks": 0, "imports-undo-pending.data": batch_id,
        "imports-refresh.data": 0, **CONFIG,
    }, "imports-undo-yes.n_clicks")


def pattern_body(client, output: str, role: str, batch_id: int) -> dict:
    """A click on the button of `batch_id` among the buttons {"role": role, "batch": ALL}."""
    pattern = json.dumps({"batch": ["ALL"], "role": role}, separators=(",", ":")) + ".n_clicks"
    clicked = json.dumps({"batch": batch_id, "role": role}, separators=(",", ":")) + ".n_clicks"
    return callback_body(client, output, {pattern: [({"batch": batch_id, "role": role}, 1)], **CONFIG}, clicked)


def table_body(client) -> dict:
    return callback_body(client, "imports-batches.children", {"imports-refresh.data": 0, **CONFIG},
                         "imports-config.data")


def batch_status(engine, batch_id: int) -> tuple:
    with engine.connect() as conn:
        return tuple(conn.execute(select(ImportBatch.status, ImportBatch.undone_by)
                            .where(ImportBatch.id == batch_id)).one())


def test_the_history_page_without_login_redirects_to_the_login_page(app):
    response = app.server.test_client().get("/imports")
    assert response.status_code == 303 and response.headers["Location"].startswith("/login?next=%2Fimports")


def test_every_history_callback_without_a_session_is_refused_and_changes_nothing(app, engine, programme_id):
    batch = import_as(engine, programme_id, "ann")
    client = app.server.test_client()
    before = row_counts(engine)
    bodies = [table_body(client), undo_body(client, batch),
              pattern_body(client, "imports-rows-panel.children", "imports-view", batch),
              pattern_body(client, "imports-undo-panel.hidden", "imports-undo", batch)]
    for body in bodies:
        assert post_callback(client, body).status_code == 401
    assert row_counts(engine) == before and batch_status(engine, batch) == ("completed", None)


def test_the_list_shows_who_when_file_hash_and_rows(app, engine, programme_id):
    batch = import_as(engine, programme_id, "bea")
    client = app.server.test_client()
    log_in(client, "ann")
    text = text_of(post_callback(client, table_body(client), csrf_header(client)))
    with engine.connect() as conn:
        sha = conn.scalar(select(ImportBatch.sha256).where(ImportBatch.id == batch))
    assert "bea" in text and "upload_good_semicolon.csv" in text and sha[:12] in text
    assert "imports-undo" not in text  # ann may not undo bea's import: no button for it


def test_the_rows_of_a_batch_are_shown(app, engine, programme_id):
    batch = import_as(engine, programme_id, "ann")
    client = app.server.test_client()
    log_in(client, "ann")
    body = pattern_body(client, "imports-rows-panel.children", "imports-view", batch)
    text = text_of(post_callback(client, body, csrf_header(client)))
    # 161.920 t; 151.723,5 t; 64,629 kt = 64,629 t (English formatting on the page)
    for shown in ("emissions.residential", "161,920", "151,723.5", "64,629", "151.723,5", "current"):
        assert shown in text


def test_an_analyst_cannot_undo_another_analysts_import(app, engine, programme_id):
    batch = import_as(engine, programme_id, "bea")
    client = app.server.test_client()
    log_in(client, "ann")
    before = row_counts(engine)
    assert post_callback(client, undo_body(client, batch), csrf_header(client)).status_code == 403
    ask = pattern_body(client, "imports-undo-panel.hidden", "imports-undo", batch)
    assert post_callback(client, ask, csrf_header(client)).status_code == 403
    assert row_counts(engine) == before and batch_status(engine, batch) == ("completed", None)


def test_an_undo_without_the_csrf_token_is_refused(app, engine, programme_id):
    batch = import_as(engine, programme_id, "ann")
    client = app.server.test_client()
    log_in(client, "ann")
    assert post_callback(client, undo_body(client, batch)).status_code == 400
    assert batch_status(engine, batch) == ("completed", None)


def test_an_analyst_undoes_their_own_import_and_the_undo_is_recorded(app, engine, programme_id):
    batch = import_as(engine, programme_id, "ann")
    client = app.server.test_client()
    log_in(client, "ann")
    response = post_callback(client, undo_body(client, batch), csrf_header(client))
    assert response.status_code == 200
    assert f"Done: batch {batch} (indicators, upload_good_semicolon.csv) undone" in text_of(response)
    assert batch_status(engine, batch) == ("undone", "ann")
    assert row_counts(engine)["current_observations"] == 0


def test_a_coordinator_undoes_any_import(app, engine, programme_id):
    batch = import_as(engine, programme_id, "bea")
    client = app.server.test_client()
    log_in(client, "cor")
    assert post_callback(client, undo_body(client, batch), csrf_header(client)).status_code == 200
    assert batch_status(engine, batch) == ("undone", "cor")


def test_undoing_twice_says_so_in_words(app, engine, programme_id):
    batch = import_as(engine, programme_id, "ann")
    client = app.server.test_client()
    log_in(client, "ann")
    post_callback(client, undo_body(client, batch), csrf_header(client))
    again = post_callback(client, undo_body(client, batch), csrf_header(client))
    assert again.status_code == 200 and f"batch {batch} was already undone" in text_of(again)


def test_a_batch_of_another_programme_cannot_be_undone_from_this_one(app, engine, programme_id):
    client = app.server.test_client()
    log_in(client, "cor")
    response = post_callback(client, undo_body(client, 999), csrf_header(client))
    assert "There is no batch 999 in this programme." in text_of(response)


def test_the_rows_of_a_partners_import_show_what_it_added_and_changed(app, engine, programme_id):
    options = LoadOptions(user="ann")
    load_file(engine, programme_id, "partners", DATA / "partners_nl_semicolon_cp1252.csv", options=options)
    update = load_file(engine, programme_id, "partners", DATA / "partners_update.csv", options=options).batch_id
    client = app.server.test_client()
    log_in(client, "ann")
    body = pattern_body(client, "imports-rows-panel.children", "imports-view", update)
    text = text_of(post_callback(client, body, csrf_header(client)))
    # partners_update.csv adds Energent and changes KU Leuven's website and Kessel-Lo's type.
    assert "Energent" in text and "Company" in text  # the type in words, not its code
    assert "https://www.kuleuven.be/energie" in text and "website" in text
    assert "Buurtgroep Kessel-Lo" in text and "civil_society" in text
