"""Read-only queries of the public dashboard: `(engine, programme_id, filters) -> DataFrame`.

They read only the derived tables and small base tables (programme, target sets, indicators,
one indicator's observations, partners, commitments, public fields of import batches), so their
cost does not grow with the number of stored observations.
"""

from dashboard.queries.indicators import indicator_series, indicators
from dashboard.queries.meta import import_history, last_update, programmes
from dashboard.queries.partners import commitment_totals, commitments, partners
from dashboard.queries.progress import (
    emissions_by_sector,
    milestones,
    progress_series,
    sector_summaries,
    summary,
    target_sets,
)

__all__ = [
    "commitment_totals", "commitments", "emissions_by_sector", "import_history", "indicator_series",
    "indicators", "last_update", "milestones", "partners", "programmes", "progress_series",
    "sector_summaries", "summary", "target_sets",
]
