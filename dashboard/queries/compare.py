"""Read-only queries of the comparison page: every programme's yearly totals, sectors and status."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, Select, and_, func, select
from sqlalchemy.orm import aliased

from dashboard.queries._read import read_frame
from pipelines.schema import DerivedEmissions, DerivedSummary, Programme, TargetSet
from pipelines.vocab import TOTAL


def chosen_programmes(engine: Engine, slugs: tuple[str, ...]) -> pd.DataFrame:
    """The programmes of `slugs` (id, slug, name, baseline year), in no particular order."""
    p = Programme
    return read_frame(engine, select(p.id, p.slug, p.name, p.baseline_year).where(p.slug.in_(slugs)))


def yearly_totals(engine: Engine, programme_ids: tuple[int, ...] | None = None) -> pd.DataFrame:
    """Every programme's headline total per year (or only those of `programme_ids`): value, per
    inhabitant (None without a population), whether the year is complete and where the value comes from."""
    e = DerivedEmissions
    query = (select(e.programme_id, e.year, e.value_t, e.per_capita_t, e.complete, e.source)
             .where(e.sector_code == TOTAL).order_by(e.programme_id, e.year))
    if programme_ids is not None:
        query = query.where(e.programme_id.in_(programme_ids))
    return read_frame(engine, query)


def sector_values(engine: Engine, programme_ids: tuple[int, ...]) -> pd.DataFrame:
    """The sectors' yearly values (None where missing) of the programmes asked for."""
    e = DerivedEmissions
    query = (select(e.programme_id, e.year, e.sector_code, e.value_t)
             .where(e.sector_code != TOTAL, e.programme_id.in_(programme_ids))
             .order_by(e.programme_id, e.year))
    return read_frame(engine, query)


def primary_status(engine: Engine, programme_ids: tuple[int, ...] | None = None) -> pd.DataFrame:
    """Per programme with a primary target set (or only those of `programme_ids`): its status and
    progress toward that target."""
    s, ts = DerivedSummary, TargetSet
    query = (select(s.programme_id, s.status, s.summary, ts.name.label("target_name"), ts.target_year)
             .join(ts, ts.id == s.target_set_id)
             .where(ts.is_primary, s.sector_code == TOTAL))
    if programme_ids is not None:
        query = query.where(s.programme_id.in_(programme_ids))
    frame = read_frame(engine, query)
    summaries = frame.pop("summary") if "summary" in frame else pd.Series(dtype=object)
    frame["progress_pct"] = [_number((d or {}).get("progress_pct")) for d in summaries]
    frame["target_t"] = [_number((d or {}).get("target_t")) for d in summaries]
    return frame


def ranking(engine: Engine) -> pd.DataFrame:
    """Every programme: latest year, per inhabitant, change since its baseline (%), progress (%),
    by slug. One read (the page is shown with hundreds of programmes: each read costs more than its rows)."""
    return ranking_table(read_frame(engine, ranking_query()))


def ranking_query() -> Select:
    """Per programme: its name, slug and baseline year; its latest year with a total and that
    year's total, per inhabitant and completeness; its baseline year's total; its primary target
    set's summary (for the progress). Outer joins: a programme without any of them is still a row."""
    p, latest, base = Programme, aliased(DerivedEmissions), aliased(DerivedEmissions)
    e = DerivedEmissions
    latest_year = (select(func.max(e.year))
                   .where(e.programme_id == p.id, e.sector_code == TOTAL, e.value_t.is_not(None))
                   .correlate(p).scalar_subquery())
    primary = (select(DerivedSummary.programme_id, DerivedSummary.summary)
               .join(TargetSet, TargetSet.id == DerivedSummary.target_set_id)
               .where(TargetSet.is_primary, DerivedSummary.sector_code == TOTAL).subquery())
    return (
        select(p.name.label("programme"), p.slug, p.baseline_year, latest.year.label("latest_year"),
               latest.value_t, latest.per_capita_t, latest.complete, base.value_t.label("base_t"),
               primary.c.summary)
        .select_from(p)
        .outerjoin(latest, and_(latest.programme_id == p.id, latest.sector_code == TOTAL,
                                latest.year == latest_year))
        .outerjoin(base, and_(base.programme_id == p.id, base.sector_code == TOTAL,
                              base.year == p.baseline_year, base.value_t.is_not(None)))
        .outerjoin(primary, primary.c.programme_id == p.id)
        .order_by(p.slug)
    )


def ranking_table(rows: pd.DataFrame) -> pd.DataFrame:
    """`ranking` from the rows of `ranking_query` (the change needs a later year than the baseline's)."""
    table = pd.DataFrame([_ranking_row(r) for r in rows.itertuples(index=False)],
                         columns=["programme", "slug", "latest_year", "per_capita_t", "change_pct",
                                  "progress_pct", "complete"])
    table["progress_pct"] = pd.to_numeric(table["progress_pct"], errors="coerce").round(1)
    return table


def _ranking_row(r) -> dict:
    """One programme's ranking row (a tuple of `ranking_query`'s columns)."""
    progress = _number((r.summary or {}).get("progress_pct"))
    if pd.isna(r.latest_year):  # no total in any year
        return {"programme": r.programme, "slug": r.slug, "latest_year": None, "per_capita_t": None,
                "change_pct": None, "progress_pct": progress, "complete": None}
    year, base = int(r.latest_year), None if pd.isna(r.base_t) else float(r.base_t)
    change = round((float(r.value_t) - base) / base * 100, 1) if base and year > r.baseline_year else None
    return {"programme": r.programme, "slug": r.slug, "latest_year": year,
            "per_capita_t": round(float(r.per_capita_t), 2) if pd.notna(r.per_capita_t) else None,
            "change_pct": change, "progress_pct": progress, "complete": bool(r.complete)}


def _number(value) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None
