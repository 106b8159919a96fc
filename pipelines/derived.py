"""Derived tables, rebuilt inside every write's transaction: emissions, progress, summaries.

`rebuild(conn, programme_id)` reads the programme's current emissions (aggregated in SQL per
indicator and year), population, target sets and commitments, runs the pure analytics
(pipelines.analytics.summary.analyse) and rewrites derived_emissions, derived_progress and
derived_summary for that programme (delete + insert, in the caller's transaction). A problem in
the data (e.g. no value in a target's baseline year) never stops an import: the summary says it
in its `error` key.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Connection, delete, insert, update

from pipelines.analytics.queries import read_inputs
from pipelines.analytics.summary import Analysis, analyse
from pipelines.schema import (
    DerivedEmissions,
    DerivedProgress,
    DerivedSummary,
    Programme,
    new_data_version,
    utcnow,
)

EMISSIONS_FIELDS = (
    "year", "sector_code", "value_t", "sectors_included", "complete", "per_capita_t",
    "reported_total_t", "source",
)
PROGRESS_FIELDS = (
    "target_set_id", "sector_code", "year", "actual_t", "pathway_t", "gap_t", "progress_pct",
    "projected_t", "projected_low_t", "projected_high_t", "with_commitments_t",
)


def rebuild(conn: Connection, programme_id: int) -> Analysis:
    """Recompute derived_emissions, derived_progress and derived_summary for one programme."""
    inputs = read_inputs(conn, programme_id)
    analysis = analyse(inputs)
    write(conn, programme_id, analysis)
    mark_changed(conn, programme_id, inputs.as_of_year)
    return analysis


def mark_changed(conn: Connection, programme_id: int, as_of_year: int) -> None:
    """Give the programme a new data version, committed with the write (cached reads key on it),
    and note the year the derived rows are true for (pipelines/year_turn.py)."""
    conn.execute(
        update(Programme).where(Programme.id == programme_id)
        .values(data_version=new_data_version(), derived_as_of_year=as_of_year)
    )


def write(conn: Connection, programme_id: int, analysis: Analysis) -> None:
    """Replace the programme's derived rows with those of `analysis`."""
    for table in (DerivedSummary, DerivedProgress, DerivedEmissions):
        conn.execute(delete(table).where(table.programme_id == programme_id))
    emissions = _records(analysis.emissions, EMISSIONS_FIELDS, programme_id)
    for row in emissions:
        row["complete"] = bool(row["complete"])
    if emissions:
        conn.execute(insert(DerivedEmissions), emissions)
    progress = _records(analysis.progress, PROGRESS_FIELDS, programme_id)
    if progress:
        conn.execute(insert(DerivedProgress), progress)
    now = utcnow()
    summaries = [
        {"programme_id": programme_id, "target_set_id": s["target_set_id"],
         "sector_code": s["sector_code"], "status": s["status"], "summary": s["summary"],
         "computed_at": now}
        for s in analysis.summaries
    ]
    if summaries:
        conn.execute(insert(DerivedSummary), summaries)


def _records(frame: pd.DataFrame, fields: tuple[str, ...], programme_id: int) -> list[dict]:
    """Plain Python rows (None for NaN, int years) ready for an executemany insert."""
    if frame.empty:
        return []
    subset = frame[list(fields)].astype(object)
    subset = subset.where(subset.notna(), None)
    rows = subset.to_dict("records")
    for row in rows:
        row["programme_id"] = programme_id
        row["year"] = int(row["year"])
        for key, value in row.items():
            if hasattr(value, "item"):  # numpy scalar
                row[key] = value.item()
    return rows
