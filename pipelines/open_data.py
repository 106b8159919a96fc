"""Read-only tables for open data: emissions with their provenance, observations with their history."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, func, select

from pipelines.flags import holds
from pipelines.schema import (
    DerivedEmissions,
    DerivedProgress,
    ImportBatch,
    Indicator,
    Milestone,
    Observation,
    Target,
    TargetSet,
)
from pipelines.vocab import SECTOR_BY_CODE, TOTAL, emissions_indicator_code

EMISSIONS_COLUMNS = (
    "year", "sector", "value_t_co2e", "basis", "complete", "sectors_included", "per_capita_t_co2e",
    "reported_total_t_co2e", "source", "batch_ids",
)
OBSERVATION_COLUMNS = (
    "indicator", "period", "year", "month", "value", "unit", "missing_key", "original_value",
    "original_unit", "source", "batch_id", "file_name", "imported_at",
)
HISTORY_COLUMNS = ("is_current", "superseded_by_batch_id")
REPORTED_TOTAL_CODE = emissions_indicator_code(TOTAL)

# How a row's value came about (the `basis` column).
MEASURED = "measured"  # the sector's own series
SUM_OF_SUBSECTORS = "sum_of_subsectors"  # a top-level sector without its own series
SUM_OF_SECTORS = "sum_of_sectors"  # a total adding up the sectors
REPORTED_TOTAL = "reported_total"  # a total taken from the reported total series


@dataclass
class _Provenance:
    sources: set[str]
    batches: set[int]


def _provenance(engine: Engine, programme_id: int) -> dict[tuple[str, int], _Provenance]:
    """Per (emissions indicator's sector code, or 'total' for the reported total; year)."""
    o, i = Observation, Indicator
    query = (
        select(i.code, i.sector_code, o.year, func.coalesce(o.source, ImportBatch.source), o.batch_id)
        .join(o, o.indicator_id == i.id)
        .join(ImportBatch, ImportBatch.id == o.batch_id)
        .where(i.programme_id == programme_id, i.kind == "emissions", holds(o.is_current),
               o.value.is_not(None))
        .distinct()
    )
    found: dict[tuple[str, int], _Provenance] = defaultdict(lambda: _Provenance(set(), set()))
    with engine.connect() as conn:
        for code, sector, year, source, batch in conn.execute(query):
            name = TOTAL if code == REPORTED_TOTAL_CODE else sector
            if name is None:
                continue
            key = (name, int(year))
            if source:
                found[key].sources.add(source)
            found[key].batches.add(int(batch))
    return found


def _children(sector: str) -> list[str]:
    return [s.code for s in SECTOR_BY_CODE.values() if s.parent == sector]


def _basis_and_sources(
    row, provenance: dict[tuple[str, int], _Provenance]
) -> tuple[str | None, _Provenance]:
    year, sector = int(row.year), row.sector_code
    if sector == TOTAL:
        if row.source == "reported":  # the analytics took the year's reported total
            return REPORTED_TOTAL, provenance.get((TOTAL, year), _Provenance(set(), set()))
        parts = [p for (code, y), p in provenance.items() if y == year and code != TOTAL]
        return SUM_OF_SECTORS, _merge(parts)
    own = provenance.get((sector, year))
    if own is not None:
        return MEASURED, own
    parts = [provenance[(c, year)] for c in _children(sector) if (c, year) in provenance]
    return (SUM_OF_SUBSECTORS if parts else None), _merge(parts)


def _merge(parts: list[_Provenance]) -> _Provenance:
    return _Provenance(set().union(*(p.sources for p in parts)), set().union(*(p.batches for p in parts)))


def emissions_table(engine: Engine, programme_id: int) -> list[dict]:
    """Yearly emissions per sector and in total (t CO2e) from the derived table, with provenance.

    One row per derived row (EMISSIONS_COLUMNS): the same numbers the dashboard charts, plus how
    each came about (`basis`), the sources and the import batches of the values behind it.
    """
    e = DerivedEmissions
    query = (
        select(e.year, e.sector_code, e.value_t, e.complete, e.sectors_included, e.per_capita_t,
               e.source, e.reported_total_t)
        .where(e.programme_id == programme_id)
        .order_by(e.year, e.sector_code)
    )
    with engine.connect() as conn:
        rows = conn.execute(query).all()
    provenance = _provenance(engine, programme_id)
    table = []
    for row in rows:
        basis, prov = _basis_and_sources(row, provenance)
        table.append({
            "year": int(row.year), "sector": row.sector_code, "value_t_co2e": row.value_t,
            "basis": basis, "complete": bool(row.complete), "sectors_included": row.sectors_included,
            "per_capita_t_co2e": row.per_capita_t, "reported_total_t_co2e": row.reported_total_t,
            "source": "; ".join(sorted(prov.sources)) or None,
            "batch_ids": " ".join(str(b) for b in sorted(prov.batches)) or None,
        })
    return table


def _utc_text(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC (SQLite hands back stored UTC times without their zone)."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).isoformat()


def _observation_query(programme_id: int, history: bool, indicator: str | None):
    o, i, b = Observation, Indicator, ImportBatch
    columns = [
        i.code.label("indicator"), o.period, o.year, o.month, o.value, i.unit, o.missing_key,
        o.original_value, o.original_unit, func.coalesce(o.source, b.source).label("source"),
        o.batch_id, b.file_name, b.created_at.label("imported_at"),
    ]
    if history:
        columns += [o.is_current, o.superseded_by_batch_id]
    query = (
        select(*columns).join(i, i.id == o.indicator_id).join(b, b.id == o.batch_id)
        .where(o.programme_id == programme_id)
    )
    if not history:
        query = query.where(holds(o.is_current))
    if indicator is not None:
        query = query.where(i.code == indicator)
    return query


def count_observations(
    engine: Engine, programme_id: int, *, history: bool = False, indicator: str | None = None
) -> int:
    """How many observations `observations` pages through."""
    query = _observation_query(programme_id, history, indicator).subquery()
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(query)) or 0)


def observations(
    engine: Engine, programme_id: int, *, history: bool = False, indicator: str | None = None,
    limit: int | None = None, offset: int = 0,
) -> list[dict]:
    """Current observations (or every stored version) with provenance, in canonical units.

    Never who imported (a person's name is not public): the file, its batch, when and the source.
    """
    query = _observation_query(programme_id, history, indicator).order_by(
        Indicator.code, Observation.period, Observation.batch_id, Observation.id
    ).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    out = []
    for row in rows:
        item = dict(row)
        item["imported_at"] = _utc_text(row["imported_at"])
        if history:
            item["is_current"] = bool(row["is_current"])
        out.append(item)
    return out


def targets_document(engine: Engine, programme_id: int) -> list[dict]:
    """Every target set with its targets, milestones and yearly pathways (t CO2e) per sector."""
    with engine.connect() as conn:
        t = TargetSet
        sets = conn.execute(
            select(t.id, t.name, t.is_primary, t.baseline_year, t.target_year, t.pathway_method,
                   t.description)
            .where(t.programme_id == programme_id).order_by(t.is_primary.desc(), t.name)
        ).all()
        targets = conn.execute(
            select(Target.target_set_id, Target.sector_code, Target.kind, Target.value, Target.baseline_t)
            .join(TargetSet, TargetSet.id == Target.target_set_id)
            .where(TargetSet.programme_id == programme_id).order_by(Target.sector_code)
        ).all()
        milestones = conn.execute(
            select(Milestone.target_set_id, Milestone.sector_code, Milestone.year, Milestone.kind,
                   Milestone.value)
            .join(TargetSet, TargetSet.id == Milestone.target_set_id)
            .where(TargetSet.programme_id == programme_id)
            .order_by(Milestone.sector_code, Milestone.year)
        ).all()
        pathways = conn.execute(
            select(DerivedProgress.target_set_id, DerivedProgress.sector_code, DerivedProgress.year,
                   DerivedProgress.pathway_t)
            .where(DerivedProgress.programme_id == programme_id, DerivedProgress.pathway_t.is_not(None))
            .order_by(DerivedProgress.sector_code, DerivedProgress.year)
        ).all()
    out = []
    for s in sets:
        paths: dict[str, list[dict]] = defaultdict(list)
        for p in pathways:
            if p.target_set_id == s.id:
                paths[p.sector_code].append({"year": int(p.year), "pathway_t_co2e": p.pathway_t})
        out.append({
            "id": s.id, "name": s.name, "is_primary": bool(s.is_primary),
            "baseline_year": s.baseline_year, "target_year": s.target_year,
            "pathway_method": s.pathway_method, "description": s.description,
            "targets": [{"sector": t.sector_code, "kind": t.kind, "value": t.value,
                         "published_baseline_t_co2e": t.baseline_t}
                        for t in targets if t.target_set_id == s.id],
            "milestones": [{"sector": m.sector_code, "year": m.year, "kind": m.kind, "value": m.value}
                           for m in milestones if m.target_set_id == s.id],
            "pathways": [{"sector": sector, "values": values} for sector, values in paths.items()],
        })
    return out


def sources_and_period(engine: Engine, programme_id: int) -> tuple[list[str], int | None, int | None, datetime | None]:
    """The distinct sources of the current values, their first and last year, the last import."""
    o, b = Observation, ImportBatch
    with engine.connect() as conn:
        own = conn.execute(
            select(o.source).where(o.programme_id == programme_id, holds(o.is_current),
                                   o.source.is_not(None), o.source != "").distinct()
        ).scalars().all()
        batches = conn.execute(
            select(b.source).where(b.programme_id == programme_id, b.status == "completed",
                                   b.source.is_not(None), b.source != "").distinct()
        ).scalars().all()
        first, last = conn.execute(
            select(func.min(o.year), func.max(o.year))
            .where(o.programme_id == programme_id, holds(o.is_current))
        ).one()
        modified = conn.scalar(select(func.max(b.created_at)).where(
            b.programme_id == programme_id, b.status == "completed"))
    if modified is not None and modified.tzinfo is None:
        modified = modified.replace(tzinfo=UTC)
    return sorted({s for s in (*own, *batches) if s}), first, last, modified
