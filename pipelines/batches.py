"""Import batches: the provenance record of every import, same-file detection, listing and undo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select, text, update

from pipelines import db
from pipelines.db import lock_programme  # noqa: F401  (the loaders take it from here)
from pipelines.errors import Bilingual, UserError
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.schema import ImportBatch, utcnow
from pipelines.unit_of_work import programme_write_in
from pipelines.users import role_allows


def previous_load(conn: Connection, programme_id: int, kind: str, sha256: str) -> int | None:
    """The batch that already loaded this exact file (same bytes, kind, programme; not undone)."""
    return conn.execute(
        select(ImportBatch.id).where(
            ImportBatch.programme_id == programme_id, ImportBatch.kind == kind,
            ImportBatch.sha256 == sha256, ImportBatch.status == "completed",
        ).order_by(ImportBatch.id)
    ).scalars().first()


def start_batch(conn: Connection, programme_id: int, kind: str, raw, options: LoadOptions) -> int:
    """Insert the batch row first (its rows reference it); finish_batch fills in the counts."""
    return conn.execute(
        insert(ImportBatch).values(
            programme_id=programme_id, kind=kind, file_name=raw.file_name[:500], sha256=raw.sha256,
            created_by=options.user, created_at=utcnow(), status="completed",
            source=options.source, report={"detected": _jsonable(raw.detected)},
        ).returning(ImportBatch.id)
    ).scalar_one()


def finish_batch(conn: Connection, result: LoadResult, **more) -> None:
    """Counts, what was detected and the warnings (and `more` columns) on the batch row."""
    conn.execute(
        update(ImportBatch).where(ImportBatch.id == result.batch_id).values(
            **more, rows_in_file=result.rows_in_file, rows_added=result.added,
            rows_superseded=result.superseded, rows_unchanged=result.unchanged,
            rows_skipped=result.skipped,
            report={"detected": _jsonable(result.detected), "warnings": list(result.warnings)},
        )
    )


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def list_batches(engine: Engine, programme_id: int) -> pd.DataFrame:
    """Every batch of a programme, newest first."""
    columns = [
        ImportBatch.id, ImportBatch.kind, ImportBatch.file_name, ImportBatch.created_at,
        ImportBatch.created_by, ImportBatch.status, ImportBatch.rows_in_file,
        ImportBatch.rows_added, ImportBatch.rows_superseded, ImportBatch.rows_unchanged,
        ImportBatch.rows_skipped, ImportBatch.undone_by, ImportBatch.undone_at,
        ImportBatch.sha256, ImportBatch.source, ImportBatch.report,
    ]
    with engine.connect() as conn:
        rows = conn.execute(
            select(*columns).where(ImportBatch.programme_id == programme_id).order_by(ImportBatch.id.desc())
        ).all()
    return pd.DataFrame(rows, columns=[c.key for c in columns])


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
                f"import {batch.id} is door iemand anders gedaan: alleen een coördinator kan die ongedaan maken"))
        batch.undone_by = user
        if batch.kind == "indicators":
            summary = _undo_observations(conn, batch)
        else:
            summary = _undo_records(conn, batch)
        conn.execute(
            update(ImportBatch).where(ImportBatch.id == batch.id)
            .values(status="undone", undone_by=user, undone_at=utcnow())
        )
    return (Bilingual(f"batch {batch.id} ({batch.kind}, {batch.file_name}) undone: ",
                      f"import {batch.id} ({batch.kind}, {batch.file_name}) ongedaan gemaakt: ")
            + summary + Bilingual(".", "."))


def _created_by(conn: Connection, batch_id: int) -> str:
    return conn.scalar(select(ImportBatch.created_by).where(ImportBatch.id == batch_id))


def _programme_of(conn: Connection, batch_id: int) -> int:
    """The programme a batch belongs to (a missing batch is refused by `_batch`, with words)."""
    found = conn.scalar(select(ImportBatch.programme_id).where(ImportBatch.id == batch_id))
    if found is None:
        raise UserError(Bilingual(f"there is no batch {batch_id} (see `roadmap batches`)",
                                  f"er is geen import {batch_id}"))
    return int(found)


def _batch(conn: Connection, batch_id: int, programme_id: int | None) -> BatchRecord:
    row = conn.execute(
        select(ImportBatch.id, ImportBatch.programme_id, ImportBatch.kind, ImportBatch.file_name,
               ImportBatch.created_at, ImportBatch.status).where(ImportBatch.id == batch_id)
    ).first()
    if row is None or (programme_id is not None and row.programme_id != programme_id):
        raise UserError(Bilingual(f"there is no batch {batch_id} (see `roadmap batches`)",
                                  f"er is geen import {batch_id}"))
    if row.status == "undone":
        raise UserError(Bilingual(f"batch {batch_id} was already undone", f"import {batch_id} is al ongedaan gemaakt"))
    return BatchRecord(*row)


def _undo_observations(conn: Connection, batch: BatchRecord) -> str:
    """Retire the batch's values and restore the ones it superseded.

    Where a later batch has since replaced the batch's value, that later value stays current
    and inherits the batch's predecessor, so undoing the later batch too restores it.
    """
    params = {"b": batch.id, "f": False, "t": True}
    later = (
        "SELECT mine.superseded_by_batch_id FROM observation mine WHERE mine.batch_id = :b"
        " AND mine.indicator_id = observation.indicator_id AND mine.period = observation.period"
        " AND mine.superseded_by_batch_id IS NOT NULL"
    )
    conn.execute(
        text(f"UPDATE observation SET superseded_by_batch_id = ({later}) "
             f"WHERE superseded_by_batch_id = :b AND EXISTS ({later})"),
        params,
    )
    retired = conn.execute(
        text("UPDATE observation SET is_current = :f WHERE batch_id = :b AND is_current"), params
    ).rowcount
    restored = conn.execute(
        text(
            "UPDATE observation SET is_current = :t, superseded_by_batch_id = NULL "
            "WHERE superseded_by_batch_id = :b AND batch_id IN "
            "(SELECT id FROM import_batch WHERE status = 'completed')"
        ),
        params,
    ).rowcount
    return Bilingual(f"{retired} value(s) withdrawn, {restored} earlier value(s) restored",
                     f"{retired} waarde(n) ingetrokken, {restored} eerdere waarde(n) teruggezet")


def _undo_records(conn: Connection, batch: BatchRecord) -> str:
    if batch.kind == "partners":
        from pipelines.load import partners as module
    elif batch.kind == "commitments":
        from pipelines.load import commitments as module
    else:
        raise UserError(f"batch {batch.id} has an unknown kind {batch.kind!r}")
    module.undo(conn, batch)
    return Bilingual(f"{batch.kind} restored to before the import", f"{batch.kind} teruggezet zoals vóór de import")
