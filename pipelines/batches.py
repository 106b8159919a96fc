"""Import batches: the provenance record of every import, same-file detection and listing."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select, update

from pipelines.db import lock_programme  # noqa: F401  (the loaders take it from here)
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.schema import ImportBatch, utcnow


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
