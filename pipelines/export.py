"""Export stored observations as CSV: canonical units, with their source and import batch."""

from __future__ import annotations

import csv
from typing import TextIO

from sqlalchemy import Engine, func, select

from pipelines.csv_safe import safe_row
from pipelines.flags import holds
from pipelines.schema import ImportBatch, Indicator, Observation

EXPORT_COLUMNS = (
    "indicator", "period", "value", "unit", "missing_key", "original_value", "original_unit",
    "source", "note", "batch_id", "file_name",
)
HISTORY_COLUMNS = ("is_current", "superseded_by_batch_id")
VALUE, MISSING_KEY = EXPORT_COLUMNS.index("value"), EXPORT_COLUMNS.index("missing_key")


def export_observations(engine: Engine, programme_id: int, out: TextIO, all_history: bool = False) -> int:
    """Write the programme's current observations (or every version) to `out`; returns rows.

    Streams from the database, so a big table never sits in memory. Values are in each
    indicator's canonical unit, with '.' as decimal mark; a missing value has its marker (NE, ?,
    or empty) in the value column too, so loading the file again stores nothing new. Text that a
    spreadsheet could run as a formula is quoted (pipelines.csv_safe).
    """
    columns = [
        Indicator.code, Observation.period, Observation.value, Indicator.unit,
        Observation.missing_key, Observation.original_value, Observation.original_unit,
        func.coalesce(Observation.source, ImportBatch.source).label("source"), Observation.note,
        Observation.batch_id,
        ImportBatch.file_name,
    ]
    if all_history:
        columns += [Observation.is_current, Observation.superseded_by_batch_id]
    query = (
        select(*columns)
        .join(Indicator, Indicator.id == Observation.indicator_id)
        .join(ImportBatch, ImportBatch.id == Observation.batch_id)
        .where(Observation.programme_id == programme_id)
        .order_by(Indicator.code, Observation.period, Observation.batch_id)
    )
    if not all_history:
        query = query.where(holds(Observation.is_current))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS + (HISTORY_COLUMNS if all_history else ()))
    count = 0
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=10_000).execute(query)
        for part in result.partitions():
            writer.writerows(safe_row(_with_marker(row)) for row in part)
            count += len(part)
    return count


def _with_marker(row) -> tuple:
    # The loader reads the value column only: left empty, a missing value would come back as
    # the marker '' (empty) instead of its own (NE, ?), a change that supersedes it.
    if row[VALUE] is None and row[MISSING_KEY]:
        return (*row[:VALUE], row[MISSING_KEY], *row[VALUE + 1:])
    return tuple(row)
