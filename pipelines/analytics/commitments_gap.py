"""The commitments gap: the reduction still needed against what partners have committed.

- needed reduction = latest emissions − target (overall, or for one sector with its sub-sectors).
- committed reduction (counted) = achieved in full + in progress × progress % (none given: 0)
  + planned in full; the three are also shown apart. Delayed and withdrawn commitments are shown
  apart and not counted.
- pending reduction = what is committed but not yet delivered: planned in full + in progress ×
  (100 − progress %). Achieved reductions are taken to be in the latest emissions already, so the
  uncovered reduction = needed − pending is what no partner has promised yet.
- "If every commitment delivers": the trend projection minus each pending reduction, counted in
  full from its commitment's target year on (no target year: the target set's target year; a
  target year already past: from the year after the latest value). The trend already carries the
  pace of past action, so this line is the optimistic case.
- Overdue: target year before the as-of year and status planned, in progress or delayed.
- Scenario bases (pipelines.analytics.scenarios): *as reported* = the delivered reduction
  (achieved in full + in progress × progress %); *all delivered* = every commitment but the
  withdrawn ones in full; *achieved only* = achieved in full; a choice of statuses = those
  statuses in full.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pipelines.vocab import TOTAL

COUNTED_STATUSES = ("achieved", "in_progress", "planned")
APART_STATUSES = ("delayed", "withdrawn")
OPEN_STATUSES = ("planned", "in_progress", "delayed")


def for_sector(commitments: pd.DataFrame, sector_code: str, parent_of: dict[str, str]) -> pd.DataFrame:
    """The commitments that count toward a sector (its own and its sub-sectors'); all for 'total'."""
    if sector_code == TOTAL:
        return commitments
    sector = commitments["sector_code"]
    return commitments[(sector == sector_code) | (sector.map(parent_of) == sector_code)]


def _arrays(rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(status, full reduction with 0 for none, share done 0..1) as plain arrays: a few hundred
    commitments at most, and numpy keeps the many small sums of a rebuild cheap."""
    status = rows["status"].to_numpy(dtype=object)
    full = np.nan_to_num(pd.to_numeric(rows["reduction_t_per_year"]).to_numpy(dtype=float))
    done = np.nan_to_num(pd.to_numeric(rows["progress_pct"]).to_numpy(dtype=float))
    return status, full, np.clip(done, 0, 100) / 100.0


def _counted(status: np.ndarray, full: np.ndarray, done: np.ndarray) -> np.ndarray:
    whole = (status == "achieved") | (status == "planned")
    return full * np.where(whole, 1.0, np.where(status == "in_progress", done, 0.0))


def _pending(status: np.ndarray, full: np.ndarray, done: np.ndarray) -> np.ndarray:
    return full * np.where(status == "planned", 1.0, np.where(status == "in_progress", 1.0 - done, 0.0))


def counted_reduction(rows: pd.DataFrame) -> pd.Series:
    """Per commitment, the reduction counted toward the committed total (t/yr)."""
    return pd.Series(_counted(*_arrays(rows)), index=rows.index)


def pending_reduction(rows: pd.DataFrame) -> pd.Series:
    """Per commitment, the reduction committed but not yet delivered (t/yr)."""
    return pd.Series(_pending(*_arrays(rows)), index=rows.index)


def delivered_reduction(rows: pd.DataFrame) -> pd.Series:
    """Per commitment, the reduction delivered so far (t/yr): achieved in full, work in progress
    by its progress %, nothing for the others."""
    status, full, done = _arrays(rows)
    share = np.where(status == "achieved", 1.0, np.where(status == "in_progress", done, 0.0))
    return pd.Series(full * share, index=rows.index)


SCENARIO_BASES = ("as_reported", "all_delivered", "achieved_only")


def scenario_weight(rows: pd.DataFrame, basis: str, statuses: tuple[str, ...] = ()) -> pd.Series:
    """Per commitment, the reduction (t/yr) a scenario counts: by its basis (see above), or, when
    statuses are chosen, each commitment of those statuses in full."""
    status, full, _ = _arrays(rows)
    if statuses:
        return pd.Series(full * np.isin(status, list(statuses)), index=rows.index)
    if basis == "as_reported":
        return delivered_reduction(rows)
    if basis == "all_delivered":
        return pd.Series(full * (status != "withdrawn"), index=rows.index)
    if basis == "achieved_only":
        return pd.Series(full * (status == "achieved"), index=rows.index)
    raise ValueError(f"unknown scenario basis {basis!r}; expected one of {', '.join(SCENARIO_BASES)}")


def is_overdue(rows: pd.DataFrame, as_of_year: int) -> pd.Series:
    """Per commitment, whether it is open and its target year is before the as-of year."""
    years = pd.to_numeric(rows["target_year"]).to_numpy(dtype=float)
    late = rows["status"].isin(OPEN_STATUSES).to_numpy() & (years < as_of_year)
    return pd.Series(late, index=rows.index)


def overdue(rows: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    """Open commitments whose target year is before the as-of year."""
    return rows[is_overdue(rows, as_of_year).to_numpy()]


def commitments_gap(rows: pd.DataFrame, needed_reduction_t: float | None, as_of_year: int) -> dict:
    """The summary's `commitments` object (keys in pipelines.analytics.summary)."""
    status, full, done = _arrays(rows)
    counted = _counted(status, full, done)
    pending = float(_pending(status, full, done).sum())
    by_status = {
        s: {"count": int((status == s).sum()), "reduction_t": float(full[status == s].sum()),
            "counted_t": float(counted[status == s].sum())}
        for s in COUNTED_STATUSES + APART_STATUSES
    }
    late = overdue(rows, as_of_year)
    return {
        "count": len(rows),
        "partners": int(rows["partner_id"].nunique()),
        "committed_reduction_t": float(counted.sum()),
        "achieved_reduction_t": by_status["achieved"]["counted_t"],
        "in_progress_reduction_t": by_status["in_progress"]["counted_t"],
        "planned_reduction_t": by_status["planned"]["counted_t"],
        "delayed_reduction_t": by_status["delayed"]["reduction_t"],
        "withdrawn_reduction_t": by_status["withdrawn"]["reduction_t"],
        "pending_reduction_t": pending,
        "needed_reduction_t": needed_reduction_t,
        "uncovered_reduction_t": None if needed_reduction_t is None else needed_reduction_t - pending,
        "with_commitments_t_at_target_year": None,  # set with the projection (series_summary)
        "by_status": by_status,
        "overdue_count": len(late),
        "overdue": [_overdue_item(r) for r in late.sort_values(["target_year", "id"]).itertuples()],
    }


def _overdue_item(row) -> dict:
    reduction = None if pd.isna(row.reduction_t_per_year) else float(row.reduction_t_per_year)
    return {
        "id": int(row.id), "partner": row.partner, "title": row.title,
        "target_year": int(row.target_year), "status": row.status, "reduction_t_per_year": reduction,
    }


def with_commitments(
    projected: pd.Series, rows: pd.DataFrame, latest_year: int, target_year: int
) -> pd.Series:
    """The projection if every pending reduction is delivered by its target year (see above)."""
    pending = _pending(*_arrays(rows))
    due = pd.to_numeric(rows["target_year"]).to_numpy(dtype=float)
    due = np.maximum(np.where(np.isnan(due), target_year, due), latest_year + 1)
    delivered = [float(pending[due <= year].sum()) for year in projected.index]
    return (projected - pd.Series(delivered, index=projected.index)).rename("with_commitments_t")
