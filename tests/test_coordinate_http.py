"""The coordinators' pages over HTTP (no browser): every write callback refuses residents (401),
analysts (403) and requests without the CSRF token, and changes nothing; a coordinator's goes through.
A removal's "Yes" is such a write: posted directly, without the question, it is checked the same."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from dashboard.app import create_app
from pipelines.schema import TargetSet
from pipelines.settings import Settings
from pipelines.targets import add_target_set, set_milestone
from tests.auth_support import SECRET, csrf_header, log_in
from tests.coordinate_support import (
    SCRIPT_PARTNER,
    callback_body,
    commitment_id,
    database_rows,
    partner_id,
    seed_coordination,
)

CALLBACK = "/_dash-update-component"
STATE = {"lang": "en", "programme": None}
PAGES = ("/coordinate/commitments", "/coordinate/partners", "/coordinate/targets", "/coordinate/progress",
         "/coordinate/report")


def _coordination_with_a_second_set(engine) -> None:
    programme_id = seed_coordination(engine)
    add_target_set(engine, programme_id, "Covenant of Mayors", 2010, 2030, "reduction_pct", 55)
    set_milestone(engine, programme_id, "Covenant of Mayors", 2025, "reduction_pct", 40)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the coordination programme with a second target set (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, _coordination_with_a_second_set) as url:
        yield url


@pytest.fixture
def app(engine, database_url):
    return create_app(Settings(secret_key=SECRET, database_url=database_url), engine)


@pytest.fixture
def client(app):
    return app.server.test_client()


def _set_id(engine, name: str) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(TargetSet.id).where(TargetSet.name == name))


def removal_request(app, pending: dict) -> dict:
    """The "Yes" of a removal's question, about `pending` (what the page's Store would hold)."""
    t = "coord-targets-"
    return callback_body(app, f"{t}confirm-yes", {f"{t}pending.data": pending, f"{t}state.data": STATE,
                                                  f"{t}version.data": 0})


def write_requests(app, engine) -> dict[str, dict]:
    """One valid request per write callback of the coordinators' pages."""
    covenant = _set_id(engine, "Covenant of Mayors")
    c, p, t = "coord-commitments-", "coord-partners-", "coord-targets-"
    return {
        "commitment": callback_body(app, f"{c}save", {
            f"{c}selected.data": commitment_id(engine, "Collective renovation"),
            f"{c}field-status.data": "achieved", f"{c}field-progress_pct.value": "100",
            f"{c}field-target_year.value": "2028", f"{c}field-note.value": "done early",
            f"{c}state.data": STATE, f"{c}version.data": 0}),
        "partner": callback_body(app, f"{p}save", {
            f"{p}selected.data": partner_id(engine, SCRIPT_PARTNER), f"{p}field-type.data": "company",
            f"{p}field-sector_code.data": "transport", f"{p}field-website.value": "https://example.org",
            f"{p}field-description.value": "Bread by bike.", f"{p}state.data": STATE}),
        "target": callback_body(app, f"{t}target-save", {
            f"{t}set.data": str(covenant), f"{t}target-kind.data": "reduction_pct",
            f"{t}target-value.value": "60", f"{t}state.data": STATE}),
        "milestone": callback_body(app, f"{t}milestone-save", {
            f"{t}set.data": str(covenant), f"{t}milestone-year.value": "2020",
            f"{t}milestone-kind.data": "reduction_pct", f"{t}milestone-value.value": "25",
            f"{t}state.data": STATE}),
        "primary": callback_body(app, f"{t}primary-save", {f"{t}set.data": str(covenant), f"{t}state.data": STATE}),
        "new target set": callback_body(app, f"{t}new-save", {
            f"{t}new-name.value": "Mission 2035", f"{t}new-baseline-year.value": "2019",
            f"{t}new-target-year.value": "2035", f"{t}new-method.data": "linear",
            f"{t}new-kind.data": "residual_pct", f"{t}new-value.value": "10", f"{t}new-primary.data": "no",
            f"{t}state.data": STATE}),
        "rename": callback_body(app, f"{t}rename-save", {
            f"{t}set.data": str(covenant), f"{t}rename-name.value": "Covenant 2030", f"{t}state.data": STATE}),
        "remove target set": removal_request(app, {"set": covenant, "year": None, "sector": None}),
        "remove milestone": removal_request(app, {"set": covenant, "year": 2025, "sector": "total"}),
    }


WRITES = ("commitment", "partner", "target", "milestone", "primary", "new target set", "rename",
          "remove target set", "remove milestone")


@pytest.mark.parametrize("write", WRITES)
def test_write_callback_without_login_is_refused_with_401_and_changes_nothing(app, client, engine, write):
    body = write_requests(app, engine)[write]
    before = database_rows(engine)
    assert client.post(CALLBACK, json=body).status_code == 401
    assert database_rows(engine) == before


@pytest.mark.parametrize("write", WRITES)
def test_analyst_session_cannot_run_a_coordinator_write(app, client, engine, write):
    body = write_requests(app, engine)[write]
    log_in(client, "ann")
    before = database_rows(engine)
    assert client.post(CALLBACK, json=body, headers=csrf_header(client)).status_code == 403
    assert database_rows(engine) == before


@pytest.mark.parametrize("write", WRITES)
def test_coordinator_write_without_csrf_token_is_refused(app, client, engine, write):
    body = write_requests(app, engine)[write]
    log_in(client, "cor")
    before = database_rows(engine)
    assert client.post(CALLBACK, json=body).status_code == 400
    assert client.post(CALLBACK, json=body, headers={"X-CSRFToken": "forged"}).status_code == 400
    assert database_rows(engine) == before


@pytest.mark.parametrize("write", WRITES)
def test_coordinator_write_with_token_goes_through_and_is_logged(app, client, engine, write):
    body = write_requests(app, engine)[write]
    log_in(client, "cor")
    before = database_rows(engine)
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    assert response.status_code == 200, response.data
    after = database_rows(engine)
    assert after != before
    new_audit = after["audit_log"][len(before["audit_log"]):]
    assert new_audit and {row[7] for row in new_audit} == {"cor"}  # changed_by


def test_pages_redirect_residents_to_login_and_refuse_analysts(client):
    for path in PAGES:
        response = client.get(f"{path}?lang=nl")
        assert response.status_code == 303, path
        assert response.headers["Location"].startswith("/login?next=")
    log_in(client, "ann")
    assert {client.get(path).status_code for path in PAGES} == {403}
    log_in(client, "cor")
    assert {client.get(path).status_code for path in PAGES} == {200}


def test_reading_callbacks_refuse_residents(app, client, engine):
    bodies = [
        callback_body(app, "coord-commitments-state", {"coord-commitments-state.data": STATE},
                      "coord-commitments-table"),
        callback_body(app, "coord-commitments-state", {"coord-commitments-state.data": STATE},
                      "coord-commitments-log"),
        callback_body(app, "coord-progress-target", {"coord-progress-state.data": STATE}),
    ]
    for body in bodies:
        response = client.post(CALLBACK, json=body)
        assert response.status_code == 401
        assert "Green fleet" not in response.get_data(as_text=True)


def test_partner_name_with_script_is_sent_as_plain_text(app, client):
    log_in(client, "cor")
    body = callback_body(app, "coord-partners-state", {"coord-partners-state.data": STATE},
                         "coord-partners-table")
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    assert response.status_code == 200
    table = json.dumps(response.get_json()["response"]["coord-partners-table"]["children"])
    # A JSON string child (React renders it as text), never a component or raw markup.
    assert json.dumps(SCRIPT_PARTNER) in table
    assert '"type": "Script"' not in table


def test_removal_questions_are_asked_only_of_coordinators(app, client, engine):
    t = "coord-targets-"
    body = callback_body(app, f"{t}remove-ask", {f"{t}set.data": str(_set_id(engine, "Covenant of Mayors")),
                                                 f"{t}state.data": STATE})
    response = client.post(CALLBACK, json=body)
    assert response.status_code == 401 and "Covenant" not in response.get_data(as_text=True)
    log_in(client, "ann")
    assert client.post(CALLBACK, json=body, headers=csrf_header(client)).status_code == 403
    log_in(client, "cor")
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    assert response.status_code == 200
    question = json.dumps(response.get_json()["response"][f"{t}confirm"]["children"], ensure_ascii=False)
    assert "Remove the target set ‘Covenant of Mayors’ with its 1 target(s) and 1 milestone(s)?" in question


def test_a_posted_yes_cannot_remove_the_primary_set_or_another_programmes(app, client, engine):
    log_in(client, "cor")
    before = database_rows(engine)
    for pending in ({"set": _set_id(engine, "Climate neutrality"), "year": None, "sector": None},
                    {"set": 10_000, "year": None, "sector": None}, {"set": "1; DROP TABLE target_set"}):
        response = client.post(CALLBACK, json=removal_request(app, pending), headers=csrf_header(client))
        assert response.status_code == 200
        message = json.dumps(response.get_json()["response"]["coord-targets-remove-message"]["children"])
        assert "make another target set primary" in message or "no longer exists" in message
    assert database_rows(engine) == before


def test_a_typed_name_comes_back_as_text_never_markup(app, client, engine):
    t = "coord-targets-"
    name = "<img src=x onerror=alert(1)> Covenant"
    body = callback_body(app, f"{t}rename-save", {
        f"{t}set.data": str(_set_id(engine, "Covenant of Mayors")), f"{t}rename-name.value": name,
        f"{t}state.data": STATE})
    log_in(client, "cor")
    response = client.post(CALLBACK, json=body, headers=csrf_header(client))
    message = json.dumps(response.get_json()["response"][f"{t}rename-message"]["children"], ensure_ascii=False)
    # A JSON string child (React renders it as text), never a component or raw markup.
    assert json.dumps(f"‘Covenant of Mayors’ is now called ‘{name}’.", ensure_ascii=False) in message
    assert '"type": "Img"' not in message
    assert _set_id(engine, name) is not None



def test_a_save_redraws_only_the_forms_it_changed(app, client, engine):
    """The set's choice is drawn again after every save, and with it the forms used to be: a sector
    picked in the milestone form just after saving a target was undone when that redraw arrived."""
    covenant, t = str(_set_id(engine, "Covenant of Mayors")), "coord-targets-"
    log_in(client, "cor")

    def forms(drawn):
        body = callback_body(app, f"{t}set", {f"{t}set.data": covenant, f"{t}state.data": STATE,
                                               f"{t}drawn.data": drawn}, f"{t}milestone-form")
        response = client.post(CALLBACK, json=body, headers=csrf_header(client))
        assert response.status_code == 200, response.data
        shown = response.get_json()["response"]
        return {key.removeprefix(t) for key in shown if key != f"{t}drawn"}, shown[f"{t}drawn"]["data"]

    def save(button, values):
        body = callback_body(app, f"{t}{button}", {f"{t}set.data": covenant, f"{t}state.data": STATE, **values})
        response = client.post(CALLBACK, json=body, headers=csrf_header(client))
        assert response.status_code == 200 and "notice-ok" in response.get_data(as_text=True), response.data

    drawn_forms, drawn = forms(None)  # the set chosen: every form drawn
    assert drawn_forms == {"target-form", "milestone-form", "rename-form", "primary-form", "remove-form"}
    assert forms(drawn)[0] == set()  # the same set drawn again, nothing changed: no form redrawn
    save("target-save", {f"{t}target-sector.data": "transport", f"{t}target-kind.data": "absolute_t",
                         f"{t}target-value.value": "12000"})
    drawn_forms, drawn = forms(drawn)
    assert drawn_forms == set()  # a transport target shows in no form as drawn (they open on the whole programme)
    save("milestone-save", {f"{t}milestone-sector.data": "transport", f"{t}milestone-year.value": "2020",
                            f"{t}milestone-kind.data": "reduction_pct", f"{t}milestone-value.value": "25"})
    drawn_forms, drawn = forms(drawn)
    assert drawn_forms == {"milestone-form"}  # its list of milestones has the new one
    save("rename-save", {f"{t}rename-name.value": "Covenant 2030"})
    assert forms(drawn)[0] == {"target-form", "milestone-form", "rename-form", "primary-form", "remove-form"}
