"""Target sets, the derived progress series and the status summaries of a programme."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.queries._read import read_frame
from pipelines.schema import (
    DerivedEmissions,
    DerivedProgress,
    DerivedSummary,
    Milestone,
    TargetSet,
)
from pipelines.vocab import TOTAL


def target_sets(engine: Engine, programme_id: int) -> pd.DataFrame:
    """The programme's target sets, the primary one first."""
    query = (
        select(
            TargetSet.id, TargetSet.name, TargetSet.is_primary, TargetSet.baseline_year,
            TargetSet.target_year, TargetSet.pathway_method, TargetSet.description,
        )
        .where(TargetSet.programme_id == programme_id)
        .order_by(TargetSet.is_primary.desc(), TargetSet.name)
    )
    return read_frame(engine, query)


def milestones(engine: Engine, target_set_id: int, sector_code: str = TOTAL) -> pd.DataFrame:
    """A target set's interim milestones for one sector (year, kind, value), by year."""
    query = (
        select(Milestone.year, Milestone.kind, Milestone.value)
        .where(Milestone.target_set_id == target_set_id, Milestone.sector_code == sector_code)
        .order_by(Milestone.year)
    )
    return read_frame(engine, query)


def progress_series(
    engine: Engine, programme_id: int, target_set_id: int, sector_code: str = TOTAL
) -> pd.DataFrame:
    """Per year: actual, pathway, gap, progress, projection with its interval, with commitments,
    and whether the year's value is complete (and where it comes from, what it includes)."""
    p, e = DerivedProgress, DerivedEmissions
    query = (
        select(
            p.year, p.actual_t, p.pathway_t, p.gap_t, p.progress_pct, p.projected_t,
            p.projected_low_t, p.projected_high_t, p.with_commitments_t,
            e.complete, e.source, e.sectors_included,
        )
        .outerjoin(e, (e.programme_id == p.programme_id) & (e.year == p.year)
                   & (e.sector_code == p.sector_code))
        .where(
            p.programme_id == programme_id, p.target_set_id == target_set_id,
            p.sector_code == sector_code,
        )
        .order_by(p.year)
    )
    return read_frame(engine, query)


def summary(
    engine: Engine, programme_id: int, target_set_id: int, sector_code: str = TOTAL
) -> dict:
    """The headline numbers of one target set and sector ({} when not computed yet)."""
    s = DerivedSummary
    query = select(s.status, s.summary, s.computed_at).where(
        s.programme_id == programme_id, s.target_set_id == target_set_id,
        s.sector_code == sector_code,
    )
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        return {}
    out = dict(row.summary) if isinstance(row.summary, dict) else {}
    out.setdefault("status", row.status)
    out["computed_at"] = row.computed_at
    return out


def sector_summaries(engine: Engine, programme_id: int, target_set_id: int) -> pd.DataFrame:
    """Status summary of every sector that has one (sector_code, status, summary)."""
    s = DerivedSummary
    query = select(s.sector_code, s.status, s.summary).where(
        s.programme_id == programme_id, s.target_set_id == target_set_id, s.sector_code != TOTAL
    )
    return read_frame(engine, query)


def emissions_by_sector(engine: Engine, programme_id: int) -> pd.DataFrame:
    """Yearly emissions (t CO2e) per sector and in total, with what the totals include, whether
    they are complete, and the reported total (and whether it stands as the year's total)."""
    e = DerivedEmissions
    query = (
        select(e.year, e.sector_code, e.value_t, e.sectors_included, e.complete,
               e.reported_total_t, e.source)
        .where(e.programme_id == programme_id)
        .order_by(e.year, e.sector_code)
    )
    return read_frame(engine, query)
