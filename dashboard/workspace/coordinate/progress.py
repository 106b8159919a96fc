"""What coordinators see and residents do not: per-partner progress and the data's health (pure).

Per partner, counted as the commitments gap counts (pipelines.analytics.commitments_gap):
- committed: the full reduction of every commitment that is not withdrawn (t CO2e/yr);
- delivered: achieved commitments in full + work in progress × its progress % (delayed work is
  not counted until it is back on track, as in the gap chart);
- delivered % = delivered / committed; overdue: open commitments whose target year has passed.
"""

from __future__ import annotations

import pandas as pd

from pipelines.analytics.commitments_gap import delivered_reduction, is_overdue, scenario_weight

PARTNER_COLUMNS = ["partner", "commitments", "committed_t", "delivered_t", "delivered_pct", "overdue"]
# Inventories are published about two years after the fact (the 2024 figures in 2026): a series
# whose last value is older than that is late.
LATE_AFTER_YEARS = 2
# Listed in this order: late series and gaps first; indicators that never had a value (the
# programme may simply not track that sector) after them.
HEALTH_STATES = ("late", "gaps", "no_values", "ok")


def partner_progress(commitments: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    """One row per partner (PARTNER_COLUMNS), the largest commitment first, then by name."""
    if commitments.empty:
        return pd.DataFrame(columns=PARTNER_COLUMNS)
    frame = pd.DataFrame({
        "partner": commitments["partner"],
        "committed_t": scenario_weight(commitments, "all_delivered"),  # every one not withdrawn
        "delivered_t": delivered_reduction(commitments),
        "overdue": is_overdue(commitments, as_of_year).astype(int),
    })
    out = frame.groupby("partner", sort=False).agg(
        commitments=("partner", "size"), committed_t=("committed_t", "sum"),
        delivered_t=("delivered_t", "sum"), overdue=("overdue", "sum"),
    ).reset_index()
    committed = out["committed_t"].where(out["committed_t"] > 0)
    out["delivered_pct"] = (out["delivered_t"] / committed * 100).round(1)
    out = out.sort_values(["committed_t", "partner"], ascending=[False, True], kind="stable")
    return out[PARTNER_COLUMNS].reset_index(drop=True)


def health_state(values: int, last_year, missing_years: list[int], as_of_year: int) -> str:
    """no_values (never a value), late (the last value too old), gaps (years missing), or ok."""
    if values == 0 or pd.isna(last_year):
        return "no_values"
    if int(last_year) < as_of_year - LATE_AFTER_YEARS:
        return "late"
    return "gaps" if missing_years else "ok"


def health_overview(health: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    """data_health's rows with their `state`, those that need attention first."""
    states = [
        health_state(int(row.values), row.last_year, list(row.missing_years), as_of_year)
        for row in health.itertuples(index=False)
    ]
    out = health.assign(state=states)
    rank = {state: i for i, state in enumerate(HEALTH_STATES)}
    out = out.assign(rank=out["state"].map(rank)).sort_values(["rank", "code"], kind="stable")
    return out.drop(columns="rank").reset_index(drop=True)
