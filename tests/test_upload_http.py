"""The upload page over HTTP (no browser): who may check and import, CSRF, size limit, template route."""

from __future__ import annotations

import re

from tests.auth_support import csrf_header, log_in, programme_and_people
from tests.upload_support import (
    callback_body,
    data_url,
    job_outcome,
    poll_body,
    post_callback,
    real_app,
    row_counts,
    seeded_app_fixtures,
    text_of,
)

from .conftest import DATA

GOOD = DATA / "upload_good_semicolon.csv"
NO_FILE = {"upload-meta.data": None}


database_url, programme_id, app = seeded_app_fixtures(programme_and_people)


def check_body(client, path=GOOD, **values):
    meta = {"name": path.name, "size": path.stat().st_size}
    return callback_body(client, "upload-report.children", {
        "upload-meta.data": meta, "upload-kind.data": "indicators", "upload-decimal.data": "auto",
        "upload-new-indicators.data": "no", "upload-mapping-rows.data": [],
        "upload-file.contents": data_url(path), "upload-file.filename": path.name,
        "upload-config.data": {"lang": "en", "programme": "leuven"}, **values,
    }, "upload-meta.data")


def confirm_body(client, checked, path=GOOD):
    return callback_body(client, "upload-outcome.children", {
        "upload-confirm.n_clicks": 1, "upload-file.contents": data_url(path),
        "upload-file.filename": path.name, "upload-checked.data": checked,
        "upload-config.data": {"lang": "en", "programme": "leuven"},
    }, "upload-confirm.n_clicks")


def checked_data(response) -> dict | None:
    return response.get_json()["response"]["upload-checked"]["data"]


def test_the_upload_page_without_login_redirects_to_the_login_page(app):
    response = app.server.test_client().get("/upload?lang=en")
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/login?next=%2Fupload")


def test_every_upload_callback_without_a_session_is_refused_and_changes_nothing(app, engine):
    client = app.server.test_client()
    before = row_counts(engine)
    checked = {"sha256": "0" * 64, "file_name": GOOD.name, "choices": {"kind": "indicators"}}
    mapping = callback_body(client, "upload-mapping-rows.data", {
        "upload-map-apply.n_clicks": 1, "upload-map-labels.data": [["Kantoren", "label"]],
        '{"index":["ALL"],"role":"upload-map-target"}.value': [({"role": "upload-map-target", "index": 0}, "tertiary")],
    }, "upload-map-apply.n_clicks")
    poll = poll_body(client, {"id": "0" * 32, "shown": "queued"})  # a job's result is no one else's
    for body in (check_body(client), confirm_body(client, checked), mapping, poll):
        assert post_callback(client, body).status_code == 401
    assert row_counts(engine) == before


def test_an_analyst_checks_then_imports_and_the_batch_names_them(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    checked_response = post_callback(client, check_body(client), csrf_header(client))
    assert checked_response.status_code == 200
    report = text_of(checked_response)
    assert "No problems found." in report and "3 new" in report
    assert row_counts(engine)["observation"] == 0  # the check wrote nothing
    imported = post_callback(client, confirm_body(client, checked_data(checked_response)), csrf_header(client))
    assert imported.status_code == 200
    assert "Queued" in text_of(imported)  # the import runs as a job, outside this request
    # PostgreSQL's sequences do not roll back: the dry run used an id, so the number varies.
    assert re.search(r"Imported as batch \d+: 3 new, 0 replaced, 0 unchanged\.",
                     job_outcome(client, imported, csrf_header(client)))
    assert row_counts(engine) == {"observation": 3, "partner": 0, "commitment": 0,
                                  "current_observations": 3, "batches_completed": 1}


def test_an_import_without_the_csrf_token_is_refused_and_changes_nothing(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    checked = checked_data(post_callback(client, check_body(client), csrf_header(client)))
    before = row_counts(engine)
    refused = post_callback(client, confirm_body(client, checked))  # no X-CSRFToken header
    assert refused.status_code == 400
    forged = post_callback(client, confirm_body(client, checked), {"X-CSRFToken": "forged"})
    assert forged.status_code == 400
    assert row_counts(engine) == before


def test_an_import_from_another_site_is_refused(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    checked = checked_data(post_callback(client, check_body(client), csrf_header(client)))
    headers = {**csrf_header(client), "Origin": "https://evil.example"}
    assert post_callback(client, confirm_body(client, checked), headers).status_code == 403
    assert row_counts(engine)["observation"] == 0


def test_a_file_other_than_the_one_checked_is_not_imported(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    checked = checked_data(post_callback(client, check_body(client), csrf_header(client)))
    other = DATA / "upload_correction.csv"
    response = post_callback(client, confirm_body(client, checked, other), csrf_header(client))
    assert "This is not the file that was checked: nothing imported." in text_of(response)
    assert row_counts(engine)["observation"] == 0


def test_a_bad_file_shows_every_problem_and_offers_no_import(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    response = post_callback(client, check_body(client, DATA / "upload_bad.csv"), csrf_header(client))
    text = text_of(response)
    assert "4 problems in the file" in text
    for found in ("Kantoren", "twintig", "veel", "zakken"):
        assert found in text
    assert checked_data(response) is None
    assert response.get_json()["response"]["upload-confirm"]["disabled"] is True
    assert row_counts(engine)["observation"] == 0


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(engine, database_url, programme_id):
    # 0.0001 MB = 104 bytes; the file has 187.
    app = real_app(engine, database_url, max_upload_mb=0.0001)
    client = app.server.test_client()
    log_in(client, "ann")
    response = post_callback(client, check_body(client), csrf_header(client))
    assert "upload_good_semicolon.csv is larger than 0.0001 MB and was not read." in text_of(response)
    assert row_counts(engine)["observation"] == 0


def test_the_server_cuts_off_a_request_far_over_the_limit(engine, database_url, programme_id):
    app = real_app(engine, database_url, max_upload_mb=0.5)
    # The limit on a request: 0.5 MB × 4/3 (base64) + 1 MB for the rest of the callback.
    assert app.server.config["MAX_CONTENT_LENGTH"] == 524_288 * 4 // 3 + 1_048_576
    client = app.server.test_client()
    log_in(client, "ann")
    body = check_body(client, **{"upload-file.contents": "data:text/csv;base64," + "A" * 2_000_000})
    assert post_callback(client, body, csrf_header(client)).status_code == 413


def test_templates_are_downloadable_by_analysts_only(app):
    client = app.server.test_client()
    assert client.get("/upload/templates/partners.csv").status_code == 401
    log_in(client, "ann")
    response = client.get("/upload/templates/partners.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data(as_text=True).startswith("name,type,sector,joined,website,description")
    assert client.get("/upload/templates/roadmap.db").status_code == 404  # only the listed files
    assert client.get("/upload/templates/..%2Fdemo%2Fpartners.csv").mimetype != "text/csv"


def test_a_partners_file_is_checked_as_partners_with_the_names_in_the_diff(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    path = DATA / "partners_en_bom.csv"
    body = check_body(client, path, **{"upload-kind.data": "partners"})
    response = post_callback(client, body, csrf_header(client))
    assert checked_data(response)["choices"]["kind"] == "partners"
    text = text_of(response)
    assert "3 new" in text and "Leuven Klimaatneutraal vzw" in text and "UTF-8 (BOM)" in text
    assert row_counts(engine)["partner"] == 0
