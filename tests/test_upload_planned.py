"""The upload page offers to keep planned rows as a target set; only a coordinator may (over HTTP)."""

from __future__ import annotations

import hashlib

from pipelines.targets import list_target_sets
from tests.auth_support import csrf_header, log_in, programme_and_people
from tests.upload_support import (
    callback_body,
    data_url,
    job_outcome,
    post_callback,
    row_counts,
    seeded_app_fixtures,
    text_of,
)

from .conftest import DATA

PLANNED = DATA / "ind_planned_target_set.csv"  # 4 measured rows, 6 planned (see test_load_planned_target_set)
CONFIG = {"lang": "en", "programme": "leuven"}


database_url, programme_id, app = seeded_app_fixtures(programme_and_people)


def check_body(client, name=None, source=PLANNED, config=CONFIG):
    meta = {"name": source.name, "size": source.stat().st_size}
    return callback_body(client, "upload-report.children", {
        "upload-meta.data": meta, "upload-kind.data": "indicators", "upload-decimal.data": "auto",
        "upload-new-indicators.data": "no", "upload-mapping-rows.data": [],
        "upload-planned-target-set.value": name,
        "upload-file.contents": data_url(source), "upload-file.filename": source.name,
        "upload-config.data": config,
    }, "upload-planned-target-set.value" if name else "upload-meta.data")


def confirm_body(client, checked):
    return callback_body(client, "upload-outcome.children", {
        "upload-confirm.n_clicks": 1, "upload-file.contents": data_url(PLANNED),
        "upload-file.filename": PLANNED.name, "upload-checked.data": checked, "upload-config.data": CONFIG,
    }, "upload-confirm.n_clicks")


def set_names(engine, programme_id) -> list[str]:
    return [s.name for s in list_target_sets(engine, programme_id)]


def test_a_check_without_a_name_offers_the_planned_rows_as_a_target_set(app):
    client = app.server.test_client()
    log_in(client, "ann")
    report = text_of(post_callback(client, check_body(client), csrf_header(client)))
    assert "4 new" in report
    assert "6 planned row(s) left out; to keep them as a target set, fill in a name above" in report


def test_an_analyst_may_not_keep_planned_rows_as_a_target_set(app, engine, programme_id):
    client = app.server.test_client()
    log_in(client, "ann")
    before = row_counts(engine)
    response = post_callback(client, check_body(client, "Klimaatplan"), csrf_header(client))
    assert "needs the coordinator role" in text_of(response)
    assert response.get_json()["response"]["upload-checked"]["data"] is None
    # Nor by sending choices the page never offered her: refused on the server at the import.
    checked = {"sha256": hashlib.sha256(PLANNED.read_bytes()).hexdigest(), "file_name": PLANNED.name,
               "choices": {"kind": "indicators", "planned_target_set": "Klimaatplan"}}
    imported = post_callback(client, confirm_body(client, checked), csrf_header(client))
    assert "needs the coordinator role" in text_of(imported)
    assert row_counts(engine) == before and "Klimaatplan" not in set_names(engine, programme_id)


def test_a_coordinator_checks_and_imports_the_planned_rows_as_a_target_set(app, engine, programme_id):
    client = app.server.test_client()
    log_in(client, "cor")
    checked = post_callback(client, check_body(client, "Klimaatplan"), csrf_header(client))
    report = text_of(checked)
    assert ("Planned rows would become target set ‘Klimaatplan’: baseline 2010, target 2040 0 t CO2e; "
            "milestones 2025 230,000 t, 2030 120,000 t.") in report
    assert "Klimaatplan" not in set_names(engine, programme_id)  # the check wrote nothing
    data = checked.get_json()["response"]["upload-checked"]["data"]
    assert data["choices"]["planned_target_set"] == "Klimaatplan"
    imported = job_outcome(client, post_callback(client, confirm_body(client, data), csrf_header(client)),
                           csrf_header(client))
    assert "Planned rows became target set ‘Klimaatplan’" in imported
    assert "Klimaatplan" in set_names(engine, programme_id)
    assert row_counts(engine)["current_observations"] == 4


def test_the_check_names_the_sectors_the_plan_gives_their_own_target_in_each_language(app, tmp_path):
    from tests.test_load_planned_target_set import SECTOR_PLAN

    source = tmp_path / "sector_plan.csv"
    source.write_text(SECTOR_PLAN, encoding="utf-8")
    client = app.server.test_client()
    log_in(client, "cor")
    said = {}
    for lang in ("en", "nl", "fr"):
        checked = post_callback(client, check_body(client, "Sectorplan", source, {**CONFIG, "lang": lang}),
                                csrf_header(client))
        said[lang] = text_of(checked)
    assert ("Sectors with their own target in 2030: Buildings 70,000 t, Residential buildings 70,000 t, "
            "Transport 30,000 t; 3 sector milestones.") in said["en"]
    assert ("Sectoren met een eigen doel in 2030: Gebouwen 70.000 t, Huishoudens 70.000 t, Transport 30.000 t; "
            "3 sectortussendoelen.") in said["nl"]
    assert ("Secteurs avec leur propre objectif en 2030\u00a0: Bâtiments 70\u202f000 t, Logements 70\u202f000 t, "
            "Transport 30\u202f000 t\u00a0; 3 jalons sectoriels.") in said["fr"]
