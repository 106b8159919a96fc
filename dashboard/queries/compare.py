"""Read-only queries of the comparison page: every programme's yearly totals, sectors and status."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.queries._read import read_frame
from pipelines.schema import DerivedEmissions, DerivedSummary, TargetSet
from pipelines.vocab import TOTAL


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
    """Every programme: latest year, per inhabitant, change since its baseline (%), progress (%)."""
    from dashboard.queries.meta import programmes as read_programmes

    return ranking_table(read_programmes(engine), yearly_totals(engine), primary_status(engine))


def ranking_table(programmes: pd.DataFrame, totals: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    """`ranking` from its three reads (the change needs a later year than the baseline's).

    One pass over plain dicts: a row per programme of the deployment (352 municipalities), where
    pandas' scalar lookups (`.at`, `.get` on an index) cost more than the arithmetic."""
    valued = totals.dropna(subset=["value_t"]).sort_values(["programme_id", "year"])
    by_year = {(pid, year): value for pid, year, value in
               zip(valued["programme_id"], valued["year"], valued["value_t"], strict=True)}
    latest = {pid: row for pid, *row in  # the last (latest) year of each programme wins
              zip(valued["programme_id"], valued["year"], valued["value_t"], valued["per_capita_t"],
                  valued["complete"], strict=True)}
    progress = {} if status.empty else dict(zip(status["programme_id"], status["progress_pct"], strict=True))
    rows = [_ranking_row(p, latest.get(p.id), by_year.get((p.id, p.baseline_year)), progress.get(p.id))
            for p in programmes.itertuples(index=False)]
    table = pd.DataFrame(rows, columns=["programme", "slug", "latest_year", "per_capita_t", "change_pct",
                                        "progress_pct", "complete"])
    table["progress_pct"] = pd.to_numeric(table["progress_pct"], errors="coerce").round(1)
    return table


def _ranking_row(p, latest: list | None, base: float | None, progress: float | None) -> dict:
    """One programme's ranking row from its latest valued year (year, value, per inhabitant,
    complete) and its baseline year's value."""
    if latest is None:
        return {"programme": p.name, "slug": p.slug, "latest_year": None, "per_capita_t": None,
                "change_pct": None, "progress_pct": progress, "complete": None}
    year, value, per_capita, complete = latest
    change = round((float(value) - base) / base * 100, 1) if base and int(year) > p.baseline_year else None
    return {"programme": p.name, "slug": p.slug, "latest_year": int(year),
            "per_capita_t": round(float(per_capita), 2) if pd.notna(per_capita) else None,
            "change_pct": change, "progress_pct": progress, "complete": bool(complete)}


def _number(value) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None
