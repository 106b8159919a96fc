"""Read-only queries of the coordinators' pages: rows to edit, their audit log, partners' progress.

These read non-public fields (notes, who changed what): only role-checked callbacks and routes
call them.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.queries._read import read_frame
from pipelines.audit import history
from pipelines.schema import Commitment, Partner

AUDIT_COLUMNS = ["id", "entity", "entity_id", "field", "old_value", "new_value", "changed_by", "changed_at"]


def commitments_to_edit(engine: Engine, programme_id: int) -> pd.DataFrame:
    """Every commitment with the fields coordinators keep up to date, by partner and title."""
    c, p = Commitment, Partner
    query = (
        select(
            c.id, p.name.label("partner"), c.title, c.sector_code, c.reduction_t_per_year,
            c.status, c.progress_pct, c.start_year, c.target_year, c.shape, c.note, c.last_update,
        )
        .join(p, p.id == c.partner_id)
        .where(c.programme_id == programme_id)
        .order_by(p.name, c.title)
    )
    return read_frame(engine, query)


def partners_to_edit(engine: Engine, programme_id: int) -> pd.DataFrame:
    """Every partner with its type, sector, website and description, by name."""
    query = (
        select(Partner.id, Partner.name, Partner.type, Partner.sector_code, Partner.website,
               Partner.description)
        .where(Partner.programme_id == programme_id)
        .order_by(Partner.name)
    )
    return read_frame(engine, query)


def audit_log(
    engine: Engine, programme_id: int, entities: tuple[str, ...], entity_id: int | None = None,
    limit: int = 50,
) -> pd.DataFrame:
    """The latest audit rows of these entities (of one of them when `entity_id`), newest first."""
    with engine.connect() as conn:
        entries = [
            entry
            for entity in entities
            for entry in history(conn, programme_id, entity, entity_id, limit=limit)
        ]
    entries.sort(key=lambda entry: entry.id, reverse=True)
    rows = [{column: getattr(entry, column) for column in AUDIT_COLUMNS} for entry in entries[:limit]]
    # object dtype: an empty old value stays None (pandas 3 would make the text columns NaN).
    return pd.DataFrame(rows, columns=AUDIT_COLUMNS, dtype=object)


def commitments_of_partners(engine: Engine, programme_id: int) -> pd.DataFrame:
    """Commitments with what per-partner progress needs (partner, reduction, status, progress)."""
    c, p = Commitment, Partner
    query = (
        select(
            c.id, c.partner_id, p.name.label("partner"), c.title, c.reduction_t_per_year,
            c.status, c.progress_pct, c.target_year,
        )
        .join(p, p.id == c.partner_id)
        .where(c.programme_id == programme_id)
        .order_by(p.name, c.title)
    )
    return read_frame(engine, query)
