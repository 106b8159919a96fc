"""Undoing an import: who may, and the batch's rows withdrawn through its kind's own undo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, select, update

from pipelines import db
from pipelines.errors import Bilingual, UserError
from pipelines.load.kinds import import_kind
from pipelines.schema import ImportBatch, utcnow
from pipelines.unit_of_work import programme_write_in
from pipelines.users import role_allows


@dataclass
class BatchRecord:
    """The batch being undone, as the kind-specific undo functions receive it."""

    id: int
    programme_id: int
    kind: str
    file_name: str
    created_at: datetime
    status: str
    undone_by: str | None = None


def may_undo(created_by: str, user: str, role: str) -> bool:
    """Who may undo an import: an analyst their own, a coordinator or admin any."""
    return created_by == user or role_allows(role, "coordinator")


class UndoRefused(UserError):
    """The user's role does not allow undoing this batch (the web answers 403)."""


def undo_batch(engine: Engine, batch_id: int, user: str, programme_id: int | None = None,
               *, role: str | None = None) -> str:
    """Undo an import: its rows stop being current and what it replaced is restored.

    `role` is the logged-in user's role, checked with `may_undo` (UndoRefused); None is the
    command line, whose operator holds the database itself. Returns a one-line summary.
    Undoing a batch twice, or a batch of another programme, is a UserError. Derived tables are
    rebuilt in the same transaction.
    """
    with db.writing(engine) as conn, programme_write_in(conn, _programme_of(conn, batch_id)):
        batch = _batch(conn, batch_id, programme_id)  # read again under the programme's lock
        if role is not None and not may_undo(_created_by(conn, batch.id), user, role):
            raise UndoRefused(Bilingual(
                f"batch {batch.id} was imported by someone else: only a coordinator may undo it",
                f"import {batch.id} is door iemand anders gedaan: alleen een coördinator kan die ongedaan maken",
                f"l'import {batch.id} a été fait par quelqu'un d'autre : seul un coordinateur peut l'annuler"))
        batch.undone_by = user
        summary = import_kind(batch.kind).undo(conn, batch)
        conn.execute(
            update(ImportBatch).where(ImportBatch.id == batch.id)
            .values(status="undone", undone_by=user, undone_at=utcnow())
        )
    return (Bilingual(f"batch {batch.id} ({batch.kind}, {batch.file_name}) undone: ",
                      f"import {batch.id} ({batch.kind}, {batch.file_name}) ongedaan gemaakt: ",
                      f"import {batch.id} ({batch.kind}, {batch.file_name}) annulé : ")
            + summary + Bilingual(".", ".", "."))


def _created_by(conn: Connection, batch_id: int) -> str:
    return conn.scalar(select(ImportBatch.created_by).where(ImportBatch.id == batch_id)) or ""


def _programme_of(conn: Connection, batch_id: int) -> int:
    """The programme a batch belongs to (a missing batch is refused by `_batch`, with words)."""
    found = conn.scalar(select(ImportBatch.programme_id).where(ImportBatch.id == batch_id))
    if found is None:
        raise UserError(Bilingual(f"there is no batch {batch_id} (see `roadmap batches`)",
                                  f"er is geen import {batch_id}", f"il n'y a pas d'import {batch_id}"))
    return int(found)


def _batch(conn: Connection, batch_id: int, programme_id: int | None) -> BatchRecord:
    row = conn.execute(
        select(ImportBatch.id, ImportBatch.programme_id, ImportBatch.kind, ImportBatch.file_name,
               ImportBatch.created_at, ImportBatch.status).where(ImportBatch.id == batch_id)
    ).first()
    if row is None or (programme_id is not None and row.programme_id != programme_id):
        raise UserError(Bilingual(f"there is no batch {batch_id} (see `roadmap batches`)",
                                  f"er is geen import {batch_id}", f"il n'y a pas d'import {batch_id}"))
    if row.status == "undone":
        raise UserError(Bilingual(f"batch {batch_id} was already undone", f"import {batch_id} is al ongedaan gemaakt",
                                  f"l'import {batch_id} a déjà été annulé"))
    return BatchRecord(*row)
