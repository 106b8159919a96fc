"""Undoing partners imports: old values come back, added partners go, conflicts are refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pipelines import audit
from pipelines.errors import UserError
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import AuditLog, Partner
from pipelines.undo import undo_batch
from tests.conftest import DATA


def load(engine, programme_id, name, kind="partners", **options):
    return load_file(engine, programme_id, kind, DATA / name, options=LoadOptions(**options))


def undo(engine, batch_id: int, user: str = "undoer") -> None:
    undo_batch(engine, batch_id, user)


def snapshot(engine, programme_id) -> dict[str, tuple]:
    with engine.connect() as conn:
        rows = conn.execute(select(*Partner.__table__.c).where(Partner.programme_id == programme_id))
        return {r.name: (r.type, r.sector_code, r.joined_on, r.website, r.description) for r in rows}


def test_undo_of_an_update_restores_old_values_and_removes_added_partners(engine, programme_id):
    load(engine, programme_id, "partners_nl_semicolon_cp1252.csv")
    original = snapshot(engine, programme_id)
    update_batch = load(engine, programme_id, "partners_update.csv").batch_id

    undo(engine, update_batch)

    assert snapshot(engine, programme_id) == original  # website and type back; Energent gone
    with engine.connect() as conn:
        restores = conn.execute(
            select(AuditLog.field, AuditLog.old_value, AuditLog.new_value, AuditLog.changed_by)
            .where(AuditLog.batch_id == update_batch).order_by(AuditLog.id)
        ).all()
    # The batch's two changes, then their reversal (newest first), recorded under the batch.
    assert [tuple(r) for r in restores][2:] == [
        ("type", "civil_society", "residents", "undoer"),
        ("website", "https://www.kuleuven.be/energie", "https://www.kuleuven.be", "undoer"),
    ]


def test_undoing_later_imports_first_reverts_everything(engine, programme_id):
    first = load(engine, programme_id, "partners_nl_semicolon_cp1252.csv").batch_id
    second = load(engine, programme_id, "partners_update.csv").batch_id

    undo(engine, second)
    undo(engine, first)

    assert snapshot(engine, programme_id) == {}


def test_undo_is_refused_when_a_later_import_changed_a_partner_it_added(engine, programme_id):
    first = load(engine, programme_id, "partners_nl_semicolon_cp1252.csv").batch_id
    second = load(engine, programme_id, "partners_update.csv").batch_id
    before = snapshot(engine, programme_id)

    with pytest.raises(UserError) as refused:
        undo(engine, first)

    assert f"was changed since by batch {second}" in str(refused.value)
    assert f"is intussen gewijzigd door import {second}" in refused.value.in_language("nl")
    assert snapshot(engine, programme_id) == before


def test_undo_is_refused_when_a_partner_was_edited_by_hand_since(engine, programme_id):
    first = load(engine, programme_id, "partners_nl_semicolon_cp1252.csv").batch_id
    ku = select(Partner.id).where(Partner.name == "KU Leuven")
    with engine.connect() as conn:
        ku_id = conn.execute(ku).scalar_one()
    audit.edit(engine, programme_id, "partner", ku_id, {"website": "https://kuleuven.be"}, "coordinator1")

    with pytest.raises(UserError) as refused:
        undo(engine, first)

    assert "partner 'KU Leuven' was changed since by an edit by coordinator1" in str(refused.value)
    assert refused.value.in_language("nl").startswith(f"import {first} kan niet ongedaan gemaakt worden: ")
    assert len(snapshot(engine, programme_id)) == 4


def test_undo_is_refused_while_added_partners_have_commitments(engine, programme_id):
    first = load(engine, programme_id, "partners_nl_semicolon_cp1252.csv").batch_id
    load(engine, programme_id, "commitments_en_kt.csv", kind="commitments")

    with pytest.raises(UserError) as refused:
        undo(engine, first)

    assert "partner 'KU Leuven' has 1 commitment(s)" in str(refused.value)
    assert "partner 'KU Leuven' heeft intussen 1 engagement(en)" in refused.value.in_language("nl")
    assert len(snapshot(engine, programme_id)) == 4
