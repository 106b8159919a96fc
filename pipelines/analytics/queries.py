"""Read what the analytics need for one programme: small, aggregated queries (no row dumps)."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Connection, select, text

from pipelines import clock
from pipelines.analytics.inputs import (
    AnalyticsInputs,
    HealthFacts,
    MilestoneSpec,
    TargetSetSpec,
    TargetSpec,
)
from pipelines.schema import Milestone, Programme, Target, TargetSet
from pipelines.vocab import TOTAL, emissions_indicator_code

# Current emissions values per indicator and year, aggregated in the database. It starts from the
# programme's few emissions indicators, so the partial unique index on current observations
# (indicator_id, period WHERE is_current) finds their rows however many other rows there are.
# The reported total (`emissions.total`, no sector) comes with them.
EMISSIONS_BY_INDICATOR_YEAR = """
SELECT i.id AS indicator_id, i.code AS code, i.sector_code AS sector_code, o.year AS year,
       COUNT(CASE WHEN o.month IS NULL THEN o.value END) AS yearly_values,
       SUM(CASE WHEN o.month IS NULL THEN o.value END) AS yearly_sum,
       MAX(CASE WHEN o.month IS NULL THEN o.missing_key END) AS yearly_key,
       COUNT(CASE WHEN o.month IS NOT NULL THEN o.value END) AS monthly_values,
       SUM(CASE WHEN o.month IS NOT NULL THEN o.value END) AS monthly_sum
FROM indicator i
JOIN observation o ON o.indicator_id = i.id AND o.is_current
WHERE i.programme_id = :programme_id AND i.kind = 'emissions'
  AND (i.sector_code IS NOT NULL OR i.code = :total_code)
  AND o.year <= :up_to_year
GROUP BY i.id, i.code, i.sector_code, o.year
"""

POPULATION = """
SELECT o.year AS year, o.value AS value
FROM indicator i
JOIN observation o ON o.indicator_id = i.id AND o.is_current
WHERE i.programme_id = :programme_id AND i.code = :code AND o.month IS NULL
  AND o.value IS NOT NULL AND o.year <= :up_to_year
"""

COMMITMENTS = """
SELECT c.id AS id, c.partner_id AS partner_id, p.name AS partner, c.title AS title,
       c.sector_code AS sector_code, c.reduction_t_per_year AS reduction_t_per_year,
       c.target_year AS target_year, c.status AS status, c.progress_pct AS progress_pct
FROM commitment c JOIN partner p ON p.id = c.partner_id
WHERE c.programme_id = :programme_id
ORDER BY c.id
"""

SUPERSEDED_EMISSIONS = """
SELECT COUNT(*) FROM indicator i
JOIN observation o ON o.indicator_id = i.id AND NOT o.is_current
WHERE i.programme_id = :programme_id AND i.kind = 'emissions'
"""

LAST_IMPORT = """
SELECT MAX(created_at) FROM import_batch
WHERE programme_id = :programme_id AND status = 'completed'
"""

NO_LIMIT_YEAR = 9999


def read_inputs(
    conn: Connection, programme_id: int, up_to_year: int | None = None,
    as_of_year: int | None = None,
) -> AnalyticsInputs:
    """Everything one programme's analysis needs; `up_to_year` keeps observations ≤ that year."""
    programme = conn.execute(select(Programme).where(Programme.id == programme_id)).one()
    params = {"programme_id": programme_id, "up_to_year": up_to_year or NO_LIMIT_YEAR}
    emissions = query_frame(
        conn, EMISSIONS_BY_INDICATOR_YEAR, {**params, "total_code": emissions_indicator_code(TOTAL)}
    )
    population = query_frame(
        conn, POPULATION, {**params, "code": programme.population_indicator or "population"}
    )
    return AnalyticsInputs(
        programme_id=programme_id,
        as_of_year=as_of_year or up_to_year or clock.today().year,
        sectors=query_frame(conn, "SELECT code, parent_code, sort_order, name_en FROM sector ORDER BY sort_order", {}),
        emissions=emissions,
        population=pd.Series(
            population["value"].to_numpy(float), index=population["year"].astype(int), dtype=float
        ),
        target_sets=read_target_sets(conn, programme_id),
        commitments=query_frame(conn, COMMITMENTS, params),
        health=HealthFacts(
            last_import_at=iso_utc(conn.execute(text(LAST_IMPORT), params).scalar()),
            superseded_values=int(conn.execute(text(SUPERSEDED_EMISSIONS), params).scalar() or 0),
        ),
        up_to_year=up_to_year,
    )


def read_target_sets(conn: Connection, programme_id: int) -> tuple[TargetSetSpec, ...]:
    """The programme's target sets with their targets and milestones, primary first."""
    sets = conn.execute(
        select(TargetSet).where(TargetSet.programme_id == programme_id)
        .order_by(TargetSet.is_primary.desc(), TargetSet.name)
    ).all()
    ids = [s.id for s in sets]
    targets = conn.execute(select(Target).where(Target.target_set_id.in_(ids))).all() if ids else []
    milestones = (
        conn.execute(select(Milestone).where(Milestone.target_set_id.in_(ids))).all() if ids else []
    )
    return tuple(
        TargetSetSpec(
            id=s.id, name=s.name, is_primary=bool(s.is_primary), baseline_year=s.baseline_year,
            target_year=s.target_year, pathway_method=s.pathway_method,
            targets=tuple(
                TargetSpec(t.sector_code, t.kind, float(t.value), t.baseline_t)
                for t in targets if t.target_set_id == s.id
            ),
            milestones=tuple(
                MilestoneSpec(m.sector_code, int(m.year), m.kind, float(m.value))
                for m in sorted(milestones, key=lambda m: m.year) if m.target_set_id == s.id
            ),
        )
        for s in sets
    )


def query_frame(conn: Connection, sql: str, params: dict) -> pd.DataFrame:
    result = conn.execute(text(sql), params)
    columns = list(result.keys())
    # Plain tuples: pandas inspects Row objects one by one, which costs more than the query.
    return pd.DataFrame.from_records([tuple(row) for row in result], columns=columns)


def iso_utc(value) -> str | None:
    """A timestamp as ISO 8601 UTC (SQLite hands back naive datetimes, stored as UTC)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()
