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


def _number(value) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None
