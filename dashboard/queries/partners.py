"""Partners and their commitments, filtered and searched in the database."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from sqlalchemy import Engine, func, or_, select

from dashboard.queries._read import read_frame
from pipelines.schema import Commitment, Partner


def commitments(
    engine: Engine,
    programme_id: int,
    *,
    partner_types: Sequence[str] = (),
    sectors: Sequence[str] = (),
    statuses: Sequence[str] = (),
    search: str | None = None,
) -> pd.DataFrame:
    """Every commitment with its partner, narrowed by type, sector, status and a search text."""
    c, p = Commitment, Partner
    query = (
        select(
            c.id, c.partner_id, p.name.label("partner"), p.type.label("partner_type"),
            c.title, c.description, c.sector_code, c.reduction_t_per_year, c.target_year,
            c.status, c.progress_pct, c.last_update, c.url,
        )
        .join(p, p.id == c.partner_id)
        .where(c.programme_id == programme_id)
        .order_by(p.name, c.title)
    )
    if partner_types:
        query = query.where(p.type.in_(list(partner_types)))
    if sectors:
        query = query.where(or_(c.sector_code.in_(list(sectors)), p.sector_code.in_(list(sectors))))
    if statuses:
        query = query.where(c.status.in_(list(statuses)))
    term = (search or "").strip().lower()
    if term:
        query = query.where(
            or_(
                func.lower(p.name).contains(term, autoescape=True),
                func.lower(c.title).contains(term, autoescape=True),
                func.lower(func.coalesce(c.description, "")).contains(term, autoescape=True),
                func.lower(func.coalesce(p.description, "")).contains(term, autoescape=True),
            )
        )
    return read_frame(engine, query)


def partners(
    engine: Engine, programme_id: int, partner_ids: Sequence[int] | None = None
) -> pd.DataFrame:
    """Partners (all, or those given) with their type, sector, joined date, website and story."""
    query = (
        select(
            Partner.id, Partner.name, Partner.type, Partner.sector_code, Partner.joined_on,
            Partner.website, Partner.description,
        )
        .where(Partner.programme_id == programme_id)
        .order_by(Partner.name)
    )
    if partner_ids is not None:
        query = query.where(Partner.id.in_(list(partner_ids)))
    return read_frame(engine, query)


def commitment_totals(engine: Engine, programme_id: int) -> pd.DataFrame:
    """Per status: number of commitments and their committed reduction (t CO2e per year)."""
    c = Commitment
    query = (
        select(
            c.status, func.count().label("count"),
            func.coalesce(func.sum(c.reduction_t_per_year), 0.0).label("reduction_t"),
        )
        .where(c.programme_id == programme_id)
        .group_by(c.status)
    )
    return read_frame(engine, query)
