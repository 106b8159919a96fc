"""The upload page's mapping step over HTTP: who may use it, the preview, saving a profile."""

from __future__ import annotations

from sqlalchemy import func, select

from pipelines.schema import ImportProfile
from tests.auth_support import csrf_header, log_in, programme_and_people
from tests.upload_support import (
    callback_body,
    data_url,
    post_callback,
    row_counts,
    seeded_app_fixtures,
    text_of,
)

from .conftest import DATA

FIRST = DATA / "mapping_export_2023.csv"  # an export no profile knows
SECOND = DATA / "mapping_export_2024.csv"
CONFIG = {"lang": "en", "programme": "leuven"}
ROLES = {"Gemeente": "area", "Periode": "period", "Onderwerp": "label", "Hoeveelheid": "value", "Soort": "measured"}


def _pairs(kind: str, values: dict) -> list:
    return [({"type": kind, "index": key}, value) for key, value in values.items()]


def _ids(kind: str, keys) -> list:
    return [({"type": kind, "index": key}, {"type": kind, "index": key}) for key in keys]


def _choices() -> dict:
    labels = {"Woningen": "residential", "Kantoren en winkels": "tertiary"}
    measured = {"gemeten": "measured", "doel": "planned"}
    return {
        '{"index":["ALL"],"type":"upload-step-role"}.id': _ids("upload-step-role", ROLES),
        '{"index":["ALL"],"type":"upload-step-role"}.data': _pairs("upload-step-role", ROLES),
        '{"index":["ALL"],"type":"upload-step-label"}.id': _ids("upload-step-label", labels),
        '{"index":["ALL"],"type":"upload-step-label"}.value': _pairs("upload-step-label", labels),
        '{"index":["ALL"],"type":"upload-step-measured"}.id': _ids("upload-step-measured", measured),
        '{"index":["ALL"],"type":"upload-step-measured"}.data': _pairs("upload-step-measured", measured),
        "upload-step-unit.value": "t CO2e", "upload-step-markers.value": "n.b.",
        "upload-file.contents": data_url(FIRST), "upload-file.filename": FIRST.name,
        "upload-config.data": CONFIG, "upload-decimal.data": "auto",
    }


def check_body(client, path):
    return callback_body(client, "upload-report.children", {
        "upload-meta.data": {"name": path.name, "size": 1}, "upload-kind.data": "indicators",
        "upload-decimal.data": "auto", "upload-new-indicators.data": "no", "upload-mapping-rows.data": [],
        "upload-file.contents": data_url(path), "upload-file.filename": path.name, "upload-config.data": CONFIG,
    }, "upload-meta.data")


def preview_body(client):
    return callback_body(client, "upload-step-preview.children", _choices(), "upload-step-unit.value")


def save_body(client, name="gemeente-export"):
    return callback_body(client, "upload-profile-saved.children", {
        **_choices(), "upload-step-save.n_clicks": 1, "upload-step-name.value": name}, "upload-step-save.n_clicks")


def values_body(client):
    return callback_body(client, "upload-step-values.children", {
        **_choices(), "upload-step.data": {"columns": list(ROLES), "distinct": {"Onderwerp": ["Woningen"]}},
    }, '{"index":["ALL"],"type":"upload-step-role"}.data')


database_url, programme_id, app = seeded_app_fixtures(programme_and_people)


def _profiles(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(ImportProfile)).scalar_one()


def test_every_mapping_step_callback_without_a_session_is_refused_and_saves_nothing(app, engine):
    client = app.server.test_client()
    before = row_counts(engine)
    for body in (values_body(client), preview_body(client), save_body(client)):
        assert post_callback(client, body).status_code == 401
    assert row_counts(engine) == before and _profiles(engine) == 0


def test_an_export_no_profile_knows_opens_the_mapping_step_with_guessed_roles(app):
    client = app.server.test_client()
    log_in(client, "ann")
    report = text_of(post_callback(client, check_body(client, FIRST), csrf_header(client)))
    assert "Describe this file's columns" in report
    assert "Sample values: Woningen, Kantoren en winkels" in report
    assert "upload-problems-heading" not in report  # no wall of errors: the step's preview instead
    assert "upload-step-problems" in report  # what is left to choose (the sectors' column, n.b.)


def test_the_preview_follows_the_choices_and_warns_of_an_incomplete_year(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    response = post_callback(client, preview_body(client), csrf_header(client))
    assert response.status_code == 200
    text = text_of(response)
    # 2022: residential 100 and tertiary 50; 2023: residential 90, tertiary n.b. (missing): 4 new
    assert "With these choices the file loads." in text and "4 new" in text
    assert "2023 would become incomplete: tertiary buildings missing" in text
    assert row_counts(engine)["observation"] == 0  # a dry run


def test_an_analyst_saves_the_profile_and_the_next_file_goes_straight_to_the_preview(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    response = post_callback(client, save_body(client), csrf_header(client))
    assert response.status_code == 200
    assert "Profile 'gemeente-export' saved." in text_of(response)
    with engine.connect() as conn:
        assert conn.execute(select(ImportProfile.created_by)).scalar_one() == "ann"
    report = text_of(post_callback(client, check_body(client, SECOND), csrf_header(client)))
    assert "Describe this file's columns" not in report
    assert "gemeente-export" in report and "No problems found." in report and "3 new" in report


def test_a_bad_profile_name_is_refused_in_words(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    text = text_of(post_callback(client, save_body(client, "!!"), csrf_header(client)))
    assert "Profile not saved:" in text and _profiles(engine) == 0


def test_choices_the_file_does_not_load_with_are_not_saved(app, engine):
    client = app.server.test_client()
    log_in(client, "ann")
    values = {**_choices(), "upload-step-save.n_clicks": 1, "upload-step-name.value": "gemeente-export",
              '{"index":["ALL"],"type":"upload-step-label"}.value': _pairs("upload-step-label", {
                  "Woningen": "residential", "Kantoren en winkels": ""})}
    body = callback_body(client, "upload-profile-saved.children", values, "upload-step-save.n_clicks")
    text = text_of(post_callback(client, body, csrf_header(client)))
    # 'Kantoren en winkels' (rows 3 and 5) is no label the loader knows: one problem, at its first row
    assert "Profile not saved: with these choices the file does not load yet (1 problem(s))" in text
    assert _profiles(engine) == 0


def test_the_upload_preview_warns_in_dutch_of_a_year_the_file_would_make_incomplete(app, engine, programme_id):
    from pipelines.load import load_file

    load_file(engine, programme_id, "indicators", DATA / "incomplete_base.csv")  # 2022 and 2023 complete
    client = app.server.test_client()
    log_in(client, "ann")
    body = check_body(client, DATA / "incomplete_next.csv")
    body["state"] = [{**s, "value": {"lang": "nl", "programme": "leuven"}} if s["id"] == "upload-config" else s
                     for s in body["state"]]
    text = text_of(post_callback(client, body, csrf_header(client)))
    # tertiary 2023 becomes '?', and 2024 has residential only: both years lack tertiary buildings
    assert "Onvolledige jaren" in text
    assert "2023 zou onvolledig worden: tertiaire gebouwen ontbreekt" in text
    assert "2024 zou onvolledig worden: tertiaire gebouwen ontbreekt" in text
    assert "Describe" not in text and "Beschrijf" not in text  # a file in the loader's own shape: no step


def test_a_file_that_is_no_table_gets_the_checks_own_words_not_the_step(app, tmp_path):
    path = tmp_path / "broken.xlsx"  # not a workbook: the reader refuses it
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    client = app.server.test_client()
    log_in(client, "ann")
    response = post_callback(client, check_body(client, path), csrf_header(client))
    assert response.status_code == 200
    text = text_of(response)
    assert "Describe this file's columns" not in text and "upload-checked-heading" in text
