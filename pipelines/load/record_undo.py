"""Undo a partners or commitments import: restore the fields it changed, delete the rows it added."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, delete, select, update

from pipelines.audit import record_change
from pipelines.errors import Bilingual, UserError
from pipelines.load.record_fields import from_text, to_text
from pipelines.load.records import RecordKind
from pipelines.schema import AuditLog, ImportBatch

_ENTITY_NL = {"partner": "partner", "commitment": "engagement"}
_ENTITY_FR = {"partner": "le partenaire", "commitment": "l'engagement"}
# Names the rows of another table that still need a row this batch added (None: nothing does).
Dependents = Callable[[Connection, int, str], Bilingual | None]


def undo_records(conn: Connection, batch, kind: RecordKind, dependents: Dependents | None = None) -> None:
    """Revert `batch` (an ImportBatch row) or refuse, naming every conflict, with a UserError.

    A field the batch changed is restored only if it still holds the batch's value; a row the
    batch added is deleted only if nothing has changed it since (edits, later imports that are
    not undone) and nothing depends on it. Undoing later batches first (last in, first out)
    therefore always works. The caller (pipelines.undo.undo_batch) marks the batch undone and
    rebuilds the derived tables in the same transaction.
    """
    audits = _batch_audits(conn, batch.id, kind.entity)
    created = _created_rows(conn, kind, batch)
    conflicts = _changed_since(conn, kind, audits) + _touched_since(conn, kind, batch.id, created)
    if dependents is not None:
        conflicts += [msg for ident, label in created if (msg := dependents(conn, ident, label))]
    if conflicts:
        raise UserError(Bilingual(f"batch {batch.id} cannot be undone: ", f"import {batch.id} kan niet ongedaan gemaakt worden: ",
                                  f"l'import {batch.id} ne peut pas être annulé : ")
                        + _listed(conflicts))
    user = getattr(batch, "undone_by", None) or "undo"
    _restore(conn, kind, batch, audits, user)
    ids = [ident for ident, _label in created]
    if ids:
        # Their audit rows go too: on SQLite a new row may reuse a deleted row's id.
        conn.execute(delete(AuditLog).where(AuditLog.entity == kind.entity, AuditLog.entity_id.in_(ids)))
        conn.execute(delete(kind.model).where(kind.model.id.in_(ids)))


def _batch_audits(conn: Connection, batch_id: int, entity: str) -> list:
    """The batch's field changes, newest first (so a field changed twice ends at the oldest value)."""
    return list(conn.execute(
        select(AuditLog.id, AuditLog.entity_id, AuditLog.field, AuditLog.old_value, AuditLog.new_value)
        .where(AuditLog.batch_id == batch_id, AuditLog.entity == entity)
        .order_by(AuditLog.id.desc())
    ).all())


def _created_rows(conn: Connection, kind: RecordKind, batch) -> list[tuple[int, str]]:
    model = kind.model
    rows = conn.execute(select(*model.__table__.c).where(model.batch_id == batch.id))
    return [(row.id, kind.label(row._mapping)) for row in rows]


def _listed(conflicts: list[Bilingual]) -> Bilingual:
    """The first five conflicts, and how many more."""
    shown = Bilingual("", "", "")
    for i, conflict in enumerate(conflicts[:5]):
        shown = shown + (Bilingual("; ", "; ", " ; ") if i else Bilingual("", "", "")) + conflict
    more = len(conflicts) - 5
    if more <= 0:
        return shown
    return shown + Bilingual(f"; and {more} more", f"; en nog {more}", f" ; et encore {more}")


def _current(conn: Connection, kind: RecordKind, ident: int):
    return conn.execute(select(*kind.model.__table__.c).where(kind.model.id == ident)).first()


def _changed_since(conn: Connection, kind: RecordKind, audits: list) -> list[Bilingual]:
    conflicts: list[Bilingual] = []
    for audit in audits:
        row = _current(conn, kind, audit.entity_id)
        if row is None:
            continue
        now = to_text(row._mapping[audit.field])
        if now != audit.new_value:
            label = kind.label(row._mapping)
            conflicts.append(Bilingual(
                f"{kind.entity} '{label}' has {audit.field} {now!r} since "
                f"(the batch set {audit.new_value!r}): change it back or undo the later change first",
                f"{_ENTITY_NL[kind.entity]} '{label}' heeft intussen {audit.field} {now!r} "
                f"(de import zette {audit.new_value!r}): zet het terug of maak eerst de latere wijziging ongedaan",
                f"{_ENTITY_FR[kind.entity]} « {label} » a entre-temps {audit.field} {now!r} "
                f"(l'import avait mis {audit.new_value!r}) : rétablissez la valeur ou annulez d'abord la modification ultérieure",
            ))
    return conflicts


def _touched_since(
    conn: Connection, kind: RecordKind, batch_id: int, created: list[tuple[int, str]]
) -> list[Bilingual]:
    """Rows the batch added that a hand edit or a later import (not undone) has changed."""
    if not created:
        return []
    labels = dict(created)
    live = select(ImportBatch.id).where(ImportBatch.status != "undone")
    rows = conn.execute(
        select(AuditLog.entity_id, AuditLog.batch_id, AuditLog.changed_by)
        .where(AuditLog.entity == kind.entity, AuditLog.entity_id.in_(list(labels)))
        .where(AuditLog.batch_id.is_(None) | (AuditLog.batch_id.in_(live) & (AuditLog.batch_id != batch_id)))
        .order_by(AuditLog.id)
    ).all()
    conflicts, seen = [], set()
    for ident, other_batch, who in rows:
        if ident in seen:
            continue
        seen.add(ident)
        by = (Bilingual(f"batch {other_batch}", f"import {other_batch}",
                        f"l'import {other_batch}") if other_batch is not None
              else Bilingual(f"an edit by {who}", f"een bewerking door {who}", f"une modification de {who}"))
        conflicts.append(Bilingual(f"{kind.entity} '{labels[ident]}' was changed since by ",
                                   f"{_ENTITY_NL[kind.entity]} '{labels[ident]}' is intussen gewijzigd door ",
                                   f"{_ENTITY_FR[kind.entity]} « {labels[ident]} » a été modifié entre-temps par ") + by)
    return conflicts


def _restore(conn: Connection, kind: RecordKind, batch, audits: list, user: str) -> None:
    model = kind.model
    for audit in audits:
        row = _current(conn, kind, audit.entity_id)
        if row is None:
            continue
        column = model.__table__.c[audit.field]
        old = from_text(audit.old_value, column.type.python_type)
        conn.execute(update(model).where(model.id == audit.entity_id).values({audit.field: old}))
        # Recorded under the undone batch, so later undo checks treat it like the batch itself.
        record_change(
            conn, batch.programme_id, kind.entity, audit.entity_id, audit.field,
            row._mapping[audit.field], old, user, batch.id,
        )
