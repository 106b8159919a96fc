"""Data health per indicator: latest period, missing years, superseded values, last import's age."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import Engine

from pipelines.analytics.queries import iso_utc, query_frame

# One pass over the programme's observations, grouped per indicator and year (current and
# superseded rows alike: history is part of health); reached through the (indicator, period)
# history index, so observation needs no per-programme index that every import would maintain.
# Batch ids grow with time, so the largest one of an indicator is its last import.
BY_INDICATOR_YEAR = """
SELECT o.indicator_id AS indicator_id, o.year AS year,
       SUM(CASE WHEN o.is_current THEN 1 ELSE 0 END) AS current_rows,
       COUNT(CASE WHEN o.is_current THEN o.value END) AS current_values,
       SUM(CASE WHEN o.is_current THEN 0 ELSE 1 END) AS superseded,
       MAX(CASE WHEN o.is_current THEN o.period END) AS latest_period,
       MAX(o.batch_id) AS last_batch_id
FROM indicator i
JOIN observation o ON o.indicator_id = i.id
WHERE i.programme_id = :programme_id
GROUP BY o.indicator_id, o.year
"""
INDICATORS = """
SELECT id AS indicator_id, code, name_nl, name_en, name_fr, kind, unit, sector_code
FROM indicator WHERE programme_id = :programme_id ORDER BY kind, code
"""
BATCHES = "SELECT id AS batch_id, created_at FROM import_batch WHERE programme_id = :programme_id"

HEALTH_COLUMNS = [
    "indicator_id", "code", "name_nl", "name_en", "name_fr", "kind", "unit", "sector_code", "first_year",
    "last_year", "latest_period", "values", "missing_values", "missing_years",
    "superseded_values", "last_batch_id", "last_import_at", "last_import_age_days",
]


def data_health(engine: Engine, programme_id: int, now: datetime | None = None) -> pd.DataFrame:
    """One row per indicator (HEALTH_COLUMNS); `missing_years` lists years without a value
    between the first and last year; the import's age is in days at `now` (default: now)."""
    params = {"programme_id": programme_id}
    with engine.connect() as conn:
        per_year = query_frame(conn, BY_INDICATOR_YEAR, params)
        indicators = query_frame(conn, INDICATORS, params)
        batches = query_frame(conn, BATCHES, params)
    return health_table(indicators, per_year, batches, now or datetime.now(UTC))


def health_table(
    indicators: pd.DataFrame, per_year: pd.DataFrame, batches: pd.DataFrame, now: datetime
) -> pd.DataFrame:
    """The pure part of data_health: per-indicator facts from per-indicator-year counts."""
    created = {int(b): iso_utc(c) for b, c in zip(batches["batch_id"], batches["created_at"], strict=True)}
    by_indicator = per_year.groupby("indicator_id")
    facts = pd.DataFrame({
        "values": by_indicator["current_values"].sum(),
        "missing_values": by_indicator["current_rows"].sum() - by_indicator["current_values"].sum(),
        "superseded_values": by_indicator["superseded"].sum(),
        "last_batch_id": by_indicator["last_batch_id"].max(),
    })
    current = per_year[per_year["current_rows"] > 0]
    facts["latest_period"] = current.groupby("indicator_id")["latest_period"].max()
    years = per_year[per_year["current_values"] > 0].groupby("indicator_id")["year"]
    facts["first_year"], facts["last_year"] = years.min(), years.max()
    facts["missing_years"] = years.agg(_gaps)
    out = indicators.merge(facts, how="left", left_on="indicator_id", right_index=True)
    out["missing_years"] = [v if isinstance(v, list) else [] for v in out["missing_years"]]
    for column in ("values", "missing_values", "superseded_values"):
        out[column] = out[column].fillna(0).astype(int)
    out["last_batch_id"] = out["last_batch_id"].astype("Int64")
    out["last_import_at"] = out["last_batch_id"].map(lambda b: None if pd.isna(b) else created.get(int(b)))
    out["last_import_age_days"] = [
        (now - datetime.fromisoformat(w)).total_seconds() / 86_400 if isinstance(w, str) else None
        for w in out["last_import_at"]
    ]
    for column in ("first_year", "last_year"):
        out[column] = out[column].astype("Int64")
    return out[HEALTH_COLUMNS].reset_index(drop=True)


def _gaps(years: pd.Series) -> list[int]:
    """Years between the first and the last that are not in `years`."""
    have = {int(y) for y in years}
    return [y for y in range(min(have), max(have) + 1) if y not in have]
