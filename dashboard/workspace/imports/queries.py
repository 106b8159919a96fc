"""Read-only queries of the import history page: the batches, who owns one, and the rows of one."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, String, cast, func, select

from pipelines.batches import list_batches
from pipelines.schema import AuditLog, Commitment, ImportBatch, Indicator, Observation, Partner

ROWS_SHOWN = 500


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: str
    file_name: str
    created_by: str
    status: str


@dataclass(frozen=True)
class BatchRows:
    """Rows of one batch (at most ROWS_SHOWN) and how many there are in all."""

    rows: pd.DataFrame
    total: int
    changes: pd.DataFrame  # partners and commitments: fields the batch changed (the audit log)
    changes_total: int


def batches(engine: Engine, programme_id: int) -> pd.DataFrame:
    """Every import of the programme, newest first (pipelines.batches.list_batches)."""
    return list_batches(engine, programme_id)


def batch_info(engine: Engine, programme_id: int, batch_id: int) -> BatchInfo | None:
    """The batch `batch_id` if it belongs to the programme, else None."""
    with engine.connect() as conn:
        row = conn.execute(
            select(ImportBatch.id, ImportBatch.kind, ImportBatch.file_name, ImportBatch.created_by,
                   ImportBatch.status)
            .where(ImportBatch.id == batch_id, ImportBatch.programme_id == programme_id)
        ).first()
    return None if row is None else BatchInfo(*row)


def batch_rows(engine: Engine, batch: BatchInfo, limit: int = ROWS_SHOWN) -> BatchRows:
    if batch.kind == "indicators":
        return _observations(engine, batch.id, limit)
    return _records(engine, batch, limit)


def _observations(engine: Engine, batch_id: int, limit: int) -> BatchRows:
    """The values the batch stored, current or not (superseded later, or withdrawn by an undo)."""
    query = (
        select(Indicator.code.label("indicator"), Observation.period, Observation.value, Indicator.unit,
               Observation.missing_key, Observation.original_value, Observation.original_unit,
               Observation.is_current, Observation.superseded_by_batch_id.label("replaced_by"))
        .join(Indicator, Indicator.id == Observation.indicator_id)
        .where(Observation.batch_id == batch_id)
        .order_by(Indicator.code, Observation.year, Observation.month)
        .limit(limit)
    )
    count = select(func.count()).select_from(Observation).where(Observation.batch_id == batch_id)
    with engine.connect() as conn:
        result = conn.execute(query)
        frame = pd.DataFrame(result.all(), columns=list(result.keys()))
        total = conn.scalar(count)
    return BatchRows(frame, int(total), pd.DataFrame(), 0)


def _records(engine: Engine, batch: BatchInfo, limit: int) -> BatchRows:
    """Partners or commitments the batch added, and the fields it changed on existing ones."""
    if batch.kind == "partners":
        added = select(Partner.name.label("key"), Partner.type.label("detail")).where(Partner.batch_id == batch.id)
        count = select(func.count()).select_from(Partner).where(Partner.batch_id == batch.id)
        entity, model, label = "partner", Partner, Partner.name
    else:
        added = (select((Partner.name + " / " + Commitment.title).label("key"), Commitment.status.label("detail"))
                 .join(Partner, Partner.id == Commitment.partner_id).where(Commitment.batch_id == batch.id))
        count = select(func.count()).select_from(Commitment).where(Commitment.batch_id == batch.id)
        entity, model, label = "commitment", Commitment, Commitment.title
    changes = (
        select(func.coalesce(label, "#" + cast(AuditLog.entity_id, String)).label("key"),
               AuditLog.field, AuditLog.old_value, AuditLog.new_value)
        .outerjoin(model, model.id == AuditLog.entity_id)
        .where(AuditLog.batch_id == batch.id, AuditLog.entity == entity)
        .order_by(AuditLog.id).limit(limit)
    )
    changes_count = select(func.count()).select_from(AuditLog).where(
        AuditLog.batch_id == batch.id, AuditLog.entity == entity)
    with engine.connect() as conn:
        rows = conn.execute(added.order_by("key").limit(limit))
        frame = pd.DataFrame(rows.all(), columns=list(rows.keys()))
        changed = conn.execute(changes)
        change_frame = pd.DataFrame(changed.all(), columns=list(changed.keys()))
        total, changes_total = conn.scalar(count), conn.scalar(changes_count)
    return BatchRows(frame, int(total), change_frame, int(changes_total))
