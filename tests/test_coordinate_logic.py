"""The coordinators' pages without a browser: form checks, edits through the audit log, per-partner
progress, data health, overdue commitments (numbers from tests/coordinate_support.py, by hand)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard.context import ProgrammeInfo
from dashboard.workspace.coordinate.progress import health_state, partner_progress
from dashboard.workspace.coordinate.queries import audit_log
from dashboard.workspace.coordinate.state import CoordinatorState, coordinator_state
from dashboard.workspace.coordinate.target_removal import (
    PendingRemoval,
    removal_question,
    remove_pending,
)
from dashboard.workspace.coordinate.target_views import set_names_of_rows
from dashboard.workspace.coordinate.targets import (
    read_milestone,
    read_new_set,
    read_rename,
    read_target,
    save_rename,
    save_target,
)
from dashboard.workspace.coordinate.views import partner_view
from pipelines.analytics.inputs import TargetSetSpec, TargetSpec
from pipelines.audit import edit
from pipelines.errors import UserError, ValidationFailed
from pipelines.field_checks import FieldProblem, InvalidFields
from pipelines.targets import add_target_set, list_target_sets, set_milestone, set_target
from tests.coordinate_support import SCRIPT_PARTNER, commitment_id, database_rows, seed_coordination

NEUTRAL = TargetSetSpec(1, "Climate neutrality", True, 2010, 2030, "linear",
                        (TargetSpec("total", "residual_pct", 0.0),))


def _info(programme_id: int) -> ProgrammeInfo:
    return ProgrammeInfo(programme_id, "leuven", "Leuven 2030", "Leuven", 2010, 2030, None, None)


def _primary(engine, programme_id: int) -> int:
    return list_target_sets(engine, programme_id)[0].id


def _problems(error: InvalidFields, lang: str = "en") -> dict[str, str]:
    return {p.field: p.text(lang) for p in error.problems}


def test_target_form_reports_every_problem_at_once():
    with pytest.raises(InvalidFields) as caught:
        read_target({"kind": "residual_pct", "value": "150", "baseline_t": "abc"}, "en")
    assert _problems(caught.value) == {"value": "a percentage from 0 to 100", "baseline_t": "a number (e.g. 55 or 55.5)"}
    assert [(p.code, p.field, p.value) for p in caught.value.problems] == [
        ("percent", "value", "150"), ("number", "baseline_t", "abc")]


def test_target_form_reads_dutch_decimals_and_thousands():
    # '17,5' is 17.5 in any language; '457.501' is ambiguous and read with Dutch marks: 457,501 t.
    found = read_target({"kind": "residual_pct", "value": "17,5", "baseline_t": "457.501"}, "nl")
    assert (found.value, found.baseline_t) == (17.5, 457_501.0)


def test_new_target_set_needs_a_target_year_after_its_baseline_year_and_a_new_name():
    form = {"name": "climate neutrality", "baseline_year": "2030", "target_year": "2020", "method": "linear",
            "kind": "reduction_pct", "value": "abc", "primary": "no"}
    with pytest.raises(InvalidFields) as caught:
        read_new_set(form, "en", ("Climate neutrality",))
    assert set(_problems(caught.value)) == {"name", "target_year", "value"}
    assert _problems(caught.value)["target_year"] == "a year after the baseline year 2030"


def test_milestone_must_lie_between_the_sets_years():
    with pytest.raises(InvalidFields) as caught:
        read_milestone({"year": "2030", "kind": "absolute_t", "value": "1000"}, "nl", NEUTRAL)
    assert _problems(caught.value, "nl") == {"year": "een jaar na 2010 en voor 2030"}
    assert read_milestone({"year": "2025", "kind": "absolute_t", "value": "-7275"}, "en", NEUTRAL).value == -7275


def test_new_name_must_be_short_enough_and_no_other_sets_in_any_case():
    covenant = TargetSetSpec(2, "Covenant of Mayors", False, 2010, 2030, "linear")
    existing = ("Climate neutrality", "Covenant of Mayors")
    for text, expected in (("  ", "een naam van 1 tot 200 tekens"), ("x" * 201, "een naam van 1 tot 200 tekens"),
                           ("climate  NEUTRALITY", "een naam die nog niet bestaat ('Climate neutrality' bestaat al)")):
        with pytest.raises(InvalidFields) as caught:
            read_rename(text, covenant, existing)
        assert _problems(caught.value, "nl") == {"name": expected}
    assert read_rename(" COVENANT of  Mayors ", covenant, existing) == "COVENANT of Mayors"


def _with_covenant(engine) -> tuple[int, dict[str, TargetSetSpec]]:
    """The seed plus "Covenant of Mayors" (55 % reduction) with a 2020 milestone (50 % reduction)."""
    programme_id = seed_coordination(engine)
    add_target_set(engine, programme_id, "Covenant of Mayors", 2010, 2030, "reduction_pct", 55)
    set_milestone(engine, programme_id, "Covenant of Mayors", 2020, "reduction_pct", 50)
    return programme_id, {s.name: s for s in list_target_sets(engine, programme_id)}


def test_renaming_to_the_same_name_is_nothing_changed_and_unlogged(engine):
    programme_id, sets = _with_covenant(engine)
    before = database_rows(engine)
    assert save_rename(engine, programme_id, sets["Covenant of Mayors"], " Covenant of Mayors", "en", "cor") is None
    assert database_rows(engine) == before
    assert save_rename(engine, programme_id, sets["Covenant of Mayors"], "Covenant 2030", "en", "cor") == "Covenant 2030"
    log = audit_log(engine, programme_id, ("target_set",))
    assert (log["old_value"][0], log["new_value"][0], log["changed_by"][0]) == ("Covenant of Mayors", "Covenant 2030", "cor")


def test_the_question_names_exactly_what_would_go_in_both_languages(engine):
    programme_id, sets = _with_covenant(engine)
    covenant, neutral = sets["Covenant of Mayors"], sets["Climate neutrality"]
    all_sets = tuple(sets.values())
    assert removal_question(PendingRemoval(covenant.id), all_sets, "en") == (
        "Remove the target set ‘Covenant of Mayors’ with its 1 target(s) and 1 milestone(s)? This cannot be undone.")
    assert removal_question(PendingRemoval(covenant.id, 2020, "total"), all_sets, "nl") == (
        "Het tussendoel 2020 (hele programma) van ‘Covenant of Mayors’ verwijderen: 50 % minder dan het basisjaar?")
    with pytest.raises(UserError, match="‘Climate neutrality’ is the primary target set: make another"):
        removal_question(PendingRemoval(neutral.id), all_sets, "en")
    for gone in (PendingRemoval(covenant.id, 2021, "total"), PendingRemoval(999), None):
        with pytest.raises(UserError, match="This row no longer exists"):
            removal_question(gone, all_sets, "en")


def test_a_confirmed_removal_removes_only_what_was_asked_and_a_stale_one_nothing(engine):
    programme_id, sets = _with_covenant(engine)
    all_sets = tuple(sets.values())
    milestone = PendingRemoval(sets["Covenant of Mayors"].id, 2020, "total")
    done = remove_pending(engine, programme_id, milestone, all_sets, "en", "cor")
    assert done == "Milestone 2020 (whole programme) of ‘Covenant of Mayors’ removed; it was: 50 % below the baseline."
    after = {s.name: s for s in list_target_sets(engine, programme_id)}
    assert after["Covenant of Mayors"].milestones == () and len(after) == 2
    before = database_rows(engine)
    with pytest.raises(UserError, match="no total milestone in 2020"):  # the page showed it still
        remove_pending(engine, programme_id, milestone, all_sets, "en", "cor")
    with pytest.raises(UserError, match="primary target set"):
        remove_pending(engine, programme_id, PendingRemoval(sets["Climate neutrality"].id), all_sets, "en", "cor")
    assert database_rows(engine) == before


def test_a_pending_removal_is_read_only_from_the_shapes_the_page_stores():
    assert PendingRemoval.from_data({"set": 3, "year": None, "sector": None}) == PendingRemoval(3)
    assert PendingRemoval.from_data({"set": 3, "year": 2020, "sector": "total"}) == PendingRemoval(3, 2020, "total")
    for data in ({"set": "3"}, {"set": True}, {"set": 3, "year": "2020", "sector": "total"},
                 {"set": 3, "year": 2020, "sector": None}, [3], None):
        assert PendingRemoval.from_data(data) is None, data


def test_log_rows_of_a_removed_set_keep_its_name_when_a_new_set_gets_its_id():
    # SQLite may give a removed set's id to the next set: rows older than the removal are the old set's.
    log = pd.DataFrame([
        {"entity": "target_set", "entity_id": 2, "field": "name", "old_value": None, "new_value": "Mission 2035"},
        {"entity": "target_set", "entity_id": 2, "field": "name", "old_value": "Covenant", "new_value": None},
        {"entity": "target", "entity_id": 2, "field": "target:total", "old_value": "reduction_pct 55", "new_value": None},
        {"entity": "target", "entity_id": 1, "field": "target:total", "old_value": None, "new_value": "residual_pct 0"},
    ], dtype=object)
    assert set_names_of_rows(log, {1: "Climate neutrality", 2: "Mission 2035"}) == [
        "Mission 2035", "Covenant", "Covenant", "Climate neutrality"]


def test_pipeline_refuses_a_residual_percentage_above_100(engine):
    programme_id = seed_coordination(engine)
    before = database_rows(engine)
    with pytest.raises(InvalidFields) as caught:
        set_target(engine, programme_id, "Climate neutrality", "total", "residual_pct", 150)
    assert caught.value.problems == [FieldProblem("percent", "value", "150")]
    assert database_rows(engine) == before


def test_saving_an_unchanged_target_writes_no_audit_row(engine):
    programme_id = seed_coordination(engine)
    neutral = list_target_sets(engine, programme_id)[0]
    form = {"kind": "residual_pct", "value": "0", "baseline_t": ""}
    assert save_target(engine, programme_id, neutral, form, "en", "cor") is None
    changed = save_target(engine, programme_id, neutral, {**form, "value": "10"}, "en", "cor")
    assert changed.value == 10
    log = audit_log(engine, programme_id, ("target",))
    assert list(log["field"]) == ["target:total"] and list(log["new_value"]) == ["residual_pct 10"]


def test_invalid_commitment_edit_saves_nothing_and_names_each_field(engine):
    programme_id = seed_coordination(engine)
    before = database_rows(engine)
    with pytest.raises(ValidationFailed) as caught:
        edit(engine, programme_id, "commitment", commitment_id(engine, "Green fleet"),
             {"status": "finished", "progress_pct": "150", "target_year": "20x5"}, "cor")
    assert {p.column for p in caught.value.problems} == {"status", "progress_pct", "target_year"}
    assert database_rows(engine) == before


def test_status_edit_is_logged_and_moves_the_gap(engine):
    programme_id = seed_coordination(engine)
    renovation = commitment_id(engine, "Collective renovation")
    changed = edit(engine, programme_id, "commitment", renovation, {"status": "Achieved", "note": "Done"}, "cor")
    assert changed["status"] == ("planned", "achieved")
    log = audit_log(engine, programme_id, ("commitment",), renovation)
    assert log.loc[log["field"] == "note", "old_value"].tolist() == [None]  # shown as "–", never "nan"
    assert ("status", "planned", "achieved", "cor") in set(
        zip(log["field"], log["old_value"], log["new_value"], log["changed_by"], strict=True))
    # Rebuilt at once: achieved 10 + 30 = 40 kt, nothing planned any more.
    state = coordinator_state(engine, _info(programme_id), _primary(engine, programme_id), date(2026, 11, 21))
    commitments = state.summary["commitments"]
    assert (commitments["achieved_reduction_t"], commitments["planned_reduction_t"]) == (40_000, 0)


def test_partner_progress_counts_achieved_and_done_share_of_work_in_progress():
    commitments = pd.DataFrame({
        "partner": ["A", "A", "B", "C", "C"],
        "reduction_t_per_year": [10_000, 5_000, 20_000, 30_000, 8_000],
        "status": ["achieved", "delayed", "in_progress", "planned", "withdrawn"],
        "progress_pct": [100, 20, 50, None, 90],
        "target_year": [2022, 2023, 2026, 2028, 2020],
    })
    table = partner_progress(commitments, 2026).set_index("partner")
    # A: committed 10 + 5 = 15 kt, delivered 10 (delayed work is not counted) = 66.7 %, 1 overdue.
    # B: 20 kt, delivered 20 × 50 % = 10 kt. C: 30 kt (withdrawn 8 kt left out), delivered 0.
    assert table.loc["A", ["committed_t", "delivered_t", "delivered_pct", "overdue"]].tolist() == [15_000, 10_000, 66.7, 1]
    assert table.loc["B", ["committed_t", "delivered_t"]].tolist() == [20_000, 10_000]
    assert table.loc["C", ["committed_t", "delivered_t", "overdue"]].tolist() == [30_000, 0, 0]
    assert list(table.index) == ["C", "B", "A"]  # the largest commitment first


def test_health_state_flags_late_series_gaps_and_empty_indicators():
    assert health_state(0, None, [], 2026) == "no_values"
    assert health_state(10, 2023, [], 2026) == "late"  # published about two years late: 2024 is due
    assert health_state(10, 2024, [2015], 2026) == "gaps"
    assert health_state(15, 2024, [], 2026) == "ok"


def test_coordinator_state_of_the_seed(engine):
    programme_id = seed_coordination(engine)
    state = coordinator_state(engine, _info(programme_id), _primary(engine, programme_id), date(2026, 11, 21))
    # The stored summary counts overdue as of the year it was computed (this year, 2026 or later):
    # "Green fleet" (delayed, due 2023) is overdue, "Campus heat pumps" (achieved) never is.
    assert "Green fleet" in set(state.overdue["title"])
    assert "Campus heat pumps" not in set(state.overdue["title"])
    partners = state.partners.set_index("partner")
    assert partners.loc[SCRIPT_PARTNER, "delivered_pct"] == 50.0
    health = state.health.set_index("code")
    assert health.loc["emissions.residential", "state"] == "ok"
    assert health.loc["emissions.waste", "state"] == "no_values"


def test_partner_chart_shows_the_fifteen_largest_and_the_table_every_partner():
    # 20 partners committing 1..20 kt each: the chart keeps 20 down to 6 kt, the table all 20.
    commitments = pd.DataFrame({
        "partner": [f"P{i:02d}" for i in range(1, 21)], "reduction_t_per_year": [i * 1000 for i in range(1, 21)],
        "status": ["planned"] * 20, "progress_pct": [None] * 20, "target_year": [2030] * 20,
    })
    state = CoordinatorState(programme=_info(1), target_id=None, summary={},
                             partners=partner_progress(commitments, 2026), overdue=pd.DataFrame(),
                             health=pd.DataFrame(), as_of_year=2026)
    view = partner_view(state, "en")
    assert len(view.table) == 20
    assert view.figure["data"][0]["y"] == [f"P{i:02d}" for i in range(20, 5, -1)]
    assert view.figure["data"][0]["x"][0] == 20.0 and "15 largest" in view.summary
