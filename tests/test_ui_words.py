"""Words of the pages as people use them (issue 14): the audit log in sentences at local time,
plural forms, counting units and the demo's own texts in the page's language."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dashboard.data_texts import project_text, stored_text, unit_text
from dashboard.i18n import tn
from dashboard.workspace.common.local_time import local_when, zone
from dashboard.workspace.coordinate.audit_words import entry_text
from pipelines.demo import CCC_NAME, DEMO_PROGRAMME, DEMO_TEXTS


def test_a_target_change_is_a_sentence_with_both_values_in_words():
    # 78646 t written with the language's thousands mark; 60 % of the baseline left.
    assert entry_text("milestone", "milestone:total:2030", "absolute_t 78646", "residual_pct 60", "en") == (
        "Milestone for 2030 (whole programme) changed from 78,646 t CO₂e to 60 % of the baseline left")
    assert entry_text("target", "target:transport", None, "absolute_t 19003", "nl") == (
        "Doel (Transport) gezet op 19.003 t CO₂e")
    assert entry_text("commitment", "status", "planned", "achieved", "nl") == (
        "Status gewijzigd van Gepland naar Gerealiseerd")
    assert entry_text("target_set", "name", CCC_NAME, None, "nl") == (
        "Doelstelling ‘Klimaatstadcontract 2030’ verwijderd")


def test_log_times_are_shown_at_brussels_time_summer_and_winter():
    brussels = zone(None)
    # 10:30 UTC is 12:30 in July (CEST, UTC+2) and 11:30 in January (CET, UTC+1).
    assert local_when(datetime(2026, 7, 1, 10, 30, tzinfo=UTC), "en", brussels) == "1 July 2026, 12:30 CEST"
    assert local_when("2026-01-15 10:30:00", "nl", brussels) == "15 januari 2026, 11:30 CET"
    assert str(zone("Not/AZone")) == "Europe/Brussels"  # an unknown setting falls back


def test_plural_forms_are_words_not_slashes():
    assert tn("up_problems_heading", "nl", 1) == "1 probleem in het bestand"
    assert tn("up_problems_heading", "nl", 2) == "2 problemen in het bestand"
    assert tn("coord_not_saved", "en", 1) == "Nothing saved: 1 problem. Correct it and save again."


def test_counting_units_and_the_demos_texts_exist_in_both_languages():
    assert [unit_text(u, "nl") for u in ("connections", "homes", "installations", "persons")] == [
        "aansluitingen", "woningen", "installaties", "personen"]
    assert unit_text("MWh", "nl") == "MWh"  # physical units read the same
    # Klimaatmonitor's 'miljoen m3' in each language; a unit word after 'million' too.
    assert [unit_text("miljoen m3", lang) for lang in ("nl", "en", "fr")] == [
        "miljoen m3", "million m3", "millions de m3"]
    assert unit_text("million homes", "nl") == "miljoen woningen" and unit_text("miljoen", "en") == "miljoen"
    assert project_text(DEMO_PROGRAMME.scope_note, "nl").startswith("Territoriale uitstoot")
    assert [unit_text(u, "fr") for u in ("connections", "homes", "households")] == [
        "raccordements", "logements", "ménages"]
    for english, texts in DEMO_TEXTS.items():
        assert texts["nl"] and texts["fr"] and texts["en"] == english
    assert project_text(CCC_NAME, "fr") == "Contrat de ville climatique 2030"
    assert stored_text("Written by a partner", "nl") == "Written by a partner"  # as written


def test_the_log_page_reads_local_days_as_their_utc_moments(engine):
    """A change at 23:30 UTC on 30 June is on 1 July in Brussels (01:30 CEST): a day filter of
    1 July finds it, one of 30 June does not (on SQLite and PostgreSQL alike)."""
    from sqlalchemy import update

    from dashboard.workspace.coordinate.log_queries import log_rows
    from pipelines.audit import edit
    from pipelines.schema import AuditLog
    from tests.coordinate_support import commitment_id, seed_coordination

    programme_id = seed_coordination(engine)
    edit(engine, programme_id, "commitment", commitment_id(engine, "Green fleet"), {"status": "achieved"}, "cor")
    with engine.begin() as conn:
        conn.execute(update(AuditLog).values(changed_at=datetime(2026, 6, 30, 23, 30, tzinfo=UTC)))
    brussels = zone(None)
    july = log_rows(engine, programme_id, "cor", "commitment", date(2026, 7, 1), date(2026, 7, 1), brussels)
    assert sorted(july["field"]) == ["last_update", "status"]
    assert set(july["about"]) == {"Green fleet"}
    assert log_rows(engine, programme_id, "cor", "all", None, date(2026, 6, 30), brussels).empty
    assert log_rows(engine, programme_id, "ann", "all", None, None, brussels).empty  # ann changed nothing
    assert log_rows(engine, programme_id, "", "targets", None, None, brussels).empty  # no target changes


def test_the_import_history_shows_local_time_as_the_other_workspace_pages():
    from dashboard.workspace.imports.views import when

    # Stored 10:30 UTC (SQLite gives it back without a zone): 12:30 in Brussels in summer.
    assert when(datetime(2026, 7, 1, 10, 30), "en") == "1 July 2026, 12:30 CEST"
    assert when(datetime(2026, 12, 1, 10, 30, tzinfo=UTC), "nl") == "1 december 2026, 11:30 CET"
    assert when(None, "fr") == "–"
