"""Read-only queries of the comparison page: every programme's yearly totals, sectors and status."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, Select, and_, func, select
from sqlalchemy.orm import aliased

from dashboard.queries._read import read_frame, read_frames
from pipelines.analytics.progress import change_since_baseline_pct
from pipelines.schema import DerivedEmissions, DerivedSummary, Programme, TargetSet
from pipelines.vocab import TOTAL


def chosen_programmes(engine: Engine, slugs: tuple[str, ...]) -> pd.DataFrame:
    """The programmes of `slugs` (id, slug, name, baseline year), in no particular order."""
    return read_frame(engine, _programmes_query(slugs))


@dataclass(frozen=True)
class Comparison:
    """What the comparison's charts show of the chosen programmes (frames as the queries below give them)."""

    programmes: pd.DataFrame  # chosen_programmes
    totals: pd.DataFrame  # yearly_totals
    status: pd.DataFrame  # primary_status
    sectors: pd.DataFrame  # sector_values


def comparison_data(engine: Engine, slugs: tuple[str, ...]) -> Comparison:
    """The programmes of `slugs`, their yearly totals, primary status and sectors, read on one
    connection (its set-up, a round trip each for the pool's ping, BEGIN and the read-only mark,
    costs more than these few rows: once, not four times)."""
    ids = select(Programme.id).where(Programme.slug.in_(slugs))
    programmes, totals, status, sectors = read_frames(engine, [
        _programmes_query(slugs),
        _totals_query().where(DerivedEmissions.programme_id.in_(ids)),
        _status_query().where(DerivedSummary.programme_id.in_(ids)),
        _sectors_query().where(DerivedEmissions.programme_id.in_(ids)),
    ])
    return Comparison(programmes, totals, _with_progress(status), sectors)


def yearly_totals(engine: Engine) -> pd.DataFrame:
    """Every programme's headline total per year: value, per inhabitant (None without a
    population), whether the year is complete and where the value comes from."""
    return read_frame(engine, _totals_query())


def sector_values(engine: Engine, programme_ids: tuple[int, ...]) -> pd.DataFrame:
    """The sectors' yearly values (None where missing) of the programmes asked for."""
    return read_frame(engine, _sectors_query().where(DerivedEmissions.programme_id.in_(programme_ids)))


def primary_status(engine: Engine) -> pd.DataFrame:
    """Per programme with a primary target set: its status and progress toward that target."""
    return _with_progress(read_frame(engine, _status_query()))


def _programmes_query(slugs: tuple[str, ...]) -> Select:
    p = Programme
    return select(p.id, p.slug, p.name, p.baseline_year).where(p.slug.in_(slugs))


def _totals_query() -> Select:
    e = DerivedEmissions
    return (select(e.programme_id, e.year, e.value_t, e.per_capita_t, e.complete, e.source)
            .where(e.sector_code == TOTAL).order_by(e.programme_id, e.year))


def _sectors_query() -> Select:
    e = DerivedEmissions
    return (select(e.programme_id, e.year, e.sector_code, e.value_t)
            .where(e.sector_code != TOTAL).order_by(e.programme_id, e.year))


def _status_query() -> Select:
    s, ts = DerivedSummary, TargetSet
    return (select(s.programme_id, s.status, s.summary, ts.name.label("target_name"), ts.target_year)
            .join(ts, ts.id == s.target_set_id)
            .where(ts.is_primary, s.sector_code == TOTAL))


def _with_progress(frame: pd.DataFrame) -> pd.DataFrame:
    """The status rows with the summary's progress (%) and target (t) in place of the summary."""
    summaries = frame.pop("summary") if "summary" in frame else pd.Series(dtype=object)
    frame["progress_pct"] = [_progress(d) for d in summaries]
    frame["target_t"] = [_number((d or {}).get("target_t")) for d in summaries]
    return frame


def ranking(engine: Engine) -> pd.DataFrame:
    """Every programme: latest year, per inhabitant, change since its baseline (%), progress (%),
    by slug. One read (the page is shown with hundreds of programmes: each read costs more than its rows)."""
    return ranking_table(read_frame(engine, ranking_query()))


@functools.cache  # a statement is immutable; building this one costs about a millisecond
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
    progress = _progress(r.summary)
    if pd.isna(r.latest_year):  # no total in any year
        return {"programme": r.programme, "slug": r.slug, "latest_year": None, "per_capita_t": None,
                "change_pct": None, "progress_pct": progress, "complete": None}
    year, base = int(r.latest_year), None if pd.isna(r.base_t) else float(r.base_t)
    change = change_since_baseline_pct(int(r.baseline_year), base, year, float(r.value_t))
    change = None if change is None else round(change, 1)
    return {"programme": r.programme, "slug": r.slug, "latest_year": year,
            "per_capita_t": round(float(r.per_capita_t), 2) if pd.notna(r.per_capita_t) else None,
            "change_pct": change, "progress_pct": progress, "complete": bool(r.complete)}


def _progress(summary: dict | None) -> float | None:
    """The summary's progress toward the target (%): None while no year after the baseline is
    measured (the analytics leave it out then: 0 % by construction would rank a municipality with
    one year of data beside one that has really not moved)."""
    return _number((summary or {}).get("progress_pct"))


def _number(value) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None
