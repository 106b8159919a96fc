"""The programmes in the database and the public history of their imports."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import Engine, func, select

from dashboard.queries._read import read_frame
from pipelines.schema import ImportBatch, Programme


def programmes(engine: Engine) -> pd.DataFrame:
    """Every programme (id, slug, name, area, baseline and target year, scope note), by slug."""
    query = select(
        Programme.id, Programme.slug, Programme.name, Programme.area_name,
        Programme.baseline_year, Programme.target_year, Programme.scope_note,
        Programme.population_indicator,
    ).order_by(Programme.slug)
    return read_frame(engine, query)


def import_history(engine: Engine, programme_id: int, limit: int = 50) -> pd.DataFrame:
    """The latest imports, public fields only: when, kind, file, rows, status, source (not who)."""
    query = (
        select(
            ImportBatch.created_at, ImportBatch.kind, ImportBatch.file_name,
            ImportBatch.rows_in_file, ImportBatch.rows_added, ImportBatch.rows_superseded,
            ImportBatch.status, ImportBatch.source,
        )
        .where(ImportBatch.programme_id == programme_id)
        .order_by(ImportBatch.created_at.desc(), ImportBatch.id.desc())
        .limit(limit)
    )
    return read_frame(engine, query)


def last_update(engine: Engine, programme_id: int) -> datetime | None:
    """When the programme's data last changed through an import (None before the first)."""
    query = select(func.max(ImportBatch.created_at)).where(
        ImportBatch.programme_id == programme_id, ImportBatch.status == "completed"
    )
    with engine.connect() as conn:
        return conn.scalar(query)


def provenance(engine: Engine, programme_id: int) -> dict:
    """Where the programme's numbers come from, for a printed report: its data version (changes
    with every write), the time of the last completed import and the sources the imports named."""
    with engine.connect() as conn:
        version = conn.scalar(select(Programme.data_version).where(Programme.id == programme_id))
        last = conn.scalar(select(func.max(ImportBatch.created_at)).where(
            ImportBatch.programme_id == programme_id, ImportBatch.status == "completed"))
        sources = conn.scalars(select(ImportBatch.source).where(
            ImportBatch.programme_id == programme_id, ImportBatch.status == "completed",
            ImportBatch.source.is_not(None)).distinct().order_by(ImportBatch.source)).all()
    return {"data_version": version, "last_import": last, "sources": [s for s in sources if s]}
