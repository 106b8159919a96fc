"""Coordinators' edits of commitments and partners (audited), and undoing commitments imports."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from pipelines import audit
from pipelines.errors import UserError, ValidationFailed
from pipelines.schema import AuditLog, Commitment, Partner
from pipelines.themes import define_themes
from tests.conftest import leuven, leuven_id
from tests.test_load_commitments import THEMES, load
from tests.test_load_partners_undo import undo

ARENBERG = ("KU Leuven", "Renovatie campus Arenberg")


def _leuven_with_commitments(engine) -> None:
    """Partners (4), themes (2), and the first commitments file (3 commitments)."""
    programme_id = leuven(engine)
    load(engine, programme_id, "partners_nl_semicolon_cp1252.csv", kind="partners")
    define_themes(engine, programme_id, THEMES)
    load(engine, programme_id, "commitments_nl_semicolon_bom.csv")


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with partners, themes and the first commitments (seeded once)."""
    with seeded_databases.fresh(request.param, tmp_path, _leuven_with_commitments) as url:
        yield url


@pytest.fixture
def loaded(engine) -> int:
    return leuven_id(engine)


@pytest.fixture(params=["sqlite", "postgresql"])
def bare_engine(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 without data (`engine` holds the loaded seed here)."""
    with seeded_databases.engine(request.param, tmp_path, leuven) as engine:
        yield engine


def commitment(engine, partner: str, title: str):
    query = (
        select(*Commitment.__table__.c).join(Partner, Partner.id == Commitment.partner_id)
        .where(Partner.name == partner, Commitment.title == title)
    )
    with engine.connect() as conn:
        return conn.execute(query).one()


def test_edit_accepts_values_as_typed_and_audits_each_change(engine, loaded):
    arenberg = commitment(engine, *ARENBERG)

    changed = audit.edit(engine, loaded, "commitment", arenberg.id,
                         {"status": "Vertraagd", "progress_pct": "47,5", "note": "Vergunning"}, "coord")

    after = commitment(engine, *ARENBERG)
    assert (after.status, after.progress_pct, after.note) == ("delayed", 47.5, "Vergunning")
    assert after.last_update == date.today()  # a status change by hand is today's update
    assert changed == {
        "status": ("in_progress", "delayed"), "progress_pct": ("45.5", "47.5"),
        "note": (None, "Vergunning"), "last_update": ("2024-01-15", date.today().isoformat()),
    }
    with engine.connect() as conn:
        entries = audit.history(conn, loaded, "commitment", arenberg.id)
    assert [(e.field, e.changed_by, e.batch_id) for e in entries] == [
        ("last_update", "coord", None), ("note", "coord", None),
        ("progress_pct", "coord", None), ("status", "coord", None),
    ]


def test_edit_with_bad_values_reports_each_and_changes_nothing(engine, loaded):
    arenberg = commitment(engine, *ARENBERG)

    with pytest.raises(ValidationFailed) as failed:
        audit.edit(engine, loaded, "commitment", arenberg.id,
                   {"status": "misschien", "progress_pct": 140, "target_year": "30"}, "coord")

    assert [(p.column, p.value) for p in failed.value.problems] == [
        ("status", "misschien"), ("progress_pct", "140"), ("target_year", "30"),
    ]
    assert commitment(engine, *ARENBERG) == arenberg


def test_edit_of_an_unchanged_value_writes_no_audit_row(engine, loaded):
    arenberg = commitment(engine, *ARENBERG)

    assert audit.edit(engine, loaded, "commitment", arenberg.id, {"progress_pct": 45.5}, "coord") == {}
    with engine.connect() as conn:
        assert conn.execute(select(AuditLog.id)).first() is None


def test_fields_that_are_not_editable_and_duplicate_names_are_refused(engine, loaded):
    arenberg = commitment(engine, *ARENBERG)
    with pytest.raises(UserError, match="field 'partner_id' cannot be edited"):
        audit.edit(engine, loaded, "commitment", arenberg.id, {"partner_id": 1}, "coord")
    with pytest.raises(UserError, match="no partner #9999"):
        audit.edit(engine, loaded, "partner", 9999, {"name": "X"}, "coord")
    with engine.connect() as conn:
        city = conn.execute(select(Partner.id).where(Partner.name == "Stad Leuven")).scalar_one()

    with pytest.raises(ValidationFailed) as failed:
        audit.edit(engine, loaded, "partner", city, {"name": "ku leuven"}, "coord")

    assert failed.value.problems[0].expected == "a name no other partner has"


def test_undo_of_a_commitments_update_restores_every_field(engine, loaded):
    before = commitment(engine, *ARENBERG)
    batch = load(engine, loaded, "commitments_update.csv").batch_id

    undo(engine, batch)

    assert commitment(engine, *ARENBERG) == before  # status, progress, date and note restored


def test_undo_is_refused_when_a_coordinator_changed_the_field_since(engine, loaded):
    batch = load(engine, loaded, "commitments_update.csv").batch_id
    arenberg = commitment(engine, *ARENBERG)
    audit.edit(engine, loaded, "commitment", arenberg.id, {"status": "achieved"}, "coord")

    with pytest.raises(UserError) as refused:
        undo(engine, batch)

    assert "has status 'achieved' since (the batch set 'delayed')" in str(refused.value)
    assert commitment(engine, *ARENBERG).status == "achieved"


def test_undo_of_the_first_commitments_import_removes_them_but_keeps_partners(bare_engine):
    engine, programme_id = bare_engine, leuven_id(bare_engine)
    load(engine, programme_id, "partners_nl_semicolon_cp1252.csv", kind="partners")
    define_themes(engine, programme_id, THEMES)
    first = load(engine, programme_id, "commitments_nl_semicolon_bom.csv").batch_id
    second = load(engine, programme_id, "commitments_update.csv").batch_id

    undo(engine, second)
    undo(engine, first)

    with engine.connect() as conn:
        assert conn.execute(select(Commitment.id)).first() is None
        assert len(conn.execute(select(Partner.id)).all()) == 4
