"""Read-only queries of the comparison page: every programme's yearly totals, sectors and status."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, select

from dashboard.queries._read import read_frame
from pipelines.schema import DerivedEmissions, DerivedSummary, TargetSet
from pipelines.vocab import TOTAL


def yearly_totals(engine: Engine) -> pd.DataFrame:
    """Every programme's headline total per year: value, per inhabitant (None without a
    population), whether the year is complete and where the value comes from."""
    e = DerivedEmissions
    query = (select(e.programme_id, e.year, e.value_t, e.per_capita_t, e.complete, e.source)
             .where(e.sector_code == TOTAL).order_by(e.programme_id, e.year))
    return read_frame(engine, query)


def sector_values(engine: Engine, programme_ids: tuple[int, ...]) -> pd.DataFrame:
    """The sectors' yearly values (None where missing) of the programmes asked for."""
    e = DerivedEmissions
    query = (select(e.programme_id, e.year, e.sector_code, e.value_t)
             .where(e.sector_code != TOTAL, e.programme_id.in_(programme_ids))
             .order_by(e.programme_id, e.year))
    return read_frame(engine, query)


def primary_status(engine: Engine) -> pd.DataFrame:
    """Per programme with a primary target set: its status and progress toward that target."""
    s, ts = DerivedSummary, TargetSet
    query = (select(s.programme_id, s.status, s.summary, ts.name.label("target_name"), ts.target_year)
             .join(ts, ts.id == s.target_set_id)
             .where(ts.is_primary, s.sector_code == TOTAL))
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
    """`ranking` from its three reads (the change needs a later year than the baseline's)."""
    valued = totals.dropna(subset=["value_t"])
    latest = valued.sort_values("year").groupby("programme_id").tail(1).set_index("programme_id")
    by_year = valued.set_index(["programme_id", "year"])["value_t"]
    progress = status.set_index("programme_id")["progress_pct"] if not status.empty else pd.Series(dtype=float)
    rows = []
    for p in programmes.itertuples(index=False):
        has = p.id in latest.index
        latest_year = int(latest.at[p.id, "year"]) if has else None
        base = by_year.get((p.id, p.baseline_year))
        change = None
        if has and base and latest_year > p.baseline_year:
            change = round((float(latest.at[p.id, "value_t"]) - base) / base * 100, 1)
        rows.append({
            "programme": p.name, "slug": p.slug, "latest_year": latest_year,
            "per_capita_t": round(float(latest.at[p.id, "per_capita_t"]), 2)
            if has and pd.notna(latest.at[p.id, "per_capita_t"]) else None,
            "change_pct": change, "progress_pct": progress.get(p.id),
            "complete": bool(latest.at[p.id, "complete"]) if has else None,
        })
    table = pd.DataFrame(rows, columns=["programme", "slug", "latest_year", "per_capita_t", "change_pct",
                                        "progress_pct", "complete"])
    table["progress_pct"] = pd.to_numeric(table["progress_pct"], errors="coerce").round(1)
    return table


def _number(value) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None
